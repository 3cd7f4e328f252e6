from __future__ import annotations

from dataclasses import dataclass

from ._base import Check, CheckResult, register_check
from ._image_stats import readable_stats


@register_check
@dataclass
class DarkCheck(Check):
    """Images with no bright pixels: the 99th percentile of perceived brightness below ``threshold``."""

    name = "dark"
    axis = "representativeness"
    explains = frozenset({"outlier"})  # the cause, where outlier would only say "far from the rest"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})
    threshold: float = 0.25

    def run(self, ctx) -> CheckResult:
        st, rows = readable_stats(ctx)
        p99 = st["brightness_p99"].to_numpy(float)[rows]
        flag = p99 < self.threshold
        score = 1.0 - p99 / self.threshold * 0.5
        det = [f"brightest 1% of pixels at {v:.2f} (threshold {self.threshold})" for v in p99[flag]]
        return CheckResult.from_lists(rows[flag], score[flag], det)
