"""The label check under two noise models, on tuning data only: uniform flips (a label replaced by any
other class, what ``dq.datasets.plant_issues`` plants) and pair flips (class -> the next class, the
"pair" / asymmetric noise of the noisy-label literature), on sklearn digits (32 px) and Fashion-MNIST
*train* (28 px), at several input sizes.

For each base set, size, noise model and seed, the images are embedded once (kept in memory across
label sets) and the out-of-fold probabilities and neighbour graph computed as the audit does; then the
label check (``checks._label.assess_labels``) runs with its defaults and with one setting changed at a
time, and cleanlab's ``find_label_issues`` with its default filter on the same probabilities; with
``--datalab`` also cleanlab's Datalab label issue manager, run as ``benchmarks/detection.py`` runs it.
The two are not always the same: Datalab hands the filter the confident joint of its own noise-matrix
estimate (``CleanLearning.find_label_issues``); they agree on digits, Fashion-MNIST and photos_tune, not
on the region / scale photograph classes below. F1 against the flipped examples, per seed and mean.

Photograph-tile regimes (``--bases``, ``PHOTO_REGIMES``), cut from ``blur_tuning.py``'s tuning
photographs (5 pictures and LFW faces; never the evaluation's), 400-1,150 tiles like the small photograph
collections where Datalab had been level or ahead:

* ``photos128_uneven`` / ``photos64_uneven``: 128 / 64 px tiles, class = picture, cut to uneven class
  sizes (log-normal): 413 tiles in 5 classes of 23-125, 287 tiles in 6 classes of 12-120;
* ``photos128_regions`` / ``photos64_regions``: class = picture x cell of a 2 x 2 grid (tiles of all
  scales): overlapping regions of one picture, 336 tiles in 13 classes / 343 in 14;
* ``photos128_scales``: class = picture x tiling scale (``load_many_class_tiles(128)``, 445 tiles in 9),
  so tiles of one picture at two scales are neighbours across classes; ``photos64_many``: the same at 64 px
  with quadrants (1,147 tiles in 21 classes).

Measured (``--bases photos64_uneven photos128_uneven photos128_regions photos64_regions photos128_scales
photos64_many --sizes 64 128 --rates 0.03 0.08 --seeds 0 1 2 --datalab``), mean F1 over 3 seeds, default /
Datalab, 64 | 128 px input, at 3 % and 8 % flips:

| regime | noise | 64 px, 3 % | 64 px, 8 % | 128 px, 3 % | 128 px, 8 % |
|---|---|---|---|---|---|
| photos128_uneven | uniform | 0.873 / 0.828 | 0.867 / 0.855 | 0.794 / 0.769 | 0.904 / 0.898 |
| photos128_uneven | pair | 0.886 / 0.847 | 0.908 / 0.923 | 0.925 / 0.812 | 0.926 / 0.897 |
| photos64_uneven | uniform | 0.671 / 0.643 | 0.823 / 0.756 | 0.771 / 0.683 | 0.776 / 0.711 |
| photos64_uneven | pair | 0.779 / 0.713 | 0.864 / 0.767 | 0.621 / 0.719 | 0.839 / 0.749 |
| photos128_regions | uniform | 0.280 / 0.246 | 0.529 / 0.481 | 0.101 / 0.222 | 0 / 0.401 |
| photos128_regions | pair | 0.253 / 0.163 | 0.493 / 0.428 | 0.078 / 0.186 | 0 / 0.349 |
| photos128_scales | uniform | 0.186 / 0.157 | 0.234 / 0.312 | 0.187 / 0.147 | 0.208 / 0.287 |
| photos128_scales | pair | 0.163 / 0.094 | 0.304 / 0.283 | 0.169 / 0.109 | 0.324 / 0.272 |
| photos64_regions | both | 0 / 0.17-0.21 | 0 / 0.35-0.38 | 0 / 0.22-0.23 | 0 / 0.38-0.41 |
| photos64_many | both | 0 / 0.09-0.11 | 0 / 0.22-0.24 | 0 / 0.11-0.13 | 0 / 0.24-0.27 |

Paired default - Datalab over seeds and rates (6 pairs a cell; mean (sd)), where both flag:
photos128_uneven +0.029 (0.097) / +0.012 (0.058) at 64 px, +0.015 (0.129) / +0.071 (0.050) at 128 px
(uniform / pair); photos64_uneven +0.048 (0.215) / +0.082 (0.098), +0.077 (0.092) / -0.004 (0.232);
photos128_regions at 64 px +0.041 (0.102) / +0.077 (0.056); photos128_scales -0.024 (0.143) / +0.045 (0.050),
-0.019 (0.139) / +0.056 (0.033). Datalab is ahead by 0.15-0.32 only where the check says its probe is too
weak (skill < 0.5: photos64_many, photos64_regions, photos128_regions at 128 px input), and its flags there
have precision 0.1-0.3. Before the threshold-adjusted skill (the column "default, argmax-skill gate"),
photos64_uneven was not measured at all (F1 0 against Datalab's 0.64-0.77), nor photos128_regions at 64 px
and 8 %. ``filter=prune_by_noise_rate`` and ``knn_weight=0.5`` are ahead of the default on the uneven
regimes (photos64_uneven +0.01 to +0.07 and +0.00 to +0.22), mixed on the region / scale ones, and lose
on Fashion-MNIST (as measured before), so neither is the default. Also measured and not kept (on the saved
probabilities of these runs, seeds 0-1, and digits / Fashion-MNIST / photos_tune at 64 px, seeds 0-2):
the neighbour weight fitted per data set by the log-loss of the mixed out-of-fold probabilities on the
given labels (it picks 0.7-0.95; digits 0.822 / 0.848, Fashion-MNIST 0.625 / 0.626 against the default's
0.865 / 0.850, 0.685 / 0.647, pair / uniform) or by their accuracy (picks 0.1-0.35 on those; Fashion-MNIST
0.683 / 0.641, photos_tune 0.908 / 0.874 against 0.889 / 0.942); handing cleanlab the threshold-adjusted
probe probabilities (paired change: photos64_uneven +0.036, photos128_uneven +0.006, digits and
Fashion-MNIST -0.003 each, photos128_scales -0.008); the probe's ``C`` (``out_of_fold_probs``, 64 px, 3 %
and 8 % flips, seeds 0-2, mean F1 of the default check, C = 0.1 -> 0.3, uniform / pair): digits +0.036 / +0.017
at 3 %, +0.011 / +0.005 at 8 %, photos64_uneven +0.064 / +0.054, +0.029 / +0.008, photos128_uneven +0.016 /
+0.019, +0.013 / +0.010, photos_tune +0.013 / +0.101, -0.009 / +0.019, but Fashion-MNIST -0.010 / -0.014,
-0.008 / -0.025 (every cell worse); choosing C per data set by the out-of-fold log-loss on the given labels
(0.03 / 0.1 / 0.3 / 1) picks the largest C offered every time (1 on these sets, 0.3 on Fashion-MNIST when
offered only 0.1 / 0.3) and loses on digits (pair 0.833 / 0.850 against 0.847 / 0.865 at 3 % / 8 %).
On the earlier tuning sets the threshold-adjusted skill changes nothing (``--bases digits fashion photos_tune
--sizes 64 --rates 0.08 --seeds 0 1 2 --datalab``: default = the argmax-skill gate, pair / uniform digits
0.865 / 0.850, Fashion-MNIST 0.685 / 0.647, photos_tune 0.889 / 0.942; Datalab 0.853 / 0.818, 0.594 / 0.585,
0.880 / 0.873, identical to cleanlab's default filter there).
The label check takes about 6-10 ms per run on these sets (cleanlab's import, ~0.5 s, once).

Run::

    python benchmarks/label_noise_models.py --sizes 64 160 --seeds 0 1 2
"""

from __future__ import annotations

import argparse
import sys
import time
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
    "knn_weight=0.5": {"knn_weight": 0.5},
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
    photo = [n for n in names if n in PHOTO_REGIMES]
    if photo:
        from pathlib import Path
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        for n in photo:
            out[n] = PHOTO_REGIMES[n]()
    return {k: v for k, v in out.items() if k in names}


def uneven_subsample(X, y, n: int, seed: int, min_size: int = 12):
    """About ``n`` of ``(X, y)`` with log-normal class sizes (sigma 0.8, at least ``min_size``, at most what a
    class has), drawn with ``seed``: classes of uneven size."""
    rng = np.random.default_rng(seed)
    cls, cnt = np.unique(y, return_counts=True)
    w = rng.lognormal(0, 0.8, len(cls))
    want = np.minimum(np.maximum(min_size, np.round(n * w / w.sum())).astype(int), cnt)
    keep = np.sort(np.concatenate([rng.choice(np.flatnonzero(y == c), m, replace=False) for c, m in zip(cls, want)]))
    return X[keep], y[keep]


def _drop_small(X, y, m: int = 10):
    cls, cnt = np.unique(y, return_counts=True)
    ok = np.isin(y, cls[cnt >= m])
    return X[ok], y[ok]


def region_tiles(size: int, grid: int = 2):
    """Every kept tile of the tuning photographs (all tiling scales) labelled with the picture and the cell of a
    ``grid`` x ``grid`` grid its centre falls in (1 x 2 for the wide text / page pictures, one class for a picture
    under 4 tiles high), plus 80 LFW faces: classes that are overlapping regions of one picture."""
    import blur_tuning

    X, y = [], []
    for name, a in blur_tuning.tuning_photographs():
        g = (grid, grid) if min(a.shape[:2]) >= 4 * size else ((1, 2) if a.shape[1] >= 2 * a.shape[0] else (1, 1))
        for _, (r, c, h, w), t in blur_tuning._scaled_tiles(a, size):
            gr = min(int((r + size / 2) / h * g[0]), g[0] - 1)
            gc = min(int((c + size / 2) / w * g[1]), g[1] - 1)
            X.append(t)
            y.append(f"{name}/{gr}{gc}")
    faces = blur_tuning._lfw_faces(size, 80, np.random.default_rng(0))
    return np.stack(X + faces), np.array(y + ["lfw"] * len(faces), dtype=object)


def _tiles(size):
    import blur_tuning

    return _drop_small(*blur_tuning.load_tuning_tiles(size, 1000))


def _many(size, **kw):
    import blur_tuning

    return blur_tuning.load_many_class_tiles(size, **kw)


# photograph-tile regimes from blur_tuning.py's tuning photographs (never the evaluation's); see the docstring
PHOTO_REGIMES = {
    "photos128_uneven": lambda: uneven_subsample(*_tiles(128), 450, 1),
    "photos64_uneven": lambda: uneven_subsample(*_tiles(64), 450, 2),
    "photos128_regions": lambda: uneven_subsample(*_drop_small(*region_tiles(128)), 450, 4),
    "photos64_regions": lambda: uneven_subsample(*_drop_small(*region_tiles(64)), 500, 3),
    "photos128_scales": lambda: _many(128, split_at=10 ** 9),
    "photos64_many": lambda: _many(64),
}


def datalab_flags(P, rows, codes, classes, E) -> set:
    """Cleanlab Datalab's label issue manager on the same out-of-fold probabilities, run as
    ``benchmarks/detection.py`` runs it (columns reordered to the sorted label strings, the embeddings as
    features). Not always equal to ``find_label_issues`` with cleanlab's default filter: Datalab goes through
    ``CleanLearning.find_label_issues``, which hands the filter the confident joint of its own noise-matrix
    estimate (on photos128_regions, 64 px, 3 % uniform flips, seed 0: 32 flags against 45, all 32 among them)."""
    import pandas as pd
    from cleanlab import Datalab

    labels = np.asarray([str(classes[c]) for c in codes[rows]], dtype=object)
    names = [str(c) for c in classes]
    probs = P[rows][:, [names.index(c) for c in sorted(names)]]
    lab = Datalab(pd.DataFrame({"label": labels}), label_name="label", verbosity=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lab.find_issues(features=np.asarray(E[rows], dtype=np.float32), pred_probs=probs, issue_types={"label": {}})
    return set(rows[lab.get_issues()["is_label_issue"].to_numpy(bool)].tolist())


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
    ap.add_argument("--rates", nargs="+", type=float, default=[0.08])
    ap.add_argument("--bases", nargs="+", default=["digits", "fashion"],
                    choices=["digits", "fashion", "photos_tune", *PHOTO_REGIMES])
    ap.add_argument("--datalab", action="store_true",
                    help="also run Datalab's label manager (as detection.py) and compare the default with it")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    from cleanlab.filter import find_label_issues

    rows = []
    for name, (X, y) in base_sets(args.bases).items():
        y = np.asarray([str(v) for v in y], dtype=object) if y.dtype == object else y
        keep = dq.as_dataset(list(X))  # holds the embeddings in memory for the label sets below
        for size in args.sizes:
            Context(keep, cache_dir=None, progress=False, embedder_settings={"image_size": size}).get("embeddings")
            for rate in args.rates:
                for model in ("uniform", "pair"):
                    for seed in args.seeds:
                        yn, truth = noisy(y, model, rate, seed)
                        ds = dq.as_dataset(list(X), labels=list(yn))
                        ctx = Context(ds, cache_dir=None, progress=False, random_state=seed,
                                      embedder_settings={"image_size": size})
                        P = ctx.get("pred_probs")
                        idx, dist = ctx.get("knn")
                        r = np.flatnonzero(ctx.valid & ctx.labeled & ~np.isnan(P).any(axis=1))
                        first = len(rows)
                        for vname, change in VARIANTS.items():
                            t0 = time.perf_counter()
                            res = assess_labels(P, r, ctx.label_codes, ctx.classes, idx, dist,
                                                replace(LabelCheck(), **change))
                            secs = time.perf_counter() - t0
                            flagged = set(res.indices.tolist()) if res.indices is not None else set()
                            rows.append((name, size, rate, model, seed, vname, f1(flagged, truth), len(flagged), secs))
                            if vname == "default":  # the gate before the threshold-adjusted accuracy (argmax only)
                                pr = res.findings.get("probe", {})
                                ch = pr.get("chance_accuracy", 0.0)
                                old = (pr.get("out_of_fold_accuracy", 0.0) - ch) / (1 - ch) if ch < 1 else 0.0
                                kept = flagged if old >= LabelCheck().min_probe_skill else set()
                                rows.append((name, size, rate, model, seed, "default, argmax-skill gate",
                                             f1(kept, truth), len(kept), 0.0))
                        codes = ctx.label_codes[r]
                        cl = set(r[find_label_issues(codes, P[r], n_jobs=1)].tolist())
                        rows.append((name, size, rate, model, seed, "cleanlab default", f1(cl, truth), len(cl), 0.0))
                        if args.datalab:
                            dl = datalab_flags(P, r, ctx.label_codes, ctx.classes, ctx.get("embeddings"))
                            rows.append((name, size, rate, model, seed, "Datalab", f1(dl, truth), len(dl), 0.0))
                        print(f"{name} {size}px {model} {rate:g} seed {seed} ({len(truth)} flipped): " + ", ".join(
                            f"{v} {s:.3f} ({k})" for (*_, v, s, k, _t) in rows[first:]), flush=True)
    import pandas as pd

    df = pd.DataFrame(rows, columns=["data", "size", "rate", "noise", "seed", "variant", "f1", "flagged", "seconds"])
    pd.set_option("display.width", 250)
    print("\nmean F1 over seeds:")
    print(df.groupby(["noise", "data", "size", "rate", "variant"])["f1"].mean().unstack("variant").round(3).to_string())
    d = df[df.variant == "default"].set_index(["data", "size", "rate", "noise", "seed"])["f1"]
    ref = "Datalab" if args.datalab else "cleanlab default"
    c = df[df.variant == ref].set_index(["data", "size", "rate", "noise", "seed"])["f1"]
    diff = (d - c).groupby(["data", "size", "noise"])
    print(f"\ndefault minus {ref}, paired over seeds and rates: mean (sd), better / worse")
    print(pd.DataFrame({"mean": diff.mean().round(3), "sd": diff.std().round(3),
                        "better": diff.apply(lambda v: int((v > 0).sum())),
                        "worse": diff.apply(lambda v: int((v < 0).sum()))}).to_string())
    print(f"\nlabel check time per run (default): mean {df[df.variant == 'default'].seconds.mean():.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
