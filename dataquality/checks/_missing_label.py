from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check


@register_check
@dataclass
class MissingLabelCheck(Check):
    """Examples with no label (None, NaN or an empty string)."""

    name = "missing_label"
    axis = "completeness"
    excluded_by_default = True
    requires = frozenset({"labels"})

    def run(self, ctx) -> CheckResult:
        missing = np.flatnonzero(~ctx.labeled)
        return CheckResult.from_lists(missing, np.ones(len(missing)), ["no label"] * len(missing))
