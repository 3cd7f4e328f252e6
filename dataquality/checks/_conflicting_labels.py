from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._groups import near_sets


@register_check
@dataclass
class ConflictingLabelsCheck(Check):
    """Duplicate sets (exact, or near within the thresholds) whose members carry different labels."""

    name = "conflicting_labels"
    axis = "consistency"
    requires = frozenset({"duplicates", "labels"})
    threshold: float = 0.02
    hash_threshold: int = 4
    include_near: bool = True
    text_threshold: float = 0.05  # see near_duplicate
    tabular_threshold: float = 0.001

    def run(self, ctx) -> CheckResult:
        dup = ctx.get("duplicates")
        sets = list(dup.exact_groups)
        if self.include_near:
            threshold = {"text": self.text_threshold, "tabular": self.tabular_threshold}.get(ctx.modality,
                                                                                             self.threshold)
            sets += near_sets(ctx, threshold, self.hash_threshold if ctx.modality == "image" else None)
        codes = ctx.label_codes
        flagged: dict[int, str] = {}
        for g in sets:
            labs = {int(c) for c in codes[g] if c >= 0}
            if len(labs) > 1:
                names = sorted(str(ctx.classes[c]) for c in labs)
                for i in g:
                    others = [ctx.dataset.ids[j] for j in g if j != i][:5]
                    flagged.setdefault(int(i), f"labels {names} within a duplicate set with {', '.join(others)}")
        idx = sorted(flagged)
        return CheckResult.from_lists(idx, np.ones(len(idx)), [flagged[i] for i in idx])
