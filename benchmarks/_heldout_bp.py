"""Generator BP: fresh EVALUATION sets after generator BO's run (never used to choose anything).

Why a sixty-sixth evaluation generator: generator BO's sets were written before its run and have been run once since
(the docs of generator BO's one held-out run, after which its four sets became development data), so a held-out set for
the code after that run is written now, before any tool is run on it. The commit subjects since BO's generator commit
(1cbb95f) name one library change that keeps what the library finds (a review commit: the 16 x 16 grey pictures' range
and eligibility, ``PARTIAL_MIN_RANGE``, computed in one helper, ``_groups.grey_ranges``, for the partial and relit
rules' inputs and the detail rule's rows, its subject naming the same flags on two development sets) and two docs
commits: BO's one held-out run written up (its subject carrying its numbers by set for ``near_duplicate``, ``blurry``
and ``dark`` and its calibration, and naming one darkening family's count) with BO's sets made
development data in ``dev_sweep``, and a correction of a count in that write-up. So BP measures the same findings as
BO, on new sets. BO's run came before this generator was written, and those subjects carry its numbers, but BP's writer
read no docs, logs, result files or commit bodies (only the commit subjects, the library's code and the earlier
generators' and tuning tools' files, to copy their structure and to avoid their families), and nothing in BP was
chosen from any result, to aim at or away from any weakness, rule or lead a subject names: its strengths and its share
of whole-picture edits are set as BO's (and BN's, BM's and BL's) were. Like AN's to BO's, BP's edits are not all
brightly coloured: some are stone grey, near black or translucent. Generator BP was written before any tool was run on
it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 97
and 305 px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture still in
it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are
seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures,
icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K,
L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS,
AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE, BF, BG, BH, BI, BJ, BK, BL, BM, BN, BO) and none of the library's
calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG,
resize, overlay box; Gaussian, box, motion, down-and-up blurs) make (their family names and key words were searched for
in every earlier generator, the tuning tools and ``_synthetic.py``). Like AC's to BO's it has two blur families, not
three. Tiles of 305 px give 58 tiles (seed 400), so the large set is at 305 px, a size no other set uses; the small
photographs are at 97 px, a size no other set uses either. Left out because an earlier generator made them or left them
out (their key words are in the earlier generators' lists): among objects on the print a gavel (a hammer's, their
lists), a shaving brush (a toothbrush or a hairbrush, their lists), a pair of dividers (a compass's), a mortar and
pestle (their lists' bowls), a doorknob or a knob (their lists), a rattle or a maraca (AG's baby's rattle), a
whistle, a harmonica, a spinning top, a corkscrew, a whisk, a cotton reel, a carabiner, a thimble or a tape measure
(their lists), BO's tambourine, oil can, chisel, inkwell or pulley block, or any object, creature, sweet, snack,
fruit, vegetable or plant part of the earlier lists (BO's, their lists: BP's caliper is a vernier caliper's beam with
its ticks, jaws, slider, thumb wheel and depth rod, its potato masher a handle with a steel shank to a zigzag wire
head, its trivet a cast-iron pot stand of rim, ring, spokes and boss with the print between them, its castor a swivel
castor's plate, fork and wheel lying on its side, and its salt shaker a round body under a domed cap with its holes);
of the whole picture BO's snowflake obsidian, Damascus steel or kente, marbled paper, terrazzo, granite, marble,
sandstone, slate, lapis lazuli, malachite, labradorite, strata, a zigzag stitch over the print (a part's edit),
bogolan, batik, ikat, tartan, houndstooth, corduroy, velvet, denim, hessian or any other weave, print, stone, metal or
patterned ground of the earlier lists (BO's, their lists: BP's breccia is a grey stone of angular broken clasts
cemented in a stone grey matrix, its sashiko a near black indigo cloth quilted in a grid of white running stitches,
and its rhodonite a rose pink stone netted with black manganese veins); among blurs BO's gouache copy or porcelain
photo plaque, a watercolour, tempera, encaustic or oil paint copy (AC's, their lists), a pastel, chalk, crayon,
charcoal or pencil copy (their lists), an ink wash, a sand painting, a kolam (AO's, a part's edit), an intaglio plate
or a mezzotint (their lists), a print on fleece, felt, velvet, a tufted headboard or any pile (their lists), a print on
muslin or cheesecloth, an anthotype, a cyanotype, a chlorophyll print, a glass brick wall, reeded, stippled, cut or
fused glass, a mica window, alabaster, nacre, tracing paper, a shoji's paper, a PVC window or strip curtain, a jelly
dish, an epoxy resin coaster, a perspex sneeze screen, Holi powder in the air, fog, smoke or steam, or any haze, veil,
glass, copy or print process of the earlier lists (BO's, their lists: BP's sponge painting is the picture dabbed again
by hand with a sea sponge in acrylic, its tones blended soft and mottled by the sponge's pores, and its horn pane the
picture seen through an old lantern's pane of scraped ox horn, soft, tinted honey cream and streaked along its
fibres); among darkenings BO's LED cube, night train or LED coaster, a moored boat's sidelights (AP's jetty), a hot
tub, a sunbed's tubes, a valve radio's tuning dial, a dishwasher's floor spot, a toaster, a fridge, a microwave or an
oven, a water heater's pilot flame, a sauna lamp, fireflies, a lighthouse, a car's headlights or dashboard, a
self-balancing board's light strip, a charging post, a pumpkin lantern, a mirror ball, a disco floor, a blacklight or
any flame, ember, lamp, screen or glow of the earlier lists (BO's, their lists: BP's handrail strip is a stairwell's
LED strip under a handrail slanting across the picture, its puddle light a parked car's door lamp projecting a badge
onto the ground below its sill, and its bubble machine a party room's bubble machine at the bottom shining one colour up
through its bubbles); among foreign pictures a goat-like antelope's kin of the earlier lists (a yak, a bison, a camel,
a moose or a llama: BP's ibex is new), a tapir or a capybara (BO's tapir), a cable car, a tram, a gondola or a
hovercraft (as a funicular would be their kin: BP's funicular is a stepped car on a hillside track, new), a yurt, an
igloo, a trullo, an oast house, a churchyard or a water tower (as a Quonset hut: BP's hut is new), or any
other animal, vehicle, building or flying thing of the earlier lists (BO's, their lists: BP's ibex is an Alpine ibex
with great ridged horns on a crag before snowy mountains, its funicular a red stepped car on a green hillside's track
above a valley station, and its Quonset hut a corrugated steel half-round barrel behind a white end wall with a door
and two windows); among label noise a list walked down by position (BO's packing lists), a bin one along (BN's
overflow bins), adjacent keys or buttons (O's hotkeys, the keypads, AP's resorting button), a stored class index's bit
flips (AI's list), a tray read in another order (BG's rotated specimen racks, AO's transposed sheets), a price tag or
slip carried over (BD's stale crate slips, BL's autosave lag, a spreadsheet's fill-down), and every mechanism BO named
and BO's packing lists (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions, clocks, a returns
desk's prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing bench's label rolls,
a mistranslated list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a spreadsheet's
fill-down, collided file names, names completed as typed, tote cross-reads, shelf scans, conveyor jets, averaged votes,
re-hung swing tags, a tracker's identity switch, a cache race, rotated specimen racks, a cross-wired put wall, a
timeout, misprinted reference sheets, keyed shorthand, stock reconciliation, autosave lag, stuck prints, a batch whose
class numbers were in another order, a model's runner-up exported by an off-by-one, a taxonomy's merged classes, a
colour-blind labeller, overflow bins, packing lists).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 305 px set's
  copies get both kinds): a vernier caliper (a beam 46-58% of the side long, at least 16 px, polished steel 188 / 190
  / 196, near black 40 / 40 / 44 or orange plastic 214 / 108 / 40, of the three the two whose colour differs most on
  average from the picture's where it lies, as for each object's colour below; dark ticks, a fixed jaw, a steel
  slider with its jaw and thumb wheel, a depth rod; a shine at 30%; 30-70% of the way across and down, at any angle,
  a soft shadow at 30%), a potato masher (44-54% of the side long, at least 15 px, a handle red 186 / 44 / 40, near
  black 34 / 34 / 36 or cream 230 / 220 / 196 with a hanging hole, a steel shank and zigzag wire head; a sheen at 30%;
  a shadow at 30%), a cast-iron trivet (30-38% of the side across, at least 12 px, near black iron 38 / 36 / 36, stone
  grey enamel 150 / 148 / 142 or blue enamel 52 / 92 / 160: a rim, an inner ring, 6-8 spokes, a boss and three feet,
  the print between them; a shine at 25%; a shadow at 35%), a swivel castor (34-42% of the side long, at least 12 px,
  a zinc plate with two holes, a swivel, a fork, a wheel grey 120 / 120 / 124, black 36 / 36 / 38 or red 180 / 50 / 44
  with a darker tread and a steel hub; a shine at 35%; a shadow at 35%) and a salt shaker (a round body 24-32% of the
  side across, at least 10 px, clear glass 226 / 236 / 234 at 50% with salt showing, amber glass 190 / 120 / 40 at 80%
  or stone grey stoneware 146 / 142 / 134; a chrome cap with 5-7 holes round a middle one; highlights at 50-60%; a
  shadow at 30%, 15% for the clear one); of the whole picture: printed on a breccia slab (the ink multiplied onto the
  stone, 42-54% of the way, 25-45 angular clasts of greys 64-200, a quarter tinged rust, in a stone grey 124 / 118 /
  108 matrix filling the cracks 1.5-2.5% of the side wide), printed on sashiko-stitched indigo cloth (42-54% of the
  way, a near black indigo 28 / 36 / 66 stitched in white 232 / 230 / 220 running stitches in a grid every 7-10% of
  the side, turned by 0 or 45 degrees) and printed on a rhodonite slab (42-54% of the way, a rose pink 212 / 116 / 128
  mottled to 172 / 78 / 96, netted by black 22 / 18 / 20 veins 0.6-1.2% of the side wide and 3-6 black patches);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture copied by dabbing with a sea sponge (the sponge's blending: a Gaussian of 1.4-2.4% of
  the side, at least 1 px, and a tail 2.2 times as wide for 20-30%; 8-14% less saturated and 6-10% of the way to a
  paper white 244 / 240 / 230; the sponge's pores a mottle of 3%, its dabs' overlaps a mottle of 2%) and the picture
  seen through a lantern's horn pane (the horn's scatter: a Gaussian of 1.3-2.1% of the side, at least 1 px, and a tail
  2 times as wide for 30-40%; tinted honey cream 236 / 210 / 156, 30-40% of the way, and lifted 10-14% of the way to
  it; the horn's fibres a streaky mottle of 3%, its thickness a mottle of 2%); each as a camera metering on the
  highlights exposes it (as Y's to BO's);
* ``dark`` (2%): a stairwell at night lit only by an LED strip under a handrail (the dark rail 2.5-3.5% of the side
  thick slanting across the picture, rising 20-45% of the side, its middle 30-60% down, a cool white 0.85 / 0.92 / 1
  strip under it, 2-3 brackets, a glow of sigma 3-5% of the side up to 30-45 levels; the picture lit in that colour
  at ``0.015-0.03 + 0.26-0.34 / (1 + (d / d0) ** 2)`` with the distance from the strip, ``d0`` 18-26% of the side, 1.5
  times that below it), a street at night lit only by a parked car's puddle light (the car's dark sill across the top
  6-10% with the lamp's lens, a projected disc 26-34% of the side wide 60-82% down, cool white 0.9 / 0.95 / 1 with a
  dark badge, a faint beam, a glow of sigma 3-5% up to 30-45 levels; the picture lit falling off as above from the
  disc, ``d0`` 22-30% of the side) and a party room at night lit only by a bubble machine (a dark box 16-22% of the
  side wide at the bottom, its LED ring magenta, cyan or green, a cone of its light, 8-14 bubbles' lit rims, a glow of
  sigma 4-7% up to 40-55 levels; the picture lit in its colour falling off as above from the box, ``d0`` 24-34% of the
  side); none of them blurs the picture;
* ``outlier`` (1.5%): an Alpine ibex on a crag (2-3 far mountains with snow, the crag from 64-74% down, the ibex seen
  from the side: a stocky body, four thin legs, a neck and a short bearded head, great ridged horns sweeping up and
  back), a funicular on a hillside (a slope rising 30-45 degrees, the track with its sleepers and cable, a car of 3
  stepped compartments with windows, a valley station, 3-5 trees) and a Quonset hut (the ground from 70-78% down, a
  half-disc end wall with a door and two windows, the corrugated barrel going back from it, a vent stack); the digit
  and clothing sets get them in their own tones on their dark ground, the photographs as a brown ibex with dark horns
  on a grey crag under a blue sky and snowy mountains, a red car on a green hill under a pale sky, and a grey steel hut
  with a white end wall on a dry grass field under a blue sky;
* ``label`` (5%): *scroll wheel* flips: the pictures were labelled in a web form in sessions of 12-40 (``SESSION``),
  each picture's class picked from a drop-down list of the classes in alphabetical order, and on some sessions
  (30-60% of them, ``SCROLLED``, drawn a pass) the labeller scrolled the page with the mouse wheel while the pointer
  still rested on the list, which took the wheel instead and moved the picked class 1-3 places (``TICKS``) down the
  list (70%, ``DOWN``) or up it, for half the pictures of such a session (``NUDGED``), stopping at the list's ends.
  The flips are those pictures whose class was moved (passes over the pictures not yet flipped while some are left).
  Noise by the list's order and the session, not by look: not BO's packing lists, BN's overflow bins (always one bin
  along), O's hotkeys or the keypads. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BP's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 397),
MNIST (2,000, seed 398), and the evaluation photographs tiled at 97 px (24 tiles a photograph at most, seed 399) and at
305 px (every tile, seed 400), sizes no other set uses. ``photos97_bp_jpeg`` is written as JPEG files, each at a quality
drawn from 37-56 (a stream of its own, seed ``685_000 + random_state``), every edit, blur and darkening made before the
encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the
file; the other sets are PNG files. Planting draws from seed ``680_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to BO).
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

EVALUATION_BP = ("fashion_test_bp", "mnist_bp", "photos97_bp_jpeg", "photos305_bp")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BP = {
    "fashion_test_bp": ("fashion_test", 397),
    "mnist_bp": ("mnist", 398),
    "photos97_bp_jpeg": ("photos", 399, 97, 8, 24),
    "photos305_bp": ("photos", 400, 305, 8, 1000),
}
JPEG_QUALITY = (37, 57)  # the JPEG set's qualities: integers in [low, high)
RATES_BP = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BP = ("caliper", "breccia", "potato_masher", "sashiko", "trivet", "rhodonite", "castor", "salt_shaker")
BLURS_BP = ("sponge_painting", "horn_pane")
DARKS_BP = ("handrail_strip", "puddle_light", "bubble_machine")
OUTLIERS_BP = ("ibex", "funicular", "quonset_hut")
SESSION = (12, 41)  # pictures labelled in a session: integers in [low, high)
SCROLLED = (0.3, 0.6)  # the share of sessions in which the labeller scrolled over the class list, drawn a pass
NUDGED = 0.5  # the chance that a picture's class was scrolled on in such a session
TICKS = (1, 4)  # the wheel's notches a scroll moved the class by: integers in [low, high)
DOWN = 0.7  # the chance that a scroll went down the list (otherwise up)


def load_base_bp(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BP, "BP")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
STEEL = (178, 180, 186)
CALIPERS = ((188, 190, 196), (40, 40, 44), (214, 108, 40))


def _caliper(f: np.ndarray, rng) -> np.ndarray:
    """A vernier caliper lying on the print: a flat beam 46-58% of the side long (at least 16 px) and 7% of that
    wide, polished steel 188 / 190 / 196, near black 40 / 40 / 44 or orange plastic 214 / 108 / 40 (of the three the
    one whose colour differs most on average from the picture's where it lies, or the second, at random, where it
    differs at least 60% as much, as for the masher's handle, the trivet and the castor's wheel), its scale's ticks
    dark 30 / 30 / 34 every 3% of its length (a longer one every fifth); at its left end a fixed jaw 24% of its length
    deep tapering to a point and a short upper jaw; a slider 20% of its length in steel 176 / 180 / 186 with its own
    jaw beside the fixed one and a knurled thumb wheel; a depth rod out of the beam's right end (at least 0.6 px); a
    shine along the beam at 30%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(16.0, side * rng.uniform(0.46, 0.58))
    bw = max(1.6, 0.07 * L)
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(CALIPERS, f, fr, 0.5 * L, rng), np.float32)
    x0, x1 = -0.5 * L, 0.5 * L
    beam = fr.fill([_rect(x0, -bw / 2, x1, bw / 2)])
    jd = 0.24 * L
    jaw = fr.fill([[(x0, bw / 2), (x0 + 0.09 * L, bw / 2), (x0 + 0.09 * L, bw / 2 + 0.6 * jd),
                    (x0 + 0.06 * L, bw / 2 + jd), (x0, bw / 2 + 0.8 * jd)],
                   [(x0, -bw / 2), (x0 + 0.05 * L, -bw / 2), (x0 + 0.04 * L, -bw / 2 - 0.1 * L),
                    (x0 + 0.01 * L, -bw / 2 - 0.1 * L)]])
    sx = x0 + 0.09 * L + rng.uniform(0.02, 0.35) * L
    slider = fr.fill([_rect(sx, -0.75 * bw, sx + 0.2 * L, 0.75 * bw),
                      [(sx, bw / 2), (sx + 0.07 * L, bw / 2), (sx + 0.03 * L, bw / 2 + jd),
                       (sx, bw / 2 + 0.8 * jd)]])
    wheel = fr.fill([_circle(max(0.6, 0.5 * bw), 12, sx + 0.12 * L, 0.95 * bw)])
    ticks = fr.line([[(float(x), -bw / 2), (float(x), (-0.05 if k % 5 else 0.15) * bw)]
                     for k, x in enumerate(np.arange(x0 + 0.1 * L, x1 - 0.02 * L, 0.03 * L))], max(0.3, 0.006 * L))
    rod = fr.line([[(x1, 0.0), (x1 + 0.1 * L, 0.0)]], max(0.6, 0.012 * L))
    shine = fr.line([[(x0 + 0.1 * L, 0.3 * bw), (x1 - 0.05 * L, 0.3 * bw)]], max(0.4, 0.15 * bw))
    parts = [(rod, STEEL, 1.0, True), (beam, col, 1.0, True), (jaw, col, 1.0, True),
             (ticks, (30, 30, 34), 0.9, False), (slider, (176, 180, 186), 1.0, True),
             (wheel, (120, 122, 128), 1.0, True), (shine, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


MASHERS = ((186, 44, 40), (34, 34, 36), (230, 220, 196))


def _potato_masher(f: np.ndarray, rng) -> np.ndarray:
    """A potato masher lying on the print: 44-54% of the side long (at least 15 px); a round-ended handle 50% of its
    length long and 12% as wide, red 186 / 44 / 40, near black 34 / 34 / 36 or cream 230 / 220 / 196, with a hanging
    hole; a steel shank 178 / 180 / 186 (at least 0.8 px) to a head of zigzag wire 38% of its length across, 4-5 bends
    (at least 0.8 px); a sheen along the handle at 30%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.44, 0.54))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(MASHERS, f, fr, 0.5 * L, rng), np.float32)
    x0 = -0.5 * L
    hw = 0.06 * L + 0.3
    handle = fr.fill([_ellipse(x0 + 0.25 * L, 0.0, 0.25 * L, hw, 0.0, 28)])
    hole = fr.fill([_circle(max(0.4, 0.4 * hw), 10, x0 + 0.06 * L, 0.0)])
    hx = 0.5 * L - 0.04 * L
    shank = fr.line([[(x0 + 0.48 * L, 0.0), (hx, 0.0)], [(hx - 0.06 * L, -0.1 * L), (hx, 0.0)],
                     [(hx - 0.06 * L, 0.1 * L), (hx, 0.0)]], max(0.8, 0.025 * L))
    n = int(rng.integers(4, 6))
    ys = np.linspace(-0.19 * L, 0.19 * L, 2 * n + 1)
    head = fr.line([[(float(hx + (0.05 * L if k % 2 else 0.0)), float(y)) for k, y in enumerate(ys)]],
                   max(0.8, 0.028 * L))
    sheen = fr.line([[(x0 + 0.08 * L, -0.45 * hw), (x0 + 0.42 * L, -0.45 * hw)]], max(0.4, 0.02 * L))
    parts = [(shank, STEEL, 1.0, True), (head, STEEL, 1.0, True), (handle, col, 1.0, True),
             (hole, col * 0.35, 1.0, False), (sheen, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


TRIVETS = ((38, 36, 36), (150, 148, 142), (52, 92, 160))


def _trivet(f: np.ndarray, rng) -> np.ndarray:
    """A cast-iron trivet lying on the print, seen from above: a round frame 30-38% of the side across (at least 12 px),
    near black iron 38 / 36 / 36, stone grey enamel 150 / 148 / 142 or blue enamel 52 / 92 / 160: an outer rim 12%
    of its radius wide, an inner ring at 55% of its radius, 6-8 spokes from a round boss to the rim (at least 0.6 px),
    the print showing through between them; three short feet round the rim; a shine on the rim at 25%; at any angle,
    its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(6.0, side * rng.uniform(0.15, 0.19))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(TRIVETS, f, fr, R, rng), np.float32)
    rim = fr.fill([_circle(R, 40)], holes=[_circle(0.88 * R, 40)])
    ring = fr.fill([_circle(0.6 * R, 32)], holes=[_circle(0.5 * R, 32)])
    boss = fr.fill([_circle(0.16 * R, 16)])
    n = int(rng.integers(6, 9))
    t0 = rng.uniform(0, np.pi)
    spokes = fr.line([[(0.0, 0.0), (float(0.94 * R * np.cos(t)), float(0.94 * R * np.sin(t)))]
                      for t in np.linspace(0, 2 * np.pi, n, endpoint=False) + t0], max(0.6, 0.08 * R))
    feet = fr.fill([_circle(max(0.5, 0.1 * R), 10, float(R * np.cos(t)), float(R * np.sin(t)))
                    for t in np.linspace(0, 2 * np.pi, 3, endpoint=False) + t0 + 0.3])
    shine = fr.line([[(float(0.94 * R * np.cos(t)), float(0.94 * R * np.sin(t))) for t in np.linspace(3.6, 4.6, 8)]],
                    max(0.5, 0.06 * R))
    parts = [(feet, col * 0.8, 1.0, True), (rim, col, 1.0, True), (ring, col, 1.0, True), (spokes, col, 1.0, True),
             (boss, col * 0.85, 1.0, True), (shine, WHITE, 0.25, False)]
    return _u8(_laid(f, parts, 0.35))


WHEELS = ((120, 120, 124), (36, 36, 38), (180, 50, 44))


def _castor(f: np.ndarray, rng) -> np.ndarray:
    """A swivel castor lying on its side on the print: a zinc-plated 170 / 172 / 176 top plate 34-42% of the side long
    (at least 12 px) and 12% as thick with two screw holes, a swivel joint below it, a fork of two pressed legs 20%
    darker, and a wheel of radius 30% of its length, grey rubber 120 / 120 / 124, black 36 / 36 / 38 or red 180 / 50 /
    44, its tread ring 25% darker, a hub 190 / 192 / 196 with an axle bolt; a shine on the plate at 35%; at any
    angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.34, 0.42))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(WHEELS, f, fr, 0.5 * L, rng), np.float32)
    zinc = np.asarray((170, 172, 176), np.float32)
    top = -0.5 * L
    plate = fr.fill([_rect(-0.5 * L, top, 0.5 * L, top + 0.12 * L)])
    holes = fr.fill([_circle(max(0.4, 0.03 * L), 10, x, top + 0.06 * L) for x in (-0.38 * L, 0.38 * L)])
    swivel = fr.fill([_rect(-0.16 * L, top + 0.12 * L, 0.16 * L, top + 0.2 * L)])
    r = 0.3 * L
    cy = 0.5 * L - r
    fork = fr.fill([[(-0.2 * L, top + 0.2 * L), (0.2 * L, top + 0.2 * L), (0.12 * L, cy + 0.1 * L),
                     (-0.12 * L, cy + 0.1 * L)]])
    wheel = fr.fill([_circle(r, 32, 0.0, cy)])
    tread = fr.line([_circle(0.88 * r, 28, 0.0, cy) + [_circle(0.88 * r, 28, 0.0, cy)[0]]], max(0.5, 0.1 * r))
    hub = fr.fill([_circle(0.45 * r, 20, 0.0, cy)])
    bolt = fr.fill([_circle(max(0.5, 0.14 * r), 10, 0.0, cy)])
    shine = fr.line([[(-0.4 * L, top + 0.035 * L), (0.3 * L, top + 0.035 * L)]], max(0.4, 0.025 * L))
    parts = [(wheel, col, 1.0, True), (tread, col * 0.75, 1.0, False), (hub, (190, 192, 196), 1.0, False),
             (fork, zinc * 0.8, 1.0, True), (bolt, (110, 112, 118), 1.0, False), (swivel, zinc * 0.9, 1.0, True),
             (plate, zinc, 1.0, True), (holes, (50, 50, 54), 1.0, False), (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.35))


# glass, opacity
SHAKERS = (((226, 236, 234), 0.5), ((190, 120, 40), 0.8), ((146, 142, 134), 1.0))


def _salt_shaker(f: np.ndarray, rng) -> np.ndarray:
    """A salt shaker standing on the print, seen from above: a round body 24-32% of the side across (at least 10 px),
    clear glass 226 / 236 / 234 at 50% (the print showing through), amber glass 190 / 120 / 40 at 80% or stone grey
    stoneware 146 / 142 / 134, its rim ring 20% darker (dark grey 90 / 94 / 96 on the clear one); a domed chrome cap
    186 / 188 / 194 70% of its width across with 5-7 dark holes 26 / 26 / 30 round a middle one; on the clear one
    salt grains 240 / 240 / 236 showing round the cap; a white highlight on the cap at 60% and the body at 50%; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 30% (15% for the clear one)."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(5.0, side * rng.uniform(0.12, 0.16))
    fr = _frame_at(h, w, rng)
    glass, alpha = SHAKERS[int(rng.integers(len(SHAKERS)))]
    glass = np.asarray(glass, np.float32)
    body = fr.fill([_circle(R, 36)])
    rim = fr.line([_circle(0.94 * R, 32) + [_circle(0.94 * R, 32)[0]]], max(0.5, 0.08 * R))
    salt = fr.fill([_circle(0.86 * R, 32)], holes=[_circle(0.7 * R, 32)])
    cap = fr.fill([_circle(0.7 * R, 32)])
    n = int(rng.integers(5, 8))
    hr = max(0.4, 0.08 * R)
    holes = fr.fill([_circle(hr, 8, float(0.38 * R * np.cos(t)), float(0.38 * R * np.sin(t)))
                     for t in np.linspace(0, 2 * np.pi, n, endpoint=False)] + [_circle(hr, 8)])
    shine = fr.line([[(float(0.55 * R * np.cos(t)), float(0.55 * R * np.sin(t))) for t in np.linspace(3.5, 4.3, 6)]],
                    max(0.5, 0.08 * R))
    gleam = fr.line([[(float(0.82 * R * np.cos(t)), float(0.82 * R * np.sin(t))) for t in np.linspace(0.4, 1.2, 6)]],
                    max(0.5, 0.06 * R))
    rim_col = glass * 0.8 if alpha > 0.6 else (90, 94, 96)
    parts = [(body, glass, alpha, True), (rim, rim_col, 1.0, False)]
    if alpha <= 0.6:
        parts.append((salt, (240, 240, 236), 0.9, False))
    parts += [(cap, (186, 188, 194), 1.0, False), (holes, (26, 26, 30), 1.0, False), (shine, WHITE, 0.6, False),
              (gleam, WHITE, 0.5, False)]
    return _u8(_laid(f, parts, 0.3 if alpha > 0.6 else 0.15))


BRECCIA_MATRIX = np.array([124, 118, 108], np.float32)


def _breccia(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished breccia slab: the ink multiplied onto the stone, 42-54% of the way from the
    picture (35% of its tone added at that share); angular clasts (the cells of 25-45 points scattered over the
    picture, so straight-sided) of broken stone, each a grey from 64 to 200 (a quarter of them tinged rust 1.12 /
    0.94 / 0.82), set in a stone grey matrix 124 / 118 / 108 that fills the cracks between them (where a point's
    second-nearest clast is within 1.5-2.5% of the side of its nearest); a fine grain of 4% in the clasts; drawn at 2
    times the size and averaged: a stone of cemented broken fragments, not BO's obsidian, granite, marble, terrazzo or
    any stone or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    n = int(rng.integers(25, 46))
    px, py = rng.uniform(-0.05, 1.05, n) * w, rng.uniform(-0.05, 1.05, n) * h
    d = np.stack([np.hypot(xx - x, yy - y) for x, y in zip(px, py)])
    part = np.partition(d, 1, axis=0)
    near = np.argmin(d, axis=0)
    grey = rng.uniform(64, 200, n)
    tint = np.where(rng.random(n) < 0.25, 1, 0)
    cols = grey[:, None] * np.where(tint[:, None] == 1, np.array([1.12, 0.94, 0.82]), np.ones(3))
    ground = cols[near].astype(np.float32)
    gap = side * rng.uniform(0.015, 0.025)
    crack = np.clip((gap - (part[1] - part[0])) / max(0.5, 0.3 * gap), 0, 1)
    ground = ground + (BRECCIA_MATRIX - ground) * crack[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    ground = ground * (1 + 0.04 * np.tanh(_field(h, w, 0.6, rng)))[..., None]
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


INDIGO = np.array([28, 36, 66], np.float32)
THREAD = np.array([232, 230, 220], np.float32)


def _sashiko(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on sashiko-stitched indigo cloth: the ink multiplied onto the cloth, 42-54% of the way from
    the picture (35% of its tone added at that share); a near black indigo 28 / 36 / 66 cotton, its dye uneven by 8%
    (a field of 10% of the side), stitched in white thread 232 / 230 / 220 with running stitches in a square grid every
    7-10% of the side, turned by 0 or 45 degrees, each stitch 55-65% of a stitch length of 2-3% of the side, the
    thread 0.8% of the side thick (at least 0.5 px), a cross stitch where two lines meet left bare; the weave a ripple
    of 2%; drawn at 3 times the size and averaged: a dark cloth quilted in white running stitches, not BO's kente,
    bogolan, tartan or any cloth or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    if rng.random() < 0.5:
        xx, yy = (xx + yy) / np.sqrt(2), (xx - yy) / np.sqrt(2)
    g = max(3.0, side * rng.uniform(0.07, 0.1))
    sl = max(1.5, side * rng.uniform(0.02, 0.03))
    duty = rng.uniform(0.55, 0.65)
    th = max(0.5, 0.008 * side) / 2
    ox, oy = rng.uniform(0, g, 2)
    u, v = (xx + ox) % g, (yy + oy) % g
    du, dv = np.minimum(u, g - u), np.minimum(v, g - v)
    on_x = (((xx + ox) / sl) % 1 < duty) & (dv < th)
    on_y = (((yy + oy) / sl) % 1 < duty) & (du < th)
    bare = (du < 0.12 * g) & (dv < 0.12 * g)
    stitch = ((on_x | on_y) & ~bare).astype(np.float32)
    ground = INDIGO * (1 + 0.08 * np.tanh(np.kron(_field(h, w, 0.1 * side, rng), np.ones((s, s)))))[..., None]
    ground = ground + (THREAD - ground) * stitch[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    yy1, xx1 = _pixels(h, w)
    ground = ground * (1 + 0.01 * (np.sin(np.pi * xx1) + np.sin(np.pi * yy1)))[..., None]
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


RHODONITE = np.array([(212, 116, 128), (172, 78, 96)], np.float32)
VEIN = np.array([22, 18, 20], np.float32)


def _rhodonite(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished rhodonite slab: the ink multiplied onto the stone, 42-54% of the way from the
    picture (35% of its tone added at that share); a rose pink 212 / 116 / 128 mottled to a deeper 172 / 78 / 96 (a
    field of 6-9% of the side), veined black 22 / 18 / 20 by manganese oxide along the zero lines of two smooth fields
    (of 10-16% and 5-8% of the side), the veins 0.6-1.2% of the side wide, with 3-6 black patches; a polish sheen of
    4%; drawn at 2 times the size and averaged: a pink stone netted in black, not BN's labradorite, BL's malachite,
    BO's obsidian, lapis lazuli, marble or any stone or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    big = lambda sig: np.kron(_field(h, w, sig, rng), np.ones((s, s)))  # noqa: E731
    mot = np.clip(0.5 + 0.35 * big(side * rng.uniform(0.06, 0.09)), 0, 1)
    ground = RHODONITE[0] + (RHODONITE[1] - RHODONITE[0]) * mot[..., None]
    vw = side * rng.uniform(0.006, 0.012) * s
    for sig in (side * rng.uniform(0.1, 0.16), side * rng.uniform(0.05, 0.08)):
        fld = big(sig)
        gy, gx = np.gradient(fld)
        dist = np.abs(fld) / np.maximum(np.hypot(gx, gy), 1e-4)
        ground = _paint(ground, np.clip(1.5 - dist / max(0.5, vw / 2), 0, 1), VEIN)
    yy, xx = _fine(h, w, s)
    ident = _Frame((h * s, w * s), 0.0, 0.0, 0.0)
    for _ in range(int(rng.integers(3, 7))):
        cx, cy = rng.uniform(0, w * s), rng.uniform(0, h * s)
        r = s * side * rng.uniform(0.02, 0.05)
        pts = [(float(cx + r * rng.uniform(0.6, 1.2) * np.cos(t)), float(cy + r * rng.uniform(0.6, 1.2) * np.sin(t)))
               for t in np.linspace(0, 2 * np.pi, 9, endpoint=False)]
        ground = _paint(ground, ident.fill([pts]) * 0.9, VEIN)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3)) * 1.04
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bp(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "caliper":  # a vernier caliper on the print
        return _caliper(f, rng)
    if kind == "potato_masher":  # a potato masher on the print
        return _potato_masher(f, rng)
    if kind == "trivet":  # a cast-iron trivet on the print
        return _trivet(f, rng)
    if kind == "castor":  # a swivel castor on the print
        return _castor(f, rng)
    if kind == "salt_shaker":  # a salt shaker on the print
        return _salt_shaker(f, rng)
    if kind == "breccia":  # the picture printed on a breccia slab
        return _breccia(f, rng)
    if kind == "sashiko":  # the picture printed on sashiko-stitched indigo cloth
        return _sashiko(f, rng)
    if kind == "rhodonite":  # the picture printed on a rhodonite slab
        return _rhodonite(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
PAPER = np.array([244, 240, 230], np.float32)


def _sponge_painting(f: np.ndarray, rng) -> np.ndarray:
    """The picture copied by hand with a sea sponge (a sponge painting, the paint dabbed on and blended): the sponge's
    dabs spread its tones, a Gaussian of 1.4-2.4% of the side (at least 1 px) and a tail 2.2 times as wide for
    20-30%; the acrylic paint 8-14% less saturated and 6-10% of the way to a paper white 244 / 240 / 230; the
    sponge's open pores a mottle of 3% (a field of 1.5% of the side, at least 0.6 px) and its dabs' overlaps a
    mottle of 2% (a field of 5% of the side); as a camera metering on the highlights exposes it: a dabbed painted
    copy, not BO's gouache, AC's watercolour, tempera, encaustic, oil paint or any copy or print process of the
    earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.014, 0.024))
    k = rng.uniform(0.2, 0.3)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.2 * s) * k
    grey = out.mean(axis=2, keepdims=True)
    out = out + (grey - out) * rng.uniform(0.08, 0.14)
    out = out + (PAPER - out) * rng.uniform(0.06, 0.1)
    out = out * (1 + 0.03 * np.tanh(_field(h, w, max(0.6, 0.015 * side), rng)))[..., None]
    out = out * (1 + 0.02 * np.tanh(_field(h, w, max(0.6, 0.05 * side), rng)))[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


HORN = np.array([236, 210, 156], np.float32)


def _horn_pane(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through the horn pane of an old lantern (a sheet of ox horn boiled, split and scraped thin,
    as windows were glazed before glass): the horn scatters the light, a Gaussian of 1.3-2.1% of the side (at least
    1 px) and a tail 2 times as wide for 30-40%; the horn's honey cream 236 / 210 / 156 tinting it (the picture
    multiplied by it, 30-40% of the way) and its milkiness lifting it 10-14% of the way to that colour; the horn's
    fibres a streaky mottle of 3% along a direction drawn a picture (a field of 0.8 px across and 12% of the side
    along); its scraped thickness a mottle of 2% (a field of 6% of the side); as a camera metering on the highlights
    exposes it: a pane of horn, not mica, alabaster, nacre, tracing paper, a shoji's paper, frosted glass or any haze,
    veil, glass, copy or print process of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.013, 0.021))
    k = rng.uniform(0.3, 0.4)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.0 * s) * k
    out = out * (1 - rng.uniform(0.3, 0.4) * (1 - HORN / 255))
    out = out + (HORN - out) * rng.uniform(0.1, 0.14)
    from scipy.ndimage import gaussian_filter, rotate
    n = int(np.ceil(side * 1.5)) + 4
    fib = gaussian_filter(rng.normal(0, 1, (n, n)), (max(0.8, 0.12 * side), 0.8))
    fib = rotate(fib, rng.uniform(0, 180), reshape=False, order=1)
    y0, x0 = (n - h) // 2, (n - w) // 2
    fib = fib[y0:y0 + h, x0:x0 + w]
    fib = fib / max(float(fib.std()), 1e-6)
    out = out * (1 + 0.03 * np.tanh(fib))[..., None]
    out = out * (1 + 0.02 * np.tanh(_field(h, w, max(0.6, 0.06 * side), rng)))[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


def blur_bp(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "sponge_painting":  # copied by hand with a sea sponge
        return _sponge_painting(f, rng)
    if kind == "horn_pane":  # seen through a lantern's horn pane
        return _horn_pane(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
STRIP = np.array([0.85, 0.92, 1.0], np.float32)


def _handrail_strip(f: np.ndarray, rng) -> np.ndarray:
    """A stairwell at night lit only by an LED strip under a handrail: the rail a dark 52 / 48 / 44 bar 2.5-3.5% of
    the side thick crossing the picture on a slant (rising 20-45% of the side across it, either way, its middle 30-60%
    of the way down); the strip under it a cool white 0.85 / 0.92 / 1 line at 230-250, 0.8-1.2% of the side thick (at
    least 0.6 px); 2-3 dark brackets to the wall; a glow of sigma 3-5% of the side up to 30-45 levels in its colour;
    the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)``
    with the distance ``d`` from the strip, ``d0`` 18-26% of the side (more below it, as the strip shines down: 1.5
    times ``d0`` there); noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    rise = side * rng.uniform(0.2, 0.45) * (1 if rng.random() < 0.5 else -1)
    my = h * rng.uniform(0.3, 0.6)
    ya, yb = my + rise / 2, my - rise / 2
    yy, xx = _pixels(h, w)
    line_y = ya + (yb - ya) * xx / max(w, 1)
    dy = yy - line_y
    r0 = side * rng.uniform(0.18, 0.26)
    d = np.abs(dy) / np.where(dy > 0, 1.5, 1.0)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (d / r0) ** 2)
    out = _lit(f, gain[..., None] * STRIP, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    th = side * rng.uniform(0.025, 0.035)
    rail = ident.line([[(-2.0, ya - th), (w + 2.0, yb - th)]], th)
    brackets = ident.line([[(float(x), float(ya + (yb - ya) * x / w - th)),
                            (float(x), float(ya + (yb - ya) * x / w + 3 * th))]
                           for x in np.linspace(0.2, 0.8, int(rng.integers(2, 4))) * w], max(0.6, 0.4 * th))
    strip = ident.line([[(-2.0, ya - 0.3 * th), (w + 2.0, yb - 0.3 * th)]], max(0.6, side * rng.uniform(0.008, 0.012)))
    out = _paint(_paint(out, brackets, (40, 38, 36)), rail, (52, 48, 44))
    out = _paint(out, strip, STRIP * rng.uniform(230, 250))
    glow = _glow(strip, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(30, 45) * STRIP)


PUDDLE = np.array([0.9, 0.95, 1.0], np.float32)


def _puddle_light(f: np.ndarray, rng) -> np.ndarray:
    """A street at night lit only by a parked car's puddle light (the welcome lamp under a door mirror projecting a
    badge onto the ground): the car's dark door sill 34 / 36 / 42 across the top 6-10% of the picture with the lamp's
    small lens 255 at its edge, 25-75% across; on the ground below it, 60-82% down, the projected disc, an ellipse
    26-34% of the side wide and 40% as high, a cool white 0.9 / 0.95 / 1 at 150-190 with a dark badge in it (a ring
    and a bar at 25%); a faint beam from the lens to it at 12%; a glow of sigma 3-5% of the side up to 30-45 levels in
    its colour; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d /
    d0) ** 2)`` with the distance ``d`` from the disc's middle, ``d0`` 22-30% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.6, 0.82)
    a = side * rng.uniform(0.13, 0.17)
    b = 0.4 * a
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.22, 0.3), rng)[..., None] * PUDDLE, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    sill_h = h * rng.uniform(0.06, 0.1)
    sill = ident.fill([_rect(-1.0, -1.0, w + 1.0, sill_h)])
    lens = ident.fill([_ellipse(cx, sill_h, max(0.8, 0.02 * side), max(0.6, 0.01 * side), 0.0, 12)])
    beam = ident.fill([[(cx - 0.02 * side, sill_h), (cx + 0.02 * side, sill_h), (cx + a, cy), (cx - a, cy)]])
    disc = ident.fill([_ellipse(cx, cy, a, b, 0.0, 36)])
    badge = np.maximum(ident.line([_ellipse(cx, cy, 0.55 * a, 0.55 * b, 0.0, 28) +
                                   [_ellipse(cx, cy, 0.55 * a, 0.55 * b, 0.0, 28)[0]]], max(0.5, 0.05 * a)),
                       ident.line([[(cx - 0.4 * a, cy), (cx + 0.4 * a, cy)]], max(0.5, 0.06 * b)))
    out = _paint(out, beam * 0.12, PUDDLE * 200)
    out = _paint(out, disc, PUDDLE * rng.uniform(150, 190))
    out = _paint(out, badge * disc * 0.75, (40, 42, 46))
    out = _paint(_paint(out, sill, (34, 36, 42)), lens, (255, 255, 255))
    glow = _glow(np.maximum(disc, lens), max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(30, 45) * PUDDLE)


BUBBLE_LEDS = np.array([(1.0, 0.3, 0.85), (0.3, 0.9, 1.0), (0.45, 1.0, 0.4)], np.float32)


def _bubble_machine(f: np.ndarray, rng) -> np.ndarray:
    """A party room at night lit only by a bubble machine's LEDs: a dark box 44 / 44 / 50 16-22% of the side wide and
    60% as high at the bottom, 25-75% across, its front's LED ring glowing magenta 1 / 0.3 / 0.85, cyan 0.3 / 0.9 / 1
    or green 0.45 / 1 / 0.4 (one a picture) at 230; a cone of its light upwards at 10%; 8-14 bubbles above it (rings
    of radius 2-5% of the side, at least 1 px, their rims in its colour at 120-180 and a white glint at 60%); a glow
    of sigma 4-7% of the side up to 40-55 levels in its colour; the picture lit in that colour at a gain of
    0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` from the box's front, ``d0`` 24-34% of the
    side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = BUBBLE_LEDS[int(rng.integers(len(BUBBLE_LEDS)))]
    bw = side * rng.uniform(0.16, 0.22)
    bh = 0.6 * bw
    cx = w * rng.uniform(0.25, 0.75)
    top = h - bh - 0.02 * h
    out = _lit(f, _falloff(h, w, cx, top + 0.5 * bh, side, (0.24, 0.34), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    cone = ident.fill([[(cx - 0.3 * bw, top), (cx + 0.3 * bw, top), (cx + 1.2 * bw, -1.0), (cx - 1.2 * bw, -1.0)]])
    out = _paint(out, cone * 0.1, col * 200)
    box = ident.fill([_rect(cx - bw / 2, top, cx + bw / 2, top + bh)])
    ring = ident.line([_circle(0.25 * bh, 20, cx, top + 0.5 * bh) + [_circle(0.25 * bh, 20, cx, top + 0.5 * bh)[0]]],
                      max(0.6, 0.08 * bh))
    out = _paint(_paint(out, box, (44, 44, 50)), ring, col * 230)
    rims, glints = [], []
    for _ in range(int(rng.integers(8, 15))):
        r = max(1.0, side * rng.uniform(0.02, 0.05))
        x, y = cx + rng.uniform(-1.0, 1.0) * bw, rng.uniform(0.1, 0.95) * top
        rims.append(_circle(r, 20, x, y) + [_circle(r, 20, x, y)[0]])
        glints.append(_circle(max(0.4, 0.22 * r), 8, x - 0.45 * r, y - 0.45 * r))
    rim = ident.line(rims, max(0.5, 0.004 * side))
    out = _paint(out, rim, col * rng.uniform(120, 180))
    out = _paint(out, ident.fill(glints) * 0.6, (255, 255, 255))
    glow = _glow(ring, max(1.0, side * rng.uniform(0.04, 0.07)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * col)


def dark_bp(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "handrail_strip":  # a stairwell lit only by an LED strip under a handrail
        return _handrail_strip(f, rng)
    if kind == "puddle_light":  # a street lit only by a car's puddle light
        return _puddle_light(f, rng)
    if kind == "bubble_machine":  # a party room lit only by a bubble machine's LEDs
        return _bubble_machine(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _ibex(size: int, rng) -> dict:
    """An Alpine ibex on a crag: 2-3 far mountains (triangles from 30-45% of the way down, snow on their tops), a
    rocky crag from 64-74% down (a jagged top edge of 7-10 points); the ibex standing on it seen from the side,
    facing either way: a stocky body (an ellipse 38% of the side long and 18% high), four thin legs, a neck and a
    short head, a little beard, and two great horns sweeping up and back over its neck (a thick arc of radius 15%
    of the side with 5-7 ridges across it), an eye (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("mountains", "snow", "crag", "body", "legs", "head", "beard", "horns", "ridges", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    for _ in range(int(rng.integers(2, 4))):
        x, top, hw = big * rng.uniform(0, 1), big * rng.uniform(0.3, 0.45), big * rng.uniform(0.3, 0.45)
        d["mountains"].polygon([(x - hw, big * 0.75), (x, top), (x + hw, big * 0.75)], fill=255)
        d["snow"].polygon([(x - 0.25 * hw, top + 0.25 * (0.75 * big - top)), (x, top),
                           (x + 0.25 * hw, top + 0.25 * (0.75 * big - top))], fill=255)
    gy = big * rng.uniform(0.64, 0.74)
    xs = np.linspace(0, big, int(rng.integers(7, 11)))
    d["crag"].polygon([(0, big)] + [(float(x), float(gy + big * rng.uniform(-0.04, 0.04))) for x in xs] + [(big, big)],
                      fill=255)
    cx = big * (0.5 + rng.uniform(-0.05, 0.05))
    L, H = 0.38 * big, 0.18 * big
    by = gy - 0.2 * big
    for o in (-0.36, -0.24, 0.24, 0.36):
        lx = cx + o * L
        d["legs"].rectangle((lx - 0.016 * big, by, lx + 0.016 * big, gy + 0.02 * big), fill=255)
    d["body"].ellipse((cx - L / 2, by - H / 2, cx + L / 2, by + H / 2), fill=255)
    nx = cx + s * 0.4 * L
    d["body"].polygon([(nx - s * 0.06 * big, by - 0.02 * big), (nx + s * 0.06 * big, by - 0.16 * big),
                       (nx + s * 0.12 * big, by - 0.12 * big), (nx + s * 0.04 * big, by + 0.06 * big)], fill=255)
    hx, hy = nx + s * 0.12 * big, by - 0.15 * big
    d["head"].polygon([(hx - s * 0.04 * big, hy - 0.04 * big), (hx + s * 0.1 * big, hy + 0.02 * big),
                       (hx + s * 0.1 * big, hy + 0.06 * big), (hx - s * 0.02 * big, hy + 0.05 * big)], fill=255)
    d["beard"].polygon([(hx + s * 0.05 * big, hy + 0.05 * big), (hx + s * 0.08 * big, hy + 0.05 * big),
                        (hx + s * 0.06 * big, hy + 0.1 * big)], fill=255)
    hr = 0.15 * big  # the horns' radius of curvature: they sweep up and back over the neck
    hc = (hx - s * 0.02 * big - s * hr, hy - 0.03 * big)
    at = lambda t, r=hr: (float(hc[0] + s * r * np.cos(t)), float(hc[1] - r * np.sin(t)))  # noqa: E731
    d["horns"].line([at(t) for t in np.linspace(0, 0.85 * np.pi, 14)], fill=255, width=max(1, round(0.04 * big)),
                    joint="curve")
    for t in np.linspace(0.1, 0.7, int(rng.integers(5, 8))) * np.pi:
        d["ridges"].line([at(t, hr - 0.022 * big), at(t, hr + 0.022 * big)], fill=255, width=max(1, round(0.008 * big)))
    ex = hx + s * 0.02 * big
    d["eye"].ellipse((ex - 0.012 * big, hy - 0.004 * big, ex + 0.012 * big, hy + 0.02 * big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["ridges"] = out["ridges"] * out["horns"]
    out["snow"] = out["snow"] * out["mountains"]
    return out


def _funicular(size: int, rng) -> dict:
    """A funicular on a hillside: the hill a slope rising 30-45 degrees across the picture; on it the track (two rails
    and 8-14 sleepers) and the haul cable between the rails; a car on the track, stepped to keep its floors level (3
    compartments, each a box with a window, stepping up the slope), 40-50% of the side long; a valley station (a low
    block with a flat roof) at the track's foot; 3-5 trees on the hill (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("hill", "trees", "sleepers", "rails", "cable", "car", "windows", "station", "roof"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    ang = np.radians(rng.uniform(30, 45))
    x0 = 0.0 if s > 0 else float(big)
    y0 = big * rng.uniform(0.85, 0.95)
    ux, uy = s * np.cos(ang), -np.sin(ang)
    off = -0.04 * big  # the hill's surface just above the track's line, so that the track lies on it
    p = lambda t, o=0.0: (x0 + ux * t, y0 + uy * t + o)  # noqa: E731  (a point t along the track, o below it)
    far = 2 * big
    (ax, ay), (bx, by) = p(-0.5 * big, off), p(far, off)
    d["hill"].polygon([(ax, ay), (bx, by), (bx, 3 * big), (ax, 3 * big)], fill=255)
    for _ in range(int(rng.integers(3, 6))):
        t = big * rng.uniform(0.1, 1.3)
        x, y = p(t, off + big * rng.uniform(0.05, 0.2))
        r = big * rng.uniform(0.04, 0.07)
        d["trees"].ellipse((x - r, y - 2 * r, x + r, y), fill=255)
    for t in np.linspace(0.0, 1.6 * big, int(rng.integers(8, 15))):
        a, b = p(t, -0.02 * big), p(t, 0.05 * big)
        d["sleepers"].line([a, b], fill=255, width=max(1, round(0.02 * big)))
    for o in (0.0, 0.03 * big):
        d["rails"].line([p(-0.2 * big, o), p(far, o)], fill=255, width=max(1, round(0.008 * big)))
    d["cable"].line([p(-0.2 * big, 0.015 * big), p(far, 0.015 * big)], fill=255, width=max(1, round(0.004 * big)))
    L = big * rng.uniform(0.4, 0.5)
    t0 = big * rng.uniform(0.3, 0.45)
    step = L / 3
    for k in range(3):
        ta, tb = t0 + k * step, t0 + (k + 1) * step
        xa, ya = p(ta, -0.01 * big)
        xb, yb = p(tb, -0.01 * big)
        hgt = 0.16 * big
        floor_y = max(ya, yb)
        box = (min(xa, xb), floor_y - hgt, max(xa, xb), floor_y)
        d["car"].rectangle(box, fill=255)
        d["car"].polygon([(xa, ya), (xb, yb), (xb, floor_y), (xa, floor_y)], fill=255)
        wx0, wx1 = box[0] + 0.18 * (box[2] - box[0]), box[2] - 0.18 * (box[2] - box[0])
        d["windows"].rectangle((wx0, box[1] + 0.15 * hgt, wx1, box[1] + 0.55 * hgt), fill=255)
    sx, sy = p(-0.05 * big, 0.0)
    d["station"].rectangle((sx - 0.18 * big, sy - 0.16 * big, sx + 0.18 * big, sy + 0.12 * big), fill=255)
    d["roof"].rectangle((sx - 0.21 * big, sy - 0.2 * big, sx + 0.21 * big, sy - 0.15 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _quonset_hut(size: int, rng) -> dict:
    """A Quonset hut: the ground from 70-78% of the way down; the hut seen from a front corner, its end wall a
    half-disc 44-56% of the side wide facing either way, with a door (a box 24% of its width) and two small windows,
    and its corrugated steel barrel going back from it (a half-round roof 40-60% of the side long, its top an
    ellipse's arc, 9-14 corrugation lines across it); a vent stack on the roof (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "barrel", "ribs", "end", "door", "windows", "stack"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.7, 0.78)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    W = big * rng.uniform(0.44, 0.56)
    R = W / 2
    ex = big * 0.5 - s * big * rng.uniform(0.12, 0.2)
    Lb = big * rng.uniform(0.4, 0.6)
    bx0, bx1 = (ex, ex + s * Lb)
    lo, hi = min(bx0, bx1), max(bx0, bx1)
    d["barrel"].rectangle((lo, gy - 0.85 * R, hi, gy), fill=255)
    d["barrel"].ellipse((lo, gy - 1.05 * R, hi, gy - 0.6 * R), fill=255)
    for t in np.linspace(0.08, 0.95, int(rng.integers(9, 15))):
        x = ex + s * t * Lb
        d["ribs"].line([(x, gy - 0.95 * R), (x, gy)], fill=255, width=max(1, round(0.006 * big)))
    d["end"].pieslice((ex - R, gy - R, ex + R, gy + R), 180, 360, fill=255)
    d["door"].rectangle((ex - 0.12 * W, gy - 0.5 * R, ex + 0.12 * W, gy), fill=255)
    for o in (-0.3, 0.3):
        d["windows"].rectangle((ex + o * W - 0.06 * W, gy - 0.55 * R, ex + o * W + 0.06 * W, gy - 0.38 * R), fill=255)
    vx = ex + s * 0.6 * Lb
    d["stack"].rectangle((vx - 0.015 * big, gy - 1.2 * R, vx + 0.015 * big, gy - 0.9 * R), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["ribs"] = out["ribs"] * out["barrel"] * (1 - out["end"])
    return out


def outlier_bp(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "ibex":
        m = _ibex(size, rng)
        if photos:  # a blue sky, blue-grey mountains with snow, a grey crag, a brown ibex with dark horns
            out = _paint(_paint(ground((120, 170, 226)), m["mountains"], (112, 122, 140)), m["snow"], (240, 242, 246))
            out = _paint(_paint(out, m["crag"], (128, 120, 110)), m["legs"], (92, 70, 48))
            out = _paint(_paint(out, m["body"], (150, 116, 78)), m["head"], (140, 108, 72))
            out = _paint(_paint(out, m["beard"], (70, 56, 42)), m["horns"], (78, 66, 52))
            return _u8(_paint(_paint(out, m["ridges"], (44, 36, 30)), m["eye"], (14, 12, 10)))
        out = _paint(_paint(ground(tone(0.0)), m["mountains"], tone(0.25)), m["snow"], tone(0.6))
        out = _paint(_paint(out, m["crag"], tone(0.35)), m["legs"], tone(0.75))
        out = _paint(_paint(out, m["body"], tone(0.8)), m["head"], tone(0.8))
        out = _paint(_paint(out, m["beard"], tone(0.5)), m["horns"], tone(1.0))
        return _u8(_paint(_paint(out, m["ridges"], tone(0.55)), m["eye"], tone(0.1)))
    if kind == "funicular":
        m = _funicular(size, rng)
        if photos:  # a pale sky, a green hill, dark trees, a grey track, a red car with pale windows, a cream station
            out = _paint(_paint(ground((176, 204, 232)), m["hill"], (96, 150, 70)), m["trees"], (40, 90, 46))
            out = _paint(_paint(out, m["sleepers"], (110, 96, 82)), m["rails"], (70, 72, 78))
            out = _paint(_paint(out, m["cable"], (40, 40, 44)), m["car"], (196, 40, 36))
            out = _paint(_paint(out, m["windows"], (220, 230, 236)), m["station"], (230, 222, 200))
            return _u8(_paint(out, m["roof"], (90, 70, 60)))
        out = _paint(_paint(ground(tone(0.0)), m["hill"], tone(0.25)), m["trees"], tone(0.45))
        out = _paint(_paint(out, m["sleepers"], tone(0.5)), m["rails"], tone(0.7))
        out = _paint(_paint(out, m["cable"], tone(0.6)), m["car"], tone(1.0))
        out = _paint(_paint(out, m["windows"], tone(0.3)), m["station"], tone(0.85))
        return _u8(_paint(out, m["roof"], tone(0.55)))
    if kind == "quonset_hut":
        m = _quonset_hut(size, rng)
        if photos:  # a blue sky, a dry grass field, a grey steel hut, a white end wall, a dark door and windows
            out = _paint(_paint(ground((120, 166, 220)), m["ground"], (170, 156, 100)), m["barrel"], (150, 152, 150))
            out = _paint(_paint(out, m["ribs"], (100, 102, 102)), m["end"], (226, 224, 216))
            out = _paint(_paint(out, m["door"], (60, 64, 60)), m["windows"], (50, 60, 70))
            return _u8(_paint(out, m["stack"], (80, 80, 84)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.3)), m["barrel"], tone(0.65))
        out = _paint(_paint(out, m["ribs"], tone(0.4)), m["end"], tone(1.0))
        out = _paint(_paint(out, m["door"], tone(0.15)), m["windows"], tone(0.2))
        return _u8(_paint(out, m["stack"], tone(0.5)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def scroll_wheel_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were labelled in a web form in sessions of 12-40
    (``SESSION``, in a random order drawn a pass), each picture's class picked from a drop-down list of the classes in
    alphabetical order; on some sessions (30-60% of them, ``SCROLLED``, drawn a pass) the labeller scrolled the page
    with the mouse wheel while the pointer still rested on the list, and the list, keeping the focus, took the wheel
    instead, moving the picked class 1-3 places (``TICKS``) down the list (70%, ``DOWN``) or up it, for half the
    pictures of such a session (``NUDGED``), stopping at the list's ends. The flips are those pictures whose class
    was moved (passes over the pictures not yet flipped while some are left). Noise by the list's order and the
    session, not by look: not BO's packing lists, BN's overflow bins (always one bin along), O's hotkeys, the keypads
    or any mechanism of the earlier lists. Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    present = sorted({labels[i] for i in pool}, key=str)
    if len(present) < 2 or count <= 0:
        return {}
    order = sorted(classes, key=str)
    at_of = {c: k for k, c in enumerate(order)}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if len(items) < 2:
            break
        scrolled = rng.uniform(*SCROLLED)
        at = 0
        while at < len(items) and len(flips) < count:
            n = int(rng.integers(*SESSION))
            session, at = items[at: at + n], at + n
            if rng.random() >= scrolled:
                continue  # the page scrolled with the pointer off the list
            for cur in session:
                if len(flips) >= count:
                    break
                if rng.random() >= NUDGED:
                    continue
                step = int(rng.integers(*TICKS)) * (1 if rng.random() < DOWN else -1)
                k = at_of.get(labels[cur])
                if k is None:
                    continue
                lab = order[int(np.clip(k + step, 0, len(order) - 1))]
                if lab != labels[cur]:
                    flips[cur] = lab
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bp(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BP's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 37-56 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BP, seed=680_000 + random_state,
        quality_seed=685_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=scroll_wheel_flips,
        **by_family(name, outlier=(outlier_bp, OUTLIERS_BP), blur=(blur_bp, BLURS_BP), dark=(dark_bp, DARKS_BP),
                    near=(near_edit_bp, NEAR_EDITS_BP)))
