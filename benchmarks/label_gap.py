"""Why the label check's F1 differs from Datalab's on throughput.py's planted JPEGs, over several seeds.

For each seed, the planted folder of ``benchmarks/throughput.py`` (``--split tune`` to choose, ``eval``
only to report) is embedded once per input size (the embedding cache makes reruns free). On those
same vectors and the same readable, labelled rows, it then scores, against the planted label errors:

* ``dq``: the label check as the audit runs it (out-of-fold probe, 0.3 x neighbour votes,
  ``filter_by="both"``), and variants of one setting at a time: the probe's ``C``, its PCA width,
  the neighbour-vote weight, cleanlab's filter;
* ``datalab``: cleanlab's Datalab label issue manager given the audit's out-of-fold probabilities
  (what ``throughput.py --versus`` hands it, with embeddings from its own loop there).

It prints F1 per seed, the mean and standard deviation over seeds, and each variant's paired
difference to the default (mean, sd, and on how many seeds it was better / worse).

Run::

    python benchmarks/label_gap.py --split tune --seeds 0 1 2 3 4 --sizes 160 224 --keep /tmp/bench
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

# one setting changed at a time; the defaults are what the audit runs
VARIANTS = {
    "default": {},
    "C=0.03": {"C": 0.03}, "C=0.3": {"C": 0.3}, "C=1": {"C": 1.0},
    "pca=64": {"max_dim": 64}, "pca=256": {"max_dim": 256},
    "knn=0": {"knn_weight": 0.0}, "knn=0.5": {"knn_weight": 0.5},
    "filter=noise_rate": {"filter_by": "prune_by_noise_rate"},
}


def f1(pred: set, truth: set) -> float:
    tp = len(pred & truth)
    p = tp / len(pred) if pred else float(not truth)
    r = tp / len(truth) if truth else float(not pred)
    return 2 * p * r / (p + r) if p + r else 0.0


def datalab_f1(P, rows, codes, classes, ids, truth) -> float:
    import pandas as pd
    from cleanlab import Datalab

    labels = np.asarray([str(classes[c]) for c in codes[rows]])
    order = [[str(c) for c in classes].index(c) for c in sorted({str(c) for c in classes})]
    probs = P[rows][:, order]
    present = sorted(set(labels))
    keep = [sorted(str(c) for c in classes).index(c) for c in present]  # Datalab sees only the given classes
    probs = probs[:, keep] / probs[:, keep].sum(1, keepdims=True)
    lab = Datalab(pd.DataFrame({"label": labels}), label_name="label", verbosity=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lab.find_issues(pred_probs=probs, issue_types={"label": {}})
    flagged = set(np.asarray(ids, dtype=object)[rows][lab.get_issues()["is_label_issue"].to_numpy(bool)])
    return f1(flagged, truth)


def score_seed(root: Path, labels_csv, truth: set, size: int, seed: int, cache) -> dict:
    import dataquality as dq
    from dataquality.checks._label import LabelCheck, assess_labels
    from dataquality.compute import Context, out_of_fold_probs

    ds = dq.as_dataset(root, labels=labels_csv)
    ctx = Context(ds, embedder_settings={"image_size": size}, cache_dir=cache, random_state=seed, progress=False)
    X = ctx.get("embeddings")
    P = ctx.get("pred_probs")
    knn_idx, knn_dist = ctx.get("knn")
    codes, classes, ids = ctx.label_codes, ctx.classes, list(ds.ids)
    rows = np.flatnonzero(ctx.valid & ctx.labeled & ~np.isnan(P).any(axis=1))
    out = {"datalab": datalab_f1(P, rows, codes, classes, ids, truth)}
    for name, change in VARIANTS.items():
        probe = {k: v for k, v in change.items() if k in ("C", "max_dim")}
        check = LabelCheck(**{k: v for k, v in change.items() if k not in probe})
        Pv = P
        if probe:
            Pv = np.full_like(P, np.nan)
            Pv[rows] = out_of_fold_probs(X[rows], codes[rows], len(classes), random_state=seed, **probe)
        res = assess_labels(Pv, rows, codes, classes, knn_idx, knn_dist, check)
        flagged = {ids[i] for i in res.indices} if res.indices is not None else set()
        out[name] = f1(flagged, truth)
        if name == "default":
            out["probe_accuracy"] = res.findings.get("probe", {}).get("out_of_fold_accuracy", float("nan"))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["tune", "eval"], default="tune")
    ap.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2, 3, 4])
    ap.add_argument("--sizes", nargs="+", type=int, default=[160, 224])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--size", default="500x375")
    ap.add_argument("--keep", default="/tmp/bench", help="where the planted folders are kept (and reused)")
    ap.add_argument("--cache", default=None, help="embedding cache (default: <keep>/cache)")
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    logging.getLogger("cleanlab").setLevel(logging.ERROR)
    import throughput

    cache = Path(args.cache or Path(args.keep) / "cache")
    w, h = (int(v) for v in args.size.lower().split("x"))
    results = {}
    for seed in args.seeds:
        planted = throughput.planted_folder(Path(args.keep), args.n, w, h, args.split, seed)
        truth = set(planted.truth["label"])
        for size in args.sizes:
            results[(size, seed)] = r = score_seed(planted.root, planted.labels_csv, truth, size, seed, cache)
            print(f"{args.split} seed {seed} size {size}: probe accuracy {r['probe_accuracy']:.3f}; " +
                  ", ".join(f"{k} {v:.3f}" for k, v in r.items() if k != "probe_accuracy"), flush=True)
    names = ["datalab", *VARIANTS]
    print(f"\nlabel F1 on the {args.split} split, seeds {args.seeds}: mean (sd) over seeds; "
          "paired difference to dq default at the same size: mean (sd), seeds better/worse")
    for size in args.sizes:
        base = np.array([results[(size, s)]["default"] for s in args.seeds])
        for name in names:
            v = np.array([results[(size, s)][name] for s in args.seeds])
            d = v - base
            print(f"{size:>4} px {name:<20} {v.mean():.3f} ({v.std(ddof=1) if len(v) > 1 else 0:.3f})   "
                  f"diff {d.mean():+.3f} ({d.std(ddof=1) if len(d) > 1 else 0:.3f}), "
                  f"{int((d > 0).sum())}/{int((d < 0).sum())}")
    if len(args.sizes) > 1:
        a, b = args.sizes[0], args.sizes[-1]
        for name in ("default", "datalab"):
            d = np.array([results[(b, s)][name] - results[(a, s)][name] for s in args.seeds])
            print(f"{name}: {b} px minus {a} px: {d.mean():+.3f} ({d.std(ddof=1) if len(d) > 1 else 0:.3f}), "
                  f"{int((d > 0).sum())}/{int((d < 0).sum())} seeds")
        d = np.array([results[(a, s)]["default"] - results[(b, s)]["datalab"] for s in args.seeds])
        print(f"dq default at {a} px minus Datalab at {b} px: {d.mean():+.3f} ({d.std(ddof=1) if len(d) > 1 else 0:.3f}), "
              f"{int((d > 0).sum())}/{int((d < 0).sum())} seeds")
    if args.json:
        Path(args.json).write_text(json.dumps({f"{k[0]}-{k[1]}": v for k, v in results.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
