"""Inputs that were read wrongly: tables of text, header-less text CSVs, text folders, label placeholders,
continuous label columns, uri/url path columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import dataquality as dq

_WORDS = "good bad great awful fine love hate the product was really not very quite slow fast".split()


def _texts(n=40, seed=0, words=8):
    rng = np.random.default_rng(seed)
    return [" ".join(rng.choice(_WORDS, words)) + f" {i}" for i in range(n)], rng


# -- 1. a table of (text, user, label) is texts -----------------------------------------------------
def test_a_comment_beside_a_user_column_is_read_as_text():
    texts, rng = _texts()
    df = pd.DataFrame({"comment": texts, "user": [f"u{i % 5}" for i in range(40)], "label": ["a", "b"] * 20})
    ds = dq.as_dataset(df)
    assert ds.modality == "text" and ds.findings["text_column"] == "comment"
    assert any("'user'" in n and "not audited" in n for n in ds.findings["notes"])


def test_a_title_and_a_description_are_read_as_the_longer_text():
    texts, rng = _texts()
    titles = [" ".join(rng.choice(_WORDS, 3)) + f" {i}" for i in range(40)]
    df = pd.DataFrame({"title": titles, "description": texts, "category": ["x", "y"] * 20})
    ds = dq.as_dataset(df)
    assert ds.modality == "text" and ds.findings["text_column"] == "description"


def test_a_review_text_csv_without_a_label_name_is_read_as_text_with_a_hint(tmp_path):
    texts, _ = _texts()
    pd.DataFrame({"Review Text": texts, "Sentiment": ["pos", "neg"] * 20}).to_csv(tmp_path / "r.csv", index=False)
    ds = dq.as_dataset(tmp_path / "r.csv")
    assert ds.modality == "text" and len(ds) == 40
    pd.DataFrame({"Comments": texts, "Sentiment": ["pos", "neg"] * 20}).to_csv(tmp_path / "c.csv", index=False)
    ds = dq.as_dataset(tmp_path / "c.csv")
    assert ds.modality == "text" and ds.findings["text_column"] == "Comments"
    assert any("labels='Sentiment'" in n for n in ds.findings["notes"])


def test_an_id_beside_free_text_is_an_error_that_names_modality_text_which_reads_it():
    texts, _ = _texts()
    df = pd.DataFrame({"id": np.arange(1, 41), "comment": texts, "label": ["a", "b"] * 20})
    with pytest.raises(dq.DataQualityError, match="modality='text'"):
        dq.as_dataset(df)
    ds = dq.as_dataset(df, modality="text")
    assert ds.modality == "text" and ds.findings["text_column"] == "comment"


def test_a_numeric_table_with_a_comment_stays_a_table():
    texts, rng = _texts()
    df = pd.DataFrame({"age": rng.normal(40, 9, 40), "comment": texts, "label": ["a", "b"] * 20})
    assert dq.as_dataset(df).modality == "tabular"


# -- 2. a header-less CSV of texts ------------------------------------------------------------------
def test_a_headerless_text_csv_keeps_its_first_row(tmp_path):
    texts, _ = _texts()
    pd.DataFrame({"t": texts, "s": ["pos", "neg"] * 20}).to_csv(tmp_path / "r.csv", index=False, header=False)
    ds = dq.as_dataset(tmp_path / "r.csv", labels="column 2")
    assert ds.modality == "text" and len(ds) == 40
    assert ds.findings["table"]["header_row"] is False
    assert set(ds.labels) == {"pos", "neg"}


def test_a_header_with_a_long_column_name_over_numbers_is_still_a_header(tmp_path):
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"number of items bought last month": rng.integers(0, 9, 30), "label": ["a", "b"] * 15})
    df.to_csv(tmp_path / "t.csv", index=False)
    ds = dq.as_dataset(tmp_path / "t.csv")
    assert len(ds) == 30 and ds.findings["table"]["header_row"] is True


# -- 5. labels written as text for no label --------------------------------------------------------
def test_labels_written_nan_none_na_are_missing_not_classes():
    X = np.zeros((8, 6, 6), dtype=np.uint8)
    ds = dq.as_dataset(X, labels=["a", "b", "nan", "NaN", "N/A", "None", "", "<NA>"])
    assert ds.classes == ["a", "b"] and int(ds.missing_label_mask.sum()) == 6
    assert any("read as missing" in n for n in ds.findings["notes"])
    kept = dq.as_dataset(X, labels=["NA", "-", "?", "a", "NA", "-", "?", "a"])  # can name classes: kept
    assert kept.classes == ["-", "?", "NA", "a"] and not kept.missing_label_mask.any()


# -- 6. a continuous column named like labels ------------------------------------------------------
def _regression_table(n=120):
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"a": rng.normal(size=n), "b": rng.normal(size=n)})
    df["y"] = 3 * df["a"] + rng.normal(size=n)
    return df


def test_a_continuous_y_column_is_a_feature_not_labels():
    ds = dq.as_dataset(_regression_table())
    assert ds.classes == [] and "y" in ds.features.columns
    assert any("'y'" in n and "continuous" in n for n in ds.findings["notes"])


def test_continuous_labels_given_explicitly_are_an_error():
    df = _regression_table()
    with pytest.raises(dq.DataQualityError, match="continuous numbers.*bin"):
        dq.as_dataset(df, labels="y")
    with pytest.raises(dq.DataQualityError, match="continuous numbers"):
        dq.as_dataset(df[["a", "b"]], labels=df["y"].to_numpy())
    df["y"] = (df["y"] > 0).astype(float)  # 0.0 / 1.0: classes
    assert len(dq.as_dataset(df, labels="y").classes) == 2


# -- 7. a uri / url path column ---------------------------------------------------------------------
def test_a_manifest_at_a_uri_with_a_url_column_is_read(tmp_path):
    from PIL import Image

    for i in range(6):
        Image.fromarray(np.full((8, 8, 3), 40 * i, dtype=np.uint8)).save(tmp_path / f"{i}.png")
    pd.DataFrame({"url": [f"{i}.png" for i in range(6)], "label": ["a", "b"] * 3}).to_csv(tmp_path / "m.csv",
                                                                                         index=False)
    ds = dq.as_dataset((tmp_path / "m.csv").as_uri())
    assert ds.modality == "image" and len(ds) == 6 and ds.classes == ["a", "b"]


def test_a_table_with_a_url_feature_stays_a_table():
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"url": [f"https://example.com/page/{i}" for i in range(30)], "x": rng.normal(size=30),
                       "label": ["a", "b"] * 15})
    assert dq.as_dataset(df).modality == "tabular"


# -- 3. a folder of text files -----------------------------------------------------------------------
def test_a_folder_of_text_files_says_how_to_pass_texts(tmp_path):
    for c in ("pos", "neg"):
        (tmp_path / c).mkdir()
        for i in range(3):
            (tmp_path / c / f"{i}.txt").write_text(f"a {c} review {i}")
    with pytest.raises(dq.DataQualityError, match=r"6 \.txt files: a folder of text files is not read.*labels="):
        dq.as_dataset(tmp_path)


# -- 4. a Hugging Face dataset of texts ----------------------------------------------------------------
def test_a_hugging_face_text_dataset_is_read_as_texts_with_its_class_names():
    datasets = pytest.importorskip("datasets")
    texts, _ = _texts(20)
    feats = datasets.Features({"sentence": datasets.Value("string"),
                               "label": datasets.ClassLabel(names=["neg", "pos"])})
    d = datasets.Dataset.from_dict({"sentence": texts, "label": [0, 1] * 10}, features=feats)
    ds = dq.as_dataset(d)
    assert ds.modality == "text" and len(ds) == 20 and ds.findings["text_column"] == "sentence"
    assert ds.labels.tolist() == [0, 1] * 10 and ds.findings["class_names"] == ["neg", "pos"]
    assert dq.as_dataset(d.rename_column("label", "stars"), labels="stars").labels.tolist() == [0, 1] * 10


def test_a_hugging_face_text_dataset_with_a_sentiment_column_is_read_as_texts_with_a_hint():
    datasets = pytest.importorskip("datasets")
    texts, _ = _texts(20)
    d = datasets.Dataset.from_dict({"text": texts, "sentiment": ["neg", "pos"] * 10})
    ds = dq.as_dataset(d)
    assert ds.modality == "text" and len(ds) == 20
    assert dq.as_dataset(d, labels="sentiment").classes == ["neg", "pos"]
