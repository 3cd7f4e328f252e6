"""Generator N: fresh EVALUATION sets after generator M (never used to choose anything).

Why a twelfth evaluation generator: generator M's sets were run once, on the round's final code (docs/benchmarks.md,
round 10), and their results have been seen; generator N is a further held-out measurement of the same code,
written after M's results were seen but without any change to the library made because of them: the commits after
M's run (cafc15d, 977d2ab, 1e5cfc9) change the partial-match rule's memory use, the wording of a near copy's details
and comments, not what any check flags. A second untouched measurement tells how much of M's result belongs to M's
families rather than to the code. Generator N was written on 2026-12-04, before any tool was run on it (only its
files, their counts, the JPEG headers and contact sheets of its edits were looked at, to check that every edit is
visible, every blur blurred, every darkened image dark and every outlier foreign at 28, 116 and 148 px); it is not
to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of
families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian,
ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``:
crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up
blurs) make. Left out because an earlier generator made them or one close to them: a photographer's reflection
in the glass over a framed print (J's reflected window), foxing or water stains (G's dust spots, M's coffee ring), a
hair or fibre on the scanner's glass (G's scratches), a photo album's corner mounts (I's rounded corners, K's
dog-ear), CutMix or random erasing (the calibration's overlay box), a truncated download's grey band (the overlay box,
E's letterbox), a VHS capture's horizontal blur (the astigmatic Gaussian, motion), fog (K's steamed window), a
misaligned burst merged (G's double exposure), a welding or darkroom-safelight filter (J's smoked glass and sodium
lamp, L's variable ND), and a demosaicked raw (tried: on smooth photographs its change could not be seen).

* ``near_duplicate`` (3%), six edits in a part of the picture and two of the whole: a paper clip holding a scanned
  print (two nested wire loops 45-60% of the side long and 28-34% of that wide, straddling one edge with 22% of their
  length beyond it, 30-70% of the way along it, turned by up to 10 degrees, the wire 2.2% of the side thick, at
  least 0.9 px, silver, with a shadow at 50%), a splash of ink or paint (a blob of radius 6-9% of the side, its rim
  wobbling by 25%, and 8-15 droplets of radius 0.8-2.5% of the side, at least 0.6 px, thrown 1.2-3 radii towards
  one side, centred 25-75% of the way across and down; blue-black ink at 90-100% where the ground is light, a
  bright warm paint where it is dark), a colour-rendition chart photographed beside the subject (a black card 38-50%
  of the side wide and 0.68 of that high, 3-6% of the side in from a random corner, turned by up to 6 degrees, with
  a drop shadow, holding the 24 patches of a colour checker in 4 x 6, or 8 of them in 2 x 4 below 48 px), the
  hot spot of a flash on a glossy print (a white core of radius 6-10% of the side, at least 1.5 px, in a glare of
  sigma 12-18% of the side at 55-80%, centred within 25% of the side of the middle), a ruler laid along an edge
  for scale (a band 11-15% of the side wide, at least 4 px, of yellow wood, white plastic or steel, with a shadow
  along it and dark ticks every 2.5-3.5% of the side, long every fifth and tenth, or every 10-14% of the side below
  48 px) and a push pin (a coloured head of radius 7-10% of the side, at least 2 px, with a darker rim, a white
  glint and a shadow at 50%, 35-65% of the way across and 10-25% down); of the whole picture: the reverse side
  showing through thin paper (lines of made-up glyphs 7-10% of the side high, at least 3 px, 1.6-2.0 heights apart,
  mirrored and softened by 0.6-1% of the side, at least 0.5 px, at 20-30%: dark ink on a light ground, light on a
  dark one) and a GridMask-augmented copy saved with the data (square holes 30-40% of a grid's period of 18-28% of
  the side, at least 5 px, the grid turned by 0-90 degrees, the holes black, or a mid grey of 124-132 where the
  ground is dark);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): a fibrescope (a coherent fibre bundle, as an endoscope or borescope sees: fibre cores on a
  hexagonal lattice of pitch 7-10% of the side, at least 2.5 px, at any turn, each carrying the picture's mean over
  it (a Gaussian of 35% of the pitch), the cladding between them dark (each core's light falling to 30% between
  cores), the eyepiece slightly out of focus (a Gaussian of 28% of the pitch), the brightness made up by 15-30%),
  defocus on the move (a camera out of focus and moving: a uniform disk of radius 4-6% of the side, at least
  1.3 px, dragged along a straight path of 10-16% of the side, at least 3 px, at any angle) and a light-field
  camera's picture refocused to the wrong depth (3 x 3 to 5 x 5 views, the corners beyond the round main lens left
  out above 3 x 3, each view a copy moved across a lattice spanning 9-13% of the side, at least 3 px, at any
  turn, each a disk of 30-40% of the lattice step, at least 0.6 px);
* ``dark`` (2%): a long exposure in the dark (the picture at a gain of 0.03-0.05, the amplifier glowing magenta in a
  random corner, 14-24 levels falling off over 18-28% of the side, read noise sigma 1.5 levels, row banding sigma
  0.6, and 0.15-0.4% of the pixels, at least one, hot in random colours), a dark room lit by fairy lights (6-11
  small coloured bulbs, warm white, red, green, blue or yellow, strung on a sagging line across the upper part,
  each lighting the picture within sigma 7-11% of the side at a gain of up to 0.22-0.32 in its colour, elsewhere a
  gain of 0.012-0.03, the bulbs themselves bright dots of radius 1.3% of the side, at least 0.6 px; noise sigma
  1.2 levels) and a night under the northern lights (green light from the top at a gain of 0.12-0.20 falling off
  over 35-50% of the side, broken into vertical rays by a smooth random profile across, correlation length 3-6% of
  the side, 35-100% of the light, elsewhere 0.015-0.03, with the aurora's own green glow of up to 28 levels; noise
  sigma 1.2 levels);
* ``outlier`` (1.5%): gear wheels (a wheel of pitch radius 26-34% of the side with 10-16 teeth, 7-9 below 48 px,
  a hub hole and, from 48 px, five lightening holes, and 0-2 smaller wheels meshing with it), dartboards (20
  alternating sectors, double and treble rings in alternate colours, a bull and a bull's-eye, inside a number ring,
  radius 42-47% of the side, at a random turn) and abaci (a frame round 4-6 rods below 48 px, 6-9 above, each with
  4-5 or 7-10 beads split at random between its two ends, turned by up to 8 degrees); the digit and clothing sets
  get them in their own tones on their dark ground, the photographs as steel or brass wheels on a dark workbench or
  blueprint blue, a board of black and cream sectors with red and green rings on a wall, and a wooden abacus with
  coloured beads on a light wall;
* ``label`` (5%): *cluster-labelled* flips: a labeller clusters the eligible examples (k-means on 8 x 8 colour
  thumbnails, each standardised, 25 examples a cluster on average) and labels every cluster that looks uniform (at
  least half of it of one class, two examples or more) at once with that class: its examples of other classes get
  it, cluster after cluster in a random order, until the flips needed are made (the last cluster's cut short at
  random); where the uniform clusters hold fewer than twice the flips needed, clusters of 12 and then 6 on average
  are tried and the clustering that holds most is used, and where even that holds fewer than the flips needed,
  every cluster of it is labelled at once. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
N's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 121), MNIST (2,000, seed 122), and the evaluation photographs tiled at 116 px (35 tiles a photograph at most,
seed 123: 429) and at 148 px (every tile, seed 124: 316), sizes no other set uses. ``photos148_n_jpeg`` is written
as JPEG files, each at a quality drawn from 75-92 (a stream of its own, seed ``145_000 + random_state``), every edit,
blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``140_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J, K, L and M).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import _grid, by_family, plant_generator
from _heldout_j import _glyph_line, _layer, _sample
from _heldout_k import _in_corner, _paint, _scaled, _turn
from _heldout_m import _at_edge
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_N = ("fashion_test_n", "mnist_n", "photos116_n", "photos148_n_jpeg")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_N = {
    "fashion_test_n": ("fashion_test", 121),
    "mnist_n": ("mnist", 122),
    "photos116_n": ("photos", 123, 116, 12, 35),
    "photos148_n_jpeg": ("photos", 124, 148, 8, 1000),
}
JPEG_QUALITY = (75, 93)  # the JPEG set's qualities: integers in [low, high)
RATES_N = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_N = ("paper_clip", "ink_splash", "colour_chart", "flash_glare", "ruler", "push_pin", "show_through",
                "grid_mask")
BLURS_N = ("fibrescope", "swept_defocus", "light_field")
DARKS_N = ("amp_glow", "fairy_lights", "aurora")
OUTLIERS_N = ("gears", "dartboard", "abacus")
CLUSTER_SIZES = (25, 12, 6)  # the cluster labeller's mean cluster sizes, tried in turn
UNIFORM = 0.5  # the share of one class at which a cluster is labelled at once
THUMB = 8  # side of the thumbnails it clusters


def load_base_n(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_N, "N")


# -- near copies -----------------------------------------------------------------------------
def _stadium(x0: float, x1: float, y0: float, y1: float, n: int = 10) -> list[tuple[float, float]]:
    """The outline of a rounded-ended loop from ``x0`` to ``x1`` and ``y0`` to ``y1`` (x, y), open at the top left."""
    r, cy = (y1 - y0) / 2, (y0 + y1) / 2
    right = [(x1 - r + r * np.sin(t), cy - r * np.cos(t)) for t in np.linspace(0, np.pi, n)]
    left = [(x0 + r - r * np.sin(t), cy + r * np.cos(t)) for t in np.linspace(0, np.pi, n)]
    return [(x0 + 2.2 * r, y0)] + right + left


def _paper_clip(f: np.ndarray, rng) -> np.ndarray:
    def clip(g):  # written for the left edge: the clip straddles it, holding the print
        h, w = g.shape[:2]
        side = min(h, w)
        L = side * rng.uniform(0.45, 0.6)
        H = L * rng.uniform(0.28, 0.34)
        x0, cy = -0.22 * L, h * rng.uniform(0.3, 0.7)
        outer = _stadium(x0, x0 + L, cy - H / 2, cy + H / 2)
        inner = _stadium(x0 + 0.16 * L, x0 + 0.84 * L, cy - 0.3 * H, cy + 0.3 * H)[::-1]
        ang = np.deg2rad(rng.uniform(-10, 10))
        pts = _turn(outer + inner, 0.0, cy, ang)
        lw = max(0.9, side * 0.022)
        sh = 0.7 * lw
        wire = _drawn((h, w), lambda d, s: d.line(_scaled(pts, s), fill=255, width=max(1, round(lw * s)),
                                                  joint="curve"))
        shadow = _drawn((h, w), lambda d, s: d.line(_scaled([(x + sh, y + sh) for x, y in pts], s), fill=255,
                                                    width=max(1, round(lw * s))))
        metal = np.array([200, 204, 210], np.float32) * rng.uniform(0.85, 1.05)
        out = _paint(g, shadow * 0.5, (0, 0, 0))
        return _paint(out, wire, metal)

    return _u8(_at_edge(f, clip, int(rng.integers(4))))


def _ink_splash(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    cy, cx = h * rng.uniform(0.25, 0.75), w * rng.uniform(0.25, 0.75)
    R = side * rng.uniform(0.06, 0.09)
    t = np.linspace(0, 2 * np.pi, 48, endpoint=False)
    v = rng.uniform(0.75, 1.25, 8)
    wob = np.interp(t, np.linspace(0, 2 * np.pi, 9), np.r_[v, v[:1]])
    rad = R * wob
    blob = [(cx + r * np.cos(a), cy + r * np.sin(a)) for r, a in zip(rad, t)]
    main = rng.uniform(0, 2 * np.pi)  # the way the drop flew: the droplets thrown that way
    drops = []
    for _ in range(int(rng.integers(8, 16))):
        a = main + rng.normal(0, 0.6)
        d = R * rng.uniform(1.2, 3.0)
        drops.append((cx + d * np.cos(a), cy + d * np.sin(a), max(0.6, side * rng.uniform(0.008, 0.025))))
    m = _drawn((h, w), lambda dr, s: [dr.polygon(_scaled(blob, s), fill=255)] +
               [dr.ellipse(((x - r) * s, (y - r) * s, (x + r) * s, (y + r) * s), fill=255) for x, y, r in drops])
    border = np.concatenate([f[0], f[-1], f[:, 0], f[:, -1]]).mean()
    ink = (25, 25, 45) if border >= 100 else (rng.uniform(200, 255), rng.uniform(40, 230), rng.uniform(30, 80))
    return _u8(_paint(f, m * rng.uniform(0.9, 1.0), ink))


CHART = np.array([[115, 82, 68], [194, 150, 130], [98, 122, 157], [87, 108, 67], [133, 128, 177], [103, 189, 170],
                  [214, 126, 44], [80, 91, 166], [193, 90, 99], [94, 60, 108], [157, 188, 64], [224, 163, 46],
                  [56, 61, 150], [70, 148, 73], [175, 54, 60], [231, 199, 31], [187, 86, 149], [8, 133, 161],
                  [243, 243, 242], [200, 200, 200], [160, 160, 160], [122, 122, 121], [85, 85, 85], [52, 52, 52]],
                 np.float32)  # a colour-rendition chart's 24 patches


def _colour_chart(f: np.ndarray, rng) -> np.ndarray:
    def card(g):  # in the top-left corner: a museum's or lab's colour chart shot beside the subject
        h, w = g.shape[:2]
        side = min(h, w)
        cw = side * rng.uniform(0.38, 0.5)
        ch = cw * 0.68
        m0 = side * rng.uniform(0.03, 0.06)
        rows, cols = (4, 6) if side >= 48 else (2, 4)
        pick = np.arange(24).reshape(4, 6)[:rows, :cols] if side >= 48 else \
            np.array([[11, 14, 13, 18], [6, 17, 15, 23]])
        ang = np.deg2rad(rng.uniform(-6, 6))
        cx, cy = m0 + cw / 2, m0 + ch / 2
        rect = lambda x0, y0, x1, y1: _turn([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], cx, cy, ang)  # noqa: E731
        body = _drawn((h, w), lambda d, s: d.polygon(_scaled(rect(m0, m0, m0 + cw, m0 + ch), s), fill=255))
        sh = side * 0.015
        shadow = _drawn((h, w), lambda d, s: d.polygon(_scaled([(x + sh, y + sh) for x, y in
                                                                rect(m0, m0, m0 + cw, m0 + ch)], s), fill=255))
        out = _paint(_paint(g, shadow * 0.45, (0, 0, 0)), body, (22, 22, 24))
        pad, gap = 0.07 * ch, 0.08
        pw, ph = (cw - 2 * pad) / cols, (ch - 2 * pad) / rows
        for r in range(rows):
            for c in range(cols):
                x0, y0 = m0 + pad + (c + gap / 2) * pw, m0 + pad + (r + gap / 2) * ph
                q = rect(x0, y0, x0 + pw * (1 - gap), y0 + ph * (1 - gap))
                out = _paint(out, _drawn((h, w), lambda d, s, q=q: d.polygon(_scaled(q, s), fill=255)),
                             CHART[pick[r, c]])
        return out

    return _u8(_in_corner(f, card, rng))


def _flash_glare(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _grid(h, w)
    cy, cx = side * rng.uniform(-0.25, 0.25, 2)
    d = np.hypot(yy - cy, xx - cx)
    core = max(1.5, side * rng.uniform(0.06, 0.1))
    sig = side * rng.uniform(0.12, 0.18)
    a = np.clip((core + 0.7 - d) / 1.4, 0, 1) + rng.uniform(0.55, 0.8) * np.exp(-0.5 * (d / sig) ** 2)
    return _u8(_paint(f, np.clip(a, 0, 1), (255, 253, 248)))


def _ruler(f: np.ndarray, rng) -> np.ndarray:
    def lay(g):  # along the left edge: a ruler laid beside a specimen for scale
        h, w = g.shape[:2]
        side = min(h, w)
        rw = max(4.0, side * rng.uniform(0.11, 0.15))
        body = _drawn((h, w), lambda d, s: d.rectangle((0, 0, rw * s, h * s), fill=255))
        edge = _drawn((h, w), lambda d, s: d.rectangle((rw * s, 0, (rw + max(0.8, 0.015 * side)) * s, h * s),
                                                       fill=255))
        step = max(1.6, side * rng.uniform(0.025, 0.035)) if side >= 48 else side * rng.uniform(0.1, 0.14)
        major = 10 if side >= 48 else 1
        off = rng.uniform(0, step)
        lw = max(0.5, side * 0.006)
        ticks = []
        for k, y in enumerate(np.arange(off, h, step)):
            ln = rw * (0.7 if k % major == 0 else 0.45 if k % 5 == 0 else 0.28)
            ticks.append((rw - ln, y, rw, y))
        marks = _drawn((h, w), lambda d, s: [d.line(_scaled([(x0, y0), (x1, y1)], s), fill=255,
                                                    width=max(1, round(lw * s))) for x0, y0, x1, y1 in ticks])
        colour = [(236, 214, 150), (242, 242, 236), (205, 210, 214)][int(rng.integers(3))]
        out = _paint(_paint(g, edge * 0.45, (0, 0, 0)), body, np.array(colour) * rng.uniform(0.92, 1.0))
        return _paint(out, marks * body, (25, 25, 25))

    return _u8(_at_edge(f, lay, int(rng.integers(4))))


PIN_COLOURS = ((220, 30, 35), (30, 80, 220), (30, 170, 60), (245, 200, 20), (240, 240, 240))


def _push_pin(f: np.ndarray, rng) -> np.ndarray:
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(2.0, side * rng.uniform(0.07, 0.1))
    cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.1, 0.25)
    circ = lambda x, y, q: lambda d, s: d.ellipse(((x - q) * s, (y - q) * s, (x + q) * s, (y + q) * s),  # noqa: E731
                                                  fill=255)
    shadow = _drawn((h, w), circ(cx + 0.5 * r, cy + 0.6 * r, 1.05 * r))
    head = _drawn((h, w), circ(cx, cy, r))
    rim = head - _drawn((h, w), circ(cx - 0.1 * r, cy - 0.1 * r, 0.78 * r)) * head
    glint = _drawn((h, w), circ(cx - 0.35 * r, cy - 0.35 * r, max(0.5, 0.3 * r)))
    colour = np.array(PIN_COLOURS[int(rng.integers(len(PIN_COLOURS)))], np.float32)
    out = _paint(f, shadow * 0.5, (0, 0, 0))
    out = _paint(_paint(out, head, colour), np.clip(rim, 0, 1) * 0.6, colour * 0.45)
    return _u8(_paint(out, glint * 0.85, (255, 255, 255)))


def _show_through(f: np.ndarray, rng) -> np.ndarray:
    """Printed on thin paper and scanned: the reverse side's lines of text showing through, mirrored and soft."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    gh = max(3.0, side * rng.uniform(0.07, 0.1))
    lead = gh * rng.uniform(1.6, 2.0)
    margin = side * rng.uniform(0.04, 0.1)
    tops = np.arange(rng.uniform(0, lead), h, lead)
    lw = max(0.6, gh * 0.14)
    text = _drawn((h, w), lambda d, s: [_glyph_line(d, s, margin, w - margin, t, gh, lw, rng) for t in tops])
    back = gaussian_filter(text[:, ::-1], max(0.5, side * rng.uniform(0.006, 0.01)))
    border = np.concatenate([f[0], f[-1], f[:, 0], f[:, -1]]).mean()
    ink = (20, 20, 25) if border >= 100 else (235, 235, 235)  # the reverse's print: the tone the ground is not
    return _u8(_paint(f, np.clip(back * rng.uniform(0.2, 0.3) / (back.max() + 1e-6), 0, 1), ink))


def _grid_mask(a: np.ndarray, rng) -> np.ndarray:
    """An augmentation pipeline's GridMask saved by mistake: square holes on a turned grid, filled black
    (mid-grey where the ground is dark)."""
    h, w = a.shape[:2]
    side = min(h, w)
    p = max(5.0, side * rng.uniform(0.18, 0.28))
    hole = p * rng.uniform(0.3, 0.4)
    ang = np.deg2rad(rng.uniform(0, 90))
    yy, xx = _grid(h, w)
    u = (xx * np.cos(ang) + yy * np.sin(ang) + rng.uniform(0, p)) % p
    v = (-xx * np.sin(ang) + yy * np.cos(ang) + rng.uniform(0, p)) % p
    holes = (u < hole) & (v < hole)
    out = a.copy()
    border = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]]).mean()
    out[holes] = 0 if border >= 100 else int(rng.integers(124, 133))  # black, or the mean grey on a dark ground
    return out


def near_edit_n(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "paper_clip":  # a print held by a paper clip, scanned
        return _paper_clip(f, rng)
    if kind == "ink_splash":  # a splash of ink or paint on a print or page
        return _ink_splash(f, rng)
    if kind == "colour_chart":  # a colour-rendition chart photographed in a corner beside the subject
        return _colour_chart(f, rng)
    if kind == "flash_glare":  # a glossy print photographed with the flash: a hot spot
        return _flash_glare(f, rng)
    if kind == "ruler":  # a ruler laid along an edge for scale
        return _ruler(f, rng)
    if kind == "push_pin":  # a print pinned to a board, photographed
        return _push_pin(f, rng)
    if kind == "show_through":  # thin paper scanned: the reverse side's print showing through
        return _show_through(f, rng)
    if kind == "grid_mask":  # a GridMask-augmented copy saved with the data
        return _grid_mask(a, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _disks(centres: list[tuple[float, float]], radius: float) -> np.ndarray:
    """A kernel: the sum of uniform disks of ``radius`` px at ``centres`` (x, y px from the middle), edges
    antialiased (4 x 4 samples a pixel)."""
    r = int(np.ceil(max(max(abs(x), abs(y)) for x, y in centres) + radius)) + 1
    sub = (np.arange(-r * 4, (r + 1) * 4) + 0.5) / 4 - 0.5
    yy, xx = np.meshgrid(sub, sub, indexing="ij")
    k = np.zeros_like(xx, dtype=np.float32)
    for x, y in centres:
        k += (xx - x) ** 2 + (yy - y) ** 2 <= radius ** 2
    n = 2 * r + 1
    return k[: n * 4, : n * 4].reshape(n, 4, n, 4).mean(axis=(1, 3))


def _fibrescope(f: np.ndarray, rng) -> np.ndarray:
    """Seen through a coherent fibre bundle (an endoscope, a borescope): each fibre core of a hexagonal lattice
    carries one value, the cladding between them dark, the eyepiece slightly out of focus."""
    from scipy.ndimage import gaussian_filter
    from scipy.spatial import cKDTree

    h, w = f.shape[:2]
    side = min(h, w)
    p = max(2.5, side * rng.uniform(0.07, 0.1))
    ang = rng.uniform(0, np.pi / 3)
    n = int(np.ceil(1.5 * max(h, w) / p)) + 2
    i, j = np.meshgrid(np.arange(-n, n + 1), np.arange(-n, n + 1), indexing="ij")
    lx, ly = p * (i + 0.5 * j), p * (np.sqrt(3) / 2 * j)
    ox, oy = rng.uniform(0, p, 2)
    cx = w / 2 + ox + lx * np.cos(ang) - ly * np.sin(ang)
    cy = h / 2 + oy + lx * np.sin(ang) + ly * np.cos(ang)
    keep = (cx > -p) & (cx < w + p) & (cy > -p) & (cy < h + p)
    cx, cy = cx[keep], cy[keep]
    soft = gaussian_filter(f, (0.35 * p, 0.35 * p, 0))  # each core averages the light falling on it
    val = _sample(soft, (cy - 0.5)[None], (cx - 0.5)[None])[0]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    d, k = cKDTree(np.c_[cx, cy]).query(np.c_[xs.ravel(), ys.ravel()])
    core = (0.3 + 0.7 * np.exp(-(d / (0.42 * p)) ** 2)).reshape(h, w)
    out = val[k].reshape(h, w, 3) * core[..., None]
    return _u8(gaussian_filter(out, (0.28 * p, 0.28 * p, 0)) * rng.uniform(1.15, 1.3))


def blur_n(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "fibrescope":
        return _fibrescope(f, rng)
    if kind == "swept_defocus":  # a camera out of focus and moving: the defocus disk dragged along a line
        r = max(1.3, side * rng.uniform(0.04, 0.06))
        length = max(3.0, side * rng.uniform(0.1, 0.16))
        ang = rng.uniform(0, np.pi)
        ts = np.linspace(-0.5, 0.5, max(9, int(4 * length)))
        return _u8(_fft_blur(f, _disks([(t * length * np.cos(ang), t * length * np.sin(ang)) for t in ts], r)))
    if kind == "light_field":  # a light-field camera's picture refocused to the wrong depth: its views' copies
        n = int(rng.integers(3, 6))
        span = max(3.0, side * rng.uniform(0.09, 0.13))
        step = span / (n - 1)
        ang = rng.uniform(0, np.pi / 2)
        c = (np.arange(n) - (n - 1) / 2) * step
        views = [(x, y) for x in c for y in c if n == 3 or np.hypot(x, y) <= 0.6 * span]  # a round main lens
        views = [(x * np.cos(ang) - y * np.sin(ang), x * np.sin(ang) + y * np.cos(ang)) for x, y in views]
        return _u8(_fft_blur(f, _disks(views, max(0.6, step * rng.uniform(0.3, 0.4)))))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
LIGHT_COLOURS = np.array([[255, 200, 120], [255, 60, 50], [60, 230, 80], [70, 110, 255], [255, 220, 40]],
                         np.float32) / 255


def dark_n(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _grid(h, w)
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "amp_glow":  # a long exposure in the dark: the sensor's amplifier glowing in a corner, hot pixels
        out = f * rng.uniform(0.03, 0.05)
        sy, sx = rng.choice([-1, 1], 2)
        d = np.hypot(yy - sy * h / 2, xx - sx * w / 2)
        glow = rng.uniform(14, 24) * np.exp(-d / (side * rng.uniform(0.18, 0.28)))
        out = out + glow[..., None] * np.array([1.0, 0.45, 0.9], np.float32)
        out = out + rng.normal(0, 0.6, (h, 1, 1)) + rng.normal(0, 1.5, f.shape)  # read noise, row banding
        hot = rng.choice(h * w, max(1, int(h * w * rng.uniform(0.0015, 0.004))), replace=False)
        out.reshape(-1, 3)[hot] = rng.uniform(120, 255, (len(hot), 3)) * (rng.random((len(hot), 3)) < 0.6)
        return _u8(out)
    if kind == "fairy_lights":  # a dark room lit only by a string of small coloured lights
        n = int(rng.integers(6, 12))
        y0, y1 = h * rng.uniform(0.1, 0.45, 2)
        sag = h * rng.uniform(0.1, 0.25)
        t = (np.arange(n) + rng.uniform(0.2, 0.8)) / n
        bx = t * w
        by = y0 + (y1 - y0) * t + sag * 4 * t * (1 - t)
        ys, xs = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
        sig = side * rng.uniform(0.07, 0.11)
        peak = rng.uniform(0.22, 0.32)
        cols = LIGHT_COLOURS[rng.integers(len(LIGHT_COLOURS), size=n)]
        gain = np.zeros_like(f) + rng.uniform(0.012, 0.03)
        bulbs = np.zeros((h, w), np.float32)
        rb = max(0.6, side * 0.013)
        for x, y, c in zip(bx, by, cols):
            d2 = (xs - x) ** 2 + (ys - y) ** 2
            gain += peak * np.exp(-0.5 * d2 / sig ** 2)[..., None] * c
            bulbs = np.maximum(bulbs, np.clip(rb + 0.5 - np.sqrt(d2), 0, 1))
        out = f * gain + 255 * bulbs[..., None] * np.clip(cols.mean(axis=0) + 0.4, 0, 1)
        return _u8(out + noise)
    if kind == "aurora":  # a night scene under the northern lights: green curtains from the top, rays across
        from scipy.ndimage import gaussian_filter1d

        top = yy + h / 2  # from the top edge
        fall = np.exp(-top / (side * rng.uniform(0.35, 0.5)))
        rays = gaussian_filter1d(rng.normal(0, 1, w + 8), max(0.6, side * rng.uniform(0.03, 0.06)), mode="wrap")[4:-4]
        rays = 0.35 + 0.65 * np.clip((rays - rays.min()) / (np.ptp(rays) + 1e-9), 0, 1)
        lit = rng.uniform(0.12, 0.2) * fall * rays[None, :]
        gain = rng.uniform(0.015, 0.03) + lit[..., None] * np.array([0.35, 1.0, 0.55], np.float32)
        sky = 28 * lit[..., None] / 0.2 * np.array([0.2, 1.0, 0.5], np.float32)  # the glow itself
        return _u8(f * gain + sky + noise)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _gear(d, big: int, cx: float, cy: float, R: float, teeth: int, phase: float, hole: bool) -> None:
    """A gear wheel of pitch radius ``R`` drawn white on ``d`` (a ``big`` px canvas), its hub and spokes cut out."""
    pts = []
    for k in range(teeth):
        a0 = phase + 2 * np.pi * k / teeth
        for da, rr in ((-0.25, 0.88), (-0.15, 1.1), (0.15, 1.1), (0.25, 0.88)):
            a = a0 + da * 2 * np.pi / teeth
            pts.append((cx + rr * R * np.cos(a), cy + rr * R * np.sin(a)))
    d.polygon(pts, fill=255)
    hub = 0.22 * R
    d.ellipse((cx - hub, cy - hub, cx + hub, cy + hub), fill=0)
    if hole:  # lightening holes between the spokes
        for k in range(5):
            a = phase + 2 * np.pi * (k + 0.5) / 5
            hx, hy, hr = cx + 0.55 * R * np.cos(a), cy + 0.55 * R * np.sin(a), 0.17 * R
            d.ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=0)


def _gears(size: int, rng) -> np.ndarray:
    """One to three meshing gear wheels (0-1)."""
    def draw(d, big):
        R = big * rng.uniform(0.26, 0.34)
        cx, cy = big * rng.uniform(0.38, 0.5), big * rng.uniform(0.4, 0.6)
        t = int(rng.integers(10, 17)) if size >= 48 else int(rng.integers(7, 10))
        phase = rng.uniform(0, 2 * np.pi)
        _gear(d, big, cx, cy, R, t, phase, size >= 48)
        for _ in range(int(rng.integers(0, 3))):
            r2 = R * rng.uniform(0.45, 0.75)
            a = rng.uniform(0, 2 * np.pi)
            d2 = (R + r2) * 1.02
            _gear(d, big, cx + d2 * np.cos(a), cy + d2 * np.sin(a), r2, max(5, round(t * r2 / R)),
                  rng.uniform(0, 2 * np.pi), size >= 48)

    return _layer(size, draw)


def _dartboard(size: int, rng) -> list[np.ndarray]:
    """A dartboard: masks of its dark sectors, light sectors, red rings, green rings and number ring (0-1)."""
    big = 4 * size
    R = big * rng.uniform(0.42, 0.47)
    cx, cy = big / 2 + big * rng.uniform(-0.03, 0.03), big / 2 + big * rng.uniform(-0.03, 0.03)
    rot = rng.uniform(0, 360)
    img = Image.new("L", (big, big), 0)  # 1 number ring, 2 dark, 3 light, 4 red, 5 green
    d = ImageDraw.Draw(img)
    box = lambda r: (cx - r, cy - r, cx + r, cy + r)  # noqa: E731
    d.ellipse(box(R), fill=1)
    rb = 0.78 * R  # the board inside the number ring
    for k in range(20):
        a0, a1 = rot + 18 * k - 9, rot + 18 * k + 9
        for r_out, r_in in ((rb, 0.93 * rb), (0.63 * rb, 0.56 * rb)):  # the double and treble rings
            d.pieslice(box(r_out), a0, a1, fill=4 if k % 2 else 5)
            d.pieslice(box(r_in), a0, a1, fill=2 if k % 2 else 3)
    d.ellipse(box(0.1 * rb), fill=5)
    d.ellipse(box(0.045 * rb), fill=4)
    idx = np.asarray(img)
    return [np.asarray(Image.fromarray(((idx == v) * 255).astype(np.uint8)).resize((size, size), Image.BOX),
                       np.float32) / 255 for v in (2, 3, 4, 5, 1)]


def _abacus(size: int, rng) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """An abacus: its frame, its rods, and the beads of each rod (0-1)."""
    big = 4 * size
    rows = int(rng.integers(4, 7)) if size < 48 else int(rng.integers(6, 10))
    beads = int(rng.integers(4, 6)) if size < 48 else int(rng.integers(7, 11))
    x0, x1 = big * rng.uniform(0.05, 0.12), big * rng.uniform(0.88, 0.95)
    y0, y1 = big * rng.uniform(0.08, 0.18), big * rng.uniform(0.82, 0.92)
    fw = big * rng.uniform(0.05, 0.07)
    ang = rng.uniform(-8, 8)
    frame, rods = Image.new("L", (big, big), 0), Image.new("L", (big, big), 0)
    ImageDraw.Draw(frame).rectangle((x0, y0, x1, y1), fill=255)
    ImageDraw.Draw(frame).rectangle((x0 + fw, y0 + fw, x1 - fw, y1 - fw), fill=0)
    pitch = (y1 - y0 - 2 * fw) / rows
    bw = min(pitch * 0.75, (x1 - x0 - 2 * fw) / (beads + 3))
    out = []
    for r in range(rows):
        y = y0 + fw + (r + 0.5) * pitch
        ImageDraw.Draw(rods).line((x0 + fw, y, x1 - fw, y), fill=255, width=max(2, round(0.12 * pitch)))
        left = int(rng.integers(0, beads + 1))
        layer = Image.new("L", (big, big), 0)
        bd = ImageDraw.Draw(layer)
        for b in range(beads):
            x = x0 + fw + (b + 0.5) * bw * 1.02 if b < left else x1 - fw - (beads - b - 0.5) * bw * 1.02
            bd.ellipse((x - 0.5 * bw, y - 0.42 * pitch, x + 0.5 * bw, y + 0.42 * pitch), fill=255)
        out.append(layer)
    down = lambda img: np.asarray(img.rotate(ang, Image.BILINEAR, fillcolor=0).resize((size, size), Image.BOX),  # noqa: E731
                                  np.float32) / 255
    return down(frame), down(rods), [down(x) for x in out]


BEAD_COLOURS = ((200, 40, 40), (240, 190, 30), (40, 90, 200), (40, 160, 70), (240, 120, 30), (150, 60, 160))


def outlier_n(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "gears":
        m = _gears(size, rng)
        if photos:  # steel or brass wheels on a dark workbench or on blueprint blue
            bench = (38, 34, 30) if rng.random() < 0.6 else (25, 60, 130)
            metal = np.array([(180, 184, 190), (200, 165, 80)][int(rng.integers(2))], np.float32)
            yy, xx = _grid(size, size)
            shade = 0.85 + 0.3 * (-(yy + xx) / (2 * size) + 0.5)
            return _u8(ground(bench) * (1 - m[..., None]) + (metal * shade[..., None]) * m[..., None])
        return _u8(_paint(ground([lo] * 3), m, tone(rng.uniform(0.8, 1.0))))
    if kind == "dartboard":
        dk, lt, red, green, ring = _dartboard(size, rng)
        if photos:  # black and cream sectors, red and green rings, a black number ring, on a wall
            wall = np.array([[170, 150, 120], [60, 70, 90], [120, 40, 40]][int(rng.integers(3))], np.float32)
            out = _paint(ground(wall * rng.uniform(0.8, 1.1)), ring, (20, 20, 20))
            out = _paint(_paint(out, dk, (25, 25, 25)), lt, (235, 220, 180))
            return _u8(_paint(_paint(out, red, (200, 30, 35)), green, (20, 130, 60)))
        out = _paint(ground([lo] * 3), ring, tone(0.25))
        out = _paint(_paint(out, dk, tone(0.05)), lt, tone(1.0))
        return _u8(_paint(_paint(out, red, tone(0.6)), green, tone(0.4)))
    if kind == "abacus":
        frame, rods, beads = _abacus(size, rng)
        if photos:  # a wooden frame, metal rods, coloured beads, on a light wall
            out = ground(np.array([236, 230, 215]) * rng.uniform(0.9, 1.0))
            out = _paint(_paint(out, rods, (150, 150, 150)), frame, np.array([120, 70, 35]) * rng.uniform(0.8, 1.2))
            for k, b in enumerate(beads):
                out = _paint(out, b, BEAD_COLOURS[k % len(BEAD_COLOURS)])
            return _u8(out)
        out = _paint(_paint(ground([lo] * 3), rods, tone(0.4)), frame, tone(0.7))
        for k, b in enumerate(beads):
            out = _paint(out, b, tone(1.0 if k % 2 == 0 else 0.85))
        return _u8(out)
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def _kmeans(x: np.ndarray, k: int, rng, iters: int = 12) -> np.ndarray:
    """Lloyd's k-means from ``k`` random examples; each example's cluster."""
    c = x[rng.choice(len(x), k, replace=False)]
    for _ in range(iters):
        d = (x ** 2).sum(1)[:, None] - 2 * x @ c.T + (c ** 2).sum(1)[None]
        lab = d.argmin(1)
        for j in range(k):
            if (lab == j).any():
                c[j] = x[lab == j].mean(0)
    return lab


def _colour_thumbs(base: list[np.ndarray]) -> np.ndarray:
    """Colour ``THUMB`` x ``THUMB`` thumbnails, each standardised (zero mean, unit spread)."""
    t = np.stack([np.asarray(Image.fromarray(np.asarray(a)).resize((THUMB, THUMB), Image.BOX), np.float32).ravel()
                  for a in base])
    t -= t.mean(axis=1, keepdims=True)
    return t / (t.std(axis=1, keepdims=True) + 1e-6)


def cluster_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                  rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a labeller clusters the ``candidates`` (k-means on 8 x 8
    colour thumbnails, each standardised, ``CLUSTER_SIZES[0]`` examples a cluster on average) and labels each
    cluster that looks uniform (at least ``UNIFORM`` of it of one class, two examples or more) at once with that
    class; its examples of other classes get that class, cluster after cluster in a random order, until ``count``
    are flipped (the last cluster's cut short at random). Where those clusters hold fewer than twice ``count``
    examples of other classes, smaller clusters are tried (``CLUSTER_SIZES``), and the clustering that holds most
    is used; where even that holds fewer than ``count``, every cluster of it is labelled at once."""
    cand = np.asarray(candidates, dtype=int)
    x = _colour_thumbs([base[i] for i in cand])
    best: tuple[int, list, list] = (-1, [], [])
    for size in CLUSTER_SIZES:
        k = max(1, len(cand) // size)
        lab = _kmeans(x, k, rng)
        uniform, every = [], []
        for j in range(k):
            members = cand[lab == j].tolist()
            if not members:
                continue
            top, n_top = Counter(labels[i] for i in members).most_common(1)[0]
            group = (top, [i for i in members if labels[i] != top])
            every.append(group)
            if len(members) >= 2 and n_top >= UNIFORM * len(members):
                uniform.append(group)
        held = sum(len(g) for _, g in uniform)
        if held > best[0]:
            best = (held, uniform, every)
        if held >= 2 * count:
            break
    groups = best[1] if best[0] >= count else best[2]
    out: dict[int, object] = {}
    for j in rng.permutation(len(groups)):
        top, wrong = groups[int(j)]
        for i in rng.permutation(wrong)[: count - len(out)]:
            out[int(i)] = top
        if len(out) >= count:
            break
    return out


# -- planting ------------------------------------------------------------------------------
def plant_issues_n(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator N's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 75-92 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_N, seed=140_000 + random_state,
        quality_seed=145_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=cluster_flips,
        **by_family(name, outlier=(outlier_n, OUTLIERS_N), blur=(blur_n, BLURS_N), dark=(dark_n, DARKS_N),
                    near=(near_edit_n, NEAR_EDITS_N)))
