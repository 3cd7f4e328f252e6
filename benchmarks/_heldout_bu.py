"""Generator BU: fresh EVALUATION sets after generator BT's run (never used to choose anything).

Added after BU's generator commit (22c3d21), before its run, by the session that ran it: one library commit came after
BU was written and committed and is in BU's run, unseen by BU's writer (a71a77c: ``blurry``'s ``max_threshold`` of 0.6
on by default for pictures of 128 px or more, chosen on development sets only). Nothing else in this file was changed.

Why a seventy-first evaluation generator: generator BT's sets were written before its run and have been run once since
(after which its four sets became development data in ``dev_sweep``), so a held-out set for the code after that run is
written now, before any tool is run on it. The commit subjects since BT's generator commit (142fc7b) name no change of
what the library's checks find at their defaults: one benchmark commit (1492d04: BT's sets made development data in
``dev_sweep`` after its one held-out run), two docs commits (fc9bd90: BT's one held-out run written up; 025ed6d: Round
36, ``blurry``'s threshold under a cap measured on development sets and left off), a library commit (6b9fb7e:
``blurry``'s ``max_threshold``, a new setting, off by default, which its subject says is not on yet) and a review commit
(cf468a1: ``blurry``'s three class-spread calls going through one method, with the same values). So BU measures the same
detection code as BT's run at its defaults, on new sets, but for 6b9fb7e's setting, which is off, and cf468a1's method,
which its subject says gives the same values. BT's run came before this generator was written, and those subjects carry
its numbers and those of development sets, but BU's writer read no docs, logs, result files or commit bodies (only the
commit subjects, the earlier generators' files, the tuning tools' files and ``_synthetic.py``, to copy their structure
and to avoid their families, and ``detection.py`` and ``dev_sweep.py``, to register BU), and no check code of the
library. Nothing in BU was chosen from any result, to aim at or away from any weakness, rule or lead a subject names
(``blurry`` on the tiles, ``dark`` on clothing, a threshold's cap): its strengths and its share of whole-picture edits
are set as BT's (and BS's, BR's, BQ's, BP's, BO's, BN's, BM's and BL's) were. Like AN's to BT's, BU's edits are not all
brightly coloured: some are stone grey, near black or translucent. Generator BU was written before any tool was run on
it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 107
and 310 px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture still in
it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are seen.
Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s
lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft
photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s
flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U,
V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ,
BA, BB, BC, BD, BE, BF, BG, BH, BI, BJ, BK, BL, BM, BN, BO, BP, BQ, BR, BS, BT) and none of the library's calibration
copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay
box; Gaussian, box, motion, down-and-up blurs) make (their family names and key words were searched for in every earlier
generator, the tuning tools and ``_synthetic.py``). Like AC's to BT's it has two blur families, not three. Tiles of 310
px give 60 tiles (seed 420), so the large set is at 310 px, a size no other set uses; the small photographs are at 107
px, a size no other set uses either. Left out because an earlier generator made them or left them out (their key words
are in the earlier generators' lists): among objects on the print a caulking gun, a glue gun or a water pistol
(L-shapes: AD's hair dryer, as AG left the glue gun out), a trigger spray bottle, a perfume bottle or an atomiser (AC's
nail polish), a television's remote control (AC's: BU's multimeter is a meter with a range dial, a display and two test
leads), a doorknob or a door handle (their lists), a fly swatter or a shower head (a round head on a handle: AF's
microphone), a horseshoe (X's horseshoe magnets: BU's stirrup iron is an arch over a tread, hung on its leather), a hand
trowel, a claw hammer, BT's hacksaw, a spanner or a wrench (AF's, AE's, their lists: BU's sickle is a hooked blade on a
round handle), a paper folding fan or a ginkgo leaf (their lists: BU's case fan is a computer's square-framed fan with
swept blades), a blister pack of pills (S's bubble wrap: BU's pill organiser is a strip of seven lidded compartments),
BT's turnbuckle, soldering iron, cable reel or suction cup, BS's double jigger, lawn sprinkler, horn cleat, flying disc
or polish tin, or any object, creature, sweet, snack, fruit, vegetable or plant part of the earlier lists (BT's, their
lists); of the whole picture a hornet's nest's paper (banded scallops: BK's seigaiha wrap), moss (BB's lichen), a
cobbled street or a wall of pebbles (AS's cobbled street: BU's flint wall is split flints in lime mortar), a brick wall,
roughcast or an Artex ceiling (their lists), BT's septarian nodule, BS's kyanite, BR's porphyry, AY's sandstone, marble,
granite, breccia or terrazzo (their lists: BU's travertine is a bedded limestone and its pores), BT's cedar shingles,
AU's weatherboard, AZ's tatami, BA's coir mat, AT's hessian, wood grain or a broom (their lists: BU's thatch is a straw
roof with hazel liggers pinned across it), BT's bouclé wool, or any weave, print, stone, metal or patterned ground of
the earlier lists (BT's, their lists); among blurs a fleece or quilt wadding (I's frosted glass), BA's baking mat, BG's
capiz window, BP's horn pane, AB's cataract, Y's wax, BT's yuba or fruit leather, BS's filo pastry or sugar glass, BR's
kombucha SCOBY, AF's agar, AU's alabaster, AV's mica or AT's polythene (BU's rawhide is an untanned goatskin scraped
thin; BU's maize husk is a dried leaf with its veins, not AY's physalis husk or BE's cicada shell, which are objects), a
sheet of fresh pasta (BS's filo pastry), tracing paper, glassine, washi or rice paper (their lists), or any haze, veil,
glass, copy or print process of the earlier lists (BT's, their lists); among darkenings a game console's light bar
(BR's: BU's soundbar is a speaker's status light on a cabinet, the television out of the picture), a television's bias
lighting (AI's), a television, a laptop or a phone (I's lamp, P's phone screen), an ultrasonic humidifier's mist (BH's),
a smoke alarm or a light switch locator (BR's: BU's thermostat is a central-heating controller's heating-on light over a
radiator), a night light (AH's cat night light, their lists: BU's electric blanket controller lies on a duvet), BT's
smart plug, dehumidifier or rice cooker, or any flame, ember, lamp, screen or glow of the earlier lists (BT's, their
lists); among foreign pictures a peacock's train (F's starbursts), AY's rooster, AF's penguins, a stork on its nest, a
pelican, a puffin, a toucan, an owl or a flamingo (their lists: BU's woodpecker clings to a tree trunk), a food truck,
an ice cream van, BF's fire engine, BE's steamroller, BS's road gritter, BT's cherry picker (their lists: BU's milk
float is an electric delivery float with its crates), railway tracks (S's), a railway cutting lit by a colour-light
signal (BJ's), BI's steam locomotive, BT's boathouse, BS's granary, a bandstand or a lifeguard tower (their lists: BU's
signal box is a building, its track and signal beside it), or any other animal, vehicle, building or flying thing of the
earlier lists (BT's, their lists); among label noise a perceptual-hash de-duplication (AK's, Z's list), web searches or
a click log (AJ's, R's first-yes), captions naming a class, AW's category stuffing (a seller choosing a category: BU's
soft 404 is the shop's answer for a dead listing), G's attractor classes, P's one-way pairs, BT's drill-down flips, BS's
predictive default, BR's vote cascade, BQ's placeholders, a taxonomy's merged classes, B's class -> next class, L's
auto-labeller, AF's averaged votes, and every mechanism BT named and BT's drill-down (dictation, OCR, bags, hotkeys,
keypads, quotas, a checkweigher, positions, clocks, a returns desk's prices, a marketplace's category stuffing, recycled
product codes, memory cards, a packing bench's label rolls, a mistranslated list, an empty cartridge, transposed sheets,
swapped digits, stale crate slips, a spreadsheet's fill-down, collided file names, names completed as typed, tote
cross-reads, shelf scans, conveyor jets, averaged votes, re-hung swing tags, a tracker's identity switch, a cache race,
rotated specimen racks, a cross-wired put wall, a timeout, misprinted reference sheets, keyed shorthand, stock
reconciliation, autosave lag, stuck prints, a batch whose class numbers were in another order, a model's runner-up
exported by an off-by-one, a taxonomy's merged classes, a colour-blind labeller, overflow bins, packing lists, a scroll
wheel, placeholders, a vote cascade, a predictive default, a drill-down interface).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 310 px set's
  copies get both kinds): a handheld multimeter (its body 40-50% of the side long, at least 14 px, and 52% as wide,
  safety yellow 232 / 190 / 40, near black 38 / 38 / 42 or stone grey 150 / 150 / 146, of the three the one whose
  colour differs most on average from the picture's where it lies, or the second where it differs at least 60% as
  much, as for the stirrup's iron, the sickle's blade and the fan's frame; a grey-green display with three dark digits,
  a near black range dial with a white pointer and ticks, three dark sockets, a red and a near black test lead 30-50%
  of its length beyond its end, each to a probe with a steel tip; a shine at 35%; 30-70% of the way across and down,
  at any angle, a soft shadow at 30%), a riding stirrup iron (34-42% of the side high, at least 12 px, polished steel
  186 / 188 / 194, stone grey 150 / 150 / 146 or near black 40 / 40 / 42; an arch over a tread with a near black
  rubber pad cut by 5-8 grooves, an eye above the arch, through it a tan, near black or chestnut stirrup leather
  40-70% of its height long with stitches; a shine at 35%; a shadow at 30%), a sickle (48-58% of the side long, at
  least 15 px, a blade of bright steel 172 / 174 / 180 or black-painted 44 / 44 / 48 bent round 240 degrees, tapering
  to a point, its cutting edge ground bright, a steel ferrule and a wood, near black or red handle; a shine at 35%; a
  shadow at 30%), a computer case fan seen face on (30-38% of the side across, at least 11 px, near black 34 / 34 /
  38, stone grey 150 / 150 / 146 or white 232 / 232 / 228; a square frame round a round opening, four screw holes, a
  hub with a white, red, blue or yellow sticker, 5-9 swept blades with the print between them; a shine at 35%; a
  shadow at 30%) and a weekly pill organiser (50-60% of the side long, at least 16 px, and 20% as wide, seven lidded
  compartments of clear 230 / 234 / 236 plastic at 45%, smoked 96 / 100 / 108 at 65% or a rainbow set at 60%, darker
  dividers, a thumb tab on each lid, 0-3 pills in each seen through the lid; a highlight at 45%; a shadow at 30%, 15%
  for the clear one); of the whole picture: printed on a slab of travertine (the ink multiplied onto the stone, 42-54%
  of the way, 35% of its tone added at that share, as for the thatch and the flint wall; cream 222 / 208 / 182, walnut
  180 / 150 / 112 or silver 188 / 184 / 174, bedded in layers 12% lighter or darker, turned by up to 6 degrees, its
  pores slits along the bedding 2-8% of the side long at half its tone, more of them in the lighter layers), printed
  on a thatched roof (new straw 204 / 178 / 118, weathered grey-brown 138 / 124 / 100 or old dark 106 / 88 / 64, its
  stems streaking it down the slope 28% lighter or darker, 1-2 pairs of hazel liggers pinned across it with spars in
  a zigzag between them, each casting a shadow) and printed on a knapped flint wall (cream or grey lime mortar speckled
  with sand; flints 6-11% of the side across in rough courses 7-10% high, 70% of them split to a glassy grey face 38-90
  inside a white cortex, the rest whole nodules in their cortex);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through a sheet of rawhide (an untanned goatskin scraped thin: a Gaussian of
  1.5-2.3% of the side, at least 1 px, and a tail 2.3 times as wide for 22-32%; filtered 25-35% of the way to its amber
  224 / 190 / 130 and hazed 10-16% of the way to 236 / 218 / 178, 35% more or less where it is thicker or thinner;
  40-120 hair follicles in short rows at 20-35% and 2-5 faint branching veins at 12-20%) and the picture seen through
  two dried maize husks overlapping (a Gaussian of 1.4-2.4% of the side, at least 1 px, and a tail 2.2 times as wide
  for 20-30%; filtered 20-30% of the way to its straw 236 / 220 / 168 and hazed 8-14% of the way to 242 / 234 / 206,
  1.6 times as strongly where they overlap, along a band 20-40% of the side wide whose edges are darker lines; veins
  along the husk every 1.2-2.2% of the side 4-8% darker and every 3rd-5th a rib twice as dark, softened; 0-6 brown
  drying spots at 10-20%); each as a camera metering on the highlights exposes it (as Y's to BT's);
* ``dark`` (2%): a bedroom at night lit only by an electric blanket's controller (a dark duvet from 70-80% down with
  2-4 folds, the controller on it 25-75% across, a rounded box 14-18% of the side long with a dial and its heat-setting
  light, red or orange at 240-255, its cord curving away; a glow of sigma 3-5% of the side up to 40-55 levels; the
  picture lit in its colour at ``0.015-0.03 + 0.26-0.34 / (1 + (d / d0) ** 2)`` with the distance from the light,
  ``d0`` 20-28% of the side), a living room at night lit only by a soundbar's status light (a television cabinet's top
  from 78-86% down, the soundbar on it 40-60% across, 46-60% of the side long and 5-7% high with a grille of fine
  lines, its light white, blue or green at 240-255, 20-80% along it; a glow of sigma 3-5% up to 35-50 levels; the
  picture lit in its colour falling off as above from the light, ``d0`` 18-26% of the side) and a landing at night lit
  only by a central-heating room thermostat's heating-on light (a panel radiator 40-60% of the side wide from 78-86%
  down with 8-14 flutes and a valve, the thermostat above it 45-65% down, a box 9-12% of the side across with a round
  dial and a pointer, its light red or amber at 240-255 under the dial; a glow of sigma 3-5% up to 40-55 levels; the
  picture lit in its colour falling off as above from the light, ``d0`` 20-28% of the side); none of them blurs the
  picture;
* ``outlier`` (1.5%): a great spotted woodpecker clinging to a tree trunk (the trunk a band 26-34% of the side wide
  44-56% across, leaning by up to 5 degrees, with 5-9 bark fissures and 0-1 nest hole; the bird on either side of it,
  its belly to the bark: a body 30% of the side long, a white belly and shoulder patch, a head with a black cap, a red
  nape, a white face with a black stripe and an eye, a chisel bill touching the bark, a stiff tail propped below, a red
  patch under the tail and two feet gripping the bark), an electric milk float on a street (the road from 76-84% down
  with a kerb; the float 56-68% of the side long, facing either way, on four small wheels: a low deck with a stripe, a
  cab with a windscreen and an open door, a flat roof along its whole length on two posts, 2-3 tiers of 3-5 crates
  with milk bottles showing through their slots and along the top) and a railway signal box seen across its track
  (the ground from 72-80% down, two rails over sleepers; the box 44-56% of the side wide, a brick lower storey with
  2-3 arched windows, a timber upper storey with a band of 6-10 panes and a nameboard, a hipped roof with a chimney,
  an outside staircase to a door, and a semaphore signal on a post at its other end, its arm level or raised); the
  digit and clothing sets get them in their own tones on their dark ground, the photographs as a black, white and red
  woodpecker on a grey-brown trunk before a pale green wood, a white float with a green or blue stripe, red crates and
  white bottles on a grey road under a blue sky, and a red-brick box with a cream timber upper storey, a slate roof, a
  green door and a red signal arm by its track on green grass under a pale sky;
* ``label`` (5%): *dead-listing* flips: the pictures were gathered by a scraper from a shop's listings, each labelled by
  the class of the listing it was fetched for; the shop's classes stand in departments of 2-4 (``DEPARTMENT``; all the
  classes one department where there are fewer than four), each department's page leading with its best-selling
  class (one drawn once a department); some listings had been taken down, each class's at its own rate (0.5-2,
  ``ROT``, drawn once a class), and the shop answered a dead listing's address with its department's page (a soft 404)
  instead of an error, so the scraper took that page's first picture, one of the best seller's, under the dead
  listing's class: 10-25% of the best sellers' pictures (``DEAD``, drawn a pass) were fetched for a dead listing of
  their department, its class drawn in proportion to the classes' rates, and where it is the best seller's own the
  picture is right. The flips are the best sellers' pictures so given another class of their department (passes over
  the pictures not yet flipped while some are left). Noise from one best seller per department spread over its
  department's other classes, by the shop's departments and dead links, not by look or by any list's order: not BT's
  drill-down, BS's predictive default, AW's category stuffing, G's attractor classes or P's one-way pairs. Every flip
  changes the label (a dead listing of the best seller's own class is not a flip), so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BU's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 417),
MNIST (2,000, seed 418), and the evaluation photographs tiled at 107 px (24 tiles a photograph at most, 345 tiles, seed
419) and at 310 px (every tile, 60 tiles, seed 420), sizes no other set uses. ``photos107_bu_jpeg`` is written as JPEG
files, each at a quality drawn from 35-54 (a stream of its own, seed ``735_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact
copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``730_000 + random_state``. The
planting is I's (:func:`_heldout_i.plant_generator`, as for J to BT).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field, _rounded
from _heldout_be import _blur3, _falloff
from _heldout_bf import _fine, _ground_print, _standing_out
from _heldout_h import _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down
from _heldout_v import _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_BU = ("fashion_test_bu", "mnist_bu", "photos107_bu_jpeg", "photos310_bu")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BU = {
    "fashion_test_bu": ("fashion_test", 417),
    "mnist_bu": ("mnist", 418),
    "photos107_bu_jpeg": ("photos", 419, 107, 8, 24),
    "photos310_bu": ("photos", 420, 310, 8, 1000),
}
JPEG_QUALITY = (35, 55)  # the JPEG set's qualities: integers in [low, high)
RATES_BU = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BU = ("multimeter", "travertine", "stirrup", "thatch", "sickle", "flint_wall", "case_fan",
                 "pill_organiser")
BLURS_BU = ("rawhide", "maize_husk")
DARKS_BU = ("blanket_control", "soundbar", "thermostat")
OUTLIERS_BU = ("woodpecker", "milk_float", "signal_box")
DEPARTMENT = (2, 5)  # classes in a department of the shop: integers in [low, high)
DEAD = (0.1, 0.25)  # the share of a best seller's pictures fetched for a dead listing, drawn a pass
ROT = (0.5, 2.0)  # how often a class's listings were taken down, relative to the others: drawn once a class


def load_base_bu(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BU, "BU")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
STEEL = (178, 180, 186)


def _loop(pts: list) -> list:
    """An outline closed back to its first point, to be drawn as a line."""
    return pts + [pts[0]]


CASINGS = ((232, 190, 40), (38, 38, 42), (150, 150, 146))
LCD = np.array([150, 162, 140], np.float32)
LEADS = ((190, 40, 36), (30, 30, 32))


def _multimeter(f: np.ndarray, rng) -> np.ndarray:
    """A handheld multimeter lying on the print: its body 40-50% of the side long (at least 14 px) and 52% of that
    wide, a rounded box of safety yellow 232 / 190 / 40, near black 38 / 38 / 42 or stone grey 150 / 150 / 146 (of the
    three the one whose colour differs most on average from the picture's where it lies, or the second, at random,
    where it differs at least 60% as much, as for the stirrup's iron, the sickle's blade and the fan's frame); a grey-
    green 150 / 162 / 140 display (32% of its length by 40% of it) at its top end with three dark digits at
    70%; a near black 30 / 30 / 32 range dial (16% of its length in radius) with a white pointer and 10 white ticks
    round it at 60%; three dark sockets at its bottom end; two test leads, red 190 / 40 / 36 and near black 30 / 30 /
    32, 3% of its length thick (at least 0.6 px), out of two sockets and 30-50% of its length beyond its end, curving
    apart, each ending in a probe (18% of its length long) with a steel 178 / 180 / 186 tip; a shine along one long
    edge at 35%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.4, 0.5))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(CASINGS, f, fr, 0.5 * L, rng), np.float32)
    body = fr.fill([_rounded(L, 0.52 * L, 0.08 * L)])
    lcd = fr.fill([_rect(0.14 * L, -0.2 * L, 0.46 * L, 0.2 * L)])
    digits = fr.line([[(float(x), -0.1 * L), (float(x), 0.1 * L)] for x in (0.22 * L, 0.3 * L, 0.38 * L)]
                     + [[(0.22 * L, -0.1 * L), (0.22 * L, -0.03 * L)]], max(0.35, 0.025 * L))
    dial = fr.fill([_circle(0.16 * L, 28, -0.1 * L, 0.0)])
    a = rng.uniform(0, 2 * np.pi)
    pointer = fr.line([[(-0.1 * L, 0.0), (float(-0.1 * L + 0.14 * L * np.cos(a)), float(0.14 * L * np.sin(a)))]],
                      max(0.35, 0.025 * L))
    ticks = fr.line([[(float(-0.1 * L + 0.19 * L * np.cos(t)), float(0.19 * L * np.sin(t))),
                      (float(-0.1 * L + 0.22 * L * np.cos(t)), float(0.22 * L * np.sin(t)))]
                     for t in np.linspace(0, 2 * np.pi, 10, endpoint=False)], max(0.3, 0.015 * L))
    jacks = [(-0.4 * L, y) for y in (-0.14 * L, 0.0, 0.14 * L)]
    sockets = fr.fill([_circle(0.04 * L, 12, x, y) for x, y in jacks])
    leads, probes, tips = [], [], []
    for k, (x, y) in enumerate((jacks[0], jacks[2])):
        s = -1 if k == 0 else 1
        out = rng.uniform(0.3, 0.5) * L
        pts = [(float(x - u * (0.1 * L + out)), float(y + s * 0.35 * out * u ** 2)) for u in np.linspace(0, 1, 10)]
        leads.append(pts)
        ex, ey = pts[-1]
        dx, dy = pts[-1][0] - pts[-2][0], pts[-1][1] - pts[-2][1]
        n = max(np.hypot(dx, dy), 1e-6)
        dx, dy = dx / n, dy / n
        probes.append([(ex, ey), (float(ex + 0.14 * L * dx), float(ey + 0.14 * L * dy))])
        tips.append([(float(ex + 0.14 * L * dx), float(ey + 0.14 * L * dy)),
                     (float(ex + 0.18 * L * dx), float(ey + 0.18 * L * dy))])
    cords = [fr.line([p], max(0.6, 0.03 * L)) for p in leads]
    grips = [fr.line([p], max(0.8, 0.06 * L)) for p in probes]
    steel = fr.line(tips, max(0.4, 0.02 * L))
    shine = fr.line([[(-0.42 * L, -0.23 * L), (0.42 * L, -0.23 * L)]], max(0.3, 0.012 * L))
    parts = [(cords[0], LEADS[0], 1.0, True), (cords[1], LEADS[1], 1.0, True), (grips[0], LEADS[0], 1.0, True),
             (grips[1], LEADS[1], 1.0, True), (steel, STEEL, 1.0, True), (body, col, 1.0, True),
             (lcd, LCD, 1.0, False), (digits * lcd, (40, 44, 40), 0.7, False), (dial, (30, 30, 32), 1.0, False),
             (pointer * dial, WHITE, 0.9, False), (ticks, WHITE, 0.6, False), (sockets, (22, 22, 24), 1.0, False),
             (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


IRONS = ((186, 188, 194), (150, 150, 146), (40, 40, 42))
STRAPS = ((150, 96, 50), (40, 32, 28), (110, 60, 34))


def _stirrup(f: np.ndarray, rng) -> np.ndarray:
    """A riding stirrup iron lying on the print, seen from the front: 34-42% of the side high (at least 12 px) and
    90% of that wide; polished steel 186 / 188 / 194, stone grey 150 / 150 / 146 or near black 40 / 40 / 42 (chosen
    as for the multimeter); an arch of bar 8% of its height thick (at least 0.8 px) from the tread up to a rounded
    top, a tread 90% of its height wide and 12% high with a near black 28 / 28 / 30 rubber pad on it (6% high) cut
    by 5-8 lighter grooves at 60%, an eye (a slot 34% of its height wide) above the top; through the eye a stirrup
    leather 22% of its height wide, tan 150 / 96 / 50, near black 40 / 32 / 28 or chestnut 110 / 60 / 34 (one at
    random), running 40-70% of its height out beyond the eye, a row of stitches along it 20% darker at 70%; a shine
    down one side of the arch at 35%; at any angle, its middle 30-70% of the way across and down, a soft shadow at
    30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    H = max(12.0, side * rng.uniform(0.34, 0.42))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(IRONS, f, fr, 0.5 * H, rng), np.float32)
    strap_col = np.asarray(STRAPS[int(rng.integers(len(STRAPS)))], np.float32)
    t = np.linspace(-np.pi / 2, np.pi / 2, 16)
    arch = ([(-0.37 * H, 0.36 * H)] + [(float(0.37 * H * np.sin(u)), float(-0.1 * H - 0.3 * H * np.cos(u)))
                                       for u in t] + [(0.37 * H, 0.36 * H)])
    bar = fr.line([arch], max(0.8, 0.08 * H))
    tread = fr.fill([_rect(-0.45 * H, 0.34 * H, 0.45 * H, 0.46 * H)])
    pad = fr.fill([_rect(-0.41 * H, 0.28 * H, 0.41 * H, 0.34 * H)])
    grooves = fr.line([[(float(x), 0.28 * H), (float(x), 0.34 * H)]
                       for x in np.linspace(-0.34 * H, 0.34 * H, int(rng.integers(5, 9)))], max(0.3, 0.015 * H))
    eye = fr.fill([_rect(-0.17 * H, -0.56 * H, 0.17 * H, -0.38 * H)], holes=[_rect(-0.13 * H, -0.52 * H, 0.13 * H,
                                                                                      -0.44 * H)])
    out = rng.uniform(0.4, 0.7) * H
    strap = fr.fill([_rect(-0.11 * H, -0.56 * H - out, 0.11 * H, -0.47 * H)])
    stitches = fr.line([[(s * 0.08 * H, float(y)), (s * 0.08 * H, float(y + 0.03 * H))]
                        for s in (-1, 1) for y in np.arange(-0.54 * H - out, -0.6 * H, 0.06 * H)],
                       max(0.3, 0.012 * H))
    shine = fr.line([[(float(0.33 * H * np.sin(u)), float(-0.1 * H - 0.26 * H * np.cos(u))) for u in t[:7]]],
                    max(0.3, 0.015 * H))
    parts = [(strap, strap_col, 1.0, True), (stitches * strap, strap_col * 0.8, 0.7, False),
             (np.maximum(bar, eye), col, 1.0, True), (tread, col, 1.0, True), (pad, (28, 28, 30), 1.0, True),
             (grooves * pad, (90, 90, 94), 0.6, False), (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


BLADES = ((172, 174, 180), (44, 44, 48))
HANDLES = ((156, 104, 58), (36, 34, 34), (170, 42, 36))


def _sickle(f: np.ndarray, rng) -> np.ndarray:
    """A sickle lying on the print: 48-58% of the side long (at least 15 px); a hooked blade, bright steel 172 / 174 /
    180 or black-painted 44 / 44 / 48 (chosen as for the multimeter), bent round 240 degrees of a circle 30% of its
    length in radius, 9% of its length wide at the tang tapering to a point, its inner (cutting) edge ground bright
    220 / 222 / 226 at 75% (2.5% of its length wide, at least 0.4 px); a steel 178 / 180 / 186 ferrule and a round
    handle 45% of its length long and 9% wide, wood 156 / 104 / 58, near black 36 / 34 / 34 or red 170 / 42 / 36 (one
    at random), its end 15% darker; a shine along the blade's back at 35%; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.48, 0.58))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(BLADES, f, fr, 0.4 * L, rng), np.float32)
    hcol = np.asarray(HANDLES[int(rng.integers(len(HANDLES)))], np.float32)
    cx, cy, R, hy = 0.12 * L, -0.06 * L, 0.3 * L, 0.2 * L  # the hook's circle; the handle's line
    ang = np.deg2rad(np.linspace(130, -110, 30))
    wide = np.linspace(0.09 * L, 0.0, 30)
    outer = [(float(cx + R * np.cos(a)), float(cy + R * np.sin(a))) for a in ang]
    inner = [(float(cx + (R - d) * np.cos(a)), float(cy + (R - d) * np.sin(a))) for a, d in zip(ang, wide)]
    blade = fr.fill([outer + inner[::-1]])
    edge = fr.line([[(float(cx + (R - d + 0.012 * L) * np.cos(a)), float(cy + (R - d + 0.012 * L) * np.sin(a)))
                     for a, d in zip(ang[:-3], wide[:-3])]], max(0.4, 0.025 * L))
    ferrule = fr.fill([_rect(-0.15 * L, hy - 0.05 * L, -0.07 * L, hy + 0.05 * L)])
    handle = fr.fill([[(x, y + hy) for x, y in _bar(-0.5 * L, -0.12 * L, 0.045 * L)]])
    knob = fr.fill([_rect(-0.55 * L, hy - 0.05 * L, -0.47 * L, hy + 0.05 * L)]) * handle
    shine = fr.line([[(float(cx + (R - 0.01 * L) * np.cos(a)), float(cy + (R - 0.01 * L) * np.sin(a)))
                      for a in ang[4:20]]], max(0.3, 0.012 * L))
    parts = [(handle, hcol, 1.0, True), (knob, hcol * 0.85, 1.0, False), (blade, col, 1.0, True),
             (edge * blade, (220, 222, 226), 0.75, False), (ferrule, STEEL, 1.0, True), (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


FANS = ((34, 34, 38), (150, 150, 146), (232, 232, 228))
STICKERS = ((236, 236, 232), (200, 40, 40), (40, 90, 170), (230, 200, 60))


def _case_fan(f: np.ndarray, rng) -> np.ndarray:
    """A computer case fan lying on the print, seen face on: 30-38% of the side across (at least 11 px); near black
    34 / 34 / 38, stone grey 150 / 150 / 146 or white 232 / 232 / 228 (chosen as for the multimeter); a square frame
    with rounded corners round a round opening 94% of its width across, a dark screw hole at each corner; a hub 34%
    of its width across 10% darker with a round sticker (24%) white, red, blue or yellow (one at random); 5-9 swept
    blades from the hub to the opening's rim, 8% lighter (8% darker on the white one) at 95%, the print showing
    between them; a shine along the frame's top at 35%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    S = max(11.0, side * rng.uniform(0.3, 0.38))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(FANS, f, fr, 0.5 * S, rng), np.float32)
    sticker = np.asarray(STICKERS[int(rng.integers(len(STICKERS)))], np.float32)
    frame = fr.fill([_rounded(S, S, 0.1 * S)], holes=[_circle(0.47 * S, 40)])
    holes = fr.fill([_circle(max(0.3, 0.035 * S), 10, sx * 0.41 * S, sy * 0.41 * S) for sx in (-1, 1)
                     for sy in (-1, 1)])
    hub = fr.fill([_circle(0.17 * S, 24)])
    label = fr.fill([_circle(0.12 * S, 20)])
    n = int(rng.integers(5, 10))
    a0 = rng.uniform(0, 2 * np.pi)
    blades = []
    for k in range(n):
        a = a0 + 2 * np.pi * k / n
        half = 0.55 * np.pi / n
        rr = np.linspace(0.16 * S, 0.45 * S, 8)
        sweep = np.deg2rad(28) * (rr - 0.16 * S) / (0.29 * S)
        lead = [(float(r * np.cos(a - half + sw)), float(r * np.sin(a - half + sw))) for r, sw in zip(rr, sweep)]
        wider = half * (1 + 0.6 * (rr - 0.16 * S) / (0.29 * S))  # the blade widening to its tip
        trail = [(float(r * np.cos(a + hw + sw)), float(r * np.sin(a + hw + sw)))
                 for r, hw, sw in zip(rr, wider, sweep)]
        blades.append(lead + trail[::-1])
    blade = fr.fill(blades)
    bcol = col * 0.92 if col.mean() > 200 else np.minimum(col * 1.08 + 6, 255)
    shine = fr.line([[(-0.4 * S, -0.485 * S), (0.4 * S, -0.485 * S)]], max(0.3, 0.015 * S))
    parts = [(blade, bcol, 0.95, True), (frame, col, 1.0, True), (holes * frame, (20, 20, 22), 1.0, False),
             (hub, col * 0.9, 1.0, True), (label, sticker, 1.0, False), (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


# lid plastic, opacity; the rainbow set's lids in turn
LIDS = (((230, 234, 236), 0.45), ((96, 100, 108), 0.65), (None, 0.6))
RAINBOW = ((220, 60, 60), (236, 140, 50), (236, 210, 60), (80, 170, 90), (60, 120, 210), (90, 80, 170),
           (170, 90, 180))
PILLS = ((242, 242, 238), (230, 200, 90), (220, 140, 150), (150, 190, 230))


def _pill_organiser(f: np.ndarray, rng) -> np.ndarray:
    """A weekly pill organiser lying on the print: a strip of seven lidded compartments 50-60% of the side long (at
    least 16 px) and 20% of that wide, of translucent plastic: clear 230 / 234 / 236 at 45%, smoked 96 / 100 / 108 at
    65% or a rainbow set (each lid its own colour, red to violet) at 60% (one at random); the hinge along one side and
    the dividers between the compartments (1.5% of its length wide, at least 0.4 px) 20% darker at 20% more (grey 110 /
    110 / 120 on the rainbow set); a thumb tab on each lid's front edge 10% lighter; in each compartment 0-3 pills
    (ellipses 4-6% of its length long) white, yellow, pink or pale blue, seen through the lid; a highlight along the
    lids at 45%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30% (15% for the clear
    one)."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(16.0, side * rng.uniform(0.5, 0.6))
    fr = _frame_at(h, w, rng)
    plastic, alpha = LIDS[int(rng.integers(len(LIDS)))]
    cw = L / 7
    W = 0.2 * L
    x0 = -L / 2
    lids, pills, tabs = [], [], []
    for k in range(7):
        lo = x0 + k * cw
        lids.append(_rect(lo + 0.04 * cw, -W / 2, lo + 0.96 * cw, W / 2))
        tabs.append(_rect(lo + 0.3 * cw, W / 2 - 0.02 * L, lo + 0.7 * cw, W / 2 + 0.025 * L))
        for _ in range(int(rng.integers(0, 4))):
            pills.append((_ellipse(lo + cw * rng.uniform(0.3, 0.7), W * rng.uniform(-0.25, 0.25),
                                   L * rng.uniform(0.02, 0.03), L * rng.uniform(0.012, 0.018),
                                   rng.uniform(0, np.pi), 12), PILLS[int(rng.integers(len(PILLS)))]))
    body = fr.fill([_rect(x0, -W / 2, -x0, W / 2)])
    divs = fr.line([[(float(x0 + k * cw), -W / 2), (float(x0 + k * cw), W / 2)] for k in range(8)]
                   + [[(x0, -W / 2), (-x0, -W / 2)]], max(0.4, 0.015 * L))
    tab = fr.fill(tabs)
    shine = fr.line([[(x0 + 0.05 * L, -0.3 * W), (-x0 - 0.05 * L, -0.3 * W)]], max(0.35, 0.015 * L))
    parts = [(fr.fill([p]), c, 1.0, False) for p, c in pills]
    if plastic is None:  # each lid its own colour
        for k in range(7):
            lid = fr.fill([lids[k]])
            c = np.asarray(RAINBOW[k], np.float32)
            parts += [(lid, c, alpha, True), (fr.fill([tabs[k]]), np.minimum(c * 1.1 + 10, 255), alpha, True)]
        parts += [(divs, (110, 110, 120), min(1.0, alpha + 0.2), False)]
    else:
        c = np.asarray(plastic, np.float32)
        parts += [(body, c, alpha, True), (tab, np.minimum(c * 1.1 + 10, 255), alpha, True),
                  (divs, c * 0.8, min(1.0, alpha + 0.2), False)]
    parts += [(shine, WHITE, 0.45, False)]
    return _u8(_laid(f, parts, 0.3 if alpha > 0.5 else 0.15))


TRAVERTINES = np.array([(222, 208, 182), (180, 150, 112), (188, 184, 174)], np.float32)


def _travertine(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a slab of travertine (a limestone laid down by hot springs, its gas bubbles left as
    pores): the ink multiplied onto the stone, 42-54% of the way from the picture (35% of its tone added at that share);
    cream 222 / 208 / 182, walnut 180 / 150 / 112 or silver 188 / 184 / 174 (one at random), cut along its bedding
    (turned by up to 6 degrees): layers of 1.5-3% of the side 12% lighter or darker (a field along the bedding) and a
    mottle of 4% (a field of 10% of the side); its pores, about one per 7% of the side squared, more of them in the
    lighter layers: slits along the bedding (give or take 10 degrees) 2-8% of the side long and 0.5-1.5% of it wide (at
    least 0.5 px), 50% of the stone's tone at 80-95%, each with a lip 10% lighter under it at 35%; drawn at 2 times the
    size and averaged: a bedded, pitted stone, not BT's septarian nodule, BS's kyanite, BR's porphyry, sandstone,
    breccia, terrazzo or any stone or ground of the earlier lists."""
    from scipy.ndimage import gaussian_filter1d

    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    up = lambda m: np.kron(m, np.ones((s, s)))  # noqa: E731
    tone = TRAVERTINES[int(rng.integers(len(TRAVERTINES)))]
    a = np.deg2rad(rng.uniform(-6, 6))
    v = -xx * np.sin(a) + yy * np.cos(a)
    lo = float(v.min())
    n = int(np.ceil((float(v.max()) - lo) * s)) + 2
    layers = gaussian_filter1d(rng.normal(0, 1, n), max(1.0, side * s * rng.uniform(0.015, 0.03)))
    layers = (layers - layers.mean()) / max(float(layers.std()), 1e-6)
    band = layers[((v - lo) * s).astype(np.int64)]
    mot = up(_field(h, w, 0.1 * side, rng))
    ground = tone * ((1 + 0.12 * np.tanh(band)) * (1 + 0.04 * np.tanh(mot)))[..., None]
    ident = _Frame((h * s, w * s), 0.0, 0.0, 0.0)
    pores, lips = [], []
    for _ in range(int(h * w / (0.07 * side) ** 2 * rng.uniform(0.8, 1.3))):
        px, py = rng.uniform(0, w), rng.uniform(0, h)
        bv = band[min(int(py * s), h * s - 1), min(int(px * s), w * s - 1)]
        if rng.random() > 0.3 + 0.7 * float(bv > 0):
            continue
        ln = side * rng.uniform(0.01, 0.04) * s
        wd = max(0.25 * s, side * rng.uniform(0.0025, 0.0075) * s)
        t = a + np.deg2rad(rng.uniform(-10, 10))
        pores.append(_ellipse(px * s, py * s, ln, wd, t, 14))
        lips.append(_ellipse(px * s - 0.6 * wd * np.sin(t), py * s + 0.6 * wd * np.cos(t), ln, wd, t, 14))
    if pores:
        ground = _paint(ground, ident.fill(lips) * 0.35, np.minimum(tone * 1.1, 255))
        ground = _paint(ground, ident.fill(pores) * rng.uniform(0.8, 0.95), tone * 0.5)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


THATCHES = np.array([(204, 178, 118), (138, 124, 100), (106, 88, 64)], np.float32)
HAZEL = np.array([96, 76, 50], np.float32)


def _thatch(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a thatched roof: the ink multiplied onto the thatch, 42-54% of the way from the picture
    (35% of its tone added at that share); new straw 204 / 178 / 118, weathered grey-brown 138 / 124 / 100 or old dark
    106 / 88 / 64 (one at random, a tone field of 12% of the side 6% deep), its stems running down the roof's slope
    (turned by up to 8 degrees): streaks up to 28% lighter or darker (noise drawn 4-6% of the side long along the stems
    and 0.2-0.4% across, standardised ``z``, as ``0.28 tanh(1.5 z)``); 1-2 pairs of hazel liggers (rods 0.8-1.2% of the
    side wide, at least 0.6 px, 96 / 76 / 50 at 90%, the pair 5-8% of the side apart) pinned across it, with spars
    between each pair in a zigzag at 85%, each ligger casting a shadow 25% darker just below it; drawn at 2 times the
    size and averaged: a straw roof, not BT's cedar shingles, a tatami mat, a coir mat, hessian, a broom or any ground
    of the earlier lists."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    up = lambda m: np.kron(m, np.ones((s, s)))  # noqa: E731
    tone = THATCHES[int(rng.integers(len(THATCHES)))]
    a = np.deg2rad(rng.uniform(-8, 8))
    u = xx * np.cos(a) + yy * np.sin(a)  # across the stems
    v = -xx * np.sin(a) + yy * np.cos(a)  # along them
    u0, v0 = float(u.min()), float(v.min())
    nu, nv = int(np.ceil((float(u.max()) - u0) * s)) + 2, int(np.ceil((float(v.max()) - v0) * s)) + 2
    tex = gaussian_filter(rng.normal(0, 1, (nv, nu)).astype(np.float32),
                          (side * s * rng.uniform(0.04, 0.06), max(0.5, side * s * rng.uniform(0.002, 0.004))))
    tex = (tex - tex.mean()) / max(float(tex.std()), 1e-6)
    streak = map_coordinates(tex, [(v - v0) * s, (u - u0) * s], order=1)
    shade = (1 + 0.06 * np.tanh(up(_field(h, w, 0.12 * side, rng)))) * (1 + 0.28 * np.tanh(1.5 * streak))
    ground = tone * shade[..., None]
    fr = _Frame((h * s, w * s), w * s / 2, h * s / 2, a)
    D = float(np.hypot(h, w)) * s
    rods, spars, shades = [], [], []
    for _ in range(int(rng.integers(1, 3))):
        vc = rng.uniform(-0.35, 0.35) * h * s
        gap = side * s * rng.uniform(0.05, 0.08)
        for y in (vc, vc + gap):
            rods.append([(-D, float(y)), (D, float(y))])
            shades.append([(-D, float(y + 0.012 * side * s)), (D, float(y + 0.012 * side * s))])
        step = gap * 0.9
        xs = np.arange(-D, D, step)
        spars.append([(float(x), float(vc if k % 2 == 0 else vc + gap)) for k, x in enumerate(xs)])
    lw = max(0.6 * s, side * s * rng.uniform(0.008, 0.012))
    ground = ground * (1 - 0.25 * fr.line(shades, lw))[..., None]
    ground = _paint(ground, fr.line(spars, 0.7 * lw) * 0.85, HAZEL * 1.1)
    ground = _paint(ground, fr.line(rods, lw) * 0.9, HAZEL)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


MORTARS = np.array([(214, 206, 188), (196, 190, 178)], np.float32)
CORTEX = np.array([232, 228, 214], np.float32)


def _flint_wall(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a knapped flint wall: the ink multiplied onto the wall, 42-54% of the way from the
    picture (35% of its tone added at that share); lime mortar, cream 214 / 206 / 188 or grey 196 / 190 / 178 (one at
    random), mottled by 5% (a field of 8% of the side) and speckled with sand grains; set in it in rough courses
    7-10% of the side high, flints 6-11% of the side across (irregular rounded outlines, 10-20% out of round, gaps of
    10-25% between them): 70% knapped, a glassy face grey 38-90 (bluish by 6 levels) with its white cortex 232 / 228
    / 214 round it (10-25% of its radius) and a pale glint at 20%, the rest whole nodules in their cortex mottled
    grey at 15%; drawn at 2 times the size and averaged: a wall of split flints in mortar, not AS's cobbled street,
    BT's septarian nodule, a brick wall, roughcast or any wall or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    up = lambda m: np.kron(m, np.ones((s, s)))  # noqa: E731
    mortar = MORTARS[int(rng.integers(len(MORTARS)))]
    ground = mortar * (1 + 0.05 * np.tanh(up(_field(h, w, 0.08 * side, rng))))[..., None]
    grains = (rng.random((h * s, w * s)) < 0.04).astype(np.float32)
    ground = ground * (1 - 0.18 * grains)[..., None]
    ident = _Frame((h * s, w * s), 0.0, 0.0, 0.0)
    ch = side * rng.uniform(0.07, 0.1)
    y = -rng.uniform(0, ch)
    cortex, faces, wholes, glints, faces_col = [], [], [], [], []
    while y < h + ch:
        x = -rng.uniform(0, 0.1 * side)
        while x < w + 0.1 * side:
            d = side * rng.uniform(0.06, 0.11)
            r = d / 2
            cx, cy = x + r, y + ch / 2 + rng.uniform(-0.15, 0.15) * ch
            k = np.linspace(0, 2 * np.pi, 16, endpoint=False)
            rough = 1 + rng.uniform(0.1, 0.2) * np.sin(k * rng.integers(2, 4) + rng.uniform(0, 6.3)) \
                + rng.uniform(-0.08, 0.08, 16)
            ry = min(r, 0.55 * ch) / r
            blob = [(float((cx + r * q * np.cos(t)) * s), float((cy + r * ry * q * np.sin(t)) * s))
                    for q, t in zip(rough, k)]
            if rng.random() < 0.7:
                cortex.append(blob)
                c = rng.uniform(0.75, 0.9)
                faces.append([((px - cx * s) * c + cx * s, (py - cy * s) * c + cy * s) for px, py in blob])
                g = rng.uniform(38, 90)
                faces_col.append(np.array([g, g + 2, g + 6], np.float32))
                glints.append(_ellipse((cx - 0.25 * r) * s, (cy - 0.25 * r * ry) * s, 0.3 * r * s, 0.12 * r * s,
                                       rng.uniform(0, np.pi), 10))
            else:
                wholes.append(blob)
            x += d * (1 + rng.uniform(0.1, 0.25))
        y += ch
    ground = _paint(ground, ident.fill(cortex + wholes), CORTEX)
    if wholes:
        mott = np.clip(0.5 + 0.5 * up(_field(h, w, 0.02 * side, rng)), 0, 1)
        ground = _paint(ground, ident.fill(wholes) * 0.15 * mott, (130, 130, 128))
    for poly, c in zip(faces, faces_col):
        ground = _paint(ground, ident.fill([poly]), c)
    if glints:
        ground = _paint(ground, ident.fill(glints) * 0.2, (220, 224, 232))
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bu(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "multimeter":  # a multimeter with its test leads on the print
        return _multimeter(f, rng)
    if kind == "stirrup":  # a stirrup iron and its leather on the print
        return _stirrup(f, rng)
    if kind == "sickle":  # a sickle on the print
        return _sickle(f, rng)
    if kind == "case_fan":  # a computer case fan on the print
        return _case_fan(f, rng)
    if kind == "pill_organiser":  # a translucent weekly pill organiser on the print
        return _pill_organiser(f, rng)
    if kind == "travertine":  # the picture printed on travertine
        return _travertine(f, rng)
    if kind == "thatch":  # the picture printed on a thatched roof
        return _thatch(f, rng)
    if kind == "flint_wall":  # the picture printed on a knapped flint wall
        return _flint_wall(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
RAWHIDE = np.array([224, 190, 130], np.float32)
RAWHIDE_HAZE = np.array([236, 218, 178], np.float32)


def _rawhide(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through a sheet of rawhide (a goatskin limed, scraped thin and dried untanned, as stretched
    on a frame drum) laid flat over it, lit from the front: the skin scatters the light, a Gaussian of 1.5-2.3% of
    the side (at least 1 px) and a tail 2.3 times as wide for 22-32%; it filters the picture 25-35% of the way to its
    amber 224 / 190 / 130 and hazes it 10-16% of the way to 236 / 218 / 178, 35% more or less where it was scraped
    thicker or thinner (a field of 8% of the side); 40-120 hair follicles (dots 0.3-0.6% of the side across, at least
    0.4 px) 110 / 80 / 50 at 20-35%, in short rows; 2-5 faint veins (wavy branching lines 30-70% of the side long,
    0.5-1% of it wide, at least 0.5 px, softened by 30% of the blur) 150 / 96 / 70 at 12-20%; as a camera metering on
    the highlights exposes it: an untanned skin, not AT's horn, BT's yuba, BS's filo pastry, BA's baking mat, a
    leather hide (their grounds) or any haze, veil, glass, copy or print process of the earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    k = rng.uniform(0.22, 0.32)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.3 * s) * k
    thick = 1 + 0.35 * np.tanh(_field(h, w, 0.08 * side, rng))
    out = out * (1 - (rng.uniform(0.25, 0.35) * thick)[..., None] * (1 - RAWHIDE / 255))
    out = out + (RAWHIDE_HAZE - out) * (rng.uniform(0.1, 0.16) * thick)[..., None]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    dots = []
    n = int(rng.integers(40, 121))
    while len(dots) < n:
        x, y, ang = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, np.pi)
        for j in range(int(rng.integers(2, 6))):
            r = max(0.2, side * rng.uniform(0.0015, 0.003))
            step = side * 0.012 * j
            dots.append(_circle(r, 8, x + step * np.cos(ang), y + step * np.sin(ang)))
    out = _paint(out, ident.fill(dots[:n]) * rng.uniform(0.2, 0.35), (110, 80, 50))
    veins = []
    for _ in range(int(rng.integers(2, 6))):
        x, y, ang = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, 2 * np.pi)
        ln = side * rng.uniform(0.3, 0.7)
        ph = rng.uniform(0, 2 * np.pi)
        main = [(float(x + t * ln * np.cos(ang) - 0.03 * side * np.sin(ang) * np.sin(6 * t + ph)),
                 float(y + t * ln * np.sin(ang) + 0.03 * side * np.cos(ang) * np.sin(6 * t + ph)))
                for t in np.linspace(0, 1, 14)]
        veins.append(main)
        bx, by = main[int(rng.integers(4, 10))]
        b = ang + rng.choice([-1, 1]) * rng.uniform(0.4, 0.9)
        veins.append([(bx, by), (float(bx + 0.3 * ln * np.cos(b)), float(by + 0.3 * ln * np.sin(b)))])
    m = gaussian_filter(ident.line(veins, max(0.5, side * rng.uniform(0.005, 0.01))), max(0.5, 0.3 * s))
    out = _paint(out, m / max(float(m.max()), 1e-6) * rng.uniform(0.12, 0.2), (150, 96, 70))
    return _u8(_metered(np.maximum(out, 0), f))


HUSK = np.array([236, 220, 168], np.float32)
HUSK_HAZE = np.array([242, 234, 206], np.float32)


def _maize_husk(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through two dried maize husks (the leaves round a cob, dried as tamale wrappers) laid over it
    side by side and overlapping, lit from the front: the husk scatters the light, a Gaussian of 1.4-2.4% of the side
    (at least 1 px) and a tail 2.2 times as wide for 20-30%; it filters the picture 20-30% of the way to its straw
    236 / 220 / 168 and hazes it 8-14% of the way to 242 / 234 / 206; its veins run along it (turned 0-25 degrees
    from the picture's side, either way), every 1.2-2.2% of the side, 4-8% darker, every 3rd-5th a rib twice as dark,
    softened by 30% of the blur; where the two husks overlap (a band 20-40% of the side wide along them) the filter
    and haze are 1.6 times as strong and each husk's edge is a line 15% darker; 0-6 brown drying spots (2-5% of the
    side across) 176 / 132 / 80 at 10-20%; as a camera metering on the highlights exposes it: a dried leaf, not BT's
    yuba or fruit leather, a corn cob, AY's physalis husk, BE's cicada husk (objects), papyrus or any haze, veil,
    glass, copy or print process of the earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    s = max(1.0, side * rng.uniform(0.014, 0.024))
    k = rng.uniform(0.2, 0.3)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.2 * s) * k
    a = np.deg2rad(rng.uniform(0, 25) * rng.choice([-1, 1]) + (90 if rng.random() < 0.5 else 0))
    across = xx * np.cos(a) + yy * np.sin(a)
    c0 = float(np.percentile(across, rng.uniform(25, 55)))
    band = side * rng.uniform(0.2, 0.4)
    over = ((across > c0) & (across < c0 + band)).astype(np.float32)
    over = gaussian_filter(over, max(0.5, 0.3 * s))
    strength = 1 + 0.6 * over
    out = out * (1 - (rng.uniform(0.2, 0.3) * strength)[..., None] * (1 - HUSK / 255))
    out = out + (HUSK_HAZE - out) * (rng.uniform(0.08, 0.14) * strength)[..., None]
    pitch = side * rng.uniform(0.012, 0.022)
    every = int(rng.integers(3, 6))
    ph = rng.uniform(0, pitch)
    idx = np.floor((across + ph) / pitch)
    near = np.abs((across + ph) / pitch - idx - 0.5)  # 0.5 on a vein, 0 between two
    vein = np.clip((near - 0.38) / 0.12, 0, 1)
    rib = vein * (np.mod(idx, every) == 0)
    veins = gaussian_filter(vein * rng.uniform(0.04, 0.08) + rib * rng.uniform(0.04, 0.08), max(0.5, 0.3 * s))
    edges = np.clip(1 - np.minimum(np.abs(across - c0), np.abs(across - c0 - band)) / max(0.6, 0.004 * side), 0, 1)
    out = out * (1 - veins - 0.15 * gaussian_filter(edges, max(0.5, 0.3 * s)))[..., None]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    spots = [_ellipse(rng.uniform(0, w), rng.uniform(0, h), side * rng.uniform(0.01, 0.025),
                      side * rng.uniform(0.008, 0.02), rng.uniform(0, np.pi), 14)
             for _ in range(int(rng.integers(0, 7)))]
    if spots:
        m = gaussian_filter(ident.fill(spots), max(0.5, 0.3 * s))
        out = _paint(out, m * rng.uniform(0.1, 0.2), (176, 132, 80))
    return _u8(_metered(np.maximum(out, 0), f))


def blur_bu(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "rawhide":  # seen through a sheet of rawhide
        return _rawhide(f, rng)
    if kind == "maize_husk":  # seen through two dried maize husks
        return _maize_husk(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
BLANKET_LEDS = np.array([(1.0, 0.2, 0.1), (1.0, 0.5, 0.12)], np.float32)


def _blanket_control(f: np.ndarray, rng) -> np.ndarray:
    """A bedroom at night lit only by an electric blanket's controller: a dark duvet 36 / 34 / 40 across the bottom
    from 70-80% of the way down with 2-4 soft folds 28 / 26 / 30; on it, 25-75% across, the controller, a rounded box
    14-18% of the side long and 45% of that wide, 44 / 44 / 48, with a dark 30 / 30 / 32 dial and its heat-setting
    light beside it, a dot 1.2% of the side across (at least 0.8 px), red 1 / 0.2 / 0.1 or orange 1 / 0.5 / 0.12 at
    240-255; its cord (1% of the side thick, at least 0.5 px) 26 / 26 / 28 curving off to a side; a glow of sigma 3-5%
    of the side up to 40-55 levels in its colour; the picture lit in that colour at a gain of 0.015-0.03 plus
    0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the light, ``d0`` 20-28% of the
    side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = BLANKET_LEDS[int(rng.integers(len(BLANKET_LEDS)))]
    dy = h * rng.uniform(0.7, 0.8)
    bl = side * rng.uniform(0.14, 0.18)
    bw = 0.45 * bl
    cx = w * rng.uniform(0.25, 0.75)
    cy = dy + (h - dy) * rng.uniform(0.3, 0.5)
    s = 1 if rng.random() < 0.5 else -1
    lx, ly = cx + s * 0.22 * bl, cy
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.2, 0.28), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    duvet = ident.fill([[(-1.0, dy)] + [(float(x), float(dy + 0.015 * side * np.sin(x / side * 9 + 1.3)))
                                          for x in np.linspace(0, w, 12)] + [(w + 1.0, dy), (w + 1.0, h + 1.0),
                                                                                (-1.0, h + 1.0)]])
    folds = []
    for _ in range(int(rng.integers(2, 5))):
        x0, y0 = rng.uniform(0, w), rng.uniform(dy, h)
        folds.append([(float(x0 + t * 0.4 * side), float(y0 + 0.05 * side * np.sin(3 * t)))
                      for t in np.linspace(-1, 1, 8)])
    box = ident.fill([_rounded(bl, bw, 0.2 * bw, cx, cy)])
    dial = ident.fill([_circle(0.13 * bl, 16, cx - s * 0.15 * bl, cy)])
    cord = ident.line([[(float(cx - s * (bl / 2 + t * 0.5 * side)), float(cy + 0.2 * side * t ** 2))
                        for t in np.linspace(0, 1, 10)]], max(0.5, 0.01 * side))
    led = ident.fill([_circle(max(0.4, 0.006 * side), 10, lx, ly)])
    out = _paint(_paint(out, duvet, (36, 34, 40)), ident.line(folds, max(0.6, 0.012 * side)) * duvet * 0.7,
                 (28, 26, 30))
    out = _paint(_paint(out, cord, (26, 26, 28)), box, (44, 44, 48))
    out = _paint(_paint(out, dial, (30, 30, 32)), led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * col)


SOUNDBAR_LEDS = np.array([(1.0, 1.0, 1.0), (0.3, 0.5, 1.0), (0.35, 1.0, 0.45)], np.float32)


def _soundbar(f: np.ndarray, rng) -> np.ndarray:
    """A living room at night lit only by a soundbar's status light: a television cabinet's dark top 34 / 30 / 28 from
    78-86% of the way down and its front 28 / 25 / 24 below a lip; on it, centred 40-60% across, the soundbar, a long
    rounded bar 46-60% of the side long and 5-7% of it high, 30 / 30 / 32, its front a grille of 8-14 fine horizontal
    lines 38 / 38 / 40; on its front, 20-80% along it, its status light, a dot 1% of the side across (at least 0.8 px),
    white 1 / 1 / 1, blue 0.3 / 0.5 / 1 or green 0.35 / 1 / 0.45 at 240-255; a glow of sigma 3-5% of the side up to
    35-50 levels in its colour; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as
    ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the light, ``d0`` 18-26% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = SOUNDBAR_LEDS[int(rng.integers(len(SOUNDBAR_LEDS)))]
    ty = h * rng.uniform(0.78, 0.86)
    bl = side * rng.uniform(0.46, 0.6)
    bh = side * rng.uniform(0.05, 0.07)
    cx = w * rng.uniform(0.4, 0.6)
    y1 = ty + 0.01 * side
    y0 = y1 - bh
    lx, ly = cx - bl / 2 + bl * rng.uniform(0.2, 0.8), y0 + 0.55 * bh
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.18, 0.26), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    top = ident.fill([_rect(-1.0, ty, w + 1.0, ty + 0.04 * side)])
    front = ident.fill([_rect(-1.0, ty + 0.04 * side, w + 1.0, h + 1.0)])
    bar = ident.fill([_rounded(bl, bh, 0.45 * bh, cx, (y0 + y1) / 2)])
    grille = ident.line([[(cx - 0.47 * bl, float(y)), (cx + 0.47 * bl, float(y))]
                         for y in np.linspace(y0 + 0.2 * bh, y1 - 0.2 * bh, int(rng.integers(8, 15)))],
                        max(0.3, 0.003 * side)) * bar
    led = ident.fill([_circle(max(0.4, 0.005 * side), 10, lx, ly)])
    out = _paint(_paint(out, top, (34, 30, 28)), front, (28, 25, 24))
    out = _paint(_paint(out, bar, (30, 30, 32)), grille, (38, 38, 40))
    out = _paint(out, led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(35, 50) * col)


HEAT_LEDS = np.array([(1.0, 0.2, 0.1), (1.0, 0.6, 0.15)], np.float32)


def _thermostat(f: np.ndarray, rng) -> np.ndarray:
    """A landing at night lit only by a central-heating room thermostat's heating-on light: on the wall a panel
    radiator 40-60% of the side wide, 25-75% across, from 78-86% of the way down to past the bottom, 40 / 40 / 44 with
    8-14 vertical flutes 32 / 32 / 36 and a valve 30 / 30 / 32 at one end; above it, 45-65% of the way down, the
    thermostat, a square box 9-12% of the side across, 46 / 46 / 50, with a round dial 70% of its width across 38 / 38
    / 42 and a pointer 30 / 30 / 32; under the dial its heating-on light, a dot 1% of the side across (at least 0.8
    px), red 1 / 0.2 / 0.1 or amber 1 / 0.6 / 0.15 at 240-255; a glow of sigma 3-5% of the side up to 40-55 levels in
    its colour; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d /
    d0) ** 2)`` with the distance ``d`` from the light, ``d0`` 20-28% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = HEAT_LEDS[int(rng.integers(len(HEAT_LEDS)))]
    rw = side * rng.uniform(0.4, 0.6)
    rx = w * rng.uniform(0.25, 0.75)
    ry = h * rng.uniform(0.78, 0.86)
    tb = side * rng.uniform(0.09, 0.12)
    tx = rx + rng.uniform(-0.25, 0.25) * rw
    ty = h * rng.uniform(0.45, 0.65)
    lx, ly = tx, ty + 0.36 * tb
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.2, 0.28), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    rad = ident.fill([_rect(rx - rw / 2, ry, rx + rw / 2, h + 1.0)])
    flutes = ident.line([[(float(x), ry + 0.01 * side), (float(x), h + 1.0)]
                         for x in np.linspace(rx - 0.46 * rw, rx + 0.46 * rw, int(rng.integers(8, 15)))],
                        max(0.5, 0.008 * side))
    s = 1 if rng.random() < 0.5 else -1
    valve = ident.fill([_rect(rx + s * rw / 2, ry + 0.04 * side, rx + s * (rw / 2 + 0.03 * side), ry + 0.09 * side)])
    box = ident.fill([_rounded(tb, tb, 0.1 * tb, tx, ty)])
    dial = ident.fill([_circle(0.35 * tb, 20, tx, ty - 0.05 * tb)])
    a = rng.uniform(0, 2 * np.pi)
    pointer = ident.line([[(tx, ty - 0.05 * tb), (float(tx + 0.3 * tb * np.cos(a)), float(ty - 0.05 * tb
                                                                                          + 0.3 * tb * np.sin(a)))]],
                         max(0.4, 0.004 * side))
    led = ident.fill([_circle(max(0.4, 0.005 * side), 10, lx, ly)])
    out = _paint(_paint(out, rad, (40, 40, 44)), flutes * rad, (32, 32, 36))
    out = _paint(_paint(out, valve, (30, 30, 32)), box, (46, 46, 50))
    out = _paint(_paint(out, dial, (38, 38, 42)), pointer * dial, (30, 30, 32))
    out = _paint(out, led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * col)


def dark_bu(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "blanket_control":  # a bedroom lit only by an electric blanket controller's light
        return _blanket_control(f, rng)
    if kind == "soundbar":  # a living room lit only by a soundbar's status light
        return _soundbar(f, rng)
    if kind == "thermostat":  # a landing lit only by a room thermostat's heating-on light
        return _thermostat(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _woodpecker(size: int, rng) -> dict:
    """A great spotted woodpecker clinging to a tree trunk, seen from the side, on either side of the trunk: the trunk
    a band 26-34% of the side wide 44-56% across, leaning by up to 5 degrees, with 5-9 wavy bark fissures and 0-1
    round nest hole; the bird at its edge, its belly to the bark: a body (an ellipse 30% of the side long and 13% wide)
    leaning back from the trunk, a white belly, a white shoulder patch on its black back, a head (12% across) with a
    black cap, a red nape, a white face with a black stripe and an eye, a chisel bill 10% long touching the bark, a
    stiff tail propped against the trunk below it, a red patch under the tail and two feet gripping the bark (0-1
    coverage each)."""
    big = 4 * size
    M = _canvas(("trunk", "fissures", "hole", "body", "belly", "patch", "tail", "head", "cap", "nape", "stripe",
                 "bill", "vent", "feet", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1  # the bird on the trunk's left (facing right) or right
    tc = big * rng.uniform(0.44, 0.56)
    tw = big * rng.uniform(0.26, 0.34)
    lean = np.tan(np.deg2rad(rng.uniform(-5, 5))) * big
    d["trunk"].polygon([(tc - tw / 2 + lean / 2, 0), (tc + tw / 2 + lean / 2, 0), (tc + tw / 2 - lean / 2, big),
                        (tc - tw / 2 - lean / 2, big)], fill=255)
    for x in tc + tw * rng.uniform(-0.4, 0.4, int(rng.integers(5, 10))):
        ph = rng.uniform(0, 6.3)
        d["fissures"].line([(float(x + lean * (0.5 - y / big) + 0.015 * big * np.sin(y / big * 14 + ph)), float(y))
                            for y in np.linspace(0, big, 16)], fill=255, width=max(1, round(0.008 * big)))
    if rng.random() < 0.5:
        hx0, hy0 = tc + lean * 0.2, big * rng.uniform(0.15, 0.3)
        d["hole"].ellipse((hx0 - 0.05 * big, hy0 - 0.06 * big, hx0 + 0.05 * big, hy0 + 0.06 * big), fill=255)
    by = big * rng.uniform(0.42, 0.52)
    xe = tc - s * tw / 2 + lean * (0.5 - by / big)  # the trunk's edge at the bird
    bx = xe - s * 0.075 * big
    tilt = s * 0.3  # the body's top leans back from the trunk
    d["body"].polygon(_ellipse(bx, by, 0.065 * big, 0.15 * big, tilt, 30), fill=255)
    d["belly"].polygon(_ellipse(bx + s * 0.03 * big, by + 0.02 * big, 0.035 * big, 0.11 * big, tilt, 24), fill=255)
    d["patch"].polygon(_ellipse(bx - s * 0.025 * big, by - 0.03 * big, 0.022 * big, 0.05 * big, tilt, 16), fill=255)
    d["tail"].polygon([(bx - s * 0.01 * big, by + 0.1 * big), (bx + s * 0.05 * big, by + 0.1 * big),
                       (xe - s * 0.005 * big, by + 0.3 * big), (xe - s * 0.03 * big, by + 0.3 * big)], fill=255)
    d["vent"].polygon(_ellipse(bx + s * 0.03 * big, by + 0.13 * big, 0.022 * big, 0.03 * big, tilt, 12), fill=255)
    hx, hy = bx - s * 0.02 * big, by - 0.17 * big
    r = 0.06 * big
    d["head"].ellipse((hx - r, hy - r, hx + r, hy + r), fill=255)
    d["cap"].chord((hx - r, hy - r, hx + r, hy + r), 200, 340, fill=255)
    d["nape"].ellipse((hx - s * 0.05 * big - 0.022 * big, hy - 0.035 * big, hx - s * 0.05 * big + 0.022 * big,
                       hy + 0.01 * big), fill=255)
    d["stripe"].line([(hx + s * 0.04 * big, hy + 0.02 * big), (hx - s * 0.03 * big, hy + 0.035 * big),
                      (hx - s * 0.05 * big, hy + 0.07 * big)], fill=255, width=max(1, round(0.014 * big)))
    d["bill"].polygon([(hx + s * 0.045 * big, hy - 0.018 * big), (hx + s * 0.15 * big, hy + 0.005 * big),
                       (hx + s * 0.045 * big, hy + 0.015 * big)], fill=255)
    er = 0.011 * big
    d["eye"].ellipse((hx + s * 0.02 * big - er, hy - 0.01 * big - er, hx + s * 0.02 * big + er, hy - 0.01 * big + er),
                     fill=255)
    for fy in (by + 0.02 * big, by + 0.08 * big):
        d["feet"].line([(bx + s * 0.04 * big, fy), (xe + s * 0.01 * big, fy + 0.02 * big)], fill=255,
                       width=max(1, round(0.012 * big)))
    out = {k: _down(v, size) for k, v in M.items()}
    out["fissures"] = out["fissures"] * out["trunk"]
    out["hole"] = out["hole"] * out["trunk"]
    return out


def _milk_float(size: int, rng) -> dict:
    """An electric milk float on a street, seen from the side, facing either way: the road from 76-84% of the way down
    with a kerb; the float 56-68% of the side long on four small wheels (3.5% of the side in radius) with hubs: a low
    deck with a coloured stripe along its side, a cab at the front (22% of its length long) under a flat roof that
    runs the float's whole length on two posts, the cab's windscreen and its open door; on the deck behind it 2-3 tiers
    of 3-5 crates, each with 3 milk bottles showing through its side slots, and the bottles' tops along the top tier
    (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("road", "kerb", "deck", "stripe", "cab", "screen", "door", "roof", "posts", "crates", "bottles",
                 "wheels", "hubs"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.76, 0.84)
    d["road"].rectangle((0, gy, big, big), fill=255)
    d["kerb"].rectangle((0, gy - 0.015 * big, big, gy + 0.005 * big), fill=255)
    L = big * rng.uniform(0.56, 0.68)
    cx = big * (0.5 + rng.uniform(-0.04, 0.04))
    front, back = cx + s * L / 2, cx - s * L / 2
    R = 0.035 * big
    deck_top = gy - 2 * R - 0.04 * big
    x0, x1 = sorted((front, back))
    d["deck"].rectangle((x0, deck_top, x1, gy - 0.6 * R), fill=255)
    d["stripe"].rectangle((x0, deck_top + 0.015 * big, x1, deck_top + 0.03 * big), fill=255)
    roof_y = deck_top - big * rng.uniform(0.22, 0.28)
    c0, c1 = sorted((front, front - s * 0.22 * L))
    d["cab"].rectangle((c0, roof_y, c1, deck_top), fill=255)
    w0, w1 = sorted((front - s * 0.01 * L, front - s * 0.05 * L))
    d["screen"].polygon([(front - s * 0.005 * L, roof_y + 0.02 * big), (front - s * 0.06 * L, roof_y + 0.02 * big),
                         (front - s * 0.06 * L, roof_y + 0.11 * big), (front - s * 0.01 * L, roof_y + 0.11 * big)],
                        fill=255)
    dx0, dx1 = sorted((front - s * 0.08 * L, front - s * 0.19 * L))
    d["door"].rectangle((dx0, roof_y + 0.03 * big, dx1, deck_top - 0.005 * big), fill=255)
    d["roof"].rectangle((x0 - 0.01 * big, roof_y - 0.02 * big, x1 + 0.01 * big, roof_y), fill=255)
    for px in (back + s * 0.02 * L, front - s * 0.6 * L):
        d["posts"].rectangle((px - 0.008 * big, roof_y, px + 0.008 * big, deck_top), fill=255)
    bed0, bed1 = sorted((front - s * 0.25 * L, back + s * 0.04 * L))
    n = int(rng.integers(3, 6))
    tiers = int(rng.integers(2, 4))
    cw = (bed1 - bed0) / n
    chh = min(0.06 * big, (deck_top - roof_y - 0.04 * big) / tiers)
    for t in range(tiers):
        yb = deck_top - t * chh
        for k in range(n):
            xa = bed0 + k * cw + 0.004 * big
            xb = xa + cw - 0.008 * big
            d["crates"].rectangle((xa, yb - chh + 0.004 * big, xb, yb), fill=255)
            for j in range(3):
                bxa = xa + (xb - xa) * (0.12 + 0.3 * j)
                d["bottles"].rectangle((bxa, yb - 0.75 * chh, bxa + (xb - xa) * 0.16, yb - 0.3 * chh), fill=255)
                if t == tiers - 1:
                    d["bottles"].rectangle((bxa + 0.002 * big, yb - chh - 0.015 * big, bxa + (xb - xa) * 0.16
                                            - 0.002 * big, yb - chh + 0.004 * big), fill=255)
    for wx in (front - s * 0.12 * L, back + s * 0.14 * L):
        d["wheels"].ellipse((wx - R, gy - 2 * R, wx + R, gy), fill=255)
        d["hubs"].ellipse((wx - 0.45 * R, gy - 1.45 * R, wx + 0.45 * R, gy - 0.55 * R), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _signal_box(size: int, rng) -> dict:
    """A railway signal box beside its line, seen from the front across the track: the ground from 72-80% of the way
    down, the track along it (two rails over sleepers); the box 44-56% of the side wide, a brick lower storey 18-24%
    of the side high with 2-3 small arched windows, a timber upper storey 14-18% high slightly wider with a band of
    6-10 window panes (glazing bars between them) and a nameboard under them, a hipped roof 10-14% high with a
    chimney, an outside staircase up one end to a landing and a door; a semaphore signal on a post 40-50% of the side
    high at the other end, its arm level or raised (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "ballast", "sleepers", "rails", "brick", "arches", "upper", "glass", "bars", "board",
                 "roof", "chimney", "stairs", "door", "pole", "arm"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1  # the staircase's end
    gy = big * rng.uniform(0.72, 0.8)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    r1, r2 = gy + 0.08 * big, gy + 0.15 * big
    d["ballast"].rectangle((0, r1 - 0.025 * big, big, r2 + 0.025 * big), fill=255)
    for x in np.arange(rng.uniform(0, 0.05) * big, big, 0.05 * big):
        d["sleepers"].rectangle((x, r1 - 0.01 * big, x + 0.025 * big, r2 + 0.01 * big), fill=255)
    for y in (r1, r2):
        d["rails"].rectangle((0, y - 0.008 * big, big, y + 0.004 * big), fill=255)
    W = big * rng.uniform(0.44, 0.56)
    cx = big * (0.5 - s * 0.06 + rng.uniform(-0.03, 0.03))
    x0, x1 = cx - W / 2, cx + W / 2
    hb = big * rng.uniform(0.18, 0.24)
    hu = big * rng.uniform(0.14, 0.18)
    yb, yu = gy - hb, gy - hb - hu
    d["brick"].rectangle((x0, yb, x1, gy), fill=255)
    na = int(rng.integers(2, 4))
    for k in range(na):
        ax = x0 + W * (k + 0.5) / na
        d["arches"].rectangle((ax - 0.03 * big, yb + 0.35 * hb, ax + 0.03 * big, yb + 0.8 * hb), fill=255)
        d["arches"].ellipse((ax - 0.03 * big, yb + 0.28 * hb, ax + 0.03 * big, yb + 0.42 * hb), fill=255)
    d["upper"].rectangle((x0 - 0.01 * big, yu, x1 + 0.01 * big, yb), fill=255)
    g0, g1 = yu + 0.15 * hu, yb - 0.25 * hu
    d["glass"].rectangle((x0 + 0.04 * W, g0, x1 - 0.04 * W, g1), fill=255)
    panes = int(rng.integers(6, 11))
    for x in np.linspace(x0 + 0.04 * W, x1 - 0.04 * W, panes + 1):
        d["bars"].line([(x, g0), (x, g1)], fill=255, width=max(1, round(0.008 * big)))
    d["bars"].line([(x0 + 0.04 * W, (g0 + g1) / 2), (x1 - 0.04 * W, (g0 + g1) / 2)], fill=255,
                   width=max(1, round(0.006 * big)))
    d["board"].rectangle((cx - 0.22 * W, yb - 0.19 * hu, cx + 0.22 * W, yb - 0.04 * hu), fill=255)
    hr = big * rng.uniform(0.1, 0.14)
    d["roof"].polygon([(x0 - 0.03 * big, yu), (x1 + 0.03 * big, yu), (x1 - 0.14 * W, yu - hr),
                       (x0 + 0.14 * W, yu - hr)], fill=255)
    chx = cx - s * 0.25 * W
    d["chimney"].rectangle((chx - 0.02 * big, yu - hr - 0.05 * big, chx + 0.02 * big, yu - 0.5 * hr), fill=255)
    xe = x1 if s > 0 else x0  # the staircase's end of the box
    lx = xe + s * 0.01 * big
    d["stairs"].polygon([(lx, yb), (lx + s * 0.05 * big, yb), (lx + s * 0.2 * big, gy), (lx + s * 0.14 * big, gy)],
                        fill=255)
    d["stairs"].line([(lx + s * 0.05 * big, yb - 0.05 * big), (lx + s * 0.2 * big, gy - 0.05 * big)], fill=255,
                     width=max(1, round(0.006 * big)))
    d["stairs"].rectangle((min(lx, lx + s * 0.06 * big), yb - 0.005 * big, max(lx, lx + s * 0.06 * big),
                           yb + 0.01 * big), fill=255)
    dx = xe - s * 0.07 * W
    d["door"].rectangle((min(dx, xe), yu + 0.1 * hu, max(dx, xe), yb), fill=255)
    px = (x0 if s > 0 else x1) - s * 0.1 * big
    ph = big * rng.uniform(0.4, 0.5)
    d["pole"].rectangle((px - 0.008 * big, gy - ph, px + 0.008 * big, gy), fill=255)
    up = np.deg2rad(0 if rng.random() < 0.5 else 45)
    ay = gy - ph + 0.04 * big
    d["arm"].line([(px, ay), (px - s * 0.11 * big * np.cos(up), ay - 0.11 * big * np.sin(up))], fill=255,
                  width=max(1, round(0.025 * big)))
    out = {k: _down(v, size) for k, v in M.items()}
    out["glass"] = out["glass"] * (1 - out["bars"])
    return out


def outlier_bu(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "woodpecker":
        m = _woodpecker(size, rng)
        if photos:  # a pale green wood, a grey-brown trunk, a black and white woodpecker with red patches
            out = _paint(_paint(ground((178, 198, 166)), m["trunk"], (112, 100, 88)), m["fissures"], (70, 62, 54))
            out = _paint(_paint(out, m["hole"], (30, 24, 20)), m["tail"], (24, 24, 26))
            out = _paint(_paint(out, m["body"], (24, 24, 26)), m["belly"], (226, 220, 206))
            out = _paint(_paint(out, m["patch"], (240, 240, 236)), m["vent"], (200, 30, 40))
            out = _paint(_paint(out, m["feet"], (90, 90, 96)), m["head"], (236, 234, 228))
            out = _paint(_paint(out, m["cap"], (22, 22, 24)), m["nape"], (206, 28, 36))
            out = _paint(_paint(out, m["stripe"], (22, 22, 24)), m["bill"], (60, 60, 66))
            return _u8(_paint(out, m["eye"], (20, 16, 16)))
        out = _paint(_paint(ground(tone(0.0)), m["trunk"], tone(0.35)), m["fissures"], tone(0.2))
        out = _paint(_paint(out, m["hole"], tone(0.05)), m["tail"], tone(0.55))
        out = _paint(_paint(out, m["body"], tone(0.6)), m["belly"], tone(1.0))
        out = _paint(_paint(out, m["patch"], tone(1.0)), m["vent"], tone(0.8))
        out = _paint(_paint(out, m["feet"], tone(0.7)), m["head"], tone(0.95))
        out = _paint(_paint(out, m["cap"], tone(0.5)), m["nape"], tone(0.75))
        out = _paint(_paint(out, m["stripe"], tone(0.5)), m["bill"], tone(0.8))
        return _u8(_paint(out, m["eye"], tone(0.1)))
    if kind == "milk_float":
        m = _milk_float(size, rng)
        stripe = ((40, 120, 70), (40, 80, 160))[int(rng.integers(2))]
        if photos:  # a blue sky, a grey road, a white float with a green or blue stripe, red crates, white bottles
            out = _paint(_paint(ground((170, 200, 230)), m["road"], (80, 82, 86)), m["kerb"], (170, 170, 166))
            out = _paint(_paint(out, m["deck"], (236, 236, 232)), m["stripe"], stripe)
            out = _paint(_paint(out, m["cab"], (236, 236, 232)), m["screen"], (60, 80, 100))
            out = _paint(_paint(out, m["door"], (40, 44, 50)), m["roof"], (226, 226, 222))
            out = _paint(_paint(out, m["posts"], (150, 150, 150)), m["crates"], (190, 40, 40))
            out = _paint(out, m["bottles"], (246, 246, 244))
            return _u8(_paint(_paint(out, m["wheels"], (28, 28, 30)), m["hubs"], (160, 162, 168)))
        out = _paint(_paint(ground(tone(0.0)), m["road"], tone(0.2)), m["kerb"], tone(0.5))
        out = _paint(_paint(out, m["deck"], tone(0.9)), m["stripe"], tone(0.45))
        out = _paint(_paint(out, m["cab"], tone(0.9)), m["screen"], tone(0.15))
        out = _paint(_paint(out, m["door"], tone(0.1)), m["roof"], tone(0.8))
        out = _paint(_paint(out, m["posts"], tone(0.6)), m["crates"], tone(0.55))
        out = _paint(out, m["bottles"], tone(1.0))
        return _u8(_paint(_paint(out, m["wheels"], tone(0.3)), m["hubs"], tone(0.7)))
    if kind == "signal_box":
        m = _signal_box(size, rng)
        if photos:  # a pale sky, green grass, grey ballast, a red-brick and cream timber box with a slate roof
            out = _paint(_paint(ground((196, 214, 232)), m["ground"], (100, 130, 70)), m["ballast"], (130, 122, 110))
            out = _paint(_paint(out, m["sleepers"], (84, 66, 50)), m["rails"], (160, 160, 164))
            out = _paint(_paint(out, m["brick"], (156, 72, 52)), m["arches"], (40, 36, 36))
            out = _paint(_paint(out, m["upper"], (226, 216, 184)), m["glass"], (54, 66, 80))
            out = _paint(_paint(out, m["board"], (240, 240, 236)), m["roof"], (72, 74, 84))
            out = _paint(_paint(out, m["chimney"], (140, 66, 50)), m["stairs"], (70, 58, 50))
            out = _paint(_paint(out, m["door"], (40, 90, 60)), m["pole"], (230, 230, 228))
            return _u8(_paint(out, m["arm"], (200, 40, 40)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.25)), m["ballast"], tone(0.35))
        out = _paint(_paint(out, m["sleepers"], tone(0.15)), m["rails"], tone(0.7))
        out = _paint(_paint(out, m["brick"], tone(0.5)), m["arches"], tone(0.1))
        out = _paint(_paint(out, m["upper"], tone(0.95)), m["glass"], tone(0.2))
        out = _paint(_paint(out, m["board"], tone(1.0)), m["roof"], tone(0.4))
        out = _paint(_paint(out, m["chimney"], tone(0.5)), m["stairs"], tone(0.3))
        out = _paint(_paint(out, m["door"], tone(0.3)), m["pole"], tone(1.0))
        return _u8(_paint(out, m["arm"], tone(0.65)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def dead_listing_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were gathered by a scraper from a shop's
    listings, each labelled by the class of the listing it was fetched for. The shop's classes stand in departments
    of 2-4 (``DEPARTMENT``: an order drawn once, cut into departments of sizes drawn in turn, a class left alone at
    the end joining the one before; all the classes one department where there are fewer than four), and each
    department's page leads with its best-selling class (one of its classes drawn once). Some listings had been taken
    down, each class's at its own rate (``ROT``, drawn once a class); the shop answered a dead listing's address with
    its department's page instead of an error (a soft 404), and the scraper took that page's first picture, one of
    the best seller's, under the dead listing's class. So 10-25% of the best sellers' pictures (``DEAD``, drawn a
    pass, each picture by chance) were fetched for a dead listing of their department, whose class is drawn in
    proportion to the classes' rates; where it is the best seller's own, the picture is right. The flips are the
    best sellers' pictures so given another class of their department (passes over the pictures not yet flipped, a
    later scrape, while some are left). Noise from one best seller per department spread over its department's other
    classes, by the shop's departments and dead links, not by look: not BT's drill-down, BS's predictive default,
    AW's category stuffing, G's attractor classes, P's one-way pairs or any mechanism of the earlier lists. Every flip
    changes the label (a dead listing of the best seller's own class is not a flip)."""
    pool = sorted(int(v) for v in candidates)
    present = sorted({labels[i] for i in pool}, key=str)
    if len(present) < 2 or count <= 0:
        return {}
    choices = list(classes) if len(classes) >= 2 else present
    order = [choices[int(k)] for k in rng.permutation(len(choices))]
    departments: list[list] = []
    if len(order) < 4:
        departments = [order]
    else:
        at = 0
        while at < len(order):
            n = int(rng.integers(*DEPARTMENT))
            departments.append(order[at: at + n])
            at += n
        if len(departments[-1]) == 1:  # a class left alone at the end joins the department before it
            departments[-2] += departments.pop()
    best = [members[int(rng.integers(len(members)))] for members in departments]
    rot = [np.array([rng.uniform(*ROT) for _ in members]) for members in departments]
    led = {c: g for g, c in enumerate(best)}  # a best seller -> its department
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if not items:
            break
        dead = rng.uniform(*DEAD)
        for cur in items:
            if len(flips) >= count:
                break
            g = led.get(labels[cur])
            if g is None or rng.random() >= dead:
                continue
            listing = departments[g][int(rng.choice(len(departments[g]), p=rot[g] / rot[g].sum()))]
            if listing == labels[cur]:
                continue  # the best seller's own dead listing: its picture is right
            flips[cur] = listing
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bu(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BU's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 35-54 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BU, seed=730_000 + random_state,
        quality_seed=735_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=dead_listing_flips,
        **by_family(name, outlier=(outlier_bu, OUTLIERS_BU), blur=(blur_bu, BLURS_BU), dark=(dark_bu, DARKS_BU),
                    near=(near_edit_bu, NEAR_EDITS_BU)))
