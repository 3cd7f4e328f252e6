"""``FaissIndex``: approximate cosine neighbours with faiss (``pip install 'dataquality[scale]'``).

IVF (an inverted file over k-means cells) is the default: it trains on a sample, adds the rows in
chunks (no second float32 copy of the data), builds in seconds where HNSW takes minutes, and is
the index family that has GPU and sharded implementations. A near-duplicate pair almost always
falls in one cell, so pair recall stays near 1 even where recall@10 of distant neighbours drops.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

from .._errors import MissingDependencyError
from ._neighbors import NeighborIndex, _unit_rows, drop_self, register_index

logger = logging.getLogger("dataquality")


def _import_faiss():
    try:
        import faiss
    except ImportError as exc:
        raise MissingDependencyError(
            "neighbors='faiss' needs faiss: pip install 'dataquality[scale]' (or pip install faiss-cpu)."
        ) from exc
    return faiss


@register_index("faiss")
@dataclass
class FaissIndex(NeighborIndex):
    """Approximate cosine neighbours (inner product on unit vectors).

    Parameters
    ----------
    kind : ``"ivf"`` (default), ``"hnsw"`` or ``"flat"`` (exact, faiss's kernels).
    nlist : IVF cells; default ``4 * sqrt(N)``, at least 16.
    nprobe : IVF cells visited per query; default: as many as hold about ``candidates`` rows, so the
        work per query stays constant as N grows and the whole search grows as N (with
        ``nlist = 4 sqrt(N)``: 52 cells at 100k rows, 16 at 1M).
    candidates : rows compared per query when ``nprobe`` is not given.
    hnsw_m, ef_construction, ef_search : HNSW graph degree and beam widths.
    train_size : rows sampled to train the IVF quantizer (default ``40 * nlist``).
    niter : k-means iterations of that training.
    random_state : seeds the training sample.
    """

    kind: str = "ivf"
    nlist: int | None = None
    nprobe: int | None = None
    # chosen on the tuning generator of benchmarks/scale.py, never the evaluated one (2,000 Zipf-sized
    # clusters, 256-d): at 100k rows recall@10 0.888 / 0.946 / 0.973 at nprobe 16 / 32 / 48 (~1.3k / 2.4k /
    # 3.8k rows compared), near-duplicate pair recall 1.000 at each; at 1M rows nprobe 48 (12k rows compared)
    # would cost 3x the time of the whole rest of the audit, so the work per query is held at ~4k rows
    # (docs/benchmarks.md)
    candidates: int = 4096
    hnsw_m: int = 32
    ef_construction: int = 40
    ef_search: int = 128
    train_size: int | None = None
    niter: int = 10
    random_state: int = 0
    exact = False

    def _build(self, base: np.ndarray, device: str):
        faiss = _import_faiss()
        n, d = base.shape
        if self.kind == "flat":
            index = faiss.IndexFlatIP(d)
        elif self.kind == "hnsw":
            index = faiss.IndexHNSWFlat(d, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = self.ef_construction
            index.hnsw.efSearch = self.ef_search
        elif self.kind == "ivf":
            nlist = self.nlist or max(16, int(4 * math.sqrt(n)))
            nlist = max(1, min(nlist, n // 39 or 1))  # faiss wants >= 39 training rows per cell
            index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
            index.cp.niter = self.niter
            index.cp.seed = self.random_state
            rng = np.random.default_rng(self.random_state)
            m = min(n, self.train_size or 40 * nlist)
            sample = np.sort(rng.choice(n, m, replace=False))
            train = np.concatenate([_unit_rows(base[sample], s, s + 65536) for s in range(0, m, 65536)])
            index.train(train)
            nprobe = self.nprobe or math.ceil(self.candidates * nlist / n)
            index.nprobe = max(1, min(nprobe, nlist))
            self._nlist, self._nprobe = nlist, index.nprobe
        else:
            from .._errors import DataQualityError

            raise DataQualityError(f"Expected FaissIndex kind 'ivf', 'hnsw' or 'flat' but got {self.kind!r}.")
        if device.startswith("cuda") and hasattr(faiss, "StandardGpuResources") and faiss.get_num_gpus() > 0:
            self._res = faiss.StandardGpuResources()
            index = faiss.index_cpu_to_gpu(self._res, int(device.split(":")[1]) if ":" in device else 0, index)
        for s in range(0, n, 65536):
            index.add(_unit_rows(base, s, s + 65536))
        return index

    def _search(self, base, queries, k, *, exclude_self, device):
        index = self._build(base, device)
        extra = 1 if exclude_self else 0
        src = base if queries is None else queries
        nq = len(src)
        idx_out = np.empty((nq, k), dtype=np.int64)
        dist_out = np.empty((nq, k), dtype=np.float32)
        for s in range(0, nq, 16384):
            sims, ind = index.search(_unit_rows(src, s, s + 16384), k + extra)
            dist = np.where(ind >= 0, np.clip(1.0 - sims, 0.0, 2.0), np.nan).astype(np.float32)
            if extra:
                ind, dist = drop_self(ind, dist, np.arange(s, s + len(ind)), k)
            idx_out[s: s + len(ind)] = ind
            dist_out[s: s + len(ind)] = dist
        return idx_out, dist_out

    def info(self) -> dict:
        out = super().info()
        if getattr(self, "_nlist", None):
            out["nlist_used"], out["nprobe_used"] = self._nlist, self._nprobe
        return out
