"""The cache and the in-process memory never answer for data or models that changed: each case here once returned
an earlier audit's results without a word (files edited in place, a function or module embedder taken for another),
or failed where it could go on (a full cache disk); and vectors the cache path once took as they came (one number)."""

import logging
import os

import numpy as np
import pytest
from PIL import Image

import dataquality as dq

FAST = dict(progress=False, embedder="pixels")


@pytest.fixture
def bmp_folder(tmp_path, digits):
    """120 digits as BMP files: an edit keeps the file's size."""
    X, _ = digits
    root = tmp_path / "bmp"
    root.mkdir()
    for i in range(120):
        Image.fromarray(X[i]).save(root / f"img{i:03d}.bmp")
    return root


def test_a_dataset_object_re_audited_after_an_edit_is_measured_again(bmp_folder, tmp_path):
    ds = dq.as_dataset(bmp_folder)
    cache = tmp_path / "cache"
    assert dq.audit(ds, cache_dir=cache, **FAST).flagged("exact_duplicate") == []
    Image.open(bmp_folder / "img010.bmp").save(bmp_folder / "img005.bmp")  # an ordinary edit, in a notebook
    assert dq.audit(ds, cache_dir=cache, **FAST).flagged("exact_duplicate") == ["img005.bmp", "img010.bmp"]
    assert dq.audit(ds, cache_dir=False, **FAST).flagged("exact_duplicate") == ["img005.bmp", "img010.bmp"]


def test_an_edit_that_keeps_size_and_mtime_is_seen(bmp_folder, tmp_path):
    cache = tmp_path / "cache"
    assert dq.audit(bmp_folder, cache_dir=cache, **FAST).flagged("dark") == []
    p = bmp_folder / "img007.bmp"
    st = os.stat(p)
    Image.fromarray(np.zeros((32, 32, 3), np.uint8)).save(p)  # the same byte size: BMP
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the mtime set back
    assert os.stat(p).st_size == st.st_size and os.stat(p).st_mtime_ns == st.st_mtime_ns
    assert dq.audit(bmp_folder, cache_dir=cache, **FAST).flagged("dark") == ["img007.bmp"]


def test_two_function_embedders_never_share_cached_results(bmp_folder, tmp_path, caplog):
    def good(images):
        return np.stack([np.asarray(i.convert("L").resize((16, 16)), np.float32).ravel() for i in images])

    def noise(images):  # the same __qualname__ as any other local function called so
        return np.random.default_rng(len(images)).normal(size=(len(images), 64)).astype(np.float32)

    noise.__qualname__ = good.__qualname__
    labels = [str(i % 3) for i in range(120)]
    cache = tmp_path / "cache"
    kw = dict(cache_dir=cache, progress=False, checks=["label", "outlier", "near_duplicate"])
    dq.audit(bmp_folder, labels, embedder=good, **kw)
    with caplog.at_level(logging.INFO, logger="dataquality"):
        dq.audit(bmp_folder, labels, embedder=noise, **kw)
    loaded = [r.getMessage() for r in caplog.records if "loaded from the cache" in r.getMessage()]
    # what depends on the vectors is computed again (the images' spectra, which do not, may come from the cache)
    assert not [m for m in loaded if m.split()[0] in ("embeddings", "pred_probs", "pred_probs_refit", "knn")]


def test_two_modules_without_parameters_never_share_cached_vectors(bmp_folder, tmp_path):
    import torch.nn as nn

    m1 = nn.Sequential(nn.AdaptiveAvgPool2d(4), nn.Flatten())  # 48 numbers
    m2 = nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten())  # 3 numbers; the same class, no parameters
    cache = tmp_path / "cache"
    kw = dict(cache_dir=cache, progress=False, embedder_settings={"image_size": 32}, checks=["outlier"])
    assert dq.audit(bmp_folder, embedder=m1, **kw).embeddings.shape[1] == 48
    assert dq.audit(bmp_folder, embedder=m2, **kw).embeddings.shape[1] == 3


def test_the_statistics_key_follows_the_decoding_scale(bmp_folder):
    from dataquality.compute import Context

    ds = dq.as_dataset(bmp_folder)
    keys = {Context(ds, embedder="efficientnet_lite0", cache_dir=False, progress=False,
                    embedder_settings={"image_size": s}).key("spectrum_knn") for s in (32, 224)}
    assert len(keys) == 2


def test_a_full_cache_disk_keeps_the_shards_in_memory_and_the_audit_goes_on(bmp_folder, tmp_path, monkeypatch,
                                                                            caplog):
    import errno

    import pyarrow.parquet as pq

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq, "write_table", full)
    with caplog.at_level(logging.WARNING, logger="dataquality"):
        report = dq.audit(bmp_folder, cache_dir=tmp_path / "cache", **FAST)
    assert "keeping them in memory" in caplog.text
    assert report.scores == dq.audit(bmp_folder, cache_dir=False, **FAST).scores


def test_vectors_of_one_dimension_are_refused():
    with pytest.raises(dq.DataQualityError, match="one dimension"):
        dq.audit(np.random.default_rng(0).normal(size=(50, 1)), kind="embeddings", progress=False)


def test_a_cache_entry_that_lost_its_meta_file_is_stored_again(tmp_path):
    from dataquality.compute._store import Store

    store = Store.open(tmp_path / "cache")
    store.save("k1", {"a": np.arange(3)})
    (store.path("k1") / "meta.json").unlink()  # a broken entry: its files without their record
    assert store.load("k1") is None
    store.save("k1", {"a": np.arange(4)})
    assert np.array_equal(store.load("k1")["arrays"]["a"], np.arange(4))
