"""Generator BD: fresh EVALUATION sets after generator BC's run (never used to choose anything).

Why a fifty-fourth evaluation generator: generator BC's sets were written before its run and have been run once since
(``dev_sweep``: BC's four sets run once, now development sets), so a held-out set for the code after that run is
written now, before any tool is run on it. The commit subjects since BC's generator commit (79ab362) name these
changes: ``dark``'s coloured light's dimmer coloured body joined to its lit core set aside with it
(``data/_stats.py``: ``apart_from_edge_lights``; image_stats version 4; BB's karaoke screen); generator BC's four sets
run once and made development sets; and generator BC's one run written up (docs, b88ed7a, committed while BD was
being written, after its families were chosen: only its subject was seen, and nothing in BD was chosen or changed
from it). BD's writer read no docs, logs, result files or commit bodies (only the commit subjects, the library's code
and the earlier generators' and tuning tools' files, to copy their structure and to avoid their families), and
nothing in BD was chosen from any result. Like AN's to BC's, BD's edits are not all brightly coloured: some are grey,
dark, brown or translucent. Generator BD was written before any tool was run on it (only its pictures were looked
at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 73 and 329 px, to check that every
edit is visible, every blur blurred, every darkened image dark with its picture still in it and every outlier
foreign, and the planted folders hashed twice); it is not to be changed after its results are seen. Its edits,
blurs, darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens
blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft
photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K,
L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS,
AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Like AC's to BC's it has two blur families, not three. Tiles of
336 px gave 56 (334 px 55, 330-333 px 54), so the large set is at 329 px (59 tiles), the nearest size below
336 that no other set uses and that gives enough. Left out because an earlier generator made them or
left them out: among objects on the print a sugar cube, a wrapped sweet, candy corn, a liquorice allsort or a
macaron (AP's, W's, BB's, AY's and their lists: BD's marshmallow is a squat dusted cylinder with its cut face), a
walnut, a hazelnut, a cashew, a nutmeg, an almond or a pistachio (their lists, AS's, AR's, BC's: BD's pecan is a
shelled half with its middle groove and ridged lobes), a raspberry, cherries, blueberries, a lychee, pomegranate
arils or a strawberry (their lists, AW's, AT's, AV's: BD's blackberry is a cluster of dark glinting drupelets with a
green calyx), a hinge, a bulldog clip, a collar stay, a key fob or a dog tag (AO's, AW's, AR's, AX's, AZ's: BD's
buckle is a belt buckle's frame, cross bar and prong), a safety pin, a paper clip, a cotter pin, a crochet hook or a
fishing reel or sinker (their lists, N's, AR's, AL's, AI's, BB's: BD's hook is a barbed J with its eye and line); of
the whole picture a woven check, gingham, hessian, tatami, a coir mat or corduroy (AO's, AQ's, AT's, AZ's, BA's,
AR's: BD's cane webbing is an open weave of split rattan with octagonal holes), roughcast, terrazzo, concrete or
sandstone (AR's, AS's, AX's, AY's: BD's Artex is combed plaster fans lit by a raking light), leopard print, denim,
leather or camouflage (BC's, T's list, AX's, AO's: BD's damask is a tone-on-tone woven motif with its two weaves);
among blurs a fingerprint, a steamed or frosted glass, sunscreen, hairspray, a sneeze screen, limescale or a dirty
aquarium's glass (their lists, BC's, BB's, AZ's, K's list: BD's tar film is a smoker's room's yellow-brown film on a
frame's glass, thicker at the top), alabaster, mica, glass bricks, fused or stippled glass, fog, smoke or steam (AU's,
AV's, AW's, AG's, AU's, AT's list: BD's aerogel is a scattering solid that yellows what passes and glows sky blue);
among darkenings an oil lamp, a hurricane lamp, a lantern, a camping light or a gas flame (AI's, their lists, AS's:
BD's pressure lamp hangs with its glowing mantle in a globe under a hood), a kiln, a crucible, a sunbed, a curing
light or a light box (their lists, BB's, AT's, AU's, AF's: BD's resin printer is an amber acrylic hood lit from its
vat), a screen, a karaoke screen, a light-up keyboard or a speaker's light ring (their lists, BB's, W's, AE's: BD's
face mask is a red LED therapy mask lying face up); among foreign pictures an elephant, a bison, a moose, llamas, a
camel or a kangaroo (AC's, BB's, BC's, BA's, AD's, AU's: BD's rhinoceros stands on a savannah by an acacia with its
two horns), a whale, a dolphin, a crab or an octopus (their lists, BC's, W's: BD's manta ray glides over sand with
its cephalic fins), a food truck, a forklift, a combine harvester, a snowmobile or a caravan (AZ's, BA's, AT's, AX's:
BD's cement mixer is a truck with a striped, tilted drum by a half-built wall); among label noise every mechanism BC
named and BC's swapped stock-code digits (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions,
clocks, a returns desk's prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing
bench's label rolls, a mistranslated list, an empty cartridge, transposed sheets, swapped digits, a spreadsheet's
fill-down, collided file names, names completed as typed).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 329 px
  set's copies get both kinds): a marshmallow on the print (a squat cylinder 15-20% of the side long, at least 6 px,
  80-95% as wide, white 246 / 242 / 236, pink 238 / 184 / 202 or toasted 196 / 146 / 94, of the three the two whose
  grey is furthest from the picture's median grey, as for each object's colour below, its cut face lighter, its far
  side 18% darker, a dusting of cornflour at 30%; 30-70% of the way across and down, at any angle, a soft shadow at
  35%), a pecan half (18-23% of the side long, at least 7 px, 50-60% as wide, brown 150 / 92 / 52, dark 100 / 58 / 32
  or pale 198 / 152 / 106, a groove 45% darker, 4-6 ridges across each lobe 28% darker at 80%, an oily sheen at 30%; a
  shadow at 40%), a blackberry (13-17% of the side long, at least 6 px, drupelets 12% of its length across, black-
  purple 40 / 24 / 48, unripe red 156 / 36 / 54 or bloom-dusted purple 96 / 70 / 120, the gaps 30% darker, from 32 px
  a glint on each at 55%, a green calyx and stalk; a shadow at 35%), a belt buckle (a frame 22-28% of the side wide,
  at least 8 px, 70-80% as high, its bar 13% of its width, at least 1 px, brass 198 / 162 / 80, nickel 176 / 178 / 186
  or black 40 / 40 / 44, a cross bar and a prong, a sheen at 40%; a shadow at 35%) and a fishing hook (a J 26-34% of
  the side long, at least 9 px, its wire 6% of that, at least 1 px, steel 172 / 174 / 182, bronze 150 / 110 / 60
  or black 30 / 30 / 34, an eye, a barb, 30-50% of the side of clear nylon line at 50%; a shadow at 35%); of the
  whole picture: the picture printed on a cane webbing (the ink multiplied onto straw, honey or tan cane, 42-55% of
  the way, octagonal holes on a grid 10-14% of the side apart, at least 5 px, 60% of it across, the dark floor 40 /
  32 / 26 showing through them at 55-70%), on an Artex ceiling (the ink multiplied onto a plaster white, 38-50% of the
  way, overlapping combed fans 11-15% of the side apart, at least 9 px, their ridges 1.6-2.4% of the side apart, at
  least 3 px, up to 45% lighter and darker in a raking light) and on a damask tablecloth (the ink multiplied onto white,
  oatmeal, burgundy or slate, 42-55% of the way, a medallion motif every 30-42% of the side, at least 10 px, its satin
  26% lighter and the ground 14% darker, the two weaves 4% up and down);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture behind a picture frame's glass filmed with tobacco tar in a room smoked in for years
  (a Gaussian of 1.6-2.4% of the side, at least 1 px, and one 3.5 times as wide for 12-37% of the picture, a veil of
  the tar's yellow-brown for 5-14%, as the film is thinner or thicker, thicker towards the top; blue 22-32% and
  green 4-8% down) and the picture through a slab of silica aerogel (a Gaussian of 1.5-2.3% of the side, at least 1
  px, and one 4 times as wide for 15-30%, as the slab is thinner or thicker; blue 14-20% and green 5-8% down, a sky-
  blue veil of scattered light at 8-14%); each as a camera metering on the highlights exposes it (as Y's to BC's);
* ``dark`` (2%): a shed at night lit only by a paraffin pressure lamp (its mantle a white oval of radius 2-3% of the
  side, at least 1 px, 25-75% across and 22-42% down, a faint glass globe, a dark hood and handle up to the top, a
  glow of sigma 5-8% of the side up to 55-75 levels; the picture lit warm white at 0.26-0.34 falling off as
  ``1 / (1 + (d / d0) ** 2)`` with the distance from the mantle, ``d0`` 25-35% of the side, over 0.015-0.03), a
  workshop at night lit only by a resin 3D printer at work (an amber acrylic hood 26-34% of the side wide at the left
  or right, glowing 255 / 150 / 40 at 55-75%, its lit vat brighter, a build plate's silhouette, a dark base with a
  blue-white screen, a glow of sigma 6-9% up to 30-45 levels; the picture lit amber at 0.26-0.34 falling off as
  above from the vat, ``d0`` 28-38% of the side, over 0.015-0.03) and a bedroom at night lit only by a red-light
  therapy LED face mask lying face up (an oval 20-26% of the side wide, its eye holes and mouth dark, a grid of red
  LEDs, a glow of sigma 5-8% up to 40-55 levels; the picture lit red at 0.26-0.34 falling off as above, ``d0`` 25-35%
  of the side, over 0.015-0.03); none of them blurs the picture;
* ``outlier`` (1.5%): a rhinoceros on a savannah (dry grass, a flat-topped acacia, a massive body, four thick legs, a
  low head with two horns, an ear, an eye, a tail), a manta ray gliding over a sandy seabed (shafts of sunlight, a
  diamond of swept wings, cephalic fins, pale shoulder patches, a thin tail, bubbles) and a cement mixer truck on a
  building site (the ground, a half-built wall, a cab with a window, a chassis, three wheels, a tilted drum with two
  spiral stripes, a chute); the digit and clothing sets get them in their own tones on their dark ground, the
  photographs as a grey rhinoceros with pale horns on golden grass, a black manta with white patches in deep blue
  water and a yellow-cabbed truck with an orange, white-striped drum by a red brick wall;
* ``label`` (5%): *stale crate slip* flips: the items reached the photo bench in reusable crates of 6-20 items of one
  class (``CRATE_ITEMS``), each named on a slip card in a holder on its side, and the bench labelled every item from
  its crate's slip; the depot refilled emptied crates without always changing the slip, so a crate refilled with
  another class kept its previous load's slip with a chance of 20-40% (``STALE``). Each class's eligible items were
  packed into crates, the crates went through the depot in a random order, each crate's previous load the class of
  the crate before it; the flips are the items of the crates whose slip was stale, each given its crate's previous
  load's class (passes with fresh crates, another week's deliveries, while some are left). Noise confined to whole
  crates and to the class before in the depot's order, not by look: not BC's swapped digits, BB's colour key, AZ's
  label rolls, AY's memory cards, AU's tote cross-reads or AT's shelf scans. Every flip changes the label, so every one
  is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
BD's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
349), MNIST (2,000, seed 350), and the evaluation photographs tiled at 73 px (24 tiles a photograph at most, seed
351) and at 329 px (every tile, seed 352), sizes no other set uses. ``photos73_bd_jpeg`` is written as JPEG files,
each at a quality drawn from 46-68 (a stream of its own, seed ``565_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``560_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to BC).
"""


from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field, _rounded
from _heldout_bc import _contrasting
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

EVALUATION_BD = ("fashion_test_bd", "mnist_bd", "photos73_bd_jpeg", "photos329_bd")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BD = {
    "fashion_test_bd": ("fashion_test", 349),
    "mnist_bd": ("mnist", 350),
    "photos73_bd_jpeg": ("photos", 351, 73, 8, 24),
    "photos329_bd": ("photos", 352, 329, 8, 1000),
}
JPEG_QUALITY = (46, 69)  # the JPEG set's qualities: integers in [low, high)
RATES_BD = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BD = ("marshmallow", "cane_webbing", "pecan", "artex", "blackberry", "damask", "buckle", "fish_hook")
BLURS_BD = ("nicotine_glass", "aerogel")
DARKS_BD = ("pressure_lamp", "resin_printer", "led_face_mask")
OUTLIERS_BD = ("rhinoceros", "manta_ray", "cement_mixer")
CRATE_ITEMS = (6, 21)  # items of one class in a reusable crate: integers in [low, high) (label noise)
STALE = (0.2, 0.4)  # the chance that a refilled crate kept its previous load's slip, per pass (label noise)


def load_base_bd(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BD, "BD")


# -- near copies -----------------------------------------------------------------------------
MALLOWS = ((246, 242, 236), (238, 184, 202), (196, 146, 94))


def _marshmallow(f: np.ndarray, rng) -> np.ndarray:
    """A marshmallow lying on its side on the print: a squat cylinder seen from above, 15-20% of the side long, at
    least 6 px, 80-95% as wide, white 246 / 242 / 236, pink 238 / 184 / 202 or toasted 196 / 146 / 94 (of the three
    the two whose grey is furthest from the picture's median grey, one at random, as for the pecan, the
    blackberry, the buckle and the hook), its corners rounded (25% of its width), its round cut face at one end 8%
    lighter plus 10 levels, its far side (the outer 30% of its width) 18% darker; a dusting of cornflour, white at
    30%, along its top; at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(6.0, side * rng.uniform(0.15, 0.2))
    wd = L * rng.uniform(0.8, 0.95)
    col = _contrasting(MALLOWS, f, rng)
    fr = _frame_at(h, w, rng)
    body = fr.fill([_rounded(L, wd, 0.25 * wd)])
    far = fr.fill([_rect(-L, 0.2 * wd, L, wd)]) * body
    face = fr.fill([_ellipse(0.5 * L - 0.12 * wd, 0.0, 0.12 * wd + 0.3, 0.46 * wd, 0.0, 20)]) * body
    dust = fr.fill([_ellipse(-0.05 * L, -0.18 * wd, 0.36 * L, 0.12 * wd + 0.3, 0.0, 16)]) * body
    parts = [(body, col, 1.0, True), (far, col * 0.82, 1.0, False),
             (face, np.minimum(col * 1.08 + 10, 255), 1.0, False), (dust, (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.35))


PECANS = ((150, 92, 52), (100, 58, 32), (198, 152, 106))


def _pecan(f: np.ndarray, rng) -> np.ndarray:
    """A pecan half (the shelled kernel) on the print, its ridged side up: an oval 18-23% of the side long, at least
    7 px, 50-60% as wide, brown 150 / 92 / 52, dark 100 / 58 / 32 or pale 198 / 152 / 106; a groove down its
    middle 45% darker (6% of its length wide, at least 0.5 px); 4-6 wavy ridges across each lobe 28% darker at 80%
    (3.5% of its length wide, at least 0.5 px); an oily sheen 250 / 236 / 220 at 30%; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(7.0, side * rng.uniform(0.18, 0.23))
    q = rng.uniform(0.5, 0.6)
    col = _contrasting(PECANS, f, rng)
    fr = _frame_at(h, w, rng)
    body = fr.fill([_ellipse(0.0, 0.0, L / 2, q * L / 2, 0.0, 28)])
    ridges = []
    for s in (1, -1):
        for x in np.linspace(-0.36, 0.36, int(rng.integers(4, 7))):
            ridges.append([(x * L, s * 0.05 * L), ((x + 0.03) * L, s * 0.2 * q * L), (x * L, s * 0.42 * q * L)])
    parts = [(body, col, 1.0, True),
             (fr.line(ridges, max(0.5, 0.035 * L)) * body, col * 0.72, 0.8, False),
             (fr.line([[(-0.46 * L, 0.0), (0.46 * L, 0.0)]], max(0.5, 0.06 * L)) * body, col * 0.55, 1.0, False),
             (fr.fill([_ellipse(-0.08 * L, -0.16 * q * L, 0.26 * L, 0.05 * L + 0.2, 0.0, 14)]) * body,
              (250, 236, 220), 0.3, False)]
    return _u8(_laid(f, parts, 0.4))


BERRIES = ((40, 24, 48), (156, 36, 54), (96, 70, 120))


def _blackberry(f: np.ndarray, rng) -> np.ndarray:
    """A blackberry on the print: an oval 13-17% of the side long, at least 6 px, 84% as wide, of drupelets on a
    staggered grid 20% of its length apart, each a disc 12% of its length across (at least 0.5 px), ripe black-purple
    40 / 24 / 48, unripe red 156 / 36 / 54 or a dull bloom-dusted purple 96 / 70 / 120, the gaps between them 30%
    darker; a white glint on each at 55% (from 32 px); a green calyx (five sepals 70 / 110 / 50) and a stalk at its
    top end; at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(6.0, side * rng.uniform(0.13, 0.17))
    col = _contrasting(BERRIES, f, rng)
    fr = _frame_at(h, w, rng)
    oval = _ellipse(0.0, 0.0, L / 2, 0.42 * L, 0.0, 28)
    body = fr.fill([oval])
    r = max(0.5, 0.12 * L)
    drupes, glints = [], []
    for j, y in enumerate(np.arange(-0.4, 0.41, 0.17)):
        for x in np.arange(-0.45 + 0.1 * (j % 2), 0.46, 0.2):
            if (x / 0.5) ** 2 + (y / 0.42) ** 2 <= 0.9:
                drupes.append(_circle(r, 10, x * L, y * L))
                glints.append(_circle(max(0.3, 0.035 * L), 8, x * L - 0.35 * r, y * L - 0.35 * r))
    green = (70, 110, 50)
    sepals = [[(0.46 * L, 0.0), (0.46 * L + 0.2 * L * np.cos(a), 0.2 * L * np.sin(a)),
               (0.46 * L + 0.12 * L * np.cos(a + 0.4), 0.12 * L * np.sin(a + 0.4))]
              for a in np.linspace(-1.3, 1.3, 5)]
    parts = [(body, col * 0.7, 1.0, True), (fr.fill(drupes) * body, col, 1.0, False),
             (fr.fill(sepals), green, 1.0, True),
             (fr.line([[(0.5 * L, 0.0), (0.8 * L, 0.06 * L)]], max(0.5, 0.05 * L)), green, 1.0, True)]
    if side >= 32:
        parts.append((fr.fill(glints) * body, (255, 255, 255), 0.55, False))
    return _u8(_laid(f, parts, 0.35))


METALS = ((198, 162, 80), (176, 178, 186), (40, 40, 44))


def _buckle(f: np.ndarray, rng) -> np.ndarray:
    """A belt buckle come off its belt, lying on the print: a frame 22-28% of the side wide, at least 8 px, 70-80% as
    high, its corners rounded, its bar 13% of its width thick (at least 1 px), brass 198 / 162 / 80, nickel 176 /
    178 / 186 or black 40 / 40 / 44; a cross bar 35% of the way along, 80% as thick, 15% darker; a prong from the
    cross bar over the frame's far side, 60% as thick, 10% lighter; a sheen along the frame's top, white at 40%; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(8.0, side * rng.uniform(0.22, 0.28))
    H = W * rng.uniform(0.7, 0.8)
    t = max(1.0, 0.13 * W)
    col = _contrasting(METALS, f, rng)
    fr = _frame_at(h, w, rng)
    frame = fr.fill([_rounded(W, H, 0.2 * H)], holes=[_rounded(W - 2 * t, H - 2 * t, 0.1 * H)])
    xb = -0.15 * W
    parts = [(frame, col, 1.0, True),
             (fr.line([[(xb, -H / 2 + 0.5 * t), (xb, H / 2 - 0.5 * t)]], 0.8 * t), col * 0.85, 1.0, True),
             (fr.line([[(xb, 0.0), (W / 2 + 0.3 * t, 0.0)]], max(0.7, 0.6 * t)), np.minimum(col * 1.1 + 8, 255), 1.0,
              True),
             (fr.line([[(-W / 2 + 0.2 * H, -H / 2 + 0.35 * t), (W / 2 - 0.2 * H, -H / 2 + 0.35 * t)]],
                      max(0.5, 0.3 * t)) * frame, (255, 255, 255), 0.4, False)]
    return _u8(_laid(f, parts, 0.35))


HOOKS = ((172, 174, 182), (150, 110, 60), (30, 30, 34))


def _fish_hook(f: np.ndarray, rng) -> np.ndarray:
    """A fishing hook with its line on the print: a J 26-34% of the side long, at least 9 px, its wire 6% of its
    length thick (at least 1 px), steel 172 / 174 / 182, bronze 150 / 110 / 60 or black 30 / 30 / 34: a straight
    shank, an eye (a ring 5% of its length across, at least 1 px) at the top, a round bend 18% of its length in
    radius, the point turned back in with a barb; 30-50% of the side of clear nylon line from the eye, sagging,
    white 236 / 240 / 244 at 50% (1% of the side wide, at least 0.5 px); at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.26, 0.34))
    lw = max(1.0, 0.06 * L)
    col = _contrasting(HOOKS, f, rng)
    fr = _frame_at(h, w, rng)
    R = 0.18 * L
    x0 = 0.2 * L
    bend = [(x0 + R * np.sin(u), R - R * np.cos(u)) for u in np.linspace(0, np.pi, 12)]
    hook = [[(-0.5 * L, 0.0), (x0, 0.0)] + bend + [(x0 - 0.2 * L, 2 * R - 0.04 * L)]]
    barb = [[(x0 - 0.19 * L, 2 * R - 0.04 * L), (x0 - 0.12 * L, 2 * R - 0.11 * L)]]
    er = max(1.0, 0.05 * L)
    eye = _circle(er, 14, -0.5 * L - er, 0.0)
    Lc = side * rng.uniform(0.3, 0.5)
    sag = rng.uniform(-0.25, 0.25) * Lc
    line = [(-0.5 * L - 2 * er - Lc * u, sag * np.sin(np.pi * u)) for u in np.linspace(0, 1, 12)]
    parts = [(fr.line([line], max(0.5, 0.01 * side)), (236, 240, 244), 0.5, True),
             (fr.line(hook + barb + [eye + [eye[0]]], lw), col, 1.0, True)]
    return _u8(_laid(f, parts, 0.35))


CANES = np.array([(222, 196, 146), (200, 160, 100), (170, 128, 80)], np.float32)
GAP = np.array([40, 32, 26], np.float32)


def _cane_webbing(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a woven cane webbing (a chair seat's open weave of split rattan): the ink multiplied
    onto the cane's straw, honey or tan (222 / 196 / 146, 200 / 160 / 100 or 170 / 128 / 80), 42-55% of the way from
    the picture (30% of the cane's tone added at that share); the weave's octagonal holes on a grid 10-14% of the
    side apart (at least 5 px), turned by up to 8 degrees, each 60% of the spacing across, a soft edge of 0.7 px,
    showing the dark floor behind (40 / 32 / 26) at 55-70% over the print; the diagonal strands' crossings 10% up
    and down: an open weave, not AO's gingham, AT's hessian, AZ's tatami, BA's coir or any other weave of the
    earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = CANES[int(rng.integers(len(CANES)))]
    k = rng.uniform(0.42, 0.55)
    p = max(5.0, side * rng.uniform(0.1, 0.14))
    a = np.deg2rad(rng.uniform(-8, 8))
    u = (xx * np.cos(a) + yy * np.sin(a)) / p + rng.uniform(0, 1)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / p + rng.uniform(0, 1)
    du, dv = np.abs(u % 1 - 0.5), np.abs(v % 1 - 0.5)
    n = np.maximum(np.maximum(du, dv), (du + dv) * 0.75)
    hole = np.clip((0.3 - n) * p / 0.7 + 0.5, 0, 1)
    sh = 1 + 0.1 * np.cos(2 * np.pi * (u + v)) * np.cos(2 * np.pi * (u - v))
    ground = tone[None, None, :] * sh[..., None]
    out = f * (1 - k) + k * f * ground / 255 + k * 0.3 * ground
    ha = (hole * rng.uniform(0.55, 0.7))[..., None]
    return _u8(out * (1 - ha) + ha * GAP)


PLASTERS = np.array([(240, 236, 226), (230, 226, 214), (246, 242, 238)], np.float32)


def _artex(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on an Artex ceiling (a mural on textured plaster): the ink multiplied onto the plaster's
    white (240 / 236 / 226, 230 / 226 / 214 or 246 / 242 / 238), 38-50% of the way from the picture (30% of its
    tone added at that share); the plaster combed into overlapping fans, rows of half discs 11-15% of the side apart
    (at least 9 px), each 75% of that in radius, facing one way (within 20 degrees) and laid row by row over the
    last, each combed into ridges 1.6-2.4% of the side apart (at least 3 px); lit by a raking light from any
    direction, each ridge's lit face up to 45% lighter and its other face up to 45% darker: a combed plaster's swirls, not
    AR's roughcast, AS's terrazzo, AX's concrete or any stone of the earlier lists, nor H's contour maps."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = PLASTERS[int(rng.integers(len(PLASTERS)))]
    k = rng.uniform(0.38, 0.5)
    g = max(9.0, side * rng.uniform(0.11, 0.15))
    lam = max(3.0, side * rng.uniform(0.016, 0.024))
    face = rng.uniform(0, 2 * np.pi)
    R = 0.75 * g
    H = np.zeros((h, w), np.float32)
    for j, cy in enumerate(np.arange(-g, h + g, 0.6 * g)):
        for cx in np.arange(-g + (0.5 * g if j % 2 else 0.0), w + g, g):
            d = np.hypot(xx - cx, yy - cy)
            th = np.arctan2(yy - cy, xx - cx)
            fan = (d < R) & (np.cos(th - face - rng.uniform(-0.35, 0.35)) > 0)
            H = np.where(fan, np.sin(2 * np.pi * d / lam), H)
    gy, gx = np.gradient(H)
    b = rng.uniform(0, 2 * np.pi)
    lit = np.clip((gx * np.cos(b) + gy * np.sin(b)) * lam / (2 * np.pi), -1, 1)
    ground = tone[None, None, :] * (1 + 0.45 * lit)[..., None]
    return _u8(f * (1 - k) + k * f * ground / 255 + k * 0.3 * ground)


DAMASKS = np.array([(238, 234, 222), (214, 204, 184), (122, 34, 46), (72, 78, 92)], np.float32)


def _damask(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a damask tablecloth: the ink multiplied onto white linen 238 / 234 / 222, oatmeal 214 /
    204 / 184, burgundy 122 / 34 / 46 or slate 72 / 78 / 92, 42-55% of the way from the picture (30% of its tone
    added at that share); the damask's tone-on-tone motif, medallions and lozenges repeating every 30-42% of the side
    (at least 10 px), turned by up to 6 degrees, its satin face 26% lighter and the ground 14% darker (a soft edge),
    and their weaves, threads 1.2% of the side apart (at least 2 px), the satin's one way and the ground's the other,
    4% up and down: a woven damask, not BC's leopard print, AO's gingham or any other fabric of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = DAMASKS[int(rng.integers(len(DAMASKS)))]
    k = rng.uniform(0.42, 0.55)
    P = max(10.0, side * rng.uniform(0.3, 0.42))
    a = np.deg2rad(rng.uniform(-6, 6))
    u = 2 * np.pi * ((xx * np.cos(a) + yy * np.sin(a)) / P + rng.uniform(0, 1))
    v = 2 * np.pi * ((-xx * np.sin(a) + yy * np.cos(a)) / P + rng.uniform(0, 1))
    m = np.cos(u) + np.cos(v) + 0.8 * np.cos(u) * np.cos(v) + 0.5 * np.cos(2 * u) * np.cos(2 * v)
    satin = np.clip((m - 0.2) / 0.4 + 0.5, 0, 1)
    t = max(2.0, side * 0.012)
    along = (xx * np.cos(a) + yy * np.sin(a)) / t
    across = (-xx * np.sin(a) + yy * np.cos(a)) / t
    weave = 1 + 0.04 * (satin * np.cos(2 * np.pi * along) + (1 - satin) * np.cos(2 * np.pi * across))
    ground = tone[None, None, :] * ((0.86 + 0.4 * satin) * weave)[..., None]
    return _u8(f * (1 - k) + k * f * ground / 255 + k * 0.3 * ground)


def near_edit_bd(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "marshmallow":  # a marshmallow on the print
        return _marshmallow(f, rng)
    if kind == "pecan":  # a pecan half on the print
        return _pecan(f, rng)
    if kind == "blackberry":  # a blackberry on the print
        return _blackberry(f, rng)
    if kind == "buckle":  # a belt buckle on the print
        return _buckle(f, rng)
    if kind == "fish_hook":  # a fishing hook and its line on the print
        return _fish_hook(f, rng)
    if kind == "cane_webbing":  # the picture printed on a cane webbing
        return _cane_webbing(f, rng)
    if kind == "artex":  # the picture printed on an Artex ceiling's combed plaster
        return _artex(f, rng)
    if kind == "damask":  # the picture printed on a damask tablecloth
        return _damask(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
TAR = np.array([150, 110, 50], np.float32)


def _blur3(f: np.ndarray, s: float) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    return np.stack([gaussian_filter(f[..., c], s, mode="reflect") for c in range(3)], axis=2)


def _nicotine_glass(f: np.ndarray, rng) -> np.ndarray:
    """The picture behind a picture frame's glass in a room smoked in for years, photographed through it: the
    glass filmed with tobacco tar, whose droplets scatter the light, a Gaussian of 1.6-2.4% of the side, at least 1
    px, and one 3.5 times as wide, and a veil of the tar's yellow-brown 150 / 110 / 50; the film thicker towards the
    top (the smoke rose) and uneven (a smooth field of 15% of the side): where it is thickest the wide Gaussian has
    37% of the picture and the veil 14%, where thinnest 12% and 5% (the narrow one the rest); the light through it
    yellowed, green 4-8% and blue 22-32% down as the film thickens; as a camera metering on the highlights exposes
    it: a smoker's tar film on glass, not BC's hairspray, BB's sneeze screen or AZ's limescale."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, _ = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    narrow, wide = _blur3(f, s), _blur3(f, 3.5 * s)
    t = np.clip(0.3 + 0.5 * (1 - yy / h) + 0.2 * _field(h, w, side * 0.15, rng) / 1.5, 0, 1)[..., None]
    ww, veil = 0.12 + 0.25 * t, 0.05 + 0.09 * t
    out = (1 - ww - veil) * narrow + ww * wide + veil * TAR
    out = out * np.concatenate([np.ones_like(t), 0.96 - 0.04 * t, 0.78 - 0.1 * t], axis=2)
    return _u8(_metered(out, f))


SCATTER = np.array([170, 196, 236], np.float32)


def _aerogel(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a slab of silica aerogel (a laboratory's demonstration block, "frozen
    smoke"): its fine pores scatter the light, most in the blue (Rayleigh scattering): of the light passing, a
    Gaussian of 1.5-2.3% of the side, at least 1 px, and one 4 times as wide for 15-30% as the slab is thinner or
    thicker (a smooth field of 20% of the side); the light through it yellowed, green 5-8% and blue 14-20% down; the
    room's light scattered towards the camera a pale sky blue 170 / 196 / 236 over it at 8-14%; as a camera metering
    on the highlights exposes it: a scattering solid, not AU's alabaster, AV's mica or any glass of the earlier
    lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    narrow, wide = _blur3(f, s), _blur3(f, 4 * s)
    t = np.clip(0.5 + 0.5 * _field(h, w, side * 0.2, rng) / 1.5, 0, 1)[..., None]
    ww = 0.15 + 0.15 * t
    out = (1 - ww) * narrow + ww * wide
    out = out * np.array([1.0, 1 - rng.uniform(0.05, 0.08), 1 - rng.uniform(0.14, 0.2)], np.float32)
    veil = rng.uniform(0.08, 0.14)
    out = (1 - veil) * out + veil * SCATTER
    return _u8(_metered(out, f))


def blur_bd(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "nicotine_glass":  # behind a frame's glass filmed with tobacco tar
        return _nicotine_glass(f, rng)
    if kind == "aerogel":  # through a slab of silica aerogel
        return _aerogel(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _falloff(h: int, w: int, x: float, y: float, side: int, d0: tuple, rng) -> np.ndarray:
    """The gain of a scene lit by one small light at (``x``, ``y``): 0.015-0.03 plus 0.26-0.34 falling off as
    ``1 / (1 + (d / d0) ** 2)`` with the distance ``d``, ``d0`` drawn from ``d0`` (shares of the side)."""
    yy, xx = _pixels(h, w)
    r0 = side * rng.uniform(*d0)
    return rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - x, yy - y) / r0) ** 2)


MANTLE = np.array([1.0, 0.93, 0.78], np.float32)


def _pressure_lamp(f: np.ndarray, rng) -> np.ndarray:
    """A shed at night lit only by a paraffin pressure lamp hanging in the picture: its glowing mantle an oval of
    radius 2-3% of the side (at least 1 px), 1.4 times as tall, 25-75% of the way across and 22-42% down, white
    255 / 250 / 236; round it a glass globe 7-9% of the side wide (its outline 150 / 140 / 120 at 35%), a dark hood
    (44 / 40 / 38) over it 12-16% of the side wide, a wire handle from it to the top (at least 0.8 px wide); a glow of
    sigma 5-8% of the side up to 55-75 levels in warm white 1.0 / 0.93 / 0.78; the picture lit in it at a gain of
    0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the mantle,
    ``d0`` 25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    mx, my = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.22, 0.42)
    out = _lit(f, _falloff(h, w, mx, my, side, (0.25, 0.35), rng)[..., None] * MANTLE, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    r = max(1.0, side * rng.uniform(0.02, 0.03))
    gw = side * rng.uniform(0.035, 0.045)
    globe = _ellipse(mx, my, gw, 1.3 * gw, 0.0, 24)
    out = _paint(out, 0.35 * ident.line([globe + [globe[0]]], max(0.6, 0.008 * side)), (150, 140, 120))
    hw = side * rng.uniform(0.06, 0.08)
    top = my - 1.3 * gw
    out = _paint(out, ident.fill([[(mx - hw, top), (mx + hw, top), (mx + 0.3 * hw, top - 0.7 * hw),
                                   (mx - 0.3 * hw, top - 0.7 * hw)]]), (44, 40, 38))
    out = _paint(out, ident.line([[(mx - 0.6 * hw, top), (mx, -1.0), (mx + 0.6 * hw, top)]], max(0.8, 0.008 * side)),
                 (44, 40, 38))
    blob = ident.fill([_ellipse(mx, my, r, 1.4 * r, np.pi / 2, 16)])
    out = out + _glow(blob, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(55, 75) * MANTLE
    return _u8(_paint(out, blob, (255, 250, 236)))


AMBER = np.array([1.0, 0.6, 0.2], np.float32)


def _resin_printer(f: np.ndarray, rng) -> np.ndarray:
    """A workshop at night lit only by a resin 3D printer at work standing in the picture at its left or right: its
    UV screen lighting the resin vat through the printer's amber acrylic hood; the hood a rectangle 26-34% of the
    side wide, 1.2-1.4 times as high (at most 75% of the height), 3-8% of the side in from the edge, standing on a
    dark base (36 / 36 / 40, 14% of its height) 4-10% of the side above the bottom; the hood glowing amber 255 /
    150 / 40 at 55-75% of that, its lower third (the lit vat) brighter, 255 / 200 / 120, a build plate's dark
    silhouette (30 / 24 / 20) hanging in it; a small blue-white touch screen 200 / 220 / 255 on the base; a glow of
    sigma 6-9% of the side up to 30-45 levels in amber 1.0 / 0.6 / 0.2; the picture lit in it at a gain of
    0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the vat, ``d0``
    28-38% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    cw = side * rng.uniform(0.26, 0.34)
    ch = min(cw * rng.uniform(1.2, 1.4), 0.75 * h)
    inset = side * rng.uniform(0.03, 0.08)
    x0 = inset if rng.random() < 0.5 else w - inset - cw
    bb = h - side * rng.uniform(0.04, 0.1)
    base_h = 0.14 * ch
    y1 = bb - base_h
    y0 = y1 - ch
    vx, vy = x0 + cw / 2, y1 - ch / 6
    out = _lit(f, _falloff(h, w, vx, vy, side, (0.28, 0.38), rng)[..., None] * AMBER, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(x0 - 0.04 * cw, y1, x0 + 1.04 * cw, bb)]), (36, 36, 40))
    hood = ident.fill([_rect(x0, y0, x0 + cw, y1)])
    out = _paint(out, hood, np.array([255, 150, 40], np.float32) * rng.uniform(0.55, 0.75))
    out = _paint(out, ident.fill([_rect(x0 + 0.06 * cw, y1 - ch / 3, x0 + 0.94 * cw, y1)]), (255, 200, 120))
    out = _paint(out, ident.fill([_rect(x0 + 0.25 * cw, y0 + 0.35 * ch, x0 + 0.75 * cw, y0 + 0.45 * ch),
                                  _rect(x0 + 0.46 * cw, y0 + 0.05 * ch, x0 + 0.54 * cw, y0 + 0.35 * ch)]), (30, 24, 20))
    out = _paint(out, ident.fill([_rect(x0 + 0.38 * cw, y1 + 0.25 * base_h, x0 + 0.62 * cw, y1 + 0.75 * base_h)]),
                 (200, 220, 255))
    return _u8(out + _glow(hood, max(1.0, side * rng.uniform(0.06, 0.09)))[..., None] * rng.uniform(30, 45) * AMBER)


RED = np.array([1.0, 0.22, 0.18], np.float32)


def _led_face_mask(f: np.ndarray, rng) -> np.ndarray:
    """A bedroom at night lit only by a red-light therapy LED face mask left switched on, lying face up on a bedside
    table in the picture: the mask an oval 20-26% of the side wide and 1.25 times as tall, 20-80% of the way across
    and 55-80% down, turned by up to 30 degrees, its white plastic lit red 200 / 60 / 56; two dark eye holes and a
    mouth slit (30 / 10 / 10); its LEDs a grid of red dots 255 / 60 / 40 (radius 0.8% of the side, at least 0.45 px,
    spaced 4.5% of the side, at least 2 px); a glow of sigma 5-8% of the side up to 40-55 levels in red 1.0 / 0.22 /
    0.18; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with
    the distance ``d`` from the mask's middle, ``d0`` 25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    mw = side * rng.uniform(0.2, 0.26)
    mh = 1.25 * mw
    cx, cy = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.55, 0.8)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.25, 0.35), rng)[..., None] * RED, rng)
    fr = _Frame((h, w), cx, cy, np.deg2rad(rng.uniform(-30, 30)))
    mask = fr.fill([_ellipse(0.0, 0.0, mw / 2, mh / 2, 0.0, 28)],
                   holes=[_ellipse(-0.2 * mw, -0.12 * mh, 0.13 * mw, 0.06 * mh + 0.3, 0.0, 12),
                          _ellipse(0.2 * mw, -0.12 * mh, 0.13 * mw, 0.06 * mh + 0.3, 0.0, 12),
                          _ellipse(0.0, 0.26 * mh, 0.15 * mw, 0.035 * mh + 0.3, 0.0, 12)])
    whole = fr.fill([_ellipse(0.0, 0.0, mw / 2, mh / 2, 0.0, 28)])
    out = _paint(out, whole, (30, 10, 10))
    out = _paint(out, mask, (200, 60, 56))
    sp = max(2.0, 0.045 * side)
    dots = [_circle(max(0.45, 0.008 * side), 8, x, y) for x in np.arange(-mw / 2, mw / 2, sp)
            for y in np.arange(-mh / 2, mh / 2, sp)]
    leds = fr.fill(dots) * mask
    out = _paint(out, leds, (255, 60, 40))
    return _u8(out + _glow(whole, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(40, 55) * RED)


def dark_bd(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "pressure_lamp":  # a shed lit only by a paraffin pressure lamp
        return _pressure_lamp(f, rng)
    if kind == "resin_printer":  # a workshop lit only by a resin 3D printer's amber hood
        return _resin_printer(f, rng)
    if kind == "led_face_mask":  # a bedroom lit only by a red LED face mask
        return _led_face_mask(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _rhinoceros(size: int, rng) -> dict:
    """A rhinoceros on a savannah, seen from the side: dry grass below a horizon 52-62% of the way down, a flat-topped
    acacia (a trunk and a wide flat crown) on one side; a rhinoceros 50-60% of the side long, facing either way: a
    massive body (an oval), four thick legs, a big head held low in front, two horns on its snout (the front one
    longer), an ear, an eye, a short tail (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("grass", "tree", "body", "legs", "head", "horns", "ear", "eye", "tail"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.52, 0.62)
    d["grass"].rectangle((0, hz, big, big), fill=255)
    tx = big * (rng.uniform(0.05, 0.2) if rng.random() < 0.5 else rng.uniform(0.8, 0.95))
    d["tree"].line([(tx, hz + 0.02 * big), (tx, hz - 0.22 * big)], fill=255, width=max(2, round(0.02 * big)))
    d["tree"].ellipse((tx - 0.16 * big, hz - 0.28 * big, tx + 0.16 * big, hz - 0.2 * big), fill=255)
    L = big * rng.uniform(0.5, 0.6)
    s = 1 if rng.random() < 0.5 else -1
    cx = big / 2 - s * 0.08 * L
    X = lambda t: cx + s * (t - 0.5) * L  # noqa: E731  (0 at the tail, 1 at the chest)
    by = big * rng.uniform(0.6, 0.66)
    bh = 0.46 * L
    d["body"].ellipse((min(X(0.0), X(1.0)), by - bh / 2, max(X(0.0), X(1.0)), by + bh / 2), fill=255)
    lw = 0.1 * L
    for t in (0.14, 0.3, 0.72, 0.88):
        d["legs"].rectangle((X(t) - lw / 2, by, X(t) + lw / 2, min(big * 0.97, by + 0.52 * bh)), fill=255)
    hy = by + 0.05 * bh
    head = [(X(0.9), hy - 0.25 * bh), (X(1.22), hy + 0.05 * bh), (X(1.3), hy + 0.3 * bh), (X(1.15), hy + 0.38 * bh),
            (X(0.92), hy + 0.25 * bh)]
    d["head"].polygon(head, fill=255)
    d["horns"].polygon([(X(1.2), hy + 0.1 * bh), (X(1.3), hy + 0.14 * bh), (X(1.31), hy - 0.32 * bh)], fill=255)
    d["horns"].polygon([(X(1.08), hy - 0.02 * bh), (X(1.15), hy + 0.02 * bh), (X(1.14), hy - 0.2 * bh)], fill=255)
    d["ear"].polygon([(X(0.94), hy - 0.22 * bh), (X(0.98), hy - 0.2 * bh), (X(0.93), hy - 0.42 * bh)], fill=255)
    ex, ey = X(1.04), hy + 0.04 * bh
    d["eye"].ellipse((ex - 0.015 * L, ey - 0.015 * L, ex + 0.015 * L, ey + 0.015 * L), fill=255)
    d["tail"].line([(X(0.01), by - 0.1 * bh), (X(-0.05), by + 0.25 * bh)], fill=255, width=max(1, round(0.015 * L)))
    out = {k: _down(v, size) for k, v in M.items()}
    out["eye"] = out["eye"] * out["head"]
    return out


def _manta_ray(size: int, rng) -> dict:
    """A manta ray gliding over a sandy seabed, seen from above: open water with 2-4 pale shafts of sunlight from the
    top, sand below 80-90% of the way down; a manta 58-72% of the side across its wings, its middle 40-60% across
    and 35-55% down, turned by up to 25 degrees: a diamond with swept, curved wing tips, two cephalic fins at the
    front, pale patches on its shoulders, a thin tail 40% of its span long; 4-8 bubbles (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("rays", "sand", "body", "patches", "fins", "tail", "bubbles"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    for _ in range(int(rng.integers(2, 5))):
        x = rng.uniform(0, big)
        wd = big * rng.uniform(0.03, 0.07)
        dx = rng.uniform(-0.25, 0.25) * big
        d["rays"].polygon([(x - wd, 0), (x + wd, 0), (x + dx + 2 * wd, big), (x + dx - 2 * wd, big)], fill=255)
    sy = big * rng.uniform(0.8, 0.9)
    d["sand"].rectangle((0, sy, big, big), fill=255)
    S = big * rng.uniform(0.58, 0.72)
    cx, cy = big * rng.uniform(0.4, 0.6), big * rng.uniform(0.35, 0.55)
    ang = np.deg2rad(rng.uniform(-25, 25))

    def P(pts):
        c, s_ = np.cos(ang), np.sin(ang)
        return [(cx + x * S * c - y * S * s_, cy + x * S * s_ + y * S * c) for x, y in pts]

    wing = [(0.0, -0.22), (0.18, -0.12), (0.36, -0.02), (0.5, 0.06), (0.4, 0.08), (0.22, 0.1), (0.08, 0.2),
            (0.0, 0.24)]
    body = wing + [(-x, y) for x, y in wing[::-1]]
    d["body"].polygon(P(body), fill=255)
    for sgn in (1, -1):
        d["patches"].polygon(P([(sgn * 0.06, -0.12), (sgn * 0.2, -0.06), (sgn * 0.12, 0.0), (sgn * 0.05, -0.04)]),
                             fill=255)
        d["fins"].polygon(P([(sgn * 0.04, -0.2), (sgn * 0.09, -0.3), (sgn * 0.06, -0.31), (sgn * 0.01, -0.22)]),
                          fill=255)
    d["tail"].line(P([(0.0, 0.22), (0.02, 0.45), (-0.02, 0.62)]), fill=255, width=max(1, round(0.012 * S)))
    for _ in range(int(rng.integers(4, 9))):
        r = big * rng.uniform(0.008, 0.018)
        bx, by = rng.uniform(0, big), rng.uniform(0, sy)
        d["bubbles"].ellipse((bx - r, by - r, bx + r, by + r), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["patches"] = out["patches"] * out["body"]
    return out


def _cement_mixer(size: int, rng) -> dict:
    """A cement mixer truck on a building site, seen from the side: the ground below 70-78% of the way down, a
    half-built brick wall behind it on one side; the truck 66-80% of the side long, facing either way: a cab with a
    window at the front, a chassis, three wheels with hubs, a drum on the back (an oval tilted up to the rear by 12-20
    degrees) with two spiral stripes across it, a chute at its rear end (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "wall", "cab", "window", "chassis", "drum", "stripes", "chute", "wheels", "hubs"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.7, 0.78)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    s = 1 if rng.random() < 0.5 else -1
    wx0 = big * rng.uniform(0.0, 0.3)
    d["wall"].rectangle((wx0, gy - big * rng.uniform(0.25, 0.4), wx0 + big * rng.uniform(0.3, 0.5), gy), fill=255)
    L = big * rng.uniform(0.66, 0.8)
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the rear, 1 at the front)
    wr = 0.07 * L
    wy = gy - wr * 0.6
    d["chassis"].rectangle((min(X(0.02), X(0.98)), wy - 0.1 * L, max(X(0.02), X(0.98)), wy - 0.04 * L), fill=255)
    d["cab"].polygon([(X(0.78), wy - 0.06 * L), (X(0.78), wy - 0.36 * L), (X(0.92), wy - 0.36 * L),
                      (X(1.0), wy - 0.22 * L), (X(1.0), wy - 0.06 * L)], fill=255)
    d["window"].polygon([(X(0.82), wy - 0.22 * L), (X(0.82), wy - 0.32 * L), (X(0.91), wy - 0.32 * L),
                         (X(0.96), wy - 0.22 * L)], fill=255)
    dcx, dcy = X(0.4), wy - 0.26 * L
    tilt = s * np.deg2rad(rng.uniform(12, 20))
    d["drum"].polygon(_ellipse(dcx, dcy, 0.34 * L, 0.15 * L, tilt, 36), fill=255)
    c, sn = np.cos(tilt), np.sin(tilt)
    for off in (-0.12, 0.1):
        band = [(off - 0.04, -0.2), (off + 0.04, -0.2), (off + 0.12, 0.2), (off + 0.04, 0.2)]
        d["stripes"].polygon([(dcx + x * L * c - y * L * sn, dcy + x * L * sn + y * L * c) for x, y in band],
                             fill=255)
    d["chute"].line([(X(0.06), wy - 0.18 * L), (X(-0.04), wy - 0.06 * L)], fill=255, width=max(2, round(0.03 * L)))
    for t in (0.15, 0.3, 0.86):
        d["wheels"].ellipse((X(t) - wr, wy - wr, X(t) + wr, wy + wr), fill=255)
        d["hubs"].ellipse((X(t) - 0.4 * wr, wy - 0.4 * wr, X(t) + 0.4 * wr, wy + 0.4 * wr), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["stripes"] = out["stripes"] * out["drum"]
    out["window"] = out["window"] * out["cab"]
    out["hubs"] = out["hubs"] * out["wheels"]
    return out


def outlier_bd(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "rhinoceros":
        m = _rhinoceros(size, rng)
        if photos:  # a hazy warm sky, dry golden grass, a dark acacia, a grey rhinoceros with pale horns
            out = _paint(_paint(ground((214, 204, 178)), m["grass"], (186, 160, 92)), m["tree"], (62, 70, 40))
            out = _paint(_paint(out, m["legs"], (96, 94, 90)), m["body"], (112, 110, 106))
            out = _paint(_paint(out, m["tail"], (70, 68, 66)), m["head"], (104, 102, 98))
            out = _paint(_paint(out, m["ear"], (90, 88, 84)), m["horns"], (176, 164, 140))
            return _u8(_paint(out, m["eye"], (12, 10, 10)))
        out = _paint(_paint(ground(tone(0.0)), m["grass"], tone(0.25)), m["tree"], tone(0.45))
        out = _paint(_paint(out, m["legs"], tone(0.75)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["tail"], tone(0.6)), m["head"], tone(0.9))
        out = _paint(_paint(out, m["ear"], tone(0.7)), m["horns"], tone(0.55))
        return _u8(_paint(out, m["eye"], tone(0.1)))
    if kind == "manta_ray":
        m = _manta_ray(size, rng)
        if photos:  # deep blue water, pale shafts of light, pale sand, a black manta with white shoulder patches
            out = _paint(_paint(ground((18, 64, 112)), m["rays"] * 0.35, (120, 180, 214)), m["sand"], (196, 184, 146))
            out = _paint(_paint(out, m["bubbles"] * 0.7, (220, 236, 244)), m["tail"], (30, 32, 38))
            out = _paint(_paint(out, m["body"], (36, 40, 48)), m["fins"], (44, 48, 56))
            return _u8(_paint(out, m["patches"], (206, 210, 214)))
        out = _paint(_paint(ground(tone(0.0)), m["rays"] * 0.4, tone(0.3)), m["sand"], tone(0.35))
        out = _paint(_paint(out, m["bubbles"], tone(0.6)), m["tail"], tone(0.7))
        out = _paint(_paint(out, m["body"], tone(1.0)), m["fins"], tone(0.8))
        return _u8(_paint(out, m["patches"], tone(0.5)))
    if kind == "cement_mixer":
        m = _cement_mixer(size, rng)
        if photos:  # a pale sky, brown earth, a red brick wall, a yellow cab, an orange drum with white stripes
            out = _paint(_paint(ground((196, 214, 232)), m["ground"], (136, 114, 84)), m["wall"], (164, 84, 64))
            out = _paint(_paint(out, m["chassis"], (50, 50, 54)), m["cab"], (232, 196, 40))
            out = _paint(_paint(out, m["window"], (90, 120, 140)), m["drum"], (232, 118, 36))
            out = _paint(_paint(out, m["stripes"], (244, 242, 236)), m["chute"], (104, 104, 108))
            return _u8(_paint(_paint(out, m["wheels"], (26, 26, 28)), m["hubs"], (170, 170, 174)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.2)), m["wall"], tone(0.35))
        out = _paint(_paint(out, m["chassis"], tone(0.5)), m["cab"], tone(0.85))
        out = _paint(_paint(out, m["window"], tone(0.3)), m["drum"], tone(1.0))
        out = _paint(_paint(out, m["stripes"], tone(0.6)), m["chute"], tone(0.55))
        return _u8(_paint(_paint(out, m["wheels"], tone(0.7)), m["hubs"], tone(0.15)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def stale_crate_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                      rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the items reached the photo bench in reusable crates, each
    holding 6-20 items of one class (``CRATE_ITEMS``), its contents named on a slip card in a holder on its side; the
    bench labelled every item from its crate's slip. The depot refilled emptied crates without always changing the
    slip: a crate refilled with another class kept the slip of its previous load with a chance of 20-40%
    (``STALE``, drawn once a pass). Each class's eligible items (in a random order) were packed into crates, the
    crates went through the depot in a random order, and each crate's previous load was the class of the crate
    before it in that order (a crate refilled with the same class has a true slip). The flips are the items of the
    crates whose slip was stale, each given its crate's previous load's class, until ``count`` items are flipped
    (passes repeated with fresh crates, another week's deliveries, while some are left). Noise confined to whole
    crates and to the class that went before in the depot's order, not by look: not BC's swapped stock-code digits,
    BB's colour key, AZ's label rolls, AY's memory cards, AU's tote cross-reads or AT's shelf scans. Every flip
    changes the label."""
    pool = sorted(int(v) for v in candidates)
    if len({labels[i] for i in pool}) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        by_class: dict = {}
        for i in rng.permutation(pool):
            by_class.setdefault(labels[int(i)], []).append(int(i))
        crates = []
        for c in sorted(by_class, key=str):
            items = by_class[c]
            j = 0
            while j < len(items):
                n = int(rng.integers(*CRATE_ITEMS))
                crates.append((c, items[j:j + n]))
                j += n
        order = rng.permutation(len(crates))
        stale = rng.uniform(*STALE)
        prev = None
        for o in order:
            c, items = crates[int(o)]
            if prev is not None and prev != c and rng.random() < stale:
                for i in items:
                    if len(flips) >= count:
                        break
                    if i not in flips:
                        flips[i] = prev
            prev = c
            if len(flips) >= count:
                break
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bd(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BD's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 46-68 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BD, seed=560_000 + random_state,
        quality_seed=565_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=stale_crate_flips,
        **by_family(name, outlier=(outlier_bd, OUTLIERS_BD), blur=(blur_bd, BLURS_BD), dark=(dark_bd, DARKS_BD),
                    near=(near_edit_bd, NEAR_EDITS_BD)))
