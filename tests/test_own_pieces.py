"""Users who bring their own pieces (docs/inputs.md): their own tensors, embeddings, datasets and models, in the
shapes they have them. Each case here once gave a silent wrong answer or an unhelpful error."""

import numpy as np
import pytest

import dataquality as dq

torch = pytest.importorskip("torch")

FAST = dict(embedder="pixels", cache_dir=False, progress=False)


def _texture(i: int, size: int = 16) -> np.ndarray:
    return (np.random.default_rng(i).random((size, size, 3)) * 255).astype(np.uint8)


def test_a_bare_float_tensor_of_0_255_images_is_read_on_one_scale_like_the_same_numpy_array():
    X = np.stack([_texture(i) for i in range(30)]).astype(np.float32)
    X[4] = np.random.default_rng(99).integers(0, 2, X[4].shape)  # a black frame with 0/1 sensor noise, in 0-255
    t = torch.from_numpy(X).permute(0, 3, 1, 2)  # N,C,H,W as a model takes it
    y = [i % 2 for i in range(30)]
    assert dq.audit(X, y, checks=["dark"], **FAST).flagged("dark") == ["4"]
    assert dq.audit(t, y, checks=["dark"], **FAST).flagged("dark") == ["4"]  # not read as 0-1, i.e. white noise
    assert dq.audit(list(t), y, checks=["dark"], **FAST).flagged("dark") == ["4"]  # a list of tensors likewise


def test_a_bare_2d_tensor_is_a_table_like_the_same_numpy_array_not_a_dataset_of_broken_images():
    E = torch.randn(40, 6)
    ds = dq.as_dataset(E, labels=[i % 2 for i in range(40)])
    assert ds.modality == "tabular" and ds.findings["read_as"] == "numpy array of 6 features per row"
    assert dq.as_dataset(E, kind="embeddings").modality == "embeddings"


def test_a_tensor_dataset_of_0_255_floats_is_read_on_one_scale_so_a_black_frame_stays_dark():
    X = np.stack([_texture(i) for i in range(30)]).astype(np.float32)
    X[4] = np.random.default_rng(99).integers(0, 2, X[4].shape)  # black with 0/1 noise: not 0-1 white noise
    t = torch.from_numpy(X).permute(0, 3, 1, 2)
    td = torch.utils.data.TensorDataset(t, torch.tensor([i % 2 for i in range(30)]))
    assert dq.audit(td, checks=["dark"], **FAST).flagged("dark") == ["4"]
    order = [4, *range(20, 30), *range(4)]  # a Subset in its own order, of a ConcatDataset
    sub = torch.utils.data.Subset(torch.utils.data.ConcatDataset([td]), order)
    assert dq.audit(sub, checks=["dark"], **FAST).flagged("dark") == ["0"]


def _images(n: int = 24) -> list:
    return [_texture(i) for i in range(n)]


def test_an_embedder_callable_returning_nan_vectors_is_refused_not_turned_into_check_crashes():
    bad = lambda ims: np.where(np.arange(len(ims))[:, None] == 1, np.nan, 1.0) * np.ones((len(ims), 4))  # noqa: E731
    with pytest.raises(dq.DataQualityError, match="NaN or infinite values for 1 of"):
        dq.audit(_images(), labels=[i % 2 for i in range(24)], embedder=bad, cache_dir=False, progress=False)


def test_an_embedder_module_returning_a_tuple_or_nan_is_refused_saying_what_it_returned():
    net = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten())

    class Pair(torch.nn.Module):  # as many models do: (features, logits)
        def __init__(self):
            super().__init__()
            self.net = net

        def forward(self, x):
            return self.net(x), x.mean()

    class Broken(Pair):
        def forward(self, x):
            return self.net(x) / 0.0 * 0.0  # NaN everywhere

    kw = dict(labels=[i % 2 for i in range(24)], embedder_settings={"image_size": 16}, cache_dir=False, progress=False)
    with pytest.raises(dq.DataQualityError, match="returned a tuple of 2, not one tensor"):
        dq.audit(_images(), embedder=Pair(), **kw)
    with pytest.raises(dq.DataQualityError, match="NaN or infinite"):
        dq.audit(_images(), embedder=Broken(), **kw)
