from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._image_stats import dominant, readable_stats
from ._words import pct


@register_check
@dataclass
class ModeMismatchCheck(Check):
    """Images whose colour mode (L, RGBA, CMYK, P, I;16 ...) differs from the dominant one.

    Only when one mode covers at least ``dominant_share`` of the images; the dominant mode is a finding.
    """

    name = "mode_mismatch"
    axis = "consistency"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})
    dominant_share: float = 0.5

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        if not findings.get("dominant_mode"):
            return []
        return [f"Dominant colour mode {findings['dominant_mode']} ({pct(findings.get('dominant_mode_share'))}), "
                f"dominant file format {findings.get('dominant_format', '?')} "
                f"({pct(findings.get('dominant_format_share'))})."]

    def run(self, ctx) -> CheckResult:
        st, rows = readable_stats(ctx)
        if len(rows) < 2:
            return CheckResult.empty()
        modes = st["mode"].to_numpy(object)[rows].astype(str)
        fmts = st["format"].to_numpy(object)[rows].astype(str)
        dom, share = dominant(modes)
        dom_fmt, fmt_share = dominant(fmts)
        findings = {"dominant_mode": dom, "dominant_mode_share": share, "dominant_format": dom_fmt,
                    "dominant_format_share": fmt_share}
        if share < self.dominant_share:
            return CheckResult.empty(findings)
        flag = modes != dom
        det = [f"mode {modes[k]} among {dom} ({share:.0%})" for k in np.flatnonzero(flag)]
        return CheckResult.from_lists(rows[flag], np.full(flag.sum(), 0.8), det, findings)
