from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._base import Check, CheckResult, register_check

_MISSING_WORDS = ("", "nan", "none", "null", "na", "n/a", "?", "-")


def _present(s: pd.Series) -> pd.Series:
    txt = s.astype("string").str.strip().str.lower()
    return s.notna() & ~txt.isin(_MISSING_WORDS).fillna(True)


def _far_outside(v: np.ndarray, fence: float) -> np.ndarray:
    """Values beyond ``fence`` interquartile ranges outside the quartiles, on the raw scale and,
    for positive columns, on the log scale too (so a skewed column's long tail is not flagged)."""
    ok = np.isfinite(v)
    out = np.zeros(len(v), dtype=bool)
    if ok.sum() < 20:
        return out
    q1, q3 = np.percentile(v[ok], [25, 75])
    iqr = q3 - q1
    if iqr <= 0:
        return out
    out[ok] = (v[ok] < q1 - fence * iqr) | (v[ok] > q3 + fence * iqr)
    if (v[ok] >= 0).mean() > 0.99 and out.any():  # a non-negative column: ask the log scale as well
        lv = np.log(np.where(ok & (v > 0), v, np.nan))
        lq1, lq3 = np.nanpercentile(lv, [25, 75])
        liqr = lq3 - lq1
        if liqr > 0:
            far_log = np.zeros(len(v), dtype=bool)
            pos = ok & (v > 0)
            far_log[pos] = (lv[pos] < lq1 - fence * liqr) | (lv[pos] > lq3 + fence * liqr)
            out &= far_log | (ok & (v <= 0))
    return out


def column_findings(df: pd.DataFrame, label_codes: np.ndarray | None = None, *, leak_accuracy: float = 0.99,
                    random_state: int = 0) -> dict:
    """Dataset-level column problems: constant columns, identifier-like columns (a distinct integer
    or text value in every row), and single columns that predict the label almost perfectly."""
    n = len(df)
    constant, identifier, leaking = [], [], {}
    for c in df.columns:
        s = df[c]
        pres = _present(s)
        if s[pres].astype(str).nunique() <= 1:
            constant.append(str(c))
            continue
        is_float = pd.api.types.is_float_dtype(s) and not np.allclose(
            s[pres].to_numpy(float), np.round(s[pres].to_numpy(float)))
        if n >= 20 and not is_float and pres.all() and s.astype(str).nunique() == n:
            identifier.append(str(c))
    if label_codes is not None and (label_codes >= 0).sum() >= 20:
        leaking = _leaking_columns(df, label_codes, set(constant) | set(identifier), leak_accuracy, random_state)
    out = {}
    if constant:
        out["constant_columns"] = constant
    if identifier:
        out["identifier_columns"] = identifier
    if leaking:
        out["label_leaking_columns"] = leaking
    return out


def _leaking_columns(df, label_codes, skip, min_accuracy, random_state) -> dict:
    """Columns whose values alone give out-of-fold accuracy >= ``min_accuracy`` with a depth-3 tree,
    when the majority class alone would not."""
    from sklearn.model_selection import cross_val_predict
    from sklearn.tree import DecisionTreeClassifier

    from ..embeddings._tabular import numeric_view

    lab = label_codes >= 0
    y = label_codes[lab]
    if len(np.unique(y)) < 2 or np.bincount(y).max() / len(y) >= min_accuracy:
        return {}
    view = numeric_view(df)[lab].reset_index(drop=True)
    folds = int(min(5, np.bincount(y)[np.bincount(y) > 0].min()))
    if folds < 2:
        return {}
    out = {}
    for c in view.columns:
        if str(c) in skip:
            continue
        s = view[c]
        if pd.api.types.is_numeric_dtype(s):
            x = s.to_numpy(float)
            x = np.where(np.isfinite(x), x, np.nanmin(x[np.isfinite(x)]) - 1 if np.isfinite(x).any() else 0)
        else:
            x = pd.Categorical(s.astype(str)).codes.astype(float)
        pred = cross_val_predict(DecisionTreeClassifier(max_depth=3, random_state=random_state), x[:, None], y,
                                 cv=folds)
        acc = float((pred == y).mean())
        if acc >= min_accuracy:
            out[str(c)] = round(acc, 4)
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
    modalities = frozenset({"tabular"})
    majority: float = 0.9
    max_levels: int = 20
    rare_count: int = 1
    fence: float = 6.0
    leak_accuracy: float = 0.99

    def run(self, ctx) -> CheckResult:
        df = ctx.dataset.features
        n = len(df)
        flagged: dict[int, list[tuple[float, str]]] = {}
        notes = {}

        def flag(rows, score, text_of):
            for i in np.flatnonzero(np.asarray(rows)):
                flagged.setdefault(int(i), []).append((score, text_of(int(i))))

        for c in df.columns:
            s = df[c]
            if pd.api.types.is_bool_dtype(s):
                continue
            if pd.api.types.is_numeric_dtype(s):
                v = s.to_numpy(dtype=float, na_value=np.nan)
                flag(_far_outside(v, self.fence), 0.7, lambda i, c=c, v=v: f"out of range: {c}={v[i]:g}")
                continue
            present = _present(s)
            if present.sum() == 0:
                continue
            num = pd.to_numeric(s.where(present), errors="coerce").notna() & present
            share = num.sum() / present.sum()
            if self.majority <= share < 1:
                notes[str(c)] = "numeric column with text values"
                flag(present & ~num, 0.8, lambda i, c=c: f"type mismatch: {c}={s.iat[i]!r} in a numeric column")
                v = pd.to_numeric(s.where(num), errors="coerce").to_numpy(float)
                flag(_far_outside(v, self.fence), 0.7, lambda i, c=c, v=v: f"out of range: {c}={v[i]:g}")
            elif 0 < share <= 1 - self.majority:
                notes[str(c)] = "text column with numeric values"
                flag(num, 0.8, lambda i, c=c: f"type mismatch: {c}={s.iat[i]!r} in a text column")
            elif share == 1:
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
