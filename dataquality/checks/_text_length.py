from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check, robust_z

# characters that say more each than a Latin letter: a Han character about three (运动鞋, "sports shoes"), kana and
# Hangul about two (ありがとう, "thank you"). Counted once, a three-character Chinese product title among English
# and Spanish ones was flagged as a short text (10 of 70 in a multilingual set)
_HAN = re.compile(r"[\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KANA_HANGUL = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af]")
# Thai, Lao and Khmer, written without spaces between words: a text holds about 0.7 as many characters (vowel and
# tone marks included) as its English translation (ฉันกินข้าวแล้ว, 14: "I have already eaten.", 21), so each counts
# 1.4. Counted once, Thai reviews of ordinary length among English ones were flagged as short. Burmese is not
# weighted: its syllables are spelled with several characters each (medials, asat, tone marks), about as many as
# the English translation's letters
_THAI_LAO_KHMER = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff\u19e0-\u19ff]")


def text_length(text) -> int:
    """Length of ``text`` in Latin-letter terms: runs of whitespace count once, a Han character three, a kana or
    Hangul character two, a Thai, Lao or Khmer character 1.4 (rounded)."""
    t = " ".join(str(text).split())
    return len(t) + 2 * len(_HAN.findall(t)) + len(_KANA_HANGUL.findall(t)) + round(0.4 * len(_THAI_LAO_KHMER.findall(t)))


def _length_words(text, n: float) -> str:
    chars = len(" ".join(str(text).split()))
    return f"{chars} characters" + (f" (length {int(n)}: CJK characters count 2-3, Thai, Lao and Khmer 1.4)"
                                    if int(n) != chars else "")


@register_check
@dataclass
class OddLengthCheck(Check):
    """Texts of a wildly unusual length: robust z-score of log(1 + :func:`text_length`: characters, runs of
    whitespace counted once, a Han character as three, a kana or Hangul character as two and a Thai, Lao or Khmer
    character as 1.4) beyond
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
        lengths = np.array([text_length(ctx.texts[i]) for i in rows], dtype=np.float64)
        z = robust_z(np.log1p(lengths))
        median = float(np.median(lengths))
        far = (lengths >= self.min_ratio * median) | (lengths * self.min_ratio <= median)
        flag = (np.abs(z) > self.z_threshold) & far
        det = [_length_words(ctx.texts[i], n) + f" ({'short' if zz < 0 else 'long'}; median {median:.0f}, robust z {zz:.1f})"
               for i, n, zz in zip(rows[flag], lengths[flag], z[flag])]
        score = 1.0 - np.exp(-np.abs(z[flag]) / self.z_threshold)
        return CheckResult.from_lists(rows[flag], np.clip(score, 0.5, 1.0), det,
                                      {"median_length": median, "odd_length_texts": int(flag.sum())})
