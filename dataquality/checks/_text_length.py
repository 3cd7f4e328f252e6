from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check, robust_z


@register_check
@dataclass
class OddLengthCheck(Check):
    """Texts of a wildly unusual length: robust z-score of log(1 + characters, runs of whitespace
    counted once) beyond
    ``z_threshold`` either way (a one-word review among paragraphs, a page pasted into a tweet set).

    Empty texts are ``missing_value``, not this. Needs ``min_texts`` non-empty texts.
    """

    name = "odd_length"
    axis = "consistency"
    modalities = frozenset({"text"})
    z_threshold: float = 4.0
    min_texts: int = 10

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
        flag = np.abs(z) > self.z_threshold
        median = float(np.median(lengths))
        det = [f"{int(n)} characters ({'short' if zz < 0 else 'long'}; median {median:.0f}, robust z {zz:.1f})"
               for n, zz in zip(lengths[flag], z[flag])]
        score = 1.0 - np.exp(-np.abs(z[flag]) / self.z_threshold)
        return CheckResult.from_lists(rows[flag], np.clip(score, 0.5, 1.0), det,
                                      {"median_length": median, "odd_length_texts": int(flag.sum())})
