"""A small group of images from another domain is reported as outliers, not handed to another check."""

import numpy as np
import pandas as pd
import pytest
from PIL import Image, ImageFilter

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
    blurred = [12, 45, 77]  # the data's own images, blurred: left to `blurry`
    for i in blurred:
        X[i] = np.asarray(Image.fromarray(np.asarray(X[i], dtype=np.uint8)).filter(ImageFilter.GaussianBlur(2.5)))
    r = dq.audit(np.stack(X), labels=y, embedder_settings={"image_size": 32}, cache_dir=False, progress=False,
                 device=DEVICE, random_state=0)
    found = set(r.flagged("outlier"))
    ids = [r.ids[i] for i in planted]
    assert set(ids) <= found
    # and none of them was left to a check that names a cause
    causes = r.issues[r.issues["issue"].isin(explained_by("outlier"))]
    assert not set(ids) & set(causes["id"])
    assert len(found - set(ids)) <= 2  # and hardly any digit with them
    # the blurred digits are not outliers; `blurry` finds them (the weakest of the three sits at its
    # learnt threshold on 155 images, so two of three is what this test can rely on)
    assert len({r.ids[i] for i in blurred} & set(r.flagged("blurry"))) >= 2
    assert not {r.ids[i] for i in blurred} & found
    # farther from the digits than blur moved any of the calibration's blurred digits: had `blurry`
    # flagged them too, they would stay outliers
    f = r.findings["outlier"]
    assert f["blur_reach_z"] > 0
    assert set(planted) <= set(f["not_explained_by"]["blurry"])


def test_a_cause_leaves_the_flags_a_check_says_it_cannot_explain():
    from dataquality.audit._audit import _drop_explained
    from dataquality.checks import make_check

    issues = pd.DataFrame({"index": [0, 0, 1, 1, 2], "id": list("aabbc"),
                           "issue": ["outlier", "blurry", "outlier", "blurry", "outlier"]})
    findings = {"outlier": {"not_explained_by": {"blurry": [1]}}}
    kept = _drop_explained(issues, [make_check("outlier"), make_check("blurry")], findings)
    assert set(zip(kept["id"], kept["issue"])) == {("a", "blurry"), ("b", "outlier"), ("b", "blurry"), ("c", "outlier")}
    assert findings["outlier"]["explained_by_other_checks"] == 1


def _soft_blobs(n: int, size: int, seed: int = 0) -> list[np.ndarray]:
    """Soft grey pictures (a few wide Gaussian bumps, then a light blur): foreign to handwritten digits
    and blurry-looking, so `blurry` flags them too."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size] / size
    out = []
    for _ in range(n):
        img = np.zeros((size, size))
        for _ in range(4):
            cy, cx, s = rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0.15, 0.35)
            img += rng.uniform(0, 255) * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * s * s))
        img = 255 * (img - img.min()) / (img.max() - img.min() + 1e-9)
        img = np.repeat(img[..., None], 3, axis=2).astype(np.uint8)
        out.append(np.asarray(Image.fromarray(img).filter(ImageFilter.GaussianBlur(1.0))))
    return out


def test_soft_foreign_pictures_flagged_as_outliers_are_those_blur_does_not_explain():
    X, y = dq.datasets.load_digits(image_size=32, n=150, as_arrays=True)
    X, y = list(X), list(y)
    # twelve soft foreign pictures, none of them among the calibration's sources (a blurred copy of one
    # would vouch for the others: see OutlierCheck._unlike_blurred_copies)
    planted = [7, 32, 58, 82, 108, 132, 2, 5, 13, 17, 21, 26]
    for i, img in zip(planted, _soft_blobs(len(planted), 32)):
        X[i] = img
    blurred = [10, 35, 60, 85, 110, 135]  # the data's own digits, blurred
    for i in blurred:
        X[i] = np.asarray(Image.fromarray(np.asarray(X[i], dtype=np.uint8)).filter(ImageFilter.GaussianBlur(2.0)))
    r = dq.audit(np.stack(X), labels=y, embedder_settings={"image_size": 32}, cache_dir=False, progress=False,
                 device=DEVICE, random_state=0)
    ids = np.asarray(r.ids, dtype=object)
    blurry, outliers = set(r.flagged("blurry")), set(r.flagged("outlier"))
    assert len(set(ids[planted]) & blurry) >= 10 and set(ids[blurred]) <= blurry  # they all look blurry
    # before the blurred-copy rule none of the twelve was an outlier (left to `blurry`, or not flagged). How many it
    # finds depends on which images the calibration samples (its cutoff is the largest distance between two blurred
    # copies): of the twelve, 9, 0, 1, 0, 0, 2 on random_state 0-5 with the sample drawn by position, 1, 2, 1, 3, 0, 0
    # with the sample ranked by the sources' digests (6924706); what holds on every sample is asserted here
    found = set(ids[planted]) & outliers
    f = r.findings["outlier"]
    assert {int(np.flatnonzero(ids == i)[0]) for i in found} <= set(f["not_explained_by"]["blurry"])
    assert f["flagged_where_flagged_by"]["blurry"] >= len(found)
    assert 0 < f["blur_copy_cutoff"] < 1
    assert "flag_where_flagged_by" not in f  # the candidate list is not kept in the report
    # the blurred digits stay `blurry` only
    assert not set(ids[blurred]) & outliers


def test_flags_asked_for_where_a_cause_flags_are_added_and_kept():
    from dataquality.audit._audit import _drop_explained, _flag_where_flagged_by
    from dataquality.checks import make_check

    issues = pd.DataFrame({"index": [0, 1, 1, 2], "id": list("abbc"), "issue": ["blurry", "blurry", "outlier", "outlier"],
                           "axis": "", "score": 0.9, "detail": "", "group": ""})
    findings = {"outlier": {"flag_where_flagged_by": {"blurry": {
        "indices": [0, 1, 3], "scores": [0.6, 0.7, 0.8], "values": [1, 2, 3], "detail": "x{value:.0f}"}}}}
    selected = [make_check("outlier"), make_check("blurry")]
    out = _drop_explained(_flag_where_flagged_by(issues, selected, findings), selected, findings)
    # 0: blurry, asked for: added; 1: already an outlier, kept; 2: not blurry, untouched; 3: not blurry: not added
    assert set(zip(out["id"], out["issue"])) == {("a", "blurry"), ("a", "outlier"), ("b", "blurry"),
                                                 ("b", "outlier"), ("c", "outlier")}
    assert out.loc[(out["id"] == "a") & (out["issue"] == "outlier"), "detail"].tolist() == ["x1"]
    assert findings["outlier"]["not_explained_by"]["blurry"] == [0, 1]
    assert findings["outlier"]["flagged_where_flagged_by"] == {"blurry": 2}
    assert "flag_where_flagged_by" not in findings["outlier"]


class _FakeContext:
    """The two intermediates ``_unlike_blurred_copies`` reads, and the context's neighbour seam."""

    def __init__(self, X, copies, neighbors="exact"):
        from dataquality.compute._neighbors import get_index

        self._values = {"embeddings": X, "synthetic_copies": copies}
        self._index = lambda n: get_index(neighbors, n, "cpu")

    def get(self, name):
        return self._values[name]

    def search(self, base, k, *, queries=None, exclude_self=True):
        return self._index(len(base)).search(base, k, queries=queries, exclude_self=exclude_self)


def test_unlike_blurred_copies_uses_the_neighbour_seam_with_the_exact_answer():
    from dataquality.checks._outlier import OutlierCheck
    from dataquality.compute._synthetic import SyntheticCopies

    rng = np.random.default_rng(0)
    X = rng.normal(size=(500, 16)) + 2.0
    X[:6] += 6 * rng.normal(size=(6, 16))  # a few far from everything
    sources = np.sort(rng.choice(np.arange(6, 500), 60, replace=False))
    blur = X[sources] + 0.3 * rng.normal(size=(60, 16))
    copies = SyntheticCopies(sources, [], None, None, ["gaussian"] * 60, None, None, blur)
    rows = np.arange(500)
    got = OutlierCheck(unlike_cutoff="copies")._unlike_blurred_copies(_FakeContext(X, copies), rows)

    # the same rule written out: float64 cosine distances, an image's own copy left out
    U = X / np.linalg.norm(X, axis=1, keepdims=True)
    C = blur / np.linalg.norm(blur, axis=1, keepdims=True)
    S = C @ C.T
    np.fill_diagonal(S, -np.inf)
    cutoff = np.max(1 - S.max(axis=1))
    Sb = U @ C.T
    Sb[rows[:, None] == sources[None, :]] = -np.inf
    near = 1 - Sb.max(axis=1)
    assert got[2] == pytest.approx(cutoff, abs=1e-5)
    assert got[0].tolist() == rows[near > cutoff].tolist()
    assert set(range(6)) <= set(got[0].tolist())
    np.testing.assert_allclose(got[1], near[near > cutoff], atol=1e-5)


def test_outlier_alone_does_not_make_the_synthetic_copies(monkeypatch):
    import dataquality.compute._synthetic as synthetic

    made = []
    real = synthetic.synthetic_copies

    def counting(ctx, **kw):
        made.append(1)
        return real(ctx, **kw)

    monkeypatch.setattr(synthetic, "synthetic_copies", counting)
    X, y = dq.datasets.load_digits(image_size=32, n=150, as_arrays=True)
    X = np.array(X)
    X[[7, 31, 62, 98, 133]] = np.stack(_stripes(5, 32))
    kw = dict(labels=y, embedder_settings={"image_size": 32}, cache_dir=False, progress=False, device=DEVICE,
              random_state=0)
    alone = dq.audit(X, checks=["outlier"], **kw)
    assert not made  # nothing would use them: what blur explains matters only where `blurry` runs
    assert {alone.ids[i] for i in [7, 31, 62, 98, 133]} <= set(alone.flagged("outlier"))
    assert "blur_copy_cutoff" not in alone.findings.get("outlier", {})
    both = dq.audit(X, checks=["outlier", "blurry"], **kw)
    assert made and "blur_copy_cutoff" in both.findings["outlier"]


def test_unlike_cutoff_data_median_is_the_median_distance_of_the_data_to_the_copies():
    from dataquality._errors import DataQualityError
    from dataquality.checks._outlier import OutlierCheck
    from dataquality.compute._synthetic import SyntheticCopies

    rng = np.random.default_rng(1)
    X = rng.normal(size=(400, 16)) + 2.0
    sources = np.sort(rng.choice(400, 50, replace=False))
    copies = SyntheticCopies(sources, [], None, None, ["gaussian"] * 50, None, None,
                             X[sources] + 0.3 * rng.normal(size=(50, 16)))
    rows = np.arange(400)
    ctx = _FakeContext(X, copies)
    where, near, cutoff, _ = OutlierCheck(unlike_cutoff="data_median")._unlike_blurred_copies(ctx, rows)
    U = X / np.linalg.norm(X, axis=1, keepdims=True)
    C = copies.blur_embeddings / np.linalg.norm(copies.blur_embeddings, axis=1, keepdims=True)
    Sb = U @ C.T
    Sb[rows[:, None] == sources[None, :]] = -np.inf
    every = 1 - Sb.max(axis=1)
    assert cutoff == pytest.approx(np.median(every), abs=1e-5)
    assert abs(len(where) - 200) <= 2  # half the data, by construction
    with pytest.raises(DataQualityError):
        OutlierCheck(unlike_cutoff="max")._unlike_blurred_copies(ctx, rows)


def test_less_blurred_also_takes_images_sharper_than_the_copies_and_farther_than_half_the_data():
    from dataquality.checks._outlier import OutlierCheck
    from dataquality.compute._synthetic import SyntheticCopies

    rng = np.random.default_rng(2)
    X = rng.normal(size=(400, 16)) + 2.0
    X[:10] = rng.normal(size=(10, 16)) + 2.0 + 1.5 * rng.normal(size=16)  # ten off to one side
    sources = np.sort(rng.choice(np.arange(10, 400), 50, replace=False))
    blur = X[sources] + 0.3 * rng.normal(size=(50, 16))
    blur[0] = -2.0 + rng.normal(size=16)  # one copy far from all: the copies' own cutoff is wide
    copies = SyntheticCopies(sources, [], None, None, ["gaussian"] * 50, pd.DataFrame({"blur": np.full(50, 0.5)}),
                             None, blur)
    stats = pd.DataFrame({"blur": np.r_[np.full(5, 1.0), np.full(5, 0.1), np.full(390, 1.0)]})
    ctx = _FakeContext(X, copies)
    ctx._values["image_stats"] = stats
    rows = np.arange(400)
    base = OutlierCheck(unlike_cutoff="copies")._unlike_blurred_copies(ctx, rows)
    got = OutlierCheck()._unlike_blurred_copies(ctx, rows)  # the default: less_blurred
    assert not set(range(10)) & set(base[0].tolist())  # within the copies' wide cutoff
    assert set(range(5)) <= set(got[0].tolist())  # sharper than the copies, farther than half the data
    assert not set(range(5, 10)) & set(got[0].tolist())  # as blurred as the copies: blur may explain them
    assert set(base[0].tolist()) <= set(got[0].tolist()) and got[2] == base[2] and got[3] is not None


def test_layout_likeness_compares_within_the_class_and_ignores_tone():
    from dataquality.checks._outlier import layout_likeness

    rng = np.random.default_rng(3)
    a, b = rng.integers(0, 256, (16, 16)), rng.integers(0, 256, (16, 16))
    pictures = [a, 40 + 0.3 * a, a, b, np.full((16, 16), 90)]  # 1: a darker, flatter `a`; 4: flat
    ctx = _FakeContext(np.zeros((5, 2)), None)
    ctx._values["image_stats"] = pd.DataFrame({"grey16": [np.asarray(p, np.uint8).tobytes() for p in pictures]})
    ctx.label_codes = np.array([0, 0, 1, 1, 0])
    mask = np.array([False, True, True, False, True])
    got = layout_likeness(ctx, np.arange(5), mask)
    assert got[1] == pytest.approx(1.0, abs=0.01)  # like image 0 of its class, whatever its tone
    assert got[2] < 0.3  # laid out like image 0, but its class's only other image is `b`
    assert np.isnan(got[[0, 3, 4]]).all()  # not asked for, or flat


def test_blurs_that_change_the_tone_are_left_to_blurry_where_laid_out_like_their_class():
    X, y = dq.datasets.load_digits(image_size=32, n=150, as_arrays=True)
    X = np.array(X)
    tinted = [10, 35, 60, 85, 110, 135, 40, 90]  # blurred and printed in two inks: far from every plain blurred copy
    lo, hi = np.array([60.0, 20, 70]), np.array([250.0, 200, 60])
    for i in tinted:
        g = np.asarray(Image.fromarray(X[i]).convert("L").filter(ImageFilter.GaussianBlur(2.0)), float) / 255
        X[i] = (lo + (hi - lo) * g[..., None]).astype(np.uint8)
    kw = dict(labels=y, embedder_settings={"image_size": 32}, cache_dir=False, progress=False, device=DEVICE,
              random_state=0)
    checks = ["outlier", "blurry", "dark", "light", "low_information"]
    off = dq.audit(X, checks={c: ({"unlike_layout_corr": None} if c == "outlier" else {}) for c in checks}, **kw)
    on = dq.audit(X, checks=checks, **kw)
    ids = np.asarray(on.ids, dtype=object)[tinted]
    assert len(set(ids) & set(on.flagged("blurry"))) >= 6
    before = off.findings["outlier"]["flagged_where_flagged_by"]["blurry"]
    after = on.findings["outlier"].get("flagged_where_flagged_by", {}).get("blurry", 0)
    assert before >= 3 and after <= before - 3
    # the rule only takes the blurred-copy rule's flags away (the tinted digits may stay outliers by their neighbours'
    # distance: 6 of 8 either way on this sample, 7 -> 5 and 5 -> 3 on random_state 2 and 3)
    assert len(set(ids) & set(on.flagged("outlier"))) <= len(set(ids) & set(off.flagged("outlier")))


def test_the_global_score_flags_images_from_a_robust_z_of_3_5_and_vectors_from_4(monkeypatch):
    import dataquality.checks._outlier as outlier
    from dataquality.checks._base import robust_z

    X, y = dq.datasets.load_digits(image_size=32, n=150, as_arrays=True)
    rng = np.random.default_rng(4)
    far = 17
    d = 10 + rng.normal(size=150)
    z = robust_z(d)
    d[far] = np.median(d) + 3.75 * (d[far] - np.median(d)) / z[far]  # its robust z: 3.75 (one value barely moves it)
    assert 3.6 < robust_z(d)[far] < 3.9 and np.sort(robust_z(d))[-2] < 3.4
    monkeypatch.setattr(outlier, "mahalanobis_distance", lambda X, *a, **k: d[: len(X)].copy())
    kw = dict(labels=y, cache_dir=False, progress=False, device=DEVICE, random_state=0)
    images = dq.audit(np.array(X), checks={"outlier": {"use_bulk": False}}, embedder_settings={"image_size": 32}, **kw)
    vectors = dq.audit(rng.normal(size=(150, 16)), kind="embeddings", checks={"outlier": {"use_bulk": False}}, **kw)
    detail = images.issues.loc[images.issues["id"] == images.ids[far], "detail"].tolist()
    assert len(detail) == 1 and any(f"Mahalanobis robust z {v}" in detail[0] for v in ("3.7", "3.8"))
    assert vectors.ids[far] not in set(vectors.flagged("outlier"))
    forced = dq.audit(rng.normal(size=(150, 16)), kind="embeddings", checks={"outlier": {"use_bulk": False,
                      "z_threshold_global": 3.5}}, **kw)
    assert forced.ids[far] in set(forced.flagged("outlier"))


def test_a_near_copy_of_an_ordinary_example_is_not_also_an_outlier_but_a_set_of_outliers_stays():
    from dataquality.audit._audit import _drop_explained
    from dataquality.checks import make_check

    # 0 and 1 copy each other, 1 is ordinary; 2 and 3 copy each other and both are outliers; 4 is an outlier alone
    issues = pd.DataFrame({"index": [0, 0, 1, 2, 2, 3, 3, 4], "id": list("aabccdde"),
                           "issue": ["outlier", "near_duplicate", "near_duplicate", "outlier", "near_duplicate",
                                     "outlier", "near_duplicate", "outlier"],
                           "group": ["", "near-0", "near-0", "", "near-1", "", "near-1", ""]})
    findings = {}
    kept = _drop_explained(issues, [make_check("outlier"), make_check("near_duplicate")], findings)
    outliers = set(kept.loc[kept["issue"] == "outlier", "id"])
    assert outliers == {"c", "d", "e"}
    assert len(kept[kept["issue"] == "near_duplicate"]) == 4  # the copies are all still reported
    assert findings["outlier"]["explained_by_other_checks"] == 1
