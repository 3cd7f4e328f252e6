"""Generator L: fresh EVALUATION sets after generator K (never used to choose anything).

Why a tenth evaluation generator: generator K's sets were run once, and after its results had been seen the
library changed: the ``near_duplicate`` partial-match rule's block candidates are now also taken on the 0-255 scale
(a stamp that widens a copy's grey range had moved every range-relative level) and pictures are also compared with
their mirror images (flipped copies), and the ``blurry`` check may change too; K's sets can no longer measure those
changes, or anything else changed since, without bias. Generator L was written on 2026-12-04, before any tool was run
on it (only its files, their counts, the JPEG headers and contact sheets of its edits were looked at, to check that
every edit is visible, every blur blurred, every darkened image dark and every outlier foreign at 28, 100 and 132
px), as a held-out measurement of everything, the block candidates, the mirror comparisons and the ``blurry`` check
included, on data nobody has looked at; it is not to be changed after its results are seen. Its edits, blurs,
darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs:
Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips),
no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K) and none of the library's
calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG,
resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left out because an earlier generator made
them: a letterbox (E), a perspective warp (D), a colour-temperature shift (G), rounded corners (I), a mirror
image (K), a caption band (J), an emoji-like sticker (J).

* ``near_duplicate`` (3%), six edits in a part of the picture and two of the whole: a rubber stamp (a rectangle
  45-65% of the side wide and 30-38% of that high, at least 6 px, with a double border and a line of made-up
  glyphs, as "SAMPLE" or "SOLD" stamps print it, turned by 12-35 degrees either way, centred 35-65% of the way
  across and down, in red, blue or violet ink at 75-90% opacity with a smooth random 10-25% of it missing, as a
  worn stamp leaves it), a labelling tool's box (a rectangle of 35-55% of the side a way round the most detailed of
  12 random places, its outline 1.2-2% of the side wide, at least 1 px, in a bright tool colour, its inside tinted
  at 10-18%, eight white handles of 3.5-5% of the side, at least 2 px, at its corners and edge middles, and a tag
  in the outline colour holding a line of white made-up glyphs on its top edge, inside where the box touches the
  top), a smudge-tool stroke (a brush of radius 6-9% of the side, at least 1.5 px, dragged 30-45% of the side
  across the edge at the most detailed of 12 random places, along its gradient either way give or take 23
  degrees, starting a quarter of the stroke before it, slightly bent, carrying 85-92% of the pixels it picked up
  at each step),
  a magnifying glass (a lens of radius 14-20% of the side, at least 4 px, over the most detailed of 12 random
  places, showing the picture under it enlarged 1.8-2.4 times, a dark rim of 12-16% of its radius, at least 1 px,
  a glint and a handle 1.0-1.5 radii long leaving it), adhesive tape (one or two strips of translucent tape, 40-55%
  of the side long and 13-17% wide, at least 4 px, with serrated ends, each laid across a corner, its middle 17-24%
  of the side in from it, at 75-105 degrees to the diagonal; one corner or two opposite ones; yellowish white at
  35-50%, its long edges catching the light) and a fold crease (a straight fold through a point 30-70% of the way
  across and down at any angle: a white highlight 0.8% of the side wide, at least 0.7 px, at 50-70% with cracks in
  it, a soft shadow of 3-6% of the side, at least 1 px, taking 20-35% of the light on one side, and
  the two halves lit 3-6% differently); of the whole picture: a lost orientation tag (the picture turned by 90,
  180 or 270 degrees, as a phone's photo shown without its EXIF orientation or a page scanned the other way; a
  picture that equals its turned self is planted as an exact copy) and interlace combing (every other row moved
  sideways by 1.5-3% of the side, at least 1 px, as a frame grabbed from interlaced video of a moving scene
  gives it, the gap filled with the edge pixel);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): cat's-eye defocus (defocus through a vignetted lens: at every place the kernel is a disk of
  radius 6-8% of the side, at least 1.8 px, cut by the same disk moved outwards by up to 0.9-1.2 radii in the
  corners, so it narrows from a full disk in the middle to a tangential almond at the edges, centred on its
  centroid; kernels at 3 x 3 places, the blurred pictures blended bilinearly), a page lifted off a scanner's glass
  (defocus by a disk growing linearly across the picture from radius 5-6.5% of the side, at least 1.5 px, at the
  edge on the glass to 2.0-2.6 times that at the lifted edge, one of the four, with the light falling by 15-30%
  towards it) and reeded glass (seen through vertical or horizontal ribs of period 7-10% of the side, at least
  2.5 px, each a cylindrical lens showing the scene behind it, Gaussian-blurred by 60-80% of a period, at least
  1 px, across the ribs and 4-5% of the side, at least 1.2 px, along them, inverted and enlarged 1.3-1.8 times,
  the ribs' edges shaded by 4-8% and rounded by a Gaussian of 20% of a period across them);
* ``dark`` (2%): a flash out of sync with the shutter (the second curtain's shadow over 40-65% of the frame from
  one edge, its edge softened by 4-8% of the side, lit only by the ambient light at a gain of 0.01-0.03; the rest
  lit by the flash at 0.20-0.30, slightly cool; noise sigma 1.2 levels), a variable ND filter turned too far
  (transmission 7-12% with a cool violet cast, and the dark X of its crossed polarisers: two bands 8-12% of the
  side wide crossing near the middle at 50-90 degrees, taking another 55-75% of the light; noise sigma 1.2
  levels) and a dark room lit through a stained-glass window (the window's light, a turned and skewed rectangle of
  55-75% of the side split into 6-12 Voronoi panes of saturated colours at a gain of 0.18-0.30 with dark leading
  between them, its edges softened by 1.5% of the side; elsewhere a gain of 0.015-0.035; noise sigma 1.2 levels);
* ``outlier`` (1.5%): flags (two or three bands across or down, a Nordic cross, a saltire, a hoist triangle, a
  disc or a canton with a star, in colours of a flag palette, waving: rippled by 2-4% of the side and shaded by
  8-15% along it, on a pole at the hoist, over 70-90% of the picture), playing cards (one card, or two fanned,
  a rounded white card 62-80% of the side high at 0.7 of that wide, turned by up to 20 degrees, with the pips of
  a rank from 2 to 10 in the standard layout, hearts, diamonds, clubs or spades, and a made-up corner index) and
  chess diagrams (a checkered board of 4-5 squares a side below 48 px, 6-8 above, a few squares cut off, holding
  piece silhouettes, pawns, rooks, bishops, kings, queens, on a quarter to a half of its squares, in light and
  dark pieces); the digit and clothing sets get them in their own tones on their dark ground, the photographs as
  a flag on a sky gradient, a card on green felt or a wooden table, and a board of cream and green or brown
  squares with white and black pieces;
* ``label`` (5%): *auto-labeller* flips: a few-shot nearest-prototype classifier (the mean of 5 examples a class,
  drawn at random, on 8 x 8 grey thumbnails each standardised) labels the set, as a weak model pre-labels data
  for people to confirm; the flips are drawn uniformly among the eligible examples it gets wrong (and, where they
  are fewer than twice the flips needed, those it gets closest to wrong), and each gets its answer (its nearest
  prototype of another class): mistakes a model makes, accepted unchecked. Every flip changes the label, so every
  one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
L's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 101), MNIST (2,000, seed 102), and the evaluation photographs tiled at 100 px (35 tiles a photograph at most,
seed 103) and at 132 px (every tile, seed 104), sizes no other set uses. ``photos132_l_jpeg`` is written as JPEG
files, each at a quality drawn from 80-95 (a stream of its own, seed ``125_000 + random_state``), every edit, blur
and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``120_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J and K).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import _grid, by_family, plant_generator
from _heldout_j import _glyph_line, _sample
from _heldout_k import _most_detail, _paint, _scaled, _soft_disk, _turn, _Turned
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_L = ("fashion_test_l", "mnist_l", "photos100_l", "photos132_l_jpeg")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_L = {
    "fashion_test_l": ("fashion_test", 101),
    "mnist_l": ("mnist", 102),
    "photos100_l": ("photos", 103, 100, 12, 35),
    "photos132_l_jpeg": ("photos", 104, 132, 8, 1000),
}
JPEG_QUALITY = (80, 96)  # the JPEG set's qualities: integers in [low, high)
RATES_L = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_L = ("ink_stamp", "label_box", "smudge", "magnifier", "tape", "crease", "orientation", "interlace")
BLURS_L = ("cats_eye", "scanner_lift", "reeded_glass")
DARKS_L = ("flash_sync", "variable_nd", "stained_glass")
OUTLIERS_L = ("flag", "playing_card", "chess")
SEED_SHOTS = 5  # examples a class the auto-labeller's prototypes are made of
THUMB = 8  # side of its grey thumbnails


def load_base_l(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_L, "L")


def _smooth_field(shape: tuple[int, int], corr: float, rng) -> np.ndarray:
    """A smooth random field of unit spread, correlation length ``corr`` px."""
    from scipy.ndimage import gaussian_filter

    v = gaussian_filter(rng.normal(0, 1, shape), max(corr, 0.5), mode="wrap")
    return v / (v.std() + 1e-9)


# -- near copies -----------------------------------------------------------------------------
INKS = ((205, 30, 40), (35, 65, 175), (120, 40, 150))
TOOL_COLOURS = ((40, 230, 60), (0, 220, 240), (250, 40, 220), (255, 230, 0), (255, 130, 0))


def _ink_stamp(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    bw = side * rng.uniform(0.45, 0.65)
    bh = max(6.0, bw * rng.uniform(0.30, 0.38))
    cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.35, 0.65)
    ang = np.deg2rad(rng.uniform(12, 35) * rng.choice([-1, 1]))
    x0, y0 = cx - bw / 2, cy - bh / 2
    lw = max(0.8, 0.11 * bh)
    inset = 2.2 * lw

    def frame(d, s):
        for m, width in ((0.0, lw), (inset, 0.5 * lw)):
            pts = _turn([(x0 + m, y0 + m), (x0 + bw - m, y0 + m), (x0 + bw - m, y0 + bh - m), (x0 + m, y0 + bh - m),
                         (x0 + m, y0 + m)], cx, cy, ang)
            d.line(_scaled(pts, s), fill=255, width=max(1, round(width * s)), joint="curve")

    gh = 0.42 * bh
    text = _drawn((h, w), lambda d, s: _glyph_line(_Turned(d, s, cx, cy, ang), s, x0 + inset + 0.25 * gh,
                                                   x0 + bw - inset - 0.1 * gh, cy - gh / 2, gh, max(0.7, 0.2 * gh),
                                                   rng))
    m = np.maximum(_drawn((h, w), frame), text)
    worn = _smooth_field((h, w), max(0.8, 0.03 * side), rng)
    m = m * (worn > np.quantile(worn, rng.uniform(0.10, 0.25)))
    return _u8(_paint(f, m * rng.uniform(0.75, 0.90), INKS[int(rng.integers(len(INKS)))]))


def _label_box(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    bw, bh = side * rng.uniform(0.35, 0.55, 2)
    cy, cx = _most_detail(f.mean(axis=2), 0.15 * side, 0.25, 0.75, rng)
    x0 = float(np.clip(cx - bw / 2, 0.5, w - bw - 0.5))
    y0 = float(np.clip(cy - bh / 2, 0.5, h - bh - 0.5))
    lw = max(1.0, side * rng.uniform(0.012, 0.02))
    colour = TOOL_COLOURS[int(rng.integers(len(TOOL_COLOURS)))]
    inside = _drawn((h, w), lambda d, s: d.rectangle((x0 * s, y0 * s, (x0 + bw) * s, (y0 + bh) * s), fill=255))
    outline = _drawn((h, w), lambda d, s: d.rectangle((x0 * s, y0 * s, (x0 + bw) * s, (y0 + bh) * s), outline=255,
                                                      width=max(1, round(lw * s))))
    hs = max(2.0, side * rng.uniform(0.035, 0.05)) / 2
    spots = [(x0 + a * bw, y0 + b * bh) for a in (0, 0.5, 1) for b in (0, 0.5, 1) if (a, b) != (0.5, 0.5)]
    handles = _drawn((h, w), lambda d, s: [d.rectangle(((x - hs) * s, (y - hs) * s, (x + hs) * s, (y + hs) * s),
                                                       fill=255) for x, y in spots])
    core = _drawn((h, w), lambda d, s: [d.rectangle(((x - 0.55 * hs) * s, (y - 0.55 * hs) * s, (x + 0.55 * hs) * s,
                                                     (y + 0.55 * hs) * s), fill=255) for x, y in spots])
    th = max(4.0, side * rng.uniform(0.09, 0.12))
    tw = min(side * rng.uniform(0.30, 0.45), w - x0)
    ty = y0 - th if y0 - th >= 0 else y0  # above the box, or inside it where the box touches the top
    tag = _drawn((h, w), lambda d, s: d.rectangle((x0 * s, ty * s, (x0 + tw) * s, (ty + th) * s), fill=255))
    gh = 0.55 * th
    text = _drawn((h, w), lambda d, s: _glyph_line(d, s, x0 + 0.15 * th, x0 + tw - 0.1 * th, ty + 0.22 * th, gh,
                                                   max(0.6, 0.15 * gh), rng))
    out = _paint(f, inside * rng.uniform(0.10, 0.18), colour)
    out = _paint(_paint(out, outline, colour), tag, colour)
    out = _paint(_paint(out, handles, colour), core, (255, 255, 255))
    return _u8(_paint(out, text * tag, (255, 255, 255)))


def _smudge(f: np.ndarray, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    r = max(1.5, side * rng.uniform(0.06, 0.09))
    rad = int(np.ceil(r)) + 1
    yy, xx = np.mgrid[-rad: rad + 1, -rad: rad + 1]
    brush = np.clip(r + 0.5 - np.hypot(yy, xx), 0, 1)[..., None].astype(np.float32)
    lum = f.mean(axis=2)
    sy, sx = _most_detail(lum, r, 0.25, 0.75, rng)
    gy, gx = np.gradient(gaussian_filter(lum, max(0.7, r / 2)))
    j, i = int(np.clip(sy, 0, h - 1)), int(np.clip(sx, 0, w - 1))
    # dragged across the edge there (along its gradient, either way), bent a little
    a = np.arctan2(gy[j, i], gx[j, i]) + rng.choice([0, np.pi]) + rng.uniform(-0.4, 0.4)
    length = side * rng.uniform(0.30, 0.45)
    sy, sx = sy - 0.25 * length * np.sin(a), sx - 0.25 * length * np.cos(a)  # starting a little before it
    bend = rng.uniform(-0.15, 0.15) * length
    n = max(8, int(length / max(0.5, r / 3)))
    t = np.linspace(0, 1, n)
    py = sy + t * length * np.sin(a) + bend * np.sin(np.pi * t) * np.cos(a)
    px = sx + t * length * np.cos(a) - bend * np.sin(np.pi * t) * np.sin(a)
    py, px = np.clip(np.round(py), 0, h - 1).astype(int) + rad, np.clip(np.round(px), 0, w - 1).astype(int) + rad
    out = np.pad(f, ((rad, rad), (rad, rad), (0, 0)), mode="edge")
    keep = rng.uniform(0.85, 0.92)
    carried = out[py[0] - rad: py[0] + rad + 1, px[0] - rad: px[0] + rad + 1].copy()
    for y, x in zip(py[1:], px[1:]):
        under = out[y - rad: y + rad + 1, x - rad: x + rad + 1]
        carried = keep * carried + (1 - keep) * under
        out[y - rad: y + rad + 1, x - rad: x + rad + 1] = under * (1 - brush) + carried * brush
    return _u8(out[rad: rad + h, rad: rad + w])


def _magnifier(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(4.0, side * rng.uniform(0.14, 0.20))
    cy, cx = _most_detail(f.mean(axis=2), r, 0.25, 0.75, rng)
    mag = rng.uniform(1.8, 2.4)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    seen = _sample(f, cy + (yy - cy) / mag - 0.5, cx + (xx - cx) / mag - 0.5)
    lens = _drawn((h, w), lambda d, s: d.ellipse(((cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s), fill=255))
    rw = max(1.0, r * rng.uniform(0.12, 0.16))
    hand = rng.uniform(0, 2 * np.pi)
    hl = r * rng.uniform(1.0, 1.5)
    p0 = (cx + r * np.cos(hand), cy + r * np.sin(hand))
    p1 = (cx + (r + hl) * np.cos(hand), cy + (r + hl) * np.sin(hand))

    def rim(d, s):
        d.ellipse(((cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s), outline=255, width=max(1, round(rw * s)))
        d.line(_scaled([p0, p1], s), fill=255, width=max(1, round(2.2 * rw * s)))

    gr = 0.6 * r
    glint = _drawn((h, w), lambda d, s: d.arc(((cx - gr) * s, (cy - gr) * s, (cx + gr) * s, (cy + gr) * s), 200, 250,
                                              fill=255, width=max(1, round(0.5 * rw * s))))
    colour = ((25, 25, 28), (60, 40, 25), (90, 92, 98))[int(rng.integers(3))]
    out = f * (1 - lens[..., None]) + seen * lens[..., None]
    out = _paint(out, 0.55 * glint * lens, (255, 255, 255))
    return _u8(_paint(out, _drawn((h, w), rim), colour))


def _tape(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    corners = [int(rng.integers(4))]
    if rng.random() < 0.5:
        corners.append(3 - corners[0])  # the opposite corner
    out = f
    for k in corners:
        ln, wd = side * rng.uniform(0.40, 0.55), max(4.0, side * rng.uniform(0.13, 0.17))
        ex, ey = (k & 1) * w, (k >> 1) * h
        inward = np.arctan2(h / 2 - ey, w / 2 - ex)
        reach = side * rng.uniform(0.17, 0.24)  # the strip's middle, in from the corner
        cx, cy = ex + np.cos(inward) * reach, ey + np.sin(inward) * reach
        ang = inward + np.pi / 2 + np.deg2rad(rng.uniform(-15, 15))  # across the corner
        teeth = 5
        left = [(cx - ln / 2 + 0.12 * wd * (j % 2), cy - wd / 2 + wd * j / teeth) for j in range(teeth + 1)]
        right = [(cx + ln / 2 - 0.12 * wd * (j % 2), cy + wd / 2 - wd * j / teeth) for j in range(teeth + 1)]
        poly = _turn(left + right, cx, cy, ang)
        m = _drawn((h, w), lambda d, s, p=poly: d.polygon(_scaled(p, s), fill=255))
        edges = _turn([(cx - ln / 2, cy - wd / 2), (cx + ln / 2, cy - wd / 2), (cx + ln / 2, cy + wd / 2),
                       (cx - ln / 2, cy + wd / 2)], cx, cy, ang)
        lw = max(0.6, 0.012 * side)
        shine = _drawn((h, w), lambda d, s, e=edges: [d.line(_scaled([e[0], e[1]], s), fill=255, width=max(1, round(lw * s))),
                                                      d.line(_scaled([e[2], e[3]], s), fill=255, width=max(1, round(lw * s)))])
        out = _paint(out, m * rng.uniform(0.35, 0.50), (246, 240, 218))  # slightly yellowed
        edge = np.where(out.mean(axis=2, keepdims=True) < 150, 255.0, 130.0)  # its edges catch the light
        k = (0.45 * shine * m)[..., None]
        out = out * (1 - k) + edge * k
    return _u8(out)


def _crease(f: np.ndarray, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter1d

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    py, px = h * rng.uniform(0.3, 0.7), w * rng.uniform(0.3, 0.7)
    a = rng.uniform(0, np.pi)
    dist = (xx - px) * np.sin(a) - (yy - py) * np.cos(a)  # signed distance from the fold
    along = (xx - px) * np.cos(a) + (yy - py) * np.sin(a)
    sw = max(1.0, side * rng.uniform(0.03, 0.06))
    shadow = np.where(dist > 0, np.exp(-dist / sw), 0) * rng.uniform(0.20, 0.35)
    halves = 1 + np.sign(dist) * rng.uniform(0.03, 0.06) / 2
    hw = max(0.7, 0.008 * side)
    line = np.clip(hw / 2 + 0.5 - np.abs(dist), 0, 1)
    span = np.linspace(float(along.min()), float(along.max()), 64)
    cracks = gaussian_filter1d(rng.normal(0, 1, 64), 1.5)  # the highlight broken where the emulsion cracked
    line = line * (np.interp(along, span, cracks) > np.quantile(cracks, 0.15))
    out = f * (halves * (1 - shadow))[..., None]
    return _u8(_paint(out, line * rng.uniform(0.50, 0.70), (252, 252, 250)))


def _interlace(a: np.ndarray, rng) -> np.ndarray:
    h, w = a.shape[:2]
    d = max(1, round(min(h, w) * rng.uniform(0.015, 0.03))) * int(rng.choice([-1, 1]))
    out = a.copy()
    rows = slice(int(rng.integers(2)), None, 2)
    field = a[rows]
    idx = np.clip(np.arange(w) - d, 0, w - 1)  # moved sideways, the gap filled with the edge pixel
    out[rows] = field[:, idx]
    return out


def near_edit_l(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "ink_stamp":  # a "SAMPLE" / "SOLD" rubber stamp across the picture
        return _ink_stamp(f, rng)
    if kind == "label_box":  # a labelling tool's box with handles and a class tag, left in the picture
        return _label_box(f, rng)
    if kind == "smudge":  # an image editor's smudge tool dragged across the subject
        return _smudge(f, rng)
    if kind == "magnifier":  # a magnifying glass held over a detail
        return _magnifier(f, rng)
    if kind == "tape":  # translucent tape across a corner or two, as a print taped into an album
        return _tape(f, rng)
    if kind == "crease":  # a print folded once
        return _crease(f, rng)
    if kind == "orientation":  # the orientation tag lost: turned by a quarter, a half or three quarters
        return np.ascontiguousarray(np.rot90(a, int(rng.integers(1, 4))))
    if kind == "interlace":  # every other row from the other field of interlaced video
        return _interlace(a, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _cats_eye_kernel(radius: float, off: np.ndarray) -> np.ndarray:
    """A disk of ``radius`` px cut by the same disk moved by ``off`` (dy, dx) px, centred on its centroid
    (4 x 4 samples a pixel)."""
    r = int(np.ceil(radius + 0.5 * np.hypot(*off))) + 1
    sub = (np.arange(-r * 4, (r + 1) * 4) + 0.5) / 4 - 0.5
    yy, xx = np.meshgrid(sub, sub, indexing="ij")
    cy, cx = off / 2  # the cut disk's middle moved to the origin
    k = ((yy + cy) ** 2 + (xx + cx) ** 2 <= radius ** 2) & ((yy - cy) ** 2 + (xx - cx) ** 2 <= radius ** 2)
    n = 2 * r + 1
    return k.astype(np.float32)[: n * 4, : n * 4].reshape(n, 4, n, 4).mean(axis=(1, 3))


def _blend_rows(levels: list[np.ndarray], t: np.ndarray) -> np.ndarray:
    """Per pixel, ``levels`` (pictures blurred more and more) interpolated at ``t`` (0 = the first, 1 = the last)."""
    x = np.clip(t, 0, 1) * (len(levels) - 1)
    j = np.minimum(x.astype(int), len(levels) - 2)
    u = (x - j)[..., None]
    stack = np.stack(levels)
    pick = lambda k: np.take_along_axis(stack, k[None, ..., None].repeat(3, axis=-1), 0)[0]  # noqa: E731
    return pick(j) * (1 - u) + pick(j + 1) * u


def blur_l(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _grid(h, w)
    if kind == "cats_eye":  # defocus through a vignetted lens: the disk cut into an almond towards the edges
        r = max(1.8, side * rng.uniform(0.06, 0.08))
        cut = rng.uniform(0.9, 1.2) * r
        anchors = np.array([-0.5, 0.0, 0.5])  # the kernels at 3 x 3 places, as fractions of the side
        out = np.zeros_like(f)
        for ay in anchors:
            wy = np.clip(1 - np.abs(yy / h - ay) / 0.5, 0, 1)
            for ax in anchors:
                wx = np.clip(1 - np.abs(xx / w - ax) / 0.5, 0, 1)
                off = np.array([ay, ax]) / np.hypot(0.5, 0.5) * cut
                out += _fft_blur(f, _cats_eye_kernel(r, off)) * (wy * wx)[..., None]
        return _u8(out)
    if kind == "scanner_lift":  # a page lifted off the scanner's glass at one edge
        r0 = max(1.5, side * rng.uniform(0.05, 0.065))
        r1 = r0 * rng.uniform(2.0, 2.6)
        edge = int(rng.integers(4))
        t = (yy / h + 0.5, 0.5 - yy / h, xx / w + 0.5, 0.5 - xx / w)[edge]  # 0 on the glass, 1 at the lifted edge
        levels = [_fft_blur(f, _soft_disk(r)) for r in np.linspace(r0, r1, 4)]
        light = 1 - rng.uniform(0.15, 0.30) * t
        return _u8(_blend_rows(levels, t) * light[..., None])
    if kind == "reeded_glass":  # seen through ribbed glass: each rib a cylindrical lens
        period = max(2.5, side * rng.uniform(0.07, 0.10))
        across = max(1.0, period * rng.uniform(0.6, 0.8))
        along = max(1.2, side * rng.uniform(0.04, 0.05))
        vertical = rng.random() < 0.5  # ribs running up and down: the blur and lensing across x
        g = gaussian_filter(f, (along, across, 0) if vertical else (across, along, 0), mode="reflect")
        pos = (xx + w / 2) if vertical else (yy + h / 2)
        phase = rng.uniform(0, period)
        centre = np.floor((pos - phase) / period) * period + phase + period / 2
        mag = rng.uniform(1.3, 1.8)
        src = centre - (pos - centre) / mag  # inverted, enlarged
        ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
        out = _sample(g, ys, src - 0.5) if vertical else _sample(g, src - 0.5, xs)
        u = (pos - centre) / period * 2  # -1 .. 1 across a rib
        out = out * (1 - rng.uniform(0.04, 0.08) * u ** 4)[..., None]
        soft = max(0.5, 0.2 * period)  # the ribs' edges rounded
        return _u8(gaussian_filter(out, (0, soft, 0) if vertical else (soft, 0, 0), mode="reflect"))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
GLASS = np.array([[220, 30, 40], [30, 70, 220], [240, 190, 20], [30, 160, 60], [150, 40, 170], [240, 110, 20],
                  [60, 190, 220]], np.float32) / 255


def dark_l(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _grid(h, w)
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "flash_sync":  # the second curtain's shadow over part of a flash picture
        edge = int(rng.integers(4))
        t = (yy / h + 0.5, 0.5 - yy / h, xx / w + 0.5, 0.5 - xx / w)[edge]  # 0 at the curtain's edge of the frame
        cover = rng.uniform(0.40, 0.65)
        soft = rng.uniform(0.04, 0.08)
        lit = 1 / (1 + np.exp(-(t - cover) / (soft / 4)))
        g_amb, g_flash = rng.uniform(0.01, 0.03), rng.uniform(0.20, 0.30)
        gain = g_amb + (g_flash - g_amb) * lit
        return _u8(f * gain[..., None] * np.array([0.95, 0.98, 1.0], np.float32) + noise)
    if kind == "variable_nd":  # a variable ND filter turned too far: dark, violet, with the X of crossed polarisers
        trans = rng.uniform(0.07, 0.12) * np.array([0.92, 0.82, 1.12], np.float32)
        th, half = rng.uniform(0, np.pi), np.deg2rad(rng.uniform(25, 45))
        cy, cx = side * rng.uniform(-0.1, 0.1, 2)
        bw = side * rng.uniform(0.08, 0.12)
        x_shape = np.zeros((h, w), np.float32)
        for arm in (th - half, th + half):
            d = (xx - cx) * np.sin(arm) - (yy - cy) * np.cos(arm)
            x_shape = np.maximum(x_shape, np.exp(-d ** 2 / (2 * (bw / 2) ** 2)))
        gain = 1 - rng.uniform(0.55, 0.75) * x_shape
        return _u8(f * gain[..., None] * trans + noise)
    if kind == "stained_glass":  # a dark room lit only through a stained-glass window
        ww, wh = side * rng.uniform(0.55, 0.75, 2)
        ang, skew = rng.uniform(-0.6, 0.6), rng.uniform(-0.3, 0.3)
        cy, cx = side * rng.uniform(-0.12, 0.12, 2)
        u = (xx - cx) * np.cos(ang) + (yy - cy) * np.sin(ang)
        v = (yy - cy) * np.cos(ang) - (xx - cx) * np.sin(ang)
        u = u - skew * v
        soft = max(0.5, 0.015 * side)
        window = (1 / (1 + np.exp((np.abs(u) - ww / 2) / soft))) * (1 / (1 + np.exp((np.abs(v) - wh / 2) / soft)))
        n = int(rng.integers(6, 13))
        seeds = np.stack([rng.uniform(-ww / 2, ww / 2, n), rng.uniform(-wh / 2, wh / 2, n)], axis=1)
        d = np.hypot(u[..., None] - seeds[:, 0], v[..., None] - seeds[:, 1])
        order = np.sort(d, axis=-1)
        pane = np.argmin(d, axis=-1)
        lead = np.clip((order[..., 1] - order[..., 0]) / max(0.6, 0.02 * side), 0, 1)  # dark leading between panes
        colours = GLASS[rng.integers(len(GLASS), size=n)] * rng.uniform(0.18, 0.30, (n, 1))
        colour = colours[pane]
        light = rng.uniform(0.015, 0.035)
        gain = light + (colour - light) * (window * lead)[..., None]
        return _u8(f * gain + noise)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
FLAG_COLOURS = np.array([[200, 16, 46], [255, 255, 255], [0, 56, 147], [0, 122, 61], [252, 209, 22], [20, 20, 20],
                         [255, 130, 0], [100, 170, 230]], np.float32)


def _flag(size: int, rng) -> tuple[list[tuple[np.ndarray, int]], np.ndarray, np.ndarray, np.ndarray]:
    """A waving flag: its layers (coverage 0-1, colour index), the cloth (0-1), its shading and the pole (0-1)."""
    big = 4 * size
    fw = big * rng.uniform(0.70, 0.90)
    fh = fw * rng.uniform(0.55, 0.70)
    x0, y0 = big * rng.uniform(0.06, 0.10), (big - fh) / 2 + big * rng.uniform(-0.05, 0.05)
    colours = rng.permutation(len(FLAG_COLOURS))[:4]
    design = int(rng.integers(7))
    layers = []

    def layer(draw):
        img = Image.new("L", (big, big), 0)
        draw(ImageDraw.Draw(img))
        return img

    rect = lambda a, b, c, d: (lambda dr: dr.rectangle((x0 + a * fw, y0 + b * fh, x0 + c * fw, y0 + d * fh),  # noqa: E731
                                                       fill=255))
    layers.append((layer(rect(0, 0, 1, 1)), colours[0]))
    if design == 0:  # bands across
        n = int(rng.integers(2, 4))
        for k in range(1, n):
            layers.append((layer(rect(0, k / n, 1, 1)), colours[k]))
    elif design == 1:  # bands down
        for k in (1, 2):
            layers.append((layer(rect(k / 3, 0, 1, 1)), colours[k]))
    elif design == 2:  # a Nordic cross
        cw = rng.uniform(0.10, 0.16)
        layers.append((layer(lambda dr: (rect(0.30, 0, 0.30 + cw * fh / fw, 1)(dr),
                                         rect(0, 0.5 - cw / 2, 1, 0.5 + cw / 2)(dr))), colours[1]))
    elif design == 3:  # a saltire
        lw = round(fh * rng.uniform(0.12, 0.18))
        layers.append((layer(lambda dr: (dr.line((x0, y0, x0 + fw, y0 + fh), fill=255, width=lw),
                                         dr.line((x0, y0 + fh, x0 + fw, y0), fill=255, width=lw))), colours[1]))
    elif design == 4:  # a hoist triangle over two bands
        layers.append((layer(rect(0, 0.5, 1, 1)), colours[1]))
        layers.append((layer(lambda dr: dr.polygon([(x0, y0), (x0 + fw * rng.uniform(0.3, 0.45), y0 + fh / 2),
                                                    (x0, y0 + fh)], fill=255)), colours[2]))
    elif design == 5:  # a disc
        r = fh * rng.uniform(0.22, 0.32)
        cx = x0 + fw * rng.uniform(0.4, 0.5)
        layers.append((layer(lambda dr: dr.ellipse((cx - r, y0 + fh / 2 - r, cx + r, y0 + fh / 2 + r), fill=255)),
                       colours[1]))
    else:  # stripes and a canton with a star
        n = int(rng.integers(3, 8)) * 2 - 1 if size >= 48 else 3
        layers.append((layer(lambda dr: [rect(0, k / n, 1, (k + 1) / n)(dr) for k in range(1, n, 2)]), colours[1]))
        layers.append((layer(rect(0, 0, 0.42, 4 / n if n > 3 else 0.5)), colours[2]))
        cx, cy, r = x0 + 0.21 * fw, y0 + (2 / n if n > 3 else 0.25) * fh, fh * 0.12
        t = np.linspace(0, 2 * np.pi, 11)[:-1] - np.pi / 2
        rr = np.where(np.arange(10) % 2 == 0, r, 0.4 * r)
        layers.append((layer(lambda dr: dr.polygon(list(zip(cx + rr * np.cos(t), cy + rr * np.sin(t))), fill=255)),
                       colours[3]))
    pole = layer(lambda dr: dr.rectangle((x0 - big * 0.025, big * 0.02, x0, big), fill=255))
    # waving: the cloth rippled along its length, shaded by the ripples' slope
    amp, lam, ph = big * rng.uniform(0.02, 0.04), fw * rng.uniform(0.45, 0.8), rng.uniform(0, 2 * np.pi)
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32)
    X = (xs + 0.5) * 4
    grow = np.clip((X - x0) / fw, 0, 1)  # fixed at the hoist
    dy = amp * grow * np.sin(2 * np.pi * (X - x0) / lam + ph) / 4
    shade = 1 + rng.uniform(0.08, 0.15) * grow * np.cos(2 * np.pi * (X - x0) / lam + ph)
    down = lambda img: np.asarray(img.resize((size, size), Image.BOX), np.float32) / 255  # noqa: E731
    warp = lambda m: _sample(m[..., None], ys - dy, xs)[..., 0]  # noqa: E731
    return [(warp(down(m)), int(c)) for m, c in layers], warp(down(layers[0][0])), shade, down(pole)


def _pip(d, kind: int, x: float, y: float, r: float, up: bool = True) -> None:
    """A suit symbol of half-size ``r`` at (``x``, ``y``): 0 hearts, 1 diamonds, 2 clubs, 3 spades."""
    sg = 1 if up else -1
    if kind == 1:
        d.polygon([(x, y - r), (x + 0.75 * r, y), (x, y + r), (x - 0.75 * r, y)], fill=255)
        return
    if kind == 2:
        for ox, oy in ((0, -0.45), (-0.5, 0.1), (0.5, 0.1)):
            d.ellipse((x + ox * r - 0.45 * r, y + sg * oy * r - 0.45 * r, x + ox * r + 0.45 * r,
                       y + sg * oy * r + 0.45 * r), fill=255)
        d.polygon([(x, y), (x - 0.35 * r, y + sg * r), (x + 0.35 * r, y + sg * r)], fill=255)
        return
    s = sg if kind == 0 else -sg  # a spade is a heart upside down, with a stem
    for ox in (-0.45, 0.45):
        d.ellipse((x + ox * r - 0.5 * r, y - s * 0.35 * r - 0.5 * r, x + ox * r + 0.5 * r, y - s * 0.35 * r + 0.5 * r),
                  fill=255)
    d.polygon([(x - 0.93 * r, y - s * 0.2 * r), (x + 0.93 * r, y - s * 0.2 * r), (x, y + s * r)], fill=255)
    if kind == 3:
        d.polygon([(x, y - s * 0.2 * r), (x - 0.3 * r, y - s * 1.1 * r), (x + 0.3 * r, y - s * 1.1 * r)], fill=255)


# pip places of ranks 2-10 on a card of width 1 and height 1 (x, y); lower-half pips are drawn upside down
PIPS = {2: [(0.5, 0.2), (0.5, 0.8)], 3: [(0.5, 0.2), (0.5, 0.5), (0.5, 0.8)],
        4: [(x, y) for x in (0.3, 0.7) for y in (0.2, 0.8)],
        5: [(x, y) for x in (0.3, 0.7) for y in (0.2, 0.8)] + [(0.5, 0.5)],
        6: [(x, y) for x in (0.3, 0.7) for y in (0.2, 0.5, 0.8)],
        7: [(x, y) for x in (0.3, 0.7) for y in (0.2, 0.5, 0.8)] + [(0.5, 0.35)],
        8: [(x, y) for x in (0.3, 0.7) for y in (0.2, 0.5, 0.8)] + [(0.5, 0.35), (0.5, 0.65)],
        9: [(x, y) for x in (0.3, 0.7) for y in (0.2, 0.4, 0.6, 0.8)] + [(0.5, 0.5)],
        10: [(x, y) for x in (0.3, 0.7) for y in (0.2, 0.4, 0.6, 0.8)] + [(0.5, 0.3), (0.5, 0.7)]}


def _cards(size: int, rng) -> list[tuple[np.ndarray, np.ndarray, bool]]:
    """One or two playing cards: (card coverage, ink coverage, red ink) each, the last drawn on top."""
    big = 4 * size
    n = 2 if rng.random() < 0.35 else 1
    ch = big * rng.uniform(0.62, 0.80) * (0.9 if n == 2 else 1)
    cw = 0.7 * ch
    base_ang = rng.uniform(-20, 20)
    out = []
    for k in range(n):
        ang = np.deg2rad(base_ang + (k - (n - 1) / 2) * rng.uniform(14, 22))
        cx = big / 2 + (k - (n - 1) / 2) * 0.22 * cw
        cy = big / 2 + big * rng.uniform(-0.04, 0.04)
        card_img = Image.new("L", (big, big), 0)
        ink_img = Image.new("L", (big, big), 0)
        corner = [(cx - cw / 2, cy - ch / 2), (cx + cw / 2, cy + ch / 2)]
        ImageDraw.Draw(card_img).rounded_rectangle(corner, radius=0.07 * cw, fill=255)
        d = ImageDraw.Draw(ink_img)
        suit, rank = int(rng.integers(4)), int(rng.integers(2, 11))
        r = 0.085 * ch if rank <= 8 else 0.07 * ch
        x0, y0 = cx - cw / 2, cy - ch / 2
        for px, py in PIPS[rank]:
            _pip(d, suit, x0 + (0.15 + 0.7 * px) * cw, y0 + (0.08 + 0.84 * py) * ch, r, up=py <= 0.5)
        gh = 0.09 * ch  # the corner index: a made-up glyph over a small pip, in two corners
        for sx, sy, up in ((x0 + 0.05 * cw, y0 + 0.04 * ch, True), (x0 + cw - 0.05 * cw - 0.6 * gh,
                                                                    y0 + ch - 0.04 * ch - 1.9 * gh, False)):
            _glyph_line(d, 1, sx, sx + 0.6 * gh, sy if up else sy + 0.9 * gh, gh, max(2, 0.12 * gh), rng)
            _pip(d, suit, sx + 0.3 * gh, sy + (1.45 if up else 0.35) * gh, 0.3 * gh, up=up)
        turn = lambda img: np.asarray(img.rotate(np.rad2deg(ang), Image.BILINEAR, center=(cx, cy))  # noqa: E731
                                      .resize((size, size), Image.BOX), np.float32) / 255
        out.append((turn(card_img), turn(ink_img), suit < 2))
    return out


def _chess(size: int, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A chess diagram: the board (0-1), its dark squares (0-1), the light pieces and the dark pieces (0-1)."""
    big = 4 * size
    n = int(rng.integers(4, 6)) if size < 48 else int(rng.integers(6, 9))
    cell = big * rng.uniform(0.88, 1.1) / n
    x0 = (big - n * cell) / 2 + cell * rng.uniform(-0.3, 0.3)  # a little of the board may be cut off
    y0 = (big - n * cell) / 2 + cell * rng.uniform(-0.3, 0.3)
    board, dark, white, black = (Image.new("L", (big, big), 0) for _ in range(4))
    ImageDraw.Draw(board).rectangle((x0, y0, x0 + n * cell, y0 + n * cell), fill=255)
    dd = ImageDraw.Draw(dark)
    for i in range(n):
        for j in range(n):
            if (i + j) % 2:
                dd.rectangle((x0 + j * cell, y0 + i * cell, x0 + (j + 1) * cell, y0 + (i + 1) * cell), fill=255)
    occupied = rng.random((n, n)) < rng.uniform(0.25, 0.5)
    for i, j in zip(*np.nonzero(occupied)):
        d = ImageDraw.Draw(white if rng.random() < 0.5 else black)
        cx, by, s = x0 + (j + 0.5) * cell, y0 + (i + 0.85) * cell, cell
        d.rectangle((cx - 0.32 * s, by - 0.1 * s, cx + 0.32 * s, by), fill=255)  # every piece's base
        piece = int(rng.choice(5, p=[0.45, 0.15, 0.15, 0.12, 0.13]))
        if piece == 0:  # a pawn
            d.polygon([(cx - 0.18 * s, by - 0.1 * s), (cx + 0.18 * s, by - 0.1 * s), (cx, by - 0.45 * s)], fill=255)
            d.ellipse((cx - 0.15 * s, by - 0.62 * s, cx + 0.15 * s, by - 0.32 * s), fill=255)
        elif piece == 1:  # a rook
            d.rectangle((cx - 0.2 * s, by - 0.55 * s, cx + 0.2 * s, by - 0.1 * s), fill=255)
            for k in (-1, 0, 1):
                d.rectangle((cx + k * 0.16 * s - 0.06 * s, by - 0.68 * s, cx + k * 0.16 * s + 0.06 * s,
                             by - 0.5 * s), fill=255)
        elif piece == 2:  # a bishop
            d.ellipse((cx - 0.17 * s, by - 0.68 * s, cx + 0.17 * s, by - 0.15 * s), fill=255)
            d.ellipse((cx - 0.05 * s, by - 0.78 * s, cx + 0.05 * s, by - 0.68 * s), fill=255)
        elif piece == 3:  # a king
            d.polygon([(cx - 0.22 * s, by - 0.1 * s), (cx + 0.22 * s, by - 0.1 * s), (cx + 0.15 * s, by - 0.55 * s),
                       (cx - 0.15 * s, by - 0.55 * s)], fill=255)
            d.rectangle((cx - 0.04 * s, by - 0.8 * s, cx + 0.04 * s, by - 0.55 * s), fill=255)
            d.rectangle((cx - 0.13 * s, by - 0.72 * s, cx + 0.13 * s, by - 0.64 * s), fill=255)
        else:  # a queen: a crown
            d.polygon([(cx - 0.25 * s, by - 0.1 * s), (cx + 0.25 * s, by - 0.1 * s), (cx + 0.28 * s, by - 0.65 * s),
                       (cx + 0.12 * s, by - 0.42 * s), (cx, by - 0.72 * s), (cx - 0.12 * s, by - 0.42 * s),
                       (cx - 0.28 * s, by - 0.65 * s)], fill=255)
    ang = rng.uniform(-3, 3)
    down = lambda img: np.asarray(img.rotate(ang, Image.BILINEAR).resize((size, size), Image.BOX),  # noqa: E731
                                  np.float32) / 255
    return down(board), down(dark), down(white), down(black)


def outlier_l(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "flag":
        layers, cloth, shade, pole = _flag(size, rng)
        if photos:  # on a sky gradient, on a grey pole
            yy = (np.arange(size, dtype=np.float32)[:, None, None] + 0.5) / size
            out = np.array([70, 130, 215], np.float32) * (1 - yy) + np.array([175, 205, 240], np.float32) * yy
            out = out * np.ones((1, size, 1), np.float32)
            out = _paint(out, pole, (150, 150, 155))
            for m, c in layers:
                out = _paint(out, m, FLAG_COLOURS[c])
            return _u8(out * (1 - cloth + cloth * shade)[..., None])
        lum = FLAG_COLOURS @ np.array([0.299, 0.587, 0.114], np.float32) / 255
        out = _paint(ground([lo] * 3), pole, tone(0.5))
        for m, c in layers:
            out = _paint(out, m, tone(0.25 + 0.75 * lum[c]))
        return _u8(out * (1 - cloth + cloth * shade)[..., None])
    if kind == "playing_card":
        cards = _cards(size, rng)
        if photos:  # on green felt or a wooden table
            if rng.random() < 0.5:
                out = ground(np.array([20, 105, 55]) * rng.uniform(0.8, 1.1))
            else:
                grain = np.sin(np.arange(size, dtype=np.float32)[:, None] * rng.uniform(0.3, 0.6) +
                               2 * _smooth_field((size, size), size * 0.1, rng))
                out = ground([150, 100, 60]) * (0.85 + 0.1 * grain)[..., None]
            for card, ink, red in cards:
                out = _paint(out, card, (250, 250, 246))
                out = _paint(out, ink * card, (200, 20, 30) if red else (20, 20, 22))
            return _u8(out)
        out = ground([lo] * 3)
        for card, ink, red in cards:
            out = _paint(out, card, tone(rng.uniform(0.85, 1.0)))
            out = _paint(out, ink * card, tone(0.35 if red else 0.05))
        return _u8(out)
    if kind == "chess":
        board, dark, white, black = _chess(size, rng)
        if photos:  # cream and green or brown squares, white and black pieces, on a light page
            sq = [(238, 238, 210), (118, 150, 86)] if rng.random() < 0.5 else [(240, 217, 181), (181, 136, 99)]
            out = _paint(ground(rng.integers(235, 256, 3)), board, sq[0])
            out = _paint(out, dark * board, sq[1])
            out = _paint(out, black, (25, 25, 25))
            edge = np.clip(white * 4 - 3, 0, 1)  # the light pieces outlined in black
            return _u8(_paint(_paint(out, white, (20, 20, 20)), edge, (250, 250, 250)))
        out = _paint(ground([lo] * 3), board, tone(0.45))
        out = _paint(out, dark * board, tone(0.2))
        out = _paint(out, black, tone(0.0))
        return _u8(_paint(out, white, tone(1.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def _thumbs(base: list[np.ndarray]) -> np.ndarray:
    """Grey ``THUMB`` x ``THUMB`` thumbnails, each standardised (zero mean, unit spread)."""
    t = np.stack([np.asarray(Image.fromarray(np.asarray(a).mean(axis=2).astype(np.float32))
                             .resize((THUMB, THUMB), Image.BOX), np.float32).ravel() for a in base])
    t -= t.mean(axis=1, keepdims=True)
    return t / (t.std(axis=1, keepdims=True) + 1e-6)


def autolabel_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                    rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a nearest-prototype classifier made of ``SEED_SHOTS``
    random examples a class (the mean of their standardised thumbnails) labels the ``candidates``; the flips are
    drawn uniformly among those it gets wrong (topped up, where they are fewer than ``2 * count``, by those it
    gets closest to wrong) and each gets its answer, its nearest prototype of another class."""
    t = _thumbs(base)
    lab = np.array([classes.index(v) for v in labels])
    protos = []
    for c in range(len(classes)):
        members = np.flatnonzero(lab == c)
        shots = rng.choice(members, size=min(SEED_SHOTS, len(members)), replace=False)
        protos.append(t[shots].mean(axis=0))
    protos = np.stack(protos)
    cand = np.array(candidates, dtype=int)
    d = ((t[cand][:, None, :] - protos[None]) ** 2).sum(axis=-1)
    own = d[np.arange(len(cand)), lab[cand]]
    d[np.arange(len(cand)), lab[cand]] = np.inf
    answer = d.argmin(axis=1)
    margin = own - d.min(axis=1)  # > 0: the auto-labeller gives another class
    order = np.argsort(-margin, kind="stable")
    wrong = int((margin > 0).sum())
    pool = order[: max(wrong, min(2 * count, len(cand)))]
    picked = rng.choice(pool, size=min(count, len(pool)), replace=False)
    return {int(cand[k]): classes[int(answer[k])] for k in picked}


# -- planting ------------------------------------------------------------------------------
def plant_issues_l(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator L's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 80-95 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_L, seed=120_000 + random_state,
        quality_seed=125_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=autolabel_flips,
        **by_family(name, outlier=(outlier_l, OUTLIERS_L), blur=(blur_l, BLURS_L), dark=(dark_l, DARKS_L),
                    near=(near_edit_l, NEAR_EDITS_L)))
