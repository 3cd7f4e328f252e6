"""Generator U: fresh EVALUATION sets after generator T (never used to choose anything).

Why a nineteenth evaluation generator: generator T's sets were run once and their results have been seen
(docs/benchmarks.md); U is a held-out measurement of the library's code after T's run. Generator U was written on
2026-12-05, after generator T's results were seen and before any tool was run on it (only its files, their counts and
contact sheets of its edits, blurs, darkenings and foreign pictures were looked at, to check that every edit is
visible, every blur blurred, every darkened image dark and every outlier foreign at 28, 122 and 184 px, and the
planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings,
foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian,
soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no
earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T) and none
of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness,
contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left out because an
earlier generator made them or one close to them: a correction-tape stripe (the overlay box), a camera strap in
front of the lens (I's finger, Q's wiper), a burn-tool stroke (T's dodge stroke), a coin laid down for scale (N's
ruler and colour chart), a phone's alert dialog (K's sticky note, H's interface screens), a rust stain (G's dust, M's
coffee ring), an editor's red mask overlay (M's polygon, Q's saliency map), glitter (E's specks), a clothes peg on
the print (N's paper clip), a pressed LCD's rainbow blotch or Newton's rings (I's moire, T's quench pattern); of the
whole picture an HDR tone-mapped copy (D's equalisation), a print on brushed aluminium (T's wood transfer), a raw
file's undemosaicked Bayer mosaic (N's demosaicked raw: no change that shows on grey sets), an e-ink screen's ghost
(E's palette, N's show-through); among blurs a BlurHash placeholder (M's progressive first scan, the calibration's
down-and-up), a gimbal's Lissajous vibration (J's wobble), a reflector telescope's spider-vane donut (R's mesh bokeh,
the ring), a slot aperture (G's hexagon), cling film over the lens (K's dirty lens), tracing paper over the print or
a ground glass shot through the viewfinder (I's frosted glass); among darkenings fireflies (N's fairy lights),
fireworks (F's starbursts), a concert's raised phone screens (P's phone screen), a tunnel's ceiling lamps (R's strip
lights), a thin negative printed (S's overprinted print), a laptop with a dead backlight (H's dim screen), a linear
raw preview (B's stops, I's raw under-exposure); among foreign pictures honeycombs (G's Voronoi cells), vinyl records
(N's dartboards, M's clocks), Rubik's cubes and calculators (K's crosswords), grapes and hourglasses (8s on the digit
sets), mixing desks (N's abaci); among label noise a labeller keeping the previous picture's class (J's guesses by
frequency, M's pages) and a coarse-to-fine taxonomy (P's pairs).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole: a lipstick kiss pressed on the
  print (lips 28-38% of the side wide, at least 8 px, and 55-70% of that high, the upper lip's two lobes with a
  cupid's bow, a fuller lower lip, the parted mouth between them and 9-15 vertical creases left unpainted, turned
  by up to 25 degrees, centred 30-70% of the way across and down, in red, pink, plum or coral at 70-90%, a smooth
  random fifth of it thinner), party confetti lying on the print (7-12 pieces below 48 px, 18-34 above, scattered
  over a disc of radius 22-35% of the side centred 30-70% of the way across and down, each a strip 4.5-7% of the
  side long, at least 2 px, and 45-60% of that wide, at any angle, or one time in three a dot of radius 1.6-2.6% of
  the side, at least 1 px, in pink, yellow, cyan, green, orange, violet, gold or white, with a soft shadow at 35%),
  mould grown on a print kept in a damp box (1-2 colonies below 48 px, 2-4 above, each of radius 7-13% of the side,
  at least 2 px, centred 15-85% of the way across and down, its rim ragged by 25%, fuzzy and broken into radial
  hyphae, with a denser growth ring at 55-70% of its radius, at 65-85%: pale grey-green where the border is darker
  than 110, dark olive where it is lighter, in a yellow-brown stain out to 1.5 radii at 15-25%), a scratch card's
  silver panel printed over part of the picture and partly scratched off with a coin (a panel 40-60% of the side
  wide and 22-34% high, at least 8 x 5 px, centred 30-70% of the way across and down, of silver ink at 170-195
  levels with a sheen of 20 levels and a grain, and 2-4 zigzag scratches 9-14% of the side wide, at least 2 px,
  across 40-80% of its width, ragged, where the picture shows through) and an identity card's guilloche printed over
  the picture (in a band 30-45% of the side high across the whole width, centred 30-70% of the way down, two families
  of fine waves of amplitude 35-45% of the band and period 30-50% of the side, 6-9 lines below 48 px, 10-16 above,
  in opposite phase, the lines 0.6% of the side wide, at least 0.5 px, in a pale green, pink, blue or buff at 50-70%
  where the border is darker than 110, a deeper one at 40-55% where it is lighter); of the whole picture: a frame
  grabbed from a camera monitor with focus peaking on (the edges where the grey picture's Sobel gradient is at or
  above its 84th-90th percentile and at least 20% of its largest painted red, yellow, green or blue at 85-100%), an
  old silver-gelatin print's silvering, photographed (a bluish metallic sheen, 165 / 176 / 196 levels, over the dark
  tones, weighted ``(1 - lightness) ** 1.2``, creeping in from every edge over 10-18% of the side, at least 2.5 px,
  ragged by a smooth field of 6% of the side, and in patches further in, at 45-70%) and the picture photographed on a
  laptop's TN panel tilted back or forward (its tone curve changing with the viewing angle from top to bottom: the
  far edge's gamma 1.6-2.0 with whites at 72-84%, the near edge's gamma 0.4-0.55 with blacks lifted to 50-75
  levels, cool at the far edge and warm at the near one by 6%);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): a slide projected out of focus onto a glass-bead screen and photographed (a uniform disk of radius
  5.5-8% of the side, at least 2 px, the projector's light falling by 10-18% to the corners, the screen's beads a
  grain of 5% and glints on 1% of the pixels of 15-30%, the room's light lifting the blacks by 6-12 levels), a
  phone held to a spotting scope's eyepiece, out of focus ("digiscoping": a uniform disk of radius 5-7.5% of the
  side, at least 1.8 px, seen inside the eyepiece's round field of radius 44-52% of the side, within 4% of the side
  of the middle, its edge soft over 4% of the side, darkening by 25% towards it, black outside) and a large print
  scanned in passes, each at its own focus, and stitched (3-5 bands across or down, split at random 15-85% of the
  way, each defocused by a uniform disk of 1-2 times a radius of 4.5-6% of the side, at least 1.5 px, and exposed
  within 3%, blended over 4% of the picture at the seams);
* ``dark`` (2%): a long night exposure with star trails (the picture at a gain of 0.025-0.05, cool, and 5-9 trails
  below 48 px, 30-60 above, arcs round a celestial pole 20% to the left of the picture to 20% to its right and 60%
  above it to 20% below its top, all swept through the same 10-22 degrees, 0.5-0.8% of the side wide, at least
  0.5 px, of 50-180 levels of white, blue-white or yellow-white light; noise sigma 1.2 levels), a tintype
  (ferrotype) photographed (the japanned plate's black-brown ground, about 18 / 14 / 10 levels give or take 20%, and
  the picture's lightness to the power 1.2-1.5 at 42-62 levels, olive-cream, falling by 30% to the corners, a plate
  grain of 1.5 levels; noise sigma 0.6 levels) and a photocopy made at the copier's darkest setting (grey, the ground
  at 12-20 levels, the picture's lightness to the power 1.4-1.8 up to 58-80 levels, faint streaks along the feed, a
  smooth profile of 3 levels across, and toner specks on 2% of the pixels 8-20 levels darker; noise sigma 1.5
  levels);
* ``outlier`` (1.5%): audio cassettes (a rounded shell 78-90% of the side wide and 0.63 of that high, turned by up
  to 12 degrees, a label over its upper part, with 2 lines of made-up glyphs from 48 px, a window showing two reels,
  hubs with six teeth and the tape wound round one larger than the other, the head opening's trapezoid with its
  holes, and five screws), pizzas on a square wooden board seen from above (the board 86-96% of the side, the pizza
  of radius 36-44% of the side, a crust ring of 11-15% of the radius, cut into 6 or 8 slices, half the time one or
  two taken, 4-6 pepperoni slices and 0-3 basil leaves below 48 px, 7-12 and 4-8 above, turned at random) and open
  umbrellas seen from the side (a canopy of radius 34-42% of the side, 55-70% as high, scalloped between 5-8 rib
  tips, its gores in two alternating colours, the ribs, a shaft ending in a hooked handle, turned by up to 20
  degrees, from 48 px half the time in rain); the digit and clothing sets get them in their own tones on their dark
  ground, the photographs as a black, white, red or grey shell with a coloured label, a dark window and brown tape
  on a table, a golden pizza with red pepperoni and green basil on a wooden board on a table, and an umbrella in two
  of its colours with a dark shaft and a brown handle under a grey or blue sky;
* ``label`` (5%): *shifted-rows* flips: a block of the labels file shifted by one row against the file names (a row
  lost or doubled in a join): from a random row on, each eligible example, in the order the files were added to the
  set (a random one), has the label of the next one (or, half the time, of the one before), until the flips needed
  have changed; rows whose neighbour had the same class keep their label and are not flips: noise that is neither by
  class nor by look, spread over one run of the files. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
U's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 191), MNIST (2,000, seed 192), and the evaluation photographs tiled at 122 px (35 tiles a photograph at most,
seed 193: 400) and at 184 px (every tile, seed 194: 190), sizes no other set uses. ``photos122_u_jpeg`` is
written as JPEG files, each at a quality drawn from 71-90 (a stream of its own, seed ``215_000 + random_state``), every
edit, blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``210_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J, K, L, M, N, O, P, Q,
R, S and T).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import by_family, plant_generator
from _heldout_j import _glyph_line
from _heldout_k import _paint, _scaled, _turn
from _heldout_l import _smooth_field
from _heldout_o import _ground
from _heldout_p import _ellipse
from _heldout_q import _down
from _heldout_s import _disk_kernel, _pixels
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_U = ("fashion_test_u", "mnist_u", "photos122_u_jpeg", "photos184_u")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_U = {
    "fashion_test_u": ("fashion_test", 191),
    "mnist_u": ("mnist", 192),
    "photos122_u_jpeg": ("photos", 193, 122, 12, 35),
    "photos184_u": ("photos", 194, 184, 8, 1000),
}
JPEG_QUALITY = (71, 91)  # the JPEG set's qualities: integers in [low, high)
RATES_U = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_U = ("lipstick_kiss", "confetti", "mould", "scratch_off", "guilloche", "focus_peaking", "silvering",
                "tn_screen")
BLURS_U = ("projected_slide", "digiscoped", "scan_passes")
DARKS_U = ("star_trails", "tintype", "dark_photocopy")
OUTLIERS_U = ("cassette", "pizza", "umbrella")


def load_base_u(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_U, "U")


def _poly(size: tuple[int, int], pts) -> np.ndarray:
    return _drawn(size, lambda d, k: d.polygon(_scaled(pts, k), fill=255))


def _grey(f: np.ndarray) -> np.ndarray:
    return f @ np.array([0.299, 0.587, 0.114], np.float32)


# -- near copies -----------------------------------------------------------------------------
LIPSTICKS = ((196, 24, 48), (226, 74, 128), (128, 26, 66), (236, 88, 66))


def _lipstick_kiss(f: np.ndarray, rng) -> np.ndarray:
    """A lipstick kiss pressed on the print: lips 28-38% of the side wide, at least 8 px, and 55-70% of that high,
    the upper lip's two lobes with a cupid's bow, a fuller lower lip, the parted mouth between them unpainted, the
    lips' vertical creases, 9-15 of them, left unpainted, turned by up to 25 degrees, centred 30-70% of the way
    across and down, in red, pink, plum or coral at 70-90%, a smooth random fifth of it thinner."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(8.0, side * rng.uniform(0.28, 0.38))
    H = W * rng.uniform(0.55, 0.7)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    ang = np.deg2rad(rng.uniform(-25, 25))
    t = np.linspace(-1, 1, 41)
    gap = 0.06 * H
    top = -H / 2 * (1 - t ** 2) ** 0.7 * (1 - 0.35 * np.exp(-(t / 0.16) ** 2))
    mid = 0.04 * H * np.cos(np.pi * t)
    bot = H / 2 * (1 - t ** 2) ** 0.6
    upper = [(cx + W / 2 * u, cy + v) for u, v in zip(t, top)] + [(cx + W / 2 * u, cy + v - gap / 2)
                                                                   for u, v in zip(t[::-1], mid[::-1])]
    lower = [(cx + W / 2 * u, cy + v + gap / 2) for u, v in zip(t, mid)] + [(cx + W / 2 * u, cy + v)
                                                                           for u, v in zip(t[::-1], bot[::-1])]
    upper, lower = _turn(upper, cx, cy, ang), _turn(lower, cx, cy, ang)
    n = int(rng.integers(9, 16))
    creases = []
    for j in range(n):
        u = (j + 0.5) / n * 1.8 - 0.9 + rng.uniform(-0.04, 0.04)
        for s in (-1, 1):
            creases.append(_turn([(cx + W / 2 * u, cy + s * 0.12 * H), (cx + W / 2 * u * 1.08, cy + s * 0.5 * H)],
                                 cx, cy, ang))
    lw = max(0.35, W * 0.012)

    def draw(d, k):
        d.polygon(_scaled(upper, k), fill=255)
        d.polygon(_scaled(lower, k), fill=255)
        for c in creases:
            d.line(_scaled(c, k), fill=0, width=max(1, round(lw * k)))
    m = _drawn((h, w), draw)
    thin = 1 - 0.2 * (0.5 + 0.5 * np.tanh(_smooth_field((h, w), max(1.0, 0.08 * W), rng)))
    return _u8(_paint(f, m * rng.uniform(0.7, 0.9) * thin, LIPSTICKS[int(rng.integers(len(LIPSTICKS)))]))


CONFETTI = ((250, 70, 150), (255, 220, 40), (40, 200, 240), (120, 230, 60), (255, 140, 30), (160, 90, 230),
            (230, 190, 80), (255, 255, 255))


def _confetti(f: np.ndarray, rng) -> np.ndarray:
    """Party confetti lying on the print: 7-12 pieces below 48 px, 18-34 above, scattered over a disc of radius
    22-35% of the side centred 30-70% of the way across and down, each a strip 4.5-7% of the side long, at least
    2 px, and 45-60% of that wide, at any angle, or one time in three a dot of radius 1.6-2.6% of the side, at least
    1 px, in pink, yellow, cyan, green, orange, violet, gold or white, opaque, with a soft shadow at 35%."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(7, 13)) if side < 48 else int(rng.integers(18, 35))
    R = side * rng.uniform(0.22, 0.35)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    out = f.copy()
    shadow = np.zeros((h, w), np.float32)
    pieces = []
    for _ in range(n):
        r, a = R * np.sqrt(rng.random()), rng.uniform(0, 2 * np.pi)
        x, y = cx + r * np.cos(a), cy + r * np.sin(a)
        if rng.random() < 1 / 3:
            rr = max(1.0, side * rng.uniform(0.016, 0.026))
            m = _drawn((h, w), lambda d, k, x=x, y=y, rr=rr: d.ellipse(((x - rr) * k, (y - rr) * k, (x + rr) * k,
                                                                        (y + rr) * k), fill=255))
        else:
            L = max(2.0, side * rng.uniform(0.045, 0.07))
            wd = L * rng.uniform(0.45, 0.6)
            pts = _turn([(x - L / 2, y - wd / 2), (x + L / 2, y - wd / 2), (x + L / 2, y + wd / 2),
                         (x - L / 2, y + wd / 2)], x, y, rng.uniform(0, np.pi))
            m = _poly((h, w), pts)
        pieces.append((m, CONFETTI[int(rng.integers(len(CONFETTI)))]))
        shadow = np.maximum(shadow, m)
    o = max(0.5, side * 0.008)
    shadow = gaussian_filter(np.roll(np.roll(shadow, round(o), axis=0), round(o), axis=1), max(0.5, side * 0.006))
    out = out * (1 - 0.35 * shadow[..., None])
    for m, col in pieces:
        shade = rng.uniform(0.85, 1.0)
        out = _paint(out, m, np.asarray(col, np.float32) * shade)
    return _u8(out)


def _mould(f: np.ndarray, ground: float, rng) -> np.ndarray:
    """Mould grown on a print kept in a damp box: 1-2 colonies below 48 px, 2-4 above, each of radius 7-13% of the
    side, at least 2 px, centred 15-85% of the way across and down, its rim ragged by 25%, fuzzy (its density
    falling from the middle and broken into radial hyphae), with a denser growth ring at 55-70% of its radius, at
    65-85%: pale grey-green where the border is darker than 110, dark olive where it is lighter, and a yellow-brown
    stain round it out to 1.5 radii at 15-25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = int(rng.integers(1, 3)) if side < 48 else int(rng.integers(2, 5))
    pale = ground < 110
    colour = np.array((196, 206, 178) if pale else (62, 74, 48), np.float32)
    stain_col = np.array((170, 140, 70), np.float32)
    out = f.copy()
    for _ in range(n):
        R = max(2.0, side * rng.uniform(0.07, 0.13))
        cx, cy = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.15, 0.85)
        r = np.hypot(xx - cx, yy - cy)
        th = np.arctan2(yy - cy, xx - cx)
        k = np.arange(1, 7)[:, None, None]
        wob = (rng.normal(0, 1, (6, 1, 1)) / k * np.cos(k * th[None] + rng.uniform(0, 2 * np.pi, (6, 1, 1)))).sum(0)
        Rt = R * (1 + 0.25 * wob / (np.abs(wob).max() + 1e-6))
        q = r / Rt
        hyph = 0.6 + 0.4 * np.cos(th * rng.integers(14, 24) + 3 * _smooth_field((h, w), max(1.0, 0.3 * R), rng)) ** 2
        dens = np.clip(1 - q, 0, 1) ** 0.5 * hyph + 0.5 * np.exp(-((q - rng.uniform(0.55, 0.7)) / 0.08) ** 2)
        dens = np.clip(dens, 0, 1) * np.clip((1 - q) * 4 + 0.3, 0, 1)
        stain = np.clip(1.5 - q, 0, 0.5) * 2 * rng.uniform(0.15, 0.25)
        out = _paint(out, stain, stain_col)
        out = _paint(out, dens * rng.uniform(0.65, 0.85), colour)
    return _u8(out)


def _scratch_off(f: np.ndarray, rng) -> np.ndarray:
    """A scratch-card's silver panel printed over part of the picture, partly scratched off with a coin: a panel
    40-60% of the side wide and 22-34% high, at least 8 x 5 px, centred 30-70% of the way across and down, of
    silver ink (170-195 levels, a sheen across it of 20 levels and a fine grain), with 2-4 scratches, strokes 9-14%
    of the side wide, at least 2 px, zigzagging across 40-80% of its width with ragged edges, where the picture
    shows through again."""
    h, w = f.shape[:2]
    side = min(h, w)
    W, H = max(8.0, side * rng.uniform(0.4, 0.6)), max(5.0, side * rng.uniform(0.22, 0.34))
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    x0, y0 = cx - W / 2, cy - H / 2
    panel = _drawn((h, w), lambda d, k: d.rounded_rectangle((x0 * k, y0 * k, (x0 + W) * k, (y0 + H) * k),
                                                           radius=0.08 * H * k, fill=255))
    scr = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(2, 5))):
        lw = max(2.0, side * rng.uniform(0.09, 0.14))
        span = W * rng.uniform(0.4, 0.8)
        sx = x0 + rng.uniform(0, W - span)
        nz = int(rng.integers(2, 5))
        pts = [(sx + span * j / nz, y0 + H * (0.25 if j % 2 else 0.75) + rng.uniform(-0.15, 0.15) * H)
               for j in range(nz + 1)]
        scr = np.maximum(scr, _drawn((h, w), lambda d, k, pts=pts, lw=lw: d.line(_scaled(pts, k), fill=255,
                                                                               width=max(1, round(lw * k)),
                                                                               joint="curve")))
    ragged = np.clip(scr * (1 + 0.6 * rng.normal(0, 1, (h, w))), 0, 1)
    yy, xx = _pixels(h, w)
    silver = rng.uniform(170, 195) + 20 * np.sin((xx + yy) / max(2.0, 0.3 * W) + rng.uniform(0, 6.3))
    silver = silver + rng.normal(0, 4, (h, w))
    silver = silver[..., None] * np.array([1.0, 1.0, 1.03], np.float32)
    m = (panel * (1 - ragged))[..., None]
    return _u8(f * (1 - m) + silver * m)


GUILLOCHE_INKS = ((150, 215, 170), (235, 170, 195), (160, 190, 235), (225, 205, 150))
GUILLOCHE_DARK = ((30, 120, 70), (170, 40, 90), (40, 80, 160), (140, 100, 30))


def _guilloche(f: np.ndarray, ground: float, rng) -> np.ndarray:
    """A security print's guilloche over the picture, as on an identity card's photograph: in a band 30-45% of the
    side high across the whole width, centred 30-70% of the way down, two families of fine waves (each line the
    band's middle plus a sine of amplitude 35-45% of the band, period 30-50% of the side, its phase stepped line by
    line, 6-9 lines below 48 px, 10-16 above, the second family in the opposite phase), the lines 0.6% of the side
    wide, at least 0.5 px, in a pale green, pink, blue or buff at 50-70% where the border is darker than 110, a
    deeper one at 40-55% where it is lighter."""
    h, w = f.shape[:2]
    side = min(h, w)
    B = side * rng.uniform(0.3, 0.45)
    yc = h * rng.uniform(0.3, 0.7)
    A = B * rng.uniform(0.35, 0.45)
    P = side * rng.uniform(0.3, 0.5)
    n = int(rng.integers(6, 10)) if side < 48 else int(rng.integers(10, 17))
    lw = max(0.5, side * 0.006)
    x = np.linspace(-2, w + 2, max(64, 4 * w))
    ph0 = rng.uniform(0, 2 * np.pi)
    lines = []
    for fam in (1, -1):
        for j in range(n):
            ph = ph0 + fam * 2 * np.pi * j / n
            y = yc + A * np.sin(2 * np.pi * x / P + ph) * (0.7 + 0.3 * np.cos(2 * np.pi * x / (2.7 * P) + fam * ph))
            lines.append([(float(a), float(b)) for a, b in zip(x, y)])
    m = _drawn((h, w), lambda d, k: [d.line(_scaled(p, k), fill=255, width=max(1, round(lw * k))) for p in lines])
    j = int(rng.integers(len(GUILLOCHE_INKS)))
    if ground < 110:
        return _u8(_paint(f, m * rng.uniform(0.5, 0.7), GUILLOCHE_INKS[j]))
    return _u8(_paint(f, m * rng.uniform(0.4, 0.55), GUILLOCHE_DARK[j]))


PEAKING = ((255, 40, 40), (255, 235, 0), (40, 255, 70), (70, 150, 255))


def _focus_peaking(f: np.ndarray, rng) -> np.ndarray:
    """A frame grabbed from a camera's monitor output with focus peaking on: the picture's sharpest edges (where
    the grey picture's Sobel gradient is at or above its 84th-90th percentile and at least 20% of its largest)
    painted in the monitor's peaking colour, red, yellow, green or blue, at 85-100%."""
    from scipy.ndimage import sobel

    g = _grey(f)
    mag = np.hypot(sobel(g, 0), sobel(g, 1))
    thr = max(np.percentile(mag, rng.uniform(84, 90)), 0.2 * mag.max())
    m = np.clip((mag - thr) / (0.15 * thr + 1e-6), 0, 1) * (mag > 0)
    return _u8(_paint(f, m * rng.uniform(0.85, 1.0), PEAKING[int(rng.integers(len(PEAKING)))]))


def _silvering(f: np.ndarray, rng) -> np.ndarray:
    """An old silver-gelatin print's silvering, photographed: a bluish metallic sheen (165 / 176 / 196 levels)
    over its dark tones (the weight ``(1 - lightness) ** 1.2``), creeping in from every edge over 10-18% of the
    side, at least 2.5 px, ragged by a smooth field of 6% of the side, and in patches further in (where a smooth
    field of 10% of the side, at least 1.5 px, passes 2 standard deviations), at 45-70%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    e = max(2.5, side * rng.uniform(0.1, 0.18))
    border = np.minimum(np.minimum(xx, w - xx), np.minimum(yy, h - yy))
    rough = 0.45 * e * _smooth_field((h, w), max(1.0, side * 0.06), rng)
    s = np.clip((e + rough - border) / (0.6 * e), 0, 1)
    s = np.maximum(s, np.clip((_smooth_field((h, w), max(1.5, side * 0.1), rng) - 2.0) * 1.5, 0, 0.8))
    lum = _grey(f) / 255
    wgt = s * (1 - lum) ** 1.2 * rng.uniform(0.45, 0.7)
    return _u8(_paint(f, wgt, (165, 176, 196)))


def _tn_screen(f: np.ndarray, rng) -> np.ndarray:
    """A photograph of the picture on a laptop's TN panel tilted back (or forward) from the camera: its tone curve
    shifting with the viewing angle from top to bottom, the far edge's gamma 1.6-2.0 with whites at 72-84%, the
    near edge's gamma 0.4-0.55 with blacks lifted to 50-75 levels, cool at the far edge and warm at the near one
    by 6%."""
    h, w = f.shape[:2]
    yy, _ = _pixels(h, w)
    t = yy / h if rng.random() < 0.5 else 1 - yy / h
    g_far, g_near = rng.uniform(1.6, 2.0), rng.uniform(0.4, 0.55)
    gam = np.exp(np.log(g_far) * (1 - t) + np.log(g_near) * t)[..., None]
    black = (rng.uniform(50, 75) * t ** 1.5)[..., None]
    white = (255 * (rng.uniform(0.72, 0.84) * (1 - t) + t))[..., None]
    tint = 1 + 0.06 * (2 * t[..., None] - 1) * np.array([1, 0, -1], np.float32)
    return _u8((black + (white - black) * (f / 255) ** gam) * tint)


def near_edit_u(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "lipstick_kiss":  # a lipstick kiss on the print
        return _lipstick_kiss(f, rng)
    if kind == "confetti":  # party confetti lying on the print
        return _confetti(f, rng)
    if kind == "mould":  # mould grown on a damp print
        return _mould(f, _ground(a), rng)
    if kind == "scratch_off":  # a scratch card's silver panel, partly scratched off
        return _scratch_off(f, rng)
    if kind == "guilloche":  # a security print's guilloche over the picture
        return _guilloche(f, _ground(a), rng)
    if kind == "focus_peaking":  # a camera monitor's focus peaking
        return _focus_peaking(f, rng)
    if kind == "silvering":  # an old print's silvering
        return _silvering(f, rng)
    if kind == "tn_screen":  # on a TN laptop panel, seen at an angle
        return _tn_screen(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def blur_u(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "projected_slide":  # a slide projected out of focus onto a glass-bead screen, photographed
        out = _fft_blur(f, _disk_kernel(max(2.0, side * rng.uniform(0.055, 0.08))))
        r = np.hypot(xx - w / 2, yy - h / 2) / (0.5 * np.hypot(w, h))
        out = out * (1 - rng.uniform(0.1, 0.18) * r ** 2)[..., None]
        beads = 1 + 0.05 * rng.normal(0, 1, (h, w))
        glint = (rng.random((h, w)) < 0.01) * rng.uniform(0.15, 0.3)
        return _u8(rng.uniform(6, 12) + out * (beads + glint)[..., None])
    if kind == "digiscoped":  # a phone held to a spotting scope's eyepiece, out of focus
        out = _fft_blur(f, _disk_kernel(max(1.8, side * rng.uniform(0.05, 0.075))))
        R = side * rng.uniform(0.44, 0.52)
        cx, cy = w / 2 + side * rng.uniform(-0.04, 0.04), h / 2 + side * rng.uniform(-0.04, 0.04)
        r = np.hypot(xx - cx, yy - cy)
        field = np.clip((R - r) / max(1.0, side * 0.04) + 0.5, 0, 1) * (1 - 0.25 * np.clip(r / R, 0, 1) ** 3)
        return _u8(6 + (out - 6) * field[..., None])
    if kind == "scan_passes":  # a large print scanned in passes, each at its own focus, stitched
        n = int(rng.integers(3, 6))
        across = rng.random() < 0.5
        pos = (xx / w) if across else (yy / h)
        edges = np.sort(rng.uniform(0.15, 0.85, n - 1))
        edges = np.concatenate([[-1.0], edges, [2.0]])
        rmin = max(1.5, side * rng.uniform(0.045, 0.06))
        out = np.zeros_like(f)
        wsum = np.zeros((h, w, 1), np.float32)
        soft = 0.04
        for j in range(n):
            rad = rmin * rng.uniform(1.0, 2.0)
            b = _fft_blur(f, _disk_kernel(rad)) * rng.uniform(0.97, 1.03)
            wt = (np.clip((pos - edges[j]) / soft + 0.5, 0, 1) * np.clip((edges[j + 1] - pos) / soft + 0.5, 0, 1))
            out += b * wt[..., None]
            wsum += wt[..., None]
        return _u8(out / np.maximum(wsum, 1e-6))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def dark_u(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "star_trails":  # a long night exposure: the scene barely lit, the stars' trails across it
        out = f * rng.uniform(0.025, 0.05) * np.array([0.8, 0.9, 1.1], np.float32)
        px, py = w * rng.uniform(-0.2, 1.2), h * rng.uniform(-0.6, 0.2)
        sweep = np.deg2rad(rng.uniform(10, 22))
        n = int(rng.integers(5, 10)) if side < 48 else int(rng.integers(30, 61))
        lw = max(0.5, side * rng.uniform(0.005, 0.008))
        trails = np.zeros((h, w, 3), np.float32)
        for _ in range(n):
            sx, sy = w * rng.random(), h * rng.uniform(0, 0.75)
            rad = np.hypot(sx - px, sy - py)
            a0 = np.arctan2(sy - py, sx - px)
            t = np.linspace(a0, a0 + sweep, 24)
            pts = [(px + rad * np.cos(u), py + rad * np.sin(u)) for u in t]
            m = _drawn((h, w), lambda d, k, pts=pts: d.line(_scaled(pts, k), fill=255, width=max(1, round(lw * k))))
            col = np.array(((1, 1, 1), (0.8, 0.88, 1), (1, 0.9, 0.72))[int(rng.integers(3))], np.float32)
            trails = np.maximum(trails, m[..., None] * col * rng.uniform(50, 180))
        return _u8(255 - (255 - out) * (1 - trails / 255) + noise)
    if kind == "tintype":  # a tintype (ferrotype) photographed
        g = np.array([18, 14, 10], np.float32) * rng.uniform(0.8, 1.2)
        lum = _grey(f) / 255
        top = rng.uniform(42, 62)
        img = top * lum[..., None] ** rng.uniform(1.2, 1.5) * np.array([1.0, 0.95, 0.8], np.float32)
        r = np.hypot(xx - w / 2, yy - h / 2) / (0.5 * np.hypot(w, h))
        img = img * (1 - 0.3 * r ** 2)[..., None]
        grain = rng.normal(0, 1.5, (h, w))[..., None]
        return _u8(g + img + grain + 0.5 * noise)
    if kind == "dark_photocopy":  # a photocopy made at the copier's darkest setting
        lum = _grey(f) / 255
        top = rng.uniform(58, 80)
        base = rng.uniform(12, 20)
        out = base + (top - base) * lum ** rng.uniform(1.4, 1.8)
        n = 4 * max(h, w)
        streak = 3 * _smooth_field((1, n), max(0.6, side * 0.01), rng)[0]
        col = np.clip((xx if rng.random() < 0.5 else yy).astype(int) * 4, 0, n - 1)
        out = out + streak[col]
        toner = (rng.random((h, w)) < 0.02) * -rng.uniform(8, 20)
        out = out + toner + rng.normal(0, 1.5, (h, w))
        return _u8(np.repeat(out[..., None], 3, axis=2) * np.array([1.0, 1.0, 0.98], np.float32))
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _cassette(size: int, rng) -> dict:
    """An audio cassette: a rounded shell 78-90% of the side wide and 0.63 of that high, turned by up to 12
    degrees, a label over its upper part with 2 lines of made-up glyphs from 48 px, a window in it showing two
    reels (hubs with six teeth, the tape wound round one larger than the other), the head opening's trapezoid at
    the bottom with its holes, and five screws (0-1 coverage each)."""
    big = 4 * size
    W = big * rng.uniform(0.78, 0.9)
    H = 0.63 * W
    x0, y0 = (big - W) / 2, (big - H) / 2
    ang = rng.uniform(-12, 12)
    L = {k: Image.new("L", (big, big), 0) for k in ("shell", "label", "window", "tape", "hubs", "holes", "text")}
    ImageDraw.Draw(L["shell"]).rounded_rectangle((x0, y0, x0 + W, y0 + H), radius=0.05 * W, fill=255)
    ImageDraw.Draw(L["label"]).rounded_rectangle((x0 + 0.06 * W, y0 + 0.07 * H, x0 + 0.94 * W, y0 + 0.68 * H),
                                                 radius=0.02 * W, fill=255)
    wx0, wx1, wy0, wy1 = x0 + 0.3 * W, x0 + 0.7 * W, y0 + 0.3 * H, y0 + 0.55 * H
    ImageDraw.Draw(L["window"]).rounded_rectangle((wx0, wy0, wx1, wy1), radius=0.03 * W, fill=255)
    hy, hr = (wy0 + wy1) / 2, 0.055 * W
    left = rng.random() < 0.5
    for j, hx in enumerate((x0 + 0.33 * W, x0 + 0.67 * W)):
        tr = hr * (rng.uniform(2.4, 3.2) if (j == 0) == left else rng.uniform(1.3, 1.7))
        ImageDraw.Draw(L["tape"]).ellipse((hx - tr, hy - tr, hx + tr, hy + tr), fill=255)
        ImageDraw.Draw(L["hubs"]).ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=255)
        for t in range(6):
            a = t * np.pi / 3 + rng.uniform(0, 1)
            ImageDraw.Draw(L["holes"]).polygon(
                _turn([(hx + 0.45 * hr, hy - 0.18 * hr), (hx + 1.0 * hr, hy - 0.18 * hr), (hx + 1.0 * hr, hy + 0.18 * hr),
                       (hx + 0.45 * hr, hy + 0.18 * hr)], hx, hy, a), fill=255)
    ImageDraw.Draw(L["window"]).polygon([(x0 + 0.22 * W, y0 + H), (x0 + 0.28 * W, y0 + 0.8 * H),
                                         (x0 + 0.72 * W, y0 + 0.8 * H), (x0 + 0.78 * W, y0 + H)], fill=255)
    d = ImageDraw.Draw(L["holes"])
    for hx in (0.36, 0.5, 0.64):
        r = 0.025 * W
        d.ellipse((x0 + hx * W - r, y0 + 0.9 * H - r, x0 + hx * W + r, y0 + 0.9 * H + r), fill=255)
    for sx, sy in ((0.04, 0.06), (0.96, 0.06), (0.04, 0.94), (0.96, 0.94), (0.5, 0.75)):
        r = 0.018 * W
        d.ellipse((x0 + sx * W - r, y0 + sy * H - r, x0 + sx * W + r, y0 + sy * H + r), fill=255)
    if size >= 48:
        sub = np.random.default_rng(int(rng.integers(2 ** 31)))
        gh = 0.07 * H
        for top in (y0 + 0.1 * H, y0 + 0.19 * H):
            _glyph_line(ImageDraw.Draw(L["text"]), 1, x0 + 0.1 * W, x0 + 0.9 * W, top, gh, max(1.0, 0.012 * H), sub)
    return {k: _down(v, size, ang) for k, v in L.items()}


def _pizza(size: int, rng) -> dict:
    """A pizza on a square wooden board seen from above: the board 86-96% of the side, the pizza of radius 36-44%
    of the side, its crust a ring of 11-15% of the radius, cut into 6 or 8 slices, half the time one or two of them
    taken, 7-12 pepperoni slices of 11-15% of the radius and 4-8 basil leaves below 48 px fewer (4-6 and 0-3), the
    whole turned at random (0-1 coverage each)."""
    big = 4 * size
    B = big * rng.uniform(0.86, 0.96)
    cx = cy = big / 2
    R = big * rng.uniform(0.36, 0.44)
    L = {k: Image.new("L", (big, big), 0) for k in ("board", "crust", "cheese", "cuts", "pepperoni", "basil")}
    ImageDraw.Draw(L["board"]).rounded_rectangle((cx - B / 2, cy - B / 2, cx + B / 2, cy + B / 2), radius=0.05 * B,
                                                 fill=255)
    ns = 6 if rng.random() < 0.5 else 8
    a0 = rng.uniform(0, 360)
    gone = set(int(v) for v in rng.choice(ns, int(rng.integers(1, 3)), replace=False)) if rng.random() < 0.5 else set()
    cr = R * rng.uniform(0.11, 0.15)
    for j in range(ns):
        if j in gone:
            continue
        s0, s1 = a0 + 360 * j / ns, a0 + 360 * (j + 1) / ns
        ImageDraw.Draw(L["crust"]).pieslice((cx - R, cy - R, cx + R, cy + R), s0, s1, fill=255)
        ImageDraw.Draw(L["cheese"]).pieslice((cx - R + cr, cy - R + cr, cx + R - cr, cy + R - cr), s0, s1, fill=255)
    lw = max(2, round(big * 0.008))
    for j in range(ns):
        t = np.deg2rad(a0 + 360 * j / ns)
        ImageDraw.Draw(L["cuts"]).line((cx, cy, cx + R * np.cos(t), cy + R * np.sin(t)), fill=255, width=lw)
    np_, nb = (int(rng.integers(4, 7)), int(rng.integers(0, 4))) if size < 48 else (int(rng.integers(7, 13)),
                                                                                    int(rng.integers(4, 9)))
    for _ in range(np_):
        r, t = (R - cr) * 0.8 * np.sqrt(rng.random()), rng.uniform(0, 2 * np.pi)
        pr = R * rng.uniform(0.11, 0.15)
        x, y = cx + r * np.cos(t), cy + r * np.sin(t)
        ImageDraw.Draw(L["pepperoni"]).ellipse((x - pr, y - pr, x + pr, y + pr), fill=255)
    for _ in range(nb):
        r, t = (R - cr) * 0.85 * np.sqrt(rng.random()), rng.uniform(0, 2 * np.pi)
        x, y = cx + r * np.cos(t), cy + r * np.sin(t)
        ImageDraw.Draw(L["basil"]).polygon(_ellipse(x, y, R * 0.12, R * 0.06, rng.uniform(0, np.pi)), fill=255)
    inside = Image.new("L", (big, big), 0)
    for k in ("crust", "cheese"):
        inside.paste(255, mask=L[k])
    from PIL import ImageChops

    for k in ("cuts", "pepperoni", "basil"):
        L[k] = ImageChops.multiply(L[k], inside)
    ang = rng.uniform(-45, 45)
    return {k: _down(v, size, ang) for k, v in L.items()}


def _umbrella(size: int, rng) -> dict:
    """An open umbrella seen from the side against the sky: a canopy of radius 34-42% of the side, 55-70% as high,
    its lower edge scalloped between 5-8 rib tips, its gores in alternating colours, the ribs, a shaft from the
    ferrule down to 86-92% of the side ending in a hooked handle, turned by up to 20 degrees; from 48 px half the
    time rain falling (0-1 coverage each)."""
    big = 4 * size
    R = big * rng.uniform(0.34, 0.42)
    Hc = R * rng.uniform(0.55, 0.7)
    cx, cy = big / 2, big * rng.uniform(0.42, 0.5)  # the canopy's rim line
    nr = int(rng.integers(5, 9))
    tips = [(cx - R + 2 * R * j / nr, cy) for j in range(nr + 1)]
    L = {k: Image.new("L", (big, big), 0) for k in ("gore0", "gore1", "ribs", "shaft", "handle", "rain")}
    top = (cx, cy - Hc)
    for j in range(nr):
        (xa, ya), (xb, _) = tips[j], tips[j + 1]
        # the gore: from the top along the dome to the two tips, the lower edge scalloped up
        ua, ub = (xa - cx) / R, (xb - cx) / R
        us = np.linspace(ua, ub, 12)
        dome = [(cx + u * R, cy - Hc * np.sqrt(max(0.0, 1 - u * u))) for u in us]
        scallop = [(x, cy - 0.12 * Hc * np.sin(np.pi * (x - xa) / (xb - xa))) for x in np.linspace(xb, xa, 10)]
        ImageDraw.Draw(L[f"gore{j % 2}"]).polygon(dome + scallop, fill=255)
        ImageDraw.Draw(L["ribs"]).line([top, (xa, ya)], fill=255, width=max(1, round(big * 0.006)))
    ImageDraw.Draw(L["ribs"]).line([top, tips[-1]], fill=255, width=max(1, round(big * 0.006)))
    sw = max(2, round(big * 0.018))
    ImageDraw.Draw(L["shaft"]).line([(cx, cy - Hc - big * 0.05), (cx, big * rng.uniform(0.78, 0.84))], fill=255,
                                    width=sw)
    hy = big * rng.uniform(0.78, 0.84)
    hr = big * 0.07
    ImageDraw.Draw(L["handle"]).arc((cx - 2 * hr, hy - hr, cx, hy + hr), 0, 180, fill=255, width=round(sw * 1.6))
    if size >= 48 and rng.random() < 0.5:
        d = ImageDraw.Draw(L["rain"])
        for _ in range(int(rng.integers(40, 90))):
            x, y = big * rng.uniform(-0.1, 1.1), big * rng.uniform(0, 1)
            d.line((x, y, x - big * 0.015, y + big * 0.06), fill=255, width=max(1, round(big * 0.003)))
    ang = rng.uniform(-20, 20)
    return {k: _down(v, size, ang) for k, v in L.items()}


CASSETTE_SHELLS = ((30, 30, 34), (235, 235, 230), (190, 40, 40), (120, 126, 134))
CASSETTE_LABELS = ((245, 240, 225), (250, 150, 40), (110, 170, 220), (240, 215, 90))
UMBRELLA_GORES = (((200, 30, 40), (245, 240, 235)), ((30, 60, 150), (240, 210, 40)), ((25, 25, 28), (25, 25, 28)),
                  ((40, 140, 70), (240, 240, 240)), ((230, 110, 30), (120, 40, 150)))


def outlier_u(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "cassette":
        m = _cassette(size, rng)
        if photos:  # a black, white, red or grey shell on a table, a coloured label, a dark window, brown tape
            table = ((150, 110, 75), (200, 200, 196), (70, 72, 78))[int(rng.integers(3))]
            out = _paint(ground(table), m["shell"], CASSETTE_SHELLS[int(rng.integers(len(CASSETTE_SHELLS)))])
            out = _paint(out, m["label"], CASSETTE_LABELS[int(rng.integers(len(CASSETTE_LABELS)))])
            out = _paint(_paint(out, m["text"], (40, 40, 60)), m["window"], (45, 45, 50))
            out = _paint(_paint(out, m["tape"], (90, 55, 35)), m["hubs"], (240, 240, 240))
            return _u8(_paint(out, m["holes"], (20, 20, 22)))
        out = _paint(ground([lo] * 3), m["shell"], tone(0.45))
        out = _paint(_paint(out, m["label"], tone(0.9)), m["text"], tone(0.3))
        out = _paint(_paint(out, m["window"], tone(0.1)), m["tape"], tone(0.6))
        return _u8(_paint(_paint(out, m["hubs"], tone(1.0)), m["holes"], tone(0.0)))
    if kind == "pizza":
        m = _pizza(size, rng)
        if photos:  # a wooden board on a tiled or dark table, a golden crust, melted cheese, pepperoni, basil
            table = ((60, 62, 66), (220, 220, 215), (120, 60, 45))[int(rng.integers(3))]
            out = _paint(ground(table), m["board"], (186, 136, 86))
            out = _paint(_paint(out, m["crust"], (214, 158, 88)), m["cheese"], (242, 204, 112))
            out = _paint(_paint(out, m["pepperoni"], (168, 42, 36)), m["basil"], (52, 118, 42))
            return _u8(_paint(out, m["cuts"], (150, 100, 50)))
        out = _paint(ground([lo] * 3), m["board"], tone(0.3))
        out = _paint(_paint(out, m["crust"], tone(0.85)), m["cheese"], tone(0.6))
        out = _paint(_paint(out, m["pepperoni"], tone(1.0)), m["basil"], tone(0.15))
        return _u8(_paint(out, m["cuts"], tone(0.25)))
    if kind == "umbrella":
        m = _umbrella(size, rng)
        if photos:  # a grey or blue sky, gores in two colours, dark ribs, a black or metal shaft, a brown handle
            sky = ((150, 160, 172), (120, 170, 225), (200, 205, 210))[int(rng.integers(3))]
            g0, g1 = UMBRELLA_GORES[int(rng.integers(len(UMBRELLA_GORES)))]
            out = _paint(ground(sky), m["rain"], (235, 240, 245))
            out = _paint(_paint(out, m["gore0"], g0), m["gore1"], g1)
            out = _paint(_paint(out, m["ribs"], (40, 40, 44)), m["shaft"], (50, 50, 55))
            return _u8(_paint(out, m["handle"], (110, 70, 40)))
        out = _paint(ground([lo] * 3), m["rain"], tone(0.35))
        out = _paint(_paint(out, m["gore0"], tone(1.0)), m["gore1"], tone(0.65))
        out = _paint(_paint(out, m["ribs"], tone(0.2)), m["shaft"], tone(0.8))
        return _u8(_paint(out, m["handle"], tone(0.8)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def shifted_rows_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a block of the labels file shifted by one row against the
    file names (a row lost or doubled in a join), so that from a random row on each eligible example, in the order
    the files were added to the set (a random one), has the label of the next one (or, half the time, of the one
    before), until ``count`` labels have changed; the rows whose neighbour had the same class keep their label and
    are not flips."""
    order = [int(candidates[j]) for j in rng.permutation(len(candidates))]
    n = len(order)
    step = 1 if rng.random() < 0.5 else -1
    start = int(rng.integers(n))
    out: dict[int, object] = {}
    for j in range(n):
        if len(out) >= count:
            break
        i, nb = order[(start + j) % n], order[(start + j + step) % n]
        if labels[nb] != labels[i]:
            out[i] = labels[nb]
    return out


# -- planting ------------------------------------------------------------------------------
def plant_issues_u(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator U's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 71-90 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_U, seed=210_000 + random_state,
        quality_seed=215_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=shifted_rows_flips,
        **by_family(name, outlier=(outlier_u, OUTLIERS_U), blur=(blur_u, BLURS_U), dark=(dark_u, DARKS_U),
                    near=(near_edit_u, NEAR_EDITS_U)))
