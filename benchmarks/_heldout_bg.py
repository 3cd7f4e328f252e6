"""Generator BG: fresh EVALUATION sets after generator BF's run (never used to choose anything).

Why a fifty-seventh evaluation generator: generator BF's sets were written before its run and have been run once since
(``dev_sweep``: generator BF has had its one held-out run; its sets join the development sets), so a held-out set for
the code after that run is written now, before any tool is run on it. The commit subjects since BF's generator commit
(2cd8f28) name these changes: ``near_duplicate``'s perceptual-hash rule, which leaves out pictures with under 60
detailed pixels that are mostly blank ground (distinct handwritten 1s share their hash bit for bit), measured on the
development sets of A-BE; generator BF's one held-out run, after which its four sets joined the development sets; the
docs of that run; and a review of the data module's exports (``grey16_detail`` listed in order). BF's run came before
this generator was written, but BG's writer read no docs, logs, result files or commit bodies (only the commit subjects,
the library's code and the earlier generators' and tuning tools' files, to copy their structure and to avoid their
families), and nothing in BG was chosen from any result: its strengths are set as BF's were. Like AN's to BF's, BG's
edits are not all brightly coloured: some are grey, black, dark, white or translucent. Generator BG was written before
any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign
pictures at 28, 79 and 323 px, to check that every edit is visible, every blur blurred, every darkened image dark with
its picture still in it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after
its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures,
icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K,
L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS,
AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE, BF) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Like AC's to BF's it has two blur families, not three. Tiles of 323 px
give 58 tiles (seed 364), so the large set is at 323 px, a size no other set uses; the small photographs are at 79 px, a
size no other set uses either. Left out because an earlier generator made them or left them out: among objects on the
print a fly, a chafer, silverfish, a cicada shell, a ladybird or any other insect of the earlier lists (P's, BC's, BE's,
their lists: BG's earwig is a brown earwig with its wing cases, segmented abdomen and curved pincers), a snail, a shell,
a mussel or a prawn (their lists, BA's, AB's: BG's garden slug is a soft mantled body with eye-stalks and a wet sheen,
leaving a slime trail), a crisp, a cracker, a macaron, popcorn, a pretzel or any other snack of the earlier lists (their
lists, AY's: BG's cornflake is a thin curled breakfast flake, golden, toasted or frosted), a cotter pin, a collar stay,
a safety pin, a coin, a button or any other small disc (AR's, their lists, AS's, AQ's, AP's: BG's paper fastener is a
brass split pin for paper, its domed head over two splayed flat legs), sea glass, a contact lens or a monocle (AU's,
AQ's, BC's: BG's china shard is an angular piece of broken glazed china with a willow-pattern border and its unglazed
broken edge); of the whole picture a guilloche, a spirograph, a ring mark, a lensball or any other concentric pattern
(U's, AJ's, H's, Z's: BG's picture disc is a vinyl record's grooves cut over the print, with their two opposite wedges
of sheen), leather, shagreen, a shed snakeskin, tufted upholstery or any other hide or relief (AX's, BE's, BB's, AA's:
BG's suede is a napped hide brushed in patches and finger trails), marbled paper, terrazzo, sandstone, concrete,
woodchip or any other stone or speckled ground (BA's, AS's, AY's, AX's, AV's: BG's linoleum is jaspé lino's long
straight striations of two tones); among blurs alabaster, mica, nacre, tracing paper, a shoji's paper or any other
diffusing sheet (AU's, AV's, AZ's, their lists: BG's capiz window is a windowpane oyster's ground shell, its growth
layers banding the scattered light with a pearly iridescence), a steamed window, rain, a flooded screen print, a pool
floor, cloudy cider, pastis or any glass of the earlier lists (K's, H's, AL's, AX's, BF's, BE's: BG's water wall is a
film of water running down a glass pane, drawing the picture out more down it than across, with rivulets); among
darkenings a light sword, an LED badge, a dog's LED collar or a bike's tail light (AW's, AF's, BE's, AE's: BG's
hoverboard is a self-balancing board's LED wheel rims and front light strip at the bottom of the picture), an open
fridge, a microwave, a kettle's light ring or a cooker hood (their lists, AL's: BG's dishwasher spot is the light an
integrated dishwasher shines on the floor while it runs, under its dark door), a curing light, a surgical lamp, a baby
monitor or a phone's torch (AU's, AX's, AT's, BC's: BG's pulse oximeter is a finger clip's red light shining through a
patient's fingertip in a ward at night); among foreign pictures an anteater, a hedgehog, a rhinoceros, a walrus, a
hippopotamus, a bison or any other animal of the earlier lists (BF's, AT's, BD's, BE's, BB's: BG's armadillo walks over
dry ground under its banded domed shell), a paddle steamer, a narrowboat, a kayak, a sailboat, a hovercraft or a marina
(BA's, AO's, AX's, Q's, BB's, AI's: BG's tugboat has its raised bow, tyre fenders, wheelhouse and banded funnel), a fire
engine, a cement mixer, a steamroller, a forklift, a combine harvester or a tractor (BF's, BD's, BE's, BA's, AT's, their
lists: BG's bulldozer is a crawler with its cab, exhaust stack and tall curved blade); among label noise every mechanism
BF named and BF's cache race (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions, clocks, a
returns desk's prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing bench's label
rolls, a mistranslated list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a spreadsheet's
fill-down, collided file names, names completed as typed, tote cross-reads, shelf scans, conveyor jets, averaged votes,
re-hung swing tags, a tracker's identity switch, a cache race).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 323 px set's
  copies get both kinds): an earwig (a body 22-28% of the side long, at least 10 px, 22% as wide, chestnut 96 / 50 / 30,
  black-brown 40 / 28 / 22 or pale brown 150 / 96 / 56, of the three the two whose colour differs most on average from
  the picture's where it lies, as for each object's colour below; its wing cases 35% lighter, its abdomen's segments 30%
  darker, antennae, six legs and curved pincers, a sheen at 30%; 30-70% of the way across and down, at any angle, a soft
  shadow at 30%), a garden slug (30-38% of the side long, at least 11 px, 20% as wide, grey 112 / 104 / 96, black 36 /
  34 / 34 or orange-brown 178 / 96 / 44, translucent at 88-96%, a mantle 18% darker or lighter, a breathing pore,
  grooves, eye-stalks, a wet sheen at 45%, a slime trail white at 18%; a shadow at 20%), a cornflake (an irregular flake
  20-26% of the side across, at least 8 px, golden 216 / 156 / 64, toasted 178 / 108 / 44 or frosted 236 / 214 / 160,
  its edge 30% darker, its curl 20% darker, blisters, a sheen at 35%; a shadow at 35%), a paper fastener (a domed head
  11-14% of the side across, at least 5 px, and two splayed legs 2.2-2.8 times its radius long, brass 200 / 164 / 72,
  copper 186 / 116 / 72 or nickel 170 / 172 / 178, its rim 30% darker, a highlight at 50%; a shadow at 30%) and a china
  shard (an angular piece 24-30% of the side across, at least 10 px, white 244 / 244 / 238, celadon 170 / 198 / 176 or
  brown-glazed 122 / 74 / 44, a cobalt or cream pattern at 90%, its broken edge buff 214 / 200 / 176, a sheen at 40%; a
  shadow at 30%); of the whole picture: the picture pressed in a vinyl picture disc (grooves 1-1.6% of the side apart,
  at least 1.2 px, darkening it by 0-18%, 3-5 bright song gaps at 35%, two opposite wedges of sheen 0.2-0.32 radians
  wide at 30-42%, a spindle hole), printed on suede (the ink multiplied onto tan, burgundy, navy or forest green, 42-54%
  of the way, its nap brushed in patches 0.74-1.06, 2-4 finger trails 15% lighter or darker, a fine grain) and printed
  on jaspé linoleum (the ink multiplied onto ochre, red, green or grey-blue lino, 44-56% of the way, streaked with a
  second tone 60-75% as bright or 20-30% brighter in long parallel striations at any angle, a polished sheen of 0-10%);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through a capiz shell window pane (a Gaussian of 1.6-2.4% of the side, at
  least 1 px, and one 3.5 times as wide for 15-25%; growth layers banding it 0.95-1.05, a pearly iridescence of
  0-4% a channel, a pearl veil 242 / 234 / 228 at 8-12%) and behind a water wall (moved by a field long down the pane,
  0.8-1.3% of the side across; a Gaussian of 2.4-3.4% of the side down and 1.3-1.9% across, at least 1 px each; 3-6
  rivulets 12-20% lighter; red 4% and green 1% down, a cool veil 206 / 218 / 226 at 5-9%); each as a camera metering
  on the highlights exposes it (as Y's to BF's);
* ``dark`` (2%): a dark hall lit only by a hoverboard's LED wheel rims (two wheels 16-20% of the side across, 50-60% of
  the side apart, 3-6% above the bottom edge, 35-65% across, rims glowing blue, red or green, a dark board with a
  front light strip, a glow of sigma 5-8% of the side up to 40-55 levels; the picture lit in the rims' colour at
  0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the board's middle, ``d0`` 26-36% of the
  side, over 0.015-0.03), a kitchen at night lit only by a dishwasher's floor spot (the door's dark bottom 10% of the
  side high, 44-56% wide, its bottom 50-62% down; the spot 10-14% of the side below it, an ellipse 18-24% wide, red,
  blue or white, a glow of sigma 5-8% up to 40-55 levels; the picture lit in its colour at 0.26-0.34 falling off as
  above from the spot, ``d0`` 22-32% of the side, over 0.015-0.03) and a ward at night lit only by a pulse oximeter's
  red light through a fingertip (a dark finger 9-11% of the side wide up from the bottom edge, its tip 25-75% across
  and 35-60% down, the grey clip with a small cyan display, the fingertip glowing red 255 / 64 / 50, a glow of sigma
  5-8% up to 40-55 levels; the picture lit red at 0.26-0.34 falling off as above from the fingertip, ``d0`` 22-30% of
  the side, over 0.015-0.03); none of them blurs the picture;
* ``outlier`` (1.5%): an armadillo walking over dry ground (the ground, a domed shell with 6-9 bands, a pointed head
  with upright ears, an eye, four short legs, a tapering tail), a tugboat on the water (the water, a hull with a
  raised bow, tyre fenders, a wheelhouse with windows, a funnel with a band, a mast) and a bulldozer on a building
  site (the ground, a crawler track with wheels, an engine body, a cab with a window, an exhaust stack, a curved blade
  on push arms); the digit and clothing sets get them in their own tones on their dark ground, the photographs as a
  pinkish-grey armadillo with darker bands on sandy ground under a pale sky, a black tug with a white wheelhouse and
  an orange funnel on a dark sea and a yellow bulldozer with black tracks on brown earth;
* ``label`` (5%): *rotated rack* flips: the pictures are of specimens in tubes held in racks (one layout a pass, 4 x
  6, 6 x 8 or 8 x 12, ``RACKS``) filled in a random order, photographed at a station that read each tube's label from
  the rack's manifest by its position; the racks have no key notch, so 15-35% of them (``TURNED``, drawn once a
  pass) were set in turned round by 180 degrees and each tube was photographed as the position opposite its own. The
  flips are the tubes in turned racks whose opposite tube is of another class, each given that class (passes over the
  pictures not yet flipped, another batch of racks, while some are left). Noise by where a tube stood in its rack,
  not by look: not BF's cache race, BE's re-hung swing tags, BD's stale crate slips, AT's shelf scans or AR's
  stations. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
BG's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
361), MNIST (2,000, seed 362), and the evaluation photographs tiled at 79 px (24 tiles a photograph at most, seed
363) and at 323 px (every tile, seed 364), sizes no other set uses. ``photos79_bg_jpeg`` is written as JPEG files,
each at a quality drawn from 43-65 (a stream of its own, seed ``595_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``590_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to BF).
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

EVALUATION_BG = ("fashion_test_bg", "mnist_bg", "photos79_bg_jpeg", "photos323_bg")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BG = {
    "fashion_test_bg": ("fashion_test", 361),
    "mnist_bg": ("mnist", 362),
    "photos79_bg_jpeg": ("photos", 363, 79, 8, 24),
    "photos323_bg": ("photos", 364, 323, 8, 1000),
}
JPEG_QUALITY = (43, 66)  # the JPEG set's qualities: integers in [low, high)
RATES_BG = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BG = ("earwig", "picture_disc", "garden_slug", "suede", "cornflake", "linoleum", "paper_fastener",
                 "china_shard")
BLURS_BG = ("capiz_window", "water_wall")
DARKS_BG = ("hoverboard", "dishwasher_spot", "pulse_oximeter")
OUTLIERS_BG = ("armadillo", "tugboat", "bulldozer")
RACKS = ((4, 6), (6, 8), (8, 12))  # the specimen racks' rows and columns, one drawn a pass (label noise)
TURNED = (0.15, 0.35)  # the share of racks set in the photo station turned round, per pass (label noise)


def load_base_bg(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BG, "BG")


def _turned(pts: list, a: float) -> list:
    """Points turned by ``a`` radians about the object's middle (its own frame's origin)."""
    c, s = np.cos(a), np.sin(a)
    return [(float(x * c - y * s), float(x * s + y * c)) for x, y in pts]


# -- near copies -----------------------------------------------------------------------------
EARWIGS = ((96, 50, 30), (40, 28, 22), (150, 96, 56))


def _earwig(f: np.ndarray, rng) -> np.ndarray:
    """An earwig on the print, seen from above: a body 22-28% of the side long (at least 10 px) and 22% as wide (at
    least 3 px) from its head to the end of its abdomen, then a pair of curved pincers 20% of its length long;
    chestnut 96 / 50 / 30, black-brown 40 / 28 / 22 or pale brown 150 / 96 / 56 (of the three the one whose colour
    differs most on average from the picture's where it lies, or the second, at random, where it differs at least
    60% as much, as for the slug, the cornflake, the fastener and the shard); a head, a pronotum, short wing cases
    35% lighter, a tapering abdomen with four segment lines 30% darker, two antennae and six legs (lines at least 0.5
    px), the pincers 20% darker; a white sheen on the wing cases at 30%; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.22, 0.28))
    W = max(3.0, 0.22 * L)
    fr = _frame_at(h, w, rng)
    col = _standing_out(EARWIGS, f, fr, 0.6 * L, rng)
    head = fr.fill([_ellipse(0.38 * L, 0.0, 0.09 * L, 0.3 * W, 0.0, 16)])
    thorax = fr.fill([_ellipse(0.25 * L, 0.0, 0.07 * L, 0.42 * W, 0.0, 16)])
    wings = fr.fill([_ellipse(0.1 * L, 0.0, 0.1 * L, 0.5 * W, 0.0, 16)])
    belly = fr.fill([[(0.02 * L, -0.48 * W), (-0.36 * L, -0.3 * W), (-0.4 * L, 0.0), (-0.36 * L, 0.3 * W),
                      (0.02 * L, 0.48 * W)]])
    segs = fr.line([[(x * L, -0.45 * W), (x * L, 0.45 * W)] for x in (-0.07, -0.14, -0.21, -0.28)],
                   max(0.5, 0.06 * W)) * belly
    pinc = fr.line([[(-0.37 * L, o * 0.18 * W), (-0.5 * L, o * 0.4 * W), (-0.6 * L, o * 0.12 * W)] for o in (-1, 1)],
                   max(0.6, 0.14 * W))
    feel = fr.line([[(0.45 * L, o * 0.1 * W), (0.56 * L, o * 0.45 * W), (0.64 * L, o * 0.7 * W)] for o in (-1, 1)],
                   max(0.5, 0.06 * W))
    legs = fr.line([[(x * L, o * 0.4 * W), ((x + 0.06) * L, o * 1.05 * W)] for x in (0.22, 0.14, 0.05)
                    for o in (-1, 1)], max(0.5, 0.08 * W))
    sheen = fr.fill([_ellipse(0.1 * L, -0.2 * W, 0.07 * L, 0.12 * W + 0.2, 0.0, 12)])
    light = np.minimum(col * 1.35 + 12, 255)
    parts = [(legs, col * 0.9, 0.9, True), (feel, col, 0.85, False), (pinc, col * 0.8, 1.0, True),
             (belly, col, 1.0, True), (segs, col * 0.7, 0.8, False), (wings, light, 1.0, True),
             (thorax, col * 0.9, 1.0, True), (head, col * 0.85, 1.0, True),
             (sheen * wings, (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


SLUGS = ((112, 104, 96), (36, 34, 34), (178, 96, 44))


def _garden_slug(f: np.ndarray, rng) -> np.ndarray:
    """A garden slug crawling over the print: a soft body 30-38% of the side long (at least 11 px) and 20% as wide
    (at least 3 px), round at the front and tapering to a pointed tail, grey 112 / 104 / 96, black 36 / 34 / 34 or
    orange-brown 178 / 96 / 44, translucent at 88-96%; a mantle over its front third 18% darker (lighter on a black
    slug), its breathing pore a dark dot, four grooves along its back at 50%, two eye-stalks (lines at least 0.5 px,
    with knobs); a wet white sheen along its back at 45%; behind it a slime trail as long as itself, 60% of its width
    wide, white at 18%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 20%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.3, 0.38))
    W = max(3.0, 0.2 * L)
    fr = _frame_at(h, w, rng)
    col = _standing_out(SLUGS, f, fr, 0.5 * L, rng)
    body = fr.fill([[(0.3 * L, -0.5 * W), (-0.1 * L, -0.46 * W), (-0.4 * L, -0.2 * W), (-0.5 * L, 0.0),
                     (-0.4 * L, 0.2 * W), (-0.1 * L, 0.46 * W), (0.3 * L, 0.5 * W)],
                    _ellipse(0.3 * L, 0.0, 0.16 * L, 0.5 * W, 0.0, 20)])
    mantle = fr.fill([_ellipse(0.22 * L, 0.0, 0.17 * L, 0.42 * W, 0.0, 20)])
    mcol = col * 0.82 if col.mean() > 60 else col * 1.5 + 10
    pore = fr.fill([_circle(max(0.4, 0.09 * W), 10, 0.2 * L, 0.3 * W)])
    grooves = fr.line([[(-0.05 * L, y * W), (-0.42 * L, 0.4 * y * W)] for y in (-0.3, -0.1, 0.1, 0.3)],
                      max(0.5, 0.05 * W))
    stalks = fr.line([[(0.42 * L, o * 0.15 * W), (0.6 * L, o * 0.42 * W)] for o in (-1, 1)], max(0.5, 0.12 * W))
    knobs = fr.fill([_circle(max(0.4, 0.1 * W), 8, 0.6 * L, o * 0.42 * W) for o in (-1, 1)])
    sheen = fr.line([[(-0.35 * L, -0.12 * W), (0.0, -0.2 * W), (0.35 * L, -0.18 * W)]], max(0.5, 0.1 * W))
    bend = rng.uniform(-0.3, 0.3)
    trail = fr.line([[(-0.45 * L, 0.0), (-0.95 * L, bend * L), (-1.45 * L, 0.0)]], max(1.0, 0.6 * W))
    parts = [(trail, (255, 255, 255), 0.18, False), (body, col, rng.uniform(0.88, 0.96), True),
             (grooves * body, col * 0.7, 0.5, False), (mantle, mcol, 0.9, False), (pore, col * 0.5, 1.0, False),
             (stalks, col, 0.95, True), (knobs, col * 0.8, 1.0, False), (sheen * body, (255, 255, 255), 0.45, False)]
    return _u8(_laid(f, parts, 0.2))


FLAKES = ((216, 156, 64), (178, 108, 44), (236, 214, 160))


def _cornflake(f: np.ndarray, rng) -> np.ndarray:
    """A cornflake dropped on the print: a thin curled flake, an irregular outline of 9-13 points 20-26% of the side
    across (at least 8 px), each 0-25% in or out of round, 70-90% as high as wide; golden 216 / 156 / 64, toasted
    178 / 108 / 44 or frosted 236 / 214 / 160; its toasted edge 30% darker at 80% (lines at least 0.5 px), its curled
    side 20% darker at 80%, 3-5 blisters 25% darker; a white sheen at 35%; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(4.0, side * rng.uniform(0.1, 0.13))
    fr = _frame_at(h, w, rng)
    col = _standing_out(FLAKES, f, fr, r, rng)
    k = int(rng.integers(9, 14))
    ang = np.linspace(0, 2 * np.pi, k, endpoint=False) + rng.uniform(-0.2, 0.2, k)
    rad = r * (1 + 0.25 * rng.uniform(-1, 1, k))
    sq = rng.uniform(0.7, 0.9)
    pts = [(float(a * np.cos(t)), float(sq * a * np.sin(t))) for a, t in zip(rad, ang)]
    flake = fr.fill([pts])
    edge = fr.line([_closed(pts)], max(0.5, 0.1 * r)) * flake
    curl = fr.fill([_ellipse(0.45 * r, 0.2 * r, 0.5 * r, 0.6 * r, 0.4, 16)]) * flake
    blist = fr.fill([_circle(max(0.45, 0.1 * r), 8, *rng.uniform(-0.5, 0.5, 2) * r)
                     for _ in range(int(rng.integers(3, 6)))]) * flake
    sheen = fr.fill([_ellipse(-0.3 * r, -0.25 * r, 0.35 * r, 0.12 * r + 0.2, -0.5, 12)]) * flake
    parts = [(flake, col, 1.0, True), (curl, col * 0.8, 0.8, False), (blist, col * 0.75, 0.9, False),
             (edge, col * 0.7, 0.8, False), (sheen, (255, 255, 255), 0.35, False)]
    return _u8(_laid(f, parts, 0.35))


FASTENERS = ((200, 164, 72), (186, 116, 72), (170, 172, 178))


def _paper_fastener(f: np.ndarray, rng) -> np.ndarray:
    """A brass paper fastener (a split pin for paper) lying on the print: a domed round head 11-14% of the side
    across (at least 5 px) and its two flat legs, each 2.2-2.8 times the head's radius long and half of it wide,
    splayed 8-25 degrees apart each way; brass 200 / 164 / 72, copper 186 / 116 / 72 or nickel 170 / 172 / 178; the
    head's rim 30% darker and the legs 15% darker; a white highlight on the dome at 50%; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(2.5, side * rng.uniform(0.055, 0.07))
    fr = _frame_at(h, w, rng)
    col = _standing_out(FASTENERS, f, fr, 2 * R, rng)
    ln = R * rng.uniform(2.2, 2.8)
    legs = []
    for o in (-1, 1):
        a = o * np.deg2rad(rng.uniform(8, 25))
        legs.append(_turned([(0.0, -0.25 * R), (ln, -0.25 * R), (ln + 0.25 * R, 0.0), (ln, 0.25 * R),
                             (0.0, 0.25 * R)], a))
    leg = fr.fill(legs)
    head = fr.fill([_circle(R, 24)])
    rim = fr.line([_closed(_circle(0.88 * R, 24))], max(0.5, 0.14 * R)) * head
    hi = fr.fill([_ellipse(-0.3 * R, -0.3 * R, 0.32 * R, 0.18 * R + 0.2, -0.8, 12)]) * head
    parts = [(leg, col * 0.85, 1.0, True), (head, col, 1.0, True), (rim, col * 0.7, 1.0, False),
             (hi, (255, 255, 255), 0.5, False)]
    return _u8(_laid(f, parts, 0.3))


CHINA = ((244, 244, 238), (170, 198, 176), (122, 74, 44))
COBALT = np.array([36, 62, 152], np.float32)


def _china_shard(f: np.ndarray, rng) -> np.ndarray:
    """A shard of broken glazed china lying on the print: an angular piece of 5-7 corners 24-30% of the side across
    (at least 10 px), white 244 / 244 / 238, celadon 170 / 198 / 176 or brown-glazed 122 / 74 / 44; on the white and
    celadon a cobalt 36 / 62 / 152 pattern (2-3 arcs of a willow-pattern border and a dot, lines at least 0.6 px) at
    90%, on the brown a cream one; its broken edge unglazed buff 214 / 200 / 176, 8% of its radius wide (at least 0.6
    px); a white sheen on its glaze at 40%; at any angle, its middle 30-70% of the way across and down, a soft shadow
    at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(5.0, side * rng.uniform(0.12, 0.15))
    fr = _frame_at(h, w, rng)
    col = _standing_out(CHINA, f, fr, R, rng)
    k = int(rng.integers(5, 8))
    ang = np.sort(rng.uniform(0, 2 * np.pi, k))
    pts = [(float(a * np.cos(t)), float(a * np.sin(t))) for a, t in zip(R * rng.uniform(0.65, 1.0, k), ang)]
    shard = fr.fill([pts])
    pat = COBALT if col.mean() > 150 else np.array([236, 222, 180], np.float32)
    lw = max(0.6, 0.07 * R)
    arcs = []
    for _ in range(int(rng.integers(2, 4))):
        cx, cy, rr = rng.uniform(-0.5, 0.5) * R, rng.uniform(-0.5, 0.5) * R, rng.uniform(0.3, 0.7) * R
        t0 = rng.uniform(0, 2 * np.pi)
        arcs.append([(cx + rr * np.cos(t), cy + rr * np.sin(t)) for t in np.linspace(t0, t0 + 2.2, 12)])
    pattern = np.maximum(fr.line(arcs, lw), fr.fill([_circle(max(0.6, 0.12 * R), 10, *rng.uniform(-0.3, 0.3, 2) * R)]))
    edge = fr.line([_closed(pts)], max(0.6, 0.08 * R)) * shard
    sheen = fr.fill([_ellipse(-0.25 * R, -0.2 * R, 0.35 * R, 0.12 * R + 0.2, -0.6, 12)]) * shard
    parts = [(shard, col, 1.0, True), (pattern * shard, pat, 0.9, False), (edge, (214, 200, 176), 1.0, False),
             (sheen, (255, 255, 255), 0.4, False)]
    return _u8(_laid(f, parts, 0.3))


def _picture_disc(f: np.ndarray, rng) -> np.ndarray:
    """The picture pressed in a vinyl picture disc (the print sealed under clear vinyl, the grooves cut over it): the
    disc's middle 30-70% of the way across and down, its spindle hole 20 / 20 / 22 of 1.8% of the side in radius (at
    least 1 px); the grooves, rings 1-1.6% of the side apart (at least 1.2 px), darkening the picture by 0-18%; 3-5
    bright song gaps (rings 0.6% of the side wide, at 35%) 15-90% of the side from the middle; and the grooves' sheen,
    two opposite wedges of light 0.2-0.32 radians wide, white at 30-42%, brighter on the grooves' crests; drawn at 3
    times the size and averaged: a record's concentric grooves and their sheen, not the concentric guilloche,
    spirograph or ring marks of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    s = 3
    yy, xx = _fine(h, w, s)
    r = np.hypot(xx - cx, yy - cy)
    th = np.arctan2(yy - cy, xx - cx)
    p = max(1.2, side * rng.uniform(0.01, 0.016))
    groove = 0.5 + 0.5 * np.cos(2 * np.pi * r / p)
    gaps = sum(np.exp(-((r - side * rng.uniform(0.15, 0.9)) / (0.006 * side + 0.5)) ** 2)
               for _ in range(int(rng.integers(3, 6))))
    d = (th - rng.uniform(0, np.pi) + np.pi / 2) % np.pi - np.pi / 2
    sheen = np.exp(-(d / rng.uniform(0.2, 0.32)) ** 2) * (0.6 + 0.4 * groove)
    shade = (0.82 + 0.18 * groove).reshape(h, s, w, s).mean(axis=(1, 3))
    lift = (rng.uniform(0.3, 0.42) * sheen + 0.35 * np.minimum(gaps, 1)).reshape(h, s, w, s).mean(axis=(1, 3))
    out = f * shade[..., None] + 255 * lift[..., None]
    hole = _Frame((h, w), 0.0, 0.0, 0.0).fill([_circle(max(1.0, 0.018 * side), 16, cx, cy)])
    return _u8(_paint(out, hole, (20, 20, 22)))


SUEDES = np.array([(176, 132, 92), (122, 50, 58), (60, 68, 100), (72, 98, 66)], np.float32)


def _suede(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on suede: the ink multiplied onto tan 176 / 132 / 92, burgundy 122 / 50 / 58, navy 60 / 68
    / 100 or forest green 72 / 98 / 66 suede, 42-54% of the way from the picture (35% of its tone added at that share);
    its nap brushed in patches (a smooth field of 6-10% of the side, the tone 0.74-1.06 times), 2-4 finger trails
    across it (strokes 4-7% of the side wide, softened, 15% lighter or darker where the nap was brushed the other
    way) and its fibres' fine grain (4%): a napped hide's brushed patches, not AX's leather, BE's shagreen or any
    other hide or relief of the earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    tone = SUEDES[int(rng.integers(len(SUEDES)))]
    k = rng.uniform(0.42, 0.54)
    shade = 0.9 + 0.16 * np.tanh(_field(h, w, side * rng.uniform(0.06, 0.1), rng))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    for _ in range(int(rng.integers(2, 5))):
        x0, y0 = rng.uniform(0, w), rng.uniform(0, h)
        a, ln = rng.uniform(0, np.pi), side * rng.uniform(0.4, 0.8)
        stroke = ident.line([[(x0, y0), (x0 + ln * np.cos(a), y0 + ln * np.sin(a))]], side * rng.uniform(0.04, 0.07))
        shade = shade + rng.choice([-0.15, 0.15]) * gaussian_filter(stroke, max(0.5, 0.01 * side))
    shade = shade + gaussian_filter(rng.normal(0, 0.04, (h, w)), 0.5)
    return _u8(_ground_print(f, tone[None, None, :] * shade[..., None], k, 0.35))


LINOS = np.array([(196, 160, 96), (164, 72, 58), (96, 130, 96), (120, 136, 152)], np.float32)


def _linoleum(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on jaspé linoleum: the ink multiplied onto ochre 196 / 160 / 96, red 164 / 72 / 58, green
    96 / 130 / 96 or grey-blue 120 / 136 / 152 lino, 44-56% of the way from the picture (35% of its tone added at
    that share), streaked with a second tone 60-75% as bright or 20-30% brighter: long parallel striations (noise
    under a Gaussian 20-30% of the side along them and 0.4-0.8% across, at least 0.6 px, turned to any angle, its
    two tones split by a tanh); a floor's polished sheen, 0-10% lighter across it: jaspé's straight streaks, not
    BA's marbled paper's swirls or any stone or speckled ground of the earlier lists."""
    from scipy.ndimage import gaussian_filter, rotate

    h, w = f.shape[:2]
    side = min(h, w)
    tone = LINOS[int(rng.integers(len(LINOS)))]
    other = tone * (rng.uniform(0.6, 0.75) if rng.random() < 0.6 else rng.uniform(1.2, 1.3))
    big = int(1.5 * max(h, w)) + 8
    g = gaussian_filter(rng.normal(0, 1, (big, big)).astype(np.float32),
                        (max(0.6, side * rng.uniform(0.004, 0.008)), side * rng.uniform(0.2, 0.3)), mode="wrap")
    g = rotate(g, rng.uniform(0, 180), reshape=False, order=1, mode="wrap")
    y0, x0 = (big - h) // 2, (big - w) // 2
    g = g[y0:y0 + h, x0:x0 + w]
    g = (g - g.mean()) / max(float(g.std()), 1e-6)
    m = (0.5 + 0.5 * np.tanh(2 * g))[..., None]
    yy, xx = _pixels(h, w)
    a = rng.uniform(0, 2 * np.pi)
    sheen = 1 + rng.uniform(0, 0.1) * (0.5 + 0.5 * np.cos(a) * (xx / w - 0.5) * 2 + 0.5 * np.sin(a) * (yy / h - 0.5))
    ground = np.minimum((tone * (1 - m) + other * m) * sheen[..., None], 255)
    return _u8(_ground_print(f, ground, rng.uniform(0.44, 0.56), 0.35))


def near_edit_bg(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "earwig":  # an earwig on the print
        return _earwig(f, rng)
    if kind == "garden_slug":  # a garden slug crawling over the print
        return _garden_slug(f, rng)
    if kind == "cornflake":  # a cornflake on the print
        return _cornflake(f, rng)
    if kind == "paper_fastener":  # a brass paper fastener on the print
        return _paper_fastener(f, rng)
    if kind == "china_shard":  # a shard of broken china on the print
        return _china_shard(f, rng)
    if kind == "picture_disc":  # the picture pressed in a vinyl picture disc
        return _picture_disc(f, rng)
    if kind == "suede":  # the picture printed on suede
        return _suede(f, rng)
    if kind == "linoleum":  # the picture printed on jaspé linoleum
        return _linoleum(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
PEARL = np.array([242, 234, 228], np.float32)


def _capiz_window(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a capiz shell window pane (a windowpane oyster's shell, ground flat: thin
    layers of calcite scattering the light passing): a Gaussian of 1.6-2.4% of the side (at least 1 px) and one 3.5
    times as wide for 15-25%; the shell's growth layers as faint parallel bands, 0.95-1.05 times the light, 5-9% of
    the side apart and wavering; a pearly iridescence, the channels 0-4% apart in a smooth field; a pearl veil 242 /
    234 / 228 at 8-12%; as a camera metering on the highlights exposes it: a shell's layered scatter, not AU's
    alabaster, AV's mica, AZ's nacre or any glass of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    m = rng.uniform(0.15, 0.25)
    out = (1 - m) * _blur3(f, s) + m * _blur3(f, 3.5 * s)
    yy, xx = _pixels(h, w)
    a = rng.uniform(0, np.pi)
    u = xx * np.cos(a) + yy * np.sin(a)
    bands = 1 + 0.05 * np.sin(2 * np.pi * u / (side * rng.uniform(0.05, 0.09)) + 0.8 * _field(h, w, side * 0.1, rng))
    iri = _field(h, w, side * 0.12, rng)[..., None] * np.array([0.04, -0.02, 0.03], np.float32)
    out = out * bands[..., None] * (1 + iri)
    veil = rng.uniform(0.08, 0.12)
    return _u8(_metered((1 - veil) * out + veil * PEARL, f))


SPRAY = np.array([206, 218, 226], np.float32)


def _water_wall(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed behind a water wall (a garden or lobby feature: a film of water running down a glass
    pane in front of it): the film's ripples, drawn out down the pane, move the picture by a field long down it (a
    Gaussian of 10% of the side down, 1.5% across), 0.8-1.3% of the side across and 30% of that down; the running
    film spreads the light more down than across, a Gaussian of 2.4-3.4% of the side down and 1.3-1.9% across (at
    least 1 px each); 3-6 rivulets, wavering vertical lines 1.2% of the side wide, softened, 12-20% lighter; the
    light faintly cooled, red 4% and green 1% down; a cool spray veil 206 / 218 / 226 at 5-9%; as a camera metering
    on the highlights exposes it: water running down glass, not K's steamed window, H's rain or any glass of the
    earlier lists."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)

    def stretched():
        g = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32),
                            (max(0.5, side * 0.1), max(0.5, side * 0.015)), mode="wrap")
        return (g - g.mean()) / max(float(g.std()), 1e-6)

    amp = side * rng.uniform(0.008, 0.013)
    dx, dy = stretched() * amp, stretched() * 0.3 * amp
    yy, xx = _pixels(h, w)
    warped = np.stack([map_coordinates(f[..., c], [yy - 0.5 + dy, xx - 0.5 + dx], order=1, mode="nearest")
                       for c in range(3)], axis=2)
    sy, sx = max(1.0, side * rng.uniform(0.024, 0.034)), max(1.0, side * rng.uniform(0.013, 0.019))
    out = np.stack([gaussian_filter(warped[..., c], (sy, sx), mode="reflect") for c in range(3)], axis=2)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lines = []
    for _ in range(int(rng.integers(3, 7))):
        x0, ph, amp2 = rng.uniform(0, w), rng.uniform(0, 2 * np.pi), side * rng.uniform(0.005, 0.02)
        lines.append([(x0 + amp2 * np.sin(ph + 6 * y / h), y) for y in np.linspace(-1, h + 1, 16)])
    riv = gaussian_filter(ident.line(lines, max(0.6, 0.012 * side)), max(0.5, 0.006 * side))
    out = out + riv[..., None] * 255 * rng.uniform(0.12, 0.2)
    out = out * np.array([0.96, 0.99, 1.0], np.float32)
    veil = rng.uniform(0.05, 0.09)
    return _u8(_metered((1 - veil) * out + veil * SPRAY, f))


def blur_bg(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "capiz_window":  # through a capiz shell window pane
        return _capiz_window(f, rng)
    if kind == "water_wall":  # behind a water wall
        return _water_wall(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
WHEEL_LEDS = np.array([(70, 150, 255), (255, 70, 70), (80, 255, 140)], np.float32)


def _hoverboard(f: np.ndarray, rng) -> np.ndarray:
    """A dark hall lit only by a self-balancing hoverboard standing at the bottom of the picture: its two wheels
    16-20% of the side across, their bottoms 3-6% of the side above the bottom edge, 50-60% of the side apart, its
    middle 35-65% of the way across; dark tyres 20 / 20 / 22, each wheel's LED rim (a ring at 72% of its radius, 16%
    of it wide, at least 0.8 px) glowing blue 70 / 150 / 255, red 255 / 70 / 70 or green 80 / 255 / 140; the board
    between them 34 / 34 / 38 with its footpads 22 / 22 / 24 and a front light strip 235 / 240 / 255; a glow of sigma
    5-8% of the side up to 40-55 levels in the rims' colour; the picture lit in it at a gain of 0.015-0.03 plus
    0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the board's middle, ``d0``
    26-36% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = WHEEL_LEDS[int(rng.integers(len(WHEEL_LEDS)))]
    r = side * rng.uniform(0.08, 0.1)
    bw = side * rng.uniform(0.5, 0.6)
    cx = w * rng.uniform(0.35, 0.65)
    wy = h - side * rng.uniform(0.03, 0.06) - r
    out = _lit(f, _falloff(h, w, cx, wy, side, (0.26, 0.36), rng)[..., None] * (col / 255), rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(cx - 0.5 * bw, wy - 0.6 * r, cx + 0.5 * bw, wy + 0.1 * r)]), (34, 34, 38))
    out = _paint(out, ident.fill([_rect(cx + o * 0.3 * bw - 0.12 * bw, wy - 0.6 * r, cx + o * 0.3 * bw + 0.12 * bw,
                                        wy - 0.4 * r) for o in (-1, 1)]), (22, 22, 24))
    rims = np.zeros((h, w), np.float32)
    for x in (cx - 0.5 * bw, cx + 0.5 * bw):
        out = _paint(out, ident.fill([_circle(r, 28, x, wy)]), (20, 20, 22))
        rim = ident.line([_closed(_circle(0.72 * r, 28, x, wy))], max(0.8, 0.16 * r))
        out = _paint(out, rim, col)
        rims = np.maximum(rims, rim)
    strip = ident.line([[(cx - 0.3 * bw, wy - 0.25 * r), (cx + 0.3 * bw, wy - 0.25 * r)]], max(0.8, 0.12 * r))
    out = _paint(out, strip, (235, 240, 255))
    glow = _glow(np.maximum(rims, 0.5 * strip), max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * (col / 255))


SPOTS = np.array([(255, 46, 36), (50, 120, 255), (236, 240, 255)], np.float32)


def _dishwasher_spot(f: np.ndarray, rng) -> np.ndarray:
    """A kitchen at night lit only by a dishwasher's floor spot (the light an integrated dishwasher shines on the
    floor while it runs): the dishwasher door's bottom 10% of the side high, 44-56% of the side wide, 56 / 58 / 62
    with a lighter lower edge 84 / 86 / 92 and a dark plinth gap 26 / 26 / 28 under it, its bottom 50-62% down and its
    middle 30-70% across; on the floor 10-14% of the side below it the spot, an ellipse 18-24% of the side wide and
    6-9% high, red 255 / 46 / 36, blue 50 / 120 / 255 or white 236 / 240 / 255, its core half as large 50% towards
    white; a glow of sigma 5-8% of the side up to 40-55 levels in its colour; the picture lit in it at a gain of
    0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the spot,
    ``d0`` 22-32% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = SPOTS[int(rng.integers(len(SPOTS)))]
    dw = side * rng.uniform(0.44, 0.56)
    cx = w * rng.uniform(0.3, 0.7)
    yb = h * rng.uniform(0.5, 0.62)
    sx, sy = cx + side * rng.uniform(-0.05, 0.05), yb + side * rng.uniform(0.1, 0.14)
    a, b = side * rng.uniform(0.09, 0.12), side * rng.uniform(0.03, 0.045)
    out = _lit(f, _falloff(h, w, sx, sy, side, (0.22, 0.32), rng)[..., None] * (col / 255), rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(cx - 0.5 * dw, yb - 0.1 * side, cx + 0.5 * dw, yb)]), (56, 58, 62))
    out = _paint(out, ident.line([[(cx - 0.5 * dw, yb - 0.01 * side), (cx + 0.5 * dw, yb - 0.01 * side)]],
                                 max(0.6, 0.012 * side)), (84, 86, 92))
    out = _paint(out, ident.fill([_rect(cx - 0.5 * dw, yb, cx + 0.5 * dw, yb + 0.03 * side)]), (26, 26, 28))
    spot = ident.fill([_ellipse(sx, sy, a, b, 0.0, 28)])
    out = _paint(out, spot, col)
    out = _paint(out, ident.fill([_ellipse(sx, sy, 0.5 * a, 0.5 * b, 0.0, 20)]), col + 0.5 * (255 - col))
    glow = _glow(spot, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * (col / 255))


OXI_RED = np.array([255, 64, 50], np.float32)


def _pulse_oximeter(f: np.ndarray, rng) -> np.ndarray:
    """A ward at night lit only by a pulse oximeter clipped on a patient's finger, its red light shining through the
    fingertip: a finger 9-11% of the side wide reaching up from the bottom edge, its tip 25-75% of the way across and
    35-60% down, dark skin 40 / 28 / 26; the clip over it, 1.7 times its width and 1.4 times long, 74 / 76 / 82, with
    a small display 90 / 220 / 255; the fingertip beyond the clip glowing red 255 / 64 / 50; a glow of sigma 5-8% of
    the side up to 40-55 levels in red; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as
    ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the fingertip, ``d0`` 22-30% of the side; noise sigma
    1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    fw = side * rng.uniform(0.09, 0.11)
    tx, ty = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.35, 0.6)
    out = _lit(f, _falloff(h, w, tx, ty, side, (0.22, 0.3), rng)[..., None] * (OXI_RED / 255), rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    finger = ident.fill([_rect(tx - 0.5 * fw, ty, tx + 0.5 * fw, h + 1.0), _circle(0.5 * fw, 16, tx, ty)])
    out = _paint(out, finger, (40, 28, 26))
    tip = finger * ident.fill([_rect(tx - fw, ty - fw, tx + fw, ty + 0.35 * fw)])
    out = _paint(out, tip, OXI_RED)
    clip = ident.fill([_rect(tx - 0.85 * fw, ty + 0.35 * fw, tx + 0.85 * fw, ty + 1.75 * fw)])
    out = _paint(out, clip, (74, 76, 82))
    out = _paint(out, ident.fill([_rect(tx - 0.45 * fw, ty + 0.8 * fw, tx + 0.45 * fw, ty + 1.25 * fw)]),
                 (90, 220, 255))
    glow = _glow(tip, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * (OXI_RED / 255))


def dark_bg(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "hoverboard":  # a dark hall lit only by a hoverboard's LED wheel rims
        return _hoverboard(f, rng)
    if kind == "dishwasher_spot":  # a kitchen lit only by a dishwasher's floor spot
        return _dishwasher_spot(f, rng)
    if kind == "pulse_oximeter":  # a ward lit only by a pulse oximeter's red light through a fingertip
        return _pulse_oximeter(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _armadillo(size: int, rng) -> dict:
    """An armadillo walking over dry ground, seen from the side: the ground below a horizon 60-70% of the way down;
    the armadillo 64-76% of the side long, facing either way: a domed shell (a half ellipse 30% of its length high)
    with 6-9 bands across its middle and its plated ends, a long pointed head with two upright ears, an eye, four
    short legs, a tapering banded tail (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "shell", "bands", "head", "ears", "legs", "tail", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.6, 0.7)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    L = big * rng.uniform(0.64, 0.76)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the tail's end, 1 at the snout's tip)
    fy = gy + 0.04 * L
    by = fy - 0.08 * L
    d["shell"].pieslice((min(X(0.2), X(0.78)), by - 0.3 * L, max(X(0.2), X(0.78)), by + 0.3 * L), 180, 360, fill=255)
    for t in np.linspace(0.36, 0.62, int(rng.integers(6, 10))):
        d["bands"].line([(X(t), by - 0.3 * L), (X(t), by)], fill=255, width=max(1, round(0.008 * L)))
    d["head"].polygon([(X(0.74), by - 0.14 * L), (X(0.99), by - 0.02 * L), (X(0.98), by + 0.01 * L),
                       (X(0.76), by + 0.01 * L)], fill=255)
    d["ears"].polygon([(X(0.77), by - 0.12 * L), (X(0.79), by - 0.22 * L), (X(0.82), by - 0.11 * L)], fill=255)
    d["tail"].polygon([(X(0.22), by - 0.06 * L), (X(0.0), by + 0.03 * L), (X(0.22), by)], fill=255)
    for t in (0.28, 0.36, 0.62, 0.7):
        d["legs"].rectangle((min(X(t), X(t + 0.05)), by - 0.01 * L, max(X(t), X(t + 0.05)), fy), fill=255)
    ex, ey = X(0.84), by - 0.07 * L
    d["eye"].ellipse((ex - 0.01 * L, ey - 0.01 * L, ex + 0.01 * L, ey + 0.01 * L), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["bands"] = out["bands"] * out["shell"]
    return out


def _tugboat(size: int, rng) -> dict:
    """A tugboat on the water, seen from the side: the water below a line 60-68% of the way down; the tug 70-84% of
    the side long, facing either way: a hull with its bow raised, 5-7 tyre fenders along its side and a thick bow
    fender, a wheelhouse with a row of 3 windows, a funnel with a band, a mast (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("water", "hull", "fenders", "house", "windows", "funnel", "band", "mast"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    wy = big * rng.uniform(0.6, 0.68)
    d["water"].rectangle((0, wy, big, big), fill=255)
    L = big * rng.uniform(0.7, 0.84)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the stern, 1 at the bow)
    d["hull"].polygon([(X(0.0), wy - 0.1 * L), (X(0.8), wy - 0.12 * L), (X(1.0), wy - 0.19 * L), (X(0.93), wy),
                       (X(0.05), wy)], fill=255)
    fr = 0.028 * L
    for t in np.linspace(0.1, 0.8, int(rng.integers(5, 8))):
        d["fenders"].ellipse((X(t) - fr, wy - 0.07 * L - fr, X(t) + fr, wy - 0.07 * L + fr), fill=255)
    d["fenders"].ellipse((X(0.97) - 1.6 * fr, wy - 0.16 * L, X(0.97) + 1.6 * fr, wy - 0.04 * L), fill=255)
    d["house"].rectangle((min(X(0.5), X(0.74)), wy - 0.32 * L, max(X(0.5), X(0.74)), wy - 0.11 * L), fill=255)
    for t in (0.54, 0.61, 0.68):
        d["windows"].rectangle((min(X(t), X(t + 0.045)), wy - 0.29 * L, max(X(t), X(t + 0.045)), wy - 0.23 * L),
                               fill=255)
    d["funnel"].rectangle((min(X(0.3), X(0.41)), wy - 0.38 * L, max(X(0.3), X(0.41)), wy - 0.11 * L), fill=255)
    d["band"].rectangle((min(X(0.3), X(0.41)), wy - 0.34 * L, max(X(0.3), X(0.41)), wy - 0.3 * L), fill=255)
    d["mast"].line([(X(0.63), wy - 0.32 * L), (X(0.63), wy - 0.48 * L)], fill=255, width=max(1, round(0.012 * L)))
    return {k: _down(v, size) for k, v in M.items()}


def _bulldozer(size: int, rng) -> dict:
    """A bulldozer on a building site, seen from the side: the ground below 72-80% of the way down; the bulldozer
    74-86% of the side long, facing either way: a crawler track (a long rounded band 14% of its length high) with
    4-5 wheels, an engine body above it, a cab with a window, an exhaust stack, a tall curved blade at its front on
    two push arms (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "track", "wheels", "body", "cab", "window", "stack", "blade"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.72, 0.8)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    L = big * rng.uniform(0.74, 0.86)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the back, 1 at the blade's front)
    th = 0.14 * L
    d["track"].rounded_rectangle((min(X(0.04), X(0.72)), gy - th, max(X(0.04), X(0.72)), gy), radius=th / 2, fill=255)
    for t in np.linspace(0.1, 0.66, int(rng.integers(4, 6))):
        d["wheels"].ellipse((X(t) - 0.04 * L, gy - 0.5 * th - 0.04 * L, X(t) + 0.04 * L, gy - 0.5 * th + 0.04 * L),
                            fill=255)
    d["body"].rectangle((min(X(0.06), X(0.74)), gy - th - 0.16 * L, max(X(0.06), X(0.74)), gy - th), fill=255)
    d["cab"].rectangle((min(X(0.1), X(0.36)), gy - th - 0.36 * L, max(X(0.1), X(0.36)), gy - th - 0.15 * L),
                       fill=255)
    d["window"].rectangle((min(X(0.15), X(0.32)), gy - th - 0.33 * L, max(X(0.15), X(0.32)), gy - th - 0.22 * L),
                          fill=255)
    d["stack"].line([(X(0.56), gy - th - 0.16 * L), (X(0.56), gy - th - 0.3 * L)], fill=255,
                    width=max(1, round(0.02 * L)))
    d["blade"].polygon([(X(0.86), gy), (X(0.99), gy), (X(0.95), gy - 0.16 * L), (X(0.97), gy - 0.34 * L),
                        (X(0.88), gy - 0.34 * L), (X(0.85), gy - 0.16 * L)], fill=255)
    d["blade"].line([(X(0.6), gy - 0.5 * th), (X(0.87), gy - 0.1 * L)], fill=255, width=max(1, round(0.025 * L)))
    out = {k: _down(v, size) for k, v in M.items()}
    out["window"] = out["window"] * out["cab"]
    return out


def outlier_bg(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "armadillo":
        m = _armadillo(size, rng)
        if photos:  # a pale sky, sandy ground, a pinkish-grey armadillo with darker bands
            out = _paint(_paint(ground((196, 214, 230)), m["ground"], (204, 172, 120)), m["tail"], (150, 128, 110))
            out = _paint(_paint(out, m["legs"], (120, 100, 88)), m["shell"], (170, 148, 126))
            out = _paint(_paint(out, m["bands"], (104, 88, 76)), m["head"], (160, 136, 118))
            return _u8(_paint(_paint(out, m["ears"], (140, 116, 100)), m["eye"], (12, 10, 10)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.3)), m["tail"], tone(0.7))
        out = _paint(_paint(out, m["legs"], tone(0.8)), m["shell"], tone(1.0))
        out = _paint(_paint(out, m["bands"], tone(0.5)), m["head"], tone(0.9))
        return _u8(_paint(_paint(out, m["ears"], tone(0.75)), m["eye"], tone(0.1)))
    if kind == "tugboat":
        m = _tugboat(size, rng)
        if photos:  # a grey-blue sky, a dark sea, a black and red tug, a white wheelhouse, an orange funnel
            out = _paint(_paint(ground((184, 204, 222)), m["water"], (40, 78, 108)), m["hull"], (36, 36, 42))
            out = _paint(_paint(out, m["fenders"], (16, 16, 16)), m["house"], (232, 232, 226))
            out = _paint(_paint(out, m["windows"], (40, 54, 70)), m["funnel"], (236, 122, 40))
            return _u8(_paint(_paint(out, m["band"], (20, 20, 22)), m["mast"], (180, 180, 184)))
        out = _paint(_paint(ground(tone(0.0)), m["water"], tone(0.25)), m["hull"], tone(0.8))
        out = _paint(_paint(out, m["fenders"], tone(0.45)), m["house"], tone(1.0))
        out = _paint(_paint(out, m["windows"], tone(0.3)), m["funnel"], tone(0.9))
        return _u8(_paint(_paint(out, m["band"], tone(0.4)), m["mast"], tone(0.7)))
    if kind == "bulldozer":
        m = _bulldozer(size, rng)
        if photos:  # a hazy sky, brown earth, a yellow bulldozer with black tracks, a blue-grey window
            out = _paint(_paint(ground((190, 206, 222)), m["ground"], (142, 112, 76)), m["track"], (30, 30, 30))
            out = _paint(_paint(out, m["wheels"], (70, 70, 72)), m["body"], (236, 186, 34))
            out = _paint(_paint(out, m["cab"], (226, 178, 30)), m["window"], (120, 150, 170))
            return _u8(_paint(_paint(out, m["stack"], (24, 24, 24)), m["blade"], (204, 152, 22)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.3)), m["track"], tone(0.5))
        out = _paint(_paint(out, m["wheels"], tone(0.75)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["cab"], tone(0.9)), m["window"], tone(0.35))
        return _u8(_paint(_paint(out, m["stack"], tone(0.6)), m["blade"], tone(0.85)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def rotated_rack_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures are of specimens in tubes held in racks (one
    layout a pass, 4 x 6, 6 x 8 or 8 x 12 positions, ``RACKS``), filled in a random order of the eligible pictures,
    and were photographed at a station that read each tube's label from the rack's manifest by its position; the
    racks have no key notch, so some (15-35% of them, ``TURNED``, drawn once a pass, each rack by chance) were set in
    the station turned round by 180 degrees, and each tube was photographed as the position opposite its own
    (position ``k`` read as ``n - 1 - k``; a position opposite an empty one, in a last rack not full, is left). The
    flips are the tubes in turned racks whose opposite tube is of another class, each given that class, until
    ``count`` are flipped (passes over the pictures not yet flipped, another batch of racks, while some are left).
    Noise by where a tube stood in its rack, not by class or look: not BF's cache race, BE's re-hung swing tags, BD's
    stale crate slips, AT's shelf scans, AR's stations or any positions of the earlier lists. Every flip changes the
    label."""
    pool = sorted(int(v) for v in candidates)
    if len({labels[i] for i in pool}) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        rows, cols = RACKS[int(rng.integers(len(RACKS)))]
        n = rows * cols
        share = rng.uniform(*TURNED)
        for j in range(0, len(items), n):
            if len(flips) >= count:
                break
            rack = items[j:j + n]
            if len(rack) < 2 or rng.random() >= share:
                continue
            for k, dst in enumerate(rack):
                if len(flips) >= count:
                    break
                if n - 1 - k < len(rack):
                    src = rack[n - 1 - k]
                    if labels[src] != labels[dst]:
                        flips[dst] = labels[src]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bg(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BG's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 43-65 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BG, seed=590_000 + random_state,
        quality_seed=595_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=rotated_rack_flips,
        **by_family(name, outlier=(outlier_bg, OUTLIERS_BG), blur=(blur_bg, BLURS_BG), dark=(dark_bg, DARKS_BG),
                    near=(near_edit_bg, NEAR_EDITS_BG)))
