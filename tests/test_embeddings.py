"""Embedders: real pretrained weights, registry errors, the cache, user models."""

from types import SimpleNamespace

import numpy as np
import pytest
import torch

import dataquality as dq
from dataquality.embeddings import get_embedder


def test_list_embedders_has_the_registry():
    names = dq.list_embedders()
    for n in ("efficientnet_lite0", "resnet18", "resnet50", "pixels", "tfidf", "minilm", "tabular"):
        assert n in names


def test_unknown_embedder_lists_valid_names():
    with pytest.raises(dq.DataQualityError, match="Unknown embedder 'nope'.*efficientnet_lite0"):
        dq.embed(np.zeros((2, 8, 8), np.uint8), embedder="nope", cache_dir=False)


def test_efficientnet_weights_are_real_imagenet_weights():
    """The full model names skimage's sample photos sensibly: the weights really loaded."""
    skdata = pytest.importorskip("skimage.data")
    from PIL import Image
    from timm.data import ImageNetInfo

    from dataquality.embeddings._image import EfficientNetLite0, load_efficientnet_lite0

    model = load_efficientnet_lite0(with_head=True)
    prep = EfficientNetLite0(image_size=224).preprocess
    info = ImageNetInfo()
    expected = {"coffee": ("espresso", "cup", "coffee"), "chelsea": ("cat",), "rocket": ("missile", "rocket",
                                                                                         "projectile")}
    hits = 0
    for name, words in expected.items():
        img = Image.fromarray(getattr(skdata, name)()).convert("RGB")
        with torch.inference_mode():
            top5 = model(prep(img)[None]).softmax(1)[0].topk(5).indices.tolist()
        descr = " ".join(info.index_to_description(i).lower() for i in top5)
        hits += any(w in descr for w in words)
    assert hits >= 2


def test_efficientnet_embeds_digits_and_second_call_hits_cache(tmp_path, monkeypatch):
    ds = dq.datasets.load_digits(image_size=32, n=64)
    X1 = dq.embed(ds, embedder="efficientnet_lite0", image_size=64, cache_dir=tmp_path, progress=False)
    assert X1.shape == (64, 1280) and X1.dtype == np.float16 and np.isfinite(X1).all()
    assert np.abs(X1).sum(1).min() > 0

    from dataquality.embeddings._image import TorchImageEmbedder

    def boom(*a, **k):
        raise AssertionError("model was called although the cache should have answered")

    monkeypatch.setattr(TorchImageEmbedder, "forward", boom)
    X2 = dq.embed(ds, embedder="efficientnet_lite0", image_size=64, cache_dir=tmp_path, progress=False)
    assert np.array_equal(X1, X2)
    # other settings are another cache entry: the model is needed again
    with pytest.raises(AssertionError, match="model was called"):
        dq.embed(ds, embedder="efficientnet_lite0", image_size=48, cache_dir=tmp_path, progress=False)


def test_resnet_without_weights_says_how_to_get_them(tmp_path, monkeypatch):
    monkeypatch.setenv("TORCH_HOME", str(tmp_path))
    monkeypatch.setattr(torch.hub, "get_dir", lambda: str(tmp_path / "hub"))
    with pytest.raises(dq.WeightsNotFoundError, match="weights="):
        dq.embed(np.zeros((2, 8, 8), np.uint8), embedder="resnet18", cache_dir=False, progress=False)


def test_resnet_with_weights_path(tmp_path):
    import torchvision

    torch.manual_seed(0)
    path = tmp_path / "r18.pth"
    torch.save(torchvision.models.resnet18(weights=None).state_dict(), path)
    X = dq.embed(np.random.default_rng(0).integers(0, 255, (3, 40, 40, 3), dtype=np.uint8), embedder="resnet18",
                 weights=path, image_size=32, cache_dir=False, progress=False)
    assert X.shape == (3, 512)


def test_user_module_and_callable():
    class Tiny(torch.nn.Module):
        def forward(self, x):
            return x.mean(dim=(2, 3))

    imgs = np.random.default_rng(0).integers(0, 255, (5, 12, 12, 3), dtype=np.uint8)
    X = dq.embed(imgs, embedder=Tiny(), image_size=16, cache_dir=False, progress=False)
    assert X.shape == (5, 3)
    Y = dq.embed(imgs, embedder=lambda batch: [[im.size[0], 1.0] for im in batch], cache_dir=False, progress=False)
    assert Y.shape == (5, 2) and float(Y[0, 0]) == 12
    with pytest.raises(dq.DataQualityError, match=r"shape \(5, D\)"):
        dq.embed(imgs, embedder=lambda batch: [1.0], cache_dir=False, progress=False)


def test_pixels_and_unreadable_rows_are_zero(tmp_path):
    from .conftest import write_png

    rng = np.random.default_rng(0)
    for i in range(6):
        write_png(tmp_path / "d" / f"{i}.png", rng.integers(0, 255, (8, 8, 3), dtype=np.uint8))
    (tmp_path / "d" / "bad.png").write_bytes(b"")
    ds = dq.as_dataset(tmp_path / "d")
    X = dq.embed(ds, embedder="pixels", n_components=3, cache_dir=False, progress=False)
    bad = ds.ids.index("bad.png")
    assert X.shape == (7, 3) and not X[bad].any() and np.abs(X).sum() > 0


def test_text_and_tabular_embedders():
    T = dq.embed(["a cat sat", "a dog ran", "cats and dogs", "the end"], cache_dir=False, progress=False)
    assert T.shape[0] == 4
    import pandas as pd

    F = dq.embed(pd.DataFrame({"a": [1.0, 2.0, None], "b": ["x", "y", "x"]}), cache_dir=False, progress=False)
    assert F.shape == (3, 4) and np.isfinite(F.astype(float)).all()  # a, one-hot b (x, y), anchor column


def test_embedder_for_wrong_modality():
    with pytest.raises(dq.DataQualityError, match="for text data"):
        get_embedder("tfidf", "image")


def test_device_cuda_without_gpu_is_a_clear_error():
    if torch.cuda.is_available():
        pytest.skip("a GPU is present")
    with pytest.raises(dq.DataQualityError, match="no CUDA GPU"):
        dq.embed(np.zeros((2, 8, 8), np.uint8), embedder="pixels", device="cuda", cache_dir=False)


def test_tensor_pipeline_matches_the_loader_pipeline(tmp_path):
    """The device pipeline (nvjpeg on CUDA; run here on CPU tensors) gives the same answers."""
    import shutil

    from PIL import Image

    from dataquality.compute._imagemap import ImageMapper, from_tables
    from dataquality.embeddings import get_embedder

    def run_image_pass(ds, emb, pipeline):
        stats, X = from_tables([ImageMapper(ds, emb, pipeline=pipeline).map_rows(range(len(ds)))], len(ds), True)
        return SimpleNamespace(stats=stats, embeddings=X)

    X, _ = dq.datasets.load_digits(image_size=48, n=12, as_arrays=True)
    for i, a in enumerate(X):
        Image.fromarray(a).save(tmp_path / f"{i:02d}.{'jpg' if i % 3 else 'png'}", quality=95)
    shutil.copy(tmp_path / "01.jpg", tmp_path / "copy.jpg")
    (tmp_path / "zero.jpg").write_bytes(b"")
    (tmp_path / "cut.jpg").write_bytes((tmp_path / "01.jpg").read_bytes()[:200])
    Image.fromarray(X[2]).convert("CMYK").save(tmp_path / "cmyk.jpg")
    ds = dq.as_dataset(tmp_path)
    emb = get_embedder("efficientnet_lite0", image_size=32)
    a = run_image_pass(ds, emb, pipeline="loader")
    b = run_image_pass(ds, emb, pipeline="tensor")
    assert a.stats["readable"].tolist() == b.stats["readable"].tolist()
    assert b.stats.loc[~b.stats["readable"], "error"].str.contains("empty|decodable|truncated").all()
    ok = a.stats["readable"].to_numpy(bool)
    A, B = a.embeddings[ok].astype(np.float32), b.embeddings[ok].astype(np.float32)
    cos = (A * B).sum(1) / np.linalg.norm(A, axis=1) / np.linalg.norm(B, axis=1)
    assert cos.min() > 0.98
    for col in ("width", "height", "mode"):
        assert a.stats.loc[ok, col].tolist() == b.stats.loc[ok, col].tolist()
    assert np.allclose(a.stats.loc[ok, "brightness_p99"], b.stats.loc[ok, "brightness_p99"], atol=0.02)
    from dataquality.data._stats import decode_thumbs

    ta, tb = decode_thumbs(a.stats.loc[ok, "thumb"].tolist()), decode_thumbs(b.stats.loc[ok, "thumb"].tolist())
    assert np.isfinite(ta).all() and np.abs(ta - tb).max() <= 3
    ph = b.stats["pixel_hash"]
    dups = {ds.ids[i] for i in range(len(ds)) if ok[i] and (ph == ph[i]).sum() > 1}
    assert dups == {"01.jpg", "copy.jpg"}
    with pytest.raises(dq.DataQualityError, match="pipeline"):
        run_image_pass(ds, emb, pipeline="gpu")


def test_tensor_pipeline_measures_large_images_in_parts_with_the_same_results(tmp_path, monkeypatch):
    """Equal-size images are measured and preprocessed in parts of at most GROUP_ELEMENTS values, and a batch is
    decoded in parts of at most BATCH_ELEMENTS (a batch of 12-megapixel photographs as one float and int64 stack
    would not fit on a GPU): the statistics and the model inputs do not depend on the parts."""
    from PIL import Image

    from dataquality.compute import _tensor_pass
    from dataquality.compute._imagemap import ImageMapper, from_tables
    from dataquality.embeddings import get_embedder

    rng = np.random.default_rng(0)
    for i in range(7):
        Image.fromarray(rng.integers(0, 256, (40, 56, 3), dtype=np.uint8)).save(tmp_path / f"{i}.jpg", quality=90)
    ds = dq.as_dataset(tmp_path)
    emb = get_embedder("pixels")

    def image_pass():
        stats, X = from_tables([ImageMapper(ds, emb, pipeline="tensor", batch_size=8).map_rows(range(len(ds)))],
                               len(ds), True)
        return stats, X

    whole, X_whole = image_pass()
    seen = []
    original = _tensor_pass.group_stats
    monkeypatch.setattr(_tensor_pass, "group_stats", lambda x: seen.append(len(x)) or original(x))
    monkeypatch.setattr(_tensor_pass, "GROUP_ELEMENTS", 3 * 40 * 56 * 3)  # three images per part
    parts, X_parts = image_pass()
    assert seen == [3, 3, 1]
    assert whole.drop(columns=["error"]).equals(parts.drop(columns=["error"]))
    assert np.array_equal(X_whole, X_parts)
    # a batch whose decoded images would hold more than BATCH_ELEMENTS values is decoded in consecutive parts
    monkeypatch.setattr(_tensor_pass, "GROUP_ELEMENTS", 2 ** 27)
    monkeypatch.setattr(_tensor_pass, "BATCH_ELEMENTS", 2 * 40 * 56 * 3)  # two images per part
    seen.clear()
    split, X_split = image_pass()
    assert seen == [2, 2, 2, 1]
    assert whole.drop(columns=["error"]).equals(split.drop(columns=["error"]))
    assert np.array_equal(X_whole, X_split)


def test_user_callable_is_never_cached(tmp_path):
    calls = []

    def fn(batch):
        calls.append(len(batch))
        return [[float(im.size[0])] for im in batch]

    imgs = np.zeros((4, 8, 8, 3), dtype=np.uint8)
    for _ in range(2):
        dq.embed(imgs, embedder=fn, cache_dir=tmp_path, progress=False)
    assert sum(calls) == 8  # called again the second time: a callable's settings cannot identify its vectors
    assert not any(tmp_path.iterdir())
