"""Precomputed vectors: an N x D array (or memmap) audited as it is."""

from __future__ import annotations

import hashlib

import numpy as np

from ._base import Modality, register_modality

_CHUNK = 65536  # rows at a time: a memmap is never read whole


@register_modality
class EmbeddingsModality(Modality):
    name = "embeddings"
    description = "vectors you computed, one row per example"
    default_embedder = "precomputed"
    probe = "standardised_linear"
    near_duplicate_distance = 0.005
    outlier_global = True
    vectors_given = True

    def valid(self, ctx) -> np.ndarray:
        X = ctx.dataset.vectors
        out = np.empty(len(X), dtype=bool)
        for s in range(0, len(X), _CHUNK):
            # finiteness in the vectors' own dtype: cast to float32 first, finite float64 values past 3.4e38 became
            # inf and every such row was a missing_value
            B = np.asarray(X[s: s + _CHUNK])
            if not np.issubdtype(B.dtype, np.floating):
                B = B.astype(np.float64)
            out[s: s + len(B)] = np.isfinite(B).all(axis=1) & (np.abs(B).sum(axis=1) > 0)
        return out

    def content_keys(self, ctx, valid: np.ndarray) -> np.ndarray:
        X = ctx.dataset.vectors
        keys = np.empty(len(X), dtype=object)
        for s in range(0, len(X), _CHUNK):
            B = np.ascontiguousarray(X[s: s + _CHUNK])
            keys[s: s + len(B)] = [hashlib.blake2b(r.tobytes(), digest_size=12).hexdigest() for r in B]
        keys[~valid] = None
        return keys
