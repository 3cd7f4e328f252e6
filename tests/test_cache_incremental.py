"""The cache at scale: a folder audited again after a few files were added, changed or removed reads only those files
(the others' statistics and embeddings come from the folder's previous pass, bit for bit), the previous pass's shards
leave the cache, and the calibration's synthetic copies are made once per state of the folder, not once per audit."""

import os
import pickle

import numpy as np
import pandas as pd
import pytest
import torch
from PIL import Image

import dataquality as dq
from dataquality.compute import Context, _synthetic
from dataquality.compute._reuse import forget_remembered
from dataquality.data import _sources

pytestmark = pytest.mark.usefixtures("copies_embedded_on_small_sets")


def pooled():
    """A tiny fixed network: not fitted on the data, so the calibration's copies are embedded too."""
    return torch.nn.Sequential(torch.nn.AdaptiveAvgPool2d(4), torch.nn.Flatten())


EMBEDDER = pooled()


def write_digit(root, digits, i, value=None):
    X, y = digits
    (root / str(y[i])).mkdir(parents=True, exist_ok=True)
    a = X[i] if value is None else np.full_like(X[i], value)
    Image.fromarray(a).resize((12, 12)).save(root / str(y[i]) / f"{i:04d}.png")


@pytest.fixture
def folder(tmp_path, digits):
    root = tmp_path / "imgs"
    for i in range(14):
        write_digit(root, digits, i)
    return root


@pytest.fixture
def reads(monkeypatch):
    """The files the image pass reads, in order."""
    seen = []
    real = _sources.read_image_file

    def counting(path, *a, **k):
        seen.append(os.path.basename(str(path)))
        return real(path, *a, **k)

    monkeypatch.setattr(_sources, "read_image_file", counting)
    return seen


@pytest.fixture
def mapped(monkeypatch):
    """The rows the image pass's map is given to compute (each pass's list)."""
    seen = []
    real = dq.LocalBackend.run

    def recording(self, mapper, shards, todo, **kw):
        seen.append(sorted(r for k in todo for r in shards.rows(k)))
        return real(self, mapper, shards, todo, **kw)

    monkeypatch.setattr(dq.LocalBackend, "run", recording)
    return seen


def read_besides(reads, expected):
    """The files read other than ``expected``: at most one image, which the audit may read to try the embedder
    before the pass (compute/_context.py, _try_embedder)."""
    others = [r for r in reads if r not in expected]
    assert sorted(r for r in reads if r in expected) == sorted(expected)
    assert len(others) <= 1, others
    return others


def image_pass(data, cache):
    """The image pass of ``data`` as a new process would run it (nothing remembered in memory)."""
    forget_remembered()
    ds = dq.as_dataset(data) if not isinstance(data, dq.Dataset) else data
    ctx = Context(ds, embedder=EMBEDDER, embedder_settings={"image_size": 16}, cache_dir=cache, progress=False,
                  backend=dq.LocalBackend(num_workers=0, shard_rows=4))
    return ctx.get("image_pass")


def assert_same(a, b):
    pd.testing.assert_frame_equal(a[0], b[0])
    assert a[1].dtype == b[1].dtype and np.array_equal(a[1].view(np.uint16), b[1].view(np.uint16))


def entries(cache):
    return {p.name for p in (cache / "v2").iterdir() if not p.name.startswith(".")}


def test_an_added_file_is_the_only_one_read_and_the_result_is_a_cold_runs(folder, digits, tmp_path, reads, mapped):
    cache = tmp_path / "cache"
    image_pass(folder, cache)
    before = entries(cache)
    assert len(mapped[-1]) == 14
    reads.clear()
    write_digit(folder, digits, 20)
    write_digit(folder, digits, 21)
    warm = image_pass(folder, cache)
    paths = [p.name for p in dq.as_dataset(folder).paths]
    assert sorted(paths[r] for r in mapped[-1]) == ["0020.png", "0021.png"]  # the map computed the new files alone
    read_besides(reads, ["0020.png", "0021.png"])
    reads.clear()
    assert_same(warm, image_pass(folder, tmp_path / "cold"))
    assert len(warm[0]) == 16
    # the previous pass's shards left the cache: one image pass and its record, as after the first audit
    assert len(entries(cache)) == len(before) and len(entries(cache) - before) == 1
    reads.clear()
    image_pass(folder, cache)  # unchanged since: nothing read
    assert reads == []


def test_a_changed_file_is_read_again_and_gets_its_new_embedding(folder, digits, tmp_path, reads, mapped):
    cache = tmp_path / "cache"
    first = image_pass(folder, cache)
    reads.clear()
    write_digit(folder, digits, 5, value=255)  # the same name, new pixels
    warm = image_pass(folder, cache)
    paths = [p.name for p in dq.as_dataset(folder).paths]
    assert [paths[r] for r in mapped[-1]] == ["0005.png"]
    read_besides(reads, ["0005.png"])
    assert_same(warm, image_pass(folder, tmp_path / "cold"))
    row = [i for i in range(14) if warm[0]["width"][i] and not np.array_equal(warm[1][i], first[1][i])]
    assert len(row) == 1 and warm[0]["brightness_mean"][row[0]] > first[0]["brightness_mean"][row[0]]


def test_a_removed_file_drops_out_and_nothing_is_read(folder, tmp_path, reads, mapped):
    cache = tmp_path / "cache"
    image_pass(folder, cache)
    reads.clear()
    runs = len(mapped)
    gone = sorted(folder.rglob("*.png"))[6]
    gone.unlink()
    warm = image_pass(folder, cache)
    assert reads == [] and all(rows == [] for rows in mapped[runs:])  # every shard written from the previous pass
    assert len(warm[0]) == 13
    assert_same(warm, image_pass(folder, tmp_path / "cold"))


def test_a_part_of_the_folder_audited_leaves_the_whole_folders_pass_in_the_cache(folder, tmp_path, reads):
    cache = tmp_path / "cache"
    image_pass(folder, cache)
    reads.clear()
    part = dq.as_dataset(folder).subset(np.arange(0, 14, 2))  # a clean subset: the other files are still there
    assert_same(image_pass(part, cache), image_pass(part, tmp_path / "cold"))
    reads.clear()
    image_pass(part, cache)
    image_pass(folder, cache)
    assert reads == []  # neither is read again: the whole folder's pass was kept


def test_shards_sent_to_another_process_merge_the_reused_rows(folder, tmp_path):
    """What a Ray actor gets: the shard set pickled, without the dataset, still writing whole shards."""
    from dataquality.compute._imagemap import ImageMapper
    from dataquality.compute._store import Store

    ds = dq.as_dataset(folder)
    ctx = Context(ds, embedder=EMBEDDER, embedder_settings={"image_size": 16}, cache_dir=False, progress=False)
    mapper = ImageMapper(ds, ctx.embedder)
    store = Store.open(tmp_path / "cache")
    prev = store.shards("previous", len(ds), 4)
    for k in range(prev.n_shards):
        prev.write(k, mapper.map_rows(prev.rows(k)))
    shards = store.shards("next", len(ds), 4)
    assert shards.reuse(prev, np.arange(1, 8), np.arange(1, 8)) == {1}  # rows 4-7: written whole at once
    worker = pickle.loads(pickle.dumps(shards))
    assert worker.rows(0) == [0] and list(worker.rows(2)) == [8, 9, 10, 11]
    worker.write(0, mapper.map_rows(worker.rows(0)))
    for k in (0, 1):  # as frames: NaN statistics (brightness_apart_* of a picture with no light at its edge) match
        assert worker.read(k).to_pandas().equals(prev.read(k).to_pandas())


def count_copies(monkeypatch):
    made = []
    real = _synthetic.copies_dataset

    def counting(*a, **k):
        made.append(1)
        return real(*a, **k)

    monkeypatch.setattr(_synthetic, "copies_dataset", counting)
    return made


def copies(root, cache, random_state=0):
    forget_remembered()
    ctx = Context(dq.as_dataset(root), embedder=EMBEDDER, embedder_settings={"image_size": 16}, cache_dir=cache,
                  progress=False, backend=dq.LocalBackend(num_workers=0), random_state=random_state)
    return ctx.get("synthetic_copies")


def test_the_calibration_copies_are_made_once_and_again_when_a_sampled_file_changes(tmp_path, digits, monkeypatch):
    root = tmp_path / "imgs"
    for i in range(64):  # the calibration needs 60 readable images
        write_digit(root, digits, i)
    made = count_copies(monkeypatch)
    cache = tmp_path / "cache"
    first = copies(root, cache)
    assert len(made) == 1
    first_entries = len(entries(cache))
    again = copies(root, cache)
    assert len(made) == 1  # the second audit of the unchanged folder made none
    assert np.array_equal(again.sources, first.sources) and again.near_kinds == first.near_kinds
    for a, b in ((first.near_stats, again.near_stats), (first.blur_stats, again.blur_stats)):
        pd.testing.assert_frame_equal(a, b)
    for a, b in ((first.near_embeddings, again.near_embeddings), (first.blur_embeddings, again.blur_embeddings)):
        assert np.array_equal(a.view(np.uint16), b.view(np.uint16))
    paths = dq.as_dataset(root).paths
    sampled = paths[int(first.sources[0])]
    Image.fromarray(np.full((12, 12), 200, np.uint8)).save(sampled)  # a sampled file changes
    changed = copies(root, cache)
    assert len(made) == 2
    cold = copies(root, tmp_path / "cold")
    pd.testing.assert_frame_equal(changed.near_stats, cold.near_stats)
    assert np.array_equal(changed.near_embeddings.view(np.uint16), cold.near_embeddings.view(np.uint16))
    # the earlier copies left the cache with the earlier image pass: as many entries as after the first audit
    assert len(entries(cache)) == first_entries


def test_copies_drawn_without_a_seed_are_not_stored(tmp_path, digits, monkeypatch):
    """random_state=None samples other sources each audit: an entry stored for each would only fill the cache."""
    import json

    root = tmp_path / "imgs"
    for i in range(64):
        write_digit(root, digits, i)
    made = count_copies(monkeypatch)
    cache = tmp_path / "cache"
    copies(root, cache, random_state=None)
    copies(root, cache, random_state=None)
    assert len(made) == 2
    providers = [json.loads(m.read_text()).get("info", {}).get("provider") for m in (cache / "v2").glob("*/meta.json")]
    assert "synthetic_copies" not in providers


@pytest.mark.ray
@pytest.mark.slow
def test_the_ray_backend_reads_only_what_changed_too(folder, digits, tmp_path, caplog):
    import logging

    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, object_store_memory=200 * 2 ** 20, include_dashboard=False, log_to_driver=False,
             ignore_reinit_error=True)
    try:
        backend = dq.RayBackend(num_gpus_per_actor=0, shard_rows=4)
        kw = dict(embedder="pixels", progress=False, backend=backend)
        cache = tmp_path / "cache"
        forget_remembered()
        dq.embed(folder, cache_dir=cache, **kw)
        write_digit(folder, digits, 40)
        forget_remembered()
        with caplog.at_level(logging.INFO, logger="dataquality"):
            warm = dq.embed(folder, cache_dir=cache, **kw)
        assert "14 of 15 images unchanged" in caplog.text
        forget_remembered()
        assert np.array_equal(warm.view(np.uint16), dq.embed(folder, cache_dir=tmp_path / "cold", **kw).view(np.uint16))
    finally:
        ray.shutdown()


def test_a_damaged_previous_pass_means_reading_every_file_not_a_crash(folder, digits, tmp_path):
    cache = tmp_path / "cache"
    image_pass(folder, cache)
    shard = sorted((cache / "v2").rglob("rows-*.parquet"))[-1]  # rows 12-13
    data = bytearray(shard.read_bytes())
    data[60] ^= 0xFF  # a bit flipped in a data page: the footer reads, the page fails its checksum
    shard.write_bytes(bytes(data))
    last = sorted(p for p in folder.iterdir() if p.is_dir())[-1]
    Image.fromarray(digits[0][0]).resize((12, 12)).save(last / "9999.png")  # the new last row: in that shard's rows
    warm = image_pass(folder, cache)
    assert_same(warm, image_pass(folder, tmp_path / "cold"))


def test_the_previous_pass_removed_by_another_audit_mid_pass_still_gives_a_cold_runs_result(
        folder, digits, tmp_path, monkeypatch):
    """Two audits of the same changed folder share a cache: the first to finish removes the folder's previous pass
    while the second is still computing its new files. The second took the previous rows it needs when it began."""
    import shutil

    from dataquality.compute._store import ShardSet

    cache = tmp_path / "cache"
    image_pass(folder, cache)
    write_digit(folder, digits, 5, value=255)  # a changed file: its shard mixes computed and reused rows
    real = ShardSet.reuse

    def then_removed(self, previous, new_rows, old_rows):
        written = real(self, previous, new_rows, old_rows)
        shutil.rmtree(previous.location)  # as the other audit's settling does
        return written

    monkeypatch.setattr(ShardSet, "reuse", then_removed)
    warm = image_pass(folder, cache)
    monkeypatch.setattr(ShardSet, "reuse", real)
    assert_same(warm, image_pass(folder, tmp_path / "cold"))
