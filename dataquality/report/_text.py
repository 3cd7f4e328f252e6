from __future__ import annotations

from ..checks import AXES


def render_text(report, top: int = 5) -> str:
    lines = [f"dataquality audit: {report.n} examples, {len(report.classes)} classes"]
    lines.append("scores: " + "  ".join(f"{a} {report.scores[a]:.1f}" for a in (*AXES, "overall")))
    summ = report.summary
    for axis in AXES:
        rows = summ[summ["axis"] == axis]
        if not len(rows):
            continue
        lines.append(f"\n[{axis}]")
        for name, r in rows.iterrows():
            explained = report.findings.get(name, {}).get("explained_by_other_checks", 0)
            more = f"  (+{explained} reported under a more specific issue)" if explained else ""
            lines.append(f"  {name:<20} {r['count']:>6}  ({r['rate']:.1%}){more}")
            sub = report.issues[report.issues["issue"] == name].head(top)
            for _, row in sub.iterrows():
                lines.append(f"      {row['id']}  score {row['score']:.2f}  {row['detail']}")
    lab = report.findings.get("labels", {})
    if "imbalance_ratio" in lab:
        lines.append(f"\nclass imbalance (largest/smallest): {lab['imbalance_ratio']:.1f}")
    if lab.get("label_vocabulary_clashes"):
        lines.append(f"label vocabulary clashes: {lab['label_vocabulary_clashes']}")
    noise = report.findings.get("label", {}).get("label_noise_rate")
    if noise is not None:
        lines.append(f"estimated label-noise rate: {noise:.1%}")
    shift = report.findings.get("distribution_shift")
    if isinstance(shift, dict) and "p_value" in shift:
        lines.append(f"distribution shift vs reference: MMD {shift['statistic']:.4f}, p = {shift['p_value']:.3f}")
    if report.errors:
        lines.append("\nchecks that failed: " + "; ".join(f"{k}: {v}" for k, v in report.errors.items()))
    skipped = report.config.get("skipped_checks") or {}
    if skipped:
        lines.append("checks skipped: " + "; ".join(f"{k} ({v})" for k, v in skipped.items()))
    return "\n".join(lines)
