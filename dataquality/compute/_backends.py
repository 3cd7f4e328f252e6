"""Backends run the per-example map; ``LocalBackend`` here, ``RayBackend`` in ``_ray.py``.

A backend has one job: compute every shard of a :class:`~dataquality.compute._store.ShardSet`
that is not complete yet, with an :class:`~dataquality.compute._imagemap.ImageMapper`, writing
each shard as soon as it is done (so an interrupted run resumes by shard). Everything else, what
to compute, caching, assembling the result, lives in the context. A new backend (Dask, Spark) is
one file with a class like these and its ``@register_backend`` line.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import ClassVar

from .._errors import DataQualityError
from ._registry import Registry

logger = logging.getLogger("dataquality")

BACKENDS: Registry = Registry("backend")


def register_backend(name: str):
    """Class decorator adding a backend to the registry (``audit(backend=name)``)."""

    def deco(cls):
        cls.name = name
        BACKENDS.register(name, cls)
        return cls

    return deco


def list_backends() -> list[str]:
    """Names accepted by ``audit(backend=...)``.

    >>> import dataquality as dq
    >>> dq.list_backends()
    ['local', 'ray']
    """
    return BACKENDS.names()


class Backend:
    """Base class of backends. Constructors store settings only."""

    name: ClassVar[str] = "backend"
    # rows per shard: the unit of resumption and of work handed to a worker
    shard_rows: int = 2048

    def run(self, mapper, shards, todo: list[int], *, progress: bool = True) -> None:  # pragma: no cover
        """Compute the shards ``todo`` of ``shards`` with ``mapper`` and write each one."""
        raise NotImplementedError

    def info(self) -> dict:
        """Settings recorded in the report (not part of any cache key: results never depend on them)."""
        return {"name": self.name}

    def shards(self, store, key: str, n: int):
        """(where this run's shards go, whether that place is temporary and removed after the run).
        Default: the cache store (in memory when caching is off)."""
        return store.shards(key, n, self.shard_rows), False

    def pipeline(self, dataset, embedder, device: str) -> str:
        """``"tensor"`` (batched decode on the device) or ``"loader"`` (PIL); part of the cache key,
        since the two decoders differ in the last bits."""
        from ._tensor_pass import supports_tensor_pipeline

        return "tensor" if device.startswith("cuda") and supports_tensor_pipeline(dataset, embedder) else "loader"


def get_backend(spec) -> Backend:
    if isinstance(spec, Backend):
        return spec
    if isinstance(spec, str):
        return BACKENDS.get(spec)()
    raise DataQualityError(
        f"Expected backend to be a name ({', '.join(list_backends())}) or a Backend instance but got "
        f"{type(spec).__name__}.")


# threads that decode a small job in this process (more gain little on images this small, and cost memory)
MAX_DECODE_THREADS = 4


def available_cores() -> int:
    """CPU cores this process may run on (its affinity mask where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


class _DecodeItems:
    """Map-style dataset for DataLoader workers: the CPU half of the map for the given rows."""

    def __init__(self, mapper, rows):
        self.mapper, self.rows = mapper, rows

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, k):
        i = self.rows[k]
        st, x = self.mapper.decode(i)
        return i, x, st


class _MapBatches:
    """Map-style dataset for DataLoader workers: the whole map (decode, statistics, model) of a batch."""

    def __init__(self, mapper, batches):
        self.mapper, self.batches = mapper, batches

    def __len__(self):
        return len(self.batches)

    def __getitem__(self, k):
        return self.mapper.map_batch(self.batches[k])


def _as_is(item):
    return item


@dataclass(frozen=True)
class CpuPlan:
    """How a local run uses the machine: loader worker processes, and where the model runs.

    ``embed_in_workers``: each worker decodes *and* runs the model on one torch thread (the main
    process only collects), so the cores are busy on whole images and never oversubscribed.
    Otherwise the workers decode and the model runs in this process on ``torch_threads`` threads.
    """

    workers: int
    embed_in_workers: bool
    torch_threads: int | None
    # without workers: threads of this process that read and decode the images (the model runs between
    # batches, not beside them, so they do not compete with it)
    decode_threads: int = 1


def plan_cpu(n_rows: int, embedder, device: str, cores: int | None = None, num_workers: int | None = None) -> CpuPlan:
    """Workers and threads for ``n_rows`` rows on this machine (``cores`` defaults to the affinity mask).

    On a CPU, an embedder that may run in workers gets one worker per core, each with its own copy
    of the model on one torch thread: measured on 2 cores, one thread per process runs the forward
    pass at a higher rate per core than two threads in one process, and a decoding worker beside a
    multi-threaded model takes a core from it mid-batch. Small jobs (under 256 rows) run in this
    process: starting workers would cost more than it saves; they are read and decoded there on one
    thread per core (up to ``MAX_DECODE_THREADS``).
    """
    cores = cores or available_cores()
    cpu = not device.startswith("cuda")
    in_workers = cpu and (embedder is None or getattr(embedder, "runs_in_workers", False))
    if num_workers is None:
        if n_rows < 256:
            num_workers = 0
        elif in_workers:
            num_workers = cores
        else:  # decoding beside a model in this process: the model keeps most cores
            num_workers = min(8, max(1, cores // 4)) if cpu else min(8, cores)
    in_workers = in_workers and num_workers > 0
    threads = None
    if cpu and not in_workers and num_workers > 0:
        threads = max(1, cores - num_workers)
    return CpuPlan(num_workers, in_workers, threads, min(cores, MAX_DECODE_THREADS) if num_workers == 0 else 1)


@register_backend("local")
class LocalBackend(Backend):
    """This process and its loader workers; on CUDA, batched decoding on the GPU (nvjpeg).

    On a CPU each worker process decodes, measures and embeds whole batches on one torch thread
    (one worker per core, see :func:`plan_cpu`); on CUDA the workers decode and the model runs
    in this process.

    Parameters
    ----------
    num_workers : loader worker processes (default: from the machine, see :func:`plan_cpu`).
    shard_rows : rows per shard (the unit written to the cache and resumed).
    start_method : how worker processes start (``"fork"``, ``"spawn"``, ``"forkserver"``; default the
        platform's). Datasets and embedders are picklable, so every method works.
    """

    def __init__(self, num_workers: int | None = None, shard_rows: int = 2048, start_method: str | None = None):
        self.num_workers = num_workers
        self.shard_rows = shard_rows
        self.start_method = start_method

    def info(self) -> dict:
        return {"name": self.name, "num_workers": self.num_workers}

    def run(self, mapper, shards, todo, *, progress=True):
        from tqdm.auto import tqdm

        from ._imagemap import to_table

        rows = [r for k in todo for r in shards.rows(k)]
        if not rows:
            return
        bar = tqdm(total=shards.n, initial=shards.n - len(rows), unit="img", disable=not progress, leave=False,
                   desc="embedding" if mapper.embedder is not None else "scanning")
        # batches never cross a shard boundary, so a shard is written as soon as its last batch is done
        batches = []
        for k in todo:
            r = list(shards.rows(k))
            batches += [r[s: s + mapper.batch_size] for s in range(0, len(r), mapper.batch_size)]
        plan = plan_cpu(len(rows), mapper.embedder, mapper.device, num_workers=self.num_workers)
        restore = None
        pending: dict[int, dict] = {}
        try:
            if plan.torch_threads is not None:
                import torch

                restore = torch.get_num_threads()
                torch.set_num_threads(plan.torch_threads)
            for idx, stats, vecs in self._results(mapper, shards, todo, batches, rows, plan):
                k = idx[0] // shards.shard_rows
                acc = pending.setdefault(k, {"rows": [], "stats": [], "vecs": {}})
                acc["rows"].extend(idx)
                acc["stats"].extend(stats)
                acc["vecs"].update(vecs)
                bar.update(len(idx))
                if len(acc["rows"]) == len(shards.rows(k)):
                    done = pending.pop(k)
                    shards.write(k, to_table(done["rows"], done["stats"],
                                             done["vecs"] if mapper.embedder is not None else None))
        finally:
            bar.close()
            if restore is not None:
                import torch

                torch.set_num_threads(restore)

    def _results(self, mapper, shards, todo, batches, rows, plan):
        """``(rows, statistics, {row: vector})`` per batch, in order."""
        workers = plan.workers
        if mapper.pipeline == "tensor" or workers == 0:  # in this process, whole batches (no loader)
            from ._imagemap import DecodeThreads

            pool = DecodeThreads.for_mapper(mapper, plan.decode_threads)
            try:
                for k in todo:
                    for idx, ok, batch, stats in mapper.batches(shards.rows(k), pool):
                        yield idx, stats, mapper.embed_ok(idx, ok, batch)
            finally:
                if pool is not None:
                    pool.close()
            return
        from torch.utils.data import DataLoader

        from ._imagemap import collate

        context = self.start_method
        if plan.embed_in_workers:
            if mapper.embedder is not None and self.start_method in (None, "fork") and os.name == "posix":
                mapper.embedder.build_shared()  # built once here; forked workers share it instead of each building one
            source = DataLoader(_MapBatches(mapper, batches), batch_size=None, num_workers=workers,
                                collate_fn=_as_is, prefetch_factor=2, multiprocessing_context=context)
            yield from source
            return
        position = {r: p for p, r in enumerate(rows)}
        source = DataLoader(_DecodeItems(mapper, rows), batch_sampler=[[position[r] for r in b] for b in batches],
                            num_workers=workers, collate_fn=collate, pin_memory=mapper.device.startswith("cuda"),
                            prefetch_factor=4, multiprocessing_context=context)
        for idx, ok, batch, stats in source:
            yield idx, stats, mapper.embed_ok(idx, ok, batch)
