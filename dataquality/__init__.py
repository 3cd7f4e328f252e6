"""dataquality: find what is wrong with training data before training, and prove what fixing it is worth.

Examples
--------
>>> import dataquality as dq
>>> report = dq.audit("path/to/images")          # doctest: +SKIP
>>> clean = report.clean_subset()                # doctest: +SKIP
"""

import logging as _logging

from . import checks, compute, datasets, training
from ._errors import (
    DataFormatError,
    DataQualityError,
    MissingDependencyError,
    UnknownNameError,
    WeightsNotFoundError,
)
from ._version import __version__
from .audit import audit
from .checks import Check, CheckResult, list_checks, register_check
from .compute import Backend, ExactIndex, FaissIndex, LocalBackend, NeighborIndex, RayBackend, embed, list_backends, list_indexes
from .data import Dataset, as_dataset
from .embeddings import Embedder, list_embedders, register_embedder
from .report import AuditReport, load_report
from .training import CompareResult, EvaluationResult, FinetuneResult, compare, evaluate, finetune, load_model

_logging.getLogger("dataquality").addHandler(_logging.NullHandler())

__all__ = [
    "audit", "as_dataset", "Dataset", "embed", "list_embedders", "register_embedder", "Embedder", "compute",
    "Backend", "LocalBackend", "RayBackend", "list_backends", "NeighborIndex", "ExactIndex", "FaissIndex",
    "list_indexes",
    "list_checks", "register_check", "Check", "CheckResult", "AuditReport", "load_report", "datasets", "checks",
    "DataQualityError", "DataFormatError", "MissingDependencyError", "UnknownNameError", "WeightsNotFoundError",
    "__version__",
    "training", "finetune", "evaluate", "compare", "FinetuneResult", "EvaluationResult", "CompareResult", "load_model",
]
