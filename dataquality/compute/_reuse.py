"""The image pass's results kept in memory while the data lives, so nothing is decoded or embedded twice.

``audit`` computes statistics and embeddings of every image; ``finetune(report.clean_subset())``,
``evaluate`` and ``compare(report=...)`` need the same vectors for some or all of the same images.
The on-disk cache cannot serve them (it is keyed by the whole dataset's fingerprint, and may be
off: ``cache_dir=False``), so each result is also remembered here, in two ways:

* by *source*: every view of a dataset (``subset``, ``clean_subset``, ``with_labels``) shares the
  source object, and its rows are source positions, so a view's rows are looked up in the entry;
* by *fingerprint*: the same files opened again (``compare(train="folder/", report=...)``) have
  the same fingerprint as the audited dataset.

Entries hold no more than the report already holds (the statistics table and the float16
embeddings, shared, not copied) and go away with the source (a weak reference): when the
report and every view of its data are gone, so is the entry.
"""

from __future__ import annotations

import hashlib
import json
import logging
import weakref
from dataclasses import dataclass

import numpy as np

logger = logging.getLogger("dataquality")

_BY_SOURCE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_BY_FINGERPRINT: dict = {}


@dataclass
class _Entry:
    rows: np.ndarray  # source positions of the dataset the pass ran on
    stats: object  # pandas DataFrame, one row per dataset row
    embeddings: np.ndarray | None
    embedder: object | None
    tokens: np.ndarray | None = None  # each row's content token (hashed) where cheap to take: a file's stat


def _row_tokens(src, rows: np.ndarray) -> np.ndarray | None:
    """A 64-bit hash of each row's token, for sources whose tokens are cheap (``cheap_tokens``: files, a stat each);
    None for the others (a torch dataset's token decodes the item; in-memory arrays are not re-hashed)."""
    if not getattr(src, "cheap_tokens", False):
        return None
    return np.fromiter((int.from_bytes(hashlib.blake2b(src.token(int(r)), digest_size=8).digest(), "little")
                        for r in rows), dtype=np.uint64, count=len(rows))


def _unchanged(entry: _Entry, src, pos: np.ndarray, rows: np.ndarray) -> bool:
    """Whether the rows (source positions ``rows``, at ``pos`` in the entry) are as they were when remembered: a
    dataset object re-audited after its files were edited must not be answered from memory."""
    if entry.tokens is None:
        return True
    now = _row_tokens(src, rows)
    same = now is None or np.array_equal(entry.tokens[pos], now)
    if not same:
        logger.info("image pass: files changed since they were measured in this process; measured again")
    return same


def memo_key(parts: dict) -> str:
    """The identity of a pass without its data: pipeline, decoding scale, embedder identity, version."""
    return json.dumps({k: v for k, v in parts.items() if k != "data"}, sort_keys=True, default=repr)


def remember(ds, key: str, stats, embeddings, embedder=None, stats_key: str | None = None) -> None:
    """Keep a pass's result for ``ds`` (and its statistics alone under ``stats_key``)."""
    src = ds._source
    try:
        entries = _BY_SOURCE.setdefault(src, {})
    except TypeError:  # pragma: no cover - a source that cannot be weakly referenced
        return
    rows = np.asarray(ds._index, dtype=np.int64)
    tokens = _row_tokens(src, rows)
    for k, entry in ((key, _Entry(rows, stats, embeddings, embedder, tokens)),
                     (stats_key, _Entry(rows, stats, None, None, tokens))):
        # an entry that already holds these rows stays: a view (a clean subset) recalling its rows
        # must not replace the whole audited dataset's entry with its own fewer rows
        held = entries.get(k) if k is not None else None
        pos = None if held is None else _positions(held.rows, rows)
        stale = (pos is not None and held.tokens is not None and tokens is not None
                 and not np.array_equal(held.tokens[pos], tokens))  # its files were edited since: replaced
        if k is not None and (held is None or pos is None or stale):
            entries[k] = entry
    _prune()
    for k in (key, stats_key):
        if k is not None:  # a live holder is kept: a short-lived view must not replace the audited data
            _BY_FINGERPRINT.setdefault((ds.fingerprint, k), weakref.ref(src))


def recall(ds, key: str):
    """``(statistics, embeddings)`` of ``ds`` from a remembered pass with the same identity, or None."""
    entry = _BY_SOURCE.get(ds._source, {}).get(key)
    if entry is not None:
        want = np.asarray(ds._index, dtype=np.int64)
        rows = _positions(entry.rows, want)
        if rows is not None:
            return _take(entry, rows, len(entry.rows)) if _unchanged(entry, ds._source, rows, want) else None
    ref = _BY_FINGERPRINT.get((ds.fingerprint, key))
    src = ref() if ref is not None else None
    entry = _BY_SOURCE.get(src, {}).get(key) if src is not None else None
    if entry is not None and len(entry.rows) == len(ds):  # the same fingerprint: the same files, as they are now
        return _take(entry, np.arange(len(ds)), len(ds))
    return None


def remembered_embedders(ds) -> list:
    """The embedders whose vectors of ``ds`` (every row) are remembered, most recent last."""
    out = []
    idx = np.asarray(ds._index, dtype=np.int64)
    for entry in _BY_SOURCE.get(ds._source, {}).values():
        if entry.embedder is not None and _positions(entry.rows, idx) is not None:
            out.append(entry.embedder)
    if not out and _BY_FINGERPRINT:
        for (fp, key), ref in list(_BY_FINGERPRINT.items()):
            src = ref()
            entry = _BY_SOURCE.get(src, {}).get(key) if src is not None else None
            if entry is not None and entry.embedder is not None and fp == ds.fingerprint:
                out.append(entry.embedder)
    return out


def forget_remembered() -> None:
    """Drop every remembered pass (tests; or to free memory while reports are still held)."""
    _BY_SOURCE.clear()
    _BY_FINGERPRINT.clear()


def _take(entry: _Entry, rows: np.ndarray, n_entry: int):
    if len(rows) == n_entry and np.array_equal(rows, np.arange(n_entry)):
        return entry.stats, entry.embeddings
    stats = entry.stats.iloc[rows].reset_index(drop=True)
    emb = None if entry.embeddings is None else entry.embeddings[rows]
    return stats, emb


def _positions(have: np.ndarray, want: np.ndarray) -> np.ndarray | None:
    """Positions in ``have`` of each value of ``want``, or None when one is missing."""
    if len(want) == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(have, kind="stable")
    at = np.searchsorted(have[order], want)
    if (at >= len(have)).any():
        return None
    pos = order[at]
    return pos if np.array_equal(have[pos], want) else None


def _prune() -> None:
    for k in [k for k, ref in _BY_FINGERPRINT.items() if ref() is None]:
        del _BY_FINGERPRINT[k]
