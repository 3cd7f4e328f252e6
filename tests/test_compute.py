"""The compute layer: precomputed embeddings, neighbour indexes, backends' seams, the cache store."""

import logging
import multiprocessing as mp
import os
import pickle
import shutil

import numpy as np
import pandas as pd
import pytest

import dataquality as dq
from dataquality.compute import EXACT_MAX_ROWS, ExactIndex, FaissIndex, get_index

from .conftest import write_png

FAST = dict(embedder="pixels", cache_dir=False, progress=False)


def clustered(n=600, d=32, classes=6, seed=0):
    """Unit-ish vectors in ``classes`` clusters with a low intrinsic dimension (like real embeddings)."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, classes, n)
    centers = rng.normal(size=(classes, 16)) * 1.5
    Z = centers[y] + rng.normal(size=(n, 16))
    A = rng.normal(size=(16, d))
    return (Z @ A + rng.normal(size=(n, d)) * 0.5).astype(np.float32), y


@pytest.fixture(scope="module")
def planted_vectors():
    """600 clustered vectors plus planted exact copies, near copies, far outliers, label flips and bad rows."""
    X, y = clustered()
    rng = np.random.default_rng(1)
    labels = y.astype(object)
    flips = rng.choice(600, 40, replace=False)
    for i in flips:
        labels[i] = (y[i] + 1 + rng.integers(0, 5)) % 6
    exact_src = [3, 7, 11]
    near_src = [20, 30, 40]
    out = rng.normal(size=(4, 32)).astype(np.float32) * 40
    rows = [X, X[exact_src], X[near_src] * 1.0005 + 1e-4, out, np.full((1, 32), np.nan, np.float32),
            np.zeros((1, 32), np.float32)]
    E = np.concatenate(rows)
    lab = list(labels) + [labels[i] for i in exact_src] + [labels[i] for i in near_src] + [0] * 6
    lab[50] = None
    n0 = 600
    truth = {
        "exact_duplicate": {str(i) for i in exact_src} | {str(n0 + k) for k in range(3)},
        "near_duplicate": {str(i) for i in near_src} | {str(n0 + 3 + k) for k in range(3)},
        "outlier": {str(n0 + 6 + k) for k in range(4)},
        "missing_value": {str(n0 + 10), str(n0 + 11)},
        "missing_label": {"50"},
        "label": {str(i) for i in flips if i not in (50,)},
    }
    return E, lab, truth


def test_embeddings_kind_audits_vectors_as_given(planted_vectors):
    E, lab, truth = planted_vectors
    r = dq.audit(E, labels=lab, kind="embeddings", progress=False, cache_dir=False)
    assert r.findings["dataset"]["modality"] == "embeddings"
    assert set(r.checks_run) == {"label", "exact_duplicate", "near_duplicate", "conflicting_labels", "outlier",
                                 "missing_label", "missing_value", "label_spelling"}
    for issue in ("exact_duplicate", "near_duplicate", "missing_value", "missing_label"):
        assert set(r.flagged(issue)) == truth[issue], issue
    assert truth["outlier"] <= set(r.flagged("outlier"))
    flagged = set(r.flagged("label"))
    recall = len(flagged & truth["label"]) / len(truth["label"])
    precision = len(flagged & truth["label"]) / max(len(flagged), 1)
    assert recall >= 0.8 and precision >= 0.7, (recall, precision)
    # no preprocessing: the report's embeddings are the input rows themselves
    assert np.array_equal(r.embeddings[:600], E[:600])
    assert all(v is not None for v in r.scores.values())


def test_embeddings_kind_reads_a_memmap_without_copying(planted_vectors, tmp_path):
    E, lab, truth = planted_vectors
    mm = np.lib.format.open_memmap(tmp_path / "e.npy", mode="w+", dtype=np.float16, shape=E.shape)
    mm[:] = E
    mm.flush()
    ro = np.load(tmp_path / "e.npy", mmap_mode="r")
    ds = dq.as_dataset(ro, labels=lab, kind="embeddings")
    assert ds.vectors is ro  # the full set is the memmap itself
    r = dq.audit(ro, labels=lab, kind="embeddings", progress=False, cache_dir=False)
    assert set(r.flagged("exact_duplicate")) == truth["exact_duplicate"]
    assert set(r.flagged("missing_value")) == truth["missing_value"]


def test_embeddings_kind_leakage_against_a_reference(planted_vectors):
    E, lab, _ = planted_vectors
    ref = np.concatenate([E[[5, 6]], np.random.default_rng(3).normal(size=(20, 32)).astype(np.float32)])
    r = dq.audit(E[:600], labels=lab[:600], kind="embeddings", reference=ref, checks=["leakage"], progress=False,
                 cache_dir=False)
    assert set(r.flagged("leakage")) == {"5", "6"}


@pytest.mark.parametrize("bad, match", [
    (np.zeros((3, 4, 4)), r"\(N, D\) array"),
    (["a", "b"], "numpy array"),
    (np.array([["a", "b"]]), "numeric"),
])
def test_embeddings_kind_rejects_what_is_not_vectors(bad, match):
    with pytest.raises(dq.DataQualityError, match=match):
        dq.audit(bad, kind="embeddings", progress=False, cache_dir=False)


def test_unknown_kind_backend_and_index_list_the_valid_names():
    X = np.zeros((4, 3), np.float32)
    with pytest.raises(dq.DataQualityError, match="embeddings"):
        dq.audit(X, kind="vectors", progress=False, cache_dir=False)
    with pytest.raises(dq.DataQualityError, match="local, ray"):
        dq.audit(X, kind="embeddings", backend="dask", progress=False, cache_dir=False)
    with pytest.raises(dq.DataQualityError, match="exact, faiss"):
        dq.audit(X + np.eye(4, 3), kind="embeddings", neighbors="annoy", checks=["outlier"], progress=False,
                 cache_dir=False)


# -- neighbour indexes ------------------------------------------------------------------------
def recall_at_k(a, b):
    return np.mean([len(set(x) & set(y)) / len(x) for x, y in zip(a, b)])


@pytest.mark.parametrize("kind", ["ivf", "hnsw", "flat"])
def test_faiss_agrees_with_the_exact_index(kind):
    pytest.importorskip("faiss")
    X, _ = clustered(3000, 32, 20, seed=2)
    X[2999] = X[10]  # an exact duplicate may outrank the row itself: the row must still be excluded
    ei, ed = ExactIndex().search(X, 10)
    fi, fd = FaissIndex(kind=kind).search(X, 10)
    assert fi.shape == (3000, 10)
    assert not (fi == np.arange(3000)[:, None]).any()  # never its own neighbour
    assert recall_at_k(fi, ei) >= 0.95
    assert fi[10, 0] == 2999 and fi[2999, 0] == 10
    assert np.nanmax(np.abs(np.sort(fd, 1)[:, 0] - ed[:, 0])) < 1e-4 or kind != "flat"
    # the distances are the exact ones wherever the same neighbour was found (ivf's fp16 codes are rescored)
    assert np.abs(np.where(fi == ei, fd - ed, 0)).max() < 1e-5
    assert (np.diff(fd, axis=1) >= 0).all()
    # queries against another base
    qi, qd = FaissIndex(kind=kind).search(X[:100], 1, queries=X[:5], exclude_self=False)
    assert qi[:, 0].tolist() == [0, 1, 2, 3, 4] and np.allclose(qd[:, 0], 0, atol=1e-5)


@pytest.mark.parametrize("codes", ["fp16", "fp32"])
def test_ivf_searches_queries_in_cell_order_with_the_results_of_row_order(monkeypatch, codes):
    faiss = pytest.importorskip("faiss")
    cls = faiss.IndexIVFScalarQuantizer if codes == "fp16" else faiss.IndexIVFFlat
    X, _ = clustered(3000, 32, 20, seed=4)
    X = X[np.random.default_rng(0).permutation(3000)]  # rows of one cluster spread over the whole range
    seen = []
    search = cls.search

    def spy(self, x, k, **kw):
        seen.append(self.quantizer.search(np.ascontiguousarray(x), 1)[1][:, 0])
        return search(self, x, k, **kw)

    monkeypatch.setattr(cls, "search", spy)
    ci, cd = FaissIndex(nlist=20, nprobe=3, codes=codes).search(X, 10)
    cells = np.concatenate(seen)
    assert (np.diff(cells) >= 0).all()  # the queries went in grouped by their nearest cell
    monkeypatch.setattr(FaissIndex, "_cell_order", lambda self, index, src: None)
    seen.clear()
    ri, rd = FaissIndex(nlist=20, nprobe=3, codes=codes).search(X, 10)
    assert (np.diff(np.concatenate(seen)) < 0).any()  # row order is not cell order here
    assert np.array_equal(ci, ri) and np.array_equal(cd, rd)


def test_ivf_stores_long_rows_as_fp16_and_short_rows_as_fp32():
    faiss = pytest.importorskip("faiss")
    rng = np.random.default_rng(0)
    assert isinstance(FaissIndex()._build(rng.standard_normal((800, 256)), "cpu"), faiss.IndexIVFScalarQuantizer)
    assert isinstance(FaissIndex()._build(rng.standard_normal((800, 60)), "cpu"), faiss.IndexIVFFlat)
    assert isinstance(FaissIndex(codes="fp32")._build(rng.standard_normal((800, 256)), "cpu"), faiss.IndexIVFFlat)
    with pytest.raises(dq.DataQualityError, match="codes 'auto', 'fp16' or 'fp32'"):
        FaissIndex(codes="pq").search(rng.standard_normal((800, 256)), 3)


def test_ivf_on_float16_rows_returns_the_exact_float32_distances():
    pytest.importorskip("faiss")
    X, _ = clustered(2000, 256, 20, seed=5)
    X16 = X.astype(np.float16)  # as the audit's cache keeps embeddings
    ei, ed = ExactIndex().search(X16.astype(np.float32), 5)
    fi, fd = FaissIndex(nlist=16, nprobe=4).search(X16, 5)
    assert recall_at_k(fi, ei) >= 0.95
    assert np.abs(np.where(fi == ei, fd - ed, 0)).max() < 1e-5
    # queries that are not base rows (a check's candidates, the calibration's copies): the same, nothing left out
    Q = (X[:40] + 0.05 * np.random.default_rng(1).standard_normal(X[:40].shape)).astype(np.float16)
    ei, ed = ExactIndex().search(X16.astype(np.float32), 5, queries=Q.astype(np.float32), exclude_self=False)
    fi, fd = FaissIndex(nlist=16, nprobe=16).search(X16, 5, queries=Q, exclude_self=False)
    assert recall_at_k(fi, ei) >= 0.99 and fi[:, 0].tolist() == list(range(40))
    assert np.abs(np.where(fi == ei, fd - ed, 0)).max() < 1e-5


def test_auto_index_is_exact_up_to_the_measured_size_and_faiss_beyond():
    pytest.importorskip("faiss")
    assert isinstance(get_index("auto", 1000), ExactIndex)
    assert isinstance(get_index("auto", EXACT_MAX_ROWS["cpu"] + 1), FaissIndex)
    assert isinstance(get_index("exact", 10 ** 7), ExactIndex)


def test_auto_index_searches_few_queries_exactly_against_many_rows(monkeypatch):
    """A few queries against a large base (a check's calibration copies, its candidates) are searched exactly: the
    pairs compared are within those of an exact self-search at the limit, and an index's training would cost more.
    A self-search of the same base, and many queries, still go to faiss. Through the context's seam, the answer is
    the exact one."""
    pytest.importorskip("faiss")
    from dataquality.compute import _neighbors

    limit = EXACT_MAX_ROWS["cpu"]
    n = 4 * limit
    assert isinstance(get_index("auto", n, n_queries=limit // 4), ExactIndex)
    assert isinstance(get_index("auto", n, n_queries=limit // 4 + 1), FaissIndex)
    assert isinstance(get_index("auto", n), FaissIndex)
    assert isinstance(get_index("auto", n, "cuda", n_queries=n), ExactIndex)

    monkeypatch.setitem(_neighbors.EXACT_MAX_ROWS, "cpu", 100)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 8)).astype(np.float32)
    from dataquality.audit import AuditContext
    from dataquality.data import as_dataset

    ctx = AuditContext(as_dataset(X, kind="embeddings"), embedder="precomputed", progress=False, cache_dir=False)
    Q = X[:20] + 0.01 * rng.normal(size=(20, 8)).astype(np.float32)
    idx, dist = ctx.search(X, 3, queries=Q, exclude_self=False)  # 400 x 20 pairs <= 100 x 100: exact
    ei, ed = ExactIndex().search(X, 3, queries=Q, exclude_self=False)
    assert idx.tolist() == ei.tolist() and np.allclose(dist, ed)
    assert isinstance(get_index("auto", 400, n_queries=26), FaissIndex)


def test_the_context_answers_a_repeated_search_once(monkeypatch):
    """The same neighbour search asked twice (equal arrays, not the same objects; the same k) is computed once; the
    answer is a copy, so a caller changing it changes nothing for the next; another k, other queries or inputs
    too large to digest are searched again."""
    from dataquality.audit import AuditContext
    from dataquality.compute import _context
    from dataquality.data import as_dataset

    rng = np.random.default_rng(1)
    X = rng.normal(size=(300, 8)).astype(np.float32)
    ctx = AuditContext(as_dataset(X, kind="embeddings"), embedder="precomputed", progress=False, cache_dir=False)
    calls = []
    search = ExactIndex.search

    def counting(self, base, k, **kw):
        calls.append((len(base), k, kw.get("queries") is None))
        return search(self, base, k, **kw)

    monkeypatch.setattr(ExactIndex, "search", counting)
    first = ctx.search(X, 5)
    first[0][:] = -7  # the caller's copy
    again = ctx.search(X.copy(), 5)
    assert len(calls) == 1
    assert again[0].tolist() == search(ExactIndex(), X, 5)[0].tolist() and (again[0] >= 0).all()
    ctx.search(X, 6)
    ctx.search(X, 5, queries=X[:10], exclude_self=False)
    ctx.search(X, 5, queries=X[:10], exclude_self=False)
    assert len(calls) == 3
    monkeypatch.setattr(_context, "SEARCH_MEMO_MAX_BYTES", 100)
    ctx.search(X, 5)
    assert len(calls) == 4


def test_audit_records_the_index_it_used_and_faiss_finds_the_same_issues(planted_vectors):
    pytest.importorskip("faiss")
    E, lab, truth = planted_vectors
    kw = dict(labels=lab, kind="embeddings", progress=False, cache_dir=False)
    exact = dq.audit(E, neighbors="exact", **kw)
    approx = dq.audit(E, neighbors=FaissIndex(nlist=16, nprobe=8), **kw)
    assert exact.config["neighbors"]["name"] == "exact"
    assert approx.config["neighbors"]["name"] == "faiss" and approx.config["neighbors"]["nprobe"] == 8
    for issue in ("exact_duplicate", "near_duplicate", "missing_value"):
        assert set(approx.flagged(issue)) == truth[issue]


# -- datasets are picklable, so any worker start method works ---------------------------------
def test_every_source_pickles(tmp_path, digits):
    X, y = digits
    write_png(tmp_path / "a" / "x.png", X[0])
    from PIL import Image

    inputs = [tmp_path / "a", X[:3], [Image.fromarray(x) for x in X[:3]], ["a b", "c d"],
              pd.DataFrame({"a": [1.0, 2.0], "b": ["x", "y"]})]
    for data in inputs:
        ds = dq.as_dataset(data)
        back = pickle.loads(pickle.dumps(ds))
        assert back.ids == ds.ids and back.fingerprint == ds.fingerprint
        assert type(back.load(0)) is type(ds.load(0))
    emb = dq.as_dataset(np.ones((3, 2)), kind="embeddings")
    assert pickle.loads(pickle.dumps(emb)).fingerprint == emb.fingerprint


def test_loader_workers_started_with_spawn_give_the_same_result(tmp_path, digits):
    X, y = digits
    for i in range(24):
        write_png(tmp_path / "d" / f"c{y[i]}" / f"{i}.png", X[i])
    base = dq.embed(tmp_path / "d", embedder="pixels", cache_dir=False, progress=False)
    spawned = dq.embed(tmp_path / "d", embedder="pixels", cache_dir=False, progress=False, batch_size=4,
                       backend=dq.LocalBackend(num_workers=1, start_method="spawn"))
    assert np.array_equal(base, spawned)


# -- the cache store ---------------------------------------------------------------------------
def test_cache_key_includes_the_real_location(tmp_path):
    """Two folders whose files have the same names, sizes and times but other pixels are two datasets."""
    from PIL import Image

    rng = np.random.default_rng(0)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for i in range(6):
            Image.fromarray(rng.integers(0, 255, (8, 8, 3), dtype=np.uint8)).save(tmp_path / folder / f"{i}.ppm")
            os.utime(tmp_path / folder / f"{i}.ppm", ns=(10 ** 18, 10 ** 18))
    a = dq.embed(tmp_path / "a", embedder="pixels", cache_dir=tmp_path / "cache", progress=False)
    b = dq.embed(tmp_path / "b", embedder="pixels", cache_dir=tmp_path / "cache", progress=False)
    assert dq.as_dataset(tmp_path / "a").fingerprint != dq.as_dataset(tmp_path / "b").fingerprint
    assert not np.array_equal(a, b)


def test_corrupt_array_entry_is_recomputed_never_used(tmp_path, caplog):
    texts = [f"document number {i} about {w}" for i, w in enumerate(["cats", "dogs", "cars", "boats"] * 5)]
    a = dq.embed(texts, cache_dir=tmp_path, progress=False)
    (entry,) = [p for p in (tmp_path / "v2").iterdir() if (p / "meta.json").exists()]
    f = entry / "value.npy"
    raw = bytearray(f.read_bytes())
    raw[-3] ^= 0xFF
    f.write_bytes(bytes(raw))
    with caplog.at_level(logging.WARNING, logger="dataquality"):
        b = dq.embed(texts, cache_dir=tmp_path, progress=False)
    assert np.array_equal(a, b) and "failed verification" in caplog.text
    c = dq.embed(texts, cache_dir=tmp_path, progress=False)  # rewritten: a clean hit now
    assert np.array_equal(a, c)


def test_unwritable_cache_dir_runs_uncached_with_a_warning(tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="dataquality"):
        X = dq.embed(np.zeros((4, 8, 8), np.uint8) + np.arange(4)[:, None, None].astype(np.uint8),
                     embedder="pixels", cache_dir=blocker / "cache", progress=False)
    assert X.shape[0] == 4 and "running without a cache" in caplog.text


def _embed_into(cache, folder, queue):
    try:
        X = dq.embed(folder, embedder="pixels", cache_dir=cache, progress=False,
                     backend=dq.LocalBackend(shard_rows=4, num_workers=0), batch_size=2)
        queue.put(("ok", X.tobytes()))
    except BaseException as exc:  # reported to the parent
        queue.put(("error", repr(exc)))


def test_two_audits_sharing_a_cache_dir_both_finish(tmp_path, digits):
    X, y = digits
    for i in range(40):
        write_png(tmp_path / "d" / f"{i:02d}.png", X[i])
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_embed_into, args=(tmp_path / "cache", tmp_path / "d", q)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [q.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert [r[0] for r in results] == ["ok", "ok"], results
    assert results[0][1] == results[1][1]
    again = dq.embed(tmp_path / "d", embedder="pixels", cache_dir=tmp_path / "cache", progress=False)
    assert again.tobytes() == results[0][1]
    assert not [p for p in (tmp_path / "cache").rglob(".tmp-*")]  # no leftovers


def test_file_uri_manifest_reads_like_the_local_manifest(tmp_path, digits):
    X, y = digits
    for i in range(12):
        write_png(tmp_path / "imgs" / f"{i}.png", X[i])
    pd.DataFrame({"path": [f"imgs/{i}.png" for i in range(12)], "label": y[:12]}).to_csv(tmp_path / "m.csv",
                                                                                          index=False)
    local = dq.as_dataset(tmp_path / "m.csv")
    remote = dq.as_dataset((tmp_path / "m.csv").as_uri())
    assert remote.ids == local.ids and list(remote.labels) == list(local.labels)
    a = dq.embed(local, embedder="pixels", cache_dir=False, progress=False)
    b = dq.embed(remote, embedder="pixels", cache_dir=False, progress=False)
    assert np.array_equal(a, b)
    bad = tmp_path / "escape.csv"
    pd.DataFrame({"path": ["../outside.png"], "label": [1]}).to_csv(bad, index=False)
    with pytest.raises(dq.DataQualityError, match="outside the manifest's folder"):
        dq.as_dataset(bad.as_uri())


def test_shard_files_are_what_the_cache_holds(tmp_path, digits):
    X, y = digits
    for i in range(10):
        write_png(tmp_path / "d" / f"{i}.png", X[i])
    dq.embed(tmp_path / "d", embedder="pixels", cache_dir=tmp_path / "c", progress=False,
             backend=dq.LocalBackend(shard_rows=4))
    shards = sorted(p.name for p in (tmp_path / "c").rglob("rows-*.parquet"))
    assert shards == ["rows-0000000000-0000000004.parquet", "rows-0000000004-0000000008.parquet",
                      "rows-0000000008-0000000010.parquet"]
    shutil.rmtree(tmp_path / "c")


def test_sampled_probe_agrees_with_the_full_probe():
    """Above ``max_train_rows`` the probe fits on a sample and predicts chunk by chunk: the same label issues."""
    from dataquality.compute import out_of_fold_probs

    X, y = clustered(3000, 32, 6, seed=4)
    rng = np.random.default_rng(0)
    noisy = y.copy()
    flip = rng.choice(3000, 300, replace=False)
    noisy[flip] = (y[flip] + 1) % 6
    full = out_of_fold_probs(X, noisy, 6, max_train_rows=None)
    sampled = out_of_fold_probs(X.astype(np.float16), noisy, 6, max_train_rows=800, chunk_rows=500)
    assert sampled.dtype == np.float32 and sampled.shape == (3000, 6)
    assert np.allclose(sampled.sum(1), 1, atol=1e-5)
    assert (full.argmax(1) == sampled.argmax(1)).mean() > 0.97
    from cleanlab.filter import find_label_issues

    a = set(np.flatnonzero(find_label_issues(noisy, full, filter_by="both")))
    b = set(np.flatnonzero(find_label_issues(noisy, sampled, filter_by="both")))
    assert len(a & b) / len(a | b) > 0.8


def test_full_issues_table_goes_to_parquet(planted_vectors, tmp_path):
    E, lab, _ = planted_vectors
    r = dq.audit(E, labels=lab, kind="embeddings", progress=False, cache_dir=False)
    path = r.to_parquet(tmp_path / "issues.parquet")
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, r.issues.reset_index(drop=True), check_dtype=False)
    with pytest.raises(dq.DataQualityError, match="exists"):
        r.to_parquet(path)


def test_probe_with_fewer_rows_than_its_pca_width():
    from dataquality.compute import out_of_fold_probs

    X = np.random.default_rng(0).random((20, 200)).astype(np.float32)
    P = out_of_fold_probs(X, np.arange(20) % 2, 2)
    assert P.shape == (20, 2) and np.allclose(P.sum(1), 1, atol=1e-5)


def test_an_identifier_column_does_not_hide_duplicate_rows():
    rng = np.random.default_rng(0)
    base = pd.DataFrame({"a": rng.random(30), "b": rng.integers(0, 100, 30)})
    df = pd.concat([base, base.iloc[:4]], ignore_index=True)
    df.insert(0, "customer_id", [f"C{i:05d}" for i in range(len(df))])
    r = dq.audit(df, checks=["exact_duplicate"], progress=False, cache_dir=False)
    # the rows are named by the table's own id column
    assert set(r.flagged("exact_duplicate")) == {f"C{i:05d}" for i in [0, 1, 2, 3, 30, 31, 32, 33]}


def test_large_vector_audits_use_every_core(monkeypatch):
    """The numerical steps of a big audit run on all cores (small ones on one); precomputed vectors
    are big by their width, known before any check runs."""
    import dataquality.compute as compute

    seen = []
    real = compute.numeric_threads
    monkeypatch.setattr(compute, "numeric_threads", lambda n, d, dev, cores=None: seen.append((n, d)) or real(
        n, d, dev, cores))
    X = np.random.default_rng(0).random((300, 48)).astype(np.float32)
    dq.audit(X, kind="embeddings", checks=["outlier"], progress=False, cache_dir=False)
    assert seen == [(300, 48)]
    assert real(100_000, 256, "cpu", cores=2) == 2 and real(300, 48, "cpu", cores=2) == 1


def test_probe_equals_the_direct_sklearn_computation():
    """Regression: the chunked probe gives the probabilities of the plain recipe (standardise, PCA
    fit_transform, rescale, multinomial logistic regression per stratified fold) on wide data,
    where sklearn picks its randomised PCA solver."""
    from sklearn.decomposition import PCA
    from sklearn.linear_model import LogisticRegression

    from dataquality.compute import out_of_fold_probs
    from dataquality.compute._probe import _folds

    X, y = clustered(900, 600, 6, seed=5)
    X += np.random.default_rng(1).normal(size=X.shape).astype(np.float32) * 3  # a weak, wide signal
    Xs = (X - X.mean(0)) / (X.std(0) + 1e-6)
    Z = PCA(n_components=56, random_state=0).fit_transform(Xs)
    Z /= Z.std(0) + 1e-6
    ref = np.zeros((900, 6))
    for tr, te in _folds(y, 5, 0):
        clf = LogisticRegression(C=0.1 / (600 / 64), max_iter=300, random_state=0).fit(Z[tr], y[tr])
        ref[te] = clf.predict_proba(Z[te])
    got = out_of_fold_probs(X, y, 6)
    assert np.abs(got - ref).max() < 1e-4
