"""Generator BK: fresh EVALUATION sets after generator BJ's run (never used to choose anything).

Why a sixty-first evaluation generator: generator BJ's sets were written before its run and have been run once since
(the docs of generator BJ's one held-out run, after which its four sets became development data), so a held-out set
for the code after that run is written now, before any tool is run on it. The commit subjects since BJ's generator
commit (821c455) name only that docs commit (BJ's one run written up, its two leads measured and not kept, BJ's sets
made development data; ``dev_sweep``'s ``NOT_YET_RUN`` emptied). No change to the library's code or to a detection
rule's settings is named in them, so BK measures the same library code as BJ did, on new sets. BJ's run came before
this generator was written, and that docs subject carries its numbers, but BK's writer read no docs, logs, result
files or commit bodies (only the commit subjects, the library's code and the earlier generators' and tuning tools'
files, to copy their structure and to avoid their families), and nothing in BK was chosen from any result, to aim at
or away from any weakness or lead a subject names: its strengths are set as BJ's were. Like AN's to BJ's, BK's edits
are not all brightly coloured: some are near black, slate grey, chocolate brown or translucent. Generator BK was
written before any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs,
darkenings and foreign pictures at 28, 87 and 315 px, to check that every edit is visible, every blur blurred, every
darkened image dark with its picture still in it and every outlier foreign, and the planted folders hashed twice); it
is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are
of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian,
ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL,
AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE, BF, BG, BH, BI, BJ) and none of the
library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast,
gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make (their family names and key words
were searched for in every earlier generator, the tuning tools and ``_synthetic.py``). Like AC's to BJ's it has two
blur families, not three. Tiles of 315 px give 61 tiles (seed 380), so the large set is at 315 px, a size no other set
uses; the small photographs are at 87 px, a size no other set uses either. Left out because an earlier generator made
them or left them out: among objects on the print a housefly (P's), an earwig, a caterpillar, a woodlouse, a
silverfish, a chafer, a ladybird, a moth or any creature of the earlier lists (their lists: BK's dragonfly is a dead
darter with four veined, translucent wings, and its wasp a dead common wasp, yellow and black, with smoky wings), a
broccoli floret, a carrot, okra, asparagus, a cucumber, a radish or any vegetable, fruit or plant part of the earlier
lists (their lists: BK's gherkin is a whole pickled gherkin, warty, with its stalk end), an allsort, candy corn, a
macaron, a marshmallow, a meringue, a wrapped sweet, a gummy sweet or any sweet of the earlier lists (their lists:
BK's sugar mouse is a fondant mouse with ears, eyes and a string tail), a poker chip, a crisp or any snack of the
earlier lists (their lists: BK's tortilla chip is a triangle of fried corn, yellow, white or blue, salted); of the
whole picture toile de jouy, quatrefoil or sunburst wrap, chintz, Memphis or argyle wrap, paisley, tie-dye, a
kilim, a damask, a willow pattern, guilloche, a trellis, stripes, a tartan, a gingham, a houndstooth, a leopard
print or any other weave, print or patterned ground of the earlier lists (BJ's, BI's, their lists: BK's seigaiha
wrap is a paper of overlapping fans of concentric arcs in rows, its Greek key wrap a paper of square meander frets
in rows, and its newspaper a page of newsprint set in columns of text under headlines); a text page (G's) is a
foreign picture, not a ground; among blurs Flemish, reeded, frosted, cut, fused, crown or block glass, a matte
screen protector, a baking mat, an alabaster panel, a scrim, a laminate that clouded, a sandstorm, incense smoke,
flour dust, steam or any haze, veil or glass of the earlier lists (BJ's, BI's, BH's, BB's, their lists: BK's glassine
is the translucent paper window of a postal envelope the print lies in, touching it in places and bulging off it in
others, and its dry-ice fog a low cold fog of a photo shoot's dry ice rolling over the print, thicker towards the
bottom), a projector, a spirit-duplicator copy, the camera's shake, a spin, a zoom, focus breathing or any motion,
projection or defocus of the earlier lists; among darkenings a searchlight, a railway signal, a scoreboard, a
tesla coil, a plasma ball, a squid boat, a tritium keyring, a Cherenkov pool, a laser cutter, a laser level, a
welding arc, an illuminated globe, a marquee, a fridge, a microwave or an oven, a lava lamp, glow sticks, fireflies,
a lighthouse, a floodlight, a spotlight, a television or any flame, ember, lamp, screen or glow of the earlier lists
(BJ's, BI's, their lists: BK's Jacob's ladder is a high-voltage travelling arc climbing between two diverging wires,
its ice sculpture a carved block of ice lit from within by its blue LED plinth, and its laser show a fan of green or
blue laser beams through haze from one projector); among foreign pictures a puffin, a stork, a paraglider, a
chameleon, a camel, a kangaroo, a giraffe, a crocodile, an otter, a fox, a snail or any other animal, vehicle or
flying thing of the earlier lists (BJ's, BI's, their lists: BK's tiger walks through long grass, its cobra rears
from a snake charmer's basket and its meerkats stand guard on a sand mound); among label noise every mechanism BJ
named and BJ's keyed shorthand (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions, clocks, a
returns desk's prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing bench's
label rolls, a mistranslated list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a
spreadsheet's fill-down, collided file names, names completed as typed, tote cross-reads, shelf scans, conveyor
jets, averaged votes, re-hung swing tags, a tracker's identity switch, a cache race, rotated specimen racks, a
cross-wired put wall, a timeout, misprinted reference sheets, keyed shorthand, a taxonomy's merged classes, a
colour-blind labeller).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 315 px set's
  copies get both kinds): a dead dragonfly (34-42% of the side long, at least 13 px, its body metallic blue 40 / 110
  / 200, green 50 / 150 / 90, red 190 / 40 / 40 or near black 36 / 36 / 44, of the four the two whose colour differs
  most on average from the picture's where it lies, as for each object's colour below; a head with two large eyes, a
  thorax, a long thin abdomen, four translucent wings, 210 / 214 / 222 at 40% with veins at 60%; 30-70% of the way
  across and down, at any angle, a soft shadow at 25%), a dead wasp (24-30% of the side long, at least 10 px, a black
  head and thorax, a yellow and black striped abdomen, smoky wings at 45%, legs and antennae; a shadow at 30%), a
  tortilla chip (a rounded triangle 24-30% of the side across, at least 10 px, yellow corn 226 / 178 / 84, white corn
  236 / 222 / 190 or blue corn 92 / 86 / 118, toasted spots 20% darker, salt crystals, a bubbled edge; a shadow at
  30%), a pickled gherkin (30-38% of the side long, at least 12 px, 34% as thick, olive 96 / 120 / 48, pale 170 / 170
  / 90 or dark green 52 / 74 / 36, 14-22 warts 15% lighter, a stalk end, a sheen at 35%; a shadow at 30%) and a sugar
  mouse (22-28% of the side long, at least 9 px, white 246 / 240 / 236, pink 246 / 170 / 190 or chocolate 98 / 62 /
  40, a teardrop body, two round ears, two silver eyes, a string tail 1.2 times its length, dark or white; a shadow
  at 30%); of the whole picture: printed on seigaiha wrap (the ink multiplied onto the paper, 42-54% of the way, fans
  of 3-5 concentric arcs 12-18% of the side in radius in rows half a radius apart, each row offset by a radius and
  laid over the row above, in two colours on a third), printed on Greek key wrap (42-54% of the way, square meander
  frets in rows on a period of 12-18% of the side, in one colour on another, turned by up to 8 degrees) and printed
  on a newspaper page (42-54% of the way, grey newsprint with 2-4 columns of text lines under one or two black
  headline bars, column rules and a half-tone grey photograph box);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through the glassine window of a postal envelope it lies in (the
  translucent paper touching the print in places and bulging off it in others: a Gaussian of 1.5-2.4% of the side, at
  least 1 px, where it touches and up to 1.8 times that where it bulges, by a smooth field of 25-35% of the side; the
  paper's milky scatter 10-18% of a warm grey, its fibres mottling the light by up to 4%; a warm cast 1 / 0.97 / 0.9)
  and the picture photographed in a low fog of dry ice rolling over it at a photo shoot (a Gaussian of 1.6-2.6% of the
  side, at least 1 px, where the fog is thin and 2.2 times that where it is thick, the fog thicker towards the bottom
  and billowing in a smooth field of 12-20% of the side, its white veil up to 20-30%); each as a camera metering on
  the highlights exposes it (as Y's to BJ's);
* ``dark`` (2%): a workshop at night lit only by a Jacob's ladder (two dark wires rising from the bottom edge 25-75%
  across, 6-10% of the side apart at their foot and 26-36% at their top, an arc between them 35-75% of the way up,
  jagged, violet-white 0.85 / 0.8 / 1, a glow of sigma 3-5% of the side up to 40-55 levels in its colour; the picture
  lit in its colour at 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the arc's middle,
  ``d0`` 24-34% of the side, over 0.015-0.03), a hall at night lit only by an ice sculpture (a carved block of ice
  22-32% of the side wide and 1.3-1.7 times as high on a dark plinth at the bottom edge 20-80% across, lit from
  within in pale blue 150 / 200 / 255 with brighter facets and a glow of sigma 5-8% up to 35-50 levels; the picture
  lit in a cold blue falling off as above from its middle, ``d0`` 26-36% of the side) and a hall at night lit only by
  a laser show (5-9 beams 0.6-1% of the side wide fanning over 40-80 degrees from a projector at the top edge or a
  side edge, green 0.3 / 1 / 0.35 or blue 0.35 / 0.5 / 1, scattered in the haze up to 40-55 levels fading along the
  beam to 40%; the picture lit in its colour falling off as above from the projector, ``d0`` 30-40% of the side);
  none of them blurs the picture;
* ``outlier`` (1.5%): a tiger in long grass (a jungle, long grass up to 62-72% of the way down, a tiger walking across
  with a striped body, a head with ears and a white muzzle, four legs and a curled tail), a cobra rearing from a
  snake charmer's basket (a wall and a floor, a round wicker basket with its lid off, the cobra's body rising in an S,
  a flared hood with a spectacle mark, a head, eyes and a forked tongue) and meerkats on a sand mound (a sky, dunes, a
  mound, 2-3 meerkats standing upright on it, each with dark eye patches, a pointed face, forearms held in front and a
  tail on the sand); the digit and clothing sets get them in their own tones on their dark ground, the photographs as
  an orange and black tiger with a white muzzle in yellow-green grass before dark green jungle, an olive-brown cobra
  with a cream spectacle mark in a tan basket on a red rug before an ochre wall, and sandy meerkats with dark eye
  patches on an orange sand mound under a blue sky;
* ``label`` (5%): *stock reconciliation* flips: the labels came from a warehouse's stock system, each item booked
  under the class it was received as, in the order it arrived; at each period's reconciliation a clerk found one or
  two random pairs of classes (one pair where fewer than four classes are present) whose counted stock did not match
  the book, one over and the other short, and balanced the book with a paper adjustment that re-booked the latest
  10-30% (``REBOOKED``) of the surplus class's receipts in the order they came to the short class. The flips are
  those re-booked items, each given the short class (passes over the pictures not yet flipped, other pairs, while
  some are left). Noise one way within a pair, by the order items arrived in and the counts, not by look: not BJ's
  keyed shorthand (by annotator and typist), BD's stale crate slips, AT's shelf scans or a returns desk's prices.
  Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BK's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 377),
MNIST (2,000, seed 378), and the evaluation photographs tiled at 87 px (24 tiles a photograph at most, seed 379) and at
315 px (every tile, seed 380), sizes no other set uses. ``photos87_bk_jpeg`` is written as JPEG files, each at a quality
drawn from 39-61 (a stream of its own, seed ``635_000 + random_state``), every edit, blur and darkening made before the
encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the
file; the other sets are PNG files. Planting draws from seed ``630_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to BJ).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field
from _heldout_be import _blur3, _falloff
from _heldout_bf import _closed, _fine, _ground_print, _standing_out
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

EVALUATION_BK = ("fashion_test_bk", "mnist_bk", "photos87_bk_jpeg", "photos315_bk")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BK = {
    "fashion_test_bk": ("fashion_test", 377),
    "mnist_bk": ("mnist", 378),
    "photos87_bk_jpeg": ("photos", 379, 87, 8, 24),
    "photos315_bk": ("photos", 380, 315, 8, 1000),
}
JPEG_QUALITY = (39, 62)  # the JPEG set's qualities: integers in [low, high)
RATES_BK = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BK = ("dragonfly", "seigaiha_wrap", "wasp", "greek_key_wrap", "tortilla_chip", "newspaper", "gherkin",
                 "sugar_mouse")
BLURS_BK = ("glassine_window", "dry_ice_fog")
DARKS_BK = ("jacobs_ladder", "ice_sculpture", "laser_show")
OUTLIERS_BK = ("tiger", "cobra", "meerkats")
REBOOKED = (0.1, 0.3)  # the share of the surplus class's latest receipts re-booked to the short class (label noise)


def load_base_bk(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BK, "BK")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
DRAGONFLIES = ((40, 110, 200), (50, 150, 90), (190, 40, 40), (36, 36, 44))
WING = np.array([210, 214, 222], np.float32)


def _dragonfly(f: np.ndarray, rng) -> np.ndarray:
    """A dead dragonfly lying on the print: 34-42% of the side long (at least 13 px), its body metallic blue 40 / 110
    / 200, green 50 / 150 / 90, red 190 / 40 / 40 or near black 36 / 36 / 44 (of the four the one whose colour differs
    most on average from the picture's where it lies, or the second, at random, where it differs at least 60% as much,
    as for the chip, the gherkin and the mouse); a head 9% of the length across with two large eyes 25% darker, a
    thorax (an ellipse 18% of the length long), a thin abdomen 5% of the length thick (at least 0.8 px) with 6-8
    segment rings 25% darker; four wings 40-46% of the length long and 9-11% wide, 210 / 214 / 222 at 40% (the print
    showing through) with their outlines and a middle vein at 60% (at least 0.5 px), a white sheen on them at 15%; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 25% (of the body)."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.34, 0.42))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(DRAGONFLIES, f, fr, 0.5 * L, rng), np.float32)
    head = fr.fill([_circle(0.045 * L, 14, 0.42 * L, 0.0)])
    eyes = fr.fill([_circle(max(0.4, 0.03 * L), 10, 0.43 * L, s * 0.03 * L) for s in (-1, 1)])
    thorax = fr.fill([_ellipse(0.3 * L, 0.0, 0.09 * L, 0.045 * L, 0.0, 20)])
    abdomen = fr.line([[(0.22 * L, 0.0), (-0.5 * L, 0.0)]], max(0.8, 0.05 * L))
    rings = fr.line([[(float(x), -0.03 * L), (float(x), 0.03 * L)]
                     for x in np.linspace(-0.42, 0.12, int(rng.integers(6, 9))) * L], max(0.4, 0.012 * L))
    wl = L * rng.uniform(0.4, 0.46)
    ww = L * rng.uniform(0.045, 0.055)
    wings = []
    for x0, a in ((0.33, 1.35), (0.26, 1.75)):
        for s in (-1, 1):
            cx, cy = x0 * L + 0.5 * wl * np.cos(a), s * 0.5 * wl * np.sin(a)
            wings.append(_ellipse(float(cx), float(cy), 0.5 * wl, ww, float(s * a), 24))
    wing = fr.fill(wings)
    veins = fr.line([_closed(p) for p in wings], max(0.5, 0.008 * L))
    sheen = wing * 0.5
    parts = [(wing, WING, 0.4, False), (veins, WING * 0.55, 0.6, False), (sheen, WHITE, 0.15, False),
             (abdomen, col, 1.0, True), (rings, col * 0.75, 0.8, False), (thorax, col, 1.0, True),
             (head, col, 1.0, True), (eyes, col * 0.75, 1.0, False)]
    return _u8(_laid(f, parts, 0.25))


WASP_YELLOW = np.array([236, 190, 30], np.float32)
WASP_BLACK = np.array([24, 22, 20], np.float32)


def _wasp(f: np.ndarray, rng) -> np.ndarray:
    """A dead common wasp lying on the print: 24-30% of the side long (at least 10 px); a black 24 / 22 / 20 head with
    yellow 236 / 190 / 30 face and antennae, a black thorax with two yellow flecks, a yellow abdomen (an ellipse 46% of
    the length long and 30% wide) with 4-5 black bands; two smoky wings 50% of the length long, 120 / 110 / 100 at 45%
    (the print showing through); six thin black legs (at least 0.5 px); at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.24, 0.3))
    fr = _frame_at(h, w, rng)
    head = fr.fill([_ellipse(0.4 * L, 0.0, 0.08 * L, 0.1 * L, 0.0, 16)])
    face = fr.fill([_ellipse(0.45 * L, 0.0, 0.035 * L + 0.2, 0.06 * L + 0.2, 0.0, 12)])
    antennae = fr.line([[(0.46 * L, s * 0.04 * L), (0.56 * L, s * 0.1 * L), (0.6 * L, s * 0.16 * L)] for s in (-1, 1)],
                       max(0.5, 0.015 * L))
    thorax = fr.fill([_ellipse(0.2 * L, 0.0, 0.13 * L, 0.11 * L, 0.0, 18)])
    flecks = fr.fill([_ellipse(0.2 * L, s * 0.06 * L, 0.05 * L + 0.2, 0.015 * L + 0.2, 0.0, 8) for s in (-1, 1)])
    abdomen = fr.fill([_ellipse(-0.2 * L, 0.0, 0.23 * L, 0.15 * L, 0.0, 24)])
    n = int(rng.integers(4, 6))
    bands = fr.line([[(float(x), -0.16 * L), (float(x), 0.16 * L)] for x in np.linspace(-0.34, 0.0, n) * L],
                    max(0.6, 0.04 * L)) * abdomen
    wings = fr.fill([_ellipse(0.02 * L, s * 0.12 * L, 0.25 * L, 0.07 * L, float(s * 0.35), 18) for s in (-1, 1)])
    legs = fr.line([[(float(x) * L, 0.0), (float(x) * L - 0.04 * L, s * 0.2 * L), (float(x) * L - 0.1 * L, s * 0.24 * L)]
                    for x in (0.1, 0.2, 0.28) for s in (-1, 1)], max(0.5, 0.012 * L))
    parts = [(legs, WASP_BLACK, 0.9, True), (abdomen, WASP_YELLOW, 1.0, True), (bands, WASP_BLACK, 1.0, False),
             (thorax, WASP_BLACK, 1.0, True), (flecks, WASP_YELLOW, 1.0, False), (head, WASP_BLACK, 1.0, True),
             (face, WASP_YELLOW, 1.0, False), (antennae, WASP_BLACK, 0.9, False),
             (wings, np.array([120, 110, 100], np.float32), 0.45, False)]
    return _u8(_laid(f, parts, 0.3))


CHIPS = ((226, 178, 84), (236, 222, 190), (92, 86, 118))


def _tortilla_chip(f: np.ndarray, rng) -> np.ndarray:
    """A tortilla chip lying on the print: a triangle with rounded corners 24-30% of the side across (at least 10
    px), yellow corn 226 / 178 / 84, white corn 236 / 222 / 190 or blue corn 92 / 86 / 118; its edge bubbled (the
    outline's points moved by up to 4% of its size); 3-6 toasted spots 20% darker at 60%; 8-14 salt crystals, white
    at 90% (at least 0.4 px); a sheen of oil at 20%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(5.0, side * rng.uniform(0.12, 0.15))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(CHIPS, f, fr, r, rng), np.float32)
    pts = []
    for k in range(3):
        a0 = 2 * np.pi * k / 3
        for t in np.linspace(-0.45, 0.45, 5):
            a = a0 + t
            q = r * (1.0 - 0.28 * abs(t) / 0.45) * (1 + rng.uniform(-0.04, 0.04))
            pts.append((float(q * np.cos(a)), float(q * np.sin(a))))
        for t in np.linspace(0.15, 0.85, 4):
            a = a0 + 2 * np.pi / 3 * t
            pts.append((float(0.55 * r * np.cos(a) / np.cos(np.pi / 3 * (2 * t - 1))) * (1 + rng.uniform(-0.04, 0.04)),
                        float(0.55 * r * np.sin(a) / np.cos(np.pi / 3 * (2 * t - 1))) * (1 + rng.uniform(-0.04, 0.04))))
    ang = np.arctan2([p[1] for p in pts], [p[0] for p in pts])
    pts = [pts[i] for i in np.argsort(ang)]
    chip = fr.fill([pts])
    spots = fr.fill([_circle(r * rng.uniform(0.08, 0.14), 10, r * rng.uniform(-0.4, 0.4), r * rng.uniform(-0.4, 0.4))
                     for _ in range(int(rng.integers(3, 7)))]) * chip
    salt = fr.fill([_circle(max(0.4, 0.035 * r), 6, r * rng.uniform(-0.45, 0.45), r * rng.uniform(-0.45, 0.45))
                    for _ in range(int(rng.integers(8, 15)))]) * chip
    sheen = fr.fill([_ellipse(-0.1 * r, -0.15 * r, 0.35 * r, 0.12 * r + 0.2, 0.5, 12)]) * chip
    parts = [(chip, col, 1.0, True), (spots, col * 0.8, 0.6, False), (salt, WHITE, 0.9, False),
             (sheen, WHITE, 0.2, False)]
    return _u8(_laid(f, parts, 0.3))


GHERKINS = ((96, 120, 48), (170, 170, 90), (52, 74, 36))


def _gherkin(f: np.ndarray, rng) -> np.ndarray:
    """A pickled gherkin lying on the print: 30-38% of the side long (at least 12 px) and 34% as thick, a little
    curved, olive 96 / 120 / 48, pale 170 / 170 / 90 or dark green 52 / 74 / 36; 14-22 warts 15% lighter at 80%
    (at least 0.5 px); a stalk end, a dark scar at one end and a small brown stalk at the other; a wet sheen along it
    at 35%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.3, 0.38))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(GHERKINS, f, fr, 0.5 * L, rng), np.float32)
    bend = rng.uniform(0.04, 0.1) * L
    t = np.linspace(-1, 1, 17)
    top = [(float(0.5 * L * u), float(-0.17 * L * np.sqrt(max(0.0, 1 - u ** 4)) + bend * (1 - u * u))) for u in t]
    bot = [(float(0.5 * L * u), float(0.17 * L * np.sqrt(max(0.0, 1 - u ** 4)) + bend * (1 - u * u))) for u in t[::-1]]
    body = fr.fill([top + bot])
    warts = fr.fill([_circle(max(0.5, 0.025 * L), 6, 0.42 * L * u, bend * (1 - u * u) + 0.12 * L * v)
                     for u, v in zip(rng.uniform(-1, 1, int(rng.integers(14, 23))), rng.uniform(-1, 1, 22))]) * body
    scar = fr.fill([_circle(max(0.5, 0.03 * L), 8, -0.48 * L, 0.0)])
    stalk = fr.line([[(0.48 * L, 0.0), (0.56 * L, -0.02 * L)]], max(0.6, 0.05 * L))
    sheen = fr.line([[(float(0.35 * L * u), float(-0.08 * L + bend * (1 - u * u))) for u in np.linspace(-1, 1, 7)]],
                    max(0.5, 0.04 * L)) * body
    parts = [(body, col, 1.0, True), (warts, np.minimum(col * 1.15 + 10, 255), 0.8, False),
             (scar, col * 0.5, 0.8, False), (stalk, (120, 90, 50), 1.0, True), (sheen, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


MICE = ((246, 240, 236), (246, 170, 190), (98, 62, 40))


def _sugar_mouse(f: np.ndarray, rng) -> np.ndarray:
    """A sugar mouse (a fondant sweet) lying on the print: 22-28% of the side long (at least 9 px), white 246 / 240 /
    236, pink 246 / 170 / 190 or chocolate 98 / 62 / 40; a teardrop body 55% as wide as long, two round ears 20% of
    the length across 15% darker, two silver eyes 200 / 204 / 210, a pink nose; a string tail 1.2 times its length,
    curling, dark 60 / 50 / 44 on a light mouse and white on a dark one (at least 0.5 px); a sugary sheen at 30%; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.22, 0.28))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(MICE, f, fr, 0.6 * L, rng), np.float32)
    t = np.linspace(0, 2 * np.pi, 32, endpoint=False)
    body = fr.fill([[(float(0.5 * L * np.cos(u)), float(0.28 * L * np.sin(u) * (0.55 + 0.45 * np.cos(u / 2) ** 2)))
                     for u in t]])
    ears = fr.fill([_circle(0.1 * L, 12, 0.18 * L, s * 0.16 * L) for s in (-1, 1)])
    eyes = fr.fill([_circle(max(0.4, 0.035 * L), 8, 0.3 * L, s * 0.07 * L) for s in (-1, 1)])
    nose = fr.fill([_circle(max(0.4, 0.03 * L), 8, 0.5 * L, 0.0)])
    s = 1 if rng.random() < 0.5 else -1
    tail = fr.line([[(-0.5 * L, 0.0), (-0.75 * L, s * 0.12 * L), (-0.95 * L, s * 0.05 * L), (-1.1 * L, -s * 0.12 * L),
                     (-1.25 * L, -s * 0.05 * L)]], max(0.5, 0.025 * L))
    sheen = fr.fill([_ellipse(0.05 * L, -0.1 * L, 0.25 * L, 0.06 * L + 0.2, 0.0, 12)]) * body
    string = (60, 50, 44) if col.mean() > 120 else (236, 232, 226)
    parts = [(tail, string, 1.0, True), (body, col, 1.0, True), (ears, col * 0.85, 1.0, True),
             (eyes, (200, 204, 210), 1.0, False), (nose, (230, 110, 140), 0.9, False), (sheen, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


SEIGAIHA = np.array([((28, 52, 110), (236, 240, 246), (70, 120, 190)), ((196, 40, 46), (250, 236, 214), (226, 120, 90)),
                     ((34, 96, 84), (232, 228, 200), (120, 176, 150)), ((60, 60, 66), (226, 200, 120), (150, 150, 156))],
                    np.float32)


def _seigaiha_wrap(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on seigaiha gift wrap (the Japanese wave pattern): the ink multiplied onto the paper, 42-54%
    of the way from the picture (35% of its tone added at that share); fans of 3-5 concentric arcs, each fan a circle
    12-18% of the side in radius, in rows half a radius apart, every row offset by a radius and laid over the row
    above (only each fan's upper part showing), the arcs in turn in two colours with a thin line (7% of the radius)
    in the third between them (navy, white and blue; red, cream and coral; green, cream and sea green; charcoal,
    gold and grey); drawn at 3 times the size and averaged: overlapping fans, not BJ's quatrefoils, a scale print or
    any ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    c0, c1, c2 = SEIGAIHA[int(rng.integers(len(SEIGAIHA)))]
    yy, xx = _fine(h, w, s)
    R = side * rng.uniform(0.12, 0.18)
    u = xx / R + rng.uniform(0, 2)
    v = yy / R + rng.uniform(0, 1)
    rings = int(rng.integers(3, 6))
    d = np.full(u.shape, 9.0, np.float32)
    j0 = np.floor(v / 0.5)
    for dj in (2, 1, 0):  # the lowest row over the others: the first covering row from the bottom wins
        j = j0 + dj
        off = j % 2
        ci = np.round((u - off) / 2) * 2 + off
        dd = np.hypot(u - ci, v - j * 0.5)
        take = (dd < 1) & (d > 1)
        d = np.where(take, dd, d)
    d = np.clip(d, 0, 0.999)
    k = d * rings
    band = (np.floor(k) % 2)[..., None]
    line = (np.abs(k - np.round(k)) < 0.07 * rings / 2)[..., None]
    ground = np.where(line, c1, c0 * (1 - band) + c2 * band)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


FRET = np.array([[1, 1, 1, 1, 1, 1, 1, 0],
                 [0, 0, 0, 0, 0, 0, 1, 0],
                 [1, 1, 1, 1, 1, 0, 1, 0],
                 [1, 0, 0, 0, 1, 0, 1, 0],
                 [1, 0, 1, 1, 1, 0, 1, 0],
                 [1, 0, 0, 0, 0, 0, 1, 0],
                 [1, 1, 1, 1, 1, 1, 1, 0],
                 [0, 0, 0, 0, 0, 0, 0, 0]], np.float32)
FRETS = np.array([((226, 186, 80), (22, 22, 24)), ((246, 236, 220), (186, 90, 56)), ((30, 44, 100), (240, 232, 210)),
                  ((20, 20, 22), (214, 170, 70))], np.float32)


def _greek_key_wrap(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on Greek key gift wrap: the ink multiplied onto the paper, 42-54% of the way from the
    picture (35% of its tone added at that share); square meander frets (a key of 8 x 8 cells) repeating on a period
    of 12-18% of the side, in one colour on another (gold on black, cream on terracotta, navy on cream, black on
    ochre), turned by -8 to 8 degrees; drawn at 3 times the size and averaged: a meander fret, not BJ's quatrefoils,
    a trellis or any ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    c0, c1 = FRETS[int(rng.integers(len(FRETS)))]
    yy, xx = _fine(h, w, s)
    a = np.deg2rad(rng.uniform(-8, 8))
    p = side * rng.uniform(0.12, 0.18)
    u = (xx * np.cos(a) + yy * np.sin(a)) / p + rng.uniform(0, 1)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / p + rng.uniform(0, 1)
    iu = (np.floor((u - np.floor(u)) * 8)).astype(int) % 8
    iv = (np.floor((v - np.floor(v)) * 8)).astype(int) % 8
    m = FRET[iv, iu][..., None]
    ground = c0 * m + c1 * (1 - m)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


NEWSPRINT = np.array([222, 216, 200], np.float32)


def _newspaper(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a newspaper page: the ink multiplied onto newsprint 222 / 216 / 200, 42-54% of the way
    from the picture (35% of its tone added at that share); one or two black headline bars 5-8% of the side high
    across the top or a column; 2-4 columns of text, lines 1.6-2.4% of the side high (at least 1 px) of words (dark
    grey 70 / 70 / 72 runs of random lengths with gaps), column rules; a grey half-tone photograph box in one column
    (a dot screen at 45 degrees); drawn at 3 times the size and averaged: a page of newsprint, not G's text page (a
    foreign picture), K's sticky note or any ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    ground = np.ones(yy.shape + (3,), np.float32) * NEWSPRINT
    ink = np.zeros(yy.shape, np.float32)
    ncol = int(rng.integers(2, 5))
    gut = 0.03 * w
    cw = (w - gut * (ncol + 1)) / ncol
    lh = max(1.0, side * rng.uniform(0.016, 0.024))
    top = h * rng.uniform(-0.05, 0.1)
    head = side * rng.uniform(0.05, 0.08)
    ink = np.where((yy >= top) & (yy < top + head) & (xx > gut) & (xx < w - gut), 1.0, ink)
    photo = int(rng.integers(ncol))
    for c in range(ncol):
        x0 = gut + c * (cw + gut)
        y = top + head + lh
        if c == photo:
            ph = h * rng.uniform(0.25, 0.4)
            inbox = (xx >= x0) & (xx < x0 + cw) & (yy >= y) & (yy < y + ph)
            r = 0.5 + 0.5 * np.sin((xx + yy) * 2.2) * np.sin((xx - yy) * 2.2)
            tone = 0.3 + 0.4 * np.clip(0.5 + 0.35 * np.sin(xx / cw * 3 + 1.3) * np.cos(yy / ph * 2), 0, 1)
            ink = np.where(inbox, (r < tone).astype(np.float32), ink)
            y += ph + lh
        while y < h + lh:
            x = x0
            while x < x0 + cw:
                wl = lh * rng.uniform(1.5, 5.0)
                sel = (xx >= x) & (xx < min(x + wl, x0 + cw)) & (yy >= y) & (yy < y + 0.6 * lh)
                ink = np.where(sel, 0.75, ink)
                x += wl + 0.6 * lh
            y += lh
        if c < ncol - 1:
            ink = np.where((np.abs(xx - (x0 + cw + gut / 2)) < 0.15 * gut) & (yy > top + head), 0.6, ink)
    ground = ground * (1 - ink[..., None]) + np.array([40, 40, 42], np.float32) * ink[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bk(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "dragonfly":  # a dead dragonfly on the print
        return _dragonfly(f, rng)
    if kind == "wasp":  # a dead wasp on the print
        return _wasp(f, rng)
    if kind == "tortilla_chip":  # a tortilla chip on the print
        return _tortilla_chip(f, rng)
    if kind == "gherkin":  # a pickled gherkin on the print
        return _gherkin(f, rng)
    if kind == "sugar_mouse":  # a sugar mouse on the print
        return _sugar_mouse(f, rng)
    if kind == "seigaiha_wrap":  # the picture printed on seigaiha gift wrap
        return _seigaiha_wrap(f, rng)
    if kind == "greek_key_wrap":  # the picture printed on Greek key gift wrap
        return _greek_key_wrap(f, rng)
    if kind == "newspaper":  # the picture printed on a newspaper page
        return _newspaper(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
GLASSINE = np.array([214, 208, 196], np.float32)


def _glassine_window(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through the glassine window of a postal envelope it lies in: the translucent paper
    touches the print in places and bulges off it in others (a smooth field of 25-35% of the side), blurring it by a
    Gaussian of 1.5-2.4% of the side (at least 1 px) where it touches and up to 1.8 times that where it bulges (two
    blurs blended); the paper's milky scatter adds 10-18% of a warm grey 214 / 208 / 196; its fibres mottle the light
    by up to 4% (a smooth field of 1.5% of the side); a warm cast 1 / 0.97 / 0.9; as a camera metering on the
    highlights exposes it: a paper window, not a matte screen protector, a baking mat, a scrim or any veil of the
    earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.024))
    gap = np.clip(0.5 + 0.4 * _field(h, w, side * rng.uniform(0.25, 0.35), rng), 0, 1)[..., None]
    near, far = _blur3(f, s), _blur3(f, 1.8 * s)
    out = near * (1 - gap) + far * gap
    k = rng.uniform(0.1, 0.18)
    out = out * (1 - k) + k * GLASSINE
    out = out * (1 + 0.04 * np.tanh(_field(h, w, max(0.5, 0.015 * side), rng)))[..., None]
    out = out * np.array([1.0, 0.97, 0.9], np.float32)
    return _u8(_metered(out, f))


FOG = np.array([236, 238, 242], np.float32)


def _dry_ice_fog(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed in a low fog of dry ice rolling over it at a photo shoot: the fog's density, 0.35 at
    the top to 1 at the bottom, billowing by a smooth field of 12-20% of the side; the picture blurred by a Gaussian of
    1.6-2.6% of the side (at least 1 px) where the fog is thin and 2.2 times that where it is thick (two blurs
    blended by the density); a white veil 236 / 238 / 242 up to 20-30% by the density; as a camera metering on the
    highlights exposes it: a cold ground fog, not a sandstorm, incense smoke, flour dust, steam or any haze of the
    earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.026))
    yy, _ = _pixels(h, w)
    ramp = 0.35 + 0.65 * (yy / h)
    dens = np.clip(ramp + 0.25 * np.tanh(_field(h, w, side * rng.uniform(0.12, 0.2), rng)), 0, 1)[..., None]
    thin, thick = _blur3(f, s), _blur3(f, 2.2 * s)
    out = thin * (1 - dens) + thick * dens
    v = rng.uniform(0.2, 0.3) * dens
    out = out * (1 - v) + v * FOG
    return _u8(_metered(out, f))


def blur_bk(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "glassine_window":  # through an envelope's glassine window
        return _glassine_window(f, rng)
    if kind == "dry_ice_fog":  # in a low fog of dry ice
        return _dry_ice_fog(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
ARC = np.array([0.85, 0.8, 1.0], np.float32)


def _jacobs_ladder(f: np.ndarray, rng) -> np.ndarray:
    """A workshop at night lit only by a Jacob's ladder: two dark wires 30 / 30 / 34 (1% of the side wide, at least
    0.6 px) rising from the bottom edge, their foot 25-75% across, 6-10% of the side apart there and 26-36% at their
    top 8-20% down; the arc between them 35-75% of the way up, a jagged line of 6-9 points (at least 0.8 px) in
    violet-white 0.85 / 0.8 / 1 at 255, a glow of sigma 3-5% of the side up to 40-55 levels in its colour; the
    picture lit in its colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with
    the distance ``d`` from the arc's middle, ``d0`` 24-34% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    x0 = w * rng.uniform(0.25, 0.75)
    g0, g1 = side * rng.uniform(0.06, 0.1), side * rng.uniform(0.26, 0.36)
    yt = h * rng.uniform(0.08, 0.2)
    q = rng.uniform(0.35, 0.75)
    ya = h - q * (h - yt)
    half = (g0 + q * (g1 - g0)) / 2
    out = _lit(f, _falloff(h, w, x0, ya, side, (0.24, 0.34), rng)[..., None] * ARC, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    wires = ident.line([[(x0 - g0 / 2, float(h)), (x0 - g1 / 2, yt)], [(x0 + g0 / 2, float(h)), (x0 + g1 / 2, yt)]],
                       max(0.6, 0.01 * side))
    out = _paint(out, wires, (30, 30, 34))
    n = int(rng.integers(6, 10))
    xs = np.linspace(x0 - half, x0 + half, n)
    ys = ya + side * rng.uniform(-0.03, 0.03, n) - side * 0.04 * np.sin(np.linspace(0, np.pi, n))
    arc = ident.line([[(float(x), float(y)) for x, y in zip(xs, ys)]], max(0.8, 0.008 * side))
    out = _paint(out, arc, ARC * 255)
    glow = _glow(arc, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * ARC)


ICE = np.array([150, 200, 255], np.float32)
ICE_LIGHT = np.array([0.6, 0.8, 1.0], np.float32)


def _ice_sculpture(f: np.ndarray, rng) -> np.ndarray:
    """A hall at night lit only by an ice sculpture: a carved block of ice 22-32% of the side wide and 1.3-1.7 times
    as high (a slab with a rounded, notched top), standing on a dark plinth 18 / 18 / 22 (8% of the side high) at the
    bottom edge, 20-80% across; lit from within by the plinth's LEDs, pale blue 150 / 200 / 255 at 85%, brighter
    towards its foot, with 3-5 brighter facets (white at 40%); a glow of sigma 5-8% of the side up to 35-50 levels in
    0.6 / 0.8 / 1; the picture lit in that cold blue at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 +
    (d / d0) ** 2)`` with the distance ``d`` from the block's middle, ``d0`` 26-36% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    bw = side * rng.uniform(0.22, 0.32)
    bh = bw * rng.uniform(1.3, 1.7)
    cx = w * rng.uniform(0.2, 0.8)
    ph = 0.08 * side
    yb = h - ph
    out = _lit(f, _falloff(h, w, cx, yb - bh / 2, side, (0.26, 0.36), rng)[..., None] * ICE_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    t = np.linspace(0, np.pi, 12)
    top = [(float(cx - 0.5 * bw * np.cos(u)), float(yb - bh + 0.2 * bw * (1 - np.sin(u)) + (0.06 * bw if k % 4 == 2 else 0)))
           for k, u in enumerate(t)]
    block = ident.fill([[(cx - 0.5 * bw, yb)] + top + [(cx + 0.5 * bw, yb)]])
    plinth = ident.fill([_rect(cx - 0.6 * bw, yb, cx + 0.6 * bw, float(h))])
    yy, _ = _pixels(h, w)
    shade = np.clip(0.75 + 0.25 * (yy - (yb - bh)) / bh, 0.6, 1.0)
    out = _paint(out, block * 0.85 * shade, ICE)
    facets = ident.line([[(cx + bw * rng.uniform(-0.4, 0.4), yb - bh * rng.uniform(0.1, 0.9)),
                          (cx + bw * rng.uniform(-0.4, 0.4), yb - bh * rng.uniform(0.1, 0.9))]
                         for _ in range(int(rng.integers(3, 6)))], max(0.6, 0.012 * side)) * block
    out = _paint(_paint(out, facets * 0.4, WHITE), plinth, (18, 18, 22))
    glow = _glow(block, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(35, 50) * ICE_LIGHT)


LASERS = np.array([(0.3, 1.0, 0.35), (0.35, 0.5, 1.0)], np.float32)


def _laser_show(f: np.ndarray, rng) -> np.ndarray:
    """A hall at night lit only by a laser show: a projector at the top edge (or, one time in three, a side edge),
    10-90% along it, fanning 5-9 beams 0.6-1% of the side wide (at least 0.6 px) over 40-80 degrees into the room,
    green 0.3 / 1 / 0.35 or blue 0.35 / 0.5 / 1, scattered in the haze up to 40-55 levels, fading along each beam to
    40% over the picture's diagonal, softened by 0.8% of the side; the projector a dark box 24 / 24 / 28 with a bright
    aperture; the picture lit in the laser's colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 +
    (d / d0) ** 2)`` with the distance ``d`` from the projector, ``d0`` 30-40% of the side; noise sigma 1.2 levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    col = LASERS[int(rng.integers(len(LASERS)))]
    if rng.random() < 1 / 3:
        left = rng.random() < 0.5
        x0, y0 = (0.0 if left else float(w)), h * rng.uniform(0.1, 0.9)
        mid = 0.0 if left else np.pi
    else:
        x0, y0 = w * rng.uniform(0.1, 0.9), 0.0
        mid = np.pi / 2
    out = _lit(f, _falloff(h, w, x0, y0, side, (0.3, 0.4), rng)[..., None] * col, rng)
    spread = np.deg2rad(rng.uniform(40, 80))
    n = int(rng.integers(5, 10))
    Lb = 1.5 * max(h, w)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    beams = ident.line([[(x0, y0), (float(x0 + Lb * np.cos(a)), float(y0 + Lb * np.sin(a)))]
                        for a in mid + np.linspace(-spread / 2, spread / 2, n)], max(0.6, side * rng.uniform(0.006, 0.01)))
    yy, xx = _pixels(h, w)
    fade = 1 - 0.6 * np.clip(np.hypot(xx - x0, yy - y0) / np.hypot(h, w), 0, 1)
    beams = gaussian_filter(beams, max(0.5, 0.008 * side)) * fade
    out = out + np.clip(beams * 1.6, 0, 1)[..., None] * rng.uniform(40, 55) * col
    box = ident.fill([_rect(x0 - 0.04 * side, y0 - 0.04 * side, x0 + 0.04 * side, y0 + 0.04 * side)])
    aperture = ident.fill([_circle(max(0.6, 0.012 * side), 8, x0 + 0.03 * side * np.cos(mid), y0 + 0.03 * side * np.sin(mid))])
    return _u8(_paint(_paint(out, box, (24, 24, 28)), aperture, col * 255))


def dark_bk(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "jacobs_ladder":  # a workshop lit only by a Jacob's ladder's arc
        return _jacobs_ladder(f, rng)
    if kind == "ice_sculpture":  # a hall lit only by an ice sculpture lit from within
        return _ice_sculpture(f, rng)
    if kind == "laser_show":  # a hall lit only by a laser show's beams
        return _laser_show(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _tiger(size: int, rng) -> dict:
    """A tiger in long grass, seen from the side: a jungle behind, long grass from 62-72% of the way down with blades
    rising above it; a tiger walking across, facing either way, its body an ellipse 50% of the side long and 20%
    high, 9-13 dark stripes across it, a head 16% of the side across with two ears and a white muzzle, an eye, four
    legs, a tail curving up; a white belly (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("jungle", "grass", "blades", "body", "belly", "stripes", "head", "ears", "muzzle", "eye", "legs",
                 "tail"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    for _ in range(10):
        x, y, r = big * rng.uniform(0, 1), big * rng.uniform(0, 0.45), big * rng.uniform(0.1, 0.2)
        d["jungle"].ellipse((x - r, y - r, x + r, y + r), fill=255)
    gy = big * rng.uniform(0.62, 0.72)
    d["grass"].rectangle((0, gy, big, big), fill=255)
    for _ in range(40):
        x = big * rng.uniform(0, 1)
        d["blades"].line([(x, gy + 0.05 * big), (x + big * rng.uniform(-0.04, 0.04), gy - big * rng.uniform(0.03, 0.1))],
                         fill=255, width=max(1, round(0.008 * big)))
    s = 1 if rng.random() < 0.5 else -1
    cx, cy = big / 2 - s * 0.05 * big, gy - 0.12 * big
    bl, bh = 0.25 * big, 0.1 * big
    for o in (-0.7, -0.45, 0.45, 0.7):
        x = cx + o * bl
        d["legs"].rectangle((x - 0.025 * big, cy, x + 0.025 * big, gy + 0.04 * big), fill=255)
    d["body"].ellipse((cx - bl, cy - bh, cx + bl, cy + bh), fill=255)
    d["belly"].ellipse((cx - 0.7 * bl, cy + 0.3 * bh, cx + 0.7 * bl, cy + bh), fill=255)
    for x in np.linspace(-0.8, 0.7, int(rng.integers(9, 14))):
        px = cx + s * x * bl
        d["stripes"].line([(px, cy - bh), (px + s * 0.03 * big, cy), (px, cy + 0.5 * bh)], fill=255,
                          width=max(1, round(0.015 * big)))
    tx = cx - s * bl
    d["tail"].line([(tx, cy - 0.2 * bh), (tx - s * 0.12 * big, cy + 0.1 * big), (tx - s * 0.18 * big, cy - 0.02 * big)],
                   fill=255, width=max(1, round(0.025 * big)), joint="curve")
    hx, hy, hr = cx + s * (bl + 0.03 * big), cy - 0.6 * bh, 0.08 * big
    for o in (-0.6, 0.6):
        d["ears"].ellipse((hx + o * hr - 0.3 * hr, hy - 1.2 * hr, hx + o * hr + 0.3 * hr, hy - 0.6 * hr), fill=255)
    d["head"].ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=255)
    d["muzzle"].ellipse((hx + s * 0.3 * hr - 0.5 * hr, hy, hx + s * 0.3 * hr + 0.5 * hr, hy + 0.8 * hr), fill=255)
    d["eye"].ellipse((hx + s * 0.3 * hr - 0.12 * hr, hy - 0.4 * hr, hx + s * 0.3 * hr + 0.12 * hr, hy - 0.16 * hr),
                     fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _cobra(size: int, rng) -> dict:
    """A cobra rearing from a snake charmer's basket: a wall above a floor from 60-70% of the way down; a round wicker
    basket 36-46% of the side wide on the floor, 20-80% across, its rim an ellipse, 3-4 weave bands, its lid leaning
    beside it; the cobra's body rising from it in an S (10% of the side thick), a flared hood (an ellipse 26% of the
    side wide and 34% high) with a spectacle mark, a head, two eyes and a forked tongue (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("floor", "basket", "weave", "lid", "body", "hood", "mark", "head", "eyes", "tongue"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    fy = big * rng.uniform(0.6, 0.7)
    d["floor"].rectangle((0, fy, big, big), fill=255)
    cx = big * rng.uniform(0.35, 0.65)
    bw = big * rng.uniform(0.18, 0.23)
    top, bot = fy - 0.05 * big, fy + 0.25 * big
    d["basket"].polygon([(cx - bw, top), (cx + bw, top), (cx + 0.8 * bw, bot), (cx - 0.8 * bw, bot)], fill=255)
    d["basket"].ellipse((cx - bw, top - 0.04 * big, cx + bw, top + 0.04 * big), fill=255)
    for y in np.linspace(top + 0.05 * big, bot - 0.03 * big, int(rng.integers(3, 5))):
        d["weave"].line([(cx - 0.95 * bw, y), (cx + 0.95 * bw, y)], fill=255, width=max(1, round(0.012 * big)))
    s = 1 if rng.random() < 0.5 else -1
    lx = cx + s * (bw + 0.1 * big)
    d["lid"].ellipse((lx - 0.05 * big, fy - 0.12 * big, lx + 0.05 * big, fy + 0.1 * big), fill=255)
    pts = [(cx, top), (cx + s * 0.08 * big, top - 0.1 * big), (cx - s * 0.06 * big, top - 0.2 * big),
           (cx, top - 0.3 * big)]
    d["body"].line(pts, fill=255, width=max(1, round(0.1 * big)), joint="curve")
    hx, hy = cx, top - 0.38 * big
    d["hood"].ellipse((hx - 0.13 * big, hy - 0.17 * big, hx + 0.13 * big, hy + 0.17 * big), fill=255)
    for o in (-0.05, 0.05):
        d["mark"].ellipse((hx + o * big - 0.03 * big, hy - 0.02 * big, hx + o * big + 0.03 * big, hy + 0.04 * big),
                          outline=255, width=max(1, round(0.012 * big)))
    d["head"].ellipse((hx - 0.05 * big, hy - 0.22 * big, hx + 0.05 * big, hy - 0.12 * big), fill=255)
    for o in (-0.025, 0.025):
        d["eyes"].ellipse((hx + o * big - 0.008 * big, hy - 0.19 * big, hx + o * big + 0.008 * big, hy - 0.175 * big),
                          fill=255)
    d["tongue"].line([(hx, hy - 0.12 * big), (hx, hy - 0.08 * big), (hx - 0.015 * big, hy - 0.06 * big)], fill=255,
                     width=max(1, round(0.006 * big)))
    d["tongue"].line([(hx, hy - 0.08 * big), (hx + 0.015 * big, hy - 0.06 * big)], fill=255,
                     width=max(1, round(0.006 * big)))
    return {k: _down(v, size) for k, v in M.items()}


def _meerkats(size: int, rng) -> dict:
    """Meerkats on a sand mound: a sky, far dunes from 55-62% of the way down, a sand mound rising in the middle to
    60-68% down; 2-3 meerkats standing upright on it side by side, each a tall body (an ellipse 9% of the side wide
    and 30% high), a small round head with a pointed face, dark eye patches and a dark ear, forearms held in front,
    a tail on the sand (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("dunes", "mound", "body", "head", "patches", "arms", "tail", "nose"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    dy = big * rng.uniform(0.55, 0.62)
    xs = np.linspace(-0.1, 1.1, 9) * big
    ys = dy + big * 0.04 * np.sin(xs / big * rng.uniform(3, 6) + rng.uniform(0, 6))
    d["dunes"].polygon([(float(x), float(v)) for x, v in zip(xs, ys)] + [(1.1 * big, big), (-0.1 * big, big)], fill=255)
    my = big * rng.uniform(0.6, 0.68)
    d["mound"].ellipse((0.1 * big, my, 0.9 * big, my + 0.7 * big), fill=255)
    k = int(rng.integers(2, 4))
    s = 1 if rng.random() < 0.5 else -1
    for j, x in enumerate(np.linspace(0.5 - 0.14 * (k - 1), 0.5 + 0.14 * (k - 1), k) * big):
        hgt = big * rng.uniform(0.27, 0.33)
        foot = my + 0.04 * big
        d["body"].ellipse((x - 0.045 * big, foot - hgt, x + 0.045 * big, foot), fill=255)
        hy = foot - hgt - 0.02 * big
        d["head"].ellipse((x - 0.035 * big, hy - 0.035 * big, x + 0.035 * big, hy + 0.035 * big), fill=255)
        d["head"].polygon([(x + s * 0.02 * big, hy - 0.015 * big), (x + s * 0.07 * big, hy + 0.005 * big),
                           (x + s * 0.02 * big, hy + 0.025 * big)], fill=255)
        px = x + s * 0.018 * big
        d["patches"].ellipse((px - 0.013 * big, hy - 0.012 * big, px + 0.013 * big, hy + 0.008 * big), fill=255)
        ex = x - s * 0.03 * big
        d["patches"].ellipse((ex - 0.008 * big, hy - 0.03 * big, ex + 0.008 * big, hy - 0.012 * big), fill=255)
        nx = x + s * 0.068 * big
        d["nose"].ellipse((nx - 0.006 * big, hy, nx + 0.006 * big, hy + 0.012 * big), fill=255)
        ay = foot - 0.72 * hgt
        d["arms"].line([(x + s * 0.02 * big, ay), (x + s * 0.055 * big, ay + 0.04 * big)], fill=255,
                       width=max(1, round(0.014 * big)))
        d["tail"].line([(x, foot - 0.02 * big), (x - s * 0.1 * big, foot + 0.03 * big)], fill=255,
                       width=max(1, round(0.014 * big)))
    return {k: _down(v, size) for k, v in M.items()}


def outlier_bk(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "tiger":
        m = _tiger(size, rng)
        if photos:  # dark green jungle, yellow-green grass, an orange and black tiger with a white muzzle and belly
            out = _paint(_paint(ground((60, 96, 54)), m["jungle"], (30, 64, 34)), m["grass"], (170, 176, 74))
            out = _paint(_paint(out, m["legs"], (206, 112, 36)), m["tail"], (206, 112, 36))
            out = _paint(_paint(out, m["body"], (222, 122, 40)), m["belly"], (240, 232, 214))
            out = _paint(_paint(out, m["stripes"], (22, 18, 16)), m["ears"], (200, 110, 40))
            out = _paint(_paint(out, m["head"], (222, 122, 40)), m["muzzle"], (244, 238, 226))
            return _u8(_paint(_paint(out, m["eye"], (20, 20, 16)), m["blades"], (186, 190, 84)))
        out = _paint(_paint(ground(tone(0.0)), m["jungle"], tone(0.12)), m["grass"], tone(0.3))
        out = _paint(_paint(out, m["legs"], tone(0.75)), m["tail"], tone(0.75))
        out = _paint(_paint(out, m["body"], tone(0.8)), m["belly"], tone(1.0))
        out = _paint(_paint(out, m["stripes"], tone(0.1)), m["ears"], tone(0.7))
        out = _paint(_paint(out, m["head"], tone(0.8)), m["muzzle"], tone(1.0))
        return _u8(_paint(_paint(out, m["eye"], tone(0.05)), m["blades"], tone(0.35)))
    if kind == "cobra":
        m = _cobra(size, rng)
        if photos:  # an ochre wall, a red rug, a tan basket, an olive-brown cobra with a cream spectacle mark
            out = _paint(_paint(ground((200, 160, 96)), m["floor"], (150, 40, 40)), m["lid"], (196, 160, 104))
            out = _paint(_paint(out, m["basket"], (206, 170, 110)), m["weave"], (140, 104, 60))
            out = _paint(_paint(out, m["body"], (110, 90, 50)), m["hood"], (104, 84, 46))
            out = _paint(_paint(out, m["mark"], (236, 226, 196)), m["head"], (96, 78, 44))
            return _u8(_paint(_paint(out, m["eyes"], (16, 16, 14)), m["tongue"], (200, 40, 50)))
        out = _paint(_paint(ground(tone(0.0)), m["floor"], tone(0.2)), m["lid"], tone(0.5))
        out = _paint(_paint(out, m["basket"], tone(0.55)), m["weave"], tone(0.3))
        out = _paint(_paint(out, m["body"], tone(0.85)), m["hood"], tone(0.8))
        out = _paint(_paint(out, m["mark"], tone(0.3)), m["head"], tone(0.9))
        return _u8(_paint(_paint(out, m["eyes"], tone(0.05)), m["tongue"], tone(0.6)))
    if kind == "meerkats":
        m = _meerkats(size, rng)
        if photos:  # a blue sky, pale dunes, an orange sand mound, sandy meerkats with dark eye patches
            out = _paint(_paint(ground((126, 176, 230)), m["dunes"], (226, 196, 140)), m["mound"], (214, 150, 84))
            out = _paint(_paint(out, m["tail"], (150, 120, 86)), m["body"], (190, 160, 118))
            out = _paint(_paint(out, m["arms"], (170, 140, 100)), m["head"], (200, 172, 130))
            return _u8(_paint(_paint(out, m["patches"], (40, 30, 24)), m["nose"], (30, 24, 20)))
        out = _paint(_paint(ground(tone(0.0)), m["dunes"], tone(0.2)), m["mound"], tone(0.4))
        out = _paint(_paint(out, m["tail"], tone(0.7)), m["body"], tone(0.9))
        out = _paint(_paint(out, m["arms"], tone(0.75)), m["head"], tone(1.0))
        return _u8(_paint(_paint(out, m["patches"], tone(0.1)), m["nose"], tone(0.05)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def reconciliation_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                         rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the labels came from a warehouse's stock system, each item
    booked under the class it was received as, in the order it arrived (a random order drawn a pass); at each
    period's reconciliation a clerk found one or two random pairs of classes (one pair where fewer than four classes
    are present) whose counted stock did not match the book, one over (the surplus class) and the other short, and
    balanced the book with a paper adjustment that re-booked the latest 10-30% (``REBOOKED``) of the surplus class's
    receipts, in the order they came, to the short class. The flips are those re-booked items, each given the short
    class, until ``count`` are flipped (passes over the pictures not yet flipped, other pairs, while some are left).
    Noise one way within a pair, by arrival order and counts, not by look: not BJ's keyed shorthand, BD's stale crate
    slips, AT's shelf scans or any mechanism of the earlier lists. Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    seen = {labels[i] for i in pool}
    present = [c for c in classes if c in seen]
    if len(present) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if not items:
            break
        pairs = 1 if len(present) < 4 else int(rng.integers(1, 3))
        order = rng.permutation(len(present))
        for j in range(pairs):
            surplus, short = present[int(order[2 * j])], present[int(order[2 * j + 1])]
            received = [i for i in items if labels[i] == surplus and i not in flips]
            k = int(round(len(received) * rng.uniform(*REBOOKED)))
            for i in received[len(received) - k:]:
                if len(flips) >= count:
                    break
                if labels[i] != short:
                    flips[i] = short
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bk(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BK's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 39-61 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BK, seed=630_000 + random_state,
        quality_seed=635_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=reconciliation_flips,
        **by_family(name, outlier=(outlier_bk, OUTLIERS_BK), blur=(blur_bk, BLURS_BK), dark=(dark_bk, DARKS_BK),
                    near=(near_edit_bk, NEAR_EDITS_BK)))
