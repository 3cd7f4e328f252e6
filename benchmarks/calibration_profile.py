"""Where the calibration's copies (``synthetic_copies``) spend their time, on this machine's CPU or its GPU.

An audit makes, from a seeded sample of the data's own images (at most 160 sources), a near copy and a
blurred copy of each (decoded, measured and embedded like the data) and a mildly blurred copy (measured
only). On the H100 of 2026-12-06 these copies took 8.4-9.1 s of a 50,000-image audit, about as long as on
two CPU cores with the embedding on the CPU. This script splits that time: each edit kind alone, then the
copies' passes (decode + edit on the decode threads, statistics, the model's preprocessing, forward) on
the main thread, then on a background thread beside a busy main thread, as in an audit.

Run::

    python benchmarks/calibration_profile.py --device cuda --n 3200      # the GPU machine (about a minute)
    python benchmarks/calibration_profile.py --device cpu --n 3200       # here (about 2 minutes)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))


@contextmanager
def _timed_methods(totals: dict, targets):
    """Add each call's wall time of ``(owner, attribute)`` in ``targets`` to ``totals[attribute]``."""
    saved = []
    for owner, name in targets:
        fn = getattr(owner, name)

        def wrap(*a, _fn=fn, _name=name, **kw):
            t0 = time.perf_counter()
            try:
                return _fn(*a, **kw)
            finally:
                totals[_name] += time.perf_counter() - t0

        saved.append((owner, name, fn))
        setattr(owner, name, wrap)
    try:
        yield
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--n", type=int, default=3200, help="images in the folder (160 sources from 3,200 on)")
    ap.add_argument("--size", default="500x375")
    ap.add_argument("--image-size", type=int, default=224)
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args(argv)

    import throughput_memory

    from dataquality.compute import _imagemap
    from dataquality.compute import _synthetic as synthetic
    from dataquality.compute._context import Context
    from dataquality.compute._imagemap import ImageMapper
    from dataquality.data import as_dataset

    w, h = (int(v) for v in args.size.split("x"))
    root = Path(args.workdir or tempfile.mkdtemp(prefix="dq-calprof-"))
    root.mkdir(parents=True, exist_ok=True)
    if not (root / "labels.csv").exists():
        t = time.perf_counter()
        throughput_memory.make_folder(root, args.n, w, h)
        print(f"{args.n} JPEGs of {w}x{h} in {time.perf_counter() - t:.1f} s")
    ds = as_dataset(str(root), labels=str(root / "labels.csv"))
    ctx = Context(ds, embedder="efficientnet_lite0", embedder_settings={"image_size": args.image_size},
                  cache_dir=False, progress=False, device=args.device)
    t = time.perf_counter()
    ctx.get("image_stats")
    ctx.get("embeddings")
    print(f"the data's image pass: {time.perf_counter() - t:.2f} s ({ctx.device}, {os.cpu_count()} CPUs)")

    # 1. each edit, on one decoded source (the scale the pass decoded it at)
    from dataquality.compute._context import image_decode_size

    img = ds.load_image(0, min_size=image_decode_size(ctx.embedder)).image
    print(f"\neach edit on one {img.size[0]}x{img.size[1]} source (ms, mean of 5):")
    for kinds, edit in ((synthetic.NEAR_COPY_KINDS, synthetic.near_copy), (synthetic.BLUR_KINDS, synthetic.blur_copy),
                        (synthetic.MILD_BLUR_KINDS, synthetic.blur_copy)):
        cells = []
        for kind in kinds:
            rng = np.random.default_rng(0)
            edit(img, kind, rng)  # warm-up
            t = time.perf_counter()
            for _ in range(5):
                edit(img, kind, rng)
            cells.append(f"{kind} {(time.perf_counter() - t) / 5 * 1000:.1f}")
        print("  " + ", ".join(cells))

    # 2. the copies, split by step; on this thread, then on a background thread beside a busy one
    targets = [(ImageMapper, "decode_batch"), (ImageMapper, "forward"), (_imagemap, "batch_image_stats"),
               (type(ctx.embedder), "preprocess_batch")]

    def one(label: str, background: bool):
        totals: dict = defaultdict(float)
        box = {}

        def work():
            c0, t0 = _cpu(), time.perf_counter()
            box["copies"] = synthetic.synthetic_copies(ctx, in_process=background)
            box["wall"], box["cpu"] = time.perf_counter() - t0, _cpu() - c0

        with _timed_methods(totals, targets):
            if background:
                th = threading.Thread(target=work)
                th.start()
                x = np.random.default_rng(0).normal(size=(2000, 256)).astype(np.float32)
                while th.is_alive():  # the main thread busy with numerical work, as the checks are
                    x @ x.T
                th.join()
            else:
                work()
        c = box["copies"]
        n = len(c.sources) * (2 + (c.mild_kinds is not None))
        steps = ", ".join(f"{k} {v:.2f} s" for k, v in totals.items())
        print(f"  {label}: {n} copies of {len(c.sources)} sources in {box['wall']:.2f} s "
              f"(process CPU {box['cpu']:.1f} s); {steps}")

    print("\nthe copies (decode_batch = read + edit on the decode threads + small images; its time includes "
          "batch_image_stats):")
    one("this thread, first", False)
    one("this thread, again", False)
    one("a background thread (in_process), the main thread busy", True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
