"""Label normalisation: missing values, deterministic class order."""

from __future__ import annotations

import numbers
import re

import numpy as np

from .._errors import DataFormatError

# text written for a missing label: what str() makes of None, NaN, pd.NA and NaT (``df.label.astype(str)``), and the
# ``N/A`` / ``null`` people type. Not ``NA``, ``-`` or ``?``: those can name a class (North America, a negative, unknown)
PLACEHOLDER_LABELS = frozenset({"nan", "none", "null", "n/a", "<na>", "nat"})


def is_placeholder(value) -> bool:
    """Whether a label is text standing for no label (:data:`PLACEHOLDER_LABELS`, any case)."""
    return isinstance(value, str) and value.strip().casefold() in PLACEHOLDER_LABELS


def is_missing(value) -> bool:
    if value is None or is_placeholder(value):
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    if isinstance(value, (np.floating,)) and np.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    return False


def _decoded(raw: bytes) -> str:
    """A byte-string label as text: UTF-8, bytes that are not UTF-8 kept as ``\\xNN`` (two such labels stay two)."""
    return raw.decode("utf-8", "backslashreplace")


def _plain(value):
    """numpy scalars to python scalars; integral floats to int."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _short(value, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def _one_hot_hint(v) -> str:
    """What to do with a one-hot label (zeros and a single one): pass its class index."""
    try:
        a = np.asarray(v, dtype=float)
    except (TypeError, ValueError):
        return ""
    if a.ndim == 1 and a.size > 1 and set(np.unique(a)) <= {0.0, 1.0} and a.sum() == 1:
        return "It is one-hot: pass the class index (labels.argmax(1), or target.argmax() in the dataset). "
    return ""


def normalise_labels(raw) -> np.ndarray:
    """Object array of labels with ``None`` for missing ones.

    A label must be one value that can name a class (a string, a number, a bool); a list, dict or
    array raises a :class:`DataFormatError` naming the first such row.
    """
    out = np.empty(len(raw), dtype=object)
    for i, v in enumerate(raw):
        if hasattr(v, "detach") and hasattr(v, "cpu"):  # a torch tensor: as numpy (hashed by identity, each one
            v = v.detach().cpu().numpy()                 # was a class of its own)
        if isinstance(v, np.ndarray) and v.ndim == 0:
            v = v.item()
        if isinstance(v, (bytes, bytearray, np.bytes_)):  # h5py and old numpy string arrays: b'cat' was a class
            v = _decoded(bytes(v))
        if isinstance(v, (list, dict, set, np.ndarray)) or not _hashable(v):
            raise DataFormatError(
                f"Expected one label per example (a class name or number) but label {i} is a {type(v).__name__}: "
                f"{_short(v)}. {_one_hot_hint(v)}Multi-label data is not supported: give each example one label (or "
                "audit each label set as its own column).")
        out[i] = None if is_missing(v) else _plain(v)
    return _integral_float_text(out)


_INTEGRAL_FLOAT = re.compile(r"[+-]?\d+\.0+")


def _integral_float_text(labels: np.ndarray) -> np.ndarray:
    """Labels written as integral floats in text (``"1.0"``, as a CSV column of integers with an empty cell is
    written by pandas) as the integers' text (``"1"``), where every text label is so written: the same classes as
    the column read as numbers (integral floats are integers), and as a file of the same labels without a gap."""
    text = [i for i, v in enumerate(labels) if isinstance(v, str)]
    if not text or not all(_INTEGRAL_FLOAT.fullmatch(labels[i].strip()) for i in text):
        return labels
    out = labels.copy()
    for i in text:
        out[i] = str(int(float(labels[i])))
    return out


def _hashable(v) -> bool:
    try:
        hash(v)
        return True
    except TypeError:
        return False


def _type_name(v) -> str:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, numbers.Integral):
        return "int"
    if isinstance(v, numbers.Number):
        return "float"
    return type(v).__name__


def unify_label_types(labels: np.ndarray) -> tuple[np.ndarray, dict | None]:
    """Labels of one type, and a finding when they were not.

    Labels that mix types (``1`` and ``"1"``, ``True`` and ``1``, ``3`` and ``"cat"``) are compared as
    text: ``1`` and ``"1"`` become the one class ``"1"``, while ``True`` and ``1`` stay two classes
    (``"True"`` and ``"1"``), as they would be written in a CSV. Python alone would silently make
    ``True`` and ``1`` one dictionary key, and ``"1"`` and ``1`` two classes. The finding says which
    types were seen and which text values came from more than one type.

    >>> labs, note = unify_label_types(np.array([1, "1", True, 2], dtype=object))
    >>> labs.tolist(), note["merged"]
    (['1', '1', 'True', '2'], ['1'])
    """
    distinct: dict[str, set] = {}
    for v in labels:
        if v is not None:
            distinct.setdefault(_type_name(v), set()).add(v)
    types = {t: len(vals) for t, vals in sorted(distinct.items())}  # distinct labels per type
    if len(types) <= 1 or set(types) <= {"int", "float"}:
        return labels, None
    out = np.empty(len(labels), dtype=object)
    sources: dict[str, set] = {}
    for i, v in enumerate(labels):
        if v is None:
            out[i] = None
            continue
        text = str(v).strip()
        out[i] = text
        sources.setdefault(text, set()).add(_type_name(v))
    merged = sorted(t for t, kinds in sources.items() if len(kinds) > 1)
    note = {"types": types, "compared_as": "text", "merged": merged,
            "note": "labels mix types, so every label is compared as text: "
                    + (f"{', '.join(repr(m) for m in merged[:5])} written as a number and as text are one class each"
                       if merged else "no two types spelled the same class")
                    + ("; True/False and 1/0 stay different classes" if "bool" in types else "")}
    return out, note


def sort_classes(values) -> list:
    """Deterministic class order: numeric when every label is a number, or is a number written as text (labels read
    from a file: "1", "2", "10" or "0.5", "2.5", "10.5", as a model fitted on the numbers orders its classes), else by
    text. Text numbers equal as numbers ("1" and "1.0") are ordered by their text after the number."""
    uniq = {v for v in values if v is not None}
    if all(isinstance(v, numbers.Number) and not isinstance(v, bool) for v in uniq):
        return sorted(uniq)
    if uniq and all(isinstance(v, str) and _INTEGER_TEXT.fullmatch(v) for v in uniq):
        return sorted(uniq, key=lambda v: (int(v), v))
    if uniq and all(isinstance(v, str) and _DECIMAL_TEXT.fullmatch(v) for v in uniq):
        return sorted(uniq, key=lambda v: (float(v), v))
    return sorted(uniq, key=lambda v: (str(v), type(v).__name__))


_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
_DECIMAL_TEXT = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")


def encode(labels: np.ndarray, classes: list) -> np.ndarray:
    index = {(type(c), c): i for i, c in enumerate(classes)}
    codes = np.full(len(labels), -1, dtype=np.int64)
    for i, v in enumerate(labels):
        if v is not None:
            codes[i] = index.get((type(v), v), -1)
    return codes


def continuous_values(values) -> bool:
    """Whether values look like a regression target rather than classes: numbers (or numbers written as text) of
    which at least a tenth are not integers, with many distinct values (at least 10, and a fifth of them). Class
    labels are names or integers; 601 distinct prices are not 601 classes."""
    nums = []
    for v in list(values)[:5000]:  # a sample decides: integers or names show in the first rows as well
        if isinstance(v, bool) or is_missing(v):
            continue
        try:
            f = float(v)
        except (TypeError, ValueError):
            return False  # a class name among them
        if np.isfinite(f):
            nums.append(f)
    if len(nums) < 10:
        return False
    a = np.asarray(nums)
    distinct = len(np.unique(a))
    return bool(np.mean(a != np.round(a)) >= 0.1 and distinct >= max(10, 0.2 * len(a)))


def refuse_continuous(values, what: str) -> None:
    """A :class:`DataFormatError` where classification labels are expected and ``values`` are continuous."""
    if continuous_values(values):
        shown = ", ".join(repr(_plain(v)) for v in list(values)[:3])
        raise DataFormatError(
            f"{what} holds continuous numbers ({shown}, ...: {len(set(map(str, values)))} distinct values), not class "
            "labels. The audit checks classification labels: bin the values into classes (e.g. pd.cut(y, 5)), or pass "
            "labels=None to audit the data without labels.")
