"""Generator J: fresh EVALUATION sets after generator I (never used to choose anything).

Why an eighth evaluation generator: generator I's sets were run in round 9, and round 9 added a partial-match rule
for near copies edited in a part (a stamped logo, a drawn mark, a retouched patch, a shadow), chosen after I's
results had been seen; I's sets can no longer measure that rule, or anything else changed since, without bias.
Generator J was written on 2026-12-04, before any tool was run on it (only its files, their counts, the JPEG headers
and contact sheets of its edits were looked at, to check that every edit is visible, every blur blurred, every
darkened image dark and every outlier foreign at 28, 92 and 152 px), as a held-out measurement of the partial-match
rule and of the rest of the code on data nobody has looked at; it is not to be changed after its results are seen.
Most of its near copies are therefore edits confined to a part of the picture, of kinds the rule was not chosen on.
Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I) and
none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness,
contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make:

* ``near_duplicate`` (3%), five edits in a part of the picture and two of the whole: a caption bar (a band along
  the top or bottom, 16-22% of the height, at least 5 px, dark at 55-70% opacity over a light part or light at
  70-85% over a dark one, holding a line of made-up glyphs of 2-3 strokes each, in the opposite tone, 55-65% of
  the band high, over 60-90% of the width), a date stamp as film cameras printed it (orange-red seven-segment
  digits with a glow, "YY MM DD" or, below 48 px, "MM DD", 8-11% of the side high, at least 6 px, in a bottom
  corner), a speech bubble (a white ellipse with a tail and a dark outline, semi-axes 22-30% and 13-18% of the
  side, at least 5 and 3.5 px, in the upper part, holding 1-2 lines of dark made-up glyphs), an emoji sticker (a
  yellow disc of radius 11-16% of the side, at least 3.5 px, with an outline, two eyes and a smiling, open or
  winking mouth; of 12 random places inside the picture the one over the most detail, not a corner), a colour
  replaced inside an ellipse (semi-axes 18-30% of the side, at least 4 px, soft-edged: the colour there replaced
  by one hue at saturation 0.5-0.8, the lightness kept; of 12 random ellipses the one that changes the picture
  most), a canvas texture (a basket weave of threads 3-4% of the side wide, at least 3 px, as a relief that shades
  the picture by up to 8-14% and lifts it by up to 12-18 levels, so it shows on black too) and a duotone (the
  lightness mapped from a dark ink colour to a light paper colour of other hues, blended in at 60-80%);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): selective focus as a tilting "lens-baby" gives it (sharp only in a circle of radius 10-15% of the
  side, centred 28-38% of the side off the centre; outside it a Gaussian blur growing over 12% of the side to sigma
  4-6% of the side, at least 1.5 px, so the middle is fully blurred), a rolling-shutter vibration smear (the camera
  shaking along a random direction with an amplitude of 5-8% of the side, at least 2 px, plus a perpendicular
  wobble of 30% of that at twice the frequency; each row exposed for 50-80% of a vibration period and read out
  0.5-1.5 periods apart from top to bottom, so every row is smeared by at least the amplitude and the rows wobble)
  and a greasy-lens smear (line-integral convolution: each pixel the mean of 17 samples along the streamline of a
  smooth random flow field, correlation length 20-30% of the side, over a length of 14-20% of the side, at least
  6 px, then a Gaussian of an eighth of that length);
* ``dark`` (2%): a silhouette against a dim dusk sky (the picture split at its Otsu threshold; the side the border
  does not mostly hold goes black, 3-10 levels; the rest becomes a dusk gradient, a dark blue top of 8-20 levels to a
  warm horizon of 35-60 levels, with 25% of its own shading; the mask's edge softened by 0.6 px; noise sigma 1
  level), a sodium street
  lamp (the picture's lightness at a gain of 0.14-0.24, falling to 55-75% of that across the picture away from the
  lamp's side, in its monochrome orange, green at 60-72% and blue at 15-30% of red, noise sigma 1.5 levels) and a
  picture behind dark smoked glass with a reflection (transmission 8-14%, slightly brown, with a blurred reflected
  window, a rectangle of 30-50% of the side with a cross-shaped frame, blurred by 3-5% of the side, at least 1 px,
  at 10-20 levels);
* ``outlier`` (1.5%): barcode labels (a one-dimensional code of bars and spaces of 1-4 modules between guard bars,
  a module 1.0-1.4% of the side, at least 1.2 px, on a label tilted by up to 12 degrees, marks of digits under the
  bars at 48 px and up), skeletal chemical formulae (1-3 hexagonal rings fused or joined by a bond, alternate double
  bonds inside some rings, 1-3 zigzag side chains with some double bonds and oxygen atoms as small rings) and floor
  plans (an outer wall split into 2-5 rooms, 2-3 below 48 px, by thinner inner walls, each with a door gap and its
  swing arc, windows as thin double lines in the outer wall); the digit and clothing sets get them light on dark in
  their own tones, the photographs as a white label with black bars on a cardboard tone (barcodes), ink on a light
  paper tone (formulae) or dark walls on light paper with lightly tinted floors (plans);
* ``label`` (5%): *faint-image* flips: the flips are drawn uniformly among the quarter of the eligible examples with
  the lowest contrast (the standard deviation of the grey picture), and each gets a guess drawn among the other
  classes in proportion to their frequency in the set: an annotator misreading the hard-to-see pictures and
  guessing by habit. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
J's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 81), MNIST (2,000, seed 82), and the evaluation photographs tiled at 92 px (35 tiles a photograph at most,
seed 83: 488) and at 152 px (every tile, seed 84: 285), sizes no other set uses. ``photos152_j_jpeg`` is written as
JPEG files, each at a quality drawn from 70-90 (a stream of its own, seed ``105_000 + random_state``), every edit,
blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``100_000 + random_state``.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from _heldout_h import _drawn, _hue, _u8
from _heldout_i import _grid, by_family, plant_generator
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_J = ("fashion_test_j", "mnist_j", "photos92_j", "photos152_j_jpeg")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_J = {
    "fashion_test_j": ("fashion_test", 81),
    "mnist_j": ("mnist", 82),
    "photos92_j": ("photos", 83, 92, 12, 35),
    "photos152_j_jpeg": ("photos", 84, 152, 8, 1000),
}
JPEG_QUALITY = (70, 91)  # the JPEG set's qualities: integers in [low, high)
RATES_J = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_J = ("caption_bar", "date_stamp", "speech_bubble", "emoji_sticker", "recolour", "canvas", "duotone")
BLURS_J = ("selective_focus", "shutter_wobble", "smear")
DARKS_J = ("silhouette", "sodium_lamp", "smoked_glass")
OUTLIERS_J = ("barcode", "molecule", "floor_plan")
FAINT_SHARE = 0.25


def load_base_j(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_J, "J")


# -- drawing helpers -------------------------------------------------------------------------
# made-up glyphs: 2-3 of these strokes in a box of width 1 and height 1 (x0, y0, x1, y1)
STROKES = ((0, 0, 1, 0), (0, 0.5, 1, 0.5), (0, 1, 1, 1), (0, 0, 0, 0.5), (0, 0.5, 0, 1), (1, 0, 1, 0.5),
           (1, 0.5, 1, 1), (0, 0, 1, 0.5), (0, 0.5, 1, 1), (0, 0.5, 1, 0), (0, 1, 1, 0.5), (0.5, 0, 0.5, 1))
# seven segments (a-g) in a box of width 1 and height 1, and the segments of each digit
SEGMENTS = {"a": (0, 0, 1, 0), "b": (1, 0, 1, 0.5), "c": (1, 0.5, 1, 1), "d": (0, 1, 1, 1), "e": (0, 0.5, 0, 1),
            "f": (0, 0, 0, 0.5), "g": (0, 0.5, 1, 0.5)}
DIGIT_SEGMENTS = ("abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg", "abcdfg")


def _glyph_line(d, s: int, x0: float, x1: float, top: float, gh: float, lw: float, rng) -> None:
    """Words of made-up glyphs (2-3 strokes each) ``gh`` px high from ``x0`` to ``x1``, their tops at ``top``
    (picture pixels; drawn at ``s`` times that scale)."""
    gw, x = 0.6 * gh, x0
    width = max(1, round(lw * s))
    while x + gw <= x1:
        for _ in range(int(rng.integers(2, 6))):  # a word
            if x + gw > x1:
                break
            for k in rng.choice(len(STROKES), int(rng.integers(2, 4)), replace=False):
                a, b, c, e = STROKES[k]
                d.line(((x + a * gw) * s, (top + b * gh) * s, (x + c * gw) * s, (top + e * gh) * s), fill=255,
                       width=width)
            x += 1.4 * gw
        x += 0.9 * gw  # a space


def _layer(size: int, draw) -> np.ndarray:
    """A square coverage mask (0-1) of ``size`` px drawn by ``draw(ImageDraw, big)`` on a 4 times larger canvas."""
    big = 4 * size
    img = Image.new("L", (big, big), 0)
    draw(ImageDraw.Draw(img), big)
    return np.asarray(img.resize((size, size), Image.BOX), dtype=np.float32) / 255


# -- near copies -----------------------------------------------------------------------------
def near_edit_j(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    lum = f.mean(axis=2)
    if kind == "caption_bar":  # a subtitle / meme caption band of made-up text along the top or bottom
        bh = max(5.0, h * rng.uniform(0.16, 0.22))
        y0 = 0.0 if rng.integers(2) else h - bh
        gh, light = bh * rng.uniform(0.55, 0.65), float(lum[round(y0): round(y0 + bh)].mean()) >= 100
        band, tone, text = (rng.uniform(0.55, 0.70), 15.0, 245.0) if light else (rng.uniform(0.70, 0.85), 245.0, 15.0)
        span = w * rng.uniform(0.6, 0.9)
        left = (w - span) / 2
        bar = np.zeros((h, w), np.float32)
        bar[round(y0): round(y0 + bh)] = band
        ink = _drawn((h, w), lambda d, s: _glyph_line(d, s, left, left + span, y0 + (bh - gh) / 2, gh,
                                                      max(0.8, 0.14 * gh), rng))
        out = f * (1 - bar[..., None]) + tone * bar[..., None]
        return _u8(out * (1 - ink[..., None]) + text * ink[..., None])
    if kind == "date_stamp":  # orange-red seven-segment digits with a glow, as film cameras printed the date
        from scipy.ndimage import gaussian_filter

        dh = max(6.0, side * rng.uniform(0.08, 0.11))
        dw, lw = 0.55 * dh, max(1.0, 0.14 * dh)
        groups = [int(rng.integers(1, 13)), int(rng.integers(1, 29))]
        if side >= 48:
            groups = [int(rng.choice([*range(78, 100), *range(0, 27)]))] + groups
        text = " ".join(f"{v:02d}" for v in groups)
        width = sum(0.8 * dh if ch == " " else dw + 0.3 * dh for ch in text) - 0.3 * dh
        margin = max(1.0, 0.05 * side)
        x0 = w - margin - width if rng.random() < 0.75 else margin  # bottom right, or bottom left
        y0 = h - margin - dh

        def digits(d, s):
            x = x0
            for ch in text:
                if ch == " ":
                    x += 0.8 * dh
                    continue
                for seg in DIGIT_SEGMENTS[int(ch)]:
                    a0, b0, a1, b1 = SEGMENTS[seg]
                    d.line(((x + a0 * dw) * s, (y0 + b0 * dh) * s, (x + a1 * dw) * s, (y0 + b1 * dh) * s), fill=255,
                           width=round(lw * s))
                x += dw + 0.3 * dh

        m = _drawn((h, w), digits)
        alpha = np.clip(m + 0.5 * gaussian_filter(m, max(0.5, 0.15 * dh)), 0, 1)[..., None]
        colour = np.array([255, rng.uniform(110, 150), rng.uniform(30, 60)], dtype=np.float32)
        return _u8(f * (1 - alpha) + colour * alpha)
    if kind == "speech_bubble":  # a comic speech bubble with made-up words
        from scipy.ndimage import maximum_filter

        ra, rb = max(5.0, side * rng.uniform(0.22, 0.30)), max(3.5, side * rng.uniform(0.13, 0.18))
        cx, cy = rng.uniform(ra + 1, w - ra - 1), rng.uniform(rb + 1, max(rb + 1.0, 0.42 * h))
        tip = (cx + rng.uniform(-0.6, 0.6) * ra, min(h - 1.0, cy + rb + side * rng.uniform(0.12, 0.20)))
        base = ((cx - 0.3 * ra, cy + 0.6 * rb), (cx + 0.1 * ra, cy + 0.6 * rb))
        lw = max(0.8, side * 0.015)
        s = 4
        img = Image.new("L", (w * s, h * s), 0)
        d = ImageDraw.Draw(img)
        d.ellipse(((cx - ra) * s, (cy - rb) * s, (cx + ra) * s, (cy + rb) * s), fill=255)
        d.polygon([(x * s, y * s) for x, y in (*base, tip)], fill=255)
        inside = np.asarray(img) > 127
        grow = max(1, round(lw * s))
        outline = maximum_filter(inside, size=2 * grow + 1) & ~inside
        down = lambda m: m.astype(np.float32).reshape(h, s, w, s).mean(axis=(1, 3))  # noqa: E731
        fill, edge = down(inside), down(outline)
        lines = 1 if rb < 6 else int(rng.integers(1, 3))
        gh = 1.2 * rb / (lines + 1)
        ink = _drawn((h, w), lambda d, s: [_glyph_line(d, s, cx - 0.6 * ra, cx + 0.6 * ra,
                                                       cy - rb * 0.55 + (k + 0.5) * 1.1 * rb / lines - gh / 2, gh,
                                                       max(0.6, 0.12 * gh), rng) for k in range(lines)])
        out = f * (1 - fill[..., None]) + 250 * fill[..., None]
        out = out * (1 - edge[..., None]) + 20 * edge[..., None]
        return _u8(out * (1 - ink[..., None]) + 40 * ink[..., None])
    if kind == "emoji_sticker":  # a smiley sticker put over the subject
        r = max(3.5, side * rng.uniform(0.11, 0.16))
        gy, gx = np.gradient(lum)
        detail = np.hypot(gy, gx)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
        best, cy, cx = -1.0, h / 2, w / 2
        for _ in range(12):  # of 12 random places the one over the most detail
            y, x = rng.uniform(r + 1, h - r - 1), rng.uniform(r + 1, w - r - 1)
            v = float(detail[(yy - y) ** 2 + (xx - x) ** 2 <= r * r].mean())
            if v > best:
                best, cy, cx = v, y, x
        mouth = int(rng.integers(3))  # smile, open, wink

        def disc(d, s):
            d.ellipse(((cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s), fill=255)

        def features(d, s):
            lw = max(1, round(max(0.7, 0.1 * r) * s))
            d.ellipse(((cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s), outline=255, width=lw)
            ex, ey, er = 0.36 * r, 0.25 * r, max(0.45, 0.13 * r)
            d.ellipse(((cx - ex - er) * s, (cy - ey - 1.5 * er) * s, (cx - ex + er) * s, (cy - ey + 1.5 * er) * s),
                      fill=255)
            if mouth == 2:  # a wink: the right eye a line
                d.line(((cx + ex - 1.5 * er) * s, (cy - ey) * s, (cx + ex + 1.5 * er) * s, (cy - ey) * s), fill=255,
                       width=lw)
            else:
                d.ellipse(((cx + ex - er) * s, (cy - ey - 1.5 * er) * s, (cx + ex + er) * s,
                           (cy - ey + 1.5 * er) * s), fill=255)
            if mouth == 1:  # an open mouth
                d.ellipse(((cx - 0.22 * r) * s, (cy + 0.15 * r) * s, (cx + 0.22 * r) * s, (cy + 0.6 * r) * s), fill=255)
            else:
                m = 0.55 * r
                d.arc(((cx - m) * s, (cy - m + 0.05 * r) * s, (cx + m) * s, (cy + m + 0.05 * r) * s), 20, 160, fill=255,
                      width=lw)

        body, face = _drawn((h, w), disc)[..., None], _drawn((h, w), features)[..., None]
        yellow = np.array([250, rng.uniform(195, 215), rng.uniform(30, 60)], dtype=np.float32)
        brown = np.array([90, 50, 10], dtype=np.float32)
        return _u8((f * (1 - body) + yellow * body) * (1 - face) + brown * face)
    if kind == "recolour":  # the colour inside an ellipse replaced by one hue, the lightness kept
        yy, xx = _grid(h, w)
        tint = lum[..., None] * (1 + rng.uniform(0.5, 0.8) * _hue(rng.uniform(0, 2 * np.pi)))
        best, out = -1.0, f
        for _ in range(12):  # of 12 random ellipses the one that changes the picture most
            la, lb = (max(4.0, side * v) for v in rng.uniform(0.18, 0.30, 2))
            ang = rng.uniform(0, np.pi)
            cy, cx = h * rng.uniform(-0.25, 0.25), w * rng.uniform(-0.25, 0.25)
            u = (xx - cx) * np.cos(ang) + (yy - cy) * np.sin(ang)
            v = (yy - cy) * np.cos(ang) - (xx - cx) * np.sin(ang)
            m = 1 / (1 + np.exp((np.sqrt((u / la) ** 2 + (v / lb) ** 2) - 1) / 0.08))[..., None]
            cand = f * (1 - m) + np.clip(tint, 0, 255) * m
            if float(np.abs(cand - f).mean()) > best:
                best, out = float(np.abs(cand - f).mean()), cand
        return _u8(out)
    if kind == "canvas":  # printed on canvas: a basket weave's relief shading the picture
        from scipy.ndimage import gaussian_filter

        p = max(3.0, side * rng.uniform(0.03, 0.04))
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
        u, v = xx / p + rng.uniform(0, 1), yy / p + rng.uniform(0, 1)
        over = (np.floor(u) + np.floor(v)) % 2 == 0  # which thread lies on top in each cell
        bump = np.where(over, np.sin(np.pi * (v % 1)), np.sin(np.pi * (u % 1)))
        grain = gaussian_filter(rng.normal(0, 1, (h, w)), 0.7)
        r = np.clip(2 * bump - 1 + 0.3 * grain / (grain.std() + 1e-9), -1, 1)[..., None]
        return _u8(f * (1 + rng.uniform(0.08, 0.14) * r) + rng.uniform(12, 18) * (1 + r) / 2)
    if kind == "duotone":  # the lightness mapped from a dark ink colour to a light paper colour
        t0, t1 = rng.uniform(0, 2 * np.pi), rng.uniform(0, 2 * np.pi)
        dark = rng.uniform(25, 55) * (1 + 0.7 * _hue(t0))
        light = rng.uniform(205, 235) * (1 + 0.12 * _hue(t1))
        x = (lum / 255)[..., None]
        alpha = rng.uniform(0.60, 0.80)
        return _u8((1 - alpha) * f + alpha * (dark * (1 - x) + light * x))
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _sample(f: np.ndarray, y: np.ndarray, x: np.ndarray) -> np.ndarray:
    from scipy.ndimage import map_coordinates

    return np.stack([map_coordinates(f[..., c], (y, x), order=1, mode="reflect") for c in range(f.shape[2])], axis=2)


def blur_j(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "selective_focus":  # sharp in one small circle off the centre, blurred everywhere else
        smax = max(1.5, side * rng.uniform(0.04, 0.06))
        r0, dist, ang = side * rng.uniform(0.10, 0.15), side * rng.uniform(0.28, 0.38), rng.uniform(0, 2 * np.pi)
        cy, cx = (h - 1) / 2 + dist * np.sin(ang), (w - 1) / 2 + dist * np.cos(ang)
        t = np.clip((np.hypot(yy - cy, xx - cx) - r0) / (0.12 * side), 0, 1) * 4  # 0 sharp .. 4 fully blurred
        stack = [f] + [gaussian_filter(f, (smax * k / 4, smax * k / 4, 0), mode="reflect") for k in range(1, 5)]
        j = np.minimum(t.astype(int), 3)
        frac = (t - j)[..., None]
        lo = np.choose(j[..., None], stack)
        hi = np.choose(j[..., None] + 1, stack)
        return _u8(lo * (1 - frac) + hi * frac)
    if kind == "shutter_wobble":  # a vibrating camera with a rolling shutter: every row smeared, rows wobbling
        amp, ang = max(2.0, side * rng.uniform(0.05, 0.08)), rng.uniform(0, np.pi)
        readout, exposure = rng.uniform(0.5, 1.5), rng.uniform(0.5, 0.8)
        p0, p1 = rng.uniform(0, 2 * np.pi, 2)
        out = np.zeros_like(f)
        for s in np.linspace(0, 1, 16):
            ph = 2 * np.pi * (readout * yy / h + exposure * s) + p0
            along, across = amp * np.sin(ph), 0.3 * amp * np.sin(2 * ph + p1)
            out += _sample(f, yy + along * np.sin(ang) + across * np.cos(ang), xx + along * np.cos(ang) - across * np.sin(ang))
        return _u8(out / 16)
    if kind == "smear":  # a greasy lens: averaged along the streamlines of a smooth random flow
        half = max(3.0, side * rng.uniform(0.07, 0.10))
        field = gaussian_filter(rng.normal(0, 1, (h, w)), side * rng.uniform(0.20, 0.30), mode="wrap")
        field = rng.uniform(0, np.pi) + 0.6 * np.pi * field / (field.std() + 1e-9)
        step, out = half / 8, f.copy()
        for sign in (1, -1):
            py, px = yy.copy(), xx.copy()
            for _ in range(8):
                a = map_coordinates(field, (py, px), order=1, mode="nearest")
                py, px = py + sign * step * np.sin(a), px + sign * step * np.cos(a)
                out += _sample(f, py, px)
        return _u8(gaussian_filter(out / 17, (half / 4, half / 4, 0), mode="reflect"))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def dark_j(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    lum = f.mean(axis=2)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    if kind == "silhouette":  # backlit against a dim dusk sky: the subject black, the background a dim gradient
        from skimage.filters import threshold_otsu

        t = threshold_otsu(lum) if lum.max() > lum.min() else float(lum.max()) + 1
        above = lum > t
        border = np.concatenate([above[0], above[-1], above[:, 0], above[:, -1]])
        subject = ~above if border.mean() >= 0.5 else above  # the side the border does not mostly hold
        m = gaussian_filter(subject.astype(np.float32), 0.6)[..., None]
        top = rng.uniform(8, 20) * np.array([0.45, 0.55, 1.0], dtype=np.float32)
        horizon = rng.uniform(35, 60) * np.array([1.0, rng.uniform(0.55, 0.75), rng.uniform(0.35, 0.55)], np.float32)
        v = (yy / h)[..., None]
        sky = top * (1 - v) + horizon * v
        rest = ~subject
        shade = lum / max(float(lum[rest].mean()) if rest.any() else 1.0, 1.0)
        sky = sky * (0.75 + 0.25 * np.clip(shade, 0, 2))[..., None]
        black = rng.uniform(3, 10)
        return _u8(sky * (1 - m) + black * m + rng.normal(0, 1.0, f.shape))
    if kind == "sodium_lamp":  # lit by a low-pressure sodium lamp: dim and monochrome orange
        gain = rng.uniform(0.14, 0.24)
        ang = rng.uniform(0, 2 * np.pi)
        proj = ((xx - w / 2) * np.cos(ang) + (yy - h / 2) * np.sin(ang)) / side + 0.5  # 0 at the lamp's side
        fall = 1 - (1 - rng.uniform(0.55, 0.75)) * np.clip(proj, 0, 1)
        colour = np.array([1.0, rng.uniform(0.60, 0.72), rng.uniform(0.15, 0.30)], dtype=np.float32)
        v = lum * gain * fall + rng.normal(0, 1.5, lum.shape)
        return _u8(v[..., None] * colour)
    if kind == "smoked_glass":  # behind dark smoked glass, a window reflected in it
        out = f * rng.uniform(0.08, 0.14) * np.array([1.0, 0.95, 0.88], dtype=np.float32)
        ww, wh = side * rng.uniform(0.30, 0.50), side * rng.uniform(0.30, 0.50)
        x0, y0 = rng.uniform(-0.1 * w, w - 0.9 * ww), rng.uniform(-0.1 * h, h - 0.9 * wh)
        bar = max(1.0, 0.08 * min(ww, wh))

        def window(d, s):
            d.rectangle((x0 * s, y0 * s, (x0 + ww) * s, (y0 + wh) * s), fill=255)
            d.rectangle(((x0 + ww / 2 - bar / 2) * s, y0 * s, (x0 + ww / 2 + bar / 2) * s, (y0 + wh) * s), fill=0)
            d.rectangle((x0 * s, (y0 + wh / 2 - bar / 2) * s, (x0 + ww) * s, (y0 + wh / 2 + bar / 2) * s), fill=0)

        glare = gaussian_filter(_drawn((h, w), window), max(1.0, side * rng.uniform(0.03, 0.05)))
        light = rng.uniform(10, 20) * np.array([0.9, 0.95, 1.0], dtype=np.float32)
        return _u8(out + glare[..., None] * light + rng.normal(0, 0.8, f.shape))
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _barcode(size: int, rng) -> tuple[np.ndarray, np.ndarray]:
    """Coverage (0-1) of a label and of the ink on it: bars and spaces of 1-4 modules between guard bars, marks of
    digits under them at 48 px and up, the label tilted by up to 12 degrees."""
    big = 4 * size
    lw_, lh = big * rng.uniform(0.78, 0.92), big * rng.uniform(0.50, 0.72)
    x0, y0 = (big - lw_) / 2, (big - lh) / 2
    module = max(4.8, big * rng.uniform(0.010, 0.014))
    quiet = 0.08 * lw_
    runs = [1, 1, 1]  # the start guard: bar, space, bar
    while sum(runs) + 7 <= int((lw_ - 2 * quiet) / module):  # bars and spaces alternating, room left for the end
        runs.append(int(rng.integers(1, 5)))
    if len(runs) % 2:  # end on a space before the end guard
        runs.append(1)
    runs += [1, 1, 1]  # the end guard
    scale = (lw_ - 2 * quiet) / (sum(runs) * module)
    label, ink = Image.new("L", (big, big), 0), Image.new("L", (big, big), 0)
    ImageDraw.Draw(label).rounded_rectangle((x0, y0, x0 + lw_, y0 + lh), radius=0.06 * lh, fill=255)
    d = ImageDraw.Draw(ink)
    marks = size >= 48
    bottom = y0 + lh * (0.70 if marks else 0.88)
    x = x0 + quiet
    for k, run in enumerate(runs):
        wd = run * module * scale
        if k % 2 == 0:  # a bar; the guards run a little lower
            guard = k < 3 or k >= len(runs) - 3
            d.rectangle((x, y0 + 0.12 * lh, x + wd - 1, bottom + (0.06 * lh if guard and marks else 0)), fill=255)
        x += wd
    if marks:
        _glyph_line(d, 1, x0 + quiet + 4 * module, x0 + lw_ - quiet - 4 * module, bottom + 0.04 * lh, 0.12 * lh,
                    max(2.0, 0.012 * big), rng)
    ang = rng.uniform(-12, 12)
    out = [np.asarray(im.rotate(ang, Image.BILINEAR).resize((size, size), Image.BOX), dtype=np.float32) / 255
           for im in (label, ink)]
    return out[0], out[1]


def _molecule(size: int, rng) -> np.ndarray:
    """Ink coverage (0-1) of a skeletal chemical formula: 1-3 hexagonal rings fused or joined by a bond, alternate
    double bonds inside some, 1-3 zigzag side chains with some double bonds, oxygen atoms as small rings."""
    big = 4 * size
    bond = big * (rng.uniform(0.10, 0.13) if size >= 48 else rng.uniform(0.17, 0.21))
    lines, doubles, atoms = [], [], []  # in bond-length units, before rotation
    centres = [np.zeros(2)]
    for _ in range(int(rng.integers(0, 3))):  # more rings: fused (sharing an edge) or joined by a bond
        c, k = centres[int(rng.integers(len(centres)))], int(rng.integers(6))
        if rng.random() < 0.6:
            nc = c + np.sqrt(3) * np.array([np.cos(np.pi / 3 * k), np.sin(np.pi / 3 * k)])
        else:
            u = np.array([np.cos(np.pi / 6 + np.pi / 3 * k), np.sin(np.pi / 6 + np.pi / 3 * k)])
            lines.append((c + u, c + 2 * u))
            nc = c + 3 * u
        if min(np.hypot(*(nc - q)) for q in centres) > 1.5:
            centres.append(nc)
    verts = []
    for c in centres:
        v = [c + np.array([np.cos(np.pi / 6 + np.pi / 3 * k), np.sin(np.pi / 6 + np.pi / 3 * k)]) for k in range(6)]
        verts += v
        aromatic = rng.random() < 0.6
        for k in range(6):
            lines.append((v[k], v[(k + 1) % 6]))
            if aromatic and k % 2 == 0:  # a double bond inside the ring
                p, q = v[k] + 0.2 * (c - v[k]), v[(k + 1) % 6] + 0.2 * (c - v[(k + 1) % 6])
                doubles.append((p + 0.15 * (q - p), q - 0.15 * (q - p)))
    for _ in range(int(rng.integers(1, 4))):  # zigzag side chains from ring atoms, outwards
        c = centres[int(rng.integers(len(centres)))]
        k = int(rng.integers(6))
        p = c + np.array([np.cos(np.pi / 6 + np.pi / 3 * k), np.sin(np.pi / 6 + np.pi / 3 * k)])
        out_ang = np.pi / 6 + np.pi / 3 * k
        turn = rng.choice([-1, 1])
        for j in range(int(rng.integers(2, 5))):
            a = out_ang + turn * (np.pi / 6 if j % 2 else -np.pi / 6)
            q = p + np.array([np.cos(a), np.sin(a)])
            if rng.random() < 0.2:  # a double bond: a second line beside it
                n = 0.18 * np.array([-np.sin(a), np.cos(a)])
                doubles.append((p + n + 0.1 * (q - p), q + n - 0.1 * (q - p)))
            lines.append((p, q))
            p = q
        if rng.random() < 0.5:
            atoms.append(p)
    rot = rng.uniform(0, 2 * np.pi)
    rm = np.array([[np.cos(rot), -np.sin(rot)], [np.sin(rot), np.cos(rot)]])
    pts = np.array([q for seg in lines for q in seg])
    lo_, hi_ = (pts @ rm.T).min(axis=0), (pts @ rm.T).max(axis=0)
    scale = min(bond, 0.84 * big / max(float((hi_ - lo_).max()), 1e-9))
    shift = big / 2 - scale * (lo_ + hi_) / 2
    place = lambda q: tuple(scale * (rm @ q) + shift)  # noqa: E731
    lw = max(2, round(big * (0.022 if size >= 48 else 0.045)))
    img = Image.new("L", (big, big), 0)
    d = ImageDraw.Draw(img)
    for p, q in lines + doubles:
        d.line((place(p), place(q)), fill=255, width=lw)
    for q in atoms:  # an oxygen: a small ring at the chain's end, its bond cut back
        x, y = place(q)
        r = 0.32 * scale
        d.ellipse((x - r - lw, y - r - lw, x + r + lw, y + r + lw), fill=0)
        d.ellipse((x - r, y - r, x + r, y + r), outline=255, width=lw)
    return np.asarray(img.resize((size, size), Image.BOX), dtype=np.float32) / 255


def _floor_plan(size: int, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coverage (0-1) of the walls, of the thin lines (door swings, windows) and a room index (0 outside) of a floor
    plan: an outer wall split into rooms by thinner inner walls with door gaps."""
    big = 4 * size
    small = size < 48
    W, H = big * rng.uniform(0.76, 0.90), big * rng.uniform(0.62, 0.90)
    x0, y0 = (big - W) / 2, (big - H) / 2
    outer = big * (0.06 if small else 0.035)
    inner = 0.6 * outer
    rooms, walls = [(x0, y0, x0 + W, y0 + H)], []
    for _ in range(int(rng.integers(1, 3) if small else rng.integers(1, 5))):
        k = max(range(len(rooms)), key=lambda i: (rooms[i][2] - rooms[i][0]) * (rooms[i][3] - rooms[i][1]))
        a, b, c, e = rooms.pop(k)
        if c - a >= e - b:  # split the longer side
            x = a + (c - a) * rng.uniform(0.35, 0.65)
            rooms += [(a, b, x, e), (x, b, c, e)]
            walls.append(((x, b), (x, e)))
        else:
            y = b + (e - b) * rng.uniform(0.35, 0.65)
            rooms += [(a, b, c, y), (a, y, c, e)]
            walls.append(((a, y), (c, y)))
    wall, thin, index = (Image.new("L", (big, big), 0) for _ in range(3))
    dw, dt, di = ImageDraw.Draw(wall), ImageDraw.Draw(thin), ImageDraw.Draw(index)
    for k, (a, b, c, e) in enumerate(rooms):
        di.rectangle((a, b, c, e), fill=k + 1)
    dw.rectangle((x0, y0, x0 + W, y0 + H), outline=255, width=round(outer))
    lw = max(2, round(big * (0.02 if small else 0.008)))
    door = big * (0.16 if small else rng.uniform(0.09, 0.12))
    for (a, b), (c, e) in walls:
        dw.line(((a, b), (c, e)), fill=255, width=round(inner))
        length = max(c - a, e - b)
        if length < 2.2 * door:
            continue
        t = rng.uniform(0.6 * door, length - 1.6 * door)  # a door gap and its swing
        if c > a:  # a horizontal wall
            g0 = a + t
            dw.rectangle((g0, b - inner, g0 + door, b + inner), fill=0)
            sgn = rng.choice([-1, 1])
            dt.line(((g0, b), (g0, b + sgn * door)), fill=255, width=lw)
            box = (g0 - door, b - door, g0 + door, b + door)
            dt.arc(box, 0 if sgn > 0 else 270, 90 if sgn > 0 else 360, fill=255, width=lw)
        else:
            g0 = b + t
            dw.rectangle((a - inner, g0, a + inner, g0 + door), fill=0)
            sgn = rng.choice([-1, 1])
            dt.line(((a, g0), (a + sgn * door, g0)), fill=255, width=lw)
            box = (a - door, g0 - door, a + door, g0 + door)
            dt.arc(box, 0 if sgn > 0 else 90, 90 if sgn > 0 else 180, fill=255, width=lw)
    for _ in range(int(rng.integers(2, 5))):  # windows: a gap in the outer wall drawn as thin double lines
        side_, span = int(rng.integers(4)), big * rng.uniform(0.12, 0.20)
        if side_ < 2:  # top or bottom wall
            y = y0 + outer / 2 if side_ == 0 else y0 + H - outer / 2
            x = rng.uniform(x0 + 2 * outer, x0 + W - 2 * outer - span)
            dw.rectangle((x, y - outer / 2, x + span, y + outer / 2), fill=0)
            for dy in (-outer / 2, outer / 2):
                dt.line(((x, y + dy), (x + span, y + dy)), fill=255, width=lw)
        else:
            x = x0 + outer / 2 if side_ == 2 else x0 + W - outer / 2
            y = rng.uniform(y0 + 2 * outer, y0 + H - 2 * outer - span)
            dw.rectangle((x - outer / 2, y, x + outer / 2, y + span), fill=0)
            for dx in (-outer / 2, outer / 2):
                dt.line(((x + dx, y), (x + dx, y + span)), fill=255, width=lw)
    down = lambda im: np.asarray(im.resize((size, size), Image.BOX), dtype=np.float32) / 255  # noqa: E731
    return down(wall), down(thin), np.asarray(index.resize((size, size), Image.NEAREST))


def outlier_j(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda c: np.ones((size, size, 3), np.float32) * np.asarray(c, np.float32)  # noqa: E731
    paint = lambda out, m, c: out * (1 - m[..., None]) + np.asarray(c, np.float32) * m[..., None]  # noqa: E731
    if kind == "barcode":
        label, ink = _barcode(size, rng)
        if photos:  # a white label with black bars on a cardboard tone
            card = rng.uniform(120, 190) * np.array([1.0, rng.uniform(0.78, 0.9), rng.uniform(0.55, 0.7)])
            out = paint(ground(card), label, rng.integers(238, 256, 3))
            return _u8(paint(out, ink * label, rng.integers(5, 40, 3)))
        return _u8(paint(ground([lo] * 3), ink, [hi] * 3))
    if kind == "molecule":
        v = _molecule(size, rng)
        if photos:  # ink on a light paper tone
            return _u8(paint(ground(rng.integers(200, 256, 3)), v, rng.integers(0, 70, 3)))
        return _u8(paint(ground([lo] * 3), v, [lo + (hi - lo) * rng.uniform(0.8, 1.0)] * 3))
    if kind == "floor_plan":
        walls, thin, index = _floor_plan(size, rng)
        if photos:  # dark walls on light paper, the floors lightly tinted room by room
            out = ground(rng.integers(236, 253, 3))
            for k in range(1, int(index.max()) + 1):
                out = paint(out, (index == k).astype(np.float32), rng.integers(205, 240) + rng.integers(-12, 13, 3))
            out = paint(out, thin, rng.integers(60, 100, 3))
            return _u8(paint(out, walls, rng.integers(25, 70, 3)))
        out = paint(ground([lo] * 3), thin, [lo + 0.8 * (hi - lo)] * 3)
        return _u8(paint(out, walls, [hi] * 3))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def faint_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: drawn uniformly among the ``FAINT_SHARE`` of ``candidates``
    with the lowest contrast (the standard deviation of the grey picture; ties by index), each given another class
    drawn in proportion to the classes' frequencies in the set."""
    contrast = {i: float(base[i].astype(np.float32).mean(axis=2).std()) for i in candidates}
    pool = sorted(candidates, key=lambda i: (contrast[i], i))[: max(2 * count, round(FAINT_SHARE * len(candidates)))]
    freq = Counter(labels)
    new = {}
    for i in rng.choice(np.array(pool, dtype=int), size=min(count, len(pool)), replace=False):
        others = [c for c in classes if c != labels[i]]
        p = np.array([freq[c] for c in others], dtype=np.float64)
        new[int(i)] = others[int(rng.choice(len(others), p=p / p.sum()))]
    return new


# -- planting ------------------------------------------------------------------------------
def plant_issues_j(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator J's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 70-90 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_J, seed=100_000 + random_state,
        quality_seed=105_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=faint_flips,
        **by_family(name, outlier=(outlier_j, OUTLIERS_J), blur=(blur_j, BLURS_J), dark=(dark_j, DARKS_J),
                    near=(near_edit_j, NEAR_EDITS_J)))
