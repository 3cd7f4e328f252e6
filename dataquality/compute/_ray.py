"""``RayBackend``: the per-example map as a Ray Data actor pool on the running Ray cluster.

Each actor holds one model; one call maps one shard of rows (read, decode, statistics, hashes,
embed) and writes it as a Parquet file under the run's work folder, which every node must be able
to reach (a shared file system or an object store URI such as ``s3://bucket/dq-runs/``). Shards
already there are skipped, so a rerun resumes where the last one stopped.

Sizing follows the cluster (``ray.cluster_resources()``): one actor per GPU with a fractional CPU
request when the cluster has GPUs, else one actor per CPU but one, so that Ray Data's read and
bookkeeping tasks always find a free CPU. (A pool holding every CPU of a small cluster stalls
with no error: the scheduler waits forever for a CPU to run the input tasks.)
"""

from __future__ import annotations

import logging
import math
import os
import tempfile

from .._errors import DataQualityError, MissingDependencyError
from ._backends import Backend, register_backend

logger = logging.getLogger("dataquality")


def _import_ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError(
            "backend='ray' needs Ray Data: pip install 'dataquality[scale]' (or pip install 'ray[data]')."
        ) from exc
    return ray


class _ShardActor:
    """One model per actor; ``__call__`` maps a batch of shard numbers and writes each shard."""

    def __init__(self, mapper_ref, shards, torch_threads: int):
        import ray
        import torch

        torch.set_num_threads(max(1, torch_threads))
        self.mapper = ray.get(mapper_ref) if isinstance(mapper_ref, ray.ObjectRef) else mapper_ref
        if self.mapper.device.startswith("cuda") and not torch.cuda.is_available():
            self.mapper.device = "cpu"  # a logical GPU (tests, simulated clusters): same code, on the CPU
        self.shards = shards
        # an actor given several CPUs (num_cpus_per_actor=) reads and decodes on one thread each, as a small local
        # run does; the model runs between batches, not beside them. One CPU or less: the actor's own thread
        from ._imagemap import DecodeThreads

        self.pool = DecodeThreads.for_mapper(self.mapper, torch_threads)

    def __call__(self, batch):
        import numpy as np

        done = []
        for k in batch["shard"]:
            k = int(k)
            self.shards.write(k, self.mapper.map_rows(self.shards.rows(k), self.pool))
            done.append(k)
        return {"shard": np.asarray(done, dtype=np.int64)}


@register_backend("ray")
class RayBackend(Backend):
    """Ray Data on the running cluster (``ray.init()`` by the caller, or ``RAY_ADDRESS``).

    Parameters
    ----------
    workdir : folder or URI where the shards are written; every node must reach it. Default: the
        audit's cache folder, or a temporary folder when caching is off (single-machine clusters only).
    num_actors : actors in the pool (default: one per GPU, else one per CPU but one).
    num_gpus_per_actor, num_cpus_per_actor : resources each actor asks for (default 1 GPU and 0.5
        CPU on GPU clusters; 0 GPU and 1 CPU otherwise). An actor with 2 or more CPUs reads and decodes
        files that the GPU does not decode (PNG, or any file on a CPU cluster) on one thread per CPU.
    shard_rows : rows per shard, the unit of work and of resumption.
    batch_size : images per model forward inside an actor (default 256 on GPU, 64 on CPU).
    """

    def __init__(self, workdir: str | None = None, num_actors: int | None = None,
                 num_gpus_per_actor: float | None = None, num_cpus_per_actor: float | None = None,
                 shard_rows: int = 1024, batch_size: int | None = None):
        self.workdir = workdir
        self.num_actors = num_actors
        self.num_gpus_per_actor = num_gpus_per_actor
        self.num_cpus_per_actor = num_cpus_per_actor
        self.shard_rows = shard_rows
        self.batch_size = batch_size

    def info(self) -> dict:
        return {"name": self.name, "workdir": self.workdir, "num_actors": self.num_actors,
                "shard_rows": self.shard_rows, **getattr(self, "_plan", {})}

    def connect(self):
        ray = _import_ray()
        if not ray.is_initialized():
            address = os.environ.get("RAY_ADDRESS")
            logger.info("Connecting to Ray (%s)", address or "a new local cluster")
            ray.init(address=address or None, ignore_reinit_error=True, log_to_driver=False)
        return ray

    def plan(self, resources: dict) -> dict:
        """Pool size and per-actor resources for a cluster with ``resources`` (``ray.cluster_resources()``)."""
        cpus = float(resources.get("CPU", 1))
        gpus = float(resources.get("GPU", 0))
        if gpus >= 1 and self.num_gpus_per_actor != 0:
            per_gpu = self.num_gpus_per_actor or 1.0
            per_cpu = self.num_cpus_per_actor if self.num_cpus_per_actor is not None else 0.5
            size = self.num_actors or max(1, int(gpus // per_gpu))
        else:
            per_gpu = 0.0
            per_cpu = self.num_cpus_per_actor if self.num_cpus_per_actor is not None else (1.0 if cpus >= 2 else 0.5)
            size = self.num_actors or max(1, int((cpus - 1) // per_cpu))
        if size * per_cpu > cpus - 0.5:  # leave CPU for Ray Data's own tasks, or the pool stalls
            raise DataQualityError(
                f"The Ray actor pool would hold {size * per_cpu:g} of the cluster's {cpus:g} CPUs, leaving none for "
                "reading and writing: the job would stall. Use fewer actors (num_actors=) or a smaller "
                "num_cpus_per_actor=.")
        return {"actors": size, "gpus_per_actor": per_gpu, "cpus_per_actor": per_cpu,
                "device": "cuda" if per_gpu else "cpu"}

    def pipeline(self, dataset, embedder, device: str) -> str:
        """On a cluster with GPUs the actors decode JPEGs on their GPU (nvjpeg), as the local backend
        does on CUDA; elsewhere with PIL."""
        from ._tensor_pass import supports_tensor_pipeline

        ray = self.connect()
        gpu = self.plan(ray.cluster_resources())["device"] == "cuda"
        return "tensor" if gpu and supports_tensor_pipeline(dataset, embedder) else "loader"

    def shards(self, store, key: str, n: int):
        """Shards in the work folder, else the cache folder, else a temporary folder (one machine only):
        never in memory, since actors in other processes write them."""
        from ._store import ShardSet

        if self.workdir:
            return ShardSet(f"{str(self.workdir).rstrip('/')}/{key}", n, self.shard_rows), False
        if store.enabled:
            return ShardSet(str(store.path(key)), n, self.shard_rows), False
        return ShardSet(tempfile.mkdtemp(prefix="dq-ray-"), n, self.shard_rows), True

    def run(self, mapper, shards, todo, *, progress=True):
        if not todo:
            return
        ray = self.connect()
        if shards.location is None:
            raise DataQualityError("RayBackend needs shards on a shared folder or URI, not in memory.")
        plan = self.plan(ray.cluster_resources())
        self._plan = plan
        nodes = [n for n in ray.nodes() if n.get("Alive")]
        from ..data import is_uri

        chosen = self.workdir is not None  # a folder the user named is theirs to know shared; a default is not
        if len(nodes) > 1 and not chosen and not is_uri(shards.location) and \
                shards.location.startswith(tempfile.gettempdir()):
            raise DataQualityError(
                "This Ray cluster has several nodes, so the shards need a folder every node can reach: pass "
                "backend=dq.RayBackend(workdir='s3://bucket/dq-runs/') (or a shared file system path).")
        mapper.device = plan["device"]
        if self.batch_size:
            mapper.batch_size = self.batch_size
        elif plan["device"] == "cuda":
            mapper.batch_size = 256
        import ray.data

        ctx = ray.data.DataContext.get_current()
        before, ctx.enable_progress_bars = ctx.enable_progress_bars, bool(progress)
        try:  # the caller's own Ray Data jobs keep their progress bars as they set them
            items = ray.data.from_items([{"shard": k} for k in todo],
                                        override_num_blocks=min(len(todo), max(1, 4 * plan["actors"])))
        finally:
            ctx.enable_progress_bars = before
        mapper_ref = ray.put(mapper)
        out = items.map_batches(
            _ShardActor, batch_size=1, batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=plan["actors"]),
            fn_constructor_kwargs={"mapper_ref": mapper_ref, "shards": shards,
                                   "torch_threads": max(1, math.floor(plan["cpus_per_actor"]))},
            num_cpus=plan["cpus_per_actor"], num_gpus=plan["gpus_per_actor"] or None,
        )
        written = sorted(int(r["shard"]) for r in out.take_all())
        if written != sorted(todo):
            raise DataQualityError(f"Ray returned {len(written)} of {len(todo)} shards; rerun to resume.")
