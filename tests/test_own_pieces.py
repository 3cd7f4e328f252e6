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


def _vectors_by_name(n_per: int = 40):
    import pandas as pd

    rng = np.random.default_rng(0)
    y = np.repeat(np.arange(3), n_per)
    E = rng.normal(0, 1.0, (len(y), 16))
    E[np.arange(len(y)), y] += 6
    names = [f"img_{i:03d}.jpg" for i in range(len(y))]
    return pd.DataFrame(E, index=names), pd.Series([f"c{v}" for v in y], index=names)


def test_a_dataframe_of_embeddings_pairs_a_shuffled_labels_series_by_index_and_reports_rows_by_its_index():
    df, labels = _vectors_by_name()
    labels.iloc[[3, 50, 90]] = ["c1", "c2", "c0"]  # three planted flips
    shuffled = labels.sample(frac=1, random_state=1)  # the same names in another order (a merge, a groupby)
    r = dq.audit(df, labels=shuffled, kind="embeddings", cache_dir=False, progress=False)
    assert sorted(r.flagged("label")) == ["img_003.jpg", "img_050.jpg", "img_090.jpg"]  # were positions, mis-paired
    assert "by index" in " ".join(r.findings["dataset"]["notes"])
    assert len(r.clean_subset()) == len(df) - 3 and "img_050.jpg" not in r.clean_subset().ids
    with pytest.raises(dq.DataQualityError, match="index does not match"):
        dq.audit(df, labels=shuffled.set_axis(range(len(df))[::-1]), kind="embeddings", cache_dir=False,
                 progress=False)


def test_a_dataframe_of_embeddings_takes_its_label_column_out_of_the_vectors():
    df, labels = _vectors_by_name()
    ds = dq.as_dataset(df.assign(label=labels), labels="label", kind="embeddings")
    assert ds.vectors.shape == (len(df), 16) and list(ds.labels[:2]) == ["c0", "c0"]
    with pytest.raises(dq.DataQualityError, match="not a column"):
        dq.as_dataset(df, labels="lable", kind="embeddings")


class _Items(torch.utils.data.Dataset):
    """(image, label) items from CHW tensors; ``targets`` as torchvision keeps them."""

    def __init__(self, n=24, label=lambda i: i % 3, target_transform=None, targets=None):
        self.n, self.label, self.target_transform = n, label, target_transform
        self.targets = targets if targets is not None else [i % 3 for i in range(n)]
        self.classes = ["zero", "one", "two"]

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        y = self.label(i)
        return torch.from_numpy(_texture(i)).permute(2, 0, 1), (self.target_transform(y) if self.target_transform
                                                               else y)


def test_a_datasets_targets_are_not_taken_when_a_target_transform_or_an_edit_changed_the_items_labels():
    grouped = _Items(target_transform=lambda t: "odd" if t % 2 else "even")  # ImageFolder(..., target_transform=)
    ds = dq.as_dataset(grouped)
    assert list(ds.labels) == [grouped[i][1] for i in range(24)]  # were the raw indices 0, 1, 2 of .targets
    assert "class_names" not in ds.findings  # .classes names the indices, not "odd" / "even"
    stale = _Items(label=lambda i: (i + 1) % 3)  # labels fixed in __getitem__, .targets left as it was
    assert list(dq.as_dataset(stale).labels) == [(i + 1) % 3 for i in range(24)]
    plain = dq.as_dataset(_Items())  # targets that agree are still read without loading every image
    assert list(plain.labels) == [i % 3 for i in range(24)] and plain.findings["class_names"] == ["zero", "one", "two"]


def test_one_hot_labels_and_label_first_items_are_errors_that_say_so_not_torch_tracebacks():
    one_hot = _Items(label=lambda i: torch.nn.functional.one_hot(torch.tensor(i % 3), 3))
    del one_hot.targets
    with pytest.raises(dq.DataQualityError, match="one-hot: pass the class index"):
        dq.as_dataset(one_hot)

    class LabelFirst(_Items):
        def __getitem__(self, i):
            return tuple(reversed(super().__getitem__(i)))

    with pytest.raises(dq.DataQualityError, match="image at position 1, not 0"):
        dq.as_dataset(LabelFirst())


class _Records(torch.utils.data.Dataset):
    def __init__(self, make):
        self.make = make

    def __len__(self):
        return 24

    def __getitem__(self, i):
        return self.make(i, _texture(i))


def test_dict_items_never_take_an_id_as_the_label_and_ask_which_key_when_two_could_be():
    ds = dq.as_dataset(_Records(lambda i, im: {"id": 100 + i, "image": im, "digit": i % 3}))
    assert list(ds.labels) == [i % 3 for i in range(24)]  # was the id: every example a class of its own
    assert ds.findings["label_key"] == "digit"
    two = _Records(lambda i, im: {"image": im, "fine": i % 6, "coarse": i % 2})
    with pytest.raises(dq.DataQualityError, match="several keys that could hold the label"):
        dq.as_dataset(two)
    assert list(dq.as_dataset(two, labels="coarse").labels) == [i % 2 for i in range(24)]  # was "not a column"
    unlabelled = dq.as_dataset(_Records(lambda i, im: {"image_id": f"x{i}", "image": im}))
    assert not unlabelled.has_labels


def test_an_image_folder_dataset_names_its_examples_by_file_so_issues_point_at_the_files(tmp_path):
    torchvision = pytest.importorskip("torchvision")
    from PIL import Image

    for i in range(12):
        (tmp_path / f"c{i % 2}").mkdir(exist_ok=True)
        Image.fromarray(_texture(i) // (20 if i == 5 else 1)).save(tmp_path / f"c{i % 2}" / f"{i:02d}.png")
    folder = torchvision.datasets.ImageFolder(str(tmp_path))
    r = dq.audit(folder, checks=["dark"], **FAST)
    assert r.flagged("dark") == ["c1/05.png"]  # was "8": its place in the ImageFolder's order
    sub = torch.utils.data.Subset(folder, [8, 0, 7])
    assert dq.as_dataset(sub).ids == ["c1/05.png", "c0/00.png", "c1/03.png"]
    assert len(r.clean_subset(["dark"])) == 11 and "c1/05.png" not in r.clean_subset(["dark"]).ids


def test_a_label_matrix_says_whether_it_is_one_hot_or_probabilities():
    X = np.stack([_texture(i, 8) for i in range(12)])
    y = np.arange(12) % 3
    with pytest.raises(dq.DataQualityError, match=r"one-hot: pass the class indices \(labels.argmax\(1\)\)"):
        dq.as_dataset(X, labels=np.eye(3)[y])
    with pytest.raises(dq.DataQualityError, match="like predicted probabilities"):
        dq.as_dataset(X, labels=np.random.default_rng(0).dirichlet([1, 1, 1], 12))
