"""Generator AO: fresh EVALUATION sets after generator AN's run (never used to choose anything).

Why a thirty-ninth evaluation generator: generator AN's sets have been run, and what they showed may inform the next
changes (the commit subjects since name AN's one run: near_duplicate 0.86-0.93 on all four sets, blurry below
CleanVision on both tile sets, calibration +15.3%, outlier 9 of 122 clean 236 px tiles; AN's near_duplicate line
compared with AK-AM's runs only; outlier's global score on small tile sets, two settings measured and not kept; what
the image checks miss (tile blurs, painted copies, outlier on small tile sets); blurry without labels on AK-AN's
clothing and digits, a look-alike batch still vouching for itself, one try measured and not kept; blurry with and
without labels over all 152 development sets, 0.740 / 0.633 mean F1), so they will not stay untouched; AO is a
held-out measurement of the code after that run, of families of its own (AO's writer read no docs, logs, result
files or commit bodies: only the commit subjects, the library's code and the earlier generators' and tuning tools'
files, to copy their structure and to avoid their families). Like AN's, AO's edits are not all brightly coloured:
some are grey, dark or translucent. Generator AO was written before any tool was run on it (only its pictures were
looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 41 and 244 px, to check that
every edit is visible, every blur blurred, every darkened image dark with its picture still in it and every outlier
foreign, and the planted folders hashed twice); it is not to be changed after its results are seen. Its edits,
blurs, darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens
blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft
photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J,
K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN) and none of
the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast,
gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to AN's it has two blur
families, not three. Left out because an earlier generator made them or left them out: among objects on the print an
Allen key or a spanner (O's pencil, as AD and AE listed), tweezers (X's scissors), a padlock (V's door key), a pizza
cutter (round things), a cookie cutter (the cookies Z and AA left out), gummy bears (W's sweets), a pretzel (Z's
croissant), a rasher of bacon (AD's drumstick), a kitchen sponge or a bank card (K's sticky note, the calibration's
overlay box), a protractor (N's ruler); of the whole picture a snail's slime trails (AG's termite tubes), an oil
film's colours (V's list, T's quench pattern), noughts and crosses (W's list), craquelure (G's Voronoi cells, Q's
jigsaw), pipe cleaners (T's charging cable, as the party streamers AM listed), a bead curtain (AC's strip curtain);
among blurs fog (K's steamed window), a print under running water (K's steamed window, H's heat haze), a glaze run in
the kiln (X's list), a tapestry weave (AG's ikat, AM's towel); among darkenings an electric fire or a kiln's spy hole
(V's heater bars), a laptop, a phone or a television (I's lamp, P's phone screen), a door ajar or a keyhole (K's
spotlight), a sky lantern (AG's paper star), a lit model house (X's jack-o'-lantern), a roadworks beacon (P's
emergency lights), a welding arc (I's lamp, F's starbursts), a pendant lamp over a table (AM's basking lamp); among
foreign pictures a row of beach huts (S's houses), haystacks (AG's list), a palm-tree island (F's trees), a phone box
(AC's bus shelter), a greenhouse (AG's corridor), an aqueduct (S's bridges), pylons (AF's cable car); among label
noise merged label files whose keys collided (U's shifted rows), a labeller's slips onto a neighbouring thumbnail
(Z's grid slips), pages labelled at once (M's pages).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 244 px
  set's four copies get both kinds): a cotton reel lying on its side on the print (30-38% of the side long, at least
  9 px, two flanges 14% of that wide and 62% high, light wood, white plastic or dark wood, the thread wound between
  them in red, navy, yellow, white, black or green, its windings from 48 px, a loose end trailing off it, a sheen; at
  any angle, 30-70% of the way across and down, a soft shadow at 40%), a microscope slide (56-66% of the side long,
  at least 16 px, a third of that wide, clear glass under a pale veil at 25% with its edges catching the light at
  55%, a frosted label end in white, yellow, blue or pink with pencilled lines, a cover slip's outline over a stained
  specimen in pink, purple or blue at 65%; the same place, a faint shadow at 15%), a spring-clamp guitar capo seen
  from the side (40-50% of the side long, at least 12 px, a padded bar, an arched arm 9% of that wide, at least 1.1
  px, from a hinge with two squeeze tabs, black, chrome, gold or red, whichever two show most, a sheen; the same
  place, a shadow at 40%), an orchestral triangle with its beater (40-50% of the side a side, at least 12 px, a rod
  5% of that wide, at least 1.1 px, open at one corner, a cord loop, a beater with a black or red grip, chrome, dark
  steel or brass, whichever two show most against the picture's median grey, a sheen; the same place, a shadow at
  45%) and a butt hinge lying open (36-46% of the side across, at least 11 px, two leaves, a jointed knuckle, three
  dark screw holes a leaf, brass, steel, black or white-painted, a sheen; the same place, a shadow at 45%); of the
  whole picture: an artist's pencil hatching (3-4 round patches below 48 px, 5-7 above, 24-32% of the side across
  below 48 px, 14-20% above, in the quarters in turn, parallel strokes at any angle spaced 10% of the patch, at least
  1.8 px, half of them cross-hatched, graphite grey at 75% where the print under the patch is light, a white charcoal
  pencil at 80% where it is dark, strokes 1% of the side wide, at least 0.7 px: shading, not AK's tally marks, T's
  crayon scribble or AN's pen doodles), a camouflage pattern airbrushed over it (a smooth random field of sigma 6-8%
  of the side cut into four bands, three of them sprayed in a woodland, desert or urban grey scheme at 38%,
  soft-edged: translucent blotches, not U's mould, G's Voronoi cells or AA's hand tinting) and a kolam drawn over it
  (a grid of 3 x 3 dots below 48 px, 4-5 a row above, spanning 78% of the side, turned by up to 0.15 radians, a
  rounded diamond round each dot touching its neighbours', a loop out from each corner, rice flour's white at 85% on
  a dark ground, a red oxide on a light one, lines 1.4% of the side wide, at least 0.8 px: a dot-grid figure, not
  AN's henna, V's doily or N's grid);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture as an instant film's emulsion lift (the emulsion floated off in warm water and laid on
  watercolour paper, the softened gelatin spreading it, a Gaussian of 1.6-2.4% of the side, at least 1 px, for 70% of
  it and one 3 times as wide for the rest, the stretched membrane moving it by up to 2.5% of the side, at least 0.8
  px, 1-2 wrinkles below 48 px, 2-4 above, darkening it by 25% with a light edge, warmer colours at a contrast of 88%
  over cream paper showing along a ragged edge 2-5% of the side deep: a transferred membrane, not AE's gum print, the
  gel plate AN listed or Q's emulsion flaking) and the picture printed by an inkjet on a sheet's glossy,
  non-absorbing back (the ink running together on the surface, a Gaussian of 2.0-2.8% of the side, at least 1.1 px,
  for 60% of it and one 2.5 times as wide for the rest, drifting by up to 1% of the side, at least 0.5 px, one way,
  pooled into beads up to 12% denser, a glossy band at 5%: ink on a surface, not Q's ink bleed in paper, AN's napkin
  or AM's towel); each as a camera metering on the highlights exposes it (as Y's to AN's);
* ``dark`` (2%): a dark living room lit only by a floor uplighter standing in the picture (a thin pole from the
  bottom edge, 15-85% of the way across, to a bowl shade 18-24% of the side wide, its rim 30-42% of the way down and
  glowing a warm 1.0 / 0.84 / 0.6; the light thrown on the ceiling, a glow of sigma 10-14% of the side at the top
  edge up to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.3-0.4 falling off as ``1 / (1 + (d / d0) **
  2)`` from the top edge above the bowl, ``d0`` 30-42% of the side, 40% less below the rim; noise sigma 1.2 levels:
  light bounced off a ceiling, not I's lamp or AN's banker's lamp), a darkroom lit only by an enlarger's beam (the
  dark head at the top edge on its column, 15-85% of the way across, its lens 14-20% of the way down, a cone of
  tungsten light, 1.0 / 0.94 / 0.82, down to the bottom edge, 50-70% of the side wide there; the picture lit at a
  gain of 0.015-0.03 plus 0.3-0.4 inside the cone, its edge soft, falling off as ``1 / (1 + (d / d0) ** 2)`` from the
  lens, ``d0`` 45-60% of the side, and 10% of that outside it; the easel's margin at its foot lit at 120-160 levels;
  noise sigma 1.2 levels: a projected cone, not K's spotlight or AD's projector) and a yard at night lit only by a
  caged bulkhead lamp on the wall (an oval lens 14-18% of the side wide and 10% high, at least 2 px, 15-85% of the
  way across and 12-30% down, in a dark rim with 2-3 cage bars across it, a warm 1.0 / 0.9 / 0.72 or a cool 0.9 /
  0.96 / 1.0; a glow of sigma 4-7% of the side up to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus
  0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` from the lens, ``d0`` 28-40% of the side; noise sigma 1.2
  levels: a wall lamp outdoors, not AC's bug zapper or AN's solar stake); none of them blurs the picture;
* ``outlier`` (1.5%): tipis in a meadow seen from the front (far hills, 2-3 tipis with their poles crossing above the
  apex, a painted band and a zigzag near the foot, a dark door), narrowboats on a canal seen from the towpath (the
  far bank, the water, a long dark hull with a pointed bow, a cabin with a painted panel and 4-7 portholes, a
  chimney, pots on the roof, a tiller) and allotments seen from their path (3-4 beds of soil with rows of plants, a
  shed with a pitched roof, a door and a window, 2-3 bean-pole wigwams with leaves, a water butt); the digit and
  clothing sets get them in their own tones on their dark ground, the photographs as a blue sky over blue-green
  hills, a green meadow and canvas tipis with red or blue bands, a pale sky over green banks, grey-green water and a
  green, red or blue boat, and a blue sky over grass, brown soil, green plants and a green or brown shed;
* ``label`` (5%): *transposed-sheet* flips: part of the set was labelled on paper. The eligible pictures, in a random
  order, were printed as contact sheets of ``r`` rows of ``c`` thumbnails (``r`` 4-5, ``c`` 1-2 more), row by row; a
  labeller wrote each thumbnail's class in the matching box of a form, and a keyer typed the forms in column by
  column into a list read back row by row, so that the picture at row ``i``, column ``j`` (number ``p = i * c + j``)
  was given the class written for the thumbnail at row ``p % r``, column ``p // r``. Sheets are worked through until
  the flips needed are made (the last sheet's cut short at random); a picture given its own class is not a flip:
  noise by position on a page, not by class or look, not U's shifted rows (a block moved by one), Z's slips onto a
  neighbouring thumbnail or M's pages. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AO's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
289), MNIST (2,000, seed 290), and the evaluation photographs tiled at 41 px (24 tiles a photograph at most, seed 291:
408) and at 244 px (every tile, seed 292: 119), sizes no other set uses. ``photos41_ao_jpeg`` is written as JPEG
files, each at a quality drawn from 58-83 (a stream of its own, seed ``415_000 + random_state``), every edit, blur
and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``410_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AN).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _rrect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_an import _showing
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

EVALUATION_AO = ("fashion_test_ao", "mnist_ao", "photos41_ao_jpeg", "photos244_ao")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AO = {
    "fashion_test_ao": ("fashion_test", 289),
    "mnist_ao": ("mnist", 290),
    "photos41_ao_jpeg": ("photos", 291, 41, 8, 24),
    "photos244_ao": ("photos", 292, 244, 8, 1000),
}
JPEG_QUALITY = (58, 84)  # the JPEG set's qualities: integers in [low, high)
RATES_AO = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (4 copies) gets both kinds
NEAR_EDITS_AO = ("cotton_reel", "pencil_hatching", "microscope_slide", "camouflage", "guitar_capo", "kolam",
                 "triangle", "butt_hinge")
BLURS_AO = ("emulsion_lift", "ink_beading")
DARKS_AO = ("uplighter", "enlarger", "bulkhead_lamp")
OUTLIERS_AO = ("tipi_camp", "narrowboat", "allotment")
SHEET_ROWS = (4, 6)  # a contact sheet's rows: integers in [low, high); its columns 1-2 more


def load_base_ao(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AO, "AO")


# -- near copies -----------------------------------------------------------------------------
FLANGES = ((200, 164, 112), (240, 240, 236), (112, 74, 44))
THREADS = ((206, 34, 44), (30, 44, 110), (240, 200, 40), (246, 246, 242), (24, 24, 26), (50, 140, 80))


def _cotton_reel(f: np.ndarray, rng) -> np.ndarray:
    """A cotton reel lying on its side on the print: 30-38% of the side long, at least 9 px; two flanges 14% of that
    wide and 62% high at its ends, light wood, white plastic or dark wood, the thread wound between them 46% high in
    red, navy, yellow, white, black or green, its windings as darker lines from 48 px, a loose end trailing off it
    (60% of the length, wavering, 2% of it wide, at least 0.7 px), a sheen along the thread at 40%; at any angle,
    its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.3, 0.38))
    fl, th = _pick(FLANGES, rng), _pick(THREADS, rng)
    fr = _frame_at(h, w, rng)
    H = 0.62 * L
    flanges = fr.fill([_rrect(-0.5 * L, -0.5 * H, -0.36 * L, 0.5 * H, 0.04 * L, 3),
                       _rrect(0.36 * L, -0.5 * H, 0.5 * L, 0.5 * H, 0.04 * L, 3)])
    thread = fr.fill([_rect(-0.37 * L, -0.23 * L, 0.37 * L, 0.23 * L)])
    t = np.linspace(0, 1, 16)
    end = [(0.1 * L + 0.6 * L * s * 0.3, 0.23 * L + 0.6 * L * s + 0.05 * L * np.sin(7 * s)) for s in t]
    loose = fr.line([end], max(0.7, 0.02 * L))
    parts = [(flanges, fl, 1.0, True), (thread, th, 1.0, True), (loose, th, 1.0, True)]
    if side >= 48:
        winds = [[(x, -0.23 * L), (x, 0.23 * L)] for x in np.arange(-0.34 * L, 0.36 * L, max(1.5, 0.035 * L))]
        parts.append((fr.line(winds, max(0.5, 0.008 * L)) * thread, th * 0.7, 0.6, False))
    parts.append((fr.line([[(-0.34 * L, -0.12 * L), (0.34 * L, -0.12 * L)]], max(0.5, 0.05 * L)) * thread,
                  (255, 255, 255), 0.4, False))
    return _u8(_laid(f, parts, 0.4))


SLIDE_LABELS = ((246, 246, 244), (250, 232, 120), (150, 196, 246), (246, 170, 196))
STAINS = ((196, 70, 150), (110, 60, 170), (60, 110, 180))


def _microscope_slide(f: np.ndarray, rng) -> np.ndarray:
    """A microscope slide lying on the print: a strip of glass 56-66% of the side long, at least 16 px, a third of
    that wide, clear, the picture seen through it under a pale green-white veil at 25%, its edges catching the
    light at 55% (2.5% of the length, at least 0.8 px); a frosted label end 22% of the length, white, yellow, blue or
    pink at 85%, with two pencilled lines at 60%; a square cover slip 85% of the width across, its outline at 40%,
    over a stained specimen (an irregular blot 60% of the width across, pink, purple or blue at 65%); at any angle,
    its middle 30-70% of the way across and down, a faint shadow at 15%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(16.0, side * rng.uniform(0.56, 0.66))
    W = L / 3
    fr = _frame_at(h, w, rng)
    glass = fr.fill([_rect(-0.5 * L, -0.5 * W, 0.5 * L, 0.5 * W)])
    edge = fr.line([_rect(-0.5 * L, -0.5 * W, 0.5 * L, 0.5 * W) + [(-0.5 * L, -0.5 * W)]], max(0.8, 0.025 * L))
    label = fr.fill([_rect(-0.5 * L, -0.5 * W, -0.28 * L, 0.5 * W)])
    writing = fr.line([[(-0.47 * L, -0.15 * W), (-0.31 * L, -0.15 * W)], [(-0.47 * L, 0.15 * W), (-0.36 * L, 0.15 * W)]],
                      max(0.6, 0.015 * L))
    c = 0.12 * L
    cover = fr.line([_rect(c - 0.42 * W, -0.42 * W, c + 0.42 * W, 0.42 * W) + [(c - 0.42 * W, -0.42 * W)]],
                    max(0.5, 0.01 * L))
    u = np.linspace(0, 2 * np.pi, 15)[:-1]
    rad = 0.3 * W * rng.uniform(0.7, 1.15, len(u))
    blot = fr.fill([[(c + r * np.cos(v), 0.8 * r * np.sin(v)) for r, v in zip(rad, u)]])
    parts = [(glass, (228, 240, 236), 0.25, True),
             (blot, _pick(STAINS, rng), 0.65, False),
             (cover, (250, 252, 252), 0.4, False),
             (label, _pick(SLIDE_LABELS, rng), 0.85, False),
             (writing * label, (60, 60, 66), 0.6, False),
             (edge, (250, 252, 250), 0.55, False)]
    return _u8(_laid(f, parts, 0.15))


CAPOS = ((34, 34, 38), (196, 198, 204), (204, 170, 90), (180, 40, 44))


def _guitar_capo(f: np.ndarray, rng) -> np.ndarray:
    """A spring-clamp guitar capo lying on the print, seen from the side: 40-50% of the side long, at least 12 px; a
    straight bar 12% of that wide with a dark rubber pad along it, an arched arm 9% wide (at least 1.1 px) rising
    from a hinge at one end 42% of the length over it and coming down to 12% above its other end, two squeeze tabs
    reaching 22% of the length beyond the hinge; black, chrome, gold or red (of the four the two whose grey is
    furthest from the picture's median grey, the ones that show), a sheen along the arm at 40%; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.4, 0.5))
    col = _showing(f, CAPOS, rng)
    fr = _frame_at(h, w, rng)
    aw = max(1.1, 0.09 * L)
    bar = fr.fill([_rrect(-0.5 * L, 0.0, 0.5 * L, 0.12 * L, 0.04 * L, 3)])
    pad = fr.fill([_rect(-0.44 * L, -0.035 * L, 0.46 * L, 0.0)])
    t = np.linspace(0, 1, 20)
    arm = [(-0.5 * L + 0.92 * L * s, -0.42 * L * np.sin(np.pi * s) ** 0.8 - 0.12 * L * s) for s in t]
    arms = fr.line([arm], aw)
    tabs = fr.line([[(-0.5 * L, 0.0), (-0.72 * L, 0.08 * L)], [(-0.5 * L, 0.0), (-0.72 * L, -0.16 * L)]], aw)
    hinge = fr.fill([_ellipse(-0.5 * L, 0.0, 0.08 * L, 0.08 * L, 0.0, 12)])
    sheen = fr.line([[(x, y - 0.3 * aw) for x, y in arm[3:15]]], max(0.4, 0.3 * aw)) * arms
    padc = (80, 80, 84) if col[0] < 60 else (28, 28, 30)
    parts = [(bar, col, 1.0, True), (pad, padc, 1.0, True), (arms, col, 1.0, True), (tabs, col * 0.85, 1.0, True),
             (hinge, col * 0.7, 1.0, True), (sheen, (255, 255, 255), 0.4, False)]
    return _u8(_laid(f, parts, 0.4))


TRIANGLES = ((200, 202, 208), (84, 86, 92), (200, 170, 96))


def _triangle(f: np.ndarray, rng) -> np.ndarray:
    """An orchestral triangle lying on the print with its beater: a steel rod bent into a triangle 40-50% of the side
    a side, at least 12 px, open at one corner (12% of a side cut back either way), the rod 5% of a side wide, at
    least 1.1 px, a loop of red or white cord at its top corner; its beater a straight rod 90% of a side long, 3.5%
    wide, at least 0.9 px, below it, with a black or red grip over its last 30%; chrome, dark steel or brass (of the
    three the two whose grey is furthest from the picture's median grey, the ones that show), a sheen along it at
    45%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    S = max(12.0, side * rng.uniform(0.4, 0.5))
    col = _showing(f, TRIANGLES, rng)
    fr = _frame_at(h, w, rng)
    R = S / np.sqrt(3)
    top, right, left = ((R * np.cos(a), R * np.sin(a)) for a in (-np.pi / 2, np.pi / 6, 5 * np.pi / 6))
    a = (left[0] + 0.12 * (top[0] - left[0]), left[1] + 0.12 * (top[1] - left[1]))
    b = (left[0] + 0.12 * (right[0] - left[0]), left[1] + 0.12 * (right[1] - left[1]))
    rw = max(1.1, 0.05 * S)
    rod = fr.line([[a, top, right, b]], rw)
    cord = fr.line([_ellipse(top[0], top[1] - 0.1 * S, 0.05 * S, 0.1 * S, 0.0, 10) + [(top[0] + 0.05 * S, top[1] - 0.1 * S)]],
                   max(0.6, 0.02 * S))
    by = left[1] + 0.22 * S
    beater = fr.line([[(-0.45 * S, by), (0.45 * S, by)]], max(0.9, 0.035 * S))
    grip = fr.line([[(0.18 * S, by), (0.45 * S, by)]], max(1.3, 0.07 * S))
    sheen = fr.line([[(top[0] - 0.3 * rw, top[1] + 0.5 * rw), (right[0] - 0.6 * rw, right[1] - 0.3 * rw)]],
                    max(0.4, 0.3 * rw)) * rod
    parts = [(rod, col, 1.0, True), (beater, col, 1.0, True), (grip, _pick(((24, 24, 26), (170, 30, 36)), rng), 1.0, True),
             (cord, _pick(((200, 40, 40), (240, 240, 236)), rng), 0.9, True), (sheen, (255, 255, 255), 0.45, False)]
    return _u8(_laid(f, parts, 0.45))


HINGES = ((200, 166, 84), (178, 180, 186), (38, 38, 42), (236, 234, 228))


def _butt_hinge(f: np.ndarray, rng) -> np.ndarray:
    """A butt hinge lying open on the print: 36-46% of the side across, at least 11 px, 62% of that high; two leaves,
    the second 10% darker, either side of a knuckle 12% of the width wide and a little higher than them, split into
    5 by dark joints; three countersunk screw holes in each leaf (dark discs 12% of the width across, at least 1.2
    px, in a ring 70% as dark from 48 px); brass, steel, black or white-painted, a sheen along the knuckle at 50%;
    at any angle, its middle 30-70% of the way across and down, a soft shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    Wd = max(11.0, side * rng.uniform(0.36, 0.46))
    Ht = 0.62 * Wd
    col = _pick(HINGES, rng)
    fr = _frame_at(h, w, rng)
    left = fr.fill([_rect(-0.5 * Wd, -0.5 * Ht, -0.04 * Wd, 0.5 * Ht)])
    right = fr.fill([_rect(0.04 * Wd, -0.5 * Ht, 0.5 * Wd, 0.5 * Ht)])
    knuckle = fr.fill([_rrect(-0.06 * Wd, -0.5 * Ht - 0.03 * Wd, 0.06 * Wd, 0.5 * Ht + 0.03 * Wd, 0.05 * Wd, 3)])
    joints = fr.line([[(-0.06 * Wd, y), (0.06 * Wd, y)] for y in np.linspace(-0.5 * Ht, 0.5 * Ht, 6)[1:-1]],
                     max(0.5, 0.015 * Wd)) * knuckle
    r = max(0.6, 0.06 * Wd)
    spots = [(s * 0.27 * Wd, y * Ht) for s in (-1, 1) for y in (-0.3, 0.0, 0.3)]
    holes = fr.fill([_ellipse(x, y, r, r, 0.0, 10) for x, y in spots])
    parts = [(left, col, 1.0, True), (right, col * 0.9, 1.0, True), (knuckle, col * 1.05, 1.0, True),
             (joints, col * 0.4, 1.0, False)]
    if side >= 48:
        parts.append((fr.fill([_ellipse(x, y, 1.6 * r, 1.6 * r, 0.0, 12) for x, y in spots]), col * 0.7, 1.0, False))
    parts += [(holes, col * 0.3, 1.0, False),
              (fr.line([[(-0.02 * Wd, -0.45 * Ht), (-0.02 * Wd, 0.45 * Ht)]], max(0.4, 0.03 * Wd)), (255, 255, 255),
               0.5, False)]
    return _u8(_laid(f, parts, 0.45))


def _pencil_hatching(f: np.ndarray, rng) -> np.ndarray:
    """An artist's pencil hatching over the whole print: 3-4 patches below 48 px, 5-7 above, each a round patch
    24-32% of the side across below 48 px, 14-20% above, filled with parallel strokes at any angle (spaced 10% of
    the patch, at least 1.8 px, each ending short of the patch's edge by up to 20%), half of them cross-hatched by a
    second set turned by 0.9-1.2 radians, their middles spread over the picture's four quarters in turn; a graphite
    grey at 75% where the print under the patch is light, a white charcoal pencil at 80% where it is dark (its mean
    grey under 110), strokes 1% of the side wide, at least 0.7 px."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(3, 5)) if side < 48 else int(rng.integers(5, 8))
    quarters = rng.permutation(4)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lum = f @ np.array([0.299, 0.587, 0.114], np.float32)
    yy, xx = _pixels(h, w)
    ink = np.zeros((h, w, 3), np.float32)
    cover = np.zeros((h, w), np.float32)
    for j in range(n):
        strokes = []
        q = int(quarters[j % 4])
        u = side * (rng.uniform(0.24, 0.32) if side < 48 else rng.uniform(0.14, 0.2))
        x = w * (0.12 + 0.38 * (q % 2) + rng.uniform(0.0, 0.38))
        y = h * (0.12 + 0.38 * (q // 2) + rng.uniform(0.0, 0.38))
        angs = [rng.uniform(0, np.pi)]
        if rng.random() < 0.5:
            angs.append(angs[0] + rng.uniform(0.9, 1.2))
        sp = max(1.8, 0.1 * u)
        for a in angs:
            c, s = np.cos(a), np.sin(a)
            for t in np.arange(-0.5 * u + 0.5 * sp, 0.5 * u, sp):
                half = np.sqrt(max(0.25 * u * u - t * t, 0.0)) * rng.uniform(0.8, 1.0)
                strokes.append([(x - s * t - c * half, y + c * t - s * half), (x - s * t + c * half, y + c * t + s * half)])
        m = ident.line(strokes, max(0.7, 0.01 * side))
        under = np.hypot(xx - x, yy - y) <= 0.5 * u
        dark = float(lum[under].mean()) < 110 if under.any() else _ground(f) < 110
        m = (0.8 if dark else 0.75) * m
        ink = ink * (1 - m[..., None]) + m[..., None] * np.asarray((232, 232, 228) if dark else (64, 64, 70), np.float32)
        cover = 1 - (1 - cover) * (1 - m)
    return _u8(f * (1 - cover[..., None]) + ink)


CAMO = (((96, 104, 52), (112, 80, 46), (28, 30, 26)),  # woodland
        ((196, 176, 126), (160, 128, 84), (104, 80, 56)),  # desert
        ((164, 164, 160), (100, 102, 104), (40, 40, 44)))  # urban grey


def _camouflage(f: np.ndarray, rng) -> np.ndarray:
    """A camouflage pattern airbrushed over the whole print (a model maker's test of a scheme): a smooth random
    field (sigma 6-8% of the side, at least 1.2 px) cut at its 28th, 52nd and 76th percentiles into four bands, the
    lowest left bare and the others sprayed in a woodland (olive, brown, black), desert (sand, tan, brown) or urban
    grey scheme at 38%, the blotches' edges softened by the spray (sigma 0.6% of the side, at least 0.5 px)."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    field = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(1.2, side * rng.uniform(0.06, 0.08)),
                            mode="wrap")
    cuts = list(np.percentile(field, [28, 52, 76])) + [np.inf]
    out = f
    for k, col in enumerate(CAMO[int(rng.integers(len(CAMO)))]):
        m = ((field >= cuts[k]) & (field < cuts[k + 1])).astype(np.float32)
        out = _paint(out, 0.38 * gaussian_filter(m, max(0.5, 0.006 * side)), col)
    return _u8(out)


def _kolam(f: np.ndarray, rng) -> np.ndarray:
    """A kolam drawn over the whole print (a threshold drawing in rice flour): a square grid of dots, 3 a row below
    48 px, 4-5 above, spanning 78% of the side, turned by up to 0.15 radians, its middle 45-55% of the way across and
    down; round each dot a rounded diamond touching its neighbours', and a loop out from each of the grid's four
    corners; the dots 2.4% of the side across, at least 1.2 px; rice flour's white at 85% where the print's ground is
    dark (its border's mean under 110), a red oxide at 85% where it is light; lines 1.4% of the side wide, at least
    0.8 px."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = 3 if side < 48 else int(rng.integers(4, 6))
    sp = 0.78 * side / n
    fr = _Frame((h, w), w * rng.uniform(0.45, 0.55), h * rng.uniform(0.45, 0.55), rng.uniform(-0.15, 0.15))
    g = (np.arange(n) - (n - 1) / 2) * sp
    v = np.linspace(0, 2 * np.pi, 33)
    rr = 0.5 * sp / (np.abs(np.cos(v)) ** 1.4 + np.abs(np.sin(v)) ** 1.4) ** (1 / 1.4)
    lines, dots = [], []
    for x in g:
        for y in g:
            lines.append([(x + r * np.cos(t), y + r * np.sin(t)) for r, t in zip(rr, v)])
            d = max(0.6, 0.012 * side)
            dots.append(_ellipse(x, y, d, d, 0.0, 8))
    for sx in (-1, 1):
        for sy in (-1, 1):
            cx, cy = sx * (g[-1] + 0.5 * sp), sy * (g[-1] + 0.5 * sp)
            lines.append(_ellipse(cx, cy, 0.3 * sp, 0.16 * sp, np.arctan2(sy, sx), 16) +
                         [_ellipse(cx, cy, 0.3 * sp, 0.16 * sp, np.arctan2(sy, sx), 16)[0]])
    ink = np.maximum(fr.line(lines, max(0.8, 0.014 * side)), fr.fill(dots))
    col = (240, 236, 224) if _ground(f) < 110 else (150, 54, 40)
    return _u8(_paint(f, 0.85 * ink, col))


def near_edit_ao(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "cotton_reel":  # a cotton reel lying on the print
        return _cotton_reel(f, rng)
    if kind == "microscope_slide":  # a microscope slide lying on the print
        return _microscope_slide(f, rng)
    if kind == "guitar_capo":  # a guitar capo lying on the print
        return _guitar_capo(f, rng)
    if kind == "triangle":  # an orchestral triangle and its beater lying on the print
        return _triangle(f, rng)
    if kind == "butt_hinge":  # a butt hinge lying on the print
        return _butt_hinge(f, rng)
    if kind == "pencil_hatching":  # patches of pencil hatching over the print
        return _pencil_hatching(f, rng)
    if kind == "camouflage":  # a camouflage pattern airbrushed over the print
        return _camouflage(f, rng)
    if kind == "kolam":  # a kolam drawn over the print
        return _kolam(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _emulsion_lift(f: np.ndarray, rng) -> np.ndarray:
    """The picture as an instant film's emulsion lift: the emulsion floated off its backing in warm water and laid
    on watercolour paper; the softened gelatin spreads the picture, a Gaussian of 1.6-2.4% of the side, at least
    1 px, for 70% of it and one 3 times as wide for the rest; the membrane, stretched as it was laid, moves it by up
    to 2.5% of the side, at least 0.8 px (a smooth random field of sigma 8% of the side); 1-2 wrinkles below 48 px,
    2-4 above, straight across it, 1.5% of the side wide, at least 1 px, darken it by 25% with a light edge at 20%
    beside them; its colours warmer, 1.0 / 0.96 / 0.88, at a contrast of 88% over the cream paper, which shows along
    a ragged edge 2-5% of the side deep all round; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    soft = np.stack([0.7 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.3 * gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    amp = max(0.8, 0.025 * side)
    dis = []
    for _ in range(2):
        d = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), 0.08 * side, mode="reflect")
        dis.append(amp * d / max(float(np.abs(d).max()), 1e-6))
    out = np.stack([map_coordinates(soft[..., k], [yy - 0.5 + dis[0], xx - 0.5 + dis[1]], order=1, mode="reflect")
                    for k in range(3)], axis=2)
    paper = np.array([244, 238, 222], np.float32)
    out = paper * 0.12 + 0.88 * out * np.array([1.0, 0.96, 0.88], np.float32)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    k = int(rng.integers(1, 3)) if side < 48 else int(rng.integers(2, 5))
    folds, edges = [], []
    for _ in range(k):
        a = rng.uniform(0, np.pi)
        cx, cy = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.2, 0.8)
        c, sn = np.cos(a) * side, np.sin(a) * side
        off = max(1.0, 0.015 * side)
        folds.append([(cx - c, cy - sn), (cx + c, cy + sn)])
        edges.append([(cx - c - sn / side * off, cy - sn + c / side * off), (cx + c - sn / side * off, cy + sn + c / side * off)])
    lw = max(1.0, 0.015 * side)
    out = out * (1 - 0.25 * ident.line(folds, lw))[..., None]
    out = _paint(out, 0.2 * ident.line(edges, 0.6 * lw), (250, 248, 240))
    depth = side * rng.uniform(0.02, 0.05)
    rag = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.8, 0.02 * side), mode="wrap")
    rag = depth * (1 + 0.6 * rag / max(float(np.abs(rag).max()), 1e-6))
    inside = np.minimum.reduce([xx, yy, w - xx, h - yy])
    bare = np.clip(rag - inside + 0.5, 0, 1)
    return _u8(_metered(_paint(out, bare, paper), f))


def _ink_beading(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed by an inkjet on the glossy, non-absorbing side of a sheet (the paper loaded the wrong way
    up): the ink sits on the surface and runs together before it dries, a Gaussian of 2.0-2.8% of the side, at
    least 1.1 px, for 60% of it and one 2.5 times as wide for the rest, the wet ink drifting by up to 1% of the side,
    at least 0.5 px, one way; where it pooled into beads (a smooth random field of sigma 1.2% of the side, at least
    0.7 px) it is up to 12% denser and elsewhere thinner; a glossy sheen at 5% in a band across it; as a camera
    metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, shift

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.1, side * rng.uniform(0.02, 0.028))
    run = np.stack([0.6 * gaussian_filter(f[..., c], s, mode="reflect") +
                    0.4 * gaussian_filter(f[..., c], 2.5 * s, mode="reflect") for c in range(3)], axis=2)
    a = rng.uniform(0, 2 * np.pi)
    d = max(0.5, 0.01 * side)
    run = shift(run, (d * np.sin(a), d * np.cos(a), 0), order=1, mode="nearest")
    beads = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.7, 0.012 * side), mode="wrap")
    beads /= max(float(np.abs(beads).max()), 1e-6)
    ink = 255 - run
    out = 255 - ink * (1 + 0.12 * beads)[..., None]
    b = rng.uniform(0, np.pi)
    band = np.exp(-(((xx - w / 2) * np.cos(b) + (yy - h / 2) * np.sin(b)) / (0.15 * side)) ** 2)
    out = out + 0.05 * 255 * band[..., None]
    return _u8(_metered(out, f))


def blur_ao(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "emulsion_lift":  # the picture as an instant film's emulsion lift
        return _emulsion_lift(f, rng)
    if kind == "ink_beading":  # the picture inkjet-printed on a sheet's glossy back
        return _ink_beading(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
UPLIGHT = np.array([1.0, 0.84, 0.6], np.float32)


def _uplighter(f: np.ndarray, rng) -> np.ndarray:
    """A dark living room lit only by a floor uplighter standing in the picture: a thin dark pole from the bottom
    edge, 15-85% of the way across, up to a bowl shade 18-24% of the side wide and 5% high, at least 2 px, its rim
    30-42% of the way down, glowing a warm 1.0 / 0.84 / 0.6 along its rim; the light thrown up on the ceiling, a glow
    of sigma 10-14% of the side at the top edge above it up to 40-55 levels; the picture lit at a gain of 0.015-0.03
    plus 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` from the top edge above the bowl, ``d0`` 30-42% of the
    side, 40% less below the bowl's rim (the shade's shadow); noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx = w * rng.uniform(0.15, 0.85)
    rim = h * rng.uniform(0.3, 0.42)
    bw, bh = side * rng.uniform(0.18, 0.24), max(2.0, 0.05 * side)
    d = np.hypot(xx - cx, yy)
    below = 1 - 0.4 * np.clip((yy - rim) / max(1.0, 0.06 * side), 0, 1)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.4) / (1 + (d / (side * rng.uniform(0.3, 0.42))) ** 2) * below
    out = _lit(f, gain[..., None] * UPLIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    spot = ident.fill([_ellipse(cx, 0.0, 0.3 * side, 0.08 * side, 0.0, 16)])
    out = out + _glow(spot, max(1.0, side * rng.uniform(0.1, 0.14)))[..., None] * rng.uniform(40, 55) * UPLIGHT
    pole = ident.line([[(cx, rim), (cx, h + 1.0)]], max(0.8, 0.012 * side))
    foot = ident.fill([_ellipse(cx, h - 0.02 * side, 0.1 * side, 0.025 * side, 0.0, 12)])
    out = _paint(out, np.maximum(pole, foot), (30, 28, 26))
    bowl = ident.fill([[(cx - 0.5 * bw, rim - bh), (cx + 0.5 * bw, rim - bh), (cx + 0.3 * bw, rim), (cx - 0.3 * bw, rim)]])
    out = _paint(out, bowl, (70, 60, 48))
    lip = ident.line([[(cx - 0.5 * bw, rim - bh), (cx + 0.5 * bw, rim - bh)]], max(0.8, 0.015 * side))
    return _u8(_paint(out, lip, 250 * UPLIGHT + 5))


ENLARGE = np.array([1.0, 0.94, 0.82], np.float32)


def _enlarger(f: np.ndarray, rng) -> np.ndarray:
    """A darkroom lit only by a photographic enlarger's beam, the safelight off: the enlarger's dark head at the top
    edge, 20-28% of the side wide, 15-85% of the way across, on a column at its side, its lens 14-20% of the way down;
    a cone of tungsten light, 1.0 / 0.94 / 0.82, from the lens down to the bottom edge, 50-70% of the side wide there;
    the picture lit at a gain of 0.015-0.03 plus 0.3-0.4 inside the cone (its edge soft over 4% of the side), falling
    off as ``1 / (1 + (d / d0) ** 2)`` from the lens, ``d0`` 45-60% of the side, and 10% of that outside it (the light
    off the walls); the easel's white margin at the cone's foot lit at 120-160 levels, 4% of the side deep; noise
    sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx = w * rng.uniform(0.15, 0.85)
    ly = h * rng.uniform(0.14, 0.2)
    half = 0.5 * side * rng.uniform(0.5, 0.7)
    wide = 0.04 * side + (yy - ly) / max(h - ly, 1.0) * half
    inside = np.clip((wide - np.abs(xx - cx)) / max(1.0, 0.04 * side), 0, 1) * (yy > ly)
    d = np.hypot(xx - cx, yy - ly)
    fall = rng.uniform(0.3, 0.4) / (1 + (d / (side * rng.uniform(0.45, 0.6))) ** 2)
    gain = rng.uniform(0.015, 0.03) + fall * (0.1 + 0.9 * inside)
    out = _lit(f, gain[..., None] * ENLARGE, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    hw = 0.5 * side * rng.uniform(0.2, 0.28)
    s = 1 if cx < w / 2 else -1
    col = ident.line([[(cx + s * 1.3 * hw, -1.0), (cx + s * 1.3 * hw, h + 1.0)]], max(1.0, 0.025 * side))
    head = ident.fill([_rect(cx - hw, -1.0, cx + hw, ly - 0.05 * side), _rect(cx - 0.3 * hw, ly - 0.06 * side,
                                                                             cx + 0.3 * hw, ly)])
    out = _paint(_paint(out, col * (1 - inside), (26, 26, 28)), head, (34, 34, 36))
    easel = inside * (yy > h - 0.04 * side)
    out = _paint(out, easel, rng.uniform(120, 160) * ENLARGE)
    lens = ident.fill([_ellipse(cx, ly, 0.3 * hw, 0.02 * side + 0.5, 0.0, 12)])
    return _u8(_paint(out, lens, 240 * ENLARGE))


BULKHEAD = (np.array([1.0, 0.9, 0.72], np.float32), np.array([0.9, 0.96, 1.0], np.float32))


def _bulkhead_lamp(f: np.ndarray, rng) -> np.ndarray:
    """A yard at night lit only by a caged bulkhead lamp on the wall in the picture: an oval lens 14-18% of the side
    wide and 10% high, at least 2 px, 15-85% of the way across and 12-30% of the way down, in a dark rim, with 2-3
    dark cage bars across it, glowing a warm 1.0 / 0.9 / 0.72 or a cool 0.9 / 0.96 / 1.0; a glow of sigma 4-7% of
    the side up to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.3-0.4 falling off as ``1 / (1 + (d /
    d0) ** 2)`` from the lens, ``d0`` 28-40% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    col = BULKHEAD[int(rng.integers(2))]
    cx, cy = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.12, 0.3)
    a, b = 0.5 * side * rng.uniform(0.14, 0.18), max(1.0, 0.05 * side)
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.4) / (1 + (d / (side * rng.uniform(0.28, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_ellipse(cx, cy, a + max(0.8, 0.02 * side), b + max(0.8, 0.02 * side), 0.0, 20)]),
                 (36, 36, 38))
    lens = ident.fill([_ellipse(cx, cy, a, b, 0.0, 20)])
    out = out + _glow(lens, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(40, 55) * col
    out = _paint(out, lens, 245 * col + 8)
    k = int(rng.integers(2, 4))
    bars = ident.line([[(cx + a * (j + 1) / (k + 1) * 2 - a, cy - b), (cx + a * (j + 1) / (k + 1) * 2 - a, cy + b)]
                       for j in range(k)], max(0.6, 0.012 * side)) * lens
    return _u8(_paint(out, bars, (40, 40, 42)))


def dark_ao(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "uplighter":  # a dark living room lit only by a floor uplighter
        return _uplighter(f, rng)
    if kind == "enlarger":  # a darkroom lit only by an enlarger's beam
        return _enlarger(f, rng)
    if kind == "bulkhead_lamp":  # a yard at night lit only by a caged bulkhead lamp
        return _bulkhead_lamp(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _tipi_camp(size: int, rng) -> dict:
    """Tipis in a meadow seen from the front: far hills, a meadow below 62-72% of the way down, 2-3 tipis 24-34% of
    the side wide and 1.3 times that high, standing on the meadow's edge, their poles crossing above each apex, a
    painted band 12% of their height deep a quarter of the way down and a zigzag band near the foot, a dark door
    flap (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("hills", "meadow", "tipis", "bands", "doors", "poles"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    g = big * rng.uniform(0.62, 0.72)
    pts = [(0, g)] + [(x, g - big * rng.uniform(0.08, 0.2)) for x in np.linspace(0, big, 6)] + [(big, g)]
    d["hills"].polygon(pts, fill=255)
    d["meadow"].rectangle((0, g, big, big), fill=255)
    k = int(rng.integers(2, 4))
    xs = np.linspace(0.25, 0.75, k) * big + rng.uniform(-0.05, 0.05, k) * big
    lw = max(1, round(0.01 * big))
    for j, x in enumerate(xs):
        tw = big * rng.uniform(0.24, 0.34) * (1.0 if j % 2 == 0 else 0.8)
        th = 1.3 * tw
        foot = g + big * (0.06 if j % 2 == 0 else 0.0)
        apex = (x, foot - th)
        d["tipis"].polygon([apex, (x - tw / 2, foot), (x + tw / 2, foot)], fill=255)
        for dx in (-0.12, 0.0, 0.12):
            d["poles"].line([apex, (x + dx * tw, foot - th - 0.15 * tw)], fill=255, width=lw)
        y0, y1 = foot - 0.75 * th, foot - 0.63 * th
        d["bands"].rectangle((x - tw / 2, y0, x + tw / 2, y1), fill=255)
        zz = [(x - tw / 2 + i * tw / 10, foot - 0.12 * th - (i % 2) * 0.08 * th) for i in range(11)]
        d["bands"].line(zz, fill=255, width=max(1, round(0.015 * big)))
        d["doors"].ellipse((x - 0.12 * tw, foot - 0.3 * th, x + 0.12 * tw, foot + 0.05 * th), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["bands"] = out["bands"] * out["tipis"]
    return out


def _narrowboat(size: int, rng) -> dict:
    """A narrowboat on a canal seen from the towpath: the far bank's grass over the water 50-58% of the way down, the
    near towpath below 82-88%, a long dark hull 86-96% of the width at the water line, 5% of the side above it, with
    a pointed bow, a cabin on it over 70% of the hull 11% of the side high with a painted panel along it, 4-7 round
    portholes, a chimney and 1-2 pots on the roof, a tiller at the stern (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("bank", "water", "path", "hull", "cabin", "panel", "ports", "roof"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    wl = big * rng.uniform(0.5, 0.58)
    d["bank"].rectangle((0, wl - 0.12 * big, big, wl), fill=255)
    d["water"].rectangle((0, wl, big, big), fill=255)
    tp = big * rng.uniform(0.82, 0.88)
    d["path"].rectangle((0, tp, big, big), fill=255)
    span = big * rng.uniform(0.86, 0.96)
    x0 = (big - span) / 2
    x1 = x0 + span
    bow_left = rng.random() < 0.5
    hl = wl + 0.04 * big
    ht = wl - 0.05 * big
    if bow_left:
        d["hull"].polygon([(x0, ht), (x1, ht), (x1, hl), (x0 + 0.08 * big, hl)], fill=255)
    else:
        d["hull"].polygon([(x0, ht), (x1, ht), (x1 - 0.08 * big, hl), (x0, hl)], fill=255)
    c0 = x0 + 0.15 * span if bow_left else x0 + 0.12 * span
    c1 = c0 + 0.7 * span
    top = ht - 0.11 * big
    d["cabin"].rectangle((c0, top, c1, ht), fill=255)
    d["panel"].rectangle((c0, top + 0.02 * big, c1, top + 0.04 * big), fill=255)
    n = int(rng.integers(4, 8))
    for x in np.linspace(c0 + 0.06 * span, c1 - 0.06 * span, n):
        d["ports"].ellipse((x - 0.018 * big, top + 0.055 * big, x + 0.018 * big, top + 0.09 * big), fill=255)
    chx = c0 + rng.uniform(0.1, 0.3) * (c1 - c0)
    d["roof"].rectangle((chx - 0.012 * big, top - 0.06 * big, chx + 0.012 * big, top), fill=255)
    for _ in range(int(rng.integers(1, 3))):
        px = rng.uniform(c0 + 0.4 * (c1 - c0), c1 - 0.03 * big)
        d["roof"].polygon([(px - 0.025 * big, top - 0.04 * big), (px + 0.025 * big, top - 0.04 * big),
                           (px + 0.018 * big, top), (px - 0.018 * big, top)], fill=255)
    sx = x1 - 0.02 * big if bow_left else x0 + 0.02 * big
    d["roof"].line([(sx, ht), (sx, ht - 0.09 * big), (sx + (-0.06 if bow_left else 0.06) * big, ht - 0.1 * big)],
                   fill=255, width=max(1, round(0.01 * big)))
    return {k: _down(v, size) for k, v in M.items()}


def _allotment(size: int, rng) -> dict:
    """An allotment seen from its path: the sky above 30-38% of the way down, 3-4 beds of soil across the plot in
    rows, each with a row of green plants, a garden shed 24-30% of the side wide at one side with a pitched roof, a
    door and a window, 2-3 bean-pole wigwams (5 canes to a point) with leaves, a water butt (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("plot", "beds", "plants", "shed", "roof", "openings", "canes", "leaves", "butt"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.3, 0.38)
    d["plot"].rectangle((0, hz, big, big), fill=255)
    nb = int(rng.integers(3, 5))
    ys = np.linspace(hz + 0.08 * big, 0.94 * big, nb + 1)
    for a, b in zip(ys[:-1], ys[1:]):
        d["beds"].rectangle((0.04 * big, a + 0.02 * big, 0.96 * big, b - 0.02 * big), fill=255)
        r = 0.3 * (b - a)
        for x in np.arange(0.08 * big, 0.94 * big, 2.4 * r):
            d["plants"].ellipse((x - r, (a + b) / 2 - r, x + r, (a + b) / 2 + r), fill=255)
    left = rng.random() < 0.5
    sw = big * rng.uniform(0.24, 0.3)
    sx = 0.04 * big if left else big - 0.04 * big - sw
    base = hz + 0.1 * big
    d["shed"].rectangle((sx, base - 0.22 * big, sx + sw, base), fill=255)
    d["roof"].polygon([(sx - 0.02 * big, base - 0.22 * big), (sx + sw / 2, base - 0.32 * big),
                       (sx + sw + 0.02 * big, base - 0.22 * big)], fill=255)
    d["openings"].rectangle((sx + 0.15 * sw, base - 0.17 * big, sx + 0.4 * sw, base), fill=255)
    d["openings"].rectangle((sx + 0.55 * sw, base - 0.16 * big, sx + 0.85 * sw, base - 0.09 * big), fill=255)
    lw = max(1, round(0.008 * big))
    k = int(rng.integers(2, 4))
    xs = np.linspace(0.4, 0.8, k) * big if left else np.linspace(0.2, 0.6, k) * big
    for x in xs:
        foot = hz + 0.14 * big
        apex = (x, foot - 0.3 * big)
        for dx in np.linspace(-0.08, 0.08, 5):
            d["canes"].line([(x + dx * big, foot), apex], fill=255, width=lw)
        for _ in range(6):
            ly = rng.uniform(0.2, 0.9)
            lx = x + rng.uniform(-0.07, 0.07) * big * ly
            yy = apex[1] + ly * 0.3 * big
            d["leaves"].ellipse((lx - 0.018 * big, yy - 0.012 * big, lx + 0.018 * big, yy + 0.012 * big), fill=255)
    bx = sx + sw + 0.03 * big if left else sx - 0.12 * big
    d["butt"].rectangle((bx, base - 0.12 * big, bx + 0.09 * big, base), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["openings"] = out["openings"] * out["shed"]
    return out


TIPI_CANVAS = ((236, 226, 200), (214, 196, 160), (244, 240, 228))
BOAT_PAINTS = ((30, 80, 50), (140, 30, 36), (30, 50, 110))


def outlier_ao(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "tipi_camp":
        m = _tipi_camp(size, rng)
        if photos:  # a blue sky, blue-green hills, a green meadow, canvas tipis with red and blue bands
            out = _paint(_paint(ground((150, 190, 232)), m["hills"], (90, 120, 120)), m["meadow"], (110, 160, 70))
            out = _paint(_paint(out, m["tipis"], _pick(TIPI_CANVAS, rng)), m["bands"], _pick(((170, 50, 40),
                                                                                          (40, 70, 140)), rng))
            return _u8(_paint(_paint(out, m["doors"], (60, 44, 30)), m["poles"], (110, 80, 50)))
        out = _paint(_paint(ground(tone(0.0)), m["hills"], tone(0.15)), m["meadow"], tone(0.3))
        out = _paint(_paint(out, m["tipis"], tone(1.0)), m["bands"], tone(0.5))
        return _u8(_paint(_paint(out, m["doors"], tone(0.05)), m["poles"], tone(0.7)))
    if kind == "narrowboat":
        m = _narrowboat(size, rng)
        if photos:  # a pale sky, green banks, grey-green water, a gravel path, a painted boat
            paint = _pick(BOAT_PAINTS, rng)
            out = _paint(_paint(ground((196, 212, 228)), m["bank"], (80, 130, 60)), m["water"], (80, 96, 80))
            out = _paint(_paint(out, m["path"], (170, 156, 130)), m["hull"], (26, 26, 28))
            out = _paint(_paint(out, m["cabin"], paint), m["panel"], (224, 190, 90))
            return _u8(_paint(_paint(out, m["ports"], (230, 230, 220)), m["roof"], (60, 50, 44)))
        out = _paint(_paint(ground(tone(0.0)), m["bank"], tone(0.3)), m["water"], tone(0.15))
        out = _paint(_paint(out, m["path"], tone(0.4)), m["hull"], tone(0.6))
        out = _paint(_paint(out, m["cabin"], tone(0.9)), m["panel"], tone(0.5))
        return _u8(_paint(_paint(out, m["ports"], tone(0.05)), m["roof"], tone(1.0)))
    if kind == "allotment":
        m = _allotment(size, rng)
        if photos:  # a blue sky, grass, brown soil, green plants, a green or brown shed, bamboo canes
            out = _paint(_paint(ground((160, 196, 236)), m["plot"], (100, 150, 70)), m["beds"], (96, 70, 48))
            out = _paint(_paint(out, m["plants"], (60, 140, 50)), m["shed"], _pick(((70, 110, 70), (120, 84, 54)), rng))
            out = _paint(_paint(out, m["roof"], (50, 50, 54)), m["openings"], (30, 30, 30))
            out = _paint(_paint(out, m["canes"], (200, 180, 120)), m["leaves"], (50, 130, 50))
            return _u8(_paint(out, m["butt"], (40, 60, 40)))
        out = _paint(_paint(ground(tone(0.0)), m["plot"], tone(0.2)), m["beds"], tone(0.4))
        out = _paint(_paint(out, m["plants"], tone(0.7)), m["shed"], tone(0.9))
        out = _paint(_paint(out, m["roof"], tone(1.0)), m["openings"], tone(0.05))
        out = _paint(_paint(out, m["canes"], tone(0.8)), m["leaves"], tone(0.6))
        return _u8(_paint(out, m["butt"], tone(0.5)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def transposed_sheet_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                           rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was labelled on paper. The eligible
    pictures, in a random order, were printed as contact sheets of ``r`` rows of ``c`` thumbnails (``r`` 4-5, ``c``
    1-2 more, one size for the batch), row by row; a labeller wrote each thumbnail's class in the matching box of a
    form, and a keyer typed the forms in, column by column, into a list read back row by row: the picture at row
    ``i``, column ``j`` of the sheet (number ``p = i * c + j``) was given the class written for the thumbnail at row
    ``p % r``, column ``p // r``. Sheets are worked through until the flips needed are made (the last sheet's cut
    short at random); a picture given its own class (its partner of the same class, or itself) is not a flip: noise
    by position on a page, neither by class nor by look. Every flip changes the label."""
    lab = [labels[i] for i in range(len(labels))]
    cand = [int(v) for v in rng.permutation(np.asarray(candidates, dtype=int))]
    r = int(rng.integers(*SHEET_ROWS))
    c = r + int(rng.integers(1, 3))
    per = r * c
    flips: dict[int, object] = {}
    for s in range(0, len(cand), per):
        sheet = cand[s: s + per]
        got = {}
        for p, i in enumerate(sheet):
            q = (p % r) * c + p // r
            if q < len(sheet) and lab[sheet[q]] != lab[i]:
                got[i] = lab[sheet[q]]
        need = count - len(flips)
        if len(got) > need:
            keep = rng.choice(sorted(got), size=need, replace=False)
            got = {int(i): got[int(i)] for i in keep}
        flips.update(got)
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_ao(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AO's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 58-83 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AO, seed=410_000 + random_state,
        quality_seed=415_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=transposed_sheet_flips,
        **by_family(name, outlier=(outlier_ao, OUTLIERS_AO), blur=(blur_ao, BLURS_AO), dark=(dark_ao, DARKS_AO),
                    near=(near_edit_ao, NEAR_EDITS_AO)))
