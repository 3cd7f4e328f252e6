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
    # a DataFrame of vectors with its label column, as the data's
    vec = pd.DataFrame(rng.normal(size=(60, 8)), columns=[f"f{i}" for i in range(8)]).assign(label=df["outcome"])
    ref_vec = pd.DataFrame(rng.normal(size=(30, 8)), columns=[f"f{i}" for i in range(8)]).assign(label=ref["outcome"])
    r = dq.audit(vec, labels="label", kind="embeddings", reference=ref_vec, checks=["leakage"], **QUIET)
    assert r.errors == {} and r.findings["distribution_shift"]["n_reference"] == 30


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


# -- 4. vectors of extreme scale keep their directions ------------------------------------------------------
def _planted_vectors():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(60, 8)), np.repeat([0, 1, 2], 20)
    X[:20] += 4
    X[20:40] -= 4
    X[5] = X[6]  # an exact copy
    X[7] = X[8] + 1e-4  # a near copy
    y[10] = 1  # a wrong label
    X[59] = 0  # no vector at all
    return X, y


@pytest.mark.parametrize("scale,dtype", [(1e-29, np.float32), (1e-29, np.float64), (1e20, np.float64)])
def test_vectors_of_tiny_or_huge_scale_are_audited_as_at_unit_scale(scale, dtype):
    X, y = _planted_vectors()
    checks = ["exact_duplicate", "near_duplicate", "label", "missing_value"]
    want = dq.audit(X.astype(np.float32), labels=y, kind="embeddings", checks=checks, **QUIET)
    got = dq.audit((X * scale).astype(dtype), labels=y, kind="embeddings", checks=checks, **QUIET)
    assert sorted(want.flagged("near_duplicate")) == ["7", "8"] and sorted(want.flagged("label")) == ["10"]
    for name in checks:
        assert sorted(got.flagged(name)) == sorted(want.flagged(name)), name
    assert sorted(got.flagged("missing_value")) == ["59"]  # only the true zero row


def test_unit_rows_keep_the_direction_of_tiny_and_huge_rows():
    from dataquality.compute._neighbors import _unit_rows

    X = np.array([[3e-30, 4e-30], [3e30, 4e30], [0.0, 0.0], [3.0, 4.0]])
    U = _unit_rows(X, 0, 4)
    assert U.dtype == np.float32
    np.testing.assert_allclose(U[[0, 1, 3]], [[0.6, 0.8]] * 3, rtol=1e-6)
    assert not U[2].any()


@pytest.mark.parametrize("scale,dtype", [(1e-29, np.float32), (1e20, np.float64)])
def test_faiss_finds_the_same_neighbours_at_tiny_or_huge_scale(scale, dtype):
    pytest.importorskip("faiss")
    from dataquality.compute._faiss import FaissIndex

    X = np.random.default_rng(3).normal(size=(600, 64))
    want_i, want_d = FaissIndex(nlist=8, nprobe=8, codes="fp16").search(X.astype(np.float32), 4)
    got_i, got_d = FaissIndex(nlist=8, nprobe=8, codes="fp16").search((X * scale).astype(dtype), 4)
    assert np.array_equal(got_i, want_i)
    np.testing.assert_allclose(got_d, want_d, atol=1e-5)


# -- 5. a cached run's config says what the index chose -----------------------------------------------------
def test_cached_neighbours_keep_the_faiss_settings_used(tmp_path):
    pytest.importorskip("faiss")
    X = np.random.default_rng(0).normal(size=(400, 32)).astype(np.float32)
    kw = dict(kind="embeddings", neighbors="faiss", cache_dir=tmp_path, progress=False, checks=["near_duplicate"])
    first = dq.audit(X, **kw).config["neighbors"]
    again = dq.audit(X, **kw).config["neighbors"]
    assert "cached" not in first and first["nlist_used"] >= 1 and first["nprobe_used"] >= 1
    assert again["cached"] is True
    assert (again["nlist_used"], again["nprobe_used"]) == (first["nlist_used"], first["nprobe_used"])


def test_a_users_module_on_another_device_runs_as_a_copy_there():
    torch = pytest.importorskip("torch")
    from dataquality.embeddings._image import ModuleEmbedder

    module = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten()).train()
    emb = ModuleEmbedder(module, image_size=16)
    there = emb._module_on("meta")  # a device the module is not on (as a GPU is for a module left on the CPU)
    assert there is not module and next(there.parameters()).device.type == "meta"
    assert emb._module_on("meta") is there  # copied once
    assert emb._module_on("cpu") is module and next(module.parameters()).device.type == "cpu" and module.training


# -- an embedder= that cannot run on the data is refused, not failed in every check or silently ignored --------
def test_an_embedder_that_cannot_run_on_the_data_is_refused():
    torch = pytest.importorskip("torch")
    module = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten())
    texts, y = [f"text {i} here" for i in range(30)], np.repeat([0, 1, 2], 10)
    # every check failed with a bare NotImplementedError, exit 0
    with pytest.raises(dq.DataQualityError, match="nn.Module embedder embeds image batches.*dataset is text"):
        dq.audit(texts, labels=y, embedder=module, **QUIET)
    with pytest.raises(dq.DataQualityError, match="PixelEmbedder is for image data but the dataset is text"):
        dq.audit(texts, labels=y, embedder=dq.embeddings.get_embedder("pixels"), **QUIET)
    # on vectors the embedder never ran, while the report's config named it
    X = np.random.default_rng(0).normal(size=(30, 8))
    for embedder in (module, lambda batch: [[1.0, 2.0]] * len(batch)):
        with pytest.raises(dq.DataQualityError, match="vectors you computed.*would not run"):
            dq.audit(X, labels=y, kind="embeddings", embedder=embedder, **QUIET)


@pytest.mark.parametrize("scale", [1e6, 1e-9])
def test_a_text_embedding_function_of_large_or_tiny_values_survives_float16(scale):
    """The text path keeps embeddings as float16: values past 65504 were rows of inf (the label check failed with
    sklearn's NaN message), values under 6e-8 rows of zeros (every flag gone)."""
    X, y = _planted_vectors()
    texts = [f"ticket {i}: printer {i % 5}" for i in range(len(X))]
    table = dict(zip(texts, X))
    checks = ["near_duplicate", "label"]

    def audit(s):
        return dq.audit(texts, labels=y, embedder=lambda batch: [table[t] * s for t in batch], checks=checks, **QUIET)

    want, got = audit(1.0), audit(scale)
    assert got.errors == {} and np.isfinite(got.embeddings.astype(np.float32)).all()
    assert "10" in want.flagged("label")
    for name in checks:
        assert sorted(got.flagged(name)) == sorted(want.flagged(name)), name


@pytest.mark.parametrize("scale,what", [(1e6, "would become infinite"), (1e-9, "would make them zero")])
def test_an_image_module_whose_vectors_float16_cannot_hold_is_refused(scale, what):
    """Image embeddings are kept as float16: such a module gave rows of inf or of zeros, and flags vanished."""
    torch = pytest.importorskip("torch")

    class Scaled(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = torch.nn.Conv2d(3, 8, 3)

        def forward(self, x):
            return self.conv(x).mean((2, 3)) * scale

    imgs = np.random.default_rng(0).integers(0, 255, (12, 16, 16, 3), dtype=np.uint8)
    with pytest.raises(dq.DataQualityError, match=f"{what}.*scale near 1"):
        dq.embed(imgs, embedder=Scaled(), image_size=16, cache_dir=False, progress=False)
    with pytest.raises(dq.DataQualityError, match=what):
        dq.embed(imgs, embedder=lambda batch: np.full((len(batch), 4), scale), cache_dir=False, progress=False)
