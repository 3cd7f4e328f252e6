"""Generator W: fresh EVALUATION sets after generator V's run (never used to choose anything).

Why a twenty-first evaluation generator: generator V was run once on the library after T's and U's runs (its results
were not shown to W's writer); W is a third held-out measurement of the same code, of families of its own, written
after V's run and without seeing any result, so that what U's and V's runs show can be told apart from what their
families happen to be, and so that one untouched set is left should V's run lead to changes. Generator W was written on
2026-12-05, before any tool was run on it (only its files, their counts, brightness percentiles and contact sheets of
its edits, blurs, darkenings and foreign pictures were looked at, to check that every edit is visible, every blur
blurred, every darkened image dark and every outlier foreign at 28, 134 and 192 px, that no blur or near copy comes out
dark where its source was not (its brightest 1% of grey pixels above 0.4 where the source's was above 0.5) and that no
darkening blurs, and the planted folders hashed twice); it is not to be changed after its results are seen. Its edits,
blurs, darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens
blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft
photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s
flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T,
U, V) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate,
brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left out
because an earlier generator made them or one close to them: a coin (N's ruler, as Q and U found), a matchstick or a
pen (O's pencil), a rubber band or a hair tie (T's charging cable), a die or a domino laid on the print (L's card
pips), a wristwatch (M's clocks), a pressed flower or petals (O's leaf, U's confetti), a page flag (K's sticky note),
photo corners (I's rounded corners, K's dog-ear); of the whole picture a shredded print taped together (L's tape: W's
strips are glued on a card), a folded road map's grid of creases (L's crease), a print on corrugated card (V's banner),
a lenticular print (Q's hologram), an edge or corner detector's debug frame (V's keypoints, U's focus peaking), a
segmentation overlay (Q's saliency map, R's superpixels), a stereo rectification's epipolar lines (G's scan lines), a
one-way-vision window film (I's halftone, O's fence), a tiled wall (N's GridMask, Q's jigsaw); among blurs a gimbal's
Lissajous vibration (J's wobble, as U found), a camera dropped or a hand's tremor (O's one-sided trail, E's shake), an
orbital sander's circle (the ring), a foveated render (J's lens-baby circle, the calibration's down-and-up), a beauty
filter (S's oil paint), a wavelet denoiser's dropped fine scales (T's JPEG 2000), a waterproof phone pouch (K's dirty
lens, as U's cling film), a glass-block wall (V's cut glass, L's reeded glass), a Petzval lens's swirl (F's spin);
among darkenings a bedside clock's digits (I's lamp, as R found), glow sticks (I's lamp, as T found), a welding arc
(I's lamp, F's starbursts), an open fridge's light (I's lamp), a laptop with a dead backlight (H's dim screen), a
switched-off television's reflection (J's smoked glass, as V's Claude glass), an over-exposed darkroom print (S's
overprinted print), a grow light's magenta (R's strip lights), a blackout blind's crack of daylight (K's blinds and
spotlight); among foreign pictures starfish (F's starbursts), traffic cones and tents (a dress on the clothing sets),
hamburgers and cameras (a bag on the clothing sets), test tubes and rockets (1s on the digit sets), fish bones (a
sandal on the clothing sets), noughts and crosses (K's crosswords, L's chess boards), excavators (a sneaker on the
clothing sets, as R's cars), sea turtles (the crabs' build); among label noise labels shuffled within a data loader's
batch (U's shifted rows), a weak-supervision rule on brightness statistics (J's faint images) and the previous
picture's class (J's guesses by frequency, M's pages, as U found).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole: an AA battery lying on the print
  (38-50% of the side long and 26-30% of that thick, at least 3 px, at any angle, its middle 30-70% of the way across
  and down, its wrapper in black and copper, blue and silver, green and gold or red and black, the second over 30-40%
  of its length at the positive end, a nickel nub of 8% of the length and 40% of the thickness and a flat negative end,
  a highlight along it at 70% and a dark far edge, with a soft shadow at 40%), a USB memory stick lying on the print (a
  body 28-38% of the side long and 34-42% of that wide, at least 3 px, of black, red, blue, white or purple plastic
  with a key-ring hole and a sheen, a nickel connector 30% of the body long and 75% of its width with two dark square
  holes, at any angle, a soft shadow at 40%), a stainless-steel teaspoon (an egg-shaped bowl 15-19% of the side long,
  at least 4 px, and 60-68% of that wide, its hollow darker, with a highlight, a handle 32-40% of the side long,
  3.5-4.5% of the side wide at the neck, at least 1 px, widening to twice that, at any angle, a soft shadow at 40%),
  sweets in twisted wrappers (one below 48 px, one to three above, each a round middle 14-18% of the side long, at
  least 4 px, and 65-75% of that wide, two pleated fans of foil 55-75% of that long, in red, gold, green, purple, pink
  or blue, a highlight, at any angle, 25-75% of the way across and down, a soft shadow at 35%) and a used tea bag (a
  pouch 22-28% of the side wide, at least 4 px, and 1.1-1.3 times that high, of tea-stained paper darker where the
  leaves are, with a crimped top band, a string 20-30% of the side long to a white or yellow tag 11-14% of the side
  wide printed with a bar of green, red or navy, turned by up to 40 degrees, a soft shadow at 35%); of the whole
  picture: the print put through a strip-cut shredder and its strips glued back side by side on a card (5-6 strips
  below 48 px, 8-12 above, gaps of 1.5-2.5% of the side, at least 1 px, each strip moved up or down by up to 2-4% of
  the side, at least 1 px (one of them by all of it), and turned by up to 1.5 degrees, the card white where the
  picture's border is darker than 110, else near black), a line detector's debug frame as OpenCV's Hough transform
  samples draw it (the 3-5 strongest lines below 48 px, 8-14 above, of a Hough transform at 1 degree and 1 px of the
  pixels in the top 12% of gradient magnitude after a Gaussian of 1% of the side, at least 0.7 px, weighted by it,
  peaks at least 8 degrees or 4% of the side apart, drawn from edge to edge in red 0.8% of the side wide, at least 0.6
  px, at 90%) and two prints of the picture cut into strips and woven together (4 strips each way below 48 px, 6-9
  above, the horizontal ones from a second print 10-20% paler, lifted by 20-40 levels and moved by 2-4% of the side, at
  least 1 px, each way, over and under in turn, a shadow of 25-35% over 1.5% of the side, at least 0.6 px, at the
  edges);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture's reflection in a brushed stainless-steel panel (a line spread across the brushing, at
  any angle, of Cauchy profile, half-width 2.5-4% of the side, at least 1.2 px, cut at 5 times that, then a uniform
  disk of radius 1-1.5% of the side, at least 0.6 px, the steel's haze; reflected at 82-90%, slightly blue, lifted by
  14-22 levels, with a faint grain of 1.5 levels along the brushing), a radiance-field render with too few Gaussian
  splats (64-99 below 48 px, 180-299 above, on a square grid jittered by 30% of its spacing s, each of the picture's
  colour under a Gaussian of s/2, spread 0.6 s, stretched up to 1.6 times along the local edge and squeezed to 0.55
  times across it as the structure tensor over s is anisotropic, the render their weighted mean) and a print hanging on
  a thread, turning and swaying during the exposure (turning about a vertical axis 35-65% of the way across from 0-15
  degrees through a further 45-60, while swaying sideways by 3-4.5% of the side, at least 1.5 px: 32 views averaged);
  each as a camera metering on the highlights exposes it (where the source's brightest 1% of grey pixels is above 0.5
  of full scale and the blurred picture's under 0.45, the blurred picture brightened, at most 3 times, to bring it to
  0.45);
* ``dark`` (2%): a plasma globe toy glowing in a dark room (a globe of radius 9-14% of the side, at least 3 px, 25-75%
  of the way across and 35-70% down, on a dark stand, its glass faintly violet, 5-9 jagged pink-violet filaments 1% of
  the side wide, at least 0.5 px, from a bright core to the glass, in a glow of sigma 35% of its radius of up to 40-60
  levels; the picture lit at a gain of 0.015-0.03 plus 0.08-0.15 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
  distance from the globe, d0 1.5-2.5 radii, violet; noise sigma 1.2 levels), a gaming keyboard's rainbow backlight in
  a dark room (a keyboard across the bottom, from 6-15% to 85-94% of the way across and from 70-78% to 90-97% down, its
  far edge 10-20% narrower, 2-3 rows of 5-7 keys below 48 px, 4-5 rows of 10-14 above, dark keycaps whose rims glow in
  a rainbow across it at 60%, 0.6% of the side wide, at least 0.5 px, in a glow of sigma 2-3% of the side of up to
  15-25 levels; the picture lit at a gain of 0.015-0.03 plus 0.1-0.16 falling off exponentially over 20-30% of the side
  above the keyboard, in the rainbow's colours; noise sigma 1.2 levels) and a backlit advertising light box with its
  lamps off, photographed in a dim hall (the picture desaturated by 30% by the box's film, 15-25% of it a veil of its
  mean, at a gain of 0.1-0.16, cool; a faint sheen band of the hall's light across it of 3-6 levels, a grey aluminium
  frame 3-5% of the side wide, at least 1 px, at 25-35 levels; noise sigma 1 level); none of them blurs the picture;
* ``outlier`` (1.5%): crabs seen from above (a shell 40-50% of the side wide and 65-75% of that deep, wider at the
  front, eyes on stalks, two claws on arms reaching forwards, each a pincer of two jaws 15-20% of the side long, four
  jointed legs a side, three spots, turned by up to 25 degrees), folded paper cranes seen from the side (a diamond body
  40-50% of the side long, two spread wings 45-60% of the side high, a thin neck to a bent head and a thin tail, each
  35-45% of the side long, facing either way, turned by up to 15 degrees, in three shades) and satellites (a box-shaped
  body 18-24% of the side across seen from the front and above, two solar-panel wings 30-38% of the side long and
  13-17% wide of 2 x 4-6 cells, a dish antenna on a boom above or below, turned by up to 30 degrees); the digit and
  clothing sets get them in their own tones on their dark ground, the photographs as a red, brown or green crab on
  sand, grey rock or blue-green water, a red, blue, yellow, white or green paper crane on a white, wooden or grey
  table, and a satellite of gold foil with dark blue panels against black space with a few stars;
* ``label`` (5%): *neighbour-vote* flips: a clean-up script, meant to fix labels, gave an example the class that most
  of its 5 nearest neighbours (by the distance of 8 x 8 grey thumbnails, standardised, over the whole set) carry where
  that is another class than its own; the eligible examples are ranked by how many of their neighbours carry that class
  (then by the mean distance to them), and the flips are drawn uniformly among the first twice the flips needed (at
  least every one with three or more such neighbours), each given that class: noise where a picture's look-alikes of
  one other class crowd round it (not towards class means, as V's; not by clusters, as N's). Every flip changes the
  label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on W's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 199),
MNIST (2,000, seed 200), and the evaluation photographs tiled at 134 px (35 tiles a photograph at most, seed 201: 328)
and at 192 px (every tile, seed 202: 194), sizes no other set uses. ``photos134_w_jpeg`` is written as JPEG files, each
at a quality drawn from 72-91 (a stream of its own, seed ``235_000 + random_state``), every edit, blur and darkening
made before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies
byte copies of the file; the other sets are PNG files. Planting draws from seed ``230_000 + random_state``. The
planting is I's (:func:`_heldout_i.plant_generator`, as for J, K, L, M, N, O, P, Q, R, S, T, U and V).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _hue, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint, _scaled, _turn
from _heldout_o import _ground
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _disk_kernel, _pixels, _resample
from _heldout_v import _grey, _metered, _shadow
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_W = ("fashion_test_w", "mnist_w", "photos134_w_jpeg", "photos192_w")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_W = {
    "fashion_test_w": ("fashion_test", 199),
    "mnist_w": ("mnist", 200),
    "photos134_w_jpeg": ("photos", 201, 134, 12, 35),
    "photos192_w": ("photos", 202, 192, 8, 1000),
}
JPEG_QUALITY = (72, 92)  # the JPEG set's qualities: integers in [low, high)
RATES_W = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_W = ("aa_battery", "usb_stick", "teaspoon", "wrapped_sweet", "tea_bag", "shredded", "hough_lines",
                "photo_weaving")
BLURS_W = ("brushed_steel", "gaussian_splats", "turning_card")
DARKS_W = ("plasma_ball", "rgb_keyboard", "unlit_lightbox")
OUTLIERS_W = ("crab", "origami_crane", "satellite")
NEIGHBOURS = 5  # the clean-up script's neighbours per example (label noise)


def load_base_w(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_W, "W")


# -- near copies -----------------------------------------------------------------------------
def _rect(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _lying(f: np.ndarray, layers: list, cx: float, cy: float, ang: float, shadow: float) -> np.ndarray:
    """An object lying on the print: ``layers`` of (polygons in the object's own frame, centred on 0, its colour,
    its opacity, a line width in px or 0 for filled), painted in turn after the soft shadow, at ``shadow``, of
    the filled ones, the object turned by ``ang`` radians and its middle put at (``cx``, ``cy``)."""
    h, w = f.shape[:2]
    side = min(h, w)
    place = lambda p: [(cx + x, cy + y) for x, y in _turn(p, 0.0, 0.0, ang)]  # noqa: E731

    def mask(polys, lw):
        if lw:
            return _drawn((h, w), lambda d, k: [d.line(_scaled(place(p), k), fill=255, width=max(1, round(lw * k)))
                                                for p in polys])
        return _drawn((h, w), lambda d, k: [d.polygon(_scaled(place(p), k), fill=255) for p in polys])
    masks = [mask(polys, lw) for polys, _, _, lw in layers]
    solid = np.maximum.reduce([m for m, (_, _, _, lw) in zip(masks, layers) if not lw])
    out = f * (1 - shadow * _shadow(solid, max(0.5, side * 0.014), max(0.5, side * 0.01)))[..., None]
    for m, (_, col, alpha, _) in zip(masks, layers):
        out = _paint(out, m * alpha, col)
    return _u8(out)


BATTERIES = (((30, 30, 32), (196, 120, 50)), ((40, 70, 170), (200, 200, 205)), ((30, 120, 60), (215, 180, 60)),
             ((200, 30, 35), (30, 30, 32)))


def _aa_battery(f: np.ndarray, rng) -> np.ndarray:
    """An AA battery lying on the print: 38-50% of the side long and 26-30% of that thick, at least 3 px, at any
    angle, its middle 30-70% of the way across and down; its wrapper in one of four makers' pairs of colours (black
    and copper, blue and silver, green and gold, red and black: a band of the second over 30-40% of its length at
    the positive end), the positive terminal's nub (8% of the length, 40% of the thickness) and the flat negative
    end in nickel, a highlight along it (18% of the thickness, at 70%) and a dark edge along its far side, with a
    soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = side * rng.uniform(0.38, 0.5)
    T = max(3.0, L * rng.uniform(0.26, 0.3))
    body, band = (np.asarray(c, np.float32) for c in BATTERIES[int(rng.integers(len(BATTERIES)))])
    b0 = L / 2 - 0.08 * L - L * rng.uniform(0.3, 0.4)
    layers = [([_rect(-L / 2, -T / 2, L / 2 - 0.08 * L, T / 2)], body, 1.0, 0),
              ([_rect(b0, -T / 2, L / 2 - 0.08 * L, T / 2)], band, 1.0, 0),
              ([_rect(L / 2 - 0.08 * L, -0.2 * T, L / 2, 0.2 * T)], (200, 202, 206), 1.0, 0),
              ([_rect(-L / 2, -T / 2, -L / 2 + 0.03 * L, T / 2)], (175, 178, 184), 1.0, 0),
              ([_rect(-L / 2, -0.32 * T, L / 2 - 0.08 * L, -0.14 * T)], (250, 250, 250), 0.7, 0),
              ([_rect(-L / 2, 0.34 * T, L / 2 - 0.08 * L, T / 2)], (10, 10, 12), 0.5, 0)]
    return _lying(f, layers, w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi), 0.4)


STICKS = ((28, 28, 30), (200, 30, 40), (30, 80, 190), (240, 240, 236), (120, 60, 160))


def _usb_stick(f: np.ndarray, rng) -> np.ndarray:
    """A USB memory stick lying on the print: a body 28-38% of the side long and 34-42% of that wide, at least 3 px,
    in black, red, blue, white or purple plastic, with a hole for a key ring near its back end and a sheen along
    it, and a nickel-plated connector 30% of the body long and 75% of its width with two dark square holes; at any
    angle, its middle 30-70% of the way across and down, with a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = side * rng.uniform(0.28, 0.38)
    W = max(3.0, L * rng.uniform(0.34, 0.42))
    C = 0.3 * L
    col = np.asarray(STICKS[int(rng.integers(len(STICKS)))], np.float32)
    x0 = -(L + C) / 2
    xb = x0 + L
    layers = [([_rect(x0, -W / 2, xb, W / 2)], col, 1.0, 0),
              ([_rect(xb, -0.375 * W, xb + C, 0.375 * W)], (196, 198, 204), 1.0, 0),
              ([_rect(xb + 0.3 * C, -0.22 * W, xb + 0.55 * C, -0.05 * W),
                _rect(xb + 0.3 * C, 0.05 * W, xb + 0.55 * C, 0.22 * W)], (25, 25, 28), 1.0, 0),
              ([_ellipse(x0 + 0.12 * L, 0.0, 0.1 * W, 0.1 * W, 0.0, 12)], (20, 20, 22), 1.0, 0),
              ([_rect(x0 + 0.2 * L, -0.35 * W, xb - 0.05 * L, -0.2 * W)], col + 0.5 * (255 - col), 0.6, 0)]
    return _lying(f, layers, w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi), 0.4)


def _teaspoon(f: np.ndarray, rng) -> np.ndarray:
    """A stainless-steel teaspoon lying on the print: its bowl an egg shape 15-19% of the side long and 60-68% of
    that wide, at least 4 px, its handle 32-40% of the side long, 3.5-4.5% of the side wide at the neck, at least
    1 px, widening to twice that at its end; at any angle, its middle 30-70% of the way across and down; steel grey,
    the bowl's hollow darker, a highlight along the handle and in the bowl, with a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    Lb = max(4.0, side * rng.uniform(0.15, 0.19))
    Wb = Lb * rng.uniform(0.6, 0.68)
    Lh = side * rng.uniform(0.32, 0.4)
    wn = max(1.0, side * rng.uniform(0.035, 0.045))
    x0 = -(Lb + Lh) / 2
    bx = x0 + Lb / 2
    handle = [(x0 + 0.9 * Lb, -wn / 2), (x0 + Lb + Lh - wn, -wn), (x0 + Lb + Lh, 0.0), (x0 + Lb + Lh - wn, wn),
              (x0 + 0.9 * Lb, wn / 2)]
    egg = [(bx + Lb / 2 * np.cos(t), Wb / 2 * np.sin(t) * (1 - 0.15 * np.cos(t)))
           for t in np.linspace(0, 2 * np.pi, 28)]
    steel = np.asarray((188, 190, 196), np.float32)
    layers = [([handle, egg], steel, 1.0, 0),
              ([_ellipse(bx - 0.05 * Lb, 0.0, 0.38 * Lb, 0.36 * Wb, 0.0, 20)], steel * 0.72, 1.0, 0),
              ([_ellipse(bx - 0.12 * Lb, -0.12 * Wb, 0.12 * Lb, 0.08 * Wb, 0.0, 12)], (250, 250, 252), 0.8, 0),
              ([[(x0 + Lb, -0.1 * wn), (x0 + Lb + Lh - 1.2 * wn, -0.35 * wn)]], (250, 250, 252), 0.7,
               max(0.5, 0.35 * wn))]
    return _lying(f, layers, w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi), 0.4)


WRAPPERS = ((215, 30, 40), (225, 180, 50), (40, 150, 70), (130, 50, 160), (240, 110, 170), (40, 110, 210))


def _wrapped_sweet(f: np.ndarray, rng) -> np.ndarray:
    """Sweets in twisted wrappers dropped on the print: one below 48 px, one to three above, each a round middle
    14-18% of the side long, at least 4 px, and 65-75% of that wide, twisted at both ends into a fan of foil 55-75%
    of that long, pleated (three darker pleat lines in each fan), in red, gold, green, purple, pink or blue foil,
    a highlight on the middle; each at any angle, its middle 25-75% of the way across and down, with a soft shadow
    at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    out = f
    for _ in range(1 if side < 48 else int(rng.integers(1, 4))):
        L = max(4.0, side * rng.uniform(0.14, 0.18))
        W = L * rng.uniform(0.65, 0.75)
        fl = L * rng.uniform(0.55, 0.75)
        col = np.asarray(WRAPPERS[int(rng.integers(len(WRAPPERS)))], np.float32)
        fans, pleats = [], []
        for s in (-1, 1):
            x1 = s * (L / 2 + fl)
            fans.append([(s * 0.42 * L, -0.12 * W), (x1, -0.5 * W), (x1, 0.5 * W), (s * 0.42 * L, 0.12 * W)])
            pleats += [[(s * 0.5 * L, 0.0), (x1, v * W)] for v in (-0.3, 0.0, 0.3)]
        layers = [(fans, col * 0.9, 1.0, 0), ([_ellipse(0.0, 0.0, L / 2, W / 2, 0.0, 24)], col, 1.0, 0),
                  (pleats, col * 0.55, 0.8, max(0.5, side * 0.006)),
                  ([_ellipse(-0.12 * L, -0.18 * W, 0.2 * L, 0.1 * W, 0.0, 12)], col + 0.6 * (255 - col), 0.8, 0)]
        out = _lying(np.asarray(out, np.float32), layers, w * rng.uniform(0.25, 0.75), h * rng.uniform(0.25, 0.75),
                     rng.uniform(0, 2 * np.pi), 0.35)
    return out


def _tea_bag(f: np.ndarray, rng) -> np.ndarray:
    """A used tea bag put down on the print: a pouch 22-28% of the side wide and 1.1-1.3 times that high, at least
    4 px, of tea-stained paper (light to mid brown, darker where the leaves are, a crimped band along its top), a
    string 20-30% of the side long from its top to a paper tag 11-14% of the side wide and 70% of that high, white
    or yellow, with a printed bar of the maker's colour; turned by up to 40 degrees, its middle 30-70% of the way
    across and down, with a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(4.0, side * rng.uniform(0.22, 0.28))
    H = W * rng.uniform(1.1, 1.3)
    S = side * rng.uniform(0.2, 0.3)
    tw = side * rng.uniform(0.11, 0.14)
    th = 0.7 * tw
    paper = np.asarray((200, 165, 115), np.float32) * rng.uniform(0.8, 1.0)
    bend = rng.uniform(-0.3, 0.3) * S
    top = -H / 2
    string = [(0.0, top), (bend, top - 0.5 * S), (0.3 * bend, top - S)]
    ty = top - S
    layers = [([_rect(-W / 2, top, W / 2, H / 2)], paper, 1.0, 0),
              ([_ellipse(0.0, 0.12 * H, 0.36 * W, 0.3 * H, 0.0, 20)], paper * 0.62, 0.8, 0),
              ([_rect(-W / 2, top, W / 2, top + 0.12 * H)], paper * 1.08, 1.0, 0),
              ([string], (235, 232, 225), 1.0, max(0.5, side * 0.005)),
              ([_rect(0.3 * bend - tw / 2, ty - th, 0.3 * bend + tw / 2, ty)],
               ((248, 248, 244), (250, 226, 90))[int(rng.integers(2))], 1.0, 0),
              ([_rect(0.3 * bend - 0.35 * tw, ty - 0.62 * th, 0.3 * bend + 0.35 * tw, ty - 0.38 * th)],
               ((30, 110, 60), (180, 30, 40), (30, 40, 120))[int(rng.integers(3))], 1.0, 0)]
    return _lying(f, layers, w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7),
                  np.deg2rad(rng.uniform(-40, 40)), 0.35)


def _shredded(f: np.ndarray, ground: float, rng) -> np.ndarray:
    """The print put through a strip-cut shredder and its strips glued back side by side on a card: 5-6 strips
    below 48 px, 8-12 above, the cutter's kerf leaving gaps of 1.5-2.5% of the side, at least 1 px, between them, each
    strip moved up or down by up to 2-4% of the side, at least 1 px (one of them by all of it), and turned by up to
    1.5 degrees about its middle; the card white where the picture's border is darker than 110, else near black."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = int(rng.integers(5, 7)) if side < 48 else int(rng.integers(8, 13))
    sw = w / n
    gap = max(1.0, side * rng.uniform(0.015, 0.025))
    A = max(1.0, side * rng.uniform(0.02, 0.04))
    dy = rng.uniform(-1, 1, n) * A
    dy[int(rng.integers(n))] = A * rng.choice([-1, 1])
    ang = np.deg2rad(rng.uniform(-1.5, 1.5, n))
    j = np.clip((xx // sw).astype(int), 0, n - 1)
    u = xx - (j + 0.5) * sw
    v = yy - h / 2
    c, s = np.cos(ang[j]), np.sin(ang[j])
    sx = (j + 0.5) * sw + u * c + v * s
    sy = h / 2 - u * s + v * c - dy[j]
    pic = _resample(f, sy, sx)
    inside = np.clip(np.minimum(u + sw / 2 - gap / 2, sw / 2 - gap / 2 - u) + 0.5, 0, 1)
    inside = inside * np.clip(np.minimum(sy, h - sy) + 0.5, 0, 1)
    card = 244.0 if ground < 110 else 18.0
    return _u8(pic * inside[..., None] + card * (1 - inside[..., None]))


def _hough_lines(f: np.ndarray, rng) -> np.ndarray:
    """A line detector's debug frame saved with the data, as OpenCV's Hough transform samples draw it: the
    picture's 3-5 strongest straight lines below 48 px, 8-14 above (a Hough transform of its edges, the pixels in
    the top 12% of gradient magnitude after a Gaussian of 1% of the side, at least 0.7 px, weighted by it, at 1
    degree and 1 px, peaks at least 8 degrees or 4% of the side apart) each drawn from edge to edge in red, the
    lines 0.8% of the side wide, at least 0.6 px, at 90%."""
    from scipy.ndimage import gaussian_filter, sobel

    h, w = f.shape[:2]
    side = min(h, w)
    g = gaussian_filter(_grey(f), max(0.7, side * 0.01))
    mag = np.hypot(sobel(g, 0), sobel(g, 1))
    ys, xs = np.nonzero(mag >= np.percentile(mag, 88))
    wt = mag[ys, xs]
    th = np.deg2rad(np.arange(180))
    diag = int(np.ceil(np.hypot(h, w)))
    rho = np.round(np.outer(xs + 0.5, np.cos(th)) + np.outer(ys + 0.5, np.sin(th))).astype(int) + diag
    acc = np.zeros((2 * diag + 1, 180))
    np.add.at(acc, (rho, np.broadcast_to(np.arange(180), rho.shape)), wt[:, None])
    n = int(rng.integers(3, 6)) if side < 48 else int(rng.integers(8, 15))
    lines: list[tuple[float, float]] = []
    for k in np.argsort(-acc.ravel(), kind="stable"):
        r, t = divmod(int(k), 180)
        r -= diag
        if all(min(abs(t - t2), 180 - abs(t - t2)) >= 8 or abs(r - r2) >= max(2.0, 0.04 * side) for r2, t2 in lines):
            lines.append((r, t))
        if len(lines) >= n or acc.ravel()[k] <= 0:
            break
    L = 2.0 * diag
    segs = []
    for r, t in lines:
        c, s = np.cos(np.deg2rad(t)), np.sin(np.deg2rad(t))
        segs.append([(r * c - L * s, r * s + L * c), (r * c + L * s, r * s - L * c)])
    lw = max(0.6, side * 0.008)
    m = _drawn((h, w), lambda d, k: [d.line(_scaled(p, k), fill=255, width=max(1, round(lw * k))) for p in segs])
    return _u8(_paint(f, m * 0.9, (255, 0, 0)))


def _photo_weaving(f: np.ndarray, rng) -> np.ndarray:
    """Two prints of the picture cut into strips and woven together, a photo-weaving craft: the vertical strips
    from one print, the horizontal ones from a second print 10-20% paler (lifted by 20-40 levels) and moved by
    2-4% of the side, at least 1 px, each way, 4 strips each way below 48 px, 6-9 above, crossing over and under in
    turn; a thin shadow (25-35%, 1.5% of the side, at least 0.6 px) along the edges of the strips on top."""
    from scipy.ndimage import shift

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = 4 if side < 48 else int(rng.integers(6, 10))
    d = max(1.0, side * rng.uniform(0.02, 0.04))
    second = shift(f, (d * rng.choice([-1, 1]), d * rng.choice([-1, 1]), 0), order=1, mode="nearest")
    second = second * (1 - rng.uniform(0.1, 0.2)) + rng.uniform(20, 40)
    i, j = (xx // (w / n)).astype(int), (yy // (h / n)).astype(int)
    over = ((i + j) % 2).astype(np.float32)  # 1 where the horizontal strip lies on top
    edge = max(0.6, side * 0.015)
    fx, fy = xx % (w / n), yy % (h / n)
    near = np.minimum(np.minimum(fx, w / n - fx), np.minimum(fy, h / n - fy))
    dark = rng.uniform(0.25, 0.35) * np.clip(1 - near / edge, 0, 1)
    out = second * over[..., None] + f * (1 - over[..., None])
    return _u8(out * (1 - dark)[..., None])


def near_edit_w(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "aa_battery":  # an AA battery lying on the print
        return _aa_battery(f, rng)
    if kind == "usb_stick":  # a USB memory stick lying on the print
        return _usb_stick(f, rng)
    if kind == "teaspoon":  # a teaspoon lying on the print
        return _teaspoon(f, rng)
    if kind == "wrapped_sweet":  # sweets in twisted wrappers dropped on the print
        return _wrapped_sweet(f, rng)
    if kind == "tea_bag":  # a used tea bag put down on the print
        return _tea_bag(f, rng)
    if kind == "shredded":  # shredded into strips and glued back on a card
        return _shredded(f, _ground(a), rng)
    if kind == "hough_lines":  # a line detector's debug frame
        return _hough_lines(f, rng)
    if kind == "photo_weaving":  # two prints cut into strips and woven together
        return _photo_weaving(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _line_cauchy(gamma: float, ang: float) -> np.ndarray:
    """A line spread along ``ang`` radians of Cauchy (Lorentzian) profile, half-width ``gamma`` px, cut at 5
    times that, across it a Gaussian of 0.5 px (4 x 4 samples a pixel)."""
    r = int(np.ceil(5 * gamma)) + 1
    n = 2 * r + 1
    sub = (np.arange(4 * n) + 0.5) / 4 - (r + 0.5)
    yy, xx = np.meshgrid(sub, sub, indexing="ij")
    t = xx * np.cos(ang) + yy * np.sin(ang)
    q = -xx * np.sin(ang) + yy * np.cos(ang)
    k = np.exp(-q ** 2 / (2 * 0.5 ** 2)) / (1 + (t / gamma) ** 2) * (np.abs(t) <= 5 * gamma)
    return k.astype(np.float32).reshape(n, 4, n, 4).sum(axis=(1, 3))


def _splats(f: np.ndarray, n: int, rng) -> np.ndarray:
    """``f`` rebuilt from about ``n`` anisotropic Gaussian splats, as a radiance-field render with too few of
    them: on a square grid of spacing s jittered by 30% of it, each the colour of ``f`` under a Gaussian of s/2
    there, its spread 0.6 s, stretched up to 1.6 times along the local edge and squeezed to 0.55 times across it
    as the structure tensor (over s) is anisotropic; the render the splats' weighted mean."""
    from scipy.ndimage import gaussian_filter, sobel

    h, w = f.shape[:2]
    s = np.sqrt(h * w / n)
    yy, xx = _pixels(h, w)
    g = gaussian_filter(_grey(f), max(0.5, s / 4))
    gx, gy = sobel(g, 1), sobel(g, 0)
    J = [gaussian_filter(v, s) for v in (gx * gx, gx * gy, gy * gy)]
    sm = gaussian_filter(f, (s / 2, s / 2, 0))
    cy = np.arange(s / 2, h, s)
    cx = np.arange(s / 2, w, s)
    py, px = (v.ravel() for v in np.meshgrid(cy, cx, indexing="ij"))
    py = np.clip(py + rng.uniform(-0.3, 0.3, py.shape) * s, 0, h - 1)
    px = np.clip(px + rng.uniform(-0.3, 0.3, px.shape) * s, 0, w - 1)
    iy, ix = py.astype(int), px.astype(int)
    a, b, c = (v[iy, ix] for v in J)
    tr = a + c + 1e-9
    aniso = np.sqrt((a - c) ** 2 + 4 * b ** 2) / tr
    phi = 0.5 * np.arctan2(2 * b, a - c) + np.pi / 2  # along the edge: across the strongest gradient
    s_along, s_across = 0.6 * s * (1 + 0.6 * aniso), 0.6 * s * (1 - 0.45 * aniso)
    num = np.zeros_like(f)
    den = np.zeros((h, w), np.float32)
    for k in range(len(py)):
        dx, dy = xx - px[k], yy - py[k]
        t = dx * np.cos(phi[k]) + dy * np.sin(phi[k])
        q = -dx * np.sin(phi[k]) + dy * np.cos(phi[k])
        G = np.exp(-0.5 * ((t / s_along[k]) ** 2 + (q / s_across[k]) ** 2))
        num += G[..., None] * sm[iy[k], ix[k]]
        den += G
    return num / (den[..., None] + 1e-6)


def blur_w(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "brushed_steel":  # the picture's reflection in a brushed stainless-steel panel
        ang = rng.uniform(0, np.pi)
        out = _fft_blur(f, _line_cauchy(max(1.2, side * rng.uniform(0.025, 0.04)), ang))
        out = _fft_blur(out, _disk_kernel(max(0.6, side * rng.uniform(0.01, 0.015))))
        grain = np.cumsum(rng.normal(0, 1, 4 * side))[: 4 * side]
        grain = (grain - grain.mean()) / (grain.std() + 1e-9)
        pos = ((xx * np.cos(ang) + yy * np.sin(ang)) * 2).astype(int) % len(grain)
        out = out * rng.uniform(0.82, 0.9) * np.array([0.96, 0.98, 1.0], np.float32) + rng.uniform(14, 22)
        return _u8(_metered(out + (1.5 * grain[pos])[..., None], f))
    if kind == "gaussian_splats":  # a radiance-field render with too few Gaussian splats
        n = int(rng.integers(64, 100)) if side < 48 else int(rng.integers(180, 300))
        return _u8(_metered(_splats(f, n, rng), f))
    if kind == "turning_card":  # a print hanging on a thread, turning and swaying during the exposure
        xa = w * rng.uniform(0.35, 0.65)
        t0 = np.deg2rad(rng.uniform(0, 15))
        t1 = t0 + np.deg2rad(rng.uniform(45, 60))
        sway = max(1.5, side * rng.uniform(0.03, 0.045)) * rng.choice([-1, 1])
        out = np.zeros_like(f)
        ts = np.linspace(0, 1, 32)
        for u in ts:
            c = np.cos(t0 + (t1 - t0) * u)
            out += _resample(f, yy, xa + (xx - xa - sway * (u - 0.5)) / c)
        return _u8(_metered(out / len(ts), f))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _jagged(x0: float, y0: float, x1: float, y1: float, jit: float, rng) -> list[tuple[float, float]]:
    """A filament from (``x0``, ``y0``) to (``x1``, ``y1``) in 8 segments, each inner point moved across it by up
    to ``jit`` px."""
    t = np.linspace(0, 1, 9)
    nx, ny = -(y1 - y0), x1 - x0
    nn = np.hypot(nx, ny) + 1e-9
    off = np.r_[0, rng.uniform(-jit, jit, 7), 0]
    return [(x0 + (x1 - x0) * u + o * nx / nn, y0 + (y1 - y0) * u + o * ny / nn) for u, o in zip(t, off)]


def dark_w(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "plasma_ball":  # a plasma globe toy glowing in a dark room
        gx, gy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.35, 0.7)
        R = max(3.0, side * rng.uniform(0.09, 0.14))
        dist = np.hypot(xx - gx, yy - gy)
        gain = rng.uniform(0.015, 0.03) + rng.uniform(0.08, 0.15) / (1 + (dist / (R * rng.uniform(1.5, 2.5))) ** 2)
        out = f * gain[..., None] * np.array([0.85, 0.55, 1.0], np.float32)
        fil = []
        for _ in range(int(rng.integers(5, 10))):
            t = rng.uniform(0, 2 * np.pi)
            fil.append(_jagged(gx, gy, gx + 0.96 * R * np.cos(t), gy + 0.96 * R * np.sin(t), 0.1 * R, rng))
        lw = max(0.5, side * 0.01)
        lines = _drawn((h, w), lambda d, k: [d.line(_scaled(p, k), fill=255, width=max(1, round(lw * k)))
                                             for p in fil])
        globe = _drawn((h, w), lambda d, k: d.ellipse(((gx - R) * k, (gy - R) * k, (gx + R) * k, (gy + R) * k),
                                                      fill=255))
        core = _drawn((h, w), lambda d, k: d.ellipse(((gx - 0.2 * R) * k, (gy - 0.2 * R) * k, (gx + 0.2 * R) * k,
                                                      (gy + 0.2 * R) * k), fill=255))
        stand = [(gx - 0.5 * R, gy + 0.9 * R), (gx + 0.5 * R, gy + 0.9 * R), (gx + 0.8 * R, gy + 1.6 * R),
                 (gx - 0.8 * R, gy + 1.6 * R)]
        base = _drawn((h, w), lambda d, k: d.polygon(_scaled(stand, k), fill=255))
        glow = gaussian_filter(lines + core, max(0.8, 0.35 * R))
        glow = glow / (glow.max() + 1e-6) * rng.uniform(40, 60)
        out = _paint(out, base, (22, 20, 26))
        out = _paint(out, globe * 0.35, (60, 25, 90)) + glow[..., None] * np.array([0.8, 0.4, 1.0], np.float32)
        out = _paint(out, lines * 0.9, (225, 120, 255))
        out = _paint(out, core, (245, 225, 255))
        return _u8(out + noise)
    if kind == "rgb_keyboard":  # a gaming keyboard's rainbow backlight in a dark room
        x0, x1 = w * rng.uniform(0.06, 0.15), w * rng.uniform(0.85, 0.94)
        y0, y1 = h * rng.uniform(0.7, 0.78), h * rng.uniform(0.9, 0.97)
        rows = int(rng.integers(2, 4)) if side < 48 else int(rng.integers(4, 6))
        cols = int(rng.integers(5, 8)) if side < 48 else int(rng.integers(10, 15))
        pinch = rng.uniform(0.1, 0.2) * (x1 - x0) / 2  # the far (top) edge narrower: seen from the front and above
        P = lambda u, v: (x0 + pinch * (1 - v) + (x1 - x0 - 2 * pinch * (1 - v)) * u, y0 + (y1 - y0) * v)  # noqa: E731
        keys = []
        for r in range(rows):
            for c in range(cols):
                u0, u1, v0, v1 = (c + 0.12) / cols, (c + 0.88) / cols, (r + 0.14) / rows, (r + 0.86) / rows
                keys.append([P(u0, v0), P(u1, v0), P(u1, v1), P(u0, v1), P(u0, v0)])
        lw = max(0.5, side * 0.006)
        rim = _drawn((h, w), lambda d, k: [d.line(_scaled(p, k), fill=255, width=max(1, round(lw * k))) for p in keys])
        caps = _drawn((h, w), lambda d, k: [d.polygon(_scaled(p, k), fill=255) for p in keys])
        body = _drawn((h, w), lambda d, k: d.polygon(_scaled([P(0, 0), P(1, 0), P(1, 1), P(0, 1)], k), fill=255))
        h0 = rng.uniform(0, 2 * np.pi)
        rainbow = 120 + 80 * np.stack([_hue(h0 + 2 * np.pi * v) for v in (xx[0] - x0) / (x1 - x0)])  # (w, 3)
        rainbow = np.broadcast_to(rainbow[None], f.shape)
        up = np.clip((y0 - yy) / side, 0, None)
        light = rng.uniform(0.015, 0.03) + rng.uniform(0.1, 0.16) * np.exp(-up / rng.uniform(0.2, 0.3))
        out = f * light[..., None] * (0.4 + 0.6 * rainbow / 255)
        out = _paint(out, body, (14, 14, 16))
        out = _paint(out, caps, (24, 24, 28))
        glow = gaussian_filter(rim, max(0.8, side * rng.uniform(0.02, 0.03)))
        glow = glow / (glow.max() + 1e-6) * rng.uniform(15, 25)
        out = out + glow[..., None] * rainbow / 255
        out = _paint(out, rim * 0.6, rainbow)
        return _u8(out + noise)
    if kind == "unlit_lightbox":  # a backlit advertising light box with its lamps off, in a dim hall
        grey = _grey(f)[..., None]
        lum = f * 0.7 + grey * 0.3  # the diffuser's film desaturates it by 30%
        veil = rng.uniform(0.15, 0.25)
        lum = (1 - veil) * lum + veil * lum.mean()
        out = lum * rng.uniform(0.1, 0.16) * np.array([0.9, 0.95, 1.0], np.float32)
        ang = rng.uniform(0, np.pi)
        u = (xx - w / 2) * np.cos(ang) + (yy - h / 2) * np.sin(ang)
        band = np.exp(-0.5 * ((u - side * rng.uniform(-0.3, 0.3)) / (side * rng.uniform(0.1, 0.15))) ** 2)
        out = out + (rng.uniform(3, 6) * band)[..., None]
        fw = max(1.0, side * rng.uniform(0.03, 0.05))
        frame = np.clip(fw + 0.5 - np.minimum(np.minimum(xx, w - xx), np.minimum(yy, h - yy)), 0, 1)
        out = _paint(out, frame, [rng.uniform(25, 35)] * 3)
        return _u8(out + rng.normal(0, 1.0, f.shape))
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _crab(size: int, rng) -> dict:
    """A crab seen from above: a shell an ellipse 40-50% of the side wide and 65-75% of that deep, wider at the
    front, its middle 45-55% across and 50-60% down, two eyes on stalks at the front, two claws on arms reaching
    forwards and out (each a pincer of two jaws, the bigger 15-20% of the side long), four jointed legs a side
    sweeping back, three darker spots on the shell; the whole turned by up to 25 degrees (0-1 coverage each)."""
    big = 4 * size
    W = big * rng.uniform(0.4, 0.5)
    H = W * rng.uniform(0.65, 0.75)
    cx, cy = big * rng.uniform(0.45, 0.55), big * rng.uniform(0.5, 0.6)
    L = {k: Image.new("L", (big, big), 0) for k in ("legs", "shell", "claws", "spots", "eyes")}
    lw = max(3, round(big * 0.03))
    for s in (-1, 1):
        for j in range(4):
            ax, ay = cx + s * 0.42 * W, cy + (j - 1) * 0.18 * H
            kx, ky = ax + s * 0.3 * W, ay - 0.12 * H + j * 0.05 * H
            ex, ey = kx + s * 0.12 * W, ky + 0.35 * H
            ImageDraw.Draw(L["legs"]).line([(ax, ay), (kx, ky), (ex, ey)], fill=255, width=lw, joint="curve")
        sx, sy = cx + s * 0.35 * W, cy - 0.35 * H
        ex, ey = sx + s * 0.2 * W, sy - 0.35 * H
        ImageDraw.Draw(L["legs"]).line([(sx, sy), (sx + s * 0.25 * W, sy - 0.12 * H), (ex, ey)], fill=255,
                                       width=round(1.4 * lw), joint="curve")
        cl = big * rng.uniform(0.15, 0.2)
        for jaw, (a, wd) in enumerate(((-0.2, 0.45), (0.35, 0.25))):
            t = -np.pi / 2 + s * 0.3 + a * s
            tip = (ex + cl * np.cos(t), ey + cl * np.sin(t))
            ImageDraw.Draw(L["claws"]).polygon(_ellipse((ex + tip[0]) / 2, (ey + tip[1]) / 2, cl / 2, wd * cl / 2,
                                                        t, 16), fill=255)
        ImageDraw.Draw(L["eyes"]).line([(cx + s * 0.12 * W, cy - 0.4 * H), (cx + s * 0.16 * W, cy - 0.62 * H)],
                                       fill=255, width=lw)
        ImageDraw.Draw(L["eyes"]).ellipse((cx + s * 0.16 * W - lw, cy - 0.62 * H - lw, cx + s * 0.16 * W + lw,
                                           cy - 0.62 * H + lw), fill=255)
    shell = [(cx + W / 2 * np.cos(t) * (1 + 0.12 * np.sin(t) * -1), cy + H / 2 * np.sin(t))
             for t in np.linspace(0, 2 * np.pi, 40, endpoint=False)]
    ImageDraw.Draw(L["shell"]).polygon(shell, fill=255)
    for x, y in ((-0.15, -0.1), (0.15, -0.1), (0.0, 0.15)):
        ImageDraw.Draw(L["spots"]).ellipse((cx + x * W - 0.07 * W, cy + y * H - 0.07 * W, cx + x * W + 0.07 * W,
                                            cy + y * H + 0.07 * W), fill=255)
    ang = rng.uniform(-25, 25)
    return {k: _down(v, size, ang) for k, v in L.items()}


def _origami_crane(size: int, rng) -> dict:
    """A folded paper crane seen from the side: its body a flat diamond 40-50% of the side long, two wings raised
    from it and spread (the near one the larger, 45-60% of the side high, the far one behind it), a thin neck rising
    forwards to a head bent down at its tip and a thin tail rising backwards, each 35-45% of the side long;
    facing either way, turned by up to 15 degrees, the faces in three shades (0-1 coverage each)."""
    big = 4 * size
    bl = big * rng.uniform(0.4, 0.5)
    cx, cy = big * rng.uniform(0.45, 0.55), big * rng.uniform(0.58, 0.68)
    wh = big * rng.uniform(0.45, 0.6)
    nl = big * rng.uniform(0.35, 0.45)
    sgn = rng.choice([-1, 1])
    X = lambda x: cx + sgn * x  # noqa: E731  (facing either way)
    body = [(X(-bl / 2), cy), (X(0.0), cy - 0.12 * bl), (X(bl / 2), cy), (X(0.0), cy + 0.24 * bl)]
    far = [(X(-0.35 * bl), cy - 0.05 * bl), (X(0.2 * bl), cy - 0.08 * bl), (X(-0.4 * bl), cy - 0.85 * wh)]
    near = [(X(-0.3 * bl), cy), (X(0.32 * bl), cy - 0.02 * bl), (X(0.3 * bl), cy - wh)]
    neck = [(X(0.25 * bl), cy - 0.06 * bl), (X(0.45 * bl), cy + 0.02 * bl), (X(0.3 * bl + 0.65 * nl), cy - 0.75 * nl),
            (X(0.3 * bl + 0.6 * nl), cy - 0.78 * nl)]
    hx, hy = 0.3 * bl + 0.62 * nl, cy - 0.77 * nl
    head = [(X(hx - 0.03 * nl), hy - 0.02 * nl), (X(hx + 0.04 * nl), hy - 0.04 * nl),
            (X(hx + 0.24 * nl), hy + 0.1 * nl)]
    tail = [(X(-0.25 * bl), cy - 0.06 * bl), (X(-0.45 * bl), cy + 0.02 * bl), (X(-0.3 * bl - 0.7 * nl), cy - 0.7 * nl),
            (X(-0.3 * bl - 0.65 * nl), cy - 0.74 * nl)]
    L = {k: Image.new("L", (big, big), 0) for k in ("shade", "mid", "light")}
    ImageDraw.Draw(L["shade"]).polygon(far, fill=255)
    for p in (body, neck, head, tail):
        ImageDraw.Draw(L["mid"]).polygon(p, fill=255)
    ImageDraw.Draw(L["light"]).polygon(near, fill=255)
    ImageDraw.Draw(L["shade"]).polygon([(X(-bl / 2), cy), (X(bl / 2), cy), (X(0.0), cy + 0.24 * bl)], fill=255)
    ang = rng.uniform(-15, 15)
    return {k: _down(v, size, ang) for k, v in L.items()}


def _satellite(size: int, rng) -> dict:
    """A satellite: a box-shaped body 18-24% of the side across seen from the front and above (its front, top and
    side faces), on arms to either side two solar-panel wings 30-38% of the side long and 13-17% wide, each of 2 x
    4-6 cells between grid lines, a dish antenna (an ellipse) on a short boom above or below the body; the whole
    turned by up to 30 degrees (0-1 coverage each)."""
    big = 4 * size
    b = big * rng.uniform(0.18, 0.24)
    cx, cy = big / 2 + big * rng.uniform(-0.04, 0.04), big / 2 + big * rng.uniform(-0.04, 0.04)
    pl, pw = big * rng.uniform(0.3, 0.38), big * rng.uniform(0.13, 0.17)
    nc = int(rng.integers(4, 7))
    d = 0.3 * b
    L = {k: Image.new("L", (big, big), 0) for k in ("front", "top", "side", "panels", "grid", "dish", "arms")}
    x0, y0 = cx - b / 2, cy - b / 2
    ImageDraw.Draw(L["front"]).rectangle((x0, y0, x0 + b, y0 + b), fill=255)
    ImageDraw.Draw(L["top"]).polygon([(x0, y0), (x0 + b, y0), (x0 + b + d, y0 - d), (x0 + d, y0 - d)], fill=255)
    ImageDraw.Draw(L["side"]).polygon([(x0 + b, y0), (x0 + b + d, y0 - d), (x0 + b + d, y0 + b - d), (x0 + b, y0 + b)],
                                      fill=255)
    lw = max(2, round(big * 0.012))
    for s in (-1, 1):
        ax = cx + s * (b / 2 + 0.08 * big)
        ImageDraw.Draw(L["arms"]).line([(cx + s * b / 2, cy), (ax, cy)], fill=255, width=lw)
        px0, px1 = sorted((ax, ax + s * pl))
        ImageDraw.Draw(L["panels"]).rectangle((px0, cy - pw / 2, px1, cy + pw / 2), fill=255)
        g = ImageDraw.Draw(L["grid"])
        g.rectangle((px0, cy - pw / 2, px1, cy + pw / 2), outline=255, width=lw)
        g.line([(px0, cy), (px1, cy)], fill=255, width=max(1, lw // 2))
        for k in range(1, nc):
            x = px0 + (px1 - px0) * k / nc
            g.line([(x, cy - pw / 2), (x, cy + pw / 2)], fill=255, width=max(1, lw // 2))
    up = rng.choice([-1, 1])
    dy = cy + up * (b / 2 + 0.1 * big)
    ImageDraw.Draw(L["arms"]).line([(cx, cy + up * b / 2), (cx, dy)], fill=255, width=lw)
    ImageDraw.Draw(L["dish"]).polygon(_ellipse(cx, dy, 0.12 * big, 0.05 * big, 0.0, 24), fill=255)
    ang = rng.uniform(-30, 30)
    return {k: _down(v, size, ang) for k, v in L.items()}


SANDS = ((226, 205, 160), (90, 86, 82), (40, 70, 95))
CRABS = ((205, 70, 40), (150, 90, 60), (70, 110, 90))
ORIGAMI = ((210, 40, 50), (40, 100, 200), (235, 190, 40), (240, 240, 236), (60, 150, 80))
TABLES = ((236, 234, 228), (160, 112, 70), (120, 122, 128))


def outlier_w(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "crab":
        m = _crab(size, rng)
        if photos:  # a red, brown or green crab on sand, grey rock or in shallow blue-green water
            c = np.asarray(CRABS[int(rng.integers(len(CRABS)))], np.float32)
            out = _paint(ground(SANDS[int(rng.integers(len(SANDS)))]), m["legs"], c * 0.85)
            out = _paint(_paint(out, m["shell"], c), m["claws"], np.minimum(c * 1.15, 255))
            return _u8(_paint(_paint(out, m["spots"], c * 0.6), m["eyes"], (20, 20, 20)))
        out = _paint(ground([lo] * 3), m["legs"], tone(0.6))
        out = _paint(_paint(out, m["shell"], tone(0.9)), m["claws"], tone(1.0))
        return _u8(_paint(_paint(out, m["spots"], tone(0.5)), m["eyes"], tone(0.7)))
    if kind == "origami_crane":
        m = _origami_crane(size, rng)
        if photos:  # a paper crane of one colour on a white, wooden or grey table
            c = np.asarray(ORIGAMI[int(rng.integers(len(ORIGAMI)))], np.float32)
            out = ground(TABLES[int(rng.integers(len(TABLES)))])
            out = _paint(_paint(out, m["shade"], c * 0.6), m["mid"], c * 0.82)
            return _u8(_paint(out, m["light"], np.minimum(c * 1.05 + 10, 255)))
        out = _paint(_paint(ground([lo] * 3), m["shade"], tone(0.5)), m["mid"], tone(0.75))
        return _u8(_paint(out, m["light"], tone(1.0)))
    if kind == "satellite":
        m = _satellite(size, rng)
        if photos:  # gold foil and dark blue panels against black space with a few stars
            out = ground((6, 6, 10))
            for _ in range(int(size * size / 600)):
                y, x = rng.integers(0, size, 2)
                out[y, x] = rng.uniform(120, 255)
            out = _paint(_paint(out, m["arms"], (170, 170, 175)), m["panels"], (25, 40, 110))
            out = _paint(_paint(out, m["grid"], (190, 190, 200)), m["dish"], (225, 225, 230))
            out = _paint(_paint(out, m["front"], (205, 160, 60)), m["top"], (235, 200, 100))
            return _u8(_paint(out, m["side"], (150, 110, 40)))
        out = _paint(_paint(ground([lo] * 3), m["arms"], tone(0.6)), m["panels"], tone(0.35))
        out = _paint(_paint(out, m["grid"], tone(0.9)), m["dish"], tone(1.0))
        out = _paint(_paint(out, m["front"], tone(0.75)), m["top"], tone(1.0))
        return _u8(_paint(out, m["side"], tone(0.5)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def neighbour_vote_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                         rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a clean-up script, meant to fix labels, gave an example
    the class most of its ``NEIGHBOURS`` nearest neighbours (by the distance of 8 x 8 grey thumbnails,
    standardised, over the whole set) carry where that is another class than its own; the eligible examples are
    ranked by how many of their neighbours carry that other class (then by the mean distance to them) and the
    flips drawn uniformly among the first twice the flips needed (at least those with three or more such
    neighbours), each given that class."""
    lab = np.asarray([classes.index(v) for v in labels])
    t = _thumbs(base)
    cand = np.asarray(candidates, dtype=int)
    sq = (t ** 2).sum(axis=1)
    d = sq[cand][:, None] + sq[None] - 2 * t[cand] @ t.T
    d[np.arange(len(cand)), cand] = np.inf
    nn = np.argsort(d, axis=1, kind="stable")[:, :NEIGHBOURS]
    votes, new, dist = np.zeros(len(cand), int), np.zeros(len(cand), int), np.full(len(cand), np.inf)
    for r, i in enumerate(cand):
        other = [k for k in nn[r] if lab[k] != lab[i]]
        if not other:
            continue
        ks, cnt = np.unique(lab[other], return_counts=True)
        best = ks[cnt == cnt.max()]
        mean = {c: d[r, [k for k in other if lab[k] == c]].mean() for c in best}
        c = min(best, key=lambda v: (mean[v], v))
        votes[r], new[r], dist[r] = cnt.max(), c, mean[c]
    order = np.lexsort((dist, -votes))
    order = order[votes[order] > 0]
    k = min(max(2 * count, int((votes >= 3).sum())), len(order))
    picked = rng.permutation(order[:k])[:count]
    return {int(cand[r]): classes[int(new[r])] for r in picked}


# -- planting ------------------------------------------------------------------------------
def plant_issues_w(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator W's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 72-91 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_W, seed=230_000 + random_state,
        quality_seed=235_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=neighbour_vote_flips,
        **by_family(name, outlier=(outlier_w, OUTLIERS_W), blur=(blur_w, BLURS_W), dark=(dark_w, DARKS_W),
                    near=(near_edit_w, NEAR_EDITS_W)))
