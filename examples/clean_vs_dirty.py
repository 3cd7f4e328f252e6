"""Clean vs dirty: does removing what the audit flags lower test error and confident wrong answers?

Fashion-MNIST (or scikit-learn's digits when the Debian package `dataset-fashion-mnist` is
absent). Two classes are held out of training (Sandal and Bag; digits 2 and 6) and serve as
unanswerable inputs (`ood=`): a model that answers them confidently is answering a question it
cannot know. On the other 8 classes: 2,000 training images, 1,000 test images, and 500 images of
the held-out classes.

Two kinds of label noise, one run each, on 20% of the training labels:

  random      the label becomes any other training class
  systematic  the label becomes its look-alike: Shirt <-> T-shirt/top, Pullover <-> Coat,
              Sneaker <-> Ankle boot (digits: 1 <-> 7, 3 <-> 8, 4 <-> 9); a model can learn this
              noise as if it were a rule

For each, audit the noisy training set, take the clean subset, and compare three training sets
with the same recipe and seeds (linear probe on EfficientNet-Lite0 embeddings at 64 px by default):

  dirty           all training images, noisy labels included
  clean           report.clean_subset(): without what the audit flagged
  random_control  as many random images dropped as the cleaning dropped (re-drawn per seed)

The table gives every metric with its mean and 95% interval over seeds, and a verdict per metric
against the dirty set. Besides the hallucination rate at tau = 0.9 (which an under-confident model
can win by rarely being confident), it gives the coverage-matched forms: risk@c (error among the
c most confident answers), AURC / E-AURC and hallucination@c (answered and wrong when every model
answers the same share c), and how often each model answers the held-out classes.

Run:  python examples/clean_vs_dirty.py   (about 3-5 minutes on 2 CPU cores; embeddings are
cached in ~/.cache/dataquality, or $DQ_CACHE_DIR, so a second run is faster).
      python examples/clean_vs_dirty.py --mode full --n-train 1000 --n-test 500   (every layer)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

import dataquality as dq

FASHION_HELD_OUT = ("Sandal", "Bag")
FASHION_PAIRS = (("Shirt", "T-shirt/top"), ("Pullover", "Coat"), ("Sneaker", "Ankle boot"))
DIGITS_HELD_OUT = (2, 6)
DIGITS_PAIRS = ((1, 7), (3, 8), (4, 9))
HEADLINE = ("error_rate", "hallucination_rate", "hallucination@0.8", "risk@0.8", "aurc", "eaurc",
            "ood_confident_rate", "ood_answered@0.8", "ood_auroc")


def load(args):
    """(name, train images and labels, test images and labels, OOD images, held-out classes, look-alike pairs)."""
    rng = np.random.default_rng(0)
    if dq.datasets.fashion_mnist_available():
        name, held_out, pairs = "Fashion-MNIST", FASHION_HELD_OUT, FASHION_PAIRS
        X_a, y_a = dq.datasets.load_fashion_mnist("train", image_size=28, as_arrays=True)
        X_b, y_b = dq.datasets.load_fashion_mnist("test", image_size=28, as_arrays=True)
    else:
        name, held_out, pairs = "digits (Fashion-MNIST not installed)", DIGITS_HELD_OUT, DIGITS_PAIRS
        X, y = dq.datasets.load_digits(image_size=28, as_arrays=True)
        half = rng.permutation(len(y))
        cut = len(y) * 2 // 3
        (X_a, y_a), (X_b, y_b) = (X[half[:cut]], y[half[:cut]]), (X[half[cut:]], y[half[cut:]])
    known_a = np.flatnonzero(~np.isin(y_a, held_out))
    known_b = np.flatnonzero(~np.isin(y_b, held_out))
    unknown_b = np.flatnonzero(np.isin(y_b, held_out))
    tr = np.sort(rng.choice(known_a, min(args.n_train, len(known_a)), replace=False))
    te = np.sort(rng.choice(known_b, min(args.n_test, len(known_b)), replace=False))
    ood = np.sort(rng.choice(unknown_b, min(args.n_ood, len(unknown_b)), replace=False))
    return name, X_a[tr], y_a[tr], X_b[te], y_b[te], X_b[ood], held_out, pairs


def plant_noise(y, kind: str, rate: float, pairs, rng):
    """(noisy labels, positions flipped): ``rate`` of the labels replaced, at random or by their look-alike."""
    noisy = np.array(y, dtype=object)
    classes = sorted(set(y.tolist()))
    n_flip = int(round(rate * len(y)))
    if kind == "random":
        flipped = np.sort(rng.choice(len(y), n_flip, replace=False))
        for i in flipped:
            noisy[i] = rng.choice([c for c in classes if c != y[i]])
        return noisy, flipped
    partner = {a: b for a, b in pairs} | {b: a for a, b in pairs}
    candidates = np.flatnonzero([v in partner for v in y])
    flipped = np.sort(rng.choice(candidates, min(n_flip, len(candidates)), replace=False))
    for i in flipped:
        noisy[i] = partner[y[i]]
    return noisy, flipped


def run(kind, X_tr, y_tr, test, ood, pairs, args, extra):
    noisy, flipped = plant_noise(y_tr, kind, args.noise, pairs, np.random.default_rng(0))
    print(f"\n=== {kind} noise: {len(flipped)} of {len(noisy)} training labels flipped "
          f"({len(flipped) / len(noisy):.0%}) ===")
    train = dq.as_dataset(X_tr, labels=list(noisy))
    report = dq.audit(train, embedder_settings={"image_size": args.image_size}, progress=False)
    scores = ", ".join(f"{k} {v:.1f}" for k, v in report.scores.items() if v is not None)
    flagged = set(report.issues.loc[report.issues["issue"] == "label", "index"].astype(int))
    hit = len(flagged & set(flipped.tolist()))
    print(f"audit scores: {scores}")
    print(f"audit: {len(flagged)} flagged as 'label' issues, {hit} of them planted "
          f"(precision {hit / max(len(flagged), 1):.2f}, recall {hit / max(len(flipped), 1):.2f})")
    clean_idx = report.clean_indices()
    kept_noisy = len(set(clean_idx.tolist()) & set(flipped.tolist()))
    print(f"clean subset: {len(clean_idx)} of {len(train)} kept; noisy labels left in it: {kept_noisy} "
          f"({kept_noisy / len(clean_idx):.1%}, against {len(flipped) / len(train):.1%} before)")
    result = dq.compare(train, test, report=report, seeds=tuple(args.seeds), ood=ood, mode=args.mode,
                        model="efficientnet_lite0", image_size=args.image_size, progress=False, **extra)
    print()
    print(result.to_text())
    if args.out:
        out = Path(args.out)
        print(f"plot: {result.plot(out / f'compare_{kind}.png')}; "
              f"HTML report: {report.to_html(out / f'report_{kind}.html', overwrite=True)}")
    return result


def headline(results: dict) -> str:
    """The main metrics per noise kind: dirty, clean and control (mean [95% interval]), verdict for clean."""
    import pandas as pd

    rows = []
    for kind, res in results.items():
        t = res.table.set_index(["subset", "metric"])
        d = res.differences.set_index(["subset", "metric"])
        for m in HEADLINE:
            if ("dirty", m) not in t.index:
                continue
            row = {"noise": kind, "metric": m}
            for s in ("dirty", "clean", "random_control"):
                r = t.loc[(s, m)]
                row[s] = f"{r['mean']:.3f} [{r['ci_low']:.3f}, {r['ci_high']:.3f}]"
            row["clean vs dirty"] = d.loc[("clean", m), "verdict"]
            row["better"] = d.loc[("clean", m), "better"] or "neither"
            rows.append(row)
    table = pd.DataFrame(rows).set_index(["noise", "metric"])
    return "\n=== headline: mean [95% interval] over seeds; verdict for clean against dirty ===\n" + table.to_string()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n-train", type=int, default=2000)
    ap.add_argument("--n-test", type=int, default=1000)
    ap.add_argument("--n-ood", type=int, default=500, help="images of the held-out classes")
    ap.add_argument("--noise", type=float, default=0.2)
    ap.add_argument("--noise-kind", choices=["random", "systematic", "both"], default="both")
    ap.add_argument("--image-size", type=int, default=64)
    ap.add_argument("--out", default=None, help="write the comparison plot (PNG) and HTML report per noise kind here")
    ap.add_argument("--mode", choices=["linear_probe", "full"], default="linear_probe",
                    help="linear_probe (default, seconds on a CPU) or full fine-tuning of every layer")
    ap.add_argument("--epochs", type=int, default=None, help="default: 30 for linear_probe, 5 for full")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--calibrate", action="store_true",
                    help="temperature-scale every model on a 20%% held-out split of its own training set")
    args = ap.parse_args()
    t0 = time.perf_counter()

    name, X_tr, y_tr, X_te, y_te, X_ood, held_out, pairs = load(args)
    print(f"{name}: {len(y_tr)} training and {len(y_te)} test images of {len(set(y_tr.tolist()))} classes, "
          f"{len(X_ood)} images of the held-out classes {list(held_out)} as unanswerable inputs; "
          f"embedded at {args.image_size} px, mode {args.mode}")
    test = dq.as_dataset(X_te, labels=list(y_te))
    extra = {"calibrate": True, "val_split": 0.2} if args.calibrate else {}
    if args.epochs is not None:
        extra["epochs"] = args.epochs
    kinds = ["random", "systematic"] if args.noise_kind == "both" else [args.noise_kind]
    results = {kind: run(kind, X_tr, y_tr, test, X_ood, pairs, args, extra) for kind in kinds}
    print(headline(results))
    print(f"\ntotal time {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
