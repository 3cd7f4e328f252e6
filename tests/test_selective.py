"""Selective classification metrics: risk-coverage, AURC / E-AURC, matched coverage, OOD answers."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dataquality as dq
from dataquality.training import (
    aurc,
    eaurc,
    error_rate,
    hallucination_at_coverage,
    ood_answered_at_coverage,
    ood_auroc,
    risk_at_coverage,
    risk_coverage_curve,
)

# confidences 0.9 0.8 0.8 0.7 0.6 (rows 1 and 2 tie); predictions all class 0; wrong at rows 2 and 4
P = np.array([[0.9, 0.1], [0.8, 0.2], [0.8, 0.2], [0.7, 0.3], [0.6, 0.4]])
Y = np.array([0, 0, 1, 0, 1])


def _probs_from(conf, wrong):
    """Two-class probabilities with top-class probability ``conf`` (> 0.5: class 0 is predicted) and the
    true class given by ``wrong``."""
    conf = np.asarray(conf, dtype=float)
    assert np.all(conf > 0.5)
    p = np.stack([conf, 1 - conf], 1)
    return p, np.asarray(wrong, dtype=int)


# -- hand-computed cases ------------------------------------------------------------------------------
def test_risk_at_coverage_by_hand_with_a_tie_and_a_fractional_boundary():
    assert risk_at_coverage(P, Y, 0.2) == 0.0                   # answers row 0 only
    assert risk_at_coverage(P, Y, 0.6) == pytest.approx(1 / 3)  # rows 0, 1, 2: the tie group taken whole
    # 2 answers: row 0 and half of the tie group {1 (right), 2 (wrong)} -> 0.5 errors expected
    assert risk_at_coverage(P, Y, 0.4) == pytest.approx(0.5 / 2)
    # 4.5 answers: rows 0-3 (1 error) and half of row 4 (wrong) -> 1.5 errors among 4.5 answers
    assert risk_at_coverage(P, Y, 0.9) == pytest.approx(1.5 / 4.5)
    assert risk_at_coverage(P, Y, 1.0) == pytest.approx(2 / 5) == error_rate(P, Y)
    assert hallucination_at_coverage(P, Y, 0.9) == pytest.approx(1.5 / 5)
    assert hallucination_at_coverage(P, Y, 0.4) == pytest.approx(0.4 * risk_at_coverage(P, Y, 0.4))


def test_curve_aurc_and_eaurc_by_hand():
    cov, risk = risk_coverage_curve(P, Y)
    expected = [0 / 1, 0.5 / 2, 1 / 3, 1 / 4, 2 / 5]
    np.testing.assert_allclose(cov, [0.2, 0.4, 0.6, 0.8, 1.0])
    np.testing.assert_allclose(risk, expected)
    assert aurc(P, Y) == pytest.approx(np.mean(expected))
    optimal = np.mean([0, 0, 0, 1 / 4, 2 / 5])  # 3 right answers first, then the 2 wrong ones
    assert eaurc(P, Y) == pytest.approx(np.mean(expected) - optimal)


def test_ties_count_as_the_mean_over_every_order_of_the_tied_answers():
    conf = np.array([0.9, 0.7, 0.7, 0.7, 0.6, 0.6])
    wrong = np.array([0, 1, 0, 1, 1, 0])
    p, y = _probs_from(conf, wrong)
    n = len(conf)
    aurcs, risks = [], []
    for perm in itertools.permutations(range(n)):  # a stable sort after a permutation = one tie order
        order = np.array(perm)[np.argsort(-conf[list(perm)], kind="stable")]
        errors = np.cumsum(wrong[order])
        aurcs.append(np.mean(errors / np.arange(1, n + 1)))
        risks.append(errors[2] / 3)  # coverage 0.5: the 3 most confident
    assert aurc(p, y) == pytest.approx(np.mean(aurcs))
    assert risk_at_coverage(p, y, 0.5) == pytest.approx(np.mean(risks))


def test_without_ties_risk_is_the_error_among_the_top_answers():
    rng = np.random.default_rng(0)
    conf = rng.permutation(np.linspace(0.51, 0.99, 40))
    wrong = rng.random(40) < 0.3
    p, y = _probs_from(conf, wrong)
    order = np.argsort(-conf)
    for k in (1, 10, 20, 32, 40):
        assert risk_at_coverage(p, y, k / 40) == pytest.approx(wrong[order[:k]].mean())
        assert hallucination_at_coverage(p, y, k / 40) == pytest.approx(wrong[order[:k]].sum() / 40)


def test_ood_answered_at_coverage_by_hand():
    # in-distribution confidences 0.9 0.8 0.8 0.7 0.6: coverage 0.6 answers down to 0.8 (the whole tie)
    ood = np.array([[0.95, 0.05], [0.8, 0.2], [0.75, 0.25], [0.5, 0.5]])
    assert ood_answered_at_coverage(P, ood, 0.6) == pytest.approx(2 / 4)  # 0.95 and 0.8
    # coverage 0.4 takes half the in-distribution tie at 0.8, so half of an OOD input at 0.8 too
    assert ood_answered_at_coverage(P, ood, 0.4) == pytest.approx(1.5 / 4)
    assert ood_answered_at_coverage(P, ood, 1.0) == pytest.approx(3 / 4)  # threshold 0.6
    assert ood_answered_at_coverage(P, ood, 0.2) == pytest.approx(1 / 4)  # threshold 0.9


def test_ood_auroc_matches_sklearn():
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(1)
    for _ in range(5):
        # rounded confidences make many ties between and within the two sets
        p_in = np.round(rng.dirichlet(np.ones(4) * 0.5, 60), 1)
        p_ood = np.round(rng.dirichlet(np.ones(4), 45), 1)
        ref = roc_auc_score(np.r_[np.ones(60), np.zeros(45)], np.r_[p_in.max(1), p_ood.max(1)])
        assert ood_auroc(p_in, p_ood) == pytest.approx(ref, abs=1e-12)


# -- invariants -------------------------------------------------------------------------------------
answers = st.lists(st.tuples(st.integers(0, 6), st.booleans()), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(answers, st.sampled_from(["cube", "exp", "random monotone"]), st.randoms(use_true_random=False))
def test_aurc_unchanged_by_an_increasing_transform_of_the_confidences(rows, transform, rnd):
    level = np.array([r[0] for r in rows], dtype=float)  # few levels: many ties
    conf = 0.55 + 0.07 * level
    p, y = _probs_from(conf, [r[1] for r in rows])
    if transform == "cube":
        other = conf ** 3
    elif transform == "exp":
        other = np.exp(5 * conf) - 100
    else:
        values = np.sort(np.array([rnd.uniform(-10, 10) for _ in range(7)]))
        values += np.arange(7) * 1e-3  # strictly increasing
        other = values[level.astype(int)]
    assert aurc(p, y, confidence=other) == pytest.approx(aurc(p, y), abs=1e-12)
    assert eaurc(p, y, confidence=other) == pytest.approx(eaurc(p, y), abs=1e-12)
    for c in (0.3, 0.5, 1.0):
        assert risk_at_coverage(p, y, c, confidence=other) == pytest.approx(risk_at_coverage(p, y, c), abs=1e-12)
    # nor by the order of the rows
    perm = np.array(rnd.sample(range(len(y)), len(y)))
    assert aurc(p[perm], y[perm]) == pytest.approx(aurc(p, y), abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 30), st.integers(0, 30), st.randoms(use_true_random=False))
def test_a_perfect_ranking_has_eaurc_zero(n_right, n_wrong, rnd):
    if n_right + n_wrong == 0:
        return
    conf = np.r_[np.full(n_right, 0.9), np.full(n_wrong, 0.8)]  # ties inside each side do not matter
    conf += np.array([rnd.uniform(0, 0.09) for _ in conf])
    p, y = _probs_from(conf, np.r_[np.zeros(n_right), np.ones(n_wrong)])
    assert eaurc(p, y) == pytest.approx(0.0, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(answers)
def test_risk_at_full_coverage_is_the_error_rate_and_bounds_hold(rows):
    conf = 0.55 + 0.07 * np.array([r[0] for r in rows], dtype=float)
    p, y = _probs_from(conf, [r[1] for r in rows])
    assert risk_at_coverage(p, y, 1.0) == pytest.approx(error_rate(p, y))
    assert hallucination_at_coverage(p, y, 1.0) == pytest.approx(error_rate(p, y))
    assert -1e-12 <= eaurc(p, y) <= aurc(p, y) + 1e-12 <= 1 + 1e-12
    _, curve = risk_coverage_curve(p, y)
    assert np.all((curve >= 0) & (curve <= 1))
    # matched-coverage hallucination grows with coverage: answering more never hides an error
    halls = [hallucination_at_coverage(p, y, c) for c in (0.1, 0.3, 0.5, 0.8, 1.0)]
    assert np.all(np.diff(halls) >= -1e-12)


@settings(max_examples=40, deadline=None)
@given(answers, st.lists(st.integers(0, 6), min_size=1, max_size=30))
def test_ood_metrics_in_range_and_auroc_symmetric(rows, ood_levels):
    p_in, _ = _probs_from(0.55 + 0.07 * np.array([r[0] for r in rows], dtype=float), [0] * len(rows))
    p_ood, _ = _probs_from(0.55 + 0.07 * np.array(ood_levels, dtype=float), [0] * len(ood_levels))
    auc = ood_auroc(p_in, p_ood)
    assert 0 <= auc <= 1 and auc == pytest.approx(1 - ood_auroc(p_ood, p_in))
    answered = [ood_answered_at_coverage(p_in, p_ood, c) for c in (0.2, 0.5, 0.9, 1.0)]
    assert all(0 <= a <= 1 for a in answered)
    assert np.all(np.diff(answered) >= -1e-12)  # a lower threshold answers more


# -- bad arguments ------------------------------------------------------------------------------------
@pytest.mark.parametrize("coverage", [0, -0.1, 1.5, "most"])
def test_coverage_outside_0_1_is_an_error(coverage):
    for call in (lambda: risk_at_coverage(P, Y, coverage), lambda: hallucination_at_coverage(P, Y, coverage),
                 lambda: ood_answered_at_coverage(P, P, coverage), lambda: risk_coverage_curve(P, Y, [0.5, coverage])):
        with pytest.raises(dq.DataQualityError, match=r"Expected argument `coverage` to be (in \(0.0, 1.0\]|a number)"
                           r" but got"):
            call()


def test_mismatched_shapes_are_errors():
    with pytest.raises(dq.DataQualityError, match=r"one integer label per row of probabilities \(5\) but got shape \(4,\)"):
        aurc(P, Y[:4])
    with pytest.raises(dq.DataQualityError, match=r"shape \(N, K\) but got shape \(5,\)"):
        eaurc(P.max(1), Y)
    with pytest.raises(dq.DataQualityError, match=r"one confidence per row of probabilities \(5\) but got shape \(3,\)"):
        risk_at_coverage(P, Y, 0.5, confidence=[1, 2, 3])
    with pytest.raises(dq.DataQualityError, match="finite"):
        aurc(P, Y, confidence=[1, 2, np.nan, 3, 4])
    with pytest.raises(dq.DataQualityError, match="same classes but got 2 and 3"):
        ood_auroc(P, np.full((4, 3), 1 / 3))


def test_empty_inputs_give_nan():
    empty = np.zeros((0, 2))
    assert np.isnan(aurc(empty, [])) and np.isnan(eaurc(empty, []))
    assert np.isnan(risk_at_coverage(empty, [], 0.5)) and np.isnan(hallucination_at_coverage(empty, [], 0.5))
    assert np.isnan(ood_auroc(P, empty)) and np.isnan(ood_answered_at_coverage(empty, P, 0.5))
