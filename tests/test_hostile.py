"""Hostile files, names and output folders: no crash, no hang, no data loss, no escape.

Each test plants several variants of one class of hostile input; docs/reliability.md lists
which promise each test holds.
"""

import hashlib
import io
import json
import os
import signal
import socket
import sys
import time
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

import dataquality as dq
from dataquality.cli import main

from .conftest import write_png

FAST = dict(embedder="pixels", cache_dir=False, progress=False)
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and names")


@contextmanager
def deadline(seconds: float):
    """Fail instead of hanging: a blocked open() or read() is interrupted by SIGALRM."""

    def alarm(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@contextmanager
def memory_cap(extra: int = 4 * 2**30):
    """Turn a runaway read (of /dev/zero, say) into a MemoryError instead of exhausting the machine."""
    import torch  # noqa: F401  -- mapped before the cap: its libraries need address space, not memory

    try:
        import resource

        with open("/proc/self/status") as fh:
            vm = next(int(ln.split()[1]) * 1024 for ln in fh if ln.startswith("VmSize:"))
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = vm + extra if hard == resource.RLIM_INFINITY else min(vm + extra, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, StopIteration, ValueError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def digit_folder(root: Path, digits, n: int = 12) -> Path:
    X, y = digits
    for i in range(n):
        write_png(root / f"c{y[i]}" / f"{i:02d}.png", X[i])
    return root


def snapshot(*roots) -> dict:
    """Bytes, mode and mtime of every file (link targets for links) under the roots."""
    out = {}
    for root in roots:
        for dirpath, dirnames, files in os.walk(root):
            for name in files + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
                p = os.path.join(dirpath, name)
                st = os.lstat(p)
                if os.path.islink(p):
                    out[p] = "link:" + os.readlink(p)
                elif os.path.isfile(p):
                    with open(p, "rb") as fh:
                        out[p] = (hashlib.sha256(fh.read()).hexdigest(), st.st_mode, st.st_mtime_ns)
                else:
                    out[p] = ("special", st.st_mode)
    return out


def unreadable_details(report) -> dict:
    sub = report.issues[report.issues.issue == "unreadable"]
    return dict(zip(sub["id"], sub["detail"]))


def one_line_error(stderr: str) -> str:
    assert "Traceback" not in stderr
    errors = [ln for ln in stderr.splitlines() if ln.startswith("dataquality: error:")]
    assert len(errors) == 1, stderr
    return errors[0]


def png_bytes(size, mode="RGB", fmt="PNG", **kw) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size).save(buf, fmt, **kw)
    return buf.getvalue()


# -- 1. special files and sizes ---------------------------------------------------------
@posix_only
def test_special_files_are_unreadable_with_a_reason_and_never_hang(tmp_path, digits):
    root = digit_folder(tmp_path / "d", digits, 6)
    os.mkfifo(root / "pipe.png")                        # opening it for reading would wait for a writer
    os.symlink("/dev/zero", root / "zero.png")          # a character device that never ends
    os.symlink("/dev/null", root / "null.jpg")          # a character device that is empty
    (root / "folder.png").mkdir()                       # a directory with an image name
    sock = socket.socket(socket.AF_UNIX)
    sock_path = root / "sock.png"
    try:
        sock.bind(str(sock_path))
    except OSError:  # paths too long for AF_UNIX on some systems
        sock_path = None
    before = snapshot(root)
    with deadline(60), memory_cap():
        r = dq.audit(root, **FAST)
    sock.close()
    unread = unreadable_details(r)
    assert "named pipe" in unread["pipe.png"]
    assert "character device" in unread["zero.png"] and "character device" in unread["null.jpg"]
    if sock_path is not None:
        assert "socket" in unread["sock.png"]
    assert "folder.png" not in r.ids  # a folder is walked into, not read
    assert not any(i.startswith("c") for i in unread)  # the real images are fine
    assert snapshot(root) == before


@posix_only
def test_oversized_and_sparse_files_are_refused_unread(tmp_path, digits, monkeypatch):
    root = digit_folder(tmp_path / "d", digits, 6)
    with open(root / "sparse.png", "wb") as fh:  # 64 GiB apparent size, no disk used
        fh.truncate(64 * 2**30)
    with open(root / "sparse.tif", "wb") as fh:
        fh.truncate(300 * 2**20)
    with deadline(60), memory_cap():
        r = dq.audit(root, **FAST)
    unread = unreadable_details(r)
    assert "size limit" in unread["sparse.png"] and "64.0 GiB" in unread["sparse.png"]
    assert "size limit" in unread["sparse.tif"] and "DQ_MAX_FILE_BYTES" in unread["sparse.tif"]
    assert not any(i.startswith("c") for i in unread)

    from dataquality.data._images import read_image_file, read_limits

    small = write_png(tmp_path / "small.png", digits[0][0])
    monkeypatch.setenv("DQ_MAX_FILE_BYTES", "100")
    assert "size limit" in read_image_file(small).error
    monkeypatch.setenv("DQ_MAX_FILE_BYTES", "4K")
    assert read_limits().max_file_bytes == 4096 and read_image_file(small).ok
    monkeypatch.setenv("DQ_MAX_FILE_BYTES", "lots")
    with pytest.raises(dq.DataQualityError, match="DQ_MAX_FILE_BYTES"):
        read_image_file(small)


@pytest.mark.parametrize("size,fmt", [((1, 40_000), "PNG"), ((40_000, 1), "PNG"), ((3, 20_000), "GIF"),
                                      ((16, 12_000), "JPEG"), ((20_000, 150), "BMP")])
def test_extremely_elongated_images_are_refused_before_decoding(tmp_path, size, fmt):
    from dataquality.data._images import read_image_file

    p = tmp_path / f"long.{fmt.lower()}"
    p.write_bytes(png_bytes(size, "L" if fmt != "JPEG" else "RGB", fmt))
    t0 = time.perf_counter()
    li = read_image_file(p)
    assert time.perf_counter() - t0 < 2
    assert not li.ok and "aspect ratio" in li.error and "DQ_MAX_ASPECT_RATIO" in li.error
    assert (li.width, li.height) == size  # the header is still reported
    ds = dq.as_dataset([np.zeros(size[::-1], dtype=np.uint8)] * 2)  # in memory too
    assert "aspect ratio" in ds.load_image(0).error


def test_deep_and_large_images_are_decoded_within_a_memory_bound(tmp_path):
    from dataquality.data._images import WORK_PIXELS, read_image_file

    deep = tmp_path / "deep16.png"  # 16-bit grey, 6 Mpx
    ramp = (np.arange(2000 * 3000, dtype=np.uint32) % 65536).astype(np.uint16).reshape(2000, 3000)
    Image.fromarray(ramp).save(deep)
    tracemalloc.start()
    try:
        li = read_image_file(deep)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert li.ok and li.mode == "I;16" and li.image.size == (3000, 2000)
    assert peak < 8 * 2000 * 3000, f"{peak / 2**20:.0f} MiB traced for a 6 Mpx image"
    grey = np.asarray(li.image)[..., 0]
    assert grey.max() == 255 and grey.min() == 0 and grey.flat[32768] in (127, 128)  # rescaled, not clipped

    big = tmp_path / "big.jpg"  # 48 Mpx: decoded at reduced scale, reported at full size
    big.write_bytes(png_bytes((8000, 6000), "RGB", "JPEG", quality=50))
    li = read_image_file(big)
    assert li.ok and (li.width, li.height) == (8000, 6000)
    assert li.image.width * li.image.height <= WORK_PIXELS and li.image.width / li.image.height == 8000 / 6000
    wide = tmp_path / "wide.png"  # not a JPEG: reduced right after decoding
    wide.write_bytes(png_bytes((9000, 2000), "P", "PNG"))
    li = read_image_file(wide)
    assert li.ok and (li.width, li.height) == (9000, 2000) and li.image.size == (4500, 1000)


def test_paths_longer_than_the_system_allows_are_reported(tmp_path, digits):
    with pytest.raises(dq.DataQualityError, match="dataset path"):
        dq.as_dataset(str(tmp_path / ("x" * 5000)))
    with pytest.raises(dq.DataQualityError, match="dataset path"):
        dq.as_dataset(str(tmp_path / ("y" * 300 + ".csv")))
    write_png(tmp_path / "a.png", digits[0][0])
    rows = ["a.png", "x" * 5000 + ".png", "y" * 300 + ".png", "/".join(["z" * 200] * 30) + "/q.png"]
    pd.DataFrame({"path": rows, "label": [0, 1, 2, 3]}).to_csv(tmp_path / "m.csv", index=False)
    r = dq.audit(tmp_path / "m.csv", **FAST)
    unread = unreadable_details(r)
    assert len(unread) == 3 and all("too long" in v for v in unread.values())


# -- 2. names and text -------------------------------------------------------------------
@posix_only
def test_non_utf8_names_survive_every_output(tmp_path, digits):
    root = digit_folder(tmp_path / "d", digits, 8)
    (root / "odd").mkdir()
    good = (root / f"c{digits[1][0]}" / "00.png").read_bytes()
    for raw, data in ((b"/caf\xe9.png", good), (b"/na\xefve.png", good[:40])):  # the second is truncated
        with open(os.fsencode(root) + b"/c" + str(digits[1][0]).encode() + raw, "wb") as fh:
            fh.write(data)
    with open(os.fsencode(root) + b"/odd/\xff\xfe.png", "wb") as fh:
        fh.write(good)
    before = snapshot(root)
    out = tmp_path / "out"
    rc = main(["audit", str(root), "--embedder", "pixels", "--checks", "unreadable", "--cache-dir",
               str(tmp_path / "cache"), "--no-progress", "--out", str(out)])
    assert rc == 0
    shown, flagged = f"c{digits[1][0]}/caf\ufffd.png", f"c{digits[1][0]}/na\ufffdve.png"
    assert {shown, flagged} <= set(json.loads((out / "report.json").read_text(encoding="utf-8"))["ids"])
    assert flagged in (out / "report.html").read_text(encoding="utf-8")
    assert pd.read_csv(out / "issues.csv")["id"].tolist() == [flagged]
    manifest = pd.read_csv(out / "clean_manifest.csv")  # valid UTF-8: pandas' strict default reads it
    row = manifest[manifest["id"] == shown]
    assert len(row) == 1 and row["path"].iloc[0].endswith("caf\\xe9.png")
    again = dq.as_dataset(out / "clean_manifest.csv", root=root)  # the escaped name finds the file again
    assert shown in again.ids and again.load_image(again.ids.index(shown)).ok
    assert "odd/\ufffd\ufffd.png" in again.ids and again.load_image(again.ids.index("odd/\ufffd\ufffd.png")).ok
    assert snapshot(root) == before


def test_text_with_lone_surrogates_renders(tmp_path):
    texts = ["a good film", "bad \udcff\udcfe bytes", "lone \ud800 high", "a good film", ""]
    r = dq.audit(texts, labels=["pos", "neg\udce9", "neg", "pos", "neg"], cache_dir=False, progress=False)
    html = r.to_html(tmp_path / "r.html").read_text(encoding="utf-8")
    assert "bad \ufffd\ufffd bytes" in html or "\ufffd" in html
    r.to_json(tmp_path / "r.json")
    again = dq.load_report(tmp_path / "r.json")
    assert again.n == 5 and "neg\ufffd" in again.labels  # the file is plain UTF-8, lone surrogates as U+FFFD
    ds = dq.as_dataset(texts, labels=["pos", "neg\udce9", "neg", "pos", "neg"])
    ds.to_manifest(tmp_path / "m.csv")
    assert "neg\ufffd" in (tmp_path / "m.csv").read_text(encoding="utf-8")


# -- 4. outputs ---------------------------------------------------------------------------
def _cli_audit(root, out, *extra):
    cache = Path(os.path.commonpath([root, out])) / "cache"  # outside --out: a failed run may not leave it there
    return main(["audit", str(root), "--embedder", "pixels", "--checks", "unreadable,dark", "--cache-dir", str(cache),
                 "--no-progress", "--out", str(out), *map(str, extra)])


def test_temporary_files_never_replace_existing_files(tmp_path, digits):
    root = digit_folder(tmp_path / "d", digits)
    out = tmp_path / "out"
    out.mkdir()
    for name in ("report.json.tmp", "report.html.tmp", "issues.csv.tmp", "clean_manifest.csv.tmp", "r.json.tmp"):
        (out / name).write_text(f"precious {name}")
    before = snapshot(out)
    assert _cli_audit(root, out) == 0
    r = dq.audit(root, **FAST)
    r.to_json(out / "r.json")
    r.to_html(out / "r.html")
    r.clean_subset(manifest=out / "m.csv")
    after = snapshot(out)
    assert all(after[p] == value for p, value in before.items())
    assert sorted(n for n in os.listdir(out) if n.endswith(".tmp")) == sorted(Path(p).name for p in before)
    assert not [n for n in os.listdir(out) if n.startswith(".")]  # no staging or temporary leftovers


@posix_only
def test_outputs_are_never_written_through_symbolic_links(tmp_path, digits, capsys):
    root = digit_folder(tmp_path / "d", digits)
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    (outside / "victim.csv").write_text("precious")
    os.symlink(outside / "victim.csv", out / "issues.csv")          # to an existing file
    os.symlink(outside / "new.json", out / "report.json")           # dangling: would create a file outside
    os.symlink(outside, out / "clean_manifest.csv")                 # to a folder
    before = snapshot(outside)
    assert _cli_audit(root, out) == 1  # links count as existing outputs
    assert "--overwrite" in one_line_error(capsys.readouterr().err)
    assert _cli_audit(root, out, "--overwrite") == 0
    assert snapshot(outside) == before and sorted(os.listdir(outside)) == ["victim.csv"]
    for name in ("issues.csv", "report.json", "clean_manifest.csv", "report.html"):
        assert (out / name).is_file() and not (out / name).is_symlink(), name
    # the library's writers too
    r = dq.audit(root, **FAST)
    os.symlink(outside / "victim.csv", out / "lib.json")
    with pytest.raises(dq.DataQualityError, match="symbolic link"):
        r.to_json(out / "lib.json")
    r.to_json(out / "lib.json", overwrite=True)
    os.symlink(outside / "dangling.html", out / "lib.html")
    r.to_html(out / "lib.html", overwrite=True)
    assert snapshot(outside) == before


def test_output_folder_that_cannot_take_outputs_fails_before_the_audit(tmp_path, digits, capsys, monkeypatch):
    root = digit_folder(tmp_path / "d", digits)
    calls = []
    monkeypatch.setattr(dq, "audit", lambda *a, **k: calls.append(1))
    (tmp_path / "file").write_text("not a folder")
    (tmp_path / "held").mkdir()
    (tmp_path / "held" / "report.json").mkdir()
    cases = [(tmp_path / "file", "is a file"), (tmp_path / "file" / "sub", "inside a file"),
             (tmp_path / "held", "folders named report.json")]
    if os.geteuid() == 0 and os.path.isdir("/sys/kernel"):
        cases.append((Path("/sys/kernel/dataquality-test-out"), "cannot be created"))  # read-only even for root
    else:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        cases.append((ro / "out", "cannot be created"))
    for out, expected in cases:
        assert _cli_audit(root, out) == 1, out
        assert expected in one_line_error(capsys.readouterr().err), out
    assert calls == []  # refused before any work
    assert not (tmp_path / "file" / "sub").exists()


def test_a_failed_run_leaves_nothing_that_blocks_a_rerun(tmp_path, digits, monkeypatch):
    root = digit_folder(tmp_path / "d", digits)
    from dataquality.report import AuditReport

    real_to_json = AuditReport.to_json

    def broken(self, *a, **k):
        raise RuntimeError("disk trouble halfway through")

    monkeypatch.setattr(AuditReport, "to_json", broken)  # fails after report.html is written
    new_out = tmp_path / "new" / "out"
    with pytest.raises(RuntimeError):
        _cli_audit(root, new_out)
    assert not (tmp_path / "new").exists()  # the folders this run created are gone
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "notes.txt").write_text("mine")
    with pytest.raises(RuntimeError):
        _cli_audit(root, kept)
    assert os.listdir(kept) == ["notes.txt"]
    monkeypatch.setattr(AuditReport, "to_json", real_to_json)
    assert _cli_audit(root, new_out) == 0 and _cli_audit(root, kept) == 0  # no --overwrite needed
    assert sorted(os.listdir(kept)) == ["clean_manifest.csv", "issues.csv", "notes.txt", "report.html",
                                        "report.json"]


# -- 5. confinement ------------------------------------------------------------------------
@posix_only
def test_manifest_paths_escaping_through_symbolic_links_are_refused(tmp_path, digits):
    root, outside = tmp_path / "root", tmp_path / "outside"
    write_png(root / "a.png", digits[0][0])
    write_png(root / "sub" / "b.png", digits[0][1])
    write_png(outside / "secret.png", digits[0][2])
    os.symlink(outside, root / "linked_dir")                   # a folder inside that points out
    os.symlink(outside / "secret.png", root / "linked.png")    # a file inside that points out
    os.symlink(root / "sub", root / "inner_dir")               # points inside: fine
    os.symlink(root / "a.png", root / "inner.png")
    os.symlink(tmp_path, root / "sub" / "up")
    refused = ["linked_dir/secret.png", "linked.png", "sub/up/outside/secret.png", "inner_dir/../linked.png",
               str(root / "linked_dir" / "secret.png"), "../outside/secret.png"]
    for bad in refused:
        pd.DataFrame({"path": ["a.png", bad]}).to_csv(root / "m.csv", index=False)
        with pytest.raises(dq.DataQualityError, match="symbolic link"):
            dq.as_dataset(root / "m.csv")
    pd.DataFrame({"path": ["a.png", "inner_dir/b.png", "inner.png", "sub/../a.png"]}).to_csv(root / "ok.csv",
                                                                                          index=False)
    ds = dq.as_dataset(root / "ok.csv")
    assert ds.ids == ["a.png", "inner_dir/b.png", "inner.png", "a.png#2"]
    assert all(ds.load_image(i).ok for i in range(len(ds)))


def test_cli_reaudits_its_own_clean_manifest(tmp_path, digits, capsys):
    root = digit_folder(tmp_path / "d", digits, 16)
    out = tmp_path / "out"
    assert _cli_audit(root, out) == 0
    printed = capsys.readouterr().err  # stdout holds only the report; the hint goes to stderr
    assert f"--root {root.resolve()}" in printed
    kept = pd.read_csv(out / "clean_manifest.csv")["id"].tolist()
    assert _cli_audit(out / "clean_manifest.csv", tmp_path / "again", "--root", root) == 0
    assert json.loads((tmp_path / "again" / "report.json").read_text())["ids"] == kept
    assert _cli_audit(out / "clean_manifest.csv", tmp_path / "refused") == 1  # without --root: refused
    assert "--root" in one_line_error(capsys.readouterr().err)
    assert not (tmp_path / "refused").exists()


# -- 6. hidden files, NaN pixels, id collisions --------------------------------------------
def test_hidden_files_are_counted_as_skipped(tmp_path, digits):
    root = digit_folder(tmp_path / "d", digits, 6)
    write_png(root / ".hidden.png", digits[0][0])
    write_png(root / "c0" / "._resource.png", digits[0][1])  # macOS resource fork
    (root / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    r = dq.audit(root, **FAST)
    skipped = r.findings["dataset"]["skipped_files"]
    assert {".hidden.png (hidden file)", "c0/._resource.png (hidden file)", ".DS_Store (hidden file)"} <= set(skipped)
    assert not any(i.startswith(".") or "/." in i for i in r.ids)
    assert "3 other files skipped" in r.to_html(tmp_path / "r.html").read_text(encoding="utf-8")


def test_float_images_with_nan_or_inf_are_unreadable_not_black(tmp_path):
    from dataquality.data._images import read_image_file

    base = np.linspace(0, 1, 64, dtype=np.float32).reshape(8, 8)
    for name, bad in (("nan.tif", np.nan), ("inf.tif", np.inf), ("neginf.tif", -np.inf)):
        a = base.copy()
        a[2, 3] = bad
        Image.fromarray(a, "F").save(tmp_path / name)
        li = read_image_file(tmp_path / name)
        assert not li.ok and "NaN or infinite" in li.error, name
    Image.fromarray(base * 1000, "F").save(tmp_path / "fine.tif")
    li = read_image_file(tmp_path / "fine.tif")
    assert li.ok and np.asarray(li.image).max() == 255


def test_manifest_ids_never_collide_with_real_file_names(tmp_path, digits):
    X = digits[0]
    for name, k in (("a.png", 0), ("a.png#2", 1), ("a.png#3", 2)):
        Image.fromarray(X[k]).save(tmp_path / name, format="PNG")
    pd.DataFrame({"path": ["a.png", "a.png", "a.png#2", "a.png", "a.png#3", "a.png#2"]}).to_csv(
        tmp_path / "m.csv", index=False)
    ds = dq.as_dataset(tmp_path / "m.csv")
    assert len(set(ds.ids)) == len(ds.ids) == 6
    assert ds.ids[2] == "a.png#2" and ds.ids[4] == "a.png#3"  # real names keep their own id
    pixels = [np.asarray(ds.load_image(i).image).tobytes() for i in range(6)]
    assert pixels[2] == pixels[5] != pixels[0] == pixels[1] == pixels[3]
    r = dq.audit(ds, **FAST)
    assert r.examples["id"].is_unique


@posix_only
def test_folder_ids_of_undecodable_names_never_collide(tmp_path):
    base = os.fsencode(tmp_path)
    for k, raw in enumerate((b"/caf\xe9.png", b"/caf\xe8.png", "/caf\ufffd.png".encode())):
        with open(base + raw, "wb") as fh:
            fh.write(png_bytes((8 + k, 8), "RGB"))
    ds = dq.as_dataset(tmp_path)
    assert len(set(ds.ids)) == 3 and "caf\ufffd.png" in ds.ids
    assert sorted(ds.load_image(i).image.width for i in range(3)) == [8, 9, 10]  # each id reads its own file
