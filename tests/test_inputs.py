"""Inputs read as the user meant them (docs/inputs.md): folders with labels files in the forms people
have, no silent modality guesses, labels that keep their identity, tables as people have them."""

import io
import os
import sys

import numpy as np
import pandas as pd
import pytest
import torch
from PIL import Image

import dataquality as dq

from .conftest import write_png

FAST = dict(embedder="pixels", cache_dir=False, progress=False)


def _png_bytes(arr) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format="PNG")
    return buf.getvalue()


@pytest.fixture
def flat(tmp_path, digits):
    """20 images in a flat folder: img/00.png ... img/19.png; labels 'a'/'b'."""
    X, _ = digits
    root = tmp_path / "img"
    for i in range(20):
        write_png(root / f"{i:02d}.png", X[i])
    return root, [f"{i:02d}.png" for i in range(20)], ["a" if i % 2 else "b" for i in range(20)]


# -- 1. a folder plus a labels file: every image is in the dataset ----------------------------------
@pytest.mark.parametrize("listed", [10, 19])
def test_every_image_under_the_folder_is_audited(flat, tmp_path, listed):
    root, names, labels = flat
    pd.DataFrame({"path": names[:listed], "label": labels[:listed]}).to_csv(tmp_path / "labels.csv", index=False)
    r = dq.audit(root, labels=tmp_path / "labels.csv", checks=["missing_label", "unreadable"], **FAST)
    assert r.n == 20  # 20 files on disk, 20 audited, whatever the labels file lists
    assert sorted(r.flagged("missing_label")) == names[listed:]
    assert r.findings["dataset"].get("files_without_label", 0) == 20 - listed
    assert r.flagged("unreadable") == []


@pytest.mark.parametrize("absent", [["gone.png"], ["gone.png", "sub/lost.png"]])
def test_rows_naming_absent_files_are_unreadable_file_not_found(flat, tmp_path, absent):
    root, names, labels = flat
    rows = pd.DataFrame({"path": names + absent, "label": labels + ["a"] * len(absent)})
    rows.to_csv(tmp_path / "labels.csv", index=False)
    r = dq.audit(root, labels=tmp_path / "labels.csv", checks=["missing_label", "unreadable"], **FAST)
    assert r.n == 20 + len(absent)
    unread = r.issues[r.issues["issue"] == "unreadable"].set_index("id")["detail"]
    assert sorted(unread.index) == sorted(absent)
    assert all("file not found" in d for d in unread)
    assert r.findings["dataset"]["rows_without_file"] == len(absent)
    assert "naming no file" in str(r).splitlines()[3] or "naming no file" in "\n".join(str(r).splitlines()[:6])


def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


LABEL_FILE_FORMS = {
    "path,label": lambda names, labs: "path,label\n" + "".join(f"{n},{lab}\n" for n, lab in zip(names, labs)),
    "file,class": lambda names, labs: "file,class\n" + "".join(f"{n},{lab}\n" for n, lab in zip(names, labs)),
    "filename,label": lambda names, labs: "filename,label\n" + "".join(f"{n},{lab}\n" for n, lab in zip(names, labs)),
    "file_name,category": lambda names, labs: "file_name,category\n" + "".join(
        f"{n},{lab}\n" for n, lab in zip(names, labs)),
    "image,target": lambda names, labs: "image,target\n" + "".join(f"{n},{lab}\n" for n, lab in zip(names, labs)),
    "image_id without extension": lambda names, labs: "image_id,label\n" + "".join(
        f"{n[:-4]},{lab}\n" for n, lab in zip(names, labs)),
    "id,label": lambda names, labs: "id,label\n" + "".join(f"{n[:-4]},{lab}\n" for n, lab in zip(names, labs)),
    "label first, odd path name": lambda names, labs: "species,picture\n" + "".join(
        f"{lab},{n}\n" for n, lab in zip(names, labs)),
    "no header": lambda names, labs: "".join(f"{n},{lab}\n" for n, lab in zip(names, labs)),
    "semicolon": lambda names, labs: "path;label\n" + "".join(f"{n};{lab}\n" for n, lab in zip(names, labs)),
    "tab, no header": lambda names, labs: "".join(f"{n}\t{lab}\n" for n, lab in zip(names, labs)),
    "excel sep= line": lambda names, labs: "sep=;\nfile;label\n" + "".join(f"{n};{lab}\n" for n, lab in zip(names, labs)),
    "quoted, spaces": lambda names, labs: '"path", "label"\n' + "".join(f'"{n}", "{lab}"\n' for n, lab in zip(names, labs)),
    "windows line ends": lambda names, labs: "path,label\r\n" + "".join(f"{n},{lab}\r\n" for n, lab in zip(names, labs)),
}


@pytest.mark.parametrize("form", list(LABEL_FILE_FORMS))
def test_labels_file_in_the_forms_people_have(flat, tmp_path, form):
    root, names, labels = flat
    csv = _write(tmp_path / "labels.csv", LABEL_FILE_FORMS[form](names, labels))
    ds = dq.as_dataset(root, labels=csv)
    assert ds.ids == names and list(ds.labels) == labels, form
    assert ds.findings["labels_file"]["rows_matched"] == 20


@pytest.mark.parametrize("encoding, bom", [("utf-8-sig", "utf-8 (with BOM)"), ("utf-16", "utf-16"),
                                           ("cp1252", "cp1252"), ("utf-16-le", "utf-16-le")])
def test_labels_file_encodings_keep_names(flat, tmp_path, encoding, bom):
    root, names, _ = flat
    labs = ["café" if i % 2 else "cafè" for i in range(20)]
    csv = _write(tmp_path / "labels.csv", "path,label\n" + "".join(f"{n},{lab}\n" for n, lab in zip(names, labs)),
                 encoding)
    ds = dq.as_dataset(root, labels=csv)
    assert ds.classes == ["cafè", "café"]  # two names, neither merged nor mangled
    assert ds.findings["labels_file"]["encoding"].startswith(bom)


def test_quoted_fields_with_delimiters_and_paths_relative_to_the_labels_file(tmp_path, digits):
    X, _ = digits
    root = tmp_path / "data" / "train"
    write_png(root / "a, b.png", X[0])
    write_png(root / "cat" / "c.png", X[1])
    write_png(root / "cat" / "d.png", X[2])
    csv = _write(tmp_path / "data" / "labels.csv",
                 'path,label\n"train/a, b.png","x, y"\ntrain\\cat\\c.png,cat\n./train/cat/d.png,cat\n')
    ds = dq.as_dataset(root, labels=csv)
    assert ds.ids == ["a, b.png", "cat/c.png", "cat/d.png"]
    assert list(ds.labels) == ["x, y", "cat", "cat"]
    assert "labels file's folder" in " ".join(ds.findings["labels_file"]["matched_by"])


@pytest.mark.parametrize("rows, shown", [
    ("id,class\nIMG_1,cat\nIMG_2,dog\nIMG_3,cat\n", "IMG_1"),               # ids of another naming scheme
    ("path,label\nother/01.png,a\nother/02.png,b\n", "other/01.png"),       # paths relative to something else
    ("path,label\n00.png,a\nx1.png,b\nx2.png,b\nx3.png,a\n", "x1.png"),      # one row of four matches
])
def test_labels_file_that_does_not_match_is_a_clear_error(flat, tmp_path, rows, shown):
    root, _, _ = flat
    csv = _write(tmp_path / "labels.csv", rows)
    with pytest.raises(dq.DataQualityError) as exc:
        dq.as_dataset(root, labels=csv)
    msg = str(exc.value)
    assert "does not match the images" in msg and "Columns found" in msg and shown in msg
    assert "first unmatched values" in msg and "'00.png', 'a'" not in msg  # a matched row is not shown
    assert "00.png" in msg  # the files that are there, to compare with


@pytest.mark.parametrize("rows", [
    "image_id,label\n00,a\n01,b\n02,a\n03,b\n",   # ids without extension, images in img/
    "name,label\n00.png,a\n01.png,b\n02.png,a\n",  # file names, but relative to img/, not to the csv
    "file_name,label\nimg/00.png,a\nimg/01.png,b\n",  # a manifest after all: read as images
    "picture;label\nimg/00.png;a\nimg/01.png;b\n",    # the same, any column name, another delimiter
])
def test_a_labels_file_alone_is_never_audited_as_a_table_of_strings(flat, tmp_path, rows):
    csv = _write(tmp_path / "labels.csv", rows)
    try:
        ds = dq.as_dataset(csv)
    except dq.DataQualityError as exc:
        assert "labels" in str(exc) or "exists" in str(exc)
        return
    assert ds.modality == "image"


# -- 3. never guess a modality silently ----------------------------------------------------------
@pytest.mark.parametrize("paths", [["photos/a.jpg", "photos/b.jpg"], ["/nowhere/x.png", "/nowhere/y.png"],
                                   ["a.PNG", "b.jpeg", "c.webp"]])
def test_paths_that_do_not_resolve_are_not_texts(tmp_path, monkeypatch, paths):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(dq.DataQualityError, match="None of the .* paths exists"):
        dq.as_dataset(paths, labels=["x"] * len(paths))


def test_some_paths_missing_are_unreadable_and_a_mixed_list_is_refused(tmp_path, monkeypatch, digits):
    monkeypatch.chdir(tmp_path)
    write_png(tmp_path / "here.png", digits[0][0])
    ds = dq.as_dataset(["here.png", "gone.png"])
    assert ds.modality == "image" and "file not found" in ds.load_image(1).error
    with pytest.raises(dq.DataQualityError, match="mixes image paths"):
        dq.as_dataset(["here.png", "gone.png", "a sentence about cats"])
    assert dq.as_dataset(["here.png", "gone.png", "a sentence"], modality="text").modality == "text"


class _DictDataset(torch.utils.data.Dataset):
    def __init__(self, X, form):
        self.X, self.form = X, form

    def __len__(self):
        return 6

    def __getitem__(self, i):
        if self.form == "pil":
            return {"image": Image.fromarray(self.X[i]), "label": i % 2}
        if self.form == "tensor":
            return {"pixel_values": torch.from_numpy(self.X[i]).permute(2, 0, 1).float() / 255,
                    "labels": torch.tensor(i % 2)}
        return {"img_bytes": _png_bytes(self.X[i]), "meta": "x", "y": i % 2}


@pytest.mark.parametrize("form", ["pil", "tensor", "bytes"])
def test_torch_dataset_yielding_dicts_is_images(digits, form):
    ds = dq.as_dataset(_DictDataset(digits[0], form))
    assert ds.modality == "image" and ds.labels.tolist() == [0, 1, 0, 1, 0, 1]
    assert ds.load_image(2).ok and "dicts" in ds.findings["read_as"]


def test_hugging_face_dataset_is_images(digits):
    datasets = pytest.importorskip("datasets")
    hf = datasets.Dataset.from_dict({"image": [Image.fromarray(x) for x in digits[0][:6]], "label": [0, 1] * 3},
                                    features=datasets.Features({"image": datasets.Image(),
                                                                "label": datasets.ClassLabel(names=["zero", "one"])}))
    ds = dq.as_dataset(hf)
    assert ds.modality == "image" and ds.labels.tolist() == [0, 1] * 3 and ds.load_image(0).ok
    assert ds.findings["class_names"] == ["zero", "one"]


@pytest.mark.parametrize("form", ["bytes", "hf-dict", "parquet"])
def test_image_bytes_columns_are_images(digits, tmp_path, form):
    X, _ = digits
    cells = [_png_bytes(x) for x in X[:5]] + [b"not an image"]
    if form != "bytes":
        cells = [{"bytes": c, "path": f"{i}.png"} for i, c in enumerate(cells)]
    df = pd.DataFrame({"image": cells, "label": ["a", "b", "a", "b", "a", "b"]})
    if form == "parquet":
        df.to_parquet(tmp_path / "train.parquet")
        data = tmp_path / "train.parquet"
    else:
        data = df
    r = dq.audit(data, checks=["unreadable"], **FAST)
    assert r.findings["dataset"]["modality"] == "image" and r.findings["dataset"]["image_column"] == "image"
    assert r.flagged("unreadable") == ["5"]
    assert "images stored in column 'image'" in str(r).splitlines()[1]


@pytest.mark.parametrize("make", ["folder", "list", "texts", "table"])
def test_how_the_input_was_read_is_in_the_findings_and_the_first_lines(flat, tmp_path, monkeypatch, make):
    root, names, labels = flat
    if make == "folder":
        (root / "notes.txt").write_text("x")
        (root / ".DS_Store").write_bytes(b"x")
        data, want = root, ["image folder", "2 other files skipped", "hidden file", "no labels at all"]
    elif make == "list":
        monkeypatch.chdir(root)
        data, want = names[:6], ["list of image paths"]
    elif make == "texts":
        data, want = ["good film", "bad film", "fine film"], ["list of texts"]
    else:
        data = pd.DataFrame({"x": np.arange(30.0), "Name": [f"N{i}" for i in range(30)], "label": [0, 1] * 15})
        want = ["table of 2 feature columns", "labels in column 'label'", "Name (identifier-like"]
    r = dq.audit(data, checks=["unreadable"] if make in ("folder", "list") else [], progress=False, cache_dir=False,
                 embedder="pixels" if make in ("folder", "list") else "auto")
    head = "\n".join(str(r).splitlines()[:6])
    for w in want:
        assert w in head, (w, head)
    assert r.findings["dataset"]["read_as"]


# -- 4. labels keep their identity ------------------------------------------------------------------
def test_latin1_folder_names_are_two_classes(tmp_path, digits):
    if sys.platform == "win32":
        pytest.skip("byte file names")
    X, _ = digits
    for k, name in enumerate((b"caf\xe9", b"caf\xe8")):
        d = os.path.join(os.fsencode(tmp_path), b"img", name)
        os.makedirs(d)
        for i in range(3):
            Image.fromarray(X[3 * k + i]).save(os.path.join(d, f"{i}.png".encode()).decode("utf-8", "surrogateescape"))
    ds = dq.as_dataset(tmp_path / "img")
    assert sorted(ds.classes) == ["cafè", "café"]
    assert sorted(ds.labels.tolist()).count("café") == 3


@pytest.mark.parametrize("labels, classes, merged", [
    ([1, "1", 2, "2", 1, 2], ["1", "2"], ["1", "2"]),
    ([True, 1, False, 0, True, 0], ["0", "1", "False", "True"], []),
    ([1.0, 2, "3", 1, 2, 3], ["1", "2", "3"], ["3"]),
    (np.array([1, 2, 1, 2, 1, 2]).astype(object).tolist()[:3] + ["1", "2", "1"], ["1", "2"], ["1", "2"]),
])
def test_mixed_label_types_are_handled_deliberately_and_reported(labels, classes, merged):
    ds = dq.as_dataset(["t"] * len(labels), labels=labels)
    assert ds.classes == classes
    assert ds.findings["label_types"]["merged"] == merged
    assert "compared as text" in ds.findings["label_types"]["note"]
    r = dq.audit(["some text"] * len(labels), labels=labels, checks=[], progress=False, cache_dir=False)
    assert "compared as text" in "\n".join(str(r).splitlines()[:6])


@pytest.mark.parametrize("labels", [[[0, 1], [1], [0], [1]], [{"a": 1}] * 4, [np.array([1, 0])] * 4,
                                    [{1, 2}, 1, 2, 1]])
def test_unhashable_labels_are_a_clear_error(labels):
    with pytest.raises(dq.DataQualityError, match="one label per example"):
        dq.as_dataset(np.zeros((4, 8, 8), np.uint8), labels=labels)
    with pytest.raises(dq.DataQualityError, match="one label per example"):
        dq.as_dataset(pd.DataFrame({"x": [1.0, 2, 3, 4], "label": labels}))


def test_latin1_file_names_match_a_cp1252_labels_file(tmp_path, digits):
    if sys.platform == "win32":
        pytest.skip("byte file names")
    X, _ = digits
    root = os.path.join(os.fsencode(tmp_path), b"img")
    os.makedirs(root)
    for i, name in enumerate((b"caf\xe9.png", b"caf\xe8.png", b"plain.png")):
        Image.fromarray(X[i]).save(os.fsdecode(os.path.join(root, name)))
    csv = _write(tmp_path / "labels.csv", "file;label\ncafé.png;a\ncafè.png;b\nplain.png;a\n", "cp1252")
    ds = dq.as_dataset(os.fsdecode(root), labels=csv)
    assert len(ds) == 3 and list(ds.labels) == ["a", "b", "a"] and ds.findings.get("files_without_label") is None


def test_duplicate_column_names_are_renamed_and_reported():
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.normal(size=(60, 3)), columns=["a", "a", "b"])
    df["label"] = (df.iloc[:, 2] > 0).map({True: "p", False: "n"})
    r = dq.audit(df, labels="label", checks=["label", "schema", "missing_value"], progress=False, cache_dir=False)
    assert not r.errors and r.scores["completeness"] == 100.0
    assert any("a.1" in note for note in r.findings["dataset"]["notes"])


# -- 8. tables as people have them -----------------------------------------------------------------
def _clean_table(n=200, seed=0):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({"age": rng.normal(40, 10, n).round(), "income": rng.normal(50, 15, n).round(1),
                       "height": rng.normal(170, 8, n).round(1)})
    df["label"] = (df["age"] + rng.normal(0, 5, n) > 40).astype(int)
    return df, rng


@pytest.mark.parametrize("extra", ["Name", "Comment", "joined (text dates)", "joined (datetime)", "member (yes/no)",
                                   "customer_id"])
def test_names_ids_dates_booleans_do_not_make_a_clean_table_dirty(extra):
    df, rng = _clean_table()
    base = dq.audit(df, labels="label", checks=["outlier", "near_duplicate"], progress=False, cache_dir=False)
    n = len(df)
    col = extra.split(" ")[0]
    f = df.copy()
    if extra == "Name":
        f.insert(0, "Name", [f"Person {i:03d} {rng.choice(['Ann', 'Bob', 'Cy'])}" for i in range(n)])
    elif extra == "Comment":
        f["Comment"] = [" ".join(rng.choice(["good", "bad", "fine", "ok", "very", "not"], 6)) for _ in range(n)]
    elif extra == "joined (text dates)":
        f[col] = (pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, n), unit="D")).strftime("%Y-%m-%d")
    elif extra == "joined (datetime)":
        f[col] = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 900, n), unit="D")
    elif extra == "member (yes/no)":
        f[col] = rng.choice(["yes", "no"], n)
    else:
        f[col] = np.arange(1000, 1000 + n)
    r = dq.audit(f, labels="label", checks=["outlier", "near_duplicate"], progress=False, cache_dir=False)
    for issue in ("outlier", "near_duplicate"):
        assert len(r.flagged(issue)) <= len(base.flagged(issue)) + 2, (extra, issue)
    d = r.findings["dataset"]
    if extra in ("Name", "Comment", "customer_id"):
        assert col in d["excluded_columns"]
    elif "dates" in extra or "datetime" in extra:
        assert d["datetime_columns"] == [col]
    else:
        assert d["boolean_columns"] == [col]


def test_a_table_of_only_names_is_an_error_not_an_empty_audit():
    df = pd.DataFrame({"Name": [f"Person {i}" for i in range(30)], "label": ["a", "b"] * 15})
    with pytest.raises(dq.DataQualityError, match="looks like a labels file"):
        dq.as_dataset(df)
    with pytest.raises(dq.DataQualityError, match="no column that can be used"):
        dq.as_dataset(df, modality="tabular")


@pytest.mark.parametrize("n_cols", [10_000])
def test_wide_table_is_linear_in_columns(n_cols):
    import time

    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.normal(size=(40, n_cols)).astype(np.float32), columns=[f"c{i}" for i in range(n_cols)])
    df["label"] = [0, 1] * 20
    t0 = time.perf_counter()
    r = dq.audit(df, labels="label", checks=["schema", "outlier", "near_duplicate", "missing_value"],
                 progress=False, cache_dir=False)
    assert r.n == 40 and not r.errors
    assert time.perf_counter() - t0 < 60  # ~6 s here; was minutes (a d x d eigendecomposition, a tree per column)


@pytest.mark.skipif(sys.platform == "win32", reason="file names with line breaks are POSIX only")
@pytest.mark.parametrize("name", ["a\nb.png", "line\r\nbreak.png", "x\x1cy.png", "tail\n.png"])
def test_a_manifest_keeps_line_breaks_and_separators_inside_quoted_names(tmp_path, digits, name):
    # a clean manifest written by the library for files with such names must read back the same files
    X, _ = digits
    root = tmp_path / "d"
    write_png(root / name, X[0])
    write_png(root / "plain.png", X[1])
    ds = dq.as_dataset(root, labels=None)
    out = ds.to_manifest(tmp_path / "m.csv")
    again = dq.as_dataset(out, root=root)
    assert sorted(again.ids) == sorted(ds.ids) == sorted([name, "plain.png"])
    assert all(again.load_image(i).ok for i in range(len(again)))


@pytest.mark.parametrize("key", ["image", "img", "pixels"])
def test_a_list_of_records_is_read_as_images_with_their_labels(digits, key):
    # list(hugging_face_dataset) gives dicts; records with PIL images or arrays and a label key
    X, y = digits
    as_obj = (lambda x: Image.fromarray(x)) if key != "pixels" else (lambda x: x)
    records = [{key: as_obj(x), "label": int(v)} for x, v in zip(X[:40], y[:40])]
    ds = dq.as_dataset(records)
    assert ds.modality == "image" and len(ds) == 40
    assert [int(v) for v in ds.labels] == [int(v) for v in y[:40]]
    assert ds.findings["image_column"] == key and ds.findings["label_column"] == "label"
    assert all(ds.load_image(i).ok for i in range(3))


def test_a_list_of_other_objects_says_what_it_holds():
    with pytest.raises(dq.DataQualityError, match="holds int objects"):
        dq.as_dataset([1, 2, 3])
    with pytest.raises(dq.DataQualityError, match="mixes types"):
        dq.as_dataset([1, "a.png"])


@pytest.mark.parametrize("column", ["filepath", "path", "image"])
def test_a_dataframe_of_absolute_paths_reads_them_wherever_they_are(tmp_path, digits, column, monkeypatch):
    # a DataFrame built in the user's code names the user's files: no root needed, whatever the working directory
    X, y = digits
    root = tmp_path / "elsewhere" / "imgs"
    for i in range(12):
        write_png(root / ("a" if i % 2 else "b") / f"{i}.png", X[i])
    df = pd.DataFrame({column: [str(root / ("a" if i % 2 else "b") / f"{i}.png") for i in range(12)],
                       "target": y[:12]})
    monkeypatch.chdir(tmp_path)
    ds = dq.as_dataset(df, labels="target")
    assert len(ds) == 12 and all(ds.load_image(i).ok for i in range(12))
    assert ds.ids[0] == "b/0.png"
    # a manifest file with the same absolute paths stays confined to its own folder
    (tmp_path / "other").mkdir()
    df.to_csv(tmp_path / "other" / "m.csv", index=False)
    with pytest.raises(dq.DataQualityError, match="outside the dataset root"):
        dq.as_dataset(tmp_path / "other" / "m.csv", labels="target")


@pytest.mark.parametrize("table", ["labels.csv", "annotations.tsv", "meta.parquet"])
def test_a_labels_file_inside_an_unlabelled_folder_is_named_not_ignored_silently(flat, table):
    root, names, labels = flat
    df = pd.DataFrame({"file": names, "label": labels})
    if table.endswith(".parquet"):
        df.to_parquet(root / table)
    else:
        df.to_csv(root / table, index=False, sep="\t" if table.endswith(".tsv") else ",")
    (root / "README.txt").write_text("not labels")
    r = dq.audit(root, **FAST)
    notes = " ".join(r.findings["dataset"]["notes"])
    assert f"{table} is in the folder but not used" in notes and str(root / table) in notes
    assert "README.txt" not in notes
    assert "labels.csv" in str(r) or table in str(r)
    # named, it is used
    assert dq.audit(root, labels=root / table, **FAST).findings["dataset"]["labelled"] == len(names)


@pytest.mark.parametrize("missing", [None, float("nan"), ""])
def test_missing_entries_in_a_list_of_texts_are_missing_values(missing):
    texts = [f"review {i}: the {['cat', 'dog', 'bird'][i % 3]} was {'good' if i % 2 else 'bad'} today" for i in range(30)]
    texts[4] = missing
    texts[11] = missing
    r = dq.audit(texts, labels=[i % 2 for i in range(30)], cache_dir=False, progress=False)
    assert r.findings["dataset"]["read_as"] == "list of texts"
    assert sorted(r.issues[r.issues.issue == "missing_value"]["index"]) == [4, 11]
    with pytest.raises(dq.DataQualityError, match="empty 'path'"):
        dq.as_dataset(["a.png", missing, "b.png"], modality="image")
