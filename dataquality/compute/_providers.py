"""Intermediates as registered providers: what each needs, what changes it, how it is stored.

A provider's cache key is derived, never typed: its name and ``version``, the dataset's
fingerprint, the embedder's identity (class, version and settings) when ``uses_embedder``, the
labels when ``uses_labels``, the neighbour index's settings when ``uses_index``, the context
settings it names, and the keys of everything it ``requires``. Change any of those and the key
changes; bump ``version`` when the computation itself changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from .._errors import DataQualityError
from ..modalities import get_modality
from ._duplicates import ExactOnly, exact_groups, find_duplicates
from ._registry import Registry

PROVIDERS: Registry = Registry("intermediate")


@dataclass(frozen=True)
class Provider:
    name: str
    compute: Callable[[Any], Any]
    requires: tuple[str, ...] = ()
    version: int = 1
    settings: tuple[str, ...] = ()
    uses_embedder: bool = False
    uses_labels: bool = False
    uses_index: bool = False
    # (value -> {name: array}, {name: array} -> value): how the value is stored in the cache
    codec: tuple[Callable, Callable] | None = None
    # whether to store it for this context (e.g. embeddings: text and tables; images are stored by shard)
    persist: Callable[[Any], bool] | None = None


def provider(name: str, **kw):
    """Decorator registering ``fn(ctx) -> value`` as the provider of intermediate ``name``."""

    def deco(fn):
        PROVIDERS.register(name, Provider(name, fn, **kw))
        return fn

    return deco


def list_intermediates() -> list[str]:
    """Names a check may put in ``requires`` and ask ``ctx.get`` for.

    >>> import dataquality as dq
    >>> {"embeddings", "knn", "pred_probs"} <= set(dq.compute.list_intermediates())
    True
    """
    return PROVIDERS.names()


_ARRAY = (lambda v: {"value": v}, lambda a: a["value"])
_PAIR = (lambda v: {"idx": v[0], "dist": v[1]}, lambda a: (a["idx"], a["dist"]))


# -- images: the per-example map ----------------------------------------------------------
@provider("image_pass", uses_embedder=True, version=3)
def _image_pass(ctx):
    """Statistics and raw embeddings of every image, in one decoding pass (backend + shards)."""
    return ctx.run_image_map(with_embedder=True)


@provider("image_stats", version=3)
def _image_stats(ctx):
    if not get_modality(ctx.modality).has_pixels:
        raise DataQualityError(f"image_stats exist for image datasets only; this one is {ctx.modality}.")
    if ctx.has("image_pass") or "embeddings" in ctx.plan:  # decoded once, with the embedding
        return ctx.get("image_pass")[0]
    return ctx.run_image_map(with_embedder=False)[0]


def _embedded_whole(ctx) -> bool:
    """True when the embedder sees the whole dataset at once (texts, tables): nothing per example to
    shard, so the vectors themselves are what the cache keeps."""
    m = get_modality(ctx.modality)
    return not (m.has_pixels or m.vectors_given)


@provider("embeddings", uses_embedder=True, version=2, codec=_ARRAY,
          persist=lambda ctx: _embedded_whole(ctx) and ctx.embedder.cacheable)
def _embeddings(ctx):
    """N x D float16 (zero rows for unreadable images); precomputed vectors as they are."""
    if get_modality(ctx.modality).vectors_given:
        return ctx.dataset.vectors
    if ctx.reference is not None and ctx.embedder.data_dependent:
        ctx.get("reference")  # embeds both jointly and stores ours
        return ctx._values["embeddings"]
    if get_modality(ctx.modality).has_pixels:
        stats, raw = ctx.get("image_pass")
        if raw is None:
            ids = ctx.dataset.ids
            shown = "; ".join(f"{ids[i]}: {stats['error'][i] or 'unreadable'}" for i in range(min(5, ctx.n)))
            more = f" (and {ctx.n - 5} more)" if ctx.n > 5 else ""
            raise DataQualityError(
                f"None of the {ctx.n} images could be read, so there is nothing to embed: {shown}{more}. "
                "Check that the path points at the images and that the files are intact.")
        ok = stats["readable"].to_numpy(bool)
        if ctx.embedder.data_dependent:  # a dataset-level transform (PCA) needs every vector at once
            post = ctx.embedder.postprocess(np.asarray(raw[ok], dtype=np.float32), random_state=ctx.random_state)
            emb = np.zeros((ctx.n, post.shape[1]), dtype=np.float16)
            emb[ok] = post.astype(np.float16)
            return emb
        raw[~ok] = 0
        return raw
    X = ctx.embedder.embed_dataset(ctx.dataset, device=ctx.device, progress=ctx.progress)
    return _as_float16(X)


def _peak(X, chunk: int = 65536) -> float:
    """The largest finite absolute value of ``X`` (0.0 where none), read ``chunk`` rows at a time."""
    peak = 0.0
    for s in range(0, len(X), chunk):
        B = np.abs(np.asarray(X[s: s + chunk], dtype=np.float64))
        B = B[np.isfinite(B)]
        peak = max(peak, float(B.max()) if B.size else 0.0)
    return peak


def _as_float16(X) -> np.ndarray:
    """Vectors as float16, divided by their largest absolute value where float16 would lose them: a
    user's function returning values beyond 1e4 (float16 overflows past 65504: rows of inf) or all below
    1e-2 (float16 rounds values under 6e-8 to zero: rows of zeros). One factor for all rows, so every
    distance and probe sees the same vectors up to scale."""
    X = np.asarray(X)
    peak = _peak(X)
    if peak > 1e4 or 0 < peak < 1e-2:
        X = np.asarray(X, dtype=np.float64) / peak
    return np.asarray(X, dtype=np.float16)


@provider("valid", version=2)
def _valid(ctx):
    """Examples whose content can be used (``Modality.valid``): readable images, non-empty texts, rows
    not all missing, finite non-zero vectors."""
    return get_modality(ctx.modality).valid(ctx)


@provider("content_keys", version=2)
def _content_keys(ctx):
    """A key per example such that equal content gives equal keys (None when unusable)."""
    return get_modality(ctx.modality).content_keys(ctx, ctx.get("valid"))


# -- global steps ---------------------------------------------------------------------------
def _in_float32_range(X, chunk: int = 65536):
    """``X``, or ``X`` divided by its largest absolute value where its values are so small (1e-29) or large
    (float64 1e20) that standardising them in float32 loses them (squares underflow to 0 or overflow): the
    probe is otherwise blind to one scale factor, so its answers are the same."""
    peak = _peak(X, chunk)
    if peak == 0 or 1e-6 <= peak <= 1e6:
        return X
    return np.concatenate([(np.asarray(X[s: s + chunk], dtype=np.float64) / peak).astype(np.float32)
                           for s in range(0, len(X), chunk)]) if len(X) else X


def _standardised_linear(ctx, rows, train=None):
    """The generic probe: PCA of the standardised embeddings, then a multinomial logistic regression
    (``train``: a mask over ``rows``, False where a row is predicted but left out of the training parts)."""
    from ._probe import out_of_fold_probs

    X = ctx.get("embeddings")
    Xu = _in_float32_range(X if len(rows) == ctx.n else X[rows])
    return out_of_fold_probs(Xu, ctx.label_codes[rows], len(ctx.classes), n_folds=ctx.n_folds, device=ctx.device,
                             random_state=ctx.random_state, max_train_rows=ctx.settings["probe_max_train_rows"],
                             train=train)


def _linear_on_unit_vectors(ctx, rows):
    """Logistic regression on the L2-normalised embeddings (text: compute/_modality_probes.py)."""
    from ._modality_probes import text_out_of_fold_probs

    return text_out_of_fold_probs(ctx.get("embeddings")[rows], ctx.label_codes[rows], len(ctx.classes),
                                  n_folds=ctx.n_folds, random_state=ctx.random_state)


def _boosted_plus_linear(ctx, rows):
    """Gradient boosting on the raw columns averaged with a linear model on their encoding (tables)."""
    from ._modality_probes import tabular_out_of_fold_probs

    return tabular_out_of_fold_probs(ctx.dataset.features.iloc[rows].reset_index(drop=True), ctx.label_codes[rows],
                                     len(ctx.classes), n_folds=ctx.n_folds, random_state=ctx.random_state)


# the out-of-fold probes a modality may name (``Modality.probe``): (ctx, rows) -> len(rows) x K probabilities
PROBES = {"standardised_linear": _standardised_linear, "linear_on_unit_vectors": _linear_on_unit_vectors,
          "boosted_plus_linear": _boosted_plus_linear}


@provider("pred_probs", requires=("embeddings", "valid"), uses_labels=True, version=3, codec=_ARRAY,
          settings=("n_folds", "random_state", "probe_max_train_rows"))
def _pred_probs(ctx):
    """Out-of-fold probabilities (float32) for labelled, valid rows; NaN rows elsewhere, by the
    modality's probe (``Modality.probe``, one of ``PROBES``). Where the audit was given ``pred_probs=``, the context
    holds those and this never runs."""
    use = ctx.valid & ctx.labeled
    P = np.full((ctx.n, len(ctx.classes)), np.nan, dtype=np.float32)
    if use.sum() < 2:
        return P
    rows = np.flatnonzero(use)
    P[rows] = PROBES[get_modality(ctx.modality).probe](ctx, rows)
    return P


# the probes the refit below uses (they can leave rows out of their training parts, ``train=``). The text and table
# probes lost with it (benchmarks/detection.py --modality text / tabular, seeds 0-4: 20 Newsgroups label F1 0.860 ->
# 0.832, breast-cancer 0.851 -> 0.843), so they are not refitted
REFITTABLE = frozenset({"standardised_linear"})


@dataclass(frozen=True)
class Refit:
    """Out-of-fold probabilities refitted with the likely mislabelled examples left out of training.

    ``probs``: N x K (NaN where ``pred_probs`` is); ``held_out``: the examples left out of the training
    parts (each still predicted by the model of its fold); ``reason``: why nothing was refitted (``probs``
    is then ``pred_probs`` itself), None when it was."""

    probs: np.ndarray
    held_out: np.ndarray
    reason: str | None = None


def _refit_encode(v: Refit) -> dict:
    return {"probs": v.probs, "held_out": v.held_out, "reason": np.array(v.reason or "")}


def _refit_decode(a) -> Refit:
    return Refit(a["probs"], a["held_out"], str(a["reason"]) or None)


@provider("pred_probs_refit", requires=("pred_probs", "embeddings", "valid"), uses_labels=True, version=1,
          codec=(_refit_encode, _refit_decode), settings=("n_folds", "random_state", "probe_max_train_rows"))
def _pred_probs_refit(ctx):
    """``pred_probs`` fitted again without the examples cleanlab's ``prune_by_noise_rate`` flags on them (the
    widest of its filters): where a few classes' labels are wrong together (a labelling convention, a
    poisoning attack, a class pair mixed up in one batch), the first probe learnt part of the mistake and
    judges those examples by it. Only for probes in ``REFITTABLE``; the label check decides when to use it."""
    from cleanlab.filter import find_label_issues

    P = ctx.get("pred_probs")
    held = np.zeros(ctx.n, dtype=bool)
    if getattr(ctx, "given_pred_probs", None) is not None:
        return Refit(P, held, "pred_probs were given (pred_probs=): the model that made them is not refitted")
    if get_modality(ctx.modality).probe not in REFITTABLE:
        return Refit(P, held, f"the {get_modality(ctx.modality).probe} probe is not refitted")
    rows = np.flatnonzero(ctx.valid & ctx.labeled)  # the rows pred_probs predicted, as it did
    if len(rows) < 2:
        return Refit(P, held, "fewer than two labelled examples")
    y = ctx.label_codes[rows]
    counts = np.bincount(y)
    judged = np.flatnonzero(counts[y] >= 2)  # cleanlab needs two examples of a class
    present, yy = np.unique(y[judged], return_inverse=True)
    if len(present) < 2:
        return Refit(P, held, "fewer than two classes with two examples")
    raw = P[rows[judged]][:, present]
    raw = raw / np.maximum(raw.sum(1, keepdims=True), 1e-12)
    suspect = np.zeros(len(rows), dtype=bool)
    suspect[judged] = find_label_issues(yy, raw, filter_by="prune_by_noise_rate", n_jobs=1)
    # a class is never emptied: where fewer than n_folds of its examples would be left, none of them is held out
    left = np.bincount(y[~suspect], minlength=len(counts))
    suspect &= left[y] >= ctx.n_folds
    if not suspect.any():
        return Refit(P, held, "no example to leave out")
    out = P.copy()
    out[rows] = PROBES[get_modality(ctx.modality).probe](ctx, rows, train=~suspect)
    held[rows[suspect]] = True
    return Refit(out, held)


@provider("knn", requires=("embeddings", "valid"), uses_index=True, settings=("k",), version=2, codec=_PAIR)
def _knn(ctx):
    """(indices, distances) of each valid example's k nearest valid neighbours; -1 / NaN elsewhere."""
    X = ctx.get("embeddings")
    valid = ctx.valid
    rows = np.flatnonzero(valid)
    k = min(ctx.k, max(len(rows) - 1, 0))
    idx = np.full((ctx.n, k), -1, dtype=np.int64)
    dist = np.full((ctx.n, k), np.nan, dtype=np.float32)
    if k > 0:
        all_valid = len(rows) == ctx.n
        i, d = ctx.index.search(X if all_valid else X[rows], k, device=ctx.device)
        mapped = np.where(i >= 0, rows[np.maximum(i, 0)], -1)
        if all_valid:
            idx, dist = mapped, d
        else:
            idx[rows], dist[rows] = mapped, d
    return idx, dist


@provider("exact_groups", requires=("content_keys",))
def _exact_groups(ctx):
    """(groups of >= 2 examples with equal content keys, each example's group or -1): no embedder needed."""
    return exact_groups(np.asarray(ctx.get("content_keys"), dtype=object))


@provider("duplicates", requires=("exact_groups", "content_keys", "knn", "valid"), version=2)
def _duplicates(ctx):
    """Exact groups by content key, near pairs from the neighbours (and perceptual hashes). Where the
    neighbours cannot be computed (an embedder that failed, texts with no usable word), the exact groups
    still stand on the content keys; the near pairs' failure is raised where they are read (``ExactOnly``)."""
    keys, exact = ctx.get("content_keys"), ctx.get("exact_groups")
    try:
        idx, dist = ctx.get("knn")
        phash = ctx.get("image_stats")["phash"].to_numpy(object) if get_modality(ctx.modality).has_pixels else None
    except Exception as exc:
        return ExactOnly(exact, exc)
    return find_duplicates(keys, idx, dist, phash, ctx.valid, exact=exact)


@provider("table_columns", uses_embedder=True)
def _table_columns(ctx):
    """(fitted encoding, rows in float64 without the anchor column): a table's columns as the ``tabular``
    embedder encodes them, at full precision (the stored embeddings are float16, whose 3 digits put rows 1e-4
    of a column's spread apart at distance 0). Shared by the checks that compare rows column by column."""
    from ..embeddings._tabular import fit_table, transform_table

    df = ctx.dataset.features
    state = fit_table(df, getattr(ctx.embedder, "max_levels", 50))
    return state, transform_table(state, df, np.float64)[:, :-1]


@provider("table_pairs", requires=("duplicates", "table_columns", "valid"))
def _table_pairs(ctx):
    """(pairs, their Chebyshev distances, each row's nearest such distance, each number column's smallest step):
    the neighbour graph's candidate pairs of valid rows measured column by column (``table_columns``), before any
    tolerance (``checks._near_duplicate.tabular_pairs`` chooses it)."""
    pairs = np.asarray(ctx.get("duplicates").near_pairs, dtype=np.int64).reshape(-1, 2)
    state, X = ctx.get("table_columns")
    valid = np.asarray(ctx.valid, dtype=bool)
    pairs = pairs[valid[pairs[:, 0]] & valid[pairs[:, 1]]]
    dist = np.abs(X[pairs[:, 0]] - X[pairs[:, 1]]).max(axis=1) if X.shape[1] else np.zeros(len(pairs))
    nearest = np.full(ctx.n, np.inf)
    np.minimum.at(nearest, pairs[:, 0], dist)
    np.minimum.at(nearest, pairs[:, 1], dist)
    steps = np.full(len(state["numeric"]), np.inf)
    for j in range(len(steps)):
        gaps = np.diff(np.unique(X[valid, j]))
        if len(gaps):
            steps[j] = float(gaps.min())
    return pairs, dist, nearest, steps


# above this side (the 32 x 32 grey image the descriptor is measured on) the near-duplicate check's spectrum
# pairs must also pass a perceptual-hash gate (checks/_groups.py: spectrum_gated): a larger image loses
# detail there, so distinct ones look more alike in it, while the embedding sees them at its own input size
# (64 px) without upsampling, where it tolerates small shifts. On the clean 64 px tuning photographs
# (benchmarks/blur_tuning.py, load_many_class_tiles: 1,147 tiles) the ungated rule joined 8 tiles nothing
# else did (one region at two zooms, two Hubble tiles of dark sky)
SPECTRUM_MAX_SIDE = 32


def _spectrum_rows(st) -> np.ndarray:
    from ..data import decode_spectra

    return decode_spectra(st["spectrum"].to_numpy(object))


def _layout_rows(st) -> np.ndarray:
    from ..data import layout_vectors

    if "grey16" not in st:  # statistics from a pass before the 16 x 16 grey picture: no descriptor
        return np.full((len(st), 256), np.nan, dtype=np.float32)
    return layout_vectors(st["grey16"].to_numpy(object))


def _detail_rows(st) -> np.ndarray:
    from ..checks._groups import grey_ranges, relit_details
    from ..data import decode_grey16

    if "grey16" not in st:  # statistics from a pass before the 16 x 16 grey picture: no descriptor
        return np.full((len(st), 256), np.nan, dtype=np.float32)
    grey, ok = decode_grey16(st["grey16"].to_numpy(object))
    out = relit_details(grey)
    out[~grey_ranges(grey, ok)[2]] = np.nan  # absent or nearly flat: no descriptor, as for the relit rule
    return out


@provider("grey16_detail", requires=("image_stats",))
def _grey16_detail(ctx):
    """Per image, (how many pixels of its 16 x 16 grey picture have detail, the share on its blank ground)
    (``data.grey16_detail``; -1 and NaN: no picture, or statistics from a pass before it): the near-duplicate check's
    perceptual-hash rule leaves out thin strokes on a blank ground."""
    from ..data import grey16_detail

    st = ctx.get("image_stats")
    if "grey16" not in st:
        return np.full(ctx.n, -1, dtype=np.int64), np.full(ctx.n, np.nan)
    return grey16_detail(st["grey16"].to_numpy(object))


# each 2-neighbour table of a descriptor: how its rows are read from an image-statistics table (the real images' for
# the search, and the calibration copies' for their distances to their sources: checks/_groups.py: descriptor_sides)
DESCRIPTOR_ROWS = {"spectrum_knn": _spectrum_rows, "layout_knn": _layout_rows, "detail_knn": _detail_rows}


@provider("silhouettes", requires=("image_stats",))
def _silhouettes(ctx):
    """(grey, masks): each picture of at most 32 px's 32 x 32 grey picture and its Otsu mask, N x 1024 each
    (``checks._groups.silhouettes``): the near-duplicate check's silhouette rule, and its neighbour search."""
    from ..checks._groups import silhouettes

    return silhouettes(ctx.get("image_stats"))


@provider("spectrum_knn", requires=("image_stats", "valid"), uses_index=True, version=3, codec=_PAIR)
def _spectrum_knn(ctx):
    """(indices, distances) of each valid image's 2 nearest valid images by cosine between their
    ``spectrum`` descriptors (``data._stats.spectrum_values``); -1 / NaN elsewhere. Two: a pair of
    mutual nearest neighbours and each member's next one, for the near-duplicate ratio rule."""
    return _descriptor_knn(ctx, "spectrum_knn")


@provider("layout_knn", requires=("image_stats", "valid"), uses_index=True, version=1, codec=_PAIR)
def _layout_knn(ctx):
    """(indices, distances) of each valid image's 2 nearest valid images by cosine between their 16 x 16 grey pictures
    less their mean (``data.layout_vectors``); -1 / NaN elsewhere: the near-duplicate check's layout rule, as
    ``spectrum_knn`` is its spectrum rule's."""
    return _descriptor_knn(ctx, "layout_knn")


@provider("detail_knn", requires=("image_stats", "valid"), uses_index=True, version=1, codec=_PAIR)
def _detail_knn(ctx):
    """(indices, distances) of each valid image's 2 nearest valid images by cosine between the locally normalised
    detail of their 16 x 16 grey pictures (``checks._groups.relit_details``); -1 / NaN elsewhere: the near-duplicate
    check's detail rule, as ``layout_knn`` is its layout rule's."""
    return _descriptor_knn(ctx, "detail_knn")


@provider("silhouette_knn", requires=("silhouettes", "valid"), uses_index=True, version=1, codec=_PAIR)
def _silhouette_knn(ctx):
    """(indices, distances) of each valid small picture's 2 nearest valid small pictures by cosine between their Otsu
    masks (``silhouettes``; pictures without an outline left out); -1 / NaN elsewhere: the near-duplicate check's
    silhouette rule."""
    _, masks = ctx.get("silhouettes")
    S = masks.astype(np.float32)
    S[~masks.any(axis=1)] = np.nan
    return _descriptor_knn(ctx, "silhouette_knn", S)


def _descriptor_knn(ctx, name: str, S: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each valid image's 2 nearest valid images by cosine between the descriptor rows of ``DESCRIPTOR_ROWS[name]``
    (or the rows ``S`` given; NaN rows: no descriptor, left out), with the context's index."""
    if not get_modality(ctx.modality).has_pixels:
        raise DataQualityError(f"{name} exists for image datasets only; this one is {ctx.modality}.")
    S = DESCRIPTOR_ROWS[name](ctx.get("image_stats")) if S is None else S
    rows = np.flatnonzero(ctx.valid & ~np.isnan(S).any(axis=1))
    k = min(2, max(len(rows) - 1, 0))
    idx = np.full((ctx.n, k), -1, dtype=np.int64)
    dist = np.full((ctx.n, k), np.nan, dtype=np.float32)
    if k > 0:
        base = S[rows]
        base[np.abs(base).sum(axis=1) == 0, 0] = 1.0  # a flat image: any direction, never NaN
        i, d = ctx.search(base, k)
        idx[rows] = np.where(i >= 0, rows[np.maximum(i, 0)], -1)
        dist[rows] = d
    return idx, dist


def check_reference(ds, ref) -> None:
    """Raise where the ``reference=`` set cannot be compared with the data: another kind of data, vectors
    of another width (another embedder) or a table without the data's columns. Both sets are embedded
    alike and compared row against row, so they must hold the same kind of example."""
    fix = ("Both must be the same kind of data: a reference of vectors made by the same embedder, "
           "a table with the same feature columns, images or texts like the data's.")
    if ref.modality != ds.modality:
        raise DataQualityError(f"The reference set is {ref.modality} data but the dataset is {ds.modality}. {fix}")
    if get_modality(ds.modality).vectors_given:
        d, dr = np.shape(ds.vectors)[1], np.shape(ref.vectors)[1]
        if d != dr:
            raise DataQualityError(
                f"The reference set's vectors have {dr} columns but the data's have {d}: they cannot come from "
                f"the same embedder, so they cannot be compared. {fix}")
    if ds.features is not None and ref.features is not None:
        ours, theirs = [str(c) for c in ds.features.columns], {str(c) for c in ref.features.columns}
        missing, extra = [c for c in ours if c not in theirs], sorted(theirs - set(ours))
        if missing or extra:  # an extra column is empty in the data, so it alone would look like a shift
            what = (f"lacks the data's columns {missing[:10]}" if missing else "") \
                + (" and " if missing and extra else "") + (f"has columns the data lacks {extra[:10]}" if extra else "")
            raise DataQualityError(
                f"The reference table {what}. {fix} Rename or select the reference's columns to match the "
                f"data's {ours[:10]}{' ...' if len(ours) > 10 else ''}.")


@provider("reference")
def _reference(ctx):
    """The ``reference=`` set in a child context sharing the embedder (embedded jointly when the
    embedder is fitted on the data, so both live in one space)."""
    if ctx.reference is None:
        raise DataQualityError("This check needs reference= (a test or reference set) to compare against.")
    from ..data import Dataset, as_dataset

    ref = ctx.reference if isinstance(ctx.reference, Dataset) else as_dataset(
        ctx.reference, kind=ctx.modality if get_modality(ctx.modality).vectors_given else None)
    check_reference(ctx.dataset, ref)
    child = ctx.child(ref)
    if ctx.embedder.data_dependent:
        union = Dataset.concat(ctx.dataset, ref)
        joint = ctx.child(union)
        X = joint.get("embeddings")
        n = ctx.n
        ctx._values["embeddings"], child._values["embeddings"] = X[:n], X[n:]
        if get_modality(ctx.modality).has_pixels:
            stats = joint.get("image_stats")
            ctx._values.setdefault("image_stats", stats.iloc[:n].reset_index(drop=True))
            child._values["image_stats"] = stats.iloc[n:].reset_index(drop=True)
    return child


@provider("synthetic_copies", requires=("image_stats",), uses_embedder=True, settings=("random_state",))
def _synthetic_copies(ctx):
    """Near copies and blurred copies of a seeded sample of the data's own images, decoded, measured
    and embedded like the data: what known problems look like here, for checks that calibrate."""
    from ._synthetic import synthetic_copies

    if not get_modality(ctx.modality).has_pixels:
        raise DataQualityError(f"synthetic_copies exist for image datasets only; this one is {ctx.modality}.")
    from ._context import in_background

    if in_background():  # beside the checks (Context.prefetch): torch's threads are theirs, no workers
        return synthetic_copies(ctx, in_process=True)
    if "embeddings" in ctx.plan:
        ctx.get("embeddings")  # the data's own pass first, so the copies' embedder is built and warm
    from ._backends import available_cores
    from ._threads import cpu_threads

    # the copies' map runs in this process (up to 255 copies, see _synthetic.measure): its model on every
    # core, as the image pass's workers use them, not on the one thread the checks' small numerical steps
    # take (photos88_h, 120 copies: 0.30 -> 0.28 s; mnist_h, 208 copies: 0.42 -> 0.36 s)
    with cpu_threads(None if str(ctx.device).startswith("cuda") else available_cores()):
        return synthetic_copies(ctx)
