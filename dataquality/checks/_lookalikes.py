"""Look-alike images: each image's statistic against those of the images laid out like it, and of its class.

A statistic such as edge energy (``blurry``) or brightness (``dark``) means little on its own: a digit "1" has less
edge than an "8", a night scene is darker than a beach. Compared with the images most like it in coarse layout (a
mean-centred 4 x 4 grey thumbnail, which blur and dimming leave almost unchanged) and, where there are labels, with
those of its own class, a change the data's own pictures do not share stands out.
"""

from __future__ import annotations

import numpy as np

# a class of at most k images is compared within itself with fewer look-alikes (all its other images),
# down to this many. It used to need more than k (10): a class of 10 was judged by layout alone, which
# calls a naturally soft class blurry (10 upscaled faces among photograph tiles: 7 of the 10 flagged).
# On benchmarks/blur_tuning.py, seeds 0-4: classes of 4-12 tiles (tune_photos64_tiny) F1 0.779 -> 0.898
# (3 look-alikes: 0.890), classes of 10-29 at 64 px (tune_photos64_small) 0.815 -> 0.906, unblurred
# tiles flagged 11 -> 4; at 128 px (tune_photos128_small) 0.834 -> 0.829, 11 -> 7
# The blurry check passes its own minimum (BlurryCheck.min_class, 1); the dark check uses this one
MIN_CLASS_LOOKALIKES = 5


def _centred(thumbs: np.ndarray) -> np.ndarray:
    T = thumbs - thumbs.mean(axis=1, keepdims=True)
    T[np.abs(T).sum(axis=1) < 1e-6, 0] = 1e-3  # flat thumbnails: any direction, never NaN
    return T.astype(np.float32)


def relative_to_lookalikes(blur: np.ndarray, thumbs: np.ndarray, search, k: int = 10, *,
                                queries: tuple[np.ndarray, np.ndarray] | None = None,
                                exclude: np.ndarray | None = None, features: str = "layout",
                                quantile: float = 0.5) -> np.ndarray:
    """Each image's statistic (``blur``: edge energy, brightness; a column each where 2-D) divided by the median of
    its ``k`` look-alikes'.

    Look-alikes are the nearest neighbours by cosine between mean-centred 4x4 grey thumbnails:
    a layout that blur leaves almost unchanged, so a blurred "3" is compared with sharp images
    shaped like it, not with its blurred peers (which embedding neighbours tend to be) nor with a
    dataset-wide median that mixes busy and plain images. ``search`` is the audit context's
    neighbour search (``ctx.search``). With ``queries=(blur, thumbs)`` other images (synthetic
    copies) are judged against these look-alikes instead; ``exclude[q]`` is a position among the
    base images that query ``q`` must not be compared with (its own source).

    ``features="embedding"``: ``thumbs`` (and the queries') are embeddings, used as they are, and the
    look-alikes are the nearest by cosine there; ``quantile`` of their edge energies instead of the
    median (see ``BlurryCheck.embedding_quantile``).
    """
    prep = _centred if features == "layout" else (lambda a: np.asarray(a, dtype=np.float32))
    T = prep(thumbs)
    if queries is None:
        idx, _ = search(T, k)
        own = blur
    else:
        own, qthumbs = queries
        idx, _ = search(T, k + 1, queries=prep(qthumbs), exclude_self=False)
        if exclude is not None:
            idx = np.where(idx == np.asarray(exclude)[:, None], -1, idx)
        idx = np.stack([row[row >= 0][:k] if (row >= 0).sum() >= k else
                        np.concatenate([row[row >= 0], np.full(k - (row >= 0).sum(), -1)]) for row in idx]) \
            if len(idx) else idx[:, :k]
    if idx.shape[1] == 0:
        return np.ones(np.shape(own))
    at = idx if np.ndim(blur) == 1 else idx[..., None]  # several statistics (columns): each on its own
    neighbour_blur = np.where(at >= 0, blur[np.maximum(idx, 0)], np.nan)
    ref = np.nanmedian(neighbour_blur, axis=1) if quantile == 0.5 else np.nanquantile(neighbour_blur, quantile, axis=1)
    return own / np.maximum(ref, 1e-12)


def relative_to_reference_lookalikes(stat: np.ndarray, feats: np.ndarray, search, reference: np.ndarray, k: int = 10,
                                     quantile: float = 0.5, *, queries: tuple[np.ndarray, np.ndarray] | None = None,
                                     exclude: np.ndarray | None = None, features: str = "layout") -> np.ndarray | None:
    """:func:`relative_to_lookalikes` with the look-alikes taken only among the ``reference`` images (a mask), each
    image itself left out; None where ``k`` or fewer are references. ``queries`` and ``exclude`` (each query's place
    among all the images, -2 for none) as there.

    Pictures that share a flaw and a look (a batch blurred or darkened the same way) are each other's nearest
    look-alikes, and a batch of more than ``k`` would vouch for itself: the images suspected of the flaw are left
    out of the references (``blurry``'s ``exclude_suspects``)."""
    ref = np.flatnonzero(reference)
    if len(ref) <= k:
        return None
    where = np.full(len(stat), -2)
    where[ref] = np.arange(len(ref))
    if queries is None:
        queries, exclude = (stat, feats), where
    elif exclude is not None:
        exclude = np.where(np.asarray(exclude) >= 0, where[np.maximum(exclude, 0)], -2)
    return relative_to_lookalikes(stat[ref], feats[ref], search, k, queries=queries, exclude=exclude,
                                  features=features, quantile=quantile)


def relative_to_class_lookalikes(blur: np.ndarray, thumbs: np.ndarray, labels: np.ndarray, search,
                                      k: int = 10, *, queries: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
                                      exclude: np.ndarray | None = None, min_k: int | None = None) -> np.ndarray:
    """:func:`relative_to_lookalikes` with the look-alikes taken from the image's own class only
    (``labels``: integer codes, -1 for none): the ``k`` most alike, or all the others in a class of
    ``k`` or fewer; NaN for images without a label or whose class has no more than ``min_k`` images
    (default ``MIN_CLASS_LOOKALIKES``). With ``queries=(blur, thumbs, labels)`` other images (synthetic
    copies) are judged against the look-alikes of their class; ``exclude`` as for
    :func:`relative_to_lookalikes`.

    A class is often one scene or one kind of picture (all the tiles of one photograph, all the faces),
    and its images share their texture and their softness: a naturally soft picture is then compared
    with other soft pictures, where a layout alone would compare it with sharper ones of other classes.
    """
    labels = np.asarray(labels)
    min_k = MIN_CLASS_LOOKALIKES if min_k is None else min_k
    if queries is None:
        out = np.full(np.shape(blur), np.nan)
        qlabels = labels
    else:
        qblur, qthumbs, qlabels = queries
        qlabels = np.asarray(qlabels)
        out = np.full(np.shape(qblur), np.nan)
    classes, counts = np.unique(labels[labels >= 0], return_counts=True)
    for c in classes[counts > min_k]:
        members = np.flatnonzero(labels == c)
        kc = min(k, len(members) - 1)
        if queries is None:
            out[members] = relative_to_lookalikes(blur[members], thumbs[members], search, kc)
            continue
        q = np.flatnonzero(qlabels == c)
        if len(q) == 0:
            continue
        ex = None
        if exclude is not None:  # the source's place among the class's members, -2 where it is not one
            ex = np.asarray(exclude)[q]
            at = np.minimum(np.searchsorted(members, ex), len(members) - 1)
            ex = np.where(members[at] == ex, at, -2)
        out[q] = relative_to_lookalikes(blur[members], thumbs[members], search, kc,
                                             queries=(qblur[q], qthumbs[q]), exclude=ex)
    return out


def label_codes(ctx, positions: np.ndarray) -> np.ndarray | None:
    """The integer labels (-1: none) at dataset ``positions``; None where the data has no labels."""
    try:
        codes = np.asarray(ctx.label_codes)
    except Exception:  # a dataset kind without labels at all
        return None
    if len(codes) == 0 or not (codes >= 0).any():
        return None
    return codes[positions]
