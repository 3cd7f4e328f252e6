"""Generator Z: fresh EVALUATION sets after generator Y (never used to choose anything).

Why a twenty-fourth evaluation generator: generator Y's sets are to be run, and whatever they show may inform the
next changes, so they will not stay untouched; Z is a held-out measurement of the code after them, of families of its
own (Z's writer saw no result of Y). Generator Z was written before any tool was run on it (only its pictures were
looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 146 and 204 px, to check that
every edit is visible, every blur blurred, every darkened image dark and every outlier foreign); it is not to be
changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families
that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring;
``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Left out because an earlier generator made them or left them out: a
fried egg or a cookie (N's push pin, U's pizzas), a slice of toast beside the croissant (one bakery item is enough),
a padlock (V's door key), a toothbrush (O's pencil, as X's paintbrush), a tennis ball (round objects: N's push pin);
of the whole picture a chlorophyll print on a leaf (J's duotone), the picture melting down the print (X's run inkjet
dyes), a Droste copy of itself (O's navigator), a picture on a Christmas bauble (F's barrel, Y's cube-map and tiny
planet), a pleated curtain (Y's fan); among blurs a diving-mask's or a dome port's refraction (K's deep water),
a hydrographic film smeared by the rinse (Q's ink bleed), a contact print lifted off its negative (S's focal spot);
among darkenings a tea-soaked print (P's tarnish), an unfixed print left in the light (X's fogged paper), an
auto-dimming rear-view mirror (J's smoked glass, V's Claude glass), a slide sandwich (L's variable ND); among foreign
pictures a tower crane (S's bridge towers, X's pylons), a teapot or a watering can (a bag on the clothing sets), a
tiered fountain or a pagoda (a dress), a ship's wheel (O's bicycle wheels); among label noise a perceptual-hash
re-matching after an export (H's nearest look-alike), a sorting into piles by their top card (L's exemplars) and a
binary tree of questions (P's coarse-to-fine pairs).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole: a rubber duck lying on the
  print, seen from above (its body an egg shape 30-42% of the side long, at least 9 px, 62-70% of that wide, its
  head a disc of 26-30% of the length over the body's front, an orange beak beyond it, two dark eyes at the head's
  sides, a wing on each side a darker yellow, a sheen; yellow, orange-yellow or pale yellow; at any angle, 30-70% of
  the way across and down, a soft shadow at 40%), a carrot lying on the print (42-56% of the side long, at least
  10 px, 15-20% of that wide at its shoulder, tapering to a point along a slight curve, orange, 5-8 darker growth
  rings across it, a paler core line, and 3-5 green leaf stalks 24-34% of its length fanning from the top with
  leaflets; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a croissant lying on the print
  (38-50% of the side across, at least 9 px, a crescent of 5-7 rolled segments along an arc bowed by 30-40% of its
  width, 28-34% of it thick in the middle and thin at the tips, golden brown with a darker groove between the
  segments, darker tips and a glaze sheen along its back; at any angle, 30-70% of the way across and down, a soft
  shadow at 40%), a light bulb lying on the print (36-48% of the side long, at least 9 px: a frosted white or warm
  glass globe of radius 28-32% of the length, its neck narrowing to a screw base 30-34% of the length wide and 22%
  long, silver or brass with 3-4 darker threads and a black insulator and contact at its end, a sheen on the glass;
  at any angle, 30-70% of the way across and down, a soft shadow at 35%) and a toy car lying on the print, seen from
  above (34-46% of the side long, at least 10 px, 46-52% of that wide, its body a rounded rectangle in red, blue,
  yellow, green or white, a dark windscreen, side and rear windows round a roof 4-8% lighter than the body, four
  black wheels standing out 6-9% of its width at the sides, two pale headlights; at any angle, 30-70% of the way
  across and down, a soft shadow at 45%); of the whole picture: a glass ball (lensball) set on the print and
  photographed close up (the ball of radius 36-44% of the side, its middle 44-56% of the way across and down, the
  picture seen through it turned upside down and compressed towards its rim, a source radius of ``0.5 side (u +
  0.8 u ** 3) / 1.8`` at a fraction ``u`` of the ball's radius, its rim darkened by up to 35% over the outer 15%, a
  soft highlight at 55-70% on its upper left; round it the print defocused by a Gaussian of sigma 2.5-4% of the
  side, at least 0.8 px), the picture printed on a water-transfer (hydrographic) film floated on water and dragged by
  a comb before it was picked up on card (5-9 tines across the float, perpendicular to the comb's travel, up, down
  or across the picture, each point moved along the travel by ``A exp(-d / lambda)``, ``d`` its distance to the nearest tine, ``A``
  8-12% of the side, at least 2 px, ``lambda`` 3-6% of the side, at least 0.8 px, the film 3-6% paler where it was
  stretched most) and the picture printed across the risers of a flight of stairs and photographed from a step or
  two below (4 steps below 48 px, 6-9 above, each riser showing its band of the picture squeezed to 80-86% of
  its height, the tread above it seen edge-on filling the rest, in pale stone, grey concrete or wood, its lip
  12-18% of a step, at least 0.8 px, lit 10-16% more, a shadow of 20-30% on the top 15% of each riser; the flight
  narrowing upwards by 6-12% of the side at the top, the walls at the sides in the tread's colour 25% darker);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the print photographed through the photographer's own spectacles held in front of the phone, a
  short-sighted person's minus lens (a uniform disk of radius 5-7.5% of the side, at least 1.7 px, the picture
  shrunk by 3-7% about the middle, the ground beyond the print in its border's tone, the lens's anti-reflection
  coating reflecting a window as a soft green or violet rectangle 25-45% of the side wide at 5-9%), the picture
  printed by an inkjet whose head was raised for thick card (each drop's flight scattered: a Gaussian of sigma 3-4.5%
  of the side, at least 0.9 px, across and 1.3-1.6 times that along the head's travel, horizontal or vertical, with
  the spray's speckle, sigma 2 levels times the blurred picture's local spread over 40 levels, at most 4 levels) and
  the print warmed under a lamp and imaged by a thermal camera in black-hot (the ink absorbing in proportion to its
  darkness, the heat spreading in the paper by a Gaussian of sigma 3.5-5% of the side, at least 1 px, the picture's
  grey (0.3 red, 0.59 green, 0.11 blue) at the camera's resolution, 50-70% of the picture's, box-averaged and enlarged
  bilinearly, the sensor's noise of sigma 1.5-2.5 levels and column noise of 0.8 level); each as a camera metering
  on the highlights exposes it (as Y's);
* ``dark`` (2%): the picture printed with inks and no white on dark card (the card black, navy or dark kraft brown,
  34-72 levels bright at most, the inks taking away in proportion to the picture's darkness, ``card v ** 1.1``, a
  gloss of 3-7 levels where the ink lies thickest and a card texture of sigma 1.5 levels), the picture on a laptop
  screen behind a privacy (microlouvre) filter photographed 34-40 degrees from one side (the filter passing
  ``t0 max(0.02, 1 - tan(theta) / tan(theta_c))`` of the light, ``t0`` 0.6-0.7 head-on, ``theta_c`` 40-44 degrees,
  the viewing angle growing by 8-12 degrees across the screen from the near side to the far one, the screen's
  off-axis glow lifting the blacks by 2-5 levels, noise sigma 1.2 levels) and a landscape shot with a graduated ND
  filter slipped down in its holder (its dark part, passing 7-14% of the light, 3-4 stops, tinted as cheap resin
  is, 0.98 green and 0.9-1.0 blue of red, over the frame down to a soft edge 12-20% of the side wide whose middle
  is 86-100% of the way down);
  none of them blurs the picture;
* ``outlier`` (1.5%): pairs of scales (a base 34-44% of the side wide on the floor 88-92% of the way down, a pillar
  up to 18-24% down, a beam 62-80% of the side across, tipped by 3-10 degrees either way, a pointer down from its
  pivot, three chains from each end to a shallow pan 22-30% of the side wide hanging 34-44% of the side below it),
  playground swing sets seen from the front (the ground 86-92% of the way down, a top bar 70-84% of the side across
  at 14-22% down on two A-frames splayed to 22-30% of the side at their feet, 2 or 3 swings, each two chains to a
  seat 62-72% of the way down, each swing at rest or swung by up to 20 degrees) and five-branched candelabra (a foot
  on a base 86-90% of the way down, a stem up to 46-54% down, two pairs of U arms rising to candle cups in a row
  30-38% down, five candles 14-20% of the side tall with wicks and flames, a glow round each flame); the digit and
  clothing sets get them in their own tones on their dark ground, the photographs as brass or silver scales on dark
  wood, green baize or grey, red, blue, green or yellow swing frames under a day or dusk sky over grass or sand, and
  brass or silver candelabra with ivory candles before a dark wall, a red curtain or wood panelling;
* ``label`` (5%): *select-all grid slips*: part of the set was labelled by "select every picture of a <class>"
  tasks on pages of 4 x 4 thumbnails of the eligible pictures (shuffled into pages, over and over), each page's class
  that of a random picture on it; the labeller clicks each picture of that class, and one click in four slips onto
  a neighbouring thumbnail (left, right, above or below, at random among those on the page), which gets the page's
  class (the one aimed at is left to other tasks and keeps its label); pages are worked through until the flips
  needed are made: noise on pictures of any class, each given a class that was on its page, not chosen by look (not
  V's hunted look-alikes, not O's keys next to the intended one). Every flip changes the label, so every one is in
  the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
Z's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
211), MNIST (2,000, seed 212), and the evaluation photographs tiled at 146 px (35 tiles a photograph at most, seed
213) and at 204 px (every tile, seed 214), sizes no other set uses. ``photos146_z_jpeg`` is written as JPEG files,
each at a quality drawn from 73-92 (a stream of its own, seed ``265_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact
copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``260_000 + random_state``. The
planting is I's (:func:`_heldout_i.plant_generator`, as for J to Y).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _fft_blur, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_o import _ground
from _heldout_p import _ellipse
from _heldout_q import _down
from _heldout_s import _disk_kernel, _pixels, _resample
from _heldout_v import _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_Z = ("fashion_test_z", "mnist_z", "photos146_z_jpeg", "photos204_z")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_Z = {
    "fashion_test_z": ("fashion_test", 211),
    "mnist_z": ("mnist", 212),
    "photos146_z_jpeg": ("photos", 213, 146, 12, 35),
    "photos204_z": ("photos", 214, 204, 8, 1000),
}
JPEG_QUALITY = (73, 93)  # the JPEG set's qualities: integers in [low, high)
RATES_Z = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_Z = ("rubber_duck", "carrot", "croissant", "light_bulb", "toy_car", "lensball", "combed_float",
                "stair_risers")
BLURS_Z = ("through_spectacles", "raised_printhead", "thermal_camera")
DARKS_Z = ("dark_card_print", "privacy_filter", "slipped_grad_nd")
OUTLIERS_Z = ("balance_scale", "swing_set", "candelabrum")
PAGE = 4  # select-all pages of PAGE x PAGE thumbnails (label noise)
SLIP = 0.25  # the share of clicks that land on a neighbouring thumbnail


def load_base_z(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_Z, "Z")


def _frame_at(h: int, w: int, rng) -> _Frame:
    return _Frame((h, w), w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi))


# -- near copies -----------------------------------------------------------------------------
DUCKS = ((250, 212, 40), (248, 184, 28), (250, 230, 120))


def _rubber_duck(f: np.ndarray, rng) -> np.ndarray:
    """A rubber duck lying on the print, seen from above: its body an egg shape 30-42% of the side long, at least
    9 px, 62-70% of that wide, pointed a little at the tail, its head a disc of radius 26-30% of the length over the
    body's front, an orange beak beyond the head, two dark eyes at the head's sides, a wing on each side of the
    body a darker yellow, a sheen on the back; yellow, orange-yellow or pale yellow; at any angle, its middle 30-70%
    of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.3, 0.42))
    W = L * rng.uniform(0.62, 0.7)
    col = np.asarray(DUCKS[int(rng.integers(len(DUCKS)))], np.float32)
    fr = _frame_at(h, w, rng)
    t = np.linspace(0, 2 * np.pi, 32, endpoint=False)
    body = [(-0.1 * L + L / 2 * np.cos(u) * (1 + 0.12 * np.cos(u) * (np.cos(u) < 0)), W / 2 * np.sin(u)) for u in t]
    rh = L * rng.uniform(0.26, 0.3)
    hx = 0.28 * L
    head = _ellipse(hx, 0.0, rh, rh, 0.0, 24)
    beak = _ellipse(hx + rh * 0.95, 0.0, 0.32 * rh, 0.42 * rh, 0.0, 14)
    eyes = [_ellipse(hx + 0.25 * rh, s * 0.62 * rh, max(0.35, 0.14 * rh), max(0.35, 0.14 * rh), 0.0, 8)
            for s in (-1, 1)]
    wings = [_ellipse(-0.18 * L, s * 0.26 * W, 0.3 * L, 0.14 * W, s * 0.15, 16) for s in (-1, 1)]
    parts = [(fr.fill([body]), col, 1.0, True),
             (fr.fill(wings), col * 0.82, 0.9, False),
             (fr.fill([beak]), (236, 110, 24), 1.0, True),
             (fr.fill([head]), col, 1.0, True),
             (fr.fill(eyes), (24, 24, 28), 1.0, False),
             (fr.fill([_ellipse(-0.05 * L, -0.08 * W, 0.22 * L, 0.08 * W, 0.0, 12),
                       _ellipse(hx - 0.2 * rh, -0.3 * rh, 0.3 * rh, 0.16 * rh, 0.4, 10)]),
              col + 0.6 * (255 - col), 0.6, False)]
    return _u8(_laid(f, parts, 0.4))


def _carrot(f: np.ndarray, rng) -> np.ndarray:
    """A carrot lying on the print: 42-56% of the side long, at least 10 px, 15-20% of that wide at its shoulder,
    tapering to a point along a slight curve, orange, 5-8 darker growth rings across it and a paler core line
    along it, 3-5 green leaf stalks 24-34% of its length fanning from the top, each with 2-3 pairs of leaflets;
    at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.42, 0.56))
    W = L * rng.uniform(0.15, 0.2)
    col = np.asarray((236, 118, 30), np.float32) * rng.uniform(0.9, 1.05)
    fr = _frame_at(h, w, rng)
    bend = L * rng.uniform(-0.06, 0.06)
    u = np.linspace(0, 1, 24)  # 0 at the shoulder, 1 at the tip
    xs = -L / 2 + u * L
    ys = bend * u ** 2
    half = W / 2 * np.sqrt(np.clip(u / 0.06, 0, 1)) * (1 - u) ** 0.8
    half = np.maximum(half, W * 0.02)
    body = [(x, y - s) for x, y, s in zip(xs, ys, half)] + [(x, y + s) for x, y, s in zip(xs[::-1], ys[::-1],
                                                                                         half[::-1])]
    n = int(rng.integers(5, 9))
    rings = []
    for k in rng.uniform(0.1, 0.85, n):
        i = int(k * 23)
        rings.append([(xs[i], ys[i] - 0.8 * half[i]), (xs[i] + 0.02 * L, ys[i] + 0.8 * half[i])])
    core = [(x, y) for x, y in zip(xs[2:-4], ys[2:-4])]
    lw = max(0.5, 0.08 * W)
    stalks, leaves = [], []
    for j in range(int(rng.integers(3, 6))):
        a = np.pi + rng.uniform(-0.5, 0.5)
        ln = L * rng.uniform(0.24, 0.34)
        stalks.append([(-L / 2, 0.0), (-L / 2 + ln * np.cos(a), ln * np.sin(a))])
        for q in np.linspace(0.45, 0.95, int(rng.integers(2, 4))):
            px, py = -L / 2 + q * ln * np.cos(a), q * ln * np.sin(a)
            for s in (-1, 1):
                leaves.append(_ellipse(px + 0.06 * ln * np.cos(a + s), py + 0.06 * ln * np.sin(a + s),
                                       max(0.4, 0.09 * ln), max(0.3, 0.04 * ln), a + s * 0.9, 8))
    parts = [(fr.fill([body]), col, 1.0, True),
             (fr.line(rings, lw), col * 0.7, 0.7, False),
             (fr.line([core], lw), col + 0.35 * (255 - col), 0.45, False),
             (fr.line(stalks, max(0.5, 0.1 * W)), (60, 130, 40), 1.0, True),
             (fr.fill(leaves), (70, 150, 50), 1.0, True)]
    return _u8(_laid(f, parts, 0.4))


def _croissant(f: np.ndarray, rng) -> np.ndarray:
    """A croissant lying on the print: 38-50% of the side across, at least 9 px, a crescent of 5-7 rolled
    segments along an arc bowed by 30-40% of its width, 28-34% of it thick in the middle and thin at the tips,
    golden brown with a darker groove between the segments, darker tips and a glaze sheen along its back; at any
    angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.38, 0.5))
    bow = L * rng.uniform(0.3, 0.4)
    T = L * rng.uniform(0.28, 0.34)
    col = np.asarray((208, 144, 64), np.float32) * rng.uniform(0.92, 1.05)
    fr = _frame_at(h, w, rng)
    t = np.linspace(-1, 1, 31)
    cx, cy = t * L / 2, bow * (1 - t ** 2) - bow / 2
    half = T / 2 * np.clip(1 - np.abs(t) ** 1.6, 0.1, 1)
    nx, ny = np.gradient(cy), -np.gradient(cx)
    nn = np.hypot(nx, ny)
    nx, ny = nx / nn, ny / nn
    body = ([(x + s * a, y + s * b) for x, y, s, a, b in zip(cx, cy, half, nx, ny)]
            + [(x - s * a, y - s * b) for x, y, s, a, b in zip(cx[::-1], cy[::-1], half[::-1], nx[::-1], ny[::-1])])
    n = int(rng.integers(5, 8))
    grooves = []
    for k in range(1, n):
        i = int(round(k / n * 30))
        grooves.append([(cx[i] + 0.9 * half[i] * nx[i] + 0.04 * L, cy[i] + 0.9 * half[i] * ny[i]),
                        (cx[i] - 0.9 * half[i] * nx[i] - 0.04 * L, cy[i] - 0.9 * half[i] * ny[i])])
    tips = [_ellipse(cx[i], cy[i], max(0.5, 0.07 * L), max(0.4, 0.9 * half[i] + 0.3), 0.0, 10) for i in (1, 29)]
    sheen = [(x + 0.4 * s * a, y + 0.4 * s * b) for x, y, s, a, b in zip(cx[6:-6], cy[6:-6], half[6:-6], nx[6:-6],
                                                                       ny[6:-6])]
    parts = [(fr.fill([body]), col, 1.0, True),
             (fr.fill(tips), col * 0.72, 0.9, False),
             (fr.line(grooves, max(0.5, 0.06 * L)), col * 0.62, 0.75, False),
             (fr.line([sheen], max(0.5, 0.05 * L)), col + 0.45 * (255 - col), 0.5, False)]
    return _u8(_laid(f, parts, 0.4))


BULB_GLASS = ((238, 238, 232), (246, 232, 200))
BULB_BASES = ((184, 186, 192), (196, 160, 80))


def _light_bulb(f: np.ndarray, rng) -> np.ndarray:
    """A light bulb lying on the print: 36-48% of the side long, at least 9 px: a frosted white or warm glass
    globe of radius 28-32% of the length, its neck narrowing to a screw base 30-34% of the length wide and 22% of
    it long, silver or brass, with 3-4 darker threads across it and a black insulator and a contact at its end, a
    sheen on the glass; at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.36, 0.48))
    R = L * rng.uniform(0.28, 0.32)
    bw = L * rng.uniform(0.3, 0.34) / 2
    glass = np.asarray(BULB_GLASS[int(rng.integers(2))], np.float32)
    metal = np.asarray(BULB_BASES[int(rng.integers(2))], np.float32)
    fr = _frame_at(h, w, rng)
    gx = L / 2 - R  # the globe's middle; the base towards -x
    x_neck, x_base = gx - 0.95 * R - 0.12 * L, -L / 2 + 0.22 * L
    globe = _ellipse(gx, 0.0, R, R, 0.0, 32)
    neck = [(gx - 0.5 * R, -0.86 * R), (x_neck, -bw), (x_neck, bw), (gx - 0.5 * R, 0.86 * R)]
    base = [(x_base, -bw), (x_neck + 0.01 * L, -bw), (x_neck + 0.01 * L, bw), (x_base, bw)]
    threads = [[(x, -bw), (x + 0.03 * L, bw)] for x in np.linspace(x_base + 0.03 * L, x_neck - 0.02 * L,
                                                                      int(rng.integers(3, 5)))]
    cap = [(-L / 2, -0.55 * bw), (x_base, -0.8 * bw), (x_base, 0.8 * bw), (-L / 2, 0.55 * bw)]
    parts = [(fr.fill([globe, neck]), glass, 0.95, True),
             (fr.fill([base]), metal, 1.0, True),
             (fr.line(threads, max(0.4, 0.03 * L)), metal * 0.6, 0.8, False),
             (fr.fill([cap]), (30, 30, 32), 1.0, True),
             (fr.fill([_ellipse(-L / 2 + 0.01 * L, 0.0, max(0.4, 0.03 * L), max(0.4, 0.25 * bw), 0.0, 8)]),
              (170, 150, 90), 1.0, False),
             (fr.fill([_ellipse(gx + 0.25 * R, -0.35 * R, 0.35 * R, 0.16 * R, -0.6, 12)]), (255, 255, 255), 0.7,
              False)]
    return _u8(_laid(f, parts, 0.35))


CARS = ((200, 30, 36), (36, 80, 190), (240, 200, 30), (40, 150, 70), (238, 238, 236))


def _toy_car(f: np.ndarray, rng) -> np.ndarray:
    """A toy car lying on the print, seen from above: 34-46% of the side long, at least 10 px, 46-52% of that
    wide, its body a rounded rectangle in red, blue, yellow, green or white, a dark windscreen, side and rear
    windows round a roof 4-8% lighter than the body, four black wheels standing out 6-9% of its width at the
    sides, two pale headlights at the front; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.34, 0.46))
    W = L * rng.uniform(0.46, 0.52)
    col = np.asarray(CARS[int(rng.integers(len(CARS)))], np.float32)
    fr = _frame_at(h, w, rng)
    out = W * rng.uniform(0.06, 0.09)
    wheels = [[(x - 0.1 * L, s * (W / 2 + out)), (x + 0.1 * L, s * (W / 2 + out)), (x + 0.1 * L, s * 0.2 * W),
               (x - 0.1 * L, s * 0.2 * W)] for x in (-0.3 * L, 0.3 * L) for s in (-1, 1)]
    body = _bar(-L / 2 + W / 2, L / 2 - W / 2, W / 2, 12)
    cab = [(-0.3 * L, -0.4 * W), (0.18 * L, -0.42 * W), (0.18 * L, 0.42 * W), (-0.3 * L, 0.4 * W)]
    roof = [(-0.22 * L, -0.3 * W), (0.08 * L, -0.32 * W), (0.08 * L, 0.32 * W), (-0.22 * L, 0.3 * W)]
    lamps = [_ellipse(L / 2 - 0.05 * L, s * 0.3 * W, max(0.4, 0.04 * L), max(0.4, 0.07 * W), 0.0, 8) for s in (-1, 1)]
    parts = [(fr.fill(wheels), (22, 22, 24), 1.0, True),
             (fr.fill([body]), col, 1.0, True),
             (fr.fill([cab]), (40, 50, 64), 1.0, False),
             (fr.fill([roof]), np.minimum(255, col * rng.uniform(1.04, 1.08) + 6), 1.0, False),
             (fr.fill(lamps), (250, 246, 210), 1.0, False)]
    return _u8(_laid(f, parts, 0.45))


def _lensball(f: np.ndarray, rng) -> np.ndarray:
    """A glass ball (a lensball) set on the print and photographed close up: the ball of radius 36-44% of the side,
    its middle 44-56% of the way across and down; through it the picture turned upside down and compressed
    towards its rim (at a fraction ``u`` of the ball's radius the picture's point at ``0.5 side (u + 0.8 u ** 3) /
    1.8`` from the ball's middle, on the opposite side), its rim darkened by up to 35% over its outer 15%, a soft
    highlight at 55-70% on its upper left; round it the print defocused by a Gaussian of sigma 2.5-4% of the side,
    at least 0.8 px."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    R = side * rng.uniform(0.36, 0.44)
    cx, cy = w * rng.uniform(0.44, 0.56), h * rng.uniform(0.44, 0.56)
    s = max(0.8, side * rng.uniform(0.025, 0.04))
    out = gaussian_filter(f, (s, s, 0), mode="reflect")
    dx, dy = xx - cx, yy - cy
    r = np.hypot(dx, dy)
    u = np.clip(r / R, 0, 1)
    src = 0.5 * side * (u + 0.8 * u ** 3) / 1.8
    k = src / np.maximum(r, 1e-6)
    inner = _resample(f, cy - dy * k, cx - dx * k)
    inner = inner * (1 - 0.35 * np.clip((u - 0.85) / 0.15, 0, 1) ** 1.5)[..., None]
    hl = np.exp(-(((xx - (cx - 0.45 * R)) ** 2 + (yy - (cy - 0.45 * R)) ** 2) / (0.16 * R) ** 2))
    inner = _paint(inner, hl * rng.uniform(0.55, 0.7), (255, 255, 255))
    inside = np.clip(R - r + 0.5, 0, 1)
    return _u8(_paint(out, inside, inner))


def _combed_float(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a water-transfer (hydrographic) film, floated on water and dragged by a comb before
    it was picked up on card: 5-9 tines across the float, perpendicular to the comb's travel (up, down or
    across the picture), each point moved along the travel by ``A exp(-d / lambda)``, ``d`` its distance to the nearest tine,
    ``A`` 8-12% of the side, at least 2 px, ``lambda`` 3-6% of the side, at least 0.8 px; the film 3-6% paler where
    it was stretched most."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    vertical = rng.random() < 0.5  # the comb travels up or down the picture (else across it)
    n = int(rng.integers(5, 10))
    A = max(2.0, side * rng.uniform(0.08, 0.12)) * rng.choice([-1, 1])
    lam = max(0.8, side * rng.uniform(0.03, 0.06))
    across = xx if vertical else yy
    extent = w if vertical else h
    tines = (np.arange(n) + rng.uniform(0.3, 0.7)) * extent / n
    d = np.min(np.abs(across[..., None] - tines), axis=-1)
    move = A * np.exp(-d / lam)
    out = _resample(f, yy - move, xx) if vertical else _resample(f, yy, xx - move)
    stretch = np.exp(-d / lam) * (d / lam)
    out = out + (255 - out) * (rng.uniform(0.03, 0.06) * stretch / max(float(stretch.max()), 1e-6))[..., None]
    return _u8(out)


TREADS = ((206, 200, 188), (150, 150, 150), (156, 112, 70))


def _stair_risers(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed across the risers of a flight of stairs and photographed from a step or two below: 4
    steps below 48 px, 6-9 above, each riser showing its band of the picture squeezed to 80-86% of its height, the
    tread above it seen edge-on filling the rest, in pale stone, grey concrete or wood, its lip 12-18% of a step,
    at least 0.8 px, lit 10-16% more, a shadow of 20-30% on the top 15% of each riser; the flight narrowing
    upwards by 6-12% of the side at the top (the picture's columns with it), the walls beyond in the tread's colour
    25% darker."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = 4 if side < 48 else int(rng.integers(6, 10))
    step = h / n
    sq = rng.uniform(0.8, 0.86)
    nose = max(0.8, step * rng.uniform(0.12, 0.18))
    tread = np.asarray(TREADS[int(rng.integers(len(TREADS)))], np.float32)
    k = np.floor(yy / step)
    within = yy - k * step  # from the top of this step's band
    riser_top = step - sq * step  # the riser's picture fills the lower part of the band
    sy = k * step + np.clip((within - riser_top) / sq, 0, step)
    narrow = side * rng.uniform(0.06, 0.12) * (1 - yy / h)  # each side
    half = w / 2 - narrow
    sx = w / 2 + (xx - w / 2) * (w / 2) / half
    out = _resample(f, sy, sx)
    riser = np.clip(within - riser_top + 0.5, 0, 1)
    shade = 1 - rng.uniform(0.2, 0.3) * np.clip(1 - (within - riser_top) / (0.15 * step), 0, 1) * riser
    out = out * shade[..., None]
    lip = np.clip(nose + 0.5 - np.abs(within - riser_top + nose / 2), 0, 1) * (within < riser_top + 0.5)
    out = out * riser[..., None] + tread * (1 - riser[..., None])
    out = _paint(out, lip * 0.8, np.minimum(255, tread * rng.uniform(1.1, 1.16)))
    wall = np.clip(np.abs(xx - w / 2) - half + 0.5, 0, 1)
    return _u8(_paint(out, wall, tread * 0.75))


def near_edit_z(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "rubber_duck":  # a rubber duck lying on the print
        return _rubber_duck(f, rng)
    if kind == "carrot":  # a carrot lying on the print
        return _carrot(f, rng)
    if kind == "croissant":  # a croissant lying on the print
        return _croissant(f, rng)
    if kind == "light_bulb":  # a light bulb lying on the print
        return _light_bulb(f, rng)
    if kind == "toy_car":  # a toy car lying on the print
        return _toy_car(f, rng)
    if kind == "lensball":  # a glass ball set on the print, photographed close up
        return _lensball(f, rng)
    if kind == "combed_float":  # printed on a floated water-transfer film dragged by a comb
        return _combed_float(f, rng)
    if kind == "stair_risers":  # printed across the risers of a flight of stairs
        return _stair_risers(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def blur_z(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "through_spectacles":  # through a short-sighted photographer's spectacle lens held before the phone
        m = 1 + rng.uniform(0.03, 0.07)
        g = _ground(a)
        src = _resample(f, h / 2 + (yy - h / 2) * m, w / 2 + (xx - w / 2) * m)
        beyond = np.clip(np.maximum(np.abs(yy - h / 2) * m - h / 2, np.abs(xx - w / 2) * m - w / 2) + 0.5, 0, 1)
        src = _paint(src, beyond, [g] * 3)
        out = _fft_blur(src, _disk_kernel(max(1.7, side * rng.uniform(0.05, 0.075))))
        ww, wh = side * rng.uniform(0.25, 0.45), side * rng.uniform(0.25, 0.45)
        x0, y0 = rng.uniform(0, w - ww * 0.5), rng.uniform(0, h - wh * 0.5)
        soft = max(0.8, side * 0.04)
        win = (np.clip((xx - x0) / soft, 0, 1) * np.clip((x0 + ww - xx) / soft, 0, 1)
               * np.clip((yy - y0) / soft, 0, 1) * np.clip((y0 + wh - yy) / soft, 0, 1))
        tint = ((150, 240, 160), (210, 150, 245))[int(rng.integers(2))]
        out = _paint(out, win * rng.uniform(0.05, 0.09), tint)
        return _u8(_metered(out, f))
    if kind == "raised_printhead":  # an inkjet print made with the head raised for thick card: scattered drops
        s = max(0.9, side * rng.uniform(0.03, 0.045))
        along = s * rng.uniform(1.3, 1.6)
        sig = (s, along, 0) if rng.random() < 0.5 else (along, s, 0)
        out = gaussian_filter(f, sig, mode="reflect")
        spread = np.sqrt(np.maximum(gaussian_filter((f - out) ** 2, (s, s, 0)), 0)).mean(axis=2, keepdims=True)
        out = out + rng.normal(0, 1, (h, w, 1)) * np.minimum(4.0, 2.0 * spread / 40)
        return _u8(_metered(out, f))
    if kind == "thermal_camera":  # a warmed print imaged by a thermal camera in black-hot
        grey = f @ np.array([0.3, 0.59, 0.11], np.float32)
        heat = gaussian_filter(grey, max(1.0, side * rng.uniform(0.035, 0.05)), mode="reflect")
        q = rng.uniform(0.5, 0.7)
        small = Image.fromarray(_u8(heat)).resize((max(2, round(w * q)), max(2, round(h * q))), Image.BOX)
        out = np.asarray(small.resize((w, h), Image.BILINEAR), np.float32)
        out = out + rng.normal(0, rng.uniform(1.5, 2.5), (h, w)) + rng.normal(0, 0.8, (1, w))
        return _u8(_metered(np.repeat(out[..., None], 3, axis=2), f))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
CARDS = ((30, 30, 34), (26, 32, 62), (72, 50, 32))


def dark_z(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "dark_card_print":  # printed with inks and no white on dark card
        card = np.asarray(CARDS[int(rng.integers(len(CARDS)))], np.float32) * rng.uniform(0.9, 1.0)
        v = f / 255
        out = card * v ** 1.1 + rng.uniform(3, 7) * (1 - v.mean(axis=2, keepdims=True)) ** 2
        return _u8(out + rng.normal(0, 1.5, (h, w, 1)))
    if kind == "privacy_filter":  # a screen behind a privacy (microlouvre) filter, photographed from one side
        c = np.deg2rad(rng.uniform(40, 44))
        th0 = rng.uniform(34, 40)
        span = rng.uniform(8, 12)
        pos = xx / w if rng.random() < 0.5 else 1 - xx / w
        th = np.deg2rad(th0 + span * pos)
        T = rng.uniform(0.6, 0.7) * np.maximum(0.02, 1 - np.tan(th) / np.tan(c))
        out = f * T[..., None] + rng.uniform(2, 5)
        return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))
    if kind == "slipped_grad_nd":  # a graduated ND filter slipped down in its holder
        t = rng.uniform(0.07, 0.14)
        tint = np.array([1.0, 0.98, rng.uniform(0.9, 1.0)], np.float32)
        edge = h * rng.uniform(0.86, 1.0)
        soft = side * rng.uniform(0.12, 0.2)
        ramp = np.clip((yy - edge) / soft + 0.5, 0, 1)
        T = (t + (1 - t) * ramp)[..., None] * (tint * (1 - ramp[..., None]) + ramp[..., None])
        out = f * T
        return _u8(np.maximum(out + rng.normal(0, 1.0, f.shape), 0))
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _balance_scale(size: int, rng) -> dict:
    """Pairs of scales: a base 34-44% of the side wide on the floor 88-92% of the way down, a pillar up to 18-24%
    down, a beam 62-80% of the side across tipped by 3-10 degrees either way, a pointer down from its pivot, three
    chains from each end to a shallow pan 22-30% of the side wide hanging 34-44% of the side below it (0-1 coverage
    each)."""
    big = 4 * size
    c = big / 2
    yf = big * rng.uniform(0.88, 0.92)
    yt = big * rng.uniform(0.18, 0.24)
    bw = big * rng.uniform(0.34, 0.44) / 2
    L = big * rng.uniform(0.62, 0.8) / 2
    tip = np.deg2rad(rng.uniform(3, 10)) * rng.choice([-1, 1])
    pw = big * rng.uniform(0.22, 0.3) / 2
    drop = big * rng.uniform(0.34, 0.44)
    lw = max(2, round(big * 0.025))
    M = _canvas(("metal", "chains", "pans", "pointer"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    d["metal"].polygon([(c - bw, yf), (c + bw, yf), (c + 0.5 * bw, yf - 0.06 * big), (c - 0.5 * bw, yf - 0.06 * big)],
                       fill=255)
    d["metal"].rectangle((c - lw, yt, c + lw, yf - 0.05 * big), fill=255)
    ends = [(c + s * L * np.cos(tip), yt + s * L * np.sin(tip)) for s in (-1, 1)]
    d["metal"].line(ends, fill=255, width=lw)
    d["metal"].ellipse((c - 1.6 * lw, yt - 1.6 * lw, c + 1.6 * lw, yt + 1.6 * lw), fill=255)
    d["pointer"].polygon([(c - 0.8 * lw, yt), (c + 0.8 * lw, yt), (c - np.sin(tip) * 0.2 * big,
                                                                   yt + 0.2 * big)], fill=255)
    for x, y in ends:
        yp = y + drop
        for dx in (-pw, 0.0, pw):
            d["chains"].line([(x, y), (x + dx * 0.95, yp)], fill=255, width=max(1, round(0.35 * lw)))
        d["pans"].chord((x - pw, yp - 0.5 * pw, x + pw, yp + 0.5 * pw), 0, 180, fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _swing_set(size: int, rng) -> dict:
    """A playground swing set seen from the front: the ground 86-92% of the way down, a top bar 70-84% of the side
    across at 14-22% down on two A-frames splayed to 22-30% of the side at their feet, 2 or 3 swings, each two
    chains to a seat 62-72% of the way down, each swing at rest or swung by up to 20 degrees (0-1 coverage each)."""
    big = 4 * size
    c = big / 2
    yg = big * rng.uniform(0.86, 0.92)
    yt = big * rng.uniform(0.14, 0.22)
    half = big * rng.uniform(0.7, 0.84) / 2
    splay = big * rng.uniform(0.22, 0.3) / 2
    lw = max(2, round(big * 0.028))
    M = _canvas(("ground", "frame", "chains", "seats"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    d["ground"].rectangle((0, yg, big, big), fill=255)
    d["frame"].line([(c - half, yt), (c + half, yt)], fill=255, width=lw)
    for s in (-1, 1):
        x = c + s * (half - 0.02 * big)
        d["frame"].line([(x, yt), (x - splay * 0.5, yg)], fill=255, width=lw)
        d["frame"].line([(x, yt), (x + splay * 0.5, yg)], fill=255, width=lw)
        d["frame"].line([(x - splay * 0.25, (yt + yg) / 2 + 0.05 * big), (x + splay * 0.25,
                                                                       (yt + yg) / 2 + 0.05 * big)],
                        fill=255, width=max(1, lw // 2))
    n = int(rng.integers(2, 4))
    for j in range(n):
        x = c - half + (j + 0.5 + rng.uniform(-0.1, 0.1)) * 2 * half / n
        ys = big * rng.uniform(0.62, 0.72)
        a = np.deg2rad(rng.uniform(-20, 20)) if rng.random() < 0.5 else 0.0
        sw = 0.16 * big * 2 / n
        for s in (-1, 1):
            top = (x + s * sw / 2, yt)
            end = (top[0] + (ys - yt) * np.sin(a), yt + (ys - yt) * np.cos(a))
            d["chains"].line([top, end], fill=255, width=max(1, round(0.3 * lw)))
        mx, my = x + (ys - yt) * np.sin(a), yt + (ys - yt) * np.cos(a)
        d["seats"].rectangle((mx - sw / 2 - 0.01 * big, my - 0.012 * big, mx + sw / 2 + 0.01 * big, my + 0.02 * big),
                             fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _candelabrum(size: int, rng) -> dict:
    """A five-branched candelabrum: a foot on a base 86-90% of the way down, a stem up to 46-54% down, two pairs of
    U arms rising to candle cups in a row 30-38% down, five candles 14-20% of the side tall with wicks and flames,
    a glow round each flame (0-1 coverage each)."""
    big = 4 * size
    c = big / 2
    yb = big * rng.uniform(0.86, 0.9)
    ys = big * rng.uniform(0.46, 0.54)
    yc = big * rng.uniform(0.3, 0.38)
    ch = big * rng.uniform(0.14, 0.2)
    span = big * rng.uniform(0.34, 0.4)
    lw = max(2, round(big * 0.022))
    M = _canvas(("metal", "candles", "flames", "glow"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    d["metal"].polygon([(c - 0.16 * big, yb), (c + 0.16 * big, yb), (c + 0.04 * big, yb - 0.06 * big),
                        (c - 0.04 * big, yb - 0.06 * big)], fill=255)
    d["metal"].line([(c, yb - 0.05 * big), (c, yc)], fill=255, width=lw)
    d["metal"].ellipse((c - 2 * lw, (yb + ys) / 2 - 1.3 * lw, c + 2 * lw, (yb + ys) / 2 + 1.3 * lw), fill=255)
    xs = [c]
    for k, r in ((1, span / 2), (2, span)):
        yy0 = ys + (0.04 * big if k == 2 else 0.0)
        t = np.linspace(0, np.pi, 20)
        arc = [(c + r * np.cos(u), yy0 + (yy0 - yc) * 0.0 + r * 0.45 * np.sin(u)) for u in t]
        d["metal"].line(arc, fill=255, width=lw, joint="curve")
        for s in (-1, 1):
            d["metal"].line([(c + s * r, yy0), (c + s * r, yc)], fill=255, width=lw)
            xs.append(c + s * r)
    cw = big * 0.035
    for x in xs:
        d["metal"].rectangle((x - 1.6 * cw, yc - 0.3 * cw, x + 1.6 * cw, yc + 0.5 * cw), fill=255)
        d["candles"].rectangle((x - cw, yc - ch, x + cw, yc), fill=255)
        fy = yc - ch - 0.06 * big
        d["flames"].polygon([(x, fy - 0.04 * big), (x + 0.7 * cw, fy + 0.02 * big), (x, fy + 0.05 * big),
                             (x - 0.7 * cw, fy + 0.02 * big)], fill=255)
        d["glow"].ellipse((x - 0.07 * big, fy - 0.07 * big, x + 0.07 * big, fy + 0.08 * big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    from scipy.ndimage import gaussian_filter

    out["glow"] = np.clip(gaussian_filter(out["glow"], size * 0.02) * 0.6, 0, 1)
    return out


SCALE_GROUNDS = ((70, 44, 28), (40, 92, 52), (120, 120, 124))
METALS = ((196, 160, 72), (190, 190, 196))
SWING_FRAMES = ((200, 36, 36), (36, 80, 180), (40, 140, 60), (236, 190, 30))
SKIES_Z = (((80, 130, 210), (180, 210, 240)), ((70, 70, 130), (240, 160, 100)))
WALLS = ((30, 24, 28), (96, 20, 26), (110, 74, 44))


def outlier_z(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "balance_scale":
        m = _balance_scale(size, rng)
        if photos:  # brass or silver scales on dark wood, green baize or grey
            metal = np.asarray(METALS[int(rng.integers(2))], np.float32)
            out = ground(SCALE_GROUNDS[int(rng.integers(len(SCALE_GROUNDS)))])
            out = _paint(_paint(out, m["chains"], metal * 0.8), m["metal"], metal)
            return _u8(_paint(_paint(out, m["pans"], metal * 1.1 + 10), m["pointer"], (40, 40, 44)))
        out = _paint(_paint(ground([lo] * 3), m["chains"], tone(0.55)), m["metal"], tone(1.0))
        return _u8(_paint(_paint(out, m["pans"], tone(0.8)), m["pointer"], tone(0.7)))
    if kind == "swing_set":
        m = _swing_set(size, rng)
        if photos:  # a painted frame under a day or dusk sky, over grass or sand
            top, low = (np.asarray(c, np.float32) for c in SKIES_Z[int(rng.integers(len(SKIES_Z)))])
            v = np.linspace(0, 1, size)[:, None, None]
            out = np.broadcast_to(top * (1 - v) + low * v, (size, size, 3)).astype(np.float32)
            out = _paint(out, m["ground"], ((80, 140, 60), (214, 196, 150))[int(rng.integers(2))])
            out = _paint(out, m["frame"], SWING_FRAMES[int(rng.integers(len(SWING_FRAMES)))])
            out = _paint(out, m["chains"], (150, 150, 156))
            return _u8(_paint(out, m["seats"], ((24, 24, 28), (200, 40, 40))[int(rng.integers(2))]))
        out = _paint(_paint(ground([lo] * 3), m["ground"], tone(0.3)), m["frame"], tone(1.0))
        return _u8(_paint(_paint(out, m["chains"], tone(0.55)), m["seats"], tone(0.8)))
    if kind == "candelabrum":
        m = _candelabrum(size, rng)
        if photos:  # brass or silver with ivory candles before a dark wall, a red curtain or wood panelling
            metal = np.asarray(METALS[int(rng.integers(2))], np.float32)
            out = ground(WALLS[int(rng.integers(len(WALLS)))])
            out = _paint(out, m["glow"], (250, 200, 110))
            out = _paint(_paint(out, m["metal"], metal), m["candles"], (240, 232, 210))
            return _u8(_paint(out, m["flames"], (255, 210, 90)))
        out = _paint(ground([lo] * 3), m["glow"], tone(0.6))
        out = _paint(_paint(out, m["metal"], tone(0.7)), m["candles"], tone(1.0))
        return _u8(_paint(out, m["flames"], tone(0.9)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def grid_slip_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                    rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: "select every picture of a <class>" tasks on pages of
    ``PAGE`` x ``PAGE`` thumbnails of the ``candidates`` (shuffled into pages, over and over), each page's class that
    of a random picture on it; the labeller clicks each picture of that class, and a ``SLIP`` share of the clicks
    land on a neighbouring thumbnail (left, right, above or below, at random among those on the page), which gets
    the page's class where it is of another; pages are worked through until ``count`` flips are made."""
    lab = np.asarray([classes.index(v) for v in labels])
    cand = np.asarray(candidates, dtype=int)
    flips: dict[int, object] = {}
    per = PAGE * PAGE
    for _ in range(1000):
        order = rng.permutation(cand)
        for p in range(0, len(order) - per + 1, per):
            page = order[p: p + per].reshape(PAGE, PAGE)
            target = lab[page.flat[int(rng.integers(per))]]
            for r, c in zip(*np.nonzero(lab[page] == target)):
                if rng.random() >= SLIP:
                    continue
                near = [(r + dr, c + dc) for dr, dc in ((0, -1), (0, 1), (-1, 0), (1, 0))
                        if 0 <= r + dr < PAGE and 0 <= c + dc < PAGE]
                i = int(page[near[int(rng.integers(len(near)))]])
                if lab[i] != target and i not in flips:
                    flips[i] = classes[int(target)]
                    if len(flips) == count:
                        return flips
    return flips


# -- planting ------------------------------------------------------------------------------
def plant_issues_z(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator Z's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 73-92 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_Z, seed=260_000 + random_state,
        quality_seed=265_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=grid_slip_flips,
        **by_family(name, outlier=(outlier_z, OUTLIERS_Z), blur=(blur_z, BLURS_Z), dark=(dark_z, DARKS_Z),
                    near=(near_edit_z, NEAR_EDITS_Z)))
