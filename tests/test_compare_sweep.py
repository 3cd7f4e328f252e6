"""A stranger's sweep of compare, the fine-tuning helper and two leftovers (small id tables, decimal text labels)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import dataquality as dq
from dataquality.data import column_kinds


@pytest.mark.parametrize("n", [2, 4, 6])
def test_small_table_id_named_column_is_the_ids_not_a_feature(tmp_path, n):
    """A CSV of 4 customers with a customer_id column: read as the ids (as a table of 6 or 600 rows is), not as a
    feature whose distance makes every row look far from the rest."""
    df = pd.DataFrame({"customer_id": [101, 205, 309, 412, 518, 640][:n], "age": [31, 45, 22, 60, 38, 50][:n],
                       "label": list("ababab")[:n]})
    path = tmp_path / "customers.csv"
    df.to_csv(path, index=False)
    ds = dq.as_dataset(path)
    assert ds.ids == [str(v) for v in df["customer_id"]]
    assert "customer_id" in ds.findings.get("excluded_columns", {})
    kinds = column_kinds(pd.DataFrame({"row_id": ["c01", "c02", "c03"], "id": [7, 3, 9], "x": [1.0, 2.0, 5.0]}))
    assert kinds == {"row_id": "identifier", "id": "identifier", "x": "numeric"}


def test_small_table_id_named_column_that_repeats_stays_a_column():
    kinds = column_kinds(pd.DataFrame({"row_id": ["c01", "c02", "c01"], "id": [1, 1, 3], "x": [1.0, 2.0, 5.0]}))
    assert kinds["id"] == "numeric" and kinds["row_id"] != "identifier"
    # unnamed integer columns keep their rules: a short column of counts is a feature
    assert column_kinds(pd.DataFrame({"count": [1, 2, 3, 4], "x": [1.0, 2.0, 5.0, 3.0]}))["count"] == "numeric"


# -- compare and finetune ---------------------------------------------------------------------------------------
def _digits(n=120, n_train=80):
    ds = dq.datasets.load_digits(image_size=16, n=n)
    return ds.subset(range(n_train)), ds.subset(range(n_train, n))


_FAST = dict(model="pixels", epochs=2, cache_dir=False, progress=False)


def test_a_subset_of_one_class_is_refused_naming_the_subset():
    """A clean subset of one example (or of one class) is a view that keeps its parent's 10 classes: it was trained
    and scored (error 0.90, answering its one class everywhere) where a dataset of one class is refused."""
    train, test = _digits()
    with pytest.raises(dq.DataQualityError, match="one class"):
        dq.finetune(train.subset([0]), **_FAST)
    same = [int(i) for i in np.flatnonzero(train.label_codes == train.label_codes[0])[:3]]
    with pytest.raises(dq.DataQualityError, match=r"Subset 'one'.*at least two classes"):
        dq.compare(train, test, subsets={"dirty": np.arange(len(train)), "one": same}, seeds=(0, 1), **_FAST)


def test_nan_probabilities_of_a_diverged_model_are_refused_not_scored():
    """NaN probabilities scored as error rate 1 - P(class 0) and a hallucination rate of 0 (NaN >= tau is False)."""
    import torch

    train, test = _digits()
    res = dq.finetune(train, **_FAST)
    with torch.no_grad():
        res.network.weight[0, 0] = float("nan")
    with pytest.raises(dq.DataQualityError, match="NaN or infinite on 40 of 40 test examples"):
        dq.evaluate(res, test)


def test_compare_says_when_the_test_set_holds_copies_of_training_examples():
    """A test split drawn from the training set scored 0.09 error against 0.19 on held-out digits, and nothing said
    that the test examples had been trained on."""
    train, test = _digits()
    leaky = dq.Dataset.concat(test.subset(range(20)), train.subset(range(10)))
    res = dq.compare(train, leaky, subsets={"dirty": np.arange(len(train))}, seeds=(0, 1), **_FAST)
    assert res.config["n_test_in_train"] == 10
    assert "Leakage: 10 of 30 test examples are exact copies" in res.to_text()
    clean = dq.compare(train, test, subsets={"dirty": np.arange(len(train))}, seeds=(0, 1), **_FAST)
    assert "n_test_in_train" not in clean.config and "Leakage" not in clean.to_text()


def test_compare_says_which_class_a_subset_lost_and_how_many_test_examples_it_costs():
    """A clean subset that lost every example of a class has a model that never answers it: its error rate counts
    every test example of that class, and the table alone read as 'cleaning made things worse'."""
    train, test = _digits()
    lost = train.classes[3]
    keep = np.flatnonzero(train.label_codes != 3)
    res = dq.compare(train, test, subsets={"dirty": np.arange(len(train)), "clean": keep}, seeds=(0, 1), **_FAST)
    n_test = int(np.sum(test.label_codes == 3))
    assert n_test > 0
    assert res.config["untrained_classes"] == {"clean": {str(lost): n_test}}
    assert f"Subset 'clean' has no training example of class(es) {lost}" in res.to_text()
    assert f"the {n_test} test example(s) of them are errors" in res.to_text()


def test_a_metric_undefined_on_a_seed_counts_only_the_seeds_where_it_is_defined(monkeypatch):
    """confident_error_rate is NaN for a seed with no confident answer; the mean was over the other seeds while
    n_seeds said all of them, and the text did not say the mean left a seed out."""
    from dataquality.training import _compare

    real, calls = _compare.evaluate, []

    def evaluate(*args, **kwargs):
        ev = real(*args, **kwargs)
        calls.append(1)
        if len(calls) == 2:  # the second seed: no confident answer
            ev.overall["confident_error_rate"] = float("nan")
        return ev

    monkeypatch.setattr(_compare, "evaluate", evaluate)
    train, test = _digits()
    res = dq.compare(train, test, subsets={"dirty": np.arange(len(train))}, seeds=(0, 1, 2), tau=0.3, **_FAST)
    row = res.table.set_index("metric").loc["confident_error_rate"]
    assert row["n_seeds"] == 2
    assert res.table.set_index("metric").loc["error_rate", "n_seeds"] == 3
    assert "(2 of 3 seeds)" in res.to_text()


def test_compare_says_when_the_audit_removed_nothing(tmp_path):
    """An audit that flags nothing training can use (here: only exact copies looked for, and there are none) makes
    the clean subset and the random control the dirty data again: three rows of the same recipe whose differences
    are seed noise. The comparison says so, in config and text; where something was removed it does not."""
    train, test = _digits()
    report = dq.audit(train, checks=["exact_duplicate"], cache_dir=tmp_path / "c", progress=False)
    assert len(report.flagged("exact_duplicate")) == 0
    res = dq.compare(train, test, report=report, seeds=(0,), **_FAST)
    assert res.config["clean_removed_nothing"] == len(train)
    assert "removed none of the 80 examples" in res.to_text()
    dup = dq.datasets.load_digits(image_size=16, n=120)
    train2 = dup.subset(list(range(80)) + [0, 1])  # two exact copies: cleaning drops them
    report2 = dq.audit(train2, checks=["exact_duplicate"], cache_dir=tmp_path / "c", progress=False)
    assert len(report2.clean_indices()) < len(train2)
    res2 = dq.compare(train2, test, report=report2, seeds=(0,), **_FAST)
    assert "clean_removed_nothing" not in res2.config
