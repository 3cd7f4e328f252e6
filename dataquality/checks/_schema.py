from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import present_cells
from ._base import Check, CheckResult, register_check
from ._words import pct, short_list


def _far_outside(v: np.ndarray, fence: float) -> np.ndarray:
    """Values beyond ``fence`` interquartile ranges outside the quartiles, on the raw scale and,
    for positive columns, on the log scale too (so a skewed column's long tail is not flagged)."""
    return _far_outside_matrix(np.asarray(v, dtype=float)[:, None], fence)[:, 0]


def _far_outside_matrix(M: np.ndarray, fence: float) -> np.ndarray:
    """:func:`_far_outside` for every column of ``M`` at once (linear in rows x columns)."""
    M = np.where(np.isfinite(M), M, np.nan)
    ok = ~np.isnan(M)
    out = np.zeros(M.shape, dtype=bool)
    cols = np.flatnonzero(ok.sum(axis=0) >= 20)
    if not len(cols):
        return out
    V = M[:, cols]
    with np.errstate(invalid="ignore"):
        q1, q3 = np.nanpercentile(V, [25, 75], axis=0)
        iqr = q3 - q1
        far = ((V < q1 - fence * iqr) | (V > q3 + fence * iqr)) & (iqr > 0)
    out[:, cols] = far
    okv = ok[:, cols]
    nonneg = (np.where(okv, V >= 0, False).sum(axis=0) / okv.sum(axis=0)) > 0.99
    ask_log = np.flatnonzero(nonneg & far.any(axis=0))  # a non-negative column: ask the log scale as well
    if len(ask_log):
        W = V[:, ask_log]
        with np.errstate(invalid="ignore", divide="ignore"):
            L = np.log(np.where(W > 0, W, np.nan))
            lq1, lq3 = np.nanpercentile(L, [25, 75], axis=0)
            liqr = lq3 - lq1
            far_log = (L < lq1 - fence * liqr) | (L > lq3 + fence * liqr)
        keep = far[:, ask_log] & (far_log | (~np.isnan(W) & (W <= 0)))
        keep = np.where(liqr > 0, keep, far[:, ask_log])
        out[:, cols[ask_log]] = keep
    return out


def _numeric_block(df: pd.DataFrame) -> tuple[list, np.ndarray]:
    """The columns of a number dtype (not bool) and their values as one float matrix."""
    pos = [j for j, t in enumerate(df.dtypes) if pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)]
    if not pos:
        return [], np.zeros((len(df), 0))
    return [df.columns[j] for j in pos], df.iloc[:, pos].to_numpy(dtype=float, na_value=np.nan)


def column_findings(df: pd.DataFrame, label_codes: np.ndarray | None = None, *, leak_accuracy: float = 0.99,
                    random_state: int = 0, max_leak_tests: int = 100) -> dict:
    """Dataset-level column problems: constant columns, identifier-like columns (a distinct integer
    or text value in every row), and single columns that predict the label almost perfectly.

    Number columns are examined together as one matrix, so a table of 10,000 columns costs what
    its cells cost. The leakage test (a depth-3 tree per column, out of fold) runs on the columns
    that a quick in-sample screen ranks first (at most ``max_leak_tests``).
    """
    n = len(df)
    constant, identifier, leaking = [], [], {}
    num_cols, M = _numeric_block(df)
    if len(num_cols):
        finite = np.isfinite(M)
        with np.errstate(invalid="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            lo, hi = np.nanmin(np.where(finite, M, np.nan), axis=0), np.nanmax(np.where(finite, M, np.nan), axis=0)
        is_const = ~(lo < hi)
        srt = np.sort(M, axis=0)
        distinct = (np.diff(srt, axis=0) != 0).all(axis=0) if n > 1 else np.ones(len(num_cols), bool)
        integral = np.where(finite, M == np.round(M), True).all(axis=0)
        all_present = ~np.isnan(M).any(axis=0)
        for j, c in enumerate(num_cols):
            if is_const[j]:
                constant.append(str(c))
            elif n >= 20 and integral[j] and all_present[j] and distinct[j]:
                identifier.append(str(c))
    num_set = set(num_cols)
    for c in df.columns:
        if c in num_set:
            continue
        s = df[c]
        pres = present_cells(s)
        if s[pres].astype(str).nunique() <= 1:
            constant.append(str(c))
            continue
        # numbers written as text (a CSV's cells) by the rule of a number column: distinct integers
        v = pd.to_numeric(s[pres].astype(str), errors="coerce").to_numpy(float) if pres.any() else np.zeros(0)
        is_float = (pd.api.types.is_float_dtype(s) or np.isfinite(v).all()) and not np.allclose(v, np.round(v))
        if n >= 20 and not is_float and pres.all() and s.astype(str).nunique() == n:
            identifier.append(str(c))
    if label_codes is not None and (label_codes >= 0).sum() >= 20:
        leaking = _leaking_columns(df, label_codes, set(constant) | set(identifier), leak_accuracy, random_state,
                                   max_leak_tests)
    out = {}
    if constant:
        out["constant_columns"] = constant
    if identifier:
        out["identifier_columns"] = identifier
    if leaking:
        out["label_leaking_columns"] = leaking
    return out


def _screen(X: np.ndarray, y: np.ndarray, bins: int = 32) -> np.ndarray:
    """In-sample accuracy of the majority label within each of ``bins`` equal-count slices of every
    column: cheap, vectorised, and high for any column a small tree could read the label from (a
    depth-3 tree has at most 7 thresholds; each one inside a slice costs at most half a slice, so
    a column a tree reads at 0.99 screens at >= 0.88)."""
    n, d = X.shape
    k = int(y.max()) + 1
    order = np.argsort(np.where(np.isnan(X), np.inf, X), axis=0, kind="stable")
    slice_of = np.empty_like(order)
    slice_of[order, np.arange(d)[None, :]] = (np.arange(n) * bins // n)[:, None]
    counts = np.zeros((bins, d, k))
    np.add.at(counts, (slice_of, np.broadcast_to(np.arange(d), (n, d)), y[:, None]), 1)
    return counts.max(axis=2).sum(axis=0) / n


def _leaking_columns(df, label_codes, skip, min_accuracy, random_state, max_tests: int = 100) -> dict:
    """Columns whose values alone give out-of-fold accuracy >= ``min_accuracy`` with a depth-3 tree,
    when the majority class alone would not."""
    from sklearn.model_selection import cross_val_predict
    from sklearn.tree import DecisionTreeClassifier

    from ..data import numeric_view

    lab = label_codes >= 0
    y = label_codes[lab]
    if len(np.unique(y)) < 2 or np.bincount(y).max() / len(y) >= min_accuracy:
        return {}
    y = np.unique(y, return_inverse=True)[1]
    folds = int(min(5, np.bincount(y)[np.bincount(y) > 0].min()))
    cols = [c for c in df.columns if str(c) not in skip]
    if folds < 2 or not cols:
        return {}
    num_cols, M = _numeric_block(df[cols])
    num_at = {c: j for j, c in enumerate(num_cols)}
    num_set = set(num_cols)
    other = numeric_view(df[[c for c in cols if c not in num_set]])[lab].reset_index(drop=True) \
        if len(num_set) < len(cols) else None
    M = M[lab]
    X = np.empty((int(lab.sum()), len(cols)))
    for j, c in enumerate(cols):
        s = pd.Series(M[:, num_at[c]]) if c in num_set else other[c]
        if pd.api.types.is_numeric_dtype(s):
            x = s.to_numpy(dtype=float, na_value=np.nan)
            X[:, j] = np.where(np.isfinite(x), x, np.nanmin(x[np.isfinite(x)]) - 1 if np.isfinite(x).any() else 0)
        else:
            X[:, j] = pd.Categorical(s.astype(str)).codes.astype(float)
    screen = _screen(X, y)
    candidates = np.flatnonzero(screen >= min_accuracy - 0.2)
    candidates = candidates[np.argsort(-screen[candidates], kind="stable")][:max_tests]
    out = {}
    for j in candidates:
        pred = cross_val_predict(DecisionTreeClassifier(max_depth=3, random_state=random_state), X[:, [j]], y,
                                 cv=folds)
        acc = float((pred == y).mean())
        if acc >= min_accuracy:
            out[str(cols[j])] = round(acc, 4)
    return out


@register_check
@dataclass
class SchemaCheck(Check):
    """Table cells that disagree with their column.

    * type mismatch: text in a mostly numeric column, a number in a mostly text column;
    * rare category: a level seen at most ``rare_count`` times in a low-cardinality text column
      (at most ``max_levels`` levels) whose other levels are common (a typo such as ``'mle'``);
    * out of range: a number more than ``fence`` interquartile ranges outside the column's quartiles.

    ``detail`` names the column and the value. Findings: per-column type notes (including numbers
    stored as text), constant columns, identifier-like columns and columns that leak the label.
    """

    name = "schema"
    axis = "consistency"
    explains = frozenset({"outlier"})  # the cause, where outlier would only say "far from the rest"
    modalities = frozenset({"tabular"})
    majority: float = 0.9
    max_levels: int = 20
    rare_count: int = 1
    fence: float = 6.0
    leak_accuracy: float = 0.99

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        out = []
        if findings.get("schema_columns"):
            out.append("Column type problems: "
                       + "; ".join(f"{k}: {v}" for k, v in findings["schema_columns"].items()) + ".")
        if findings.get("constant_columns"):
            out.append("Constant columns (carry no information): " + short_list(findings["constant_columns"]) + ".")
        if findings.get("identifier_columns"):
            out.append("Identifier-like columns (a distinct value in every row): "
                       + short_list(findings["identifier_columns"]) + ".")
        leak = findings.get("label_leaking_columns")
        if leak:
            names = leak if not isinstance(leak, dict) else [f"{k} ({pct(v)})" for k, v in leak.items()]
            out.append("Columns that alone predict the label almost perfectly (possible leakage): "
                       + short_list(names) + ".")
        return out

    def run(self, ctx) -> CheckResult:
        from ..data import column_kind
        from ..modalities._columns import date_order

        df = ctx.dataset.features
        # every cell of a delimited file is text: "numbers stored as text" would be said of every column
        from_text_file = bool((ctx.dataset.findings.get("table") or {}).get("delimiter"))
        n = len(df)
        flagged: dict[int, list[tuple[float, str]]] = {}
        notes = {}

        def flag(rows, score, text_of):
            for i in np.flatnonzero(np.asarray(rows)):
                flagged.setdefault(int(i), []).append((score, text_of(int(i))))

        num_cols, M = _numeric_block(df)
        far = _far_outside_matrix(M, self.fence)
        for j in np.flatnonzero(far.any(axis=0)):  # out of range, all number columns at once
            c = num_cols[j]
            flag(far[:, j], 0.7, lambda i, c=c, v=M[:, j]: f"out of range: {c}={v[i]:g}")
        num_set = set(num_cols)
        for c in df.columns:
            s = df[c]
            if c in num_set or pd.api.types.is_bool_dtype(s):
                continue
            kind = column_kind(s, c)
            if kind == "datetime":
                notes[str(c)] = self._date_note(s, c, date_order(s), flag)
                continue
            if kind in ("identifier", "free_text", "nested", "boolean", "constant"):
                if kind in ("identifier", "free_text"):
                    numbers = pd.to_numeric(s[present_cells(s)].astype(str), errors="coerce").notna().mean() >= 0.9
                    notes[str(c)] = {"identifier": "identifier-like " + ("numbers: an id or a written index"
                                                                        if numbers else "text")
                                     + " (left out of the features)",
                                     "free_text": "free text (left out of the features)"}[kind]
                continue  # cell-by-cell type and rare-level checks do not apply to these
            present = present_cells(s)
            if present.sum() == 0:
                continue
            num = pd.to_numeric(s.where(present), errors="coerce").notna() & present
            share = num.sum() / present.sum()
            if self.majority <= share < 1:
                notes[str(c)] = "numeric column with text values"
                flag(present & ~num, 0.8, lambda i, c=c, s=s: f"type mismatch: {c}={s.iat[i]!r} in a numeric column")
                v = pd.to_numeric(s.where(num), errors="coerce").to_numpy(float)
                flag(_far_outside(v, self.fence), 0.7, lambda i, c=c, v=v: f"out of range: {c}={v[i]:g}")
            elif 0 < share <= 1 - self.majority:
                notes[str(c)] = "text column with numeric values"
                flag(num, 0.8, lambda i, c=c, s=s: f"type mismatch: {c}={s.iat[i]!r} in a text column")
            elif share == 1:
                if not from_text_file:
                    notes[str(c)] = "numbers stored as text"
                v = pd.to_numeric(s.where(num), errors="coerce").to_numpy(float)
                flag(_far_outside(v, self.fence), 0.7, lambda i, c=c, v=v: f"out of range: {c}={v[i]:g}")
            else:
                self._rare_levels(s, present, n, flag, c)
        findings = {}
        if notes:
            findings["schema_columns"] = notes
        labels = ctx.label_codes if ctx.dataset.has_labels else None
        findings.update(column_findings(df, labels, leak_accuracy=self.leak_accuracy,
                                        random_state=ctx.random_state))
        idx = sorted(flagged)
        return CheckResult.from_lists(idx, [max(sc for sc, _ in flagged[i]) for i in idx],
                                      ["; ".join(t for _, t in flagged[i][:3]) for i in idx], findings)

    @staticmethod
    def _date_note(s, c, order, flag) -> str:
        """The note on a column of dates: which way day and month were read and why; values that
        contradict the column's order are flagged (read their own way, not silently)."""
        how, odd = order
        if how is None:
            return "dates (encoded as days)"
        if how == "unsettled":
            return ("dates (encoded as days); day and month order not settled by any value (no part over 12): "
                    "read month-first (mm/dd)")
        name, other = ("day-first (dd/mm)", "month-first") if how == "day" else ("month-first (mm/dd)", "day-first")
        note = f"dates (encoded as days) read {name}"
        if odd.any():
            note += f"; {int(odd.sum())} value(s) contradict it (written {other}), flagged"
            flag(odd, 0.8, lambda i: f"date order: {c}={s.iat[i]!r} is {other} in a {name.split()[0]} column")
        return note

    def _rare_levels(self, s, present, n, flag, c):
        text = s.astype("string").str.strip()
        counts = text[present].value_counts()
        if len(counts) > self.max_levels or len(counts) < 2 or n < 20:
            return
        common = counts[counts > self.rare_count]
        if len(common) == 0 or common.min() < 5 * self.rare_count:
            return
        rare = set(counts[counts <= self.rare_count].index)
        if rare:
            choices = ", ".join(map(repr, common.index[:5]))
            flag(present & text.isin(rare), 0.6,
                 lambda i: f"rare category: {c}={s.iat[i]!r} (common: {choices})")
