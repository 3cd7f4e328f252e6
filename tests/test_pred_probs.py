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


def _planted(names=("c0", "c1", "c2")):
    """60 vectors in 3 classes (named ``names``), 3 labels flipped, and pred_probs putting 0.9 on each example's true
    class."""
    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(K), PER)
    X = rng.normal(size=(len(y), 8)).astype(np.float32) + 3 * y[:, None]
    labels = y.copy()
    labels[FLIPS] = (labels[FLIPS] + 1) % K
    P = np.full((len(y), K), 0.05)
    P[np.arange(len(y)), y] = 0.9
    return X, [names[v] for v in labels], P


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


# -- an embedder that fails: a clear error up front, nothing half-audited ----------------------------------------
def _folder(tmp_path, n=12):
    from PIL import Image

    rng = np.random.default_rng(0)
    for i in range(n):
        (tmp_path / "imgs" / "ab"[i % 2]).mkdir(parents=True, exist_ok=True)
        Image.fromarray(rng.integers(0, 255, (24, 24, 3), dtype=np.uint8)).save(tmp_path / "imgs" / "ab"[i % 2] / f"{i}.png")
    return tmp_path / "imgs"


class _Failing:
    """A module whose forward raises from its ``fail_from``-th call on; counts its calls."""

    def __new__(cls, fail_from=1):
        import torch

        class Failing(torch.nn.Module):
            calls = 0

            def forward(self, x):
                type(self).calls += 1
                if type(self).calls >= fail_from:
                    raise RuntimeError("boom in forward")
                return x.mean(dim=(2, 3))

        return Failing()


def test_failing_module_embedder_is_one_clear_error_naming_the_checks_that_can_run(tmp_path):
    module = _Failing()
    with pytest.raises(dq.DataQualityError) as err:
        dq.audit(_folder(tmp_path), embedder=module, embedder_settings={"image_size": 16}, cache_dir=False,
                 progress=False)
    text = str(err.value)
    assert "The embedder (module) failed: RuntimeError: boom in forward" in text
    assert "Nothing was audited" in text and "N x 3 x 16 x 16" in text
    assert "checks=[" in text and "'odd_size'" in text and "'label'" not in text
    assert type(module).calls == 1  # its first batch, and nothing after
    # the checks it names do run without the embedder
    names = eval(text.split("checks=")[-1].rstrip("."))  # noqa: S307 - the list the message prints
    r = dq.audit(_folder(tmp_path), embedder=_Failing(), checks=names, cache_dir=False, progress=False)
    assert r.errors == {} and set(r.checks_run) == set(names)


def test_exact_duplicates_are_found_without_the_embedder(tmp_path):
    """exact_duplicate compares content keys alone: named in the message's list, it finds a byte copy while the
    embedder fails on every image."""
    import shutil

    root = _folder(tmp_path)
    first = sorted(p for p in root.rglob("*.png"))[0]
    shutil.copy(first, first.with_name("copy_" + first.name))
    with pytest.raises(dq.DataQualityError) as err:
        dq.audit(root, embedder=_Failing(), embedder_settings={"image_size": 16}, cache_dir=False, progress=False)
    assert "'exact_duplicate'" in str(err.value).split("checks=")[-1]
    r = dq.audit(root, embedder=_Failing(), checks=["exact_duplicate"], cache_dir=False, progress=False)
    assert r.errors == {} and len(r.flagged("exact_duplicate")) == 2
    assert {str(first.name), "copy_" + first.name} == {str(i).split("/")[-1] for i in r.flagged("exact_duplicate")}


def test_embedder_failing_mid_pass_is_a_clear_error(tmp_path):
    with pytest.raises(dq.DataQualityError) as err:
        dq.audit(_folder(tmp_path), embedder=_Failing(fail_from=3), embedder_settings={"image_size": 16},
                 batch_size=4, cache_dir=False, progress=False)
    text = str(err.value)
    assert "embedder (module) failed: RuntimeError: boom in forward" in text and "checks=[" in text


@pytest.mark.parametrize("runtime", ["auto", "onnx"])
def test_onnx_runtime_failing_on_images(tmp_path, runtime):
    """ONNX Runtime runs the export's test batch but fails on the images: runtime='auto' runs the model in torch,
    runtime='onnx' is a clear error naming the way out."""
    pytest.importorskip("onnxruntime")
    import torch

    from dataquality.embeddings import _onnx
    from dataquality.embeddings._image import TorchImageEmbedder

    class Tiny(TorchImageEmbedder):  # a backbone as the registered ones are: run in loader workers, ONNX on a CPU
        name = "tiny"

        def build(self):
            torch.manual_seed(0)
            return torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten())

    run = _onnx.OnnxModel.run

    def failing(self, x):
        if len(x) == 4:  # the export's agreement batch
            return run(self, x)
        raise RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION")

    with mock.patch.object(_onnx.OnnxModel, "run", failing):
        kw = dict(embedder=Tiny(16, runtime), cache_dir=False, progress=False, checks=["outlier"], num_workers=1)
        if runtime == "onnx":
            with pytest.raises(dq.DataQualityError, match="failed on image 'a/0.png': RuntimeError: "
                                                          r"\[ONNXRuntimeError\].*'runtime': 'torch'"):
                dq.audit(_folder(tmp_path), **kw)
        else:
            r = dq.audit(_folder(tmp_path), **kw)
            assert r.config["embedder_runtime"] == "torch" and r.errors == {}


def test_a_loader_workers_traceback_is_cut_to_its_error():
    from dataquality.compute._context import _last_line

    exc = RuntimeError("Caught RuntimeError in DataLoader worker process 0.\nOriginal Traceback (most recent call "
                       "last):\n  File \"x.py\", line 1, in f\n    run()\nRuntimeError: [ONNXRuntimeError] : 6\n")
    assert _last_line(exc) == "RuntimeError: [ONNXRuntimeError] : 6"
    assert _last_line(ValueError("plain")) == "ValueError: plain"


def test_given_pred_probs_alone_need_no_embedder(tmp_path):
    """checks=["label"] with the user's own pred_probs (no neighbour votes mixed in) reads neither embeddings nor
    neighbours: it runs where the embedder fails, and judges the given probabilities."""
    root = _folder(tmp_path, n=60)
    ds = dq.as_dataset(root)
    codes = np.asarray(ds.label_codes)
    P = np.full((len(ds), 2), 0.05)
    P[np.arange(len(ds)), codes] = 0.95
    wrong = [1, 6]  # the model puts its mass on the other class for these two: their labels look wrong
    P[wrong] = P[wrong][:, ::-1]
    r = dq.audit(root, embedder=_Failing(), checks=["label"], pred_probs=P, cache_dir=False, progress=False)
    assert r.errors == {}  # the embedder, had it run, would have stopped the audit (EmbedderFailed)
    assert sorted(r.flagged("label")) == sorted(str(ds.ids[i]) for i in wrong)
