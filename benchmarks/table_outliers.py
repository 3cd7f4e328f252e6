"""Outliers in tables: this library against cleanlab Datalab on planted and clean tables, in one run.

Three kinds of sets, kept apart (docs/text_tabular.md, "Outliers in tables"):

- tuning: the planted breast-cancer tables of ``benchmarks/_text_tabular.py`` (seeds 0-4: rows whose columns each
  come from another random row) and a second tuning set, scikit-learn's wine and diabetes tables and a synthetic
  age / income / city / spend table, rows scaled 1.6x or a correlated pair of columns broken (seeds 100-102);
- held out (written after the choice, never used to choose): a sales table (a broken revenue = price x quantity
  relation, wholesale rows) and a sensor log (humidity off its temperature relation, temperature off its hour)
  at 400 and 2,500 rows, seeds 500-502; a patients table (children among adults, a blood pressure off its age)
  and a housing table (rooms unlike the area, a price of another neighbourhood) at 600 and 2,000 rows, seeds
  700-702;
- clean: the held-out tables before planting, and synthetic tables of 2-8 columns (3,000 rows).

Datalab is given the same features this library embeds the table into (``report.embeddings``), as in
``benchmarks/_text_tabular.py``. Run: ``python benchmarks/table_outliers.py [--quick]``.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))


# -- tuning set 2: wine, diabetes, a synthetic table ------------------------------------------------------------------
def plant_scaled_or_broken(df, rng, m):
    """Rows scaled 1.6x (another instrument) or the most correlated pair of numbers broken."""
    df = df.copy()
    num = df.select_dtypes("number").columns
    c = df[num].corr().abs().to_numpy().copy()
    np.fill_diagonal(c, 0)
    a, _ = np.unravel_index(np.argmax(c), c.shape)
    rows = rng.choice(len(df), m, replace=False)
    for t, i in enumerate(rows):
        if t % 2 == 0:
            df.loc[df.index[i], num] = df.loc[df.index[i], num].astype(float) * 1.6
        else:
            col = num[a]
            q = df[col].rank(pct=True).iloc[i]
            df.loc[df.index[i], col] = float(df[col].quantile(1 - q if abs(q - 0.5) > 0.25 else (0.95 if q < 0.5 else 0.05)))
    return df, set(rows.tolist())


def tuning_two(seed):
    from sklearn.datasets import load_diabetes, load_wine

    rng = np.random.default_rng(100 + seed)
    n = 1500
    mixed = pd.DataFrame({"age": rng.integers(18, 90, n).astype(float), "income": rng.lognormal(10, 1, n).round(2),
                          "city": rng.choice(list("abcdefg"), n)})
    mixed["spend"] = (mixed.income * rng.uniform(0.2, 0.4, n)).round(2)
    for name, df, y in (("wine", load_wine(as_frame=True).data, list(load_wine().target)),
                        ("diabetes", load_diabetes(as_frame=True).data, None), ("age-income-city", mixed, None)):
        X, truth = plant_scaled_or_broken(df, rng, max(4, len(df) // 60))
        yield f"{name} ({len(df)})", X, y, truth, None


# -- held out: sales, sensor, patients, housing -------------------------------------------------------------------------
def sales(rng, n):
    price = rng.lognormal(3, 0.6, n).round(2)
    df = pd.DataFrame({"store": rng.choice(["north", "south", "east", "west", "online"], n, p=[.3, .25, .2, .15, .1]),
                       "price": price, "qty": (rng.poisson(4, n) + 1).astype(float),
                       "discount": rng.beta(2, 8, n).round(3)})
    df["revenue"] = (df.price * df.qty * (1 - df.discount)).round(2)
    return df


def sensor(rng, n):
    t = rng.uniform(0, 24, n)
    temp = 15 + 8 * np.sin(t / 24 * 2 * np.pi) + rng.normal(0, 1, n)
    return pd.DataFrame({"hour": t.round(2), "temp": temp.round(2),
                         "humidity": (80 - 1.5 * temp + rng.normal(0, 3, n)).round(1),
                         "pressure": rng.normal(1013, 6, n).round(1), "wind": rng.gamma(2, 2, n).round(1),
                         "site": rng.choice(["a", "b", "c"], n)})


def patients(rng, n):
    age = rng.uniform(20, 85, n)
    bmi = rng.normal(27, 4, n)
    return pd.DataFrame({"age": age.round(), "sex": rng.choice(["F", "M"], n), "bmi": bmi.round(1),
                         "systolic": (100 + 0.5 * age + 0.8 * bmi + rng.normal(0, 8, n)).round(),
                         "cholesterol": (150 + 0.8 * age + rng.normal(0, 20, n)).round(),
                         "smoker": rng.random(n) < 0.2})


def housing(rng, n):
    area = rng.lognormal(4.5, 0.4, n)
    hood = rng.choice(list("ABCDEF"), n)
    mult = pd.Series(hood).map(dict(zip("ABCDEF", [0.7, 0.9, 1.0, 1.2, 1.6, 2.2]))).to_numpy()
    year = rng.integers(1900, 2021, n)
    return pd.DataFrame({"area": area.round(1), "rooms": np.clip(np.round(area / 25 + rng.normal(0, 0.7, n)), 1, None),
                         "year": year, "hood": hood,
                         "price": (area * 3000 * mult * (1 + (year - 1960) / 200) * rng.lognormal(0, 0.15, n)).round(-2)})


def plant_held_out(name, df, rng, m):
    df = df.copy()
    rows = rng.choice(len(df), m, replace=False)
    for t, i in enumerate(rows):
        j = df.index[i]
        if name == "sales":
            if t % 2:
                df.loc[j, "revenue"] = round(df.loc[j, "revenue"] * rng.choice([0.1, 8.0]), 2)
            else:
                df.loc[j, ["price", "qty"]] = [df.loc[j, "price"] * 0.05, df.loc[j, "qty"] * 6]
        elif name == "sensor":
            if t % 2:
                df.loc[j, "humidity"] = round(80 - 1.5 * df.loc[j, "temp"] + rng.choice([-25, 25]), 1)
            else:
                df.loc[j, "temp"] = round(df.loc[j, "temp"] + 14 * np.cos(df.loc[j, "hour"] / 24 * 2 * np.pi), 2)
        elif name == "patients":
            if t % 2:
                df.loc[j, ["age", "bmi", "systolic", "cholesterol"]] = [
                    float(rng.integers(6, 11)), round(rng.normal(16, 1), 1), float(round(rng.normal(100, 5))),
                    float(round(rng.normal(160, 10)))]
            else:
                df.loc[j, "systolic"] = (float(round(df.systolic.quantile(0.99) + 5)) if df.loc[j, "age"] < 45
                                         else float(round(df.systolic.quantile(0.01) - 5)))
        else:
            if t % 2:
                df.loc[j, "rooms"] = 1.0 if df.loc[j, "area"] > 120 else 8.0
            else:
                df.loc[j, "price"] = float(round(df.loc[j, "price"] * (4 if df.loc[j, "hood"] in "ABC" else 0.25), -2))
    return df, set(rows.tolist())


def held_out(seed, quick):
    for base, make, sizes, per in (("sales", sales, (400, 2500), 80), ("sensor", sensor, (400, 2500), 80),
                                   ("patients", patients, (600, 2000), 70), ("housing", housing, (600, 2000), 70)):
        rng = np.random.default_rng((500 if base in ("sales", "sensor") else 700) + seed)
        for n in sizes[:1] if quick else sizes:
            df = make(rng, n)
            for c in ("age", "systolic", "cholesterol", "rooms", "year", "price"):
                if c in df:
                    df[c] = df[c].astype(float)
            X, truth = plant_held_out(base, df, rng, max(4, n // per))
            yield f"{base} ({n})", X, None, truth, df


def clean_synthetic():
    rng = np.random.default_rng(1)
    n = 3000
    yield "2 normal columns", pd.DataFrame({f"x{i}": rng.normal(size=n) for i in range(2)})
    yield "3 log-normal columns", pd.DataFrame({f"x{i}": rng.lognormal(size=n) for i in range(3)})
    yield "age, income, city, score", pd.DataFrame({
        "age": rng.integers(18, 90, n), "income": rng.lognormal(10, 1, n).round(2),
        "city": rng.choice(list("abcdefg"), n), "score": rng.normal(600, 50, n).round()})
    yield "8 exponential columns", pd.DataFrame({f"x{i}": rng.exponential(size=n) for i in range(8)})


# -- scoring ------------------------------------------------------------------------------------------------------------
def prf(flagged: set, truth: set) -> tuple[float, float, float]:
    tp = len(flagged & truth)
    p = tp / len(flagged) if flagged else 0.0
    r = tp / len(truth) if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_both(X, labels):
    """(this library's outlier rows, Datalab's, seconds each) on one table."""
    from cleanlab import Datalab

    import dataquality as dq

    t0 = time.perf_counter()
    report = dq.audit(X, labels=labels, kind="tabular", progress=False, cache_dir=False)
    ours_s = time.perf_counter() - t0
    iss = report.issues
    ours = set(iss.loc[iss["issue"] == "outlier", "index"])
    E = np.asarray(report.embeddings, dtype=np.float32)
    keep = np.flatnonzero(np.isfinite(E).all(axis=1))
    lab = Datalab(data=pd.DataFrame({"i": keep}), verbosity=0)
    t0 = time.perf_counter()
    lab.find_issues(features=E[keep], issue_types={"outlier": {}})
    theirs_s = time.perf_counter() - t0
    theirs = set(keep[lab.get_issues()["is_outlier_issue"].to_numpy(bool)].tolist())
    return ours, theirs, ours_s, theirs_s


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="one seed, the smaller size of each held-out table")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    import _text_tabular as tt

    seeds = (0,) if args.quick else (0, 1, 2)
    rows, clean = [], []

    def planted(role, name, X, y, truth):
        ours, theirs, s1, s2 = run_both(X, y)
        for tool, fl, s in (("dataquality", ours, s1), ("cleanlab Datalab", theirs, s2)):
            p, r, f = prf(fl, truth)
            rows.append(dict(role=role, table=name, tool=tool, precision=p, recall=r, f1=f, flagged=len(fl),
                             seconds=s))

    for seed in (0,) if args.quick else range(5):
        X, truth = tt.make_table_set(seed)
        planted("tuning", "breast-cancer (569)", X, "diagnosis", truth["outlier"])
    for seed in seeds:
        for name, X, y, truth, _ in tuning_two(seed):
            planted("tuning", name, X, y, truth)
        for name, X, y, truth, base in held_out(seed, args.quick):
            planted("held out", name, X, y, truth)
            ours, theirs, _, _ = run_both(base, None)
            clean.append(dict(table=f"{name}, seed {seed}", dataquality=len(ours), datalab=len(theirs),
                              rows=len(base)))
    for name, df in clean_synthetic():
        ours, theirs, _, _ = run_both(df, None)
        clean.append(dict(table=name, dataquality=len(ours), datalab=len(theirs), rows=len(df)))

    res = pd.DataFrame(rows)
    pd.set_option("display.width", 200)
    print(res.groupby(["role", "table", "tool"])[["precision", "recall", "f1", "flagged", "seconds"]].mean()
          .round(3).to_string())
    print("\nmean F1 by role:")
    print(res.groupby(["role", "tool"])["f1"].mean().round(3).to_string())
    print("\nclean tables (nothing planted): rows flagged as outliers")
    print(pd.DataFrame(clean).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
