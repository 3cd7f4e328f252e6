"""Inputs in the messy shapes real data comes in (docs/inputs.md): each read as the user meant it, or refused with
a message that says what to do. Every case here once gave a silent wrong answer or an unhelpful error."""

import subprocess
import sys
import unicodedata

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import dataquality as dq

from .conftest import write_png

FAST = dict(embedder="pixels", cache_dir=False, progress=False)


def _texture(i: int, size: int = 32) -> np.ndarray:
    return (np.random.default_rng(i).random((size, size, 3)) * 255).astype(np.uint8)


def test_labels_given_in_order_follow_the_sorted_paths_when_files_sit_beside_subfolders(tmp_path):
    # the walk lists a folder's own files (b.png) before its subfolders' (a/1.png); "sorted by path" puts a/ first
    for rel in ("a/1.png", "a/2.png", "b.png", "c/d/3.png", "c/e.png"):
        write_png(tmp_path / rel, _texture(len(rel)))
    ds = dq.as_dataset(tmp_path, labels=["v", "w", "x", "y", "z"])
    assert list(ds.ids) == ["a/1.png", "a/2.png", "b.png", "c/d/3.png", "c/e.png"]
    assert dict(zip(ds.ids, ds.labels)) == {"a/1.png": "v", "a/2.png": "w", "b.png": "x", "c/d/3.png": "y",
                                            "c/e.png": "z"}


def test_a_dark_frame_stays_dark_in_16_bit_float_and_boolean_arrays():
    X = np.stack([_texture(i) for i in range(30)])
    y = [i % 2 for i in range(30)]
    wide = X.astype(np.uint16) * 257
    wide[3] = X[3] // 2  # brightest pixel 127 of 65535: black, not half-bright
    assert dq.audit(wide, y, checks=["dark"], **FAST).flagged("dark") == ["3"]
    floats = X.astype(np.float32)  # values 0-255 in float
    floats[5] /= 300  # brightest under 1: still a 0-255 frame, near black
    assert dq.audit(floats, y, checks=["dark"], **FAST).flagged("dark") == ["5"]
    unit = X.astype(np.float32) / 255  # 0-1 floats: as before
    unit[7] *= 0.05
    assert dq.audit(unit, y, checks=["dark"], **FAST).flagged("dark") == ["7"]
    masks = np.random.default_rng(0).random((20, 16, 16)) > 0.5  # True is white, not 1 of 255
    assert dq.audit(masks, checks=["dark"], **FAST).flagged("dark") == []


def test_a_dark_float_tiff_is_read_on_its_range_not_its_own_maximum(tmp_path):
    for i in range(25):
        a = _texture(i).mean(axis=2).astype(np.float32)  # 0-255 floats (mode F)
        Image.fromarray(a / 17 if i == 4 else a, "F").save(tmp_path / f"{i:02d}.tif")
    assert dq.audit(tmp_path, checks=["dark"], **FAST).flagged("dark") == ["04.tif"]


def test_a_stray_image_beside_the_wrapper_folder_keeps_the_classes(tmp_path):
    for c in ("cat", "dog"):
        for i in range(6):
            write_png(tmp_path / "PetImages" / c / f"{i}.png", _texture(i + 10 * (c == "dog")))
    write_png(tmp_path / "preview.png", _texture(99))
    ds = dq.as_dataset(tmp_path)
    labels = dict(zip(ds.ids, ds.labels))
    assert labels["preview.png"] is None
    assert {labels[i] for i in labels if i != "preview.png"} == {"cat", "dog"}
    assert any("PetImages/" in n for n in ds.findings["notes"])


def test_one_class_named_like_a_split_is_a_class_and_split_folders_are_still_refused(tmp_path):
    for c in ("valid", "invalid"):
        for i in range(4):
            write_png(tmp_path / "a" / c / f"{i}.png", _texture(i + 10 * (c == "valid")))
    assert set(dq.as_dataset(tmp_path / "a").labels) == {"valid", "invalid"}
    for c in ("train", "test"):
        for i in range(4):
            write_png(tmp_path / "b" / c / f"{i}.png", _texture(i))
    with pytest.raises(dq.DataQualityError, match="named like data splits"):
        dq.as_dataset(tmp_path / "b")


def test_integral_float_labels_in_a_csv_are_the_integers(tmp_path):
    for i in range(20):
        write_png(tmp_path / "img" / f"{i}.png", _texture(i))
    # a column of integers with one gap, written by pandas as 1.0, 2.0 ...
    pd.DataFrame({"path": [f"{i}.png" for i in range(20)],
                  "label": [np.nan] + [float(i % 3) for i in range(1, 20)]}).to_csv(tmp_path / "l.csv", index=False)
    ds = dq.as_dataset(tmp_path / "img", labels=tmp_path / "l.csv")
    assert set(ds.labels) - {None} == {"0", "1", "2"}
    r = dq.audit(tmp_path / "img", labels=tmp_path / "l.csv", classes=[0, 1, 2], checks=["missing_label"], **FAST)
    assert r.findings["labels"]["classes_not_declared"] == []
    assert r.findings["labels"]["declared_classes_without_examples"] == []
    # a column that is not all integral stays as written
    assert set(dq.data._labels.normalise_labels(["1.0", "1.5", None])) == {"1.0", "1.5", None}


def test_names_decomposed_on_disk_match_the_composed_names_of_the_labels_file(tmp_path):
    rows = []
    for i in range(12):
        name = f"café_{i}.png" if i < 6 else f"plain_{i}.png"
        write_png(tmp_path / "img" / unicodedata.normalize("NFD", name), _texture(i))  # as macOS stores it
        rows.append((unicodedata.normalize("NFC", name), i % 2))
    pd.DataFrame(rows, columns=["path", "label"]).to_csv(tmp_path / "l.csv", index=False)
    ds = dq.as_dataset(tmp_path / "img", labels=tmp_path / "l.csv")
    assert len(ds) == 12 and None not in list(ds.labels)
    assert "rows_without_file" not in ds.findings and "files_without_label" not in ds.findings


def test_a_labels_series_in_another_order_is_paired_by_index(tmp_path):
    paths = [str(write_png(tmp_path / f"{i}.png", _texture(i))) for i in range(12)]
    df = pd.DataFrame({"filepath": paths, "label": [f"c{i % 3}" for i in range(12)]})
    ds = dq.as_dataset(df[["filepath"]], labels=df.sample(frac=1, random_state=0)["label"])
    assert [lab for lab in ds.labels] == df["label"].tolist()
    assert any("by index" in n for n in ds.findings["notes"])
    # an index the table does not have: refused, not paired by guess
    other = pd.Series(df["label"].to_numpy()[:8], index=range(100, 108))
    with pytest.raises(dq.DataQualityError, match="to_numpy"):
        dq.as_dataset(df[["filepath"]].iloc[4:], labels=other)
    # a plain Series (default index) of a filtered table: by position, as a list would be
    ds = dq.as_dataset(df[["filepath"]].iloc[4:], labels=pd.Series(df["label"].to_numpy()[4:]))
    assert list(ds.labels) == df["label"].tolist()[4:]


def test_a_bare_file_name_found_in_two_folders_says_so(tmp_path):
    for c in ("cat", "dog"):
        for i in range(4):
            write_png(tmp_path / "img" / c / f"{i:02d}.png", _texture(i + 10 * (c == "dog")))
    (tmp_path / "l.csv").write_text("path,label\n" + "".join(f"cat/{i:02d}.png,cat\n" for i in range(1, 4))
                                    + "00.png,dog\n" + "".join(f"dog/{i:02d}.png,dog\n" for i in range(4)))
    r = dq.audit(tmp_path / "img", labels=tmp_path / "l.csv", checks=["unreadable"], **FAST)
    row = r.issues[r.issues.issue == "unreadable"]
    assert list(row.id) == ["00.png"]
    assert "names 2 files" in row.detail.iloc[0] and "relative to the folder" in row.detail.iloc[0]


def test_a_folder_or_an_image_given_as_the_labels_file_is_named_as_such(tmp_path):
    for i in range(4):
        write_png(tmp_path / "img" / f"{i}.png", _texture(i))
    with pytest.raises(dq.DataQualityError, match="is a folder"):
        dq.as_dataset(tmp_path / "img", labels=tmp_path)
    with pytest.raises(dq.DataQualityError, match="is an image file"):
        dq.as_dataset(tmp_path / "img", labels=tmp_path / "img" / "0.png")


def test_python_dash_m_dataquality_runs_the_command_line():
    out = subprocess.run([sys.executable, "-m", "dataquality", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and dq.__version__ in out.stdout + out.stderr


def test_standardised_tensors_are_refused_with_what_to_pass_instead():
    import torch

    class Normalised(torch.utils.data.Dataset):  # ToTensor() then Normalize(mean, std): values around 0
        def __len__(self):
            return 12

        def __getitem__(self, i):
            x = torch.rand(3, 16, 16, generator=torch.Generator().manual_seed(i))
            return (x - 0.45) / 0.225, i % 2

    with pytest.raises(dq.DataQualityError, match="standardised.*Normalize transform"):
        dq.as_dataset(Normalised())
    with pytest.raises(dq.DataQualityError, match="standardised.*before normalising"):
        dq.as_dataset(np.random.default_rng(0).normal(size=(10, 16, 16, 3)).astype(np.float32))
    # rounding just under 0 is not a spread around it
    ok = np.random.default_rng(0).random((10, 16, 16, 3)).astype(np.float32) - 1e-4
    assert len(dq.as_dataset(ok)) == 10


def test_a_labels_series_that_cannot_be_paired_by_index_says_why(tmp_path):
    paths = [str(write_png(tmp_path / f"{i}.png", _texture(i))) for i in range(6)]
    df = pd.DataFrame({"filepath": paths}, index=[0, 0, 1, 1, 2, 2])  # a repeated index (concatenated tables)
    shuffled = pd.Series(list("abcdef"), index=[2, 2, 1, 1, 0, 0])
    with pytest.raises(dq.DataQualityError, match="index repeats values"):
        dq.as_dataset(df, labels=shuffled)


def test_an_iterable_style_torch_dataset_is_refused_for_what_it_lacks():
    import torch

    class Stream(torch.utils.data.IterableDataset):
        def __iter__(self):
            return iter([(torch.rand(3, 8, 8), 0)] * 4)

    with pytest.raises(dq.DataQualityError, match="iterable-style torch dataset: it has no length"):
        dq.as_dataset(Stream())


def _png_bytes(a) -> bytes:
    import io

    buf = io.BytesIO()
    Image.fromarray(a).save(buf, format="PNG")
    return buf.getvalue()


def test_tensor_labels_are_their_values_and_a_multi_label_tensor_is_refused():
    import torch

    X = np.stack([_texture(i, 16) for i in range(20)])
    ds = dq.as_dataset(list(X), labels=[torch.tensor(i % 3) for i in range(20)])
    assert ds.classes == [0, 1, 2]  # each tensor was a class of its own (hashed by identity)
    with pytest.raises(dq.DataQualityError, match="one label per example"):
        dq.as_dataset(list(X[:4]), labels=[torch.tensor([0, 1])] * 4)


def test_image_cells_holding_a_path_are_read_from_it_wherever_the_process_runs(tmp_path, monkeypatch):
    import torch

    paths = [str(write_png(tmp_path / "imgs" / f"{i}.png", _texture(i))) for i in range(12)]

    class Records(torch.utils.data.Dataset):  # a Hugging Face Image(decode=False) column, as a torch dataset
        def __len__(self):
            return 12

        def __getitem__(self, i):
            return {"image": {"bytes": None, "path": paths[i]}, "label": i % 2}

    r = dq.audit(Records(), embedder="pixels", checks=["unreadable"], progress=False, cache_dir=False)
    assert r.n == 12 and r.flagged("unreadable") == []
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # absolute paths in a table built here: read where they are
    df = pd.DataFrame({"image": [{"bytes": None, "path": p} for p in paths], "label": [i % 2 for i in range(12)]})
    r = dq.audit(df, "label", embedder="pixels", checks=["unreadable"], progress=False, cache_dir=False)
    assert r.flagged("unreadable") == []


@pytest.mark.parametrize("at", [4, 60])
def test_a_text_cell_in_a_column_of_image_bytes_is_that_rows_problem(at):
    cells = [_png_bytes(_texture(i)) for i in range(70)]
    cells[at] = "imgs/sub/3.png"
    r = dq.audit(pd.DataFrame({"blob": cells, "label": [i % 2 for i in range(70)]}), "label", embedder="pixels",
                 checks=["unreadable"], progress=False, cache_dir=False)
    assert r.n == 70 and r.flagged("unreadable") == [str(at)]
    assert "a text cell" in r.issues["detail"].iloc[0]


def test_file_uris_in_a_manifest_name_the_files_and_a_backslash_escape_is_refused(tmp_path):
    root = tmp_path / "imgs"
    paths = [write_png(root / f"{i}.png", _texture(i)) for i in range(6)]
    (root / "m.csv").write_text("path,label\n" + "".join(f"file://{p},{i % 2}\n" for i, p in enumerate(paths)))
    r = dq.audit(root / "m.csv", embedder="pixels", checks=["unreadable"], progress=False, cache_dir=False)
    assert r.n == 6 and r.flagged("unreadable") == []
    write_png(tmp_path / "secret.png", _texture(99))
    (root / "m2.csv").write_text("path,label\n0.png,a\n..\\secret.png,b\n1.png,a\n")
    with pytest.raises(dq.DataQualityError, match="outside the dataset root"):
        dq.as_dataset(root / "m2.csv")


def test_the_report_counts_rows_that_name_a_file_twice(tmp_path):
    for i in range(4):
        write_png(tmp_path / f"{i}.png", _texture(i))
    (tmp_path / "m.csv").write_text("path,label\n0.png,a\n1.png,b\n1.png,b\n2.png,a\n3.png,b\n")
    r = dq.audit(tmp_path / "m.csv", embedder="pixels", checks=["unreadable"], progress=False, cache_dir=False)
    assert r.n == 5 and "1 row naming a file another row names" in str(r)


def test_a_labels_dict_naming_a_file_of_two_folders_says_so(tmp_path):
    # a bare name in two class folders names neither: the error says so (it read "The labels file the labels dict")
    for c in ("cat", "dog"):
        (tmp_path / c).mkdir()
        for n in ("a.png", "b.png"):
            Image.fromarray(np.zeros((16, 16, 3), np.uint8)).save(tmp_path / c / n)
    with pytest.raises(dq.DataQualityError) as e:
        dq.audit(str(tmp_path), labels={"a.png": "cat"}, progress=False, cache_dir=False)
    msg = str(e.value)
    assert msg.startswith("The labels dict does not match")
    assert "bare file names found in more than one folder" in msg and "'a.png'" in msg
