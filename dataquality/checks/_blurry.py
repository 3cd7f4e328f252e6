from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._image_stats import readable_stats


def blur_relative_to_lookalikes(blur: np.ndarray, thumbs: np.ndarray, search, k: int = 10) -> np.ndarray:
    """Each image's edge energy divided by the median edge energy of its ``k`` look-alikes.

    Look-alikes are the nearest neighbours by cosine between mean-centred 4x4 grey thumbnails:
    a layout that blur leaves almost unchanged, so a blurred "3" is compared with sharp images
    shaped like it, not with its blurred peers (which embedding neighbours tend to be) nor with a
    dataset-wide median that mixes busy and plain images. ``search`` is the audit context's
    neighbour search (``ctx.search``).
    """
    T = thumbs - thumbs.mean(axis=1, keepdims=True)
    T[np.abs(T).sum(axis=1) < 1e-6, 0] = 1e-3  # flat thumbnails: any direction, never NaN
    idx, _ = search(T.astype(np.float32), k)
    if idx.shape[1] == 0:
        return np.ones(len(blur))
    neighbour_blur = np.where(idx >= 0, blur[np.maximum(idx, 0)], np.nan)
    return blur / np.maximum(np.nanmedian(neighbour_blur, axis=1), 1e-12)


@register_check
@dataclass
class BlurryCheck(Check):
    """Images with little edge energy (Laplacian variance at 64 px over grey-level variance) for
    their content: below ``relative_local`` times the median of their ``k`` look-alikes (images
    with the most similar 4x4 layout), or below ``relative`` times the dataset's median.

    Both are relative, so sharp and naturally soft datasets are judged against themselves; the
    look-alike comparison also separates a blurred image from one that is plain by nature (a
    digit "1" has less edge than an "8"). Nearly flat images are left to ``low_information``."""

    name = "blurry"
    axis = "representativeness"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})
    # 0.4 / 0.2 / k=10 / 4x4 thumbnails: chosen on planted digits (32 px) and Fashion-MNIST, two seeds
    # each (docs/benchmarks.md); 8x8 thumbnails or a single threshold did worse on one of the four
    relative: float = 0.2
    relative_local: float = 0.4
    k: int = 10
    min_contrast: float = 0.05

    def run(self, ctx) -> CheckResult:
        from ..data._stats import decode_thumbs

        st, rows = readable_stats(ctx)
        if len(rows) < 3:
            return CheckResult.empty()
        blur = st["blur"].to_numpy(float)[rows]
        contrast = (st["brightness_p99"] - st["brightness_p01"]).to_numpy(float)[rows]
        med = np.median(blur)
        ratio = blur / max(med, 1e-12)
        local = np.full(len(rows), np.inf)
        use = contrast >= self.min_contrast
        thumbs = decode_thumbs(st["thumb"].to_numpy(object)[rows])
        use &= np.isfinite(thumbs).all(axis=1)
        if use.sum() > self.k and self.relative_local > 0:
            local[use] = blur_relative_to_lookalikes(blur[use], thumbs[use], ctx.search, self.k)
        severity = np.minimum(ratio / self.relative, local / self.relative_local)
        flag = (severity < 1.0) & (contrast >= self.min_contrast)
        score = 1.0 - severity * 0.5
        det = [f"edge energy {r:.2f}x the dataset median"
               + (f", {lo:.2f}x that of images laid out like it" if np.isfinite(lo) else "")
               for r, lo in zip(ratio[flag], local[flag])]
        return CheckResult.from_lists(rows[flag], score[flag], det, {"median_blur": float(med)})
