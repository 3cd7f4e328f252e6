"""Out-of-fold predicted probabilities from a K-fold linear probe on the embeddings."""

from __future__ import annotations

import logging
import warnings

import numpy as np

logger = logging.getLogger("dataquality")


def _folds(y: np.ndarray, n_folds: int, random_state: int):
    from sklearn.model_selection import KFold, StratifiedKFold

    counts = np.bincount(y)
    counts = counts[counts > 0]
    k = int(min(n_folds, max(2, len(y) // 2)))
    if counts.min() >= k:
        return StratifiedKFold(k, shuffle=True, random_state=random_state).split(np.zeros(len(y)), y)
    return KFold(k, shuffle=True, random_state=random_state).split(np.zeros(len(y)))


def _moments(X, chunk_rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-column mean and standard deviation (float32), from float64 sums over chunks of rows."""
    n = X.shape[0]
    if n <= chunk_rows:
        X32 = np.asarray(X, dtype=np.float32)
        return X32.mean(0), X32.std(0)
    total = np.zeros(X.shape[1])
    total_sq = np.zeros(X.shape[1])
    for s in range(0, n, chunk_rows):
        B = np.asarray(X[s: s + chunk_rows], dtype=np.float64)
        total += B.sum(0)
        total_sq += (B * B).sum(0)
    mean = total / n
    return mean.astype(np.float32), np.sqrt(np.maximum(total_sq / n - mean * mean, 0.0)).astype(np.float32)


def _sample_rows(rows: np.ndarray, y: np.ndarray, m: int, rng, min_per_class: int = 20) -> np.ndarray:
    """``m`` of ``rows`` drawn uniformly (class priors kept), topped up so every class has at least
    ``min_per_class`` rows (or all it has)."""
    pick = rng.choice(len(rows), m, replace=False)
    chosen = np.zeros(len(rows), dtype=bool)
    chosen[pick] = True
    yr = y[rows]
    have = np.bincount(yr[chosen], minlength=int(y.max()) + 1)
    for c in np.flatnonzero(have < min_per_class):
        pool = np.flatnonzero((yr == c) & ~chosen)
        if len(pool):
            chosen[rng.choice(pool, min(len(pool), min_per_class - have[c]), replace=False)] = True
    return rows[chosen]


class _InputMap:
    """Standardise, then project on the top principal components and rescale: the probe's input."""

    def __init__(self, X, fit_rows, mu, sd, max_dim, random_state, chunk_rows):
        self.X, self.mu, self.sd, self.chunk_rows = X, mu, sd + 1e-6, chunk_rows
        self.pca = None
        self.scale = None
        self.fitted = None
        if X.shape[1] > max_dim and len(fit_rows) > 2:
            # PCA first (on CUDA too, so both devices fit the same probe): faster, and the noise lives in the tail
            from sklearn.decomposition import PCA

            F = self._standardised(fit_rows)
            width = max(1, min(max_dim, len(fit_rows) - 1))  # PCA needs fewer components than rows
            # fit_transform, not fit then transform: with the randomised solver sklearn picks for wide
            # data the two differ, and fit (copy=False) leaves F changed in place
            Z = PCA(n_components=width, random_state=random_state, copy=False)
            scores = Z.fit_transform(F).astype(np.float32)
            self.pca = Z
            self.scale = scores.std(0) + 1e-6
            self.fitted = scores / self.scale  # the input of the rows it was fitted on, as fit_transform gave it
        else:
            self.fitted = None

    def _standardised(self, rows) -> np.ndarray:
        B = np.asarray(self.X[rows], dtype=np.float32)
        B -= self.mu
        B /= self.sd
        return B

    def __call__(self, rows) -> np.ndarray:
        """The probe's input for ``rows`` (sorted positions), built chunk by chunk."""
        out = []
        for s in range(0, len(rows), self.chunk_rows):
            B = self._standardised(rows[s: s + self.chunk_rows])
            if self.pca is not None:
                B = self.pca.transform(B).astype(np.float32)
                B /= self.scale
            out.append(B)
        return np.concatenate(out) if out else np.zeros((0, 0), dtype=np.float32)


def out_of_fold_probs(X: np.ndarray, y: np.ndarray, n_classes: int, *, n_folds: int = 5, device: str = "cpu",
                      random_state: int = 0, C: float = 0.1, max_dim: int | None = None,
                      max_train_rows: int | None = 50_000, chunk_rows: int = 65_536,
                      train: np.ndarray | None = None) -> np.ndarray:
    """Multinomial logistic regression, K folds; each row predicted by the model that did not see it.

    scikit-learn on the CPU, a torch implementation on CUDA. Classes absent from a fold's
    training part get probability ~0 there. Returns ``N x n_classes`` float32.

    Defaults (``C=0.1``, PCA to about one dimension per 16 examples, 32 to 128) were chosen on
    the planted-issue benchmark (``benchmarks/detection.py``: digits and Fashion-MNIST, two
    seeds): a narrower, more strongly regularised probe is better calibrated under 10% label
    noise, which raised label-issue F1 by 0.08-0.14 over ``C=1``, up to 256 dimensions.

    At scale the probe never holds the data in float32: the standardisation comes from sums over
    chunks, and when a fold's training part has more than ``max_train_rows`` rows, the PCA and
    that fold's model are fitted on a seeded sample of that many (class priors kept, at least 20
    per class), and every row is predicted chunk by chunk. A 128-dimensional linear probe is
    saturated long before that: on 100,000 planted rows (benchmarks/scale.py), fitting each fold on
    50,000 sampled rows gave label-issue F1 0.915 against 0.918 on all 80,000, in 105 s against 257 s.
    ``max_train_rows=None`` always fits on all rows.

    ``train`` (a boolean mask over the rows) leaves the rows where it is False out of every fold's
    training part; they are still predicted, by the model of their fold (the label check's refit: the
    likely mislabelled examples held out, so that a class's wrong labels do not teach the model).
    The PCA is fitted on all rows as before (it sees no labels).
    """
    y = np.asarray(y, dtype=np.int64)
    n = len(y)
    probs = np.zeros((n, n_classes), dtype=np.float32)
    if n < 2 or len(np.unique(y)) < 2:
        probs[np.arange(n), y] = 1.0
        return probs
    if max_dim is None:  # about one dimension per 16 examples, 32 to 128: wide probes fit the label noise
        max_dim = int(np.clip(n // 16, 32, 128))
    folds = list(_folds(y, n_folds, random_state))
    if train is not None:
        train = np.asarray(train, dtype=bool)
        folds = [(tr[train[tr]], te) for tr, te in folds]
    rng = np.random.default_rng(random_state)
    sampled = max_train_rows is not None and max(len(tr) for tr, _ in folds) > max_train_rows
    train_rows = [np.sort(_sample_rows(tr, y, max_train_rows, rng)) if sampled and len(tr) > max_train_rows
                  else np.sort(tr) for tr, _ in folds]
    mu, sd = _moments(X, chunk_rows)
    all_rows = np.arange(n)
    fit_rows = np.sort(rng.choice(n, max_train_rows, replace=False)) if sampled and n > max_train_rows else all_rows
    transform = _InputMap(X, fit_rows, mu, sd, max_dim, random_state, chunk_rows)
    Z_all = None  # small data: the transformed set, once
    if not sampled:
        Z_all = transform.fitted if transform.fitted is not None else transform(all_rows)
    models = []
    for (tr, te), rows in zip(folds, train_rows):
        Ztr = Z_all[rows] if Z_all is not None else transform(rows)
        models.append(_fit(Ztr, y[rows], X.shape[1], device, C, random_state))
        if Z_all is not None:
            probs[te] = _predict(models[-1], Z_all[te], n_classes, device)
    if Z_all is None:  # predict every row chunk by chunk with the model of its fold
        fold_of = np.empty(n, dtype=np.int64)
        for f, (_, te) in enumerate(folds):
            fold_of[te] = f
        for s in range(0, n, chunk_rows):
            rows = all_rows[s: s + chunk_rows]
            Z = transform(rows)
            for f, model in enumerate(models):
                mine = fold_of[rows] == f
                if mine.any():
                    probs[rows[mine]] = _predict(model, Z[mine], n_classes, device)
    np.clip(probs, 1e-8, None, out=probs)
    probs /= probs.sum(1, keepdims=True)
    return probs


def _fit(Z, y, n_features, device, C, random_state):
    """A fitted fold model: ``(present classes, estimator or torch weights)``."""
    present = np.unique(y)
    if len(present) == 1:
        return present, None
    if device.startswith("cuda"):
        return present, _torch_logreg(Z, y, present, device, C, random_state)
    from sklearn.linear_model import LogisticRegression

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf = LogisticRegression(C=C / max(1.0, n_features / 64), max_iter=300, random_state=random_state)
        clf.fit(Z, y)
    return present, clf


def _predict(model, Z, n_classes, device) -> np.ndarray:
    present, est = model
    out = np.zeros((len(Z), n_classes), dtype=np.float32)
    if est is None:
        out[:, present] = 1.0
    elif isinstance(est, tuple):
        import torch

        W, b = est
        with torch.no_grad():
            out[:, present] = torch.softmax(torch.as_tensor(Z, device=device) @ W + b, 1).cpu().numpy()
    else:
        out[:, present] = est.predict_proba(Z)
    return out


def _torch_logreg(Xtr, ytr, present, device, C, seed, steps: int = 300):
    import torch

    torch.manual_seed(seed)
    remap = {c: i for i, c in enumerate(present)}
    yt = torch.as_tensor(np.array([remap[v] for v in ytr]), device=device)
    xt = torch.as_tensor(Xtr, device=device)
    W = torch.zeros(xt.shape[1], len(present), device=device, requires_grad=True)
    b = torch.zeros(len(present), device=device, requires_grad=True)
    opt = torch.optim.LBFGS([W, b], lr=1, max_iter=steps, line_search_fn="strong_wolfe")
    lam = 1.0 / (C * len(ytr)) * max(1.0, xt.shape[1] / 64)

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(xt @ W + b, yt) + 0.5 * lam * (W * W).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return W.detach(), b.detach()
