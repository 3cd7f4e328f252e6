"""blurry's typical sharpness (data/_stats.py: typical_sharpness): a blurred picture under something sharp that covers
a minority of its detail (a subtitle, the joints of a wall of glass bricks) keeps the sharp part's edges in the edge
energy and the peak gradient, not in the median over all of its detail."""

import numpy as np
import pytest
from PIL import Image, ImageDraw

from dataquality.data._stats import laplacian_energy, peak_gradient, typical_sharpness


def _strokes(seed):
    """Soft-edged line art on black, like a digit (64 x 64, grey 0-1)."""
    from scipy.ndimage import gaussian_filter

    r = np.random.default_rng(seed)
    im = Image.new("L", (64, 64), 0)
    d = ImageDraw.Draw(im)
    for _ in range(4):
        d.line([tuple(int(v) for v in r.integers(8, 56, 2)) for _ in range(3)], fill=255, width=5)
    return gaussian_filter(np.asarray(im, np.float32) / 255, 0.7)


def _grid(g, step=21, level=0.6):
    """Sharp grey joints, 1 px wide, every ``step`` px across and down: a wall of glass bricks' mortar."""
    g = g.copy()
    g[:, step::step] = level
    g[step::step, :] = level
    return g


def test_the_typical_sharpness_falls_with_a_blur_under_sharp_joints_where_the_edge_energy_does_not():
    from scipy.ndimage import gaussian_filter

    for seed in range(6):
        g = _strokes(seed)
        under = _grid(gaussian_filter(g, 2.0))
        typ, edge, peak = (f(np.stack([g, under, gaussian_filter(g, 2.0)])) for f in
                           (typical_sharpness, laplacian_energy, peak_gradient))
        assert edge[1] > 0.8 * edge[0] and peak[1] > 0.6 * peak[0]  # the joints keep both up
        assert typ[1] < 0.6 * typ[0]  # the typical edge is the blurred picture's
        assert typ[2] < 0.6 * typ[0]  # and a plain blur lowers it as much
    g = _strokes(0)
    t = typical_sharpness(np.stack([g, 0.2 + 0.5 * g, np.full((64, 64), 0.3, np.float32)]))
    assert t[1] == pytest.approx(t[0], rel=1e-4)  # brightness and contrast: the same
    assert t[2] == 0.0  # a flat image: no detail, no NaN
    assert typical_sharpness(np.zeros((1, 2, 2), np.float32))[0] == 0.0  # too small to say


def test_the_typical_statistic_ranks_blurs_under_joints_lowest_where_the_three_way_one_does_not():
    """``all_typical`` (an "auto" candidate of the calibration) against ``all`` on the same pictures: 150 line drawings,
    6 of them blurred under a grid of sharp joints, each statistic over the set's median."""
    import pandas as pd
    from scipy.ndimage import gaussian_filter

    from dataquality.checks._blurry import AUTO_STATISTICS, BlurryCheck
    from dataquality.data._stats import finish_stats, small_images

    assert "all_typical" in AUTO_STATISTICS and BlurryCheck().spectral == "auto"
    grey = [_strokes(s) for s in range(150)]
    planted = list(range(5, 150, 25))
    for i in planted:
        grey[i] = _grid(gaussian_filter(grey[i], 1.5))
    small = [small_images(Image.fromarray((np.clip(g, 0, 1) * 255).astype(np.uint8)).convert("RGB")) for g in grey]
    stats = pd.DataFrame(finish_stats(*(np.stack(p) for p in zip(*small))))
    r = BlurryCheck()._statistic(stats)
    r = r / np.median(r, axis=0)
    typical, three = BlurryCheck._combine(r, "all_typical"), BlurryCheck._combine(r, "all")
    assert set(np.argsort(typical)[:6]) == set(planted)
    assert len(set(np.argsort(three)[:6]) & set(planted)) <= 3
