"""Follow-ups on inputs and findings: empty class folders, counts of unreadable classes, split columns, what a
label spelling differs by, vectors at extreme scales, label-like columns of text tables, byte-string labels."""

import unicodedata

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import dataquality as dq
from dataquality.checks._label_spelling import what_differs
from dataquality.data._labels import normalise_labels


def _picture(seed: int, size=(32, 24)) -> Image.Image:
    r = np.random.default_rng(seed)
    return Image.fromarray(r.integers(0, 255, (size[1] // 4, size[0] // 4, 3)).astype(np.uint8)).resize(size)


def _class_folders(root, classes=("cat", "dog"), n=4):
    for j, c in enumerate(classes):
        (root / c).mkdir(parents=True)
        for i in range(n):
            _picture(100 * j + i).save(root / c / f"{i}.png")


def _notes(ds) -> str:
    return " | ".join(ds.findings.get("notes", []))


def test_empty_class_folder_is_named_in_a_note_not_dropped_silently(tmp_path):
    _class_folders(tmp_path)
    (tmp_path / "bird").mkdir()  # an empty class folder: torchvision's ImageFolder refuses it
    (tmp_path / "fish").mkdir()
    (tmp_path / "fish" / "README.txt").write_text("todo")  # no image either
    ds = dq.as_dataset(tmp_path)
    assert sorted(set(ds.labels)) == ["cat", "dog"]
    assert "2 class folder(s) hold no images" in _notes(ds) and "'bird/'" in _notes(ds) and "'fish/'" in _notes(ds)


def test_no_empty_class_note_when_every_class_folder_has_images(tmp_path):
    _class_folders(tmp_path)
    assert "hold no images" not in _notes(dq.as_dataset(tmp_path))


def test_class_counts_say_when_a_class_could_not_be_read(tmp_path):
    _class_folders(tmp_path, ("cat", "dog"), n=6)
    (tmp_path / "bird").mkdir()
    for i in range(6):  # web pages saved as .jpg: the whole class is unreadable
        (tmp_path / "bird" / f"{i}.jpg").write_text("<!DOCTYPE html><html><body>403 Forbidden</body></html>")
    report = dq.audit(tmp_path, embedder="pixels", checks=["unreadable"], progress=False, cache_dir=False)
    lab = report.findings["labels"]
    assert lab["class_counts"] == {"bird": 6, "cat": 6, "dog": 6}
    assert lab["readable_class_counts"] == {"bird": 0, "cat": 6, "dog": 6}
    assert "no example of bird could be read" in lab["class_counts_note"]
    from dataquality.report._html import finding_sentences

    assert any("o example of bird could be read" in line for line in finding_sentences(report))  # the HTML page too


def test_class_counts_have_no_readable_note_when_everything_reads(tmp_path):
    _class_folders(tmp_path, n=6)
    report = dq.audit(tmp_path, embedder="pixels", checks=["unreadable"], progress=False, cache_dir=False)
    assert "readable_class_counts" not in report.findings["labels"]


def test_labels_file_with_a_split_column_notes_that_splits_were_audited_together(tmp_path):
    folder = tmp_path / "ds"
    _class_folders(folder)
    rows = [(f"{c}/{i}.png", c, "train" if i < 3 else "test") for c in ("cat", "dog") for i in range(4)]
    pd.DataFrame(rows, columns=["path", "label", "split"]).to_csv(folder / "labels.csv", index=False)
    ds = dq.as_dataset(folder, labels=folder / "labels.csv")
    note = _notes(ds)
    assert "column 'split' names data splits (train: 6, test: 2)" in note and "not leakage" in note
    assert "reference=dq.as_dataset(df[df['split'] == 'test'], root=folder)" in note


def test_text_table_with_a_split_column_notes_it_and_does_not_take_it_for_labels(tmp_path):
    df = pd.DataFrame({"text": [f"review number {i} says something" for i in range(12)],
                       "split": ["train"] * 8 + ["test"] * 4})
    note = _notes(dq.as_dataset(df))
    assert "column 'split' names data splits" in note and "pass labels='split'" not in note


def test_text_table_with_labels_in_a_sentiment_column_hints_labels(tmp_path):
    df = pd.DataFrame({"text": [f"review number {i} says something" for i in range(12)],
                       "sentiment": ["pos", "neg"] * 6})
    ds = dq.as_dataset(df)
    assert not ds.has_labels  # not guessed
    assert "pass labels='sentiment'" in _notes(ds)


def test_label_spelling_detail_says_what_differs_for_forms_printed_alike():
    nfd = unicodedata.normalize("NFD", "café")
    assert "decomposed" in what_differs(nfd, "café") and "NFD" in what_differs(nfd, "café")
    assert "zero width space" in what_differs("ca\u200bt", "cat")
    assert what_differs("\uff43\uff41\uff54", "cat") == "full-width letters"
    assert what_differs("Cat", "cat") == "letter case"
    assert what_differs("big_cat", "big-cat") == "spaces, '_' or '-'"


def test_label_spelling_issue_detail_names_the_decomposed_accent():
    nfd = unicodedata.normalize("NFD", "café")
    rng = np.random.default_rng(0)
    X = rng.normal(size=(12, 4))
    labels = ["café"] * 6 + [nfd] * 2 + ["tea"] * 4
    report = dq.audit(dq.as_dataset(X, labels, kind="embeddings"), checks=["label_spelling"], progress=False,
                      cache_dir=False)
    details = report.issues[report.issues.issue == "label_spelling"].detail.tolist()
    assert len(details) == 2 and all("decomposed" in d for d in details)
    from dataquality.checks._label_spelling import LabelSpellingCheck

    (summary,) = LabelSpellingCheck.describe(report.findings["label_spelling"])
    assert "decomposed" in summary  # the summary, too, says what differs


@pytest.mark.parametrize("scale", [1e-29, 1e20])
def test_shift_finding_sees_a_shifted_reference_at_extreme_scales(scale):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 8)) + np.array([4.0] + [0] * 7)
    R = rng.normal(size=(60, 8)) - np.array([4.0] + [0] * 7)
    report = dq.audit(dq.as_dataset(X * scale, kind="embeddings"), reference=dq.as_dataset(R * scale, kind="embeddings"),
                      checks=["leakage"], progress=False, cache_dir=False)
    shift = report.findings["distribution_shift"]
    assert shift["shifted"] and shift["p_value"] < 0.05


def test_finite_float64_vectors_past_float32_range_are_not_missing_values():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(20, 4)) * 1e300
    X[3, 1] = np.inf
    report = dq.audit(dq.as_dataset(X, kind="embeddings"), checks=["missing_value"], progress=False, cache_dir=False)
    assert report.issues[report.issues.issue == "missing_value"]["index"].tolist() == [3]


def test_byte_string_labels_are_decoded_as_utf8():
    out = normalise_labels(np.array([b"cat", b"dog", b"", b"caf\xc3\xa9"]))
    assert out.tolist() == ["cat", "dog", None, "café"]
    assert normalise_labels([b"\xff", b"\xfe"]).tolist() == ["\\xff", "\\xfe"]  # not UTF-8: two labels stay two
    ds = dq.as_dataset(np.zeros((4, 3)) + np.arange(4)[:, None], np.array([b"cat", b"dog", b"cat", b"dog"]),
                       kind="embeddings")
    assert sorted(map(str, ds.classes)) == ["cat", "dog"]


def test_split_folder_error_suggests_auditing_train_against_test_for_leakage(tmp_path):
    for split in ("train", "test"):
        _class_folders(tmp_path / split, n=1)
    with pytest.raises(dq.DataQualityError) as err:
        dq.as_dataset(tmp_path)
    assert f"dq.audit('{tmp_path}/train', reference='{tmp_path}/test')" in str(err.value)


def test_labels_paths_relative_to_the_folders_parent_say_which_folder_to_audit(tmp_path):
    _class_folders(tmp_path / "ds" / "images", n=2)
    rows = [(f"images/{c}/{i}.png", c) for c in ("cat", "dog") for i in range(2)]
    pd.DataFrame(rows, columns=["path", "label"]).to_csv(tmp_path / "labels.csv", index=False)
    with pytest.raises(dq.DataQualityError) as err:
        dq.as_dataset(tmp_path / "ds" / "images", labels=tmp_path / "labels.csv")
    assert f"relative to {tmp_path / 'ds'}" in str(err.value) and f"dq.audit('{tmp_path / 'ds'}'" in str(err.value)


@pytest.mark.skipif(not hasattr(__import__("os"), "symlink"), reason="needs symbolic links")
def test_manifest_of_a_link_farm_is_refused_with_advice_that_works(tmp_path):
    import os

    root, store = tmp_path / "root", tmp_path / "store"
    root.mkdir()
    store.mkdir()
    for i in range(4):
        _picture(i).save(store / f"{i}.png")
        os.symlink(store / f"{i}.png", root / f"{i}.png")
    pd.DataFrame({"path": [f"{i}.png" for i in range(4)], "label": list("abab")}).to_csv(root / "m.csv", index=False)
    with pytest.raises(dq.DataQualityError, match="symbolic link") as err:  # refused on purpose (test_hostile.py)
        dq.as_dataset(root / "m.csv")
    assert "symbolic links pointing outside it" in str(err.value)
    assert f"dq.audit('{root}', labels='{root / 'm.csv'}')" in str(err.value)
    ds = dq.as_dataset(root, labels=root / "m.csv")  # what the advice says: it works
    assert list(ds.labels) == list("abab") and ds.load_image(0).ok


def test_a_list_of_byte_strings_error_says_how_to_pass_texts_or_encoded_images():
    import io

    with pytest.raises(dq.DataQualityError, match=r"decode\('utf-8'\)"):
        dq.as_dataset([b"a review of a film", b"another review"] * 3)
    buf = io.BytesIO()
    _picture(0).save(buf, "PNG")
    with pytest.raises(dq.DataQualityError, match="pd.DataFrame") as err:
        dq.as_dataset([buf.getvalue()] * 4)
    assert "table column" in str(err.value)
    ds = dq.as_dataset(pd.DataFrame({"image": [buf.getvalue()] * 4, "label": list("abab")}))  # as the error says
    assert ds.modality == "image" and ds.load_image(0).ok


def test_split_folders_inside_class_folders_are_noted_with_how_to_check_leakage(tmp_path):
    for split in ("train", "test"):
        for j, c in enumerate(("cat", "dog")):
            (tmp_path / c / split).mkdir(parents=True)
            for i in range(2):
                _picture(10 * j + i).save(tmp_path / c / split / f"{i}.png")
    ds = dq.as_dataset(tmp_path)
    assert sorted(set(ds.labels)) == ["cat", "dog"]
    note = _notes(ds)
    assert "split folders (test/, train/)" in note and "not leakage" in note and "glob('*/train/*')" in note


def test_image_manifest_with_labels_in_a_species_column_hints_labels(tmp_path):
    for i in range(6):
        _picture(i).save(tmp_path / f"{i}.png")
    pd.DataFrame({"filename": [f"{i}.png" for i in range(6)], "species": list("ababab")}).to_csv(tmp_path / "m.csv",
                                                                                              index=False)
    ds = dq.as_dataset(tmp_path / "m.csv")
    assert not ds.has_labels and "pass labels='species'" in _notes(ds)
    assert dq.as_dataset(tmp_path / "m.csv", labels="species").has_labels  # what the hint says


def test_a_table_column_of_utf8_byte_strings_is_not_read_as_images():
    df = pd.DataFrame({"text": [f"review {i} was fine and good".encode() for i in range(10)],
                       "label": [b"pos", b"neg"] * 5})
    with pytest.raises(dq.DataQualityError, match=r"str\.decode\('utf-8'\)"):
        dq.as_dataset(df)  # was: 'images stored in column text', every row unreadable
    df["text"] = df["text"].str.decode("utf-8")  # what the error says
    ds = dq.as_dataset(df)
    assert ds.modality == "text" and sorted(ds.classes) == ["neg", "pos"]


def test_a_manifest_listing_train_and_test_folders_notes_they_were_audited_together(tmp_path):
    rows = []
    for split in ("train", "test"):
        _class_folders(tmp_path / split, n=2)
        rows += [(f"{split}/{c}/{i}.png", c) for c in ("cat", "dog") for i in range(2)]
    pd.DataFrame(rows, columns=["path", "label"]).to_csv(tmp_path / "all.csv", index=False)
    note = _notes(dq.as_dataset(tmp_path / "all.csv"))
    assert "split folders (test/: 4, train/: 4)" in note and "not leakage" in note
    note = _notes(dq.as_dataset(tmp_path, labels=tmp_path / "all.csv"))  # the folder with it as labels file
    assert "split folders (test/: 4, train/: 4)" in note


def test_declared_byte_string_classes_match_byte_string_labels():
    X = np.random.default_rng(0).normal(size=(30, 3))
    report = dq.audit(X, labels=np.array([b"x", b"y"] * 15), classes=np.array([b"x", b"y", b"z"]), progress=False,
                      cache_dir=False, checks=["label_spelling"])
    lab = report.findings["labels"]
    assert lab["declared_classes_without_examples"] == ["z"] and lab["classes_not_declared"] == []


def test_one_class_folder_beside_an_empty_one_says_the_other_is_empty(tmp_path):
    _class_folders(tmp_path, ("cat",))
    (tmp_path / "dog").mkdir()
    ds = dq.as_dataset(tmp_path)
    assert not ds.has_labels
    assert "'dog/' beside it holds no images" in _notes(ds)


def test_label_vocabulary_clashes_show_forms_that_print_alike_escaped():
    nfd = unicodedata.normalize("NFD", "café")
    X = np.random.default_rng(0).normal(size=(12, 4))
    report = dq.audit(dq.as_dataset(X, ["café"] * 6 + [nfd] * 2 + ["Tea", "tea"] * 2, kind="embeddings"),
                      checks=["label_spelling"], progress=False, cache_dir=False)
    clashes = report.findings["labels"]["label_vocabulary_clashes"]
    assert ["'Tea'", "'tea'"] in clashes
    assert ["'cafe\\u0301'", "'café'"] in clashes  # the decomposed one escaped: the two no longer print alike
