"""Follow-ups of earlier sweeps: a reference set that cannot be compared, user modules left as given,
what the config says ran, vectors of extreme scale, the neighbour index's settings on a cached run."""

import numpy as np
import pandas as pd
import pytest

import dataquality as dq

QUIET = dict(cache_dir=False, progress=False, device="cpu")


def _vectors(n=60, d=8, seed=0):
    return np.random.default_rng(seed).normal(size=(n, d)).astype(np.float32), np.repeat([0, 1, 2], n // 3)


# -- 1. reference= of another width / other columns ---------------------------------------------------------
def test_reference_vectors_of_another_width_are_refused():
    X, y = _vectors()
    R, _ = _vectors(30, 12, seed=1)
    with pytest.raises(dq.DataQualityError, match=r"12 columns but the data's have 8.*same embedder"):
        dq.audit(X, labels=y, kind="embeddings", reference=R, **QUIET)


def test_reference_table_with_other_columns_is_refused():
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"a": rng.normal(size=60), "b": rng.normal(size=60), "label": np.repeat([0, 1, 2], 20)})
    other = pd.DataFrame({"c": rng.normal(size=30), "d": ["x"] * 30})
    with pytest.raises(dq.DataQualityError, match=r"lacks the data's columns \['a', 'b'\]"):
        dq.audit(df, labels="label", reference=other, **QUIET)
    # an extra column is empty on the data's side: alone it made the same distribution look shifted
    extra = pd.DataFrame({"a": rng.normal(size=30), "b": rng.normal(size=30), "extra": rng.normal(size=30)})
    with pytest.raises(dq.DataQualityError, match=r"has columns the data lacks \['extra'\]"):
        dq.audit(df, labels="label", reference=extra, **QUIET)


def test_reference_table_keeps_the_datas_label_column_out_of_its_features():
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"a": rng.normal(size=60), "b": rng.normal(size=60), "outcome": np.repeat([0, 1, 2], 20)})
    ref = pd.DataFrame({"b": rng.normal(size=30), "a": rng.normal(size=30), "outcome": np.repeat([0, 1, 2], 10)})
    r = dq.audit(df, labels="outcome", reference=ref, checks=["leakage"], **QUIET)
    assert r.errors == {}
    assert r.findings["distribution_shift"]["shifted"] is False


def test_reference_of_another_kind_is_refused_before_the_checks():
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"a": rng.normal(size=60), "b": rng.normal(size=60), "label": np.repeat([0, 1, 2], 20)})
    with pytest.raises(dq.DataQualityError, match="reference set is text data but the dataset is tabular"):
        dq.audit(df, labels="label", reference=["a short text"] * 10, **QUIET)


# -- 2. a user's nn.Module as embedder= is left as it was given ---------------------------------------------
def test_a_users_module_keeps_its_modes_device_and_memory_format():
    torch = pytest.importorskip("torch")

    class Tiny(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = torch.nn.Conv2d(3, 4, 3)
            self.bn = torch.nn.BatchNorm2d(4)
            self.frozen = torch.nn.BatchNorm2d(4)
            self.drop = torch.nn.Dropout(0.5)

        def forward(self, x):
            return self.drop(self.frozen(self.bn(self.conv(x)))).mean((2, 3))

    module = Tiny().train()
    module.frozen.eval()  # a submodule the user froze stays frozen
    before = {k: v.clone() for k, v in module.state_dict().items()}
    imgs = np.random.default_rng(0).integers(0, 255, (24, 16, 16, 3), dtype=np.uint8)
    r = dq.audit(imgs, labels=np.repeat([0, 1], 12), embedder=module, embedder_settings={"image_size": 16},
                 checks=["near_duplicate"], **QUIET)
    assert r.errors == {}
    assert module.training and module.bn.training and module.drop.training and not module.frozen.training
    w = module.conv.weight
    assert w.device.type == "cpu" and w.is_contiguous() and not w.is_contiguous(memory_format=torch.channels_last)
    after = module.state_dict()
    assert all(torch.equal(before[k], after[k]) for k in before)  # no BatchNorm statistics updated
    # and it ran in eval mode: the same vectors twice (Dropout off)
    again = dq.embed(imgs, embedder=module, image_size=16, cache_dir=False, progress=False)
    assert np.array_equal(again, dq.embed(imgs, embedder=module, image_size=16, cache_dir=False, progress=False))
    assert module.training


# -- 3. config["backend"] says what ran -------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["embeddings", "text", "tabular"])
def test_config_backend_says_nothing_ran_on_ray_for_texts_tables_and_vectors(kind):
    rng = np.random.default_rng(0)
    data = {"embeddings": rng.normal(size=(30, 8)).astype(np.float32),
            "text": [f"note {i} about item {i % 7}" for i in range(30)],
            "tabular": pd.DataFrame({"a": rng.normal(size=30), "b": rng.normal(size=30)})}[kind]
    r = dq.audit(data, labels=np.repeat([0, 1, 2], 10), kind=kind, backend="ray", checks=["exact_duplicate"], **QUIET)
    assert r.config["backend"]["name"] == "in_process"
    assert r.config["backend"]["requested"]["name"] == "ray"
    assert "per-image" in r.config["backend"]["note"]
