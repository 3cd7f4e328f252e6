"""Temperature scaling: confidence fitted on held-out examples, the predicted class unchanged."""

from __future__ import annotations

import numpy as np


def apply_temperature(probs: np.ndarray, temperature: float) -> np.ndarray:
    """softmax(logits / T) from softmax(logits): p ** (1 / T), renormalised (exact where no probability is under
    1e-12, since log p = logits - c; smaller ones are taken as 1e-12)."""
    if temperature == 1.0 or len(probs) == 0:
        return probs
    logp = np.log(np.clip(probs, 1e-12, 1.0)) / temperature
    logp -= logp.max(axis=1, keepdims=True)
    p = np.exp(logp)
    return p / p.sum(axis=1, keepdims=True)


LOW, HIGH = 0.05, 20.0


def fit_temperature(probs: np.ndarray, y: np.ndarray, explain: bool = False):
    """The temperature in [0.05, 20] that minimises the negative log-likelihood of ``y`` (grid, then refine).

    Where the held-out examples are all answered right, or the fit stops at the lower end of the range, the
    likelihood only says "more confident" without bound: 1 is kept (no scaling). Seen on 40 held-out digits with no
    error: a temperature of 0.048 made the model 20 times as confident, its test ECE 0.07 -> 0.21. With
    ``explain``: ``(temperature, why 1 was kept or None)``."""
    y = np.asarray(y, dtype=np.int64)
    if len(y) and np.all(np.argmax(probs, axis=1) == y):
        why = (f"no temperature fitted: the {len(y)} held-out examples are all answered right, so their likelihood "
               "favours ever more confidence; kept 1 (hold out more examples, val_split)")
        return (1.0, why) if explain else 1.0

    def nll(t):
        p = apply_temperature(probs, t)
        return -np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1.0)).mean()

    grid = np.exp(np.linspace(np.log(LOW), np.log(HIGH), 121))
    best = grid[int(np.argmin([nll(t) for t in grid]))]
    fine = best * np.exp(np.linspace(-0.05, 0.05, 41))
    t = float(fine[int(np.argmin([nll(t) for t in fine]))])
    why = None
    if t <= LOW * 1.06:
        why = (f"no temperature fitted: the fit ran to the lower end of its range ({LOW}) on {len(y)} held-out "
               "examples; kept 1")
        t = 1.0
    return (t, why) if explain else t
