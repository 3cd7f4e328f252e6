from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._groups import describe, near_sets


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
    # 0.02 / 4 bits flagged about as many look-alike originals as planted copies on digits and
    # Fashion-MNIST (precision ~0.47); 0.005 / 2 bits keeps recall and lifts F1 to ~0.9
    threshold: float = 0.005
    hash_threshold: int = 2
    # TF-IDF vectors of short texts move more per edited word: one word added to a 16-word
    # text is ~0.04 away, quoted replies in 20 Newsgroups 0.02-0.06, unrelated posts > 0.3
    text_threshold: float = 0.05
    # table rows (robustly scaled, anchored; see encode_table): 0.001 is a total difference of
    # about 0.2 IQR over all columns; 0.02 would join ordinary neighbours in low-dimensional tables
    tabular_threshold: float = 0.001

    def run(self, ctx) -> CheckResult:
        hash_t = self.hash_threshold if ctx.modality == "image" else None
        threshold = {"text": self.text_threshold, "tabular": self.tabular_threshold}.get(ctx.modality, self.threshold)
        sets = near_sets(ctx, threshold, hash_t)
        dup = ctx.get("duplicates")
        d = {}
        for (a, b), e in zip(dup.near_pairs, dup.near_emb_dist):
            d[a] = min(d.get(a, np.inf), e)
            d[b] = min(d.get(b, np.inf), e)
        idx, sc, det, grp = [], [], [], []
        for gi, g in enumerate(sets):
            for i in g:
                idx.append(i)
                grp.append(f"near-{gi}")
                dist = d.get(i, 0.0)
                sc.append(1.0 - min(1.0, (dist if np.isfinite(dist) else 0.0) / max(threshold * 2, 1e-9)))
                det.append(describe(ctx, g, i, f"near set {gi}"))
        return CheckResult.from_lists(idx, np.clip(sc, 0.5, 1.0), det, {"near_duplicate_sets": len(sets)}, grp)
