from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._groups import NEAR_TABULAR, NEAR_TEXT, pick_threshold


@register_check
@dataclass
class LeakageCheck(Check):
    """Training examples that also appear in the ``reference=`` (test) set: equal content, or an
    embedding neighbour in the reference set closer than ``threshold`` (cosine distance)."""

    name = "leakage"
    axis = "representativeness"
    requires = frozenset({"reference", "embeddings"})
    threshold: float = 0.02
    text_threshold: float = NEAR_TEXT  # see _groups.py
    tabular_threshold: float = NEAR_TABULAR

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        if not findings.get("leaked_examples"):
            return []
        return [f"{findings['leaked_examples']} training example(s) also appear in the reference/test set."]

    def run(self, ctx) -> CheckResult:
        threshold = pick_threshold(self, ctx.modality)

        ref = ctx.get("reference")
        keys = ctx.content_keys()
        ref_keys = ref.content_keys()
        ref_ids = ref.dataset.ids
        by_key = {}
        for j, key in enumerate(ref_keys):
            if isinstance(key, str):
                by_key.setdefault(key, j)
        flagged: dict[int, tuple[float, str]] = {}
        for i, key in enumerate(keys):
            if isinstance(key, str) and key in by_key:
                flagged[i] = (1.0, f"identical to reference example {ref_ids[by_key[key]]}")
        X, R = ctx.get("embeddings"), ref.get("embeddings")
        rows, rrows = np.flatnonzero(ctx.valid), np.flatnonzero(ref.valid)
        if len(rows) and len(rrows):
            ind, dist = ctx.search(R[rrows], 1, queries=X[rows], exclude_self=False)
            for r, j, d in zip(rows, ind[:, 0], dist[:, 0]):
                if d <= threshold and r not in flagged:
                    flagged[r] = (float(1 - d), f"near-identical to reference example {ref_ids[rrows[j]]} "
                                                f"(distance {d:.4f})")
        idx = sorted(flagged)
        return CheckResult.from_lists(idx, [flagged[i][0] for i in idx], [flagged[i][1] for i in idx],
                                      {"leaked_examples": len(idx)})
