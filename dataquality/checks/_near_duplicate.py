from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._groups import NEAR_HASH_BITS, NEAR_IMAGE, NEAR_TABULAR, NEAR_TEXT, describe, near_sets, pick_threshold


@register_check
@dataclass
class NearDuplicateCheck(Check):
    """Near-identical examples: embedding neighbours closer than ``threshold`` (cosine distance),
    or images whose perceptual hashes differ in at most ``hash_threshold`` bits.

    Pairs that are exact duplicates are not reported again here.
    """

    name = "near_duplicate"
    axis = "representativeness"
    requires = frozenset({"duplicates"})
    threshold: float = NEAR_IMAGE  # defaults and their reasons: see _groups.py
    hash_threshold: int = NEAR_HASH_BITS
    text_threshold: float = NEAR_TEXT
    tabular_threshold: float = NEAR_TABULAR

    def run(self, ctx) -> CheckResult:
        hash_t = self.hash_threshold if ctx.modality == "image" else None
        threshold = pick_threshold(self, ctx.modality)
        sets = near_sets(ctx, threshold, hash_t)
        dup = ctx.get("duplicates")
        d = np.full(ctx.n, np.inf)  # each example's closest candidate pair (nan distances ignored)
        e = np.nan_to_num(dup.near_emb_dist, nan=np.inf)
        if len(dup.near_pairs):
            np.minimum.at(d, dup.near_pairs[:, 0], e)
            np.minimum.at(d, dup.near_pairs[:, 1], e)
        idx, sc, det, grp = [], [], [], []
        for gi, g in enumerate(sets):
            for i in g:
                idx.append(i)
                grp.append(f"near-{gi}")
                dist = d[i]
                sc.append(1.0 - min(1.0, (dist if np.isfinite(dist) else 0.0) / max(threshold * 2, 1e-9)))
                det.append(describe(ctx, g, i, f"near set {gi}"))
        return CheckResult.from_lists(idx, np.clip(sc, 0.5, 1.0), det, {"near_duplicate_sets": len(sets)}, grp)
