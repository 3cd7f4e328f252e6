"""Generator AF: fresh EVALUATION sets after generator AE's run (never used to choose anything).

Why a thirtieth evaluation generator: generator AE's sets have been run, and what they showed may inform the next
changes (the commit subjects since name AE's run written up and one helper for the neighbour-code -> eligible-pair
step of the partial and relit near-duplicate rules, checked on AC's and AD's sets), so they will not stay untouched;
AF is a held-out measurement of the code after that run, of families of its own (AF's writer read no docs, logs,
result files or commit bodies: only the commit subjects, the library's code and the earlier generators' and tuning
tools' files, to copy their structure and to avoid their families). Generator AF was written before any tool was run
on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28,
44 and 248 px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture
still in it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its
results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K,
L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Like AC's to AE's it has two blur families, not three: every third one
considered was too near an earlier generator's (below). Left out because an earlier generator made them or left them
out: among objects on the print a clothes peg, a pocket knife, a wristwatch or a starfish (U's, AC's and W's lists),
pliers (X's scissors, as AA's tweezers), a carabiner (N's paper clip, as the hair clip and binder clip AB and AC left
out), a horseshoe (X's horseshoe magnets), an hourglass egg timer (U's hourglasses), a pinwheel (Y's fidget spinner),
a toy frog (Z's duck, AC's dinosaur, AD's teddy: one toy animal is enough), a watermelon slice or a doughnut (AB's
cheese wedge, Z's croissant); of the whole picture solarisation, Newton's rings and craquelure (R's, Y's, Q's and U's
lists), the emulsion's reticulation (Q's jigsaw, as R found craquelure), the picture on a tin can's label (the mug X
and Y left out), an autochrome's colour screen (V's list), a magnetic album page (X's list), Benard cells of aluminium
flakes (G's Voronoi cells), an oil film's colours (V's list), a VHS tracking band (H's tear), Faraday waves in a film
of water (S's water ripple, AA's tufted lattice), a flood's silt lines (the water-stained print N left out), a cloud
chamber's tracks (G's scratches); among blurs a stocking or a diffusion filter over the lens (O's stocking), a zone
plate (P's pinhole), a gel-plate monoprint (AE's gum print: a pigment coat spread and brushed), a white-light hologram
(Q's hologram), a sublimation transfer lifted off its tile (L's scanner lift), a paper negative (AD's poster from
behind, I's frosted glass), a putty transfer (the peel-apart transfer AD left out), a print on a door swinging open
(W's turning card), an e-paper's drifted capsules (U's e-ink ghost); among darkenings a toaster or an electric fire
(the heater's glowing bars V left out), a laptop, a phone or a television (I's lamp, P's phone screen), a flash's
AF-assist grid and a screen through polarised sunglasses (X's list), a grow light (W's list), an illuminated globe or
a moon lamp (W's plasma globe), a router's lights (X's list), glowing plankton (V's list), a kettle's or a doorbell's
light ring (AE's speaker ring), a car's brake lights (AE's tail light, P's emergency lights), a pool lit at night (K's
deep water, R's caustic); among foreign pictures a geyser (a 1 on the digit sets), a scarecrow (a T-shirt, as the
robot AE left out), a cable car among mountain ranges (R's mountains: AF's has a single slope), a submarine (AE's
iceberg seen through the water), an igloo, giraffes and octopuses (AC's and X's lists), a parachute (U's umbrellas,
Q's balloons); among label noise a block of the label column sorted on its own (X's list), a crowd's majority vote
(R's and Y's lists), a class list that lost a class part way (B's map), a labeller seeing the pictures in negative
(Q's turned view) and labels inherited from a de-duplication's kept copy (Z's list).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 248 px
  set's three copies get both kinds): a T-handle corkscrew lying on the print (46-58% of the side from its
  handle to the worm's tip, at least 12 px, a handle 56% of that across and 12% thick, light or dark wood with two
  grain lines, black or red plastic, a brass ferrule, a steel shank 3.6% thick and a worm of 5-7 turns 13% of the
  length across, its near halves of a turn lighter, narrowing to a point; at any angle, 30-70% of the way across and
  down, a soft shadow at 40%), an artist's palette lying on the print (an oval 50-64% of the side long, at least 14
  px, and 72% of that wide, with a notch in its rim and a thumb hole, light or dark wood or white plastic, 5-8 blobs
  of paint round its rim, 9-14% of the length across, in cadmium red and yellow, ultramarine, viridian, titanium
  white, burnt umber, orange or violet, each with a highlight, and 1-2 smears of two of them mixed, dragged towards
  the middle; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a hand-held microphone lying on
  the print (46-58% of the side long, at least 12 px, a ball grille 30% of the length across, silver, meshed by dark
  wires every 3.5% of the length, with a highlight, a band 4% wide, a handle tapering from 16% to 10% thick, black,
  silver, white or red, with a switch and a silver plug end, a sheen along it at 30%; at any angle, 30-70% of the way
  across and down, a soft shadow at 40%), a garden trowel lying on the print (48-60% of the side long, at least 12 px,
  a pointed blade 56% of the length long and 30% wide, bare steel or painted green or red, with a ridge down its
  middle, one half lit by 30%, 2-4 smears of soil near its tip, a steel neck 3.5% thick, a ferrule and a handle 11%
  thick of wood or green, orange or blue plastic with a hanging hole; at any angle, 30-70% of the way across and down,
  a soft shadow at 40%) and a baseball cap lying on the print seen from above (a crown of radius 30% of 44-56% of the
  side, at least 12 px, in navy, red, black, white, green or khaki, 6 seams from its button, 4 eyelets from 48 px, a
  lit side at 22%, a peak showing 21% of the length before it and 57% wide, 20% darker or of a contrasting colour, a
  darker rim, a patch on the front panel in white, red or gold; at any angle, 30-70% of the way across and down, a
  soft shadow at 40%); of the whole picture: iron filings sprinkled over the print lying on a bar magnet (the poles
  30-45% of the side apart about a point within 10% of the side of the middle, at any angle, 8% of the side under the
  print; ``max(45-69, 0.6-1% of the side squared)`` filings placed where the field ``B`` is strong, drawn in
  proportion to ``|B| ** 0.6``, one in ten anywhere, each a dash along the field 8-12% of the side long below 48 px,
  3-6% above, at least 2 px, 1.2% of the side wide, at least 0.45 px, dark grey 78 / 80 / 84 at 90%, half of them with
  a shorter highlight of 170 at 60%: short dashes along a dipole's field lines, not E's specks or U's confetti), a
  Chladni figure of table salt on the print laid on a vibrating plate (the grains gathered along the nodal lines of
  ``cos(n pi u) cos(m pi v) +- cos(m pi u) cos(n pi v)`` over the picture's width ``u`` and height ``v``, ``n`` 2-4
  below 48 px, 2-6 above, ``m`` 1 to ``n - 1``, as ``exp(-(phi / e) ** 2)``, ``e`` 0.1-0.16, by a grain drawn for
  every pixel, at 80-95% of that, white 246 / 246 / 242, 1.5% of the pixels stray grains at 30-70%, the salt's soft
  shadow darkening the print by up to 15%: salt in a standing wave's pattern, not AE's salt crust or AD's drifted
  sand) and the picture printed as a darkroom test strip (4-6 bands across it, square to a random edge give or take 8
  degrees, 0.85-1.15 times as wide as each other, each given 0.45-0.7 of a stop more light than the one before, the
  normal one 1.4-2.2 stops lighter than the darkest (as near as 4-6 bands allow) and at most 1.1 darker than the
  lightest where that allows, in linear light (2.2), the card's edge soft over 0.4% of the side, at least 0.3 px:
  bands of stepped exposure with sharp edges, not E's smooth ramp or O's flicker bands);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture painted in bacteria on a plate of agar and grown overnight (agar art: the picture's
  darkness, ``(1 - lum) ** 1.5``, painted in Serratia red, Chromobacterium violet or Pseudomonas green, its lightness,
  ``lum ** 1.5``, in Micrococcus yellow, Staphylococcus cream or a pink yeast, ``lum`` the grey stretched between its
  own 2nd and 98th percentiles, each grown out from where it was painted, a Gaussian of 2.8-4.2% of the side, at least
  1.2 px, and covering 90-95% where thickest, its colonies' grain 6% over a smooth random field of 1.2% of the side,
  at least 0.8 px; on an amber, dark amber or golden agar, its thickness 3% over a smooth random field of 3% of the
  side, a lid's sheen of up to 10 levels from a corner: a culture grown from a picture, not O's petri dishes with
  their colonies) and the picture copied in fumage (candle soot laid on paper where the picture is dark, ``1 - lum``,
  the stretched grey, the flame's plume spreading it before it settled, a Gaussian of 2.5-3.5% of the side, at least
  1.2 px, 1.2-1.4 times that along the sheet's vertical, 30% of it trailing up the sheet held tilted over the flame by
  an exponential tail of 1-1.6 times the Gaussian; the smoke's wisps, 12% over a smooth random field of 2% of the side
  drawn out 3 times upwards; soot brown-black, 46 / 40 / 36, 70 / 56 / 44 or 36 / 36 / 40, taking up to 90% of the
  light on a cream paper, 244 / 238 / 226: a drawing in smoke, not AE's gum print or T's soot darkening); each as a
  camera metering on the highlights exposes it (as Y's to AE's);
* ``dark`` (2%): a dark room lit only by a cinema-style letter light box standing in the picture (at its bottom left
  or right corner, 2-8% of the side in from the edge, 30-38% of the side wide below 48 px, 22-28% above, 70% of that
  high, a black frame 7% of its width, its panel glowing white, 250 / 250 / 246, with 2-3 rows of made-up black
  glyphs (bars below 48 px); a glow of sigma 6-9% of the side up to 35-55 levels; the picture lit at a gain of
  0.02-0.035 plus 0.22-0.32 falling off as ``1 / (1 + (d / d0) ** 2)`` from the panel's middle, ``d0`` 30-45% of the
  side, in a cool white, 0.92 / 0.96 / 1.0; noise sigma 1.2 levels), a dark bedroom at the first minutes of a
  wake-up light's sunrise (a round lamp face of radius 14-18% of the side below 48 px, 10-13% above, at least 4 px,
  standing on the bottom edge 15-85% of the way across, in a white housing 12% of its radius wide, lit by the face
  only, the face deep red at its rim, 200 / 40 / 20, towards orange in the middle, 255 / 120 / 40, a glow of sigma
  6-9% of the side up to 30-45 levels; the picture lit at a gain of 0.025-0.04 plus 0.3-0.4 falling from the bottom
  edge as ``exp(-(bottom - y) / d0)``, ``d0`` 40-60% of the side, and sideways as ``1 / (1 + ((x - cx) / 0.8 side) **
  2)``, in deep red, 1.0 / 0.35 / 0.12; noise sigma 1.2 levels) and a scrolling LED name badge left on, lying on the
  print in a dark room (a black unit 40-50% of the side long below 48 px, 28-36% above, 30% of that wide, its window
  of 11 rows of LEDs lit in made-up glyphs, blue, green, amber or white, dots from 48 px, bars below; 15-30% of the
  side from the middle in a random direction, at any angle; a glow of sigma 4-7% of the side up to 40-60 levels; the
  picture lit at a gain of 0.015-0.03 plus 0.3-0.42 falling off as ``1 / (1 + (d / d0) ** 2)`` from the badge's
  middle, ``d0`` 18-28% of the side, in its colour; noise sigma 1.2 levels); none of them blurs the picture;
* ``outlier`` (1.5%): volcanoes erupting (a plain from 72-82% of the way down, a cone 70-90% of the side wide at its
  foot narrowing to a crater 12-18% wide 30-40% down, its sides bowed in, a glowing crater, 2-3 lava flows down its
  flanks, a plume of ash of 7-10 puffs rising from it to the top, growing from 6% to 16% of the side and drifting to
  one side, 4-8 bombs flung out), penguins on the ice (the sea from the horizon, 28-36% of the way down, to the ice
  edge, 40-48%, ice below with 1-2 pressure ridges; 4-7 penguins standing in one or two rows, 22-32% of the side high
  below 48 px, 14-20% above, smaller further back, each a dark body with a white belly, a dark head with an orange
  beak, flippers, orange feet, a shadow on the ice) and cable cars (a steep slope rising from one side, 35-50% of the
  way down there to 85-95% on the other, 5-12 pines on it; a pylon on the slope, a lattice tower 8% of the side wide;
  the haul and track cables from it across the sky, sagging a little; a cabin 18-26% of the side wide and 14-20% high
  hanging from them on a hanger with a carriage, its windows in a band); the digit and clothing sets get them in
  their own tones on their dark ground, the photographs as a dark cone with orange lava under a grey plume in a dusk,
  grey or blue sky, black and white penguins with orange beaks and feet on white ice by a dark blue sea under a pale
  sky, and a red, yellow or blue cabin over a green slope with dark pines under a blue or pale sky;
* ``label`` (5%): *averaged-vote* flips: every picture was labelled by two annotators and the aggregation script,
  written for ordinal ratings, stored the rounded mean (half up) of their two class numbers, in the sorted class
  list's order, instead of a vote; where they agreed it changed nothing; the second annotator disagreed on the
  pictures it found hard, giving the look-alike class (the other class whose mean 8 x 8 grey thumbnail, standardised,
  over the whole set is nearest the picture's own by squared distance); the flips are drawn uniformly among the
  quarter of the eligible examples (twice the flips needed at least) most ambiguous (the smallest gap between their
  distance to the look-alike's mean and to their own class's) whose stored class is not their own, each given that
  class: the class midway between their own and a look-alike's, mostly neither (not the look-alike, as F's, H's, T's,
  V's, W's or AB's; not the farthest, as AC's; not uniform, as E's). Every flip changes the label, so every one is in
  the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AF's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
241), MNIST (2,000, seed 242), and the evaluation photographs tiled at 44 px (24 tiles a photograph at most, seed 243:
404) and at 248 px (every tile, seed 244: 110, the photographs with 2-28 tiles each), sizes no other set uses.
``photos44_af_jpeg`` is written as JPEG files, each at a quality drawn from 65-87 (a stream of its own, seed
``325_000 + random_state``), every edit, blur and darkening made before the encoding, near copies made from the
decoded JPEG and saved again at their own quality, exact copies byte copies of the file; the other sets are PNG files.
Planting draws from seed ``320_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J
to AE).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _rrect, _tube
from _heldout_ae import _lit
from _heldout_h import _drawn, _u8
from _heldout_i import by_family, plant_generator
from _heldout_j import _glyph_line
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _pixels
from _heldout_v import _field, _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AF = ("fashion_test_af", "mnist_af", "photos44_af_jpeg", "photos248_af")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AF = {
    "fashion_test_af": ("fashion_test", 241),
    "mnist_af": ("mnist", 242),
    "photos44_af_jpeg": ("photos", 243, 44, 8, 24),
    "photos248_af": ("photos", 244, 248, 8, 1000),
}
JPEG_QUALITY = (65, 88)  # the JPEG set's qualities: integers in [low, high)
RATES_AF = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (3-4 copies) gets both kinds
NEAR_EDITS_AF = ("corkscrew", "iron_filings", "artist_palette", "chladni_salt", "microphone", "test_strip",
                 "hand_trowel", "baseball_cap")
BLURS_AF = ("agar_art", "fumage")
DARKS_AF = ("letter_lightbox", "sunrise_lamp", "led_badge")
OUTLIERS_AF = ("volcano", "penguins", "cable_car")
AMBIGUOUS = 0.25  # the share of the eligible examples, most ambiguous first, the flips are drawn from (label noise)


def load_base_af(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AF, "AF")


# -- near copies -----------------------------------------------------------------------------
STEEL = (156, 160, 168)
BRASS = (196, 156, 70)
CORK_HANDLES = ((150, 100, 56), (96, 60, 34), (30, 30, 32), (176, 40, 36))


def _corkscrew(f: np.ndarray, rng) -> np.ndarray:
    """A T-handle corkscrew lying on the print: 46-58% of the side from its handle to the worm's tip, at least
    12 px; a handle across the shaft 56% of that long and 12% thick with round ends, light or dark wood with two
    darker grain lines, or black or red plastic, a sheen along it at 30%; a brass ferrule 6% long and 8% wide under
    it; a steel shank 3.6% thick to 38% of the length; a worm of 5-7 turns, 13% of the length across, a steel wire
    3.5% thick, the near half of each turn lighter, narrowing to a point over its last 12%; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.46, 0.58))
    grip = _pick(CORK_HANDLES, rng)
    wooden = bool(grip[0] > 90 and grip[1] > 50)
    fr = _frame_at(h, w, rng)
    across = lambda pts, x0: [(x0 + y, x) for x, y in pts]  # noqa: E731  (a bar along y at x0)
    handle = across(_bar(-0.28 * L, 0.28 * L, 0.06 * L), -0.44 * L)
    grain = [[(-0.46 * L, y), (-0.42 * L, y + 0.2 * L)] for y in (-0.24 * L, 0.04 * L)]
    shank = _rect(-0.44 * L, -0.018 * L, -0.12 * L, 0.018 * L)
    ferrule = _rect(-0.38 * L, -0.04 * L, -0.32 * L, 0.04 * L)
    turns = rng.uniform(5, 7)
    xs = np.linspace(-0.12 * L, 0.5 * L, 160)
    u = (xs - xs[0]) / (xs[-1] - xs[0])
    amp = 0.065 * L * np.clip((1 - u) / 0.12, 0, 1)
    ys = amp * np.sin(2 * np.pi * turns * u)
    near = np.cos(2 * np.pi * turns * u) > 0
    worm = [[(float(x), float(y)) for x, y in zip(xs, ys)]]
    fronts, run = [], []
    for x, y, k in zip(xs, ys, near):
        if k:
            run.append((float(x), float(y)))
        elif len(run) > 1:
            fronts.append(run)
            run = []
        else:
            run = []
    if len(run) > 1:
        fronts.append(run)
    parts = [(fr.fill([handle]), grip, 1.0, True),
             (fr.fill([across(_bar(-0.26 * L, 0.26 * L, 0.015 * L), -0.465 * L)]), (255, 255, 255), 0.3, False),
             (fr.fill([shank]), STEEL, 1.0, True), (fr.fill([ferrule]), BRASS, 1.0, True),
             (fr.line(worm, max(0.5, 0.035 * L)), (138, 142, 150), 1.0, True)]
    if wooden:
        parts.insert(1, (fr.line(grain, max(0.4, 0.01 * L)) * fr.fill([handle]), grip * 0.7, 0.7, False))
    if fronts:
        parts.append((fr.line(fronts, max(0.4, 0.015 * L)), (232, 234, 238), 0.8, False))
    return _u8(_laid(f, parts, 0.4))


PALETTE_BOARDS = ((206, 166, 112), (150, 100, 60), (238, 238, 232))
PAINTS = ((214, 30, 36), (246, 204, 30), (30, 50, 160), (20, 130, 96), (250, 250, 246), (110, 70, 40),
          (244, 130, 30), (120, 50, 150))


def _artist_palette(f: np.ndarray, rng) -> np.ndarray:
    """An artist's palette lying on the print: an oval 50-64% of the side long, at least 14 px, and 72% of that
    wide, with a notch cut into its rim at one end and a thumb hole beside it, light or dark wood or white plastic;
    5-8 blobs of paint round its rim, ellipses 9-14% of the length across, in cadmium red and yellow, ultramarine,
    viridian, titanium white, burnt umber, orange or violet, each with a white highlight at 50%; 1-2 smears of two
    of them mixed, dragged from a blob towards the middle, 5% of the length wide at 80%; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.5, 0.64))
    board = _pick(PALETTE_BOARDS, rng)
    fr = _frame_at(h, w, rng)
    outline = _ellipse(0.0, 0.0, 0.5 * L, 0.36 * L, 0.0, 40)
    notch = _ellipse(0.5 * L, 0.14 * L, 0.13 * L, 0.09 * L, 0.0, 16)
    hole = _ellipse(0.3 * L, -0.04 * L, 0.055 * L, 0.055 * L, 0.0, 14)
    parts = [(fr.fill([outline], holes=[notch, hole]), board, 1.0, True)]
    k = int(rng.integers(5, 9))
    angs = np.linspace(-2.7, 1.9, k) + rng.uniform(-0.12, 0.12, k)
    picks = rng.permutation(len(PAINTS))[:k] if k <= len(PAINTS) else rng.integers(len(PAINTS), size=k)
    blobs = []
    for t, p in zip(angs, picks):
        x, y = 0.37 * L * np.cos(t), 0.25 * L * np.sin(t)
        r = L * rng.uniform(0.045, 0.07)
        blobs.append((x, y, r, PAINTS[int(p)]))
        parts.append((fr.fill([_ellipse(x, y, r * rng.uniform(1.0, 1.4), r, rng.uniform(0, np.pi), 12)]),
                      PAINTS[int(p)], 1.0, False))
        parts.append((fr.fill([_ellipse(x - 0.3 * r, y - 0.3 * r, 0.3 * r, 0.3 * r, 0.0, 8)]), (255, 255, 255), 0.5,
                      False))
    for _ in range(int(rng.integers(1, 3))):
        i, j = rng.choice(len(blobs), 2, replace=False)
        (x, y, _, c1), c2 = blobs[i], blobs[j][3]
        mix = (np.asarray(c1, np.float32) + np.asarray(c2, np.float32)) / 2
        parts.append((fr.line([[(x, y), (x * 0.35, y * 0.35 + rng.uniform(-0.05, 0.05) * L)]], max(0.6, 0.05 * L)),
                      mix, 0.8, False))
    return _u8(_laid(f, parts, 0.4))


MIC_BODIES = ((28, 28, 30), (196, 198, 204), (236, 236, 232), (170, 30, 36))


def _microphone(f: np.ndarray, rng) -> np.ndarray:
    """A hand-held microphone lying on the print: 46-58% of the side long, at least 12 px; a ball grille 30% of
    the length across, silver, 190 / 192 / 198, meshed by dark wires every 3.5% of the length both ways at 55%, a
    highlight at 50%; a band 4% wide under it; a handle tapering from 16% of the length thick to 10%, black, silver,
    white or red, a sheen along it at 30%, a switch and a silver plug end 8% long; at any angle, its middle 30-70% of
    the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.46, 0.58))
    body = _pick(MIC_BODIES, rng)
    fr = _frame_at(h, w, rng)
    ball = fr.fill([_ellipse(0.34 * L, 0.0, 0.15 * L, 0.15 * L, 0.0, 24)])
    step = 0.035 * L
    wires = [[(x - 0.2 * L, -0.2 * L), (x + 0.2 * L, 0.2 * L)] for x in np.arange(0.1 * L, 0.6 * L, step)]
    wires += [[(x - 0.2 * L, 0.2 * L), (x + 0.2 * L, -0.2 * L)] for x in np.arange(0.1 * L, 0.6 * L, step)]
    handle = _tube(np.array([[0.18 * L, 0.0], [-0.44 * L, 0.0]]), [0.08 * L, 0.05 * L])
    parts = [(fr.fill([handle]), body, 1.0, True),
             (fr.fill([_rect(-0.4 * L, -0.04 * L, 0.12 * L, -0.025 * L)]), (255, 255, 255), 0.3, False),
             (fr.fill([_rrect(-0.06 * L, -0.03 * L, 0.03 * L, 0.03 * L, 0.01 * L)]), (60, 62, 66) if body[0] > 100
              else (170, 172, 178), 1.0, False),
             (fr.fill([_rrect(-0.52 * L, -0.05 * L, -0.43 * L, 0.05 * L, 0.01 * L)]), (176, 178, 184), 1.0, True),
             (fr.fill([_rect(0.17 * L, -0.085 * L, 0.21 * L, 0.085 * L)]), (40, 40, 44), 1.0, True),
             (ball, (190, 192, 198), 1.0, True),
             (fr.line(wires, max(0.35, 0.008 * L)) * ball, (90, 92, 98), 0.55, False),
             (fr.fill([_ellipse(0.3 * L, -0.06 * L, 0.04 * L, 0.04 * L, 0.0, 10)]), (255, 255, 255), 0.5, False)]
    return _u8(_laid(f, parts, 0.4))


TROWEL_BLADES = ((172, 176, 182), (50, 120, 64), (176, 44, 34))
TROWEL_HANDLES = ((172, 122, 72), (50, 120, 60), (232, 120, 30), (40, 80, 160))
SOIL = (88, 62, 40)


def _hand_trowel(f: np.ndarray, rng) -> np.ndarray:
    """A garden trowel lying on the print: 48-60% of the side long, at least 12 px; a pointed blade 56% of the
    length long and 30% wide, bare steel or painted green or red, with a ridge down its middle 25% darker and one
    half lit by 30%, 2-4 smears of soil near its tip, 88 / 62 / 40 at 85%, ellipses 3-6% of the length across; a
    steel neck 3.5% thick, a ferrule and a handle 11% thick with round ends, of wood or green, orange or blue plastic,
    with a hanging hole, a sheen along it at 30%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.48, 0.6))
    blade_c, handle_c = _pick(TROWEL_BLADES, rng), _pick(TROWEL_HANDLES, rng)
    fr = _frame_at(h, w, rng)
    pts = ((-0.04, -0.12), (0.12, -0.15), (0.3, -0.12), (0.44, -0.05), (0.52, 0.0), (0.44, 0.05), (0.3, 0.12),
           (0.12, 0.15), (-0.04, 0.12))
    blade = fr.fill([[(x * L, y * L) for x, y in pts]])
    upper = fr.fill([[(x * L, y * L) for x, y in pts[:5]]])
    soil = fr.fill([_ellipse(L * rng.uniform(0.24, 0.44), L * rng.uniform(-0.07, 0.07), L * rng.uniform(0.03, 0.06),
                             L * rng.uniform(0.02, 0.04), rng.uniform(0, np.pi), 10)
                    for _ in range(int(rng.integers(2, 5)))]) * blade
    parts = [(fr.line([[(-0.2 * L, 0.0), (-0.02 * L, 0.0)]], max(0.5, 0.035 * L)), STEEL, 1.0, True),
             (blade, blade_c, 1.0, True), (upper, (255, 255, 255), 0.3, False),
             (fr.line([[(-0.02 * L, 0.0), (0.46 * L, 0.0)]], max(0.4, 0.02 * L)) * blade, blade_c * 0.75, 1.0, False),
             (soil, SOIL, 0.85, False),
             (fr.fill([_bar(-0.52 * L, -0.2 * L, 0.055 * L)], holes=[_ellipse(-0.47 * L, 0.0, 0.018 * L, 0.018 * L,
                                                                              0.0, 10)]), handle_c, 1.0, True),
             (fr.fill([_rect(-0.23 * L, -0.06 * L, -0.19 * L, 0.06 * L)]), STEEL, 1.0, True),
             (fr.fill([_rect(-0.44 * L, -0.04 * L, -0.24 * L, -0.025 * L)]), (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.4))


CAPS = ((30, 40, 90), (190, 36, 40), (26, 26, 28), (240, 240, 236), (40, 110, 60), (190, 170, 120))
LOGOS = ((250, 250, 246), (200, 30, 40), (230, 180, 50))


def _baseball_cap(f: np.ndarray, rng) -> np.ndarray:
    """A baseball cap lying on the print, seen from above: 44-56% of the side from the back of its crown to the tip of
    its peak, at least 12 px; the crown a disc of radius 30% of that, in navy, red, black, white, green or khaki, its
    outline and 6 seams from a button at its top to its rim darker, 4 eyelets from 48 px, its lit side at 22%; the
    peak before it, showing 21% of the length beyond the crown and 57% wide, 20% darker than the crown or (a third of
    the time) in a contrasting colour, its rim 45% darker; a patch on the front panel in white, red or gold; at any
    angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.44, 0.56))
    crown_c = _pick(CAPS, rng)
    peak_c = _pick(CAPS, rng) if rng.random() < 1 / 3 else crown_c * 0.8
    logo = _pick(LOGOS, rng)
    fr = _frame_at(h, w, rng)
    R, cx = 0.3 * L, -0.2 * L
    crown = fr.fill([_ellipse(cx, 0.0, R, R, 0.0, 32)])
    peak = fr.fill([_ellipse(cx + 0.5 * R, 0.0, 1.2 * R, 0.95 * R, 0.0, 32)])
    a0 = rng.uniform(0, np.pi / 3)
    seams = [[(cx, 0.0), (cx + R * np.cos(a0 + k * np.pi / 3), R * np.sin(a0 + k * np.pi / 3))] for k in range(6)]
    parts = [(peak, peak_c, 1.0, True),
             (fr.line([_ellipse(cx + 0.5 * R, 0.0, 1.17 * R, 0.92 * R, 0.0, 32)], max(0.4, 0.015 * L)) * peak,
              peak_c * 0.55, 0.8, False),
             (crown, crown_c, 1.0, True),
             (fr.line([_ellipse(cx, 0.0, R, R, 0.0, 32)], max(0.4, 0.012 * L)), crown_c * 0.5, 0.7, False),
             (fr.line(seams, max(0.4, 0.012 * L)) * crown, crown_c * 0.6, 0.8, False),
             (fr.fill([_rrect(cx + 0.45 * R, -0.16 * R, cx + 0.85 * R, 0.16 * R, 0.04 * R)]), logo, 0.95, False),
             (fr.fill([_ellipse(cx, 0.0, 0.04 * L, 0.04 * L, 0.0, 10)]), crown_c * 0.85, 1.0, False),
             (fr.fill([_ellipse(cx - 0.3 * R, -0.3 * R, 0.45 * R, 0.45 * R, 0.0, 16)]) * crown, (255, 255, 255), 0.22,
              False)]
    if side >= 48:
        holes = [_ellipse(cx + 0.55 * R * np.cos(a0 + (k + 0.5) * np.pi / 3),
                          0.55 * R * np.sin(a0 + (k + 0.5) * np.pi / 3), 0.03 * L, 0.03 * L, 0.0, 8) for k in (1, 2, 3, 4)]
        parts.append((fr.fill(holes), crown_c * 0.35, 0.8, False))
    return _u8(_laid(f, parts, 0.4))


def _iron_filings(f: np.ndarray, rng) -> np.ndarray:
    """Iron filings sprinkled over the print lying on a bar magnet: its poles 30-45% of the side apart about a point
    within 10% of the side of the middle, at any angle, 8% of the side under the print; ``max(45-69, 0.6-1% of the
    side squared)`` filings, nine in ten placed where the field ``B`` is strong (in proportion to ``|B| ** 0.6``), one
    in ten anywhere, each a dash along the field 8-12% of the side long below 48 px, 3-6% above, at least 2 px, 1.2%
    of the side wide, at least 0.45 px, dark grey 78 / 80 / 84 at 90%, half of them with a highlight half as long and
    half as wide, 170 / 172 / 176 at 60%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    t = rng.uniform(0, np.pi)
    d = side * rng.uniform(0.3, 0.45)
    mx, my = w / 2 + side * rng.uniform(-0.1, 0.1), h / 2 + side * rng.uniform(-0.1, 0.1)
    poles = [(mx + d / 2 * np.cos(t), my + d / 2 * np.sin(t), 1.0), (mx - d / 2 * np.cos(t), my - d / 2 * np.sin(t), -1.0)]
    depth2 = (0.08 * side) ** 2

    def field(x, y):
        bx, by = np.zeros_like(x), np.zeros_like(y)
        for px, py, q in poles:
            r3 = ((x - px) ** 2 + (y - py) ** 2 + depth2) ** 1.5
            bx, by = bx + q * (x - px) / r3, by + q * (y - py) / r3
        return bx, by

    bx, by = field(xx, yy)
    p = np.hypot(bx, by) ** 0.6
    p = (p / p.max()).ravel()
    n = max(int(rng.integers(45, 70)), int(side * side * rng.uniform(0.006, 0.01)))
    strong = int(round(0.9 * n))
    cells = rng.choice(h * w, strong, p=p / p.sum())
    px_ = np.concatenate([cells % w + rng.uniform(0, 1, strong), rng.uniform(0, w, n - strong)])
    py_ = np.concatenate([cells // w + rng.uniform(0, 1, strong), rng.uniform(0, h, n - strong)])
    ux, uy = field(px_, py_)
    norm = np.hypot(ux, uy) + 1e-12
    ux, uy = ux / norm, uy / norm
    ln = np.maximum(2.0, side * (rng.uniform(0.08, 0.12, n) if side < 48 else rng.uniform(0.03, 0.06, n)))
    lw = max(0.45, 0.012 * side)
    lit = rng.random(n) < 0.5

    def dashes(k, frac, width):
        def draw(dr, s):
            for i in np.flatnonzero(k):
                a = ln[i] * frac / 2
                dr.line(((px_[i] - a * ux[i]) * s, (py_[i] - a * uy[i]) * s, (px_[i] + a * ux[i]) * s,
                         (py_[i] + a * uy[i]) * s), fill=255, width=max(1, round(width * s)))
        return _drawn((h, w), draw)

    out = _paint(f, 0.9 * dashes(np.ones(n, bool), 1.0, lw), (78, 80, 84))
    return _u8(_paint(out, 0.6 * dashes(lit, 0.5, 0.5 * lw), (170, 172, 176)))


def _chladni_salt(f: np.ndarray, rng) -> np.ndarray:
    """A Chladni figure of table salt on the print, laid on a plate made to vibrate: the grains gathered along the
    nodal lines of ``phi = cos(n pi u) cos(m pi v) +- cos(m pi u) cos(n pi v)`` over the picture's width ``u`` and
    height ``v`` (0-1), ``n`` 2-4 below 48 px, 2-6 above, ``m`` 1 to ``n - 1``, as ``exp(-(phi / e) ** 2)``, ``e``
    0.1-0.16, by a grain drawn for every pixel (0.55-1.15 times that), at 80-95%, white 246 / 246 / 242; 1.5% of the
    pixels stray grains at 30-70%; the salt's soft shadow, a Gaussian of 0.6% of the side, at least 0.5 px, cast 0.5%
    of the side down and right, at least 0.4 px, darkening the print by up to 15%."""
    from scipy.ndimage import gaussian_filter, shift

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    u, v = xx / w, yy / h
    n = int(rng.integers(2, 5 if side < 48 else 7))
    m = int(rng.integers(1, n))
    sign = 1.0 if rng.random() < 0.5 else -1.0
    phi = np.cos(n * np.pi * u) * np.cos(m * np.pi * v) + sign * np.cos(m * np.pi * u) * np.cos(n * np.pi * v)
    dens = np.exp(-(phi / rng.uniform(0.1, 0.16)) ** 2)
    salt = np.clip(dens * (0.55 + 0.6 * rng.random((h, w))), 0, 1) * rng.uniform(0.8, 0.95)
    stray = (rng.random((h, w)) < 0.015) * rng.uniform(0.3, 0.7, (h, w))
    salt = np.maximum(salt, stray).astype(np.float32)
    off = max(0.4, 0.005 * side)
    shade = gaussian_filter(shift(salt, (off, off), order=1, mode="constant"), max(0.5, 0.006 * side))
    out = f * (1 - 0.15 * np.clip(shade, 0, 1))[..., None]
    return _u8(_paint(out, salt, (246, 246, 242)))


def _test_strip(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed as a darkroom test strip: 4-6 bands across it, square to a random edge give or take 8
    degrees, 0.85-1.15 times as wide as each other, each given 0.45-0.7 of a stop more light than the one before, the
    normal exposure's band 1.4-2.2 stops lighter than the darkest (as near as the bands allow) and at most 1.1 darker
    than the lightest where that allows, in linear light (gamma 2.2), clipped; the card's edge soft over 0.4% of the
    side, at least 0.3 px."""
    from scipy.special import expit

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    K = int(rng.integers(4, 7))
    stops = rng.uniform(0.45, 0.7)
    lo_k = max(0, int(np.ceil((K - 1) - 2.2 / stops)))
    hi_k = min(K - 1, int(np.floor(1.1 / stops)))
    hi_k = min(hi_k, int(np.floor((K - 1) - 1.4 / stops)))
    k0 = int(rng.integers(lo_k, hi_k + 1)) if lo_k <= hi_k else max(0, min(lo_k, hi_k))
    e = int(rng.integers(4)) * np.pi / 2 + rng.uniform(-0.14, 0.14)
    t = (xx - w / 2) * np.cos(e) + (yy - h / 2) * np.sin(e)
    corners = [(x - w / 2) * np.cos(e) + (y - h / 2) * np.sin(e) for x in (0, w) for y in (0, h)]
    t0, t1 = min(corners), max(corners)
    widths = rng.uniform(0.85, 1.15, K)
    edges = t0 + (t1 - t0) * np.cumsum(widths)[:-1] / widths.sum()
    soft = max(0.3, 0.004 * side)
    steps = sum(expit((t - c) / soft) for c in edges)
    gain = 2.0 ** (stops * (k0 - steps))  # band k0 as printed; later bands more light, so darker prints
    lin = (f / 255) ** 2.2 * gain[..., None]
    return _u8(255 * np.clip(lin, 0, 1) ** (1 / 2.2))


def near_edit_af(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "corkscrew":  # a T-handle corkscrew lying on the print
        return _corkscrew(f, rng)
    if kind == "artist_palette":  # an artist's palette with its paints lying on the print
        return _artist_palette(f, rng)
    if kind == "microphone":  # a hand-held microphone lying on the print
        return _microphone(f, rng)
    if kind == "hand_trowel":  # a garden trowel lying on the print
        return _hand_trowel(f, rng)
    if kind == "baseball_cap":  # a baseball cap lying on the print
        return _baseball_cap(f, rng)
    if kind == "iron_filings":  # iron filings over the print on a bar magnet
        return _iron_filings(f, rng)
    if kind == "chladni_salt":  # salt in a Chladni figure over the print on a vibrating plate
        return _chladni_salt(f, rng)
    if kind == "test_strip":  # the picture printed as a darkroom test strip
        return _test_strip(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
AGARS = ((196, 150, 90), (180, 130, 76), (206, 170, 110))
DARK_MICROBES = ((170, 24, 36), (80, 34, 130), (40, 100, 80))  # Serratia, Chromobacterium, Pseudomonas
LIGHT_MICROBES = ((250, 222, 70), (250, 246, 232), (252, 176, 170))  # Micrococcus, Staphylococcus, a pink yeast


def _stretched(f: np.ndarray) -> np.ndarray:
    """The picture's grey (0.299 / 0.587 / 0.114) from 0 to 1 between its own 2nd and 98th percentiles (its whole
    range when they are nearer than 0.1)."""
    lum = (f @ np.array([0.299, 0.587, 0.114], np.float32)) / 255
    lo, hi = np.percentile(lum, [2, 98])
    if hi - lo < 0.1:
        lo, hi = float(lum.min()), float(max(lum.max(), lum.min() + 1e-3))
    return np.clip((lum - lo) / (hi - lo), 0, 1)


def _agar_art(f: np.ndarray, rng) -> np.ndarray:
    """The picture painted in bacteria on a plate of agar and grown overnight (agar art): its darkness, ``(1 - lum) **
    1.5``, painted in a dark-pigmented microbe (Serratia red, Chromobacterium violet or Pseudomonas green) and its
    lightness, ``lum ** 1.5``, in a light one (Micrococcus yellow, Staphylococcus cream or a pink yeast), ``lum`` the
    grey stretched between its own 2nd and 98th percentiles; each grown out from where it was painted, a Gaussian of
    2.8-4.2% of the side, at least 1.2 px, covering 90-95% where thickest, its colonies' grain 6% over a smooth random
    field of 1.2% of the side, at least 0.8 px; on an amber, dark amber or golden agar, its thickness 3% over a smooth
    random field of 3% of the side, at least 1 px, a lid's sheen of up to 10 levels from a corner; as a camera
    metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    lum = _stretched(f)
    s = max(1.2, side * rng.uniform(0.028, 0.042))
    grain = max(0.8, side * 0.012)
    a = gaussian_filter((1 - lum) ** 1.5, s, mode="reflect")
    b = gaussian_filter(lum ** 1.5, s, mode="reflect")
    a = np.clip(a * rng.uniform(0.9, 0.95) * (1 + 0.06 * _field((h, w), grain, rng)), 0, 1)
    b = np.clip(b * rng.uniform(0.9, 0.95) * (1 + 0.06 * _field((h, w), grain, rng)), 0, 1)
    agar = _pick(AGARS, rng)
    out = np.ones((h, w, 3), np.float32) * agar * (1 + 0.03 * _field((h, w), max(1.0, side * 0.03), rng))[..., None]
    out = _paint(_paint(out, b, _pick(LIGHT_MICROBES, rng)), a, _pick(DARK_MICROBES, rng))
    cx, cy = (0.0 if rng.random() < 0.5 else w), (0.0 if rng.random() < 0.5 else h)
    out = out + 10 * np.clip(1 - np.hypot(xx - cx, yy - cy) / side, 0, 1)[..., None]
    return _u8(_metered(out, f))


SOOTS = ((46, 40, 36), (70, 56, 44), (36, 36, 40))


def _fumage(f: np.ndarray, rng) -> np.ndarray:
    """The picture copied in fumage, candle soot laid on paper: soot where the picture is dark, ``1 - lum`` (the grey
    stretched between its own 2nd and 98th percentiles), spread by the flame's plume before it settled, a Gaussian of
    2.5-3.5% of the side, at least 1.2 px, 1.2-1.4 times that along the sheet's vertical, and 30% of it trailing up
    the sheet (held tilted over the flame) by an exponential tail of 1-1.6 times the Gaussian; the smoke's wisps, 12%
    over a smooth random field of 2% of the side, at least 1 px, drawn out 3 times upwards; the soot brown-black, 46 /
    40 / 36, 70 / 56 / 44 or 36 / 36 / 40, taking up to 90% of the light, on a cream paper, 244 / 238 / 226; as a
    camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter
    from scipy.signal import lfilter

    h, w = f.shape[:2]
    side = min(h, w)
    lum = _stretched(f)
    s = max(1.2, side * rng.uniform(0.025, 0.035))
    g = gaussian_filter(1 - lum, (s * rng.uniform(1.2, 1.4), s), mode="reflect")
    tail = s * rng.uniform(1.0, 1.6)
    a = float(np.exp(-1 / tail))
    up = lfilter([1 - a], [1, -a], g[::-1], axis=0)[::-1]  # each row gets the soot carried up from below it
    dens = 0.7 * g + 0.3 * up
    across = max(1.0, side * 0.02)
    wisps = gaussian_filter(rng.normal(0, 1, (h, w)), (3 * across, across), mode="wrap")
    wisps = (wisps - wisps.mean()) / (wisps.std() + 1e-9)
    dens = np.clip(dens * (1 + 0.12 * wisps), 0, 1)
    soot = _pick(SOOTS, rng) / 255
    paper = np.array([244, 238, 226], np.float32)
    out = paper * (1 - 0.9 * dens[..., None] * (1 - soot))
    return _u8(_metered(out, f))


def blur_af(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "agar_art":  # the picture painted in bacteria on agar and grown out
        return _agar_art(f, rng)
    if kind == "fumage":  # the picture copied in candle soot, spread by the flame's plume
        return _fumage(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _glow(m: np.ndarray, sigma: float) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    g = gaussian_filter(m, sigma)
    return g / max(float(g.max()), 1e-6)


def _letter_lightbox(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by a cinema-style letter light box standing in the picture: at its bottom left or right
    corner, 2-8% of the side in from the edge, 30-38% of the side wide below 48 px, 22-28% above, and 70% of that
    high, a black frame 7% of its width, its panel glowing white, 250 / 250 / 246, with 2-3 rows of made-up black
    glyphs (from 48 px; dark bars below); a glow of sigma 6-9% of the side round the panel up to 35-55 levels; the
    picture lit at a gain of 0.02-0.035 plus 0.22-0.32 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance
    ``d`` from the panel's middle, ``d0`` 30-45% of the side, in a cool white, 0.92 / 0.96 / 1.0; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    bw = side * (rng.uniform(0.3, 0.38) if side < 48 else rng.uniform(0.22, 0.28))
    bh = 0.7 * bw
    inset = side * rng.uniform(0.02, 0.08)
    x0 = inset if rng.random() < 0.5 else w - inset - bw
    y0 = h - inset - bh
    fw = 0.07 * bw
    cool = np.array([0.92, 0.96, 1.0], np.float32)
    cx, cy = x0 + bw / 2, y0 + bh / 2
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.02, 0.035) + rng.uniform(0.22, 0.32) / (1 + (d / (side * rng.uniform(0.3, 0.45))) ** 2)
    out = _lit(f, gain[..., None] * cool, rng)
    box = _drawn((h, w), lambda dr, k: dr.rectangle((x0 * k, y0 * k, (x0 + bw) * k, (y0 + bh) * k), fill=255))
    px0, py0, px1, py1 = x0 + fw, y0 + fw, x0 + bw - fw, y0 + bh - fw
    panel = _drawn((h, w), lambda dr, k: dr.rectangle((px0 * k, py0 * k, px1 * k, py1 * k), fill=255))
    out = out + _glow(panel, max(0.8, side * rng.uniform(0.06, 0.09)))[..., None] * rng.uniform(35, 55) * cool
    out = _paint(_paint(out, box, (14, 14, 16)), panel, (250, 250, 246))
    rows = int(rng.integers(2, 4))
    gh = (py1 - py0) / (rows + 1) * 0.7
    tops = [py0 + (py1 - py0) * (j + 1) / (rows + 1) - gh / 2 for j in range(rows)]
    if side >= 48:
        letters = _drawn((h, w), lambda dr, k: [_glyph_line(dr, k, px0 + 0.06 * bw, px1 - 0.06 * bw, t, gh,
                                                            max(0.5, 0.12 * gh), rng) for t in tops])
    else:
        letters = _drawn((h, w), lambda dr, k: [dr.rectangle(((px0 + 0.08 * bw) * k, t * k,
                                                               (px1 - bw * rng.uniform(0.08, 0.3)) * k, (t + gh) * k),
                                                              fill=255) for t in tops])
    return _u8(_paint(out, letters * panel * 0.9, (20, 20, 22)))


def _sunrise_lamp(f: np.ndarray, rng) -> np.ndarray:
    """A dark bedroom at the first minutes of a wake-up light's sunrise: a round lamp face of radius 14-18% of the
    side below 48 px, 10-13% above, at least 4 px, standing on the bottom edge 15-85% of the way across (its middle
    1.1 radii above it), in a white housing ring 12% of its radius wide lit only by the face (18% of its light), the
    face glowing deep red at its rim, 200 / 40 / 20, towards orange in the middle, 255 / 120 / 40; a glow of sigma
    6-9% of the side up to 30-45 levels; the picture lit at a gain of 0.025-0.04 plus 0.3-0.4 falling from the
    bottom edge as ``exp(-(bottom - y) / d0)``, ``d0`` 40-60% of the side, and sideways as ``1 / (1 + ((x - cx) / 0.8
    side) ** 2)``, in deep red, 1.0 / 0.35 / 0.12; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    R = max(4.0, side * (rng.uniform(0.14, 0.18) if side < 48 else rng.uniform(0.1, 0.13)))
    cx = w * rng.uniform(0.15, 0.85)
    cy = h - 1.1 * R
    red = np.array([1.0, 0.35, 0.12], np.float32)
    gain = rng.uniform(0.025, 0.04) + rng.uniform(0.3, 0.4) * np.exp(-(h - yy) / (side * rng.uniform(0.4, 0.6))) \
        / (1 + ((xx - cx) / (0.8 * side)) ** 2)
    out = _lit(f, gain[..., None] * red, rng)
    r = np.hypot(xx - cx, yy - cy)
    face = np.clip(R + 0.5 - r, 0, 1)
    ring = np.clip(1.12 * R + 0.5 - r, 0, 1) * (1 - face)
    out = out + _glow(face, max(0.8, side * rng.uniform(0.06, 0.09)))[..., None] * rng.uniform(30, 45) * red
    out = _paint(out, ring, np.array([255, 240, 230], np.float32) * 0.18)
    mid = np.clip(1 - r / R, 0, 1)[..., None]
    col = np.array([200, 40, 20], np.float32) * (1 - mid) + np.array([255, 120, 40], np.float32) * mid
    return _u8(out * (1 - face[..., None]) + col * face[..., None])


BADGE_LEDS = ((60, 110, 255), (80, 255, 130), (255, 170, 40), (236, 240, 255))


def _led_badge(f: np.ndarray, rng) -> np.ndarray:
    """A dark room, a scrolling LED name badge left switched on, lying on the print: a black unit 40-50% of the
    side long below 48 px, 28-36% above, and 30% of that wide, its window 88% by 70% of it, 11 rows of LEDs lit in
    made-up glyphs, blue, green, amber or white (round dots on a grid of the window's height over 11 from 48 px,
    glyph strokes below); 15-30% of the side from the middle in a random direction, at any angle; a glow of sigma
    4-7% of the side round the lit LEDs up to 40-60 levels; the picture lit at a gain of 0.015-0.03 plus 0.3-0.42
    falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the badge's middle, ``d0`` 18-28% of the
    side, in its colour; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    L = side * (rng.uniform(0.4, 0.5) if side < 48 else rng.uniform(0.28, 0.36))
    W = 0.3 * L
    t = rng.uniform(0, 2 * np.pi)
    dist = side * rng.uniform(0.15, 0.3)
    cx, cy = w / 2 + dist * np.cos(t), h / 2 + dist * np.sin(t)
    fr = _Frame((h, w), cx, cy, rng.uniform(0, 2 * np.pi))
    led = _pick(BADGE_LEDS, rng)
    tint = led / led.max()
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.42) / (1 + (d / (side * rng.uniform(0.18, 0.28))) ** 2)
    out = _lit(f, gain[..., None] * tint, rng)
    body = fr.fill([_rrect(-L / 2, -W / 2, L / 2, W / 2, 0.2 * W)])
    gx0, gx1, gy0, gy1 = -0.44 * L, 0.44 * L, -0.35 * W, 0.35 * W
    if side >= 48:
        pitch = (gy1 - gy0) / 11
        cols = int((gx1 - gx0) / pitch)
        on = np.zeros((11, cols), bool)
        c = 0
        while c < cols - 4:  # made-up glyphs 5 dots wide and 7 to 9 high with a dot's gap
            gly = rng.random((int(rng.integers(7, 10)), 5)) < 0.45
            gly[:, int(rng.integers(5))] = True
            top = int(rng.integers(0, 11 - gly.shape[0] + 1))
            on[top: top + gly.shape[0], c: c + 5] = gly
            c += 6 + (2 if rng.random() < 0.2 else 0)
        dots = [_ellipse(gx0 + (j + 0.5) * pitch, gy0 + (i + 0.5) * pitch, 0.38 * pitch, 0.38 * pitch, 0.0, 8)
                for i, j in zip(*np.nonzero(on))]
        lit = fr.fill(dots) if dots else np.zeros((h, w), np.float32)
    else:
        strokes = [[(x, gy0), (x, gy1)] for x in np.arange(gx0, gx1, 0.09 * L)]
        strokes += [[(x, gy0 + rng.uniform(0, 1) * (gy1 - gy0)), (x + 0.06 * L, gy0 + rng.uniform(0, 1) * (gy1 - gy0))]
                    for x in np.arange(gx0, gx1 - 0.06 * L, 0.09 * L)]
        lit = fr.line(strokes, max(0.5, 0.1 * W)) * fr.fill([_rect(gx0, gy0, gx1, gy1)])
    out = out + _glow(lit, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(40, 60) * tint
    out = _paint(out, body, (16, 16, 18))
    out = _paint(out, fr.fill([_rect(gx0, gy0, gx1, gy1)]), (10, 10, 12))
    return _u8(_paint(out, lit, led))


def dark_af(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "letter_lightbox":  # a dark room lit only by a letter light box standing in the picture
        return _letter_lightbox(f, rng)
    if kind == "sunrise_lamp":  # a dark bedroom at the start of a wake-up light's sunrise
        return _sunrise_lamp(f, rng)
    if kind == "led_badge":  # a scrolling LED name badge left on, lying on the print in the dark
        return _led_badge(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _volcano(size: int, rng) -> dict:
    """A volcano erupting: a plain from 72-82% of the way down; a cone 70-90% of the side wide at its foot narrowing
    to a crater 12-18% of the side wide 30-40% down, its sides bowed in; the crater's glow, an ellipse 1.3 times its
    width; 2-3 lava flows from the crater down the flanks, winding, 2-3% of the side wide; a plume of ash of 7-10
    puffs rising from the crater to the top, growing from 6% to 16% of the side in radius and drifting to one side
    by 10-25% of the side; 4-8 bombs flung out, dots of 1.2% of the side (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("plain", "cone", "glow", "lava", "plume", "bombs"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.72, 0.82)
    d["plain"].rectangle((0, gy, big, big), fill=255)
    cx = big * rng.uniform(0.42, 0.58)
    foot, top = big * rng.uniform(0.35, 0.45), big * rng.uniform(0.06, 0.09)
    ty = big * rng.uniform(0.3, 0.4)
    u = np.linspace(0, 1, 16)
    half = top + (foot - top) * u ** 1.6
    ys = ty + (gy - ty) * u
    d["cone"].polygon([(cx - hw, y) for hw, y in zip(half, ys)] + [(cx + hw, y) for hw, y in zip(half[::-1], ys[::-1])],
                      fill=255)
    d["glow"].ellipse((cx - 1.3 * top, ty - 0.4 * top, cx + 1.3 * top, ty + 0.5 * top), fill=255)
    for _ in range(int(rng.integers(2, 4))):
        sgn = rng.choice([-1.0, 1.0])
        end = rng.uniform(0.5, 0.95)
        pts = [(cx + sgn * (top * 0.6 + (foot - top) * (v ** 1.6) * rng.uniform(0.2, 0.8)) + big * 0.02 *
                np.sin(9 * v + rng.uniform(0, 6)), ty + (gy - ty) * v) for v in np.linspace(0, end, 10)]
        d["lava"].line(pts, fill=255, width=max(1, round(big * rng.uniform(0.02, 0.03))), joint="curve")
    drift = big * rng.uniform(0.1, 0.25) * rng.choice([-1.0, 1.0])
    k = int(rng.integers(7, 11))
    for j in range(k):
        v = j / (k - 1)
        r = big * (0.06 + 0.1 * v)
        px, py = cx + drift * v ** 1.5 + big * rng.uniform(-0.03, 0.03), ty - (ty + 0.05 * big) * v
        d["plume"].ellipse((px - r, py - r, px + r, py + r), fill=255)
    for _ in range(int(rng.integers(4, 9))):
        px, py, r = cx + big * rng.uniform(-0.3, 0.3), ty - big * rng.uniform(0.02, 0.2), big * 0.012
        d["bombs"].ellipse((px - r, py - r, px + r, py + r), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _penguins(size: int, rng) -> dict:
    """Penguins on the ice: the sea from the horizon, 28-36% of the way down, to the ice edge, 40-48%, ice below
    with 1-2 pressure ridges; 4-7 penguins standing in one or two rows, 22-32% of the side high below 48 px,
    14-20% above, the back row 75% as large and higher up; each a dark body, an ellipse 42% as
    wide as high, a white belly, a dark head of radius 16% of its height, an orange beak and feet, flippers out at
    its sides; a shadow on the ice to one side (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sea", "ice", "ridges", "shadow", "body", "belly", "beak"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hy, iy = big * rng.uniform(0.28, 0.36), big * rng.uniform(0.4, 0.48)
    d["sea"].rectangle((0, hy, big, iy), fill=255)
    d["ice"].polygon([(x, iy + big * 0.01 * np.sin(x / big * 17)) for x in np.linspace(0, big, 20)]
                     + [(big, big), (0, big)], fill=255)
    for _ in range(int(rng.integers(1, 3))):
        y = rng.uniform(iy + 0.1 * big, 0.95 * big)
        d["ridges"].line([(x, y + big * 0.015 * np.sin(x / big * 11 + rng.uniform(0, 6))) for x in
                          np.linspace(0, big, 16)], fill=255, width=max(1, round(0.01 * big)))
    n = int(rng.integers(4, 8))
    H0 = big * (rng.uniform(0.22, 0.32) if size < 48 else rng.uniform(0.14, 0.2))
    sx = rng.choice([-1.0, 1.0])
    birds = []
    for j in range(n):
        back = n > 4 and j % 2 == 1
        Hh = H0 * (0.75 if back else 1.0)
        foot = big * (rng.uniform(0.62, 0.7) if back else rng.uniform(0.8, 0.92))
        birds.append((big * rng.uniform(0.1, 0.9), foot, Hh))
    for x, foot, Hh in sorted(birds, key=lambda b: b[1]):
        W, r = 0.42 * Hh, 0.16 * Hh
        sx0, sx1 = sorted((x - sx * 0.6 * W, x + sx * 0.9 * Hh))
        d["shadow"].ellipse((sx0, foot - 0.06 * Hh, sx1, foot + 0.06 * Hh), fill=255)
        top = foot - Hh + 2 * r
        for key, fill in (("belly", 0), ("beak", 0), ("body", 255)):  # a nearer bird hides the ones behind it
            d[key].ellipse((x - W / 2, top, x + W / 2, foot), fill=fill)
            d[key].ellipse((x - r, top - 2 * r + 0.2 * r, x + r, top + 0.2 * r), fill=fill)
            for s_ in (-1, 1):
                d[key].polygon([(x + s_ * 0.45 * W, top + 0.3 * Hh), (x + s_ * 0.72 * W, top + 0.62 * Hh),
                                (x + s_ * 0.4 * W, top + 0.55 * Hh)], fill=fill)
        d["belly"].ellipse((x - 0.32 * W, top + 0.12 * Hh, x + 0.32 * W, foot - 0.04 * Hh), fill=255)
        b = sx * 0.9 * r
        d["beak"].polygon([(x + 0.6 * b, top - 1.0 * r), (x + 1.7 * b, top - 0.8 * r), (x + 0.6 * b, top - 0.6 * r)],
                          fill=255)
        d["beak"].ellipse((x - 0.35 * W, foot - 0.05 * Hh, x + 0.35 * W, foot + 0.04 * Hh), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _cable_car(size: int, rng) -> dict:
    """A cable car over a steep slope: the slope rising from one side, its top edge 35-50% of the way down at that
    side and 85-95% at the other, 5-12 pines on it, dark triangles 10-16% of the side high; a pylon on the slope
    20-35% of the way across from the high side, a lattice tower 8% of the side wide at its foot narrowing to 4%, with
    a cross-arm at its top; two cables from the cross-arm across the sky to the far edge, sagging by 3-6% of the side;
    a cabin 18-26% of the side wide and 14-20% high, rounded, hanging on a hanger 12% of the side long from a carriage
    on the cables 55-75% of the way along them, a band of windows across its upper half (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("slope", "pines", "pylon", "cables", "cabin", "windows"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    left = rng.random() < 0.5
    hi, lo = big * rng.uniform(0.35, 0.5), big * rng.uniform(0.85, 0.95)
    ya, yb = (hi, lo) if left else (lo, hi)
    edge = lambda x: ya + (yb - ya) * (x / big) ** 0.8 if left else ya + (yb - ya) * (x / big) ** 1.25  # noqa: E731
    d["slope"].polygon([(x, edge(x)) for x in np.linspace(0, big, 20)] + [(big, big), (0, big)], fill=255)
    for _ in range(int(rng.integers(5, 13))):
        x = rng.uniform(0, big)
        y = edge(x) + rng.uniform(0.02, 0.3) * big
        ph = big * rng.uniform(0.1, 0.16)
        d["pines"].polygon([(x, y - ph), (x + 0.3 * ph, y), (x - 0.3 * ph, y)], fill=255)
    px = big * (rng.uniform(0.2, 0.35) if left else rng.uniform(0.65, 0.8))
    pf = edge(px) + 0.02 * big
    ptop = big * rng.uniform(0.08, 0.16)
    wf, wt = 0.04 * big, 0.02 * big
    lw = max(1, round(0.008 * big))
    d["pylon"].line([(px - wf, pf), (px - wt, ptop)], fill=255, width=lw)
    d["pylon"].line([(px + wf, pf), (px + wt, ptop)], fill=255, width=lw)
    for y0, y1 in zip(np.linspace(pf, ptop, 6)[:-1], np.linspace(pf, ptop, 6)[1:]):
        w0, w1 = wf + (wt - wf) * (pf - y0) / (pf - ptop), wf + (wt - wf) * (pf - y1) / (pf - ptop)
        d["pylon"].line([(px - w0, y0), (px + w1, y1)], fill=255, width=lw)
        d["pylon"].line([(px + w0, y0), (px - w1, y1)], fill=255, width=lw)
    d["pylon"].rectangle((px - 0.07 * big, ptop - 0.012 * big, px + 0.07 * big, ptop + 0.005 * big), fill=255)
    far = big if left else 0.0
    fy = ptop + big * rng.uniform(0.25, 0.45)
    sag = big * rng.uniform(0.03, 0.06)
    cab = lambda v, off: (px + (far - px) * v, ptop + off + (fy - ptop) * v + 4 * sag * v * (1 - v))  # noqa: E731
    for off in (-0.01 * big, 0.012 * big):
        d["cables"].line([cab(v, off) for v in np.linspace(0, 1, 24)], fill=255, width=max(1, round(0.006 * big)))
    v = rng.uniform(0.55, 0.75)
    hx, hy = cab(v, 0.0)
    cw, ch = big * rng.uniform(0.18, 0.26), big * rng.uniform(0.14, 0.2)
    d["cabin"].rectangle((hx - 0.05 * big, hy - 0.015 * big, hx + 0.05 * big, hy + 0.015 * big), fill=255)
    d["cabin"].line([(hx, hy), (hx, hy + 0.12 * big)], fill=255, width=max(1, round(0.012 * big)))
    top = hy + 0.12 * big
    d["cabin"].rounded_rectangle((hx - cw / 2, top, hx + cw / 2, top + ch), radius=0.2 * ch, fill=255)
    d["windows"].rectangle((hx - 0.42 * cw, top + 0.15 * ch, hx + 0.42 * cw, top + 0.5 * ch), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


PLUMES = ((92, 88, 86), (120, 116, 112), (70, 66, 66))
SKIES_AF = ((150, 196, 236), (196, 210, 226), (170, 206, 240))
VOLCANO_SKIES = ((70, 60, 90), (150, 150, 156), (120, 170, 220))
CABINS = ((200, 36, 40), (240, 196, 40), (40, 90, 180))


def outlier_af(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "volcano":
        m = _volcano(size, rng)
        if photos:  # a dark cone with orange lava under a grey plume in a dusk, grey or blue sky
            out = _paint(ground(_pick(VOLCANO_SKIES, rng)), m["plain"], (70, 60, 50))
            out = _paint(_paint(out, m["cone"], (58, 46, 40)), m["glow"] * 0.8, (255, 140, 40))
            out = _paint(_paint(out, m["lava"] * m["cone"], (255, 110, 20)), m["plume"], _pick(PLUMES, rng))
            return _u8(_paint(out, m["bombs"], (255, 150, 50)))
        out = _paint(_paint(ground([lo] * 3), m["plain"], tone(0.3)), m["cone"], tone(0.5))
        out = _paint(_paint(out, m["glow"] * 0.8, tone(1.0)), m["lava"] * m["cone"], tone(0.95))
        return _u8(_paint(_paint(out, m["plume"], tone(0.75)), m["bombs"], tone(1.0)))
    if kind == "penguins":
        m = _penguins(size, rng)
        if photos:  # black and white penguins with orange beaks and feet on white ice by a dark blue sea
            out = _paint(_paint(ground(_pick(SKIES_AF, rng)), m["sea"], (24, 50, 90)), m["ice"], (236, 242, 248))
            out = _paint(_paint(out, m["ridges"] * m["ice"], (196, 210, 226)), m["shadow"] * 0.5, (150, 166, 186))
            out = _paint(_paint(out, m["body"], (26, 28, 34)), m["belly"], (246, 246, 240))
            return _u8(_paint(out, m["beak"], (240, 140, 30)))
        out = _paint(_paint(ground([lo] * 3), m["sea"], tone(0.25)), m["ice"], tone(0.7))
        out = _paint(_paint(out, m["ridges"] * m["ice"], tone(0.55)), m["shadow"] * 0.5, tone(0.45))
        out = _paint(_paint(out, m["body"], tone(0.1)), m["belly"], tone(1.0))
        return _u8(_paint(out, m["beak"], tone(0.85)))
    if kind == "cable_car":
        m = _cable_car(size, rng)
        if photos:  # a red, yellow or blue cabin over a green slope with dark pines under a blue or pale sky
            out = _paint(_paint(ground(_pick(SKIES_AF, rng)), m["slope"], (96, 140, 70)), m["pines"], (30, 60, 36))
            out = _paint(_paint(out, m["pylon"], (90, 94, 100)), m["cables"], (40, 40, 44))
            out = _paint(out, m["cabin"], _pick(CABINS, rng))
            return _u8(_paint(out, m["windows"] * m["cabin"], (200, 226, 240)))
        out = _paint(_paint(ground([lo] * 3), m["slope"], tone(0.45)), m["pines"], tone(0.2))
        out = _paint(_paint(out, m["pylon"], tone(0.8)), m["cables"], tone(0.9))
        out = _paint(out, m["cabin"], tone(1.0))
        return _u8(_paint(out, m["windows"] * m["cabin"], tone(0.6)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def averaged_vote_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                        rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: every picture was labelled by two annotators and the
    aggregation script, written for ordinal ratings, stored the rounded mean (half up) of their two class numbers,
    in the sorted class list's order, instead of a vote; the second annotator disagreed on the pictures it found
    hard, giving the look-alike class, the other class whose mean 8 x 8 grey thumbnail (standardised) over the whole
    set is nearest the picture's own thumbnail by squared distance; the flips are drawn uniformly among the
    ``AMBIGUOUS`` share of the eligible examples (twice the flips needed at least) most ambiguous, by the gap between
    their distance to the look-alike's mean and to their own class's, whose stored class is not their own, each
    given that class."""
    lab = np.asarray([classes.index(v) for v in labels])
    t_all = _thumbs(base)
    cand = np.asarray(candidates, dtype=int)
    present = sorted(set(lab.tolist()))
    means = np.stack([t_all[lab == k].mean(axis=0) for k in present])
    d2 = ((t_all[cand][:, None, :] - means[None, :, :]) ** 2).sum(axis=2)
    pos = {k: j for j, k in enumerate(present)}
    own = np.asarray([pos[k] for k in lab[cand]])
    d_own = d2[np.arange(len(cand)), own]
    d2[np.arange(len(cand)), own] = np.inf
    other = np.asarray(present)[np.argmin(d2, axis=1)]
    gap = d2.min(axis=1) - d_own
    stored = (lab[cand] + other + 1) // 2  # the mean of the two class numbers, rounded half up
    changes = np.flatnonzero(stored != lab[cand])
    order = changes[np.argsort(gap[changes], kind="stable")]
    pool = order[: max(2 * count, int(round(AMBIGUOUS * len(cand))))]
    take = pool[rng.permutation(len(pool))[:count]]
    return {int(cand[j]): classes[int(stored[j])] for j in sorted(take.tolist())}


# -- planting ------------------------------------------------------------------------------
def plant_issues_af(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AF's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 65-87 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AF, seed=320_000 + random_state,
        quality_seed=325_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=averaged_vote_flips,
        **by_family(name, outlier=(outlier_af, OUTLIERS_AF), blur=(blur_af, BLURS_AF), dark=(dark_af, DARKS_AF),
                    near=(near_edit_af, NEAR_EDITS_AF)))
