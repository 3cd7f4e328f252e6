from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._words import pct


def neighbour_votes(idx: np.ndarray, dist: np.ndarray, codes: np.ndarray, n_classes: int,
                    smoothing: float = 0.01) -> np.ndarray:
    """Class distribution of each row's neighbours' given labels, weighted by cosine similarity.

    ``idx`` / ``dist`` are rows of the kNN graph (-1 = no neighbour); a row never votes for itself,
    so the votes are leave-one-out like the out-of-fold probabilities. Rows with no labelled
    neighbour get a uniform distribution.

    >>> idx = np.array([[1, 2], [0, 2], [0, 1]]); dist = np.zeros((3, 2))
    >>> neighbour_votes(idx, dist, np.array([0, 0, 1]), 2, smoothing=0.0).round(2).tolist()
    [[0.5, 0.5], [0.5, 0.5], [1.0, 0.0]]
    """
    V = np.zeros((len(idx), n_classes), dtype=np.float32)
    w = np.clip(1.0 - np.nan_to_num(dist, nan=1.0), 0.0, None)
    lab = np.where(idx >= 0, codes[np.maximum(idx, 0)], -1)
    use = lab >= 0
    np.add.at(V, (np.nonzero(use)[0], lab[use]), w[use])
    V += smoothing
    total = V.sum(axis=1, keepdims=True)
    return np.where(total > 0, V / np.maximum(total, 1e-12), 1.0 / n_classes)


def threshold_adjusted(probs: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``probs`` with each class's column divided by its mean among the examples given that class
    (confident learning's per-class threshold), so that the argmax is the class an example is most
    confidently in *relative to that class's usual confidence*. A strongly regularised probe on a
    small collection with uneven classes leans towards the large classes (its argmax says "the
    largest class" for most examples of small ones) while still ranking the examples of each class
    correctly, which is all confident learning uses; this argmax does not lean.

    >>> threshold_adjusted(np.array([[0.6, 0.4], [0.9, 0.1], [0.7, 0.3]]), np.array([1, 0, 0])).argmax(1).tolist()
    [1, 0, 0]
    """
    t = np.array([probs[y == k, k].mean() if (y == k).any() else 1.0 for k in range(probs.shape[1])])
    return probs / np.maximum(t, 1e-12)


# another candidate replaces the first (the long-standing "both") only when its paired F1 gain over the rounds is
# above one standard error: on breast-cancer (benchmarks/detection.py --modality tabular, seeds 0-2) the estimates are
# within 0.02 of each other and the plain larger estimate took confident_learning on seed 2 (F1 0.842 -> 0.784)
SWITCH_SE = 1.0
# ... and at least 0.01 F1: on the planted vectors of tests/test_compute.py (6 clusters) the estimates were 0.880 /
# 0.887, consistent enough to pass one standard error, for a real difference of one flag (F1 0.877 / 0.873)
SWITCH_MIN_GAIN = 0.01


def choose_filter(yy: np.ndarray, mixed, candidates=("both", "confident_learning"), *, reps: int = 30,
                  max_rows: int = 20_000, random_state: int = 0, min_examples_per_class: int = 1) -> tuple[str, dict]:
    """The cleanlab filter that finds planted label errors best on this data, and each candidate's estimated F1.

    ``mixed(sel, codes)`` returns the probabilities the check hands cleanlab for the rows ``sel`` (positions in
    ``yy``) when the judged labels are ``codes`` (the neighbour votes change with the labels). The examples no
    candidate flags on the given labels are the pool; in each of ``reps`` rounds as many of them as the first
    candidate flags (2 % to 10 %) get a uniformly drawn other label, and each candidate is scored by its F1 on
    those, counting as false flags only examples of the pool. An example's out-of-fold probabilities do not
    depend on its own label, so nothing is refitted. Another candidate replaces the first only when its mean
    paired gain is above ``SWITCH_SE`` standard errors and ``SWITCH_MIN_GAIN``. Above ``max_rows`` a seeded
    sample of that many rows stands for the data (about 3 s at 20,000 rows).

    Why: cleanlab's filters rank the same probabilities differently, and which ranks best depends on the data.
    On the tuning sets (benchmarks/label_filters.py) ``both`` was ahead on digits and Fashion-MNIST (F1 0.798 /
    0.652 against 0.766 / 0.587) and ``confident_learning`` on every photograph-tile set (photos96_e 0.753 ->
    0.840, photos128 0.706 -> 0.781, photos64 0.757 -> 0.798, precision ~1.0 where ``both`` flagged tiles with
    flat probabilities in small classes); this estimate (30 rounds) picked ``both`` on 9 / 9 digits and
    Fashion-MNIST runs and ``confident_learning`` on 7 / 9 photograph runs (kept ``both`` on photos64 seeds 1-2,
    where the two estimates are closest). 10 rounds were noisier (photos64 seed 0 and breast-cancer seed 1, where
    ``confident_learning`` is ahead, kept ``both``).
    """
    from cleanlab.filter import find_label_issues

    rng = np.random.default_rng(random_state)
    n = len(yy)
    sel = np.sort(rng.choice(n, size=max_rows, replace=False)) if n > max_rows else np.arange(n)
    y = yy[sel]
    n_classes = int(yy.max()) + 1
    if np.bincount(y, minlength=n_classes).min() < 2 or len(candidates) < 2:
        return candidates[0], {}

    def flags(labels, probs):
        return {f: find_label_issues(labels, probs, filter_by=f, min_examples_per_class=min_examples_per_class, n_jobs=1)
                for f in candidates}

    base = flags(y, mixed(sel, yy))
    flagged = np.logical_or.reduce(list(base.values()))
    pool = np.flatnonzero(~flagged)
    rate = float(np.clip(base[candidates[0]].mean(), 0.02, 0.10))
    m = min(max(5, int(round(rate * len(sel)))), len(pool))
    if m < 5 or n_classes < 2:
        return candidates[0], {}
    scores = {f: [] for f in candidates}
    for _ in range(reps):
        planted = rng.choice(pool, size=m, replace=False)
        y2 = y.copy()
        y2[planted] = (y[planted] + rng.integers(1, n_classes, size=m)) % n_classes  # any other class
        codes = yy.copy()
        codes[sel[planted]] = y2[planted]
        truth = np.zeros(len(sel), bool)
        truth[planted] = True
        scope = truth | ~flagged
        for f, fl in flags(y2, mixed(sel, codes)).items():
            tp = int((fl & truth).sum())
            fp = int((fl & ~truth & scope).sum())
            scores[f].append(2 * tp / max(2 * tp + fp + (m - tp), 1))
    estimates = {f: round(float(np.mean(v)), 4) for f, v in scores.items()}
    # another candidate replaces the first only if its paired gain over the rounds exceeds SWITCH_SE standard errors
    first = np.array(scores[candidates[0]])
    best, best_gain = candidates[0], 0.0
    for f in candidates[1:]:
        d = np.array(scores[f]) - first
        se = float(d.std(ddof=1) / np.sqrt(len(d))) if len(d) > 1 else 0.0
        if d.mean() > max(SWITCH_SE * se, SWITCH_MIN_GAIN) and d.mean() > best_gain:
            best, best_gain = f, float(d.mean())
    return best, estimates


def wilson_interval(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion k / n, inside [0, 1].

    >>> [round(v, 3) for v in wilson_interval(0, 20)]
    [0.0, 0.161]
    """
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))


@register_check
@dataclass
class LabelCheck(Check):
    """Likely mislabelled examples: cleanlab confident learning on out-of-fold probabilities, mixed
    with the labels of each example's nearest neighbours (``knn_weight``).

    ``score`` is 1 - cleanlab's self-confidence label quality; ``detail`` names the suggested label.
    Findings: the estimated label-noise rate with a 95% interval, the noise matrix (given label x
    suggested label), the probe's out-of-fold accuracy beside the chance level, and ``trust``
    ("ok" / "low") with the reasons in plain words.

    The check judges only what it can: examples of classes with fewer than ``min_class_size``
    labelled examples are not judged (an out-of-fold model has hardly seen such a class, so it
    "disagrees" with every one of them), and when the probe's out-of-fold accuracy is too close
    to chance (skill below ``min_probe_skill``) confident learning mostly flags correct labels,
    so nothing is flagged and accuracy is reported as not measured. Both limits were measured
    on planted label noise (docs/label-check.md).
    """

    name = "label"
    axis = "accuracy"
    excluded_by_default = True
    requires = frozenset({"pred_probs", "labels", "knn"})
    # "auto": cleanlab's filter is chosen per data set by ``choose_filter`` among ``filter_candidates`` (F1 on
    # labels flipped in a copy of the data); any cleanlab filter_by name fixes it. Measured on the tuning sets
    # (benchmarks/label_filters.py, seeds 0-2, 64 px, mean F1, fixed "both" -> "auto"): digits 0.798 -> 0.798,
    # Fashion-MNIST 0.652 -> 0.652, photos96_e 0.753 -> 0.840, photos128 0.706 -> 0.781, photos64 0.757 -> 0.766,
    # tiles re-labelled to similar classes (photos96_e / photos128 bases, --variants) 0.786 / 0.702 -> 0.814 / 0.770;
    # text (20 Newsgroups) unchanged, breast-cancer 0.787 / 0.867 / 0.842 -> 0.787 / 0.906 / 0.842 (detection.py
    # --modality text, seeds 0-2).
    # "both": an example must be flagged by cleanlab's prune_by_noise_rate AND prune_by_class.
    # With the same out-of-fold probabilities it scored at least cleanlab's default on every planted
    # benchmark set: digits 0.744 / 0.795 (default 0.737 / 0.778), Fashion-MNIST 0.650 / 0.637
    # (0.599 / 0.590), 20 Newsgroups 0.875 (0.857), breast-cancer 0.806 (0.806). The default alone
    # flagged ~2x as many as were planted among confusable classes. low_normalized_margin did better
    # on images but worse on text (0.765), so it is not the default.
    filter_by: str = "auto"
    filter_candidates: tuple = ("both", "confident_learning")
    min_examples_per_class: int = 1
    # probabilities = 0.7 x out-of-fold probe + 0.3 x similarity-weighted votes of the 10 nearest
    # neighbours' labels. On the planted sets (filter_by="both"): digits 0.744 / 0.795 -> 0.803 / 0.828,
    # Fashion-MNIST 0.650 / 0.637 -> 0.663 / 0.643, 20 Newsgroups 0.875 / 0.806 / 0.771 -> 0.857 / 0.853 /
    # 0.833, breast-cancer 0.806 / 0.814 / 0.842 -> 0.787 / 0.867 / 0.842 (docs/benchmarks.md)
    knn_weight: float = 0.3
    # limits of what confident learning can judge, measured with benchmarks/label_trust.py
    # (docs/label-check.md). Planted flips, by the probe's skill against the given labels, on digits
    # and Gaussian mixtures (where the limits were chosen) / Fashion-MNIST, wine, breast-cancer, iris
    # (where they were checked): skill < 0.3: precision 0.15-0.23 / 0.15-0.21, ~4x as many flags as
    # errors; 0.3-0.5: 0.34-0.37 / 0.29-0.30; 0.5-0.7: 0.55-0.69 / 0.54-0.69; >= 0.7: 0.79-0.93 / 0.82.
    # Below 0.5 most flags are correct labels: not measured. Below 0.7: "low trust".
    # The skill is taken from the larger of the plain and the threshold-adjusted accuracy (``threshold_adjusted``):
    # on small collections with uneven classes the probe's argmax leans to the largest class while confident
    # learning, which compares each class with its own mean confidence, still works (tuning photograph tiles,
    # photos64_uneven: argmax skill 0.19-0.29, adjusted 0.82-0.93, flags at precision 0.86-1.0).
    min_probe_skill: float = 0.5
    low_probe_skill: float = 0.7
    # Clean digits / Fashion-MNIST, k examples per class: 100 % / 100 % of the examples flagged at k = 1,
    # 20-32 % / 28-45 % at 2-3, 7 % / 30 % at 5, 0.5 % / 16 % at 10, then no longer falling with k on
    # Fashion-MNIST (16 %, 11 %). Classes with fewer labelled examples than this are not judged.
    min_class_size: int = 10
    # The probabilities judged are a second out-of-fold probe's, fitted without the examples cleanlab's widest
    # filter (prune_by_noise_rate) flags on the first one (intermediate ``pred_probs_refit``), when the classes
    # hold at least ``refit_min_median_class`` labelled examples (median): where many of a class's labels are wrong
    # together, the first probe learns part of the mistake. Development sets (the 58 digit and clothing sets of
    # generators A-AE, seed 0; benchmarks/dev_sweep.py's planting), mean label F1 0.526 -> 0.551, better on 44 and
    # worse on 7 (at most -0.023), flags 10,059 -> 9,624 with 89 more errors found; on the 55 photograph tile sets
    # (classes of 2-47 tiles) it cost 0.613 -> 0.585, hence the gate. It costs a second probe fit. Held out: generator
    # AF's Fashion-MNIST 0.516 -> 0.521 and MNIST 0.586 -> 0.484 (flips of the most ambiguous pictures, which the
    # second fit also leaves out when correctly labelled); the scale benchmark's evaluation set 0.914 -> 0.943 (100k)
    # and 0.942 -> 0.951 (1M). The mean of the two fits lost nothing on AF's MNIST but gained less elsewhere and fell
    # to 0.923 at 1M (docs/label-check.md)
    refit: bool = True
    refit_min_median_class: int = 50
    # where audit() was given the user's own pred_probs (a model of theirs, out of fold): the weight of the neighbour
    # votes mixed into them (``knn_weight`` is for the library's probe, tuned with it). 0: judged as given, as
    # cleanlab's find_label_issues(labels, pred_probs) judges them; nothing is refitted either
    given_knn_weight: float = 0.0

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        out = []
        noise = findings.get("label_noise_rate")
        if noise is not None:
            ci = findings.get("label_noise_rate_interval")
            ci_text = f" (95% sampling interval {pct(ci[0])} to {pct(ci[1])})" if ci else ""
            out.append(f"Estimated label-noise rate: {pct(noise)}{ci_text} of the judged labelled examples look "
                       "mislabelled. The interval covers sampling only, not the detector's own misses and false "
                       "flags (overlapping classes read as noise; a class mislabelled as one other, read as less).")
        if findings.get("note"):
            out.append(f"Label check: {findings['note']}.")
        refit = findings.get("refit") or {}
        if refit.get("held_out"):
            out.append(f"Label check: the probe was fitted a second time with the {refit['held_out']} likely "
                       "mislabelled examples of a first fit left out of its training, and judged on that fit.")
        return out

    @classmethod
    def describe_trust(cls, findings: dict) -> list[str]:
        """What the label check could and could not judge, plainly (shown beside the scores)."""
        if not findings:
            return []
        out = []
        probe = findings.get("probe") or {}
        if probe:
            whose = "the given pred_probs'" if findings.get("pred_probs") == "given" else "probe out-of-fold"
            out.append(f"label check: {whose} accuracy {probe['out_of_fold_accuracy']:.1%} "
                       f"(chance {probe['chance_accuracy']:.1%}, {probe.get('n', '?')} examples)")
        noise = findings.get("label_noise_rate")
        if noise is not None:
            ci = findings.get("label_noise_rate_interval")
            ci_text = f" [95% sampling interval {ci[0]:.1%}, {ci[1]:.1%}]" if ci else ""
            out.append(f"estimated label-noise rate: {noise:.1%}{ci_text} of {findings.get('n_judged', '?')} "
                       "judged examples")
        if findings.get("not_measured"):
            out.append("label check NOT TRUSTED, nothing flagged (why: under 'not measured' above)")
        elif findings.get("trust") == "low":
            out.append("label check has LOW TRUST: " + "; ".join(findings.get("trust_reasons") or []))
        elif findings.get("classes_too_small"):
            out.append(f"classes with too few examples to judge: {findings['classes_too_small']}")
        return out

    def needs(self, ctx) -> frozenset:
        """Without the neighbours where the user's own pred_probs are judged with no neighbour votes mixed in: an
        image audit of ``checks=["label"]`` with ``pred_probs=`` then computes no embeddings."""
        if getattr(ctx, "given_pred_probs", None) is not None and self.given_knn_weight <= 0:
            return self.requires - {"knn"}
        return self.requires

    def run(self, ctx) -> CheckResult:
        if getattr(ctx, "given_pred_probs", None) is not None:
            return self._run_given(ctx)
        P = ctx.get("pred_probs")
        rows = np.flatnonzero(ctx.valid & ctx.labeled & ~np.isnan(P).any(axis=1))
        idx, dist = ctx.get("knn") if self.knn_weight > 0 else (None, None)
        refit = None
        if self.refit and len(rows):
            counts = np.bincount(ctx.label_codes[rows])
            median = float(np.median(counts[counts > 0]))
            if median < self.refit_min_median_class:
                refit = {"held_out": 0, "reason": f"classes of {median:g} labelled examples (median), under "
                                                  f"refit_min_median_class={self.refit_min_median_class}"}
            else:
                fitted = ctx.get("pred_probs_refit")
                refit = {"held_out": int(fitted.held_out.sum())}
                if fitted.reason:
                    refit["reason"] = fitted.reason
                else:
                    P = fitted.probs
        return assess_labels(P, rows, ctx.label_codes, ctx.classes, idx, dist, self, refit=refit)

    def _run_given(self, ctx) -> CheckResult:
        """The check on the user's own out-of-fold probabilities (audit's ``pred_probs=``): every labelled, valid
        example judged on them, mixed with ``given_knn_weight`` of neighbour votes, never refitted."""
        from dataclasses import replace

        P = ctx.given_pred_probs
        rows = np.flatnonzero(ctx.valid & ctx.labeled)
        idx, dist = ctx.get("knn") if self.given_knn_weight > 0 else (None, None)
        res = assess_labels(P, rows, ctx.label_codes, ctx.classes, idx, dist, replace(self, knn_weight=self.given_knn_weight))
        res.findings["pred_probs"] = "given"
        res.findings["pred_probs_note"] = ("judged on the pred_probs= given to audit() (the probe fields describe "
                                           "them), not on the library's own probe; nothing was refitted")
        return res


def assess_labels(P: np.ndarray, rows: np.ndarray, codes: np.ndarray, classes: list, knn_idx, knn_dist,
                  settings: LabelCheck, refit: dict | None = None) -> CheckResult:
    """The label check on given out-of-fold probabilities (kept apart from the audit context so the
    benchmark in ``benchmarks/label_trust.py`` runs exactly this). ``refit``: what the check's refit did
    (``findings["refit"]``), where ``P`` is the refitted probe's."""
    from cleanlab.filter import find_label_issues
    from cleanlab.rank import get_label_quality_scores

    findings: dict = {"min_class_size": settings.min_class_size}
    if refit is not None:
        findings["refit"] = refit
    y_all = codes[rows]
    counts_all = np.bincount(y_all, minlength=len(classes)) if len(rows) else np.zeros(len(classes), int)
    small = [c for c in range(len(classes)) if 0 < counts_all[c] < settings.min_class_size]
    if small:
        findings["classes_too_small"] = {str(classes[c]): int(counts_all[c]) for c in small}
        findings["examples_not_judged"] = int(sum(counts_all[c] for c in small))
        rows = rows[~np.isin(y_all, small)]
    y = codes[rows]
    present = np.unique(y)
    if len(present) < 2:
        if small:
            reason = (f"too few labelled examples per class: {len(small)} class(es) have fewer than "
                      f"{settings.min_class_size} (confident learning compares each example with a model trained "
                      "on the others of its class)")
        else:
            reason = "the label check needs at least two labelled classes"
        return CheckResult.not_measured(reason, {**findings, "trust": "none"})
    remap = -np.ones(len(classes), dtype=np.int64)
    remap[present] = np.arange(len(present))
    yy = remap[y]
    raw = P[rows][:, present]
    raw = raw / np.maximum(raw.sum(1, keepdims=True), 1e-12)
    acc = round(float((raw.argmax(1) == yy).mean()), 4)
    adjusted = round(float((threshold_adjusted(raw, yy).argmax(1) == yy).mean()), 4)
    chance = round(float(np.bincount(yy).max() / len(yy)), 4)
    skill = round((max(acc, adjusted) - chance) / (1 - chance), 4) if chance < 1 else 0.0
    findings["probe"] = {"out_of_fold_accuracy": acc, "threshold_adjusted_accuracy": adjusted,
                         "chance_accuracy": chance, "skill": skill, "n": int(len(rows)),
                         "note": "accuracy of the out-of-fold probe against the given labels; threshold-adjusted: "
                                 "each class's probability divided by its mean among the examples given that class "
                                 "(cleanlab's per-class threshold) before the argmax; chance = always the largest "
                                 "class; skill = (the larger accuracy - chance) / (1 - chance)"}
    if skill < settings.min_probe_skill:
        reason = (f"the out-of-fold probe is too weak for confident learning: accuracy {acc:.1%} against "
                  f"{chance:.1%} by chance (skill {skill:.2f} < {settings.min_probe_skill:g}), where most flags "
                  "would be correct labels. A stronger embedder or more examples per class may help; very noisy "
                  "labels lower the skill too (with 40% wrong labels even a perfect model shows about 0.45, and "
                  "less noise does it where one class holds most examples: with 95% in one class, 5% wrong labels "
                  "cap a perfect model near 0.5)")
        return CheckResult.not_measured(reason, {**findings, "trust": "none"})
    use_knn = knn_idx is not None and knn_idx.shape[1] and settings.knn_weight > 0

    def mixed(sel: np.ndarray, judged: np.ndarray) -> np.ndarray:
        """The probabilities handed to cleanlab for rows[sel] when the judged rows carry the labels ``judged``."""
        out = raw[sel]
        if use_knn:
            labels = codes.copy()
            labels[rows] = present[judged]
            votes = neighbour_votes(knn_idx[rows[sel]], knn_dist[rows[sel]], labels, P.shape[1])[:, present]
            votes = votes / np.maximum(votes.sum(1, keepdims=True), 1e-12)
            out = (1.0 - settings.knn_weight) * out + settings.knn_weight * votes
            out = out / out.sum(1, keepdims=True)
        return out

    probs = mixed(np.arange(len(rows)), yy)
    counts = np.bincount(yy, minlength=len(present))
    if counts.min() < 2:  # cleanlab needs >= 2 per class; fall back to the argmax rule
        issues = probs.argmax(1) != yy
        findings["filter"] = "argmax"
    else:
        filter_by = settings.filter_by
        if filter_by == "auto":
            filter_by, estimates = choose_filter(yy, mixed, tuple(settings.filter_candidates),
                                                 min_examples_per_class=settings.min_examples_per_class)
            findings["filter_estimates"] = estimates
        findings["filter"] = filter_by
        issues = find_label_issues(yy, probs, filter_by=filter_by,
                                   min_examples_per_class=settings.min_examples_per_class, n_jobs=1)
    quality = get_label_quality_scores(yy, probs, method="self_confidence")
    suggested = present[probs.argmax(1)]
    flagged = np.flatnonzero(issues)
    details = [f"given {classes[codes[rows[k]]]!r}, suggested {classes[suggested[k]]!r} "
               f"(p={probs[k].max():.2f})" for k in flagged]
    names = [str(classes[c]) for c in present]
    matrix = np.zeros((len(present), len(present)), dtype=np.int64)
    np.add.at(matrix, (yy[flagged], remap[suggested[flagged]]), 1)
    low, high = wilson_interval(len(flagged), len(rows))
    reasons = []
    if skill < settings.low_probe_skill:
        reasons.append(f"the out-of-fold probe is weak (accuracy {acc:.1%} against {chance:.1%} by chance): "
                       "expect many flags on correct labels and missed errors")
    if small:
        reasons.append(f"{findings['examples_not_judged']} example(s) in {len(small)} class(es) with fewer than "
                       f"{settings.min_class_size} labelled examples were not judged")
    findings.update({
        "label_noise_rate": float(len(flagged) / len(rows)),
        "label_noise_rate_interval": [round(low, 4), round(high, 4)],
        "label_noise_rate_note": "share of the judged examples flagged; the 95% Wilson interval covers sampling "
                                 "only, not the detector's own errors",
        "n_judged": int(len(rows)),
        "noise_matrix": {"classes": names, "given_by_suggested": matrix.tolist()},
        "trust": "low" if reasons else "ok",
    })
    if reasons:
        findings["trust_reasons"] = reasons
    return CheckResult.from_lists(rows[flagged], 1.0 - quality[flagged], details, findings, assessed=len(rows))
