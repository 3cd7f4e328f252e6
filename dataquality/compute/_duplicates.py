"""Duplicate candidates, vectorised: exact groups by content key, near pairs from the neighbour graph
and from equal perceptual hashes, and connected components. No Python loop runs over all pairs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass
class Duplicates:
    """Exact groups (positions sharing a content key) and candidate near pairs."""

    exact_groups: list[np.ndarray]
    exact_id: np.ndarray  # group number per example, -1 if in no exact group
    near_pairs: np.ndarray  # (P, 2) positions, i < j, not in the same exact group
    near_emb_dist: np.ndarray  # cosine distance per pair (nan when the pair came from hashes alone)
    near_hash_dist: np.ndarray  # perceptual-hash Hamming distance per pair (images), else nan


class ExactOnly:
    """Duplicates where the near pairs could not be computed (the embedder or the neighbour search failed):
    the exact groups, found from the content keys alone, and the near pairs' failure, raised again wherever
    they are read, so that ``exact_duplicate`` still measures and the checks needing neighbours report why
    they could not."""

    def __init__(self, exact: tuple[list[np.ndarray], np.ndarray], error: BaseException):
        self.exact_groups, self.exact_id = exact  # exact_groups() of the content keys
        self.near_error = error

    def _near(self):
        raise self.near_error

    near_pairs = property(_near)
    near_emb_dist = property(_near)
    near_hash_dist = property(_near)


def exact_groups(keys: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """Groups of >= 2 positions with equal keys (None/NaN keys never match), and each row's group."""
    n = len(keys)
    codes, _ = pd.factorize(pd.Series(keys, dtype=object), use_na_sentinel=True)
    sizes = np.bincount(codes[codes >= 0], minlength=int(codes.max()) + 1 if n and codes.max() >= 0 else 0)
    member = (codes >= 0) & (sizes[np.maximum(codes, 0)] > 1) if len(sizes) else np.zeros(n, dtype=bool)
    rows = np.flatnonzero(member)
    order = rows[np.argsort(codes[rows], kind="stable")]
    sorted_codes = codes[order]
    cuts = np.flatnonzero(np.diff(sorted_codes)) + 1
    groups = np.split(order, cuts) if len(order) else []
    exact_id = np.full(n, -1, dtype=np.int64)
    for gi, g in enumerate(groups):
        exact_id[g] = gi
    return groups, exact_id


def hex_to_uint64(values) -> np.ndarray:
    """64-bit perceptual hashes from hex strings (0 where absent), for vectorised Hamming distances."""
    out = np.zeros(len(values), dtype=np.uint64)
    for i, h in enumerate(values):
        if isinstance(h, str) and h:
            out[i] = int(h[-16:], 16)
    return out


def hamming(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.bitwise_count(np.bitwise_xor(a, b)).astype(np.float64)


def candidate_pairs(n: int, exact_id: np.ndarray, knn_idx: np.ndarray, knn_dist: np.ndarray,
                    phash: np.ndarray | None = None, hash_ok: np.ndarray | None = None,
                    window: int = 50) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(pairs i < j, embedding distance, hash distance): every kNN edge once (the smaller distance),
    plus pairs of equal perceptual hash (up to ``window`` apart in a run); pairs inside one exact
    group are left to ``exact_duplicate``."""
    k = knn_idx.shape[1] if knn_idx.ndim == 2 else 0
    a = np.repeat(np.arange(n, dtype=np.int64), k)
    b = knn_idx.reshape(-1).astype(np.int64)
    d = knn_dist.reshape(-1).astype(np.float64)
    use = b >= 0
    a, b, d = a[use], b[use], d[use]
    if phash is not None:
        rows = np.flatnonzero(hash_ok) if hash_ok is not None else np.arange(n)
        order = rows[np.argsort(phash[rows], kind="stable")]
        hs = phash[order]
        extra_a, extra_b = [], []
        for off in range(1, window):
            same = hs[off:] == hs[:-off] if len(hs) > off else np.zeros(0, dtype=bool)
            if not same.any():
                break
            extra_a.append(order[:-off][same])
            extra_b.append(order[off:][same])
        if extra_a:
            ea, eb = np.concatenate(extra_a), np.concatenate(extra_b)
            a = np.concatenate([a, ea])
            b = np.concatenate([b, eb])
            d = np.concatenate([d, np.full(len(ea), np.nan)])
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = (lo != hi) & ~((exact_id[lo] >= 0) & (exact_id[lo] == exact_id[hi]))
    lo, hi, d = lo[keep], hi[keep], d[keep]
    key = lo * n + hi
    # one row per pair, the smallest distance (NaN, from hashes alone, sorts last)
    order = np.lexsort((np.nan_to_num(d, nan=np.inf), key))
    key, lo, hi, d = key[order], lo[order], hi[order], d[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    pairs = np.stack([lo[first], hi[first]], axis=1) if first.any() else np.zeros((0, 2), dtype=np.int64)
    emb = d[first]
    hd = hamming(phash[pairs[:, 0]], phash[pairs[:, 1]]) if phash is not None and len(pairs) else \
        np.full(len(pairs), np.nan)
    return pairs.astype(np.int64), emb, hd


def next_neighbour(knn_idx: np.ndarray, knn_dist: np.ndarray, rows: np.ndarray, skip: np.ndarray) -> np.ndarray:
    """Each ``rows[m]``'s distance to its nearest neighbour other than ``skip[m]`` (inf where its
    neighbour list holds no other): its first listed neighbour, or its second where the first is
    ``skip[m]`` (a neighbour is listed once), so two columns are read, not the whole list."""
    rows, skip = np.asarray(rows, dtype=np.int64), np.asarray(skip, dtype=np.int64)
    k = knn_idx.shape[1] if knn_idx.ndim == 2 else 0
    if len(rows) == 0 or k == 0:
        return np.full(len(rows), np.inf)
    col = (knn_idx[rows, 0] == skip).astype(np.int64)
    if k == 1:
        out = np.where(col == 0, knn_dist[rows, 0].astype(np.float64), np.inf)
    else:
        out = knn_dist[rows, col].astype(np.float64)
        out[knn_idx[rows, col] < 0] = np.inf
    return np.where(np.isnan(out), np.inf, out)


def neighbour_ratio(pairs: np.ndarray, emb_dist: np.ndarray, knn_idx: np.ndarray, knn_dist: np.ndarray
                    ) -> np.ndarray:
    """Lowe's ratio test on both ends of each pair: its distance over the smaller of its two members'
    distances to their next neighbour (the nearest one other than the partner); inf where undefined.

    Below 1 only when each member is the other's nearest neighbour; a copy and its source sit far
    closer to each other than to anything else, while a look-alike inside a dense cluster of similar
    images (plain T-shirts, bags) has other neighbours at about the same distance, whatever that
    distance is. Both ends, not either: only then is an image's chance of a false alarm the
    one its own first / second neighbour ratio gives (``checks._calibration.calibrate_ratio``).
    On generator C (``benchmarks/near_small.py``, seeds 0-2) either end with that chance doubled did
    about as well (F1 digits 0.23-0.56, Fashion-MNIST 0.62-0.68, against 0.34-0.60 and 0.57-0.59).
    """
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    a = next_neighbour(knn_idx, knn_dist, pairs[:, 0], pairs[:, 1])
    b = next_neighbour(knn_idx, knn_dist, pairs[:, 1], pairs[:, 0])
    den = np.minimum(a, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.asarray(emb_dist, dtype=np.float64) / den
    return np.where(np.isfinite(den) & ~np.isnan(r), r, np.inf)


def find_duplicates(keys, knn_idx, knn_dist, phash_hex=None, valid=None, exact=None) -> Duplicates:
    """Exact groups of equal ``keys`` (``exact``: :func:`exact_groups` of them, where already computed) and the
    candidate near pairs among the neighbours and perceptual hashes."""
    n = len(keys)
    groups, exact_id = exact_groups(np.asarray(keys, dtype=object)) if exact is None else exact
    phash = hash_ok = None
    if phash_hex is not None:
        phash = hex_to_uint64(phash_hex)
        hash_ok = np.array([isinstance(h, str) for h in phash_hex], dtype=bool)
        if valid is not None:
            hash_ok &= valid
    pairs, emb, hd = candidate_pairs(n, exact_id, knn_idx, knn_dist, phash, hash_ok)
    return Duplicates(groups, exact_id, pairs, emb, hd)


def connected_groups(n: int, pairs: np.ndarray) -> list[np.ndarray]:
    """Connected components (size >= 2) of the graph on ``n`` nodes with edges ``pairs``."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    if len(pairs) == 0:
        return []
    g = coo_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    _, labels = connected_components(g, directed=False)
    sizes = np.bincount(labels)
    rows = np.flatnonzero(sizes[labels] > 1)
    order = rows[np.argsort(labels[rows], kind="stable")]
    cuts = np.flatnonzero(np.diff(labels[order])) + 1
    groups = np.split(order, cuts)
    # components in order of their smallest member, members ascending (as the old union-find gave)
    groups = [np.sort(g) for g in groups]
    groups.sort(key=lambda g: g[0])
    return groups
