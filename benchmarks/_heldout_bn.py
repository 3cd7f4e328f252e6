"""Generator BN: fresh EVALUATION sets after generator BM's run (never used to choose anything).

Why a sixty-fourth evaluation generator: generator BM's sets were written before its run and have been run once since
(the docs of generator BM's one held-out run, after which its four sets became development data), so a held-out set for
the code after that run is written now, before any tool is run on it. The commit subjects since BM's generator commits
(28b424d, 880798a) name one change to what the library finds and a docs commit: a ``near_duplicate`` detail rule for
pictures larger than 32 px (mutual nearest by the locally normalised detail of the 16 x 16 grey picture, searched over
all pictures through the index seam as ``detail_knn``, a ratio of at most ``detail_ratio=0.3``, fixed; its subject
naming its flags on the development tile sets of A-BL), its ``DETAIL_RATIO`` comment wrapped under the line limit in a
second commit, and Round 34 written up (the detail rule's development sweep and BM's one held-out run, leads measured
and not kept, BM's sets made development data). So BN measures the library with that detail rule, on new sets. BM's run
came before this generator was written, and those subjects carry its numbers, but BN's writer read no docs, logs, result
files or commit bodies (only the commit subjects, the library's code and the earlier generators' and tuning tools'
files, to copy their structure and to avoid their families), and nothing in BN was chosen from any result, to aim at or
away from any weakness, rule or lead a subject names: its strengths and its share of whole-picture edits are set as BM's
(and BL's) were. Like AN's to BM's, BN's edits are not all brightly coloured: some are stone grey, near black or
translucent. Generator BN was written before any tool was run on it (only its pictures were looked at, on contact sheets
of its edits, blurs, darkenings and foreign pictures at 28, 93 and 309 px, to check that every edit is visible, every
blur blurred, every darkened image dark with its picture still in it and every outlier foreign, and the planted folders
hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and
label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic
elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD,
AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE, BF, BG, BH,
BI, BJ, BK, BL, BM) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift,
rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make (their
family names and key words were searched for in every earlier generator, the tuning tools and ``_synthetic.py``). Like
AC's to BM's it has two blur families, not three. Tiles of 309 px give 59 tiles (seed 392), so the large set is at 309
px, a size no other set uses; the small photographs are at 93 px, a size no other set uses either. Left out because an
earlier generator made them or left them out (their key words are in the earlier generators' lists): among objects on
the print a table-tennis bat (AD's list), an egg cup (an egg: their lists), a pizza cutter (U's pizzas), a can's ring
pull (their lists), a hair barrette (AC's and AF's hair clips), a dreidel (a spinning top), a stopwatch (a wristwatch or
a pocket watch), a harmonica, a thimble, a whistle, a corkscrew, a cotton reel or bobbin, a mousetrap, a shoehorn, a
nutcracker, a sharpener, a cowrie or any shell, a padlock, a carabiner, a pocket knife, a safety pin, a bottle cap, a
wristwatch or any object, creature, sweet, snack, fruit, vegetable or plant part of the earlier lists (BM's, their
lists: BN's locket is an oval case on a fine chain with an engraved flower, its citrus juicer a ribbed cone on a round
dish with a lip and a handle, its slide rule a strip of log scales with a slide and a cursor, its doorstop a ridged
rubber wedge with a hanging hole, and its plumb bob a shouldered pointed weight with a knurled cap on its string); of
the whole picture lapis lazuli, chainmail, shweshwe, malachite, zellige, moquette, houndstooth, carbon fibre, batik,
tie-dye (or shibori), paisley, tartan, a circuit board, seigaiha, Greek key or newspaper, toile, quatrefoil or sunburst
wrap, chintz, a kilim, a damask, granite, marble, terrazzo, a leather hide (or a cowhide), mother-of-pearl, bubble wrap,
galvanised spangle, a tread plate, expanded metal, tiles or a mosaic, a tapestry, a quilt or any other weave, print,
stone, metal or patterned ground of the earlier lists (BM's, their lists: BN's labradorite is a polished slab of the
dark grey feldspar flashing blue, teal and gold in striped patches with dark needles, its verdigris a weathered copper
sheet patched and streaked with green patina, and its bogolan a Malian mud cloth of near black-brown or rust painted
cream in bands of dots, zigzags, crosses, squares and dashes); among blurs a print on muslin, a mimeograph copy, a
puff-ink print, a diazo whiteprint copy, a latte printer's coffee on milk foam, edible ink on icing, a salt print, a
tintype or daguerreotype, a bromoil or gum print, a lithophane, a thermal fax, a photocopy, a Risograph print, a dye
sublimation onto a towel or a mug, a glassine window, a dry-ice fog, heat haze, a stocking, a sheer curtain, tulle or
organza, cling film, a steamed window, frosted glass, or any haze, veil, glass, copy or print process of the earlier
lists (BM's, their lists: BN's mezzotint is the picture burnished soft into a rocked copper plate and printed in warm
black on cream, its grain in the darks, and its jacquard throw the picture woven into a photo blanket, softened most
along the weft, muted by the yarns and rippled by the twill); among darkenings a crystal ball, an orrery's sun lamp, an
intercom's keypad, a fibre-optic lamp, an LED hula hoop or a light sword (AE's list, their lists), an infinity mirror, a
make-up mirror's bulbs, a pharmacy's cross (an exit sign), a lightbox, an ON AIR sign, a lit fountain, a salt lamp, a
jukebox, a vending machine, a fridge, a microwave, a lava lamp, glow sticks, fairy lights, a torch or headlamp, a Nixie
tube clock, a bike's tail light or any flame, ember, lamp, screen or glow of the earlier lists (BM's, their lists: BN's
juggling clubs are three LED clubs glowing magenta, green and orange in the air over a dark stage, its water cooler an
office's cooler whose big bottle glows aqua from an LED below it, and its robot vacuum a living room's floor lit by the
amber ring on a robot vacuum's top); among foreign pictures a wolf, a monorail, a log cabin, a hedgehog (as a porcupine
would be), a llama (as an alpaca), a gorilla, a tuk-tuk, an eagle, a petrol station, a tipi camp, a treehouse, a
windmill, a pagoda, a stilt house, a castle, pyramids, a sailboat, a narrowboat or any other animal, vehicle, building
or flying thing of the earlier lists (BM's, their lists: BN's badger stands by its sett in a wood at dusk, its covered
wagon stands on a prairie trail under a white canvas bonnet, and its adobe pueblo rises in flat-roofed terraces with
roof beams and ladders under a desert sky); among label noise a display case's majority for faded tags (N's cluster
majority, W's neighbours' vote), a photo lab's cutter slipping a roll's first prints into the wallet before (BM's stuck
prints), a telegraph's misread codes (BJ's keyed shorthand, dictation) and every mechanism BM named and BM's stuck
prints (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions, clocks, a returns desk's prices, a
marketplace's category stuffing, recycled product codes, memory cards, a packing bench's label rolls, a mistranslated
list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a spreadsheet's fill-down, collided file
names, names completed as typed, tote cross-reads, shelf scans, conveyor jets, averaged votes, re-hung swing tags, a
tracker's identity switch, a cache race, rotated specimen racks, a cross-wired put wall, a timeout, misprinted reference
sheets, keyed shorthand, stock reconciliation, autosave lag, stuck prints, a batch whose class numbers were in another
order, a model's runner-up exported by an off-by-one, a taxonomy's merged classes, a colour-blind labeller).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 309 px set's
  copies get both kinds): a locket (an oval case 16-22% of the side across, at least 7 px, 1.2 times as high, gold
  212 / 170 / 72, silver 196 / 198 / 204 or jet 34 / 30 / 38, of the three the two whose colour differs most on
  average from the picture's where it lies, as for each object's colour below; a raised rim and an engraved
  six-petalled flower 28% darker, 3 times lighter on jet, a hinge and a bail, a fine chain of 14-22 links in a loose
  loop, a shine at 45%; 30-70% of the way across and down, at any angle, a soft shadow at 35%), a citrus juicer (a
  round dish 30-38% of the side across, at least 12 px, with a ribbed cone of 8-10 ribs, a lip and a handle; clear
  pressed glass 234 / 238 / 236 at 55%, jadeite green 150 / 196 / 160 at 85% or stone grey stoneware 150 / 148 / 142;
  its rim 25% darker, its ribs 35% darker, a highlight; a shadow at 30%, 15% for the clear one), a slide rule (a strip
  46-58% of the side long, at least 16 px, 17% as wide, bone white 236 / 232 / 214, bamboo yellow 214 / 188 / 120 or
  near black 38 / 38 / 42; its slide drawn out by 0-15%, grooves 40% darker, log scales of ticks, a clear cursor
  with end bars and a red hairline; a shadow at 25%), a doorstop (a rubber wedge seen from above 28-36% of the side
  long, at least 11 px, black 32 / 32 / 34, stone grey 140 / 140 / 136 or terracotta 150 / 84 / 58; 6-9 grip ridges,
  a hanging hole, its thick end's face 15% darker, a sheen at 20%; a shadow at 35%) and a plumb bob (22-28% of the
  side long, at least 9 px, 36% as wide, brass 198 / 158 / 66, steel 170 / 172 / 178 or red-painted 184 / 44 / 40; a
  knurled cap 30% darker, a steel tip, an off-white string out 1-1.5 times its length, a shine at 40%; a shadow at
  35%); of the whole picture: printed on a polished labradorite slab (the ink multiplied onto the stone, 42-54% of the
  way, a dark grey clouded greenish grey, 2-3 patches flashing blue, teal or gold striped by lamellae, near black
  needles), printed on a weathered copper sheet (42-54% of the way, the copper's brown darkened unevenly, a green
  verdigris patina over 35-55% of it with rain runs streaking down, near black oxide specks) and printed on bogolan
  (42-54% of the way, a near black-brown or rust ground painted cream in bands 12-18% of the side high between double
  lines, each band in one of five designs, the lines wavering and the paint uneven, turned by 0 or 90 degrees);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture copied as a mezzotint (the burnished tones soft: a Gaussian of 1.4-2.4% of the side,
  at least 1 px, and a tail 2.5 times as wide for 20-30%; a warm black 46 / 34 / 28 to a cream 238 / 228 / 206, its
  tones ``g ** 0.85``, the rocker's grain mottling the darks by up to 7%, the plate's tone 2-4% over the lights) and
  the picture woven into a jacquard throw (a Gaussian of 1.3-2.1% of the side, at least 1 px, across the weft and 1.8
  times as wide along it; its colours 20-30% less saturated and its contrast 12-18% down; the twill a diagonal ripple
  of 4%, the yarns' fuzz a mottle of 3%); each as a camera metering on the highlights exposes it (as Y's to BM's);
* ``dark`` (2%): a dark stage lit only by a juggler's three LED clubs in the air (bottle shapes 9-13% of the side long
  along an arc 25-75% across and 15-45% down, glowing magenta 1 / 0.3 / 0.8, green 0.4 / 1 / 0.5 and orange 1 / 0.6 /
  0.2, a glow of sigma 3-5% of the side up to 30-45 levels round each; the picture lit in the three colours, half of
  each club's ``0.015-0.03 + 0.26-0.34 / (1 + (d / d0) ** 2)``, ``d0`` 18-26% of the side), an office at night lit
  only by a water cooler (a dark cabinet 16-22% of the side wide on the bottom edge, its big bottle glowing aqua 0.45
  / 0.75 / 1 brighter at its foot, two ribs, a red and a blue tap light, a glow of sigma 5-8% up to 35-50 levels; the
  picture lit in aqua falling off as above from the bottle, ``d0`` 24-34% of the side) and a living room at night lit
  only by a robot vacuum on the floor (a near black disc seen at a slant 22-30% of the side wide, 72-86% down, an
  amber 1 / 0.62 / 0.25 light ring, button and a sensor strip, a glow of sigma 4-7% up to 40-55 levels; the picture
  lit in amber falling off as above from the robot, ``d0`` 26-36% of the side); none of them blurs the picture;
* ``outlier`` (1.5%): a badger at its sett in a wood at dusk (3-5 tree trunks, an earth bank from 58-68% of the way
  down with a dark sett hole, the badger seen from the side: a low wide body, short legs, a short tail, a wedge-shaped
  head, a white face with a black stripe over the eye, a pale fringe), a covered wagon on a prairie trail (low hills
  at 52-60% down, two ruts, a box on two spoked wheels, a white canvas bonnet with three hoops, a dark front opening,
  a tongue) and an adobe pueblo (2-3 terraces of flat-roofed houses set back, shaded sides, roof beams, doorways and
  windows, 1-2 ladders, the ground from 70-78% down); the digit and clothing sets get them in their own tones on their
  dark ground, the photographs as a grey badger with a black and white face on brown earth among dark trunks under a
  dusk violet-grey sky, a brown wagon under a white canvas on a yellow-green prairie under a pale blue sky, and ochre
  adobe terraces with brown beams and ladders on sand under a deep blue sky;
* ``label`` (5%): *overflow bin* flips: the pictures are of items sorted by hand into a rack of bins, one bin a class
  in a row (in a random order drawn a pass), and the bins' classes became the labels when each shift's bins were
  emptied and scanned. The items came in a random order, 80-200 a shift (``SHIFT``); a bin held only 60-90% (``FILL``)
  of a shift's items over the classes (at least one), so on a busy shift a class's bin filled up, and on some shifts
  (30-60% of them, ``MISSORT``) the sorter tossed an item whose bin was full into the next bin along the row with
  room rather than into the spare tray. The flips are those tossed items, each given the class of the bin it landed in
  (passes over the items not yet flipped while some are left). Noise by the classes' arrivals and the rack's order,
  not by look: not BM's stuck prints, BH's cross-wired put wall, BE's re-hung swing tags, AZ's label rolls or AH's
  bags. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BN's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 389),
MNIST (2,000, seed 390), and the evaluation photographs tiled at 93 px (24 tiles a photograph at most, seed 391) and at
309 px (every tile, seed 392), sizes no other set uses. ``photos93_bn_jpeg`` is written as JPEG files, each at a quality
drawn from 36-58 (a stream of its own, seed ``665_000 + random_state``), every edit, blur and darkening made before the
encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the
file; the other sets are PNG files. Planting draws from seed ``660_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to BM).
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

EVALUATION_BN = ("fashion_test_bn", "mnist_bn", "photos93_bn_jpeg", "photos309_bn")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BN = {
    "fashion_test_bn": ("fashion_test", 389),
    "mnist_bn": ("mnist", 390),
    "photos93_bn_jpeg": ("photos", 391, 93, 8, 24),
    "photos309_bn": ("photos", 392, 309, 8, 1000),
}
JPEG_QUALITY = (36, 59)  # the JPEG set's qualities: integers in [low, high)
RATES_BN = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BN = ("locket", "labradorite", "citrus_juicer", "verdigris", "slide_rule", "bogolan", "doorstop",
                 "plumb_bob")
BLURS_BN = ("mezzotint", "jacquard_throw")
DARKS_BN = ("juggling_clubs", "water_cooler", "robot_vacuum")
OUTLIERS_BN = ("badger", "covered_wagon", "adobe_pueblo")
SHIFT = (80, 201)  # items sorted into the rack's bins in a shift before they are emptied: integers in [low, high)
FILL = (0.6, 0.9)  # a bin's capacity as a share of the shift's items per class (at least 1), drawn a pass
MISSORT = (0.3, 0.6)  # the share of shifts whose sorter tossed an item into the next bin with room, drawn a pass


def load_base_bn(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BN, "BN")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
LOCKETS = ((212, 170, 72), (196, 198, 204), (34, 30, 38))


def _locket(f: np.ndarray, rng) -> np.ndarray:
    """A locket lying on the print on its chain: an oval case 16-22% of the side across (at least 7 px) and 1.2 times as
    high, gold 212 / 170 / 72, silver 196 / 198 / 204 or jet 34 / 30 / 38 (of the three the one whose colour differs
    most on average from the picture's where it lies, or the second, at random, where it differs at least 60% as much,
    as for the slide rule, the doorstop and the plumb bob); a raised rim at 82% of its radius and an engraved
    six-petalled flower on its face, 28% darker on gold and silver, 3 times lighter on jet (at least 0.5 px); a hinge
    knuckle on its side and a bail ring on its top (at least 0.5 px); a fine chain of 14-22 links (dots 12% of its width
    across, at least 0.5 px) from the bail in a loose loop 1.4-2 times its height across, in the case's metal (steel 150
    / 152 / 158 on jet); a shine on its upper left at 45%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    a = max(3.5, side * rng.uniform(0.08, 0.11))
    b = 1.2 * a
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(LOCKETS, f, fr, b, rng), np.float32)
    jet = col.mean() < 80
    metal = (150, 152, 158) if jet else col
    line_col = np.minimum(col * 3 + 30, 255) if jet else col * 0.72
    lw = max(0.5, 0.07 * a)
    case = fr.fill([_ellipse(0.0, 0.0, a, b, 0.0, 36)])
    rim = fr.line([_ellipse(0.0, 0.0, 0.82 * a, 0.82 * b, 0.0, 36) + [_ellipse(0.0, 0.0, 0.82 * a, 0.82 * b, 0.0,
                                                                                36)[0]]], lw)
    petals = [_ellipse(0.3 * a * np.cos(t), 0.3 * a * np.sin(t), 0.22 * a, 0.1 * a + 0.2, t, 12)
              for t in np.linspace(0, 2 * np.pi, 6, endpoint=False)]
    flower = fr.line([p + [p[0]] for p in petals], lw)
    hinge = fr.fill([_rect(0.9 * a, -0.25 * b, 1.1 * a, 0.25 * b)])
    bail = fr.line([_circle(0.18 * a, 12, 0.0, -b - 0.12 * a) + [_circle(0.18 * a, 12, 0.0, -b - 0.12 * a)[0]]],
                   max(0.5, 0.08 * a))
    n = int(rng.integers(14, 23))
    loop = b * rng.uniform(1.4, 2.0)
    turn = rng.choice([-1.0, 1.0])
    links = []
    for t in np.linspace(0, 1, n):
        x = turn * loop * 0.5 * np.sin(np.pi * t) * (1 + 0.3 * t)
        y = -b - 0.3 * a - loop * (0.5 - 0.5 * np.cos(np.pi * t)) * 0.9
        links.append(_circle(max(0.5, 0.06 * 2 * a), 8, float(x), float(y)))
    chain = fr.fill(links)
    shine = fr.fill([_ellipse(-0.4 * a, -0.4 * b, 0.28 * a, 0.12 * a + 0.2, -0.8, 12)]) * case
    parts = [(chain, metal, 1.0, True), (case, col, 1.0, True), (hinge, col * 0.85, 1.0, True),
             (bail, metal, 1.0, True), (rim, line_col, 0.9, False), (flower, line_col, 0.8, False),
             (shine, WHITE, 0.45, False)]
    return _u8(_laid(f, parts, 0.35))


# glass, opacity
JUICERS = (((234, 238, 236), 0.55), ((150, 196, 160), 0.85), ((150, 148, 142), 1.0))


def _citrus_juicer(f: np.ndarray, rng) -> np.ndarray:
    """A citrus juicer (a lemon squeezer) lying on the print, seen from above: a round dish 30-38% of the side across
    (at least 12 px) with a rim 8% of its radius wide (at least 0.6 px) 25% darker, a ribbed cone on its middle 46% of
    the dish across with 8-10 ribs from its tip to its foot, a pouring lip on one side and a flat handle on the other;
    clear pressed glass 234 / 238 / 236 at 55% (the print showing through), jadeite green 150 / 196 / 160 at 85% or
    stone grey stoneware 150 / 148 / 142; the ribs and the cone's foot 35% darker at 80% (dark grey 80 / 84 / 86 on
    the clear one); a white highlight on the rim at 55%; at any angle, its middle 30-70% of the way across and down,
    a soft shadow at 30% (15% for the clear one)."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(6.0, side * rng.uniform(0.15, 0.19))
    fr = _frame_at(h, w, rng)
    glass, alpha = JUICERS[int(rng.integers(len(JUICERS)))]
    glass = np.asarray(glass, np.float32)
    dish = fr.fill([_circle(R, 40)])
    lip = fr.fill([[(0.85 * R, -0.3 * R), (1.22 * R, 0.0), (0.85 * R, 0.3 * R)]])
    handle = fr.fill([_rect(-1.5 * R, -0.16 * R, -0.9 * R, 0.16 * R)])
    rim = fr.line([_circle(0.94 * R, 40) + [_circle(0.94 * R, 40)[0]]], max(0.6, 0.08 * R))
    rc = 0.46 * R
    n = int(rng.integers(8, 11))
    ribs = fr.line([[(0.0, 0.0), (float(rc * np.cos(t)), float(rc * np.sin(t)))]
                    for t in np.linspace(0, 2 * np.pi, n, endpoint=False)] +
                   [_circle(rc, 24) + [_circle(rc, 24)[0]]], max(0.5, 0.05 * R))
    shine = fr.line([[(float(0.94 * R * np.cos(t)), float(0.94 * R * np.sin(t))) for t in np.linspace(3.4, 4.4, 8)]],
                    max(0.5, 0.06 * R))
    line_col = glass * 0.65 if alpha > 0.6 else (80, 84, 86)
    parts = [(handle, glass, alpha, alpha > 0.6), (dish, glass, alpha, alpha > 0.6), (lip, glass, alpha, alpha > 0.6),
             (rim, glass * 0.75 if alpha > 0.6 else (120, 124, 126), 0.9, False), (ribs, line_col, 0.8, False),
             (shine, WHITE, 0.55, False)]
    if alpha <= 0.6:  # the clear glass casts a faint shadow of its own
        parts[1] = (dish, glass, alpha, True)
        return _u8(_laid(f, parts, 0.15))
    return _u8(_laid(f, parts, 0.3))


RULES = ((236, 232, 214), (214, 188, 120), (38, 38, 42))


def _slide_rule(f: np.ndarray, rng) -> np.ndarray:
    """A slide rule lying on the print: a strip 46-58% of the side long (at least 16 px) and 17% as wide, bone white
    236 / 232 / 214, bamboo yellow 214 / 188 / 120 or near black 38 / 38 / 42; its slide between two stators, two
    dark grooves along it 40% darker (at least 0.4 px), the slide drawn out by 0-15% of its length; log scales of
    ticks (1 to 10, at ``log10``) along both of the slide's edges and the stators', black 30 / 30 / 30 on the light
    rules and white 230 / 230 / 230 on the black one (at least 0.4 px); a cursor across it 13% of its length wide,
    clear at 25% with dark end bars 60 / 60 / 64 and a red hairline 200 / 40 / 40 (at least 0.4 px); at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(16.0, side * rng.uniform(0.46, 0.58))
    W = 0.17 * L
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(RULES, f, fr, 0.5 * L, rng), np.float32)
    tick = (230, 230, 230) if col.mean() < 80 else (30, 30, 30)
    pull = L * rng.uniform(0.0, 0.15)
    body = fr.fill([_rect(-0.5 * L, -0.5 * W, 0.5 * L, 0.5 * W)])
    slide = fr.fill([_rect(-0.5 * L + pull, -0.17 * W, 0.5 * L + pull, 0.17 * W)])
    lw = max(0.4, 0.03 * W)
    grooves = fr.line([[(-0.5 * L, y), (0.5 * L + pull, y)] for y in (-0.17 * W, 0.17 * W)], lw)
    ticks = []
    for x0, y0, dy in ((-0.45 * L, -0.5 * W, 0.18 * W), (-0.45 * L + pull, -0.17 * W, 0.12 * W),
                       (-0.45 * L + pull, 0.17 * W, -0.12 * W), (-0.45 * L, 0.5 * W, -0.18 * W)):
        for v in range(1, 11):
            x = x0 + 0.9 * L * np.log10(v)
            ticks.append([(float(x), float(y0)), (float(x), float(y0 + dy))])
    marks = fr.line(ticks, lw)
    cx = rng.uniform(-0.3, 0.3) * L
    cursor = fr.fill([_rect(cx - 0.065 * L, -0.58 * W, cx + 0.065 * L, 0.58 * W)])
    bars = fr.line([[(cx - 0.065 * L, y - 0.04 * W), (cx + 0.065 * L, y - 0.04 * W)] for y in (-0.54 * W, 0.62 * W)],
                   max(0.5, 0.08 * W))
    hair = fr.line([[(cx, -0.56 * W), (cx, 0.56 * W)]], lw)
    parts = [(body, col, 1.0, True), (slide, col * 0.94 + 6, 1.0, True), (grooves, col * 0.6, 1.0, False),
             (marks, tick, 0.9, False), (cursor, WHITE, 0.25, False), (bars, (60, 60, 64), 1.0, True),
             (hair, (200, 40, 40), 1.0, False)]
    return _u8(_laid(f, parts, 0.25))


STOPS = ((32, 32, 34), (140, 140, 136), (150, 84, 58))


def _doorstop(f: np.ndarray, rng) -> np.ndarray:
    """A rubber wedge doorstop lying on the print, seen from above: a trapezoid 28-36% of the side long (at least 11
    px), 42% of that wide at its thick end tapering to 30% at its thin end, black 32 / 32 / 34, stone grey 140 / 140 /
    136 or terracotta 150 / 84 / 58; 6-9 grip ridges across its slope 35% lighter on black and 25% darker on the
    others (at least 0.5 px); a round hanging hole near the thick end 12% of its width across (at least 0.6 px)
    showing the print; the thick end's face a band 12% of its length 15% darker; a sheen along one side at 20%; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.28, 0.36))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(STOPS, f, fr, 0.5 * L, rng), np.float32)
    a, b = 0.21 * L, 0.15 * L
    outline = [(-0.5 * L, -a), (0.5 * L, -b), (0.5 * L, b), (-0.5 * L, a)]
    hole = _circle(max(0.6, 0.06 * 2 * a), 14, -0.36 * L, 0.0)
    body = fr.fill([outline], holes=[hole])
    face = fr.fill([[(-0.5 * L, -a), (-0.38 * L, -a + 0.12 * (a - b)), (-0.38 * L, a - 0.12 * (a - b)),
                     (-0.5 * L, a)]], holes=[hole])
    n = int(rng.integers(6, 10))
    ridges = fr.line([[(float(x), float(-(a + (b - a) * (x / L + 0.5)) * 0.85)),
                       (float(x), float((a + (b - a) * (x / L + 0.5)) * 0.85))]
                      for x in np.linspace(-0.2 * L, 0.42 * L, n)], max(0.5, 0.025 * L))
    sheen = fr.line([[(-0.45 * L, -0.9 * a), (0.45 * L, -0.9 * b)]], max(0.5, 0.03 * L)) * body
    rib_col = np.minimum(col * 1.35 + 30, 255) if col.mean() < 80 else col * 0.75
    parts = [(body, col, 1.0, True), (face, col * 0.85, 1.0, False), (ridges, rib_col, 0.9, False),
             (sheen, WHITE, 0.2, False)]
    return _u8(_laid(f, parts, 0.35))


BOBS = ((198, 158, 66), (170, 172, 178), (184, 44, 40))


def _plumb_bob(f: np.ndarray, rng) -> np.ndarray:
    """A builder's plumb bob lying on its side on the print on its string: 22-28% of the side long (at least 9 px) and
    36% as wide, a shouldered body tapering to a point, brass 198 / 158 / 66, steel 170 / 172 / 178 or
    red-painted 184 / 44 / 40; a knurled cap at its top 20% of its length long, 30% darker with 4-6 grooves; a steel
    tip 140 / 142 / 148 on its point; a string off-white 232 / 226 / 210 (at least 0.5 px) from the cap out 1-1.5
    times its length in a gentle S curve; a shine along it at 40%; at any angle, its middle 30-70% of the way across
    and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.22, 0.28))
    r = 0.18 * L
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(BOBS, f, fr, 0.5 * L, rng), np.float32)
    x0 = -0.5 * L
    body = fr.fill([[(x0 + 0.2 * L, -0.7 * r), (x0 + 0.3 * L, -r), (x0 + 0.44 * L, -r), (0.38 * L, -0.24 * r),
                     (0.38 * L, 0.24 * r), (x0 + 0.44 * L, r), (x0 + 0.3 * L, r), (x0 + 0.2 * L, 0.7 * r)]])
    cap = fr.fill([_rect(x0, -0.7 * r, x0 + 0.2 * L, 0.7 * r)])
    grooves = fr.line([[(float(x), -0.7 * r), (float(x), 0.7 * r)]
                       for x in np.linspace(x0 + 0.04 * L, x0 + 0.16 * L, int(rng.integers(4, 7)))],
                      max(0.4, 0.012 * L))
    tip = fr.fill([[(0.38 * L, -0.24 * r), (0.5 * L, 0.0), (0.38 * L, 0.24 * r)]])
    k = rng.uniform(1.0, 1.5) * L
    bend = rng.uniform(0.1, 0.25) * L * rng.choice([-1.0, 1.0])
    string = fr.line([[(float(x0 - t * k), float(bend * np.sin(2 * np.pi * t))) for t in np.linspace(0, 1, 16)]],
                     max(0.5, 0.012 * L))
    shine = fr.line([[(x0 + 0.25 * L, -0.55 * r), (0.3 * L, -0.2 * r)]], max(0.5, 0.05 * L))
    parts = [(string, (232, 226, 210), 1.0, True), (body, col, 1.0, True), (cap, col * 0.7, 1.0, True),
             (grooves, col * 0.45, 0.9, False), (tip, (140, 142, 148), 1.0, True), (shine, WHITE, 0.4, False)]
    return _u8(_laid(f, parts, 0.35))


LABRADORITE = np.array([(46, 50, 54), (104, 110, 106)], np.float32)
FLASHES = np.array([(60, 118, 206), (58, 168, 160), (204, 172, 70)], np.float32)


def _labradorite(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished labradorite slab: the ink multiplied onto the stone, 42-54% of the way from the
    picture (35% of its tone added at that share); the stone's dark grey 46 / 50 / 54 clouded with a greenish grey 104 /
    110 / 106 (a smooth field of 6-10% of the side); its labradorescence in 2-3 patches (where a smooth field of 10-16%
    of the side is above 0.2, softened over 0.5 of its spread), each flashing 65-90% of the way to a colour that shifts
    across it from blue 60 / 118 / 206 through teal 58 / 168 / 160 to gold 204 / 172 / 70 (by another field of 12% of
    the side), striped by the feldspar's twinning lamellae (70-100% every 2-3% of the side, at one angle a patch); 10-20
    near black needle inclusions 20 / 20 / 22 at 70% (2-6% of the side long); a polish sheen of 4%; drawn at 2 times the
    size and averaged: a dark stone flashing colour, not BM's lapis lazuli, BL's malachite, AZ's mother-of-pearl or any
    stone or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    H, W = h * s, w * s
    cloud = np.tanh(_field(H, W, s * side * rng.uniform(0.06, 0.1), rng))[..., None]
    ground = LABRADORITE[0] + (LABRADORITE[1] - LABRADORITE[0]) * np.clip(0.5 + 0.6 * cloud, 0, 1)
    yy, xx = _fine(h, w, s)
    hue = np.clip(0.5 + 0.5 * np.tanh(_field(H, W, s * side * 0.12, rng)), 0, 1)[..., None]
    flash_col = np.where(hue < 0.5, FLASHES[0] + (FLASHES[1] - FLASHES[0]) * hue * 2,
                         FLASHES[1] + (FLASHES[2] - FLASHES[1]) * (hue * 2 - 1))
    for _ in range(int(rng.integers(2, 4))):
        patch = np.clip((_field(H, W, s * side * rng.uniform(0.1, 0.16), rng) - 0.2) / 0.5, 0, 1)
        t = rng.uniform(0, np.pi)
        p = max(1.0, side * rng.uniform(0.02, 0.03))
        lam = 0.85 + 0.15 * np.sin(2 * np.pi * (xx * np.cos(t) + yy * np.sin(t)) / p)
        k = (patch * lam * rng.uniform(0.65, 0.9))[..., None]
        ground = ground + (flash_col - ground) * k
    ident = _Frame((H, W), 0.0, 0.0, 0.0)
    needles = []
    for _ in range(int(rng.integers(10, 21))):
        x, y, t = rng.uniform(0, W), rng.uniform(0, H), rng.uniform(0, np.pi)
        ln = s * side * rng.uniform(0.02, 0.06) / 2
        needles.append([(float(x - ln * np.cos(t)), float(y - ln * np.sin(t))),
                        (float(x + ln * np.cos(t)), float(y + ln * np.sin(t)))])
    ground = _paint(ground, ident.line(needles, max(0.8, 0.006 * s * side)) * 0.7, (20, 20, 22))
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3)) * 1.04
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


COPPER = np.array([(178, 102, 60), (118, 62, 40)], np.float32)
PATINA = np.array([(84, 164, 140), (148, 206, 182)], np.float32)


def _verdigris(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a weathered copper sheet (a roof's or a bell's): the ink multiplied onto the metal, 42-54%
    of the way from the picture (35% of its tone added at that share); the copper's brown 178 / 102 / 60 darkened
    unevenly to 118 / 62 / 40 (a smooth field of 8% of the side); a verdigris patina 84 / 164 / 140 to a paler 148 / 206
    / 182 (a field of 3% of the side) over 35-55% of it (where a smooth field of 10-14% of the side is above its
    quantile, its edge mottled by a field of 1.5% of the side), with rain runs of patina streaking down from it (the
    patina smeared down by a Gaussian 6-9% of the side long and 0.6% wide and moved 5% of the side down, at 60%), near
    black oxide specks 60 / 40 / 30 (the peaks of a fine field); drawn at 2 times the size and averaged: a copper's
    green patina, not BM's chainmail, AU's tread plate, rust or any metal or ground of the earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    H, W = h * s, w * s
    dark = np.clip(0.5 + 0.5 * np.tanh(_field(H, W, s * side * 0.08, rng)), 0, 1)[..., None]
    ground = COPPER[0] + (COPPER[1] - COPPER[0]) * dark
    v = _field(H, W, s * side * rng.uniform(0.1, 0.14), rng) + 0.35 * _field(H, W, s * side * 0.015, rng)
    thr = np.quantile(v, 1 - rng.uniform(0.35, 0.55))
    cover = np.clip((v - thr) / 0.25, 0, 1)
    run = gaussian_filter(cover, (s * side * rng.uniform(0.06, 0.09), max(0.5, s * side * 0.006)), mode="nearest")
    shift = max(1, int(s * side * 0.05))
    run = np.concatenate([np.zeros((shift, W), np.float32), run[:-shift]], axis=0) if shift < H else run * 0
    cover = np.maximum(cover, 0.6 * np.clip(run * 1.6, 0, 1))[..., None]
    pale = np.clip(0.5 + 0.5 * np.tanh(_field(H, W, s * side * 0.03, rng)), 0, 1)[..., None]
    patina = PATINA[0] + (PATINA[1] - PATINA[0]) * pale
    ground = ground + (patina - ground) * cover
    fine = _field(H, W, 1.0, rng)
    ground = ground + (np.array([60, 40, 30], np.float32) - ground) * np.clip((fine - 2.2) / 0.4, 0, 1)[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


BOGOLAN_GROUNDS = np.array([(42, 32, 26), (96, 52, 32)], np.float32)
BOGOLAN_PAINT = np.array([222, 208, 176], np.float32)


def _bogolan(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on bogolan (a Malian mud cloth: cotton dyed dark and painted with its designs in a bleach of
    the ground): the ink multiplied onto the cloth, 42-54% of the way from the picture (35% of its tone added at that
    share); a near black-brown 42 / 32 / 26 or rust 96 / 52 / 32 ground; bands across it 12-18% of the side high between
    double lines, each band painted cream 222 / 208 / 176 in one of five designs (a row of dots, a zigzag, a row of
    crosses, small squares round a dot, or a row of short dashes), the bands' designs drawn a cloth; the lines 9% of a
    band wide (at least 0.6 px), wavering by a smooth field as a hand paints them, the paint uneven (75-100% by a field
    of 8% of the side); the cloth's weave a ripple of 1% a thread each way; turned by 0 or 90 degrees; drawn at 3 times
    the size and averaged: a hand-painted cloth of bold bands, not BM's shweshwe, batik, a kilim or any cloth or ground
    of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    if rng.random() < 0.5:
        yy, xx = xx, yy
    g0 = BOGOLAN_GROUNDS[int(rng.integers(len(BOGOLAN_GROUNDS)))]
    bh = max(5.0, side * rng.uniform(0.12, 0.18))
    lw = max(0.6, 0.09 * bh)
    wob = np.kron(_field(h, w, max(0.5, 0.05 * side), rng), np.ones((s, s), np.float32))
    u = (yy + 0.015 * side * wob) / bh + rng.uniform(0, 1)
    band = np.floor(u)
    fv = u - band
    designs = rng.integers(0, 5, 64)
    py = (fv - 0.5) * bh
    paint = (np.abs(py - 0.4 * bh) < lw / 2) | (np.abs(py - 0.3 * bh) < lw / 2) | \
            (np.abs(py + 0.4 * bh) < lw / 2) | (np.abs(py + 0.3 * bh) < lw / 2)
    d = designs[(band.astype(int)) % 64]
    px = xx % (0.4 * bh) - 0.2 * bh
    zig = np.abs(py - (np.abs(((xx / (0.4 * bh)) % 1) - 0.5) * 2 - 0.5) * 0.36 * bh) < lw / 2
    dots = np.hypot(px, py) < 0.08 * bh
    cross = ((np.abs(px) < lw / 2) & (np.abs(py) < 0.14 * bh)) | ((np.abs(py) < lw / 2) & (np.abs(px) < 0.14 * bh))
    sq = (np.abs(np.maximum(np.abs(px), np.abs(py)) - 0.13 * bh) < lw / 2) | (np.hypot(px, py) < 0.04 * bh)
    dash = (np.abs(py) < lw / 2) & (np.abs(px) < 0.1 * bh)
    motif = np.select([d == 0, d == 1, d == 2, d == 3], [dots, zig, cross, sq], dash)
    paint = paint | motif
    even = 0.75 + 0.25 * np.clip(0.5 + 0.5 * np.tanh(np.kron(_field(h, w, 0.08 * side, rng),
                                                              np.ones((s, s), np.float32))), 0, 1)
    ground = g0 + (BOGOLAN_PAINT - g0) * (paint * even)[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    yy1, xx1 = _pixels(h, w)
    ground = ground * (1 + 0.01 * (np.sin(np.pi * xx1) + np.sin(np.pi * yy1)))[..., None]
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bn(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "locket":  # a locket on its chain on the print
        return _locket(f, rng)
    if kind == "citrus_juicer":  # a lemon squeezer on the print
        return _citrus_juicer(f, rng)
    if kind == "slide_rule":  # a slide rule on the print
        return _slide_rule(f, rng)
    if kind == "doorstop":  # a rubber wedge doorstop on the print
        return _doorstop(f, rng)
    if kind == "plumb_bob":  # a plumb bob on its string on the print
        return _plumb_bob(f, rng)
    if kind == "labradorite":  # the picture printed on a labradorite slab
        return _labradorite(f, rng)
    if kind == "verdigris":  # the picture printed on a weathered copper sheet
        return _verdigris(f, rng)
    if kind == "bogolan":  # the picture printed on a mud cloth
        return _bogolan(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
MEZZO_INK = np.array([46, 34, 28], np.float32)
MEZZO_PAPER = np.array([238, 228, 206], np.float32)


def _mezzotint(f: np.ndarray, rng) -> np.ndarray:
    """The picture copied as a mezzotint (a copper plate roughened all over with a rocker and its lights burnished
    smooth, printed in intaglio): the burnisher works in soft tones, not lines, a Gaussian of 1.4-2.4% of the side (at
    least 1 px) and a tail 2.5 times as wide for 20-30%; the print a warm black 46 / 34 / 28 to a cream 238 / 228 /
    206, its tones ``g ** 0.85`` (the darks velvety and deep); the rocker's grain showing in the darks, a fine field
    of 0.6 px mottling them by up to 7% ``(1 - g)``; the plate's tone, 2-4% of the ink wiped thin over the lights; as
    a camera metering on the highlights exposes it: a burnished intaglio plate, not BM's mimeograph, a photogravure,
    a hectograph or any copy or print process of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.014, 0.024))
    k = rng.uniform(0.2, 0.3)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.5 * s) * k
    g = np.clip(out.mean(axis=2, keepdims=True) / 255, 0, 1) ** 0.85
    g = g * (1 - rng.uniform(0.02, 0.04))
    out = MEZZO_INK + (MEZZO_PAPER - MEZZO_INK) * g
    grain = np.tanh(_field(h, w, 0.6, rng))[..., None]
    out = out * (1 + 0.07 * (1 - g) * grain)
    return _u8(_metered(out, f))


def _blur_axes(f: np.ndarray, sy: float, sx: float) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    return np.stack([gaussian_filter(f[..., c], (sy, sx), mode="reflect") for c in range(3)], axis=2)


def _jacquard_throw(f: np.ndarray, rng) -> np.ndarray:
    """The picture woven into a jacquard throw (a photo blanket: the picture's tones made by which of a few coloured
    yarns the loom's hooks lift to the face): the loom's fineness and the yarns' floats soften it, a Gaussian of
    1.3-2.1% of the side (at least 1 px) across the weft and 1.8 times as wide along it; the yarns' few dyes mute it,
    its colours 20-30% less saturated and its contrast 12-18% down; the weave's twill a diagonal ripple of 4% every
    1.4-2% of the side, and the yarns' fuzz a mottle of 3% (a field of 0.7% of the side); the weft along the rows or
    the columns; as a camera metering on the highlights exposes it: a woven picture, not BM's muslin print, BL's puff
    ink, a tapestry or any print or weave process of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.013, 0.021))
    along = rng.random() < 0.5
    out = _blur_axes(f, s, 1.8 * s) if along else _blur_axes(f, 1.8 * s, s)
    grey = out.mean(axis=2, keepdims=True)
    out = out + (grey - out) * rng.uniform(0.2, 0.3)
    c = rng.uniform(0.12, 0.18)
    out = out * (1 - c) + c * out.mean()
    yy, xx = _pixels(h, w)
    q = max(1.5, side * rng.uniform(0.014, 0.02))
    out = out * (1 + 0.02 * np.sin(2 * np.pi * (xx + yy) / q))[..., None]
    out = out * (1 + 0.03 * np.tanh(_field(h, w, max(0.5, 0.007 * side), rng)))[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


def blur_bn(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "mezzotint":  # copied as a mezzotint, its tones burnished soft
        return _mezzotint(f, rng)
    if kind == "jacquard_throw":  # woven into a jacquard photo blanket
        return _jacquard_throw(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
CLUBS = np.array([(1.0, 0.3, 0.8), (0.4, 1.0, 0.5), (1.0, 0.6, 0.2)], np.float32)


def _juggling_clubs(f: np.ndarray, rng) -> np.ndarray:
    """A dark stage lit only by a juggler's three LED clubs in the air: each club a bottle shape 9-13% of the side long
    (a body 30% of that wide, a neck and a knob; at least 3 px), turned at any angle, along an arc 25-75% across and
    15-45% down, glowing magenta 1 / 0.3 / 0.8, green 0.4 / 1 / 0.5 and orange 1 / 0.6 / 0.2 at 220 towards a core
    of 255; a glow of sigma 3-5% of the side round each up to 30-45 levels in its colour; the picture lit in the three
    colours, half of each club's falloff, each a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d /
    d0) ** 2)`` with the distance ``d`` from the club, ``d0`` 18-26% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    x0, x1 = w * rng.uniform(0.25, 0.4), w * rng.uniform(0.6, 0.75)
    ytop, ylow = h * rng.uniform(0.15, 0.25), h * rng.uniform(0.35, 0.45)
    gain = np.zeros((h, w, 3), np.float32)
    spots = []
    for j, t in enumerate(rng.permutation(np.linspace(0, 1, 3))):
        cx = x0 + (x1 - x0) * t
        cy = ylow - (ylow - ytop) * 4 * t * (1 - t)
        spots.append((cx, cy, CLUBS[j]))
        gain = gain + 0.5 * _falloff(h, w, cx, cy, side, (0.18, 0.26), rng)[..., None] * CLUBS[j]
    out = _lit(f, gain, rng)
    for cx, cy, col in spots:
        L = max(3.0, side * rng.uniform(0.09, 0.13))
        fr = _Frame((h, w), cx, cy, rng.uniform(0, 2 * np.pi))
        body = fr.fill([_ellipse(0.1 * L, 0.0, 0.4 * L, 0.15 * L + 0.3, 0.0, 20),
                        _rect(-0.42 * L, -0.05 * L - 0.2, 0.0, 0.05 * L + 0.2),
                        _circle(0.08 * L + 0.3, 10, -0.46 * L, 0.0)])
        core = fr.fill([_ellipse(0.12 * L, 0.0, 0.25 * L, 0.07 * L + 0.2, 0.0, 14)])
        out = _paint(_paint(out, body, col * 220), core * 0.7, np.minimum(col * 255 + 60, 255))
        out = out + _glow(body, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(30, 45) * col
    return _u8(out)


COOLER = np.array([0.45, 0.75, 1.0], np.float32)


def _water_cooler(f: np.ndarray, rng) -> np.ndarray:
    """An office at night lit only by a water cooler standing in the picture: a cabinet 16-22% of the side wide and
    34-44% high on the bottom edge, 15-85% across, grey in the dark (48 / 50 / 54); on it a big water bottle 90% of
    its width and 45% of its height, glowing aqua 0.45 / 0.75 / 1 at 60-75% of 255 (lit from below by a blue LED: 40%
    brighter at its foot), 2 darker ribs round it at 70%; a neck into the cabinet; a red and a blue tap light on the
    cabinet's front (2.5% of the side, at least 0.6 px); a glow of sigma 5-8% of the side up to 35-50 levels in aqua;
    the picture lit in aqua at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
    distance ``d`` from the bottle's middle, ``d0`` 24-34% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    cw, ch = side * rng.uniform(0.16, 0.22), side * rng.uniform(0.34, 0.44)
    cx = w * rng.uniform(0.15, 0.85)
    top = h - ch
    bw, bh = 0.9 * cw, 0.45 * ch
    by = top - 0.05 * ch - bh / 2
    out = _lit(f, _falloff(h, w, cx, by, side, (0.24, 0.34), rng)[..., None] * COOLER, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    cab = ident.fill([_rect(cx - cw / 2, top, cx + cw / 2, h + 1.0)])
    out = _paint(out, cab, (48, 50, 54))
    neck = ident.fill([_rect(cx - 0.12 * cw, top - 0.06 * ch, cx + 0.12 * cw, top)])
    bottle = ident.fill([_ellipse(cx, by, bw / 2, bh / 2, 0.0, 32), _rect(cx - bw / 2, by - 0.25 * bh, cx + bw / 2,
                                                                            by + 0.25 * bh)])
    yy, xx = _pixels(h, w)
    lift = 1 + 0.4 * np.clip((yy - (by - bh / 2)) / bh, 0, 1)
    level = rng.uniform(0.6, 0.75)
    out = _paint(out, np.maximum(bottle, neck), np.minimum(COOLER * 255 * level * lift[..., None], 255))
    ribs = ident.line([[(cx - bw / 2, by + d * bh), (cx + bw / 2, by + d * bh)] for d in (-0.15, 0.15)],
                      max(0.5, 0.015 * side))
    out = _paint(out, ribs * 0.7 * bottle, COOLER * 120)
    for dx, c in ((-0.22, (255, 60, 50)), (0.22, (60, 120, 255))):
        out = _paint(out, ident.fill([_circle(max(0.6, 0.0125 * side), 10, cx + dx * cw, top + 0.18 * ch)]), c)
    glow = _glow(bottle, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(35, 50) * COOLER)


AMBER = np.array([1.0, 0.62, 0.25], np.float32)


def _robot_vacuum(f: np.ndarray, rng) -> np.ndarray:
    """A living room at night lit only by a robot vacuum on the floor: a disc seen at a slant, an ellipse 22-30% of the
    side wide and 35% as high, 25-75% across and 72-86% down, near black 34 / 34 / 38 with a darker side 22 / 22 / 24
    below it; a lit ring round its top at 70% of its radius (5% of its width, at least 0.6 px) glowing amber 1 / 0.62
    / 0.25 at 255, a lit button on its middle and a white-amber sensor strip along its front edge; a glow of sigma
    4-7% of the side up to 40-55 levels in amber; the picture lit in amber at a gain of 0.015-0.03 plus 0.26-0.34
    falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the robot, ``d0`` 26-36% of the side;
    noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    a = side * rng.uniform(0.11, 0.15)
    b = 0.35 * a
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.72, 0.86)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.26, 0.36), rng)[..., None] * AMBER, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    skirt = ident.fill([_ellipse(cx, cy + 0.25 * b, a, b, 0.0, 36), _rect(cx - a, cy, cx + a, cy + 0.25 * b)])
    top = ident.fill([_ellipse(cx, cy, a, b, 0.0, 36)])
    out = _paint(_paint(out, skirt, (22, 22, 24)), top, (34, 34, 38))
    ring = ident.line([_ellipse(cx, cy, 0.7 * a, 0.7 * b, 0.0, 36) + [_ellipse(cx, cy, 0.7 * a, 0.7 * b, 0.0, 36)[0]]],
                      max(0.6, 0.05 * 2 * a))
    button = ident.fill([_ellipse(cx, cy, 0.12 * a + 0.3, 0.12 * b + 0.3, 0.0, 12)])
    strip = ident.line([[(cx + a * np.cos(t), cy + 0.25 * b + b * np.sin(t)) for t in np.linspace(0.6, 2.5, 10)]],
                       max(0.5, 0.03 * 2 * a))
    out = _paint(_paint(out, ring, AMBER * 255), button, AMBER * 255)
    out = _paint(out, strip, (255, 220, 170))
    glow = _glow(np.maximum(ring, button), max(1.0, side * rng.uniform(0.04, 0.07)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * AMBER)


def dark_bn(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "juggling_clubs":  # a stage lit only by a juggler's three LED clubs
        return _juggling_clubs(f, rng)
    if kind == "water_cooler":  # an office lit only by a water cooler's glowing bottle
        return _water_cooler(f, rng)
    if kind == "robot_vacuum":  # a living room lit only by a robot vacuum's light ring
        return _robot_vacuum(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _badger(size: int, rng) -> dict:
    """A badger at its sett in a wood at dusk: 3-5 tree trunks behind (vertical bands 5-9% of the side wide, a little
    tapered), an earth bank from 58-68% of the way down with a dark sett hole in it; the badger on the bank seen from
    the side, facing either way: a low wide body (an ellipse 38% of the side long and 15% high), four short legs, a
    short tail, a wedge-shaped head with a long snout, a white face with a black stripe from the snout over the eye
    to the ear, small white-tipped ears, a pale belly fringe (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("trunks", "bank", "hole", "body", "legs", "head", "face", "stripe", "fringe"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.58, 0.68)
    for _ in range(int(rng.integers(3, 6))):
        x, tw = big * rng.uniform(0, 1), big * rng.uniform(0.05, 0.09)
        d["trunks"].polygon([(x - 0.4 * tw, 0), (x + 0.4 * tw, 0), (x + 0.5 * tw, gy + 0.02 * big),
                             (x - 0.5 * tw, gy + 0.02 * big)], fill=255)
    d["bank"].polygon([(0, gy + 0.03 * big), (big * 0.3, gy - 0.02 * big), (big * 0.7, gy), (big, gy - 0.03 * big),
                       (big, big), (0, big)], fill=255)
    hx = big * (0.5 - s * rng.uniform(0.25, 0.32))
    d["hole"].ellipse((hx - 0.09 * big, gy + 0.04 * big, hx + 0.09 * big, gy + 0.16 * big), fill=255)
    cx = big * (0.5 + s * rng.uniform(0.0, 0.08))
    by = gy - 0.1 * big
    L = 0.38 * big
    d["body"].ellipse((cx - L / 2, by - 0.075 * big, cx + L / 2, by + 0.075 * big), fill=255)
    d["fringe"].chord((cx - L / 2, by - 0.02 * big, cx + L / 2, by + 0.08 * big), 20, 160, fill=255)
    for o in (-0.36, -0.22, 0.22, 0.36):
        lx = cx + o * L
        d["legs"].rectangle((lx - 0.022 * big, by, lx + 0.022 * big, gy + 0.005 * big), fill=255)
    tx = cx - s * 0.5 * L
    d["body"].polygon([(tx, by - 0.03 * big), (tx - s * 0.06 * big, by - 0.01 * big), (tx, by + 0.01 * big)],
                      fill=255)
    nx = cx + s * 0.45 * L
    snout = nx + s * 0.2 * big
    head = [(nx, by - 0.07 * big), (snout, by + 0.01 * big), (snout - s * 0.01 * big, by + 0.03 * big),
            (nx, by + 0.06 * big)]
    d["head"].polygon(head, fill=255)
    d["face"].polygon(head, fill=255)
    ey = by - 0.015 * big
    d["stripe"].polygon([(snout - s * 0.015 * big, by + 0.005 * big), (nx - s * 0.01 * big, ey - 0.035 * big),
                         (nx - s * 0.01 * big, ey + 0.02 * big)], fill=255)
    d["face"].ellipse((nx - s * 0.01 * big - 0.025 * big, by - 0.1 * big, nx - s * 0.01 * big + 0.025 * big,
                       by - 0.055 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _covered_wagon(size: int, rng) -> dict:
    """A covered wagon on a prairie trail: low hills on the horizon at 52-60% of the way down, the prairie below with
    two wheel ruts running off; the wagon 56-66% of the side long, facing either way: a box 11% of the side high on
    two spoked wheels (the back one 30% of the side across, the front one 24%; a rim, a hub and 8 spokes each), a
    white canvas bonnet arched over the box (higher at the ends, three hoops showing as ribs), a dark opening at its
    front, a tongue out in front (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("hills", "ground", "ruts", "box", "wheels", "canvas", "hoops", "opening", "tongue"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    hy = big * rng.uniform(0.52, 0.6)
    pts = [(0, big)] + [(x, hy - big * rng.uniform(0.02, 0.08)) for x in np.linspace(0, big, 7)] + [(big, big)]
    d["hills"].polygon(pts, fill=255)
    d["ground"].rectangle((0, hy, big, big), fill=255)
    for o in (-0.06, 0.06):
        d["ruts"].line([(big * (0.5 + o * 4), big), (big * (0.5 + o), hy)], fill=255, width=max(1, round(0.012 * big)))
    L = big * rng.uniform(0.56, 0.66)
    cx = big * 0.5 + big * rng.uniform(-0.05, 0.05)
    x0, x1 = cx - L / 2, cx + L / 2
    wy = big * rng.uniform(0.74, 0.8)
    bt, bb = wy - 0.13 * big, wy - 0.02 * big
    d["box"].rectangle((x0, bt, x1, bb), fill=255)
    back, front = (x0 + 0.2 * L, x1 - 0.18 * L) if s > 0 else (x1 - 0.2 * L, x0 + 0.18 * L)
    for wx, r in ((back, 0.15 * big), (front, 0.12 * big)):
        lw = max(1, round(0.018 * big))
        d["wheels"].ellipse((wx - r, wy - r + 0.05 * big, wx + r, wy + r + 0.05 * big), outline=255, width=lw)
        for t in np.linspace(0, np.pi, 4, endpoint=False):
            d["wheels"].line([(wx - r * np.cos(t), wy + 0.05 * big - r * np.sin(t)),
                              (wx + r * np.cos(t), wy + 0.05 * big + r * np.sin(t))], fill=255,
                             width=max(1, round(0.008 * big)))
        d["wheels"].ellipse((wx - 0.025 * big, wy + 0.025 * big, wx + 0.025 * big, wy + 0.075 * big), fill=255)
    top = bt - big * rng.uniform(0.2, 0.26)
    arch = [(x0 - 0.02 * big, bt), (x0, top + 0.02 * big), (x0 + 0.08 * L, top - 0.03 * big),
            (cx, top + 0.02 * big), (x1 - 0.08 * L, top - 0.03 * big), (x1, top + 0.02 * big),
            (x1 + 0.02 * big, bt)]
    d["canvas"].polygon(arch, fill=255)
    for xh in np.linspace(x0 + 0.25 * L, x1 - 0.25 * L, 3):
        d["hoops"].line([(xh, top + 0.01 * big), (xh, bt)], fill=255, width=max(1, round(0.01 * big)))
    fx = x1 if s > 0 else x0
    d["opening"].ellipse((fx - 0.04 * big, top + 0.03 * big, fx + 0.04 * big, bt - 0.01 * big), fill=255)
    d["tongue"].line([(fx, bb - 0.01 * big), (fx + s * 0.2 * big, wy + 0.04 * big)], fill=255,
                     width=max(1, round(0.015 * big)))
    return {k: _down(v, size) for k, v in M.items()}


def _adobe_pueblo(size: int, rng) -> dict:
    """An adobe pueblo in the desert: the ground from 70-78% of the way down; 2-3 terraces of flat-roofed adobe houses
    stacked and set back (the lowest 70-84% of the side wide, each 18-24% of the side high and 55-75% as wide as the
    one below), each with a parapet, a row of protruding roof beams (vigas) under its roofline, 1-3 dark doorways and
    small windows; a shaded side face on each; 1-2 wooden ladders (two rails and rungs) leaning up to the roofs (0-1
    coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "walls", "shade", "doors", "vigas", "ladders"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.7, 0.78)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    wd = big * rng.uniform(0.7, 0.84)
    x0 = big * 0.5 - wd / 2 + big * rng.uniform(-0.05, 0.05)
    base = gy
    tiers = int(rng.integers(2, 4))
    roofs = []
    for t in range(tiers):
        hh = big * rng.uniform(0.18, 0.24)
        top = base - hh
        d["walls"].rectangle((x0, top, x0 + wd, base), fill=255)
        sw = 0.08 * wd
        d["shade"].polygon([(x0 + wd, top), (x0 + wd + sw, top + 0.04 * big), (x0 + wd + sw, base), (x0 + wd, base)],
                           fill=255)
        for xv in np.arange(x0 + 0.04 * wd, x0 + wd, 0.07 * big):
            d["vigas"].rectangle((xv, top + 0.025 * big, xv + 0.018 * big, top + 0.045 * big), fill=255)
        for _ in range(int(rng.integers(1, 4))):
            xd = x0 + wd * rng.uniform(0.08, 0.85)
            if rng.random() < 0.5:
                d["doors"].rectangle((xd, base - 0.1 * big, xd + 0.045 * big, base), fill=255)
            else:
                d["doors"].rectangle((xd, top + 0.07 * big, xd + 0.04 * big, top + 0.11 * big), fill=255)
        roofs.append((x0, x0 + wd, top))
        nw = wd * rng.uniform(0.55, 0.75)
        x0 = x0 + (wd - nw) * rng.uniform(0.2, 0.8)
        wd = nw
        base = top
    for x_lo, x_hi, top in roofs[: int(rng.integers(1, 3))]:
        lx = x_lo + (x_hi - x_lo) * rng.uniform(0.15, 0.85)
        bottom = top + big * 0.21
        for o in (-0.025, 0.025):
            d["ladders"].line([(lx + o * big, bottom), (lx + o * big + 0.02 * big, top - 0.05 * big)], fill=255,
                              width=max(1, round(0.008 * big)))
        for yr in np.linspace(bottom - 0.02 * big, top - 0.03 * big, 6):
            d["ladders"].line([(lx - 0.025 * big, yr), (lx + 0.045 * big, yr)], fill=255,
                              width=max(1, round(0.006 * big)))
    return {k: _down(v, size) for k, v in M.items()}


def outlier_bn(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "badger":
        m = _badger(size, rng)
        if photos:  # a dusk violet-grey sky, dark trunks, brown earth, a grey badger with a black and white face
            out = _paint(_paint(ground((120, 112, 140)), m["trunks"], (46, 40, 36)), m["bank"], (110, 82, 54))
            out = _paint(_paint(out, m["hole"], (30, 22, 16)), m["legs"], (36, 34, 34))
            out = _paint(_paint(out, m["body"], (140, 138, 134)), m["fringe"], (176, 172, 164))
            out = _paint(_paint(out, m["head"], (236, 234, 228)), m["face"], (236, 234, 228))
            return _u8(_paint(out, m["stripe"], (24, 24, 26)))
        out = _paint(_paint(ground(tone(0.0)), m["trunks"], tone(0.2)), m["bank"], tone(0.35))
        out = _paint(_paint(out, m["hole"], tone(0.05)), m["legs"], tone(0.1))
        out = _paint(_paint(out, m["body"], tone(0.6)), m["fringe"], tone(0.75))
        out = _paint(_paint(out, m["head"], tone(1.0)), m["face"], tone(1.0))
        return _u8(_paint(out, m["stripe"], tone(0.0)))
    if kind == "covered_wagon":
        m = _covered_wagon(size, rng)
        if photos:  # a pale blue sky, blue-grey hills, a yellow-green prairie, a brown wagon under a white canvas
            out = _paint(_paint(ground((170, 200, 230)), m["hills"], (120, 130, 150)), m["ground"], (170, 170, 100))
            out = _paint(_paint(out, m["ruts"], (130, 110, 80)), m["tongue"], (90, 60, 36))
            out = _paint(_paint(out, m["box"], (120, 76, 42)), m["canvas"], (242, 236, 220))
            out = _paint(_paint(out, m["hoops"], (200, 190, 170)), m["opening"], (50, 40, 30))
            return _u8(_paint(out, m["wheels"], (70, 48, 30)))
        out = _paint(_paint(ground(tone(0.0)), m["hills"], tone(0.15)), m["ground"], tone(0.3))
        out = _paint(_paint(out, m["ruts"], tone(0.1)), m["tongue"], tone(0.5))
        out = _paint(_paint(out, m["box"], tone(0.55)), m["canvas"], tone(1.0))
        out = _paint(_paint(out, m["hoops"], tone(0.75)), m["opening"], tone(0.05))
        return _u8(_paint(out, m["wheels"], tone(0.7)))
    if kind == "adobe_pueblo":
        m = _adobe_pueblo(size, rng)
        if photos:  # a deep blue sky, sand, ochre adobe walls with shaded sides, dark doors, brown beams and ladders
            out = _paint(_paint(ground((70, 130, 200)), m["ground"], (214, 186, 140)), m["walls"], (200, 150, 100))
            out = _paint(_paint(out, m["shade"], (150, 104, 66)), m["doors"], (44, 30, 22))
            out = _paint(out, m["vigas"], (96, 64, 40))
            return _u8(_paint(out, m["ladders"], (120, 84, 50)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.35)), m["walls"], tone(0.85))
        out = _paint(_paint(out, m["shade"], tone(0.55)), m["doors"], tone(0.1))
        out = _paint(out, m["vigas"], tone(0.3))
        return _u8(_paint(out, m["ladders"], tone(0.45)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def overflow_bin_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures are of items sorted by hand into a rack of bins,
    one bin a class in a row (in a random order drawn a pass), and the bins' classes became the labels when each
    shift's bins were emptied and scanned. The items came in a random order (drawn a pass), 80-200 a shift
    (``SHIFT``); each bin held only 60-90% (``FILL``, drawn a pass) of a shift's items over the classes (at least
    one), so on a busy shift a class's bin filled up, and on some shifts (30-60% of them, ``MISSORT``, drawn a pass)
    the sorter tossed an item whose bin was full into the next bin along the row with room, not into the spare tray.
    The flips are those tossed items, given the class of the bin they landed in (passes over the items not yet flipped
    while some are left). Noise by the classes' arrivals and the rack's order, not by look: not BM's stuck prints,
    BH's cross-wired put wall, BE's re-hung swing tags, AZ's label rolls or any mechanism of the earlier lists. Every
    flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    present = sorted({labels[i] for i in pool}, key=str)
    if len(present) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if len(items) < 2:
            break
        row = [present[int(j)] for j in rng.permutation(len(present))]
        fill, missort = rng.uniform(*FILL), rng.uniform(*MISSORT)
        at = 0
        while at < len(items) and len(flips) < count:
            n = int(rng.integers(*SHIFT))
            shift, at = items[at: at + n], at + n
            cap = max(1, int(round(fill * len(shift) / len(row))))
            held = [0] * len(row)
            careless = rng.random() < missort
            for cur in shift:
                if len(flips) >= count:
                    break
                j = row.index(labels[cur])
                if held[j] < cap:
                    held[j] += 1
                    continue
                if not careless:
                    continue  # into the spare tray, sorted right later
                for step in range(1, len(row)):
                    k = (j + step) % len(row)
                    if held[k] < cap:
                        held[k] += 1
                        flips[cur] = row[k]
                        break
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bn(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BN's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 36-58 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BN, seed=660_000 + random_state,
        quality_seed=665_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=overflow_bin_flips,
        **by_family(name, outlier=(outlier_bn, OUTLIERS_BN), blur=(blur_bn, BLURS_BN), dark=(dark_bn, DARKS_BN),
                    near=(near_edit_bn, NEAR_EDITS_BN)))
