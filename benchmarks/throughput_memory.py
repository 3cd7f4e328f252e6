"""Throughput and peak memory of ``dq.audit`` per data size (each size in a fresh child process; CPU or CUDA).

Reports images/s, the time of each stage (decode + stats + embed pass, probe, kNN, duplicate
candidates, each check, report assembly: from ``report.timings``), peak host memory (maximum
resident set size of the process, ``resource.getrusage``; DataLoader workers separately) and,
on CUDA, peak device memory. Each size runs in a fresh child process so that the peak memory
belongs to that size alone; with two or more sizes the marginal bytes per image is the slope.

Run::

    python benchmarks/throughput_memory.py --n 200 400 --size 224x224 --device cpu
    python benchmarks/throughput_memory.py --n 2000 20000 --size 500x375 --device cuda
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def _make_chunk(root: str, start: int, stop: int, width: int, height: int, n_classes: int, seed: int) -> list[str]:
    """Files start..stop-1 (their own random stream, so the folder is the same for any worker count)."""
    from PIL import Image, ImageDraw

    rng = np.random.default_rng([seed, start])
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    rows = []
    for i in range(start, stop):
        c0, c1 = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
        t = (xx * np.cos(rng.uniform(0, 6.3)) + yy * np.sin(rng.uniform(0, 6.3))) / max(width, height)
        t = (t - t.min()) / (np.ptp(t) + 1e-6)
        arr = c0 * (1 - t[..., None]) + c1 * t[..., None] + rng.normal(0, 8, (height, width, 1))
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
        draw = ImageDraw.Draw(img)
        for _ in range(3):
            x0, y0 = int(rng.integers(0, width)), int(rng.integers(0, height))
            x1, y1 = x0 + int(rng.integers(width // 8, width // 2)), y0 + int(rng.integers(height // 8, height // 2))
            draw.ellipse([x0, y0, x1, y1], fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
        name = f"images/{i:06d}.jpg"
        img.save(Path(root) / name, quality=90)
        rows.append(f"{name},class{int(rng.integers(n_classes))}")
    return rows


def make_folder(root: Path, n: int, width: int, height: int, n_classes: int = 10, seed: int = 0) -> Path:
    """n JPEG files of width x height: smooth colour fields with shapes and noise, class per file.

    Made in chunks of 500 files across every CPU (200,000 files of 500x375 take ~30 min on one core)."""
    from concurrent.futures import ProcessPoolExecutor

    (root / "images").mkdir(parents=True, exist_ok=True)
    bounds = [(s, min(n, s + 500)) for s in range(0, n, 500)]
    workers = max(1, min(len(bounds), os.cpu_count() or 1))
    with ProcessPoolExecutor(workers) as pool:
        chunks = pool.map(_make_chunk, *zip(*[(str(root), a, b, width, height, n_classes, seed) for a, b in bounds]))
        rows = [r for chunk in chunks for r in chunk]
    (root / "labels.csv").write_text("path,label\n" + "\n".join(rows) + "\n")
    return root / "labels.csv"


def measure(n: int, size: str, device: str, image_size: int, batch_size, num_workers, keep: str | None) -> dict:
    """Make the folder, audit it once (no embedding cache), return timings and memory."""
    import torch

    import dataquality as dq

    w, h = (int(v) for v in size.lower().split("x"))
    root = Path(keep) / f"tp-{n}-{size}" if keep else Path(tempfile.mkdtemp(prefix="dq-tp-"))
    if root.exists() and keep:
        shutil.rmtree(root)
    root.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    labels_csv = make_folder(root, n, w, h)
    t_make = time.perf_counter() - t0
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if device.startswith("cuda"):
        torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter()
    report = dq.audit(root, labels=labels_csv, device=device, cache_dir=False, progress=False,
                      embedder_settings={"image_size": image_size}, batch_size=batch_size, num_workers=num_workers)
    wall = time.perf_counter() - t0
    tm = dict(report.timings)
    stage = {
        "decode+stats+embed": tm.get("intermediate:image_pass", 0.0),
        "probe (pred_probs)": tm.get("intermediate:pred_probs", 0.0),
        "knn": tm.get("intermediate:knn", 0.0),
        "duplicate candidates": tm.get("intermediate:duplicates", 0.0),
    }
    check_times = {k: v for k, v in tm.items() if not k.startswith(("intermediate:", "background:")) and k != "total"}
    # check timings include lazily computed intermediates on first use: subtract those
    stage["checks"] = max(0.0, sum(check_times.values()) - sum(v for k, v in stage.items() if k != "decode+stats+embed"))
    # the intermediates not named above (the calibration's copies, for one) are part of "report + rest"
    other = {k.split(":", 1)[1]: v for k, v in tm.items() if k.startswith("intermediate:")
             and k.split(":", 1)[1] not in ("image_pass", "pred_probs", "knn", "duplicates")}
    stage["report + rest"] = max(0.0, tm.get("total", wall) - sum(stage.values()))
    out = {
        "n": n, "size": size, "device": device, "embed_image_size": image_size, "threads": torch.get_num_threads(),
        "make_folder_s": t_make, "audit_s": wall, "images_per_s": n / wall, "stages_s": stage,
        "checks_s": check_times, "other_intermediates_s": other,
        "background_s": {k.split(":", 1)[1]: v for k, v in tm.items() if k.startswith("background:")},
        "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "rss_before_audit_bytes": rss_before,
        "peak_rss_children_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        "peak_cuda_bytes": torch.cuda.max_memory_allocated() if device.startswith("cuda") else None,
        "n_issues": int(len(report.issues)), "errors": report.errors,
    }
    if not keep:
        shutil.rmtree(root, ignore_errors=True)
    return out


def _fmt_bytes(b) -> str:
    return "n/a" if b is None else f"{b / 2**20:.0f} MiB"


def _print_result(r: dict) -> None:
    print(f"\n=== {r['n']} images of {r['size']} on {r['device']} (embedder input {r['embed_image_size']} px, "
          f"{r['threads']} torch threads) ===")
    print(f"end to end: {r['audit_s']:.1f} s = {r['images_per_s']:.1f} images/s "
          f"(making the folder took {r['make_folder_s']:.1f} s, not counted)")
    for k, v in r["stages_s"].items():
        print(f"  {k:<22} {v:8.2f} s  {100 * v / r['audit_s']:5.1f}%")
    if r.get("other_intermediates_s"):
        print("    of which: " + ", ".join(f"{k} {v:.2f} s" for k, v in r["other_intermediates_s"].items()))
    if r.get("background_s"):
        print("    on a background thread meanwhile (their own time; above, what the checks waited): "
              + ", ".join(f"{k} {v:.2f} s" for k, v in r["background_s"].items()))
    print("  checks: " + ", ".join(f"{k} {v:.2f} s" for k, v in sorted(r["checks_s"].items(), key=lambda kv: -kv[1])[:5]))
    print(f"peak host memory (max RSS): {_fmt_bytes(r['peak_rss_bytes'])} "
          f"(before audit {_fmt_bytes(r['rss_before_audit_bytes'])}; DataLoader workers' peak "
          f"{_fmt_bytes(r['peak_rss_children_bytes'] or None)})")
    print(f"peak device memory: {_fmt_bytes(r['peak_cuda_bytes'])}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", nargs="+", type=int, default=[200, 400], help="number of images (one run per value)")
    ap.add_argument("--size", default="224x224", help="file size WxH, e.g. 500x375")
    ap.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    ap.add_argument("--image-size", type=int, default=224, help="embedder input size (default 224)")
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--num-workers", type=int, default=None)
    ap.add_argument("--keep", default=None, help="keep the generated folders under this directory")
    ap.add_argument("--json", default=None, help="write the results to this JSON file")
    ap.add_argument("--_child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args._child:  # one size, in its own process, result as JSON on the last stdout line
        res = measure(args.n[0], args.size, args.device, args.image_size, args.batch_size, args.num_workers, args.keep)
        print(json.dumps(res))
        return 0

    results = []
    for n in args.n:
        cmd = [sys.executable, __file__, "--_child", "--n", str(n), "--size", args.size, "--device", args.device,
               "--image-size", str(args.image_size)]
        for flag, val in (("--batch-size", args.batch_size), ("--num-workers", args.num_workers),
                          ("--keep", args.keep)):
            if val is not None:
                cmd += [flag, str(val)]
        print(f"running n={n} size={args.size} device={args.device} ...", file=sys.stderr, flush=True)
        proc = subprocess.run(cmd, capture_output=True, text=True, env=os.environ.copy())
        if proc.returncode != 0:
            print(proc.stderr[-4000:], file=sys.stderr)
            return proc.returncode
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        _print_result(results[-1])  # at once: a run stopped at its time limit keeps the sizes done
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=1))

    if len(results) >= 2:
        a, b = results[0], results[-1]
        slope = (b["peak_rss_bytes"] - a["peak_rss_bytes"]) / max(b["n"] - a["n"], 1)
        print(f"\nmarginal peak host memory: {slope / 1024:.1f} KiB per image "
              f"(between n={a['n']} and n={b['n']}; includes allocator noise)")
        if a["peak_cuda_bytes"] is not None:
            cs = (b["peak_cuda_bytes"] - a["peak_cuda_bytes"]) / max(b["n"] - a["n"], 1)
            print(f"marginal peak device memory: {cs / 1024:.1f} KiB per image")
    return 0


if __name__ == "__main__":
    sys.exit(main())
