"""The dark check's edge-lights rule also sets aside a compact *coloured* light inside the frame (a screen, a display's
digits, a machine's lit panel): a dim picture lit only by it is judged on what is left; a white print on a dark garment,
which is what the picture shows and not a light, is not set aside."""

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import dataquality as dq
from dataquality.data import _stats
from dataquality.data._stats import apart_from_edge_lights, finish_stats, small_images

from .test_dark_edge_lights import _garment as _grey_garment


def _garment(rng, level: float) -> np.ndarray:
    """test_dark_edge_lights' garment-like shape on a black ground, as RGB 0-1 (grey)."""
    return np.repeat(_grey_garment(rng, level)[..., None], 3, axis=2)


def _screen(rgb: np.ndarray, colour=(0.25, 0.45, 1.0)) -> np.ndarray:
    """A lit screen in the middle of the picture (well inside the frame's outer fifth)."""
    out = rgb.copy()
    out[12:17, 9:19] = colour
    return out


def _print(rgb: np.ndarray) -> np.ndarray:
    out = rgb.copy()
    out[12:17, 9:19] = 0.95  # white
    return out


def _stats_of(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    u8 = (np.clip(rgb, 0, 1) * 255).astype(np.uint8)
    return (u8 / 255) @ _stats._BT601, _stats.channel_spread(u8[None])[0]


def test_a_coloured_light_inside_the_frame_is_set_aside_and_a_white_print_is_not():
    rng = np.random.default_rng(0)
    gray, chroma = _stats_of(_screen(_garment(rng, 0.12)))
    got = apart_from_edge_lights(gray, chroma)
    assert got["brightness_apart_p99"] < 0.15  # the garment, not the screen
    # the same screen without its colour known (or the rule's colour turned off) lies inside the frame: not a light
    assert np.isnan(apart_from_edge_lights(gray)["brightness_apart_p99"])
    gray, chroma = _stats_of(_print(_garment(rng, 0.12)))
    assert chroma.max() == 0
    assert np.isnan(apart_from_edge_lights(gray, chroma)["brightness_apart_p99"])


def test_a_screens_dimmer_coloured_edge_round_its_lit_text_is_set_aside_with_it():
    """A screen whose lit text (pale blue, over the light level) sits in a dimmer blue body (under it, at ~0.31): the
    body is the light too, joined to its core by colour, and what is left is the dim garment (before Round 31 only
    the core and a pixel round it were set aside, and the body's rest kept the picture's 99th percentile over 0.3)."""
    rng = np.random.default_rng(4)
    rgb = _garment(rng, 0.12)
    rgb[11:18, 7:21] = (0.1, 0.3, 0.95)  # the screen's body
    rgb[13:16, 10:18] = (0.6, 0.8, 1.0)  # its lit text
    gray, chroma = _stats_of(rgb)
    assert 0.3 < gray[11, 7] < 0.4 <= gray[14, 12]
    assert apart_from_edge_lights(gray, chroma)["brightness_apart_p99"] < 0.15


def test_the_colour_threshold_is_the_rule(monkeypatch):
    rng = np.random.default_rng(1)
    gray, chroma = _stats_of(_screen(_garment(rng, 0.12), colour=(0.55, 0.75, 0.95)))  # pale blue: chroma 102
    assert apart_from_edge_lights(gray, chroma)["brightness_apart_p99"] < 0.15
    monkeypatch.setattr(_stats, "EDGE_COLOUR_CHROMA", 110)
    assert np.isnan(apart_from_edge_lights(gray, chroma)["brightness_apart_p99"])
    monkeypatch.setattr(_stats, "EDGE_COLOUR_CHROMA", None)
    assert np.isnan(apart_from_edge_lights(gray, chroma)["brightness_apart_p99"])


def test_the_torch_statistics_equal_the_numpy_ones_with_a_coloured_light():
    torch = pytest.importorskip("torch")
    from dataquality.data._stats import finish_stats_torch

    rng = np.random.default_rng(2)
    imgs = [Image.fromarray((_screen(_garment(rng, 0.12)) * 255).astype(np.uint8)) for _ in range(3)]
    small = [small_images(i) for i in imgs]
    want = finish_stats(*(np.stack(p) for p in zip(*small)))
    got = finish_stats_torch(*(torch.from_numpy(np.stack(p)) for p in zip(*small)))
    for w, g in zip(want, got):
        assert g["thumb_apart"] == w["thumb_apart"] != ""
        assert g["brightness_apart_p99"] == pytest.approx(w["brightness_apart_p99"], rel=1e-4)


def test_dim_pictures_lit_by_a_screen_are_flagged_and_dark_garments_with_a_print_are_not(tmp_path):
    """Ninety ordinary garments; four dark garments with a white print (what they show); six garments dimmed to an
    eighth, lit only by a blue, green or orange screen in the middle of the frame. The six are flagged, the four are
    not; with ``edge_lights=False`` the six are not found either (the screen keeps them over every other rule)."""
    rng = np.random.default_rng(3)
    arrays, labels = [], []
    for k in range(90):
        arrays.append(_garment(rng, rng.uniform(0.5, 0.9)))
        labels.append("shirt" if k % 2 else "coat")
    printed = list(range(len(arrays), len(arrays) + 4))
    for k in range(4):
        arrays.append(_print(_garment(rng, rng.uniform(0.1, 0.15))))
        labels.append("shirt")
    planted = list(range(len(arrays), len(arrays) + 6))
    colours = [(0.2, 0.4, 1.0), (0.2, 0.9, 0.4), (1.0, 0.55, 0.2)]
    for k in range(6):
        arrays.append(_screen(_garment(rng, rng.uniform(0.08, 0.12)), colours[k % 3]))
        labels.append("shirt" if k % 2 else "coat")
    paths = []
    for k, a in enumerate(arrays):
        p = tmp_path / f"{k:03d}.png"
        Image.fromarray((np.clip(a, 0, 1) * 255).astype(np.uint8), "RGB").save(p)
        paths.append(str(p))
    df = pd.DataFrame({"path": paths, "label": labels})
    report = dq.audit(df, checks=["dark"], cache_dir=tmp_path / "cache")
    at = {i: k for k, i in enumerate(report.ids)}
    flagged = {at[i] for i in report.flagged("dark")}
    assert set(planted) <= flagged
    assert not flagged & set(printed)
    assert len(flagged - set(planted)) <= 1
    off = dq.audit(df, checks={"dark": {"edge_lights": False}}, cache_dir=tmp_path / "cache")
    assert not set(planted) & {at[i] for i in off.flagged("dark")}


def _corner_garment(rng, level: float) -> np.ndarray:
    """A garment drawn small in the picture's upper left, a layout no ordinary garment here has (RGB 0-1, grey)."""
    g = np.zeros((28, 28), np.float32)
    g[2:15, 2:13] = level * (0.75 + 0.25 * rng.random((13, 11)))
    return np.repeat(g[..., None], 3, axis=2)


def _batch_of_screen_lit_garments(tmp_path, level):
    """Ninety ordinary garments in four classes, laid out in the middle of the frame, and twelve (more than the ``k``
    of ten look-alikes) garments at ``level`` drawn small in a corner, each lit by a blue screen: the twelve are each
    other's nearest by layout. Returns the data frame and the twelve's positions."""
    rng = np.random.default_rng(5)
    classes = ("shirt", "coat", "dress", "bag")
    arrays, labels = [], []
    for k in range(90):
        arrays.append(_garment(rng, rng.uniform(0.5, 0.9)))
        labels.append(classes[k % 4])
    batch = list(range(len(arrays), len(arrays) + 12))
    for k in range(12):  # three in each class: within its class, a picture's look-alikes are mostly ordinary
        arrays.append(_screen(_corner_garment(rng, level * rng.uniform(0.8, 1.2))))
        labels.append(classes[k % 4])
    paths = []
    for k, a in enumerate(arrays):
        p = tmp_path / f"{k:03d}.png"
        Image.fromarray((np.clip(a, 0, 1) * 255).astype(np.uint8), "RGB").save(p)
        paths.append(str(p))
    return pd.DataFrame({"path": paths, "label": labels}), batch


def test_a_batch_of_pictures_darkened_alike_does_not_vouch_for_itself(tmp_path):
    """Twelve dim garments lit by a screen, laid out alike and unlike the rest, are each other's layout look-alikes:
    against those alone they are as bright as their look-alikes. Their class finds them far darker, so they are
    judged again against look-alikes among the pictures not so suspected, and found; with ``exclude_suspects=False``
    they are not."""
    df, batch = _batch_of_screen_lit_garments(tmp_path, 0.1)
    report = dq.audit(df, checks=["dark"], cache_dir=tmp_path / "cache")
    at = {i: k for k, i in enumerate(report.ids)}
    flagged = {at[i] for i in report.flagged("dark")}
    assert set(batch) <= flagged
    assert len(flagged - set(batch)) <= 1
    off = dq.audit(df, checks={"dark": {"exclude_suspects": False}}, cache_dir=tmp_path / "cache")
    assert not set(batch) & {at[i] for i in off.flagged("dark")}


def test_a_batch_as_bright_as_its_class_is_not_suspected(tmp_path):
    """The same twelve pictures, their garments as bright as the others (a lit screen on an ordinary garment): their
    class does not find them dark, so nothing is judged again and none is flagged."""
    df, batch = _batch_of_screen_lit_garments(tmp_path, 0.7)
    report = dq.audit(df, checks=["dark"], cache_dir=tmp_path / "cache")
    assert not report.flagged("dark")


@pytest.mark.parametrize("bad", ["yes", 1, None])
def test_exclude_suspects_must_be_a_bool(bad):
    from dataquality.checks import make_check

    with pytest.raises(dq.DataQualityError, match="exclude_suspects"):
        make_check("dark", {"exclude_suspects": bad})
