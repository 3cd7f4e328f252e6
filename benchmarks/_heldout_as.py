"""Generator AS: fresh EVALUATION sets after generator AR's run (never used to choose anything).

Why a forty-third evaluation generator: generator AR's sets have been run, and what they showed may inform the next
changes (the commit subjects since AR's generator commit name AR's one run in Round 27 at the CPU default input size
of 160 px, dark found on 0.79-1.00 of its darkened pictures, blurry 0 of 12 on the 49 px JPEG tiles under
CleanVision, label on MNIST 0.003 under Datalab; and, before and after it, a picture dark but for a compact light at
the frame's edge judged on what is left once the light is set aside, finding 121 more of 3,700 darkened development
pictures and flagging 85 more others, the calibration copies' sample ranked by each source's digest and kept per
copy, the blurred copies of a JPEG stored as their source was, finding 12 more of 405 development JPEG blurs,
blurry's second look at a batch of look-alike blurs suspecting them by either class measure, the tests of outlier's
blurred-copy rule asserting what holds on every sample, and the reading of decimal text labels, a metric undefined
on some seeds, an audit that removed nothing and id-named columns), so they will not stay untouched; AS is a
held-out measurement of the code after that run, of families of its own (AS's writer read no docs, logs, result
files or commit bodies: only the commit subjects, the library's code and the earlier generators' and tuning tools'
files, to copy their structure and to avoid their families). Like AN's to AR's, AS's edits are not all brightly
coloured: some are grey, dark or translucent. Generator AS was written before any tool was run on it (only its
pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 51 and 276
px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture still in it
and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are
seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J,
K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ,
AR) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate,
brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to
AR's it has two blur families, not three. Left out because an earlier generator made them or left them out: among
objects on the print a guitar pick, a pistachio, an almond or a coffee bean (their earlier lists), a bottle cap, a
safety pin or a paper clip (their earlier edits), a bead, a button cell (the batteries listed before), a domino or a
die (their earlier lists), a chess pawn (its list), a sunflower seed (its list), an ice cube (AN's); of the whole
picture a lens flare's ghosts (an earlier flare), a brick wall, tiles or a mosaic (their earlier lists), a chalk
drawing on the pavement (the chalk copy AD left out), a prism's or a suncatcher's rainbow (Q's), glitter or confetti
(their lists), bubble wrap, a halftone, marble (their lists); among blurs a stocking, a sheer curtain or a diffusion
filter over the lens (O's stocking), reeded glass (L's), a glass block (its laser crystal), a steamed-up window or
condensation (K's), a lens's fungus (its list), frosted glass (I's), a fingerprint or grease on the lens (its list);
among darkenings a valve amplifier (AG's), an aurora, a city's sky glow, grow lights, a bug zapper, a door ajar
(their lists), a heat lamp or a basking lamp (their list), a theatre's ghost light, a car's brake or hazard lights
(AF's and AE's tail light), a roadworks beacon or a police car's lights (P's spotlight), a fireplace, a candle, a
campfire (their lists), a pool lit at night or a hot tub's lights (K's, AJ's), a bioluminescent sea (V's plankton),
a ship's sidelights or a mast's aviation lights (their own), a traffic or level-crossing signal (its own), a sewing
machine's lamp (its list); among foreign pictures a fire hydrant, a traffic cone, a windmill, a swing, a phone box,
a beehive, a water tower, a lighthouse, a pagoda, a fountain, a sundial (their lists), a playground slide (its
list); among label noise dictated labels misheard (T's sound-alikes, AB's dictated labels), web searches or a click
log (R's first-yes, AJ's click log), a sorted queue or re-sorted buttons (their own), a wrong position or a wrong
clock (AR's GPS drift, AQ's clock skew).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 276 px
  set's copies get both kinds): a cardamom pod lying on the print (16-22% of the side long, at least 8 px, a spindle
  52-60% of that wide pointed at both ends with a stalk stub, green, bleached straw or black, whichever two show
  most against the picture's median grey, three ridges 25% darker from 32 px, a sheen; at any angle, 30-70% of the
  way across and down, a soft shadow at 40%), a hazelnut (13-18% of the side across, at least 7 px, a round shell
  drawn out to a blunt point, glossy brown, dark roasted or a pale blanched kernel, whichever two show most, the
  shell's pale rough cap over 38% of it, fine streaks from 48 px, a sheen; the same place, a shadow at 45%), a
  pumpkin seed (17-23% of the side long, at least 8 px, a flat teardrop 55% as wide, cream, dark green or roasted
  tan, whichever two show most, its raised rim from 32 px; the same place, a shadow at 35%), a hair scrunchie (a
  gathered fabric ring 13-18% of the side in outer radius, at least 6 px, ruffled by 9-13 gathers, black velvet,
  grey marl, or sheer pink or white organza at 50%, its folds 30% darker from 32 px; the same place, a shadow at 20%
  for organza, 40% otherwise) and a board game's wooden meeple (20-26% of the side tall, at least 9 px, a round
  head, arms out and two legs, red, blue, black, natural wood, white or green, whichever two show most, its sawn
  edge 22% darker; the same place, a shadow at 45%); of the whole picture: the picture painted on a terrazzo floor
  (chips of white and grey marble, black stone, terracotta, green glass and cream stone 2.5-6% of the side across,
  at least 1.5 px, over about a quarter of it, showing through the thin paint at 40-60%: scattered stone chips, not
  tiles, a mosaic or confetti), the print lying under a shallow puddle with a film of oil on it (thin-film
  interference colours over a swirled thickness field, over 55-80% of it, at 30-42%, the water darkening it by 8%:
  not a prism's rainbow or a suncatcher's spots) and the picture painted on a cobbled street (rows of domed setts
  9-13% of the side high, at least 3 px, with rounded corners and dark joints, lit from a random side by 20-28%: a
  street of stones, not a brick wall or AR's roughcast wall);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed with an old lens whose cemented doublet has separated (its balsam
  failed, a thin air gap scattering the light: a Gaussian of 1.5-2.3% of the side, at least 1 px, for 60% of it and
  one 3.5 times as wide for the rest, a haze of 4-8% of the picture's mean colour, the separation's interference
  colours in 2-4 patches reaching in from the frame's edge at 10-16% from 48 px: a flaw inside the lens, not AR's
  crazed window or a fungus) and the picture photographed with a lens whose front element was pitted by years of
  wind-blown sand (a Gaussian of 1.6-2.4% of the side, at least 1 px, for 55% of it, one 3 times as wide for 30% and
  the rest scattered into a veiling glare of 18% of the side, a dusty veil of 3-6% of a sandy colour, the corners
  15-25% darker: a scattering lens surface, not a fingerprint, a diffusion filter or AR's clouded PVC); each as a
  camera metering on the highlights exposes it (as Y's to AR's);
* ``dark`` (2%): a garage at night lit only by a parked car's dipped headlights shining at the print from out of the
  frame (two pools of warm white, 1.0 / 0.92 / 0.78, 16-24% of the side either side of the middle, each an
  elliptical Gaussian of sigma 22-30% of the side across and 10-14% down at 0.22-0.3, below the beams' sharp cut-off
  30-45% of the way down with the kick-up on one side rising at 15 degrees, only 8% of the light above it, over
  0.015-0.03: a car's beams with their cut-off, not K's spotlight or a torch's round spot), an arcade at night lit
  only by a claw machine (a cabinet 20-26% of the side wide at the left or right edge, a lit pink-white marquee, a
  dim pink interior with a heap of coloured toys and a claw on a wire; the picture lit in pink, 1.0 / 0.62 / 0.95,
  at 0.2-0.28 falling off as above with the distance from the cabinet, ``d0`` 25-35% of the side, over 0.015-0.03; a
  glow round the marquee of sigma 3-5% of the side up to 30-45 levels: a lit cabinet of toys, not AF's letter light
  box) and a cupboard at night lit only by a gas water heater's pilot flame (the heater's dark casing across the
  bottom, its top 72-80% of the way down, a round sight glass 7-10% of the side across, at least 2.5 px, a small
  blue flame with a yellow tip in it; the picture lit in blue, 0.5 / 0.65 / 1.0, at 0.26-0.34 falling off as above,
  ``d0`` 34-44% of the side, over 0.02-0.03; a glow of sigma 3-5% of the side up to 40-55 levels: a flame behind
  glass, not a candle, a campfire or a hob); none of them blurs the picture;
* ``outlier`` (1.5%): an oil well's pump jack on a plain (a horizon, the ground, a base, a Samson post, a walking
  beam with a horsehead on a polished rod to a wellhead, a crank with counterweights on a pitman arm), a clock tower
  over a town's roofs (gabled roofs, a tower with a cornice, a clock face with two hands and hour marks from 48 px,
  a belfry's arched opening under a pyramid spire) and a seesaw in a playground (a picket fence, grass, a triangular
  stand, a tilted plank with a seat and a T-shaped handle at each end); the digit and clothing sets get them in
  their own tones on their dark ground, the photographs as a black, red or blue pump jack on a tan plain under a
  pale evening sky, a stone or brick tower with a white face and a copper or slate spire under a blue sky over dark
  red roofs, and a red, blue or yellow plank on a grey stand on green grass before a white fence;
* ``label`` (5%): *checkweigher* flips: part of the set was sorted on a packing line by a checkweigher, each class's
  items having a nominal weight (the classes in a random order 8-14 g apart, each item its class's weight give or
  take 15% of the spacing), and the sorter gave each item the class whose nominal weight is nearest its reading.
  Items came down the line in shifts of 3-6 runs of 20-60 items of one class; in half the shifts the scale's zero
  drifted as its load cell warmed (a drift growing steadily from nothing to 0.6-1.6 times the spacing, up or down,
  by the shift's end), in the others it read true; so the later items of a drifting shift read as a neighbouring
  class's weight and are given its class; one that still reads nearest its own is not a flip. Shifts are worked
  through, in a random order of the eligible pictures, until the flips needed are made (the last shift's flips kept
  in part, at random): noise by an instrument's drift over time, not by class or look, not AR's wrong position or
  AQ's wrong clock. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AS's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
305), MNIST (2,000, seed 306), and the evaluation photographs tiled at 51 px (24 tiles a photograph at most, seed
307) and at 276 px (every tile, seed 308), sizes no other set uses. ``photos51_as_jpeg`` is written as JPEG files,
each at a quality drawn from 57-80 (a stream of its own, seed ``455_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``450_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AR).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_an import _showing
from _heldout_h import _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down
from _heldout_s import _pixels
from _heldout_v import _metered
from _heldout_x import _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AS = ("fashion_test_as", "mnist_as", "photos51_as_jpeg", "photos276_as")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AS = {
    "fashion_test_as": ("fashion_test", 305),
    "mnist_as": ("mnist", 306),
    "photos51_as_jpeg": ("photos", 307, 51, 8, 24),
    "photos276_as": ("photos", 308, 276, 8, 1000),
}
JPEG_QUALITY = (57, 81)  # the JPEG set's qualities: integers in [low, high)
RATES_AS = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AS = ("cardamom_pod", "terrazzo_floor", "hazelnut", "oil_film", "pumpkin_seed", "cobbled_street",
                 "scrunchie", "meeple")
BLURS_AS = ("balsam_separation", "sand_pitted_lens")
DARKS_AS = ("car_headlights", "claw_machine", "pilot_flame")
OUTLIERS_AS = ("pump_jack", "clock_tower", "seesaw")
WEIGHT_SPACING = (8.0, 14.0)  # grams between the classes' nominal weights on the checkweigher (label noise)
RUN_ITEMS = (20, 61)  # items of one class in a run down the line: integers in [low, high) (label noise)
RUNS_PER_SHIFT = (3, 7)  # runs in a shift: integers in [low, high) (label noise)


def load_base_as(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AS, "AS")


def _smooth_field(h: int, w: int, sigma: float, rng) -> np.ndarray:
    """A smooth random field of ``sigma`` px, scaled to 0-1."""
    from scipy.ndimage import gaussian_filter

    g = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.5, sigma), mode="wrap")
    return (g - g.min()) / max(float(g.max() - g.min()), 1e-6)


# -- near copies -----------------------------------------------------------------------------
CARDAMOMS = ((120, 150, 74), (214, 204, 150), (64, 48, 40))


def _cardamom_pod(f: np.ndarray, rng) -> np.ndarray:
    """A cardamom pod lying on the print: a spindle 16-22% of the side long, at least 8 px, 52-60% of that wide,
    pointed at both ends, a stalk stub 10% of its length at one end; green, bleached straw or black cardamom (of
    the three the two whose grey is furthest from the picture's median grey); three ridges along it 25% darker
    from 32 px; a sheen at 35%; at any angle, its middle 30-70% of the way across and down, a soft shadow at
    40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.16, 0.22))
    W = L * rng.uniform(0.52, 0.6)
    col = _showing(f, CARDAMOMS, rng)
    fr = _frame_at(h, w, rng)
    ts = np.linspace(0, 2 * np.pi, 28, endpoint=False)
    pod = [(float(0.5 * L * np.cos(t)), float(0.5 * W * np.sin(t) * (1 - 0.45 * np.cos(t) ** 4))) for t in ts]
    body = fr.fill([pod])
    stalk = fr.line([[(0.46 * L, 0.0), (0.58 * L, 0.02 * L)]], max(0.6, 0.05 * L))
    parts = [(body, col, 1.0, True), (stalk, col * 0.7, 1.0, False)]
    if side >= 32:
        ridges = [[(float(0.5 * L * np.cos(t)), float(k * 0.5 * W * np.sin(t) * (1 - 0.45 * np.cos(t) ** 4)))
                   for t in np.linspace(0.35, np.pi - 0.35, 10)] for k in (-0.35, 0.3)]
        ridges.append([(-0.42 * L, 0.0), (0.42 * L, 0.0)])
        parts.append((fr.line(ridges, max(0.5, 0.025 * L)) * body, col * 0.75, 1.0, False))
    parts.append((fr.fill([_ellipse(-0.05 * L, -0.22 * W, 0.3 * L, 0.07 * W, 0.0, 10)]) * body, (255, 255, 246),
                  0.35, False))
    return _u8(_laid(f, parts, 0.4))


HAZELS = ((156, 98, 52), (92, 58, 36), (228, 206, 162))


def _hazelnut(f: np.ndarray, rng) -> np.ndarray:
    """A hazelnut lying on the print: a round shell 13-18% of the side across, at least 7 px, drawn out to a blunt
    point at one end; a glossy brown shell, a dark roasted one or a pale blanched kernel (of the three the two whose
    grey is furthest from the picture's median grey); the shell's pale rough cap (its scar) over the other end, 38%
    of its length, 206 / 180 / 134 (the blanched kernel has none); 4-6 fine streaks from the point 15% darker from
    48 px; a sheen at 45%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    D = max(7.0, side * rng.uniform(0.13, 0.18))
    col = _showing(f, HAZELS, rng)
    blanched = float(col[0]) > 200
    fr = _frame_at(h, w, rng)
    ts = np.linspace(0, 2 * np.pi, 30, endpoint=False)
    r = 0.5 * D
    nut = [(float(r * np.cos(t) * (1 + 0.18 * max(0.0, np.cos(t)) ** 3)), float(0.93 * r * np.sin(t))) for t in ts]
    body = fr.fill([nut])
    parts = [(body, col, 1.0, True)]
    if not blanched:
        cap = fr.fill([_rect(-0.6 * D, -0.6 * D, -0.5 * D + 0.38 * D * 1.0, 0.6 * D)]) * body
        parts.append((cap, (206, 180, 134), 1.0, False))
        if side >= 48:
            streaks = [[(0.58 * r, 0.0), (0.1 * r, s * r)] for s in np.linspace(-0.7, 0.7, int(rng.integers(4, 7)))]
            parts.append((fr.line(streaks, max(0.5, 0.03 * D)) * body * (1 - cap), col * 0.85, 1.0, False))
    parts.append((fr.fill([_ellipse(0.12 * D, -0.2 * D, 0.16 * D, 0.09 * D, 0.3, 10)]) * body, (255, 252, 240),
                  0.45, False))
    return _u8(_laid(f, parts, 0.45))


SEEDS = ((236, 228, 196), (74, 104, 52), (186, 150, 98))


def _pumpkin_seed(f: np.ndarray, rng) -> np.ndarray:
    """A pumpkin seed lying flat on the print: a teardrop 17-23% of the side long, at least 8 px, 55% of that wide;
    a cream hulled seed, a dark green shelled one or a roasted tan one (of the three the two whose grey is furthest
    from the picture's median grey); its raised rim 12% of its width, at least 0.6 px, 18% lighter (cream) or
    darker (the others), from 32 px; a sheen at 30%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.17, 0.23))
    W = 0.55 * L
    col = _showing(f, SEEDS, rng)
    fr = _frame_at(h, w, rng)
    ts = np.linspace(0, 2 * np.pi, 30, endpoint=False)
    drop = [(float(0.5 * L * np.cos(t)), float(0.5 * W * np.sin(t) * (0.62 + 0.38 * np.cos(t)) / 1.0)) for t in ts]
    body = fr.fill([drop])
    parts = [(body, col, 1.0, True)]
    if side >= 32:
        rim_col = np.minimum(col * 1.18, 255) if float(col[0]) > 200 else col * 0.82
        parts.append((fr.line([drop + [drop[0]]], max(0.6, 0.12 * W)) * body, rim_col, 1.0, False))
    parts.append((fr.fill([_ellipse(0.12 * L, -0.08 * W, 0.22 * L, 0.08 * W, 0.0, 10)]) * body, (255, 255, 250),
                  0.3, False))
    return _u8(_laid(f, parts, 0.35))


SCRUNCHIES = ((28, 26, 30, 1.0, 0.4), (142, 142, 148, 1.0, 0.4), (246, 186, 206, 0.5, 0.2),
              (240, 240, 236, 0.5, 0.2))


def _scrunchie(f: np.ndarray, rng) -> np.ndarray:
    """A hair scrunchie lying on the print: a gathered fabric ring 13-18% of the side in outer radius, at least
    6 px, its hole 42-50% of that, its edges ruffled by 9-13 gathers (8% of the radius deep); black velvet, grey
    marl, or sheer pink or white organza at 50% (a shadow at 20%, the others' at 40%); the gathers' folds as radial
    lines 30% darker at 70% from 32 px; a sheen at 30%; its middle 30-70% of the way across and down, turned at
    random."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(6.0, side * rng.uniform(0.13, 0.18))
    ri = R * rng.uniform(0.42, 0.5)
    *rgb, alpha, shadow = SCRUNCHIES[int(rng.integers(len(SCRUNCHIES)))]
    col = np.asarray(rgb, np.float32)
    fr = _frame_at(h, w, rng)
    n = int(rng.integers(9, 14))
    ts = np.linspace(0, 2 * np.pi, 8 * n, endpoint=False)
    outer = [(float(R * (1 + 0.08 * np.sin(n * t)) * np.cos(t)), float(R * (1 + 0.08 * np.sin(n * t)) * np.sin(t)))
             for t in ts]
    inner = [(float(ri * (1 + 0.1 * np.sin(n * t)) * np.cos(t)), float(ri * (1 + 0.1 * np.sin(n * t)) * np.sin(t)))
             for t in ts]
    ring = fr.fill([outer], holes=[inner])
    parts = [(ring, col, alpha, True)]
    if side >= 32:
        folds = [[(float(ri * 1.05 * np.cos(t)), float(ri * 1.05 * np.sin(t))),
                  (float(R * 0.95 * np.cos(t)), float(R * 0.95 * np.sin(t)))]
                 for t in np.linspace(0, 2 * np.pi, n, endpoint=False) + np.pi / n * 1.5]
        parts.append((fr.line(folds, max(0.5, 0.05 * R)) * ring, col * 0.7, 0.7, False))
    mid = 0.5 * (R + ri)
    sheen = [(float(mid * np.cos(t)), float(mid * np.sin(t))) for t in np.linspace(3.4, 4.6, 8)]
    parts.append((fr.line([sheen], max(0.5, 0.08 * R)) * ring, (255, 255, 255), 0.3, False))
    return _u8(_laid(f, parts, shadow))


MEEPLES = ((196, 40, 36), (40, 72, 164), (34, 34, 36), (214, 180, 128), (238, 236, 228), (60, 150, 70))


def _meeple(f: np.ndarray, rng) -> np.ndarray:
    """A board game's wooden meeple lying on the print: a figure 20-26% of the side tall, at least 9 px, 90% of that
    wide (a round head, arms held out, two legs apart); red, blue, black, natural wood, white or green (of the six
    the two whose grey is furthest from the picture's median grey); its sawn edge 22% darker, 4% of its height
    wide, at least 0.5 px; a sheen at 30%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    H = max(9.0, side * rng.uniform(0.2, 0.26))
    col = _showing(f, MEEPLES, rng)
    fr = _frame_at(h, w, rng)
    s = H
    body = [(-0.09 * s, -0.2 * s), (0.09 * s, -0.2 * s), (0.16 * s, -0.12 * s), (0.42 * s, -0.08 * s),
            (0.45 * s, 0.03 * s), (0.2 * s, 0.1 * s), (0.36 * s, 0.48 * s), (0.1 * s, 0.5 * s), (0.0, 0.28 * s),
            (-0.1 * s, 0.5 * s), (-0.36 * s, 0.48 * s), (-0.2 * s, 0.1 * s), (-0.45 * s, 0.03 * s),
            (-0.42 * s, -0.08 * s), (-0.16 * s, -0.12 * s)]
    head = _ellipse(0.0, -0.34 * s, 0.16 * s, 0.16 * s, 0.0, 18)
    m = fr.fill([body, head])
    edge = fr.line([body + [body[0]], head + [head[0]]], max(0.5, 0.04 * H)) * m
    sheen = fr.fill([_ellipse(-0.05 * s, -0.4 * s, 0.07 * s, 0.04 * s, 0.4, 8),
                     _ellipse(-0.25 * s, -0.04 * s, 0.12 * s, 0.03 * s, 0.0, 8)]) * m
    parts = [(m, col, 1.0, True), (edge, col * 0.78, 1.0, False), (sheen, (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.45))


TERRAZZO = ((242, 240, 234), (150, 148, 144), (36, 36, 38), (190, 96, 64), (92, 150, 110), (226, 200, 150))


def _terrazzo_floor(f: np.ndarray, rng) -> np.ndarray:
    """The picture painted on a terrazzo floor, the paint thin enough for the stone to show through: chips of
    white and grey marble, black stone, terracotta, green glass and cream stone, each an irregular polygon of 5-7
    points 2.5-6% of the side across, at least 1.5 px, at any angle, covering about a quarter of the floor; each
    chip showing at 40-60% through the paint, the binder's pale grey at 8% elsewhere."""
    h, w = f.shape[:2]
    side = min(h, w)
    mean = max(1.5, side * 0.042)
    n = int(round(0.3 * h * w / (mean * mean * 0.55)))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    groups = [[] for _ in TERRAZZO]
    for _ in range(n):
        d = max(1.5, side * rng.uniform(0.025, 0.06))
        x, y = rng.uniform(-0.02, 1.02) * w, rng.uniform(-0.02, 1.02) * h
        k = int(rng.integers(5, 8))
        ts = np.sort(rng.uniform(0, 2 * np.pi, k))
        rr = 0.5 * d * rng.uniform(0.6, 1.1, k)
        groups[int(rng.integers(len(TERRAZZO)))].append([(float(x + a * np.cos(t)), float(y + a * np.sin(t)))
                                                          for a, t in zip(rr, ts)])
    out = f * 0.92 + 0.08 * np.array([200, 198, 192], np.float32)
    for col, polys in zip(TERRAZZO, groups):
        if polys:
            out = _paint(out, ident.fill(polys) * rng.uniform(0.4, 0.6), col)
    return _u8(out)


def _oil_film(f: np.ndarray, rng) -> np.ndarray:
    """The print lying under a shallow puddle with a film of oil on it: the film's thickness a smooth random field
    of 5-9% of the side stretched into swirls along a random direction, the film over 55-80% of the picture with a
    soft edge, its thin-film interference colours (three cosines of 2-3 cycles over the thickness, a third of a
    cycle apart by channel) laid over the picture at 30-42%; the water darkening the picture by 8%."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    t = _smooth_field(h, w, side * rng.uniform(0.05, 0.09), rng)
    warp = _smooth_field(h, w, side * 0.12, rng) - 0.5
    a = rng.uniform(0, np.pi)
    amt = side * rng.uniform(0.15, 0.25)
    t = map_coordinates(t, [np.clip(yy - 0.5 + amt * warp * np.sin(a), 0, h - 1),
                            np.clip(xx - 0.5 + amt * warp * np.cos(a), 0, w - 1)], order=1, mode="nearest")
    cover = _smooth_field(h, w, side * 0.15, rng)
    cut = np.quantile(cover, 1 - rng.uniform(0.55, 0.8))
    film = np.clip((cover - cut) / 0.08, 0, 1)
    film = gaussian_filter(film, max(0.5, 0.01 * side))
    cyc = rng.uniform(2, 3)
    ph = rng.uniform(0, 1)
    colour = np.stack([127.5 + 127.5 * np.cos(2 * np.pi * (cyc * t + ph + c / 3)) for c in range(3)], axis=2)
    k = film * rng.uniform(0.3, 0.42)
    return _u8(f * 0.92 * (1 - k[..., None]) + colour * k[..., None])


def _cobbled_street(f: np.ndarray, rng) -> np.ndarray:
    """The picture painted on a cobbled street: rows of setts 9-13% of the side high, at least 3 px, within 6
    degrees of level, each row's stones 1.1-1.6 times as long as high, its joints offset at random from the next
    row's; each stone domed and lit from a random side (the picture 20-28% lighter and darker across it), the
    joints 10-14% of a row's height, at least 0.7 px, 55% darker; the granite's grey 140 / 136 / 130 at 10%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    rh = max(3.0, side * rng.uniform(0.09, 0.13))
    a = np.deg2rad(rng.uniform(-6, 6))
    u = xx * np.cos(a) + yy * np.sin(a)
    v = -xx * np.sin(a) + yy * np.cos(a)
    rv = v / rh + rng.uniform(0, 1)
    row = np.floor(rv)
    nrows = int(row.max() - row.min()) + 1
    lens = rng.uniform(1.1, 1.6, nrows) * rh
    offs = rng.uniform(0, 1, nrows)
    k = (row - row.min()).astype(int)
    ru = u / lens[k] + offs[k]
    fu = 2 * (ru - np.floor(ru)) - 1  # -1..1 across a stone
    fv = 2 * (rv - row) - 1  # -1..1 down a stone
    dome = np.sqrt(np.clip(1 - fu ** 2, 0, 1)) * np.sqrt(np.clip(1 - fv ** 2, 0, 1))
    gy, gx = np.gradient(dome)
    la = rng.uniform(0, 2 * np.pi)
    slope = gx * np.cos(la) + gy * np.sin(la)
    shade = 1 + rng.uniform(0.2, 0.28) * slope / max(float(np.abs(slope).max()), 1e-6)
    jw = max(0.7, rh * rng.uniform(0.1, 0.14))
    du = (1 - np.abs(fu)) * lens[k] / 2
    dv = (1 - np.abs(fv)) * rh / 2
    rc = 0.35 * rh  # the stones' rounded corners
    corner = (du < rc) & (dv < rc)
    dist = np.where(corner, rc - np.hypot(rc - du, rc - dv), np.minimum(du, dv))
    joint = np.clip(jw / 2 + 0.5 - dist, 0, 1)
    out = (f * 0.9 + 0.1 * np.array([140, 136, 130], np.float32)) * shade[..., None]
    return _u8(out * (1 - 0.55 * joint)[..., None])


def near_edit_as(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "cardamom_pod":  # a cardamom pod lying on the print
        return _cardamom_pod(f, rng)
    if kind == "hazelnut":  # a hazelnut lying on the print
        return _hazelnut(f, rng)
    if kind == "pumpkin_seed":  # a pumpkin seed lying on the print
        return _pumpkin_seed(f, rng)
    if kind == "scrunchie":  # a hair scrunchie lying on the print
        return _scrunchie(f, rng)
    if kind == "meeple":  # a board game's wooden meeple lying on the print
        return _meeple(f, rng)
    if kind == "terrazzo_floor":  # the picture painted on a terrazzo floor
        return _terrazzo_floor(f, rng)
    if kind == "oil_film":  # the print under a puddle with a film of oil
        return _oil_film(f, rng)
    if kind == "cobbled_street":  # the picture painted on a cobbled street
        return _cobbled_street(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _balsam_separation(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed with an old lens whose cemented doublet has separated (its Canada balsam failed,
    a thin air gap between the glasses scattering the light): a Gaussian of 1.5-2.3% of the side, at least 1 px,
    for 60% of it and one 3.5 times as wide for the rest (the glow); a haze of 4-8% of the picture's mean colour;
    the separation's interference colours in 2-4 patches reaching in from the frame's edge 15-30% of the side, at
    10-16%, from 48 px; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    soft = np.stack([0.6 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.4 * gaussian_filter(f[..., c], 3.5 * s, mode="reflect") for c in range(3)], axis=2)
    v = rng.uniform(0.04, 0.08)
    out = soft * (1 - v) + v * f.reshape(-1, 3).mean(axis=0)
    if side >= 48:
        t = _smooth_field(h, w, side * 0.04, rng)
        col = np.stack([127.5 + 127.5 * np.cos(2 * np.pi * (2.5 * t + c / 3)) for c in range(3)], axis=2)
        m = np.zeros((h, w), np.float32)
        for _ in range(int(rng.integers(2, 5))):
            ang = rng.uniform(0, 2 * np.pi)
            ex, ey = w / 2 + 0.55 * w * np.cos(ang), h / 2 + 0.55 * h * np.sin(ang)
            reach = side * rng.uniform(0.15, 0.3)
            m = np.maximum(m, np.exp(-0.5 * (np.hypot(xx - ex, yy - ey) / reach) ** 2))
        k = m * rng.uniform(0.1, 0.16)
        out = out * (1 - k[..., None]) + col * k[..., None]
    return _u8(_metered(out, f))


def _sand_pitted_lens(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed with a lens whose front element was pitted by years of wind-blown sand (a camera
    left out in a desert): a Gaussian of 1.6-2.4% of the side, at least 1 px, for 55% of it, one 3 times as wide for
    30% and the rest scattered into a glare of 18% of the side (the pits' veiling glare round the bright parts); a
    dusty veil of 3-6% of a sandy 232 / 216 / 186; the lens's corners 15-25% darker; as a camera metering on the
    highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    g = max(2.0, 0.18 * side)
    soft = np.stack([0.55 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.3 * gaussian_filter(f[..., c], 3 * s, mode="reflect") +
                     0.15 * gaussian_filter(f[..., c], g, mode="reflect") for c in range(3)], axis=2)
    v = rng.uniform(0.03, 0.06)
    out = soft * (1 - v) + v * np.array([232, 216, 186], np.float32)
    r = np.hypot((xx - w / 2) / (w / 2), (yy - h / 2) / (h / 2)) / np.sqrt(2)
    out = out * (1 - rng.uniform(0.15, 0.25) * r ** 2)[..., None]
    return _u8(_metered(out, f))


def blur_as(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "balsam_separation":  # an old lens whose cemented doublet has separated
        return _balsam_separation(f, rng)
    if kind == "sand_pitted_lens":  # a lens pitted by wind-blown sand
        return _sand_pitted_lens(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
HEADLAMP = np.array([1.0, 0.92, 0.78], np.float32)


def _car_headlights(f: np.ndarray, rng) -> np.ndarray:
    """A garage at night lit only by a parked car's dipped headlights shining at the print from out of the frame:
    two pools of warm white 1.0 / 0.92 / 0.78, their middles 16-24% of the side either side of the middle and
    12-20% of the side below the beams' cut-off, each an elliptical Gaussian of sigma 22-30% of the side across and
    10-14% down, at a gain of 0.22-0.3; the beams' sharp cut-off 30-45% of the way down, within 2 degrees of level,
    softened over 1% of the side, at least 0.5 px, with the kick-up on one side of the middle rising at 15
    degrees; above it only the beams' spill, 8% of their light; over a gain of 0.015-0.03; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cut0 = h * rng.uniform(0.3, 0.45)
    cut = cut0 + (xx - w / 2) * np.tan(np.deg2rad(rng.uniform(-2, 2)))
    kick = 1 if rng.random() < 0.5 else -1
    cut = cut - np.clip(kick * (xx - w / 2), 0, None) * np.tan(np.deg2rad(15))
    beam = 0.08 + 0.92 / (1 + np.exp(-(yy - cut) / max(0.5, 0.01 * side)))
    pools = np.zeros((h, w), np.float32)
    sep = side * rng.uniform(0.16, 0.24)
    below = side * rng.uniform(0.12, 0.2)
    sx, sy = side * rng.uniform(0.22, 0.3), side * rng.uniform(0.1, 0.14)
    for s in (-1, 1):
        px, py = w / 2 + s * sep, cut0 + below
        pools += rng.uniform(0.22, 0.3) * np.exp(-0.5 * (((xx - px) / sx) ** 2 + ((yy - py) / sy) ** 2))
    gain = rng.uniform(0.015, 0.03) + beam * pools
    return _u8(_lit(f, gain[..., None] * HEADLAMP, rng))


CLAW = np.array([1.0, 0.62, 0.95], np.float32)


def _claw_machine(f: np.ndarray, rng) -> np.ndarray:
    """An arcade at night lit only by a claw machine standing in the picture at its left or right edge: a cabinet
    20-26% of the side wide from 6-12% of the way down to the bottom, its dark frame 30 / 20 / 40 (4% of the side
    wide, at least 1 px), a lit marquee across its top 14% of its height in pink-white 255 / 210 / 240, behind its
    glass a dim pink interior 60 / 36 / 58 with a heap of 5-9 coloured toys 5-8% of the side across in its lower
    third and a claw hanging on a wire; the picture lit in pink 1.0 / 0.62 / 0.95 at a gain of 0.015-0.03 plus
    0.2-0.28 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the cabinet, ``d0`` 25-35% of
    the side; a glow of sigma 3-5% of the side round the marquee up to 30-45 levels; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cw = side * rng.uniform(0.2, 0.26)
    left = rng.random() < 0.5
    x0, x1 = (-1.0, cw) if left else (w - cw, w + 1.0)
    y0 = h * rng.uniform(0.06, 0.12)
    dx = np.clip(np.maximum(x0 - xx, xx - x1), 0, None)
    dy = np.clip(y0 - yy, 0, None)
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.2, 0.28) / (1 + (np.hypot(dx, dy) / d0) ** 2)
    out = _lit(f, gain[..., None] * CLAW, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    fw = max(1.0, 0.08 * side * 0.5)
    out = _paint(out, ident.fill([_rect(x0, y0, x1, h + 1.0)]), (30, 20, 40))
    gx0, gx1 = (x0 + fw, x1 - fw)
    my = y0 + 0.14 * (h - y0)
    out = _paint(out, ident.fill([_rect(gx0, my + fw * 0.5, gx1, h - fw)]), (60, 36, 58))
    toys = []
    for _ in range(int(rng.integers(5, 10))):
        r = max(0.8, side * rng.uniform(0.05, 0.08) / 2)
        tx, ty = rng.uniform(gx0 + r, max(gx0 + r + 0.1, gx1 - r)), h - fw - rng.uniform(0.2, 1.0) * (h - my) / 3
        toys.append((_ellipse(tx, ty, r, 0.85 * r, rng.uniform(0, 3), 12), _pick(((200, 90, 150), (90, 150, 200),
                                                                                 (220, 200, 90), (120, 200, 120)),
                                                                                rng)))
    for poly, col in toys:
        out = _paint(out, ident.fill([poly]), col * 0.55)
    cx = (gx0 + gx1) / 2
    cy = my + (h - my) * rng.uniform(0.25, 0.4)
    claw = ident.line([[(cx, my), (cx, cy)], [(cx - 0.03 * side, cy + 0.04 * side), (cx, cy),
                                                (cx + 0.03 * side, cy + 0.04 * side)]], max(0.5, 0.008 * side))
    out = _paint(out, claw, (150, 140, 150))
    marquee = ident.fill([_rect(gx0, y0 + fw * 0.5, gx1, my)])
    out = out + _glow(marquee, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(30, 45) * CLAW
    return _u8(_paint(out, marquee, (255, 210, 240)))


PILOT = np.array([0.5, 0.65, 1.0], np.float32)


def _pilot_flame(f: np.ndarray, rng) -> np.ndarray:
    """A cupboard at night lit only by a gas water heater's pilot flame seen through its sight glass: the heater's
    dark casing 26 / 26 / 30 across the bottom, its top 72-80% of the way down, a round sight glass in it 7-10% of
    the side across, at least 2.5 px, 30-70% of the way across, its rim 60 / 60 / 66; in it a small blue flame
    120 / 170 / 255 with a yellow tip 255 / 220 / 120; the picture lit in blue 0.5 / 0.65 / 1.0 at a gain of
    0.02-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the sight glass,
    ``d0`` 34-44% of the side; a glow of sigma 3-5% of the side up to 40-55 levels; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    top = h * rng.uniform(0.72, 0.8)
    r = max(1.25, side * rng.uniform(0.07, 0.1) / 2)
    gx, gy = w * rng.uniform(0.3, 0.7), top + (h - top) * rng.uniform(0.35, 0.6)
    d0 = side * rng.uniform(0.34, 0.44)
    gain = rng.uniform(0.02, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - gx, yy - gy) / d0) ** 2)
    out = _lit(f, gain[..., None] * PILOT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(-1.0, top, w + 1.0, h + 1.0)]), (26, 26, 30))
    rim = ident.fill([_ellipse(gx, gy, 1.25 * r, 1.25 * r, 0.0, 20)])
    out = _paint(out, rim, (60, 60, 66))
    out = _paint(out, ident.fill([_ellipse(gx, gy, r, r, 0.0, 20)]), (8, 10, 16))
    flame = ident.fill([[(gx - 0.45 * r, gy + 0.55 * r), (gx, gy - 0.75 * r), (gx + 0.45 * r, gy + 0.55 * r)]])
    tip = ident.fill([_ellipse(gx, gy - 0.5 * r, 0.18 * r, 0.3 * r, 0.0, 10)])
    out = out + _glow(np.maximum(flame, tip), max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * \
        rng.uniform(40, 55) * PILOT
    out = _paint(_paint(out, flame, (120, 170, 255)), tip, (255, 220, 120))
    return _u8(out)


def dark_as(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "car_headlights":  # a garage lit only by a parked car's dipped headlights
        return _car_headlights(f, rng)
    if kind == "claw_machine":  # an arcade lit only by a claw machine
        return _claw_machine(f, rng)
    if kind == "pilot_flame":  # a cupboard lit only by a water heater's pilot flame
        return _pilot_flame(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _pump_jack(size: int, rng) -> dict:
    """An oil well's pump jack on a plain: the horizon 58-66% of the way down, the ground below it; a base on the
    ground 74-82% down; a Samson post (two legs) 40-60% across up to a pivot 30-38% down; a walking beam 58-68% of
    the side long across it, tilted by up to 12 degrees, a horsehead at its front end (a curved block 14% of the
    side high) on a polished rod down to a wellhead, a crank and two counterweights at its back end on a pitman arm
    from a gearbox (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "base", "post", "beam", "head", "rod", "weights"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.58, 0.66)
    d["ground"].rectangle((0, hz, big, big), fill=255)
    gy = big * rng.uniform(0.74, 0.82)
    px, py = big * rng.uniform(0.4, 0.6), big * rng.uniform(0.3, 0.38)
    L = big * rng.uniform(0.58, 0.68)
    tilt = np.deg2rad(rng.uniform(-12, 12))
    lw = max(2, round(0.025 * big))
    d["base"].rectangle((px - 0.42 * L, gy - 0.03 * big, px + 0.42 * L, gy + 0.01 * big), fill=255)
    for s in (-1, 1):
        d["post"].line([(px + s * 0.09 * big, gy - 0.03 * big), (px, py)], fill=255, width=lw)
    c, sn = np.cos(tilt), np.sin(tilt)
    fx, fy = px + 0.55 * L * c, py + 0.55 * L * sn
    bx, by = px - 0.45 * L * c, py - 0.45 * L * sn
    d["beam"].line([(bx, by), (fx, fy)], fill=255, width=max(2, round(0.03 * big)))
    hh = 0.14 * big
    d["head"].chord((fx - 0.1 * big, fy - 0.5 * hh, fx + 0.06 * big, fy + 0.5 * hh), 270, 90, fill=255)
    d["head"].rectangle((fx - 0.02 * big, fy - 0.5 * hh, fx + 0.0 * big, fy + 0.5 * hh), fill=255)
    rx = fx + 0.06 * big
    d["rod"].line([(rx, fy + 0.5 * hh), (rx, gy - 0.03 * big)], fill=255, width=max(1, round(0.008 * big)))
    d["rod"].rectangle((rx - 0.025 * big, gy - 0.07 * big, rx + 0.025 * big, gy - 0.03 * big), fill=255)
    cx, cy = bx + 0.02 * big, gy - 0.12 * big
    d["post"].rectangle((cx - 0.05 * big, gy - 0.08 * big, cx + 0.05 * big, gy - 0.03 * big), fill=255)
    d["post"].line([(bx, by), (cx, cy)], fill=255, width=lw)
    wr = 0.07 * big
    for s in (-1, 1):
        d["weights"].pieslice((cx + s * 0.06 * big - wr, cy - wr, cx + s * 0.06 * big + wr, cy + wr), 30, 150,
                              fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    return out


def _clock_tower(size: int, rng) -> dict:
    """A clock tower over a town's roofs: roofs along the bottom, their ridge line 78-86% of the way down in 3-5
    gables; a tower 22-30% of the side wide 35-65% across from the roofs up to 30-36% down, a cornice, a clock face
    75% of the tower's width across with two hands and 12 hour marks (from 48 px), a belfry's arched opening below
    a pyramid spire to 6-12% down (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("roofs", "tower", "face", "hands", "opening", "spire"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    ridge = big * rng.uniform(0.78, 0.86)
    n = int(rng.integers(3, 6))
    xs = np.linspace(-0.1 * big, 1.1 * big, n + 1)
    for x0, x1 in zip(xs[:-1], xs[1:]):
        peak = ridge - rng.uniform(0.04, 0.09) * big
        d["roofs"].polygon([(x0, ridge + 0.05 * big), ((x0 + x1) / 2, peak), (x1, ridge + 0.05 * big)], fill=255)
    d["roofs"].rectangle((0, ridge + 0.04 * big, big, big), fill=255)
    cx = big * rng.uniform(0.35, 0.65)
    tw = big * rng.uniform(0.22, 0.3) / 2
    top = big * rng.uniform(0.3, 0.36)
    d["tower"].rectangle((cx - tw, top, cx + tw, big), fill=255)
    d["tower"].rectangle((cx - 1.15 * tw, top - 0.02 * big, cx + 1.15 * tw, top + 0.01 * big), fill=255)
    fr = 0.75 * tw
    fy = top + 1.25 * tw
    d["face"].ellipse((cx - fr, fy - fr, cx + fr, fy + fr), fill=255)
    lw = max(2, round(0.012 * big))
    for ang, ln in ((rng.uniform(0, 2 * np.pi), 0.55), (rng.uniform(0, 2 * np.pi), 0.85)):
        d["hands"].line([(cx, fy), (cx + ln * fr * np.sin(ang), fy - ln * fr * np.cos(ang))], fill=255, width=lw)
    if size >= 48:
        for k in range(12):
            t = k * np.pi / 6
            d["hands"].line([(cx + 0.8 * fr * np.sin(t), fy - 0.8 * fr * np.cos(t)),
                             (cx + 0.95 * fr * np.sin(t), fy - 0.95 * fr * np.cos(t))], fill=255, width=lw)
    oy = top - 0.02 * big
    d["tower"].rectangle((cx - 0.9 * tw, oy - 0.12 * big, cx + 0.9 * tw, oy), fill=255)
    d["opening"].rectangle((cx - 0.4 * tw, oy - 0.08 * big, cx + 0.4 * tw, oy - 0.01 * big), fill=255)
    d["opening"].pieslice((cx - 0.4 * tw, oy - 0.08 * big - 0.4 * tw, cx + 0.4 * tw, oy - 0.08 * big + 0.4 * tw),
                          180, 360, fill=255)
    tip = big * rng.uniform(0.06, 0.12)
    d["spire"].polygon([(cx - 1.05 * tw, oy - 0.12 * big), (cx, tip), (cx + 1.05 * tw, oy - 0.12 * big)], fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["hands"] = out["hands"] * out["face"]
    out["roofs"] = out["roofs"] * (1 - out["tower"])
    return out


def _seesaw(size: int, rng) -> dict:
    """A seesaw in a playground: a fence's top 52-60% of the way down with pickets, the grass below it 66-74%
    down; a stand (a triangle 14-18% of the side wide) 40-60% across on the grass 82-88% down; a plank 72-86% of
    the side long on it, tilted by 12-22 degrees either way, a seat block and a T-shaped handle near each end
    (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("fence", "grass", "stand", "plank", "seats", "handles"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    ft = big * rng.uniform(0.52, 0.6)
    gr = big * rng.uniform(0.66, 0.74)
    pw = 0.03 * big
    for x in np.arange(rng.uniform(0, 2 * pw), big, 2.2 * pw):
        d["fence"].polygon([(x, gr), (x, ft + 0.02 * big), (x + pw / 2, ft), (x + pw, ft + 0.02 * big), (x + pw, gr)],
                           fill=255)
    d["fence"].rectangle((0, ft + 0.05 * big, big, ft + 0.07 * big), fill=255)
    d["grass"].rectangle((0, gr, big, big), fill=255)
    cx = big * rng.uniform(0.4, 0.6)
    base = big * rng.uniform(0.82, 0.88)
    sw = big * rng.uniform(0.14, 0.18) / 2
    py = base - 1.3 * sw
    d["stand"].polygon([(cx - sw, base), (cx, py), (cx + sw, base)], fill=255)
    L = big * rng.uniform(0.72, 0.86) / 2
    a = np.deg2rad(rng.uniform(12, 22)) * (1 if rng.random() < 0.5 else -1)
    c, s = np.cos(a), np.sin(a)
    th = 0.035 * big

    def at(u, v):
        return (cx + u * c - v * s, py + u * s + v * c)

    d["plank"].polygon([at(-L, -th), at(L, -th), at(L, 0), at(-L, 0)], fill=255)
    for e in (-1, 1):
        u0 = e * 0.82 * L
        d["seats"].polygon([at(u0 - 0.07 * big, -th - 0.025 * big), at(u0 + 0.07 * big, -th - 0.025 * big),
                            at(u0 + 0.07 * big, -th), at(u0 - 0.07 * big, -th)], fill=255)
        u1 = e * 0.6 * L
        lw = max(2, round(0.014 * big))
        d["handles"].line([at(u1, -th), at(u1, -th - 0.09 * big)], fill=255, width=lw)
        d["handles"].line([at(u1 - 0.03 * big, -th - 0.09 * big), at(u1 + 0.03 * big, -th - 0.09 * big)], fill=255,
                          width=lw)
    out = {k: _down(v, size) for k, v in M.items()}
    out["fence"] = out["fence"] * (1 - out["grass"])
    return out


JACKS = ((40, 40, 44), (200, 60, 40), (60, 90, 150))
TOWERS = ((206, 194, 160), (160, 84, 62))
SPIRES = ((90, 150, 130), (70, 74, 84))
PLANKS = ((200, 50, 44), (50, 90, 180), (230, 190, 40))


def outlier_as(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "pump_jack":
        m = _pump_jack(size, rng)
        if photos:  # a pale evening sky over a tan plain, a black, red or blue pump jack
            col = _pick(JACKS, rng)
            out = _paint(_paint(ground((214, 200, 190)), m["ground"], (184, 156, 108)), m["base"], (120, 116, 110))
            out = _paint(_paint(out, m["post"], col * 0.8), m["beam"], col)
            out = _paint(_paint(out, m["head"], col), m["rod"], (170, 170, 176))
            return _u8(_paint(out, m["weights"], (70, 68, 66)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.25)), m["base"], tone(0.5))
        out = _paint(_paint(out, m["post"], tone(0.75)), m["beam"], tone(1.0))
        out = _paint(_paint(out, m["head"], tone(0.9)), m["rod"], tone(0.6))
        return _u8(_paint(out, m["weights"], tone(0.8)))
    if kind == "clock_tower":
        m = _clock_tower(size, rng)
        if photos:  # a blue sky, dark red roofs, a stone or brick tower, a white face, a copper or slate spire
            out = _paint(_paint(ground((150, 186, 228)), m["roofs"], (120, 60, 50)), m["tower"], _pick(TOWERS, rng))
            out = _paint(_paint(out, m["face"], (240, 238, 228)), m["hands"], (20, 20, 22))
            out = _paint(_paint(out, m["opening"], (30, 28, 30)), m["spire"], _pick(SPIRES, rng))
            return _u8(out)
        out = _paint(_paint(ground(tone(0.0)), m["roofs"], tone(0.35)), m["tower"], tone(0.7))
        out = _paint(_paint(out, m["face"], tone(1.0)), m["hands"], tone(0.1))
        return _u8(_paint(_paint(out, m["opening"], tone(0.15)), m["spire"], tone(0.85)))
    if kind == "seesaw":
        m = _seesaw(size, rng)
        if photos:  # a pale sky, a white fence, green grass, a grey stand, a red, blue or yellow plank
            out = _paint(_paint(ground((180, 208, 236)), m["fence"], (236, 234, 226)), m["grass"], (90, 150, 64))
            out = _paint(_paint(out, m["stand"], (120, 124, 130)), m["plank"], _pick(PLANKS, rng))
            return _u8(_paint(_paint(out, m["seats"], (40, 40, 44)), m["handles"], (170, 172, 178)))
        out = _paint(_paint(ground(tone(0.0)), m["fence"], tone(0.4)), m["grass"], tone(0.25))
        out = _paint(_paint(out, m["stand"], tone(0.6)), m["plank"], tone(1.0))
        return _u8(_paint(_paint(out, m["seats"], tone(0.7)), m["handles"], tone(0.85)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def checkweigher_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was sorted on a packing line by a
    checkweigher, each class's items having a nominal weight (the classes, in a random order, 8-14 g apart) and each
    item weighing its class's weight give or take 15% of the spacing (sigma); the line's sorter gave each item the
    class whose nominal weight is nearest its reading. Items came down the line in shifts of 3-6 runs, each run
    20-60 items of one class; in half the shifts the scale's zero drifted as its load cell warmed (a drift growing
    steadily from nothing at the shift's start to 0.6-1.6 times the spacing at its end, up or down), in the others
    it was re-zeroed and read true; every reading a further 3% of the spacing (sigma) off. An item whose reading
    falls nearest another class's weight is given that class; one that still falls nearest its own is not a flip.
    The eligible pictures are taken in a random order, each class's in turn for its runs; shifts are worked through
    until the flips needed are made (the last shift's flips kept in part, at random): noise by a scale's drift over
    time, not by class or look. Every flip changes the label."""
    cand = [int(v) for v in rng.permutation(np.asarray(candidates, dtype=int))]
    names = sorted(classes, key=str)
    queue = {c: [i for i in cand if labels[i] == c] for c in names}
    spacing = rng.uniform(*WEIGHT_SPACING)
    order = rng.permutation(len(names))
    nominal = {names[int(j)]: 100.0 + k * spacing for k, j in enumerate(order)}
    weights = np.array([nominal[c] for c in names])
    flips: dict[int, object] = {}
    while len(flips) < count and any(queue[c] for c in names):
        runs = []
        for _ in range(int(rng.integers(*RUNS_PER_SHIFT))):
            ready = [c for c in names if queue[c]]
            if not ready:
                break
            c = ready[int(rng.integers(len(ready)))]
            k = int(rng.integers(*RUN_ITEMS))
            shot, queue[c] = queue[c][:k], queue[c][k:]
            runs.extend((i, c) for i in shot)
        end = rng.uniform(0.6, 1.6) * spacing * (1 if rng.random() < 0.5 else -1) if rng.random() < 0.5 else 0.0
        got = {}
        for j, (i, c) in enumerate(runs):
            drift = end * j / max(1, len(runs) - 1)
            reading = nominal[c] + rng.normal(0, 0.15 * spacing) + drift + rng.normal(0, 0.03 * spacing)
            given = names[int(np.argmin(np.abs(weights - reading)))]
            if given != labels[i]:
                got[i] = given
        need = count - len(flips)
        if len(got) > need:
            keep = rng.choice(sorted(got), size=need, replace=False)
            got = {int(i): got[int(i)] for i in keep}
        flips.update(got)
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_as(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AS's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 57-80 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AS, seed=450_000 + random_state,
        quality_seed=455_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=checkweigher_flips,
        **by_family(name, outlier=(outlier_as, OUTLIERS_AS), blur=(blur_as, BLURS_AS), dark=(dark_as, DARKS_AS),
                    near=(near_edit_as, NEAR_EDITS_AS)))
