"""Selective classification: risk-coverage, AURC / E-AURC, matched-coverage hallucination, OOD answers.

A model that may abstain answers its most confident inputs first. Ranking the test answers by
confidence (the top-class probability unless ``confidence=`` gives other scores) defines, for every
coverage ``c`` in (0, 1], the share ``c`` of inputs it answers and the errors among them
(Geifman and El-Yaniv, "Selective classification for deep neural networks", 2017).

Ties in confidence carry no ranking: answers with equal confidence are taken together, and a
coverage that falls inside a group of equal confidences takes the group's errors pro rata (the
expected value over every order of the tied answers). Between two answers the number of answered
inputs ``c * n`` may be fractional: the boundary answer counts with its fraction (an abstention
drawn at random for that one input). So every metric here is a deterministic function of the
confidences, independent of the input order, unchanged by any strictly increasing transform of the
confidences, and ``risk_at_coverage(..., 1.0)`` is the error rate.
"""

from __future__ import annotations

import numpy as np

from .._errors import DataQualityError, check_range
from ._metrics import _check_probs

COVERAGES = (0.5, 0.8, 0.9)


def check_coverage(coverage) -> float:
    """``coverage`` must lie in (0, 1]."""
    return check_range("coverage", coverage, 0.0, 1.0, low_open=True)


def check_coverages(coverages) -> tuple[float, ...]:
    """A non-empty sequence of coverages, each in (0, 1]."""
    if isinstance(coverages, (int, float, np.number)):
        coverages = (coverages,)
    try:
        values = tuple(check_coverage(c) for c in coverages)
    except TypeError:
        raise DataQualityError(
            f"Expected argument `coverages` to be a sequence of numbers in (0, 1] but got {coverages!r}.") from None
    if not values:
        raise DataQualityError("Expected at least one coverage in `coverages` but got none.")
    names = [f"{c:g}" for c in values]
    if len(set(names)) < len(names):  # each names its metrics (risk@0.9): two of one name, one would overwrite the other
        raise DataQualityError(f"Expected distinct coverages but got {list(values)}, which name the same metrics "
                               f"({', '.join(sorted({n for n in names if names.count(n) > 1}))}).")
    return values


def _confidence_and_wrong(probs, y, confidence):
    p, yy = _check_probs(probs, y)
    wrong = p.argmax(1) != yy
    if confidence is None:
        conf = p.max(1)
    else:
        conf = np.asarray(confidence, dtype=np.float64)
        if conf.ndim != 1 or len(conf) != len(p):
            raise DataQualityError(
                f"Expected one confidence per row of probabilities ({len(p)}) but got shape {conf.shape}.")
    if not np.all(np.isfinite(conf)):
        raise DataQualityError("Expected finite confidences but got NaN or infinite values. "
                               "Leave out the unusable rows first.")
    return conf, wrong


def _tie_blocks(conf: np.ndarray, weights: np.ndarray | None = None):
    """Distinct confidences from the highest down, with the count (and summed weights) of each."""
    levels, inverse = np.unique(-conf, return_inverse=True)
    counts = np.bincount(inverse, minlength=len(levels)).astype(np.float64)
    summed = None if weights is None else np.bincount(inverse, weights=weights, minlength=len(levels))
    return -levels, counts, summed


def _errors_among_answered(conf: np.ndarray, wrong: np.ndarray, answered) -> np.ndarray:
    """Expected number of errors among the ``answered`` most confident inputs (answered may be fractional)."""
    _, counts, errors = _tie_blocks(conf, wrong.astype(np.float64))
    bounds = np.concatenate([[0.0], np.cumsum(counts)])
    cum_errors = np.concatenate([[0.0], np.cumsum(errors)])
    # linear between group boundaries: pro rata inside a tie group, the fraction of one answer otherwise
    return np.interp(np.asarray(answered, dtype=np.float64), bounds, cum_errors)


def risk_coverage_curve(probs, y, coverages=None, *, confidence=None):
    """Selective risk (error among the answered) at each coverage.

    Parameters
    ----------
    probs : (N, K) predicted probabilities.
    y : (N,) integer true classes.
    coverages : coverages in (0, 1]; by default ``k / N`` for ``k = 1 .. N``.
    confidence : (N,) scores that rank the answers instead of the top-class probability
        (higher = more confident).

    Returns
    -------
    coverages, risks : two float arrays of the same length.

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> p = np.array([[0.9, 0.1], [0.8, 0.2], [0.7, 0.3], [0.6, 0.4]])
    >>> c, r = dq.training.risk_coverage_curve(p, [0, 1, 0, 1])  # wrong at 0.8 and 0.6
    >>> [round(float(v), 3) for v in r]
    [0.0, 0.5, 0.333, 0.5]
    """
    conf, wrong = _confidence_and_wrong(probs, y, confidence)
    n = len(conf)
    if coverages is None:
        cov = np.arange(1, n + 1, dtype=np.float64) / max(n, 1)
    else:
        cov = np.array(check_coverages(coverages), dtype=np.float64)
    if n == 0:
        return cov, np.full(len(cov), np.nan)
    return cov, _errors_among_answered(conf, wrong, cov * n) / (cov * n)


def risk_at_coverage(probs, y, coverage: float, *, confidence=None) -> float:
    """Selective risk at ``coverage``: the error rate among the ``coverage`` share of most confident answers.

    Equal confidences are taken together (their errors counted pro rata when the coverage falls
    among them), and a fractional boundary answer counts with its fraction; ``coverage=1`` gives the
    error rate.

    Parameters
    ----------
    probs : (N, K) predicted probabilities.
    y : (N,) integer true classes.
    coverage : share of inputs answered, in (0, 1].
    confidence : (N,) scores that rank the answers instead of the top-class probability.

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> p = np.array([[0.9, 0.1], [0.8, 0.2], [0.7, 0.3], [0.6, 0.4]])
    >>> dq.training.risk_at_coverage(p, [0, 1, 0, 1], 0.5)  # answers 0.9 (right) and 0.8 (wrong)
    0.5
    """
    coverage = check_coverage(coverage)
    return float(risk_coverage_curve(probs, y, [coverage], confidence=confidence)[1][0])


def hallucination_at_coverage(probs, y, coverage: float, *, confidence=None) -> float:
    """Share of *all* inputs answered and wrong when the model answers only the ``coverage`` most confident.

    Equal to ``coverage * risk_at_coverage(probs, y, coverage)``. Every model is made to answer the
    same share of inputs, so an under-confident model cannot look better by answering less.

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> p = np.array([[0.9, 0.1], [0.8, 0.2], [0.7, 0.3], [0.6, 0.4]])
    >>> dq.training.hallucination_at_coverage(p, [0, 1, 0, 1], 0.5)  # 1 wrong answer of 4 inputs
    0.25
    """
    coverage = check_coverage(coverage)
    conf, wrong = _confidence_and_wrong(probs, y, confidence)
    if not len(conf):
        return float("nan")
    return float(_errors_among_answered(conf, wrong, coverage * len(conf)) / len(conf))


def _aurc(conf: np.ndarray, wrong: np.ndarray) -> float:
    n = len(conf)
    k = np.arange(1, n + 1, dtype=np.float64)
    return float(np.mean(_errors_among_answered(conf, wrong, k) / k))


def _optimal_aurc(n: int, n_wrong: int) -> float:
    """AURC of a ranking that puts every right answer before every wrong one."""
    k = np.arange(1, n + 1, dtype=np.float64)
    return float(np.mean(np.maximum(k - (n - n_wrong), 0.0) / k))


def aurc(probs, y, *, confidence=None) -> float:
    """Area under the risk-coverage curve: the mean selective risk at coverages ``1/N, 2/N, ..., 1``.

    Lower is better. It mixes how often the model is wrong with how well its confidence ranks its
    answers; :func:`eaurc` keeps the ranking part only.

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> p = np.array([[0.9, 0.1], [0.8, 0.2], [0.7, 0.3], [0.6, 0.4]])
    >>> round(dq.training.aurc(p, [0, 1, 0, 1]), 4)  # mean of 0, 1/2, 1/3, 2/4
    0.3333
    """
    conf, wrong = _confidence_and_wrong(probs, y, confidence)
    return _aurc(conf, wrong) if len(conf) else float("nan")


def eaurc(probs, y, *, confidence=None) -> float:
    """Excess AURC: the AURC minus that of a perfect ranking of the same answers (right ones first).

    0 when every right answer is more confident than every wrong one. Subtracting the best AURC
    reachable at the same error rate leaves the part due to confidence ranking wrong answers before
    right ones.

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> p = np.array([[0.9, 0.1], [0.8, 0.2], [0.7, 0.3], [0.6, 0.4]])
    >>> dq.training.eaurc(p, [0, 0, 1, 1])  # wrong only at 0.7 and 0.6: a perfect ranking
    0.0
    """
    conf, wrong = _confidence_and_wrong(probs, y, confidence)
    if not len(conf):
        return float("nan")
    return _aurc(conf, wrong) - _optimal_aurc(len(conf), int(wrong.sum()))


def _two_sets(probs_in, probs_ood):
    p_in, _ = _check_probs(probs_in)
    p_ood, _ = _check_probs(probs_ood)
    if p_in.shape[1] != p_ood.shape[1]:
        raise DataQualityError(
            f"Expected in- and out-of-distribution probabilities over the same classes but got "
            f"{p_in.shape[1]} and {p_ood.shape[1]} columns.")
    return p_in.max(1), p_ood.max(1)


def ood_answered_at_coverage(probs_in, probs_ood, coverage: float) -> float:
    """Share of out-of-distribution inputs a model answers at the in-distribution threshold for ``coverage``.

    The threshold is the confidence above which the model answers the ``coverage`` share of the
    in-distribution inputs ``probs_in``; OOD inputs strictly above it are answered, and those exactly
    at it with the same share as the in-distribution inputs at it (ties as in :func:`risk_at_coverage`).
    Every model is set to answer the same share of the inputs it can know; lower is better.

    Parameters
    ----------
    probs_in : (N, K) probabilities on in-distribution test inputs.
    probs_ood : (M, K) probabilities of the same model on inputs from no training class.
    coverage : in-distribution coverage, in (0, 1].

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> p_in = np.array([[0.9, 0.1], [0.8, 0.2], [0.7, 0.3], [0.6, 0.4]])
    >>> p_ood = np.array([[0.95, 0.05], [0.75, 0.25], [0.5, 0.5]])
    >>> round(dq.training.ood_answered_at_coverage(p_in, p_ood, 0.5), 4)  # threshold 0.8: only 0.95
    0.3333
    """
    coverage = check_coverage(coverage)
    conf_in, conf_ood = _two_sets(probs_in, probs_ood)
    if not len(conf_in) or not len(conf_ood):
        return float("nan")
    levels, counts, _ = _tie_blocks(conf_in)
    bounds = np.cumsum(counts)
    answered = coverage * len(conf_in)
    g = min(int(np.searchsorted(bounds, answered - 1e-9 * len(conf_in), side="left")), len(levels) - 1)
    before = bounds[g - 1] if g > 0 else 0.0
    share_at_threshold = (answered - before) / counts[g]
    threshold = levels[g]
    return float((np.sum(conf_ood > threshold) + share_at_threshold * np.sum(conf_ood == threshold)) / len(conf_ood))


def ood_auroc(probs_in, probs_ood) -> float:
    """AUROC of telling in- from out-of-distribution inputs by confidence (the top-class probability).

    The probability that a random in-distribution input gets a higher confidence than a random
    out-of-distribution one, ties counting one half (as ``sklearn.metrics.roc_auc_score`` with the
    in-distribution inputs as positives). 0.5 is chance; higher is better.

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> p_in = np.array([[0.9, 0.1], [0.8, 0.2]])
    >>> p_ood = np.array([[0.85, 0.15], [0.6, 0.4]])
    >>> dq.training.ood_auroc(p_in, p_ood)  # 3 of the 4 (in, ood) pairs are ordered right
    0.75
    """
    conf_in, conf_ood = _two_sets(probs_in, probs_ood)
    if not len(conf_in) or not len(conf_ood):
        return float("nan")
    ood_sorted = np.sort(conf_ood)
    below = np.searchsorted(ood_sorted, conf_in, side="left")
    equal = np.searchsorted(ood_sorted, conf_in, side="right") - below
    return float((below.sum() + 0.5 * equal.sum()) / (len(conf_in) * len(conf_ood)))


def selective_dict(probs, y, coverages=COVERAGES) -> dict:
    """risk@c and hallucination@c for each coverage, aurc and eaurc, on one set of predictions."""
    out = {}
    for c in coverages:
        out[f"risk@{c:g}"] = risk_at_coverage(probs, y, c) if len(y) else float("nan")
    out["aurc"] = aurc(probs, y)
    out["eaurc"] = eaurc(probs, y)
    for c in coverages:
        out[f"hallucination@{c:g}"] = hallucination_at_coverage(probs, y, c)
    return out


def ood_dict(probs_in, probs_ood, tau: float, coverages=COVERAGES) -> dict:
    """Answers on out-of-distribution inputs: at ``tau``, at the in-distribution threshold per coverage, AUROC."""
    from ._metrics import confident_rate

    out = {"ood_confident_rate": confident_rate(probs_ood, tau)}
    for c in coverages:
        out[f"ood_answered@{c:g}"] = ood_answered_at_coverage(probs_in, probs_ood, c)
    out["ood_auroc"] = ood_auroc(probs_in, probs_ood)
    return out
