"""Generator AB: fresh EVALUATION sets after generator AA's run (never used to choose anything).

Why a twenty-sixth evaluation generator: generator AA's sets have been run, and what they showed may inform the next
changes, so they will not stay untouched; AB is a held-out measurement of the code after that run, of families of its
own (AB's writer saw no result of AA, nor of any earlier generator: only the commit subjects, the library's code and
the earlier generators' files, to copy their structure and to avoid their families). Generator AB was written before
any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and
foreign pictures at 28, 56 and 216 px, to check that every edit is visible, every blur blurred, every darkened image
dark and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are
seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J,
K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Left out because an earlier generator made them or left them out: a
domino, a die, a padlock or a clothes peg (W's, Z's and U's lists), a small fish (R's aquarium), a pea pod or a corn
cob (Z's carrot, Y's banana), bow-tie pasta (V's gift bow), an ice lolly (W's sweets, as AA's lollipop); of the whole
picture a print on a mug, crumpled or cross-stitched (X's and Y's lists), a split-flap board (G's mosaic, N's
GridMask), a bead curtain of tiny ball lenses (Z's lensball), a glass of water's shadow beside the print (R's caustic:
AB's glass stands in front of it and is looked through); among blurs a star-shaped bokeh cut-out (S's list), turbid
water (V's list), an easel toppling in its own plane about its foot (F's spin about another point), an easel rocking
to and fro (P's pendulum, as T found), straight up-and-down motion alone (it leaves the digits' upright strokes
sharp: AB's easel moves on a slant), wool's fibre texture left on the felted copy (tried: at 56 px it came out as
fine noise that hid the blur); among darkenings glow-in-the-dark paint, headlamps and a keyhole (R's, T's and Q's
lists), welding glass or a one-way mirror (J's smoked glass), dark-field lighting (F's relief, as R's rim light), a
lighthouse's sweeping beam (O's beams, as V's laser fan), a transparency laid on black card (Z's dark card); among
foreign pictures bookshelves, a city skyline and lighthouses (R's, Q's and T's lists), spider webs (F's spirals, N's
dartboards), roller coasters and skate ramps (0s and Us on the digit sets); among label noise dictated labels
misheard (T's sound-alikes), the fringe of a class moved by a guideline (Q's misread guideline), a collage of four
given one label (M's pages), merged label files whose keys collided (U's shifted rows) and a colour-blind labeller
(no flips at all on the grey sets).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the
  216 px set's five copies get both kinds): a wedge of cheese lying on the print (a triangle 36-48% of the side long,
  at least 10 px, its rind end 55-70% of that wide, a rind band 10% of the length deep in red wax, straw or brown, a
  yellow, orange or pale cheese, one side of its ridge 10% darker, 3-5 round holes below 48 px, 6-11 above, of radius
  5-9% of the length, at least 0.6 px, 22% darker; at any angle, 30-70% of the way across and down, a soft shadow at
  40%), a cooked prawn lying curled on the print (a C-shaped body 34-46% of the side across, at least 9 px, curling
  through 230-270 degrees round a mid-line of radius 34% of that, 22% of it thick at the head tapering to 10% at the
  tail, coral pink with a paler underside along its inner edge and 5-6 darker segment lines, a darker head cap with
  two feelers and a tail fan of two blades; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a
  knitted mitten lying on the print (38-50% of the side long, at least 10 px, its hand 52-60% of that wide with a round
  top, a thumb to one side, an ellipse of 22% x 14% of the length turned out by 35 degrees, a ribbed cuff 24% of the
  length deep with 4-6 rib lines, in red, navy, green, grey or mustard, with 1-2 bands across the hand in cream or a
  second of those colours; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a baby's dummy
  lying on the print (its shield an ellipse 30-40% of the side across, at least 9 px, and 66% of that high, in baby
  blue, pink, mint, white or yellow, two vent holes showing the print, a ring handle of outer radius 30% and inner
  22% of the width, 15% darker, the amber teat peeping out from under one side at 80%; at any angle, 30-70% of the
  way across and down, a soft shadow at 40%) and a badminton shuttlecock lying on the print (36-48% of the side long,
  at least 10 px, a round cork head of radius 14% of the length, tan or white, a red, blue or green tape band round
  its neck, a skirt of white feathers or yellow nylon widening from 30% to 76% of the length, its open end scalloped
  by 7 feather tips below 48 px, 12 above, their shafts 20% darker, two dark thread bands across it; at any angle,
  30-70% of the way across and down, a soft shadow at 40%); of the whole picture: the print seen through a tumbler of
  water standing just in front of it (the glass a band 50-70% of the width wide, its middle 40-60% of the way across;
  below the water line, 12-25% of the height down, the water, a cylindrical lens, shows the picture turned left for
  right and magnified, read from ``cx - m hw sin(pi u / 2)`` at ``u`` of the half-width ``hw`` from the middle ``cx``,
  ``m`` 0.45-0.65, tinted to 92% red, 97% green and blue; above it the empty glass shows the picture as it is; the
  glass's sides darkened by 35-55% over the outer 12% of the band, a highlight at 80% of it, white at 35%, and a
  meniscus line 1.5% of the side wide, at least 0.8 px, dark above the water and light below), the print frozen into a
  block of ice (the picture moved by a smooth random field of 2-3% of the side, at least 0.8 px, correlated over 12%
  of the side; 2-3 cracks, straight lines through random points at any angle, the picture moved by 2-4% of the side,
  at least 1 px, on one side of each, drawn white at 50%, 1.2% of the side wide, at least 0.8 px; a cold cast, 90% red,
  97% green, 103% blue plus 8 / 14 / 22 levels; a cloudy white veil over patches, up to 16-26%, a smooth field of 18%
  of the side; 6-10 trapped air bubbles below 48 px, 20-40 above, rings of radius 1-2.5% of the side, at least 0.7 px,
  white at 60%) and the print seen through binoculars (the picture magnified 1.2-1.4 times about a point 45-55% of the
  way across and down, framed by the two overlapping round fields of view, of radius 30-36% of the width, their middles
  60-75% of a radius either side of the middle, 46-54% of the way down, soft over 3% of the side, at least 0.8 px,
  near black beyond, 6-14 levels, each field darkened by up to 20% towards its rim);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through an eye with a cortical cataract (a defocus disk of radius 4.5-6.5% of the
  side, at least 2 px, with 6-10 spokes of light scattered by the lens's wedge-shaped opacities, lines 2-2.8 radii
  long out from the middle at angles evenly spread with a jitter of 0.25 radians, taking 30-45% of the light; a
  veiling glare of 12-20% of the picture's mean; the lens's yellowing, green 92-95% and blue 72-80% of red), the
  picture copied in needle-felted wool (each colour carried along straight fibres 11-15% of the side long, at least
  3.5 px, in 6 directions evenly spread from a random one, mixed from place to place by 6 smooth random fields of 5% of
  the side, weighted ``exp(1.5 v)`` and normalised, then softened by a Gaussian of 12% of the fibre length) and the
  print on an easel whose legs splayed on a polished floor during the exposure (it sinks and slides sideways: every
  point moves uniformly along a line 30-55 degrees from the vertical, either way, by 45% of 18-24% of the side, at
  least 6.5 px, at the bottom, growing linearly to all of it at the top, the easel's foot being below the frame); each
  as a camera metering on the highlights exposes it (as Y's to AA's);
* ``dark`` (2%): the print behind an electrochromic (smart) glass pane just switched to dark, its tint still spreading
  in from the bus bars along two opposite edges, left and right or top and bottom (the light let through 3-6% near
  them and 16-26% beyond the tint's front, a logistic step 3-6% of the side wide 22-34% of the side in from each edge,
  wobbling by 5% of the side over a smooth random field of 12%, in the glass's blue, red 62-70% and green 80-86% of
  blue; noise sigma 1.2 levels), the picture printed in thermochromic ink left in the cold, its colours gone to the
  ink's dark state (4-8% of the picture plus 10 / 6 / 14 levels of its purple-black) except under 3-4 fingertips just
  lifted from it (ellipses 8-12% of the side long, at least 3 px, 60-70% as wide, side by side along a gentle arc at
  any angle, their middle 30-70% of the way across and down, softened by 2% of the side, at least 0.5 px), where the
  picture shows at 40-60% (noise sigma 1.2 levels), and an HDR photograph's gain map applied with the wrong sign (the
  picture darkened by 1.9-2.5 stops everywhere and by 1.5-2.5 stops more where the gain map is brightest; the map the
  grey picture shrunk by boxes of 4 px per 28 px of the side, about 7 x 7, blurred by 5-8% of the side, read back
  bilinearly and scaled to a peak of 1, so that the light parts are dimmed most; noise sigma 1 level); none of them
  blurs the picture;
* ``outlier`` (1.5%): bowling lanes seen from the approach (the lane a trapezoid narrowing from 36-42% of the side
  either side of a middle 46-54% across at the bottom to 10-13% either side at its far end, 28-36% down, gutters 18%
  wider beside it, 9-13 boards, 7 aiming arrows, the ten pins in their triangle at the far end, 9% of the side tall,
  13% below 48 px, each with two neck stripes, the dark masking unit above them, a wall, and a ball of radius 7-9% of
  the side 78-88% down), sushi boards seen from above (a rounded board 86-94% of the side wide and 56-70% high, turned
  by up to 10 degrees, a row of maki along its back, 3 below 48 px, 5-7 above, each a ring of nori, the rice and a
  filling of salmon, tuna, cucumber or egg, a row of nigiri along its front, 2 below 48 px, 3-4 above, an oval of rice
  under a slice of fish with three pale lines, a pile of pickled ginger and a dab of wasabi) and carousels seen from
  the front (a striped conical roof, its apex 12-16% down and its eaves 30-36% down and 40-46% of the side either side
  of the middle, 6 stripes below 48 px, 10 above, under a finial with a pennant, a valance with a scalloped edge and a
  row of 8-14 lights, a central column, 3 poles below 48 px, 5 above, down to a round platform 78-84% down, a horse on
  each at staggered heights, all facing one way); the digit and clothing sets get them in their own tones on their
  dark ground, the photographs as a maple lane with grey gutters, white pins striped red and a blue, red, black, green
  or violet ball under a dark wall, a wooden, slate or bamboo board on a wooden, dark, grey or white table with the
  fish in their own colours, and a red and white, blue and yellow or green and white roof with a gold valance, brass
  poles and white, cream, grey or black horses against a dusk, day or night sky;
* ``label`` (5%): *stale-choice* flips: part of the set was labelled by two-choice tasks ("is it a <class> or a
  <class>?") on pages of 10-20 of the eligible pictures (shuffled into pages), and the pages worked here were served a
  stale pair of choices, two classes drawn at random for the page (cached from another page); made to pick one of the
  two, the labeller gave each picture whose class was neither the one its 8 x 8 grey thumbnail (standardised) is
  nearer, by the squared distance to the two classes' mean thumbnails over the whole set; pages are worked through
  until the flips needed are made (the last page's cut short at random): noise in runs of pages, each picture sent to
  the nearer of two random classes (not its nearest class over all, as F's, H's, T's, V's or W's; not one class a
  page, as M's). Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AB's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
219), MNIST (2,000, seed 220), and the evaluation photographs tiled at 56 px (24 tiles a photograph at most, seed 221:
402) and at 216 px (every tile, seed 222: 151), sizes no other set uses. ``photos56_ab_jpeg`` is written as JPEG
files, each at a quality drawn from 72-91 (a stream of its own, seed ``285_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact
copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``280_000 + random_state``. The
planting is I's (:func:`_heldout_i.plant_generator`, as for J to AA).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _disk_kernel, _pixels, _resample
from _heldout_v import _field, _grey, _metered
from _heldout_x import _bar, _canvas, _laid
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AB = ("fashion_test_ab", "mnist_ab", "photos56_ab_jpeg", "photos216_ab")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AB = {
    "fashion_test_ab": ("fashion_test", 219),
    "mnist_ab": ("mnist", 220),
    "photos56_ab_jpeg": ("photos", 221, 56, 8, 24),
    "photos216_ab": ("photos", 222, 216, 8, 1000),
}
JPEG_QUALITY = (72, 92)  # the JPEG set's qualities: integers in [low, high)
RATES_AB = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (5 copies) gets both kinds
NEAR_EDITS_AB = ("cheese_wedge", "glass_of_water", "prawn", "frozen_in_ice", "mitten", "binocular_view", "dummy",
                 "shuttlecock")
BLURS_AB = ("cataract", "needle_felted", "splaying_easel")
DARKS_AB = ("smart_glass", "thermochromic", "inverted_gain_map")
OUTLIERS_AB = ("bowling_lane", "sushi_board", "carousel")
PAGE = (10, 21)  # the two-choice pages' sizes: integers in [low, high) (label noise)


def load_base_ab(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AB, "AB")


def _polys(size: tuple[int, int], polys) -> np.ndarray:
    """The coverage mask (0-1) of filled polygons given in the picture's pixels."""
    return _drawn(size, lambda d, k: [d.polygon([(x * k, y * k) for x, y in p], fill=255) for p in polys])


def _pick(seq, rng) -> np.ndarray:
    return np.asarray(seq[int(rng.integers(len(seq)))], np.float32)


# -- near copies -----------------------------------------------------------------------------
CHEESES = ((242, 214, 118), (236, 150, 54), (246, 232, 182))
RINDS = ((196, 36, 34), (200, 170, 98), (140, 110, 66))


def _cheese_wedge(f: np.ndarray, rng) -> np.ndarray:
    """A wedge of cheese lying on the print: a triangle 36-48% of the side long, at least 10 px, its rind end 55-70%
    of that wide, a rind band 10% of the length deep (red wax, straw or brown), in a yellow, orange or pale cheese,
    one side of its ridge 10% darker, 3-5 round holes below 48 px, 6-11 above (radius 5-9% of the length, at least
    0.6 px, 22% darker); at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.36, 0.48))
    B = L * rng.uniform(0.55, 0.7)
    col, rind = _pick(CHEESES, rng), _pick(RINDS, rng)
    fr = _frame_at(h, w, rng)
    hw = lambda x: B / 2 * (L / 2 - x) / L  # noqa: E731  (the half-width at x; the tip at +L/2)
    rw = 0.1 * L
    tri = [(-L / 2, -B / 2), (L / 2, 0.0), (-L / 2, B / 2)]
    band = [(-L / 2, -B / 2), (-L / 2 + rw, -hw(-L / 2 + rw)), (-L / 2 + rw, hw(-L / 2 + rw)), (-L / 2, B / 2)]
    facet = [(-L / 2 + rw, 0.0), (L / 2, 0.0), (-L / 2 + rw, hw(-L / 2 + rw))]
    holes = []
    for _ in range(int(rng.integers(3, 6)) if side < 48 else int(rng.integers(6, 12))):
        x = rng.uniform(-0.28, 0.25) * L
        r = max(0.6, L * rng.uniform(0.05, 0.09))
        y = rng.uniform(-1, 1) * max(0.0, hw(x) - r)
        holes.append(_ellipse(x, y, r, r * rng.uniform(0.8, 1.0), rng.uniform(0, np.pi), 12))
    parts = [(fr.fill([tri]), col, 1.0, True),
             (fr.fill([facet]), col * 0.9, 1.0, False),
             (fr.fill(holes), col * 0.78, 0.95, False),
             (fr.fill([band]), rind, 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


PRAWNS = ((236, 118, 82), (246, 142, 100), (224, 98, 68))


def _prawn(f: np.ndarray, rng) -> np.ndarray:
    """A cooked prawn lying curled on the print: a C-shaped body 34-46% of the side across, at least 9 px, curling
    through 230-270 degrees round a mid-line of radius 34% of that, 22% of it thick at the head tapering to 10% at
    the tail, in a coral pink with a paler underside along the inner edge and 5-6 darker segment lines across, a
    darker head cap with two feelers, and a tail fan of two splayed blades; at any angle, its middle 30-70% of the
    way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.34, 0.46))
    col = _pick(PRAWNS, rng)
    fr = _frame_at(h, w, rng)
    Rm = 0.34 * L
    sweep = np.deg2rad(rng.uniform(230, 270))
    s = np.linspace(0, 1, 40)
    th = -sweep / 2 + sweep * s
    t = L * (0.22 - 0.12 * s)
    outer = [(float((Rm + q / 2) * np.cos(a)), float((Rm + q / 2) * np.sin(a))) for a, q in zip(th, t)]
    inner = [(float((Rm - q / 2) * np.cos(a)), float((Rm - q / 2) * np.sin(a))) for a, q in zip(th, t)]
    belly = [(float((Rm - 0.15 * q) * np.cos(a)), float((Rm - 0.15 * q) * np.sin(a))) for a, q in zip(th, t)]
    segs = []
    for u in np.linspace(0.22, 0.85, int(rng.integers(5, 7))):
        a, q = -sweep / 2 + sweep * u, L * (0.22 - 0.12 * u)
        segs.append([(float((Rm - q / 2) * np.cos(a)), float((Rm - q / 2) * np.sin(a))),
                     (float((Rm + q / 2) * np.cos(a)), float((Rm + q / 2) * np.sin(a)))])
    a1 = th[-1]
    ex, ey = Rm * np.cos(a1), Rm * np.sin(a1)
    tx, ty = -np.sin(a1), np.cos(a1)  # the tangent, onwards
    fan = []
    for sg in (-1, 1):
        nx, ny = np.cos(a1 + sg * 0.5), np.sin(a1 + sg * 0.5)
        tip = (ex + 0.16 * L * (tx * 0.8 + nx * 0.6), ey + 0.16 * L * (ty * 0.8 + ny * 0.6))
        fan.append([(ex, ey), tip, (ex + 0.2 * L * tx, ey + 0.2 * L * ty)])
    a0, q0 = th[0], t[0]
    hx, hy = Rm * np.cos(a0), Rm * np.sin(a0)
    feelers = [[(hx, hy), (hx + 0.45 * L * np.sin(a0) + 0.1 * L * k, hy - 0.45 * L * np.cos(a0) + 0.05 * L * k)]
               for k in (-1, 1)]
    lw = max(0.4, 0.03 * L)
    parts = [(fr.fill(fan), col * 0.85, 1.0, True),
             (fr.fill([outer + inner[::-1]]), col, 1.0, True),
             (fr.fill([belly + inner[::-1]]), (248, 214, 194), 0.8, False),
             (fr.line(segs, lw), col * 0.7, 0.8, False),
             (fr.fill([_ellipse(hx, hy, 0.55 * q0, 0.55 * q0, 0.0, 16)]), col * 0.78, 1.0, False),
             (fr.line(feelers, lw * 0.8), col * 0.8, 0.8, False)]
    return _u8(_laid(f, parts, 0.4))


MITTENS = ((190, 36, 40), (36, 48, 112), (40, 112, 70), (150, 150, 156), (214, 160, 40))


def _mitten(f: np.ndarray, rng) -> np.ndarray:
    """A knitted mitten lying on the print: 38-50% of the side long, at least 10 px, its hand 52-60% of that wide with
    a round top, a thumb to one side (an ellipse of 22% x 14% of the length, turned out by 35 degrees), a ribbed cuff
    24% of the length deep and 10% wider (4-6 rib lines, 25% darker), in red, navy, green, grey or mustard, with 1-2
    bands across the hand in cream or a second of those colours, 7% of the length wide; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.38, 0.5))
    W = L * rng.uniform(0.52, 0.6)
    col = _pick(MITTENS, rng)
    band = _pick(((240, 236, 224),) + MITTENS, rng)
    if np.array_equal(band, col):
        band = np.asarray((240, 236, 224), np.float32)
    fr = _frame_at(h, w, rng)
    x0 = -L / 2 + 0.2 * L
    hand = fr.fill([_bar(x0, L / 2 - W / 2, W / 2, 16)])
    sg = rng.choice([-1, 1])
    thumb = fr.fill([_ellipse(-0.04 * L, sg * 0.45 * W, 0.22 * L, 0.14 * L, sg * np.deg2rad(35), 16)])
    cuff = fr.fill([_rect(-L / 2, -0.55 * W, -L / 2 + 0.24 * L, 0.55 * W)])
    ribs = [[(-L / 2 + 0.01 * L, y), (-L / 2 + 0.23 * L, y)]
            for y in np.linspace(-0.42, 0.42, int(rng.integers(4, 7))) * W]
    bands = []
    for _ in range(int(rng.integers(1, 3))):
        xb = rng.uniform(0.0, 0.25) * L
        bands.append(_rect(xb, -W, xb + 0.07 * L, W))
    stripe = fr.fill(bands) * np.maximum(hand, thumb)
    parts = [(thumb, col * 0.95, 1.0, True), (hand, col, 1.0, True), (stripe, band, 1.0, False),
             (cuff, col * 0.9, 1.0, True), (fr.line(ribs, max(0.4, 0.025 * L)), col * 0.75, 0.9, False)]
    return _u8(_laid(f, parts, 0.4))


SHIELDS = ((150, 196, 236), (240, 168, 190), (160, 220, 190), (246, 246, 240), (250, 210, 90))


def _dummy(f: np.ndarray, rng) -> np.ndarray:
    """A baby's dummy (pacifier) lying on the print: its shield an ellipse 30-40% of the side across, at least 9 px,
    and 66% of that high, in baby blue, pink, mint, white or yellow, with two vent holes (ellipses of 8% x 6% of the
    width, 27% of it either side of the middle) showing the print, a ring handle on it (outer radius 30%, inner 22%
    of the width, 15% darker), the amber teat peeping out from under one long side (an ellipse of 14% x 22% of the
    width, at 80%); at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(9.0, side * rng.uniform(0.3, 0.4))
    col = _pick(SHIELDS, rng)
    fr = _frame_at(h, w, rng)
    vents = [_ellipse(sx * 0.27 * W, 0.0, 0.08 * W, 0.06 * W, 0.0, 12) for sx in (-1, 1)]
    parts = [(fr.fill([_ellipse(0.0, 0.4 * W, 0.14 * W, 0.22 * W, 0.0, 16)]), (226, 178, 104), 0.8, True),
             (fr.fill([_ellipse(0.0, 0.0, W / 2, 0.33 * W, 0.0, 32)], holes=vents), col, 1.0, True),
             (fr.fill([_ellipse(0.0, 0.0, 0.3 * W, 0.3 * W, 0.0, 24)], holes=[_ellipse(0.0, 0.0, 0.22 * W, 0.22 * W,
                                                                                       0.0, 24)]),
              col * 0.85, 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


def _shuttlecock(f: np.ndarray, rng) -> np.ndarray:
    """A badminton shuttlecock lying on the print: 36-48% of the side long, at least 10 px, a round cork head of
    radius 14% of the length, white or tan, a tape band round its neck in red, blue or green, a skirt of feathers (or
    yellow nylon) widening from 30% to 76% of the length, its open end scalloped by 7 feather tips below 48 px, 12
    above, their shafts running back to the head, 20% darker, and two dark thread bands across it; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.36, 0.48))
    skirt_col = _pick(((248, 246, 238), (248, 246, 238), (236, 218, 62)), rng)
    cork = _pick(((216, 182, 132), (242, 240, 232)), rng)
    tape = _pick(((200, 40, 40), (40, 70, 170), (40, 140, 70)), rng)
    fr = _frame_at(h, w, rng)
    xh, xe = -L / 2 + 0.26 * L, L / 2 - 0.06 * L
    n = 7 if side < 48 else 12
    ys = np.linspace(-0.38, 0.38, n) * L
    rt = 0.38 * L / (n - 1)
    skirt = [(xh, -0.15 * L), (xe, -0.38 * L), (xe, 0.38 * L), (xh, 0.15 * L)]
    tips = [_ellipse(xe, float(y), rt, rt, 0.0, 10) for y in ys]
    shafts = [[(xh, float(y) * 0.4), (xe, float(y))] for y in ys]
    thread = []
    for u in (0.4, 0.62):
        x = xh + u * (xe - xh)
        half = 0.15 * L + u * (0.38 - 0.15) * L
        thread.append([(x, -half), (x, half)])
    lw = max(0.4, 0.022 * L)
    parts = [(fr.fill([skirt] + tips), skirt_col, 0.95, True),
             (fr.line(shafts, lw), skirt_col * 0.8, 0.9, False),
             (fr.line(thread, lw * 1.4), (60, 58, 56), 0.85, False),
             (fr.fill([_ellipse(-L / 2 + 0.14 * L, 0.0, 0.14 * L, 0.14 * L, 0.0, 20)]), cork, 1.0, True),
             (fr.fill([_rect(-L / 2 + 0.2 * L, -0.14 * L, -L / 2 + 0.27 * L, 0.14 * L)]), tape, 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


def _glass_of_water(f: np.ndarray, rng) -> np.ndarray:
    """The print seen through a tumbler of water standing just in front of it: the glass a band 50-70% of the width
    wide, its middle 40-60% of the way across, in which the water, a cylindrical lens, shows the picture behind it
    turned left for right and magnified, read from ``cx - m hw sin(pi / 2 u)`` at ``u`` of the half-width ``hw`` from
    the middle, ``m`` 0.45-0.65, tinted (92% red, 97% green and blue); above the water line, 12-25% of the height
    down, the empty glass shows the picture as it is; the glass's sides darkened by 35-55% over the outer 12% of the
    band, a highlight at 80% of it, white at 35%, and a meniscus line, 1.5% of the side, at least 0.8 px, dark then
    light."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx, hw = w * rng.uniform(0.4, 0.6), w * rng.uniform(0.25, 0.35)
    m = rng.uniform(0.45, 0.65)
    u = (xx - cx) / hw
    inside = np.abs(u) < 1
    uc = np.clip(u, -1, 1)
    level = h * rng.uniform(0.12, 0.25)
    wet = inside & (yy > level)
    xs = np.where(wet, cx - m * hw * np.sin(np.pi / 2 * uc), xx)
    out = _resample(f, yy, xs)
    out = np.where(wet[..., None], out * np.array([0.92, 0.97, 0.97], np.float32), out)
    edge = np.clip((np.abs(uc) - 0.88) / 0.12, 0, 1) * inside
    out = out * (1 - rng.uniform(0.35, 0.55) * edge)[..., None]
    lw = max(0.8, side * 0.015)
    hl = np.clip(lw / 2 + 0.5 - np.abs(np.abs(u) - 0.8) * hw, 0, 1) * inside
    out = _paint(out, 0.35 * hl, (255, 255, 255))
    men = np.clip(lw / 2 + 0.5 - np.abs(yy - level), 0, 1) * inside
    out = _paint(out, 0.5 * men * (yy < level), (30, 30, 34))
    return _u8(_paint(out, 0.5 * men * (yy >= level), (235, 240, 242)))


def _frozen_in_ice(f: np.ndarray, rng) -> np.ndarray:
    """The print frozen into a block of ice and photographed through it: the picture moved by a smooth random field,
    2-3% of the side (at least 0.8 px; a correlation of 12% of the side), a cold cast (90% red, 97% green, 103% blue,
    plus 8 / 14 / 22 levels), a cloudy white veil over patches of it, up to 16-26% (a smooth field of 18% of the side),
    6-10 trapped air bubbles below 48 px, 20-40 above (radius 1-2.5% of the side, at least 0.7 px, white rims at 60%)
    and 2-3 cracks across it, straight lines through a random point at any angle, white at 50%, 1.2% of the side wide,
    at least 0.8 px, the picture moved by 2-4% of the side (at least 1 px) on one side of each."""
    from scipy.ndimage import shift

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    A = max(0.8, side * rng.uniform(0.02, 0.03))
    out = _resample(f, yy + A * _field((h, w), side * 0.12, rng), xx + A * _field((h, w), side * 0.12, rng))
    lw = max(0.8, side * 0.012)
    cracks = []
    for _ in range(int(rng.integers(2, 4))):
        px, py, a = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.2, 0.8), rng.uniform(0, np.pi)
        nx, ny = -np.sin(a), np.cos(a)
        d = max(1.0, side * rng.uniform(0.02, 0.04))
        moved = shift(out, (d * ny, d * nx, 0), order=1, mode="nearest")
        half = ((xx - px) * nx + (yy - py) * ny) > 0
        out = np.where(half[..., None], moved, out)
        cracks.append([(px - 2 * side * np.cos(a), py - 2 * side * np.sin(a)),
                       (px + 2 * side * np.cos(a), py + 2 * side * np.sin(a))])
    out = out * np.array([0.9, 0.97, 1.03], np.float32) + np.array([8, 14, 22], np.float32)
    veil = np.clip(rng.uniform(0.16, 0.26) * (0.5 + 0.5 * _field((h, w), side * 0.18, rng)), 0, 0.4)
    out = _paint(out, veil, (226, 236, 246))
    n = int(rng.integers(6, 11)) if side < 48 else int(rng.integers(20, 41))
    bub = [(rng.uniform(0, w), rng.uniform(0, h), max(0.7, side * rng.uniform(0.01, 0.025))) for _ in range(n)]
    rims = _drawn((h, w), lambda dr, k: [dr.ellipse(((x - r) * k, (y - r) * k, (x + r) * k, (y + r) * k), outline=255,
                                                     width=max(1, round(0.4 * r * k))) for x, y, r in bub])
    out = _paint(out, 0.6 * rims, (250, 252, 255))
    cr = _drawn((h, w), lambda dr, k: [dr.line([(x0 * k, y0 * k), (x1 * k, y1 * k)], fill=255,
                                               width=max(1, round(lw * k))) for (x0, y0), (x1, y1) in cracks])
    return _u8(_paint(out, 0.5 * cr, (248, 250, 255)))


def _binocular_view(f: np.ndarray, rng) -> np.ndarray:
    """The print seen through binoculars: the picture magnified 1.2-1.4 times about a point 45-55% of the way across
    and down, framed by the two overlapping round fields of view (radius 30-36% of the width, their middles 60-75% of
    a radius either side of the middle, 46-54% of the way down), soft over 3% of the side, at least 0.8 px, black
    beyond (6-14 levels), each field darkened by up to 20% towards its rim."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    z = rng.uniform(1.2, 1.4)
    px, py = w * rng.uniform(0.45, 0.55), h * rng.uniform(0.45, 0.55)
    out = _resample(f, py + (yy - py) / z, px + (xx - px) / z)
    r = w * rng.uniform(0.3, 0.36)
    d = r * rng.uniform(0.6, 0.75)
    cy = h * rng.uniform(0.46, 0.54)
    soft = max(0.8, side * 0.03)
    dist = np.minimum(np.hypot(xx - (w / 2 - d), yy - cy), np.hypot(xx - (w / 2 + d), yy - cy))
    field = np.clip((r - dist) / soft + 0.5, 0, 1)
    out = out * (1 - 0.2 * np.clip(dist / r, 0, 1) ** 2)[..., None]
    return _u8(_paint(out, 1 - field, [rng.uniform(6, 14)] * 3))


def near_edit_ab(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "cheese_wedge":  # a wedge of cheese lying on the print
        return _cheese_wedge(f, rng)
    if kind == "prawn":  # a cooked prawn lying curled on the print
        return _prawn(f, rng)
    if kind == "mitten":  # a knitted mitten lying on the print
        return _mitten(f, rng)
    if kind == "dummy":  # a baby's dummy lying on the print
        return _dummy(f, rng)
    if kind == "shuttlecock":  # a badminton shuttlecock lying on the print
        return _shuttlecock(f, rng)
    if kind == "glass_of_water":  # seen through a tumbler of water standing in front of the print
        return _glass_of_water(f, rng)
    if kind == "frozen_in_ice":  # frozen into a block of ice
        return _frozen_in_ice(f, rng)
    if kind == "binocular_view":  # seen through binoculars
        return _binocular_view(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _line_kernel(n: int, ang: float, length: float, width: float = 1.0) -> np.ndarray:
    """An ``n`` x ``n`` kernel: a line ``length`` px long through its middle at ``ang`` radians (antialiased)."""
    c = n / 2
    dx, dy = length / 2 * np.cos(ang), length / 2 * np.sin(ang)
    return _drawn((n, n), lambda d, k: d.line([((c - dx) * k, (c - dy) * k), ((c + dx) * k, (c + dy) * k)], fill=255,
                                              width=max(1, round(width * k))))


def blur_ab(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "cataract":  # seen through an eye with a cortical cataract
        R = max(2.0, side * rng.uniform(0.045, 0.065))
        Ls = R * rng.uniform(2.0, 2.8)
        r = int(np.ceil(Ls)) + 2
        n = 2 * r + 1
        disk = np.zeros((n, n), np.float32)
        dk = _disk_kernel(R)
        o = r - dk.shape[0] // 2
        disk[o:o + dk.shape[0], o:o + dk.shape[0]] = dk
        ns = int(rng.integers(6, 11))
        angs = rng.uniform(0, 2 * np.pi) + 2 * np.pi * np.arange(ns) / ns + rng.uniform(-0.25, 0.25, ns)
        c = r + 0.5
        spokes = _drawn((n, n), lambda d, k: [d.line([(c * k, c * k), ((c + Ls * np.cos(t)) * k,
                                                                       (c + Ls * np.sin(t)) * k)],
                                                     fill=255, width=max(1, round(0.7 * k))) for t in angs])
        sw = rng.uniform(0.3, 0.45)
        kern = (1 - sw) * disk / disk.sum() + sw * spokes / max(float(spokes.sum()), 1e-6)
        out = _fft_blur(f, kern)
        v = rng.uniform(0.12, 0.2)
        out = (1 - v) * out + v * out.mean(axis=(0, 1), keepdims=True)
        out = out * np.array([1.0, rng.uniform(0.92, 0.95), rng.uniform(0.72, 0.8)], np.float32)
        return _u8(_metered(out, f))
    if kind == "needle_felted":  # copied in needle-felted wool
        ell = max(3.5, side * rng.uniform(0.11, 0.15))
        n = 2 * (int(np.ceil(ell / 2)) + 2) + 1
        k = 6
        base = rng.uniform(0, np.pi / k)
        outs = [_fft_blur(f, _line_kernel(n, base + j * np.pi / k, ell)) for j in range(k)]
        wts = np.exp(1.5 * np.stack([_field((h, w), max(1.0, side * 0.05), rng) for _ in range(k)]))
        wts = wts / wts.sum(axis=0)
        out = sum(wts[j][..., None] * outs[j] for j in range(k))
        out = gaussian_filter(out, (0.12 * ell, 0.12 * ell, 0), mode="reflect")
        return _u8(_metered(out, f))
    if kind == "splaying_easel":  # the print on an easel whose legs splayed during the exposure
        Lmax = max(6.5, side * rng.uniform(0.18, 0.24))
        ell = Lmax * (0.45 + 0.55 * (1 - yy / h))
        a = np.deg2rad(rng.uniform(30, 55)) * rng.choice([-1, 1])
        ts = np.linspace(0, 1, 32)
        out = sum(_resample(f, yy - t * ell * np.cos(a), xx - t * ell * np.sin(a)) for t in ts) / len(ts)
        return _u8(_metered(out, f))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def dark_ab(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "smart_glass":  # behind electrochromic glass switched to dark, its tint still spreading inwards
        d = (np.minimum(xx, w - xx) if rng.random() < 0.5 else np.minimum(yy, h - yy)) / side
        front = rng.uniform(0.22, 0.34) + 0.05 * _field((h, w), side * 0.12, rng)
        s = 1 / (1 + np.exp(-(d - front) / rng.uniform(0.03, 0.06)))
        lo_t, mid_t = rng.uniform(0.03, 0.06), rng.uniform(0.16, 0.26)
        T = lo_t + (mid_t - lo_t) * s
        tint = np.array([rng.uniform(0.62, 0.7), rng.uniform(0.8, 0.86), 1.0], np.float32)
        out = f * T[..., None] * tint
        return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))
    if kind == "thermochromic":  # printed in thermochromic ink, cold, touched by a few fingertips
        cold = f * rng.uniform(0.04, 0.08) + np.array([10, 6, 14], np.float32) * rng.uniform(0.8, 1.2)
        n = int(rng.integers(3, 5))
        cx, cy, ang = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi)
        fl = max(3.0, side * rng.uniform(0.08, 0.12))
        fw = fl * rng.uniform(0.6, 0.7)
        tips = []
        for j in range(n):
            q = j - (n - 1) / 2
            along, across = -0.5 * fl * (q / (n / 2)) ** 2, q * fw * 1.2
            x = cx + along * np.cos(ang) - across * np.sin(ang)
            y = cy + along * np.sin(ang) + across * np.cos(ang)
            tips.append(_ellipse(x, y, fl / 2, fw / 2, ang, 20))
        warm = gaussian_filter(_polys((h, w), tips), max(0.5, side * 0.02))
        warm = np.clip(warm / max(float(warm.max()), 1e-6), 0, 1)
        out = cold * (1 - warm[..., None]) + f * rng.uniform(0.4, 0.6) * warm[..., None]
        return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))
    if kind == "inverted_gain_map":  # an HDR photo's gain map applied with the wrong sign
        q = max(1, round(side / 28)) * 4
        small = np.asarray(Image.fromarray(_u8(_grey(f))).resize((max(1, w // q), max(1, h // q)), Image.BOX),
                           np.float32) / 255
        small = gaussian_filter(small, max(0.5, side * rng.uniform(0.05, 0.08) / q), mode="nearest")
        G = np.asarray(Image.fromarray(small).resize((w, h), Image.BILINEAR), np.float32)
        G = np.clip(G / max(float(G.max()), 1e-6), 0, 1)
        stops = rng.uniform(1.9, 2.5) + rng.uniform(1.5, 2.5) * G
        out = f * (2.0 ** -stops)[..., None]
        return _u8(np.maximum(out + rng.normal(0, 1.0, f.shape), 0))
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _bowling_lane(size: int, rng) -> dict:
    """A bowling lane seen from the approach: the lane a trapezoid from the bottom corners' 36-42% of the side either
    side of a middle 46-54% across to 10-13% either side at its far end, 28-36% down, gutters 18% wider beside it,
    9-13 boards, a row of 7 aiming arrows, the ten pins in their triangle at the far end (rows of 4, 3, 2 and 1, 9%
    of the side tall, 13% below 48 px, each a body, a neck with two stripes and a head), the dark masking unit above
    them, a wall, and a ball of radius 7-9% of the side on the lane 78-88% down (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("wall", "pit", "gutters", "lane", "boards", "arrows", "pins", "stripes", "ball"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    yt = big * rng.uniform(0.28, 0.36)
    wf, wn = big * rng.uniform(0.1, 0.13), big * rng.uniform(0.36, 0.42)
    cx = big * rng.uniform(0.46, 0.54)
    d["wall"].rectangle((0, 0, big, yt), fill=255)
    d["pit"].rectangle((cx - 1.5 * wf, yt - 0.2 * big, cx + 1.5 * wf, yt - 0.02 * big), fill=255)
    d["gutters"].polygon([(cx - 1.18 * wf, yt), (cx + 1.18 * wf, yt), (cx + 1.18 * wn, big), (cx - 1.18 * wn, big)],
                         fill=255)
    d["lane"].polygon([(cx - wf, yt), (cx + wf, yt), (cx + wn, big), (cx - wn, big)], fill=255)
    lw = max(1, round(big * 0.006))
    for u in np.linspace(-1, 1, int(rng.integers(9, 14)))[1:-1]:
        d["boards"].line([(cx + u * wf, yt), (cx + u * wn, big)], fill=255, width=lw)
    ya = yt + 0.55 * (big - yt)
    wa = wf + 0.55 * (wn - wf)
    for u in np.linspace(-0.6, 0.6, 7):
        x, q = cx + u * wa, big * 0.018
        d["arrows"].polygon([(x, ya - 2 * q), (x - q, ya + q), (x + q, ya + q)], fill=255)
    hp = big * (0.13 if size < 48 else 0.09)
    wp = 0.3 * hp
    for j, n in enumerate((4, 3, 2, 1)):
        base = yt + 0.01 * big + j * 0.015 * big
        for i in range(n):
            x = cx + (i - (n - 1) / 2) * 0.42 * wf
            d["pins"].ellipse((x - wp / 2, base - 0.6 * hp, x + wp / 2, base), fill=255)
            d["pins"].rectangle((x - 0.2 * wp, base - 0.85 * hp, x + 0.2 * wp, base - 0.5 * hp), fill=255)
            d["pins"].ellipse((x - 0.28 * wp, base - hp, x + 0.28 * wp, base - 0.8 * hp), fill=255)
            for yq in (0.62, 0.7):
                d["stripes"].rectangle((x - 0.22 * wp, base - (yq + 0.03) * hp, x + 0.22 * wp, base - yq * hp),
                                       fill=255)
    rb = big * rng.uniform(0.07, 0.09)
    bx, by = cx + rng.uniform(-0.35, 0.35) * wn, big * rng.uniform(0.78, 0.88)
    d["ball"].ellipse((bx - rb, by - rb, bx + rb, by + rb), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _sushi_board(size: int, rng) -> dict:
    """A sushi board seen from above: a rounded board 86-94% of the side wide and 56-70% high, turned by up to 10
    degrees, a row of maki along its back (3 below 48 px, 5-7 above: a ring of nori, the rice and a filling of salmon,
    tuna, cucumber or egg), a row of nigiri along its front (2 below 48 px, 3-4 above: an oval of rice under a slice
    of fish with three pale lines), a little pile of pickled ginger and a dab of wasabi (0-1 coverage each)."""
    big = 4 * size
    c = big / 2
    W2, H2 = big * rng.uniform(0.86, 0.94) / 2, big * rng.uniform(0.56, 0.7) / 2
    names = ("board", "rim", "nori", "rice", "salmon", "tuna", "cucumber", "egg", "nigiri_rice", "fish_salmon",
             "fish_tuna", "fish_shrimp", "fish_lines", "ginger", "wasabi")
    M = _canvas(names, big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    d["board"].rounded_rectangle((c - W2, c - H2, c + W2, c + H2), radius=big * 0.04, fill=255)
    d["rim"].rounded_rectangle((c - W2, c - H2, c + W2, c + H2), radius=big * 0.04, outline=255,
                               width=max(1, round(big * 0.015)))
    nm = 3 if size < 48 else int(rng.integers(5, 8))
    rm = min(big * 0.1, 2 * W2 * 0.86 / (2 * nm))
    for i in range(nm):
        x, y = c - W2 + (i + 0.5) * 2 * W2 / nm, c - 0.42 * H2
        d["nori"].ellipse((x - rm, y - rm, x + rm, y + rm), fill=255)
        d["rice"].ellipse((x - 0.8 * rm, y - 0.8 * rm, x + 0.8 * rm, y + 0.8 * rm), fill=255)
        k = ("salmon", "tuna", "cucumber", "egg")[int(rng.integers(4))]
        d[k].ellipse((x - 0.36 * rm, y - 0.36 * rm, x + 0.36 * rm, y + 0.36 * rm), fill=255)
    nn = 2 if size < 48 else int(rng.integers(3, 5))
    span = 2 * W2 * 0.7
    a, b = min(big * 0.13, span / nn * 0.45), big * 0.06
    for i in range(nn):
        x, y = c - span / 2 + (i + 0.5) * span / nn, c + 0.4 * H2
        d["nigiri_rice"].ellipse((x - a, y - b, x + a, y + b), fill=255)
        k = ("fish_salmon", "fish_tuna", "fish_shrimp")[int(rng.integers(3))]
        d[k].ellipse((x - 1.1 * a, y - 1.1 * b - 0.3 * b, x + 1.1 * a, y + 0.7 * b), fill=255)
        for u in (-0.4, 0.0, 0.4):
            d["fish_lines"].line([(x + u * a - 0.2 * a, y + 0.4 * b), (x + u * a + 0.2 * a, y - 0.9 * b)], fill=255,
                                 width=max(1, round(big * 0.008)))
    gx, gy = c + W2 * 0.82, c + H2 * 0.05
    for _ in range(4):
        x, y = gx + rng.uniform(-0.05, 0.05) * big, gy + rng.uniform(-0.05, 0.05) * big
        d["ginger"].ellipse((x - 0.04 * big, y - 0.025 * big, x + 0.04 * big, y + 0.025 * big), fill=255)
    wx, wy = c - W2 * 0.84, c + H2 * 0.05
    d["wasabi"].ellipse((wx - 0.035 * big, wy - 0.03 * big, wx + 0.035 * big, wy + 0.03 * big), fill=255)
    ang = rng.uniform(-10, 10)
    return {k: _down(v, size, ang) for k, v in M.items()}


def _carousel(size: int, rng) -> dict:
    """A carousel seen from the front: a striped conical roof (its apex 12-16% down, its eaves 30-36% down and 40-46%
    of the side either side of the middle, 6 stripes below 48 px, 10 above) under a finial with a pennant, a valance
    with a scalloped edge and a row of 8-14 lights, a central column, 3 brass poles below 48 px, 5 above, down to a
    round platform 78-84% down, a horse on each pole (body, neck and head, legs, tail, saddle) at staggered heights,
    all facing one way (0-1 coverage each)."""
    big = 4 * size
    c = big / 2
    names = ("roof", "roof_b", "finial", "valance", "lights", "column", "platform", "poles", "horses", "saddles")
    M = _canvas(names, big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    apex, eave, We = big * rng.uniform(0.12, 0.16), big * rng.uniform(0.3, 0.36), big * rng.uniform(0.4, 0.46)
    d["finial"].line([(c, big * 0.04), (c, apex)], fill=255, width=max(1, round(big * 0.012)))
    d["finial"].polygon([(c, big * 0.04), (c + 0.08 * big, big * 0.06), (c, big * 0.08)], fill=255)
    d["roof"].polygon([(c, apex), (c - We, eave), (c + We, eave)], fill=255)
    ns = 6 if size < 48 else 10
    for k in range(0, ns, 2):
        x0, x1 = c - We + k * 2 * We / ns, c - We + (k + 1) * 2 * We / ns
        d["roof_b"].polygon([(c, apex), (x0, eave), (x1, eave)], fill=255)
    vb = eave + 0.05 * big
    d["valance"].rectangle((c - We, eave, c + We, vb), fill=255)
    nsc = 6 if size < 48 else 10
    rs = We / nsc
    for k in range(nsc):
        x = c - We + (2 * k + 1) * rs
        d["valance"].pieslice((x - rs, vb - rs, x + rs, vb + rs), 0, 180, fill=255)
    for x in np.linspace(c - 0.9 * We, c + 0.9 * We, int(rng.integers(8, 15))):
        q = big * 0.012
        d["lights"].ellipse((x - q, eave + 0.025 * big - q, x + q, eave + 0.025 * big + q), fill=255)
    yp = big * rng.uniform(0.78, 0.84)
    d["column"].rectangle((c - 0.04 * big, vb, c + 0.04 * big, yp), fill=255)
    d["platform"].rectangle((c - 0.95 * We, yp, c + 0.95 * We, yp + 0.05 * big), fill=255)
    d["platform"].ellipse((c - 0.95 * We, yp + 0.01 * big, c + 0.95 * We, yp + 0.09 * big), fill=255)
    n = 3 if size < 48 else 5
    xs = [c + (k - (n - 1) / 2) * 1.7 * We / n for k in range(n)]
    xs = [x + (0.11 * big if abs(x - c) < 1 else 0.0) for x in xs]
    face = rng.choice([-1, 1])
    bl, bh = big * (0.2 if size < 48 else 0.14), big * (0.08 if size < 48 else 0.06)
    for k, x in enumerate(xs):
        d["poles"].line([(x, vb + rs), (x, yp)], fill=255, width=max(1, round(big * 0.01)))
        y = vb + (yp - vb) * (0.45 + 0.15 * ((k % 2) - 0.5) * 2 + rng.uniform(-0.04, 0.04))
        d["horses"].ellipse((x - bl / 2, y - bh / 2, x + bl / 2, y + bh / 2), fill=255)
        hx = x + face * 0.45 * bl
        d["horses"].polygon([(hx - face * 0.08 * bl, y - 0.2 * bh), (hx + face * 0.12 * bl, y - 1.3 * bh),
                             (hx + face * 0.42 * bl, y - 1.0 * bh), (hx + face * 0.35 * bl, y - 0.75 * bh),
                             (hx + face * 0.12 * bl, y - 0.7 * bh), (hx + face * 0.08 * bl, y + 0.1 * bh)], fill=255)
        for lx, sw in ((x - 0.35 * bl, -0.1), (x - 0.2 * bl, 0.1), (x + 0.2 * bl, -0.1), (x + 0.35 * bl, 0.1)):
            d["horses"].line([(lx, y), (lx + face * sw * bl, y + 1.3 * bh)], fill=255,
                             width=max(1, round(big * 0.012)))
        tx = x - face * 0.5 * bl
        d["horses"].line([(tx, y - 0.2 * bh), (tx - face * 0.15 * bl, y + 0.9 * bh)], fill=255,
                         width=max(1, round(big * 0.016)))
        d["saddles"].rectangle((x - 0.15 * bl, y - 0.6 * bh, x + 0.12 * bl, y - 0.1 * bh), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


LANES = ((214, 170, 112), (198, 148, 94), (228, 192, 142))
WALLS = ((28, 30, 60), (50, 24, 60), (18, 18, 22))
BALLS = ((30, 60, 160), (170, 30, 40), (40, 40, 44), (60, 150, 70), (120, 40, 140))
BOARDS_AB = ((190, 142, 90), (54, 54, 58), (214, 190, 130))
TABLES_AB = ((70, 48, 32), (36, 36, 40), (150, 150, 156), (230, 226, 218))
SKIES = ((36, 46, 90), (120, 170, 220), (24, 22, 30))
ROOFS = (((200, 36, 40), (246, 242, 230)), ((40, 70, 170), (246, 206, 60)), ((40, 140, 80), (246, 242, 230)))
HORSES = ((246, 244, 236), (232, 214, 178), (150, 150, 156), (30, 28, 28))


def outlier_ab(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "bowling_lane":
        m = _bowling_lane(size, rng)
        if photos:  # a dark wall, a black masking unit, grey gutters, a maple lane, white pins with red stripes
            lane = _pick(LANES, rng)
            out = _paint(_paint(ground((40, 38, 44)), m["wall"], _pick(WALLS, rng)), m["pit"], (12, 12, 14))
            out = _paint(_paint(_paint(out, m["gutters"], (150, 150, 158)), m["lane"], lane), m["boards"], lane * 0.8)
            out = _paint(_paint(out, m["arrows"], (40, 36, 34)), m["pins"], (246, 246, 242))
            return _u8(_paint(_paint(out, m["stripes"], (200, 30, 30)), m["ball"], _pick(BALLS, rng)))
        out = _paint(_paint(ground([lo] * 3), m["wall"], tone(0.2)), m["pit"], [lo] * 3)
        out = _paint(_paint(_paint(out, m["gutters"], tone(0.3)), m["lane"], tone(0.55)), m["boards"], tone(0.42))
        out = _paint(_paint(out, m["arrows"], tone(0.85)), m["pins"], tone(1.0))
        return _u8(_paint(_paint(out, m["stripes"], tone(0.45)), m["ball"], tone(0.75)))
    if kind == "sushi_board":
        m = _sushi_board(size, rng)
        if photos:  # a wooden, slate or bamboo board on a table; nori, rice, fish, ginger, wasabi
            board = _pick(BOARDS_AB, rng)
            out = _paint(_paint(ground(_pick(TABLES_AB, rng)), m["board"], board), m["rim"] * m["board"], board * 0.8)
            out = _paint(_paint(out, m["nori"], (24, 36, 28)), m["rice"], (244, 242, 236))
            for k, col in (("salmon", (244, 128, 80)), ("tuna", (196, 36, 50)), ("cucumber", (90, 170, 80)),
                           ("egg", (246, 210, 80))):
                out = _paint(out, m[k], col)
            out = _paint(out, m["nigiri_rice"], (244, 242, 236))
            for k, col in (("fish_salmon", (244, 128, 80)), ("fish_tuna", (196, 36, 50)),
                           ("fish_shrimp", (242, 170, 150))):
                out = _paint(out, m[k], col)
            fish = np.maximum.reduce([m["fish_salmon"], m["fish_tuna"], m["fish_shrimp"]])
            out = _paint(_paint(out, m["fish_lines"] * fish, (250, 236, 226)), m["ginger"], (246, 196, 190))
            return _u8(_paint(out, m["wasabi"], (140, 190, 60)))
        out = _paint(_paint(ground([lo] * 3), m["board"], tone(0.3)), m["rim"] * m["board"], tone(0.45))
        out = _paint(_paint(out, m["nori"], tone(0.08)), m["rice"], tone(1.0))
        for k, t in (("salmon", 0.55), ("tuna", 0.4), ("cucumber", 0.5), ("egg", 0.7)):
            out = _paint(out, m[k], tone(t))
        out = _paint(out, m["nigiri_rice"], tone(1.0))
        for k, t in (("fish_salmon", 0.6), ("fish_tuna", 0.45), ("fish_shrimp", 0.7)):
            out = _paint(out, m[k], tone(t))
        fish = np.maximum.reduce([m["fish_salmon"], m["fish_tuna"], m["fish_shrimp"]])
        out = _paint(_paint(out, m["fish_lines"] * fish, tone(0.95)), m["ginger"], tone(0.8))
        return _u8(_paint(out, m["wasabi"], tone(0.5)))
    if kind == "carousel":
        m = _carousel(size, rng)
        if photos:  # a sky, a two-colour roof, a gold valance with lights, brass poles, painted horses
            ra, rb = (np.asarray(v, np.float32) for v in ROOFS[int(rng.integers(len(ROOFS)))])
            out = _paint(_paint(ground(_pick(SKIES, rng)), m["finial"], (212, 176, 80)), m["roof"], ra)
            out = _paint(_paint(out, m["roof_b"] * m["roof"], rb), m["valance"], (214, 170, 60))
            out = _paint(_paint(out, m["lights"], (255, 244, 190)), m["column"], rb * 0.9)
            out = _paint(_paint(out, m["platform"], (120, 80, 60)), m["poles"], (222, 186, 90))
            return _u8(_paint(_paint(out, m["horses"], _pick(HORSES, rng)), m["saddles"], ra))
        out = _paint(_paint(ground([lo] * 3), m["finial"], tone(0.6)), m["roof"], tone(0.8))
        out = _paint(_paint(out, m["roof_b"] * m["roof"], tone(0.4)), m["valance"], tone(0.6))
        out = _paint(_paint(out, m["lights"], tone(1.0)), m["column"], tone(0.35))
        out = _paint(_paint(out, m["platform"], tone(0.5)), m["poles"], tone(0.9))
        return _u8(_paint(_paint(out, m["horses"], tone(1.0)), m["saddles"], tone(0.45)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def stale_choice_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was labelled by two-choice tasks ("is it a
    <class> or a <class>?") on pages of ``PAGE`` pictures of the eligible examples (shuffled into pages), and the
    pages worked here were served a stale pair of choices (two classes drawn at random for the page, cached from
    another page); the labeller, who had to pick one of the two, gave each picture whose class was neither the
    choice its 8 x 8 grey thumbnail (standardised) is nearer, by the squared distance to the two classes' mean
    thumbnails over the whole set; pages are worked through until the flips needed are made (the last page's cut
    short at random)."""
    lab = np.asarray([classes.index(v) for v in labels])
    t_all = _thumbs(base)
    means = np.stack([t_all[lab == k].mean(axis=0) if (lab == k).any() else np.full(t_all.shape[1], 1e6)
                      for k in range(len(classes))])
    cand = np.asarray(candidates, dtype=int)
    order = cand[rng.permutation(len(cand))]
    out: dict[int, object] = {}
    at = 0
    while len(out) < count and at < len(order):
        page = order[at: at + int(rng.integers(*PAGE))]
        at += len(page)
        pair = rng.choice(len(classes), size=2, replace=False)
        wrong = [int(i) for i in page if lab[i] not in pair]
        if not wrong:
            continue
        dist = ((t_all[wrong][:, None, :] - means[pair][None]) ** 2).sum(axis=2)
        got = {i: classes[int(pair[int(np.argmin(dd))])] for i, dd in zip(wrong, dist)}
        keys = list(got)
        if len(out) + len(keys) > count:
            keys = [keys[int(j)] for j in sorted(rng.choice(len(keys), size=count - len(out), replace=False))]
        out.update({i: got[i] for i in keys})
    return out


# -- planting ------------------------------------------------------------------------------
def plant_issues_ab(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AB's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 72-91 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AB, seed=280_000 + random_state,
        quality_seed=285_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=stale_choice_flips,
        **by_family(name, outlier=(outlier_ab, OUTLIERS_AB), blur=(blur_ab, BLURS_AB), dark=(dark_ab, DARKS_AB),
                    near=(near_edit_ab, NEAR_EDITS_AB)))
