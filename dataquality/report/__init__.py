"""The audit report: a holder plus text, JSON and HTML renderers."""

from ._json import load_report
from ._plots import draw_risk_coverage
from ._report import DEFAULT_EXCLUDE, AuditReport

__all__ = ["AuditReport", "load_report", "DEFAULT_EXCLUDE", "draw_risk_coverage"]
