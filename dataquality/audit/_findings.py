"""Dataset-level findings that belong to no single example."""

from __future__ import annotations

import unicodedata
from collections import Counter

import numpy as np

from ..checks import spelling_key
from ..compute._neighbors import _unit_rows
from ..data._labels import normalise_labels


def label_findings(ctx, min_count: int = 5) -> dict:
    codes = ctx.label_codes
    classes = ctx.classes
    counts = np.bincount(codes[codes >= 0], minlength=len(classes)) if len(classes) else np.zeros(0, int)
    out: dict = {"class_counts": {str(c): int(k) for c, k in zip(classes, counts)}}
    # the balance is that of what can be trained on: a class of 100 files, 95 of them web pages saved as .jpg,
    # counted 100 and read as balanced against a class of 100 pictures
    usable = _readable_counts(ctx, codes, classes, counts, out)
    if len(usable) >= 2 and usable.min() > 0:
        out["imbalance_ratio"] = float(usable.max() / usable.min())
    elif len(usable) >= 2:
        out["imbalance_ratio"] = float("inf")
    out["classes_below_min_count"] = {str(c): int(k) for c, k in zip(classes, usable) if k < min_count}
    out["min_count"] = min_count
    if ctx.declared_classes is not None:
        present = {str(c) for c in classes}
        # read as the labels are (bytes decoded, integral floats as integers): classes=[b'cat'] named "b'cat'"
        declared = [str(c) for c in normalise_labels(list(ctx.declared_classes)) if c is not None]
        out["declared_classes_without_examples"] = [c for c in declared if c not in present]
        out["classes_not_declared"] = sorted(present - set(declared))
    groups: dict[str, list[str]] = {}
    for c in classes:
        key = spelling_key(c)
        groups.setdefault(key, []).append(str(c) if not isinstance(c, str) else c)
    clashes = [sorted(map(_shown, v)) for v in groups.values() if len(v) > 1]
    mixed = Counter(type(c).__name__ for c in classes)
    if clashes:
        out["label_vocabulary_clashes"] = clashes
    unified = ctx.dataset.findings.get("label_types")
    if unified:  # mixed types were compared as text when the dataset was read
        out["label_types"] = dict(unified["types"])
        out["label_types_merged"] = list(unified["merged"])
        out["label_types_note"] = unified["note"]
    elif len(mixed) > 1:
        out["label_types"] = dict(mixed)
    return out


def _shown(label: str) -> str:
    """A label's repr, escaped (``'cafe\\u0301'``) where it holds what prints like another spelling: a combining
    accent, an invisible character, full-width letters; ``['café', 'café']`` said nothing."""
    odd = unicodedata.normalize("NFKC", label) != label or any(unicodedata.category(ch) == "Cf" for ch in label)
    return ascii(label) if odd else repr(label)


def _readable_counts(ctx, codes, classes, counts, out: dict) -> np.ndarray:
    """Per class, the examples that could be read (returned; ``counts`` where readability was not measured), and in
    ``out`` where that differs from ``class_counts``: a class whose files are all HTML pages saved as .jpg showed its
    full count, and nothing said none of it was ever looked at."""
    try:
        valid = np.asarray(ctx.valid, dtype=bool)
    except Exception:  # noqa: BLE001 - no readability measured: the counts stand as they are
        return counts
    if len(valid) != len(codes) or valid.all() or not len(classes):
        return counts
    ok = codes[(codes >= 0) & valid]
    readable = np.bincount(ok, minlength=len(classes))
    if (readable == counts).all():
        return counts
    out["readable_class_counts"] = {str(c): int(k) for c, k in zip(classes, readable)}
    unread = [f"{c!s} ({int(n - r)} of {int(n)})" for c, n, r in zip(classes, counts, readable) if r < n]
    none = [str(c) for c, n, r in zip(classes, counts, readable) if n and not r]
    out["class_counts_note"] = (
        "class_counts include examples that could not be read (flagged unreadable or missing_value): "
        + ", ".join(unread[:10]) + (f" (+{len(unread) - 10} more)" if len(unread) > 10 else "")
        + (f"; no example of {', '.join(none[:10])} could be read at all" if none else "")
        + ". readable_class_counts has the examples that were audited; imbalance_ratio and classes_below_min_count "
        "count those alone.")
    return readable


def shift_finding(ctx, max_n: int = 1000, permutations: int = 200) -> dict:
    """Two-sample test (MMD with an RBF kernel, permutation p-value) between the dataset and reference."""
    ref = ctx.get("reference")
    # unit rows built in the vectors' own dtype: cast to float32 first (and normalised with +1e-12), rows at 1e-29
    # became zeros and rows at 1e20 inf, and a shifted reference read p=1.0
    X = np.asarray(ctx.get("embeddings"))[ctx.valid]
    R = np.asarray(ref.get("embeddings"))[ref.valid]
    if len(X) < 5 or len(R) < 5:
        return {"distribution_shift": {"note": "too few examples for a two-sample test"}}
    rng = np.random.default_rng(ctx.random_state)
    X = X[rng.choice(len(X), min(max_n, len(X)), replace=False)]
    R = R[rng.choice(len(R), min(max_n, len(R)), replace=False)]
    Z = np.concatenate([_unit_rows(X, 0, len(X)), _unit_rows(R, 0, len(R))])
    sq = np.clip(2 - 2 * Z @ Z.T, 0, None)
    bw = np.median(sq[np.triu_indices(len(Z), 1)]) or 1.0
    K = np.exp(-sq / bw)
    n = len(X)

    def mmd(perm):
        a, b = perm[:n], perm[n:]
        return K[np.ix_(a, a)].mean() + K[np.ix_(b, b)].mean() - 2 * K[np.ix_(a, b)].mean()

    base = np.arange(len(Z))
    stat = mmd(base)
    null = np.array([mmd(rng.permutation(len(Z))) for _ in range(permutations)])
    p = float((1 + (null >= stat).sum()) / (permutations + 1))
    return {"distribution_shift": {"test": "MMD (RBF kernel, median heuristic), permutation p-value",
                                   "statistic": float(stat), "p_value": p, "n": n, "n_reference": len(R),
                                   "shifted": p < 0.05}}
