"""Fine-tuning helper and the measurements of what cleaning did: finetune, evaluate, compare."""

from ._compare import CompareResult, compare, t_interval
from ._evaluate import EvaluationResult, evaluate
from ._finetune import finetune
from ._metrics import (
    confident_rate,
    error_rate,
    expected_calibration_error,
    hallucination_rate,
    negative_log_likelihood,
    reliability_bins,
)
from ._result import FinetuneResult, load_model
from ._selective import (
    aurc,
    eaurc,
    hallucination_at_coverage,
    ood_answered_at_coverage,
    ood_auroc,
    risk_at_coverage,
    risk_coverage_curve,
)

__all__ = ["finetune", "evaluate", "compare", "FinetuneResult", "EvaluationResult", "CompareResult", "load_model",
           "hallucination_rate", "expected_calibration_error", "negative_log_likelihood", "error_rate",
           "confident_rate", "reliability_bins", "t_interval", "risk_at_coverage", "risk_coverage_curve", "aurc",
           "eaurc", "hallucination_at_coverage", "ood_answered_at_coverage", "ood_auroc"]
