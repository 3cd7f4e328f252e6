from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._groups import describe


@register_check
@dataclass
class ExactDuplicateCheck(Check):
    """Examples with identical content (decoded pixels; normalised text; equal table rows).

    Every member of a set is reported, its ``detail`` naming the set and the other members.
    """

    name = "exact_duplicate"
    axis = "representativeness"
    forms_sets = True
    excluded_by_default = True
    requires = frozenset({"exact_groups"})  # the content keys alone: runs without the embedder

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        if not findings.get("exact_duplicate_sets"):
            return []
        return [f"{findings['exact_duplicate_sets']} set(s) of exact duplicates "
                f"({findings.get('exact_duplicate_extra_copies', '?')} extra copies)."]

    def run(self, ctx) -> CheckResult:
        groups, _ = ctx.get("exact_groups")
        idx, det, grp = [], [], []
        sets = []
        for gi, g in enumerate(groups):
            sets.append([ctx.dataset.ids[j] for j in g])
            for i in g:
                idx.append(i)
                grp.append(f"exact-{gi}")
                det.append(describe(ctx, g, i, f"exact set {gi}"))
        extra = sum(len(g) - 1 for g in groups)
        return CheckResult.from_lists(idx, np.ones(len(idx)), det,
                                      {"exact_duplicate_sets": len(sets), "exact_duplicate_extra_copies": extra}, grp)
