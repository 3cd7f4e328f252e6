"""``audit()``: a thin orchestrator over the check registry."""

from __future__ import annotations

import logging
import os
import re
import time
from contextlib import contextmanager

import numpy as np
import pandas as pd

from .._device import resolve_device
from .._errors import DataQualityError
from ..checks import explained_by, get_check_class, issue_types, list_checks, make_check
from ..compute import Context
from ..compute._context import EmbedderFailed
from ..compute._providers import check_reference
from ..data import as_dataset
from ..modalities import get_modality
from ._findings import label_findings, shift_finding
from ._pred_probs import given_pred_probs
from ._scoring import axis_scores

logger = logging.getLogger("dataquality")

ISSUE_COLUMNS = ["index", "id", "issue", "axis", "score", "detail", "group"]


def _plain(o):
    """Findings in plain Python values (numpy scalars and arrays as numbers and lists): what ``json.dumps`` takes."""
    if isinstance(o, dict):
        return {k: _plain(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return type(o)(_plain(v) for v in o)
    if isinstance(o, np.generic):
        return o.item()
    if isinstance(o, np.ndarray):
        return _plain(o.tolist())
    return o


def _select_checks(checks, modality: str, has_labels: bool, has_reference: bool):
    if checks is None:
        names = list_checks(modality)
        settings = {}
    elif isinstance(checks, dict):
        names, settings = list(checks), {k: (v or {}) for k, v in checks.items()}
        bad = {k: v for k, v in settings.items() if not isinstance(v, dict)}
        if bad:
            raise DataQualityError(f"Expected checks={{name: {{setting: value}}}} but got {bad}.")
    elif isinstance(checks, str):
        names, settings = [checks], {}
    else:
        try:
            names, settings = list(checks), {}
        except TypeError:
            raise DataQualityError(f"Expected checks as a list of names or a dict of settings but got "
                                   f"{type(checks).__name__}.") from None
        if not all(isinstance(n, str) for n in names):
            raise DataQualityError(f"Expected check names (strings) but got {names!r}. Valid names: {list_checks()}.")
    skipped = {}
    selected = []
    for name in names:
        cls = get_check_class(name)  # raises on unknown names, listing the valid ones
        if modality not in cls.modalities:
            skipped[name] = f"does not apply to {modality} data"
            continue
        if "labels" in cls.requires and not has_labels:
            # unlabelled data is not incomplete data: no label checks, no missing_label flood
            skipped[name] = "no labels at all (unlabelled data)"
            continue
        if "reference" in cls.requires and not has_reference:
            skipped[name] = "no reference= set given"
            continue
        selected.append(make_check(name, settings.get(name)))
    return selected, skipped


def _check_arguments(*, k, n_folds, random_state, embedder_settings, batch_size, num_workers, classes,
                     cache_dir) -> None:
    """Bad arguments fail here, as DataQualityErrors saying what was expected, before any work."""
    def integer(name, value, low, allow_none=False):
        if value is None and allow_none:
            return
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise DataQualityError(f"Expected argument `{name}` to be an integer >= {low} but got {value!r}.")

    integer("k", k, 1)
    integer("n_folds", n_folds, 2)
    integer("batch_size", batch_size, 1, allow_none=True)
    integer("num_workers", num_workers, 0, allow_none=True)
    if random_state is not None and (isinstance(random_state, bool) or not isinstance(random_state, (int, np.integer))):
        raise DataQualityError(f"Expected argument `random_state` to be an integer (or None) but got {random_state!r}.")
    if embedder_settings is not None and not isinstance(embedder_settings, dict):
        raise DataQualityError(f"Expected `embedder_settings` as a dict such as {{'image_size': 64}} but got "
                               f"{type(embedder_settings).__name__}.")
    if classes is not None and (isinstance(classes, (str, bytes)) or not hasattr(classes, "__iter__")):
        raise DataQualityError(f"Expected `classes` as a list of class names but got {classes!r}.")
    if cache_dir is not None and cache_dir is not False and not isinstance(cache_dir, (str, os.PathLike)):
        raise DataQualityError(f"Expected `cache_dir` as a folder path, None or False but got {cache_dir!r}.")


def _needs_embedder(requires) -> bool:
    """Whether intermediates ``requires`` (a check's) run the embedder, as :meth:`Context.prepare` plans them."""
    from ..compute._providers import PROVIDERS

    plan, todo = set(), list(requires)
    while todo:
        name = todo.pop()
        if name not in plan and name in PROVIDERS:
            plan.add(name)
            todo.extend(PROVIDERS.get(name).requires)
    return bool(plan & {"embeddings", "knn", "pred_probs", "duplicates", "reference", "image_pass"}) or any(
        PROVIDERS.get(p).uses_embedder for p in plan)


def _without_embedder(modality: str) -> str:
    """Which checks of ``modality`` run without the embedder, as words for an error about the embedder."""
    names = [n for n in list_checks(modality) if not _needs_embedder(get_check_class(n).requires)]
    if not names:
        return ""
    return f"The checks that need no embedder run with checks={names}."


def _clean_reason(text: str) -> str:
    """An error message without memory addresses (``<object at 0x7f...>``), which mean nothing to a reader."""
    return re.sub(r" at 0x[0-9a-fA-F]+", "", text)


def _flag_where_flagged_by(issues: pd.DataFrame, selected, findings: dict) -> pd.DataFrame:
    """Add the flags a check asks for on examples that another check flagged: its findings'
    ``flag_where_flagged_by[cause]`` (``indices``, ``scores``, ``values`` and a ``detail`` template with
    ``{value}``) lists the examples that are its issues *if* ``cause`` flags them (outlier: images
    farther from every blurred copy of the data's own images than those copies are from each other,
    which are outliers where ``blurry`` finds them blurry-looking). The examples taken are listed under
    the check's ``not_explained_by[cause]`` so that :func:`_drop_explained` keeps them; the candidate
    list is replaced by a count (``flagged_where_flagged_by``). Runs after every check, so the order of
    the checks does not matter; without ``cause`` among the checks nothing is added."""
    for check in selected:
        f = findings.get(check.name)
        asks = f.pop("flag_where_flagged_by", None) if f else None
        if not asks:
            continue
        for cause, cand in asks.items():
            pos = np.asarray(cand["indices"], dtype=np.int64)
            by = set(issues.loc[issues["issue"] == cause, "index"]) if not issues.empty else set()
            take = np.isin(pos, list(by)) if by else np.zeros(len(pos), dtype=bool)
            if not take.any():
                continue
            mine = set(issues.loc[issues["issue"] == check.name, "index"])
            new = take & ~np.isin(pos, list(mine))
            kept = f.setdefault("not_explained_by", {}).setdefault(cause, [])
            f["not_explained_by"][cause] = sorted(set(kept) | set(pos[take].tolist()))
            f.setdefault("flagged_where_flagged_by", {})[cause] = int(take.sum())
            if new.any():
                ids = issues.loc[issues["index"].isin(pos[new]) & (issues["issue"] == cause)].drop_duplicates("index")
                idmap = dict(zip(ids["index"], ids["id"]))
                add = pd.DataFrame({
                    "index": pos[new], "id": [idmap[p] for p in pos[new]], "issue": check.name, "axis": check.axis,
                    "score": np.asarray(cand["scores"], dtype=float)[new],
                    "detail": [cand["detail"].format(value=v) for v in np.asarray(cand["values"], dtype=float)[new]],
                    "group": [""] * int(new.sum())})
                issues = pd.concat([issues, add], ignore_index=True)
    return issues


def _explaining(issues: pd.DataFrame, cause: str, mine: np.ndarray) -> set:
    """The positions ``cause``'s flags explain for the check whose rows are ``mine``: all of them, or, for a check
    whose flags come in sets (``near_duplicate``), those whose set holds a member that check does not flag: a near
    copy of an ordinary example is not foreign to the data, a set of foreign pictures that copy each other is."""
    rows = issues.loc[issues["issue"] == cause]
    if not get_check_class(cause).forms_sets or "group" not in rows:
        return set(rows["index"])
    flagged = set(issues.loc[mine, "index"])
    ordinary = rows.loc[~rows["index"].isin(flagged), "group"]
    return set(rows.loc[rows["group"].isin(set(ordinary)), "index"])


def _drop_explained(issues: pd.DataFrame, selected, findings: dict) -> pd.DataFrame:
    """Drop a check's flags on examples that a more specific check (its ``explained_by``) flagged,
    except those the check's findings list under ``not_explained_by[cause]`` (dataset positions).
    A check whose flags come in sets explains only where the set holds a member not flagged (:func:`_explaining`)."""
    if issues.empty:
        return issues
    drop = np.zeros(len(issues), dtype=bool)
    for check in selected:
        better = explained_by(check.name)
        if not better:
            continue
        mine = (issues["issue"] == check.name).to_numpy()
        # a check may say which of its flags a cause cannot explain (outlier: farther from the data
        # than blur moved any of the data's own images)
        kept = (findings.get(check.name) or {}).get("not_explained_by") or {}
        hit = np.zeros(len(issues), dtype=bool)
        for cause in better:
            by = issues["index"].isin(_explaining(issues, cause, mine))
            hit |= mine & (by & ~issues["index"].isin(set(kept.get(cause, ())))).to_numpy()
        if hit.any():
            findings.setdefault(check.name, {})["explained_by_other_checks"] = int(hit.sum())
            drop |= hit
    return issues.loc[~drop].reset_index(drop=True) if drop.any() else issues


def audit(data, labels=None, *, embedder="auto", checks=None, reference=None, classes=None, device="auto",
          cache_dir=None, random_state=0, progress=True, kind=None, backend="local", neighbors="auto",
          strict=False, k: int = 10, n_folds: int = 5, embedder_settings: dict | None = None, batch_size=None,
          num_workers=None, probe_max_train_rows: int | None = 50_000, pred_probs=None):
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
    embedder_settings : e.g. ``{"image_size": 64}``; for the torch image backbones also ``{"runtime":
        "torch"}`` (on a CPU the default ``"auto"`` runs them with ONNX Runtime where it can, with the
        same vectors; ``"onnx"`` insists on it).
    probe_max_train_rows : above this many training rows per fold, the out-of-fold probe is
        fitted on a seeded sample of that size (``None``: always on all rows).
    pred_probs : your own out-of-fold predicted probabilities, as cleanlab's ``find_label_issues(labels,
        pred_probs)`` and Datalab's ``find_issues(pred_probs=...)`` take them: an ``N x K`` array-like, one row per
        example in the dataset's order (``report.ids``), each row summing to 1 (softmax applied, not logits). The
        columns are the classes in ``report.classes``' order: sorted numerically when every label is a number or a
        number written as text, else by their text (``dq.as_dataset(data, labels).classes`` shows it before the
        audit). A DataFrame whose columns are the class names is aligned by name (columns of classes absent from the
        labels are dropped), and by its index where that holds the example ids. The ``label`` check then judges these
        instead of fitting its own probe (nothing is refitted, no neighbour votes are mixed in) and
        ``report.pred_probs`` holds them; ``report.config["pred_probs"]`` records it. Without it the check fits its own
        out-of-fold probe.

    Examples
    --------
    >>> import dataquality as dq
    >>> texts = ["good film", "great film", "bad film", "awful film", "good film", ""]
    >>> r = dq.audit(texts, labels=["pos", "pos", "neg", "neg", "pos", "neg"], progress=False, cache_dir=False)
    >>> r.flagged("missing_value"), sorted(r.flagged("exact_duplicate"))
    (['5'], ['0', '4'])
    """

    t_start = time.perf_counter()
    _check_arguments(k=k, n_folds=n_folds, random_state=random_state, embedder_settings=embedder_settings,
                     batch_size=batch_size, num_workers=num_workers, classes=classes, cache_dir=cache_dir)
    ds = as_dataset(data, labels, kind=kind)
    ds.forget_fingerprint()  # a Dataset audited before may name files edited since
    if len(ds) == 0:
        raise DataQualityError("The dataset is empty. Expected at least one example.")
    given, given_record = (None, None) if pred_probs is None else given_pred_probs(pred_probs, ds)
    if reference is not None:
        reference = as_dataset(reference, _reference_label_column(ds, labels, reference),
                               kind=ds.modality if get_modality(ds.modality).vectors_given else None)
        reference.forget_fingerprint()
        check_reference(ds, reference)  # a mismatch fails here, not as two checks' errors behind fine scores
    device = resolve_device(device)
    ctx = Context(ds, embedder=embedder, device=device, cache_dir=cache_dir, random_state=random_state,
                  progress=progress, reference=reference, classes=classes, k=k, n_folds=n_folds,
                  embedder_settings=embedder_settings, batch_size=batch_size, num_workers=num_workers,
                  backend=backend, neighbors=neighbors, probe_max_train_rows=probe_max_train_rows,
                  pred_probs=given)
    selected, skipped = _select_checks(checks, ds.modality, ds.has_labels, reference is not None)
    requirements = set().union(*(c.needs(ctx) for c in selected)) if selected else set()
    try:
        ctx.prepare(requirements)
    except DataQualityError:
        raise
    except Exception as exc:
        if strict:
            raise
        # nothing is audited: an audit without the embeddings would score as if complete
        failed = ctx.embedder_failed
        logger.exception("Computing shared inputs failed")
        raise EmbedderFailed(ctx.embedder, failed[0] if failed is not None and failed[1] is exc else None, exc,
                             _without_embedder(ds.modality)) from exc

    from ..compute import cpu_threads, numeric_threads

    if ctx.has("embeddings"):
        dim = ctx.get("embeddings").shape[1]
    elif get_modality(ds.modality).vectors_given:
        dim = ds.vectors.shape[1]
    else:  # text and tables embed later, inside the checks: about as wide as a TF-IDF projection
        dim = 256
    # the calibration's copies are made on a background thread while the checks that do not read them run;
    # the reference set is embedded first, so that the embedder never runs on two threads at once
    if reference is not None and "synthetic_copies" in ctx.plan:
        try:
            ctx.get("reference").get("embeddings")
        except Exception:  # the checks that use it meet the error again and report it as before
            pass
    ctx.prefetch("synthetic_copies")
    with cpu_threads(numeric_threads(len(ds), dim, device)):
        report = _run_checks(ctx, ds, selected, skipped, reference, strict, t_start, device, random_state, k, n_folds)
    # nothing left running once the audit returns (where no check asked for the copies); on an error or Ctrl-C
    # the thread (a daemon) is not waited for
    ctx.wait_background()
    if given_record is not None:
        report.config["pred_probs"] = given_record
    if checks is not None:  # the report then says which checks that apply did not run (a dict runs only its names)
        ran = {c.name for c in selected} | set(skipped)
        report.config["checks_not_chosen"] = sorted(
            n for n in list_checks(ds.modality)
            if n not in ran and (reference is not None or "reference" not in get_check_class(n).requires))
    return report


def _reference_label_column(ds, labels, reference):
    """The data's label column (``labels="outcome"``) where a reference table (of features or of vectors) has
    it too: there it holds the reference's labels, not a feature."""
    col = labels if isinstance(labels, str) else ds.findings.get("label_column")
    if col is not None and isinstance(reference, pd.DataFrame) and col in map(str, reference.columns):
        return col
    return None


def _backend_record(ctx) -> dict:
    """Where the per-example map ran: the backend's settings for images; for texts, tables and vectors
    nothing runs on a backend (they are embedded whole, in this process), so the record says that and
    keeps the backend asked for under ``requested``."""
    info = ctx.backend.info()
    if get_modality(ctx.modality).has_pixels:
        return info
    return {"name": "in_process", "requested": info,
            "note": f"the backend runs the per-image map only; this {ctx.modality} audit ran in this process"}


def _neighbors_record(ctx) -> dict:
    """The neighbour index and its settings; where the neighbours came from the cache (the index did not run),
    what it chose when it ran (``nlist_used``, ``nprobe_used``) and ``"cached": True``."""
    info = ctx.index.info()
    if "knn" in ctx.cached:
        info = {**info, **ctx.cached["knn"].get("index_used", {}), "cached": True}
    return info


@contextmanager
def _check_progress(ctx, total: int):
    """After the image pass's bar, one line saying which check runs and what it is computing (the probe, the
    neighbours, the calibration's copies: over a minute at 20,000 images, silent before). Yields ``starting(name)``,
    to call as each check starts."""
    from tqdm.auto import tqdm

    bar = tqdm(total=total, desc="checks", unit="check", disable=not ctx.progress, leave=False)
    current = [None]

    def starting(name: str) -> None:
        if current[0] is not None:
            bar.update(1)
        current[0] = name
        bar.set_postfix_str(name)

    ctx.on_compute = lambda what: bar.set_postfix_str(f"{current[0]}: computing {what}")
    try:
        yield starting
    finally:
        ctx.on_compute = None
        bar.close()


def _run_checks(ctx, ds, selected, skipped, reference, strict, t_start, device, random_state, k, n_folds):
    from ..report import AuditReport

    frames, findings, errors, timings = [], {}, {}, {}
    measured: dict[str, int | None] = {}  # check name -> examples it judged (None: all) when it measured
    not_measured: dict[str, str] = {}
    ids = np.asarray(ds.ids, dtype=object)
    with _check_progress(ctx, len(selected)) as starting:
        # those waiting for an intermediate still being computed in the background last, so that they wait least
        for check in sorted(selected, key=lambda c: bool((c.requires | c.waits_for) & ctx.pending)):
            starting(check.name)
            t0 = time.perf_counter()
            shared_before = sum(ctx.timings.values())
            try:
                res = check.run(ctx)
            except Exception as exc:
                if strict:
                    raise
                logger.warning("Check %r failed: %s: %s", check.name, type(exc).__name__, exc)
                errors[check.name] = _clean_reason(f"{type(exc).__name__}: {exc}")
                continue
            finally:  # the check's own time; shared intermediates it triggered are timed on their own
                timings[check.name] = time.perf_counter() - t0 - (sum(ctx.timings.values()) - shared_before)
            if res.measured:
                measured[check.name] = res.assessed
            else:
                not_measured[check.name] = res.findings.get("not_measured", "could not judge the data")
            if len(res.indices):
                frames.append(pd.DataFrame({
                    "index": res.indices.astype(np.int64), "id": ids[res.indices], "issue": check.name,
                    "axis": check.axis, "score": res.scores.astype(float), "detail": res.details,
                    "group": res.groups if res.groups is not None else [""] * len(res.indices),
                }))
            if res.findings:
                findings[check.name] = res.findings
    findings = {c.name: findings[c.name] for c in selected if c.name in findings}  # in the checks' order
    timings = {c.name: timings[c.name] for c in selected if c.name in timings}
    issues = (pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=ISSUE_COLUMNS))
    issues = _flag_where_flagged_by(issues, selected, findings)
    issues = _drop_explained(issues, selected, findings)
    issues = issues.astype({"index": np.int64, "score": float}).sort_values(
        ["issue", "score", "index"], ascending=[True, False, True], kind="stable").reset_index(drop=True)

    findings["dataset"] = {"n_examples": len(ds), "modality": ds.modality, "n_classes": len(ds.classes),
                           "preview": get_modality(ds.modality).preview,
                           "labelled": int((~ds.missing_label_mask).sum()),
                           **{k: v for k, v in ds.findings.items()}}
    if ds.has_labels:
        findings["labels"] = label_findings(ctx)
    else:
        findings["dataset"]["unlabelled"] = True
    if reference is not None:
        try:
            findings.update(shift_finding(ctx))
        except Exception as exc:
            if strict:
                raise
            errors["distribution_shift"] = f"{type(exc).__name__}: {exc}"
    by_name = {c.name: c for c in selected}
    scores, unmeasured_axes = axis_scores(
        issues, len(ds), {name: (by_name[name].axis, n) for name, n in measured.items()},
        why_not={**{k: f"{k} check not run: {v}" for k, v in skipped.items()},
                 **{k: f"{k} check failed: {v}" for k, v in errors.items()},
                 **{k: f"{k} check could not judge: {v}" for k, v in not_measured.items()}},
        axes_of={name: get_check_class(name).axis for name in [*by_name, *skipped]})
    findings["scores"] = {"not_measured": unmeasured_axes} if unmeasured_axes else {}
    if not_measured:
        findings["scores"]["checks_not_measuring"] = not_measured
    timings.update({f"intermediate:{k}": v for k, v in ctx.timings.items()})
    # intermediates made on a background thread: their own time there (``intermediate:`` holds the wait)
    timings.update({f"background:{k}": v for k, v in ctx.background_timings.items()})
    timings["total"] = time.perf_counter() - t_start
    config = {"embedder": ctx.embedder.cache_key(), "device": device, "random_state": random_state,
              "checks": {c.name: c.settings() for c in selected}, "skipped_checks": skipped, "k": k,
              "n_folds": n_folds, "backend": _backend_record(ctx)}
    if ctx.runtime is not None:
        config["embedder_runtime"] = ctx.runtime
    if ctx.has("knn"):
        config["neighbors"] = _neighbors_record(ctx)
    return AuditReport(
        scores=scores, issues=issues, n=len(ds), ids=list(ds.ids), labels=list(ds.labels),
        checks_run=[c.name for c in selected], findings=_plain(findings), errors=errors, config=config,
        timings=timings, dataset=ds,
        embeddings=ctx.get("embeddings") if ctx.has("embeddings") else None,
        pred_probs=ctx.get("pred_probs") if ctx.has("pred_probs") else None,
        classes=list(ds.classes), issue_types=_issue_types_in_words(selected, findings, strict),
    )


def _issue_types_in_words(selected, findings: dict, strict: bool) -> dict:
    """What the report saves about the issue types: every registered one's meaning (so cleaning and
    rendering never need the registry), and for those that ran their findings in words."""
    out = issue_types()
    for check in selected:
        words = {}
        for key, describe in (("sentences", check.describe), ("trust", check.describe_trust)):
            try:
                words[key] = [str(s) for s in describe(findings.get(check.name) or {})]
            except Exception as exc:  # a plug-in's prose must not cost the audit
                if strict:
                    raise
                logger.warning("Check %r could not describe its findings: %s: %s", check.name, type(exc).__name__,
                               exc)
                words[key] = []
        out[check.name] = {**out.get(check.name, check.issue_type()), **words}
    return out

