"""Where can the label check be trusted? Planted label noise against the probe's strength and class size.

Confident learning flags an example when an out-of-fold model disagrees with its label with
enough confidence. When that model is barely better than chance, or has seen almost nothing
of a class, the disagreements are mostly the model's own errors, not label errors. This script
measures where that happens, so the label check can say so (``min_probe_skill``,
``low_probe_skill``, ``min_class_size`` in ``dataquality/checks/_label.py``):

* calibration (sets the limits): sklearn digits (64 pixel features) with Gaussian noise added
  to the features, and Gaussian mixtures (K = 2, 5, 10 classes, 32 dimensions) of decreasing
  separation; 5 %, 10 % and 20 % of labels flipped; seeds 0 and 1;
* validation (data the limits were not chosen on): Fashion-MNIST pixels (2,000 images, the
  Debian package's files), and the tables wine, breast-cancer and iris (with the tabular probe
  the audit uses), each at its own strength and with noise added to the features;
* class size: digits with 1, 2, 3, 5, 10 and 20 examples per class, clean and with 10 % flips.

Each run computes out-of-fold probabilities and the kNN graph as the audit does, then runs the
label check itself (``assess_labels``) with the probe limit switched off, and records the
probe's skill = (out-of-fold accuracy - chance) / (1 - chance) against the *given* labels,
and the precision / recall / F1 of the flags against the planted flips.

Run::

    python benchmarks/label_trust.py            # everything, ~3 min on 2 CPU cores
    python benchmarks/label_trust.py --quick    # a smoke run
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dataquality.checks._label import LabelCheck, assess_labels  # noqa: E402
from dataquality.compute import knn_cosine, out_of_fold_probs  # noqa: E402


def flip(y: np.ndarray, rate: float, rng) -> tuple[np.ndarray, np.ndarray]:
    k = int(y.max()) + 1
    pos = rng.choice(len(y), int(round(rate * len(y))), replace=False)
    noisy = y.copy()
    noisy[pos] = (y[pos] + rng.integers(1, k, len(pos))) % k
    return noisy, pos


def run_once(X, y_noisy, planted, *, tabular=None, min_class_size=5, seed=0) -> dict:
    k = int(y_noisy.max()) + 1
    if tabular is not None:
        from dataquality.compute._modality_probes import tabular_out_of_fold_probs

        P = tabular_out_of_fold_probs(tabular, y_noisy, k, random_state=seed)
        from dataquality.embeddings import encode_table

        E = encode_table(tabular)
    else:
        # PCA width capped by the number of examples (tiny class-size runs have fewer rows than 32)
        P = out_of_fold_probs(X, y_noisy, k, random_state=seed, max_dim=int(np.clip(len(y_noisy) // 16, 32, 128))
                              if len(y_noisy) > 64 else max(2, len(y_noisy) // 2))
        E = X
    idx, dist = knn_cosine(np.asarray(E, dtype=np.float32), min(10, len(y_noisy) - 1))
    settings = replace(LabelCheck(), min_probe_skill=-np.inf, low_probe_skill=-np.inf, min_class_size=min_class_size)
    res = assess_labels(P, np.arange(len(y_noisy)), y_noisy, list(range(k)), idx, dist, settings)
    probe = res.findings.get("probe", {})
    flagged = set(res.indices.tolist())
    truth = set(np.asarray(planted).tolist())
    tp = len(flagged & truth)
    prec = tp / len(flagged) if flagged else float("nan")
    rec = tp / len(truth) if truth else float("nan")
    f1 = 2 * prec * rec / (prec + rec) if flagged and truth and (prec + rec) > 0 else 0.0
    acc, chance = probe.get("out_of_fold_accuracy"), probe.get("chance_accuracy")
    argmax_skill = (acc - chance) / (1 - chance) if acc is not None and chance is not None and chance < 1 else None
    return {"n": len(y_noisy), "classes": k, "accuracy": acc, "adjusted_accuracy": probe.get("threshold_adjusted_accuracy"),
            "chance": chance, "skill": probe.get("skill"), "argmax_skill": argmax_skill, "flagged": len(flagged),
            "planted": len(truth), "precision": prec, "recall": rec, "f1": f1,
            "false_flags": len(flagged - truth), "measured": res.measured}


def digits():
    from sklearn.datasets import load_digits

    d = load_digits()
    X = d.data / 16.0
    return (X - X.mean(0)) / (X.std(0) + 1e-6), d.target.astype(int)


def mixture(k, sep, n_per, dim, rng):
    means = rng.normal(size=(k, dim))
    means /= np.linalg.norm(means, axis=1, keepdims=True)
    y = np.repeat(np.arange(k), n_per)
    X = means[y] * sep + rng.normal(size=(len(y), dim))
    return X, y


def calibration(seeds, quick) -> pd.DataFrame:
    rows = []
    X0, y0 = digits()
    sigmas = (0, 1, 2, 3, 4, 6, 8) if not quick else (0, 3, 8)
    rates = (0.05, 0.1, 0.2) if not quick else (0.1,)
    for seed in seeds:
        rng = np.random.default_rng(seed)
        for sigma in sigmas:
            X = X0 + sigma * rng.normal(size=X0.shape)
            for rate in rates:
                y, pos = flip(y0, rate, rng)
                rows.append({"data": "digits", "setting": f"feature noise {sigma}", "noise_rate": rate, "seed": seed,
                             **run_once(X, y, pos, seed=seed)})
        for k in ((2, 5, 10) if not quick else (5,)):
            for sep in ((0.5, 1, 1.5, 2, 3, 4) if not quick else (1, 3)):
                X, y0m = mixture(k, sep, 1000 // k, 32, rng)
                for rate in rates:
                    y, pos = flip(y0m, rate, rng)
                    rows.append({"data": f"mixture K={k}", "setting": f"separation {sep}", "noise_rate": rate,
                                 "seed": seed, **run_once(X, y, pos, seed=seed)})
    return pd.DataFrame(rows)


def fashion(n, rng):
    from dataquality.datasets import load_fashion_mnist

    X, names = load_fashion_mnist("train", n=n, image_size=28, random_state=0, as_arrays=True)
    X = X[..., 0].reshape(len(X), -1).astype(np.float32) / 255.0
    codes = pd.Categorical(names).codes.astype(int)
    return (X - X.mean(0)) / (X.std(0) + 1e-6), codes


def validation(seeds, quick) -> pd.DataFrame:
    from sklearn import datasets as skd

    rows = []
    tables = {"wine": skd.load_wine(as_frame=True), "breast-cancer": skd.load_breast_cancer(as_frame=True),
              "iris": skd.load_iris(as_frame=True)}
    for seed in seeds:
        rng = np.random.default_rng(100 + seed)
        try:
            Xf, yf = fashion(600 if quick else 2000, rng)
            for sigma in ((0, 3, 6) if quick else (0, 2, 4, 6, 10)):
                X = Xf + sigma * rng.normal(size=Xf.shape)
                y, pos = flip(yf, 0.1, rng)
                rows.append({"data": "fashion-mnist pixels", "setting": f"feature noise {sigma}", "noise_rate": 0.1,
                             "seed": seed, **run_once(X, y, pos, seed=seed)})
        except Exception as exc:  # the Debian package is absent
            print(f"fashion-mnist skipped: {exc}", file=sys.stderr)
        for name, bunch in tables.items():
            df = bunch.data.reset_index(drop=True)
            y0 = bunch.target.to_numpy().astype(int)
            sd = df.std().to_numpy()
            for sigma in ((0, 2) if quick else (0, 0.5, 1, 2, 4)):
                noisy_df = df + sigma * sd * rng.normal(size=df.shape)
                y, pos = flip(y0, 0.1, rng)
                rows.append({"data": name, "setting": f"feature noise {sigma} sd", "noise_rate": 0.1, "seed": seed,
                             **run_once(None, y, pos, tabular=noisy_df, seed=seed)})
    return pd.DataFrame(rows)


def uneven(seeds, quick) -> pd.DataFrame:
    """Small collections with uneven classes (what the threshold-adjusted accuracy is for): digits with
    feature noise and Gaussian mixtures (K = 5, 10; 32 dimensions, and 1,280 like an image embedding, where
    the probe's penalty is 20x stronger), cut to about 400 examples with log-normal class sizes (at least
    10 per class), 5 % and 10 % flipped."""
    rows = []
    X0, y0 = digits()
    for seed in seeds:
        rng = np.random.default_rng(300 + seed)
        bases = [("digits", f"feature noise {s}", X0 + s * rng.normal(size=X0.shape), y0)
                 for s in ((0, 4) if quick else (0, 2, 4, 6))]
        bases += [(f"mixture K={k}", f"separation {sep}, {dim} dims", *mixture(k, sep, 2000 // k, dim, rng))
                  for k in (5, 10) for dim in (32, 1280) for sep in ((1, 3) if quick else (1, 1.5, 2, 3))]
        for name, setting, X, y in bases:
            k = int(y.max()) + 1
            w = rng.lognormal(0, 1.0, k)
            want = np.maximum(10, np.round(400 * w / w.sum())).astype(int)
            pick = np.concatenate([rng.choice(np.flatnonzero(y == c), min(want[c], int((y == c).sum())), replace=False)
                                   for c in range(k)])
            for rate in (0.05, 0.1):
                yn, pos = flip(y[pick], rate, rng)
                rows.append({"data": name, "setting": setting, "noise_rate": rate, "seed": seed,
                             **run_once(X[pick], yn, pos, seed=seed)})
    return pd.DataFrame(rows)


def class_size(seeds, quick) -> pd.DataFrame:
    """Digits (where ``min_class_size`` was chosen) and Fashion-MNIST pixels (where it was checked)."""
    rows = []
    sets = {"digits": digits()}
    try:
        sets["fashion-mnist pixels"] = fashion(2000, None)
    except Exception as exc:  # the Debian package is absent
        print(f"fashion-mnist skipped: {exc}", file=sys.stderr)
    for name, (X0, y0) in sets.items():
        for seed in seeds:
            rng = np.random.default_rng(200 + seed)
            for per in ((1, 2, 5, 20) if quick else (1, 2, 3, 5, 10, 20, 40)):
                pick = np.concatenate([rng.choice(np.flatnonzero(y0 == c), per, replace=False) for c in range(10)])
                X, y = X0[pick], y0[pick]
                for rate in (0.0, 0.1):
                    yn, pos = flip(y, rate, rng) if rate else (y.copy(), np.array([], dtype=int))
                    rows.append({"data": name, "per_class": per, "noise_rate": rate, "seed": seed,
                                 **run_once(X, yn, pos, min_class_size=1, seed=seed)})
    return pd.DataFrame(rows)


def bands(df: pd.DataFrame, column: str = "skill") -> pd.DataFrame:
    edges = [-1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01]
    b = pd.cut(df[column], edges)
    g = df.groupby(b, observed=True)
    return pd.DataFrame({"runs": g.size(), "precision": g["precision"].mean().round(3),
                         "recall": g["recall"].mean().round(3), "f1": g["f1"].mean().round(3),
                         "flagged/planted": (g["flagged"].sum() / g["planted"].sum()).round(2)})


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", type=Path, default=None, help="write the raw rows as JSON here")
    ap.add_argument("--parts", nargs="+", default=["skill", "class_size"], choices=["skill", "class_size", "uneven"])
    args = ap.parse_args(argv)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    cal = val = cs = un = pd.DataFrame()
    if "skill" in args.parts:
        cal = calibration(args.seeds, args.quick)
        print("CALIBRATION (digits with feature noise, Gaussian mixtures): by probe skill\n", bands(cal), "\n")
        print("CALIBRATION by the plain argmax skill (before the threshold-adjusted accuracy)\n",
              bands(cal, "argmax_skill"), "\n")
        val = validation(args.seeds, args.quick)
        print("VALIDATION (Fashion-MNIST pixels, wine, breast-cancer, iris): by probe skill\n", bands(val), "\n")
        print("VALIDATION by the plain argmax skill\n", bands(val, "argmax_skill"), "\n")
        print("VALIDATION per data set\n", val.groupby(["data", "setting"], sort=False)[
            ["skill", "precision", "recall", "f1"]].mean().round(3), "\n")
    if "uneven" in args.parts:
        un = uneven(args.seeds, args.quick)
        print("UNEVEN CLASSES (about 400 examples, log-normal class sizes): by probe skill\n", bands(un), "\n")
        print("UNEVEN CLASSES by the plain argmax skill\n", bands(un, "argmax_skill"), "\n")
    if "class_size" in args.parts:
        cs = class_size(args.seeds, args.quick)
        print("CLASS SIZE (no per-class limit; false_flags on clean data = flags on correct labels)\n",
              cs.groupby(["data", "per_class", "noise_rate"], sort=False)[
                  ["skill", "flagged", "planted", "false_flags", "precision", "recall"]].mean().round(3))
    if args.out:
        args.out.write_text(json.dumps({"calibration": cal.to_dict("records"), "validation": val.to_dict("records"),
                                        "class_size": cs.to_dict("records"),
                                        "uneven": un.to_dict("records")}, default=float, indent=1))


if __name__ == "__main__":
    main()
