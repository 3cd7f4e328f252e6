"""The label check under two noise models, on tuning data only: uniform flips (a label replaced by any
other class, what ``dq.datasets.plant_issues`` plants) and pair flips (class -> the next class, the
"pair" / asymmetric noise of the noisy-label literature), on sklearn digits (32 px) and Fashion-MNIST
*train* (28 px), at several input sizes.

For each base set, size, noise model and seed, the images are embedded once (kept in memory across
label sets) and the out-of-fold probabilities and neighbour graph computed as the audit does; then the
label check (``checks._label.assess_labels``) runs with its defaults and with one setting changed at a
time, and cleanlab's ``find_label_issues`` with its default filter on the same probabilities (what
Datalab's label issue manager runs). F1 against the flipped examples, per seed and mean.

Run::

    python benchmarks/label_noise_models.py --sizes 64 160 --seeds 0 1 2
"""

from __future__ import annotations

import argparse
import sys
import warnings
from dataclasses import replace

import numpy as np

import dataquality as dq
from dataquality.checks._label import LabelCheck, assess_labels
from dataquality.compute._context import Context

VARIANTS = {
    "default": {},
    "knn_weight=0": {"knn_weight": 0.0},
    "filter=prune_by_noise_rate": {"filter_by": "prune_by_noise_rate"},
    "filter=prune_by_noise_rate, knn=0": {"filter_by": "prune_by_noise_rate", "knn_weight": 0.0},
}


def base_sets(names=("digits", "fashion")):
    from PIL import Image
    from sklearn.datasets import load_digits

    d = load_digits()
    digits = np.stack([np.asarray(Image.fromarray((x / 16 * 255).astype(np.uint8)).resize((32, 32), Image.BILINEAR))
                       for x in d.images])
    Xf, yf = dq.datasets.load_fashion_mnist(n=3000, as_arrays=True)
    out = {"digits": (digits, np.asarray(d.target)), "fashion": (np.asarray(Xf), np.asarray(yf))}
    if "photos_tune" in names:  # blur_tuning.py's tuning photographs (not the evaluation's), 64 px tiles
        from pathlib import Path
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import blur_tuning

        Xp, yp = blur_tuning.load_tuning_tiles(64, 90)
        out["photos_tune"] = (Xp, np.asarray([str(v) for v in yp]))
    return {k: v for k, v in out.items() if k in names}


def noisy(y, model: str, rate: float, seed: int):
    rng = np.random.default_rng(seed)
    classes = np.unique(y)
    flip = rng.choice(len(y), int(round(rate * len(y))), replace=False)
    out = y.copy()
    for i in flip:
        if model == "pair":
            out[i] = classes[(np.searchsorted(classes, y[i]) + 1) % len(classes)]
        else:
            out[i] = rng.choice(classes[classes != y[i]])
    return out, set(flip.tolist())


def f1(flagged: set, truth: set) -> float:
    tp = len(flagged & truth)
    return 0.0 if tp == 0 else 2 * tp / (len(flagged) + len(truth))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", nargs="+", type=int, default=[64, 160])
    ap.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2])
    ap.add_argument("--rate", type=float, default=0.08)
    ap.add_argument("--bases", nargs="+", default=["digits", "fashion"], choices=["digits", "fashion", "photos_tune"])
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    from cleanlab.filter import find_label_issues

    rows = []
    for name, (X, y) in base_sets(args.bases).items():
        keep = dq.as_dataset(list(X))  # holds the embeddings in memory for the label sets below
        for size in args.sizes:
            Context(keep, cache_dir=None, progress=False, embedder_settings={"image_size": size}).get("embeddings")
            for model in ("uniform", "pair"):
                for seed in args.seeds:
                    yn, truth = noisy(y, model, args.rate, seed)
                    ds = dq.as_dataset(list(X), labels=list(yn))
                    ctx = Context(ds, cache_dir=None, progress=False, random_state=seed,
                                  embedder_settings={"image_size": size})
                    P = ctx.get("pred_probs")
                    idx, dist = ctx.get("knn")
                    r = np.flatnonzero(ctx.valid & ctx.labeled & ~np.isnan(P).any(axis=1))
                    for vname, change in VARIANTS.items():
                        res = assess_labels(P, r, ctx.label_codes, ctx.classes, idx, dist, replace(LabelCheck(), **change))
                        rows.append((name, size, model, seed, vname, f1(set(res.indices.tolist()), truth)))
                    codes = ctx.label_codes[r]
                    issues = find_label_issues(codes, P[r], n_jobs=1)
                    rows.append((name, size, model, seed, "cleanlab default (Datalab)",
                                 f1(set(r[issues].tolist()), truth)))
                    print(f"{name} {size}px {model} seed {seed}: " + ", ".join(
                        f"{v} {s:.3f}" for (n_, s_, m_, sd_, v, s) in rows[-len(VARIANTS) - 1:]), flush=True)
    import pandas as pd

    df = pd.DataFrame(rows, columns=["data", "size", "noise", "seed", "variant", "f1"])
    print("\nmean F1 over seeds:")
    print(df.groupby(["noise", "data", "size", "variant"])["f1"].mean().unstack("variant").round(3).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
