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
