"""Tabular embedder: standardised numeric columns and one-hot categoricals."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ._base import Embedder, register_embedder


@register_embedder("tabular")
class TabularEmbedder(Embedder):
    """Numeric columns robustly scaled (NaN -> column median), categoricals one-hot (top 50 levels)."""

    name = "tabular"
    modality = "tabular"
    data_dependent = True

    def __init__(self, max_levels: int = 50):
        self.max_levels = int(max_levels)

    def cache_key(self) -> str:
        return f"tabular-v3-{self.max_levels}"

    def embed_dataset(self, ds, *, device="cpu", progress=True):
        return encode_table(ds.features, self.max_levels)


def encode_table(df: pd.DataFrame, max_levels: int = 50) -> np.ndarray:
    """Rows as vectors whose cosine distances behave like scaled Euclidean distances.

    Each column is encoded as what it is (``dataquality.data._columns``): numbers, booleans and
    dates (days) robustly scaled (median, IQR / 1.349; missing -> median), so one extreme value
    does not squash the rest of its column; categorical text one-hot (top ``max_levels`` levels);
    identifier-like and free-text columns, nested cells and constant columns left out (a column
    of names would otherwise give every row a dimension of its own). A constant last column of
    norm sqrt(D) anchors every row away from the origin: without it, rows near the column
    medians have arbitrary directions and cosine neighbours (near duplicates, outliers) among
    them would mean nothing. Time and memory are linear in rows x columns.
    """
    from ..data import as_number, column_kinds

    kinds = column_kinds(df)
    n = len(df)
    numeric_cols = [c for c, k in kinds.items() if k in ("numeric", "boolean", "datetime")]
    parts = []
    if numeric_cols:
        V = np.empty((n, len(numeric_cols)), dtype=np.float64)
        plain = [j for j, c in enumerate(numeric_cols) if kinds[c] == "numeric"
                 and pd.api.types.is_numeric_dtype(df[c].dtype) and not pd.api.types.is_bool_dtype(df[c].dtype)]
        if plain and len(set(numeric_cols)) == len(numeric_cols):  # number columns as one block
            V[:, plain] = df[[numeric_cols[j] for j in plain]].to_numpy(dtype=float, na_value=np.nan)
        for j in sorted(set(range(len(numeric_cols))) - set(plain)):
            c = numeric_cols[j]
            V[:, j] = as_number(df[c], kinds[c])
        V[~np.isfinite(V)] = np.nan
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
        parts.append((V - med) / scale)
    for c, k in kinds.items():
        if k != "categorical":
            continue
        s = df[c].astype(str)
        top = s.value_counts().index[:max_levels]
        codes = pd.Categorical(s, categories=top).codes
        onehot = np.zeros((n, len(top)))
        have = codes >= 0
        onehot[np.flatnonzero(have), codes[have]] = 1.0
        parts.append(onehot)
    if not parts:
        parts.append(np.zeros((n, 1)))
    X = np.concatenate(parts, axis=1)
    X = np.concatenate([X, np.full((len(X), 1), np.sqrt(X.shape[1]))], axis=1)
    return X.astype(np.float32)
