"""Planted-defect tests for every check on a small text set: exactly the planted rows are flagged."""

import numpy as np
import pandas as pd
import pytest

import dataquality as dq

POOLS = {
    "sports": "team game goal match player coach season league score win striker referee stadium fans cup".split(),
    "space": "rocket orbit planet moon launch nasa star galaxy astronaut telescope mars satellite comet gravity".split(),
    "cooking": "recipe oven flour sugar butter bake garlic onion sauce pasta salt pepper simmer dough".split(),
}
FILL = "the a of and with in on for to this that very".split()


def make_texts(n_per=30, seed=0):
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for _ in range(n_per):
        for c, pool in POOLS.items():
            words = list(rng.choice(pool, 10)) + list(rng.choice(FILL, 6))
            rng.shuffle(words)
            texts.append(" ".join(words))
            labels.append(c)
    return texts, labels


def flagged(report, issue):
    return set(report.issues.loc[report.issues["issue"] == issue, "index"].tolist())


def run(texts, labels=None, checks=None, **kw):
    return dq.audit(texts, labels=labels, checks=checks, progress=False, cache_dir=False, **kw)


@pytest.fixture(scope="module")
def planted():
    texts, labels = make_texts()
    labels[4] = "cooking"  # a space text labelled cooking
    labels[8] = "sports"  # a cooking text labelled sports
    texts[33] = "  " + texts[3].upper().replace(" ", "   ") + "\n"  # same as 3 after case/space folding
    texts[36] = texts[6] + " season"  # one word more than 6 (both sports)
    texts[12] = "   \n\t"  # whitespace only
    texts[13] = ""
    texts[15] = texts[15].replace("team", "cafÃ© team", 1).replace("game", "donâ€™t game", 1)
    texts[16] = texts[16] + " \ufffd"
    texts[17] = texts[17] + " \x00\x07"
    texts[18] = "goal"  # one word among sixteen-word texts
    texts[19] = " ".join([texts[19]] * 40)  # forty times the usual length
    texts[21] = "zqxv wplk jjrt vvbn mmqa kkoe llpz ffyu ggww hhtr ddsx ccvb bbnm nnhj yyui oopl"  # none of the vocabulary
    texts[24] = texts[27]  # exact copy across labels (24: sports, 27: sports) -> plain duplicate
    texts[39] = texts[42]  # copy: 39 sports, 42 sports
    texts[45] = texts[47]  # 45 sports, 47 cooking: conflicting labels
    return texts, labels


@pytest.fixture(scope="module")
def report(planted):
    texts, labels = planted
    return run(texts, labels)


def test_as_dataset_text_forms(tmp_path):
    texts, labels = make_texts(3)
    ds = dq.as_dataset(texts, labels)
    assert ds.modality == "text" and len(ds) == 9 and ds.texts == texts
    df = pd.DataFrame({"text": texts, "label": labels})
    assert dq.as_dataset(df).modality == "text" and list(dq.as_dataset(df).labels) == labels
    df.to_csv(tmp_path / "t.csv", index=False)
    ds = dq.as_dataset(str(tmp_path / "t.csv"), labels="label")
    assert ds.modality == "text" and ds.texts == texts and list(ds.labels) == labels


def test_label(report):
    # 4 and 8 flipped; 45 holds a cooking text labelled sports. 21 shares no word with any class: it
    # is reported as an outlier, not as mislabelled (the probe alone, knn_weight=0, also called it a
    # label issue because it gave it no confident class)
    assert flagged(report, "label") == {4, 8, 45}
    det = report.issues.set_index(["issue", "index"]).loc[("label", 4), "detail"]
    assert "suggested 'space'" in det


def test_exact_duplicate_folds_case_and_whitespace(report):
    assert flagged(report, "exact_duplicate") == {3, 33, 24, 27, 39, 42, 45, 47}


def test_near_duplicate(report):
    assert flagged(report, "near_duplicate") == {6, 36}


def test_conflicting_labels(report):
    assert flagged(report, "conflicting_labels") == {45, 47}


def test_missing_value(report):
    assert flagged(report, "missing_value") == {12, 13}


def test_encoding_error(report):
    assert flagged(report, "encoding_error") == {15, 16, 17}
    det = report.issues.set_index(["issue", "index"]).loc[("encoding_error", 15), "detail"]
    assert "mojibake" in det


def test_encoding_error_ignores_legitimate_accents():
    texts = ["naïve café in Zürich", "Größe “quoted” — dash", "日本語のテキスト", "résumé © 2020", "tab\tand\nnewline"]
    assert flagged(run(texts, checks=["encoding_error"]), "encoding_error") == set()


def test_odd_length(report):
    assert flagged(report, "odd_length") == {18, 19}


def test_outlier(report):
    assert flagged(report, "outlier") == {21}


def test_leakage_against_reference(planted):
    texts, labels = make_texts()
    test_texts, test_labels = make_texts(5, seed=1)
    test_texts[0] = texts[2].upper()  # train 2 leaked (case differs)
    test_texts[1] = texts[5] + " coach"  # train 5 leaked with a small edit
    r = run(texts, labels, checks=["leakage"], reference=pd.DataFrame({"text": test_texts, "label": test_labels}))
    assert flagged(r, "leakage") == {2, 5}


def test_clean_texts_flag_nothing():
    texts, labels = make_texts()
    r = run(texts, labels)
    assert len(r.issues) == 0, r.issues


def test_compare_clean_vs_dirty_runs_on_text():
    texts, labels = make_texts(20)
    dirty_labels = list(labels)
    for i in range(0, 60, 5):  # a fifth of the labels rotated to another class
        dirty_labels[i] = {"sports": "space", "space": "cooking", "cooking": "sports"}[labels[i]]
    train = pd.DataFrame({"text": texts, "label": dirty_labels})
    test_texts, test_labels = make_texts(10, seed=1)
    test = pd.DataFrame({"text": test_texts, "label": test_labels})
    report = dq.audit(train, progress=False, cache_dir=False)
    clean = report.clean_subset()
    table = dq.compare(train=train, test=test, subsets={"dirty": train, "clean": clean}, seeds=(0,), progress=False)
    wide = table.wide()
    assert {"dirty", "clean"} <= set(wide.index)
    assert wide.loc["dirty", "n_train"] == len(train) and wide.loc["clean", "n_train"] == len(clean)
    assert len(clean) < len(train)  # the flipped labels were dropped
    assert wide["error_rate"].between(0, 1).all()
