from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._image_stats import readable_stats


@register_check
@dataclass
class OddAspectRatioCheck(Check):
    """Images whose width/height ratio differs from the median ratio by more than ``factor``."""

    name = "odd_aspect_ratio"
    axis = "consistency"
    explains = frozenset({"outlier"})  # the cause, where outlier would only say "far from the rest"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})
    factor: float = 1.5

    def run(self, ctx) -> CheckResult:
        st, rows = readable_stats(ctx)
        if len(rows) < 2:
            return CheckResult.empty()
        ar = st["width"].to_numpy(float)[rows] / st["height"].to_numpy(float)[rows]
        med = np.median(ar)
        dev = np.abs(np.log(ar / med))
        flag = dev > np.log(self.factor)
        score = np.clip(dev / np.log(self.factor) / 4 + 0.5, 0.5, 1.0)
        det = [f"aspect ratio {ar[k]:.2f} (typical {med:.2f})" for k in np.flatnonzero(flag)]
        return CheckResult.from_lists(rows[flag], score[flag], det, {"median_aspect_ratio": float(med)})
