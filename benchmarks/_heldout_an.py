"""Generator AN: fresh EVALUATION sets after generator AM's run (never used to choose anything).

Why a thirty-eighth evaluation generator: generator AM's sets have been run, and what they showed may inform the next
changes (the commit subjects since name AM's one run: dark at or above 0.90 on three sets, calibration +8.9%, blurry
0 on the 38 px JPEG tiles, below CleanVision, near_duplicate 0.78-0.86 on digits and tiles; the copies' pass
pipelined; near_duplicate comparing a grey picture and a copy painted on in colour on the cells where neither has
colour, a new statistic chroma16 and image pass version 14, AM's clothing and digits 102 -> 116 and 90 -> 118 of
120), so they will not stay untouched; AN is a held-out measurement of the code after that run, of families of its
own (AN's writer read no docs, logs, result files or commit bodies: only the commit subjects, the library's code and
the earlier generators' and tuning tools' files, to copy their structure and to avoid their families). Since the
new statistic looks at colour painted on a grey picture, AN's edits are not all brightly coloured: some are grey,
dark or translucent. Generator AN was written before any tool was run on it (only its pictures were looked at, on
contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 45 and 236 px, to check that every edit
is visible, every blur blurred, every darkened image dark with its picture still in it and every outlier foreign,
and the planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs,
darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs:
Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips),
no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V,
W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Like AC's to AM's it has two blur families, not three. Left out
because an earlier generator made them or left them out: among objects on the print a toothbrush, a comb, a
screwdriver or chopsticks (O's pencil, N's ruler, as AD, AE and AG listed), a feather (O's leaf), a guitar pick
(AB's cheese wedge), a wristwatch or a starfish (M's clocks, F's starbursts), a fork (W's teaspoon), a candy cane
(W's sweets), a rubber band (T's charging cable), a mushroom (U's umbrellas), a bulb of garlic (AI's ginger root), a
fishing float (round things), a wine cork (W's battery), a spinning top (Y's fidget spinner), a pea pod (Z's
carrot), a blister pack (S's bubble wrap); of the whole picture a cobweb (M's cracked screen), a postmark (L's
rubber stamp), a highlighter's strokes (H's and K's marks), a blob of correction fluid (N's ink splash), foxing (G's
dust spots), staples (N's paper clip), petals (U's confetti), popcorn (X's coffee beans), ruled notebook lines (G's
scan lines), a chain or barbed wire draped across (T's charging cable), a hair on the glass (G's scratches); among
blurs lens fungus (K's dirty lens), turbid water (K's dirty lens), a print on corrugated card (V's banner), a gel
plate monoprint (AE's gum print), a stocking or a sheer curtain over the lens (O's stocking), tracing paper or a
shower curtain (I's frosted glass), encaustic wax (AG's fused glass), a zone plate (P's pinhole), a cyanotype (AG's
and V's lists); among darkenings glow sticks, a lava lamp or a neon sign (I's lamp, W's plasma globe), a UV nail
lamp (M's blacklight), a fibre-optic lamp (N's fairy lights), an illuminated globe (AF's list), a balloon with an
LED in it (AG's paper star), a fireplace's or a barbecue's embers (Q's campfire), a sparkler (F's starbursts), a
doorbell's light ring (AE's speaker ring), fireflies (N's fairy lights); among foreign pictures a lighthouse, a
windmill or a tractor (AE's list), a water tower or an oil rig (AD's lifeguard tower), a circus ring (AC's stage),
a scarecrow (a T-shirt), an igloo, a beehive, pyramids or a pagoda (AC's, AE's, AD's and Z's lists); among label
noise a spreadsheet's fill-down (M's pages, U's shifted rows), reordered class buttons (B's map), a board of
exemplars (L's auto-labeller), a guideline misread (Q's), a labeller shown the pictures inverted (Q's turned view).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 236 px
  set's four copies get both kinds): an ice cube melting on the print (a rounded square 22-30% of the side across, at
  least 7 px, clear ice under a pale blue-white veil at 35%, a cloudy core at 40%, its rim catching the light at 65%,
  a glint at 75%, a wet puddle round it darkening the print by 18%; at any angle, 30-70% of the way across and down, a
  faint shadow at 15%), a wing nut (34-44% of the side across its wings, at least 10 px, a round boss with its dark
  threaded hole and two rounded wings, zinc grey, dark steel or brass, whichever two show most against the picture's
  median grey, the wings 15% darker, a sheen; the same place, a shadow at 45%), a nail clipper (40-50% of the side
  long, at least 12 px, a jaw bar 18% of that wide, a lever on top 12% lighter, a dark pivot pin and cutting gap,
  chrome, black, pink or pale blue, a sheen; the same place, a shadow at 40%), a shoehorn (50-62% of the side long, at
  least 14 px, a handle 12% of that wide with a hanging hole widening to a scooped blade 28% wide with a rounded lip,
  tortoiseshell brown, black, steel or red, the scoop 25% darker, a sheen; the same place and shadow) and a rolled-up
  party blower (50-60% of the side long, at least 14 px, a mouthpiece and a paper tube 7% of that wide, at least 1.2
  px, running straight and curling into a coil of 1.6-2.2 turns, red, gold, blue, green or pink foil, white stripes
  from 48 px, a sheen; the same place, a shadow at 35%); of the whole picture: hot-glue strings (3-4 below 48 px, 6-10
  above, from edge to edge, wavering by 4-8% of the side, 1% of the side wide, at least 0.9 px, a milky white at 70%
  with a darker edge at 25%, 2-3 blobs below 48 px, 4-6 above, each with a glint: translucent threads, not AK's
  spaghetti or AG's termite tubes), a henna design (a vine from edge to edge with leaves and 2 paisleys below 48 px,
  3-4 above, 28-36% of the side long below 48 px, 16-22% above, each an outline, an inner outline and a dot, in the
  quarters in turn, a henna stain's orange on a dark ground, brown on a light one, at 85%, lines 1.4% of the side
  wide, at least 0.8 px: a drawn ornament, not V's doily or U's guilloche) and a pupil's pen doodles (3-4 below 48 px,
  6-9 above, stars, outlined cubes, hearts, lightning bolts and spirals, 18-24% of the side across below 48 px, 10-14%
  above, in the quarters in turn, turned by up to 0.5 radians, in one of the two pens (a blue or black ballpoint, a
  silver, light blue or pink gel pen) that show most against the picture's median grey, lines 1.2% of the side wide,
  at least 1 px, at 85%: drawings, not AM's red-pen marks, T's crayon scribble or AK's tally marks);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through a pane of old cylinder glass a few centimetres in front of it
  (the glass's thickness rolling in long waves, a smooth random field of sigma 3% of the side across them and 18%
  along, across or down the picture, throwing the picture out of focus, a Gaussian of 1.6-2.4% of the side, at
  least 1 px, for 70% of it and one 3 times as wide for the rest, and moving it by up to 2% of the side, at least
  0.8 px, across the waves, faintly green, reflecting the room at 6%, from 48 px 4-8 seeds (air bubbles): old
  window glass, not L's reeded glass, V's cut glass or I's frosted glass) and the picture printed on a three-ply
  paper napkin (the ink wicking along the crepe's fibres, a Gaussian of 2.2-3.0% of the side, at least 1.2 px, along
  them and 1.2-1.6%, at least 0.8 px, across, for 65% of it and one 2.5 times as wide for the rest, contrast 82% over
  a white, cream or blue-white tissue, the crepe's wavering ridges, 2.5% of the side apart, at least 2 px, shading
  it by 6%: ink in creped tissue, not Q's ink bleed in paper or AM's dye in a towel's pile); each as a camera
  metering on the highlights exposes it (as Y's to AM's);
* ``dark`` (2%): a dark study lit only by a banker's desk lamp standing in the picture (a brass stem from a base at
  the bottom, 25-75% of the way across, a green glass half-cylinder shade 28-34% of the side wide, its lip 40-55% of
  the way down, glowing a dim green, the bulb's light spilling under the lip, a warm 1.0 / 0.86 / 0.62; a glow of
  sigma 3-5% of the side up to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.3-0.4 falling off as
  ``1 / (1 + (d / d0) ** 2)`` from the lip, ``d0`` 26-36% of the side, 30% of that above the lip; noise sigma 1.2
  levels: a shaded desk lamp low in the picture, not I's lamp or AM's book light), a parked car at night lit only by
  its interior dome light (a dark headliner band along the top 4-7% of the side deep, the lens in it 20-80% of the
  way across, 16-22% of the side wide and 5% high, at least 2 px, a warm white, 1.0 / 0.95 / 0.84, in a grey bezel;
  a glow of sigma 3-6% of the side up to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.3-0.4 falling
  off as ``1 / (1 + (d / d0) ** 2)`` from the lens, ``d0`` 26-40% of the side; noise sigma 1.2 levels: a ceiling
  lamp in a car, not AK's dashboard or AL's cooker hood) and a garden at night lit only by a solar stake light (a
  black spike from the bottom edge, 20-80% of the way across, to a frosted head 55-72% of the way down, 9-12% of the
  side wide and 8% high, at least 2 px, a cool 0.84 / 0.92 / 1.0 or a warm 1.0 / 0.88 / 0.66, under a dark cap with
  its solar cell; a glow of sigma 4-7% of the side up to 35-50 levels; the picture lit at a gain of 0.015-0.03 plus
  0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` from the head, ``d0`` 30-42% of the side, half of that above
  the cap; noise sigma 1.2 levels: a small glowing head low in the picture, not AK's moth trap or AJ's hot tub);
  none of them blurs the picture;
* ``outlier`` (1.5%): wishing wells in a garden seen from the front (a round stone wall with 3 courses of stones and
  its dark opening, two wooden posts, a pitched roof, a windlass with a crank, a rope down to a bucket, 1-2 bushes),
  dovecotes (a box house on a pole with a pitched roof, 2-3 rows of 2-4 arched doorways and their perches, 2-4
  pigeons) and seaside piers seen from the beach (the sea below a horizon 34-44% of the way down, a deck on 8-12
  braced legs from one edge across 70-88% of the width, a railing with 5-9 lamp posts, a pavilion with a domed
  roof at its far end); the digit and clothing sets get them in their own tones on their dark ground, the
  photographs as a pale blue sky over a green lawn, grey stone and a red, slate or green roof, a blue sky over a
  white dovecote and grey pigeons, and a pale sky over a blue-grey sea, pale sand and a white, green or red pier;
* ``label`` (5%): *conveyor* flips: the pictures were labelled on a sorting line. Printed on cards, the eligible
  pictures passed a camera on a conveyor belt in a random order, spaced by random gaps (an exponential of mean 1);
  a labeller keyed each card's class and an air jet blew it into that class's bin, and the labels were taken from
  the bins afterwards. The jet stays open for a window, so a card following the one before it closer than that was
  blown into the same bin (and the next, where it followed as close): the window is the smallest that sweeps 1.5
  times the flips into another class's bin, and the flips are drawn without replacement among those, the closer a
  card followed the likelier (``(1 - gap / window) ** 2 + 0.01``), each given its bin's class: the machine's
  timing, not the picture's look, not U's shifted rows (a block moved by one) or M's pages. Every flip changes the
  label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AN's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
285), MNIST (2,000, seed 286), and the evaluation photographs tiled at 45 px (24 tiles a photograph at most, seed 287:
404) and at 236 px (every tile, seed 288: 122), sizes no other set uses. ``photos45_an_jpeg`` is written as JPEG
files, each at a quality drawn from 60-85 (a stream of its own, seed ``405_000 + random_state``), every edit, blur
and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``400_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AM).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _rrect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_h import _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_o import _ground
from _heldout_p import _ellipse
from _heldout_q import _down
from _heldout_s import _pixels
from _heldout_v import _metered
from _heldout_x import _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AN = ("fashion_test_an", "mnist_an", "photos45_an_jpeg", "photos236_an")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AN = {
    "fashion_test_an": ("fashion_test", 285),
    "mnist_an": ("mnist", 286),
    "photos45_an_jpeg": ("photos", 287, 45, 8, 24),
    "photos236_an": ("photos", 288, 236, 8, 1000),
}
JPEG_QUALITY = (60, 86)  # the JPEG set's qualities: integers in [low, high)
RATES_AN = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (2 copies) gets both kinds
NEAR_EDITS_AN = ("ice_cube", "glue_strings", "wing_nut", "henna", "nail_clipper", "biro_doodles",
                 "shoehorn", "party_blower")
BLURS_AN = ("crown_glass", "napkin_print")
DARKS_AN = ("bankers_lamp", "dome_light", "solar_stake")
OUTLIERS_AN = ("wishing_well", "dovecote", "pier")
SWEEP_SHARE = 1.5  # the belt's window is widened until this many times the flips were swept into a wrong bin


def load_base_an(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AN, "AN")


# -- near copies -----------------------------------------------------------------------------
def _showing(f: np.ndarray, colours, rng) -> np.ndarray:
    """One of the two ``colours`` whose grey is furthest from the picture's median grey (the ones that show), at
    random."""
    lum = np.array([0.299, 0.587, 0.114], np.float32)
    grey = float(np.median(f @ lum))
    shows = np.argsort([-abs(float(np.dot(c, lum)) - grey) for c in colours], kind="stable")[:2]
    return np.asarray(colours[int(shows[int(rng.integers(2))])], np.float32)


def _ice_cube(f: np.ndarray, rng) -> np.ndarray:
    """An ice cube melting on the print: a rounded square 22-30% of the side across, at least 7 px, its corners
    rounded by 25%, turned any way, its middle 30-70% of the way across and down; clear ice, the picture seen
    through it under a pale blue-white veil at 35%, a cloudy white core 45% of it across at 40%, its rim (14% of
    the side of the cube, at least 0.8 px) catching the light at 65%, a glint along one edge at 75%; a wet
    puddle round it 1.4 times as wide darkening the print by 18%; a faint shadow at 15%."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(7.0, side * rng.uniform(0.22, 0.3))
    fr = _frame_at(h, w, rng)
    cube = fr.fill([_rrect(-s / 2, -s / 2, s / 2, s / 2, 0.25 * s, 5)])
    puddle = fr.fill([_ellipse(0.05 * s, 0.05 * s, 0.72 * s, 0.66 * s, 0.4, 24)])
    core = fr.fill([_ellipse(0.0, 0.0, 0.22 * s, 0.2 * s, 0.3, 14)]) * cube
    rim = fr.line([_rrect(-s / 2, -s / 2, s / 2, s / 2, 0.25 * s, 5) + [(-s / 2 + 0.25 * s, -s / 2)]],
                  max(0.8, 0.14 * s)) * cube
    glint = fr.line([[(-0.3 * s, -0.38 * s), (0.3 * s, -0.38 * s)]], max(0.5, 0.06 * s)) * cube
    out = f * (1 - 0.18 * puddle * (1 - cube))[..., None]
    parts = [(cube, (226, 238, 248), 0.35, True),
             (core, (246, 248, 250), 0.4, False),
             (rim, (236, 244, 252), 0.65, False),
             (glint, (255, 255, 255), 0.75, False)]
    return _u8(_laid(out, parts, 0.15))


NUTS = ((176, 178, 184), (92, 94, 100), (196, 164, 84))


def _wing_nut(f: np.ndarray, rng) -> np.ndarray:
    """A wing nut lying on the print: 34-44% of the side across its wings, at least 10 px; a round boss 30% of that
    across with its threaded hole (a dark disc 45% of the boss) and two flat wings, rounded, spreading up and out to
    either side, 36% of the span high; zinc-plated grey, dark steel or brass (of the three the two whose grey is
    furthest from the picture's median grey, the ones that show), the wings 15% darker than the boss, a
    sheen at 50% on the boss; at any angle, its middle 30-70% of the way across and down, a soft shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.34, 0.44))
    col = _showing(f, NUTS, rng)
    fr = _frame_at(h, w, rng)
    r = 0.15 * L
    wings = []
    for s in (-1, 1):
        wings.append([(s * 0.5 * r, -0.7 * r), (s * 0.5 * L, -0.5 * r - 0.18 * L), (s * 0.5 * L, -0.2 * r - 0.06 * L),
                      (s * 0.42 * L, 0.1 * L), (s * 0.6 * r, 0.75 * r)])
    wing = fr.fill(wings)
    boss = fr.fill([_ellipse(0.0, 0.0, r, r, 0.0, 16)])
    hole = fr.fill([_ellipse(0.0, 0.0, 0.45 * r, 0.45 * r, 0.0, 12)])
    sheen = fr.line([[(-0.7 * r, -0.3 * r), (-0.3 * r, -0.72 * r)]], max(0.4, 0.2 * r)) * boss
    parts = [(wing, col * 0.85, 1.0, True),
             (boss, col, 1.0, True),
             (hole, (20, 20, 22), 0.9, False),
             (sheen, (255, 255, 255), 0.5, False)]
    return _u8(_laid(f, parts, 0.45))


CLIPPERS = ((198, 200, 206), (36, 36, 40), (236, 150, 176), (120, 150, 200))


def _nail_clipper(f: np.ndarray, rng) -> np.ndarray:
    """A nail clipper lying on the print, seen from above: 40-50% of the side long, at least 12 px; its jaw a bar
    18% of that wide with a rounded tail and a curved cutting end, its lever on top 14% wide and 80% long, lighter
    by 12%, a pivot pin (a dark disc) near the cutting end and a dark gap along the jaw's end; chrome, black, pink
    or pale blue, a sheen along the lever at 45%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.4, 0.5))
    col = _pick(CLIPPERS, rng)
    fr = _frame_at(h, w, rng)
    W = 0.09 * L
    jaw = fr.fill([_rrect(-0.5 * L, -W, 0.5 * L, W, 0.9 * W, 6)])
    lever = fr.fill([_rrect(-0.46 * L, -0.78 * W, 0.34 * L, 0.78 * W, 0.7 * W, 6)])
    pin = fr.fill([_ellipse(0.3 * L, 0.0, 0.5 * W, 0.5 * W, 0.0, 10)])
    gap = fr.line([[(0.44 * L, -0.8 * W), (0.47 * L, 0.0), (0.44 * L, 0.8 * W)]], max(0.5, 0.2 * W)) * jaw
    sheen = fr.line([[(-0.4 * L, -0.35 * W), (0.25 * L, -0.35 * W)]], max(0.4, 0.25 * W)) * lever
    parts = [(jaw, col, 1.0, True),
             (lever, np.minimum(col * 1.12 + 12, 255), 1.0, False),
             (gap, col * 0.3, 1.0, False),
             (pin, col * 0.45, 1.0, False),
             (sheen, (255, 255, 255), 0.45, False)]
    return _u8(_laid(f, parts, 0.4))


HORNS = ((120, 70, 36), (30, 28, 30), (182, 184, 190), (170, 36, 40))


def _shoehorn(f: np.ndarray, rng) -> np.ndarray:
    """A shoehorn lying on the print: 50-62% of the side long, at least 14 px; a handle 12% of that wide with a
    hanging hole, widening along its length to a scooped blade 28% wide with a rounded lip; tortoiseshell brown,
    black, steel or red, the scoop's inside (a curve along the blade) 25% darker, a sheen along one edge at 40%; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.5, 0.62))
    col = _pick(HORNS, rng)
    fr = _frame_at(h, w, rng)
    xs = np.linspace(-0.5 * L, 0.36 * L, 10)
    half = 0.06 * L + 0.08 * L * ((xs + 0.5 * L) / (0.86 * L)) ** 1.5
    lip = [(0.36 * L + 0.14 * L * np.cos(u), 0.14 * L * np.sin(u)) for u in np.linspace(-np.pi / 2, np.pi / 2, 9)]
    body = fr.fill([list(zip(xs, -half)) + lip + list(zip(xs[::-1], half[::-1]))])
    hole = fr.fill([_ellipse(-0.42 * L, 0.0, 0.025 * L, 0.025 * L, 0.0, 10)])
    scoop = fr.line([[(x, 0.45 * hw) for x, hw in zip(xs[3:], half[3:])] + [(0.44 * L, 0.05 * L)]],
                    max(0.5, 0.03 * L)) * body
    sheen = fr.line([[(x, -0.7 * hw) for x, hw in zip(xs[1:], half[1:])]], max(0.4, 0.015 * L)) * body
    parts = [(body, col, 1.0, True),
             (scoop, col * 0.75, 1.0, False),
             (hole, col * 0.25, 1.0, False),
             (sheen, (255, 255, 255), 0.4, False)]
    return _u8(_laid(f, parts, 0.4))


BLOWERS = ((220, 40, 50), (240, 190, 40), (40, 110, 220), (60, 180, 90), (236, 110, 180))


def _party_blower(f: np.ndarray, rng) -> np.ndarray:
    """A party blower lying on the print, rolled up: 50-60% of the side long, at least 14 px; a white or coloured
    mouthpiece 16% of that long and 9% wide, a paper tube 7% wide, at least 1.2 px, running straight for 30% and
    curling into a coil of 1.6-2.2 turns of radius 18% of the length, in red, gold, blue, green or pink foil, with
    white stripes across it from 48 px, a sheen along it at 45%; at any angle, its middle 30-70% of the way across
    and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.5, 0.6))
    col = _pick(BLOWERS, rng)
    fr = _frame_at(h, w, rng)
    R = 0.18 * L
    turns = rng.uniform(1.6, 2.2)
    t = np.linspace(0, turns * 2 * np.pi, 48)
    rad = R * (1 - 0.75 * t / t[-1])
    cx = 0.5 * L - R
    coil = [(cx + r * np.sin(u), -R + r * np.cos(u)) for r, u in zip(rad, t)]
    path = [(-0.34 * L, 0.0), (cx, 0.0)] + coil
    tw = max(1.2, 0.07 * L)
    tube = fr.line([path], tw)
    mouth = fr.fill([_rrect(-0.5 * L, -0.045 * L, -0.32 * L, 0.045 * L, 0.02 * L, 4)])
    parts = [(tube, col, 1.0, True),
             (mouth, _pick(((248, 248, 246), (30, 30, 34), col * 0.7), rng), 1.0, True)]
    if side >= 48:
        stripes = [[(x, -0.6 * tw), (x, 0.6 * tw)] for x in np.arange(-0.28 * L, cx, 0.06 * L)]
        parts.append((fr.line(stripes, max(0.5, 0.3 * tw)) * tube, (250, 250, 250), 0.8, False))
    parts.append((fr.line([[(x, y - 0.25 * tw) for x, y in path[:3]]], max(0.4, 0.25 * tw)) * tube, (255, 255, 255),
                  0.45, False))
    return _u8(_laid(f, parts, 0.35))


def _strands(h: int, w: int, n: int, wav: float, rng) -> list:
    """``n`` wavering strands across the picture, each from a random point on one edge to one on another."""
    out = []
    for _ in range(n):
        e0, e1 = rng.choice(4, 2, replace=False)
        pts = []
        for e in (e0, e1):
            u = rng.uniform(0.1, 0.9)
            pts.append({0: (u * w, 0.0), 1: (float(w), u * h), 2: (u * w, float(h)), 3: (0.0, u * h)}[int(e)])
        (x0, y0), (x1, y1) = pts
        t = np.linspace(0, 1, 24)
        nx, ny = -(y1 - y0), x1 - x0
        nrm = max(float(np.hypot(nx, ny)), 1e-6)
        amp = wav * min(h, w) * rng.uniform(0.5, 1.0)
        ph, k = rng.uniform(0, 2 * np.pi), rng.uniform(1.0, 2.5)
        off = amp * np.sin(k * np.pi * t + ph) * np.sin(np.pi * t)
        out.append([(float(x0 + (x1 - x0) * s + o * nx / nrm), float(y0 + (y1 - y0) * s + o * ny / nrm))
                    for s, o in zip(t, off)])
    return out


def _glue_strings(f: np.ndarray, rng) -> np.ndarray:
    """Hot-glue strings over the whole print (a glue gun waved over it): 3-4 strands below 48 px, 6-10 above, each
    from one edge to another, wavering by 4-8% of the side, 1% of the side wide, at least 0.9 px, clear glue
    showing as a milky white at 70% with a darker edge at 25% (its refraction), 2-3 blobs below 48 px, 4-6 above,
    (4% of the side across, at least 2 px) where a strand starts or ends, a glint on each."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(3, 5)) if side < 48 else int(rng.integers(6, 11))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    paths = _strands(h, w, n, 0.08, rng)
    lw = max(0.9, 0.01 * side)
    k = int(rng.integers(2, 4)) if side < 48 else int(rng.integers(4, 7))
    blobs = []
    for j in range(k):
        x, y = paths[j % n][int(rng.integers(4, 20))]
        r = max(1.0, 0.02 * side)
        blobs.append(_ellipse(x, y, r, 0.8 * r, rng.uniform(0, np.pi), 12))
    glue = np.maximum(ident.line(paths, lw), ident.fill(blobs))
    edge = np.clip(ident.line(paths, 1.8 * lw) - glue, 0, 1)
    out = _paint(f, 0.25 * edge, (60, 60, 64))
    out = _paint(out, 0.7 * glue, (240, 240, 234))
    glints = ident.fill([_ellipse(b[0][0] - 0.3 * max(1.0, 0.02 * side), b[0][1], max(0.5, 0.006 * side),
                                  max(0.5, 0.006 * side), 0.0, 8) for b in blobs])
    return _u8(_paint(out, 0.8 * glints, (255, 255, 255)))


HENNA_DARK = ((196, 96, 40), (176, 84, 36), (214, 120, 56))  # the stain's orange, on a dark ground
HENNA_LIGHT = ((122, 52, 26), (78, 34, 22), (150, 62, 28))  # the paste's and a dark stain's browns


def _henna(f: np.ndarray, rng) -> np.ndarray:
    """A henna (mehndi) design drawn over the whole print: a vine from one edge to another wavering by 5-10% of the
    side, with leaves (pointed ovals 6% of the side long, every 12% of the side along it, alternately either side),
    and 2 paisleys below 48 px, 3-4 above (teardrops 28-36% of the side long below 48 px, 16-22% above, an outline
    and an inner outline at 60% of it, a dot at the heart, turned any way), spread over the picture's four quarters
    in turn; in a henna stain's orange where the print's ground is dark (its border's mean under 110), else a
    henna brown or dark brown, at 85%, lines 1.4% of the side wide, at least 0.8 px."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = _pick(HENNA_DARK if _ground(f) < 110 else HENNA_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lw = max(0.8, 0.014 * side)
    vine = _strands(h, w, 1, 0.1, rng)[0]
    lines = [vine]
    leaves = []
    step = max(2, int(round(24 * 0.12 * side / max(np.hypot(*np.subtract(vine[-1], vine[0])), 1.0))))
    for j, at in enumerate(range(2, 22, step)):
        (x0, y0), (x1, y1) = vine[at], vine[at + 1]
        a = np.arctan2(y1 - y0, x1 - x0) + (0.7 if j % 2 else -0.7)
        ll = max(2.0, 0.06 * side)
        leaves.append(_ellipse(x0 + 0.5 * ll * np.cos(a), y0 + 0.5 * ll * np.sin(a), 0.5 * ll, 0.2 * ll, a, 10))
    n = 2 if side < 48 else int(rng.integers(3, 5))
    quarters = rng.permutation(4)
    dots = []
    for j in range(n):
        q = int(quarters[j % 4])
        u = side * (rng.uniform(0.28, 0.36) if side < 48 else rng.uniform(0.16, 0.22))
        x = w * (0.15 + 0.35 * (q % 2) + rng.uniform(0.0, 0.35))
        y = h * (0.15 + 0.35 * (q // 2) + rng.uniform(0.0, 0.35))
        fr = _Frame((h, w), x, y, rng.uniform(0, 2 * np.pi))
        t = np.linspace(0, 2 * np.pi, 28)
        tear = [(0.5 * u * np.cos(v) - 0.12 * u * np.cos(2 * v), 0.28 * u * np.sin(v) * (1 + 0.4 * np.cos(v)))
                for v in t]
        lines.append(fr.at(tear))
        lines.append(fr.at([(0.6 * a + 0.08 * u, 0.6 * b) for a, b in tear]))
        dots.append(fr.at(_ellipse(0.12 * u, 0.0, max(0.6, 0.05 * u), max(0.6, 0.05 * u), 0.0, 8)))
    ink = np.maximum.reduce([ident.line(lines, lw), ident.fill(leaves), ident.fill(dots)])
    return _u8(_paint(f, 0.85 * ink, col))


# blue and black ballpoints, silver, light blue and pink gel pens
PENS = ((36, 58, 170), (28, 28, 34), (214, 214, 220), (96, 156, 250), (250, 110, 170))


def _biro_doodles(f: np.ndarray, rng) -> np.ndarray:
    """A bored pupil's pen doodles over the whole print: 3-4 below 48 px, 6-9 above, each a five-pointed star,
    a cube drawn in outline, a heart, a lightning bolt or a spiral, 18-24% of the side across below 48 px, 10-14%
    above, their middles 12-88% of the way across and down, spread over the picture's four quarters in turn, turned
    by up to 0.5 radians; in one of the two pens (of a blue and a black ballpoint, a silver, a light blue and a pink
    gel pen) whose grey is furthest from the picture's median grey (the one that shows), its line 1.2% of the side
    wide, at least 1 px, at 85%."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(3, 5)) if side < 48 else int(rng.integers(6, 10))
    quarters = rng.permutation(4)
    lines = []
    for j in range(n):
        q = int(quarters[j % 4])
        u = side * (rng.uniform(0.18, 0.24) if side < 48 else rng.uniform(0.1, 0.14))
        x = w * (0.12 + 0.38 * (q % 2) + rng.uniform(0.0, 0.38))
        y = h * (0.12 + 0.38 * (q // 2) + rng.uniform(0.0, 0.38))
        fr = _Frame((h, w), x, y, rng.uniform(-0.5, 0.5))
        kind = int(rng.integers(5))
        if kind == 0:  # a star
            pts = [[(0.5 * u * np.sin(4 * np.pi * k / 5), -0.5 * u * np.cos(4 * np.pi * k / 5)) for k in range(6)]]
        elif kind == 1:  # a cube
            a, b = 0.32 * u, 0.16 * u
            pts = [_rect(-a, -a + b, a - b, a) + [(-a, -a + b)], [(-a, -a + b), (-a + b, -a), (a, -a), (a, a - b),
                                                                (a - b, a)], [(a - b, -a + b), (a, -a)]]
        elif kind == 2:  # a heart
            t = np.linspace(0, 2 * np.pi, 30)
            pts = [[(0.03 * u * 16 * np.sin(v) ** 3, -0.03 * u * (13 * np.cos(v) - 5 * np.cos(2 * v) - 2 * np.cos(3 * v)
                                                                   - np.cos(4 * v))) for v in t]]
        elif kind == 3:  # a lightning bolt
            pts = [[(0.1 * u, -0.5 * u), (-0.2 * u, 0.05 * u), (0.1 * u, 0.0), (-0.1 * u, 0.5 * u),
                    (0.25 * u, -0.1 * u), (-0.05 * u, -0.05 * u), (0.1 * u, -0.5 * u)]]
        else:  # a spiral
            t = np.linspace(0, 5 * np.pi, 40)
            pts = [[(0.5 * u * v / t[-1] * np.cos(v), 0.5 * u * v / t[-1] * np.sin(v)) for v in t]]
        lines.append(fr.line(pts, max(1.0, 0.012 * side)))
    return _u8(_paint(f, 0.85 * np.maximum.reduce(lines), _showing(f, PENS, rng)))


def near_edit_an(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "ice_cube":  # an ice cube melting on the print
        return _ice_cube(f, rng)
    if kind == "wing_nut":  # a wing nut lying on the print
        return _wing_nut(f, rng)
    if kind == "nail_clipper":  # a nail clipper lying on the print
        return _nail_clipper(f, rng)
    if kind == "shoehorn":  # a shoehorn lying on the print
        return _shoehorn(f, rng)
    if kind == "party_blower":  # a rolled-up party blower lying on the print
        return _party_blower(f, rng)
    if kind == "glue_strings":  # hot-glue strings over the print
        return _glue_strings(f, rng)
    if kind == "henna":  # a henna design drawn over the print
        return _henna(f, rng)
    if kind == "biro_doodles":  # ballpoint doodles over the print
        return _biro_doodles(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _crown_glass(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a pane of old cylinder glass in a window a few centimetres in front of it:
    the glass's thickness rolls in long waves (a smooth random field, sigma 3% of the side across the waves and 18%
    along them, the waves running across or down), each wave a weak lens throwing the picture out of focus, a
    Gaussian of 1.6-2.4% of the side, at least 1 px, for 70% of it and one 3 times as wide for the rest, and
    moving it by up to 2% of the side, at least 0.8 px, across the waves; the glass faintly green, 0.95 / 1.0 /
    0.96, reflecting the room at 6%; from 48 px 4-8 seeds (air bubbles 0.8% of the side across) as bright dots with
    a dark ring; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    soft = np.stack([0.7 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.3 * gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    across = rng.random() < 0.5  # the waves run across the picture: they move it up and down
    sig = (0.03 * side, 0.18 * side) if across else (0.18 * side, 0.03 * side)
    wave = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), sig, mode="reflect")
    wave /= max(float(np.abs(wave).max()), 1e-6)
    amp = max(0.8, 0.02 * side)
    sy, sx = (yy - 0.5 + amp * wave, xx - 0.5) if across else (yy - 0.5, xx - 0.5 + amp * wave)
    out = np.stack([map_coordinates(soft[..., k], [sy, sx], order=1, mode="reflect") for k in range(3)], axis=2)
    out = 0.94 * out * np.array([0.95, 1.0, 0.96], np.float32) + 0.06 * rng.uniform(90, 150)
    if side >= 48:
        ident = _Frame((h, w), 0.0, 0.0, 0.0)
        k = int(rng.integers(4, 9))
        bx, by = rng.uniform(0.05, 0.95, k) * w, rng.uniform(0.05, 0.95, k) * h
        r = max(0.6, 0.004 * side)
        ring = ident.fill([_ellipse(x, y, 1.8 * r, 1.4 * r, 0.0, 10) for x, y in zip(bx, by)])
        dot = ident.fill([_ellipse(x, y, r, 0.8 * r, 0.0, 8) for x, y in zip(bx, by)])
        out = _paint(_paint(out, 0.5 * ring, (40, 44, 42)), 0.8 * dot, (250, 252, 250))
    return _u8(_metered(out, f))


NAPKINS = ((250, 248, 244), (246, 244, 236), (244, 246, 250))


def _napkin_print(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a three-ply paper napkin (as sold for decoupage) and photographed: the ink wicks along
    the tissue's creped fibres, more along the crepe than across it, a Gaussian of 2.2-3.0% of the side, at least
    1.2 px, along and 1.2-1.6%, at least 0.8 px, across, for 65% of it and one 2.5 times as wide for the rest;
    the thin tissue takes the ink at a contrast of 82% over its white, cream or blue-white; the crepe's fine ridges
    across the wicking (a period of 2.5% of the side, at least 2 px, wavering) shade it by 6%; as a camera metering
    on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    along = max(1.2, side * rng.uniform(0.022, 0.03))
    cross = max(0.8, side * rng.uniform(0.012, 0.016))
    down = rng.random() < 0.5  # the fibres run down the picture
    sig = (along, cross) if down else (cross, along)
    wick = np.stack([0.65 * gaussian_filter(f[..., c], sig, mode="reflect") +
                     0.35 * gaussian_filter(f[..., c], (2.5 * sig[0], 2.5 * sig[1]), mode="reflect")
                     for c in range(3)], axis=2)
    tissue = _pick(NAPKINS, rng)
    out = tissue * (1 - 0.82) + 0.82 * wick * tissue / 255
    period = max(2.0, 0.025 * side)
    t = yy if down else xx
    o = xx if down else yy
    ridges = np.sin(2 * np.pi * (t + 0.6 * period * np.sin(o / (3 * period) + rng.uniform(0, 6))) / period)
    return _u8(_metered(out * (1 + 0.06 * ridges[..., None]), f))


def blur_an(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "crown_glass":  # the picture seen through an old window's wavy glass
        return _crown_glass(f, rng)
    if kind == "napkin_print":  # the picture printed on a paper napkin
        return _napkin_print(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
BANKER = np.array([1.0, 0.86, 0.62], np.float32)


def _bankers_lamp(f: np.ndarray, rng) -> np.ndarray:
    """A dark study lit only by a banker's desk lamp standing in the picture: a brass stem from a base at the bottom,
    25-75% of the way across, up to a green glass shade, a half-cylinder seen from the front, 28-34% of the side
    wide and 9% deep, its lower edge 40-55% of the way down, glowing a dim green, 40 / 120 / 60, the bulb's light
    spilling from under its lip, a warm 1.0 / 0.86 / 0.62; a glow of sigma 3-5% of the side along the lip up to
    40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)``
    from the lip's middle, ``d0`` 26-36% of the side, 30% of that above the lip (the light through the green
    glass and off the ceiling); noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx = w * rng.uniform(0.25, 0.75)
    lip = h * rng.uniform(0.4, 0.55)
    sw = side * rng.uniform(0.28, 0.34)
    d = np.hypot(xx - cx, yy - lip)
    below = 0.3 + 0.7 * np.clip((yy - lip) / max(1.0, 0.04 * side) + 1, 0, 1)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.4) / (1 + (d / (side * rng.uniform(0.26, 0.36))) ** 2) * below
    out = _lit(f, gain[..., None] * BANKER, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    top = lip - 0.09 * side
    shade = ident.fill([[(cx - 0.5 * sw, lip)] + [(cx - 0.5 * sw * np.cos(v), lip - (lip - top) * np.sin(v))
                                                  for v in np.linspace(0, np.pi, 14)] + [(cx + 0.5 * sw, lip)]])
    stem = ident.line([[(cx, lip), (cx, h - 0.06 * side)]], max(0.8, 0.014 * side))
    base = ident.fill([_rrect(cx - 0.14 * side, h - 0.07 * side, cx + 0.14 * side, h - 0.01 * side, 0.02 * side, 3)])
    out = _paint(out, np.maximum(stem, base) * (1 - shade), (70, 56, 30))
    out = _paint(out, shade, (40, 120, 60))
    spill = ident.fill([_rect(cx - 0.42 * sw, lip, cx + 0.42 * sw, lip + max(1.0, 0.015 * side))])
    out = out + _glow(spill, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(40, 55) * BANKER
    return _u8(_paint(out, spill, 250 * BANKER + 5))


DOME = np.array([1.0, 0.95, 0.84], np.float32)


def _dome_light(f: np.ndarray, rng) -> np.ndarray:
    """A parked car at night lit only by its interior dome light: the headliner a dark band along the top 4-7% of
    the side deep, the light's lens in it 20-80% of the way across, a rounded rectangle 16-22% of the side wide and
    5% high, at least 2 px, glowing a warm white, 1.0 / 0.95 / 0.84, in a dark grey bezel; a glow of sigma 3-6% of
    the side up to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.3-0.4 falling off as ``1 / (1 + (d
    / d0) ** 2)`` from the lens, ``d0`` 26-40% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx = w * rng.uniform(0.2, 0.8)
    band = side * rng.uniform(0.04, 0.07)
    lw, lh = side * rng.uniform(0.16, 0.22), max(2.0, 0.05 * side)
    cy = band + 0.5 * lh
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.4) / (1 + (d / (side * rng.uniform(0.26, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * DOME, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(-1, -1, w + 1, band)]), (22, 22, 24))
    bezel = ident.fill([_rrect(cx - 0.5 * lw - 0.2 * lh, cy - 0.7 * lh, cx + 0.5 * lw + 0.2 * lh, cy + 0.7 * lh,
                               0.4 * lh, 4)])
    out = _paint(out, bezel, (40, 40, 44))
    lens = ident.fill([_rrect(cx - 0.5 * lw, cy - 0.5 * lh, cx + 0.5 * lw, cy + 0.5 * lh, 0.3 * lh, 4)])
    out = out + _glow(lens, max(0.8, side * rng.uniform(0.03, 0.06)))[..., None] * rng.uniform(40, 55) * DOME
    return _u8(_paint(out, lens, 245 * DOME + 8))


SOLAR = (np.array([0.84, 0.92, 1.0], np.float32), np.array([1.0, 0.88, 0.66], np.float32))


def _solar_stake(f: np.ndarray, rng) -> np.ndarray:
    """A garden at night lit only by a solar stake light pushed into the ground in the picture: a black spike from
    the bottom edge, 20-80% of the way across, up to its head 55-72% of the way down: a frosted cylinder 9-12% of
    the side wide and 8% high, at least 2 px, glowing a cool white, 0.84 / 0.92 / 1.0, or a warm 1.0 / 0.88 / 0.66,
    under a dark cap with its blue-black solar cell, 14% of the side wide; a glow of sigma 4-7% of the side up to
    35-50 levels; the picture lit at a gain of 0.015-0.03 plus 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)``
    from the head, ``d0`` 30-42% of the side, half of that above the cap (its shadow); noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    col = SOLAR[int(rng.integers(2))]
    cx = w * rng.uniform(0.2, 0.8)
    hy = h * rng.uniform(0.55, 0.72)
    cw, ch = side * rng.uniform(0.09, 0.12), max(2.0, 0.08 * side)
    cap = hy - 0.5 * ch
    d = np.hypot(xx - cx, yy - hy)
    below = 0.5 + 0.5 * np.clip((yy - cap) / max(1.0, 0.04 * side) + 1, 0, 1)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.4) / (1 + (d / (side * rng.uniform(0.3, 0.42))) ** 2) * below
    out = _lit(f, gain[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    spike = ident.fill([[(cx - 0.02 * side, hy + 0.5 * ch), (cx + 0.02 * side, hy + 0.5 * ch), (cx, h + 1.0)]])
    out = _paint(out, spike, (24, 24, 26))
    head = ident.fill([_rect(cx - 0.5 * cw, cap, cx + 0.5 * cw, hy + 0.5 * ch)])
    out = out + _glow(head, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(35, 50) * col
    out = _paint(out, head, 235 * col + 10)
    lid = ident.fill([_rect(cx - 0.07 * side, cap - max(1.0, 0.03 * side), cx + 0.07 * side, cap)])
    return _u8(_paint(out, lid, (26, 30, 44)))


def dark_an(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "bankers_lamp":  # a dark study lit only by a banker's lamp
        return _bankers_lamp(f, rng)
    if kind == "dome_light":  # a parked car at night lit only by its dome light
        return _dome_light(f, rng)
    if kind == "solar_stake":  # a garden at night lit only by a solar stake light
        return _solar_stake(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _wishing_well(size: int, rng) -> dict:
    """A wishing well in a garden seen from the front: a lawn below 66-74% of the way down, 1-2 round bushes behind
    at the sides, the well's round stone wall 42-52% of the side wide and 20% high with 3 courses of stones and its
    dark opening's rim on top, two wooden posts up 30% of the side, a pitched roof over them 62% of the side wide, a
    windlass across with a crank, its rope down to a bucket hanging over the opening (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("lawn", "bushes", "wall", "courses", "opening", "posts", "roof", "rope", "bucket"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    g = big * rng.uniform(0.66, 0.74)
    d["lawn"].rectangle((0, g, big, big), fill=255)
    for x in ((0.12,) if rng.random() < 0.5 else (0.1, 0.88)):
        r = big * rng.uniform(0.1, 0.14)
        d["bushes"].ellipse((x * big - r, g - 1.3 * r, x * big + r, g + 0.5 * r), fill=255)
    cx = big * rng.uniform(0.45, 0.55)
    ww = big * rng.uniform(0.42, 0.52)
    base = min(g + 0.12 * big, 0.94 * big)
    top = base - 0.2 * big
    d["wall"].rectangle((cx - ww / 2, top, cx + ww / 2, base), fill=255)
    d["wall"].ellipse((cx - ww / 2, top - 0.05 * big, cx + ww / 2, top + 0.05 * big), fill=255)
    d["wall"].ellipse((cx - ww / 2, base - 0.05 * big, cx + ww / 2, base + 0.05 * big), fill=255)
    d["opening"].ellipse((cx - 0.42 * ww, top - 0.035 * big, cx + 0.42 * ww, top + 0.035 * big), fill=255)
    lw = max(1, round(0.008 * big))
    for k in range(1, 4):
        y = top + k * 0.2 * big / 4
        d["courses"].line([(cx - ww / 2, y), (cx + ww / 2, y)], fill=255, width=lw)
        for j in range(6):
            x = cx - ww / 2 + (j + 0.5 * (k % 2)) * ww / 6
            d["courses"].line([(x, y - 0.05 * big), (x, y)], fill=255, width=lw)
    pt = top - 0.3 * big
    for s in (-1, 1):
        x = cx + s * 0.46 * ww
        d["posts"].rectangle((x - 0.018 * big, pt, x + 0.018 * big, top), fill=255)
    d["roof"].polygon([(cx - 0.31 * big, pt + 0.02 * big), (cx, pt - 0.14 * big), (cx + 0.31 * big, pt + 0.02 * big)],
                      fill=255)
    wy = pt + 0.06 * big
    d["posts"].rectangle((cx - 0.46 * ww, wy - 0.012 * big, cx + 0.46 * ww + 0.05 * big, wy + 0.012 * big), fill=255)
    d["posts"].line([(cx + 0.46 * ww + 0.05 * big, wy), (cx + 0.46 * ww + 0.05 * big, wy + 0.06 * big)], fill=255,
                    width=lw)
    by = wy + rng.uniform(0.08, 0.16) * big
    d["rope"].line([(cx, wy), (cx, by)], fill=255, width=lw)
    d["bucket"].polygon([(cx - 0.05 * big, by), (cx + 0.05 * big, by), (cx + 0.04 * big, by + 0.08 * big),
                         (cx - 0.04 * big, by + 0.08 * big)], fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["courses"] = out["courses"] * out["wall"]
    return out


def _dovecote(size: int, rng) -> dict:
    """A dovecote on a pole in a garden seen from the front: a lawn below 76-84% of the way down, a pole 4% of the
    side wide from it up to a box house 34-42% of the side wide and 30% high, its top 18-26% of the way down, a
    pitched roof over it 1.2 times as wide, 2-3 rows of 2-4 arched doorways (dark), a perch under each row, and 2-4
    pigeons (a body, a head and a tail) on the roof's ridge and the perches (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("lawn", "pole", "house", "holes", "perches", "roof", "birds"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    g = big * rng.uniform(0.76, 0.84)
    d["lawn"].rectangle((0, g, big, big), fill=255)
    cx = big * rng.uniform(0.4, 0.6)
    hw = big * rng.uniform(0.34, 0.42) / 2
    top = big * rng.uniform(0.18, 0.26)
    bot = top + 0.3 * big
    d["pole"].rectangle((cx - 0.02 * big, bot, cx + 0.02 * big, g + 0.02 * big), fill=255)
    d["house"].rectangle((cx - hw, top, cx + hw, bot), fill=255)
    d["roof"].polygon([(cx - 1.2 * hw, top + 0.01 * big), (cx, top - 0.13 * big), (cx + 1.2 * hw, top + 0.01 * big)],
                      fill=255)
    rows, cols = int(rng.integers(2, 4)), int(rng.integers(2, 5))
    perches = []
    for r in range(rows):
        y = top + (r + 0.25) * 0.3 * big / rows
        hh = 0.5 * 0.3 * big / rows
        for c in range(cols):
            x = cx - hw + (c + 0.5) * 2 * hw / cols
            ow = 0.35 * 2 * hw / cols
            d["holes"].rectangle((x - ow / 2, y + 0.3 * hh, x + ow / 2, y + hh), fill=255)
            d["holes"].ellipse((x - ow / 2, y, x + ow / 2, y + 0.6 * hh), fill=255)
        d["perches"].rectangle((cx - hw - 0.02 * big, y + hh, cx + hw + 0.02 * big, y + hh + 0.012 * big), fill=255)
        perches.append(y + hh)
    spots = [(cx + rng.uniform(-0.6, 0.6) * hw, top - 0.13 * big * 0.6)] + \
        [(cx + rng.uniform(-1.0, 1.0) * hw, p) for p in perches]
    for k in range(int(rng.integers(2, 5))):
        x, y = spots[k % len(spots)]
        x += 0.05 * big * (k // len(spots))
        s = 1 if rng.random() < 0.5 else -1
        d["birds"].ellipse((x - 0.045 * big, y - 0.05 * big, x + 0.045 * big, y), fill=255)
        hx = x + s * 0.0375 * big
        d["birds"].ellipse((hx - 0.0175 * big, y - 0.075 * big, hx + 0.0175 * big, y - 0.04 * big), fill=255)
        d["birds"].polygon([(x - s * 0.03 * big, y - 0.03 * big), (x - s * 0.08 * big, y - 0.005 * big),
                            (x - s * 0.03 * big, y - 0.005 * big)], fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["holes"] = out["holes"] * out["house"]
    return out


def _pier(size: int, rng) -> dict:
    """A seaside pier seen from the beach: the sea below a horizon 34-44% of the way down, the beach below 80-88%,
    the deck a band 3% of the side deep 50-58% of the way down from one edge across 70-88% of the width, on 8-12
    legs down into the sea with cross-braces between them, a railing above it with 5-9 lamp posts, and a pavilion
    at its far end 16-22% of the side wide with a domed roof and 2-3 windows (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sea", "beach", "legs", "deck", "rail", "pavilion", "dome", "windows"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.34, 0.44)
    d["sea"].rectangle((0, hz, big, big), fill=255)
    bch = big * rng.uniform(0.8, 0.88)
    d["beach"].polygon([(0, bch), (big, bch - 0.04 * big), (big, big), (0, big)], fill=255)
    dy = big * rng.uniform(0.5, 0.58)
    span = big * rng.uniform(0.7, 0.88)
    left = rng.random() < 0.5
    x0, x1 = (0.0, span) if left else (big - span, float(big))
    d["deck"].rectangle((x0, dy, x1, dy + 0.03 * big), fill=255)
    lw = max(1, round(0.01 * big))
    n = int(rng.integers(8, 13))
    xs = np.linspace(x0 + 0.02 * big, x1 - 0.02 * big, n)
    for x in xs:
        d["legs"].line([(x, dy), (x, bch + 0.02 * big)], fill=255, width=lw)
    for a, b in zip(xs[:-1], xs[1:]):
        d["legs"].line([(a, dy + 0.04 * big), (b, dy + 0.14 * big)], fill=255, width=max(1, lw // 2))
        d["legs"].line([(b, dy + 0.04 * big), (a, dy + 0.14 * big)], fill=255, width=max(1, lw // 2))
    d["rail"].line([(x0, dy - 0.03 * big), (x1, dy - 0.03 * big)], fill=255, width=max(1, lw // 2))
    for x in np.linspace(x0 + 0.05 * big, x1 - 0.05 * big, int(rng.integers(5, 10))):
        d["rail"].line([(x, dy), (x, dy - 0.08 * big)], fill=255, width=lw)
        d["rail"].ellipse((x - 0.012 * big, dy - 0.095 * big, x + 0.012 * big, dy - 0.07 * big), fill=255)
    pw = big * rng.uniform(0.16, 0.22)
    px = (x1 - pw - 0.01 * big) if left else (x0 + 0.01 * big)
    d["pavilion"].rectangle((px, dy - 0.12 * big, px + pw, dy), fill=255)
    d["dome"].pieslice((px + 0.1 * pw, dy - 0.12 * big - 0.4 * pw, px + 0.9 * pw, dy - 0.12 * big + 0.4 * pw), 180, 360,
                       fill=255)
    nwin = int(rng.integers(2, 4))
    for k in range(nwin):
        wx = px + (k + 0.3) * pw / nwin
        d["windows"].rectangle((wx, dy - 0.09 * big, wx + 0.4 * pw / nwin, dy - 0.03 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


ROOFS = ((150, 60, 40), (60, 70, 90), (90, 110, 60))
PIER_PAINTS = ((240, 240, 236), (40, 110, 90), (200, 60, 60))


def outlier_an(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "wishing_well":
        m = _wishing_well(size, rng)
        if photos:  # a pale blue sky, green lawn and bushes, grey stone, brown wood, a tiled roof
            out = _paint(_paint(ground((170, 206, 236)), m["bushes"], (50, 100, 46)), m["lawn"], (96, 160, 70))
            out = _paint(_paint(out, m["wall"], (168, 164, 156)), m["courses"], (110, 106, 100))
            out = _paint(_paint(out, m["opening"], (24, 24, 26)), m["posts"], (110, 76, 44))
            out = _paint(_paint(out, m["roof"], _pick(ROOFS, rng)), m["rope"], (200, 180, 130))
            return _u8(_paint(out, m["bucket"], (120, 84, 50)))
        out = _paint(_paint(ground(tone(0.0)), m["bushes"], tone(0.3)), m["lawn"], tone(0.2))
        out = _paint(_paint(out, m["wall"], tone(0.8)), m["courses"], tone(0.45))
        out = _paint(_paint(out, m["opening"], tone(0.05)), m["posts"], tone(0.6))
        out = _paint(_paint(out, m["roof"], tone(1.0)), m["rope"], tone(0.7))
        return _u8(_paint(out, m["bucket"], tone(0.9)))
    if kind == "dovecote":
        m = _dovecote(size, rng)
        if photos:  # a blue sky, green lawn, a white house on a dark pole, a red or grey roof, grey pigeons
            out = _paint(_paint(ground((150, 190, 230)), m["lawn"], (90, 150, 64)), m["pole"], (70, 60, 50))
            out = _paint(_paint(out, m["house"], (244, 242, 236)), m["holes"], (30, 28, 28))
            out = _paint(_paint(out, m["perches"], (150, 120, 80)), m["roof"], _pick(ROOFS, rng))
            return _u8(_paint(out, m["birds"], (140, 142, 152)))
        out = _paint(_paint(ground(tone(0.0)), m["lawn"], tone(0.25)), m["pole"], tone(0.5))
        out = _paint(_paint(out, m["house"], tone(0.95)), m["holes"], tone(0.05))
        out = _paint(_paint(out, m["perches"], tone(0.6)), m["roof"], tone(0.7))
        return _u8(_paint(out, m["birds"], tone(0.45)))
    if kind == "pier":
        m = _pier(size, rng)
        if photos:  # a pale sky, a blue-grey sea, pale sand, dark legs, a painted deck and pavilion, a green dome
            paint = _pick(PIER_PAINTS, rng)
            out = _paint(_paint(ground((196, 214, 232)), m["sea"], (70, 110, 140)), m["beach"], (220, 200, 156))
            out = _paint(_paint(out, m["legs"], (50, 44, 40)), m["deck"], paint)
            out = _paint(_paint(out, m["rail"], (30, 30, 34)), m["pavilion"], (240, 236, 226))
            return _u8(_paint(_paint(out, m["dome"], (70, 150, 120)), m["windows"], (40, 60, 80)))
        out = _paint(_paint(ground(tone(0.0)), m["sea"], tone(0.25)), m["beach"], tone(0.45))
        out = _paint(_paint(out, m["legs"], tone(0.7)), m["deck"], tone(0.9))
        out = _paint(_paint(out, m["rail"], tone(0.8)), m["pavilion"], tone(1.0))
        return _u8(_paint(_paint(out, m["dome"], tone(0.6)), m["windows"], tone(0.1)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def _swept(order: np.ndarray, own: np.ndarray, gaps: np.ndarray, window: float) -> np.ndarray:
    """The bin each picture on the belt ended in: its own class's, or, where it followed the one before it closer
    than ``window``, the bin that one went into."""
    bins = own[order].copy()
    for p in range(1, len(order)):
        if gaps[p] < window:
            bins[p] = bins[p - 1]
    return bins


def conveyor_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                   rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were labelled on a sorting line. Printed on
    cards, the eligible pictures passed a camera on a conveyor belt in a random order, spaced by random gaps (an
    exponential of mean 1); a labeller watching the camera's screen keyed each card's class and an air jet blew it
    into that class's bin at the belt's end, and the labels were taken from the bins afterwards. The jet stays open
    for a ``window``, so a card following the one before it closer than that was blown into the same bin as that
    one (and the card after it too, where it followed as close). The window is the smallest that sweeps
    ``SWEEP_SHARE`` times ``count`` cards into another class's bin; the flips are drawn without replacement among
    those, the closer a card followed, the likelier (in proportion to ``(1 - gap / window) ** 2``, plus 0.01), each
    given the bin's class: whole runs of look-alike or unlike cards mislabelled by the machine's timing, not by their
    look. Every flip changes the label."""
    lab = np.asarray([classes.index(v) for v in labels])
    cand = np.asarray(candidates, dtype=int)
    n = len(cand)
    k = min(count, n)
    own = lab[cand]
    order = rng.permutation(n)
    gaps = rng.exponential(1.0, n)
    gaps[0] = np.inf
    steps = np.sort(gaps[1:])
    want = min(int(np.ceil(SWEEP_SHARE * k)), n)
    lo, hi = 0, len(steps) - 1
    while lo < hi:  # the smallest window (just above a gap) sweeping enough cards into another class's bin
        mid = (lo + hi) // 2
        if (_swept(order, own, gaps, steps[mid] + 1e-9) != own[order]).sum() >= want:
            hi = mid
        else:
            lo = mid + 1
    at = lo
    while at < len(steps) - 1 and (_swept(order, own, gaps, steps[at] + 1e-9) != own[order]).sum() < k:
        at += 1
    window = steps[at] + 1e-9
    bins = _swept(order, own, gaps, window)
    wrong = np.flatnonzero(bins != own[order])
    wts = (1 - np.minimum(gaps[wrong] / window, 1.0)) ** 2 + 0.01
    took = rng.choice(len(wrong), size=min(k, len(wrong)), replace=False, p=wts / wts.sum())
    flips = {int(cand[order[wrong[j]]]): classes[int(bins[wrong[j]])] for j in took}
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_an(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AN's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 60-85 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AN, seed=400_000 + random_state,
        quality_seed=405_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=conveyor_flips,
        **by_family(name, outlier=(outlier_an, OUTLIERS_AN), blur=(blur_an, BLURS_AN), dark=(dark_an, DARKS_AN),
                    near=(near_edit_an, NEAR_EDITS_AN)))
