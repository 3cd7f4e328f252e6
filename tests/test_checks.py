"""Every check: a planted defect, and exactly which examples are flagged."""

import numpy as np
import pytest
from PIL import Image, ImageFilter

import dataquality as dq
from dataquality.audit import AuditContext
from dataquality.checks import CheckResult, make_check

from .conftest import DEVICE, write_png

RNG = np.random.default_rng(0)


def textured(n, size=32, seed=0):
    """Distinct, sharp, mid-grey textured images."""
    rng = np.random.default_rng(seed)
    base = rng.integers(40, 215, (n, size // 4, size // 4, 3)).astype(np.uint8)
    return np.stack([np.asarray(Image.fromarray(b).resize((size, size), Image.NEAREST)) for b in base])


def run_check(name, data, labels=None, settings=None, embedder=None, **ctx_kw):
    ds = dq.as_dataset(data, labels)
    embedder = embedder or ("pixels" if ds.modality == "image" else "auto")
    ctx = AuditContext(ds, embedder=embedder, device=DEVICE, cache_dir=False, progress=False, **ctx_kw)
    check = make_check(name, settings)
    ctx.prepare(set(check.requires))
    return ds, check.run(ctx)


def flagged_ids(ds, res):
    return {ds.ids[i] for i in res.indices}


# -- image statistics checks ----------------------------------------------------------
def test_dark_and_light():
    X = textured(20)
    X[3] = (X[3] * 0.1).astype(np.uint8)
    X[7] = 255 - ((255 - X[7]) * 0.05).astype(np.uint8)
    ds, res = run_check("dark", X)
    assert flagged_ids(ds, res) == {"3"}
    ds, res = run_check("light", X)
    assert flagged_ids(ds, res) == {"7"}


def dimmed(a, gain=0.4, gamma=2.0):
    """An under-exposed copy: a tone curve that keeps the highlights at about ``gain``."""
    return np.clip(255 * gain * (a / 255.0) ** gamma + 0.5, 0, 255).astype(np.uint8)


def test_dark_flags_an_image_dim_for_its_content_and_spares_a_naturally_dark_class():
    X = textured(40)
    X[:, :2] = 250  # every picture has a highlight (a white bar): brightest pixels at ~1.0
    night = [30, 31, 32, 33, 34, 35, 36, 37, 38, 39]  # a whole class of dim pictures, peaks at ~0.35
    for i in night:
        X[i] = dimmed(X[i], gain=0.35, gamma=1.0)
    X[5], X[17] = dimmed(X[5]), dimmed(X[17], gain=0.45)  # brightest 1% at 0.40 / 0.45: above the fixed 0.3
    X[9] = np.asarray(Image.fromarray(X[9]).filter(ImageFilter.GaussianBlur(2)))  # blurred, not dark
    labels = ["day"] * 30 + ["night"] * 10
    p99 = [np.percentile(X[i].astype(float) @ [0.299, 0.587, 0.114] / 255, 99) for i in (5, 17, *night)]
    assert min(p99) > 0.3  # none of them is dark by the fixed threshold alone
    ds, res = run_check("dark", list(X), labels)
    assert flagged_ids(ds, res) == {"5", "17"}
    assert all("dim for its content" in d for d in res.details)
    # without labels the night pictures have no class of their own to be compared with: the layout alone
    # finds day pictures laid out like them, so they are dim for their content too
    ds, res = run_check("dark", list(X))
    assert {"5", "17"} <= flagged_ids(ds, res)
    ds, res = run_check("dark", list(X), labels, settings={"relative": None})
    assert flagged_ids(ds, res) == set()



def test_dark_fixed_threshold_takes_a_picture_whose_brightest_pixels_stay_under_0_3():
    # a grainy night shot: its brightest 1% at ~0.28, above the former 0.25 and under 0.3 (the default since generator
    # R's night shots of digits, docs/benchmarks.md); with the relative rule off only the fixed threshold decides
    X = textured(30)
    X[:, :2] = 250
    X[7] = dimmed(X[7], gain=0.28, gamma=1.0)
    p99 = np.percentile(X[7].astype(float) @ [0.299, 0.587, 0.114] / 255, 99)
    assert 0.25 < p99 < 0.3
    ds, res = run_check("dark", list(X), settings={"relative": None})
    assert flagged_ids(ds, res) == {"7"}
    ds, res = run_check("dark", list(X), settings={"relative": None, "threshold": 0.25})
    assert flagged_ids(ds, res) == set()

def test_dark_takes_a_night_scene_with_a_few_lights_and_spares_strokes_and_cloth_on_black():
    """Dark but for a few lights: the brightest 1% are lamps, so the fixed threshold does not see the picture; the
    rest is black. Bright strokes on a black ground (a digit, even on a faintly noisy ground) and a black garment
    whose cloth is lit at ~0.15 are spared."""
    rng = np.random.default_rng(4)
    X = textured(30)
    X[:, :2] = 250
    night = (X[6] * 0.02 + rng.normal(0, 1.0, X[6].shape)).clip(0, 255)  # the scene at 2%: black, with grain
    for y, x in ((5, 5), (5, 20), (20, 12)):
        night[y: y + 2, x: x + 2] = (255, 230, 180)  # three warm lamps, 12 of 1,024 pixels
    X[6] = night.astype(np.uint8)
    digit = np.zeros((32, 32, 3))
    digit[6:26, 14:18] = 255  # a stroke: 8% of the picture
    X[11] = (digit + rng.integers(0, 4, digit.shape)).clip(0, 255).astype(np.uint8)  # on a faintly noisy ground
    cloth = np.zeros((32, 32, 3))
    cloth[4:28, 6:26] = 38 + rng.normal(0, 6, (24, 20, 3))  # a black garment, lit at ~0.15, half the picture
    cloth[10:13, 10:14] = 250  # a glint, 12 pixels
    X[17] = cloth.clip(0, 255).astype(np.uint8)
    p99 = [np.percentile(X[i].astype(float) @ [0.299, 0.587, 0.114] / 255, 99) for i in (6, 11, 17)]
    assert min(p99) > 0.3  # none is dark by the fixed threshold
    ds, res = run_check("dark", list(X), settings={"relative": None})
    assert flagged_ids(ds, res) == {"6"}
    assert "dark but for a few lights" in res.details[0]
    ds, res = run_check("dark", list(X), settings={"relative": None, "lit_below": None})
    assert flagged_ids(ds, res) == set()
    ds, res = run_check("dark", list(X))  # against its look-alikes too (the default): still dark
    assert flagged_ids(ds, res) == {"6"}


def lit_quantile(a, q):
    """The ``q`` quantile of a picture's lit pixels (data/_stats.py: lit_brightness), for the tests' preconditions."""
    v = np.sort((a.astype(float) @ [0.299, 0.587, 0.114] / 255).ravel())
    lit = v[: int(0.95 * len(v))]
    return float(np.quantile(lit[lit > v[int(0.05 * len(v))] + 2.5 / 255], q))


def test_dark_takes_a_night_scene_lit_round_a_lamp_standing_in_it():
    """A lamp standing in a darkened picture lights a glow round it wider than the brightest 5%: the lit pixels'
    median rises over lit_below, their lower quartile (the scene away from the lamp) does not. The black garment
    of the test above, lit at ~0.15 all over, is still spared."""
    rng = np.random.default_rng(5)
    X = textured(30)
    X[:, :2] = 250
    scene = X[8] * 0.02 + rng.normal(0, 1.0, X[8].shape)  # the scene at 2%, with grain
    yy, xx = np.mgrid[0:32, 0:32]
    glow = 255 * 0.5 / (1 + (np.hypot(yy - 28, xx - 28) / 7) ** 2)  # falling off from the lamp
    scene += glow[..., None] * np.array([1.0, 0.55, 0.25])
    scene[26:31, 26:31] = (255, 200, 120)  # the lamp: 25 of 1,024 pixels
    X[8] = scene.clip(0, 255).astype(np.uint8)
    cloth = np.zeros((32, 32, 3))
    cloth[4:28, 6:26] = 38 + rng.normal(0, 6, (24, 20, 3))
    cloth[10:13, 10:14] = 250
    X[17] = cloth.clip(0, 255).astype(np.uint8)
    grey = X[8].astype(float) @ [0.299, 0.587, 0.114] / 255
    assert np.percentile(grey, 95) < 0.3 < np.percentile(grey, 99)
    assert lit_quantile(X[8], 0.25) < 0.05 < lit_quantile(X[8], 0.5)  # the median would have missed it
    ds, res = run_check("dark", list(X))
    assert flagged_ids(ds, res) == {"8"}
    assert "dark but for a few lights" in res.details[0]


def test_dark_takes_a_scene_whose_lamp_lights_more_than_the_brightest_5_percent():
    """A lamp whose glow spreads over more than the brightest 5% keeps the 95th percentile over the dark threshold,
    under ``lit_rest`` times it; the scene away from it is black (lit lower quartile under 0.05). With the rest judged
    at the dark threshold itself (``lit_rest=1``, the rule before Round 30) it is missed. A black garment with a large
    white print, its cloth lit at ~0.15, is spared at either."""
    rng = np.random.default_rng(6)
    X = textured(30)
    X[:, :2] = 250
    scene = X[9] * 0.02 + rng.normal(0, 1.0, X[9].shape)
    yy, xx = np.mgrid[0:32, 0:32]
    glow = 255 * 0.6 / (1 + (np.hypot(yy - 16, xx - 16) / 4.4) ** 4)  # a glow round the lamp, falling off fast
    scene += glow[..., None] * np.array([1.0, 0.97, 0.9])
    scene[14:19, 13:19] = (255, 250, 240)  # a white lamp in the middle: 30 of 1,024 pixels
    X[9] = scene.clip(0, 255).astype(np.uint8)
    cloth = np.zeros((32, 32, 3))
    cloth[2:30, 4:28] = 38 + rng.normal(0, 6, (28, 24, 3))
    cloth[8:17, 8:18] = 250  # a print over 9% of the picture
    X[17] = cloth.clip(0, 255).astype(np.uint8)
    grey = X[9].astype(float) @ [0.299, 0.587, 0.114] / 255
    assert 0.3 < np.percentile(grey, 95) < 0.36 and lit_quantile(X[9], 0.25) < 0.05
    ds, res = run_check("dark", list(X))
    assert flagged_ids(ds, res) == {"9"}
    assert "none at 0.36 or brighter" in res.details[0]
    ds, res = run_check("dark", list(X), settings={"lit_rest": 1.0})
    assert flagged_ids(ds, res) == set()
    for bad in (0.5, "high", True):
        with pytest.raises(dq.DataQualityError, match="lit_rest"):
            make_check("dark", {"lit_rest": bad})


def test_dark_takes_a_scene_lit_faintly_all_over_by_a_fire_where_the_rest_stays_under_the_threshold():
    """A furnace mouth at the side of a dark room lights the whole scene faintly: its lit pixels' lower quartile
    reaches 0.05-0.065, over ``lit_below``, while the rest (its 95th percentile) stays far under the dark threshold.
    ``glow_below`` takes it; with ``glow_below=None`` (the rule before Round 31) it is missed. A dark garment lit at the
    same level with a white print over 9% of it keeps its 95th percentile over the threshold and is spared."""
    rng = np.random.default_rng(7)
    X = textured(30)
    X[:, :2] = 250
    scene = X[9] * 0.05 + 8 + rng.normal(0, 1.0, X[9].shape)
    yy, xx = np.mgrid[0:32, 0:32]
    glow = 255 * 0.5 / (1 + (np.hypot(yy - 16, xx - 6) / 3.0) ** 4)
    scene += glow[..., None] * np.array([1.0, 0.6, 0.25])  # an orange glow round the furnace mouth
    scene[14:18, 4:8] = (255, 200, 120)
    X[9] = scene.clip(0, 255).astype(np.uint8)
    cloth = np.zeros((32, 32, 3))
    cloth[2:30, 4:28] = 16 + rng.normal(0, 3, (28, 24, 3))
    cloth[8:17, 8:18] = 250
    X[17] = cloth.clip(0, 255).astype(np.uint8)
    assert 0.05 < lit_quantile(X[9], 0.25) < 0.065 and 0.05 < lit_quantile(X[17], 0.25) < 0.065
    ds, res = run_check("dark", list(X))
    assert flagged_ids(ds, res) == {"9"}
    assert "dark but for a light glowing over the scene" in res.details[0]
    ds, res = run_check("dark", list(X), settings={"glow_below": None})
    assert flagged_ids(ds, res) == set()
    for bad in (-0.1, 2, "low", True):
        with pytest.raises(dq.DataQualityError, match="glow_below"):
            make_check("dark", {"glow_below": bad})


def night_sky(n, seed=0):
    """Pictures black but for a few stars and a faint glow: every one of them dark but for a few lights."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        a = (rng.normal(4, 1.0, (32, 32, 3)) + np.linspace(0, 6, 32)[:, None, None]).clip(0, 255)
        for y, x in rng.integers(1, 30, (4, 2)):
            a[y: y + 2, x: x + 2] = 250
        out.append(a.astype(np.uint8))
    return np.stack(out)


def test_dark_spares_a_dataset_that_is_all_night_sky_but_not_a_night_sky_among_day_pictures():
    """Where every picture is black but for a few lights (a sky of stars), one like the rest is not dark for that data:
    its lit brightness is not under 0.45x its look-alikes'. The same picture among day pictures is."""
    sky = night_sky(30)
    p99 = [np.percentile(a.astype(float) @ [0.299, 0.587, 0.114] / 255, 99) for a in sky]
    assert min(p99) > 0.3
    ds, res = run_check("dark", list(sky))
    assert flagged_ids(ds, res) == set()
    ds, res = run_check("dark", list(sky), settings={"relative": None})  # the absolute rule alone takes them all
    assert len(flagged_ids(ds, res)) == 30
    day = textured(30)
    day[:, :2] = 250
    day[12] = sky[0]
    ds, res = run_check("dark", list(day))
    assert flagged_ids(ds, res) == {"12"} and "dark but for a few lights" in res.details[0]


def test_dark_relative_rule_needs_the_peak_below_mid_grey():
    X = textured(30)
    X[:, :2] = 250
    X[4] = dimmed(X[4], gain=0.6, gamma=2.5)  # peak and mean under 0.7x its look-alikes', highlights at 0.57
    ds, res = run_check("dark", list(X))
    assert flagged_ids(ds, res) == set()  # under 0.45x neither
    ds, res = run_check("dark", list(X), settings={"relative": 0.7})
    assert flagged_ids(ds, res) == set()  # 0.7x, but brighter than mid-grey
    ds, res = run_check("dark", list(X), settings={"relative": 0.7, "dim_below": 0.6})
    assert flagged_ids(ds, res) == {"4"}


def test_blurry():
    X = textured(20, size=64)
    for i in (2, 11):
        X[i] = np.asarray(Image.fromarray(X[i]).filter(ImageFilter.GaussianBlur(4)))
    ds, res = run_check("blurry", X)
    assert flagged_ids(ds, res) == {"2", "11"}
    assert all("laid out like it" in d for d in res.details)
    ds, res = run_check("blurry", X, settings={"relative_local": 0})  # heavy blur: the median rule sees it too
    assert flagged_ids(ds, res) == {"2", "11"} and not any("laid out" in d for d in res.details)


def test_blurry_judged_against_lookalikes_not_the_dataset_median():
    # mostly plain, soft pictures (one smooth block on the right) and a minority of textured ones
    # (texture on the left); two textured ones are blurred: still far sharper than the dataset's
    # median, but a seventh of the edge energy of the images laid out like them
    rng = np.random.default_rng(0)
    soft = np.full((30, 64, 64, 3), 30, np.uint8)
    for i in range(30):
        soft[i, 8 + i % 5: 56, 36: 60 - i % 4] = 200
        soft[i] = np.asarray(Image.fromarray(soft[i]).filter(ImageFilter.GaussianBlur(2.5)))
    busy = np.full((20, 64, 64, 3), 30, np.uint8)
    busy[:, :, :32] = np.repeat(np.repeat(rng.integers(60, 230, (20, 16, 8, 1)), 4, 1), 4, 2)
    for i in (3, 17):
        busy[i] = np.asarray(Image.fromarray(busy[i]).filter(ImageFilter.GaussianBlur(0.8)))
    X = np.concatenate([soft, busy])
    ds, res = run_check("blurry", X)
    assert flagged_ids(ds, res) == {"33", "47"}
    ds, res = run_check("blurry", X, settings={"relative_local": 0})  # the dataset median alone
    assert flagged_ids(ds, res) == set()


def test_low_information():
    X = textured(20)
    X[5] = 120
    X[9] = np.clip(90 + RNG.integers(-1, 2, X[9].shape), 0, 255)
    ds, res = run_check("low_information", X)
    assert flagged_ids(ds, res) == {"5", "9"}


def test_low_information_leaves_black_and_white_images_alone():
    """A black-and-white image has under 1 bit of entropy however much it shows: among binarised
    digits only the nearly empty page with a speck is blank."""
    from sklearn.datasets import load_digits

    digits = load_digits().images[:40]
    X = np.stack([np.repeat((np.kron(d, np.ones((4, 4))) > 6)[..., None] * 255, 3, axis=2) for d in digits])
    X = X.astype(np.uint8)
    X[11] = 0
    X[11, 10:14, 14:19] = 255  # a speck on 2% of the page: high contrast, far less entropy than the digits
    X[23] = 0
    X[23, 8:13, 8:14] = 255  # 2.9% of the page
    ds, res = run_check("low_information", X)
    assert flagged_ids(ds, res) == {"11", "23"}
    _, old = run_check("low_information", X, settings={"relative_entropy": 0})
    assert len(old.indices) == 40  # the absolute 1-bit rule called every one of them blank


def test_odd_size_and_aspect_ratio(tmp_path):
    X = textured(20)
    for i, a in enumerate(X):
        img = Image.fromarray(a)
        if i == 4:
            img = img.resize((128, 128))
        if i == 6:
            img = img.resize((96, 32))
        img.save(tmp_path / f"{i:02d}.png")
    ds, res = run_check("odd_size", tmp_path)
    assert flagged_ids(ds, res) == {"04.png", "06.png"}
    ds, res = run_check("odd_aspect_ratio", tmp_path)
    assert flagged_ids(ds, res) == {"06.png"}


def test_mode_mismatch(tmp_path):
    X = textured(12)
    for i, a in enumerate(X):
        img = Image.fromarray(a)
        img = img.convert({2: "L", 5: "RGBA", 8: "CMYK"}.get(i, "RGB"))
        img.save(tmp_path / f"{i:02d}.{'jpg' if i == 8 else 'png'}")
    ds, res = run_check("mode_mismatch", tmp_path)
    assert flagged_ids(ds, res) == {"02.png", "05.png", "08.jpg"}
    assert res.findings["dominant_mode"] == "RGB"


def test_unreadable_reasons(tmp_path):
    X = textured(6)
    for i, a in enumerate(X):
        write_png(tmp_path / f"{i}.png", a)
    (tmp_path / "0.png").write_bytes(b"")
    (tmp_path / "3.png").write_text("nope")
    ds, res = run_check("unreadable", tmp_path)
    assert flagged_ids(ds, res) == {"0.png", "3.png"}
    assert any("empty" in d for d in res.details) and any("not decodable" in d for d in res.details)


# -- labels ---------------------------------------------------------------------------
def test_missing_label():
    ds, res = run_check("missing_label", textured(5), labels=["a", None, "", "b", float("nan")])
    assert flagged_ids(ds, res) == {"1", "2", "4"}


def _blobs(n_per=30, flips=(3, 40, 77)):
    """Two well-separated classes of feature vectors, with planted label flips."""
    rng = np.random.default_rng(1)
    X = np.concatenate([rng.normal(0, 1, (n_per, 8)) + 6, rng.normal(0, 1, (n_per, 8)) - 6,
                        rng.normal(0, 1, (n_per, 8)) * [6, -6, 6, -6, 0, 0, 0, 0]])
    y = np.repeat(["a", "b", "c"], n_per).astype(object)
    for i in flips:
        y[i] = {"a": "b", "b": "c", "c": "a"}[y[i]]
    return X, list(y)


def test_label_flags_exactly_the_flipped_examples():
    X, y = _blobs()
    ds, res = run_check("label", X, labels=y, embedder="tabular")
    assert flagged_ids(ds, res) == {"3", "40", "77"}
    assert all("suggested" in d for d in res.details)
    assert res.findings["label_noise_rate"] == pytest.approx(3 / 90)


def test_label_check_agrees_with_cleanlab():
    from cleanlab.filter import find_label_issues

    from dataquality.checks._label import neighbour_votes

    X, y = _blobs(flips=(1, 2, 35, 36, 70))
    ds = dq.as_dataset(X, y)
    ctx = AuditContext(ds, embedder="tabular", device=DEVICE, cache_dir=False, progress=False)
    check = make_check("label")
    res = check.run(ctx)
    assert len(res.indices) >= 3
    # the check hands cleanlab the probe's probabilities mixed with the neighbours' label votes
    idx, dist = ctx.get("knn")
    P = (1 - check.knn_weight) * ctx.get("pred_probs") + check.knn_weight * neighbour_votes(
        idx, dist, ds.label_codes, len(ds.classes))
    # with the cleanlab filter the check chose for this data (filter_by="auto": choose_filter)
    assert res.findings["filter"] in check.filter_candidates
    expected = np.flatnonzero(find_label_issues(ds.label_codes, P, filter_by=res.findings["filter"], n_jobs=1))
    assert res.indices.tolist() == expected.tolist()
    # and with knn_weight=0, the probe's probabilities alone
    raw = make_check("label", {"knn_weight": 0.0}).run(ctx)
    expected = np.flatnonzero(find_label_issues(ds.label_codes, ctx.get("pred_probs"), filter_by=raw.findings["filter"],
                                                n_jobs=1))
    assert raw.indices.tolist() == expected.tolist()



def _sub_cluster_labelled_b(offset: float, spread: float):
    """Classes a, b, c of 16-d vectors; 40 examples of a, in a sub-cluster beside its main part, labelled b."""
    rng = np.random.default_rng(0)
    centre = np.zeros((4, 16))
    centre[1, 2], centre[2, 0], centre[3, 1] = offset, 8, 8
    X = np.concatenate([centre[0] + rng.normal(0, 1, (120, 16)), centre[1] + rng.normal(0, spread, (40, 16)),
                        centre[2] + rng.normal(0, 1, (160, 16)), centre[3] + rng.normal(0, 1, (160, 16))])
    return X, np.array([0] * 120 + [1] * 200 + [2] * 160), np.arange(120, 160)


def test_probe_leaves_the_rows_out_of_training_that_train_masks_out():
    from dataquality.compute._probe import out_of_fold_probs

    X, y, sub = _sub_cluster_labelled_b(2.5, 0.5)
    learnt = out_of_fold_probs(X, y, 3)
    keep = np.ones(len(y), dtype=bool)
    keep[sub] = False
    held_out = out_of_fold_probs(X, y, 3, train=keep)
    # trained on the others of the sub-cluster, each is called "b" as labelled; trained without them, "a"
    assert learnt[sub, 0].mean() < 0.4
    assert held_out[sub, 0].mean() > 0.8
    assert (held_out[sub].argmax(1) == 0).mean() > 0.9


def test_label_check_judges_the_probe_refitted_without_cleanlabs_widest_flags():
    from cleanlab.filter import find_label_issues

    from dataquality.checks._label import assess_labels

    X, y, sub = _sub_cluster_labelled_b(1.0, 1.0)
    ds = dq.as_dataset(X, list(np.array(["a", "b", "c"], dtype=object)[y]), kind="embeddings")
    ctx = AuditContext(ds, embedder="auto", device=DEVICE, cache_dir=False, progress=False)
    check = make_check("label")
    res = check.run(ctx)
    refit = ctx.get("pred_probs_refit")
    # held out: exactly what prune_by_noise_rate flags on the first probe's probabilities
    expected = find_label_issues(ds.label_codes, ctx.get("pred_probs"), filter_by="prune_by_noise_rate", n_jobs=1)
    assert refit.reason is None and refit.held_out.tolist() == expected.tolist() and expected.any()
    assert res.findings["refit"] == {"held_out": int(expected.sum())}
    assert not np.allclose(refit.probs, ctx.get("pred_probs"))
    idx, dist = ctx.get("knn")
    again = assess_labels(refit.probs, np.arange(len(y)), ds.label_codes, ds.classes, idx, dist, check)
    assert res.indices.tolist() == again.indices.tolist()
    assert "fitted a second time" in " ".join(type(check).describe(res.findings))
    # classes under refit_min_median_class (median): the first probe, and why
    small = make_check("label", {"refit_min_median_class": 500}).run(ctx)
    assert small.findings["refit"]["held_out"] == 0 and "median" in small.findings["refit"]["reason"]
    plain = assess_labels(ctx.get("pred_probs"), np.arange(len(y)), ds.label_codes, ds.classes, idx, dist, check)
    assert small.indices.tolist() == plain.indices.tolist()
    assert "refit" not in make_check("label", {"refit": False}).run(ctx).findings


def test_label_refit_is_read_back_from_the_cache(tmp_path, monkeypatch):
    """The second fit is stored with the other intermediates: a second audit reads it (and the first fit) back, the
    same flags and the same ``findings["refit"]``, without fitting a probe again."""
    import dataquality.compute._providers as providers

    X, y, _ = _sub_cluster_labelled_b(1.0, 1.0)
    labels = list(np.array(["a", "b", "c"], dtype=object)[y])
    first = dq.audit(dq.as_dataset(X, labels, kind="embeddings"), progress=False, cache_dir=tmp_path, checks=["label"])
    assert first.findings["label"]["refit"]["held_out"] > 0

    def no_fit(*args, **kwargs):
        raise AssertionError("the probe was fitted again")

    monkeypatch.setitem(providers.PROBES, "standardised_linear", no_fit)
    again = dq.audit(dq.as_dataset(X, labels, kind="embeddings"), progress=False, cache_dir=tmp_path, checks=["label"])
    assert again.findings["label"]["refit"] == first.findings["label"]["refit"]
    assert sorted(again.issues["index"]) == sorted(first.issues["index"])


def test_choose_filter_scores_each_candidate_on_planted_flips():
    from dataquality.checks._label import choose_filter

    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(4), 60)
    P = np.full((len(y), 4), 0.05)
    P[np.arange(len(y)), y] = 0.85
    P += rng.uniform(0, 0.05, P.shape)
    P /= P.sum(1, keepdims=True)
    noisy = y.copy()
    noisy[[5, 70, 130, 200]] = (y[[5, 70, 130, 200]] + 1) % 4
    calls = []

    def mixed(sel, codes):
        calls.append(len(sel))
        return P[sel]

    best, est = choose_filter(noisy, mixed)
    assert best in ("both", "confident_learning") and set(est) == {"both", "confident_learning"}
    assert all(0.9 <= v <= 1.0 for v in est.values())  # clear-cut probabilities: both find the planted flips
    assert choose_filter(noisy, mixed) == (best, est)  # seeded: the same choice every run
    assert len(calls) == 2 * 31  # twice: the given labels, then 30 rounds of planted flips
    # above max_rows a sample stands for the data
    calls.clear()
    choose_filter(noisy, mixed, max_rows=100)
    assert set(calls) == {100}
    # a fixed filter is used as given and named in the findings
    X, labels = _blobs()
    _, res = run_check("label", X, labels=labels, embedder="tabular", settings={"filter_by": "both"})
    assert res.findings["filter"] == "both" and "filter_estimates" not in res.findings

# -- duplicates -----------------------------------------------------------------------
def test_exact_and_near_duplicates_and_conflicts():
    X = textured(20)
    X = np.concatenate([X, X[[2]], X[[5]], np.clip(X[[9]].astype(int) + 3, 0, 255).astype(np.uint8)])
    y = ["a", "b"] * 10 + ["a", "a", "b"]  # X[20] copies 2 (a, same); X[21] copies 5 (b -> a: conflict)
    ds, res = run_check("exact_duplicate", X, labels=y)
    assert flagged_ids(ds, res) == {"2", "20", "5", "21"}
    assert res.groups is not None and len(set(res.groups)) == 2
    assert any("20" in d for d in res.details)
    ds, res = run_check("near_duplicate", X, labels=y)
    assert flagged_ids(ds, res) == {"9", "22"}
    ds, res = run_check("conflicting_labels", X, labels=y)
    assert flagged_ids(ds, res) == {"5", "21"}


def test_near_duplicate_joins_a_picture_edited_in_a_part_and_not_two_dark_pictures():
    """A logo stamped over a fifth of a picture and a shadow over a third of another leave the rest pixel for
    pixel: the partial-match rule joins each with its source, which the other rules do not. Two distinct dark
    pictures agree within a few grey levels everywhere, and the rule does not join them."""
    from dataquality.checks._groups import partial_pairs

    X = textured(40, size=64)
    stamped = X[3].copy()
    stamped[4:30, 6:34] = (230, 30, 40)  # a logo box over a fifth of the picture
    shadow = X[8].copy()
    shadow[:, :20] = (shadow[:, :20] * 0.6).astype(np.uint8)  # a shadow over a third of it
    dark = (textured(2, size=64, seed=5) * 0.12).astype(np.uint8)  # two distinct pictures, dark
    X = np.concatenate([X, np.stack([stamped, shadow]), dark])  # rows 40-43
    ds, res = run_check("near_duplicate", X)
    assert {"3", "40", "8", "41"} <= flagged_ids(ds, res)
    assert res.findings["partial_pairs"] == 2 and res.findings["partial_threshold"] == 0.6
    # the detail rule off too: it joins the shadowed copy as well (its local detail is its source's)
    ds, res = run_check("near_duplicate", X, settings={"partial_threshold": None, "detail_ratio": None})
    assert not {"40", "41"} & flagged_ids(ds, res) and "partial_pairs" not in res.findings
    ctx = AuditContext(dq.as_dataset(list(X)), embedder="pixels", device=DEVICE, cache_dir=False, progress=False)
    pairs, share, _ = partial_pairs(ctx, 0.0)  # every neighbour pair with enough detail and range to compare
    assert {(3, 40), (8, 41)} <= set(map(tuple, pairs[share >= 0.6].tolist()))
    assert not (pairs >= 42).any()  # the dark pictures are not even compared
    assert share[(pairs[:, 1] < 40)].max() < 0.5  # distinct pictures agree on far less than the threshold


def test_near_duplicate_joins_a_stamped_copy_of_a_low_contrast_picture(monkeypatch):
    """Foggy, low-contrast pictures (a grey range of about 45 levels, a brick wall or the moon's surface in a photograph
    tile set) are compared by the partial-match rule too: a logo stamped on one is joined with its source, distinct
    ones are not. With the former gate (64 levels in both pictures) the pair was never compared."""
    from dataquality.checks._groups import partial_pairs

    X = textured(40, size=64)
    X = np.clip(128 + (X.astype(np.float32) - 128) * 0.4, 0, 255).astype(np.uint8)
    stamped = X[3].copy()
    stamped[4:30, 6:34] = (230, 30, 40)  # a logo box over a fifth of the picture
    X = np.concatenate([X, stamped[None]])  # row 40
    ctx = AuditContext(dq.as_dataset(list(X)), embedder="pixels", device=DEVICE, cache_dir=False, progress=False)
    stats = ctx.get("image_stats")
    from dataquality.data import decode_grey16

    grey, _ = decode_grey16(stats["grey16"].to_numpy(object))
    ranges = np.subtract(*np.percentile(grey.reshape(len(grey), -1), [98, 2], axis=1))
    assert 40 <= np.median(ranges) < 64  # low contrast, as the test means
    ds, res = run_check("near_duplicate", X, settings={"partial_threshold": 0.6})
    assert {"3", "40"} <= flagged_ids(ds, res)
    pairs, share, _ = partial_pairs(ctx, 0.0)
    assert share[(pairs[:, 1] < 40)].max() < 0.5  # distinct pictures agree on far less than the threshold
    monkeypatch.setattr("dataquality.checks._groups.PARTIAL_MIN_RANGE", 64)
    ctx = AuditContext(dq.as_dataset(list(X)), embedder="pixels", device=DEVICE, cache_dir=False, progress=False)
    assert not (partial_pairs(ctx, 0.0)[0] == [3, 40]).all(axis=1).any()


def test_partial_match_compares_the_spectrum_neighbours_too(monkeypatch):
    """An object laid on a small picture can move its embedding so far that the source is not among its nearest and
    leave too few unchanged blocks for the block candidates; the spectrum descriptors' neighbours are compared too.
    Here the embedding's and the blocks' candidates are taken away: the pair is found through the spectrum table, and
    not without it."""
    from dataquality.checks import _groups

    X = textured(40, size=64)
    copy = X[3].copy()
    yy, xx = np.mgrid[:64, :64]
    copy[((yy - 40) / 12.0) ** 2 + ((xx - 22) / 9.0) ** 2 <= 1] = (240, 210, 40)  # a banana-yellow blob
    X = np.concatenate([X, copy[None]])  # row 40
    monkeypatch.setattr(_groups, "block_candidates",
                        lambda grey, *a: [np.zeros((0, 2), dtype=np.int64) for _ in _groups.TURNS])

    def pairs_with(spectrum: bool):
        ctx = AuditContext(dq.as_dataset(list(X)), embedder="pixels", device=DEVICE, cache_dir=False, progress=False)
        idx, dist = ctx.get("knn")
        idx = idx.copy()
        idx[3][idx[3] == 40] = 0 if idx[3][0] != 0 else 1  # the embedding does not pair them
        idx[40][idx[40] == 3] = 0
        ctx._values["knn"] = (idx, dist)
        sidx, sdist = ctx.get("spectrum_knn")
        sidx = sidx.copy()
        if spectrum:
            sidx[40, 0] = 3  # the spectrum descriptors do
        else:
            sidx[40][sidx[40] == 3] = -1
            sidx[3][sidx[3] == 40] = -1
        ctx._values["spectrum_knn"] = (sidx, sdist)
        pairs, _, _ = _groups.partial_pairs(ctx, 0.6)
        return {tuple(p) for p in pairs.tolist()}

    assert (3, 40) in pairs_with(spectrum=True)
    assert (3, 40) not in pairs_with(spectrum=False)


def test_partial_share_is_learnt_lower_where_distinct_pictures_agree_on_little():
    """Among textures that agree with each other on almost nothing, a copy that keeps 54% of its source's detail (the
    middle 41 x 41 px another picture's; no half left whole) is a near duplicate: the share is learnt from what
    distinct neighbours agree on, here near the 0.5 floor. With the fixed 0.6 (``partial_margin=None``) it is
    not. Where distinct pictures agree on much (one detailed background, each with its own patch), the share stays
    at 0.6."""
    from dataquality.checks._groups import PARTIAL_FLOOR, partial_threshold_for

    X = textured(300, size=64)
    copy = X[3].copy()
    copy[11:52, 11:52] = X[7][11:52, 11:52]
    X = np.concatenate([X, copy[None]])  # row 300

    def flagged(settings):
        r = dq.audit(list(X), embedder="pixels", device=DEVICE, cache_dir=False, progress=False,
                     checks={"near_duplicate": settings})
        return set(r.issues.loc[r.issues.issue == "near_duplicate", "id"]), r

    ids = dq.as_dataset(list(X)).ids
    learnt, report = flagged({})
    assert {ids[3], ids[300]} <= learnt
    assert PARTIAL_FLOOR <= report.findings["near_duplicate"]["partial_threshold"] < 0.53
    fixed, _ = flagged({"partial_margin": None})
    assert ids[300] not in fixed

    alike = np.repeat(textured(1, size=64, seed=5), 300, axis=0)
    for i, patch in enumerate(textured(300, size=32, seed=6)):
        alike[i, 16:48, 16:48] = patch  # a quarter of each picture its own
    ctx = AuditContext(dq.as_dataset(list(alike)), embedder="pixels", device=DEVICE, cache_dir=False, progress=False)
    assert partial_threshold_for(ctx, 0.6, 0.1) == 0.6


def test_near_duplicate_joins_a_copy_relit_across_the_whole_picture():
    """A copy lit by a lamp off one corner (its gain falling from 1.3 to 0.5 across the picture) and tinted warm moves
    every pixel, so no share of its detail agrees with the source's, and the embedding puts it too far away; its fine
    structure is where it was. The relit rule joins the two, and so does the detail rule; without both nothing does. Where
    distinct pictures share half of their fine structure the learnt threshold rises above what they correlate at:
    none of them is joined, and a relit copy still is."""
    from dataquality.checks._groups import relit_pairs
    from dataquality.checks._near_duplicate import NearDuplicateCheck

    m = NearDuplicateCheck.relit_margin
    X = textured(300, size=64)
    yy, xx = np.mgrid[:64, :64] / 63.0
    gain = (1.3 - 0.8 * np.hypot(yy, xx) / np.sqrt(2))[..., None] * np.array([1.1, 1.0, 0.8])
    relit = np.clip(X[3].astype(np.float32) * gain + 10, 0, 255).astype(np.uint8)
    X = np.concatenate([X, relit[None]])  # row 300

    def audit(settings):
        r = dq.audit(list(X), embedder="pixels", device=DEVICE, cache_dir=False, progress=False,
                     checks={"near_duplicate": settings})
        return set(r.issues.loc[r.issues.issue == "near_duplicate", "id"]), r.findings["near_duplicate"]

    ids = dq.as_dataset(list(X)).ids
    flagged, findings = audit({})
    assert flagged == {ids[3], ids[300]}
    assert findings["relit_pairs"] == 1 and 0.5 < findings["relit_threshold"] < 1
    findings_threshold = findings["relit_threshold"]
    assert findings["partial_pairs"] == 0  # the partial rule does not see it
    # the detail rule off too: it compares the same fine structure, by mutual nearest neighbours, and joins it as well
    flagged, findings = audit({"relit_margin": None, "detail_ratio": None})
    assert not flagged and "relit_threshold" not in findings
    flagged, findings = audit({"relit_margin": None})
    assert flagged == {ids[3], ids[300]} and findings["detail_pairs"] == 1

    # distinct pictures half of whose fine structure is one shared picture's: they correlate at about 0.5-0.6, the
    # threshold learnt rises with them, and none is joined; the relit copy of one of them still is
    mixed = (0.5 * textured(1, size=64, seed=5).astype(np.float32) + 0.5 * textured(300, size=64, seed=6)).astype(np.uint8)
    mixed = np.concatenate([mixed, np.clip(mixed[3].astype(np.float32) * gain + 10, 0, 255).astype(np.uint8)[None]])
    ctx = AuditContext(dq.as_dataset(list(mixed)), embedder="pixels", device=DEVICE, cache_dir=False, progress=False)
    pairs, corr, threshold = relit_pairs(ctx, m)
    assert pairs.tolist() == [[3, 300]]
    # what distinct neighbours correlate at (their 99th percentile q; threshold = q + m (1 - q)): far higher here
    assert (threshold - m) / (1 - m) > (findings_threshold - m) / (1 - m) + 0.3


def test_partial_match_joins_a_picture_whose_other_half_was_replaced_and_not_two_that_share_a_half_roughly():
    """A copy whose bottom half is another picture (half under water, a passer-by) agrees with its source on about
    half of its detail, under the 0.6 share, but on all of the top half's: the half rule joins them. A distinct
    picture whose top half is the source's top half with every pixel a little changed (more than the tolerance)
    is not joined."""
    from dataquality.checks._groups import PARTIAL_HALF, _agreement, _detail

    rng = np.random.default_rng(1)
    grey = rng.integers(0, 256, (4, 16, 16)).astype(np.uint8)
    grey[1] = grey[0]
    grey[1, 8:] = grey[2, 8:]  # the bottom half replaced by another picture's
    grey[3] = grey[0]
    grey[3, :8] = np.clip(grey[0, :8].astype(int) + rng.choice([-30, 30], (8, 16)), 0, 255)  # roughly alike
    grey[3, 8:] = grey[2, 8:]
    steps = _detail(grey.astype(np.int16)).astype(np.uint8)
    lo, hi = np.zeros(4), np.full(4, 255.0)
    pairs = np.array([[0, 1], [0, 3], [0, 2]])
    share, half, _ = _agreement(grey, steps, grey, steps, lo, hi, pairs, 16)
    assert share[0] < 0.6 <= PARTIAL_HALF <= half[0]  # half the picture, all of one half
    assert half[1] < PARTIAL_HALF and half[2] < PARTIAL_HALF and share[2] < 0.1
    # end to end: the audit's check joins a picture with its copy whose lower half is new
    X = textured(40, size=64)
    copy = X[3].copy()
    copy[32:] = textured(1, size=64, seed=9)[0][32:]
    X = np.concatenate([X, copy[None]])
    ds, res = run_check("near_duplicate", X)
    assert {"3", "40"} <= flagged_ids(ds, res)
    ds, res = run_check("near_duplicate", X, settings={"partial_threshold": None})
    assert "40" not in flagged_ids(ds, res)


def test_partial_match_joins_a_picture_under_an_object_but_not_pictures_that_differ_all_over():
    """An object laid on a small picture with its shadow covers about a quarter of it, anywhere, and leaves the rest
    pixel for pixel: the copy agrees with its source on under the 0.6 share of its detail and on no whole half, but on
    all of it outside an 8 x 8 box. A distinct picture that shares a scattered 80% of the source's pixels (the rest
    changed everywhere) agrees as much overall and outside no box: it is not joined. End to end, the audit's check joins
    the covered copy and does not without the box rule."""
    from dataquality.checks import _groups
    from dataquality.checks._groups import PARTIAL_BOX, PARTIAL_HALF, _agreement, _detail

    rng = np.random.default_rng(3)
    grey = rng.integers(0, 256, (4, 16, 16)).astype(np.uint8)
    grey[1] = grey[0]
    grey[1, 5:13, 4:12] = rng.integers(0, 256, (8, 8))  # an object over the middle, across all four halves
    grey[3] = grey[0]
    scattered = rng.random((16, 16)) < 0.2
    grey[3][scattered] = np.clip(grey[0][scattered].astype(int) + rng.choice([-60, 60], int(scattered.sum())), 0, 255)
    steps = _detail(grey.astype(np.int16)).astype(np.uint8)
    lo, hi = np.zeros(4), np.full(4, 255.0)
    pairs = np.array([[0, 1], [0, 3], [0, 2]])
    share, half, kept = _agreement(grey, steps, grey, steps, lo, hi, pairs, 16, boxes=True)
    assert share[0] < 0.85 and half[0] < PARTIAL_HALF <= 0.9 and kept[0] == 1.0
    assert kept[1] < PARTIAL_BOX and kept[2] < 0.1
    assert not _agreement(grey, steps, grey, steps, lo, hi, pairs, 16)[2].any()  # only where asked for

    X = np.full((40, 64, 64, 3), 128, np.uint8)
    X[:, 10:54, 10:54] = textured(40, size=44)  # the detail in the middle of the picture, on a flat ground
    copy = X[5].copy()
    copy[16:48, 16:48] = textured(1, size=32, seed=9)[0]  # an object over the middle 8 x 8 of the 16 x 16
    X = np.concatenate([X, copy[None]])
    ds, res = run_check("near_duplicate", X)
    assert {"5", "40"} <= flagged_ids(ds, res)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_groups, "PARTIAL_BOX", 1.01)
        ds, res = run_check("near_duplicate", X)
    assert "40" not in flagged_ids(ds, res)


def test_partial_match_joins_a_grey_picture_with_its_copy_painted_in_colour_on_its_grey_cells():
    """Paint run down a grey picture in colour (a red pen's marks, stickers, drips) may cover half of a small picture's
    detail: the copy agrees with its source on under the 0.6 share, on no whole half and outside no box. Compared on
    the cells where neither has colour (``chroma16``), it agrees on all of them, and the audit's check joins it. The
    same marks in grey are not joined: without colour there is nothing to tell the marks from the picture. A grey
    picture's cells have no colour; the statistic marks the painted ones."""
    from dataquality.checks._groups import PARTIAL_COLOUR, _agreement, _detail, _painted_pairs
    from dataquality.data._stats import chroma16_values

    rng = np.random.default_rng(4)
    grey = rng.integers(0, 256, (3, 16, 16)).astype(np.uint8)
    grey[1] = grey[0]
    painted = np.zeros((3, 16, 16), bool)
    painted[1, :11] = np.arange(16) % 4 < 3  # drips: three columns in four, two thirds of the way down
    grey[1][painted[1]] = 80
    steps = _detail(grey.astype(np.int16)).astype(np.uint8)
    lo, hi = np.zeros(3), np.full(3, 255.0)
    pairs = np.array([[0, 1], [0, 2]])
    share, half, kept = _agreement(grey, steps, grey, steps, lo, hi, pairs, 16, boxes=True)
    assert share[0] < 0.6 and half[0] < 0.9 and kept[0] < 0.85
    masked = _agreement(grey, steps, grey, steps, lo, hi, pairs, 16, left_out=painted)[0]
    assert masked[0] == 1.0 and masked[1] < 0.1
    tinted = np.zeros((3, 16, 16), bool)
    tinted[1, :13] = True  # colour over most of the detail: what is left (under PARTIAL_COLOUR_KEPT) is not compared
    assert _agreement(grey, steps, grey, steps, lo, hi, pairs, 16, left_out=tinted)[0][0] == 0.0

    # a painted copy joins its one source; a picture whose colour hides all that tells two grey pictures apart (they
    # differ only under it) matches both, and joins neither
    g = rng.integers(0, 256, (5, 16, 16)).astype(np.uint8)
    g[1] = g[0]
    g[1, 4:12, 4:12] = rng.integers(0, 256, (8, 8))  # 1 differs from 0 only in the middle
    g[2] = g[0]  # 2: the middle painted over in colour
    g[4] = g[3]  # 4: a copy of 3 painted over on its left third
    paint = np.zeros((5, 16, 16), bool)
    paint[2, 4:12, 4:12] = paint[4, :, :5] = True
    g[paint] = 80
    st = _detail(g.astype(np.int16)).astype(np.uint8)
    cand = np.array([[0, 2], [1, 2], [3, 4], [0, 4]])
    where, shares = _painted_pairs(cand, paint, 0.6, np.full(5, -1), (g, st, np.zeros(5), np.full(5, 255.0)), 16)
    assert where.tolist() == [2] and shares[0] == 1.0
    exact = np.array([0, 0, -1, -1, -1])  # 0 and 1 one exact group: then 2 has one source, and joins both
    assert _painted_pairs(cand, paint, 0.6, exact, (g, st, np.zeros(5), np.full(5, 255.0)), 16)[0].tolist() == [0, 1, 2]

    grey_pictures = np.repeat(textured(40, size=64)[..., :1], 3, axis=3)  # grey: R = G = B
    copy, grey_marks = grey_pictures[5].copy(), grey_pictures[5].copy()
    for x0 in range(0, 64, 16):  # four drips 12 px wide from the top edge, two thirds of the way down
        copy[:44, x0: x0 + 12] = (200, 30, 30)
        grey_marks[:44, x0: x0 + 12] = 81  # the red's grey level (BT.601)
    cells = chroma16_values(np.stack([grey_pictures[5], copy]))
    assert not (cells[0] > PARTIAL_COLOUR).any() and (cells[1] > PARTIAL_COLOUR).sum() == 4 * 3 * 11
    ds, res = run_check("near_duplicate", np.concatenate([grey_pictures, copy[None]]))
    assert {"5", "40"} <= flagged_ids(ds, res)
    ds, res = run_check("near_duplicate", np.concatenate([grey_pictures, grey_marks[None]]))
    assert "40" not in flagged_ids(ds, res)


def test_block_candidates_pair_a_picture_with_its_stamped_copy_whatever_the_embedding():
    """Candidates for the partial-match test that do not go through the embedding: pictures sharing at least two
    identical blocks. A copy stamped over a quarter of the picture shares its other twelve blocks with its source; a
    distinct picture shares none; a block every picture has (a bucket of more than 30) joins nobody."""
    from dataquality.checks._groups import _detail, block_candidates

    rng = np.random.default_rng(0)
    grey = rng.integers(0, 256, (45, 16, 16)).astype(np.uint8)
    grey[1] = grey[0]
    grey[1, :8, :8] = 255  # a stamp over the top-left quarter: four of the sixteen blocks
    grey[5:45, 8:, 8:] = grey[4, 8:, 8:]  # 41 pictures with the same bottom-right quarter, distinct elsewhere
    lo, hi = np.zeros(45), np.full(45, 255.0)
    steps = _detail(grey.astype(np.int16)).astype(np.uint8)
    pairs = {tuple(p) for p in block_candidates(grey, np.ones(45, bool), lo, hi, steps)[0].tolist()}
    assert pairs == {(0, 1)}
    assert block_candidates(grey, np.arange(45) != 1, lo, hi, steps)[0].size == 0  # an ineligible image is never paired



@pytest.mark.parametrize("settings", [{"relit_margin": 1.0}, {"relit_margin": -0.1}, {"relit_margin": "0.9"},
                                      {"partial_margin": 1.5}, {"partial_margin": True}])
def test_near_duplicate_margins_out_of_range_are_a_clear_error(settings):
    """A learnt rule's margin outside [0, 1) (a threshold at or past 1 would join nothing, a negative one too much) is
    refused at the start of the audit with what was expected, not taken silently."""
    X = textured(12, size=32)
    with pytest.raises(dq.DataQualityError, match=f"near_duplicate's {next(iter(settings))}"):
        dq.audit(list(X), embedder="pixels", device=DEVICE, cache_dir=False, progress=False,
                 checks={"near_duplicate": settings})


def test_block_candidates_pair_a_copy_that_keeps_two_blocks_with_detail(monkeypatch):
    """An object covering most of a small picture can leave only two of its blocks with detail as they were: two
    identical blocks make a candidate (three did until Round 17: the pair was then never compared); one does not."""
    from dataquality.checks import _groups
    from dataquality.checks._groups import _detail, block_candidates

    rng = np.random.default_rng(2)
    grey = rng.integers(0, 256, (20, 16, 16)).astype(np.uint8)  # distinct detailed pictures
    grey[1] = 200  # picture 0 under a flat object but for its top-left two blocks
    grey[1, :4, :8] = grey[0, :4, :8]
    grey[3] = 200  # picture 2 under a flat object but for one block
    grey[3, :4, :4] = grey[2, :4, :4]
    lo, hi = np.zeros(20), np.full(20, 255.0)
    steps = _detail(grey.astype(np.int16)).astype(np.uint8)
    assert {tuple(p) for p in block_candidates(grey, np.ones(20, bool), lo, hi, steps)[0].tolist()} == {(0, 1)}
    monkeypatch.setattr(_groups, "PARTIAL_BLOCK_SHARED", 3)
    assert block_candidates(grey, np.ones(20, bool), lo, hi, steps)[0].size == 0


def test_block_candidates_survive_a_stamp_that_widens_the_range_and_find_mirror_images():
    """A white label on a mid-grey picture moves the image's grey range, and so every level of a block taken of
    that range: the blocks are also taken on the whole 0-255 scale, where the untouched ones stay identical. A
    picture flipped left to right shares its blocks with its source's mirror image: a pair of the second list,
    not of the first (TURNS[0], as it is)."""
    from dataquality.checks._groups import _detail, block_candidates

    rng = np.random.default_rng(1)
    grey = rng.integers(60, 191, (12, 16, 16)).astype(np.uint8)  # mid-grey pictures, distinct
    grey[1] = grey[0]
    grey[1, :8, :8] = 255  # a white label over a quarter: the range's top moves from 190 to 255
    grey[2] = grey[3][:, ::-1]  # a mirror image of picture 3
    lo, hi = np.percentile(grey.reshape(12, -1), [2, 98], axis=1)
    steps = _detail(grey.astype(np.int16)).astype(np.uint8)
    found = block_candidates(grey, np.ones(12, bool), lo, hi, steps)
    # (noise pictures of one narrow grey band share a block or two by chance on the 0-255 scale: candidates only,
    # which the pixel comparison then rejects)
    assert (0, 1) in {tuple(p) for p in found[0].tolist()}
    assert (2, 3) in {tuple(sorted(p)) for p in found[1].tolist()}  # TURNS[1]: mirrored
    assert (2, 3) not in {tuple(p) for p in found[0].tolist()}  # not as it is


def test_near_duplicate_joins_a_mirror_image_and_a_turned_copy_with_their_sources():
    """A picture flipped left to right, or turned by 90 degrees (a lost orientation tag), is far from its source in
    pixels and perceptual hash, and the pixels embedder does not join them; compared with the source mirrored or
    turned, it agrees everywhere. Distinct pictures agree with each other's mirror images no more than as they are,
    and a turned pair must agree on 0.9 of its detail."""
    from dataquality.checks._groups import TURNS, partial_pairs

    X = textured(40, size=64)
    X = np.concatenate([X, X[[12]][:, :, ::-1], np.rot90(X[[20]], 1, axes=(1, 2))])  # rows 40 (mirror), 41 (turned)
    ds, res = run_check("near_duplicate", X, settings={"partial_threshold": None})
    assert not {"12", "40", "20", "41"} & flagged_ids(ds, res)
    ds, res = run_check("near_duplicate", X)
    assert {"12", "40", "20", "41"} <= flagged_ids(ds, res) and res.findings["partial_pairs"] == 2
    details = {ds.ids[i]: d for i, d in zip(res.indices, res.details)}
    assert "40 is the same picture mirrored" in details["12"] and "12 is the same picture mirrored" in details["40"]
    assert "41 is the same picture turned a quarter turn" in details["20"]
    ctx = AuditContext(dq.as_dataset(list(X)), embedder="pixels", device=DEVICE, cache_dir=False, progress=False)
    pairs, share, turn = partial_pairs(ctx, 0.0)
    found = {tuple(p): TURNS[k][0] for p, k in zip(pairs[share >= 0.99].tolist(), turn[share >= 0.99])}
    assert found[(12, 40)] == "mirrored" and found[(20, 41)] == "turned a quarter turn"
    assert share[(pairs[:, 1] < 40)].max() < 0.5
    assert [t[2] for t in TURNS if t[0].startswith("turned")] == [0.9, 0.9, 0.9]

# -- representativeness ---------------------------------------------------------------
def test_outlier():
    rng = np.random.default_rng(0)
    X = rng.normal(0, 1, (60, 16))
    X[:, 0] += 20  # a tight cloud far from the origin
    X[17] = rng.normal(0, 1, 16) * 0.1
    X[17, 1] = 30
    ds, res = run_check("outlier", X, embedder="tabular")
    assert flagged_ids(ds, res) == {"17"}


def test_outlier_group_found_by_global_score_not_by_neighbours():
    # six rows in 600 (1%) off the data's main directions, close to each other: each one's nearest
    # neighbours are the other five, so the neighbour score cannot see them; the Mahalanobis score can
    rng = np.random.default_rng(1)
    X = rng.normal(0, 1, (600, 16))
    X[:, 0] += 20
    group = np.arange(100, 106)
    X[group] = rng.normal(0, 0.3, (6, 16))
    X[group, 0] += 20
    X[group, 5] += 20
    ds, res = run_check("outlier", X, embedder="tabular", settings={"use_global": "embeddings"})
    assert flagged_ids(ds, res) == {str(i) for i in group}
    ds, res = run_check("outlier", X, embedder="tabular", settings={"use_global": False})
    assert not flagged_ids(ds, res) & {str(i) for i in group}
    # a table's default global score is measured in its columns' ranks, where six rows 20 spreads out are the
    # top 1% of their column: an audit reports them as out of range (schema) instead
    import pandas as pd

    issues = dq.audit(pd.DataFrame(X), progress=False, cache_dir=False).issues
    assert set(issues.loc[issues["issue"] == "schema", "index"]) == set(group.tolist())


def _classes_and_group(rng, group_size):
    """600 rows in four tight classes (32 columns) and, in rows 100.., a tighter group of
    ``group_size`` around a fifth centre: each member's nearest neighbours are the other members."""
    centres = rng.normal(0, 1, (5, 32))
    X = centres[np.arange(600) % 4] + rng.normal(0, 0.3, (600, 32))
    group = np.arange(100, 100 + group_size)
    X[group] = centres[4] + rng.normal(0, 0.1, (group_size, 32))
    return X, group


def test_outlier_group_found_by_bulk_score_not_by_neighbours():
    # six rows in 600 (1%): their 5 nearest neighbours are each other, so the neighbour score cannot
    # see them; measured against the rows outside their group (the bulk score) they are far.
    # The global score is off to test the bulk score alone.
    X, group = _classes_and_group(np.random.default_rng(1), 6)
    on = {"use_global": False, "use_bulk": True}
    ds, res = run_check("outlier", X, embedder="tabular", settings=on)
    assert flagged_ids(ds, res) == {str(i) for i in group}
    assert all("small group" in d for d in res.details)
    ds, res = run_check("outlier", X, embedder="tabular", settings={**on, "use_bulk": False})
    assert not flagged_ids(ds, res) & {str(i) for i in group}
    # off by default for tables (it cost F1 on the tabular benchmark)
    _, res = run_check("outlier", X, embedder="tabular", settings={"use_global": False})
    assert len(res.indices) == 0


@pytest.mark.parametrize("seed", [2, 3])
def test_outlier_bulk_score_flags_few_clean_rows(seed):
    # the rows at a class's edge are candidates too, and measured against the rows inside they move
    # out a little: at most 0.5% of clean rows (1 of 600 on seed 2; the tuning target is 1%)
    X, _ = _classes_and_group(np.random.default_rng(seed), 0)
    _, res = run_check("outlier", X, embedder="tabular", settings={"use_global": False, "use_bulk": True})
    assert len(res.indices) <= 3


@pytest.mark.parametrize("n_cols", [1, 2, 16])
def test_outlier_global_score_adds_nothing_on_clean_gaussian_tables(n_cols):
    # the global score must not turn ordinary rows into outliers; on 1-2 columns the unit-length
    # rows lie on a curve whose whitened curvature flagged 7-15% of them before min_dims_global
    X = np.random.default_rng(n_cols).normal(size=(500, n_cols))
    _, res = run_check("outlier", X, embedder="tabular")
    _, knn_only = run_check("outlier", X, embedder="tabular", settings={"use_global": False})
    assert set(res.indices) == set(knn_only.indices)
    if n_cols >= 16:
        assert len(res.indices) == 0


def test_leakage_against_reference():
    X = textured(12)
    ref = np.concatenate([textured(5, seed=9), X[[4, 8]]])
    ds, res = run_check("leakage", X, reference=ref)
    assert flagged_ids(ds, res) == {"4", "8"}


def test_schema_and_missing_value_on_tables():
    import pandas as pd

    df = pd.DataFrame({"age": ["31", "42", "thirty", "29", "35", "40", "22", "51", "38", "44"],
                       "city": ["x", "y", "x", "y", "x", "y", "x", "y", "x", None]})
    ds, res = run_check("schema", df)
    assert flagged_ids(ds, res) == {"2"}
    ds, res = run_check("missing_value", df)
    assert flagged_ids(ds, res) == {"9"}


# -- the common contract, over every registered check ---------------------------------
def _data_for(name):
    mods = dq.checks.get_check_class(name).modalities
    if "image" not in mods and "tabular" not in mods:
        return ["a fine text", "another text", "", "caf\u00c3\u00a9 mojibake", "a fine text", "x" * 500], \
            ["p", "q", "p", "q", "p", None]
    if name in ("missing_value", "schema") or "image" not in mods:
        import pandas as pd

        return pd.DataFrame({"a": [1.0, 2.0, None, 4.0, 5.0, 6.0], "b": ["1", "2", "x", "4", "5", "6"]}), \
            ["p", "q", "p", "q", "p", None]
    X = textured(8)
    X[7] = X[1]
    return X, ["p", "q"] * 3 + ["p", None]


@pytest.mark.parametrize("name", dq.list_checks())
def test_every_check_keeps_the_contract(name):
    data, labels = _data_for(name)
    kw = {"reference": textured(3, seed=5)} if name == "leakage" else {}
    runs = []
    for _ in range(2):
        ds, res = run_check(name, data, labels=labels, **kw)
        assert isinstance(res, CheckResult)
        assert np.all((res.scores >= 0) & (res.scores <= 1))
        assert np.all((res.indices >= 0) & (res.indices < len(ds)))
        assert len(set(res.indices.tolist())) == len(res.indices)
        runs.append((res.indices.tolist(), np.round(res.scores, 9).tolist(), res.details))
    assert runs[0] == runs[1], "same seed, same result"


@pytest.mark.parametrize("name", dq.list_checks())
def test_every_check_handles_one_example(name):
    cls = dq.checks.get_check_class(name)
    if "image" in cls.modalities:
        data = textured(1)
    elif "text" in cls.modalities:
        data = ["only one"]
    else:
        import pandas as pd

        data = pd.DataFrame({"a": [1.0]})
    kw = {"reference": textured(2, seed=3)} if name == "leakage" else {}
    ds, res = run_check(name, data, labels=["x"], **kw)
    assert len(res.indices) <= 1


def test_unknown_check_and_bad_settings():
    with pytest.raises(dq.DataQualityError, match="Unknown check 'nope'"):
        make_check("nope")
    with pytest.raises(dq.DataQualityError, match="Valid settings"):
        make_check("dark", {"treshold": 0.1})


@pytest.mark.parametrize("variant", [lambda c: c.upper(), lambda c: c + " ", lambda c: " " + c.replace("_", "-"),
                                     lambda c: c.replace("_", "")])
def test_label_spelling_flags_the_less_used_spellings_of_one_label(digits, variant):
    X, y = digits
    X, y = X[:200], y[:200]
    names = [f"class_{int(v)}" for v in y]
    planted = [i for i in range(len(names)) if i % 9 == 4 and names[i] == "class_3"]
    labels = [variant(n) if i in planted else n for i, n in enumerate(names)]
    r = dq.audit(X, labels=labels, embedder="pixels", cache_dir=False, progress=False)
    flagged = r.issues[r.issues.issue == "label_spelling"]
    assert sorted(flagged["index"]) == planted
    assert all("is spelled 'class_3'" in d for d in flagged["detail"])
    assert r.scores["consistency"] < 100
    assert {str(i) for i in planted} <= {str(i) for i in r.clean_subset().ids}  # relabel, not drop, by default


def test_label_spelling_is_quiet_on_consistent_and_numeric_labels(digits):
    X, y = digits
    for labels in ([f"c{int(v)}" for v in y[:150]], [int(v) for v in y[:150]]):
        r = dq.audit(X[:150], labels=labels, embedder="pixels", cache_dir=False, progress=False,
                     checks=["label_spelling"])
        assert (r.issues.issue == "label_spelling").sum() == 0
        assert r.scores["consistency"] == 100


def test_outlier_small_coherent_class_is_not_far_but_its_odd_member_is():
    """A labelled class too small for a mean of its own (6 rows) that lies apart from the big classes: its
    members are measured to their class's other members, so they are no farther than the big classes'
    members; a member unlike the rest of its small class still is the farthest of all."""
    from dataquality.checks._outlier import mahalanobis_distance

    rng = np.random.default_rng(0)
    centres = rng.normal(size=(4, 48)) * 3
    X = np.concatenate([centres[c] + rng.normal(size=(100, 48)) for c in range(3)]
                       + [centres[3] + rng.normal(size=(6, 48))])
    y = np.repeat([0, 1, 2, 3], [100, 100, 100, 6])
    X[-1] = rng.normal(size=48) * 6  # the small class's odd member: like none of the classes
    d = mahalanobis_distance(X, 16, y)
    assert int(np.argmax(d)) == len(X) - 1
    big_p99 = np.percentile(d[:300], 99)
    assert d[300:305].max() < big_p99
    without = mahalanobis_distance(X, 16, np.where(y == 3, -1, y))  # the same rows with no label: all far
    assert without[300:305].min() > big_p99


def test_outlier_small_class_of_unlike_parts_and_a_pair_are_not_far():
    """The tiles cut from one photograph differ (sky, a face): a small class in two clusters of three, and a class
    of two, both apart from the big classes, are no farther than the big classes' members, since each member is
    measured to the nearest other member of its class (parts of one picture are alike: a spread of 0.6 against the
    big classes' 1); without their labels they are far."""
    from dataquality.checks._outlier import mahalanobis_distance

    rng = np.random.default_rng(1)
    centres = rng.normal(size=(6, 48)) * 3
    X = np.concatenate([centres[c] + rng.normal(size=(100, 48)) for c in range(3)]
                       + [centres[c] + 0.6 * rng.normal(size=(m, 48)) for c, m in ((3, 3), (4, 3), (5, 2))])
    y = np.repeat([0, 1, 2, 3, 4], [100, 100, 100, 6, 2])
    d = mahalanobis_distance(X, 16, y)
    big_p99 = np.percentile(d[:300], 99)
    assert d[300:].max() < big_p99, (d[300:], big_p99)
    without = mahalanobis_distance(X, 16, np.where(y >= 3, -1, y))
    assert without[300:].min() > big_p99


def test_outlier_principal_components_are_the_full_eigendecompositions():
    """The top components on a CPU (a partial eigh) give the same Mahalanobis distances as a full one."""
    from dataquality.checks._outlier import mahalanobis_distance

    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 64)) @ rng.normal(size=(64, 64))
    y = rng.integers(0, 4, 400)
    got = mahalanobis_distance(X, 16, y)
    # the reference: a full eigendecomposition of the same covariance, the 16 largest pairs
    U = X / np.linalg.norm(X, axis=1, keepdims=True)
    vals, vecs = np.linalg.eigh(np.cov(U.T, bias=True))
    Z = (U - U.mean(axis=0)) @ vecs[:, ::-1][:, :16]
    from dataquality.checks import _outlier

    original = _outlier._principal_scores
    try:
        _outlier._principal_scores = lambda *a, **k: Z
        want = mahalanobis_distance(X, 16, y)
    finally:
        _outlier._principal_scores = original
    assert np.allclose(got, want, rtol=1e-6, atol=1e-8)


def test_check_result_from_lists_sorts_rows_with_their_details_and_stays_linear_at_scale():
    """A check at a million rows flags about 100,000 labels: the result sorts its rows with their details and
    sets in one pass (copying the detail list once per row had taken 12 s for 100,000 flags)."""
    import time

    rng = np.random.default_rng(0)
    n = 100_000
    idx = rng.permutation(n)
    t = time.perf_counter()
    res = dq.CheckResult.from_lists(idx, idx / n, [f"row {k}" for k in idx], groups=[f"set {k // 2}" for k in idx])
    took = time.perf_counter() - t
    assert np.array_equal(res.indices, np.arange(n))
    assert res.details[:3] == ["row 0", "row 1", "row 2"] and res.details[-1] == f"row {n - 1}"
    assert res.groups[:3] == ["set 0", "set 0", "set 1"]
    assert np.allclose(res.scores, np.arange(n) / n)
    assert took < 3.0, f"{took:.1f} s for {n:,} flags"
