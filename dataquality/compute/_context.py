"""The compute context: the dataset, the settings, and every intermediate computed once, on first
use, by its registered provider; through the cache when the provider is stored; on the chosen
backend (per-example map) and neighbour index (neighbours). Checks see only this object."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import asdict

import numpy as np

from .._device import resolve_device
from .._errors import DataQualityError
from ..embeddings import get_embedder
from ..modalities import get_modality
from ._backends import get_backend
from ._neighbors import INDEXES, NeighborIndex, get_index
from ._providers import PROVIDERS
from ._store import Store

logger = logging.getLogger("dataquality")

_BACKGROUND = threading.local()


# the bytes of neighbour-search results Context.search keeps for a repeat (the least recently used go first; at
# 50,000 images a layout search's result is 6 MB, at a million 120 MB), and the most bytes of input it digests
SEARCH_MEMO_BYTES = 256 * 2 ** 20
SEARCH_MEMO_MAX_BYTES = 64 * 2 ** 20


def _search_key(base, k: int, queries, exclude_self: bool) -> tuple | None:
    """What makes a neighbour search the same search: its inputs' shapes, types and bytes, ``k`` and
    ``exclude_self``; None where the inputs are too large to digest cheaply (or not plain arrays)."""
    arrays = [base] if queries is None else [base, queries]
    if (not all(isinstance(a, np.ndarray) and a.dtype.kind in "biuf" for a in arrays)
            or sum(a.nbytes for a in arrays) > SEARCH_MEMO_MAX_BYTES):
        return None
    h = hashlib.blake2b(digest_size=16)
    for a in arrays:
        h.update(np.ascontiguousarray(a).view(np.uint8).reshape(-1))
    return (int(k), bool(exclude_self), queries is None, tuple((a.shape, a.dtype.str) for a in arrays), h.hexdigest())


def in_background() -> bool:
    """True on a thread computing an intermediate ahead of need (:meth:`Context.prefetch`): a provider
    then leaves process-wide settings (torch's thread count) alone and starts no worker processes."""
    return getattr(_BACKGROUND, "active", False)

# bump when the image pass's output changes for the same inputs
# 4: statistics measured on small versions of the image; JPEGs decoded at reduced scale
# 5: the spectrum descriptor (data/_stats.py: spectrum_values)
# 6: blur_hf, the high-frequency share (data/_stats.py: high_frequency_share)
# 7: blur_n and blur_hf_n, the two blur statistics on the thumbnail's grey at 128 x 128 (data/_stats.py)
# 8: grey16, the 16 x 16 grey picture for pixel-wise comparison (data/_stats.py: grey16_values)
# 9: blur_peak, the steepest edges for the picture's contrast (data/_stats.py: peak_gradient)
# 10: brightness_p95 and brightness_lit, the picture's brightness apart from small light sources
# (data/_stats.py: lit_brightness)
# 11: the 4 x 4 grey thumbnail from integer sums, the same bytes on CPU and GPU
# 12: brightness_lit, the lit pixels' lower quartile, not their median (data/_stats.py: LIT_QUANTILE)
# 13: blur_c, the edge energy of the centre half (data/_stats.py: CENTRE)
# 14: chroma16, where a picture has colour on a 16 x 16 grid (data/_stats.py: chroma16_values)
# 15: brightness_apart_p99 / _mean and thumb_apart, the picture apart from lights at its frame's edge
# (data/_stats.py: apart_from_edge_lights)
# 16: the same, with a compact coloured light anywhere in the frame set aside too (data/_stats.py: EDGE_COLOUR_CHROMA)
# 17: the edge-lights rule's black ground a fifth of the picture, not a third (data/_stats.py: EDGE_GROUND)
# 18: blur_typ, the median sharpness of the picture's detail (data/_stats.py: typical_sharpness)
# 19: a light's dimmer coloured body joined to its lit core set aside with it (data/_stats.py: apart_from_edge_lights)
# 20: grey32, the 32 x 32 grey picture of pictures at most 32 px a side (data/_stats.py: GREY32_MAX_SIDE)
IMAGE_PASS_VERSION = 20


def _last_line(exc: BaseException) -> str:
    """``Type: message`` of an error, without the traceback text a loader worker's error carries in its message
    ("Caught RuntimeError in DataLoader worker process 0. Original Traceback ...")."""
    text = str(exc)
    if "Original Traceback" in text:
        lines = [ln for ln in text.strip().splitlines() if ln.strip()]
        return lines[-1].strip() if lines else type(exc).__name__
    return f"{type(exc).__name__}: {text}"


class EmbedderFailed(DataQualityError):
    """The embedder raised on the data's images (:meth:`Context._try_embedder`, or the image pass itself);
    ``also``: words added at the end (the checks that run without it)."""

    def __init__(self, embedder, example_id, error: BaseException, also: str = ""):
        self.embedder, self.example_id, self.error = embedder, example_id, error
        name = getattr(embedder, "name", None) or type(embedder).__name__
        where = f" on image {str(example_id)!r}" if example_id is not None else ""
        hint = {"module": "A module passed as embedder receives float32 batches N x 3 x H x W, normalised, and must "
                          "return one vector per image (N x D). ",
                "callable": "A function passed as embedder receives a list of PIL images and must return one vector "
                            "per image (N x D). "}.get(name, "")
        size = getattr(embedder, "_size", None)
        if name == "module" and callable(size):
            hint = hint.replace("H x W", f"{size()} x {size()}")
        runtime = ("; embedder_settings={'runtime': 'torch'} runs it without ONNX Runtime"
                   if getattr(embedder, "runtime", "torch") != "torch" else "")
        super().__init__(
            f"The embedder ({name}) failed{where}: {_last_line(error)}. Nothing was audited: most checks compare "
            f"the images' embeddings, and an audit without them would look complete. {hint}Fix the embedder, use "
            f"embedder='auto'{runtime}, or run only the checks that need no embedder. {also}".strip())


# embedders (identity, runtime) that ran on an image in this process: Context._try_embedder tries each once
_TRIED: set = set()


def image_decode_size(embedder):
    """(short, long) the image pass needs from each image: what the statistics need and what the
    embedder's preprocessing needs, or None (decode at full size) when the embedder cannot say."""
    from ..data import STATS_MIN_SIZE

    need = embedder.decode_size() if embedder is not None and get_modality(embedder.modality).has_pixels else None
    if need is None:
        return None
    return (max(STATS_MIN_SIZE[0], int(need[0])), max(STATS_MIN_SIZE[1], int(need[1])))


class Context:
    """Holds the dataset and settings; computes each intermediate lazily and only once.

    Parameters mirror :func:`dataquality.audit`. ``get(name)`` returns an intermediate
    (``list_intermediates()``); ``search(base, k, queries=...)`` runs the context's neighbour
    index over any vectors.
    """

    def __init__(self, dataset, *, embedder="auto", device="cpu", cache_dir=None, random_state=0,
                 progress=True, reference=None, classes=None, k: int = 10, n_folds: int = 5,
                 embedder_settings: dict | None = None, batch_size=None, num_workers=None,
                 backend="local", neighbors="auto", probe_max_train_rows: int | None = 50_000,
                 model_store=None, pred_probs=None):
        self.dataset = dataset
        self.modality = dataset.modality
        self.device = resolve_device(device)
        self.cache_dir = cache_dir
        self.store = cache_dir if isinstance(cache_dir, Store) else Store.open(cache_dir)
        # where an exported model (ONNX) is looked for and kept: the cache, or the audit's own where this context's
        # values are not stored (the calibration's copies): else every audit exported the model again (seconds)
        self.model_store = self.store if model_store is None else model_store
        self.random_state = random_state
        self.progress = progress
        # called with an intermediate's name as it starts being computed (not loaded): the audit's progress line
        self.on_compute = None
        self.reference = reference
        self.declared_classes = list(classes) if classes is not None else None
        self.k = k
        self.n_folds = n_folds
        self.embedder = get_embedder(embedder, dataset.modality, **(embedder_settings or {})).for_device(self.device)
        self.batch_size = batch_size
        self.backend = get_backend(backend)
        if num_workers is not None and hasattr(self.backend, "num_workers"):
            self.backend.num_workers = num_workers
        if isinstance(neighbors, str) and neighbors != "auto":
            INDEXES.get(neighbors)  # an unknown name fails now, listing the valid ones, not inside a check
        elif not isinstance(neighbors, (str, NeighborIndex)):
            raise DataQualityError(f"Expected neighbors to be 'auto', one of {INDEXES.names()} or a NeighborIndex "
                                   f"but got {type(neighbors).__name__}.")
        self.neighbors = neighbors
        self._index = None
        self._searches: dict = {}  # neighbour searches kept for a repeat (see search), least recently used first
        self.settings = {"k": k, "n_folds": n_folds, "random_state": random_state,
                         "probe_max_train_rows": probe_max_train_rows}
        self.plan: set[str] = set()
        self._values: dict = {}
        self._keys: dict = {}
        self._nested: list[float] = []
        self.timings: dict[str, float] = {}
        # intermediates computing on a background thread (prefetch): name -> (thread, result box)
        self._pending: dict = {}
        # their own elapsed time there; ``timings`` holds the time ``get`` waited for them
        self.background_timings: dict[str, float] = {}
        # what ran the embedder's model in this context's image pass ("onnx", "torch"; None: nothing ran)
        self.runtime: str | None = None
        # (example id, error) where the embedder failed on its trial image (_try_embedder), else None
        self.embedder_failed: tuple | None = None
        # intermediates loaded from the cache, not computed: name -> what was stored with them
        self.cached: dict[str, dict] = {}
        # the folder's record of this context's image pass (compute/_store.py, Lineage): where the global steps'
        # entries of the folder's earlier states are removed as this state's are stored; None where there is none
        self.lineage = None
        # the user's own out-of-fold probabilities (audit's pred_probs=, checked there): the value of ``pred_probs``,
        # never computed or stored; its digest enters the cache key of everything that requires it
        self.given_pred_probs = pred_probs
        if pred_probs is not None:
            self._values["pred_probs"] = pred_probs

    def child(self, dataset) -> "Context":
        """A context on another dataset (a reference set) with the same embedder and machinery."""
        return Context(dataset, embedder=self.embedder, device=self.device, cache_dir=self.store,
                       random_state=self.random_state, progress=self.progress, k=self.k, n_folds=self.n_folds,
                       batch_size=self.batch_size, backend=self.backend, neighbors=self.neighbors,
                       probe_max_train_rows=self.settings["probe_max_train_rows"])

    # -- cheap facts ------------------------------------------------------------------
    @property
    def n(self) -> int:
        return len(self.dataset)

    @property
    def classes(self) -> list:
        return self.dataset.classes

    @property
    def label_codes(self) -> np.ndarray:
        if "label_codes" not in self._values:
            self._values["label_codes"] = self.dataset.label_codes
        return self._values["label_codes"]

    @property
    def labeled(self) -> np.ndarray:
        return self.label_codes >= 0

    @property
    def valid(self) -> np.ndarray:
        return self.get("valid")

    @property
    def texts(self) -> list[str]:
        if "texts" not in self._values:
            self._values["texts"] = self.dataset.texts
        return self._values["texts"]

    def content_keys(self) -> np.ndarray:
        return self.get("content_keys")

    @property
    def index(self):
        """The neighbour index for this dataset's size (``neighbors=`` resolved once)."""
        if self._index is None:
            self._index = get_index(self.neighbors, self.n, self.device)
        return self._index

    def search(self, base: np.ndarray, k: int, *, queries: np.ndarray | None = None, exclude_self: bool = True):
        """Cosine neighbours with the context's index (see :class:`NeighborIndex`; with ``neighbors="auto"``,
        exact where the pairs compared are few, see :func:`get_index`). The same search asked again (the same
        arrays, by content, and the same ``k``) is answered from the results kept (``SEARCH_MEMO_BYTES``): `dark`
        and `blurry` each compare every image with those laid out like it (50,000 images: four self-searches of the
        same thumbnails, 1.3-1.7 s each after the first, with the classes' own searches between them)."""
        key = _search_key(base, k, queries, exclude_self)
        if key is not None and key in self._searches:
            idx, dist = self._searches.pop(key)
            self._searches[key] = (idx, dist)  # now the most recently used
            return idx.copy(), dist.copy()
        index = get_index(self.neighbors, len(base), self.device, None if queries is None else len(queries))
        idx, dist = index.search(base, k, queries=queries, exclude_self=exclude_self, device=self.device)
        if key is not None and idx.nbytes + dist.nbytes <= SEARCH_MEMO_BYTES:
            self._searches[key] = (idx.copy(), dist.copy())
            while sum(a.nbytes + b.nbytes for a, b in self._searches.values()) > SEARCH_MEMO_BYTES:
                self._searches.pop(next(iter(self._searches)))
        return idx, dist

    # -- intermediates ----------------------------------------------------------------
    def prepare(self, requirements: set[str]) -> None:
        """Record what will be needed (so that images are decoded once when both statistics and
        embeddings are), and compute the per-example map up front."""
        plan, todo = set(), list(requirements)
        while todo:
            name = todo.pop()
            if name in plan or name not in PROVIDERS or name in self._values:  # given (pred_probs=): nothing to compute
                continue
            plan.add(name)
            todo.extend(PROVIDERS.get(name).requires)
        if "knn" in plan or "pred_probs" in plan or "duplicates" in plan or "reference" in plan:
            plan.add("embeddings")
        self.plan = plan
        if "embeddings" in plan and self.reference is not None and self.embedder.data_dependent:
            self.get("embeddings")
        elif get_modality(self.modality).has_pixels and "embeddings" in plan:
            self.get("embeddings")

    def has(self, name: str) -> bool:
        return name in self._values

    def prefetch(self, name: str) -> bool:
        """Start computing the planned intermediate ``name`` on a background thread, when every
        intermediate it requires has been computed (here, first); :meth:`get` then waits for it. The audit does
        this for the calibration's copies, made while the checks that do not need them run (they use
        one core on small audits, and a GPU machine's CPUs sit idle). Only providers that are not
        stored in the cache, and only in this process: the value is the one :meth:`get` would compute.
        Returns whether a thread started."""
        if name in self._values or name in self._pending or name not in self.plan:
            return False
        prov = PROVIDERS.get(name)
        if prov.codec is not None:
            return False
        # what it requires first, on this thread (the background one only reads computed values)
        for r in prov.requires:
            self.get(r)
        if prov.uses_embedder and "embeddings" in self.plan:
            self.get("embeddings")
        box: dict = {}

        def work():
            _BACKGROUND.active = True
            t0 = time.perf_counter()
            try:
                box["value"] = prov.compute(self)
            except BaseException as exc:  # raised where the value is asked for, as if computed there
                box["error"] = exc
            finally:
                box["elapsed"] = time.perf_counter() - t0

        thread = threading.Thread(target=work, name=f"dataquality-{name}", daemon=True)
        self._pending[name] = (thread, box)
        thread.start()
        return True

    @property
    def pending(self) -> frozenset:
        """The intermediates being computed on a background thread (see :meth:`prefetch`)."""
        return frozenset(self._pending)

    def wait_background(self) -> None:
        """Wait for every prefetched intermediate (their values are kept; an error is dropped, as it would
        have been had nothing asked for the value)."""
        for name in list(self._pending):
            box = self._join(name)
            if "value" in box:
                self._values[name] = box["value"]

    def _join(self, name: str) -> dict:
        """Wait for the background thread computing ``name``; its result box (value or error, elapsed)."""
        thread, box = self._pending.pop(name)
        thread.join()
        self.background_timings[name] = box.get("elapsed", 0.0)
        return box

    def get(self, name: str):
        if name in self._values:
            return self._values[name]
        if name in self._pending:
            t0 = time.perf_counter()
            box = self._join(name)
            waited = time.perf_counter() - t0
            if self._nested:
                self._nested[-1] += waited
            self.timings[name] = self.timings.get(name, 0.0) + waited
            if "error" in box:
                raise box["error"]
            self._values[name] = box["value"]
            return box["value"]
        if name == "labels":  # a declared requirement, not a computed value
            return self.label_codes
        prov = PROVIDERS.get(name)
        t0 = time.perf_counter()
        self._nested.append(0.0)
        persist = (prov.codec is not None and self.store.enabled and (prov.persist is None or prov.persist(self))
                   and (getattr(self.embedder, "cacheable", True) or not self._bound_to_embedder(name)))
        value = None
        if persist:
            hit = self.store.load(self.key(name))
            if hit is not None:
                value = prov.codec[1](hit["arrays"])
                self.cached[name] = hit["info"]
                logger.info("%s loaded from the cache", name)
        if value is None:
            if self.on_compute is not None:
                self.on_compute(name)
            value = prov.compute(self)
            if persist:
                info = {"provider": name}
                if name == "knn":  # what the index chose as it ran (faiss: cells, cells visited), for a cached run's report
                    info["index_used"] = {k: v for k, v in self.index.info().items()
                                          if k.endswith("_used") and isinstance(v, (int, float, str))}
                self.store.save(self.key(name), prov.codec[0](value), info)
                if self.lineage is not None:
                    self.lineage.supersede(self, name)
        self._values[name] = value
        elapsed = time.perf_counter() - t0
        inner = self._nested.pop()
        if self._nested:
            self._nested[-1] += elapsed
        # exclusive times: a provider's own work, not that of what it asked for
        self.timings[name] = self.timings.get(name, 0.0) + elapsed - inner
        return value

    def _bound_to_embedder(self, name: str) -> bool:
        """Whether intermediate ``name`` depends on the embedder's vectors (itself, or through what it requires):
        never stored for an embedder whose settings cannot identify its vectors (a user's function)."""
        prov = PROVIDERS.get(name)
        return prov.uses_embedder or any(self._bound_to_embedder(r) for r in prov.requires if r in PROVIDERS)

    def key(self, name: str) -> str:
        """The cache key of intermediate ``name``, derived from everything that changes it."""
        if name in self._keys:
            return self._keys[name]
        digest = hashlib.sha256(json.dumps(self.key_parts(name), sort_keys=True, default=repr).encode()).hexdigest()[:32]
        self._keys[name] = digest
        return digest

    def key_parts(self, name: str, *, settings_only: bool = False) -> dict:
        """What :meth:`key` hashes for intermediate ``name``. ``settings_only``: all of it but the data (the
        dataset's fingerprint, its labels, the user's own probabilities), with the neighbour index as asked for, not
        as it resolved for this many rows (faiss's cells grow with N): what identifies an entry across the states of
        one folder (compute/_store.py, ``Lineage.supersede``)."""
        prov = PROVIDERS.get(name)
        parts = {"provider": name, "version": prov.version, "modality": self.modality,
                 "settings": {s: self.settings[s] for s in prov.settings},
                 "requires": {r: self.key_parts(r, settings_only=True) if settings_only else self.key(r)
                              for r in prov.requires if r in PROVIDERS}}
        if not settings_only:
            parts["data"] = self.dataset.fingerprint
        if prov.uses_embedder:
            parts["embedder"] = self.embedder.identity()
        if name == "image_stats":  # measured on images decoded at the scale the embedder needs (run_image_map)
            parts["decode_size"] = image_decode_size(self.embedder)
        if settings_only:
            if prov.uses_index:
                parts["neighbors"] = repr(self.neighbors)
            return parts
        if name == "pred_probs" and self.given_pred_probs is not None:
            parts["given"] = hashlib.sha256(np.ascontiguousarray(self.given_pred_probs).tobytes()).hexdigest()
        if prov.uses_labels:
            h = hashlib.sha256(self.label_codes.tobytes())
            h.update(json.dumps([repr(c) for c in self.classes]).encode())
            parts["labels"] = h.hexdigest()
        if prov.uses_index:
            parts["index"] = {"name": self.index.name, **asdict(self.index)}
        return parts

    # -- the per-example map ----------------------------------------------------------
    def _try_embedder(self, mapper, embedder, tries: int = 8) -> None:
        """Run an embedder that runs in loader workers on one image of the data (the first of the first ``tries``
        that decodes), here, before the pass: one that cannot run (an exported graph ONNX Runtime cannot execute
        here, a registered embedder that raises) fails in a second, not after workers spawned with a worker's
        traceback inside the message (a user's module or function runs in this process: its first batch fails as
        fast, and it is not called more often than the images need). The error is raised as it is and
        ``embedder_failed`` keeps (image id, error), from which :func:`dataquality.audit` raises
        :class:`EmbedderFailed`. Where ONNX Runtime fails and the runtime was
        ``"auto"``, the model runs in torch instead (the same vectors, see embeddings/_onnx.py). Vectors of the wrong
        shape are left to the pass, whose error names its own batch."""
        tried = (repr(embedder.identity()), getattr(mapper.embedder, "runtime_used", None))
        if tried in _TRIED:
            return  # ran on an image in this process already (an audit's calibration copies, a second audit)
        for i in range(min(tries, self.n)):
            _, ok, batch, _ = mapper.decode_batch([i])
            if ok:
                break
        else:
            return  # nothing decodable up front: the pass reports the unreadable images as before
        try:
            mapper.forward(batch)
            _TRIED.add(tried)
            return
        except DataQualityError:
            return  # it says what was wrong (vectors of the wrong shape); the pass says it again, for its own batch
        except Exception as exc:
            error = exc
        if mapper.embedder is not embedder and getattr(mapper.embedder, "runtime_used", None) == "onnx" \
                and getattr(embedder, "runtime", None) == "auto":
            from ..embeddings._onnx import say_once

            say_once("%s runs in torch on the CPU, not ONNX Runtime, which failed on an image: %s",
                     getattr(embedder, "name", type(embedder).__name__), _last_line(error))
            mapper.embedder, self.runtime = embedder, "torch"
            try:
                mapper.forward(batch)
                return
            except DataQualityError:
                return
            except Exception as exc:
                error = exc
        # raised as it is (dq.embed shows a user's own error unchanged); the audit reads which image it failed on
        self.embedder_failed = (self.dataset.ids[i], error)
        raise error

    def run_image_map(self, with_embedder: bool):
        """(statistics, raw N x D float16 embeddings or None) of every image, by shard, on the backend."""
        from ._imagemap import ImageMapper, from_tables

        embedder = self.embedder if with_embedder else None
        pipeline = self.backend.pipeline(self.dataset, embedder, self.device)
        # the decoding scale follows the context's embedder even when only statistics are wanted,
        # so that a statistics-only pass and an embedding pass hash the same file alike
        decode_size = image_decode_size(self.embedder)
        mapper = ImageMapper(self.dataset, embedder, device=self.device,
                             batch_size=self.batch_size or (256 if self.device.startswith("cuda") else 32),
                             pipeline=pipeline, decode_size=decode_size)
        cacheable = embedder is None or embedder.cacheable
        parts = {"map": "image", "version": IMAGE_PASS_VERSION, "data": self.dataset.fingerprint,
                 "pipeline": pipeline, "decode_size": decode_size,
                 "embedder": embedder.identity() if embedder is not None else None}
        key = hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode()).hexdigest()[:32]
        from ._reuse import memo_key, recall, remember
        from ._store import attach_lineage

        reuse = cacheable and self.store.memory
        if reuse:
            hit = recall(self.dataset, memo_key(parts))
            if hit is not None:
                remember(self.dataset, memo_key(parts), hit[0], hit[1], embedder)  # views of this one find it too
                logger.info("image pass: statistics%s reused from this process", " and embeddings" if embedder else "")
                return hit
        shards, temporary = self.backend.shards(self.store if cacheable else Store(None), key, self.n)
        if cacheable and not temporary:
            # the rows of unchanged files are taken from the folder's previous pass (recorded in the cache)
            self.lineage = attach_lineage(self.store, shards, self.dataset, memo_key(parts)) or self.lineage
        try:
            for _attempt in range(2):  # a shard that fails verification on reading is computed again
                done = shards.complete()
                todo = [k for k in range(shards.n_shards) if k not in done]
                if todo and done:
                    logger.info("Image pass: %d of %d shards already done (by an interrupted run, or whole from the folder's "
                                "unchanged files), computing the rest", len(done), shards.n_shards)
                if todo and embedder is not None and mapper.embedder is embedder:
                    # the runtime that runs the model here (ONNX Runtime on a CPU): chosen only when
                    # something is left to embed, since exporting a model takes seconds
                    mapper.embedder = embedder.for_runtime(self.device, self.model_store)
                    self.runtime = getattr(mapper.embedder, "runtime_used", None)
                    if getattr(embedder, "runs_in_workers", False) and not str(self.device).startswith("cuda"):
                        self._try_embedder(mapper, embedder)  # where a failure would come from a worker process
                self.backend.run(mapper, shards, todo, progress=self.progress)
                tables, bad = [], []
                for k in range(shards.n_shards):
                    t = shards.read(k)
                    (tables if t is not None else bad).append(t if t is not None else k)
                if not bad:
                    break
            else:
                raise DataQualityError(f"{len(bad)} shard(s) of the image pass could not be read back from "
                                       f"{shards.location}; check the disk, then rerun.")
            stats, emb = from_tables(tables, self.n, with_embedder)
            if reuse:
                stats_parts = {**parts, "embedder": None,
                               "pipeline": self.backend.pipeline(self.dataset, None, self.device)}
                remember(self.dataset, memo_key(parts), stats, emb, embedder,
                         stats_key=memo_key(stats_parts) if embedder is not None else None)
        finally:
            if temporary:
                import shutil

                shutil.rmtree(shards.location, ignore_errors=True)
        return stats, emb
