"""The audit: check selection, orchestration, findings, scores."""

from ..compute import Context as AuditContext
from ._audit import audit

__all__ = ["audit", "AuditContext"]
