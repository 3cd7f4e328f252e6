"""Generator AY: fresh EVALUATION sets after generator AX's run (never used to choose anything).

Why a forty-ninth evaluation generator: generator AX's sets were written before its run and have been run once
since, so a held-out set for the code after that run is written now, before any tool is run on it. The commit
subjects since AX's generator commit (0fad12e) name what changed in the library meanwhile: blurry gained a
typical-sharpness statistic (the median absolute Laplacian over the pixels with detail, column blur_typ, image pass
18) and the calibration a candidate using it in place of the edge energy, for a blurred picture under something
sharp; generator AX's one run written up, its sets development data since (NOT_YET_RUN empty); a threshold of dark's
edge-lights rule measured on the development sets and not kept, and AX's speed ratio written up (docs only). AX has
been run once, and commit subjects summarise its run; AY's writer read no docs, logs, result files or commit bodies
(only the commit subjects, the library's code and the earlier generators' and tuning tools' files, to copy their
structure and to avoid their families), and nothing in AY was chosen from any result. Like AN's to AX's, AY's edits
are not all brightly coloured: some are grey, dark or translucent. Generator AY was written before any tool was run
on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at
28, 63 and 316 px, to check that every edit is visible, every blur blurred, every darkened image dark with its
picture still in it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after
its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning
tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J,
K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ,
AR, AS, AT, AU, AV, AW, AX) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``:
crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up
blurs) make. Like AC's to AX's it has two blur families, not three. Left out because an earlier generator made them
or left them out: among objects on the print a candle or a tea light as a light (their lists: AY's tealight is an
unlit cup lying on the print), a dog biscuit, a cookie or a cupcake (AA's and their lists: AY's macaron is two
pastel shells and a filling seen from the side), a pea pod, asparagus or a carrot (their lists, AK's, Z's: AY's okra
is a ridged tapering pod), a slice of fruit, lychee, apricots, cherries or blueberries (AV's, AW's, AT's: AY's
physalis is a berry in its peeled-back papery husk), a memory card, a USB stick, a battery, a domino or a poker chip
(their lists: AY's keycap is a keyboard's key with a letter on it), a star anise or a feather (their lists); of the
whole picture granite, marble, terrazzo, slate, roughcast or concrete (their lists, AX's), squared-up or graph paper
and a grid mask (AJ's, N's: AY's cutting mat is a coloured mat with a printed grid, a ruler's ticks and knife
scores), wood grain, plywood, strand board or parquet (T's, AW's, AV's, AT's: AY's sandstone is a stone's bedding
bands), papyrus, hessian or any other cloth (AU's, AT's, AR's), rusted steel or leather (AX's), a tread plate (AU's:
AY's sandpaper is abrasive grit on paper, not a metal sheet); among blurs a fence, a fly screen or a mesh (O's
fence, R's mesh bokeh: AY's birdcage has its wires in focus and the picture behind them out of focus), a frame's
glass or subtitles in focus over a refocused picture (Y's, T's), an emulsion lift, a gum print, a wood transfer, a
pocket printer or an edible print on icing (AO's, AE's, T's, AC's list: AY's transfer is laser toner carried over by
a solvent), a flag flapping (W's turning card, as listed before); among darkenings a vending machine, a cash machine
or a claw machine (AC's, AW's, AS's: AY's checkout scanner is a red window in a counter crossed by laser lines), a
door ajar, a pharmacy's cross, a heater's bars or a forge (their lists), a cold scanner lamp (X's: a flatbed
document scanner), a traffic signal, a departure board or an alarm clock's digits (AD's, AV's, AT's: AY's barrier
panels are an arrow and a cross on cabinets' tops), a welding arc (their lists: AY's laser cutter is a machine's
amber window with a small cutting spot in it), a tram's windows (AX's); among foreign pictures a castle, a
sandcastle, a helter-skelter or a trampoline (their lists, AM's, AQ's: AY's bouncy castle is an inflatable), a
quadcopter, a helicopter, a hot-air balloon, a flying saucer or an airport apron (X's, AE's, AJ's and their lists:
AY's biplane is a fixed-wing aircraft in flight), penguins, ostriches, flamingos, herons or sheep (their lists,
AX's: AY's rooster is a farmyard bird on a fence); among label noise a drop-down list's neighbour, colour-coded
stickers misread, captions naming a class, file names that collided or were sorted as text, a spreadsheet's
fill-down, a taxonomy's merged classes (their lists), and every mechanism AX named (dictation, OCR, bags, hotkeys,
quotas, a checkweigher, positions, clocks, shelf-edge labels, totes, a returns desk's prices, a marketplace's
category stuffing, a retailer's recycled product codes).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 316 px
  set's copies get both kinds): an unlit tealight lying on the print (an aluminium cup 22-30% of the side across,
  at least 8 px, silver, dull grey or copper-tinted with a sheen on its rim, white, ivory or lavender wax, the wick's
  tab and a bent black wick from 32 px; 30-70% of the way across and down, a soft shadow at 35%), a macaron on its
  side (two domed shells 20-26% of the side across, at least 8 px, pink, pistachio, lilac, chocolate or lemon, a
  cream, ganache or jam filling, ruffled feet from 32 px, a highlight; at any angle, the same place, a shadow at
  35%), an okra pod (a curved tapering pod 28-36% of the side long, at least 10 px, green, light green, deep green or
  burgundy, ridges, a sheen, a pale calyx and stalk; the same place, a shadow at 30%), a physalis (an orange berry
  11-15% of the side across, at least 5 px, before 4-5 translucent straw-coloured husk petals at 75-85%, veins from
  32 px; the same place, a shadow at 30%) and a keyboard's keycap (a rounded square 14-20% of the side across, at
  least 6 px, black, dark grey or light grey, darker sides round a dished top with a lit edge, a letter from 32
  px; the same place, a shadow at 45%); of the whole picture: the picture printed on sandpaper (the ink multiplied
  onto garnet, aluminium oxide's tan or silicon carbide's grey, 45-60% of the way, a grit of single pixels 16% up
  and down with sparkling grains, a worn patch 14% lighter), printed on a self-healing cutting mat (the ink
  multiplied onto green, blue or grey, 50-62% of the way, a pale grid every 8-11% of the side, at least 3 px, every
  fifth line wider, a ruler's ticks along one edge, 3-6 knife scores) and printed on a slab of sandstone (the ink
  multiplied onto honey, buff or red stone, 40-52% of the way, wavy bedding bands within 15 degrees of level 18% up
  and down, 2-4 darker laminae, a fine grain);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture hung behind a birdcage and photographed through it, the camera focused on the wires
  (a Gaussian of 1.5-2.3% of the side, at least 1 px, for 70% of the picture and one 3 times as wide for 20%, the
  room's dim grey at 10%; sharp upright wires every 8-11% of the side, at least 4 px, 0.6-0.8% of the side wide,
  converging towards the cage's top above the frame, and 1-2 hoops across, brass, white or black: a blurred picture
  behind sharp wires, not O's fence or R's mesh bokeh) and the picture copied by a solvent transfer (a laser print
  laid face down on watercolour paper, wetted with acetone and burnished: mirrored left to right, the toner spread
  by a Gaussian of 1.5-2.3% of the side, at least 1 px, for 65% and one 2.5 times as wide for 25%, multiplied onto
  cream paper, 72-90% carried over, patchy and in the spoon's strokes, the paper's tooth: not AO's emulsion lift,
  AE's gum print or T's wood transfer); each as a camera metering on the highlights exposes it (as Y's to AX's);
* ``dark`` (2%): a shop closed at night lit only by a checkout's flatbed barcode scanner (its red window 26-34% of
  the side wide near the bottom in a dark frame, crossed by 3-4 laser lines, two below 32 px; the picture lit red at
  0.3-0.38 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the window, ``d0`` 25-35% of the side,
  over 0.015-0.03; a glow of sigma 3-5% of the side up to 40-55 levels), a workshop at night lit only by a laser
  cutter at work (its dark body across the bottom, 55-75% of the side wide, the lid's orange acrylic window, the
  gantry's bar and a small bright cutting spot with its own glow; the picture lit amber at 0.26-0.34 falling off as
  above from the window, ``d0`` 25-35% of the side, over 0.015-0.03) and a metro station at night lit only by a line
  of 2-3 ticket barriers' indicator panels (dark cabinets at the bottom, each topped by a black panel showing a green
  arrow or a red cross, at least one of each; the picture lit by each panel in its colour at 0.26-0.34 falling off
  as above, ``d0`` 20-30% of the side, over 0.015-0.03; a glow round each sign); none of them blurs the picture;
* ``outlier`` (1.5%): a bouncy castle on a lawn (an inflatable floor, a back wall with round merlons and stripes, two
  corner towers with domes, a dark arched opening), a biplane in the sky (2-3 clouds of round puffs, a fuselage
  tapering to its tail, two wings edge on with struts, a tail fin, a propeller's disc, a pilot's head, a landing
  gear) and a rooster on a farmyard fence (grass, rails and posts, a round body, a tail of thick arcs, a neck, a
  head with a comb, a wattle and a beak, two legs); the digit and clothing sets get them in their own tones on their
  dark ground, the photographs as a red, yellow and blue bouncy castle on green grass under a blue sky, a red or
  yellow biplane with cream wings among white clouds in a blue sky, and a rust-red rooster with a golden neck, a
  dark green tail and a red comb on a brown fence under a pale sky;
* ``label`` (5%): *memory card* flips: the set was photographed in shoots, each of one class's items, on the
  studio's memory cards, and at each import a card's pictures were filed under the class of the shoot being
  imported. A card sometimes went on to its next shoot before the last one's pictures were imported; at the next
  import every picture on it was filed under the new shoot's class. Each class's eligible items (in a random order)
  are shot in runs of 10-30 (``SHOOT_ITEMS``); the shoots, in a random order, each take one of 3-6 cards
  (``CARDS``) at random; a shoot whose card's next shoot is of another class was missed with chance 0.35
  (``MISSED``), its items then flipping to that class, shoots taken in a random order until the flips are made (the
  last card full part-way: a random part of its items flip). Noise in blocks of an arbitrary sub-group of one class,
  directed at the class a card happened to go to next, not by look: not AX's recycled codes, AU's totes, AQ's time
  slots or T's file names. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AY's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
329), MNIST (2,000, seed 330), and the evaluation photographs tiled at 63 px (24 tiles a photograph at most, seed
331) and at 316 px (every tile, seed 332), sizes no other set uses. ``photos63_ay_jpeg`` is written as JPEG files,
each at a quality drawn from 51-73 (a stream of its own, seed ``515_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``510_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AX).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
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

EVALUATION_AY = ("fashion_test_ay", "mnist_ay", "photos63_ay_jpeg", "photos316_ay")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AY = {
    "fashion_test_ay": ("fashion_test", 329),
    "mnist_ay": ("mnist", 330),
    "photos63_ay_jpeg": ("photos", 331, 63, 8, 24),
    "photos316_ay": ("photos", 332, 316, 8, 1000),
}
JPEG_QUALITY = (51, 74)  # the JPEG set's qualities: integers in [low, high)
RATES_AY = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AY = ("tealight", "sandpaper", "macaron", "cutting_mat", "okra", "sandstone", "physalis", "keycap")
BLURS_AY = ("birdcage", "solvent_transfer")
DARKS_AY = ("checkout_scanner", "laser_cutter", "ticket_barrier")
OUTLIERS_AY = ("bouncy_castle", "biplane", "rooster")
CARDS = (3, 7)  # the photographers' memory cards: integers in [low, high) (label noise)
SHOOT_ITEMS = (10, 31)  # items of one class photographed in a shoot: integers in [low, high) (label noise)
MISSED = 0.35  # the chance that a shoot's card went to its next shoot before the shoot was imported (label noise)


def load_base_ay(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AY, "AY")


def _field(h: int, w: int, sigma: float, rng) -> np.ndarray:
    """A smooth random field of unit spread: white noise under a Gaussian of ``sigma`` px, standardised."""
    from scipy.ndimage import gaussian_filter

    g = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.5, sigma), mode="wrap")
    return (g - g.mean()) / max(float(g.std()), 1e-6)


def _rounded(w: float, h: float, r: float, cx: float = 0.0, cy: float = 0.0, n: int = 6) -> list:
    """A rectangle ``w`` x ``h`` about (``cx``, ``cy``) with corners rounded to radius ``r``."""
    r = min(r, w / 2, h / 2)
    pts = []
    for sx, sy, a0 in ((1, 1, 0.0), (-1, 1, 90.0), (-1, -1, 180.0), (1, -1, 270.0)):
        ox, oy = cx + sx * (w / 2 - r), cy + sy * (h / 2 - r)
        pts += [(float(ox + r * np.cos(np.deg2rad(t))), float(oy + r * np.sin(np.deg2rad(t))))
                for t in np.linspace(a0, a0 + 90, n)]
    return pts


# -- near copies -----------------------------------------------------------------------------
CUPS = ((206, 208, 214), (168, 170, 176), (196, 152, 112))
WAXES = ((242, 240, 232), (234, 222, 196), (214, 206, 226))


def _tealight(f: np.ndarray, rng) -> np.ndarray:
    """An unlit tealight lying on the print, seen from above: an aluminium cup 22-30% of the side across, at least
    8 px, silver 206 / 208 / 214, dull grey 168 / 170 / 176 or copper-tinted 196 / 152 / 112, a sheen on its rim at
    50%; the wax inside it 84% of its width across, white 242 / 240 / 232, ivory 234 / 222 / 196 or lavender 214 /
    206 / 226; from 32 px the wick's metal tab (the cup's colour 20% darker) and a short black wick bent over,
    below a dark dot; its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.0, side * rng.uniform(0.11, 0.15))
    col = _pick(CUPS, rng)
    fr = _frame_at(h, w, rng)
    cup = fr.fill([_circle(R, 32)])
    wax = fr.fill([_circle(0.84 * R, 32)])
    sheen = fr.fill([_circle(R, 32, -0.06 * R, -0.06 * R)], holes=[_circle(0.92 * R, 32, 0.03 * R, 0.03 * R)])
    parts = [(cup, col, 1.0, True), (sheen * cup * (1 - wax), (252, 252, 254), 0.5, False),
             (wax, _pick(WAXES, rng), 1.0, False)]
    if side >= 32:
        parts.append((fr.fill([_circle(0.16 * R, 12)]), col * 0.8, 1.0, False))
        parts.append((fr.line([[(0.0, 0.0), (0.24 * R, -0.1 * R)]], max(0.6, 0.07 * R)), (30, 26, 24), 1.0, False))
    else:
        parts.append((fr.fill([_circle(0.14 * R + 0.35, 8)]), (40, 36, 32), 1.0, False))
    return _u8(_laid(f, parts, 0.35))


MACARONS = ((238, 170, 190), (184, 214, 150), (196, 176, 226), (112, 72, 52), (244, 226, 130))
FILLINGS = ((246, 238, 220), (80, 50, 36), (170, 40, 70))


def _macaron(f: np.ndarray, rng) -> np.ndarray:
    """A macaron lying on its side on the print: two domed shells 20-26% of the side across, at least 8 px, pink
    238 / 170 / 190, pistachio 184 / 214 / 150, lilac 196 / 176 / 226, chocolate 112 / 72 / 52 or lemon 244 / 226 /
    130, the lower one 12% darker, a filling between them (cream 246 / 238 / 220, ganache 80 / 50 / 36 or raspberry
    jam 170 / 40 / 70) 12% of its width thick; from 32 px each shell's ruffled foot a band of dots 15% darker; a
    highlight on the upper dome at 40%; at any angle, its middle 30-70% of the way across and down, a soft shadow
    at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.2, 0.26))
    col = _pick(MACARONS, rng)
    fr = _frame_at(h, w, rng)
    lower = [_ellipse(0.0, 0.12 * L, 0.5 * L, 0.16 * L, 0.0, 28)]
    upper = [_ellipse(0.0, -0.12 * L, 0.5 * L, 0.2 * L, 0.0, 28)]
    parts = [(fr.fill(lower), col * 0.88, 1.0, True),
             (fr.fill([_rect(-0.45 * L, -0.06 * L, 0.45 * L, 0.07 * L)]), _pick(FILLINGS, rng), 1.0, True),
             (fr.fill(upper), col, 1.0, True)]
    if side >= 32:
        dots = [_circle(0.018 * L + 0.3, 6, x, y) for y in (-0.02 * L, 0.1 * L)
                for x in np.linspace(-0.4 * L, 0.4 * L, 14)]
        parts.append((fr.fill(dots), col * 0.85, 1.0, False))
    parts.append((fr.fill([_ellipse(-0.15 * L, -0.2 * L, 0.16 * L, 0.05 * L, 0.0, 16)]), (255, 252, 248), 0.4,
                  False))
    return _u8(_laid(f, parts, 0.35))


OKRAS = ((96, 148, 66), (134, 170, 84), (64, 108, 54), (120, 40, 60))


def _okra(f: np.ndarray, rng) -> np.ndarray:
    """An okra pod lying on the print: a tapering pod 28-36% of the side long, at least 10 px, 20-26% of that wide
    at its stem end, gently curved, green 96 / 148 / 66, light green 134 / 170 / 84, deep green 64 / 108 / 54 or a
    red variety's burgundy 120 / 40 / 60; its ridges along it 28% darker at 70% (three from 32 px, below one); a
    sheen along one side at 35%; a pale calyx 150 / 170 / 100 and a short stalk 120 / 130 / 70 at the stem end; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.28, 0.36))
    half = L * rng.uniform(0.2, 0.26) / 2
    col = _pick(OKRAS, rng)
    fr = _frame_at(h, w, rng)
    bend = rng.uniform(-0.1, 0.1) * L
    ts = np.linspace(0, 1, 14)
    mid = [(float(-L / 2 + L * t), float(bend * 4 * t * (1 - t))) for t in ts]
    wid = [half * (1 - t ** 1.8) * (0.8 + 0.2 * min(1.0, t * 8)) for t in ts]
    pod = fr.fill([[(x, y - r) for (x, y), r in zip(mid, wid)] + [(x, y + r) for (x, y), r in
                                                                   zip(mid[::-1], wid[::-1])]])
    rows = (-0.45, 0.0, 0.45) if side >= 32 else (0.0,)
    ridges = fr.line([[(x, y + k * r) for (x, y), r in zip(mid[:-1], wid[:-1])] for k in rows], max(0.5, 0.12 * half))
    sheen = fr.line([[(x, y - 0.7 * r) for (x, y), r in zip(mid[1:-2], wid[1:-2])]], max(0.5, 0.18 * half))
    calyx = fr.fill([_rect(-L / 2 - 0.04 * L, -0.85 * half, -L / 2 + 0.05 * L, 0.85 * half)])
    stalk = fr.line([[(-L / 2 - 0.03 * L, 0.0), (-L / 2 - 0.14 * L, 0.1 * half)]], max(0.7, 0.3 * half))
    parts = [(stalk, (120, 130, 70), 1.0, True), (pod, col, 1.0, True), (ridges * pod, col * 0.72, 0.7, False),
             (sheen * pod, (214, 226, 190), 0.35, False), (calyx, (150, 170, 100), 1.0, True)]
    return _u8(_laid(f, parts, 0.3))


HUSKS = ((222, 200, 150), (200, 170, 120), (226, 214, 180))


def _physalis(f: np.ndarray, rng) -> np.ndarray:
    """A physalis (cape gooseberry) lying on the print, its papery husk peeled back: an orange berry 11-15% of the
    side across, at least 5 px, 244 / 150 / 36 with a highlight; behind it 4-5 papery petals fanned out on one side,
    each 2.6-3.4 times the berry's radius long, straw 222 / 200 / 150, pale brown 200 / 170 / 120 or parchment 226 /
    214 / 180 at 75-85% (translucent, the print showing through), from 32 px a darker vein along each; at any angle,
    its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(2.5, side * rng.uniform(0.055, 0.075))
    col = _pick(HUSKS, rng)
    fr = _frame_at(h, w, rng)
    n = int(rng.integers(4, 6))
    petals, veins = [], []
    for a in np.linspace(-0.9, 0.9, n) + rng.uniform(-0.1, 0.1, n):
        Lp = r * rng.uniform(2.6, 3.4)
        cx, cy = -0.5 * Lp * np.cos(a), 0.5 * Lp * np.sin(a)
        petals.append(_ellipse(float(cx), float(cy), Lp / 2, 0.55 * r, float(np.pi - a), 16))
        veins.append([(0.0, 0.0), (float(-0.9 * Lp * np.cos(a)), float(0.9 * Lp * np.sin(a)))])
    husk = fr.fill(petals)
    parts = [(husk, col, rng.uniform(0.75, 0.85), True)]
    if side >= 32:
        parts.append((fr.line(veins, max(0.5, 0.08 * r)) * husk, col * 0.7, 0.7, False))
    parts += [(fr.fill([_circle(r, 24)]), (244, 150, 36), 1.0, True),
              (fr.fill([_circle(0.3 * r + 0.3, 10, -0.35 * r, -0.35 * r)]), (255, 236, 200), 0.6, False)]
    return _u8(_laid(f, parts, 0.3))


KEYCAPS = ((30, 30, 33), (62, 64, 70), (196, 194, 186))
GLYPHS = ([[(-0.5, 0.5), (0.0, -0.5), (0.5, 0.5)], [(-0.25, 0.1), (0.25, 0.1)]],
          [[(0.5, -0.5), (-0.5, -0.5), (-0.5, 0.5), (0.5, 0.5)], [(-0.5, 0.0), (0.3, 0.0)]],
          [[(-0.5, -0.5), (-0.5, 0.5)], [(0.5, -0.5), (-0.5, 0.05), (0.5, 0.5)]],
          [[(-0.5, -0.5), (-0.5, 0.5)], [(0.5, -0.5), (0.5, 0.5)], [(-0.5, 0.0), (0.5, 0.0)]])


def _keycap(f: np.ndarray, rng) -> np.ndarray:
    """A keyboard's keycap lying on the print, seen from above: a rounded square 14-20% of the side across, at least
    6 px, black 30 / 30 / 33, dark grey 62 / 64 / 70 or light grey 196 / 194 / 186, its sloping sides 22% darker
    round a dished top 72% of its width across, set towards its back, 8% lighter, its edge catching the light (200 /
    200 / 204 at 35%, 5% of its width wide, at least 0.5 px); from 32 px a letter (A, E, K or H) on the top in
    white 232 / 232 / 228 (dark caps) or dark grey 44 / 44 / 48 (light ones), below a stroke 40% of its width long;
    at any angle, its middle 30-70% of the way across and down, a soft shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    S = max(6.0, side * rng.uniform(0.14, 0.2))
    k = int(rng.integers(len(KEYCAPS)))
    col = np.asarray(KEYCAPS[k], np.float32)
    ink = (44, 44, 48) if k == 2 else (232, 232, 228)
    fr = _frame_at(h, w, rng)
    top = fr.fill([_rounded(0.72 * S, 0.72 * S, 0.1 * S, 0.0, -0.06 * S)])
    parts = [(fr.fill([_rounded(S, S, 0.14 * S)]), col * 0.78, 1.0, True), (top, np.minimum(col * 1.08 + 8, 255),
                                                                            1.0, False)]
    rim = fr.fill([_rounded(0.72 * S, 0.72 * S, 0.1 * S, 0.0, -0.06 * S)],
                  holes=[_rounded(0.72 * S - 2 * max(0.5, 0.05 * S), 0.72 * S - 2 * max(0.5, 0.05 * S), 0.08 * S, 0.0,
                                  -0.06 * S)])
    parts.append((rim, (200, 200, 204), 0.35, False))
    g = 0.2 * S
    if side >= 32:
        glyph = GLYPHS[int(rng.integers(len(GLYPHS)))]
        strokes = [[(-0.14 * S + g * x, -0.2 * S + g * y) for x, y in p] for p in glyph]
        parts.append((fr.line(strokes, max(0.6, 0.035 * S)) * top, ink, 1.0, False))
    else:
        parts.append((fr.line([[(-0.25 * S, -0.2 * S), (0.15 * S, -0.2 * S)]], max(0.8, 0.1 * S)) * top, ink, 0.9,
                      False))
    return _u8(_laid(f, parts, 0.45))


SANDPAPERS = np.array([(168, 96, 64), (200, 168, 118), (130, 130, 134)], np.float32)


def _sandpaper(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a sheet of sandpaper: the ink multiplied onto garnet 168 / 96 / 64, aluminium oxide's
    tan 200 / 168 / 118 or silicon carbide's grey 130 / 130 / 134, 45-60% of the way from the picture; the grit a
    grain of single pixels (white noise over 0.25% of the side, at least 0.4 px) 16% up and down, 2% of them
    sparkling grains 25% lighter; a worn patch (an oval 25-40% of the side across anywhere, softened over 4% of the
    side) where the grit is rubbed off, 14% lighter and its grain halved: abrasive grit, not AR's roughcast or AU's
    papyrus."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    tone = SANDPAPERS[int(rng.integers(len(SANDPAPERS)))]
    k = rng.uniform(0.45, 0.6)
    out = f * (1 - k) + k * f * tone / 255 + k * 0.18 * tone
    grit = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.4, 0.0025 * side))
    grit = grit / max(float(grit.std()), 1e-6)
    sparkle = (rng.random((h, w)) < 0.02).astype(np.float32)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    a = side * rng.uniform(0.25, 0.4) / 2
    worn = gaussian_filter(ident.fill([_ellipse(w * rng.uniform(0.2, 0.8), h * rng.uniform(0.2, 0.8), a,
                                                a * rng.uniform(0.6, 1.0), rng.uniform(0, np.pi), 24)]),
                           max(0.5, 0.04 * side))
    mult = 1 + (0.16 * np.clip(grit, -2, 2) + 0.25 * sparkle) * (1 - 0.5 * worn) + 0.14 * worn
    return _u8(out * mult[..., None])


MATS = np.array([(52, 120, 96), (44, 86, 150), (70, 72, 78)], np.float32)


def _cutting_mat(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a self-healing cutting mat: the ink multiplied onto the mat's green 52 / 120 / 96, blue
    44 / 86 / 150 or grey 70 / 72 / 78, 50-62% of the way from the picture; its printed grid, lines every 8-11% of
    the side (at least 3 px), 0.4% of the side wide (at least 0.5 px), every fifth twice as wide, pale 236 / 236 /
    220 at 55%; a ruler's ticks along one edge, every half step, 3% of the side long; 3-6 knife scores (straight
    cuts 25-60% of the side long at any angle, 0.3% of the side wide, at least 0.5 px) 236 / 236 / 220 at 40%: a
    grid on a mat, not AJ's squared-up paper or N's grid mask."""
    h, w = f.shape[:2]
    side = min(h, w)
    mat = MATS[int(rng.integers(len(MATS)))]
    k = rng.uniform(0.5, 0.62)
    out = f * (1 - k) + k * f * mat / 255 + k * 0.2 * mat
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    step = max(3.0, side * rng.uniform(0.08, 0.11))
    ox, oy = rng.uniform(0, step), rng.uniform(0, step)
    minor, major = [], []
    for i, x in enumerate(np.arange(ox, w, step)):
        (major if i % 5 == 2 else minor).append([(float(x), -1.0), (float(x), h + 1.0)])
    for i, y in enumerate(np.arange(oy, h, step)):
        (major if i % 5 == 2 else minor).append([(-1.0, float(y)), (w + 1.0, float(y))])
    lw = max(0.5, 0.004 * side)
    grid = np.maximum(ident.line(minor, lw), ident.line(major, 2 * lw) if major else 0.0)
    tl = 0.03 * side
    ticks = [[(float(x), 0.0), (float(x), tl * (1.6 if i % 2 == 0 else 1.0))]
             for i, x in enumerate(np.arange(ox, w, step / 2))]
    grid = np.maximum(grid, ident.line(ticks, lw))
    cuts = []
    for _ in range(int(rng.integers(3, 7))):
        x, y, L, a = rng.uniform(0, w), rng.uniform(0, h), side * rng.uniform(0.25, 0.6), rng.uniform(0, np.pi)
        cuts.append([(float(x), float(y)), (float(x + L * np.cos(a)), float(y + L * np.sin(a)))])
    out = _paint(out, 0.55 * grid, (236, 236, 220))
    return _u8(_paint(out, 0.4 * ident.line(cuts, max(0.5, 0.003 * side)), (236, 236, 220)))


STONES = np.array([(212, 178, 128), (226, 206, 168), (184, 108, 76)], np.float32)


def _sandstone(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a slab of sandstone: the ink multiplied onto honey 212 / 178 / 128, buff 226 / 206 /
    168 or red 184 / 108 / 76 sandstone, 40-52% of the way from the picture; its bedding, bands across the slab
    within 15 degrees of level, gently wavy (by 3% of the side), of two wavelengths (6-12% and 15-25% of the side)
    18% up and down; 2-4 darker laminae along the bedding, 0.6% of the side wide, at least 0.6 px, 25% darker; a
    fine grain 5% up and down: a sedimentary stone's layers, not AS's terrazzo, AT's parquet or T's wood."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = STONES[int(rng.integers(len(STONES)))]
    k = rng.uniform(0.4, 0.52)
    out = f * (1 - k) + k * f * tone / 255 + k * 0.22 * tone
    a = rng.uniform(-0.26, 0.26)
    v = yy * np.cos(a) - xx * np.sin(a) + 0.03 * side * _field(h, w, 0.2 * side, rng)
    l1, l2 = side * rng.uniform(0.06, 0.12), side * rng.uniform(0.15, 0.25)
    bands = (np.sin(2 * np.pi * v / l1 + rng.uniform(0, 6.3)) + np.sin(2 * np.pi * v / l2 + rng.uniform(0, 6.3))) / 2
    lam = np.zeros((h, w), np.float32)
    for v0 in rng.uniform(0.1, 0.9, int(rng.integers(2, 5))) * h:
        lam = np.maximum(lam, np.clip(1 - np.abs(v - v0) / max(0.3, 0.003 * side), 0, 1))
    mult = 1 + 0.18 * bands - 0.25 * lam + 0.05 * np.clip(rng.normal(0, 1, (h, w)), -2, 2) / 2
    return _u8(out * mult[..., None])


def near_edit_ay(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "tealight":  # an unlit tealight lying on the print
        return _tealight(f, rng)
    if kind == "macaron":  # a macaron lying on the print
        return _macaron(f, rng)
    if kind == "okra":  # an okra pod lying on the print
        return _okra(f, rng)
    if kind == "physalis":  # a physalis in its peeled-back husk lying on the print
        return _physalis(f, rng)
    if kind == "keycap":  # a keyboard's keycap lying on the print
        return _keycap(f, rng)
    if kind == "sandpaper":  # the picture printed on sandpaper
        return _sandpaper(f, rng)
    if kind == "cutting_mat":  # the picture printed on a self-healing cutting mat
        return _cutting_mat(f, rng)
    if kind == "sandstone":  # the picture printed on a slab of sandstone
        return _sandstone(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
WIRES = ((196, 164, 84), (232, 232, 228), (34, 34, 36))


def _birdcage(f: np.ndarray, rng) -> np.ndarray:
    """The picture hung behind a birdcage and photographed through it, the camera focused on the cage's wires: the
    picture out of focus, a Gaussian of 1.5-2.3% of the side, at least 1 px, for 70% of it and one 3 times as wide
    for 20%, the rest the room's dim grey 120 / 116 / 108; the wires in focus in front of it, upright bars every
    8-11% of the side (at least 4 px), 0.6-0.8% of the side wide (at least 0.6 px), converging slightly towards the
    cage's top above the frame, and 1-2 hoops across, twice as wide, brass 196 / 164 / 84, white enamel 232 / 232 /
    228 or black 34 / 34 / 36; as a camera metering on the highlights exposes it: a blurred picture behind sharp
    wires, not O's fence or R's mesh bokeh (a mesh out of focus before a sharp picture)."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    soft = np.stack([0.7 / 0.9 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.2 / 0.9 * gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    out = soft * 0.9 + 0.1 * np.array([120, 116, 108], np.float32)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    step = max(4.0, side * rng.uniform(0.08, 0.11))
    lw = max(0.6, side * rng.uniform(0.006, 0.008))
    cx, top = w * rng.uniform(0.3, 0.7), -h * rng.uniform(0.8, 1.6)
    t = (h + 1.0) / (h + 1.0 - top)
    bars = [[(float(x), h + 1.0), (float(x + (cx - x) * t), -1.0)] for x in np.arange(rng.uniform(0, step), w, step)]
    hoops = [[(-1.0, float(y)), (w + 1.0, float(y))]
             for y in h * np.array([rng.uniform(0.15, 0.35), rng.uniform(0.7, 0.88)])[: int(rng.integers(1, 3))]]
    wire = np.maximum(ident.line(bars, lw), ident.line(hoops, 2 * lw))
    out = _paint(out, wire, _pick(WIRES, rng))
    return _u8(_metered(out, f))


PAPER = np.array([238, 232, 216], np.float32)


def _solvent_transfer(f: np.ndarray, rng) -> np.ndarray:
    """The picture copied by a solvent transfer: a laser print laid face down on watercolour paper, wetted with
    acetone and burnished with a spoon, so the toner comes over mirrored left to right and spreads in the solvent:
    a Gaussian of 1.5-2.3% of the side, at least 1 px, for 65% of it and one 2.5 times as wide for 25%, the rest
    the paper's cream 238 / 232 / 216; the toner multiplied onto the paper, 72-90% of it carried over, patchy (a
    smooth field of 8-14% of the side, 18% up and down) and in the spoon's strokes (parallel bands at any angle,
    3-5% of the side apart, 6% up and down); the paper's tooth 3% up and down; as a camera metering on the
    highlights exposes it: a transfer's spread toner, not AO's emulsion lift, AE's gum print or T's wood
    transfer."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    g = f[:, ::-1]
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    soft = np.stack([0.65 / 0.9 * gaussian_filter(g[..., c], s, mode="reflect") +
                     0.25 / 0.9 * gaussian_filter(g[..., c], 2.5 * s, mode="reflect") for c in range(3)], axis=2)
    soft = soft * 0.9 + 0.1 * PAPER
    t = rng.uniform(0.72, 0.9) * (1 + 0.18 * np.clip(_field(h, w, side * rng.uniform(0.08, 0.14), rng), -2, 2) / 2)
    a = rng.uniform(0, np.pi)
    u = (xx * np.cos(a) + yy * np.sin(a)) / (side * rng.uniform(0.03, 0.05))
    t = np.clip(t * (1 + 0.06 * np.sin(2 * np.pi * u + rng.uniform(0, 6.3))), 0.3, 1.0)[..., None]
    out = PAPER * (1 - t * (1 - soft / 255))
    tooth = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), 0.6)
    out = out * (1 + 0.03 * tooth / max(float(tooth.std()), 1e-6))[..., None]
    return _u8(_metered(out, f))


def blur_ay(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "birdcage":  # behind a birdcage, the camera focused on its wires
        return _birdcage(f, rng)
    if kind == "solvent_transfer":  # copied by an acetone transfer of a laser print
        return _solvent_transfer(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _rect_distance(xx, yy, x0, y0, x1, y1) -> np.ndarray:
    return np.hypot(np.clip(np.maximum(x0 - xx, xx - x1), 0, None), np.clip(np.maximum(y0 - yy, yy - y1), 0, None))


def _checkout_scanner(f: np.ndarray, rng) -> np.ndarray:
    """A shop closed at night lit only by a checkout's flatbed barcode scanner: its window in the counter, 26-34% of
    the side wide and 45-60% of that high, its foot 84-96% down and its middle 30-70% across, in a dark steel frame
    40 / 40 / 44; the window's red glass 110 / 14 / 12 crossed by 3-4 laser lines 255 / 80 / 70 through its middle
    (below 32 px, two); a glow of sigma 3-5% of the side round it up to 40-55 levels; the picture lit red, 1.0 /
    0.2 / 0.16, at a gain of 0.015-0.03 plus 0.3-0.38 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance
    ``d`` from the window, ``d0`` 25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    light = np.array([1.0, 0.2, 0.16], np.float32)
    ww = side * rng.uniform(0.26, 0.34)
    wh = ww * rng.uniform(0.45, 0.6)
    cx, y1 = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.84, 0.96)
    x0, x1, y0 = cx - ww / 2, cx + ww / 2, y1 - wh
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.38) / (1 + (_rect_distance(xx, yy, x0, y0, x1, y1) / d0) ** 2)
    out = _lit(f, gain[..., None] * light, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    e = max(1.0, 0.03 * side)
    out = _paint(out, ident.fill([_rect(x0 - e, y0 - e, x1 + e, y1 + e)]), (40, 40, 44))
    window = ident.fill([_rect(x0, y0, x1, y1)])
    out = _paint(out, window, (110, 14, 12))
    n = int(rng.integers(3, 5)) if side >= 32 else 2
    my = (y0 + y1) / 2
    lines = [[(float(cx - 0.5 * ww * np.cos(b)), float(my - 0.5 * ww * np.sin(b))),
              (float(cx + 0.5 * ww * np.cos(b)), float(my + 0.5 * ww * np.sin(b)))]
             for b in np.linspace(0, np.pi, n, endpoint=False) + rng.uniform(0, np.pi / n)]
    laser = ident.line(lines, max(0.7, 0.008 * side)) * window
    out = out + _glow(window, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(40, 55) * light
    return _u8(_paint(out, laser, (255, 80, 70)))


def _laser_cutter(f: np.ndarray, rng) -> np.ndarray:
    """A workshop at night lit only by a laser cutter at work: the machine's body, dark grey 62 / 60 / 58 in the
    unlit room, across the bottom, 55-75% of the side wide and 24-32% of the height high, its foot 94-100% down and
    its middle 35-65% across; its lid's window of orange acrylic, a trapezoid 80% of the body wide at its foot and
    70% at its top, 60% of its height high, dim amber 120 / 56 / 14 inside; through it the cutting head's gantry, a
    dark bar 50 / 44 / 40 across, and the cutting spot on the bed, a point 1.5% of the side across, at least 1 px,
    glowing 255 / 240 / 220 with a glow of sigma 2-3% of the side up to 60-80 levels; a glow of sigma 3-5% of the
    side round the window up to 25-40 levels; the picture lit amber, 1.0 / 0.6 / 0.25, at a gain of 0.015-0.03 plus
    0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the window, ``d0`` 25-35% of
    the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    light = np.array([1.0, 0.6, 0.25], np.float32)
    bw, bh = side * rng.uniform(0.55, 0.75), h * rng.uniform(0.24, 0.32)
    cx, y1 = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.94, 1.0)
    y0 = y1 - bh
    wy0, wy1 = y0 + 0.15 * bh, y0 + 0.75 * bh
    d0 = side * rng.uniform(0.25, 0.35)
    d = _rect_distance(xx, yy, cx - 0.4 * bw, wy0, cx + 0.4 * bw, wy1)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (d / d0) ** 2)
    out = _lit(f, gain[..., None] * light, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(cx - bw / 2, y0, cx + bw / 2, h + 1.0)]), (62, 60, 58))
    window = ident.fill([[(cx - 0.35 * bw, wy0), (cx + 0.35 * bw, wy0), (cx + 0.4 * bw, wy1), (cx - 0.4 * bw, wy1)]])
    out = out + _glow(window, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(25, 40) * light
    out = _paint(out, window, (120, 56, 14))
    gy = wy0 + rng.uniform(0.3, 0.6) * (wy1 - wy0)
    out = _paint(out, ident.line([[(cx - 0.36 * bw, gy), (cx + 0.36 * bw, gy)]], max(0.7, 0.015 * side)) * window,
                 (50, 44, 40))
    sx = cx + rng.uniform(-0.25, 0.25) * bw
    spot = ident.fill([_circle(max(0.5, 0.0075 * side) + 0.2, 10, sx, gy + max(1.0, 0.02 * side))])
    out = out + _glow(spot, max(0.8, side * rng.uniform(0.02, 0.03)))[..., None] * rng.uniform(60, 80)
    return _u8(_paint(out, spot, (255, 240, 220)))


BARRIER_LIGHTS = {"go": (np.array([0.3, 1.0, 0.5], np.float32), (60, 232, 110)),
                  "stop": (np.array([1.0, 0.25, 0.2], np.float32), (240, 50, 50))}


def _ticket_barrier(f: np.ndarray, rng) -> np.ndarray:
    """A metro station at night lit only by a line of ticket barriers' indicator panels: 2-3 barrier cabinets 40 /
    42 / 48 at the bottom, each 10-14% of the side wide and 28-38% of the height high, their glass paddles between
    them 180 / 200 / 220 at 10%; on each cabinet's top a panel 70% of its width wide, 8% of the side high, black,
    showing a green arrow 60 / 232 / 110 or a red cross 240 / 50 / 50 (at least one of each); a glow of sigma 3-5%
    of the side round each sign up to 40-55 levels; the picture lit by each panel in its colour (green 0.3 / 1.0 /
    0.5, red 1.0 / 0.25 / 0.2) at 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d``
    from the panel, ``d0`` 20-30% of the side, plus 0.015-0.03 of both lights' mean; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = int(rng.integers(2, 4))
    cw = side * rng.uniform(0.1, 0.14)
    gap = (w - n * cw) / (n + 1)
    kinds = ["go", "stop"] + [("go", "stop")[int(rng.integers(2))] for _ in range(n - 2)]
    kinds = [kinds[int(i)] for i in rng.permutation(n)]
    d0 = side * rng.uniform(0.2, 0.3)
    base = rng.uniform(0.015, 0.03)
    gain = np.ones((h, w, 3), np.float32) * base * np.array([0.65, 0.62, 0.35], np.float32)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    cabs, panels, signs = [], [], []
    for i, kind in enumerate(kinds):
        x0 = gap + i * (cw + gap) + rng.uniform(-0.2, 0.2) * gap
        ch = h * rng.uniform(0.28, 0.38)
        y0 = h - ch
        px0, px1, py0, py1 = x0 + 0.15 * cw, x0 + 0.85 * cw, y0 - 0.08 * side, y0
        cabs.append(_rect(x0, y0, x0 + cw, h + 1.0))
        panels.append(_rect(px0, py0, px1, py1))
        mx, my, r = (px0 + px1) / 2, (py0 + py1) / 2, 0.32 * (py1 - py0) + 0.3
        if kind == "go":
            sign = ident.fill([[(mx - 1.4 * r, my - 0.4 * r), (mx, my - 0.4 * r), (mx, my - r), (mx + 1.4 * r, my),
                                (mx, my + r), (mx, my + 0.4 * r), (mx - 1.4 * r, my + 0.4 * r)]])
        else:
            sign = ident.line([[(mx - r, my - r), (mx + r, my + r)], [(mx - r, my + r), (mx + r, my - r)]],
                              max(0.6, 0.4 * r))
        light, col = BARRIER_LIGHTS[kind]
        d = np.hypot(xx - mx, yy - my)
        gain = gain + (rng.uniform(0.26, 0.34) / (1 + (d / d0) ** 2))[..., None] * light
        signs.append((sign, light, col))
    out = _lit(f, gain, rng)
    paddles = [_rect(gap + i * (cw + gap) + cw, h * 0.7, gap + (i + 1) * (cw + gap), h * 0.84) for i in range(n - 1)]
    if paddles:
        out = _paint(out, 0.1 * ident.fill(paddles), (180, 200, 220))
    out = _paint(_paint(out, ident.fill(cabs), (40, 42, 48)), ident.fill(panels), (8, 8, 10))
    for sign, light, col in signs:
        out = out + _glow(sign, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(40, 55) * light
        out = _paint(out, sign, col)
    return _u8(out)


def dark_ay(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "checkout_scanner":  # a closed shop lit only by a checkout's barcode scanner
        return _checkout_scanner(f, rng)
    if kind == "laser_cutter":  # a workshop lit only by a laser cutter at work
        return _laser_cutter(f, rng)
    if kind == "ticket_barrier":  # a metro station lit only by ticket barriers' indicator panels
        return _ticket_barrier(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _bouncy_castle(size: int, rng) -> dict:
    """A bouncy castle on a lawn: grass from 72-82% of the way down; an inflatable castle 60-75% of the side wide,
    40-60% across: a puffy floor (a rounded box 14% of the side high) on the grass, a back wall 30% high above it
    with 4-6 round merlons, two corner towers (rounded columns 12% of its width wide, 50% of the side high) with
    domes on top, stripes down the wall, a dark arched opening in the middle (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("grass", "floor", "wall", "towers", "domes", "stripes", "door"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.72, 0.82)
    d["grass"].rectangle((0, gl, big, big), fill=255)
    W = big * rng.uniform(0.6, 0.75)
    cx = min(max(big * rng.uniform(0.4, 0.6), W / 2 + 0.05 * big), big - W / 2 - 0.05 * big)
    x0, x1 = cx - W / 2, cx + W / 2
    d["floor"].rounded_rectangle((x0, gl - 0.14 * big, x1, gl + 0.03 * big), radius=0.05 * big, fill=255)
    wt = gl - 0.44 * big
    d["wall"].rounded_rectangle((x0 + 0.08 * W, wt, x1 - 0.08 * W, gl - 0.1 * big), radius=0.03 * big, fill=255)
    n = int(rng.integers(4, 7))
    for x in np.linspace(x0 + 0.18 * W, x1 - 0.18 * W, n):
        d["wall"].ellipse((x - 0.04 * big, wt - 0.05 * big, x + 0.04 * big, wt + 0.03 * big), fill=255)
    tw = 0.12 * W
    for tx in (x0, x1 - tw):
        d["towers"].rounded_rectangle((tx, gl - 0.5 * big, tx + tw, gl - 0.02 * big), radius=0.4 * tw, fill=255)
        d["domes"].ellipse((tx - 0.1 * tw, gl - 0.58 * big, tx + 1.1 * tw, gl - 0.46 * big), fill=255)
    for x in np.arange(x0 + 0.14 * W, x1 - 0.14 * W, 0.1 * W):
        d["stripes"].rectangle((x, wt, x + 0.045 * W, gl - 0.1 * big), fill=255)
    d["door"].rounded_rectangle((cx - 0.1 * W, gl - 0.3 * big, cx + 0.1 * W, gl - 0.12 * big), radius=0.08 * W,
                                fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["stripes"] = out["stripes"] * out["wall"] * (1 - out["door"])
    return out


def _biplane(size: int, rng) -> dict:
    """A biplane flying across the sky, seen from the side: 2-3 clouds (clusters of 4-6 round puffs); a fuselage
    55-70% of the side long, deep at the nose and tapering to the tail, its middle 40-60% across and down; an upper
    and a lower wing (bars 28% of its length long, seen edge on) with two struts between them; a tail fin and
    tailplane; a spinning propeller's disc (a thin tall oval) at the nose; a pilot's head behind the upper wing;
    a landing gear of two legs and a wheel (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("clouds", "body", "wings", "struts", "prop", "wheels", "pilot"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    for _ in range(int(rng.integers(2, 4))):
        cx, cy = big * rng.uniform(0.1, 0.9), big * (rng.uniform(0.05, 0.25) if rng.random() < 0.6
                                                     else rng.uniform(0.78, 0.92))
        for _ in range(int(rng.integers(4, 7))):
            x, y, r = cx + big * rng.uniform(-0.1, 0.1), cy + big * rng.uniform(-0.03, 0.03), big * rng.uniform(0.04,
                                                                                                                0.07)
            d["clouds"].ellipse((x - 1.4 * r, y - r, x + 1.4 * r, y + r), fill=255)
    L = big * rng.uniform(0.55, 0.7)
    cx, cy = big * rng.uniform(0.4, 0.6), big * rng.uniform(0.42, 0.58)
    s = 1 if rng.random() < 0.5 else -1
    nose, tail = cx + s * L / 2, cx - s * L / 2
    d["body"].polygon([(nose, cy - 0.07 * L), (nose - s * 0.3 * L, cy - 0.08 * L), (tail, cy - 0.03 * L),
                       (tail, cy + 0.01 * L), (nose - s * 0.3 * L, cy + 0.08 * L), (nose, cy + 0.06 * L)], fill=255)
    d["body"].polygon([(tail, cy - 0.03 * L), (tail + s * 0.02 * L, cy - 0.2 * L), (tail + s * 0.12 * L,
                                                                                     cy - 0.03 * L)], fill=255)
    d["wings"].rectangle((min(tail, tail + s * 0.14 * L), cy - 0.01 * L, max(tail, tail + s * 0.14 * L),
                          cy + 0.015 * L), fill=255)
    wx0, wx1 = sorted((nose - s * 0.1 * L, nose - s * 0.38 * L))
    for wy in (cy - 0.2 * L, cy + 0.09 * L):
        d["wings"].rounded_rectangle((wx0, wy - 0.02 * L, wx1, wy + 0.02 * L), radius=0.015 * L, fill=255)
    lw = max(2, round(0.012 * L))
    for x in (wx0 + 0.2 * (wx1 - wx0), wx0 + 0.8 * (wx1 - wx0)):
        d["struts"].line([(x, cy - 0.19 * L), (x, cy + 0.08 * L)], fill=255, width=lw)
    d["prop"].ellipse((nose + s * 0.005 * L - 0.012 * L, cy - 0.2 * L, nose + s * 0.005 * L + 0.012 * L,
                       cy + 0.18 * L), fill=255)
    px = nose - s * 0.46 * L
    d["pilot"].ellipse((px - 0.035 * L, cy - 0.15 * L, px + 0.035 * L, cy - 0.08 * L), fill=255)
    gx = nose - s * 0.22 * L
    d["struts"].line([(gx - s * 0.04 * L, cy + 0.06 * L), (gx, cy + 0.2 * L)], fill=255, width=lw)
    d["struts"].line([(gx + s * 0.05 * L, cy + 0.06 * L), (gx, cy + 0.2 * L)], fill=255, width=lw)
    d["wheels"].ellipse((gx - 0.05 * L, cy + 0.16 * L, gx + 0.05 * L, cy + 0.26 * L), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _rooster(size: int, rng) -> dict:
    """A rooster standing on a farmyard fence: grass from 80-88% of the way down; a wooden fence across the whole
    width (a top rail 60-68% down, a lower rail, posts every 25-35% of the side); on the top rail a rooster 30-70%
    across: a round body 26% of the side long, a curving tail of 4-6 thick arcs rising behind, a neck up to a small
    head with a comb of three lobes, a wattle and a beak, two legs down to the rail (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("grass", "fence", "body", "tail", "neck", "comb", "beak"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.8, 0.88)
    d["grass"].rectangle((0, gl, big, big), fill=255)
    ry = big * rng.uniform(0.6, 0.68)
    d["fence"].rectangle((0, ry, big, ry + 0.035 * big), fill=255)
    d["fence"].rectangle((0, ry + 0.13 * big, big, ry + 0.16 * big), fill=255)
    x = big * rng.uniform(0.02, 0.15)
    while x < big:
        d["fence"].rectangle((x, ry - 0.03 * big, x + 0.045 * big, big), fill=255)
        x += big * rng.uniform(0.25, 0.35)
    cx = big * rng.uniform(0.3, 0.7)
    s = 1 if rng.random() < 0.5 else -1
    lw = max(2, round(0.012 * big))
    by = ry - 0.16 * big
    for lx in (-0.03, 0.03):
        d["beak"].line([(cx + lx * big, by + 0.06 * big), (cx + lx * big, ry)], fill=255, width=lw)
    d["body"].ellipse((cx - 0.13 * big, by - 0.08 * big, cx + 0.13 * big, by + 0.09 * big), fill=255)
    tw = max(3, round(0.03 * big))
    for i in range(int(rng.integers(4, 7))):
        r = big * (0.1 + 0.025 * i)
        tx = cx - s * 0.1 * big
        box = (tx - r, by - 0.12 * big - r, tx + r, by - 0.12 * big + r)
        d["tail"].arc(box, 90 if s > 0 else -30, 210 if s > 0 else 90, fill=255, width=tw)
    hx, hy = cx + s * 0.14 * big, by - 0.17 * big
    d["neck"].polygon([(cx + s * 0.04 * big, by - 0.04 * big), (hx - s * 0.03 * big, hy),
                       (hx + s * 0.04 * big, hy + 0.02 * big), (cx + s * 0.14 * big, by + 0.02 * big)], fill=255)
    d["neck"].ellipse((hx - 0.045 * big, hy - 0.04 * big, hx + 0.045 * big, hy + 0.045 * big), fill=255)
    for i in range(3):
        ox = hx + s * (-0.03 + 0.025 * i) * big
        d["comb"].ellipse((ox - 0.02 * big, hy - 0.075 * big, ox + 0.02 * big, hy - 0.025 * big), fill=255)
    d["comb"].ellipse((hx + s * 0.02 * big - 0.015 * big, hy + 0.03 * big, hx + s * 0.02 * big + 0.015 * big,
                       hy + 0.08 * big), fill=255)
    d["beak"].polygon([(hx + s * 0.04 * big, hy - 0.01 * big), (hx + s * 0.09 * big, hy + 0.01 * big),
                       (hx + s * 0.04 * big, hy + 0.025 * big)], fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["tail"] = out["tail"] * (1 - out["body"])
    return out


def outlier_ay(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "bouncy_castle":
        m = _bouncy_castle(size, rng)
        if photos:  # a blue sky, green grass, a blue floor and towers, a red wall with yellow stripes and domes
            out = _paint(_paint(ground((150, 200, 240)), m["grass"], (90, 160, 64)), m["wall"], (220, 40, 40))
            out = _paint(_paint(out, m["stripes"], (250, 210, 40)), m["floor"], (40, 90, 200))
            out = _paint(_paint(out, m["towers"], (40, 90, 200)), m["domes"], (250, 210, 40))
            return _u8(_paint(out, m["door"], (30, 30, 60)))
        out = _paint(_paint(ground(tone(0.0)), m["grass"], tone(0.2)), m["wall"], tone(0.6))
        out = _paint(_paint(out, m["stripes"], tone(0.9)), m["floor"], tone(0.75))
        out = _paint(_paint(out, m["towers"], tone(0.8)), m["domes"], tone(1.0))
        return _u8(_paint(out, m["door"], tone(0.05)))
    if kind == "biplane":
        m = _biplane(size, rng)
        body = ((200, 40, 36), (240, 200, 40))[int(rng.integers(2))]
        if photos:  # a blue sky, white clouds, a red or yellow plane with cream wings, dark struts and wheels
            out = _paint(ground((120, 176, 230)), m["clouds"], (244, 246, 250))
            out = _paint(_paint(out, m["struts"], (60, 50, 40)), m["wheels"], (26, 26, 28))
            out = _paint(_paint(out, m["body"], body), m["wings"], (236, 226, 196))
            return _u8(_paint(_paint(out, m["pilot"], (90, 60, 40)), 0.5 * m["prop"], (200, 200, 204)))
        out = _paint(ground(tone(0.0)), m["clouds"], tone(0.3))
        out = _paint(_paint(out, m["struts"], tone(0.6)), m["wheels"], tone(0.5))
        out = _paint(_paint(out, m["body"], tone(1.0)), m["wings"], tone(0.8))
        return _u8(_paint(_paint(out, m["pilot"], tone(0.4)), 0.5 * m["prop"], tone(0.7)))
    if kind == "rooster":
        m = _rooster(size, rng)
        if photos:  # a pale sky, green grass, a brown fence, a rust-red rooster with a dark tail and red comb
            out = _paint(_paint(ground((196, 220, 240)), m["grass"], (100, 170, 70)), m["fence"], (150, 110, 70))
            out = _paint(_paint(out, m["tail"], (20, 50, 40)), m["body"], (170, 70, 30))
            out = _paint(_paint(out, m["neck"], (220, 140, 50)), m["comb"], (220, 30, 30))
            return _u8(_paint(out, m["beak"], (240, 190, 60)))
        out = _paint(_paint(ground(tone(0.0)), m["grass"], tone(0.2)), m["fence"], tone(0.45))
        out = _paint(_paint(out, m["tail"], tone(0.7)), m["body"], tone(0.9))
        out = _paint(_paint(out, m["neck"], tone(1.0)), m["comb"], tone(0.6))
        return _u8(_paint(out, m["beak"], tone(0.8)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def memory_card_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                      rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the set was photographed in shoots, each of one class's
    items, on the studio's memory cards, and each card's pictures were filed under the class of the shoot being
    imported. A card sometimes went on to its next shoot before the last one's pictures were imported; at the next
    import every picture on it was filed under the new shoot's class. Each class's eligible items (in a random
    order) are shot in runs of ``SHOOT_ITEMS``; the shoots, in a random order, each take one of ``CARDS`` cards
    (drawn per set) at random; each shoot whose card's next shoot is of another class was missed with chance
    ``MISSED``, its items then flipping to that class, shoots taken in a random order until ``count`` items are
    flipped (the last one's card full part-way through: a random part of its items flip). Noise in blocks of one
    class's arbitrary sub-group, directed at the class a card happened to go to next: not AX's recycled codes, AU's
    totes, AQ's time slots or T's file names. Every flip changes the label."""
    names = sorted(classes, key=str)
    index = {c: j for j, c in enumerate(names)}
    pool = np.asarray(sorted(int(v) for v in candidates), dtype=int)
    shoots: list[tuple[int, list[int]]] = []
    for j in range(len(names)):
        items = [int(i) for i in rng.permutation(pool[[index[labels[int(i)]] == j for i in pool]])] if len(pool) else []
        at = 0
        while at < len(items):
            n = int(rng.integers(*SHOOT_ITEMS))
            shoots.append((j, items[at: at + n]))
            at += n
    order = rng.permutation(len(shoots))
    cards = rng.integers(int(rng.integers(*CARDS)), size=len(shoots))
    nxt: dict[int, int] = {}
    last: dict[int, int] = {}
    for t in order[::-1]:
        c = int(cards[int(t)])
        if c in last:
            nxt[int(t)] = last[c]
        last[c] = int(t)
    flips: dict[int, object] = {}
    for t in rng.permutation(len(shoots)):
        if len(flips) >= count:
            break
        t = int(t)
        if t not in nxt or rng.random() >= MISSED:
            continue
        j, items = shoots[t]
        new = shoots[nxt[t]][0]
        if new == j:
            continue
        for i in rng.permutation(np.asarray(items, dtype=int))[: count - len(flips)]:
            flips[int(i)] = names[new]
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_ay(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AY's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 51-73 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AY, seed=510_000 + random_state,
        quality_seed=515_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=memory_card_flips,
        **by_family(name, outlier=(outlier_ay, OUTLIERS_AY), blur=(blur_ay, BLURS_AY), dark=(dark_ay, DARKS_AY),
                    near=(near_edit_ay, NEAR_EDITS_AY)))
