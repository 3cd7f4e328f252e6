from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check


@register_check
@dataclass
class UnreadableCheck(Check):
    """Files that are missing, empty, truncated, refused or not decodable; ``detail`` is the reason."""

    name = "unreadable"
    axis = "completeness"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})

    def run(self, ctx) -> CheckResult:
        st = ctx.get("image_stats")
        bad = np.flatnonzero(~st["readable"].to_numpy(bool))
        return CheckResult.from_lists(bad, np.ones(len(bad)), [str(st["error"].iat[i]) for i in bad])
