"""A small group of images from another domain is reported as outliers, not handed to another check."""

import numpy as np

import dataquality as dq
from dataquality.checks import explained_by

from .conftest import DEVICE


def _stripes(n: int, size: int, seed: int = 0) -> list[np.ndarray]:
    """Coloured sine stripes at random angles and periods, with a little noise: nothing like a
    handwritten digit, and neither dark, light, flat (two-valued stripes read as low information)
    nor blurred, so no check that names a cause can claim them."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size] / size
    out = []
    for _ in range(n):
        th, period = rng.uniform(0, np.pi), rng.uniform(0.15, 0.3)
        wave = 0.5 + 0.5 * np.sin(2 * np.pi * (np.cos(th) * xx + np.sin(th) * yy) / period)
        a = rng.integers(0, 256, 3)
        img = a + (255 - 2 * a) * wave[..., None] + rng.normal(0, 8, (size, size, 3))
        out.append(np.clip(img, 0, 255).astype(np.uint8))
    return out


def test_group_of_foreign_images_flagged_as_outliers_and_kept():
    X, y = dq.datasets.load_digits(image_size=32, n=150, as_arrays=True)
    X, y = list(X), list(y)
    planted = [7, 31, 62, 98, 133]  # five foreign images, each other's nearest neighbours
    for i, img in zip(planted, _stripes(len(planted), 32)):
        X[i] = img
    r = dq.audit(np.stack(X), labels=y, embedder_settings={"image_size": 32}, cache_dir=False, progress=False,
                 device=DEVICE, random_state=0)
    found = set(r.flagged("outlier"))
    ids = [r.ids[i] for i in planted]
    assert set(ids) <= found
    # and none of them was left to a check that names a cause
    causes = r.issues[r.issues["issue"].isin(explained_by("outlier"))]
    assert not set(ids) & set(causes["id"])
    assert len(found - set(ids)) <= 2  # and hardly any digit with them
