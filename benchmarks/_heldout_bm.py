"""Generator BM: fresh EVALUATION sets after generator BL's run (never used to choose anything).

Why a sixty-third evaluation generator: generator BL's sets were written before its run and have been run once since
(the docs of generator BL's one held-out run, after which its four sets became development data), so a held-out set
for the code after that run is written now, before any tool is run on it. The commit subjects since BL's generator
commit (f2cf76b) name no change to what the library finds, only review and docs commits: two reviews of the
silhouette rule's code (``decode_grey16`` and ``decode_grey32`` sharing one decoder, ``_decode_squares``, where the
second was a copy with another size; ``silhouette_pairs`` returning None where the rule does not apply, so the check
no longer asks ``layout_used`` a second time; the rule's masks made once, a ``silhouettes`` intermediate, for both its
neighbour search and its pair test; Otsu's histograms by bincount in chunks of 8,192 pictures), each subject naming the
same flags on development sets, and two docs commits (BL's one run written up, BL's sets made development data; BL's
blurry misses on the 89 px tiles stated as measured). So BM measures the library as those reviews left it, on new
sets. BL's run came before this generator was written, and those subjects carry its numbers, but BM's writer read no
docs, logs, result files or commit bodies (only the commit subjects, the library's code and the earlier generators'
and tuning tools' files, to copy their structure and to avoid their families), and nothing in BM was chosen from any
result, to aim at or away from any weakness, rule or lead a subject names: its strengths and its share of
whole-picture edits are set as BL's were. Like AN's to BL's, BM's edits are not all brightly coloured: some are stone
grey, near black or translucent. Generator BM was written before any tool was run on it (only its pictures were
looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 91 and 311 px, to check that
every edit is visible, every blur blurred, every darkened image dark with its picture still in it and every outlier
foreign, and the planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs,
darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs:
Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no
earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X,
Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA, BB,
BC, BD, BE, BF, BG, BH, BI, BJ, BK, BL) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make (their family names and key words were searched for in every earlier
generator, the tuning tools and ``_synthetic.py``). Like AC's to BL's it has two blur families, not three. Tiles of
311 px give 60 tiles (seed 388), so the large set is at 311 px, a size no other set uses; the small photographs are
at 91 px, a size no other set uses either. Left out because an earlier generator made them or left them out (their
key words are in the earlier generators' lists): among objects on the print a cowrie or any shell, a padlock, a
carabiner, a resistor, a capsule, an Allen key, a pocket knife, a pocket comb, a sticking plaster, a spinning top, a
safety razor, a collar stay, a cotter pin, a bottle cap, a safety pin, a domino, dice, a marble, a clothes peg, a
wristwatch, a starfish, a pine cone, an acorn, a SIM card or memory card, a feather, a guitar pick, a toothpick or any
object, creature, sweet, snack, fruit, vegetable or plant part of the earlier lists (BL's, their lists: BM's pin
cushion is a squat tufted cushion bristling with round-headed pins, its bath plug a rubber stopper with a pull ring
and a ball chain, its hip flask a flat bowed flask with a screw cap, its decanter stopper a faceted glass ball on a
ground-glass shank, and its tyre lever a flat plastic strip with a hooked tip, a hole and a spoke notch); of the whole
picture batik, tie-dye, paisley, tartan, a circuit board, malachite, zellige, moquette, seigaiha, Greek key or
newspaper, toile, quatrefoil or sunburst wrap, chintz, a kilim, a damask, granite, marble, terrazzo, sandstone,
concrete, tiles or a mosaic, a corrugated sheet, a tapestry, a quilt or any other weave, print, stone or patterned
ground of the earlier lists (BL's, their lists: BM's lapis lazuli is a polished slab of the deep blue stone clouded
lighter, veined with white calcite and flecked with gold pyrite, its chainmail a sheet of interlinked steel rings in
the 4-in-1 weave, and its shweshwe a dyed cotton whose ground is etched white in a small repeating motif); among
blurs a fresco's pigment soaking into wet plaster, a sun print (cyanotype or anthotype), a puff-ink print on a
sweatshirt, a diazo whiteprint copy, a glassine window, a dry-ice fog, a stocking, a sheer curtain or a diffusion
filter over the lens, grease on it, a print on corrugated card, a glaze that ran in the kiln, a tattoo's ink blown out,
a hectograph or spirit-duplicator copy, a dye sublimation onto a towel or a mug, a gel plate monoprint, a sun-cast
transparency, toast or pyrography, or any haze, veil, glass, copy or print process of the earlier lists (BL's, their
lists: BM's muslin print is the picture inkjet-printed on a loose cotton cheesecloth, the ink wicking along its warp
and weft, and its mimeograph the picture copied on a stencil duplicator, the ink feathering through the stencil's
pores into absorbent paper); among darkenings a lighthouse, a welding arc, a pendant lamp, a microwave, a lava lamp, a
telephone box, glowworms (as fireflies), an anglerfish's lure, a bolide, a reef tank's actinic LEDs, a Jacob's ladder,
an ice sculpture, a laser show, a searchlight, a tritium keyring, fireflies, foxfire, glowing surf, glow sticks, a
sparkler, fireworks, moonlight, a door ajar or a keyhole, a darkroom safelight, a grow light, a blacklight or any
flame, ember, lamp, screen or glow of the earlier lists (BL's, their lists: BM's crystal ball is a fortune teller's
ball glowing violet from a lamp in its stand, its orrery a brass model of the planets round a glowing sun lamp, and
its intercom a door-entry panel's backlit keypad beside a doorway); among foreign pictures a flamingo, a helicopter, a
pagoda, a stag (as BC's moose), a stilt house, a windmill, a submarine, a gorilla, a tuk-tuk, an eagle, a tiger, a
cobra, meerkats, a giraffe, a crocodile, an octopus, a scarecrow, an igloo, a quadcopter, a cable car or any other
animal, vehicle, building or flying thing of the earlier lists (BL's, their lists: BM's wolf howls on a rocky ridge
under a full moon, its monorail runs on its beam before a city's towers and its log cabin stands in snowy woods);
among label noise randomised response for privacy, a drop-down list's neighbour (as a scroll wheel would move it), an
example class copied by a spammer, and every mechanism BL named and BL's autosave lag (dictation, OCR, bags, hotkeys,
keypads, quotas, a checkweigher, positions, clocks, a returns desk's prices, a marketplace's category stuffing,
recycled product codes, memory cards, a packing bench's label rolls, a mistranslated list, an empty cartridge,
transposed sheets, swapped digits, stale crate slips, a spreadsheet's fill-down, collided file names, names completed
as typed, tote cross-reads, shelf scans, conveyor jets, averaged votes, re-hung swing tags, a tracker's identity
switch, a cache race, rotated specimen racks, a cross-wired put wall, a timeout, misprinted reference sheets, keyed
shorthand, stock reconciliation, autosave lag, a batch whose class numbers were in another order, a model's runner-up
exported by an off-by-one, a taxonomy's merged classes, a colour-blind labeller).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 311 px set's
  copies get both kinds): a pin cushion (a squat cushion 26-34% of the side across, at least 10 px, tomato red 196 /
  48 / 40, stone grey felt 148 / 146 / 140 or near black velvet 40 / 36 / 44, of the three the two whose colour
  differs most on average from the picture's where it lies, as for each object's colour below; 6-8 tufted seams 30%
  darker, a green calyx, 5-8 steel pins with round heads in red, yellow, blue, white or green, a sheen at 25%; 30-70%
  of the way across and down, at any angle, a soft shadow at 30%), a bath plug (a rubber disc 16-22% of the side
  across, at least 7 px, black 30 / 30 / 32, white 230 / 228 / 220 or chrome 196 / 198 / 202; a rim 25% darker, a
  pull ring, a ball chain of 6-9 beads out past its rim, a highlight; a shadow at 35%), a hip flask (18-24% of the
  side wide, at least 8 px, 1.3 times as high, pewter 150 / 150 / 146, black leather 36 / 32 / 30 or tan leather
  172 / 122 / 72; an engraved or stitched border, a screw cap, a shine at 40%; a shadow at 35%), a decanter stopper (a
  faceted glass ball and a tapered ground-glass shank lying on their side, 30-38% of the side long, at least 12 px,
  the ball 62% as wide; clear glass 236 / 238 / 236 at 55%, smoky grey 92 / 94 / 100 at 80% or amber 196 / 128 / 40
  at 75%; its facets and outline darker, a highlight; a shadow at 30%, 15% for the clear one) and a tyre lever (30-38%
  of the side long, at least 12 px, 36% as wide, blue 40 / 90 / 190, black 30 / 30 / 32 or yellow 230 / 190 / 40; a
  hooked tip, a hole and a spoke notch, 4 grip ribs 25% darker, a shine at 30%; a shadow at 25%); of the whole
  picture: printed on a polished lapis lazuli slab (the ink multiplied onto the stone, 42-54% of the way, a deep
  ultramarine clouded lighter, 1-2 fading white calcite veins, gold pyrite flecks), printed on chainmail (42-54% of the
  way, steel rings every 6-9% of the side in the 4-in-1 weave, each lit round and across its wire, near black gaps
  between them, turned at any angle) and printed on shweshwe (42-54% of the way, an indigo, brown or red ground with a
  repeat every 6-10% of the side discharged white in one of three small motifs, the discharge uneven);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture inkjet-printed on muslin (the ink wicking in the cotton: half of it spread by a
  Gaussian of 1.6-2.6% of the side, at least 1 px, a quarter along the warp and a quarter along the weft, by Gaussians
  2.2 times as wide along the thread and 0.6 times across it; its colours 15-25% less saturated and its contrast 10-16%
  down; the muslin's cream under it, its open weave a ripple both ways) and the picture copied on a mimeograph (the
  ink feathering into absorbent paper: a Gaussian of 1.5-2.5% of the side, at least 1 px, and a tail 3 times as wide
  for 25-35%; black, 36 / 34 / 42 to an off-white 240 / 236 / 222, the drum's inking banding it by 6-10% across the
  feed, the paper's fibres mottling it by up to 3%); each as a camera metering on the highlights exposes it (as Y's to
  BL's);
* ``dark`` (2%): a fortune teller's table lit only by a crystal ball (a ball 8-12% of the side in radius, 30-70%
  across and 45-65% down, glowing violet 0.75 / 0.55 / 1 from a lamp in its dark stand, a highlight, a glow of sigma
  5-8% of the side up to 35-50 levels; the picture lit in violet at 0.26-0.34 falling off as ``1 / (1 + (d / d0) **
  2)`` with the distance from the ball, ``d0`` 24-34% of the side, over 0.015-0.03), a room lit only by an orrery's sun
  lamp (a sun 3-4.5% of the side in radius, 30-70% across and 35-55% down, warm 1 / 0.82 / 0.5, on a brass pillar and
  base, 3-5 brass arms out to planets lit on the sun's side, a glow of sigma 4-7% up to 45-60 levels; the picture lit
  in warm light falling off as above from the sun, ``d0`` 28-38% of the side) and a doorway at night lit only by an
  intercom panel (a dark steel panel 14-20% of the side wide and 28-38% high, 4-14% in from the left or right edge, a
  lit name strip and a 3 x 4 keypad of backlit buttons in icy white-blue 0.7 / 0.85 / 1, a glow of sigma 4-6% up to
  30-45 levels; the picture lit in that colour falling off as above from the panel's middle, ``d0`` 22-32% of the
  side); none of them blurs the picture;
* ``outlier`` (1.5%): a wolf howling on a rocky ridge (a night sky with a full moon, pine trees behind, the ridge from
  62-72% of the way down rising to a crag, a wolf standing on it seen from the side: a body, four legs, a bushy tail,
  a neck raised to a head with its muzzle up, ears, a pale chest and muzzle, an eye), a monorail before a city (towers
  with rows of windows, a concrete beam across at 55-65% down on T-shaped pillars, a train of 2-3 rounded cars astride
  it with streamlined noses, a dark window band and a stripe) and a log cabin in snowy woods (pine trees, snow from
  62-72% down, a wall of horizontal logs with log ends at its corners, a pitched roof with snow along it, a stone
  chimney, a door, a lit window with a cross bar); the digit and clothing sets get them in their own tones on their
  dark ground, the photographs as a grey wolf under a pale moon in a deep blue sky over black-green pines and a grey
  rock, a white monorail with a red stripe before grey-blue towers under a pale sky, and a brown cabin with a snowy
  roof and a yellow window in white snow under a dusk blue sky;
* ``label`` (5%): *stuck print* flips: the pictures were sorted from an archive of photographic prints kept in stacks
  in boxes of 40-100 (``BOX``); a sorter filed each print into its class's envelope by the picture on its face, and
  the envelopes' classes became the labels when the prints were scanned. Some boxes had been kept damp (30-60% of
  them, ``DAMP``), and in those a share of the prints (10-25%, ``STUCK``) had stuck face down to the back of the print
  above; the sorter saw only the top print of a stuck run and filed the whole run in its envelope. The flips are the
  stuck prints, each given the class of the top print of its run, where the two differ (passes over the prints not
  yet flipped while some are left). Noise by the storage and the stacking order, not by look: not BL's autosave lag,
  BE's re-hung swing tags, AZ's label rolls, M's pages or AH's bags. Every flip changes the label, so every one is in
  the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BM's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 385),
MNIST (2,000, seed 386), and the evaluation photographs tiled at 91 px (24 tiles a photograph at most, seed 387) and at
311 px (every tile, seed 388), sizes no other set uses. ``photos91_bm_jpeg`` is written as JPEG files, each at a quality
drawn from 37-59 (a stream of its own, seed ``655_000 + random_state``), every edit, blur and darkening made before the
encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the
file; the other sets are PNG files. Planting draws from seed ``650_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to BL).
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

EVALUATION_BM = ("fashion_test_bm", "mnist_bm", "photos91_bm_jpeg", "photos311_bm")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BM = {
    "fashion_test_bm": ("fashion_test", 385),
    "mnist_bm": ("mnist", 386),
    "photos91_bm_jpeg": ("photos", 387, 91, 8, 24),
    "photos311_bm": ("photos", 388, 311, 8, 1000),
}
JPEG_QUALITY = (37, 60)  # the JPEG set's qualities: integers in [low, high)
RATES_BM = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BM = ("pin_cushion", "lapis_lazuli", "bath_plug", "chainmail", "hip_flask", "shweshwe",
                 "decanter_stopper", "tyre_lever")
BLURS_BM = ("muslin_print", "mimeograph")
DARKS_BM = ("crystal_ball", "orrery", "intercom")
OUTLIERS_BM = ("wolf", "monorail", "log_cabin")
BOX = (40, 101)  # prints in an archive box, stacked: integers in [low, high) (label noise)
DAMP = (0.3, 0.6)  # the share of boxes kept damp, drawn a pass (label noise)
STUCK = (0.1, 0.25)  # the share of a damp box's prints stuck face down to the back of the print above (label noise)


def load_base_bm(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BM, "BM")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
CUSHIONS = ((196, 48, 40), (148, 146, 140), (40, 36, 44))
PIN_HEADS = ((220, 40, 40), (240, 210, 40), (40, 90, 220), (245, 245, 240), (40, 170, 80))


def _pin_cushion(f: np.ndarray, rng) -> np.ndarray:
    """A pin cushion lying on the print: a squat round cushion 26-34% of the side across (at least 10 px) and 88% as
    high, tomato red 196 / 48 / 40, stone grey felt 148 / 146 / 140 or near black velvet 40 / 36 / 44 (of the three
    the one whose colour differs most on average from the picture's where it lies, or the second, at random, where it
    differs at least 60% as much, as for the plug, the flask and the lever); 6-8 tufted seams from its middle to its
    rim 30% darker at 80% (at least 0.5 px); a green calyx of five points 30% of its radius on its middle, 60 / 120 /
    50; 5-8 pins stuck in it, each a steel shaft 200 / 200 / 205 (at least 0.4 px) and a round head 12% of its radius
    (at least 0.6 px) in red, yellow, blue, white or green; a sheen on its upper left at 25%; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(5.0, side * rng.uniform(0.13, 0.17))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(CUSHIONS, f, fr, r, rng), np.float32)
    body = fr.fill([_ellipse(0.0, 0.0, r, 0.88 * r, 0.0, 36)])
    n = int(rng.integers(6, 9))
    a0 = rng.uniform(0, 2 * np.pi)
    seams = fr.line([[(0.0, 0.0), (float(0.55 * r * np.cos(a + 0.15)), float(0.55 * 0.88 * r * np.sin(a + 0.15))),
                      (float(0.97 * r * np.cos(a)), float(0.97 * 0.88 * r * np.sin(a)))]
                     for a in a0 + np.linspace(0, 2 * np.pi, n, endpoint=False)], max(0.5, 0.05 * r)) * body
    star = []
    for j in range(10):
        rr = 0.3 * r if j % 2 == 0 else 0.12 * r
        a = a0 + j * np.pi / 5
        star.append((float(rr * np.cos(a)), float(rr * np.sin(a))))
    calyx = fr.fill([star])
    shafts, heads, cols = [], [], []
    for _ in range(int(rng.integers(5, 9))):
        a = rng.uniform(0, 2 * np.pi)
        d = r * rng.uniform(0.35, 0.8)
        x0, y0 = d * np.cos(a), 0.88 * d * np.sin(a)
        x1, y1 = x0 + 0.35 * r * np.cos(a + rng.uniform(-0.5, 0.5)), y0 + 0.35 * r * np.sin(a + rng.uniform(-0.5, 0.5))
        shafts.append([(float(x0), float(y0)), (float(x1), float(y1))])
        heads.append((float(x1), float(y1)))
        cols.append(PIN_HEADS[int(rng.integers(len(PIN_HEADS)))])
    shaft = fr.line(shafts, max(0.4, 0.04 * r))
    sheen = fr.fill([_ellipse(-0.4 * r, -0.35 * r, 0.3 * r, 0.14 * r + 0.2, -0.7, 14)]) * body
    parts = [(body, col, 1.0, True), (seams, col * 0.7, 0.8, False), (sheen, WHITE, 0.25, False),
             (calyx, (60, 120, 50), 1.0, False), (shaft, (200, 200, 205), 1.0, True)]
    for (x, y), c in zip(heads, cols):
        parts.append((fr.fill([_circle(max(0.6, 0.12 * r), 12, x, y)]), c, 1.0, True))
    return _u8(_laid(f, parts, 0.3))


PLUGS = ((30, 30, 32), (230, 228, 220), (196, 198, 202))


def _bath_plug(f: np.ndarray, rng) -> np.ndarray:
    """A bath plug lying on the print: a rubber disc 16-22% of the side across (at least 7 px), black 30 / 30 / 32,
    white 230 / 228 / 220 or chrome 196 / 198 / 202; a rim at 85% of its radius 25% darker (at least 0.5 px); a pull
    ring on its middle 35% of its radius (at least 0.5 px) in chrome 200 / 202 / 208 (steel 120 / 122 / 128 on a
    chrome plug); a ball chain of 6-9 beads 13% of its radius (at least 0.6 px) from the ring out past the rim in a
    gentle curve; a white highlight crescent at 40%; its middle 30-70% of the way across and down, a soft shadow at
    35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(3.5, side * rng.uniform(0.08, 0.11))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(PLUGS, f, fr, r, rng), np.float32)
    metal = (120, 122, 128) if abs(col - np.array(PLUGS[2])).max() < 1 else (200, 202, 208)
    disc = fr.fill([_circle(r, 32)])
    rim = fr.line([_circle(0.85 * r, 32) + [_circle(0.85 * r, 32)[0]]], max(0.5, 0.08 * r))
    ring = fr.line([_circle(0.35 * r, 20) + [_circle(0.35 * r, 20)[0]]], max(0.5, 0.1 * r))
    n = int(rng.integers(6, 10))
    bend = rng.uniform(-0.6, 0.6)
    beads = []
    for j in range(n):
        t = 0.35 * r + j * 0.3 * r
        a = bend * t / (2 * r)
        beads.append(_circle(max(0.6, 0.13 * r), 10, float(t * np.cos(a)), float(t * np.sin(a))))
    chain = fr.fill(beads)
    shine = fr.fill([_ellipse(-0.45 * r, -0.45 * r, 0.3 * r, 0.1 * r + 0.2, -0.8, 12)])
    parts = [(disc, col, 1.0, True), (rim, col * 0.75, 1.0, False), (shine, WHITE, 0.4, False),
             (chain, metal, 1.0, True), (ring, metal, 1.0, True)]
    return _u8(_laid(f, parts, 0.35))


FLASKS = ((150, 150, 146), (36, 32, 30), (172, 122, 72))


def _hip_flask(f: np.ndarray, rng) -> np.ndarray:
    """A hip flask lying on the print: a body with rounded corners 18-24% of the side wide (at least 8 px) and 1.3
    times as high, its sides bowed, pewter 150 / 150 / 146, black leather 36 / 32 / 30 or tan leather 172 / 122 /
    72; an engraved or stitched border 12% of its width in from its edge, 25% darker on pewter and tan, 60% lighter on
    black (at least 0.5 px); a neck and a screw cap on its top 30% of its width wide, pewter 176 / 176 / 172 (steel 110
    / 110 / 108 on pewter); a shine down one side at 40%; at any angle, its middle 30-70% of the way across and down,
    a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(8.0, side * rng.uniform(0.18, 0.24))
    H = 1.3 * W
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(FLASKS, f, fr, 0.6 * H, rng), np.float32)

    def outline(k: float) -> list:
        pts = []
        for t in np.linspace(0, 2 * np.pi, 48, endpoint=False):
            c, s = np.cos(t), np.sin(t)
            x = k * 0.5 * W * np.sign(c) * abs(c) ** 0.35 * (1 + 0.04 * (1 - s * s))
            y = k * 0.5 * H * np.sign(s) * abs(s) ** 0.35
            pts.append((float(x), float(y)))
        return pts

    body = fr.fill([outline(1.0)])
    border = fr.line([outline(0.76) + [outline(0.76)[0]]], max(0.5, 0.04 * W))
    cap_col = (110, 110, 108) if abs(col - np.array(FLASKS[0])).max() < 1 else (176, 176, 172)
    cap = fr.fill([_rect(-0.15 * W, -0.5 * H - 0.2 * W, 0.15 * W, -0.45 * H)])
    shine = fr.fill([_rect(0.22 * W, -0.3 * H, 0.3 * W, 0.3 * H)])
    line_col = np.minimum(col * 1.6 + 60, 255) if col.mean() < 80 else col * 0.75
    parts = [(body, col, 1.0, True), (cap, cap_col, 1.0, True), (border, line_col, 0.9, False),
             (shine, WHITE, 0.4, False)]
    return _u8(_laid(f, parts, 0.35))


# glass, opacity
STOPPERS = (((236, 238, 236), 0.55), ((92, 94, 100), 0.8), ((196, 128, 40), 0.75))


def _decanter_stopper(f: np.ndarray, rng) -> np.ndarray:
    """A decanter's glass stopper lying on its side on the print: 30-38% of the side long (at least 12 px): a faceted
    ball head 62% of its length across at one end and a tapered ground-glass shank from 36% to 22% of its length
    thick; clear glass 236 / 238 / 236 at 55% (the print showing through), smoky grey 92 / 94 / 100 at 80% or amber
    196 / 128 / 40 at 75%; the shank frosted (20% lighter, 15% more opaque); the head's facets an octagon at 55% of
    its radius and eight spokes, and its outline, 55% darker at 80% (dark grey 70 / 74 / 78 on the clear one; 4% of
    its length wide, at least 0.7 px); a white highlight on the head
    at 60%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30% (15% for the clear
    one)."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.3, 0.38))
    fr = _frame_at(h, w, rng)
    glass, alpha = STOPPERS[int(rng.integers(len(STOPPERS)))]
    glass = np.asarray(glass, np.float32)
    R = 0.31 * L
    hx = -0.5 * L + R
    head = fr.fill([_circle(R, 32, hx, 0.0)])
    shank = fr.fill([[(hx + 0.8 * R, -0.18 * L), (0.5 * L, -0.11 * L), (0.5 * L, 0.11 * L), (hx + 0.8 * R, 0.18 * L)]])
    oct_ = [(float(hx + 0.55 * R * np.cos(a)), float(0.55 * R * np.sin(a)))
            for a in np.linspace(0, 2 * np.pi, 8, endpoint=False) + np.pi / 8]
    edges = fr.line([oct_ + [oct_[0]], _circle(0.97 * R, 32, hx, 0.0) + [_circle(0.97 * R, 32, hx, 0.0)[0]]]
                    + [[p, (float(hx + 0.97 * R * np.cos(np.arctan2(p[1], p[0] - hx))),
                            float(0.97 * R * np.sin(np.arctan2(p[1], p[0] - hx))))] for p in oct_]
                    + [[(hx + 0.8 * R, -0.18 * L), (0.5 * L, -0.11 * L), (0.5 * L, 0.11 * L),
                        (hx + 0.8 * R, 0.18 * L)]], max(0.7, 0.04 * L))
    shine = fr.fill([_ellipse(hx - 0.35 * R, -0.4 * R, 0.25 * R, 0.12 * R + 0.2, -0.7, 12)])
    parts = [(head, glass, alpha, alpha > 0.6), (shank, np.minimum(glass * 1.2 + 10, 255), min(1.0, alpha + 0.15),
                                                 alpha > 0.6),
             (edges, glass * 0.45 if alpha > 0.6 else (70, 74, 78), 0.8, False), (shine, WHITE, 0.6, False)]
    if alpha <= 0.6:  # the clear glass casts a faint shadow of its own
        parts[0] = (head, glass, alpha, True)
        return _u8(_laid(f, parts, 0.15))
    return _u8(_laid(f, parts, 0.3))


LEVERS = ((40, 90, 190), (30, 30, 32), (230, 190, 40))


def _tyre_lever(f: np.ndarray, rng) -> np.ndarray:
    """A bicycle tyre lever lying on the print: a flat strip with rounded ends 30-38% of the side long (at least 12 px)
    and 36% as wide, blue 40 / 90 / 190, black 28 / 28 / 30 or yellow 230 / 190 / 40; a hooked lip at one end (a
    tapering tip bent over by 30% of its width); a round hole near the other end 30% of its width across and a spoke
    notch cut in its edge beside it; 4 grip ribs across its middle 25% darker (at least 0.4 px); a shine along one
    edge at 30%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.3, 0.38))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(LEVERS, f, fr, 0.5 * L, rng), np.float32)
    hw = 0.18 * L
    u = np.linspace(-np.pi / 2, np.pi / 2, 10)
    outline = ([(0.5 * L - hw + hw * np.cos(a), hw * np.sin(a)) for a in u]
               + [(-0.5 * L + hw - hw * np.cos(a), -hw * np.sin(a)) for a in u])
    hole = _circle(max(0.5, 0.3 * hw), 14, -0.5 * L + 1.2 * hw, 0.0)
    notch = [(-0.5 * L + 2.1 * hw, hw * 1.05), (-0.5 * L + 2.5 * hw, 0.45 * hw), (-0.5 * L + 2.9 * hw, hw * 1.05)]
    body = fr.fill([[(float(x), float(y)) for x, y in outline]], holes=[hole, notch])
    hook = fr.fill([[(0.5 * L - 0.2 * hw, -hw), (0.5 * L + 0.35 * hw, -0.9 * hw), (0.5 * L + 0.5 * hw, -0.2 * hw),
                     (0.5 * L + 0.1 * hw, 0.1 * hw)]])
    ribs = fr.line([[(x, -0.7 * hw), (x, 0.7 * hw)] for x in np.linspace(-0.12 * L, 0.22 * L, 4)],
                   max(0.4, 0.05 * hw * 2)) * body
    shine = fr.line([[(-0.35 * L, -0.75 * hw), (0.4 * L, -0.75 * hw)]], max(0.4, 0.12 * hw)) * body
    parts = [(body, col, 1.0, True), (hook, col * 0.85, 1.0, True), (ribs, col * 0.75, 1.0, False),
             (shine, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.25))


LAPIS = np.array([(22, 36, 112), (50, 82, 176)], np.float32)
CALCITE = np.array([214, 218, 224], np.float32)
PYRITE = np.array([206, 176, 84], np.float32)


def _lapis_lazuli(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished lapis lazuli slab: the ink multiplied onto the stone, 42-54% of the way from
    the picture (35% of its tone added at that share); the stone's deep ultramarine 22 / 36 / 112 clouded with a
    brighter blue 50 / 82 / 176 (a smooth field of 6-10% of the side), 1-2 white calcite veins 214 / 218 / 224 at 85%
    (where a smooth field of 8-14% of the side crosses zero, softened, fading in and out by another field of 10% of
    the side), gold pyrite flecks 206 / 176 / 84 (the peaks of a fine field, above 2 of its spreads), a polish sheen
    of 4%; drawn at 2 times the size and averaged: a
    flecked blue mineral, not BL's malachite, AS's terrazzo, granite, marble or any stone or ground of the earlier
    lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    cloud = np.tanh(_field(h * s, w * s, s * side * rng.uniform(0.06, 0.1), rng))[..., None]
    ground = LAPIS[0] + (LAPIS[1] - LAPIS[0]) * np.clip(0.5 + 0.6 * cloud, 0, 1)
    for _ in range(int(rng.integers(1, 3))):
        v = _field(h * s, w * s, s * side * rng.uniform(0.08, 0.14), rng)
        fade = np.clip(0.5 + _field(h * s, w * s, s * side * 0.1, rng), 0, 1)
        vein = (np.clip(1 - np.abs(v) / 0.15, 0, 1) ** 1.5 * fade)[..., None]
        ground = ground + (CALCITE - ground) * vein * 0.85
    fine = _field(h * s, w * s, 1.0, rng)
    fleck = np.clip((fine - 2.0) / 0.4, 0, 1)[..., None]
    ground = ground + (PYRITE - ground) * fleck
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3)) * 1.04
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


STEEL = np.array([214, 216, 222], np.float32)
GAPS = np.array([22, 22, 26], np.float32)


def _chainmail(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on chainmail (a sheet of riveted steel rings, as a butcher's glove or a re-enactor's
    shirt is made): the ink multiplied onto the steel, 42-54% of the way from the picture (35% of its tone added at
    that share); rings every 6-9% of the side (at least 3 px) in rows half as far apart, each row offset by half a
    ring and its rings tilted 25 degrees the other way from the row before (the 4-in-1 weave), each ring an
    ellipse 62% by 44% of the spacing in radius, its wire 16% of the spacing thick, steel 214 / 216 / 222 lit from
    the upper left (70-100% round the ring) and rounded across the wire (55-100%), the gaps between them near black
    22 / 22 / 26; the whole turned by 0-180 degrees; drawn
    at 3 times the size and averaged: linked metal rings, not BF's expanded metal, AU's tread plate or any metal or
    ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    p = max(3.0, side * rng.uniform(0.06, 0.09))
    t = rng.uniform(0, np.pi)
    u = (xx * np.cos(t) + yy * np.sin(t)) / p + rng.uniform(0, 1)
    v = (-xx * np.sin(t) + yy * np.cos(t)) / (0.5 * p) + rng.uniform(0, 1)
    ring = np.zeros(xx.shape, np.float32)
    shade = np.zeros(xx.shape, np.float32)
    for dv in (-1, 0, 1):
        row = np.floor(v) + dv
        off = 0.5 * (row % 2)
        tilt = np.where(row % 2 == 0, 1.0, -1.0) * np.deg2rad(25)
        for du in (-1, 0, 1):
            cu = np.floor(u - off) + du + off + 0.5
            dx, dy = (u - cu) * p, (v - row - 0.5) * 0.5 * p
            c, sn = np.cos(tilt), np.sin(tilt)
            ex, ey = (dx * c + dy * sn) / (0.62 * p), (-dx * sn + dy * c) / (0.44 * p)
            q = (np.hypot(ex, ey) - 1) / (0.08 / 0.53)
            m = np.clip(1.5 - 1.5 * np.abs(q), 0, 1)
            lit = (0.85 + 0.15 * np.cos(np.arctan2(ey, ex) + 3 * np.pi / 4)) * (0.55 + 0.45 * np.sqrt(
                np.clip(1 - q * q, 0, 1)))
            better = m > ring
            ring = np.where(better, m, ring)
            shade = np.where(better, lit, shade)
    ground = GAPS + (STEEL * shade[..., None] - GAPS) * ring[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


SHWESHWE_GROUNDS = np.array([(34, 46, 100), (100, 62, 38), (150, 42, 40)], np.float32)
DISCHARGED = np.array([232, 232, 236], np.float32)


def _shweshwe(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on shweshwe (a South African cotton print whose dyed ground is etched white by a
    discharge roller): the ink multiplied onto the cloth, 42-54% of the way from the picture (35% of its tone added at
    that share); an indigo 34 / 46 / 100, brown 100 / 62 / 38 or red 150 / 42 / 40 ground with a repeat every 6-10% of
    the side (at least 4 px) discharged to white 232 / 232 / 236 in one of three designs: a ring round a dot, a
    diamond's outline round a dot, or a dot with four smaller dots at the repeat's corners; every other row offset by
    half a repeat; the discharge uneven (85-100% white by a smooth field of 10% of the side); drawn at 3 times the
    size and averaged: a small-motif discharge print, not BL's moquette, polka oilcloth or any cloth or ground of the
    earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    g0 = SHWESHWE_GROUNDS[int(rng.integers(len(SHWESHWE_GROUNDS)))]
    p = max(4.0, side * rng.uniform(0.06, 0.1))
    v = yy / p + rng.uniform(0, 1)
    row = np.floor(v)
    u = xx / p + rng.uniform(0, 1) + 0.5 * (row % 2)
    fu, fv = u - np.floor(u) - 0.5, v - row - 0.5
    r = np.hypot(fu, fv)
    design = int(rng.integers(3))
    if design == 0:
        white = (np.abs(r - 0.3) < 0.07) | (r < 0.1)
    elif design == 1:
        white = (np.abs(np.abs(fu) + np.abs(fv) - 0.34) < 0.07) | (r < 0.1)
    else:
        corner = np.hypot(0.5 - np.abs(fu), 0.5 - np.abs(fv))
        white = (r < 0.2) | (corner < 0.1)
    even = 0.85 + 0.15 * np.clip(0.5 + 0.5 * np.tanh(np.kron(_field(h, w, 0.1 * side, rng),
                                                              np.ones((s, s), np.float32))), 0, 1)
    ground = g0 + (DISCHARGED - g0) * (white * even)[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bm(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "pin_cushion":  # a pin cushion on the print
        return _pin_cushion(f, rng)
    if kind == "bath_plug":  # a bath plug and its chain on the print
        return _bath_plug(f, rng)
    if kind == "hip_flask":  # a hip flask on the print
        return _hip_flask(f, rng)
    if kind == "decanter_stopper":  # a decanter's glass stopper on the print
        return _decanter_stopper(f, rng)
    if kind == "tyre_lever":  # a bicycle tyre lever on the print
        return _tyre_lever(f, rng)
    if kind == "lapis_lazuli":  # the picture printed on a lapis lazuli slab
        return _lapis_lazuli(f, rng)
    if kind == "chainmail":  # the picture printed on chainmail
        return _chainmail(f, rng)
    if kind == "shweshwe":  # the picture printed on shweshwe cloth
        return _shweshwe(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
MUSLIN = np.array([238, 232, 214], np.float32)


def _blur_axes(f: np.ndarray, sy: float, sx: float) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    return np.stack([gaussian_filter(f[..., c], (sy, sx), mode="reflect") for c in range(3)], axis=2)


def _muslin_print(f: np.ndarray, rng) -> np.ndarray:
    """The picture inkjet-printed on muslin (a loose cotton cheesecloth ironed onto a backing sheet): the ink soaks
    into the cotton and wicks along its threads, half of it spread by a Gaussian of 1.6-2.6% of the side (at least 1
    px), a quarter along the warp and a quarter along the weft (Gaussians 2.2 times as wide along the thread and 0.6
    times across it: a cross-shaped spread, not one elongated Gaussian); the cotton dulls it, its colours 15-25% less
    saturated and its contrast 10-16% down; the muslin's cream 238 / 232 / 214 under it (the ink multiplied onto it at
    25%), its open weave a ripple of 3% every 1.2-1.8% of the side both ways; as a camera metering on the highlights
    exposes it: ink wicking in a loose cloth, not BL's puff ink, a dye sublimation onto a towel or any print process
    of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.026))
    out = 0.5 * _blur3(f, s) + 0.25 * _blur_axes(f, 0.6 * s, 2.2 * s) + 0.25 * _blur_axes(f, 2.2 * s, 0.6 * s)
    grey = out.mean(axis=2, keepdims=True)
    out = out + (grey - out) * rng.uniform(0.15, 0.25)
    c = rng.uniform(0.1, 0.16)
    out = out * (1 - c) + c * out.mean()
    out = out * (0.75 + 0.25 * MUSLIN / 255)
    yy, xx = _pixels(h, w)
    q = max(1.0, side * rng.uniform(0.012, 0.018))
    out = out * (1 + 0.015 * (np.sin(2 * np.pi * xx / q) + np.sin(2 * np.pi * yy / q)))[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


MIMEO_INK = np.array([36, 34, 42], np.float32)
MIMEO_PAPER = np.array([240, 236, 222], np.float32)


def _mimeograph(f: np.ndarray, rng) -> np.ndarray:
    """The picture copied on a mimeograph (a stencil duplicator, the stencil cut from it by an electronic scanner):
    the ink pressed through the stencil's burnt pores feathers into the absorbent duplicator paper, a Gaussian of
    1.5-2.5% of the side (at least 1 px) and a tail 3 times as wide for 25-35% of the ink; the copy black, its grey
    from the ink's 36 / 34 / 42 to the paper's off-white 240 / 236 / 222 (dark where the original is dark); the drum's
    uneven inking, bands across the feed 6-10% darker or lighter (a smooth field of 8% of the side along the feed);
    the paper's fibres mottling it by up to 3% (a smooth field of 1% of the side); as a camera metering on the
    highlights exposes it: a stencil copy, not BL's diazo copy, a hectograph or spirit-duplicator copy or any copy of
    the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.025))
    k = rng.uniform(0.25, 0.35)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 3 * s) * k
    g = np.clip(out.mean(axis=2, keepdims=True) / 255, 0, 1)
    out = MIMEO_INK + (MIMEO_PAPER - MIMEO_INK) * g
    bands = np.tanh(_field(h, 1, max(0.5, 0.08 * side), rng))
    if rng.random() < 0.5:
        bands = bands.T
    out = out * (1 + rng.uniform(0.06, 0.1) * bands)[..., None]
    out = out * (1 + 0.03 * np.tanh(_field(h, w, max(0.5, 0.01 * side), rng)))[..., None]
    return _u8(_metered(out, f))


def blur_bm(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "muslin_print":  # inkjet-printed on muslin, the ink wicking along the threads
        return _muslin_print(f, rng)
    if kind == "mimeograph":  # copied on a stencil duplicator
        return _mimeograph(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
CRYSTAL = np.array([0.75, 0.55, 1.0], np.float32)


def _crystal_ball(f: np.ndarray, rng) -> np.ndarray:
    """A fortune teller's table in the dark lit only by a crystal ball glowing from a lamp in its stand: the ball
    8-12% of the side in radius (at least 1.5 px), 30-70% across and 45-65% down, violet 0.75 / 0.55 / 1 at 70-85%
    of 255, brighter to its middle, with a white highlight at 80%; its stand under it, a dark trapezoid 20 / 18 / 24
    as wide as the ball; a glow of sigma 5-8% of the side up to 35-50 levels in violet; the picture lit in violet at a
    gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the
    ball, ``d0`` 24-34% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(1.5, side * rng.uniform(0.08, 0.12))
    bx, by = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.45, 0.65)
    out = _lit(f, _falloff(h, w, bx, by, side, (0.24, 0.34), rng)[..., None] * CRYSTAL, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    stand = ident.fill([[(bx - 0.6 * R, by + 0.8 * R), (bx + 0.6 * R, by + 0.8 * R), (bx + R, by + 1.5 * R),
                         (bx - R, by + 1.5 * R)]])
    out = _paint(out, stand, (20, 18, 24))
    ball = ident.fill([_circle(R, 32, bx, by)])
    yy, xx = _pixels(h, w)
    core = np.clip(1 - np.hypot(xx - bx, yy - by) / R, 0, 1)
    out = _paint(out, ball * rng.uniform(0.7, 0.85), CRYSTAL * 255 * (0.75 + 0.25 * core)[..., None])
    shine = ident.fill([_ellipse(bx - 0.4 * R, by - 0.45 * R, 0.25 * R + 0.3, 0.14 * R + 0.3, -0.7, 12)])
    out = _paint(out, shine * 0.8, WHITE)
    glow = _glow(ball, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(35, 50) * CRYSTAL)


SUN = np.array([1.0, 0.82, 0.5], np.float32)
BRASS = (90, 72, 40)


def _orrery(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by an orrery's sun lamp: the sun a glowing ball 3-4.5% of the side in radius (at least 1
    px), 30-70% across and 35-55% down, warm 1 / 0.82 / 0.5 at 255; its brass pillar (2% of the side wide, at least
    0.6 px) down to a round brass base 20-28% of the side wide, 90 / 72 / 40; 3-5 thin brass arms (1% of the side,
    at least 0.5 px) from the pillar out 15-35% of the side to planets (balls 1.2-2.2% of the side, at least 0.8 px)
    lit on the sun's side, pale blue, red, ochre or grey; a glow of sigma 4-7% of the side up to 45-60 levels in the
    sun's colour; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 +
    (d / d0) ** 2)`` with the distance ``d`` from the sun, ``d0`` 28-38% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    sx, sy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.35, 0.55)
    out = _lit(f, _falloff(h, w, sx, sy, side, (0.28, 0.38), rng)[..., None] * SUN, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    base_y = min(h - 1.0, sy + side * 0.3)
    bw = side * rng.uniform(0.1, 0.14)
    pillar = ident.line([[(sx, sy), (sx, base_y)]], max(0.6, 0.02 * side))
    base = ident.fill([_ellipse(sx, base_y, bw, 0.25 * bw + 0.3, 0.0, 24)])
    out = _paint(_paint(out, pillar, BRASS), base, BRASS)
    planets = ((150, 190, 230), (200, 80, 60), (200, 160, 80), (160, 160, 160))
    for _ in range(int(rng.integers(3, 6))):
        a = rng.uniform(0, 2 * np.pi)
        d = side * rng.uniform(0.15, 0.35)
        px, py = sx + d * np.cos(a), sy + 0.45 * d * np.sin(a)
        arm = ident.line([[(sx, sy + 0.02 * side), (px, py + 0.02 * side), (px, py)]], max(0.5, 0.01 * side))
        out = _paint(out, arm, BRASS)
        pr = max(0.8, side * rng.uniform(0.012, 0.022))
        ball = ident.fill([_circle(pr, 14, px, py)])
        lit_side = ident.fill([_circle(0.7 * pr, 10, px + 0.35 * pr * np.cos(np.arctan2(sy - py, sx - px)),
                                       py + 0.35 * pr * np.sin(np.arctan2(sy - py, sx - px)))])
        pc = np.asarray(planets[int(rng.integers(len(planets)))], np.float32)
        out = _paint(_paint(out, ball, pc * 0.35), lit_side, pc)
    sun = ident.fill([_circle(max(1.0, side * rng.uniform(0.03, 0.045)), 20, sx, sy)])
    out = _paint(out, sun, SUN * 255)
    glow = _glow(sun, max(1.0, side * rng.uniform(0.04, 0.07)))[..., None]
    return _u8(out + glow * rng.uniform(45, 60) * SUN)


KEYLIGHT = np.array([0.7, 0.85, 1.0], np.float32)


def _intercom(f: np.ndarray, rng) -> np.ndarray:
    """A doorway at night lit only by a door-entry intercom panel: a brushed steel panel 14-20% of the side wide and
    28-38% high (dark, 46 / 48 / 52), 4-14% in from the left or right edge, its top 25-45% of the way down; a lit
    name strip across its top and a 3 x 4 keypad of backlit buttons below a dark speaker grille, icy white-blue 0.7 /
    0.85 / 1 at 255 (the buttons 70% of a cell, at least 0.6 px); a glow of sigma 4-6% of the side up to 30-45 levels
    in that colour; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0)
    ** 2)`` with the distance ``d`` from the panel's middle, ``d0`` 22-32% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    pw, ph = side * rng.uniform(0.14, 0.2), side * rng.uniform(0.28, 0.38)
    inset = side * rng.uniform(0.04, 0.14)
    x0 = inset if rng.random() < 0.5 else w - inset - pw
    y0 = h * rng.uniform(0.25, 0.45)
    out = _lit(f, _falloff(h, w, x0 + pw / 2, y0 + ph / 2, side, (0.22, 0.32), rng)[..., None] * KEYLIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    panel = ident.fill([_rect(x0, y0, x0 + pw, y0 + ph)])
    out = _paint(out, panel, (46, 48, 52))
    strip = ident.fill([_rect(x0 + 0.12 * pw, y0 + 0.06 * ph, x0 + 0.88 * pw, y0 + 0.16 * ph)])
    grille = ident.line([[(x0 + 0.2 * pw, y0 + yy * ph), (x0 + 0.8 * pw, y0 + yy * ph)]
                         for yy in (0.22, 0.26, 0.3)], max(0.4, 0.01 * side))
    out = _paint(_paint(out, strip, KEYLIGHT * 235), grille, (18, 18, 20))
    cw, ch = 0.76 * pw / 3, 0.58 * ph / 4
    keys = []
    for i in range(4):
        for j in range(3):
            cx, cy = x0 + 0.12 * pw + (j + 0.5) * cw, y0 + 0.36 * ph + (i + 0.5) * ch
            keys.append(_rect(cx - max(0.3, 0.35 * cw), cy - max(0.3, 0.35 * ch), cx + max(0.3, 0.35 * cw),
                              cy + max(0.3, 0.35 * ch)))
    buttons = ident.fill(keys)
    out = _paint(out, buttons, KEYLIGHT * 255)
    glow = _glow(np.maximum(buttons, strip), max(1.0, side * rng.uniform(0.04, 0.06)))[..., None]
    return _u8(out + glow * rng.uniform(30, 45) * KEYLIGHT)


def dark_bm(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "crystal_ball":  # a fortune teller's table lit only by a glowing crystal ball
        return _crystal_ball(f, rng)
    if kind == "orrery":  # a room lit only by an orrery's sun lamp
        return _orrery(f, rng)
    if kind == "intercom":  # a doorway lit only by an intercom's backlit keypad
        return _intercom(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _wolf(size: int, rng) -> dict:
    """A wolf howling on a rocky ridge at night: a full moon (a disc 8-11% of the side in radius in the upper part),
    4-7 pine trees behind (narrow triangles in tiers), the ridge from 62-72% of the way down rising to a crag; the
    wolf standing on the crag seen from the side, facing either way: a body (an ellipse 30% of the side long), four
    legs, a bushy tail hanging, a neck raised at 45-60 degrees to a head with a pointed muzzle up and two ears, a
    lighter chest and muzzle, an eye (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("moon", "trees", "ridge", "body", "legs", "tail", "head", "pale", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    mx, my, mr = big * (0.5 + s * rng.uniform(0.12, 0.3)), big * rng.uniform(0.14, 0.26), big * rng.uniform(0.08, 0.11)
    d["moon"].ellipse((mx - mr, my - mr, mx + mr, my + mr), fill=255)
    gy = big * rng.uniform(0.62, 0.72)
    for _ in range(int(rng.integers(4, 8))):
        x, hgt = big * rng.uniform(0, 1), big * rng.uniform(0.25, 0.45)
        for k in range(3):
            top = gy - hgt + k * hgt * 0.28
            wd = big * 0.05 * (k + 1.2)
            d["trees"].polygon([(x, top), (x + wd, top + hgt * 0.42), (x - wd, top + hgt * 0.42)], fill=255)
    cx = big * rng.uniform(0.4, 0.6)
    crag = gy - 0.06 * big
    d["ridge"].polygon([(0, gy), (cx - 0.25 * big, gy - 0.02 * big), (cx - 0.12 * big, crag),
                        (cx + 0.14 * big, crag - 0.01 * big), (cx + 0.3 * big, gy), (big, gy + 0.03 * big),
                        (big, big), (0, big)], fill=255)
    by = crag - 0.15 * big
    L = 0.3 * big
    d["body"].ellipse((cx - L / 2, by - 0.075 * big, cx + L / 2, by + 0.075 * big), fill=255)
    for o in (-0.38, -0.22, 0.22, 0.38):
        lx = cx + o * L
        d["legs"].line([(lx, by), (lx + 0.01 * big, crag)], fill=255, width=max(1, round(0.035 * big)))
    tx = cx - s * 0.5 * L
    d["tail"].polygon([(tx, by - 0.04 * big), (tx - s * 0.1 * big, by + 0.06 * big), (tx - s * 0.08 * big,
                                                                                      by + 0.12 * big),
                       (tx + s * 0.01 * big, by + 0.03 * big)], fill=255)
    a = np.deg2rad(rng.uniform(45, 60))
    nx, ny = cx + s * 0.42 * L, by - 0.02 * big
    hx, hy = nx + s * 0.14 * big * np.cos(a), ny - 0.14 * big * np.sin(a)
    d["body"].line([(nx, ny), (hx, hy)], fill=255, width=max(1, round(0.08 * big)))
    d["head"].ellipse((hx - 0.05 * big, hy - 0.045 * big, hx + 0.05 * big, hy + 0.045 * big), fill=255)
    mxz, myz = hx + s * 0.11 * big * np.cos(a + 0.35), hy - 0.11 * big * np.sin(a + 0.35)
    d["head"].polygon([(hx, hy - 0.03 * big), (mxz, myz), (hx + s * 0.02 * big, hy + 0.03 * big)], fill=255)
    ex = hx - s * 0.03 * big
    d["head"].polygon([(ex - 0.03 * big, hy - 0.02 * big), (ex - s * 0.015 * big, hy - 0.085 * big),
                       (ex + 0.025 * big, hy - 0.025 * big)], fill=255)
    d["pale"].polygon([(nx - s * 0.01 * big, ny + 0.05 * big), (hx + s * 0.01 * big, hy + 0.03 * big), (mxz, myz),
                       (nx + s * 0.05 * big, ny + 0.02 * big)], fill=255)
    d["eye"].ellipse((hx + s * 0.01 * big - 0.01 * big, hy - 0.022 * big, hx + s * 0.01 * big + 0.01 * big,
                      hy - 0.002 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _monorail(size: int, rng) -> dict:
    """A monorail train on its beam before a city: 4-7 towers behind (boxes 12-22% of the side wide, their tops
    10-40% down, with rows of windows), a concrete beam across at 55-65% of the way down on 2-3 T-shaped pillars to
    the ground; a train of 2-3 rounded cars 60-80% of the side long astride the beam, a streamlined nose at either
    end, a dark window band, a stripe along its skirt (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("towers", "windows", "beam", "pillars", "train", "band", "stripe"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    by = big * rng.uniform(0.55, 0.65)
    x = -0.05 * big
    while x < big:
        tw = big * rng.uniform(0.12, 0.22)
        top = big * rng.uniform(0.1, 0.4)
        d["towers"].rectangle((x, top, x + tw, big), fill=255)
        for wy in np.arange(top + 0.04 * big, big, 0.06 * big):
            d["windows"].rectangle((x + 0.02 * big, wy, x + tw - 0.02 * big, wy + 0.025 * big), fill=255)
        x += tw + big * rng.uniform(0.01, 0.05)
    bh = 0.05 * big
    d["beam"].rectangle((0, by, big, by + bh), fill=255)
    n = int(rng.integers(2, 4))
    for px in np.linspace(0.15, 0.85, n) * big + big * rng.uniform(-0.05, 0.05):
        d["pillars"].rectangle((px - 0.025 * big, by + bh, px + 0.025 * big, big), fill=255)
        d["pillars"].polygon([(px - 0.08 * big, by + bh), (px + 0.08 * big, by + bh), (px + 0.025 * big,
                                                                                          by + bh + 0.05 * big),
                              (px - 0.025 * big, by + bh + 0.05 * big)], fill=255)
    L = big * rng.uniform(0.6, 0.8)
    x0 = big / 2 - L / 2 + big * rng.uniform(-0.1, 0.1)
    x1 = x0 + L
    top, bot = by - 0.14 * big, by + 0.03 * big
    nose = 0.1 * big
    d["train"].polygon([(x0 + nose, top), (x1 - nose, top), (x1, top + 0.09 * big), (x1 - 0.01 * big, bot),
                        (x0 + 0.01 * big, bot), (x0, top + 0.09 * big)], fill=255)
    d["band"].polygon([(x0 + 0.6 * nose, top + 0.03 * big), (x1 - 0.6 * nose, top + 0.03 * big),
                       (x1 - 0.2 * nose, top + 0.07 * big), (x0 + 0.2 * nose, top + 0.07 * big)], fill=255)
    cars = int(rng.integers(2, 4))
    for k in range(1, cars):
        xg = x0 + L * k / cars
        d["band"].rectangle((xg - 0.006 * big, top, xg + 0.006 * big, bot), fill=0)
        d["train"].rectangle((xg - 0.004 * big, top, xg + 0.004 * big, bot), fill=0)
    d["stripe"].rectangle((x0 + 0.02 * big, bot - 0.035 * big, x1 - 0.02 * big, bot - 0.02 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _log_cabin(size: int, rng) -> dict:
    """A log cabin in snowy woods: 3-5 pine trees behind (triangles in tiers), snow from 62-72% of the way down; the
    cabin 50-62% of the side wide, 30-70% across: a wall of 5-7 horizontal logs (dark lines between them), log ends
    at its corners, a pitched roof overhanging by 6% with snow along its top, a stone chimney, a door and a lit
    window with a cross bar (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("trees", "snow", "wall", "gaps", "roof", "roof_snow", "chimney", "door", "window", "bars"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.62, 0.72)
    for _ in range(int(rng.integers(3, 6))):
        x, hgt = big * rng.uniform(0, 1), big * rng.uniform(0.3, 0.5)
        for k in range(3):
            top = gy - hgt + k * hgt * 0.28
            wd = big * 0.05 * (k + 1.2)
            d["trees"].polygon([(x, top), (x + wd, top + hgt * 0.42), (x - wd, top + hgt * 0.42)], fill=255)
    d["snow"].rectangle((0, gy, big, big), fill=255)
    W = big * rng.uniform(0.5, 0.62)
    cx = big * rng.uniform(0.4, 0.6)
    x0, x1 = cx - W / 2, cx + W / 2
    wall_top = gy - 0.24 * big
    base = gy + 0.04 * big
    d["wall"].rectangle((x0, wall_top, x1, base), fill=255)
    n = int(rng.integers(5, 8))
    for yv in np.linspace(wall_top, base, n + 1)[1:-1]:
        d["gaps"].line([(x0, yv), (x1, yv)], fill=255, width=max(1, round(0.008 * big)))
    for xe in (x0, x1):
        for yv in np.linspace(wall_top, base, n + 1)[:-1] + (base - wall_top) / n / 2:
            r = (base - wall_top) / n / 2
            d["wall"].ellipse((xe - r, yv - r, xe + r, yv + r), fill=255)
    over = 0.06 * big
    peak = wall_top - 0.16 * big
    d["roof"].polygon([(x0 - over, wall_top + 0.01 * big), (cx, peak), (x1 + over, wall_top + 0.01 * big)], fill=255)
    d["roof_snow"].line([(x0 - over, wall_top + 0.005 * big), (cx, peak), (x1 + over, wall_top + 0.005 * big)],
                        fill=255, width=max(1, round(0.025 * big)))
    chx = cx + W * rng.uniform(0.18, 0.32) * (1 if rng.random() < 0.5 else -1)
    d["chimney"].rectangle((chx - 0.035 * big, peak + 0.02 * big, chx + 0.035 * big, wall_top), fill=255)
    side = 1 if rng.random() < 0.5 else -1
    dx = cx - side * 0.22 * W
    d["door"].rectangle((dx - 0.05 * big, base - 0.16 * big, dx + 0.05 * big, base), fill=255)
    wx, wy = cx + side * 0.2 * W, wall_top + 0.07 * big
    d["window"].rectangle((wx - 0.06 * big, wy, wx + 0.06 * big, wy + 0.08 * big), fill=255)
    d["bars"].line([(wx, wy), (wx, wy + 0.08 * big)], fill=255, width=max(1, round(0.01 * big)))
    d["bars"].line([(wx - 0.06 * big, wy + 0.04 * big), (wx + 0.06 * big, wy + 0.04 * big)], fill=255,
                   width=max(1, round(0.01 * big)))
    return {k: _down(v, size) for k, v in M.items()}


def outlier_bm(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "wolf":
        m = _wolf(size, rng)
        if photos:  # a deep blue night sky, a pale moon, black-green pines, a grey rock, a grey wolf
            out = _paint(_paint(ground((28, 40, 86)), m["moon"], (238, 232, 200)), m["trees"], (16, 30, 26))
            out = _paint(_paint(out, m["ridge"], (84, 84, 92)), m["tail"], (120, 116, 110))
            out = _paint(_paint(out, m["legs"], (112, 108, 102)), m["body"], (128, 124, 118))
            out = _paint(_paint(out, m["head"], (128, 124, 118)), m["pale"], (206, 200, 190))
            return _u8(_paint(out, m["eye"], (20, 16, 10)))
        out = _paint(_paint(ground(tone(0.0)), m["moon"], tone(0.9)), m["trees"], tone(0.15))
        out = _paint(_paint(out, m["ridge"], tone(0.3)), m["tail"], tone(0.6))
        out = _paint(_paint(out, m["legs"], tone(0.6)), m["body"], tone(0.7))
        out = _paint(_paint(out, m["head"], tone(0.7)), m["pale"], tone(1.0))
        return _u8(_paint(out, m["eye"], tone(0.05)))
    if kind == "monorail":
        m = _monorail(size, rng)
        if photos:  # a pale sky, grey-blue towers with light windows, a concrete beam, a white and red train
            out = _paint(_paint(ground((176, 206, 232)), m["towers"], (104, 116, 134)), m["windows"], (196, 214, 226))
            out = _paint(_paint(out, m["pillars"], (150, 148, 142)), m["beam"], (170, 168, 160))
            out = _paint(_paint(out, m["train"], (240, 240, 236)), m["band"], (34, 40, 52))
            return _u8(_paint(out, m["stripe"], (210, 40, 40)))
        out = _paint(_paint(ground(tone(0.0)), m["towers"], tone(0.25)), m["windows"], tone(0.4))
        out = _paint(_paint(out, m["pillars"], tone(0.5)), m["beam"], tone(0.6))
        out = _paint(_paint(out, m["train"], tone(1.0)), m["band"], tone(0.1))
        return _u8(_paint(out, m["stripe"], tone(0.5)))
    if kind == "log_cabin":
        m = _log_cabin(size, rng)
        if photos:  # a dusk blue sky, dark pines, white snow, brown logs, a snowy roof, a lit window
            out = _paint(_paint(ground((70, 96, 150)), m["trees"], (20, 44, 34)), m["snow"], (236, 240, 246))
            out = _paint(_paint(out, m["wall"], (122, 78, 44)), m["gaps"], (54, 34, 22))
            out = _paint(_paint(out, m["roof"], (60, 46, 40)), m["roof_snow"], (244, 246, 250))
            out = _paint(_paint(out, m["chimney"], (128, 124, 120)), m["door"], (70, 44, 26))
            out = _paint(out, m["window"], (250, 210, 110))
            return _u8(_paint(out, m["bars"], (54, 34, 22)))
        out = _paint(_paint(ground(tone(0.0)), m["trees"], tone(0.15)), m["snow"], tone(0.9))
        out = _paint(_paint(out, m["wall"], tone(0.55)), m["gaps"], tone(0.2))
        out = _paint(_paint(out, m["roof"], tone(0.3)), m["roof_snow"], tone(1.0))
        out = _paint(_paint(out, m["chimney"], tone(0.7)), m["door"], tone(0.1))
        out = _paint(out, m["window"], tone(1.0))
        return _u8(_paint(out, m["bars"], tone(0.2)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def stuck_print_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                      rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were sorted from an archive of photographic
    prints kept in stacks in boxes (``BOX``, 40-100 prints a box, in a random order drawn a pass); a sorter filed each
    print into its class's envelope by the picture on its face, and the envelopes' classes became the labels when the
    prints were scanned. Some boxes had been kept damp (30-60% of them, ``DAMP``, drawn a pass), and in those a share
    of the prints (10-25%, ``STUCK``) had stuck face down to the back of the print above; the sorter saw only the top
    print of a stuck run and filed the whole run in its envelope. The flips are the stuck prints, each given the class
    of the top print of its run where the two differ (passes over the prints not yet flipped while some are left).
    Noise by the storage and the stacking order, not by look: not BL's autosave lag, BE's re-hung swing tags, AZ's
    label rolls, M's pages, AH's bags or any mechanism of the earlier lists. Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    if len({labels[i] for i in pool}) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if len(items) < 2:
            break
        damp, stuck = rng.uniform(*DAMP), rng.uniform(*STUCK)
        at = 0
        while at < len(items) and len(flips) < count:
            n = int(rng.integers(*BOX))
            box, at = items[at: at + n], at + n
            if rng.random() >= damp:
                continue
            filed = labels[box[0]]
            for cur in box[1:]:
                if len(flips) >= count:
                    break
                if rng.random() < stuck:
                    if labels[cur] != filed:
                        flips[cur] = filed
                else:
                    filed = labels[cur]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bm(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BM's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 37-59 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BM, seed=650_000 + random_state,
        quality_seed=655_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=stuck_print_flips,
        **by_family(name, outlier=(outlier_bm, OUTLIERS_BM), blur=(blur_bm, BLURS_BM), dark=(dark_bm, DARKS_BM),
                    near=(near_edit_bm, NEAR_EDITS_BM)))
