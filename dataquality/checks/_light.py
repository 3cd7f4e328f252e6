from __future__ import annotations

from dataclasses import dataclass

from ._base import Check, CheckResult, register_check
from ._image_stats import readable_stats


@register_check
@dataclass
class LightCheck(Check):
    """Washed-out images with no dark pixels: the 1st percentile of brightness above ``threshold``."""

    name = "light"
    axis = "representativeness"
    explains = frozenset({"outlier"})  # the cause, where outlier would only say "far from the rest"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})
    threshold: float = 0.85

    def run(self, ctx) -> CheckResult:
        st, rows = readable_stats(ctx)
        p01 = st["brightness_p01"].to_numpy(float)[rows]
        flag = p01 > self.threshold
        score = 0.5 + 0.5 * (p01 - self.threshold) / max(1 - self.threshold, 1e-6)
        det = [f"darkest 1% of pixels at {v:.2f} (threshold {self.threshold})" for v in p01[flag]]
        return CheckResult.from_lists(rows[flag], score[flag], det)
