"""The cache stays bounded and cheap as a folder changes: the calibration's copies are sampled and drawn from each
source's own digest, so a folder audited again after files were added makes copies only for the sources new to its
sample (equal to a cold run's, bit for bit), and the global steps' entries (knn, pred_probs, spectrum_knn) of a
superseded state of the folder leave the cache as its image pass does."""

import json
from collections import Counter

import numpy as np
import pandas as pd
import pytest
import torch
from PIL import Image

import dataquality as dq
from dataquality.compute import Context, _synthetic
from dataquality.compute._reuse import forget_remembered

pytestmark = pytest.mark.usefixtures("copies_embedded_on_small_sets")


def pooled():
    """A tiny fixed network: not fitted on the data, so the calibration's copies are embedded too."""
    return torch.nn.Sequential(torch.nn.AdaptiveAvgPool2d(4), torch.nn.Flatten())


EMBEDDER = pooled()


def write_digit(root, digits, i):
    X, y = digits
    (root / str(y[i])).mkdir(parents=True, exist_ok=True)
    Image.fromarray(X[i]).resize((12, 12)).save(root / str(y[i]) / f"{i:04d}.png")


def make_folder(root, digits, n):
    for i in range(n):
        write_digit(root, digits, i)
    return root


def context(root, cache, **kw):
    forget_remembered()
    return Context(dq.as_dataset(root), embedder=EMBEDDER, embedder_settings={"image_size": 16}, cache_dir=cache,
                   progress=False, backend=dq.LocalBackend(num_workers=0, shard_rows=16), **kw)


def copies_made(monkeypatch):
    """How many copies each copies' pass was given to make."""
    made = []
    real = _synthetic.copies_dataset

    def counting(*a, **k):
        ds = real(*a, **k)
        made.append(len(ds))
        return ds

    monkeypatch.setattr(_synthetic, "copies_dataset", counting)
    return made


def members(root, c):
    """Each copy as (source file, kind), near copies then blurred ones."""
    paths = [p.relative_to(root).as_posix() for p in dq.as_dataset(root).paths]
    src = [paths[int(j)] for j in c.sources]
    return [("near", s, k) for s, k in zip(src, c.near_kinds)] + [("blur", s, k) for s, k in zip(src, c.blur_kinds)]


def assert_same_copies(a, b):
    assert np.array_equal(a.sources, b.sources) and a.near_kinds == b.near_kinds and a.blur_kinds == b.blur_kinds
    for x, y in ((a.near_stats, b.near_stats), (a.blur_stats, b.blur_stats)):
        pd.testing.assert_frame_equal(x, y)
    for x, y in ((a.near_embeddings, b.near_embeddings), (a.blur_embeddings, b.blur_embeddings)):
        assert x.dtype == y.dtype and np.array_equal(x.view(np.uint16), y.view(np.uint16))


def test_adding_files_makes_copies_only_for_the_sources_new_to_the_sample(tmp_path, digits, monkeypatch):
    root = make_folder(tmp_path / "imgs", digits, 80)
    cache = tmp_path / "cache"
    made = copies_made(monkeypatch)
    first = context(root, cache).get("synthetic_copies")
    assert made == [2 * len(first.sources)]
    before = members(root, first)
    for i in range(80, 86):
        write_digit(root, digits, i)
    warm = context(root, cache).get("synthetic_copies")
    after = members(root, warm)
    new = [m for m in after if m not in set(before)]
    assert len(made) == 2 and made[1] == len(new)  # only the copies no earlier sample had
    assert 0 < len(new) <= len(after) // 4  # the sample stayed: a few members new, not all
    assert_same_copies(warm, context(root, tmp_path / "cold").get("synthetic_copies"))  # a cold run's, bit for bit
    context(root, cache).get("synthetic_copies")
    assert len(made) == 3  # unchanged since: loaded, nothing made (the cold run made one)


def test_the_copies_keep_the_families_and_counts_a_permutation_gives(tmp_path, digits):
    root = make_folder(tmp_path / "imgs", digits, 70)
    c = context(root, tmp_path / "cache").get("synthetic_copies")
    m = len(c.sources)
    for kinds, family in ((c.near_kinds, _synthetic.NEAR_COPY_KINDS), (c.blur_kinds, _synthetic.BLUR_KINDS)):
        k = len(family)
        assert Counter(kinds) == Counter({family[i]: m // k + (i < m % k) for i in range(k)})
    again = context(root, tmp_path / "other").get("synthetic_copies")
    assert_same_copies(c, again)  # the same folder and seed: the same copies
    other = context(root, tmp_path / "seed1", random_state=1).get("synthetic_copies")
    assert not np.array_equal(other.sources, c.sources)  # another seed samples others


GLOBAL = ("knn", "pred_probs", "spectrum_knn")


def stored(cache) -> Counter:
    """The cache's entries by the intermediate they hold."""
    out = Counter()
    for meta in (cache / "v2").glob("*/meta.json"):
        out[json.loads(meta.read_text()).get("info", {}).get("provider")] += 1
    return out


def global_steps(ctx):
    return {name: ctx.get(name) for name in GLOBAL}


def assert_same_values(a, b):
    for name in GLOBAL:
        x, y = (a[name], b[name]) if name == "pred_probs" else (a[name][1], b[name][1])
        assert np.array_equal(x, y, equal_nan=True), name
    assert np.array_equal(a["knn"][0], b["knn"][0])


def test_a_changed_folders_global_steps_replace_the_earlier_states_in_the_cache(tmp_path, digits):
    root = make_folder(tmp_path / "imgs", digits, 30)
    cache = tmp_path / "cache"
    global_steps(context(root, cache))
    assert all(stored(cache)[name] == 1 for name in GLOBAL)
    write_digit(root, digits, 40)
    write_digit(root, digits, 41)
    warm = context(root, cache)
    values = global_steps(warm)
    assert not (set(GLOBAL) & set(warm.cached))  # computed for the new state
    assert all(stored(cache)[name] == 1 for name in GLOBAL), stored(cache)  # one entry each, not two
    again = context(root, cache)
    assert_same_values(global_steps(again), values)
    assert set(GLOBAL) <= set(again.cached)  # the one kept is the new state's


def test_a_part_of_the_folder_audited_leaves_the_whole_folders_global_steps(tmp_path, digits):
    root = make_folder(tmp_path / "imgs", digits, 30)
    cache = tmp_path / "cache"
    global_steps(context(root, cache))
    forget_remembered()
    part = dq.as_dataset(root).subset(np.arange(0, 30, 2))  # a clean subset: the other files are still there
    global_steps(Context(part, embedder=EMBEDDER, embedder_settings={"image_size": 16}, cache_dir=cache,
                         progress=False, backend=dq.LocalBackend(num_workers=0, shard_rows=16)))
    whole = context(root, cache)
    global_steps(whole)
    assert set(GLOBAL) <= set(whole.cached)  # the whole folder's entries stayed


def test_two_audits_of_a_changing_folder_sharing_a_cache_both_finish(tmp_path, digits, monkeypatch, caplog):
    import logging

    from dataquality.compute import _store

    root = make_folder(tmp_path / "imgs", digits, 30)
    cache = tmp_path / "cache"
    first = global_steps(context(root, cache))
    old = context(root, cache)  # an audit of the folder as it was, its image pass done ...
    old.get("image_pass")
    write_digit(root, digits, 40)
    new = context(root, cache)  # ... while another audits it after a file was added, superseding its entries
    new_values = global_steps(new)
    assert_same_values(global_steps(old), first)  # the first audit computes them again, the same
    assert all(stored(cache)[name] == 2 for name in GLOBAL)  # its own stay (its pass is no longer the latest) ...
    latest = context(root, cache)
    assert_same_values(global_steps(latest), new_values)
    assert set(GLOBAL) <= set(latest.cached)  # ... and left the new state's in place

    # an entry removed whole by another audit while this one reads it: absent, computed again, no warning
    real = _store.sha256_file
    reader = context(root, cache)
    reader.get("image_pass")
    entry = cache / "v2" / reader.key("knn")
    assert entry.is_dir()

    def removed_meanwhile(path):
        if path.parent == entry:
            _store._remove_tree(entry)
        return real(path)

    monkeypatch.setattr(_store, "sha256_file", removed_meanwhile)
    with caplog.at_level(logging.WARNING, logger="dataquality"):
        knn = reader.get("knn")
    assert "knn" not in reader.cached and np.array_equal(knn[0], new_values["knn"][0])
    assert "failed verification" not in caplog.text
