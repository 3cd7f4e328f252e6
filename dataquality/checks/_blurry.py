from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._image_stats import readable_stats


@register_check
@dataclass
class BlurryCheck(Check):
    """Images whose edge energy (Laplacian variance at 64 px) is below ``relative`` times the
    dataset's median, so that sharp and naturally soft datasets are judged against themselves.
    Nearly flat images (see ``low_information``) are left to that check."""

    name = "blurry"
    axis = "representativeness"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})
    relative: float = 0.3
    min_contrast: float = 0.05

    def run(self, ctx) -> CheckResult:
        st, rows = readable_stats(ctx)
        if len(rows) < 3:
            return CheckResult.empty()
        blur = st["blur"].to_numpy(float)[rows]
        contrast = (st["brightness_p99"] - st["brightness_p01"]).to_numpy(float)[rows]
        med = np.median(blur)
        ratio = blur / max(med, 1e-12)
        flag = (ratio < self.relative) & (contrast >= self.min_contrast)
        score = 1.0 - ratio / self.relative * 0.5
        det = [f"edge energy {r:.2f}x the dataset median" for r in ratio[flag]]
        return CheckResult.from_lists(rows[flag], score[flag], det, {"median_blur": float(med)})
