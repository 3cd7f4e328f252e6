"""audit(pred_probs=...): the user's own out-of-fold probabilities judged by the label check, instead of its probe."""

from __future__ import annotations

from unittest import mock

import numpy as np
import pandas as pd
import pytest

import dataquality as dq
import dataquality.compute._providers as providers

K, PER = 3, 20
FLIPS = [3, 25, 47]


def _planted():
    """60 vectors in 3 classes, 3 labels flipped, and pred_probs putting 0.9 on each example's true class."""
    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(K), PER)
    X = rng.normal(size=(len(y), 8)).astype(np.float32) + 3 * y[:, None]
    labels = y.copy()
    labels[FLIPS] = (labels[FLIPS] + 1) % K
    P = np.full((len(y), K), 0.05)
    P[np.arange(len(y)), y] = 0.9
    return X, [f"c{v}" for v in labels], P


def _audit(X, labels, P, **kw):
    return dq.audit(X, labels=labels, kind="embeddings", pred_probs=P, checks=["label"], cache_dir=False,
                    progress=False, **kw)


@pytest.fixture
def probe_calls():
    """Counts the library's own out-of-fold probe fits (every probe the modalities name)."""
    calls = []

    def counting(fn):
        return lambda *a, **k: calls.append(fn) or fn(*a, **k)

    with mock.patch.dict(providers.PROBES, {name: counting(fn) for name, fn in providers.PROBES.items()}):
        yield calls


def test_planted_flips_exactly_flagged_and_probe_not_run(probe_calls):
    X, labels, P = _planted()
    r = _audit(X, labels, P)
    assert sorted(map(int, r.flagged("label"))) == FLIPS
    assert probe_calls == []
    assert r.config["pred_probs"]["source"] == "given"
    assert r.findings["label"]["pred_probs"] == "given"
    np.testing.assert_allclose(r.pred_probs, P, atol=1e-6)
    # without pred_probs the library's probe runs (the counter counts)
    dq.audit(X, labels=labels, kind="embeddings", checks=["label"], cache_dir=False, progress=False)
    assert probe_calls


def test_refit_never_runs_the_probe_on_given_probs(probe_calls):
    """Classes large enough for the refit (median >= 50): still no probe fit, and no refit recorded."""
    rng = np.random.default_rng(1)
    y = np.repeat(np.arange(2), 60)
    labels = y.copy()
    labels[[5, 70]] = 1 - labels[[5, 70]]
    P = np.where(y[:, None] == np.arange(2), 0.9, 0.1)
    r = _audit(rng.normal(size=(len(y), 4)), list(labels), P)
    assert sorted(map(int, r.flagged("label"))) == [5, 70]
    assert probe_calls == []


def test_dataframe_aligned_by_class_name_and_id():
    X, labels, P = _planted()
    # columns in another order, one extra class of the model, rows shuffled with the ids as index
    df = pd.DataFrame(P * 0.9, columns=["c0", "c1", "c2"])
    df["c9"] = 0.1
    df = df[["c2", "c9", "c0", "c1"]]
    df.index = [str(i) for i in range(len(df))]
    df = df.sample(frac=1.0, random_state=0)
    r = _audit(X, labels, df)
    assert sorted(map(int, r.flagged("label"))) == FLIPS
    assert r.config["pred_probs"]["columns_dropped"] == ["c9"]
    assert r.config["pred_probs"]["rows_aligned_by"] == "id"
    np.testing.assert_allclose(r.pred_probs, P, atol=1e-6)


def test_class_order_is_the_reports():
    """Numeric labels: the columns are the classes sorted numerically (10 after 9), as report.classes says."""
    rng = np.random.default_rng(2)
    y = np.repeat([9, 10, 100], PER)
    P = np.where(y[:, None] == np.array([9, 10, 100]), 0.9, 0.05)
    labels = y.copy()
    labels[FLIPS] = [10, 100, 9]
    r = _audit(rng.normal(size=(len(y), 4)), list(labels), P)
    assert r.classes == [9, 10, 100]
    assert sorted(map(int, r.flagged("label"))) == FLIPS


@pytest.mark.parametrize("bad, words", [
    (lambda P: P[:-1], "pred_probs has 59 rows but the dataset has 60 examples"),
    (lambda P: P[:, :2], "pred_probs has 2 columns but the labels hold 3 classes"),
    (lambda P: P[:, 0], "Expected pred_probs as an N x K array"),
    (lambda P: np.log(P) + 3.0, "sum to 1"),
    (lambda P: np.log(P), "negative values"),
    (lambda P: np.where(np.arange(60)[:, None] == 7, np.nan, P), "NaN or infinite"),
    (lambda P: P * 0.5, "sum to 1"),
    (lambda P: pd.DataFrame(P[:, :2], columns=["c0", "c1"]), "lack the classes ['c2']"),
    (lambda P: [["a", "b", "c"]] * 60, "could not read it"),
])
def test_bad_pred_probs_raise_clear_errors(bad, words, probe_calls):
    X, labels, P = _planted()
    with pytest.raises(dq.DataQualityError, match=None) as err:
        _audit(X, labels, bad(P))
    assert words in str(err.value)
    assert probe_calls == []


def test_error_messages_say_how_to_fix():
    X, labels, P = _planted()
    with pytest.raises(dq.DataQualityError, match="look like logits.*softmax"):
        _audit(X, labels, np.log(P) + 3.0)
    with pytest.raises(dq.DataQualityError, match="negative.*logits.*softmax"):
        _audit(X, labels, np.log(P))
    with pytest.raises(dq.DataQualityError, match=r"in this order: \['c0', 'c1', 'c2'\]"):
        _audit(X, labels, P[:, :2])
    with pytest.raises(dq.DataQualityError, match="no labels"):
        dq.audit(X, kind="embeddings", pred_probs=P, cache_dir=False, progress=False)


def _table(tmp_path):
    X, labels, P = _planted()
    df = pd.DataFrame(X[:, :3], columns=["a", "b", "c"])
    df["label"] = labels
    df.to_csv(tmp_path / "table.csv", index=False)
    return tmp_path / "table.csv", P


def test_cli_pred_probs_npy_and_csv(tmp_path, probe_calls):
    import json

    from dataquality.cli import main

    table, P = _table(tmp_path)
    np.save(tmp_path / "probs.npy", P)
    args = [str(table), "--labels", "label", "--checks", "label", "--no-progress"]
    assert main(["audit", *args, "--pred-probs", str(tmp_path / "probs.npy"), "--out", str(tmp_path / "o1")]) == 0
    report = json.loads((tmp_path / "o1" / "report.json").read_text())
    assert report["config"]["pred_probs"]["source"] == "given"
    assert sorted(int(i["index"]) for i in report["issues"] if i["issue"] == "label") == FLIPS
    pd.DataFrame(P[:, ::-1], columns=["c2", "c1", "c0"]).to_csv(tmp_path / "probs.csv", index=False)
    assert main(["audit", *args, "--pred-probs", str(tmp_path / "probs.csv"), "--out", str(tmp_path / "o2")]) == 0
    report = json.loads((tmp_path / "o2" / "report.json").read_text())
    assert sorted(int(i["index"]) for i in report["issues"] if i["issue"] == "label") == FLIPS
    assert probe_calls == []


def test_cli_bad_pred_probs_is_a_clear_error(tmp_path, capsys):
    from dataquality.cli import main

    table, P = _table(tmp_path)
    np.save(tmp_path / "logits.npy", np.log(P))
    args = ["audit", str(table), "--labels", "label", "--checks", "label", "--no-progress", "--out", str(tmp_path / "o")]
    assert main([*args, "--pred-probs", str(tmp_path / "logits.npy")]) == 1
    assert "softmax" in capsys.readouterr().err
    assert main([*args, "--pred-probs", str(tmp_path / "nothing.npy")]) == 1
    assert "no such file" in capsys.readouterr().err
