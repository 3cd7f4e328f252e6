"""Scale benchmark: audit precomputed embeddings at 100k and 1M rows on this machine.

Two generators, kept apart (defaults are tuned on one and reported on the other):

- ``tune``: 2,000 Zipf-sized Gaussian clusters in a 64-d latent space, mapped to 256-d plus
  noise, with planted near-duplicate pairs. Used only to choose the faiss ``nprobe`` default and
  the size where ``neighbors="auto"`` leaves exact search (``--tune``).
- ``eval``: 100 classes of 3 modes each (Zipf-ish class sizes) in a 32-d latent space, mapped to
  256-d plus noise; planted exact duplicates (0.3%), near duplicates (0.3%, relative noise 1-5%),
  outliers (0.1%: other directions) and 10% label flips. Every number reported comes from it.

Commands (each prints its table; ``docs/benchmarks.md`` records the output):

    python benchmarks/scale.py --tune                      # nprobe sweep and exact-vs-faiss timing
    python benchmarks/scale.py --n 100000 --compare        # faiss vs exact at 100k (+ full vs sampled probe)
    python benchmarks/scale.py --n 1000000                 # the 1M audit: stages, peak memory, F1

Each audit runs in a fresh process so that its peak resident memory (``ru_maxrss``) is its own.
Data files go under ``--workdir`` (default a temporary folder); nothing is committed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

D = 256


# -- generators ---------------------------------------------------------------------------------
def make_eval(n: int, seed: int = 0, classes: int = 100, d: int = D, chunk: int = 200_000):
    """(float16 N x d vectors, noisy labels, truth dict of planted rows)."""
    rng = np.random.default_rng(seed)
    latent = 32
    centers = rng.normal(size=(classes, latent))
    modes = centers[:, None, :] + 0.6 * rng.normal(size=(classes, 3, latent))
    p = 1.0 / np.arange(1, classes + 1) ** 0.5
    y = rng.choice(classes, n, p=p / p.sum())
    m = rng.integers(0, 3, n)
    A = rng.normal(size=(latent, d)) / np.sqrt(latent)
    X = np.empty((n, d), dtype=np.float16)
    for s in range(0, n, chunk):
        e = min(n, s + chunk)
        Z = modes[y[s:e], m[s:e]] + 0.55 * rng.normal(size=(e - s, latent))
        X[s:e] = (Z @ A + 0.15 * rng.normal(size=(e - s, d))).astype(np.float16)
    perm = rng.permutation(n)
    k_dup, k_out = int(0.003 * n), int(0.001 * n)
    exact_t, exact_s = perm[:k_dup], perm[k_dup: 2 * k_dup]
    near_t, near_s = perm[2 * k_dup: 3 * k_dup], perm[3 * k_dup: 4 * k_dup]
    out_rows = perm[4 * k_dup: 4 * k_dup + k_out]
    rest = perm[4 * k_dup + k_out:]
    X[exact_t] = X[exact_s]
    y[exact_t] = y[exact_s]
    src = X[near_s].astype(np.float32)
    rel = rng.uniform(0.01, 0.05, size=(len(near_s), 1))
    noise = rng.normal(size=src.shape) * rel * np.linalg.norm(src, axis=1, keepdims=True) / np.sqrt(d)
    X[near_t] = (src + noise).astype(np.float16)
    y[near_t] = y[near_s]
    typical = float(np.median(np.linalg.norm(X[rest[:1000]].astype(np.float32), axis=1)))
    far = rng.normal(size=(k_out, d))
    X[out_rows] = (far / np.linalg.norm(far, axis=1, keepdims=True) * typical).astype(np.float16)
    labels = y.copy()
    flip = rng.choice(rest, int(0.10 * n), replace=False)  # never a planted duplicate's source
    labels[flip] = (y[flip] + rng.integers(1, classes, len(flip))) % classes
    truth = {"label": flip, "exact_duplicate": np.concatenate([exact_t, exact_s]),
             "near_duplicate": np.concatenate([near_t, near_s]), "outlier": out_rows,
             "near_pairs": np.stack([near_s, near_t], 1)}
    return X, labels, truth


def make_tune(n: int, seed: int = 1, clusters: int = 2000, d: int = D, chunk: int = 200_000):
    """(float16 vectors, near-duplicate pairs): the tuning set, unlike the evaluation set in every part."""
    rng = np.random.default_rng(seed)
    latent = 64
    sizes = 1.0 / np.arange(1, clusters + 1) ** 1.1
    c = rng.choice(clusters, n, p=sizes / sizes.sum())
    centers = rng.normal(size=(clusters, latent)) * 2.0
    A = rng.normal(size=(latent, d))
    X = np.empty((n, d), dtype=np.float16)
    for s in range(0, n, chunk):
        e = min(n, s + chunk)
        Z = centers[c[s:e]] + rng.normal(size=(e - s, latent))
        B = Z @ A + rng.normal(size=(e - s, d)) * 2.0
        X[s:e] = (B / np.linalg.norm(B, axis=1, keepdims=True)).astype(np.float16)
    k = max(10, n // 100)
    src, tgt = rng.choice(n, (2, k), replace=False)
    X[tgt] = (X[src].astype(np.float32) + rng.normal(size=(k, d)) * 0.002).astype(np.float16)
    return X, np.stack([src, tgt], 1)


# -- measures -----------------------------------------------------------------------------------
def f1(flagged: set, truth: set) -> tuple[float, float, float]:
    tp = len(flagged & truth)
    p = tp / max(len(flagged), 1)
    r = tp / max(len(truth), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def recall_at_k(approx: np.ndarray, exact: np.ndarray) -> float:
    hits = [len(set(a[a >= 0]) & set(b)) / len(b) for a, b in zip(approx, exact)]
    return float(np.mean(hits))


def exact_truth(X, q, k: int = 10) -> np.ndarray:
    """Exact top-k of the query rows ``q`` among all rows, themselves excluded."""
    from dataquality.compute import ExactIndex
    from dataquality.compute._neighbors import drop_self

    i, d = ExactIndex().search(X, k + 1, queries=X[q], exclude_self=False)
    return drop_self(i, d, q, k)[0]


def pair_recall(idx: np.ndarray, pairs: np.ndarray) -> float:
    a, b = pairs[:, 0], pairs[:, 1]
    found = (idx[a] == b[:, None]).any(1) | (idx[b] == a[:, None]).any(1)
    return float(found.mean())


def load_avg() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


# -- the audit in its own process ------------------------------------------------------------------
def audit_worker(args):
    """Run one audit on the saved data; print a JSON line with timings, peak memory and F1."""
    import dataquality as dq

    X = np.load(args.data, mmap_mode="r")
    meta = np.load(args.data.replace(".npy", "-meta.npz"))
    labels = meta["labels"]
    neighbors = {"auto": "auto", "exact": "exact", "faiss": dq.FaissIndex()}[args.neighbors]
    start = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = start.ru_utime + start.ru_stime
    t0 = time.perf_counter()
    report = dq.audit(X, labels=labels, kind="embeddings", neighbors=neighbors, progress=False, cache_dir=False,
                      probe_max_train_rows=None if args.full_probe else 50_000)
    wall = time.perf_counter() - t0
    use = resource.getrusage(resource.RUSAGE_SELF)
    out = {"n": int(len(X)), "wall_s": wall, "peak_rss_gb": use.ru_maxrss / 2 ** 20,
           "cpu_s": use.ru_utime + use.ru_stime - cpu0, "load": load_avg(),
           "timings": {k: float(v) for k, v in report.timings.items()}, "scores": report.scores,
           "neighbors": report.config.get("neighbors"), "f1": {}}
    for issue in ("label", "exact_duplicate", "near_duplicate", "outlier"):
        flagged = set(report.issues.loc[report.issues["issue"] == issue, "index"].tolist())
        out["f1"][issue] = f1(flagged, set(meta[issue].tolist()))
    if args.save_knn:
        from dataquality.compute import Context

        ctx = Context(dq.as_dataset(X, kind="embeddings"), neighbors=neighbors, cache_dir=False, progress=False)
        np.save(args.save_knn, ctx.get("knn")[0])
    print("RESULT " + json.dumps(out))


def run_audit(path: str, neighbors: str, full_probe: bool = False, save_knn: str | None = None) -> dict:
    cmd = [sys.executable, __file__, "--worker", "--data", path, "--neighbors", neighbors]
    if full_probe:
        cmd.append("--full-probe")
    if save_knn:
        cmd += ["--save-knn", save_knn]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if proc.returncode or not line:
        raise SystemExit(f"audit worker failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(line[-1][7:])


def save_eval(n: int, workdir: Path, seed: int = 0) -> str:
    path = workdir / f"eval-{n}-{seed}.npy"
    if not path.exists():
        X, labels, truth = make_eval(n, seed)
        np.save(path, X)
        np.savez(str(path).replace(".npy", "-meta.npz"), labels=labels, **truth)
    return str(path)


STAGES = ("valid", "content_keys", "knn", "pred_probs", "pred_probs_refit", "duplicates", "label", "outlier", "near_duplicate",
          "exact_duplicate", "conflicting_labels", "missing_value", "missing_label")


def print_run(title: str, r: dict) -> None:
    tm = r["timings"]
    print(f"\n{title}: n={r['n']:,}  wall {r['wall_s']:.1f} s  CPU {r['cpu_s']:.0f} s ({os.cpu_count()} cores: "
          f"{r['cpu_s'] / max(r['wall_s'], 1e-9):.2f} busy)  peak RSS {r['peak_rss_gb']:.2f} GB  "
          f"load during the run {r['load']}\n  index {r['neighbors']}")
    rows = []
    for s in STAGES:
        v = tm.get(f"intermediate:{s}", tm.get(s))
        if v is not None:
            rows.append((s, v))
    other = r["wall_s"] - sum(v for _, v in rows)
    for s, v in rows + [("everything else (fingerprint, report, findings)", other)]:
        print(f"  {s:<48} {v:8.1f} s")
    for issue, (p, rc, f) in r["f1"].items():
        print(f"  F1 {issue:<16} {f:.3f}  (precision {p:.3f}, recall {rc:.3f})")


# -- commands -------------------------------------------------------------------------------------
def cmd_tune(args):
    """Choose nprobe (recall@10 >= 0.95 at the lowest cost) and time exact vs faiss by size."""
    from dataquality.compute import ExactIndex, FaissIndex

    print(f"tuning generator, load {load_avg()}")
    X, pairs = make_tune(100_000)
    q = np.random.default_rng(0).choice(len(X), 2000, replace=False)
    truth = exact_truth(X, q)
    print("  nprobe  recall@10  pair recall  search-all s")
    for nprobe in (8, 16, 24, 32, 48):
        t0 = time.perf_counter()
        idx, _ = FaissIndex(nprobe=nprobe).search(X, 10)
        dt = time.perf_counter() - t0
        rec = recall_at_k(idx[q], truth)
        print(f"  {nprobe:6d}  {rec:9.3f}  {pair_recall(idx, pairs):11.3f}  {dt:12.1f}")
    print("\n  rows    exact s   faiss s   (self-search, k=10)")
    for n in args.sizes:
        Xn, _ = make_tune(n, seed=2)
        t0 = time.perf_counter()
        ExactIndex().search(Xn, 10)
        te = time.perf_counter() - t0
        t0 = time.perf_counter()
        FaissIndex().search(Xn, 10)
        tf = time.perf_counter() - t0
        print(f"  {n:7d}  {te:8.1f}  {tf:8.1f}")


def cmd_compare(args, workdir: Path):
    path = save_eval(args.n, workdir)
    meta = np.load(path.replace(".npy", "-meta.npz"))
    print(f"evaluation generator, n={args.n:,}, load {load_avg()}")
    exact = run_audit(path, "exact")
    approx = run_audit(path, "faiss", save_knn=str(workdir / "knn-faiss.npy"))
    print_run("exact neighbours", exact)
    print_run("faiss neighbours", approx)
    X = np.load(path, mmap_mode="r")
    q = np.random.default_rng(0).choice(len(X), 2000, replace=False)
    fi = np.load(workdir / "knn-faiss.npy")
    rec = recall_at_k(fi[q], exact_truth(X, q))
    pr = pair_recall(fi, meta["near_pairs"])
    dl = abs(exact["f1"]["label"][2] - approx["f1"]["label"][2])
    print(f"\nfaiss vs exact: recall@10 {rec:.4f} on 2,000 random rows (target >= 0.95), near-duplicate pair recall {pr:.4f} "
          f"(>= 0.99), label F1 {approx['f1']['label'][2]:.4f} vs {exact['f1']['label'][2]:.4f} "
          f"(difference {dl:.4f}, target <= 0.01)")
    if args.full_probe:
        full = run_audit(path, "faiss", full_probe=True)
        print_run("faiss neighbours, probe fitted on every row", full)
        print(f"\nsampled probe (50,000 rows per fold) vs every row: label F1 {approx['f1']['label'][2]:.4f} vs "
              f"{full['f1']['label'][2]:.4f}; probe time {approx['timings'].get('intermediate:pred_probs', 0):.0f} s "
              f"vs {full['timings'].get('intermediate:pred_probs', 0):.0f} s")


def cmd_run(args, workdir: Path):
    path = save_eval(args.n, workdir)
    print(f"evaluation generator, n={args.n:,}, load {load_avg()}")
    r = run_audit(path, args.neighbors)
    print_run("dq.audit(E, labels=y, kind='embeddings')", r)
    ok_time, ok_mem = r["wall_s"] <= 15 * 60, r["peak_rss_gb"] <= 8
    print(f"\ntargets at 1M: <= 15 min ({'met' if ok_time else 'MISSED'}), <= 8 GB ({'met' if ok_mem else 'MISSED'})")
    bpe = r["peak_rss_gb"] * 2 ** 30 / r["n"]
    print(f"peak bytes per example (all of it, data included): {bpe:,.0f}")


def _nbytes(v, seen: set) -> int:
    """Bytes held by an intermediate: arrays, frames (deep), tuples and dataclasses of them; an object
    shared by two intermediates (the image pass's embeddings are the embeddings) counts once."""
    import dataclasses

    import pandas as pd

    if id(v) in seen:
        return 0
    seen.add(id(v))
    if isinstance(v, np.ndarray):
        return v.nbytes + (sum(sys.getsizeof(x) for x in v) if v.dtype == object else 0)
    if isinstance(v, pd.DataFrame):
        return int(v.memory_usage(deep=True).sum())
    if isinstance(v, (tuple, list)):
        return sum(_nbytes(x, seen) for x in v)
    if dataclasses.is_dataclass(v):
        return sum(_nbytes(getattr(v, f.name), seen) for f in dataclasses.fields(v))
    return 0


def cmd_driver_bytes(args, workdir: Path):
    """What the driver holds per image after an audit: every intermediate and the dataset itself."""
    import dataquality as dq
    from dataquality.audit._audit import _select_checks
    from dataquality.compute import Context

    X, y = dq.datasets.load_digits(image_size=32, as_arrays=True)
    planted = dq.datasets.plant_issues(X, y, workdir / "digits", overwrite=True)
    ds = dq.as_dataset(planted.root, labels=planted.labels_csv)
    ctx = Context(ds, embedder="efficientnet_lite0", embedder_settings={"image_size": 64}, cache_dir=False,
                  progress=False)
    checks, _ = _select_checks(None, ds.modality, True, False)
    ctx.prepare(set().union(*(c.requires for c in checks)))
    for c in checks:
        c.run(ctx)
    n = len(ds)
    seen: set = set()
    order = ["embeddings", "image_stats"] + [k for k in ctx._values if k not in ("embeddings", "image_stats")]
    rows = {name: _nbytes(ctx._values[name], seen) / n for name in order if name in ctx._values}
    rows = {k: v for k, v in rows.items() if v}
    rows["dataset: ids"] = sum(sys.getsizeof(i) + 8 for i in ds.ids) / n
    rows["dataset: paths"] = sum(sys.getsizeof(str(p)) + 8 for p in ds.paths) / n
    rows["dataset: labels"] = (ds.labels.nbytes + sum(sys.getsizeof(v) for v in ds.labels if v is not None)) / n
    print(f"driver bytes per image after an audit of {n:,} images (EfficientNet-Lite0, 1280-d, 10 classes):")
    for k, v in sorted(rows.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<28} {v:10,.0f}")
    print(f"  {'total':<28} {sum(rows.values()):10,.0f}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--neighbors", default="auto", choices=["auto", "exact", "faiss"])
    ap.add_argument("--compare", action="store_true", help="faiss vs exact at --n")
    ap.add_argument("--full-probe", action="store_true", help="with --compare: also fit the probe on every row")
    ap.add_argument("--tune", action="store_true", help="nprobe sweep and exact/faiss timing on the tuning set")
    ap.add_argument("--driver-bytes", action="store_true", help="what the driver holds per image after an audit")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 25_000, 50_000])
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    ap.add_argument("--save-knn", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return audit_worker(args)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="dq-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.tune:
        return cmd_tune(args)
    if args.driver_bytes:
        return cmd_driver_bytes(args, workdir)
    if args.compare:
        return cmd_compare(args, workdir)
    return cmd_run(args, workdir)


if __name__ == "__main__":
    main()
