"""Which cleanlab filter the label check should use, per data set: fixed filters against ``filter_by="auto"``
(``checks._label.choose_filter``) and cleanlab's Datalab, on the tuning sets only.

For each set and seed the planted folder of ``benchmarks/detection.py`` is made the same way (generator A for
digits / Fashion-MNIST, B for photos64 / photos128, E for photos96_e; never generator F's evaluation sets), and the
audit's embeddings, out-of-fold probabilities and neighbour graph are computed once (``--cache`` makes reruns
free). On those, the label check (``assess_labels``) runs with each ``--filters`` setting, and Datalab's label
issue manager as ``detection.py`` runs it (cleanlab's ``CleanLearning.find_label_issues`` on the same
probabilities, no neighbour votes). ``--variants`` also re-labels the photograph sets: the planted flips undone,
then 5 % of the labels flipped to one of the 3 classes whose embedding centroid is most like the example's own
(``similar``) or to any other class with class sizes cut to 3-60 (``uniform-uneven``), the out-of-fold
probabilities refitted and the neighbours found exactly. F1 (precision / recall) against the flipped examples.

Measured (``--datasets digits fashion photos64 photos128 photos96_e --seeds 0 1 2 --variants``, 64 px input),
mean F1 (precision / recall), ``both`` -> ``auto``, Datalab:

| set | both | auto | Datalab |
|---|---|---|---|
| digits | 0.798 (0.79/0.80) | 0.798 (0.79/0.80) | 0.752 (0.69/0.83) |
| fashion | 0.652 (0.51/0.89) | 0.652 (0.51/0.89) | 0.595 (0.45/0.89) |
| photos64 | 0.757 (0.76/0.75) | 0.766 (0.79/0.75) | 0.783 (0.70/0.89) |
| photos128 | 0.706 (0.78/0.65) | 0.781 (0.86/0.72) | 0.635 (0.57/0.78) |
| photos96_e | 0.753 (0.85/0.68) | 0.840 (1.00/0.72) | 0.691 (0.71/0.68) |

``auto`` chose ``both`` on every digits / Fashion-MNIST run and ``confident_learning`` on 7 of 9 photograph runs
(photos64 seeds 1-2 kept ``both``, where the two filters are closest in the estimate). ``confident_learning`` alone:
digits 0.766, Fashion-MNIST 0.587, photos 0.781-0.840; ``prune_by_noise_rate`` alone: 0.788, 0.609, photos
0.765-0.810. The filter choice costs about 0.1-0.2 s per run on these sets.

Run::

    python benchmarks/label_filters.py --datasets digits fashion photos64 photos128 photos96_e --seeds 0 1 2
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

TUNING_SETS = ("digits", "fashion", "photos64", "photos128", "photos96_e")  # never generator F's


def prf(pred: set, truth: set) -> tuple[float, float, float]:
    tp = len(pred & truth)
    p = tp / len(pred) if pred else float(not truth)
    r = tp / len(truth) if truth else float(not pred)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def load_set(name: str, seed: int, size: int, cache, work: Path) -> dict:
    """What the label check sees on detection.py's planted folder for this set and seed."""
    import detection as D

    import dataquality as dq
    from dataquality.compute import Context

    X, y = D.make_datasets([name], False, 3000)[name]
    root = work / f"{name}-seed{seed}"
    planted = D.plant_set(name, X, y, root, seed)
    ds = dq.as_dataset(planted.root, labels=planted.labels_csv)
    ctx = Context(ds, embedder="efficientnet_lite0", embedder_settings={"image_size": size}, cache_dir=cache,
                  random_state=seed, progress=False)
    pos = {i: k for k, i in enumerate(planted.ids)}
    true = []
    for i in ds.ids:
        t = planted.true_labels[pos[i]] if i in pos else None
        if t is None and i in planted.origin:
            t = planted.true_labels[pos[planted.origin[i]]]
        true.append("" if t is None else str(t))
    ki, kd = ctx.get("knn")
    out = {"E": np.asarray(ctx.get("embeddings"), dtype=np.float32), "P": ctx.get("pred_probs"), "ki": ki, "kd": kd,
           "codes": ctx.label_codes, "valid": ctx.valid, "classes": [str(c) for c in ctx.classes],
           "ids": np.array(ds.ids), "true": np.array(true), "truth": set(planted.truth.get("label", set())),
           "name": f"{name}-s{seed}"}
    shutil.rmtree(root, ignore_errors=True)
    return out


def relabel(d: dict, seed: int, flip: str, uneven: bool, rate: float = 0.05) -> dict:
    """The set with its planted flips undone, optionally uneven class sizes (3-60), then new flips."""
    from dataquality.compute._probe import out_of_fold_probs

    rng = np.random.default_rng(seed)
    keep = np.flatnonzero(d["valid"] & (d["true"] != ""))
    classes = sorted(set(d["true"][keep].tolist()))
    t = np.array([classes.index(c) for c in d["true"][keep]])
    if uneven:
        sel = np.concatenate([rng.choice(np.flatnonzero(t == c), replace=False,
                                         size=min(int(round(np.exp(rng.uniform(np.log(3), np.log(60))))),
                                                  int((t == c).sum()))) for c in range(len(classes))])
        sel.sort()
        keep, t = keep[sel], t[sel]
    E = d["E"][keep]
    Xn = E / np.linalg.norm(E, axis=1, keepdims=True)
    cent = np.stack([Xn[t == c].mean(0) for c in range(len(classes))])
    cent /= np.linalg.norm(cent, axis=1, keepdims=True)
    S = cent @ cent.T
    np.fill_diagonal(S, -np.inf)
    flips = rng.choice(len(keep), size=int(round(rate * len(keep))), replace=False)
    y = t.copy()
    for i in flips:
        y[i] = rng.choice(np.argsort(-S[t[i]])[:3]) if flip == "similar" else \
            rng.choice([c for c in range(len(classes)) if c != t[i]])
    sim = Xn @ Xn.T
    np.fill_diagonal(sim, -np.inf)
    ki = np.argsort(-sim, axis=1)[:, :10]
    ids = np.array([f"x{i}" for i in range(len(keep))])
    return {"P": out_of_fold_probs(E, y, len(classes), random_state=seed), "ki": ki,
            "kd": (1 - np.take_along_axis(sim, ki, 1)).astype(np.float32), "codes": y,
            "valid": np.ones(len(keep), bool), "classes": classes, "ids": ids, "truth": set(ids[flips]),
            "name": f"{d['name']}-{flip}{'-uneven' if uneven else ''}-v{seed}"}


def run_filters(d: dict, filters) -> dict:
    from dataquality.checks._label import LabelCheck, assess_labels

    rows = np.flatnonzero(d["valid"] & (d["codes"] >= 0) & ~np.isnan(d["P"]).any(axis=1))
    out = {}
    for f in filters:
        res = assess_labels(d["P"], rows, d["codes"], d["classes"], d["ki"], d["kd"], LabelCheck(filter_by=f))
        flagged = {str(d["ids"][i]) for i in (res.indices if res.indices is not None else [])}
        out[f] = (*prf(flagged, d["truth"]), res.findings.get("filter"))
    from cleanlab.classification import CleanLearning

    y = d["codes"][rows]
    present = np.unique(y)
    remap = -np.ones(d["P"].shape[1], int)
    remap[present] = np.arange(len(present))
    probs = d["P"][rows][:, present]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        issues = CleanLearning().find_label_issues(labels=remap[y], pred_probs=probs / probs.sum(1, keepdims=True))
    out["datalab"] = (*prf({str(d["ids"][rows[k]]) for k in np.flatnonzero(issues["is_label_issue"])}, d["truth"]),
                      None)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", nargs="+", default=list(TUNING_SETS), choices=TUNING_SETS)
    ap.add_argument("--seeds", nargs="+", type=int, default=[0])
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--filters", nargs="+", default=["both", "auto", "confident_learning", "prune_by_noise_rate"])
    ap.add_argument("--variants", action="store_true", help="also the re-labelled photograph sets (4 per set)")
    ap.add_argument("--cache", default=None, help="embedding cache (default: none)")
    args = ap.parse_args(argv)
    logging.getLogger("cleanlab").setLevel(logging.ERROR)
    work = Path(tempfile.mkdtemp(prefix="dq-label-filters-"))
    table: dict[str, list] = {}
    try:
        for seed in args.seeds:
            for name in args.datasets:
                d = load_set(name, seed, args.size, args.cache or False, work)
                sets = [(name, d)]
                if args.variants and name.startswith("photos") and seed == args.seeds[0]:
                    sets += [(f"{name}:{flip}{'-uneven' if uneven else ''}", relabel(d, 100 + v, flip, uneven))
                             for v in range(4) for flip, uneven in (("similar", False), ("uniform", True))]
                for group, s in sets:
                    r = run_filters(s, args.filters)
                    table.setdefault(group, []).append(r)
                    print(f"{s['name']:<36} " + "  ".join(
                        f"{k} {v[0]:.3f} ({v[1]:.2f}/{v[2]:.2f}){' -> ' + v[3] if k == 'auto' and v[3] else ''}"
                        for k, v in r.items()), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\nmean F1 (precision / recall) per set:")
    for group, rs in table.items():
        print(f"{group:<28} " + "  ".join(
            f"{k} {np.mean([r[k][0] for r in rs]):.3f} ({np.mean([r[k][1] for r in rs]):.2f}/"
            f"{np.mean([r[k][2] for r in rs]):.2f})" for k in rs[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
