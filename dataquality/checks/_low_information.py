from __future__ import annotations

from dataclasses import dataclass

from ._base import Check, CheckResult, register_check
from ._image_stats import readable_stats


@register_check
@dataclass
class LowInformationCheck(Check):
    """Nearly blank images: brightness entropy below ``entropy_bits`` or contrast below ``min_contrast``."""

    name = "low_information"
    axis = "representativeness"
    explains = frozenset({"outlier"})  # the cause, where outlier would only say "far from the rest"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})
    entropy_bits: float = 1.0
    min_contrast: float = 0.05

    def run(self, ctx) -> CheckResult:
        st, rows = readable_stats(ctx)
        ent = st["entropy"].to_numpy(float)[rows]
        contrast = (st["brightness_p99"] - st["brightness_p01"]).to_numpy(float)[rows]
        flag = (ent < self.entropy_bits) | (contrast < self.min_contrast)
        score = 1.0 - 0.5 * (ent / 8.0)
        det = [f"entropy {e:.2f} bits, contrast {c:.2f}" for e, c in zip(ent[flag], contrast[flag])]
        return CheckResult.from_lists(rows[flag], score[flag], det)
