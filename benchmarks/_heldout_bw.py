"""Generator BW: fresh EVALUATION sets after generator BV's run (never used to choose anything).

Added after BW's generator commit (15fe22c), before its run, by the session that ran it: one library commit came after
BW was written and committed and is in BW's run, unseen by BW's writer (505c6d9: ``near_duplicate``'s neighbour-ratio
rule learnt only where most pictures are at most 32 px a side, chosen on development sets only). Nothing else in this
file was changed.

Why a seventy-third evaluation generator: generator BV's sets were written before its run and have been run once
since (after which its four sets became development data in ``dev_sweep``, d6ac271), so a held-out set for the code
after that run is written now, before any tool is run on it. The commit subjects since BV's generator commit (cb4557d)
name no change of what the library's checks find at their defaults: a ``dev_sweep`` commit (d6ac271: BV's sets made
development data after its one held-out run), a docs commit (732efe6: BV's one run written up) and two review commits
(c782f6b: ``blurry`` measures the pictures' median short side once for its cap and its centre rule, and
``near_duplicate``'s hash-only finding keeps the hash rule's own learnt bits where the rule is dropped, "same flags on
the sets checked"; 703e837: ``calibrate_near``'s helper refactored, "same flags"). So BW measures the detection code of
BV's run, on new sets. BV's run came before this generator was written, and those subjects may carry its numbers, but
BW's writer read no docs, logs, result files or commit bodies (only the commit subjects, the earlier generators' files,
the tuning tools' files and ``_synthetic.py``, to copy their structure and to avoid their families, and
``detection.py`` and ``dev_sweep.py``, to register BW), and no check code of the library. Nothing in BW was chosen
from any result, to aim at or away from any weakness, rule or lead a subject names: its strengths and its share of
whole-picture edits are set as BV's (and BU's, BT's, BS's, BR's, BQ's, BP's, BO's, BN's, BM's and BL's) were. Like
AN's to BV's, BW's edits are not all brightly coloured: some are stone grey, near black or translucent. Generator BW
was written before any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs,
darkenings and foreign pictures at 28, 109 and 318 px, drawn from its functions and from its planted folders, to
check that every edit is visible, every blur blurred, every darkened image dark with its picture still in it and
every outlier foreign, and the planted folders, quick and full, hashed twice); it is not to be changed after its
results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D to Z, AA to AZ, BA to
BV) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate,
brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make (their family
names and key words were searched for in every earlier generator, the tuning tools and ``_synthetic.py``). Like AC's
to BV's it has two blur families, not three. Tiles of 318 px give 61 tiles (seed 428; 43 when quick), so the large
set is at 318 px, a size no other set uses; the small photographs are at 109 px, a size no other set uses either.
Left out because an earlier generator made them or left them out (their key words are in the earlier generators'
lists): among objects on the print a hammer (BW's mallet has a rubber drum of a head), a paint roller (BW's lint
roller has a sticky paper sheet), a teaspoon, measuring spoons, a luggage tag (a price tag and a dog tag), an ice
cream scoop, a garlic press, a pizza cutter, a whisk, a spatula, a ladle, a tea strainer, a potato masher, a
corkscrew, a bottle or tin opener, tongs, a syringe, a thermometer, BV's bicycle bell, ice scraper, jerry can, egg
slicer or hair clipper, or any object, creature, sweet, snack, fruit, vegetable or plant part of the earlier lists
(BV's, their lists: BW's apple corer is a ring of blades with two handles, its pipette a glass tube and rubber bulb,
its cake server a serrated trowel blade); of the whole picture a pegboard or a perforated or expanded sheet (their
lists: BW's breeze blocks are pierced concrete blocks), an egg tray, a sponge, cork, a cheese or a waffle (their
lists: BW's crumpet is a griddle cake pocked with holes), a parquet floor or a herringbone (their lists: BW's
marquetry is tumbling blocks of three veneers), BV's studded rubber, pantiles or solar panel, or any weave, print,
stone, wood, metal or patterned ground of the earlier lists (BV's, their lists); among blurs a polythene dust sheet,
cling film, lace, tulle, a stocking or a diffusion filter, cotton or any fibre of the earlier lists (BW's candyfloss
is a tangle of sugar threads), BV's honesty pods or bladder window, a leaf, a membrane, onion skin or gelatine (BW's
sea lettuce is a green seaweed laid wet on a glass), or any haze, veil, glass, copy or print process of the earlier
lists (BV's, their lists); among darkenings BV's smart meter, fence energiser or power strip, a router's, a baby
monitor's, a smoke alarm's, a phone's, a hair or hand dryer's, a dehumidifier's or a humidifier's light, or any
flame, ember, lamp, screen or glow of the earlier lists (BV's, their lists: BW's lights are a heat pump's outdoor
unit's status light, a walkie-talkie charger's light and a CPAP machine's power light); among foreign pictures BV's
cormorant, ride-on mower or bottle kiln, a chameleon, a newt or a tortoise (their lists: BW's iguana basks on a
rock), a forklift, an excavator, a cement mixer, a bulldozer, a tractor or BE's steamroller (their lists: BW's site
dumper is a builder's skip on wheels), a lighthouse, a water tower, a windmill, a water wheel, a castle or an oast
house (their lists: BW's Martello tower is a squat round gun tower on a shore), or any other animal, vehicle, building
or flying thing of the earlier lists (BV's, their lists); among label noise BV's wrong threads, BU's dead listings,
BT's drill-down flips, BS's predictive default, BR's vote cascade, BQ's placeholders, BP's scroll wheel, AG's lasso,
BK's re-booked receipts, BC's swapped digits, a spreadsheet's fill-down, clocks, positions, and every mechanism BV
named (BW's clobbered names are label rows overwritten by a later picture's of the same camera file name).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 318 px set's
  copies get both kinds): a rubber mallet (46-56% of the side long, at least 14 px; a head 40% of its length long and
  20% wide, near black 34 / 34 / 36, stone grey 146 / 146 / 142 or white rubber 228 / 226 / 220, of the three the one
  whose colour differs most on average from the picture's where it lies, or the second where it differs at least 60%
  as much, as for the apple corer and the cake server; domed striking faces, a band in from each 12% darker; a beech
  196 / 160 / 110 handle with grain lines and a near black grip; a shine at 35%; 30-70% of the way across and down, at
  any angle, a soft shadow at 30%), a lint roller (48-58% of the side long, at least 15 px; a handle red 190 / 40 /
  44, blue 50 / 90 / 170 or stone grey 140 / 140 / 138 with 5-8 grip ribs and a hanging hole, a steel wire yoke, a
  roller 46% of its length long wrapped in translucent white paper 238 / 238 / 232 at 45% with a dashed tear line, a
  lifted tab and 3-8 dark fluff fibres; a highlight at 35%; a shadow at 15%), an apple corer (a steel 178 / 180 / 186
  ring 34-42% of the side across, at least 12 px, a coring ring and 8-12 blades, two handles red 180 / 36 / 40, near
  black 36 / 36 / 38 or stone grey 150 / 150 / 146 with grip grooves; a shine at 40%; a shadow at 30%), a glass
  Pasteur pipette (56-66% of the side long, at least 16 px; clear glass 220 / 232 / 236 at 45%, a tube 10% of its
  length wide and a long tip 3% wide, white edges at 50%, a highlight, blue 60 / 110 / 200 or pink 200 / 60 / 90 liquid
  at 45% or none, 4-6 graduation marks; a rubber bulb red 176 / 40 / 40, near black 40 / 38 / 40 or translucent amber
  200 / 130 / 60 at 75%; a shadow at 12%) and a cake server (48-58% of the side long, at least 15 px; a steel 182 /
  184 / 190 trowel blade 34% of its length across with 7-11 serrations, a bent neck, a handle white 230 / 228 / 222,
  near black 38 / 38 / 40 or wood 150 / 100 / 62 with two rivets; a shine at 40%; a shadow at 30%); of the whole
  picture: printed on a breeze-block screen wall (the ink multiplied onto it, 42-54% of the way, 35% of its tone added
  at that share, as for the crumpet and the marquetry; concrete 170 / 168 / 162, painted white 226 / 224 / 218 or
  stone grey 132 / 130 / 126, mottled by 5%; blocks 16-22% of the side across, each pierced by a circle split by a
  cross into four openings 30% of the tone, their upper edge 22%; mortar joints 1.2-1.8% of the side wide 12% lighter;
  turned by up to 4 degrees), printed on a crumpet's top (golden 206 / 160 / 96, toasted 168 / 112 / 60 or pale 224 /
  196 / 150, mottled by 6%; holes of radius 0.8-2% of the side covering 22-30% of it, 36% of the tone inside, 24%
  towards their lower side, with rims 12% lighter) and printed on a marquetry panel of tumbling blocks (maple 222 /
  190 / 140, oak 170 / 124 / 76 and walnut 88 / 60 / 42, or bleached 210 / 204 / 192, grey 132 / 128 / 122 and
  ebonised 44 / 40 / 40, one veneer a face of each cube 12-18% of the side across; a grain 8% lighter and darker
  along one edge of each face; dark seams at 50%; turned by any angle);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through a wisp of candyfloss (a Gaussian of 1.5-2.3% of the side, at least 1 px,
  and a tail 2.3 times as wide for 22-32%; filtered 18-28% of the way to pink 248 / 196 / 218, white 246 / 242 / 240
  or pale blue 196 / 222 / 246 and hazed 8-14% of the way to that colour lightened halfway to white, 30% more or less
  where the floss is thicker or thinner; 40-80 curving sugar threads 14% lighter, softened by 50% of the blur) and the
  picture seen through fronds of sea lettuce laid wet on a glass (a Gaussian of 1.6-2.5% of the side, at least 1 px,
  and a tail 2.4 times as wide for 24-34%; one frond over the whole picture and 1-3 more, ruffled blobs 50-90% of the
  side across, each filtering it 22-32% of the way to green 120 / 196 / 92 and hazing it 6-10% of the way to 214 /
  236 / 200, the more fronds the more, ``1 + 0.6 (n - 1)``; the extra fronds' edges 12% darker, 4-8 folds 8% darker
  beside a light edge 5% lighter, softened by 50% of the blur); each as a camera metering on the highlights exposes
  it (as Y's to BV's);
* ``dark`` (2%): a garden at night lit only by a heat pump's outdoor unit's status light (a dark patio from 76-84%
  down; the unit a box 40-50% of the side wide and 0.72 times as high, 30-70% across, on two feet, a round fan grille
  on one side, 5-8 louvres on the other, its light green 0.2 / 1 / 0.3 or blue 0.2 / 0.45 / 1 at 240-255 near its
  top; two insulated pipes up out of the picture; a glow of sigma 3-5% of the side up to 40-55 levels; the picture
  lit in its colour at ``0.015-0.03 + 0.26-0.34 / (1 + (d / d0) ** 2)`` with the distance from the light, ``d0``
  20-28% of the side), a workshop bench at night lit only by a walkie-talkie charger's light (the bench from 74-84%
  down, a cradle 22-28% of the side wide, 30-70% across, the radio standing in it with its antenna, knob, speaker
  slots and talk key, the charging light on the cradle's front red 1 / 0.15 / 0.1 or green 0.2 / 1 / 0.25 at
  240-255; its lead off the bench; a glow of sigma 3-5% up to 40-55 levels; the picture lit in its colour falling off
  as above, ``d0`` 18-26% of the side) and a bedroom at night lit only by a CPAP machine's power light (a bedside
  table from 74-84% down, on it the machine, a rounded box 28-36% of the side wide, 30-70% across, with its water
  tank and a ribbed hose curving up out of the picture, its light blue 0.2 / 0.5 / 1 at 240-255 on its top face; a
  glow of sigma 3-5% up to 40-55 levels; the picture lit in its colour falling off as above, ``d0`` 20-28% of the
  side); none of them blurs the picture;
* ``outlier`` (1.5%): an iguana basking on a rock (the ground from 78-86% down, a rounded rock 64-80% of the side
  wide; on it the iguana facing either way, a body 34-40% of the side long, a head with a round jowl plate, a dewlap
  and an eye, a crest of 10-16 spikes, four splayed legs with toes and a tail 50-64% of the side long curving down
  with 5-8 dark bands), a site dumper (muddy ground from 66-76% down with 3-6 ruts; the dumper 62-74% of the side
  long facing either way, a skip over the front wheels, a chassis, an engine body with a seat, a roll bar and a
  steering wheel, two wheels 12-14% of the side in radius with hubs and mudguards) and a Martello tower on a shore
  (the sea from 58-66% down, grass sloping to it; a squat round tower 44-54% of the side wide and 34-44% high, its
  walls leaning in, a parapet and a darker coping, 4-6 courses of stone, a door 40% up reached by a wooden stair, 1-2
  slit windows and a flagstaff); the digit and clothing sets get them in their own tones on their dark ground, the
  photographs as a green iguana with dark tail bands on a grey rock over sand under a pale blue sky, a yellow dumper
  with black tyres and a black or orange roll bar on brown mud under a blue-grey sky, and a sandstone or granite
  tower on green grass by a blue-grey sea under a pale sky;
* ``label`` (5%): *clobbered-name* flips: the pictures came from many contributors' cameras, each file named by its
  camera's counter (``IMG_0412.JPG``), each contributor's batch with a label sheet (file name, class); the batches
  were copied into one flat folder as they came in (a time each picture, drawn once), the copy keeping the first file
  of a name and skipping a later one, while the label sheets were merged into one table keyed by file name, the later
  row overwriting the earlier; so where a picture copied later reused a kept picture's name, the kept picture carries
  the later picture's class. A pass draws the share of pictures whose name a later picture reused (15-35%,
  ``CLASH``); each such picture's namesake is a picture of the collection drawn at random and counts only where it was
  copied later; where it is of the picture's own class the picture is filed right. The flips are pictures so filed
  under their namesake's class (passes over the pictures not yet flipped while some are left). Noise towards the
  collection's classes as often as they are in it, by the cameras' counters and the copying's order, not by look or by
  any list's order: not BV's wrong threads, BU's dead listings, a spreadsheet's fill-down, clocks or positions. Every
  flip changes the label (a namesake of the picture's own class is not a flip), so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BW's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 425),
MNIST (2,000, seed 426), and the evaluation photographs tiled at 109 px (24 tiles a photograph at most, 338 tiles, seed
427) and at 318 px (every tile, 61 tiles, seed 428), sizes no other set uses. ``photos109_bw_jpeg`` is written as JPEG
files, each at a quality drawn from 33-52 (a stream of its own, seed ``755_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact
copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``750_000 + random_state``. The
planting is I's (:func:`_heldout_i.plant_generator`, as for J to BV).
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

EVALUATION_BW = ("fashion_test_bw", "mnist_bw", "photos109_bw_jpeg", "photos318_bw")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BW = {
    "fashion_test_bw": ("fashion_test", 425),
    "mnist_bw": ("mnist", 426),
    "photos109_bw_jpeg": ("photos", 427, 109, 8, 24),
    "photos318_bw": ("photos", 428, 318, 8, 1000),
}
JPEG_QUALITY = (33, 53)  # the JPEG set's qualities: integers in [low, high)
RATES_BW = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BW = ("rubber_mallet", "breeze_block", "lint_roller", "crumpet", "apple_corer", "marquetry",
                 "pipette", "cake_server")
BLURS_BW = ("candyfloss", "sea_lettuce")
DARKS_BW = ("heat_pump", "walkie_talkie", "cpap")
OUTLIERS_BW = ("iguana", "site_dumper", "martello_tower")
CLASH = (0.15, 0.35)  # the share of pictures whose camera file name a picture copied later reused, drawn a pass


def load_base_bw(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BW, "BW")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
STEEL = (178, 180, 186)
MALLETS = ((34, 34, 36), (146, 146, 142), (228, 226, 220))
BEECH = np.array([196, 160, 110], np.float32)


def _rubber_mallet(f: np.ndarray, rng) -> np.ndarray:
    """A rubber mallet lying on the print: 46-56% of the side long (at least 14 px); a head 40% of its length long
    and 20% of it wide, a cylinder seen from the side with its two striking faces a little domed, near black rubber
    34 / 34 / 36, stone grey 146 / 146 / 142 or white rubber 228 / 226 / 220 (of the three the one whose colour
    differs most on average from the picture's where it lies, or the second where it differs at least 60% as much, as
    for the apple corer and the cake server); a band 12% of the head's length in from each face 12% darker at 70%; a
    beech 196 / 160 / 110 handle 8% of its length wide from the head's middle to its end, with 3 darker grain lines at
    30% and its last 28% a near black 30 / 30 / 32 rubber grip; a shine along the head at 35%; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.46, 0.56))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(MALLETS, f, fr, 0.5 * L, rng), np.float32)
    hx = 0.5 * L - 0.1 * L  # the head's middle along the length, at one end
    head = fr.fill([_rounded(0.2 * L, 0.4 * L, 0.03 * L, hx, 0.0)])
    faces = fr.fill([_ellipse(hx, -0.2 * L, 0.1 * L, 0.025 * L, 0.0, 16), _ellipse(hx, 0.2 * L, 0.1 * L, 0.025 * L,
                                                                                     0.0, 16)])
    bands = fr.line([[(hx - 0.1 * L, -0.152 * L), (hx + 0.1 * L, -0.152 * L)],
                     [(hx - 0.1 * L, 0.152 * L), (hx + 0.1 * L, 0.152 * L)]], max(0.4, 0.012 * L))
    handle = fr.fill([_bar(-0.5 * L, hx, 0.04 * L)])
    grain = fr.line([[(-0.5 * L, float(y)), (hx - 0.1 * L, float(y) * 0.8)] for y in (-0.02 * L, 0.0, 0.02 * L)],
                    max(0.3, 0.005 * L))
    grip = fr.fill([_bar(-0.5 * L, -0.22 * L, 0.046 * L)])
    shine = fr.line([[(hx - 0.06 * L, -0.17 * L), (hx - 0.06 * L, 0.17 * L)]], max(0.35, 0.015 * L))
    parts = [(handle, BEECH, 1.0, True), (grain * handle, BEECH * 0.75, 0.3, False), (grip, (30, 30, 32), 1.0, True),
             (head, col, 1.0, True), (faces, col, 1.0, True), (bands * head, col * 0.88, 0.7, False),
             (shine * head, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


# handle plastic
ROLLER_HANDLES = ((190, 40, 44), (50, 90, 170), (140, 140, 138))
ROLLER_SHEET = np.array([238, 238, 232], np.float32)


def _lint_roller(f: np.ndarray, rng) -> np.ndarray:
    """A lint roller lying on the print: 48-58% of the side long (at least 15 px); a plastic handle red 190 / 40 /
    44, blue 50 / 90 / 170 or stone grey 140 / 140 / 138 (one at random) 55% of its length long and 13% of it wide
    with round ends, 5-8 grip ribs 25% darker and a hanging hole; a steel 178 / 180 / 186 wire yoke from it to the
    roller; the roller across the end, 46% of the length long and 24% of it across, wrapped in its sticky sheet of
    translucent white paper 238 / 238 / 232 at 45% (the print showing through), the sheet's perforated tear line
    along it a dashed line 35% darker at 60%, a lifted corner tab at 70%, 3-8 dark 50 / 46 / 44 fluff fibres caught on
    it (lines 0.8% of the length wide, at least 0.35 px); a highlight along it at 35%; at any angle, its middle 30-70%
    of the way across and down, a soft shadow at 15% (the paper lets the light through)."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.48, 0.58))
    fr = _frame_at(h, w, rng)
    c = np.asarray(ROLLER_HANDLES[int(rng.integers(len(ROLLER_HANDLES)))], np.float32)
    x0, xh = -0.5 * L, 0.05 * L  # the handle's end, its head
    handle = fr.fill([_bar(x0, xh, 0.065 * L)], holes=[_circle(max(0.4, 0.025 * L), 10, x0 + 0.04 * L, 0.0)])
    ribs = fr.line([[(float(x), -0.05 * L), (float(x), 0.05 * L)]
                    for x in np.linspace(x0 + 0.12 * L, xh - 0.08 * L, int(rng.integers(5, 9)))], max(0.35, 0.012 * L))
    xr = 0.38 * L  # the roller's axis
    yoke = fr.line([[(xh, 0.0), (xh + 0.08 * L, 0.0), (xh + 0.1 * L, -0.25 * L), (xr, -0.25 * L)],
                    [(xh + 0.08 * L, 0.0), (xh + 0.1 * L, 0.25 * L), (xr, 0.25 * L)]], max(0.4, 0.02 * L))
    roller = fr.fill([_rounded(0.24 * L, 0.46 * L, 0.03 * L, xr, 0.0)])
    tear = fr.line([[(float(xr + 0.04 * L), float(y)), (float(xr + 0.04 * L), float(y + 0.02 * L))]
                    for y in np.arange(-0.22 * L, 0.22 * L, 0.04 * L)], max(0.35, 0.008 * L))
    tab = fr.fill([[(xr + 0.04 * L, 0.12 * L), (xr + 0.16 * L, 0.16 * L), (xr + 0.14 * L, 0.23 * L),
                    (xr + 0.04 * L, 0.23 * L)]])
    fibres = []
    for _ in range(int(rng.integers(3, 9))):
        fx, fy = xr + rng.uniform(-0.1, 0.1) * L, rng.uniform(-0.2, 0.2) * L
        t = rng.uniform(0, np.pi)
        fibres.append([(float(fx + 0.04 * L * np.cos(t + q)), float(fy + 0.04 * L * np.sin(t + q) + 0.02 * L * q))
                       for q in np.linspace(-1, 1, 5)])
    fluff = fr.line(fibres, max(0.35, 0.008 * L))
    shine = fr.line([[(xr - 0.07 * L, -0.2 * L), (xr - 0.07 * L, 0.2 * L)]], max(0.35, 0.015 * L))
    parts = [(yoke, STEEL, 1.0, True), (handle, c, 1.0, True), (ribs * handle, c * 0.75, 1.0, False),
             (roller, ROLLER_SHEET, 0.45, True), (tear * roller, ROLLER_SHEET * 0.65, 0.6, False),
             (tab, ROLLER_SHEET, 0.7, False), (fluff * roller, (50, 46, 44), 1.0, False),
             (shine * roller, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.15))


CORER_HANDLES = ((180, 36, 40), (36, 36, 38), (150, 150, 146))


def _apple_corer(f: np.ndarray, rng) -> np.ndarray:
    """An apple corer and slicer lying on the print, seen from above: a steel 178 / 180 / 186 outer ring 34-42% of
    the side across (at least 12 px, 5% of that thick), a coring ring 24% of its diameter in its middle and 8-12
    blades from one to the other (3% thick, at least 0.4 px), the print showing between them; two handles out of the
    outer ring on opposite sides, each 34% of its diameter long and 16% wide with round ends, red 180 / 36 / 40, near
    black 36 / 36 / 38 or stone grey 150 / 150 / 146 (chosen as for the rubber mallet), each with a darker 20% grip
    groove; a shine on the ring at 40%; at any angle, its middle 30-70% of the way across and down, a soft shadow at
    30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    D = max(12.0, side * rng.uniform(0.34, 0.42))
    R = D / 2
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(CORER_HANDLES, f, fr, 0.8 * D, rng), np.float32)
    ring = fr.line([_circle(R, 40) + [_circle(R, 40)[0]]], max(0.5, 0.05 * D))
    core = fr.line([_circle(0.12 * D, 20) + [_circle(0.12 * D, 20)[0]]], max(0.4, 0.035 * D))
    n = int(rng.integers(8, 13))
    t0 = rng.uniform(0, 2 * np.pi)
    blades = fr.line([[(float(0.12 * D * np.cos(t)), float(0.12 * D * np.sin(t))),
                       (float(R * np.cos(t)), float(R * np.sin(t)))]
                      for t in t0 + np.arange(n) * 2 * np.pi / n], max(0.4, 0.03 * D))
    handles = fr.fill([_bar(R, R + 0.34 * D, 0.08 * D), _bar(-R - 0.34 * D, -R, 0.08 * D)])
    grooves = fr.line([[(R + 0.08 * D, 0.0), (R + 0.28 * D, 0.0)], [(-R - 0.28 * D, 0.0), (-R - 0.08 * D, 0.0)]],
                      max(0.35, 0.03 * D))
    t = np.linspace(np.pi * 1.1, np.pi * 1.45, 8)
    shine = fr.line([[(float(R * np.cos(u)), float(R * np.sin(u))) for u in t]], max(0.35, 0.02 * D))
    parts = [(handles, col, 1.0, True), (grooves * handles, col * 0.8, 1.0, False), (blades, STEEL, 1.0, True),
             (core, STEEL, 1.0, True), (ring, STEEL, 1.0, True), (shine * ring, WHITE, 0.4, False)]
    return _u8(_laid(f, parts, 0.3))


GLASS = np.array([220, 232, 236], np.float32)
# bulb rubber, opacity
BULBS = (((176, 40, 40), 1.0), ((40, 38, 40), 1.0), ((200, 130, 60), 0.75))
DYES = ((60, 110, 200), (200, 60, 90), None)


def _pipette(f: np.ndarray, rng) -> np.ndarray:
    """A glass Pasteur pipette lying on the print: 56-66% of the side long (at least 16 px); its glass clear 220 /
    232 / 236 at 45% (the print showing through), a tube 10% of its length wide over 36% of it, a shoulder, then a
    long thin tip 3% wide (at least 0.5 px) over the rest; both glass edges lines 50% white (1.2% of its length wide)
    and a highlight at 45%;
    some dyed liquid in the tube (blue 60 / 110 / 200 or pink 200 / 60 / 90 at 45% over 20-40% of it, or none, one at
    random) with a meniscus line; 4-6 graduation marks 40% darker at 60%; at its wide end a rubber bulb 24% of its
    length long and 15% of it wide, red 176 / 40 / 40, near black 40 / 38 / 40 or translucent amber 200 / 130 / 60 at
    75% (one at random), with a neck ring 15% darker; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 12% (the glass lets the light through)."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(16.0, side * rng.uniform(0.56, 0.66))
    fr = _frame_at(h, w, rng)
    rub, alpha = BULBS[int(rng.integers(len(BULBS)))]
    x0, xs, xt = -0.5 * L + 0.24 * L, 0.12 * L, 0.5 * L  # the tube's end under the bulb, the shoulder, the tip
    tw, tip = 0.05 * L, max(0.25, 0.015 * L)
    outline = [(x0, -tw), (xs, -tw), (xs + 0.06 * L, -tip), (xt, -tip), (xt, tip), (xs + 0.06 * L, tip), (xs, tw),
               (x0, tw)]
    glass = fr.fill([outline])
    edges = fr.line([[(x0, -tw), (xs, -tw), (xs + 0.06 * L, -tip), (xt, -tip)],
                     [(x0, tw), (xs, tw), (xs + 0.06 * L, tip), (xt, tip)]], max(0.35, 0.012 * L))
    high = fr.line([[(x0 + 0.02 * L, -0.4 * tw), (xs - 0.02 * L, -0.4 * tw)]], max(0.35, 0.008 * L))
    dye = DYES[int(rng.integers(len(DYES)))]
    lx = xs - rng.uniform(0.2, 0.4) * (xs - x0)
    liquid = fr.fill([_rect(lx, -0.8 * tw, xs, 0.8 * tw),
                      [(xs, -0.8 * tw), (xs + 0.06 * L, -0.8 * tip), (xt, -0.8 * tip), (xt, 0.8 * tip),
                       (xs + 0.06 * L, 0.8 * tip), (xs, 0.8 * tw)]])
    meniscus = fr.line([[(lx, -0.8 * tw), (lx + 0.01 * L, 0.0), (lx, 0.8 * tw)]], max(0.35, 0.008 * L))
    marks = fr.line([[(float(x), -tw), (float(x), -0.2 * tw)]
                     for x in np.linspace(x0 + 0.06 * L, xs - 0.04 * L, int(rng.integers(4, 7)))], max(0.35, 0.006 * L))
    bulb = fr.fill([_bar(-0.5 * L + 0.075 * L, x0 + 0.02 * L, 0.075 * L)])
    neck = fr.fill([_rect(x0 - 0.02 * L, -0.065 * L, x0 + 0.03 * L, 0.065 * L)])
    c = np.asarray(rub, np.float32)
    parts = [(glass, GLASS, 0.45, True), (edges, WHITE, 0.5, False), (high * glass, WHITE, 0.45, False),
             (marks * glass, GLASS * 0.6, 0.6, False), (bulb, c, alpha, True), (neck, c * 0.85, alpha, True)]
    if dye is not None:
        parts[2:2] = [(liquid * glass, dye, 0.45, False), (meniscus * glass, np.asarray(dye, np.float32) * 0.7, 0.6,
                                                           False)]
    return _u8(_laid(f, parts, 0.12))


SERVER_HANDLES = ((230, 228, 222), (38, 38, 40), (150, 100, 62))
BLADE = np.array([182, 184, 190], np.float32)


def _cake_server(f: np.ndarray, rng) -> np.ndarray:
    """A cake server lying on the print: 48-58% of the side long (at least 15 px); a steel 182 / 184 / 190 blade 48%
    of its length long, a trowel widening from the handle to 34% of its length across and ending in a point, one edge
    serrated with 7-11 teeth (darker notches at 60%), a bent neck between blade and handle 12% darker; a handle 46% of
    its length long and 9% of it wide with round ends, white 230 / 228 / 222, near black 38 / 38 / 40 or wood 150 /
    100 / 62 (chosen as for the rubber mallet) with two steel rivets; a shine along the blade at 40%; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.48, 0.58))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(SERVER_HANDLES, f, fr, 0.5 * L, rng), np.float32)
    xn, xb = -0.04 * L, 0.02 * L  # the handle's end at the neck, the blade's root
    handle = fr.fill([_bar(-0.5 * L, xn, 0.045 * L)])
    rivets = fr.fill([_circle(max(0.35, 0.015 * L), 8, x, 0.0) for x in (-0.38 * L, -0.16 * L)])
    neck = fr.fill([_rect(xn - 0.02 * L, -0.025 * L, xb + 0.01 * L, 0.025 * L)])
    blade = fr.fill([[(xb, -0.05 * L), (0.3 * L, -0.17 * L), (0.5 * L, 0.0), (0.3 * L, 0.17 * L), (xb, 0.05 * L)]])
    n = int(rng.integers(7, 12))
    teeth = fr.line([[(float(0.3 * L + q * 0.2 * L), float(0.17 * L * (1 - q))),
                      (float(0.3 * L + q * 0.2 * L - 0.02 * L), float(0.17 * L * (1 - q) - 0.025 * L))]
                     for q in np.linspace(0.05, 0.9, n)], max(0.35, 0.01 * L))
    shine = fr.line([[(xb + 0.04 * L, -0.03 * L), (0.4 * L, -0.06 * L)]], max(0.35, 0.015 * L))
    parts = [(blade, BLADE, 1.0, True), (neck, BLADE * 0.88, 1.0, True), (teeth * blade, BLADE * 0.6, 0.6, False),
             (handle, col, 1.0, True), (rivets * handle, STEEL, 1.0, False), (shine * blade, WHITE, 0.4, False)]
    return _u8(_laid(f, parts, 0.3))


BLOCKS = np.array([(170, 168, 162), (226, 224, 218), (132, 130, 126)], np.float32)


def _breeze_block(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a breeze-block screen wall (the pierced concrete blocks of a garden or carport wall):
    the ink multiplied onto the wall, 42-54% of the way from the picture (35% of its tone added at that share, as for
    the crumpet and the marquetry); concrete 170 / 168 / 162, painted white 226 / 224 / 218 or stone grey 132 / 130
    / 126 (one at random), mottled by 5% (a field of 6% of the side); square blocks 16-22% of the side across, each
    pierced by a circle 62% of its width across split by a cross of webs 14% of it wide into four openings, dark
    inside (30% of the tone) with a shadow darker still (22%) along their upper edge; mortar joints 1.2-1.8%
    of the side wide (at least 0.5 px) 12% lighter; the wall turned by up to 4 degrees; drawn at 2 times the size and
    averaged: a pierced block wall, not a pegboard, a perforated sheet or any grid, wall or ground of the earlier
    lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    up = lambda m: np.kron(m, np.ones((s, s)))  # noqa: E731
    tone = BLOCKS[int(rng.integers(len(BLOCKS)))]
    a = np.deg2rad(rng.uniform(-4, 4))
    u = xx * np.cos(a) + yy * np.sin(a)
    v = -xx * np.sin(a) + yy * np.cos(a)
    pitch = side * rng.uniform(0.16, 0.22)
    joint = max(0.5, side * rng.uniform(0.012, 0.018))
    pu, pv = u / pitch + rng.uniform(0, 1), v / pitch + rng.uniform(0, 1)
    fu, fv = (pu - np.floor(pu) - 0.5) * pitch, (pv - np.floor(pv) - 0.5) * pitch  # px from the block's middle
    mortar = (np.abs(fu) > pitch / 2 - joint / 2) | (np.abs(fv) > pitch / 2 - joint / 2)
    r = np.hypot(fu, fv)
    web = 0.07 * pitch
    hole = (r < 0.31 * pitch) & (np.abs(fu) > web) & (np.abs(fv) > web) & ~mortar
    # the openings' upper edge in shadow: points of a hole whose point a little above is solid
    above = np.hypot(fu, fv - 0.06 * pitch)
    lip = hole & ((above >= 0.31 * pitch) | (np.abs(fv - 0.06 * pitch) <= web))
    shade = 1 + 0.05 * np.tanh(up(_field(h, w, 0.06 * side, rng)))
    ground = tone * shade[..., None]
    ground = np.where(mortar[..., None], np.minimum(tone * 1.12 + 8, 255), ground)
    ground = np.where(hole[..., None], tone * 0.3, ground)
    ground = np.where(lip[..., None], tone * 0.22, ground)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


CRUMPETS = np.array([(206, 160, 96), (168, 112, 60), (224, 196, 150)], np.float32)


def _crumpet(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a crumpet's top (the griddle cake whose top sets full of open bubble holes): the ink
    multiplied onto it, 42-54% of the way from the picture (35% of its tone added at that share); golden 206 / 160 /
    96, toasted 168 / 112 / 60 or pale 224 / 196 / 150 (one at random), mottled by 6% (a field of 8% of the side);
    holes of radius 0.8-2% of the side (at least 0.5 px) scattered at random until they cover 22-30% of it, each dark
    inside (36% of the tone, 24% towards its lower side) with a rim 12% lighter round it 0.4% of the side wide;
    drawn at 2 times the size and averaged: a pocked crumb, not a sponge, a cheese, cork or any ground of the earlier
    lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    up = lambda m: np.kron(m, np.ones((s, s)))  # noqa: E731
    tone = CRUMPETS[int(rng.integers(len(CRUMPETS)))]
    ground = tone * (1 + 0.06 * np.tanh(up(_field(h, w, 0.08 * side, rng))))[..., None]
    ident = _Frame((h * s, w * s), 0.0, 0.0, 0.0)
    cover = rng.uniform(0.22, 0.3)
    holes, lower, rims, area = [], [], [], 0.0
    while area < cover * h * w:
        r = max(0.5, side * rng.uniform(0.008, 0.02))
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        holes.append(_ellipse(x * s, y * s, r * s, 0.9 * r * s, rng.uniform(0, np.pi), 14))
        lower.append(_ellipse(x * s, (y + 0.45 * r) * s, 0.8 * r * s, 0.5 * r * s, 0.0, 12))
        rims.append(_circle(r * s, 14, x * s, y * s) + [_circle(r * s, 14, x * s, y * s)[0]])
        area += np.pi * r * r * 0.9
    hole = ident.fill(holes)
    rim = ident.line(rims, max(0.5, 0.004 * side * s)) * (1 - hole)
    ground = _paint(ground, rim, np.minimum(tone * 1.12 + 6, 255))
    ground = _paint(ground, hole, tone * 0.36)
    ground = _paint(ground, hole * ident.fill(lower), tone * 0.24)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


VENEERS = (np.array([(222, 190, 140), (170, 124, 76), (88, 60, 42)], np.float32),
           np.array([(210, 204, 192), (132, 128, 122), (44, 40, 40)], np.float32))


def _marquetry(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a marquetry panel of tumbling blocks (veneer lozenges laid three to a hexagon, so that
    it reads as stacked cubes): the ink multiplied onto it, 42-54% of the way from the picture (35% of its tone added
    at that share); three veneers, natural maple 222 / 190 / 140, oak 170 / 124 / 76 and walnut 88 / 60 / 42, or
    bleached 210 / 204 / 192, grey 132 / 128 / 122 and ebonised 44 / 40 / 40 (one set at random), each cube's top,
    left and right faces one of them in a fixed order; cubes 12-18% of the side across; a grain in each face along
    one of its edges, 8% lighter and darker (a sine of period 1.2-2% of the side, wavering); dark seams 0.5% of the
    side wide (at least 0.35 px) at 50%; the panel turned by any angle; drawn at 2 times the size and averaged: an
    inlaid cube pattern, not a parquet floor, a herringbone or any wood, grid or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    woods = VENEERS[int(rng.integers(len(VENEERS)))]
    a = rng.uniform(0, 2 * np.pi)
    u = xx * np.cos(a) + yy * np.sin(a) + rng.uniform(0, side)
    v = -xx * np.sin(a) + yy * np.cos(a) + rng.uniform(0, side)
    R = side * rng.uniform(0.12, 0.18) / 2  # a cube's (hexagon's) circumradius
    # the nearest cube's middle on the triangular lattice of pointy-top hexagons
    b = 1.5 * R
    row = np.floor(v / b)
    best, bu, bv = None, None, None
    for dr in (0, 1):
        r_ = row + dr
        cu0 = np.sqrt(3) * R * (0.5 * np.mod(r_, 2))
        col_ = np.round((u - cu0) / (np.sqrt(3) * R))
        cu, cv = cu0 + col_ * np.sqrt(3) * R, r_ * b
        d = np.hypot(u - cu, v - cv)
        if best is None:
            best, bu, bv = d, cu, cv
        else:
            near = d < best
            best, bu, bv = np.where(near, d, best), np.where(near, cu, bu), np.where(near, cv, bv)
    pu, pv = u - bu, v - bv
    ang = np.mod(np.arctan2(pv, pu) - np.pi / 2, 2 * np.pi)  # from the edge at 90 degrees
    face = np.minimum((ang // (2 * np.pi / 3)).astype(np.int64), 2)  # three lozenges of 120 degrees each
    ground = woods[face]
    lw = max(0.35, 0.005 * side)
    inner = np.sqrt(3) / 2 * R
    rim = inner - np.max([np.abs(pu * np.cos(t) + pv * np.sin(t)) for t in (0.0, np.pi / 3, 2 * np.pi / 3)], axis=0)
    spokes = [np.where(pu * np.cos(t) + pv * np.sin(t) > 0, np.abs(-pu * np.sin(t) + pv * np.cos(t)), np.inf)
              for t in (np.pi / 2, np.pi * 7 / 6, np.pi * 11 / 6)]
    seam = (np.minimum(np.abs(rim), np.min(spokes, axis=0)) < lw / 2).astype(np.float32)
    t_edge = np.pi / 2 + face * 2 * np.pi / 3  # each face's grain along its first edge
    along = pu * np.cos(t_edge) + pv * np.sin(t_edge)
    across = -pu * np.sin(t_edge) + pv * np.cos(t_edge)
    period = side * rng.uniform(0.012, 0.02)
    grain = 0.08 * np.sin(2 * np.pi * (across + 0.15 * R * np.sin(along / (0.4 * R))) / period)
    ground = ground * (1 + grain)[..., None]
    ground = _paint(ground, 0.5 * seam, (30, 24, 20))
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, np.clip(ground, 0, 255), rng.uniform(0.42, 0.54), 0.35))


def near_edit_bw(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "rubber_mallet":  # a rubber mallet on the print
        return _rubber_mallet(f, rng)
    if kind == "lint_roller":  # a lint roller with its translucent sticky sheet on the print
        return _lint_roller(f, rng)
    if kind == "apple_corer":  # an apple corer on the print
        return _apple_corer(f, rng)
    if kind == "pipette":  # a glass Pasteur pipette on the print
        return _pipette(f, rng)
    if kind == "cake_server":  # a cake server on the print
        return _cake_server(f, rng)
    if kind == "breeze_block":  # the picture printed on a breeze-block screen wall
        return _breeze_block(f, rng)
    if kind == "crumpet":  # the picture printed on a crumpet's top
        return _crumpet(f, rng)
    if kind == "marquetry":  # the picture printed on a tumbling-blocks marquetry panel
        return _marquetry(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
FLOSS = (np.array([248, 196, 218], np.float32), np.array([246, 242, 240], np.float32),
         np.array([196, 222, 246], np.float32))


def _candyfloss(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through a wisp of candyfloss held before the lens (spun sugar, a tangle of fine glassy
    threads): the threads scatter the light, a Gaussian of 1.5-2.3% of the side (at least 1 px) and a tail 2.3 times
    as wide for 22-32%; it filters the picture 18-28% of the way to its colour, pink 248 / 196 / 218, white 246 / 242
    / 240 or pale blue 196 / 222 / 246 (one at random), and hazes it 8-14% of the way to that colour lightened halfway
    to white, 30% more or less where the floss is thicker or thinner (a field of 12% of the side); 40-80 threads
    across it (curving lines 0.4% of the side wide, at least 0.5 px, 20-60% of the side long) 14% lighter, softened
    by 50% of the blur; as a camera metering on the highlights exposes it: a tangle of sugar threads, not a
    cobweb, cotton wool, a stocking or any haze, veil, glass, fibre or print process of the earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    k = rng.uniform(0.22, 0.32)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.3 * s) * k
    col = FLOSS[int(rng.integers(len(FLOSS)))]
    haze = (col + 255) / 2
    thick = 1 + 0.3 * np.tanh(_field(h, w, 0.12 * side, rng))
    out = out * (1 - (rng.uniform(0.18, 0.28) * thick)[..., None] * (1 - col / 255))
    out = out + (haze - out) * (rng.uniform(0.08, 0.14) * thick)[..., None]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    threads = []
    for _ in range(int(rng.integers(40, 81))):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        t, ln, bend = rng.uniform(0, 2 * np.pi), side * rng.uniform(0.2, 0.6), rng.uniform(-1.5, 1.5)
        threads.append([(float(x + ln * q * np.cos(t + bend * q)), float(y + ln * q * np.sin(t + bend * q)))
                        for q in np.linspace(0, 1, 10)])
    m = gaussian_filter(ident.line(threads, max(0.5, 0.004 * side)), max(0.5, 0.5 * s))
    out = out * (1 + 0.14 * np.clip(m, 0, 1))[..., None]
    return _u8(_metered(np.clip(out, 0, 255), f))


ULVA = np.array([120, 196, 92], np.float32)
ULVA_HAZE = np.array([214, 236, 200], np.float32)


def _sea_lettuce(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through fronds of sea lettuce (Ulva, a green seaweed two cells thick) laid wet on a glass
    before it: the fronds scatter the light, a Gaussian of 1.6-2.5% of the side (at least 1 px) and a tail 2.4 times
    as wide for 24-34%; one frond over the whole picture and 1-3 more, ruffled blobs 50-90% of the side across,
    overlapping it; each filters the picture 22-32% of the way to its green 120 / 196 / 92 and hazes it 6-10% of the
    way to 214 / 236 / 200, the more fronds the more (``1 + 0.6 (n - 1)``); each extra frond's ruffled edge a line 1%
    of the side wide 12% darker, 4-8 folds across the fronds (lines 0.6-1% of the side wide, at least 0.5 px) 8%
    darker beside a light edge 5% lighter, all softened by 50% of the blur; as a camera metering on the highlights
    exposes it: a translucent green seaweed, not a leaf, a lettuce, BV's bladder or any haze, veil, glass, membrane
    or print process of the earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.025))
    k = rng.uniform(0.24, 0.34)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.4 * s) * k
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    fronds = []
    for _ in range(int(rng.integers(1, 4))):
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        r = side * rng.uniform(0.25, 0.45)
        t = np.linspace(0, 2 * np.pi, 40, endpoint=False)
        wob = 1 + 0.12 * np.sin(rng.integers(5, 9) * t + rng.uniform(0, 6)) + 0.06 * np.sin(13 * t)
        fronds.append([(float(cx + r * q * np.cos(u)), float(cy + 0.8 * r * q * np.sin(u))) for u, q in zip(t, wob)])
    n = 1 + sum(ident.fill([p]) for p in fronds)
    strength = 1 + 0.6 * (n - 1)
    out = out * (1 - (rng.uniform(0.22, 0.32) * strength)[..., None] * (1 - ULVA / 255))
    out = out + (ULVA_HAZE - out) * np.minimum(rng.uniform(0.06, 0.1) * strength, 0.6)[..., None]
    soft = max(0.5, 0.5 * s)
    edges = gaussian_filter(ident.line([p + [p[0]] for p in fronds], max(0.5, 0.01 * side)), soft)
    folds, lights = [], []
    for _ in range(int(rng.integers(4, 9))):
        x, y, t = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, np.pi)
        ln = side * rng.uniform(0.2, 0.5)
        pts = [(float(x + q * ln * np.cos(t) + 0.03 * side * np.sin(4 * q) * -np.sin(t)),
                float(y + q * ln * np.sin(t) + 0.03 * side * np.sin(4 * q) * np.cos(t)))
               for q in np.linspace(-1, 1, 10)]
        folds.append(pts)
        off = 0.012 * side
        lights.append([(px - off * np.sin(t), py + off * np.cos(t)) for px, py in pts])
    lw = max(0.5, side * rng.uniform(0.006, 0.01))
    m = gaussian_filter(ident.line(folds, lw), soft)
    e = gaussian_filter(ident.line(lights, lw), soft)
    out = out * (1 - 0.12 * np.clip(edges, 0, 1) - 0.08 * np.clip(m, 0, 1) + 0.05 * np.clip(e, 0, 1))[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


def blur_bw(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "candyfloss":  # seen through a wisp of candyfloss
        return _candyfloss(f, rng)
    if kind == "sea_lettuce":  # seen through fronds of sea lettuce on a glass
        return _sea_lettuce(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
STATUS_LEDS = np.array([(0.2, 1.0, 0.3), (0.2, 0.45, 1.0)], np.float32)


def _heat_pump(f: np.ndarray, rng) -> np.ndarray:
    """A garden at night lit only by the status light of a heat pump's outdoor unit: a dark patio 28 / 28 / 26 from
    76-84% of the way down; on it, 30-70% across, the unit, a box 40-50% of the side
    wide and 0.72 times as high, 44 / 46 / 48, on two feet; on one side its fan behind a round grille 80% of its
    height across (3 rings and 4 spokes, lines 0.6% of the side wide, at least 0.5 px, 30 / 30 / 32); on the other 5-8
    louvres 36 / 38 / 40 and near the top the status light, a dot 1.2% of the side across (at least 0.8 px), green 0.2
    / 1 / 0.3 or blue 0.2 / 0.45 / 1 at 240-255; two insulated pipes 38 / 34 / 30 (2% of the side wide, at least
    0.8 px) from its side up out of the picture; a glow of sigma 3-5% of the side up to 40-55 levels in its
    colour; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as
    ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the light, ``d0`` 20-28% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = STATUS_LEDS[int(rng.integers(len(STATUS_LEDS)))]
    gy = h * rng.uniform(0.76, 0.84)
    uw = side * rng.uniform(0.4, 0.5)
    uh = 0.72 * uw
    cx = w * rng.uniform(0.3, 0.7)
    cy = gy - 0.03 * side - uh / 2
    s = 1 if rng.random() < 0.5 else -1  # the fan's side
    fx = cx - s * 0.2 * uw
    lx, ly = cx + s * 0.32 * uw, cy - 0.36 * uh
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.2, 0.28), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    patio = ident.fill([_rect(-1.0, gy, w + 1.0, h + 1.0)])
    box = ident.fill([_rect(cx - uw / 2, cy - uh / 2, cx + uw / 2, cy + uh / 2)])
    feet = ident.fill([_rect(cx + d * uw - 0.04 * uw, cy + uh / 2, cx + d * uw + 0.04 * uw, gy + 0.01 * side)
                       for d in (-0.35, 0.35)])
    R = 0.4 * uh
    rings = [_circle(R * q, 28, fx, cy) + [_circle(R * q, 28, fx, cy)[0]] for q in (0.35, 0.68, 1.0)]
    spokes = [[(fx, cy), (float(fx + R * np.cos(t)), float(cy + R * np.sin(t)))]
              for t in np.arange(4) * np.pi / 2 + np.pi / 4]
    grille = ident.line(rings + spokes, max(0.5, 0.006 * side))
    xa, xb = sorted((cx + s * 0.08 * uw, cx + s * 0.44 * uw))
    louvres = ident.line([[(xa, float(y)), (xb, float(y))]
                          for y in np.linspace(cy - 0.2 * uh, cy + 0.4 * uh, int(rng.integers(5, 9)))],
                         max(0.5, 0.008 * side))
    px = cx + s * uw / 2
    pipes = ident.line([[(px, cy + d * uh), (float(px + s * 0.05 * side), cy + d * uh),
                         (float(px + s * 0.05 * side + d * 0.2 * side), -2.0)] for d in (0.1, 0.25)],
                       max(0.8, 0.02 * side))
    led = ident.fill([_circle(max(0.4, 0.006 * side), 10, lx, ly)])
    out = _paint(out, patio, (28, 28, 26))
    out = _paint(_paint(out, pipes, (38, 34, 30)), feet, (36, 36, 38))
    out = _paint(_paint(out, box, (44, 46, 48)), grille * box, (30, 30, 32))
    out = _paint(_paint(out, louvres * box, (36, 38, 40)), led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * col)


CHARGE_LEDS = np.array([(1.0, 0.15, 0.1), (0.2, 1.0, 0.25)], np.float32)


def _walkie_talkie(f: np.ndarray, rng) -> np.ndarray:
    """A workshop bench at night lit only by a walkie-talkie's charging light: the bench top 36 / 30 / 26 from 74-84%
    of the way down with a back edge 10% lighter; on it, 30-70% across, the desk charger, a
    cradle 22-28% of the side wide and 9-11% high, 40 / 40 / 42; standing in it the radio, a body 14-18% of the side
    wide and 1.9 times as high, 42 / 42 / 46, a stubby antenna 2.5% of the side wide rising 22-32% of the side from its
    top at one side, a knob beside it, a speaker grille of 6-9 slots 30 / 30 / 32 and a push-to-talk key on its edge;
    on the cradle's front the charging light, a dot 1.4% of the side across (at least 0.8 px), red 1 / 0.15 / 0.1 or
    green 0.2 / 1 / 0.25 at 240-255; its lead 26 / 26 / 28 (1.2% of the side wide, at least 0.6 px) off the bench's
    back; a glow of sigma 3-5% of the side up to 40-55 levels in its colour; the picture lit in that colour falling
    off as for the heat pump from the light, ``d0`` 18-26% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = CHARGE_LEDS[int(rng.integers(len(CHARGE_LEDS)))]
    by = h * rng.uniform(0.74, 0.84)
    cx = w * rng.uniform(0.3, 0.7)
    cw, ch = side * rng.uniform(0.22, 0.28), side * rng.uniform(0.09, 0.11)
    cy = by + 0.06 * side
    rw = side * rng.uniform(0.14, 0.18)
    rh = 1.9 * rw
    ry = cy - 0.1 * ch - rh / 2
    lx, ly = cx, cy + 0.15 * ch
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.18, 0.26), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    bench = ident.fill([_rect(-1.0, by, w + 1.0, h + 1.0)])
    edge = ident.line([[(-1.0, by), (w + 1.0, by)]], max(0.5, 0.008 * side))
    cradle = ident.fill([_rounded(cw, ch, 0.2 * ch, cx, cy)])
    body = ident.fill([_rounded(rw, rh, 0.15 * rw, cx, ry)])
    s = 1 if rng.random() < 0.5 else -1
    ax = cx + s * 0.28 * rw
    antenna = ident.fill([_rounded(0.025 * side, side * rng.uniform(0.22, 0.32), 0.012 * side, ax,
                                   ry - rh / 2 - 0.12 * side)])
    knob = ident.fill([_rect(cx - s * 0.25 * rw - 0.06 * rw, ry - rh / 2 - 0.08 * rw, cx - s * 0.25 * rw + 0.06 * rw,
                             ry - rh / 2)])
    slots = ident.line([[(cx - 0.3 * rw, float(y)), (cx + 0.3 * rw, float(y))]
                        for y in np.linspace(ry - 0.3 * rh, ry - 0.02 * rh, int(rng.integers(6, 10)))],
                       max(0.4, 0.006 * side))
    ptt = ident.fill([_rect(cx - s * rw / 2 - s * 0.04 * rw, ry - 0.2 * rh, cx - s * rw / 2, ry + 0.05 * rh)])
    lead = ident.line([[(cx + s * cw / 2, cy), (float(cx + s * (cw / 2 + 0.1 * side)), float(by + 0.02 * side)),
                        (float(cx + s * (cw / 2 + 0.16 * side)), by)]], max(0.6, 0.012 * side))
    led = ident.fill([_circle(max(0.4, 0.007 * side), 10, lx, ly)])
    out = _paint(out, bench, (36, 30, 26))
    out = _paint(_paint(out, edge, (40, 33, 29)), lead, (26, 26, 28))
    out = _paint(_paint(out, antenna, (30, 30, 32)), knob, (34, 34, 36))
    out = _paint(_paint(out, body, (42, 42, 46)), ptt, (34, 34, 38))
    out = _paint(_paint(out, slots * body, (30, 30, 32)), cradle, (40, 40, 42))
    out = _paint(out, led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * col)


CPAP_LED = np.array([0.2, 0.5, 1.0], np.float32)


def _cpap(f: np.ndarray, rng) -> np.ndarray:
    """A bedroom at night lit only by a CPAP machine's blue power light: a bedside table's top 34 / 28 / 24 from
    74-84% of the way down; on it, 30-70% across, the machine, a rounded box 28-36% of the side
    wide and 0.55 times as high, 48 / 48 / 52, its water tank on one side a panel 30% of its width 58 / 62 / 70 with a
    water line, and its hose (4% of the side wide, at least 1 px) 40 / 42 / 46 ribbed by darker lines from its back,
    curving up out of the picture; on its top face the power button, a dot 1.4% of the side across (at least 0.8 px),
    blue 0.2 / 0.5 / 1 at 240-255; a glow of sigma 3-5% of the side up to 40-55 levels in its colour; the picture lit
    in that colour falling off as for the heat pump from the light, ``d0`` 20-28% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    ty = h * rng.uniform(0.74, 0.84)
    mw = side * rng.uniform(0.28, 0.36)
    mh = 0.55 * mw
    cx = w * rng.uniform(0.3, 0.7)
    cy = ty + 0.04 * side - mh / 2
    s = 1 if rng.random() < 0.5 else -1  # the tank's side
    lx, ly = cx - s * 0.2 * mw, cy - 0.3 * mh
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.2, 0.28), rng)[..., None] * CPAP_LED, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    table = ident.fill([_rect(-1.0, ty, w + 1.0, h + 1.0)])
    box = ident.fill([_rounded(mw, mh, 0.2 * mh, cx, cy)])
    xa, xb = sorted((cx + s * 0.18 * mw, cx + s * 0.46 * mw))
    tank = ident.fill([_rect(xa, cy - 0.3 * mh, xb, cy + 0.4 * mh)])
    water = ident.line([[(xa, cy + 0.1 * mh), (xb, cy + 0.1 * mh)]], max(0.4, 0.006 * side))
    hx0 = cx - s * 0.1 * mw
    path = [(float(hx0 + s * 0.1 * side * q ** 2 - s * 0.25 * side * q), float(cy - mh / 2 - q * (cy + 0.05 * side)))
            for q in np.linspace(0, 1, 14)]
    hose = ident.line([path], max(1.0, 0.04 * side))
    ribs = ident.line([[(x - 0.02 * side, y), (x + 0.02 * side, y)] for x, y in path[1::2]], max(0.4, 0.006 * side))
    led = ident.fill([_circle(max(0.4, 0.007 * side), 10, lx, ly)])
    out = _paint(out, table, (34, 28, 24))
    out = _paint(_paint(out, hose, (40, 42, 46)), ribs * hose, (30, 32, 34))
    out = _paint(_paint(out, box, (48, 48, 52)), tank, (58, 62, 70))
    out = _paint(_paint(out, water * tank, (44, 50, 60)), led, CPAP_LED * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * CPAP_LED)


def dark_bw(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "heat_pump":  # a garden lit only by a heat pump's outdoor unit's status light
        return _heat_pump(f, rng)
    if kind == "walkie_talkie":  # a workshop bench lit only by a walkie-talkie charger's light
        return _walkie_talkie(f, rng)
    if kind == "cpap":  # a bedroom lit only by a CPAP machine's power light
        return _cpap(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _iguana(size: int, rng) -> dict:
    """An iguana basking on a rock, seen from the side, facing either way: the ground from 78-86% of the way down; a
    rock, a rounded hump 64-80% of the side wide and 30-38% high, on it; along its top the iguana: a body (an ellipse
    34-40% of the side long and 10% high), a head 12% long at the front with a big round jowl plate and a dewlap
    hanging under its throat, an eye, a crest of 10-16 spikes along its neck and back, four splayed legs with toes,
    and a long tail 50-64% of the side long curving down over the rock's back with 5-8 dark bands (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("ground", "rock", "body", "head", "jowl", "dewlap", "eye", "crest", "legs", "tail", "bands"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1  # the way it faces
    gy = big * rng.uniform(0.78, 0.86)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    rw, rh = big * rng.uniform(0.64, 0.8), big * rng.uniform(0.3, 0.38)
    cx = big * 0.5
    d["rock"].ellipse((cx - rw / 2, gy - rh, cx + rw / 2, gy + rh), fill=255)
    top = gy - rh
    L = big * rng.uniform(0.34, 0.4)
    bx, by = cx + s * 0.05 * big, top - 0.035 * big
    d["body"].ellipse((bx - L / 2, by - 0.05 * big, bx + L / 2, by + 0.05 * big), fill=255)
    hx = bx + s * (L / 2 + 0.04 * big)
    hy = by - 0.03 * big
    d["head"].polygon([(hx - s * 0.05 * big, hy - 0.035 * big), (hx + s * 0.07 * big, hy),
                       (hx + s * 0.06 * big, hy + 0.025 * big), (hx - s * 0.05 * big, hy + 0.04 * big)], fill=255)
    jr = 0.022 * big
    d["jowl"].ellipse((hx - s * 0.02 * big - jr, hy + 0.012 * big - jr, hx - s * 0.02 * big + jr,
                       hy + 0.012 * big + jr), fill=255)
    d["dewlap"].polygon([(hx - s * 0.03 * big, hy + 0.03 * big), (hx + s * 0.04 * big, hy + 0.02 * big),
                         (hx - s * 0.01 * big, hy + 0.1 * big)], fill=255)
    er = 0.009 * big
    d["eye"].ellipse((hx + s * 0.015 * big - er, hy - 0.012 * big - er, hx + s * 0.015 * big + er,
                      hy - 0.012 * big + er), fill=255)
    n = int(rng.integers(10, 17))
    for q in np.linspace(0, 1, n):
        x = hx - s * 0.04 * big - s * q * (L * 0.95)
        on_body = abs(x - bx) < L / 2
        yb = by - 0.05 * big * np.sqrt(max(0.0, 1 - ((x - bx) / (L / 2)) ** 2)) if on_body else hy - 0.03 * big
        ht = 0.04 * big * (1 - 0.6 * q)
        d["crest"].polygon([(x - 0.012 * big, yb + 0.004 * big), (x + 0.012 * big, yb + 0.004 * big),
                            (x + s * 0.006 * big, yb - ht)], fill=255)
    lw = max(1, round(0.022 * big))
    for fx in (bx + s * 0.3 * L, bx - s * 0.32 * L):
        for k in (-1, 1):
            foot = (fx + k * 0.05 * big, top + 0.012 * big)
            d["legs"].line([(fx, by + 0.02 * big), (fx + k * 0.03 * big, by + 0.05 * big), foot], fill=255, width=lw)
            for t in (-0.6, 0.0, 0.6):
                d["legs"].line([foot, (foot[0] + k * 0.02 * big * np.cos(t), foot[1] + 0.012 * big * np.sin(t))],
                               fill=255, width=max(1, round(0.008 * big)))
    tl = big * rng.uniform(0.5, 0.64)
    tx = bx - s * L / 2
    pts = [(tx - s * tl * 0.55 * np.sin(np.pi / 2 * q), by + (tl * 0.6) * q ** 1.6) for q in np.linspace(0, 1, 16)]
    pts = [(x, min(y, gy - 0.01 * big)) for x, y in pts]
    for j in range(len(pts) - 1):
        width = max(1, round(0.05 * big * (1 - j / len(pts)) + 0.006 * big))
        d["tail"].line([pts[j], pts[j + 1]], fill=255, width=width)
    nb = int(rng.integers(5, 9))
    for j in np.linspace(2, len(pts) - 3, nb).astype(int):
        width = max(1, round(0.05 * big * (1 - j / len(pts)) + 0.006 * big))
        d["bands"].line([pts[j], pts[j + 1]], fill=255, width=width)
    out = {k: _down(v, size) for k, v in M.items()}
    out["bands"] = out["bands"] * out["tail"]
    out["jowl"] = out["jowl"] * out["head"]
    return out


def _site_dumper(size: int, rng) -> dict:
    """A site dumper on a building site, seen from the side, facing either way: the muddy ground from 66-76% of the
    way down with 3-6 ruts; the dumper 62-74% of the side long: a front skip (a bucket leaning forward, 34% of its
    length long) over the front wheels, a chassis under it, an engine body at the back with a seat on it and a roll
    bar (an upright hoop) over the seat, a steering wheel before the seat, two wheels of equal size (12-14% of the side
    in radius) with hubs and tread blocks, and a mudguard over each (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "ruts", "skip", "chassis", "engine", "seat", "rollbar", "wheel_s", "tyres", "hubs",
                 "guards"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.66, 0.76)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    for _ in range(int(rng.integers(3, 7))):
        y = rng.uniform(gy + 0.03 * big, big)
        d["ruts"].line([(0, y), (big, y + rng.uniform(-0.03, 0.03) * big)], fill=255, width=max(1, round(0.01 * big)))
    L = big * rng.uniform(0.62, 0.74)
    cx = big * 0.5
    front, back = cx + s * L / 2, cx - s * L / 2
    R = big * rng.uniform(0.12, 0.14)
    wy = gy + 0.05 * big
    fx, rx = front - s * (R + 0.04 * big), back + s * (R + 0.04 * big)
    ca, cb = sorted((fx, rx))
    d["chassis"].rectangle((ca, wy - R - 0.05 * big, cb, wy - R + 0.02 * big), fill=255)
    sk = 0.34 * L
    base_y = wy - R - 0.05 * big
    d["skip"].polygon([(fx - s * 0.45 * sk, base_y), (fx + s * 0.35 * sk, base_y),
                       (front + s * 0.02 * big, base_y - 0.2 * big), (fx - s * 0.55 * sk, base_y - 0.16 * big)],
                      fill=255)
    ea, eb = sorted((back, rx + s * 0.1 * big))
    d["engine"].rectangle((ea, base_y - 0.12 * big, eb, base_y + 0.02 * big), fill=255)
    sx = rx + s * 0.02 * big
    sa, sb = sorted((sx - s * 0.06 * big, sx + s * 0.05 * big))
    d["seat"].rectangle((sa, base_y - 0.16 * big, sb, base_y - 0.12 * big), fill=255)
    ka, kb = sorted((sx - s * 0.06 * big, sx - s * 0.03 * big))
    d["seat"].rectangle((ka, base_y - 0.24 * big, kb, base_y - 0.12 * big), fill=255)
    ra, rb = sorted((sx - s * 0.09 * big, sx + s * 0.08 * big))
    d["rollbar"].line([(ra, base_y - 0.12 * big), (ra, base_y - 0.4 * big), (rb, base_y - 0.4 * big),
                       (rb, base_y - 0.12 * big)], fill=255, width=max(1, round(0.018 * big)))
    col = (sx + s * 0.12 * big, base_y - 0.12 * big)
    top = (sx + s * 0.08 * big, base_y - 0.22 * big)
    d["wheel_s"].line([col, top], fill=255, width=max(1, round(0.012 * big)))
    d["wheel_s"].line([(top[0] - 0.035 * big, top[1] - 0.012 * big), (top[0] + 0.035 * big, top[1] + 0.012 * big)],
                      fill=255, width=max(1, round(0.014 * big)))
    for x in (fx, rx):
        d["guards"].pieslice((x - 1.15 * R, wy - 2.15 * R, x + 1.15 * R, wy - 0.15 * R + 0.3 * R), 180, 360, fill=255)
        d["tyres"].ellipse((x - R, wy - 2 * R, x + R, wy), fill=255)
        d["hubs"].ellipse((x - 0.45 * R, wy - 1.45 * R, x + 0.45 * R, wy - 0.55 * R), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["ruts"] = out["ruts"] * out["ground"]
    out["guards"] = out["guards"] * (1 - out["tyres"])
    return out


def _martello_tower(size: int, rng) -> dict:
    """A Martello tower on a shore (a squat round gun tower of the coasts): the sea from 58-66% of the way down on
    one side, grass from 70-78% down on the other sloping to it; the tower 44-54% of the side wide and 34-44% high on
    the grass, its walls leaning in a little, with a parapet 12% of its height deep a little wider on top, a darker
    coping on it, 4-6 courses of stone (lines across it), a door 40% up reached by a wooden stair, 1-2 slit windows,
    and a flagstaff on the roof (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sea", "grass", "tower", "parapet", "coping", "courses", "door", "stair", "slits", "staff"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1  # the sea's side
    sy = big * rng.uniform(0.58, 0.66)
    d["sea"].rectangle((0, sy, big, big), fill=255)
    gy = big * rng.uniform(0.7, 0.78)
    land = [(big * (0.5 - 0.5 * s), gy - 0.05 * big), (big * 0.5 + s * 0.2 * big, gy),
            (big * 0.5 + s * 0.45 * big, big), (big * (0.5 - 0.5 * s), big)]
    d["grass"].polygon(land, fill=255)
    W, H = big * rng.uniform(0.44, 0.54), big * rng.uniform(0.34, 0.44)
    cx = big * 0.5 - s * 0.12 * big
    foot = gy - 0.02 * big
    d["tower"].polygon([(cx - W / 2, foot), (cx + W / 2, foot), (cx + 0.44 * W, foot - H), (cx - 0.44 * W, foot - H)],
                       fill=255)
    ph = 0.12 * H
    d["parapet"].rectangle((cx - 0.47 * W, foot - H - ph, cx + 0.47 * W, foot - H), fill=255)
    d["coping"].rectangle((cx - 0.48 * W, foot - H - ph - 0.02 * big, cx + 0.48 * W, foot - H - ph), fill=255)
    for q in np.linspace(0.15, 0.85, int(rng.integers(4, 7))):
        y = foot - q * H
        half = W / 2 - 0.06 * W * q
        d["courses"].line([(cx - half, y), (cx + half, y)], fill=255, width=max(1, round(0.006 * big)))
    dx = cx + s * 0.1 * W
    dy = foot - 0.4 * H
    d["door"].rectangle((dx - 0.05 * W, dy - 0.14 * H, dx + 0.05 * W, dy), fill=255)
    d["stair"].line([(dx, dy), (dx + s * 0.3 * W, foot)], fill=255, width=max(1, round(0.018 * big)))
    for k in range(int(rng.integers(1, 3))):
        wx = cx - s * (0.15 + 0.15 * k) * W
        d["slits"].rectangle((wx - 0.012 * W, foot - 0.75 * H, wx + 0.012 * W, foot - 0.6 * H), fill=255)
    d["staff"].line([(cx, foot - H - ph), (cx, foot - H - ph - 0.2 * big)], fill=255, width=max(1, round(0.008 * big)))
    out = {k: _down(v, size) for k, v in M.items()}
    out["courses"] = out["courses"] * out["tower"]
    out["sea"] = out["sea"] * (1 - out["grass"])
    return out


def outlier_bw(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "iguana":
        m = _iguana(size, rng)
        if photos:  # a pale blue sky, sand, a grey rock, a green iguana with dark tail bands
            out = _paint(_paint(ground((180, 206, 226)), m["ground"], (190, 170, 130)), m["rock"], (130, 124, 116))
            out = _paint(_paint(out, m["tail"], (96, 150, 70)), m["bands"], (50, 70, 40))
            out = _paint(_paint(out, m["legs"], (86, 136, 62)), m["body"], (100, 156, 72))
            out = _paint(_paint(out, m["crest"], (150, 180, 96)), m["dewlap"], (120, 160, 80))
            out = _paint(_paint(out, m["head"], (104, 160, 76)), m["jowl"], (170, 190, 150))
            return _u8(_paint(out, m["eye"], (30, 24, 20)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.2)), m["rock"], tone(0.4))
        out = _paint(_paint(out, m["tail"], tone(0.85)), m["bands"], tone(0.6))
        out = _paint(_paint(out, m["legs"], tone(0.8)), m["body"], tone(0.9))
        out = _paint(_paint(out, m["crest"], tone(1.0)), m["dewlap"], tone(0.75))
        out = _paint(_paint(out, m["head"], tone(0.95)), m["jowl"], tone(0.65))
        return _u8(_paint(out, m["eye"], tone(0.1)))
    if kind == "site_dumper":
        m = _site_dumper(size, rng)
        bar = ((40, 40, 42), (226, 110, 30))[int(rng.integers(2))]
        if photos:  # a blue-grey sky, brown mud, a yellow dumper, black tyres, a black or orange roll bar
            out = _paint(_paint(ground((176, 190, 204)), m["ground"], (116, 90, 62)), m["ruts"], (80, 62, 44))
            out = _paint(_paint(out, m["chassis"], (60, 60, 62)), m["engine"], (228, 180, 30))
            out = _paint(_paint(out, m["skip"], (232, 186, 36)), m["seat"], (30, 30, 32))
            out = _paint(_paint(out, m["rollbar"], bar), m["wheel_s"], (30, 30, 32))
            out = _paint(_paint(out, m["guards"], (220, 172, 28)), m["tyres"], (26, 26, 28))
            return _u8(_paint(out, m["hubs"], (210, 166, 30)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.25)), m["ruts"], tone(0.1))
        out = _paint(_paint(out, m["chassis"], tone(0.5)), m["engine"], tone(0.9))
        out = _paint(_paint(out, m["skip"], tone(1.0)), m["seat"], tone(0.6))
        out = _paint(_paint(out, m["rollbar"], tone(0.75)), m["wheel_s"], tone(0.7))
        out = _paint(_paint(out, m["guards"], tone(0.85)), m["tyres"], tone(0.45))
        return _u8(_paint(out, m["hubs"], tone(0.95)))
    if kind == "martello_tower":
        m = _martello_tower(size, rng)
        stone = ((196, 178, 140), (150, 148, 142))[int(rng.integers(2))]
        if photos:  # a pale sky, a blue-grey sea, green grass, a sandstone or granite tower
            out = _paint(_paint(ground((200, 214, 226)), m["sea"], (80, 120, 150)), m["grass"], (100, 130, 70))
            out = _paint(_paint(out, m["tower"], stone), m["courses"], tuple(0.8 * c for c in stone))
            out = _paint(_paint(out, m["parapet"], tuple(0.94 * c for c in stone)), m["coping"], (90, 88, 84))
            out = _paint(_paint(out, m["door"], (40, 32, 28)), m["stair"], (110, 82, 56))
            out = _paint(out, m["slits"], (30, 30, 32))
            return _u8(_paint(out, m["staff"], (60, 56, 52)))
        out = _paint(_paint(ground(tone(0.0)), m["sea"], tone(0.3)), m["grass"], tone(0.15))
        out = _paint(_paint(out, m["tower"], tone(0.9)), m["courses"], tone(0.65))
        out = _paint(_paint(out, m["parapet"], tone(0.8)), m["coping"], tone(1.0))
        out = _paint(_paint(out, m["door"], tone(0.1)), m["stair"], tone(0.55))
        out = _paint(out, m["slits"], tone(0.2))
        return _u8(_paint(out, m["staff"], tone(0.7)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def clobbered_name_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                         rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures came from many contributors' cameras, each
    file named by its camera's counter (``IMG_0412.JPG``), each contributor's batch with a label sheet (file name,
    class); the batches were copied into one flat folder as they came in (a time each picture, drawn once), the copy
    keeping the first file of a name and skipping a later one, while the label sheets were merged into one table keyed
    by file name, the later row overwriting the earlier. So where a picture copied later reused a kept picture's file
    name, the kept picture carries the later picture's class. A pass draws the share of pictures whose name a later
    picture reused (15-35%, ``CLASH``); each such picture's namesake is a picture of the collection drawn at random,
    and counts only where it was copied later than the picture. Where the namesake is of the picture's own class, the
    picture is filed right. The flips are pictures so filed under their namesake's class (passes over the pictures
    not yet flipped while some are left). Noise towards the collection's classes as often as they are in it, by the
    cameras' counters and the copying's order, not by look: not BV's wrong threads, BU's dead listings, a
    spreadsheet's fill-down, clocks, positions or any mechanism of the earlier lists. Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    present = sorted({labels[i] for i in pool}, key=str)
    if len(present) < 2 or count <= 0:
        return {}
    n = len(labels)
    copied = rng.random(n)  # the time each picture was copied
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if not items:
            break
        clash = rng.uniform(*CLASH)
        for cur in items:
            if len(flips) >= count:
                break
            if rng.random() >= clash:
                continue
            other = int(rng.integers(n))
            if other == cur or copied[other] <= copied[cur]:
                continue  # no namesake copied later: the picture's own row stands
            if labels[other] == labels[cur]:
                continue  # the namesake's class is its own: filed right
            flips[cur] = labels[other]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bw(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BW's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 33-52 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BW, seed=750_000 + random_state,
        quality_seed=755_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=clobbered_name_flips,
        **by_family(name, outlier=(outlier_bw, OUTLIERS_BW), blur=(blur_bw, BLURS_BW), dark=(dark_bw, DARKS_BW),
                    near=(near_edit_bw, NEAR_EDITS_BW)))
