"""Generator AM: fresh EVALUATION sets after generator AL's run (never used to choose anything).

Why a thirty-seventh evaluation generator: generator AL's sets have been run, and what they showed may inform the next
changes (the commit subjects since name AL's one run: every type at or above the best baseline on all four sets,
blurry 0.99 / 0.97 on clothing and digits, 0.65 / 0.66 with the new rule off, calibration +17.4% from the small tile
sets; AL's MNIST near-duplicate 'others' mostly planted outliers drawn alike; where the report shows blurry's second
judgement; blurry's suspects' statistic calling ``_combine`` directly, the same flags on AK's and AL's clothing and
digits), so they will not stay untouched; AM is a held-out measurement of the code after that run, of families of
its own (AM's writer read no docs, logs, result files or commit bodies: only the commit subjects, the library's code
and the earlier generators' and tuning tools' files, to copy their structure and to avoid their families). Generator
AM was written before any tool was run on it (only its pictures were looked at, on contact sheets of its edits,
blurs, darkenings and foreign pictures at 28, 38 and 304 px, to check that every edit is visible, every blur blurred,
every darkened image dark with its picture still in it and every outlier foreign, and the planted folders hashed
twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label
noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated
Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s
edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD,
AE, AF, AG, AH, AI, AJ, AK, AL) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``:
crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up
blurs) make. Like AC's to AL's it has two blur families, not three. Left out because an earlier generator made them
or left them out: among objects on the print a clothes peg, a safety pin or a hair grip (the lists of U, V, W, Z and
AC), a sticking plaster (L's tape, as listed before), a fountain pen or a matchstick (O's pencil, W's matchstick), a
luggage label or a ticket (K's price tag), a ladle or a tin opener (W's teaspoon, AF's corkscrew), a conker or a
pistachio (round things and nuts, as listed before), a celery stick (AK's asparagus); of the whole picture grass
clippings or pine needles (W's Hough lines, as listed before), soap bubbles (the ones listed before), glitter or
sequins (U's confetti), a tyre track or shoe prints (T's paw prints), party streamers (T's charging cable, as the
tinsel listed before), string art (AJ's spirograph); among blurs toast or pyrography (AH's list), a snow globe's
water (AH's snow art), a glass of water (AB's), a puddle's reflection (S's water ripple); among darkenings a lit
match or a Bunsen burner (the candles and V's gas hob), a ring light or a make-up mirror's bulbs (AE's speaker ring,
as listed before), a lit tent (the one listed before), a fridge or a microwave (AD's, W's and X's lists), a fish
tank (K's deep water, as listed before); among foreign pictures a pool or snooker table (AG's list), a laundrette
(AD's washing machines), a container port (AH's list), a motorway from above (T's crossroads, AK's roundabouts),
saguaro cacti (AD's camels); among label noise class numbers read back by OCR (V's and AE's lists), a fixed map of
class numbers such as a keypad's rows (T's sound-alikes), a taxonomy's pairs merged (P's legacy), a display
showing the pictures turned (Q's upside-down).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 304 px
  set's two copies get both kinds): a golf tee lying on the print (38-48% of the side long, at least 11 px, a cup
  head 26% of that wide, a stem tapering to a point, natural wood, white, red, yellow, blue or green, the cup's
  hollow 25% darker, a sheen; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a nylon cable
  tie (58-70% of the side long, at least 15 px, a strap 5% of that wide, at least 1.2 px, bowed by up to 8%, a
  pointed tail, a square head with its slot, ribbed teeth from 48 px, black, natural, red, blue or green, a sheen;
  at any angle, the same place and shadow), a chicken's wishbone (two arms 40-50% of the side long, at least 11 px,
  bowed outwards from a knob and a flat plate at the joint, 7% of the length wide, at least 1.2 px, cream, ivory or
  roasted brown, a darker inner edge, a sheen; the same place and shadow), a descant recorder (60-72% of the side
  long, at least 16 px, a tube 7% of that wide widening at its foot, a beak, a dark window, two joint rings, seven
  finger holes from 48 px, cream, brown wood, white or pink, a sheen; the same place and shadow) and a leather
  bookmark (50-62% of the side long, at least 14 px, 20% of that wide, a V-cut tail, a tooled border, a punched hole
  with a silk cord and a tassel of 5 strands, tan, oxblood, navy or green, a gold, red or white cord; the same
  place, a shadow at 35%); of the whole picture: a teacher's red-pen marking (3-4 marks below 48 px, 6-9 above,
  ticks, crosses, loops ringing something and wavy underlines, 14-20% of the side across below 48 px, 8-12% above,
  spread over the four quarters, turned by up to 0.4 radians, a ballpoint's line 1.3% of the side wide, at least
  0.8 px, red at 90%: a marker's corrections, not O's signature, T's crayon scribble or K's marker arrow),
  magnetic fridge letters strewn over the print (3-4 below 48 px, 6-9 above, chunky capitals 22-28% of the side high
  below 48 px, 12-16% above, strokes 22% of that wide, at least 1.5 px, glossy red, yellow, blue, green, orange or
  purple, turned by up to 0.6 radians, spread over the four quarters, a soft shadow at 40%: raised plastic letters,
  not J's caption, AL's price stickers or AB's list's dominoes) and gloss paint run down the print from its top
  edge (a band 3-6% of the side deep along the top, 4-6 runs below 48 px, 6-10 above, 2.5-4% of the side wide, at
  least 1.2 px, wavering as they run 30-90% of the way down, each ending in a drop; light paints on a dark ground,
  darker ones on a light one, at 95%, a glossy streak: runs from an edge, not N's ink splash or AH's honey drizzle);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture reflected in the glossy paint of a car's bonnet and photographed there (the
  clearcoat's orange peel scattering the reflection, a Gaussian of 1.5-2.2% of the side, at least 1 px, for 65% of
  it and one 3 times as wide for the rest, the bonnet's curve squeezing it towards the bottom, the peel's waves
  moving it by up to 1% of the side, at least 0.5 px, black, navy, red, silver, white or green paint under it at
  22%, the reflection tinted by it, metallic flakes sparkling by 3%: a reflection in paint, not W's brushed steel or
  P's floor reflection) and the picture heat-pressed by dye sublimation onto a terry towel (the dye wicking along the
  pile's loops, a Gaussian of 1.8-2.6% of the side, at least 1 px, for 60% of it and one twice as wide for the rest,
  taking weakly, contrast 80% over a white, cream or pale blue-white towel, the loops moving it by up to 0.8% of the
  side, at least 0.4 px, and shading it by 10%: dye in a pile, not AB's needle felting or AG's ikat); each as a
  camera metering on the highlights exposes it (as Y's to AL's);
* ``dark`` (2%): a dark room lit only by a clip-on book light clipped to the picture's top edge (a dark clip 20-80%
  of the way across, a gooseneck curving to an LED head 12-20% of the way down, 5% of the side wide, at least 2 px,
  a cool 0.9 / 0.96 / 1.0; a glow of sigma 3-5% of the side up to 45-60 levels; the picture lit at a gain of
  0.015-0.03 plus 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` from the head, ``d0`` 20-32% of the side,
  fading out above the head; noise sigma 1.2 levels: one small LED high in the picture, not I's lamp or K's
  spotlight), a dark room lit only by a reptile's red basking lamp hanging in the picture (on its flex from the top
  edge, 25-75% of the way across, a dark dome shade 16-20% of the side wide, its rim 14-22% of the way down, the
  bulb's face a deep red, 1.0 / 0.42 / 0.18; a glow of sigma 3-6% of the side up to 40-55 levels; the picture lit at a
  gain of 0.015-0.03 plus 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` from the bulb, ``d0`` 24-36% of the
  side, only below the rim; noise sigma 1.2 levels: a red heat lamp, not AL's cooker hood or J's sodium lamp) and a
  dark room lit only by a lit snow globe standing in the picture (on a dark base at the bottom, 25-75% of the way
  across, a globe of radius 10-13% of the side glowing a warm 1.0 / 0.92 / 0.78 from 190 levels at its bottom to 120
  at its top, a small dark house or fir tree inside, white flakes from 48 px; a glow of sigma 4-7% of the side up to
  35-50 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)``
  from the globe, ``d0`` 25-40% of the side; noise sigma 1.2 levels: a glowing glass ball low in the picture, not
  AE's salt lamp or W's plasma ball); none of them blurs the picture;
* ``outlier`` (1.5%): petrol stations' forecourts seen from the front (a flat canopy with a fascia stripe on 2
  pillars, a lit shop behind with 3-5 windows and a door, 2-3 pumps on islands with displays and looped hoses, a
  price sign on a pole with 3 rows of prices), sandcastles on a beach seen from the front (the sea below a horizon
  22-32% of the way down, wet and dry sand, 3-5 bucket-shaped towers with crenellations on a mound, a flag on the
  tallest, a moat, a spade and shells) and snowmen in a snowy garden (three stacked balls, coal eyes and buttons,
  a carrot nose, stick arms, a scarf and a top hat, 2-3 fir trees behind); the digit and clothing sets get them in
  their own tones on their dark ground, the photographs as a dusk sky over a white canopy and pumps in red, green,
  blue or yellow, a blue sky and sea over pale sand with a red flag, and a grey winter sky over white snow, dark
  firs and a coloured scarf;
* ``label`` (5%): *zoom* flips: the labelling tool's viewer lost its fit-to-window setting in some sessions and
  showed each picture zoomed in two times on its middle, so that the labeller saw only the middle half of it. The
  eligible pictures were labelled in a random order in sessions of 60-139 pictures, each stuck with chance 0.5 (more
  stuck, in a random order, while they hold fewer than three times the flips); in a stuck session a picture is
  misjudged in proportion to the square of how much its middle looks like another class (the squared distance of
  its middle's 8 x 8 grey thumbnail, standardised, to its class's mean middle thumbnail over the whole set over that
  to the nearest other class's); the flips are drawn without replacement with those weights, each given the class
  whose mean middle thumbnail is nearest after its own: the middle misleading, not Q's turned pictures, the
  thumbnails shown too small or AL's fatigue. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AM's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
281), MNIST (2,000, seed 282), and the evaluation photographs tiled at 38 px (24 tiles a photograph at most, seed 283:
408) and at 304 px (every tile, seed 284: 56 of 13 photographs), sizes no other set uses. ``photos38_am_jpeg`` is
written as JPEG files, each at a quality drawn from 58-82 (a stream of its own, seed ``395_000 + random_state``),
every edit, blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at
their own quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``390_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AL).
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
from _heldout_q import _down, _thumbs
from _heldout_s import _pixels
from _heldout_v import _metered
from _heldout_x import _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AM = ("fashion_test_am", "mnist_am", "photos38_am_jpeg", "photos304_am")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AM = {
    "fashion_test_am": ("fashion_test", 281),
    "mnist_am": ("mnist", 282),
    "photos38_am_jpeg": ("photos", 283, 38, 8, 24),
    "photos304_am": ("photos", 284, 304, 8, 1000),
}
JPEG_QUALITY = (58, 83)  # the JPEG set's qualities: integers in [low, high)
RATES_AM = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (2 copies) gets both kinds
NEAR_EDITS_AM = ("golf_tee", "red_pen_marking", "cable_tie", "fridge_letters", "wishbone", "paint_drips",
                 "recorder", "bookmark")
BLURS_AM = ("car_paint", "towel_print")
DARKS_AM = ("book_light", "basking_lamp", "snow_globe")
OUTLIERS_AM = ("petrol_station", "sandcastle", "snowman")
SESSION = (60, 140)  # the labelling sessions, in pictures: integers in [low, high)
STUCK = 0.5  # the chance that a session's viewer was stuck zoomed in


def load_base_am(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AM, "AM")


# -- near copies -----------------------------------------------------------------------------
TEES = ((236, 200, 150), (248, 248, 246), (220, 40, 50), (250, 210, 30), (40, 110, 220), (60, 180, 80))


def _golf_tee(f: np.ndarray, rng) -> np.ndarray:
    """A golf tee lying on the print: 38-48% of the side long, at least 11 px, a cup head 26% of that wide and 12%
    long, a neck narrowing to a stem 10% wide tapering to a point, natural wood, white, red, yellow, blue or green,
    the cup's hollow 25% darker, a sheen at 45%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.38, 0.48))
    col = _pick(TEES, rng)
    fr = _frame_at(h, w, rng)
    body = fr.fill([[(-0.5 * L, -0.13 * L), (-0.45 * L, -0.13 * L), (-0.36 * L, -0.05 * L), (0.4 * L, -0.025 * L),
                     (0.5 * L, 0.0), (0.4 * L, 0.025 * L), (-0.36 * L, 0.05 * L), (-0.45 * L, 0.13 * L),
                     (-0.5 * L, 0.13 * L)]])
    cup = fr.fill([_ellipse(-0.5 * L, 0.0, 0.03 * L, 0.11 * L, 0.0, 12)]) * body
    parts = [(body, col, 1.0, True),
             (cup, col * 0.75, 1.0, False),
             (fr.line([[(-0.44 * L, -0.07 * L), (-0.36 * L, -0.025 * L), (0.38 * L, -0.01 * L)]],
                      max(0.35, 0.012 * L)), (255, 255, 255), 0.45, False)]
    return _u8(_laid(f, parts, 0.4))


TIES = ((30, 30, 34), (240, 236, 222), (210, 40, 44), (40, 90, 200), (50, 160, 70))


def _cable_tie(f: np.ndarray, rng) -> np.ndarray:
    """A nylon cable tie lying on the print, unfastened: 58-70% of the side long, at least 15 px, its strap 5% of that
    wide, at least 1.2 px, bowed by up to 8% of the length, its tail cut to a point, a square head 10% long and 2.4
    times the strap wide with its dark slot at one end, ribbed teeth across the strap 2.5% of the length apart at
    25% darker (from 48 px), black, natural, red, blue or green, a sheen at 40%; at any angle, its middle 30-70% of
    the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.58, 0.7))
    col = _pick(TIES, rng)
    fr = _frame_at(h, w, rng)
    hw = max(0.6, 0.025 * L)
    bow = rng.uniform(-0.08, 0.08) * L
    xs = np.linspace(-0.4 * L, 0.46 * L, 16)
    ys = bow * (1 - ((xs - 0.03 * L) / (0.43 * L)) ** 2)
    strap = fr.line([list(zip(xs, ys))], 2 * hw)
    tip = fr.fill([[(0.46 * L, ys[-1] - hw), (0.5 * L, ys[-1]), (0.46 * L, ys[-1] + hw)]])
    head = fr.fill([_rect(-0.5 * L, ys[0] - 1.2 * hw, -0.4 * L, ys[0] + 1.2 * hw)])
    slot = fr.fill([_rect(-0.475 * L, ys[0] - 0.5 * hw, -0.425 * L, ys[0] + 0.5 * hw)])
    parts = [(np.maximum(np.maximum(strap, tip), head), col, 1.0, True),
             (slot, col * 0.35 + 10, 0.9, False)]
    if side >= 48:
        ribs = [[(x, y - 0.8 * hw), (x, y + 0.8 * hw)] for x, y in zip(np.arange(-0.36 * L, 0.44 * L, 0.025 * L),
                                                                        np.interp(np.arange(-0.36 * L, 0.44 * L,
                                                                                            0.025 * L), xs, ys))]
        parts.append((fr.line(ribs, max(0.35, 0.3 * hw)) * strap, col * 0.75, 1.0, False))
    parts.append((fr.line([list(zip(xs, ys - 0.45 * hw))], max(0.35, 0.35 * hw)) * strap, (255, 255, 255), 0.4, False))
    return _u8(_laid(f, parts, 0.4))


BONES = ((236, 224, 196), (244, 238, 220), (214, 184, 140))


def _wishbone(f: np.ndarray, rng) -> np.ndarray:
    """A chicken's wishbone, cleaned and dried, lying on the print: two arms 40-50% of the side long, at least 11
    px, bowed outwards, spreading from a knob at the joint to 50-62% of their length apart, each 7% of the length
    wide, at least 1.2 px, narrowing to 70% at the ends, a flat plate at the joint, cream, ivory or roasted brown,
    a darker line 30% down each inner edge, a sheen at 40%; at any angle, its middle 30-70% of the way across and
    down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.4, 0.5))
    col = _pick(BONES, rng)
    fr = _frame_at(h, w, rng)
    spread = rng.uniform(0.25, 0.31) * L
    hw = max(0.6, 0.035 * L)
    t = np.linspace(0, 1, 12)
    arms = []
    for s in (-1, 1):
        xs = -0.45 * L + 0.9 * L * t
        ys = s * (spread * t + 0.12 * L * np.sin(np.pi * t))
        arms.append(list(zip(xs, ys)))
    bone = fr.line(arms, 2 * hw)
    knob = fr.fill([_ellipse(-0.45 * L, 0.0, 1.7 * hw, 1.4 * hw, 0.0, 14)])
    plate = fr.fill([[(-0.45 * L, 0.0), (-0.3 * L, -0.07 * L), (-0.25 * L, 0.0), (-0.3 * L, 0.07 * L)]])
    inner = fr.line([[(x + 0.02 * L, y * 0.85) for x, y in a[2:]] for a in arms], max(0.35, 0.5 * hw))
    solid = np.maximum.reduce([bone, knob, plate])
    parts = [(solid, col, 1.0, True),
             (inner * solid, col * 0.8, 0.6, False),
             (fr.line([[(x - 0.01 * L, y - np.sign(y + 1e-9) * 0.4 * hw) for x, y in arms[0][1:-1]]],
                      max(0.35, 0.4 * hw)) * solid, (255, 255, 255), 0.4, False)]
    return _u8(_laid(f, parts, 0.4))


RECORDERS = ((238, 228, 200), (150, 100, 60), (246, 246, 244), (236, 150, 180))


def _recorder(f: np.ndarray, rng) -> np.ndarray:
    """A descant recorder lying on the print: 60-72% of the side long, at least 16 px, a tube 7% of that wide
    widening to a foot 10% wide over its last 12%, a beak tapering over its first 10% to a mouthpiece, the window
    (a dark notch) 14% from the top, two joint rings 20% darker, seven finger holes 2% of the length wide along the
    top (from 48 px), cream, brown wood, white or pink plastic, a sheen at 50%; at any angle, its middle 30-70% of
    the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(16.0, side * rng.uniform(0.6, 0.72))
    col = _pick(RECORDERS, rng)
    fr = _frame_at(h, w, rng)
    W = 0.035 * L
    body = fr.fill([[(-0.5 * L, -0.5 * W), (-0.4 * L, -W), (0.38 * L, -W), (0.5 * L, -1.45 * W), (0.5 * L, 1.45 * W),
                     (0.38 * L, W), (-0.4 * L, W), (-0.5 * L, 0.5 * W)]])
    window = fr.fill([_rect(-0.37 * L, -0.9 * W, -0.33 * L, -0.1 * W)])
    rings = fr.line([[(-0.3 * L, -W), (-0.3 * L, W)], [(0.3 * L, -W), (0.3 * L, W)]], max(0.5, 0.012 * L))
    parts = [(body, col, 1.0, True),
             (window, (30, 26, 24), 0.9, False),
             (rings * body, col * 0.8, 1.0, False)]
    if side >= 48:
        at = np.linspace(-0.18 * L, 0.3 * L, 8)[[0, 1, 2, 4, 5, 6, 7]]
        holes = [_ellipse(x, -0.1 * W, 0.01 * L, 0.01 * L, 0.0, 10) for x in at]
        parts.append((fr.fill(holes), (40, 32, 28), 0.85, False))
    parts.append((fr.line([[(-0.42 * L, -0.6 * W), (0.38 * L, -0.6 * W)]], max(0.35, 0.2 * W)), (255, 255, 255),
                  0.5, False))
    return _u8(_laid(f, parts, 0.4))


LEATHERS = ((176, 118, 70), (110, 30, 36), (34, 46, 90), (40, 86, 56))
TASSELS = ((200, 160, 60), (220, 40, 60), (240, 240, 236))


def _bookmark(f: np.ndarray, rng) -> np.ndarray:
    """A leather bookmark lying on the print: 50-62% of the side long, at least 14 px, 20% of that wide, a V cut into
    its tail 12% deep, its head's corners rounded by 40% of the width, a tooled border inset by 12% of the width 25%
    darker, a punched hole near the head with a silk cord running out of it 30% of the length (at least 0.6 px wide)
    to a tassel of 5 strands 12% long, tan, oxblood, navy or green leather, a gold, red or white cord, a sheen at
    30%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.5, 0.62))
    col, cord = _pick(LEATHERS, rng), _pick(TASSELS, rng)
    fr = _frame_at(h, w, rng)
    W = 0.1 * L
    head = _rrect(-0.5 * L, -W, -0.2 * L, W, 0.8 * W, 6)
    strip = fr.fill([head, [(-0.3 * L, -W), (0.38 * L, -W), (0.26 * L, 0.0), (0.38 * L, W), (-0.3 * L, W)]])
    border = fr.line([[(-0.44 * L, -0.76 * W), (0.3 * L, -0.76 * W), (0.2 * L, 0.0), (0.3 * L, 0.76 * W),
                       (-0.44 * L, 0.76 * W), (-0.44 * L, -0.76 * W)]], max(0.35, 0.06 * W))
    hole = fr.fill([_ellipse(-0.42 * L, 0.0, 0.25 * W, 0.25 * W, 0.0, 10)])
    bend = rng.uniform(-0.6, 0.6)
    ex, ey = -0.42 * L - 0.3 * L * np.cos(bend), 0.3 * L * np.sin(bend)
    cords = [[(-0.42 * L, 0.0), (-0.42 * L - 0.15 * L * np.cos(bend / 2), 0.15 * L * np.sin(bend / 2)), (ex, ey)]]
    tassel = [[(ex, ey), (ex - 0.12 * L * np.cos(bend + u), ey + 0.12 * L * np.sin(bend + u))]
              for u in np.linspace(-0.25, 0.25, 5)]
    parts = [(strip, col, 1.0, True),
             (border * strip, col * 0.75, 1.0, False),
             (hole, col * 0.3, 1.0, False),
             (fr.line(cords, max(0.6, 0.012 * L)), cord, 1.0, True),
             (fr.line(tassel, max(0.6, 0.012 * L)), cord, 1.0, True),
             (fr.line([[(-0.4 * L, -0.5 * W), (0.28 * L, -0.5 * W)]], max(0.35, 0.15 * W)) * strip, (255, 255, 255),
              0.3, False)]
    return _u8(_laid(f, parts, 0.35))


RED_PEN = (205, 28, 44)


def _red_pen_marking(f: np.ndarray, rng) -> np.ndarray:
    """A teacher's marking in red pen over the whole print: 3-4 marks below 48 px, 6-9 above, each a tick, a cross, a
    loop ringing something (an ellipse drawn once round and over-shooting its start) or a wavy underline, 14-20% of
    the side across below 48 px, 8-12% above, their middles 12-88% of the way across and down, spread over the
    picture's four quarters in turn, each turned by up to 0.4 radians, in a red ballpoint's line 1.3% of the side
    wide, at least 0.8 px, at 90%."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(3, 5)) if side < 48 else int(rng.integers(6, 10))
    lines = []
    quarters = rng.permutation(4)
    for j in range(n):
        q = int(quarters[j % 4])
        u = side * (rng.uniform(0.14, 0.2) if side < 48 else rng.uniform(0.08, 0.12))
        x = w * (0.12 + 0.38 * (q % 2) + rng.uniform(0.0, 0.38))
        y = h * (0.12 + 0.38 * (q // 2) + rng.uniform(0.0, 0.38))
        fr = _Frame((h, w), x, y, rng.uniform(-0.4, 0.4))
        kind = int(rng.integers(4))
        if kind == 0:  # a tick
            pts = [[(-0.4 * u, 0.0), (-0.1 * u, 0.35 * u), (0.5 * u, -0.5 * u)]]
        elif kind == 1:  # a cross
            pts = [[(-0.4 * u, -0.4 * u), (0.4 * u, 0.4 * u)], [(0.4 * u, -0.4 * u), (-0.4 * u, 0.4 * u)]]
        elif kind == 2:  # a loop round something
            t = np.linspace(0, 2.25 * np.pi, 30)
            pts = [[(0.6 * u * np.cos(v) * (1 + 0.05 * v), 0.38 * u * np.sin(v) * (1 + 0.05 * v)) for v in t]]
        else:  # a wavy underline
            xs = np.linspace(-0.6 * u, 0.6 * u, 20)
            pts = [[(v, 0.12 * u * np.sin(5 * np.pi * (v / u))) for v in xs]]
        lines.append(fr.line(pts, max(0.8, 0.013 * side)))
    return _u8(_paint(f, 0.9 * np.maximum.reduce(lines), RED_PEN))


MAGNETS = ((220, 36, 40), (250, 200, 20), (30, 90, 210), (40, 170, 70), (250, 120, 20), (140, 50, 180))
GLYPHS = {
    "A": [[(-0.35, 0.5), (0.0, -0.5), (0.35, 0.5)], [(-0.18, 0.12), (0.18, 0.12)]],
    "E": [[(0.3, -0.5), (-0.3, -0.5), (-0.3, 0.5), (0.3, 0.5)], [(-0.3, 0.0), (0.2, 0.0)]],
    "H": [[(-0.3, -0.5), (-0.3, 0.5)], [(0.3, -0.5), (0.3, 0.5)], [(-0.3, 0.0), (0.3, 0.0)]],
    "L": [[(-0.3, -0.5), (-0.3, 0.5), (0.3, 0.5)]],
    "T": [[(-0.35, -0.5), (0.35, -0.5)], [(0.0, -0.5), (0.0, 0.5)]],
    "X": [[(-0.32, -0.5), (0.32, 0.5)], [(0.32, -0.5), (-0.32, 0.5)]],
    "Z": [[(-0.3, -0.5), (0.3, -0.5), (-0.3, 0.5), (0.3, 0.5)]],
    "K": [[(-0.3, -0.5), (-0.3, 0.5)], [(0.3, -0.5), (-0.3, 0.05), (0.3, 0.5)]],
    "M": [[(-0.35, 0.5), (-0.35, -0.5), (0.0, 0.1), (0.35, -0.5), (0.35, 0.5)]],
    "O": [[(0.32 * np.cos(v), 0.48 * np.sin(v)) for v in np.linspace(0, 2 * np.pi, 25)]],
}


def _fridge_letters(f: np.ndarray, rng) -> np.ndarray:
    """Magnetic fridge letters strewn over the whole print: 3-4 below 48 px, 6-9 above, their middles 12-88% of the
    way across and down, spread over the picture's four quarters in turn, each a chunky capital (A, E, H, L, T, X, Z,
    K, M or O) 22-28% of the side high below 48 px, 12-16% above, its strokes 22% of that wide, at least 1.5 px, in
    glossy red, yellow, blue, green, orange or purple plastic, turned by up to 0.6 radians, a sheen at 40% along its
    strokes, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(3, 5)) if side < 48 else int(rng.integers(6, 10))
    quarters = rng.permutation(4)
    keys = sorted(GLYPHS)
    out = f
    for j in range(n):
        q = int(quarters[j % 4])
        s = side * (rng.uniform(0.22, 0.28) if side < 48 else rng.uniform(0.12, 0.16))
        x = w * (0.12 + 0.38 * (q % 2) + rng.uniform(0.0, 0.38))
        y = h * (0.12 + 0.38 * (q // 2) + rng.uniform(0.0, 0.38))
        fr = _Frame((h, w), x, y, rng.uniform(-0.6, 0.6))
        strokes = [[(s * a, s * b) for a, b in p] for p in GLYPHS[keys[int(rng.integers(len(keys)))]]]
        lw = max(1.5, 0.22 * s)
        letter = fr.line(strokes, lw)
        sheen = fr.line([[(a - 0.06 * s, b - 0.06 * s) for a, b in p] for p in strokes], max(0.35, 0.25 * lw))
        out = _laid(out, [(letter, _pick(MAGNETS, rng), 1.0, True), (sheen * letter, (255, 255, 255), 0.4, False)],
                    0.4)
    return _u8(out)


PAINTS_LIGHT = ((246, 246, 242), (250, 210, 30), (230, 50, 40), (60, 130, 230), (80, 200, 90))
PAINTS_DARK = ((220, 40, 36), (30, 70, 180), (40, 140, 60), (28, 28, 30), (240, 190, 20))


def _paint_drips(f: np.ndarray, rng) -> np.ndarray:
    """Gloss paint run down the whole print from its top edge (a tin knocked over above it): a band along the top
    3-6% of the side deep with a wavy lower edge, and 4-6 runs below 48 px, 6-10 above, from 5-95% of the way
    across, each 2.5-4% of the side wide, at least 1.2 px, wavering by 1% of the side as it runs 30-90% of the way
    down, ending in a drop 1.7 times as wide; one paint, white, yellow, red, blue or green where the print's ground
    is dark (its border's mean under 110), else red, blue, green, black or yellow, at 95%, a glossy streak along
    each run at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = _pick(PAINTS_LIGHT if _ground(f) < 110 else PAINTS_DARK, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    depth = h * rng.uniform(0.03, 0.06)
    xs = np.linspace(0, w, 24)
    band = ident.fill([[(0.0, -1.0), (float(w), -1.0)] + [(float(x), depth * (1 + 0.3 * np.sin(7 * x / w + 1)))
                                                           for x in xs[::-1]]])
    n = int(rng.integers(4, 7)) if side < 48 else int(rng.integers(6, 11))
    runs, drops, gloss = [], [], []
    for x0 in np.sort(rng.uniform(0.05, 0.95, n)) * w:
        wd = max(1.2, side * rng.uniform(0.025, 0.04))
        end = h * rng.uniform(0.3, 0.9)
        ys = np.linspace(0, end, 12)
        ph = rng.uniform(0, 2 * np.pi)
        pts = [(float(x0 + 0.01 * side * np.sin(6 * y / h + ph)), float(y)) for y in ys]
        runs.append(ident.line([pts], wd))
        drops.append(_ellipse(pts[-1][0], end, 0.85 * wd, 1.1 * wd, 0.0, 12))
        gloss.append([(x - 0.25 * wd, y) for x, y in pts[1:]])
    paint = np.maximum.reduce(runs + [band, ident.fill(drops)])
    out = _paint(f, 0.95 * paint, col)
    return _u8(_paint(out, 0.3 * ident.line(gloss, max(0.35, 0.01 * side)) * paint, (255, 255, 255)))


def near_edit_am(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "golf_tee":  # a golf tee lying on the print
        return _golf_tee(f, rng)
    if kind == "cable_tie":  # a cable tie lying on the print
        return _cable_tie(f, rng)
    if kind == "wishbone":  # a wishbone lying on the print
        return _wishbone(f, rng)
    if kind == "recorder":  # a descant recorder lying on the print
        return _recorder(f, rng)
    if kind == "bookmark":  # a leather bookmark lying on the print
        return _bookmark(f, rng)
    if kind == "red_pen_marking":  # a teacher's red-pen marks over the print
        return _red_pen_marking(f, rng)
    if kind == "fridge_letters":  # magnetic fridge letters strewn over the print
        return _fridge_letters(f, rng)
    if kind == "paint_drips":  # paint run down the print from its top edge
        return _paint_drips(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
CAR_PAINTS = ((20, 20, 24), (24, 40, 90), (170, 24, 30), (180, 184, 190), (236, 236, 232), (24, 70, 44))


def _car_paint(f: np.ndarray, rng) -> np.ndarray:
    """The picture reflected in the glossy paint of a car's bonnet and photographed there: the clearcoat's orange
    peel scatters the reflection, a Gaussian of 1.5-2.2% of the side, at least 1 px, for 65% of it and one 3 times
    as wide for the rest; the bonnet's curve squeezes it towards the bottom (a row ``y`` taken from ``y (1 - c) + c
    y ** 2 / h``, ``c`` 0.1-0.2) and the peel's waves (a smooth random field, sigma 5% of the side) move it by up
    to 1% of the side, at least 0.5 px; black, navy, red, silver, white or green paint, the reflection 78% of what
    is seen, tinted by the paint's colour at 25%, the paint's own colour 22%, its metallic flakes sparkling by 3%;
    as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.022))
    spread = np.stack([0.65 * gaussian_filter(f[..., c], s, mode="reflect") +
                       0.35 * gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    c = rng.uniform(0.1, 0.2)
    peel = [gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(1.0, 0.05 * side)) for _ in range(2)]
    amp = max(0.5, 0.01 * side)
    dy, dx = (amp * p / max(float(np.abs(p).max()), 1e-6) for p in peel)
    sy = yy * (1 - c) + c * yy ** 2 / h - 0.5 + dy
    sx = xx - 0.5 + dx
    refl = np.stack([map_coordinates(spread[..., k], [sy, sx], order=1, mode="reflect") for k in range(3)], axis=2)
    paint = _pick(CAR_PAINTS, rng)
    flakes = 1 + 0.03 * rng.normal(0, 1, (h, w, 1)).astype(np.float32)
    out = (0.78 * refl * (0.75 + 0.25 * paint / 255) + 0.22 * paint) * flakes
    return _u8(_metered(out, f))


TOWELS = ((248, 246, 240), (240, 236, 226), (236, 240, 246))


def _towel_print(f: np.ndarray, rng) -> np.ndarray:
    """The picture heat-pressed (dye sublimation) onto a cotton-polyester terry towel and photographed: the dye wicks
    along the pile's loops, a Gaussian of 1.8-2.6% of the side, at least 1 px, for 60% of it and one twice as wide
    for the rest, and takes weakly, the picture's contrast 80% over the towel's white, cream or pale blue-white; the
    loops lying every which way move the picture by up to 0.8% of the side, at least 0.4 px, and their bumps (a
    smooth random field, sigma 0.6 of a loop 1.6% of the side, at least 1.5 px) shade it by 10%; as a camera
    metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.018, 0.026))
    spread = np.stack([0.6 * gaussian_filter(f[..., c], s, mode="reflect") +
                       0.4 * gaussian_filter(f[..., c], 2 * s, mode="reflect") for c in range(3)], axis=2)
    loop = max(1.5, 0.016 * side)
    pile = [gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), 0.6 * loop) for _ in range(3)]
    pile = [p / max(float(np.abs(p).max()), 1e-6) for p in pile]
    amp = max(0.4, 0.008 * side)
    moved = np.stack([map_coordinates(spread[..., c], [yy - 0.5 + amp * pile[0], xx - 0.5 + amp * pile[1]], order=1,
                                      mode="reflect") for c in range(3)], axis=2)
    towel = _pick(TOWELS, rng)
    out = towel * (1 - 0.8) + 0.8 * moved * towel / 255
    return _u8(_metered(out * (1 + 0.1 * pile[2][..., None]), f))


def blur_am(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "car_paint":  # the picture reflected in a car's glossy paint
        return _car_paint(f, rng)
    if kind == "towel_print":  # the picture heat-pressed onto a terry towel
        return _towel_print(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
BOOK_LIGHT = np.array([0.9, 0.96, 1.0], np.float32)


def _book_light(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by a clip-on book light clipped to the picture's top edge: its clip a dark block 8% of
    the side wide and 5% deep, 20-80% of the way across, a gooseneck 1.2% of the side wide, at least 1 px, curving
    down and out to its head 12-20% of the way down, an LED disc 5% of the side wide, at least 2 px, a cool white,
    0.9 / 0.96 / 1.0; a glow of sigma 3-5% of the side up to 45-60 levels; the picture lit at a gain of 0.015-0.03
    plus 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` from the head, ``d0`` 20-32% of the side, in its colour,
    fading out above the head (the head's shade); noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx = w * rng.uniform(0.2, 0.8)
    hx = cx + side * rng.uniform(0.05, 0.12) * (1 if rng.random() < 0.5 else -1)
    hy = h * rng.uniform(0.12, 0.2)
    d = np.hypot(xx - hx, yy - hy)
    d0 = side * rng.uniform(0.2, 0.32)
    below = np.clip((yy - hy) / max(1.0, 0.05 * side) + 1, 0, 1)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.4) / (1 + (d / d0) ** 2) * below
    out = _lit(f, gain[..., None] * BOOK_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    clip = ident.fill([_rect(cx - 0.04 * side, -1, cx + 0.04 * side, 0.05 * h)])
    t = np.linspace(0, 1, 10)
    neck = [(cx + (hx - cx) * t ** 2, 0.05 * h + (hy - 0.05 * h) * t) for t in t]
    out = _paint(out, np.maximum(clip, ident.line([neck], max(1.0, 0.012 * side))), (30, 30, 34))
    r = max(1.0, 0.025 * side)
    head = ident.fill([_ellipse(hx, hy, r, r, 0.0, 12)])
    out = out + _glow(head, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(45, 60) * BOOK_LIGHT
    return _u8(_paint(out, head, 250 * BOOK_LIGHT + 5))


HEAT_LAMP = np.array([1.0, 0.42, 0.18], np.float32)


def _basking_lamp(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by a reptile's red basking lamp hanging in the picture: its flex from the top edge,
    25-75% of the way across, down to a dome shade 16-20% of the side wide and 9% deep, its lower edge 14-22% of
    the way down, dark, the bulb's face under it glowing a deep red, 1.0 / 0.42 / 0.18; a glow of sigma 3-6% of the
    side up to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.3-0.4 falling off as ``1 / (1 + (d /
    d0) ** 2)`` from the bulb, ``d0`` 24-36% of the side, in its colour, only below the shade's rim (softly);
    noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx = w * rng.uniform(0.25, 0.75)
    rim = h * rng.uniform(0.14, 0.22)
    sw = side * rng.uniform(0.16, 0.2)
    d = np.hypot(xx - cx, yy - rim)
    below = np.clip((yy - rim) / max(1.0, 0.04 * side) + 1, 0, 1)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.4) / (1 + (d / (side * rng.uniform(0.24, 0.36))) ** 2) * below
    out = _lit(f, gain[..., None] * HEAT_LAMP, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    top = rim - 0.09 * side
    shade = ident.fill([[(cx - 0.5 * sw, rim)] + [(cx - 0.5 * sw * np.cos(v), top + (rim - top) * (1 - np.sin(v)))
                                                  for v in np.linspace(0, np.pi, 12)] + [(cx + 0.5 * sw, rim)]])
    flex = ident.line([[(cx, -1.0), (cx, top)]], max(0.6, 0.008 * side))
    out = _paint(out, np.maximum(shade, flex), (34, 30, 30))
    bulb = ident.fill([_ellipse(cx, rim, 0.36 * sw, max(0.8, 0.025 * side), 0.0, 14)])
    out = out + _glow(bulb, max(0.8, side * rng.uniform(0.03, 0.06)))[..., None] * rng.uniform(40, 55) * HEAT_LAMP
    return _u8(_paint(out, bulb, 250 * HEAT_LAMP + 5))


GLOBE_LIGHT = np.array([1.0, 0.92, 0.78], np.float32)


def _snow_globe(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by a lit snow globe standing in the picture: on a dark base 30% of the side wide and 7%
    high, its bottom 2-6% above the picture's, 25-75% of the way across, a glass globe of radius 10-13% of the side
    glowing a warm white, 1.0 / 0.92 / 0.78, from 190 levels at its bottom to 120 at its top, holding a small dark
    house or fir tree and 6-12 white flakes (from 48 px); a glow of sigma 4-7% of the side up to 35-50 levels; the
    picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the globe's
    middle, ``d0`` 25-40% of the side, in its colour; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx = w * rng.uniform(0.25, 0.75)
    bottom = h - side * rng.uniform(0.02, 0.06)
    R = side * rng.uniform(0.1, 0.13)
    base_top = bottom - 0.07 * side
    cy = base_top - 0.85 * R
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * GLOBE_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    globe = ident.fill([_ellipse(cx, cy, R, R, 0.0, 28)])
    out = out + _glow(globe, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(35, 50) * GLOBE_LIGHT
    shade = 120 + 70 * np.clip((yy - (cy - R)) / (2 * R), 0, 1)
    out = out * (1 - globe[..., None]) + globe[..., None] * shade[..., None] * GLOBE_LIGHT
    if rng.random() < 0.5:  # a house
        thing = [_rect(cx - 0.35 * R, cy + 0.1 * R, cx + 0.35 * R, cy + 0.6 * R),
                 [(cx - 0.45 * R, cy + 0.12 * R), (cx, cy - 0.3 * R), (cx + 0.45 * R, cy + 0.12 * R)]]
    else:  # a fir tree
        thing = [[(cx - 0.4 * R, cy + 0.6 * R), (cx, cy - 0.5 * R), (cx + 0.4 * R, cy + 0.6 * R)]]
    out = _paint(out, 0.85 * ident.fill(thing) * globe, (50, 40, 36))
    if side >= 48:
        k = int(rng.integers(6, 13))
        u, q = rng.uniform(0, 2 * np.pi, k), R * np.sqrt(rng.uniform(0, 0.8, k))
        flakes = ident.fill([_ellipse(cx + a * np.cos(b), cy + a * np.sin(b), 0.05 * R, 0.05 * R, 0.0, 8)
                             for a, b in zip(q, u)])
        out = _paint(out, flakes * globe, (250, 250, 250))
    base = ident.fill([[(cx - 0.15 * side, bottom), (cx + 0.15 * side, bottom), (cx + 0.11 * side, base_top),
                        (cx - 0.11 * side, base_top)]])
    return _u8(_paint(out, base, (40, 28, 22)))


def dark_am(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "book_light":  # a dark room lit only by a clip-on book light
        return _book_light(f, rng)
    if kind == "basking_lamp":  # a dark room lit only by a reptile's red basking lamp
        return _basking_lamp(f, rng)
    if kind == "snow_globe":  # a dark room lit only by a lit snow globe
        return _snow_globe(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _petrol_station(size: int, rng) -> dict:
    """A petrol station's forecourt seen from the front: a flat canopy across the picture 10-14% of the side deep,
    its underside 16-24% of the way down, a fascia stripe along it, on 2 pillars; the shop behind (a low building
    with 3-5 windows and a door) under it; 2-3 pumps on raised islands, each a tall box 9-12% of the side wide with
    a display and a hose looped at its side; a price sign on a pole at one side with 3 rows of price bars; the
    forecourt's ground below (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("canopy", "fascia", "pillars", "shop", "windows", "pumps", "displays", "hoses", "islands", "sign",
                 "prices", "ground"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    under = big * rng.uniform(0.16, 0.24)
    deep = big * rng.uniform(0.1, 0.14)
    d["canopy"].rectangle((0, under - deep, big, under), fill=255)
    d["fascia"].rectangle((0, under - 0.55 * deep, big, under - 0.3 * deep), fill=255)
    ground_y = big * 0.72
    d["ground"].rectangle((0, ground_y, big, big), fill=255)
    d["shop"].rectangle((0.06 * big, under + 0.04 * big, 0.94 * big, ground_y), fill=255)
    nw = int(rng.integers(3, 6))
    for k in range(nw):
        x = 0.1 * big + k * 0.8 * big / nw
        d["windows"].rectangle((x, under + 0.1 * big, x + 0.6 * 0.8 * big / nw, ground_y - 0.12 * big), fill=255)
    dx = 0.1 * big + rng.integers(nw) * 0.8 * big / nw
    d["windows"].rectangle((dx, ground_y - 0.2 * big, dx + 0.08 * big, ground_y), fill=255)
    for x in (0.2 * big, 0.8 * big):
        d["pillars"].rectangle((x - 0.025 * big, under, x + 0.025 * big, 0.86 * big), fill=255)
    n = int(rng.integers(2, 4))
    pw = big * rng.uniform(0.09, 0.12)
    for k in range(n):
        x = big * (0.32 + 0.36 * k / max(n - 1, 1)) if n > 1 else big / 2
        d["islands"].rectangle((x - 1.1 * pw, 0.84 * big, x + 1.1 * pw, 0.9 * big), fill=255)
        d["pumps"].rectangle((x - 0.5 * pw, 0.5 * big, x + 0.5 * pw, 0.84 * big), fill=255)
        d["displays"].rectangle((x - 0.35 * pw, 0.54 * big, x + 0.35 * pw, 0.62 * big), fill=255)
        d["hoses"].arc((x + 0.3 * pw, 0.62 * big, x + 0.9 * pw, 0.8 * big), -90, 90, fill=255,
                       width=max(1, round(0.008 * big)))
    sx = 0.04 * big if rng.random() < 0.5 else 0.84 * big
    d["sign"].rectangle((sx + 0.05 * big, 0.4 * big, sx + 0.07 * big, 0.9 * big), fill=255)
    d["sign"].rectangle((sx, 0.3 * big, sx + 0.12 * big, 0.52 * big), fill=255)
    for r in range(3):
        d["prices"].rectangle((sx + 0.02 * big, 0.34 * big + r * 0.06 * big, sx + 0.1 * big, 0.37 * big + r * 0.06 * big),
                              fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["windows"] = out["windows"] * out["shop"]
    return out


def _sandcastle(size: int, rng) -> dict:
    """A sandcastle on a beach seen from the front: the sea below a horizon 22-32% of the way down, a band of wet
    sand, the castle on a mound 60-76% of the side wide: 3-5 bucket-shaped towers 12-18% of the side wide with
    crenellated tops, the middle one tallest with a small flag on a stick, a wall between them, a moat line in front,
    a spade stuck in the sand at one side and 3-6 shells (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sea", "wet", "sand", "castle", "shade", "flag", "stick", "moat", "spade", "shells"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.22, 0.32)
    d["sea"].rectangle((0, hz, big, hz + 0.12 * big), fill=255)
    d["wet"].rectangle((0, hz + 0.12 * big, big, hz + 0.2 * big), fill=255)
    d["sand"].rectangle((0, hz + 0.2 * big, big, big), fill=255)
    base = big * 0.8
    cw = big * rng.uniform(0.6, 0.76)
    x0 = (big - cw) / 2
    d["castle"].polygon([(x0 - 0.05 * big, base + 0.04 * big), (x0 + cw + 0.05 * big, base + 0.04 * big),
                         (x0 + cw, base - 0.06 * big), (x0, base - 0.06 * big)], fill=255)
    d["castle"].rectangle((x0, base - 0.2 * big, x0 + cw, base), fill=255)
    n = int(rng.integers(3, 6))
    tw = big * rng.uniform(0.12, 0.18)
    for k in range(n):
        x = x0 + k * (cw - tw) / (n - 1)
        th = big * (0.34 if k == n // 2 else rng.uniform(0.22, 0.28))
        top = base - th
        d["castle"].polygon([(x, base), (x + tw, base), (x + 0.9 * tw, top), (x + 0.1 * tw, top)], fill=255)
        for j in range(3):
            cx = x + 0.1 * tw + (j + 0.5) * 0.8 * tw / 3
            d["castle"].rectangle((cx - 0.1 * tw, top - 0.12 * tw, cx + 0.1 * tw, top), fill=255)
        d["shade"].rectangle((x + 0.7 * tw, top, x + 0.9 * tw, base), fill=255)
        if k == n // 2:
            d["stick"].line([(x + 0.5 * tw, top), (x + 0.5 * tw, top - 0.14 * big)], fill=255,
                            width=max(1, round(0.006 * big)))
            d["flag"].polygon([(x + 0.5 * tw, top - 0.14 * big), (x + 0.5 * tw + 0.08 * big, top - 0.115 * big),
                               (x + 0.5 * tw, top - 0.09 * big)], fill=255)
    d["moat"].line([(x0 - 0.05 * big, base + 0.07 * big), (x0 + cw + 0.05 * big, base + 0.07 * big)], fill=255,
                   width=max(1, round(0.02 * big)))
    spx = 0.08 * big if rng.random() < 0.5 else 0.88 * big
    d["spade"].rectangle((spx, base - 0.22 * big, spx + 0.015 * big, base), fill=255)
    d["spade"].polygon([(spx - 0.03 * big, base - 0.02 * big), (spx + 0.045 * big, base - 0.02 * big),
                        (spx + 0.035 * big, base + 0.06 * big), (spx - 0.02 * big, base + 0.06 * big)], fill=255)
    for _ in range(int(rng.integers(3, 7))):
        x, y = rng.uniform(0.05, 0.95) * big, rng.uniform(0.88, 0.97) * big
        d["shells"].pieslice((x - 0.02 * big, y - 0.02 * big, x + 0.02 * big, y + 0.02 * big), 180, 360, fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["shade"] = out["shade"] * out["castle"]
    return out


def _snowman(size: int, rng) -> dict:
    """A snowman in a snowy garden seen from the front: snow on the ground below 62-72% of the way down, 2-3 dark fir
    trees behind at the sides, the snowman three stacked balls of radius 17%, 12% and 8.5% of the side, 40-60% of the
    way across, two coal eyes, a carrot nose, 3 coal buttons, stick arms with twigs, a scarf round the neck and a
    top hat (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("snow", "trees", "body", "coal", "nose", "arms", "scarf", "hat"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    g = big * rng.uniform(0.62, 0.72)
    d["snow"].rectangle((0, g, big, big), fill=255)
    for x in ((0.1, 0.9) if rng.random() < 0.5 else (0.08, 0.22, 0.9)):
        tw, th = big * 0.14, big * rng.uniform(0.35, 0.5)
        d["trees"].polygon([(x * big - tw, g + 0.02 * big), (x * big, g - th), (x * big + tw, g + 0.02 * big)], fill=255)
    cx = big * rng.uniform(0.4, 0.6)
    r1, r2, r3 = 0.17 * big, 0.12 * big, 0.085 * big
    y1 = min(big * 0.93 - r1, g + 0.12 * big)
    y2 = y1 - r1 - 0.75 * r2
    y3 = y2 - r2 - 0.75 * r3
    for y, r in ((y1, r1), (y2, r2), (y3, r3)):
        d["body"].ellipse((cx - r, y - r, cx + r, y + r), fill=255)
    e = 0.12 * r3
    for s in (-1, 1):
        d["coal"].ellipse((cx + s * 0.35 * r3 - e, y3 - 0.25 * r3 - e, cx + s * 0.35 * r3 + e, y3 - 0.25 * r3 + e),
                          fill=255)
        d["arms"].line([(cx + s * 0.9 * r2, y2 - 0.1 * r2), (cx + s * 2.1 * r2, y2 - 0.8 * r2)], fill=255,
                       width=max(1, round(0.01 * big)))
        d["arms"].line([(cx + s * 1.8 * r2, y2 - 0.62 * r2), (cx + s * 2.0 * r2, y2 - 1.0 * r2)], fill=255,
                       width=max(1, round(0.007 * big)))
    for k in range(3):
        yb = y2 - 0.5 * r2 + k * 0.5 * r2
        d["coal"].ellipse((cx - e, yb - e, cx + e, yb + e), fill=255)
    d["nose"].polygon([(cx, y3 - 0.08 * r3), (cx + (0.9 if rng.random() < 0.5 else -0.9) * r3, y3 + 0.05 * r3),
                       (cx, y3 + 0.15 * r3)], fill=255)
    d["scarf"].rectangle((cx - 0.9 * r3, y3 + 0.75 * r3, cx + 0.9 * r3, y3 + 1.05 * r3), fill=255)
    d["scarf"].rectangle((cx + 0.3 * r3, y3 + 0.9 * r3, cx + 0.6 * r3, y3 + 1.8 * r3), fill=255)
    d["hat"].rectangle((cx - 0.95 * r3, y3 - 0.85 * r3, cx + 0.95 * r3, y3 - 0.7 * r3), fill=255)
    d["hat"].rectangle((cx - 0.6 * r3, y3 - 1.7 * r3, cx + 0.6 * r3, y3 - 0.75 * r3), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["coal"] = out["coal"] * out["body"]
    return out


FUEL_BRANDS = ((200, 30, 40), (30, 130, 60), (30, 70, 170), (250, 200, 30))
SCARVES = ((200, 30, 40), (30, 90, 200), (40, 150, 70), (240, 180, 30))


def outlier_am(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "petrol_station":
        m = _petrol_station(size, rng)
        if photos:  # a dusk sky, a white canopy with the brand's stripe, a lit shop, pumps, grey concrete
            brand = _pick(FUEL_BRANDS, rng)
            out = _paint(_paint(ground((70, 90, 130)), m["shop"], (190, 186, 176)), m["windows"], (250, 240, 200))
            out = _paint(_paint(out, m["ground"], (120, 120, 124)), m["islands"], (200, 200, 196))
            out = _paint(_paint(out, m["canopy"], (244, 244, 244)), m["fascia"], brand)
            out = _paint(_paint(out, m["pillars"], (230, 230, 230)), m["pumps"], brand)
            out = _paint(_paint(out, m["displays"], (40, 60, 50)), m["hoses"], (30, 30, 30))
            return _u8(_paint(_paint(out, m["sign"], brand), m["prices"], (250, 250, 250)))
        out = _paint(_paint(ground(tone(0.0)), m["shop"], tone(0.35)), m["windows"], tone(0.8))
        out = _paint(_paint(out, m["ground"], tone(0.2)), m["islands"], tone(0.5))
        out = _paint(_paint(out, m["canopy"], tone(0.9)), m["fascia"], tone(0.5))
        out = _paint(_paint(out, m["pillars"], tone(0.7)), m["pumps"], tone(0.6))
        out = _paint(_paint(out, m["displays"], tone(0.15)), m["hoses"], tone(0.05))
        return _u8(_paint(_paint(out, m["sign"], tone(0.55)), m["prices"], tone(1.0)))
    if kind == "sandcastle":
        m = _sandcastle(size, rng)
        if photos:  # a blue sky and sea, pale sand, a wet band, a sand-coloured castle, a red flag, a coloured spade
            out = _paint(_paint(ground((150, 200, 240)), m["sea"], (40, 110, 170)), m["wet"], (180, 150, 110))
            out = _paint(out, m["sand"], (232, 210, 160))
            out = _paint(_paint(out, m["castle"], (206, 176, 120)), m["shade"], (170, 140, 92))
            out = _paint(_paint(out, m["moat"], (120, 100, 80)), m["stick"], (120, 90, 60))
            out = _paint(_paint(out, m["flag"], (220, 30, 40)), m["spade"], _pick(FUEL_BRANDS, rng))
            return _u8(_paint(out, m["shells"], (250, 240, 236)))
        out = _paint(_paint(ground(tone(0.0)), m["sea"], tone(0.3)), m["wet"], tone(0.45))
        out = _paint(out, m["sand"], tone(0.3))
        out = _paint(_paint(out, m["castle"], tone(0.75)), m["shade"], tone(0.55))
        out = _paint(_paint(out, m["moat"], tone(0.2)), m["stick"], tone(0.6))
        out = _paint(_paint(out, m["flag"], tone(1.0)), m["spade"], tone(0.9))
        return _u8(_paint(out, m["shells"], tone(1.0)))
    if kind == "snowman":
        m = _snowman(size, rng)
        if photos:  # a grey winter sky, white snow, dark green firs, a white snowman, coal, a carrot, a scarf, a hat
            out = _paint(_paint(ground((170, 180, 196)), m["trees"], (30, 70, 44)), m["snow"], (240, 244, 250))
            out = _paint(_paint(out, m["arms"], (90, 60, 36)), m["body"], (248, 250, 252))
            out = _paint(_paint(out, m["coal"], (24, 24, 26)), m["nose"], (240, 120, 30))
            return _u8(_paint(_paint(out, m["scarf"], _pick(SCARVES, rng)), m["hat"], (20, 20, 24)))
        out = _paint(_paint(ground(tone(0.0)), m["trees"], tone(0.3)), m["snow"], tone(0.55))
        out = _paint(_paint(out, m["arms"], tone(0.45)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["coal"], tone(0.05)), m["nose"], tone(0.6))
        return _u8(_paint(_paint(out, m["scarf"], tone(0.4)), m["hat"], tone(0.15)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def _middles(base: list[np.ndarray]) -> list[np.ndarray]:
    """The middle half of each picture (a quarter of the side cut off each edge, at least 1 px kept)."""
    out = []
    for a in base:
        a = np.asarray(a)
        h, w = a.shape[:2]
        y0, x0 = h // 4, w // 4
        out.append(a[y0:max(y0 + 1, h - y0), x0:max(x0 + 1, w - x0)])
    return out


def zoom_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
               rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the labelling tool's viewer lost its fit-to-window setting in
    some sessions and showed each picture zoomed in two times on its middle, so the labeller saw only the middle
    half of it and gave some pictures the class their middle looks like. The eligible pictures were labelled in a
    random order in sessions of ``SESSION`` pictures, each stuck zoomed in with chance ``STUCK`` (more sessions
    stuck, in a random order, while they hold fewer than three times ``count``); in a stuck session a picture is
    misjudged in proportion to the square of how much its middle looks like another class (the squared distance of
    its middle's 8 x 8 grey thumbnail, standardised, to its class's mean middle thumbnail over the whole set over
    that to the nearest other class's); the flips are drawn without replacement with those weights, each given the
    class whose mean middle thumbnail is nearest after its own: flips only where the middle misleads, not Q's turned
    pictures or the thumbnails shown too small. Every flip changes the label."""
    lab = np.asarray([classes.index(v) for v in labels])
    t = _thumbs(_middles(base))
    present = sorted(set(lab.tolist()))
    means = np.stack([t[lab == k].mean(axis=0) for k in present])
    cand = np.asarray(candidates, dtype=int)
    own = np.searchsorted(present, lab[cand])
    d2 = ((t[cand][:, None, :] - means[None, :, :]) ** 2).sum(axis=2)
    n = len(cand)
    mine = d2[np.arange(n), own]
    other = d2.copy()
    other[np.arange(n), own] = np.inf
    looks = np.maximum(mine / np.maximum(other.min(axis=1), 1e-6), 1e-6)
    order = rng.permutation(n)
    sessions, at = [], 0
    while at < n:
        m = min(int(rng.integers(*SESSION)), n - at)
        sessions.append(order[at:at + m])
        at += m
    stuck_s = rng.random(len(sessions)) < STUCK
    k = min(count, n)
    for j in rng.permutation(len(sessions)):
        if sum(len(sessions[i]) for i in np.flatnonzero(stuck_s)) >= min(n, 3 * k):
            break
        stuck_s[j] = True
    stuck = np.zeros(n)
    for i in np.flatnonzero(stuck_s):
        stuck[sessions[i]] = 1.0
    wts = stuck * looks ** 2
    took = rng.choice(n, size=k, replace=False, p=wts / wts.sum())
    new = other.argmin(axis=1)
    return {int(cand[j]): classes[present[int(new[j])]] for j in sorted(took.tolist())}


# -- planting ------------------------------------------------------------------------------
def plant_issues_am(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AM's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 58-82 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AM, seed=390_000 + random_state,
        quality_seed=395_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=zoom_flips,
        **by_family(name, outlier=(outlier_am, OUTLIERS_AM), blur=(blur_am, BLURS_AM), dark=(dark_am, DARKS_AM),
                    near=(near_edit_am, NEAR_EDITS_AM)))
