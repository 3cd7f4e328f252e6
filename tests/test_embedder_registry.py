"""Embedders are complete units: a registered one trains in finetune and compare like the built-in
ones, and what identifies its cached vectors comes from its class, settings and version."""

import numpy as np
import pytest

import dataquality as dq
from dataquality.embeddings import TorchImageEmbedder


@pytest.fixture
def registry(monkeypatch):
    """Registrations made by a test are undone after it."""
    import dataquality.embeddings._base as base

    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))


def _tiny_cnn():
    import torch

    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3, padding=1), torch.nn.ReLU(),
                               torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten())


def _register_tiny_cnn():
    @dq.register_embedder("tiny_cnn_test")
    class TinyCNN(TorchImageEmbedder):
        """A user's own network: 8 pooled channels."""

        name = "tiny_cnn_test"

        def __init__(self, image_size: int | None = 32, runtime: str = "torch"):
            super().__init__(image_size, runtime)

        def build(self):
            return _tiny_cnn()

    return TinyCNN


def _images(n_per_class=12, size=24, seed=0):
    """Two classes a tiny network can tell apart: bright-red and dark-blue noise."""
    rng = np.random.default_rng(seed)
    imgs, labels = [], []
    for k, (base, lab) in enumerate((((200, 40, 40), "red"), ((30, 30, 160), "blue"))):
        for _ in range(n_per_class):
            noise = rng.integers(-30, 30, (size, size, 3))
            imgs.append(np.clip(np.array(base) + noise, 0, 255).astype(np.uint8))
            labels.append(lab)
    return np.stack(imgs), labels


def test_registered_embedder_trains_with_finetune_and_compare(registry, tmp_path):
    _register_tiny_cnn()
    X, y = _images()
    probe = dq.finetune(X, labels=y, model="tiny_cnn_test", epochs=1, progress=False, cache_dir=False)
    assert probe.model_name == "tiny_cnn_test" and probe.config["image_size"] == 32
    assert probe.predict_proba(X).shape == (len(X), 2)

    full = dq.finetune(X, labels=y, model="tiny_cnn_test", mode="full", epochs=1, batch_size=8, progress=False,
                       cache_dir=False)
    assert full.mode == "full" and len(full.history) == 1
    p = full.predict_proba(X[:4])
    assert p.shape == (4, 2) and np.allclose(p.sum(1), 1)
    # saved and loaded through the registry too: the same predictions
    full.save(tmp_path / "m.pt")
    again = dq.load_model(tmp_path / "m.pt")
    assert np.allclose(again.predict_proba(X[:4]), p, atol=1e-6)

    Xt, yt = _images(n_per_class=4, seed=1)
    res = dq.compare(X, Xt, labels=y, test_labels=yt, subsets={"all": np.arange(len(X)), "half": np.arange(0, 24, 2)},
                     model="tiny_cnn_test", epochs=1, seeds=(0,), progress=False, cache_dir=False)
    assert set(res.table["subset"]) == {"all", "half"}


def test_an_embedder_that_is_not_a_network_says_which_can_be_fine_tuned(registry):
    X, y = _images(n_per_class=4)
    with pytest.raises(dq.DataQualityError, match=r"cannot be fine-tuned.*efficientnet_lite0.*resnet18"):
        dq.finetune(X, labels=y, model="pixels", mode="full", epochs=1, progress=False, cache_dir=False)
    with pytest.raises(dq.DataQualityError, match="is for text data"):
        dq.finetune(X, labels=y, model="tfidf", epochs=1, progress=False, cache_dir=False)
    with pytest.raises(dq.UnknownNameError, match="tiny_cnn_test"):
        _register_tiny_cnn()
        dq.finetune(X, labels=y, model="no_such_embedder", epochs=1, progress=False, cache_dir=False)


def test_embedder_subclasses_with_the_same_settings_never_share_cache_entries(tmp_path):
    from dataquality.embeddings import PixelEmbedder

    class Doubled(PixelEmbedder):
        def forward(self, batch, device):
            return 2.0 * super().forward(batch, device)

    class Negated(PixelEmbedder):
        def forward(self, batch, device):
            return -super().forward(batch, device)

    X, _ = _images(n_per_class=6)
    kw = dict(progress=False, cache_dir=tmp_path / "cache")
    a = dq.embed(X, Doubled(image_size=8, n_components=4), **kw)
    b = dq.embed(X, Negated(image_size=8, n_components=4), **kw)
    base = dq.embed(X, PixelEmbedder(image_size=8, n_components=4), **kw)
    fresh_b = dq.embed(X, Negated(image_size=8, n_components=4), progress=False, cache_dir=False)
    assert Doubled(8, 4).cache_key() == Negated(8, 4).cache_key() == PixelEmbedder(8, 4).cache_key()
    assert len({str(Doubled(8, 4).identity()), str(Negated(8, 4).identity()), str(PixelEmbedder(8, 4).identity())}) == 3
    np.testing.assert_array_equal(b, fresh_b)  # not the Doubled vectors served from the cache
    assert not np.array_equal(a, b) and not np.array_equal(base, b)
    # one image-pass entry per class in the cache
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_dir() and any(p.glob("rows-*"))]
    assert len(entries) == 3


def test_audit_and_training_embed_texts_through_one_tfidf():
    """One TF-IDF: the audit's vectors are training's fitted map applied to the same texts, to the bit."""
    from dataquality.training._features import fit_text, transform_text

    texts = ["the cat sat on the mat", "a cat sat", "dogs bark at night", "the dog barked", "cats and dogs",
             "night falls", "the mat is red", "a red cat"]
    X = dq.embed(texts, "tfidf", n_components=4, cache_dir=False, progress=False)
    Y = transform_text(fit_text(texts, n_components=4), texts)
    assert X.shape == (8, 4)
    np.testing.assert_array_equal(X, Y.astype(np.float16))


def test_audit_and_training_encode_tables_through_one_encoder():
    """One table encoding: the audit's vectors are training's fitted map on the same rows, to the bit;
    a map fitted on some rows applies to others (new categories: all zeros)."""
    import pandas as pd

    from dataquality.training._features import fit_tabular, transform_tabular

    rng = np.random.default_rng(0)
    df = pd.DataFrame({"x": rng.normal(size=30), "n": rng.integers(0, 9, 30).astype(float),
                       "colour": rng.choice(["red", "green", "blue"], 30), "flag": rng.choice([True, False], 30)})
    df.loc[::4, "x"] = np.nan
    X = dq.embed(df, "tabular", cache_dir=False, progress=False)
    state = fit_tabular(df)
    np.testing.assert_array_equal(X, transform_tabular(state, df).astype(np.float16))
    new = pd.DataFrame({"x": [0.0], "n": [3.0], "colour": ["purple"], "flag": [True]})
    row = transform_tabular(fit_tabular(df.iloc[:20]), new)
    assert row.shape == (1, X.shape[1]) and np.isfinite(row).all()
    with pytest.raises(dq.DataQualityError, match="lacks columns"):
        transform_tabular(state, new.drop(columns="colour"))
