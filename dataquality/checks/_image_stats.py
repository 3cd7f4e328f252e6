"""Helpers for checks that read the per-image statistics."""

from __future__ import annotations

import numpy as np


def readable_stats(ctx):
    st = ctx.get("image_stats")
    ok = st["readable"].to_numpy(bool)
    return st, np.flatnonzero(ok)


def dominant(values) -> tuple[object, float]:
    """The most common value and its share."""
    vals, counts = np.unique(np.asarray(values, dtype=object).astype(str), return_counts=True)
    if len(vals) == 0:
        return None, 0.0
    k = counts.argmax()
    return vals[k], counts[k] / counts.sum()
