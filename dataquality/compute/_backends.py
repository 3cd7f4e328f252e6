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


@register_backend("local")
class LocalBackend(Backend):
    """This process: decoding in DataLoader worker processes (PIL), or in batches on the GPU
    (nvjpeg) on CUDA; the model in this process.

    Parameters
    ----------
    num_workers : DataLoader worker processes (default: one per core, none for small jobs).
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

        from ._imagemap import collate, to_table

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
        if mapper.pipeline == "tensor":
            source = (b for k in todo for b in mapper.batches(shards.rows(k)))
        else:
            from torch.utils.data import DataLoader

            workers = self.num_workers
            if workers is None:
                workers = 0 if len(rows) < 256 else min(8, os.cpu_count() or 1)
            position = {r: p for p, r in enumerate(rows)}
            source = DataLoader(_DecodeItems(mapper, rows), batch_sampler=[[position[r] for r in b] for b in batches],
                                num_workers=workers, collate_fn=collate, pin_memory=mapper.device.startswith("cuda"),
                                prefetch_factor=4 if workers else None,
                                multiprocessing_context=self.start_method if workers else None)
        pending: dict[int, dict] = {}
        try:
            for idx, ok, batch, stats in source:
                k = idx[0] // shards.shard_rows
                acc = pending.setdefault(k, {"rows": [], "stats": [], "vecs": {}})
                acc["rows"].extend(idx)
                acc["stats"].extend(stats)
                if mapper.embedder is not None and ok:
                    for pos, vec in zip(ok, mapper.forward(batch)):
                        acc["vecs"][idx[pos]] = vec
                bar.update(len(idx))
                if len(acc["rows"]) == len(shards.rows(k)):
                    done = pending.pop(k)
                    shards.write(k, to_table(done["rows"], done["stats"],
                                             done["vecs"] if mapper.embedder is not None else None))
        finally:
            bar.close()
