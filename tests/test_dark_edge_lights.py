"""The dark check's edge-lights rule: a dark picture on a black ground with a compact light at the side of the frame
(a softbox, a lamp, a lit floor) is judged on what is left once the light is set aside."""

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import dataquality as dq
from dataquality.data._stats import apart_from_edge_lights, finish_stats, small_images


def _garment(rng, level: float, size: int = 28) -> np.ndarray:
    """A textured garment-like shape on a black ground (grey 0-1)."""
    g = np.zeros((size, size), np.float32)
    top, bottom = rng.integers(3, 6), rng.integers(22, 26)
    left, right = rng.integers(4, 8), rng.integers(19, 23)
    g[top:bottom, left:right] = level * (0.75 + 0.25 * rng.random((bottom - top, right - left)))
    g[top:top + 3, left - 3:right + 3] = level * 0.9  # sleeves
    return g


def _softbox(g: np.ndarray, side: str = "right") -> np.ndarray:
    g = g.copy()
    if side == "right":
        g[9:19, 25:28] = 0.95
    else:
        g[25:28, 8:20] = 0.9  # a lit floor along the bottom edge
    return g


def test_a_light_at_the_frame_edge_is_set_aside():
    rng = np.random.default_rng(0)
    dim = _softbox(_garment(rng, 0.12))
    got = apart_from_edge_lights(dim)
    assert got["brightness_apart_p99"] < 0.15  # the garment, not the light
    assert len(got["thumb_apart"]) == 32
    floor = _softbox(_garment(rng, 0.12), "bottom")
    assert apart_from_edge_lights(floor)["brightness_apart_p99"] < 0.15


def _wide_garment(rng, level: float, ground: float, size: int = 28) -> np.ndarray:
    """A garment filling all but about ``ground`` of the frame (its black ground) under a board lit at the top."""
    g = np.zeros((size, size), np.float32)
    cols = int(round(size * (1 - ground)))  # full-height cloth over this many columns, centred
    left = (size - cols) // 2
    g[3:, left:left + cols] = level * (0.75 + 0.25 * rng.random((size - 3, cols)))
    g[0:3, 9:19] = 0.95  # the lit board along the top edge, over the black above the cloth
    return g


def test_a_light_over_a_garment_that_fills_most_of_the_frame():
    """A black ground of a fifth to a third of the picture is ground enough (EDGE_GROUND, 0.3 until Round 29: a
    garment lit by a board at its top was left to the other rules); under a fifth it is a photograph's dark corner."""
    from dataquality.data import _stats

    rng = np.random.default_rng(4)
    for ground in (0.18, 0.24):
        g = _wide_garment(rng, 0.12, ground)
        assert 0.2 <= (g <= 0.02).mean() < 0.3
        assert apart_from_edge_lights(g)["brightness_apart_p99"] < 0.15
    g = _wide_garment(rng, 0.12, 0.1)
    assert (g <= 0.02).mean() < _stats.EDGE_GROUND
    assert np.isnan(apart_from_edge_lights(g)["brightness_apart_p99"])


@pytest.mark.parametrize("case", ["print", "strokes", "bright", "rim", "no_ground"])
def test_what_is_not_a_light_at_the_edge(case):
    rng = np.random.default_rng(1)
    g = _garment(rng, 0.12)
    if case == "print":  # a bright print inside a dark garment
        g[10:15, 11:16] = 0.95
    elif case == "strokes":  # a digit "1" drawn by the frame's edge: its bright stroke, nothing else lit
        g = np.zeros((28, 28), np.float32)
        g[5:23, 23:26] = 1.0
    elif case == "bright":  # a bright garment: bright pixels are what it shows
        g = _softbox(_garment(rng, 0.8))
    elif case == "rim":  # a thin bright rim round a dark garment, touching the edge
        g[3:25, 0] = 0.9
        g[3, 0:12] = 0.9
    elif case == "no_ground":  # a photograph: no black ground
        g = _softbox(0.1 + 0.05 * rng.random((28, 28)).astype(np.float32))
    assert np.isnan(apart_from_edge_lights(g)["brightness_apart_p99"])


def test_the_torch_statistics_equal_the_numpy_ones_with_an_edge_light():
    torch = pytest.importorskip("torch")
    from dataquality.data._stats import finish_stats_torch

    rng = np.random.default_rng(2)
    imgs = [Image.fromarray((np.repeat(_softbox(_garment(rng, 0.12))[..., None], 3, 2) * 255).astype(np.uint8))
            for _ in range(3)]
    small = [small_images(i) for i in imgs]
    want = finish_stats(*(np.stack(p) for p in zip(*small)))
    got = finish_stats_torch(*(torch.from_numpy(np.stack(p)) for p in zip(*small)))
    for w, g in zip(want, got):
        assert g["thumb_apart"] == w["thumb_apart"] != ""
        assert g["brightness_apart_p99"] == pytest.approx(w["brightness_apart_p99"], rel=1e-4)
        assert g["brightness_apart_mean"] == pytest.approx(w["brightness_apart_mean"], rel=1e-4)


def _write(tmp_path, arrays, labels):
    paths = []
    for k, a in enumerate(arrays):
        p = tmp_path / f"{k:03d}.png"
        Image.fromarray((np.clip(a, 0, 1) * 255).astype(np.uint8), "L").save(p)
        paths.append(str(p))
    return pd.DataFrame({"path": paths, "label": labels})


def test_dark_pictures_lit_from_the_edge_are_flagged(tmp_path):
    """Plant six garments dimmed to an eighth with a softbox or a lit floor at the edge of the frame among ninety
    garments at ordinary brightness (four of them beside a softbox too, not dimmed): the rule flags the six, not the
    four; with ``edge_lights=False`` the six are not found (their light keeps them over every other rule)."""
    rng = np.random.default_rng(3)
    arrays, labels = [], []
    for k in range(90):
        arrays.append(_garment(rng, rng.uniform(0.5, 0.9)))
        labels.append("shirt" if k % 2 else "coat")
    for k in range(4):  # ordinary garments photographed beside a softbox
        arrays.append(_softbox(_garment(rng, rng.uniform(0.6, 0.9))))
        labels.append("shirt")
    planted = list(range(len(arrays), len(arrays) + 6))
    for k in range(6):
        arrays.append(_softbox(_garment(rng, rng.uniform(0.08, 0.12)), "right" if k % 2 else "bottom"))
        labels.append("shirt" if k % 2 else "coat")
    df = _write(tmp_path, arrays, labels)
    report = dq.audit(df, checks=["dark"], cache_dir=tmp_path / "cache")
    flagged = _positions(report)
    assert set(planted) <= flagged
    assert not flagged & set(range(90, 94))
    assert len(flagged - set(planted)) <= 1
    off = dq.audit(df, checks={"dark": {"edge_lights": False}}, cache_dir=tmp_path / "cache")
    assert not set(planted) & _positions(off)


def _positions(report) -> set[int]:
    at = {i: k for k, i in enumerate(report.ids)}
    return {at[i] for i in report.flagged("dark")}
