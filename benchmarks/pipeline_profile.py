"""Where the device image pass spends its time: each stage of the tensor pipeline timed alone, then
the whole pass serial versus overlapped, then one audit with every timing it records.

The stages of ``compute/_tensor_pass.py`` for one batch of JPEG files: read (thread pool), header
parse (PIL), bytes to tensors, batched decode (nvjpeg on CUDA), stack, small images for the
statistics (on the device), the statistics from them (``finish_stats`` with numpy on one CPU core, then
``finish_stats_torch`` where the tensors are, which the pass uses on a GPU), content hash (on the
device), the model's resize/crop/normalise, the model forward. Each is timed over several batches
after a warm-up (CUDA synchronised), as milliseconds per image and images/s. Then the whole pass.

Run::

    python benchmarks/pipeline_profile.py --device cuda --n 4096 --batch-size 512   # on the GPU machine
    python benchmarks/pipeline_profile.py --device cpu --n 512 --batch-size 128     # here (slow, checks it runs)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def _sync(device: str) -> None:
    import torch

    if device.startswith("cuda"):
        torch.cuda.synchronize()


def stage_profile(paths, embedder, device: str, batch_size: int, batches: int) -> dict:
    import torch
    from torchvision.io import ImageReadMode, decode_jpeg

    from dataquality.compute import _tensor_pass as tp
    from dataquality.data._stats import finish_stats, finish_stats_torch

    pool = ThreadPoolExecutor(8)
    times: dict = {}

    def timed(name, fn):
        _sync(device)
        t = time.perf_counter()
        out = fn()
        _sync(device)
        times[name] = times.get(name, 0.0) + time.perf_counter() - t
        return out

    n_timed = 0
    for b in range(batches + 1):
        chunk = paths[b * batch_size: (b + 1) * batch_size]
        if len(chunk) < batch_size:
            break
        if b == 1:  # batch 0 is the warm-up
            times.clear()
        raw = timed("read (8 threads)", lambda: list(pool.map(tp._read, chunk)))
        timed("header (PIL)", lambda: [tp._header(d) for d, _ in raw])
        datas = timed("bytes to tensors", lambda: [torch.frombuffer(bytearray(d), dtype=torch.uint8) for d, _ in raw])
        dec = timed("decode (batched)", lambda: decode_jpeg(datas, mode=ImageReadMode.RGB, device=device))
        stack = timed("stack", lambda: torch.stack(dec))
        small = timed("small images (device) + copy", lambda: tp._device_small_images(stack)
                      if device.startswith("cuda") else None)
        if small is None:  # CPU: the PIL small images, as group_stats does there
            import numpy as np
            from PIL import Image

            from dataquality.data import small_images

            small = timed("small images (PIL)", lambda: tuple(np.stack(p) for p in zip(*[
                small_images(Image.fromarray(np.ascontiguousarray(t.permute(1, 2, 0).numpy()))) for t in stack])))
        host = tuple(t.cpu().numpy() for t in small) if device.startswith("cuda") else small
        timed("finish_stats (numpy, 1 core)", lambda: finish_stats(*host))
        dev_small = small if device.startswith("cuda") else tuple(torch.from_numpy(a) for a in small)
        timed("finish_stats_torch (device)", lambda: finish_stats_torch(*dev_small))
        if device.startswith("cuda"):
            timed("content hash (device)", lambda: tp._device_content_hashes(stack))
        prepped = timed("preprocess_tensor", lambda: embedder.preprocess_tensor(stack))
        timed("forward", lambda: embedder.forward(prepped, device))
        n_timed += len(chunk) if b >= 1 else 0
    pool.shutdown()
    return {k: (v, n_timed) for k, v in times.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--n", type=int, default=4096)
    ap.add_argument("--size", default="500x375")
    ap.add_argument("--image-size", type=int, default=224)
    ap.add_argument("--batch-size", type=int, default=512)
    ap.add_argument("--batches", type=int, default=4, help="timed batches in the stage profile (after one warm-up)")
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--no-audit", action="store_true", help="skip the audit and its profile")
    args = ap.parse_args(argv)

    import throughput_memory as tm
    import torch

    import dataquality as dq
    from dataquality.compute._imagemap import ImageMapper
    from dataquality.embeddings import get_embedder

    w, h = (int(v) for v in args.size.lower().split("x"))
    root = Path(args.workdir or tempfile.mkdtemp(prefix="dq-prof-"))
    t0 = time.perf_counter()
    if not (root / "labels.csv").exists():
        tm.make_folder(root, args.n, w, h)
    print(f"{args.n} JPEGs of {args.size} in {time.perf_counter() - t0:.1f} s; device {args.device}, "
          f"{os.cpu_count()} CPUs, torch {torch.__version__}", flush=True)
    ds = dq.as_dataset(root / "images")
    emb = get_embedder("efficientnet_lite0", image_size=args.image_size)
    paths = list(ds.paths)

    print(f"\nstages of one batch of {args.batch_size} (mean over {args.batches} batches after a warm-up):")
    prof = stage_profile(paths, emb, args.device, args.batch_size, args.batches)
    for name, (sec, n) in prof.items():
        print(f"  {name:<32} {1000 * sec / max(n, 1):7.3f} ms/image  {n / max(sec, 1e-9):10,.0f} images/s", flush=True)

    print("\nthe whole pass (ImageMapper.map_rows, pipeline='tensor'):")
    m = ImageMapper(ds, emb, device=args.device, batch_size=args.batch_size, pipeline="tensor")
    _sync(args.device)
    t = time.perf_counter()
    m.map_rows(range(len(ds)))
    _sync(args.device)
    dt = time.perf_counter() - t
    print(f"  {dt:6.1f} s  {len(ds) / dt:8,.0f} images/s", flush=True)

    if not args.no_audit:
        t = time.perf_counter()
        report = dq.audit(root, labels=root / "labels.csv", device=args.device, cache_dir=False, progress=False,
                          embedder_settings={"image_size": args.image_size}, batch_size=args.batch_size)
        dt = time.perf_counter() - t
        tms = dict(report.timings)
        print(f"\ndq.audit end to end: {dt:.1f} s = {len(ds) / dt:,.0f} images/s; every timing it records:")
        for k, v in sorted(tms.items(), key=lambda kv: -kv[1]):
            if v >= 0.05:
                print(f"  {k:<40} {v:7.2f} s")
        import cProfile
        import pstats

        print("\nthe same audit under cProfile (main thread; dataquality's functions by cumulative time):")
        prof = cProfile.Profile()
        prof.enable()
        dq.audit(root, labels=root / "labels.csv", device=args.device, cache_dir=False, progress=False,
                 embedder_settings={"image_size": args.image_size}, batch_size=args.batch_size)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats("dataquality", 40)
    return 0


if __name__ == "__main__":
    sys.exit(main())
