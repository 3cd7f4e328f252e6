"""Generator AL: fresh EVALUATION sets after generator AK's run (never used to choose anything).

Why a thirty-sixth evaluation generator: generator AK's sets have been run, and what they showed may inform the next
changes (the commit subjects since name AK's one run: near_duplicate at or above 0.85 on all four sets and blurry 2 of
134; near_duplicate's box rule for a pair equal outside a quarter of the picture, an object laid
on it; blurry's suspects judged again against layout look-alikes, AK's rubbings and chromatograms 2 -> 116 of 120;
dark's suspects without look-alike peers and a content-away-from-lights statistic measured and not kept), so they
will not stay untouched; AL is a held-out measurement of the code after that run, of families of its own (AL's writer
read no docs, logs, result files or commit bodies: only the commit subjects, the library's code and the earlier
generators' and tuning tools' files, to copy their structure and to avoid their families). Generator AL
was written before any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs,
darkenings and foreign pictures at 28, 40 and 256 px, to check that every edit is visible, every blur blurred, every
darkened image dark with its picture still in it and every outlier foreign, and the planted folders hashed twice); it
is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are
of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian,
ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK)
and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate,
brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to
AK's it has two blur families, not three. Left out because an earlier generator made them or left them out: among
objects on the print a bay leaf (O's leaf), a bobby pin (AC's and AF's hair clips), a USB stick (W's),
a tape measure (AG's list), a spring onion (AK's asparagus, Z's carrot), a pencil sharpener (O's pencil), a
carabiner (N's paper clip, as listed before), a padlock (V's door key, as listed before); of the whole picture
sprinkles (U's confetti), a snail's slime trails (AG's termite tubes, as listed before), noughts and crosses (W's
list), a paper doily (V's and AI's lists); among blurs an
edible print on icing (AC's list), a pin-art toy (AD's list), a thermochromic sheet warmed by a hand (AB's
thermochromic ink), a juice drawing revealed by heat (a print scorched brown, as listed before), a tie-dye (AH's list), a
smudged pastel copy (AA's list, L's smudge), fumage (AF's); among darkenings an electric heater's glowing bars (the ones
V left out), a photocopier's lamp (U's dark photocopy), a torch under a blanket (the torches of P, AA, AD and AJ), a
night-light (K's, Q's, AD's and AH's lists), a phone box (AC's bus shelter), footlights (the ones listed before), a
moon lamp (W's plasma globe, as listed before); among foreign pictures a raked Zen garden (AC's list), a mini-golf
hole (R's pitch, as the golf hole listed before), an airport's runway (AJ's apron), a curling sheet (AA's to AC's
and R's lists), a hopscotch court (AA's list); among label noise class names completed as typed (a listed one),
voice labelling (T's sound-alikes, AB's dictated labels), a tired labeller repeating the label given before (M's, as
listed before), a drop-down list's alphabetical neighbour (S's list), web searches (R's first-yes, AJ's click log),
a model's pre-filled classes accepted (L's auto-labeller, AD's sampled teacher).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 296 px
  set's two copies get both kinds): an emery board lying on the print (54-66% of the side long, at least 14 px, 10%
  of that wide with rounded ends, pink, black, beige or blue grit speckled by 14%, a white, magenta or dark foam core
  along one edge, a darker band across its middle, a sheen; at any angle, 30-70% of the way across and down, a soft
  shadow at 40%), a bendy drinking straw (a long arm 46-58% of the side long, at least 12 px, a short arm 22% of
  that turned by 40-80 degrees at a concertina bend of 5 ridges, 6% of the length wide, at least 1.2 px, white
  striped in red, blue, green or orange, a sheen; at any angle, the same place and shadow), a clinical glass
  thermometer (50-62% of the side long, at least 13 px, a clear rod 9% of that wide at 30%, a silver or red bulb
  and column rising 40-75% of the way, 9-13 black ticks on a white backing strip, a bright sheen; at any angle, the
  same place, a shadow at 30%), an aluminium crochet hook (56-68% of the side long, at least 14 px, a shaft 4% of
  that wide, at least 1 px, purple, teal, gold, silver or orange, a flat thumb rest with a size mark, a throat and
  barb, a sheen; at any angle, the same place and shadow) and a disposable lighter lying on its side (40-50% of the
  side long, at least 12 px, a translucent red, blue, yellow, green or pink body 26% of that wide, its fuel and valve
  inside, a steel hood with 3 slots, a striker wheel and a red or black lever, a sheen; at any angle, the same place
  and shadow); of the whole picture: price stickers stuck over the print (2-3 below 48 px, 4-7 above, 10-90% of the
  way across and down, 20-26% of the side wide below 48 px, 11-15% above, 55% of that high, at least 6 x 4 px,
  turned by up to 0.5 radians, orange, yellow, green, white or pink, a price in 3-4 dark figure strokes, half of
  them a red line along the top, a soft shadow at 30%: a shop's labelling gun, not J's emoji sticker or the sticky
  notes of K, T, U, V, W and AH), dabs of bingo dauber ink (3-4 below 48 px, 6-10 above, discs of radius 8-10% of
  the side below 48 px, 5-7% above, at least 2 px, wobbling by 6%, one or two of magenta, blue, yellow, green,
  violet or orange translucent ink multiplied over the print at 60-75%, 20% darker at the rim: stamped translucent
  discs, not U's confetti or N's ink splash) and a dot-to-dot puzzle drawn over the print in pen (9-12 dots below
  48 px, 18-30 above, along a closed wobbly loop of radius 28-40% of the side round a point 40-60% of the way across
  and down, each a dot of radius 1.4% of the side, at least 0.9 px, numbered by 1-2 short strokes from 48 px, the
  first 55-85% of them joined in order by a ruled line 0.6% of the side wide, at least 0.8 px, grey or blue, white
  on a dark ground, at 90%: a puzzle's numbered dots, not O's signature, AJ's spirograph or AK's tally marks);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture laid under a glass dish of set fruit jelly and photographed from above through it
  (the gelatine's haze scattering the light, a Gaussian of 1.6-2.2% of the side, at least 1 px, for 60% of it and
  one 3 times as wide for the rest, tinted strawberry, orange, lime or lemon over a 12% milky veil, its surface in
  gentle swells moving the picture by up to 1.5% of the side, at least 0.5 px, and brightening it by 4%, a
  meniscus's bright rim 3% of the side wide at 35%: scattering in a jelly, not I's frosted glass or AJ's shadow
  play) and the picture screen-printed in one ink by a beginner who flooded the screen (its darkness, or on a dark
  ground its grey, let through the mesh, the over-wet ink creeping under the stencil as a Gaussian of 1.8-2.6% of
  the side, at least 1 px, and dragged along the squeegee's stroke at any angle as a one-sided exponential of 3-5%
  of the side, at least 1.5 px; black, navy, red, green or purple ink at 85-95% on white, kraft or cream paper, the
  mesh's weave, a period of 2.5% of the side, at least 2 px, printing through by 3%, the paper's fibres by 1.5%: ink
  flooding a stencil, not AA's stencil spray, Q's ink bleed along fibres or AK's paper chromatography); each as a
  camera metering on the highlights exposes it (as Y's to AK's);
* ``dark`` (2%): a kitchen at night lit only by a cooker hood's two lamps (the hood a dark steel band across the top,
  10-14% of the side deep, under a chimney 30% of the side wide, 30-70% of the way across, its two lamps 5% of the
  side wide, at least 2 px, 24% of the side apart, a warm 1.0 / 0.86 / 0.62; a glow of sigma 3-5% of the side up to
  40-55 levels; the picture below the lamps lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d
  / d0) ** 2)`` from the nearer lamp, ``d0`` 25-40% of the side, the distance across counted 1.6 times; noise sigma
  1.2 levels: two lamps shining down from the top, not V's gas hob or AJ's chandelier), a dark room lit only by a
  glass display cabinet lit from inside (at the picture's left or right edge, 16-20% of the side wide and 50-60%
  high, a dark wooden frame, the glass a cool white from 110 levels at its bottom to 190 at its top, 3 glass shelves
  with 1-3 dark ornaments each; a glow of sigma 4-7% of the side up to 30-45 levels; the picture lit at a gain of
  0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from its nearer side, ``d0`` 25-40% of the
  side; noise sigma 1.2 levels: a tall lit case at the edge, not AF's letter light box or AC's vending machine) and
  a dark room lit only by a sewing machine's small lamp (the machine across the bottom from 62-70% of the way down,
  70-86% of the side wide, cream, black, red or pale blue in the dark, its arm, pillar, head, needle and handwheel, a
  bulb 5% of the side wide, at least 2 px, under the head, 1.0 / 0.9 / 0.72; a glow of sigma 3-6% of the side up
  to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) **
  2)`` from the bulb, ``d0`` 22-35% of the side; noise sigma 1.2 levels: one small bulb low in the picture, not AK's
  moth trap or I's lamp); none of them blurs the picture;
* ``outlier`` (1.5%): garden ponds seen from above (a lawn round an irregular pond of radius 30-40% of the side, a
  paved edge, 4-7 lily pads below 48 px, 8-14 above, each with its notch and veins, 1-3 flowers, 1-3 goldfish, a
  clump of reeds), drive-through car washes seen from the front (a tiled wall, the tunnel's dark opening 70-80% of
  the side wide, two tall streaked brushes and a top brush, a spray bar with 8-12 jets, a car's front on a wet floor
  between guide rails) and library card catalogues seen from the front (a wooden cabinet filling 86-94% of the side,
  4-5 columns and 5-6 rows of drawers below 48 px, 6-8 and 7-10 above, each with a label under a brass frame and a
  brass pull, one in 12 pulled out showing its cards, a plinth); the digit and clothing sets get them in their own
  tones on their dark ground, the photographs as dark green water with green pads, pink or white flowers and orange
  fish on a lawn, blue, green, red or yellow brushes round a red, white, blue, black or grey car under white tiles,
  and walnut or oak drawers with cream labels and brass;
* ``label`` (5%): *fatigue* flips: one labeller worked through the eligible pictures, in a random order, in stints
  of 40-89 pictures between breaks, and grew tired through each stint: the chance of a slip on a picture rises as
  the cube of how far into its stint it came and in proportion to how hard the picture is (the squared distance of
  its 8 x 8 grey thumbnail, standardised, to its class's mean thumbnail over the whole set over that to the nearest
  other class's); the flips are drawn without replacement with those weights, each given the class whose mean
  thumbnail is nearest after its own: slips piling up before each break, not H's ambiguous half (no session),
  F's confusable classes drawn anywhere or M's tired labeller repeating the last label. Every flip changes the
  label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AL's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
277), MNIST (2,000, seed 278), and the evaluation photographs tiled at 42 px (24 tiles a photograph at most, seed 279:
408) and at 296 px (every tile, seed 280: 70, the photographs with 1-28 tiles each: AK's photograph base does give 296
px tiles, but the chelsea, clock, coins and cell photographs give one each, so each of their classes holds one
picture), sizes no other set uses. ``photos42_al_jpeg`` is written as JPEG files, each at a quality drawn from 61-84
(a stream of its own, seed ``385_000 + random_state``), every edit, blur and darkening made before the encoding, near
copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the file; the
other sets are PNG files. Planting draws from seed ``380_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to AK).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _rrect
from _heldout_ae import _lit
from _heldout_af import _glow, _stretched
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

EVALUATION_AL = ("fashion_test_al", "mnist_al", "photos42_al_jpeg", "photos296_al")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AL = {
    "fashion_test_al": ("fashion_test", 277),
    "mnist_al": ("mnist", 278),
    "photos42_al_jpeg": ("photos", 279, 42, 8, 24),
    "photos296_al": ("photos", 280, 296, 8, 1000),
}
JPEG_QUALITY = (61, 85)  # the JPEG set's qualities: integers in [low, high)
RATES_AL = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (2 copies) gets both kinds
NEAR_EDITS_AL = ("nail_file", "price_stickers", "drinking_straw", "bingo_dabs", "thermometer", "dot_to_dot",
                 "crochet_hook", "lighter")
BLURS_AL = ("jelly_dish", "flooded_screen_print")
DARKS_AL = ("cooker_hood", "display_cabinet", "sewing_machine")
OUTLIERS_AL = ("lily_pond", "car_wash", "card_catalogue")
STINT = (40, 90)  # the tired labeller's stints between breaks, in pictures: integers in [low, high)


def load_base_al(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AL, "AL")


# -- near copies -----------------------------------------------------------------------------
EMERY = ((236, 150, 170), (40, 40, 44), (220, 200, 160), (120, 180, 220))
EMERY_BACK = ((250, 250, 250), (200, 60, 110), (60, 60, 66))


def _nail_file(f: np.ndarray, rng) -> np.ndarray:
    """An emery board lying on the print: 54-66% of the side long, at least 14 px, 10% of that wide with rounded
    ends, its face pink, black, beige or blue grit speckled by 14% noise, a white, magenta or dark foam core showing
    as a 14% band along one edge, a darker band across its middle 12% long, a sheen at 30%; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.54, 0.66))
    grit, back = np.asarray(_pick(EMERY, rng)), _pick(EMERY_BACK, rng)
    fr = _frame_at(h, w, rng)
    W = 0.05 * L
    body = fr.fill([_rrect(-0.5 * L, -W, 0.5 * L, W, W, 8)])
    core = fr.fill([_rrect(-0.5 * L, 0.72 * W, 0.5 * L, W, 0.3 * W, 6)]) * body
    band = fr.fill([_rect(-0.06 * L, -W, 0.06 * L, W)]) * body
    speck = 1 + 0.14 * rng.normal(0, 1, (h, w, 1)).astype(np.float32)
    out = _laid(f, [(body, (0, 0, 0), 0.0, True)], 0.4)
    out = out * (1 - body[..., None]) + body[..., None] * np.clip(grit * speck, 0, 255)
    out = _paint(_paint(out, core, back), 0.6 * band, grit * 0.6)
    sheen = fr.line([[(-0.45 * L, -0.5 * W), (0.45 * L, -0.5 * W)]], max(0.35, 0.01 * L))
    return _u8(_paint(out, 0.3 * sheen, (255, 255, 255)))


STRAWS = ((230, 40, 50), (40, 110, 220), (40, 170, 80), (240, 160, 30))


def _drinking_straw(f: np.ndarray, rng) -> np.ndarray:
    """A bendy drinking straw lying on the print: a long arm 46-58% of the side long, at least 12 px, and a short arm
    22% of that, 6% of the length wide, at least 1.2 px, joined by a concertina bend of 5 ridges, the short arm
    turned by 40-80 degrees, white striped in red, blue, green or orange, the stripes 8% of the length apart turned
    by 30 degrees, a sheen at 50%; at any angle, its middle 30-70% of the way across and down, a soft shadow at
    40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.46, 0.58))
    col = _pick(STRAWS, rng)
    fr = _frame_at(h, w, rng)
    hw = max(0.6, 0.03 * L)
    bx = 0.25 * L
    b = rng.uniform(0.7, 1.4) * (1 if rng.random() < 0.5 else -1)
    ex, ey = bx + 0.04 * L + 0.22 * L * np.cos(b), 0.22 * L * np.sin(b)
    arms = [[(-0.5 * L, 0.0), (bx, 0.0)], [(bx + 0.04 * L, 0.0), (ex, ey)]]
    tube = fr.line(arms + [[(bx, 0.0), (bx + 0.04 * L, 0.0)]], 2 * hw)
    stripes = []
    for x in np.arange(-0.5 * L, bx, 0.08 * L):
        stripes.append([(x - 0.3 * hw, -hw), (x + 0.3 * hw, hw)])
    for t in np.arange(0.04, 0.22, 0.08):
        px, py = bx + 0.04 * L + t * L * np.cos(b), t * L * np.sin(b)
        stripes.append([(px - hw * np.sin(b), py + hw * np.cos(b)), (px + hw * np.sin(b), py - hw * np.cos(b))])
    ridges = [[(bx + k * 0.01 * L, -hw), (bx + k * 0.01 * L, hw)] for k in range(5)]
    parts = [(tube, (248, 248, 246), 1.0, True),
             (fr.line(stripes, max(0.5, 0.5 * hw)) * tube, col, 1.0, False),
             (fr.line(ridges, max(0.35, 0.2 * hw)) * tube, (150, 150, 156), 0.8, False),
             (fr.line([[(-0.48 * L, -0.45 * hw), (bx, -0.45 * hw)]], max(0.35, 0.3 * hw)), (255, 255, 255), 0.5,
              False)]
    return _u8(_laid(f, parts, 0.4))


def _thermometer(f: np.ndarray, rng) -> np.ndarray:
    """A clinical glass thermometer lying on the print: 50-62% of the side long, at least 13 px, a clear glass rod
    9% of that wide (pale, 30% over the print), a silver or red bulb 14% long at one end, its column 2.6% wide, at
    least 0.7 px, rising 40-75% of the way, 9-13 black scale ticks along one side and a white backing strip 30% of
    the rod wide behind the column, a bright sheen at 70%; at any angle, its middle 30-70% of the way across and down,
    a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.5, 0.62))
    col = (200, 204, 212) if rng.random() < 0.5 else (210, 30, 40)
    fr = _frame_at(h, w, rng)
    W = 0.045 * L
    rod = fr.fill([_rrect(-0.5 * L, -W, 0.5 * L, W, W, 8)])
    bulb = fr.fill([_ellipse(-0.44 * L, 0.0, 0.07 * L, 0.8 * W, 0.0, 16)])
    top = -0.38 * L + rng.uniform(0.4, 0.75) * 0.8 * L
    column = fr.line([[(-0.4 * L, 0.0), (top, 0.0)]], max(0.7, 0.026 * L))
    back = fr.fill([_rect(-0.36 * L, -0.6 * W, 0.46 * L, 0.0)])
    n = int(rng.integers(9, 14))
    ticks = [[(x, -0.95 * W), (x, -0.55 * W)] for x in np.linspace(-0.3 * L, 0.42 * L, n)]
    parts = [(rod, (236, 242, 246), 0.3, True),
             (back, (250, 250, 250), 0.9, False),
             (fr.line(ticks, max(0.35, 0.008 * L)), (20, 20, 24), 0.9, False),
             (np.maximum(bulb, column), col, 1.0, False),
             (fr.line([[(-0.46 * L, 0.7 * W), (0.46 * L, 0.7 * W)]], max(0.35, 0.012 * L)), (255, 255, 255), 0.7,
              False)]
    return _u8(_laid(f, parts, 0.3))


HOOKS = ((180, 60, 160), (60, 160, 200), (200, 170, 60), (190, 192, 200), (230, 90, 60))


def _crochet_hook(f: np.ndarray, rng) -> np.ndarray:
    """An aluminium crochet hook lying on the print: 56-68% of the side long, at least 14 px, a shaft 4% of that
    wide, at least 1 px, anodised purple, teal, gold, silver or orange, a flat thumb rest 16% long and 2.2 times as
    wide in its middle with a stamped size mark, a throat cut in the head and its barb turned back 6% of the
    length, a dark line along it, a sheen at 55%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.56, 0.68))
    col = np.asarray(_pick(HOOKS, rng), np.float32)
    fr = _frame_at(h, w, rng)
    hw = max(0.5, 0.02 * L)
    shaft = fr.fill([_rrect(-0.5 * L, -hw, 0.44 * L, hw, hw, 6)])
    head = fr.fill([[(0.44 * L, -hw), (0.5 * L, -0.6 * hw), (0.5 * L, 0.2 * hw), (0.46 * L, 0.2 * hw),
                     (0.44 * L, hw)]])
    barb = fr.line([[(0.5 * L, -0.4 * hw), (0.44 * L, -1.6 * hw)]], max(0.5, 0.8 * hw))
    rest = fr.fill([_rrect(-0.08 * L, -2.2 * hw, 0.08 * L, 2.2 * hw, hw, 6)])
    mark = fr.line([[(-0.04 * L, 0.0), (0.04 * L, 0.0)], [(0.0, -hw), (0.0, hw)]], max(0.35, 0.006 * L))
    parts = [(np.maximum(np.maximum(shaft, head), np.maximum(barb, rest)), col, 1.0, True),
             (fr.line([[(-0.45 * L, 0.3 * hw), (0.44 * L, 0.3 * hw)]], max(0.35, 0.3 * hw)), col * 0.6, 0.7, False),
             (mark * rest, col * 0.5, 0.9, False),
             (fr.line([[(-0.45 * L, -0.5 * hw), (0.42 * L, -0.5 * hw)]], max(0.35, 0.35 * hw)), (255, 255, 255), 0.55,
              False)]
    return _u8(_laid(f, parts, 0.4))


LIGHTERS = ((220, 40, 50), (40, 120, 220), (250, 200, 30), (60, 190, 90), (230, 110, 190))


def _lighter(f: np.ndarray, rng) -> np.ndarray:
    """A disposable lighter lying on its side on the print: 40-50% of the side long, at least 12 px, a translucent
    red, blue, yellow, green or pink body 26% of that wide with rounded corners over 78% of it, its fuel (a darker
    liquid to 40-70% of the body) and the fork of its valve inside, a steel hood over the rest with 3 slots, a dark
    striker wheel with ridges and a red or black push lever, a sheen at 45%; at any angle, its middle 30-70% of the
    way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.4, 0.5))
    col = np.asarray(_pick(LIGHTERS, rng), np.float32)
    fr = _frame_at(h, w, rng)
    W = 0.13 * L
    body = fr.fill([_rrect(-0.5 * L, -W, 0.28 * L, W, 0.4 * W, 6)])
    fuel = fr.fill([_rrect(-0.5 * L, -W, -0.5 * L + rng.uniform(0.4, 0.7) * 0.78 * L, W, 0.4 * W, 6)]) * body
    hood = fr.fill([_rect(0.28 * L, -0.85 * W, 0.5 * L, 0.85 * W)])
    slots = fr.line([[(x * L, -0.6 * W), (x * L, 0.6 * W)] for x in (0.36, 0.41, 0.46)], max(0.35, 0.012 * L))
    wheel = fr.fill([_ellipse(0.33 * L, -0.95 * W, 0.06 * L, 0.06 * L, 0.0, 14)])
    lever = fr.fill([_rect(0.22 * L, 0.55 * W, 0.3 * L, 1.1 * W)])
    valve = fr.line([[(0.1 * L, 0.0), (0.27 * L, 0.0)], [(0.1 * L, -0.4 * W), (0.1 * L, 0.4 * W)]],
                    max(0.35, 0.012 * L))
    parts = [(np.maximum(body, hood), col, 1.0, True),
             (fuel, col * 0.6, 0.8, False),
             (valve * body, (210, 210, 214), 0.8, False),
             (hood, (196, 198, 206), 1.0, False),
             (slots * hood, (40, 40, 44), 0.9, False),
             (wheel, (60, 60, 64), 1.0, True),
             (lever, (160, 20, 30) if rng.random() < 0.5 else (24, 24, 28), 1.0, True),
             (fr.line([[(-0.45 * L, -0.55 * W), (0.25 * L, -0.55 * W)]], max(0.35, 0.015 * L)), (255, 255, 255),
              0.45, False)]
    return _u8(_laid(f, parts, 0.4))


STICKERS = ((250, 140, 40), (250, 230, 60), (120, 220, 90), (250, 250, 250), (250, 110, 140))


def _price_stickers(f: np.ndarray, rng) -> np.ndarray:
    """Price stickers stuck over the whole print, as a shop's labelling gun leaves them: 2-3 below 48 px, 4-7 above,
    10-90% of the way across and down, each 20-26% of the side wide below 48 px, 11-15% above, and 55% of that high,
    at least 6 x 4 px, turned by up to 0.5 radians, orange, yellow, green, white or pink with corners rounded by 20%,
    its price in 3-4 dark figure strokes over its middle 70% (from 48 px, a row of small bars below 48 px) and a
    red line along its top (half of them); a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(2, 4)) if side < 48 else int(rng.integers(4, 8))
    out = f
    for _ in range(n):  # stuck one after another, each over those before
        sw = max(6.0, side * (rng.uniform(0.2, 0.26) if side < 48 else rng.uniform(0.11, 0.15)))
        sh = max(4.0, 0.55 * sw)
        fr = _Frame((h, w), rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h, rng.uniform(-0.5, 0.5))
        label = fr.fill([_rrect(-sw / 2, -sh / 2, sw / 2, sh / 2, 0.2 * sh, 4)])
        k = int(rng.integers(3, 5))
        strokes = []
        for j in range(k):
            x = -0.35 * sw + (j + 0.5) * 0.7 * sw / k
            if side < 48:
                strokes.append([(x, -0.1 * sh), (x, 0.25 * sh)])
                continue
            u = 0.28 * sw / k  # a figure: a short stroke, a loop or a zigzag
            shape = int(rng.integers(3))
            if shape == 0:
                strokes.append([(x, -0.25 * sh), (x, 0.3 * sh)])
            elif shape == 1:
                strokes.append([(x - u, -0.25 * sh), (x + u, -0.25 * sh), (x + u, 0.3 * sh), (x - u, 0.3 * sh),
                                (x - u, -0.25 * sh)])
            else:
                strokes.append([(x - u, -0.25 * sh), (x + u, -0.25 * sh), (x - u, 0.3 * sh), (x + u, 0.3 * sh)])
        parts = [(label, _pick(STICKERS, rng), 1.0, True),
                 (fr.line(strokes, max(0.5, 0.07 * sh)) * label, (24, 24, 30), 0.95, False)]
        if rng.random() < 0.5:
            parts.append((fr.line([[(-0.42 * sw, -0.36 * sh), (0.42 * sw, -0.36 * sh)]], max(0.5, 0.08 * sh)) * label,
                          (210, 30, 40), 1.0, False))
        out = _laid(out, parts, 0.3)
    return _u8(out)


DAUBERS = ((240, 40, 150), (40, 120, 240), (250, 200, 20), (60, 200, 90), (150, 60, 220), (250, 110, 30))


def _bingo_dabs(f: np.ndarray, rng) -> np.ndarray:
    """Dabs of bingo dauber ink over the whole print: 3-4 below 48 px, 6-10 above, 10-90% of the way across and down,
    each a disc of radius 8-10% of the side below 48 px, 5-7% above, at least 2 px, its edge wobbling by 6%, in one
    or two of magenta, blue, yellow, green, violet or orange translucent ink, multiplied over the print at 60-75%,
    darker by 20% in a ring at its rim where the ink pooled."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(3, 5)) if side < 48 else int(rng.integers(6, 11))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    inks = [np.asarray(_pick(DAUBERS, rng), np.float32) for _ in range(2)]
    two = rng.random() < 0.5
    out = f.copy()
    for j in range(n):
        r = max(2.0, side * (rng.uniform(0.08, 0.1) if side < 48 else rng.uniform(0.05, 0.07)))
        x, y = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        t = np.linspace(0, 2 * np.pi, 24, endpoint=False)
        rr = r * (1 + 0.06 * rng.normal(0, 1, 24))
        disc = ident.fill([[(x + q * np.cos(u), y + q * np.sin(u)) for u, q in zip(t, rr)]])
        rim = ident.line([[(x + q * np.cos(u), y + q * np.sin(u)) for u, q in zip(np.append(t, t[0]), np.append(rr, rr[0]))]],
                         max(0.5, 0.18 * r)) * disc
        ink = inks[j % 2] if two else inks[0]
        k = rng.uniform(0.6, 0.75) * (disc + 0.2 * rim)
        out = out * (1 - k[..., None] + k[..., None] * ink / 255.0)
    return _u8(out)


PENCILS = ((60, 60, 66), (30, 60, 170))


def _dot_to_dot(f: np.ndarray, rng) -> np.ndarray:
    """A dot-to-dot puzzle drawn over the whole print in pen: 9-12 dots below 48 px, 18-30 above, along a closed
    wobbly loop round a point 40-60% of the way across and down, of radius 28-40% of the side, each a dot of radius
    1.4% of the side, at least 0.9 px, with its number beside it as 1-2 short strokes (from 48 px), the first 55-85%
    of the dots joined in order by a ruled line 0.6% of the side wide, at least 0.8 px; grey or blue, or white where
    the print's ground is dark (its border's mean under 110), at 90%."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(9, 13)) if side < 48 else int(rng.integers(18, 31))
    cx, cy = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.4, 0.6)
    R = side * rng.uniform(0.28, 0.4)
    t = np.sort(rng.uniform(0, 2 * np.pi, n)) + rng.uniform(0, 2 * np.pi)
    rr = R * (1 + 0.25 * np.sin(3 * t + rng.uniform(0, 2 * np.pi))) * rng.uniform(0.85, 1.15, n)
    pts = [(cx + q * np.cos(u), cy + q * np.sin(u)) for u, q in zip(t, rr)]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    pen = (240, 240, 240) if _ground(f) < 110 else _pick(PENCILS, rng)
    dr = max(0.9, 0.014 * side)
    dots = ident.fill([_ellipse(x, y, dr, dr, 0.0, 10) for x, y in pts])
    k = int(np.ceil(n * rng.uniform(0.55, 0.85)))
    line = ident.line([pts[:k]], max(0.8, 0.006 * side))
    m = np.maximum(dots, line)
    if side >= 48:
        nums = []
        for j, (x, y) in enumerate(pts):
            u = 2.4 * dr
            for q in range(1 + (j >= 9)):
                nums.append([(x + u + q * 1.6 * dr, y - 1.2 * dr), (x + u + q * 1.6 * dr, y + 1.2 * dr)])
        m = np.maximum(m, ident.line(nums, max(0.5, 0.004 * side)))
    return _u8(_paint(f, 0.9 * m, pen))


def near_edit_al(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "nail_file":  # an emery board lying on the print
        return _nail_file(f, rng)
    if kind == "drinking_straw":  # a bendy drinking straw lying on the print
        return _drinking_straw(f, rng)
    if kind == "thermometer":  # a clinical glass thermometer lying on the print
        return _thermometer(f, rng)
    if kind == "crochet_hook":  # a crochet hook lying on the print
        return _crochet_hook(f, rng)
    if kind == "lighter":  # a disposable lighter lying on the print
        return _lighter(f, rng)
    if kind == "price_stickers":  # price stickers stuck over the print
        return _price_stickers(f, rng)
    if kind == "bingo_dabs":  # dabs of bingo dauber ink over the print
        return _bingo_dabs(f, rng)
    if kind == "dot_to_dot":  # a dot-to-dot puzzle drawn over the print
        return _dot_to_dot(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
JELLIES = ((1.0, 0.45, 0.45), (1.0, 0.7, 0.35), (0.6, 0.95, 0.5), (1.0, 0.85, 0.45))


def _jelly_dish(f: np.ndarray, rng) -> np.ndarray:
    """The picture laid under a glass dish of set fruit jelly and photographed from above through it: the gelatine's
    fine haze scatters the light, a narrow Gaussian of 1.6-2.2% of the side, at least 1 px, for 60% of it and a wide
    one 3 times as wide for the rest, and the jelly, strawberry, orange, lime or lemon, tints it (its transmission
    1.0 / 0.45 / 0.45, 1.0 / 0.7 / 0.35, 0.6 / 0.95 / 0.5 or 1.0 / 0.85 / 0.45) over a 12% milky veil; its surface
    set in gentle swells that move the picture by up to 1.5% of the side (at least 0.5 px) and brighten it by 4%, a
    meniscus's bright rim 3% of the side wide at 35% round the edge; as a camera metering on the highlights exposes
    it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.022))
    spread = np.stack([0.6 * gaussian_filter(f[..., c], s, mode="reflect") +
                       0.4 * gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    swell = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(1.0, 0.15 * side))
    swell /= max(float(np.abs(swell).max()), 1e-6)
    amp = max(0.5, 0.015 * side)
    gy, gx = np.gradient(swell)
    norm = max(float(np.hypot(gy, gx).max()), 1e-6)
    cy, cx = yy - 0.5 + amp * gy / norm, xx - 0.5 + amp * gx / norm
    spread = np.stack([map_coordinates(spread[..., c], [cy, cx], order=1, mode="reflect") for c in range(3)], axis=2)
    tint = np.asarray(_pick(JELLIES, rng), np.float32)
    out = (0.88 * spread + 0.12 * 235) * tint * (1 + 0.04 * swell[..., None])
    edge = np.minimum(np.minimum(xx, w - xx), np.minimum(yy, h - yy))
    rim = np.exp(-edge / max(0.5, 0.03 * side))
    out = out + 0.35 * rim[..., None] * (255 - out)
    return _u8(_metered(out, f))


SCREEN_INKS = ((24, 24, 28), (28, 40, 110), (170, 30, 40), (30, 100, 60), (90, 40, 110))
SCREEN_PAPERS = ((248, 246, 240), (214, 190, 150), (240, 236, 220))


def _flooded_screen_print(f: np.ndarray, rng) -> np.ndarray:
    """The picture screen-printed in one ink by a beginner who flooded the screen: its darkness (``1 -`` the
    stretched grey, or the grey on a dark ground) as the ink let through a coarse mesh, the over-wet ink creeping
    under the stencil as a Gaussian of 1.8-2.6% of the side, at least 1 px, and dragged along the squeegee's stroke
    (at any angle) as a one-sided exponential of 3-5% of the side, at least 1.5 px; black, navy, red, green or
    purple ink at 85-95% on white, kraft or cream paper, the mesh's weave (a period of 2.5% of the side, at least
    2 px, at 45 degrees to the frame) printing through by 3%, the paper's fibres by 1.5%; as a camera metering on the
    highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    lum = _stretched(f)
    dens = lum if _ground(f) < 110 else 1 - lum
    s = max(1.0, side * rng.uniform(0.018, 0.026))
    d = gaussian_filter(dens, s, mode="reflect")
    L = max(1.5, side * rng.uniform(0.03, 0.05))
    a = rng.uniform(0, 2 * np.pi)
    yy, xx = _pixels(h, w)
    acc, tot = np.zeros_like(d), 0.0
    for k in range(int(np.ceil(4 * L)) + 1):  # dragged along the stroke: a one-sided exponential tail
        wt = float(np.exp(-k / L))
        acc += wt * map_coordinates(d, [yy - 0.5 - k * np.sin(a), xx - 0.5 - k * np.cos(a)], order=1, mode="nearest")
        tot += wt
    d = acc / tot
    period = max(2.0, 0.025 * side)
    mesh = np.sin(2 * np.pi * (xx + yy) / (1.414 * period)) * np.sin(2 * np.pi * (xx - yy) / (1.414 * period))
    fibre = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), 0.8)
    fibre /= max(float(fibre.std()), 1e-6)
    ink, paper = np.asarray(_pick(SCREEN_INKS, rng), np.float32), np.asarray(_pick(SCREEN_PAPERS, rng), np.float32)
    k = np.clip(rng.uniform(0.85, 0.95) * d * (1 + 0.03 * mesh) + 0.015 * fibre, 0, 1)[..., None]
    out = paper * (1 - k) + ink * k
    return _u8(_metered(out, f))


def blur_al(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "jelly_dish":  # the picture seen through a dish of set fruit jelly
        return _jelly_dish(f, rng)
    if kind == "flooded_screen_print":  # the picture screen-printed with the ink flooding under the stencil
        return _flooded_screen_print(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
HOOD_LIGHT = np.array([1.0, 0.86, 0.62], np.float32)


def _cooker_hood(f: np.ndarray, rng) -> np.ndarray:
    """A kitchen at night lit only by a cooker hood's two lamps: the hood a dark steel band across the top, 10-14% of
    the side deep, narrowing to a chimney 30% of the side wide, 30-70% of the way across, its underside's two lamps
    5% of the side wide, at least 2 px, 24% of the side apart, glowing a warm 1.0 / 0.86 / 0.62; a glow of sigma 3-5%
    of the side up to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 +
    (d / d0) ** 2)`` from the nearer lamp, ``d0`` 25-40% of the side, more below the lamps than beside them (the
    distance across counted 1.6 times), in the lamps' colour; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx = w * rng.uniform(0.3, 0.7)
    depth = h * rng.uniform(0.1, 0.14)
    lw = max(2.0, 0.05 * side)
    lamps = [(cx - 0.12 * side, depth), (cx + 0.12 * side, depth)]
    d0 = side * rng.uniform(0.25, 0.4)
    d = np.minimum.reduce([np.hypot(1.6 * (xx - x), yy - y) for x, y in lamps])
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / d0) ** 2) * (yy > depth - 0.5 * lw)
    out = _lit(f, gain[..., None] * HOOD_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    hood = ident.fill([[(cx - 0.15 * side, 0), (cx + 0.15 * side, 0), (cx + 0.15 * side, 0.4 * depth),
                        (cx + 0.3 * side, 0.5 * depth), (cx + 0.32 * side, depth), (cx - 0.32 * side, depth),
                        (cx - 0.3 * side, 0.5 * depth), (cx - 0.15 * side, 0.4 * depth)]])
    out = _paint(out, hood, (22, 22, 24))
    out = _paint(out, 0.5 * ident.line([[(cx - 0.32 * side, depth), (cx + 0.32 * side, depth)]], max(0.5, 0.008 * side)),
                 (90, 84, 76))
    bulbs = ident.fill([_ellipse(x, y, lw / 2, 0.3 * lw, 0.0, 12) for x, y in lamps])
    out = out + _glow(bulbs, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(40, 55) * HOOD_LIGHT
    return _u8(_paint(out, bulbs, 250 * HOOD_LIGHT + 5))


CABINET_LIGHT = np.array([0.92, 0.95, 1.0], np.float32)


def _display_cabinet(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by a glass display cabinet lit from inside, standing at the picture's left or right edge:
    16-20% of the side wide and 50-60% high, its bottom 4-8% above the picture's, a dark wooden frame 8% of its
    width, the glass glowing a cool white, 0.92 / 0.95 / 1.0, from 110 levels at its bottom to 190 at its top lamp,
    3 glass shelves, each holding 1-3 ornaments (vases, plates stood on edge) as dark shapes at 85%; a glow of sigma
    4-7% of the side up to 30-45 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 /
    (1 + (d / d0) ** 2)`` from the cabinet's nearer side, ``d0`` 25-40% of the side, in its colour; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cw, ch = side * rng.uniform(0.16, 0.2), side * rng.uniform(0.5, 0.6)
    left = rng.random() < 0.5
    x0 = 0.0 if left else w - cw
    y1 = h - side * rng.uniform(0.04, 0.08)
    y0 = y1 - ch
    edge = x0 + cw if left else x0
    d = np.hypot(xx - edge, np.maximum(0, np.maximum(y0 - yy, yy - y1)))
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * CABINET_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    fw = 0.08 * cw
    frame = ident.fill([_rect(x0, y0, x0 + cw, y1)])
    glass = ident.fill([_rect(x0 + fw, y0 + fw, x0 + cw - fw, y1 - fw)])
    out = _paint(out, frame, (40, 26, 18))
    out = out + _glow(glass, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(30, 45) * CABINET_LIGHT
    shade = 110 + 80 * np.clip((y1 - yy) / ch, 0, 1)
    out = out * (1 - glass[..., None]) + glass[..., None] * shade[..., None] * CABINET_LIGHT
    shelves, things = [], []
    for k in range(3):
        sy = y0 + fw + (k + 1) * (ch - 2 * fw) / 3.2
        shelves.append([(x0 + fw, sy), (x0 + cw - fw, sy)])
        for _ in range(int(rng.integers(1, 4))):
            tx = x0 + fw + rng.uniform(0.15, 0.85) * (cw - 2 * fw)
            th = rng.uniform(0.1, 0.22) * ch / 3
            if rng.random() < 0.5:  # a vase
                things.append(_ellipse(tx, sy - 0.5 * th, 0.25 * th, 0.5 * th, 0.0, 12))
            else:  # a plate stood on its edge
                things.append(_ellipse(tx, sy - 0.5 * th, 0.5 * th, 0.5 * th, 0.0, 14))
    out = _paint(out, ident.line(shelves, max(0.5, 0.01 * side)) * glass, (140, 150, 160))
    return _u8(_paint(out, 0.85 * ident.fill(things) * glass, (60, 50, 48)))


SEWING_LIGHT = np.array([1.0, 0.9, 0.72], np.float32)
MACHINES = ((236, 232, 220), (30, 32, 34), (200, 60, 60), (150, 190, 200))


def _sewing_machine(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by a sewing machine's small lamp, the machine standing in the picture: its body across
    the bottom from 62-70% of the way down, 70-86% of the side wide, its middle 40-60% of the way across, cream,
    black, red or pale blue, an arm over a gap 40% of its width, the head at one end with its needle, presser foot
    and a handwheel at the other; a bulb 5% of the side wide, at least 2 px, under the head, warm, 1.0 / 0.9 /
    0.72; a glow of sigma 3-6% of the side up to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus
    0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the bulb, ``d0`` 22-35% of the side, in its colour;
    noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    top = h * rng.uniform(0.62, 0.7)
    bw = side * rng.uniform(0.7, 0.86)
    cx = w * rng.uniform(0.4, 0.6)
    flip = 1 if rng.random() < 0.5 else -1
    hx = cx + flip * 0.36 * bw  # the head's side
    bh = (h - top) * 0.35
    bulb_x, bulb_y = hx - flip * 0.05 * bw, top + 0.55 * (h - top)
    d = np.hypot(xx - bulb_x, yy - bulb_y)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.22, 0.35))) ** 2)
    out = _lit(f, gain[..., None] * SEWING_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    col = np.asarray(_pick(MACHINES, rng), np.float32) * 0.35  # in the dark, lit from beside
    xa, xb = sorted((cx - 0.5 * bw, cx + 0.5 * bw))
    base = _rect(xa, h - bh, xb, h + 1)
    arm = _rect(xa, top, xb, top + 0.28 * (h - top))
    pillar = _rect(cx - flip * 0.5 * bw - 0.1 * bw, top, cx - flip * 0.5 * bw + 0.1 * bw, h)
    head = _rect(hx - 0.14 * bw, top - 0.02 * side, hx + 0.14 * bw, top + 0.55 * (h - top))
    body = ident.fill([base, arm, pillar, head])
    out = _paint(out, body, col)
    needle = ident.line([[(hx, top + 0.5 * (h - top)), (hx, h - bh)]], max(0.5, 0.006 * side))
    out = _paint(out, needle, (170, 170, 176))
    wheel = ident.fill([_ellipse(cx - flip * 0.5 * bw, top + 0.12 * (h - top), 0.07 * side, 0.07 * side, 0.0, 16)])
    out = _paint(out, wheel, col * 0.7)
    bulb = ident.fill([_ellipse(bulb_x, bulb_y, max(1.0, 0.025 * side), max(1.0, 0.025 * side), 0.0, 12)])
    out = out + _glow(bulb, max(0.8, side * rng.uniform(0.03, 0.06)))[..., None] * rng.uniform(40, 55) * SEWING_LIGHT
    return _u8(_paint(out, bulb, 250 * SEWING_LIGHT + 5))


def dark_al(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "cooker_hood":  # a kitchen at night lit only by a cooker hood's lamps
        return _cooker_hood(f, rng)
    if kind == "display_cabinet":  # a dark room lit only by a glass display cabinet
        return _display_cabinet(f, rng)
    if kind == "sewing_machine":  # a dark room lit only by a sewing machine's lamp
        return _sewing_machine(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _lily_pond(size: int, rng) -> dict:
    """A garden pond seen from above: a lawn round an irregular pond of radius 30-40% of the side round a middle
    42-58% of the way across and down, a paved edge of flat stones, 4-7 lily pads below 48 px, 8-14 above, of radius
    5-9% of the side, each with its notch, 1-3 flowers on them, 1-3 goldfish in the water and a clump of reeds at
    one side (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("water", "stones", "pads", "veins", "flowers", "fish", "reeds"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    cx, cy = big * rng.uniform(0.42, 0.58), big * rng.uniform(0.42, 0.58)
    R = big * rng.uniform(0.3, 0.4)
    t = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    rr = R * (1 + 0.12 * np.sin(2 * t + rng.uniform(0, 6)) + 0.06 * np.sin(3 * t + rng.uniform(0, 6)))
    edge = [(cx + q * np.cos(u), cy + q * np.sin(u)) for u, q in zip(t, rr)]
    d["stones"].polygon([(cx + 1.12 * (x - cx), cy + 1.12 * (y - cy)) for x, y in edge], fill=255)
    d["water"].polygon(edge, fill=255)
    n = int(rng.integers(4, 8)) if size < 48 else int(rng.integers(8, 15))
    for _ in range(n):
        u, q = rng.uniform(0, 2 * np.pi), R * rng.uniform(0, 0.75)
        x, y = cx + q * np.cos(u), cy + q * np.sin(u)
        r = big * rng.uniform(0.05, 0.09)
        a0 = rng.uniform(0, 360)
        d["pads"].pieslice((x - r, y - r, x + r, y + r), a0 + 25, a0 + 360, fill=255)
        for v in range(5):
            b = np.deg2rad(a0 + 60 + 60 * v)
            d["veins"].line([(x, y), (x + 0.85 * r * np.cos(b), y + 0.85 * r * np.sin(b))], fill=255,
                            width=max(1, round(0.08 * r)))
    for _ in range(int(rng.integers(1, 4))):
        u, q = rng.uniform(0, 2 * np.pi), R * rng.uniform(0, 0.7)
        x, y = cx + q * np.cos(u), cy + q * np.sin(u)
        r = big * 0.04
        for v in range(8):
            b = 2 * np.pi * v / 8
            d["flowers"].ellipse((x + 0.6 * r * np.cos(b) - 0.45 * r, y + 0.6 * r * np.sin(b) - 0.45 * r,
                                  x + 0.6 * r * np.cos(b) + 0.45 * r, y + 0.6 * r * np.sin(b) + 0.45 * r), fill=255)
    for _ in range(int(rng.integers(1, 4))):
        u, q = rng.uniform(0, 2 * np.pi), R * rng.uniform(0.2, 0.8)
        x, y = cx + q * np.cos(u), cy + q * np.sin(u)
        b = rng.uniform(0, 2 * np.pi)
        fl = 0.07 * big
        d["fish"].polygon([(x + fl * np.cos(b), y + fl * np.sin(b)),
                           (x + 0.25 * fl * np.cos(b + 1.6), y + 0.25 * fl * np.sin(b + 1.6)),
                           (x - 0.6 * fl * np.cos(b), y - 0.6 * fl * np.sin(b)),
                           (x + 0.25 * fl * np.cos(b - 1.6), y + 0.25 * fl * np.sin(b - 1.6))], fill=255)
    u = rng.uniform(0, 2 * np.pi)
    rx, ry = cx + R * np.cos(u), cy + R * np.sin(u)
    for _ in range(14):
        b = rng.uniform(0, 2 * np.pi)
        q = rng.uniform(0.02, 0.12) * big
        d["reeds"].line([(rx, ry), (rx + q * np.cos(b), ry + q * np.sin(b))], fill=255, width=max(1, round(0.01 * big)))
    out = {k: _down(v, size) for k, v in M.items()}
    out["stones"] = out["stones"] * (1 - out["water"])
    out["pads"] = out["pads"] * out["water"]
    out["fish"] = out["fish"] * out["water"] * (1 - out["pads"])
    return out


def _car_wash(size: int, rng) -> dict:
    """A drive-through car wash seen from the front: a tiled wall and ceiling, the tunnel's opening 70-80% of the
    side wide with a dark inside, two tall round brushes 16-20% of the side wide at its sides with their bristles
    streaked, a top brush across it, spray bars with 8-12 jets, a car's front in the middle (its body, windscreen,
    two headlamps and grille) on a wet floor with the guide rails (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("inside", "brushes", "streaks", "bars", "car", "glass", "lamps", "floor", "rails"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    ow = big * rng.uniform(0.7, 0.8)
    x0, x1 = (big - ow) / 2, (big + ow) / 2
    y0, y1 = big * 0.12, big * 0.88
    d["inside"].rectangle((x0, y0, x1, y1), fill=255)
    d["floor"].rectangle((0, y1, big, big), fill=255)
    bw = big * rng.uniform(0.16, 0.2)
    for bx in (x0 + 0.02 * big, x1 - 0.02 * big - bw):
        d["brushes"].rounded_rectangle((bx, y0 + 0.08 * big, bx + bw, y1), radius=bw * 0.3, fill=255)
        for k in range(10):
            xx = bx + (k + 0.5) * bw / 10
            d["streaks"].line([(xx, y0 + 0.1 * big), (xx + rng.uniform(-0.01, 0.01) * big, y1 - 0.02 * big)],
                              fill=255, width=max(1, round(0.006 * big)))
    d["brushes"].rounded_rectangle((x0 + bw, y0 + 0.02 * big, x1 - bw, y0 + 0.14 * big), radius=0.04 * big, fill=255)
    d["bars"].rectangle((x0, y0 + 0.16 * big, x1, y0 + 0.18 * big), fill=255)
    for k in range(int(rng.integers(8, 13))):
        jx = x0 + 0.05 * big + k * (ow - 0.1 * big) / 11
        d["bars"].line([(jx, y0 + 0.18 * big), (jx + rng.uniform(-0.02, 0.02) * big, y0 + 0.26 * big)], fill=255,
                       width=max(1, round(0.004 * big)))
    cw = big * rng.uniform(0.32, 0.4)
    ccx = big / 2 + rng.uniform(-0.04, 0.04) * big
    d["car"].rounded_rectangle((ccx - cw / 2, y1 - 0.3 * big, ccx + cw / 2, y1 - 0.04 * big), radius=0.05 * big,
                               fill=255)
    d["car"].polygon([(ccx - 0.38 * cw, y1 - 0.3 * big), (ccx + 0.38 * cw, y1 - 0.3 * big),
                      (ccx + 0.3 * cw, y1 - 0.44 * big), (ccx - 0.3 * cw, y1 - 0.44 * big)], fill=255)
    d["glass"].polygon([(ccx - 0.33 * cw, y1 - 0.31 * big), (ccx + 0.33 * cw, y1 - 0.31 * big),
                        (ccx + 0.27 * cw, y1 - 0.42 * big), (ccx - 0.27 * cw, y1 - 0.42 * big)], fill=255)
    for s in (-1, 1):
        lx = ccx + s * 0.34 * cw
        d["lamps"].ellipse((lx - 0.08 * cw, y1 - 0.22 * big, lx + 0.08 * cw, y1 - 0.16 * big), fill=255)
    d["rails"].rectangle((ccx - 0.55 * cw, y1, ccx - 0.5 * cw, big), fill=255)
    d["rails"].rectangle((ccx + 0.5 * cw, y1, ccx + 0.55 * cw, big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["streaks"] = out["streaks"] * out["brushes"]
    return out


def _card_catalogue(size: int, rng) -> dict:
    """A library's card catalogue seen from the front: a wooden cabinet filling 86-94% of the side, its drawers in 4-5
    columns and 5-6 rows below 48 px, 6-8 and 7-10 above, each a front with a small card holder (a pale label
    under a brass frame) and a brass pull below it, the gaps between them dark, a plinth along the bottom, one drawer
    in 12 pulled out showing its cards (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("cabinet", "fronts", "labels", "brass", "cards", "plinth"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    m = big * (1 - rng.uniform(0.86, 0.94)) / 2
    d["cabinet"].rectangle((m, m, big - m, big - m), fill=255)
    cols = int(rng.integers(4, 6)) if size < 48 else int(rng.integers(6, 9))
    rows = int(rng.integers(5, 7)) if size < 48 else int(rng.integers(7, 11))
    top, bot = m + 0.03 * big, big - m - 0.1 * big
    d["plinth"].rectangle((m, bot + 0.02 * big, big - m, big - m), fill=255)
    dw, dh = (big - 2 * m - 0.06 * big) / cols, (bot - top) / rows
    for r in range(rows):
        for c in range(cols):
            x, y = m + 0.03 * big + c * dw, top + r * dh
            out_ = rng.random() < 1 / 12
            g = 0.06 * min(dw, dh)
            d["fronts"].rectangle((x + g, y + g, x + dw - g, y + dh - g), fill=255)
            d["labels"].rectangle((x + 0.3 * dw, y + 0.18 * dh, x + 0.7 * dw, y + 0.42 * dh), fill=255)
            d["brass"].rectangle((x + 0.28 * dw, y + 0.16 * dh, x + 0.72 * dw, y + 0.44 * dh), outline=255,
                                 width=max(1, round(0.04 * dh)))
            d["brass"].ellipse((x + 0.42 * dw, y + 0.55 * dh, x + 0.58 * dw, y + 0.8 * dh), fill=255)
            if out_:
                for k in range(5):
                    d["cards"].rectangle((x + 0.1 * dw + k * 0.16 * dw, y - 0.25 * dh, x + 0.2 * dw + k * 0.16 * dw,
                                          y + 0.1 * dh), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


WOODS = ((120, 74, 40), (150, 100, 56), (96, 60, 36))
BRUSHES = ((40, 90, 200), (200, 40, 50), (40, 160, 80), (240, 180, 30))
CAR_BODIES = ((200, 30, 40), (240, 240, 240), (30, 60, 160), (40, 40, 44), (160, 160, 168))


def outlier_al(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "lily_pond":
        m = _lily_pond(size, rng)
        if photos:  # a lawn, grey stones, dark green water, green pads, pink or white flowers, orange fish
            out = _paint(_paint(ground((96, 150, 70)), m["stones"], (160, 156, 146)), m["water"], (30, 56, 50))
            out = _paint(_paint(out, m["fish"], (240, 120, 30)), m["pads"], (70, 140, 50))
            out = _paint(out, m["veins"] * m["pads"], (50, 110, 40))
            out = _paint(out, m["flowers"], (250, 190, 210) if rng.random() < 0.5 else (250, 250, 240))
            return _u8(_paint(out, m["reeds"], (60, 100, 40)))
        out = _paint(_paint(ground(tone(0.0)), m["stones"], tone(0.6)), m["water"], tone(0.15))
        out = _paint(_paint(out, m["fish"], tone(0.8)), m["pads"], tone(0.45))
        out = _paint(out, m["veins"] * m["pads"], tone(0.3))
        out = _paint(out, m["flowers"], tone(1.0))
        return _u8(_paint(out, m["reeds"], tone(0.35)))
    if kind == "car_wash":
        m = _car_wash(size, rng)
        if photos:  # white tiles, a dark tunnel, coloured brushes, steel bars, a car, a wet grey floor
            out = _paint(_paint(ground((226, 228, 230)), m["inside"], (40, 44, 52)), m["floor"], (100, 104, 110))
            brush = np.asarray(_pick(BRUSHES, rng), np.float32)
            out = _paint(_paint(out, m["brushes"], brush), m["streaks"], brush * 0.6)
            out = _paint(_paint(out, m["bars"], (190, 192, 200)), m["car"], _pick(CAR_BODIES, rng))
            out = _paint(_paint(out, m["glass"], (60, 80, 100)), m["lamps"], (250, 250, 230))
            return _u8(_paint(out, m["rails"], (200, 190, 60)))
        out = _paint(_paint(ground(tone(0.0)), m["inside"], tone(0.2)), m["floor"], tone(0.35))
        out = _paint(_paint(out, m["brushes"], tone(0.7)), m["streaks"], tone(0.5))
        out = _paint(_paint(out, m["bars"], tone(0.9)), m["car"], tone(0.6))
        out = _paint(_paint(out, m["glass"], tone(0.3)), m["lamps"], tone(1.0))
        return _u8(_paint(out, m["rails"], tone(0.8)))
    if kind == "card_catalogue":
        m = _card_catalogue(size, rng)
        if photos:  # a wall, wooden cabinet, lighter drawer fronts, cream labels, brass, white cards
            wood = np.asarray(_pick(WOODS, rng), np.float32)
            out = _paint(_paint(ground((214, 206, 190)), m["cabinet"], wood * 0.55), m["fronts"], wood)
            out = _paint(_paint(out, m["labels"], (236, 228, 200)), m["brass"], (190, 150, 60))
            out = _paint(out, m["plinth"], wood * 0.7)
            return _u8(_paint(out, m["cards"], (248, 248, 244)))
        out = _paint(_paint(ground(tone(0.0)), m["cabinet"], tone(0.2)), m["fronts"], tone(0.55))
        out = _paint(_paint(out, m["labels"], tone(0.9)), m["brass"], tone(1.0))
        out = _paint(out, m["plinth"], tone(0.4))
        return _u8(_paint(out, m["cards"], tone(0.8)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def fatigue_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                  rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: one labeller worked through the eligible pictures, in a random
    order, in stints of ``STINT`` pictures between breaks, and grew tired through each stint: the chance of a slip
    on a picture rises as the cube of how far into its stint it came (``(j + 1) / n`` for the ``j``-th of ``n``) and
    in proportion to how hard the picture is (the squared distance of its 8 x 8 grey thumbnail, standardised, to its
    class's mean thumbnail over the whole set over that to the nearest other class's); the flips are drawn without
    replacement with those weights, and a slip gives the class whose mean thumbnail is nearest after the picture's
    own (the one a tired eye takes it for)."""
    lab = np.asarray([classes.index(v) for v in labels])
    t = _thumbs(base)
    present = sorted(set(lab.tolist()))
    means = np.stack([t[lab == k].mean(axis=0) for k in present])
    cand = np.asarray(candidates, dtype=int)
    own = np.searchsorted(present, lab[cand])
    d2 = ((t[cand][:, None, :] - means[None, :, :]) ** 2).sum(axis=2)
    n = len(cand)
    mine = d2[np.arange(n), own]
    other = d2.copy()
    other[np.arange(n), own] = np.inf
    hard = np.maximum(mine / np.maximum(other.min(axis=1), 1e-6), 1e-6)
    order = rng.permutation(n)
    tired = np.zeros(n)
    at = 0
    while at < n:  # stints between breaks
        m = min(int(rng.integers(*STINT)), n - at)
        tired[order[at:at + m]] = ((np.arange(m) + 1) / m) ** 3
        at += m
    wts = tired * hard
    k = min(count, n)
    took = rng.choice(n, size=k, replace=False, p=wts / wts.sum())
    new = other.argmin(axis=1)
    return {int(cand[j]): classes[present[int(new[j])]] for j in sorted(took.tolist())}


# -- planting ------------------------------------------------------------------------------
def plant_issues_al(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AL's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 61-84 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AL, seed=380_000 + random_state,
        quality_seed=385_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=fatigue_flips,
        **by_family(name, outlier=(outlier_al, OUTLIERS_AL), blur=(blur_al, BLURS_AL), dark=(dark_al, DARKS_AL),
                    near=(near_edit_al, NEAR_EDITS_AL)))
