"""The compute layer between embedders and checks.

- **Intermediates** (embeddings, per-image statistics, out-of-fold probabilities, the neighbour
  graph, duplicate candidates...) are registered providers (:func:`list_intermediates`); the
  :class:`Context` computes each once, on first use, with a cache key derived from the provider,
  the embedder's identity, the settings and the dataset's fingerprint.
- **Backends** run the per-example map (read, decode, statistics, hashes, embed):
  :class:`LocalBackend` in this process, :class:`RayBackend` as a Ray Data actor pool; both write
  Parquet shards that an interrupted run resumes from.
- **Reuse**: each image pass's statistics and embeddings are also kept in memory while the data
  lives, so ``finetune``/``evaluate``/``compare`` on audited data (or a view of it, such as
  ``report.clean_subset()``) decode and embed nothing again (``cache_dir=False`` turns this off).
- **Neighbour indexes** answer every neighbour question: :class:`ExactIndex` (blocked, torch, GPU
  when present) and :class:`FaissIndex` (IVF or HNSW).

Checks ask the context (``ctx.get("knn")``, ``ctx.search(...)``) and never import this machinery.
"""

from . import (
    _faiss,  # noqa: F401  (registers the faiss index)
    _ray,  # noqa: F401  (registers the Ray backend)
)
from ._api import embed, embed_with_stats, image_stats
from ._backends import Backend, CpuPlan, LocalBackend, available_cores, get_backend, list_backends, plan_cpu, register_backend
from ._context import Context
from ._duplicates import Duplicates, connected_groups
from ._faiss import FaissIndex
from ._neighbors import EXACT_MAX_ROWS, ExactIndex, NeighborIndex, get_index, knn_cosine, list_indexes, register_index
from ._probe import out_of_fold_probs
from ._providers import PROBES, Provider, list_intermediates, provider
from ._ray import RayBackend
from ._reuse import forget_remembered, remembered_embedders
from ._store import Store, default_cache_dir
from ._threads import cpu_threads, numeric_threads

__all__ = [
    "Context", "Provider", "provider", "list_intermediates", "PROBES",
    "Backend", "LocalBackend", "RayBackend", "register_backend", "list_backends", "get_backend",
    "CpuPlan", "plan_cpu", "available_cores",
    "NeighborIndex", "ExactIndex", "FaissIndex", "register_index", "list_indexes", "get_index", "EXACT_MAX_ROWS",
    "knn_cosine", "out_of_fold_probs", "Duplicates", "connected_groups", "Store", "default_cache_dir",
    "embed", "embed_with_stats", "image_stats", "forget_remembered", "remembered_embedders",
    "cpu_threads", "numeric_threads",
]
