"""Planted-defect tests for every check on a small table: exactly the planted rows are flagged."""

import numpy as np
import pandas as pd
import pytest

import dataquality as dq


def make_table(n=120, seed=0):
    """Two well-separated classes over eight numeric columns and one common categorical column."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    X = rng.normal(size=(n, 8)) + 2.5 * y[:, None]
    df = pd.DataFrame(X.round(4), columns=[f"f{j}" for j in range(8)])
    df["color"] = rng.choice(["red", "green", "blue"], n)
    df["label"] = np.where(y == 1, "pos", "neg")
    return df


def flagged(report, issue):
    return set(report.issues.loc[report.issues["issue"] == issue, "index"].tolist())


def run(df, checks=None, **kw):
    return dq.audit(df, labels="label", checks=checks, progress=False, cache_dir=False, **kw)


@pytest.fixture(scope="module")
def planted():
    df = make_table()
    df.loc[2, "label"] = "pos"  # flips of rows deep inside their class: 2 and 50 are neg, 51 is pos
    df.loc[50, "label"] = "pos"
    df.loc[51, "label"] = "neg"
    df.loc[60] = df.loc[10]  # exact duplicate, same label
    features = [c for c in df.columns if c != "label"]
    df.loc[70, features] = df.loc[20, features]
    df.loc[70, "label"] = "neg" if df.loc[20, "label"] == "pos" else "pos"  # conflicting copy
    df.loc[80] = df.loc[30]
    df.loc[80, "f0"] += 0.001  # near duplicate
    df.loc[5, "f1"] = np.nan
    df.loc[6, "color"] = "?"
    df["f2"] = df["f2"].astype(object)
    df.loc[7, "f2"] = "abc"  # text in a numeric column
    df.loc[8, "color"] = "gren"  # rare category
    df.loc[9, "f3"] = 1000.0  # far outside the column's range
    df.loc[90, ["f0", "f1", "f4", "f5"]] = [25.0, -25.0, 25.0, -25.0]  # far from every row
    # every value in range, but half the columns at the "pos" level and half below "neg": off the
    # data's manifold, which only the outlier check can see
    df.loc[95, [f"f{j}" for j in range(8)]] = [4.0] * 4 + [-1.5] * 4
    return df


@pytest.fixture(scope="module")
def report(planted):
    return run(planted)


def test_as_dataset_tabular_forms(tmp_path):
    df = make_table(20)
    ds = dq.as_dataset(df, labels="label")
    assert ds.modality == "tabular" and list(ds.features.columns) == [f"f{j}" for j in range(8)] + ["color"]
    df.to_csv(tmp_path / "t.csv", index=False)
    ds = dq.as_dataset(str(tmp_path / "t.csv"), labels="label")
    assert ds.modality == "tabular" and list(ds.labels) == df["label"].tolist()


def test_label(report):
    # 70 is the conflicting copy of 20: one of the pair carries the wrong label
    assert flagged(report, "label") == {2, 50, 51, 70}


def test_missing_value_per_cell_and_row(report):
    assert flagged(report, "missing_value") == {5, 6}
    f = report.findings["missing_value"]
    assert f["missing_cells_per_column"] == {"f1": 1, "color": 1} and f["rows_with_missing"] == 2


def test_schema(report):
    assert flagged(report, "schema") == {7, 8, 9, 90}
    det = report.issues[report.issues["issue"] == "schema"].set_index("index")["detail"]
    assert "type mismatch: f2='abc'" in det[7]
    assert "rare category: color='gren'" in det[8]
    assert "out of range: f3=1000" in det[9]


def test_exact_duplicate(report):
    assert flagged(report, "exact_duplicate") == {10, 60, 20, 70}


def test_near_duplicate(report):
    assert flagged(report, "near_duplicate") == {30, 80}


def test_conflicting_labels(report):
    assert flagged(report, "conflicting_labels") == {20, 70}


def test_outlier(report, planted):
    # 9 and 90 are out of range, so the schema check names them and the audit does not repeat them
    assert flagged(report, "outlier") == {95}
    assert report.findings["outlier"]["explained_by_other_checks"] == 2
    assert "(+2 reported under a more specific issue)" in str(report)
    from dataquality.report._html import finding_sentences

    assert any(s.startswith("2 example(s) flagged as outlier are reported under a more specific issue (blurry, dark")
               for s in finding_sentences(report))
    # alone, the outlier check also finds them
    assert flagged(run(planted, checks=["outlier"]), "outlier") == {9, 90, 95}
    # a table's global score is measured in its columns, where a category level of a row or two ("?" in 6,
    # "gren" in 8: schema's rare categories) carries no weight, with or without class means
    assert flagged(run(planted, checks={"outlier": {"per_class": False}}), "outlier") == {9, 90, 95}


def test_column_findings():
    df = make_table()
    df["const"] = 1.0
    df["row_id"] = np.arange(len(df)) * 7 + 1000
    df["leak"] = np.where(df["label"] == "pos", 1.0, 0.0) + np.random.default_rng(1).normal(0, 0.01, len(df))
    f = run(df, checks=["schema"]).findings["schema"]
    assert f["constant_columns"] == ["const"]
    assert f["identifier_columns"] == ["row_id"]
    assert list(f["label_leaking_columns"]) == ["leak"]


def test_numbers_stored_as_text_noted():
    df = make_table()
    df["f0"] = df["f0"].astype(str)
    r = run(df, checks=["schema"])
    assert r.findings["schema"]["schema_columns"] == {"f0": "numbers stored as text"}
    assert flagged(r, "schema") == set()


def test_clean_table_flags_nothing():
    r = run(make_table())
    assert len(r.issues) == 0, r.issues
    assert "label_leaking_columns" not in r.findings.get("schema", {})


def test_compare_clean_vs_dirty_runs_on_tables():
    train = make_table()
    train.loc[list(range(0, 120, 6)), "label"] = train.loc[list(range(0, 120, 6)), "label"].map(
        {"pos": "neg", "neg": "pos"})
    test = make_table(40, seed=1)
    report = run(train)
    clean = report.clean_subset()
    table = dq.compare(train=train, test=test, subsets={"dirty": train, "clean": clean}, seeds=(0,),
                       labels="label", test_labels="label", progress=False)
    wide = table.wide()
    assert {"dirty", "clean"} <= set(wide.index)
    assert wide.loc["dirty", "n_train"] == len(train) and wide.loc["clean", "n_train"] == len(clean)
    assert len(clean) < len(train)  # the flipped labels were dropped
    assert wide["error_rate"].between(0, 1).all()


def test_a_semicolon_csv_with_decimal_commas_reads_numbers_as_numbers(tmp_path):
    # Excel in most of Europe writes 13,2 and separates with ';': the same table as the ',' / '.' file
    from sklearn.datasets import load_wine

    df = load_wine(as_frame=True).frame
    df.to_csv(tmp_path / "us.csv", index=False)
    df.to_csv(tmp_path / "eu.csv", sep=";", decimal=",", index=False)
    us = dq.as_dataset(tmp_path / "us.csv", labels="target")
    eu = dq.as_dataset(tmp_path / "eu.csv", labels="target")
    assert "excluded_columns" not in eu.findings
    assert "decimal commas read as numbers" in " ".join(eu.findings["table"]["notes"])
    np.testing.assert_allclose(eu.features.astype(float).to_numpy(), us.features.astype(float).to_numpy())


@pytest.mark.parametrize("text", ['a;b;c;label\n"1,5";0,5;1;u\nabc;1,5;2;v\n2,5;2;3;u\n3,5;3;4;v\n4,5;4,25;5;u\n',
                                  'a,b,c,label\n"1,5","0,5",1,u\nabc,"1,5",2,v\n"2,5",2,3,u\n"3,5",3,4,v\n'
                                  '"4,5","4,25",5,u\n'])
def test_decimal_commas_are_read_only_in_number_columns_of_non_comma_files(tmp_path, text):
    # a column that also holds text stays text; a comma-separated file keeps "1,5" as it is (a
    # thousands separator?); labels are never rewritten
    (tmp_path / "t.csv").write_text(text)
    ds = dq.as_dataset(tmp_path / "t.csv", labels="label")
    assert ds.features["a"].tolist()[0] == "1,5"
    semicolon = text.startswith("a;")
    assert ds.features["b"].tolist()[:2] == (["0.5", "1.5"] if semicolon else ["0,5", "1,5"])
    notes = " ".join(ds.findings["table"].get("notes", []))
    assert ("decimal commas read as numbers in 'b'" in notes) == semicolon and "'a'" not in notes


def test_a_label_written_with_a_comma_stays_as_written(tmp_path):
    (tmp_path / "t.csv").write_text("x;y;label\n1,5;2;1,2\n2,5;3;1,3\n3,5;4;1,2\n")
    ds = dq.as_dataset(tmp_path / "t.csv", labels="label")
    assert sorted(set(map(str, ds.labels))) == ["1,2", "1,3"]


def _outliers(df, **kw):
    issues = dq.audit(df, progress=False, cache_dir=False, **kw).issues
    return set(issues.loc[issues["issue"] == "outlier", "index"])


def test_outlier_clean_skewed_table_flags_few_rows():
    # age, a log-normal income, a city and a score, nothing planted: in the unit-length float16 encoding the
    # neighbour and global scores called 37 of these 1,000 rows outliers (the income's tail, quantised distances)
    rng = np.random.default_rng(3)
    n = 1000
    df = pd.DataFrame({"age": rng.integers(18, 90, n), "income": rng.lognormal(10, 1, n).round(2),
                       "city": rng.choice(list("abcdefg"), n), "score": rng.normal(600, 50, n).round()})
    assert len(_outliers(df)) <= n // 200


def test_outlier_clean_two_column_table_flags_few_rows():
    # two normal columns: the rows in their sparse tails are not outliers (68 of 3,000 were, 2.3%)
    rng = np.random.default_rng(1)
    df = pd.DataFrame({"a": rng.normal(size=3000), "b": rng.normal(size=3000)})
    assert len(_outliers(df)) <= 6


def test_outlier_rows_breaking_the_columns_relation_are_found():
    # spend follows income; six rows keep both in range but swap sides (a low income spending like a high one)
    rng = np.random.default_rng(4)
    n = 800
    income = rng.lognormal(10, 0.5, n)
    df = pd.DataFrame({"income": income.round(2), "spend": (income * rng.uniform(0.25, 0.3, n)).round(2),
                       "age": rng.integers(18, 90, n)})
    rows = set(rng.choice(n, 6, replace=False).tolist())
    lo, hi = df["spend"].quantile([0.03, 0.97])
    for i in rows:
        df.loc[i, "spend"] = hi if df.loc[i, "income"] < df["income"].median() else lo
    found = _outliers(df)
    assert rows <= found and len(found - rows) <= 1


def test_outlier_lone_row_between_two_populations_is_found():
    # two populations at (-5, -5) and (5, 5) and a row halfway, 14 of their spreads from each: far lonelier than its
    # neighbours are from theirs. (At a spread of 1, 7 from each, it is as lonely as the rows in the tails of a
    # 3,000-row normal table, and not flagged: docs/text_tabular.md)
    rng = np.random.default_rng(5)
    c = np.repeat([-5.0, 5.0], 300)
    df = pd.DataFrame({"a": c + rng.normal(0, 0.5, 600), "b": c + rng.normal(0, 0.5, 600), "c": rng.normal(0, 1, 600)})
    df.loc[600] = [0.0, 0.0, 0.0]
    assert _outliers(df) == {600}


def test_outlier_use_global_columns_is_for_tables_only():
    X = np.random.default_rng(0).normal(size=(60, 4)).astype(np.float32)
    with pytest.raises(dq.DataQualityError, match="columns"):
        dq.audit(X, kind="embeddings", checks={"outlier": {"use_global": "columns"}}, progress=False, cache_dir=False,
                 strict=True)
