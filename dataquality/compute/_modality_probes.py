"""Out-of-fold probabilities for text and tables, where the generic embedding probe is weak.

Text: the TF-IDF/LSA (or sentence) embeddings are already L2-normalised and their trailing
dimensions are mostly noise, so standardising every dimension (what the generic probe does)
amplifies that noise; a logistic regression on the unit vectors themselves is far more accurate
(20 Newsgroups, four groups, 600 texts: 0.95 out-of-fold accuracy against 0.74).

Tables: the raw columns carry thresholds and interactions a linear model on one-hot and
standardised features misses, so the probabilities are the average of a gradient-boosted model
on the raw columns and a logistic regression on the standardised encoding.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ._probe import _folds


def _finish(probs: np.ndarray) -> np.ndarray:
    probs = np.clip(probs, 1e-8, None)
    return probs / probs.sum(1, keepdims=True)


def _fit_predict(make, Xtr, ytr, Xte, n_classes):
    present = np.unique(ytr)
    out = np.zeros((len(Xte), n_classes))
    if len(present) == 1:
        out[:, present[0]] = 1.0
        return out
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf = make().fit(Xtr, ytr)
        out[:, clf.classes_] = clf.predict_proba(Xte)
    return out


def text_out_of_fold_probs(X: np.ndarray, y: np.ndarray, n_classes: int, *, n_folds: int = 5,
                           random_state: int = 0, C: float = 1.0) -> np.ndarray:
    """Logistic regression on L2-normalised text embeddings, each row predicted out of fold."""
    from sklearn.linear_model import LogisticRegression

    X = np.asarray(X, dtype=np.float64)
    X = X / (np.linalg.norm(X, axis=1, keepdims=True) + 1e-12)
    y = np.asarray(y, dtype=np.int64)
    probs = np.zeros((len(y), n_classes))
    if len(y) < 2 or len(np.unique(y)) < 2:
        probs[np.arange(len(y)), y] = 1.0
        return probs
    for tr, te in _folds(y, n_folds, random_state):
        probs[te] = _fit_predict(lambda: LogisticRegression(C=C, max_iter=1000), X[tr], y[tr], X[te], n_classes)
    return _finish(probs)


def _boosting_matrix(df: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Columns as floats (NaN kept; booleans 0/1, dates in days), categoricals as integer codes;
    identifier-like and free-text columns left out (each value would be a category of its own);
    mask of categorical columns."""
    from ..data import as_number, column_kinds

    cols, cat = [], []
    for c, kind in column_kinds(df).items():
        s = df[c]
        if kind in ("numeric", "boolean", "datetime"):
            v = np.array(as_number(s, kind), dtype=float)  # writable copy
            v[~np.isfinite(v)] = np.nan
            cols.append(v)
            cat.append(False)
        elif kind == "categorical":
            text = s.astype("string").str.strip()
            top = text.value_counts().index[:250]  # the boosting model's limit on levels
            codes = np.array(pd.Categorical(text.where(text.isin(top)), categories=top).codes, dtype=float)
            codes[codes < 0] = np.nan
            cols.append(codes)
            cat.append(True)
    if not cols:
        return np.zeros((len(df), 1)), np.zeros(1, dtype=bool)
    return np.stack(cols, axis=1), np.array(cat, dtype=bool)


def tabular_out_of_fold_probs(df: pd.DataFrame, y: np.ndarray, n_classes: int, *, n_folds: int = 5,
                              random_state: int = 0, min_rows_for_boosting: int = 100) -> np.ndarray:
    """Average of a gradient-boosted model on the raw columns and a logistic regression on the
    standardised encoding, each row predicted by models that did not see it.

    Below ``min_rows_for_boosting`` rows only the logistic regression is used (boosting needs
    about twenty rows per leaf to say anything).
    """
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    from ..embeddings import encode_table

    y = np.asarray(y, dtype=np.int64)
    probs = np.zeros((len(y), n_classes))
    if len(y) < 2 or len(np.unique(y)) < 2:
        probs[np.arange(len(y)), y] = 1.0
        return probs
    E = encode_table(df)
    use_boosting = len(y) >= min_rows_for_boosting
    if use_boosting:
        R, cat = _boosting_matrix(df)

        def boosting():
            return HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, early_stopping=False,
                                                  categorical_features=cat if cat.any() else None,
                                                  random_state=random_state)
    # OpenMP threads on small tables cost more in spinning than they gain (10x slower on a busy
    # machine); one thread is plenty below ~20k rows
    with threadpool_limits(1 if len(y) < 20_000 else None):
        for tr, te in _folds(y, n_folds, random_state):
            p = _fit_predict(lambda: LogisticRegression(C=1.0, max_iter=2000), E[tr], y[tr], E[te], n_classes)
            if use_boosting:
                p = 0.5 * p + 0.5 * _fit_predict(boosting, R[tr], y[tr], R[te], n_classes)
            probs[te] = p
    return _finish(probs)
