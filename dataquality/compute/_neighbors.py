"""Neighbour indexes: the cosine k-nearest-neighbour search every check that needs neighbours asks
the context for. ``ExactIndex`` (blocked matrix products, torch, GPU when present) is exact and
never builds an N x N matrix; ``FaissIndex`` (``_faiss.py``) is approximate and scales to millions.

A new index is one class with ``_search`` (and ``info`` when it holds state worth recording) and its
``@register_index`` line.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import ClassVar

import numpy as np

from .._errors import DataQualityError
from ._registry import Registry

logger = logging.getLogger("dataquality")

INDEXES: Registry = Registry("neighbour index")

# ``neighbors="auto"`` searches exactly up to this many rows and with faiss beyond. On 2 busy CPU cores an
# exact self-search of 256-d vectors took 0.7 s at 10k rows and 5.9 s at 25k, faiss IVF 0.9 s and 4.2 s
# (exact grows as N squared; benchmarks/scale.py --tune, docs/benchmarks.md). On a GPU exact search of a
# million rows takes seconds, so the GPU limit is set by memory, not time.
EXACT_MAX_ROWS = {"cpu": 25_000, "cuda": 2_000_000}


def register_index(name: str):
    """Class decorator adding a neighbour index to the registry (``audit(neighbors=name)``)."""

    def deco(cls):
        cls.name = name
        INDEXES.register(name, cls)
        return cls

    return deco


def list_indexes() -> list[str]:
    """Names accepted by ``audit(neighbors=...)`` besides ``"auto"``.

    >>> import dataquality as dq
    >>> dq.list_indexes()
    ['exact', 'faiss']
    """
    return INDEXES.names()


@dataclass
class NeighborIndex:
    """Base class. ``search(base, k)`` returns each base row's ``k`` nearest other rows; with
    ``queries`` it returns the nearest base rows of each query row. Distances are cosine
    distances (1 - cosine similarity), ascending; ``-1`` / NaN pad a row with fewer neighbours."""

    name: ClassVar[str] = "index"
    exact: ClassVar[bool] = True

    def search(self, base: np.ndarray, k: int, *, queries: np.ndarray | None = None, exclude_self: bool = True,
               device: str = "cpu") -> tuple[np.ndarray, np.ndarray]:
        """``(indices, distances)``, each ``n_queries x min(k, rows available)``; an index implements
        :meth:`_search`, which is only called when there is something to search."""
        n = base.shape[0]
        self_query = queries is None
        k_eff = min(k, n - (1 if self_query and exclude_self else 0))
        nq = n if self_query else len(queries)
        if k_eff <= 0 or nq == 0:
            return np.zeros((nq, 0), dtype=np.int64), np.zeros((nq, 0), dtype=np.float32)
        return self._search(base, queries, k_eff, exclude_self=self_query and exclude_self, device=device)

    def _search(self, base: np.ndarray, queries: np.ndarray | None, k: int, *, exclude_self: bool,
                device: str) -> tuple[np.ndarray, np.ndarray]:  # pragma: no cover - interface
        """The ``k`` (>= 1) nearest base rows of each query row (of each base row when ``queries`` is
        None, leaving out the row itself when ``exclude_self``)."""
        raise NotImplementedError

    def info(self) -> dict:
        """Name and parameters: recorded in the report, and part of the cache key of the kNN graph."""
        return {"name": self.name, **asdict(self)}


def _unit_rows(X: np.ndarray, start: int, stop: int) -> np.ndarray:
    """Rows ``start:stop`` as float32 unit vectors (zero rows stay zero). Each row is first divided by its
    largest absolute value, in its own precision, so that a row of tiny values (1e-29: its squares underflow)
    or huge ones (float64 1e20: they overflow float32's squares, or float32 itself) keeps its direction
    instead of becoming a zero vector."""
    B = np.asarray(X[start:stop])
    B = B.astype(np.promote_types(B.dtype, np.float32) if np.issubdtype(B.dtype, np.floating) else np.float32)
    peak = np.abs(B).max(axis=1, keepdims=True) if B.shape[1] else np.zeros((len(B), 1), B.dtype)
    peak = np.where(np.isfinite(peak) & (peak > 0), peak, 1)
    B = (B / peak).astype(np.float32)
    norms = np.linalg.norm(B, axis=1, keepdims=True)
    return B / np.maximum(norms, 1e-12)


@register_index("exact")
@dataclass
class ExactIndex(NeighborIndex):
    """Exact cosine neighbours by blocked matrix products (fp16 on CUDA, fp32 on CPU); memory is
    ``N x D`` plus ``block x N`` similarities, never ``N x N``."""

    block: int = 4096

    def _search(self, base, queries, k, *, exclude_self, device):
        import torch

        n = base.shape[0]
        self_query = queries is None
        nq = n if self_query else len(queries)
        dtype = torch.float16 if device.startswith("cuda") else torch.float32
        base_t = torch.cat([torch.from_numpy(_unit_rows(base, s, s + 65536)).to(device, dtype)
                            for s in range(0, n, 65536)])
        idx_out = np.empty((nq, k), dtype=np.int64)
        dist_out = np.empty((nq, k), dtype=np.float32)
        for s in range(0, nq, self.block):
            if self_query:
                q = base_t[s: s + self.block]
            else:
                q = torch.from_numpy(_unit_rows(queries, s, s + self.block)).to(device, dtype)
            sims = (q @ base_t.T).float()
            if exclude_self:
                rows = torch.arange(len(q), device=device)
                sims[rows, rows + s] = -float("inf")
            val, ind = torch.topk(sims, k, dim=1)
            idx_out[s: s + len(q)] = ind.cpu().numpy()
            dist_out[s: s + len(q)] = np.clip(1.0 - val.cpu().numpy(), 0.0, 2.0)
        return idx_out, dist_out


def knn_cosine(X: np.ndarray, k: int = 10, *, queries: np.ndarray | None = None, device: str = "cpu",
               block: int = 4096, exclude_self: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Exact top-``k`` cosine neighbours (see :class:`ExactIndex`).

    >>> X = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]])
    >>> knn_cosine(X, 1)[0].ravel().tolist()
    [1, 0, 1]
    """
    return ExactIndex(block=block).search(X, k, queries=queries, exclude_self=exclude_self, device=device)


def get_index(spec, n: int, device: str = "cpu", n_queries: int | None = None) -> NeighborIndex:
    """Resolve ``"auto"``, a registered name or a :class:`NeighborIndex` for ``n`` base rows searched by
    ``n_queries`` rows (None: the base rows themselves). ``"auto"`` searches exactly while the pairs compared,
    ``n * n_queries``, are within those of an exact self-search of ``EXACT_MAX_ROWS`` rows: a few queries
    against many rows (a check's calibration copies, its candidates) cost less exactly than an index's
    training and filling (50,000 rows of 1,280-d on 2 cores: 160 queries 1.7 s exactly, 6.7 s with faiss;
    2,000 queries 1.8 s and 14.5 s; 8,000 queries 7.0 s and 42 s)."""
    if isinstance(spec, NeighborIndex):
        return spec
    if not isinstance(spec, str):
        raise DataQualityError(
            f"Expected neighbors to be 'auto', one of {list_indexes()} or a NeighborIndex but got {type(spec).__name__}.")
    if spec == "auto":
        limit = EXACT_MAX_ROWS["cuda" if device.startswith("cuda") else "cpu"]
        if n * (n if n_queries is None else n_queries) <= limit * limit:
            return ExactIndex()
        try:
            import faiss  # noqa: F401
        except ImportError:
            logger.warning("%d rows: an exact neighbour search is slow at this size and faiss is not installed; "
                           "pip install 'dataquality[scale]' for an approximate index. Searching exactly.", n)
            return ExactIndex()
        return INDEXES.get("faiss")()
    return INDEXES.get(spec)()


def drop_self(idx: np.ndarray, dist: np.ndarray, rows: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """From ``k + 1`` results per query row ``rows[i]``, remove the row itself (wherever it ranks,
    exact duplicates can outrank it) or else the last result; keep ``k``."""
    is_self = idx == rows[:, None]
    drop = np.where(is_self.any(axis=1), is_self.argmax(axis=1), idx.shape[1] - 1)
    keep = np.ones(idx.shape, dtype=bool)
    keep[np.arange(len(idx)), drop] = False
    width = idx.shape[1] - 1
    idx2 = idx[keep].reshape(len(idx), width)[:, :k]
    dist2 = dist[keep].reshape(len(idx), width)[:, :k]
    return idx2, dist2
