"""What a user gets out: exact duplicates without an embedder, clean_subset's defaults on text and tables, the
CLI's clean manifest and its --fail-under gate."""


import dataquality as dq


def _broken_embedder(texts):
    raise RuntimeError("model server down")


# -- exact duplicates from content keys when the neighbours cannot be computed ------------------------------------
def test_exact_duplicates_found_when_the_embedder_fails():
    texts = ["hello there", "good day", "Hello  there", "bye now", "see you soon"] * 1 + ["hello there"]
    report = dq.audit(texts, labels=["a", "b", "a", "b", "a", "a"], embedder=_broken_embedder, progress=False)
    assert "exact_duplicate" not in report.errors, report.errors
    assert sorted(report.issues.loc[report.issues["issue"] == "exact_duplicate", "index"]) == [0, 2, 5]
    # the checks that need neighbours still say why they could not run
    assert "model server down" in report.errors["near_duplicate"]
    assert "model server down" in report.errors["outlier"]


def test_exact_duplicates_found_in_texts_with_no_usable_word():
    texts = ["!!", "?", "!!", "...", "?!", "-"]
    report = dq.audit(texts, labels=["a", "b"] * 3, progress=False)
    assert "exact_duplicate" not in report.errors, report.errors
    assert sorted(report.issues.loc[report.issues["issue"] == "exact_duplicate", "index"]) == [0, 2]
    assert "near_duplicate" in report.errors
