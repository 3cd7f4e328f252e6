"""Axis scores: 100 x (1 - share of the judged examples flagged on the axis); overall = mean of the
measured axes.

See docs/scoring.md. An example counts once per axis however many issues of that axis it has,
so planting more problems of an axis can only raise the flagged share and lower the score. An
axis none of whose checks measured anything (none ran, all failed, or all said they could not
judge the data) is ``None``, "not measured", never 100.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import AXES


def axis_scores(issues: pd.DataFrame, n: int, measured: dict[str, tuple[str, int | None]],
                why_not: dict[str, str] | None = None, axes_of: dict[str, str] | None = None):
    """``(scores, not_measured)``.

    ``measured`` maps each check that measured to ``(axis, examples it judged or None for all)``;
    ``why_not`` says, per check that did not, why (failed, skipped, could not judge); ``axes_of``
    gives those checks' axes. ``not_measured`` maps each unmeasured axis to the reasons.

    >>> issues = pd.DataFrame({"index": [0, 1], "axis": ["completeness", "completeness"]})
    >>> scores, missing = axis_scores(issues, 10, {"unreadable": ("completeness", None)},
    ...                               {"label": "label: no labels"}, {"label": "accuracy"})
    >>> scores["completeness"], scores["accuracy"], scores["overall"], missing["accuracy"]
    (80.0, None, 80.0, 'label: no labels')
    """
    why_not = why_not or {}
    axes_of = axes_of or {}
    scores: dict = {}
    not_measured: dict[str, str] = {}
    for axis in AXES:
        judged = [a for a in (v[1] for v in measured.values() if v[0] == axis)]
        if not judged:
            reasons = [r for name, r in why_not.items() if axes_of.get(name) == axis]
            not_measured[axis] = "; ".join(reasons) if reasons else "no check of this axis ran"
            scores[axis] = None
            continue
        denominator = n if any(j is None for j in judged) else max(judged)
        if denominator <= 0:
            not_measured[axis] = "no example could be judged"
            scores[axis] = None
            continue
        flagged = issues.loc[issues["axis"] == axis, "index"].nunique() if len(issues) else 0
        scores[axis] = round(100.0 * (1.0 - min(flagged, denominator) / denominator), 2)
    present = [scores[a] for a in AXES if scores[a] is not None]
    scores["overall"] = round(float(np.mean(present)), 2) if present else None
    return scores, not_measured
