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
    codes : how an IVF index stores the rows on a CPU: ``"fp16"``, ``"fp32"`` or ``"auto"`` (default: fp16
        for 256 dimensions or more in multiples of 16). Scanning long rows is bound by memory, so half the
        bytes is about half the time (50,000 rows on 2 cores: 1,280-d 28 s -> 14 s with recall@10 0.999
        either way, 768-d 18 s -> 14 s, 256-d 4.7 s -> 4.3 s); short rows are bound by arithmetic, and
        faiss decodes fp16 with vector instructions only in multiples of 16 (60-d: 1.9 s -> 8.9 s). The
        distances returned are recomputed from the rows given, in float32, so they equal the exact
        index's. On a GPU the lists stay float32.
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
    codes: str = "auto"
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
            fp16 = self.codes == "fp16" or (self.codes == "auto" and d >= 256 and d % 16 == 0)
            if fp16 and not device.startswith("cuda"):
                index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(d), d, nlist, faiss.ScalarQuantizer.QT_fp16,
                                                      faiss.METRIC_INNER_PRODUCT)
            elif self.codes in ("auto", "fp16", "fp32"):
                index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
            else:
                from .._errors import DataQualityError

                raise DataQualityError(f"Expected FaissIndex codes 'auto', 'fp16' or 'fp32' but got {self.codes!r}.")
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
        self._rescore = isinstance(index, faiss.IndexIVFScalarQuantizer)
        return index

    def _search(self, base, queries, k, *, exclude_self, device):
        index = self._build(base, device)
        extra = 1 if exclude_self else 0
        src = base if queries is None else queries
        nq = len(src)
        idx_out = np.empty((nq, k), dtype=np.int64)
        dist_out = np.empty((nq, k), dtype=np.float32)
        order = None if device.startswith("cuda") else self._cell_order(index, src)
        inv_norms = None
        for s in range(0, nq, 16384):
            rows = np.arange(s, min(s + 16384, nq)) if order is None else order[s: s + 16384]
            q = _unit_rows(src[rows], 0, len(rows))
            sims, ind = index.search(q, k + extra)
            if self._rescore:
                if inv_norms is None:
                    import torch

                    inv_norms = _inverse_norms(torch.from_numpy(np.ascontiguousarray(base)))
                sims, ind = _rescore(base, q, ind, inv_norms=inv_norms)  # the chunk read and normalised once
            dist = np.where(ind >= 0, np.clip(1.0 - sims, 0.0, 2.0), np.nan).astype(np.float32)
            if extra:
                ind, dist = drop_self(ind, dist, rows, k)
            idx_out[rows] = ind
            dist_out[rows] = dist
        return idx_out, dist_out

    def _cell_order(self, index, src):
        """For an IVF index on the CPU: the queries in the order of their nearest cell. Queries of one cell
        scan nearly the same lists one after another, so those lists are read from the cache instead of
        memory: the scan is bound by memory, not arithmetic (50,000 rows of 1,280-d on 2 cores: 37 s in row
        order, 27 s in cell order, the same results)."""
        if self.kind != "ivf" or not hasattr(index, "quantizer"):
            return None
        cell = np.concatenate([index.quantizer.search(_unit_rows(src, s, s + 16384), 1)[1][:, 0]
                               for s in range(0, len(src), 16384)])
        return np.argsort(cell, kind="stable")

    def info(self) -> dict:
        out = super().info()
        if getattr(self, "_nlist", None):
            out["nlist_used"], out["nprobe_used"] = self._nlist, self._nprobe
        return out


def _rescore(base: np.ndarray, queries: np.ndarray, ind: np.ndarray, block: int | None = None, *, inv_norms=None):
    """Float32 cosine similarities of each query row with its found rows ``ind`` (-1: none), each row's
    results re-sorted by them (a search over compressed codes ranks near-ties by approximate scores).
    ``inv_norms``: the base rows' inverse norms (a torch vector), where already computed.

    Torch gathers and widens the found rows (11 per query at k=10) on all cores, about 16 MB of them at a time
    (``block`` queries): on 50,000 x 1,280 float16 rows 1.0 s; 2.0 s 4,096 queries at a time (230 MB), 5.9 s
    in numpy."""
    import torch

    bt = torch.from_numpy(np.ascontiguousarray(base))
    block = block or max(64, 2 ** 22 // max(1, ind.shape[1] * bt.shape[1]))
    if inv_norms is None:
        inv_norms = _inverse_norms(bt)
    sims = np.full(ind.shape, -np.inf, dtype=np.float32)
    for s in range(0, len(ind), block):
        q = torch.from_numpy(_unit_rows(queries, s, s + block))
        found = torch.from_numpy(ind[s: s + block])
        at = found.clamp_min(0)
        rows = bt.index_select(0, at.reshape(-1)).float().reshape(*at.shape, -1)
        v = torch.bmm(rows, q[:, :, None])[:, :, 0] * inv_norms[at]
        sims[s: s + block] = torch.where(found >= 0, v, torch.tensor(-np.inf)).numpy()
    order = np.argsort(-sims, axis=1, kind="stable")
    return np.take_along_axis(sims, order, 1), np.take_along_axis(ind, order, 1)


def _inverse_norms(bt):
    """1 / the norm of each row of a torch matrix (zero rows: 1e12), widened to float32 in chunks. Each row's
    norm is taken of the row divided by its largest absolute value, then scaled back, so that a row of tiny
    values (1e-29: squares underflow) or huge ones (1e20: squares overflow) gets its true norm, as in
    ``_unit_rows``."""
    import torch

    def norms(B):
        peak = B.abs().amax(dim=1) if B.shape[1] else torch.zeros(len(B))
        peak = torch.where(torch.isfinite(peak) & (peak > 0), peak, torch.ones_like(peak))
        return torch.linalg.vector_norm(B / peak[:, None], dim=1) * peak

    n = torch.cat([norms(bt[s: s + 65536].float()) for s in range(0, len(bt), 65536)])
    return torch.where(n > 0, n.reciprocal(), torch.full_like(n, 1e12))
