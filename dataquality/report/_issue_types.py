"""What a report knows about its issue types, from its own data (never from the check registry).

An audit saves, for every registered check, its axis, description, whether it forms sets, whether
cleaning drops it by default and which issue types explain it better (``report.issue_types``,
written by ``Check.issue_type``), plus the sentences the checks that ran wrote about their
findings and about how far their flags can be trusted. A report saved with a user's own check
therefore prints, renders and cleans in a process that never imported that check.

Reports written before ``issue_types`` was saved (schema 1 without the field) are read with
``SCHEMA1_ISSUE_TYPES``: what the built-in issue types meant then. It is a record of those
reports, not a second source for new ones (tests/test_plugin_report.py holds it against the
registry).
"""

from __future__ import annotations

from .._errors import unknown_name


def _meta(axis, *, sets=False, drop=False, explained_by=()):
    return {"axis": axis, "description": "", "forms_sets": sets, "excluded_by_default": drop,
            "explained_by": sorted(explained_by)}


_CAUSES = ("blurry", "dark", "light", "low_information", "missing_value", "odd_aspect_ratio", "odd_size", "schema")

SCHEMA1_ISSUE_TYPES = {
    "blurry": _meta("representativeness"),
    "conflicting_labels": _meta("consistency", drop=True),
    "dark": _meta("representativeness"),
    "encoding_error": _meta("consistency"),
    "exact_duplicate": _meta("representativeness", sets=True, drop=True),
    "label": _meta("accuracy", drop=True),
    "leakage": _meta("representativeness"),
    "light": _meta("representativeness"),
    "low_information": _meta("representativeness"),
    "missing_label": _meta("completeness", drop=True),
    "missing_value": _meta("completeness"),
    "mode_mismatch": _meta("consistency"),
    "near_duplicate": _meta("representativeness", sets=True),
    "odd_aspect_ratio": _meta("consistency"),
    "odd_length": _meta("consistency"),
    "odd_size": _meta("consistency"),
    "outlier": _meta("representativeness", drop=True, explained_by=_CAUSES),
    "schema": _meta("consistency"),
    "unreadable": _meta("completeness", drop=True),
}

# the built-in issue types that cleaning drops unless told otherwise (a report's own default,
# which also counts its plug-ins, is ``report.default_exclude``)
DEFAULT_EXCLUDE = tuple(name for name, m in SCHEMA1_ISSUE_TYPES.items() if m["excluded_by_default"])


def known_issue_types(report) -> dict[str, dict]:
    """``{name: metadata}`` for every issue type the report can speak of: what it saved, over the
    schema-1 record for the built-in ones it did not."""
    return {**SCHEMA1_ISSUE_TYPES, **(report.issue_types or {})}


def resolve_exclude(report, exclude) -> tuple[str, ...]:
    """``exclude`` as a tuple of known issue types (``None``: the report's default); an unknown name
    raises, listing the valid ones."""
    if exclude is None:
        return report.default_exclude
    exclude = (exclude,) if isinstance(exclude, str) else tuple(exclude)
    known = known_issue_types(report)
    for name in exclude:
        if name not in known:
            raise unknown_name("check", name, sorted(known))
    return exclude


def trust_lines(report) -> list[str]:
    """What each issue type that ran said about how far its flags can be trusted (saved by the audit,
    see ``Check.describe_trust``), shown beside the scores."""
    types = known_issue_types(report)
    out: list[str] = []
    for name in report.checks_run:
        meta = types.get(name) or {}
        if "trust" in meta:
            out += [str(s) for s in meta["trust"] or []]
            continue
        # a report saved before the checks wrote these lines: the warning from the findings' own keys
        found = report.findings.get(name) or {}
        if found.get("not_measured") and found.get("trust") is not None:
            out.append(f"{name} check NOT TRUSTED, nothing flagged (why: under 'not measured' above)")
        elif found.get("trust") == "low":
            out.append(f"{name} check has LOW TRUST: " + "; ".join(map(str, found.get("trust_reasons") or [])))
    return out


def issue_type_sentences(report) -> list[str]:
    """What each issue type that ran said about its findings (saved by the audit, see
    ``Check.describe``), and how many of its flags went to a more specific issue type."""
    types = known_issue_types(report)
    out: list[str] = []
    for name in report.checks_run:
        meta = types.get(name) or {}
        out += [str(s) for s in meta.get("sentences") or []]
        explained = (report.findings.get(name) or {}).get("explained_by_other_checks")
        if explained:
            by = ", ".join(meta.get("explained_by") or []) or "other checks"
            out.append(f"{explained} example(s) flagged as {name} are reported under a more specific issue ({by}), "
                       f"not as {name}.")
    return out
