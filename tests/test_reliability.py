"""Hostile inputs, no data loss, resumable and cache-safe work."""

import hashlib
import os
import sys

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import dataquality as dq

from .conftest import write_png
from .test_checks import textured

FAST = dict(embedder="pixels", cache_dir=False, progress=False)


def _hostile_folder(root, X):
    """Every kind of odd file; returns {id: expected outcome} ('ok' or a reason fragment)."""
    root.mkdir(parents=True)
    expect = {}
    for i in range(8):
        write_png(root / f"good{i}.png", X[i])
        expect[f"good{i}.png"] = "ok"
    (root / "zero.png").write_bytes(b"")
    expect["zero.png"] = "empty file"
    buf = (root / "good0.png").read_bytes()
    (root / "trunc.png").write_bytes(buf[: len(buf) // 2])
    expect["trunc.png"] = ""
    (root / "text.png").write_text("I am text")
    expect["text.png"] = "not decodable"
    Image.fromarray(X[1]).save(root / "png_named.jpg", format="PNG")  # valid image, wrong extension
    expect["png_named.jpg"] = "ok"
    Image.fromarray(X[2]).convert("CMYK").save(root / "cmyk.jpg")
    expect["cmyk.jpg"] = "ok"
    Image.fromarray(X[3][..., 0].astype(np.uint16) * 257).save(root / "deep16.png")
    expect["deep16.png"] = "ok"
    Image.fromarray(X[4]).convert("P").save(root / "palette.png")
    expect["palette.png"] = "ok"
    write_png(root / "rgba.png", X[5], mode="RGBA")
    expect["rgba.png"] = "ok"
    Image.fromarray(X[6]).convert("1").save(root / "onebit.png")
    expect["onebit.png"] = "ok"
    img = Image.fromarray(np.ascontiguousarray(X[7][:, :16]))
    exif = img.getexif()
    exif[0x0112] = 6  # rotate 90 degrees
    img.save(root / "rotated.jpg", exif=exif)
    expect["rotated.jpg"] = "ok"
    Image.new("RGB", (1, 1), (10, 200, 30)).save(root / "tiny.png")
    expect["tiny.png"] = "ok"
    Image.new("1", (20000, 20000)).save(root / "bomb.png")
    expect["bomb.png"] = "decompression"
    frames = [Image.fromarray(X[k]) for k in range(3)]
    frames[0].save(root / "anim.gif", save_all=True, append_images=frames[1:])
    expect["anim.gif"] = "ok"
    os.symlink(root / "nowhere.png", root / "dangling.png")
    expect["dangling.png"] = "dangling"
    (root / "loop").mkdir()
    os.symlink(root / "loop", root / "loop" / "again")
    long_name = "x" * 240 + ".png"
    write_png(root / long_name, X[0])
    expect[long_name] = "ok"
    write_png(root / "ünï-cødé.png", X[1])
    expect["ünï-cødé.png"] = "ok"
    return expect


def test_hostile_folder_every_file_reported_with_reason(tmp_path, digits):
    X, _ = digits
    root = tmp_path / "hostile"
    expect = _hostile_folder(root, X)
    with open(os.fsencode(root) + b"/bad-\xff-name.png", "wb") as fh:  # not valid UTF-8
        fh.write((root / "good1.png").read_bytes())
    ds = dq.as_dataset(root)
    r = dq.audit(ds, **FAST)
    unread = dict(zip(r.issues.loc[r.issues.issue == "unreadable", "id"],
                      r.issues.loc[r.issues.issue == "unreadable", "detail"]))
    for name, outcome in expect.items():
        assert name in ds.ids, name
        if outcome == "ok":
            assert name not in unread, (name, unread.get(name))
        else:
            assert name in unread and outcome in unread[name], (name, unread.get(name))
    assert "bad-\ufffd-name.png" in ds.ids  # the odd name is kept (shown with U+FFFD), not dropped
    assert "bad-\ufffd-name.png" not in unread  # the odd name is kept, not dropped
    assert any("symlinked folder" in s for s in ds.findings["skipped_files"])
    rot = ds.load_image(ds.ids.index("rotated.jpg"))
    assert rot.image.size == (32, 16)  # EXIF orientation applied (was 16 x 32)
    assert ds.load_image(ds.ids.index("anim.gif")).n_frames == 3
    assert r.examples["id"].is_unique and len(r.examples) == len(ds)
    assert "bomb.png" in r.flagged("unreadable")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_unreadable_permissions(tmp_path, digits, monkeypatch):
    p = write_png(tmp_path / "d" / "secret.png", digits[0][0])
    write_png(tmp_path / "d" / "fine.png", digits[0][1])
    real_open = open

    def guarded(path, *a, **k):  # root ignores chmod, so deny the read the way the OS would
        if str(path).endswith("secret.png"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", guarded)
    ds = dq.as_dataset(tmp_path / "d")
    assert ds.load_image(ds.ids.index("secret.png")).error == "permission denied"
    assert p.exists()


def test_manifest_hostile_rows(tmp_path, digits):
    write_png(tmp_path / "a.png", digits[0][0])
    pd.DataFrame({"path": ["a.png", "a.png", "missing.png"], "label": ["x", "x", "y"]}).to_csv(tmp_path / "m.csv",
                                                                                                index=False)
    ds = dq.as_dataset(tmp_path / "m.csv")
    assert ds.ids == ["a.png", "a.png#2", "missing.png"]
    r = dq.audit(ds, **FAST)
    assert r.flagged("unreadable") == ["missing.png"]
    assert set(r.flagged("exact_duplicate")) == {"a.png", "a.png#2"}
    for bad in ("../../etc/passwd", "/etc/passwd"):
        pd.DataFrame({"path": ["a.png", bad], "label": ["x", "y"]}).to_csv(tmp_path / "e.csv", index=False)
        with pytest.raises(dq.DataQualityError, match="refused"):
            dq.as_dataset(tmp_path / "e.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(dq.DataQualityError, match="Could not read the table"):
        dq.as_dataset(tmp_path / "empty.csv")
    (tmp_path / "header.csv").write_text("path,label\n")
    with pytest.raises(dq.DataQualityError, match="no rows"):
        dq.as_dataset(tmp_path / "header.csv")


def test_features_with_nan_and_inf():
    X = np.random.default_rng(0).normal(size=(30, 4))
    X[3, 1] = np.nan
    X[7, 2] = np.inf
    r = dq.audit(X, labels=[0, 1] * 15, progress=False, cache_dir=False)
    assert {"3", "7"} <= set(r.flagged("missing_value"))


def test_mixed_type_labels_single_class_single_example():
    X = textured(10)
    r = dq.audit(X, labels=[1, "1", 2, "2", 1, "1", 2, "2", 1, 2], **FAST)
    # 1 and "1" are compared as text: one class each, and the report says so
    assert r.findings["labels"]["label_types"] == {"int": 2, "str": 2}
    assert r.findings["labels"]["label_types_merged"] == ["1", "2"] and r.classes == ["1", "2"]
    r = dq.audit(X, labels=["only"] * 10, **FAST)
    assert "label" in r.checks_run and r.flagged("label") == []
    r = dq.audit(X[:1], labels=["a"], **FAST)
    assert r.n == 1
    with pytest.raises(dq.DataQualityError):
        dq.audit([], **FAST)


def test_array_images_with_nan_are_unreadable():
    X = np.random.default_rng(0).random((5, 8, 8, 3)).astype(np.float32)
    X[2, 0, 0, 0] = np.nan
    r = dq.audit(X, **FAST)
    assert r.flagged("unreadable") == ["2"]


# -- no data loss ---------------------------------------------------------------------
def _checksums(root):
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            p = os.path.join(dirpath, f)
            if os.path.islink(p):
                out[p] = "link:" + os.readlink(p)
            else:
                out[p] = hashlib.sha256(open(p, "rb").read()).hexdigest() + str(os.stat(p).st_mtime_ns)
    return out


def test_nothing_is_changed_or_deleted(tmp_path, digits):
    X, y = digits
    p = dq.datasets.plant_issues(X[:80], y[:80], tmp_path / "data", random_state=1)
    before = _checksums(tmp_path / "data")
    r = dq.audit(p.root, labels=p.labels_csv, **FAST)
    clean = r.clean_subset(manifest=tmp_path / "out" / "clean.csv")
    r.to_json(tmp_path / "out" / "r.json")
    if hasattr(dq, "finetune"):
        dq.finetune(clean, mode="linear_probe", embedder="pixels", epochs=1, cache_dir=False, progress=False) \
            if "embedder" in dq.finetune.__code__.co_varnames else None
    assert _checksums(tmp_path / "data") == before
    assert sorted(os.listdir(tmp_path / "out")) == ["clean.csv", "r.json"]


# -- resumable, cache-safe ------------------------------------------------------------
def test_interrupted_embedding_resumes_by_shard(tmp_path, monkeypatch):
    from dataquality.embeddings._image import PixelEmbedder

    X = textured(40)
    calls = {"n": 0}
    real = PixelEmbedder.forward

    def flaky(self, batch, device):
        calls["n"] += 1
        if calls["n"] == 8:
            raise KeyboardInterrupt("killed")
        return real(self, batch, device)

    monkeypatch.setattr(PixelEmbedder, "forward", flaky)
    monkeypatch.setattr("dataquality.compute._context._TRIED", set())  # no embedder tried in this process yet
    # shards of 6 rows, batches of 2: three batches per shard, the last shard (4 rows) two
    kw = dict(embedder="pixels", cache_dir=tmp_path, progress=False, batch_size=2,
              backend=dq.LocalBackend(shard_rows=6, num_workers=0))
    with pytest.raises(KeyboardInterrupt):
        dq.embed(X, **kw)
    calls["n"] = 100  # no more failures; count the batches still needed
    resumed = dq.embed(X, **kw)
    # the two shards finished before the kill (6 batches) were kept; one forward more: the embedder's trial on one
    # image before the pass (Context._try_embedder), on the first run only (it was killed after the trial)
    assert calls["n"] - 100 == 20 - 6
    monkeypatch.setattr(PixelEmbedder, "forward", real)
    fresh = dq.embed(X, embedder="pixels", cache_dir=False, progress=False, batch_size=2)
    assert np.array_equal(resumed, fresh)


def test_cache_keys_cover_data_and_settings_and_corruption_is_detected(tmp_path, caplog):
    X = textured(10)
    a = dq.embed(X, embedder="pixels", cache_dir=tmp_path, progress=False)
    b = dq.embed(X[::-1].copy(), embedder="pixels", cache_dir=tmp_path, progress=False)
    assert not np.array_equal(a, b)
    c = dq.embed(X, embedder="pixels", n_components=3, cache_dir=tmp_path, progress=False)
    assert c.shape[1] == 3
    entries = [p for p in (tmp_path / "v2").iterdir() if p.is_dir() and not p.name.startswith(".")]
    assert len(entries) == 3
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".pkl", ".pickle")]  # nothing executable
    for shard in tmp_path.rglob("rows-*.parquet"):  # flip one byte in the middle of every shard
        raw = bytearray(shard.read_bytes())
        raw[len(raw) // 2] ^= 0xFF
        shard.write_bytes(bytes(raw))
    with caplog.at_level("WARNING", logger="dataquality"):
        again = dq.embed(X, embedder="pixels", cache_dir=tmp_path, progress=False)
    assert np.array_equal(again, a)  # corruption detected, recomputed
    assert "failed verification" in caplog.text
