from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._image_stats import readable_stats


@register_check
@dataclass
class LowInformationCheck(Check):
    """Nearly blank images: contrast (1st to 99th brightness percentile) below ``min_contrast``, or
    brightness entropy below ``entropy_bits`` *and* below ``relative_entropy`` times the dataset's
    median entropy.

    The entropy rule is relative because a black-and-white image has under 1 bit of entropy however
    much it shows (a digit, a page of text, a mask): every binarised sklearn digit and 99.8% of
    binarised Fashion-MNIST items are under 1 bit. In a dataset of such images an image is nearly blank
    when it has far less entropy than its peers (a speck on an empty page); in a dataset of photographs
    (median 5-7 bits) the 1-bit limit applies as it is.
    """

    name = "low_information"
    axis = "representativeness"
    explains = frozenset({"outlier"})  # the cause, where outlier would only say "far from the rest"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})
    entropy_bits: float = 1.0
    min_contrast: float = 0.05
    # chosen on tuning data only: sklearn digits at 32 px binarised (none under 0.3x the median entropy)
    # and thinned (binarised at 200: 7 of 1,797 under 0.25x, 11 under 0.3x; the 5th percentile at 0.59x),
    # and 1,000 binarised Fashion-MNIST train items (26 under 0.25x: 0.6-3.3% of their pixels set against
    # a median 31%, items that binarising really left blank); generator A's planted blank images are
    # found by the contrast rule. 0 keeps the absolute 1-bit rule of earlier versions
    relative_entropy: float = 0.25

    def run(self, ctx) -> CheckResult:
        st, rows = readable_stats(ctx)
        ent = st["entropy"].to_numpy(float)[rows]
        contrast = (st["brightness_p99"] - st["brightness_p01"]).to_numpy(float)[rows]
        median = float(np.median(ent)) if len(ent) else 0.0
        limit = min(self.entropy_bits, self.relative_entropy * median) if self.relative_entropy else self.entropy_bits
        flag = (ent < limit) | (contrast < self.min_contrast)
        score = 1.0 - 0.5 * (ent / 8.0)
        det = [f"entropy {e:.2f} bits (median of the data {median:.2f}), contrast {c:.2f}"
               for e, c in zip(ent[flag], contrast[flag])]
        return CheckResult.from_lists(rows[flag], score[flag], det, {"entropy_limit_bits": round(limit, 4),
                                                                    "median_entropy_bits": round(median, 4)})
