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
from . import _selective as S
from ._evaluate import evaluate

logger = logging.getLogger("dataquality")

TABLE_METRICS = ("error_rate", "hallucination_rate", "ece", "nll", "accuracy", "confident_rate", "confident_error_rate")
RANDOM_CONTROL = "random_control"
NO_DIFFERENCE = "no difference at 95%"
NO_INTERVAL = "n/a"  # fewer than two seeds where the metric is defined
RISK_COVERAGE_GRID = np.arange(1, 101) / 100.0  # coverages at which the curves are averaged over seeds


@dataclass(frozen=True)
class _Control:
    """The random control of an audit's clean subset: ``n_keep`` examples drawn from the positions ``usable``."""

    usable: np.ndarray
    n_keep: int


def _trainable(ds: Dataset, report) -> np.ndarray:
    """Positions of ``ds`` that training uses: labelled, and neither unreadable (the audit's flags) nor empty text."""
    from ._models import has_text

    ok = np.array([lab is not None for lab in ds.labels], dtype=bool)
    unreadable = report.issues.loc[report.issues["issue"] == "unreadable", "index"].to_numpy(int)
    ok[unreadable] = False
    if has_text(ds.modality):
        from . import _features as F

        ok &= np.asarray(F.usable_text_mask(ds.texts), dtype=bool)
    return np.flatnonzero(ok)


def _copies_in_train(train: Dataset, test: Dataset) -> int:
    """How many test examples are exact copies of a training example by content token (the same array, text or
    table row; for files the same file): metrics over them measure memory, not generalisation."""
    seen = {train._source.token(int(j)) for j in train._index}
    return int(sum(test._source.token(int(j)) in seen for j in test._index))


def table_metrics(coverages=S.COVERAGES, ood: bool = False) -> tuple[str, ...]:
    """Every metric :func:`compare` reports, in the order of its table."""
    names = list(TABLE_METRICS) + [f"risk@{c:g}" for c in coverages] + ["aurc", "eaurc"]
    names += [f"hallucination@{c:g}" for c in coverages]
    if ood:
        names += ["ood_confident_rate"] + [f"ood_answered@{c:g}" for c in coverages] + ["ood_auroc"]
    return tuple(names)


def better_direction(metric: str) -> str:
    """``"lower"`` or ``"higher"`` (which way is better), or ``""`` where neither is (a share of answers)."""
    if metric in ("accuracy", "ood_auroc"):
        return "higher"
    if metric == "confident_rate":
        return ""
    return "lower"


def metric_range(metric: str) -> tuple[float, float]:
    """Where a metric's values lie: [0, 1] for every rate, [0, inf) for the NLL; intervals are clipped to it."""
    return (0.0, np.inf) if metric == "nll" else (0.0, 1.0)


def t_interval(values, confidence: float = 0.95) -> tuple[float, float, float]:
    """(mean, low, high): Student-t interval of the mean; NaN bounds with fewer than two values.

    Examples
    --------
    >>> import dataquality as dq
    >>> [round(v, 3) for v in dq.training.t_interval([1.0, 2.0, 3.0])]
    [2.0, -0.484, 4.484]
    """
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
    table : DataFrame, one row per (subset, metric): n_train, mean, ci_low, ci_high, std, n_seeds (the seeds
        where the metric is defined, over which mean and interval are taken: confident_error_rate is undefined for
        a seed with no confident answer).
        Intervals are 95% Student-t intervals over the seeds, clipped to [0, 1] (the NLL to [0, inf)).
    runs : DataFrame, one row per (subset, seed) with every metric.
    per_group : DataFrame, one row per (subset, group, metric) like ``table`` (None without groups).
    reliability : {subset: DataFrame of count, confidence, accuracy per bin}, pooled over seeds.
    sizes : {subset: number of training examples: an integer when every seed trained on as many, else
        the per-seed counts as text, e.g. ``"498/500/499"`` (``runs`` has them as integers).
    differences : DataFrame, one row per (subset, metric) for each subset but the baseline: the mean
        per-seed difference subset - baseline with its 95% t-interval (diff, ci_low, ci_high), the
        ``verdict`` ("lower" or "higher" when the interval excludes 0, else "no difference at 95%";
        "n/a" with fewer than two seeds where the metric is defined, e.g. confident_error_rate
        without confident answers) and ``better`` ("lower", "higher", or "" where neither is better).
    risk_coverage : DataFrame, one row per (subset, coverage) on a grid of 100 coverages: selective risk
        mean, ci_low, ci_high over the seeds.
    baseline : the subset the others are compared with ("dirty" when there is one).
    coverages : the coverages of ``risk@c``, ``hallucination@c`` and ``ood_answered@c``.
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
    differences: pd.DataFrame | None = None
    risk_coverage: pd.DataFrame | None = None
    baseline: str | None = None
    coverages: tuple = S.COVERAGES

    @property
    def metrics(self) -> tuple[str, ...]:
        """The metrics in ``table``, in order."""
        return tuple(dict.fromkeys(self.table["metric"]))

    def wide(self, metrics=None) -> pd.DataFrame:
        """One row per subset, ``<metric>``, ``<metric>_low``, ``<metric>_high`` columns."""
        metrics = self.metrics if metrics is None else metrics
        rows = {}
        for (subset, metric), r in self.table.set_index(["subset", "metric"]).iterrows():
            if metric not in metrics:
                continue
            d = rows.setdefault(subset, {"n_train": r["n_train"]})
            d[metric], d[f"{metric}_low"], d[f"{metric}_high"] = r["mean"], r["ci_low"], r["ci_high"]
        order = list(dict.fromkeys(self.table["subset"]))
        return pd.DataFrame.from_dict(rows, orient="index").loc[order]

    def _blocks(self, metrics) -> list[list[str]]:
        """Metrics in groups of at most three that belong together (one printed block each)."""
        families = [("error_rate", "hallucination_rate", "ece"), ("nll", "confident_rate", "confident_error_rate"),
                    ("accuracy",), tuple(f"risk@{c:g}" for c in self.coverages), ("aurc", "eaurc"),
                    tuple(f"hallucination@{c:g}" for c in self.coverages), ("ood_confident_rate", "ood_auroc"),
                    tuple(f"ood_answered@{c:g}" for c in self.coverages)]
        known = {m for f in families for m in f}
        families.append(tuple(m for m in metrics if m not in known))
        blocks = []
        for family in families:
            chosen = [m for m in family if m in metrics]
            blocks += [chosen[i: i + 3] for i in range(0, len(chosen), 3)]
        return blocks

    def verdicts(self) -> pd.DataFrame:
        """One row per metric, one column per subset compared with the baseline: the verdict text."""
        if self.differences is None or not len(self.differences):
            return pd.DataFrame()
        d = self.differences
        grid = d.pivot(index="metric", columns="subset", values="verdict")
        order = [m for m in self.metrics if m in grid.index]
        subsets = list(dict.fromkeys(d["subset"]))
        out = grid.loc[order, subsets]
        out.insert(0, "better", [better_direction(m) or "neither" for m in order])
        return out

    def to_text(self, metrics=None) -> str:
        """The table (mean [95% interval] per subset and metric), what each metric means, and the verdicts."""
        metrics = [m for m in self.metrics if m != "accuracy"] if metrics is None else list(metrics)

        def cell(r):
            # a metric undefined on some seeds (no confident answer) is a mean over the others: said
            part = f" ({int(r['n_seeds'])} of {len(self.seeds)} seeds)" if r.get("n_seeds", len(self.seeds)) < len(
                self.seeds) and not np.isnan(r["mean"]) else ""
            if np.isnan(r["ci_low"]):
                return f"{r['mean']:.4f}{part}"
            return f"{r['mean']:.4f} [{r['ci_low']:.4f}, {r['ci_high']:.4f}]{part}"

        t = self.table[self.table["metric"].isin(metrics)]
        order = list(dict.fromkeys(self.table["subset"]))
        grid = t.assign(cell=t.apply(cell, axis=1)).pivot(index="subset", columns="metric", values="cell")
        blocks = []
        for cols in self._blocks([m for m in metrics if m in grid.columns]):
            block = grid.loc[order, cols]
            block.insert(0, "n_train", [str(self.sizes[s]) for s in order])
            blocks.append(block.to_string())
        cs = "/".join(f"{c:g}" for c in self.coverages)
        lines = [f"Comparison over seeds {list(self.seeds)}: mean [95% t-interval over seeds; rates clipped to [0, 1]]."]
        if self.config.get("n_test_skipped"):
            lines.append(f"  Scored on {self.config['n_test_scored']} of {self.config['n_test']} test examples (left "
                         "out: " + ", ".join(f"{v} {k}" for k, v in self.config["n_test_skipped"].items()) + ").")
        if self.config.get("n_test_in_train"):
            lines.append(f"  Leakage: {self.config['n_test_in_train']} of {self.config['n_test']} test examples are exact "
                         "copies of training examples; their answers measure memory, not generalisation (drop them "
                         "from the test set, or audit it with reference=train).")
        if self.config.get("clean_removed_nothing") is not None:
            lines.append(f"  The audit removed none of the {self.config['clean_removed_nothing']} examples training can "
                         "use: dirty, clean and the random control train on the same data, and their differences are "
                         "the seeds' noise (see the audit's summary: a check that did not run, or a label check not "
                         "trusted, removes nothing).")
        for sname, lost in self.config.get("untrained_classes", {}).items():
            n = sum(lost.values())
            if n:
                lines.append(f"  Subset {sname!r} has no training example of class(es) {', '.join(lost)}: its model "
                             f"never learnt them, so the {n} test example(s) of them are errors whatever the cleaning "
                             "did (keep some of each class, e.g. exclude fewer issue types).")
        lines += [f"  hallucination_rate = wrong with confidence >= tau = {self.tau:g}; confident_rate = share of test "
                  "answers with confidence >= tau;",
                  "  confident_error_rate = share of those that are wrong; ECE with 15 bins.",
                  f"  Selective answers, every model answering the same share c = {cs} of the test inputs (its most "
                  "confident ones):",
                  "  risk@c = error among the answered; hallucination@c = answered and wrong, as a share of all test "
                  "inputs (c x risk@c);",
                  "  aurc = area under the risk-coverage curve; eaurc = aurc minus that of a perfect ranking of the "
                  "same answers."]
        if "ood_auroc" in self.metrics:
            lines += [f"  Out-of-distribution inputs ({self.config.get('n_ood', '?')}, from no training class): "
                      "ood_confident_rate = share answered with confidence >= tau;",
                      "  ood_answered@c = share answered at the confidence threshold that answers c of the test set; "
                      "ood_auroc = in vs out by confidence."]
        lines += ["", "\n\n".join(blocks)]
        v = self.verdicts()
        if len(v):
            d = self.differences.set_index(["subset", "metric"])
            shown = v.loc[[m for m in v.index if m in metrics]].copy()
            for sname in shown.columns[1:]:
                def fmt(m, sname=sname):
                    r = d.loc[(sname, m)]
                    if np.isnan(r["diff"]):
                        return "n/a (undefined)"
                    if np.isnan(r["ci_low"]):
                        return f"{r['diff']:+.4f} n/a (one seed)"
                    return f"{r['diff']:+.4f} [{r['ci_low']:+.4f}, {r['ci_high']:+.4f}] {r['verdict']}"
                shown[sname] = [fmt(m) for m in shown.index]
            lines += ["", f"Against {self.baseline!r}: mean per-seed difference (subset - {self.baseline}) "
                      "[95% t-interval] and the verdict it gives",
                      "(lower / higher: the interval excludes 0); 'better' says which direction is better for "
                      "each metric.", shown.to_string()]
        if self.per_group is not None and len(self.per_group):
            g = self.per_group[self.per_group["metric"].isin(("error_rate", "hallucination_rate"))]
            pg = g.assign(cell=g.apply(cell, axis=1)).pivot_table(
                index=["group", "n"], columns=["metric", "subset"], values="cell", aggfunc="first")
            lines += ["", "Per group of the test set:", pg.to_string()]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def plot(self, path, *, overwrite: bool = True) -> Path:
        """A PNG: error rate and hallucination (at tau and at matched coverage) with 95% intervals,
        risk-coverage curves with their bands over seeds, and reliability diagrams."""
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt

        from ..report import draw_risk_coverage

        path = Path(path)
        if path.exists() and not overwrite:
            raise DataQualityError(f"{path} exists. Pass overwrite=True to replace it.")
        order = list(dict.fromkeys(self.table["subset"]))
        colors = [f"C{i}" for i in range(len(order))]
        fig, axes = plt.subplots(1, 4, figsize=(19, 4))
        t = self.table.set_index(["metric", "subset"])

        def bars(ax, metrics, labels):
            width = 0.8 / len(order)
            for i, s in enumerate(order):
                mean = np.array([t.loc[(m, s), "mean"] for m in metrics])
                lo = np.nan_to_num(mean - np.array([t.loc[(m, s), "ci_low"] for m in metrics]))
                hi = np.nan_to_num(np.array([t.loc[(m, s), "ci_high"] for m in metrics]) - mean)
                ax.bar(np.arange(len(metrics)) + (i - (len(order) - 1) / 2) * width, mean, width, yerr=[lo, hi],
                       capsize=3, color=colors[i], label=s)
            ax.set_xticks(np.arange(len(metrics)), labels)
            ax.set_ylabel("mean over seeds, 95% interval")

        bars(axes[0], ["error_rate"], ["error rate"])
        axes[0].set_title("error rate")
        axes[0].legend(fontsize=8)
        halls = ["hallucination_rate"] + [f"hallucination@{c:g}" for c in self.coverages]
        bars(axes[1], halls, [f"tau={self.tau:g}"] + [f"c={c:g}" for c in self.coverages])
        axes[1].set_title("hallucination: at tau, and at matched coverage c")
        if self.risk_coverage is not None:
            draw_risk_coverage(axes[2], self.risk_coverage, order)
        ax = axes[3]
        ax.plot([0, 1], [0, 1], "k--", lw=1, label="perfect calibration")
        for i, s in enumerate(order):
            rel = self.reliability[s]
            ok = rel["count"] > 0
            ax.plot(rel["confidence"][ok], rel["accuracy"][ok], "o-", color=colors[i], label=s)
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
            ood=None, coverages=S.COVERAGES, labels=None, test_labels=None, exclude=None, progress: bool = True,
            **finetune_kwargs) -> CompareResult:
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
    ood : inputs from no training class (held-out classes, another data set), in any form
        :func:`dataquality.as_dataset` accepts; labels ignored. Adds how often each model answers them:
        ``ood_confident_rate`` (confidence >= ``tau``), ``ood_answered@c`` (at the confidence threshold
        that answers ``c`` of the test set) and ``ood_auroc`` (in vs out by confidence).
    coverages : the coverages ``c`` of ``risk@c``, ``hallucination@c`` and ``ood_answered@c``, in (0, 1].
    **finetune_kwargs : passed to :func:`dataquality.finetune` (``model``, ``mode``, ``epochs`` ...).

    The table gives each metric's mean and 95% t-interval over the seeds; ``differences`` (and the
    printed verdicts) compare every subset with ``"dirty"`` (or the first subset) by the 95% t-interval of
    the per-seed difference: "lower", "higher" or "no difference at 95%".

    Examples
    --------
    >>> res = dq.compare(train, test, mode="linear_probe", seeds=(0, 1, 2))   # doctest: +SKIP
    >>> print(res)                                                            # doctest: +SKIP
    >>> res.plot("compare.png")                                               # doctest: +SKIP
    """
    from .._device import resolve_device
    from ..report import AuditReport
    from ._finetune import finetune
    from ._models import has_pixels, head_probs, model_name, probe_features
    from ._temperature import apply_temperature

    tau = M.check_tau(tau)
    coverages = S.check_coverages(coverages)
    try:
        seeds = tuple(int(s) for s in seeds)
    except TypeError:
        hint = f" (for {seeds} seeds: seeds=range({seeds}))" if isinstance(seeds, int) and seeds > 0 else ""
        raise DataQualityError(f"Expected `seeds` to be a sequence of integers, such as seeds=(0, 1, 2), but got "
                               f"{seeds!r}{hint}.") from None
    if not seeds:
        raise DataQualityError("Expected at least one seed in `seeds` but got none.")
    if len(set(seeds)) < len(seeds):  # the same model twice: zero-width intervals, confident verdicts on nothing
        raise DataQualityError(f"Expected distinct seeds but got {list(seeds)}: a repeated seed trains the same model "
                               "again, and the intervals over seeds would claim a certainty they do not have.")
    bad = set(finetune_kwargs) & {"random_state", "dataset", "_features"}
    if bad:
        raise DataQualityError(f"compare sets {sorted(bad)} itself (the seeds); leave them out of the arguments.")
    mode = finetune_kwargs.get("mode", "linear_probe")
    model = finetune_kwargs.get("model", "auto")
    train_ds = as_dataset(train, labels)
    test_ds = as_dataset(test, test_labels)
    if len(train_ds) == 0 or len(test_ds) == 0:
        raise DataQualityError("compare needs a non-empty training set and a non-empty test set.")
    n_copies = _copies_in_train(train_ds, test_ds)
    if n_copies:
        logger.warning("compare: %d of %d test examples are exact copies of training examples (leakage): their "
                       "metrics measure memory, not generalisation.", n_copies, len(test_ds))
    ood_ds = None if ood is None else as_dataset(ood)
    if ood_ds is not None and len(ood_ds) == 0:
        raise DataQualityError("`ood` is empty. Expected at least one out-of-distribution input, or leave it out.")
    if mode not in ("linear_probe", "full"):
        raise DataQualityError(f"Expected argument `mode` to be one of ('linear_probe', 'full') but got {mode!r}.")
    name = model_name(model, train_ds.modality, mode)
    device = resolve_device(finetune_kwargs.get("device", "auto"))
    cache_dir = finetune_kwargs.get("cache_dir")
    if report is not None and not isinstance(report, AuditReport):
        raise DataQualityError(f"Expected `report` to be an AuditReport of train but got {type(report).__name__}.")
    image_size = finetune_kwargs.get("image_size")
    if image_size is None and mode == "linear_probe" and has_pixels(train_ds.modality):
        # the size the report's audit embedded train at: its vectors are reused, not computed again
        from ._features import settle_image_size

        held = report.dataset if report is not None and report.dataset is not None else train_ds
        image_size = settle_image_size(model if name == "module" else name, held, device,
                                       finetune_kwargs.get("weights"))
        finetune_kwargs = {**finetune_kwargs, "image_size": image_size}
    elif image_size is None:
        from ._features import DEFAULT_IMAGE_SIZE

        image_size = DEFAULT_IMAGE_SIZE

    # -- the subsets, as positions in train (or separate datasets) --------------------------------
    nothing_removed = None
    if subsets is None:
        if report is None:
            from ..audit import audit

            akw = {}
            if has_pixels(train_ds.modality) and name != "module" and not _fits_itself(name):
                # the probe's own embedder: the audit's vectors are then the probe's, embedded once
                from ._features import embedder_settings

                akw = {"embedder": name, "embedder_settings": embedder_settings(name, image_size)}
            logger.info("Auditing the training set to find the clean subset.")
            report = audit(train_ds, device=device, cache_dir=cache_dir, random_state=seeds[0],
                           progress=progress, **akw)
        if report.n != len(train_ds) or list(report.ids) != list(train_ds.ids):
            raise DataQualityError("`report` is not a report of `train` (the example ids differ). "
                                   "Pass report=dq.audit(train).")
        clean = report.clean_indices(exclude)
        if len(clean) == 0:
            raise DataQualityError(report.why_nothing_is_left(exclude)
                                   + " Nothing is left to compare.")
        usable = _trainable(train_ds, report)
        # the control is drawn among the examples training can use, as many as the clean subset keeps of them: drawn
        # among all, it would also lose unreadable and unlabelled ones, which cleaning had removed already, and train
        # on fewer examples than the clean subset (clean 193 against a control of 136 of 300 with 90 unlabelled)
        subsets = {"dirty": np.arange(len(train_ds)), "clean": clean,
                   RANDOM_CONTROL: _Control(usable, int(np.isin(clean, usable).sum()))}
        if np.isin(usable, clean).all():  # cleaning kept every example training can use: the runs are one recipe
            nothing_removed = int(len(usable))
    elif not isinstance(subsets, dict) or not subsets:
        raise DataQualityError("Expected `subsets` to be a non-empty dict {name: subset of train}.")
    resolved = {}
    for sname, sub in subsets.items():
        if sname == RANDOM_CONTROL and isinstance(sub, (int, np.integer)):
            resolved[sname] = ("random", int(sub))
            continue
        if isinstance(sub, _Control):
            resolved[sname] = ("control", sub)
            continue
        pos = _positions_in(train_ds, sub)
        # a view of train keeps its own labels (e.g. relabelled with with_labels); positions share the embeddings
        sub_ds = sub if isinstance(sub, Dataset) else train_ds.subset(pos) if pos is not None else as_dataset(sub)
        if len(sub_ds) == 0:
            raise DataQualityError(f"Subset {sname!r} is empty. Every subset needs training examples.")
        resolved[sname] = ("positions", (pos, sub_ds)) if pos is not None else ("dataset", sub_ds)

    # -- shared embeddings for the image linear probe -----------------------------------------------
    shared = None
    if mode == "linear_probe" and has_pixels(train_ds.modality):
        features = {"kind": "image", "embedder": name, "image_size": int(image_size),
                    "weights": None if finetune_kwargs.get("weights") is None else str(finetune_kwargs["weights"])}
        user_module = model if name == "module" else None
        kw = dict(device=device, cache_dir=cache_dir, progress=progress, random_state=seeds[0])
        Xtr, utr = probe_features(train_ds, features, user_module, **kw)
        Xte, ute = probe_features(test_ds, features, user_module, **kw)
        shared = (Xtr, utr, Xte, ute)
        if ood_ds is not None:
            Xood, uood = probe_features(ood_ds, features, user_module, **kw)
            shared += (Xood[uood],)

    def shared_probs(res, X):
        return apply_temperature(head_probs(res.network, X, res.features, device),
                                 float(res.config.get("temperature", 1.0)))

    metrics = table_metrics(coverages, ood=ood_ds is not None)
    run_rows, group_rows, pooled, curves, untrained = [], [], {}, [], {}
    fkw = {k: v for k, v in finetune_kwargs.items()}
    fkw.setdefault("progress", False)
    for sname, (kind, value) in resolved.items():
        for seed in seeds:
            if kind == "random":
                keep = np.sort(np.random.default_rng(seed).choice(len(train_ds), len(train_ds) - value,
                                                                  replace=False))
                sub_ds, pos = train_ds.subset(keep), keep
            elif kind == "control":
                keep = np.sort(np.random.default_rng(seed).choice(value.usable, value.n_keep, replace=False))
                sub_ds, pos = train_ds.subset(keep), keep
            elif kind == "positions":
                pos, sub_ds = value
            else:
                sub_ds, pos = value, None
            extra = {}
            if shared is not None and pos is not None:
                extra["_features"] = (shared[0][pos], shared[1][pos])
            try:
                res = finetune(sub_ds, random_state=seed, **fkw, **extra)
                probs_arg = ood_probs = None
                if shared is not None:
                    Xte, ute = shared[2], shared[3]
                    probs_arg = (shared_probs(res, Xte[ute]), ute)
                    if ood_ds is not None:
                        ood_probs = shared_probs(res, shared[4])
                ev = evaluate(res, test_ds, groups=groups, tau=tau, ood=ood_ds, coverages=coverages, device=device,
                              cache_dir=cache_dir, _probs=probs_arg, _ood_probs=ood_probs)
            except DataQualityError as e:  # which subset and seed could not be trained or scored
                raise type(e)(f"Subset {sname!r} (seed {seed}): {e}") from None
            run_rows.append({"subset": sname, "seed": seed, "n_train": res.n_train,
                             **{m: ev.overall[m] for m in metrics}})
            if ev.per_group is not None:
                for g, r in ev.per_group.iterrows():
                    group_rows.append({"subset": sname, "seed": seed, "group": g, "n": int(r["n"]),
                                       **{m: r.get(m, np.nan) for m in metrics if not m.startswith("ood_")}})
            _, risks = S.risk_coverage_curve(ev.probs, ev.y, RISK_COVERAGE_GRID)
            curves.append(pd.DataFrame({"subset": sname, "seed": seed, "coverage": RISK_COVERAGE_GRID, "risk": risks}))
            if ood_ds is not None:
                n_ood = ev.overall["n_ood"]
            for c in res.config.get("untrained_classes", []):  # a class the subset lost: never answered
                untrained.setdefault(sname, {})[str(c)] = int(np.sum(ev.y == ev.classes.index(c)))
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
        for m in metrics:
            mean, lo, hi = _clipped(m, t_interval(r[m]))
            table.append({"subset": sname, "metric": m, "n_train": _n_train(r["n_train"]), "mean": mean,
                          "ci_low": lo, "ci_high": hi, "std": float(r[m].std(ddof=1)) if len(r) > 1 else np.nan,
                          "n_seeds": int(np.isfinite(r[m].to_numpy(float)).sum())})
    table = pd.DataFrame(table)
    baseline = "dirty" if "dirty" in resolved else next(iter(resolved))
    differences = _differences(runs, baseline, metrics)
    risk_coverage = _mean_curves(pd.concat(curves, ignore_index=True))
    per_group = None
    if group_rows:
        gr = pd.DataFrame(group_rows)
        recs = []
        for (sname, g), r in gr.groupby(["subset", "group"], sort=False):
            for m in metrics:
                if m.startswith("ood_"):
                    continue
                mean, lo, hi = _clipped(m, t_interval(r[m]))
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
    config = {"mode": mode, "model": name, "n_train_total": len(train_ds), "n_test": len(test_ds)}
    skipped_test = {k: v for k, v in ev.n_skipped.items() if v}
    if skipped_test:  # the metrics are over the scored test examples only: said, not just logged
        config["n_test_scored"] = len(test_ds) - sum(skipped_test.values())
        config["n_test_skipped"] = skipped_test
    if ood_ds is not None:
        config["n_ood"] = n_ood
    if n_copies:
        config["n_test_in_train"] = n_copies
    if untrained:
        config["untrained_classes"] = untrained
    if nothing_removed is not None:
        config["clean_removed_nothing"] = nothing_removed
    config.update({k: v for k, v in finetune_kwargs.items() if isinstance(v, (int, float, str, bool))})
    result = CompareResult(table=table, runs=runs, per_group=per_group, reliability=reliability, sizes=sizes,
                           tau=tau, seeds=seeds, config=config, differences=differences,
                           risk_coverage=risk_coverage, baseline=baseline, coverages=coverages)
    if report is not None:
        report.comparison = result
        result.report = report
    return result


def _clipped(metric: str, interval: tuple[float, float, float]) -> tuple[float, float, float]:
    """Interval bounds clipped to the metric's range (a t-interval over few seeds can leave it)."""
    mean, lo, hi = interval
    if not np.isnan(lo):
        low, high = metric_range(metric)
        lo, hi = max(lo, low), min(hi, high)
    return mean, lo, hi


def _differences(runs: pd.DataFrame, baseline: str, metrics) -> pd.DataFrame:
    """Per subset and metric: the per-seed difference subset - baseline, its 95% t-interval and the verdict."""
    base = runs[runs["subset"] == baseline].set_index("seed")
    recs = []
    for sname in dict.fromkeys(runs["subset"]):
        if sname == baseline:
            continue
        r = runs[runs["subset"] == sname].set_index("seed")
        seeds = r.index.intersection(base.index)  # the same seeds: the difference is paired
        for m in metrics:
            d = r.loc[seeds, m] - base.loc[seeds, m]
            diff, lo, hi = t_interval(d)
            if np.isnan(lo):
                verdict = NO_INTERVAL
            elif lo > 0:
                verdict = "higher"
            elif hi < 0:
                verdict = "lower"
            else:
                verdict = NO_DIFFERENCE
            recs.append({"subset": sname, "metric": m, "baseline": baseline, "diff": diff, "ci_low": lo,
                         "ci_high": hi, "verdict": verdict, "better": better_direction(m),
                         "n_seeds": int(np.isfinite(d.to_numpy(float)).sum())})
    return pd.DataFrame(recs, columns=["subset", "metric", "baseline", "diff", "ci_low", "ci_high", "verdict",
                                       "better", "n_seeds"])


def _mean_curves(curves: pd.DataFrame) -> pd.DataFrame:
    """Risk-coverage curves per run -> per subset and coverage: mean and 95% t-interval over seeds."""
    recs = []
    for (sname, cov), r in curves.groupby(["subset", "coverage"], sort=False):
        mean, lo, hi = _clipped("risk", t_interval(r["risk"]))
        recs.append({"subset": sname, "coverage": cov, "mean": mean, "ci_low": lo, "ci_high": hi})
    return pd.DataFrame(recs)


def _fits_itself(name: str) -> bool:
    """True when the registered embedder ``name`` is fitted on the data it embeds (``pixels``' PCA)."""
    from ..embeddings import embedder_class

    return bool(getattr(embedder_class(name), "data_dependent", False))
