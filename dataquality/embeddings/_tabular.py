"""Tabular embedder: standardised numeric columns and one-hot categoricals."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ._base import Embedder, register_embedder


@register_embedder("tabular")
class TabularEmbedder(Embedder):
    """Numeric columns robustly scaled (NaN -> column median), categoricals one-hot (top 50 levels).

    Fitting and transforming are apart (:meth:`fit_table`, :meth:`transform_table`): the audit fits
    on the table it embeds, ``finetune`` on the training rows, keeping the fitted state to score
    new rows through the very same map.
    """

    name = "tabular"
    modality = "tabular"
    data_dependent = True

    def __init__(self, max_levels: int = 50):
        self.max_levels = int(max_levels)

    def cache_key(self) -> str:
        return f"tabular-v3-{self.max_levels}"

    def fit_table(self, df: pd.DataFrame) -> dict:
        return fit_table(df, self.max_levels)

    @staticmethod
    def transform_table(state: dict, df: pd.DataFrame) -> np.ndarray:
        return transform_table(state, df)

    def embed_dataset(self, ds, *, device="cpu", progress=True):
        return encode_table(ds.features, self.max_levels)


def encode_table(df: pd.DataFrame, max_levels: int = 50) -> np.ndarray:
    """Rows as vectors whose cosine distances behave like scaled Euclidean distances.

    Each column is encoded as what it is (``dataquality.data.column_kinds``): numbers, booleans and
    dates (days) robustly scaled (median, IQR / 1.349; missing -> median), so one extreme value
    does not squash the rest of its column; categorical text one-hot (top ``max_levels`` levels);
    identifier-like and free-text columns, nested cells and constant columns left out (a column
    of names would otherwise give every row a dimension of its own). A constant last column of
    norm sqrt(D) anchors every row away from the origin: without it, rows near the column
    medians have arbitrary directions and cosine neighbours (near duplicates, outliers) among
    them would mean nothing. Time and memory are linear in rows x columns.
    """
    return transform_table(fit_table(df, max_levels), df)


def _number_block(df: pd.DataFrame, numeric: list[dict]) -> np.ndarray:
    """The numeric, boolean and datetime columns of ``df`` as an n x p float64 block (NaN: missing)."""
    from ..data import as_number

    names = [col["name"] for col in numeric]
    V = np.empty((len(df), len(names)), dtype=np.float64)
    plain = [j for j, col in enumerate(numeric) if col["kind"] == "numeric"
             and pd.api.types.is_numeric_dtype(df[names[j]].dtype) and not pd.api.types.is_bool_dtype(df[names[j]].dtype)]
    if plain and len(set(names)) == len(names):  # number columns as one block
        V[:, plain] = df[[names[j] for j in plain]].to_numpy(dtype=float, na_value=np.nan)
    for j in sorted(set(range(len(names))) - set(plain)):
        V[:, j] = as_number(df[names[j]], numeric[j]["kind"])
    V[~np.isfinite(V)] = np.nan
    return V


def fit_table(df: pd.DataFrame, max_levels: int = 50) -> dict:
    """The encoding of :func:`encode_table` fitted on ``df``, as plain data: per number column its
    kind, median and scale; per categorical column its levels."""
    from ..data import column_kinds

    kinds = column_kinds(df)
    numeric = [{"name": c, "kind": k} for c, k in kinds.items() if k in ("numeric", "boolean", "datetime")]
    categorical = []
    if numeric:
        V = _number_block(df, numeric)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns
            med = np.nanmedian(V, axis=0)
            med = np.where(np.isfinite(med), med, 0.0)
            V = np.where(np.isnan(V), med, V)
            q1, q3 = np.percentile(V, [25, 75], axis=0)
            scale = (q3 - q1) / 1.349
            sd = V.std(axis=0)
            scale = np.where(scale > 0, scale, sd)
            scale = np.where(scale > 0, scale, 1.0)
        for j, col in enumerate(numeric):
            col.update(median=float(med[j]), scale=float(scale[j]))
    for c, k in kinds.items():
        if k == "categorical":
            categorical.append({"name": c, "levels": [str(t) for t in df[c].astype(str).value_counts().index[:max_levels]]})
    return {"kind": "tabular_encoder", "numeric": numeric, "categorical": categorical}


def transform_table(state: dict, df: pd.DataFrame, dtype=np.float32) -> np.ndarray:
    """Rows of ``df`` through an encoding made by :func:`fit_table` (``dtype``, anchor column last).

    ``near_duplicate`` asks for float64: the audit's stored embeddings are float16, whose 3 digits put rows
    1e-4 of a column's spread apart at distance 0."""
    from .._errors import DataQualityError

    wanted = [col["name"] for col in state["numeric"]] + [col["name"] for col in state["categorical"]]
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        raise DataQualityError(f"The data lacks columns the encoding was fitted on: {missing}. Expected columns "
                               f"{wanted} but got {list(df.columns)}.")
    n = len(df)
    parts = []
    if state["numeric"]:
        V = _number_block(df, state["numeric"])
        med = np.array([col["median"] for col in state["numeric"]], dtype=np.float64)
        scale = np.array([col["scale"] for col in state["numeric"]], dtype=np.float64)
        V = np.where(np.isnan(V), med, V)
        parts.append((V - med) / scale)
    for col in state["categorical"]:
        codes = pd.Categorical(df[col["name"]].astype(str), categories=col["levels"]).codes
        onehot = np.zeros((n, len(col["levels"])))
        have = codes >= 0
        onehot[np.flatnonzero(have), codes[have]] = 1.0
        parts.append(onehot)
    if not parts:
        parts.append(np.zeros((n, 1)))
    X = np.concatenate(parts, axis=1)
    X = np.concatenate([X, np.full((len(X), 1), np.sqrt(X.shape[1]))], axis=1)
    return X.astype(dtype)
