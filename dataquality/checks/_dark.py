from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check
from ._image_stats import readable_stats


@register_check
@dataclass
class DarkCheck(Check):
    """Dark images: no bright pixels at all (the 99th percentile of perceived brightness below
    ``threshold``), or dim for what they show (``relative``).

    Dim for what they show: the brightest pixels below ``dim_below`` (nothing brighter than mid-grey),
    and both the 99th percentile and the mean brightness below ``relative`` times those of the image's
    look-alikes: its ``k`` nearest images by mean-centred 4x4 grey layout, a likeness that dimming does not
    change, and, where the data has labels, also those of its own class (the larger of the two ratios is
    taken, as ``blurry`` does). An under-exposed photograph keeps highlights at 0.3-0.5, above any fixed
    threshold that spares naturally dark pictures; against pictures laid out like it, it is dim. Both the
    peak and the mean must be low: a blurred thin stroke loses its peak but not its mean, a flat grey image
    its contrast but not its mean. ``relative=None``: the fixed threshold alone.

    Dark but for a few lights (``lit_below``): once its brightest 5% are set aside, nothing at ``lit_rest`` times
    ``threshold`` or brighter (the 95th percentile below it; a light's glow round it reaches past the brightest 5%),
    and the pixels lit above its black floor at a lower-quartile brightness under ``lit_below`` (``brightness_lit``,
    data/_stats.py: ``lit_brightness``). A night scene darkened to near black keeps its lamps, a lightning flash,
    lit snowflakes or a string of lights bright enough for the 99th percentile; what it shows besides is black. A
    digit or a garment on a black ground is measured on its strokes or its cloth, a black garment's cloth is lit at
    0.1-0.3. Where the rest stays under ``threshold`` itself, the lit pixels' lower quartile may reach ``glow_below``
    (a fire or a furnace mouth lights the scene round it faintly all over; ``None``: ``lit_below`` alone). Where
    look-alikes can be found (``relative`` set) the lit brightness must also be under ``relative``
    times theirs, as for the dim rule: in a dataset of pictures that are all black but for a few lights (stars,
    galaxies, fluorescence) none is dark for being so.
    ``lit_below=None``: off.

    Dark but for a light at the frame's edge (``edge_lights``): a picture of something on a black ground with a
    compact light at the side of the frame (a lamp, a softbox, a lit floor; larger than the brightest 5% the lit rule
    sets aside), or a compact coloured light anywhere in it (a screen, a display's digits, a machine's lit panel; a
    white print on a dark garment is what the picture shows, not a light), is judged on what is left once the light is
    set aside, by the dim rule's test against look-alikes laid out as it is without the light, with nothing left at
    ``threshold`` or brighter (``_edge_lights``). ``edge_lights=False``: off.

    A batch darkened alike (``exclude_suspects``, with labels): pictures darkened the same way share a dark layout and
    are each other's look-alikes; those their class finds dim are judged by layout again against the images their
    class does not find so (``_without_dark_lookalikes``). ``exclude_suspects=False``: off.
    """

    name = "dark"
    axis = "representativeness"
    explains = frozenset({"outlier"})  # the cause, where outlier would only say "far from the rest"
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})
    # threshold 0.3 (was 0.25), after generator R's one run (2026-12-04): R's grainy night shots of digits keep their
    # brightest 1% at 0.21-0.30 and their grain lifts the black ground, so they are not dim against their look-alikes'
    # mean either. On all 64 development sets of A-R (seed 0, dark alone, the pixels embedder) 0.25 -> 0.3 found
    # 1266 -> 1283 of 1444 darkened pictures and flagged 88 -> 94 others: 11 sets up (mnist_r 0.667 -> 0.788,
    # photos172_q 0.333 -> 0.571, photos136_i 0.857 -> 0.933, fashion_test_h 0.872 -> 0.900), 5 down by one image each
    # (the tuning sets digits 0.973 -> 0.960 and Fashion-MNIST 0.930 -> 0.923, B's fashion_test, mnist, photos64);
    # CleanVision's own rule is its brightest 1% below 0.32. 0.32 found 2 more and flagged 11 more. Measured held out
    # on generator S (docs/benchmarks.md)
    threshold: float = 0.3
    # relative / dim_below: dev data, not held out. Generator G's (seen) dimmed pictures kept their highlights at
    # 0.3-0.5 and the fixed 0.25 found 50-75% of them. One run of the rule at several factors
    # (benchmarks/detection.py's planted sets, seed 0, dark F1 before -> at 0.45):
    # generator A's tuning sets digits 0.973 -> 0.973, Fashion-MNIST 0.945 -> 0.930; generator B's (seen)
    # fashion_test 0.962 -> 0.943, mnist 0.974 -> 0.974, photos64 / photos128 unchanged (0.952 / 0.957);
    # generator G's fashion_test_g 0.824 -> 0.854, mnist_g 0.667 -> 0.889, photos72_g 0.818 -> 0.870,
    # photos144_g 0.833 -> 1.000. 0.5 gained on G's mnist and photographs and lost on the clothing sets, 0.6
    # more so. A threshold learnt from darkened copies (as ``blurry``'s) went up to 0.5-0.83, and without a cap
    # flagged blurred and flat images (mnist 0.974 -> 0.920); with the ``dim_below`` cap it did no better than
    # 0.45 and costs a third set of copies. At 0.45 the cap does not bind (a peak under 0.45x its look-alikes'
    # is under 0.45); it keeps a larger ``relative`` off blurred strokes and bright flat images. The held-out
    # measurement is generator H's (docs/benchmarks.md)
    relative: float | None = 0.45
    dim_below: float = 0.5
    k: int = 10
    # lit_below: dev data, not held out. Generators G-S's darkened pictures with light sources in the frame kept
    # their brightest 1% at 0.3-1.0 (Q's lightning 0 / 33 and lit snow 5 / 30 found, R's strip lights 0 / 30). On
    # the 71 development sets of A-S (seed 0, the pixels embedder) the rule at 0.03 / 0.04 / 0.05 / 0.06 found
    # 44 / 70 / 93 / 103 more of the 1,538 darkened pictures (1,354 before) and flagged 0 / 0 / 1 / 7 more others (a
    # black garment first): 15 sets up at 0.05 (mnist_q 0.431 -> 0.904, fashion_test_q 0.377 -> 0.897, mnist_n
    # 0.824 -> 1.000, photos110_q_jpeg 0.500 -> 1.000), fashion_test_f one garment down. Measured on each image's
    # own pixels first, without the 95th-percentile condition it flagged 6 / 35 / 53 others at 0.03 / 0.04 / 0.05:
    # digits and clothing on a faintly textured or noisy ground, whose ground was their lit median. Held out:
    # generator T (docs/benchmarks.md). Since 2026-12-06 the lit brightness is the lit pixels' lower quartile, not their
    # median (data/_stats.py: LIT_QUANTILE): the glow round a lamp standing in the picture raised the median
    lit_below: float | None = 0.05
    # lit_rest: the level the lit rule's rest (the picture but its brightest 5%) must stay under, in multiples of
    # ``threshold``; the threshold itself (1) until Round 30 (docs/benchmarks.md). A light that lights the scene
    # round it (AZ's fibre-optic lamp, AY's laser cutter, AX's tram windows) spreads over more than the brightest
    # 5%, and its glow keeps the 95th percentile at 0.3-0.45 while the lit pixels' lower quartile stays under 0.05.
    # Development data (the 196 sets of A-AZ, seed 0, dark alone, 160 px), the rest under 0.3 / 0.32 / 0.34 / 0.36 /
    # 0.38 / 0.41 / 0.45 (at the threshold 0.3): found 3,941 / 3,969 / 4,006 / 4,023 / 4,035 / 4,047 / 4,060 of
    # 4,503, others 360 / 374 / 385 / 398 / 439 / 504 / 626, mean F1 0.895 / 0.898 / 0.902 / 0.903 / 0.901 / 0.895 /
    # 0.882. Above 0.36 the others are mostly blurred digits and garments, whose halo lies under 0.05
    lit_rest: float = 1.2
    # glow_below: where the rest stays under ``threshold`` itself, the lit pixels' lower quartile may reach this level,
    # not only ``lit_below``: a fire or a furnace mouth lights the scene round it faintly all over (BA's glory hole,
    # 22 of 29 on its held-out run; its lit quartile 0.05-0.07, its rest 0.20-0.23), while a dark garment lit at that
    # level keeps its cloth's highlights past 0.28 (docs/benchmarks.md Round 31). Development data (the 200 sets of
    # A-BA, seed 0, dark alone, 160 px), the lit quartile's limit with no condition on the rest 0.05 (before) / 0.055
    # / 0.06 / 0.07: found 4,102 / 4,147 / 4,184 / 4,253 of 4,592, others 403 / 466 / 513 / 585: the clothing sets'
    # others, dark garments, rose most (their rest's median 0.30 among the new others, 0.23 among the new finds). With
    # the rest under the threshold, up to 0.065 / 0.07: found 4,216 / 4,234, others 456 / 470, mean F1 0.903 -> 0.918
    # / 0.919; at 0.065 digits +49 found and no other more, clothing +47 / +32, tiles +18 / +21
    glow_below: float | None = 0.065
    # edge_lights: dev data, not held out. Generator AQ's darkened pictures lit by a softbox or a lit dance floor at the
    # side of the frame (0 / 30 and 0 / 32 found) kept a light of more than the lit rule's brightest 5%. Measured on the
    # 164 development sets of A-AQ (seed 0, docs/benchmarks.md Round 27): found 3,131 -> 3,250 of 3,700 darkened
    # pictures, others flagged 215 -> 300, mean F1 0.886 -> 0.896 (MNIST sets up with no other flagged, clothing sets
    # 1-5 dark garments more each; photograph tiles, with no black ground, are left out of the rule). Since Round 28 a
    # compact coloured light inside the frame counts too (data/_stats.py: EDGE_COLOUR_CHROMA): on the 176 development
    # sets of A-AT, found 3,466 -> 3,546 of 3,969, others 316 -> 316, mean F1 0.896 -> 0.907; lights anywhere whatever
    # their colour found 3,585 but flagged 703 others (dark garments with a white print or trim)
    edge_lights: bool = True
    # exclude_suspects (where there are labels): the dim and edge-lights rules' candidates that their class finds dim
    # are judged again against layout look-alikes among the images their class does not (_without_dark_lookalikes).
    # Made after BC's run: its pachinko machine's face, 21 of 29 held out, whose missed coats' layout look-alikes were
    # the other pachinko pictures (ratio 0.92, their class's 0.17). Development data (the 216 sets of A-BD, seed 0, dark
    # alone, 160 px), suspects under 0.5 / 0.75 / 1 x ``relative`` in their class: found 4,476 (off) -> 4,487 / 4,506 /
    # 4,526 of 4,859, others 488 -> 488 / 489 / 491, mean F1 0.918 -> 0.919 / 0.920 / 0.921 (docs/benchmarks.md Round 32)
    exclude_suspects: bool = True

    def run(self, ctx) -> CheckResult:
        st, rows = readable_stats(ctx)
        p99 = st["brightness_p99"].to_numpy(float)[rows]
        mean = st["brightness_mean"].to_numpy(float)[rows]
        ratio = self._relative(ctx, st, rows, np.stack([p99, mean], axis=1), p99 < self.dim_below)
        dim = np.isfinite(ratio) & (p99 < self.dim_below) & (ratio < (self.relative or 0.0))
        lit = self._lit(ctx, st, rows, p99)
        lights = ~dim & np.isfinite(lit)
        edge, apart, edge_ratio = self._edge_lights(ctx, st, rows)
        edge &= ~dim & ~lights & (p99 >= self.threshold)
        flag = (p99 < self.threshold) | dim | lights | edge
        rel = max(self.relative or 1.0, 1e-9)
        score = np.maximum(1.0 - p99 / self.threshold * 0.5, np.where(dim, 1.0 - ratio / rel * 0.5, 0.0))
        score = np.maximum(score, np.where(lights, 1.0 - lit / max(self.lit_below or 1.0, 1e-9) * 0.5, 0.0))
        score = np.maximum(score, np.where(edge, 1.0 - edge_ratio / rel * 0.5, 0.0))
        rest = round(self._rest(), 3)
        det = [f"brightest 1% of pixels at {v:.2f} (threshold {self.threshold})" if v < self.threshold else
               f"dark but for a few lights: the brightest 5% of pixels aside, none at {rest} or brighter and the lit "
               f"ones at a lower quartile of {w:.3f} (threshold {self.lit_below})" if light and w < self.lit_below else
               f"dark but for a light glowing over the scene: the brightest 5% of pixels aside, none at "
               f"{self.threshold} or brighter and the lit ones at a lower quartile of {w:.3f} (threshold "
               f"{self.glow_below})" if light else
               f"dark but for a light at the frame's edge or a coloured light in it: the rest's brightest 1% at {a:.2f} (threshold "
               f"{self.threshold}), its peak and mean brightness at most {e:.2f}x those of images like it (threshold "
               f"{self.relative}x)" if at_edge else
               f"dim for its content: brightest 1% of pixels at {v:.2f}, peak and mean brightness at most "
               f"{r:.2f}x those of images like it (threshold {self.relative}x, below {self.dim_below})"
               for v, r, w, light, at_edge, a, e in zip(p99[flag], ratio[flag], lit[flag], lights[flag], edge[flag],
                                                         apart[flag], edge_ratio[flag])]
        return CheckResult.from_lists(rows[flag], score[flag], det)

    def _edge_lights(self, ctx, st, rows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(flagged, the 99th percentile of brightness apart from the lights, the ratio to the look-alikes) per image
        for the edge-lights rule: a picture on a black ground with a compact light at its frame's edge (a lamp, a
        softbox, a lit floor; data/_stats.py: ``apart_from_edge_lights``) is judged on what is left once the light is
        set aside: nothing there at ``threshold`` or brighter, and its peak and mean brightness under ``relative``
        times those of its look-alikes, laid out as it is without the light (the dim rule's test, its layout and its
        class's both finding it dim). Its light keeps its brightest 1% over any threshold, and lies outside the
        4 x 4 layout's content, which it would otherwise draw. Off with ``edge_lights=False`` or ``relative=None``,
        or on statistics from an older pass without the columns."""
        from ..data import decode_thumbs

        n = len(rows)
        none = (np.zeros(n, dtype=bool), np.full(n, np.nan), np.full(n, np.nan))
        if not self.edge_lights or self.relative is None or "brightness_apart_p99" not in st:
            return none
        apart = st["brightness_apart_p99"].to_numpy(float)[rows]
        has = np.isfinite(apart)
        cand = has & (apart < self.threshold)
        if not cand.any():
            return none
        peak = np.where(has, apart, st["brightness_p99"].to_numpy(float)[rows])
        mean = np.where(has, st["brightness_apart_mean"].to_numpy(float)[rows],
                        st["brightness_mean"].to_numpy(float)[rows])
        thumbs = decode_thumbs(st["thumb"].to_numpy(object)[rows])
        thumbs[has] = decode_thumbs(st["thumb_apart"].to_numpy(object)[rows][has])
        ratio = self._relative(ctx, st, rows, np.stack([peak, mean], axis=1), cand, thumbs=thumbs)
        return cand & np.isfinite(ratio) & (ratio < self.relative), apart, ratio

    def __post_init__(self):
        from .._errors import DataQualityError

        g = self.glow_below
        if g is not None and (isinstance(g, bool) or not isinstance(g, (int, float)) or not 0 <= g <= 1):
            raise DataQualityError(f"Expected dark's glow_below to be None or a brightness in [0, 1] but got {g!r}. "
                                   "None leaves the lit rule to lit_below alone.")
        if not isinstance(self.exclude_suspects, bool):
            raise DataQualityError(f"Expected dark's exclude_suspects to be True or False but got "
                                   f"{self.exclude_suspects!r}.")
        v = self.lit_rest
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not v >= 1:
            raise DataQualityError(f"Expected dark's lit_rest to be a number of at least 1 (a multiple of threshold) but "
                                   f"got {v!r}. 1 judges the rest of a picture with lights at the threshold itself.")

    def _rest(self) -> float:
        """The level the lit rule's rest must stay under: ``lit_rest`` times ``threshold``."""
        return self.threshold * self.lit_rest

    def _lit(self, ctx, st, rows, p99) -> np.ndarray:
        """Each image's lit brightness where the rule flags it: its brightest 1% at ``threshold`` or above, its 95th
        percentile under ``lit_rest`` times ``threshold`` and its lit brightness under ``lit_below`` (or its 95th
        percentile under ``threshold`` and its lit brightness under ``glow_below``) and, where
        look-alikes can be found (``relative`` set), under ``relative`` times theirs; NaN elsewhere, with
        ``lit_below=None`` or statistics from an older pass without the columns.

        Against the look-alikes as for the dim rule: where every picture is black but for a few lights (a sky of
        stars, galaxies, fluorescence micrographs), a picture like the rest is not dark for this data. A look-alike
        with too few lit pixels to measure counts as lit at 0."""
        out = np.full(len(rows), np.nan)
        if self.lit_below is None or "brightness_lit" not in st or "brightness_p95" not in st:
            return out
        p95 = st["brightness_p95"].to_numpy(float)[rows]
        lit = st["brightness_lit"].to_numpy(float)[rows]
        cand = (p99 >= self.threshold) & (((p95 < self._rest()) & (lit < self.lit_below)) | (
            (p95 < self.threshold) & (lit < (self.glow_below or 0.0))))
        if self.relative is not None and cand.any():
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = self._relative(ctx, st, rows, np.nan_to_num(lit, nan=0.0)[:, None], cand, either=True)
            cand &= ~(ratio >= self.relative)  # not judged (too few images): the absolute rule alone
        out[cand] = lit[cand]
        return out

    def _relative(self, ctx, st, rows, stat, cand, either: bool = False, thumbs=None) -> np.ndarray:
        """The largest of the columns of ``stat`` (N x c) over those of the look-alikes, per image, for the
        candidates ``cand`` (all images serve as look-alikes); NaN where not judged. With labels, the larger of
        the ratios to the layout look-alikes and to the class's (both must find the image dim), or with
        ``either`` the smaller: the lit rule's darkened pictures with lights are each other's look-alikes by
        layout, and only their class sees them as dim. ``thumbs``: the layouts to use in place of ``st["thumb"]``."""
        from ..data import decode_thumbs
        from ._lookalikes import label_codes, relative_to_class_lookalikes, relative_to_lookalikes

        out = np.full(len(rows), np.nan)
        if self.relative is None:
            return out
        if thumbs is None:
            thumbs = decode_thumbs(st["thumb"].to_numpy(object)[rows])
        use = np.isfinite(thumbs).all(axis=1)
        if use.sum() <= self.k or not (cand & use).any():
            return out
        stat = np.asarray(stat, float)[use]
        local = relative_to_lookalikes(stat, thumbs[use], ctx.search, self.k)
        labels = label_codes(ctx, rows[use])
        if labels is None:
            out[use] = local.max(axis=1)
            return out
        by_class = relative_to_class_lookalikes(stat, thumbs[use], labels, ctx.search, self.k)
        out[use] = (np.fmin(local, by_class) if either else np.fmax(local, by_class)).max(axis=1)
        if not either and self.exclude_suspects:
            out[use] = self._without_dark_lookalikes(ctx, out[use], stat, thumbs[use], by_class, cand[use])
        return out

    def _without_dark_lookalikes(self, ctx, ratio, stat, thumbs, by_class, cand) -> np.ndarray:
        """``ratio`` with the candidates their class finds dim (under ``relative`` times its look-alikes) judged again
        against layout look-alikes taken only among the images their class does not find so, the smaller ratio kept
        (the rule only adds images; both the layout and the class must still find it dim). Pictures darkened the same
        way (a room lit by one machine's face) keep the same dark layout and are each other's nearest by layout: a
        batch of more than ``k`` vouches for itself, at 0.9x its look-alikes where its class put it at 0.2x
        (``blurry``'s ``exclude_suspects``). A dataset dark all through (a sky of stars) has no suspect: its classes
        are as dark."""
        from ._lookalikes import relative_to_reference_lookalikes

        suspects = cand & (np.nan_to_num(by_class, nan=np.inf).max(axis=1) < (self.relative or 0.0))
        if not suspects.any():
            return ratio
        layout = relative_to_reference_lookalikes(stat, thumbs, ctx.search, ~suspects, self.k)
        if layout is None:
            return ratio
        return np.where(suspects, np.fmin(ratio, np.fmax(layout, by_class).max(axis=1)), ratio)
