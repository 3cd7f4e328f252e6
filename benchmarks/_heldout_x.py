"""Generator X: fresh EVALUATION sets after generator W's run (never used to choose anything).

Why a twenty-second evaluation generator: generator W was run once on the library, and the library then changed
(87cc3db, a labelled class of 2-5 images made a reference of its own for ``blurry``; de4cbb0, the partial-match rule of
``near_duplicate`` comparing pictures with a grey range of 40 levels), so W's sets can no longer measure those changes,
or anything else changed since, without bias; X is a held-out measurement of the code after them, of families of its own
(of W's results X's writer saw only the one-line summary in the commit log). Generator X was written on 2026-12-05,
before any tool was run on it (only its files, their counts, brightness percentiles and contact sheets of its edits,
blurs, darkenings and foreign pictures were looked at, to check that every edit is visible, every blur blurred, every
darkened image dark and every outlier foreign at 28, 138 and 196 px, that no blur or near copy comes out dark where its
source was not (its brightest 1% of grey pixels above 0.4 where the source's was above 0.5) and that no darkening blurs,
and the planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings,
foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft
disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s
and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W) and none of the library's
calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG,
resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left out because an earlier generator made them or
one close to them: a pocket comb (N's ruler's ticks), a feather (O's leaf, as Q found), fridge-magnet letters (D's
glyphs), a phone lying face down (N's colour chart's black card, the calibration's overlay box), a guitar plectrum (N's
push pin, as W's button), a toy brick (V's toy bricks), a paintbrush (O's pencil), a fork (W's teaspoon), a lemon slice
(U's pizzas), a cotton ball (P's cloud), a spool of thread (M's coffee ring), a zip sewn across the print (V's
stitches), a toy soldier (R's passer-by), a Dymo label (K's price tag, L's tape), a blob of correction fluid or bleach
spots (N's ink splash, T's dodge stroke), drops of water on a glossy print (S's bubble wrap, K's clear drops); of the
whole picture a print on a mug (M's open book, as T's cylindrical panorama), a cross-stitch copy (G's mosaic, as T's
low-poly filter), stained-glass leading (R's superpixels, L's stained glass), a blind embossing (F's relief, P's seal),
a curved glossy screen (U's TN panel, I's moire, F's barrel), a poster printed across several sheets or a fanned stack
of reprints (Q's jigsaw, W's shredded strips, E's letterbox), the shadow of a lace curtain (I's cast shadow, as S's
dappled shade), a magnetic album page's glue lines (Q's plastic sleeve), a time-slice of strips from different hours
(O's flicker banding), a picture across two monitors (Q's jigsaw, as T's video wall), a sliding-tile puzzle (Q's jigsaw,
N's GridMask), a folding screen (V's banner), a HOG debug frame (V's motion vectors); among blurs a zone plate (F's soft
focus, P's pinhole, as R found), a sheer curtain before the lens (O's stocking, R's mesh), fog (K's steamed window, as N
found), a descreened halftone scan (the calibration's Gaussian, I's halftone), a cracked lens cover (T's burst merge,
G's double exposure, O's streaks), a moulded plastic lens's random figure errors (Q's trefoil, as R's tetrafoil), a
greasy film over the lens (K's dirty lens, J's smear), a CCD's charge-transfer trails or run inkjet dyes (O's one-sided
trail, Q's ink bleed), an iris fluttering during the exposure (G's cone), a phone's shipping film left on the lens (U's
cling film); among darkenings a lava lamp (W's plasma globe), a router's status lights (N's fairy lights, V's aviation
lights), a disco floor (W's keyboard), a museum case's pin spots or a flash's AF-assist grid (K's spotlight and blinds,
O's mirror ball), a screen through turned polarised sunglasses or a forgotten 10-stop filter (L's variable ND), eclipse
glasses (J's smoked glass), fogged photographic paper (S's overprinted print), a print scorched brown (T's soot, P's
tarnish), a projector's dying lamp (V's camera obscura), light under a door (W's keyboard, O's gap between fingers);
among foreign pictures mushrooms (U's umbrellas), octopuses (a dress on the clothing sets), giraffes, harps and
microscopes (7s, 4s and 2s on the digit sets), horseshoe magnets (trousers), kettlebells (a bag), rocking horses and
roller skates (a sandal, an ankle boot), airliners from above (a T-shirt), Christmas trees and bells (a dress),
windmills (S's turbines), pylons (S's bridge towers), brain scans (0s, as Q's radiographs); among label noise a
de-duplication keyed on file size (M's pages), labels sorted within a block of the file (U's shifted rows, as Q's name
order), a class-balancing script that relabelled surplus examples (K's largest classes), a view straightened by
auto-deskew (Q's turned view) and a board of one exemplar a class (L's auto-labeller).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole: a pair of wireless earbuds
  dropped on the print (each a rounded head 10-13% of the side long, at least 3.5 px, and 72-80% of that wide, a stem
  1.5-1.9 times the head long and 30-38% of it wide, at least 1 px, a silicone tip on the head's side and a dark mesh
  dot, white, black or graphite plastic with a sheen along the stem, the first 30-70% of the way across and down, the
  second 1.2-1.8 head lengths from it, each at any angle, a soft shadow at 35%), a pair of scissors lying on the print
  (45-60% of the side long at any angle, the pivot 30-70% of the way across and down, open by 8-20 degrees, steel
  blades 55% of the length long and 5-6.5% of the side wide at the pivot, at least 1.5 px, with a bright bevel, finger
  loops of red, blue, black, orange, green or yellow plastic 26% of the length long and 65% of that wide to either
  side of the axis, a soft shadow at 40%), roasted coffee beans spilt on the print (2-3 below 48 px, 4-9 above, over
  a disc of radius 15-25% of the side round a point 25-75% of the way across and down, each an oval 13-17% of the side
  long below 48 px, at least 3.5 px, 7-10% above, and 62-72% of that wide, at any angle, of one roast, with its dark
  S-shaped crease and an oily highlight, a soft shadow at 35%), a wireless computer mouse put down on the print (an
  egg-shaped body 30-38% of the side long and 55-62% of that wide, wider at the back, in black, graphite, white,
  silver or rose plastic, the buttons split by a groove and a line across, a dark scroll wheel, a sheen, at any
  angle, 30-70% of the way across and down, a soft shadow at 40%) and a pine cone lying on the print (30-40% of the
  side long, at least 8 px, and 50-60% of that wide, its open scales in 5 rows below 48 px, 7-10 above, set off by
  half a scale from row to row, brown lozenges with paler woody tips and dark gaps between them, a short stalk, at
  any angle, 30-70% of the way across and down, a soft shadow at 40%); of the whole picture: a joiner, as David
  Hockney made them (the scene photographed again in 2 x 2 snapshots below 48 px, 3 x 3 above, each print covering
  its cell and 25-45% more each way, its middle moved by up to 6% of a cell, showing the scene as its snapshot framed
  it, moved by up to 1.5-3% of the side, at least 0.7 px, turned by up to 1.5-3.5 degrees, scaled by up to 3%,
  exposed up to 10% lighter or darker and up to 4% warmer or cooler, each print laid turned by up to 2-4 degrees
  with a white border of 1.2-1.8% of the side, at least 1 px, in a random order, casting a soft shadow at 30% on
  those under it, the card behind white where the picture's border is darker than 110, else near black), the picture
  mounted in a layered shadow box, as a papercraft tunnel book is made (3 prints stacked on spacers below 48 px, 4
  above, each but the last with a window cut out of its middle leaving a frame of 12-15% of the side below 48 px,
  9-11% above, at least 2 px; layer ``j`` further from the lens, showing the picture ``1 / (1 + j d)`` as large,
  ``d`` 0.05-0.09, and moved by 0.6-1.2% of the side, at least 0.3 px, each way per layer as seen a little from one
  side; each layer 4-8% darker than the one above, a shadow of 35-50% from each window's top and left edges over
  2-3.5% of the side, at least 1 px, the card's white core along its bottom and right edges, 0.6% of the side wide,
  at least 0.7 px, at 50-70%) and the picture printed on a rotating-ring puzzle left not quite solved (a disc of
  radius 46-50% of the side cut into 3 rings and a middle disc below 48 px, 4-6 rings above, of widths within 15% of
  equal, each turned by 6-14 degrees either way but one left in place, the corners fixed, the cuts 0.6-0.9% of the
  side wide, at least 0.6 px, dark at 55-75% with a lit edge beside them at 30-40%, each ring lit up to 2-4%
  differently);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): a single-chip DLP projector's picture photographed by a panning camera (a straight path of 12-18%
  of the side, at least 4 px, at any angle, over which the projector's colour wheel turned 1-2 times from a random
  phase: each of red, green and blue blurred along only the part of the path where its third of the wheel was in the
  light, the wheel's clear segment, 0-15% of a turn, lighting all three; 400 time samples, disks of 0.5 px: a smear
  fringed red, green and blue along its length), a slide shown out of focus by a laser (coherent) projector (each
  colour's field, the square root of its intensity, through a round pupil with 0.8-1.2 waves of defocus at its rim
  for green, cut off where the geometrical blur's radius is 7.5-10% of the side, at least 3.2 px, red, 638 nm, and
  blue, 450 nm, in proportion to the inverse wavelength; the intensity the field's squared modulus, worked out on a
  grid 1-6 times finer, as fine as the pupil needs, and averaged back over the pixels: blurred, with bright and dark
  Fresnel fringes along every edge) and a print photographed from a steep angle and straightened by a document-
  scanner app (one of the four edges the far one, 1.7-2.1 times as far from the lens as the near one; the camera's
  samples ``d0 g`` px apart across the tilt and ``d0 q g ** 2`` along it, ``g`` the distance, 1 at the near edge,
  ``d0`` 1.8-2.5% of the side, at least 1.2 px, ``q`` 1.4-1.8; each sample the mean over its footprint, a Gaussian of
  half the spacing each way, the straightened picture read from them bilinearly: soft everywhere, smeared along the
  tilt towards the far edge, where the camera's converging columns show); each as a camera metering on the
  highlights exposes it (where the source's brightest 1% of grey pixels is above 0.5 of full scale and the blurred
  picture's under 0.45, the blurred picture brightened, at most 3 times, to bring it to 0.45);
* ``dark`` (2%): a jack-o'-lantern's candle the only light in a dark room (a pumpkin of radius 11-16% of the side, at
  least 3 px, and 1.15-1.3 times that wide, 25-75% of the way across and 60-80% down, its skin dark orange, lit towards
  its middle, with 4-6 darker ribs and a stalk; its carved triangular eyes and nose and a grin of 2-3 teeth glowing
  yellow-orange in a glow of sigma 3-5% of the side, at least 0.8 px, of up to 25-45 levels; the picture lit at a gain
  of 0.01-0.025 plus 0.12-0.2 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from it, d0 1.5-2.5 radii, in
  its orange, green 60-68% and blue 28-36% of red; noise sigma 1.2 levels), an old television caught as it was switched
  off (the picture's afterglow, desaturated by 30%, at a gain of 0.03-0.06 in the phosphors' blue-green, red at 60% and
  green at 90%; the vertical deflection collapsing: the picture squeezed into a bright band 3-6% of the side high, at
  least 1.5 px, 45-55% of the way down, at 1.2-1.8 times its levels plus 20, in a bloom of sigma 2-4% of the side, at
  least 0.8 px, of up to 20-45 levels scaled by the band's mean colour; the tube's rounded corners, radius 8-12% of the
  side, and the bezel beyond them at 10-18 levels; noise sigma 1.2 levels) and a flatbed scan made before the scanner's
  lamp had warmed up (the scan down, up or across the picture, the lamp's light rising along it from a gain of 0.04-0.08
  to one of 0.14-0.22 as ``1 - exp(-t / tau)``, tau 40-80% of the scan, pink at first, green from 75-85% and blue from
  72-82% of red rising with the warming by up to 15 and 23 points; the sensor's columns uneven by 2%, each scan line
  offset by a noise of sigma 0.8-1.5 levels, noise sigma 1 level); none of them blurs the picture;
* ``outlier`` (1.5%): trumpets seen from the side (78-90% of the side long, a mouthpiece, a leadpipe to a bell flaring
  over the front 38% of the length to a radius of 12-16% of the side, the tubing looped 10-13% of the side below
  between two round bends, three valve casings across both tubes with finger buttons on stems, a shine along the top,
  facing either way, turned by up to 20 degrees), oil-well pumpjacks seen from the side (a skid on the ground 80-88%
  of the way down, an A-frame 42-50% of the side high, a walking beam 55-66% of the side long rocked by 4-14 degrees
  either way, its curved horsehead at the front, the cable hanging from it to the polished rod and the wellhead, at
  the back the gearbox, the crank with its counterweights at a random turn, the pitman arm and a motor, facing either
  way, turned by up to 3 degrees) and quadcopter drones seen from above (a rounded body 16-22% of the side across with
  a battery plate and a camera, four arms in an X to motors 28-33% of the side out, each under a spinning propeller, a
  faint disc of radius 12-15% of the side, or a stopped one, two blades, half the time a guard ring round each, a
  light at each arm's end, turned at random); the digit and clothing sets get them in their own tones on their dark
  ground, the photographs as lacquered brass or silver plate on a red or blue case lining, a wooden table or grey, a
  pumpjack with a grey frame, a black, yellow or blue beam and red counterweights under a day, dusk or overcast sky on
  sandy, dry or dark ground, and a black, white or grey drone over grass, concrete, sand or soil with its soft shadow;
* ``label`` (5%): *sorted-queue* flips: the labelling tool showed the pictures sorted by visual similarity (a
  nearest-neighbour chain through their 8 x 8 grey thumbnails, standardised, from a random first picture, each next
  picture the nearest not yet shown) and the labeller, working fast, carried the class of the run before on into
  every new run of another class for its first ``lag`` pictures, switching only after ``lag`` pictures of it (and not
  at all over shorter runs), ``lag`` the smallest of 1 to 8 for which the eligible pictures so labelled are at least
  twice the flips needed; the flips are drawn uniformly among those, each given the class carried on: noise from a
  labeller's momentum along a similarity-sorted queue (not a neighbours' majority, as W's; not the previous picture
  in the file's order, as left out before). Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
X's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
203), MNIST (2,000, seed 204), and the evaluation photographs tiled at 138 px (35 tiles a photograph at most, seed 205:
325) and at 196 px (every tile, seed 206: 198), sizes no other set uses. ``photos138_x_jpeg`` is written as JPEG files,
each at a quality drawn from 73-92 (a stream of its own, seed ``245_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact
copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``240_000 + random_state``. The
planting is I's (:func:`_heldout_i.plant_generator`, as for J, K, L, M, N, O, P, Q, R, S, T, U, V and W).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint, _scaled, _turn
from _heldout_l import _blend_rows
from _heldout_o import _ground, _path_kernel
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _pixels, _resample
from _heldout_v import _grey, _metered, _shadow
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_X = ("fashion_test_x", "mnist_x", "photos138_x_jpeg", "photos196_x")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_X = {
    "fashion_test_x": ("fashion_test", 203),
    "mnist_x": ("mnist", 204),
    "photos138_x_jpeg": ("photos", 205, 138, 12, 35),
    "photos196_x": ("photos", 206, 196, 8, 1000),
}
JPEG_QUALITY = (73, 93)  # the JPEG set's qualities: integers in [low, high)
RATES_X = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_X = ("earbuds", "scissors", "coffee_beans", "computer_mouse", "pine_cone", "joiner", "shadow_box",
                "ring_puzzle")
BLURS_X = ("dlp_pan", "laser_defocus", "rectified_steep")
DARKS_X = ("jack_o_lantern", "crt_switch_off", "cold_scanner_lamp")
OUTLIERS_X = ("trumpet", "pumpjack", "quadcopter")
MAX_LAG = 8  # the most pictures of a new run the labeller keeps the old class for (label noise)


def load_base_x(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_X, "X")


# -- near copies -----------------------------------------------------------------------------
def _laid(f: np.ndarray, parts: list, shadow: float) -> np.ndarray:
    """Objects laid on the print: ``parts`` of (coverage mask, colour, opacity, whether it casts a shadow), painted
    in turn after the soft shadow, at ``shadow``, of those that cast one."""
    side = min(f.shape[:2])
    solid = np.maximum.reduce([m for m, _, _, cast in parts if cast])
    out = f * (1 - shadow * _shadow(solid, max(0.5, side * 0.014), max(0.5, side * 0.01)))[..., None]
    for m, col, alpha, _ in parts:
        out = _paint(out, m * alpha, col)
    return out


class _Frame:
    """An object's own frame: points (x, y) turned by ``ang`` radians and moved to (``cx``, ``cy``); coverage
    masks of filled polygons (``holes`` cut out of them) or of lines ``lw`` px wide, at the picture's size."""

    def __init__(self, size: tuple[int, int], cx: float, cy: float, ang: float):
        self.size, self.cx, self.cy, self.ang = size, cx, cy, ang

    def at(self, pts) -> list[tuple[float, float]]:
        return [(self.cx + x, self.cy + y) for x, y in _turn(pts, 0.0, 0.0, self.ang)]

    def fill(self, polys, holes=()) -> np.ndarray:
        def draw(d, k):
            for p in polys:
                d.polygon(_scaled(self.at(p), k), fill=255)
            for p in holes:
                d.polygon(_scaled(self.at(p), k), fill=0)
        return _drawn(self.size, draw)

    def line(self, polys, lw: float) -> np.ndarray:
        return _drawn(self.size, lambda d, k: [d.line(_scaled(self.at(p), k), fill=255, width=max(1, round(lw * k)),
                                                      joint="curve") for p in polys])


def _bar(x0: float, x1: float, half: float, n: int = 10) -> list[tuple[float, float]]:
    """A bar along x from ``x0`` to ``x1``, ``half`` to either side, with round ends."""
    t = np.linspace(-np.pi / 2, np.pi / 2, n)
    return ([(x1 + half * np.cos(u), half * np.sin(u)) for u in t]
            + [(x0 - half * np.cos(u), -half * np.sin(u)) for u in t])


EARBUDS = (((242, 242, 240), (206, 208, 212)), ((32, 32, 36), (58, 58, 64)), ((112, 114, 120), (80, 82, 88)))


def _earbuds(f: np.ndarray, rng) -> np.ndarray:
    """A pair of wireless earbuds dropped on the print: each a rounded head 10-13% of the side long, at least
    3.5 px, and 72-80% of that wide, a stem 1.5-1.9 times the head long and 30-38% of it wide, at least 1 px, a
    silicone tip on the head's side and a dark mesh dot, the plastic white, black or graphite with a sheen along
    the stem; the first bud's middle 30-70% of the way across and down, the second 1.2-1.8 head lengths from it,
    each at any angle, with a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    head = max(3.5, side * rng.uniform(0.10, 0.13))
    hw = head * rng.uniform(0.72, 0.8)
    sl = head * rng.uniform(1.5, 1.9)
    sw = max(1.0, head * rng.uniform(0.3, 0.38))
    body, tip = (np.asarray(c, np.float32) for c in EARBUDS[int(rng.integers(len(EARBUDS)))])
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    t = rng.uniform(0, 2 * np.pi)
    d = head * rng.uniform(1.2, 1.8)
    parts = []
    for bx, by, s in ((cx, cy, 1), (cx + d * np.cos(t), cy + d * np.sin(t), -1)):
        fr = _Frame((h, w), bx, by, rng.uniform(0, 2 * np.pi))
        parts += [(fr.fill([_ellipse(0.0, 0.0, head / 2, hw / 2, 0.0, 24), _bar(0.25 * head, 0.4 * head + sl, sw / 2)]),
                   body, 1.0, True),
                  (fr.fill([_ellipse(-0.12 * head, s * 0.36 * hw, 0.24 * head, 0.2 * hw, 0.0, 16)]), tip, 1.0, True),
                  (fr.fill([_ellipse(0.08 * head, -s * 0.12 * hw, 0.09 * head, 0.09 * head, 0.0, 12)]), body * 0.3 + 20,
                   0.9, False),
                  (fr.line([[(0.45 * head, -0.22 * sw), (0.35 * head + 0.9 * sl, -0.22 * sw)]], max(0.5, 0.25 * sw)),
                   body + 0.6 * (255 - body), 0.6, False)]
    return _u8(_laid(f, parts, 0.35))


SCISSOR_HANDLES = ((200, 35, 40), (40, 80, 190), (30, 30, 32), (240, 130, 30), (40, 150, 70), (245, 205, 40))


def _scissors(f: np.ndarray, rng) -> np.ndarray:
    """A pair of scissors lying on the print: 45-60% of the side long, at any angle, their pivot 30-70% of the
    way across and down, open by 8-20 degrees; two steel blades 55% of the length long, 5-6.5% of the side wide
    at the pivot, at least 1.5 px, tapering to their points, each with a bright bevel along its edge; two
    finger loops of red, blue, black, orange, green or yellow plastic, rings 26% of the length long and 65% of
    that wide on shanks to either side of the axis, a steel screw at the pivot; a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = side * rng.uniform(0.45, 0.6)
    bw = max(1.5, side * rng.uniform(0.05, 0.065))
    opening = np.deg2rad(rng.uniform(8, 20))
    ang = rng.uniform(0, 2 * np.pi)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    plastic = np.asarray(SCISSOR_HANDLES[int(rng.integers(len(SCISSOR_HANDLES)))], np.float32)
    steel = np.asarray((186, 189, 196), np.float32)
    a, b = 0.13 * L, 0.085 * L  # a loop's outer semi-axes; its hole 0.62 and 0.5 of them
    parts = []
    for k in (-1, 1):  # the lower piece first
        fr = _Frame((h, w), cx, cy, ang + k * opening / 2)
        blade = [(-0.04 * L, -k * bw / 2), (0.12 * L, -k * bw / 2), (0.55 * L, -k * 0.08 * bw), (0.55 * L, 0.0),
                 (0.2 * L, k * 0.45 * bw), (-0.04 * L, k * 0.3 * bw)]
        lx, ly = -0.36 * L, k * 0.09 * L
        shank = [(0.02 * L, -0.3 * bw * k), (lx + 0.8 * a, ly - 0.25 * b), (lx + 0.8 * a, ly + 0.25 * b),
                 (0.02 * L, 0.3 * bw * k)]
        loop = _ellipse(lx, ly, a, b, 0.0, 28)
        hole = _ellipse(lx + 0.05 * a, ly, 0.62 * a, 0.5 * b, 0.0, 24)
        parts += [(fr.fill([blade]), steel, 1.0, True),
                  (fr.line([[(0.02 * L, k * 0.35 * bw), (0.53 * L, 0.0)]], max(0.5, 0.18 * bw)), (245, 246, 250),
                   0.7, False),
                  (fr.fill([shank, loop], [hole]), plastic, 1.0, True),
                  (fr.line([_ellipse(lx - 0.05 * a, ly - 0.25 * b, 0.7 * a, 0.45 * b, 0.0, 12)[8:12]],
                           max(0.5, 0.12 * b)), plastic + 0.5 * (255 - plastic), 0.5, False)]
    screw = _Frame((h, w), cx, cy, 0.0)
    parts += [(screw.fill([_ellipse(0.0, 0.0, 0.4 * bw, 0.4 * bw, 0.0, 12)]), (120, 122, 128), 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


ROASTS = ((92, 54, 32), (74, 42, 26), (110, 68, 40), (62, 38, 24))


def _coffee_beans(f: np.ndarray, rng) -> np.ndarray:
    """Roasted coffee beans spilt on the print: 2-3 below 48 px, 4-9 above, scattered over a disc of radius
    15-25% of the side round a point 25-75% of the way across and down, each an oval 13-17% of the side long
    below 48 px, at least 3.5 px, 7-10% above, and 62-72% of that wide, at any angle, of a light to dark roast,
    with its dark S-shaped crease along the middle and an oily highlight at 60%; a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    small = side < 48
    n = int(rng.integers(2, 4)) if small else int(rng.integers(4, 10))
    L0 = max(3.5, side * rng.uniform(0.13, 0.17)) if small else side * rng.uniform(0.07, 0.1)
    gx, gy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.25, 0.75)
    R = side * rng.uniform(0.15, 0.25)
    roast = np.asarray(ROASTS[int(rng.integers(len(ROASTS)))], np.float32)
    parts = []
    for _ in range(n):
        r, t = R * np.sqrt(rng.random()), rng.uniform(0, 2 * np.pi)
        fr = _Frame((h, w), gx + r * np.cos(t), gy + r * np.sin(t), rng.uniform(0, 2 * np.pi))
        L = L0 * rng.uniform(0.9, 1.1)
        W = L * rng.uniform(0.62, 0.72)
        col = roast * rng.uniform(0.9, 1.1)
        u = np.linspace(-0.42 * L, 0.42 * L, 9)
        crease = [(x, 0.1 * W * np.sin(np.pi * x / (0.42 * L))) for x in u]
        parts += [(fr.fill([_ellipse(0.0, 0.0, L / 2, W / 2, 0.0, 24)]), col, 1.0, True),
                  (fr.line([crease], max(0.5, 0.11 * W)), (28, 16, 10), 0.9, False),
                  (fr.fill([_ellipse(-0.08 * L, -0.24 * W, 0.22 * L, 0.08 * W, 0.0, 12)]), col + 0.45 * (255 - col),
                   0.6, False)]
    return _u8(_laid(f, parts, 0.35))


MICE = ((34, 34, 38), (78, 80, 86), (236, 236, 232), (192, 194, 200), (214, 168, 168))


def _computer_mouse(f: np.ndarray, rng) -> np.ndarray:
    """A wireless computer mouse put down on the print: an egg-shaped body 30-38% of the side long and 55-62% of
    that wide, wider at the back, in black, graphite, white, silver or rose plastic, the two buttons split by a
    groove along the front half and a line across, a dark scroll wheel between them, a sheen on its back; at any
    angle, its middle 30-70% of the way across and down, with a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = side * rng.uniform(0.3, 0.38)
    W = L * rng.uniform(0.55, 0.62)
    col = np.asarray(MICE[int(rng.integers(len(MICE)))], np.float32)
    fr = _Frame((h, w), w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi))
    t = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    body = [(L / 2 * np.cos(u), W / 2 * np.sin(u) * (1 - 0.12 * np.cos(u))) for u in t]
    groove = max(0.5, side * 0.006)
    across = [(0.04 * L, 0.38 * W * v) for v in np.linspace(-1, 1, 7)]
    across = [(x + 0.03 * L * (1 - (2 * y / (0.76 * W)) ** 2), y) for x, y in across]
    parts = [(fr.fill([body]), col, 1.0, True),
             (fr.line([[(0.04 * L, 0.0), (0.5 * L, 0.0)], across], groove), col * 0.45, 0.8, False),
             (fr.fill([_bar(0.22 * L, 0.34 * L, max(0.5, 0.05 * W))]), (36, 36, 40), 1.0, False),
             (fr.fill([_ellipse(-0.16 * L, -0.12 * W, 0.24 * L, 0.12 * W, 0.0, 16)]), col + 0.5 * (255 - col), 0.5,
              False)]
    return _u8(_laid(f, parts, 0.4))


def _pine_cone(f: np.ndarray, rng) -> np.ndarray:
    """A pine cone lying on the print: 30-40% of the side long, at least 8 px, and 50-60% of that wide, broadest
    a little nearer its stalk than its middle, at any angle, its middle 30-70% of the way across and down; its open
    scales in 5 rows below 48 px, 7-10 above, set off by half a scale from row to row, each a brown lozenge with
    a paler woody tip, dark gaps between them, and a short stalk; a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.3, 0.4))
    W = L * rng.uniform(0.5, 0.6)
    fr = _Frame((h, w), w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi))
    half = lambda x: W / 2 * np.sqrt(np.clip(1 - (2 * x / L) ** 2, 0, 1)) * (1 - 0.25 * x / L)  # noqa: E731
    t = np.linspace(-L / 2, L / 2, 24)
    outline = [(x, -half(x)) for x in t] + [(x, half(x)) for x in t[::-1]]
    rows = 5 if side < 48 else int(rng.integers(7, 11))
    du = L / rows
    scales, tips = [], []
    for i in range(rows):
        u = -L / 2 + (i + 0.5) * du
        hw = half(u)
        n = max(2, int(round(2 * hw / (0.9 * du))))
        dv = 2 * hw / n
        for j in range(n):
            v = -hw + (j + 0.5 + 0.5 * (i % 2) - 0.25) * dv
            if abs(v) > hw:
                continue
            scales.append([(u - 0.5 * du, v), (u + 0.1 * du, v - 0.48 * dv), (u + 0.55 * du, v),
                           (u + 0.1 * du, v + 0.48 * dv)])
            tips.append(_ellipse(u + 0.3 * du, v, 0.2 * du, 0.28 * dv, 0.0, 10))
    brown = np.asarray((128, 84, 46), np.float32) * rng.uniform(0.85, 1.1)
    parts = [(fr.fill([outline]), (48, 30, 16), 1.0, True),
             (fr.line([[(-L / 2 - 0.12 * L, 0.0), (-L / 2 + 0.05 * L, 0.0)]], max(1.0, 0.12 * W)), (96, 78, 58), 1.0,
              True),
             (fr.fill(scales), brown, 1.0, False),
             (fr.fill(tips), brown * 1.35 + 8, 0.9, False)]
    return _u8(_laid(f, parts, 0.4))


def _joiner(f: np.ndarray, ground: float, rng) -> np.ndarray:
    """A joiner of the picture, as David Hockney made them: the scene photographed again in 2 x 2 snapshots below
    48 px, 3 x 3 above, each print covering its cell of the picture and 25-45% more each way, its middle moved by
    up to 6% of a cell, showing the scene as its own snapshot framed it (moved by up to 1.5-3% of the side, at
    least 0.7 px, turned by up to 1.5-3.5 degrees and scaled by up to 3%, exposed up to 10% lighter or darker
    and up to 4% warmer or cooler), each print laid turned by up to 2-4 degrees with a white border of 1.2-1.8% of
    the side, at least 1 px, in a random order, each casting a soft shadow at 30% on those under it; the card
    behind white where the picture's border is darker than 110, else near black."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = 2 if side < 48 else 3
    over = rng.uniform(1.25, 1.45)
    move, turn = side * rng.uniform(0.015, 0.03), np.deg2rad(rng.uniform(1.5, 3.5))
    tilt = np.deg2rad(rng.uniform(2, 4))
    bw = max(1.0, side * rng.uniform(0.012, 0.018))
    card = 244.0 if ground < 110 else 18.0
    out = np.full_like(f, card)
    cells = [(i, j) for i in range(n) for j in range(n)]
    for c in rng.permutation(len(cells)):
        i, j = cells[c]
        cx = (j + 0.5 + rng.uniform(-0.06, 0.06)) * w / n
        cy = (i + 0.5 + rng.uniform(-0.06, 0.06)) * h / n
        hw, hh = over * w / n / 2, over * h / n / 2
        phi = rng.uniform(-tilt, tilt)
        qx = (xx - cx) * np.cos(phi) + (yy - cy) * np.sin(phi)  # the print's own frame
        qy = -(xx - cx) * np.sin(phi) + (yy - cy) * np.cos(phi)
        inside = np.clip(np.minimum(hw - np.abs(qx), hh - np.abs(qy)) + 0.5, 0, 1)
        border = np.clip(bw + 0.5 - np.minimum(hw - np.abs(qx), hh - np.abs(qy)), 0, 1) * inside
        th, sc = rng.uniform(-turn, turn), 1 + rng.uniform(-0.03, 0.03)
        dx, dy = rng.uniform(-1, 1, 2) * max(0.7, move)
        sx = cx + dx + sc * ((xx - cx) * np.cos(th) - (yy - cy) * np.sin(th))
        sy = cy + dy + sc * ((xx - cx) * np.sin(th) + (yy - cy) * np.cos(th))
        warm = rng.uniform(-0.04, 0.04)
        snap = _resample(f, sy, sx) * rng.uniform(0.9, 1.1) * np.array([1 + warm, 1.0, 1 - warm], np.float32)
        snap = _paint(snap, border, (246, 246, 242))
        out = out * (1 - 0.3 * _shadow(inside, max(0.5, side * 0.01), max(0.5, side * 0.008)))[..., None]
        out = _paint(out, inside, snap)
    return _u8(out)


def _shadow_box(f: np.ndarray, rng) -> np.ndarray:
    """The picture mounted in a layered shadow box, as a papercraft tunnel book is made: 3 prints of it stacked
    on spacers below 48 px, 4 above, each but the last with a window cut out of its middle, leaving a frame
    12-15% of the side wide below 48 px, 9-11% above, at least 2 px, of the print round it; layer ``j`` (0 the
    top) further from the lens, so that it shows the picture ``1 / (1 + j d)`` as large, ``d`` 0.05-0.09, about
    the middle, and seen a little from one side, moved by 0.6-1.2% of the side, at least 0.3 px, each way per
    layer, its window too; every layer 4-8% darker than the one above, a shadow of 35-50% falling from each
    window's top and left edges over 2-3.5% of the side, at least 1 px, and the cut card's white core along the
    window's bottom and right edges, 0.6% of the side wide, at least 0.7 px, at 50-70%."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    layers = 3 if side < 48 else 4
    frame = max(2.0, side * (rng.uniform(0.12, 0.15) if side < 48 else rng.uniform(0.09, 0.11)))
    depth = rng.uniform(0.05, 0.09)
    px, py = (rng.choice([-1, 1]) * max(0.3, side * rng.uniform(0.006, 0.012)) for _ in range(2))
    sh_w, sh = max(1.0, side * rng.uniform(0.02, 0.035)), rng.uniform(0.35, 0.5)
    dark = rng.uniform(0.04, 0.08)
    core, core_a = max(0.7, side * 0.006), rng.uniform(0.5, 0.7)
    out = None
    for j in range(layers - 1, -1, -1):  # the deepest layer first
        s = 1 / (1 + j * depth)
        cx, cy = w / 2 + j * px, h / 2 + j * py
        pic = _resample(f, h / 2 + (yy - cy) / s, w / 2 + (xx - cx) / s) * (1 - dark) ** j
        if out is None:
            out = pic
            continue
        hx, hy = w / 2 - (j + 1) * frame, h / 2 - (j + 1) * frame  # this layer's window, half-sizes
        wx, wy = w / 2 + j * px, h / 2 + j * py
        card = np.clip(np.maximum(np.abs(xx - wx) - hx, np.abs(yy - wy) - hy) + 0.5, 0, 1)  # 0 in its window
        # the shadow this layer casts into its window, from its top and left edges
        cast = np.clip(1 - np.minimum(xx - (wx - hx), yy - (wy - hy)) / sh_w, 0, 1) * (1 - card)
        cast = gaussian_filter(cast, max(0.5, 0.3 * sh_w))
        right = np.clip(core / 2 + 0.5 - np.abs(xx - (wx + hx)), 0, 1) * (np.abs(yy - wy) <= hy + core / 2)
        bottom = np.clip(core / 2 + 0.5 - np.abs(yy - (wy + hy)), 0, 1) * (np.abs(xx - wx) <= hx + core / 2)
        lit = np.maximum(right, bottom)
        out = out * (1 - sh * cast)[..., None]
        out = _paint(out, card, pic)
        out = _paint(out, lit * core_a, (250, 250, 246))
    return _u8(out)


def _ring_puzzle(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a rotating-ring puzzle and left not quite solved: a disc of radius 46-50% of the
    side in the middle cut into 3 rings and a middle disc below 48 px, 4-6 rings above, their widths within 15%
    of equal, each turned by 6-14 degrees either way but one left in place, the corners outside the disc fixed;
    the cuts 0.6-0.9% of the side wide, at least 0.6 px, dark at 55-75%, a lit edge beside them at 30-40%, each
    ring lit up to 2-4% differently."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx, cy = w / 2, h / 2
    R = side * rng.uniform(0.46, 0.5)
    n = 4 if side < 48 else int(rng.integers(5, 8))  # pieces: the rings and the middle disc
    edges = np.cumsum(rng.uniform(0.85, 1.15, n))
    edges = R * edges / edges[-1]  # the pieces' outer radii, the middle disc first
    ang = np.deg2rad(rng.uniform(6, 14, n) * rng.choice([-1, 1], n))
    ang[int(rng.integers(n))] = 0.0
    light = 1 + rng.uniform(-1, 1, n) * rng.uniform(0.02, 0.04)
    r = np.hypot(xx - cx, yy - cy)
    k = np.searchsorted(edges, r)
    inside = k < n
    th = np.where(inside, ang[np.minimum(k, n - 1)], 0.0)
    g = np.where(inside, light[np.minimum(k, n - 1)], 1.0)
    sx = cx + (xx - cx) * np.cos(th) - (yy - cy) * np.sin(th)
    sy = cy + (xx - cx) * np.sin(th) + (yy - cy) * np.cos(th)
    out = _resample(f, sy, sx) * g[..., None]
    lw = max(0.6, side * rng.uniform(0.006, 0.009))

    def rings(off):
        return _drawn((h, w), lambda d, s: [d.ellipse(((cx - e - off) * s, (cy - e - off) * s, (cx + e + off) * s,
                                                       (cy + e + off) * s), outline=255, width=max(1, round(lw * s)))
                                            for e in edges])
    out = _paint(out, rings(lw) * rng.uniform(0.3, 0.4), (250, 250, 246))
    out = _paint(out, rings(0.0) * rng.uniform(0.55, 0.75), (14, 14, 16))
    return _u8(out)


def near_edit_x(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "earbuds":  # a pair of wireless earbuds dropped on the print
        return _earbuds(f, rng)
    if kind == "scissors":  # a pair of scissors lying on the print
        return _scissors(f, rng)
    if kind == "coffee_beans":  # roasted coffee beans spilt on the print
        return _coffee_beans(f, rng)
    if kind == "computer_mouse":  # a wireless mouse put down on the print
        return _computer_mouse(f, rng)
    if kind == "pine_cone":  # a pine cone lying on the print
        return _pine_cone(f, rng)
    if kind == "joiner":  # a joiner of overlapping snapshots
        return _joiner(f, _ground(a), rng)
    if kind == "shadow_box":  # a layered shadow box of stacked prints with windows
        return _shadow_box(f, rng)
    if kind == "ring_puzzle":  # a rotating-ring puzzle left not quite solved
        return _ring_puzzle(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _dlp_kernels(L: float, ang: float, turns: int, phase: float, clear: float) -> list[np.ndarray]:
    """The red, green and blue kernels of a straight path ``L`` px long at ``ang`` radians over which a DLP
    projector's colour wheel turned ``turns`` times from ``phase`` (of a turn): each colour's share of the path
    where its segment was in the light (the wheel red, green, blue in equal thirds of what its clear segment,
    ``clear`` of a turn, shown to all three, leaves), 400 time samples, disks of 0.5 px, all centred on the
    path's middle."""
    t = (np.arange(400) + 0.5) / 400
    pts = [((u - 0.5) * L * np.cos(ang), (u - 0.5) * L * np.sin(ang)) for u in t]
    seg = (turns * t + phase) % 1.0
    colour = np.minimum((seg / ((1 - clear) / 3)).astype(int), 3)  # 0, 1, 2: red, green, blue; 3: the clear one
    return [_path_kernel(pts, ((colour == c) | (colour == 3)).astype(np.float32), 0.5) for c in range(3)]


def _laser_defocus(f: np.ndarray, R: float, waves: float) -> np.ndarray:
    """``f`` as a slide shown out of focus by a laser (coherent) projector and photographed: each colour's field,
    the square root of its intensity, through the lens's round pupil with ``waves`` waves of defocus at its rim
    for green (532 nm), cut off where the geometrical blur's radius is ``R`` px (at ``2 * waves / R`` cycles a
    pixel), for red (638 nm) and blue (450 nm) the cut-off and the defocus in inverse proportion to the
    wavelength; the intensity the squared modulus of the field, worked out on a grid fine enough to hold the
    pupil (``f`` enlarged bilinearly 1-6 times) and averaged back over the camera's pixels: blurred, every edge
    ringed by bright and dark Fresnel fringes, flat areas flat."""
    h, w = f.shape[:2]
    up = int(np.clip(np.ceil(2 * waves / (0.4 * R)), 1, 6))  # a grid fine enough: the pupil within 0.4 cycles a px
    big = np.asarray(Image.fromarray(_u8(f)).resize((w * up, h * up), Image.BILINEAR), np.float32) / 255
    pad = int(np.ceil(2 * R * up)) + 2
    big = np.pad(big, ((pad, pad), (pad, pad), (0, 0)), mode="reflect")
    H, W = big.shape[:2]
    rho = np.hypot(np.fft.fftfreq(H)[:, None], np.fft.fftfreq(W)[None, :])
    out = np.empty_like(big)
    for c, lam in enumerate((638.0, 532.0, 450.0)):
        fc = 2 * waves / (R * up) * 532.0 / lam
        pupil = (rho <= fc) * np.exp(2j * np.pi * waves * 532.0 / lam * (rho / fc) ** 2)
        out[..., c] = np.abs(np.fft.ifft2(np.fft.fft2(np.sqrt(big[..., c])) * pupil)) ** 2
    out = out[pad:pad + h * up, pad:pad + w * up]
    return out.reshape(h, up, w, up, 3).mean(axis=(1, 3)) * 255


def _rectified(f: np.ndarray, rng) -> np.ndarray:
    """``f`` as a document-scanner app shows a print it photographed from a steep angle and straightened: the
    print's far edge (one of the four) 1.8-2.3 times as far from the lens as its near one, so that the camera's
    samples lay ``d0 * g`` px apart across the tilt and ``d0 * q * g ** 2`` along it, ``g`` the distance (1 at
    the near edge), ``d0`` 2.0-2.8% of the side, at least 1.4 px, ``q`` 1.4-1.8 (the near edge already seen at a
    slant); each sample the mean over its footprint (a Gaussian of half the spacing each way), the straightened
    picture read from them bilinearly: soft everywhere, smeared along the tilt towards the far edge."""
    from scipy.ndimage import gaussian_filter1d, map_coordinates

    turn = int(rng.integers(4))
    f = np.rot90(f, turn)  # the far edge at the top
    h, w = f.shape[:2]
    side = min(h, w)
    k = rng.uniform(0.7, 1.1)
    d0 = max(1.2, side * rng.uniform(0.018, 0.025))
    q = rng.uniform(1.4, 1.8)
    y = np.arange(h) + 0.5
    g = 1 + k * (1 - y / h)  # relative distance, the far edge at the top
    dy, dx = d0 * q * g ** 2, d0 * g
    # the camera's footprint: vertical and horizontal Gaussians of half the spacing, blended row by row
    sig_y = np.geomspace(0.5 * dy.min(), 0.5 * dy.max(), 6)
    t_y = np.log(0.5 * dy / sig_y[0]) / np.log(sig_y[-1] / sig_y[0])
    soft = _blend_rows([gaussian_filter1d(f, s, axis=0, mode="nearest") for s in sig_y],
                       np.broadcast_to(t_y[:, None], (h, w)))
    sig_x = np.geomspace(0.5 * dx.min(), 0.5 * dx.max(), 6)
    t_x = np.log(0.5 * dx / sig_x[0]) / np.log(sig_x[-1] / sig_x[0])
    soft = _blend_rows([gaussian_filter1d(soft, s, axis=1, mode="nearest") for s in sig_x],
                       np.broadcast_to(t_x[:, None], (h, w)))
    # the camera's rows: row j where the cumulative count of rows reaches j + 1/2; columns dx(y) apart about the middle
    F = np.concatenate([[0.0], np.cumsum(1 / dy)])  # rows counted from the top edge, at y = 0, 1, ..., h
    n_rows = int(np.floor(F[-1] - 0.5)) + 1
    ys = np.interp(np.arange(n_rows) + 0.5, F, np.arange(h + 1))  # each camera row's place (px)
    n_cols = int(np.ceil(w / (2 * dx.min()))) + 2
    dxs = d0 * (1 + k * (1 - ys / h))
    cols = (np.arange(-n_cols, n_cols + 1))[None, :] * dxs[:, None] + w / 2  # (rows, columns) px
    cam = np.stack([map_coordinates(soft[..., c], [np.broadcast_to(ys[:, None], cols.shape) - 0.5, cols - 0.5],
                                    order=1, mode="nearest") for c in range(3)], axis=2)
    yy, xx = _pixels(h, w)
    v = np.interp(yy, np.arange(h + 1), F) - 0.5  # the camera row (fractional) each output pixel lies on
    u = (xx - w / 2) / (d0 * (1 + k * (1 - yy / h))) + n_cols
    out = np.stack([map_coordinates(cam[..., c], [v, u], order=1, mode="nearest") for c in range(3)], axis=2)
    return np.rot90(out, -turn)


def blur_x(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from _heldout_h import _fft_blur

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "dlp_pan":  # a DLP projector's picture photographed by a panning camera
        L = max(4.0, side * rng.uniform(0.12, 0.18))
        ks = _dlp_kernels(L, rng.uniform(0, np.pi), int(rng.integers(1, 3)), rng.random(), rng.uniform(0, 0.15))
        out = np.concatenate([_fft_blur(f[..., c:c + 1], k) for c, k in enumerate(ks)], axis=2)
        return _u8(_metered(out, f))
    if kind == "laser_defocus":  # a slide shown out of focus by a laser projector
        R = max(3.2, side * rng.uniform(0.075, 0.1))
        return _u8(_metered(_laser_defocus(f, R, rng.uniform(0.8, 1.2)), f))
    if kind == "rectified_steep":  # a print shot at a steep angle and straightened by a scanner app
        return _u8(_metered(_rectified(f, rng), f))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _pumpkin_face(cx: float, cy: float, R: float, rng) -> list[list[tuple[float, float]]]:
    """A jack-o'-lantern's carved face on a pumpkin of radius ``R`` at (``cx``, ``cy``): two triangular eyes, a
    triangular nose and a grin with 2-3 teeth, as polygons."""
    e, ey = R * rng.uniform(0.22, 0.28), cy - 0.2 * R
    eyes = [[(cx + s * 0.38 * R - e / 2, ey + e / 2), (cx + s * 0.38 * R + e / 2, ey + e / 2),
             (cx + s * 0.38 * R + s * 0.1 * e, ey - e / 2)] for s in (-1, 1)]
    nose = [(cx - 0.09 * R, cy + 0.12 * R), (cx + 0.09 * R, cy + 0.12 * R), (cx, cy - 0.04 * R)]
    teeth = int(rng.integers(2, 4))
    xs = np.linspace(-0.55 * R, 0.55 * R, 2 * teeth + 2)
    top = [(cx + x, cy + 0.3 * R + 0.12 * R * (x / (0.55 * R)) ** 2 + (0.1 * R if 0 < k < len(xs) - 1 and k % 2 else 0))
           for k, x in enumerate(xs)]
    bottom = [(cx + x, cy + 0.3 * R + 0.35 * R * (1 - (x / (0.6 * R)) ** 2))
              for x in np.linspace(0.55 * R, -0.55 * R, 9)]
    return eyes + [nose, top + bottom]


def dark_x(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "jack_o_lantern":  # a carved pumpkin's candle the only light in a dark room
        R = max(3.0, side * rng.uniform(0.11, 0.16))
        px, py = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.6, 0.8)
        rx = R * rng.uniform(1.15, 1.3)
        d = np.hypot(xx - px, yy - py)
        gain = rng.uniform(0.01, 0.025) + rng.uniform(0.12, 0.2) / (1 + (d / (R * rng.uniform(1.5, 2.5))) ** 2)
        tint = np.array([1.0, rng.uniform(0.6, 0.68), rng.uniform(0.28, 0.36)], np.float32)
        out = f * gain[..., None] * tint
        body = _drawn((h, w), lambda dr, k: dr.ellipse(((px - rx) * k, (py - R) * k, (px + rx) * k, (py + R) * k),
                                                      fill=255))
        nrib = int(rng.integers(4, 7))
        ribs = [[(px + rx * u * np.sqrt(max(0.0, 1 - v * v)) * 0.95, py + R * v) for v in np.linspace(-0.95, 0.95, 12)]
                for u in np.linspace(-0.75, 0.75, nrib)]
        lw = max(0.5, side * 0.006)
        rib = _drawn((h, w), lambda dr, k: [dr.line(_scaled(p, k), fill=255, width=max(1, round(lw * k)))
                                            for p in ribs])
        stem = [(px - 0.1 * R, py - 0.9 * R), (px + 0.12 * R, py - 0.9 * R), (px + 0.2 * R, py - 1.25 * R),
                (px, py - 1.28 * R)]
        stalk = _drawn((h, w), lambda dr, k: dr.polygon(_scaled(stem, k), fill=255))
        face_p = _pumpkin_face(px, py, R, rng)
        face = _drawn((h, w), lambda dr, k: [dr.polygon(_scaled(p, k), fill=255) for p in face_p])
        skin = np.asarray((150, 62, 12), np.float32) * rng.uniform(0.35, 0.55)
        out = _paint(out, body, skin * (0.55 + 0.45 * np.clip(1 - d / R, 0, 1))[..., None])
        out = _paint(out, rib * body * 0.6, skin * 0.45)
        out = _paint(out, stalk, (40, 36, 18))
        glow = gaussian_filter(face, max(0.8, side * rng.uniform(0.03, 0.05)))
        glow = glow / (glow.max() + 1e-6) * rng.uniform(25, 45)
        out = out + glow[..., None] * np.array([1.0, 0.62, 0.25], np.float32)
        out = _paint(out, face, np.array([255, 196, 92], np.float32) * rng.uniform(0.85, 1.0))
        return _u8(out + rng.normal(0, 1.2, f.shape))
    if kind == "crt_switch_off":  # an old television caught as it was switched off
        grey = _grey(f)[..., None]
        after = (0.7 * f + 0.3 * grey) * rng.uniform(0.03, 0.06) * np.array([0.6, 0.9, 1.0], np.float32)
        hb = max(1.5, side * rng.uniform(0.03, 0.06))
        yc = h * rng.uniform(0.45, 0.55)
        squeezed = _resample(f, (yy - yc) / hb * h + h / 2, xx)  # the picture squeezed into the band
        band = np.clip(hb / 2 + 0.5 - np.abs(yy - yc), 0, 1)
        line = np.minimum(squeezed * rng.uniform(1.2, 1.8) + 20, 255)
        out = _paint(after, band, line)
        bloom = gaussian_filter(band, max(0.8, side * rng.uniform(0.02, 0.04)))
        bloom = bloom / (bloom.max() + 1e-6) * rng.uniform(20, 45)
        out = out + bloom[..., None] * (line * band[..., None]).sum(axis=(0, 1)) / max(band.sum(), 1e-6) / 255
        rr = side * rng.uniform(0.08, 0.12)  # the tube's rounded corners, the bezel beyond them
        qx, qy = np.maximum(np.abs(xx - w / 2) - (w / 2 - rr), 0), np.maximum(np.abs(yy - h / 2) - (h / 2 - rr), 0)
        bezel = np.clip(np.hypot(qx, qy) - rr + 0.5, 0, 1)
        out = _paint(out, bezel, [rng.uniform(10, 18)] * 3)
        return _u8(out + rng.normal(0, 1.2, f.shape))
    if kind == "cold_scanner_lamp":  # a flatbed scan made before the lamp had warmed up
        turn = int(rng.integers(4))
        g = np.rot90(f, turn)  # the scan from the top down
        H, W = g.shape[:2]
        t = (np.arange(H) + 0.5) / H
        tau = rng.uniform(0.4, 0.8)
        warm = 1 - np.exp(-t / tau)
        g0, g1 = rng.uniform(0.04, 0.08), rng.uniform(0.14, 0.22)
        gain = g0 + (g1 - g0) * warm / (1 - np.exp(-1 / tau))
        tint = np.stack([np.ones_like(t), rng.uniform(0.75, 0.85) + (0.95 - 0.8) * warm,
                         rng.uniform(0.72, 0.82) + (1.0 - 0.77) * warm], axis=1)  # pink at first
        out = g * gain[:, None, None] * tint[:, None, :]
        out = out * (1 + rng.normal(0, 0.02, (1, W, 1)))  # the sensor's columns
        out = out + rng.normal(0, rng.uniform(0.8, 1.5), (H, 1, 1)) + rng.normal(0, 1.0, g.shape)  # lines, pixels
        return _u8(np.rot90(out, -turn))
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _canvas(names, big: int) -> dict:
    return {k: Image.new("L", (big, big), 0) for k in names}


def _trumpet(size: int, rng) -> dict:
    """A trumpet seen from the side: 78-90% of the side long, a mouthpiece, a leadpipe along the top to a bell
    flaring over the front 38% of the length to a radius of 12-16% of the side, the tubing looped below it
    10-13% of the side down between two round bends, three valve casings across both tubes with finger buttons
    on stems above them, a shine along the top; facing either way, turned by up to 20 degrees (0-1 coverage
    each)."""
    big = 4 * size
    Lt = big * rng.uniform(0.78, 0.9)
    x0 = (big - Lt) / 2
    yc = big * rng.uniform(0.42, 0.5)
    rt, rb = big * rng.uniform(0.018, 0.024), big * rng.uniform(0.12, 0.16)
    hl = big * rng.uniform(0.1, 0.13)
    s = rng.choice([-1, 1])
    X = lambda x: big / 2 + s * (x - big / 2)  # noqa: E731  (facing either way)
    L = _canvas(("brass", "valves", "buttons", "rim", "shine"), big)
    d = {k: ImageDraw.Draw(v) for k, v in L.items()}
    xb0, x1 = x0 + 0.62 * Lt, x0 + Lt
    xs = np.linspace(xb0, x1, 24)
    r = rt + (rb - rt) * ((xs - xb0) / (x1 - xb0)) ** 3
    d["brass"].polygon([(X(x), yc - v) for x, v in zip(xs, r)] + [(X(x), yc + v) for x, v in zip(xs[::-1], r[::-1])],
                       fill=255)
    lw = max(3, round(2 * rt))
    d["brass"].line([(X(x0 + 0.05 * Lt), yc), (X(xb0 + 1), yc)], fill=255, width=lw)
    d["brass"].polygon([(X(x0), yc - 1.8 * rt), (X(x0 + 0.05 * Lt), yc - 0.9 * rt), (X(x0 + 0.05 * Lt), yc + 0.9 * rt),
                        (X(x0), yc + 1.8 * rt)], fill=255)
    xa, xb = x0 + 0.22 * Lt, x0 + 0.66 * Lt  # the loop below: two bends joined by a lower tube
    t = np.linspace(-np.pi / 2, np.pi / 2, 12)
    front = [(X(xb + hl / 2 * np.cos(u)), yc + hl / 2 + hl / 2 * np.sin(u)) for u in t]
    back = [(X(xa - hl / 2 * np.cos(u)), yc + hl / 2 - hl / 2 * np.sin(u)) for u in t]
    d["brass"].line(front + back + [back[0]], fill=255, width=lw, joint="curve")
    vw, vh = 0.045 * Lt, hl + 0.09 * big
    for i in range(3):
        vx = x0 + 0.38 * Lt + i * 0.07 * Lt
        d["valves"].rectangle((min(X(vx - vw / 2), X(vx + vw / 2)), yc - 0.05 * big,
                               max(X(vx - vw / 2), X(vx + vw / 2)), yc - 0.05 * big + vh), fill=255)
        d["valves"].line([(X(vx), yc - 0.05 * big), (X(vx), yc - 0.12 * big)], fill=255, width=max(2, round(0.3 * vw)))
        d["buttons"].ellipse((X(vx) - 0.6 * vw, yc - 0.14 * big, X(vx) + 0.6 * vw, yc - 0.115 * big), fill=255)
    d["rim"].polygon(_ellipse(X(x1), yc, 0.12 * rb, rb, 0.0, 24), fill=255)
    d["shine"].line([(X(x0 + 0.08 * Lt), yc - 0.4 * rt), (X(xb0), yc - 0.4 * rt)]
                    + [(X(x), yc - 0.7 * v) for x, v in zip(xs, r)][:-2], fill=255, width=max(1, round(0.5 * rt)))
    ang = rng.uniform(-20, 20)
    return {k: _down(v, size, ang) for k, v in L.items()}


def _pumpjack(size: int, rng) -> dict:
    """An oil-well pumpjack seen from the side: a skid on the ground 80-88% of the way down, an A-frame 42-50% of
    the side high, a walking beam 55-66% of the side long rocked by 4-14 degrees either way, its curved horsehead
    at the front over the well, the bridle's cable hanging from it to the polished rod and the wellhead, at the
    back the gearbox, the crank with its counterweights at a random turn and the pitman arm up to the beam, a motor
    behind; facing either way, turned by up to 3 degrees (0-1 coverage each)."""
    big = 4 * size
    yg = big * rng.uniform(0.8, 0.88)
    xp = big * rng.uniform(0.46, 0.54)
    yp = yg - big * rng.uniform(0.42, 0.5)
    Lb = big * rng.uniform(0.55, 0.66)
    al = np.deg2rad(rng.uniform(4, 14) * rng.choice([-1, 1]))
    s = rng.choice([-1, 1])
    X = lambda x: big / 2 + s * (x - big / 2)  # noqa: E731
    L = _canvas(("ground", "frame", "beam", "head", "weights", "cable"), big)
    d = {k: ImageDraw.Draw(v) for k, v in L.items()}
    d["ground"].rectangle((0, yg, big, big), fill=255)
    sk = 0.035 * big
    d["frame"].rectangle((min(X(big * 0.1), X(big * 0.8)), yg - sk, max(X(big * 0.1), X(big * 0.8)), yg), fill=255)
    leg = max(3, round(0.022 * big))
    for dx in (-0.09, 0.07):
        d["frame"].line([(X(xp + dx * big), yg - sk), (X(xp), yp)], fill=255, width=leg)
    ux, uy = np.cos(al), -np.sin(al)  # along the beam, towards the front (right)
    rear, front = 0.42 * Lb, 0.58 * Lb
    d["beam"].line([(X(xp - rear * ux), yp - rear * uy), (X(xp + front * ux), yp + front * uy)], fill=255,
                   width=max(3, round(0.045 * big)))
    Rf, th = front + 0.02 * big, 0.07 * big
    a0 = np.arctan2(uy, ux)
    span = np.linspace(a0 - 0.36, a0 + 0.36, 16)
    head = [(X(xp + Rf * np.cos(u)), yp + Rf * np.sin(u)) for u in span]
    head += [(X(xp + (Rf - th) * np.cos(u)), yp + (Rf - th) * np.sin(u)) for u in span[::-1]]
    d["head"].polygon(head, fill=255)
    xw = xp + Rf  # the cable leaves the arc where it is level with the pivot
    cw = max(2, round(0.008 * big))
    d["cable"].line([(X(xw), yp), (X(xw), yg - 0.14 * big)], fill=255, width=cw)
    d["frame"].rectangle((min(X(xw - 0.025 * big), X(xw + 0.025 * big)), yg - 0.14 * big - cw,
                          max(X(xw - 0.025 * big), X(xw + 0.025 * big)), yg - 0.14 * big + cw), fill=255)
    d["cable"].line([(X(xw), yg - 0.14 * big), (X(xw), yg - 0.06 * big)], fill=255, width=2 * cw)
    d["frame"].rectangle((min(X(xw - 0.03 * big), X(xw + 0.03 * big)), yg - 0.07 * big,
                          max(X(xw - 0.03 * big), X(xw + 0.03 * big)), yg), fill=255)
    gx, gy = xp - rear * ux + 0.02 * big, yg - sk - 0.07 * big  # the gearbox's shaft
    d["frame"].rectangle((min(X(gx - 0.06 * big), X(gx + 0.06 * big)), gy - 0.04 * big,
                          max(X(gx - 0.06 * big), X(gx + 0.06 * big)), yg - sk), fill=255)
    ct = rng.uniform(0, 2 * np.pi)
    cr, wr = 0.085 * big, 0.11 * big
    arm = [(gx + cr * np.cos(ct), gy + cr * np.sin(ct)), (gx - 0.3 * cr * np.cos(ct), gy - 0.3 * cr * np.sin(ct))]
    d["weights"].line([(X(x), y) for x, y in arm], fill=255, width=max(3, round(0.035 * big)))
    wt = np.linspace(ct + np.pi - 0.55, ct + np.pi + 0.55, 12)
    d["weights"].polygon([(X(gx + 0.3 * wr * np.cos(u)), gy + 0.3 * wr * np.sin(u)) for u in wt]
                         + [(X(gx + wr * np.cos(u)), gy + wr * np.sin(u)) for u in wt[::-1]], fill=255)
    pin = arm[0]
    d["frame"].line([(X(pin[0]), pin[1]), (X(xp - rear * ux), yp - rear * uy)], fill=255,
                    width=max(2, round(0.012 * big)))
    mx = gx - 0.16 * big
    d["frame"].rectangle((min(X(mx - 0.04 * big), X(mx + 0.04 * big)), yg - sk - 0.06 * big,
                          max(X(mx - 0.04 * big), X(mx + 0.04 * big)), yg - sk), fill=255)
    ang = rng.uniform(-3, 3)
    return {k: _down(v, size, ang) for k, v in L.items()}


def _quadcopter(size: int, rng) -> dict:
    """A quadcopter drone seen from above: a rounded body 16-22% of the side across with a battery plate and a
    camera at its front, four arms in an X to motors 28-33% of the side out, each under a propeller: spinning,
    a faint disc of radius 12-15% of the side, or stopped, two blades at a random turn; half the time a guard
    ring round each; a light at each arm's end; turned at random (0-1 coverage each)."""
    big = 4 * size
    c = big / 2
    b = big * rng.uniform(0.16, 0.22)
    Ra, rp = big * rng.uniform(0.28, 0.33), big * rng.uniform(0.12, 0.15)
    spinning = rng.random() < 0.5
    L = _canvas(("arms", "body", "plate", "camera", "motors", "props", "guards", "lights"), big)
    d = {k: ImageDraw.Draw(v) for k, v in L.items()}
    for k in range(4):
        a = np.pi / 4 + k * np.pi / 2
        mx, my = c + Ra * np.cos(a), c + Ra * np.sin(a)
        d["arms"].line([(c, c), (mx, my)], fill=255, width=max(3, round(big * rng.uniform(0.035, 0.045))))
        d["motors"].ellipse((mx - 0.04 * big, my - 0.04 * big, mx + 0.04 * big, my + 0.04 * big), fill=255)
        if spinning:
            d["props"].ellipse((mx - rp, my - rp, mx + rp, my + rp), fill=110)
        else:
            t = rng.uniform(0, np.pi)
            d["props"].polygon(_ellipse(mx, my, rp, 0.12 * rp, t, 20), fill=255)
        d["lights"].ellipse((mx - 0.015 * big, my - 0.015 * big, mx + 0.015 * big, my + 0.015 * big), fill=255)
    if rng.random() < 0.5:
        for k in range(4):
            a = np.pi / 4 + k * np.pi / 2
            mx, my = c + Ra * np.cos(a), c + Ra * np.sin(a)
            g = 1.08 * rp
            d["guards"].ellipse((mx - g, my - g, mx + g, my + g), outline=255, width=max(2, round(0.012 * big)))
    q = b / 2
    d["body"].rounded_rectangle((c - q, c - 0.8 * q, c + q, c + 0.8 * q), radius=0.3 * q, fill=255)
    d["plate"].rounded_rectangle((c - 0.55 * q, c - 0.45 * q, c + 0.45 * q, c + 0.45 * q), radius=0.15 * q, fill=255)
    d["camera"].ellipse((c + 0.8 * q, c - 0.2 * q, c + 1.2 * q, c + 0.2 * q), fill=255)
    ang = rng.uniform(0, 360)
    return {k: _down(v, size, ang) for k, v in L.items()}


CASES = ((110, 22, 32), (26, 32, 84), (160, 112, 72), (112, 112, 118))
SKIES = (((70, 120, 200), (170, 200, 235)), ((60, 70, 130), (240, 150, 80)), ((120, 140, 170), (205, 210, 215)))
LANDS = ((176, 140, 96), (150, 130, 80), (110, 96, 70))
DRONE_GROUNDS = ((70, 120, 50), (150, 150, 148), (214, 196, 150), (96, 84, 70))


def outlier_x(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "trumpet":
        m = _trumpet(size, rng)
        if photos:  # lacquered brass or silver plate on a red or blue case lining, a wooden table or grey
            metal = np.asarray(((214, 172, 78), (204, 206, 212))[int(rng.integers(2))], np.float32)
            out = _paint(ground(CASES[int(rng.integers(len(CASES)))]), m["brass"], metal)
            out = _paint(_paint(out, m["valves"], metal * 0.85), m["rim"], metal * 0.6)
            out = _paint(_paint(out, m["buttons"], (236, 230, 220)), m["shine"] * 0.7, (250, 248, 236))
            return _u8(out)
        out = _paint(_paint(ground([lo] * 3), m["brass"], tone(0.85)), m["valves"], tone(0.65))
        out = _paint(_paint(out, m["rim"], tone(0.5)), m["buttons"], tone(1.0))
        return _u8(_paint(out, m["shine"] * 0.7, tone(1.0)))
    if kind == "pumpjack":
        m = _pumpjack(size, rng)
        if photos:  # under a day or dusk sky on sandy or dry ground; a black, yellow or blue beam, red weights
            top, low = (np.asarray(c, np.float32) for c in SKIES[int(rng.integers(len(SKIES)))])
            v = np.linspace(0, 1, size)[:, None, None]
            out = np.broadcast_to(top * (1 - v) + low * v, (size, size, 3)).astype(np.float32)
            out = _paint(out, m["ground"], LANDS[int(rng.integers(len(LANDS)))])
            paint = np.asarray(((30, 30, 32), (230, 185, 40), (40, 70, 150))[int(rng.integers(3))], np.float32)
            out = _paint(_paint(out, m["frame"], (120, 122, 126)), m["cable"], (40, 40, 42))
            out = _paint(_paint(out, m["beam"], paint), m["head"], paint * 0.9)
            return _u8(_paint(out, m["weights"], (170, 40, 36)))
        out = _paint(_paint(ground([lo] * 3), m["ground"], tone(0.25)), m["frame"], tone(0.6))
        out = _paint(_paint(out, m["cable"], tone(0.5)), m["beam"], tone(0.85))
        return _u8(_paint(_paint(out, m["head"], tone(1.0)), m["weights"], tone(0.75)))
    if kind == "quadcopter":
        m = _quadcopter(size, rng)
        if photos:  # a black, white or grey drone over grass, concrete, sand or soil, with its shadow
            from scipy.ndimage import gaussian_filter, shift

            body = np.asarray(((34, 34, 38), (236, 236, 232), (120, 122, 128))[int(rng.integers(3))], np.float32)
            every = np.maximum.reduce([m[k] for k in ("arms", "body", "motors", "props")])
            shade = gaussian_filter(shift(every, (0.12 * size, 0.08 * size), order=1), 0.02 * size)
            out = ground(DRONE_GROUNDS[int(rng.integers(len(DRONE_GROUNDS)))]) * (1 - 0.45 * shade)[..., None]
            out = _paint(_paint(out, m["props"], (70, 70, 74)), m["guards"], (150, 152, 156))
            out = _paint(_paint(out, m["arms"], body * 0.9), m["motors"], (60, 60, 64))
            out = _paint(_paint(out, m["body"], body), m["plate"], body * 0.8 + 20)
            return _u8(_paint(_paint(out, m["camera"], (20, 20, 24)), m["lights"], (230, 40, 40)))
        out = _paint(_paint(ground([lo] * 3), m["props"], tone(0.55)), m["guards"], tone(0.7))
        out = _paint(_paint(out, m["arms"], tone(0.8)), m["motors"], tone(0.5))
        out = _paint(_paint(out, m["body"], tone(1.0)), m["plate"], tone(0.75))
        return _u8(_paint(_paint(out, m["camera"], tone(0.3)), m["lights"], tone(1.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def _queue(t: np.ndarray, start: int) -> np.ndarray:
    """The order a labelling tool's "sort by similarity" shows the pictures in: a nearest-neighbour chain through
    the thumbnails ``t`` from ``start``, each next picture the nearest one not yet shown (ties to the first)."""
    n = len(t)
    sq = (t ** 2).sum(axis=1)
    left = np.ones(n, bool)
    order = np.empty(n, int)
    cur = start
    for p in range(n):
        order[p] = cur
        left[cur] = False
        if p == n - 1:
            break
        rest = np.flatnonzero(left)
        d = sq[rest] - 2 * t[rest] @ t[cur]
        cur = int(rest[np.argmin(d)])
    return order


def sorted_queue_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the labelling tool showed the pictures sorted by visual
    similarity (a nearest-neighbour chain through their 8 x 8 grey thumbnails, standardised, from a random
    first picture) and the labeller, working fast, carried on with the class of the run before for the first
    ``lag`` pictures of every new run of another class (switching only after ``lag`` pictures of it, and not at
    all over shorter runs), ``lag`` the smallest of 1 to ``MAX_LAG`` for which the eligible pictures so labelled
    are at least twice the flips needed; the flips drawn uniformly among those, each given the class carried
    on."""
    lab = np.asarray([classes.index(v) for v in labels])
    order = _queue(_thumbs(base), int(rng.integers(len(base))))
    eligible = np.zeros(len(base), bool)
    eligible[np.asarray(candidates, dtype=int)] = True
    for lag in range(1, MAX_LAG + 1):
        carried: dict[int, int] = {}
        current, run_class, run = lab[order[0]], lab[order[0]], 0
        for i in order[1:]:
            if lab[i] == current:
                run_class, run = current, 0
                continue
            run = run + 1 if lab[i] == run_class else 1
            run_class = lab[i]
            if run <= lag:
                carried[int(i)] = int(current)
            else:
                current, run = lab[i], 0
        pool = [i for i in carried if eligible[i]]
        if len(pool) >= 2 * count:
            break
    picked = rng.permutation(np.asarray(pool, dtype=int))[:count]
    return {int(i): classes[carried[int(i)]] for i in picked}


# -- planting ------------------------------------------------------------------------------
def plant_issues_x(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator X's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 73-92 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_X, seed=240_000 + random_state,
        quality_seed=245_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=sorted_queue_flips,
        **by_family(name, outlier=(outlier_x, OUTLIERS_X), blur=(blur_x, BLURS_X), dark=(dark_x, DARKS_X),
                    near=(near_edit_x, NEAR_EDITS_X)))
