from __future__ import annotations

from .._axes import AXES
from ._issue_types import issue_type_sentences, trust_lines


def _n(count, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def reading_lines(d: dict) -> list[str]:
    """How the input was read, from ``findings["dataset"]``, in plain words (one sentence a line)."""
    if not d:
        return []
    out = []
    how = d.get("read_as") or d.get("layout") or f"{d.get('modality', '?')} data"
    src = d.get("source")
    first = f"read as: {how}" + (f" ({src})" if src and str(src) not in how else "")
    out.append(first)
    lf = d.get("labels_file")
    if isinstance(lf, dict):
        bits = [f"paths in column {lf.get('path_column')!r}", f"labels in column {lf.get('label_column')!r}"]
        fmt = [x for x in (lf.get("encoding"), lf.get("delimiter") and f"{lf['delimiter']}-separated",
                           None if lf.get("header_row", True) else "no header row",
                           "Excel sep= line" if lf.get("excel_sep_line") else None) if x]
        by = lf.get("matched_by") or {}
        matched = f"; rows matched by {', '.join(by)}" if by else ""
        out.append(f"labels file {lf.get('file')}: {', '.join(bits)}" + (f" ({', '.join(fmt)})" if fmt else "")
                   + matched)
    else:
        cols = [f"{what} column {d[key]!r}" for key, what in (("path_column", "paths in"), ("text_column", "texts in"),
                                                               ("image_column", "images in"),
                                                               ("label_column", "labels in")) if d.get(key)]
        table = d.get("table") or {}
        fmt = [x for x in (table.get("encoding"), table.get("delimiter") and f"{table['delimiter']}-separated") if x]
        if cols:
            out.append("; ".join(cols) + (f" ({', '.join(fmt)})" if fmt else ""))
        # how the file's cells were read where that was not plain (decimal commas, grouped or currency numbers, a
        # dropped empty column): a misread would otherwise show only as odd scores
        out.extend(f"table: {note}" for note in table.get("notes") or [])
    counts = []
    if d.get("n_files_found") is not None:
        counts.append(f"{_n(d['n_files_found'], 'image file')} found")
    if d.get("files_without_label"):
        counts.append(f"{d['files_without_label']} with no row in the labels file (missing_label)")
    if d.get("rows_without_file"):
        counts.append(f"{_n(d['rows_without_file'], 'row')} naming no file (unreadable: file not found)")
    if d.get("duplicate_manifest_rows"):  # each an example of its own (id#2): the counts then add up
        counts.append(f"{_n(d['duplicate_manifest_rows'], 'row')} naming a file another row names (ids with #2, "
                      "#3 ...)")
    skipped = d.get("skipped_files")
    n_sk = skipped if isinstance(skipped, int) else d.get("skipped_count") or len(skipped or [])
    if n_sk:
        why = d.get("skipped_reasons") or {}
        counts.append(f"{_n(n_sk, 'other file')} skipped"
                      + (f" ({', '.join(f'{v} {k}' for k, v in why.items())})" if why else ""))
    if counts:
        out.append("; ".join(counts))
    if d.get("unlabelled"):
        out.append("no labels at all: the label checks were not run (unlabelled data is not incomplete data)")
    elif d.get("labelled") is not None and d.get("n_examples") and d["labelled"] < d["n_examples"]:
        out.append(f"{d['labelled']} of {d['n_examples']} examples labelled")
    if d.get("excluded_columns"):
        out.append("columns left out of the features: "
                   + "; ".join(f"{k} ({v})" for k, v in d["excluded_columns"].items()))
    for kind in ("datetime", "boolean"):
        if d.get(f"{kind}_columns"):
            out.append(f"{kind} columns (encoded as {'days' if kind == 'datetime' else '0/1'}): "
                       + ", ".join(d[f"{kind}_columns"]))
    lt = d.get("label_types")
    if isinstance(lt, dict) and lt.get("note"):
        out.append(lt["note"])
    for note in d.get("notes") or []:
        out.append(f"note: {note}")
    return out


def score_text(value) -> str:
    return "not measured" if value is None else f"{float(value):.1f}"


def unmeasured_lines(report) -> list[str]:
    missing = (report.findings.get("scores") or {}).get("not_measured") or {}
    return [f"not measured: {axis} ({why})" for axis, why in missing.items()] + partly_measured_lines(report)


def partly_measured_lines(report) -> list[str]:
    """Axes scored although one of their checks failed: the score stands on the other checks alone (an embedder
    that failed left ``exact_duplicate`` to score representativeness without near duplicates or outliers)."""
    failed: dict[str, list[str]] = {}
    for name in report.errors or {}:
        axis = report.axis_of(name)
        if report.scores.get(axis) is not None:
            failed.setdefault(axis, []).append(name)
    return [f"partly measured: {axis} (scored without {', '.join(names)}: failed, see the checks that failed)"
            for axis, names in failed.items()]


def chosen_checks_lines(report) -> list[str]:
    """Where ``checks=`` named some of the checks that apply, which ran and which did not (``config``'s
    ``checks_not_chosen``): a dict of settings for one check runs that check alone, which a reader of the scores would
    not otherwise see."""
    left = (report.config or {}).get("checks_not_chosen") or []
    if not left:
        return []
    return [f"checks run: {', '.join(report.checks_run) or 'none'}, as named in checks=; {len(left)} other "
            f"check(s) that apply did not run ({', '.join(left[:6])}{' ...' if len(left) > 6 else ''})"]


def class_count_lines(lab: dict, k: int = 10) -> list[str]:
    """Examples per class and, beside them, how many could be read, where some could not (``class_counts_note``): a
    class none of whose files could be read showed its full count and nothing else."""
    note = lab.get("class_counts_note")
    if not note:
        return []
    counts, readable = lab.get("class_counts") or {}, lab.get("readable_class_counts") or {}
    shown = [f"{c} {n} ({readable.get(str(c), n)} readable)" for c, n in list(counts.items())[:k]]
    more = f" (+{len(counts) - k} more)" if len(counts) > k else ""
    return [f"examples per class: {', '.join(shown)}{more}", f"  note: {note}"]


def render_text(report, top: int = 5) -> str:
    d = report.findings.get("dataset") or {}
    modality = f" ({d['modality']})" if d.get("modality") else ""
    lines = [f"dataquality audit: {report.n} examples, {len(report.classes)} classes{modality}"]
    lines += [f"  {ln}" for ln in reading_lines(d)]
    measured = [a for a in AXES if report.scores.get(a) is not None]
    overall_note = "" if len(measured) == len(AXES) else (
        f" (mean of {len(measured)} measured ax{'is' if len(measured) == 1 else 'es'})" if measured else "")
    lines.append("scores: " + "  ".join(f"{a} {score_text(report.scores.get(a))}" for a in AXES)
                 + f"  overall {score_text(report.scores.get('overall'))}{overall_note}")
    lines += unmeasured_lines(report)
    lines += chosen_checks_lines(report)
    lines += trust_lines(report)
    summ = report.summary
    for axis in AXES:
        rows = summ[summ["axis"] == axis]
        if not len(rows):
            continue
        lines.append(f"\n[{axis}]")
        idle = (report.findings.get("scores") or {}).get("checks_not_measuring") or {}
        for name, r in rows.iterrows():
            if name in (report.errors or {}):  # it failed: not "0 found"
                lines.append(f"  {name:<20} failed (the error is at the end)")
                continue
            if name in idle:
                lines.append(f"  {name:<20} not measured")
                continue
            explained = report.findings.get(name, {}).get("explained_by_other_checks", 0)
            more = f"  (+{explained} reported under a more specific issue)" if explained else ""
            lines.append(f"  {name:<20} {r['count']:>6}  ({r['rate']:.1%}){more}")
            sub = report.issues[report.issues["issue"] == name].head(top)
            for _, row in sub.iterrows():
                lines.append(f"      {row['id']}  score {row['score']:.2f}  {row['detail']}")
    said = issue_type_sentences(report)
    if said:
        lines.append("\nfindings:")
        lines += [f"  {s}" for s in said]
    lab = report.findings.get("labels", {})
    if "imbalance_ratio" in lab:
        of = " of the readable examples" if lab.get("readable_class_counts") else ""
        lines.append(f"\nclass imbalance (largest/smallest){of}: {float(lab['imbalance_ratio']):.1f}")
    lines += class_count_lines(lab)
    if lab.get("label_vocabulary_clashes"):
        lines.append(f"label vocabulary clashes: {lab['label_vocabulary_clashes']}")
    shift = report.findings.get("distribution_shift")
    if isinstance(shift, dict) and "p_value" in shift:
        lines.append(f"distribution shift vs reference: MMD {shift['statistic']:.4f}, p = {shift['p_value']:.3f}")
    if report.errors:
        lines.append("\nchecks that failed: " + "; ".join(f"{k}: {v}" for k, v in report.errors.items()))
    skipped = report.config.get("skipped_checks") or {}
    if skipped:
        lines.append("checks skipped: " + "; ".join(f"{k} ({v})" for k, v in skipped.items()))
    return "\n".join(lines)
