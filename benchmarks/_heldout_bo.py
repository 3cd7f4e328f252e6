"""Generator BO: fresh EVALUATION sets after generator BN's run (never used to choose anything).

Why a sixty-fifth evaluation generator: generator BN's sets were written before its run and have been run once since
(the docs of generator BN's one held-out run, after which its four sets became development data), so a held-out set for
the code after that run is written now, before any tool is run on it. The commit subjects since BN's generator commit
(b8f6811) name no change to what the library finds and one docs commit: BN's one held-out run written up (its subject
carrying its numbers by set for ``near_duplicate``, ``blurry`` and ``dark`` and its calibration, and naming the detail
rule's finding the 309 px set's print held out) and BN's sets made development data in ``dev_sweep``. So BO measures
the same library as BN, on new sets. BN's run came before this generator was written, and that subject carries its
numbers, but BO's writer read no docs, logs, result files or commit bodies (only the commit subjects, the library's code
and the earlier generators' and tuning tools' files, to copy their structure and to avoid their families), and nothing
in BO was chosen from any result, to aim at or away from any weakness, rule or lead a subject names: its strengths and
its share of whole-picture edits are set as BN's (and BM's and BL's) were. Like AN's to BN's, BO's edits are not all
brightly coloured: some are stone grey, near black or translucent. Generator BO was written before any tool was run on
it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 95
and 307 px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture still in
it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are
seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures,
icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K,
L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS,
AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE, BF, BG, BH, BI, BJ, BK, BL, BM, BN) and none of the library's
calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG,
resize, overlay box; Gaussian, box, motion, down-and-up blurs) make (their family names and key words were searched for
in every earlier generator, the tuning tools and ``_synthetic.py``). Like AC's to BN's it has two blur families, not
three. Tiles of 307 px give 58 tiles (seed 396), so the large set is at 307 px, a size no other set uses; the small
photographs are at 95 px, a size no other set uses either. Left out because an earlier generator made them or left them
out (their key words are in the earlier generators' lists): among objects on the print a perfume bottle or atomiser
(AQ's list), a shoe tree (BN's shoehorn), a magnifier or a loupe (their lenses), a harmonica, a whistle, a kazoo, an
ocarina, castanets or a capo (their lists), a spirit level, a protractor or a set square (their lists), a trowel, an
awl or tweezers (their lists), a wing nut, an Allen key or a spark plug (their lists), a wax seal or a rubber stamp
(their lists), a padlock or a shackle (a padlock's), a sewing thimble or any object, creature, sweet, snack, fruit,
vegetable or plant part of the earlier lists (BN's, their lists: BO's tambourine is a round hoop with pairs of steel
jingles in its slots and a translucent drumskin, its oil can a round body with a thumb pump and a long thin spout, its
chisel a handle with a ferrule and a steel blade with a bright bevel, its inkwell a square bottle with ink in its round
neck, and its pulley block a cheek plate over a grooved sheave with a swivel hook and a rope); of the whole picture
rammed earth or any strata (AY's sedimentary layers), a brushed metal, a tread plate or expanded metal, labradorite,
verdigris, bogolan, lapis lazuli, chainmail, shweshwe, malachite, zellige, moquette, houndstooth, carbon fibre, batik,
tie-dye (or shibori), paisley, tartan, a circuit board, seigaiha, Greek key or newspaper, toile, quatrefoil or sunburst
wrap, chintz, a kilim, a damask, granite, marble, terrazzo, a leather hide, mother-of-pearl, bubble wrap, galvanised
spangle, tiles or a mosaic, a tapestry, a quilt or any other weave, print, stone, metal or patterned ground of the
earlier lists (BN's, their lists: BO's obsidian is a polished near black volcanic glass, faintly flow-banded, flecked
with grey-white cristobalite blooms, its Damascus steel a blank of pattern-welded dark and bright grey layers folded
into waves, and its kente an Asante strip-woven cloth of narrow strips in blocks of warp stripes and weft bands in
gold, green, red, black and blue); among blurs a watercolour, tempera, encaustic or oil paint copy (AC's, their lists),
a glaze run in the kiln, fused glass or a ceramic frit (AG's, AE's), a paper napkin print, a print on muslin, a
mezzotint, a jacquard throw, a mimeograph copy, a puff-ink print, a diazo whiteprint copy, a latte printer's coffee on
milk foam, edible ink on icing, a salt print, a tintype or daguerreotype, a bromoil or gum print, a gel-plate
monoprint, a lithophane, a thermal fax, a photocopy, a Risograph print, a dye sublimation onto a towel or a mug, a
glassine window, old window glass, a polythene sheet, a dry-ice fog, heat haze, a stocking, a sheer curtain, tulle or
organza, cling film, a steamed window, frosted glass, or any haze, veil, glass, copy or print process of the earlier
lists (BN's, their lists: BO's gouache copy is the picture painted again by hand in opaque matte gouache, its tones
blended soft by a flat brush and lifted chalky, and its porcelain plaque the picture fired as a sepia decal into a
porcelain plaque's glaze, its pigment spread soft in the melt under a glossy highlight); among darkenings a
hoverboard's wheel rims, a kettle's light ring, a dog's LED collar, a sewing machine's bulb, a solar stake light, an
electric car's charging post, a resin 3D printer, an LED face mask, a computer case's fan rings, a gaming keyboard, a
bar's backlit bottles, a phone box, a juggler's LED clubs, a water cooler, a robot vacuum, a crystal ball, an orrery's
sun lamp, an intercom's keypad, a fibre-optic lamp, an LED hula hoop or a light sword, an infinity mirror, a make-up
mirror's bulbs, a pharmacy's cross (an exit sign), a lightbox, an ON AIR sign, a lit fountain, a salt lamp, a jukebox,
a vending machine, a fridge, a microwave, a lava lamp, glow sticks, fairy lights, a torch or headlamp, a Nixie tube
clock, a bike's tail light or any flame, ember, lamp, screen or glow of the earlier lists (BN's, their lists: BO's LED
cube is a hobbyist's cube of blue LEDs on a dark workbench, its night train a passing carriage's row of lit warm
windows across a dark railway cutting, and its LED coaster a violet disc glowing under a tumbler on a dark bar);
among foreign pictures an armadillo (as a pangolin would be), an anteater (as an aardvark), a giraffe or a zebra (as
an okapi), a walrus or a seal (as a manatee), a bicycle (as a penny-farthing), an airship (as a zeppelin), a sailboat
(as a dhow), a pagoda (as a stupa), a forklift, a tractor, a badger, a covered wagon, an adobe pueblo, a wolf, a
monorail, a log cabin, a windmill, a castle or any other animal, vehicle, building or flying thing of the earlier lists
(BN's, their lists: BO's tapir is a Malayan tapir, black with a white saddle, in a rainforest, its go-kart a kart with
its helmeted driver on a circuit before a wall of tyres, and its trulli whitewashed round huts under grey conical stone
roofs with white pinnacles); among label noise a display case's majority or a gallery page's majority (N's cluster
majority, W's neighbours' vote), an auction lot catalogued under its first item (BM's stuck prints), a ledger's ditto
marks (a spreadsheet's fill-down), a cloakroom's swapped tickets (transposed sheets, swapped digits), and every
mechanism BN named and BN's overflow bins (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions,
clocks, a returns desk's prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing
bench's label rolls, a mistranslated list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a
spreadsheet's fill-down, collided file names, names completed as typed, tote cross-reads, shelf scans, conveyor jets,
averaged votes, re-hung swing tags, a tracker's identity switch, a cache race, rotated specimen racks, a cross-wired put
wall, a timeout, misprinted reference sheets, keyed shorthand, stock reconciliation, autosave lag, stuck prints, a
batch whose class numbers were in another order, a model's runner-up exported by an off-by-one, a taxonomy's merged
classes, a colour-blind labeller, overflow bins).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 307 px set's
  copies get both kinds): a tambourine (a round hoop 30-38% of the side across, at least 12 px, natural wood 196 / 150
  / 96, near black 36 / 34 / 38 or red lacquer 176 / 46 / 42, of the three the two whose colour differs most on average
  from the picture's where it lies, as for each object's colour below; a translucent cream drumskin at 50%, 4-5 dark
  slots each with a pair of steel jingles; a shine at 35%; 30-70% of the way across and down, at any angle, a soft
  shadow at 30%), an oil can (38-46% of the side long, at least 14 px, a round body 42% of that across, brass 200 / 164
  / 80, stone grey steel 138 / 140 / 140 or red-painted 176 / 40 / 36; two seams 25% darker, a conical shoulder and a
  long thin spout 20% darker, a thumb pump, a drop of oil; a shine at 40%; a shadow at 35%), a chisel (46-58% of the
  side long, at least 16 px; a handle of beech 196 / 150 / 96, yellow 224 / 184 / 40 or near black 36 / 36 / 38 with a
  leather washer, a steel ferrule, a steel blade with a darker back and a bright bevel; a sheen at 30%; a shadow at
  30%), an inkwell (a square bottle with rounded corners 26-34% of the side across, at least 10 px, clear glass 226 /
  236 / 234 at 50%, cobalt blue glass 52 / 80 / 170 at 80% or stone grey stoneware 146 / 142 / 134; a round neck with
  a lip ring and blue-black ink 20 / 24 / 48, a dribble of ink, highlights at 50%; a shadow at 30%, 15% for the clear
  one) and a pulley block (a cheek plate 30-38% of the side long, at least 12 px, galvanised grey 150 / 152 / 154,
  black 40 / 40 / 42 or red-painted 178 / 48 / 40; a brass sheave with a groove, a steel pin, a swivel hook, a hemp
  rope over the sheave and out 0.8-1.3 times its length each way; a shine at 35%; a shadow at 35%); of the whole
  picture: printed on a polished snowflake obsidian slab (the ink multiplied onto the stone, 42-54% of the way, a near
  black 20 / 20 / 24 flow-banded to dark grey 52 / 50 / 54, 14-30 grey-white cristobalite blooms), printed on a
  pattern-welded Damascus steel blank (42-54% of the way, dark 62 / 64 / 70 and bright 198 / 200 / 204 layers every
  2.5-4% of the side folded into waves, an etch's mottle) and printed on kente cloth (42-54% of the way, strips 10-14%
  of the side wide in blocks 14-20% long of warp stripes and weft bands in four of gold, green, red, black and blue a
  strip, turned by 0 or 90 degrees);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture copied by hand in gouache (the flat brush's soft blending: a Gaussian of 1.4-2.4% of
  the side, at least 1 px, and a tail 2.5 times as wide for 20-30%; 10-16% less saturated and 8-12% of the way to a
  chalk white 246 / 244 / 236; brush strokes a ripple of 2%, the paper's tooth a mottle of 2%) and the picture fired
  onto a porcelain photo plaque (the decal's pigment spread in the glaze: a Gaussian of 1.3-2.1% of the side, at least
  1 px, and a tail 1.8 times as wide for 30-40%; a sepia brown-black 62 / 44 / 30 to a porcelain white 246 / 244 /
  238, its tones ``g ** 0.9``, a glossy highlight lifting it by 6-10%, the glaze's orange peel a mottle of 1.5%); each
  as a camera metering on the highlights exposes it (as Y's to BN's);
* ``dark`` (2%): a dark workbench lit only by an LED cube (4-5 LEDs an edge seen from a corner, 22-30% of the side
  wide, 25-75% across and 50-70% down, 60-90% of its LEDs lit blue 0.35 / 0.6 / 1, a glow of sigma 4-6% of the side up
  to 35-50 levels; the picture lit in blue at ``0.015-0.03 + 0.26-0.34 / (1 + (d / d0) ** 2)`` from the cube's middle,
  ``d0`` 22-32% of the side), a railway cutting at night lit only by a passing train (a dark carriage side 12-16% of
  the side high across the picture, its middle 45-65% down, a row of 5-8 warm lit windows 1 / 0.86 / 0.6 and a door's
  two panes, a glow of sigma 3-5% up to 30-45 levels; the picture lit in that colour falling off as above with the
  distance up or down from the windows, ``d0`` 18-26% of the side) and a bar at night lit only by an LED coaster (a
  disc seen at a slant 20-28% of the side wide, 68-84% down, glowing violet 0.75 / 0.35 / 1 with a bright rim, a
  tumbler on it lit from below, a glow of sigma 4-7% up to 40-55 levels; the picture lit in violet falling off as
  above from the coaster, ``d0`` 24-34% of the side); none of them blurs the picture;
* ``outlier`` (1.5%): a Malayan tapir in a rainforest (3-5 trunks, 6-10 hanging leaves, the forest floor from 70-78%
  down, the tapir seen from the side: a heavy rounded body, a white saddle, four sturdy legs, a head with a short
  drooping snout, round ears with white rims), a go-kart on a circuit (grass, a wall of stacked tyres, the tarmac from
  55-62% down, a striped kerb, a low kart with two fat wheels, a side pod with a number disc, a driver in a racing suit
  with a round helmet and a dark visor) and Apulian trulli (2-3 whitewashed round walls under grey conical stone
  roofs with 5-7 courses and white pinnacles, a door and a window, the ground from 72-80% down); the digit and
  clothing sets get them in their own tones on their dark ground, the photographs as a black and white tapir in a
  dim green forest, a yellow kart with a red-suited driver on grey tarmac under a pale sky, and white trulli with grey
  cones on red earth under a blue sky;
* ``label`` (5%): *packing list* flips: the pictures are of items unpacked from cartons, 12-40 a carton (``CARTON``),
  each carton's packing list giving its contents as counts by class in the list's own order (a random order, drawn a
  carton), and on some cartons (30-60% of them, ``CARELESS``, drawn a pass) the receiving clerk did not look at the
  items but labelled them in the order they were lifted out by walking down the list, count by count, so the carton
  kept its classes' counts but not which item had which. The flips are those items whose list label is not their own
  class (passes over the items not yet flipped while some are left). Noise by the cartons' contents and the lifting
  order, not by look: not BN's overflow bins, BM's stuck prints, BG's rotated specimen racks or AZ's label rolls.
  Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BO's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 393),
MNIST (2,000, seed 394), and the evaluation photographs tiled at 95 px (24 tiles a photograph at most, seed 395) and at
307 px (every tile, seed 396), sizes no other set uses. ``photos95_bo_jpeg`` is written as JPEG files, each at a quality
drawn from 38-57 (a stream of its own, seed ``675_000 + random_state``), every edit, blur and darkening made before the
encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the
file; the other sets are PNG files. Planting draws from seed ``670_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to BN).
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

EVALUATION_BO = ("fashion_test_bo", "mnist_bo", "photos95_bo_jpeg", "photos307_bo")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BO = {
    "fashion_test_bo": ("fashion_test", 393),
    "mnist_bo": ("mnist", 394),
    "photos95_bo_jpeg": ("photos", 395, 95, 8, 24),
    "photos307_bo": ("photos", 396, 307, 8, 1000),
}
JPEG_QUALITY = (38, 58)  # the JPEG set's qualities: integers in [low, high)
RATES_BO = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BO = ("tambourine", "obsidian", "oil_can", "damascus", "chisel", "kente", "inkwell", "pulley_block")
BLURS_BO = ("gouache", "porcelain_plaque")
DARKS_BO = ("led_cube", "night_train", "led_coaster")
OUTLIERS_BO = ("tapir", "go_kart", "trullo")
CARTON = (12, 41)  # items unpacked from a carton: integers in [low, high)
CARELESS = (0.3, 0.6)  # the share of cartons whose items were labelled off the packing list by position, drawn a pass


def load_base_bo(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BO, "BO")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
STEEL = (178, 180, 186)
TAMBOURINES = ((196, 150, 96), (36, 34, 38), (176, 46, 42))


def _tambourine(f: np.ndarray, rng) -> np.ndarray:
    """A tambourine lying on the print, seen from above: a round frame 30-38% of the side across (at least 12 px), its
    hoop 14% of its radius wide, natural wood 196 / 150 / 96, near black 34 / 34 / 38 or red lacquer 176 / 46 / 42
    (of the three the one whose colour differs most on average from the picture's where it lies, or the second, at
    random, where it differs at least 60% as much, as for the oil can, the chisel's handle and the pulley block); a
    drumskin across it, a translucent cream 236 / 226 / 200 at 50% (the print showing through); 4-5 slots in the hoop,
    dark 30 / 26 / 24, each with a pair of steel jingles 200 / 200 / 206 (discs 15% of its radius across, at least 0.8
    px, a darker ring); a shine on the skin at 35%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(6.0, side * rng.uniform(0.15, 0.19))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(TAMBOURINES, f, fr, R, rng), np.float32)
    hoop = fr.fill([_circle(R, 40)], holes=[_circle(0.86 * R, 40)])
    skin = fr.fill([_circle(0.86 * R, 40)])
    n = int(rng.integers(4, 6))
    slots, zils, rims = [], [], []
    for t in np.linspace(0, 2 * np.pi, n, endpoint=False) + rng.uniform(0, np.pi):
        u, v = np.cos(t), np.sin(t)
        for o in (-0.17, 0.17):
            x, y = 0.93 * R * np.cos(t + o), 0.93 * R * np.sin(t + o)
            zils.append(_circle(max(0.4, 0.075 * 2 * R), 12, float(x), float(y)))
            rims.append(_circle(max(0.3, 0.045 * 2 * R), 12, float(x), float(y)))
        c = [(float(0.93 * R * np.cos(t + s)), float(0.93 * R * np.sin(t + s))) for s in np.linspace(-0.3, 0.3, 6)]
        slots.append(c + [(float(0.93 * R * u * 0.94), float(0.93 * R * v * 0.94))])
    slot = fr.line(slots, max(0.6, 0.12 * R))
    jingles = fr.fill(zils)
    ring = fr.fill(rims)
    shine = fr.line([[(float(0.6 * R * np.cos(t)), float(0.6 * R * np.sin(t))) for t in np.linspace(3.5, 4.5, 8)]],
                    max(0.5, 0.07 * R))
    parts = [(hoop, col, 1.0, True), (skin, (236, 226, 200), 0.5, False), (slot, (30, 26, 24), 1.0, False),
             (jingles, (200, 200, 206), 1.0, True), (ring, (120, 120, 128), 0.6, False), (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


OILCANS = ((200, 164, 80), (138, 140, 140), (176, 40, 36))


def _oil_can(f: np.ndarray, rng) -> np.ndarray:
    """A machinist's oil can lying on its side on the print: 38-46% of the side long (at least 14 px), a round body
    42% of its length across, brass 200 / 164 / 80, stone grey steel 138 / 140 / 140 or red-painted 176 / 40 / 36; two
    seams round it 25% darker, a conical shoulder to a long thin spout 50% of its length in the body's colour 20%
    darker, a thumb pump's button on its back 30% darker, a drop of amber oil 200 / 140 / 40 at the spout's tip; a
    shine along the body at 40%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.38, 0.46))
    r = 0.21 * L
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(OILCANS, f, fr, 0.5 * L, rng), np.float32)
    cx = -0.5 * L + r
    body = fr.fill([_circle(r, 32, cx, 0.0)])
    cone = fr.fill([[(cx, -0.8 * r), (cx + 1.5 * r, -0.12 * r), (cx + 1.5 * r, 0.12 * r), (cx, 0.8 * r)]])
    spout = fr.fill([[(cx + 1.4 * r, -0.09 * r), (0.5 * L, -0.035 * r - 0.25), (0.5 * L, 0.035 * r + 0.25),
                      (cx + 1.4 * r, 0.09 * r)]])
    seams = fr.line([_circle(0.8 * r, 28, cx, 0.0) + [_circle(0.8 * r, 28, cx, 0.0)[0]],
                     _circle(0.45 * r, 20, cx, 0.0) + [_circle(0.45 * r, 20, cx, 0.0)[0]]], max(0.5, 0.05 * r))
    pump = fr.fill([_circle(max(0.6, 0.22 * r), 12, cx - 0.95 * r, 0.0)])
    drop = fr.fill([_circle(max(0.6, 0.06 * L), 10, 0.5 * L + 0.02 * L, 0.0)])
    shine = fr.line([[(float(cx + 0.6 * r * np.cos(t)), float(0.6 * r * np.sin(t))) for t in np.linspace(3.6, 4.6, 8)]],
                    max(0.5, 0.1 * r))
    parts = [(pump, col * 0.7, 1.0, True), (body, col, 1.0, True), (cone, col * 0.9, 1.0, True),
             (spout, col * 0.8, 1.0, True), (seams, col * 0.75, 0.9, False), (drop, (200, 140, 40), 0.9, False),
             (shine, WHITE, 0.4, False)]
    return _u8(_laid(f, parts, 0.35))


HANDLES = ((196, 150, 96), (224, 184, 40), (36, 36, 38))


def _chisel(f: np.ndarray, rng) -> np.ndarray:
    """A woodworker's chisel lying on the print: 46-58% of the side long (at least 16 px); a handle 46% of its length
    long and 13% as wide, rounded, beech 196 / 150 / 96, yellow 224 / 184 / 40 or near black 36 / 36 / 38, with a
    darker leather washer at its end; a steel ferrule 176 / 180 / 186 6% of its length; a steel blade 178 / 180 / 186
    48% of its length long and 11% as wide, its back a darker line, its bevel at the tip a bright 226 / 228 / 232
    band 12% of its length; a sheen along the handle at 30%; at any angle, its middle 30-70% of the way across and
    down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(16.0, side * rng.uniform(0.46, 0.58))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(HANDLES, f, fr, 0.5 * L, rng), np.float32)
    x0 = -0.5 * L
    hw = 0.065 * L
    handle = fr.fill([_ellipse(x0 + 0.23 * L, 0.0, 0.23 * L, hw + 0.3, 0.0, 28)])
    washer = fr.fill([_rect(x0 + 0.005 * L, -0.8 * hw, x0 + 0.035 * L, 0.8 * hw)])
    ferrule = fr.fill([_rect(x0 + 0.42 * L, -0.75 * hw - 0.2, x0 + 0.5 * L, 0.75 * hw + 0.2)])
    bw = 0.055 * L + 0.3
    blade = fr.fill([_rect(x0 + 0.5 * L, -0.3 * bw, x0 + 0.56 * L, 0.3 * bw),
                     _rect(x0 + 0.56 * L, -bw, 0.5 * L, bw)])
    bevel = fr.fill([_rect(0.38 * L, -bw, 0.5 * L, bw)])
    back = fr.line([[(x0 + 0.56 * L, 0.0), (0.38 * L, 0.0)]], max(0.4, 0.015 * L))
    sheen = fr.line([[(x0 + 0.08 * L, -0.5 * hw), (x0 + 0.38 * L, -0.5 * hw)]], max(0.5, 0.02 * L))
    parts = [(handle, col, 1.0, True), (washer, col * 0.55, 1.0, True), (ferrule, (176, 180, 186), 1.0, True),
             (blade, STEEL, 1.0, True), (bevel, (226, 228, 232), 1.0, False), (back, (120, 122, 128), 0.8, False),
             (sheen, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


# glass, opacity
INKWELLS = (((226, 236, 234), 0.5), ((52, 80, 170), 0.8), ((146, 142, 134), 1.0))


def _inkwell(f: np.ndarray, rng) -> np.ndarray:
    """An inkwell standing on the print, seen from above: a square bottle with rounded corners 26-34% of the side across
    (at least 10 px), clear glass 226 / 236 / 234 at 50% (the print showing through), cobalt blue glass 52 / 80 / 170
    at 80% or stone grey stoneware 146 / 142 / 134; its round neck 44% of its width across with a lip ring 20% darker
    (dark grey 90 / 94 / 96 on the clear one) and the blue-black ink 20 / 24 / 48 inside it; a dribble of ink down one
    side; white highlights on two corners at 50%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 30% (15% for the clear one)."""
    h, w = f.shape[:2]
    side = min(h, w)
    a = max(5.0, side * rng.uniform(0.13, 0.17))
    fr = _frame_at(h, w, rng)
    glass, alpha = INKWELLS[int(rng.integers(len(INKWELLS)))]
    glass = np.asarray(glass, np.float32)
    c = 0.25 * a
    pts = []
    for (qx, qy), t0 in zip(((a - c, a - c), (-a + c, a - c), (-a + c, -a + c), (a - c, -a + c)),
                            (0.0, 0.5 * np.pi, np.pi, 1.5 * np.pi)):
        pts += [(float(qx + c * np.cos(t)), float(qy + c * np.sin(t))) for t in np.linspace(t0, t0 + 0.5 * np.pi, 5)]
    bottle = fr.fill([pts])
    neck = 0.44 * a
    lip = fr.fill([_circle(neck, 28)], holes=[_circle(0.72 * neck, 24)])
    ink = fr.fill([_circle(0.72 * neck, 24)])
    k = rng.uniform(0, 2 * np.pi)
    dribble = fr.line([[(float(0.8 * neck * np.cos(k)), float(0.8 * neck * np.sin(k))),
                        (float(0.95 * a * np.cos(k)), float(0.95 * a * np.sin(k)))]], max(0.6, 0.1 * a))
    shine = fr.line([[(a - 1.2 * c, -a + 0.5 * c), (a - 0.5 * c, -a + 1.2 * c)],
                     [(-a + 0.5 * c, a - 1.2 * c), (-a + 1.2 * c, a - 0.5 * c)]], max(0.5, 0.08 * a))
    lip_col = glass * 0.8 if alpha > 0.6 else (90, 94, 96)
    parts = [(bottle, glass, alpha, alpha > 0.6), (lip, lip_col, 1.0, False), (ink, (20, 24, 48), 1.0, False),
             (dribble, (20, 24, 48), 0.85, False), (shine, WHITE, 0.5, False)]
    if alpha <= 0.6:  # the clear glass casts a faint shadow of its own
        parts[0] = (bottle, glass, alpha, True)
        return _u8(_laid(f, parts, 0.15))
    return _u8(_laid(f, parts, 0.3))


BLOCKS = ((150, 152, 154), (40, 40, 42), (178, 48, 40))


def _pulley_block(f: np.ndarray, rng) -> np.ndarray:
    """A rope pulley block lying on the print: its cheek plate a rounded slot 30-38% of the side long (at least 12 px)
    and 52% as wide, galvanised grey 150 / 152 / 154, black 40 / 40 / 42 or red-painted 178 / 48 / 40; the sheave (a
    grooved wheel 70% of its width across) showing through a window, brass 190 / 150 / 70 with its groove 35% darker;
    a steel axle pin; a swivel hook at its top (a thick hook of steel 178 / 180 / 186, at least 0.8 px); a hemp rope
    200 / 178 / 128 (at least 0.8 px) over the sheave and out from both sides 0.8-1.3 times its length; a shine at 35%;
    at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.3, 0.38))
    W = 0.52 * L
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(BLOCKS, f, fr, 0.5 * L, rng), np.float32)
    cheek = fr.fill([_ellipse(0.0, 0.0, 0.5 * W, 0.5 * W, 0.0, 24), _rect(-0.5 * W, -0.5 * L + 0.5 * W, 0.5 * W, 0.0),
                     _ellipse(0.0, -0.5 * L + 0.5 * W, 0.5 * W, 0.5 * W, 0.0, 24)])
    sr = 0.35 * W
    sheave = fr.fill([_circle(sr, 28)])
    groove = fr.line([_circle(0.78 * sr, 24) + [_circle(0.78 * sr, 24)[0]]], max(0.5, 0.1 * sr))
    pin = fr.fill([_circle(max(0.5, 0.22 * sr), 12)])
    top = -0.5 * L
    hook = fr.line([[(0.0, top + 0.05 * L), (0.0, top - 0.12 * L)] +
                    [(float(0.1 * L * np.sin(t)), float(top - 0.22 * L - 0.1 * L * np.cos(t)))
                     for t in np.linspace(0, 1.4 * np.pi, 10)]], max(0.8, 0.05 * L))
    k1, k2 = rng.uniform(0.8, 1.3, 2) * L
    bend = rng.uniform(-0.2, 0.2) * L
    rope = fr.line([[(-sr, float(0.3 * L + k1)), (-sr, 0.0)] +
                    [(float(-sr * np.cos(t)), float(-sr * np.sin(t))) for t in np.linspace(0, np.pi, 10)] +
                    [(sr, 0.0), (float(sr + bend), float(0.3 * L + k2))]], max(0.8, 0.07 * L))
    shine = fr.line([[(-0.35 * W, -0.3 * L), (-0.35 * W, -0.05 * L)]], max(0.5, 0.04 * L))
    parts = [(hook, STEEL, 1.0, True), (cheek, col, 1.0, True), (sheave, (190, 150, 70), 1.0, True),
             (groove, (124, 98, 46), 0.9, False), (rope, (200, 178, 128), 1.0, True), (pin, STEEL, 1.0, False),
             (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.35))


OBSIDIAN = np.array([(20, 20, 24), (52, 50, 54)], np.float32)
FLAKE = np.array([196, 196, 190], np.float32)


def _obsidian(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished snowflake obsidian slab: the ink multiplied onto the stone, 42-54% of the way
    from the picture (35% of its tone added at that share); the volcanic glass near black 20 / 20 / 24 banded by its
    flow to a dark grey 52 / 50 / 54 (bands every 5-8% of the side, warped by a smooth field of 10% of the side); 14-30
    grey-white 196 / 196 / 190 cristobalite blooms 4-9% of the side across, each a soft core and 6-10 feathered rays
    (at 55-85%); a polish sheen of 4%; drawn at 2 times the size and averaged: a black volcanic glass flecked grey, not
    BN's labradorite, BL's malachite, granite, marble or any stone or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    H, W = h * s, w * s
    yy, xx = _fine(h, w, s)
    t = rng.uniform(0, np.pi)
    p = side * rng.uniform(0.05, 0.08)
    u = (xx * np.cos(t) + yy * np.sin(t)) / p + 1.2 * np.kron(_field(h, w, 0.1 * side, rng), np.ones((s, s)))
    band = (0.5 + 0.5 * np.sin(2 * np.pi * u)) ** 3
    ground = OBSIDIAN[0] + (OBSIDIAN[1] - OBSIDIAN[0]) * band[..., None]
    ident = _Frame((H, W), 0.0, 0.0, 0.0)
    for _ in range(int(rng.integers(14, 31))):
        cx, cy, r = rng.uniform(0, W), rng.uniform(0, H), s * side * rng.uniform(0.02, 0.045)
        rays = []
        for a in rng.uniform(0, 2 * np.pi, int(rng.integers(6, 11))):
            ln = r * rng.uniform(0.6, 1.0)
            rays.append([(float(cx), float(cy)), (float(cx + ln * np.cos(a)), float(cy + ln * np.sin(a)))])
        m = np.maximum(ident.line(rays, max(0.8, 0.18 * r)), ident.fill([_circle(0.4 * r, 14, cx, cy)]))
        ground = _paint(ground, m * rng.uniform(0.55, 0.85), FLAKE)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3)) * 1.04
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


DAMASCUS = np.array([(62, 64, 70), (198, 200, 204)], np.float32)


def _damascus(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a pattern-welded (Damascus) steel blank: the ink multiplied onto the metal, 42-54% of the
    way from the picture (35% of its tone added at that share); the etched layers dark grey 62 / 64 / 70 and bright
    198 / 200 / 204, every 2.5-4% of the side, folded and twisted into waves (warped by smooth fields of 8-12% and 3%
    of the side, 1.4 and 0.35 layers), the layers' edges soft; the etch's frosting a fine mottle of 3%; drawn at 3
    times the size and averaged: a forged blade's grey layers, not BN's verdigris, BM's chainmail, brushed metal, a
    tread plate or any metal or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    t = rng.uniform(0, np.pi)
    p = max(1.2, side * rng.uniform(0.025, 0.04))
    warp = 1.4 * np.kron(_field(h, w, side * rng.uniform(0.08, 0.12), rng), np.ones((s, s))) + \
        0.35 * np.kron(_field(h, w, max(0.5, 0.03 * side), rng), np.ones((s, s)))
    u = (xx * np.cos(t) + yy * np.sin(t)) / p + warp * (side * 0.25 / p) ** 0.5
    layer = np.clip(0.5 + 0.8 * np.sin(2 * np.pi * u), 0, 1)
    ground = DAMASCUS[0] + (DAMASCUS[1] - DAMASCUS[0]) * layer[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    ground = ground * (1 + 0.03 * np.tanh(_field(h, w, 0.6, rng)))[..., None]
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


KENTE = np.array([(226, 178, 40), (32, 128, 66), (188, 40, 36), (30, 28, 26), (40, 70, 150)], np.float32)


def _kente(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on kente cloth (Asante strip weaving: narrow strips sewn edge to edge): the ink multiplied
    onto the cloth, 42-54% of the way from the picture (35% of its tone added at that share); strips 10-14% of the side
    wide, each in blocks along it 14-20% of the side long, the blocks alternating between warp stripes along the strip
    (6 stripes a strip in its colours) and a weft-faced block of three bands across it, the strips' blocks offset by
    half a block, in gold 226 / 178 / 40, green 32 / 128 / 66, red 188 / 40 / 36, black 30 / 28 / 26 and blue 40 / 70
    / 150 (four of them, drawn a strip); a seam between strips darker; the threads a ripple of 2%; turned by 0 or 90
    degrees; drawn at 3 times the size and averaged: a strip-woven cloth of bold blocks, not BN's bogolan, tartan,
    shweshwe, a kilim or any cloth or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    if rng.random() < 0.5:
        yy, xx = xx, yy
    sw = max(3.0, side * rng.uniform(0.1, 0.14))
    bl = max(4.0, side * rng.uniform(0.14, 0.2))
    q = xx / sw + rng.uniform(0, 1)
    strip = np.floor(q).astype(int)
    fx = q - strip
    v = yy / bl + 0.5 * (strip % 2) + rng.uniform(0, 1)
    block = np.floor(v).astype(int)
    fv = v - block
    pal = np.stack([rng.permutation(len(KENTE))[:4] for _ in range(64)])  # each strip's four colours
    sp = pal[strip % 64]
    warp_idx = np.minimum((fx * 6).astype(int), 5) % 4
    weft_idx = np.minimum((fv * 3).astype(int), 2) + 1
    idx = np.where(block % 2 == 0, np.take_along_axis(sp, warp_idx[..., None], axis=2)[..., 0],
                   np.take_along_axis(sp, (weft_idx % 4)[..., None], axis=2)[..., 0])
    ground = KENTE[idx]
    seam = (np.minimum(fx, 1 - fx) * sw < 0.04 * sw)
    ground = ground * np.where(seam, 0.7, 1.0)[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    yy1, xx1 = _pixels(h, w)
    ground = ground * (1 + 0.01 * (np.sin(np.pi * xx1) + np.sin(np.pi * yy1)))[..., None]
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bo(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "tambourine":  # a tambourine on the print
        return _tambourine(f, rng)
    if kind == "oil_can":  # a machinist's oil can on the print
        return _oil_can(f, rng)
    if kind == "chisel":  # a woodworker's chisel on the print
        return _chisel(f, rng)
    if kind == "inkwell":  # an inkwell on the print
        return _inkwell(f, rng)
    if kind == "pulley_block":  # a rope pulley block on the print
        return _pulley_block(f, rng)
    if kind == "obsidian":  # the picture printed on a snowflake obsidian slab
        return _obsidian(f, rng)
    if kind == "damascus":  # the picture printed on a pattern-welded steel blank
        return _damascus(f, rng)
    if kind == "kente":  # the picture printed on kente cloth
        return _kente(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
CHALK = np.array([246, 244, 236], np.float32)


def _gouache(f: np.ndarray, rng) -> np.ndarray:
    """The picture copied by hand in gouache (opaque watercolour, as a poster painter works): the painter's soft flat
    brush blends its tones, a Gaussian of 1.4-2.4% of the side (at least 1 px) and a tail 2.5 times as wide for
    20-30%; the white in every mix makes it matte and chalky, its tones 8-12% of the way to a chalk white 246 / 244 /
    236 and its colours 10-16% less saturated; the brush's strokes a ripple of 2% along a stroke direction drawn a
    picture, every 2-3% of the side, wavering by a smooth field; the paper's tooth a mottle of 2% (a field of 0.6 px);
    as a camera metering on the highlights exposes it: an opaque painted copy, not AC's watercolour, tempera,
    encaustic, oil paint or any copy or print process of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.014, 0.024))
    k = rng.uniform(0.2, 0.3)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.5 * s) * k
    grey = out.mean(axis=2, keepdims=True)
    out = out + (grey - out) * rng.uniform(0.1, 0.16)
    out = out + (CHALK - out) * rng.uniform(0.08, 0.12)
    yy, xx = _pixels(h, w)
    t = rng.uniform(0, np.pi)
    q = max(1.5, side * rng.uniform(0.02, 0.03))
    wav = 0.04 * side * _field(h, w, max(0.5, 0.08 * side), rng)
    out = out * (1 + 0.02 * np.sin(2 * np.pi * (xx * np.cos(t) + yy * np.sin(t) + wav) / q))[..., None]
    out = out * (1 + 0.02 * np.tanh(_field(h, w, 0.6, rng)))[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


PLAQUE_INK = np.array([62, 44, 30], np.float32)
PLAQUE_WHITE = np.array([246, 244, 238], np.float32)


def _porcelain_plaque(f: np.ndarray, rng) -> np.ndarray:
    """The picture fired onto a porcelain photo plaque (a photographic decal laid on glazed porcelain and fired, as
    on a memorial): the decal's pigment sinks and spreads in the molten glaze, a Gaussian of 1.3-2.1% of the side (at
    least 1 px) and a tail 1.8 times as wide for 30-40%; its tones a sepia brown-black 62 / 44 / 30 to the porcelain's
    white 246 / 244 / 238, ``g ** 0.9``; the glaze's gloss a broad soft highlight (a Gaussian spot 20-30% of the side
    wide, 25-75% across and down) lifting it by 6-10%, and the glaze's orange peel a mottle of 1.5% (a field of 3% of
    the side); as a camera metering on the highlights exposes it: a fired ceramic copy, not AG's glaze run in the kiln
    or fused glass, AE's ceramic frit or any copy or print process of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.013, 0.021))
    k = rng.uniform(0.3, 0.4)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 1.8 * s) * k
    g = np.clip(out.mean(axis=2, keepdims=True) / 255, 0, 1) ** 0.9
    out = PLAQUE_INK + (PLAQUE_WHITE - PLAQUE_INK) * g
    yy, xx = _pixels(h, w)
    cx, cy, r = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.25, 0.75), side * rng.uniform(0.1, 0.15)
    spot = np.exp(-0.5 * (np.hypot(xx - cx, yy - cy) / r) ** 2)
    out = out * (1 + rng.uniform(0.06, 0.1) * spot)[..., None]
    out = out * (1 + 0.015 * np.tanh(_field(h, w, max(0.5, 0.03 * side), rng)))[..., None]
    return _u8(_metered(out, f))


def blur_bo(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "gouache":  # copied by hand in gouache
        return _gouache(f, rng)
    if kind == "porcelain_plaque":  # fired onto a porcelain photo plaque
        return _porcelain_plaque(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
CUBE_BLUE = np.array([0.35, 0.6, 1.0], np.float32)


def _led_cube(f: np.ndarray, rng) -> np.ndarray:
    """A dark workbench lit only by a hobbyist's LED cube at work: a cube of 4-5 LEDs along each edge seen from a
    corner (an isometric grid 22-30% of the side wide), 25-75% across and 50-70% down, 60-90% of its LEDs lit blue
    0.35 / 0.6 / 1 at 230 towards a core of 255 (dots 4.5% of its width across, at least 0.8 px), the rest dark grey
    40 / 42 / 48; its wire frame faint grey 60 / 62 / 66; a glow of sigma 4-6% of the side up to 35-50 levels in blue;
    the picture lit in blue at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with
    the distance ``d`` from the cube's middle, ``d0`` 22-32% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    cw = side * rng.uniform(0.22, 0.3)
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.5, 0.7)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.22, 0.32), rng)[..., None] * CUBE_BLUE, rng)
    n = int(rng.integers(4, 6))
    e = cw / 2 / np.cos(np.pi / 6) / (n - 1)  # an edge step, so that the cube is cw wide
    ux, uy = e * np.cos(np.pi / 6), e * np.sin(np.pi / 6)
    pts = []
    for i in range(n):
        for j in range(n):
            for k in range(n):
                pts.append((cx + (i - j) * ux, cy + (i + j) * uy - k * e - (n - 1) * (uy - 0.5 * e)))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    frame = ident.line([[pts[(i * n + j) * n], pts[(i * n + j) * n + n - 1]] for i in range(n) for j in range(n)],
                       max(0.4, 0.008 * side))
    out = _paint(out, frame * 0.8, (60, 62, 66))
    lit = rng.random(len(pts)) < rng.uniform(0.6, 0.9)
    rd = max(0.4, 0.0225 * cw)
    on = ident.fill([_circle(rd, 10, x, y) for (x, y), o in zip(pts, lit) if o] or [[(0, 0)]])
    off = ident.fill([_circle(rd, 10, x, y) for (x, y), o in zip(pts, lit) if not o] or [[(0, 0)]])
    out = _paint(_paint(out, off, (40, 42, 48)), on, CUBE_BLUE * 230)
    out = _paint(out, on * 0.6, np.minimum(CUBE_BLUE * 255 + 60, 255))
    glow = _glow(on, max(1.0, side * rng.uniform(0.04, 0.06)))[..., None]
    return _u8(out + glow * rng.uniform(35, 50) * CUBE_BLUE)


TRAIN = np.array([1.0, 0.86, 0.6], np.float32)


def _night_train(f: np.ndarray, rng) -> np.ndarray:
    """A railway cutting at night lit only by a train passing through the picture: a dark carriage side 48 / 50 / 56
    across the whole width, 12-16% of the side high, its middle 45-65% of the way down; a row of its lit windows,
    warm 1 / 0.86 / 0.6 at 220-240, 60% of its height high, 5-8 across the picture's width with a door gap (two narrow
    lit door panes) among them; a glow of sigma 3-5% of the side up to 30-45 levels in its colour; the picture lit in
    that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance
    ``d`` from the row of windows (up or down), ``d0`` 18-26% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    ch = side * rng.uniform(0.12, 0.16)
    cy = h * rng.uniform(0.45, 0.65)
    yy, _ = _pixels(h, w)
    r0 = side * rng.uniform(0.18, 0.26)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.abs(yy - cy) / r0) ** 2)
    out = _lit(f, gain[..., None] * TRAIN, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    body = ident.fill([_rect(-1.0, cy - ch / 2, w + 1.0, cy + ch / 2)])
    out = _paint(out, body, (48, 50, 56))
    n = int(rng.integers(5, 9))
    pitch = w / n
    off = rng.uniform(0, pitch)
    door = int(rng.integers(n))
    wins = []
    for i in range(-1, n + 1):
        x = off + i * pitch
        if i == door:
            wins += [_rect(x + 0.1 * pitch, cy - 0.35 * ch, x + 0.3 * pitch, cy + 0.4 * ch),
                     _rect(x + 0.36 * pitch, cy - 0.35 * ch, x + 0.56 * pitch, cy + 0.4 * ch)]
        else:
            wins.append(_rect(x + 0.08 * pitch, cy - 0.3 * ch, x + 0.82 * pitch, cy + 0.3 * ch))
    windows = ident.fill(wins)
    out = _paint(out, windows, TRAIN * rng.uniform(220, 240))
    glow = _glow(windows, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(30, 45) * TRAIN)


VIOLET = np.array([0.75, 0.35, 1.0], np.float32)


def _led_coaster(f: np.ndarray, rng) -> np.ndarray:
    """A bar at night lit only by an LED coaster under a glass: a disc seen at a slant, an ellipse 20-28% of the side
    wide and 30% as high, 25-75% across and 68-84% down, glowing violet 0.75 / 0.35 / 1 at 200 with a brighter rim
    ring at 255 (6% of its width, at least 0.6 px); a tumbler standing on it (a glass 60% of the disc's width at its
    foot, 1.2 times that high, widening by 15% to its top), its drink lit from below, violet at 120-160 at its foot
    fading to 40% at its top, its rim an ellipse of grey 150 / 150 / 160 at 60%; a glow of sigma 4-7% of the side up
    to 40-55 levels in violet; the picture lit in violet at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 /
    (1 + (d / d0) ** 2)`` with the distance ``d`` from the coaster, ``d0`` 24-34% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    a = side * rng.uniform(0.1, 0.14)
    b = 0.3 * a
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.68, 0.84)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.24, 0.34), rng)[..., None] * VIOLET, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    disc = ident.fill([_ellipse(cx, cy, a, b, 0.0, 36)])
    out = _paint(out, disc, VIOLET * 200)
    ring = ident.line([_ellipse(cx, cy, a, b, 0.0, 36) + [_ellipse(cx, cy, a, b, 0.0, 36)[0]]],
                      max(0.6, 0.06 * 2 * a))
    out = _paint(out, ring, np.minimum(VIOLET * 255 + 40, 255))
    gw, gh = 0.6 * a, 1.2 * 1.2 * a
    top = cy - gh
    glass = ident.fill([[(cx - gw, cy), (cx - 1.15 * gw, top), (cx + 1.15 * gw, top), (cx + gw, cy)],
                        _ellipse(cx, cy, gw, 0.3 * gw, 0.0, 20)])
    yy, _ = _pixels(h, w)
    fade = np.clip(1 - 0.6 * (cy - yy) / gh, 0.4, 1)
    level = rng.uniform(120, 160)
    out = _paint(out, glass, VIOLET * level * fade[..., None])
    rim = ident.line([_ellipse(cx, top, 1.15 * gw, 0.3 * gw, 0.0, 24) + [_ellipse(cx, top, 1.15 * gw, 0.3 * gw, 0.0,
                                                                                  24)[0]]], max(0.5, 0.01 * side))
    out = _paint(out, rim * 0.6, (150, 150, 160))
    glow = _glow(np.maximum(disc, ring), max(1.0, side * rng.uniform(0.04, 0.07)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * VIOLET)


def dark_bo(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "led_cube":  # a workbench lit only by an LED cube
        return _led_cube(f, rng)
    if kind == "night_train":  # a railway cutting lit only by a passing train's windows
        return _night_train(f, rng)
    if kind == "led_coaster":  # a bar lit only by an LED coaster under a glass
        return _led_coaster(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _tapir(size: int, rng) -> dict:
    """A Malayan tapir in a rainforest: 3-5 tree trunks behind (vertical bands 4-8% of the side wide), 6-10 big leaves
    hanging in front of them, the forest floor from 70-78% of the way down; the tapir on it seen from the side, facing
    either way: a heavy rounded body (an ellipse 48% of the side long and 24% high), its white saddle over the back
    half of its middle (a band across the body 40% of its length wide), four sturdy legs, a rounded rump, a head with
    a short drooping trunk-like snout, small round ears with white rims, an eye (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("trunks", "leaves", "floor", "body", "saddle", "legs", "head", "ears", "rims", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.7, 0.78)
    for _ in range(int(rng.integers(3, 6))):
        x, tw = big * rng.uniform(0, 1), big * rng.uniform(0.04, 0.08)
        d["trunks"].rectangle((x - tw / 2, 0, x + tw / 2, gy), fill=255)
    for _ in range(int(rng.integers(6, 11))):
        x, y, r = big * rng.uniform(0, 1), big * rng.uniform(0.05, 0.4), big * rng.uniform(0.05, 0.09)
        d["leaves"].ellipse((x - r, y - 0.4 * r, x + r, y + 0.4 * r), fill=255)
    d["floor"].rectangle((0, gy, big, big), fill=255)
    cx = big * (0.5 + rng.uniform(-0.05, 0.05))
    L, H = 0.48 * big, 0.24 * big
    by = gy - 0.13 * big - H / 2
    for o in (-0.34, -0.22, 0.22, 0.34):
        lx = cx + o * L
        d["legs"].rectangle((lx - 0.03 * big, by, lx + 0.03 * big, gy + 0.01 * big), fill=255)
    d["body"].ellipse((cx - L / 2, by - H / 2, cx + L / 2, by + H / 2), fill=255)
    sx = cx - s * 0.08 * L
    d["saddle"].rectangle((sx - 0.2 * L, by - H / 2, sx + 0.2 * L, by + H / 2), fill=255)
    hx = cx + s * 0.5 * L
    d["head"].ellipse((hx - 0.1 * big, by - 0.11 * big, hx + 0.1 * big, by + 0.07 * big), fill=255)
    d["head"].polygon([(hx, by - 0.06 * big), (hx + s * 0.2 * big, by - 0.02 * big), (hx + s * 0.22 * big,
                       by + 0.06 * big), (hx + s * 0.17 * big, by + 0.07 * big), (hx, by + 0.06 * big)], fill=255)
    ex = hx - s * 0.04 * big
    d["rims"].ellipse((ex - 0.04 * big, by - 0.19 * big, ex + 0.04 * big, by - 0.09 * big), fill=255)
    d["ears"].ellipse((ex - 0.028 * big, by - 0.175 * big, ex + 0.028 * big, by - 0.1 * big), fill=255)
    d["eye"].ellipse((hx + s * 0.04 * big - 0.012 * big, by - 0.05 * big, hx + s * 0.04 * big + 0.012 * big,
                      by - 0.026 * big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["saddle"] = out["saddle"] * out["body"]
    return out


def _go_kart(size: int, rng) -> dict:
    """A go-kart on a circuit: grass from 30-38% of the way down behind a wall of stacked tyres (2-3 rows of black
    rings), the tarmac from 55-62% down with a kerb of alternating stripes along its near edge; the kart seen from the
    side, 56-66% of the side long, facing either way: a low tube chassis, two fat wheels 20% of the side across
    (hubs), a side pod with a number disc, a front nose, a seated driver in a racing suit (a torso and arms to a
    steering wheel) with a round helmet and a dark visor (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("grass", "tyres", "tarmac", "kerb", "chassis", "wheels", "hubs", "pod", "disc", "suit", "helmet",
                 "visor"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    g0 = big * rng.uniform(0.3, 0.38)
    t0 = big * rng.uniform(0.55, 0.62)
    d["grass"].rectangle((0, g0, big, big), fill=255)
    tr = big * 0.045
    for row in range(int(rng.integers(2, 4))):
        y = t0 - 0.02 * big - tr - row * 1.6 * tr
        for x in np.arange(tr, big, 2.05 * tr):
            d["tyres"].ellipse((x - tr, y - 0.8 * tr, x + tr, y + 0.8 * tr), outline=255, width=max(1, round(0.4 * tr)))
    d["tarmac"].rectangle((0, t0, big, big), fill=255)
    ky = big * rng.uniform(0.9, 0.95)
    for i, x in enumerate(np.arange(-0.1 * big, big, 0.08 * big)):
        if i % 2 == 0:
            d["kerb"].polygon([(x, ky), (x + 0.08 * big, ky), (x + 0.06 * big, big), (x - 0.02 * big, big)], fill=255)
    L = big * rng.uniform(0.56, 0.66)
    cx = big * (0.5 + rng.uniform(-0.05, 0.05))
    wy = big * rng.uniform(0.76, 0.8)
    x0, x1 = cx - L / 2, cx + L / 2
    d["chassis"].rectangle((x0, wy - 0.03 * big, x1, wy), fill=255)
    back, front = (x0 + 0.14 * L, x1 - 0.12 * L) if s > 0 else (x1 - 0.14 * L, x0 + 0.12 * L)
    r = 0.1 * big
    for wx in (back, front):
        d["wheels"].ellipse((wx - r, wy - r + 0.03 * big, wx + r, wy + r + 0.03 * big), fill=255)
        d["hubs"].ellipse((wx - 0.4 * r, wy - 0.4 * r + 0.03 * big, wx + 0.4 * r, wy + 0.4 * r + 0.03 * big), fill=255)
    px = cx - s * 0.02 * L
    d["pod"].polygon([(px - 0.2 * L, wy - 0.02 * big), (px - 0.16 * L, wy - 0.09 * big), (px + 0.2 * L,
                      wy - 0.09 * big), (px + 0.24 * L, wy - 0.02 * big)], fill=255)
    d["pod"].polygon([(front + s * 0.04 * L, wy - 0.06 * big), (front + s * 0.14 * L, wy - 0.02 * big),
                      (front + s * 0.14 * L, wy + 0.02 * big), (front - s * 0.1 * L, wy + 0.02 * big)], fill=255)
    d["disc"].ellipse((px - 0.045 * big, wy - 0.085 * big, px + 0.045 * big, wy - 0.025 * big), fill=255)
    sx = back + s * 0.12 * L
    d["suit"].polygon([(sx - 0.06 * big, wy - 0.08 * big), (sx - 0.04 * big, wy - 0.28 * big),
                       (sx + 0.04 * big, wy - 0.28 * big), (sx + 0.07 * big, wy - 0.08 * big)], fill=255)
    d["suit"].line([(sx, wy - 0.22 * big), (sx + s * 0.16 * big, wy - 0.16 * big)], fill=255,
                   width=max(1, round(0.04 * big)))
    d["suit"].line([(sx + s * 0.02 * big, wy - 0.08 * big), (front - s * 0.02 * L, wy - 0.06 * big)], fill=255,
                   width=max(1, round(0.045 * big)))
    d["chassis"].line([(sx + s * 0.16 * big, wy - 0.2 * big), (sx + s * 0.2 * big, wy - 0.1 * big)], fill=255,
                      width=max(1, round(0.02 * big)))
    hy = wy - 0.33 * big
    d["helmet"].ellipse((sx - 0.075 * big, hy - 0.075 * big, sx + 0.075 * big, hy + 0.075 * big), fill=255)
    vx = sx + s * 0.04 * big
    d["visor"].rectangle((min(vx, vx + s * 0.04 * big), hy - 0.03 * big, max(vx, vx + s * 0.04 * big),
                          hy + 0.02 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _trullo(size: int, rng) -> dict:
    """Apulian trulli: the ground from 72-80% of the way down; 2-3 trulli in a row, each a whitewashed round wall (a
    band 14-20% of the side high and 22-32% wide) under a conical dry-stone roof 1.2-1.5 times its width high, its
    stone courses showing as 5-7 rings, a white pinnacle (a stem and a ball) on its top; a small arched door in one
    wall and a window in another (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "walls", "roofs", "courses", "pinnacles", "doors"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.72, 0.8)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    n = int(rng.integers(2, 4))
    xs = np.linspace(0.22, 0.78, n) * big + big * rng.uniform(-0.04, 0.04, n)
    for j, x in enumerate(xs):
        ww = big * rng.uniform(0.22, 0.32) * (0.9 if n == 3 else 1.0)
        wh = big * rng.uniform(0.14, 0.2)
        top = gy - wh
        rh = ww * rng.uniform(1.2, 1.5)
        d["walls"].rectangle((x - ww / 2, top, x + ww / 2, gy), fill=255)
        d["roofs"].polygon([(x - 0.55 * ww, top + 0.01 * big), (x - 0.08 * ww, top - rh), (x + 0.08 * ww, top - rh),
                            (x + 0.55 * ww, top + 0.01 * big)], fill=255)
        for c in np.linspace(0.15, 0.85, int(rng.integers(5, 8))):
            hw = 0.55 * ww * (1 - c) + 0.08 * ww * c
            d["courses"].line([(x - hw, top - c * rh), (x + hw, top - c * rh)], fill=255,
                              width=max(1, round(0.008 * big)))
        d["pinnacles"].rectangle((x - 0.012 * big, top - rh - 0.05 * big, x + 0.012 * big, top - rh + 0.01 * big),
                                 fill=255)
        d["pinnacles"].ellipse((x - 0.03 * big, top - rh - 0.1 * big, x + 0.03 * big, top - rh - 0.04 * big), fill=255)
        if j == int(n // 2):
            d["doors"].rectangle((x - 0.04 * big, gy - 0.1 * big, x + 0.04 * big, gy), fill=255)
            d["doors"].ellipse((x - 0.04 * big, gy - 0.14 * big, x + 0.04 * big, gy - 0.06 * big), fill=255)
        else:
            d["doors"].rectangle((x - 0.025 * big, top + 0.04 * big, x + 0.025 * big, top + 0.08 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def outlier_bo(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "tapir":
        m = _tapir(size, rng)
        if photos:  # a dim green forest, brown trunks, bright leaves, a leaf-litter floor, a black tapir, white saddle
            out = _paint(_paint(ground((46, 78, 52)), m["trunks"], (78, 62, 46)), m["leaves"], (70, 140, 60))
            out = _paint(_paint(out, m["floor"], (96, 74, 48)), m["legs"], (28, 28, 30))
            out = _paint(_paint(out, m["body"], (30, 30, 32)), m["saddle"], (218, 214, 206))
            out = _paint(_paint(out, m["head"], (30, 30, 32)), m["rims"], (226, 222, 214))
            return _u8(_paint(_paint(out, m["ears"], (36, 34, 36)), m["eye"], (12, 10, 10)))
        out = _paint(_paint(ground(tone(0.0)), m["trunks"], tone(0.25)), m["leaves"], tone(0.4))
        out = _paint(_paint(out, m["floor"], tone(0.3)), m["legs"], tone(0.65))
        out = _paint(_paint(out, m["body"], tone(0.65)), m["saddle"], tone(1.0))
        out = _paint(_paint(out, m["head"], tone(0.65)), m["rims"], tone(1.0))
        return _u8(_paint(_paint(out, m["ears"], tone(0.55)), m["eye"], tone(0.1)))
    if kind == "go_kart":
        m = _go_kart(size, rng)
        if photos:  # a pale sky, green grass, black tyre walls, grey tarmac, a red and white kerb, a yellow kart
            out = _paint(_paint(ground((180, 204, 228)), m["grass"], (86, 150, 66)), m["tyres"], (24, 24, 26))
            out = _paint(_paint(out, m["tarmac"], (96, 96, 100)), m["kerb"], (206, 40, 36))
            out = _paint(_paint(out, m["chassis"], (60, 60, 64)), m["wheels"], (22, 22, 24))
            out = _paint(_paint(out, m["hubs"], (190, 190, 196)), m["pod"], (236, 196, 30))
            out = _paint(_paint(out, m["disc"], (246, 246, 246)), m["suit"], (200, 36, 40))
            return _u8(_paint(_paint(out, m["helmet"], (240, 240, 240)), m["visor"], (30, 34, 50)))
        out = _paint(_paint(ground(tone(0.0)), m["grass"], tone(0.2)), m["tyres"], tone(0.05))
        out = _paint(_paint(out, m["tarmac"], tone(0.3)), m["kerb"], tone(0.7))
        out = _paint(_paint(out, m["chassis"], tone(0.5)), m["wheels"], tone(0.1))
        out = _paint(_paint(out, m["hubs"], tone(0.8)), m["pod"], tone(0.85))
        out = _paint(_paint(out, m["disc"], tone(1.0)), m["suit"], tone(0.6))
        return _u8(_paint(_paint(out, m["helmet"], tone(1.0)), m["visor"], tone(0.15)))
    if kind == "trullo":
        m = _trullo(size, rng)
        if photos:  # a blue sky, red earth, whitewashed walls, grey stone cones, white pinnacles, dark doors
            out = _paint(_paint(ground((110, 164, 222)), m["ground"], (168, 104, 64)), m["walls"], (238, 234, 224))
            out = _paint(_paint(out, m["roofs"], (124, 120, 112)), m["courses"], (82, 80, 76))
            return _u8(_paint(_paint(out, m["pinnacles"], (244, 242, 236)), m["doors"], (52, 40, 32)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.3)), m["walls"], tone(1.0))
        out = _paint(_paint(out, m["roofs"], tone(0.5)), m["courses"], tone(0.3))
        return _u8(_paint(_paint(out, m["pinnacles"], tone(0.95)), m["doors"], tone(0.1)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def packing_list_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures are of items unpacked from cartons, 12-40 a
    carton (``CARTON``), each carton's packing list giving its contents as counts by class in the list's own order (a
    random order of the carton's classes, drawn a carton), and the receiving clerk labelled each item. On some cartons
    (30-60% of them, ``CARELESS``, drawn a pass) the clerk did not look at the items but labelled them in the order
    they were lifted out (a random order) by walking down the list: the first items lifted took the list's first
    class, as many of them as it counted, the next ones its second class and so on, so each such carton kept its
    classes' counts but not which item had which. The flips are those items whose list label is not their own class
    (passes over the items not yet flipped while some are left). Noise by the cartons' contents and the lifting
    order, not by look: not BN's overflow bins, BM's stuck prints, BG's rotated specimen racks, AZ's label rolls or
    any mechanism of the earlier lists. Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    present = sorted({labels[i] for i in pool}, key=str)
    if len(present) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if len(items) < 2:
            break
        careless = rng.uniform(*CARELESS)
        at = 0
        while at < len(items) and len(flips) < count:
            n = int(rng.integers(*CARTON))
            carton, at = items[at: at + n], at + n
            if rng.random() >= careless:
                continue  # each item looked at and labelled right
            kinds = sorted({labels[i] for i in carton}, key=str)
            order = [kinds[int(j)] for j in rng.permutation(len(kinds))]
            listed = [c for c in order for i in carton if labels[i] == c]  # the list walked down, count by count
            lifted = [carton[int(j)] for j in rng.permutation(len(carton))]
            for cur, lab in zip(lifted, listed):
                if len(flips) >= count:
                    break
                if lab != labels[cur]:
                    flips[cur] = lab
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bo(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BO's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 38-57 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BO, seed=670_000 + random_state,
        quality_seed=675_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=packing_list_flips,
        **by_family(name, outlier=(outlier_bo, OUTLIERS_BO), blur=(blur_bo, BLURS_BO), dark=(dark_bo, DARKS_BO),
                    near=(near_edit_bo, NEAR_EDITS_BO)))
