"""``audit()``: a thin orchestrator over the check registry."""

from __future__ import annotations

import logging
import time

import numpy as np
import pandas as pd

from .._device import resolve_device
from .._errors import DataQualityError
from ..checks import get_check_class, list_checks, make_check
from ..compute import Context
from ..data import as_dataset
from ._findings import label_findings, shift_finding
from ._scoring import axis_scores

logger = logging.getLogger("dataquality")

ISSUE_COLUMNS = ["index", "id", "issue", "axis", "score", "detail", "group"]


def _select_checks(checks, modality: str, has_labels: bool, has_reference: bool):
    if checks is None:
        names = list_checks(modality)
        settings = {}
    elif isinstance(checks, dict):
        names, settings = list(checks), {k: (v or {}) for k, v in checks.items()}
    elif isinstance(checks, str):
        names, settings = [checks], {}
    else:
        names, settings = list(checks), {}
    skipped = {}
    selected = []
    for name in names:
        cls = get_check_class(name)  # raises on unknown names, listing the valid ones
        if modality not in cls.modalities:
            skipped[name] = f"does not apply to {modality} data"
            continue
        if "labels" in cls.requires and not has_labels and name != "missing_label":
            skipped[name] = "no labels given"
            continue
        if "reference" in cls.requires and not has_reference:
            skipped[name] = "no reference= set given"
            continue
        selected.append(make_check(name, settings.get(name)))
    return selected, skipped


def _drop_explained(issues: pd.DataFrame, selected, findings: dict) -> pd.DataFrame:
    """Drop a check's flags on examples that a more specific check (its ``explained_by``) flagged."""
    if issues.empty:
        return issues
    drop = np.zeros(len(issues), dtype=bool)
    for check in selected:
        if not check.explained_by:
            continue
        by = issues["issue"].isin(check.explained_by)
        mine = (issues["issue"] == check.name).to_numpy()
        hit = mine & issues["index"].isin(set(issues.loc[by, "index"])).to_numpy()
        if hit.any():
            findings.setdefault(check.name, {})["explained_by_other_checks"] = int(hit.sum())
            drop |= hit
    return issues.loc[~drop].reset_index(drop=True) if drop.any() else issues


def audit(data, labels=None, *, embedder="auto", checks=None, reference=None, classes=None, device="auto",
          cache_dir=None, random_state=0, progress=True, kind=None, backend="local", neighbors="auto",
          strict=False, k: int = 10, n_folds: int = 5, embedder_settings: dict | None = None, batch_size=None,
          num_workers=None, probe_max_train_rows: int | None = 50_000):
    """Audit a dataset on the four quality axes and return an :class:`AuditReport`.

    Parameters
    ----------
    data, labels : anything :func:`as_dataset` accepts.
    embedder : registry name, ``"auto"`` (EfficientNet-Lite0 for images, TF-IDF for text,
        standardised features for tables), an ``nn.Module`` or a callable.
    checks : names (``["label", "outlier"]``) or ``{"name": {settings}}``; default every check
        that applies to the data.
    reference : a test or reference set, for ``leakage`` and the distribution-shift finding.
    classes : the classes the data should have; reported when some have no examples.
    device : ``"auto"`` (CUDA when present), ``"cpu"`` or ``"cuda"``.
    cache_dir : where embeddings are cached (default ``~/.cache/dataquality``; ``False`` disables).
    kind : force how ``data`` is read: ``"image"``, ``"text"``, ``"tabular"``, or ``"embeddings"``
        (an ``N x D`` array or ``np.memmap`` of vectors you computed, audited as they are).
    backend : where the per-example map (read, decode, statistics, embed) runs: ``"local"`` (this
        process), ``"ray"`` (Ray Data on the running cluster) or a :class:`dataquality.compute.Backend`.
    neighbors : the neighbour index: ``"auto"`` (exact up to ``compute.EXACT_MAX_ROWS``, faiss
        beyond), ``"exact"``, ``"faiss"`` or a :class:`dataquality.compute.NeighborIndex`.
    strict : raise instead of recording a failing check in ``report.errors``.
    embedder_settings : e.g. ``{"image_size": 64}``.
    probe_max_train_rows : above this many training rows per fold, the out-of-fold probe is
        fitted on a seeded sample of that size (``None``: always on all rows).

    Examples
    --------
    >>> import dataquality as dq
    >>> texts = ["good film", "great film", "bad film", "awful film", "good film", ""]
    >>> r = dq.audit(texts, labels=["pos", "pos", "neg", "neg", "pos", "neg"], progress=False, cache_dir=False)
    >>> r.flagged("missing_value"), sorted(r.flagged("exact_duplicate"))
    (['5'], ['0', '4'])
    """
    from ..report import AuditReport

    t_start = time.perf_counter()
    ds = as_dataset(data, labels, kind=kind)
    if len(ds) == 0:
        raise DataQualityError("The dataset is empty. Expected at least one example.")
    if reference is not None:
        reference = as_dataset(reference, kind="embeddings" if ds.modality == "embeddings" else None)
    device = resolve_device(device)
    ctx = Context(ds, embedder=embedder, device=device, cache_dir=cache_dir, random_state=random_state,
                  progress=progress, reference=reference, classes=classes, k=k, n_folds=n_folds,
                  embedder_settings=embedder_settings, batch_size=batch_size, num_workers=num_workers,
                  backend=backend, neighbors=neighbors, probe_max_train_rows=probe_max_train_rows)
    selected, skipped = _select_checks(checks, ds.modality, ds.has_labels, reference is not None)
    requirements = set().union(*(c.requires for c in selected)) if selected else set()
    try:
        ctx.prepare(requirements)
    except DataQualityError:
        raise
    except Exception as exc:
        if strict:
            raise
        logger.exception("Computing shared inputs failed")
        raise DataQualityError(f"Could not compute embeddings: {type(exc).__name__}: {exc}") from exc

    frames, findings, errors, timings = [], {}, {}, {}
    ids = np.asarray(ds.ids, dtype=object)
    for check in selected:
        t0 = time.perf_counter()
        shared_before = sum(ctx.timings.values())
        try:
            res = check.run(ctx)
        except Exception as exc:
            if strict:
                raise
            logger.warning("Check %r failed: %s: %s", check.name, type(exc).__name__, exc)
            errors[check.name] = f"{type(exc).__name__}: {exc}"
            continue
        finally:  # the check's own time; shared intermediates it triggered are timed on their own
            timings[check.name] = time.perf_counter() - t0 - (sum(ctx.timings.values()) - shared_before)
        if len(res.indices):
            frames.append(pd.DataFrame({
                "index": res.indices.astype(np.int64), "id": ids[res.indices], "issue": check.name,
                "axis": check.axis, "score": res.scores.astype(float), "detail": res.details,
                "group": res.groups if res.groups is not None else [""] * len(res.indices),
            }))
        if res.findings:
            findings[check.name] = res.findings
    issues = (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=ISSUE_COLUMNS))
    issues = _drop_explained(issues, selected, findings)
    issues = issues.astype({"index": np.int64, "score": float}).sort_values(
        ["issue", "score", "index"], ascending=[True, False, True], kind="stable").reset_index(drop=True)

    findings["dataset"] = {"n_examples": len(ds), "modality": ds.modality, "n_classes": len(ds.classes),
                           **{k: v for k, v in ds.findings.items()}}
    if ds.has_labels:
        findings["labels"] = label_findings(ctx)
    if reference is not None and ds.modality in ("image", "text", "tabular", "embeddings"):
        try:
            findings.update(shift_finding(ctx))
        except Exception as exc:
            if strict:
                raise
            errors["distribution_shift"] = f"{type(exc).__name__}: {exc}"
    axes_run = {c.axis for c in selected}
    scores = axis_scores(issues, len(ds), axes_run)
    timings.update({f"intermediate:{k}": v for k, v in ctx.timings.items()})
    timings["total"] = time.perf_counter() - t_start
    config = {"embedder": ctx.embedder.cache_key(), "device": device, "random_state": random_state,
              "checks": {c.name: c.settings() for c in selected}, "skipped_checks": skipped, "k": k,
              "n_folds": n_folds, "backend": ctx.backend.info()}
    if ctx.has("knn"):
        config["neighbors"] = ctx.index.info()
    return AuditReport(
        scores=scores, issues=issues, n=len(ds), ids=list(ds.ids), labels=list(ds.labels),
        checks_run=[c.name for c in selected], findings=findings, errors=errors, config=config,
        timings=timings, dataset=ds,
        embeddings=ctx.get("embeddings") if ctx.has("embeddings") else None,
        pred_probs=ctx.get("pred_probs") if ctx.has("pred_probs") else None,
        classes=list(ds.classes),
    )
