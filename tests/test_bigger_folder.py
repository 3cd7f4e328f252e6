"""What a user with a bigger folder meets: interrupted runs, the cache's size, the report's size."""

from __future__ import annotations

import numpy as np
import pytest

from dataquality.compute._store import Store


def _leftovers(root):
    return sorted(p.name for p in root.rglob(".tmp-*"))


def test_ctrl_c_while_writing_a_shard_leaves_no_temporary_file(tmp_path, monkeypatch):
    import pyarrow as pa
    import pyarrow.parquet as pq

    shards = Store.open(tmp_path).shards("key", 10, 5)
    real = pq.write_table

    def interrupted(table, where, **kw):
        real(table, where, **kw)
        raise KeyboardInterrupt

    monkeypatch.setattr(pq, "write_table", interrupted)
    with pytest.raises(KeyboardInterrupt):
        shards.write(0, pa.table({"row": np.arange(5)}))
    assert _leftovers(tmp_path) == []
    assert shards.complete() == set()


def test_ctrl_c_while_writing_an_entry_leaves_no_temporary_folder(tmp_path, monkeypatch):
    store = Store.open(tmp_path)

    def interrupted(*a, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "save", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.save("entry", {"a": np.zeros(3)})
    monkeypatch.undo()
    assert _leftovers(tmp_path) == []
    assert store.load("entry") is None


def test_report_map_projection_needs_no_full_svd(monkeypatch):
    """The report's map of up to 5,000 examples took a full SVD of every embedding dimension (2.4 s at
    1,280-d on 2 cores) for two axes; the same two axes now come from the top of a Gram matrix."""
    from dataquality.report import _plots

    rng = np.random.default_rng(0)
    for shape in [(60, 12), (6, 40)]:
        X = (rng.standard_normal(shape) * np.linspace(4, 1, shape[1])).astype(np.float32)
        X -= X.mean(axis=0)
        _, _, vt = np.linalg.svd(X, full_matrices=False)
        expected = X @ vt[:2].T

        def no_svd(*a, **kw):
            raise AssertionError("a full SVD for a 2-D map")

        monkeypatch.setattr(np.linalg, "svd", no_svd)
        Y, used = _plots.project_2d(X, method="pca")
        monkeypatch.undo()
        assert used == "PCA" and Y.shape == (shape[0], 2)
        np.testing.assert_allclose(np.abs(Y), np.abs(expected), atol=1e-4)
        assert (Y[np.abs(Y).argmax(axis=0), [0, 1]] > 0).all()  # signed the same way every run


def test_leftovers_of_killed_runs_are_swept_when_old(tmp_path):
    """A run killed outright (SIGKILL, out of memory, power cut) leaves .tmp-* files that no later run removed:
    the cache grew for good. Opening the store now removes those older than a day and keeps younger ones
    (another audit may be writing them)."""
    import os
    import time

    root = Store.open(tmp_path).root
    (root / "entry").mkdir(parents=True)
    old = [root / ".tmp-a-123", root / ".trash-b-456", root / "entry" / ".tmp-789-rows-0000000000-0000000005.parquet"]
    old[0].mkdir()
    (old[0] / "x.npy").write_bytes(b"x")
    old[1].mkdir()
    old[2].write_bytes(b"half a shard")
    young = root / ".tmp-c-999"
    young.mkdir()
    day_ago = time.time() - 2 * 24 * 3600
    for p in old:
        os.utime(p, (day_ago, day_ago))
    Store.open(tmp_path)
    assert [p.exists() for p in old] == [False, False, False]
    assert young.exists() and (root / "entry").exists()
