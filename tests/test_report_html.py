"""The HTML report: one self-contained file with every section, the flagged examples and a size bound."""

import re

import numpy as np
import pandas as pd
import pytest

import dataquality as dq

from .conftest import lenient_label_checks

SIZE_BOUND = 3 * 1024 * 1024  # documented in docs/report.md for the default caps
SECTIONS = ("scores", "summary", "findings", "labels-plots", "class-distribution", "noise-matrix",
            "embedding-map", "duplicates", "issues", "run")


@pytest.fixture(scope="module")
def planted(tmp_path_factory, digits):
    """~316 digits at 32 px with every plantable issue type, audited with the pixel embedder."""
    X, y = digits
    p = dq.datasets.plant_issues(X, y, tmp_path_factory.mktemp("planted"))
    report = dq.audit(p.root, labels=p.labels_csv, embedder="pixels", cache_dir=False, progress=False,
                      checks=lenient_label_checks())
    return p, report


@pytest.fixture(scope="module")
def page(planted, tmp_path_factory):
    _, report = planted
    path = report.to_html(tmp_path_factory.mktemp("html") / "report.html")
    return path, path.read_text(encoding="utf-8")


def _external_refs(text: str) -> list[str]:
    """src/href/url() values that point anywhere but inline data or a fragment of the page."""
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]+)""", text)
    refs += re.findall(r"""url\(\s*["']?([^"')]+)""", text)
    return [r for r in refs if not (r.startswith("data:") or r.startswith("#"))]


def test_every_section_present_and_self_contained(page):
    path, text = page
    for section in SECTIONS:
        assert f'id="{section}"' in text, section
    assert "http://" not in text and "https://" not in text and "//cdn" not in text
    assert _external_refs(text) == []
    assert "<link" not in text  # no stylesheet or font fetched
    assert text.count("data:image/png;base64,") + text.count("data:image/jpeg;base64,") > 20


def test_scores_shown(page, planted):
    _, report = planted
    _, text = page
    for axis in ("accuracy", "completeness", "consistency", "representativeness", "overall"):
        m = re.search(rf'id="score-{axis}".*?<div class="value">([0-9.]+)</div>', text)
        assert m, axis
        assert float(m.group(1)) == pytest.approx(report.scores[axis], abs=0.051)


def test_each_flagged_issue_type_has_a_gallery_with_its_most_severe_ids(page, planted):
    _, report = planted
    _, text = page
    flagged_types = report.summary.query("count > 0").index.tolist()
    # the planted defects are found, so most issue types have a gallery
    assert {"label", "unreadable", "missing_label", "exact_duplicate", "dark", "odd_size"} <= set(flagged_types)
    for name in flagged_types:
        block = _issue_block(text, name)
        top = report.issues[report.issues["issue"] == name].sort_values(
            ["score", "index"], ascending=[False, True], kind="stable").head(24)
        for rid in top["id"]:
            assert f'data-id="{rid}"' in block, (name, rid)
        assert block.count('class="card"') == len(top)


def test_details_name_suggested_label_and_duplicate_partners(page, planted):
    p, report = planted
    _, text = page
    label_rows = report.issues[report.issues["issue"] == "label"]
    assert len(label_rows)
    assert "suggested" in label_rows["detail"].iloc[0]
    assert _html_escape(label_rows["detail"].iloc[0]) in text
    # every exact duplicate set is shown side by side, members together
    sets = report.issues[report.issues["issue"] == "exact_duplicate"].groupby("group")["id"].apply(sorted)
    assert len(sets) >= len(p.truth["exact_duplicate"]) // 2 - 1
    dup_block = _section(text, "duplicates")
    for members in sets:
        positions = [dup_block.index(f'data-id="{m}"') for m in members]
        between = dup_block[min(positions):max(positions)]
        assert '<div class="set">' not in between  # no other set starts between two members


def test_unreadable_examples_say_why_instead_of_a_thumbnail(page, planted):
    p, _ = planted
    _, text = page
    block = _issue_block(text, "unreadable")
    assert block.count("<img") == 0
    assert block.count('class="noimg"') == len(p.truth["unreadable"])
    assert "empty file" in block


def test_size_bound_and_gallery_cap(page, planted, tmp_path):
    path, text = page
    _, report = planted
    assert path.stat().st_size < SIZE_BOUND
    counts = report.summary["count"]
    assert counts.max() > 5
    small = report.to_html(tmp_path / "small.html", max_gallery=5, map_method="pca").read_text(encoding="utf-8")
    block = _issue_block(small, "label")
    assert block.count('class="card"') == 5
    assert f"Showing 5 of {counts['label']}" in block
    assert len(small) < len(text)


def test_refuses_to_overwrite(planted, tmp_path):
    _, report = planted
    target = tmp_path / "r.html"
    target.write_text("keep me")
    with pytest.raises(dq.DataQualityError, match="overwrite"):
        report.to_html(target)
    assert target.read_text() == "keep me"
    dq.load_report(report.to_json()).to_html(target, overwrite=True, max_gallery=2)
    assert "<!doctype html>" in target.read_text(encoding="utf-8")


def test_bad_options_raise(planted, tmp_path):
    _, report = planted
    with pytest.raises(dq.DataQualityError, match="map_method"):
        report.to_html(tmp_path / "x.html", map_method="umap")
    with pytest.raises(dq.DataQualityError, match="max_gallery"):
        report.to_html(tmp_path / "x.html", max_gallery=-1)


def test_report_loaded_from_json_renders_without_thumbnails(planted, tmp_path):
    _, report = planted
    loaded = dq.load_report(report.to_json())
    assert loaded.dataset is None and loaded.embeddings is None
    text = loaded.to_html(tmp_path / "j.html").read_text(encoding="utf-8")
    galleries = _section(text, "issues") + _section(text, "duplicates")
    assert "<img " not in galleries and "<table>" in galleries  # tables of ids and details, no thumbnails
    top = report.issues[report.issues["issue"] == "label"].iloc[0]
    assert f'data-id="{top["id"]}"' in text
    assert "No embeddings" in text
    assert 'id="noise-matrix"' in text  # plots come from the findings, which JSON keeps


def test_text_report_shows_snippets(tmp_path):
    texts = ["a fine film with a good plot", "great acting and a great story", "awful film, dull plot",
             "boring and far too long", "a fine film with a good plot", "", "good fun for the whole family",
             "dreadful script and bad acting"]
    labels = ["pos", "pos", "neg", "neg", "neg", "neg", "pos", "neg"]
    report = dq.audit(texts, labels=labels, progress=False, cache_dir=False)
    text = report.to_html(tmp_path / "t.html").read_text(encoding="utf-8")
    assert "<th>text</th>" in text
    assert "a fine film with a good plot" in text  # the duplicated snippet is shown
    dup = report.issues[report.issues["issue"] == "exact_duplicate"]
    assert set(dup["id"]) == {"0", "4"}
    assert 'data-id="5"' in text  # the empty text (missing_value)


def test_tabular_report_shows_rows(tmp_path):
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"height": rng.normal(170, 10, 60), "weight": rng.normal(70, 8, 60),
                       "label": rng.choice(["a", "b"], 60)})
    df.loc[7, "weight"] = np.nan
    report = dq.audit(df, labels="label", progress=False, cache_dir=False)
    assert "7" in set(report.flagged("missing_value"))
    text = report.to_html(tmp_path / "tab.html").read_text(encoding="utf-8")
    assert "<th>row</th>" in text
    block = _issue_block(text, "missing_value")
    assert "weight=nan" in block


def test_comparison_table_included(planted, tmp_path):
    _, report = planted

    class FakeComparison:
        table = pd.DataFrame({"subset": ["dirty", "clean"], "metric": ["error_rate"] * 2, "mean": [0.2, 0.1]})

        def to_text(self):
            return "clean beats dirty"

    loaded = dq.load_report(report.to_json())
    loaded.comparison = FakeComparison()
    text = loaded.to_html(tmp_path / "c.html").read_text(encoding="utf-8")
    assert 'id="comparison"' in text and "clean beats dirty" in text and "<td>dirty</td>" in text


def _section(text: str, section_id: str) -> str:
    start = text.index(f'<section id="{section_id}"')
    return text[start:text.index("</section>", start)]


def _issue_block(text: str, name: str) -> str:
    """The gallery or table of one issue type, inside the examples section."""
    section = _section(text, "issues")
    start = section.index(f'id="issue-{name}"')
    end = section.find('<div class="issue"', start + 1)
    return section[start:end if end > 0 else len(section)]


def _html_escape(s: str) -> str:
    import html

    return html.escape(s, quote=True)


def test_json_fields_are_documented_and_round_trip(planted):
    """Every field report.to_json writes is in docs/report-schema.md, and comes back from load_report."""
    import json
    from pathlib import Path

    _, report = planted
    doc = json.loads(report.to_json())
    schema = (Path(__file__).resolve().parents[1] / "docs" / "report-schema.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)`", schema, flags=re.M))
    assert set(doc) <= documented, set(doc) - documented
    assert set(doc["issues"][0]) <= documented
    for key in doc["findings"]:
        assert f"`{key}`" in schema, key
    back = dq.load_report(json.dumps(doc))
    assert back.findings["label"]["noise_matrix"] == doc["findings"]["label"]["noise_matrix"]
    assert back.classes == report.classes and back.labels == report.labels
    assert back.checks_run == report.checks_run and back.config == doc["config"]
    assert back.summary.equals(report.summary)


AXIS_OF = {"label": "accuracy", "missing_label": "completeness", "unreadable": "completeness",
           "conflicting_labels": "consistency", "odd_size": "consistency", "odd_aspect_ratio": "consistency",
           "mode_mismatch": "consistency", "exact_duplicate": "representativeness",
           "near_duplicate": "representativeness", "outlier": "representativeness", "dark": "representativeness",
           "light": "representativeness", "blurry": "representativeness", "low_information": "representativeness",
           "leakage": "representativeness"}


@pytest.mark.slow
def test_size_bound_holds_in_the_worst_case_of_full_galleries_of_photos(tmp_path):
    """Every image issue type with more flags than the gallery shows, 24 duplicate sets of 8, photo thumbnails."""
    from PIL import Image
    from sklearn.datasets import load_sample_image

    rng = np.random.default_rng(0)
    photos = [load_sample_image(name) for name in ("china.jpg", "flower.jpg")]
    images = []
    for k in range(800):
        a = photos[k % 2]
        x, y = rng.integers(0, a.shape[1] - 200), rng.integers(0, a.shape[0] - 200)
        images.append(Image.fromarray(a[y:y + 200, x:x + 200]))
    ds = dq.as_dataset(images, labels=[str(k % 10) for k in range(800)])
    rows, pos = [], 0
    for name, axis in AXIS_OF.items():
        if name in ("exact_duplicate", "near_duplicate"):
            for s in range(12):
                rows += [dict(index=m, issue=name, score=1.0, group=f"{name}-{s}") for m in range(pos, pos + 8)]
                pos += 8
        else:
            rows += [dict(index=m, issue=name, score=0.9, group="") for m in range(pos, pos + 30)]
            pos += 30
    issues = pd.DataFrame(rows)
    issues["id"] = [ds.ids[i] for i in issues["index"]]
    issues["axis"] = issues["issue"].map(AXIS_OF)
    issues["detail"] = "a detail of about sixty characters, like most details are ....."
    classes = [str(c) for c in range(10)]
    report = dq.AuditReport(
        scores=dict(accuracy=50.0, completeness=60.0, consistency=70.0, representativeness=80.0, overall=65.0),
        issues=issues[["index", "id", "issue", "axis", "score", "detail", "group"]], n=len(ds), ids=list(ds.ids),
        labels=list(ds.labels), checks_run=list(AXIS_OF), dataset=ds, classes=classes,
        embeddings=rng.normal(size=(len(ds), 64)).astype(np.float16),
        findings={"labels": {"class_counts": {c: 80 for c in classes}},
                  "label": {"noise_matrix": {"classes": classes,
                                             "given_by_suggested": rng.integers(0, 5, (10, 10)).tolist()}}})
    text = report.to_html(tmp_path / "worst.html").read_text(encoding="utf-8")
    assert text.count("<img ") > 500
    assert len(text.encode("utf-8")) < SIZE_BOUND
