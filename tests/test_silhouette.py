"""The near-duplicate check's silhouette rule: a small picture on a blank ground printed over as a whole (a fabric
or a gift wrap over a garment) keeps its outline, and the two outlines are each other's best match by far."""

import numpy as np
import pytest
import torch

import dataquality as dq
from dataquality.audit import AuditContext
from dataquality.checks import make_check
from dataquality.checks._groups import otsu_masks

from .conftest import DEVICE

pytestmark = pytest.mark.usefixtures("copies_embedded_on_small_sets")


def run(X, settings=None):
    ds = dq.as_dataset(list(X))
    ctx = AuditContext(ds, embedder=torch.nn.Sequential(torch.nn.AdaptiveAvgPool2d(6), torch.nn.Flatten()),
                       device=DEVICE, cache_dir=False, progress=False, embedder_settings={"image_size": 32})
    check = make_check("near_duplicate", settings)
    ctx.prepare(set(check.requires))
    res = check.run(ctx)
    return {ds.ids[i] for i in res.indices}, res


def printed_over(garment: np.ndarray, seed: int = 0) -> np.ndarray:
    """The garment printed on a patterned fabric: its cloth times coloured blotches and faint diagonal stripes, and the
    pattern faintly over the black ground (a gift wrap's print showing through)."""
    rng = np.random.default_rng(seed)
    g = garment.astype(float) / 255
    yy, xx = np.mgrid[0:28, 0:28]
    pattern = np.ones((28, 28, 3))
    for _ in range(14):
        cy, cx, r = rng.uniform(0, 28), rng.uniform(0, 28), rng.uniform(2, 4)
        pattern[(yy - cy) ** 2 + (xx - cx) ** 2 < r * r] = rng.uniform(0.4, 0.8, 3)
    stripes = 0.8 + 0.2 * (np.sin(xx * 1.9 + yy * 1.1) > 0)
    rgb = g[..., None] * pattern * stripes[..., None] + 0.1 * (1 - g[..., None]) * pattern * (stripes[..., None] - 0.8) * 4
    return np.clip(rgb * 255, 0, 255).astype(np.uint8)


@pytest.fixture(scope="module")
def garments():
    X, _ = dq.datasets.load_fashion_mnist(split="test", n=300, random_state=7, as_arrays=True)
    X = np.asarray(X)  # 28 x 28 x 3, grey in every channel
    # garments of a bright cloth whose outline no other garment here comes near (IoU under 0.7): the rule asks the
    # copy's outline to beat its next best by 0.2
    from PIL import Image

    from dataquality.data._stats import pixel_stats

    grey = np.stack([np.frombuffer(pixel_stats(Image.fromarray(x))["grey32"], np.uint8).reshape(32, 32) for x in X])
    m = otsu_masks(grey).reshape(len(X), -1).astype(float)
    inter = m @ m.T
    iou = inter / np.maximum(m.sum(1)[:, None] + m.sum(1)[None] - inter, 1)
    np.fill_diagonal(iou, 0)
    picked = []
    for i in np.argsort(iou.max(axis=1)):
        if iou[i].max() >= 0.7 or len(picked) == 3:
            break
        if m[i].mean() < 0.2:
            continue
        # the print keeps this garment's outline (a cloth dark in places loses them under the print's blotches)
        copy = np.frombuffer(pixel_stats(Image.fromarray(printed_over(X[i][..., 0], len(picked))))["grey32"], np.uint8)
        c = otsu_masks(copy.reshape(1, 32, 32)).reshape(-1)
        if (c & (m[i] > 0)).sum() / (c | (m[i] > 0)).sum() >= 0.9:
            picked.append(int(i))
    return X, picked


def test_otsu_masks_split_a_picture_from_its_ground_and_leave_a_flat_one_empty():
    grey = np.zeros((2, 32, 32), dtype=np.uint8)
    grey[0, 8:24, 10:20] = 200
    grey[0, 9:12, 11:14] = 120  # detail inside the shape stays inside the mask
    grey[1] = 90
    masks = otsu_masks(grey)
    want = np.zeros((32, 32), bool)
    want[8:24, 10:20] = True
    assert (masks[0] == want).all()
    assert not masks[1].any()


def test_a_garment_printed_over_as_a_whole_is_found_by_its_outline(garments):
    X, picked = garments
    copies = np.stack([printed_over(X[i][..., 0], seed=k) for k, i in enumerate(picked)])
    data = np.concatenate([X, copies])
    pairs = [{str(i), str(len(X) + k)} for k, i in enumerate(picked)]
    flagged, res = run(data)
    without, _ = run(data, {"silhouette_margin": None})
    assert len(picked) == 3
    assert all(p <= flagged for p in pairs)
    assert not all(p <= without for p in pairs)  # the other rules miss some of them
    assert flagged - without and flagged - without <= set().union(*pairs)  # and it adds nothing else
    assert res.findings["silhouette_pairs"] == 3 and res.findings["silhouette_margin"] == 0.2
    from dataquality.checks._near_duplicate import NearDuplicateCheck

    assert any("outlines" in line for line in NearDuplicateCheck.describe(res.findings))


def test_the_silhouette_rule_joins_no_distinct_garments(garments):
    X, _ = garments
    _, res = run(X)
    assert res.findings["silhouette_pairs"] == 0


@pytest.mark.parametrize("bad", ["0.2", 1.5, -0.1, True])
def test_silhouette_margin_is_checked(bad):
    with pytest.raises(dq.DataQualityError, match="silhouette_margin"):
        make_check("near_duplicate", {"silhouette_margin": bad})


def test_grey32_is_kept_for_small_pictures_only():
    from PIL import Image

    from dataquality.data._stats import pixel_stats

    small = pixel_stats(Image.new("RGB", (28, 28), (30, 30, 30)))
    large = pixel_stats(Image.new("RGB", (40, 40), (30, 30, 30)))
    assert len(small["grey32"]) == 1024 and large["grey32"] == b""
