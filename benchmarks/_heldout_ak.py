"""Generator AK: fresh EVALUATION sets after generator AJ's run (never used to choose anything).

Why a thirty-fifth evaluation generator: generator AJ's sets have been run, and what they showed may inform the next
changes (the commit subjects since name AJ's one run: near_duplicate at or above 0.85 on three sets and blurry on two,
blurry below CleanVision on the 54 px JPEG tiles by 0.015, the centre rule held out; why AJ's whole-picture line
overlays were missed on MNIST; why near_duplicate flags 1.2% of a clean Fashion-MNIST base; and faster faiss rescoring
with the same neighbours), so they will not stay untouched; AK is a held-out measurement of the code after that run,
of families of its own (AK's writer read no docs, logs, result files or commit bodies: only the commit subjects, the
library's code and the earlier generators' and tuning tools' files, to copy their structure and to avoid their
families). Generator AK was written before any tool was run on it (only its pictures were looked at, on contact sheets
of its edits, blurs, darkenings and foreign pictures at 28, 40 and 256 px, to check that every edit is visible, every
blur blurred, every darkened image dark with its picture still in it and every outlier foreign, and the planted
folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign
pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk,
astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD,
AE, AF, AG, AH, AI, AJ) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop,
shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make.
Like AC's to AJ's it has two blur families, not three. Left out because an earlier generator made them or left them
out: among objects on the print a corn cob or a pea pod (AB's list), a wooden spoon (W's teaspoon), a clothes peg
(W's, Z's and U's lists), a harmonica (AA's list), a churro (AJ's baguette: one long bake is enough), a guitar pick
(AB's cheese wedge: one triangle is enough), a small fish (R's aquarium, as AB left out), a pine cone or an acorn
(AA's and X's lists), a rolling pin (AG's list); of the whole picture a stretched slinky (the one AE left out),
bunting or a paper chain (V's bunting, T's charging cable as the chain AJ left out), dandelion seeds (AD's), a child's
felt-tip colouring in (T's crayon scribble), crop marks and registration targets (the ones P left out), a blind's
shadow (K's blinds), the print's edge cut with pinking shears (F's frame), grass blades before the lens (T's), a bead
curtain (AB's list); among blurs a carbonless copy's pressure spread (AA's list), heat-haze turbulence (H's), a
chlorophyll print on a leaf (Z's list), an anthotype or a cyanotype (AG's and V's lists), a page lifted off a
scanner's glass (L's scanner lift), a latte printer's foam (AA's), a radiograph's penumbra (S's); among darkenings a
fibre-optic lamp (the one AG left out: N's fairy lights), a pinball table (AA's pinball tables), a gas hob (V's), a
door ajar (Q's list), a car's brake lights (AF's list: AE's tail light), grow lights (W's and AF's lists), a bug
zapper (AC's); among foreign pictures bookshelves (the ones AB left out), a pool table (the one AG left out), a car
park (R's, at night), an orchard's rows (AJ's vineyard: one field of rows is enough), a hedge maze (E's mazes), a wall
of washing machines (0s, as the one AD left out), an open-pit quarry or a race track (0s on the digit sets); among
label noise class names read back by OCR (V's and AE's handwritten class numbers), a perceptual-hash de-duplication
(the one Z left out), a taxonomy re-split by a rule (P's legacy taxonomy), a weak-supervision rule on brightness (the
one W left out: J's faint images), the previous picture's class (J's guesses, M's pages, as U found).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 288 px
  set's two copies get both kinds): a spear of asparagus lying on the print (50-62% of the side long, at least 13 px,
  11% of that thick, green, a pointed head over its last quarter, 25% wide, purple or green, 3 rows of scale lines,
  3-5 bracts along the stalk, a pale woody cut end, a sheen; at any angle, 30-70% of the way across and down, a soft
  shadow at 40%), a pepper mill lying on its side (44-56% of the side long, at least 13 px, a turned profile from a
  base 26% wide through a waist of 20% to a crown 30% wide and a knob, walnut, light wood, black or red lacquer, a
  steel band, grain lines, a sheen; at any angle, the same place and shadow), two cinnamon quills (46-58% of the side
  long, at least 13 px, each 11% of that wide, side by side, red-brown, 3-5 ridges along each, a rolled end showing
  its scroll, a sheen; at any angle, the same place and shadow), a length of zip (52-64% of the side long, at least 14
  px, its tapes 18% of that wide, black, navy, red or khaki, with two lines of stitching, silver or brass teeth, 14
  below 48 px, one every 3% of the length above, alternating sides, a slider with its pull tab, a sheen; at any angle,
  the same place and shadow) and two cotton swabs crossed on the print (42-52% of the side long, at least 14 px, blue,
  pink or green plastic sticks 3.6% of that wide, at least 0.9 px, a white cotton bud at each end with grey fibres,
  the second turned by 23-69 degrees from the first; at any angle, the same place and shadow); of the whole picture:
  tally marks drawn over the print in marker (2-3 groups below 48 px, 5-9 above, on a loose grid of 2 or 3 columns,
  each 4 strokes 24-30% of the side high below 48 px, 8-11% above, slanting by up to 15%, and a fifth across them, one
  group in five unfinished with 1-3 strokes, the line 0.9-1.4% of the side wide, at least 1.1 px, black, blue, red or
  green, on a dark ground yellow, pink, cyan or lime: counts kept on the print, not O's signature, T's crayon scribble
  or AJ's squared-up grid), strands of cooked spaghetti spilled over the print (3-4 below 48 px, 5-7 above, each a
  smooth random walk 80-140% of the side long from a point 10-90% of the way across and down, 1.1-1.5% of the side
  thick, at least 1 px, pale yellow with a sheen, a soft shadow at 35%: soft loose strands, not T's charging cable or
  AI's curled shavings) and googly eyes stuck over the print (2-3 pairs below 48 px, 4-7 above, of radius 5-7% of the
  side below 48 px, 3-5% above, at least 2 px, each a white disc with a grey rim and a black pupil 55% of its radius
  rolled anywhere within 40% of it, a glint, a soft shadow at 40%: raised craft eyes, not N's push pins or U's
  confetti);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture carved as a relief (its grey stretched between its own 2nd and 98th percentiles as its
  height) and taken as a crayon rubbing (a sheet of white or cream paper laid over it, bridging its detail as a
  Gaussian of 2.6-3.4% of the side, at least 1.3 px, rubbed with the side of a black, blue, red, brown or green wax
  crayon that lays 80-92% of its colour on the highest parts, as the height to the power 1.3, in strokes of period
  3-4.5% of the side at any angle that vary it by 5%, the paper's tooth by 1.2%: a frottage, not AJ's bleach on a
  shirt or F's embossed relief) and the picture drawn in washable felt-tip on a coffee filter stood in water (each of
  the inks' three dyes, the picture's cyan, magenta and yellow densities, a light figure on a dark grey ground drawn
  in black, spread by a Gaussian of 1.5-2.2% of the side, at least 1 px, and carried up the paper by the water, an
  exponential tail of 4-6% of the side, at least 2 px, for the cyan dye, 0.7 of that for the magenta and 0.45 for the
  yellow, so that the dyes part; the filter's paper, 248 / 244 / 236, pleated, varying by 2% in stripes of 6% of the
  side: paper chromatography, not Q's ink bleed along fibres or AA's latte foam); each as a camera metering on the
  highlights exposes it (as Y's to AJ's);
* ``dark`` (2%): a car at night lit only by its dashboard (the picture seen over the dash, a black cowl across the
  bottom from 66-72% of the way down, rising over the instrument cluster, two round dials of radius 8-10% of the side,
  at least 3 px, 35-65% of the way across, their rings and 9 ticks glowing white, amber, blue or red, an orange-red
  needle each; a glow of sigma 3-5% of the side up to 35-50 levels; the picture lit at a gain of 0.015-0.03 plus
  0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the cluster, ``d0`` 30-45% of the side, in the dials'
  colour; noise sigma 1.2 levels: a lit cluster low in the picture, not I's lamp or AI's television), a garden at
  night lit only by a moth trap's mercury-vapour lamp (a bulb 4.5-6% of the side wide, at least 2 px, and 1.5 times as
  high, bluish white, 0.8 / 0.88 / 1.0, 30-70% of the way across and 50-64% down, a clear rain guard above it at 35%,
  on a dark trap box with a lit rim, 3-5 moths below 48 px, 5-9 above, round it; a glow of sigma 4-7% of the side up
  to 45-60 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)``
  from the bulb, ``d0`` 25-40% of the side; noise sigma 1.2 levels: one bare bulb with insects, not N's fairy lights
  or AJ's chandelier) and a dark room lit only by an egg incubator's window (a box 36-46% of the side wide and 0.6 of
  that high, 30-70% of the way across and 64-74% down, a dark shell with rounded corners, its window 72% of its width
  wide glowing a warm 1.0 / 0.55 / 0.32, 3-6 eggs in a row and a red heating lamp in it; a glow of sigma 4-7% of the
  side up to 30-45 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0)
  ** 2)`` from the box's middle, ``d0`` 25-40% of the side; noise sigma 1.2 levels: a lit window low in a box, not
  AF's letter light box or AE's salt lamp); none of them blurs the picture;
* ``outlier`` (1.5%): roundabouts seen from above (a ring road of radius 20-26% of the side round a middle 42-58% of
  the way across and down, lanes 7-9% of the side wide, 3-5 roads leaving it at even angles turned by up to 0.25
  radians, a grassed island with 3-6 trees, a dashed line round the ring and along each road, 4-8 cars, 2-4 roofs off
  the roads), mahjong tables seen from above (a wooden frame, felt, four walls of tile backs along its edges, 9 a side
  below 48 px, 12-15 above, 2 rows of 4-6 face-up discards below 48 px, 3 rows of 6-9 above, each with dots, bamboo
  bars or a cross, a third of them red, two dice) and churchyards seen from the front (the sky above a horizon 22-32%
  of the way down, a stone wall along it, a gravel path widening towards the viewer, a yew to one side, 3-4 rows of
  headstones below 48 px, 4-6 above, larger row by row, round-topped, one in four a cross, each with its shadow); the
  digit and clothing sets get them in their own tones on their dark ground, the photographs as grey roads with white
  lines, red, white, blue, black or yellow cars and terracotta roofs on green verges, green, blue or red felt in a
  wooden frame with green-backed ivory tiles marked in blue and red, and grey headstones on green grass under a blue,
  grey or dawn sky;
* ``label`` (5%): *timed-out* flips: labels given in a tool on a television screen whose class buttons stand in a row
  in the class list's order, moved through with a remote's arrow keys, the highlight staying where the last answer
  left it (the middle button for the first picture), and the highlighted button taken when a picture's time ran out;
  the pictures in a random order, each needed one press for every button between the highlight and its own class's,
  the first at once and each further one after a time in proportion to how hard the picture is (the squared distance
  of its 8 x 8 grey thumbnail, standardised, to its class's mean thumbnail over the whole set over that to the nearest
  other class's); the time limit was 4 times the 92nd percentile of those times, lowered by 8 percentiles a step while
  fewer pictures than the flips needed timed out short of their class, and the flips are drawn uniformly among those
  (each given a class between the last answer and its own, neither of them; if too few even at the 4th percentile, the
  rest the hardest pictures left, one press short of their class from the row's middle): a wrong label set by where
  the highlight stood and how long a picture took, not O's hotkey slips to a neighbouring key, AF's mean of two
  annotators' class numbers or the previous picture's class. Every flip changes the label, so every one is in the
  truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AK's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
273), MNIST (2,000, seed 274), and the evaluation photographs tiled at 50 px (24 tiles a photograph at most, seed 275:
404) and at 288 px (every tile, seed 276: 70, the photographs with 1-28 tiles each: AJ's photograph base does give 288
px tiles, but the chelsea, clock, coins and cell photographs give one each, so each of their classes holds one
picture), sizes no other set uses. ``photos50_ak_jpeg`` is written as JPEG files, each at a quality drawn from 63-85
(a stream of its own, seed ``375_000 + random_state``), every edit, blur and darkening made before the encoding, near
copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the file; the
other sets are PNG files. Planting draws from seed ``370_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to AJ).
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

EVALUATION_AK = ("fashion_test_ak", "mnist_ak", "photos50_ak_jpeg", "photos288_ak")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AK = {
    "fashion_test_ak": ("fashion_test", 273),
    "mnist_ak": ("mnist", 274),
    "photos50_ak_jpeg": ("photos", 275, 50, 8, 24),
    "photos288_ak": ("photos", 276, 288, 8, 1000),
}
JPEG_QUALITY = (63, 86)  # the JPEG set's qualities: integers in [low, high)
RATES_AK = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (2 copies) gets both kinds
NEAR_EDITS_AK = ("asparagus", "tally_marks", "pepper_mill", "spaghetti", "cinnamon", "googly_eyes", "zip",
                 "cotton_swabs")
BLURS_AK = ("crayon_rubbing", "filter_chromatography")
DARKS_AK = ("dashboard", "moth_trap", "incubator")
OUTLIERS_AK = ("roundabout", "mahjong_table", "cemetery")
STEP = 0.08  # the labelling tool's time limit is lowered in steps of this share of the eligible pictures


def load_base_ak(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AK, "AK")


# -- near copies -----------------------------------------------------------------------------
ASPARAGUS = ((96, 150, 60), (120, 160, 70), (150, 170, 90))
ASPARAGUS_TIPS = ((110, 70, 110), (70, 110, 50))


def _asparagus(f: np.ndarray, rng) -> np.ndarray:
    """A spear of asparagus lying on the print: 50-62% of the side long, at least 13 px, and 11% of that thick,
    green, a pointed head over its last quarter 25% of the length wide, purple or green, with 3 rows of scale lines,
    3-5 triangular bracts along the stalk, a pale woody cut end, 214 / 206 / 160, over 7% of it, a sheen at 45%; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.5, 0.62))
    col, tip = _pick(ASPARAGUS, rng), _pick(ASPARAGUS_TIPS, rng)
    fr = _frame_at(h, w, rng)
    hw = 0.055 * L
    stalk = _rect(-0.5 * L, -hw, 0.3 * L, hw)
    head = [(0.26 * L, -1.25 * hw), (0.4 * L, -1.1 * hw), (0.5 * L, 0.0), (0.4 * L, 1.1 * hw), (0.26 * L, 1.25 * hw)]
    scales = []
    for x in (0.3, 0.36, 0.42):
        scales.append([(x * L, -1.1 * hw), (x * L + 0.07 * L, 0.0), (x * L, 1.1 * hw)])
    n = int(rng.integers(3, 6))
    bracts = []
    for j, x in enumerate(np.linspace(-0.3, 0.15, n)):
        s = 1 if j % 2 else -1
        bracts.append([(x * L, s * 0.9 * hw), (x * L + 0.07 * L, s * 1.35 * hw), (x * L + 0.05 * L, s * 0.5 * hw)])
    parts = [(fr.fill([stalk, head]), col, 1.0, True),
             (fr.fill(bracts), tip, 0.9, True),
             (fr.line(scales, max(0.35, 0.012 * L)), tip * 0.8, 0.9, False),
             (fr.fill([head]), tip, 0.55, False),
             (fr.fill([_rect(-0.5 * L, -hw, -0.43 * L, hw)]), (214, 206, 160), 0.9, False),
             (fr.line([[(-0.42 * L, -0.4 * hw), (0.3 * L, -0.4 * hw)]], max(0.35, 0.012 * L)), (255, 255, 255), 0.45,
              False)]
    return _u8(_laid(f, parts, 0.4))


MILL_WOODS = ((120, 74, 40), (170, 120, 70), (40, 36, 34), (150, 30, 34))


def _pepper_mill(f: np.ndarray, rng) -> np.ndarray:
    """A pepper mill lying on its side on the print: 44-56% of the side long, at least 13 px, a turned profile from a
    base 26% of the length wide over its first 12%, a bead 30% wide, a waist narrowing to 20% and widening again, a
    crown 30% wide over its last 20%, a knob 10% long; walnut, light wood, black or red lacquer, a steel band under
    the crown, 3 grain lines 30% darker at 60%, a dark base end, a sheen at 45%; at any angle, its middle 30-70% of
    the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.44, 0.56))
    wood = _pick(MILL_WOODS, rng)
    fr = _frame_at(h, w, rng)
    xs = np.linspace(-0.5, 0.42, 30)
    prof = np.where(xs < -0.38, 0.13, np.where(xs < -0.3, 0.15, 0.1 + 0.04 * ((xs + 0.3) / 0.72 * 2 - 1) ** 2))
    prof = np.where(xs > 0.3, 0.15, prof)
    outline = [(x * L, -p * L) for x, p in zip(xs, prof)] + [(x * L, p * L) for x, p in zip(xs[::-1], prof[::-1])]
    knob = _ellipse(0.47 * L, 0.0, 0.05 * L, 0.045 * L, 0.0, 14)
    band = _rect(0.28 * L, -0.155 * L, 0.32 * L, 0.155 * L)
    grain = [[(-0.36 * L, y * L), (0.26 * L, y * L * 1.1)] for y in (-0.06, 0.02, 0.07)]
    parts = [(fr.fill([outline, knob]), wood, 1.0, True),
             (fr.fill([band]), (200, 202, 210), 1.0, False),
             (fr.line(grain, max(0.35, 0.01 * L)), wood * 0.7, 0.6, False),
             (fr.fill([_rect(-0.5 * L, -0.13 * L, -0.47 * L, 0.13 * L)]), wood * 0.6, 0.9, False),
             (fr.line([[(-0.45 * L, -0.09 * L), (0.4 * L, -0.1 * L)]], max(0.35, 0.02 * L)), (255, 255, 255), 0.45,
              False)]
    return _u8(_laid(f, parts, 0.4))


CINNAMON = ((150, 82, 44), (130, 70, 40), (170, 100, 56))


def _cinnamon(f: np.ndarray, rng) -> np.ndarray:
    """Two cinnamon quills lying side by side on the print: 46-58% of the side long, at least 13 px, each 11% of that
    wide and moved along the other by up to 6% of it, red-brown, 3-5 ridges along each 32% darker at 80%, a rolled
    end 22% darker showing its scroll, a sheen at 35%; at any angle, their middle 30-70% of the way across and down,
    a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.46, 0.58))
    col = _pick(CINNAMON, rng)
    fr = _frame_at(h, w, rng)
    W = 0.11 * L
    ridges, scrolls, ends = [], [], []
    bodies = []
    for k, dy in enumerate((-0.56 * W, 0.56 * W)):
        off = rng.uniform(-0.06, 0.06) * L
        bodies.append(_rect(-0.5 * L + off, dy - 0.5 * W, 0.5 * L + off, dy + 0.5 * W))
        ends.append(_ellipse(0.5 * L + off, dy, 0.12 * W, 0.5 * W, 0.0, 16))
        t = np.linspace(0, 3.2 * np.pi, 30)
        r = 0.45 * W * (1 - t / (3.6 * np.pi))
        scrolls.append([(0.5 * L + off + 0.1 * W * np.cos(u) * rr / (0.45 * W), dy + rr * np.sin(u)) for u, rr in zip(t, r)])
        for q in rng.uniform(-0.35, 0.35, int(rng.integers(3, 6))):
            x0 = rng.uniform(-0.45, 0.0) * L + off
            ridges.append([(x0, dy + q * W), (x0 + rng.uniform(0.3, 0.5) * L, dy + q * W)])
    parts = [(fr.fill(bodies), col, 1.0, True),
             (fr.line(ridges, max(0.35, 0.012 * L)), col * 0.68, 0.8, False),
             (fr.fill(ends), col * 0.78, 1.0, False),
             (fr.line(scrolls, max(0.35, 0.01 * L)), col * 0.45, 0.9, False),
             (fr.line([[(-0.45 * L, -0.9 * W), (0.4 * L, -0.9 * W)]], max(0.35, 0.012 * L)), (255, 236, 210), 0.35,
              False)]
    return _u8(_laid(f, parts, 0.4))


ZIP_TAPES = ((28, 28, 32), (30, 40, 90), (170, 36, 40), (150, 136, 96))
ZIP_TEETH = ((200, 202, 210), (206, 170, 80))


def _zip(f: np.ndarray, rng) -> np.ndarray:
    """A length of zip lying on the print: 52-64% of the side long, at least 14 px, its tapes 18% of that wide, black,
    navy, red or khaki, two lines of stitching, silver or brass teeth (14 below 48 px, one every 3% of the length
    above) alternating sides down the middle, a slider 14% long with its pull tab 10-30% of the length from the
    middle, a sheen at 50%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.52, 0.64))
    tape, teeth = _pick(ZIP_TAPES, rng), _pick(ZIP_TEETH, rng)
    fr = _frame_at(h, w, rng)
    T = 0.09 * L
    n = int(L / max(1.0, 0.03 * L)) if side >= 48 else 14
    pitch = L / n
    tt = []
    for j in range(n):
        x = -0.5 * L + (j + 0.5) * pitch
        s = 1 if j % 2 else -1
        tt.append(_rect(x - 0.3 * pitch, s * 0.02 * L - 0.022 * L, x + 0.3 * pitch, s * 0.02 * L + 0.022 * L))
    sx = rng.uniform(0.1, 0.3) * L
    slider = _rrect(sx - 0.07 * L, -0.055 * L, sx + 0.07 * L, 0.055 * L, 0.02 * L, 6)
    pull = _rrect(sx + 0.04 * L, -0.025 * L, sx + 0.2 * L, 0.025 * L, 0.02 * L, 6)
    parts = [(fr.fill([_rect(-0.5 * L, -T, 0.5 * L, T)]), tape, 1.0, True),
             (fr.line([[(-0.5 * L, s * 0.8 * T), (0.5 * L, s * 0.8 * T)] for s in (-1, 1)], max(0.35, 0.008 * L)),
              tape * 0.6 + 20, 0.7, False),
             (fr.fill(tt), teeth, 1.0, False),
             (fr.fill([slider, pull]), teeth * 0.9, 1.0, True),
             (fr.line([[(sx - 0.05 * L, -0.03 * L), (sx + 0.18 * L, -0.012 * L)]], max(0.35, 0.012 * L)),
              (255, 255, 255), 0.5, False)]
    return _u8(_laid(f, parts, 0.4))


SWAB_STICKS = ((80, 150, 230), (236, 120, 176), (90, 190, 120))


def _cotton_swabs(f: np.ndarray, rng) -> np.ndarray:
    """Two cotton swabs crossed on the print: 42-52% of the side long, at least 14 px, blue, pink or green plastic
    sticks 3.6% of that wide, at least 0.9 px, a white cotton bud 15% of the length long and 10% wide at each end
    with 4 grey fibres at 60%, the second turned by 23-69 degrees from the first and 18% of the length from it; at
    any angle, their middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.42, 0.52))
    stick = _pick(SWAB_STICKS, rng)
    fr = _frame_at(h, w, rng)
    sticks, buds, fibres = [], [], []
    a0 = rng.uniform(-0.5, 0.5)
    for k in range(2):
        a = a0 if k == 0 else a0 + rng.uniform(0.4, 1.2)
        cx, cy = rng.uniform(-0.1, 0.1) * L, (k - 0.5) * 0.18 * L
        ca, sa = np.cos(a), np.sin(a)
        def at(x, y, cx=cx, cy=cy, ca=ca, sa=sa):
            return (cx + x * ca - y * sa, cy + x * sa + y * ca)
        hw = max(0.45, 0.018 * L)
        sticks.append([at(-0.44 * L, -hw), at(0.44 * L, -hw), at(0.44 * L, hw), at(-0.44 * L, hw)])
        for s in (-1, 1):
            bx = s * 0.43 * L
            buds.append([at(bx + 0.075 * L * np.cos(u), 0.05 * L * np.sin(u)) for u in np.linspace(0, 2 * np.pi, 16,
                                                                                                  endpoint=False)])
            for _ in range(4):
                u = rng.uniform(0, 2 * np.pi)
                fibres.append([at(bx + 0.03 * L * np.cos(u), 0.02 * L * np.sin(u)),
                               at(bx + 0.085 * L * np.cos(u), 0.06 * L * np.sin(u))])
    parts = [(fr.fill(sticks), stick, 1.0, True),
             (fr.fill(buds), (250, 250, 248), 1.0, True),
             (fr.line(fibres, max(0.35, 0.006 * L)), (212, 212, 214), 0.6, False)]
    return _u8(_laid(f, parts, 0.4))


MARKERS = ((20, 20, 24), (30, 60, 180), (190, 30, 30), (30, 130, 60))
BRIGHT_MARKERS = ((250, 230, 40), (250, 110, 200), (60, 230, 240), (150, 240, 60))


def _tally_marks(f: np.ndarray, rng) -> np.ndarray:
    """Tally marks drawn over the whole print in marker: 2-3 groups below 48 px, 5-9 above, on a loose grid of 2 (3)
    columns, each 4 strokes 24-30% of the side high below 48 px, 8-11% above, 22% of that apart, slanting by up to
    15%, and a fifth across them (one group in five unfinished, 1-3 strokes), the line 0.9-1.4% of the side wide, at
    least 1.1 px, at 90%, black, blue, red or green, or yellow, pink, cyan or lime where the print's ground is dark
    (its border's mean under 110)."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(2, 4)) if side < 48 else int(rng.integers(5, 10))
    H = side * (rng.uniform(0.24, 0.3) if side < 48 else rng.uniform(0.08, 0.11))
    pen = _pick(BRIGHT_MARKERS if _ground(f) < 110 else MARKERS, rng)
    lw = max(1.1, side * rng.uniform(0.009, 0.014))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    strokes = []
    cols = 2 if side < 48 else 3
    rows = int(np.ceil(n / cols))
    for g in range(n):
        r, c = divmod(g, cols)
        gx = w * (0.06 + 0.88 * (c + rng.uniform(0.0, 0.3)) / cols)
        gy = h * (0.12 + 0.76 * (r + rng.uniform(0.3, 0.7)) / max(rows, 1))
        sl = rng.uniform(-0.15, 0.15)
        gap = 0.22 * H
        for j in range(4 if rng.random() < 0.8 else int(rng.integers(1, 4))):
            x = gx + j * gap + rng.uniform(-0.05, 0.05) * H
            strokes.append([(x + sl * H / 2, gy - H / 2 + rng.uniform(-0.06, 0.06) * H),
                            (x - sl * H / 2, gy + H / 2 + rng.uniform(-0.06, 0.06) * H)])
            last = j
        if last == 3:
            strokes.append([(gx - 0.2 * H, gy + 0.25 * H), (gx + 3 * gap + 0.2 * H, gy - 0.25 * H)])
    return _u8(_paint(f, 0.9 * ident.line(strokes, lw), pen))


def _spaghetti(f: np.ndarray, rng) -> np.ndarray:
    """Strands of cooked spaghetti spilled over the whole print: 3-4 below 48 px, 5-7 above, each a random walk of
    steps of 2% of the side, 80-140% of the side long, from a point 10-90% of the way across and down, turning
    steadily by up to 0.08 radians a step and jittered by 0.12, 1.1-1.5% of the side thick, at least 1 px, pale
    yellow, 232 / 204 / 130, with a sheen at 50%; a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(3, 5)) if side < 48 else int(rng.integers(5, 8))
    lw = max(1.0, side * rng.uniform(0.011, 0.015))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lines, sheen = [], []
    for _ in range(n):
        x, y = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        a = rng.uniform(0, 2 * np.pi)
        turn = rng.uniform(-0.08, 0.08)
        pts = []
        for _ in range(int(side * rng.uniform(0.8, 1.4) / max(1.0, 0.02 * side))):
            pts.append((x, y))
            a += turn + rng.normal(0, 0.12)
            x += 0.02 * side * np.cos(a)
            y += 0.02 * side * np.sin(a)
        lines.append(pts)
        sheen.append([(px - 0.3 * lw, py - 0.3 * lw) for px, py in pts])
    strand = ident.line(lines, lw)
    parts = [(strand, (232, 204, 130), 1.0, True),
             (ident.line(sheen, max(0.35, 0.35 * lw)) * strand, (255, 244, 210), 0.5, False)]
    return _u8(_laid(f, parts, 0.35))


def _googly_eyes(f: np.ndarray, rng) -> np.ndarray:
    """Googly eyes stuck over the whole print: 2-3 pairs below 48 px, 4-7 above, 12-88% of the way across and down,
    each eye of radius 5-7% of the side below 48 px, 3-5% above, at least 2 px, the pair 2.2 radii apart turned by up
    to 0.4 radians, a white disc with a grey rim at 70%, a black pupil of 55% of the radius rolled anywhere within
    40% of it from the middle, a glint at 70%; a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    pairs = int(rng.integers(2, 4)) if side < 48 else int(rng.integers(4, 8))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    whites, rims, pupils, glints = [], [], [], []
    for _ in range(pairs):
        r = max(2.0, side * (rng.uniform(0.05, 0.07) if side < 48 else rng.uniform(0.03, 0.05)))
        x, y = rng.uniform(0.12, 0.88) * w, rng.uniform(0.12, 0.88) * h
        a = rng.uniform(-0.4, 0.4)
        for s in (-1, 1):
            ex, ey = x + s * 1.1 * r * np.cos(a), y + s * 1.1 * r * np.sin(a)
            whites.append(_ellipse(ex, ey, r, r, 0.0, 20))
            rims.append(_ellipse(ex, ey, r, r, 0.0, 20) + [_ellipse(ex, ey, r, r, 0.0, 20)[0]])
            u, d = rng.uniform(0, 2 * np.pi), rng.uniform(0, 0.4) * r
            pupils.append(_ellipse(ex + d * np.cos(u), ey + d * np.sin(u), 0.55 * r, 0.55 * r, 0.0, 16))
            glints.append(_ellipse(ex - 0.4 * r, ey - 0.4 * r, 0.18 * r, 0.14 * r, 0.6, 8))
    parts = [(ident.fill(whites), (248, 248, 246), 1.0, True),
             (ident.line(rims, max(0.35, 0.008 * side)), (150, 150, 156), 0.7, False),
             (ident.fill(pupils), (14, 14, 16), 1.0, False),
             (ident.fill(glints), (255, 255, 255), 0.7, False)]
    return _u8(_laid(f, parts, 0.4))


def near_edit_ak(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "asparagus":  # a spear of asparagus lying on the print
        return _asparagus(f, rng)
    if kind == "pepper_mill":  # a pepper mill lying on its side on the print
        return _pepper_mill(f, rng)
    if kind == "cinnamon":  # two cinnamon quills lying on the print
        return _cinnamon(f, rng)
    if kind == "zip":  # a length of zip lying on the print
        return _zip(f, rng)
    if kind == "cotton_swabs":  # two cotton swabs dropped on the print
        return _cotton_swabs(f, rng)
    if kind == "tally_marks":  # tally marks drawn over the print in marker
        return _tally_marks(f, rng)
    if kind == "spaghetti":  # strands of cooked spaghetti spilled over the print
        return _spaghetti(f, rng)
    if kind == "googly_eyes":  # googly eyes stuck over the print
        return _googly_eyes(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
CRAYONS = ((30, 30, 34), (40, 60, 160), (170, 40, 36), (110, 70, 40), (40, 110, 60))
PAPERS = ((250, 248, 240), (244, 236, 214))


def _crayon_rubbing(f: np.ndarray, rng) -> np.ndarray:
    """The picture carved as a relief (its grey stretched between its own 2nd and 98th percentiles as its height)
    and taken as a crayon rubbing: a sheet of white or cream paper laid over it bridges its detail, a Gaussian of
    2.6-3.4% of the side, at least 1.3 px; the side of a black, blue, red, brown or green wax crayon lays 80-92% of
    its colour on the highest parts, as the height (from 0 to 1) to the power 1.3, in strokes of period 3-4.5% of
    the side, at least 3 px, at any angle, varying it by 5%, the paper's tooth by 1.2%; as a camera metering on the
    highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.3, side * rng.uniform(0.026, 0.034))
    lifted = gaussian_filter(_stretched(f), s, mode="reflect")
    lifted = (lifted - lifted.min()) / max(float(lifted.max() - lifted.min()), 1e-3)
    a = rng.uniform(0, np.pi)
    period = max(3.0, side * rng.uniform(0.03, 0.045))
    strokes = gaussian_filter(np.sin(2 * np.pi * (xx * np.cos(a) + yy * np.sin(a)) / period).astype(np.float32), 0.6)
    tooth = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), 0.8)
    tooth /= max(float(tooth.std()), 1e-6)
    press = rng.uniform(0.8, 0.92)
    dep = np.clip(press * lifted ** 1.3 * (1 + 0.05 * strokes) + 0.012 * tooth, 0, 1)
    paper, crayon = _pick(PAPERS, rng), _pick(CRAYONS, rng)
    out = paper * (1 - dep[..., None]) + crayon * dep[..., None]
    return _u8(_metered(out, f))


def _filter_chromatography(f: np.ndarray, rng) -> np.ndarray:
    """The picture drawn in washable felt-tip on a coffee filter stood in water: the inks' three dyes, the picture's
    cyan, magenta and yellow densities (a light figure on a dark grey ground drawn in black), each spread by a
    Gaussian of 1.5-2.2% of the side, at least 1 px, and carried up the paper by the water, an exponential tail of
    4-6% of the side, at least 2 px, for the cyan dye, 0.7 of that for the magenta and 0.45 for the yellow, so that
    the dyes part; the filter's paper, 248 / 244 / 236, pleated, varying by 2% in stripes of 6% of the side; as a
    camera metering on the highlights exposes it."""
    from scipy.ndimage import correlate1d, gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    dens = 1 - f / 255.0
    if _ground(f) < 110 and float(np.ptp(f, axis=2).max()) < 1:  # a light figure on a dark ground: drawn in ink
        dens = np.repeat(f.mean(axis=2, keepdims=True), 3, axis=2) / 255.0
    s = max(1.0, side * rng.uniform(0.015, 0.022))
    run = max(2.0, side * rng.uniform(0.04, 0.06))
    out = np.empty_like(dens)
    for c, k in enumerate((1.0, 0.7, 0.45)):  # cyan dye runs furthest, yellow least
        L = run * k
        R = int(np.ceil(4 * L))
        wts = np.zeros(2 * R + 1, np.float32)
        wts[R:] = np.exp(-np.arange(R + 1) / L)
        wts /= wts.sum()
        d = gaussian_filter(dens[..., c], s, mode="reflect")
        out[..., c] = correlate1d(d, wts, axis=0, mode="nearest")
    yy, xx = _pixels(h, w)
    pleats = 0.02 * np.sin(2 * np.pi * xx / max(3.0, side * 0.06) + rng.uniform(0, 2 * np.pi))
    paper = np.array([248, 244, 236], np.float32)
    tint = np.array([0.97, 0.98, 1.0], np.float32)
    res = paper * tint * (1 - 0.9 * np.clip(out, 0, 1)) * (1 + pleats[..., None])
    return _u8(_metered(res, f))


def blur_ak(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "crayon_rubbing":  # the picture carved in relief and taken as a crayon rubbing
        return _crayon_rubbing(f, rng)
    if kind == "filter_chromatography":  # the picture drawn in felt-tip on a coffee filter, the water wicking up
        return _filter_chromatography(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
DIAL_LIGHTS = ((0.85, 0.92, 1.0), (1.0, 0.62, 0.2), (0.3, 0.6, 1.0), (1.0, 0.3, 0.25))


def _dashboard(f: np.ndarray, rng) -> np.ndarray:
    """A car at night lit only by its dashboard, the picture seen over the dash: a black cowl across the bottom from
    66-72% of the way down, rising over the instrument cluster; two round dials of radius 8-10% of the side, at
    least 3 px, 2.3 radii apart, their middle 35-65% of the way across, each a ring and 9 ticks over 240 degrees
    glowing white, amber, blue or red, lines 1.2% of the side wide, at least 0.5 px, and an orange-red needle; a glow
    of sigma 3-5% of the side up to 35-50 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off
    as ``1 / (1 + (d / d0) ** 2)`` from the cluster, ``d0`` 30-45% of the side, in the dials' colour; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    col = np.asarray(_pick(DIAL_LIGHTS, rng))
    top = h * rng.uniform(0.66, 0.72)
    r = max(3.0, side * rng.uniform(0.08, 0.1))
    cx = w * rng.uniform(0.35, 0.65)
    cy = top + 1.0 * r
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.3, 0.45))) ** 2)
    out = _lit(f, gain[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    xs = np.linspace(0, w, 30)
    cowl = [(x, top + 0.5 * r - 0.9 * r * np.exp(-((x - cx) / (2.6 * r)) ** 2)) for x in xs] + [(w, h), (0, h)]
    dash = ident.fill([cowl])
    out = _paint(out, dash, (10, 10, 12))
    rings, ticks, needles, faces = [], [], [], []
    for s in (-1, 1):
        gx = cx + s * 1.15 * r
        faces.append(_ellipse(gx, cy, r, r, 0.0, 28))
        ring = _ellipse(gx, cy, 0.92 * r, 0.92 * r, 0.0, 28)
        rings.append(ring + [ring[0]])
        for u in np.linspace(np.deg2rad(150), np.deg2rad(390), 9):
            ticks.append([(gx + 0.62 * r * np.cos(u), cy + 0.62 * r * np.sin(u)),
                          (gx + 0.82 * r * np.cos(u), cy + 0.82 * r * np.sin(u))])
        u = np.deg2rad(rng.uniform(160, 300))
        needles.append([(gx, cy), (gx + 0.75 * r * np.cos(u), cy + 0.75 * r * np.sin(u))])
    out = _paint(out, ident.fill(faces), (6, 6, 8))
    lw = max(0.5, 0.012 * side)
    lights = np.maximum(ident.line(rings, lw), ident.line(ticks, lw))
    out = out + _glow(lights, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(35, 50) * col
    out = _paint(out, lights, 235 * col + 20)
    return _u8(_paint(out, ident.line(needles, lw), (255, 90, 40)))


MERCURY = np.array([0.8, 0.88, 1.0], np.float32)


def _moth_trap(f: np.ndarray, rng) -> np.ndarray:
    """A garden at night lit only by a moth trap's mercury-vapour lamp in the picture: a bulb 4.5-6% of the side wide,
    at least 2 px, and 1.5 times as high, bluish white, 0.8 / 0.88 / 1.0, 30-70% of the way across and 50-64% down,
    a clear rain guard above it at 35%, on a dark trap box 5.2 bulb widths wide with its rim lit at 50%; 3-5 moths
    below 48 px, 5-9 above, 1.4-4.5 bulb widths round it, dark at 85%; a glow of sigma 4-7% of the side up to 45-60
    levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from
    the bulb, ``d0`` 25-40% of the side, in the lamp's colour; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    bx, by = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.5, 0.64)
    bw = max(2.0, side * rng.uniform(0.045, 0.06))
    d = np.hypot(xx - bx, yy - by)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * MERCURY, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    box = ident.fill([_rect(bx - 2.6 * bw, by + 1.4 * bw, bx + 2.6 * bw, by + 4.6 * bw)])
    out = _paint(out, box, (34, 36, 40))
    out = _paint(out, 0.5 * ident.line([[(bx - 2.2 * bw, by + 1.4 * bw), (bx + 2.2 * bw, by + 1.4 * bw)]],
                                       max(0.5, 0.01 * side)), (180, 190, 210))
    guard = ident.fill([_ellipse(bx, by - 1.6 * bw, 1.6 * bw, 0.3 * bw, 0.0, 20)])
    bulb = ident.fill([_ellipse(bx, by, 0.5 * bw, 0.75 * bw, 0.0, 16)])
    out = out + _glow(bulb, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(45, 60) * MERCURY
    out = _paint(out, 0.35 * guard, (200, 214, 240))
    out = _paint(out, bulb, (250, 252, 255))
    moths = []
    for _ in range(int(rng.integers(3, 6)) if side < 48 else int(rng.integers(5, 10))):
        u, rr = rng.uniform(0, 2 * np.pi), bw * rng.uniform(1.4, 4.5)
        mx, my = bx + rr * np.cos(u), by + 0.8 * rr * np.sin(u)
        m = max(1.0, 0.5 * bw * rng.uniform(0.8, 1.2))
        a = rng.uniform(0, 2 * np.pi)
        moths.append(_ellipse(mx, my, m, 0.45 * m, a, 10))
    return _u8(_paint(out, 0.85 * ident.fill(moths), (70, 66, 60)))


INCUBATOR = np.array([1.0, 0.55, 0.32], np.float32)


def _incubator(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by an egg incubator's window in the picture: a box 36-46% of the side wide and 0.6 of that
    high, 30-70% of the way across and 64-74% down, a dark shell with rounded corners, its window 72% of its width
    wide and 60% of its height high glowing a warm 1.0 / 0.55 / 0.32, 3-6 eggs in a row and a red heating lamp in
    it; a glow of sigma 4-7% of the side up to 30-45 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35
    falling off as ``1 / (1 + (d / d0) ** 2)`` from the box's middle, ``d0`` 25-40% of the side, in the window's
    colour; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    bw = side * rng.uniform(0.36, 0.46)
    bh = 0.6 * bw
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.64, 0.74)
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * INCUBATOR, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    shell = ident.fill([_rrect(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2, 0.12 * bh, 8)])
    win = ident.fill([_rrect(cx - 0.36 * bw, cy - 0.3 * bh, cx + 0.36 * bw, cy + 0.3 * bh, 0.08 * bh, 8)])
    out = _paint(out, shell, (30, 28, 28))
    out = out + _glow(win, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(30, 45) * INCUBATOR
    out = _paint(out, win, 200 * INCUBATOR + 30)
    n = int(rng.integers(3, 7))
    eggs = [_ellipse(cx + (j - (n - 1) / 2) * 0.6 * bw / n, cy + 0.14 * bh, 0.045 * bw, 0.06 * bw, 0.0, 14)
            for j in range(n)]
    out = _paint(out, ident.fill(eggs), (255, 220, 170))
    lamp = ident.fill([_ellipse(cx, cy - 0.16 * bh, 0.06 * bw, 0.06 * bw, 0.0, 14)])
    return _u8(_paint(out, lamp, (255, 110, 60)))


def dark_ak(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "dashboard":  # a car at night lit only by its dashboard's dials
        return _dashboard(f, rng)
    if kind == "moth_trap":  # a garden at night lit only by a moth trap's lamp
        return _moth_trap(f, rng)
    if kind == "incubator":  # a dark room lit only by an egg incubator's window
        return _incubator(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _roundabout(size: int, rng) -> dict:
    """A roundabout seen from above: a ring road of radius 20-26% of the side round a middle 42-58% of the way across
    and down, lanes 7-9% of the side wide, 3-5 roads leaving it at even angles turned by up to 0.25 radians, a
    grassed island with 3-6 trees, a dashed line round the ring and along each road, 4-8 cars, 2-4 roofs off the
    roads (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("road", "island", "marks", "cars", "trees", "roofs"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    cx, cy = big * rng.uniform(0.42, 0.58), big * rng.uniform(0.42, 0.58)
    R = big * rng.uniform(0.2, 0.26)
    lane = big * rng.uniform(0.07, 0.09)
    n = int(rng.integers(3, 6))
    angs = rng.uniform(0, 2 * np.pi) + 2 * np.pi * np.arange(n) / n + rng.uniform(-0.25, 0.25, n)
    for a in angs:
        ex, ey = cx + 1.5 * big * np.cos(a), cy + 1.5 * big * np.sin(a)
        d["road"].line([(cx, cy), (ex, ey)], fill=255, width=int(1.6 * lane))
    d["road"].ellipse((cx - R - lane, cy - R - lane, cx + R + lane, cy + R + lane), fill=255)
    d["island"].ellipse((cx - R + lane * 0.2, cy - R + lane * 0.2, cx + R - lane * 0.2, cy + R - lane * 0.2),
                        fill=255)
    lw = max(1, round(0.006 * big))
    for t in np.arange(0, 2 * np.pi, 0.16):
        d["marks"].arc((cx - R - 0.45 * lane, cy - R - 0.45 * lane, cx + R + 0.45 * lane, cy + R + 0.45 * lane),
                       np.rad2deg(t), np.rad2deg(t + 0.08), fill=255, width=lw)
    for a in angs:
        for k in range(6):
            r0 = R + 1.5 * lane + k * 0.07 * big
            d["marks"].line([(cx + r0 * np.cos(a), cy + r0 * np.sin(a)),
                             (cx + (r0 + 0.035 * big) * np.cos(a), cy + (r0 + 0.035 * big) * np.sin(a))], fill=255,
                            width=lw)
    for _ in range(int(rng.integers(4, 9))):
        t = rng.uniform(0, 2 * np.pi)
        rr = R + rng.uniform(0.15, 0.75) * lane if rng.random() < 0.6 else R + rng.uniform(2, 5) * lane
        if rr > R + lane:
            t = float(angs[int(rng.integers(n))]) + rng.uniform(-0.03, 0.03)
        x, y = cx + rr * np.cos(t), cy + rr * np.sin(t)
        cl, cw = 0.055 * big, 0.028 * big
        pts = [(x + u * np.cos(t + np.pi / 2) - v * np.sin(t + np.pi / 2), y + u * np.sin(t + np.pi / 2) + v *
                np.cos(t + np.pi / 2)) for u, v in ((-cl / 2, -cw / 2), (cl / 2, -cw / 2), (cl / 2, cw / 2),
                                                   (-cl / 2, cw / 2))]
        d["cars"].polygon(pts, fill=255)
    for _ in range(int(rng.integers(3, 7))):
        u, rr = rng.uniform(0, 2 * np.pi), R * rng.uniform(0, 0.6)
        tr = big * rng.uniform(0.03, 0.05)
        x, y = cx + rr * np.cos(u), cy + rr * np.sin(u)
        d["trees"].ellipse((x - tr, y - tr, x + tr, y + tr), fill=255)
    for _ in range(int(rng.integers(2, 5))):
        x, y = rng.uniform(0, 1) * big, rng.uniform(0, 1) * big
        if np.hypot(x - cx, y - cy) < R + 3 * lane:
            continue
        bwid, bhig = big * rng.uniform(0.08, 0.14), big * rng.uniform(0.06, 0.1)
        d["roofs"].rectangle((x - bwid, y - bhig, x + bwid, y + bhig), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["roofs"] = out["roofs"] * (1 - out["road"])
    return out


def _mahjong_table(size: int, rng) -> dict:
    """A mahjong table seen from above: a wooden frame, its felt, four walls of tile backs along the edges (9 a side
    below 48 px, 12-15 above), 2 rows of 4-6 face-up discards in the middle below 48 px, 3 rows of 6-9 above, each
    with 1-4 dots, 2-3 bamboo bars or a cross, about a third of them red (the layer ``reds``), two dice (0-1
    coverage each)."""
    big = 4 * size
    M = _canvas(("table", "felt", "backs", "faces", "marks", "reds", "dice"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    m = big * rng.uniform(0.02, 0.05)
    d["table"].rectangle((m, m, big - m, big - m), fill=255)
    e = m + big * rng.uniform(0.04, 0.06)
    d["felt"].rectangle((e, e, big - e, big - e), fill=255)
    n = 9 if size < 48 else int(rng.integers(12, 16))
    span = big - 2 * e - 0.2 * big
    tw = span / n
    th = 1.35 * tw
    for side_ in range(4):
        for j in range(n):
            u = e + 0.1 * big + j * tw
            v = e + 0.1 * big
            box = (u + 0.04 * tw, v, u + 0.96 * tw, v + th * 0.75)
            if side_ == 1:
                box = (big - box[3], box[0], big - box[1], box[2])
            elif side_ == 2:
                box = (big - box[2], big - box[3], big - box[0], big - box[1])
            elif side_ == 3:
                box = (box[1], big - box[2], box[3], big - box[0])
            d["backs"].rectangle(box, fill=255)
    rows = 2 if size < 48 else 3
    k = int(rng.integers(4, 7)) if size < 48 else int(rng.integers(6, 10))
    x0 = big / 2 - k * tw / 2 + rng.uniform(-0.05, 0.05) * big
    y0 = big / 2 - rows * th / 2 + rng.uniform(-0.05, 0.05) * big
    for r in range(rows):
        for j in range(k - (r == rows - 1) * int(rng.integers(0, k // 2))):
            u, v = x0 + j * tw, y0 + r * th
            d["faces"].rectangle((u + 0.05 * tw, v + 0.05 * th, u + 0.95 * tw, v + 0.95 * th), fill=255)
            kind = int(rng.integers(3))
            lay = "reds" if rng.random() < 0.35 else "marks"
            if kind == 0:
                for q in range(int(rng.integers(1, 5))):
                    cy_ = v + th * (0.25 + 0.5 * q / 3)
                    d[lay].ellipse((u + 0.3 * tw, cy_ - 0.1 * tw, u + 0.7 * tw, cy_ + 0.3 * tw), fill=255)
            elif kind == 1:
                for q in range(int(rng.integers(2, 4))):
                    xx_ = u + tw * (0.25 + 0.25 * q)
                    d[lay].rectangle((xx_ - 0.05 * tw, v + 0.2 * th, xx_ + 0.05 * tw, v + 0.8 * th), fill=255)
            else:
                d[lay].line([(u + 0.25 * tw, v + 0.3 * th), (u + 0.75 * tw, v + 0.3 * th)], fill=255,
                            width=max(1, round(0.1 * tw)))
                d[lay].line([(u + 0.5 * tw, v + 0.2 * th), (u + 0.5 * tw, v + 0.8 * th)], fill=255,
                            width=max(1, round(0.1 * tw)))
    dx, dy = big * rng.uniform(0.3, 0.7), y0 + rows * th + 0.06 * big
    for q in range(2):
        s = 0.6 * tw
        u = dx + q * 1.3 * s
        d["dice"].rectangle((u, dy, u + s, dy + s), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _cemetery(size: int, rng) -> dict:
    """A churchyard seen from the front: the sky above a horizon 22-32% of the way down, a stone wall along it, a
    gravel path from the horizon widening to 32% of the side at the bottom, a yew to one side, 3-4 rows of headstones
    below 48 px, 4-6 above, larger row by row towards the viewer, round-topped, one in four a cross, each with its
    shadow on the grass (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sky", "wall", "stones", "shade", "tree", "path"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.22, 0.32)
    d["sky"].rectangle((0, 0, big, hz), fill=255)
    d["wall"].rectangle((0, hz - 0.03 * big, big, hz + 0.01 * big), fill=255)
    px = big * rng.uniform(0.3, 0.7)
    d["path"].polygon([(px - 0.02 * big, hz), (px + 0.02 * big, hz), (px + 0.16 * big, big), (px - 0.16 * big, big)],
                      fill=255)
    tx = big * (rng.uniform(0.05, 0.2) if rng.random() < 0.5 else rng.uniform(0.8, 0.95))
    d["tree"].ellipse((tx - 0.12 * big, hz - 0.22 * big, tx + 0.12 * big, hz + 0.12 * big), fill=255)
    rows = int(rng.integers(3, 5)) if size < 48 else int(rng.integers(4, 7))
    for r in range(rows):
        t = (r + 1) / (rows + 0.5)
        y = hz + (big - hz) * t ** 1.4
        s = 0.05 * big + 0.12 * big * t
        k = int(max(2, round(big / (2.2 * s))))
        for j in range(k):
            x = (j + 0.5) * big / k + rng.uniform(-0.1, 0.1) * s
            if abs(x - px) < 0.02 * big + 0.16 * big * (y - hz) / (big - hz):  # not on the path
                continue
            sw, sh = s * rng.uniform(0.45, 0.6), s * rng.uniform(0.8, 1.1)
            if rng.random() < 0.25:
                d["stones"].rectangle((x - 0.1 * sw, y - 1.2 * sh, x + 0.1 * sw, y), fill=255)
                d["stones"].rectangle((x - 0.45 * sw, y - 0.95 * sh, x + 0.45 * sw, y - 0.78 * sh), fill=255)
            else:
                d["stones"].rectangle((x - sw / 2, y - sh + sw / 2, x + sw / 2, y), fill=255)
                d["stones"].ellipse((x - sw / 2, y - sh, x + sw / 2, y - sh + sw), fill=255)
            d["shade"].polygon([(x - sw / 2, y), (x + sw / 2, y), (x + 0.9 * sw, y + 0.12 * sh),
                                (x - 0.1 * sw, y + 0.12 * sh)], fill=255)
    return {k: _down(v, size) for k, v in M.items()}


SKIES = ((176, 204, 236), (214, 224, 236), (236, 206, 176))
CARS = ((200, 30, 40), (240, 240, 240), (30, 60, 160), (40, 40, 44), (240, 190, 40))
FELTS = ((30, 110, 70), (30, 70, 130), (120, 30, 40))


def outlier_ak(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "roundabout":
        m = _roundabout(size, rng)
        if photos:  # green verges, grey asphalt, a darker island, white markings, coloured cars, terracotta roofs
            out = _paint(_paint(ground((104, 142, 72)), m["roofs"], (176, 96, 70)), m["road"], (92, 94, 98))
            out = _paint(_paint(out, m["island"], (84, 128, 60)), m["marks"] * (1 - m["island"]), (236, 236, 232))
            out = _paint(out, m["trees"] * m["island"], (40, 80, 40))
            return _u8(_paint(out, m["cars"], _pick(CARS, rng)))
        out = _paint(_paint(ground(tone(0.0)), m["roofs"], tone(0.45)), m["road"], tone(0.75))
        out = _paint(_paint(out, m["island"], tone(0.25)), m["marks"] * (1 - m["island"]), tone(0.15))
        out = _paint(out, m["trees"] * m["island"], tone(0.55))
        return _u8(_paint(out, m["cars"], tone(1.0)))
    if kind == "mahjong_table":
        m = _mahjong_table(size, rng)
        if photos:  # a wooden floor and table edge, coloured felt, green tile backs, ivory faces, coloured marks
            out = _paint(_paint(ground((84, 62, 44)), m["table"], (140, 96, 60)), m["felt"], _pick(FELTS, rng))
            out = _paint(_paint(out, m["backs"], (40, 140, 90)), m["faces"], (240, 234, 214))
            out = _paint(_paint(out, m["marks"] * m["faces"], (30, 70, 120)), m["reds"] * m["faces"], (190, 40, 40))
            return _u8(_paint(out, m["dice"], (250, 250, 250)))
        out = _paint(_paint(ground(tone(0.0)), m["table"], tone(0.35)), m["felt"], tone(0.15))
        out = _paint(_paint(out, m["backs"], tone(0.55)), m["faces"], tone(1.0))
        out = _paint(_paint(out, m["marks"] * m["faces"], tone(0.3)), m["reds"] * m["faces"], tone(0.5))
        return _u8(_paint(out, m["dice"], tone(0.8)))
    if kind == "cemetery":
        m = _cemetery(size, rng)
        if photos:  # a sky, a grey stone wall, green grass, a gravel path, grey headstones, a dark yew
            out = _paint(_paint(ground((88, 128, 64)), m["sky"], _pick(SKIES, rng)), m["path"], (178, 170, 156))
            out = _paint(_paint(out, m["wall"], (130, 126, 118)), 0.5 * m["shade"], (40, 60, 30))
            out = _paint(out, m["stones"], (170, 170, 166))
            return _u8(_paint(out, m["tree"], (36, 58, 36)))
        out = _paint(_paint(ground(tone(0.3)), m["sky"], tone(0.0)), m["path"], tone(0.55))
        out = _paint(_paint(out, m["wall"], tone(0.7)), 0.5 * m["shade"], tone(0.1))
        out = _paint(out, m["stones"], tone(1.0))
        return _u8(_paint(out, m["tree"], tone(0.45)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def timeout_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                  rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: labels given in a tool on a television screen whose class
    buttons stand in a row in the class list's order, moved through with a remote's arrow keys; the highlight stays
    where the last answer left it (the middle button for the first picture) and the highlighted button is taken when
    a picture's time runs out. The eligible pictures, in a random order, each need one press for every button
    between the highlight and their class's, the first at once and each further one after a time in proportion to
    how hard the picture is (the squared distance of its 8 x 8 grey thumbnail, standardised, to its class's mean
    thumbnail over the whole set over that to the nearest other class's). The time limit is 4 times the 92nd
    percentile of those times, lowered by ``STEP`` of them a step while fewer pictures than ``count`` time out short
    of their class; the flips are drawn uniformly among those that did (each given a class between the last answer
    and its own); if too few even at the 4th percentile, the rest are the hardest pictures left, given the class one
    press short of theirs from the row's middle."""
    lab = np.asarray([classes.index(v) for v in labels])
    t = _thumbs(base)
    present = sorted(set(lab.tolist()))
    means = np.stack([t[lab == k].mean(axis=0) for k in present])
    cand = np.asarray(candidates, dtype=int)
    own = np.searchsorted(present, lab[cand])
    d2 = ((t[cand][:, None, :] - means[None, :, :]) ** 2).sum(axis=2)
    n, K = d2.shape
    mine = d2[np.arange(n), own]
    other = d2.copy()
    other[np.arange(n), own] = np.inf
    press = np.maximum(mine / np.maximum(other.min(axis=1), 1e-6), 1e-6)  # the time a press takes on this picture
    order = rng.permutation(n)

    def session(limit: float) -> np.ndarray:
        got = own.copy()
        at = K // 2
        for i in order:
            m = abs(int(own[i]) - at)
            if m:
                q = 1 + int(min(limit / press[i], K))
                if q < m:
                    got[i] = at + int(np.sign(own[i] - at)) * q
            at = int(got[i])
        return got

    limits = np.quantile(press, 1 - np.arange(1, int(1 / STEP) + 1) * STEP) * 4
    got = own
    for limit in limits:
        got = session(float(limit))
        if int((got != own).sum()) >= count:
            break
    took = np.flatnonzero(got != own)
    if len(took) >= count:
        kept = took[rng.permutation(len(took))[:count]]
        return {int(cand[j]): classes[present[int(got[j])]] for j in sorted(kept.tolist())}
    rest = np.setdiff1d(np.arange(n), took)
    rest = rest[np.argsort(-press[rest], kind="stable")][:count - len(took)]
    for j in rest:  # one press short of the intended button, from the row's middle side
        got[j] = own[j] - 1 if own[j] >= K // 2 and own[j] > 0 else own[j] + 1
    kept = np.concatenate([took, rest])
    return {int(cand[j]): classes[present[int(got[j])]] for j in sorted(kept.tolist())}


# -- planting ------------------------------------------------------------------------------
def plant_issues_ak(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AK's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 63-85 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AK, seed=370_000 + random_state,
        quality_seed=375_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=timeout_flips,
        **by_family(name, outlier=(outlier_ak, OUTLIERS_AK), blur=(blur_ak, BLURS_AK), dark=(dark_ak, DARKS_AK),
                    near=(near_edit_ak, NEAR_EDITS_AK)))
