"""Exact cosine k-nearest neighbours by blocked matrix products: never an N x N matrix."""

from __future__ import annotations

import numpy as np


def knn_cosine(X: np.ndarray, k: int = 10, *, queries: np.ndarray | None = None, device: str = "cpu",
               block: int = 4096, exclude_self: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Top-``k`` cosine neighbours of each query row among the rows of ``X``.

    Returns ``(indices, distances)`` of shape ``(Q, k)``, distances = 1 - cosine similarity,
    ascending. With ``queries=None`` the rows of ``X`` query themselves and each row's own
    position is excluded. Works the same on CPU and CUDA.
    """
    import torch

    n = X.shape[0]
    self_query = queries is None
    k_eff = min(k, n - (1 if self_query and exclude_self else 0))
    q_np = X if self_query else queries
    if k_eff <= 0 or len(q_np) == 0:
        return np.zeros((len(q_np), 0), dtype=np.int64), np.zeros((len(q_np), 0), dtype=np.float32)
    dtype = torch.float16 if device.startswith("cuda") else torch.float32
    base = torch.nn.functional.normalize(torch.as_tensor(np.asarray(X, dtype=np.float32)), dim=1).to(device, dtype)
    queries_t = base if self_query else torch.nn.functional.normalize(
        torch.as_tensor(np.asarray(q_np, dtype=np.float32)), dim=1).to(device, dtype)
    idx_out = np.empty((len(q_np), k_eff), dtype=np.int64)
    dist_out = np.empty((len(q_np), k_eff), dtype=np.float32)
    for s in range(0, len(q_np), block):
        q = queries_t[s: s + block]
        sims = (q @ base.T).float()
        if self_query and exclude_self:
            rows = torch.arange(len(q), device=device)
            sims[rows, rows + s] = -float("inf")
        val, ind = torch.topk(sims, k_eff, dim=1)
        idx_out[s: s + len(q)] = ind.cpu().numpy()
        dist_out[s: s + len(q)] = np.clip(1.0 - val.cpu().numpy(), 0.0, 2.0)
    return idx_out, dist_out
