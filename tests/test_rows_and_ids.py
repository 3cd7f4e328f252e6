"""Rows, ids and odd characters in tables and texts: no row lost, ids the file's, no crash on a lone surrogate."""

import numpy as np
import pandas as pd
from PIL import Image

import dataquality as dq


def _reviews(n=10):
    return [f"r{i},review number {i} says something {'good' if i % 2 else 'bad'} about it,{'pos' if i % 2 else 'neg'}"
            for i in range(n)]


def test_empty_csv_rows_stay_examples_and_ids_stay_row_numbers(tmp_path):
    rows = ["a,b,label"] + [f"{i},{i * 2.5},{'x' if i % 2 else 'y'}" for i in range(30)]
    rows.insert(5, ",,")  # data row 4: every cell empty, a row of missing values (as pandas reads it)
    rows.insert(9, "")  # data row 8: a blank line, no row (as pandas reads it), but no shift of the ids after it
    p = tmp_path / "t.csv"
    p.write_text("\n".join(rows) + "\n\n\n")  # trailing blank lines are no rows
    ds = dq.as_dataset(p)
    assert len(ds.ids) == 31 and "8" not in ds.ids
    feats = ds.features
    assert feats.iloc[4].isna().all()
    assert feats.iloc[ds.ids.index("9")]["a"] == "7"  # the file's data row 9 holds a=7, and its id is 9
    notes = " ".join(ds.findings["table"]["notes"])
    assert "1 blank line between rows skipped" in notes and "1 row with every cell empty" in notes
    report = dq.audit(p, checks=["missing_value"], progress=False)
    assert report.issues.loc[report.issues.issue == "missing_value", "id"].tolist() == ["4"]


def test_empty_csv_rows_of_an_image_manifest_name_no_file(tmp_path):
    for i in range(4):
        Image.fromarray(np.full((8, 8, 3), i * 40, np.uint8)).save(tmp_path / f"{i}.png")
    (tmp_path / "m.csv").write_text("path,label\n0.png,a\n1.png,b\n\n2.png,a\n,,\n3.png,b\n")
    ds = dq.as_dataset(tmp_path / "m.csv")
    assert ds.ids == ["0.png", "1.png", "2.png", "3.png"]
    assert any("empty in every cell: skipped" in n for n in ds.findings["notes"])


def test_lone_surrogate_in_a_table_or_text_is_read_not_a_crash(tmp_path):
    df = pd.DataFrame({"a": [1.0, 2, 3, 4, 5, 6, 7, 8] * 3,
                       "b": pd.Series(["caf\udce9", "cafe\u0300", "x", "y"] * 6, dtype=object),
                       "label": ["p", "q"] * 12})
    ds = dq.as_dataset(df, labels="label")
    assert ds.features["b"].iloc[0] == "café"
    assert any("surrogate" in n for n in ds.findings["notes"])
    texts = pd.DataFrame({"text": pd.Series([f"caf\udce9 number {i} is a place" for i in range(12)] + ["\ud800 x"],
                                            dtype=object), "label": ["p", "q"] * 6 + ["p"]})
    report = dq.audit(texts)
    assert report.n == 13
    report.to_json(tmp_path / "r.json")
    report.clean_subset(manifest=tmp_path / "clean.csv")
    assert "café number 1" in (tmp_path / "clean.csv").read_text("utf-8")


def test_missing_word_mask_reads_a_lone_surrogate():
    from dataquality.modalities._columns import missing_word_mask

    s = pd.Series(["caf\udce9", None, "n/a", "\ud800"], dtype=object)
    assert missing_word_mask(s).tolist() == [False, True, True, False]


_WORDS = "apple river stone cloud music garden window silver forest candle paper bridge ocean yellow tiger violin".split()


def test_a_text_csv_keeps_its_own_id_column_as_the_example_ids(tmp_path):
    rng = np.random.default_rng(0)
    rows = ["id,text,label"] + [f"r{i},{' '.join(rng.choice(_WORDS, 6, replace=False))},{'pos' if i % 2 else 'neg'}"
                                for i in range(20)]
    rows.insert(4, ",,")  # an empty row keeps its row number as its id
    rows.insert(6, "")  # a blank line is skipped
    (tmp_path / "t.csv").write_text("\n".join(rows) + "\n")
    report = dq.audit(tmp_path / "t.csv")
    assert report.ids[:6] == ["r0", "r1", "r2", "3", "r3", "r4"] and len(report.ids) == 21
    assert any("column 'id'" in n for n in report.findings["dataset"]["notes"])
    report.clean_subset(manifest=tmp_path / "clean.csv")
    assert pd.read_csv(tmp_path / "clean.csv")["id"].tolist()[:3] == ["r0", "r1", "r2"]



def test_a_row_empty_but_for_its_id_is_an_empty_example_and_cleaned():
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"id": [f"u{i}" for i in range(30)], "a": rng.normal(size=30), "b": rng.normal(size=30),
                       "src": ["web"] * 30, "label": ["x", "y"] * 15})
    df.loc[3, ["a", "b"]] = np.nan  # empty but for its id and the constant column
    df.loc[4, "a"] = np.nan
    report = dq.audit(df, labels="label", checks=["missing_value"], progress=False)
    mv = report.issues[report.issues.issue == "missing_value"].set_index("index")
    assert mv.loc[3, "score"] == 1.0 and mv.loc[4, "score"] == 0.5
    assert mv.loc[3, "detail"] == "missing 2 of the 2 audited cells: a, b"
    assert 3 not in report.clean_indices() and 4 in report.clean_indices()


def test_text_report_shows_a_class_none_of_whose_files_could_be_read(tmp_path):
    rng = np.random.default_rng(0)
    (tmp_path / "cat").mkdir()
    (tmp_path / "dog").mkdir()
    for i in range(6):
        Image.fromarray((rng.random((8, 8, 3)) * 255).astype(np.uint8)).save(tmp_path / "cat" / f"{i}.png")
    for i in range(3):
        (tmp_path / "dog" / f"{i}.png").write_text("<html><body>404</body></html>")
    text = str(dq.audit(tmp_path, checks=["unreadable"], progress=False))
    assert "examples per class: cat 6 (6 readable), dog 3 (0 readable)" in text
    assert "no example of dog could be read at all" in text


def test_a_labels_dict_with_a_lone_surrogate_is_read_not_a_crash(tmp_path):
    for i in range(4):
        Image.fromarray(np.full((8, 8, 3), i * 50, np.uint8)).save(tmp_path / f"{i}.png")
    labels = {f"{i}.png": "caf\udce9" if i % 2 else "x" for i in range(4)}
    ds = dq.as_dataset(tmp_path, labels=labels)  # was a UnicodeEncodeError building the labels table
    assert sorted(set(ds.labels)) == ["caf\udce9", "x"]  # as a list of labels keeps it (U+FFFD in the outputs)


def test_a_table_of_image_bytes_keeps_its_own_id_column_as_the_example_ids():
    import io

    def png(v):
        b = io.BytesIO()
        Image.fromarray(np.full((8, 8, 3), v, np.uint8)).save(b, format="PNG")
        return b.getvalue()

    df = pd.DataFrame({"image": [{"bytes": png(i * 20), "path": None} for i in range(6)],
                       "image_id": [f"img_{i:03d}" for i in range(6)], "label": [0, 1] * 3})
    ds = dq.as_dataset(df)
    assert ds.ids[:2] == ["img_000", "img_001"]
    assert any("column 'image_id'" in n for n in ds.findings["notes"])


def test_an_id_column_that_repeats_is_not_used_and_the_note_says_why(tmp_path):
    rng = np.random.default_rng(1)
    rows = ["id,text,label"] + [f"r{min(i, 5)},{' '.join(rng.choice(_WORDS, 6, replace=False))},{'ab'[i % 2]}"
                                for i in range(12)]
    (tmp_path / "t.csv").write_text("\n".join(rows) + "\n")
    ds = dq.as_dataset(tmp_path / "t.csv")
    assert ds.ids[:3] == ["0", "1", "2"]
    assert any("column 'id' is not used as the examples' ids: 1 of its ids repeat (e.g. 'r5')" in n
               for n in ds.findings["notes"])
