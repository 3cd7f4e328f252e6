"""Generator AC: fresh EVALUATION sets after generator AB's run (never used to choose anything).

Why a twenty-seventh evaluation generator: generator AB's sets have been run, and what they showed may inform the
next changes, so they will not stay untouched; AC is a held-out measurement of the code after that run, of families
of its own (AC's writer read no docs, logs, result files or commit bodies: only the commit subjects, the library's
code and the earlier generators' and tuning tools' files, to copy their structure and to avoid their families).
Generator AC was written before any tool was run on it (only its pictures were looked at, on contact sheets of its
edits, blurs, darkenings and foreign pictures at 28, 48 and 240 px, to check that every edit is visible, every blur
blurred, every darkened image dark with its picture still in it and every outlier foreign, and the planted folders
hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and
label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic
elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB) and none
of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast,
gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. It has two blur families, not
three: every third one considered was too near an earlier generator's (below). Left out because an earlier generator
made them or left them out: among objects on the print a credit card (the calibration's overlay box, K's sticky
note), a chocolate bar, gummy bears or a candy cane (W's sweets, as AA's lollipop and AB's ice lolly), a pocket
knife, a lighter or a memory card (O's pencil, W's battery and USB stick), sunglasses (V's spectacles), a hair clip
(N's paper clip), a shell (Q's and W's lists), peanuts or popcorn (X's coffee beans), a pear or a bell pepper (AA's
avocado; round things: N's push pin, U's pizzas), a cat's tail across the lens (I's finger, as T's grass blades); of
the whole picture an acrylic photo block (E's letterbox: the picture shrunk and framed by its own mirrored edges),
a projection across a room's corner (the folding screen V's banner stood for, as X found), a trivision billboard or
a row of painted book spines (W's shredded strips, Z's stair risers), a print on a quilted fabric (AA's tufted
headboard), wired glass or an insect screen (O's fence), a glass door's frosted band (G's mosaic, as M's
blurred-out patch), an OLED screen's burn-in (N's show-through, as U's e-ink ghost), a diffraction-grating sheet
(O's stocking: its orders are copies), a suncatcher's rainbow spots (Q's prism rainbow), a wet or water-stained print
(G's dust, M's coffee ring, as N found), a teal-and-orange grade (H's split toning), a gradient overlay (E's ramp), a
JPEG corrupted part-way (H's tear), a hand scanner moved unevenly (P's scanner slip), a copy saved after a grid
distortion (F's elastic deformation), a desk fan's guard before the lens (M's cracked screen: lines radiating from a
point and rings round it, as O found), an artist's squaring-up grid (K's viewfinder grid); among blurs a lens
fogged on coming in from the cold (K's steamed window), an eye with keratoconus (I's coma, G's ghost; AB's cataract),
a toy or instant camera used too close (Y's webcam), bifocal spectacles (Z's spectacles), an airbrushed copy or an
edible print on icing (AA's stencil and latte), an ink wash on rice paper (Q's ink bleed), a tufted rug (AB's
felting), crinkled cellophane (V's cut glass, U's cling film), a slow-sync flash's sharp copy and trail (G's ghost,
O's trail), a tossed print's turning smear (F's spin, W's turning card), fungus in the lens (K's dirty lens), a
satin metal panel's reflection (W's brushed steel), a freelensed shot (H's tilt-shift and light leak), a faxed copy
(E's palette); among darkenings an HDR picture shown with its peak at the screen's white (B's stops; the digits'
light strokes would keep their level as highlights), a dark frame taken too long (Y's dark-frame leak), a vignetting
correction applied the wrong way (E's vignette), a room lit by a television or a cinema screen (I's lamp, as P's
phone screen; O's stage), a lit fish tank (K's deep water), a photochromic film darkened in the sun (AB's
thermochromic ink), a laser-etched slate (V's granite portrait, Z's dark card), shutter capping (L's flash curtain,
Z's graduated filter), a Christmas tree's lights (N's fairy lights), a lit desk globe (W's plasma globe); among
foreign pictures a torii gate (trousers on the clothing sets), a bird cage, an igloo, a slot machine or a sewing
machine (a dress or a bag), a periodic table or a ludo board (K's crosswords), a Newton's cradle (Z's swing set), a
raked Zen garden (H's contours), a typewriter (M's piano, W's keyboard), a Braille page (G's text page), a boxing
ring or a golf hole (R's pitch); among label noise attention checks whose answer carried over to the next picture
(in its statistics E's uniform flips), an active-learning batch's answers shuffled (U's shifted rows), look-alike
pairs' labels swapped (H's nearest look-alike), an A/B test's reordered class buttons (B's map), hard negatives
(F's confusable classes: AC's are the easiest ones).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the
  240 px set's four copies get both kinds): a television's remote control lying on the print (48-62% of the side
  long, at least 12 px, 22-27% of that wide, its corners rounded by 30% of the width, black, dark grey, silver or
  white plastic with a sheen along one side at 30%, a red power button near its top end, a direction pad, a ring of
  30% and 14% of the width with its middle button, a row of four colour keys, red, green, yellow and blue, and a
  grid of 3 x 4 round number keys, 3 x 2 below 48 px, of 8% of the width, grey on the dark remotes and dark grey on
  the light ones; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a 35 mm film cassette
  lying on the print seen from the side (34-44% of the side long, at least 9 px, 60% of that high, a yellow, green,
  red, blue or black label with a white band and, from 48 px, three dark lines of print on it, shaded as a cylinder,
  a highlight at 35% along its upper third and its lower edge 30% darker, grey end caps 7% of the length wide and 4%
  higher, the dark spool knob beyond one; the film's leader out of the felt lip along its lower side, 72% of the
  length wide and 35-55% of it out, its last third cut to half width, orange-brown at 85%, from 48 px with sprocket
  holes along its edges showing the print; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a
  plastic toy dinosaur lying on its side on the print, a long-necked sauropod seen side on (55-70% of the side from
  nose to tail, at least 13 px, a body an ellipse of 26% x 13% of the length, a neck rising forwards to a small
  head, a tail tapering back and down, four pillar legs 6% of the length thick, the far pair 15% darker, in green,
  orange, blue, grey or purple plastic, a paler belly, a darker ridge along the back and an eye; facing either way,
  at any angle, 30-70% of the way across and down, a soft shadow at 40%), a referee's whistle lying on the print with
  its lanyard (32-42% of the side long, at least 9 px, a round chamber of radius 24% of the length, a mouthpiece 22%
  of it high narrowing to 18% at its rounded end, the sound window a dark slot on top, a split ring of 9% and 6% at
  the back and a cord 3.5% of the length thick running from it across the print, bowed, 0.8-1.4 lengths long;
  chrome, black, orange or red with a sheen at 40%, the cord red, black, blue, yellow or orange; at any angle, 30-70%
  of the way across and down, a soft shadow at 40%) and a bottle of nail polish lying on its side on the print
  (38-50% of the side long, at least 10 px, a glass body 55% of the length long and 40% of it high, its corners
  rounded, a clear rim round the lacquer and a thick clear base, the lacquer red, pink, coral, plum, teal, nude, navy
  or silver with a highlight at 45%, a neck ring and a cap 43% of the length long and 20% high, black, white or gold,
  with a sheen at 35%; at any angle, 30-70% of the way across and down, a soft shadow at 40%); of the whole picture:
  snow falling in front of the print, photographed out of doors in daylight (30-45 flakes below 48 px, 160-320 above,
  anywhere, of radius 0.6-3.5% of the side drawn log-uniformly, at least 0.45 px, all drawn out along one fall
  direction within 25 degrees of the vertical by 0.6-1.6 radii, the larger ones, nearer the lens, out of focus,
  softened by up to 60% of their radius, and fainter, from 95% of white for the smallest to 45% for the largest, in a
  snowy white, 244 / 246 / 252, their undersides shaded towards 170 / 176 / 188 at up to 30%, the air's veil lifting
  the picture 3-6% of the way to white: Q's snow fell at night on a darkened picture, shot with the flash), the print
  on a desk in the evening lit by a warm desk lamp from one side and by a window's cool light from the other (the
  lamp 75% of the side from the middle in a random direction, off the frame, its pool falling off as ``1 / (1 + (d /
  d0) ** 2)`` with the distance ``d`` from it, ``d0`` 45-70% of the side, cut off by its shade, a soft edge 8-14% of
  the side wide 85-110% of the side from the lamp, at a peak gain of 0.75-1.0 in a tungsten colour, 1.0 / 0.78-0.84 /
  0.52-0.6; the window's light 0.45-0.6 on the far side falling by 30-45% across towards the lamp, in a blue
  daylight, 0.78-0.84 / 0.9-0.94 / 1.04-1.1; the two summed) and the poster photographed through the weathered
  polycarbonate panel of a bus shelter (the plastic yellowed, blue 78-86% and green 93-97% of red let through, and
  hazed 10-16% of the way to a dusty 222 / 214 / 192; its surface covered in the cleaners' swirl marks, fine arcs
  round 2-4 centres in or near the frame, 90-160 below 48 px, 300-600 above, each 10-30% of a turn of a circle of
  radius 4-60% of the side, the product of two uniform draws so that they crowd towards their centre, 0.35% of the
  side wide, at least 0.35 px, white at 15%, 21% or 27%);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture copied in watercolour, painted wet-in-wet (each channel's pigment, how far it lies
  below a warm paper white, 248 / 244 / 234, spread in the wet paper by a Gaussian of 3-4.5% of the side, at least
  1.2 px; pigment carried to the drying edge of every wash, the part of the spread pigment above its own mean over a
  Gaussian of twice that, added at 60-100%; 1-3 blooms where water was dropped into a drying wash, discs of radius
  6-11% of the side anywhere, their pigment pushed out to a dark rim, 35-50% less inside and 30% more in a ring 15% of
  the radius wide; the pigment settling in the paper's tooth, a smooth random field of 2% of the side, at least 1 px,
  by 4-7%) and the print photographed through the PVC strip curtain of a doorway (vertical strips 20-30% of the side
  wide, at least 5 px, overlapping by 12-20% of their width, from a random offset, hanging in a random order; each a
  hazy, scuffed sheet a little way in front of the print, showing it softened by a Gaussian of 2.5-4% of the side, at
  least 1 px, its own within 20%, moved sideways by up to 1.5% of the side and bent, the shift changing by up to 2% of
  the side across the strip, let through at 88-94% in the plastic's green-grey, 0.92 / 0.98 / 0.96, under a haze of
  10-18% of 200 / 210 / 206; each strip's edges a light line 0.6% of the side wide, at least 0.5 px, at 20-35% with a
  dark one beside it at 20%, both softened by a Gaussian of 1% of the side, at least 0.5 px, the camera focused on the
  print: not ribs that are lenses, as L's reeded glass); each as a camera metering on the
  highlights exposes it (as Y's to AB's);
* ``dark`` (2%): a flat-field correction made with the wrong flat frame, in linear light (the picture's levels to the
  power 2.2 and back, divided by a flat taken 3.8-5 stops brighter, 14-32 times, and not normalised: dark, but
  brighter towards the corners, where the flat's own vignetting, 25-40% at the corners round a point within 8% of the
  side of the middle, is divided out, and in 2-3 rings below 48 px, 3-6 above, where the flat's out-of-focus dust
  donuts, rings of radius 3-7% of the side, at least 1.5 px, 35% of that wide, 12-22% darker in the flat round a
  middle half as dark, come out light; noise sigma 1.2 levels), the print on a wall at night beside a lit vending
  machine, its edge in the picture (at the left or right edge, 7-12% of the side of it showing, from the bottom edge
  up to 6-18% down, its lit window over the upper 62%, rows of bottles and cans, 3 below 48 px, 5-6 above, coloured
  rectangles on a white-lit back at 150-210 levels with dark shelf lines, a red, blue or green brand panel over it,
  the lower part dark grey, 30-45 levels, a glow round the window of sigma 4-6% of the side, up to 15-30 levels; the
  picture lit at a gain of 0.03-0.05 plus 0.15-0.25 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance
  ``d`` from the window, ``d0`` 25-40% of the side, in the cool white of its lamps, 0.85 / 0.95 / 1.05; noise sigma
  1.2 levels) and a porch at night lit only by an electric insect killer hanging in the picture (a box 18-24% of the
  side wide below 48 px, 14-20% above, 1.2-1.5 times that high, its top 3-14% down and its middle 20-80% across, on a
  chain from the top edge, dark grey caps, 40-55 levels, and a grille of 12-18 dark bars before two ultraviolet tubes
  glowing violet-blue, 150-210 levels of 0.62 / 0.5 / 1.0, a violet glow round it of sigma 6-10% of the side, up to
  25-40 levels; the picture lit at a gain of 0.025-0.045 plus 0.15-0.25 falling off as ``1 / (1 + (d / d0) ** 2)``
  from the box's middle, ``d0`` 22-35% of the side, in its violet, 0.7 / 0.55 / 1.0, not fluorescing, as under M's
  blacklight; noise sigma 1.2 levels); none of them blurs the picture;
* ``outlier`` (1.5%): theatre stages seen from the stalls (a dark wall, the proscenium opening from 10-16% to 84-90%
  across and 14-20% to 78-84% down in a gilded frame 4-6% of the side wide, the curtains drawn aside, each 22-30% of
  the opening's width and tied back to 35% of that at 55-65% of its height, their folds 3 a side below 48 px, 5-7
  above, a valance of 3-5 swags 14-18% of the opening deep with a fringe, the stage floor from 70-76% down with its
  boards converging on a point above the stage, a pool of light, a row of 6-12 footlights and a backdrop), gramophones
  seen from the side (a cabinet 34-44% of the side wide and 16-22% high on the floor 80-88% of the way down, its base
  moulding darker, a winding crank, a record on the turntable seen nearly edge on, 28-36% wide, the tone arm from a
  post at the back corner to the record carrying the throat of a flared horn that climbs up and forwards to a mouth
  of radius 17-23% of the side, its middle 22-34% down, seen obliquely as an ellipse dark inside, with 6-10 petal
  seams; facing either way) and elephants seen from the side (the ground from 82-90% of the way down, a body, an
  ellipse of semi-axes 24-28% and 16-19% of the side, on four pillar legs 7-8% of the side thick, the far pair darker,
  a head of radius 11-13% at the front with a large ear over it, a trunk tapering from 5% to 2.5% of the side curving
  down to near the ground, a tusk, an eye and a tufted tail; facing either way); the digit and clothing sets get them
  in their own tones on their dark ground, the photographs as red, blue or green velvet curtains in a gilded frame
  before a black, sky-blue or dusky backdrop over a wooden stage, a brass, green or red horn over a wooden cabinet on
  a floor before a light, grey or buff wall, and a grey elephant with a white tusk on dry grass, green or grey ground
  under a blue, dusk or overcast sky;
* ``label`` (5%): *easy-negative* flips: a data-preparation script that made (picture, negative class) pairs for a
  contrastive model, each picture's negative its easiest one, the class whose mean 8 x 8 grey thumbnail
  (standardised) over the whole set is farthest from the picture's own thumbnail by squared distance, wrote the
  negative into the label column for the rows of the shards it processed after a column was inserted: the eligible
  rows in the order the files were added to the set (a random one), in shards of 40-80 rows, from a random shard
  on, until the flips needed are made (the last shard cut short): noise into the classes least like each picture
  (not towards look-alikes, as F's, H's, T's, V's, W's or AB's; not a random class, as E's; not by frequency, as
  G's or J's). Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AC's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
223), MNIST (2,000, seed 224), and the evaluation photographs tiled at 48 px (24 tiles a photograph at most, seed
225: 405) and at 240 px (every tile, seed 226: 118, the photographs with 2-34 tiles each), sizes no other set uses.
``photos48_ac_jpeg`` is written as JPEG files, each at a quality drawn from 62-84 (a stream of its own, seed
``295_000 + random_state``), every edit, blur and darkening made before the encoding, near copies made from the
decoded JPEG and saved again at their own quality, exact copies byte copies of the file; the other sets are PNG
files. Planting draws from seed ``290_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`,
as for J to AB).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_h import _drawn, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _pixels, _resample
from _heldout_v import _field, _metered
from _heldout_x import _canvas, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AC = ("fashion_test_ac", "mnist_ac", "photos48_ac_jpeg", "photos240_ac")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AC = {
    "fashion_test_ac": ("fashion_test", 223),
    "mnist_ac": ("mnist", 224),
    "photos48_ac_jpeg": ("photos", 225, 48, 8, 24),
    "photos240_ac": ("photos", 226, 240, 8, 1000),
}
JPEG_QUALITY = (62, 85)  # the JPEG set's qualities: integers in [low, high)
RATES_AC = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (4 copies) gets both kinds
NEAR_EDITS_AC = ("tv_remote", "snowfall", "film_cassette", "lamp_and_window", "toy_dinosaur", "shelter_panel",
                 "whistle", "nail_polish")
BLURS_AC = ("watercolour", "strip_curtain")
DARKS_AC = ("wrong_flat", "vending_machine", "bug_zapper")
OUTLIERS_AC = ("theatre_stage", "gramophone", "elephant")
SHARD = (40, 81)  # the label script's shards of rows: integers in [low, high) (label noise)


def load_base_ac(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AC, "AC")


def _rrect(x0: float, y0: float, x1: float, y1: float, r: float, n: int = 6) -> list[tuple[float, float]]:
    """A rectangle with corners rounded by ``r`` (``n`` points a corner)."""
    r = max(0.0, min(r, (x1 - x0) / 2, (y1 - y0) / 2))
    pts = []
    for cx, cy, a0 in ((x1 - r, y0 + r, -np.pi / 2), (x1 - r, y1 - r, 0.0), (x0 + r, y1 - r, np.pi / 2),
                       (x0 + r, y0 + r, np.pi)):
        for t in np.linspace(a0, a0 + np.pi / 2, n):
            pts.append((float(cx + r * np.cos(t)), float(cy + r * np.sin(t))))
    return pts


def _tube(pts, half) -> list[tuple[float, float]]:
    """The outline of a tube along the polyline ``pts`` with half-widths ``half`` (one a point)."""
    p = np.asarray(pts, np.float64)
    d = np.gradient(p, axis=0)
    d /= np.linalg.norm(d, axis=1, keepdims=True) + 1e-12
    nrm = np.stack([-d[:, 1], d[:, 0]], axis=1) * np.asarray(half, np.float64)[:, None]
    left, right = p + nrm, p - nrm
    return [tuple(map(float, q)) for q in np.concatenate([left, right[::-1]])]


def _curve(p0, p1, bow: float, n: int = 24) -> np.ndarray:
    """``n`` points on a quadratic curve from ``p0`` to ``p1`` bowed sideways by ``bow`` at its middle."""
    p0, p1 = np.asarray(p0, np.float64), np.asarray(p1, np.float64)
    d = p1 - p0
    nrm = np.array([-d[1], d[0]]) / (np.linalg.norm(d) + 1e-12)
    c = (p0 + p1) / 2 + 2 * bow * nrm
    t = np.linspace(0, 1, n)[:, None]
    return (1 - t) ** 2 * p0 + 2 * t * (1 - t) * c + t ** 2 * p1


# -- near copies -----------------------------------------------------------------------------
REMOTES = ((28, 28, 32), (70, 72, 78), (184, 186, 192), (232, 232, 226))


def _tv_remote(f: np.ndarray, rng) -> np.ndarray:
    """A television's remote control lying on the print: a body 48-62% of the side long, at least 12 px, and
    22-27% of that wide, its corners rounded by 30% of the width, black, dark grey, silver or white plastic with a
    sheen along one side at 30%; a red power button near its top end, a direction pad (a ring of 30% and 14% of the
    width, with its middle button) below it, a row of four colour keys (red, green, yellow, blue) and a grid of
    3 x 4 round number keys (3 x 2 below 48 px) of 8% of the width, in grey on the dark remotes and dark grey on
    the light ones; at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.48, 0.62))
    W = L * rng.uniform(0.22, 0.27)
    k = int(rng.integers(len(REMOTES)))
    col = np.asarray(REMOTES[k], np.float32)
    keys = (150, 150, 156) if k < 2 else (60, 60, 66)
    fr = _frame_at(h, w, rng)
    body = fr.fill([_rrect(-L / 2, -W / 2, L / 2, W / 2, 0.3 * W)])
    sheen = fr.fill([_rect(-0.45 * L, -0.4 * W, 0.45 * L, -0.25 * W)]) * body
    rb = 0.08 * W
    grid = []
    for i in range(4 if side >= 48 else 2):
        for j in (-1, 0, 1):
            grid.append(_ellipse(-0.38 * L + i * 0.09 * L, j * 0.27 * W, rb, rb, 0.0, 10))
    colours = [(fr.fill([_ellipse(0.0, (j - 1.5) * 0.2 * W, 0.05 * W + 0.02 * L, 0.06 * W, 0.0, 10)]), c)
               for j, c in enumerate(((210, 40, 40), (40, 170, 60), (240, 210, 40), (40, 90, 210)))]
    parts = [(body, col, 1.0, True), (sheen, col * 0.5 + 127, 0.3, False),
             (fr.fill(grid), keys, 1.0, False),
             (fr.fill([_ellipse(0.18 * L, 0.0, 0.3 * W, 0.3 * W, 0.0, 24)],
                      holes=[_ellipse(0.18 * L, 0.0, 0.14 * W, 0.14 * W, 0.0, 16)]), keys, 1.0, False),
             (fr.fill([_ellipse(0.18 * L, 0.0, 0.1 * W, 0.1 * W, 0.0, 12)]), keys, 1.0, False),
             (fr.fill([_ellipse(0.41 * L, 0.0, 0.11 * W, 0.11 * W, 0.0, 12)]), (214, 36, 36), 1.0, False)]
    parts += [(m, c, 1.0, False) for m, c in colours]
    return _u8(_laid(f, parts, 0.4))


LABELS = ((242, 190, 30), (40, 150, 70), (200, 40, 40), (40, 80, 170), (30, 30, 34))


def _film_cassette(f: np.ndarray, rng) -> np.ndarray:
    """A 35 mm film cassette lying on the print, seen from the side: a body 34-44% of the side long, at least 9 px,
    and 60% of that high, in a yellow, green, red, blue or black label with a white band across it and, from 48 px,
    three dark lines of print on the band, shaded as a cylinder (a highlight at 35% along its upper third, its
    lower edge 30% darker), a grey end cap 7% of the length wide and 4% higher at each end and the dark spool knob
    beyond one; the film's leader coming out of the felt lip along its lower side, 72% of the length wide and
    35-55% of it out, its last third cut to half width, in the orange-brown film base at 85% and, from 48 px, with
    sprocket holes along both edges showing the print; at any angle, its middle 30-70% of the way across and down,
    a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.34, 0.44))
    H = 0.6 * L
    col = _pick(LABELS, rng)
    fr = _frame_at(h, w, rng)
    lw = 0.72 * L
    out = L * rng.uniform(0.35, 0.55)
    x0 = -0.36 * L
    leader = [(x0, H / 2), (x0 + lw, H / 2), (x0 + lw, H / 2 + 0.62 * out), (x0 + lw / 2, H / 2 + 0.66 * out),
              (x0 + lw / 2, H / 2 + out), (x0, H / 2 + out)]
    holes = []
    if side >= 48:  # sprocket holes along both edges of the film, along one where the leader is cut to half
        pitch = 0.075 * L
        for y in np.arange(H / 2 + 0.1 * out, H / 2 + 0.95 * out, pitch):
            for e in ((x0 + 0.07 * lw, x0 + 0.93 * lw) if y < H / 2 + 0.6 * out else (x0 + 0.07 * lw,)):
                holes.append(_rect(e - 0.022 * L, y - 0.03 * L, e + 0.022 * L, y + 0.03 * L))
    film = fr.fill([leader], holes=holes)
    body = fr.fill([_rect(-L / 2 + 0.07 * L, -H / 2, L / 2 - 0.07 * L, H / 2)])
    band = fr.fill([_rect(-0.15 * L, -H / 2, 0.05 * L, H / 2)])
    caps = fr.fill([_rect(-L / 2, -0.52 * H, -L / 2 + 0.07 * L, 0.52 * H),
                    _rect(L / 2 - 0.07 * L, -0.52 * H, L / 2, 0.52 * H)])
    knob = fr.fill([_rect(L / 2, -0.16 * H, L / 2 + 0.06 * L, 0.16 * H)])
    shade = fr.fill([_rect(-L / 2, 0.3 * H, L / 2, H / 2)])
    glint = fr.fill([_rect(-L / 2, -0.3 * H, L / 2, -0.18 * H)])
    parts = [(film, (178, 98, 42), 0.85, True), (body, col, 1.0, True), (band, (240, 238, 230), 1.0, False)]
    if side >= 48:
        parts.append((fr.line([[(x, -0.3 * H), (x, 0.3 * H)] for x in (-0.11 * L, -0.05 * L, 0.01 * L)],
                              max(0.4, 0.02 * L)), (40, 40, 44), 0.9, False))
    parts += [(caps, (150, 150, 156), 1.0, True), (knob, (40, 40, 44), 1.0, True),
              (shade * np.maximum(body, caps), (0, 0, 0), 0.3, False),
              (glint * np.maximum(body, caps), (255, 255, 255), 0.35, False),
              (fr.line([[(x0, H / 2), (x0 + lw, H / 2)]], max(0.4, 0.04 * H)), (20, 20, 22), 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


DINOSAURS = ((70, 150, 60), (220, 120, 40), (60, 110, 190), (130, 130, 130), (130, 80, 160))


def _toy_dinosaur(f: np.ndarray, rng) -> np.ndarray:
    """A plastic toy dinosaur lying on its side on the print, a long-necked sauropod seen side on: 55-70% of the
    side from its nose to the tip of its tail, at least 13 px; a body, an ellipse of 26% x 13% of the length, a neck
    rising forwards to a small head, a tail tapering back and down, four pillar legs 6% of the length thick, the far
    pair 15% darker, in green, orange, blue, grey or purple plastic, a paler belly, a darker ridge along the back
    and an eye; facing either way, at any angle, its middle 30-70% of the way across and down, a soft shadow at
    40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.55, 0.7))
    col = _pick(DINOSAURS, rng)
    s = rng.choice([-1.0, 1.0])
    fr = _frame_at(h, w, rng)
    X = lambda pts: [(s * x, y) for x, y in pts]  # noqa: E731
    neck = _curve((0.16 * L, -0.04 * L), (0.4 * L, -0.3 * L), -0.03 * L, 16)
    tail = _curve((-0.18 * L, 0.0), (-0.5 * L, 0.08 * L), 0.03 * L, 16)
    legs_far = [_rect(x - 0.03 * L, 0.04 * L, x + 0.03 * L, 0.24 * L) for x in (-0.1 * L, 0.19 * L)]
    legs_near = [_rect(x - 0.03 * L, 0.05 * L, x + 0.03 * L, 0.26 * L) for x in (-0.15 * L, 0.13 * L)]
    ridge = _curve((-0.3 * L, -0.06 * L), (0.2 * L, -0.1 * L), -0.04 * L, 16)
    hx, hy = 0.42 * L, -0.32 * L
    parts = [(fr.fill([X(p) for p in legs_far]), col * 0.85, 1.0, True),
             (fr.fill([X(_tube(tail, np.linspace(0.06 * L, 0.008 * L, 16)))]), col, 1.0, True),
             (fr.fill([X(_tube(neck, np.linspace(0.055 * L, 0.035 * L, 16)))]), col, 1.0, True),
             (fr.fill([X(_ellipse(hx, hy, 0.065 * L, 0.04 * L, -0.3, 14))]), col, 1.0, True),
             (fr.fill([X(_ellipse(0.0, 0.0, 0.26 * L, 0.13 * L, 0.0, 28))]), col, 1.0, True),
             (fr.fill([X(_ellipse(0.0, 0.07 * L, 0.2 * L, 0.05 * L, 0.0, 20))]), col * 0.5 + 110, 0.6, False),
             (fr.fill([X(p) for p in legs_near]), col, 1.0, True),
             (fr.line([X(ridge)], max(0.4, 0.015 * L)), col * 0.7, 0.8, False),
             (fr.fill([X(_ellipse(hx + 0.025 * L, hy - 0.01 * L, 0.009 * L, 0.009 * L, 0.0, 8))]), (20, 20, 20),
              1.0, False)]
    return _u8(_laid(f, parts, 0.4))


WHISTLES = ((205, 205, 210), (30, 30, 32), (240, 120, 30), (210, 40, 40))
CORDS = ((200, 30, 40), (30, 30, 34), (40, 70, 170), (240, 230, 40), (240, 120, 30))


def _whistle(f: np.ndarray, rng) -> np.ndarray:
    """A referee's whistle lying on the print with its lanyard: 32-42% of the side long, at least 9 px: a round
    chamber of radius 24% of the length at its back, a mouthpiece 22% of the length high narrowing to 18% at its
    rounded end, the sound window a dark slot on top next to the chamber, a split ring of 9% and 6% at the back and
    a cord 3.5% of the length thick running from it out across the print, bowed, 0.8-1.4 lengths long; chrome,
    black, orange or red, a sheen at 40% along the mouthpiece, the cord red, black, blue, yellow or orange; at any
    angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.32, 0.42))
    col, cord = _pick(WHISTLES, rng), _pick(CORDS, rng)
    fr = _frame_at(h, w, rng)
    mouth = [(-0.05 * L, -0.11 * L), (0.44 * L, -0.09 * L)] + \
            [(0.44 * L + 0.09 * L * np.cos(t), 0.09 * L * np.sin(t)) for t in np.linspace(-np.pi / 2, np.pi / 2, 8)] + \
            [(0.44 * L, 0.09 * L), (-0.05 * L, 0.11 * L)]
    n = float(rng.uniform(0.8, 1.4))
    a = rng.uniform(-1.2, 1.2)
    c0 = (-0.46 * L, 0.0)
    c1 = (c0[0] - n * L * np.cos(a), c0[1] - n * L * np.sin(a))
    path = _curve(c0, c1, rng.uniform(-0.25, 0.25) * n * L, 20)
    parts = [(fr.line([path], max(0.5, 0.035 * L)), cord, 1.0, True),
             (fr.fill([_ellipse(-0.46 * L, 0.0, 0.09 * L, 0.09 * L, 0.0, 16)],
                      holes=[_ellipse(-0.46 * L, 0.0, 0.06 * L, 0.06 * L, 0.0, 12)]), (170, 170, 176), 1.0, True),
             (fr.fill([_ellipse(-0.2 * L, 0.0, 0.24 * L, 0.24 * L, 0.0, 28), mouth]), col, 1.0, True),
             (fr.fill([_rect(0.0, -0.1 * L, 0.34 * L, -0.05 * L)]), (255, 255, 255), 0.4, False),
             (fr.fill([_rect(-0.02 * L, -0.06 * L, 0.1 * L, 0.06 * L)]), (12, 12, 14), 0.9, False)]
    return _u8(_laid(f, parts, 0.4))


LACQUERS = ((200, 20, 40), (240, 120, 160), (240, 110, 80), (110, 30, 70), (20, 130, 130), (210, 170, 150),
            (30, 40, 100), (190, 190, 200))
CAPS = ((20, 20, 22), (236, 236, 232), (200, 160, 70))


def _nail_polish(f: np.ndarray, rng) -> np.ndarray:
    """A bottle of nail polish lying on its side on the print: 38-50% of the side long, at least 10 px; a glass
    body 55% of the length long and 40% of it high, its corners rounded, a clear rim 3% of the length thick round
    the lacquer and a thick clear base 6% of it, the lacquer red, pink, coral, plum, teal, nude, navy or silver, a
    highlight along it at 45%; a neck ring and a tall cap 45% of the length long and 20% high, black, white or gold,
    with a sheen at 35%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.38, 0.5))
    lac, cap = _pick(LACQUERS, rng), _pick(CAPS, rng)
    fr = _frame_at(h, w, rng)
    glass = fr.fill([_rrect(-0.5 * L, -0.2 * L, 0.05 * L, 0.2 * L, 0.06 * L)])
    lacquer = fr.fill([_rrect(-0.44 * L, -0.17 * L, 0.02 * L, 0.17 * L, 0.04 * L)])
    parts = [(glass, (226, 232, 234), 0.55, True), (lacquer, lac, 1.0, False),
             (fr.fill([_rect(-0.4 * L, -0.13 * L, 0.0, -0.09 * L)]), (255, 255, 255), 0.45, False),
             (fr.fill([_rect(0.03 * L, -0.13 * L, 0.08 * L, 0.13 * L)]), cap * 0.85, 1.0, True),
             (fr.fill([_rrect(0.07 * L, -0.1 * L, 0.5 * L, 0.1 * L, 0.02 * L)]), cap, 1.0, True),
             (fr.fill([_rect(0.1 * L, -0.07 * L, 0.47 * L, -0.035 * L)]), (255, 255, 255), 0.35, False)]
    return _u8(_laid(f, parts, 0.4))


def _snowfall(f: np.ndarray, rng) -> np.ndarray:
    """Snow falling in front of the print, photographed out of doors in daylight: 30-45 flakes below 48 px,
    160-320 above, anywhere, of radius 0.6-3.5% of the side drawn log-uniformly (at least 0.45 px), all drawn out
    along one fall direction within 25 degrees of the vertical by 0.6-1.6 radii, the larger ones, nearer the lens,
    out of focus (softened by up to 60% of their radius) and fainter (95% of white for the smallest to 45% for the
    largest), in a snowy white, 244 / 246 / 252, their undersides shaded towards 170 / 176 / 188 at up to 30%;
    the air's veil lifting the picture 3-6% of the way to white."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(30, 46)) if side < 48 else int(rng.integers(160, 321))
    r = np.exp(rng.uniform(np.log(0.006), np.log(0.035), n)) * side
    q = (np.log(r / side) - np.log(0.006)) / (np.log(0.035) - np.log(0.006))  # 0 smallest .. 1 largest
    r = np.maximum(r, 0.45)
    fall = np.pi / 2 + rng.uniform(-0.44, 0.44)
    yy = _pixels(h, w)[0]
    out = f + rng.uniform(0.03, 0.06) * (250 - f)
    for band in (q < 0.5, q >= 0.5):
        idx = np.flatnonzero(band)
        if not len(idx):
            continue
        m = np.zeros((h, w), np.float32)
        under = np.zeros((h, w), np.float32)
        for i in idx:
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            e = r[i] * rng.uniform(0.6, 1.6)
            flake = _drawn((h, w), lambda d, k, x=x, y=y, i=i, e=e: d.polygon(
                [((x + px) * k, (y + py) * k) for px, py in _ellipse(0.0, 0.0, r[i] + e / 2, r[i], fall, 16)],
                fill=255))
            soft = 0.6 * r[i] * q[i]
            if soft > 0.3:
                flake = gaussian_filter(flake, soft)
                flake = flake / max(float(flake.max()), 1e-6)
            a = flake * (0.95 - 0.5 * q[i])
            m = np.maximum(m, a)
            under = np.maximum(under, a * np.clip((yy - y) / r[i], 0, 1))
        out = _paint(_paint(out, m, (244, 246, 252)), 0.3 * under, (170, 176, 188))
    return _u8(out)


def _lamp_and_window(f: np.ndarray, rng) -> np.ndarray:
    """The print photographed on a desk in the evening, lit by a warm desk lamp from one side and by the cool light
    of a window from the other: the lamp off the frame's edge on a random side, its pool of light falling off as
    ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from it, ``d0`` 45-70% of the side, and cut off by its
    shade, a soft edge 8-14% of the side wide 85-110% of the side from the lamp, at a gain of 0.75-1.0 in a
    tungsten colour, 1.0 / 0.78-0.84 / 0.52-0.6; the window's light from the opposite side, 0.45-0.6 there falling
    by 30-45% across, in a blue daylight, 0.78-0.84 / 0.9-0.94 / 1.04-1.1; the two summed, so that the lamp's side
    comes out warm and bright and the far side cool and dimmer."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    ang = rng.uniform(0, 2 * np.pi)
    ux, uy = np.cos(ang), np.sin(ang)
    lx, ly = w / 2 + 0.75 * side * ux, h / 2 + 0.75 * side * uy  # the lamp, off the frame on that side
    d = np.hypot(xx - lx, yy - ly)
    pool = 1 / (1 + (d / (side * rng.uniform(0.45, 0.7))) ** 2)
    cut = 1 / (1 + np.exp((d - side * rng.uniform(0.85, 1.1)) / (side * rng.uniform(0.08, 0.14) / 4)))
    lamp = rng.uniform(0.75, 1.0) * pool * cut / max(float((pool * cut).max()), 1e-6)
    t = ((xx - w / 2) * ux + (yy - h / 2) * uy) / side + 0.5  # 1 on the lamp's side, 0 on the window's
    window = rng.uniform(0.45, 0.6) * (1 - rng.uniform(0.3, 0.45) * np.clip(t, 0, 1))
    warm = np.array([1.0, rng.uniform(0.78, 0.84), rng.uniform(0.52, 0.6)], np.float32)
    cool = np.array([rng.uniform(0.78, 0.84), rng.uniform(0.9, 0.94), rng.uniform(1.04, 1.1)], np.float32)
    light = lamp[..., None] * warm + window[..., None] * cool
    return _u8(f * light)


def _shelter_panel(f: np.ndarray, rng) -> np.ndarray:
    """The poster photographed through the weathered polycarbonate panel of a bus shelter: the plastic yellowed
    (blue 78-86% and green 93-97% of red let through) and hazed, 10-16% of the way to a dusty 222 / 214 / 192,
    and its surface covered in the cleaners' swirl marks, fine arcs round 2-4 centres anywhere in or near the
    frame, 90-160 of them below 48 px, 300-600 above, each 10-30% of a turn of a circle of radius 4-60% of the
    side (the product of two uniform draws, so that they crowd towards their centre), 0.35% of the side wide, at
    least 0.35 px, catching the light, white at 15%, 21% or 27%."""
    h, w = f.shape[:2]
    side = min(h, w)
    out = f * np.array([1.0, rng.uniform(0.93, 0.97), rng.uniform(0.78, 0.86)], np.float32)
    out = _paint(out, np.full((h, w), rng.uniform(0.1, 0.16), np.float32), (222, 214, 192))
    n = int(rng.integers(90, 161)) if side < 48 else int(rng.integers(300, 601))
    centres = [(w * rng.uniform(-0.2, 1.2), h * rng.uniform(-0.2, 1.2)) for _ in range(int(rng.integers(2, 5)))]
    arcs = []
    for _ in range(n):
        cx, cy = centres[int(rng.integers(len(centres)))]
        R = side * rng.uniform(0.1, 0.6) * rng.uniform(0.4, 1.0)
        a0 = rng.uniform(0, 2 * np.pi)
        t = np.linspace(a0, a0 + 2 * np.pi * rng.uniform(0.1, 0.3), 12)
        arcs.append((cx + R * np.cos(t), cy + R * np.sin(t), rng.uniform(0.12, 0.3)))
    lw = max(0.35, side * 0.0035)
    m = np.zeros((h, w), np.float32)
    for k in range(3):  # the arcs in three strengths, 15%, 21% and 27%
        sel = [a for a in arcs if min(2, int((a[2] - 0.12) / 0.06)) == k]
        if sel:
            mk = _drawn((h, w), lambda d, s, sel=sel: [d.line([(x * s, y * s) for x, y in zip(ax, ay)], fill=255,
                                                              width=max(1, round(lw * s))) for ax, ay, _ in sel])
            m = np.maximum(m, mk * (0.15 + 0.06 * k))
    return _u8(_paint(out, m, (255, 255, 255)))


def near_edit_ac(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "tv_remote":  # a television's remote control lying on the print
        return _tv_remote(f, rng)
    if kind == "film_cassette":  # a 35 mm film cassette lying on the print
        return _film_cassette(f, rng)
    if kind == "toy_dinosaur":  # a plastic toy dinosaur lying on its side on the print
        return _toy_dinosaur(f, rng)
    if kind == "whistle":  # a referee's whistle and its lanyard lying on the print
        return _whistle(f, rng)
    if kind == "nail_polish":  # a bottle of nail polish lying on the print
        return _nail_polish(f, rng)
    if kind == "snowfall":  # snow falling in front of the print, in daylight
        return _snowfall(f, rng)
    if kind == "lamp_and_window":  # lit by a warm desk lamp from one side and a cool window from the other
        return _lamp_and_window(f, rng)
    if kind == "shelter_panel":  # behind a bus shelter's yellowed, swirl-marked polycarbonate panel
        return _shelter_panel(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _watercolour(f: np.ndarray, rng) -> np.ndarray:
    """The picture copied in watercolour, painted wet-in-wet: each channel's pigment, how far it is below a warm
    paper white (248 / 244 / 234), spread in the wet paper by a Gaussian of 3-4.5% of the side, at least 1.2 px;
    pigment carried to the drying edge of every wash (the part of the spread pigment above its own mean over a
    Gaussian of twice that, added at 60-100%); 1-3 blooms where water was dropped into a drying wash (discs of
    radius 6-11% of the side, anywhere, their pigment pushed out to a dark rim: 35-50% less inside, 30% more in a
    ring 15% of the radius wide); the pigment settling in the paper's tooth (a smooth random field of 2% of the
    side, at least 1 px, by 4-7%); as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    paper = np.array([248, 244, 234], np.float32)
    c = np.clip(paper - f, 0, None)
    s = max(1.2, side * rng.uniform(0.03, 0.045))
    c = gaussian_filter(c, (s, s, 0), mode="reflect")
    c = c + rng.uniform(0.6, 1.0) * np.clip(c - gaussian_filter(c, (2 * s, 2 * s, 0), mode="reflect"), 0, None)
    for _ in range(int(rng.integers(1, 4))):
        bx, by, br = w * rng.uniform(0.1, 0.9), h * rng.uniform(0.1, 0.9), side * rng.uniform(0.06, 0.11)
        r = np.hypot(xx - bx, yy - by) / br
        g = 1 - rng.uniform(0.35, 0.5) * np.clip(1.1 - r, 0, 1) ** 0.5 + 0.3 * np.exp(-((r - 1) / 0.15) ** 2)
        c = c * gaussian_filter(g, max(0.5, 0.1 * br))[..., None]
    c = c * (1 + rng.uniform(0.04, 0.07) * _field((h, w), max(1.0, side * 0.02), rng))[..., None]
    return _u8(_metered(np.clip(paper - c, 0, 255), f))


def _strip_curtain(f: np.ndarray, rng) -> np.ndarray:
    """The print photographed through the PVC strip curtain of a doorway: vertical strips 20-30% of the side wide,
    at least 5 px, overlapping by 12-20% of their width, from a random offset; each strip a hazy, scuffed sheet
    hanging a little way in front of the print, showing it softened by a Gaussian of 2.5-4% of the side, at least
    1 px (its own, within 20%), moved sideways by up to 1.5% of the side and bent, the shift changing by up to 2%
    of the side across the strip, let through at 88-94% in the plastic's green-grey, 0.92 / 0.98 / 0.96, under a
    haze of 10-18% of 200 / 210 / 206; where two strips overlap, both in turn; each strip's edges a light line 0.6%
    of the side wide, at least 0.5 px, at 20-35% with a dark one beside it at 20%, both a little out of focus (a
    Gaussian of 1% of the side, at least 0.5 px); as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    sw = max(5.0, side * rng.uniform(0.2, 0.3))
    step = sw * (1 - rng.uniform(0.12, 0.2))
    x0 = -rng.uniform(0, step)
    s0 = max(1.0, side * rng.uniform(0.025, 0.04))
    tint = np.array([0.92, 0.98, 0.96], np.float32)
    out = f.copy()
    edges = np.zeros((h, w), np.float32)
    darks = np.zeros((h, w), np.float32)
    lw = max(0.5, side * 0.006)
    strips = []
    x = x0
    while x < w:
        strips.append(x)
        x += step
    order = rng.permutation(len(strips))  # which strip hangs in front where two overlap
    for j in order:
        a = strips[j]
        inside = ((xx >= a) & (xx < a + sw)).astype(np.float32)
        if not inside.any():
            continue
        u = (xx - a) / sw
        dx = side * (rng.uniform(-0.015, 0.015) + rng.uniform(-0.02, 0.02) * (u - 0.5))
        seen = _resample(out, yy, xx + dx)
        s = s0 * rng.uniform(0.8, 1.2)
        seen = gaussian_filter(seen, (s, s, 0), mode="nearest") * rng.uniform(0.88, 0.94) * tint
        seen = _paint(seen, np.full((h, w), rng.uniform(0.1, 0.18), np.float32), (200, 210, 206))
        out = np.where(inside[..., None] > 0, seen, out)
        for e in (a, a + sw):
            edges = np.maximum(edges, np.clip(lw / 2 + 0.5 - np.abs(xx - e), 0, 1) * rng.uniform(0.2, 0.35))
            darks = np.maximum(darks, np.clip(lw / 2 + 0.5 - np.abs(xx - e - lw), 0, 1) * 0.2)
    soft = max(0.5, side * 0.01)  # the strips' edges a little out of focus: the camera focused on the print
    edges, darks = gaussian_filter(edges, soft), gaussian_filter(darks, soft)
    out = _paint(_paint(out, darks, (20, 24, 22)), edges, (250, 252, 250))
    return _u8(_metered(out, f))


def blur_ac(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "watercolour":  # copied in watercolour, wet-in-wet
        return _watercolour(f, rng)
    if kind == "strip_curtain":  # photographed through a doorway's PVC strip curtain
        return _strip_curtain(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _wrong_flat(f: np.ndarray, rng) -> np.ndarray:
    """A flat-field correction made with the wrong flat frame, in linear light (the picture's levels to the power
    2.2 and back): the picture divided by a flat taken 3.8-5 stops brighter (14-32 times) and not normalised, so
    that it comes out dark but brighter towards the corners, where the flat's own vignetting, 25-40% at the corners
    round a point within 8% of the side of the middle, is divided out, and in 2-3 rings below 48 px, 3-6 above,
    where the flat's out-of-focus dust donuts (rings of radius 3-7% of the side, at least 1.5 px, 35% of it wide,
    12-22% darker in the flat round a middle half as dark) come out light; noise sigma 1.2 levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    k = np.exp(rng.uniform(np.log(14), np.log(32)))
    cx, cy = w / 2 + side * rng.uniform(-0.08, 0.08), h / 2 + side * rng.uniform(-0.08, 0.08)
    r = np.hypot(xx - cx, yy - cy) / np.hypot(w / 2, h / 2)
    flat = 1 - rng.uniform(0.25, 0.4) * np.clip(r, 0, 1.3) ** 2
    for _ in range(int(rng.integers(2, 4)) if side < 48 else int(rng.integers(3, 7))):
        dx, dy = w * rng.uniform(0.05, 0.95), h * rng.uniform(0.05, 0.95)
        R = max(1.5, side * rng.uniform(0.03, 0.07))
        d = np.hypot(xx - dx, yy - dy)
        ring = np.exp(-((d - R) / (0.35 * R / 2)) ** 2) + 0.5 * (d < R)
        flat = flat * (1 - rng.uniform(0.12, 0.22) * np.clip(gaussian_filter(ring, max(0.3, 0.1 * R)), 0, 1))
    lin = (f / 255) ** 2.2 / (k * flat)[..., None]
    out = 255 * np.clip(lin, 0, 1) ** (1 / 2.2)
    return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))


def _vending_machine(f: np.ndarray, rng) -> np.ndarray:
    """The print on a wall at night beside a lit vending machine, the machine's edge in the picture: at the left
    or right edge, 7-12% of the side of it showing, from the bottom edge up to 6-18% down, its lit window over the
    upper 62% (rows of bottles and cans, 3 rows below 48 px, 5-6 above, each of coloured rectangles on a white-lit
    back at 150-210 levels, with dark shelf lines), a brand panel over it in red, blue or green, the lower part dark
    grey, 30-45 levels; a glow round the window of sigma 4-6% of the side, up to 15-30 levels; the picture lit at a
    gain of 0.03-0.05 plus 0.15-0.25 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the
    window, ``d0`` 25-40% of the side, in the cool white of its lamps, 0.85 / 0.95 / 1.05; noise sigma 1.2
    levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    vis = side * rng.uniform(0.07, 0.12)
    right = rng.random() < 0.5
    x0, x1 = (w - vis, w) if right else (0.0, vis)
    top = h * rng.uniform(0.06, 0.18)
    wb = top + (h - top) * 0.62
    win = ((xx >= x0) & (xx < x1) & (yy >= top + 0.06 * h) & (yy < wb)).astype(np.float32)
    d = np.hypot(np.clip(np.maximum(x0 - xx, xx - x1), 0, None),
                 np.clip(np.maximum(top - yy, yy - wb), 0, None))
    gain = rng.uniform(0.03, 0.05) + rng.uniform(0.15, 0.25) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = f * gain[..., None] * np.array([0.85, 0.95, 1.05], np.float32)
    out = out + gaussian_filter(win, max(0.8, side * rng.uniform(0.04, 0.06)))[..., None] * rng.uniform(15, 30)
    big = 4
    rows = 3 if side < 48 else int(rng.integers(5, 7))
    M = _canvas(("body", "brand", "back", "items", "shelves"), side * big)
    dr = {k: ImageDraw.Draw(v) for k, v in M.items()}
    X0, X1, T, WB = x0 * big, x1 * big, top * big, wb * big
    dr["body"].rectangle((X0, T, X1, h * big), fill=255)
    dr["brand"].rectangle((X0, T, X1, T + 0.06 * h * big), fill=255)
    dr["back"].rectangle((X0, T + 0.06 * h * big, X1, WB), fill=255)
    rh = (WB - T - 0.06 * h * big) / rows
    for i in range(rows):
        y1 = T + 0.06 * h * big + (i + 1) * rh
        dr["shelves"].rectangle((X0, y1 - 0.12 * rh, X1, y1), fill=255)
        x = X0 + 0.05 * (X1 - X0)
        while x < X1:
            iw = rh * rng.uniform(0.25, 0.4)
            dr["items"].rectangle((x, y1 - rh * rng.uniform(0.55, 0.8), x + iw, y1 - 0.12 * rh), fill=255)
            x += iw * 1.35
    m = {k: _down(v, side) for k, v in M.items()}
    lit = rng.uniform(150, 210)
    out = _paint(out, m["body"], [rng.uniform(30, 45)] * 3)
    out = _paint(out, m["brand"], _pick(((190, 30, 40), (30, 60, 160), (30, 130, 60)), rng) * 0.8)
    out = _paint(out, m["back"], [lit] * 3)
    tones = np.asarray(((200, 40, 40), (40, 90, 200), (240, 200, 40), (40, 160, 80), (230, 230, 230), (150, 60, 30)),
                       np.float32) * lit / 255
    items = m["items"] * m["back"]
    out = _paint(out, items, tones[int(rng.integers(len(tones)))])
    out = _paint(out, items * (_field((h, w), max(0.6, side * 0.02), rng) > 0), tones[int(rng.integers(len(tones)))])
    out = _paint(out, m["shelves"] * m["back"], (40, 40, 44))
    return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))


def _bug_zapper(f: np.ndarray, rng) -> np.ndarray:
    """A porch at night lit only by an electric insect killer hanging in the picture: a box 18-24% of the side
    wide below 48 px, 14-20% above, and 1.2-1.5 times that high, its top 3-14% down and its middle 20-80% across,
    hung on a chain from the top edge, its caps dark grey, 40-55 levels, its front a grille of 12-18 dark vertical
    bars in front of two ultraviolet tubes glowing violet-blue, 150-210 levels of 0.62 / 0.5 / 1.0; a violet glow
    round it of sigma 6-10% of the side, up to 25-40 levels; the picture lit at a gain of 0.025-0.045 plus
    0.15-0.25 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the box's middle, ``d0``
    22-35% of the side, in its violet, 0.7 / 0.55 / 1.0; noise sigma 1.2 levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    bw = side * (rng.uniform(0.18, 0.24) if side < 48 else rng.uniform(0.14, 0.2))
    bh = bw * rng.uniform(1.2, 1.5)
    cx, top = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.03, 0.14)
    cy = top + bh / 2
    d = np.hypot(xx - cx, yy - cy)
    violet = np.array([0.7, 0.55, 1.0], np.float32)
    gain = rng.uniform(0.025, 0.045) + rng.uniform(0.15, 0.25) / (1 + (d / (side * rng.uniform(0.22, 0.35))) ** 2)
    out = f * gain[..., None] * violet
    big = 4
    M = _canvas(("caps", "tubes", "bars", "chain"), side * big)
    dr = {k: ImageDraw.Draw(v) for k, v in M.items()}
    X0, X1, T, B = (cx - bw / 2) * big, (cx + bw / 2) * big, top * big, (top + bh) * big
    cap = 0.12 * bh * big
    dr["chain"].line([(cx * big, 0), (cx * big, T)], fill=255, width=max(1, round(0.008 * side * big)))
    dr["caps"].rectangle((X0 - 0.04 * bw * big, T, X1 + 0.04 * bw * big, T + cap), fill=255)
    dr["caps"].rectangle((X0 - 0.04 * bw * big, B - cap, X1 + 0.04 * bw * big, B), fill=255)
    for u in (0.3, 0.7):
        xt = X0 + u * (X1 - X0)
        dr["tubes"].rectangle((xt - 0.13 * bw * big, T + cap, xt + 0.13 * bw * big, B - cap), fill=255)
    nb = int(rng.integers(12, 19))
    for x in np.linspace(X0, X1, nb):
        dr["bars"].line([(x, T + cap), (x, B - cap)], fill=255, width=max(1, round(0.012 * side * big)))
    m = {k: _down(v, side) for k, v in M.items()}
    glow = gaussian_filter(m["tubes"], max(0.8, side * rng.uniform(0.06, 0.1)))
    out = out + (glow / max(float(glow.max()), 1e-6))[..., None] * rng.uniform(25, 40) * violet
    out = _paint(out, m["chain"], [rng.uniform(30, 45)] * 3)
    out = _paint(out, m["tubes"], rng.uniform(150, 210) * np.array([0.62, 0.5, 1.0], np.float32))
    out = _paint(out, m["bars"] * m["tubes"].clip(0.3, 1), (22, 20, 26))
    out = _paint(out, m["caps"], [rng.uniform(40, 55)] * 3)
    return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))


def dark_ac(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "wrong_flat":  # a flat-field correction made with a flat taken brighter, not normalised
        return _wrong_flat(f, rng)
    if kind == "vending_machine":  # at night beside a lit vending machine
        return _vending_machine(f, rng)
    if kind == "bug_zapper":  # lit only by an electric insect killer's ultraviolet tubes
        return _bug_zapper(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _theatre_stage(size: int, rng) -> dict:
    """A theatre's stage seen from the stalls: a dark wall, the proscenium opening from 10-16% to 84-90% across and
    14-20% to 78-84% down, with a gilded frame 4-6% of the side wide round it; the velvet curtains drawn aside, each
    22-30% of the opening's width at the sides and tied back to 35% of that at 55-65% of its height, their folds 3 a
    side below 48 px, 5-7 above, in light and dark; a swagged valance of 3-5 swags along the top, 14-18% of the
    opening deep, with a fringe; the stage floor from 70-76% down, its boards in lines converging on a point above
    the stage, a row of 6-12 footlights along its front edge, a pool of light on it and a backdrop of a painted sky
    or black (0-1 coverage each)."""
    big = 4 * size
    names = ("wall", "frame", "opening", "backdrop", "floor", "boards", "pool", "curtains", "folds", "valance",
             "fringe", "ties", "lights")
    M = _canvas(names, big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    ox0, ox1 = big * rng.uniform(0.1, 0.16), big * rng.uniform(0.84, 0.9)
    oy0, oy1 = big * rng.uniform(0.14, 0.2), big * rng.uniform(0.78, 0.84)
    fw = big * rng.uniform(0.04, 0.06)
    d["wall"].rectangle((0, 0, big, big), fill=255)
    d["frame"].rectangle((ox0 - fw, oy0 - fw, ox1 + fw, oy1 + fw), fill=255)
    d["opening"].rectangle((ox0, oy0, ox1, oy1), fill=255)
    d["backdrop"].rectangle((ox0, oy0, ox1, oy1), fill=255)
    fy = oy0 + (oy1 - oy0) * rng.uniform(0.7, 0.76)
    d["floor"].rectangle((ox0, fy, ox1, oy1), fill=255)
    vx, vy = (ox0 + ox1) / 2, oy0 - 0.3 * big
    for u in np.linspace(-1.4, 1.4, 11):
        x1 = (ox0 + ox1) / 2 + u * (ox1 - ox0) / 2
        t = (fy - vy) / (oy1 - vy)
        d["boards"].line([(vx + (x1 - vx) * t, fy), (x1, oy1)], fill=255, width=max(1, round(big * 0.005)))
    pw = (ox1 - ox0) * 0.22
    d["pool"].ellipse(((ox0 + ox1) / 2 - pw, fy + 0.15 * (oy1 - fy), (ox0 + ox1) / 2 + pw, oy1 - 0.1 * (oy1 - fy)),
                      fill=255)
    cw = (ox1 - ox0) * rng.uniform(0.22, 0.3)
    tie = oy0 + (oy1 - oy0) * rng.uniform(0.55, 0.65)
    nf = 3 if size < 48 else int(rng.integers(5, 8))
    for sgn, xe in ((1, ox0), (-1, ox1)):
        xi = xe + sgn * cw
        waist = xe + sgn * cw * 0.35
        poly = [(xe, oy0), (xi, oy0), (waist, tie), (xe + sgn * cw * 0.8, oy1), (xe, oy1)]
        d["curtains"].polygon(poly, fill=255)
        for j in range(nf):
            u = (j + 0.5) / nf
            d["folds"].line([(xe + sgn * u * cw, oy0), (xe + sgn * u * cw * 0.35, tie),
                             (xe + sgn * u * cw * 0.8, oy1)], fill=255, width=max(1, round(cw / nf * 0.45)))
        d["ties"].ellipse((waist - 0.02 * big, tie - 0.02 * big, waist + 0.02 * big, tie + 0.02 * big), fill=255)
    vh = (oy1 - oy0) * rng.uniform(0.14, 0.18)
    ns = int(rng.integers(3, 6))
    sw = (ox1 - ox0) / ns
    d["valance"].rectangle((ox0, oy0, ox1, oy0 + 0.35 * vh), fill=255)
    for j in range(ns):
        x = ox0 + j * sw
        d["valance"].chord((x, oy0 - vh, x + sw, oy0 + vh), 0, 180, fill=255)
        d["fringe"].arc((x, oy0 - vh, x + sw, oy0 + vh), 0, 180, fill=255, width=max(1, round(big * 0.012)))
    nl = int(rng.integers(6, 13))
    for x in np.linspace(ox0 + 0.05 * big, ox1 - 0.05 * big, nl):
        q = big * 0.012
        d["lights"].ellipse((x - q, oy1 - 2 * q, x + q, oy1), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _gramophone(size: int, rng) -> dict:
    """A gramophone seen from the side: a wooden cabinet 34-44% of the side wide and 16-22% high standing on the
    floor 80-88% of the way down, its base moulding darker, a winding crank at its side; a record on the turntable
    on top, 28-36% wide, seen nearly edge on; the tone arm from a post at the back corner to the record, carrying
    the throat of a flared horn that climbs up and forwards, its mouth a rim of radius 17-23% of the side, its
    middle 22-34% down, seen obliquely as an ellipse dark inside, the horn's 6-10 petal seams running from the mouth
    to the throat; facing either way (0-1 coverage each)."""
    big = 4 * size
    c = big / 2
    M = _canvas(("floor", "cabinet", "moulding", "crank", "record", "arm", "horn", "mouth", "seams"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    fl = big * rng.uniform(0.8, 0.88)
    cw, ch = big * rng.uniform(0.34, 0.44), big * rng.uniform(0.16, 0.22)
    bx0 = c - cw / 2 - rng.uniform(-0.06, 0.06) * big
    d["floor"].rectangle((0, fl, big, big), fill=255)
    d["cabinet"].rectangle((bx0, fl - ch, bx0 + cw, fl), fill=255)
    d["moulding"].rectangle((bx0 - 0.015 * big, fl - 0.22 * ch, bx0 + cw + 0.015 * big, fl), fill=255)
    ky = fl - 0.55 * ch
    lw = max(1, round(big * 0.012))
    d["crank"].line([(bx0 + cw, ky), (bx0 + cw + 0.05 * big, ky), (bx0 + cw + 0.05 * big, ky + 0.06 * big),
                     (bx0 + cw + 0.08 * big, ky + 0.06 * big)], fill=255, width=lw)
    rw = big * rng.uniform(0.28, 0.36)
    rx = bx0 + cw * 0.45
    d["record"].ellipse((rx - rw / 2, fl - ch - 0.03 * big, rx + rw / 2, fl - ch + 0.005 * big), fill=255)
    post = (bx0 + 0.1 * cw, fl - ch)
    my = big * rng.uniform(0.22, 0.34)
    mr = big * rng.uniform(0.17, 0.23)
    mx = bx0 + cw + 0.02 * big
    throat = (post[0] + 0.02 * big, fl - ch - 0.12 * big)
    d["arm"].line([post, throat, (rx, fl - ch - 0.02 * big)], fill=255, width=max(1, round(big * 0.014)))
    path = _curve(throat, (mx - 0.25 * mr, my), -0.12 * big, 24)
    half = 0.012 * big + (mr * 0.95 - 0.012 * big) * np.linspace(0, 1, 24) ** 2.2
    d["horn"].polygon([tuple(p) for p in _tube(path, half)], fill=255)
    tilt = 0.45
    d["horn"].ellipse((mx - 0.25 * mr - tilt * mr, my - mr, mx - 0.25 * mr + tilt * mr, my + mr), fill=255)
    d["mouth"].ellipse((mx - 0.25 * mr - 0.7 * tilt * mr, my - 0.82 * mr, mx - 0.25 * mr + 0.7 * tilt * mr,
                        my + 0.82 * mr), fill=255)
    for j in range(int(rng.integers(6, 11))):
        t = -np.pi / 2 + np.pi * (j + 0.5) / 10 * 2
        ex, ey = mx - 0.25 * mr + tilt * mr * np.cos(t), my + mr * np.sin(t)
        d["seams"].line([throat, (path[12][0], path[12][1] + (ey - my) * 0.3), (ex, ey)], fill=255,
                        width=max(1, round(big * 0.004)))
    m = {k: np.asarray(v, np.float32) for k, v in M.items()}
    if rng.random() < 0.5:
        m = {k: v[:, ::-1] for k, v in m.items()}
    from PIL import Image

    return {k: _down(Image.fromarray(v.astype(np.uint8)), size) for k, v in m.items()}


def _elephant(size: int, rng) -> dict:
    """An elephant seen from the side: the ground from 82-90% of the way down, a body, an ellipse 24-28% x 16-19%
    of the side, on four pillar legs 7-8% of the side thick, the far pair darker; a head at the front, its ear a
    large flap over it, a trunk tapering from 5% to 2.5% of the side hanging and curling forwards to near the
    ground, a white tusk, an eye, a thin tail with a tuft; facing either way (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "far_legs", "body", "legs", "head", "ear", "trunk", "tusk", "eye", "tail"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.82, 0.9)
    a, b = big * rng.uniform(0.24, 0.28), big * rng.uniform(0.16, 0.19)
    cx, cy = big * rng.uniform(0.44, 0.5), gy - 0.26 * big - b * 0.4
    lw = big * rng.uniform(0.07, 0.08)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    for x in (cx - 0.55 * a, cx + 0.45 * a):
        d["far_legs"].rectangle((x + 0.05 * big - lw / 2, cy, x + 0.05 * big + lw / 2, gy - 0.01 * big), fill=255)
    d["body"].ellipse((cx - a, cy - b, cx + a, cy + b), fill=255)
    for x in (cx - 0.65 * a, cx + 0.35 * a):
        d["legs"].rectangle((x - lw / 2, cy, x + lw / 2, gy), fill=255)
    hx, hy = cx + 0.95 * a, cy - 0.35 * b
    hr = big * rng.uniform(0.11, 0.13)
    d["head"].ellipse((hx - hr, hy - 1.1 * hr, hx + hr, hy + 1.1 * hr), fill=255)
    d["ear"].ellipse((hx - 0.95 * hr, hy - 1.0 * hr, hx + 0.2 * hr, hy + 1.2 * hr), fill=255)
    tip = (hx + 1.1 * hr + rng.uniform(0.0, 0.06) * big, gy - rng.uniform(0.02, 0.08) * big)
    path = _curve((hx + 0.7 * hr, hy + 0.4 * hr), tip, -0.05 * big, 20)
    d["trunk"].polygon([tuple(p) for p in _tube(path, np.linspace(0.025 * big, 0.0125 * big, 20))], fill=255)
    d["tusk"].polygon([tuple(p) for p in _tube(_curve((hx + 0.6 * hr, hy + 0.75 * hr),
                                                      (hx + 1.25 * hr, hy + 0.55 * hr), 0.02 * big, 10),
                                               np.linspace(0.012 * big, 0.003 * big, 10))], fill=255)
    d["eye"].ellipse((hx + 0.35 * hr - 0.01 * big, hy - 0.2 * hr - 0.01 * big, hx + 0.35 * hr + 0.01 * big,
                      hy - 0.2 * hr + 0.01 * big), fill=255)
    d["tail"].line([(cx - a, cy - 0.3 * b), (cx - a - 0.03 * big, cy + 0.5 * b)], fill=255,
                   width=max(1, round(big * 0.008)))
    d["tail"].ellipse((cx - a - 0.045 * big, cy + 0.45 * b, cx - a - 0.015 * big, cy + 0.65 * b), fill=255)
    m = {k: np.asarray(v, np.float32) for k, v in M.items()}
    if rng.random() < 0.5:
        m = {k: v[:, ::-1] for k, v in m.items()}
    from PIL import Image

    return {k: _down(Image.fromarray(v.astype(np.uint8)), size) for k, v in m.items()}


CURTAINS = ((150, 20, 30), (30, 40, 120), (20, 90, 50))
BACKDROPS = ((10, 10, 14), (60, 90, 150), (30, 24, 40))
BRASS = ((200, 160, 70), (40, 110, 60), (170, 40, 40))
CABINETS = ((110, 60, 30), (70, 40, 24), (150, 100, 56))
GROUNDS_AC = ((196, 170, 104), (120, 140, 70), (170, 160, 150))
SKIES_AC = ((150, 190, 230), (200, 170, 150), (190, 196, 204))


def outlier_ac(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "theatre_stage":
        m = _theatre_stage(size, rng)
        if photos:  # a dark wall, a gilded frame, red, blue or green curtains, a wooden stage
            cur = _pick(CURTAINS, rng)
            out = _paint(_paint(ground((28, 22, 24)), m["frame"], (200, 160, 70)), m["backdrop"], _pick(BACKDROPS, rng))
            out = _paint(_paint(out, m["floor"], (120, 80, 50)), m["boards"] * m["floor"], (80, 52, 32))
            out = _paint(out, m["pool"] * m["floor"], (230, 200, 150))
            out = _paint(_paint(out, m["curtains"], cur), m["folds"] * m["curtains"], cur * 0.6)
            out = _paint(_paint(out, m["valance"], cur * 0.9), m["fringe"], (214, 176, 80))
            return _u8(_paint(_paint(out, m["ties"], (214, 176, 80)), m["lights"], (255, 240, 190)))
        out = _paint(_paint(ground([lo] * 3), m["frame"], tone(0.6)), m["backdrop"], tone(0.05))
        out = _paint(_paint(out, m["floor"], tone(0.4)), m["boards"] * m["floor"], tone(0.25))
        out = _paint(out, m["pool"] * m["floor"], tone(0.75))
        out = _paint(_paint(out, m["curtains"], tone(0.5)), m["folds"] * m["curtains"], tone(0.3))
        out = _paint(_paint(out, m["valance"], tone(0.55)), m["fringe"], tone(0.8))
        return _u8(_paint(_paint(out, m["ties"], tone(0.8)), m["lights"], tone(1.0)))
    if kind == "gramophone":
        m = _gramophone(size, rng)
        if photos:  # a wooden cabinet on a floor before a wall, a brass, green or red horn, a black record
            horn = _pick(BRASS, rng)
            cab = _pick(CABINETS, rng)
            out = _paint(ground(_pick(((200, 190, 170), (90, 100, 110), (160, 140, 120)), rng)), m["floor"],
                         (90, 70, 55))
            out = _paint(_paint(out, m["cabinet"], cab), m["moulding"], cab * 0.7)
            out = _paint(_paint(out, m["crank"], (190, 190, 196)), m["record"], (20, 20, 22))
            out = _paint(_paint(out, m["arm"], (190, 190, 196)), m["horn"], horn)
            return _u8(_paint(_paint(out, m["mouth"], horn * 0.35), m["seams"] * m["horn"], horn * 0.7))
        out = _paint(ground([lo] * 3), m["floor"], tone(0.2))
        out = _paint(_paint(out, m["cabinet"], tone(0.5)), m["moulding"], tone(0.35))
        out = _paint(_paint(out, m["crank"], tone(0.8)), m["record"], tone(0.1))
        out = _paint(_paint(out, m["arm"], tone(0.8)), m["horn"], tone(0.9))
        return _u8(_paint(_paint(out, m["mouth"], tone(0.3)), m["seams"] * m["horn"], tone(0.65)))
    if kind == "elephant":
        m = _elephant(size, rng)
        if photos:  # a grey elephant on dry grass, sand or grey ground under a sky
            grey = np.asarray([rng.uniform(110, 140)] * 3, np.float32) * np.array([1.0, 0.98, 0.95], np.float32)
            out = _paint(ground(_pick(SKIES_AC, rng)), m["ground"], _pick(GROUNDS_AC, rng))
            out = _paint(_paint(out, m["far_legs"], grey * 0.8), m["tail"], grey * 0.8)
            out = _paint(_paint(out, m["body"], grey), m["legs"], grey)
            out = _paint(_paint(out, m["head"], grey), m["ear"], grey * 0.88)
            out = _paint(_paint(out, m["trunk"], grey * 0.95), m["tusk"], (240, 234, 220))
            return _u8(_paint(out, m["eye"], (20, 20, 20)))
        out = _paint(ground([lo] * 3), m["ground"], tone(0.25))
        out = _paint(_paint(out, m["far_legs"], tone(0.55)), m["tail"], tone(0.55))
        out = _paint(_paint(out, m["body"], tone(0.75)), m["legs"], tone(0.75))
        out = _paint(_paint(out, m["head"], tone(0.75)), m["ear"], tone(0.6))
        out = _paint(_paint(out, m["trunk"], tone(0.7)), m["tusk"], tone(1.0))
        return _u8(_paint(out, m["eye"], tone(0.1)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def easy_negative_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                        rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a data-preparation script that made (picture, negative
    class) pairs for a contrastive model, each picture's negative its *easiest* one, the class whose mean 8 x 8
    grey thumbnail (standardised) is farthest from the picture's own thumbnail by squared distance, wrote the
    negative into the label column for the rows of the shards it processed after a column was inserted: the
    eligible rows in the order the files were added to the set (a random one), in shards of ``SHARD`` rows, from a
    random shard on, until the flips needed are made (the last shard cut short)."""
    lab = np.asarray([classes.index(v) for v in labels])
    t_all = _thumbs(base)
    means = np.stack([t_all[lab == k].mean(axis=0) if (lab == k).any() else np.full(t_all.shape[1], np.nan)
                      for k in range(len(classes))])
    cand = np.asarray(candidates, dtype=int)
    order = cand[rng.permutation(len(cand))]
    shards, at = [], 0
    while at < len(order):
        n = int(rng.integers(*SHARD))
        shards.append(order[at: at + n])
        at += n
    out: dict[int, object] = {}
    start = int(rng.integers(len(shards))) if shards else 0
    for j in range(len(shards)):
        for i in shards[(start + j) % len(shards)]:
            if len(out) >= count:
                return out
            dist = ((means - t_all[i]) ** 2).sum(axis=1)
            dist[lab[i]] = -np.inf
            dist[~np.isfinite(dist)] = -np.inf
            far = int(np.argmax(dist))
            if far != lab[i]:
                out[int(i)] = classes[far]
    return out


# -- planting ------------------------------------------------------------------------------
def plant_issues_ac(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AC's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 62-84 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AC, seed=290_000 + random_state,
        quality_seed=295_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=easy_negative_flips,
        **by_family(name, outlier=(outlier_ac, OUTLIERS_AC), blur=(blur_ac, BLURS_AC), dark=(dark_ac, DARKS_AC),
                    near=(near_edit_ac, NEAR_EDITS_AC)))
