from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._groups import NEAR_TEXT, pick_threshold
from ._near_duplicate import TABULAR_TOLERANCE, by_columns, tabular_pairs


@register_check
@dataclass
class LeakageCheck(Check):
    """Training examples that also appear in the ``reference=`` (test) set: equal content, or an
    embedding neighbour in the reference set closer than ``threshold`` (cosine distance)."""

    name = "leakage"
    axis = "representativeness"
    requires = frozenset({"reference", "embeddings"})
    threshold: float = 0.02
    text_threshold: float = NEAR_TEXT  # see _groups.py
    # tables: None, every column within near_duplicate's tolerance (learnt from the training rows' own spacing) of
    # the nearest reference rows; a number: a cosine distance, which in a dense one- or two-column table every
    # training row meets with some reference row by chance
    tabular_threshold: float | None = None
    tabular_tolerance: float = TABULAR_TOLERANCE
    k_tabular: int = 5
    chance_matches: float = 0.05

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        if not findings.get("leaked_examples"):
            return []
        return [f"{findings['leaked_examples']} training example(s) also appear in the reference/test set."]

    def run(self, ctx) -> CheckResult:
        threshold = pick_threshold(self, ctx.modality)

        ref = ctx.get("reference")
        keys = ctx.content_keys()
        ref_keys = ref.content_keys()
        ref_ids = ref.dataset.ids
        by_key = {}
        for j, key in enumerate(ref_keys):
            if isinstance(key, str):
                by_key.setdefault(key, j)
        flagged: dict[int, tuple[float, str]] = {}
        for i, key in enumerate(keys):
            if isinstance(key, str) and key in by_key:
                flagged[i] = (1.0, f"identical to reference example {ref_ids[by_key[key]]}")
        X, R = ctx.get("embeddings"), ref.get("embeddings")
        rows, rrows = np.flatnonzero(ctx.valid), np.flatnonzero(ref.valid)
        if len(rows) and len(rrows) and by_columns(self, ctx):
            for r, (j, d) in self._by_columns(ctx, ref, rows, rrows).items():
                flagged.setdefault(r, (1.0 - min(d, 1.0), f"the same values as reference example {ref_ids[j]} "
                                                          f"(every column within {d:.2g} of its spread)"))
        elif len(rows) and len(rrows):
            ind, dist = ctx.search(R[rrows], 1, queries=X[rows], exclude_self=False)
            for r, j, d in zip(rows, ind[:, 0], dist[:, 0]):
                if d <= threshold and r not in flagged:
                    flagged[r] = (float(1 - d), f"near-identical to reference example {ref_ids[rrows[j]]} "
                                                f"(distance {d:.4f})")
        idx = sorted(flagged)
        return CheckResult.from_lists(idx, [flagged[i][0] for i in idx], [flagged[i][1] for i in idx],
                                      {"leaked_examples": len(idx)})

    def _by_columns(self, ctx, ref, rows, rrows) -> dict:
        """{training row: (reference row, distance)} for the training rows with a reference row among their
        ``k_tabular`` nearest by embedding whose every column is within the tolerance near_duplicate learns from the
        training rows (distance: the largest column difference, in units of the column's spread)."""
        from ..embeddings._tabular import transform_table

        # the tolerance at which ``chance_matches`` training rows in all would meet a reference row by chance (a
        # training row meets one of the n_ref reference rows within r with probability ~ n_ref / n F(r), and
        # tabular_pairs sets n F(r) = its chance_rows): at near_duplicate's 0.5 rows, two of 150 rows of two
        # columns met an unrelated test row (0.005-0.007 of the spread apart)
        tol = tabular_pairs(ctx, self.tabular_tolerance,
                            chance_rows=self.chance_matches * ctx.n / max(len(rrows), 1))[2]
        state, A = ctx.get("table_columns")
        B = transform_table(state, ref.dataset.features, np.float64)[:, :-1]
        k = min(self.k_tabular, len(rrows))
        ind, _ = ctx.search(ref.get("embeddings")[rrows], k,
                            queries=ctx.get("embeddings")[rows], exclude_self=False)
        out = {}
        for r, cand in zip(rows, ind):
            cand = rrows[cand[cand >= 0]]
            if not len(cand):
                continue
            d = np.abs(B[cand] - A[r]).max(axis=1)
            j = int(np.argmin(d))
            if d[j] <= tol:
                out[int(r)] = (int(cand[j]), float(d[j]))
        return out
