from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import missing_word_mask
from ..modalities import get_modality
from ._base import Check, CheckResult, register_check

# placeholders that mean "no value" when they are the whole cell


@register_check
@dataclass
class MissingValueCheck(Check):
    """Empty or whitespace-only texts; table rows with missing cells; vectors with NaN or infinite
    values, or all zeros (precomputed embeddings).

    A cell is missing when it is NaN/None, infinite, blank, or a placeholder such as ``'?'``,
    ``'NA'`` or ``'null'``. A row's ``score`` is its share of missing cells among the audited columns (identifier
    and constant columns aside: a row empty but for its id scores 1, as an empty text does).
    Findings: missing cells per column, rows with any and with all cells missing; a column missing in every row is
    not counted per row but named once (``empty_columns``).
    """

    name = "missing_value"
    axis = "completeness"
    explains = frozenset({"outlier"})  # the cause, where outlier would only say "far from the rest"
    modalities = frozenset({"text", "tabular", "embeddings"})

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        out = []
        if findings.get("missing_cells_per_column"):
            out.append(f"{findings.get('rows_with_missing', '?')} row(s) have missing cells "
                       f"({findings.get('rows_all_missing', 0)} entirely empty); per column: "
                       + ", ".join(f"{k} {v}" for k, v in findings["missing_cells_per_column"].items()) + ".")
        if findings.get("empty_columns"):
            cols = findings["empty_columns"]
            out.append(f"{len(cols)} column(s) empty in every row, not counted per row: {', '.join(cols[:10])}"
                       + (" ..." if len(cols) > 10 else "") + ".")
        if findings.get("empty_texts"):
            out.append(f"{findings['empty_texts']} empty text(s).")
        return out

    def run(self, ctx) -> CheckResult:
        if get_modality(ctx.modality).vectors_given:
            bad = np.flatnonzero(~ctx.valid)
            X = ctx.dataset.vectors
            details = ["vector has NaN or infinite values" if not np.isfinite(np.asarray(X[i], dtype=np.float64)).all()
                       else "vector is all zeros" for i in bad]
            return CheckResult.from_lists(bad, np.ones(len(bad)), details, {"unusable_vectors": int(len(bad))})
        if get_modality(ctx.modality).reads_strings:
            bad = np.flatnonzero(~ctx.valid)
            return CheckResult.from_lists(bad, np.ones(len(bad)), ["empty text"] * len(bad),
                                          {"empty_texts": int(len(bad))})
        df = ctx.dataset.features
        m = df.isna().to_numpy(bool).copy()
        dtypes = list(df.dtypes)
        num = [j for j, t in enumerate(dtypes) if pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)]
        if num:  # number columns as one block: linear in cells, not a DataFrame write per column
            block = df.iloc[:, num].to_numpy(dtype=float, na_value=np.nan)
            m[:, num] |= ~np.isfinite(block)
        for j in sorted(set(range(len(dtypes))) - set(num)):
            # raw cells only: 'abc' in a numeric column is a schema problem, not a missing value
            m[:, j] |= missing_word_mask(df.iloc[:, j])
        # a column empty in every row is one problem of the column, said once (as a file's empty column is left out
        # when read, data/_tables.py), not a missing cell in each row: one all-NaN column made every row an issue
        empty = m.all(axis=0) if len(m) > 1 else np.zeros(m.shape[1], dtype=bool)
        empty_cols = [str(c) for c in df.columns[empty]]
        m = m[:, ~empty]
        miss = pd.DataFrame(m, columns=df.columns[~empty])
        cols = miss.columns.to_numpy()
        # the share is of the cells audited: a row empty but for its id (or a constant column) is an empty example,
        # score 1, which clean_subset() drops by default; it scored 2/3 beside an id column and was kept
        aside = _not_audited(ctx.dataset)
        audited = np.array([str(c) not in aside for c in cols], dtype=bool)
        if m.shape[1] == 0:
            share = np.zeros(len(m))
        elif audited.any():
            share = m[:, audited].mean(axis=1)
            only_aside = (share == 0) & m.any(axis=1)  # an id cell missing and nothing else: its share of all cells
            share[only_aside] = m[only_aside].mean(axis=1)
        else:
            share = m.mean(axis=1)
        bad = np.flatnonzero(share > 0)
        n_audited = int(audited.sum()) or len(cols)
        details = []
        for i in bad:
            names = [str(c) for c in cols[m[i]]]
            shown = ", ".join(names[:5]) + (f" (+{len(names) - 5} more)" if len(names) > 5 else "")
            k = int(m[i][audited].sum())
            if audited.all() or not audited.any():
                details.append(f"missing {len(names)} of {len(cols)} cells: {shown}")
            elif k:
                own = [str(c) for c in cols[m[i] & audited]]
                also = [str(c) for c in cols[m[i] & ~audited]]
                details.append(f"missing {k} of the {n_audited} audited cells: " + ", ".join(own[:5])
                               + (f" (+{len(own) - 5} more)" if len(own) > 5 else "")
                               + (f"; also {', '.join(also[:3])} (not audited)" if also else ""))
            else:
                details.append(f"missing {len(names)} of {len(cols)} cells, none of them audited: {shown}")
        findings = {
            "missing_cells_per_column": {str(c): int(v) for c, v in zip(cols, m.sum(axis=0)) if v},
            "rows_with_missing": int(len(bad)),
            "rows_all_missing": int((share == 1).sum()),
        }
        if empty_cols:
            findings["empty_columns"] = empty_cols
        return CheckResult.from_lists(bad, share[bad], details, findings)


def _not_audited(dataset) -> set[str]:
    """The columns left out of the features as identifiers or constants (``excluded_columns``): a row's missing
    share is not diluted by them."""
    why = (dataset.findings or {}).get("excluded_columns", {}) if hasattr(dataset, "findings") else {}
    return {c for c, reason in why.items() if reason.startswith(("identifier", "the same value"))}
