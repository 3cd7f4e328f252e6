"""Generator AU: fresh EVALUATION sets after generator AT's run (never used to choose anything).

Why a forty-fifth evaluation generator: generator AT's sets are written and wait for their one run, and whatever
that run shows may inform the next changes, so a held-out set for the code after it is written now, before that
run (the commit subjects since AT's generator commit name only AT written and not yet run, its sets kept out of the
development sweeps, and two copies of one cache pointer mechanism made one, with the same behaviour); AU is a
held-out measurement of the code after AT's run, of families of its own (AU's writer read no docs, logs, result
files or commit bodies: only the commit subjects, the library's code and the earlier generators' and tuning tools'
files, to copy their structure and to avoid their families). Like AN's to AT's, AU's edits are not all brightly
coloured: some are grey, dark or translucent. Generator AU was written before any tool was run on it (only its
pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 55 and 292
px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture still in it
and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are
seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s
and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I,
J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP,
AQ, AR, AS, AT) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift,
rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like
AC's to AT's it has two blur families, not three. Left out because an earlier generator made them or left them out:
among objects on the print a guitar pick or a plectrum (their lists), a domino, dice or a chess pawn (their lists),
a marble, a pistachio or a safety pin (their lists), a jelly bean (AR's list), a resistor (W's battery, AG's spark
plug), a drawing pin, a bottle cap or a cork (their lists), a rubber band (its lists), a split pin (AR's cotter
pin), bow-tie pasta or another pasta (V's gift bow, AT's penne); of the whole picture a perforated metal screen or a
pegboard (O's fence, I's halftone), a brick wall, tiles or a mosaic (their lists), a hammered metal sheet (AD's
copper tray), a fleece (I's frosted glass), corrugated sheet, a quilt or a tapestry (their lists); among blurs wax,
tracing paper or non-glare picture glass (I's frosted glass), grease or a fingerprint on the lens (its list), an
ice rink's painted logo under the ice (I's frosted glass), an under-display camera (O's stocking), a cobweb over the
lens (M's cracked screen), a twin-lens reflex's ground glass (its list), a puddle's reflection (S's water ripple),
a calcite crystal's double image (G's double exposure), shrink plastic (the calibration's down-and-up blur); among
darkenings a toaster, an electric fire or a blacksmith's bar (V's heater bars), a grow light, a lava lamp, glow
sticks or a bubble tube (their lists), an oscilloscope's trace (P's phone screen), a fibre-optic lamp (N's fairy
lights), a roadworks beacon or a police car's lights (P's spotlight, emergency lights), a car's brake or hazard
lights (AE's tail light), a fluorescent tube (R's strip lights), a fridge, a microwave or an oven (their lists), a
road flare (AR's: a flare on the ground, not a stack's); among foreign pictures a lighthouse, a windmill, a beehive,
a tortoise or a pagoda (their lists), excavators (W's list), a castle (V's crown), a gazebo (AB's carousel), an
airship (Q's balloons); among label noise class names misheard from dictation or read back by OCR (T's, AB's, V's
and AE's lists), pictures pooled in bags labelled by one tag (M's pages, AH's list), a touchscreen's taps landing a
row low (O's hotkeys), a class-balancing script or a quota (K's largest classes, V's target hunt), a checkweigher's
drift, a wrong position, a wrong clock or a shelf-edge label (AS's, AR's, AQ's and AT's).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 292 px
  set's copies get both kinds): a piece of sea glass lying on the print (a worn pebble of glass 22-30% of the side
  across, at least 9 px, bottle green, brown, frosted white or cobalt, whichever two show most, translucent at
  60-75% with a frosted bloom and a lighter rim; at any angle, 30-70% of the way across and down, a soft shadow at
  25%), a liquorice wheel (a near-black strip coiled flat into a spiral 22-30% of the side across, at least 9 px,
  3-5 turns, round a pink, blue, white or red sweet, a sheen; the same place, a shadow at 40%), three to five steel
  ball bearings (11-15% of the side across, at least 5 px, polished grey, a dark crescent, a pale sky reflected, a
  horizon line from 32 px, a bright spot; the same place, a shadow at 45%), a small transistor (a black TO-92 body
  13-17% of the side wide, at least 5 px, its end rounded, three tinned legs 1.6-2.2 times its length, the outer two
  bent apart, a marking from 48 px; the same place, a shadow at 40%) and three to five dried chickpeas (11-14% of
  the side across, at least 5 px, beige or dark kala chana, a beak, shading, a crease from 32 px; the same place, a
  shadow at 40%); of the whole picture: the picture painted on weatherboards (horizontal overlapping boards 9-13% of
  the side high, at least 3 px, a shadow line under each lap, each board lighter towards its bottom, butt joints,
  white paint at 10-16%: lapped boards, not AT's parquet or AR's roughcast), painted on a steel tread plate (raised
  bars 6-9% of the side long, at least 3 px, at +45 and -45 degrees in turn on a square grid, each lit on one side,
  the steel's grey at 25-35%: a metal floor plate, not a hammered sheet or AT's acoustic foam) and printed on papyrus
  (vertical strips of pith 6-9% of the side wide, at least 2.5 px, darker where they overlap, fine fibres along
  them, the horizontal under layer faintly through, the straw at 20-28%: laminated pith, not AT's hessian weave);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture painted on the back of a thin alabaster panel and photographed through the stone, lit
  from behind (the stone's bulk spreading the light: a Gaussian of 1.6-2.4% of the side, at least 1 px, for 55% of
  it, one 4 times as wide for 30%, the rest a honey-white glow, the stone's cloudiness 8% lighter and darker, 2-4
  veins from 48 px: a translucent stone, not AA's lithophane, AI's laser crystal or a film in front) and the picture
  photographed through a glass chopping board's stippled underside laid over it (each point moved by up to 1.2-1.8%
  of the side, at least 0.6 px, by a random field of bumps and spread by a Gaussian of 1.4-2.2% of the side, at
  least 1 px, for 70% of it and one 3 times as wide for 20%, the glass's green edge tint at 10%, 20-40 glints from
  48 px: a random field of small bumps, not L's reeded glass, V's cut glass or AN's crown glass); each as a camera
  metering on the highlights exposes it (as Y's to AT's);
* ``dark`` (2%): an industrial estate at night lit only by a refinery's flare stack (a dark stack 3-4% of the side
  wide rising from the bottom edge 15-30% or 70-85% of the way across to 28-38% down, a flame 9-13% of the side wide
  and twice as high leaning with the wind, orange round a yellow-white core; the picture lit in orange, 1.0 / 0.6 /
  0.28, at 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the flame, ``d0`` 35-50% of the
  side, over 0.015-0.03; a glow of sigma 6-9% of the side up to 35-50 levels: a flame high on a stack, not a candle,
  a campfire or AR's road flare), a street at night lit only by a parked taxi's roof sign (the car's dark roof
  across the bottom edge, the sign on it 22-30% of the side wide glowing yellow, four dark letter blocks from 32 px;
  the picture lit in amber, 1.0 / 0.82 / 0.42, at 0.3-0.38 falling off as above, ``d0`` 25-35% of the side, over
  0.015-0.03; a glow of sigma 3-5% of the side up to 30-45 levels: a lit sign box, not AS's headlights or AE's tail
  light) and a dentist's surgery at night lit only by a curing light left on (a wand 6-8% of the side thick from the
  left or right edge, its light guide bent down to a blue tip, an orange filter shield round it at 55%; the picture
  lit in blue, 0.35 / 0.5 / 1.0, at 0.28-0.36 falling off as above from the tip, ``d0`` 22-32% of the side, over
  0.015-0.03; a glow of sigma 3-5% of the side up to 40-55 levels: a small blue lamp held in the picture, not AE's
  UV nail lamp or M's blacklight); none of them blurs the picture;
* ``outlier`` (1.5%): a maypole on a village green (the green, a pole with a garland hoop at its top, 8-12 ribbons
  in two sets out to dancers round its foot), a kangaroo in the outback (red earth under a low sun, the kangaroo
  upright on its haunches, a long tail to the ground, a long hind foot, a small head with upright ears, clumps of
  spinifex) and rugby posts on a pitch (a stand along the horizon, the grass, H-shaped posts with padded feet, the
  try line and a dashed 22 line, a ball above the bar from 48 px); the digit and clothing sets get them in their own
  tones on their dark ground, the photographs as a white maypole with red and white, blue and yellow or green and
  pink ribbons on a green under a blue sky, a grey-brown kangaroo on red earth under an orange dusk sky, and white
  posts with red, blue or green pads on green grass before a dark stand under a grey sky;
* ``label`` (5%): *tote cross-read* flips: part of the set was photographed at a warehouse's photo booth, each item
  labelled by the RFID tag on it. Items came to the booth in totes of 6-12, each mixing 2-4 classes in a row of
  slots; the reader took whichever tag answered first, and the other items still in the tote stood in its field: a
  tag ``k`` slots from the photographed item's answered with weight ``exp(-k / c)`` (its own with weight 1), ``c``
  0.3-0.9 a tote, so an item is often given the class of the item beside it in its tote; one that read its own
  class's tag is not a flip. Totes are worked through, in a random order of the eligible pictures, until the flips
  needed are made (the last tote's flips kept in part, at random): noise by which items shared a tote and how close
  they stood, not by class or look, not AT's shelf-edge labels, AH's bags labelled by one tag or AN's conveyor.
  Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AU's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
313), MNIST (2,000, seed 314), and the evaluation photographs tiled at 55 px (24 tiles a photograph at most, seed
315) and at 292 px (every tile, seed 316), sizes no other set uses. ``photos55_au_jpeg`` is written as JPEG files,
each at a quality drawn from 55-77 (a stream of its own, seed ``475_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``470_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AT).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_an import _showing
from _heldout_h import _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down
from _heldout_s import _pixels
from _heldout_v import _metered
from _heldout_x import _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AU = ("fashion_test_au", "mnist_au", "photos55_au_jpeg", "photos292_au")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AU = {
    "fashion_test_au": ("fashion_test", 313),
    "mnist_au": ("mnist", 314),
    "photos55_au_jpeg": ("photos", 315, 55, 8, 24),
    "photos292_au": ("photos", 316, 292, 8, 1000),
}
JPEG_QUALITY = (55, 78)  # the JPEG set's qualities: integers in [low, high)
RATES_AU = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AU = ("sea_glass", "weatherboard", "liquorice_wheel", "tread_plate", "ball_bearings", "papyrus",
                 "transistor", "chickpeas")
BLURS_AU = ("alabaster_panel", "stippled_glass")
DARKS_AU = ("flare_stack", "taxi_sign", "curing_light")
OUTLIERS_AU = ("maypole", "kangaroo", "rugby_posts")
TOTE_ITEMS = (6, 13)  # items in a tote at the photo booth: integers in [low, high) (label noise)
TOTE_CLASSES = (2, 5)  # classes mixed in a tote: integers in [low, high) (label noise)
CROSS_READ = (0.3, 0.9)  # a tote's cross-read length: a tag k slots away is read with weight exp(-k / this)


def load_base_au(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AU, "AU")


def _smooth_field(h: int, w: int, sigma: float, rng) -> np.ndarray:
    """A smooth random field of ``sigma`` px, scaled to 0-1."""
    from scipy.ndimage import gaussian_filter

    g = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.5, sigma), mode="wrap")
    return (g - g.min()) / max(float(g.max() - g.min()), 1e-6)


def _circle(r: float, n: int = 28, cx: float = 0.0, cy: float = 0.0) -> list[tuple[float, float]]:
    return _ellipse(cx, cy, r, r, 0.0, n)


# -- near copies -----------------------------------------------------------------------------
SEA_GLASS = ((104, 170, 126), (150, 96, 44), (226, 234, 232), (60, 92, 170))


def _sea_glass(f: np.ndarray, rng) -> np.ndarray:
    """A piece of sea glass lying on the print: a pebble of glass worn smooth by the sea, 22-30% of the side across,
    at least 9 px, its outline 9-13 points at 70-100% of its radius, smoothed, 60-80% as wide as long; bottle
    green, brown, frosted white or cobalt (of the four the two whose grey is furthest from the picture's median
    grey), translucent: the print showing through it, the glass at 60-75%, a frosted white bloom at 20% over it,
    a rim 12% of its radius wide, at least 0.6 px, 25% lighter; at any angle, its middle 30-70% of the way across
    and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.5, side * rng.uniform(0.22, 0.3) / 2)
    col = _showing(f, SEA_GLASS, rng)
    fr = _frame_at(h, w, rng)
    n = int(rng.integers(9, 14))
    rad = rng.uniform(0.7, 1.0, n)
    rad = (rad + np.roll(rad, 1) + np.roll(rad, -1)) / 3  # worn smooth
    squash = rng.uniform(0.6, 0.8)
    ts = np.linspace(0, 2 * np.pi, 4 * n, endpoint=False)
    rr = np.interp(ts, np.linspace(0, 2 * np.pi, n + 1), np.append(rad, rad[0]))
    pts = [(float(R * r * np.cos(t)), float(squash * R * r * np.sin(t))) for r, t in zip(rr, ts)]
    glass = fr.fill([pts])
    rim = fr.line([pts + [pts[0]]], max(0.6, 0.12 * R)) * glass
    parts = [(glass, col, rng.uniform(0.6, 0.75), True), (glass, (246, 248, 246), 0.2, False),
             (rim, np.minimum(col * 1.25 + 20, 255), 0.6, False)]
    return _u8(_laid(f, parts, 0.25))


SWEET_CENTRES = ((236, 96, 150), (60, 140, 220), (250, 250, 246), (240, 90, 60))


def _liquorice_wheel(f: np.ndarray, rng) -> np.ndarray:
    """A liquorice wheel lying on the print: a strip of black liquorice coiled flat into a spiral 22-30% of the side
    across, at least 9 px, 3 turns below 32 px and 4-5 above, the strip 15-18% of the wheel's radius wide, at
    least 1 px, near-black 26 / 20 / 22, round a sweet in its middle 24% of the wheel across in pink, blue, white
    or red; a sheen along the strip's coils at 40%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.5, side * rng.uniform(0.22, 0.3) / 2)
    fr = _frame_at(h, w, rng)
    turns = 3 if side < 32 else int(rng.integers(4, 6))
    r0 = 0.24 * R
    ts = np.linspace(0, 2 * np.pi * turns, 60 * turns)
    spiral = [(float((r0 + (R - r0) * t / ts[-1]) * np.cos(t)), float((r0 + (R - r0) * t / ts[-1]) * np.sin(t)))
              for t in ts]
    lw = max(1.0, R * rng.uniform(0.15, 0.18))
    disc = fr.fill([_circle(R + 0.5 * lw, 36)])
    coil = fr.line([spiral], lw) * disc
    centre = fr.fill([_circle(r0, 18)])
    sheen = fr.line([spiral], max(0.5, 0.35 * lw)) * coil
    parts = [(np.maximum(coil, centre), (26, 20, 22), 1.0, True), (centre, _pick(SWEET_CENTRES, rng), 1.0, False),
             (sheen, (200, 196, 200), 0.4, False)]
    return _u8(_laid(f, parts, 0.4))


def _ball_bearings(f: np.ndarray, rng) -> np.ndarray:
    """Three to five steel ball bearings lying on the print, touching in a small cluster: balls 11-15% of the side
    across, at least 5 px, polished steel 150 / 152 / 158, each darker (60%) on a crescent away from the light,
    reflecting a pale sky 225 / 230 / 236 on its upper half at 40% and a dark horizon line across its middle 20%
    of it high from 32 px, a bright specular spot 18% of it across towards the light; the cluster's middle 30-70%
    of the way across and down, a soft shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(2.5, side * rng.uniform(0.11, 0.15) / 2)
    fr = _frame_at(h, w, rng)
    fr.ang = 0.0  # the light from the top left whatever the cluster's turn
    centres = [(0.0, 0.0)]
    for _ in range(int(rng.integers(2, 5))):
        for _ in range(40):
            bx, by = centres[int(rng.integers(len(centres)))]
            t = rng.uniform(0, 2 * np.pi)
            c = (bx + 2.02 * r * np.cos(t), by + 2.02 * r * np.sin(t))
            if all(np.hypot(c[0] - x, c[1] - y) > 2 * r for x, y in centres):
                centres.append((float(c[0]), float(c[1])))
                break
    balls = fr.fill([_circle(r, 24, x, y) for x, y in centres])
    dark = fr.fill([_circle(r, 24, x, y) for x, y in centres],
                   holes=[_circle(0.92 * r, 24, x - 0.22 * r, y - 0.22 * r) for x, y in centres])
    sky = fr.fill([_ellipse(x - 0.05 * r, y - 0.4 * r, 0.8 * r, 0.45 * r, 0.0, 16) for x, y in centres]) * balls
    spot = fr.fill([_circle(0.18 * r, 10, x - 0.4 * r, y - 0.45 * r) for x, y in centres]) * balls
    parts = [(balls, (150, 152, 158), 1.0, True), (sky, (225, 230, 236), 0.4, False),
             (dark * balls, (90, 92, 96), 0.6, False)]
    if side >= 32:
        parts.append((fr.fill([_rect(x - r, y - 0.02 * r, x + r, y + 0.18 * r) for x, y in centres]) * balls,
                      (60, 62, 66), 0.6, False))
    parts.append((spot, (255, 255, 255), 1.0, False))
    return _u8(_laid(f, parts, 0.45))


def _transistor(f: np.ndarray, rng) -> np.ndarray:
    """A small transistor (a TO-92 package) lying on the print: a black moulded body 13-17% of the side wide, at
    least 5 px, and 1.2 times as long, its far end rounded, 24 / 24 / 26, its marking as 2
    grey lines from 48 px; three tinned legs from its flat end 1.6-2.2 times its length long, 9% of its
    width thick, at least 0.6 px, 196 / 198 / 204, the outer two bent apart; a sheen along one side at 30%; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(5.0, side * rng.uniform(0.13, 0.17))
    L = 1.2 * W
    legs_l = L * rng.uniform(1.6, 2.2)
    fr = _frame_at(h, w, rng)
    y0 = -0.5 * (L + legs_l)
    cap = [(float(W / 2 * np.cos(t)), float(y0 + 0.25 * W + 0.25 * W * np.sin(t)))
           for t in np.linspace(np.pi, 2 * np.pi, 14)]
    body = cap + [(W / 2, y0 + L), (-W / 2, y0 + L)]
    lw = max(0.6, 0.09 * W)
    legs = []
    for k, dx in enumerate((-0.32 * W, 0.0, 0.32 * W)):
        splay = (k - 1) * 0.25 * W
        legs.append([(dx, y0 + L), (dx, y0 + L + 0.25 * legs_l), (dx + splay, y0 + L + 0.45 * legs_l),
                     (dx + splay, y0 + L + legs_l)])
    parts = [(fr.line(legs, lw), (196, 198, 204), 1.0, True), (fr.fill([body]), (24, 24, 26), 1.0, True),
             (fr.fill([_rect(-0.38 * W, y0 + 0.15 * L, -0.2 * W, y0 + 0.9 * L)]), (110, 110, 116), 0.3, False)]
    if side >= 48:
        parts.append((fr.line([[(-0.25 * W, y0 + 0.45 * L), (0.25 * W, y0 + 0.45 * L)],
                               [(-0.2 * W, y0 + 0.65 * L), (0.2 * W, y0 + 0.65 * L)]], max(0.5, 0.05 * W)),
                      (150, 150, 150), 1.0, False))
    return _u8(_laid(f, parts, 0.4))


CHICKPEAS = ((222, 186, 124), (86, 58, 40))


def _chickpeas(f: np.ndarray, rng) -> np.ndarray:
    """Three to five dried chickpeas lying on the print near one another: each a lumpy round 11-14% of the side
    across, at least 5 px, with a small beak on one side, pale beige 222 / 186 / 124 or (one time in three) dark
    kala chana 86 / 58 / 40; a shading 22% darker on the side away from the light, from 32 px a crease from the
    beak 20% darker; the group's middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(2.5, side * rng.uniform(0.11, 0.14) / 2)
    col = np.asarray(CHICKPEAS[1] if rng.random() < 1 / 3 else CHICKPEAS[0], np.float32)
    fr = _frame_at(h, w, rng)
    peas, shades, creases = [], [], []
    centres = []
    for k in range(int(rng.integers(3, 6))):
        for _ in range(40):
            c = (0.0, 0.0) if not centres else (centres[-1][0] + rng.uniform(-2.6, 2.6) * r,
                                                centres[-1][1] + rng.uniform(-2.6, 2.6) * r)
            if all(np.hypot(c[0] - x, c[1] - y) > 2.1 * r for x, y in centres):
                centres.append((float(c[0]), float(c[1])))
                break
    for x, y in centres:
        a = rng.uniform(0, 2 * np.pi)
        ts = np.linspace(0, 2 * np.pi, 24, endpoint=False)
        lump = 1 + 0.06 * np.sin(3 * ts + rng.uniform(0, 6))
        pts = [(float(x + r * q * np.cos(t)), float(y + r * q * np.sin(t))) for q, t in zip(lump, ts)]
        bx, by = x + 1.05 * r * np.cos(a), y + 1.05 * r * np.sin(a)
        pts.append((float(bx + 0.25 * r * np.cos(a)), float(by + 0.25 * r * np.sin(a))))
        peas.append(pts)
        shades.append(_circle(0.95 * r, 18, x + 0.35 * r, y + 0.35 * r))
        creases.append([(bx, by), (x + 0.1 * r * np.cos(a + 1.5), y + 0.1 * r * np.sin(a + 1.5)),
                        (x - 0.6 * r * np.cos(a), y - 0.6 * r * np.sin(a))])
    body = fr.fill(peas)
    parts = [(body, col, 1.0, True), (fr.fill(shades) * body, col * 0.78, 0.6, False)]
    if side >= 32:
        parts.append((fr.line(creases, max(0.5, 0.1 * r)) * body, col * 0.8, 1.0, False))
    return _u8(_laid(f, parts, 0.4))


def _weatherboard(f: np.ndarray, rng) -> np.ndarray:
    """The picture painted on a weatherboarded wall: horizontal boards 9-13% of the side high, at least 3 px, each
    overlapping the one below, within 3 degrees of level; each board's lower edge casting a shadow line 18% of a
    board high, at least 0.6 px, 35% darker, and each board 10% lighter at its bottom than its top (tilted out);
    a butt joint across each board every 1-1.8 times the side, a dark line 40% darker, at least 0.5 px; white paint
    242 / 240 / 232 at 10-16% over the picture."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    bh = max(3.0, side * rng.uniform(0.09, 0.13))
    a = np.deg2rad(rng.uniform(-3, 3))
    v = (-xx * np.sin(a) + yy * np.cos(a)) / bh + rng.uniform(0, 1)
    u = xx * np.cos(a) + yy * np.sin(a)
    row = np.floor(v)
    fv = v - row  # 0 at a board's top, 1 at its bottom
    shade = 0.95 + 0.1 * fv
    sh = max(0.6 / bh, 0.18)
    lip = np.clip((fv - (1 - sh)) / sh, 0, 1)
    shadow = 1 - 0.35 * lip
    period = side * rng.uniform(1.0, 1.8)
    offs = rng.uniform(0, period, 4096)[(row.astype(np.int64) % 4096)]
    fu = np.mod(u + offs, period)
    jw = max(0.5, 0.008 * side)
    joint = 1 - 0.4 * np.clip(jw - np.minimum(fu, period - fu), 0, 1)
    k = rng.uniform(0.1, 0.16)
    out = f * (1 - k) + k * np.array([242, 240, 232], np.float32)
    return _u8(out * (shade * shadow * joint)[..., None])


def _tread_plate(f: np.ndarray, rng) -> np.ndarray:
    """The picture painted on a steel tread plate (chequer plate), the paint thin over its raised bars: bars
    6-9% of the side long, at least 3 px, 28% of that wide, on a square grid 1.1 times their length apart, within
    20 degrees of level, turned +45 and -45 degrees in turn (a diamond plate's pattern); each bar lit from one
    side (its lit half 25% lighter, its other half 25% darker); the steel's grey 132 / 134 / 140 at 25-35% over
    the picture."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    L = max(3.0, side * rng.uniform(0.06, 0.09))
    p = 1.1 * L
    a = np.deg2rad(rng.uniform(-20, 20))
    u = (xx * np.cos(a) + yy * np.sin(a)) / p + rng.uniform(0, 1)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / p + rng.uniform(0, 1)
    iu, iv = np.floor(u), np.floor(v)
    du, dv = (u - iu - 0.5) * p, (v - iv - 0.5) * p
    sgn = np.where((iu + iv) % 2 == 0, 1.0, -1.0)
    c = np.cos(np.pi / 4)
    along = (du + sgn * dv) * c
    across = (-sgn * du + dv) * c
    half_w = max(0.75, 0.14 * L)
    bar = np.clip(half_w + 0.5 - np.abs(across), 0, 1) * np.clip(L / 2 + 0.5 - np.abs(along), 0, 1)
    lit = np.where(across * sgn < 0, 1.25, 0.75)
    k = rng.uniform(0.25, 0.35)
    out = f * (1 - k) + k * np.array([132, 134, 140], np.float32)
    return _u8(out * (1 + bar * (lit - 1))[..., None])


PAPYRUS = np.array([214, 190, 140], np.float32)


def _papyrus(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on papyrus: the top layer's strips of pith 6-9% of the side wide, at least 2.5 px, run
    within 4 degrees of vertical, their edges (12% of a strip, at least 0.5 px) 20% darker where they overlap,
    each strip's width varying 10%, and fine fibres along them (a streaked texture 8% either way); the under
    layer's horizontal strips showing through at 8%; the pith's straw 214 / 190 / 140 at 20-28%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    sw = max(2.5, side * rng.uniform(0.06, 0.09))
    a = np.deg2rad(rng.uniform(-4, 4))
    u = (xx * np.cos(a) + yy * np.sin(a)) / sw * (1 + 0.1 * (2 * _smooth_field(h, w, 3 * sw, rng) - 1))
    u = u + rng.uniform(0, 1)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / sw + rng.uniform(0, 1)
    fu = u - np.floor(u)
    ew = max(0.5 / sw, 0.12)
    edge = 1 - 0.2 * ((fu < ew) | (fu > 1 - ew))
    streak = _smooth_field(h, w, 0.6, rng)
    from scipy.ndimage import gaussian_filter1d

    streak = gaussian_filter1d(streak, max(1.0, 1.5 * sw), axis=0, mode="wrap")
    streak = (streak - streak.min()) / max(float(streak.max() - streak.min()), 1e-6)
    fibre = 1 + 0.08 * (2 * streak - 1)
    under = 1 - 0.08 * (np.abs(v - np.floor(v) - 0.5) > 0.44)
    k = rng.uniform(0.2, 0.28)
    out = f * (1 - k) + k * PAPYRUS
    return _u8(out * (edge * fibre * under)[..., None])


def near_edit_au(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "sea_glass":  # a piece of sea glass lying on the print
        return _sea_glass(f, rng)
    if kind == "liquorice_wheel":  # a liquorice wheel lying on the print
        return _liquorice_wheel(f, rng)
    if kind == "ball_bearings":  # steel ball bearings lying on the print
        return _ball_bearings(f, rng)
    if kind == "transistor":  # a small transistor lying on the print
        return _transistor(f, rng)
    if kind == "chickpeas":  # dried chickpeas lying on the print
        return _chickpeas(f, rng)
    if kind == "weatherboard":  # the picture painted on weatherboards
        return _weatherboard(f, rng)
    if kind == "tread_plate":  # the picture painted on a steel tread plate
        return _tread_plate(f, rng)
    if kind == "papyrus":  # the picture printed on papyrus
        return _papyrus(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
ALABASTER = np.array([238, 222, 190], np.float32)


def _alabaster_panel(f: np.ndarray, rng) -> np.ndarray:
    """The picture painted on the back of a thin alabaster panel and photographed through the stone, lit from
    behind, as a church's alabaster window is (the translucent stone spreading the light in its bulk): a Gaussian
    of 1.6-2.4% of the side, at least 1 px, for 55% of it and one 4 times as wide for 30%, the rest a honey-white
    glow 238 / 222 / 190 of the stone; the stone's cloudiness (its thickness varying) 8% lighter and darker over a
    smooth field of 15% of the side; from 48 px 2-4 veins of the stone, wavy lines 1.2% of the side wide, 14%
    darker at 60%; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    soft = np.stack([0.55 / 0.85 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.3 / 0.85 * gaussian_filter(f[..., c], 4 * s, mode="reflect") for c in range(3)], axis=2)
    out = soft * 0.85 + 0.15 * ALABASTER
    out = out * (1 + 0.08 * (2 * _smooth_field(h, w, 0.15 * side, rng) - 1))[..., None]
    if side >= 48:
        m = np.zeros((h, w), np.float32)
        for _ in range(int(rng.integers(2, 5))):
            t = rng.uniform(0, np.pi)
            px, py = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.15, 0.85)
            along = (xx - px) * np.cos(t) + (yy - py) * np.sin(t)
            d = (-(xx - px) * np.sin(t) + (yy - py) * np.cos(t)
                 - 0.06 * side * np.sin(2 * np.pi * along / (side * rng.uniform(0.3, 0.6)) + rng.uniform(0, 6)))
            m = np.maximum(m, np.exp(-0.5 * (d / (0.006 * side)) ** 2))
        out = out * (1 - 0.14 * 0.6 * m[..., None])
    return _u8(_metered(out, f))


def _stippled_glass(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a glass chopping board laid over it, its stippled underside (a close field
    of small round bumps) bending the light: each point of the print seen moved by up to 1.2-1.8% of the side, at
    least 0.6 px, by the bumps (a random field of 1.5% of the side) and spread by a Gaussian of 1.4-2.2% of the
    side, at least 1 px, for 70% of it and one 3 times as wide for 20%; the thick glass's green edge tint 200 / 226
    / 212 at 10%; from 48 px glints on 20-40 of the bumps at 20%; as a camera metering on the highlights exposes
    it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    amp = max(0.6, side * rng.uniform(0.012, 0.018))
    bumps = [2 * _smooth_field(h, w, 0.015 * side, rng) - 1 for _ in range(2)]
    moved = np.stack([map_coordinates(f[..., c], [yy - 0.5 + amp * bumps[0], xx - 0.5 + amp * bumps[1]], order=1,
                                      mode="reflect") for c in range(3)], axis=2)
    s = max(1.0, side * rng.uniform(0.014, 0.022))
    soft = np.stack([0.7 / 0.9 * gaussian_filter(moved[..., c], s, mode="reflect") +
                     0.2 / 0.9 * gaussian_filter(moved[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    out = soft * 0.9 + 0.1 * np.array([200, 226, 212], np.float32)
    if side >= 48:
        m = np.zeros((h, w), np.float32)
        for _ in range(int(rng.integers(20, 41))):
            r = side * rng.uniform(0.004, 0.008)
            px, py = w * rng.random(), h * rng.random()
            m = np.maximum(m, np.clip(r + 0.5 - np.hypot(xx - px, yy - py), 0, 1))
        out = _paint(out, m * 0.2, (255, 255, 255))
    return _u8(_metered(out, f))


def blur_au(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "alabaster_panel":  # through a backlit alabaster panel
        return _alabaster_panel(f, rng)
    if kind == "stippled_glass":  # through a glass chopping board's stippled underside
        return _stippled_glass(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
FLARE_LIGHT = np.array([1.0, 0.6, 0.28], np.float32)


def _flare_stack(f: np.ndarray, rng) -> np.ndarray:
    """An industrial estate at night lit only by a refinery's flare stack burning off gas in the picture: a dark
    stack 3-4% of the side wide, at least 1 px, 34 / 32 / 34, rising from the bottom edge 15-30% or 70-85% of the
    way across to 28-38% of the way down; at its top a flame 9-13% of the side wide and 2 times as high, leaning
    with the wind by up to 25 degrees, orange 255 / 140 / 40 round a yellow-white core 255 / 236 / 180 half its
    size; a glow of sigma 6-9% of the side round the flame up to 35-50 levels in orange; the picture lit in orange
    1.0 / 0.6 / 0.28 at a gain of 0.015-0.03 plus 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
    distance ``d`` from the flame's middle, ``d0`` 35-50% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    sx = w * (rng.uniform(0.15, 0.3) if rng.random() < 0.5 else rng.uniform(0.7, 0.85))
    top = h * rng.uniform(0.28, 0.38)
    fw = side * rng.uniform(0.09, 0.13)
    lean = np.deg2rad(rng.uniform(-25, 25))
    fx, fy = sx + np.sin(lean) * fw, top - np.cos(lean) * fw
    d0 = side * rng.uniform(0.35, 0.5)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.4) / (1 + (np.hypot(xx - fx, yy - fy) / d0) ** 2)
    out = _lit(f, gain[..., None] * FLARE_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    sw = max(1.0, side * rng.uniform(0.03, 0.04))
    out = _paint(out, ident.fill([_rect(sx - sw / 2, top, sx + sw / 2, h + 1.0)]), (34, 32, 34))
    flame_fr = _Frame((h, w), sx, top, lean)
    ts = np.linspace(0, 2 * np.pi, 30, endpoint=False)

    def tongue(k):  # a teardrop from the stack's top upwards (k: its size)
        return [(float(k * fw / 2 * np.sin(t) * (1 - 0.45 * (1 - np.cos(t)) / 2)),
                 float(-k * fw * (1 - np.cos(t)))) for t in ts]

    flame = flame_fr.fill([tongue(1.0)])
    core = flame_fr.fill([tongue(0.5)])
    out = out + _glow(flame, max(0.8, side * rng.uniform(0.06, 0.09)))[..., None] * rng.uniform(35, 50) * FLARE_LIGHT
    out = _paint(_paint(out, flame, (255, 140, 40)), core, (255, 236, 180))
    return _u8(out)


TAXI_LIGHT = np.array([1.0, 0.82, 0.42], np.float32)


def _taxi_sign(f: np.ndarray, rng) -> np.ndarray:
    """A street at night lit only by a parked taxi's lit roof sign: the car's dark roof across the bottom edge,
    45-65% of the side wide and 8-12% deep with rounded ends, 22 / 22 / 26; the sign standing on it, a box 22-30%
    of the side wide and 38% of that high, glowing yellow 255 / 222 / 120, from 32 px the word as four dark letter
    blocks 50 / 40 / 20 across 80% of it; a glow of sigma 3-5% of the side round the sign up to 30-45 levels in
    amber; the picture lit in amber 1.0 / 0.82 / 0.42 at a gain of
    0.015-0.03 plus 0.3-0.38 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the sign,
    ``d0`` 25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    rw = side * rng.uniform(0.45, 0.65)
    rd = side * rng.uniform(0.08, 0.12)
    cx = w * rng.uniform(0.35, 0.65)
    sw = side * rng.uniform(0.22, 0.3)
    sh = 0.38 * sw
    x0, x1 = cx - sw / 2, cx + sw / 2
    y1 = h - rd
    y0 = y1 - sh
    ddx = np.clip(np.maximum(x0 - xx, xx - x1), 0, None)
    ddy = np.clip(np.maximum(y0 - yy, yy - y1), 0, None)
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.38) / (1 + (np.hypot(ddx, ddy) / d0) ** 2)
    out = _lit(f, gain[..., None] * TAXI_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    roof = ident.fill([_ellipse(cx, h + 0.2 * rd, rw / 2, 1.2 * rd, 0.0, 40)])
    out = _paint(out, roof, (22, 22, 26))
    sign = ident.fill([_rect(x0, y0, x1, y1 + 0.3 * rd)])
    out = out + _glow(sign, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(30, 45) * TAXI_LIGHT
    out = _paint(out, sign, (255, 222, 120))
    if side >= 32:
        lw = 0.8 * sw / 4
        letters = ident.fill([_rect(x0 + 0.1 * sw + k * lw + 0.15 * lw, y0 + 0.25 * sh,
                                    x0 + 0.1 * sw + (k + 1) * lw - 0.15 * lw, y0 + 0.75 * sh) for k in range(4)])
        out = _paint(out, letters * 0.8, (50, 40, 20))
    return _u8(out)


CURING = np.array([0.35, 0.5, 1.0], np.float32)


def _curing_light(f: np.ndarray, rng) -> np.ndarray:
    """A dentist's surgery at night lit only by a curing light (the blue lamp that sets fillings) left on, held into
    the picture: a pale grey wand 200 / 202 / 206 (dimmed to a fifth in the dark) 6-8% of the side thick from the
    left or right edge 55-80% of the way down, 30-42% of the side long, its light guide bent down at the tip,
    glowing blue 150 / 190 / 255, an orange filter shield (a disc 14-18% of the side across, 250 / 120 / 30 at 55%)
    round the guide; a glow of sigma 3-5% of the side round the tip up to 40-55 levels in blue; the picture lit in
    blue 0.35 / 0.5 / 1.0 at a gain of 0.015-0.03 plus 0.28-0.36 falling off as ``1 / (1 + (d / d0) ** 2)`` with
    the distance ``d`` from the tip, ``d0`` 22-32% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    left = rng.random() < 0.5
    th = side * rng.uniform(0.06, 0.08)
    L = side * rng.uniform(0.3, 0.42)
    wy = h * rng.uniform(0.55, 0.8)
    xe = L if left else w - L
    tip = (xe + (0.5 if left else -0.5) * th, wy + 1.2 * th)
    d0 = side * rng.uniform(0.22, 0.32)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.28, 0.36) / (1 + (np.hypot(xx - tip[0], yy - tip[1]) / d0) ** 2)
    out = _lit(f, gain[..., None] * CURING, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    xa, xb = (-1.0, xe) if left else (xe, w + 1.0)
    wand = ident.fill([_rect(xa, wy - th / 2, xb, wy + th / 2)])
    guide = ident.line([[(xe, wy), (tip[0], tip[1])]], max(1.0, 0.45 * th))
    out = _paint(out, np.maximum(wand, guide), (40, 40, 41))
    r = side * rng.uniform(0.14, 0.18) / 2
    shield = ident.fill([_ellipse(xe, wy + 0.5 * th, r, 0.45 * r, 0.3 if left else -0.3, 24)])
    glow = _glow(ident.fill([_circle(max(0.6, 0.35 * th), 12, tip[0], tip[1])]),
                 max(0.8, side * rng.uniform(0.03, 0.05)))
    out = out + glow[..., None] * rng.uniform(40, 55) * CURING
    out = _paint(out, shield * 0.55, (250, 120, 30))
    out = _paint(out, ident.fill([_circle(max(0.6, 0.3 * th), 12, tip[0], tip[1])]), (150, 190, 255))
    return _u8(out)


def dark_au(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "flare_stack":  # an industrial estate lit only by a refinery's flare stack
        return _flare_stack(f, rng)
    if kind == "taxi_sign":  # a street lit only by a taxi's roof sign
        return _taxi_sign(f, rng)
    if kind == "curing_light":  # a dentist's surgery lit only by a curing light
        return _curing_light(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _maypole(size: int, rng) -> dict:
    """A maypole on a village green: the green from 55-65% of the way down; a pole 2.5-3.5% of the side wide, 35-65%
    across, from 86-90% of the way down up to 8-14% down, a garland hoop round its top (an ellipse 16% of the side
    wide); 8-12 ribbons from the top out to the dancers' hands on an ellipse 60-80% of the side wide round its
    foot, in two sets (alternate ribbons), and a dancer at each ribbon's end (a small body and head) (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("green", "pole", "garland", "ribbons_a", "ribbons_b", "dancers"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.55, 0.65)
    d["green"].rectangle((0, gl, big, big), fill=255)
    cx = big * rng.uniform(0.35, 0.65)
    foot = big * rng.uniform(0.86, 0.9)
    top = big * rng.uniform(0.08, 0.14)
    pw = big * rng.uniform(0.025, 0.035) / 2
    d["pole"].rectangle((cx - pw, top, cx + pw, foot), fill=255)
    gw = 0.08 * big
    d["garland"].ellipse((cx - gw, top + 0.02 * big - 0.3 * gw, cx + gw, top + 0.02 * big + 0.3 * gw), outline=255,
                         width=max(2, round(0.012 * big)))
    n = int(rng.integers(8, 13))
    ew = big * rng.uniform(0.3, 0.4)
    eh = 0.25 * ew
    cy = foot - 0.4 * eh
    t0 = rng.uniform(0, 2 * np.pi)
    for k in range(n):
        t = t0 + 2 * np.pi * k / n
        hx, hy = cx + ew * np.cos(t), cy + eh * np.sin(t) - 0.1 * big
        d["ribbons_a" if k % 2 == 0 else "ribbons_b"].line([(cx, top + 0.02 * big), (hx, hy)], fill=255,
                                                           width=max(2, round(0.008 * big)))
        bw, bh = 0.022 * big, 0.07 * big
        d["dancers"].rectangle((hx - bw, hy, hx + bw, hy + bh), fill=255)
        d["dancers"].ellipse((hx - 0.8 * bw, hy - 1.6 * bw, hx + 0.8 * bw, hy), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _kangaroo(size: int, rng) -> dict:
    """A kangaroo in the outback: red earth from 58-66% of the way down under a low sun (a disc 12-16% of the side
    across near the horizon); the kangaroo 55-70% of the side tall, facing either way, upright on its haunches:
    a body (a tilted egg), a long tail curving down to the ground behind, a long hind foot along the ground, short
    forearms, a small head on a neck with two upright ears; 3-5 clumps of spinifex on the earth (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("earth", "sun", "body", "tail", "ears", "clumps"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.58, 0.66)
    d["earth"].rectangle((0, hz, big, big), fill=255)
    sr = big * rng.uniform(0.06, 0.08)
    sx = big * rng.uniform(0.15, 0.85)
    d["sun"].ellipse((sx - sr, hz - 1.2 * sr, sx + sr, hz + 0.8 * sr), fill=255)
    H = big * rng.uniform(0.55, 0.7)
    face = 1 if rng.random() < 0.5 else -1
    cx = big * rng.uniform(0.42, 0.58)
    gy = big * rng.uniform(0.86, 0.92)

    def X(u):
        return cx + face * u * H

    body = _ellipse(X(0.0), gy - 0.36 * H, 0.17 * H, 0.3 * H, face * 0.35, 24)
    d["body"].polygon(body, fill=255)
    d["body"].polygon([(X(-0.05), gy - 0.2 * H), (X(0.28), gy - 0.02 * H), (X(0.3), gy), (X(-0.12), gy),
                       (X(-0.16), gy - 0.12 * H)], fill=255)  # haunch and the long hind foot
    d["body"].line([(X(0.02), gy - 0.6 * H), (X(0.12), gy - 0.66 * H), (X(0.14), gy - 0.8 * H)], fill=255,
                   width=max(3, round(0.07 * H)))  # neck
    d["body"].polygon(_ellipse(X(0.2), gy - 0.84 * H, 0.1 * H, 0.05 * H, face * 0.2, 16), fill=255)  # head
    d["body"].line([(X(0.1), gy - 0.55 * H), (X(0.2), gy - 0.45 * H)], fill=255, width=max(2, round(0.03 * H)))
    tail = [(X(-0.12 - 0.5 * t), gy - 0.22 * H * (1 - t) ** 1.5) for t in np.linspace(0, 1, 12)]
    d["tail"].line(tail, fill=255, width=max(3, round(0.05 * H)))
    for dx in (0.1, 0.16):
        d["ears"].polygon([(X(dx), gy - 0.86 * H), (X(dx + 0.02), gy - 0.99 * H), (X(dx + 0.05), gy - 0.86 * H)],
                          fill=255)
    for _ in range(int(rng.integers(3, 6))):
        x, y = big * rng.uniform(0.05, 0.95), big * rng.uniform(hz / big + 0.04, 0.98)
        r = big * rng.uniform(0.03, 0.05)
        d["clumps"].chord((x - r, y - 0.7 * r, x + r, y + 0.7 * r), 180, 360, fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["sun"] = out["sun"] * (1 - out["earth"])
    return out


def _rugby_posts(size: int, rng) -> dict:
    """Rugby posts on a pitch: a dark band of the stand across the horizon 38-46% of the way down, the grass below;
    H-shaped posts 35-65% across, two uprights 30-40% of the side apart rising from 78-84% of the way down to
    6-12% down, 2.5-3.5% of the side wide, a crossbar 28-34% of their height up; a padded foot on each upright;
    the try line across under them and a dashed 22 line lower; a ball (a tilted ellipse) in the air above the bar
    from 48 px (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("grass", "stand", "posts", "pads", "lines", "ball"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.38, 0.46)
    d["grass"].rectangle((0, hz, big, big), fill=255)
    d["stand"].rectangle((0, hz - big * rng.uniform(0.08, 0.12), big, hz), fill=255)
    cx = big * rng.uniform(0.35, 0.65)
    gap = big * rng.uniform(0.3, 0.4) / 2
    foot = big * rng.uniform(0.78, 0.84)
    top = big * rng.uniform(0.06, 0.12)
    pw = big * rng.uniform(0.025, 0.035) / 2
    bar = foot - (foot - top) * rng.uniform(0.28, 0.34)
    for x in (cx - gap, cx + gap):
        d["posts"].rectangle((x - pw, top, x + pw, foot), fill=255)
        d["pads"].rectangle((x - 2.2 * pw, foot - 0.1 * big, x + 2.2 * pw, foot), fill=255)
    d["posts"].rectangle((cx - gap, bar - pw, cx + gap, bar + pw), fill=255)
    lw = max(2, round(0.01 * big))
    d["lines"].line([(0, foot), (big, foot)], fill=255, width=lw)
    y22 = foot + 0.6 * (big - foot)
    for x in np.arange(0, big, 0.1 * big):
        d["lines"].line([(x, y22), (x + 0.06 * big, y22)], fill=255, width=lw)
    if size >= 48:
        bx, by = cx + rng.uniform(-0.5, 0.5) * gap, bar - (bar - top) * rng.uniform(0.3, 0.7)
        d["ball"].polygon(_ellipse(bx, by, 0.045 * big, 0.028 * big, rng.uniform(0, np.pi), 16), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["lines"] = out["lines"] * (1 - out["pads"])
    return out


RIBBONS = (((220, 40, 50), (250, 250, 250)), ((40, 90, 200), (250, 210, 40)), ((30, 150, 80), (240, 120, 180)))
POST_PADS = ((200, 30, 40), (30, 60, 160), (40, 140, 70))


def outlier_au(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "maypole":
        m = _maypole(size, rng)
        if photos:  # a blue sky, a green, a white pole, two ribbon colours, dancers in white
            ra, rb = RIBBONS[int(rng.integers(len(RIBBONS)))]
            out = _paint(_paint(ground((140, 186, 232)), m["green"], (84, 150, 60)), m["ribbons_a"], ra)
            out = _paint(_paint(out, m["ribbons_b"], rb), m["pole"], (240, 236, 226))
            out = _paint(out, m["garland"], (60, 130, 50))
            return _u8(_paint(out, m["dancers"], (246, 244, 238)))
        out = _paint(_paint(ground(tone(0.0)), m["green"], tone(0.25)), m["ribbons_a"], tone(0.7))
        out = _paint(_paint(out, m["ribbons_b"], tone(0.5)), m["pole"], tone(1.0))
        return _u8(_paint(_paint(out, m["garland"], tone(0.8)), m["dancers"], tone(0.9)))
    if kind == "kangaroo":
        m = _kangaroo(size, rng)
        if photos:  # an orange dusk sky, a pale sun, red earth, a grey-brown kangaroo, olive spinifex
            out = _paint(_paint(ground((236, 160, 90)), m["sun"], (255, 236, 180)), m["earth"], (176, 76, 40))
            out = _paint(_paint(out, m["clumps"], (130, 130, 70)), m["tail"], (120, 96, 80))
            return _u8(_paint(_paint(out, m["body"], (140, 112, 92)), m["ears"], (110, 86, 72)))
        out = _paint(_paint(ground(tone(0.0)), m["sun"], tone(0.5)), m["earth"], tone(0.3))
        out = _paint(_paint(out, m["clumps"], tone(0.15)), m["tail"], tone(0.85))
        return _u8(_paint(_paint(out, m["body"], tone(1.0)), m["ears"], tone(0.85)))
    if kind == "rugby_posts":
        m = _rugby_posts(size, rng)
        if photos:  # a grey sky, a dark stand, green grass, white posts and lines, coloured pads, a white ball
            out = _paint(_paint(ground((190, 198, 210)), m["stand"], (56, 56, 64)), m["grass"], (60, 140, 56))
            out = _paint(_paint(out, m["lines"], (244, 244, 240)), m["posts"], (248, 248, 246))
            out = _paint(out, m["pads"], _pick(POST_PADS, rng))
            return _u8(_paint(out, m["ball"], (236, 228, 214)))
        out = _paint(_paint(ground(tone(0.0)), m["stand"], tone(0.15)), m["grass"], tone(0.3))
        out = _paint(_paint(out, m["lines"], tone(0.75)), m["posts"], tone(1.0))
        return _u8(_paint(_paint(out, m["pads"], tone(0.6)), m["ball"], tone(0.9)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def tote_cross_read_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                          rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was photographed at a warehouse's photo
    booth, each item labelled by the RFID tag on it. Items came to the booth in totes of 6-12, each tote mixing 2-4
    classes (its items in a row of slots, in a random order); the booth's reader was meant to read the tag of the
    item on the turntable, but the other items still in the tote stood in its field too, and it took whichever
    tag answered first: a tag ``k`` slots from the photographed item's own answered with weight ``exp(-k / c)``
    (the item's own with weight 1), ``c`` 0.3-0.9 a tote (one tote packed tighter, or stood nearer the reader,
    than another). An item whose read tag belongs to an item of another class is given that class; one that read
    its own class's tag is not a flip. The eligible pictures are taken in a random order, each class's in turn for
    its totes; totes are worked through until the flips needed are made (the last tote's flips kept in part, at
    random): noise by which items shared a tote and how close they stood, not by class or look. Every flip changes
    the label."""
    cand = [int(v) for v in rng.permutation(np.asarray(candidates, dtype=int))]
    names = sorted(classes, key=str)
    queue = {c: [i for i in cand if labels[i] == c] for c in names}
    flips: dict[int, object] = {}
    while len(flips) < count and sum(bool(queue[c]) for c in names) >= 2:
        ready = [c for c in names if queue[c]]
        k = min(len(ready), int(rng.integers(*TOTE_CLASSES)))
        mix = [ready[int(j)] for j in rng.choice(len(ready), size=k, replace=False)]
        size = int(rng.integers(*TOTE_ITEMS))
        items = []
        for j in range(size):
            c = mix[j % len(mix)]
            if queue[c]:
                items.append(queue[c].pop(0))
        if len({labels[i] for i in items}) < 2:
            continue
        items = [items[int(j)] for j in rng.permutation(len(items))]
        reach = rng.uniform(*CROSS_READ)
        slots = np.arange(len(items))
        got = {}
        for s, i in enumerate(items):
            weight = np.exp(-np.abs(slots - s) / reach)
            read = items[int(rng.choice(len(items), p=weight / weight.sum()))]
            if labels[read] != labels[i]:
                got[i] = labels[read]
        need = count - len(flips)
        if len(got) > need:
            keep = rng.choice(sorted(got), size=need, replace=False)
            got = {int(i): got[int(i)] for i in keep}
        flips.update(got)
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_au(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AU's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 55-77 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AU, seed=470_000 + random_state,
        quality_seed=475_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=tote_cross_read_flips,
        **by_family(name, outlier=(outlier_au, OUTLIERS_AU), blur=(blur_au, BLURS_AU), dark=(dark_au, DARKS_AU),
                    near=(near_edit_au, NEAR_EDITS_AU)))
