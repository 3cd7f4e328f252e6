"""JSON round trip of an AuditReport. Schema: docs/report-schema.md."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import DataQualityError

SCHEMA_VERSION = 1


def _clean(o):
    """JSON-ready values; strings with lone surrogates (bytes of non-UTF-8 names) get U+FFFD."""
    from .._io import utf8_text

    if isinstance(o, dict):
        return {utf8_text(str(k)): _clean(v) for k, v in o.items()}
    if isinstance(o, str):
        return utf8_text(o)
    if isinstance(o, (list, tuple)):
        return [_clean(v) for v in o]
    if isinstance(o, np.generic):
        o = o.item()
    if isinstance(o, float) and not math.isfinite(o):
        return None if math.isnan(o) else ("inf" if o > 0 else "-inf")
    if isinstance(o, (int, float, bool)) or o is None:
        return o
    if isinstance(o, np.ndarray):
        return _clean(o.tolist())
    return utf8_text(str(o))


def report_to_json(report, path=None, *, overwrite=False) -> str:
    doc = {
        "schema_version": SCHEMA_VERSION,
        "n": report.n,
        "scores": report.scores,
        "classes": report.classes,
        "ids": report.ids,
        "labels": report.labels,
        "checks_run": report.checks_run,
        "issues": report.issues[["index", "id", "issue", "axis", "score", "detail", "group"]].to_dict("records"),
        "findings": report.findings,
        "errors": report.errors,
        "config": report.config,
        "timings": report.timings,
        "issue_types": report.issue_types,
    }
    text = json.dumps(_clean(doc), indent=1, allow_nan=False)
    if path is not None:
        from .._io import safe_write_text

        safe_write_text(path, text, overwrite=overwrite)
    return text


def load_report(path_or_text):
    """Read a report written by ``to_json`` (a path, or the JSON text itself)."""
    from ._report import AuditReport

    text = str(path_or_text)
    if not text.lstrip().startswith("{"):
        p = Path(path_or_text)
        if not p.is_file():
            raise DataQualityError(f"No report at {p}. Expected a file written by report.to_json(path).")
        text = p.read_text(encoding="utf-8")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataQualityError(f"Not a dataquality report (invalid JSON: {exc}).") from exc
    if not isinstance(doc, dict) or doc.get("schema_version") != SCHEMA_VERSION:
        raise DataQualityError(f"Expected a report with schema_version {SCHEMA_VERSION} but got "
                               f"{doc.get('schema_version') if isinstance(doc, dict) else type(doc).__name__}.")
    cols = ["index", "id", "issue", "axis", "score", "detail", "group"]
    issues = pd.DataFrame(doc["issues"], columns=cols).astype({"index": np.int64, "score": float})
    issues["group"] = issues["group"].fillna("")
    return AuditReport(scores=doc["scores"], issues=issues, n=doc["n"], ids=doc["ids"], labels=doc["labels"],
                       checks_run=doc["checks_run"], findings=doc["findings"], errors=doc["errors"],
                       config=doc["config"], timings=doc.get("timings", {}), classes=doc["classes"],
                       issue_types=doc.get("issue_types") or {})
