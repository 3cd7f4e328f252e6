"""A stranger's sweep of audit(pred_probs=...) and of re-auditing a folder with a cache: inputs in the odd shapes
people have, each planted so that a silent wrong answer would show."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import dataquality as dq

from .test_pred_probs import FLIPS, _planted


def _audit(X, labels, P, **kw):
    return dq.audit(X, labels=labels, kind="embeddings", pred_probs=P, checks=["label"], cache_dir=False,
                    progress=False, **kw)


# -- rows: a DataFrame's index ---------------------------------------------------------------------------------
def test_frame_whose_index_is_not_the_ids_is_refused_not_paired_by_position():
    X, labels, P = _planted()
    frame = pd.DataFrame(P, columns=["c0", "c1", "c2"], index=[f"img_{i}.png" for i in range(len(P))])
    shuffled = frame.sample(frac=1, random_state=0)  # rows in another order, named by ids the dataset lacks
    with pytest.raises(dq.DataQualityError, match="index"):
        _audit(X, labels, shuffled)


def test_frame_with_duplicate_index_is_refused():
    X, labels, P = _planted()
    frame = pd.DataFrame(P, columns=["c0", "c1", "c2"], index=[str(i % 30) for i in range(len(P))])
    with pytest.raises(dq.DataQualityError, match="twice"):
        _audit(X, labels, frame)


def test_frame_for_a_larger_collection_is_aligned_by_id():
    X, labels, P = _planted()
    full = pd.DataFrame(P, columns=["c0", "c1", "c2"], index=[str(i) for i in range(len(P))])
    extra = pd.DataFrame([[1.0, 0, 0]] * 5, columns=["c0", "c1", "c2"], index=[f"other{i}" for i in range(5)])
    frame = pd.concat([extra, full]).sample(frac=1, random_state=1)
    report = _audit(X, labels, frame)
    assert sorted(map(int, report.flagged("label"))) == FLIPS
    assert report.config["pred_probs"]["rows_dropped"] == 5
    np.testing.assert_allclose(report.pred_probs, P, atol=1e-6)


def test_frame_with_explicit_positional_index_is_taken_in_order():
    X, labels, P = _planted()
    frame = pd.DataFrame(P, columns=["c0", "c1", "c2"], index=pd.Index(np.arange(len(P)) + 0))
    report = dq.audit(pd.DataFrame(X).assign(label=labels), labels="label", pred_probs=frame, checks=["label"],
                      cache_dir=False, progress=False)
    assert sorted(map(int, report.flagged("label"))) == FLIPS


# -- columns: numbers written as text ---------------------------------------------------------------------------
def test_integer_labels_read_as_text_are_in_numeric_order_as_a_models_classes_are():
    """labels.csv's 1, 2, 10 are read as text; they are ordered as the numbers ("1", "2", "10"), the order of a
    scikit-learn model trained on the numbers (classes_ [1, 2, 10]), so its array is paired with the right classes."""
    X, labels, P = _planted(names=("1", "2", "10"))
    assert dq.as_dataset(X, labels=labels, kind="embeddings").classes == ["1", "2", "10"]
    report = _audit(X, labels, P)  # P's columns: 1, 2, 10
    assert sorted(map(int, report.flagged("label"))) == FLIPS
    report = _audit(X, labels, pd.DataFrame(P, columns=[1, 2, 10]))  # by name: the same
    assert sorted(map(int, report.flagged("label"))) == FLIPS


def test_decimal_text_labels_are_ordered_as_numbers():
    """Decimal labels read as text ("0.5", "2.5", "10.5") are ordered as the numbers, as a model trained on the numbers
    orders its classes: its array is paired with the right classes as given. Before, they kept text order ("0.5",
    "10.5", "2.5") and such an array was refused."""
    X, labels, P = _planted(names=("0.5", "2.5", "10.5"))
    assert dq.as_dataset(X, labels=labels, kind="embeddings").classes == ["0.5", "2.5", "10.5"]
    report = _audit(X, labels, P)  # P's columns: 0.5, 2.5, 10.5
    assert report.classes == ["0.5", "2.5", "10.5"]
    assert sorted(map(int, report.flagged("label"))) == FLIPS


# -- the CLI's .csv ---------------------------------------------------------------------------------------------
def _table(tmp_path, ids):
    X, labels, P = _planted()
    df = pd.DataFrame(X[:, :3], columns=["a", "b", "c"])
    df.insert(0, "id", ids)
    df["label"] = labels
    df.to_csv(tmp_path / "table.csv", index=False)
    return tmp_path / "table.csv", P


def _cli_flags(tmp_path, table, probs, out="o"):
    import json

    from dataquality.cli import main

    args = ["audit", str(table), "--labels", "label", "--checks", "label", "--no-progress", "--out", str(tmp_path / out),
            "--cache-dir", str(tmp_path / "cache"), "--pred-probs", str(probs)]
    assert main(args) == 0
    report = json.loads((tmp_path / out / "report.json").read_text())
    return sorted(int(i["index"]) for i in report["issues"] if i["issue"] == "label")


def test_cli_csv_written_with_pandas_index_is_read_by_it(tmp_path):
    """pd.DataFrame(P, columns=classes).to_csv(path) writes the index as an unnamed first column: read as the rows'
    names (positions here), not as a class whose column breaks every row's sum."""
    table, P = _table(tmp_path, [f"r{i}" for i in range(60)])
    pd.DataFrame(P, columns=["c0", "c1", "c2"]).to_csv(tmp_path / "p.csv")
    assert _cli_flags(tmp_path, table, tmp_path / "p.csv") == FLIPS


def test_cli_csv_id_column_of_zero_padded_ids_in_another_order(tmp_path):
    ids = [f"{i:05d}" for i in range(60)]
    table, P = _table(tmp_path, ids)
    frame = pd.DataFrame(P, columns=["c0", "c1", "c2"])
    frame.insert(0, "id", ids)
    frame.sample(frac=1, random_state=0).to_csv(tmp_path / "p.csv", index=False)
    assert _cli_flags(tmp_path, table, tmp_path / "p.csv") == FLIPS
