"""Classification metrics on predicted probabilities: error, hallucination rate, ECE, NLL."""

from __future__ import annotations

import numpy as np

from .._errors import DataQualityError, check_range

ECE_BINS = 15


def _check_probs(probs, y=None):
    p = np.asarray(probs, dtype=np.float64)
    if p.ndim != 2:
        raise DataQualityError(f"Expected probabilities of shape (N, K) but got shape {p.shape}.")
    if y is None:
        return p, None
    yy = np.asarray(y)
    if yy.ndim != 1 or len(yy) != len(p):
        raise DataQualityError(
            f"Expected one integer label per row of probabilities ({len(p)}) but got shape {yy.shape}.")
    yy = yy.astype(np.int64)
    if len(yy) and (yy.min() < 0 or yy.max() >= p.shape[1]):
        raise DataQualityError(f"Expected labels in [0, {p.shape[1]}) but got {yy.min()}..{yy.max()}.")
    return p, yy


def check_tau(tau) -> float:
    """``tau`` must lie in (0, 1]."""
    return check_range("tau", tau, 0.0, 1.0, low_open=True)


def error_rate(probs, y) -> float:
    """1 - accuracy of the arg-max prediction."""
    p, yy = _check_probs(probs, y)
    return float(np.mean(p.argmax(1) != yy)) if len(yy) else float("nan")


def hallucination_rate(probs, y, tau: float = 0.9) -> float:
    """Fraction of examples predicted wrongly with top-class probability >= ``tau``.

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> p = np.array([[0.95, 0.05], [0.6, 0.4], [0.1, 0.9], [0.92, 0.08]])
    >>> dq.training.hallucination_rate(p, [1, 1, 1, 0], tau=0.9)  # only row 0 is confidently wrong
    0.25
    """
    tau = check_tau(tau)
    p, yy = _check_probs(probs, y)
    if not len(yy):
        return float("nan")
    conf = p.max(1)
    return float(np.mean((p.argmax(1) != yy) & (conf >= tau)))


def confident_rate(probs, tau: float = 0.9) -> float:
    """Fraction of inputs predicted with top-class probability >= ``tau`` (for out-of-distribution inputs)."""
    tau = check_tau(tau)
    p, _ = _check_probs(probs)
    return float(np.mean(p.max(1) >= tau)) if len(p) else float("nan")


def reliability_bins(probs, y, n_bins: int = ECE_BINS):
    """Per equal-width confidence bin: (count, mean confidence, accuracy); NaN in empty bins."""
    p, yy = _check_probs(probs, y)
    conf = p.max(1)
    correct = (p.argmax(1) == yy).astype(float)
    # bins (lo, hi]; a confidence of exactly 0 goes to the first bin
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    which = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, n_bins - 1)
    count = np.bincount(which, minlength=n_bins).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_conf = np.bincount(which, weights=conf, minlength=n_bins) / count
        acc = np.bincount(which, weights=correct, minlength=n_bins) / count
    return count, mean_conf, acc


def expected_calibration_error(probs, y, n_bins: int = ECE_BINS) -> float:
    """ECE: sum over equal-width confidence bins of ``|bin| / N * |accuracy - mean confidence|``.

    Bins are ``(k/n_bins, (k+1)/n_bins]`` (15 by default), as in torchmetrics' ``l1`` calibration error.

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> p = np.array([[0.95, 0.05], [0.95, 0.05]])
    >>> round(dq.training.expected_calibration_error(p, [0, 1]), 6)  # one bin: |0.5 - 0.95|
    0.45
    """
    p, yy = _check_probs(probs, y)
    if not len(yy):
        return float("nan")
    count, mean_conf, acc = reliability_bins(p, yy, n_bins)
    ok = count > 0
    return float(np.sum(count[ok] / len(yy) * np.abs(acc[ok] - mean_conf[ok])))


def negative_log_likelihood(probs, y, eps: float = 1e-12) -> float:
    """Mean of ``-log p[y]`` (probabilities clipped at ``eps``)."""
    p, yy = _check_probs(probs, y)
    if not len(yy):
        return float("nan")
    return float(-np.mean(np.log(np.clip(p[np.arange(len(yy)), yy], eps, None))))


def metric_dict(probs, y, tau: float, coverages=None) -> dict:
    """Every metric on one set of predictions, plus ``n`` and ``tau``.

    With ``coverages`` also the selective metrics at those coverages (risk@c, aurc, eaurc, hallucination@c).
    """
    err = error_rate(probs, y)
    hall = hallucination_rate(probs, y, tau)
    conf = confident_rate(probs, tau)
    out = {"n": int(len(y)), "accuracy": 1.0 - err, "error_rate": err, "hallucination_rate": hall,
           "ece": expected_calibration_error(probs, y), "nll": negative_log_likelihood(probs, y),
           # how often the model answers with confidence >= tau, and how often such an answer is wrong
           "confident_rate": conf, "confident_error_rate": hall / conf if conf > 0 else float("nan"),
           "tau": float(tau)}
    if coverages is not None:
        from ._selective import selective_dict

        out.update(selective_dict(probs, y, coverages))
    return out
