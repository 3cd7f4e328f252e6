"""Generator BL: fresh EVALUATION sets after generator BK's run (never used to choose anything).

Why a sixty-second evaluation generator: generator BK's sets were written before its run and have been run once since
(the docs of generator BK's one held-out run, after which its four sets became development data), so a held-out set
for the code after that run is written now, before any tool is run on it. The commit subjects since BK's generator
commit (dbc3440) name one change to the library's code and that docs commit: a near_duplicate rule for pictures of at
most 32 px printed over as a whole (a silhouette rule: Otsu masks on a 32 x 32 grey copy the image pass now keeps for
such pictures, ``grey32``, image-pass version 20, paired as mutual nearest by mask with an overlap, margin and grey
correlation condition; ``silhouette_margin=None`` turns it off; tests, docs), and BK's one run written up, BK's sets
made development data (``dev_sweep``'s ``NOT_YET_RUN`` emptied). So BL measures the library with that rule, on new
sets. BK's run came before this generator was written, and those subjects carry its numbers and the rule's
development-set numbers, but BL's writer read no docs, logs, result files or commit bodies (only the commit subjects,
the library's code and the earlier generators' and tuning tools' files, to copy their structure and to avoid their
families), and nothing in BL was chosen from any result, to aim at or away from any weakness, rule or lead a subject
names: its strengths and its share of whole-picture edits are set as BK's were. Like AN's to BK's, BL's edits are not
all brightly coloured: some are stone grey, near black or translucent. Generator BL was written before any tool was
run on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at
28, 89 and 313 px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture
still in it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its
results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J,
K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ,
AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE, BF, BG, BH, BI, BJ, BK) and none of the library's calibration
copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay
box; Gaussian, box, motion, down-and-up blurs) make (their family names and key words were searched for in every
earlier generator, the tuning tools and ``_synthetic.py``). Like AC's to BK's it has two blur families, not three.
Tiles of 313 px give 61 tiles (seed 384), so the large set is at 313 px, a size no other set uses; the small
photographs are at 89 px, a size no other set uses either. Left out because an earlier generator made them or left
them out: among objects on the print a safety razor, a collar stay, a cotter pin, a bottle cap, a safety pin, a
domino, dice, a marble, a clothes peg, a wristwatch, a starfish, a pine cone, an acorn, a SIM card or memory card, a
feather, a guitar pick, a toothpick or any object, creature, sweet, snack, fruit, vegetable or plant part of the
earlier lists (BK's, their lists: BL's ammonite is a fossil shell coiled in a ribbed spiral, its press stud the
socket half of a snap fastener, its jingle bell a slit metal ball with a loop, its film canister a 35 mm film's
plastic pot lying on its side, and its hook-and-loop tab a fuzzy fabric strip with stitched edges); of the whole
picture seigaiha, Greek key or newspaper, toile, quatrefoil or sunburst wrap, chintz, a kilim, a damask, granite,
marble, terrazzo, sandstone, concrete, tiles or a mosaic, a corrugated sheet, a tapestry, a quilt or any other weave,
print, stone or patterned ground of the earlier lists (BK's, their lists: BL's malachite is a polished slab of the
green mineral in concentric bands, its zellige a wall of hand-cut glazed Moroccan tiles in a repeating star of
colours with grout between, and its moquette a bus seat's cut-pile fabric in a dense repeat of small bright shapes on
a dark ground); among blurs a glassine window, a dry-ice fog, a stocking, a sheer curtain or a diffusion filter over
the lens, grease on it, a print on corrugated card, a glaze that ran in the kiln, a tattoo's ink blown out, a
hectograph or spirit-duplicator copy, a dye sublimation onto a towel or a mug, a gel plate monoprint, a
sun-cast transparency, toast or pyrography, or any haze, veil, glass, copy or print process of the earlier lists
(BK's, their lists: BL's puff print is the picture screen-printed in puff ink on a sweatshirt, the ink swelling in
the heat press, and its diazo copy the picture copied on a whiteprint machine, the ultraviolet light through the
original's paper onto the sensitised sheet, developed blue-line); among darkenings a Jacob's ladder, an ice sculpture,
a laser show, a searchlight, a tritium keyring, fireflies, foxfire, glowing surf, glow sticks, a sparkler, fireworks,
moonlight, a door ajar or a keyhole, a darkroom safelight, a grow light, a blacklight or any flame, ember, lamp,
screen or glow of the earlier lists (BK's, their lists: BL's anglerfish is a deep-sea fish in the dark, lit only by
the glowing lure on the stalk over its head, its bolide a meteor fireball streaking across a night sky, and its reef
tank a marine aquarium's actinic blue LEDs in a dark room); among foreign pictures a tiger, a cobra, meerkats, a
giraffe, a crocodile, an octopus, a scarecrow, an igloo, a quadcopter, a cable car or any other animal, vehicle,
building or flying thing of the earlier lists (BK's, their lists: BL's gorilla sits in a forest clearing, its
tuk-tuk stands on a street before houses and its eagle perches on a dead branch against the sky); among label noise
every mechanism BK named and BK's stock reconciliation (dictation, OCR, bags, hotkeys, keypads, quotas, a
checkweigher, positions, clocks, a returns desk's prices, a marketplace's category stuffing, recycled product codes,
memory cards, a packing bench's label rolls, a mistranslated list, an empty cartridge, transposed sheets, swapped
digits, stale crate slips, a spreadsheet's fill-down, collided file names, names completed as typed, tote
cross-reads, shelf scans, conveyor jets, averaged votes, re-hung swing tags, a tracker's identity switch, a cache
race, rotated specimen racks, a cross-wired put wall, a timeout, misprinted reference sheets, keyed shorthand, stock
reconciliation, a batch whose class numbers were in another order, a model's runner-up exported by an off-by-one, a
taxonomy's merged classes, a colour-blind labeller).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 313 px set's
  copies get both kinds): an ammonite (a coiled fossil 26-34% of the side across, at least 10 px, stone grey 150 /
  148 / 140, sandy 206 / 190 / 156 or dark slate 70 / 72 / 76, of the three the two whose colour differs most on
  average from the picture's where it lies, as for each object's colour below; a spiral groove of 2.5-3.5 turns 35%
  darker, 18-26 ribs across the outer whorl 25% darker, a sheen at 25%; 30-70% of the way across and down, at any
  angle, a soft shadow at 30%), a press stud (the socket half of a snap fastener, 16-22% of the side across, at
  least 7 px, brass 190 / 150 / 70, nickel 196 / 198 / 202 or black 34 / 34 / 38; a rim, a raised inner ring 20%
  lighter, a dark hole, a highlight; a shadow at 35%), a jingle bell (18-24% of the side across, at least 8 px, gold
  212 / 170 / 60, silver 200 / 202 / 208 or red 190 / 40 / 40; a band round it, a slit with a round hole at each
  end, a loop on top, its lower half shaded, a highlight at 70%; a shadow at 35%), a film canister (a 35 mm film's
  pot lying on its side, 30-38% of the side long, at least 12 px, 62% as thick; black 30 / 30 / 32 with a grey lid,
  black with a black lid, or translucent white 232 / 232 / 226 at 60% with a white lid; a lid rim 12% of the
  length, a shine along it; a shadow at 30%) and a hook-and-loop tab (30-38% of the side long, at least 12 px, 40%
  as wide, black 28 / 28 / 30, white 232 / 230 / 224 or olive 96 / 100 / 64; a stitched border, a fuzzy texture of
  loops at 35%; a shadow at 25%); of the whole picture: printed on a polished malachite slab (the ink multiplied onto
  the stone, 42-54% of the way, concentric bands 4-7% of the side apart round 1-3 centres, warped by a smooth field,
  in dark, mid and light greens), printed on zellige (42-54% of the way, hand-cut glazed tiles 10-15% of the side
  across in a repeating 4 x 4 star of 3 glaze colours, each tile's glaze uneven, grout lines between, turned square
  or by 45 degrees) and printed on a bus seat's moquette (42-54% of the way, a dark ground with a repeat every 8-12%
  of the side of a diamond, two bars and a dot in three bright colours, the cut pile's fine mottle);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture screen-printed in puff ink on a sweatshirt and heat-cured (the ink swelling and
  spreading: a Gaussian of 1.6-2.6% of the side, at least 1 px, where the ink is thin and 1.7 times that where it is
  thick; the swollen ink lit from one side by its slope; the ink matte, its contrast 10-16% down; the sweatshirt's
  heather grey, cream or pale blue under it, its knit's wales) and the picture copied on a diazo (whiteprint)
  machine (the light through the original's paper: a Gaussian of 1.5-2.5% of the side, at least 1 px, and a tail
  3 times as wide for 25-35%; developed blue-line, dark 54 / 48 / 120 to a cream 236 / 232 / 210, the paper's fibres
  mottling it by up to 3%); each as a camera metering on the highlights exposes it (as Y's to BK's);
* ``dark`` (2%): the deep sea lit only by an anglerfish's lure (the fish's dark body 30-40% of the side long in the
  lower part of the picture, a stalk arching over its head to a bulb of 1.5-2.5% of the side, cyan-green 0.45 / 1 /
  0.8, a glow of sigma 4-7% of the side up to 45-60 levels; the picture lit in that colour at 0.26-0.34 falling off
  as ``1 / (1 + (d / d0) ** 2)`` with the distance from the bulb, ``d0`` 22-32% of the side, over 0.015-0.03), a
  landscape at night lit only by a bolide (a meteor fireball streaking across the upper part of the picture, 30-50%
  of the side long, its head green-white 0.8 / 1 / 0.85 and its train fading to orange, a glow of sigma 3-5% up to
  40-55 levels; the picture lit in pale green falling off as above from the head, ``d0`` 30-40% of the side) and a
  room at night lit only by a reef tank's actinic LEDs (a tank 40-60% of the side wide and 25-35% high at the left
  or right edge, its water glowing deep blue 0.4 / 0.45 / 1, a bright LED bar along its top, 3-6 corals fluorescing
  orange, green or pink, a glow of sigma 5-8% up to 30-45 levels; the picture lit in actinic blue falling off as
  above from the tank's middle, ``d0`` 26-36% of the side); none of them blurs the picture;
* ``outlier`` (1.5%): a gorilla in a forest clearing (trees behind, the ground from 66-74% of the way down, a gorilla
  sitting facing the viewer: a broad body, long arms on its knuckles, legs, a crested head, a lighter face with eyes
  and nostrils), a tuk-tuk on a street (houses behind, the road from 65-72% down, an auto-rickshaw seen from the side:
  a cabin, a canopy roof, an open side, a front wheel and a rear wheel, a headlight) and an eagle on a dead branch (a
  sky with clouds, a branch across the lower part, a bald eagle perched on it: a dark body and wing, a white head
  with a yellow hooked beak and an eye, a white tail, yellow feet); the digit and clothing sets get them in their own
  tones on their dark ground, the photographs as a black-grey gorilla in a green forest, a yellow and green tuk-tuk
  on a grey road before beige houses, and a brown eagle with a white head on a grey branch under a blue sky;
* ``label`` (5%): *autosave lag* flips: the labels were typed in a web tool that saved each typed class to the row
  selected when its save began; labellers worked in sessions of 40-100 pictures (``SESSION``), and sessions on a slow
  connection (30-60% of them, ``SLOW``) saved the class typed on a picture within the lag after moving on (10-25% of
  its pictures, ``HURRIED``) to the previous picture's row as well as its own. The flips are those previous pictures,
  each given the class typed on the picture after it, where the two differ (passes over the pictures not yet
  flipped while some are left). Noise by the labelling order and the connection, not by look: not BK's stock
  reconciliation, AZ's label rolls, X's late class or G's grid slip. Every flip changes the label, so every one is in
  the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BL's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 381),
MNIST (2,000, seed 382), and the evaluation photographs tiled at 89 px (24 tiles a photograph at most, seed 383) and at
313 px (every tile, seed 384), sizes no other set uses. ``photos89_bl_jpeg`` is written as JPEG files, each at a quality
drawn from 38-60 (a stream of its own, seed ``645_000 + random_state``), every edit, blur and darkening made before the
encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the
file; the other sets are PNG files. Planting draws from seed ``640_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to BK).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field
from _heldout_be import _blur3, _falloff
from _heldout_bf import _fine, _ground_print, _standing_out
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

EVALUATION_BL = ("fashion_test_bl", "mnist_bl", "photos89_bl_jpeg", "photos313_bl")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BL = {
    "fashion_test_bl": ("fashion_test", 381),
    "mnist_bl": ("mnist", 382),
    "photos89_bl_jpeg": ("photos", 383, 89, 8, 24),
    "photos313_bl": ("photos", 384, 313, 8, 1000),
}
JPEG_QUALITY = (38, 61)  # the JPEG set's qualities: integers in [low, high)
RATES_BL = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BL = ("ammonite", "malachite", "press_stud", "zellige", "jingle_bell", "moquette", "film_canister",
                 "velcro_tab")
BLURS_BL = ("puff_print", "diazo_copy")
DARKS_BL = ("anglerfish", "bolide", "reef_tank")
OUTLIERS_BL = ("gorilla", "tuk_tuk", "eagle")
SESSION = (40, 101)  # pictures in a labelling session: integers in [low, high) (label noise)
SLOW = (0.3, 0.6)  # the share of sessions on a slow connection, drawn a pass (label noise)
HURRIED = (0.1, 0.25)  # the share of a slow session's pictures typed within the save's lag (label noise)


def load_base_bl(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BL, "BL")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
AMMONITES = ((150, 148, 140), (206, 190, 156), (70, 72, 76))


def _ammonite(f: np.ndarray, rng) -> np.ndarray:
    """An ammonite (a fossil shell) lying on the print: a disc 26-34% of the side across (at least 10 px), stone grey
    150 / 148 / 140, sandy 206 / 190 / 156 or dark slate 70 / 72 / 76 (of the three the one whose colour differs most
    on average from the picture's where it lies, or the second, at random, where it differs at least 60% as much, as
    for the stud, the bell and the tab); a spiral groove of 2.5-3.5 turns from its rim to its middle, 35% darker (at
    least 0.5 px); 18-26 ribs across the outer whorl, 25% darker at 80% (at least 0.4 px); a sheen on its upper left
    at 25%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(5.0, side * rng.uniform(0.13, 0.17))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(AMMONITES, f, fr, r, rng), np.float32)
    disc = fr.fill([_circle(r, 36)])
    turns = rng.uniform(2.5, 3.5)
    t = np.linspace(0, 1, 120)
    spiral = [(float(r * (1 - u) * 0.96 * np.cos(2 * np.pi * turns * u)),
               float(r * (1 - u) * 0.96 * np.sin(2 * np.pi * turns * u))) for u in t]
    groove = fr.line([spiral], max(0.5, 0.045 * r))
    n = int(rng.integers(18, 27))
    w0 = r * (1 - 1 / turns)
    ribs = fr.line([[(float(w0 * np.cos(a)), float(w0 * np.sin(a))), (float(0.97 * r * np.cos(a)),
                                                                        float(0.97 * r * np.sin(a)))]
                    for a in np.linspace(0, 2 * np.pi, n, endpoint=False)], max(0.4, 0.03 * r)) * disc
    sheen = fr.fill([_ellipse(-0.35 * r, -0.35 * r, 0.35 * r, 0.14 * r + 0.2, -0.8, 14)]) * disc
    parts = [(disc, col, 1.0, True), (ribs, col * 0.75, 0.8, False), (groove, col * 0.65, 1.0, False),
             (sheen, WHITE, 0.25, False)]
    return _u8(_laid(f, parts, 0.3))


STUDS = ((190, 150, 70), (196, 198, 202), (34, 34, 38))


def _press_stud(f: np.ndarray, rng) -> np.ndarray:
    """A press stud (the socket half of a snap fastener) lying on the print: 16-22% of the side across (at least 7
    px), brass 190 / 150 / 70, nickel 196 / 198 / 202 or black 34 / 34 / 38; a rim 10% of its radius 30% darker, a
    raised inner ring at 55% of its radius 20% lighter (at least 0.5 px), a dark hole 30% of its radius across (35%
    of its colour), a white highlight crescent at 45%; its middle 30-70% of the way across and down, a soft shadow at
    35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(3.5, side * rng.uniform(0.08, 0.11))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(STUDS, f, fr, r, rng), np.float32)
    disc = fr.fill([_circle(r, 32)])
    rim = fr.line([_circle(0.93 * r, 32) + [_circle(0.93 * r, 32)[0]]], max(0.5, 0.1 * r))
    ring = fr.line([_circle(0.55 * r, 28) + [_circle(0.55 * r, 28)[0]]], max(0.5, 0.14 * r))
    hole = fr.fill([_circle(max(0.5, 0.3 * r), 20)])
    shine = fr.fill([_ellipse(-0.45 * r, -0.4 * r, 0.3 * r, 0.1 * r + 0.2, -0.8, 12)])
    parts = [(disc, col, 1.0, True), (rim, col * 0.7, 1.0, False), (ring, np.minimum(col * 1.2 + 20, 255), 1.0, False),
             (hole, col * 0.35, 1.0, False), (shine, WHITE, 0.45, False)]
    return _u8(_laid(f, parts, 0.35))


BELLS = ((212, 170, 60), (200, 202, 208), (190, 40, 40))


def _jingle_bell(f: np.ndarray, rng) -> np.ndarray:
    """A jingle bell lying on the print: a ball 18-24% of the side across (at least 8 px), gold 212 / 170 / 60, silver
    200 / 202 / 208 or red 190 / 40 / 40; a band round its middle 15% darker (at least 0.5 px); a slit across its lower
    half with a round hole at each end, near black; a loop on top (a ring 30% of its radius, at least 0.5 px); its
    lower half shaded 20% darker at 50%; a white highlight at 70%; at any angle, its middle 30-70% of the way across
    and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(4.0, side * rng.uniform(0.09, 0.12))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(BELLS, f, fr, r, rng), np.float32)
    ball = fr.fill([_circle(r, 32)])
    loop = fr.line([_circle(0.3 * r, 16, 0.0, -1.15 * r) + [_circle(0.3 * r, 16, 0.0, -1.15 * r)[0]]],
                   max(0.5, 0.1 * r))
    band = fr.line([[(-r, 0.0), (r, 0.0)]], max(0.5, 0.08 * r)) * ball
    slit = fr.line([[(-0.55 * r, 0.45 * r), (0.55 * r, 0.45 * r)]], max(0.5, 0.08 * r))
    holes = fr.fill([_circle(max(0.4, 0.13 * r), 10, s * 0.55 * r, 0.45 * r) for s in (-1, 1)])
    shade = fr.fill([_ellipse(0.0, 0.45 * r, r, 0.6 * r, 0.0, 24)]) * ball
    shine = fr.fill([_ellipse(-0.35 * r, -0.4 * r, 0.22 * r + 0.2, 0.14 * r + 0.2, -0.6, 12)])
    parts = [(loop, col * 0.85, 1.0, True), (ball, col, 1.0, True), (shade, col * 0.8, 0.5, False),
             (band, col * 0.85, 1.0, False), (slit, (20, 18, 16), 1.0, False), (holes, (20, 18, 16), 1.0, False),
             (shine, WHITE, 0.7, False)]
    return _u8(_laid(f, parts, 0.35))


# body, lid, body opacity
CANISTERS = (((30, 30, 32), (120, 122, 126), 1.0), ((30, 30, 32), (24, 24, 26), 1.0),
             ((232, 232, 226), (244, 244, 240), 0.6))


def _film_canister(f: np.ndarray, rng) -> np.ndarray:
    """A 35 mm film canister lying on its side on the print: 30-38% of the side long (at least 12 px) and 62% as
    thick, seen from the side: black 30 / 30 / 32 with a grey lid 120 / 122 / 126, black with a black lid, or
    translucent white 232 / 232 / 226 at 60% (the print showing through) with a white lid; the lid at one end 12% of
    the length long and 8% thicker, a groove between them; a shine along it at 30%; at any angle, its middle 30-70%
    of the way across and down, a soft shadow at 30% (15% for the translucent one)."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.3, 0.38))
    fr = _frame_at(h, w, rng)
    body_col, lid_col, alpha = CANISTERS[int(rng.integers(len(CANISTERS)))]
    t = 0.31 * L
    body = fr.fill([_rect(-0.5 * L, -t, 0.38 * L, t)])
    lid = fr.fill([_rect(0.38 * L, -1.08 * t, 0.5 * L, 1.08 * t)])
    groove = fr.line([[(0.38 * L, -t), (0.38 * L, t)]], max(0.5, 0.02 * L))
    shine = fr.line([[(-0.45 * L, -0.55 * t), (0.34 * L, -0.55 * t)]], max(0.5, 0.05 * L))
    parts = [(body, body_col, alpha, alpha == 1.0), (lid, lid_col, 1.0, True), (groove, (20, 20, 22), 0.8, False),
             (shine, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.3 if alpha == 1.0 else 0.15))


TABS = ((28, 28, 30), (232, 230, 224), (96, 100, 64))


def _velcro_tab(f: np.ndarray, rng) -> np.ndarray:
    """A hook-and-loop tab lying on the print: a strip with rounded ends 30-38% of the side long (at least 12 px) and
    40% as wide, black 28 / 28 / 30, white 232 / 230 / 224 or olive 96 / 100 / 64; a stitched border 12% of its width
    in from its edge, dashes 30% lighter on a dark tab and darker on a light one (at least 0.4 px); the fuzzy loops a
    fine mottle (a smooth field of 0.6% of the side) 25% lighter and darker at 35%; at any angle, its middle 30-70%
    of the way across and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.3, 0.38))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(TABS, f, fr, 0.5 * L, rng), np.float32)
    hw = 0.2 * L
    u = np.linspace(-np.pi / 2, np.pi / 2, 10)
    outline = ([(0.5 * L - hw + hw * np.cos(a), hw * np.sin(a)) for a in u]
               + [(-0.5 * L + hw - hw * np.cos(a), -hw * np.sin(a)) for a in u])
    tab = fr.fill([[(float(x), float(y)) for x, y in outline]])
    k = 0.76
    inner = [(float(x * (1 - 0.24 * hw / (0.5 * L))), float(y * k)) for x, y in outline]
    dashes = []
    pts = inner + [inner[0]]
    for a, b in zip(pts[:-1], pts[1:]):
        for s in np.arange(0, 1, 0.5):
            p0 = (a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s)
            p1 = (a[0] + (b[0] - a[0]) * (s + 0.3), a[1] + (b[1] - a[1]) * (s + 0.3))
            dashes.append([p0, p1])
    stitch = fr.line(dashes, max(0.4, 0.03 * L)) * tab
    thread = np.minimum(col * 1.3 + 40, 255) if col.mean() < 128 else col * 0.7
    fuzz = np.tanh(_field(h, w, max(0.5, 0.006 * side), rng))
    light = np.clip(fuzz, 0, 1) * tab
    dark = np.clip(-fuzz, 0, 1) * tab
    parts = [(tab, col, 1.0, True), (light, np.minimum(col * 1.25 + 20, 255), 0.35, False),
             (dark, col * 0.75, 0.35, False), (stitch, thread, 0.9, False)]
    return _u8(_laid(f, parts, 0.25))


MALACHITE = np.array([(18, 70, 44), (36, 130, 84), (104, 196, 146)], np.float32)


def _malachite(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished malachite slab: the ink multiplied onto the stone, 42-54% of the way from
    the picture (35% of its tone added at that share); concentric bands 4-7% of the side apart round 1-3 centres
    (each point banded by its nearest), warped by a smooth field of 10-16% of the side by up to a band, in dark
    18 / 70 / 44, mid 36 / 130 / 84 and light green 104 / 196 / 146 (a band's tone a wave through the three, the
    light bands thin), a polish sheen of 4%; drawn at 2 times the size and averaged: a banded mineral, not AS's
    terrazzo, granite, marble or any stone or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    k = int(rng.integers(1, 4))
    cs = [(w * rng.uniform(-0.2, 1.2), h * rng.uniform(-0.2, 1.2)) for _ in range(k)]
    d = np.min(np.stack([np.hypot(xx - cx, yy - cy) for cx, cy in cs]), axis=0)
    p = side * rng.uniform(0.04, 0.07)
    warp = np.kron(_field(h, w, side * rng.uniform(0.1, 0.16), rng), np.ones((s, s), np.float32))
    v = 0.5 + 0.5 * np.sin(2 * np.pi * d / p + 1.2 * warp)
    t = (v ** 2)[..., None]
    ground = np.where(t < 0.5, MALACHITE[0] + (MALACHITE[1] - MALACHITE[0]) * (t / 0.5),
                      MALACHITE[1] + (MALACHITE[2] - MALACHITE[1]) * ((t - 0.5) / 0.5))
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3)) * 1.04
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


GLAZES = np.array([(28, 60, 150), (30, 120, 80), (236, 232, 218), (200, 150, 50), (30, 30, 34), (170, 50, 40)],
                  np.float32)
STAR = np.array([[0, 1, 1, 0], [1, 2, 2, 1], [1, 2, 2, 1], [0, 1, 1, 0]])


def _zellige(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on zellige (a wall of hand-cut glazed Moroccan tiles): the ink multiplied onto the glaze,
    42-54% of the way from the picture (35% of its tone added at that share); square tiles 10-15% of the side across
    (at least 3 px), set square or turned by 45 degrees, in a repeating 4 x 4 star of 3 of the glazes cobalt, emerald,
    white, ochre, black and oxblood; each tile's glaze uneven (its tone 8% up or down, shaded across it by up to 10%);
    grout lines 200 / 196 / 186, 10% of a tile wide; drawn at 3 times the size and averaged: glazed tiles, not AW's
    ceiling tiles, a mosaic or any tiles or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    cols = GLAZES[rng.permutation(len(GLAZES))[:3]]
    p = max(3.0, side * rng.uniform(0.1, 0.15))
    a = np.pi / 4 if rng.random() < 0.5 else 0.0
    u = (xx * np.cos(a) + yy * np.sin(a)) / p + rng.uniform(0, 4)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / p + rng.uniform(0, 4)
    iu, iv = np.floor(u).astype(int), np.floor(v).astype(int)
    ground = cols[STAR[iv % 4, iu % 4]]
    hsh = ((iu * 73856093) ^ (iv * 19349663)) % 1000 / 1000.0
    tone = 1 + 0.16 * (hsh - 0.5) + 0.1 * (u - iu - 0.5) * np.cos(hsh * 6.28)
    ground = ground * tone[..., None]
    fu, fv = u - iu, v - iv
    grout = ((np.minimum(fu, 1 - fu) < 0.05) | (np.minimum(fv, 1 - fv) < 0.05))[..., None]
    ground = np.where(grout, np.array([200, 196, 186], np.float32), ground)
    ground = np.clip(ground, 0, 255).reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


MOQUETTE_GROUNDS = np.array([(24, 30, 70), (70, 20, 30), (40, 40, 44)], np.float32)
MOQUETTE_COLOURS = np.array([(40, 170, 170), (230, 120, 40), (230, 200, 60), (200, 60, 140), (200, 40, 40),
                             (120, 190, 80)], np.float32)


def _moquette(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a bus seat's moquette (a cut-pile fabric): the ink multiplied onto the fabric, 42-54%
    of the way from the picture (35% of its tone added at that share); a dark ground, navy 24 / 30 / 70, maroon 70 /
    20 / 30 or charcoal 40 / 40 / 44, with a repeat every 8-12% of the side (at least 4 px) of a diamond, two short
    bars and a dot in three of teal, orange, yellow, magenta, red and green, every other row offset by half a
    repeat; the cut pile's fine mottle, 6% up or down; drawn at 3 times the size and averaged: a pile fabric's
    repeat, not AR's corduroy, houndstooth, argyle or any cloth or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    g0 = MOQUETTE_GROUNDS[int(rng.integers(len(MOQUETTE_GROUNDS)))]
    c = MOQUETTE_COLOURS[rng.permutation(len(MOQUETTE_COLOURS))[:3]]
    p = max(4.0, side * rng.uniform(0.08, 0.12))
    v = yy / p + rng.uniform(0, 1)
    row = np.floor(v)
    u = xx / p + rng.uniform(0, 1) + 0.5 * (row % 2)
    fu, fv = u - np.floor(u) - 0.5, v - row - 0.5
    ground = np.ones(yy.shape + (3,), np.float32) * g0
    diamond = (np.abs(fu) + np.abs(fv)) < 0.26
    bars = (np.abs(np.abs(fu) - 0.4) < 0.05) & (np.abs(fv) < 0.22)
    dot = np.hypot(fu, fv + 0.5) < 0.09
    dot |= np.hypot(fu, fv - 0.5) < 0.09
    ground = np.where(diamond[..., None], c[0], ground)
    ground = np.where(bars[..., None], c[1], ground)
    ground = np.where(dot[..., None], c[2], ground)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    ground = ground * (1 + 0.06 * np.tanh(_field(h, w, 0.6, rng)))[..., None]
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bl(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "ammonite":  # a fossil ammonite on the print
        return _ammonite(f, rng)
    if kind == "press_stud":  # a press stud on the print
        return _press_stud(f, rng)
    if kind == "jingle_bell":  # a jingle bell on the print
        return _jingle_bell(f, rng)
    if kind == "film_canister":  # a 35 mm film canister on the print
        return _film_canister(f, rng)
    if kind == "velcro_tab":  # a hook-and-loop tab on the print
        return _velcro_tab(f, rng)
    if kind == "malachite":  # the picture printed on a malachite slab
        return _malachite(f, rng)
    if kind == "zellige":  # the picture printed on zellige tiles
        return _zellige(f, rng)
    if kind == "moquette":  # the picture printed on a bus seat's moquette
        return _moquette(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
SWEATSHIRTS = np.array([(192, 192, 190), (234, 226, 208), (190, 208, 226)], np.float32)


def _puff_print(f: np.ndarray, rng) -> np.ndarray:
    """The picture screen-printed in puff ink on a sweatshirt and heat-cured: the ink swells and spreads, a Gaussian
    of 1.6-2.6% of the side (at least 1 px) where the ink is thin (the picture light) and 1.7 times that where it is
    thick (dark; two blurs blended by the ink); the swollen ink lit from a random side by its slope (the blurred
    grey's gradient, 0.5-0.8 levels a level per px of the side's 1%); the ink matte, its contrast 10-16% down; the
    sweatshirt's heather grey, cream or pale blue under it (the ink multiplied onto it at 25%), its knit's wales a
    ripple of 3% every 1.2-1.8% of the side; as a camera metering on the highlights exposes it: ink that spread as it
    swelled, not a tattoo's ink blown out, a glaze that ran, dye sublimation or any print process of the earlier
    lists."""
    from scipy.ndimage import sobel

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.026))
    thin, thick = _blur3(f, s), _blur3(f, 1.7 * s)
    ink = np.clip(1 - f.mean(axis=2, keepdims=True) / 255, 0, 1)
    out = thin * (1 - ink) + thick * ink
    c = rng.uniform(0.1, 0.16)
    out = out * (1 - c) + c * out.mean()
    g = out.mean(axis=2)
    a = rng.uniform(0, 2 * np.pi)
    slope = (np.cos(a) * sobel(g, axis=1) + np.sin(a) * sobel(g, axis=0)) / 8 * (0.01 * side)
    out = out + (rng.uniform(0.5, 0.8) * slope)[..., None]
    shirt = SWEATSHIRTS[int(rng.integers(len(SWEATSHIRTS)))]
    out = out * (0.75 + 0.25 * shirt / 255)
    _, xx = _pixels(h, w)
    out = out * (1 + 0.03 * np.sin(2 * np.pi * xx / max(1.0, side * rng.uniform(0.012, 0.018))))[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


DIAZO_DARK = np.array([54, 48, 120], np.float32)
DIAZO_LIGHT = np.array([236, 232, 210], np.float32)


def _diazo_copy(f: np.ndarray, rng) -> np.ndarray:
    """The picture copied on a diazo (whiteprint) machine: the original's paper laid on the sensitised sheet, the
    ultraviolet light through it scattered by its fibres, a Gaussian of 1.5-2.5% of the side (at least 1 px) and a
    tail 3 times as wide for 25-35% of the light; the copy developed blue-line, its grey from dark 54 / 48 / 120 to a
    cream 236 / 232 / 210 (dark where the original is dark), the paper's fibres mottling it by up to 3% (a smooth field
    of 1% of the side); as a camera metering on the highlights exposes it: a contact copy through the original's
    paper, not a sun-cast transparency, a hectograph or spirit-duplicator copy or any copy of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.025))
    k = rng.uniform(0.25, 0.35)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 3 * s) * k
    g = np.clip(out.mean(axis=2, keepdims=True) / 255, 0, 1)
    out = DIAZO_DARK + (DIAZO_LIGHT - DIAZO_DARK) * g
    out = out * (1 + 0.03 * np.tanh(_field(h, w, max(0.5, 0.01 * side), rng)))[..., None]
    return _u8(_metered(out, f))


def blur_bl(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "puff_print":  # screen-printed in puff ink on a sweatshirt
        return _puff_print(f, rng)
    if kind == "diazo_copy":  # copied on a diazo whiteprint machine
        return _diazo_copy(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
LURE = np.array([0.45, 1.0, 0.8], np.float32)


def _anglerfish(f: np.ndarray, rng) -> np.ndarray:
    """The deep sea lit only by an anglerfish's lure: the lure's bulb (1.5-2.5% of the side in radius, at least 0.8
    px) 35-65% across and 40-60% down, cyan-green 0.45 / 1 / 0.8 at 255, a glow of sigma 4-7% of the side up to 45-60
    levels in its colour; the fish below it to one side, dark 12 / 14 / 18: a body (an ellipse 30-40% of the side long
    and 55% as high) with a tail fin, a wide mouth with 5-8 pale teeth 120 / 120 / 110, and a stalk arching from its
    head to the bulb (1% of the side wide, at least 0.6 px); the picture lit in the lure's colour at a gain of
    0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the bulb,
    ``d0`` 22-32% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    bx, by = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.4, 0.6)
    out = _lit(f, _falloff(h, w, bx, by, side, (0.22, 0.32), rng)[..., None] * LURE, rng)
    s = 1 if rng.random() < 0.5 else -1
    L = side * rng.uniform(0.3, 0.4)
    fx, fy = bx - s * 0.45 * L, by + 0.55 * L
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    body = ident.fill([_ellipse(fx, fy, 0.5 * L, 0.27 * L, 0.0, 32),
                       [(fx - s * 0.45 * L, fy), (fx - s * 0.8 * L, fy - 0.22 * L), (fx - s * 0.8 * L, fy + 0.22 * L)]])
    hx, hy = fx + s * 0.3 * L, fy - 0.2 * L
    stalk = ident.line([[(hx, hy), (hx + s * 0.05 * L, by - 0.25 * L), (bx - s * 0.1 * L, by - 0.1 * L), (bx, by)]],
                       max(0.6, 0.01 * side))
    mx, my = fx + s * 0.48 * L, fy + 0.02 * L
    n = int(rng.integers(5, 9))
    teeth = ident.fill([[(mx - s * 0.2 * L + s * u * 0.22 * L, my - 0.05 * L), (mx - s * 0.19 * L + s * u * 0.22 * L,
                                                                                  my + 0.05 * L),
                         (mx - s * 0.18 * L + s * u * 0.22 * L, my - 0.05 * L)] for u in np.linspace(0, 1, n)])
    out = _paint(_paint(_paint(out, body, (12, 14, 18)), stalk, (16, 18, 22)), teeth, (120, 120, 110))
    bulb = ident.fill([_circle(max(0.8, side * rng.uniform(0.015, 0.025)), 16, bx, by)])
    out = _paint(out, bulb, LURE * 255)
    glow = _glow(bulb, max(1.0, side * rng.uniform(0.04, 0.07)))[..., None]
    return _u8(out + glow * rng.uniform(45, 60) * LURE)


BOLIDE = np.array([0.8, 1.0, 0.85], np.float32)
TRAIN = np.array([1.0, 0.6, 0.3], np.float32)


def _bolide(f: np.ndarray, rng) -> np.ndarray:
    """A landscape at night lit only by a bolide (a meteor fireball): its head 20-80% across and 10-30% down, its train
    30-50% of the side long behind it, rising at 15-40 degrees towards the top left or top right; the head a bright
    ellipse (2-3% of the side, at least 0.8 px) green-white 0.8 / 1 / 0.85 at 255, the train in 8 segments fading from
    green-white to orange 1 / 0.6 / 0.3 and from 90% to 20%, narrowing (at least 0.5 px); a glow of sigma 3-5% of
    the side up to 40-55 levels in the head's colour; the picture lit in pale green at a gain of 0.015-0.03 plus
    0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the head, ``d0`` 30-40% of the
    side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    hx, hy = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.1, 0.3)
    out = _lit(f, _falloff(h, w, hx, hy, side, (0.3, 0.4), rng)[..., None] * BOLIDE, rng)
    s = -1 if hx > w / 2 else 1
    s = -s if rng.random() < 0.25 else s
    a = np.deg2rad(rng.uniform(15, 40))
    Lt = side * rng.uniform(0.3, 0.5)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    pts = [(hx - s * Lt * u * np.cos(a), hy - Lt * u * np.sin(a)) for u in np.linspace(0, 1, 9)]
    for j in range(8):
        t = j / 7
        seg = ident.line([[pts[j], pts[j + 1]]], max(0.5, side * 0.012 * (1 - 0.7 * t)))
        out = _paint(out, seg * (0.9 - 0.7 * t), (BOLIDE * (1 - t) + TRAIN * t) * 255)
    head = ident.fill([_ellipse(hx, hy, max(0.8, side * rng.uniform(0.02, 0.03)), max(0.8, side * 0.015),
                                float(-s * a), 16)])
    out = _paint(out, head, BOLIDE * 255)
    glow = _glow(head, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * BOLIDE)


ACTINIC = np.array([0.4, 0.45, 1.0], np.float32)
CORALS = ((255, 140, 40), (120, 255, 90), (255, 110, 200))


def _reef_tank(f: np.ndarray, rng) -> np.ndarray:
    """A room at night lit only by a reef tank's actinic LEDs: the tank 40-60% of the side wide and 25-35% high,
    against the left or right edge, its top 40-60% of the way down; its water glowing deep blue 0.4 / 0.45 / 1 at
    60-75% of 255, brighter near its top; a bright LED bar along its top (1.2% of the side, at least 0.6 px, 0.8 /
    0.85 / 1); 3-6 corals on its floor fluorescing orange, green or pink at 80% (blobs 3-6% of the side); a dark
    frame 20 / 20 / 24; a glow of sigma 5-8% of the side up to 30-45 levels in actinic blue; the picture lit in that
    blue at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d``
    from the tank's middle, ``d0`` 26-36% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    tw, th = side * rng.uniform(0.4, 0.6), side * rng.uniform(0.25, 0.35)
    left = rng.random() < 0.5
    x0 = 0.0 if left else w - tw
    y0 = h * rng.uniform(0.4, 0.6)
    y1 = min(float(h), y0 + th)
    out = _lit(f, _falloff(h, w, x0 + tw / 2, (y0 + y1) / 2, side, (0.26, 0.36), rng)[..., None] * ACTINIC, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    frame = ident.fill([_rect(x0 - 0.02 * side, y0 - 0.02 * side, x0 + tw + 0.02 * side, y1 + 0.02 * side)])
    tank = ident.fill([_rect(x0, y0, x0 + tw, y1)])
    yy, _ = _pixels(h, w)
    depth = np.clip(1 - 0.3 * (yy - y0) / max(1.0, y1 - y0), 0.6, 1.0)
    out = _paint(out, frame, (20, 20, 24))
    out = _paint(out, tank * rng.uniform(0.6, 0.75) * depth, ACTINIC * 255)
    for _ in range(int(rng.integers(3, 7))):
        cr = side * rng.uniform(0.03, 0.06)
        cx = x0 + tw * rng.uniform(0.1, 0.9)
        coral = ident.fill([_ellipse(cx, y1 - 0.5 * cr, cr * 0.7, cr, 0.0, 14)]) * tank
        out = _paint(out, coral * 0.8, CORALS[int(rng.integers(len(CORALS)))])
    bar = ident.line([[(x0, y0 + 0.01 * side), (x0 + tw, y0 + 0.01 * side)]], max(0.6, 0.012 * side))
    out = _paint(out, bar, np.array([0.8, 0.85, 1.0], np.float32) * 255)
    glow = _glow(tank, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(30, 45) * ACTINIC)


def dark_bl(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "anglerfish":  # the deep sea lit only by an anglerfish's lure
        return _anglerfish(f, rng)
    if kind == "bolide":  # a landscape lit only by a meteor fireball
        return _bolide(f, rng)
    if kind == "reef_tank":  # a room lit only by a reef tank's actinic LEDs
        return _reef_tank(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _gorilla(size: int, rng) -> dict:
    """A gorilla in a forest clearing: trees behind (8-12 round crowns in the upper half), the ground from 66-74% of
    the way down; a gorilla sitting facing the viewer, 30-70% across: a broad body (an ellipse 40% of the side wide and
    36% high), two long arms down to the ground ending in knuckles, two bent legs, a head (an ellipse 18% of the side
    wide) with a crest, a lighter face with two eyes and two nostrils (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("trees", "ground", "body", "arms", "legs", "head", "face", "eyes"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    for _ in range(int(rng.integers(8, 13))):
        x, y, r = big * rng.uniform(0, 1), big * rng.uniform(0, 0.45), big * rng.uniform(0.1, 0.2)
        d["trees"].ellipse((x - r, y - r, x + r, y + r), fill=255)
    gy = big * rng.uniform(0.66, 0.74)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    cx = big * rng.uniform(0.4, 0.6)
    by = gy - 0.2 * big
    d["body"].ellipse((cx - 0.2 * big, by - 0.18 * big, cx + 0.2 * big, by + 0.18 * big), fill=255)
    for s in (-1, 1):
        d["arms"].line([(cx + s * 0.17 * big, by - 0.12 * big), (cx + s * 0.27 * big, by + 0.02 * big),
                        (cx + s * 0.27 * big, gy + 0.03 * big)], fill=255, width=max(1, round(0.08 * big)),
                       joint="curve")
        d["legs"].ellipse((cx + s * 0.12 * big - 0.09 * big, gy - 0.08 * big, cx + s * 0.12 * big + 0.09 * big,
                           gy + 0.04 * big), fill=255)
    hx, hy = cx, by - 0.22 * big
    d["head"].ellipse((hx - 0.09 * big, hy - 0.09 * big, hx + 0.09 * big, hy + 0.09 * big), fill=255)
    d["head"].ellipse((hx - 0.05 * big, hy - 0.13 * big, hx + 0.05 * big, hy - 0.03 * big), fill=255)
    d["face"].ellipse((hx - 0.06 * big, hy - 0.03 * big, hx + 0.06 * big, hy + 0.08 * big), fill=255)
    for s in (-1, 1):
        d["eyes"].ellipse((hx + s * 0.03 * big - 0.012 * big, hy - 0.02 * big, hx + s * 0.03 * big + 0.012 * big,
                           hy + 0.004 * big), fill=255)
        d["eyes"].ellipse((hx + s * 0.015 * big - 0.008 * big, hy + 0.03 * big, hx + s * 0.015 * big + 0.008 * big,
                           hy + 0.045 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _tuk_tuk(size: int, rng) -> dict:
    """A tuk-tuk (an auto-rickshaw) on a street, seen from the side: 2-4 houses behind (boxes with dark windows in
    the upper 65%), the road from 65-72% of the way down; the tuk-tuk 56-66% of the side long, facing either way: a
    cabin (a box with a rounded nose), a canopy roof over it, an open side (dark), a front wheel under the nose and
    a rear wheel, hubs, a headlight (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("houses", "windows", "road", "body", "roof", "opening", "wheels", "hubs", "light"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    ry = big * rng.uniform(0.65, 0.72)
    x = -0.05 * big
    while x < big:
        hw = big * rng.uniform(0.25, 0.4)
        top = big * rng.uniform(0.15, 0.35)
        d["houses"].rectangle((x, top, x + hw, ry), fill=255)
        for wy in np.arange(top + 0.06 * big, ry - 0.1 * big, 0.14 * big):
            for wx in np.arange(x + 0.05 * big, x + hw - 0.08 * big, 0.12 * big):
                d["windows"].rectangle((wx, wy, wx + 0.06 * big, wy + 0.07 * big), fill=255)
        x += hw + 0.02 * big
    d["road"].rectangle((0, ry, big, big), fill=255)
    s = 1 if rng.random() < 0.5 else -1
    L = big * rng.uniform(0.56, 0.66)
    cx = big / 2
    x0, x1 = cx - L / 2, cx + L / 2
    nose, tail = (x1, x0) if s == 1 else (x0, x1)
    wy = ry + 0.02 * big
    wr = 0.07 * big
    bot, top = wy - 0.04 * big, wy - 0.34 * big
    d["body"].polygon([(tail, bot), (nose - s * 0.06 * big, bot), (nose, bot - 0.08 * big), (nose, top + 0.12 * big),
                       (nose - s * 0.08 * big, top + 0.04 * big), (tail, top + 0.04 * big)], fill=255)
    d["roof"].rectangle((min(tail, nose - s * 0.1 * big) - 0.01 * big, top - 0.02 * big,
                         max(tail, nose - s * 0.1 * big) + 0.01 * big, top + 0.04 * big), fill=255)
    ox0, ox1 = sorted((cx - s * 0.05 * L, cx + s * 0.25 * L))
    d["opening"].rectangle((ox0, top + 0.07 * big, ox1, bot - 0.07 * big), fill=255)
    for wx in (nose - s * 0.12 * big, tail + s * 0.12 * big):
        d["wheels"].ellipse((wx - wr, wy - wr, wx + wr, wy + wr), fill=255)
        d["hubs"].ellipse((wx - 0.35 * wr, wy - 0.35 * wr, wx + 0.35 * wr, wy + 0.35 * wr), fill=255)
    lx, ly = nose - s * 0.015 * big, bot - 0.14 * big
    d["light"].ellipse((lx - 0.025 * big, ly - 0.025 * big, lx + 0.025 * big, ly + 0.025 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _eagle(size: int, rng) -> dict:
    """A bald eagle perched on a dead branch: a sky with 2-4 clouds; a branch across the lower part rising at 5-20
    degrees, 5% of the side thick, with a twig; the eagle upright on it, 40-60% across: a dark body (an ellipse 22% of
    the side wide and 38% high), a folded wing along its side, a white head (an ellipse 13% of the side wide) with a
    yellow hooked beak facing either way and an eye, a white tail below the branch, yellow feet gripping it (0-1
    coverage each)."""
    big = 4 * size
    M = _canvas(("clouds", "branch", "body", "wing", "head", "beak", "eye", "tail", "feet"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    for _ in range(int(rng.integers(2, 5))):
        x, y = big * rng.uniform(0, 1), big * rng.uniform(0.05, 0.4)
        for _ in range(4):
            r = big * rng.uniform(0.04, 0.08)
            ox = big * rng.uniform(-0.08, 0.08)
            d["clouds"].ellipse((x + ox - r, y - r, x + ox + r, y + r), fill=255)
    cx = big * rng.uniform(0.4, 0.6)
    fy = big * rng.uniform(0.7, 0.76)
    a = np.deg2rad(rng.uniform(5, 20)) * (1 if rng.random() < 0.5 else -1)
    d["branch"].line([(-0.1 * big, fy + np.tan(a) * (cx + 0.1 * big)), (1.1 * big, fy - np.tan(a) * (1.1 * big - cx))],
                     fill=255, width=max(1, round(0.05 * big)))
    tx = cx + 0.25 * big
    ty = fy - np.tan(a) * 0.25 * big
    d["branch"].line([(tx, ty), (tx + 0.08 * big, ty - 0.12 * big)], fill=255, width=max(1, round(0.02 * big)))
    s = 1 if rng.random() < 0.5 else -1
    d["tail"].polygon([(cx - 0.06 * big, fy - 0.02 * big), (cx + 0.06 * big, fy - 0.02 * big),
                       (cx + 0.04 * big, fy + 0.14 * big), (cx - 0.04 * big, fy + 0.14 * big)], fill=255)
    by = fy - 0.19 * big
    d["body"].ellipse((cx - 0.11 * big, by - 0.19 * big, cx + 0.11 * big, by + 0.19 * big), fill=255)
    d["wing"].ellipse((cx - s * 0.1 * big - 0.07 * big, by - 0.14 * big, cx - s * 0.1 * big + 0.07 * big,
                       by + 0.2 * big), fill=255)
    hx, hy = cx + s * 0.02 * big, by - 0.22 * big
    d["head"].ellipse((hx - 0.065 * big, hy - 0.06 * big, hx + 0.065 * big, hy + 0.06 * big), fill=255)
    d["beak"].polygon([(hx + s * 0.05 * big, hy - 0.02 * big), (hx + s * 0.12 * big, hy),
                       (hx + s * 0.1 * big, hy + 0.035 * big), (hx + s * 0.05 * big, hy + 0.02 * big)], fill=255)
    ex = hx + s * 0.03 * big
    d["eye"].ellipse((ex - 0.012 * big, hy - 0.022 * big, ex + 0.012 * big, hy + 0.002 * big), fill=255)
    for o in (-0.04, 0.04):
        d["feet"].ellipse((cx + o * big - 0.03 * big, fy - 0.035 * big, cx + o * big + 0.03 * big, fy + 0.01 * big),
                          fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def outlier_bl(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "gorilla":
        m = _gorilla(size, rng)
        if photos:  # a green forest, brown-green ground, a black-grey gorilla with a lighter face
            out = _paint(_paint(ground((56, 96, 52)), m["trees"], (30, 62, 32)), m["ground"], (104, 110, 56))
            out = _paint(_paint(out, m["legs"], (36, 34, 34)), m["body"], (44, 42, 42))
            out = _paint(_paint(out, m["arms"], (38, 36, 36)), m["head"], (40, 38, 38))
            return _u8(_paint(_paint(out, m["face"], (84, 76, 70)), m["eyes"], (18, 14, 10)))
        out = _paint(_paint(ground(tone(0.0)), m["trees"], tone(0.15)), m["ground"], tone(0.3))
        out = _paint(_paint(out, m["legs"], tone(0.75)), m["body"], tone(0.85))
        out = _paint(_paint(out, m["arms"], tone(0.7)), m["head"], tone(0.85))
        return _u8(_paint(_paint(out, m["face"], tone(1.0)), m["eyes"], tone(0.05)))
    if kind == "tuk_tuk":
        m = _tuk_tuk(size, rng)
        if photos:  # a pale sky, beige houses with dark windows, a grey road, a yellow and green tuk-tuk
            out = _paint(_paint(ground((160, 196, 228)), m["houses"], (206, 184, 150)), m["windows"], (60, 56, 60))
            out = _paint(_paint(out, m["road"], (92, 92, 96)), m["body"], (60, 150, 70))
            out = _paint(_paint(out, m["roof"], (236, 200, 40)), m["opening"], (30, 30, 32))
            out = _paint(_paint(out, m["wheels"], (22, 22, 24)), m["hubs"], (170, 170, 176))
            return _u8(_paint(out, m["light"], (250, 246, 220)))
        out = _paint(_paint(ground(tone(0.0)), m["houses"], tone(0.25)), m["windows"], tone(0.05))
        out = _paint(_paint(out, m["road"], tone(0.15)), m["body"], tone(0.85))
        out = _paint(_paint(out, m["roof"], tone(1.0)), m["opening"], tone(0.1))
        out = _paint(_paint(out, m["wheels"], tone(0.5)), m["hubs"], tone(0.9))
        return _u8(_paint(out, m["light"], tone(1.0)))
    if kind == "eagle":
        m = _eagle(size, rng)
        if photos:  # a blue sky, white clouds, a grey branch, a brown eagle with a white head and tail
            out = _paint(_paint(ground((120, 170, 225)), m["clouds"], (232, 236, 244)), m["branch"], (112, 100, 90))
            out = _paint(_paint(out, m["tail"], (240, 240, 234)), m["body"], (74, 48, 30))
            out = _paint(_paint(out, m["wing"], (52, 34, 22)), m["head"], (244, 244, 238))
            out = _paint(_paint(out, m["beak"], (236, 190, 50)), m["eye"], (40, 30, 10))
            return _u8(_paint(out, m["feet"], (232, 192, 60)))
        out = _paint(_paint(ground(tone(0.0)), m["clouds"], tone(0.2)), m["branch"], tone(0.4))
        out = _paint(_paint(out, m["tail"], tone(1.0)), m["body"], tone(0.6))
        out = _paint(_paint(out, m["wing"], tone(0.45)), m["head"], tone(1.0))
        out = _paint(_paint(out, m["beak"], tone(0.8)), m["eye"], tone(0.05))
        return _u8(_paint(out, m["feet"], tone(0.85)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def autosave_lag_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the labels were typed in a web tool that saved each typed
    class to the row selected when its save began; labellers worked through the pictures in sessions of 40-100
    (``SESSION``, in a random order drawn a pass), and sessions on a slow connection (30-60% of them, ``SLOW``,
    drawn a pass) saved the class typed on a picture within the lag after moving on to it (10-25% of their pictures,
    ``HURRIED``) to the previous picture's row as well as its own. The flips are those previous pictures, each given
    the class typed on the picture after it where the two differ, until ``count`` are flipped (passes over the
    pictures not yet flipped while some are left). Noise by the labelling order and the connection, not by look: not
    BK's stock reconciliation, AZ's label rolls, X's late class, G's grid slip or any mechanism of the earlier lists.
    Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    if len({labels[i] for i in pool}) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if len(items) < 2:
            break
        slow, hurried = rng.uniform(*SLOW), rng.uniform(*HURRIED)
        at = 0
        while at < len(items) and len(flips) < count:
            n = int(rng.integers(*SESSION))
            session, at = items[at: at + n], at + n
            if rng.random() >= slow:
                continue
            for prev, cur in zip(session[:-1], session[1:]):
                if len(flips) >= count:
                    break
                if rng.random() < hurried and prev not in flips and labels[prev] != labels[cur]:
                    flips[prev] = labels[cur]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bl(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BL's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 38-60 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BL, seed=640_000 + random_state,
        quality_seed=645_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=autosave_lag_flips,
        **by_family(name, outlier=(outlier_bl, OUTLIERS_BL), blur=(blur_bl, BLURS_BL), dark=(dark_bl, DARKS_BL),
                    near=(near_edit_bl, NEAR_EDITS_BL)))
