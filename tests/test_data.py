"""as_dataset: every input form, hostile files, stable ids and labels."""

import io

import numpy as np
import pandas as pd
import pytest
import torch
from PIL import Image

import dataquality as dq

from .conftest import write_png


def test_folder_imagefolder_layout(image_folder):
    ds = dq.as_dataset(image_folder)
    assert ds.modality == "image" and len(ds) == 40
    assert all(i.startswith("c") and i.endswith(".png") for i in ds.ids)
    assert ds.labels[0] == ds.ids[0].split("/")[0]
    assert ds.classes == sorted(ds.classes)
    assert ds.load_image(0).ok


def test_folder_with_bad_files_records_reasons(tmp_path, digits):
    X, _ = digits
    root = tmp_path / "bad"
    write_png(root / "a" / "good.png", X[0])
    (root / "a" / "zero.png").write_bytes(b"")
    buf = io.BytesIO()
    Image.fromarray(X[1]).save(buf, format="PNG")
    (root / "a" / "trunc.png").write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    (root / "a" / "text.jpg").write_text("hello, not a jpeg")
    Image.fromarray(X[2]).convert("CMYK").save(root / "a" / "cmyk.jpg")
    Image.fromarray((X[3][..., 0].astype(np.uint16) * 257)).save(root / "a" / "deep16.png")
    write_png(root / "a" / "alpha.png", X[4], mode="RGBA")
    write_png(root / "a" / "naïve-日本.png", X[5])
    (root / "a" / "notes.txt").write_text("not an image")
    ds = dq.as_dataset(root)
    ids = {i: k for k, i in enumerate(ds.ids)}
    assert "a/notes.txt" not in ids and "a/notes.txt" in ds.findings["skipped_files"]
    reasons = {i: ds.load_image(k).error for i, k in ids.items()}
    assert reasons["a/zero.png"] == "empty file (0 bytes)"
    assert reasons["a/trunc.png"].startswith(("truncated", "not decodable"))
    assert reasons["a/text.jpg"].startswith("not decodable")
    for ok in ("a/good.png", "a/cmyk.jpg", "a/deep16.png", "a/alpha.png", "a/naïve-日本.png"):
        li = ds.load_image(ids[ok])
        assert li.ok and li.image.mode == "RGB", (ok, li.error)
    assert ds.load_image(ids["a/cmyk.jpg"]).mode == "CMYK"
    assert ds.load_image(ids["a/deep16.png"]).mode.startswith("I")
    assert ds.load_image(ids["a/alpha.png"]).mode == "RGBA"


def test_empty_folder_raises(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(dq.DataQualityError, match="No image files"):
        dq.as_dataset(tmp_path / "empty")


def test_missing_path_raises(tmp_path):
    with pytest.raises(dq.DataQualityError, match="does not exist"):
        dq.as_dataset(tmp_path / "nope")


def test_flat_folder_with_labels_csv(tmp_path, digits):
    X, y = digits
    for i in range(6):
        write_png(tmp_path / "flat" / f"{i}.png", X[i])
    write_png(tmp_path / "flat" / "unlisted.png", X[7])
    pd.DataFrame({"path": [f"{i}.png" for i in range(6)], "label": ["cat", "dog", "", "cat", "dog", "cat"]}).to_csv(
        tmp_path / "labels.csv", index=False)
    ds = dq.as_dataset(tmp_path / "flat", labels=tmp_path / "labels.csv")
    # every image under the folder: the listed ones in the file's order, then the one with no row
    assert ds.ids == [f"{i}.png" for i in range(6)] + ["unlisted.png"]
    assert ds.classes == ["cat", "dog"]
    assert ds.missing_label_mask.tolist() == [False, False, True, False, False, False, True]
    assert ds.findings["files_without_label"] == 1


def test_manifest_csv_and_parquet(tmp_path, digits):
    X, y = digits
    for i in range(5):
        write_png(tmp_path / "img" / f"{i}.png", X[i])
    df = pd.DataFrame({"path": [f"img/{i}.png" for i in range(5)], "label": [int(v) for v in y[:5]]})
    df.to_csv(tmp_path / "m.csv", index=False)
    df.to_parquet(tmp_path / "m.parquet")
    a = dq.as_dataset(tmp_path / "m.csv")
    b = dq.as_dataset(tmp_path / "m.parquet")
    assert a.ids == b.ids == [f"img/{i}.png" for i in range(5)]
    assert [str(v) for v in a.labels] == [str(v) for v in b.labels]


def test_manifest_path_escaping_root_is_refused(tmp_path, digits):
    write_png(tmp_path / "ok.png", digits[0][0])
    pd.DataFrame({"path": ["ok.png", "../../etc/passwd"], "label": ["a", "b"]}).to_csv(tmp_path / "m.csv", index=False)
    with pytest.raises(dq.DataQualityError, match="outside the dataset root"):
        dq.as_dataset(tmp_path / "m.csv")


def test_manifest_duplicate_rows_get_unique_ids(tmp_path, digits):
    write_png(tmp_path / "a.png", digits[0][0])
    pd.DataFrame({"path": ["a.png", "a.png"], "label": ["x", "x"]}).to_csv(tmp_path / "m.csv", index=False)
    ds = dq.as_dataset(tmp_path / "m.csv")
    assert ds.ids == ["a.png", "a.png#2"]


def test_dataframe_forms():
    tab = dq.as_dataset(pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": ["x", "y", "x"], "label": [0, 1, 0]}))
    assert tab.modality == "tabular" and list(tab.features.columns) == ["a", "b"]
    assert tab.labels.tolist() == [0, 1, 0]
    txt = dq.as_dataset(pd.DataFrame({"text": ["hi there", "bye"], "y": ["p", "n"]}), labels="y")
    assert txt.modality == "text" and txt.texts == ["hi there", "bye"] and txt.labels.tolist() == ["p", "n"]


def test_numpy_images_and_features():
    imgs = dq.as_dataset(np.zeros((3, 8, 8, 3), dtype=np.uint8), labels=[1, 0, 1])
    assert imgs.modality == "image" and imgs.ids == ["0", "1", "2"] and imgs.classes == [0, 1]
    assert imgs.load_image(1).image.size == (8, 8)
    feats = dq.as_dataset(np.ones((4, 3)), labels=["a", "b", "a", None])
    assert feats.modality == "tabular" and feats.label_codes.tolist() == [0, 1, 0, -1]


def test_pil_list_and_text_list():
    pil = dq.as_dataset([Image.new("RGB", (5, 5)), Image.new("L", (5, 5))], labels=["a", "b"])
    assert pil.modality == "image" and pil.load_image(1).mode == "L"
    txt = dq.as_dataset(["one", "two"])
    assert txt.modality == "text" and not txt.has_labels


def test_torch_dataset():
    class TD(torch.utils.data.Dataset):
        def __len__(self):
            return 4

        def __getitem__(self, i):
            if i == 3:
                raise IOError("disk on fire")
            return torch.rand(3, 10, 10), i % 2

    ds = dq.as_dataset(TD())
    assert len(ds) == 4 and ds.labels.tolist()[:3] == [0, 1, 0]
    assert ds.load_image(0).ok
    assert "disk on fire" in ds.load_image(3).error


def test_label_names_kept_and_order_deterministic():
    a = dq.as_dataset(["x"] * 4, labels=["zebra", "ant", "moth", "ant"])
    b = dq.as_dataset(["x"] * 4, labels=["moth", "ant", "zebra", "zebra"])
    assert a.classes == b.classes == ["ant", "moth", "zebra"]
    assert a.label_codes.tolist() == [2, 0, 1, 0]


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(dq.DataQualityError, match="empty"):
        dq.as_dataset([])
    with pytest.raises(dq.DataQualityError, match="Expected 3 labels"):
        dq.as_dataset(["a", "b", "c"], labels=[1, 2])
    with pytest.raises(dq.DataQualityError, match="Cannot read a dataset"):
        dq.as_dataset(42)
    with pytest.raises(dq.DataQualityError, match="shape"):
        dq.as_dataset(np.zeros((2, 3, 4, 5, 6)))


def test_fingerprint_tracks_content(tmp_path, digits):
    X, _ = digits
    p = write_png(tmp_path / "d" / "a.png", X[0])
    write_png(tmp_path / "d" / "b.png", X[1])
    f1 = dq.as_dataset(tmp_path / "d").fingerprint
    assert dq.as_dataset(tmp_path / "d").fingerprint == f1
    import os
    import time

    write_png(p, X[2])
    os.utime(p, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    assert dq.as_dataset(tmp_path / "d").fingerprint != f1
    assert dq.as_dataset(X[:3]).fingerprint != dq.as_dataset(X[1:4]).fingerprint


def test_subset_is_a_view(image_folder):
    ds = dq.as_dataset(image_folder)
    sub = ds.subset([3, 1])
    assert sub.ids == [ds.ids[3], ds.ids[1]]
    assert sub.paths == [ds.paths[3], ds.paths[1]]
    assert np.array_equal(np.asarray(sub.load_image(0).image), np.asarray(ds.load_image(3).image))


def test_missing_labels_file_is_named(image_folder, tmp_path):
    with pytest.raises(dq.DataQualityError, match="labels file .*nope.csv does not exist"):
        dq.as_dataset(image_folder, labels=tmp_path / "nope.csv")
