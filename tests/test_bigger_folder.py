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
