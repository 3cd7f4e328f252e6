from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._base import Check, CheckResult, register_check


@register_check
@dataclass
class SchemaCheck(Check):
    """Table cells whose type disagrees with their column: text in a mostly numeric column,
    numbers in a text column. ``detail`` names the column and the value."""

    name = "schema"
    axis = "consistency"
    modalities = frozenset({"tabular"})
    majority: float = 0.9

    def run(self, ctx) -> CheckResult:
        df = ctx.dataset.features
        flagged: dict[int, list[str]] = {}
        findings = {}
        for c in df.columns:
            s = df[c]
            if pd.api.types.is_numeric_dtype(s):
                continue
            txt = s.astype(str).str.strip()
            present = s.notna() & (txt != "") & ~txt.str.lower().isin(["nan", "none", "null"])
            num = pd.to_numeric(s.where(present), errors="coerce").notna() & present
            if present.sum() == 0:
                continue
            share = num.sum() / present.sum()
            if share >= self.majority and share < 1:
                bad = present & ~num
                findings[str(c)] = "numeric column with text values"
            elif 0 < share <= 1 - self.majority:
                bad = num
                findings[str(c)] = "text column with numeric values"
            else:
                if share == 1:
                    findings[str(c)] = "numbers stored as text"
                continue
            for i in np.flatnonzero(bad.to_numpy()):
                flagged.setdefault(int(i), []).append(f"{c}={s.iat[i]!r}")
        idx = sorted(flagged)
        return CheckResult.from_lists(idx, np.full(len(idx), 0.8),
                                      ["type mismatch: " + ", ".join(flagged[i][:3]) for i in idx],
                                      {"schema_columns": findings})
