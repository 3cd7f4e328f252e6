"""Dataset-level findings that belong to no single example."""

from __future__ import annotations

from collections import Counter

import numpy as np

from ..checks import spelling_key


def label_findings(ctx, min_count: int = 5) -> dict:
    codes = ctx.label_codes
    classes = ctx.classes
    counts = np.bincount(codes[codes >= 0], minlength=len(classes)) if len(classes) else np.zeros(0, int)
    out: dict = {"class_counts": {str(c): int(k) for c, k in zip(classes, counts)}}
    if len(counts) >= 2 and counts.min() > 0:
        out["imbalance_ratio"] = float(counts.max() / counts.min())
    elif len(counts) >= 2:
        out["imbalance_ratio"] = float("inf")
    out["classes_below_min_count"] = {str(c): int(k) for c, k in zip(classes, counts) if k < min_count}
    out["min_count"] = min_count
    if ctx.declared_classes is not None:
        present = {str(c) for c in classes}
        declared = [str(c) for c in ctx.declared_classes]
        out["declared_classes_without_examples"] = [c for c in declared if c not in present]
        out["classes_not_declared"] = sorted(present - set(declared))
    groups: dict[str, list[str]] = {}
    for c in classes:
        key = spelling_key(c)
        groups.setdefault(key, []).append(str(c) if not isinstance(c, str) else c)
    clashes = [sorted(map(repr, v)) for v in groups.values() if len(v) > 1]
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


def shift_finding(ctx, max_n: int = 1000, permutations: int = 200) -> dict:
    """Two-sample test (MMD with an RBF kernel, permutation p-value) between the dataset and reference."""
    ref = ctx.get("reference")
    X = np.asarray(ctx.get("embeddings"), dtype=np.float32)[ctx.valid]
    R = np.asarray(ref.get("embeddings"), dtype=np.float32)[ref.valid]
    if len(X) < 5 or len(R) < 5:
        return {"distribution_shift": {"note": "too few examples for a two-sample test"}}
    rng = np.random.default_rng(ctx.random_state)
    X = X[rng.choice(len(X), min(max_n, len(X)), replace=False)]
    R = R[rng.choice(len(R), min(max_n, len(R)), replace=False)]
    Z = np.concatenate([X, R])
    Z /= np.linalg.norm(Z, axis=1, keepdims=True) + 1e-12
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
