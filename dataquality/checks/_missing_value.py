from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check


@register_check
@dataclass
class MissingValueCheck(Check):
    """Empty or whitespace-only texts; table rows with missing cells (score = share missing)."""

    name = "missing_value"
    axis = "completeness"
    modalities = frozenset({"text", "tabular"})

    def run(self, ctx) -> CheckResult:
        if ctx.modality == "text":
            bad = np.flatnonzero(~ctx.valid)
            return CheckResult.from_lists(bad, np.ones(len(bad)), ["empty text"] * len(bad))
        from ..embeddings._tabular import numeric_view

        df = numeric_view(ctx.dataset.features)
        miss = df.isna()
        for c in df.columns:
            if df[c].dtype == object:
                miss[c] |= df[c].astype(str).str.strip().eq("")
            else:
                miss[c] |= ~np.isfinite(df[c].to_numpy(float))
        share = miss.mean(axis=1).to_numpy()
        bad = np.flatnonzero(share > 0)
        cols = miss.columns.to_numpy()
        details = [f"missing: {', '.join(map(str, cols[miss.iloc[i].to_numpy()][:5]))}" for i in bad]
        per_col = {str(c): int(v) for c, v in miss.sum().items() if v}
        return CheckResult.from_lists(bad, share[bad], details, {"missing_cells_per_column": per_col})
