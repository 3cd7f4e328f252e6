"""compare(): the same recipe and seeds on the dirty set, the cleaned set and a random control."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import DataQualityError
from ..data import Dataset, as_dataset
from . import _metrics as M
from ._evaluate import evaluate

logger = logging.getLogger("dataquality")

TABLE_METRICS = ("error_rate", "hallucination_rate", "ece", "nll", "accuracy", "confident_rate", "confident_error_rate")
RANDOM_CONTROL = "random_control"


def t_interval(values, confidence: float = 0.95) -> tuple[float, float, float]:
    """(mean, low, high): Student-t interval of the mean; NaN bounds with fewer than two values."""
    from scipy import stats

    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if len(v) == 0:
        return float("nan"), float("nan"), float("nan")
    mean = float(v.mean())
    if len(v) < 2:
        return mean, float("nan"), float("nan")
    half = float(stats.t.ppf(0.5 + confidence / 2, len(v) - 1) * v.std(ddof=1) / np.sqrt(len(v)))
    return mean, mean - half, mean + half


# metrics that are shares of examples: their intervals are clipped to [0, 1] (a t-interval over a few
# seeds can otherwise reach below 0 for a rate near 0)
RATE_METRICS = frozenset({"error_rate", "hallucination_rate", "ece", "accuracy", "confident_rate",
                          "confident_error_rate"})


def _rate_interval(metric: str, values) -> tuple[float, float, float]:
    mean, lo, hi = t_interval(values)
    if metric in RATE_METRICS and not np.isnan(lo):
        lo, hi = max(0.0, lo), min(1.0, hi)
    return mean, lo, hi


def _n_train(per_seed) -> int | str:
    """Examples trained on: one integer when every seed trained on as many, else each seed's count
    ("498/500/499"); never a mean such as 498.7, which no run trained on."""
    counts = [int(v) for v in per_seed]
    return counts[0] if len(set(counts)) == 1 else "/".join(map(str, counts))


@dataclass(eq=False)
class CompareResult:
    """Result of :func:`dataquality.compare`.

    Attributes
    ----------
    table : DataFrame, one row per (subset, metric): n_train, mean, ci_low, ci_high, std, n_seeds.
        Intervals are 95% Student-t intervals over the seeds, clipped to [0, 1] for rates.
    runs : DataFrame, one row per (subset, seed) with every metric.
    per_group : DataFrame, one row per (subset, group, metric) like ``table`` (None without groups).
    reliability : {subset: DataFrame of count, confidence, accuracy per bin}, pooled over seeds.
    sizes : {subset: number of training examples: an integer when every seed trained on as many, else
        the per-seed counts as text, e.g. ``"498/500/499"`` (``runs`` has them as integers).
    """

    table: pd.DataFrame
    runs: pd.DataFrame
    per_group: pd.DataFrame | None
    reliability: dict
    sizes: dict
    tau: float
    seeds: tuple
    config: dict = field(default_factory=dict)
    report: object = field(default=None, repr=False)  # the audit report of train that defined "clean"

    def wide(self, metrics=TABLE_METRICS) -> pd.DataFrame:
        """One row per subset, ``<metric>``, ``<metric>_low``, ``<metric>_high`` columns."""
        rows = {}
        for (subset, metric), r in self.table.set_index(["subset", "metric"]).iterrows():
            if metric not in metrics:
                continue
            d = rows.setdefault(subset, {"n_train": r["n_train"]})
            d[metric], d[f"{metric}_low"], d[f"{metric}_high"] = r["mean"], r["ci_low"], r["ci_high"]
        order = list(dict.fromkeys(self.table["subset"]))
        return pd.DataFrame.from_dict(rows, orient="index").loc[order]

    def to_text(self, metrics=("error_rate", "hallucination_rate", "ece", "nll", "confident_rate",
                               "confident_error_rate")) -> str:
        def cell(r):
            if np.isnan(r["ci_low"]):
                return f"{r['mean']:.4f}"
            return f"{r['mean']:.4f} [{r['ci_low']:.4f}, {r['ci_high']:.4f}]"

        t = self.table[self.table["metric"].isin(metrics)]
        order = list(dict.fromkeys(self.table["subset"]))
        grid = t.assign(cell=t.apply(cell, axis=1)).pivot(index="subset", columns="metric", values="cell")
        cols = [m for m in metrics if m in grid.columns]
        blocks = []
        for start in range(0, len(cols), 3):  # three metrics per block keeps lines readable
            block = grid.loc[order, cols[start: start + 3]]
            block.insert(0, "n_train", [str(self.sizes[s]) for s in order])
            blocks.append(block.to_string())
        lines = [f"Comparison over seeds {list(self.seeds)}: mean [95% t-interval]; "
                 f"hallucination = wrong with confidence >= tau = {self.tau:g}; ECE with 15 bins;\n"
                 "confident_rate = share of test answers with confidence >= tau; confident_error_rate = "
                 "share of those that are wrong.",
                 "\n\n".join(blocks)]
        if self.per_group is not None and len(self.per_group):
            g = self.per_group[self.per_group["metric"].isin(("error_rate", "hallucination_rate"))]
            pg = g.assign(cell=g.apply(cell, axis=1)).pivot_table(
                index=["group", "n"], columns=["metric", "subset"], values="cell", aggfunc="first")
            lines += ["", "Per group of the test set:", pg.to_string()]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def plot(self, path, *, overwrite: bool = True) -> Path:
        """Bars with 95% intervals (error and hallucination rate) and reliability diagrams, as a PNG."""
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt

        path = Path(path)
        if path.exists() and not overwrite:
            raise DataQualityError(f"{path} exists. Pass overwrite=True to replace it.")
        order = list(dict.fromkeys(self.table["subset"]))
        fig, axes = plt.subplots(1, 3, figsize=(14, 4))
        for ax, metric in zip(axes[:2], ("error_rate", "hallucination_rate")):
            t = self.table[self.table["metric"] == metric].set_index("subset").loc[order]
            lo = np.nan_to_num(t["mean"] - t["ci_low"])
            hi = np.nan_to_num(t["ci_high"] - t["mean"])
            ax.bar(order, t["mean"], yerr=[lo, hi], capsize=5, color=["C%d" % i for i in range(len(order))])
            ax.set_title(metric.replace("_", " ") + (f" (tau={self.tau:g})" if "halluc" in metric else ""))
            ax.set_ylabel("mean over seeds, 95% interval")
        ax = axes[2]
        ax.plot([0, 1], [0, 1], "k--", lw=1, label="perfect calibration")
        for i, s in enumerate(order):
            rel = self.reliability[s]
            ok = rel["count"] > 0
            ax.plot(rel["confidence"][ok], rel["accuracy"][ok], "o-", color=f"C{i}", label=s)
        ax.set_xlabel("confidence")
        ax.set_ylabel("accuracy")
        ax.set_title("reliability (15 bins, pooled over seeds)")
        ax.legend(fontsize=8)
        fig.tight_layout()
        import io

        from .._io import safe_write_bytes

        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100)
        plt.close(fig)
        return safe_write_bytes(path, buf.getvalue(), overwrite=overwrite)


def _positions_in(train: Dataset, sub) -> np.ndarray | None:
    """Positions of ``sub`` inside ``train`` when it is an index array or a view of ``train``."""
    if isinstance(sub, Dataset):
        if sub._source is not train._source:
            return None
        where = {int(j): p for p, j in enumerate(train._index)}
        pos = [where.get(int(j)) for j in sub._index]
        return None if any(p is None for p in pos) else np.asarray(pos, dtype=np.int64)
    arr = np.asarray(sub)
    if arr.dtype == bool:
        if len(arr) != len(train):
            raise DataQualityError(f"A boolean subset must have one entry per training example ({len(train)}).")
        return np.flatnonzero(arr)
    if arr.ndim == 1 and (arr.size == 0 or np.issubdtype(arr.dtype, np.integer)):
        if arr.size and (arr.min() < 0 or arr.max() >= len(train)):
            raise DataQualityError(f"Subset positions must lie in [0, {len(train)}).")
        return arr.astype(np.int64)
    return None


def compare(train, test, subsets=None, seeds=(0, 1, 2), report=None, groups=None, tau: float = 0.9, *,
            labels=None, test_labels=None, exclude=None, progress: bool = True, **finetune_kwargs) -> CompareResult:
    """Train the same recipe with the same seeds on several training subsets and compare them on ``test``.

    Parameters
    ----------
    train, test : anything :func:`dataquality.as_dataset` accepts (``labels`` / ``test_labels`` as there).
    subsets : ``{name: Dataset view of train, position array, boolean mask or other dataset}``. By default
        ``"dirty"`` (all of ``train``), ``"clean"`` (``report.clean_subset(exclude)``) and
        ``"random_control"`` (``train`` less as many *random* examples as the cleaning dropped,
        re-drawn for each seed).
    seeds : the training seeds; metrics are given as mean and 95% t-interval over them.
    report : an :class:`AuditReport` of ``train``; computed with :func:`dataquality.audit` when needed.
        ``report.comparison`` is set to the result.
    groups : as in :func:`dataquality.evaluate` (e.g. an AuditReport of the test set).
    tau : confidence threshold of the hallucination rate, in (0, 1].
    **finetune_kwargs : passed to :func:`dataquality.finetune` (``model``, ``mode``, ``epochs`` ...).

    Examples
    --------
    >>> res = dq.compare(train, test, mode="linear_probe", seeds=(0, 1, 2))   # doctest: +SKIP
    >>> print(res)                                                            # doctest: +SKIP
    >>> res.plot("compare.png")                                               # doctest: +SKIP
    """
    from .._device import resolve_device
    from ..report import AuditReport
    from ..report._report import DEFAULT_EXCLUDE
    from ._finetune import _head_probs, _model_name, _probe_features, finetune

    tau = M.check_tau(tau)
    try:
        seeds = tuple(int(s) for s in seeds)
    except TypeError:
        raise DataQualityError(f"Expected `seeds` to be a sequence of integers but got {seeds!r}.") from None
    if not seeds:
        raise DataQualityError("Expected at least one seed in `seeds` but got none.")
    bad = set(finetune_kwargs) & {"random_state", "dataset", "_features"}
    if bad:
        raise DataQualityError(f"compare sets {sorted(bad)} itself (the seeds); leave them out of the arguments.")
    mode = finetune_kwargs.get("mode", "linear_probe")
    model = finetune_kwargs.get("model", "auto")
    train_ds = as_dataset(train, labels)
    test_ds = as_dataset(test, test_labels)
    if len(train_ds) == 0 or len(test_ds) == 0:
        raise DataQualityError("compare needs a non-empty training set and a non-empty test set.")
    if mode not in ("linear_probe", "full"):
        raise DataQualityError(f"Expected argument `mode` to be one of ('linear_probe', 'full') but got {mode!r}.")
    name = _model_name(model, train_ds.modality, mode)
    device = resolve_device(finetune_kwargs.get("device", "auto"))
    cache_dir = finetune_kwargs.get("cache_dir")
    if report is not None and not isinstance(report, AuditReport):
        raise DataQualityError(f"Expected `report` to be an AuditReport of train but got {type(report).__name__}.")
    image_size = finetune_kwargs.get("image_size")
    if image_size is None and mode == "linear_probe" and train_ds.modality == "image":
        # the size the report's audit embedded train at: its vectors are reused, not computed again
        from ._features import settle_image_size

        held = report.dataset if report is not None and report.dataset is not None else train_ds
        image_size = settle_image_size(model if name == "module" else name, held, device,
                                       finetune_kwargs.get("weights"))
        finetune_kwargs = {**finetune_kwargs, "image_size": image_size}
    elif image_size is None:
        image_size = 16 if name == "pixels" else 224

    # -- the subsets, as positions in train (or separate datasets) --------------------------------
    if subsets is None:
        if report is None:
            from ..audit import audit

            akw = {}
            if train_ds.modality == "image" and name in ("efficientnet_lite0", "resnet18", "resnet50"):
                akw = {"embedder": name, "embedder_settings": {"image_size": image_size}}
            logger.info("Auditing the training set to find the clean subset.")
            report = audit(train_ds, device=device, cache_dir=cache_dir, random_state=seeds[0],
                           progress=progress, **akw)
        if report.n != len(train_ds) or list(report.ids) != list(train_ds.ids):
            raise DataQualityError("`report` is not a report of `train` (the example ids differ). "
                                   "Pass report=dq.audit(train).")
        clean = report.clean_indices(DEFAULT_EXCLUDE if exclude is None else exclude)
        if len(clean) == 0:
            raise DataQualityError(report.why_nothing_is_left(DEFAULT_EXCLUDE if exclude is None else exclude)
                                   + " Nothing is left to compare.")
        subsets = {"dirty": np.arange(len(train_ds)), "clean": clean, RANDOM_CONTROL: len(train_ds) - len(clean)}
    elif not isinstance(subsets, dict) or not subsets:
        raise DataQualityError("Expected `subsets` to be a non-empty dict {name: subset of train}.")
    resolved = {}
    for sname, sub in subsets.items():
        if sname == RANDOM_CONTROL and isinstance(sub, (int, np.integer)):
            resolved[sname] = ("random", int(sub))
            continue
        pos = _positions_in(train_ds, sub)
        sub_ds = train_ds.subset(pos) if pos is not None else as_dataset(sub)
        if len(sub_ds) == 0:
            raise DataQualityError(f"Subset {sname!r} is empty. Every subset needs training examples.")
        resolved[sname] = ("positions", pos) if pos is not None else ("dataset", sub_ds)

    # -- shared embeddings for the image linear probe -----------------------------------------------
    shared = None
    if mode == "linear_probe" and train_ds.modality == "image":
        features = {"kind": "image", "embedder": name, "image_size": int(image_size),
                    "weights": None if finetune_kwargs.get("weights") is None else str(finetune_kwargs["weights"])}
        user_module = model if name == "module" else None
        kw = dict(device=device, cache_dir=cache_dir, progress=progress, random_state=seeds[0])
        Xtr, utr = _probe_features(train_ds, features, user_module, **kw)
        Xte, ute = _probe_features(test_ds, features, user_module, **kw)
        shared = (Xtr, utr, Xte, ute)

    run_rows, group_rows, pooled = [], [], {}
    fkw = {k: v for k, v in finetune_kwargs.items()}
    fkw.setdefault("progress", False)
    for sname, (kind, value) in resolved.items():
        for seed in seeds:
            if kind == "random":
                keep = np.sort(np.random.default_rng(seed).choice(len(train_ds), len(train_ds) - value,
                                                                  replace=False))
                sub_ds, pos = train_ds.subset(keep), keep
            elif kind == "positions":
                sub_ds, pos = train_ds.subset(value), value
            else:
                sub_ds, pos = value, None
            extra = {}
            if shared is not None and pos is not None:
                extra["_features"] = (shared[0][pos], shared[1][pos])
            res = finetune(sub_ds, random_state=seed, **fkw, **extra)
            probs_arg = None
            if shared is not None:
                Xte, ute = shared[2], shared[3]
                probs_arg = (_head_probs(res.network, Xte[ute], res.features, device), ute)
            ev = evaluate(res, test_ds, groups=groups, tau=tau, device=device, cache_dir=cache_dir, _probs=probs_arg)
            run_rows.append({"subset": sname, "seed": seed, "n_train": res.n_train,
                             **{m: ev.overall[m] for m in TABLE_METRICS}})
            if ev.per_group is not None:
                for g, r in ev.per_group.iterrows():
                    group_rows.append({"subset": sname, "seed": seed, "group": g, "n": int(r["n"]),
                                       **{m: r.get(m, np.nan) for m in TABLE_METRICS}})
            p, y = pooled.setdefault(sname, ([], []))
            p.append(ev.probs)
            y.append(ev.y)
            logger.info("compare: %s seed %d: error %.4f, hallucination %.4f", sname, seed,
                        ev.overall["error_rate"], ev.overall["hallucination_rate"])
    runs = pd.DataFrame(run_rows)
    runs["n_train"] = runs["n_train"].astype(np.int64)
    table = []
    for sname in resolved:
        r = runs[runs["subset"] == sname]
        for m in TABLE_METRICS:
            mean, lo, hi = _rate_interval(m, r[m])
            table.append({"subset": sname, "metric": m, "n_train": _n_train(r["n_train"]), "mean": mean,
                          "ci_low": lo, "ci_high": hi, "std": float(r[m].std(ddof=1)) if len(r) > 1 else np.nan,
                          "n_seeds": len(r)})
    table = pd.DataFrame(table)
    per_group = None
    if group_rows:
        gr = pd.DataFrame(group_rows)
        recs = []
        for (sname, g), r in gr.groupby(["subset", "group"], sort=False):
            for m in TABLE_METRICS:
                mean, lo, hi = _rate_interval(m, r[m])
                recs.append({"subset": sname, "group": g, "n": int(r["n"].iloc[0]), "metric": m, "mean": mean,
                             "ci_low": lo, "ci_high": hi})
        per_group = pd.DataFrame(recs)
    reliability = {}
    for sname, (p, y) in pooled.items():
        count, conf, acc = M.reliability_bins(np.concatenate(p), np.concatenate(y))
        edges = np.linspace(0, 1, M.ECE_BINS + 1)
        reliability[sname] = pd.DataFrame({"lo": edges[:-1], "hi": edges[1:], "count": count,
                                           "confidence": conf, "accuracy": acc})
    sizes = {s: _n_train(runs.loc[runs["subset"] == s, "n_train"]) for s in resolved}
    result = CompareResult(table=table, runs=runs, per_group=per_group, reliability=reliability, sizes=sizes,
                           tau=tau, seeds=seeds,
                           config={"mode": mode, "model": name, "n_train_total": len(train_ds),
                                   "n_test": len(test_ds), **{k: v for k, v in finetune_kwargs.items()
                                                              if isinstance(v, (int, float, str, bool))}})
    if report is not None:
        report.comparison = result
        result.report = report
    return result
