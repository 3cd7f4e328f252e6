"""The Ray backend on a real local cluster (2 CPUs and one logical GPU): same answers as the local
backend, pools sized so they cannot starve the cluster, resumable shards, Ray Datasets as input."""

import os
import time

import numpy as np
import pandas as pd
import pytest

import dataquality as dq

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def cluster():
    """A local cluster like a CI box: 2 CPUs, and a logical GPU so GPU actors are scheduled (they
    find no CUDA device and run the same code on the CPU)."""
    ray.init(num_cpus=2, num_gpus=1, object_store_memory=200 * 2 ** 20, include_dashboard=False,
             log_to_driver=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def planted500(tmp_path_factory):
    X, y = dq.datasets.load_digits(image_size=32, n=480, random_state=3, as_arrays=True)
    return dq.datasets.plant_issues(X, y, tmp_path_factory.mktemp("p500"), random_state=3)


KW = dict(embedder="efficientnet_lite0", embedder_settings={"image_size": 64}, progress=False, device="cpu")


def test_ray_backend_gives_the_local_backends_issues_and_scores(cluster, planted500):
    assert len(dq.as_dataset(planted500.root, labels=planted500.labels_csv)) >= 500
    local = dq.audit(planted500.root, labels=planted500.labels_csv, cache_dir=False, **KW)
    t0 = time.perf_counter()
    remote = dq.audit(planted500.root, labels=planted500.labels_csv, cache_dir=False,
                      backend=dq.RayBackend(num_gpus_per_actor=0), **KW)
    assert time.perf_counter() - t0 < 300  # a starved pool would hang here instead
    cols = ["index", "id", "issue", "axis", "detail"]
    pd.testing.assert_frame_equal(local.issues[cols], remote.issues[cols])
    assert np.allclose(local.issues["score"], remote.issues["score"], atol=1e-3)
    assert local.scores == remote.scores
    diff = np.abs(local.embeddings.astype(np.float32) - remote.embeddings.astype(np.float32))
    assert diff.max() <= 2 ** -10 * np.abs(local.embeddings).max()  # within float16 rounding
    assert remote.config["backend"]["name"] == "ray" and remote.config["backend"]["actors"] == 1
    # the actors receive the exported model with the embedder and run the same runtime as local workers
    assert remote.config.get("embedder_runtime") == local.config.get("embedder_runtime")


def test_gpu_actors_are_scheduled_with_a_fractional_cpu(cluster, planted500):
    """On a cluster with a GPU each actor asks for one GPU and half a CPU (so decode tasks keep CPUs) and
    decodes in batches on the device (here the logical GPU falls back to the CPU: same code, same answers
    as the local tensor pipeline up to the decoders' last bits)."""
    backend = dq.RayBackend()
    assert backend.pipeline(dq.as_dataset(planted500.root), None, "cpu") == "tensor"
    X = dq.embed(planted500.root, embedder="pixels", cache_dir=False, progress=False, backend=backend)
    assert backend.info()["gpus_per_actor"] == 1.0 and backend.info()["cpus_per_actor"] == 0.5
    ref = dq.embed(planted500.root, embedder="pixels", cache_dir=False, progress=False).astype(np.float32)
    A = X.astype(np.float32)
    ok = np.abs(ref).sum(1) > 0
    assert np.array_equal(np.abs(A).sum(1) > 0, ok)  # the same images unreadable
    cos = (A[ok] * ref[ok]).sum(1) / np.linalg.norm(A[ok], axis=1) / np.linalg.norm(ref[ok], axis=1)
    assert cos.min() > 0.98


def test_pool_that_would_take_every_cpu_is_refused_before_it_stalls():
    backend = dq.RayBackend(num_actors=2, num_gpus_per_actor=0)
    with pytest.raises(dq.DataQualityError, match="stall"):
        backend.plan({"CPU": 2.0})
    assert dq.RayBackend().plan({"CPU": 2.0})["actors"] == 1
    assert dq.RayBackend().plan({"CPU": 64.0, "GPU": 8.0}) == {"actors": 8, "gpus_per_actor": 1.0,
                                                              "cpus_per_actor": 0.5, "device": "cuda"}


def test_ray_run_resumes_by_shard(cluster, planted500, tmp_path):
    backend = dq.RayBackend(num_gpus_per_actor=0, shard_rows=128)
    kw = dict(embedder="pixels", cache_dir=tmp_path, progress=False, backend=backend)
    first = dq.embed(planted500.root, **kw)
    shards = sorted(tmp_path.rglob("rows-*.parquet"))
    assert len(shards) == 4
    before = {p: p.stat().st_mtime_ns for p in shards}
    shards[1].unlink()
    shards[3].unlink()
    time.sleep(0.01)
    again = dq.embed(planted500.root, **kw)
    assert np.array_equal(first, again)
    after = {p: p.stat().st_mtime_ns for p in sorted(tmp_path.rglob("rows-*.parquet"))}
    assert after[shards[0]] == before[shards[0]] and after[shards[2]] == before[shards[2]]  # kept
    assert set(after) == set(before)  # the two deleted shards were computed again


def test_a_ray_dataset_with_a_path_column_is_read_as_images(cluster, planted500):
    table = pd.read_csv(planted500.labels_csv, dtype=str, keep_default_na=False)
    table["path"] = [str(planted500.root / p) for p in table["path"]]
    rds = ray.data.from_pandas(table)
    ds = dq.as_dataset(rds)
    assert ds.modality == "image" and len(ds) == len(table)
    assert ds.paths[0] == planted500.root / table["path"][0]
    X = dq.embed(ds, embedder="pixels", cache_dir=False, progress=False, backend=dq.RayBackend(num_gpus_per_actor=0))
    assert X.shape[0] == len(table)
    with pytest.raises(dq.DataQualityError, match="path or URI column"):
        dq.as_dataset(ray.data.from_items([{"bytes": b"x", "label": 1}]))
    if os.environ.get("RAY_ADDRESS"):
        pytest.skip("the multi-node check below needs the local cluster")


def test_an_actor_with_several_cpus_decodes_on_threads_with_the_same_result(planted500, tmp_path):
    """An actor given 2 CPUs reads and decodes its shard on two threads: the shard it writes holds the
    statistics a one-thread actor writes, and the same vectors up to the model's two torch threads'
    summation order."""
    import torch

    from dataquality.compute._imagemap import ImageMapper
    from dataquality.compute._ray import _ShardActor
    from dataquality.compute._store import ShardSet
    from dataquality.embeddings import get_embedder

    ds = dq.as_dataset(planted500.root)
    mapper = ImageMapper(ds, get_embedder("efficientnet_lite0", image_size=64), batch_size=16)
    before = torch.get_num_threads()
    try:
        tables = {}
        for cpus in (1, 2):
            shards = ShardSet(str(tmp_path / f"cpus{cpus}"), 40, 40)
            actor = _ShardActor(mapper, shards, torch_threads=cpus)
            assert (actor.pool is not None) == (cpus == 2)
            assert actor({"shard": np.array([0])})["shard"].tolist() == [0]
            tables[cpus] = shards.read(0)
    finally:
        torch.set_num_threads(before)
    assert tables[1].num_rows == 40
    for name in tables[1].column_names:
        if name != "embedding":
            # as pandas: NaN statistics (brightness_apart_* of a picture with no light at its frame's edge) match
            assert tables[1][name].to_pandas().equals(tables[2][name].to_pandas()), name
    a, b = (t["embedding"].to_pylist() for t in (tables[1], tables[2]))
    assert [v is None for v in a] == [v is None for v in b]  # the unreadable files planted: no vector
    kept = [k for k, v in enumerate(a) if v is not None]
    a, b = (np.array([v[k] for k in kept], dtype=np.float32) for v in (a, b))
    assert len(kept) >= 30 and np.allclose(a, b, atol=2e-3, rtol=1e-2)
