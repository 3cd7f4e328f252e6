"""``audit(pred_probs=...)``: the user's own out-of-fold probabilities, checked and put in the dataset's example and
class order before the label check judges them."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from .._errors import DataQualityError


def given_pred_probs(pred_probs, ds) -> tuple[np.ndarray, dict]:
    """The ``pred_probs=`` of :func:`audit` as an ``N x K`` float32 array in the dataset's example and class order,
    and what the report records about them. Raises a DataQualityError saying what was wrong and how to fix it."""
    classes = [str(c) for c in ds.classes]
    fix_order = (f"Rows follow the dataset's examples (report.ids: {list(map(str, ds.ids[:3]))}...), columns its "
                 f"classes in this order: {classes[:10]}{' ...' if len(classes) > 10 else ''}.")
    if not ds.has_labels:
        raise DataQualityError("pred_probs= was given but the data has no labels: out-of-fold probabilities are "
                               "judged against the given labels. Pass labels= too, or leave pred_probs out.")
    record = {"source": "given", "note": "the label check judged the pred_probs= given to audit(), not its own probe"}
    extra = 0  # a DataFrame's columns of classes with no example here, last: checked as the model's rows, then dropped
    if isinstance(pred_probs, pd.DataFrame):
        pred_probs, record = _aligned_frame(pred_probs, ds, classes, record)
        extra = len(record.get("columns_dropped", ()))
    try:
        P = np.array(pred_probs, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise DataQualityError(f"Expected pred_probs as an N x K array of numbers but could not read it as one: "
                               f"{exc}.") from None
    n, k = len(ds), len(classes) + extra
    if P.ndim != 2:
        raise DataQualityError(f"Expected pred_probs as an N x K array (one row per example, one column per class) "
                               f"but got {P.ndim} dimension(s), shape {P.shape}. With two classes give both "
                               f"columns ([1 - p, p]). {fix_order}")
    if P.shape[0] != n:
        raise DataQualityError(f"pred_probs has {P.shape[0]} rows but the dataset has {n} examples. Expected one "
                               f"row per example, in the dataset's order. {fix_order}")
    if P.shape[1] != k:
        raise DataQualityError(f"pred_probs has {P.shape[1]} columns but the labels hold {k} classes. Expected one "
                               f"column per class. {fix_order} A model with other classes: pass a DataFrame whose "
                               "columns are the class names, and it is aligned by name.")
    bad = ~np.isfinite(P)
    if bad.any():
        rows = np.flatnonzero(bad.any(axis=1))
        raise DataQualityError(f"pred_probs holds {int(bad.sum())} NaN or infinite value(s), in {len(rows)} row(s) "
                               f"(first: examples {_first_ids(ds, rows)}). Expected a probability for every example "
                               "and class.")
    _check_probability_rows(P, ds)
    if not isinstance(pred_probs, pd.DataFrame):
        _check_column_order(P, ds, classes)
    if extra:
        P = P[:, :len(classes)] / np.maximum(P[:, :len(classes)].sum(axis=1, keepdims=True), 1e-12)
    return P.astype(np.float32), record


def _check_column_order(P: np.ndarray, ds, classes: list, margin: float = 0.1) -> None:
    """Raise where the classes are numbers kept in their text's order (labels mixing numbers and numbers written as
    text: ``1, "2", 10``; numbers written as text alone are ordered as the numbers, ``data/_labels.py: sort_classes``)
    and ``P``'s columns agree with the labels far better in the numbers' order, the order of a
    model trained on the numbers (scikit-learn's ``model.classes_``): judged as they are, every column would be
    paired with another class without a word."""
    try:
        values = [float(c) for c in classes]
    except ValueError:
        return
    order = np.argsort(values, kind="stable")
    codes = np.asarray(ds.label_codes)
    labelled = codes >= 0
    if np.array_equal(order, np.arange(len(order))) or not labelled.any():
        return
    pred = P[labelled].argmax(axis=1)
    as_given = float(np.mean(pred == codes[labelled]))
    as_numbers = float(np.mean(order[pred] == codes[labelled]))
    if as_numbers >= as_given + margin:
        raise DataQualityError(
            f"pred_probs' columns look to be in the classes' numeric order {[classes[i] for i in order][:10]} (its "
            f"argmax agrees with {as_numbers:.0%} of the labels in that order, {as_given:.0%} in the dataset's), but "
            f"the labels here are text, ordered by their text: {classes[:10]}. Pass a DataFrame whose columns are the "
            "class names (pd.DataFrame(P, columns=model.classes_)), or put the columns in report.classes' order.")


def _first_ids(ds, rows, m: int = 5) -> str:
    return ", ".join(repr(str(ds.ids[i])) for i in rows[:m]) + (f" (+{len(rows) - m} more)" if len(rows) > m else "")


def _check_probability_rows(P: np.ndarray, ds, tol: float = 1e-2) -> None:
    """Raise where ``P`` is not probabilities: negative values or rows not summing to 1 (logits or scores passed
    where softmax outputs belong)."""
    softmax = ("Apply softmax to the model's outputs first (scipy.special.softmax(logits, axis=1) or "
               "torch.softmax(logits, dim=1)).")
    negative = np.flatnonzero((P < 0).any(axis=1))
    if len(negative):
        raise DataQualityError(f"pred_probs holds negative values in {len(negative)} row(s) (first: examples "
                               f"{_first_ids(ds, negative)}; smallest {P.min():.4g}): these look like logits, not "
                               f"probabilities. {softmax}")
    sums = P.sum(axis=1)
    off = np.flatnonzero(np.abs(sums - 1.0) > tol)
    if len(off):
        looks = ("logits or scores, not probabilities" if P.max() > 1 else
                 "per-class scores (sigmoid outputs, or columns missing), not one distribution per row")
        raise DataQualityError(f"pred_probs rows must each sum to 1 but {len(off)} of {len(P)} do not (first: "
                               f"examples {_first_ids(ds, off)}, sums {', '.join(f'{s:.4g}' for s in sums[off[:3]])}): "
                               f"these look like {looks}. {softmax}")


def _aligned_frame(df: pd.DataFrame, ds, classes: list, record: dict):
    """A DataFrame of pred_probs with its columns put in the dataset's class order by name, and its rows in the
    dataset's order where its index holds the example ids."""
    cols = [str(c) for c in df.columns]
    if len(set(cols)) != len(cols):
        raise DataQualityError(f"pred_probs' columns name a class twice: {sorted({c for c in cols if cols.count(c) > 1})}.")
    missing = [c for c in classes if c not in cols]
    if missing:
        raise DataQualityError(f"pred_probs' columns {cols[:10]} lack the classes {missing[:10]} of the labels. Expected "
                               f"one column named after each class: {classes[:10]}{' ...' if len(classes) > 10 else ''}.")
    extra = [c for c in cols if c not in classes]
    frame = df.set_axis(cols, axis=1)
    frame, record = _aligned_rows(frame, ds, record)
    if extra:
        record = {**record, "columns_dropped": extra,
                  "columns_dropped_note": "classes of the model with no labelled example here, dropped after the "
                                          "rows were checked; each row is renormalised over the classes present"}
    return frame[classes + extra], record


def _aligned_rows(frame: pd.DataFrame, ds, record: dict):
    """``frame`` with its rows in the dataset's order where its index holds the example ids (rows of other examples,
    a larger collection's, dropped); as it is where the index is positional (a RangeIndex, or 0 .. N-1 in order).
    Any other index is refused: rows would be paired with examples by position while they name other ones."""
    if isinstance(frame.index, pd.RangeIndex):
        return frame, record
    index = [str(i) for i in frame.index]
    ids = [str(i) for i in ds.ids]
    fix = ("Expected an index of the example ids (report.ids, e.g. " f"{ids[:3]}), or a plain RangeIndex for rows in "
           "the dataset's order (frame.reset_index(drop=True)).")
    if len(set(index)) != len(index):
        twice = sorted(i for i, c in Counter(index).items() if c > 1)
        raise DataQualityError(f"pred_probs' index names {len(twice)} row(s) twice (first: {twice[:5]}): its rows "
                               f"cannot be paired with the examples. {fix}")
    have = set(index)
    lacking = [i for i in ids if i not in have]
    if not lacking:
        if index != ids:
            record = {**record, "rows_aligned_by": "id"}
            if len(index) > len(ids):
                record["rows_dropped"] = len(index) - len(ids)
        return frame.set_axis(index, axis=0).loc[ids], record
    if index == [str(i) for i in range(len(ids))]:  # 0 .. N-1 in order: positions, as a RangeIndex
        return frame, record
    found = len(ids) - len(lacking)
    raise DataQualityError(f"pred_probs' index {index[:3]} ... does not hold every example id: {len(lacking)} of the "
                           f"dataset's {len(ids)} examples have no row (first: {lacking[:5]}; {found} found). Its rows "
                           f"cannot be paired with the examples by position either, since the index names other rows. "
                           f"{fix}")
