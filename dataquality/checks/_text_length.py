from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check, robust_z


@register_check
@dataclass
class OddLengthCheck(Check):
    """Texts of a wildly unusual length: robust z-score of log(1 + characters, runs of whitespace
    counted once) beyond
    ``z_threshold`` either way (a one-word review among paragraphs, a page pasted into a tweet set), and at least
    ``min_ratio`` times longer or shorter than the median: where nearly every text has one length (an export cut
    to a fixed width) the spread is next to nothing, and a text a few characters short is not odd.

    Empty texts are ``missing_value``, not this. Needs ``min_texts`` non-empty texts.
    """

    name = "odd_length"
    axis = "consistency"
    modalities = frozenset({"text"})
    z_threshold: float = 4.0
    min_texts: int = 10
    # z > 4 on texts of ordinary spread (MAD of log length 0.3-0.5) is already a factor of 3-7; the ratio matters
    # only where lengths hardly vary: 95 texts of 40 characters and 5 of 39 put the 39s at z 16, and 75 of 40 with
    # 25 of 20-39 put those of 20-27 at z 4-6 (scale: robust_z's mean absolute deviation, the MAD being 0)
    min_ratio: float = 2.0

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        if findings.get("median_length") is None:
            return []
        return [f"Median text length {findings['median_length']}."]

    def run(self, ctx) -> CheckResult:
        rows = np.flatnonzero(ctx.valid)
        if len(rows) < self.min_texts:
            return CheckResult.empty()
        lengths = np.array([len(" ".join(str(ctx.texts[i]).split())) for i in rows], dtype=np.float64)  # runs of spaces count once
        z = robust_z(np.log1p(lengths))
        median = float(np.median(lengths))
        far = (lengths >= self.min_ratio * median) | (lengths * self.min_ratio <= median)
        flag = (np.abs(z) > self.z_threshold) & far
        det = [f"{int(n)} characters ({'short' if zz < 0 else 'long'}; median {median:.0f}, robust z {zz:.1f})"
               for n, zz in zip(lengths[flag], z[flag])]
        score = 1.0 - np.exp(-np.abs(z[flag]) / self.z_threshold)
        return CheckResult.from_lists(rows[flag], np.clip(score, 0.5, 1.0), det,
                                      {"median_length": median, "odd_length_texts": int(flag.sum())})
