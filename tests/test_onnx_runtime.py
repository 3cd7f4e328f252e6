"""CPU inference with ONNX Runtime: the same vectors as torch, one export kept in the cache, loader
workers that run it, and torch with a logged reason when it cannot run."""

import logging

import numpy as np
import pytest
from PIL import Image

import dataquality as dq
from dataquality.embeddings import _onnx, get_embedder

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")


def cosines(a, b):
    a, b = a.astype(np.float32), b.astype(np.float32)
    return (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)


def photos(folder, n, size=(250, 188)):
    """``n`` JPEG crops of a real photo (scikit-image's astronaut), each a different view."""
    skimage_data = pytest.importorskip("skimage.data")
    base = Image.fromarray(skimage_data.astronaut())
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        x, y = (37 * i) % 200, (53 * i) % 200
        base.crop((x, y, x + 300, y + 300)).resize(size, Image.BICUBIC).save(folder / f"{i:03d}.jpg", quality=90)
    return folder


@pytest.fixture
def fresh(monkeypatch):
    """No export or logged reason left over from another test in this process; exports counted."""
    monkeypatch.setattr(_onnx, "_EXPORTS", {})
    monkeypatch.setattr(_onnx, "_SAID", set())
    calls = []
    original = _onnx.export

    def counting(model, image_size):
        calls.append(image_size)
        return original(model, image_size)

    monkeypatch.setattr(_onnx, "export", counting)
    return calls


def test_onnx_gives_torchs_vectors_within_float16_rounding(tmp_path, fresh):
    """At the CPU default (160 px), on photos, in this process: cosine > 0.9999 to torch, and no stored
    float16 value further from torch's than float16's resolution at the vectors' largest values
    (small values differ by float32 arithmetic noise, ~1e-6, which is several of their own ulps)."""
    root = photos(tmp_path / "imgs", 24)
    kw = dict(embedder="efficientnet_lite0", image_size=160, cache_dir=False, progress=False)
    torch_vecs = dq.embed(root, runtime="torch", **kw)
    onnx_vecs = dq.embed(root, runtime="onnx", **kw)
    assert cosines(torch_vecs, onnx_vecs).min() > 0.9999
    diff = np.abs(torch_vecs.astype(np.float32) - onnx_vecs.astype(np.float32))
    assert diff.max() <= 2 ** -10 * np.abs(torch_vecs).max()
    assert (torch_vecs == onnx_vecs).mean() > 0.95  # most are the same float16 number
    assert fresh == [160]


def test_loader_workers_run_onnx_with_torchs_vectors(tmp_path, digits, fresh):
    X, _ = digits
    for i in range(260):  # over the 256 rows from which workers start
        Image.fromarray(X[i]).save(tmp_path / f"{i:03d}.jpg", quality=95)
    kw = dict(embedder="efficientnet_lite0", image_size=32, cache_dir=False, progress=False)
    here = dq.embed(tmp_path, backend=dq.LocalBackend(num_workers=0), runtime="torch", **kw)
    there = dq.embed(tmp_path, runtime="onnx", **kw)  # one worker per core, each with its own session
    assert cosines(here, there).min() > 0.9999
    assert np.abs(here.astype(np.float32) - there.astype(np.float32)).max() <= 2 ** -9 * np.abs(here).max()


def test_one_export_kept_in_the_cache_never_in_the_data_folder(tmp_path, digits, fresh):
    X, y = digits
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for folder, rows in ((a, range(0, 40)), (b, range(40, 80)), (c, range(80, 120))):
        folder.mkdir()
        for i in rows:
            Image.fromarray(X[i]).save(folder / f"{i:03d}.png")
    cache = tmp_path / "cache"
    report = dq.audit(a, embedder_settings={"image_size": 32}, cache_dir=cache, progress=False)
    assert report.config["embedder_runtime"] == "onnx" and fresh == [32]
    files = list(cache.rglob("*.onnx"))
    assert len(files) == 1 and files[0].name == "model.onnx"
    assert not list(a.rglob("*.onnx")) and not list(tmp_path.glob("*.onnx"))
    assert not list(cache.rglob(".tmp-*"))  # written into a private folder, then renamed
    _onnx._EXPORTS.clear()  # as a new process: only the cache holds it
    dq.audit(b, embedder_settings={"image_size": 32}, cache_dir=cache, progress=False)
    assert fresh == [32]  # read from the cache, not exported again
    files[0].write_bytes(b"not a model")  # a damaged file fails its checksum and is exported again
    _onnx._EXPORTS.clear()
    dq.audit(c, embedder_settings={"image_size": 32}, cache_dir=cache, progress=False)
    assert fresh == [32, 32] and len(list(cache.rglob("*.onnx"))) == 1


def test_a_cached_re_audit_does_not_export_the_model_again_for_the_calibrations_copies(tmp_path, digits, fresh):
    # 80 images: the calibration's copies are made (60 or more). On a re-audit the data's embeddings come from the
    # cache and only the copies need the model: they used to export it again on every audit (about 10 s)
    X, _ = digits
    for i in range(80):
        Image.fromarray(X[i]).save(tmp_path / f"{i:03d}.png")
    cache = tmp_path.parent / f"{tmp_path.name}-cache"
    kw = dict(embedder_settings={"image_size": 32}, cache_dir=cache, progress=False)
    first = dq.audit(tmp_path, **kw)
    assert first.findings["blurry"]["calibration"]["source"] == "calibrated" and fresh == [32]
    _onnx._EXPORTS.clear()  # as a new process: only the cache holds it
    again = dq.audit(tmp_path, **kw)
    assert again.findings["blurry"]["calibration"]["source"] == "calibrated"
    assert fresh == [32]  # read from the cache, not exported again


def test_runtime_is_not_part_of_the_cache_identity():
    ids = {get_embedder("efficientnet_lite0", image_size=64, runtime=r).identity()["settings"]
           for r in ("auto", "torch", "onnx")}
    assert len(ids) == 1


def test_without_onnxruntime_auto_runs_torch_and_says_why(tmp_path, digits, fresh, monkeypatch, caplog):
    X, _ = digits
    for i in range(12):
        Image.fromarray(X[i]).save(tmp_path / f"{i:03d}.png")
    monkeypatch.setitem(__import__("sys").modules, "onnxruntime", None)  # as if not installed
    with caplog.at_level(logging.WARNING, logger="dataquality"):
        report = dq.audit(tmp_path, embedder_settings={"image_size": 32}, cache_dir=False, progress=False)
    assert report.config["embedder_runtime"] == "torch"
    assert "runs in torch on the CPU" in caplog.text and "pip install onnxruntime onnx" in caplog.text
    with pytest.raises(dq.MissingDependencyError, match="pip install onnxruntime onnx"):
        dq.embed(tmp_path, embedder="efficientnet_lite0", image_size=32, runtime="onnx", cache_dir=False,
                 progress=False)


def test_a_failed_export_falls_back_to_torch_unless_onnx_is_forced(tmp_path, digits, fresh, monkeypatch, caplog):
    X, _ = digits
    for i in range(12):
        Image.fromarray(X[i]).save(tmp_path / f"{i:03d}.png")

    def broken(model, image_size):
        raise RuntimeError("unsupported operator")

    monkeypatch.setattr(_onnx, "export", broken)
    kw = dict(embedder="efficientnet_lite0", image_size=32, cache_dir=tmp_path / "cache", progress=False)
    with caplog.at_level(logging.WARNING, logger="dataquality"):
        vecs = dq.embed(tmp_path, **kw)
    assert vecs.shape == (12, 1280) and "unsupported operator" in caplog.text
    assert not list((tmp_path / "cache").rglob("*.onnx"))
    with pytest.raises(dq.DataQualityError, match="unsupported operator"):
        dq.embed(tmp_path, runtime="onnx", **{**kw, "cache_dir": False})


def test_gpu_keeps_torch_and_runtime_is_checked_where_the_work_happens():
    emb = get_embedder("efficientnet_lite0", image_size=32)
    assert emb.for_runtime("cuda") is emb and emb.runtime_used == "torch"
    with pytest.raises(dq.DataQualityError, match="runs efficientnet_lite0 on the CPU"):
        get_embedder("efficientnet_lite0", image_size=32, runtime="onnx").for_runtime("cuda")
    odd = get_embedder("efficientnet_lite0", image_size=32, runtime="tensorrt")  # stored as given
    with pytest.raises(dq.DataQualityError, match="Expected runtime to be one of 'auto', 'torch', 'onnx'"):
        odd.for_runtime("cpu")


def test_a_users_module_stays_in_torch_unless_asked():
    import torch

    module = torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten())
    emb = get_embedder(module, "image", image_size=32)
    assert emb.for_runtime("cpu").runtime_used == "torch"
    fast = get_embedder(module, "image", image_size=32, runtime="onnx").for_runtime("cpu")
    x = torch.randn(5, 3, 32, 32)
    assert fast.runtime_used == "onnx"
    assert np.allclose(fast.forward(x, "cpu"), emb.forward(x, "cpu"), atol=1e-5)
