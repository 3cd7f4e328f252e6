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
identifier text with a distinct value in (nearly) every row         left out, with a finding
           (names, codes); integers (as numbers or as text) or codes
           that are distinct in a column named like an id (``id``,
           ``user_id``, ``CustomerID``), however few the rows; integers
           distinct and consecutive (20 rows or more), or in an
           unnamed first column (a written index)
free_text  text with many distinct values of several words        left out, with a finding
nested     lists, dicts, arrays in the cells                       left out, with a finding
constant   one value (or none) in every row                        left out (carries nothing)
========== ===================================================== ==================================

Every cell of a CSV is text, so nothing here may depend on a number dtype: an id column read from a
file is an identifier as it is in memory. Placeholders for no value (:data:`MISSING_WORDS`: ``n/a``,
``-``, ``NULL``) are missing when a kind is decided, as the missing_value check counts them.
Dates written ``04/03/2021`` are read day-first or month-first, decided once per column
(:func:`date_order`).
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
# camel case (CustomerID, userId): case-sensitive, since a lower-case "id" ending is a word (paid, valid)
_ID_CAMEL_RE = re.compile(r"[a-z0-9](Id|ID|Uuid|UUID|Guid|GUID|Key|Idx|Index)$")
# the name of a first column whose header cell is empty: pandas' (read_csv) and data/_tables.py's; such a
# column of integers is an index written with the table (DataFrame.to_csv writes one by default)
_UNNAMED_FIRST = ("", "Unnamed: 0", "column 1")
# day, month (or month, day) and year: the date forms whose order the text alone does not say
_DMY_RE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}(?!\d)")
_PRESENT_SAMPLE = 2000


def present_cells(s: pd.Series) -> pd.Series:
    """Cells holding a value: not NA, and for text not blank nor a placeholder (:data:`MISSING_WORDS`)."""
    if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s) or pd.api.types.is_datetime64_any_dtype(s):
        return s.notna()
    return pd.Series(~missing_word_mask(s), index=s.index)


def id_named(name) -> bool:
    """Whether a column name says it holds identifiers (``id``, ``user_id``, ``CustomerID``, ``userId``)."""
    return name is not None and bool(_ID_NAME_RE.search(str(name)) or _ID_CAMEL_RE.search(str(name)))


def _integer_ids(v: np.ndarray, name, written_as_integers: bool) -> bool:
    """Whether numbers ``v`` (a column's present values, in row order) identify rows rather than measure
    anything: integers that are distinct in a column named like an id, however few the rows (the name says
    what they are: a table of 4 customers keeps ``customer_id`` out of its features as one of 400 does); and
    with 5 values or more: distinct and consecutive, written as integers (an int dtype, or text without a
    decimal point: an index or a serial number, not a float column that happens to count; 20 values or more,
    so that a short column of counts is not taken); or in an unnamed first column, distinct or mostly
    increasing (a written index, also of a filtered or concatenated frame, whose values repeat)."""
    if not len(v) or not np.isfinite(v).all() or not np.all(v == np.round(v)):
        return False
    distinct = len(np.unique(v)) == len(v)
    if distinct and id_named(name):
        return True
    if len(v) < 5:
        return False
    if distinct and written_as_integers and len(v) >= 20 and v.max() - v.min() == len(v) - 1:
        return True
    return str(name) in _UNNAMED_FIRST and (distinct or float(np.mean(np.diff(v) > 0)) >= 0.9)


def column_kind(s: pd.Series, name=None) -> str:
    """The kind of one column (see the module docstring)."""
    present = present_cells(s)
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
        return "identifier" if _integer_ids(values.to_numpy(float), name, pd.api.types.is_integer_dtype(s)) \
            else "numeric"
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
        # numbers written as text (every cell of a CSV): ids by the rules of a number column
        v = pd.to_numeric(text, errors="coerce").dropna().to_numpy(float)
        return "identifier" if _integer_ids(v, name, bool(text.str.fullmatch(r"[+-]?\d+").all())) else "numeric"
    if sample.str.match(_DATE_RE).mean() >= 0.9:
        return "datetime"
    share = uniq / len(text)
    if uniq == len(text) and id_named(name) and not text.str.contains(r"\s").any():
        return "identifier"  # distinct codes in a column named like an id, however few the rows ("c01", "c02")
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
    maybe_ids = set()
    if constant:  # integer columns whose range is as wide as their count may be consecutive ids
        count = (~np.isnan(M)).sum(axis=0)
        maybe_ids = {c for j, c in enumerate(num) if pd.api.types.is_integer_dtype(dtypes[c])
                     and count[j] >= 20 and hi[j] - lo[j] == count[j] - 1}
    for c in df.columns:
        if c in constant and c not in maybe_ids and not id_named(c) and str(c) not in _UNNAMED_FIRST:
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
        out[~present_cells(s).to_numpy()] = np.nan
        return out
    if kind == "datetime":
        if isinstance(s.dtype, pd.PeriodDtype):
            s = s.dt.to_timestamp()
        if not pd.api.types.is_datetime64_any_dtype(s):
            s = _parse_dates(s)
        s = _naive(s)
        ns = s.astype("datetime64[ns]").to_numpy().astype("int64").astype(float)
        ns[s.isna().to_numpy()] = np.nan
        return ns / 86_400e9
    return pd.to_numeric(s, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def _naive(s: pd.Series) -> pd.Series:
    return s.dt.tz_convert("UTC").dt.tz_localize(None) if getattr(s.dt, "tz", None) is not None else s


def _parse_dates(s: pd.Series) -> pd.Series:
    """Text dates as timestamps (NaT where unparsable): day-first where :func:`date_order` settles the
    column day-first (only the day/month/year values: ``2021-03-04`` is year-month-day whatever the
    column), else month-first as pandas reads them."""
    if date_order(s)[0] != "day":
        return pd.to_datetime(s, errors="coerce", format="mixed")
    dmy = s.astype("string").str.match(_DMY_RE).fillna(False).to_numpy(bool)
    rest = _naive(pd.to_datetime(s.where(~dmy), errors="coerce", format="mixed"))
    days = _naive(pd.to_datetime(s.where(dmy), errors="coerce", format="mixed", dayfirst=True))
    return rest.where(~dmy, days)


def date_order(s: pd.Series) -> tuple[str | None, np.ndarray]:
    """How a column writes day and month, decided once for the column, and where values contradict that.

    Only dates written day/month/year or month/day/year (``04/03/2021``, ``4.3.21``) are asked. A first
    part over 12 in any value says day-first (``"day"``), a second part over 12 month-first
    (``"month"``); where values say both, the more common wins and the others are returned as
    contradicting (the mask). ``"unsettled"``: no value says (every part <= 12), read month-first as
    pandas does, and the column's note says so. ``None``: no such dates (ISO ``2021-03-04``, or not text).
    """
    none = np.zeros(len(s), dtype=bool)
    if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_datetime64_any_dtype(s) or pd.api.types.is_bool_dtype(s):
        return None, none
    parts = s.astype("string").str.extract(_DMY_RE)
    if not parts[0].notna().any():
        return None, none
    first, second = (pd.to_numeric(parts[k], errors="coerce").to_numpy(float) for k in (0, 1))
    day_first, month_first = first > 12, second > 12
    if not day_first.any() and not month_first.any():
        return "unsettled", none
    if day_first.sum() > month_first.sum():
        return "day", month_first & ~day_first
    return "month", day_first & ~month_first


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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(v) -> bool:
    return isinstance(v, str) and not v.isascii() and bool(_SURROGATE.search(v))


def readable_text(v):
    """A text with lone surrogates (``"caf\udce9"``: a file read with ``errors="surrogateescape"``) made a text that
    can be encoded: the escaped bytes decoded as cp1252 (Excel's legacy encoding, as a labels file's are), so that
    ``café`` and ``cafè`` stay two texts; any other surrogate as U+FFFD. Anything else is returned as it is."""
    if not _has_surrogate(v):
        return v
    try:
        raw = v.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", v)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def readable_texts(s: pd.Series) -> pd.Series:
    """The column with :func:`readable_text` applied where a cell needs it (the column itself where none does)."""
    if s.dtype != object:
        return s
    return s.map(readable_text) if s.map(_has_surrogate).any() else s


def missing_word_mask(s: pd.Series) -> np.ndarray:
    """True where a cell is missing (NA) or holds one of the :data:`MISSING_WORDS`."""
    if s.dtype == object and s.map(lambda v: isinstance(v, (bytes, bytearray))).any():
        # bytes (an image column with a stray text cell) are data, never a missing-value word
        s = s.map(lambda v: "<bytes>" if isinstance(v, (bytes, bytearray)) else v)
    try:
        words = s.astype("string")
    except UnicodeEncodeError:  # pandas' Arrow strings refuse lone surrogates ("caf\udce9")
        words = readable_texts(s).astype("string")
    words = words.str.strip().str.lower()
    # isin is False (not NA) at NA on pandas' string dtype, so NA is asked for on its own
    return (words.isin(MISSING_WORDS).fillna(False) | words.isna()).to_numpy(bool)


def numeric_view(df: pd.DataFrame) -> pd.DataFrame:
    """Columns as numbers where they parse as numbers (numbers stored as strings included)."""
    out = {}
    for c in df.columns:
        s = df[c]
        if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
            out[c] = pd.to_numeric(s, errors="coerce").astype(float)
        else:
            conv = pd.to_numeric(s, errors="coerce")
            nonblank = pd.Series(~missing_word_mask(s), index=s.index)
            if nonblank.any() and conv[nonblank].notna().mean() >= 0.9:
                out[c] = conv.astype(float)
            else:
                out[c] = s
    return pd.DataFrame(out, index=df.index)
