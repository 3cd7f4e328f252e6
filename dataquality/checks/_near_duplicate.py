from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..modalities import get_modality
from ._base import Check, CheckResult, register_check
from ._calibration import NEAR_TARGET_PRECISION
from ._groups import (
    DETAIL_RATIO,
    NEAR_TEXT,
    PARTIAL_BOX,
    PARTIAL_HALF,
    SILHOUETTE_MIN_IOU,
    describe,
    detail_rule_pairs,
    grey16_inputs,
    near_sets,
    near_thresholds,
    partial_pairs,
    partial_threshold_for,
    relit_pairs,
    silhouette_pairs,
    turned_notes,
    with_content,
)
from ._words import calibration_sentence

# Tables (``tabular_threshold=None``, the encoding of the ``tabular`` embedder): two rows are near duplicates when
# every encoded column agrees within a tolerance in units of that column's robust spread (IQR / 1.349; a category
# differing is 1 apart), i.e. Chebyshev distance between the encoded rows. The tolerance is the smaller of
# TABULAR_TOLERANCE and the distance below which this data's own nearest neighbours would put TABULAR_CHANCE_ROWS
# rows by chance (``tabular_tolerance``). The fixed cosine distance 0.001 it replaces joined ordinary neighbours
# of a dense 1-2 dimensional table: 99 of 100 rows of one normal column, 21 of 100 with two.
# 5% of a column's spread: rounding an age in years (sd 15) to the year is 0.03; a 0.1% relative noise on
# breast-cancer's columns (mean up to 9x the sd) up to about 0.03 over 30 columns.
TABULAR_TOLERANCE = 0.05
TABULAR_CHANCE_ROWS = 0.5  # rows expected within the tolerance of another by chance, on clean data


@register_check
@dataclass
class NearDuplicateCheck(Check):
    """Near-identical examples: embedding neighbours closer than ``threshold`` (cosine distance),
    or images whose perceptual hashes differ in at most ``hash_threshold`` bits.

    For images both default to ``None``: learnt from the data. Near copies of a sample of its own
    images (crop, shift, rotation, brightness, contrast, gamma, JPEG, another size, an overlay)
    are compared with their sources, the real images with their closest neighbours, and each
    threshold is the one with the highest recall on the copies whose estimated precision reaches
    ``target_precision`` (``findings["near_duplicate"]["calibration"]``); the embedding threshold's
    precision is also bounded by a clean model of each image's nearest-neighbour distance given its second
    one (``_calibration.clean_first_neighbour``), so that textures crowded with distinct look-alikes
    (brick, gravel, text) are not taken for copies. A third learnt rule catches
    what both miss on small images (1-2 px shifts, crops, rotations of 28-32 px pictures): two images
    each other's nearest neighbour, at most ``ratio_threshold`` times as far apart as either is from
    its next neighbour (Lowe's ratio test); its false alarms are estimated from the ratio's
    distribution among distinct images (``_calibration.calibrate_ratio``). It is learnt only where most
    images are at most 32 px a side, as the layout rule below, unless ``ratio_on_large``: on larger pictures
    distinct pictures alike in what they show (two drawings of one animal, two tiles of one sky, two rooms lit
    by one lamp) are each other's nearest by far, which its clean model does not expect. A fourth does the same
    ratio test between the images' spectrum descriptors (magnitudes of the low DFT frequencies of the
    32 x 32 grey image, which a 1-2 px shift hardly changes: ``_groups.spectrum_pairs``), with its own
    ``spectrum_threshold`` learnt on the copies the other three leave; where most images are larger
    than 32 px a side its pairs must also be within ``spectrum_hash_threshold`` perceptual-hash bits,
    learnt with it (``_groups.spectrum_gated``: there the descriptor's blindness to position only joins
    distinct pictures, one region at two zooms, one object at two places). Where most images are at most
    32 px a side, a fifth does the same ratio test between the images' 16 x 16 grey pictures less their
    mean (``_groups.layout_pairs``), with its own ``layout_threshold`` learnt on the copies the others
    leave: a picture printed on a textured ground (its contrast halved, tinted, a grain on every pixel)
    moves far in an embedding that sees the grain, while its layout stays. A threshold given by
    the user wins; with too few images, an embedder fitted on the data (``pixels``) or
    ``calibrate=False`` the fixed defaults of ``_groups.py`` are used. A sixth rule, for images, joins
    neighbours that are the same picture but for a part (a caption, a logo, a drawn mark, a retouched
    patch, a shadow), as they are or with one mirrored or turned (``_groups.TURNS``), among the embedding's and the
    spectrum descriptors' neighbours and the pictures sharing unchanged blocks: at least
    ``partial_threshold`` of the pixels with detail of their 16 x 16 grey pictures equal (less where distinct
    neighbours of this data agree on little: ``partial_margin`` above what they agree on, at least
    ``_groups.PARTIAL_FLOOR``; ``findings["partial_threshold"]`` is the share used), or, as they are,
    ``_groups.PARTIAL_HALF`` of those of one half of the picture (the other half replaced or covered: a picture
    half under water, a passer-by), or ``_groups.PARTIAL_BOX`` of those outside a box of about a quarter of the picture
    anywhere (an object laid on it with its shadow), or, for a grey picture and a copy with colour on it (a red pen's
    marks, stickers, paint run down it), ``partial_threshold`` of those in the cells of a 16 x 16 grid where neither
    has colour (``_groups.partial_pairs``; ``None`` turns it off). A seventh joins
    embedding neighbours that are the same picture lit, tinted or faded differently all over (a lamp's falloff, a
    yellowed cover), which changes every pixel: the locally normalised fine structure of their 16 x 16 grey pictures
    correlates above what distinct neighbours of this data reach (their 99th percentile) plus ``relit_margin`` of the
    way from there to 1 (``_groups.relit_pairs``; ``findings["relit_threshold"]``; ``None`` turns it off). For pictures
    of at most 32 px an eighth joins pictures printed over as a whole by their outlines (``silhouette_margin``,
    ``_groups.silhouette_pairs``); for larger ones a ninth joins them by that same fine structure, searched over all
    the pictures and not only among embedding neighbours: each other's nearest by it, at most ``detail_ratio`` times as
    far apart as either is from its next one (``_groups.detail_pairs``; ``findings["detail_pairs"]``; ``None`` turns
    it off). Pairs that are exact duplicates are not reported again here.

    Tables (``tabular_threshold=None``, the default): rows whose every column agrees within a tolerance of its spread
    and whose categories are equal, the tolerance learnt from how densely the table's own rows lie
    (:func:`tabular_pairs`); a number given as ``tabular_threshold`` is a cosine distance, as for text.
    """

    name = "near_duplicate"
    axis = "representativeness"
    forms_sets = True
    # a near copy of an ordinary example is reported as a copy, not also as an outlier; a set whose every member is an
    # outlier (foreign pictures that copy each other) stays (audit: _explaining)
    explains = frozenset({"outlier"})
    requires = frozenset({"duplicates"})
    waits_for = frozenset({"synthetic_copies"})  # where it calibrates (images), planned by `blurry`
    threshold: float | None = None  # images; fixed fallbacks and their reasons: see _groups.py
    hash_threshold: int | None = None
    text_threshold: float = NEAR_TEXT
    # tables: None, the rule of ``tabular_pairs`` (every column within a tolerance learnt from the data's dimension
    # and spread); a number, cosine distance as for text (the old default, NEAR_TABULAR, flooded dense tables)
    tabular_threshold: float | None = None
    tabular_tolerance: float = TABULAR_TOLERANCE
    calibrate: bool = True
    target_precision: float = NEAR_TARGET_PRECISION
    # drop_loose_hash: where the embedding and hash rules together miss target_precision by the copies' estimate and
    # the embedding alone reaches it, the hash rule is dropped (calibrate_near(drop_hash=True); the calibration's
    # "hash_dropped" says so). Made after generator BU's run, whose Fashion-MNIST had 24 pairs of distinct look-alike
    # garments (plain trainers, ankle boots, jumpers) within the 2 hash bits learnt there, the pair's estimated
    # precision 0.81 against the 0.9 aimed at. Chosen on development sets only (seed 0, near_duplicate alone, 160 px):
    # the 50 digit and clothing sets of AV-BT found 5,274 -> 5,276 of 6,000, others 478 -> 465 (unplanted 214 -> 202),
    # mean F1 0.8968 -> 0.8980: 4 sets changed, all up (mnist_bk, mnist_bm, mnist_bp, mnist_bs), none down; 30 of the
    # tile sets (every fifth of A-BT, 36-329 px) unchanged. BU's Fashion-MNIST after its run: F1 0.777 -> 0.932
    drop_loose_hash: bool = True
    # ratio_on_large: the neighbour-ratio rule is also learnt where most pictures are larger than 32 px a side (off:
    # only on the small pictures it was made for, as the layout rule). Made after generators BU's and BV's runs (BU's
    # JPEG tiles: 12 others, 2 without it). Development data (seed 0, near_duplicate alone, 160 px): on the 38 JPEG
    # tile sets of 73-160 px of I-BV it found no copy that the other rules missed and flagged about 76 others (two
    # drawings of one foreign animal, two pictures darkened round one lamp, tiles of one sky); off, found 744 -> 748
    # of 842, others 127 -> 53, mean F1 0.868 -> 0.908 (19 sets up, photos79_bg_jpeg down by 2 others). The other 74
    # tile sets (36-288 px, A-AT): 1,320 -> 1,316 of 1,484, others 168 -> 86, F1 0.888 -> 0.906 (22 up; photos64
    # down, 72 -> 68 found). The 28 px digit and clothing sets keep it (the 20 of BM-BV with it off: the same 2,102
    # found and 153 others, 2 sets up and 2 down by one image)
    ratio_on_large: bool = False
    min_contrast: float = 0.05  # images: flatter ones are low_information's (see _groups.with_content)
    partial_threshold: float | None = 0.6  # images; how it was chosen: see _groups.py, PARTIAL_*
    # the share is lowered where distinct neighbours agree on little: see _groups.partial_threshold_for (None: the
    # fixed partial_threshold)
    partial_margin: float | None = 0.1
    # images: the same picture lit or tinted differently all over (see _groups.relit_pairs; None turns it off)
    relit_margin: float | None = 0.9
    # images of at most 32 px: a picture printed over as a whole keeps its outline (see _groups.silhouette_pairs; its
    # IoU over each member's next best by this much; None turns it off)
    silhouette_margin: float | None = 0.2
    # images larger than 32 px: a picture printed over as a whole keeps the local detail of its 16 x 16 grey picture
    # (see _groups.detail_pairs; mutual nearest by it at most this times as far apart as either is from its next
    # neighbour; None turns it off). A fixed ratio, not learnt on the copies as the layout rule's is: see DETAIL_RATIO
    detail_ratio: float | None = DETAIL_RATIO

    def __post_init__(self):
        from .._errors import DataQualityError

        for name in ("partial_margin", "relit_margin", "silhouette_margin", "detail_ratio"):
            v = getattr(self, name)
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v < 1):
                raise DataQualityError(f"Expected near_duplicate's {name} to be None or a number in [0, 1) "
                                       f"but got {v!r}. None turns the learnt rule off.")

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        out = []
        if findings.get("near_duplicate_sets"):
            out.append(f"{findings['near_duplicate_sets']} set(s) of near duplicates.")
        c = findings.get("calibration") or {}
        if c:
            t = c.get("threshold")
            value = f"cosine distance <= {float(t):.4g}" if t is not None else "?"
            if "hash_threshold" in c:
                b = c.get("hash_threshold")
                value += ", perceptual hash unused" if b is None else f" or perceptual hash within {b} bits"
                dropped = c.get("hash_dropped")
                if dropped:
                    value += (f" (its {dropped['hash_threshold']} bits would have joined distinct look-alikes: estimated "
                              f"precision {float(dropped['estimated_precision_with_it']):.0%} with them)")
            if c.get("ratio_threshold") is not None:
                value += (f" or each other's nearest neighbours at <= {float(c['ratio_threshold']):.3g} x the distance"
                          " to the next one")
            if c.get("spectrum_threshold") is not None:
                value += (f" or so by their DFT magnitudes, at <= {float(c['spectrum_threshold']):.3g} x"
                          " (shift-blind)")
                if c.get("spectrum_hash_threshold") is not None:
                    value += f" and within {int(c['spectrum_hash_threshold'])} hash bits"
            if c.get("layout_threshold") is not None:
                value += (f" or so by their 16 x 16 grey pictures less their mean, at <= "
                          f"{float(c['layout_threshold']):.3g} x (a picture printed on a texture)")
            out.append(calibration_sentence("Near-duplicate thresholds", c, value))
        if findings.get("tabular_tolerance") is not None:
            t = findings["tabular_tolerance"]
            out.append(f"Rows whose every column agrees within {t:.3g} of that column's spread (IQR / 1.349; the "
                       "same categories) are near duplicates: at most "
                       f"{TABULAR_TOLERANCE:g}, less where this table's rows are so densely packed that ordinary "
                       f"neighbours would be that close ({findings.get('tabular_pairs', 0)} pair(s)).")
        if findings.get("partial_threshold") is not None:
            out.append(f"Images equal in at least {findings['partial_threshold']:.0%} of their detailed pixels "
                       f"(a local edit of one picture, a mirror image or a turned copy), or in {PARTIAL_HALF:.0%} of "
                       f"those of one half of the picture (the other half replaced), or in {PARTIAL_BOX:.0%} of those "
                       "outside a part of about a quarter of it (an object laid on it), or a grey picture and a copy "
                       "painted on in colour equal where neither has colour, are near duplicates too: "
                       f"{findings.get('partial_pairs', 0)} "
                       "pair(s).")
        if findings.get("relit_threshold") is not None:
            out.append(f"Neighbours whose fine structure correlates at {findings['relit_threshold']:.3f} or more (learnt: "
                       "above what distinct neighbours of this data reach), the same picture lit, tinted or faded "
                       f"differently all over, are near duplicates too: {findings.get('relit_pairs', 0)} pair(s).")
        if findings.get("silhouette_margin") is not None:
            out.append("Small pictures whose outlines (grey above each one's Otsu threshold) are each other's best match, "
                       f"at an overlap of {SILHOUETTE_MIN_IOU:.0%} or more and {findings['silhouette_margin']:.0%} "
                       "above either one's next best (a picture printed over as a whole), are near duplicates too: "
                       f"{findings.get('silhouette_pairs', 0)} pair(s).")
        if findings.get("detail_ratio") is not None:
            out.append("Pictures each other's nearest by the local detail of their 16 x 16 grey pictures, at most "
                       f"{findings['detail_ratio']:.2g} x as far apart as either is from its next one (a picture printed "
                       f"over as a whole), are near duplicates too: {findings.get('detail_pairs', 0)} pair(s).")
        return out

    def run(self, ctx) -> CheckResult:
        threshold, hash_t, calibration = near_thresholds(self, ctx)
        partial = self.partial_threshold if get_modality(ctx.modality).has_pixels else None
        grey = grey16_inputs(ctx) if partial is not None else None  # decoded once for both
        if partial is not None and self.partial_margin is not None:
            partial = partial_threshold_for(ctx, partial, self.partial_margin, inputs=grey)
        partial_edges, _, partial_turns = (partial_pairs(ctx, partial, inputs=grey) if partial is not None
                                           else (None, None, None))
        relit_edges, relit_t = None, None
        if self.relit_margin is not None and get_modality(ctx.modality).has_pixels:
            grey = grey16_inputs(ctx) if grey is None else grey
            relit_edges, _, relit_t = relit_pairs(ctx, self.relit_margin, inputs=grey)
        silhouette_edges = None
        if self.silhouette_margin is not None and get_modality(ctx.modality).has_pixels:
            silhouette_edges = silhouette_pairs(ctx, self.silhouette_margin)
        detail_edges = None
        if self.detail_ratio is not None and get_modality(ctx.modality).has_pixels:
            detail_edges = detail_rule_pairs(ctx, self.detail_ratio)
        extra = [e for e in (partial_edges, relit_edges, silhouette_edges, detail_edges) if e is not None and len(e)]
        table = None  # tables by their columns: (pair distances, tolerance, chance tolerance)
        if by_columns(self, ctx):
            pairs, table_d, tol, chance = tabular_pairs(ctx, self.tabular_tolerance)
            table, threshold = (pairs, table_d, tol, chance), -1.0  # no cosine edges
            if len(pairs):
                extra.append(pairs)
        sets = near_sets(ctx, threshold, hash_t, with_content(ctx, self.min_contrast), learnt=calibration,
                         partial=np.concatenate(extra) if extra else None)
        dup = ctx.get("duplicates")
        d = np.full(ctx.n, np.inf)  # each example's closest candidate pair (nan distances ignored)
        e = np.nan_to_num(dup.near_emb_dist, nan=np.inf)
        scale = max(threshold * 2, 1e-9)
        if table is not None:  # distances in column spreads, scored against the tolerance
            e, scale = table[1], max(table[2], 1e-12) * 2
            np.minimum.at(d, table[0][:, 0], e)
            np.minimum.at(d, table[0][:, 1], e)
        elif len(dup.near_pairs):
            np.minimum.at(d, dup.near_pairs[:, 0], e)
            np.minimum.at(d, dup.near_pairs[:, 1], e)
        turned = turned_notes(ctx, partial_edges, partial_turns)
        idx, sc, det, grp = [], [], [], []
        for gi, g in enumerate(sets):
            for i in g:
                idx.append(i)
                grp.append(f"near-{gi}")
                dist = d[i]
                sc.append(1.0 - min(1.0, (dist if np.isfinite(dist) else 0.0) / scale))
                det.append(describe(ctx, g, i, f"near set {gi}") + turned.get(int(i), ""))
        findings = {"near_duplicate_sets": len(sets), **({"calibration": calibration} if calibration else {})}
        if table is not None:
            findings.update(tabular_tolerance=float(table[2]), tabular_pairs=int(len(table[0])),
                            **({} if table[3] is None else {"tabular_chance_tolerance": float(table[3])}))
        if partial is not None:
            findings.update(partial_threshold=partial, partial_pairs=int(len(partial_edges)))
        if relit_t is not None:
            findings.update(relit_threshold=relit_t, relit_pairs=int(len(relit_edges)))
        if silhouette_edges is not None:
            findings.update(silhouette_margin=self.silhouette_margin, silhouette_pairs=int(len(silhouette_edges)))
        if detail_edges is not None:
            findings.update(detail_ratio=self.detail_ratio, detail_pairs=int(len(detail_edges)))
        return CheckResult.from_lists(idx, np.clip(sc, 0.5, 1.0), det, findings, grp)


def by_columns(check, ctx) -> bool:
    """Whether ``check`` judges this table's rows by their columns (:func:`tabular_pairs`): a table encoded by the
    ``tabular`` embedder and no cosine ``tabular_threshold`` given."""
    return (ctx.modality == "tabular" and check.tabular_threshold is None
            and getattr(ctx.embedder, "name", None) == "tabular")


def tabular_tolerance(nearest: np.ndarray, n: int, max_dim: int, cap: float = TABULAR_TOLERANCE,
                      chance_rows: float = TABULAR_CHANCE_ROWS) -> tuple[float, float | None]:
    """(tolerance, the chance tolerance or None) for :func:`tabular_pairs`, from each row's Chebyshev distance to
    its nearest candidate (``nearest``, > 0 where finite).

    Rows of a continuous distribution in D dimensions have a nearest neighbour within r with probability
    F(r) = 1 - exp(-c r^D) (locally uniform density); D and c are fitted (least squares, log -log(1 - F) on log r)
    to this data's 10th-50th percentiles of ``nearest`` (a few planted copies below the 10th do not move them),
    D at most ``max_dim`` (the number columns that step by less than ``cap``: categories, and coarsely stepped
    numbers, add no continuous dimension at that scale), and the chance tolerance is
    the r where n F(r) = ``chance_rows``. A densely filled 1-2 dimensional table gets a tolerance of 1e-5 to 1e-2 of
    its spread (100-200 rows), one of 3 or more columns the cap. Fitted freely, D came out 0.7-1.5 on 100 draws
    of one normal column (five seeds), and 1.5 let a pair 2.7e-4 apart through: hence the cap.
    """
    r = np.sort(nearest[np.isfinite(nearest) & (nearest > 0)])
    if len(r) < 5 or max_dim < 1:
        return cap, None
    q = np.linspace(0.1, 0.5, 9)
    lr, lh = np.log(np.quantile(r, q)), np.log(-np.log1p(-q))
    if np.ptp(lr) <= 0:
        return cap, None
    dim, icpt = np.polyfit(lr, lh, 1)  # log H = D log r + log c
    dim = float(np.clip(dim, 0.25, max_dim))
    icpt = float(np.mean(lh - dim * lr))  # refitted under the clipped slope
    chance = float(np.exp((np.log(chance_rows / n) - icpt) / dim))
    return min(cap, chance), chance


def tabular_pairs(ctx, cap: float = TABULAR_TOLERANCE, chance_rows: float = TABULAR_CHANCE_ROWS):
    """(pairs, their Chebyshev distances, tolerance, chance tolerance or None): candidate pairs of rows (the
    neighbour graph's) that agree on every column of the table's encoding within the tolerance
    (:func:`tabular_tolerance`), in units of the column's robust spread; rows differing in a category are 1 apart."""
    pairs, dist, nearest, steps = ctx.get("table_pairs")
    if len(pairs) == 0 or ctx.get("table_columns")[1].shape[1] == 0:
        return pairs, np.zeros(0), cap, None
    # a number column whose values step by more than the cap (whole years of age, a 0/1 column) is a category at
    # the tolerance's scale and adds no dimension: counted, a yes/no column beside three rounded ones let D reach 4
    # and the tolerance 0.05, joining 4 of 200 rows that differ by 0.5-0.7 of an income's unit
    fine = int((steps < cap).sum())
    max_dim = max(1, fine) if len(steps) else 0
    valid = np.asarray(ctx.valid, dtype=bool)
    tol, chance = tabular_tolerance(nearest[valid], int(valid.sum()), max_dim, cap, chance_rows)
    keep = dist <= tol
    return pairs[keep], dist[keep], tol, chance
