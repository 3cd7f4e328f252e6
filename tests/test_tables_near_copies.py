"""Near duplicates in tables: rows that agree on every column up to a tiny share of its spread, not neighbours of a
densely filled low-dimensional table (a fixed cosine distance of 0.001 flagged 99 of 100 rows of one column)."""

import numpy as np
import pandas as pd
import pytest

import dataquality as dq


def make(d, seed, n=200, cats=0, planted=0, noise=1e-3, rounded=False):
    """``d`` normal columns (mean 50, sd 10), ``cats`` 4-level categories; ``planted`` rows overwritten by copies
    of others, each number moved by ``noise`` of the column's sd (or rounded to 0.1, 0.01 sd); the copies' rows."""
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(rng.normal(50, 10, size=(n, d)), columns=[f"x{j}" for j in range(d)])
    for c in range(cats):
        df[f"c{c}"] = rng.choice(list("abcd"), n)
    perm = rng.permutation(n)
    for s, t in zip(perm[:planted], perm[planted:2 * planted]):
        row = df.loc[s].copy()
        for j in range(d):
            v = row[f"x{j}"]
            row[f"x{j}"] = round(v, 1) if rounded else v + noise * 10 * rng.standard_normal()
        df.loc[t] = row
    df["label"] = np.where(df["x0"] > 50, "hi", "lo")
    return df, set(perm[:planted].tolist()) | set(perm[planted:2 * planted].tolist())


def near(df):
    r = dq.audit(df, "label", checks=["near_duplicate"], progress=False, cache_dir=False)
    return set(r.issues.loc[r.issues["issue"] == "near_duplicate", "index"].tolist()), r.findings["near_duplicate"]


def test_one_dense_column_is_not_a_flood():
    # the sweep's table: 99 of 100 rows were near duplicates, in chained sets of up to 20
    x = np.random.default_rng(9).normal(50, 10, 100)
    r = dq.audit(pd.DataFrame({"x": x, "label": np.where(x > 50, "hi", "lo")}), "label", progress=False,
                 cache_dir=False)
    assert (r.issues["issue"] == "near_duplicate").sum() <= 2
    assert r.findings["near_duplicate"]["tabular_tolerance"] < 1e-3  # 100 points on a line: gaps of 1e-3 are common


@pytest.mark.parametrize("d", [1, 2, 3, 5, 10, 30])
def test_clean_tables_get_almost_no_flags(d):
    flagged = [len(near(make(d, seed, cats=cats)[0])[0]) for seed in range(3) for cats in (0, 2)]
    assert sum(flagged) <= 2, flagged  # 6 tables of 200 rows: at most one chance pair


@pytest.mark.parametrize("d", [2, 3, 5, 10, 30])
def test_planted_near_copies_are_found(d):
    for seed in range(3):
        df, truth = make(d, seed, cats=2, planted=5)  # 0.1% of the sd on every number, the same categories
        found, f = near(df)
        assert found == truth, (seed, f)
        if d >= 3:  # rounding to a hundredth of the sd: only in 3 or more columns is that rarer than chance
            df, truth = make(d, seed, cats=2, planted=5, rounded=True)
            assert near(df)[0] == truth


def test_one_column_copies_only_when_closer_than_chance():
    # on one dense column a 0.1% copy is as close as neighbours 200 draws put together (tolerance 2e-5 of the
    # spread); a copy within 1e-8 of it is not
    df, truth = make(1, 0, planted=5, noise=1e-8)
    assert near(df)[0] == truth
    df, truth = make(1, 0, planted=5, noise=1e-3)
    assert not near(df)[0] - truth


def test_a_category_apart_is_not_a_near_copy():
    df, truth = make(5, 1, cats=1, planted=1, noise=0.0)
    a, b = sorted(truth)
    df.loc[b, "c0"] = next(v for v in "abcd" if v != df.loc[a, "c0"])
    df.loc[b, "x0"] += 1e-6  # not an exact duplicate either
    assert not near(df)[0] & {a, b}


def test_a_cosine_threshold_given_is_used():
    x = np.random.default_rng(9).normal(50, 10, 100)
    df = pd.DataFrame({"x": x, "label": np.where(x > 50, "hi", "lo")})
    r = dq.audit(df, "label", checks={"near_duplicate": {"tabular_threshold": 0.001}}, progress=False,
                 cache_dir=False)
    assert (r.issues["issue"] == "near_duplicate").sum() > 50 and "tabular_tolerance" not in r.findings["near_duplicate"]


@pytest.mark.parametrize("seed", [4, 9])
def test_conflicting_labels_judges_table_rows_by_their_columns_too(seed):
    # one dense column, labels at random: the fixed cosine 0.001 made 21 of 100 rows "conflicting" (seed 4)
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({"x": rng.normal(50, 10, 100), "y": rng.choice(["a", "b"], 100)})
    df.loc[99, "x"] = df.loc[3, "x"]  # a real copy of row 3, labelled the other way
    df.loc[99, "y"] = "b" if df.loc[3, "y"] == "a" else "a"
    r = dq.audit(df, "y", checks=["conflicting_labels"], progress=False, cache_dir=False)
    flagged = set(r.issues.loc[r.issues["issue"] == "conflicting_labels", "index"])
    # at most one pair as close by chance as near_duplicate's tolerance allows (seed 4: rows 38 and 44, 2.7e-5 of
    # the spread apart, which near_duplicate joins too); with the cosine 0.001, 97 of 100 rows on seed 4
    assert {3, 99} <= flagged and len(flagged - {3, 99}) <= 2


def test_leakage_in_a_dense_table_is_a_row_repeated_in_the_test_set_not_a_neighbour():
    rng = np.random.default_rng(0)
    train = pd.DataFrame({"x": rng.normal(50, 10, 150), "z": rng.normal(0, 1, 150)})
    test = pd.DataFrame({"x": rng.normal(50, 10, 150), "z": rng.normal(0, 1, 150)})
    leaked = [5, 40, 77]
    for k, i in enumerate(leaked):  # three training rows in the test set, one of them rounded on the way
        test.loc[k] = train.loc[i].round(6 if k else 9)
    for df in (train, test):
        df["label"] = np.where(df["x"] > 50, "hi", "lo")
    r = dq.audit(train, "label", reference=test, checks=["leakage"], progress=False, cache_dir=False)
    assert set(r.issues.loc[r.issues["issue"] == "leakage", "index"]) == set(leaked)
    # the old rule, a cosine distance of 0.001, for comparison: ordinary neighbours count as leaked
    r = dq.audit(train, "label", reference=test, checks={"leakage": {"tabular_threshold": 0.001}}, progress=False,
                 cache_dir=False)
    assert (r.issues["issue"] == "leakage").sum() > 10
