"""A check carries what its issue type means, and the report keeps it: a report made with a user's
own check prints, renders and cleans in a process that never imported that check."""

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import dataquality as dq

PLUGIN = '''
from dataclasses import dataclass

import numpy as np

import dataquality as dq


@dq.register_check
@dataclass
class ShoutingCheck(dq.Check):
    """Texts written in capitals only."""

    name = "shouting_plugin"
    axis = "consistency"
    modalities = frozenset({"text"})
    description = "Plug-in: texts WRITTEN IN CAPITALS, which read as shouting."
    excluded_by_default = True
    min_letters: int = 3

    def run(self, ctx):
        texts = ctx.dataset.texts
        idx = [i for i, t in enumerate(texts) if sum(c.isalpha() for c in t) >= self.min_letters and t.upper() == t]
        return dq.CheckResult.from_lists(idx, np.ones(len(idx)), ["all capitals"] * len(idx),
                                         findings={"shouting": len(idx)})

    @classmethod
    def describe(cls, findings):
        return [f"Plug-in says: {findings['shouting']} text(s) shout."]

    @classmethod
    def describe_trust(cls, findings):
        return ["shouting check: capitals alone, acronyms count too"]
'''

TEXTS = ["a calm review", "ANOTHER LOUD ONE", "quiet words here", "a calm review", "WHY SO LOUD",
         "gentle prose", "soft spoken text", "mild opinion"]
LABELS = ["a", "b", "a", "a", "b", "b", "a", "b"]


@pytest.fixture
def plugin_module(tmp_path, monkeypatch):
    """The plug-in, importable in this process only (the registry is restored afterwards)."""
    import dataquality.checks._base as base

    monkeypatch.setattr(base, "_CHECKS", dict(base._CHECKS))
    folder = tmp_path / "plugin_src"
    folder.mkdir()
    (folder / "dq_shouting_plugin.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder))
    import importlib

    module = importlib.import_module("dq_shouting_plugin")
    yield module
    sys.modules.pop("dq_shouting_plugin", None)


def test_report_with_a_plugin_check_renders_and_cleans_without_it(plugin_module, tmp_path):
    report = dq.audit(TEXTS, labels=LABELS, checks=["shouting_plugin", "exact_duplicate"], progress=False,
                      cache_dir=False)
    assert sorted(report.flagged("shouting_plugin")) == ["1", "4"]
    meta = report.issue_types["shouting_plugin"]
    assert meta["excluded_by_default"] is True and meta["sentences"] == ["Plug-in says: 2 text(s) shout."]
    assert meta["trust"] == ["shouting check: capitals alone, acronyms count too"]
    report.to_json(tmp_path / "report.json")
    (tmp_path / "data.json").write_text(json.dumps({"texts": TEXTS, "labels": LABELS}), encoding="utf-8")

    script = textwrap.dedent(f"""
        import importlib.util, json, sys
        import dataquality as dq

        assert importlib.util.find_spec("dq_shouting_plugin") is None  # the plug-in is not to be had here
        report = dq.load_report({str(tmp_path / "report.json")!r})
        assert "shouting_plugin" not in dq.list_checks()
        text = str(report)
        assert "shouting_plugin" in text and "Plug-in says: 2 text(s) shout." in text, text
        # the check's trust line stands beside the scores, before any issue type's flags
        lines = text.splitlines()
        at = lines.index("shouting check: capitals alone, acronyms count too")
        scores_at = next(i for i, ln in enumerate(lines) if ln.startswith("scores: "))
        assert scores_at < at < lines.index("[consistency]"), text
        html = report.to_html({str(tmp_path / "report.html")!r}).read_text(encoding="utf-8")
        data = json.load(open({str(tmp_path / "data.json")!r}, encoding="utf-8"))
        clean = report.clean_subset(dataset=dq.as_dataset(data["texts"], data["labels"]))
        print(json.dumps({{"html": html, "clean": list(clean.ids), "summary_axis": report.summary.loc[
            "shouting_plugin", "axis"]}}))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert "Plug-in: texts WRITTEN IN CAPITALS, which read as shouting." in got["html"]
    assert "Plug-in says: 2 text(s) shout." in got["html"]
    assert "<li>shouting check: capitals alone, acronyms count too</li>" in got["html"]
    assert 'id="issue-shouting_plugin"' in got["html"]
    # the plug-in's rows dropped by default; of the exact pair 0/3 one member stays
    assert got["clean"] == ["0", "2", "5", "6", "7"]
    assert got["summary_axis"] == "consistency"


def test_report_defaults_come_from_the_checks_declarations(plugin_module):
    report = dq.audit(TEXTS, labels=LABELS, checks=["shouting_plugin", "exact_duplicate"], progress=False,
                      cache_dir=False)
    assert "shouting_plugin" in report.default_exclude and "exact_duplicate" in report.default_exclude
    assert "near_duplicate" not in report.default_exclude
    assert report.set_issues == ("exact_duplicate", "near_duplicate")
    # leaving the plug-in out of exclude= keeps its examples
    kept = report.clean_indices(["exact_duplicate"]).tolist()
    assert kept == [0, 1, 2, 4, 5, 6, 7]


def test_a_check_that_explains_another_drops_its_flags(plugin_module):
    """``explains`` on one check is the precedence the orchestrator applies to the other."""
    import dataquality.checks._base as base

    cls = base._CHECKS["shouting_plugin"]
    cls.explains = frozenset({"exact_duplicate"})
    try:
        report = dq.audit(TEXTS + ["WHY SO LOUD"], labels=LABELS + ["b"], checks=["shouting_plugin", "exact_duplicate"],
                          progress=False, cache_dir=False)
    finally:
        cls.explains = frozenset()
    # 4 and 8 are an exact pair, but both shout: reported as shouting only; 0 and 3 stay duplicates
    assert sorted(report.flagged("exact_duplicate")) == ["0", "3"]
    assert report.findings["exact_duplicate"]["explained_by_other_checks"] == 2
    assert report.issue_types["exact_duplicate"]["explained_by"] == ["shouting_plugin"]


def test_schema1_reports_without_issue_types_still_load_and_clean():
    report = dq.audit(TEXTS, labels=LABELS, checks=["exact_duplicate", "missing_value"], progress=False,
                      cache_dir=False)
    doc = json.loads(report.to_json())
    del doc["issue_types"]  # as written before the field existed
    back = dq.load_report(json.dumps(doc))
    assert back.issue_types == {}
    assert back.summary.loc["exact_duplicate", "axis"] == "representativeness"
    assert back.clean_indices().tolist() == report.clean_indices().tolist() == [0, 1, 2, 4, 5, 6, 7]
    assert "exact_duplicate" in str(back)


def test_schema1_reports_keep_the_label_checks_trust_warning(digits):
    X, y = digits
    labels = [int(v) if i % 11 else (int(v) + 1) % 10 for i, v in enumerate(y[:120])]
    report = dq.audit(X[:120], labels=labels, embedder="pixels", progress=False, cache_dir=False)
    assert report.findings["label"].get("trust") in ("low", "none")  # 12 per class: below the trusted size
    doc = json.loads(report.to_json())
    del doc["issue_types"]  # as written before the checks saved their own trust lines
    back = dq.load_report(json.dumps(doc))
    warning = [ln for ln in str(report).splitlines() if "LOW TRUST" in ln or "NOT TRUSTED" in ln]
    assert warning and any(ln.split(":")[0] in str(back) for ln in warning)
    assert ("LOW TRUST" in str(back)) == ("LOW TRUST" in str(report))


def test_schema1_record_matches_the_builtin_checks():
    """The record of what built-in issue types meant in schema-1 reports agrees with the checks."""
    from dataquality.checks import issue_types
    from dataquality.report._issue_types import DEFAULT_EXCLUDE, SCHEMA1_ISSUE_TYPES

    live = issue_types()
    # causes added after schema-1 reports were written (the record keeps what those reports meant)
    later = {"outlier": {"near_duplicate"}}
    for name, old in SCHEMA1_ISSUE_TYPES.items():
        now = live[name]
        assert {k: now[k] for k in ("axis", "forms_sets", "excluded_by_default")} == \
               {k: old[k] for k in ("axis", "forms_sets", "excluded_by_default")}, name
        assert sorted(now["explained_by"]) == sorted(set(old["explained_by"]) | later.get(name, set())), name
    assert set(DEFAULT_EXCLUDE) == {n for n, m in live.items() if m["excluded_by_default"]}
    from dataquality.report import DEFAULT_EXCLUDE as public

    assert public == DEFAULT_EXCLUDE


def test_report_package_does_not_import_the_check_registry():
    root = Path(dq.__file__).parent / "report"
    for path in root.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                mod = ("." * node.level) + (node.module or "")
                assert "checks" not in mod and "audit" not in mod, f"{path.name} imports {mod}"


def test_planted_issue_types_are_registered_checks():
    """plant_issues (and the detection benchmark, which reads its list) plants only real issue types."""
    assert set(dq.datasets.PLANTABLE) <= set(dq.list_checks("image"))
