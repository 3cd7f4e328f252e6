"""Label normalisation: missing values, deterministic class order."""

from __future__ import annotations

import numbers

import numpy as np


def is_missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    if isinstance(value, (np.floating,)) and np.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    return False


def _plain(value):
    """numpy scalars to python scalars; integral floats to int."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def normalise_labels(raw) -> np.ndarray:
    """Object array of labels with ``None`` for missing ones."""
    out = np.empty(len(raw), dtype=object)
    for i, v in enumerate(raw):
        out[i] = None if is_missing(v) else _plain(v)
    return out


def sort_classes(values) -> list:
    """Deterministic class order: numeric when every label is a number, else by text."""
    uniq = {v for v in values if v is not None}
    if all(isinstance(v, numbers.Number) and not isinstance(v, bool) for v in uniq):
        return sorted(uniq)
    return sorted(uniq, key=lambda v: (str(v), type(v).__name__))


def encode(labels: np.ndarray, classes: list) -> np.ndarray:
    index = {(type(c), c): i for i, c in enumerate(classes)}
    codes = np.full(len(labels), -1, dtype=np.int64)
    for i, v in enumerate(labels):
        if v is not None:
            codes[i] = index.get((type(v), v), -1)
    return codes
