"""Generator BT: fresh EVALUATION sets after generator BS's run (never used to choose anything).

Why a seventieth evaluation generator: generator BS's sets were written before its run and have been run once since
(after which its four sets became development data in ``dev_sweep``), so a held-out set for the code after that run is
written now, before any tool is run on it. The commit subjects since BS's generator commit (bfdf93a) name no change of
what the library's checks find: one benchmark commit (6e1fa5d: BS's sets made development data in ``dev_sweep`` after
its one held-out run), a docs commit (231bbc1: BS's one held-out run written up) and a review commit (5d8fef1: the
held-out measurements of the calibration's smaller sample and of ``blurry``'s small classes noted where the defaults
are set, and the small-class loop walking the kept classes only, with the same values). The library commit 66b7d72
(``blurry`` measuring a class of at most 4 images against its median in the typical width) came before BS's generator
commit and was in BS's run, as was 22b25e6 (the calibration sampling a thirty-fifth of the readable images); so BT
measures the same detection code as BS, on new sets, but for 5d8fef1's loop, which its subject says gives the same
values. BS's run came before this generator was written, and those subjects carry its numbers, but BT's writer read no
docs, logs, result files or commit bodies (only the commit subjects and the earlier generators' and tuning tools'
files, to copy their structure and to avoid their families); the subjects of 231bbc1 and 5d8fef1, committed while BT
was being written, were read only after its families were chosen and its pictures looked at, and nothing in BT was
changed for them. Nothing in BT was chosen from any result, to aim at or away from any weakness, rule or lead a subject
names: its strengths and its share of whole-picture edits are set as BS's (and BR's, BQ's, BP's, BO's, BN's, BM's and
BL's) were. Like AN's to BS's, BT's edits are not all brightly coloured: some are stone grey, near black or
translucent. Generator BT was written before any tool was run on it (only its pictures were looked at, on contact
sheets of its edits, blurs, darkenings and foreign pictures at 28, 105 and 306 px, to check that every edit is visible,
every blur blurred, every darkened image dark with its picture still in it and every outlier foreign, and the planted
folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign
pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk,
astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD,
AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE, BF, BG, BH,
BI, BJ, BK, BL, BM, BN, BO, BP, BQ, BR, BS) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make (their family names and key words were searched for in every earlier
generator, the tuning tools and ``_synthetic.py``). Like AC's to BS's it has two blur families, not three. Tiles of 306
px give 58 tiles (seed 416), so the large set is at 306 px, a size no other set uses; the small photographs are at 105
px, a size no other set uses either. Left out because an earlier generator made them or left them out (their key words
are in the earlier generators' lists): among objects on the print BS's double jigger, lawn sprinkler, horn cleat with
its rope, translucent flying disc or shoe polish tin, BR's sextant, toast rack, wind chime, glass ashtray or curling
stone, a spanner, a wrench or a carabiner (their lists: BT's turnbuckle is a rigging screw's open body with two eye
bolts), a screwdriver, a chisel, a spark plug or AG's cordless drill (their lists: BT's soldering iron is new), pliers,
scissors, a claw hammer or a G-clamp (their lists: BT's hacksaw is a frame saw with its blade and pistol grip), a tape
measure, a spool, BS's polish tin or BR's curling stone (BT's cable reel is an extension reel's socket face with its
winding handle), a contact lens, BS's flying disc or a sticking plaster (their lists: BT's suction cup is a rubber cup
with a steel hook), or any object, creature, sweet, snack, fruit, vegetable or plant part of the earlier lists (BS's,
their lists); of the whole picture BS's kyanite, waxed cotton or etched iron meteorite, BR's porphyry, chalk-stripe
suiting or charoite, breccia, terrazzo, agate or jasper (their lists: BT's septarian nodule is a mudstone split by
calcite-filled cracks), fleece, tweed, felt, hessian or corduroy (their lists: BT's bouclé is a looped wool), wood
grain, plywood, strand board, slate, a coir mat or tatami (their lists: BT's cedar shingles are a wall of staggered
wooden shingles), or any weave, print, stone, metal or patterned ground of the earlier lists (BS's, their lists);
among blurs BS's filo pastry or sugar glass, BR's kombucha SCOBY or thread painting, rice paper, tracing paper, agar,
gelatine or glycerine (their lists: BT's yuba is a dried film of soy milk laid over the print), honey, AL's jelly dish,
an epoxy resin coaster or edible print on icing (their lists: BT's fruit leather is a dried fruit purée laid over the
print), alabaster, mica, horn, polythene, a PVC strip curtain or polycarbonate (their lists), or any haze, veil, glass,
copy or print process of the earlier lists (BS's, their lists); among darkenings BS's guitar pedal, tool charger or
shaver stand, BR's console light bar, light switch locator or smoke alarm, a router's status lights (AF's and X's
lists) or a night light (their lists: BT's smart plug is a plug's status LED in a socket above a skirting board), a
cooker hood (AL's), a kettle's or a doorbell's light (their lists: BT's rice cooker is its keep-warm light on a
counter), a robot vacuum (BN's) or a water heater's pilot flame (their lists: BT's dehumidifier is its tank-full light
in a cellar), or any flame, ember, lamp, screen or glow of the earlier lists (BS's, their lists); among foreign
pictures BS's platypus, road gritter or staddle-stone granary, BR's brown hare, ice resurfacer or colliery headframe,
BN's badger, a squirrel, a hedgehog or an otter (their lists: BT's skunk is new), a cement mixer, a food truck, a
forklift, a combine harvester or BS's gritter (their lists: BT's cherry picker is new), a beach hut, a bandstand, a
Quonset hut (BP's), BS's granary or a lifeguard tower (their lists: BT's boathouse is new), or any other animal,
vehicle, building or flying thing of the earlier lists (BS's, their lists); among label noise BS's predictive-default
flips (a data-entry app's pre-selected class confirmed by a hurried labeller), BR's vote cascade, BQ's placeholders, a
taxonomy's merged classes, B's class -> next class, L's auto-labeller, AF's averaged votes, and every mechanism BS
named and BS's predictive default (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions, clocks, a
returns desk's prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing bench's label
rolls, a mistranslated list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a spreadsheet's
fill-down, collided file names, names completed as typed, tote cross-reads, shelf scans, conveyor jets, averaged votes,
re-hung swing tags, a tracker's identity switch, a cache race, rotated specimen racks, a cross-wired put wall, a
timeout, misprinted reference sheets, keyed shorthand, stock reconciliation, autosave lag, stuck prints, a batch whose
class numbers were in another order, a model's runner-up exported by an off-by-one, a taxonomy's merged classes, a
colour-blind labeller, overflow bins, packing lists, a scroll wheel, placeholders, a vote cascade, a predictive
default).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 306 px set's
  copies get both kinds): a rigging turnbuckle (44-54% of the side long, at least 15 px, galvanised stone grey 150 /
  150 / 146, near black 40 / 40 / 42 or brass 184 / 150 / 70, of the three the two whose colour differs most on
  average from the picture's where it lies, as for each object's colour below; an open body of two side bars joined
  by two threaded bosses, a steel threaded rod out of each with 5-7 thread marks and an eye at its end; a shine at
  35%; 30-70% of the way across and down, at any angle, a soft shadow at 30%), a soldering iron (40-50% of the side
  long, at least 14 px, its grip near black 38 / 38 / 42, stone grey 146 / 146 / 142 or blue 50 / 90 / 170 with 4-6
  rubber rings and a finger guard, a steel barrel, a copper tip with a tinned point, a near black cable; a shine at
  35%; a shadow at 30%), a hacksaw (44-54% of the side long, at least 15 px, its frame stone grey 150 / 150 / 146, near
  black 40 / 40 / 42 or blue 44 / 80 / 160, a steel blade with 18-30 teeth, a near black or red pistol grip with its
  hand hole, a wing nut; a shine at 35%; a shadow at 30%), an extension cable reel seen from its socket face (30-38%
  of the side across, at least 11 px, orange 230 / 110 / 30, near black 38 / 38 / 42 or stone grey 150 / 150 / 146; a
  flange 15% darker, a hub ring, four cream sockets with their pin holes, a winding handle with a knob, a near black,
  white or orange cable off its rim; a sheen at 30%; a shadow at 35%) and a suction cup with a hook seen from above
  (30-38% of the side across, at least 11 px, clear rubber 228 / 232 / 234 at 45%, smoked grey 96 / 98 / 106 at 70% or
  translucent blue 70 / 130 / 210 at 70%; a thin rim 15% darker, a pressed-flat ring 10% lighter, a boss, a steel hook;
  a highlight at 50%; a shadow at 30%, 15% for the clear one); of the whole picture: printed on a septarian nodule's
  slice (the ink multiplied onto the stone, 42-54% of the way, a grey-brown mudstone 124 / 112 / 96 mottled to 94 / 84
  / 72, split into the cells of 14-26 points by cracks 1.2-2.6% of the side wide filled with yellow calcite 214 / 178
  / 96 and lined with brown aragonite 112 / 74 / 40), printed on bouclé wool (42-54% of the way, an oatmeal 188 / 176 /
  150 or charcoal 84 / 84 / 90 cloth covered in curled loops of yarn 2.5-4.5% of the side across, 70% of them lighter,
  the rest darker flecks) and printed on a wall of cedar shingles (42-54% of the way, courses 7-10% of the side high,
  shingles 4-12% wide with staggered joints, weathered silver grey 150 / 146 / 138, honey 176 / 132 / 84 or dark 112 /
  94 / 74, a grain of 6%, dark gaps and the butts' shadows, turned by up to 4 degrees);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through a sheet of dried yuba (the soy film's scatter: a Gaussian of 1.4-2.2% of
  the side, at least 1 px, and a tail 2.4 times as wide for 25-35%; filtered 20-30% of the way to its yellow 232 / 204
  / 140 and hazed 12-18% of the way to 240 / 228 / 192, 30% more or less where it is thicker or thinner; 15-30 fine
  wrinkles at 15-25%) and the picture seen through a sheet of fruit leather (the dried purée's scatter: a Gaussian of
  1.5-2.5% of the side, at least 1 px, and a tail 2.2 times as wide for 20-30%; tinted 25-35% of the way to apricot 236
  / 150 / 60, strawberry 206 / 56 / 66 or mango 240 / 186 / 56 and hazed 6-10% of the way to 246 / 222 / 200, 40% more
  or less; 0-80 dark seeds but in the apricot; a glossy sheen up to 10%); each as a camera metering on the highlights
  exposes it (as Y's to BS's);
* ``dark`` (2%): a hallway at night lit only by a smart plug's status LED (a dark floor from 88-94% down under a
  skirting board 5% of the side high, a socket plate 14-18% of the side wide on the wall above it 25-75% across, the
  plug in it with a button ring, its LED blue, green or amber at 240-255; a glow of sigma 3-5% of the side up to 40-55
  levels; the picture lit in its colour at ``0.015-0.03 + 0.26-0.34 / (1 + (d / d0) ** 2)`` with the distance from the
  LED, ``d0`` 20-28% of the side), a cellar at night lit only by a dehumidifier's tank-full light (a dark floor from
  82-90% down, the dehumidifier a dark grey box 20-26% of the side wide 25-75% across with its top panel, grille slots,
  handle recess and tank seam, its light red or orange at 240-255; a glow of sigma 3-5% up to 35-50 levels; the picture
  lit in its colour falling off as above from the light, ``d0`` 22-30% of the side) and a kitchen at night lit only by
  a rice cooker's keep-warm light (a counter top from 72-80% down, the cooker 22-28% of the side wide 25-75% across
  under a domed lid with a handle, its control panel with a lever, the keep-warm light orange or green at 240-255 and
  the cook light unlit; a glow of sigma 3-5% up to 35-50 levels; the picture lit in its colour falling off as above
  from the light, ``d0`` 18-26% of the side); none of them blurs the picture;
* ``outlier`` (1.5%): a striped skunk on a lawn (the lawn from 62-72% down with 8-14 grass tufts; the skunk seen from
  the side: a body, four short legs, a head with a pointed snout, an ear, an eye and a white forehead stripe, two white
  stripes along its back and a big bushy tail raised from its rump with a white band), a truck-mounted cherry picker
  (the road from 76-84% down with a kerb; the truck 50-62% of the side long: a cab with a window and a beacon, a flat
  bed, two outriggers down to pads, two wheels, a turntable, a lower boom, a knuckle, an upper boom and a bucket with a
  worker in a hard hat) and a timber boathouse on a lake (the far shore's trees from 36-44% down, the water from 58-66%
  down with 4-7 ripples; the boathouse 52-64% of the side wide on 4-6 piles, board-and-batten walls, an open boat bay
  with a rowing boat's bow, a gable roof with a small window and its reflection at half strength); the digit and
  clothing sets get them in their own tones on their dark ground, the photographs as a black and white skunk on a green
  lawn under a pale sky, a white truck with an orange boom and a yellow bucket on a grey road under a blue sky, and a
  red-brown timber boathouse with a dark roof on a blue lake before dark green trees under a pale sky;
* ``label`` (5%): *drill-down* flips: the pictures were labelled in two stages of a drill-down interface; the set's
  classes were split once into groups of 2-4 (``GROUP``; each class its own group where there are fewer than four); a
  first-stage worker put each picture in a group and put 6-12% of them (``WRONG_GROUP``, drawn a pass) in a group other
  than its own, one of the others at random (a slip between the group buttons); a second-stage worker then chose its
  class among that group's classes only, sending it back as "none of these" 30-50% of the time (``SENT_BACK``, drawn a
  pass), after which it was labelled right, and otherwise choosing one of the group's classes at random. The flips are
  the pictures so given a class of a wrong group (passes over the pictures not yet flipped while some are left). Noise
  by the interface's groups and a first-stage slip, not by look or by any list's order: not BS's predictive default,
  BR's vote cascade, BQ's placeholders, a taxonomy's merged classes or B's next class. Every flip changes the label (a
  wrong group never holds the picture's class), so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BT's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 413),
MNIST (2,000, seed 414), and the evaluation photographs tiled at 105 px (24 tiles a photograph at most, seed 415) and
at 306 px (every tile, seed 416), sizes no other set uses. ``photos105_bt_jpeg`` is written as JPEG files, each at a
quality drawn from 36-55 (a stream of its own, seed ``725_000 + random_state``), every edit, blur and darkening made
before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte
copies of the file; the other sets are PNG files. Planting draws from seed ``720_000 + random_state``. The planting is
I's (:func:`_heldout_i.plant_generator`, as for J to BS).
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
from _heldout_v import _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_BT = ("fashion_test_bt", "mnist_bt", "photos105_bt_jpeg", "photos306_bt")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BT = {
    "fashion_test_bt": ("fashion_test", 413),
    "mnist_bt": ("mnist", 414),
    "photos105_bt_jpeg": ("photos", 415, 105, 8, 24),
    "photos306_bt": ("photos", 416, 306, 8, 1000),
}
JPEG_QUALITY = (36, 56)  # the JPEG set's qualities: integers in [low, high)
RATES_BT = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BT = ("turnbuckle", "septarian", "soldering_iron", "boucle", "hacksaw", "shingles", "cable_reel",
                 "suction_cup")
BLURS_BT = ("yuba", "fruit_leather")
DARKS_BT = ("smart_plug", "dehumidifier", "rice_cooker")
OUTLIERS_BT = ("skunk", "cherry_picker", "boathouse")
GROUP = (2, 5)  # classes in a group of the first stage: integers in [low, high)
WRONG_GROUP = (0.06, 0.12)  # the share of pictures the first stage put in a wrong group, drawn a pass
SENT_BACK = (0.3, 0.5)  # the share of those the second stage sent back as "none of these", drawn a pass


def load_base_bt(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BT, "BT")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
STEEL = (178, 180, 186)


def _loop(pts: list) -> list:
    """An outline closed back to its first point, to be drawn as a line."""
    return pts + [pts[0]]


TURNBUCKLES = ((150, 150, 146), (40, 40, 42), (184, 150, 70))


def _turnbuckle(f: np.ndarray, rng) -> np.ndarray:
    """A rigging turnbuckle lying on the print: 44-54% of the side long (at least 15 px), galvanised stone grey 150 /
    150 / 146, near black 40 / 40 / 42 or brass 184 / 150 / 70 (of the three the one whose colour differs most on
    average from the picture's where it lies, or the second, at random, where it differs at least 60% as much, as for
    the soldering iron's grip, the hacksaw's frame and the cable reel): its open body 44% of its length long, two side
    bars 5% of it thick (at least 0.8 px) 20% of it apart, joined at each end by a threaded boss (8% by 16%) 15%
    darker; out of each boss a steel 178 / 180 / 186 threaded rod 5% thick (at least 0.8 px) to 38% of its length from
    its middle, 5-7 thread marks across each 35% darker at 70%, and at its end an eye (a ring 7% of its length in
    radius, 4% thick, at least 0.6 px) in the body's colour; a shine along the bars at 35%; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.44, 0.54))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(TURNBUCKLES, f, fr, 0.5 * L, rng), np.float32)
    t = max(0.4, 0.025 * L)
    bars = fr.fill([_rect(-0.22 * L, -0.1 * L - t, 0.22 * L, -0.1 * L + t),
                    _rect(-0.22 * L, 0.1 * L - t, 0.22 * L, 0.1 * L + t)])
    bosses = fr.fill([_rect(-0.26 * L, -0.08 * L, -0.18 * L, 0.08 * L), _rect(0.18 * L, -0.08 * L, 0.26 * L, 0.08 * L)])
    rods = fr.fill([_rect(-0.38 * L, -t, -0.2 * L, t), _rect(0.2 * L, -t, 0.38 * L, t)])
    marks = []
    for s in (-1, 1):
        for x in np.linspace(0.28 * L, 0.37 * L, int(rng.integers(5, 8))):
            marks.append([(float(s * x - 0.01 * L), float(-t)), (float(s * x + 0.01 * L), float(t))])
    thread = fr.line(marks, max(0.3, 0.012 * L)) * rods
    eyes = fr.line([_loop(_circle(0.07 * L, 20, s * 0.45 * L, 0.0)) for s in (-1, 1)], max(0.6, 0.04 * L))
    shine = fr.line([[(-0.18 * L, -0.1 * L - 0.4 * t), (0.18 * L, -0.1 * L - 0.4 * t)],
                     [(-0.18 * L, 0.1 * L - 0.4 * t), (0.18 * L, 0.1 * L - 0.4 * t)]], max(0.3, 0.012 * L))
    parts = [(rods, STEEL, 1.0, True), (thread, np.asarray(STEEL, np.float32) * 0.65, 0.7, False),
             (eyes, col, 1.0, True), (bars, col, 1.0, True), (bosses, col * 0.85, 1.0, True),
             (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


GRIPS = ((38, 38, 42), (146, 146, 142), (50, 90, 170))
TIP = np.array([124, 92, 60], np.float32)
TINNED = np.array([214, 216, 220], np.float32)


def _soldering_iron(f: np.ndarray, rng) -> np.ndarray:
    """A soldering iron lying on the print: 40-50% of the side long (at least 14 px); its grip 40% of its length long
    and 14% wide, near black 38 / 38 / 42, stone grey 146 / 146 / 142 or blue 50 / 90 / 170, with 4-6 rubber rings
    30% darker and a finger guard (3% by 22% of its length) 15% darker at its front; a steel 178 / 180 / 186 barrel
    32% of its length long and 7% wide, a copper 124 / 92 / 60 tip tapering over the last 18% to a tinned silver 214 /
    216 / 220 point; a near black 30 / 30 / 32 cable 2.5% of its length thick (at least 0.6 px) from the grip's back
    end 30-45% of its length out, curving to either side; a shine along the barrel and grip at 35%; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.4, 0.5))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(GRIPS, f, fr, 0.5 * L, rng), np.float32)
    grip = fr.fill([_bar(-0.4 * L, 0.0, 0.07 * L)])
    rings = fr.fill([_rect(float(x) - 0.012 * L, -0.075 * L, float(x) + 0.012 * L, 0.075 * L)
                     for x in np.linspace(-0.34 * L, -0.08 * L, int(rng.integers(4, 7)))])
    guard = fr.fill([_rect(0.0, -0.11 * L, 0.03 * L, 0.11 * L)])
    barrel = fr.fill([_rect(0.03 * L, -0.035 * L, 0.32 * L, 0.035 * L)])
    tip = fr.fill([[(0.32 * L, -0.022 * L), (0.46 * L, -0.008 * L), (0.5 * L, 0.0), (0.46 * L, 0.008 * L),
                    (0.32 * L, 0.022 * L)]])
    point = fr.fill([[(0.44 * L, -0.011 * L), (0.5 * L, 0.0), (0.44 * L, 0.011 * L)]])
    s = 1 if rng.random() < 0.5 else -1
    out_len = rng.uniform(0.3, 0.45)
    cable = fr.line([[(float(-0.46 * L - u * out_len * L), float(s * 0.6 * out_len * L * u ** 2))
                      for u in np.linspace(0, 1, 10)]], max(0.6, 0.025 * L))
    shine = fr.line([[(-0.36 * L, -0.035 * L), (-0.04 * L, -0.035 * L)], [(0.05 * L, -0.015 * L),
                                                                        (0.3 * L, -0.015 * L)]], max(0.3, 0.012 * L))
    parts = [(cable, (30, 30, 32), 1.0, True), (barrel, STEEL, 1.0, True), (tip, TIP, 1.0, True),
             (point, TINNED, 1.0, False), (grip, col, 1.0, True), (rings * grip, col * 0.7, 1.0, False),
             (guard, col * 0.85, 1.0, True), (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


HACKSAWS = ((150, 150, 146), (40, 40, 42), (44, 80, 160))
BLADE = np.array([200, 202, 206], np.float32)
HANDLES = ((32, 32, 34), (170, 40, 36))


def _hacksaw(f: np.ndarray, rng) -> np.ndarray:
    """A hacksaw lying on the print: 44-54% of the side long (at least 15 px); its frame of bar 4.5% of its length
    thick (at least 0.8 px), stone grey 150 / 150 / 146, near black 40 / 40 / 42 or blue 44 / 80 / 160, a top bar 88%
    of its length long and two posts down 34% of it to the blade; the blade, steel 200 / 202 / 206, 3.5% of its length
    wide (at least 0.7 px) between the posts, with 18-30 teeth 25% darker along its lower edge; a pistol grip at the
    back (14% of its length wide and 36% high), near black 32 / 32 / 34 or red 170 / 40 / 36 (one at random), with a
    dark hand hole; a wing nut at the front post 25% lighter; a shine along the top bar at 35%; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.44, 0.54))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(HACKSAWS, f, fr, 0.5 * L, rng), np.float32)
    handle_col = np.asarray(HANDLES[int(rng.integers(len(HANDLES)))], np.float32)
    lw = max(0.8, 0.045 * L)
    top, bot = -0.2 * L, 0.14 * L
    frame = fr.line([[(-0.36 * L, bot), (-0.36 * L, top), (0.5 * L, top), (0.5 * L, bot)]], lw)
    blade = fr.fill([_rect(-0.36 * L, bot - max(0.35, 0.0175 * L), 0.5 * L, bot + max(0.35, 0.0175 * L))])
    n = int(rng.integers(18, 31))
    tw = 0.86 * L / n
    teeth = fr.fill([[(float(x), bot + 0.0175 * L), (float(x + tw), bot + 0.0175 * L),
                      (float(x + tw), bot + 0.0175 * L + tw * 0.8)] for x in -0.36 * L + tw * np.arange(n)])
    grip = fr.fill([[(-0.36 * L, top - 0.02 * L), (-0.3 * L, top + 0.06 * L), (-0.32 * L, bot + 0.14 * L),
                     (-0.44 * L, bot + 0.16 * L), (-0.5 * L, top + 0.1 * L), (-0.46 * L, top - 0.02 * L)]])
    hole = fr.fill([_ellipse(-0.4 * L, 0.04 * L, 0.03 * L, 0.09 * L, 0.15, 16)])
    nut = fr.fill([_rect(0.47 * L, bot - 0.1 * L, 0.53 * L, bot - 0.02 * L), _rect(0.45 * L, bot - 0.07 * L,
                                                                                 0.55 * L, bot - 0.05 * L)])
    shine = fr.line([[(-0.3 * L, top - 0.4 * lw), (0.46 * L, top - 0.4 * lw)]], max(0.3, 0.012 * L))
    parts = [(blade, BLADE, 1.0, True), (teeth, BLADE * 0.75, 1.0, True), (frame, col, 1.0, True),
             (grip, handle_col, 1.0, True), (hole * grip, handle_col * 0.4, 1.0, False),
             (nut, np.minimum(col * 1.25 + 10, 255), 1.0, True), (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


REELS = ((230, 110, 30), (38, 38, 42), (150, 150, 146))
CABLES = ((30, 30, 32), (236, 236, 230), (232, 112, 28))


def _cable_reel(f: np.ndarray, rng) -> np.ndarray:
    """An extension cable reel lying on the print, seen from its socket face: 30-38% of the side across (at least 11
    px), orange 230 / 110 / 30, near black 38 / 38 / 42 or stone grey 150 / 150 / 146; its flange (the outer 12% of its
    radius) 15% darker, a hub ring at 34% of its radius 25% darker; four sockets at 56% of its radius in a cross, each
    a cream 228 / 224 / 210 square 30% of its radius across with two dark pin holes and a dark earth slot; a winding
    handle, a bar from its middle to 82% of its radius 30% darker with a near black 30 / 30 / 32 knob (12% of its
    radius across) at its end; the cable, near black 30 / 30 / 32, white 236 / 236 / 230 or orange 232 / 112 / 28 (one
    at random), 7% of its radius thick (at least 0.6 px), off its rim 40-70% of its radius out; a sheen on the flange
    at 30%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(5.5, side * rng.uniform(0.15, 0.19))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(REELS, f, fr, R, rng), np.float32)
    cab = np.asarray(CABLES[int(rng.integers(len(CABLES)))], np.float32)
    body = fr.fill([_circle(R, 40)])
    flange = fr.fill([_circle(R, 40)], holes=[_circle(0.88 * R, 40)])
    hub = fr.line([_loop(_circle(0.34 * R, 28))], max(0.4, 0.05 * R))
    sockets, holes = [], []
    for k in range(4):
        a = k * np.pi / 2 + np.pi / 4
        sx, sy = 0.56 * R * np.cos(a), 0.56 * R * np.sin(a)
        sockets.append(_rect(sx - 0.15 * R, sy - 0.15 * R, sx + 0.15 * R, sy + 0.15 * R))
        holes += [_circle(max(0.3, 0.035 * R), 8, sx - 0.06 * R, sy + 0.03 * R),
                  _circle(max(0.3, 0.035 * R), 8, sx + 0.06 * R, sy + 0.03 * R),
                  _rect(sx - 0.02 * R, sy - 0.1 * R, sx + 0.02 * R, sy - 0.03 * R)]
    socks = fr.fill(sockets)
    pins = fr.fill(holes)
    a = rng.uniform(0, 2 * np.pi)
    handle = fr.line([[(0.0, 0.0), (float(0.82 * R * np.cos(a)), float(0.82 * R * np.sin(a)))]], max(0.6, 0.1 * R))
    knob = fr.fill([_circle(max(0.4, 0.12 * R), 12, float(0.82 * R * np.cos(a)), float(0.82 * R * np.sin(a)))])
    b = rng.uniform(0, 2 * np.pi)
    out_len = rng.uniform(0.4, 0.7)
    cable = fr.line([[(float(R * np.cos(b) - 0.6 * u * R * np.sin(b) + u * out_len * R * np.cos(b)),
                       float(R * np.sin(b) + 0.6 * u * R * np.cos(b) + u * out_len * R * np.sin(b)))
                      for u in np.linspace(0, 1.4, 8)]], max(0.6, 0.07 * R))
    sheen = fr.line([[(float(0.94 * R * np.cos(v)), float(0.94 * R * np.sin(v))) for v in np.linspace(3.5, 4.6, 8)]],
                    max(0.4, 0.05 * R))
    parts = [(cable, cab, 1.0, True), (body, col, 1.0, True), (flange, col * 0.85, 1.0, False),
             (hub, col * 0.75, 1.0, False), (socks, (228, 224, 210), 1.0, False), (pins * socks, (40, 40, 42), 1.0,
                                                                                  False),
             (handle, col * 0.7, 1.0, False), (knob, (30, 30, 32), 1.0, False), (sheen, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.35))


# plastic, opacity
SUCKERS = (((228, 232, 234), 0.45), ((96, 98, 106), 0.7), ((70, 130, 210), 0.7))


def _suction_cup(f: np.ndarray, rng) -> np.ndarray:
    """A suction cup with a hook stuck on the print, seen from above: 30-38% of the side across (at least 11 px),
    clear rubber 228 / 232 / 234 at 45% (the print showing through), smoked grey 96 / 98 / 106 at 70% or translucent
    blue 70 / 130 / 210 at 70% (one at random); its thin rim (the outer 10% of its radius) 15% darker at 15% more, the
    ring where it is pressed flat (55-75% of its radius) 10% lighter at 10% less, a boss in its middle (22% of its
    radius across) 20% darker at 25% more; a steel 178 / 180 / 186 hook out of the boss, 7% of its radius thick (at
    least 0.6 px), reaching 60% of its radius out and curling back; a highlight arc at 50%; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 30% (15% for the clear one)."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(5.5, side * rng.uniform(0.15, 0.19))
    fr = _frame_at(h, w, rng)
    rubber, alpha = SUCKERS[int(rng.integers(len(SUCKERS)))]
    rubber = np.asarray(rubber, np.float32)
    body = fr.fill([_circle(R, 40)])
    rim = fr.fill([_circle(R, 40)], holes=[_circle(0.9 * R, 40)])
    flat = fr.fill([_circle(0.75 * R, 36)], holes=[_circle(0.55 * R, 36)])
    boss = fr.fill([_circle(0.22 * R, 20)])
    hook = fr.line([[(0.0, 0.0), (0.45 * R, 0.0), (0.58 * R, 0.08 * R), (0.6 * R, 0.2 * R), (0.52 * R, 0.28 * R),
                     (0.42 * R, 0.24 * R)]], max(0.6, 0.07 * R))
    shine = fr.line([[(float(0.8 * R * np.cos(v)), float(0.8 * R * np.sin(v))) for v in np.linspace(3.6, 4.6, 8)]],
                    max(0.5, 0.06 * R))
    parts = [(body, rubber, alpha, True), (flat, np.minimum(rubber * 1.1 + 8, 255), max(0.0, alpha - 0.1), False),
             (rim, rubber * 0.85, min(1.0, alpha + 0.15), False), (boss, rubber * 0.8, min(1.0, alpha + 0.25), True),
             (hook, STEEL, 1.0, True), (shine, WHITE, 0.5, False)]
    return _u8(_laid(f, parts, 0.3 if alpha > 0.5 else 0.15))


MUDSTONE = np.array([(124, 112, 96), (94, 84, 72)], np.float32)
CALCITE = np.array([214, 178, 96], np.float32)
ARAGONITE = np.array([112, 74, 40], np.float32)


def _septarian(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished septarian nodule's slice: the ink multiplied onto the stone, 42-54% of the way
    from the picture (35% of its tone added at that share); a grey-brown mudstone 124 / 112 / 96 mottled to 94 / 84 /
    72 (a field of 10% of the side), split into cells by its septa: the boundaries between 14-26 random points' cells
    (drawn with their distances bent by a field of 6% of the side, 3% of it deep), cracks 1.2-2.6% of the side wide
    (at least 1 px) where the nearest two points are closest to even, widening and narrowing by 40% (a field of 8%),
    filled with yellow calcite 214 / 178 / 96 and lined with brown aragonite 112 / 74 / 40 0.5% of the side thick (at
    least 0.5 px); drawn at 2 times the size and averaged: a concretion's cracked cells, not BS's etched meteorite,
    BR's porphyry, breccia or any stone or ground of the earlier lists."""
    from scipy.spatial import cKDTree

    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    up = lambda m: np.kron(m, np.ones((s, s)))  # noqa: E731
    mot = np.clip(0.5 + 0.35 * up(_field(h, w, side * 0.1, rng)), 0, 1)
    ground = MUDSTONE[0] + (MUDSTONE[1] - MUDSTONE[0]) * mot[..., None]
    n = int(rng.integers(14, 27))
    pts = np.stack([rng.uniform(-0.1, 1.1, n) * w, rng.uniform(-0.1, 1.1, n) * h], axis=1)
    bend = 0.03 * side
    px = xx + bend * up(_field(h, w, 0.06 * side, rng))
    py = yy + bend * up(_field(h, w, 0.06 * side, rng))
    d, _ = cKDTree(pts).query(np.stack([px.ravel(), py.ravel()], axis=1), k=2)
    gap = (d[:, 1] - d[:, 0]).reshape(xx.shape)
    width = side * rng.uniform(0.012, 0.026) * (1 + 0.4 * np.tanh(up(_field(h, w, 0.08 * side, rng))))
    lining = max(0.5, 0.005 * side)
    crack = np.clip((width - gap) / max(0.5, 0.25 * width.mean()) + 0.5, 0, 1)
    edge = np.clip((width + 2 * lining - gap) / max(0.5, 0.25 * width.mean()) + 0.5, 0, 1)
    ground = _paint(ground, edge, ARAGONITE)
    ground = _paint(ground, crack, CALCITE)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


BOUCLES = (np.array([(188, 176, 150), (238, 232, 216), (104, 94, 78)], np.float32),
           np.array([(84, 84, 90), (150, 150, 156), (34, 34, 38)], np.float32))


def _boucle(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on bouclé wool: the ink multiplied onto the cloth, 42-54% of the way from the picture (35%
    of its tone added at that share); an oatmeal 188 / 176 / 150 or charcoal 84 / 84 / 90 cloth (one a picture) covered
    in curled loops of yarn, each a ring 2.5-4.5% of the side across (at least 2 px) turned and squashed at random, of
    yarn 0.7-1.2% of the side thick (at least 0.5 px), about one loop per 1.1 loop widths squared: 70% of them lighter
    (238 / 232 / 216 or 150 / 150 / 156) at 70-90%, the rest darker flecks (104 / 94 / 78 or 34 / 34 / 38) at 80%,
    with a pile's shadow under each 15% darker; drawn at 3 times the size and averaged: a looped wool, not BS's waxed
    cotton, BR's chalk-stripe suiting, fleece, tweed, felt or any cloth or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    tones = BOUCLES[int(rng.integers(len(BOUCLES)))]
    base = tones[0] * (1 + 0.05 * np.tanh(np.kron(_field(h, w, 0.1 * side, rng), np.ones((s, s)))))[..., None]
    ident = _Frame((h * s, w * s), 0.0, 0.0, 0.0)
    size = max(2.0, side * rng.uniform(0.025, 0.045))
    n = int(h * w / (1.1 * size) ** 2)
    lw = max(1.5, side * s * rng.uniform(0.007, 0.012))
    light, dark, shade = [], [], []
    for _ in range(n):
        x, y = rng.uniform(-size, w + size) * s, rng.uniform(-size, h + size) * s
        r = 0.5 * size * s * rng.uniform(0.7, 1.2)
        ring = _loop(_ellipse(x, y, r, r * rng.uniform(0.5, 1.0), rng.uniform(0, np.pi), 14))
        (light if rng.random() < 0.7 else dark).append(ring)
        shade.append(_loop(_ellipse(x + 0.2 * r, y + 0.3 * r, r, r * 0.8, 0.0, 12)))
    ground = _paint(base, ident.line(shade, lw) * 0.15, tones[0] * 0.85)
    ground = _paint(ground, ident.line(light, lw) * rng.uniform(0.7, 0.9), tones[1])
    ground = _paint(ground, ident.line(dark, lw) * 0.8, tones[2])
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


CEDAR = np.array([(150, 146, 138), (176, 132, 84), (112, 94, 74)], np.float32)


def _shingles(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a wall of cedar shingles: the ink multiplied onto the wood, 42-54% of the way from the
    picture (35% of its tone added at that share); courses 7-10% of the side high, shingles 4-12% of the side wide,
    their joints staggered from course to course, each shingle weathered silver grey 150 / 146 / 138, honey 176 / 132
    / 84 or dark 112 / 94 / 74 (at random, 10% lighter or darker), with a grain of 6% along it (a field drawn long
    down the shingle), dark gaps 0.4-0.8% of the side wide (at least 0.5 px) 50% darker between them, and the butt of
    each course casting a shadow 40% darker over 1-1.5% of the side under it; the wall turned by up to 4 degrees; drawn
    at 2 times the size and averaged: a wall of wooden shingles, not plywood, strand board, wood grain, a slate roof or
    any ground of the earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    a = np.deg2rad(rng.uniform(-4, 4))
    u = xx * np.cos(a) + yy * np.sin(a)
    v = -xx * np.sin(a) + yy * np.cos(a)
    ch = side * rng.uniform(0.07, 0.1)
    row = np.floor(v / ch).astype(np.int64)
    rows = int(row.max() - row.min() + 1)
    gapw = max(0.5, side * rng.uniform(0.004, 0.008))
    ground = np.zeros(xx.shape + (3,), np.float32)
    gaps = np.zeros(xx.shape, np.float32)
    lo_u, hi_u = float(u.min()), float(u.max())
    for r in range(rows):
        m = row == row.min() + r
        if not m.any():
            continue
        edges = [lo_u - rng.uniform(0, 0.12) * side]
        while edges[-1] < hi_u:
            edges.append(edges[-1] + side * rng.uniform(0.04, 0.12))
        edges = np.asarray(edges)
        k = np.clip(np.searchsorted(edges, u[m]) - 1, 0, len(edges) - 2)
        tone = CEDAR[rng.integers(len(CEDAR), size=len(edges))] * rng.uniform(0.9, 1.1, (len(edges), 1))
        ground[m] = tone[k]
        near = np.minimum(u[m] - edges[k], edges[k + 1] - u[m])
        gaps[m] = (near < gapw / 2).astype(np.float32)
    grain = gaussian_filter(rng.normal(0, 1, xx.shape).astype(np.float32), (0.05 * side * s, 0.002 * side * s))
    grain = grain / max(float(grain.std()), 1e-6)
    ground = ground * (1 + 0.06 * np.tanh(grain))[..., None]
    frac = v / ch - np.floor(v / ch)
    shadow = (frac < side * rng.uniform(0.01, 0.015) / ch).astype(np.float32)
    ground = ground * (1 - 0.5 * gaps)[..., None] * (1 - 0.4 * shadow)[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bt(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "turnbuckle":  # a rigging turnbuckle on the print
        return _turnbuckle(f, rng)
    if kind == "soldering_iron":  # a soldering iron on the print
        return _soldering_iron(f, rng)
    if kind == "hacksaw":  # a hacksaw on the print
        return _hacksaw(f, rng)
    if kind == "cable_reel":  # an extension cable reel on the print
        return _cable_reel(f, rng)
    if kind == "suction_cup":  # a translucent suction cup with a hook on the print
        return _suction_cup(f, rng)
    if kind == "septarian":  # the picture printed on a septarian nodule's slice
        return _septarian(f, rng)
    if kind == "boucle":  # the picture printed on bouclé wool
        return _boucle(f, rng)
    if kind == "shingles":  # the picture printed on a wall of cedar shingles
        return _shingles(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
YUBA = np.array([232, 204, 140], np.float32)
YUBA_HAZE = np.array([240, 228, 192], np.float32)
YUBA_FOLD = np.array([190, 150, 80], np.float32)


def _yuba(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through a sheet of dried yuba (tofu skin: the film lifted off heated soy milk) laid flat over
    it, lit from the front: the film scatters the light, a Gaussian of 1.4-2.2% of the side (at least 1 px) and a tail
    2.4 times as wide for 25-35%; it filters the picture 20-30% of the way to its yellow 232 / 204 / 140 and hazes it
    12-18% of the way to 240 / 228 / 192, 30% more or less where it is thicker or thinner (a field of 7% of the side);
    15-30 fine wrinkles (wavy lines 20-60% of the side long, 0.4-0.8% of it wide, at least 0.5 px, softened by 30% of
    the blur) 190 / 150 / 80 at 15-25%; as a camera metering on the highlights exposes it: a soy film, not BS's filo
    pastry, BR's kombucha SCOBY, rice paper, agar, gelatine or any haze, veil, glass, copy or print process of the
    earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.014, 0.022))
    k = rng.uniform(0.25, 0.35)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.4 * s) * k
    out = out * (1 - rng.uniform(0.2, 0.3) * (1 - YUBA / 255))
    haze = rng.uniform(0.12, 0.18) * (1 + 0.3 * np.tanh(_field(h, w, 0.07 * side, rng)))
    out = out + (YUBA_HAZE - out) * haze[..., None]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lines = []
    for _ in range(int(rng.integers(15, 31))):
        x, y, ang = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, np.pi)
        ln = side * rng.uniform(0.2, 0.6)
        ph = rng.uniform(0, 2 * np.pi)
        lines.append([(float(x + t * ln * np.cos(ang) - 0.02 * side * np.sin(ang) * np.sin(9 * t + ph)),
                       float(y + t * ln * np.sin(ang) + 0.02 * side * np.cos(ang) * np.sin(9 * t + ph)))
                      for t in np.linspace(-0.5, 0.5, 14)])
    m = gaussian_filter(ident.line(lines, max(0.5, side * rng.uniform(0.004, 0.008))), max(0.5, 0.3 * s))
    out = _paint(out, m / max(float(m.max()), 1e-6) * rng.uniform(0.15, 0.25), YUBA_FOLD)
    return _u8(_metered(np.maximum(out, 0), f))


FRUITS = np.array([(236, 150, 60), (206, 56, 66), (240, 186, 56)], np.float32)
FRUIT_HAZE = np.array([246, 222, 200], np.float32)


def _fruit_leather(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through a sheet of fruit leather (a fruit purée spread thin and dried) laid flat over it, lit
    from the front: the purée's pulp scatters the light, a Gaussian of 1.5-2.5% of the side (at least 1 px) and a tail
    2.2 times as wide for 20-30%; it tints the picture 25-35% of the way to apricot 236 / 150 / 60, strawberry 206 / 56
    / 66 or mango 240 / 186 / 56 (one at random) and hazes it 6-10% of the way to 246 / 222 / 200, 40% more or less
    where it was spread thicker or thinner (a field of 6% of the side); 0-80 dark 70 / 40 / 30 seeds (0.6-1.2% of the
    side across, at least 0.5 px) at 30-50% (none in the apricot); a glossy sheen of up to 10% where a field of 12% of
    the side is high; as a camera metering on the highlights exposes it: a dried purée, not BS's sugar glass, BR's
    kombucha SCOBY, AL's jelly dish, honey or any haze, veil, glass, copy or print process of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    j = int(rng.integers(len(FRUITS)))
    s = max(1.0, side * rng.uniform(0.015, 0.025))
    k = rng.uniform(0.2, 0.3)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.2 * s) * k
    thick = 1 + 0.4 * np.tanh(_field(h, w, 0.06 * side, rng))
    tint = rng.uniform(0.25, 0.35) * thick
    out = out * (1 - tint[..., None] * (1 - FRUITS[j] / 255))
    out = out + (FRUIT_HAZE - out) * (rng.uniform(0.06, 0.1) * thick)[..., None]
    if j > 0:
        ident = _Frame((h, w), 0.0, 0.0, 0.0)
        seeds = [_ellipse(rng.uniform(0, w), rng.uniform(0, h), max(0.25, side * rng.uniform(0.003, 0.006)),
                          max(0.25, side * rng.uniform(0.002, 0.004)), rng.uniform(0, np.pi), 8)
                 for _ in range(int(rng.integers(0, 81)))]
        if seeds:
            out = _paint(out, ident.fill(seeds) * rng.uniform(0.3, 0.5), (70, 40, 30))
    sheen = 0.1 * np.clip(_field(h, w, 0.12 * side, rng) - 0.5, 0, 1.5) / 1.5
    out = out + (255 - out) * sheen[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


def blur_bt(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "yuba":  # seen through a sheet of dried yuba
        return _yuba(f, rng)
    if kind == "fruit_leather":  # seen through a sheet of fruit leather
        return _fruit_leather(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
PLUG_LEDS = np.array([(0.3, 0.45, 1.0), (0.3, 1.0, 0.4), (1.0, 0.6, 0.15)], np.float32)


def _smart_plug(f: np.ndarray, rng) -> np.ndarray:
    """A hallway at night lit only by a smart plug's status LED: a dark floor 28 / 26 / 24 from 88-94% of the way down
    and a skirting board 40 / 38 / 36 5% of the side high above it; on the wall just above the skirting, 25-75% across,
    a socket plate 42 / 42 / 44 14-18% of the side wide and 85% of that high, the smart plug in it, a rounded box 70% of
    the plate's width across, 50 / 50 / 54, with a dark button ring; on its face its status LED, a dot 1.2% of the side
    across (at least 0.8 px), blue 0.3 / 0.45 / 1, green 0.3 / 1 / 0.4 or amber 1 / 0.6 / 0.15 at 240-255; a glow of
    sigma 3-5% of the side up to 40-55 levels in its colour; the picture lit in that colour at a gain of 0.015-0.03 plus
    0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the LED, ``d0`` 20-28% of the
    side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = PLUG_LEDS[int(rng.integers(len(PLUG_LEDS)))]
    fy = h * rng.uniform(0.88, 0.94)
    sk = fy - 0.05 * side
    pw = side * rng.uniform(0.14, 0.18)
    ph = 0.85 * pw
    cx = w * rng.uniform(0.25, 0.75)
    y1 = sk - 0.01 * side
    y0 = y1 - ph
    bw = 0.7 * pw
    by = (y0 + y1) / 2
    lx, ly = cx + 0.22 * bw, by - 0.22 * bw
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.2, 0.28), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    floor = ident.fill([_rect(-1.0, fy, w + 1.0, h + 1.0)])
    skirting = ident.fill([_rect(-1.0, sk, w + 1.0, fy)])
    plate = ident.fill([_rect(cx - pw / 2, y0, cx + pw / 2, y1)])
    box = ident.fill([_ellipse(cx, by, bw / 2, bw / 2, 0.0, 24)])
    button = ident.line([_loop(_circle(0.22 * bw, 16, cx, by))], max(0.4, 0.03 * bw))
    led = ident.fill([_circle(max(0.4, 0.006 * side), 10, lx, ly)])
    out = _paint(_paint(out, floor, (28, 26, 24)), skirting, (40, 38, 36))
    out = _paint(_paint(out, plate, (42, 42, 44)), box, (50, 50, 54))
    out = _paint(_paint(out, button, (30, 30, 32)), led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * col)


TANK_LEDS = np.array([(1.0, 0.2, 0.1), (1.0, 0.55, 0.15)], np.float32)


def _dehumidifier(f: np.ndarray, rng) -> np.ndarray:
    """A cellar at night lit only by a dehumidifier's tank-full light: a dark floor 32 / 30 / 28 from 82-90% of the way
    down; on it, 25-75% across, the dehumidifier, a dark grey 40 / 40 / 44 box 20-26% of the side wide and 1.3 times as
    high standing 3% of the side into the floor, its top panel (16% of its height) 34 / 34 / 38 with 4-6 darker 26 / 26
    / 28 grille slots across the front below it, a handle recess and a water tank's seam lower down; on the top panel,
    a quarter of its width from one side, its tank-full light, a dot 1.4% of the side across (at least 0.8 px), red 1 /
    0.2 / 0.1 or orange 1 / 0.55 / 0.15 at 240-255; a glow of sigma 3-5% of the side up to 35-50 levels in its colour;
    the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)``
    with the distance ``d`` from the light, ``d0`` 22-30% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = TANK_LEDS[int(rng.integers(len(TANK_LEDS)))]
    fy = h * rng.uniform(0.82, 0.9)
    bw = side * rng.uniform(0.2, 0.26)
    bh = 1.3 * bw
    cx = w * rng.uniform(0.25, 0.75)
    y1 = fy + 0.03 * side
    y0 = y1 - bh
    s = 1 if rng.random() < 0.5 else -1
    lx, ly = cx + s * 0.25 * bw, y0 + 0.08 * bh
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.22, 0.3), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    floor = ident.fill([_rect(-1.0, fy, w + 1.0, h + 1.0)])
    body = ident.fill([_rect(cx - bw / 2, y0, cx + bw / 2, y1)])
    panel = ident.fill([_rect(cx - bw / 2, y0, cx + bw / 2, y0 + 0.16 * bh)])
    slots = ident.line([[(cx - 0.38 * bw, float(y)), (cx + 0.38 * bw, float(y))]
                        for y in np.linspace(y0 + 0.22 * bh, y0 + 0.45 * bh, int(rng.integers(4, 7)))],
                       max(0.5, 0.012 * side))
    recess = ident.fill([_rect(cx - 0.2 * bw, y0 + 0.52 * bh, cx + 0.2 * bw, y0 + 0.58 * bh)])
    seam = ident.line([[(cx - bw / 2, y0 + 0.66 * bh), (cx + bw / 2, y0 + 0.66 * bh)]], max(0.4, 0.006 * side))
    led = ident.fill([_circle(max(0.4, 0.007 * side), 10, lx, ly)])
    out = _paint(_paint(out, floor, (32, 30, 28)), body, (40, 40, 44))
    out = _paint(_paint(out, panel, (34, 34, 38)), slots, (26, 26, 28))
    out = _paint(_paint(out, recess, (26, 26, 28)), seam, (28, 28, 30))
    out = _paint(out, led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(35, 50) * col)


WARM_LEDS = np.array([(1.0, 0.55, 0.15), (0.35, 1.0, 0.45)], np.float32)


def _rice_cooker(f: np.ndarray, rng) -> np.ndarray:
    """A kitchen at night lit only by a rice cooker's keep-warm light: the counter's dark 36 / 34 / 32 top from 72-80%
    of the way down; on it, 25-75% across, the rice cooker, a round-shouldered body 22-28% of the side wide and 70% of
    that high, 44 / 42 / 40, under a domed lid 38 / 38 / 40 (20% of its width high) with a near black 26 / 26 / 28
    handle, a control panel 30 / 30 / 32 on its front (40% of its width wide, 30% of its height high) with a lever and
    two lights, the keep-warm light lit (a dot 1.2% of the side across, at least 0.8 px, orange 1 / 0.55 / 0.15 or green
    0.35 / 1 / 0.45 at 240-255) and the cook light unlit 50 / 48 / 46; a glow of sigma 3-5% of the side up to 35-50
    levels in its colour; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 /
    (1 + (d / d0) ** 2)`` with the distance ``d`` from the light, ``d0`` 18-26% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = WARM_LEDS[int(rng.integers(len(WARM_LEDS)))]
    ty = h * rng.uniform(0.72, 0.8)
    bw = side * rng.uniform(0.22, 0.28)
    bh = 0.7 * bw
    cx = w * rng.uniform(0.25, 0.75)
    y1 = ty + 0.02 * side
    y0 = y1 - bh
    px0, px1 = cx - 0.2 * bw, cx + 0.2 * bw
    py0, py1 = y0 + 0.45 * bh, y0 + 0.75 * bh
    s = 1 if rng.random() < 0.5 else -1
    lx, ly = cx + s * 0.1 * bw, py0 + 0.3 * (py1 - py0)
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.18, 0.26), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    top = ident.fill([_rect(-1.0, ty, w + 1.0, h + 1.0)])
    body = ident.fill([_rect(cx - bw / 2, y0 + 0.1 * bh, cx + bw / 2, y1), _ellipse(cx, y0 + 0.12 * bh, bw / 2,
                                                                                    0.12 * bh, 0.0, 28)])
    lid = ident.fill([_ellipse(cx, y0 + 0.02 * bh, 0.46 * bw, 0.2 * bw, 0.0, 28)], holes=[_rect(cx - bw, y0 + 0.02 * bh,
                                                                                               cx + bw, y1)])
    handle = ident.fill([_rect(cx - 0.08 * bw, y0 - 0.2 * bw, cx + 0.08 * bw, y0 - 0.13 * bw)])
    panel = ident.fill([_rect(px0, py0, px1, py1)])
    lever = ident.fill([_rect(cx - 0.05 * bw, py0 + 0.55 * (py1 - py0), cx + 0.05 * bw, py1 - 0.1 * (py1 - py0))])
    led = ident.fill([_circle(max(0.4, 0.006 * side), 10, lx, ly)])
    off = ident.fill([_circle(max(0.4, 0.006 * side), 10, cx - s * 0.1 * bw, ly)])
    out = _paint(_paint(out, top, (36, 34, 32)), body, (44, 42, 40))
    out = _paint(_paint(out, lid, (38, 38, 40)), handle, (26, 26, 28))
    out = _paint(_paint(out, panel, (30, 30, 32)), lever, (50, 48, 46))
    out = _paint(_paint(out, off, (50, 48, 46)), led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(35, 50) * col)


def dark_bt(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "smart_plug":  # a hallway lit only by a smart plug's status LED
        return _smart_plug(f, rng)
    if kind == "dehumidifier":  # a cellar lit only by a dehumidifier's tank-full light
        return _dehumidifier(f, rng)
    if kind == "rice_cooker":  # a kitchen lit only by a rice cooker's keep-warm light
        return _rice_cooker(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _skunk(size: int, rng) -> dict:
    """A striped skunk on a lawn, seen from the side, facing either way: the lawn from 62-72% of the way down with 8-14
    grass tufts; the skunk standing on it: a body (an ellipse 36% of the side long and 16% high), a small head (13% by
    9%) with a pointed snout, a round ear, an eye and a white stripe up its forehead, two white stripes from its nape
    along its back, a big bushy tail (an ellipse 26% by 12%) raised from its rump with a white band along it, and four
    short legs (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("lawn", "tufts", "legs", "body", "tail", "head", "stripes", "ear", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.62, 0.72)
    d["lawn"].rectangle((0, gy, big, big), fill=255)
    for x in rng.uniform(0.02, 0.98, int(rng.integers(8, 15))) * big:
        y = gy + rng.uniform(0.03, 0.3) * big
        for dx in (-0.015, 0.0, 0.015):
            d["tufts"].line([(x, y), (x + dx * 2 * big, y - 0.04 * big)], fill=255, width=max(1, round(0.006 * big)))
    cx = big * (0.5 + rng.uniform(-0.05, 0.05))
    cy = gy - 0.13 * big
    for lx in (cx + s * 0.12 * big, cx + s * 0.06 * big, cx - s * 0.08 * big, cx - s * 0.13 * big):
        d["legs"].rectangle((lx - 0.018 * big, cy, lx + 0.018 * big, gy + 0.01 * big), fill=255)
    d["body"].polygon(_ellipse(cx, cy, 0.18 * big, 0.08 * big, 0.0, 36), fill=255)
    tx, ty = cx - s * 0.2 * big, cy - 0.14 * big
    d["tail"].polygon(_ellipse(tx, ty, 0.13 * big, 0.06 * big, s * 1.25, 30), fill=255)
    d["tail"].line([(cx - s * 0.14 * big, cy - 0.03 * big), (tx, ty)], fill=255, width=max(1, round(0.07 * big)))
    hx, hy = cx + s * 0.21 * big, cy - 0.02 * big
    d["head"].polygon(_ellipse(hx, hy, 0.065 * big, 0.045 * big, s * 0.15, 24), fill=255)
    d["head"].polygon([(hx + s * 0.04 * big, hy - 0.025 * big), (hx + s * 0.11 * big, hy + 0.02 * big),
                       (hx + s * 0.04 * big, hy + 0.035 * big)], fill=255)
    d["stripes"].line([(hx + s * 0.05 * big, hy - 0.01 * big), (hx - s * 0.01 * big, hy - 0.04 * big)], fill=255,
                      width=max(1, round(0.012 * big)))
    for off in (-0.035, -0.06):
        d["stripes"].line([(hx - s * 0.04 * big, cy + off * big), (cx, cy + (off - 0.015) * big),
                           (cx - s * 0.15 * big, cy + (off + 0.015) * big)], fill=255,
                          width=max(1, round(0.016 * big)), joint="curve")
    d["stripes"].polygon(_ellipse(tx + s * 0.01 * big, ty - 0.01 * big, 0.1 * big, 0.02 * big, s * 1.25, 20), fill=255)
    ex, er = hx - s * 0.035 * big, 0.02 * big
    d["ear"].ellipse((ex - er, hy - 0.06 * big, ex + er, hy - 0.06 * big + 2 * er), fill=255)
    ey, r = hy - 0.01 * big, 0.009 * big
    d["eye"].ellipse((hx + s * 0.03 * big - r, ey - r, hx + s * 0.03 * big + r, ey + r), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    return out


def _cherry_picker(size: int, rng) -> dict:
    """A truck-mounted cherry picker at work, seen from the side, facing either way: the road from 76-84% of the way
    down with a kerb; the truck 50-62% of the side long: a cab at the front (26% of its length long, 24% of the side
    high) with a window and a beacon on its roof, a flat bed behind it, two outriggers down to pads from the bed's
    ends, two wheels (5% of the side in radius) with hubs, a turntable on the bed's back end; from it a lower boom
    rising at 45-65 degrees 28-36% of the side long, a knuckle, an upper boom 22-30% long leaning forwards to a bucket
    (10% by 8% of the side) with a worker's head in a hard hat (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("road", "kerb", "wheels", "hubs", "bed", "cab", "window", "beacon", "legs", "booms", "bucket",
                 "worker", "hat"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.76, 0.84)
    d["road"].rectangle((0, gy, big, big), fill=255)
    d["kerb"].rectangle((0, gy - 0.015 * big, big, gy + 0.005 * big), fill=255)
    L = big * rng.uniform(0.5, 0.62)
    cx = big * (0.5 + rng.uniform(-0.04, 0.04))
    front, back = cx + s * L / 2, cx - s * L / 2
    R = 0.05 * big
    bed_y = gy - 2 * R - 0.01 * big
    c0, c1 = sorted((front, front - s * 0.26 * L))
    d["cab"].rectangle((c0, gy - 0.24 * big, c1, gy - R), fill=255)
    w0, w1 = sorted((front - s * 0.03 * L, front - s * 0.16 * L))
    d["window"].rectangle((w0, gy - 0.21 * big, w1, gy - 0.14 * big), fill=255)
    bx = (c0 + c1) / 2
    d["beacon"].ellipse((bx - 0.02 * big, gy - 0.275 * big, bx + 0.02 * big, gy - 0.235 * big), fill=255)
    b0, b1 = sorted((front - s * 0.27 * L, back))
    d["bed"].rectangle((b0, bed_y - 0.04 * big, b1, bed_y), fill=255)
    for x in (back + s * 0.03 * L, front - s * 0.3 * L):
        d["legs"].rectangle((x - 0.01 * big, bed_y, x + 0.01 * big, gy - 0.005 * big), fill=255)
        d["legs"].rectangle((x - 0.03 * big, gy - 0.015 * big, x + 0.03 * big, gy), fill=255)
    for x in (front - s * 0.14 * L, back + s * 0.22 * L):
        d["wheels"].ellipse((x - R, gy - 2 * R, x + R, gy), fill=255)
        d["hubs"].ellipse((x - 0.45 * R, gy - 1.45 * R, x + 0.45 * R, gy - 0.55 * R), fill=255)
    tx, ty = back + s * 0.1 * L, bed_y - 0.04 * big
    d["booms"].rectangle((tx - 0.035 * big, ty - 0.03 * big, tx + 0.035 * big, ty + 0.005 * big), fill=255)
    a1 = np.deg2rad(rng.uniform(45, 65))
    l1 = big * rng.uniform(0.28, 0.36)
    kx, ky = tx + s * l1 * np.cos(a1), ty - 0.015 * big - l1 * np.sin(a1)
    l2 = big * rng.uniform(0.22, 0.3)
    a2 = np.deg2rad(rng.uniform(-10, 25))
    ux, uy = kx + s * l2 * np.cos(a2), ky - l2 * np.sin(a2)
    uy = max(uy, 0.14 * big)
    d["booms"].line([(tx, ty - 0.015 * big), (kx, ky), (ux, uy)], fill=255, width=max(1, round(0.028 * big)),
                    joint="curve")
    d["bucket"].rectangle((ux - 0.05 * big, uy, ux + 0.05 * big, uy + 0.08 * big), fill=255)
    d["worker"].ellipse((ux - 0.022 * big, uy - 0.045 * big, ux + 0.022 * big, uy + 0.002 * big), fill=255)
    d["hat"].chord((ux - 0.026 * big, uy - 0.06 * big, ux + 0.026 * big, uy - 0.01 * big), 180, 360, fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _boathouse(size: int, rng) -> dict:
    """A timber boathouse on a lake, seen from the water: the far shore's trees (a wavy dark band) from 36-44% of the
    way down, the water from 58-66% down with 4-7 ripple lines; the boathouse 52-64% of the side wide, its walls 20-26%
    high standing on 4-6 piles in the water, board-and-batten boards (7-11 vertical lines), a wide dark boat bay door
    (52% of its width) open onto the water with a rowing boat's bow in it, a gable roof 16-22% of the side high
    overhanging by 4%, a small window in the gable, and its reflection in the water below (0-1 coverage each; the
    reflection is painted at half strength)."""
    big = 4 * size
    M = _canvas(("trees", "water", "ripples", "walls", "boards", "bay", "boat", "roof", "window", "piles",
                 "reflection"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    ty = big * rng.uniform(0.36, 0.44)
    wy = big * rng.uniform(0.58, 0.66)
    xs = np.linspace(0, big, 24)
    tops = ty - rng.uniform(0.0, 0.08, 24) * big
    d["trees"].polygon([(0, wy)] + [(float(x), float(t)) for x, t in zip(xs, tops)] + [(big, wy)], fill=255)
    d["water"].rectangle((0, wy, big, big), fill=255)
    W = big * rng.uniform(0.52, 0.64)
    H = big * rng.uniform(0.2, 0.26)
    cx = big * (0.5 + rng.uniform(-0.04, 0.04))
    x0, x1 = cx - W / 2, cx + W / 2
    fb = wy - 0.03 * big  # the floor's line, on its piles above the water
    wt = fb - H
    d["walls"].rectangle((x0, wt, x1, fb), fill=255)
    for x in np.linspace(x0 + 0.02 * big, x1 - 0.02 * big, int(rng.integers(7, 12))):
        d["boards"].line([(x, wt), (x, fb)], fill=255, width=max(1, round(0.006 * big)))
    d["bay"].rectangle((cx - 0.26 * W, wt + 0.3 * H, cx + 0.26 * W, wy + 0.01 * big), fill=255)
    d["boat"].polygon([(cx - 0.12 * W, wy - 0.01 * big), (cx + 0.12 * W, wy - 0.01 * big), (cx, wy + 0.025 * big)],
                      fill=255)
    rh = big * rng.uniform(0.16, 0.22)
    d["roof"].polygon([(x0 - 0.04 * big, wt + 0.01 * big), (x1 + 0.04 * big, wt + 0.01 * big), (cx, wt - rh)],
                      fill=255)
    d["window"].rectangle((cx - 0.03 * big, wt - 0.45 * rh, cx + 0.03 * big, wt - 0.2 * rh), fill=255)
    for x in np.linspace(x0 + 0.02 * big, x1 - 0.02 * big, int(rng.integers(4, 7))):
        d["piles"].rectangle((x - 0.01 * big, fb, x + 0.01 * big, wy + 0.03 * big), fill=255)
    d["reflection"].polygon([(x0, wy + 0.04 * big), (x1, wy + 0.04 * big), (x1, wy + 0.04 * big + 0.8 * H),
                             (cx, wy + 0.04 * big + 0.8 * H + 0.8 * rh), (x0, wy + 0.04 * big + 0.8 * H)], fill=255)
    for y in np.linspace(wy + 0.05 * big, big - 0.02 * big, int(rng.integers(4, 8))):
        d["ripples"].line([(0, y), (big, y + 0.008 * big)], fill=255, width=max(1, round(0.008 * big)))
    out = {k: _down(v, size) for k, v in M.items()}
    out["boards"] = out["boards"] * out["walls"] * (1 - out["bay"])
    out["ripples"] = out["ripples"] * out["water"]
    out["reflection"] = out["reflection"] * out["water"]
    return out


def outlier_bt(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "skunk":
        m = _skunk(size, rng)
        if photos:  # a pale sky, a green lawn with darker tufts, a black skunk with white stripes
            out = _paint(_paint(ground((196, 212, 228)), m["lawn"], (84, 138, 62)), m["tufts"], (56, 100, 44))
            out = _paint(_paint(out, m["legs"], (22, 20, 22)), m["body"], (28, 26, 28))
            out = _paint(_paint(out, m["tail"], (30, 28, 30)), m["head"], (28, 26, 28))
            out = _paint(_paint(out, m["stripes"], (236, 236, 232)), m["ear"], (40, 38, 40))
            return _u8(_paint(out, m["eye"], (90, 60, 40)))
        out = _paint(_paint(ground(tone(0.0)), m["lawn"], tone(0.25)), m["tufts"], tone(0.45))
        out = _paint(_paint(out, m["legs"], tone(0.55)), m["body"], tone(0.7))
        out = _paint(_paint(out, m["tail"], tone(0.65)), m["head"], tone(0.7))
        out = _paint(_paint(out, m["stripes"], tone(1.0)), m["ear"], tone(0.5))
        return _u8(_paint(out, m["eye"], tone(0.05)))
    if kind == "cherry_picker":
        m = _cherry_picker(size, rng)
        if photos:  # a blue sky, a grey road, a white truck with an orange boom and bucket
            out = _paint(_paint(ground((150, 186, 226)), m["road"], (70, 72, 76)), m["kerb"], (180, 180, 176))
            out = _paint(_paint(out, m["legs"], (200, 170, 40)), m["bed"], (90, 92, 98))
            out = _paint(_paint(out, m["cab"], (236, 236, 234)), m["window"], (40, 52, 66))
            out = _paint(_paint(out, m["beacon"], (252, 170, 30)), m["booms"], (232, 112, 30))
            out = _paint(_paint(out, m["bucket"], (240, 200, 40)), m["worker"], (214, 170, 140))
            out = _paint(out, m["hat"], (250, 250, 246))
            return _u8(_paint(_paint(out, m["wheels"], (28, 28, 30)), m["hubs"], (160, 162, 168)))
        out = _paint(_paint(ground(tone(0.0)), m["road"], tone(0.2)), m["kerb"], tone(0.5))
        out = _paint(_paint(out, m["legs"], tone(0.6)), m["bed"], tone(0.55))
        out = _paint(_paint(out, m["cab"], tone(1.0)), m["window"], tone(0.15))
        out = _paint(_paint(out, m["beacon"], tone(0.9)), m["booms"], tone(0.8))
        out = _paint(_paint(out, m["bucket"], tone(0.95)), m["worker"], tone(0.6))
        out = _paint(out, m["hat"], tone(1.0))
        return _u8(_paint(_paint(out, m["wheels"], tone(0.35)), m["hubs"], tone(0.75)))
    if kind == "boathouse":
        m = _boathouse(size, rng)
        if photos:  # a pale sky, dark green trees, a blue lake, a red-brown timber boathouse with a dark roof
            out = _paint(_paint(ground((200, 214, 232)), m["trees"], (44, 72, 46)), m["water"], (70, 110, 140))
            out = _paint(_paint(out, m["ripples"], (150, 180, 200)), m["reflection"] * 0.5, (80, 60, 50))
            out = _paint(_paint(out, m["piles"], (70, 56, 44)), m["walls"], (150, 70, 50))
            out = _paint(_paint(out, m["boards"], (110, 50, 36)), m["bay"], (30, 26, 24))
            out = _paint(_paint(out, m["boat"], (220, 210, 190)), m["roof"], (54, 54, 60))
            return _u8(_paint(out, m["window"], (230, 226, 200)))
        out = _paint(_paint(ground(tone(0.0)), m["trees"], tone(0.3)), m["water"], tone(0.15))
        out = _paint(_paint(out, m["ripples"], tone(0.35)), m["reflection"] * 0.5, tone(0.3))
        out = _paint(_paint(out, m["piles"], tone(0.5)), m["walls"], tone(0.85))
        out = _paint(_paint(out, m["boards"], tone(0.6)), m["bay"], tone(0.05))
        out = _paint(_paint(out, m["boat"], tone(1.0)), m["roof"], tone(0.65))
        return _u8(_paint(out, m["window"], tone(1.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def drill_down_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                     rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were labelled in two stages of a drill-down
    interface. The set's classes were split, once, into groups of 2-4 (``GROUP``: an order drawn once, cut into
    groups of sizes drawn in turn; each class its own group where there are fewer than four). A first-stage worker
    put each picture in a group, and put 6-12% of them (``WRONG_GROUP``, drawn a pass, each picture by chance) in a
    group other than its own (one of the others at random: a slip between the group buttons, not by look); a
    second-stage worker then chose its class among that group's classes only; where the picture's own class was not
    among them she sent it back as "none of these" 30-50% of the time (``SENT_BACK``, drawn a pass), and it was then
    labelled right; otherwise, there being no other way on, she chose one of the group's classes at random. The flips
    are the pictures so given a class of the wrong group (passes over the pictures not yet flipped while some are
    left). Noise by the interface's groups and a first-stage slip, not by look or by any list's order: not BS's
    predictive default, BR's vote cascade, BQ's placeholders, a taxonomy's merged classes, B's next class or any
    mechanism of the earlier lists. Every flip changes the label (a wrong group never holds the picture's class)."""
    pool = sorted(int(v) for v in candidates)
    present = sorted({labels[i] for i in pool}, key=str)
    if len(present) < 2 or count <= 0:
        return {}
    choices = list(classes) if len(classes) >= 2 else present
    order = [choices[int(k)] for k in rng.permutation(len(choices))]
    groups: list[list] = []
    if len(order) < 4:
        groups = [[c] for c in order]
    else:
        at = 0
        while at < len(order):
            n = int(rng.integers(*GROUP))
            groups.append(order[at: at + n])
            at += n
        if len(groups[-1]) == 1:  # a class left alone at the end joins the group before it
            groups[-2] += groups.pop()
    group_of = {c: g for g, members in enumerate(groups) for c in members}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if not items:
            break
        wrong, back = rng.uniform(*WRONG_GROUP), rng.uniform(*SENT_BACK)
        for cur in items:
            if len(flips) >= count:
                break
            own = group_of.get(labels[cur])
            if own is None or rng.random() >= wrong:
                continue
            g = [k for k in range(len(groups)) if k != own][int(rng.integers(len(groups) - 1))]
            if rng.random() < back:
                continue  # sent back as "none of these" and labelled right
            flips[cur] = groups[g][int(rng.integers(len(groups[g])))]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bt(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BT's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 36-55 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BT, seed=720_000 + random_state,
        quality_seed=725_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=drill_down_flips,
        **by_family(name, outlier=(outlier_bt, OUTLIERS_BT), blur=(blur_bt, BLURS_BT), dark=(dark_bt, DARKS_BT),
                    near=(near_edit_bt, NEAR_EDITS_BT)))
