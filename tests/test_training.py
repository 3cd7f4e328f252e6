"""finetune / evaluate / compare: tiny data, CPU, seconds."""

import math

import numpy as np
import pandas as pd
import pytest

import dataquality as dq
from dataquality.training import expected_calibration_error, hallucination_rate, negative_log_likelihood


def _halves(n, seed, size=16):
    """Two clearly different image classes: bright left half ("left") or bright right half ("right")."""
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 40, (n, size, size, 3)).astype(np.uint8)
    y = np.array(["left", "right"] * (n // 2), dtype=object)
    for i, c in enumerate(y):
        if c == "left":
            X[i, :, : size // 2] += 200
        else:
            X[i, :, size // 2:] += 200
    return X, y


FAST = dict(model="pixels", progress=False, cache_dir=False)


# tiny networks: one torch thread (conftest.one_torch_thread)
pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="module")
def toy():
    Xtr, ytr = _halves(40, 0)
    Xte, yte = _halves(20, 1)
    return dq.as_dataset(Xtr, labels=list(ytr)), dq.as_dataset(Xte, labels=list(yte))


# -- metrics on fixed probabilities --------------------------------------------------------------
PROBS = np.array([[0.95, 0.05], [0.6, 0.4], [0.1, 0.9], [0.92, 0.08], [0.3, 0.7]])
Y = np.array([1, 1, 1, 0, 0])  # predictions 0 0 1 0 1: wrong, wrong, right, right, wrong


def test_hallucination_rate_by_hand():
    assert hallucination_rate(PROBS, Y, tau=0.9) == pytest.approx(1 / 5)  # only row 0: wrong at 0.95
    assert hallucination_rate(PROBS, Y, tau=0.95) == pytest.approx(1 / 5)  # >= tau counts
    assert hallucination_rate(PROBS, Y, tau=0.96) == 0.0
    assert hallucination_rate(PROBS, Y, tau=0.6) == pytest.approx(3 / 5)


def test_ece_and_nll_by_hand():
    # 15 bins: 0.6 -> bin 8 (wrong), 0.7 -> bin 10 (wrong), 0.9 and 0.92 -> bin 13 (both right),
    # 0.95 -> bin 14 (wrong)
    expected = (0.6 + 0.7 + 0.95) / 5 + 2 / 5 * abs(1 - (0.9 + 0.92) / 2)
    assert expected_calibration_error(PROBS, Y) == pytest.approx(expected)
    nll = -np.mean(np.log([0.05, 0.4, 0.9, 0.92, 0.3]))
    assert negative_log_likelihood(PROBS, Y) == pytest.approx(nll)


def test_ece_matches_torchmetrics():
    tm = pytest.importorskip("torchmetrics")
    import torch

    rng = np.random.default_rng(0)
    logits = rng.normal(size=(200, 4)) * 3
    p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    y = rng.integers(0, 4, 200)
    ref = tm.functional.classification.multiclass_calibration_error(
        torch.tensor(p), torch.tensor(y), num_classes=4, n_bins=15, norm="l1")
    assert expected_calibration_error(p, y) == pytest.approx(float(ref), abs=1e-6)


def test_metrics_reject_bad_tau():
    for tau in (0, -0.1, 1.5, "high"):
        with pytest.raises(dq.DataQualityError, match="tau"):
            hallucination_rate(PROBS, Y, tau=tau)


# -- finetune ---------------------------------------------------------------------------------------
def test_finetune_learns_separable_images(toy):
    train, test = toy
    res = dq.finetune(train, epochs=30, **FAST)
    assert res.classes == ["left", "right"] and res.n_train == 40
    m = dq.evaluate(res, test)
    assert m.overall["accuracy"] == 1.0 and m.overall["error_rate"] == 0.0
    assert m.overall["hallucination_rate"] == 0.0
    assert m.confusion.loc["left", "left"] == 10 and m.confusion.loc["right", "right"] == 10
    assert res.history[-1]["train_accuracy"] == 1.0
    assert res.history[-1]["train_loss"] < res.history[0]["train_loss"]


def test_efficientnet_linear_probe_learns():
    (Xtr, ytr), (Xte, yte) = _halves(40, 0, size=32), _halves(20, 1, size=32)
    res = dq.finetune(Xtr, labels=list(ytr), model="efficientnet_lite0", image_size=32, epochs=30,
                      progress=False, cache_dir=False)
    assert res.features["embedder"] == "efficientnet_lite0"
    # pretrained features at 32 px, 40 examples: well above chance (0.5); 0.95 measured
    assert dq.evaluate(res, dq.as_dataset(Xte, labels=list(yte))).overall["accuracy"] >= 0.85


def test_same_seed_same_result_other_seed_differs(toy):
    train, test = toy
    a = dq.finetune(train, epochs=5, random_state=3, **FAST).predict_proba(test)
    b = dq.finetune(train, epochs=5, random_state=3, **FAST).predict_proba(test)
    c = dq.finetune(train, epochs=5, random_state=4, **FAST).predict_proba(test)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_save_load_round_trip(toy, tmp_path):
    train, test = toy
    res = dq.finetune(train, epochs=5, val_split=0.25, **FAST)
    assert res.config["n_val"] == 10 and "val_loss" in res.history[0]
    path = res.save(tmp_path / "m.pt")
    again = dq.FinetuneResult.load(path)
    np.testing.assert_array_equal(res.predict_proba(test), again.predict_proba(test))
    assert again.classes == res.classes and again.history == res.history and again.mode == "linear_probe"
    with pytest.raises(dq.DataQualityError, match="overwrite"):
        res.save(path)
    with pytest.raises(dq.DataQualityError):
        dq.load_model(tmp_path / "missing.pt")


def test_skips_unlabeled_examples(toy):
    train, _ = toy
    labels = list(train.labels)
    labels[0] = labels[5] = None
    res = dq.finetune(train.with_labels(labels), epochs=2, **FAST)
    assert res.n_train == 38 and res.n_skipped["unlabeled"] == 2


def test_full_finetuning_tiny(tmp_path):
    X, y = _halves(20, 0, size=32)
    ds = dq.as_dataset(X, labels=list(y))
    res = dq.finetune(ds, model="efficientnet_lite0", mode="full", image_size=32, epochs=1, batch_size=8,
                      progress=False, cache_dir=False)
    assert res.mode == "full" and len(res.history) == 1 and math.isfinite(res.history[0]["train_loss"])
    p = res.predict_proba(ds)
    assert p.shape == (20, 2) and np.allclose(p.sum(1), 1, atol=1e-5)
    again = dq.FinetuneResult.load(res.save(tmp_path / "full.pt"))
    np.testing.assert_allclose(again.predict_proba(ds), p, atol=1e-6)


def test_text_and_tabular_linear_probe():
    good, bad = ["good", "great", "fine", "lovely", "superb"], ["bad", "awful", "poor", "dull", "terrible"]
    pos = [f"a {a} and {b} movie" for a in good for b in good if a != b][:10]
    neg = [f"a {a} and {b} movie" for a in bad for b in bad if a != b][:10]
    texts, labels = pos + neg, ["pos"] * 10 + ["neg"] * 10
    res = dq.finetune(texts, labels=labels, epochs=200, progress=False, cache_dir=False)  # 20 examples: 1 step/epoch
    assert res.model_name == "tfidf"
    assert res.predict(["a great good film", "an awful bad film"]) == ["pos", "neg"]

    rng = np.random.default_rng(0)
    df = pd.DataFrame({"a": np.r_[rng.normal(-3, 1, 20), rng.normal(3, 1, 20)], "b": rng.normal(size=40)})
    res = dq.finetune(df, labels=[0] * 20 + [1] * 20, epochs=50, lr=0.05, progress=False, cache_dir=False)
    test = pd.DataFrame({"a": [-3.0, 3.0], "b": [0.0, 0.0]})
    assert res.model_name == "tabular" and res.predict(test) == [0, 1]


# -- evaluate ---------------------------------------------------------------------------------------
def test_evaluate_groups_and_ood(toy):
    train, test = toy
    res = dq.finetune(train, epochs=30, **FAST)
    groups = np.array(["a"] * 5 + ["b"] * 15)
    m = dq.evaluate(res, test, groups=groups, tau=0.5, ood=np.full((6, 16, 16, 3), 255, np.uint8))
    assert list(m.per_group.index) == ["a", "b"] and m.per_group.loc["a", "n"] == 5
    assert m.overall["tau"] == 0.5 and m.overall["n_ood"] == 6
    assert 0.0 <= m.overall["ood_confident_rate"] <= 1.0
    assert "hallucination rate" in str(m)


def test_evaluate_selective_and_ood_metrics(toy, image_folder):
    from PIL import Image

    from dataquality.training import aurc, ood_auroc, risk_at_coverage

    train, test = toy
    res = dq.finetune(train, epochs=3, **FAST)  # few epochs: not every answer is right
    m = dq.evaluate(res, test, coverages=(0.5, 0.75))
    o = m.overall
    assert o["risk@0.75"] == pytest.approx(risk_at_coverage(m.probs, m.y, 0.75))
    assert o["hallucination@0.75"] == pytest.approx(0.75 * o["risk@0.75"])
    assert o["aurc"] == pytest.approx(aurc(m.probs, m.y)) and 0 <= o["eaurc"] <= o["aurc"]
    assert "risk@0.8" not in o and "ood_auroc" not in o and m.ood_probs is None
    # OOD inputs in two of the forms the library reads: an image folder (labels ignored), PIL images
    for ood, n in ((image_folder, 40), ([Image.new("RGB", (20, 12), (255, 255, 255))] * 3, 3)):
        o = dq.evaluate(res, test, ood=ood).overall
        assert o["n_ood"] == n
        assert {"ood_confident_rate", "ood_answered@0.5", "ood_answered@0.8", "ood_answered@0.9"} <= set(o)
        assert all(0 <= o[k] <= 1 for k in o if k.startswith("ood_"))
    m = dq.evaluate(res, test, ood=image_folder)
    assert m.overall["ood_auroc"] == pytest.approx(ood_auroc(m.probs, m.ood_probs))
    text = str(m)
    assert "risk@0.8" in text and "E-AURC" in text and "AUROC in vs out" in text
    with pytest.raises(dq.DataQualityError, match=r"Expected argument `coverage` to be in \(0.0, 1.0\] but got 1.2"):
        dq.evaluate(res, test, coverages=(0.5, 1.2))
    with pytest.raises(dq.DataQualityError, match="at least one coverage"):
        dq.evaluate(res, test, coverages=())


def test_evaluate_unknown_test_label_is_an_error(toy):
    train, test = toy
    res = dq.finetune(train, epochs=2, **FAST)
    bad = test.with_labels(["left"] * 19 + ["up"])
    with pytest.raises(dq.DataQualityError, match="'up'"):
        dq.evaluate(res, bad)
    with pytest.raises(dq.DataQualityError, match="tau"):
        dq.evaluate(res, test, tau=1.5)


@pytest.mark.parametrize("kwargs, match", [
    (dict(mode="bogus"), "mode"),
    (dict(model="no_such_net"), "no_such_net"),
    (dict(epochs=0), "epochs"),
    (dict(lr=-1.0), "lr"),
    (dict(val_split=0.9), "val_split"),
])
def test_finetune_bad_arguments(toy, kwargs, match):
    train, _ = toy
    args = {**FAST, **kwargs}
    with pytest.raises(dq.DataQualityError, match=match):
        dq.finetune(train, **args)


# -- compare ----------------------------------------------------------------------------------------
def test_compare_random_control_drops_as_many_as_cleaning(toy, tmp_path):
    train, test = toy
    labels = list(train.labels)
    for i in (0, 1, 2, 3):  # plant four flipped labels
        labels[i] = "right" if labels[i] == "left" else "left"
    noisy = train.with_labels(labels)
    report = dq.audit(noisy, embedder="pixels", progress=False, cache_dir=False,
                      checks={"label": {"min_probe_skill": float("-inf"), "min_class_size": 2}})
    n_clean = len(report.clean_indices())
    assert n_clean < len(noisy)
    res = dq.compare(noisy, test, report=report, seeds=(0, 1), epochs=10, **FAST)
    runs = res.runs.set_index(["subset", "seed"])
    assert set(res.runs["subset"]) == {"dirty", "clean", "random_control"}
    assert (runs.loc["dirty", "n_train"] == len(noisy)).all()
    assert (runs.loc["clean", "n_train"] == n_clean).all()
    assert (runs.loc["random_control", "n_train"] == n_clean).all()
    assert report.comparison is res
    t = res.table.set_index(["subset", "metric"])
    assert {"mean", "ci_low", "ci_high"} <= set(t.columns)
    r = t.loc[("dirty", "error_rate")]
    assert r["ci_low"] <= r["mean"] <= r["ci_high"]
    text = res.to_text()
    assert "random_control" in text and "hallucination_rate" in text and str(res) == text
    # the coverage-matched columns, each with its interval; rates' intervals stay inside [0, 1]
    for m in ("risk@0.5", "risk@0.8", "risk@0.9", "aurc", "eaurc", "hallucination@0.8"):
        assert m in set(res.table["metric"]) and m in text
    rates = res.table[res.table["metric"] != "nll"]
    assert (rates["ci_low"] >= 0).all() and (rates["ci_high"] <= 1).all()
    assert "ood_auroc" not in set(res.table["metric"])
    # verdicts against the dirty set, for every other subset and metric
    d = res.differences
    assert res.baseline == "dirty" and set(d["subset"]) == {"clean", "random_control"}
    assert set(d["verdict"]) <= {"lower", "higher", "no difference at 95%", "n/a"}
    assert d.set_index(["subset", "metric"]).loc[("clean", "error_rate"), "better"] == "lower"
    assert "Against 'dirty'" in text
    # risk-coverage curves with bands over seeds, in the plot and in the HTML report
    curves = res.risk_coverage
    assert set(curves["subset"]) == {"dirty", "clean", "random_control"} and len(curves) == 300
    assert ((curves["ci_low"] <= curves["mean"] + 1e-12) & (curves["mean"] <= curves["ci_high"] + 1e-12)).all()
    png = res.plot(tmp_path / "cmp.png")
    assert png.stat().st_size > 1000
    html = report.to_html(tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'id="comparison"' in html and 'id="risk-coverage"' in html and "no difference at 95%" in html


def test_compare_verdicts_and_ood(toy):
    train, test = toy
    flipped = train.with_labels(["right" if v == "left" else "left" for v in train.labels])
    ood = np.random.default_rng(7).integers(0, 256, (15, 16, 16, 3)).astype(np.uint8)
    subsets = {"dirty": np.arange(len(train)), "same": np.arange(len(train)), "flipped": flipped}
    res = dq.compare(train, test, subsets=subsets, seeds=(0, 1), epochs=10, ood=ood, coverages=(0.5, 0.9), **FAST)
    metrics = set(res.table["metric"])
    assert {"risk@0.5", "risk@0.9", "ood_confident_rate", "ood_answered@0.5", "ood_answered@0.9", "ood_auroc"} <= metrics
    assert "risk@0.8" not in metrics and res.config["n_ood"] == 15
    d = res.differences.set_index(["subset", "metric"])
    # the same training set and seeds: differences are exactly 0, so "no difference"
    assert (d.loc["same", "diff"].abs() < 1e-12).all()
    assert (d.loc["same", "verdict"] == "no difference at 95%").all()
    # every label swapped (a relabelled view of train keeps its labels): the error is 1 on both seeds
    assert d.loc[("flipped", "error_rate"), "verdict"] == "higher"
    assert d.loc[("flipped", "accuracy"), "verdict"] == "lower" and d.loc[("flipped", "accuracy"), "better"] == "higher"
    assert d.loc[("flipped", "confident_rate"), "better"] == ""
    v = res.verdicts()
    assert v.loc["error_rate", "flipped"] == "higher" and v.loc["error_rate", "better"] == "lower"
    assert v.loc["confident_rate", "better"] == "neither"
    assert "ood_answered@0.9" in res.to_text()


def test_compare_applies_the_calibration_temperature(toy):
    train, test = toy
    kw = dict(epochs=20, val_split=0.25, calibrate=True, **FAST)
    res = dq.compare(train, test, subsets={"all": np.arange(len(train))}, seeds=(0,), **kw)
    alone = dq.evaluate(dq.finetune(train, random_state=0, **kw), test)
    assert res.runs.loc[0, "nll"] == pytest.approx(alone.overall["nll"], rel=1e-6)
    assert res.runs.loc[0, "aurc"] == pytest.approx(alone.overall["aurc"], rel=1e-6)


def test_compare_bad_arguments(toy):
    train, test = toy
    with pytest.raises(dq.DataQualityError, match="tau"):
        dq.compare(train, test, subsets={"all": np.arange(len(train))}, tau=0.0, **FAST)
    with pytest.raises(dq.DataQualityError, match="empty"):
        dq.compare(train, test, subsets={"none": np.array([], dtype=int)}, **FAST)
    with pytest.raises(dq.DataQualityError, match="mode"):
        dq.compare(train, test, subsets={"all": np.arange(len(train))}, mode="half", **FAST)
    with pytest.raises(dq.DataQualityError, match="no_such_net"):
        dq.compare(train, test, subsets={"all": np.arange(len(train))}, model="no_such_net", progress=False)
    with pytest.raises(dq.DataQualityError, match=r"`coverage` to be in \(0.0, 1.0\] but got 0"):
        dq.compare(train, test, subsets={"all": np.arange(len(train))}, coverages=(0, 0.5), **FAST)
    with pytest.raises(dq.DataQualityError, match="empty"):
        dq.compare(train, test, subsets={"all": np.arange(len(train))}, ood=np.zeros((0, 16, 16, 3), np.uint8), **FAST)
    with pytest.raises(dq.DataQualityError, match=r"for 3 seeds: seeds=range\(3\)"):
        dq.compare(train, test, subsets={"all": np.arange(len(train))}, seeds=3, **FAST)


def test_t_interval():
    mean, lo, hi = dq.training.t_interval([1.0, 2.0, 3.0])
    half = 4.302652729911275 * 1.0 / math.sqrt(3)  # t(0.975, 2) * sd / sqrt(n)
    assert mean == 2.0 and lo == pytest.approx(2 - half) and hi == pytest.approx(2 + half)


# -- temperature scaling --------------------------------------------------------------------------
def test_fit_temperature_recovers_a_known_temperature():
    from dataquality.training._temperature import apply_temperature, fit_temperature

    rng = np.random.default_rng(0)
    logits = rng.normal(0, 2, (4000, 5))
    true = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    y = np.array([rng.choice(5, p=p) for p in true])
    overconfident = apply_temperature(true, 1 / 2.5)  # as if the logits were 2.5x too large
    assert fit_temperature(overconfident, y) == pytest.approx(2.5, rel=0.1)
    assert fit_temperature(true, y) == pytest.approx(1.0, rel=0.1)
    np.testing.assert_array_equal(apply_temperature(overconfident, 3.0).argmax(1), overconfident.argmax(1))


def test_calibrate_applies_the_fitted_temperature(toy, tmp_path):
    train, test = toy
    # every fourth label flipped: the held-out quarter has errors to fit a temperature on (with none, 1 is kept)
    train = train.with_labels([("right" if v == "left" else "left") if i % 4 == 0 else v
                               for i, v in enumerate(train.labels)])
    raw = dq.finetune(train, epochs=30, val_split=0.25, **FAST)
    cal = dq.finetune(train, epochs=30, val_split=0.25, calibrate=True, **FAST)
    T = cal.config["temperature"]
    assert T != 1.0 and raw.config["temperature"] == 1.0
    from dataquality.training._temperature import apply_temperature

    np.testing.assert_allclose(cal.predict_proba(test), apply_temperature(raw.predict_proba(test), T), atol=1e-6)
    again = dq.FinetuneResult.load(cal.save(tmp_path / "cal.pt"))
    np.testing.assert_allclose(again.predict_proba(test), cal.predict_proba(test))
    with pytest.raises(dq.DataQualityError, match="val_split"):
        dq.finetune(train, calibrate=True, **FAST)
