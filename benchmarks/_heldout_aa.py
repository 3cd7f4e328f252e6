"""Generator AA: fresh EVALUATION sets after generator Z (never used to choose anything).

Why a twenty-fifth evaluation generator: generator Z's sets are to be run, and whatever they show may inform the
next changes, so they will not stay untouched; AA is a held-out measurement of the code after them, of families of its
own (AA's writer saw no result of Z, nor of any earlier generator). Generator AA was written before any tool was run
on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28,
150 and 208 px, to check that every edit is visible, every blur blurred, every darkened image dark and every outlier
foreign, and the planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs,
darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs:
Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no
earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W,
X, Y, Z) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate,
brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left out
because an earlier generator made them or left them out: a cherry tomato, a cookie or a doughnut (round things: N's
push pin, U's pizzas, as Z found), a chilli pepper (Z's carrot), a screwdriver or a spanner (O's pencil, V's door
key), an acorn or a walnut (X's pine cone and coffee beans), a binder clip (N's paper clip), a wine cork or a glue
stick (W's battery), tweezers (X's scissors), a watermelon slice (U's pizzas), a lollipop (W's sweets); of the whole
picture a poster curling at both ends (M's open book), a greeting card standing open or a Miura-folded print (V's
banner, the folding screen X left out), a photo plate or an embroidery hoop (Z's lensball, I's rounded corners), a
line-screen engraving or ASCII art (I's halftone), ruled notebook paper (G's scan lines, as W's epipolar lines), a
calcite crystal's double image (G's double exposure), datamoshing (F's elastic deformation, H's tear), a photo sheet
on a square pillow (AA's own balloon is enough); among blurs a contact print lifted off its negative (S's focal spot,
as Z found), the lithophane's light spread more where it is thicker (S's irradiation, spread by level: AA's is
uniform), a Poisson-kernel diffusion (H's Moffat), a print on fleece (I's frosted glass), a pastel copy smudged all
over (J's smear, L's smudge), a CRT's blooming spot (S's irradiation), a gamma camera's collimator (N's fibrescope), a
few-view CT backprojection (O's streaks), a carbonless copy's pressure spread (one ink-on-ground reprint is enough
besides the latte's); among darkenings a CRT or PWM-lit scene caught by a fast shutter (O's flicker banding, as T's
flash band), a photo etched on black anodised aluminium (V's granite portrait, Z's dark card), a failing edge-lit
backlight (S's scalloped downlights), a didymium or cobalt glass (J's smoked glass), a thermal receipt darkened in the
sun (X's fogged paper), a lith print snatched late (G's tone curve), a slot canyon's bounced light (G's night shot);
among foreign pictures a waterfall (a 1 on the digit sets), a clapperboard and a rotary telephone (a bag on the
clothing sets), a roulette wheel (N's dartboards), a foosball table (N's abaci), a Twister mat or a hopscotch court
(L's card pips, the digits themselves), an aqueduct (S's bridges); among label noise clusters labelled by their medoid
(N's clusters), a two-up form whose two labels were typed in swapped order (U's shifted rows, as W's batch shuffle), a
swipe-to-confirm interface (L's auto-labeller), a tracker's identity switch along chains of look-alikes (X's sorted
queue), an anchor class per session (V's target hunt) and skipped pictures filled with their batch's commonest class
(G's attractors).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole: half an avocado lying cut face
  up on the print (34-46% of the side long, at least 9 px, 62-70% of that wide, pear-shaped, its half-width ``sqrt(1 -
  u ** 2) (1 - 0.32 ((u + 1) / 2) ** 1.4)`` of the half-width at ``u`` from -1 at the round end to 1 at the neck, a
  dark green, near-black or green skin showing as a rim round the flesh (the outline scaled to 88%), the flesh green
  at the rim and pale yellow-green inside 66% of it, a brown stone of radius 27-32% of the width with a sheen in the
  round end seven times in ten, else the pale hollow it left; at any angle, 30-70% of the way across and down, a soft
  shadow at 40%), a
  broccoli floret lying on the print (40-52% of the side long, at least 10 px, its crown a dome of radius 30-36% of the
  length of 5-7 rounded clusters below 48 px, 9-13 above, discs of 32-45% of the crown's radius in darker and lighter
  greens, dotted with lighter buds, a pale green stalk 20-26% of the length wide flaring into it, a side branch to a
  small cluster and a paler cut end; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a
  harmonica lying on the print (44-58% of the side long, at least 11 px, 22-27% of that high, two chrome cover plates
  of 205-214 levels with rounded ends, a sheen at 60% and an engraved line along each, round a comb of wood, black or
  red plastic or cream showing its 10 dark square holes, a screw at each end of each cover; at any angle, 30-70% of
  the way across and down, a soft shadow at 40%), a squeezed tube of artist's paint lying on the print (40-54% of the
  side long, at least 10 px, 26-32% of that wide at its crimped end, a flat band of 8% of the length with 3 ridges, an
  aluminium body narrowing to the shoulder, a label band over 35% of it in cadmium red, ultramarine, viridian, yellow,
  ochre or violet with a white title bar, 2-3 darker squeeze creases, the shoulder's cone and a ribbed black, white or
  red cap 20% of the length long; at any angle, 30-70% of the way across and down, a soft shadow at 40%) and a
  bone-shaped dog biscuit lying on the print (30-40% of the side long, at least 8 px, a bar 26-32% of the length wide
  ending in two round lobes at each end, discs of radius 20-24% of the length 0.62 radii either side of the axis, in a
  baked tan, brown, red-brown, pale or charcoal tone, its top 8% lighter inside a rim, 5-9 small docking holes; at
  any angle, 30-70% of the way across and down, a soft shadow at 40%); of the whole picture: the picture printed on
  the fabric of a button-tufted headboard (buttons on a diamond lattice ``s`` 34-40% of the side apart across below 48
  px, 22-30% above, its rows 80-92% of that apart, every other row set off by half, at a random offset; the fabric
  drawn in towards each button, each point's picture read from ``1 + a exp(-(r / 0.33 s) ** 2)`` times its distance
  ``r`` from the button, summed over the buttons, ``a`` 0.35-0.5, 0.18-0.26 below 48 px; each puff lit from a random
  side by its slope, the buttons' dimples Gaussians of 0.3 s, shading by up to 12-18% with a velvet sheen of up to
  16-26 levels, and darkened towards the buttons by up to 25-35%, half that below 48 px; creases from each button to
  its diagonal neighbours 0.8% of the side wide, at least 0.6 px, taking 25-40% of the light; the buttons discs of
  radius 2.2-3% of the side, at least 1.1 px, covered in the fabric 25% darker, with a dark rim and a glint), the
  picture printed on a square foil balloon and blown up (its outline bowed in by 6-10% of the side at the middle of
  each edge, its corners 2-4% of the side in from the frame's, the ground's tone beyond it, 15% darker; inside, the
  picture stretched to the outline and swollen in the middle, each way ``0.5 + 0.5 sign(2u - 1) |2u - 1| ** g`` of
  the way across at ``u``, ``g`` 1.15-1.3; the foil darkening by up to 25% towards the seam over 15% of the side, a
  soft specular band 12-20% of the side wide at any angle through the middle third, white at 25-40%, crinkles along
  the seam, light and dark by 12-20% at a period of 3-4.5% of the side, at least 1.5 px, fading inwards over 6-9% of
  the side, and the crimped silver seam, 2-3% of the side wide, at least 1 px) and the picture printed as a black and
  white photograph and hand-coloured (its grey, 0.3 red, 0.59 green, 0.11 blue, made as light as the source's
  brightest channel at its 99th percentile, by at most 1.6 times, on a warm paper, 246 / 238 / 222; 2-3 tinted zones
  below 48 px, 3-5 above, each round a point 15-85% of the way across and down, of radius 15-30% of the side, its edge
  wobbling by 22% over a smooth random field of 15% of the side and soft over 2.5% of the side, at least 0.8 px, in
  rose, sky blue, sage, ochre or violet transparent oil multiplied in at 40-60%, so that it shows on the light parts
  and not on the dark);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture sprayed on a wall through layered stencils held off it (posterised into 4-5 layers by
  grey level between its 2nd and 98th percentiles, each in its pixels' mean colour; each layer's edge spread by the
  gap, a uniform disk of radius 4.5-6.5% of the side, at least 1.5 px, then by the droplets' scatter, a Gaussian of
  35% of that radius; the spray's speckle, sigma 2 levels, up to 8 where the edges are soft), the picture printed in
  coffee extract on milk foam by a latte printer (the ink, the grey's darkness, wicking into the wet foam as ``exp(-r
  / l)``, ``l`` 1.8-2.6% of the side, at least 0.8 px, cut at 5 l; coffee brown, 118 / 70 / 38, on foam, 244 / 234 /
  214, at up to 92%; 25-40 foam bubbles below 48 px, 80-160 above, rings of radius 0.5-1.2% of the side, at least
  0.4 px, 8 levels darker) and the picture printed as a lithophane held up to the light (the plastic's thickness
  chosen so that the light let through follows the grey, down to 6-10% at the thickest; the light scattered in the
  plastic, a Gaussian of 3.2-4.5% of the side, at least 1.4 px; in a warm white, 255 / 226-240 / 180-205, with the
  printer's layer lines, horizontal, of period 1.2-1.8% of the side, at least 1.5 px, taking 3-5%); each as a camera
  metering on the highlights exposes it (as Y's and Z's);
* ``dark`` (2%): the picture on a television with full-array local dimming at its lowest backlight, in a dark room (4-6
  zones a way below 48 px, 8-14 above, each lit by its brightest channel's peak, the backlight spread over 60% of a
  zone, scaled to a peak of 16-26% of full scale, the panel leaking 8-14% of it through its blacks, so that the zones
  round light things glow; slightly cool; noise sigma 1.2 levels), the picture on a plasma screen photographed at a
  shutter speed catching one or two of its sub-fields (the levels dithered by up to 1, each channel lit only where
  its bit 4, 5, 6 or 7, or two neighbouring ones of them, is set, weighted by their values, with a phosphor
  afterglow of 4% of the picture, at a gain of 12-22%; noise sigma 1.2 levels) and the print in a dark room lit only
  by a torch pressed against its back (the light through the paper falling off as ``(1 + (r / r0) ** 2) ** -1.5``
  from a point 25-75% of the way across and down, ``r0`` 12-20% of the side, with the torch reflector's rings, 12%,
  at a period of 45-60% of ``r0``, fading over 2 ``r0``, the paper's cloudy formation, 12-20% over a smooth random
  field of 1.2-2% of the side, at least 0.8 px, a peak gain of 22-34% and 0.8-2% elsewhere, warmed by the paper,
  green 85-90% and blue 60-70% of red; noise sigma 1.2 levels); none of them blurs the picture;
* ``outlier`` (1.5%): backgammon boards seen from above (a frame 88-96% of the side wide and 70-82% high, turned by up
  to 6 degrees, its field split by a bar 6-8% of the side wide into two halves, each with 6 points, 4 below 48 px,
  along the top and as many along the bottom, long triangles reaching 40-44% of the field's height in two colours in
  turn, and 8-14 stacks of 1-3 round checkers of the two sides on random points), drum kits seen from the front (the
  floor from 88-92% of the way down, a bass drum of radius 21-27% of the side on it with a ring on its front head, two
  rack toms above it, a floor tom on legs to one side, a snare on a stand to the other, a hi-hat and two cymbals, flat
  ellipses 13-18% of the side across tilted by up to 15 degrees, on stands rising to 14-26% down, facing either way)
  and pinball tables seen from above (a cabinet 62-72% of the side wide and 92-97% high, its playfield rounded into an
  arch at the top, a plunger lane down the right, two flippers at the foot angled 25-35 degrees down towards the drain
  between them, a slingshot above each, 3 pop bumpers of radius 5-7% of the side with rings, 3-4 drop targets, 3-5
  arrow inserts and a steel ball, turned by up to 5 degrees); the digit and clothing sets get them in their own tones
  on their dark ground, the photographs as a wooden or dark frame with a green felt, tan or cream field, red and
  cream, black and white or blue and tan points and white and black or red and black checkers on a wooden, dark or
  grey table, a red, black, blue, white or violet kit with white heads, bronze cymbals and chrome stands on a dark,
  wooden or grey stage, and a dark, red or blue cabinet with a blue, violet, orange or green playfield, red or yellow
  bumpers and white flippers;
* ``label`` (5%): *miskeyed-gold* flips: the labellers were trained on "gold" questions, one for every 30 flips needed
  (at least 2), each a random eligible picture whose answer key held a wrong class (a random other one); corrected on
  it, they gave that class to the pictures that looked like it: each gold's nearest eligible pictures of its own class
  (by the distance of 8 x 8 grey thumbnails, standardised), itself first, an even share of twice the flips needed
  (more golds, in the same random order, while those hold fewer than twice the flips needed); the flips are drawn
  uniformly among them, each given its gold's key: noise in tight groups of look-alikes within a class, each group sent
  to one class that has nothing to do with their look (not towards look-alike classes, as F's, H's, T's, V's or
  W's; not a cluster's majority, as N's). Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AA's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
215), MNIST (2,000, seed 216), and the evaluation photographs tiled at 150 px (35 tiles a photograph at most, seed 217:
259) and at 208 px (every tile, seed 218: 174), sizes no other set uses. ``photos150_aa_jpeg`` is written as JPEG
files, each at a quality drawn from 73-92 (a stream of its own, seed ``275_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact
copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``270_000 + random_state``. The
planting is I's (:func:`_heldout_i.plant_generator`, as for J to Z).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_o import _ground
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _disk_kernel, _pixels, _resample
from _heldout_v import _field, _grey, _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AA = ("fashion_test_aa", "mnist_aa", "photos150_aa_jpeg", "photos208_aa")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AA = {
    "fashion_test_aa": ("fashion_test", 215),
    "mnist_aa": ("mnist", 216),
    "photos150_aa_jpeg": ("photos", 217, 150, 12, 35),
    "photos208_aa": ("photos", 218, 208, 8, 1000),
}
JPEG_QUALITY = (73, 93)  # the JPEG set's qualities: integers in [low, high)
RATES_AA = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
NEAR_EDITS_AA = ("avocado_half", "broccoli", "harmonica", "paint_tube", "dog_biscuit", "tufted_upholstery",
                 "foil_balloon", "hand_tinted")
BLURS_AA = ("sprayed_stencil", "latte_printer", "lithophane")
DARKS_AA = ("local_dimming", "plasma_subfields", "torch_behind_print")
OUTLIERS_AA = ("backgammon_board", "drum_kit", "pinball_table")
GOLD_PER = 30  # one miskeyed gold question for every GOLD_PER flips needed (label noise), at least 2


def load_base_aa(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AA, "AA")


def _frame_at(h: int, w: int, rng) -> _Frame:
    return _Frame((h, w), w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi))


def _scaled(pts, cx: float, cy: float, k: float) -> list[tuple[float, float]]:
    """Points scaled by ``k`` about (``cx``, ``cy``)."""
    return [(cx + (x - cx) * k, cy + (y - cy) * k) for x, y in pts]


def _rect(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


# -- near copies -----------------------------------------------------------------------------
AVOCADO_SKINS = ((44, 50, 28), (36, 62, 30), (72, 108, 40))


def _avocado_half(f: np.ndarray, rng) -> np.ndarray:
    """Half an avocado lying cut face up on the print: 34-46% of the side long, at least 9 px, 62-70% of that wide,
    pear-shaped (its half-width ``sqrt(1 - u ** 2) (1 - 0.32 ((u + 1) / 2) ** 1.4)`` of the half-width at ``u``
    from -1 at the round end to 1 at the neck), a dark green, near-black or green skin showing as a rim round the
    flesh (the outline scaled to 88%), the flesh green at the rim and pale yellow-green inside 66% of it, the stone
    (a brown disc of radius 27-32% of the width, with a sheen) in the round end seven times in ten, else the pale
    hollow it left; at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.34, 0.46))
    W = L * rng.uniform(0.62, 0.7)
    skin = np.asarray(AVOCADO_SKINS[int(rng.integers(len(AVOCADO_SKINS)))], np.float32)
    fr = _frame_at(h, w, rng)
    u = np.linspace(-1, 1, 40)
    half = W / 2 * np.sqrt(np.clip(1 - u ** 2, 0, 1)) * (1 - 0.32 * ((u + 1) / 2) ** 1.4)
    xs = u * L / 2
    outline = [(x, -s) for x, s in zip(xs, half)] + [(x, s) for x, s in zip(xs[::-1], half[::-1])]
    px = -0.2 * L
    rp = W * rng.uniform(0.27, 0.32)
    stone = rng.random() < 0.7
    parts = [(fr.fill([outline]), skin, 1.0, True),
             (fr.fill([_scaled(outline, -0.05 * L, 0.0, 0.88)]), (150, 182, 62), 1.0, False),
             (fr.fill([_scaled(outline, px, 0.0, 0.66)]), (222, 222, 128), 0.85, False)]
    if stone:
        parts += [(fr.fill([_ellipse(px, 0.0, rp, rp, 0.0, 24)]), (122, 74, 40), 1.0, False),
                  (fr.fill([_ellipse(px - 0.3 * rp, -0.3 * rp, 0.4 * rp, 0.22 * rp, -0.6, 12)]), (236, 206, 170), 0.6,
                   False)]
    else:
        parts += [(fr.fill([_ellipse(px, 0.0, rp, rp, 0.0, 24)]), (186, 176, 84), 1.0, False),
                  (fr.fill([_ellipse(px + 0.15 * rp, 0.1 * rp, 0.8 * rp, 0.8 * rp, 0.0, 20)]), (226, 222, 150), 0.9,
                   False)]
    return _u8(_laid(f, parts, 0.4))


def _broccoli(f: np.ndarray, rng) -> np.ndarray:
    """A broccoli floret lying on the print: 40-52% of the side long, at least 10 px, its crown a dome of radius
    30-36% of the length made of 5-7 rounded clusters below 48 px, 9-13 above (discs of 32-45% of the crown's
    radius, dark green, each a little lighter or darker), dotted with lighter buds, its pale green stalk 20-26% of
    the length wide, flaring into the crown, with a side branch to a small cluster and a paler cut end; at any
    angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.4, 0.52))
    Rc = L * rng.uniform(0.3, 0.36)
    ws = L * rng.uniform(0.1, 0.13)
    fr = _frame_at(h, w, rng)
    cx = L / 2 - Rc  # the crown's middle; the stalk towards -x
    xj = cx - 0.55 * Rc
    stalk = [(-L / 2, -ws), (xj, -0.8 * ws), (cx - 0.2 * Rc, -0.75 * Rc), (cx - 0.2 * Rc, 0.75 * Rc), (xj, 0.8 * ws),
             (-L / 2, ws)]
    n = int(rng.integers(5, 8)) if side < 48 else int(rng.integers(9, 14))
    green = np.asarray((46, 102, 50), np.float32) * rng.uniform(0.85, 1.1)
    clusters = []
    for _ in range(n):
        r = Rc * rng.uniform(0.32, 0.45)
        rho, a = (Rc - r) * np.sqrt(rng.uniform(0, 1)), rng.uniform(0, 2 * np.pi)
        clusters.append((cx + rho * np.cos(a), rho * np.sin(a), r))
    sx = -L / 2 + 0.45 * (xj + L / 2)
    sa = rng.choice([-1, 1]) * rng.uniform(0.5, 0.8)
    bx, by = sx + 0.3 * L * np.cos(sa), 0.3 * L * np.sin(sa)
    rb = Rc * 0.35
    parts = [(fr.line([[(sx, 0.0), (bx, by)]], max(0.6, 0.8 * ws)), (150, 186, 100), 1.0, True),
             (fr.fill([stalk]), (164, 194, 112), 1.0, True),
             (fr.fill([_ellipse(-L / 2 + 0.01 * L, 0.0, max(0.5, 0.05 * L), ws, 0.0, 12)]), (206, 220, 164), 1.0,
              False),
             (fr.fill([_ellipse(bx, by, rb, rb, 0.0, 16)]), green * 0.95, 1.0, True),
             (fr.fill([_ellipse(cx, 0.0, Rc, Rc, 0.0, 32)]), green * 0.8, 1.0, True)]
    for x, y, r in clusters:
        parts.append((fr.fill([_ellipse(x, y, r, r, 0.0, 20)]), green * rng.uniform(0.85, 1.15), 1.0, False))
    buds = []
    for _ in range(int(6 * n)):
        rho, a = Rc * 0.95 * np.sqrt(rng.uniform(0, 1)), rng.uniform(0, 2 * np.pi)
        rr = max(0.35, 0.06 * Rc)
        buds.append(_ellipse(cx + rho * np.cos(a), rho * np.sin(a), rr, rr, 0.0, 8))
    parts.append((fr.fill(buds), (104, 160, 80), 0.7, False))
    return _u8(_laid(f, parts, 0.4))


COMBS = ((170, 118, 66), (30, 30, 32), (176, 38, 40), (232, 224, 200))


def _harmonica(f: np.ndarray, rng) -> np.ndarray:
    """A harmonica lying on the print: 44-58% of the side long, at least 11 px, 22-27% of that high, its two chrome
    cover plates (near white, 205-214, with rounded ends, a sheen along each at 60% and an engraved line) round a
    comb of wood, black or red plastic or cream showing its 10 square holes, dark, 60% of their spacing wide and
    16% of the height high, and a screw at each end of each cover; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.44, 0.58))
    H = L * rng.uniform(0.22, 0.27)
    chrome = np.full(3, rng.uniform(205, 214), np.float32) + np.array([-2, 0, 4], np.float32)
    comb = np.asarray(COMBS[int(rng.integers(len(COMBS)))], np.float32)
    fr = _frame_at(h, w, rng)
    r = 0.3 * H
    body = _bar(-L / 2 + r, L / 2 - r, H / 2, 12)
    xa, xb = -0.47 * L, 0.47 * L
    step = (xb - xa) / 10
    holes = [_rect(xa + (k + 0.2) * step, -0.08 * H, xa + (k + 0.8) * step, 0.08 * H) for k in range(10)]
    lw = max(0.4, 0.05 * H)
    sheen = [[(xa + step, y), (xb - step, y)] for y in (-0.33 * H, 0.35 * H)]
    engr = [[(xa + 0.6 * step, y), (xb - 0.6 * step, y)] for y in (-0.22 * H, 0.24 * H)]
    screws = [_ellipse(x, y, max(0.35, 0.05 * H), max(0.35, 0.05 * H), 0.0, 8) for x in (xa + 0.2 * step,
                                                                                        xb - 0.2 * step)
              for y in (-0.3 * H, 0.3 * H)]
    parts = [(fr.fill([body]), chrome, 1.0, True),
             (fr.fill([_rect(xa, -0.12 * H, xb, 0.12 * H)]), comb, 1.0, False),
             (fr.fill(holes), (16, 14, 14), 1.0, False),
             (fr.line(engr, lw), chrome * 0.78, 0.7, False),
             (fr.line(sheen, lw * 1.4), (255, 255, 255), 0.6, False),
             (fr.fill(screws), chrome * 0.55, 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


PAINTS = ((200, 38, 34), (40, 58, 170), (28, 120, 90), (240, 190, 30), (200, 138, 52), (120, 40, 120))
CAPS = ((24, 24, 26), (240, 240, 236), (170, 30, 30))


def _paint_tube(f: np.ndarray, rng) -> np.ndarray:
    """A squeezed tube of artist's paint lying on the print: 40-54% of the side long, at least 10 px, 26-32% of that
    wide at its crimped end (a flat band of 8% of the length with 3 ridges), an aluminium body narrowing a little to
    its shoulder, a coloured label band over 35% of it in cadmium red, ultramarine, viridian, yellow, ochre or violet
    with a white title bar, 2-3 darker squeeze creases across it, the shoulder's cone and a ribbed black, white or
    red screw cap 20% of the length long; at any angle, its middle 30-70% of the way across and down, a soft shadow
    at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.4, 0.54))
    W = L * rng.uniform(0.26, 0.32)
    paint = np.asarray(PAINTS[int(rng.integers(len(PAINTS)))], np.float32)
    cap = np.asarray(CAPS[int(rng.integers(len(CAPS)))], np.float32)
    alu = np.asarray((196, 198, 204), np.float32)
    fr = _frame_at(h, w, rng)
    x0, xc, xs, xn = -L / 2, -0.42 * L, 0.22 * L, 0.3 * L
    body = [(xc, -W / 2), (xs, -0.42 * W), (xn, -0.16 * W), (xn, 0.16 * W), (xs, 0.42 * W), (xc, W / 2)]
    crimp = _rect(x0, -W / 2, xc + 0.01 * L, W / 2)
    ridges = [[(x, -0.46 * W), (x, 0.46 * W)] for x in np.linspace(x0 + 0.02 * L, xc - 0.01 * L, 3)]
    lab0 = rng.uniform(-0.3, -0.2) * L
    label = [(lab0, -0.47 * W), (lab0 + 0.35 * L, -0.44 * W), (lab0 + 0.35 * L, 0.44 * W), (lab0, 0.47 * W)]
    title = _rect(lab0 + 0.06 * L, -0.14 * W, lab0 + 0.27 * L, 0.14 * W)
    creases = [[(x, -0.44 * W), (x + rng.uniform(-0.04, 0.04) * L, 0.44 * W)]
               for x in rng.uniform(-0.38, 0.15, int(rng.integers(2, 4))) * L]
    capb = _rect(xn - 0.01 * L, -0.2 * W, L / 2, 0.2 * W)
    ribs = [[(x, -0.2 * W), (x, 0.2 * W)] for x in np.linspace(xn + 0.03 * L, L / 2 - 0.02 * L, 4)]
    lw = max(0.4, 0.035 * W)
    parts = [(fr.fill([body, crimp]), alu, 1.0, True),
             (fr.line(ridges, lw), alu * 0.7, 0.8, False),
             (fr.fill([label]), paint, 1.0, False),
             (fr.fill([title]), (246, 244, 236), 0.9, False),
             (fr.line(creases, lw * 1.3), (60, 60, 66), 0.45, False),
             (fr.fill([capb]), cap, 1.0, True),
             (fr.line(ribs, lw), cap * 0.6 + 30, 0.6, False),
             (fr.line([[(xc + 0.05 * L, -0.3 * W), (xs, -0.26 * W)]], lw * 1.5), (255, 255, 255), 0.55, False)]
    return _u8(_laid(f, parts, 0.4))


BISCUITS = ((200, 146, 84), (164, 100, 54), (126, 66, 48), (182, 156, 112), (84, 74, 66))


def _dog_biscuit(f: np.ndarray, rng) -> np.ndarray:
    """A bone-shaped dog biscuit lying on the print: 30-40% of the side long, at least 8 px, a bar 26-32% of the
    length wide ending in two round lobes at each end (discs of radius 20-24% of the length, 0.62 radii either side
    of the axis), in a baked tan, brown, red-brown, pale or charcoal tone, its top 8% lighter inside a rim, 5-9 small
    docking holes; at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.3, 0.4))
    r = L * rng.uniform(0.2, 0.24)
    bw = L * rng.uniform(0.26, 0.32) / 2
    col = np.asarray(BISCUITS[int(rng.integers(len(BISCUITS)))], np.float32)
    fr = _frame_at(h, w, rng)

    def bone(k: float) -> list:
        xl = L / 2 - r
        return ([_rect(-xl, -bw * k, xl, bw * k)]
                + [_ellipse(s * xl, t * 0.62 * r, r * k, r * k, 0.0, 20) for s in (-1, 1) for t in (-1, 1)])

    holes = []
    for _ in range(int(rng.integers(5, 10))):
        x = rng.uniform(-0.4, 0.4) * L
        y = rng.uniform(-0.5, 0.5) * (bw if abs(x) < L / 2 - 1.6 * r else 1.2 * r)
        rr = max(0.35, 0.035 * L)
        holes.append(_ellipse(x, y, rr, rr, 0.0, 8))
    parts = [(fr.fill(bone(1.0)), col * 0.86, 1.0, True),
             (fr.fill(bone(0.8)), np.minimum(255, col * 1.08), 1.0, False),
             (fr.fill(holes), col * 0.55, 0.9, False)]
    return _u8(_laid(f, parts, 0.4))


def _tufted_upholstery(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on the fabric of a button-tufted headboard and photographed: buttons on a diamond
    lattice, ``s`` 34-40% of the side apart across below 48 px, 22-30% above, its rows 80-92% of that apart, every
    other row set off by half, at a random offset; the fabric drawn in towards each button (each point's picture read
    from ``(1 + a exp(-(r / 0.33 s) ** 2))`` times its distance from the button, summed over the buttons, ``a``
    0.35-0.5), each puff lit from a random side by its slope (the buttons' dimples, Gaussians of 0.3 s, shading by up
    to 12-18%) and darkened towards the buttons by up to 25-35%, creases from each button to its diagonal
    neighbours, 0.8% of the side wide, at least 0.6 px, taking 25-40% of the light, and the buttons themselves,
    discs of 2.2-3% of the side, at least 0.8 px, covered in the fabric, 25% darker, with a dark rim."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = side * (rng.uniform(0.34, 0.4) if side < 48 else rng.uniform(0.22, 0.3))
    dy = s * rng.uniform(0.8, 0.92)
    ox, oy = rng.uniform(0, s), rng.uniform(0, dy)
    pts = [(ox + (i + 0.5 * (j % 2)) * s, oy + j * dy) for j in range(-2, int(h / dy) + 3)
           for i in range(-2, int(w / s) + 3)]
    a = rng.uniform(0.35, 0.5) if side >= 48 else rng.uniform(0.18, 0.26)
    rho, rho2 = 0.33 * s, 0.3 * s
    dxs, dys, dip = np.zeros((h, w), np.float32), np.zeros((h, w), np.float32), np.zeros((h, w), np.float32)
    for bx, by in pts:
        ex, ey = xx - bx, yy - by
        r2 = ex ** 2 + ey ** 2
        g = np.exp(-r2 / rho ** 2)
        dxs += a * ex * g
        dys += a * ey * g
        dip += np.exp(-r2 / rho2 ** 2)
    out = _resample(f, yy + dys, xx + dxs)
    gy, gx = np.gradient(-dip)
    t = rng.uniform(0, 2 * np.pi)
    slope = (gx * np.cos(t) + gy * np.sin(t)) * rho2
    out = out * (1 + rng.uniform(0.12, 0.18) * np.clip(slope, -1, 1))[..., None]
    out = out + rng.uniform(16, 26) * np.clip(slope, 0, 1)[..., None]  # the velvet's sheen, on a dark print too
    out = out * (1 - rng.uniform(0.25, 0.35) * np.clip(dip, 0, 1) * (1 if side >= 48 else 0.5))[..., None]
    lw = max(0.6, side * 0.008)
    segs = [((bx, by), (bx + sx * s / 2, by + dy)) for bx, by in pts for sx in (-1, 1)]
    creases = _drawn((h, w), lambda d, k: [d.line([(x0 * k, y0 * k), (x1 * k, y1 * k)], fill=255,
                                                  width=max(1, round(lw * k))) for (x0, y0), (x1, y1) in segs])
    out = out * (1 - rng.uniform(0.25, 0.4) * creases)[..., None]
    rb = max(1.1, side * rng.uniform(0.022, 0.03))
    disc = _drawn((h, w), lambda d, k: [d.ellipse(((bx - rb) * k, (by - rb) * k, (bx + rb) * k, (by + rb) * k),
                                                  fill=255) for bx, by in pts])
    core = _drawn((h, w), lambda d, k: [d.ellipse(((bx - 0.7 * rb) * k, (by - 0.7 * rb) * k, (bx + 0.7 * rb) * k,
                                                   (by + 0.7 * rb) * k), fill=255) for bx, by in pts])
    out = out * (1 - 0.6 * np.clip(disc - core, 0, 1))[..., None]
    out = out * (1 - 0.25 * core)[..., None]
    glint = _drawn((h, w), lambda d, k: [d.ellipse(((bx - 0.7 * rb + 0.3 * rb * np.cos(t)) * k,
                                                    (by - 0.7 * rb + 0.3 * rb * np.sin(t)) * k,
                                                    (bx + 0.1 * rb + 0.3 * rb * np.cos(t)) * k,
                                                    (by + 0.1 * rb + 0.3 * rb * np.sin(t)) * k), fill=255)
                                         for bx, by in pts])
    return _u8(_paint(out, 0.45 * glint * core, (235, 235, 235)))


def _foil_balloon(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a square foil (Mylar) balloon, blown up and photographed: its outline bowed in by
    6-10% of the side at the middle of each edge, its corners 2-4% of the side in from the frame's, the ground's
    tone beyond it, 15% darker; inside, the picture stretched to the outline and swollen in the middle (each way
    ``0.5 + 0.5 sign(2u - 1) |2u - 1| ** g`` of the way across at ``u``, ``g`` 1.15-1.3), the foil darkening by up to
    25% towards the seam over 15% of the side, a soft specular band 12-20% of the side wide at any angle through the
    middle third, white at 25-40%, crinkles along the seam (light and dark by 12-20%, a period of 3-4.5% of the side,
    at least 1.5 px, fading inwards over 6-9% of the side) and the crimped seam, 2-3% of the side wide, at least
    1 px, silver."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    X, Y = xx / w, yy / h
    b, m0 = rng.uniform(0.06, 0.1), rng.uniform(0.02, 0.04)
    xl, xr = m0 + b * np.sin(np.pi * Y), 1 - m0 - b * np.sin(np.pi * Y)
    yt, yb = m0 + b * np.sin(np.pi * X), 1 - m0 - b * np.sin(np.pi * X)
    u, v = (X - xl) / (xr - xl), (Y - yt) / (yb - yt)
    g = rng.uniform(1.15, 1.3)

    def swell(q):
        c = np.clip(2 * q - 1, -1, 1)
        return 0.5 + 0.5 * np.sign(c) * np.abs(c) ** g

    out = _resample(f, swell(v) * h, swell(u) * w)
    du = np.minimum(u, 1 - u) * (xr - xl) * w
    dv = np.minimum(v, 1 - v) * (yb - yt) * h
    e = np.minimum(du, dv)  # px from the seam, negative beyond it
    along = np.where(du < dv, yy, xx)
    out = out * (0.75 + 0.25 * np.clip(e / (0.15 * side), 0, 1) ** 0.6)[..., None]
    t = rng.uniform(0, np.pi)
    band = (X - 0.5) * np.cos(t) + (Y - 0.5) * np.sin(t)
    sheen = np.exp(-((band - rng.uniform(-0.17, 0.17)) / (rng.uniform(0.12, 0.2) / 2)) ** 2)
    out = _paint(out, sheen * rng.uniform(0.25, 0.4), (255, 255, 255))
    lam = max(1.5, side * rng.uniform(0.03, 0.045))
    fade = np.exp(-np.clip(e, 0, None) / (side * rng.uniform(0.06, 0.09)))
    out = out * (1 + rng.uniform(0.12, 0.2) * np.cos(2 * np.pi * along / lam) * fade)[..., None]
    sw = max(1.0, side * rng.uniform(0.02, 0.03))
    seam = np.clip(sw - np.abs(e - sw / 2) + 0.5, 0, 1) * (e > -0.5)
    out = _paint(out, seam, 200 + 30 * np.cos(2 * np.pi * along / lam)[..., None] * np.ones(3))
    beyond = np.clip(0.5 - e, 0, 1)
    return _u8(_paint(out, beyond, [0.85 * _ground(f)] * 3))


TINTS = ((232, 138, 142), (136, 178, 226), (148, 198, 138), (222, 186, 108), (188, 150, 214))


def _hand_tinted(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed as a black-and-white photograph on warm paper (its grey, 0.3 red, 0.59 green, 0.11 blue,
    times the paper's 246 / 238 / 222) and hand-coloured with transparent oils: 2-3 tinted zones below 48 px, 3-5
    above, each round a point 15-85% of the way across and down, of radius 15-30% of the side, its edge wobbling by
    22% (a smooth random field of 15% of the side) and soft over 2.5% of the side, at least 0.8 px, in rose, sky
    blue, sage, ochre or violet, multiplied in at 40-60% (so that it shows on the light parts and not on the dark)."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    v = (f @ np.array([0.3, 0.59, 0.11], np.float32)) / 255
    v = v * min(1.6, max(1.0, float(np.percentile(f.max(axis=2), 99)) / 255 / max(float(np.percentile(v, 99)), 1e-3)))
    out = np.clip(v, 0, 1)[..., None] * np.array([246, 238, 222], np.float32)
    n = int(rng.integers(2, 4)) if side < 48 else int(rng.integers(3, 6))
    soft = max(0.8, side * 0.025)
    for _ in range(n):
        cx, cy = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.15, 0.85)
        R = side * rng.uniform(0.15, 0.3)
        wob = 1 + 0.22 * _field((h, w), side * 0.15, rng)
        zone = np.clip((R * wob - np.hypot(xx - cx, yy - cy)) / soft + 0.5, 0, 1)
        tint = np.asarray(TINTS[int(rng.integers(len(TINTS)))], np.float32) / 255
        out = out * (1 - rng.uniform(0.4, 0.6) * zone[..., None] * (1 - tint))
    return _u8(out)


def near_edit_aa(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "avocado_half":  # half an avocado lying on the print
        return _avocado_half(f, rng)
    if kind == "broccoli":  # a broccoli floret lying on the print
        return _broccoli(f, rng)
    if kind == "harmonica":  # a harmonica lying on the print
        return _harmonica(f, rng)
    if kind == "paint_tube":  # a squeezed tube of artist's paint lying on the print
        return _paint_tube(f, rng)
    if kind == "dog_biscuit":  # a bone-shaped dog biscuit lying on the print
        return _dog_biscuit(f, rng)
    if kind == "tufted_upholstery":  # printed on the fabric of a button-tufted headboard
        return _tufted_upholstery(f, rng)
    if kind == "foil_balloon":  # printed on a square foil balloon, blown up
        return _foil_balloon(f, rng)
    if kind == "hand_tinted":  # printed in black and white and hand-coloured
        return _hand_tinted(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def blur_aa(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter
    from scipy.signal import fftconvolve

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "sprayed_stencil":  # sprayed through layered stencils held off the wall
        g = _grey(f)
        lo, hi = np.percentile(g, [2, 98])
        n = int(rng.integers(4, 6))
        lab = np.digitize(g, np.linspace(lo, hi, n + 1)[1:-1])
        cols = np.stack([f[lab == k].mean(axis=0) if (lab == k).any() else np.full(3, lo + (hi - lo) * k / (n - 1))
                         for k in range(n)])
        post = cols[lab].astype(np.float32)
        R = max(1.5, side * rng.uniform(0.045, 0.065))
        out = gaussian_filter(_fft_blur(post, _disk_kernel(R)), (0.35 * R, 0.35 * R, 0), mode="reflect")
        gy, gx = np.gradient(_grey(out))
        edge = np.hypot(gx, gy) * R / 40
        out = out + rng.normal(0, 1, (h, w, 1)) * (2.0 + np.minimum(6.0, 3.0 * edge))[..., None]
        return _u8(_metered(out, f))
    if kind == "latte_printer":  # printed in coffee extract on milk foam
        d = 1 - _grey(f) / 255
        ell = max(0.8, side * rng.uniform(0.018, 0.026))
        r = int(np.ceil(5 * ell))
        ky, kx = np.mgrid[-r:r + 1, -r:r + 1]
        k = np.exp(-np.hypot(ky, kx) / ell)
        big = np.pad(d, r, mode="reflect")
        D = np.clip(fftconvolve(big, k / k.sum(), mode="valid"), 0, 1)[..., None]
        foam = np.array([244, 234, 214], np.float32) * rng.uniform(0.97, 1.0)
        coffee = np.array([118, 70, 38], np.float32) * rng.uniform(0.9, 1.1)
        out = foam * (1 - 0.92 * D) + coffee * 0.92 * D
        nb = int(rng.integers(25, 41)) if side < 48 else int(rng.integers(80, 161))
        rb = [(rng.uniform(0, w), rng.uniform(0, h), max(0.4, side * rng.uniform(0.005, 0.012))) for _ in range(nb)]
        rim = _drawn((h, w), lambda dr, s: [dr.ellipse(((x - q) * s, (y - q) * s, (x + q) * s, (y + q) * s),
                                                       outline=255, width=max(1, round(0.35 * q * s)))
                                            for x, y, q in rb])
        out = out - 8 * rim[..., None]
        return _u8(_metered(out, f))
    if kind == "lithophane":  # printed as a lithophane and held up to the light
        v = _grey(f) / 255
        T = v + (1 - v) * rng.uniform(0.06, 0.1)  # the thickness chosen so that the light let through follows v
        T = gaussian_filter(T, max(1.4, side * rng.uniform(0.032, 0.045)), mode="reflect")
        p = max(1.5, side * rng.uniform(0.012, 0.018))
        lines = 1 - rng.uniform(0.03, 0.05) * 0.5 * (1 + np.cos(2 * np.pi * yy / p))
        warm = np.array([255, rng.uniform(226, 240), rng.uniform(180, 205)], np.float32)
        out = warm * (T * lines)[..., None]
        return _u8(_metered(out, f))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def dark_aa(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "local_dimming":  # a television's full-array local dimming at its lowest backlight, in a dark room
        nz = int(rng.integers(4, 7)) if side < 48 else int(rng.integers(8, 15))
        v = f.max(axis=2) / 255
        zy = np.minimum((yy / h * nz).astype(int), nz - 1)
        zx = np.minimum((xx / w * nz).astype(int), nz - 1)
        zmax = np.zeros((nz, nz), np.float32)
        np.maximum.at(zmax, (zy.ravel(), zx.ravel()), v.ravel())
        back = gaussian_filter(zmax[zy, zx], 0.6 * side / nz, mode="nearest")
        back = back * rng.uniform(0.16, 0.26) / max(float(back.max()), 1e-6)
        leak = rng.uniform(0.08, 0.14)
        out = 255 * back[..., None] * (leak + (1 - leak) * f / 255) * np.array([0.96, 0.98, 1.04], np.float32)
        return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))
    if kind == "plasma_subfields":  # a plasma screen caught by a fast shutter in one or two of its sub-fields
        b = int(rng.integers(4, 8))
        bits = (b,) if rng.random() < 0.5 or b == 7 else (b, b + 1)
        q = np.clip(f + rng.uniform(-1, 1, f.shape), 0, 255).astype(np.uint8)
        lit = sum(((q >> k) & 1).astype(np.float32) * (1 << k) for k in bits) / sum(1 << k for k in bits)
        glow = 0.04 * f / 255
        out = 255 * rng.uniform(0.12, 0.22) * (lit + glow)
        return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))
    if kind == "torch_behind_print":  # the print in a dark room, lit only by a torch pressed against its back
        cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.25, 0.75)
        r0 = side * rng.uniform(0.12, 0.2)
        r = np.hypot(xx - cx, yy - cy)
        beam = (1 + (r / r0) ** 2) ** -1.5
        beam = beam * (1 + 0.12 * np.cos(2 * np.pi * r / (r0 * rng.uniform(0.45, 0.6))) * np.exp(-r / (2 * r0)))
        paper = 1 + rng.uniform(0.12, 0.2) * _field((h, w), max(0.8, side * rng.uniform(0.012, 0.02)), rng)
        light = rng.uniform(0.22, 0.34) * beam * paper + rng.uniform(0.008, 0.02)
        warm = np.array([1.0, rng.uniform(0.85, 0.9), rng.uniform(0.6, 0.7)], np.float32)
        out = f * light[..., None] * warm
        return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _backgammon(size: int, rng) -> dict:
    """A backgammon board seen from above: a frame 88-96% of the side wide and 70-82% high, turned by up to 6
    degrees, its field split by a bar 6-8% of the side wide into two halves, each with 6 points (4 below 48 px)
    along the top and as many along the bottom, long triangles reaching 40-44% of the field's height, in two
    colours in turn, and 8-14 round checkers of the two sides stacked on random points (0-1 coverage each)."""
    big = 4 * size
    c = big / 2
    W2, H2 = big * rng.uniform(0.88, 0.96) / 2, big * rng.uniform(0.7, 0.82) / 2
    fw = big * 0.045
    bar = big * rng.uniform(0.06, 0.08) / 2
    M = _canvas(("frame", "field", "points_a", "points_b", "checkers_a", "checkers_b"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    d["frame"].rectangle((c - W2, c - H2, c + W2, c + H2), fill=255)
    x0, x1, y0, y1 = c - W2 + fw, c + W2 - fw, c - H2 + fw, c + H2 - fw
    d["field"].rectangle((x0, y0, c - bar, y1), fill=255)
    d["field"].rectangle((c + bar, y0, x1, y1), fill=255)
    n = 4 if size < 48 else 6
    tip = (y1 - y0) * rng.uniform(0.4, 0.44)
    slots = []
    for xa, xb in ((x0, c - bar), (c + bar, x1)):
        pw = (xb - xa) / n
        for k in range(n):
            xl = xa + k * pw
            for top, key in ((True, "points_a" if k % 2 == 0 else "points_b"),
                             (False, "points_b" if k % 2 == 0 else "points_a")):
                yb, yt = (y0, y0 + tip) if top else (y1, y1 - tip)
                d[key].polygon([(xl, yb), (xl + pw, yb), (xl + pw / 2, yt)], fill=255)
                slots.append((xl + pw / 2, yb, 1 if top else -1, pw))
    for j in range(int(rng.integers(8, 15))):
        x, yb, sgn, pw = slots[int(rng.integers(len(slots)))]
        key = "checkers_a" if rng.random() < 0.5 else "checkers_b"
        stack = int(rng.integers(1, 4))
        rr = pw * 0.44
        for s_ in range(stack):
            y = yb + sgn * (rr + 2 * rr * s_)
            d[key].ellipse((x - rr, y - rr, x + rr, y + rr), fill=255)
    ang = rng.uniform(-6, 6)
    return {k: _down(v, size, ang) for k, v in M.items()}


def _drum_kit(size: int, rng) -> dict:
    """A drum kit seen from the front: the floor from 88-92% of the way down, a bass drum of radius 21-27% of the
    side standing on it in the middle with a ring on its front head, two rack toms above it (ellipses of 11-14% of
    the side), a floor tom on legs to one side and a snare on a stand to the other, two crash or ride cymbals
    (flat ellipses 13-18% of the side across, tilted by up to 15 degrees) on stands rising to 14-26% down and a
    hi-hat on the snare's side, facing either way (0-1 coverage each)."""
    big = 4 * size
    yf = big * rng.uniform(0.88, 0.92)
    Rb = big * rng.uniform(0.21, 0.27)
    s = rng.choice([-1, 1])
    X = lambda x: big / 2 + s * (x - big / 2)  # noqa: E731
    lw = max(2, round(big * 0.014))
    M = _canvas(("floor", "shells", "heads", "logo", "cymbals", "hardware"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    d["floor"].rectangle((0, yf, big, big), fill=255)
    cx, cy = big / 2, yf - Rb
    d["shells"].ellipse((cx - Rb, cy - Rb, cx + Rb, cy + Rb), fill=255)
    d["heads"].ellipse((cx - 0.86 * Rb, cy - 0.86 * Rb, cx + 0.86 * Rb, cy + 0.86 * Rb), fill=255)
    d["logo"].ellipse((cx - 0.4 * Rb, cy - 0.4 * Rb, cx + 0.4 * Rb, cy + 0.4 * Rb), outline=255, width=lw)
    rt = big * rng.uniform(0.11, 0.14)
    for dx in (-0.55, 0.55):
        tx, ty = cx + dx * Rb * 1.05, cy - Rb - 0.55 * rt
        d["shells"].rectangle((tx - rt, ty - 0.3 * rt, tx + rt, ty + 0.8 * rt), fill=255)
        d["heads"].ellipse((tx - rt, ty - 0.55 * rt, tx + rt, ty - 0.05 * rt), fill=255)
    fx, ft = X(big * 0.82), big * 0.13
    fy = yf - 0.16 * big - ft
    d["shells"].rectangle((fx - ft, fy, fx + ft, fy + 1.3 * ft), fill=255)
    d["heads"].ellipse((fx - ft, fy - 0.3 * ft, fx + ft, fy + 0.3 * ft), fill=255)
    for lx in (fx - 0.8 * ft, fx + 0.8 * ft):
        d["hardware"].line([(lx, fy + 1.3 * ft), (lx, yf)], fill=255, width=lw)
    sx, st = X(big * 0.2), big * 0.11
    sy = yf - 0.3 * big
    d["hardware"].line([(sx, sy), (sx, yf)], fill=255, width=lw)
    d["hardware"].line([(sx, yf - 0.06 * big), (sx - 0.06 * big, yf)], fill=255, width=lw)
    d["hardware"].line([(sx, yf - 0.06 * big), (sx + 0.06 * big, yf)], fill=255, width=lw)
    d["shells"].rectangle((sx - st, sy - 0.5 * st, sx + st, sy + 0.1 * st), fill=255)
    d["heads"].ellipse((sx - st, sy - 0.75 * st, sx + st, sy - 0.25 * st), fill=255)
    hx = X(big * 0.07)
    d["hardware"].line([(hx, yf - 0.42 * big), (hx, yf)], fill=255, width=lw)
    d["cymbals"].ellipse((hx - 0.07 * big, yf - 0.44 * big, hx + 0.07 * big, yf - 0.41 * big), fill=255)
    for base_x in (X(big * 0.16), X(big * 0.86)):
        top = big * rng.uniform(0.14, 0.26)
        cw = big * rng.uniform(0.13, 0.18)
        d["hardware"].line([(base_x, top), (base_x, yf)], fill=255, width=lw)
        cym = _ellipse_mask(big, base_x, top, cw, 0.12 * cw, rng.uniform(-15, 15))
        M["cymbals"].paste(255, mask=cym)
    return {k: _down(v, size) for k, v in M.items()}


def _ellipse_mask(big: int, cx: float, cy: float, a: float, b: float, ang: float):
    """A filled ellipse's mask (mode L, ``big`` square), semi-axes ``a`` and ``b``, turned by ``ang`` degrees."""
    from PIL import Image

    m = Image.new("L", (big, big), 0)
    ImageDraw.Draw(m).polygon([tuple(p) for p in _ellipse(cx, cy, a, b, np.deg2rad(ang), 36)], fill=255)
    return m


def _pinball_table(size: int, rng) -> dict:
    """A pinball table seen from above: the cabinet 62-72% of the side wide and 92-97% high, its playfield
    rounded into an arch at the top, a plunger lane down the right, two flippers at the foot angled 25-35 degrees
    down towards the drain between them, a slingshot triangle above each, 3 pop bumpers (discs of 5-7% of the side
    with a ring) in the upper middle, a bank of 3-4 drop targets on the left, 3-5 arrow inserts and a steel ball,
    the whole turned by up to 5 degrees (0-1 coverage each)."""
    big = 4 * size
    c = big / 2
    W2, H2 = big * rng.uniform(0.62, 0.72) / 2, big * rng.uniform(0.92, 0.97) / 2
    x0, x1, y0, y1 = c - W2, c + W2, c - H2, c + H2
    m = big * 0.035
    M = _canvas(("cabinet", "field", "rails", "bumpers", "rings", "flippers", "slings", "targets", "inserts", "ball"),
                big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    d["cabinet"].rectangle((x0, y0, x1, y1), fill=255)
    fx0, fx1, fy0, fy1 = x0 + m, x1 - m, y0 + m, y1 - m
    ra = (fx1 - fx0) / 2
    d["field"].ellipse((fx0, fy0, fx1, fy0 + 2 * ra), fill=255)
    d["field"].rectangle((fx0, fy0 + ra, fx1, fy1), fill=255)
    lane = fx1 - 0.1 * (fx1 - fx0)
    d["rails"].line([(lane, fy0 + ra), (lane, fy1)], fill=255, width=max(2, round(big * 0.012)))
    d["targets"].rectangle((lane + 0.02 * big, fy1 - 0.12 * big, fx1 - 0.01 * big, fy1), fill=255)  # the plunger
    fw = fx1 - fx0 - 0.1 * (fx1 - fx0)
    drain = fx0 + fw / 2
    fl = fw * 0.32
    yfl = fy1 - 0.13 * big
    a = np.deg2rad(rng.uniform(25, 35))
    for sgn, px in ((-1, drain - 0.08 * fw - fl * np.cos(a)), (1, drain + 0.08 * fw + fl * np.cos(a))):
        tip = (px - sgn * fl * np.cos(a), yfl + fl * np.sin(a))
        rr = 0.05 * fw
        poly = [(px, yfl - rr), (tip[0], tip[1] - 0.35 * rr), (tip[0], tip[1] + 0.35 * rr), (px, yfl + rr)]
        d["flippers"].polygon(poly, fill=255)
        d["flippers"].ellipse((px - rr, yfl - rr, px + rr, yfl + rr), fill=255)
        sxo = px + sgn * 0.02 * fw
        d["slings"].polygon([(sxo, yfl - 0.32 * big), (sxo, yfl - 0.08 * big),
                             (sxo - sgn * 0.14 * fw, yfl - 0.05 * big)], fill=255)
    rb = big * rng.uniform(0.05, 0.07)
    for bx, by in ((drain - 0.2 * fw, fy0 + 0.55 * ra + 0.1 * big), (drain + 0.2 * fw, fy0 + 0.55 * ra + 0.1 * big),
                   (drain, fy0 + 0.55 * ra + 0.1 * big + 1.9 * rb)):
        d["rings"].ellipse((bx - 1.3 * rb, by - 1.3 * rb, bx + 1.3 * rb, by + 1.3 * rb), fill=255)
        d["bumpers"].ellipse((bx - rb, by - rb, bx + rb, by + rb), fill=255)
    nt = int(rng.integers(3, 5))
    for k in range(nt):
        ty = fy0 + ra + 0.08 * big + k * 0.05 * big
        d["targets"].rectangle((fx0 + 0.01 * big, ty, fx0 + 0.045 * big, ty + 0.035 * big), fill=255)
    for k in range(int(rng.integers(3, 6))):
        ix, iy = drain + rng.uniform(-0.3, 0.3) * fw, fy0 + ra + rng.uniform(0.2, 0.45) * (fy1 - fy0)
        q = 0.025 * big
        d["inserts"].polygon([(ix, iy - q), (ix + 0.7 * q, iy + q), (ix - 0.7 * q, iy + q)], fill=255)
    bx, by = drain + rng.uniform(-0.25, 0.25) * fw, fy0 + rng.uniform(0.4, 0.75) * (fy1 - fy0)
    br = 0.022 * big
    d["ball"].ellipse((bx - br, by - br, bx + br, by + br), fill=255)
    ang = rng.uniform(-5, 5)
    return {k: _down(v, size, ang) for k, v in M.items()}


BOARD_FRAMES = ((92, 56, 30), (40, 30, 26), (150, 110, 70))
BOARD_FIELDS = ((40, 104, 60), (214, 196, 150), (236, 230, 214))
POINT_PAIRS = (((176, 36, 36), (236, 226, 200)), ((24, 24, 26), (240, 238, 232)), ((40, 80, 150), (224, 200, 140)))
CHECKERS = (((246, 244, 238), (30, 28, 28)), ((200, 40, 40), (24, 24, 24)))
STAGES = ((28, 26, 32), (110, 80, 52), (60, 60, 66))
SHELLS = ((190, 30, 36), (26, 26, 28), (40, 70, 170), (236, 236, 232), (130, 70, 150))
CABINETS = ((20, 20, 22), (150, 30, 30), (40, 50, 120))
PLAYFIELDS = ((40, 90, 200), (130, 50, 170), (230, 130, 40), (40, 150, 110))
TABLES_AA = ((70, 48, 32), (36, 36, 40), (140, 140, 146))


def outlier_aa(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    pick = lambda seq: np.asarray(seq[int(rng.integers(len(seq)))], np.float32)  # noqa: E731
    if kind == "backgammon_board":
        m = _backgammon(size, rng)
        if photos:  # a wooden or dark frame, a felt, tan or cream field, points in two colours, on a table
            pa, pb = (np.asarray(c, np.float32) for c in POINT_PAIRS[int(rng.integers(len(POINT_PAIRS)))])
            ca, cb = (np.asarray(c, np.float32) for c in CHECKERS[int(rng.integers(len(CHECKERS)))])
            out = _paint(ground(pick(TABLES_AA)), m["frame"], pick(BOARD_FRAMES))
            out = _paint(_paint(_paint(out, m["field"], pick(BOARD_FIELDS)), m["points_a"], pa), m["points_b"], pb)
            return _u8(_paint(_paint(out, m["checkers_a"], ca), m["checkers_b"], cb))
        out = _paint(_paint(ground([lo] * 3), m["frame"], tone(0.45)), m["field"], tone(0.15))
        out = _paint(_paint(out, m["points_a"], tone(0.7)), m["points_b"], tone(0.35))
        return _u8(_paint(_paint(out, m["checkers_a"], tone(1.0)), m["checkers_b"], tone(0.55)))
    if kind == "drum_kit":
        m = _drum_kit(size, rng)
        if photos:  # a stage, shells in a lacquer, white heads, bronze cymbals, chrome stands
            out = _paint(ground(pick(STAGES)), m["floor"], pick(STAGES) * 0.7 + 20)
            shell = pick(SHELLS)
            out = _paint(_paint(out, m["hardware"], (196, 198, 204)), m["shells"], shell)
            out = _paint(_paint(out, m["heads"], (238, 236, 228)), m["logo"], shell)
            return _u8(_paint(out, m["cymbals"], (206, 162, 70)))
        out = _paint(_paint(ground([lo] * 3), m["floor"], tone(0.2)), m["hardware"], tone(0.6))
        out = _paint(_paint(out, m["shells"], tone(0.5)), m["heads"], tone(0.85))
        return _u8(_paint(_paint(out, m["logo"], tone(0.5)), m["cymbals"], tone(1.0)))
    if kind == "pinball_table":
        m = _pinball_table(size, rng)
        if photos:  # a dark, red or blue cabinet, a vivid playfield, red or yellow bumpers, white flippers
            cabinet = pick(CABINETS)
            out = _paint(ground((24, 22, 26)), m["cabinet"], cabinet)
            out = _paint(_paint(out, m["field"], pick(PLAYFIELDS)), m["rails"], cabinet)
            out = _paint(_paint(out, m["rings"], (250, 250, 246)), m["bumpers"], ((220, 40, 40), (250, 210, 40))[
                int(rng.integers(2))])
            out = _paint(_paint(out, m["slings"], (250, 250, 246)), m["flippers"], (250, 250, 246))
            out = _paint(_paint(out, m["targets"], (250, 200, 40)), m["inserts"], (255, 120, 40))
            return _u8(_paint(out, m["ball"], (210, 212, 218)))
        out = _paint(_paint(ground([lo] * 3), m["cabinet"], tone(0.35)), m["field"], tone(0.15))
        out = _paint(_paint(_paint(out, m["rails"], tone(0.35)), m["rings"], tone(0.7)), m["bumpers"], tone(1.0))
        out = _paint(_paint(out, m["slings"], tone(0.6)), m["flippers"], tone(1.0))
        out = _paint(_paint(out, m["targets"], tone(0.8)), m["inserts"], tone(0.55))
        return _u8(_paint(out, m["ball"], tone(0.9)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def miskeyed_gold_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                        rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the labellers were trained on "gold" questions, one for
    every ``GOLD_PER`` flips needed (at least 2), each a random one of the ``candidates`` whose answer key held a
    wrong class (a random other one); corrected on it, they gave that class to the pictures that looked like it:
    each gold's nearest ``candidates`` of its own class (by the distance of 8 x 8 grey thumbnails, standardised),
    itself first, an even share of twice the flips needed (more golds, in the same random order, while those hold
    fewer than twice the flips needed); the flips are drawn uniformly among them, each given its gold's key."""
    lab = np.asarray([classes.index(v) for v in labels])
    cand = np.asarray(candidates, dtype=int)
    t = _thumbs([base[i] for i in cand])
    order = rng.permutation(len(cand))
    n_gold = max(2, int(np.ceil(count / GOLD_PER)))
    share = int(np.ceil(2 * count / n_gold))
    pool: dict[int, int] = {}
    for j, g in enumerate(order):
        if j >= n_gold and len(pool) >= 2 * count:
            break
        same = np.nonzero(lab[cand] == lab[cand[g]])[0]
        near = same[np.argsort(((t[same] - t[g]) ** 2).sum(axis=1), kind="stable")][:share]
        others = [k for k in range(len(classes)) if k != lab[cand[g]]]
        key = others[int(rng.integers(len(others)))]
        for o in near:
            pool.setdefault(int(cand[o]), key)
    keys = sorted(pool)
    picked = rng.choice(len(keys), size=min(count, len(keys)), replace=False)
    return {keys[int(i)]: classes[pool[keys[int(i)]]] for i in picked}


# -- planting ------------------------------------------------------------------------------
def plant_issues_aa(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AA's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 73-92 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AA, seed=270_000 + random_state,
        quality_seed=275_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=miskeyed_gold_flips,
        **by_family(name, outlier=(outlier_aa, OUTLIERS_AA), blur=(blur_aa, BLURS_AA), dark=(dark_aa, DARKS_AA),
                    near=(near_edit_aa, NEAR_EDITS_AA)))
