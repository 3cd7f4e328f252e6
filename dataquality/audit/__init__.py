"""The audit: shared intermediates, orchestration, scores."""

from ._audit import audit
from ._context import AuditContext
from ._knn import knn_cosine
from ._probe import out_of_fold_probs

__all__ = ["audit", "AuditContext", "knn_cosine", "out_of_fold_probs"]
