"""Bounded-time fuzzing of every class of hostile input in docs/reliability.md.

    PYTHONPATH=. python benchmarks/fuzz.py --seconds 60

Classes, each given an equal share of the time:

- ``manifest``: random bytes and random ``path,label`` text as a manifest (Hypothesis).
- ``image_bytes``: byte-flipped and truncated PNG, JPEG, GIF, TIFF and BMP files (Hypothesis).
- ``special_files``: FIFOs, device links, sockets, folders named like images, sparse files of
  any size, dangling and looping links, elongated, 16-bit, huge-header and large images, NaN
  TIFFs, paths longer than the system allows.
- ``names``: file names of random bytes (Latin-1, broken UTF-8, quotes, commas, newlines, markup)
  and texts and labels with lone surrogates, through every CLI output and back.
- ``outputs``: ``--out`` folders that are files, inside files, unwritable, or hold files,
  symbolic links (to files, folders, nowhere), folders and ``.tmp`` siblings under the output
  names; with and without ``--overwrite``; with failures injected halfway through writing.
- ``confinement``: random symbolic links in and out of a root and random manifest paths
  through them.
- ``hidden_ids``: hidden files, float TIFFs with NaN/inf, manifests whose repeated rows and
  real file names look alike.

Every case runs under a deadline (a hang is a case still running after ``--case-limit``
seconds) and a memory cap (address space of the process at start plus 4 GiB). Before and after
every case the input files are checksummed (bytes, mode and mtime; link targets; file types),
as is a folder of bystander files outside every input and output. The invariants: no
exception other than DataQualityError where one is allowed; an unreadable image is a reason
string; outputs appear only in ``--out`` and never through a link; a failed run leaves ``--out``
as it was. Exit status 1 if anything was found.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import io
import os
import random
import resource
import shutil
import signal
import socket
import sys
import tempfile
import time
import traceback
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import dataquality as dq
from dataquality.cli import AUDIT_OUTPUTS
from dataquality.cli import main as cli_main
from dataquality.data._images import read_image_file
from dataquality.report import AuditReport

FAST = dict(embedder="pixels", cache_dir=False, progress=False)
CLASSES = ("manifest", "image_bytes", "special_files", "names", "outputs", "confinement", "hidden_ids")


class Hang(Exception):
    pass


class Violation(AssertionError):
    pass


def check(cond, what):
    if not cond:
        raise Violation(what)


# -- bookkeeping --------------------------------------------------------------------------------
class Tally:
    def __init__(self):
        self.cases = 0
        self.outcomes = collections.Counter()
        self.crashes = 0
        self.hangs = 0
        self.changed = 0
        self.slowest = 0.0
        self.examples: list[str] = []

    def note(self, kind, text):
        if len(self.examples) < 3:
            self.examples.append(f"{kind}: {text}")


TALLY = {c: Tally() for c in CLASSES}


def snapshot(*roots) -> dict:
    """Bytes (or size for huge files), mode and mtime of every entry; link targets; never opens special files."""
    out = {}
    for root in roots:
        root = os.fsencode(root)
        if not os.path.lexists(root):
            continue
        for dirpath, dirnames, files in os.walk(root, followlinks=False):
            for name in files + dirnames:
                p = os.path.join(dirpath, name)
                st = os.lstat(p)
                if os.path.islink(p):
                    out[p] = ("link", os.readlink(p))
                elif os.path.isfile(p) and st.st_size <= 64 * 2**20:
                    with open(p, "rb") as fh:
                        out[p] = (hashlib.sha256(fh.read()).hexdigest(), st.st_mode, st.st_mtime_ns)
                elif os.path.isdir(p):
                    out[p] = ("dir", st.st_mode)
                else:
                    out[p] = ("other", st.st_mode, st.st_size, st.st_mtime_ns)
    return out


def changed(before: dict, after: dict) -> list:
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def _alarm(signum, frame):
    raise Hang()


def run_case(cls, fn, rng, sandbox: Path, bystanders: Path, limit: float):
    """One case in a fresh folder: deadline, crash capture, checksums of inputs and bystanders."""
    tally = TALLY[cls]
    case = Path(tempfile.mkdtemp(dir=sandbox, prefix=f"{cls}-"))
    inputs = case / "data"
    inputs.mkdir()
    ctx = {"inputs": inputs, "case": case, "bystanders": bystanders, "prepared": False}
    before_by = snapshot(bystanders)
    t0 = time.perf_counter()
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    before = None
    try:
        fn(rng, ctx, prepare_done=lambda: ctx.update(prepared=True, before=snapshot(inputs)))
        before = ctx.get("before")
        signal.setitimer(signal.ITIMER_REAL, 0)
        tally.outcomes[ctx.get("outcome", "ok")] += 1
    except Hang:
        tally.hangs += 1
        tally.note("hang", ctx.get("what", "?"))
    except BaseException as exc:  # noqa: BLE001 -- the point is to count them
        signal.setitimer(signal.ITIMER_REAL, 0)
        if isinstance(exc, KeyboardInterrupt):
            raise
        tally.crashes += 1
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        tally.note("crash", f"{type(exc).__name__}: {str(exc)[:160]} at {Path(tb.filename).name}:{tb.lineno} "
                            f"({ctx.get('what', '?')})")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    dt = time.perf_counter() - t0
    tally.slowest = max(tally.slowest, dt)
    if dt > limit and not tally.hangs:
        tally.hangs += 1
        tally.note("hang", f"{dt:.0f} s ({ctx.get('what', '?')})")
    tally.cases += 1
    diffs = []
    if before is not None:
        diffs += changed(before, snapshot(inputs))
    diffs += changed(before_by, snapshot(bystanders))
    if diffs:
        tally.changed += len(diffs)
        tally.note("changed", ", ".join(os.fsdecode(d) for d in diffs[:3]))
    shutil.rmtree(case, ignore_errors=True)


# -- generators -----------------------------------------------------------------------------------
def _tiled(rng, shape, dtype, hi):
    """Random 64 x 64 blocks tiled to ``shape``: cheap to make and to compress, at any size."""
    block = rng.integers(0, hi, (64, 64) + shape[2:], dtype=dtype)
    reps = (-(-shape[0] // 64), -(-shape[1] // 64)) + (1,) * (len(shape) - 2)
    return np.ascontiguousarray(np.tile(block, reps)[: shape[0], : shape[1]])


def img_bytes(size, mode="RGB", fmt="PNG", seed=0, **kw) -> bytes:
    w, h = size
    rng = np.random.default_rng(seed)
    if mode in ("RGB", "L", "P"):
        arr = _tiled(rng, (h, w, 3) if mode == "RGB" else (h, w), np.uint8, 255)
        img = Image.fromarray(arr, "RGB" if mode == "RGB" else "L")
        if mode == "P":
            img = img.convert("P")
    elif mode == "I;16":
        img = Image.fromarray(_tiled(rng, (h, w), np.uint16, 65535))
    elif mode == "F":
        img = Image.fromarray(rng.random((h, w), dtype=np.float32), "F")
    else:
        img = Image.new(mode, size)
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def png_header_only(w, h) -> bytes:
    """A PNG whose header claims w x h pixels, with no pixel data."""
    import struct
    import zlib

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))


SEEDS = {fmt: img_bytes((24, 16), "RGB", fmt) for fmt in ("PNG", "JPEG", "GIF", "TIFF", "BMP")}


def good_images(folder: Path, n: int, seed: int = 0):
    for i in range(n):
        (folder / f"c{i % 2}").mkdir(parents=True, exist_ok=True)
        (folder / f"c{i % 2}" / f"good{i}.png").write_bytes(img_bytes((16, 16), seed=seed + i))


def expect_reason(li, fragment, what):
    check(not li.ok and isinstance(li.error, str) and fragment in li.error,
          f"{what}: expected {fragment!r}, got {li.error!r}")


# -- 1. special files and sizes ------------------------------------------------------------------
def special_files(rng: random.Random, ctx, prepare_done):
    d: Path = ctx["inputs"]
    good_images(d, 2)
    kinds = rng.sample(["fifo", "zero", "null", "urandom", "sparse", "dirpng", "socket", "dangling", "loop",
                        "elongated", "deep16", "bigpalette", "bigjpeg", "claims", "nan_tiff", "longrow"],
                       k=rng.randint(1, 5))
    expected = {}
    sock = None
    for k in kinds:
        name = f"{k}.png"
        if k == "fifo":
            os.mkfifo(d / name)
            expected[name] = "named pipe"
        elif k in ("zero", "null", "urandom"):
            os.symlink(f"/dev/{k}", d / name)
            expected[name] = "character device"
        elif k == "sparse":
            with open(d / name, "wb") as fh:
                fh.truncate(rng.choice([257 * 2**20, 2**31 + 7, 40 * 2**30, 2**40]))
            expected[name] = "size limit"
        elif k == "dirpng":
            (d / name).mkdir()
        elif k == "socket":
            sock = socket.socket(socket.AF_UNIX)
            try:
                sock.bind(str(d / name))
                expected[name] = "socket"
            except OSError:
                pass
        elif k == "dangling":
            os.symlink(d / "nowhere" / "x.png", d / name)
            expected[name] = "dangling"
        elif k == "loop":
            os.symlink(d / name, d / name)
            expected[name] = "cannot open"
        elif k == "elongated":
            long_side, short = rng.randint(4_000, 60_000), rng.randint(1, 30)
            size = (long_side, short) if rng.random() < 0.5 else (short, long_side)
            if long_side / short > 100:
                expected[name] = "aspect ratio"
            (d / name).write_bytes(img_bytes(size, "L", rng.choice(["PNG", "GIF", "BMP"]), seed=1))
        elif k == "deep16":
            (d / name).write_bytes(img_bytes((rng.randint(1, 2500), rng.randint(1, 2500)), "I;16"))
        elif k == "bigpalette":
            (d / name).write_bytes(img_bytes((rng.randint(4100, 5000), rng.randint(3500, 4200)), "P"))
        elif k == "bigjpeg":
            (d / "bigjpeg.jpg").write_bytes(img_bytes((rng.randint(4100, 7000), rng.randint(3000, 4500)),
                                                      "RGB", "JPEG", quality=40))
        elif k == "claims":
            w = rng.randint(10_000, 2**31 - 1)
            (d / name).write_bytes(png_header_only(w, rng.randint(10_000, 2**31 - 1)))
            expected[name] = ""
        elif k == "nan_tiff":
            a = np.random.default_rng(0).random((8, 8)).astype(np.float32)
            a[rng.randrange(8), rng.randrange(8)] = rng.choice([np.nan, np.inf, -np.inf])
            Image.fromarray(a, "F").save(d / "nan_tiff.tif")
            expected["nan_tiff.tif"] = "NaN or infinite"
    if "longrow" in kinds:
        rows = ["c0/good0.png", "x" * rng.randint(256, 6000) + ".png", "/".join(["y" * 250] * rng.randint(17, 40))]
        pd.DataFrame({"path": rows}).to_csv(d / "long.csv", index=False)
    prepare_done()
    ctx["what"] = ",".join(kinds)
    ds = dq.as_dataset(d)
    for i, id_ in enumerate(ds.ids):
        li = ds.load_image(i)
        check(li.ok or isinstance(li.error, str), f"{id_}: neither an image nor a reason")
        if li.ok:
            check(li.image.width * li.image.height <= 4096 * 4096, f"{id_}: decoded {li.image.size}")
        if id_ in expected:
            expect_reason(li, expected[id_], id_)
    if "longrow" in kinds:
        mds = dq.as_dataset(d / "long.csv")
        for i in (1, 2):
            expect_reason(mds.load_image(i), "too long", "long path row")
    if rng.random() < 0.25:
        dq.audit(ds, **FAST)
    if sock is not None:
        sock.close()
    ctx["outcome"] = f"{len(expected)} refused"


# -- 2. names and text ---------------------------------------------------------------------------------
NAME_PARTS = [b"a", b"Z", b"caf\xe9", b"\xff\xfe", b"\xc3", b"\xe2\x82", "é".encode(), "猫".encode(),
              "🐱".encode(), b" ", b"'", b'"', b",", b";", b"\n", b"\t", b"<script>", b"&amp;", b"#2", b"%41",
              b"\\", b"-", b"\x7f", b"\x01", b"=cmd"]


def random_name(rng: random.Random) -> bytes:
    name = b"".join(rng.choice(NAME_PARTS) for _ in range(rng.randint(1, 6)))[:200]
    return (b"n" + name if name.startswith(b".") else name) + rng.choice([b".png", b".PNG", b".jpg"])


def random_text(rng: random.Random) -> str:
    pool = ["good", "film", " ", "\udcff", "\ud800", "\udfff", "é", "猫", "\x00", "\n", "<b>", "&", "'", '"']
    return "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))


def names(rng: random.Random, ctx, prepare_done):
    d: Path = ctx["inputs"]
    good_images(d, 4)
    made = {}
    for k in range(rng.randint(1, 6)):
        raw = random_name(rng)
        folder = os.fsencode(d / f"c{k % 2}")
        data = img_bytes((16, 16), seed=100 + k)
        if rng.random() < 0.3:
            data = data[: rng.randint(0, len(data) - 1)]
        path = folder + b"/" + raw
        if os.path.lexists(path):
            continue
        with open(path, "wb") as fh:
            fh.write(data)
        made[path] = data
    prepare_done()
    ctx["what"] = repr(list(made)[:3])
    out = ctx["case"] / "out"
    rc = cli_main(["audit", str(d), "--embedder", "pixels", "--checks", "unreadable,exact_duplicate,odd_size",
                   "--cache-dir", str(ctx["case"] / "cache"), "--no-progress", "--out", str(out)])
    check(rc == 0, f"CLI exit {rc}")
    report = dq.load_report(out / "report.json")
    (out / "report.html").read_text(encoding="utf-8")
    issues = pd.read_csv(out / "issues.csv", keep_default_na=False)
    check(set(issues["id"]) <= set(report.ids), "issues.csv ids not in the report")
    manifest = pd.read_csv(out / "clean_manifest.csv", keep_default_na=False)  # strict UTF-8
    again = dq.as_dataset(out / "clean_manifest.csv", root=d)
    check(list(again.ids) == manifest["id"].tolist(), "re-read manifest ids differ")
    for i in range(len(again)):
        check(again.load_image(i).ok, f"kept file {again.ids[i]!r} unreadable on re-read")
    texts = [random_text(rng) for _ in range(rng.randint(2, 8))]
    labels = [rng.choice(["a", "b\udce9", "\ud800", ""]) for _ in texts]
    r = dq.audit(texts, labels=labels, cache_dir=False, progress=False)
    r.to_html(ctx["case"] / "t.html").read_text(encoding="utf-8")
    r.to_json(ctx["case"] / "t.json")
    dq.load_report(ctx["case"] / "t.json")
    dq.as_dataset(texts, labels=labels).to_manifest(ctx["case"] / "t.csv")
    ctx["outcome"] = f"{len(made)} odd names"


# -- 4. outputs -------------------------------------------------------------------------------------------
_FIXED: dict = {}


def _fixed_report(sandbox: Path):
    """One small audited folder shared by the output cases (the audit is not what is fuzzed here)."""
    if not _FIXED:
        d = sandbox / "fixed-data"
        good_images(d, 6)
        (d / "c0" / "broken.png").write_bytes(b"not an image")
        _FIXED["data"] = d
        _FIXED["report"] = dq.audit(d, **FAST)
        _FIXED["snapshot"] = snapshot(d)
    return _FIXED


def outputs(rng: random.Random, ctx, prepare_done):
    fixed = _fixed_report(ctx["case"].parent)
    case: Path = ctx["case"]
    by: Path = ctx["bystanders"]
    kind = rng.choice(["missing", "nested", "empty", "busy", "file", "under_file", "link_to_dir", "readonly"])
    out = case / "out"
    expect_error = False
    if kind == "nested":
        out = case / "a" / "b" / "out"
    elif kind == "empty":
        out.mkdir()
    elif kind == "busy":
        out.mkdir()
    elif kind == "file":
        out.write_text("a file where the folder should be")
        expect_error = True
    elif kind == "under_file":
        (case / "f").write_text("x")
        out = case / "f" / "out"
        expect_error = True
    elif kind == "link_to_dir":
        (case / "real").mkdir()
        os.symlink(case / "real", out)
    elif kind == "readonly":
        if os.geteuid() == 0 and os.path.isdir("/sys/kernel"):
            out = Path("/sys/kernel/dq-fuzz-out")
        else:
            (case / "ro").mkdir()
            os.chmod(case / "ro", 0o500)
            out = case / "ro" / "out"
        expect_error = True
    present = False
    if kind in ("busy", "link_to_dir"):
        for name in AUDIT_OUTPUTS:
            what = rng.choice(["absent", "absent", "file", "link_file", "link_dangling", "link_dir", "dir", "tmp"])
            p = out / name
            if what == "file":
                p.write_text("precious")
            elif what == "link_file":
                os.symlink(by / "victim.txt", p)
            elif what == "link_dangling":
                os.symlink(by / f"new-{rng.randrange(10**6)}.txt", p)
            elif what == "link_dir":
                os.symlink(by, p)
            elif what == "dir":
                p.mkdir()
                expect_error = True
            elif what == "tmp":
                (out / (name + ".tmp")).write_text("precious tmp")
            present |= what not in ("absent", "tmp")
    overwrite = rng.random() < 0.7
    expect_error |= present and not overwrite
    fail_at = rng.choice([None] * 5 + ["to_json", "clean_subset", "to_html"])
    existed = os.path.lexists(out)
    real_out = out.resolve() if existed and out.is_dir() else None
    before_out = snapshot(real_out) if real_out else {}
    ctx["what"] = f"{kind}, present={present}, overwrite={overwrite}, fail_at={fail_at}"
    prepare_done()
    saved = {}
    real_audit = dq.audit
    dq.audit = lambda data, **kw: fixed["report"]
    if fail_at:
        saved[fail_at] = getattr(AuditReport, fail_at)

        def boom(self, *a, **k):
            raise OSError(28, "No space left on device (injected)")

        setattr(AuditReport, fail_at, boom)
    try:
        rc = cli_main(["audit", str(fixed["data"]), "--no-progress", "--out", str(out)]
                      + (["--overwrite"] if overwrite else []))
    finally:
        dq.audit = real_audit
        for name, fn in saved.items():
            setattr(AuditReport, name, fn)
    failed = expect_error or fail_at is not None
    check(rc == (1 if failed else 0), f"exit {rc}, expected {1 if failed else 0}")
    if failed:
        check(os.path.lexists(out) == existed, "a failed run left a new --out")
        if real_out:
            check(not changed(before_out, snapshot(real_out)), "a failed run changed --out")
    else:
        for name in AUDIT_OUTPUTS:
            p = out / name
            check(p.is_file() and not p.is_symlink(), f"{name} is not a regular file after the run")
        leftovers = [n for n in os.listdir(out) if n.startswith(".")]
        check(not leftovers, f"leftovers in --out: {leftovers}")
        after = snapshot(real_out or out.resolve())
        for p, v in before_out.items():
            if p.endswith(b".tmp"):
                check(after.get(p) == v, "a .tmp sibling was touched")
    check(not changed(fixed["snapshot"], snapshot(fixed["data"])), "the audited data changed")
    ctx["outcome"] = "refused" if failed else "written"


# -- 5. confinement ------------------------------------------------------------------------------------------
def confinement(rng: random.Random, ctx, prepare_done):
    case: Path = ctx["case"]
    root: Path = ctx["inputs"]
    outside = case / "outside"
    (root / "sub").mkdir()
    outside.mkdir()
    (root / "a.png").write_bytes(SEEDS["PNG"])
    (root / "sub" / "b.png").write_bytes(SEEDS["PNG"])
    (outside / "secret.png").write_bytes(img_bytes((9, 9), seed=7))
    targets = [outside, outside / "secret.png", root / "sub", root / "a.png", case, root, outside / "none.png",
               root / "none.png", Path("/"), Path("/etc/passwd")]
    links = []
    for k in range(rng.randint(1, 5)):
        where = rng.choice([root, root / "sub"])
        name = f"L{k}" + rng.choice(["", ".png"])
        os.symlink(rng.choice(targets), where / name)
        links.append(str((where / name).relative_to(root)))
    parts = ["..", ".", "sub", "a.png", "b.png", "secret.png", "outside", "none.png", *links]
    rows = []
    for _ in range(rng.randint(1, 6)):
        p = "/".join(rng.choice(parts) for _ in range(rng.randint(1, 4)))
        prefix = rng.choice(["", "", "", str(root) + "/", str(case) + "/", "/"])
        rows.append(prefix + p)
    pd.DataFrame({"path": rows}).to_csv(root / "m.csv", index=False)
    prepare_done()
    ctx["what"] = repr(rows)
    try:
        ds = dq.as_dataset(root / "m.csv")
    except dq.DataQualityError:
        ctx["outcome"] = "refused"
        return
    real_root = os.path.realpath(root)
    for i, p in enumerate(ds.paths):
        real = os.path.realpath(p)
        check(real == real_root or real.startswith(real_root + os.sep), f"{rows[i]!r} reads {real}")
        li = ds.load_image(i)
        check(li.ok or isinstance(li.error, str), "neither an image nor a reason")
    ctx["outcome"] = "accepted"


# -- 6. hidden files, NaN pixels, ids --------------------------------------------------------------------------
def hidden_ids(rng: random.Random, ctx, prepare_done):
    d: Path = ctx["inputs"]
    good_images(d, 3)
    hidden, nan = 0, []
    for k in range(rng.randint(0, 4)):
        name = rng.choice([".h{}.png", "._h{}.png", ".DS_Store{}", ".h{}"]).format(k)
        (d / rng.choice(["", "c0", "c1"]) / name).write_bytes(SEEDS["PNG"])
        hidden += 1
    for k in range(rng.randint(0, 3)):
        a = np.random.default_rng(k).random((6, 6)).astype(np.float32) * rng.choice([1.0, 1e6, -1.0])
        bad = rng.random() < 0.6
        if bad:
            a[rng.randrange(6), rng.randrange(6)] = rng.choice([np.nan, np.inf, -np.inf])
        Image.fromarray(a, "F").save(d / f"f{k}.tif")
        nan.append((f"f{k}.tif", bad))
    names_ = ["x.png", "x.png#2", "x.png#3", "x.png#2#2", "y.png"]
    for n in names_:
        (d / n).write_bytes(img_bytes((8, 8 + len(n)), seed=len(n)))
    rows = [rng.choice(names_) for _ in range(rng.randint(1, 10))]
    pd.DataFrame({"path": rows}).to_csv(d / "m.csv", index=False)
    prepare_done()
    ctx["what"] = f"hidden={hidden}, tiffs={nan}, rows={rows}"
    ds = dq.as_dataset(d)
    n_hidden = sum(s.endswith("(hidden file)") for s in ds.findings.get("skipped_files", []))
    check(n_hidden == hidden, f"{hidden} hidden files, {n_hidden} counted")
    for name, bad in nan:
        li = ds.load_image(ds.ids.index(name))
        check(li.ok != bad, f"{name}: bad={bad} but ok={li.ok}")
    mds = dq.as_dataset(d / "m.csv")
    check(len(set(mds.ids)) == len(mds.ids), f"ids collide: {mds.ids}")
    for i, row in enumerate(rows):
        check(Path(mds.paths[i]).name == row, f"row {row!r} reads {mds.paths[i]}")
    ctx["outcome"] = "checked"


# -- Hypothesis: manifests and image bytes -------------------------------------------------------------------
def fuzz_manifest(sandbox: Path, bystanders: Path, deadline: float, limit: float):
    @settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=400) | st.text(max_size=400).map(
        lambda t: ("path,label\n" + t).encode("utf-8", "surrogatepass")))
    def case(data):
        if time.time() > deadline:
            return

        def fn(rng, ctx, prepare_done):
            p = ctx["inputs"] / "m.csv"
            p.write_bytes(data)
            prepare_done()
            ctx["what"] = repr(data[:60])
            try:
                ds = dq.as_dataset(p)
            except dq.DataQualityError:
                ctx["outcome"] = "DataQualityError"
                return
            for i in range(min(len(ds), 5)):
                if ds.modality == "image":
                    li = ds.load_image(i)
                    check(li.ok or isinstance(li.error, str), "neither an image nor a reason")
            ctx["outcome"] = "Dataset"

        run_case("manifest", fn, None, sandbox, bystanders, limit)

    while time.time() < deadline:
        case()


def fuzz_images(sandbox: Path, bystanders: Path, deadline: float, limit: float):
    fmts = sorted(SEEDS)

    @settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(fmts), st.lists(st.tuples(st.integers(0, 4096), st.integers(0, 255)), max_size=8),
           st.integers(0, 4096))
    def case(fmt, flips, cut):
        if time.time() > deadline:
            return
        seed = SEEDS[fmt]

        def fn(rng, ctx, prepare_done):
            data = bytearray(seed[:cut] if cut < len(seed) else seed)
            for pos, val in flips:
                if pos < len(data):
                    data[pos] = val
            p = ctx["inputs"] / f"x.{fmt.lower()}"
            p.write_bytes(bytes(data))
            prepare_done()
            ctx["what"] = f"{fmt} cut={cut} flips={flips}"
            li = read_image_file(p)
            check(li.ok or isinstance(li.error, str), "neither an image nor a reason")
            ctx["outcome"] = "read" if li.ok else "unreadable"

        run_case("image_bytes", fn, None, sandbox, bystanders, limit)

    while time.time() < deadline:
        case()


def cap_memory(extra: int) -> None:
    import torch  # noqa: F401  -- map its libraries before the cap

    with open("/proc/self/status") as fh:
        vm = next(int(ln.split()[1]) * 1024 for ln in fh if ln.startswith("VmSize:"))
    resource.setrlimit(resource.RLIMIT_AS, (vm + extra, resource.getrlimit(resource.RLIMIT_AS)[1]))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60, help="total time, shared equally by the classes")
    ap.add_argument("--case-limit", type=float, default=30, help="a case running longer is a hang")
    ap.add_argument("--classes", default=",".join(CLASSES), help="comma-separated subset of " + ", ".join(CLASSES))
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    chosen = [c for c in args.classes.split(",") if c]
    unknown = set(chosen) - set(CLASSES)
    if unknown:
        ap.error(f"unknown classes {sorted(unknown)}; expected some of {list(CLASSES)}")
    import logging

    logging.getLogger("dataquality").setLevel(logging.CRITICAL)  # the CLI's warnings are expected here
    try:
        cap_memory(4 * 2**30)
    except (OSError, StopIteration, ValueError, ImportError):
        pass
    rng = random.Random(args.seed)
    share = args.seconds / len(chosen)
    t_start = time.time()
    with tempfile.TemporaryDirectory(prefix="dq-fuzz-") as tmp:
        sandbox = Path(tmp)
        bystanders = sandbox / "bystanders"
        bystanders.mkdir()
        (bystanders / "victim.txt").write_text("must never change")
        real_stdout, real_stderr = sys.stdout, sys.stderr
        for k, cls in enumerate(chosen):
            deadline = t_start + share * (k + 1)
            # the CLI prints reports and one-line errors; they are expected, and checked by exit code
            sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
            try:
                if cls == "manifest":
                    fuzz_manifest(sandbox, bystanders, deadline, args.case_limit)
                elif cls == "image_bytes":
                    fuzz_images(sandbox, bystanders, deadline, args.case_limit)
                else:
                    fn = globals()[cls]
                    while time.time() < deadline:
                        run_case(cls, fn, random.Random(rng.random()), sandbox, bystanders, args.case_limit)
            finally:
                sys.stdout, sys.stderr = real_stdout, real_stderr
    total = time.time() - t_start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'class':<14} {'cases':>6} {'crashes':>8} {'hangs':>6} {'changed':>8} {'slowest':>8}  outcomes")
    for cls in chosen:
        t = TALLY[cls]
        top = ", ".join(f"{k} {v}" for k, v in t.outcomes.most_common(4))
        print(f"{cls:<14} {t.cases:>6} {t.crashes:>8} {t.hangs:>6} {t.changed:>8} {t.slowest:>7.1f}s  {top}")
        for ex in t.examples:
            print(f"    {ex}")
    crashes = sum(TALLY[c].crashes for c in chosen)
    hangs = sum(TALLY[c].hangs for c in chosen)
    changes = sum(TALLY[c].changed for c in chosen)
    print(f"fuzzed {sum(TALLY[c].cases for c in chosen)} cases in {total:.0f} s (peak RSS {peak:.0f} MiB): "
          f"{crashes} crashes, {hangs} hangs, {changes} changed input or bystander files")
    sys.exit(1 if crashes or hangs or changes else 0)


if __name__ == "__main__":
    main()
