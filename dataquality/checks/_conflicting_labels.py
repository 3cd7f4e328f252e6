from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._calibration import NEAR_TARGET_PRECISION
from ._groups import NEAR_TEXT, near_sets, near_thresholds, with_content
from ._near_duplicate import TABULAR_TOLERANCE, by_columns, tabular_pairs


@register_check
@dataclass
class ConflictingLabelsCheck(Check):
    """Duplicate sets (exact, or near within the thresholds) whose members carry different labels."""

    name = "conflicting_labels"
    axis = "consistency"
    excluded_by_default = True
    requires = frozenset({"duplicates", "labels"})
    waits_for = frozenset({"synthetic_copies"})  # its near-copy thresholds are near_duplicate's (images)
    # the same near-duplicate thresholds as near_duplicate (learnt from the data for images)
    threshold: float | None = None
    hash_threshold: int | None = None
    include_near: bool = True
    text_threshold: float = NEAR_TEXT
    # tables: None, near_duplicate's rule by columns (a fixed cosine 0.001 joined ordinary neighbours of a dense
    # one-column table: 21 of 100 rows "conflicting"); a number: that cosine distance
    tabular_threshold: float | None = None
    tabular_tolerance: float = TABULAR_TOLERANCE
    calibrate: bool = True
    target_precision: float = NEAR_TARGET_PRECISION
    min_contrast: float = 0.05  # images: flatter ones are low_information's (see _groups.with_content)

    def run(self, ctx) -> CheckResult:
        dup = ctx.get("duplicates")
        sets = list(dup.exact_groups)
        if self.include_near:
            threshold, hash_t, calibration = near_thresholds(self, ctx)
            pairs = None
            if by_columns(self, ctx):
                pairs, threshold = tabular_pairs(ctx, self.tabular_tolerance)[0], -1.0
            sets += near_sets(ctx, threshold, hash_t, with_content(ctx, self.min_contrast), learnt=calibration,
                              partial=pairs)
        codes = ctx.label_codes
        flagged: dict[int, str] = {}
        for g in sets:
            labs = {int(c) for c in codes[g] if c >= 0}
            if len(labs) > 1:
                names = sorted(str(ctx.classes[c]) for c in labs)
                for i in g:
                    others = [ctx.dataset.ids[j] for j in g[:6] if j != i][:5]
                    more = len(g) - 1 - len(others)
                    flagged.setdefault(int(i), f"labels {names} within a duplicate set of {len(g)} with "
                                               f"{', '.join(others)}" + (f" (+{more} more)" if more > 0 else ""))
        idx = sorted(flagged)
        return CheckResult.from_lists(idx, np.ones(len(idx)), [flagged[i] for i in idx])
