"""What a user gets out: exact duplicates without an embedder, clean_subset's defaults on text and tables, the
CLI's clean manifest and its --fail-under gate."""

import pandas as pd
import pytest

import dataquality as dq
from dataquality.cli import main as cli_main


def _broken_embedder(texts):
    raise RuntimeError("model server down")


# -- exact duplicates from content keys when the neighbours cannot be computed ------------------------------------
def test_exact_duplicates_found_when_the_embedder_fails():
    texts = ["hello there", "good day", "Hello  there", "bye now", "see you soon"] * 1 + ["hello there"]
    report = dq.audit(texts, labels=["a", "b", "a", "b", "a", "a"], embedder=_broken_embedder,
                      checks=["exact_duplicate", "near_duplicate", "outlier"], progress=False)
    assert "exact_duplicate" not in report.errors, report.errors
    assert sorted(report.issues.loc[report.issues["issue"] == "exact_duplicate", "index"]) == [0, 2, 5]
    # the checks that need neighbours still say why they could not run
    assert "model server down" in report.errors["near_duplicate"]
    assert "model server down" in report.errors["outlier"]


def test_exact_duplicates_found_in_texts_with_no_usable_word():
    texts = ["!!", "?", "!!", "...", "?!", "-"]
    report = dq.audit(texts, labels=["a", "b"] * 3, checks=["exact_duplicate", "near_duplicate"], progress=False)
    assert "exact_duplicate" not in report.errors, report.errors
    assert sorted(report.issues.loc[report.issues["issue"] == "exact_duplicate", "index"]) == [0, 2]
    assert "near_duplicate" in report.errors


# -- clean_subset's defaults: examples with nothing in them ---------------------------------------------------------
TEXTS = [f"{w} film number {i} was {w}" for i, w in enumerate(["great", "awful", "lovely", "dull"] * 6)]


def test_clean_subset_drops_empty_texts_by_default():
    texts = TEXTS + ["", "   \u200b"]
    report = dq.audit(texts, labels=["a", "b"] * 13, checks=["missing_value", "exact_duplicate"], progress=False)
    clean = report.clean_subset()
    assert len(clean) == len(TEXTS)
    assert "" not in clean.texts and "   \u200b" not in clean.texts
    # told exactly what to drop, it drops only that
    assert len(report.clean_subset(exclude=["exact_duplicate"])) == len(texts)


def test_clean_subset_drops_entirely_empty_table_rows_only():
    df = pd.DataFrame({"x": [float(i) for i in range(30)], "y": [float(i % 7) for i in range(30)],
                       "z": ["p", "q", "r"] * 10, "label": ["a", "b"] * 15})
    df.loc[3, ["x", "y", "z"]] = None  # nothing there
    df.loc[4, ["x"]] = None  # one cell missing: kept, a model can impute it
    report = dq.audit(df, labels="label", checks=["missing_value"], progress=False)
    kept = report.clean_indices()
    assert 3 not in kept and 4 in kept and len(kept) == 29
    assert 4 not in report.clean_indices(exclude=["missing_value"])


# -- the clean manifest rebuilds the data --------------------------------------------------------------------------
def test_text_clean_manifest_holds_the_texts(tmp_path):
    texts = TEXTS + ["", TEXTS[0], 'a "quoted", text\nover two lines']
    labels = ["a", "b"] * 13 + ["a"]
    report = dq.audit(texts, labels=labels, checks=["missing_value", "exact_duplicate"], progress=False)
    clean = report.clean_subset(manifest=tmp_path / "clean.csv")
    m = pd.read_csv(tmp_path / "clean.csv", keep_default_na=False, dtype=str)
    assert list(m.columns) == ["id", "label", "text"]
    assert m["text"].tolist() == clean.texts and m["label"].tolist() == list(clean.labels)
    again = dq.as_dataset(tmp_path / "clean.csv", labels="label")
    assert again.modality == "text" and again.texts == clean.texts


def test_table_clean_manifest_holds_the_rows(tmp_path):
    df = pd.DataFrame({"id": [f"r{i}" for i in range(30)], "x": [float(i) for i in range(30)],
                       "z": ["p", "q", "r"] * 10, "label": ["a", "b"] * 15})
    df.loc[5, ["x", "z"]] = df.loc[6, ["x", "z"]]
    df.loc[5, "label"] = "b"
    report = dq.audit(df, labels="label", checks=["exact_duplicate"], progress=False)
    report.clean_subset(manifest=tmp_path / "clean.csv")
    m = pd.read_csv(tmp_path / "clean.csv", keep_default_na=False, dtype=str)
    assert list(m.columns) == ["_id", "id", "x", "z", "label"]  # the table's own id column keeps its name
    assert "r6" not in set(m["_id"]) and len(m) == 29  # the second of the copies dropped
    assert (m["_id"] == m["id"]).all()  # rows named by the table's own id column
    src = df.astype(str).set_index("id", drop=False)
    for _, row in m.iterrows():
        assert row["id"] == src.loc[row["_id"], "id"] and row["label"] == src.loc[row["_id"], "label"]
        assert float(row["x"]) == float(src.loc[row["_id"], "x"])


# -- the CLI on texts: the gate and what it says -------------------------------------------------------------------
def _write_texts(path, texts, labels):
    pd.DataFrame({"text": texts, "label": labels}).to_csv(path, index=False)
    return path


def test_fail_under_does_not_pass_when_a_check_failed(tmp_path, capsys):
    # no text has a usable word: exact_duplicate measures representativeness, near_duplicate fails; the axis was
    # scored without it, and the gate used to pass with exit 0
    csv = _write_texts(tmp_path / "t.csv", ["!!", "?", "...", "?!", "-", "!?"] * 2, ["a", "b"] * 6)
    args = ["audit", str(csv), "--labels", "label", "--checks", "exact_duplicate,near_duplicate",
            "--no-progress", "--fail-under", "0", "--allow-unmeasured", "accuracy,completeness,consistency"]
    assert cli_main([*args, "--out", str(tmp_path / "o1")]) == 2
    err = capsys.readouterr().err
    assert "cannot pass" in err and "check failed: near_duplicate (representativeness" in err
    assert "--allow-unmeasured representativeness" in err
    args[-1] += ",representativeness"
    assert cli_main([*args, "--out", str(tmp_path / "o2")]) == 0
    err = capsys.readouterr().err
    assert "--fail-under 0 passed" in err and "failed checks allowed by --allow-unmeasured: near_duplicate" in err


def test_cli_text_audit_writes_a_manifest_to_train_from(tmp_path, capsys):
    texts = TEXTS + ["", TEXTS[1]]
    csv = _write_texts(tmp_path / "t.csv", texts, ["a", "b"] * 13)
    out = tmp_path / "out"
    rc = cli_main(["audit", str(csv), "--labels", "label", "--checks", "missing_value,exact_duplicate",
                   "--no-progress", "--out", str(out), "--fail-under", "50", "--allow-unmeasured"])
    err = capsys.readouterr().err
    assert rc == 0, err
    m = pd.read_csv(out / "clean_manifest.csv", keep_default_na=False, dtype=str)
    assert m["text"].tolist() == TEXTS and m["id"].tolist() == [str(i) for i in range(len(TEXTS))]
    assert f"holds {len(TEXTS)} of {len(texts)} examples (id,label,text)" in err
    # what was dropped, among the checks that ran (label, outlier ... did not)
    assert "dropped by default: exact_duplicate, empty examples (missing_value at score 1);" in err
    assert f"dataquality audit {out / 'clean_manifest.csv'} --labels label" in err
    assert "--fail-under 50 passed: overall score" in err


def test_unusable_vectors_are_empty_examples():
    import numpy as np

    E = np.random.default_rng(0).normal(size=(30, 8))
    E[3] = np.nan
    E[7] = 0.0
    report = dq.audit(E, labels=[0, 1] * 15, kind="embeddings", checks=["missing_value"], progress=False)
    assert list(report.empty_examples()) == [3, 7]
    assert len(report.clean_subset()) == 28


def test_text_and_html_say_an_axis_was_scored_without_a_failed_check(tmp_path):
    report = dq.audit(["hello there", "good day", "hello there", "bye now"] * 3, labels=["a", "b"] * 6,
                      embedder=_broken_embedder, checks=["exact_duplicate", "near_duplicate"], progress=False)
    assert report.scores["representativeness"] is not None
    line = "partly measured: representativeness (scored without near_duplicate"
    assert line in str(report)
    report.to_html(tmp_path / "r.html")
    assert line in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_table_manifest_of_a_dataframe_keeps_types_and_odd_text(tmp_path):
    df = pd.DataFrame({"n": list(range(20)), "when": pd.date_range("2021-01-01", periods=20),
                       "name": ['café, "au lait"', "ok"] * 10, "label": ["a", "b"] * 10})
    report = dq.audit(df, labels="label", checks=["missing_value"], progress=False)
    report.clean_subset(manifest=tmp_path / "m.csv")
    m = pd.read_csv(tmp_path / "m.csv", keep_default_na=False, dtype=str)
    assert list(m.columns) == ["id", "n", "when", "name", "label"]
    assert m["n"].tolist() == [str(i) for i in range(20)] and m["when"][1] == "2021-01-02"
    assert m["name"][0] == 'café, "au lait"'


def test_cli_piped_into_a_reader_that_stops_keeps_the_gates_exit_code(tmp_path):
    import subprocess
    import sys

    csv = _write_texts(tmp_path / "t.csv", TEXTS, ["a", "b"] * 12)
    proc = subprocess.Popen([sys.executable, "-m", "dataquality", "audit", str(csv), "--labels", "label", "--checks",
                             "missing_value", "--no-progress", "--out", str(tmp_path / "o"), "--fail-under", "50",
                             "--allow-unmeasured"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # `| head -0`: nothing reads the report
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert "Broken pipe" not in err and "--fail-under 50 passed" in err
    assert (tmp_path / "o" / "clean_manifest.csv").is_file()


def test_cleaning_only_empty_texts_says_how_to_keep_them():
    report = dq.audit(["", " ", "\t", ""] * 3, labels=["a", "b"] * 6, checks=["missing_value"], progress=False)
    with pytest.raises(dq.DataQualityError, match="exclude=report.default_exclude keeps them"):
        report.clean_subset()
    assert len(report.clean_subset(exclude=report.default_exclude)) == 12
