"""Tables: rows of typed columns (numbers, booleans, dates, categories)."""

from __future__ import annotations

import numpy as np

from ._base import Modality, register_modality
from ._columns import column_kinds


@register_modality
class TabularModality(Modality):
    name = "tabular"
    description = "rows of a table (a DataFrame, a CSV or Parquet file)"
    default_embedder = "tabular"
    # thresholds and interactions a linear model misses: boosting on the raw columns, averaged with
    # a logistic regression on the encoding (compute/_modality_probes.py)
    probe = "boosted_plus_linear"
    # rows robustly scaled and anchored (embeddings.encode_table): 0.001 is a total difference of about
    # 0.2 IQR over all columns; 0.02 would join ordinary neighbours in low-dimensional tables
    near_duplicate_distance = 0.001
    # both outlier scores in the table's own columns, not in the float16 unit-length encoding (whose curvature,
    # quantised distances and heavy-tailed columns made 1-7% of clean rows of 2-4 column tables outliers); the
    # neighbour score only for rows lonelier than their neighbours (checks/_outlier.py, docs/text_tabular.md)
    outlier_global = "columns"
    outlier_local = "columns"
    outlier_local_ratio = 2.0
    preview = "row"
    reads_rows = True

    def valid(self, ctx) -> np.ndarray:
        return ~ctx.dataset.features.isna().all(axis=1).to_numpy()

    def content_keys(self, ctx, valid: np.ndarray) -> np.ndarray:
        import pandas as pd

        df = ctx.dataset.features
        # an identifier column is unique by definition: rows equal in everything else are duplicates
        same = [c for c, kind in column_kinds(df).items() if kind not in ("identifier", "constant")]
        h = pd.util.hash_pandas_object((df[same] if same else df).astype(str), index=False).to_numpy()
        return np.array([str(x) if v else None for x, v in zip(h, valid)], dtype=object)
