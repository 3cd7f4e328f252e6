"""Leftovers of earlier sweeps: the class balance of what can be read, a table's own id column, line numbers in
manifest errors, and texts in scripts written without spaces (Thai, Lao, Khmer, Myanmar)."""

import html

import numpy as np
import pytest
from PIL import Image

import dataquality as dq
from dataquality.data._tables import read_table


def _picture(seed: int, size=(32, 24)) -> Image.Image:
    r = np.random.default_rng(seed)
    return Image.fromarray(r.integers(0, 255, (size[1] // 4, size[0] // 4, 3)).astype(np.uint8)).resize(size)


def _mostly_unreadable_class(root, n=8, readable_bird=1):
    for j, c in enumerate(("bird", "cat")):
        (root / c).mkdir(parents=True)
        for i in range(n):
            if c == "bird" and i >= readable_bird:  # web pages saved as .jpg
                (root / c / f"{i}.jpg").write_text("<!DOCTYPE html><html><body>403 Forbidden</body></html>")
            else:
                _picture(100 * j + i).save(root / c / f"{i}.png")


def test_imbalance_ratio_counts_the_readable_examples_only(tmp_path):
    _mostly_unreadable_class(tmp_path, n=8, readable_bird=1)
    report = dq.audit(tmp_path, embedder="pixels", checks=["unreadable"], progress=False, cache_dir=False)
    lab = report.findings["labels"]
    assert lab["class_counts"] == {"bird": 8, "cat": 8}  # every file, as shown
    assert lab["readable_class_counts"] == {"bird": 1, "cat": 8}
    assert lab["imbalance_ratio"] == 8.0  # was 1.0: balanced on paper, 8 to 1 in what can be trained on
    assert lab["classes_below_min_count"] == {"bird": 1}
    assert "of the readable examples: 8.0" in str(report)
    from dataquality.report._html import finding_sentences

    said = [html.unescape(s) for s in finding_sentences(report)]
    assert any("('bird', 1 readable examples) is 8.0" in s for s in said)


def test_imbalance_ratio_is_infinite_when_a_class_has_no_readable_example(tmp_path):
    _mostly_unreadable_class(tmp_path, n=6, readable_bird=0)
    report = dq.audit(tmp_path, embedder="pixels", checks=["unreadable"], progress=False, cache_dir=False)
    lab = report.findings["labels"]
    assert lab["imbalance_ratio"] == float("inf")
    assert "no example of bird could be read" in lab["class_counts_note"]


# -- a bad row named by its line in the file ------------------------------------------------------------------------
def test_a_row_with_too_many_fields_is_named_by_its_line_in_the_file(tmp_path):
    p = tmp_path / "reviews.csv"
    # a header, a review quoted over two lines, a blank line: the bad row is the 3rd read, on line 5 of the file
    p.write_text('text,label\n"good,\nreally good",pos\n\nbad, very bad,neg,extra\n')
    with pytest.raises(dq.DataQualityError, match="Line 5 of .*reviews.csv has 4 fields"):
        read_table(p)


def test_table_reading_names_each_row_by_its_line(tmp_path):
    p = tmp_path / "labels.csv"
    p.write_text("\nsep=,\npath,label\na.png,cat\n\nb.png,dog\n")  # a leading blank line, Excel's sep= line
    df, reading = read_table(p)
    assert list(df["path"]) == ["a.png", "b.png"]
    assert [reading.where(k) for k in range(2)] == ["line 4 of labels.csv", "line 6 of labels.csv"]
    assert any("e.g. line 5 of labels.csv" in n for n in reading.notes)  # the blank line, where an editor shows it


# -- Thai, Lao, Khmer, Myanmar: no spaces between words ---------------------------------------------------------------
_THAI = ["วันนี้อากาศดีมากเราจะไปเที่ยวทะเลกัน",  # today the weather is fine, we go to the sea
         "วันนี้อากาศดีมากเราจะไปเที่ยวภูเขากัน",  # ... to the mountains: one word differs
         "ฉันชอบกินข้าวผัดกับไข่ดาว", "รถไฟขบวนนี้มาช้ากว่ากำหนดหนึ่งชั่วโมง", "นักเรียนกำลังอ่านหนังสือในห้องสมุด",
         "แมวของฉันนอนหลับอยู่บนโซฟา", "พรุ่งนี้ฉันต้องไปทำงานแต่เช้า", "ตลาดน้ำเปิดทุกวันเสาร์และอาทิตย์"]


def test_thai_texts_are_not_one_token_per_sentence():
    from dataquality.embeddings._text import _vectorizer

    tokens = _vectorizer().build_analyzer()
    a, b, c = (set(tokens(t)) for t in _THAI[:3])
    assert len(a) > 10 and a != b and a != c  # was one token per sentence: the whole text
    assert len(a & b) > 0.7 * len(a) and len(a & c) < 0.2 * len(a)  # one word apart shares most of its tokens
    assert all(len(tokens(t)) > 5 for t in ("ສະບາຍດີຫຼາຍໆເດີ", "ខ្ញុំស្រឡាញ់ភាសាខ្មែរ", "မင်္ဂလာပါခင်ဗျာ"))  # Lao, Khmer, Myanmar


def test_thai_texts_one_word_apart_are_near_duplicates_and_others_are_not():
    from dataquality.embeddings._text import TfidfEmbedder

    e = TfidfEmbedder()
    X = e.transform_texts(e.fit_texts(_THAI), _THAI)
    d = 1 - X @ X.T
    assert d[0, 1] < 0.05  # was 1.0: no token in common
    assert d[0, 2:].min() > 0.5
    report = dq.audit(_THAI, checks=["near_duplicate"], progress=False, cache_dir=False)
    assert sorted(report.flagged("near_duplicate")) == ["0", "1"]


# -- a table's own id column names its rows -------------------------------------------------------------------------
def _measurements(path, id_col="row_id", ids=None, n=40):
    import pandas as pd

    r = np.random.default_rng(0)
    df = pd.DataFrame({id_col: ids or [f"s{1000 + i}" for i in range(n)], "a": r.normal(size=n),
                       "b": r.normal(size=n), "label": ["x", "y"] * (n // 2)})
    df.loc[7, "a"] = 80.0  # one row far from the rest
    df.to_csv(path, index=False)
    return path


def test_a_tables_own_id_column_names_its_rows(tmp_path):
    csv = _measurements(tmp_path / "m.csv")
    report = dq.audit(csv, labels="label", checks=["outlier"], progress=False, cache_dir=False)
    assert report.flagged("outlier") == ["s1007"]  # was "7": the row's number, not the id the user knows it by
    assert any("examples named by column 'row_id'" in n for n in report.findings["dataset"]["notes"])


def test_a_repeating_id_column_is_not_used_as_ids_and_a_note_says_so(tmp_path):
    ids = [f"s{1000 + i}" for i in range(40)]
    ids[3] = ids[0]
    ds = dq.as_dataset(_measurements(tmp_path / "m.csv", id_col="id", ids=ids), labels="label")
    assert ds.ids == [str(i) for i in range(40)]
    assert any("column 'id' is not used as the examples' ids: 1 of its ids repeat" in n for n in ds.findings["notes"])


# -- manifest and labels-file rows named by their line in the file --------------------------------------------------
def _two_images(root):
    root.mkdir(exist_ok=True)
    for i, n in enumerate(("a", "b")):
        _picture(i, (8, 8)).save(root / f"{n}.png")
    return root


def test_an_empty_path_in_a_manifest_is_named_by_its_line(tmp_path):
    _two_images(tmp_path)
    (tmp_path / "m.csv").write_text("path,label\na.png,cat\n\n,dog\nb.png,cat\n")  # the empty path on line 4
    with pytest.raises(dq.DataQualityError, match=r"^Line 4 of m.csv has an empty 'path'"):  # was "Row 2"
        dq.as_dataset(tmp_path / "m.csv")


def test_a_path_outside_the_root_is_named_by_its_line(tmp_path):
    _two_images(tmp_path)
    (tmp_path / "m.csv").write_text("path,label\na.png,cat\n\n../x.png,dog\n")
    with pytest.raises(dq.DataQualityError, match=r"line 4 of m.csv: '\.\./x\.png'"):  # was "row 2"
        dq.as_dataset(tmp_path / "m.csv")
    (tmp_path / "labels.csv").write_text("path,label\n\"a.png\",\"cat\nkitten\"\nb.png,dog\n../x.png,dog\n")
    with pytest.raises(dq.DataQualityError, match=r"line 5 of labels.csv: '\.\./x\.png'"):  # was "row 3"
        dq.as_dataset(tmp_path, labels=tmp_path / "labels.csv")


def test_a_labels_file_row_without_a_path_is_said_not_skipped_silently(tmp_path):
    _two_images(tmp_path)
    (tmp_path / "labels.csv").write_text("path,label\na.png,cat\n\n,dog\n")
    ds = dq.as_dataset(tmp_path, labels=tmp_path / "labels.csv")
    assert dict(zip(ds.ids, ds.labels)) == {"a.png": "cat", "b.png": None}
    notes = ds.findings.get("notes", [])  # there was none: b.png just had no label
    assert any("1 row of the labels file has an empty 'path'" in n and "line 4 of labels.csv: 'dog'" in n
               for n in notes), notes


# -- odd_length: Thai, Lao and Khmer characters say more each than Latin letters ---------------------------------------
_THAI_REVIEWS = {"ฉันชอบกินข้าวผัดกับไข่ดาว": "I like to eat fried rice with a fried egg.",
                 "แมวของฉันนอนหลับอยู่บนโซฟา": "My cat is sleeping on the sofa.",
                 "วันนี้อากาศดีมากเราจะไปเที่ยวทะเลกัน": "The weather is very nice today, we are going to the sea.",
                 "ร้านอาหารนี้อร่อยแต่บริการช้าไปหน่อย": "This restaurant is tasty but the service is a bit slow.",
                 "ขอบคุณมากสำหรับความช่วยเหลือของคุณ": "Thank you very much for your help.",
                 "พรุ่งนี้ฉันต้องไปทำงานแต่เช้า": "Tomorrow I have to go to work early."}


def test_thai_texts_of_ordinary_length_are_not_short_among_english_ones():
    from dataquality.checks._text_length import text_length

    assert text_length("ฉันกินข้าวแล้ว") == 20  # 14 characters; "I have already eaten." is 21
    r = np.random.default_rng(0)
    words = ("the a product quality good bad fast slow delivery price I would buy again not recommend it works well "
             "broke after two days very happy with this purchase").split()
    english = [" ".join(r.choice(words, r.integers(12, 24))) for _ in range(45)]  # median 97 characters
    for extra in (list(_THAI_REVIEWS.values()), list(_THAI_REVIEWS)):  # the translations, then the Thai texts
        report = dq.audit(english + extra, checks=["odd_length"], progress=False, cache_dir=False)
        assert report.flagged("odd_length") == []  # three of the Thai texts were flagged short, not their translations
