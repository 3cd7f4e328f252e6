from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._image_stats import dominant, readable_stats
from ._words import pct


@register_check
@dataclass
class OddSizeCheck(Check):
    """Images whose pixel area is far from the median (beyond ``area_factor``), or, when one size
    covers at least ``dominant_share`` of the images, images of any other size."""

    name = "odd_size"
    axis = "consistency"
    explains = frozenset({"outlier"})  # the cause, where outlier would only say "far from the rest"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})
    area_factor: float = 4.0
    dominant_share: float = 0.9

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        if not findings.get("dominant_size"):
            return []
        return [f"Dominant image size {findings['dominant_size']} ({pct(findings.get('dominant_size_share'))})."]

    def run(self, ctx) -> CheckResult:
        st, rows = readable_stats(ctx)
        if len(rows) < 2:
            return CheckResult.empty()
        w = st["width"].to_numpy(float)[rows]
        h = st["height"].to_numpy(float)[rows]
        sizes = [f"{int(a)}x{int(b)}" for a, b in zip(w, h)]
        dom, share = dominant(sizes)
        ratio = np.log((w * h) / np.median(w * h))
        far = np.abs(ratio) > np.log(self.area_factor)
        off_dominant = (np.array(sizes) != dom) if share >= self.dominant_share else np.zeros(len(rows), bool)
        flag = far | off_dominant
        score = np.clip(np.abs(ratio) / np.log(self.area_factor) / 2 + 0.5, 0.5, 1.0)
        det = [f"{sizes[k]} (typical {dom}, {share:.0%} of images)" for k in np.flatnonzero(flag)]
        return CheckResult.from_lists(rows[flag], score[flag], det, {"dominant_size": dom, "dominant_size_share": share})
