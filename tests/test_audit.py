"""audit(): scores, report object, clean subset, failure handling, invariants."""

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dataquality as dq
from dataquality.checks import AXES

from .conftest import DEVICE, lenient_label_checks
from .test_checks import textured

FAST = dict(embedder="pixels", cache_dir=False, progress=False, device=DEVICE)


@pytest.fixture(scope="module")
def planted(tmp_path_factory, digits):
    X, y = digits
    root = tmp_path_factory.mktemp("planted")
    p = dq.datasets.plant_issues(X[:200], y[:200], root, random_state=0)
    report = dq.audit(p.root, labels=p.labels_csv, checks=lenient_label_checks(), **FAST)
    return p, report


def test_report_shapes_and_columns(planted):
    p, r = planted
    assert set(r.scores) == {*AXES, "overall"} and all(0 <= v <= 100 for v in r.scores.values())
    assert "skipped_checks" in r.config
    assert list(r.issues.columns[:6]) == ["index", "id", "issue", "axis", "score", "detail"]
    assert r.issues["score"].between(0, 1).all()
    ex = r.examples
    assert len(ex) == r.n and ex["id"].tolist() == p.ids
    assert {"is_label", "label_score", "is_unreadable"} <= set(ex.columns)
    assert set(r.summary.index) == set(r.checks_run)
    assert "labels" in r.findings and "class_counts" in r.findings["labels"]
    assert "leakage" in r.config["skipped_checks"]
    text = str(r)
    assert "accuracy" in text and "unreadable" in text


def test_deterministic_planted_issues_found_exactly(planted):
    p, r = planted
    for issue in ("unreadable", "missing_label", "mode_mismatch", "odd_aspect_ratio", "exact_duplicate", "odd_size"):
        assert set(r.flagged(issue)) == p.truth[issue], issue
    # near-duplicate sets (which the pixels embedder finds loosely) may add conflicts; the planted ones are there
    assert set(r.flagged("conflicting_labels")) >= p.truth["conflicting_labels"]


def test_unreadable_and_unlabelled_examples_stay_out_of_other_checks(planted):
    p, r = planted
    for issue in ("label", "outlier", "dark", "near_duplicate"):
        assert not (set(r.flagged(issue)) & (p.truth["unreadable"] | p.truth["missing_label"]) - p.truth.get(issue,
                                                                                                           set()))


def test_clean_subset_defaults_and_duplicate_sets(planted):
    p, r = planted
    clean = r.clean_subset()
    kept = set(clean.ids)
    for issue in ("label", "unreadable", "missing_label", "outlier"):
        assert not kept & set(r.flagged(issue))
    # exactly one member of each exact-duplicate set stays, unless another issue removes it
    others = set(r.issues.loc[r.issues["issue"].isin(["label", "unreadable", "missing_label", "conflicting_labels",
                                                      "outlier"]), "id"])
    for _, grp in r.issues[r.issues["issue"] == "exact_duplicate"].groupby("group"):
        members = set(grp["id"])
        if not members & others:
            assert len(members & kept) == 1
    assert len(clean) == len(r.clean_indices())
    assert isinstance(clean, dq.Dataset) and clean.modality == "image"


def test_clean_subset_writes_manifest_and_refuses_overwrite(planted, tmp_path):
    _, r = planted
    out = tmp_path / "clean.csv"
    sub = r.clean_subset(manifest=out)
    df = pd.read_csv(out)
    assert df["id"].tolist() == sub.ids
    with pytest.raises(dq.DataQualityError, match="overwrite=True"):
        r.clean_subset(manifest=out)
    with pytest.raises(dq.DataQualityError, match="Unknown check"):
        r.clean_subset(exclude=["nope"])


def test_json_round_trip(planted, tmp_path):
    p, r = planted
    path = tmp_path / "r.json"
    r.to_json(path)
    doc = json.loads(path.read_text())
    assert doc["schema_version"] == 1
    back = dq.load_report(path)
    assert back.scores == r.scores and back.ids == r.ids
    pd.testing.assert_frame_equal(back.issues.reset_index(drop=True), r.issues.reset_index(drop=True),
                                  check_dtype=False)
    with pytest.raises(dq.DataQualityError, match="without its data"):
        back.clean_subset()
    assert back.clean_subset(dataset=p.dataset()).ids == r.clean_subset().ids
    with pytest.raises(dq.DataQualityError, match="overwrite"):
        r.to_json(path)


def _score(X, y, **kw):
    kw.setdefault("checks", lenient_label_checks())
    return dq.audit(X, labels=y, **FAST, **kw).scores


def test_clean_scores_higher_than_planted(digits):
    X, y = digits
    X, y = X[:150], list(y[:150])
    base = _score(X, y)
    rng = np.random.default_rng(0)
    noisy = list(y)
    for i in rng.choice(150, 15, replace=False):
        noisy[i] = (noisy[i] + 1 + rng.integers(9)) % 10
    assert _score(X, noisy)["accuracy"] < base["accuracy"]
    assert _score(X, noisy)["overall"] < base["overall"]
    dup = np.concatenate([X, X[:8]])
    assert _score(dup, y + y[:8])["representativeness"] < base["representativeness"]
    missing = y[:142] + [None] * 8
    assert _score(X, missing)["completeness"] < base["completeness"]


def test_unreadable_files_lower_completeness(tmp_path, digits):
    from .conftest import write_png

    X, y = digits
    for i in range(60):
        write_png(tmp_path / "d" / str(y[i]) / f"{i}.png", X[i])
    base = dq.audit(tmp_path / "d", **FAST).scores["completeness"]
    for i in range(3):
        (tmp_path / "d" / str(y[i]) / f"{i}.png").write_bytes(b"")
    assert dq.audit(tmp_path / "d", **FAST).scores["completeness"] < base


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(extra=st.integers(0, 6), seed=st.integers(0, 100))
def test_more_duplicates_never_raise_representativeness(extra, seed):
    X = textured(20, seed=seed)
    y = ["a", "b"] * 10
    s1 = _score(np.concatenate([X, X[:2]]), y + y[:2], checks=["exact_duplicate", "near_duplicate"])
    s2 = _score(np.concatenate([X, X[:2 + extra]]), y + y[:2 + extra], checks=["exact_duplicate", "near_duplicate"])
    assert s2["representativeness"] <= s1["representativeness"]


@settings(max_examples=10, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["a", "b", None])), min_size=1, max_size=12))
def test_duplicate_sets_are_symmetric_and_scores_in_range(items):
    palette = textured(5, seed=1)
    X = np.stack([palette[k] for k, _ in items])
    y = [lab for _, lab in items]
    r = dq.audit(X, labels=y if any(v is not None for v in y) else None, checks=["exact_duplicate"], **FAST)
    assert r.issues["score"].between(0, 1).all() and all(v is None or 0 <= v <= 100 for v in r.scores.values())
    assert r.scores["representativeness"] is not None and r.scores["accuracy"] is None  # only one check ran
    flagged = set(r.issues["index"])
    for i, (ki, _) in enumerate(items):
        twins = [j for j, (kj, _) in enumerate(items) if kj == ki and j != i]
        assert (i in flagged) == bool(twins)
    for _, grp in r.issues.groupby("group"):
        keys = {items[i][0] for i in grp["index"]}
        assert len(keys) == 1 and len(grp) == sum(1 for k, _ in items if k in keys)


def test_selected_checks_and_settings():
    X = textured(12)
    X[2] = (X[2] * 0.1).astype(np.uint8)
    # a stricter fixed threshold and no relative rule: the image dimmed to 10% (brightest pixels ~0.08) passes
    r = dq.audit(X, checks={"dark": {"threshold": 0.05, "relative": None}}, **FAST)
    assert r.checks_run == ["dark"] and r.issues.empty
    r = dq.audit(X, checks=["dark"], **FAST)
    assert r.flagged("dark") == ["2"]
    with pytest.raises(dq.DataQualityError, match="Unknown check 'darkk'"):
        dq.audit(X, checks=["darkk"], **FAST)


def test_failing_check_is_recorded_or_raised(monkeypatch):
    from dataquality.checks._dark import DarkCheck

    def broken(self, ctx):
        raise RuntimeError("odd data")

    monkeypatch.setattr(DarkCheck, "run", broken)
    X = textured(6)
    r = dq.audit(X, checks=["dark", "light"], **FAST)
    assert "dark" in r.errors and "odd data" in r.errors["dark"] and "light" in r.checks_run
    with pytest.raises(RuntimeError, match="odd data"):
        dq.audit(X, checks=["dark"], strict=True, **FAST)


def test_tiny_and_empty_datasets():
    r = dq.audit(textured(1), labels=["a"], **FAST)
    assert r.n == 1 and len(r.examples) == 1
    r = dq.audit(textured(2), labels=["a", "a"], **FAST)
    assert r.n == 2
    with pytest.raises(dq.DataQualityError, match="empty"):
        dq.audit(np.zeros((0, 8, 8), np.uint8), **FAST)


def test_declared_classes_and_vocabulary_findings():
    X = textured(8)
    r = dq.audit(X, labels=["cat", "Cat", "dog", "dog", "cat", "dog", "cat", "dog"], classes=["cat", "dog", "bird"],
                 checks=["missing_label"], **FAST)
    lab = r.findings["labels"]
    assert lab["declared_classes_without_examples"] == ["bird"]
    assert lab["classes_below_min_count"]["Cat"] == 1 and lab["min_count"] == 5
    assert lab["label_vocabulary_clashes"] == [["'Cat'", "'cat'"]]


def test_reference_shift_and_leakage():
    X = textured(30, seed=0)
    same = textured(30, seed=0)[::-1].copy()
    shifted = (textured(30, seed=7) * 0.4).astype(np.uint8)
    r_same = dq.audit(X, reference=same, checks=["leakage"], **FAST)
    assert len(r_same.flagged("leakage")) == 30
    r_shift = dq.audit(X, reference=shifted, checks=["leakage"], **FAST)
    assert r_shift.findings["distribution_shift"]["p_value"] < 0.05
    assert r_shift.flagged("leakage") == []


def test_progress_names_the_check_and_what_it_computes_after_the_image_pass(capsys):
    # after the embedding bar nothing was printed while the probe, the neighbours and the checks ran (over a minute
    # at 20,000 images); a line now names the running check and the intermediate it is computing
    import numpy as np

    X = np.random.default_rng(0).normal(size=(40, 6)).astype(np.float32)
    dq.audit(X, labels=[i % 2 for i in range(40)], kind="embeddings", progress=True, cache_dir=False)
    err = capsys.readouterr().err
    assert "checks" in err and "computing pred_probs" in err
    dq.audit(X, kind="embeddings", progress=False, cache_dir=False)
    assert "checks" not in capsys.readouterr().err
