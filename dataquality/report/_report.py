"""AuditReport: holds the audit's results; renderers (text, JSON, HTML) read it."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .._axes import AXES
from .._errors import DataQualityError
from ._issue_types import DEFAULT_EXCLUDE, known_issue_types, resolve_exclude

__all__ = ["AuditReport", "DEFAULT_EXCLUDE", "write_manifest"]


def _free_name(name: str, taken) -> str:
    """``name``, or with underscores before it until no column of the table has it."""
    while name in taken:
        name = "_" + name
    return name


def write_manifest(ds, path, *, overwrite: bool = False) -> Path:
    """Write ``ds`` as a CSV from which its data can be rebuilt (docs/report.md, "clean_manifest.csv").

    Files (images): ``id,path,label`` (``Dataset.to_manifest``). Text: ``id,label,text``, the text as it was read.
    Tables: ``id``, the row's feature columns as they were read, ``label``; ``id`` is the row's number in the
    file (0: the first below the header; a blank line keeps its number, a row of empty cells is a row), the text
    file's own id column where it has one, or its DataFrame index
    label, and a feature column named ``id`` or ``label`` keeps its name (ours then get a leading ``_``). Vectors:
    ``id,label`` (``id`` names the row of the array or DataFrame given). Re-audit a text or table manifest with
    ``labels="label"``.
    """
    from .._io import safe_write_text, utf8_text
    from ..modalities import get_modality

    modality = get_modality(ds.modality)
    table = ds.features is not None and not (modality.has_pixels or modality.vectors_given)
    if ds.paths is not None or not (modality.reads_strings or table):
        return ds.to_manifest(path, overwrite=overwrite)

    def cell(v):  # pandas' Arrow strings reject lone surrogates
        return utf8_text(v) if isinstance(v, str) else v

    labels = ["" if v is None else cell(v) for v in ds.labels]
    if modality.reads_strings:
        df = pd.DataFrame({"id": [cell(i) for i in ds.ids], "label": labels, "text": [cell(t) for t in ds.texts]})
    else:
        df = ds.features.reset_index(drop=True).copy()
        for j, dtype in enumerate(df.dtypes):  # only columns that can hold text: numbers are written as they are
            if not (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype)):
                df.isetitem(j, df.iloc[:, j].map(cell))
        df.columns = [str(c) for c in df.columns]
        df.insert(0, _free_name("id", df.columns), [cell(i) for i in ds.ids])
        df[_free_name("label", df.columns)] = labels
    return safe_write_text(path, df.to_csv(index=False), overwrite=overwrite)


@dataclass
class AuditReport:
    """The result of :func:`dataquality.audit`.

    Attributes
    ----------
    scores : dict of the four axis scores and ``overall``, 0-100; ``None`` for an axis that was not
        measured (``findings["scores"]["not_measured"]`` says why), and ``overall`` is the mean of
        the measured axes.
    issues : long DataFrame, one row per (example, issue): index, id, issue, axis, score, detail, group.
    findings : dataset-level findings (imbalance, noise rate, shift, dominant format ...).
    errors : checks that failed, with the reason.
    issue_types : ``{issue type: {axis, description, forms_sets, excluded_by_default, explained_by,
        sentences, trust}}``, written by the audit from each check's own declarations (``sentences``:
        its findings in words, ``trust``: how far its flags can be trusted, for the checks that ran).
        The report reads, renders and cleans from this alone, so it needs no check registry (nor a
        user's plug-in) to do so.
    """

    scores: dict
    issues: pd.DataFrame
    n: int
    ids: list[str]
    labels: list
    checks_run: list[str]
    findings: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    config: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    dataset: object = field(default=None, repr=False)
    embeddings: np.ndarray | None = field(default=None, repr=False)
    pred_probs: np.ndarray | None = field(default=None, repr=False)
    classes: list = field(default_factory=list)
    comparison: object = field(default=None, repr=False)
    issue_types: dict = field(default_factory=dict, repr=False)

    # -- views ------------------------------------------------------------------------
    @property
    def examples(self) -> pd.DataFrame:
        """Wide table, one row per example: id, label, ``is_<issue>`` flag and ``<issue>_score``."""
        df = pd.DataFrame({"id": self.ids, "label": self.labels})
        for name in self.checks_run:
            sub = self.issues[self.issues["issue"] == name]
            flag = np.zeros(self.n, dtype=bool)
            score = np.zeros(self.n)
            flag[sub["index"].to_numpy(int)] = True
            score[sub["index"].to_numpy(int)] = sub["score"].to_numpy(float)
            df[f"is_{name}"] = flag
            df[f"{name}_score"] = score
        df["n_issues"] = self.issues.groupby("index").size().reindex(range(self.n), fill_value=0).to_numpy()
        return df

    @property
    def summary(self) -> pd.DataFrame:
        """One row per issue type that ran: axis, count, rate."""
        counts = self.issues["issue"].value_counts()
        rows = [{"issue": name, "axis": self.axis_of(name), "count": int(counts.get(name, 0)),
                 "rate": float(counts.get(name, 0)) / max(self.n, 1)} for name in self.checks_run]
        df = pd.DataFrame(rows, columns=["issue", "axis", "count", "rate"])
        order = {a: i for i, a in enumerate(AXES)}
        return df.sort_values(["axis", "count"], key=lambda s: s.map(order) if s.name == "axis" else -s,
                              kind="stable").set_index("issue")

    def axis_of(self, issue: str) -> str:
        """The axis of an issue type, as the audit recorded it."""
        meta = known_issue_types(self).get(issue)
        if meta is not None:
            return meta["axis"]
        rows = self.issues.loc[self.issues["issue"] == issue, "axis"]
        return str(rows.iloc[0]) if len(rows) else ""

    def describe(self, issue: str) -> str:
        """What an issue type means, in one sentence (empty when the report does not say)."""
        return str((known_issue_types(self).get(issue) or {}).get("description") or "")

    @property
    def default_exclude(self) -> tuple[str, ...]:
        """The issue types :meth:`clean_subset` drops unless told otherwise: those whose check
        declares ``excluded_by_default`` (plug-ins included)."""
        return tuple(name for name, m in known_issue_types(self).items() if m.get("excluded_by_default"))

    @property
    def set_issues(self) -> tuple[str, ...]:
        """Issue types whose flags come in sets (duplicates): cleaning keeps one member of each."""
        return tuple(name for name, m in known_issue_types(self).items() if m.get("forms_sets"))

    def flagged(self, issue: str) -> list[str]:
        """Ids flagged with ``issue``; an unknown issue type raises, listing the known ones (a misspelt name would
        otherwise read as "nothing flagged")."""
        if issue not in self.issues["issue"].values:
            resolve_exclude(self, (issue,))  # raises on an unknown name
        return self.issues.loc[self.issues["issue"] == issue, "id"].tolist()

    # -- cleaning ---------------------------------------------------------------------
    def empty_examples(self) -> np.ndarray:
        """Positions of the examples with nothing in them: ``missing_value`` at score 1 (an empty or
        whitespace-only text, a table row with every cell missing, a vector of NaN or zeros). Cleaning
        with the default exclusions drops them; a row with only some cells missing is kept."""
        sub = self.issues[(self.issues["issue"] == "missing_value") & (self.issues["score"] >= 1.0)]
        return np.unique(sub["index"].to_numpy(int))

    def clean_indices(self, exclude=None) -> np.ndarray:
        """Positions kept by :meth:`clean_subset` (sorted)."""
        default = exclude is None
        exclude = resolve_exclude(self, exclude)
        sets = self.set_issues
        drop = np.zeros(self.n, dtype=bool)
        if default and "missing_value" not in exclude:  # nothing to train on: not kept by default (text, tables)
            drop[self.empty_examples()] = True
        plain = [e for e in exclude if e not in sets]
        sub = self.issues[self.issues["issue"].isin(plain)]
        drop[sub["index"].to_numpy(int)] = True
        for name in (e for e in exclude if e in sets):
            sub = self.issues[self.issues["issue"] == name]
            for _, grp in sub.groupby("group", sort=False):
                members = np.sort(grp["index"].to_numpy(int))
                keepable = [m for m in members if not drop[m]]
                keep = keepable[0] if keepable else None
                for m in members:
                    if m != keep:
                        drop[m] = True
        return np.flatnonzero(~drop)

    def why_nothing_is_left(self, exclude=None) -> str:
        """The message when cleaning would drop every example: which issues cover them, and what to check."""
        default = exclude is None
        exclude = resolve_exclude(self, exclude)
        counts = self.issues[self.issues["issue"].isin(exclude)].groupby("issue")["index"].nunique()
        empty = self.empty_examples() if default and "missing_value" not in exclude else []
        if len(empty):
            counts["missing_value (empty)"] = len(empty)
        counts = counts.sort_values(ascending=False)
        shown = ", ".join(f"{name} {int(k)} of {self.n}" for name, k in counts.items())
        hint = ""
        if len(counts) and counts.index[0] in ("missing_label", "unreadable") and counts.iloc[0] >= 0.5 * self.n:
            hint = (" Most examples are " + ("unlabelled: check that labels= names the right file or column"
                                             if counts.index[0] == "missing_label" else
                                             "unreadable: check that the path points at the images")
                    + " (report.findings['dataset'] says how the input was read).")
        if len(empty):
            hint += (" Empty examples (missing_value at score 1) are dropped by default; exclude=report.default_exclude"
                     " keeps them.")
        return (f"Cleaning would drop every example: each has at least one of the excluded issues ({shown})."
                f"{hint} To keep examples with an issue type, leave it out of exclude=.")

    def clean_subset(self, exclude=None, *, dataset=None, manifest=None, overwrite: bool = False):
        """The dataset without the flagged examples: a view, never a copy on disk.

        ``exclude`` names the issue types to drop; by default :attr:`default_exclude` (for the
        built-in checks ``DEFAULT_EXCLUDE``: label, unreadable, missing_label, exact_duplicate,
        conflicting_labels, outlier) and, for text, tables and vectors, the examples with nothing in
        them (:meth:`empty_examples`: an empty text, a row with every cell missing, a vector of NaN or
        zeros). A row with some cells missing is kept (``exclude=[..., "missing_value"]`` drops it too);
        an explicit ``exclude`` drops only what it names. Images are not affected (``missing_value``
        does not run on them). Duplicate sets keep one member (the first that is not otherwise excluded).
        ``manifest=path`` also writes the cleaned examples as CSV there (``write_manifest``).
        """
        ds = dataset if dataset is not None else self.dataset
        if ds is None:
            raise DataQualityError("This report was loaded from disk without its data. "
                                   "Pass dataset=dq.as_dataset(<the same data>) to clean_subset.")
        if len(ds) != self.n or list(ds.ids) != list(self.ids):
            raise DataQualityError("The dataset given does not match the audited one (ids differ).")
        keep = self.clean_indices(exclude)
        if len(keep) == 0:
            raise DataQualityError(self.why_nothing_is_left(exclude))
        sub = ds.subset(keep)
        before = {lab for lab in ds.labels if lab is not None}
        lost = sorted((before - {lab for lab in sub.labels if lab is not None}), key=str)
        if lost:  # a model trained on it never sees these classes: said, and kept in the subset's findings
            sub.findings["classes_lost_in_cleaning"] = [str(c) for c in lost]
            logging.getLogger("dataquality").warning(
                "Cleaning removes every example of %d class(es): %s. A model trained on the clean subset never sees "
                "them; check why they were all flagged (report.issues).", len(lost), ", ".join(map(str, lost[:10])))
        if manifest is not None:
            write_manifest(sub, manifest, overwrite=overwrite)
        return sub

    # -- rendering --------------------------------------------------------------------
    def __str__(self) -> str:
        from ._text import render_text

        return render_text(self)

    def to_json(self, path=None, *, overwrite: bool = False):
        """JSON text of the report (schema in docs/report-schema.md); written to ``path`` if given."""
        from ._json import report_to_json

        return report_to_json(self, path, overwrite=overwrite)

    def to_parquet(self, path, *, overwrite: bool = False):
        """Write the full issues table (one row per example and issue) as Parquet: the form that
        scales, where the HTML shows only the most severe examples of each issue type."""
        from .._io import safe_target

        target = safe_target(path, overwrite=overwrite)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            self.issues.to_parquet(tmp, index=False)
            os.replace(tmp, target)
        finally:
            if tmp.exists():
                tmp.unlink()
        return target

    def to_html(self, path, *, overwrite: bool = False, max_gallery: int = 24, thumb_size: int = 96,
                map_method: str = "auto", max_map_points: int = 5000, title: str = "dataquality report") -> Path:
        """Write the report as one self-contained HTML file (inline CSS, JS and images; no network).

        Parameters
        ----------
        path : where to write; an existing file is refused unless ``overwrite=True``.
        max_gallery : most severe examples shown per issue type (and duplicate sets shown).
        thumb_size : longest side of the inlined thumbnails, in pixels.
        map_method : 2-D map of the embeddings: ``"auto"`` (t-SNE up to 300 points, else PCA), ``"pca"``, ``"tsne"``.
        max_map_points : the map shows every flagged example and a sample of the rest up to this many.

        Examples
        --------
        >>> report.to_html("report.html", max_gallery=12)   # doctest: +SKIP
        PosixPath('report.html')

        See docs/report.md for the layout and the size bound.
        """
        from .._io import safe_target, safe_write_text
        from ._html import render_html

        safe_target(path, overwrite=overwrite)  # refuse before the (slower) rendering
        text = render_html(self, max_gallery=max_gallery, thumb_size=thumb_size, map_method=map_method,
                           max_map_points=max_map_points, title=title)
        return safe_write_text(path, text, overwrite=overwrite)
