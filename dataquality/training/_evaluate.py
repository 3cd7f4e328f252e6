"""evaluate(): error, hallucination rate, calibration, per class and per group, and on OOD inputs."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .._errors import DataQualityError
from ..data import as_dataset
from . import _metrics as M
from . import _selective as S

logger = logging.getLogger("dataquality")

NO_ISSUE = "no_issue"


@dataclass(frozen=True)
class EvaluationResult:
    """Metrics of a trained model on a test set; made by :func:`dataquality.evaluate`.

    Attributes
    ----------
    overall : dict with n, accuracy, error_rate, hallucination_rate (at ``tau``), ece, nll,
        confident_rate, confident_error_rate, tau; the selective metrics ``risk@c`` and
        ``hallucination@c`` for each coverage ``c``, ``aurc`` and ``eaurc``; and with ``ood=``:
        n_ood, ood_confident_rate (at ``tau``), ``ood_answered@c`` per coverage and ood_auroc.
    per_class : DataFrame indexed by true class: n, error_rate, hallucination_rate.
    per_group : DataFrame indexed by group: n and every metric (None without ``groups=``).
    confusion : DataFrame, rows the true class, columns the predicted class, counts.
    probs, y : the probabilities and integer labels of the test examples used.
    ood_probs : the probabilities on the readable out-of-distribution inputs (None without ``ood=``).
    coverages : the coverages of the selective metrics.
    """

    overall: dict
    per_class: pd.DataFrame
    per_group: pd.DataFrame | None
    confusion: pd.DataFrame
    tau: float
    classes: list
    probs: np.ndarray = field(repr=False)
    y: np.ndarray = field(repr=False)
    ids: list = field(repr=False, default_factory=list)
    n_skipped: dict = field(default_factory=dict)
    ood_probs: np.ndarray | None = field(repr=False, default=None)
    coverages: tuple = S.COVERAGES

    def reliability(self, n_bins: int = M.ECE_BINS) -> pd.DataFrame:
        """Reliability diagram data: count, confidence, accuracy per equal-width bin."""
        count, conf, acc = M.reliability_bins(self.probs, self.y, n_bins)
        edges = np.linspace(0, 1, n_bins + 1)
        return pd.DataFrame({"lo": edges[:-1], "hi": edges[1:], "count": count, "confidence": conf, "accuracy": acc})

    def to_text(self) -> str:
        o = self.overall
        lines = [f"Evaluation on {o['n']} test examples (tau = {self.tau:g})",
                 f"  accuracy            {o['accuracy']:.4f}",
                 f"  error rate          {o['error_rate']:.4f}",
                 f"  hallucination rate  {o['hallucination_rate']:.4f}  (wrong with confidence >= {self.tau:g})",
                 f"  ECE (15 bins)       {o['ece']:.4f}",
                 f"  NLL                 {o['nll']:.4f}",
                 f"  confident rate      {o['confident_rate']:.4f}  (answers with confidence >= {self.tau:g})",
                 "Selective answers (the model answers only its c most confident inputs):"]
        for c in self.coverages:
            lines.append(f"  {f'risk@{c:g}':<20}{o[f'risk@{c:g}']:.4f}  (error among the answered)")
        for c in self.coverages:
            lines.append(f"  {f'hallucination@{c:g}':<20}{o[f'hallucination@{c:g}']:.4f}  "
                         "(answered and wrong, as a share of all inputs)")
        lines += [f"  AURC                {o['aurc']:.4f}  (area under the risk-coverage curve)",
                  f"  E-AURC              {o['eaurc']:.4f}  (AURC minus that of a perfect ranking)"]
        if "ood_confident_rate" in o:
            lines += [f"Out-of-distribution inputs ({o['n_ood']}): share answered",
                      f"  at tau              {o['ood_confident_rate']:.4f}  (confidence >= {self.tau:g})"]
            for c in self.coverages:
                lines.append(f"  {f'at coverage {c:g}':<20}{o[f'ood_answered@{c:g}']:.4f}  "
                             f"(at the threshold that answers {c:g} of the test set)")
            lines.append(f"  AUROC in vs out     {o['ood_auroc']:.4f}  (by confidence; 0.5 is chance)")
        if self.per_group is not None:
            lines += ["", "Per group:", self.per_group.to_string(float_format=lambda v: f"{v:.4f}")]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()


def map_labels(labels, classes: list) -> np.ndarray:
    """Integer codes of ``labels`` in ``classes`` (-1 where missing); unknown labels raise."""
    exact = {(type(c), c): i for i, c in enumerate(classes)}
    by_text = {}
    for i, c in enumerate(classes):
        by_text.setdefault(str(c), i)
    codes = np.full(len(labels), -1, dtype=np.int64)
    unknown = []
    for i, v in enumerate(labels):
        if v is None:
            continue
        j = exact.get((type(v), v), by_text.get(str(v)))
        if j is None:
            unknown.append(v)
        else:
            codes[i] = j
    if unknown:
        uniq = sorted({str(u) for u in unknown})
        raise DataQualityError(
            f"The test set has labels the model was not trained on: {uniq[:10]}"
            f"{' ...' if len(uniq) > 10 else ''} ({len(unknown)} examples). Expected labels among the "
            f"model's classes {list(classes)[:20]}. Map or drop those examples first.")
    return codes


def _group_masks(groups, test, ds) -> dict[str, np.ndarray]:
    """{group name: boolean mask over the test set}; an example may be in several groups."""
    from ..report import AuditReport

    n = len(ds)
    if isinstance(groups, AuditReport):
        if groups.n != n or list(groups.ids) != list(ds.ids):
            raise DataQualityError(
                f"groups= is an AuditReport of {groups.n} examples that are not the test set's {n}. "
                "Pass the report of the test set itself: dq.audit(test).")
        masks = {}
        issues = groups.issues
        for name in sorted(set(issues["issue"])):
            m = np.zeros(n, dtype=bool)
            m[issues.loc[issues["issue"] == name, "index"].to_numpy(int)] = True
            masks[name] = m
        any_issue = np.zeros(n, dtype=bool)
        any_issue[issues["index"].to_numpy(int)] = True
        masks[NO_ISSUE] = ~any_issue
        return masks
    if isinstance(groups, str):
        if isinstance(test, pd.DataFrame) and groups in test.columns:
            values = test[groups].to_numpy()
        elif ds.features is not None and groups in ds.features.columns:
            values = ds.features[groups].to_numpy()
        else:
            raise DataQualityError(
                f"groups={groups!r} names no column of the test data. Pass a column of a DataFrame test set, "
                "an array with one group per test example, or an AuditReport of the test set.")
    else:
        values = np.asarray(groups, dtype=object)
    if values.ndim != 1 or len(values) != n:
        raise DataQualityError(
            f"Expected one group per test example ({n}) but got {len(values) if values.ndim else 'a scalar'}.")
    labels = np.array(["missing" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
                       for v in values], dtype=object)
    return {g: labels == g for g in sorted(set(labels))}


def _check_finite(probs, what: str) -> None:
    """Refuse NaN or infinite probabilities (a diverged run): argmax of NaN is class 0 and NaN >= tau is False, so
    they would score as an error rate and a hallucination rate of 0, and the NaN ECE would drop that seed."""
    p = np.asarray(probs, dtype=np.float64)
    bad = ~np.isfinite(p).all(axis=1) if p.ndim == 2 and len(p) else np.zeros(0, dtype=bool)
    if bad.any():
        raise DataQualityError(
            f"The model's probabilities are NaN or infinite on {int(bad.sum())} of {len(bad)} {what}: its training "
            "diverged, and no metric of it can be trusted. Train again with a lower learning rate (lr=) or fewer "
            "epochs, and check the inputs for NaN or infinite values.")


def evaluate(result, test, groups=None, tau: float = 0.9, ood=None, *, labels=None, coverages=S.COVERAGES,
             device="auto", cache_dir=None, progress: bool = False, _probs=None, _ood_probs=None) -> EvaluationResult:
    """Evaluate a :class:`FinetuneResult` on a labelled test set.

    Parameters
    ----------
    result : what :func:`dataquality.finetune` returned.
    test : anything :func:`dataquality.as_dataset` accepts, with labels (class names the model knows).
        Unreadable or unlabeled test examples are left out and counted in ``n_skipped``.
    groups : a column name, an array with one group name per test example, or an
        :class:`AuditReport` of the test set (examples grouped by the issue types flagged on
        them, plus ``"no_issue"``). Metrics are then also given per group.
    tau : confidence threshold of the hallucination rate, in (0, 1].
    ood : out-of-distribution inputs (from no training class), in any form :func:`dataquality.as_dataset`
        accepts; their labels, if any, are ignored and unreadable ones left out. ``overall`` then holds
        ``ood_confident_rate`` (share answered with confidence >= ``tau``), ``ood_answered@c`` (share
        answered at the confidence threshold that answers ``c`` of the test set) and ``ood_auroc``.
    coverages : the coverages ``c`` of ``risk@c``, ``hallucination@c`` and ``ood_answered@c``, each in (0, 1].

    Examples
    --------
    >>> import dataquality as dq
    >>> ds = dq.datasets.load_digits(image_size=16, n=300)
    >>> res = dq.finetune(ds.subset(range(200)), model="pixels", progress=False, cache_dir=False)
    >>> m = dq.evaluate(res, ds.subset(range(200, 300)))
    >>> {"error_rate", "hallucination_rate", "ece", "nll", "tau", "risk@0.8", "eaurc"} <= set(m.overall)
    True
    """
    tau = M.check_tau(tau)
    coverages = S.check_coverages(coverages)
    ds = as_dataset(test, labels)
    if len(ds) == 0:
        raise DataQualityError("The test set is empty. Expected at least one labelled example.")
    codes = map_labels(ds.labels, result.classes)
    masks = _group_masks(groups, test, ds) if groups is not None else None
    if _probs is None:
        probs, usable = result._predict(ds, device=device, cache_dir=cache_dir, progress=progress)
    else:
        probs, usable = _probs
    _check_finite(probs, "test examples")
    keep_in_usable = codes[usable] >= 0
    rows = np.flatnonzero(usable)[keep_in_usable]
    probs = probs[keep_in_usable]
    n_skipped = {"unusable": int((~usable).sum()), "unlabeled": int((usable & (codes < 0)).sum())}
    if sum(n_skipped.values()):
        logger.info("evaluate leaves out %d unreadable/empty and %d unlabeled test examples.",
                    n_skipped["unusable"], n_skipped["unlabeled"])
    if len(rows) == 0:
        raise DataQualityError(f"No test example can be scored (skipped: {n_skipped}). "
                               "Expected readable, labelled test examples.")
    y = codes[rows]
    overall = M.metric_dict(probs, y, tau, coverages)
    p_ood = None
    if ood is not None or _ood_probs is not None:
        if _ood_probs is None:
            p_ood, _ = result._predict(as_dataset(ood), device=device, cache_dir=cache_dir, progress=progress)
        else:
            p_ood = _ood_probs
        _check_finite(p_ood, "out-of-distribution inputs")
        if len(p_ood) == 0:
            raise DataQualityError("No out-of-distribution input could be read. Expected at least one readable "
                                   "input in `ood`, or leave `ood` out.")
        overall["n_ood"] = int(len(p_ood))
        overall.update(S.ood_dict(probs, p_ood, tau, coverages))

    k = len(result.classes)
    pred = probs.argmax(1)
    conf = probs.max(1)
    cm = np.zeros((k, k), dtype=np.int64)
    np.add.at(cm, (y, pred), 1)
    names = [str(c) for c in result.classes]
    confusion = pd.DataFrame(cm, index=pd.Index(names, name="true"), columns=pd.Index(names, name="predicted"))
    per_class = []
    for j, c in enumerate(names):
        m = y == j
        per_class.append({"class": c, "n": int(m.sum()),
                          "error_rate": float(np.mean(pred[m] != j)) if m.any() else np.nan,
                          "hallucination_rate": float(np.mean((pred[m] != j) & (conf[m] >= tau))) if m.any()
                          else np.nan})
    per_class = pd.DataFrame(per_class).set_index("class")
    per_group = None
    if masks is not None:
        recs = []
        for g, mask in masks.items():
            m = mask[rows]
            rec = {"group": g}
            rec.update(M.metric_dict(probs[m], y[m], tau, coverages) if m.any() else {"n": 0})
            recs.append(rec)
        per_group = pd.DataFrame(recs).set_index("group").drop(columns=["tau"], errors="ignore")
    return EvaluationResult(overall=overall, per_class=per_class, per_group=per_group, confusion=confusion,
                            tau=tau, classes=list(result.classes), probs=probs, y=y,
                            ids=[ds.ids[i] for i in rows], n_skipped=n_skipped, ood_probs=p_ood,
                            coverages=coverages)
