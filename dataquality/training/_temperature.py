"""Temperature scaling: confidence fitted on held-out examples, the predicted class unchanged."""

from __future__ import annotations

import numpy as np


def apply_temperature(probs: np.ndarray, temperature: float) -> np.ndarray:
    """softmax(logits / T) from softmax(logits): p ** (1 / T), renormalised (exact, since log p = logits - c)."""
    if temperature == 1.0 or len(probs) == 0:
        return probs
    logp = np.log(np.clip(probs, 1e-12, 1.0)) / temperature
    logp -= logp.max(axis=1, keepdims=True)
    p = np.exp(logp)
    return p / p.sum(axis=1, keepdims=True)


def fit_temperature(probs: np.ndarray, y: np.ndarray) -> float:
    """The temperature in [0.05, 20] that minimises the negative log-likelihood of ``y`` (grid, then refine)."""
    y = np.asarray(y, dtype=np.int64)

    def nll(t):
        p = apply_temperature(probs, t)
        return -np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1.0)).mean()

    grid = np.exp(np.linspace(np.log(0.05), np.log(20.0), 121))
    best = grid[int(np.argmin([nll(t) for t in grid]))]
    fine = best * np.exp(np.linspace(-0.05, 0.05, 41))
    return float(fine[int(np.argmin([nll(t) for t in fine]))])
