"""End-to-end throughput of ``dq.audit`` next to the bare limit, measured in one run on the same files.

A folder of photo-like JPEGs is made on the spot from images that ship offline (see
:func:`photo_images`) with every image issue type planted (``dq.datasets.plant_issues``,
``image_format="jpeg"``). Then, in one process, one after the other:

1. **decode alone**: the files read and decoded the way the audit does (JPEG at the reduced scale
   the model input allows) and resized / cropped / normalised to the model input, in as many
   processes as the audit's plan uses (``dataquality.compute.plan_cpu``);
2. **forward alone**: the embedder's forward pass on random inputs of the model's size, batch
   size as in the audit, both as the audit runs it (one process per core, one torch thread each)
   and as one process with a torch thread per core; the faster one counts;
3. **the audit**, end to end (``dq.audit(folder, labels=...)``, default settings, no cache);
4. forward alone again (the machine is shared: the higher of the two counts);
5. **decode + forward in one pass**: both halves in one loop per process, nothing else (no
   statistics, calibration, probe or checks): on a CPU decoding and the model share the cores, so
   no pipeline beats ``1 / (1/decode + 1/forward)``; this measures what one that only decodes and
   embeds reaches, and the audit's distance from it is the cost of everything else it does.

It prints each rate, the bare limit ``min(decode, forward)`` and the ratio audit / limit, with the
load average at each step. ``--versus`` adds, on the same files: cleanlab's Datalab with the
embedding loop a Datalab user writes (PIL, the model's standard 224 px transform, batches of 64,
torch's default threads; then the same out-of-fold probe) plus CleanVision, their F1 per issue
type against the planted truth next to dataquality's, and the per-image speed ratio.
``--sizes 224 160 128`` measures F1 and time of the audit at several input sizes (how the CPU
default was chosen; use ``--split tune`` for that, ``--split eval`` for reporting).

Run::

    python benchmarks/throughput.py --n 2000 --size 500x375 --versus
    python benchmarks/throughput.py --n 2000 --size 500x375 --split tune --sizes 224 160 128
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

# photo backgrounds (scikit-image's bundled images); the two splits never share one
PHOTOS = {"tune": ("astronaut", "coffee", "rocket", "immunohistochemistry"),
          "eval": ("chelsea", "hubble_deep_field", "retina", "colorwheel")}


def _load(name):
    import skimage.data

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.asarray(getattr(skimage.data, name)(), dtype=np.uint8)


def photo_images(n: int, width: int, height: int, split: str = "eval", seed: int = 0):
    """``n`` photo-like RGB images of ``width x height`` with a class each: a Fashion-MNIST item
    (the *train* split for ``split="tune"``, the *test* split for ``"eval"``) scaled (bicubic) to
    70-98% of the height, light and slightly tinted, with its own shading, at a random spot on a random crop (flipped, rescaled)
    of one of scikit-image's bundled photos (``PHOTOS[split]``, out of focus and darkened to 45%). The item is the class; the
    backgrounds give the files the texture and JPEG size of photos."""
    from PIL import Image, ImageFilter

    import dataquality as dq

    rng = np.random.default_rng(seed)
    items, labels = dq.datasets.load_fashion_mnist("train" if split == "tune" else "test", n=n, image_size=None,
                                                   random_state=seed, as_arrays=True)
    photos = [_load(p) for p in PHOTOS[split]]
    out = []
    for item in items:
        bg = photos[int(rng.integers(len(photos)))]
        ph, pw = bg.shape[:2]
        s = rng.uniform(0.4, 1.0)
        ch, cw = max(32, int(ph * s)), max(32, int(pw * s))
        y0, x0 = int(rng.integers(0, ph - ch + 1)), int(rng.integers(0, pw - cw + 1))
        crop = Image.fromarray(bg[y0: y0 + ch, x0: x0 + cw]).resize((width, height), Image.BILINEAR)
        if rng.random() < 0.5:
            crop = crop.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        side = int(height * rng.uniform(0.7, 0.98))
        gray = Image.fromarray(np.asarray(item)[..., 0]).resize((side, side), Image.BICUBIC)
        shade = np.asarray(gray, dtype=np.float32)[..., None] / 255.0
        alpha = np.clip(shade * 3.0, 0, 1)  # opaque item, its own shading (the texture that tells classes apart)
        colour = rng.uniform(0.8, 1.0, 3) * 255  # light items, slightly tinted
        # the photo out of focus and darker: the item is the subject, as in a product photo
        canvas = np.asarray(crop.filter(ImageFilter.GaussianBlur(3)), dtype=np.float32) * 0.45
        top, left = int(rng.integers(0, height - side + 1)), int(rng.integers(0, width - side + 1))
        patch = canvas[top: top + side, left: left + side]
        canvas[top: top + side, left: left + side] = patch * (1 - alpha) + colour * (0.25 + 0.75 * shade) * alpha
        out.append(np.clip(canvas, 0, 255).astype(np.uint8))
    return out, labels


def make_planted(root: Path, n: int, width: int, height: int, split: str, seed: int):
    import dataquality as dq

    X, y = photo_images(n, width, height, split, seed)
    return dq.datasets.plant_issues(X, y, root, random_state=seed, image_format="jpeg")


def planted_folder(keep: Path | None, n: int, width: int, height: int, split: str, seed: int):
    """The planted folder for these settings under ``keep`` (made once, then reused), or in a new
    temporary folder when ``keep`` is None."""
    root = keep / f"tp-{split}-{n}-{width}x{height}-s{seed}" if keep else Path(tempfile.mkdtemp(prefix="dq-tp-"))
    if keep and root.exists() and (root / "labels.csv").exists():
        import pandas as pd

        from dataquality.datasets import PlantedDataset

        truth = json.loads((root / "truth.json").read_text())
        df = pd.read_csv(root / "labels.csv")
        return PlantedDataset(root, root / "labels.csv", {k: set(v) for k, v in truth.items()},
                              df["path"].tolist(), df["label"].tolist(), [])
    if root.exists():
        shutil.rmtree(root)
    return make_planted(root, n, width, height, split, seed)


# -- the bare limit ---------------------------------------------------------------------------------
def _decode_worker(args):
    """Read and decode ``paths`` and make the model inputs per batch of 32, as the audit's workers do;
    with ``embed``, also run the forward pass on them in the same loop (nothing else: what any pipeline
    that decodes and embeds on the same cores reaches, without statistics, hashes, calibration, probe
    or checks)."""
    paths, embedder, decode_size, embed, barrier = args
    import torch

    from dataquality.data._images import read_image_file

    torch.set_num_threads(1)  # as in the audit's loader workers
    if embed:
        embedder.forward(torch.zeros(2, 3, embedder.image_size, embedder.image_size), "cpu")  # warm up
    barrier.wait()
    t0 = time.perf_counter()
    for s in range(0, len(paths), 32):
        images = [li.image for li in (read_image_file(p, min_size=decode_size) for p in paths[s: s + 32]) if li.ok]
        if images:
            x = embedder.preprocess_batch(images)
            if embed:
                embedder.forward(x, "cpu")
    return t0, time.perf_counter(), len(paths)


def _forward_worker(args):
    embedder, size, batch, n_batches, threads, barrier = args
    import torch

    torch.set_num_threads(threads)
    x = torch.randn(batch, 3, size, size)
    embedder.forward(x, "cpu")  # builds the model and warms up, before the clock
    barrier.wait()
    t0 = time.perf_counter()
    for _ in range(n_batches):
        embedder.forward(x, "cpu")
    return t0, time.perf_counter(), batch * n_batches


def _parallel(fn, jobs):
    """Rate (items/s) of ``jobs`` run at once, one process each, from the common start to the last end."""
    ctx = mp.get_context("fork")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(len(jobs))
        with ctx.Pool(len(jobs)) as pool:
            res = pool.map(fn, [(*job, barrier) for job in jobs])
    start, end = min(r[0] for r in res), max(r[1] for r in res)
    return sum(r[2] for r in res) / (end - start)


def bare_decode_rate(paths, embedder, decode_size, procs: int, embed: bool = False) -> float:
    chunks = [list(paths[k::procs]) for k in range(procs)]
    return _parallel(_decode_worker, [(c, embedder, decode_size, embed) for c in chunks])


def bare_forward_rate(embedder, batch: int, procs: int, threads: int, n_images: int) -> float:
    n_batches = max(2, n_images // (batch * procs))
    return _parallel(_forward_worker, [(embedder, embedder.image_size, batch, n_batches, threads)] * procs)


# -- the reference tools ----------------------------------------------------------------------------
def datalab_loop(paths, image_size: int) -> tuple[np.ndarray, float]:
    """Embeddings the way a Datalab user computes them, and the seconds it took: PIL decode, the
    model's standard transform, batches of 64, plain layout, torch's default threads."""
    import torch
    from PIL import Image

    from dataquality.embeddings import INCEPTION, eval_transform, load_efficientnet_lite0

    model = load_efficientnet_lite0()  # weights loading is not counted for either side
    tf = eval_transform(image_size, INCEPTION.mean, INCEPTION.std, INCEPTION.interpolation)
    t0 = time.perf_counter()
    out = []
    with torch.inference_mode():
        for s in range(0, len(paths), 64):
            batch = torch.stack([tf(Image.open(p).convert("RGB")) for p in paths[s: s + 64]])
            out.append(model(batch).numpy())
    return np.concatenate(out), time.perf_counter() - t0


def run_versus(planted, report, image_sizes, seed: int) -> dict:
    """Datalab (own embedding loop + the same probe) and CleanVision on the same files: times and F1."""
    from cleanlab import Datalab

    from dataquality.compute import out_of_fold_probs

    det = _detection_module()
    truth = {k: set(v) for k, v in planted.truth.items()}
    # Datalab's rows: readable and labelled (it cannot read files; the rest count as not found)
    ok = ~np.isnan(report.pred_probs).any(axis=1)
    rows = np.flatnonzero(ok)
    ids = np.asarray(report.ids, dtype=object)[rows]
    paths = [str(planted.root / i) for i in ids]
    labels = np.asarray([str(report.labels[i]) for i in rows])
    y = np.unique(labels, return_inverse=True)[1]
    out = {"datalab": {}, "f1": {}}
    for size in image_sizes:
        feats, t_embed = datalab_loop(paths, size)
        t0 = time.perf_counter()
        probs = out_of_fold_probs(feats, y, int(y.max()) + 1, random_state=seed)
        t_probe = time.perf_counter() - t0
        import pandas as pd

        t0 = time.perf_counter()
        lab = Datalab(pd.DataFrame({"label": labels}), label_name="label", verbosity=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            lab.find_issues(features=feats, pred_probs=probs,
                            issue_types={"label": {}, "outlier": {}, "near_duplicate": {}})
        t_find = time.perf_counter() - t0
        res = lab.get_issues()
        flagged = {k: set(ids[res[f"is_{k}_issue"].to_numpy(bool)]) for k in ("label", "outlier", "near_duplicate")}
        flagged["exact_duplicate"] = set(flagged["near_duplicate"])
        out["datalab"][size] = {"embed_s": t_embed, "probe_s": t_probe, "find_issues_s": t_find,
                                "total_s": t_embed + t_probe + t_find,
                                "scores": det.score_tool("datalab", flagged, truth,
                                                         {"label", "outlier", "near_duplicate", "exact_duplicate"})}
    cv, t_cv = det.run_cleanvision(planted)
    out["cleanvision"] = {"total_s": t_cv,
                          "scores": det.score_tool("cleanvision", cv, truth, set(det.CLEANVISION_MAP.values()))}
    ours = {k: set(g["id"]) for k, g in report.issues.groupby("issue")}
    out["dataquality_scores"] = det.score_tool("dataquality", ours, truth, set(det.IMAGE_ISSUES))
    return out


def _detection_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("_detection", Path(__file__).with_name("detection.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# -- one run ------------------------------------------------------------------------------------------
def _load_avg() -> str:
    return "/".join(f"{v:.1f}" for v in os.getloadavg())


def _runtime_ready(emb):
    """``emb`` with its CPU runtime chosen as the audit chooses it (ONNX Runtime where installed), and
    the seconds that took: exporting the model is a one-time cost (cached), so it is done and timed
    before the clock and printed apart; the timed audits find the export in this process."""
    from dataquality.compute import Store

    t0 = time.perf_counter()
    ready = emb.for_runtime("cpu", Store(None))
    return ready, time.perf_counter() - t0


def measure(n: int, size: str, split: str, seed: int, image_size, versus: bool, sizes, keep,
            runtime: str = "auto") -> dict:
    import torch

    import dataquality as dq
    from dataquality.compute import plan_cpu
    from dataquality.compute._context import image_decode_size
    from dataquality.embeddings import get_embedder

    w, h = (int(v) for v in size.lower().split("x"))
    t0 = time.perf_counter()
    planted = planted_folder(Path(keep) if keep else None, n, w, h, split, seed)
    root = planted.root
    t_make = time.perf_counter() - t0
    n_files = len(planted.ids)
    paths = [str(root / i) for i in planted.ids]
    settings = {} if image_size is None else {"image_size": image_size}
    if runtime != "auto":
        settings["runtime"] = runtime
    emb, t_export = _runtime_ready(get_embedder("efficientnet_lite0", **settings).for_device("cpu"))
    plan = plan_cpu(n_files, emb, "cpu")
    cores = dq.compute.available_cores()
    batch = 32
    log = {"n_files": n_files, "size": size, "split": split, "seed": seed, "image_size": emb.image_size,
           "plan": {"workers": plan.workers, "embed_in_workers": plan.embed_in_workers}, "cores": cores,
           "make_folder_s": t_make, "runtime": emb.runtime_used, "export_s": t_export, "load": {}}

    log["load"]["start"] = _load_avg()
    log["decode_rate"] = bare_decode_rate(paths, emb, image_decode_size(emb), max(1, plan.workers))
    log["load"]["decode"] = _load_avg()
    n_fwd = 640 if emb.image_size <= 160 else 256
    fwd = {"procs x 1 thread": bare_forward_rate(emb, batch, cores, 1, n_fwd),
           "1 proc x all threads": bare_forward_rate(emb, batch, 1, cores, n_fwd)}
    log["load"]["forward"] = _load_avg()
    log["one_pass_rate"] = bare_decode_rate(paths, emb, image_decode_size(emb), max(1, plan.workers),
                                             embed=True)
    log["load"]["one_pass"] = _load_avg()

    # the libraries the audit imports on first use, imported before the clock (a cold Python process
    # pays this once, whatever it audits; printed apart)
    t0 = time.perf_counter()
    import cleanlab.filter  # noqa: F401
    import sklearn.decomposition  # noqa: F401
    import sklearn.linear_model  # noqa: F401
    import timm  # noqa: F401
    log["imports_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    report = dq.audit(root, labels=planted.labels_csv, cache_dir=False, progress=False,
                      embedder_settings=settings or None, random_state=seed)
    wall = time.perf_counter() - t0
    log["load"]["audit"] = _load_avg()
    fwd2 = bare_forward_rate(emb, batch, cores, 1, n_fwd)
    log["load"]["forward_again"] = _load_avg()
    fwd["procs x 1 thread"] = max(fwd["procs x 1 thread"], fwd2)
    log["forward_rates"] = fwd
    log["forward_rate"] = max(fwd.values())
    log["audit_s"] = wall
    log["audit_rate"] = n_files / wall
    log["limit"] = min(log["decode_rate"], log["forward_rate"])
    log["ratio"] = log["audit_rate"] / log["limit"]
    # decoding and the forward pass share the cores: together they reach at best the harmonic rate
    log["shared_core_limit"] = 1.0 / (1.0 / log["decode_rate"] + 1.0 / log["forward_rate"])
    log["ratio_one_pass"] = log["audit_rate"] / log["one_pass_rate"]
    tm = report.timings
    log["stages_s"] = {"image pass": tm.get("intermediate:image_pass", 0.0),
                       "probe": tm.get("intermediate:pred_probs", 0.0), "knn": tm.get("intermediate:knn", 0.0),
                       **{k: v for k, v in tm.items() if not k.startswith("intermediate:") and k != "total" and v > 0.05}}
    log["torch_threads_main"] = torch.get_num_threads()
    log["errors"] = report.errors
    log["audit_runtime"] = report.config.get("embedder_runtime")
    det = _detection_module()
    truth = {k: set(v) for k, v in planted.truth.items()}
    ours = {k: set(g["id"]) for k, g in report.issues.groupby("issue")}
    log["f1"] = {r["issue"]: r["f1"] for r in det.score_tool("dataquality", ours, truth, set(det.IMAGE_ISSUES))}
    log["probe_accuracy"] = _probe_accuracy(report)

    if sizes:
        log["sizes"] = {}
        for s in sizes:
            size_settings = {**settings, "image_size": s}
            _runtime_ready(get_embedder("efficientnet_lite0", **size_settings))  # the export, before the clock
            t0 = time.perf_counter()
            r = dq.audit(root, labels=planted.labels_csv, cache_dir=False, progress=False,
                         embedder_settings=size_settings, random_state=seed)
            t = time.perf_counter() - t0
            flagged = {k: set(g["id"]) for k, g in r.issues.groupby("issue")}
            f1 = {x["issue"]: x["f1"] for x in det.score_tool("dataquality", flagged, truth, set(det.IMAGE_ISSUES))}
            log["sizes"][s] = {"audit_s": t, "rate": n_files / t, "f1": f1, "load": _load_avg()}
    if versus:
        log["versus"] = run_versus(planted, report, [224] + ([emb.image_size] if emb.image_size != 224 else []),
                                   seed)
        log["load"]["versus"] = _load_avg()
    if not keep:
        shutil.rmtree(root, ignore_errors=True)
    return log


def _probe_accuracy(report) -> float:
    """Out-of-fold accuracy of the probe against the given labels (the label check's raw material)."""
    P = report.pred_probs
    if P is None:
        return float("nan")
    ok = ~np.isnan(P).any(axis=1)
    codes = report.dataset.label_codes
    ok &= codes >= 0
    return float((P[ok].argmax(1) == codes[ok]).mean())


def print_result(r: dict) -> None:
    print(f"\n=== {r['n_files']} JPEG files of {r['size']} ({r['split']} split, seed {r['seed']}), EfficientNet-Lite0 "
          f"at {r['image_size']} px, {r['cores']} cores; plan: {r['plan']['workers']} worker processes, "
          f"model in workers: {r['plan']['embed_in_workers']}; runtime: {r['runtime']} (audit: "
          f"{r.get('audit_runtime')}; export {r['export_s']:.1f} s, once, before the clock) ===")
    print(f"load average (1/5/15 min) at each step: {r['load']}")
    print(f"decode alone (read + decode + resize/crop/normalise), {max(1, r['plan']['workers'])} processes: "
          f"{r['decode_rate']:8.1f} images/s")
    for k, v in r["forward_rates"].items():
        print(f"forward alone, batch 32, {k:<22}: {v:8.1f} images/s")
    print(f"bare limit min(decode, forward):                {r['limit']:8.1f} images/s")
    print(f"audit end to end:                               {r['audit_rate']:8.1f} images/s ({r['audit_s']:.1f} s; "
          f"first imports {r['imports_s']:.1f} s before it, not counted)")
    print(f"ratio audit / bare limit:                       {r['ratio']:8.2f}")
    print(f"decode and forward on the same cores, at best 1/(1/decode + 1/forward): {r['shared_core_limit']:.1f} "
          f"images/s ({r['shared_core_limit'] / r['limit']:.2f} of the bare limit)")
    print(f"decode + forward in one pass, nothing else:     {r['one_pass_rate']:8.1f} images/s "
          f"({r['one_pass_rate'] / r['limit']:.2f} of the bare limit); audit / one pass: {r['ratio_one_pass']:.2f}")
    print("audit stages (s): " + ", ".join(f"{k} {v:.2f}" for k, v in r["stages_s"].items()))
    if r.get("errors"):
        print(f"check errors: {r['errors']}")
    print("dataquality F1: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(r["f1"].items())))
    print(f"probe out-of-fold accuracy: {r['probe_accuracy']:.3f}")
    if "sizes" in r:
        issues = sorted(next(iter(r["sizes"].values()))["f1"])
        print("\ninput size vs F1 and time (same files, one audit each):")
        print(f"{'size':>5} {'s':>7} {'img/s':>7} " + " ".join(f"{i[:12]:>12}" for i in issues))
        for s, v in r["sizes"].items():
            print(f"{s:>5} {v['audit_s']:7.1f} {v['rate']:7.1f} " + " ".join(f"{v['f1'][i]:12.3f}" for i in issues)
                  + f"   load {v['load']}")
    if "versus" in r:
        v = r["versus"]
        print("\nreference tools on the same files:")
        cv = v["cleanvision"]["total_s"]
        for size, d in v["datalab"].items():
            total = d["total_s"] + cv
            print(f"Datalab with its loop at {size} px: embed {d['embed_s']:.1f} s + probe {d['probe_s']:.1f} s + "
                  f"find_issues {d['find_issues_s']:.1f} s; + CleanVision {cv:.1f} s = {total:.1f} s "
                  f"({r['n_files'] / total:.1f} images/s); dataquality {r['audit_s']:.1f} s: "
                  f"speed ratio {total / r['audit_s']:.2f}x")
        rows = {}
        for sc in v["dataquality_scores"]:
            rows.setdefault(sc["issue"], {})["dataquality"] = sc["f1"]
        for size, d in v["datalab"].items():
            for sc in d["scores"]:
                rows.setdefault(sc["issue"], {})[f"datalab@{size}"] = sc["f1"]
        for sc in v["cleanvision"]["scores"]:
            rows.setdefault(sc["issue"], {})["cleanvision"] = sc["f1"]
        cols = ["dataquality", *[f"datalab@{s}" for s in v["datalab"]], "cleanvision"]
        print(f"\n{'F1':<24}" + "".join(f"{c:>14}" for c in cols))
        worse = []
        for issue in sorted(rows):
            vals = rows[issue]
            print(f"{issue:<24}" + "".join(f"{vals[c]:14.3f}" if c in vals else f"{'':>14}" for c in cols))
            others = [vals[c] for c in cols[1:] if c in vals]
            if "dataquality" in vals and others and vals["dataquality"] < max(others):
                worse.append(f"{issue} ({vals['dataquality']:.3f} < {max(others):.3f})")
        print("issue types where dataquality's F1 is below a reference tool's: " + (", ".join(worse) or "none"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="base images (planted files are added)")
    ap.add_argument("--size", default="500x375", help="file size WxH")
    ap.add_argument("--split", choices=["tune", "eval"], default="eval",
                    help="tune: Fashion-MNIST train + one set of photos (for choosing defaults); eval: the test "
                         "split + other photos (for reporting)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--image-size", type=int, default=None, help="embedder input size (default: the library's)")
    ap.add_argument("--sizes", nargs="*", type=int, default=[], help="also audit at these input sizes (F1 vs time)")
    ap.add_argument("--versus", action="store_true", help="also run Datalab (own embedding loop) + CleanVision")
    ap.add_argument("--keep", default=None, help="keep (and reuse) the generated folder under this directory")
    ap.add_argument("--runtime", choices=["auto", "torch", "onnx"], default="auto",
                    help="what runs the model on the CPU, in the audit and in the bare forward (default: the library's)")
    ap.add_argument("--json", default=None, help="write the results to this JSON file")
    args = ap.parse_args(argv)
    res = measure(args.n, args.size, args.split, args.seed, args.image_size, args.versus, args.sizes, args.keep,
                  args.runtime)
    print_result(res)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
