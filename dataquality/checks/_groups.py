"""Union-find grouping and near-duplicate thresholds shared by the duplicate checks."""

from __future__ import annotations

import numpy as np

# Defaults shared by near_duplicate, conflicting_labels and leakage, so that "a near duplicate"
# means the same thing in all three (cosine distance in embedding space; perceptual-hash bits).
# Images: 0.02 / 4 bits flagged about as many look-alike originals as planted copies on digits and
# Fashion-MNIST (precision ~0.47); 0.005 / 2 bits keeps recall and lifts F1 to ~0.9.
NEAR_IMAGE = 0.005
NEAR_HASH_BITS = 2
# TF-IDF vectors of short texts move more per edited word: one word added to a 16-word text is
# ~0.04 away, quoted replies in 20 Newsgroups 0.02-0.06, unrelated posts > 0.3.
NEAR_TEXT = 0.05
# Table rows (robustly scaled, anchored; see encode_table): 0.001 is a total difference of about
# 0.2 IQR over all columns; 0.02 would join ordinary neighbours in low-dimensional tables.
NEAR_TABULAR = 0.001


def pick_threshold(check, modality: str) -> float:
    return {"text": check.text_threshold, "tabular": check.tabular_threshold}.get(modality, check.threshold)


def connected_groups(n: int, pairs: np.ndarray) -> list[np.ndarray]:
    """Connected components (size >= 2) of the graph on ``n`` nodes with edges ``pairs``."""
    from ..compute import connected_groups as components

    return components(n, pairs)


def near_edges(dup, emb_threshold: float, hash_threshold: int | None) -> np.ndarray:
    """Candidate pairs within the embedding-distance or perceptual-hash threshold."""
    if len(dup.near_pairs) == 0:
        return dup.near_pairs
    keep = np.nan_to_num(dup.near_emb_dist, nan=np.inf) <= emb_threshold
    if hash_threshold is not None:
        keep |= np.nan_to_num(dup.near_hash_dist, nan=np.inf) <= hash_threshold
    return dup.near_pairs[keep]


def near_sets(ctx, emb_threshold: float, hash_threshold: int | None) -> list[np.ndarray]:
    """Near-duplicate sets: components of near edges, exact groups collapsed into one node."""
    dup = ctx.get("duplicates")
    edges = near_edges(dup, emb_threshold, hash_threshold)
    if len(edges) == 0:
        return []
    exact_edges = [np.stack([np.full(len(g) - 1, g[0]), g[1:]], axis=1) for g in dup.exact_groups]
    all_edges = np.concatenate([edges.reshape(-1, 2)] + exact_edges).astype(np.int64)
    groups = connected_groups(ctx.n, all_edges)
    # a component that is just one exact group is not a near-duplicate set
    return [g for g in groups if len(set(dup.exact_id[g][dup.exact_id[g] >= 0]) | set(
        -1 - g[dup.exact_id[g] < 0])) > 1]


def describe(ctx, group: np.ndarray, i: int, set_name: str) -> str:
    others = [ctx.dataset.ids[j] for j in group[:6] if j != i][:5]
    more = len(group) - 1 - len(others)
    shown = ", ".join(others) + (f" (+{more} more)" if more > 0 else "")
    return f"{set_name}: {len(group)} members; others: {shown}"
