"""Union-find grouping and near-duplicate thresholds shared by the duplicate checks."""

from __future__ import annotations

import numpy as np

from ..data._stats import GREY16_DETAIL
from ..data._stats import grey_steps as _detail
from ..modalities import get_modality

# Defaults shared by near_duplicate, conflicting_labels and leakage, so that "a near duplicate"
# means the same thing in all three (cosine distance in embedding space; perceptual-hash bits).
# Images: 0.02 / 4 bits flagged about as many look-alike originals as planted copies on digits and
# Fashion-MNIST (precision ~0.47); 0.005 / 2 bits keeps recall and lifts F1 to ~0.9.
NEAR_IMAGE = 0.005
NEAR_HASH_BITS = 2
# Text and tables: each modality's own (dataquality/modalities/, where the reasons are).
NEAR_TEXT = get_modality("text").near_duplicate_distance
NEAR_TABULAR = get_modality("tabular").near_duplicate_distance


def pick_threshold(check, modality: str) -> float:
    return {"text": check.text_threshold, "tabular": check.tabular_threshold}.get(modality, check.threshold)


def near_thresholds(check, ctx) -> tuple[float, int | None, dict]:
    """(embedding threshold, hash threshold or None, how they were set) for ``check``'s modality.

    Images: a threshold the user gave wins; otherwise both are learnt from near copies of a sample of
    the data's own images (``calibrate_near``), and the fixed ``NEAR_IMAGE`` / ``NEAR_HASH_BITS`` are
    the fallback (too few images, an embedder fitted on the data, ``calibrate=False``). A learnt
    image calibration also holds ``"ratio_threshold"`` and ``"spectrum_threshold"`` (None: unused), for
    ``near_sets``.
    """
    if not get_modality(ctx.modality).has_pixels:  # text, tables, precomputed vectors: fixed thresholds
        t = pick_threshold(check, ctx.modality)
        if t is None:
            t = get_modality(ctx.modality).near_duplicate_distance
        return (NEAR_IMAGE if t is None else t), None, {}
    user = check.threshold is not None or check.hash_threshold is not None
    t = check.threshold if check.threshold is not None else NEAR_IMAGE
    b = check.hash_threshold if check.hash_threshold is not None else NEAR_HASH_BITS
    if user:
        return t, b, {"source": "user", "threshold": t, "hash_threshold": b}
    why = None if check.calibrate else "calibrate=False"
    if why is None:
        copies = ctx.get("synthetic_copies")
        if copies.near_embeddings is None or len(copies.sources) == 0:
            why = copies.reason or "no synthetic copies"
    if why is not None:
        return t, b, {"source": "default", "threshold": t, "hash_threshold": b, "reason": why}
    from ._calibration import calibrate_near, neighbour_dimension

    usable = with_content(ctx, check.min_contrast)
    real_dist, real_hash, real_ratio = closest_candidates(ctx, usable)
    valid = ctx.valid & usable
    copy_dist = row_cosine_distance(ctx.get("embeddings")[copies.sources], copies.near_embeddings)
    ok = copies.near_stats["readable"].to_numpy(bool) & usable[copies.sources]
    phash = ctx.get("image_stats")["phash"].to_numpy(object)
    copy_hash = hash_distance(phash[copies.sources], copies.near_stats["phash"].to_numpy(object))
    informative = hash_informative(ctx)  # a copy of a picture whose hash says little is not the hash rule's to find
    if informative is not None:
        copy_hash = np.where(informative[copies.sources], copy_hash, np.inf)
    # the ratio rule: a copy is not in the kNN graph, so its source's nearest real neighbour is the
    # source's next one; the clean model's dimension comes from the real images' own first / second
    # neighbour distances (exact duplicates, at distance 0, left out)
    knn_idx, knn_dist = ctx.get("knn")
    with np.errstate(divide="ignore", invalid="ignore"):
        copy_ratio = copy_dist / knn_dist[copies.sources, 0].astype(np.float64)
        own = knn_dist[:, 0].astype(np.float64) / knn_dist[:, 1].astype(np.float64) if knn_dist.shape[1] > 1 \
            else np.full(ctx.n, np.nan)
    copy_ratio = np.where(np.isnan(copy_ratio), np.inf, copy_ratio)
    dimension = neighbour_dimension(own[valid & (knn_dist[:, 0] > 0)])
    # the spectrum rule: the same ratio test among the images' spectrum descriptors, which small shifts
    # do not change (data/_stats.py: spectrum_values)
    # on images larger than the descriptor's 32 x 32 grey image its pairs must also pass a perceptual-hash
    # gate learnt with it (spectrum_hash_threshold), against the hash bits between distinct spectrum
    # neighbours (each image and its second one): see spectrum_gated
    real_spec, copy_spec, spec_dimension, real_spec_bits, null_bits = spectrum_sides(ctx, copies, usable)
    # the layout rule: the same ratio test among the images' 16 x 16 grey pictures less their mean (layout_pairs)
    # no hash gate as the spectrum's: the hash is measured on the same grey picture, so a pair near by layout is near by
    # hash too, and the gate's clean model (bits to the second neighbour, independent of the ratio) does not hold. Gated
    # so, the rule's threshold went to 0.82 at 8 bits on fashion_test_m and joined 52 distinct garments
    real_lay, copy_lay, lay_dimension = layout_sides(ctx, copies, usable)
    ratio_rule = layout_used(ctx) or getattr(check, "ratio_on_large", True)  # small pictures, or asked for
    cal = calibrate_near(real_dist[valid], real_hash[valid], copy_dist[ok], copy_hash[ok], check.target_precision,
                         real_ratio=real_ratio[valid] if ratio_rule else None,
                         copy_ratio=copy_ratio[ok] if ratio_rule else None, dimension=dimension,
                         real_spectrum=real_spec[valid], copy_spectrum=copy_spec[ok],
                         spectrum_dimension=spec_dimension,
                         spectrum_gates=(real_spec_bits[valid], copy_hash[ok], null_bits)
                         if spectrum_gated(ctx) else None,
                         real_layout=real_lay[valid], copy_layout=copy_lay[ok], layout_dimension=lay_dimension,
                         real_second=second_neighbour(knn_dist)[valid],
                         drop_hash=getattr(check, "drop_loose_hash", False))
    kinds = np.asarray(copies.near_kinds, dtype=object)[ok]
    hb, rho, sigma = cal.extra["hash_threshold"], cal.extra.get("ratio_threshold"), cal.extra.get("spectrum_threshold")
    sb, lam = cal.extra.get("spectrum_hash_threshold"), cal.extra.get("layout_threshold")
    caught = (copy_dist[ok] <= cal.threshold) | (copy_hash[ok] <= (hb if hb is not None else -1)) | (
        copy_ratio[ok] <= (rho if rho is not None else -1)) | (
        (copy_spec[ok] <= (sigma if sigma is not None else -1)) & (copy_hash[ok] <= (sb if sb is not None else np.inf))
    ) | (copy_lay[ok] <= (lam if lam is not None else -1))
    finding = {"source": "calibrated", **cal.as_finding(),
               **({} if ratio_rule else {"ratio_threshold": None,
                                         "ratio_off": "most pictures larger than 32 px a side (ratio_on_large=False)"}),
               "recall_by_kind": {str(k): round(float(caught[kinds == k].mean()), 4) for k in sorted(set(kinds))}}
    return cal.threshold, hb, finding


def second_neighbour(knn_dist: np.ndarray) -> np.ndarray:
    """Each example's distance to its second-nearest neighbour at a positive distance (exact copies,
    at 0, left out; inf where it has none): the embedding threshold's clean model
    (``_calibration.clean_first_neighbour``)."""
    d = np.asarray(knn_dist, dtype=np.float64)
    d = np.where(np.isnan(d) | (d <= 0), np.inf, d)
    if d.shape[1] < 2:
        return np.full(len(d), np.inf)
    return np.sort(d, axis=1)[:, 1]


def spectrum_sides(ctx, copies, usable: np.ndarray | None
                   ) -> tuple[np.ndarray, np.ndarray, float, np.ndarray, np.ndarray]:
    """The spectrum rule's calibration data: each real image's smallest ratio over its spectrum pairs
    with ``usable`` partners (:func:`spectrum_pairs`, inf where none), each near copy's spectrum
    distance to its source over the source's nearest-neighbour distance (the copy is not among the
    real images), the clean model's dimension from the real images' first / second neighbour
    distances (``_calibration.neighbour_dimension``), each real image's perceptual-hash bits to its
    partner in that pair (inf where none), and the bits between each usable image and its second
    spectrum neighbour: distinct images that look alike to the descriptor, the gate's clean model (a
    copy is its source's first neighbour, seldom its second)."""
    return descriptor_sides(ctx, copies, usable, spectrum_pairs(ctx), "spectrum_knn")


def layout_sides(ctx, copies, usable: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, float]:
    """The layout rule's calibration data, as :func:`spectrum_sides`'s first three (:func:`layout_pairs`): each real
    image's ratio over its layout pair (inf where none), each near copy's, and the clean model's dimension."""
    if not layout_used(ctx) or "grey16" not in ctx.get("image_stats"):
        return np.full(ctx.n, np.inf), np.full(len(copies.sources), np.inf), np.nan
    real, copy, dim, _, _ = descriptor_sides(ctx, copies, usable, layout_pairs(ctx), "layout_knn", bits=False)
    return real, copy, dim


def layout_used(ctx) -> bool:
    """Whether the layout rule applies: where most images are at most ``compute._providers.SPECTRUM_MAX_SIDE`` (32 px)
    a side, as the 16 x 16 grey picture keeps most of their layout. On larger pictures it keeps little of it: on the
    photograph tiles of the development sets distinct tiles of sky, wall or skin, a smooth shading less its mean, are
    each other's nearest by far: on the 9 tile sets of generators A-H (64-144 px) the rule found 5 more copies and
    flagged 96 more other tiles (photos88_h 0 -> 20)."""
    return not spectrum_gated(ctx)


def descriptor_sides(ctx, copies, usable: np.ndarray | None, found: tuple[np.ndarray, np.ndarray], knn: str,
                     bits: bool = True) -> tuple[np.ndarray, np.ndarray, float, np.ndarray, np.ndarray]:
    """:func:`spectrum_sides` for any descriptor: ``found`` its (pairs, ratio) (:func:`mutual_pairs`), ``knn`` its
    2-neighbour table's name (its rows read from the real images' and the copies' statistics by
    ``compute._providers.DESCRIPTOR_ROWS[knn]``). ``bits=False``: the hash bits are not measured (inf)."""
    from ..compute._providers import DESCRIPTOR_ROWS
    from ._calibration import neighbour_dimension

    pairs, ratio = found
    real, real_bits = np.full(ctx.n, np.inf), np.full(ctx.n, np.inf)
    if usable is not None and len(pairs):
        keep = usable[pairs[:, 0]] & usable[pairs[:, 1]]
        pairs, ratio = pairs[keep], ratio[keep]
    pair_bits = spectrum_hash_bits(ctx, pairs) if bits else np.inf
    for col in (0, 1):  # an image is in at most one pair of mutual nearest neighbours
        real[pairs[:, col]] = ratio
        real_bits[pairs[:, col]] = pair_bits
    idx, dist = ctx.get(knn)
    rows_of = DESCRIPTOR_ROWS[knn]
    copy_dist = row_cosine_distance(rows_of(ctx.get("image_stats"))[copies.sources], rows_of(copies.near_stats))
    with np.errstate(divide="ignore", invalid="ignore"):
        copy = copy_dist / dist[copies.sources, 0].astype(np.float64) if idx.shape[1] \
            else np.full(len(copies.sources), np.inf)
        own = dist[:, 0].astype(np.float64) / dist[:, 1].astype(np.float64) if idx.shape[1] > 1 \
            else np.full(ctx.n, np.nan)
    copy = np.where(np.isnan(copy), np.inf, np.maximum(copy, 0.0))
    use = ctx.valid & (np.nan_to_num(dist[:, 0], nan=0.0) > 0) if idx.shape[1] else np.zeros(ctx.n, bool)
    if usable is not None:
        use &= usable
    null = np.zeros(0)
    if bits and idx.shape[1] > 1:
        rows = np.flatnonzero(use & (idx[:, 1] >= 0))
        if usable is not None:
            rows = rows[usable[idx[rows, 1]]]
        null = spectrum_hash_bits(ctx, np.stack([rows, idx[rows, 1]], axis=1))
    return real, copy, neighbour_dimension(own[use]), real_bits, null[np.isfinite(null)]


def spectrum_gated(ctx) -> bool:
    """Whether the spectrum rule's pairs must also pass a perceptual-hash gate: where most images are
    larger than ``compute._providers.SPECTRUM_MAX_SIDE`` (32 px a side, the grey image the descriptor
    is measured on).

    On such images the embedding sees the picture at its own input size without upsampling and
    tolerates small shifts; the descriptor's blindness to position only joins distinct pictures. On
    the clean 64 px tuning tiles (``benchmarks/near_photos.py --clean``) the ungated rule joined 8
    tiles: one region of a photograph at two zooms, the same galaxy at two places on dark sky. The
    hash, measured on the same grey image but keeping the layout, tells them apart: no such pair came
    within 12 bits, while edited copies (warp, zoom, sharpening, a sticker, colour, JPEG) mostly did."""
    from ..compute._providers import SPECTRUM_MAX_SIDE

    st = ctx.get("image_stats")
    side = np.maximum(st["width"].to_numpy(float), st["height"].to_numpy(float))[ctx.valid]
    side = side[np.isfinite(side)]
    return bool(len(side)) and float(np.median(side)) > SPECTRUM_MAX_SIDE


def spectrum_hash_bits(ctx, pairs: np.ndarray) -> np.ndarray:
    """Perceptual-hash bits between the two images of each pair (inf where either has no hash)."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    ph = ctx.get("image_stats")["phash"].to_numpy(object)
    return hash_distance(ph[pairs[:, 0]], ph[pairs[:, 1]])


def spectrum_pairs(ctx) -> tuple[np.ndarray, np.ndarray]:
    """(pairs i < j, ratio): images each other's nearest neighbour by their spectrum descriptors
    (``spectrum_knn``), and their distance over the smaller of the two members' distances to their next
    neighbour (Lowe's ratio test, as ``compute.neighbour_ratio`` on the embedding's kNN graph).

    On 28-32 px images a copy shifted by 1-2 px is no closer to its source in the embedding than to
    distinct look-alikes (generator C, ``benchmarks/near_small.py``, seed 0, digits / Fashion-MNIST: it
    is its source's nearest neighbour for 43% / 74% of shifts, at a median ratio of 1.13 / 0.78), while
    a shift leaves its DFT magnitudes nearly unchanged (93% / 70%, median ratio 0.36 / 0.47). The pairs
    come from their own search, so a pair the embedding's candidate list lacks is found too. Pairs
    inside one exact group are left to ``exact_duplicate``, as in the embedding's candidate pairs."""
    return mutual_pairs(ctx, "spectrum_knn")


def layout_pairs(ctx) -> tuple[np.ndarray, np.ndarray]:
    """(pairs i < j, ratio): images each other's nearest neighbour by their layout descriptors (``layout_knn``: the
    16 x 16 grey picture less its mean, by cosine), and their distance over the smaller of the two members' distances
    to their next neighbour, as :func:`spectrum_pairs` does with the spectrum.

    A picture printed on a textured ground (sandpaper, concrete, leather, a ceiling tile: its contrast halved, its
    colour tinted, a grain over every pixel) moves far in the embedding, which sees the texture, and its source is
    often not among its 10 nearest there; on the grey pixels the grain averages out and the layout stays, and the
    copy is its source's nearest neighbour by far."""
    return mutual_pairs(ctx, "layout_knn")


def detail_pairs(ctx) -> tuple[np.ndarray, np.ndarray]:
    """(pairs i < j, ratio): images each other's nearest neighbour by the locally normalised detail of their 16 x 16 grey
    pictures (``detail_knn``: :func:`relit_details`, by cosine), and their distance over the smaller of the two
    members' distances to their next neighbour, as :func:`layout_pairs` does with the layout.

    For pictures larger than 32 px, where the layout rule is off: a picture printed over as a whole (on a fabric, a
    stone, a gift wrap) or seen through a textured glass moves far in the embedding, which sees the new texture, and
    its source is often not among its nearest there, so the relit rule (embedding neighbours only) never compares
    them; at 16 x 16 the texture averages out, and what is left of the picture's structure, each pixel against its
    neighbourhood, is its source's. The 16 x 16 picture's detail less its local level and contrast is not the
    layout less its mean, which joined distinct tiles of sky or wall (:func:`layout_used`): a smooth shading has
    no such detail."""
    return mutual_pairs(ctx, "detail_knn")


# the detail rule's ratio (the near-duplicate check's ``detail_ratio``), fixed: the calibration's clean model of the
# ratio (rho ** dimension, the dimension from the images' first / second neighbour distances) does not hold for this
# descriptor, whose first and second distances are nearly equal for most images (dimension 10-20), so distinct mutual
# pairs at 0.5-0.7 come far more often than it says; learnt so, the rule flagged 149 more others on the 37 JPEG tile sets
# of 36-89 px of generators AB-BL. Chosen on development data (Round 34, docs/benchmarks.md): the 122 photograph tile
# sets of A-BL (seed 0, the benchmark's 160 px embedder, near_duplicate alone), copies and sources found of 2,188 / other
# images flagged (unplanted): off 1,852 / 241 (101); 0.2 1,892 / 245 (103); 0.3 1,926 / 265 (118); 0.35 1,940 / 283
# (129); 0.4 1,954 / 295 (139); 0.5 1,988 / 389 (215); 0.6 2,020 / 574 (372). At 0.3 mean F1 on the 37 JPEG tile
# sets of 36-89 px 0.832 -> 0.847, the 40 sets of 200-329 px 0.781 -> 0.865 (most of them plant one copy edited in a
# part and one printed over as a whole among 61-100 tiles: too few for near copies to be learnt from, so the rule is
# fixed), the other 45 0.887 -> 0.895
DETAIL_RATIO = 0.3


def detail_rule_pairs(ctx, ratio: float) -> np.ndarray | None:
    """Pairs (i < j) of :func:`detail_pairs` at a ratio of at most ``ratio`` (the check's ``detail_ratio``); None where
    the rule does not apply (pictures of at most 32 px, where the layout rule does, or statistics without the 16 x 16
    grey picture)."""
    if layout_used(ctx) or "grey16" not in ctx.get("image_stats"):
        return None
    pairs, r = detail_pairs(ctx)
    return pairs[r <= ratio].astype(np.int64)


def mutual_pairs(ctx, knn: str) -> tuple[np.ndarray, np.ndarray]:
    """(pairs i < j, ratio) of the 2-neighbour table ``ctx.get(knn)``: images each other's nearest neighbour, and their
    distance over the smaller of the two members' distances to their next one; pairs inside one exact group left
    out."""
    from ..compute._duplicates import neighbour_ratio

    idx, dist = ctx.get(knn)
    if idx.shape[1] == 0:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    first = idx[:, 0]
    i = np.flatnonzero(first >= 0)
    mutual = i[(first[first[i]] == i) & (i < first[i])]
    ex = ctx.get("duplicates").exact_id
    mutual = mutual[(ex[mutual] < 0) | (ex[mutual] != ex[first[mutual]])]
    pairs = np.stack([mutual, first[mutual]], axis=1).astype(np.int64)
    d = dist[mutual, 0].astype(np.float64)
    return pairs, neighbour_ratio(pairs, np.maximum(np.nan_to_num(d, nan=np.inf), 0.0), idx, dist)


def row_cosine_distance(a, b) -> np.ndarray:
    """Cosine distance between each row of ``a`` and the same row of ``b`` (float32; a copy and its source)."""
    a, b = np.array(a, dtype=np.float32), np.array(b, dtype=np.float32)
    a /= np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-12)
    b /= np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-12)
    return 1.0 - (a * b).sum(axis=1)


def closest_candidates(ctx, usable: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each example's smallest embedding distance, hash distance and neighbour ratio
    (:func:`pair_ratios`) over its candidate pairs with ``usable`` partners (inf where it has none):
    the real side of the calibration."""
    dup = ctx.get("duplicates")
    dist, bits, ratio = np.full(ctx.n, np.inf), np.full(ctx.n, np.inf), np.full(ctx.n, np.inf)
    pairs = dup.near_pairs
    keep = np.ones(len(pairs), bool) if usable is None or not len(pairs) else usable[pairs[:, 0]] & usable[pairs[:, 1]]
    if keep.any():
        e = np.nan_to_num(dup.near_emb_dist[keep], nan=np.inf)
        h = pair_hash_bits(ctx, dup)[keep]
        r = pair_ratios(ctx)[keep]
        for col in (0, 1):
            np.minimum.at(dist, pairs[keep][:, col], e)
            np.minimum.at(bits, pairs[keep][:, col], h)
            np.minimum.at(ratio, pairs[keep][:, col], r)
    return dist, bits, ratio


def pair_ratios(ctx) -> np.ndarray:
    """Each candidate pair's both-sided neighbour-distance ratio (``compute.neighbour_ratio``)."""
    from ..compute._duplicates import neighbour_ratio

    dup = ctx.get("duplicates")
    knn_idx, knn_dist = ctx.get("knn")
    return neighbour_ratio(dup.near_pairs, np.nan_to_num(dup.near_emb_dist, nan=np.inf), knn_idx, knn_dist)


# the perceptual-hash rule leaves out a picture with fewer than HASH_MIN_DETAIL detailed pixels (of the 256 of its
# 16 x 16 grey picture: a step to a neighbour of PARTIAL_DETAIL of its own grey range, as the partial rule counts them)
# where at least HASH_BLANK_GROUND of it is its blank ground (the grey16_detail intermediate; None: every picture). A
# thin stroke on a blank ground (a digit "1") keeps its hash's low frequencies on the stroke's place and slant alone,
# and distinct pictures share it bit for bit: on MNIST sets 15-20 pairs of distinct "1"s at 0 bits, with 37-57
# detailed pixels, where copies had 62 or more. A smooth photograph with little detail has no blank ground and keeps
# its hash (docs/benchmarks.md Round 32)
HASH_MIN_DETAIL: int | None = 60
HASH_BLANK_GROUND = 0.75


def hash_informative(ctx) -> np.ndarray | None:
    """Per image, whether its perceptual hash has detail enough to tell it from distinct pictures
    (``HASH_MIN_DETAIL`` detailed pixels, or less than ``HASH_BLANK_GROUND`` of blank ground); None where every
    image's has (the rule off, or not images). A picture without a 16 x 16 grey picture keeps its hash."""
    if HASH_MIN_DETAIL is None or not get_modality(ctx.modality).has_pixels:
        return None
    count, ground = ctx.get("grey16_detail")
    return (np.asarray(count) < 0) | (np.asarray(count) >= HASH_MIN_DETAIL) | ~(np.asarray(ground) >= HASH_BLANK_GROUND)


def pair_hash_bits(ctx, dup=None) -> np.ndarray:
    """Each candidate pair's perceptual-hash distance, inf where it is missing or where either picture has too little
    detail for its hash to say anything (:func:`hash_informative`)."""
    dup = ctx.get("duplicates") if dup is None else dup
    bits = np.nan_to_num(np.asarray(dup.near_hash_dist, float), nan=np.inf)
    ok = hash_informative(ctx)
    if ok is None or not len(bits):
        return bits
    pairs = dup.near_pairs
    return np.where(ok[pairs[:, 0]] & ok[pairs[:, 1]], bits, np.inf)


def hash_distance(a, b) -> np.ndarray:
    """Hamming distances between two aligned lists of hex perceptual hashes (inf where one is missing)."""
    from ..compute._duplicates import hamming, hex_to_uint64

    a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    has = [np.array([isinstance(h, str) and bool(h) for h in v], dtype=bool) for v in (a, b)]
    return np.where(has[0] & has[1], hamming(hex_to_uint64(a), hex_to_uint64(b)), np.inf)


def connected_groups(n: int, pairs: np.ndarray) -> list[np.ndarray]:
    """Connected components (size >= 2) of the graph on ``n`` nodes with edges ``pairs``."""
    from ..compute import connected_groups as components

    return components(n, pairs)


def near_edges(dup, emb_threshold: float, hash_threshold: int | None, hash_bits: np.ndarray,
               ratio: np.ndarray | None = None, ratio_threshold: float | None = None) -> np.ndarray:
    """Candidate pairs within the embedding-distance, perceptual-hash or neighbour-ratio threshold
    (``hash_bits``: per candidate pair, :func:`pair_hash_bits`; ``ratio``: per candidate pair, :func:`pair_ratios`)."""
    if len(dup.near_pairs) == 0:
        return dup.near_pairs
    keep = np.nan_to_num(dup.near_emb_dist, nan=np.inf) <= emb_threshold
    if hash_threshold is not None:
        keep |= hash_bits <= hash_threshold
    if ratio_threshold is not None and ratio is not None:
        keep |= ratio <= ratio_threshold
    return dup.near_pairs[keep]


def with_content(ctx, min_contrast: float) -> np.ndarray | None:
    """Images whose brightness spans at least ``min_contrast`` (None for other modalities). Nearly flat
    images all embed close together whatever their shade; they are ``low_information``'s, and are
    neither joined into near-duplicate sets nor used to calibrate them."""
    if not get_modality(ctx.modality).has_pixels:
        return None
    st = ctx.get("image_stats")
    contrast = (st["brightness_p99"] - st["brightness_p01"]).to_numpy(float)
    return np.nan_to_num(contrast, nan=0.0) >= min_contrast


# the partial-match rule (partial_pairs). Developed on generators H and I's local edits (seen sets: a torn band,
# a drawn ring, a cloned patch, a cast shadow, a finger, lens-flare ghosts), its settings chosen for the false
# pairs of the tuning sets (digits and Fashion-MNIST with generator A's problems, docs/benchmarks.md, round 9):
# a share of 0.5 joined 2 more pairs of distinct digits, 0.6 none; without the contrast gate two dark or two
# washed-out images agreed everywhere (Fashion-MNIST: 41-81 false flags for 32). Distinct nearest neighbours
# agreed on at most 0.34-0.46 of their detailed pixels on every set looked at, copies with a local edit on 0.5-1.0
PARTIAL_TOLERANCE = 0.02  # |difference| within this share of the pair's grey range counts as the same pixel
PARTIAL_DETAIL = GREY16_DETAIL  # 0.08: a pixel with a neighbour this share of the range away (in either image) has detail
PARTIAL_MIN_DETAIL = 16  # of the 256 pixels: fewer is too little picture to compare
# grey levels between the 2nd and 98th percentiles, in both images. 64 until round 13: a low-contrast photograph (a
# brick wall, the moon's surface, fog; 40-63 levels at 16 x 16) was never compared, and a sticker on it went unfound.
# Candidate pairs of the 84 seen sets of A-W with near copies (seed 0, the benchmark's 64 px embedder) that the audit
# had not joined, copy-source / distinct, at a gate of 56: 4 / 1, 48: 11 / 1, 40: 16 / 1, 32 and 24: 16 / 1, 0: 17 / 4
# (all on photograph tile sets: one copy more on each of 15 of them; none on digits or clothing, none on three clean
# tile sets)
PARTIAL_MIN_RANGE = 40
# a pair compared as it is may instead agree on this share of the detailed pixels of one half of the picture (top,
# bottom, left or right; at least PARTIAL_MIN_DETAIL of them there): the other half replaced or covered (a picture
# half under water, a figure walking through, a wash over a third). On the 68 seen sets of A-S with near copies
# (candidate pairs as partial_pairs makes them, seed 0, the benchmark's 64 px embedder), pairs of a copy and its
# source the audit had not flagged / distinct pairs joined: 0.95 42 / 0, 0.9 56 / 0, 0.85 68 / 0, 0.8 73 / 1 (two
# MNIST digits); 0.9 is the share turned copies must reach too (docs/benchmarks.md, round 12)
PARTIAL_HALF = 0.9
# or, as it is, this share of the detailed pixels outside some box of PARTIAL_BOXES (rows x columns of the 16 x 16
# picture, at any place; at least PARTIAL_MIN_DETAIL and half of the pair's detailed pixels left outside it): an object
# laid on the picture with its shadow (a thimble, a hot dog, a mousetrap on a digit) covers a quarter of a 28 px picture
# and leaves the rest as it was, while two distinct pictures differ all over. Made after generator AJ's run
# (docs/benchmarks.md, round 22): of the candidate pairs of 22 seen sets of generators B-AJ (MNIST, Fashion-MNIST, the
# digits, photograph tiles of 46-272 px; seed 0, the benchmark's 64 px embedder) that the other rules left, copies and
# their sources at 0.8 / 0.85 / 0.9: 47 / 31 / 16, distinct pairs 2 / 0 / 0 (of about 400,000; the highest 0.83). On
# all 136 seen sets of A-AJ (benchmarks/dev_sweep.py, near_duplicate alone): 7,949 -> 8,039 of 9,840 copies and sources
# found, other images flagged 907 -> 907; 24 sets up (MNIST's most: mnist_ah 0.748 -> 0.804, mnist_aa 0.770 -> 0.814),
# none down. Boxes of 6 x 6 or 10 x 10 found less (10 / 11 of the 31; 10 x 10 put a distinct pair at 0.846)
PARTIAL_BOX = 0.85
PARTIAL_BOXES = ((8, 8), (6, 10), (10, 6))
# candidates besides the embedding's neighbours (block_candidates): a stamp on a 28 px picture can move the embedding so
# far that the source is not among its 10 nearest (generator J's MNIST date stamps and stickers: median rank 213-403).
# Prototyped on J after its one run (docs/benchmarks.md, round 9): mnist_j 0.718 -> 0.811, fashion_test_j 0.717 ->
# 0.775, digits and Fashion-MNIST (tuning) without a false flag more. After generator K's one run (round 10), where
# most missed copies were never compared: blocks also on the 0-255 scale (a label or sticky note widened the copy's
# grey range) and pictures compared with mirror images (K's mirrored copies). On all 36 sets of A-K: +0.01 to +0.11
# on 10 sets, not one false flag more (docs/benchmarks.md, round 10)
PARTIAL_BLOCK_LEVELS = 8  # a block's four 2 x 2 means, each quantised to this many levels (of its range, of 0-255)
# blocks two images must share to be compared: 3 until Round 17. An object lying on a 28 px picture can leave only two
# of its blocks with detail unchanged. On the 108 seen sets of A-AC with near copies (seed 0, the benchmark's 64 px
# embedder), 2 found 6,388 -> 6,467 of 7,952 copies and sources, other images flagged 711 -> 712 (mnist_z 49 -> 62,
# mnist_ab 50 -> 60, mnist_ac 90 -> 96, fashion_test_k 110 -> 116); the 56 clean bases flagged as with 3
PARTIAL_BLOCK_SHARED = 2
PARTIAL_BLOCK_BUCKET = 30  # a block shared by more images than this is too common to say anything


# the ways a copy can be turned (stacks N x 16 x 16), and the share of detailed pixels a pair compared that way must
# agree on (None: the check's ``partial_threshold``). A mirror image is the commonest augmentation and a way to dodge a
# copy filter, and may carry a local edit too; a copy whose orientation tag was lost is turned by 90, 180 or 270
# degrees and is otherwise the same picture. Chosen after generator L's one run (its turned copies): on every set of
# A-L, turned copies agreed with their sources on 0.96-1.00 of their detail, distinct pictures turned on at most 0.70
# (retina tiles), mirrored on at most 0.53. Turned upside down or about a diagonal found no copy and 17 distinct pairs
# at 0.50-0.78, and are not tried
TURNS = (
    ("as it is", lambda g: g, None),
    ("mirrored", lambda g: g[:, :, ::-1], None),
    ("turned a quarter turn", lambda g: np.rot90(g, 1, axes=(1, 2)), 0.9),
    ("turned upside down", lambda g: g[:, ::-1, ::-1], 0.9),
    ("turned a quarter turn", lambda g: np.rot90(g, 3, axes=(1, 2)), 0.9),
)
# the turns the embedding's neighbours are compared under too: a mirror image stays near its source in the embedding,
# a picture on its side does not (its candidates are the shared blocks')
KNN_TURNS = (0, 1)


def block_candidates(grey: np.ndarray, eligible: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                     steps: np.ndarray) -> list[np.ndarray]:
    """Pairs of ``eligible`` images (16 x 16 grey pictures ``grey``, grey range ``lo``-``hi``, detail ``steps``)
    that share at least ``PARTIAL_BLOCK_SHARED`` identical blocks: of each picture's 16 blocks of 4 x 4 pixels,
    those with detail, each described by its four 2 x 2 means quantised to ``PARTIAL_BLOCK_LEVELS`` levels and by
    its place. Where one picture is another edited in a part, most of its blocks are unchanged, whatever the edit
    did to the embedding. A block more than ``PARTIAL_BLOCK_BUCKET`` pictures have (a stroke every "1" has) says
    nothing and is left out.

    The levels are taken twice: of the image's own grey range (unchanged by a new brightness or contrast) and of
    the whole 0-255 scale (unchanged by a stamp that widens the image's range: a white label on a dark picture
    moves every level of the first kind). A pair that shares enough blocks either way is a candidate.

    One array of pairs (a, b) per entry of ``TURNS``: a's picture shares blocks with b's turned or flipped that way
    (the first, as it is: a < b)."""
    rows = np.flatnonzero(eligible)
    out = [np.zeros((0, 2), dtype=np.int64) for _ in TURNS]
    if len(rows) < 2:
        return out
    n = len(grey)
    span = np.maximum(hi[rows] - lo[rows], 1.0)[:, None, None]
    g = grey[rows].astype(np.float32)
    scaled = [((g - lo[rows][:, None, None]) / span).reshape(-1, 8, 2, 8, 2).mean(axis=(2, 4)),  # 8 x 8 means of
              (g / 255.0).reshape(-1, 8, 2, 8, 2).mean(axis=(2, 4))]  # 2 x 2 pixels, of the range and of 0-255
    # which of the 4 x 4 blocks have detail, on a grid that turns with the picture
    detail = steps[rows].reshape(-1, 4, 4, 4, 4).max(axis=(2, 4)) > PARTIAL_DETAIL * span
    as_is = [_block_groups(m, detail.reshape(-1, 16), rows) for m in scaled]  # per scale
    for k, (_, turn, _) in enumerate(TURNS):  # one turn's blocks at a time: memory for two pools, not five
        turned = as_is if k == 0 else [_block_groups(turn(m), turn(detail).reshape(-1, 16), rows) for m in scaled]
        found = []
        for s in range(len(scaled)):
            a, b = _pairs_sharing_keys(as_is[s], turned[s])
            keep = a < b if k == 0 else a != b
            code, count = np.unique(a[keep] * n + b[keep], return_counts=True)
            found.append(code[count >= PARTIAL_BLOCK_SHARED])
        code = np.unique(np.concatenate(found))
        out[k] = np.stack([code // n, code % n], axis=1).astype(np.int64)
    return out


def _block_groups(m: np.ndarray, detail: np.ndarray, rows: np.ndarray):
    """The blocks with detail of pictures ``rows`` (``m``: their 8 x 8 means of 2 x 2 pixels on 0-1) as (keys, start
    and size of each key's run, the pictures in key order), keys held by more than ``PARTIAL_BLOCK_BUCKET``
    pictures left out."""
    L = PARTIAL_BLOCK_LEVELS
    q = np.clip((m * L).astype(np.int64), 0, L - 1)
    q = q.reshape(-1, 4, 2, 4, 2).transpose(0, 1, 3, 2, 4).reshape(-1, 16, 4)  # 16 blocks x their 4 means
    keys = np.arange(16)[None, :] * L ** 4 + ((q[..., 0] * L + q[..., 1]) * L + q[..., 2]) * L + q[..., 3]
    who = np.broadcast_to(rows[:, None], keys.shape)[detail]
    keys = keys[detail]
    order = np.argsort(keys, kind="stable")
    keys, who = keys[order], who[order]
    uniq, start, size = np.unique(keys, return_index=True, return_counts=True)
    common = size > PARTIAL_BLOCK_BUCKET
    return uniq[~common], start[~common], size[~common], who


def _pairs_sharing_keys(first, second) -> tuple[np.ndarray, np.ndarray]:
    """Every (picture of ``first``, picture of ``second``) holding the same key, once per key they share."""
    keys_a, start_a, size_a, who_a = first
    keys_b, start_b, size_b, who_b = second
    _, ia, ib = np.intersect1d(keys_a, keys_b, assume_unique=True, return_indices=True)
    na, nb = size_a[ia], size_b[ib]
    count = na * nb
    key = np.repeat(np.arange(len(ia)), count)
    r = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)  # the pair's place in its key
    return who_a[start_a[ia][key] + r // nb[key]], who_b[start_b[ib][key] + r % nb[key]]


# the partial rule's share learnt from the data (partial_threshold_for): the PARTIAL_NULL_QUANTILE of the shares of
# neighbour pairs under the check's partial_threshold (those over it, most copies, left out: left in, the copies of a
# planted set raised the quantile there, and a clean set got the floor and more false flags: clean MNIST 12 -> 23),
# plus the check's margin, never under PARTIAL_FLOOR nor over partial_threshold. Distinct neighbours agree on a share
# that depends on the data: on generator AC's clean pairs, 99.9th percentiles of 0.20 (48 px JPEG tiles), 0.36
# (Fashion-MNIST), 0.46 (MNIST). After AC's run (development data: every seen set of A-AC with near copies, 108, seed
# 0, the benchmark's 64 px embedder, benchmarks/dev_sweep.py --checks near_duplicate), copies and sources found /
# other images flagged / mean F1: the fixed 0.6 6,214 / 682 / 0.837; a fixed 0.5 6,460 / 956 / 0.847 (MNIST +134
# found, +235 others); learnt without leaving out, 99.5th percentile + 0.1, 6,326 / 732 / 0.845; leaving out, 99.9th
# percentile + 0.1 (kept) 6,341 / 709 / 0.848: Fashion-MNIST +68 / +19, MNIST +35 / +6, photograph tiles +24 / 0,
# scikit-learn's digits 0 / +2; the clean bases of AB's and AC's sets flagged as before (MNIST's share 0.55-0.56)
PARTIAL_NULL_QUANTILE = 0.999
PARTIAL_NULL_MIN_PAIRS = 1000  # so that pairs lie above the quantile (a set of about 150 pictures or more)
PARTIAL_FLOOR = 0.5  # copies with a local edit agreed with their source on 0.5-1.0 where this rule was made (above)


def grey16_inputs(ctx):
    """What the partial rule compares, computed once for :func:`partial_threshold_for` and :func:`partial_pairs`:
    (the neighbour table, the 16 x 16 grey pictures, their grey range low and high, detail, eligible: decoded and
    with ``PARTIAL_MIN_RANGE`` grey levels), or None without the statistic or neighbours."""
    from ..data import decode_grey16

    idx, _ = ctx.get("knn")
    stats = ctx.get("image_stats")
    if "grey16" not in stats or idx.shape[1] == 0:
        return None
    grey, ok = decode_grey16(stats["grey16"].to_numpy(object))  # uint8: 256 bytes an image
    lo, hi, eligible = grey_ranges(grey, ok)
    steps = _detail(grey.astype(np.int16)).astype(np.uint8)  # each image's once, not each pair's
    return idx, grey, lo, hi, steps, eligible


def grey_ranges(grey: np.ndarray, ok: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(low, high, eligible) of N decoded 16 x 16 grey pictures (``ok``: present): each one's 2nd and 98th percentile
    grey level (NaN where absent), and whether it is present with ``PARTIAL_MIN_RANGE`` levels between them (a nearly
    flat picture's detail is its noise: the partial, relit and detail rules leave it out)."""
    n = len(grey)
    lo, hi = np.full(n, np.nan), np.full(n, np.nan)
    if ok.any():
        lo[ok], hi[ok] = np.percentile(grey[ok].reshape(int(ok.sum()), -1), [2, 98], axis=1)
    return lo, hi, ok & (np.nan_to_num(hi - lo, nan=0.0) >= PARTIAL_MIN_RANGE)


# a cell of the 16 x 16 grid whose pixels' channels differ by this much on average (of 255) has colour (chroma16): a
# grey picture's cells are at 0 (a JPEG's chroma rounding 1-3), a saturated mark over an eighth of a cell reaches it
PARTIAL_COLOUR = 24
# and the cells left compared must hold this share of the pair's detail: a picture tinted where its strokes are (a faded
# print yellowed on its ink) keeps only its plain ground grey, on which distinct digits agree. Development data (the
# 148 sets of A-AM, seed 0): with no such bound, 8,763 -> 9,068 copies and sources found and 1,024 -> 1,131 other images
# flagged, most in 15- and 9-member sets chained through such pictures (generator P's sun-faded copies on MNIST)
PARTIAL_COLOUR_KEPT = 0.3


def colour_cells(ctx) -> np.ndarray | None:
    """N x 16 x 16 bools: the cells of each picture with colour (``chroma16`` above ``PARTIAL_COLOUR``; none where the
    statistic is missing), or None where the image statistics predate it."""
    from ..data import decode_grey16

    stats = ctx.get("image_stats")
    if "chroma16" not in stats:
        return None
    chroma, ok = decode_grey16(stats["chroma16"].to_numpy(object))
    return (chroma > PARTIAL_COLOUR) & ok[:, None, None]


def partial_threshold_for(ctx, threshold: float, margin: float, floor: float = PARTIAL_FLOOR,
                          quantile: float = PARTIAL_NULL_QUANTILE, max_pairs: int = 20_000, inputs=None) -> float:
    """The partial rule's share for this data: ``quantile`` of the shares (as :func:`partial_pairs` measures them, as
    they are) under ``threshold`` of a seeded sample of at most ``max_pairs`` neighbour pairs, plus ``margin``, within
    ``floor`` and ``threshold`` (``threshold`` where fewer than ``PARTIAL_NULL_MIN_PAIRS`` pairs can be compared:
    fewer, and the quantile is the few highest pairs, a copy's among them). Distinct neighbours agree on a share
    that depends on the data (digits' strokes coincide, photograph tiles hardly), so where they agree on little a copy
    that keeps less of its source still stands out. ``inputs``: :func:`grey16_inputs`, where already computed."""
    inputs = grey16_inputs(ctx) if inputs is None else inputs
    if inputs is None:
        return threshold
    idx, grey, lo, hi, steps, eligible = inputs
    n = len(grey)
    pairs = _eligible_pairs(_neighbour_codes(idx, n), n, eligible)
    if len(pairs) < PARTIAL_NULL_MIN_PAIRS:
        return threshold
    if len(pairs) > max_pairs:
        pairs = pairs[np.sort(np.random.default_rng(ctx.random_state).choice(len(pairs), max_pairs, replace=False))]
    share, _, _ = _agreement(grey, steps, grey, steps, lo, hi, pairs, 16384)
    share = share[(share > 0) & (share < threshold)]  # pairs the fixed rule joins anyway (most copies) left out
    if len(share) < PARTIAL_NULL_MIN_PAIRS:
        return threshold
    return float(min(threshold, max(floor, np.quantile(share, quantile) + margin)))


def partial_pairs(ctx, threshold: float, chunk: int = 16384,
                  inputs=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(pairs i < j, share, turn: the entry of ``TURNS`` they matched under): kNN neighbours (``knn``), or
    pictures sharing blocks (:func:`block_candidates`), that are the same picture except in a part: on their
    16 x 16 grey pictures (``grey16``), at least ``threshold`` of the pixels with detail in either image equal
    in both (within ``PARTIAL_TOLERANCE`` of their grey range), as they are or with one mirrored or turned
    (``TURNS``: a mirror image; a picture whose orientation tag was lost, which must agree on 0.9); or, as they
    are, at least ``PARTIAL_HALF`` of those in one half of the picture (the other half replaced or covered), or
    ``PARTIAL_BOX`` of those outside a box of ``PARTIAL_BOXES`` (an object laid on it); or, where one of the two is
    grey and the other has colour (``chroma16``, :func:`colour_cells`), ``threshold`` of those in the cells where
    neither has colour (a grey picture painted on in colour: a red pen's marks, stickers, paint run down it).

    A local edit (a caption or logo stamped on, a drawn mark, a retouched patch, a shadow over one side)
    leaves the rest of the picture as it was, pixel for pixel, while it moves the embedding as far as
    distinct look-alikes are and changes many perceptual-hash bits. Distinct pictures never agree on most
    of their detail. Pixels without detail (a plain background) are not counted, and both images need a
    grey range of ``PARTIAL_MIN_RANGE`` levels: two dark images, or two washed-out ones, agree everywhere
    within a few levels. Pairs inside one exact group are left to ``exact_duplicate``. ``inputs``:
    :func:`grey16_inputs`, where already computed."""
    empty = np.zeros((0, 2), dtype=np.int64), np.zeros(0), np.zeros(0, dtype=np.int64)
    inputs = grey16_inputs(ctx) if inputs is None else inputs
    if inputs is None:
        return empty
    idx, grey, lo, hi, steps, eligible = inputs
    n = len(grey)
    # candidates: pictures that share blocks (block_candidates), as they are or one turned, and the embedding's and
    # the spectrum descriptors' neighbours (as they are and mirrored: KNN_TURNS). The spectrum's (spectrum_knn, searched
    # for the spectrum rule anyway) since generator Y's run (docs/benchmarks.md, round 13): an object laid on a 28 px
    # picture moves the embedding so far that the source is seldom among its nearest, and the picture may share too
    # few unchanged blocks with it, while the DFT magnitudes of the whole picture stay close. Of the copies the audit
    # missed on X's and Y's clothing and digit sets, the spectrum neighbours held the source of 69 of 102, the
    # embedding's 16. On the 92 seen sets of A-Y with near copies (seed 0, the benchmark's 64 px embedder,
    # benchmarks/dev_sweep.py): 5,409 -> 5,533 of 6,874 copies and sources found, other images flagged 603 -> 605
    # (F1 higher on 24 sets, lower on photos112_f); 15 clean bases flagged exactly as before
    knn = np.concatenate([_neighbour_codes(idx, n), _neighbour_codes(ctx.get("spectrum_knn")[0], n)])
    ex = ctx.get("duplicates").exact_id
    colour = colour_cells(ctx)
    found, shares, turns = [], [], []
    for k, ((_, turn, least), blocks) in enumerate(zip(TURNS, block_candidates(grey, eligible, lo, hi, steps))):
        code = blocks[:, 0] * n + blocks[:, 1]
        if k in KNN_TURNS:
            code = np.concatenate([knn, code])
        pairs = _eligible_pairs(np.unique(code), n, eligible, ex)
        if not len(pairs):
            continue
        other = np.ascontiguousarray(turn(grey))
        other_steps = steps if k == 0 else _detail(other.astype(np.int16)).astype(np.uint8)  # as it is: already known
        share, half, kept = _agreement(grey, steps, other, other_steps, lo, hi, pairs, chunk, boxes=k == 0)
        hit = share >= (threshold if least is None else max(threshold, least))
        if k == 0:  # as it is: or one half the same picture, or all of it but a part an object covers
            hit |= (half >= PARTIAL_HALF) | (kept >= PARTIAL_BOX)
            # or a grey picture and a copy of it with colour on it (a red pen's marks, stickers, paint run down it),
            # compared on the cells where neither has colour: the marks may cover half of a small picture's detail
            if colour is not None:
                one = _painted_pairs(pairs, colour, threshold, ex, (grey, steps, lo, hi), chunk)
                share[one[0]] = np.maximum(share[one[0]], one[1])
                hit[one[0]] = True
        found.append(np.sort(pairs[hit], axis=1))
        shares.append(share[hit])
        turns.append(np.full(int(hit.sum()), k))
    if not found:
        return empty
    pairs, share, turn = np.concatenate(found), np.concatenate(shares), np.concatenate(turns)
    # a pair found more than one way: once, at its largest share, as it is before turned
    order = np.lexsort((turn, -share, pairs[:, 1], pairs[:, 0]))
    pairs, share, turn = pairs[order], share[order], turn[order]
    first = np.ones(len(pairs), dtype=bool)
    first[1:] = (pairs[1:] != pairs[:-1]).any(axis=1)
    return pairs[first], share[first], turn[first]


def _painted_pairs(pairs, colour, threshold: float, exact_id, inputs, chunk: int) -> tuple[np.ndarray, np.ndarray]:
    """(positions in ``pairs``, share) of the pairs of a grey picture and a picture with colour (``colour``: N x 16 x 16,
    :func:`colour_cells`) equal on at least ``threshold`` of the detail of the cells where neither has colour; kept only
    where the coloured picture matches one grey picture so (or one exact group of them): a copy painted on has one
    source, while a picture whose colour hides what tells it from its look-alikes (spray paint over a thin "1") would
    match many of them."""
    grey, steps, lo, hi = inputs
    grey_only = ~colour.any(axis=(1, 2))
    one = np.flatnonzero(grey_only[pairs[:, 0]] ^ grey_only[pairs[:, 1]])
    if not len(one):
        return one, np.zeros(0)
    masked = _agreement(grey, steps, grey, steps, lo, hi, pairs[one], chunk, left_out=colour)[0]
    one, masked = one[masked >= threshold], masked[masked >= threshold]
    if not len(one):
        return one, masked
    a, b = pairs[one, 0], pairs[one, 1]
    painted, source = np.where(grey_only[a], b, a), np.where(grey_only[a], a, b)
    n = len(grey)
    group = np.where(exact_id[source] >= 0, exact_id[source], n + source)  # a source's exact copies count as it
    matches = np.bincount(np.unique(np.stack([painted, group], axis=1), axis=0)[:, 0], minlength=n)
    keep = matches[painted] == 1
    return one[keep], masked[keep]


def _neighbour_codes(idx: np.ndarray, n: int) -> np.ndarray:
    """The pairs (i < j) of a neighbour table ``idx`` (n x k, -1 where none; an example listed as its own neighbour left out) as
    codes ``i * n + j``."""
    if idx.shape[1] == 0:
        return np.zeros(0, dtype=np.int64)
    i = np.repeat(np.arange(n), idx.shape[1])
    j = idx.reshape(-1).astype(np.int64)
    keep = (j >= 0) & (j != i)
    i, j = np.minimum(i[keep], j[keep]), np.maximum(i[keep], j[keep])
    return i * n + j


def _eligible_pairs(code: np.ndarray, n: int, eligible: np.ndarray, exact_id: np.ndarray | None = None) -> np.ndarray:
    """The pairs (a, b) of codes ``a * n + b`` whose two images are both ``eligible``; with ``exact_id``, not two
    members of one exact group (those are ``exact_duplicate``'s)."""
    pairs = np.stack([code // n, code % n], axis=1)
    a, b = pairs[:, 0], pairs[:, 1]
    keep = eligible[a] & eligible[b]
    if exact_id is not None:
        keep &= (exact_id[a] < 0) | (exact_id[a] != exact_id[b])
    return pairs[keep]


def _agreement(grey, steps, other, other_steps, lo, hi, pairs, chunk: int,
               boxes: bool = False, left_out: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each pair (a, b), the share of the pixels with detail (in ``grey[a]`` or ``other[b]``) that are equal in
    both within ``PARTIAL_TOLERANCE`` of the pair's grey range (0 where fewer than ``PARTIAL_MIN_DETAIL`` have
    detail), the largest such share over the picture's four halves (top, bottom, left, right; each counted
    where it has ``PARTIAL_MIN_DETAIL`` such pixels) and, with ``boxes``, the largest share outside a box of
    ``PARTIAL_BOXES`` (:func:`_outside_boxes`; zeros without). ``other`` is ``grey`` turned one of the ways of
    ``TURNS``; ``steps``, ``other_steps`` their detail. ``left_out`` (N x 16 x 16 bools): pixels not counted where
    either image of the pair has one (:func:`colour_cells`)."""
    share, half, kept = np.zeros(len(pairs)), np.zeros(len(pairs)), np.zeros(len(pairs))
    for s in range(0, len(pairs), chunk):
        a, b = pairs[s: s + chunk, 0], pairs[s: s + chunk, 1]
        span = (np.maximum(hi[a], hi[b]) - np.minimum(lo[a], lo[b]))[:, None, None]
        detail = np.maximum(steps[a], other_steps[b]) > PARTIAL_DETAIL * span
        least = PARTIAL_MIN_DETAIL
        if left_out is not None:  # and at least PARTIAL_COLOUR_KEPT of the detail the pair has
            least = np.maximum(least, PARTIAL_COLOUR_KEPT * detail.sum(axis=(1, 2)))
            detail &= ~(left_out[a] | left_out[b])
        diff = np.abs(grey[a].astype(np.int16) - other[b].astype(np.int16))
        same = (diff <= np.maximum(1.0, PARTIAL_TOLERANCE * span)) & detail
        counted = detail.sum(axis=(1, 2))
        share[s: s + chunk] = np.where(counted >= least, same.sum(axis=(1, 2)) / np.maximum(counted, 1), 0.0)
        h, w = same.shape[1:]
        if h >= 2 and w >= 2:
            rows, cols = (same.reshape(len(same), 2, h // 2, w).sum(axis=(2, 3)),
                          same.reshape(len(same), h, 2, w // 2).sum(axis=(1, 3)))
            drows, dcols = (detail.reshape(len(same), 2, h // 2, w).sum(axis=(2, 3)),
                            detail.reshape(len(same), h, 2, w // 2).sum(axis=(1, 3)))
            sides = np.concatenate([rows, cols], axis=1) / np.maximum(np.concatenate([drows, dcols], axis=1), 1)
            enough = np.concatenate([drows, dcols], axis=1) >= PARTIAL_MIN_DETAIL
            half[s: s + chunk] = np.where(enough, sides, 0.0).max(axis=1)
        if boxes:  # at least half the detail outside the box: a pair under half PARTIAL_BOX overall cannot reach it
            rows = np.flatnonzero(share[s: s + chunk] >= PARTIAL_BOX / 2)
            kept[s + rows] = _outside_boxes(same[rows], detail[rows])
    return share, half, kept


def _outside_boxes(same: np.ndarray, detail: np.ndarray, sizes=PARTIAL_BOXES) -> np.ndarray:
    """Per pair (stacks of N x h x w bools: pixels equal and with detail), the largest share of the detailed pixels
    outside a box of one of ``sizes`` (rows, columns), at any place, that are equal; boxes leaving fewer than
    ``PARTIAL_MIN_DETAIL``, or fewer than half of the detailed pixels, outside are not counted (0 where none is).
    Sums over boxes are read off summed-area tables, all places of one size at once."""
    n, h, w = same.shape
    best = np.zeros(n)
    if n == 0:
        return best
    tables = []
    for m in (same & detail, detail):
        t = np.zeros((n, h + 1, w + 1), dtype=np.int32)
        t[:, 1:, 1:] = m.cumsum(axis=1, dtype=np.int32).cumsum(axis=2, dtype=np.int32)
        tables.append(t)
    for bh, bw in sizes:
        if bh > h or bw > w:
            continue
        kept_same, kept_detail = (
            (t[:, -1, -1])[:, None, None] - (t[:, bh:, bw:] - t[:, :-bh, bw:] - t[:, bh:, :-bw] + t[:, :-bh, :-bw])
            for t in tables)
        total = tables[1][:, -1, -1][:, None, None]
        ok = (kept_detail >= PARTIAL_MIN_DETAIL) & (2 * kept_detail >= total)
        v = np.where(ok, kept_same / np.maximum(kept_detail, 1), 0.0)
        best = np.maximum(best, v.reshape(n, -1).max(axis=1))
    return best


# the relit rule (relit_pairs): the same picture lit or tinted differently over the whole of it (a lamp's falloff, a
# yellowed cover, a colour cast), which moves every pixel and so agrees on no share of them, but keeps the picture's
# fine structure where it was. Each 16 x 16 grey picture's detail: the picture less its Gaussian blur of RELIT_DETAIL
# px, divided by the detail's local strength (the root of its square blurred by RELIT_LOCAL px), so that a gain that
# changes across the picture changes nothing; two pictures' details are compared by correlation. Distinct neighbours'
# correlations depend on the data (clothing and digits share outlines: 99th percentile 0.80-0.93 on the seen sets; photograph tiles
# hardly: 0.21-0.34), so the threshold is learnt: RELIT_QUANTILE of each image's correlations with its 2nd to kth
# embedding neighbours (its first may be its copy), plus the check's ``relit_margin`` of the way from there to 1.
# Made after generator AC's run, whose lamp-lit copies the embedding put nearest their sources but too far to join
# (docs/benchmarks.md, round 17). The margin was chosen on the 108 seen sets of A-AC (seed 0, the benchmark's 64 px
# embedder; copies and sources found / other images flagged, against 6,341 / 709 without the rule): 0.8 6,418 / 762,
# 0.85 6,406 / 729, 0.9 6,388 / 711. Distinct pairs it joined at 0.85 were trousers of one cut and tiles of one stripe
RELIT_DETAIL = 0.7
RELIT_LOCAL = 4.0
RELIT_QUANTILE = 0.99
RELIT_MIN_PAIRS = 1000  # fewer neighbour pairs to learn from (a set of about 110 pictures or fewer): the rule is off


def relit_details(grey: np.ndarray, chunk: int = 65536) -> np.ndarray:
    """N x 256 float32 unit vectors: each 16 x 16 grey picture's locally normalised detail (see ``RELIT_DETAIL``)."""
    from scipy.ndimage import gaussian_filter

    out = np.zeros((len(grey), grey.shape[1] * grey.shape[2]), dtype=np.float32)
    for s in range(0, len(grey), chunk):
        g = grey[s: s + chunk].astype(np.float32) * np.float32(1 / 255)
        hp = g - gaussian_filter(g, (0, RELIT_DETAIL, RELIT_DETAIL), mode="nearest")
        x = (hp / np.sqrt(gaussian_filter(hp * hp, (0, RELIT_LOCAL, RELIT_LOCAL), mode="nearest") + 1e-4)).reshape(len(g), -1)
        x -= x.mean(axis=1, keepdims=True)
        out[s: s + chunk] = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-6)
    return out


# the silhouette rule (Round 33, docs/benchmarks.md): a small picture on a blank ground printed over as a whole (a
# fabric, a gift wrap, a vinyl disc's grooves over a garment or a digit) changes its grey levels and fine structure
# everywhere, and no other rule finds it, but keeps its outline: the pictures' Otsu masks (the grey above each one's
# own Otsu threshold, on the 32 x 32 grey picture of pictures at most 32 px a side) are each other's best match by far.
# A pair joins where the masks are each other's nearest (silhouette_knn), their IoU is at least SILHOUETTE_MIN_IOU and
# exceeds each member's IoU with its next neighbour by at least the margin (the check's ``silhouette_margin``), both
# masks cover at least SILHOUETTE_MIN_AREA of the picture, the grey levels over the masks' union correlate at least
# SILHOUETTE_MIN_CORR, and both pictures' brightest 1% reach SILHOUETTE_MIN_PEAK (two darkened pictures lit by one
# lamp share the lamp's mask). Chosen on the 120 clothing and digit development sets of A-BI (the shipped check's
# flags beside it, simulated on the pictures' 32 x 32 Lanczos grey): margin 0.15 / 0.2 found 188 / 130 more copies
# and sources and flagged 23 / 0 clean pictures more (and 54 / 22 foreign pictures drawn alike, 16 / 8 darkened ones);
# run as shipped (0.2) on those sets: 12,268 -> 12,400 of 14,428 found (digits +124, clothing +8), others 1,122 ->
# 1,154, none of them a clean picture, mean F1 0.8785 -> 0.8831 (docs/benchmarks.md, Round 33)
SILHOUETTE_MIN_IOU = 0.8
SILHOUETTE_MIN_AREA = 0.05
SILHOUETTE_MIN_CORR = 0.6
SILHOUETTE_MIN_PEAK = 0.75


def otsu_masks(grey: np.ndarray, chunk: int = 8192) -> np.ndarray:
    """N x H x W bools: each uint8 grey picture above its own Otsu threshold (the level that best splits its histogram
    in two, by the classes' between variance); none of a flat picture's pixels. ``chunk`` pictures at a time."""
    n = len(grey)
    flat = grey.reshape(n, -1)
    masks = np.zeros(flat.shape, dtype=bool)
    levels = np.arange(256, dtype=np.float64)
    for at in range(0, n, chunk):
        g = flat[at:at + chunk].astype(np.int64)
        m = len(g)
        hist = np.bincount((np.arange(m)[:, None] * 256 + g).ravel(), minlength=m * 256).reshape(m, 256)
        w0 = np.cumsum(hist, axis=1, dtype=np.float64)
        mu = np.cumsum(hist * levels, axis=1)
        w1 = w0[:, -1:] - w0
        with np.errstate(divide="ignore", invalid="ignore"):
            between = w0 * w1 * (mu / w0 - (mu[:, -1:] - mu) / w1) ** 2
        t = np.nan_to_num(between, nan=-1.0, posinf=-1.0).argmax(axis=1)
        masks[at:at + chunk] = (g > t[:, None]) & (g.max(axis=1) > g.min(axis=1))[:, None]
    return masks.reshape(grey.shape)


def silhouettes(stats) -> tuple[np.ndarray, np.ndarray]:
    """(N x 1024 uint8: each small picture's 32 x 32 grey picture, ``grey32``; N x 1024 bools: its Otsu mask,
    :func:`otsu_masks`), zeros and no mask for the others (larger pictures, or statistics from a pass before it)."""
    from ..data import decode_grey32

    if "grey32" not in stats:
        return np.zeros((len(stats), 1024), dtype=np.uint8), np.zeros((len(stats), 1024), dtype=bool)
    grey, ok = decode_grey32(stats["grey32"].to_numpy(object))
    grey = grey.reshape(len(grey), -1)
    masks = np.zeros(grey.shape, dtype=bool)
    if ok.any():
        masks[ok] = otsu_masks(grey[ok])
    return grey, masks


def silhouette_pairs(ctx, margin: float) -> np.ndarray | None:
    """Pairs (i < j) of small pictures with one outline (the silhouette rule, ``SILHOUETTE_*`` above); None where the
    rule does not apply (pictures larger than 32 px, as for the layout rule, or statistics from a pass before
    ``grey32``)."""
    if not layout_used(ctx) or "grey32" not in ctx.get("image_stats"):
        return None
    pairs, _ = mutual_pairs(ctx, "silhouette_knn")
    if not len(pairs):
        return pairs
    idx, _ = ctx.get("silhouette_knn")
    grey, masks = ctx.get("silhouettes")

    def iou(a, b):
        inter = (masks[a] & masks[b]).sum(axis=1)
        union = (masks[a] | masks[b]).sum(axis=1)
        return np.where((a >= 0) & (b >= 0), inter / np.maximum(union, 1), 0.0)

    i, j = pairs[:, 0], pairs[:, 1]
    second = idx[:, 1] if idx.shape[1] > 1 else np.full(ctx.n, -1)
    own = iou(i, j)
    next_best = np.maximum(iou(i, second[i]), iou(j, second[j]))  # 0 where a member has no next neighbour
    area = masks.sum(axis=1) / masks.shape[1]
    peak = ctx.get("image_stats")["brightness_p99"].to_numpy(float)
    keep = ((own >= SILHOUETTE_MIN_IOU) & (own - next_best >= margin) & (np.minimum(area[i], area[j]) >= SILHOUETTE_MIN_AREA)
            & (np.minimum(peak[i], peak[j]) >= SILHOUETTE_MIN_PEAK))
    pairs = pairs[keep]
    corr = np.zeros(len(pairs))
    for k, (a, b) in enumerate(pairs):
        u = masks[a] | masks[b]
        x, y = grey[a, u].astype(np.float64), grey[b, u].astype(np.float64)
        if x.std() > 0 and y.std() > 0:
            corr[k] = float(np.corrcoef(x, y)[0, 1])
    return pairs[corr >= SILHOUETTE_MIN_CORR].astype(np.int64)


def relit_pairs(ctx, margin: float, inputs=None, chunk: int = 65536) -> tuple[np.ndarray, np.ndarray, float | None]:
    """(pairs i < j, correlation, the threshold learnt; None where too few pairs to learn it): embedding neighbours
    (``knn``) whose 16 x 16 grey pictures have the same fine structure (:func:`relit_details`), correlated above
    ``RELIT_QUANTILE`` of what distinct neighbours of this data correlate at plus ``margin`` of the way to 1: the same
    picture lit, tinted or faded differently across the whole of it. Both need a grey range of
    ``PARTIAL_MIN_RANGE`` levels; pairs inside one exact group are left to ``exact_duplicate``. ``inputs``:
    :func:`grey16_inputs`, where already computed."""
    empty = np.zeros((0, 2), dtype=np.int64), np.zeros(0), None
    inputs = grey16_inputs(ctx) if inputs is None else inputs
    if inputs is None:
        return empty
    idx, grey, _, _, _, eligible = inputs
    n = len(grey)
    pairs = _eligible_pairs(np.unique(_neighbour_codes(idx, n)), n, eligible)
    # the null: each image and its 2nd to kth neighbours (its first may be its copy)
    null = np.isin(pairs[:, 0] * n + pairs[:, 1], _neighbour_codes(idx[:, 1:], n))
    if int(null.sum()) < RELIT_MIN_PAIRS:
        return empty
    det = relit_details(grey)
    c = np.empty(len(pairs))
    for s in range(0, len(pairs), chunk):
        c[s: s + chunk] = np.einsum("ij,ij->i", det[pairs[s: s + chunk, 0]], det[pairs[s: s + chunk, 1]])
    q = float(np.quantile(c[null], RELIT_QUANTILE))
    threshold = q + margin * (1.0 - q)
    ex = ctx.get("duplicates").exact_id
    hit = (c >= threshold) & ((ex[pairs[:, 0]] < 0) | (ex[pairs[:, 0]] != ex[pairs[:, 1]]))
    return pairs[hit], c[hit], threshold


def near_sets(ctx, emb_threshold: float, hash_threshold: int | None, usable: np.ndarray | None = None, *,
              learnt: dict | None = None, partial: np.ndarray | None = None) -> list[np.ndarray]:
    """Near-duplicate sets: components of near edges (between ``usable`` examples, when given), exact
    groups collapsed into one node. ``learnt``: the ratio rules' thresholds as the calibration gives them
    (``findings["near_duplicate"]["calibration"]``): ``ratio_threshold`` for the embedding's mutual neighbours,
    ``spectrum_threshold`` for :func:`spectrum_pairs` (and ``spectrum_hash_threshold`` perceptual-hash bits, where
    given), ``layout_threshold`` for :func:`layout_pairs`; a rule missing or None is off. ``partial``: further
    pairs (:func:`partial_pairs`)."""
    learnt = learnt or {}
    ratio_threshold = learnt.get("ratio_threshold")
    spectrum_threshold, spectrum_hash_threshold = learnt.get("spectrum_threshold"), learnt.get("spectrum_hash_threshold")
    layout_threshold = learnt.get("layout_threshold")
    dup = ctx.get("duplicates")
    ratio = pair_ratios(ctx) if ratio_threshold is not None else None
    edges = near_edges(dup, emb_threshold, hash_threshold, pair_hash_bits(ctx, dup), ratio, ratio_threshold)
    if partial is not None and len(partial):
        edges = np.concatenate([edges.reshape(-1, 2), partial.reshape(-1, 2)]).astype(np.int64)
    if spectrum_threshold is not None:
        pairs, r = spectrum_pairs(ctx)
        pairs = pairs[r <= spectrum_threshold]
        if spectrum_hash_threshold is not None:
            pairs = pairs[spectrum_hash_bits(ctx, pairs) <= spectrum_hash_threshold]
        edges = np.concatenate([edges.reshape(-1, 2), pairs]).astype(np.int64)
    if layout_threshold is not None:
        pairs, r = layout_pairs(ctx)
        edges = np.concatenate([edges.reshape(-1, 2), pairs[r <= layout_threshold]]).astype(np.int64)
    if usable is not None and len(edges):
        edges = edges[usable[edges[:, 0]] & usable[edges[:, 1]]]
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


def turned_notes(ctx, pairs: np.ndarray | None, turns: np.ndarray | None) -> dict[int, str]:
    """For the details of each example matched to another mirrored or turned (``partial_pairs``'s pairs found under a
    turn), what the others are: {example: "; <id> is the same picture mirrored..."}, at most three an example. Built
    once for the check, not searched again for each member of a set."""
    notes: dict[int, list[str]] = {}
    if pairs is None or not len(pairs):
        return {}
    for (a, b), k in zip(pairs[turns > 0].tolist(), turns[turns > 0].tolist()):
        for me, other in ((a, b), (b, a)):
            notes.setdefault(me, []).append(f"{ctx.dataset.ids[other]} is the same picture {TURNS[k][0]}")
    return {i: "; " + "; ".join(v[:3]) for i, v in notes.items()}
