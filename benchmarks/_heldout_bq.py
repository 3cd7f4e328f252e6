"""Generator BQ: fresh EVALUATION sets after generator BP's run (never used to choose anything).

Why a sixty-seventh evaluation generator: generator BP's sets were written before its run and have been run once since
(after which its four sets became development data in ``dev_sweep``), so a held-out set for the code after that run is
written now, before any tool is run on it. The commit subjects since BP's generator commit (dd60733) name no library
change and no docs commit: one benchmark commit (the calibration's cost timed in ``detection.py`` on audits all run after
the set's first audit and the reference tools, pairs begun by either side in turn, with a test of that order and of the
medians; its subject naming a count from BM's to BO's sets, the set's first audit the slowest of its side in 10 of 12)
and BP's sets made development data in ``dev_sweep`` after its one held-out run. So BQ measures the same library as BP,
on new sets. BP's run came before this generator was written, but BQ's writer read no docs, logs, result files or commit
bodies (only the commit subjects, the library's code and the earlier generators' and tuning tools' files, to copy their
structure and to avoid their families), and nothing in BQ was chosen from any result, to aim at or away from any
weakness, rule or lead a subject names: its strengths and its share of whole-picture edits are set as BP's (and BO's,
BN's, BM's and BL's) were. Like AN's to BP's, BQ's edits are not all brightly coloured: some are stone grey, near black
or translucent. Generator BQ was written before any tool was run on it (only its pictures were looked at, on contact
sheets of its edits, blurs, darkenings and foreign pictures at 28, 99 and 303 px, to check that every edit is visible,
every blur blurred, every darkened image dark with its picture still in it and every outlier foreign, and the planted
folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign
pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk,
astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD,
AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE, BF, BG, BH,
BI, BJ, BK, BL, BM, BN, BO, BP) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``:
crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs)
make (their family names and key words were searched for in every earlier generator, the tuning tools and
``_synthetic.py``). Like AC's to BP's it has two blur families, not three. Tiles of 303 px give 57 tiles (seed 404), so
the large set is at 303 px, a size no other set uses; the small photographs are at 99 px, a size no other set uses
either. Left out because an earlier generator made them or left them out (their key words are in the earlier
generators' lists): among objects on the print a table-tennis bat (AD's list), a tuning fork (AG's and BJ's lists), a
padlock, a pizza cutter, a bottle opener, an hourglass or egg timer, a spanner or wrench, a cookie cutter, a plectrum,
a bobby pin or hair clip, a safety pin, a feather, a yo-yo, a cufflink or brooch, a pocket knife, a comb, an egg cup,
a bottle cap, an Allen key, a stopwatch or pocket watch, a ladle, tongs, pliers, a screwdriver, a grater, a rolling
pin, a test tube or vial, a razor, a bar of soap, a funnel, a sieve, a spatula, chopsticks, a skewer, a toothpick, a
hanger, a clothes peg, a whisk, a shoehorn's scooped blade (AN's: BQ's scoop is an ice cream scoop's round bowl), a
bulb of garlic (AI's and AJ's lists: BQ's garlic press is a tool), BP's vernier caliper, potato masher, cast-iron
trivet, swivel castor or salt shaker, or any object, creature, sweet, snack, fruit, vegetable or plant part of the
earlier lists (BP's, their lists: BQ's ice cream scoop is a handle with a thumb lever to a round aluminium bowl with
its scraper blade, its garlic press two hinged arms with grips over a chamber with a holed plate, its tape dispenser a
weighted desk shell with a well, a roll of clear tape on its cardboard core, the tape's strand and a serrated cutter,
its beaker a laboratory beaker lying on its side with its lip, spout, graduations and write-on patch, and its pumice a
bath pumice stone with its pores and a cord loop); of the whole picture BP's breccia, sashiko or rhodonite, agate (AD's
list), onyx (AV's), basalt (AI's), jade, feldspar or labradorite (BN's), limestone, geodes, turquoise, lapis lazuli,
malachite, obsidian, granite, marble, sandstone, slate, strata, a quilt, a tapestry, a corrugated sheet, herringbone
(AT's chevron parquet), tartan or madras, houndstooth, denim or any other weave, print, stone, metal or patterned
ground of the earlier lists (BP's, their lists: BQ's gneiss is a stone grey rock folded in bands of near black mica,
grey and pale quartz and feldspar, its Donegal tweed a near black woollen cloth flecked with coloured neps, and its
ocean jasper a sea green stone set with orbs of concentric cream, pink or dark green rings); among blurs BP's sponge
painting or horn pane, a stocking, a sheer curtain or a diffusion filter over the lens (O's stocking), silk painting
(AI's list, as AE's batik), shrink plastic (the calibration's down-and-up blur), a VHS capture (N's list), a Claude
glass (their lists), a bus shelter's polycarbonate panel (AC's), a poster on a shop window seen from behind (AD's), a
monoprint, fog, smoke, steam, mist, dust or flour in the air, frosted, stippled, reeded, cut, fused or wired glass,
mica, alabaster, nacre, horn, tracing or shoji paper, parchment, tulle, a veil, cling film, polythene, perspex, a
soap film, a gouache, watercolour, tempera, encaustic, oil, pastel, chalk, crayon, charcoal, pencil, ink wash or sponge
copy or any haze, veil, glass, copy or print process of the earlier lists (BP's, their lists: BQ's window whiting is a
shop window whitened with a chalk paste during a refit, seen through from outside, the chalk film wiped thin in the
cloth's swirls, and its plasticine painting the picture copied by smearing modelling clay onto a board with the thumb,
its tones blended and its surface streaked by the smears); among darkenings BP's handrail strip, puddle light or bubble
machine, a router's status lights (AF's and X's lists), a grow light (their lists), an LED hula hoop (AE's list), a
dog's light-up collar (BE's), a beacon, a night light, a kettle's or a doorbell's light, a toaster, a fridge, a cooker
hood or any flame, ember, lamp, screen or glow of the earlier lists (BP's, their lists: BQ's toilet light is a
bathroom's toilet bowl lit from inside by a motion-sensor LED, its scooter wheels a child's kick scooter on a pavement
with light-up wheels, and its espresso machine's cup light the warm LED under a machine's group head shining onto a
cup on its drip tray); among foreign pictures a monkey's kin of the earlier lists (a gorilla, a sloth or a meerkat:
BQ's ring-tailed lemur is new), a deer (BC's moose), a tuk-tuk, a go-kart or a bicycle (as a motorcycle with a sidecar
would be their kin: BQ's sidecar combination is new), a water tower, grain silos, a cooling tower, a water wheel (AV's
list), a trullo or a rondavel (as a gasholder: BQ's gasholder is new), or any other animal, vehicle, building
or flying thing of the earlier lists (BP's, their lists: BQ's lemur is a ring-tailed lemur sitting on a branch among
leaves, grey with a pale face, a black mask and a long black-and-white ringed tail curling up, its sidecar combination
a motorcycle with its rider and a sidecar's tub with a passenger behind a windscreen on a road, and its gasholder a
Victorian gas holder's round tank inside a frame of lattice columns and girders); among label noise a list walked
down by position (BO's packing lists), a class moved along a list by a scroll wheel (BP's), a bin one along (BN's
overflow bins), adjacent keys or buttons (O's hotkeys, the keypads, AP's resorting button), a quota filled from the
nearest short class (AG's list), the largest classes flipped (K's), a class carried over from the picture before (X's
sorted queue, BL's autosave lag, a spreadsheet's fill-down), a stale pair of choices (AB's), a look-alike chosen by a
tired or hurried labeller (AL's fatigue, S's shortcut, T's late class), and every mechanism BP named and
BP's scroll wheel (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions, clocks, a returns desk's
prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing bench's label rolls, a
mistranslated list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a spreadsheet's
fill-down, collided file names, names completed as typed, tote cross-reads, shelf scans, conveyor jets, averaged votes,
re-hung swing tags, a tracker's identity switch, a cache race, rotated specimen racks, a cross-wired put wall, a
timeout, misprinted reference sheets, keyed shorthand, stock reconciliation, autosave lag, stuck prints, a batch whose
class numbers were in another order, a model's runner-up exported by an off-by-one, a taxonomy's merged classes, a
colour-blind labeller, overflow bins, packing lists, a scroll wheel).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 303 px set's
  copies get both kinds): an ice cream scoop (46-56% of the side long, at least 15 px, a round-ended handle red 186 /
  40 / 44, near black 34 / 34 / 36 or stone grey cast aluminium 150 / 150 / 146, of the three the two whose colour
  differs most on average from the picture's where it lies, as for each object's colour below; a hanging hole, a steel
  thumb lever, a neck to a round aluminium bowl 196 / 198 / 202 with a darker inside and its scraper blade; a sheen at
  30% and a gleam at 35%; 30-70% of the way across and down, at any angle, a soft shadow at 30%), a garlic press
  (44-54% of the side long, at least 15 px, two hinged arms stone grey zinc 146 / 146 / 142, near black 40 / 40 / 42
  or red 180 / 44 / 40 with rubber grips, a chamber with a steel plate and 12 dark holes, a hinge pin; a shine at 30%;
  a shadow at 30%), a tape dispenser (40-50% of the side long, at least 14 px, a weighted shell near black 36 / 36 /
  40, stone grey 140 / 140 / 136 or red 176 / 40 / 40 with a dark well, a roll of clear tape 222 / 228 / 224 at 45%
  on a cardboard core 214 / 200 / 170, the tape's strand at 50% to a serrated steel cutter, two feet; a shine at 30%;
  a shadow at 35%), a laboratory beaker lying on its side (30-38% of the side long, at least 11 px, clear glass 222 /
  234 / 238 at 40%, amber glass 180 / 110 / 40 at 75% or milky polypropylene 230 / 232 / 226 at 65%; its outline,
  lip and spout, 5-8 graduation ticks and a write-on patch in white, or blue 40 / 80 / 170 on the polypropylene; a
  highlight at 50%; a shadow at 30%, 15% for the clear one) and a bath pumice stone (30-38% of the side long, at least
  11 px, an irregular oval stone grey 158 / 154 / 146, near black lava 54 / 52 / 52 or sand 196 / 184 / 160, 14-24
  dark pores with light lips, a hole with a red 176 / 48 / 40 or natural 214 / 198 / 160 cord loop; a shadow at
  35%); of the whole picture: printed on a gneiss slab (the ink multiplied onto the stone, 42-54% of the way, folded
  bands every 5-9% of the side of near black 50 / 48 / 48 mica, grey 126 / 124 / 120 and pale 212 / 206 / 196 quartz
  and feldspar, a grain of 5%), printed on Donegal tweed (42-54% of the way, a near black 48 / 46 / 46 woollen
  cloth, its dye uneven by 10%, a hairy fuzz of 8% and a plain weave's ripple of 5% every 1.2-1.8% of the side, flecked
  with 120-199 neps of six colours) and printed on an ocean jasper slab (42-54% of the way, a sea green 92 / 132 / 104
  mottled to 150 / 170 / 120, 10-20 orbs 4-9% of the side in radius of concentric cream 236 / 228 / 200 rings between
  pink 214 / 150 / 140 or dark green 46 / 78 / 58 ones);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through a shop window whitened with whiting (the chalk film's scatter: a Gaussian
  of 1.4-2.2% of the side, at least 1 px, and a tail 2.5 times as wide for 25-35%; a chalky white 238 / 238 / 232
  veil 14-20% of the way, 25% thicker or thinner along the cloth's swirls, 2-4% of the side apart; a chalk grain of
  2%) and the picture copied as a plasticine painting (the thumb's blending: a Gaussian of 1.5-2.5% of the side, at
  least 1 px, and a tail 2.2 times as wide for 20-30%; 8-14% more saturated and 4-7% of the way to a waxy pale 236 /
  232 / 222; the smears a streaky mottle of 4% along two directions blended over the picture); each as a camera
  metering on the highlights exposes it (as Y's to BP's);
* ``dark`` (2%): a bathroom at night lit only by a toilet's motion-sensor bowl light (the bowl 34-44% of the side wide
  at the bottom, 25-75% across, its inside glowing blue, green, red or violet at 150-190, its water brighter, a dark
  seat ring and a raised lid behind; a glow of sigma 4-7% of the side up to 40-55 levels; the picture lit in its
  colour at ``0.015-0.03 + 0.26-0.34 / (1 + (d / d0) ** 2)`` with the distance from the bowl, ``d0`` 24-34% of the
  side), a pavement at night lit only by a kick scooter's light-up wheels (a dark deck 40-50% of the side long 84-90%
  down, two wheels of radius 6-8% of the side glowing in two colours at 200-240 with dark hubs, the steering column
  and handlebar; a glow of sigma 3-5% up to 35-50 levels; the picture lit in the wheels' mean colour falling off as
  above from between them, ``d0`` 22-30% of the side) and a kitchen at night lit only by an espresso machine's cup
  light (the machine's dark body in a top corner, its group head and portafilter, a warm white 1 / 0.86 / 0.62 LED
  under the head, a cone of its light at 14% onto a white cup on a slotted drip tray, 2-3 lit button rings; a glow of
  sigma 3-5% up to 30-45 levels; the picture lit in that colour falling off as above from under the head, ``d0``
  20-28% of the side); none of them blurs the picture;
* ``outlier`` (1.5%): a ring-tailed lemur on a branch (6-10 leaves, a thick branch across 60-75% down, the lemur
  sitting on it seen from the side: a body, a paler belly, a round head with a pale pointed face, a black mask round
  orange eyes, ears and a nose, a long tail curling up behind with 12-16 black rings), a motorcycle with a sidecar on a
  road (the road from 72-80% down with a dashed line, two wheels, a frame, a tank, a seat, a rider with a helmet, a
  headlamp, and beside it on the far side the sidecar's tub with its own wheel, a windscreen and a passenger) and a
  gasholder (the ground from 74-82% down, a round tank 50-64% of the side wide with its domed top and 3-5 lifts'
  bands, 6-8 lattice columns round it rising to 10-20% from the top, 2-3 girders across them and X bracing in the top
  tier); the digit
  and clothing sets get them in their own tones on their dark ground, the photographs as a grey lemur with a white
  face and black-and-white tail on a brown branch among green leaves, a red motorcycle and a cream sidecar on a grey
  road under a pale sky, and a grey-green tank in a red-brown frame on a dark yard under a pale sky;
* ``label`` (5%): *placeholder* flips: the pictures were labelled in a web tool in sessions of 20-60 (``SESSION``),
  each picture's class typed or clicked; on some sessions (30-60% of them, ``FLAKY``, drawn a pass) the tool's image
  server was failing and 20-40% of the session's pictures (``FAILED``, drawn a session) came up as a grey placeholder
  instead, and the labeller, who could not skip, gave each such picture the class she had given most often so far in
  the session (ties to the one given last; a session's first picture is never guessed, as nothing has been given).
  The flips are those placeholder pictures whose guess is not their own class (passes over the pictures not yet
  flipped while some are left). Noise by the session's running tally and the server, not by look or by any list's
  order: not BP's scroll wheel, BO's packing lists, BN's overflow bins, K's largest classes or AG's quota.
  Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BQ's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 401),
MNIST (2,000, seed 402), and the evaluation photographs tiled at 99 px (24 tiles a photograph at most, seed 403) and at
303 px (every tile, seed 404), sizes no other set uses. ``photos99_bq_jpeg`` is written as JPEG files, each at a quality
drawn from 36-55 (a stream of its own, seed ``695_000 + random_state``), every edit, blur and darkening made before the
encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the
file; the other sets are PNG files. Planting draws from seed ``690_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to BP).
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
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_BQ = ("fashion_test_bq", "mnist_bq", "photos99_bq_jpeg", "photos303_bq")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BQ = {
    "fashion_test_bq": ("fashion_test", 401),
    "mnist_bq": ("mnist", 402),
    "photos99_bq_jpeg": ("photos", 403, 99, 8, 24),
    "photos303_bq": ("photos", 404, 303, 8, 1000),
}
JPEG_QUALITY = (36, 56)  # the JPEG set's qualities: integers in [low, high)
RATES_BQ = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BQ = ("ice_cream_scoop", "gneiss", "garlic_press", "donegal_tweed", "tape_dispenser", "ocean_jasper",
                 "beaker", "pumice")
BLURS_BQ = ("window_whiting", "plasticine_painting")
DARKS_BQ = ("toilet_light", "scooter_wheels", "espresso_cup_light")
OUTLIERS_BQ = ("lemur", "sidecar", "gasholder")
SESSION = (20, 61)  # pictures labelled in a session: integers in [low, high)
FLAKY = (0.3, 0.6)  # the share of sessions in which the image server was failing, drawn a pass
FAILED = (0.2, 0.4)  # the share of a flaky session's pictures shown as a placeholder, drawn a session


def load_base_bq(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BQ, "BQ")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
STEEL = (178, 180, 186)
SCOOPS = ((186, 40, 44), (34, 34, 36), (150, 150, 146))
ALUMINIUM = np.array([196, 198, 202], np.float32)


def _ice_cream_scoop(f: np.ndarray, rng) -> np.ndarray:
    """An ice cream scoop lying on the print: 46-56% of the side long (at least 15 px); a round-ended handle 58% of
    its length long and 11% as wide, red 186 / 40 / 44, near black 34 / 34 / 36 or stone grey cast aluminium 150 /
    150 / 146 (of the three the one whose colour differs most on average from the picture's where it lies, or the
    second, at random, where it differs at least 60% as much, as for the press's arms, the dispenser and the
    pumice), with a hanging hole; a steel 178 / 180 / 186 thumb lever along it (at least 0.6 px); a neck to a round
    bowl of radius 17% of its length in aluminium 196 / 198 / 202, its inside 28% darker, its scraper blade an arc
    110 / 112 / 118 (at least 0.5 px); a sheen along the handle at 30% and a gleam on the bowl at 35%; at any angle,
    its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.46, 0.56))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(SCOOPS, f, fr, 0.5 * L, rng), np.float32)
    x0 = -0.5 * L
    hw = 0.055 * L + 0.3
    handle = fr.fill([_bar(x0 + hw, x0 + 0.58 * L - hw, hw)])
    hole = fr.fill([_circle(max(0.4, 0.45 * hw), 10, x0 + 0.09 * L, 0.0)])
    R = 0.17 * L
    bx = 0.5 * L - R
    neck = fr.fill([[(x0 + 0.54 * L, -0.7 * hw), (bx - 0.8 * R, -0.4 * R), (bx - 0.8 * R, 0.4 * R),
                     (x0 + 0.54 * L, 0.7 * hw)]])
    bowl = fr.fill([_circle(R, 32, bx, 0.0)])
    inner = fr.fill([_circle(0.76 * R, 28, bx, 0.0)])
    blade = fr.line([[(float(bx + 0.62 * R * np.cos(t)), float(0.62 * R * np.sin(t))) for t in np.linspace(-2.0, 2.0, 12)]],
                    max(0.5, 0.07 * R))
    lever = fr.line([[(x0 + 0.3 * L, -0.6 * hw), (x0 + 0.56 * L, -0.5 * hw), (bx - 0.3 * R, -0.2 * R)]],
                    max(0.6, 0.025 * L))
    sheen = fr.line([[(x0 + 0.14 * L, 0.45 * hw), (x0 + 0.5 * L, 0.45 * hw)]], max(0.4, 0.02 * L))
    gleam = fr.line([[(float(bx + 0.88 * R * np.cos(t)), float(0.88 * R * np.sin(t))) for t in np.linspace(3.6, 4.6, 8)]],
                    max(0.5, 0.07 * R))
    parts = [(handle, col, 1.0, True), (hole, col * 0.35, 1.0, False), (neck, ALUMINIUM * 0.9, 1.0, True),
             (bowl, ALUMINIUM, 1.0, True), (inner, ALUMINIUM * 0.72, 1.0, False), (blade, (110, 112, 118), 1.0, False),
             (lever, STEEL, 1.0, True), (sheen, WHITE, 0.3, False), (gleam, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


PRESSES = ((146, 146, 142), (40, 40, 42), (180, 44, 40))


def _garlic_press(f: np.ndarray, rng) -> np.ndarray:
    """A garlic press lying on the print, closed: 44-54% of the side long (at least 15 px); two arms from a hinge
    at one end, 6% of its length wide, stone grey zinc 146 / 146 / 142, near black 40 / 40 / 42 or red 180 / 44 /
    40, rubber grips over their far 38% (near black 24 / 24 / 26, or grey 104 / 104 / 108 on the near black one);
    by the hinge a chamber 28% of its length long and 26% wide, 10% darker, with a steel 186 / 188 / 194 plate and 12
    dark 26 / 26 / 30 holes (4 by 3, at least 0.35 px); a steel hinge pin; a shine along the upper arm at 30%; at any
    angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.44, 0.54))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(PRESSES, f, fr, 0.5 * L, rng), np.float32)
    x0 = -0.5 * L
    hx = x0 + 0.04 * L
    upper = fr.fill([[(hx, -0.07 * L), (0.5 * L, -0.12 * L), (0.5 * L, -0.06 * L), (hx, -0.01 * L)]])
    lower = fr.fill([[(hx, 0.01 * L), (0.5 * L, 0.06 * L), (0.5 * L, 0.12 * L), (hx, 0.07 * L)]])
    grips = fr.fill([[(0.12 * L, -0.105 * L), (0.5 * L, -0.125 * L), (0.5 * L, -0.055 * L), (0.12 * L, -0.035 * L)],
                     [(0.12 * L, 0.035 * L), (0.5 * L, 0.055 * L), (0.5 * L, 0.125 * L), (0.12 * L, 0.105 * L)]])
    chamber = fr.fill([_rect(x0 + 0.08 * L, -0.13 * L, x0 + 0.36 * L, 0.13 * L)])
    plate = fr.fill([_rect(x0 + 0.11 * L, -0.1 * L, x0 + 0.33 * L, 0.1 * L)])
    holes = fr.fill([_circle(max(0.35, 0.014 * L), 8, float(x), float(y))
                     for x in np.linspace(x0 + 0.14 * L, x0 + 0.3 * L, 4) for y in np.linspace(-0.06 * L, 0.06 * L, 3)])
    pin = fr.fill([_circle(max(0.5, 0.03 * L), 12, hx, 0.0)])
    shine = fr.line([[(x0 + 0.4 * L, -0.075 * L), (0.45 * L, -0.105 * L)]], max(0.4, 0.012 * L))
    grip = (104, 104, 108) if float(col.mean()) < 60 else (24, 24, 26)
    parts = [(lower, col, 1.0, True), (upper, col, 1.0, True), (grips, grip, 1.0, True), (chamber, col * 0.9, 1.0, True),
             (plate, (186, 188, 194), 1.0, False), (holes, (26, 26, 30), 1.0, False), (pin, STEEL, 1.0, False),
             (shine, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


DISPENSERS = ((36, 36, 40), (140, 140, 136), (176, 40, 40))
TAPE = (222, 228, 224)


def _tape_dispenser(f: np.ndarray, rng) -> np.ndarray:
    """A weighted desk tape dispenser lying on its side on the print: 40-50% of the side long (at least 14 px); a
    shell near black 36 / 36 / 40, stone grey 140 / 140 / 136 or red 176 / 40 / 40: a flat base 18% of its length
    high, a round hump of radius 30% of its length at its back over the roll and a nose sloping to the front; in the
    hump a well 45% as light; a roll of clear tape 222 / 228 / 224 at 45% (the well showing through) between 15% and
    24% of its length from the roll's middle, on a cardboard core 214 / 200 / 170 and a hub; the tape's strand at 50%
    from the roll's top to the nose (at least 0.5 px), a serrated steel cutter there (at least 0.4 px); two dark feet;
    a shine along the base at 30%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.4, 0.5))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(DISPENSERS, f, fr, 0.5 * L, rng), np.float32)
    c0, c1 = -0.16 * L, -0.02 * L
    body = fr.fill([_rect(-0.5 * L, 0.02 * L, 0.5 * L, 0.2 * L), _circle(0.3 * L, 36, c0, c1),
                    [(c0, -0.22 * L), (0.5 * L, -0.03 * L), (0.5 * L, 0.05 * L), (c0, 0.05 * L)]],
                   holes=[_rect(-L, 0.2 * L, L, L)])
    well = fr.fill([_circle(0.255 * L, 32, c0, c1)])
    roll = fr.fill([_circle(0.24 * L, 32, c0, c1)], holes=[_circle(0.15 * L, 28, c0, c1)])
    core = fr.fill([_circle(0.15 * L, 28, c0, c1)], holes=[_circle(0.115 * L, 24, c0, c1)])
    hub = fr.fill([_circle(0.06 * L, 14, c0, c1)])
    strand = fr.line([[(c0 + 0.05 * L, c1 - 0.235 * L), (0.49 * L, -0.035 * L)]], max(0.5, 0.02 * L))
    zig = [(float(0.5 * L + (0.015 * L if k % 2 else 0.0)), float(y)) for k, y in enumerate(np.linspace(-0.06 * L, 0.04 * L, 7))]
    cutter = fr.line([zig], max(0.4, 0.012 * L))
    feet = fr.fill([_rect(-0.46 * L, 0.19 * L, -0.34 * L, 0.235 * L), _rect(0.34 * L, 0.19 * L, 0.46 * L, 0.235 * L)])
    shine = fr.line([[(-0.45 * L, 0.06 * L), (0.3 * L, 0.06 * L)]], max(0.4, 0.02 * L))
    parts = [(feet, (24, 24, 26), 1.0, True), (body, col, 1.0, True), (well, col * 0.45, 1.0, False),
             (roll, TAPE, 0.45, False), (core, (214, 200, 170), 1.0, False), (hub, col * 0.8, 1.0, False),
             (strand, TAPE, 0.5, False), (cutter, STEEL, 1.0, False), (shine, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.35))


# glass, opacity, marks
BEAKERS = (((222, 234, 238), 0.4, (250, 250, 250)), ((180, 110, 40), 0.75, (250, 250, 250)),
           ((230, 232, 226), 0.65, (40, 80, 170)))


def _beaker(f: np.ndarray, rng) -> np.ndarray:
    """A laboratory beaker lying on its side on the print, empty: a body 30-38% of the side long (at least 11 px)
    and 80% as wide, clear glass 222 / 234 / 238 at 40% (the print showing through), amber glass 180 / 110 / 40 at
    75% or milky polypropylene 230 / 232 / 226 at 65%; its walls and thick base outlined (grey 96 / 102 / 106 on the
    clear one, the body's colour 30% darker on the others, at least 0.5 px); a lip round its mouth with a spout; 5-8
    graduation ticks along one wall, every other one longer, and a write-on patch, white 250 / 250 / 250 (blue 40 /
    80 / 170 on the polypropylene) at 90%; a highlight along the other wall at 50%; at any angle, its middle 30-70% of
    the way across and down, a soft shadow at 30% (15% for the clear one)."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.3, 0.38))
    W = 0.8 * L
    fr = _frame_at(h, w, rng)
    glass, alpha, ink = BEAKERS[int(rng.integers(len(BEAKERS)))]
    glass = np.asarray(glass, np.float32)
    edge = (96, 102, 106) if alpha < 0.5 else glass * 0.7
    lw = max(0.5, 0.035 * L)
    body = fr.fill([_rect(-0.5 * L, -0.5 * W, 0.5 * L, 0.5 * W)])
    walls = fr.line([[(0.5 * L, -0.5 * W), (-0.5 * L, -0.5 * W), (-0.5 * L, 0.5 * W), (0.5 * L, 0.5 * W)]], lw)
    base = fr.line([[(-0.5 * L, -0.5 * W), (-0.5 * L, 0.5 * W)]], max(0.6, 0.07 * L))
    lip = fr.fill([_rect(0.46 * L, -0.56 * W, 0.53 * L, 0.56 * W),
                   [(0.46 * L, -0.56 * W), (0.53 * L, -0.56 * W), (0.6 * L, -0.7 * W), (0.55 * L, -0.72 * W)]])
    n = int(rng.integers(5, 9))
    ticks = fr.line([[(float(x), -0.5 * W), (float(x), (-0.5 + (0.3 if k % 2 == 0 else 0.16)) * W)]
                     for k, x in enumerate(np.linspace(-0.3 * L, 0.3 * L, n))], max(0.4, 0.018 * L))
    patch = fr.fill([_rect(-0.22 * L, 0.06 * W, 0.16 * L, 0.32 * W)])
    shine = fr.line([[(-0.38 * L, 0.4 * W), (0.38 * L, 0.4 * W)]], max(0.5, 0.045 * L))
    parts = [(body, glass, alpha, True), (walls, edge, 0.85, False), (base, edge, 0.85, False), (lip, edge, 0.85, True),
             (ticks, ink, 0.9, False), (patch, ink, 0.9, False), (shine, WHITE, 0.5, False)]
    return _u8(_laid(f, parts, 0.3 if alpha > 0.5 else 0.15))


PUMICES = ((158, 154, 146), (54, 52, 52), (196, 184, 160))
CORDS = ((176, 48, 40), (214, 198, 160))


def _pumice(f: np.ndarray, rng) -> np.ndarray:
    """A bath pumice stone lying on the print: an irregular oval 30-38% of the side long (at least 11 px) and 64% as
    wide (14 points at 88-108% of the radius), stone grey 158 / 154 / 146, near black lava 54 / 52 / 52 or sand 196
    / 184 / 160; 14-24 pores of radius 2-5% of its length (at least 0.4 px), each dark (50% of its colour) with a
    light lip (25% lighter and 20 levels, at 80%) above it; a hole at one end (35%) with a cord loop 6% of its length
    thick (at least 0.6 px) out of it, red 176 / 48 / 40 or natural 214 / 198 / 160 (one a stone); at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.3, 0.38))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(PUMICES, f, fr, 0.5 * L, rng), np.float32)
    t = np.linspace(0, 2 * np.pi, 14, endpoint=False)
    r = rng.uniform(0.88, 1.08, 14)
    stone = fr.fill([[(float(0.5 * L * k * np.cos(u)), float(0.32 * L * k * np.sin(u))) for k, u in zip(r, t)]])
    pits, lips = [], []
    for _ in range(int(rng.integers(14, 25))):
        a, rr = rng.uniform(0, 2 * np.pi), np.sqrt(rng.uniform(0, 0.6))
        x, y = 0.5 * L * rr * np.cos(a), 0.32 * L * rr * np.sin(a)
        pr = max(0.4, L * rng.uniform(0.02, 0.05))
        lips.append(_circle(pr, 10, float(x - 0.3 * pr), float(y - 0.3 * pr)))
        pits.append(_circle(pr, 10, float(x), float(y)))
    lip_m, pit_m = fr.fill(lips) * stone, fr.fill(pits) * stone
    hole = fr.fill([_circle(max(0.5, 0.05 * L), 10, 0.36 * L, 0.0)])
    cord = fr.line([_ellipse(0.6 * L, 0.0, 0.26 * L, 0.13 * L, 0.0, 24) + [(0.86 * L, 0.0)]], max(0.6, 0.06 * L))
    cord = cord * (1 - stone) + fr.line([[(0.36 * L, 0.0), (0.5 * L, 0.0)]], max(0.6, 0.06 * L)) * stone
    cc = CORDS[int(rng.integers(len(CORDS)))]
    parts = [(stone, col, 1.0, True), (lip_m, np.minimum(col * 1.25 + 20, 255), 0.8, False), (pit_m, col * 0.5, 1.0, False),
             (hole, col * 0.3, 1.0, False), (cord, cc, 1.0, True)]
    return _u8(_laid(f, parts, 0.35))


GNEISS = np.array([(50, 48, 48), (126, 124, 120), (212, 206, 196)], np.float32)


def _gneiss(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished gneiss slab: the ink multiplied onto the stone, 42-54% of the way from the
    picture (35% of its tone added at that share); the stone banded along a direction drawn a picture, the bands
    folded (a wave of 3-6% of the side over 30-60% of it, and a smooth field of 2%), each 5-9% of the side across and
    made of two waves (the second 2.3 times as fine at 60%): near black 50 / 48 / 48 mica where low, pale 212 / 206 /
    196 quartz and feldspar where high, grey 126 / 124 / 120 between; a grain of 5%; drawn at 2 times the size and
    averaged: a folded banded rock, not AD's agate, BN's labradorite, BP's breccia, slate, strata or any stone or
    ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    a = rng.uniform(0, np.pi)
    u = xx * np.cos(a) + yy * np.sin(a)
    v = -xx * np.sin(a) + yy * np.cos(a)
    u = u + side * rng.uniform(0.03, 0.06) * np.sin(2 * np.pi * v / (side * rng.uniform(0.3, 0.6)) + rng.uniform(0, 6.3))
    u = u + side * 0.02 * np.kron(_field(h, w, 0.12 * side, rng), np.ones((s, s)))
    b = u / (side * rng.uniform(0.05, 0.09))
    t = 0.5 + 0.3 * np.sin(2 * np.pi * b) + 0.18 * np.sin(2 * np.pi * 2.3 * b + rng.uniform(0, 6.3))
    dark = np.clip((0.38 - t) / 0.1, 0, 1)[..., None]
    light = np.clip((t - 0.62) / 0.1, 0, 1)[..., None]
    ground = GNEISS[1] + (GNEISS[0] - GNEISS[1]) * dark + (GNEISS[2] - GNEISS[1]) * light
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    ground = ground * (1 + 0.05 * np.tanh(_field(h, w, 0.6, rng)))[..., None]
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


TWEED = np.array([48, 46, 46], np.float32)
NEPS = np.array([(200, 50, 44), (230, 190, 60), (70, 150, 80), (70, 110, 200), (230, 226, 214), (226, 120, 40)],
                np.float32)


def _donegal_tweed(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on Donegal tweed: the ink multiplied onto the cloth, 42-54% of the way from the picture
    (35% of its tone added at that share); a near black 48 / 46 / 46 woollen cloth, its dye uneven by 10% (a field of
    8% of the side), a hairy fuzz of 8% (a field of 0.2 px on a grid 3 times as fine), a plain weave's ripple of 5%
    every 1.2-1.8% of the side (at least 1.5 px); flecked with 120-199 neps, short strokes 0.4-0.9% of the side
    across (at least 0.6 px) and 1-2.5 times that long at any angle, red 200 / 50 / 44, yellow 230 / 190 / 60, green
    70 / 150 / 80, blue 70 / 110 / 200, white 230 / 226 / 214 or orange 226 / 120 / 40 at 85%: a dark wool flecked
    in colour, not BP's sashiko, houndstooth, tartan, hessian, denim or any cloth or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    wool = 1 + 0.1 * np.tanh(np.kron(_field(h, w, 0.08 * side, rng), np.ones((s, s))))
    hair = 1 + 0.08 * np.tanh(_field(h * s, w * s, 0.6, rng))
    p = max(1.5, side * rng.uniform(0.012, 0.018))
    weave = 1 + 0.05 * np.sin(2 * np.pi * xx / p) * np.sin(2 * np.pi * yy / p)
    ground = TWEED * (wool * hair * weave)[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    n = int(rng.integers(120, 200))
    which = rng.integers(len(NEPS), size=n)
    flecks = [[] for _ in NEPS]
    for k in range(n):
        r = max(0.6, side * rng.uniform(0.004, 0.009))
        flecks[int(which[k])].append(_ellipse(float(rng.uniform(0, w)), float(rng.uniform(0, h)),
                                              r * rng.uniform(1.0, 2.5), r, float(rng.uniform(0, np.pi)), 10))
    for c, polys in enumerate(flecks):
        if polys:
            ground = _paint(ground, ident.fill(polys) * 0.85, NEPS[c])
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


JASPER = np.array([(92, 132, 104), (150, 170, 120)], np.float32)
ORB_CREAM = np.array([236, 228, 200], np.float32)
ORB_RINGS = np.array([(214, 150, 140), (46, 78, 58)], np.float32)


def _ocean_jasper(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished ocean jasper slab: the ink multiplied onto the stone, 42-54% of the way from
    the picture (35% of its tone added at that share); a sea green 92 / 132 / 104 mottled to 150 / 170 / 120 (a
    field of 6-9% of the side); 10-20 orbs (spherulites) of radius 4-9% of the side, each of concentric rings 1/3 to
    1/5 of its radius apart, cream 236 / 228 / 200 between pink 214 / 150 / 140 or dark green 46 / 78 / 58 ones (one
    an orb), a dark green eye; a polish sheen of 3%; drawn at 2 times the size and averaged: a green stone set with
    ringed orbs, not AD's agate, BL's malachite, BN's jade or any stone or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    mot = np.clip(0.5 + 0.35 * np.kron(_field(h, w, side * rng.uniform(0.06, 0.09), rng), np.ones((s, s))), 0, 1)
    ground = JASPER[0] + (JASPER[1] - JASPER[0]) * mot[..., None]
    for _ in range(int(rng.integers(10, 21))):
        cx, cy = rng.uniform(-0.05, 1.05) * w, rng.uniform(-0.05, 1.05) * h
        R = side * rng.uniform(0.04, 0.09)
        per = R / rng.uniform(3, 5)
        d = np.hypot(xx - cx, yy - cy)
        ring = ORB_RINGS[int(rng.integers(len(ORB_RINGS)))]
        inside = (d < R)[..., None]
        band = (np.floor(d / per) % 2 == 0)[..., None]
        orb = np.where(band, ring, ORB_CREAM)
        orb = np.where((d < 0.3 * per)[..., None], ORB_RINGS[1], orb)
        ground = np.where(inside, orb, ground)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3)) * 1.03
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bq(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "ice_cream_scoop":  # an ice cream scoop on the print
        return _ice_cream_scoop(f, rng)
    if kind == "garlic_press":  # a garlic press on the print
        return _garlic_press(f, rng)
    if kind == "tape_dispenser":  # a desk tape dispenser on the print
        return _tape_dispenser(f, rng)
    if kind == "beaker":  # a laboratory beaker on the print
        return _beaker(f, rng)
    if kind == "pumice":  # a bath pumice stone on the print
        return _pumice(f, rng)
    if kind == "gneiss":  # the picture printed on a gneiss slab
        return _gneiss(f, rng)
    if kind == "donegal_tweed":  # the picture printed on Donegal tweed
        return _donegal_tweed(f, rng)
    if kind == "ocean_jasper":  # the picture printed on an ocean jasper slab
        return _ocean_jasper(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
WHITING = np.array([238, 238, 232], np.float32)


def _window_whiting(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen from outside through a shop window whitened with whiting (a paste of chalk and water wiped
    over the glass while the shop is refitted): the chalk film scatters the light, a Gaussian of 1.4-2.2% of the side
    (at least 1 px) and a tail 2.5 times as wide for 25-35%; its chalky white 238 / 238 / 232 veils it 14-20% of the
    way, 25% thicker or thinner along the cloth's swirls (rings 2-4% of the side apart, at least 2 px, round 6-10
    points, each fading over 12-20% of the side); a chalk grain of 2% (a field of 0.6 px); as a camera metering on the
    highlights exposes it: a chalk film on glass, not AD's poster on a shop window, frosted or stippled glass,
    limescale, nicotine or any haze, veil, glass, copy or print process of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.014, 0.022))
    k = rng.uniform(0.25, 0.35)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.5 * s) * k
    yy, xx = _pixels(h, w)
    swirl = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(6, 11))):
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        d = np.hypot(xx - cx, yy - cy)
        per = max(2.0, side * rng.uniform(0.02, 0.04))
        swirl += np.sin(2 * np.pi * d / per + rng.uniform(0, 6.3)) * np.exp(-(d / (side * rng.uniform(0.12, 0.2))) ** 2)
    veil = rng.uniform(0.14, 0.2) * (1 + 0.25 * np.tanh(swirl))
    out = out + (WHITING - out) * veil[..., None]
    out = out * (1 + 0.02 * np.tanh(_field(h, w, 0.6, rng)))[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


PALE = np.array([236, 232, 222], np.float32)


def _streaks(h: int, w: int, side: int, rng) -> np.ndarray:
    """A streaky field of unit spread: white noise under a Gaussian 5% of the side long and 1% across (at least 0.8
    px), turned to a direction drawn at random."""
    from scipy.ndimage import gaussian_filter, rotate

    n = int(np.ceil(side * 1.5)) + 4
    g = gaussian_filter(rng.normal(0, 1, (n, n)), (max(0.8, 0.01 * side), max(0.8, 0.05 * side)))
    g = rotate(g, rng.uniform(0, 180), reshape=False, order=1)
    y0, x0 = (n - h) // 2, (n - w) // 2
    g = g[y0:y0 + h, x0:x0 + w]
    return (g - g.mean()) / max(float(g.std()), 1e-6)


def _plasticine_painting(f: np.ndarray, rng) -> np.ndarray:
    """The picture copied as a plasticine painting (modelling clay smeared onto a board with the thumb): the
    thumb's blending spreads its tones, a Gaussian of 1.5-2.5% of the side (at least 1 px) and a tail 2.2 times as
    wide for 20-30%; the clay's colours 8-14% more saturated and 4-7% of the way to a waxy pale 236 / 232 / 222; the
    smears a streaky mottle of 4% along two directions (each a field 5% of the side long and 1% across) blended over
    the picture by a smooth field of 15% of the side; as a camera metering on the highlights exposes it: a smeared
    clay copy, not BP's sponge painting, BO's gouache, AC's watercolour, an oil paint, pastel or crayon copy or any
    copy or print process of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.025))
    k = rng.uniform(0.2, 0.3)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.2 * s) * k
    grey = out.mean(axis=2, keepdims=True)
    out = grey + (out - grey) * (1 + rng.uniform(0.08, 0.14))
    out = out + (PALE - out) * rng.uniform(0.04, 0.07)
    mix = 0.5 + 0.5 * np.tanh(_field(h, w, 0.15 * side, rng))
    smear = _streaks(h, w, side, rng) * mix + _streaks(h, w, side, rng) * (1 - mix)
    out = out * (1 + 0.04 * np.tanh(smear))[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


def blur_bq(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "window_whiting":  # seen through a shop window whitened with whiting
        return _window_whiting(f, rng)
    if kind == "plasticine_painting":  # copied as a plasticine painting
        return _plasticine_painting(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
TOILET_LEDS = np.array([(0.35, 0.6, 1.0), (0.4, 1.0, 0.5), (1.0, 0.35, 0.3), (0.7, 0.4, 1.0)], np.float32)


def _toilet_light(f: np.ndarray, rng) -> np.ndarray:
    """A bathroom at night lit only by a toilet's motion-sensor bowl light: at the bottom of the picture, 25-75%
    across and 78-90% down, the toilet seen from the front and above: a dark seat ring 48 / 48 / 52, an ellipse
    34-44% of the side wide and 60% as high, round the bowl, its inside glowing blue 0.35 / 0.6 / 1, green 0.4 / 1 /
    0.5, red 1 / 0.35 / 0.3 or violet 0.7 / 0.4 / 1 (one a picture) at 150-190, its water brighter at 230; the
    raised lid behind it 32 / 32 / 36; a glow of sigma 4-7% of the side up to 40-55 levels in its colour; the picture
    lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
    distance ``d`` from the bowl's middle, ``d0`` 24-34% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = TOILET_LEDS[int(rng.integers(len(TOILET_LEDS)))]
    a = side * rng.uniform(0.17, 0.22)
    b = 0.6 * a
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.78, 0.9)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.24, 0.34), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lid = ident.fill([_ellipse(cx, cy - 1.35 * b, 0.85 * a, 0.75 * b, 0.0, 32)])
    seat = ident.fill([_ellipse(cx, cy, a, b, 0.0, 40)], holes=[_ellipse(cx, cy + 0.06 * b, 0.72 * a, 0.68 * b, 0.0, 36)])
    bowl = ident.fill([_ellipse(cx, cy + 0.06 * b, 0.72 * a, 0.68 * b, 0.0, 36)])
    water = ident.fill([_ellipse(cx, cy + 0.22 * b, 0.36 * a, 0.3 * b, 0.0, 24)])
    out = _paint(_paint(out, lid, (32, 32, 36)), seat, (48, 48, 52))
    out = _paint(_paint(out, bowl, col * rng.uniform(150, 190)), water, col * 230)
    glow = _glow(bowl, max(1.0, side * rng.uniform(0.04, 0.07)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * col)


SCOOTER_LEDS = np.array([(1.0, 0.3, 0.3), (0.3, 1.0, 0.4), (0.3, 0.5, 1.0), (1.0, 0.85, 0.3), (1.0, 0.3, 0.9)],
                        np.float32)


def _scooter_wheels(f: np.ndarray, rng) -> np.ndarray:
    """A pavement at night lit only by a child's kick scooter's light-up wheels: the scooter seen from the side,
    facing either way, 25-75% across: a dark 40 / 40 / 46 deck 40-50% of the side long at 84-90% down, two wheels
    of radius 6-8% of the side at its ends, each a ring 25% of its radius thick glowing in its own colour (two of
    red, green, blue, amber and pink, drawn a picture) at 200-240 round a dark hub 44 / 44 / 50; from the front wheel
    the steering column (2.5% of the side thick, at least 0.8 px) rising to a handlebar 5-15% from the top; a glow of
    sigma 3-5% of the side up to 35-50 levels round each wheel in its colour; the picture lit in the wheels' mean
    colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d``
    from between them, ``d0`` 22-30% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    c1, c2 = (SCOOTER_LEDS[int(i)] for i in rng.choice(len(SCOOTER_LEDS), 2, replace=False))
    ld = side * rng.uniform(0.4, 0.5)
    r = side * rng.uniform(0.06, 0.08)
    cx, gy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.84, 0.9)
    s = 1 if rng.random() < 0.5 else -1
    xb, xf = cx - s * ld / 2, cx + s * ld / 2
    out = _lit(f, _falloff(h, w, cx, gy, side, (0.22, 0.3), rng)[..., None] * ((c1 + c2) / 2), rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    deck = ident.fill([_rect(min(xb, xf) + 0.5 * r, gy - 0.6 * r, max(xb, xf) - 0.5 * r, gy - 0.2 * r)])
    top = h * rng.uniform(0.05, 0.15)
    tx = xf - s * 0.08 * side
    th = max(0.8, 0.025 * side)
    column = ident.line([[(xf, gy), (tx, top)]], th)
    bar = ident.line([[(tx - 0.1 * side, top), (tx + 0.1 * side, top)]], th)
    out = _paint(out, np.maximum(np.maximum(deck, column), bar), (40, 40, 46))
    for x, c in ((xb, c1), (xf, c2)):
        ring = ident.line([_circle(0.88 * r, 28, x, gy) + [_circle(0.88 * r, 28, x, gy)[0]]], max(0.6, 0.25 * r))
        hub = ident.fill([_circle(0.45 * r, 16, x, gy)])
        out = _paint(_paint(out, ring, c * rng.uniform(200, 240)), hub, (44, 44, 50))
        out = out + _glow(ring, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(35, 50) * c
    return _u8(out)


CUP_LED = np.array([1.0, 0.86, 0.62], np.float32)


def _espresso_cup_light(f: np.ndarray, rng) -> np.ndarray:
    """A kitchen at night lit only by an espresso machine's cup light: the machine's dark body 40 / 40 / 44 in a
    top corner (45-60% of the width, down to 35-45% of the height), 2-3 lit button rings on its front in the LED's
    colour at 200; under it, 25-45% of the width in, the group head 56 / 56 / 60 (16% of the side wide) and the
    portafilter's handle 26 / 26 / 28 reaching out; a warm white 1 / 0.86 / 0.62 LED at 255 under the head and a cone
    of its light at 14% onto a white 196 / 192 / 184 cup (14% of the side wide, 10% high, with a handle) on a drip tray
    46 / 46 / 50 with dark slots at 62-72% down; a glow of sigma 3-5% of the side up to 30-45 levels round the LED and
    the cup's rim; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d
    / d0) ** 2)`` with the distance ``d`` from halfway between the LED and the cup, ``d0`` 20-28% of the side; noise
    sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 1 if rng.random() < 0.5 else -1
    bw, bh = w * rng.uniform(0.45, 0.6), h * rng.uniform(0.35, 0.45)
    x0, x1 = (w - bw, w + 1.0) if s > 0 else (-1.0, bw)
    hx = (w - w * rng.uniform(0.25, 0.45)) if s > 0 else w * rng.uniform(0.25, 0.45)
    cup_y = h * rng.uniform(0.62, 0.72)
    led_y = bh + 0.06 * side
    out = _lit(f, _falloff(h, w, hx, (led_y + cup_y) / 2, side, (0.2, 0.28), rng)[..., None] * CUP_LED, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    body = ident.fill([_rect(x0, -1.0, x1, bh)])
    head = ident.fill([_rect(hx - 0.08 * side, bh, hx + 0.08 * side, bh + 0.05 * side)])
    handle = ident.line([[(hx, bh + 0.04 * side), (hx - s * 0.22 * side, bh + 0.07 * side)]], max(0.8, 0.03 * side))
    led = ident.fill([_ellipse(hx + s * 0.05 * side, led_y, max(0.8, 0.02 * side), max(0.6, 0.01 * side), 0.0, 12)])
    cw, ch = 0.14 * side, 0.1 * side
    cone = ident.fill([[(hx + s * 0.05 * side - 0.01 * side, led_y), (hx + s * 0.05 * side + 0.01 * side, led_y),
                        (hx + cw, cup_y), (hx - cw, cup_y)]])
    tray = ident.fill([_rect(hx - 0.2 * side, cup_y + ch, hx + 0.2 * side, cup_y + ch + 0.04 * side)])
    slots = ident.line([[(float(x), cup_y + ch + 0.01 * side), (float(x), cup_y + ch + 0.03 * side)]
                        for x in np.linspace(hx - 0.17 * side, hx + 0.17 * side, 9)], max(0.5, 0.008 * side))
    cup = ident.fill([[(hx - cw / 2, cup_y), (hx + cw / 2, cup_y), (hx + 0.38 * cw, cup_y + ch),
                       (hx - 0.38 * cw, cup_y + ch)]])
    cup_h = ident.line([_ellipse(hx + s * 0.55 * cw, cup_y + 0.4 * ch, 0.16 * cw, 0.25 * ch, 0.0, 16) +
                        [_ellipse(hx + s * 0.55 * cw, cup_y + 0.4 * ch, 0.16 * cw, 0.25 * ch, 0.0, 16)[0]]],
                       max(0.5, 0.02 * side))
    rim = ident.line([[(hx - cw / 2, cup_y), (hx + cw / 2, cup_y)]], max(0.5, 0.012 * side))
    out = _paint(out, body, (40, 40, 44))
    nb = int(rng.integers(2, 4))
    bx = np.linspace(x0 + 0.25 * bw, x1 - 0.25 * bw, nb) if nb > 1 else [0.5 * (x0 + x1)]
    buttons = ident.line([_circle(max(0.8, 0.02 * side), 12, float(x), 0.6 * bh) +
                          [_circle(max(0.8, 0.02 * side), 12, float(x), 0.6 * bh)[0]] for x in bx], max(0.5, 0.008 * side))
    out = _paint(out, buttons, CUP_LED * 200)
    out = _paint(_paint(out, head, (56, 56, 60)), handle, (26, 26, 28))
    out = _paint(out, cone * 0.14, CUP_LED * 230)
    out = _paint(_paint(out, tray, (46, 46, 50)), slots, (20, 20, 22))
    out = _paint(_paint(out, cup_h, (196, 192, 184)), cup, (196, 192, 184))
    out = _paint(_paint(out, rim, (240, 236, 226)), led, CUP_LED * 255)
    glow = _glow(np.maximum(led, rim * 0.6), max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(30, 45) * CUP_LED)


def dark_bq(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "toilet_light":  # a bathroom lit only by a toilet's bowl light
        return _toilet_light(f, rng)
    if kind == "scooter_wheels":  # a pavement lit only by a kick scooter's light-up wheels
        return _scooter_wheels(f, rng)
    if kind == "espresso_cup_light":  # a kitchen lit only by an espresso machine's cup light
        return _espresso_cup_light(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _lemur(size: int, rng) -> dict:
    """A ring-tailed lemur on a branch: 6-10 leaves (ellipses 8-16% of the side long at any angle) over the upper
    part and the sides, a thick branch (7% of the side) across the picture from 60-75% down; the lemur sitting on it
    seen from the side, facing either way: a body (an ellipse 26% of the side wide and 36% high), a paler belly, a
    round head (radius 8.5% of the side) with a pale face drawn out to a pointed snout, a black mask round two orange
    eyes, two ears and a black nose; its long tail (4.5% of the side thick) rising behind it in an S and curling over
    at the top, with 12-16 black rings (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("leaves", "branch", "tail", "rings", "body", "belly", "head", "ears", "face", "mask", "eyes", "nose"),
                big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    for _ in range(int(rng.integers(6, 11))):
        x, y = big * rng.uniform(0, 1), big * rng.uniform(0, 0.55)
        if abs(x - big / 2) < 0.2 * big:
            x = x + np.sign(x - big / 2 + 1e-3) * 0.25 * big
        ell = _ellipse(float(x), float(y), big * rng.uniform(0.04, 0.08), big * rng.uniform(0.02, 0.035),
                       float(rng.uniform(0, np.pi)), 16)
        d["leaves"].polygon(ell, fill=255)
    ya, yb = big * rng.uniform(0.6, 0.75), big * rng.uniform(0.6, 0.75)
    d["branch"].line([(0, ya), (big, yb)], fill=255, width=max(1, round(0.07 * big)))
    cx = big * (0.5 + rng.uniform(-0.05, 0.05))
    by = ya + (yb - ya) * cx / big - 0.03 * big
    tail = [(float(cx - s * (0.14 + 0.08 * np.sin(np.pi * t)) * big + s * 0.1 * big * max(0.0, t - 0.75) * 4),
             float(by - 0.05 * big - t * 0.62 * big + 0.12 * big * max(0.0, t - 0.8) * 5)) for t in np.linspace(0, 1, 64)]
    tw = max(1, round(0.045 * big))
    d["tail"].line(tail, fill=255, width=tw, joint="curve")
    n = int(rng.integers(12, 17))
    for k in range(n):
        if k % 2:
            seg = tail[int(64 * k / n): int(64 * (k + 1) / n) + 1]
            d["rings"].line(seg, fill=255, width=tw + 1, joint="curve")
    d["body"].ellipse((cx - 0.13 * big, by - 0.36 * big, cx + 0.13 * big, by), fill=255)
    d["belly"].ellipse((cx + s * 0.01 * big - 0.08 * big, by - 0.3 * big, cx + s * 0.01 * big + 0.08 * big,
                        by - 0.02 * big), fill=255)
    hx, hy, hr = cx + s * 0.07 * big, by - 0.4 * big, 0.085 * big
    for o in (-0.6, 0.35):
        ex = hx + s * o * hr
        d["ears"].polygon([(ex - 0.35 * hr, hy - 0.6 * hr), (ex + 0.35 * hr, hy - 0.6 * hr), (ex, hy - 1.45 * hr)],
                          fill=255)
    d["head"].ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=255)
    d["face"].polygon([(hx - s * 0.3 * hr, hy - 0.7 * hr), (hx + s * 1.9 * hr, hy + 0.25 * hr),
                       (hx - s * 0.1 * hr, hy + 0.9 * hr)], fill=255)
    ex, ey = hx + s * 0.5 * hr, hy - 0.1 * hr
    d["mask"].ellipse((ex - 0.42 * hr, ey - 0.38 * hr, ex + 0.42 * hr, ey + 0.38 * hr), fill=255)
    d["eyes"].ellipse((ex - 0.2 * hr, ey - 0.2 * hr, ex + 0.2 * hr, ey + 0.2 * hr), fill=255)
    nx, ny = hx + s * 1.8 * hr, hy + 0.25 * hr
    d["nose"].ellipse((nx - 0.2 * hr, ny - 0.2 * hr, nx + 0.2 * hr, ny + 0.2 * hr), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["rings"] = out["rings"] * out["tail"]
    return out


def _sidecar(size: int, rng) -> dict:
    """A motorcycle with a sidecar on a road, seen from the side, facing either way: the road from 72-80% of the way
    down with a dashed line; two wheels (radius 10-12% of the side) 52% of the side apart with hubs; a frame (an
    engine block between the wheels and tubes to the seat and the headstock), a tank, a seat and a headlamp; a rider
    leaning forward (a torso, an arm to the handlebar, a leg) with a round helmet; beside it on the far side the
    sidecar's boat-shaped tub (52% of the side long, its nose out ahead of the front wheel) on its own smaller wheel,
    a windscreen on it and a passenger's head and shoulders (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("road", "lines", "tub", "sc_wheel", "screen", "passenger", "frame", "tank", "seat", "rider", "helmet",
                 "wheels", "hubs", "lamp"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.72, 0.8)
    d["road"].rectangle((0, gy, big, big), fill=255)
    ly = gy + 0.45 * (big - gy)
    for x in np.arange(rng.uniform(0, 0.2) * big, big, 0.2 * big):
        d["lines"].rectangle((x, ly - 0.008 * big, x + 0.1 * big, ly + 0.008 * big), fill=255)
    R = big * rng.uniform(0.1, 0.12)
    cx = big * (0.5 + rng.uniform(-0.04, 0.04))
    xr, xf = cx - s * 0.26 * big, cx + s * 0.26 * big
    wy = gy - R
    # the sidecar behind: its tub and wheel, a windscreen and its passenger
    tx0, tx1 = cx - s * 0.04 * big, cx + s * 0.48 * big
    top, bot = gy - 2.1 * R, gy - 0.9 * R
    d["tub"].polygon([(tx0, top), (cx + s * 0.36 * big, top), (tx1, (top + bot) / 2), (cx + s * 0.36 * big, bot),
                      (tx0, bot)], fill=255)
    scx, scr = cx + s * 0.3 * big, 0.8 * R
    d["sc_wheel"].ellipse((scx - scr, gy - 2 * scr, scx + scr, gy), fill=255)
    sx = cx + s * 0.38 * big
    d["screen"].polygon([(sx, top), (sx + s * 0.05 * big, top), (sx - s * 0.02 * big, top - 0.12 * big),
                         (sx - s * 0.05 * big, top - 0.11 * big)], fill=255)
    px, pr = cx + s * 0.29 * big, 0.055 * big
    d["passenger"].ellipse((px - pr, top - 0.17 * big - pr, px + pr, top - 0.17 * big + pr), fill=255)
    d["passenger"].rectangle((px - 1.3 * pr, top - 0.17 * big + 0.6 * pr, px + 1.3 * pr, top + 0.01 * big), fill=255)
    # the motorcycle
    seat_x, head_x = cx - s * 0.06 * big, cx + s * 0.2 * big
    sy = gy - 2.4 * R
    lw = max(1, round(0.025 * big))
    d["frame"].polygon([(cx - s * 0.1 * big, wy - 0.2 * R), (cx + s * 0.12 * big, wy - 0.4 * R),
                        (cx + s * 0.1 * big, wy + 0.55 * R), (cx - s * 0.08 * big, wy + 0.55 * R)], fill=255)
    d["frame"].line([(xr, wy), (seat_x, sy), (head_x, sy - 0.3 * R), (xf, wy)], fill=255, width=lw, joint="curve")
    d["frame"].line([(head_x, sy - 0.3 * R), (head_x - s * 0.03 * big, sy - 0.75 * R)], fill=255, width=lw)
    d["tank"].ellipse((min(cx, head_x) - 0.0 * big, sy - 0.55 * R, max(cx, head_x) - 0.0 * big, sy + 0.25 * R), fill=255)
    d["seat"].rectangle((min(seat_x, cx) - 0.08 * big, sy - 0.25 * R, max(seat_x, cx) + 0.0 * big, sy + 0.1 * R),
                        fill=255)
    rx = seat_x + s * 0.02 * big
    d["rider"].polygon([(rx - s * 0.05 * big, sy - 0.2 * R), (rx + s * 0.05 * big, sy - 0.2 * R),
                        (rx + s * 0.1 * big, sy - 0.26 * big), (rx - s * 0.0 * big, sy - 0.3 * big)], fill=255)
    d["rider"].line([(rx + s * 0.06 * big, sy - 0.25 * big), (head_x - s * 0.03 * big, sy - 0.75 * R)], fill=255,
                    width=max(1, round(0.03 * big)))
    d["rider"].line([(rx, sy), (rx + s * 0.1 * big, sy + 0.6 * R), (rx + s * 0.08 * big, wy + 0.5 * R)], fill=255,
                    width=max(1, round(0.035 * big)), joint="curve")
    hcx, hcy, hr = rx + s * 0.07 * big, sy - 0.34 * big, 0.06 * big
    d["helmet"].ellipse((hcx - hr, hcy - hr, hcx + hr, hcy + hr), fill=255)
    for x in (xr, xf):
        d["wheels"].ellipse((x - R, wy - R, x + R, wy + R), fill=255)
        d["hubs"].ellipse((x - 0.4 * R, wy - 0.4 * R, x + 0.4 * R, wy + 0.4 * R), fill=255)
    lx = head_x + s * 0.04 * big
    d["lamp"].ellipse((lx - 0.03 * big, sy - 0.5 * R - 0.03 * big, lx + 0.03 * big, sy - 0.5 * R + 0.03 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _gasholder(size: int, rng) -> dict:
    """A Victorian gasholder: the ground from 74-82% of the way down; a round tank 50-64% of the side wide and 30-45%
    high standing on it, its domed top (an ellipse's upper half 10% of the side high) and 3-5 lifts' bands across it;
    round it a guide frame of 6-8 lattice columns (1.8% of the side thick) from the ground to 10-20% from the top,
    2-3 girders (1.2%) across them, the top one at the columns' tops, and X bracing (0.6%) between the columns in the
    top tier (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "tank", "dome", "bands", "columns", "girders", "lattice"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.74, 0.82)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    W = big * rng.uniform(0.5, 0.64)
    cx = big * (0.5 + rng.uniform(-0.06, 0.06))
    x0, x1 = cx - W / 2, cx + W / 2
    top = gy - big * rng.uniform(0.3, 0.45)
    d["tank"].rectangle((x0, top, x1, gy), fill=255)
    d["dome"].pieslice((x0, top - 0.1 * big, x1, top + 0.1 * big), 180, 360, fill=255)
    for y in np.linspace(top + 0.06 * big, gy - 0.04 * big, int(rng.integers(3, 6))):
        d["bands"].line([(x0, y), (x1, y)], fill=255, width=max(1, round(0.008 * big)))
    ftop = big * rng.uniform(0.1, 0.2)
    xs = np.linspace(x0 - 0.05 * big, x1 + 0.05 * big, int(rng.integers(6, 9)))
    for x in xs:
        d["columns"].line([(x, ftop), (x, gy)], fill=255, width=max(1, round(0.018 * big)))
    levels = [ftop] + list(np.linspace(ftop, gy, int(rng.integers(2, 4)) + 1)[1:-1])
    for y in levels:
        d["girders"].line([(xs[0], y), (xs[-1], y)], fill=255, width=max(1, round(0.012 * big)))
    y1 = levels[1] if len(levels) > 1 else (ftop + gy) / 2
    for xa, xb in zip(xs[:-1], xs[1:]):
        d["lattice"].line([(xa, ftop), (xb, y1)], fill=255, width=max(1, round(0.006 * big)))
        d["lattice"].line([(xb, ftop), (xa, y1)], fill=255, width=max(1, round(0.006 * big)))
    out = {k: _down(v, size) for k, v in M.items()}
    out["bands"] = out["bands"] * out["tank"]
    return out


def outlier_bq(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "lemur":
        m = _lemur(size, rng)
        if photos:  # green leaves, a brown branch, a grey lemur, a white face, a black mask, orange eyes
            out = _paint(_paint(ground((64, 96, 58)), m["leaves"], (92, 150, 70)), m["branch"], (96, 70, 46))
            out = _paint(_paint(out, m["tail"], (232, 230, 226)), m["rings"], (30, 30, 32))
            out = _paint(_paint(out, m["body"], (140, 136, 132)), m["belly"], (214, 210, 204))
            out = _paint(_paint(out, m["ears"], (120, 116, 112)), m["head"], (130, 126, 122))
            out = _paint(_paint(out, m["face"], (236, 234, 230)), m["mask"], (26, 24, 24))
            return _u8(_paint(_paint(out, m["eyes"], (236, 150, 40)), m["nose"], (20, 18, 18)))
        out = _paint(_paint(ground(tone(0.0)), m["leaves"], tone(0.25)), m["branch"], tone(0.4))
        out = _paint(_paint(out, m["tail"], tone(1.0)), m["rings"], tone(0.15))
        out = _paint(_paint(out, m["body"], tone(0.6)), m["belly"], tone(0.85))
        out = _paint(_paint(out, m["ears"], tone(0.5)), m["head"], tone(0.6))
        out = _paint(_paint(out, m["face"], tone(0.95)), m["mask"], tone(0.1))
        return _u8(_paint(_paint(out, m["eyes"], tone(0.7)), m["nose"], tone(0.05)))
    if kind == "sidecar":
        m = _sidecar(size, rng)
        if photos:  # a pale sky, a grey road with white dashes, a cream sidecar, a red motorcycle, black wheels
            out = _paint(_paint(ground((190, 208, 226)), m["road"], (88, 88, 92)), m["lines"], (236, 236, 230))
            out = _paint(_paint(out, m["tub"], (226, 214, 180)), m["sc_wheel"], (30, 30, 32))
            out = _paint(_paint(out, m["screen"], (150, 176, 196)), m["passenger"], (70, 60, 52))
            out = _paint(_paint(out, m["frame"], (60, 60, 64)), m["tank"], (186, 36, 34))
            out = _paint(_paint(out, m["seat"], (36, 30, 28)), m["rider"], (50, 46, 44))
            out = _paint(_paint(out, m["helmet"], (226, 226, 222)), m["wheels"], (26, 26, 28))
            return _u8(_paint(_paint(out, m["hubs"], (176, 178, 184)), m["lamp"], (250, 244, 210)))
        out = _paint(_paint(ground(tone(0.0)), m["road"], tone(0.25)), m["lines"], tone(0.7))
        out = _paint(_paint(out, m["tub"], tone(0.8)), m["sc_wheel"], tone(0.45))
        out = _paint(_paint(out, m["screen"], tone(0.55)), m["passenger"], tone(0.6))
        out = _paint(_paint(out, m["frame"], tone(0.5)), m["tank"], tone(1.0))
        out = _paint(_paint(out, m["seat"], tone(0.35)), m["rider"], tone(0.65))
        out = _paint(_paint(out, m["helmet"], tone(0.9)), m["wheels"], tone(0.75))
        return _u8(_paint(_paint(out, m["hubs"], tone(0.3)), m["lamp"], tone(1.0)))
    if kind == "gasholder":
        m = _gasholder(size, rng)
        if photos:  # a pale sky, a dark yard, a grey-green tank, a red-brown frame
            out = _paint(_paint(ground((186, 204, 224)), m["ground"], (84, 80, 74)), m["tank"], (96, 116, 104))
            out = _paint(_paint(out, m["dome"], (112, 130, 118)), m["bands"], (66, 80, 72))
            out = _paint(_paint(out, m["lattice"], (140, 58, 46)), m["columns"], (150, 60, 48))
            return _u8(_paint(out, m["girders"], (150, 60, 48)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.3)), m["tank"], tone(0.55))
        out = _paint(_paint(out, m["dome"], tone(0.65)), m["bands"], tone(0.35))
        out = _paint(_paint(out, m["lattice"], tone(0.75)), m["columns"], tone(1.0))
        return _u8(_paint(out, m["girders"], tone(0.9)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def placeholder_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                      rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were labelled in a web tool in sessions of
    20-60 (``SESSION``, in a random order drawn a pass), each picture's class typed or clicked; on some sessions
    (30-60% of them, ``FLAKY``, drawn a pass) the tool's image server was failing and 20-40% of the session's pictures
    (``FAILED``, drawn a session, each picture by chance) came up as a grey placeholder instead, and the labeller, who
    could not skip a picture, gave each such one the class she had given most often so far in the session (ties to
    the one of them given last; her guesses count in the tally as they were given; a session's first picture is never
    guessed, as nothing has been given yet). The flips are the placeholder pictures whose guess is not their own
    class (passes over the pictures not yet flipped while some are left). Noise by the session's running tally and
    the server, not by look or by any list's order: not BP's scroll wheel, BO's packing lists, BN's overflow bins,
    K's largest classes, AG's quota or any mechanism of the earlier lists. Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    present = sorted({labels[i] for i in pool}, key=str)
    if len(present) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if len(items) < 2:
            break
        flaky = rng.uniform(*FLAKY)
        at = 0
        while at < len(items) and len(flips) < count:
            n = int(rng.integers(*SESSION))
            session, at = items[at: at + n], at + n
            if rng.random() >= flaky:
                continue  # the image server answered all this session
            failed = rng.uniform(*FAILED)
            tally: dict = {}
            last: dict = {}
            for j, cur in enumerate(session):
                given = labels[cur]
                if tally and rng.random() < failed and len(flips) < count:
                    most = max(tally.values())
                    given = max((c for c in tally if tally[c] == most), key=lambda c: last[c])
                    if given != labels[cur]:
                        flips[cur] = given
                tally[given] = tally.get(given, 0) + 1
                last[given] = j
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bq(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BQ's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 36-55 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BQ, seed=690_000 + random_state,
        quality_seed=695_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=placeholder_flips,
        **by_family(name, outlier=(outlier_bq, OUTLIERS_BQ), blur=(blur_bq, BLURS_BQ), dark=(dark_bq, DARKS_BQ),
                    near=(near_edit_bq, NEAR_EDITS_BQ)))
