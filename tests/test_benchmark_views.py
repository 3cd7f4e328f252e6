"""The detection benchmark's second view of near-duplicate scoring on photograph tiles: a file flagged together with a
tile that shows the same view of the same photograph at another zoom is counted neither way, for every tool alike; and a
third, with the planted foreign pictures flagged together with another of their own family counted neither way."""

import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(BENCH))
    try:
        import _heldout
        import detection
    finally:
        sys.path.remove(str(BENCH))
    return SimpleNamespace(H=_heldout, D=detection)


def test_tile_regions_follow_the_tiles(bench):
    X, y = bench.H.load_photo_tiles(64, 3, random_state=5)
    R = bench.H.photo_tile_regions(64, 3, random_state=5)
    assert len(R) == len(X) == len(y)
    widths = R[:, 3] - R[:, 1]
    # a tile at scale 1 covers 64 px of its photograph, one at scale 0.5 about 128
    assert widths.min() == pytest.approx(64, abs=1) and widths.max() == pytest.approx(128, abs=2)
    assert set(np.unique(R[:, 0]).astype(int)) <= set(range(len(bench.H.PHOTOS) + 2))


def _planted(tmp_path, X, truth, origin=None):
    (tmp_path / "images").mkdir()
    ids = [f"images/{i:05d}.png" for i in range(len(X))]
    for i, a in zip(ids, X):
        Image.fromarray(a).save(tmp_path / i)
    return SimpleNamespace(root=tmp_path, ids=ids, truth=truth, origin=origin or {})


def _tiles(n, seed=0):
    return [np.random.default_rng(seed + k).integers(0, 256, (8, 8, 3), dtype=np.uint8) for k in range(n)]


# photograph 0: tile 0 inside tile 1 at the next zoom (IoU 0.72), tile 2 elsewhere; tile 3 on the same view as
# tile 0 but replaced by a planted outlier; tile 4 on another photograph at tile 0's coordinates
REGIONS = np.array([[0, 0, 0, 8, 8], [0, 0, 0, 9.41, 9.41], [0, 50, 50, 58, 58], [0, 0, 0, 8, 8], [1, 0, 0, 8, 8]])


def test_same_view_pairs(bench, tmp_path):
    X = _tiles(5)
    planted = _planted(tmp_path, X, {"outlier": {"images/00003.png"}})
    views = bench.D.same_view_pairs(planted, X, REGIONS)
    assert views["images/00000.png"] == {"images/00001.png"}
    assert views["images/00001.png"] == {"images/00000.png"}
    assert "images/00002.png" not in views  # another part of the photograph
    assert "images/00003.png" not in views  # its picture was replaced
    assert "images/00004.png" not in views  # another photograph


def test_a_near_copy_shows_its_sources_view(bench, tmp_path):
    X = _tiles(5)
    copy = (X[1] // 2).astype(np.uint8)
    planted = _planted(tmp_path, X + [copy], {"near_duplicate": {"images/00001.png", "images/00005.png"}},
                       origin={"images/00005.png": "images/00001.png"})
    views = bench.D.same_view_pairs(planted, X, REGIONS)
    assert "images/00005.png" in views["images/00000.png"]


def test_files_numbered_otherwise_get_no_views(bench, tmp_path):
    X = _tiles(5)
    planted = _planted(tmp_path, _tiles(5, seed=100), {})  # the files are not the base tiles
    assert bench.D.same_view_pairs(planted, X, REGIONS) == {}
    assert bench.D.same_view_pairs(planted, X, None) == {}


def test_near_without_views_forgives_only_pairs_flagged_together(bench):
    views = {"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}
    truth = {"near_duplicate": {"s", "t"}}
    both = bench.D.near_without_views({"near_duplicate": {"s", "t", "a", "b", "c", "x"}}, truth, views)
    # a and b flagged together: neither way; c flagged without d, and x: false
    assert (both["n_flagged"], both["tp"]) == (4, 2)
    strict = bench.D.prf({"s", "t", "a", "b", "c", "x"}, truth["near_duplicate"])
    assert both["precision"] == pytest.approx(0.5) and strict["precision"] == pytest.approx(2 / 6)
    assert both["recall"] == strict["recall"] == 1.0


def test_near_without_alike_foreign_forgives_only_a_family_flagged_together(bench):
    foreign = {"o1": "bus", "o2": "bus", "o3": "sloth", "o4": "sloth"}
    truth = {"near_duplicate": {"s", "t"}, "outlier": set(foreign)}
    flagged = {"near_duplicate": {"s", "t", "o1", "o2", "o3", "x"}}
    both = bench.D.near_without_alike_foreign(flagged, truth, foreign)
    # the two buses flagged together: neither way; a sloth flagged without another sloth, and x: false
    assert (both["n_flagged"], both["tp"]) == (4, 2)
    strict = bench.D.prf(flagged["near_duplicate"], truth["near_duplicate"])
    assert both["precision"] == pytest.approx(0.5) and strict["precision"] == pytest.approx(2 / 6)
    assert both["recall"] == strict["recall"] == 1.0


def test_foreign_families_reads_the_planted_outliers_families(bench, tmp_path):
    import json

    (tmp_path / "families.json").write_text(json.dumps({"a.png": "bus", "b.png": "sloth", "c.png": "kilim"}))
    planted = SimpleNamespace(root=tmp_path, truth={"outlier": ["a.png", "b.png"], "near_duplicate": ["c.png"]})
    assert bench.D.foreign_families(planted) == {"a.png": "bus", "b.png": "sloth"}
    assert bench.D.foreign_families(SimpleNamespace(root=tmp_path, truth={"near_duplicate": ["c.png"]})) == {}
    assert bench.D.foreign_families(SimpleNamespace(root=tmp_path / "none", truth={"outlier": ["a.png"]})) == {}


def test_calibration_growth_times_both_sides_alike(bench, monkeypatch):
    # each side as many audits, pairs begun by either side in turn, and no audit from outside the measurement
    assert bench.D.timing_order(3) == ["off", "on", "on", "off", "off", "on"]
    import dataquality.compute._synthetic as synthetic

    walls = iter([10.0, 12.0, 11.0, 9.0, 8.0, 13.0])
    passes = iter([7.0, 8.0, 7.0, 6.0, 6.0, 10.0])  # the rest: off 3, 3, 2; on 4, 4, 3
    sides = []

    def fake_run(planted, image_size, seed, cache_dir, embedder):
        sides.append("on" if synthetic.synthetic_copies is made else "off")
        return SimpleNamespace(timings={"intermediate:image_pass": next(passes)}), None, next(walls)

    made = synthetic.synthetic_copies
    monkeypatch.setattr(bench.D, "run_dataquality", fake_run)
    out = bench.D.calibration_growth(SimpleNamespace(), 160, 0, repeats=3)
    assert sides == bench.D.timing_order(3)
    assert synthetic.synthetic_copies is made  # put back
    assert out["audit_without_calibration_s"] == 9.0 and out["audit_with_calibration_s"] == 12.0
    assert out["calibration_growth"] == pytest.approx(12.0 / 9.0 - 1)
    # each audit less its image pass: medians 4 and 3, one second over the 9 s audit
    assert out["calibration_s_past_pass"] == pytest.approx(1.0)
    assert out["calibration_growth_past_pass"] == pytest.approx(1.0 / 9.0)
