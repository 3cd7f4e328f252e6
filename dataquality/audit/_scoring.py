"""Axis scores: 100 x (1 - share of examples flagged on the axis); overall = mean of the four.

See docs/scoring.md. An example counts once per axis however many issues of that axis it has,
so planting more problems of an axis can only raise the flagged share and lower the score.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..checks import AXES


def axis_scores(issues: pd.DataFrame, n: int, axes_run: set[str]) -> dict[str, float]:
    scores = {}
    for axis in AXES:
        if n == 0:
            scores[axis] = 100.0
            continue
        flagged = issues.loc[issues["axis"] == axis, "index"].nunique() if len(issues) else 0
        scores[axis] = round(100.0 * (1.0 - flagged / n), 2)
    scores["overall"] = round(float(np.mean([scores[a] for a in AXES])), 2)
    return scores
