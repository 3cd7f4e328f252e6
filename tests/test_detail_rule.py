"""The near-duplicate check's detail rule: a picture larger than 32 px printed over as a whole (on a fabric, a stone, a
gift wrap) keeps the local detail of its 16 x 16 grey picture, and the two are each other's nearest by it by far."""

import numpy as np
import pytest
import torch

import dataquality as dq
from dataquality.audit import AuditContext
from dataquality.checks import make_check

from .conftest import DEVICE

skimage_data = pytest.importorskip("skimage.data")
pytestmark = pytest.mark.usefixtures("copies_embedded_on_small_sets")

PHOTOS = ("astronaut", "coffee", "chelsea", "rocket", "immunohistochemistry", "camera")


def run(X, settings=None):
    ds = dq.as_dataset(list(X))
    ctx = AuditContext(ds, embedder=torch.nn.Sequential(torch.nn.AdaptiveAvgPool2d(6), torch.nn.Flatten()),
                       device=DEVICE, cache_dir=False, progress=False, embedder_settings={"image_size": 48})
    check = make_check("near_duplicate", settings)
    ctx.prepare(set(check.requires))
    res = check.run(ctx)
    return {ds.ids[i] for i in res.indices}, res


def printed_over(tile: np.ndarray, seed: int = 0) -> np.ndarray:
    """The picture printed on a patterned ground: its colours times fine coloured stripes and blotches, and a grain."""
    rng = np.random.default_rng(seed)
    h, w = tile.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w]
    ground = np.ones((h, w, 3)) * rng.uniform(0.7, 1.0, 3)
    for _ in range(30):
        cy, cx, r = rng.uniform(0, h), rng.uniform(0, w), rng.uniform(2, 5)
        ground[(yy - cy) ** 2 + (xx - cx) ** 2 < r * r] *= rng.uniform(0.6, 0.9, 3)
    stripes = 0.75 + 0.25 * (np.sin(xx * 2.3 + yy * 1.3) > 0)
    grain = rng.normal(1.0, 0.06, (h, w, 1))
    out = tile.astype(float) / 255 * ground * stripes[..., None] * grain
    return np.clip(out * 255, 0, 255).astype(np.uint8)


@pytest.fixture(scope="module")
def tiles():
    """64 px tiles of six photographs, 16 of each (from a 4 x 4 grid over the photograph at 256 px)."""
    from PIL import Image

    out = []
    for name in PHOTOS:
        a = np.asarray(Image.fromarray(getattr(skimage_data, name)()).convert("RGB").resize((256, 256), Image.BICUBIC))
        out += [a[y:y + 64, x:x + 64] for y in range(0, 256, 64) for x in range(0, 256, 64)]
    return np.stack(out)


@pytest.fixture(scope="module")
def with_prints(tiles):
    picked = [5, 22, 70]  # a face, a cup's rim, a stained cell's wall: tiles with structure (cat's fur is too fine)
    copies = np.stack([printed_over(tiles[i], seed=k) for k, i in enumerate(picked)])
    data = np.concatenate([tiles, copies])
    pairs = [{str(i), str(len(tiles) + k)} for k, i in enumerate(picked)]
    return data, pairs


def test_a_picture_printed_over_as_a_whole_is_found_by_its_detail(with_prints):
    data, pairs = with_prints
    flagged, res = run(data)
    without, _ = run(data, {"detail_ratio": None})
    assert all(p <= flagged for p in pairs)
    assert not all(p <= without for p in pairs)  # the other rules miss some of them
    assert flagged - without and flagged - without <= set().union(*pairs)  # and it adds nothing else
    assert res.findings["detail_ratio"] == 0.3 and res.findings["detail_pairs"] >= 1
    from dataquality.checks._near_duplicate import NearDuplicateCheck

    assert any("local detail" in line for line in NearDuplicateCheck.describe(res.findings))


def test_the_detail_rule_joins_no_distinct_tiles(tiles):
    _, res = run(tiles)
    assert res.findings["detail_pairs"] == 0


def test_the_detail_rule_is_off_for_small_pictures():
    X, _ = dq.datasets.load_fashion_mnist(split="test", n=80, random_state=3, as_arrays=True)
    _, res = run(np.asarray(X))
    assert "detail_pairs" not in res.findings  # at most 32 px: the layout rule's


@pytest.mark.parametrize("bad", ["0.3", 1.0, -0.1, True])
def test_detail_ratio_is_checked(bad):
    with pytest.raises(dq.DataQualityError, match="detail_ratio"):
        make_check("near_duplicate", {"detail_ratio": bad})
