"""Tables read from CSV files as people write them: a CSV gives the columns the same DataFrame gives
in memory (every cell of a CSV is text, so nothing may depend on a number dtype)."""

import numpy as np
import pandas as pd
import pytest

import dataquality as dq
from dataquality.modalities._columns import as_number, column_kind, column_kinds, date_order, missing_word_mask

FAST = dict(cache_dir=False, progress=False)


def flagged(report, issue):
    return sorted(report.issues.loc[report.issues["issue"] == issue, "index"].tolist())


def numbers(n=150, seed=0):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(rng.normal(size=(n, 4)).round(3), columns=list("abcd"))
    df["label"] = np.where(np.arange(n) % 2, "x", "y")
    return df


# -- 1. identifiers -----------------------------------------------------------------------------


def test_a_written_index_and_an_id_column_are_identifiers_in_a_csv_as_in_memory(tmp_path):
    df = numbers()
    dup = pd.concat([df, df.iloc[:10]])
    expected = list(range(10)) + list(range(150, 160))
    assert flagged(dq.audit(dup, "label", checks=["exact_duplicate"], **FAST), "exact_duplicate") == expected
    dup.to_csv(tmp_path / "index.csv")  # pandas' unnamed index column: 0..149, 0..9
    r = dq.audit(tmp_path / "index.csv", "label", checks=["exact_duplicate"], **FAST)
    assert flagged(r, "exact_duplicate") == expected
    assert list(r.findings["dataset"]["excluded_columns"]) == ["column 1"]
    ided = dup.assign(id=np.arange(1, 161))[["id", *dup.columns]]
    ided.to_csv(tmp_path / "id.csv", index=False)
    r = dq.audit(tmp_path / "id.csv", "label", checks=["exact_duplicate"], **FAST)
    assert flagged(r, "exact_duplicate") == expected
    assert list(r.findings["dataset"]["excluded_columns"]) == ["id"]


@pytest.mark.parametrize("name", ["CustomerID", "userId", "order_id", "Unnamed: 0", "column 1", "serial"])
def test_integer_ids_are_identifiers_as_text_and_as_numbers(name):
    ids = np.arange(101, 141)  # unique consecutive integers: an identifier whatever its name
    assert column_kind(pd.Series(ids), name) == "identifier"
    assert column_kind(pd.Series(ids.astype(str), dtype=object), name) == "identifier"
    shuffled = np.random.default_rng(0).permutation(ids)
    assert column_kind(pd.Series(shuffled.astype(str), dtype=object), name) == "identifier"


def test_numbers_that_are_not_ids_stay_numeric():
    rng = np.random.default_rng(0)
    counts = rng.integers(0, 50, 40)
    assert column_kind(pd.Series(counts.astype(str), dtype=object), "count") == "numeric"
    assert column_kind(pd.Series(counts.astype(str), dtype=object), "column 1") == "numeric"  # not an index
    assert column_kind(pd.Series(np.arange(40) * 3), "x") == "numeric"  # unique, not consecutive
    assert column_kind(pd.Series(np.arange(40.0)), "x") == "numeric"  # floats that count: measured
    assert column_kind(pd.Series([f"{v:.1f}" for v in range(40)], dtype=object), "x") == "numeric"
    assert column_kind(pd.Series(rng.permutation(40)), "paid") == "identifier"  # consecutive
    assert column_kind(pd.Series([1, 2, 3, 5, 8, 13]), "paid") == "numeric"  # 'paid' is no id name


def test_column_kinds_sees_ids_among_number_columns():
    df = pd.DataFrame({"Unnamed: 0": list(range(20)) + list(range(5)), "AccountID": np.arange(25) * 7, "v": np.arange(25) % 4})
    assert column_kinds(df) == {"Unnamed: 0": "identifier", "AccountID": "identifier", "v": "numeric"}


def test_an_id_and_free_text_csv_is_an_error_as_in_memory(tmp_path):
    rng = np.random.default_rng(0)
    words = ["good", "bad", "slow", "fast", "broken", "fine", "late", "early"]
    df = pd.DataFrame({"id": np.arange(1, 41),
                       "comment": [" ".join(rng.choice(words, 6)) + f" #{i}" for i in range(40)],
                       "label": ["a", "b"] * 20})
    with pytest.raises(dq.DataQualityError, match="no column that can be used"):
        dq.as_dataset(df, labels="label")
    df.to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(dq.DataQualityError, match="no column that can be used"):
        dq.as_dataset(tmp_path / "t.csv", labels="label")


# -- 2. dates ------------------------------------------------------------------------------------


def test_european_dates_are_read_day_first():
    days = pd.date_range("2021-01-01", periods=120)
    s = pd.Series(days.strftime("%d/%m/%Y"), dtype=object)
    assert date_order(s)[0] == "day"
    got = as_number(s, "datetime")
    np.testing.assert_array_equal(got, (days - pd.Timestamp(0)).days.to_numpy(float))
    us = pd.Series(days.strftime("%m/%d/%Y"), dtype=object)
    assert date_order(us)[0] == "month"
    np.testing.assert_array_equal(as_number(us, "datetime"), got)
    iso = pd.Series(days.strftime("%Y-%m-%d"), dtype=object)  # year first: never day-first
    assert date_order(iso)[0] is None
    np.testing.assert_array_equal(as_number(iso, "datetime"), got)


def test_unsettled_and_contradicting_date_orders_are_reported():
    unsettled = pd.Series(["01/02/2021", "03/04/2021", "05/06/2021", "07/08/2021"] * 6, dtype=object)
    order, odd = date_order(unsettled)
    assert order == "unsettled" and not odd.any()
    assert as_number(unsettled, "datetime")[0] == (pd.Timestamp("2021-01-02") - pd.Timestamp(0)).days  # month-first
    mixed = pd.Series(["13/01/2021", "14/01/2021", "25/12/2021", "01/02/2021", "12/31/2021"] * 5, dtype=object)
    order, odd = date_order(mixed)
    assert order == "day" and np.flatnonzero(odd).tolist() == list(range(4, 25, 5))
    df = pd.DataFrame({"when": unsettled.tolist()[:24], "d": mixed.tolist()[:24], "v": np.arange(24) % 5, "label": ["a", "b"] * 12})
    r = dq.audit(df, "label", checks=["schema"], **FAST)
    notes = r.findings["schema"]["schema_columns"]
    assert "month-first" in notes["when"] and "not settled" in notes["when"]
    assert "day-first" in notes["d"] and "contradict" in notes["d"]
    assert flagged(r, "schema") == [4, 9, 14, 19]


# -- 3. placeholders for missing values -----------------------------------------------------------


def test_placeholder_words_are_missing_when_deciding_a_kind(tmp_path):
    rng = np.random.default_rng(0)
    df = numbers(60)
    df["bp"] = rng.normal(120, 10, 60).round(1).astype(object)
    df.loc[::6, "bp"] = "n/a"
    assert column_kind(df["bp"], "bp") == "numeric"
    df.to_csv(tmp_path / "t.csv", index=False)
    ds = dq.as_dataset(tmp_path / "t.csv", labels="label")
    assert "excluded_columns" not in ds.findings
    assert column_kinds(ds.features)["bp"] == "numeric"
    yn = pd.Series(["yes", "no", "N/A", "yes", "-"] * 4, dtype=object)
    assert column_kind(yn, "smoker") == "boolean"
    assert np.isnan(as_number(yn, "boolean")[[2, 4]]).all()


def test_one_placeholder_does_not_stop_decimal_commas(tmp_path):
    rng = np.random.default_rng(0)
    v = rng.normal(size=(30, 2)).round(3)
    rows = [f"{a};{b};{'x' if i % 2 else 'y'}".replace(".", ",") for i, (a, b) in enumerate(v)]
    rows[3] = rows[3].split(";")[0] + ";n/a;" + rows[3].split(";")[2]
    (tmp_path / "t.csv").write_text("a;b;label\n" + "\n".join(rows) + "\n")
    r = dq.audit(tmp_path / "t.csv", "label", checks=["exact_duplicate", "missing_value"], **FAST)
    assert "excluded_columns" not in r.findings["dataset"]
    assert flagged(r, "exact_duplicate") == [] and flagged(r, "missing_value") == [3]
    assert "decimal commas read as numbers in 'a', 'b'" in r.findings["dataset"]["table"]["notes"]


# -- 4. blank cells ---------------------------------------------------------------------------------


def test_missing_word_mask_counts_none_and_na():
    s = pd.Series(["1", None, "n/a", " ", "x"], dtype=object)
    assert missing_word_mask(s).tolist() == [False, True, True, True, False]
    assert missing_word_mask(s.astype("string")).tolist() == [False, True, True, True, False]
    assert missing_word_mask(pd.Series([1.0, np.nan])).tolist() == [False, True]


def test_a_blank_cell_is_one_missing_value_not_also_a_type_mismatch(tmp_path):
    df = numbers(60)
    df.loc[7, "b"] = np.nan
    mem = dq.audit(df, "label", checks=["schema", "missing_value"], **FAST)
    df.to_csv(tmp_path / "t.csv", index=False)
    csv = dq.audit(tmp_path / "t.csv", "label", checks=["schema", "missing_value"], **FAST)
    for r in (mem, csv):
        assert flagged(r, "missing_value") == [7] and flagged(r, "schema") == []
        assert r.scores["consistency"] == 100
        assert "schema_columns" not in r.findings.get("schema", {})


# -- 5. empty columns ---------------------------------------------------------------------------------


def test_a_trailing_delimiter_column_is_dropped_with_a_note(tmp_path):
    rng = np.random.default_rng(0)
    v = rng.normal(size=(80, 3)).round(3)
    rows = [f"{a};{b};{c};{'x' if i % 2 else 'y'};" for i, (a, b, c) in enumerate(v)]
    (tmp_path / "t.csv").write_text("a;b;c;label;\n" + "\n".join(rows) + "\n")
    r = dq.audit(tmp_path / "t.csv", "label", checks=["missing_value"], **FAST)
    assert flagged(r, "missing_value") == [] and r.scores["completeness"] == 100
    assert list(r.dataset.features.columns) == ["a", "b", "c"]
    assert any("empty" in n and "column 5" in n for n in r.findings["dataset"]["table"]["notes"])


def test_an_empty_named_feature_column_of_a_file_is_reported_once(tmp_path):
    df = numbers(30)
    df["notes"] = None
    df.to_csv(tmp_path / "t.csv", index=False)
    r = dq.audit(tmp_path / "t.csv", "label", checks=["missing_value"], **FAST)
    assert flagged(r, "missing_value") == []
    assert "notes" not in r.dataset.features.columns
    assert any("'notes'" in n and "empty" in n for n in r.findings["dataset"]["table"]["notes"])


# -- 6. thousands separators, percents, currency ----------------------------------------------------


@pytest.mark.parametrize("sep,cells,want", [
    (",", ['"6,349.00"', '"1,557.50"', "12.00", '"12,345,678.9"'], [6349.0, 1557.5, 12.0, 12345678.9]),
    (",", ['"1,557"', '"2,001"', "35", '"10,000"'], [1557, 2001, 35, 10000]),
    (";", ["6.349,00", "1.557,50", "12,00", "12.345.678,9"], [6349.0, 1557.5, 12.0, 12345678.9]),
    (",", ["51.9%", "7%", "-0.5%", "100%"], [51.9, 7, -0.5, 100]),
    (",", ['"$1,557"', "$51", "-$3.25", '"$10,000.10"'], [1557, 51, -3.25, 10000.1]),
    (";", ["€12,50", "€1.200,00", "3 €", "€0,99"], [12.5, 1200, 3, 0.99]),
])
def test_grouped_percent_and_currency_numbers_are_numbers(tmp_path, sep, cells, want):
    rows = [f"{cells[i % 4]}{sep}{i * 0.37:.2f}{sep}{'x' if i % 2 else 'y'}" for i in range(24)]
    (tmp_path / "t.csv").write_text(f"amount{sep}n{sep}label\n" + "\n".join(rows) + "\n")
    r = dq.audit(tmp_path / "t.csv", "label", checks=["exact_duplicate"], **FAST)
    ds = r.dataset
    assert column_kinds(ds.features)["amount"] == "numeric"
    np.testing.assert_allclose(as_number(ds.features["amount"], "numeric")[:4], want)
    assert any("'amount'" in n for n in ds.findings["table"]["notes"])
    # rows differing only in the amount are not duplicates
    assert flagged(r, "exact_duplicate") == []


@pytest.mark.parametrize("cells", [['"1,5"', '"2,25"', "3", '"1,557"'], ['"1,55"', '"2,5"', "3", "4"],
                                   ['"1,557"', "abc", "3", "4"]])
def test_ambiguous_commas_in_a_comma_file_stay_text(tmp_path, cells):
    rows = [f"{cells[i % 4]},{i},{'x' if i % 2 else 'y'}" for i in range(24)]
    (tmp_path / "t.csv").write_text("amount,n,label\n" + "\n".join(rows) + "\n")
    ds = dq.as_dataset(tmp_path / "t.csv", labels="label")
    assert ds.features["amount"].tolist()[:4] == [c.strip('"') for c in cells]
    assert "'amount'" not in " ".join(ds.findings["table"].get("notes", []))


def test_a_column_empty_in_every_row_is_named_once_not_counted_in_each_row():
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"a": rng.normal(size=50), "b": rng.normal(size=50), "e": np.nan,
                       "label": rng.choice(["x", "y"], 50)})
    df.loc[3, "a"] = np.nan
    r = dq.audit(df, "label", checks=["missing_value"], **FAST)
    assert r.issues["index"].tolist() == [3]  # every row was an issue for 'e'
    assert r.findings["missing_value"]["empty_columns"] == ["e"]
    assert "empty in every row, not counted per row: e" in str(r)


def test_how_a_file_s_cells_were_read_is_in_the_report_text(tmp_path):
    (tmp_path / "t.csv").write_text("a;b;c;label;\n" + "".join(f"0,{i};{i},5;1;{'xy'[i % 2]};\n" for i in range(30)))
    r = dq.audit(tmp_path / "t.csv", labels="label", checks=["missing_value"], **FAST)
    head = "\n".join(str(r).splitlines()[:8])
    assert "table: dropped 'column 5'" in head and "table: decimal commas read as numbers" in head
