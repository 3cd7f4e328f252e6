"""Generator K: fresh EVALUATION sets after generator J (never used to choose anything).

Why a ninth evaluation generator: generator J's sets were run, and after its results had been seen the
``near_duplicate`` candidate search was changed: pictures sharing three or more identical 4 x 4 blocks of their
16 x 16 grey pictures now also become candidates for the partial-match rule (near copies edited in a part), not
only the embedding's nearest neighbours; J's sets can no longer measure that change, or anything else changed since,
without bias. Generator K was written on 2026-12-04, before any tool was run on it (only its files, their counts, the
JPEG headers and contact sheets of its edits were looked at, to check that every edit is visible, every blur
blurred, every darkened image dark and every outlier foreign at 28, 84 and 160 px), as a held-out measurement of the
block candidates, the partial-match rule and the rest of the code on data nobody has looked at; it is not to be
changed after its results are seen. Most of its near copies are therefore again edits confined to a part of the
picture, of kinds neither the rule nor the block candidates were chosen on. Its edits, blurs, darkenings, foreign
pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk,
astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make:

* ``near_duplicate`` (3%), six edits in a part of the picture and two of the whole: a price tag (a paper tag of
  30-40% x 16-22% of the side, at least 9 x 5 px, with a pointed end, a punched hole the picture shows through and
  a string running from it out of the picture, made-up price glyphs in dark or red ink, a soft drop shadow; white,
  manila or fluorescent; turned by up to 35 degrees, anywhere inside the picture), a marker arrow (a hand-drawn,
  slightly bent arrow 35-50% of the side long, its line 2.5-3.5% of the side, at least 1 px, in a saturated marker
  colour at 85-95% opacity, pointing at the most detailed of 12 random places 20-80% of the way across and down), a
  dog-ear (a corner folded over along a line cutting 18-28% of the side off one edge and 0.8-1.25 times that off the
  other: the corner shows the table, dark or light, whichever the corner is not, and the flap the paper's off-white
  back, shaded towards the fold, with a soft shadow), a sticky note (a pastel square of 28-36% of the side, at least
  8 px, turned by up to 12 degrees, its centre 25-75% of the way across and down, with a darker adhesive strip, a
  drop shadow and 2-3 lines of wavy pen handwriting), a torn-off corner (a jagged tear from 22-35% of the side along
  one edge to 22-35% along the other, bowed by -5% to 18% of its length, mostly into the picture: the table shows
  beyond it, as for the dog-ear, and the paper's white core along it, 1.2-2.2% of the side wide, at least 0.8 px), a
  video player overlay (a dark disc at 45-60% opacity, radius 13-18% of the side, at least 4 px, near the centre,
  with a white ring and play triangle, and a progress bar in a strip of 8-11% of the height, at least 3 px, darkened
  by 45-60% at the bottom: a grey track, the played 10-90% red or white, a knob), a mirror image (left and right
  swapped, as a selfie camera or a flipped scan gives it; a symmetric picture's mirror image that equals it is
  planted as an exact copy) and a camera viewfinder (rule-of-thirds grid lines 0.8% of the side wide, at least
  0.6 px, white at 45-65%, and the yellow corner brackets of a focus square of 16-22% of the side, at least 5 px,
  in the middle half of the picture);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): defocus with longitudinal chromatic aberration (each colour channel through its own uniform
  disk, radii r, 1.35-1.45 r and 1.75-1.95 r in a random order of the channels, r 5-7% of the side, at least 1.5 px:
  colour fringes on grey pictures too), a dirty lens (defocus through a smudged aperture: a disk of radius 6-8.5% of
  the side, at least 2 px, of which a smooth random 55-75% passes light, then veiling glare: 15-28% of the light
  replaced by a haze of half the picture's very wide blur, sigma 30% of the side, and half a grey of 150-210) and a
  steamed-up window (a Gaussian blur of sigma 5-7% of the side, at least 1.8 px, under a condensation haze of a
  light grey of 190-230 at 20-32%, with 3-6 clear drops of radius 2.5-4.5% of the side, at least 1 px, each showing
  the sharp scene upside down and at half the scale, with a dark lower rim and a highlight);
* ``dark`` (2%): a stage spotlight (a soft-edged ellipse of semi-axes 22-30% and 75-100% of that of the side,
  turned at random, centred 30-70% of the way across and down, edge width 3-6% of the side, lit by a warm white at a
  gain of 0.28-0.40, the rest at 0.02-0.045; noise sigma 1.2 levels), night light through Venetian blinds (slanted
  stripes, period 10-16% of the side, at least 3 px, turned by up to 35 degrees from the horizontal, 35-55% of each
  lit at a gain of 0.20-0.30 by a cool or warm light, the rest at 0.015-0.04, the stripes' edges softened by 8% of
  the period; noise sigma 1.2 levels) and deep water (red kept at 3-6%, green at 14-20%, blue at 17-25%, under
  caustics brightening by up to 30-50% along a network of thin lines, plus a blue-green backscatter veil of 8-14
  levels at the top falling to 40% of that at the bottom; noise sigma 1.2 levels);
* ``outlier`` (1.5%): crossword grids (5-7 cells a side below 48 px, 9-15 above, black squares in 180-degree
  rotational symmetry, about a fifth of the cells, the clue numbers as seven-segment digits where a cell is 9 px or
  more, the grid turned by up to 6 degrees), circuit schematics (a lattice of 2-3 x 2 nodes below 48 px, 3-4 x 2-3
  above, joined round its edge and by some inner wires, 65% of the wires carrying a resistor, capacitor, inductor,
  diode or battery symbol, junction dots where three or more wires meet and a ground symbol under a bottom node) and
  weather-radar screens (range rings and cross hairs round the radar site, dim coast lines, rain as banded levels of
  a smooth random field over 15-30% of the range disk, a fading sweep); the digit and clothing sets get them light
  on dark in their own tones, the photographs as black squares and lines on a white grid on a newsprint tone
  (crosswords), dark ink on white paper or white on blueprint blue (schematics) or in a radar's colours, green
  through yellow to red on near black (radar);
* ``label`` (5%): *largest-class* flips: the flips are drawn uniformly among the eligible examples of the two
  largest classes of the set (ties by class order; a third and more added while those hold fewer than twice the
  flips needed), and each source class has its own random error profile, a Dirichlet (0.5) distribution over the
  other classes, from which each of its flipped examples draws its new label: a labeller who went through the
  biggest classes in a hurry and had a few favourite wrong answers for each. Every flip changes the label, so every
  one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
K's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 91), MNIST (2,000, seed 92), and the evaluation photographs tiled at 84 px (35 tiles a photograph at most,
seed 93: 518) and at 160 px (every tile, seed 94: 277), sizes no other set uses. ``photos160_k_jpeg`` is written as
JPEG files, each at a quality drawn from 75-92 (a stream of its own, seed ``115_000 + random_state``), every edit,
blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``110_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import _grid, by_family, plant_generator
from _heldout_j import DIGIT_SEGMENTS, SEGMENTS, _glyph_line, _sample
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_K = ("fashion_test_k", "mnist_k", "photos84_k", "photos160_k_jpeg")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_K = {
    "fashion_test_k": ("fashion_test", 91),
    "mnist_k": ("mnist", 92),
    "photos84_k": ("photos", 93, 84, 12, 35),
    "photos160_k_jpeg": ("photos", 94, 160, 8, 1000),
}
JPEG_QUALITY = (75, 93)  # the JPEG set's qualities: integers in [low, high)
RATES_K = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_K = ("price_tag", "marker_arrow", "dog_ear", "sticky_note", "torn_corner", "play_overlay", "mirror",
                "viewfinder")
BLURS_K = ("chromatic_defocus", "dirty_lens", "steamed_window")
DARKS_K = ("spotlight", "blinds", "deep_water")
OUTLIERS_K = ("crossword", "schematic", "radar")
DIRICHLET_ALPHA = 0.5


def load_base_k(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_K, "K")


# -- drawing helpers -------------------------------------------------------------------------
def _turn(points, cx: float, cy: float, angle: float) -> list[tuple[float, float]]:
    """``points`` (x, y) turned by ``angle`` radians about (``cx``, ``cy``)."""
    c, s = np.cos(angle), np.sin(angle)
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


class _Turned:
    """An ``ImageDraw`` stand-in for :func:`_heldout_j._glyph_line`: its lines turned by ``angle`` about (``cx``,
    ``cy``) (picture px; the drawing is at ``s`` times that scale)."""

    def __init__(self, d, s: float, cx: float, cy: float, angle: float):
        self.d, self.s, self.cx, self.cy, self.angle = d, s, cx, cy, angle

    def line(self, xy, fill=255, width=1):
        pts = [(xy[k] / self.s, xy[k + 1] / self.s) for k in range(0, len(xy), 2)]
        self.d.line([(x * self.s, y * self.s) for x, y in _turn(pts, self.cx, self.cy, self.angle)], fill=fill,
                    width=width)


def _scaled(points, s: float) -> list[tuple[float, float]]:
    return [(x * s, y * s) for x, y in points]


def _paint(out: np.ndarray, m: np.ndarray, colour) -> np.ndarray:
    return out * (1 - m[..., None]) + np.asarray(colour, np.float32) * m[..., None]


def _most_detail(lum: np.ndarray, r: float, lo: float, hi: float, rng) -> tuple[float, float]:
    """Of 12 random points between ``lo`` and ``hi`` of the way across and down, the one with the most detail
    (mean gradient) within ``r`` px."""
    h, w = lum.shape
    gy, gx = np.gradient(lum)
    detail = np.hypot(gy, gx)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    best, at = -1.0, (h / 2, w / 2)
    for _ in range(12):
        y, x = rng.uniform(lo, hi) * h, rng.uniform(lo, hi) * w
        v = float(detail[(yy - y) ** 2 + (xx - x) ** 2 <= max(r, 1.0) ** 2].mean())
        if v > best:
            best, at = v, (y, x)
    return at


def _table(corner: np.ndarray, rng) -> np.ndarray:
    """The colour of a table under a picture: dark if the picture's ``corner`` is light, else light."""
    v = rng.uniform(25, 55) if float(corner.mean()) >= 100 else rng.uniform(200, 230)
    return v * np.array([1.0, rng.uniform(0.92, 1.0), rng.uniform(0.82, 0.95)], np.float32)


def _in_corner(a: np.ndarray, edit, rng) -> np.ndarray:
    """``edit`` (written for the top-left corner) applied at a random corner of ``a``."""
    k = int(rng.integers(4))
    b = a[:, ::-1] if k & 1 else a
    b = b[::-1] if k & 2 else b
    out = edit(np.ascontiguousarray(b))
    out = out[:, ::-1] if k & 1 else out
    return np.ascontiguousarray(out[::-1] if k & 2 else out)


# -- near copies -----------------------------------------------------------------------------
TAG_COLOURS = ((246, 245, 238), (236, 214, 166), (250, 240, 85), (255, 172, 60), (255, 150, 190))
MARKER_COLOURS = ((232, 30, 40), (222, 40, 170), (40, 190, 60), (40, 90, 232), (250, 140, 20))
NOTE_COLOURS = ((255, 238, 110), (255, 172, 200), (172, 240, 150), (150, 215, 255), (255, 200, 120))


def _price_tag(f: np.ndarray, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    ln, ht = max(9.0, side * rng.uniform(0.30, 0.40)), max(5.0, side * rng.uniform(0.16, 0.22))
    ang = np.deg2rad(rng.uniform(-35, 35))
    ext_x = ln / 2 * abs(np.cos(ang)) + ht / 2 * abs(np.sin(ang))
    ext_y = ln / 2 * abs(np.sin(ang)) + ht / 2 * abs(np.cos(ang))
    cx = rng.uniform(ext_x + 1, w - ext_x - 1) if w > 2 * ext_x + 2 else w / 2
    cy = rng.uniform(ext_y + 1, h - ext_y - 1) if h > 2 * ext_y + 2 else h / 2
    tip = 0.4 * ht
    xl, xr = cx - ln / 2, cx + ln / 2
    body = _turn([(xl, cy), (xl + tip, cy - ht / 2), (xr, cy - ht / 2), (xr, cy + ht / 2), (xl + tip, cy + ht / 2)],
                 cx, cy, ang)
    (hx, hy), = _turn([(xl + 0.9 * tip, cy)], cx, cy, ang)
    hr = max(0.6, 0.13 * ht)

    def tag(d, s):
        d.polygon(_scaled(body, s), fill=255)
        d.ellipse(((hx - hr) * s, (hy - hr) * s, (hx + hr) * s, (hy + hr) * s), fill=0)

    gh = 0.45 * ht
    ink = _drawn((h, w), lambda d, s: _glyph_line(_Turned(d, s, cx, cy, ang), s, xl + tip + 0.3 * ht, xr - 0.15 * ht,
                                                  cy - gh / 2, gh, max(0.7, 0.13 * gh), rng))
    # the string: from the hole away from the tag, sagging, out of the picture
    away = ang + np.pi + rng.uniform(-0.7, 0.7)
    far = 1.5 * side
    end = (hx + far * np.cos(away), hy + far * np.sin(away))
    sag = rng.uniform(-0.25, 0.25) * far
    mid = ((hx + end[0]) / 2 - sag * np.sin(away), (hy + end[1]) / 2 + sag * np.cos(away))
    t = np.linspace(0, 1, 40)[:, None]
    curve = (1 - t) ** 2 * np.array([hx, hy]) + 2 * t * (1 - t) * np.array(mid) + t ** 2 * np.array(end)
    lw = max(0.6, 0.012 * side)
    string = _drawn((h, w), lambda d, s: d.line(_scaled(map(tuple, curve), s), fill=255, width=max(1, round(lw * s))))
    m = _drawn((h, w), tag)
    off = max(0.6, 0.02 * side)
    shadow = np.roll(gaussian_filter(m, max(0.6, 0.02 * side)), (round(off), round(off)), axis=(0, 1))
    colour = TAG_COLOURS[int(rng.integers(len(TAG_COLOURS)))]
    ink_colour = (200, 25, 25) if colour[2] > 200 and rng.random() < 0.5 else (25, 22, 20)
    thread = ((240, 238, 230), (200, 30, 30), (30, 30, 30))[int(rng.integers(3))]
    out = f * (1 - 0.4 * shadow * (1 - m))[..., None]
    out = _paint(_paint(out, m, colour), ink * m, ink_colour)
    return _u8(_paint(out, string * (1 - m), thread))


def _marker_arrow(f: np.ndarray, lum: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    ty, tx = _most_detail(lum, 0.12 * side, 0.2, 0.8, rng)
    length = side * rng.uniform(0.35, 0.50)
    for _ in range(20):  # a direction whose tail stays inside the picture
        a = rng.uniform(0, 2 * np.pi)
        sx, sy = tx - length * np.cos(a), ty - length * np.sin(a)
        if 0.04 * w <= sx <= 0.96 * w and 0.04 * h <= sy <= 0.96 * h:
            break
    sx, sy = float(np.clip(sx, 0.04 * w, 0.96 * w)), float(np.clip(sy, 0.04 * h, 0.96 * h))
    bend = rng.uniform(0.06, 0.14) * rng.choice([-1, 1]) * length
    t = np.linspace(0, 1, 14)
    nx, ny = -np.sin(a), np.cos(a)
    px = sx + t * (tx - sx) + nx * bend * np.sin(np.pi * t) + rng.normal(0, 0.008 * length, 14) * np.sin(np.pi * t)
    py = sy + t * (ty - sy) + ny * bend * np.sin(np.pi * t) + rng.normal(0, 0.008 * length, 14) * np.sin(np.pi * t)
    back = np.arctan2(py[-2] - py[-1], px[-2] - px[-1])  # from the tip back along the shaft
    head = length * rng.uniform(0.25, 0.35)
    spread = np.deg2rad(rng.uniform(25, 35))
    lw = max(1.0, side * rng.uniform(0.025, 0.035))

    def arrow(d, s):
        width = max(1, round(lw * s))
        d.line(_scaled(zip(px, py), s), fill=255, width=width, joint="curve")
        for sgn in (-1, 1):
            e = (tx + head * np.cos(back + sgn * spread), ty + head * np.sin(back + sgn * spread))
            d.line(_scaled([e, (tx, ty)], s), fill=255, width=width)
        for x, y in ((px[0], py[0]), (tx, ty)):  # round ends
            d.ellipse(((x - lw / 2) * s, (y - lw / 2) * s, (x + lw / 2) * s, (y + lw / 2) * s), fill=255)

    m = _drawn((h, w), arrow) * rng.uniform(0.85, 0.95)
    return _u8(_paint(f, m, MARKER_COLOURS[int(rng.integers(len(MARKER_COLOURS)))]))


def _dog_ear(f: np.ndarray, rng) -> np.ndarray:
    """A top-left corner folded over (see :func:`_in_corner`)."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    a = max(5.0, side * rng.uniform(0.18, 0.28))
    b = a * rng.uniform(0.8, 1.25)
    k = 2 * a * b / (a * a + b * b)
    pr = (k * b, k * a)  # the corner reflected in the fold line
    corner = _drawn((h, w), lambda d, s: d.polygon(_scaled([(0, 0), (a, 0), (0, b)], s), fill=255))
    flap = _drawn((h, w), lambda d, s: d.polygon(_scaled([(a, 0), (0, b), pr], s), fill=255))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    depth = np.clip((b * xx + a * yy - a * b) / np.hypot(a, b) / max(np.hypot(*pr) - a * b / np.hypot(a, b), 1e-6),
                    0, 1)  # 0 at the fold, 1 at the flap's tip
    paper = rng.uniform(236, 250) * np.array([1.0, 0.99, 0.95], np.float32)
    flap_colour = paper * (0.80 + 0.20 * depth)[..., None]
    off = max(0.7, 0.015 * side)
    shadow = gaussian_filter(np.roll(flap, (round(off), round(off)), axis=(0, 1)), max(0.7, 0.02 * side))
    out = _paint(f * (1 - 0.4 * shadow * (1 - flap))[..., None], corner, _table(f[: round(b), : round(a)], rng))
    return _u8(out * (1 - flap[..., None]) + flap_colour * flap[..., None])


def _sticky_note(f: np.ndarray, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    n = max(8.0, side * rng.uniform(0.28, 0.36))
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.25, 0.75)
    ang = np.deg2rad(rng.uniform(-12, 12))
    x0, y0 = cx - n / 2, cy - n / 2
    square = _turn([(x0, y0), (x0 + n, y0), (x0 + n, y0 + n), (x0, y0 + n)], cx, cy, ang)
    strip = _turn([(x0, y0), (x0 + n, y0), (x0 + n, y0 + 0.22 * n), (x0, y0 + 0.22 * n)], cx, cy, ang)
    note = _drawn((h, w), lambda d, s: d.polygon(_scaled(square, s), fill=255))
    glue = _drawn((h, w), lambda d, s: d.polygon(_scaled(strip, s), fill=255))
    lines = int(rng.integers(2, 4))
    lw = max(0.6, 0.012 * side)
    writing = []
    for k in range(lines):  # wavy pen handwriting
        y = y0 + n * (0.38 + 0.5 * k / lines)
        xs = np.linspace(x0 + 0.12 * n, x0 + n * rng.uniform(0.7, 0.9), 30)
        period = max(2.0, 0.06 * side)
        ys = y + 0.06 * n * np.sin(2 * np.pi * xs / period + rng.uniform(0, 2 * np.pi)) * rng.uniform(0.6, 1.0, 30)
        writing.append(_turn(zip(xs, ys), cx, cy, ang))
    ink = _drawn((h, w), lambda d, s: [d.line(_scaled(p, s), fill=255, width=max(1, round(lw * s)), joint="curve")
                                       for p in writing])
    off = max(0.7, 0.03 * side)
    shadow = gaussian_filter(np.roll(note, round(off), axis=0), max(0.7, 0.03 * side))
    colour = np.array(NOTE_COLOURS[int(rng.integers(len(NOTE_COLOURS)))], np.float32)
    out = f * (1 - 0.45 * shadow * (1 - note))[..., None]
    out = _paint(_paint(out, note, colour), glue * note, 0.92 * colour)
    return _u8(_paint(out, ink * note, (30, 50, 160) if rng.random() < 0.6 else (25, 25, 30)))


def _torn_corner(f: np.ndarray, rng) -> np.ndarray:
    """A top-left corner torn off (see :func:`_in_corner`)."""
    h, w = f.shape[:2]
    side = min(h, w)
    p, q = side * rng.uniform(0.22, 0.35, 2)
    t = np.linspace(0, 1, 25)
    walk = np.cumsum(rng.normal(0, 0.012 * side, 25))
    walk -= walk[0] + t * (walk[-1] - walk[0])  # pinned at both ends
    span = np.hypot(p, q)
    bow = rng.uniform(-0.05, 0.18) * span * np.sin(np.pi * t)  # mostly bowed into the picture
    nx, ny = q / span, p / span  # the normal away from the corner
    jag = rng.uniform(-0.5, 0.5, 25) * max(0.5, 0.008 * side)
    off = walk + bow + jag
    path = list(zip(p * (1 - t) + nx * off, q * t + ny * off))
    gone = _drawn((h, w), lambda d, s: d.polygon(_scaled([(-1, -1), (p, -1), *path, (-1, q)], s), fill=255))
    lw = max(0.8, side * rng.uniform(0.012, 0.022))
    core = _drawn((h, w), lambda d, s: d.line(_scaled(path, s), fill=255, width=max(1, round(2 * lw * s)),
                                              joint="curve"))
    out = _paint(f, np.clip(core - gone, 0, 1), rng.uniform(238, 250) * np.array([1.0, 0.99, 0.96]))
    return _u8(_paint(out, gone, _table(f[: round(q), : round(p)], rng)))


def _play_overlay(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(4.0, side * rng.uniform(0.13, 0.18))
    cx, cy = w / 2 + side * rng.uniform(-0.05, 0.05), h / 2 + side * rng.uniform(-0.08, 0.02)
    lw = max(0.6, 0.08 * r)
    disc = _drawn((h, w), lambda d, s: d.ellipse(((cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s), fill=255))
    ring = _drawn((h, w), lambda d, s: d.ellipse(((cx - r) * s, (cy - r) * s, (cx + r) * s, (cy + r) * s),
                                                 outline=255, width=max(1, round(lw * s))))
    tri = [(cx - 0.32 * r, cy - 0.45 * r), (cx - 0.32 * r, cy + 0.45 * r), (cx + 0.48 * r, cy)]
    play = _drawn((h, w), lambda d, s: d.polygon(_scaled(tri, s), fill=255))
    out = f * (1 - rng.uniform(0.45, 0.60) * disc)[..., None]
    out = _paint(_paint(out, 0.75 * ring, (250, 250, 250)), 0.92 * play, (250, 250, 250))
    bh = max(3.0, h * rng.uniform(0.08, 0.11))
    yy = np.arange(h, dtype=np.float32)[:, None] + 0.5
    strip = np.clip(yy - (h - bh), 0, 1) * rng.uniform(0.45, 0.6) * np.ones((1, w), np.float32)
    out = out * (1 - strip)[..., None]
    th, margin = max(1.0, 0.02 * side), 0.05 * side
    ly, frac = h - 0.5 * bh, rng.uniform(0.1, 0.9)
    x1 = margin + frac * (w - 2 * margin)
    track = _drawn((h, w), lambda d, s: d.rectangle((margin * s, (ly - th / 2) * s, (w - margin) * s,
                                                     (ly + th / 2) * s), fill=255))
    played = _drawn((h, w), lambda d, s: d.rectangle((margin * s, (ly - th / 2) * s, x1 * s, (ly + th / 2) * s),
                                                     fill=255))
    kr = 1.6 * th
    knob = _drawn((h, w), lambda d, s: d.ellipse(((x1 - kr) * s, (ly - kr) * s, (x1 + kr) * s, (ly + kr) * s),
                                                 fill=255))
    colour = (235, 30, 30) if rng.random() < 0.6 else (245, 245, 245)
    out = _paint(out, 0.6 * track, (170, 170, 170))
    return _u8(_paint(out, np.maximum(played, knob), colour))


def _viewfinder(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    lw = max(0.6, 0.008 * side)

    def grid(d, s):
        for k in (1, 2):
            d.line(((w * k / 3) * s, 0, (w * k / 3) * s, h * s), fill=255, width=max(1, round(lw * s)))
            d.line((0, (h * k / 3) * s, w * s, (h * k / 3) * s), fill=255, width=max(1, round(lw * s)))

    b = max(5.0, side * rng.uniform(0.16, 0.22))
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.25, 0.75)
    arm, bw = 0.3 * b, max(0.7, 0.012 * side)

    def brackets(d, s):
        for sx in (-1, 1):
            for sy in (-1, 1):
                x, y = cx + sx * b / 2, cy + sy * b / 2
                d.line(_scaled([(x - sx * arm, y), (x, y), (x, y - sy * arm)], s), fill=255,
                       width=max(1, round(bw * s)))

    out = _paint(f, _drawn((h, w), grid) * rng.uniform(0.45, 0.65), (250, 250, 250))
    return _u8(_paint(out, 0.9 * _drawn((h, w), brackets), (255, 210, 0)))


def near_edit_k(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "price_tag":  # a paper price tag on a string, laid over the picture
        return _price_tag(f, rng)
    if kind == "marker_arrow":  # an arrow drawn with a marker, pointing at the subject
        return _marker_arrow(f, f.mean(axis=2), rng)
    if kind == "dog_ear":  # a corner folded over
        return _in_corner(a, lambda b: _dog_ear(b.astype(np.float32), rng), rng)
    if kind == "sticky_note":  # a sticky note with a few handwritten lines
        return _sticky_note(f, rng)
    if kind == "torn_corner":  # a corner torn off
        return _in_corner(a, lambda b: _torn_corner(b.astype(np.float32), rng), rng)
    if kind == "play_overlay":  # a video player's play button and progress bar
        return _play_overlay(f, rng)
    if kind == "mirror":  # left and right swapped
        return np.ascontiguousarray(a[:, ::-1])
    if kind == "viewfinder":  # a camera app's grid lines and focus brackets
        return _viewfinder(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _soft_disk(radius: float) -> np.ndarray:
    """A uniform disk kernel of ``radius`` px, its edge antialiased (4 x 4 samples a pixel)."""
    r = int(np.ceil(radius)) + 1
    sub = (np.arange(-r * 4, (r + 1) * 4) + 0.5) / 4 - 0.5
    yy, xx = np.meshgrid(sub, sub, indexing="ij")
    k = (xx ** 2 + yy ** 2 <= radius ** 2).astype(np.float32)
    n = 2 * r + 1
    return k[: n * 4, : n * 4].reshape(n, 4, n, 4).mean(axis=(1, 3))


def blur_k(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "chromatic_defocus":  # each colour channel through its own defocus disk
        r = max(1.5, side * rng.uniform(0.05, 0.07))
        radii = np.array([1.0, rng.uniform(1.35, 1.45), rng.uniform(1.75, 1.95)])[rng.permutation(3)] * r
        return _u8(np.concatenate([_fft_blur(f[..., c: c + 1], _soft_disk(radii[c])) for c in range(3)], axis=2))
    if kind == "dirty_lens":  # defocus through a smudged aperture, then veiling glare
        radius = max(2.0, side * rng.uniform(0.06, 0.085))
        k = _soft_disk(radius)
        field = gaussian_filter(rng.normal(0, 1, k.shape), 0.35 * radius)
        inside = k > 0.5
        keep = field > np.quantile(field[inside], rng.uniform(0.25, 0.45))
        k = k * gaussian_filter(keep.astype(np.float32), 0.5)
        out = _fft_blur(f, k)
        v = rng.uniform(0.15, 0.28)
        haze = 0.5 * gaussian_filter(f, (0.3 * side, 0.3 * side, 0), mode="reflect") + 0.5 * rng.uniform(150, 210)
        return _u8((1 - v) * out + v * haze)
    if kind == "steamed_window":  # behind a steamed-up window with a few clear drops
        out = gaussian_filter(f, (max(1.8, side * rng.uniform(0.05, 0.07)),) * 2 + (0,), mode="reflect")
        v = rng.uniform(0.20, 0.32)
        out = (1 - v) * out + v * rng.uniform(190, 230) * np.array([0.97, 0.99, 1.0], np.float32)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
        for _ in range(int(rng.integers(3, 7))):
            rd = max(1.0, side * rng.uniform(0.025, 0.045))
            cy, cx = rng.uniform(rd, h - rd), rng.uniform(rd, w - rd)
            d = np.hypot(yy - cy, xx - cx) / rd
            drop = np.clip((1 - d) * rd + 0.5, 0, 1)  # antialiased disk
            seen = _sample(f, cy - 2 * (yy - cy) - 0.5, cx - 2 * (xx - cx) - 0.5)  # upside down, half the scale
            out = _paint(out, drop, 0) + seen * drop[..., None]
            rim = drop * np.clip((yy - cy) / rd, 0, 1) * np.clip(d * 2 - 1, 0, 1)  # the lower edge
            out = out * (1 - 0.45 * rim)[..., None]
            glint = np.exp(-((yy - cy + 0.4 * rd) ** 2 + (xx - cx + 0.35 * rd) ** 2) / (2 * (0.18 * rd + 0.3) ** 2))
            out = out + 110 * glint[..., None] * drop[..., None]
        return _u8(out)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def dark_k(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _grid(h, w)
    if kind == "spotlight":  # one stage spotlight in a dark room
        la = side * rng.uniform(0.22, 0.30)
        lb = la * rng.uniform(0.75, 1.0)
        ang = rng.uniform(0, np.pi)
        cy, cx = h * rng.uniform(-0.2, 0.2), w * rng.uniform(-0.2, 0.2)
        u = (xx - cx) * np.cos(ang) + (yy - cy) * np.sin(ang)
        v = (yy - cy) * np.cos(ang) - (xx - cx) * np.sin(ang)
        edge = side * rng.uniform(0.03, 0.06)
        m = 1 / (1 + np.exp((np.sqrt((u / la) ** 2 + (v / lb) ** 2) - 1) * la / edge))
        g_in, g_out = rng.uniform(0.28, 0.40), rng.uniform(0.02, 0.045)
        gain = (g_out + (g_in - g_out) * m)[..., None] * np.array([1.0, 0.92, 0.78], np.float32)
        return _u8(f * gain + rng.normal(0, 1.2, f.shape))
    if kind == "blinds":  # night light falling through Venetian blinds
        period = max(3.0, side * rng.uniform(0.10, 0.16))
        ang = np.deg2rad(rng.uniform(-35, 35))
        duty = rng.uniform(0.35, 0.55)
        phase = ((-xx * np.sin(ang) + yy * np.cos(ang)) / period + rng.uniform(0, 1)) % 1
        dist = np.abs(phase - 0.5)  # 0 in the middle of a lit stripe, in periods
        lit = 1 / (1 + np.exp((dist - duty / 2) / 0.08))
        g_on, g_off = rng.uniform(0.20, 0.30), rng.uniform(0.015, 0.04)
        colour = np.array([0.80, 0.90, 1.0] if rng.random() < 0.5 else [1.0, 0.86, 0.66], np.float32)
        return _u8(f * (g_off + (g_on - g_off) * lit)[..., None] * colour + rng.normal(0, 1.2, f.shape))
    if kind == "deep_water":  # under water at depth: red gone, a blue-green veil, caustics
        trans = np.array([rng.uniform(0.03, 0.06), rng.uniform(0.14, 0.20), rng.uniform(0.17, 0.25)], np.float32)
        corr = side * rng.uniform(0.08, 0.12)
        net = np.ones((h, w), np.float32)
        for _ in range(2):
            field = gaussian_filter(rng.normal(0, 1, (h, w)), corr, mode="wrap")
            field /= field.std() + 1e-9
            net = net * (1 - np.abs(np.sin(2.5 * field)))
        caustic = rng.uniform(0.3, 0.5) * net ** 0.5
        veil = rng.uniform(8, 14) * (1 - 0.6 * (yy / h + 0.5))[..., None] * np.array([0.15, 0.75, 1.0], np.float32)
        return _u8(f * trans * (1 + caustic)[..., None] + veil + rng.normal(0, 1.2, f.shape))
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _crossword(size: int, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coverage (0-1) of a crossword's grid area, its black squares and its ink (lines and clue numbers)."""
    big = 4 * size
    n = int(rng.choice([5, 7]) if size < 48 else rng.choice([9, 11, 13, 15]))
    g = big * rng.uniform(0.78, 0.92)
    cell = g / n
    x0 = y0 = (big - g) / 2
    block = rng.random((n, n)) < 0.11  # about a fifth of the cells once made symmetric
    block = block | block[::-1, ::-1]  # 180-degree rotational symmetry
    block[n // 2, n // 2] = False
    area, blocks, ink = (Image.new("L", (big, big), 0) for _ in range(3))
    ImageDraw.Draw(area).rectangle((x0, y0, x0 + g, y0 + g), fill=255)
    db, di = ImageDraw.Draw(blocks), ImageDraw.Draw(ink)
    lw = max(2, round(big * (0.012 if size < 48 else 0.005)))
    number = 0
    for i in range(n):
        for j in range(n):
            x, y = x0 + j * cell, y0 + i * cell
            if block[i, j]:
                db.rectangle((x, y, x + cell, y + cell), fill=255)
                continue
            across = (j == 0 or block[i, j - 1]) and j + 1 < n and not block[i, j + 1]
            down = (i == 0 or block[i - 1, j]) and i + 1 < n and not block[i + 1, j]
            if (across or down) and cell >= 36:  # a clue number where a cell is 9 px or more
                number += 1
                dh = 0.3 * cell
                dx = x + 0.1 * cell
                for ch in str(number):
                    for seg in DIGIT_SEGMENTS[int(ch)]:
                        a0, b0, a1, b1 = SEGMENTS[seg]
                        di.line((dx + a0 * 0.55 * dh, y + 0.1 * cell + b0 * dh, dx + a1 * 0.55 * dh,
                                 y + 0.1 * cell + b1 * dh), fill=255, width=max(1, round(0.08 * dh)))
                    dx += 0.8 * dh
    for k in range(n + 1):
        w_ = 2 * lw if k in (0, n) else lw
        di.line((x0 + k * cell, y0, x0 + k * cell, y0 + g), fill=255, width=w_)
        di.line((x0, y0 + k * cell, x0 + g, y0 + k * cell), fill=255, width=w_)
    ang = rng.uniform(-6, 6)
    out = [np.asarray(im.rotate(ang, Image.BILINEAR).resize((size, size), Image.BOX), np.float32) / 255
           for im in (area, blocks, ink)]
    return out[0], out[1], out[2]


def _component(d, p: np.ndarray, q: np.ndarray, kind: str, lw: int) -> None:
    """A schematic symbol from ``p`` to ``q`` (big-canvas px), the wire drawn up to it from both ends."""
    ln = float(np.hypot(*(q - p)))
    u = (q - p) / ln
    nrm = np.array([-u[1], u[0]])
    c = (p + q) / 2
    half = 0.28 * ln  # the symbol spans the middle 56% of the wire
    a, b = c - half * u, c + half * u
    at = lambda t, s=0.0: tuple(a + t * (b - a) + s * half * nrm)  # noqa: E731
    line = lambda *pts: d.line([tuple(v) for v in pts], fill=255, width=lw)  # noqa: E731
    if kind == "resistor":  # a zigzag
        line(p, a)
        line(b, q)
        pts = [at(0)] + [at((k + 0.5) / 6, 0.35 * (-1) ** k) for k in range(6)] + [at(1)]
        d.line(pts, fill=255, width=lw, joint="curve")
    elif kind == "capacitor":  # two plates
        line(p, at(0.42))
        line(at(0.58), q)
        for t in (0.42, 0.58):
            line(at(t, -0.6), at(t, 0.6))
    elif kind == "inductor":  # four humps
        line(p, a)
        line(b, q)
        for k in range(4):
            t = np.linspace(0, np.pi, 10)
            pts = [at((k + 0.5 - 0.5 * np.cos(v)) / 4, 0.3 * np.sin(v)) for v in t]
            d.line(pts, fill=255, width=lw, joint="curve")
    elif kind == "diode":  # a triangle against a bar
        line(p, at(0.3))
        line(at(0.7), q)
        d.polygon([at(0.3, -0.4), at(0.3, 0.4), at(0.7)], outline=255, width=lw)
        line(at(0.7, -0.4), at(0.7, 0.4))
    else:  # a battery: long and short plates
        line(p, at(0.3))
        line(at(0.7), q)
        for t, s in ((0.3, 0.7), (0.43, 0.35), (0.57, 0.7), (0.7, 0.35)):
            line(at(t, -s), at(t, s))


def _schematic(size: int, rng) -> np.ndarray:
    """Ink coverage (0-1) of a circuit schematic: a lattice of nodes joined round its edge and by some inner wires,
    most wires carrying a symbol, junction dots, a ground symbol."""
    big = 4 * size
    small = size < 48
    nx = int(rng.integers(2, 4) if small else rng.integers(3, 5))
    ny = 2 if small else int(rng.integers(2, 4))
    xs = np.linspace(big * 0.1, big * 0.9, nx)
    ys = np.linspace(big * 0.1, big * 0.72, ny)
    edges = [((i, j), (i, j + 1)) for i in range(ny) for j in range(nx - 1) if i in (0, ny - 1) or rng.random() < 0.5]
    edges += [((i, j), (i + 1, j)) for i in range(ny - 1) for j in range(nx) if j in (0, nx - 1) or rng.random() < 0.5]
    lw = max(2, round(big * (0.02 if small else 0.008)))
    img = Image.new("L", (big, big), 0)
    d = ImageDraw.Draw(img)
    degree = Counter()
    kinds = ("resistor", "capacitor", "inductor", "diode", "battery")
    for e0, e1 in edges:
        p, q = np.array([xs[e0[1]], ys[e0[0]]]), np.array([xs[e1[1]], ys[e1[0]]])
        degree[e0] += 1
        degree[e1] += 1
        if rng.random() < 0.65:
            _component(d, p, q, kinds[int(rng.integers(len(kinds)))], lw)
        else:
            d.line((tuple(p), tuple(q)), fill=255, width=lw)
    r = 2.2 * lw
    for (i, j), k in degree.items():
        if k >= 3:
            d.ellipse((xs[j] - r, ys[i] - r, xs[j] + r, ys[i] + r), fill=255)
    gx, gy = xs[int(rng.integers(nx))], ys[-1]  # a ground symbol under a bottom node
    drop = big * 0.08
    d.line(((gx, gy), (gx, gy + drop)), fill=255, width=lw)
    for k, half in enumerate((0.07, 0.045, 0.022)):
        y = gy + drop + k * 2.5 * lw
        d.line(((gx - half * big, y), (gx + half * big, y)), fill=255, width=lw)
    return np.asarray(img.resize((size, size), Image.BOX), np.float32) / 255


RADAR = np.array([[60, 200, 70], [20, 130, 35], [240, 222, 40], [250, 140, 20], [222, 32, 32]], np.float32)


def _radar(size: int, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A weather-radar screen: the range disk (0-1), rain levels (0 none, 1-5), the rings and cross hairs (0-1),
    coast lines (0-1) and the sweep's fading trail (0-1)."""
    from scipy.ndimage import gaussian_filter

    c, rr = size / 2, 0.47 * size
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) + 0.5
    dist = np.hypot(yy - c, xx - c)
    disk = np.clip(rr - dist + 0.5, 0, 1)
    field = gaussian_filter(rng.normal(0, 1, (size, size)), size * rng.uniform(0.06, 0.10), mode="wrap")
    field = field / (field.std() + 1e-9)
    if rng.random() < 0.6:  # a squall line: the rain favoured along a band across the disk
        ang = rng.uniform(0, np.pi)
        across = (yy - c) * np.cos(ang) - (xx - c) * np.sin(ang)
        field = field - 12 * (across / size - rng.uniform(-0.2, 0.2)) ** 2
    inside = disk > 0.5
    cut = np.quantile(field[inside], 1 - rng.uniform(0.15, 0.30))
    top = field[inside].max()
    levels = np.where(inside & (field > cut), 1 + np.minimum(4, ((field - cut) / max(top - cut, 1e-9) * 5)), 0)
    levels = np.floor(levels).astype(int)
    big = 4 * size
    lw = max(2, round(big * 0.006))
    rings, coast = Image.new("L", (big, big), 0), Image.new("L", (big, big), 0)
    dr = ImageDraw.Draw(rings)
    n_rings = 2 if size < 48 else int(rng.integers(3, 5))
    for k in range(1, n_rings + 1):
        q = 4 * rr * k / n_rings
        dr.ellipse((4 * c - q, 4 * c - q, 4 * c + q, 4 * c + q), outline=255, width=lw)
    dr.line((4 * c - 4 * rr, 4 * c, 4 * c + 4 * rr, 4 * c), fill=255, width=lw)
    dr.line((4 * c, 4 * c - 4 * rr, 4 * c, 4 * c + 4 * rr), fill=255, width=lw)
    dc = ImageDraw.Draw(coast)
    for _ in range(int(rng.integers(1, 3))):  # a coast line: a smooth random walk across the disk
        t = np.linspace(0, 1, 40)
        a0 = rng.uniform(0, 2 * np.pi)
        start, end = np.array([np.cos(a0), np.sin(a0)]), -np.array([np.cos(a0 + 0.8), np.sin(a0 + 0.8)])
        wob = gaussian_filter(rng.normal(0, 1, (40, 2)), (3, 0)) * 0.25
        pts = (start[None] * (1 - t[:, None]) + end[None] * t[:, None] + wob) * 4 * rr + 4 * c
        dc.line([tuple(p) for p in pts], fill=255, width=lw, joint="curve")
    down = lambda im: np.asarray(im.resize((size, size), Image.BOX), np.float32) / 255  # noqa: E731
    theta = np.arctan2(yy - c, xx - c)
    behind = (rng.uniform(0, 2 * np.pi) - theta) % (2 * np.pi)  # angle behind the sweep line
    trail = np.clip(1 - behind / 1.2, 0, 1) ** 2 * disk
    return disk, levels, down(rings) * disk, down(coast) * disk, trail


def outlier_k(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    if kind == "crossword":
        area, blocks, ink = _crossword(size, rng)
        if photos:  # black squares and lines on a white grid, on a newsprint tone
            out = _paint(ground(rng.uniform(205, 230) * np.array([1.0, 0.98, 0.92])), area, rng.integers(242, 256, 3))
            return _u8(_paint(out, np.maximum(blocks, ink), rng.integers(10, 40, 3)))
        return _u8(_paint(ground([lo] * 3), np.maximum(blocks, ink), [hi] * 3))
    if kind == "schematic":
        v = _schematic(size, rng)
        if photos:
            if rng.random() < 0.5:  # dark ink on white paper
                return _u8(_paint(ground(rng.integers(225, 256, 3)), v, rng.integers(0, 60, 3)))
            blue = np.array([rng.uniform(20, 45), rng.uniform(60, 95), rng.uniform(130, 175)])  # a blueprint
            return _u8(_paint(ground(blue), v, rng.integers(225, 256, 3)))
        return _u8(_paint(ground([lo] * 3), v, [lo + (hi - lo) * rng.uniform(0.8, 1.0)] * 3))
    if kind == "radar":
        disk, levels, rings, coast, trail = _radar(size, rng)
        rain = (levels > 0).astype(np.float32) * disk
        if photos:  # the radar's colours on near black
            out = ground(rng.uniform(4, 14) * np.array([0.8, 1.0, 0.9]))
            out = _paint(out, disk, rng.uniform(14, 26) * np.array([0.7, 1.0, 0.8]))
            out = _paint(out, 0.8 * coast, (90, 100, 90))
            out = _paint(out, rain, RADAR[np.clip(levels - 1, 0, 4)])
            out = _paint(out, 0.8 * rings, (40, 140, 60))
            return _u8(out + trail[..., None] * np.array([10, 60, 20], np.float32))
        tone = lambda t: lo + (hi - lo) * t  # noqa: E731
        out = _paint(ground([lo] * 3), coast, [tone(0.45)] * 3)
        grey = tone(np.array([0.35, 0.5, 0.65, 0.82, 1.0]))[np.clip(levels - 1, 0, 4)]
        out = out * (1 - rain[..., None]) + (grey * rain)[..., None]
        out = _paint(out, rings, [tone(0.6)] * 3)
        return _u8(out + trail[..., None] * 0.15 * (hi - lo))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def largest_class_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                        rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: drawn uniformly among the ``candidates`` of the two largest
    classes of the set (ties by class order; more classes added while they hold fewer than ``2 * count``), each
    given another class drawn from its source class's own error profile, a Dirichlet (``DIRICHLET_ALPHA``)
    distribution over the other classes."""
    freq = Counter(labels)
    order = sorted(classes, key=lambda c: (-freq[c], classes.index(c)))
    sources, pool = [], []
    for c in order:
        sources.append(c)
        pool = [i for i in candidates if labels[i] in sources]
        if len(sources) >= 2 and len(pool) >= 2 * count:
            break
    profile = {c: rng.dirichlet(np.full(len(classes) - 1, DIRICHLET_ALPHA)) for c in sources}
    new = {}
    for i in rng.choice(np.array(pool, dtype=int), size=min(count, len(pool)), replace=False):
        others = [c for c in classes if c != labels[i]]
        new[int(i)] = others[int(rng.choice(len(others), p=profile[labels[i]]))]
    return new


# -- planting ------------------------------------------------------------------------------
def plant_issues_k(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator K's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 75-92 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_K, seed=110_000 + random_state,
        quality_seed=115_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=largest_class_flips,
        **by_family(name, outlier=(outlier_k, OUTLIERS_K), blur=(blur_k, BLURS_K), dark=(dark_k, DARKS_K),
                    near=(near_edit_k, NEAR_EDITS_K)))
