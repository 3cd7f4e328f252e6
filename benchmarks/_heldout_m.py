"""Generator M: fresh EVALUATION sets after generator L (never used to choose anything).

Why an eleventh evaluation generator: generator L's sets were run once, and after its results had been seen the
library changed: the ``near_duplicate`` partial-match rule now also compares pictures turned by 90, 180 and 270
degrees (with a share of 0.9), not only as they are and mirrored left to right; L's sets (one of whose near-copy families was a lost
orientation tag) can no longer measure that change, or anything else changed since, without bias. Generator M was
written on 2026-12-04, before any tool was run on it (only its files, their counts, the JPEG headers and contact
sheets of its edits were looked at, to check that every edit is visible, every blur blurred, every darkened image
dark and every outlier foreign at 28, 108 and 140 px), as a held-out measurement of everything, the turned and
mirrored comparisons included, on data nobody has looked at; it is not to be changed after its results are seen.
Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s
and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H,
I, J, K, L) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift,
rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make.
Left out because an earlier generator made them or one close to them: a turned or flipped copy (K, L), a
pixelated or blurred-out patch (G's mosaic), a solid redaction box (the calibration's overlay box), a status or
caption bar (J), a sepia or duotone look (J), an inverted or channel-swapped picture (no change on grey sets), a
highlighter or pen mark (H, K), a progressive JPEG's first scan as a blur (too close to down-and-up at 108 and
140 px: not clearly blurred there).

* ``near_duplicate`` (3%), six edits in a part of the picture and two of the whole: binder holes punched into a
  scanned page (two or three holes of radius 4.5-6.5% of the side, at least 1.6 px, 7-10% of the side in from one
  edge, at 30/70% or 20/50/80% along it give or take 4%, showing the scanner's lid, dark under a light page and
  light under a dark one, with a crescent of the paper's shadow at 45% inside each), a mouse pointer left in a
  screenshot (an arrow 17-24% of the side high, at least 8 px, white with a black outline or, three times in ten,
  black with a white one, the outline 7% of its height, turned by up to 8 degrees, its tip on the most
  detailed of 12 random places 20-65% of the way across and down, with a drop shadow at 35%), a coffee-cup ring
  on a scanned print (a brown ring of radius 22-32% of the side, centred within 20% of the side of the middle,
  densest at its outer rim and fading inwards over 3.5-5% of the side, at least 1.2 px, a faint film of 8-15%
  inside, broken and uneven round the ring, blended in at 65-85%), a labelling tool's segmentation polygon (7-11
  vertices at 14-26% of the side round the most detailed of 12 random places, filled in a bright tool colour at
  30-42%, its outline 1.2% of the side, at least 0.8 px, and a dot of 1.8-2.6% of the side, at least 1 px, with a
  white core at each vertex), a phone editor's healing brush (an ellipse of semi-axes 13-18% and 9-13% of the
  side at any turn over the most detailed of 12 random places 30-70% of the way across and down, filled by
  diffusion from its edge and given a quarter of the fine texture of a place 2.2 semi-axes away) and a cracked
  phone screen (6-10 jagged cracks 35-75% of the side long radiating from an impact point 15-85% of the way
  across and down, in steps of 5-9% of the side turning by up to 15 degrees each, branching now and then, a ring
  of cracks round the impact and a shattered spot of radius 3.5% of the side, the cracks 0.8% of the side wide, at
  least 0.6 px, light at 65-85% with a dark edge); of the whole picture: a photocopy's spread ink (the tone that is
  not the ground spread by a grey dilation or erosion over a disk of radius 2-3% of the side, at least 1 px: light
  strokes on a dark ground thicken, dark ink on a light page spreads) and a page photographed in an open book (the
  page curving into the binding at one edge: the flat part shown 8-14% larger, the 40-55% of the picture next to
  the binding squeezed into what is left, its rows bowing by up to 12-20% towards the binding, the table showing
  beyond the page, and the light falling by 45-65% into the binding);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): an autofocus hunt (a frame grabbed while the focus swept: the mean of 8 soft-disk defocus blurs
  of radius 15% to 100% of 8-11% of the side, at least 2.2 px, each of the picture magnified by 1 +- 1-2% as the
  focus breathes), a phone's portrait mode with a wrong depth map (the whole picture lens-blurred by a soft disk
  whose radius follows a smooth random field, correlation length 15-25% of the side, from 5-7% of the side, at
  least 1.5 px, to 2.0-2.5 times that; four blur levels blended per pixel) and a smear under flickering light
  (camera motion under a PWM-dimmed LED: a straight path of 18-25% of the side, at least 4.5 px, at any angle,
  lit only 40-60% of each of 4-6 flicker periods, a dashed-line kernel centred on its centroid);
* ``dark`` (2%): a blacklight (a dark room under ultraviolet light: the picture at a gain of 0.025-0.045 in deep
  violet, and what is lighter than 50-65% of full scale fluorescing blue-white, up to 22-32% of full scale; noise
  sigma 1.2 levels), lamplight through leaves at night (a smooth random field, correlation length 5-8% of the
  side, 25-40% of the picture lit by a warm light at a gain of 0.16-0.26, the rest at 0.015-0.035, soft edges;
  noise sigma 1.2 levels) and a total solar eclipse (the light gone but for a sunset glow on the horizon all
  round: a gain of 0.015-0.03, slightly cool, rising towards every edge by an orange 0.12-0.18 that falls off
  over 8-12% of the side; noise sigma 1.2 levels);
* ``outlier`` (1.5%): analogue clocks (a dial of radius 38-46% of the side with a rim, 12 hour marks below 48 px
  and 60 minute marks above, an hour and a minute hand, above 48 px a second hand), piano keyboards (4-6 white
  keys below 48 px, 6-9 above, with the black keys of the notes they span, under a fallboard, turned by up to 10
  degrees) and fingerprints (ridges of period 4.5-6% of the side, at least 2.6 px, as a whorl or a loop round a
  core, smoothly warped, in an oval of semi-axes 30-38% and 40-47% of the side, faded at its edge and broken
  here and there); the digit and clothing sets get them light on dark in their own tones, the photographs as a
  clock on a painted wall (a cream or white face, a black or metal rim, black hands, a red second hand), ivory and
  black keys under a wooden fallboard, and a black or blue-black print on a white card;
* ``label`` (5%): *bulk-labelled* flips: a labeller works through pages of 8-16 random thumbnails of the eligible
  examples, selects a whole page and applies the class of the picture clicked first (a random one of the page)
  to all of it; the page's pictures of other classes get that class, page after page, until the flips needed are
  made (the last page's cut short at random). Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
M's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 111), MNIST (2,000, seed 112), and the evaluation photographs tiled at 108 px (35 tiles a photograph at most,
seed 113) and at 140 px (every tile, seed 114), sizes no other set uses. ``photos108_m_jpeg`` is written as JPEG
files, each at a quality drawn from 70-90 (a stream of its own, seed ``135_000 + random_state``), every edit, blur
and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``130_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J, K and L).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import _grid, by_family, plant_generator
from _heldout_j import _sample
from _heldout_k import _most_detail, _paint, _scaled, _soft_disk, _table, _turn
from _heldout_l import TOOL_COLOURS, _blend_rows, _smooth_field
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_M = ("fashion_test_m", "mnist_m", "photos108_m_jpeg", "photos140_m")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_M = {
    "fashion_test_m": ("fashion_test", 111),
    "mnist_m": ("mnist", 112),
    "photos108_m_jpeg": ("photos", 113, 108, 12, 35),
    "photos140_m": ("photos", 114, 140, 8, 1000),
}
JPEG_QUALITY = (70, 91)  # the JPEG set's qualities: integers in [low, high)
RATES_M = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_M = ("hole_punch", "cursor", "coffee_ring", "polygon_mask", "healing_brush", "cracked_screen",
                "toner_spread", "book_gutter")
BLURS_M = ("focus_hunt", "depth_map", "flicker_smear")
DARKS_M = ("blacklight", "dappled", "eclipse")
OUTLIERS_M = ("clock", "piano", "fingerprint")
BATCH = (8, 17)  # the bulk labeller's batch sizes: integers in [low, high)


def load_base_m(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_M, "M")


def _at_edge(a: np.ndarray, edit, k: int) -> np.ndarray:
    """``edit`` (written for the left edge) applied at edge ``k`` of ``a`` (0 left, 1 top, 2 right, 3 bottom)."""
    return np.ascontiguousarray(np.rot90(edit(np.ascontiguousarray(np.rot90(a, -k))), k))


# -- near copies -----------------------------------------------------------------------------
def _hole_punch(f: np.ndarray, rng) -> np.ndarray:
    def punch(g):
        h, w = g.shape[:2]
        side = min(h, w)
        r = max(1.6, side * rng.uniform(0.045, 0.065))
        cx = max(r + 0.6, side * rng.uniform(0.07, 0.10))
        n = int(rng.integers(2, 4))
        ys = (np.array([0.3, 0.7]) if n == 2 else np.array([0.2, 0.5, 0.8])) * h + h * rng.uniform(-0.04, 0.04)
        holes = _drawn((h, w), lambda d, s: [d.ellipse(((cx - r) * s, (y - r) * s, (cx + r) * s, (y + r) * s),
                                                       fill=255) for y in ys])
        off = 0.3 * r  # the paper's thickness: a crescent of shadow inside each hole
        rim = _drawn((h, w), lambda d, s: [d.ellipse(((cx - r + off) * s, (y - r + off) * s, (cx + r + off) * s,
                                                      (y + r + off) * s), fill=255) for y in ys])
        lid = _table(g[:, : max(1, int(2 * cx))], rng)  # the scanner's lid, dark under a light page, else light
        out = _paint(g, holes, lid)
        return _paint(out, holes * (1 - rim) * 0.45, (0, 0, 0))

    return _u8(_at_edge(f, punch, int(rng.integers(4))))


CURSOR = [(0, 0), (0, 16), (3.8, 12.4), (6.6, 18.6), (9.2, 17.4), (6.5, 11.4), (11.5, 11.4)]  # a pointer, 18.6 high


def _cursor(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    size = max(8.0, side * rng.uniform(0.17, 0.24))
    ty, tx = _most_detail(f.mean(axis=2), 0.1 * side, 0.2, 0.65, rng)
    ang = np.deg2rad(rng.uniform(-8, 8))
    pts = _turn([(tx + x * size / 18.6, ty + y * size / 18.6) for x, y in CURSOR], tx, ty, ang)
    lw = max(0.7, 0.07 * size)
    sh = 0.08 * size
    fill = _drawn((h, w), lambda d, s: d.polygon(_scaled(pts, s), fill=255))
    line = _drawn((h, w), lambda d, s: d.line(_scaled(pts + pts[:1], s), fill=255, width=max(1, round(lw * s)),
                                              joint="curve"))
    shadow = _drawn((h, w), lambda d, s: d.polygon(_scaled([(x + sh, y + sh) for x, y in pts], s), fill=255))
    body, edge = ((255, 255, 255), (0, 0, 0)) if rng.random() < 0.7 else ((0, 0, 0), (255, 255, 255))
    out = _paint(f, shadow * 0.35, (0, 0, 0))
    return _u8(_paint(_paint(out, fill, body), line, edge))


def _coffee_ring(f: np.ndarray, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter1d

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _grid(h, w)
    R = side * rng.uniform(0.22, 0.32)
    cy, cx = side * rng.uniform(-0.2, 0.2, 2)
    band = max(1.2, side * rng.uniform(0.035, 0.05))
    d = np.hypot(yy - cy, xx - cx) - R  # < 0 inside
    # the coffee ring effect: the stain densest at its outer rim, fading inwards over the band
    dens = np.where(d <= 0, np.exp(d / (0.45 * band)), np.clip(1 - d / 0.7, 0, 1))
    dens = np.maximum(dens, np.where(d < 0, rng.uniform(0.08, 0.15), 0))  # a faint film inside
    theta = np.arctan2(yy - cy, xx - cx)
    wave = gaussian_filter1d(rng.normal(0, 1, 72), 3, mode="wrap")
    wave = (wave - wave.min()) / (np.ptp(wave) + 1e-9)
    strength = np.clip((np.interp(theta, np.linspace(-np.pi, np.pi, 72), wave) - rng.uniform(0.05, 0.25)) * 3, 0.25, 1)
    alpha = rng.uniform(0.65, 0.85)
    brown = np.array([120, 75, 35], np.float32) * rng.uniform(0.8, 1.2)
    return _u8(_paint(f, np.clip(dens * strength, 0, 1) * alpha, brown))


def _polygon_mask(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    cy, cx = _most_detail(f.mean(axis=2), 0.2 * side, 0.3, 0.7, rng)
    n = int(rng.integers(7, 12))
    t = np.sort(rng.uniform(0, 2 * np.pi, n))
    rad = side * rng.uniform(0.14, 0.26, n)
    pts = [(float(cx + r * np.cos(a)), float(cy + r * np.sin(a))) for r, a in zip(rad, t)]
    colour = TOOL_COLOURS[int(rng.integers(len(TOOL_COLOURS)))]
    lw = max(0.8, side * 0.012)
    vr = max(1.0, side * rng.uniform(0.018, 0.026))
    fill = _drawn((h, w), lambda d, s: d.polygon(_scaled(pts, s), fill=255))
    line = _drawn((h, w), lambda d, s: d.line(_scaled(pts + pts[:1], s), fill=255, width=max(1, round(lw * s))))
    dots = _drawn((h, w), lambda d, s: [d.ellipse(((x - vr) * s, (y - vr) * s, (x + vr) * s, (y + vr) * s),
                                                  fill=255) for x, y in pts])
    core = _drawn((h, w), lambda d, s: [d.ellipse(((x - 0.5 * vr) * s, (y - 0.5 * vr) * s, (x + 0.5 * vr) * s,
                                                   (y + 0.5 * vr) * s), fill=255) for x, y in pts])
    out = _paint(f, fill * rng.uniform(0.30, 0.42), colour)
    out = _paint(_paint(out, line, colour), dots, colour)
    return _u8(_paint(out, core, (255, 255, 255)))


def _healing_brush(f: np.ndarray, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter, uniform_filter

    h, w = f.shape[:2]
    side = min(h, w)
    cy, cx = _most_detail(f.mean(axis=2), 0.1 * side, 0.3, 0.7, rng)
    a, b = side * rng.uniform(0.13, 0.18), side * rng.uniform(0.09, 0.13)
    ang = rng.uniform(0, np.pi)
    pts = _turn([(cx + a * np.cos(t), cy + b * np.sin(t)) for t in np.linspace(0, 2 * np.pi, 40)], cx, cy, ang)
    m = _drawn((h, w), lambda d, s: d.polygon(_scaled(pts, s), fill=255))
    inside = m > 0.02
    # the colour from the surroundings: the hole filled by diffusion from its edge (a membrane)
    out = f.copy()
    ring = (~inside) & (gaussian_filter(inside.astype(np.float32), 1.0) > 0.01)
    out[inside] = f[ring].mean(axis=0)
    for _ in range(int(4 * max(a, b) ** 2 / 1.5) + 20):
        out[inside] = uniform_filter(out, size=(3, 3, 1), mode="nearest")[inside]
    # the texture from a source place beside it, as a healing brush takes it
    d = 2.2 * max(a, b)
    th = rng.uniform(0, 2 * np.pi)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    src = _sample(f, ys + d * np.sin(th), xs + d * np.cos(th))
    tex = src - gaussian_filter(src, (max(1.0, 0.03 * side),) * 2 + (0,))
    healed = out + 0.25 * tex
    return _u8(f * (1 - m[..., None]) + healed * m[..., None])


def _cracked_screen(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    py, px = h * rng.uniform(0.15, 0.85), w * rng.uniform(0.15, 0.85)
    lines: list[list[tuple[float, float]]] = []
    rays = int(rng.integers(6, 11))
    base = rng.uniform(0, 2 * np.pi)
    ends = []
    for k in range(rays):
        a = base + 2 * np.pi * k / rays + rng.uniform(-0.25, 0.25)
        length, step = side * rng.uniform(0.35, 0.75), side * rng.uniform(0.05, 0.09)
        pts, x, y, run = [(px, py)], px, py, 0.0
        while run < length:
            a += rng.uniform(-0.26, 0.26)
            x, y, run = x + step * np.cos(a), y + step * np.sin(a), run + step
            pts.append((x, y))
            if rng.random() < 0.15:  # a branch
                ba = a + rng.choice([-1, 1]) * rng.uniform(0.45, 0.8)
                bl = step * rng.uniform(1.5, 3)
                lines.append([(x, y), (x + bl * np.cos(ba), y + bl * np.sin(ba))])
        lines.append(pts)
        ends.append(pts[min(2, len(pts) - 1)])
    lines.append(ends + ends[:1])  # a ring of cracks round the impact
    lw = max(0.6, side * 0.008)
    cracks = _drawn((h, w), lambda d, s: [d.line(_scaled(p, s), fill=255, width=max(1, round(lw * s)))
                                          for p in lines])
    sr = max(1.2, side * 0.035)
    spot = _drawn((h, w), lambda d, s: d.ellipse(((px - sr) * s, (py - sr) * s, (px + sr) * s, (py + sr) * s),
                                                 fill=255))
    dark = _sample(cracks[..., None], *(np.mgrid[0:h, 0:w].astype(np.float32) - 0.7))[..., 0]
    out = _paint(f, 0.5 * dark * (1 - cracks), (15, 15, 18))
    out = _paint(out, np.clip(cracks * rng.uniform(0.65, 0.85) + 0.5 * spot, 0, 1), (245, 248, 250))
    return _u8(out)


def _toner_spread(a: np.ndarray, rng) -> np.ndarray:
    from scipy.ndimage import grey_dilation, grey_erosion

    side = min(a.shape[:2])
    r = max(1.0, side * rng.uniform(0.02, 0.03))
    n = int(np.floor(r))
    yy, xx = np.mgrid[-n: n + 1, -n: n + 1]
    foot = np.hypot(yy, xx) <= r + 0.2
    border = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]]).mean()
    spread = grey_dilation if border < 100 else grey_erosion  # the ink: whichever tone the ground is not
    return np.stack([spread(a[..., c], footprint=foot) for c in range(3)], axis=2)


def _book_gutter(f: np.ndarray, rng) -> np.ndarray:
    def curl(g):  # the gutter at the right edge
        h, w = g.shape[:2]
        ys, xs = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
        u = xs / w
        u0 = rng.uniform(0.45, 0.6)
        k = rng.uniform(1.08, 1.14)  # the flat part shown larger, the rest squeezed into the curl
        t = np.clip((u - u0) / (1 - u0), 0, 1)
        su = u / k + (1 - 1 / k) * t ** 3  # the whole page still shown: su(1) = 1
        sy = h / 2 + (ys - h / 2) * (1 + rng.uniform(0.12, 0.2) * t ** 2)  # the page farther: lines bow
        out = _sample(g, sy - 0.5, su * w - 0.5)
        off = (sy < 0) | (sy > h)
        out[off] = _table(g[:, -2:], rng)
        shade = 1 - rng.uniform(0.45, 0.65) * t ** 2
        return out * shade[..., None]

    return _u8(_at_edge(f, curl, int(rng.integers(4))))


def near_edit_m(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "hole_punch":  # a page punched for a ring binder, scanned: the lid shows through the holes
        return _hole_punch(f, rng)
    if kind == "cursor":  # a screenshot taken with the mouse pointer over the picture
        return _cursor(f, rng)
    if kind == "coffee_ring":  # a print a cup stood on, scanned
        return _coffee_ring(f, rng)
    if kind == "polygon_mask":  # a labelling tool's segmentation polygon left in the picture
        return _polygon_mask(f, rng)
    if kind == "healing_brush":  # a detail removed with a phone editor's healing brush
        return _healing_brush(f, rng)
    if kind == "cracked_screen":  # photographed off a phone with a cracked screen
        return _cracked_screen(f, rng)
    if kind == "toner_spread":  # a photocopy or fax: the ink spread
        return _toner_spread(a, rng)
    if kind == "book_gutter":  # a page photographed in an open book: curving into the binding
        return _book_gutter(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _dashed_line(length: float, angle: float, dashes: int, duty: float) -> np.ndarray:
    """A line kernel ``length`` px long at ``angle``, lit only ``duty`` of each of ``dashes`` periods
    (4 x 4 samples a pixel), centred on its centroid."""
    t = (np.arange(4000) + 0.5) / 4000
    t = t[np.mod(t * dashes, 1) < duty]
    x, y = (t - t.mean()) * length * np.cos(angle), (t - t.mean()) * length * np.sin(angle)
    r = int(np.ceil(length / 2)) + 1
    n = 2 * r + 1
    k, _, _ = np.histogram2d(y, x, bins=n * 4, range=[[-r - 0.5, r + 0.5]] * 2)
    return k.reshape(n, 4, n, 4).sum(axis=(1, 3)).astype(np.float32)


def blur_m(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "focus_hunt":  # a frame grabbed while the autofocus swept through focus, the picture breathing
        R = max(2.2, side * rng.uniform(0.08, 0.11))
        breathe = rng.uniform(0.02, 0.04)
        ys, xs = _grid(h, w)
        out = np.zeros_like(f)
        for j, r in enumerate(np.linspace(0.15, 1.0, 8) * R):
            m = 1 + breathe * (j / 7 - 0.5)  # the magnification changing with the focus
            g = _sample(f, ys / m + h / 2 - 0.5, xs / m + w / 2 - 0.5)
            out += _fft_blur(g, _soft_disk(max(r, 0.5))) / 8
        return _u8(out)
    if kind == "depth_map":  # a phone's portrait mode with a wrong depth map: the whole picture lens-blurred
        r0 = max(1.5, side * rng.uniform(0.05, 0.07))
        r1 = r0 * rng.uniform(2.0, 2.5)
        depth = _smooth_field((h, w), max(1.0, side * rng.uniform(0.15, 0.25)), rng)
        t = np.clip((depth - depth.min()) / (np.ptp(depth) + 1e-9), 0, 1)  # 0: r0, 1: r1
        levels = [_fft_blur(f, _soft_disk(r)) for r in np.linspace(r0, r1, 4)]
        return _u8(_blend_rows(levels, t))
    if kind == "flicker_smear":  # camera motion under a flickering (PWM-dimmed) LED light: a dashed smear
        length = max(4.5, side * rng.uniform(0.18, 0.25))
        k = _dashed_line(length, rng.uniform(0, np.pi), int(rng.integers(4, 7)), rng.uniform(0.4, 0.6))
        return _u8(_fft_blur(f, k))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def dark_m(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _grid(h, w)
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "blacklight":  # a dark room under ultraviolet light: only the light things fluoresce
        base = f * rng.uniform(0.025, 0.045) * np.array([0.55, 0.35, 1.0], np.float32)
        lum = f.mean(axis=2) / 255
        th = rng.uniform(0.5, 0.65)
        glow = np.clip((lum - th) / (1 - th), 0, 1) * rng.uniform(0.22, 0.32) * 255
        return _u8(base + glow[..., None] * np.array([0.70, 0.80, 1.0], np.float32) + noise)
    if kind == "dappled":  # a night scene lit by a street lamp through leaves
        field = _smooth_field((h, w), max(1.0, side * rng.uniform(0.05, 0.08)), rng)
        cut = np.quantile(field, 1 - rng.uniform(0.25, 0.40))
        lit = 1 / (1 + np.exp(-(field - cut) / 0.15))
        g_lit, g_dark = rng.uniform(0.16, 0.26), rng.uniform(0.015, 0.035)
        gain = g_dark + (g_lit - g_dark) * lit
        return _u8(f * gain[..., None] * np.array([1.0, 0.86, 0.62], np.float32) + noise)
    if kind == "eclipse":  # totality: the light gone but for a sunset glow on the horizon all round
        d = np.minimum(h / 2 - np.abs(yy), w / 2 - np.abs(xx))  # from the nearest edge
        wid = side * rng.uniform(0.08, 0.12)
        g0, g1 = rng.uniform(0.015, 0.03), rng.uniform(0.12, 0.18)
        glow = np.exp(-d / wid)
        gain = g0 * np.array([0.8, 0.9, 1.1], np.float32) + (g1 * glow)[..., None] * np.array([1.0, 0.6, 0.3],
                                                                                           np.float32)
        return _u8(f * gain + noise)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _clock(size: int, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """An analogue clock: its dial (0-1), its rim, its marks and hands, and its second hand."""
    big = 4 * size
    R = big * rng.uniform(0.38, 0.46)
    cx, cy = big / 2 + big * rng.uniform(-0.04, 0.04), big / 2 + big * rng.uniform(-0.04, 0.04)
    dial, rim, ink, sec = (Image.new("L", (big, big), 0) for _ in range(4))
    ImageDraw.Draw(dial).ellipse((cx - R, cy - R, cx + R, cy + R), fill=255)
    rw = R * rng.uniform(0.06, 0.10)
    ImageDraw.Draw(rim).ellipse((cx - R, cy - R, cx + R, cy + R), outline=255, width=max(2, round(rw)))
    d = ImageDraw.Draw(ink)
    inner = R - rw
    for k in range(60 if size >= 48 else 12):
        hour = size < 48 or k % 5 == 0
        a = 2 * np.pi * k / (60 if size >= 48 else 12)
        l0 = inner * (0.80 if hour and (k % 15 == 0 or size < 48 and k % 3 == 0) else 0.86 if hour else 0.93)
        wd = max(2, round(R * (0.05 if hour else 0.015)))
        d.line((cx + l0 * np.sin(a), cy - l0 * np.cos(a), cx + 0.97 * inner * np.sin(a),
                cy - 0.97 * inner * np.cos(a)), fill=255, width=wd)
    hh, mm, ss = rng.uniform(0, 12), rng.uniform(0, 60), rng.uniform(0, 60)
    for frac, ln, wd in (((hh + mm / 60) / 12, 0.5, 0.07), (mm / 60, 0.78, 0.045)):
        a = 2 * np.pi * frac
        d.line((cx - 0.12 * inner * np.sin(a), cy + 0.12 * inner * np.cos(a), cx + ln * inner * np.sin(a),
                cy - ln * inner * np.cos(a)), fill=255, width=max(2, round(R * wd)))
    cr = R * 0.06
    d.ellipse((cx - cr, cy - cr, cx + cr, cy + cr), fill=255)
    if size >= 48:
        a = 2 * np.pi * ss / 60
        ImageDraw.Draw(sec).line((cx - 0.2 * inner * np.sin(a), cy + 0.2 * inner * np.cos(a),
                                  cx + 0.88 * inner * np.sin(a), cy - 0.88 * inner * np.cos(a)), fill=255,
                                 width=max(2, round(R * 0.015)))
    down = lambda img: np.asarray(img.resize((size, size), Image.BOX), np.float32) / 255  # noqa: E731
    return down(dial), down(rim), down(ink), down(sec)


def _piano(size: int, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A piano keyboard from above: the wood, the white keys, the gaps between them, the black keys."""
    big = 4 * size
    n = int(rng.integers(4, 7)) if size < 48 else int(rng.integers(6, 10))
    kw = big * rng.uniform(1.0, 1.15) / n
    x0 = (big - n * kw) / 2 + kw * rng.uniform(-0.5, 0.5)
    top = big * rng.uniform(0.12, 0.25)
    bottom = big * rng.uniform(0.88, 0.97)
    wood, white, gaps, black = (Image.new("L", (big, big), 0) for _ in range(4))
    ImageDraw.Draw(wood).rectangle((0, 0, big, top), fill=255)
    ImageDraw.Draw(white).rectangle((x0, top, x0 + n * kw, bottom), fill=255)
    gd, bd = ImageDraw.Draw(gaps), ImageDraw.Draw(black)
    first = int(rng.integers(7))  # the note of the first white key (0 = C)
    for j in range(n + 1):
        gd.line((x0 + j * kw, top, x0 + j * kw, bottom), fill=255, width=max(2, round(0.06 * kw)))
    for j in range(n - 1):
        if (first + j) % 7 in (0, 1, 3, 4, 5):  # a black key after C, D, F, G and A
            bx = x0 + (j + 1) * kw
            bd.rectangle((bx - 0.3 * kw, top, bx + 0.3 * kw, top + (bottom - top) * 0.62), fill=255)
    ang = rng.uniform(-10, 10)
    down = lambda img: np.asarray(img.rotate(ang, Image.BILINEAR, fillcolor=0).resize((size, size), Image.BOX),  # noqa: E731
                                  np.float32) / 255
    return down(wood), down(white), down(gaps), down(black)


def _fingerprint(size: int, rng) -> np.ndarray:
    """A fingerprint: its ink (0-1), ridges round a core, in an oval, broken here and there."""
    yy, xx = _grid(size, size)
    period = max(2.6, size * rng.uniform(0.045, 0.06))
    cy, cx = size * rng.uniform(-0.12, 0.0), size * rng.uniform(-0.08, 0.08)
    wy = 2.5 * _smooth_field((size, size), size * 0.15, rng) * size * 0.02  # a smooth warp
    wx = 2.5 * _smooth_field((size, size), size * 0.15, rng) * size * 0.02
    y, x = yy - cy + wy, xx - cx + wx
    if rng.random() < 0.5:  # a whorl: rings round the core
        phase = np.hypot(x / 0.8, y)
    else:  # a loop: rings above the core, running out to one side below it
        side = rng.choice([-1, 1]) * rng.uniform(0.2, 0.4)
        phase = np.where(y < 0, np.hypot(x, y), np.hypot(x * 0.4, y) + 0.3 * np.abs(x) + side * x)
    ridge = 0.5 + 0.5 * np.cos(2 * np.pi * phase / period)
    ax, ay = size * rng.uniform(0.30, 0.38), size * rng.uniform(0.40, 0.47)
    oval = np.hypot((xx - cx * 0.5) / ax, (yy - cy * 0.3) / ay)
    press = np.clip((1 - oval) / 0.15, 0, 1)
    breaks = _smooth_field((size, size), max(0.8, period * 0.6), rng) > -1.2  # pores and breaks
    return np.clip((ridge * 1.6 - 0.5), 0, 1) * press * breaks


def outlier_m(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "clock":
        dial, rim, ink, sec = _clock(size, rng)
        if photos:  # on a painted wall: a cream or white face, a metal or black rim, black hands, a red second hand
            wall = np.array([[190, 170, 140], [120, 140, 150], [160, 90, 70], [90, 110, 80]][int(rng.integers(4))])
            out = _paint(ground(wall * rng.uniform(0.8, 1.1)), dial, (248, 244, 232) if rng.random() < 0.5 else
                         (252, 252, 252))
            out = _paint(out, rim, (40, 40, 42) if rng.random() < 0.5 else (175, 178, 182))
            out = _paint(_paint(out, ink, (18, 18, 20)), sec, (200, 25, 25))
            return _u8(out)
        out = _paint(ground([lo] * 3), dial, tone(0.12))
        out = _paint(_paint(out, rim, tone(0.7)), ink, tone(1.0))
        return _u8(_paint(out, sec, tone(0.6)))
    if kind == "piano":
        wood, white, gaps, black = _piano(size, rng)
        if photos:  # ivory keys, black keys with a sheen, a wooden fallboard, a dark floor below
            out = _paint(ground([30, 24, 20]), wood, np.array([95, 45, 25]) * rng.uniform(0.7, 1.3))
            out = _paint(out, white, (240, 236, 222))
            out = _paint(_paint(out, gaps * white, (120, 115, 105)), black, (22, 20, 20))
            return _u8(out)
        out = _paint(ground([lo] * 3), wood, tone(0.35))
        out = _paint(_paint(out, white, tone(0.95)), gaps * white, tone(0.3))
        return _u8(_paint(out, black, tone(0.0)))
    if kind == "fingerprint":
        ink = _fingerprint(size, rng)
        if photos:  # black or blue-black ink on a white card
            card = ground(np.array([246, 244, 238]) * rng.uniform(0.92, 1.0))
            return _u8(_paint(card, ink * rng.uniform(0.8, 0.95), (25, 25, 40) if rng.random() < 0.5 else (20, 20, 20)))
        return _u8(_paint(ground([lo] * 3), ink, tone(1.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def bulk_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
               rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a labeller works through pages of ``BATCH`` random
    thumbnails of the ``candidates``, selects a whole page and applies the class of the picture clicked first (a
    random one of the page) to all of it; the page's pictures of other classes get that class, page after page,
    until ``count`` are flipped (the last page's cut short at random)."""
    pool = [int(i) for i in rng.permutation(np.asarray(candidates, dtype=int))]
    out: dict[int, object] = {}
    while len(out) < count and pool:
        n = int(rng.integers(*BATCH))
        page, pool = pool[:n], pool[n:]
        target = labels[page[int(rng.integers(len(page)))]]
        wrong = [i for i in page if labels[i] != target]
        for i in rng.permutation(wrong)[: count - len(out)]:
            out[int(i)] = target
    return out


# -- planting ------------------------------------------------------------------------------
def plant_issues_m(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator M's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 70-90 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_M, seed=130_000 + random_state,
        quality_seed=135_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=bulk_flips,
        **by_family(name, outlier=(outlier_m, OUTLIERS_M), blur=(blur_m, BLURS_M), dark=(dark_m, DARKS_M),
                    near=(near_edit_m, NEAR_EDITS_M)))
