"""Generator AZ: fresh EVALUATION sets after generator AY's run (never used to choose anything).

Why a fiftieth evaluation generator: generator AY's sets were written before its run and have been run once since,
so a held-out set for the code after that run is written now, before any tool is run on it. The commit subjects
since AY's generator commit (5c63323) name no change to the library's code: generator AY's one run written up, its
sets development data since (NOT_YET_RUN empty), and two sentences about the birdcage's share of the detail hedged
(docs only). AY has been run once, and commit subjects summarise its run; AZ's writer read no docs, logs, result
files or commit bodies (only the commit subjects, the library's code and the earlier generators' and tuning tools'
files, to copy their structure and to avoid their families), and nothing in AZ was chosen from any result. Like AN's
to AY's, AZ's edits are not all brightly coloured: some are grey, dark, white or translucent. Generator AZ was
written before any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs,
darkenings and foreign pictures at 28, 65 and 320 px, to check that every edit is visible, every blur blurred, every
darkened image dark with its picture still in it and every outlier foreign, and the planted folders hashed twice);
it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise
are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated
Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s
edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC,
AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY) and none of the library's
calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG,
resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to AY's it has two blur families, not
three. Left out because an earlier generator made them or left them out: among objects on the print a key, a key
fob, a memory card, a battery or a USB stick (their lists, W's, AX's: AZ's dog tag is a stamped tag on a ball
chain), a safety razor, a collar stay, a cotter pin, a blade fuse or a wing nut (their lists, AR's, AQ's, AN's), a
transistor or a keycap (AU's, AY's: AZ's jack plug is a headphone plug and its cable), a cable tie or a bread clip
(AM's, AQ's: AZ's wall plug is a ribbed nylon tube), apricots, cherries, a lychee, a slice of fruit or a physalis
(AV's, AW's, AY's and their lists: AZ's clementine is a whole citrus with its leaf), broccoli, a pea pod, asparagus
or okra (AA's, their lists, AK's, AY's: AZ's sprout is a small head of leaves); of the whole picture acoustic foam,
ceiling tiles, a tread plate or bubble wrap (AT's, AW's, AU's, S's: AZ's egg tray is moulded pulp, its cups a grid
of dimples and bumps), an oil film or a hologram (AS's, Q's: AZ's nacre is a shell's growth bands in inlaid
pieces), hessian, corduroy, papyrus or any other cloth, woven ikat (AT's, AR's, AU's, AG's: AZ's tatami is woven
rush with a cloth border), stone, wood, sandpaper or a cutting mat (their lists, AY's); among blurs an emulsion
lift, a solvent, gum, wood or sublimation transfer, oil paint, a glaze run in the kiln or a smear (AO's, AY's, AE's,
T's, their lists, S's, J's: AZ's SX-70 print has its dyes pushed about inside the print), frosted glass, a steamed
window, a salt-crusted window, a print under running water, fog or grease on the lens (I's, K's, AE's and their
lists: AZ's shower screen is clouded by a hard water's scale, with its drips and spots); among darkenings a salt
lamp, a lava lamp, a plasma ball, a star projector or a glow stick (AE's, their lists, W's, AV's: AZ's fibre-optic
lamp is a spray of fibres with glowing tips), a traffic signal, a taxi sign, ticket barriers or emergency lights
(AD's, AU's, AY's, P's: AZ's lift button is a lobby's one lit call button and the light from the doors' gap), car
headlights, a cash machine, a vending machine or an ice cream van (AS's, AW's, AC's, AV's: AZ's charging post is an
electric car's charger with its light strip); among foreign pictures a petrol station, a caravan, a narrowboat or a
combine harvester (AM's, AX's, AO's, AT's: AZ's food truck is a van with a serving hatch and awning), a ski jump, a
snowman or a cable car (AV's, AM's, AF's: AZ's snowmobile is a tracked sled with its rider), a carousel, a bowling
lane, a trampoline or a bouncy castle (AB's, AQ's, AY's: AZ's dodgems are bumper cars under their electric grid);
among label noise colour-coded stickers misread, shelf-edge labels, totes, memory cards and every mechanism AY named
(dictation, OCR, bags, hotkeys, quotas, a checkweigher, positions, clocks, a returns desk's prices, a marketplace's
category stuffing, a retailer's recycled product codes).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 320 px
  set's copies get both kinds): a dog tag on its ball chain lying on the print (a rounded tag 20-26% of the side
  long, at least 8 px, stainless, dull aluminium or black, a rolled rim, a hole, a chain of beads from 32 px (below a
  line) curving away 30-50% of the side, stamped lines from 32 px; at any angle, 30-70% of the way across and down,
  a soft shadow at 35%), a plastic wall plug (a ribbed tube 22-30% of the side long, at least 9 px, yellow, red,
  brown or grey nylon, translucent at 70-85%, a collar, a split and a bore from 32 px; the same place, a shadow at
  30%), a clementine (a ball 15-21% of the side across, at least 7 px, orange, shaded, dimpled from 32 px, a
  highlight, a leaf with chance 0.6; the same place, a shadow at 35%), a Brussels sprout (a head 13-18% of the side
  across, at least 6 px, pale or mid green or purple, leaf edges, a loose leaf, a pale stem; the same place, a shadow
  at 35%) and a headphone jack plug (a black or white body 16-22% of the side long, at least 7 px, a nickel or
  gold shaft with black rings, a cable curving away 35-55% of the side; the same place, a shadow at 40%); of the
  whole picture: the picture printed on a moulded-pulp egg tray (the ink multiplied onto grey, brown or blue pulp,
  45-58% of the way, cups every 15-22% of the side, at least 5 px, shaded from one side 16-22% up and down, a
  fibrous grain), printed on a mother-of-pearl inlay (the ink multiplied onto pearly white, 35-48% of the way, 2-4
  by 2-3 pieces with darker seams, each piece's growth bands tinting the channels out of phase by 9-13%, a shimmer)
  and printed on a tatami mat (the ink multiplied onto green-gold or straw rush, 45-58% of the way, stalks
  0.8-1.2% of the side apart, at least 1.5 px, each its own tone, weaving threads every 5-8% of the side, a black,
  navy or brown cloth border 5-7% of the side wide along one edge);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture as a Polaroid SX-70 print pushed about with a stylus while its dyes were soft (a
  Gaussian of 1.5-2.3% of the side, at least 1 px, for 70% of the picture and one 2.5 times as wide for 20%, the
  print's warm grey at 10%; the dyes dragged by a smooth displacement of 1.5-2.5% of the side; 6-10 burnished
  strokes 10% lighter; blacks lifted by 14 levels and a warm tint: not AO's emulsion lift or S's oil paint) and the
  picture behind a shower screen clouded with limescale (a Gaussian of 1.5-2.3% of the side, at least 1 px, for 65%
  and one 3.5 times as wide for 25%, the bathroom's white at 10%; a patchy chalky veil 8-16%; 10-18 dried drip
  trails and 15-30 water-spot rings, whiter: not I's frosted glass, K's steamed window or AE's salt-crusted window);
  each as a camera metering on the highlights exposes it (as Y's to AY's);
* ``dark`` (2%): a bedroom at night lit only by a fibre-optic lamp (a dark base at the bottom, 25-40 fibres fanning
  up 30-45% of the side, their tips glowing violet, blue, pink or green; the picture lit in that colour at
  0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the tips' middle, ``d0`` 25-35% of
  the side, over 0.015-0.03; a glow of sigma 5-8% of the side round the tips up to 35-50 levels), a lobby at night
  lit only by a lift's lit call button (a steel panel at mid-height near one side with two round buttons, one lit
  amber, white or blue with its glow; the light of the lit car through the closed doors' gap, a thin upright line;
  the picture lit in the button's colour at 0.26-0.34 falling off as above, ``d0`` 20-30% of the side, over
  0.015-0.03, and faintly by the gap) and a car park at night lit only by an electric car's charging post (a post
  40-55% of the height high at the bottom, an upright light strip green (charging) or blue (ready) with its glow, a
  pale screen, a dark cable; the picture lit in the strip's colour at 0.26-0.34 falling off as above, ``d0`` 25-35%
  of the side, over 0.015-0.03); none of them blurs the picture;
* ``outlier`` (1.5%): a street-food truck (a road, a boxy van with a cab, a serving hatch under a striped awning, a
  menu board, wheels), a snowmobile on a snowfield (firs on the horizon, a low body with a cowl and windscreen, a
  seat and its rider, a ski in front, a track round bogie wheels, a spray of snow) and a dodgems rink (the ceiling's
  electric grid with bulbs, a steel floor, 2-3 bumper cars with rubber bumpers, seat backs, drivers and poles up to
  the grid); the digit and clothing sets get them in their own tones on their dark ground, the photographs as a teal
  or red food truck with a red and white awning on a grey road under a dusk-blue sky, a red or yellow snowmobile
  with a black track on white snow under a blue sky, and coloured bumper cars on a grey floor under a dark grid with
  warm bulbs;
* ``label`` (5%): *label roll* flips: each item was labelled at the packing bench with a sticker from its class's
  roll of pre-printed labels, the classes' rolls side by side on a dispenser rack (in a random order). When a roll
  ran out, the packer sometimes carried on with the roll beside it until a new roll was loaded. Each class's
  eligible items (in a random order) go through the bench; its rolls hold 30-90 labels (``ROLL_LABELS``; the first
  0-29 left); at each roll's end, with chance 0.4 (``STOPGAP``), the next 4-16 items (``GAP_ITEMS``) of that class
  get the class of the roll to its left or right on the rack; run-outs taken in a random order until the flips are
  made. Noise in short blocks of one class's items, directed at the class whose roll stood beside it on the rack,
  not by look: not AY's memory cards, AT's shelf scanner, AU's totes or M's bulk batches. Every flip changes the
  label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AZ's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
333), MNIST (2,000, seed 334), and the evaluation photographs tiled at 65 px (24 tiles a photograph at most, seed
335) and at 320 px (every tile, seed 336), sizes no other set uses. ``photos65_az_jpeg`` is written as JPEG files,
each at a quality drawn from 50-72 (a stream of its own, seed ``525_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``520_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AY).
"""


from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field, _rect_distance, _rounded
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

EVALUATION_AZ = ("fashion_test_az", "mnist_az", "photos65_az_jpeg", "photos320_az")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AZ = {
    "fashion_test_az": ("fashion_test", 333),
    "mnist_az": ("mnist", 334),
    "photos65_az_jpeg": ("photos", 335, 65, 8, 24),
    "photos320_az": ("photos", 336, 320, 8, 1000),
}
JPEG_QUALITY = (50, 73)  # the JPEG set's qualities: integers in [low, high)
RATES_AZ = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AZ = ("dog_tag", "egg_tray", "wall_plug", "nacre", "clementine", "tatami", "brussels_sprout",
                 "jack_plug")
BLURS_AZ = ("sx70_pushed", "limescale_screen")
DARKS_AZ = ("fibre_optic_lamp", "lift_call_button", "ev_charger")
OUTLIERS_AZ = ("food_truck", "snowmobile", "dodgems")
ROLL_LABELS = (30, 91)  # pre-printed labels on a roll: integers in [low, high) (label noise)
STOPGAP = 0.4  # the chance that a packer carried on with the neighbouring roll when one ran out (label noise)
GAP_ITEMS = (4, 17)  # items labelled from the neighbouring roll before the new roll was loaded: [low, high)


def load_base_az(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AZ, "AZ")


# -- near copies -----------------------------------------------------------------------------
TAGS = ((192, 194, 198), (160, 162, 166), (42, 42, 46))


def _dog_tag(f: np.ndarray, rng) -> np.ndarray:
    """A stamped dog tag lying on the print: a rounded rectangle 20-26% of the side long, at least 8 px, 58% of that
    wide, stainless 192 / 194 / 198, dull aluminium 160 / 162 / 166 or black anodised 42 / 42 / 46, a rolled rim
    lighter by 30 levels at 50%, a hole near one end; a ball chain from the hole, a gently curved run 30-50% of the
    side long (from 32 px a row of beads, below a line 0.8 px wide) in the tag's metal 10% lighter; from 32 px 3-4
    stamped lines of text (dashes 30% darker); at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.2, 0.26))
    W = 0.58 * L
    col = _pick(TAGS, rng)
    fr = _frame_at(h, w, rng)
    body = fr.fill([_rounded(L, W, 0.28 * W)], holes=[_circle(0.07 * L + 0.3, 10, -0.38 * L, 0.0)])
    rim = fr.fill([_rounded(L, W, 0.28 * W)], holes=[_rounded(L - 2 * max(0.5, 0.05 * L), W - 2 * max(0.5, 0.05 * L),
                                                               0.24 * W)])
    Lc = side * rng.uniform(0.3, 0.5)
    bend = rng.uniform(-0.3, 0.3) * Lc
    ts = np.linspace(0, 1, 16)
    run = [(float(-0.38 * L - Lc * t), float(bend * 4 * t * (1 - t))) for t in ts]
    metal = np.minimum(col * 1.1 + 12, 255)
    if side >= 32:
        pts = np.array(run)
        seg = np.cumsum(np.r_[0, np.hypot(*np.diff(pts, axis=0).T)])
        at = np.arange(0, seg[-1], max(1.2, 0.028 * side))
        beads = [_circle(max(0.5, 0.011 * side), 8, float(np.interp(s, seg, pts[:, 0])),
                         float(np.interp(s, seg, pts[:, 1]))) for s in at]
        chain = fr.fill(beads)
    else:
        chain = fr.line([run], 0.8)
    parts = [(chain, metal, 1.0, True), (body, col, 1.0, True), (rim * body, np.minimum(col + 30, 255), 0.5, False)]
    if side >= 32:
        rows = [[(-0.22 * L, y), (-0.22 * L + L * rng.uniform(0.35, 0.6), y)]
                for y in np.linspace(-0.28 * W, 0.28 * W, int(rng.integers(3, 5)))]
        parts.append((fr.line(rows, max(0.6, 0.045 * W)) * body, col * 0.7, 1.0, False))
    return _u8(_laid(f, parts, 0.35))


PLUGS = ((236, 200, 60), (204, 64, 52), (150, 102, 62), (176, 176, 170))


def _wall_plug(f: np.ndarray, rng) -> np.ndarray:
    """A plastic wall plug lying on the print: a ribbed tube 22-30% of the side long, at least 9 px, 24-30% of that
    wide at its collar, tapering to 75% at its split tip; yellow 236 / 200 / 60, red 204 / 64 / 52, brown 150 / 102
    / 62 or grey 176 / 176 / 170 nylon, translucent at 70-85% (the print showing through); its barbs a saw-tooth
    edge (6-9 teeth a side), a collar at the head end 20% darker; from 32 px a dark split along the tip's half and
    the bore's hole at the head, below a darker middle line; at any angle, its middle 30-70% of the way across and
    down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.22, 0.3))
    r0 = L * rng.uniform(0.12, 0.15)
    col = _pick(PLUGS, rng)
    fr = _frame_at(h, w, rng)
    n = int(rng.integers(6, 10))
    xs = np.linspace(-0.4 * L, 0.5 * L, 2 * n + 1)
    rr = [r0 * (1 - 0.25 * (x + 0.4 * L) / (0.9 * L)) * (1.0 if i % 2 == 0 else 0.8) for i, x in enumerate(xs)]
    upper = [(float(x), float(-r)) for x, r in zip(xs, rr)]
    lower = [(float(x), float(r)) for x, r in zip(xs[::-1], rr[::-1])]
    tube = fr.fill([upper + lower])
    collar = fr.fill([_rect(-0.5 * L, -1.15 * r0, -0.4 * L, 1.15 * r0)])
    parts = [(tube, col, rng.uniform(0.7, 0.85), True), (collar, col * 0.8, 1.0, True)]
    if side >= 32:
        parts.append((fr.line([[(0.05 * L, 0.0), (0.52 * L, 0.0)]], max(0.6, 0.14 * r0)), (40, 36, 34), 0.8, False))
        parts.append((fr.fill([_circle(0.45 * r0, 12, -0.45 * L, 0.0)]), col * 0.45, 1.0, False))
    else:
        parts.append((fr.line([[(-0.4 * L, 0.0), (0.5 * L, 0.0)]], max(0.6, 0.2 * r0)) * tube, col * 0.6, 0.8, False))
    return _u8(_laid(f, parts, 0.3))


PEELS = ((242, 140, 32), (232, 116, 22), (248, 164, 50))


def _clementine(f: np.ndarray, rng) -> np.ndarray:
    """A clementine lying on the print: a ball 15-21% of the side across, at least 7 px, peel orange 242 / 140 / 32,
    deep 232 / 116 / 22 or pale 248 / 164 / 50, shaded 18% darker away from the light, the peel's dimples (from 32
    px a scatter of dots 12% darker), a highlight 255 / 230 / 190 at 45%, the stem's scar a dark green dot 70 / 90
    / 40 and with chance 0.6 a leaf 60 / 120 / 48 with a paler midrib; its middle 30-70% of the way across and
    down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(3.5, side * rng.uniform(0.075, 0.105))
    col = _pick(PEELS, rng)
    fr = _frame_at(h, w, rng)
    ball = fr.fill([_circle(R, 32)])
    dark = fr.fill([_circle(R, 32)], holes=[_circle(0.92 * R, 32, -0.14 * R, -0.14 * R)])
    parts = [(ball, col, 1.0, True), (dark * ball, col * 0.82, 0.8, False)]
    if side >= 32:
        d = [_circle(max(0.35, 0.03 * R), 6, float(x), float(y)) for x, y in
             rng.uniform(-0.75, 0.75, (40, 2)) * R if np.hypot(x, y) < 0.8 * R]
        parts.append((fr.fill(d) * ball, col * 0.88, 1.0, False))
    parts.append((fr.fill([_ellipse(-0.35 * R, -0.35 * R, 0.3 * R + 0.3, 0.18 * R + 0.3, -0.7, 14)]),
                  (255, 230, 190), 0.45, False))
    if rng.random() < 0.6:
        leaf = fr.fill([_ellipse(0.05 * R, -1.3 * R, 0.75 * R, 0.3 * R, rng.uniform(-0.6, 0.6) - np.pi / 2 + 1.2, 18)])
        parts.append((leaf, (60, 120, 48), 1.0, True))
        if side >= 32:
            parts.append((fr.line([[(0.0, -0.1 * R), (0.1 * R, -1.6 * R)]], max(0.5, 0.05 * R)) * leaf,
                          (130, 170, 90), 0.8, False))
    parts.append((fr.fill([_circle(0.12 * R + 0.3, 8, 0.0, -0.05 * R)]), (70, 90, 40), 1.0, False))
    return _u8(_laid(f, parts, 0.35))


SPROUTS = ((150, 190, 90), (108, 156, 70), (112, 72, 112))


def _brussels_sprout(f: np.ndarray, rng) -> np.ndarray:
    """A Brussels sprout lying on the print: a slightly oval head 13-18% of the side across, at least 6 px, pale
    green 150 / 190 / 90, mid green 108 / 156 / 70 or a red variety's purple 112 / 72 / 112, its outer leaves'
    edges 2-4 arcs 30% darker (from 32 px, below one), a leaf peeling away on one side 10% lighter at 80%, a pale
    cut stem 214 / 214 / 170 at one end, a highlight at 30%; at any angle, its middle 30-70% of the way across and
    down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(3.0, side * rng.uniform(0.065, 0.09))
    col = _pick(SPROUTS, rng)
    fr = _frame_at(h, w, rng)
    head = fr.fill([_ellipse(0.0, 0.0, 1.1 * R, R, 0.0, 32)])
    loose = fr.fill([_ellipse(0.1 * R, 0.75 * R, 0.9 * R, 0.42 * R, 0.25, 20)])
    stem = fr.fill([_ellipse(1.05 * R, 0.0, 0.2 * R + 0.3, 0.38 * R + 0.3, 0.0, 12)])
    k = int(rng.integers(2, 5)) if side >= 32 else 1
    arcs = []
    for i in range(k):
        r = R * (0.35 + 0.5 * (i + 1) / (k + 1))
        t = np.linspace(-1.0, 1.0, 10) + rng.uniform(-0.4, 0.4)
        arcs.append([(float(1.0 * R - r * np.cos(u)), float(r * np.sin(u))) for u in t])
    parts = [(loose, np.minimum(col * 1.1 + 8, 255), 0.8, True), (head, col, 1.0, True),
             (fr.line(arcs, max(0.5, 0.08 * R)) * head, col * 0.7, 1.0, False), (stem, (214, 214, 170), 1.0, True),
             (fr.fill([_ellipse(-0.3 * R, -0.4 * R, 0.35 * R + 0.3, 0.18 * R + 0.3, 0.3, 12)]), (240, 250, 220), 0.3,
              False)]
    return _u8(_laid(f, parts, 0.35))


JACKS = ((28, 28, 30), (236, 236, 232))


def _jack_plug(f: np.ndarray, rng) -> np.ndarray:
    """A headphone jack plug lying on the print: a moulded body 16-22% of the side long, at least 7 px, 30% of that
    thick, black 28 / 28 / 30 or dark grey 70 / 72 / 78, a strain relief tapering from it; a metal shaft 70% of its
    length long, 12% of it thick, nickel 200 / 200 / 204 or gold-plated 214 / 180 / 96, with 1-2 black insulating
    rings (from 32 px; below one) and a rounded tip; a cable (the body's colour, 9% of its length thick, at least
    0.8 px) curving away 35-55% of the side; a highlight along the shaft at 50%; at any angle, its middle 30-70% of
    the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(7.0, side * rng.uniform(0.16, 0.22))
    col = _pick(JACKS, rng)
    metal = _pick(((200, 200, 204), (214, 180, 96)), rng)
    fr = _frame_at(h, w, rng)
    body = fr.fill([_rounded(L, 0.3 * L, 0.08 * L), [(-0.5 * L, -0.12 * L), (-0.5 * L, 0.12 * L),
                                                     (-0.75 * L, 0.06 * L), (-0.75 * L, -0.06 * L)]])
    shaft = fr.fill([_rounded(0.72 * L, 2 * 0.06 * L + 0.6, 0.06 * L, 0.5 * L + 0.36 * L, 0.0)])
    rings = [_rect(x - 0.025 * L, -0.07 * L - 0.3, x + 0.025 * L, 0.07 * L + 0.3)
             for x in ((0.95 * L, 1.08 * L) if side >= 32 else (1.0 * L,))[: int(rng.integers(1, 3))]]
    Lc = side * rng.uniform(0.35, 0.55)
    bend = rng.uniform(-0.35, 0.35) * Lc
    ts = np.linspace(0, 1, 14)
    cable = fr.line([[(float(-0.74 * L - Lc * u), float(bend * 4 * u * (1 - u))) for u in ts]], max(0.8, 0.09 * L))
    shine = fr.line([[(0.55 * L, -0.03 * L), (1.1 * L, -0.03 * L)]], max(0.4, 0.02 * L))
    parts = [(cable, col, 1.0, True), (shaft, metal, 1.0, True), (fr.fill(rings) * shaft, (20, 20, 22), 1.0, False),
             (shine * shaft, (255, 255, 255), 0.5, False), (body, col, 1.0, True)]
    return _u8(_laid(f, parts, 0.4))


PULPS = np.array([(176, 172, 164), (198, 180, 150), (170, 190, 204)], np.float32)


def _egg_tray(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a moulded-pulp egg tray: the ink multiplied onto grey pulp 176 / 172 / 164, brown 198 /
    180 / 150 or a pastel blue 170 / 190 / 204, 45-58% of the way from the picture; its grid of cups every 15-22% of
    the side (at least 5 px), at 0-45 degrees, each cup a dimple and the posts between them bumps, shaded by a light
    from one side (the slope along the light, 16-22% up and down); the pulp's fibrous grain 4% up and down: moulded
    relief in a grid, not AT's acoustic foam or AW's ceiling tile."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = PULPS[int(rng.integers(len(PULPS)))]
    k = rng.uniform(0.45, 0.58)
    out = f * (1 - k) + k * f * tone / 255 + k * 0.2 * tone
    step = max(5.0, side * rng.uniform(0.15, 0.22))
    a = rng.uniform(0, np.pi / 4)
    u = (xx * np.cos(a) + yy * np.sin(a)) / step + rng.uniform(0, 1)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / step + rng.uniform(0, 1)
    height = np.cos(2 * np.pi * u) * np.cos(2 * np.pi * v)
    gy, gx = np.gradient(height)
    b = rng.uniform(0, 2 * np.pi)
    slope = (gx * np.cos(b) + gy * np.sin(b)) * step / (2 * np.pi)
    slope = slope / max(float(np.abs(slope).max()), 1e-6)
    grain = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.5, 0.004 * side))
    grain = grain / max(float(grain.std()), 1e-6)
    mult = 1 + rng.uniform(0.16, 0.22) * slope + 0.04 * np.clip(grain, -2, 2) / 2
    return _u8(out * mult[..., None])


def _nacre(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a mother-of-pearl inlay: the ink multiplied onto nacre's pearly white 236 / 232 / 226,
    35-48% of the way from the picture; the inlay cut in 2-4 by 2-3 pieces (jittered seams 0.5% of the side wide,
    at least 0.6 px, 25% darker at 70%), each piece's iridescence its own: wavy growth bands at any angle, 3-7% of the
    side apart, tinting the three channels out of phase by 9-13% (a rainbow sheen) and a soft shimmer 8% up and down:
    an iridescent shell, not AS's oil film or Q's hologram."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    k = rng.uniform(0.35, 0.48)
    tone = np.array([236, 232, 226], np.float32)
    out = f * (1 - k) + k * f * tone / 255 + k * 0.25 * tone
    nx, ny = int(rng.integers(2, 5)), int(rng.integers(2, 4))
    cx = np.sort(rng.uniform(0.15, 0.85, nx - 1)) * w
    cy = np.sort(rng.uniform(0.2, 0.8, ny - 1)) * h
    wob = 0.03 * side * _field(h, w, 0.15 * side, rng)
    ci = np.searchsorted(cx, xx + wob)
    cj = np.searchsorted(cy, yy - wob)
    piece = ci * ny + cj
    tint = np.ones((h, w, 3), np.float32)
    amp = rng.uniform(0.09, 0.13)
    warp = 0.02 * side * _field(h, w, 0.08 * side, rng)
    for p in range(nx * ny):
        m = piece == p
        a = rng.uniform(0, np.pi)
        lam = side * rng.uniform(0.03, 0.07)
        ph = 2 * np.pi * ((xx * np.cos(a) + yy * np.sin(a) + warp) / lam) + rng.uniform(0, 6.3)
        for c in range(3):
            tint[..., c][m] = 1 + amp * np.cos(ph[m] + 2.1 * c)
    shimmer = 1 + 0.08 * np.clip(_field(h, w, 0.05 * side, rng), -2, 2) / 2
    out = out * tint * shimmer[..., None]
    seams = np.zeros((h, w), np.float32)
    sw = max(0.6, 0.005 * side)
    for x in cx:
        seams = np.maximum(seams, np.clip(1 - np.abs(xx + wob - x) / sw, 0, 1))
    for y in cy:
        seams = np.maximum(seams, np.clip(1 - np.abs(yy - wob - y) / sw, 0, 1))
    out = out * (1 - 0.25 * 0.7 * seams)[..., None]
    return _u8(out)


RUSHES = np.array([(196, 188, 120), (212, 188, 132)], np.float32)
BORDERS = ((34, 34, 40), (34, 40, 70), (86, 56, 40))


def _tatami(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a tatami mat: the ink multiplied onto fresh rush's green-gold 196 / 188 / 120 or aged
    straw 212 / 188 / 132, 45-58% of the way from the picture; the rush stalks fine stripes along the mat, 0.8-1.2%
    of the side apart (at least 1.5 px), each stalk's own tone 6% up or down and a rounded profile 10% up and down;
    the weaving threads across them every 5-8% of the side, 25% darker at 35%; a cloth border (heri) 5-7% of the side
    wide along one edge, black 34 / 34 / 40, navy 34 / 40 / 70 or brown 86 / 56 / 40 at 85%: woven rush, not AR's
    corduroy, AT's hessian or AU's papyrus."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = RUSHES[int(rng.integers(len(RUSHES)))]
    k = rng.uniform(0.45, 0.58)
    out = f * (1 - k) + k * f * tone / 255 + k * 0.2 * tone
    along = rng.random() < 0.5
    u, v = (xx, yy) if along else (yy, xx)
    p = max(1.5, side * rng.uniform(0.008, 0.012))
    idx = np.floor(u / p).astype(int)
    own = rng.uniform(-0.06, 0.06, int(idx.max()) + 2)[idx]
    prof = 0.1 * np.cos(2 * np.pi * (u / p))
    q = side * rng.uniform(0.05, 0.08)
    thread = np.clip(1 - np.abs(((v / q + rng.uniform(0, 1)) % 1) - 0.5) * q / max(0.5, 0.004 * side), 0, 1)
    mult = (1 + own + prof) * (1 - 0.25 * 0.35 * thread)
    out = out * mult[..., None]
    bw = side * rng.uniform(0.05, 0.07)
    edge = int(rng.integers(4))
    if edge == 0:
        m = u < bw
    elif edge == 1:
        m = u > (w if along else h) - bw
    else:
        m = (v < bw) if edge == 2 else (v > (h if along else w) - bw)
    return _u8(_paint(out, 0.85 * m.astype(np.float32), _pick(BORDERS, rng)))


def near_edit_az(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "dog_tag":  # a dog tag on its ball chain lying on the print
        return _dog_tag(f, rng)
    if kind == "wall_plug":  # a plastic wall plug lying on the print
        return _wall_plug(f, rng)
    if kind == "clementine":  # a clementine lying on the print
        return _clementine(f, rng)
    if kind == "brussels_sprout":  # a Brussels sprout lying on the print
        return _brussels_sprout(f, rng)
    if kind == "jack_plug":  # a headphone jack plug and its cable lying on the print
        return _jack_plug(f, rng)
    if kind == "egg_tray":  # the picture printed on a moulded-pulp egg tray
        return _egg_tray(f, rng)
    if kind == "nacre":  # the picture printed on a mother-of-pearl inlay
        return _nacre(f, rng)
    if kind == "tatami":  # the picture printed on a tatami mat
        return _tatami(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _sx70_pushed(f: np.ndarray, rng) -> np.ndarray:
    """The picture as a Polaroid SX-70 print pushed about with a stylus while its dyes were still soft: the picture
    softened in the print's layers, a Gaussian of 1.5-2.3% of the side, at least 1 px, for 70% of it and one 2.5
    times as wide for 20%, the rest the print's warm grey 150 / 140 / 120; the dyes then dragged along the stylus's
    strokes, a smooth displacement of 1.5-2.5% of the side along 2 directions (fields of 6-10% of the side); the
    pressed strokes' burnished ridges, 6-10 curved lines 0.5% of the side wide (at least 0.6 px) 10% lighter; the
    film's cast, blacks lifted by 14 levels and a warm tint (1.04 / 1.0 / 0.9); as a camera metering on the
    highlights exposes it: the dyes moved in a print, not AO's emulsion lift or S's oil paint."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    soft = np.stack([0.7 / 0.9 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.2 / 0.9 * gaussian_filter(f[..., c], 2.5 * s, mode="reflect") for c in range(3)], axis=2)
    soft = soft * 0.9 + 0.1 * np.array([150, 140, 120], np.float32)
    amp = side * rng.uniform(0.015, 0.025)
    dx = amp * _field(h, w, side * rng.uniform(0.06, 0.1), rng)
    dy = amp * _field(h, w, side * rng.uniform(0.06, 0.1), rng)
    coords = [np.clip(yy - 0.5 + dy, 0, h - 1), np.clip(xx - 0.5 + dx, 0, w - 1)]
    out = np.stack([map_coordinates(soft[..., c], coords, order=1, mode="nearest") for c in range(3)], axis=2)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    strokes = []
    for _ in range(int(rng.integers(6, 11))):
        x, y, L, a = rng.uniform(0, w), rng.uniform(0, h), side * rng.uniform(0.15, 0.4), rng.uniform(0, np.pi)
        bend = rng.uniform(-0.2, 0.2) * L
        ts = np.linspace(0, 1, 10)
        strokes.append([(float(x + L * t * np.cos(a) - bend * 4 * t * (1 - t) * np.sin(a)),
                         float(y + L * t * np.sin(a) + bend * 4 * t * (1 - t) * np.cos(a))) for t in ts])
    ridge = ident.line(strokes, max(0.6, 0.005 * side))
    out = out * (1 + 0.1 * ridge)[..., None]
    out = (14 + out * (241 / 255)) * np.array([1.04, 1.0, 0.9], np.float32)
    return _u8(_metered(out, f))


def _limescale_screen(f: np.ndarray, rng) -> np.ndarray:
    """The picture hung behind a glass shower screen clouded with limescale and photographed through it: the hard
    water's film scatters the light, a Gaussian of 1.5-2.3% of the side, at least 1 px, for 65% of it and one 3.5
    times as wide for 25%, the rest the bathroom's white light 222 / 224 / 226; a patchy chalky veil 8-16% of the way
    to 236 / 236 / 232 (a smooth field of 10-20% of the side); 10-18 dried drip trails, wavy streaks straight down
    20-60% of the side long, 0.5-0.9% wide (at least 0.7 px), whiter at 20%; 15-30 water-spot rings 1-2.5% of the
    side across, at least 1.5 px, at 18%; as a camera metering on the highlights exposes it: mineral scale on glass
    in front of the picture, not I's frosted glass, K's steamed window or AE's salt-crusted window."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    soft = np.stack([0.65 / 0.9 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.25 / 0.9 * gaussian_filter(f[..., c], 3.5 * s, mode="reflect") for c in range(3)], axis=2)
    out = soft * 0.9 + 0.1 * np.array([222, 224, 226], np.float32)
    veil = rng.uniform(0.08, 0.16) * (1 + 0.5 * np.clip(_field(h, w, side * rng.uniform(0.1, 0.2), rng), -2, 2) / 2)
    chalk = np.array([236, 236, 232], np.float32)
    out = out * (1 - veil[..., None]) + veil[..., None] * chalk
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    drips = []
    for _ in range(int(rng.integers(10, 19))):
        x, y, L = rng.uniform(0, w), rng.uniform(-0.1, 0.7) * h, side * rng.uniform(0.2, 0.6)
        ts = np.linspace(0, 1, 12)
        ph, wv = rng.uniform(0, 6.3), rng.uniform(0.004, 0.01) * side
        drips.append([(float(x + wv * np.sin(ph + 9 * t)), float(y + L * t)) for t in ts])
    out = _paint(out, 0.2 * ident.line(drips, max(0.7, side * rng.uniform(0.005, 0.009))), chalk)
    outer, inner = [], []
    for _ in range(int(rng.integers(15, 31))):
        r = max(0.75, side * rng.uniform(0.005, 0.0125))
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        outer.append(_circle(r, 14, x, y))
        inner.append(_circle(0.6 * r, 10, x, y))
    ring = np.clip(ident.fill(outer) - ident.fill(inner), 0, 1)
    out = _paint(out, 0.18 * ring, chalk)
    return _u8(_metered(out, f))


def blur_az(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "sx70_pushed":  # an SX-70 print's soft dyes pushed about with a stylus
        return _sx70_pushed(f, rng)
    if kind == "limescale_screen":  # behind a shower screen clouded with limescale
        return _limescale_screen(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
FIBRE_COLOURS = (np.array([0.7, 0.3, 1.0], np.float32), np.array([0.25, 0.5, 1.0], np.float32),
                 np.array([1.0, 0.3, 0.7], np.float32), np.array([0.3, 1.0, 0.55], np.float32))


def _fibre_optic_lamp(f: np.ndarray, rng) -> np.ndarray:
    """A bedroom at night lit only by a fibre-optic lamp standing in the picture: a dark base 40 / 38 / 44, 10-14% of
    the side wide and 8% high, at the bottom, its middle 25-75% across; a spray of 25-40 fibres fanning up from it
    30-45% of the side, faint lines at 25% in the lamp's colour of the moment (violet 0.7 / 0.3 / 1.0, blue 0.25 /
    0.5 / 1.0, pink 1.0 / 0.3 / 0.7 or green 0.3 / 1.0 / 0.55), each tip a bright dot 0.8% of the side across (at
    least 0.6 px) in that colour at 230 levels; a glow of sigma 5-8% of the side round the tips up to 35-50 levels;
    the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) **
    2)`` with the distance ``d`` from the tips' middle, ``d0`` 25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    light = FIBRE_COLOURS[int(rng.integers(len(FIBRE_COLOURS)))]
    bw = side * rng.uniform(0.1, 0.14)
    cx, by = w * rng.uniform(0.25, 0.75), h - 0.08 * side
    Lf = side * rng.uniform(0.3, 0.45)
    n = int(rng.integers(25, 41))
    ang = rng.uniform(-1.0, 1.0, n)
    lens = Lf * rng.uniform(0.75, 1.0, n)
    tips = [(float(cx + r * np.sin(a)), float(by - r * np.cos(a) + 0.15 * r * a * a)) for a, r in zip(ang, lens)]
    mx, my = float(np.mean([t[0] for t in tips])), float(np.mean([t[1] for t in tips]))
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - mx, yy - my) / d0) ** 2)
    out = _lit(f, gain[..., None] * light, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    fibres = ident.line([[(cx, by), ((cx + x) / 2, (by + y) / 2 - 0.03 * side), (x, y)] for x, y in tips], 0.5)
    dots = ident.fill([_circle(max(0.6, 0.004 * side), 6, x, y) for x, y in tips])
    out = _paint(out, 0.25 * fibres, 200 * light)
    out = out + _glow(dots, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(35, 50) * light
    out = _paint(out, dots, np.minimum(230 * light + 40, 255))
    return _u8(_paint(out, ident.fill([_rect(cx - bw / 2, by, cx + bw / 2, h + 1.0)]), (40, 38, 44)))


BUTTON_LIGHTS = (np.array([1.0, 0.72, 0.3], np.float32), np.array([0.85, 0.9, 1.0], np.float32),
                 np.array([0.4, 0.62, 1.0], np.float32))


def _lift_call_button(f: np.ndarray, rng) -> np.ndarray:
    """A building's lobby at night lit only by a lift's lit call button: a steel panel 70 / 70 / 74, 8-11% of the
    side wide and 2.2 times that high, its middle 45-60% down and 10-25% or 75-90% across, with two round buttons
    (up and down, 28% of its width across, at least 1 px), one lit, its ring amber 1.0 / 0.72 / 0.3, white 0.85 /
    0.9 / 1.0 or blue 0.4 / 0.62 / 1.0 at 240 levels with a glow of sigma 2-4% of the side up to 40-55 levels, the
    other dark 30 / 30 / 32; beside it the lift's closed doors' gap, a thin upright line of the lit car's light
    (0.4% of the side wide, at least 0.6 px, 50-60% of the height high) at 150-200 levels with a glow of sigma 2% up
    to 20-30; the picture lit in the button's colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1
    + (d / d0) ** 2)`` with the distance ``d`` from the button, ``d0`` 20-30% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    light = BUTTON_LIGHTS[int(rng.integers(len(BUTTON_LIGHTS)))]
    pw = side * rng.uniform(0.08, 0.11)
    ph = 2.2 * pw
    left = rng.random() < 0.5
    cx = w * (rng.uniform(0.1, 0.25) if left else rng.uniform(0.75, 0.9))
    cy = h * rng.uniform(0.45, 0.6)
    up = rng.random() < 0.5
    r = max(0.5, 0.14 * pw)
    by = cy + (-0.22 * ph if up else 0.22 * ph)
    oy = cy + (0.22 * ph if up else -0.22 * ph)
    d0 = side * rng.uniform(0.2, 0.3)
    gx = cx + (1 if left else -1) * side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - cx, yy - by) / d0) ** 2)
    gain = gain[..., None] * light + (0.08 / (1 + (np.abs(xx - gx) / (0.1 * side)) ** 2))[..., None] * np.array(
        [1.0, 0.95, 0.85], np.float32) * (yy > h * 0.25)[..., None]
    out = _lit(f, gain, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rounded(pw, ph, 0.1 * pw, cx, cy)]), (70, 70, 74))
    lit = ident.fill([_circle(r + 0.3, 16, cx, by)])
    out = _paint(out, ident.fill([_circle(r + 0.3, 16, cx, oy)]), (30, 30, 32))
    out = out + _glow(lit, max(0.8, side * rng.uniform(0.02, 0.04)))[..., None] * rng.uniform(40, 55) * light
    out = _paint(out, lit, 240 * light)
    gh = h * rng.uniform(0.5, 0.6)
    gap = ident.line([[(gx, h + 1.0), (gx, h - gh)]], max(0.6, 0.004 * side))
    out = out + _glow(gap, max(0.8, 0.02 * side))[..., None] * rng.uniform(20, 30) * np.array([1.0, 0.95, 0.85])
    return _u8(_paint(out, gap, rng.uniform(150, 200) * np.array([1.0, 0.95, 0.85], np.float32)))


EV_LIGHTS = (np.array([0.3, 1.0, 0.5], np.float32), np.array([0.3, 0.6, 1.0], np.float32))


def _ev_charger(f: np.ndarray, rng) -> np.ndarray:
    """A car park at night lit only by an electric car's charging post: a post 8-11% of the side wide and 40-55% of
    the height high at the bottom, its middle 15-85% across, dark grey 52 / 54 / 58 with a lighter cap; an upright
    light strip on its front, 60% of its height high and 18% of its width wide (at least 0.8 px), green 0.3 / 1.0 /
    0.5 (charging) or blue 0.3 / 0.6 / 1.0 (ready) at 230 levels, with a glow of sigma 3-5% of the side up to 40-55
    levels; a small screen above it glowing pale 150 / 170 / 170; the charging cable, a dark curve 1% of the side
    wide (at least 0.8 px) from its holster out of the frame at the bottom; the picture lit in the strip's colour
    at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from
    the strip, ``d0`` 25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    light = EV_LIGHTS[int(rng.integers(len(EV_LIGHTS)))]
    pw, ph = side * rng.uniform(0.08, 0.11), h * rng.uniform(0.4, 0.55)
    cx = w * rng.uniform(0.15, 0.85)
    y0 = h - ph
    sw = max(0.8, 0.18 * pw)
    sx0, sx1, sy0, sy1 = cx - sw / 2, cx + sw / 2, y0 + 0.25 * ph, y0 + 0.85 * ph
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (_rect_distance(xx, yy, sx0, sy0, sx1, sy1) /
                                                                          d0) ** 2)
    out = _lit(f, gain[..., None] * light, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(cx - pw / 2, y0, cx + pw / 2, h + 1.0)]), (52, 54, 58))
    out = _paint(out, ident.fill([_rounded(1.15 * pw, 0.06 * ph + 1, 0.03 * ph, cx, y0)]), (84, 86, 92))
    out = _paint(out, ident.fill([_rect(cx - 0.3 * pw, y0 + 0.08 * ph, cx + 0.3 * pw, y0 + 0.18 * ph)]),
                 (150, 170, 170))
    s = 1 if rng.random() < 0.5 else -1
    hx, hy = cx + s * pw / 2, y0 + 0.45 * ph
    ts = np.linspace(0, 1, 12)
    ex = hx + s * side * rng.uniform(0.1, 0.3)
    cable = ident.line([[(float(hx + (ex - hx) * t), float(hy + (h + 2 - hy) * t ** 2 + 0.08 * side * np.sin(np.pi
                                                                                                       * t)))
                         for t in ts]], max(0.8, 0.01 * side))
    out = _paint(out, cable, (24, 24, 26))
    strip = ident.fill([_rect(sx0, sy0, sx1, sy1)])
    out = out + _glow(strip, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(40, 55) * light
    return _u8(_paint(out, strip, np.minimum(230 * light + 30, 255)))


def dark_az(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "fibre_optic_lamp":  # a bedroom lit only by a fibre-optic lamp
        return _fibre_optic_lamp(f, rng)
    if kind == "lift_call_button":  # a lobby lit only by a lift's lit call button
        return _lift_call_button(f, rng)
    if kind == "ev_charger":  # a car park lit only by an electric car's charging post
        return _ev_charger(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _food_truck(size: int, rng) -> dict:
    """A street-food truck parked on a street: a road from 76-84% of the way down, a kerb; a van 62-78% of the side
    long, its middle 40-60% across: a boxy body 36% of the side high, a cab at one end with a sloping windscreen and a
    side window, a serving hatch in the body's side with a striped awning propped above it and a counter below, a
    menu board beside the hatch, two wheels with hubs, a roof vent (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("road", "body", "windows", "hatch", "awning", "stripes", "wheels", "hubs", "menu"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.76, 0.84)
    d["road"].rectangle((0, gl, big, big), fill=255)
    L = big * rng.uniform(0.62, 0.78)
    cx = min(max(big * rng.uniform(0.4, 0.6), L / 2 + 0.04 * big), big - L / 2 - 0.04 * big)
    s = 1 if rng.random() < 0.5 else -1
    x0, x1 = cx - L / 2, cx + L / 2
    bot, top = gl - 0.06 * big, gl - 0.42 * big
    cabx = x1 - 0.22 * L if s > 0 else x0 + 0.22 * L
    bx0, bx1 = (x0, cabx) if s > 0 else (cabx, x1)
    d["body"].rounded_rectangle((bx0, top, bx1, bot), radius=0.02 * big, fill=255)
    ct = top + 0.12 * big
    nose = x1 if s > 0 else x0
    d["body"].polygon([(cabx, ct), (cabx + s * 0.12 * L, ct), (nose, ct + 0.12 * big), (nose, bot), (cabx, bot)],
                      fill=255)
    d["windows"].polygon([(cabx + s * 0.13 * L, ct + 0.02 * big), (nose - s * 0.01 * L, ct + 0.12 * big),
                          (cabx + s * 0.13 * L, ct + 0.12 * big)], fill=255)
    d["windows"].rectangle((min(cabx + s * 0.02 * L, cabx + s * 0.1 * L), ct + 0.02 * big,
                            max(cabx + s * 0.02 * L, cabx + s * 0.1 * L), ct + 0.1 * big), fill=255)
    hx0, hx1 = bx0 + 0.15 * (bx1 - bx0), bx0 + 0.7 * (bx1 - bx0)
    hy0, hy1 = top + 0.1 * big, top + 0.22 * big
    d["hatch"].rectangle((hx0, hy0, hx1, hy1), fill=255)
    d["awning"].polygon([(hx0 - 0.02 * big, hy0), (hx1 + 0.02 * big, hy0), (hx1 + 0.05 * big, hy0 - 0.07 * big),
                         (hx0 - 0.05 * big, hy0 - 0.07 * big)], fill=255)
    for x in np.arange(hx0 - 0.05 * big, hx1 + 0.05 * big, 0.04 * big):
        d["stripes"].rectangle((x, hy0 - 0.07 * big, x + 0.02 * big, hy0), fill=255)
    d["hatch"].rectangle((hx0 - 0.01 * big, hy1, hx1 + 0.01 * big, hy1 + 0.02 * big), fill=255)
    mx = hx1 + 0.04 * big
    d["menu"].rectangle((mx, hy0, min(mx + 0.08 * big, bx1 - 0.01 * big), hy1 + 0.04 * big), fill=255)
    d["body"].rectangle((bx0 + 0.3 * (bx1 - bx0), top - 0.03 * big, bx0 + 0.42 * (bx1 - bx0), top), fill=255)
    for wx in (x0 + 0.18 * L, x1 - 0.18 * L):
        d["wheels"].ellipse((wx - 0.065 * big, gl - 0.13 * big, wx + 0.065 * big, gl), fill=255)
        d["hubs"].ellipse((wx - 0.025 * big, gl - 0.09 * big, wx + 0.025 * big, gl - 0.04 * big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["stripes"] = out["stripes"] * out["awning"]
    return out


def _snowmobile(size: int, rng) -> dict:
    """A snowmobile on a snowfield, seen from the side: snow from 66-76% of the way down, 2-3 dark fir trees on the
    horizon; a snowmobile 60-75% of the side long, its middle 40-60% across: a low body with a pointed cowl at the
    front and a tinted windscreen, a long seat behind with a rider's helmeted head and body, a ski on a strut under
    the front, the rubber track along the back half round 3-4 bogie wheels, a spray of snow behind (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("snow", "trees", "body", "screen", "seat", "rider", "ski", "track", "bogies", "spray"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.66, 0.76)
    d["snow"].rectangle((0, gl, big, big), fill=255)
    for _ in range(int(rng.integers(2, 4))):
        tx, th = big * rng.uniform(0.05, 0.95), big * rng.uniform(0.12, 0.2)
        d["trees"].polygon([(tx, gl - th), (tx - 0.4 * th, gl), (tx + 0.4 * th, gl)], fill=255)
    L = big * rng.uniform(0.6, 0.75)
    cx = min(max(big * rng.uniform(0.4, 0.6), L / 2 + 0.04 * big), big - L / 2 - 0.04 * big)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: cx + s * (t - 0.5) * L  # noqa: E731  (0 at the back, 1 at the front)
    base = gl + 0.06 * big
    d["track"].rounded_rectangle((min(X(0.0), X(0.55)), base - 0.1 * big, max(X(0.0), X(0.55)), base),
                                 radius=0.05 * big, fill=255)
    for t in np.linspace(0.08, 0.47, int(rng.integers(3, 5))):
        d["bogies"].ellipse((X(t) - 0.03 * big, base - 0.08 * big, X(t) + 0.03 * big, base - 0.02 * big), fill=255)
    d["body"].polygon([(X(0.0), base - 0.1 * big), (X(0.0), base - 0.2 * big), (X(0.55), base - 0.22 * big),
                       (X(0.8), base - 0.26 * big), (X(1.0), base - 0.14 * big), (X(0.85), base - 0.08 * big),
                       (X(0.55), base - 0.1 * big)], fill=255)
    d["screen"].polygon([(X(0.6), base - 0.23 * big), (X(0.66), base - 0.36 * big), (X(0.72), base - 0.25 * big)],
                        fill=255)
    d["seat"].rounded_rectangle((min(X(0.08), X(0.5)), base - 0.25 * big, max(X(0.08), X(0.5)), base - 0.19 * big),
                                radius=0.02 * big, fill=255)
    d["rider"].polygon([(X(0.3), base - 0.24 * big), (X(0.34), base - 0.46 * big), (X(0.46), base - 0.46 * big),
                        (X(0.5), base - 0.24 * big)], fill=255)
    d["rider"].line([(X(0.42), base - 0.4 * big), (X(0.62), base - 0.3 * big)], fill=255, width=max(2, round(0.025
                                                                                                         * big)))
    d["rider"].ellipse((X(0.4) - 0.05 * big, base - 0.57 * big, X(0.4) + 0.05 * big, base - 0.46 * big), fill=255)
    d["ski"].line([(X(0.82), base - 0.1 * big), (X(0.82), base - 0.01 * big)], fill=255, width=max(2, round(0.015
                                                                                                        * big)))
    d["ski"].line([(X(0.68), base), (X(1.0), base), (X(1.05), base - 0.03 * big)], fill=255,
                  width=max(2, round(0.015 * big)))
    for _ in range(14):
        x, y, r = X(-0.1) - s * big * rng.uniform(0, 0.12), base - big * rng.uniform(0.02, 0.14), big * rng.uniform(
            0.01, 0.025)
        d["spray"].ellipse((x - r, y - r, x + r, y + r), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _dodgems(size: int, rng) -> dict:
    """A dodgems (bumper cars) rink, seen from the side: the ceiling's electric grid across the top 12-18% (a dark
    band with a mesh of lines) and 4-7 bulbs along its edge; a steel floor from 70-80% of the way down; 2-3 bumper
    cars on it, each 26-34% of the side long, a rounded tub with a thick rubber bumper round its foot, a high seat
    back, a driver's head, and a pole from its back up to the grid (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ceiling", "mesh", "bulbs", "floor", "cars", "bumpers", "seats", "heads", "poles"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    ct = big * rng.uniform(0.12, 0.18)
    d["ceiling"].rectangle((0, 0, big, ct), fill=255)
    lw = max(1, round(0.006 * big))
    for x in np.arange(0, big, 0.06 * big):
        d["mesh"].line([(x, 0), (x + 0.06 * big, ct)], fill=255, width=lw)
        d["mesh"].line([(x + 0.06 * big, 0), (x, ct)], fill=255, width=lw)
    for x in np.linspace(0.08, 0.92, int(rng.integers(4, 8))) * big:
        d["bulbs"].ellipse((x - 0.02 * big, ct - 0.01 * big, x + 0.02 * big, ct + 0.03 * big), fill=255)
    fl = big * rng.uniform(0.7, 0.8)
    d["floor"].rectangle((0, fl, big, big), fill=255)
    n = int(rng.integers(2, 4))
    xs = np.linspace(0.2, 0.8, n) * big + rng.uniform(-0.04, 0.04, n) * big
    cars = []
    for x in xs:
        L = big * rng.uniform(0.26, 0.34) * (0.9 if n == 3 else 1.0)
        y = fl + big * rng.uniform(0.02, 0.1)
        s = 1 if rng.random() < 0.5 else -1
        d["bumpers"].rounded_rectangle((x - L / 2, y - 0.06 * big, x + L / 2, y), radius=0.03 * big, fill=255)
        d["cars"].rounded_rectangle((x - 0.45 * L, y - 0.2 * big, x + 0.45 * L, y - 0.04 * big), radius=0.05 * big,
                                    fill=255)
        bx = x - s * 0.3 * L
        d["seats"].rounded_rectangle((bx - 0.07 * L, y - 0.3 * big, bx + 0.07 * L, y - 0.12 * big), radius=0.02 * big,
                                     fill=255)
        hx = x - s * 0.1 * L
        d["heads"].ellipse((hx - 0.045 * big, y - 0.33 * big, hx + 0.045 * big, y - 0.23 * big), fill=255)
        d["poles"].line([(bx - s * 0.05 * L, y - 0.2 * big), (bx - s * 0.05 * L, ct)], fill=255,
                        width=max(2, round(0.01 * big)))
        cars.append(x)
    out = {k: _down(v, size) for k, v in M.items()}
    out["mesh"] = out["mesh"] * out["ceiling"]
    out["poles"] = out["poles"] * (1 - out["seats"])
    return out


def outlier_az(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "food_truck":
        m = _food_truck(size, rng)
        if photos:  # a dusk-blue sky, a grey road, a teal or red van, a red and white awning, a lit hatch
            body = ((40, 160, 160), (200, 50, 44))[int(rng.integers(2))]
            out = _paint(_paint(ground((110, 150, 200)), m["road"], (70, 70, 74)), m["body"], body)
            out = _paint(_paint(out, m["windows"], (40, 50, 60)), m["hatch"], (250, 220, 150))
            out = _paint(_paint(out, m["awning"], (246, 244, 240)), m["stripes"], (210, 40, 40))
            out = _paint(_paint(out, m["menu"], (30, 30, 30)), m["wheels"], (24, 24, 26))
            return _u8(_paint(out, m["hubs"], (180, 180, 184)))
        out = _paint(_paint(ground(tone(0.0)), m["road"], tone(0.2)), m["body"], tone(0.7))
        out = _paint(_paint(out, m["windows"], tone(0.3)), m["hatch"], tone(1.0))
        out = _paint(_paint(out, m["awning"], tone(0.9)), m["stripes"], tone(0.5))
        out = _paint(_paint(out, m["menu"], tone(0.15)), m["wheels"], tone(0.4))
        return _u8(_paint(out, m["hubs"], tone(0.85)))
    if kind == "snowmobile":
        m = _snowmobile(size, rng)
        if photos:  # a blue sky, white snow, dark firs, a red or yellow snowmobile, a black track, a dark rider
            body = ((210, 36, 36), (240, 200, 30))[int(rng.integers(2))]
            out = _paint(_paint(ground((130, 180, 235)), m["trees"], (30, 70, 50)), m["snow"], (240, 244, 250))
            out = _paint(_paint(out, m["spray"], (250, 252, 255)), m["track"], (30, 30, 32))
            out = _paint(_paint(out, m["bogies"], (140, 140, 146)), m["body"], body)
            out = _paint(_paint(out, m["screen"], (60, 70, 90)), m["seat"], (26, 26, 28))
            return _u8(_paint(_paint(out, m["rider"], (40, 60, 120)), m["ski"], (50, 50, 54)))
        out = _paint(_paint(ground(tone(0.0)), m["trees"], tone(0.25)), m["snow"], tone(0.15))
        out = _paint(_paint(out, m["spray"], tone(0.6)), m["track"], tone(0.35))
        out = _paint(_paint(out, m["bogies"], tone(0.7)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["screen"], tone(0.5)), m["seat"], tone(0.3))
        return _u8(_paint(_paint(out, m["rider"], tone(0.8)), m["ski"], tone(0.6)))
    if kind == "dodgems":
        m = _dodgems(size, rng)
        cols = ((220, 40, 40), (250, 200, 30), (40, 90, 210), (40, 170, 80))
        if photos:  # a dark grid, warm bulbs, a grey steel floor, bright cars with black bumpers
            out = _paint(_paint(ground((46, 40, 60)), m["ceiling"], (24, 24, 28)), m["mesh"], (120, 120, 128))
            out = _paint(_paint(out, m["bulbs"], (255, 230, 150)), m["floor"], (120, 124, 130))
            out = _paint(out, m["poles"], (170, 170, 176))
            out = _paint(_paint(out, m["bumpers"], (20, 20, 22)), m["cars"], cols[int(rng.integers(4))])
            return _u8(_paint(_paint(out, m["seats"], cols[int(rng.integers(4))]), m["heads"], (200, 150, 120)))
        out = _paint(_paint(ground(tone(0.0)), m["ceiling"], tone(0.15)), m["mesh"], tone(0.45))
        out = _paint(_paint(out, m["bulbs"], tone(1.0)), m["floor"], tone(0.3))
        out = _paint(out, m["poles"], tone(0.55))
        out = _paint(_paint(out, m["bumpers"], tone(0.1)), m["cars"], tone(0.85))
        return _u8(_paint(_paint(out, m["seats"], tone(0.65)), m["heads"], tone(0.95)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def label_roll_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                     rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: each item was labelled at the packing bench with a sticker
    from its class's roll of pre-printed labels, the classes' rolls side by side on a dispenser rack (in a random
    order). When a roll ran out, the packer sometimes carried on with the roll beside it on the rack until a new roll
    was loaded. Each class's eligible items (in a random order) go through the bench; its rolls hold ``ROLL_LABELS``
    labels each; at each roll's end, with chance ``STOPGAP``, the next ``GAP_ITEMS`` items of that class get the
    class of the roll to its left or right on the rack (at random; at the rack's ends its one neighbour); the run-outs
    are taken in a random order until ``count`` items are flipped (passes repeated while some are left). Noise in
    short blocks of one class's items, directed at the class whose roll stood next to it, not by look: not AY's
    memory cards, AT's shelf scanner's aim, AU's totes or M's bulk batches. Every flip changes the label."""
    names = sorted(classes, key=str)
    index = {c: j for j, c in enumerate(names)}
    pool = np.asarray(sorted(int(v) for v in candidates), dtype=int)
    if len(names) < 2 or not len(pool) or count <= 0:
        return {}
    rack = [int(j) for j in rng.permutation(len(names))]
    where = {j: i for i, j in enumerate(rack)}
    queues = {j: [int(i) for i in rng.permutation(pool[[index[labels[int(i)]] == j for i in pool]])]
              for j in range(len(names))}
    flips: dict[int, object] = {}
    for _ in range(50):
        runouts = []
        for j, items in queues.items():
            at = int(rng.integers(0, ROLL_LABELS[0]))  # the roll on the rack at the start: 0-29 labels left
            while at < len(items):
                runouts.append((j, at))
                at += int(rng.integers(*ROLL_LABELS))
        for t in rng.permutation(len(runouts)):
            if len(flips) >= count:
                break
            j, at = runouts[int(t)]
            if rng.random() >= STOPGAP:
                continue
            p = where[j]
            nb = [q for q in (p - 1, p + 1) if 0 <= q < len(rack)]
            new = rack[nb[int(rng.integers(len(nb)))]]
            for i in queues[j][at: at + int(rng.integers(*GAP_ITEMS))]:
                if len(flips) >= count:
                    break
                if i not in flips:
                    flips[i] = names[new]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_az(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AZ's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 50-72 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AZ, seed=520_000 + random_state,
        quality_seed=525_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=label_roll_flips,
        **by_family(name, outlier=(outlier_az, OUTLIERS_AZ), blur=(blur_az, BLURS_AZ), dark=(dark_az, DARKS_AZ),
                    near=(near_edit_az, NEAR_EDITS_AZ)))
