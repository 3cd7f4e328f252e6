"""The report, the clean subset, compare and the command line on the odd cases people run into: each one once
gave a silent wrong answer (a stale output, an unmatched control, a verdict from one model trained three times) or
an error that hid the cause."""

import json
import logging
import sys

import numpy as np
import pytest

import dataquality as dq

from .conftest import write_png

FAST = dict(model="pixels", progress=False, cache_dir=False)


def _halves(n, seed, size=16):
    """Two image classes: bright left half ("left") or bright right half ("right")."""
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 40, (n, size, size, 3)).astype(np.uint8)
    y = np.array(["left", "right"] * (n // 2), dtype=object)
    for i, c in enumerate(y):
        X[i, :, : size // 2] += 200 if c == "left" else 0
        X[i, :, size // 2:] += 200 if c == "right" else 0
    return X, y


# tiny networks: one torch thread (conftest.one_torch_thread)
pytestmark = pytest.mark.usefixtures("one_torch_thread")


def test_the_random_control_trains_on_as_many_examples_as_the_clean_subset_when_labels_are_missing():
    Xtr, ytr = _halves(60, 0)
    Xte, yte = _halves(20, 1)
    labels = list(ytr)
    for i in range(0, 60, 4):  # a quarter unlabelled: cleaning drops them, training would skip them anyway
        labels[i] = None
    train = dq.as_dataset(Xtr, labels=labels)
    report = dq.audit(train, embedder="pixels", progress=False, cache_dir=False)
    res = dq.compare(train, dq.as_dataset(Xte, labels=list(yte)), report=report, seeds=(0, 1), epochs=3, **FAST)
    runs = res.runs.set_index(["subset", "seed"])
    n_clean = runs.loc["clean", "n_train"].iloc[0]
    assert n_clean <= 45
    assert (runs.loc["random_control", "n_train"] == n_clean).all()  # drawn among the 45 labelled


def test_repeated_seeds_and_a_single_class_are_refused():
    Xtr, ytr = _halves(20, 0)
    Xte, yte = _halves(10, 1)
    train, test = dq.as_dataset(Xtr, labels=list(ytr)), dq.as_dataset(Xte, labels=list(yte))
    with pytest.raises(dq.DataQualityError, match="distinct seeds"):
        dq.compare(train, test, subsets={"all": np.arange(20)}, seeds=(0, 0, 0), **FAST)
    one = dq.as_dataset(Xtr, labels=["left"] * 20)
    with pytest.raises(dq.DataQualityError, match="one class"):
        dq.finetune(one, epochs=1, **FAST)
    with pytest.raises(dq.DataQualityError, match="one class"):
        dq.compare(one, dq.as_dataset(Xte, labels=["left"] * 10), subsets={"all": np.arange(20)}, seeds=(0,),
                   epochs=1, **FAST)


def test_compare_says_how_many_test_examples_it_scored():
    Xtr, ytr = _halves(20, 0)
    Xte, yte = _halves(20, 1)
    test_labels = [None if i % 2 else v for i, v in enumerate(yte)]
    res = dq.compare(dq.as_dataset(Xtr, labels=list(ytr)), dq.as_dataset(Xte, labels=test_labels),
                     subsets={"all": np.arange(20)}, seeds=(0,), epochs=2, **FAST)
    assert res.config["n_test"] == 20 and res.config["n_test_scored"] == 10
    assert res.config["n_test_skipped"] == {"unlabeled": 10}
    assert "Scored on 10 of 20 test examples" in res.to_text()


def test_findings_are_plain_json_and_a_misspelt_issue_name_is_an_error(digits):
    X, y = digits
    r = dq.audit(X[:80], list(y[:80]), embedder="pixels", progress=False, cache_dir=False)
    json.dumps(r.findings)  # numpy scalars (the calibration's target_reached) made it raise TypeError
    assert r.flagged("exact_duplicate") == []  # a known issue type with nothing flagged
    with pytest.raises(dq.DataQualityError, match="exact_duplicat"):
        r.flagged("exact_duplicat")


def test_cleaning_that_removes_a_whole_class_says_so(tmp_path, digits, caplog):
    X, y = digits
    for i in range(30):
        write_png(tmp_path / ("a" if i < 24 else "b") / f"{i}.png", X[i])
    for i in range(24, 30):  # every picture of class b is unreadable
        (tmp_path / "b" / f"{i}.png").write_bytes(b"not a png")
    r = dq.audit(tmp_path, embedder="pixels", checks=["unreadable"], progress=False, cache_dir=False)
    with caplog.at_level(logging.WARNING, logger="dataquality"):
        sub = r.clean_subset()
    assert sub.findings["classes_lost_in_cleaning"] == ["b"]
    assert "every example of 1 class(es): b" in caplog.text


def test_the_command_line_removes_an_earlier_clean_manifest_it_did_not_replace(tmp_path, digits):
    from dataquality.cli import main

    X, y = digits
    for i in range(40):
        write_png(tmp_path / "good" / str(y[i]) / f"{i}.png", X[i])
    for i in range(6):  # one picture, labels alternating: every example is a conflicting label, nothing is left
        write_png(tmp_path / "same" / ("a" if i % 2 else "b") / f"{i}.png", X[0])
    out = tmp_path / "out"
    args = ["--embedder", "pixels", "--image-size", "32", "--out", str(out), "--no-progress"]
    assert main(["audit", str(tmp_path / "good"), *args]) == 0
    assert (out / "clean_manifest.csv").exists()
    assert main(["audit", str(tmp_path / "same"), *args, "--overwrite"]) == 0
    assert not (out / "clean_manifest.csv").exists()  # the first run's, of other data: not left beside the second's
    assert json.loads((out / "report.json").read_text())["n"] == 6


def test_python_dash_m_dataquality_checks_refuse_an_empty_list(tmp_path, digits):
    import subprocess

    X, _ = digits
    for i in range(8):
        write_png(tmp_path / "img" / f"{i}.png", X[i])
    proc = subprocess.run([sys.executable, "-m", "dataquality", "audit", str(tmp_path / "img"), "--checks", ",",
                           "--out", str(tmp_path / "out"), "--no-progress"], capture_output=True, text=True)
    assert proc.returncode == 1 and "names no check" in proc.stderr and "Traceback" not in proc.stderr


def test_settings_for_one_check_say_that_the_others_did_not_run(digits):
    X, y = digits
    r = dq.audit(X[:80], list(y[:80]), checks={"label": {"min_probe_skill": 0.3}}, embedder="pixels",
                 progress=False, cache_dir=False)
    line = [ln for ln in str(r).splitlines() if ln.startswith("checks run:")]
    assert line and line[0].startswith("checks run: label, as named in checks=")
    assert "dark" in line[0] and "leakage" not in line[0]  # leakage needs reference=
    full = dq.audit(X[:80], list(y[:80]), embedder="pixels", progress=False, cache_dir=False)
    assert not [ln for ln in str(full).splitlines() if ln.startswith("checks run:")]


def test_relabelled_data_has_the_new_classes_only_and_every_class_is_trained(digits):
    X, y = digits
    kw = dict(model="pixels", image_size=16, progress=False, cache_dir=False)
    base = dq.as_dataset(X[:200], labels=list(y[:200]))
    as_text = base.with_labels([str(v) for v in y[:200]])
    assert as_text.classes == sorted({str(v) for v in y[:200]}, key=str)  # 10, not 20 (0 and '0' ...)
    flipped = base.with_labels([0] * 200)  # within the old classes: every class kept, one without examples
    assert flipped.classes == base.classes
    res = dq.finetune(as_text, **kw)
    test = dq.as_dataset(X[200:300], labels=[str(v) for v in y[200:300]])
    assert dq.evaluate(res, test).overall["error_rate"] < 0.5
    # a class of one example whose example fell in the held-out split goes back to training
    keep = np.flatnonzero(y[:300] != 9)[:120].tolist() + [int(np.flatnonzero(y == 9)[0])]
    for seed in range(4):
        r = dq.finetune(X[keep], labels=list(y[keep]), val_split=0.5, random_state=seed, **kw)
        nine = r.classes.index(9)
        assert r.predict_proba(X[[keep[-1]]])[0, nine] > 0.01


def test_a_temperature_is_not_fitted_on_held_out_examples_all_answered_right(caplog):
    from dataquality.training._temperature import fit_temperature

    probs = np.array([[0.7, 0.3], [0.2, 0.8], [0.6, 0.4]])
    t, why = fit_temperature(probs, np.array([0, 1, 0]), explain=True)
    assert t == 1.0 and "all answered right" in why
    with pytest.raises(dq.DataQualityError, match="distinct coverages"):
        from dataquality.training import _selective

        _selective.check_coverages((0.9, 0.9000001))


def test_the_report_pages_say_what_is_true(tmp_path, digits):
    from dataquality.report._html import _grade

    X, y = digits
    assert _grade(89.96) == "good" and _grade(69.97) == "warn"  # the colour of the number shown (90.0, 70.0)
    # a folder with 250 sidecar files: the findings keep the first 200 paths and the count
    for i in range(30):
        write_png(tmp_path / "img" / f"{i}.png", X[i])
    for i in range(250):
        (tmp_path / "img" / f"{i}.txt").write_text("sidecar")
    for i in range(3):
        (tmp_path / "img" / f"bad{i}.png").write_bytes(b"not a png")
    labels = [None] + [str(v) for v in y[1:33]]
    X2 = np.concatenate([X[:1], X[:1], X[2:33]])  # 0 and 1 the same picture; 1 has a label, 0 has none
    r = dq.audit(tmp_path / "img", embedder="pixels", progress=False, cache_dir=False)
    d = r.findings["dataset"]
    assert len(d["skipped_files"]) == 200 and d["skipped_count"] == 250
    assert "250 other files skipped" in str(r)
    r.to_html(tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text()
    assert "3 flagged example(s) with no embedding" in html  # the unreadable ones are not on the map
    r2 = dq.audit(list(X2), [None] + labels[1:], embedder="pixels", progress=False, cache_dir=False,
                  checks=["exact_duplicate", "conflicting_labels"])
    r2.to_html(tmp_path / "r2.html")
    assert "labels differ" not in (tmp_path / "r2.html").read_text()  # one member has no label: no clash


def test_a_failed_check_is_not_shown_as_finding_nothing(digits, monkeypatch):
    import dataquality.checks._base as base
    from dataquality.checks import Check, register_check

    monkeypatch.setattr(base, "_CHECKS", dict(base._CHECKS))  # the registry restored afterwards

    @register_check
    class Boom(Check):
        name = "boom_for_test"
        axis = "consistency"
        modalities = frozenset({"image"})

        def run(self, ctx):
            raise RuntimeError("planted failure")

    X, y = digits
    r = dq.audit(X[:30], list(y[:30]), embedder="pixels", checks=["boom_for_test", "exact_duplicate"],
                 progress=False, cache_dir=False)
    assert "boom_for_test" in r.errors
    assert [ln for ln in str(r).splitlines() if ln.strip().startswith("boom_for_test")][0].split()[1] == "failed"
