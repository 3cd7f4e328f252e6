"""Tabular embedder: standardised numeric columns and one-hot categoricals."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._base import Embedder, register_embedder


def numeric_view(df: pd.DataFrame) -> pd.DataFrame:
    """Columns as numbers where they parse as numbers (numbers stored as strings included)."""
    out = {}
    for c in df.columns:
        s = df[c]
        if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
            out[c] = pd.to_numeric(s, errors="coerce").astype(float)
        else:
            conv = pd.to_numeric(s, errors="coerce")
            nonblank = s.notna() & (s.astype(str).str.strip() != "")
            if nonblank.any() and conv[nonblank].notna().mean() >= 0.9:
                out[c] = conv.astype(float)
            else:
                out[c] = s
    return pd.DataFrame(out, index=df.index)


@register_embedder("tabular")
class TabularEmbedder(Embedder):
    """Numeric columns robustly scaled (NaN -> column median), categoricals one-hot (top 50 levels)."""

    name = "tabular"
    modality = "tabular"
    data_dependent = True

    def __init__(self, max_levels: int = 50):
        self.max_levels = int(max_levels)

    def cache_key(self) -> str:
        return f"tabular-v2-{self.max_levels}"

    def embed_dataset(self, ds, *, device="cpu", progress=True):
        return encode_table(ds.features, self.max_levels)


def encode_table(df: pd.DataFrame, max_levels: int = 50) -> np.ndarray:
    """Rows as vectors whose cosine distances behave like scaled Euclidean distances.

    Numeric columns are robustly scaled (median, IQR / 1.349; missing -> median), so one extreme
    value does not squash the rest of its column; text columns are one-hot (top ``max_levels``
    levels). A constant last column of norm sqrt(D) anchors every row away from the origin:
    without it, rows near the column medians have arbitrary directions and cosine neighbours
    (near duplicates, outliers) among them would mean nothing.
    """
    df = numeric_view(df)
    parts = []
    for c in df.columns:
        s = df[c]
        if pd.api.types.is_numeric_dtype(s):
            v = s.to_numpy(float, copy=True)
            v[~np.isfinite(v)] = np.nan
            if not np.isfinite(v).any():
                parts.append(np.zeros((len(v), 1)))
                continue
            med = np.nanmedian(v)
            v = np.where(np.isnan(v), med, v)
            q1, q3 = np.percentile(v, [25, 75])
            scale = (q3 - q1) / 1.349
            if scale <= 0:
                scale = v.std()
            parts.append(((v - med) / (scale if scale > 0 else 1.0))[:, None])
        else:
            s = s.astype(str)
            top = s.value_counts().index[:max_levels]
            parts.append(np.stack([(s == t).to_numpy(float) for t in top], axis=1) if len(top) else
                         np.zeros((len(s), 1)))
    X = np.concatenate(parts, axis=1) if parts else np.zeros((len(df), 1))
    X = np.concatenate([X, np.full((len(X), 1), np.sqrt(X.shape[1]))], axis=1)
    return X.astype(np.float32)
