"""What each column of a table is, so that it is encoded as what it means.

A column of names or free text one-hot encoded gives every row a dimension of its own: those
rows look far from the rest (outliers) and the others look alike (near duplicates). Dates
encoded as strings do the same. So every column gets a kind first:

========== ===================================================== ==================================
kind       recognised by                                          used as
========== ===================================================== ==================================
numeric    a number dtype, or text of which >= 90 % parses        robustly scaled number
boolean    a bool dtype, or only true/false, yes/no, t/f, y/n      0 / 1
datetime   a datetime dtype, or text of which >= 90 % is a date   days since 1970, robustly scaled
categorical text with few distinct values                         one-hot (most frequent levels)
identifier text (or an integer column named like an id) with a    left out, with a finding
           distinct value in (nearly) every row: names, codes
free_text  text with many distinct values of several words        left out, with a finding
nested     lists, dicts, arrays in the cells                       left out, with a finding
constant   one value (or none) in every row                        left out (carries nothing)
========== ===================================================== ==================================
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd

EXCLUDED_KINDS = ("identifier", "free_text", "nested", "constant")
# what a table cell holds when it holds no value, wherever tables are checked (lower case, stripped)
MISSING_WORDS = ("", "nan", "none", "null", "na", "n/a", "?", "-")
_BOOL_WORDS = ({"true", "false"}, {"yes", "no"}, {"t", "f"}, {"y", "n"})
_TRUE_WORDS = {"true", "yes", "t", "y"}
_DATE_RE = re.compile(r"^\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?"
                      r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}([ T]\d{1,2}:\d{2}(:\d{2})?)?)\s*$")
_ID_NAME_RE = re.compile(r"(^|[_\s-])(id|uuid|guid|key|index|idx)$|^(id|uuid|guid|index|idx|row|rowid)$", re.I)
_PRESENT_SAMPLE = 2000


def _present(s: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s) or pd.api.types.is_datetime64_any_dtype(s):
        return s.notna()
    return s.notna() & (s.astype(str).str.strip() != "")


def column_kind(s: pd.Series, name=None) -> str:
    """The kind of one column (see the module docstring)."""
    present = _present(s)
    values = s[present]
    if len(values) == 0:
        return "constant"
    if pd.api.types.is_bool_dtype(s):
        return "boolean"
    if pd.api.types.is_datetime64_any_dtype(s) or isinstance(s.dtype, pd.PeriodDtype):
        return "datetime"
    if pd.api.types.is_numeric_dtype(s):
        if values.nunique() <= 1:
            return "constant"
        if name is None or not _ID_NAME_RE.search(str(name)) or values.nunique() != len(values) or len(values) < 5:
            return "numeric"
        v = values.to_numpy(float)
        if pd.api.types.is_integer_dtype(s) or (np.isfinite(v).all() and np.all(np.mod(v, 1) == 0)):
            return "identifier"
        return "numeric"
    head = values.iloc[:_PRESENT_SAMPLE]
    if any(isinstance(v, (list, dict, tuple, set, np.ndarray)) for v in head):
        return "nested"
    text = values.astype(str).str.strip()
    uniq = text.nunique()
    if uniq <= 1:
        return "constant"
    lower = set(text.str.lower().unique()[:3])
    if len(lower) <= 2 and any(lower <= w for w in _BOOL_WORDS):
        return "boolean"
    sample = text.iloc[:_PRESENT_SAMPLE]
    if pd.to_numeric(sample, errors="coerce").notna().mean() >= 0.9:
        return "numeric"
    if sample.str.match(_DATE_RE).mean() >= 0.9:
        return "datetime"
    share = uniq / len(text)
    if (share >= 0.9 and uniq >= 5) or (share > 0.5 and uniq > 50):
        words = sample.str.split().str.len().mean()
        return "free_text" if words >= 3 or sample.str.len().mean() >= 40 else "identifier"
    return "categorical"


def column_kinds(df: pd.DataFrame) -> dict:
    """``{column: kind}`` in column order. Number columns are classified together (one matrix), so a
    table of 10,000 number columns costs what its cells cost."""
    kinds = {}
    dtypes = dict(zip(df.columns, df.dtypes))
    num = [c for c, t in dtypes.items() if pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)]
    constant = {}
    if num:
        M = df[num].to_numpy(dtype=float, na_value=np.nan) if len(set(num)) == len(num) else None
        if M is not None:
            with np.errstate(invalid="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns
                lo, hi = np.nanmin(M, axis=0), np.nanmax(M, axis=0)
            constant = dict(zip(num, ~(lo < hi)))
    for c in df.columns:
        if c in constant and not _ID_NAME_RE.search(str(c)):
            kinds[c] = "constant" if constant[c] else "numeric"
        else:
            kinds[c] = column_kind(df[c], c)
    return kinds


def as_number(s: pd.Series, kind: str) -> np.ndarray:
    """A numeric, boolean or datetime column as floats (NaN where missing or unparsable)."""
    if kind == "boolean":
        if pd.api.types.is_bool_dtype(s):
            return s.astype(float).to_numpy()
        text = s.astype(str).str.strip().str.lower()
        out = np.where(text.isin(_TRUE_WORDS), 1.0, 0.0)
        out[~_present(s).to_numpy()] = np.nan
        return out
    if kind == "datetime":
        if isinstance(s.dtype, pd.PeriodDtype):
            s = s.dt.to_timestamp()
        if not pd.api.types.is_datetime64_any_dtype(s):
            s = pd.to_datetime(s, errors="coerce", format="mixed")
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_convert("UTC").dt.tz_localize(None)
        ns = s.astype("datetime64[ns]").to_numpy().astype("int64").astype(float)
        ns[s.isna().to_numpy()] = np.nan
        return ns / 86_400e9
    return pd.to_numeric(s, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def describe_kinds(kinds: dict) -> dict:
    """Findings: columns left out (with why) and columns read as dates or booleans."""
    why = {"identifier": "identifier-like: a distinct value in (nearly) every row",
           "free_text": "free text: many distinct values of several words",
           "nested": "lists or dicts in the cells",
           "constant": "the same value (or none) in every row"}
    out: dict = {}
    excluded = {str(c): why[k] for c, k in kinds.items() if k in EXCLUDED_KINDS}
    if excluded:
        out["excluded_columns"] = excluded
    for kind in ("datetime", "boolean"):
        cols = [str(c) for c, k in kinds.items() if k == kind]
        if cols:
            out[f"{kind}_columns"] = cols
    return out


def missing_word_mask(s: pd.Series) -> np.ndarray:
    """True where a cell is missing (NA) or holds one of the :data:`MISSING_WORDS`."""
    words = s.astype("string").str.strip().str.lower()
    return words.isin(MISSING_WORDS).fillna(True).to_numpy(bool)


def numeric_view(df: pd.DataFrame) -> pd.DataFrame:
    """Columns as numbers where they parse as numbers (numbers stored as strings included)."""
    out = {}
    for c in df.columns:
        s = df[c]
        if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
            out[c] = pd.to_numeric(s, errors="coerce").astype(float)
        else:
            conv = pd.to_numeric(s, errors="coerce")
            nonblank = s.notna() & (s.astype(str).str.strip() != "")
            if nonblank.any() and conv[nonblank].notna().mean() >= 0.9:
                out[c] = conv.astype(float)
            else:
                out[c] = s
    return pd.DataFrame(out, index=df.index)
