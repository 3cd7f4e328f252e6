"""Tuning data for near duplicates of small images: generator C (not generator B).

Base data: the TUNING sets only (sklearn digits at 32 px, Fashion-MNIST train at 28 px). Near copies
of 3% of the images are added, each made by one small geometric edit of the kind generator A lacks
(a shift by 1-2 px, a rotation by 1-4 degrees, a crop of 1-2 px kept at the cropped size or scaled
back), with a mild brightness / contrast change (x0.85-1.15, +-10 levels). Nothing else is planted.
``dq.audit`` runs the duplicate checks only; precision / recall / F1 of ``near_duplicate`` per set,
and its recall per kind of edit.

    PYTHONPATH=. python benchmarks/near_small.py --datasets digits fashion --seeds 0 1 2
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image

import dataquality as dq

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _heldout  # noqa: E402

KINDS = ("shift", "rotate", "crop", "crop_resize")


def edit(a: np.ndarray, kind: str, rng: np.random.Generator) -> np.ndarray:
    im = Image.fromarray(a)
    w, h = im.size
    fill = tuple(int(v) for v in np.median(np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]]), axis=0))
    if kind == "shift":
        dx, dy = (int(v) for v in rng.integers(-2, 3, 2))
        dx = dx or int(rng.choice([-1, 1]))
        out = im.transform((w, h), Image.AFFINE, (1, 0, -dx, 0, 1, -dy), fillcolor=fill)
    elif kind == "rotate":
        out = im.rotate(float(rng.uniform(1, 4) * rng.choice([-1, 1])), Image.BICUBIC, fillcolor=fill)
    else:  # 1 px off one or two sides, or 2 px off one side
        c = np.zeros(4, dtype=int)
        sides = rng.choice(4, int(rng.integers(1, 3)), replace=False)
        c[sides] = 1 if len(sides) == 2 else int(rng.integers(1, 3))
        out = im.crop((int(c[0]), int(c[1]), w - int(c[2]), h - int(c[3])))
        if kind == "crop_resize":
            out = out.resize((w, h), Image.BICUBIC)
    o = np.asarray(out, dtype=np.float32) * rng.uniform(0.85, 1.15) + rng.uniform(-10, 10)
    return np.clip(o + 0.5, 0, 255).astype(np.uint8)


def make(name: str, seed: int, root: Path, rate: float = 0.03):
    X, y = _heldout.load_base(name)
    rng = np.random.default_rng(1000 + seed)
    (root / "images").mkdir(parents=True, exist_ok=True)
    ids, labs = [], []
    for i, a in enumerate(X):
        ids.append(f"images/{i:05d}.png")
        labs.append(y[i])
        Image.fromarray(np.asarray(a, dtype=np.uint8)).save(root / ids[-1])
    truth, kinds = set(), {}
    for k, s in enumerate(rng.choice(len(X), int(rate * len(X)), replace=False)):
        kind = KINDS[k % len(KINDS)]
        p = f"images/{len(X) + k:05d}.png"
        Image.fromarray(edit(np.asarray(X[s], dtype=np.uint8), kind, rng)).save(root / p)
        ids.append(p)
        labs.append(y[s])
        truth |= {p, ids[s]}
        kinds[p] = kind
        kinds.setdefault(ids[s], kind)
    pd.DataFrame({"path": ids, "label": labs}).to_csv(root / "labels.csv", index=False)
    return truth, kinds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", nargs="+", default=list(_heldout.TUNING))
    ap.add_argument("--seeds", nargs="+", type=int, default=[0])
    ap.add_argument("--cache-dir", default=None)
    args = ap.parse_args(argv)
    if set(args.datasets) - set(_heldout.TUNING):
        raise SystemExit("generator C is for the tuning sets only")
    rows = []
    out = Path(tempfile.mkdtemp(prefix="dq-near-small-"))
    try:
        for seed in args.seeds:
            for name in args.datasets:
                root = out / f"{name}-{seed}"
                truth, kinds = make(name, seed, root)
                report = dq.audit(root, labels=root / "labels.csv", embedder_settings={"image_size": 64},
                                  checks=["exact_duplicate", "near_duplicate"], progress=False, random_state=seed,
                                  cache_dir=args.cache_dir or False)
                flagged = set(report.issues.loc[report.issues.issue == "near_duplicate", "id"])
                tp = len(flagged & truth)
                p, r = tp / max(len(flagged), 1), tp / max(len(truth), 1)
                c = report.findings["near_duplicate"].get("calibration", {})
                by_kind = {k: np.mean([i in flagged for i in truth if kinds[i] == k]) for k in KINDS}
                rows.append({"dataset": name, "seed": seed, "flagged": len(flagged), "precision": p, "recall": r,
                             "f1": 2 * p * r / max(p + r, 1e-12), **{f"recall_{k}": v for k, v in by_kind.items()},
                             "emb_t": c.get("threshold"), "hash_b": c.get("hash_threshold"),
                             "ratio_t": c.get("ratio_threshold"),
                             "spec_t": c.get("spectrum_threshold"), "est_p": c.get("estimated_precision"),
                             "est_r": c.get("estimated_recall"),
                             "dup_s": report.timings.get("intermediate:duplicates"),
                             "spec_s": report.timings.get("intermediate:spectrum_knn"), "audit_s": sum(
                                 v for k, v in report.timings.items() if k.startswith("intermediate:"))})
                print(pd.DataFrame(rows[-1:]).round(4).to_string(index=False), flush=True)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(pd.DataFrame(rows).round(4).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
