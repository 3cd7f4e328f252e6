"""Generator Q: fresh EVALUATION sets after generator P (never used to choose anything).

Why a fifteenth evaluation generator: generator P's sets were run once and their results have been seen
(docs/benchmarks.md), and the label filters tried after them were not kept; Q is a held-out measurement of the
library's code after P's run. Generator Q was written on 2026-12-04, after generator P's results were seen and before
any tool was run on it (only its files, their counts and contact sheets of its edits, blurs, darkenings and foreign
pictures were looked at, to check that every edit is visible, every blur blurred, every darkened image dark and every
outlier foreign at 28, 110 and 172 px, and the planted folders hashed twice); it is not to be changed after its
results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J,
K, L, M, N, O, P) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift,
rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left
out because an earlier generator made them or one close to them: a crumpled and flattened print (L's fold crease), a
stock photograph's watermark across the middle (L's rubber stamp, B's watermark), a pose skeleton drawn over the
picture (M's segmentation polygon), a camera monitor's focus peaking (O's zebra stripes), an LCD's backlight bleed
(H's light leak), a pop-up flash's lens shadow (I's cast shadow), an overhead cable (G's scratches, O's fence), a
coin laid beside the subject for scale (N's push pin and ruler), a bird in the sky (P's housefly), a corrupted JPEG's
shifted blocks (H's tearing glitch, G's mosaic), a panorama's stitching seam (L's halves lit differently, G's double
exposure), a picture split into a grid of posts (K's thirds grid, N's GridMask), Newton's rings from a scanner's
glass (I's moire), a phone's notch over a screenshot (the overlay box); among blurs a walking camera's figure of
eight (J's vibration wobble, P's tripod ringing), a phone's vibration motor buzzing during a drift (N's defocus on
the move), a camera dropped during the exposure (O's one-sided trail), a leaf shutter's star or a two-blade aperture's
almond (G's hexagon, L's cat's eye: the almond is where two disks overlap, Q's crescent where they do not), a
reflector's defocused donut with its spider vanes (the ring), non-glare picture-frame glass (I's frosted glass), a
contact scanner's rod-lens copies (N's light field), dye wicked along a fabric's warp and weft (a cross, as O's
scuffed cover); among darkenings a campfire or a neon sign (I's lamp, J's sodium lamp), car light trails (P's light
painting), fireflies or a starry sky (N's fairy lights and hot pixels), fireworks or a city's sky glow (N's aurora,
M's eclipse glow, F's starbursts), a star-projector night light (O's mirror ball), a keyhole or a door ajar (K's
spotlight, O's gap between fingers); among foreign pictures Rubik's cubes (K's crosswords, L's chess boards),
dominoes and dice (L's card pips), a city skyline (D's bar charts), umbrellas and pizzas seen from above (N's
dartboards), seashells and galaxies (F's spirals), tree rings (H's contour maps), feathers (O's leaves), jellyfish (a
dress on the clothing sets) and chains (0s and 8s on the digit sets); among label noise a labels file shifted by a
row or matched in name order (in its statistics a guess by class frequency, as J's), a sub-type of a class given
another class by a misread guideline (N's cluster-labelled flips) and a labeller misled by thumbnails shown too small
(L's auto-labeller on 8 x 8 thumbnails).

* ``near_duplicate`` (3%), six edits in a part of the picture and two of the whole: a model's saliency (Grad-CAM
  style) heat map saved blended over the copy (a Gaussian blob of sigma 12-18% of the side, at least 2 px, on the
  most detailed of 12 random places 25-75% of the way across and down, and 0-2 smaller ones, sigma 7-12%, at least
  1.5 px, 40-80% as hot, 10-20% of the side away, in the jet colour map, dark blue through cyan, yellow and red,
  blended in at 45-60% where the heat is above 12% of its peak, fading in up to 37%), a holographic security sticker
  over a corner of an ID or document photograph (an oval of semi-axes 12-17% of the side, at least 3 px, and 70-90%
  of that, at least 2.5 px, turned by up to 29 degrees, centred 20-28% of the side in from a random corner, a foil
  55-70% opaque whose rainbow colours change 1.5-2.5 times across it along a random direction and round a five-petal
  rosette, with three rings of brightness and a bright rim 7% of its short semi-axis wide, at least 0.6 px), a
  dashcam frame with the windscreen wiper in view (its arm rising from a pivot 5-10% of the side below the bottom
  edge, 20-80% of the way across, at 30-70 degrees over the middle of the picture, 90-115% of the side long and
  1.8-2.5% of it wide, at least 0.8 px, its rubber blade 3.5-5% wide, at least 1.2 px, along the outer 55-70% of it
  with a lit edge, near black where the scene under it is lighter than 90 levels and lit grey, 118, where it is
  darker; the sector it has just wiped, 12-25 degrees behind it, darkened by 8-14% in streaks), a rainbow cast by a
  prism held against the lens (a band of spectral colours, red to violet across it, 10-16% of the side wide, at
  least 3 px, along a line bowed by a radius of 1.2-3 sides, up to 30% of the side off the middle at any angle,
  fading along its length as a Gaussian of 22-32% of the side, screened in at 45-65% and tinting a light ground by
  15-25%; of 12 random bands the one that changes the picture most), an inkjet print with clogged nozzles, scanned
  (in 2-3 bands 4-8% of the side high, at least 2 px, 15-85% of the way down, across the columns one time in four,
  one ink, cyan, magenta or yellow, of those the picture uses at least half as much as its most used one, kept at
  only 5-35%, line by line) and an old print's emulsion flaked off (2-4 ragged patches of radius 4-9% of the side,
  at least 1.5 px, uneven by 30%, six in ten within 12% of the side of an edge, else 15-85% of the way across and
  down, showing the off-white paper base, with the broken emulsion's dark edge 0.9% of the side wide, at least
  0.6 px, at 55%); of the whole picture: the picture as a finished jigsaw puzzle, photographed (3-4 pieces a side
  below 48 px, 4-6 above, every edge with a round knob, of radius 13% of the edge on a narrow neck, to a random
  side; the cuts 0.6-0.9% of the side wide, at least 0.6 px, dark at 55-75%, a lit edge beside them at 30-40%, each
  piece lit up to 2-5% differently) and the print in a clear plastic sleeve (the film's haze taking every level
  8-14% of the way to 235, and 2-3 wrinkles in it, 45-90% of the side long, bowed by up to 15% of the side, centred
  20-80% of the way across and down at any angle, catching the light: a glare 1.5-3% of the side wide, at least
  0.7 px, white at 45-65% in a halo of 18%, and a shadow beside it taking 12% of the light);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): a lens pinched in a three-point mount (the spot diagram of a wavefront of trefoil with 1.0-1.6
  times as much defocus and up to 0.15 times as much spherical aberration, either sign, at a random turn, its
  farthest ray 7.5-10% of the side out, at least 2.5 px: a three-cusped, triangular caustic, softened by 0.5 px),
  a print on absorbent paper whose ink bled along the fibres (an exponential spread of 2-3% of the side, at least
  0.7 px, along the paper's grain, at a random angle, and 55-75% of that across it, with 40-55% of the ink carried
  out along 50-100 fibres at angles spread about the grain either way, a von Mises of concentration 1-2.5, each of
  an exponentially drawn length of mean 6-9% of the side, at least 2 px, at most three times that, fading along it)
  and a lens cap dangling part-way over the front of an out-of-focus lens (the defocus disk, radius 5.5-8% of the
  side, at least 1.8 px, less the cap's disk, 0.9-1.1 times as large, 0.6-1.0 radii off its middle in a random
  direction: a crescent, centred on its centroid, the exposure made up);
* ``dark`` (2%): a night storm lit by a lightning bolt (the picture at a gain of 0.02-0.035 in a cool cast; a jagged
  bolt from the top edge, 15-85% of the way across, in steps of 3-5% of the side, at least 1.5 px, wandering
  sideways by 0.8 of a step, down to 55-85% of the height, with 1-3 thinner branches, near white, 0.8-1.2% of the
  side wide, at least 0.6 px, in a violet-white glow of sigma 2-3.5% of the side, at least 0.8 px, of 60-110 levels;
  the scene near it lit at a further 0.08-0.14, falling off as a Gaussian of 20-30% of the side, the clouds along
  the top by 8-16 levels, unevenly; noise sigma 1.2 levels), a harbour at night (the picture at a gain of
  0.015-0.035 in a blue cast; 2-5 lights on a horizon 35-55% of the way down, each a dot of sigma 1.2% of the side,
  at least 0.6 px, and its reflection glittering down the water below: dashes of period 2.5-4% of the side, at
  least 2 px, lengthening to twice that at the bottom and broken unevenly, in a path 1.5-3% of the side either side
  at the horizon widening by 6-10% to the bottom, swaying by 2-4% of the side, 90-180 levels of warm, white, red,
  green or blue light fading by 40% to the bottom; noise sigma 1.2 levels) and snow falling at night, shot with the
  flash (the picture at a gain of 0.03-0.055, slightly cool, and 25-45 flakes below 48 px, 60-120 above, near the
  lens and lit, of radius 0.6-3.5% of the side, at least 0.5 px, drawn log-uniformly, at 50-150 levels, the larger
  the softer and, past half the largest size, with a brighter rim; noise sigma 1.2 levels);
* ``outlier`` (1.5%): sailing boats (the sea below a horizon 55-68% of the way down with 2-3 wave lines below 48 px,
  3-6 above; a hull 40-61% of the side long, 30-70% of the way across, a mast about as tall, a mainsail, a jib
  seven times in ten and a pennant, facing either way and heeling by up to 12 degrees; above 48 px half the time a
  second, smaller boat further off), chest radiographs (the chest's soft tissue, its density uneven by 15%, the
  dark lungs, the heart's shadow, the spine's vertebrae, the clavicles, 5-6 pairs of ribs below 48 px and 9-11 above,
  half the time the upper arms, six times in ten a lead marker letter in a top corner; zoomed to 72-100% and moved
  within the frame, turned by up to 8 degrees, at a contrast of gamma 0.8-1.25) and hot-air balloons (one or two
  below 48 px, one to three above, the first of radius 20-32% of the side, the others 8-14% and higher up, each an
  envelope of 5-7 gores below 48 px and 8-14 above in alternating colours, half the time with a band round it,
  shaded as a sphere lit from one side, and a basket on ropes); the digit and clothing sets get them in their own
  tones on their dark ground, the photographs as boats with white, cream, red, orange or navy sails and white, navy,
  red or wooden hulls on a deep blue sea with white crests under a blue sky, a grey radiograph film (blue-grey half
  the time, as on a light box) and balloons in two or three of seven colours in a blue sky with a brown basket;
* ``label`` (5%): *upside-down* flips: the labelling tool showed the pictures turned by 180 degrees (their orientation
  flag lost) and the labeller, working fast, gave some of them the class they look like that way up: each eligible
  example's turned 8 x 8 grey thumbnail (standardised) is compared with every class's mean thumbnail the right way
  up, and the flips are drawn uniformly among the quarter of the eligible examples (twice the flips needed at least)
  whose turned view is most clearly nearer another class's mean than its own (by the difference of the squared
  distances), each given that nearest other class: a look-alike not of the picture but of the picture upside down.
  Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
Q's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 151), MNIST (2,000, seed 152), and the evaluation photographs tiled at 110 px (35 tiles a photograph at most,
seed 153: 440) and at 172 px (every tile, seed 154: 235), sizes no other set uses. ``photos110_q_jpeg`` is written
as JPEG files, each at a quality drawn from 70-88 (a stream of its own, seed ``175_000 + random_state``), every edit,
blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``170_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J, K, L, M, N, O and P).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import _grid, by_family, plant_generator
from _heldout_k import _most_detail, _paint, _scaled, _turn
from _heldout_l import _smooth_field
from _heldout_p import _ellipse
from PIL import Image

from dataquality.datasets import PlantedDataset

EVALUATION_Q = ("fashion_test_q", "mnist_q", "photos110_q_jpeg", "photos172_q")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_Q = {
    "fashion_test_q": ("fashion_test", 151),
    "mnist_q": ("mnist", 152),
    "photos110_q_jpeg": ("photos", 153, 110, 12, 35),
    "photos172_q": ("photos", 154, 172, 8, 1000),
}
JPEG_QUALITY = (70, 89)  # the JPEG set's qualities: integers in [low, high)
RATES_Q = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_Q = ("saliency_map", "hologram", "wiper", "prism_rainbow", "clogged_nozzles", "emulsion_flaking",
                "jigsaw", "plastic_sleeve")
BLURS_Q = ("pinched_lens", "ink_bleed", "dangling_cap")
DARKS_Q = ("lightning", "harbour_glitter", "snow_flash")
OUTLIERS_Q = ("sailboat", "radiograph", "balloon")
THUMB = 8  # side of the grey thumbnails the upside-down views are compared on


def load_base_q(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_Q, "Q")


def _hues(t: np.ndarray) -> np.ndarray:
    """Fully saturated colours (0-1, ... x 3) of hue ``t`` (0 red, 1/3 green, 2/3 blue)."""
    return np.clip(np.abs(((t[..., None] * 6 + np.array([0.0, 4.0, 2.0])) % 6) - 3) - 1, 0, 1).astype(np.float32)


def _jet(v: np.ndarray) -> np.ndarray:
    """The "jet" colour map (0-1, ... x 3): dark blue through cyan, yellow and red to dark red."""
    return np.clip(1.5 - np.abs(4 * v[..., None] - np.array([3.0, 2.0, 1.0])), 0, 1).astype(np.float32)


def _wobble(n: int, rng, terms: int = 4) -> np.ndarray:
    """A smooth periodic random profile of ``n`` samples round a circle, of unit spread."""
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    v = sum(rng.normal(0, 1 / k) * np.cos(k * t + rng.uniform(0, 2 * np.pi)) for k in range(2, 2 + terms))
    return v / (np.std(v) + 1e-9)


# -- near copies -----------------------------------------------------------------------------
def _saliency_map(f: np.ndarray, rng) -> np.ndarray:
    """A copy saved with a model's saliency (Grad-CAM style) heat map blended over the part it looked at: a
    blob of heat in the jet colour map, blended in only where the heat is above an eighth of its peak."""
    h, w = f.shape[:2]
    side = min(h, w)
    cy, cx = _most_detail(f.mean(axis=2), side * 0.15, 0.25, 0.75, rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    s = max(2.0, side * rng.uniform(0.12, 0.18))
    heat = np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * s * s))
    for _ in range(int(rng.integers(0, 3))):  # 0-2 smaller hot spots beside it
        a, d = rng.uniform(0, 2 * np.pi), side * rng.uniform(0.1, 0.2)
        s2 = max(1.5, side * rng.uniform(0.07, 0.12))
        heat += rng.uniform(0.4, 0.8) * np.exp(-((yy - cy - d * np.sin(a)) ** 2 + (xx - cx - d * np.cos(a)) ** 2)
                                               / (2 * s2 * s2))
    heat /= heat.max()
    alpha = (rng.uniform(0.45, 0.6) * np.clip((heat - 0.12) / 0.25, 0, 1))[..., None]
    return _u8(f * (1 - alpha) + 255 * _jet(heat) * alpha)


def _hologram(f: np.ndarray, rng) -> np.ndarray:
    """A holographic security sticker over a corner of an ID or document photograph: a translucent oval foil
    showing rainbow colours that change across it and round a rosette, fine rings, and a bright rim."""
    h, w = f.shape[:2]
    side = min(h, w)
    a = max(3.0, side * rng.uniform(0.12, 0.17))
    b = max(2.5, a * rng.uniform(0.7, 0.9))
    corner = int(rng.integers(4))
    cx, cy = side * rng.uniform(0.2, 0.28), side * rng.uniform(0.2, 0.28)
    cx, cy = (w - cx if corner & 1 else cx), (h - cy if corner & 2 else cy)
    ang = rng.uniform(-0.5, 0.5)
    outline = _ellipse(cx, cy, a, b, ang, 64)
    foil = _drawn((h, w), lambda d, k: d.polygon(_scaled(outline, k), fill=255))
    rim = _drawn((h, w), lambda d, k: d.line(_scaled(outline + outline[:1], k), fill=255,
                                            width=max(1, round(max(0.6, 0.07 * b) * k))))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    u = (xx - cx) * np.cos(ang) + (yy - cy) * np.sin(ang)
    v = (yy - cy) * np.cos(ang) - (xx - cx) * np.sin(ang)
    r, th = np.hypot(u / a, v / b), np.arctan2(v / b, u / a)
    psi = rng.uniform(0, 2 * np.pi)
    phase = rng.uniform(1.5, 2.5) * (u * np.cos(psi) + v * np.sin(psi)) / (2 * a) + 0.2 * np.cos(
        5 * th + rng.uniform(0, 2 * np.pi)) * r
    colour = 255 * (0.35 + 0.65 * _hues(phase % 1.0)) * (0.8 + 0.2 * np.cos(2 * np.pi * 3 * r))[..., None]
    alpha = rng.uniform(0.55, 0.7) * foil[..., None]
    out = f * (1 - alpha) + colour * alpha
    return _u8(_paint(out, rim * 0.85, (236, 236, 242)))


def _wiper(f: np.ndarray, rng) -> np.ndarray:
    """A dashcam frame with the windscreen wiper in view: its arm and rubber blade rising from a pivot below
    the bottom edge, black against a light scene and lit grey against a dark one, with a lit edge, and the wet
    film it has just wiped, a little darker and streaked."""
    h, w = f.shape[:2]
    side = min(h, w)
    px, py = w * rng.uniform(0.2, 0.8), h + side * rng.uniform(0.05, 0.1)
    lean = 1.0 if px < w / 2 else -1.0  # leaning over the middle of the picture
    ang = np.deg2rad(rng.uniform(30, 70))  # above the horizontal
    L = side * rng.uniform(0.9, 1.15)
    ux, uy = lean * np.cos(ang), -np.sin(ang)
    arm_w = max(0.8, side * rng.uniform(0.018, 0.025))
    blade_w = max(1.2, side * rng.uniform(0.035, 0.05))
    t0 = rng.uniform(0.3, 0.45)  # the blade covers the arm's outer part
    off = (arm_w + blade_w) / 2  # beside the arm, on its upper side
    nx, ny = -uy * lean, ux * lean
    b0 = (px + t0 * L * ux - off * nx, py + t0 * L * uy - off * ny)
    b1 = (px + L * ux - off * nx, py + L * uy - off * ny)
    arm = _drawn((h, w), lambda d, k: d.line([(k * px, k * py), (k * (px + L * ux), k * (py + L * uy))], fill=255,
                                             width=max(1, round(arm_w * k))))
    blade = _drawn((h, w), lambda d, k: d.line(_scaled([b0, b1], k), fill=255, width=max(1, round(blade_w * k))))
    edge = _drawn((h, w), lambda d, k: d.line(_scaled([(b0[0] - 0.4 * blade_w * nx, b0[1] - 0.4 * blade_w * ny),
                                                       (b1[0] - 0.4 * blade_w * nx, b1[1] - 0.4 * blade_w * ny)], k),
                                              fill=255, width=max(1, round(max(0.5, 0.25 * blade_w) * k))))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    phi = np.arctan2(py - yy, lean * (xx - px))  # above the horizontal, on the blade's side
    sweep, soft = np.deg2rad(rng.uniform(12, 25)), np.deg2rad(4)
    wet = np.clip((phi - ang + sweep) / soft, 0, 1) * np.clip((ang - phi) / soft + 1, 0, 1) * \
        (np.hypot(yy - py, xx - px) < L)
    streaks = 0.7 + 0.3 * np.cos(2 * np.pi * np.hypot(yy - py, xx - px) / max(2.0, side * 0.05))
    out = f * (1 - rng.uniform(0.08, 0.14) * wet * streaks)[..., None]
    under = float((f.mean(axis=2) * np.maximum(arm, blade)).sum() / max(float(np.maximum(arm, blade).sum()), 1e-6))
    # black rubber against a light scene; against a dark one lit grey by the street lights
    dark = np.array([24, 24, 26] if under >= 90 else [118, 118, 124], np.float32) * rng.uniform(0.85, 1.15)
    out = _paint(_paint(out, arm, dark), blade, dark * 0.8)
    return _u8(_paint(out, edge * blade * 0.7, (150, 152, 160) if under >= 90 else (205, 205, 212)))


def _prism_rainbow(f: np.ndarray, rng) -> np.ndarray:
    """A rainbow cast across part of the picture by a prism held against the lens: a band of spectral colours,
    red on one side to violet on the other, fading out along its length, screened in; of 12 random bands the
    one that changes the picture most."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _grid(h, w)
    best, out = -1.0, f
    for _ in range(12):
        ang = rng.uniform(0, np.pi)
        u = xx * np.cos(ang) + yy * np.sin(ang)
        v = yy * np.cos(ang) - xx * np.sin(ang)
        v = v - u ** 2 / (2 * side * rng.uniform(1.2, 3.0) * rng.choice([-1, 1]))  # slightly curved
        width = max(3.0, side * rng.uniform(0.1, 0.16))
        t = (v - side * rng.uniform(-0.3, 0.3)) / width + 0.5
        along = np.exp(-0.5 * ((u - side * rng.uniform(-0.25, 0.25)) / (side * rng.uniform(0.22, 0.32))) ** 2)
        band = (np.clip(np.sin(np.pi * np.clip(t, 0, 1)), 0, 1) ** 0.7 * along)[..., None]
        colour = _hues(0.75 * np.clip(t, 0, 1))
        alpha = rng.uniform(0.45, 0.65)
        cand = 255 - (255 - f) * (1 - alpha * band * colour)  # screened in
        cand = cand * (1 - rng.uniform(0.15, 0.25) * band * (1 - colour))  # and tinting a light ground
        score = float(np.abs(cand - f).mean())
        if score > best:
            best, out = score, cand
    return _u8(out)


def _clogged_nozzles(f: np.ndarray, rng) -> np.ndarray:
    """An inkjet print with clogged nozzles, scanned: in 2-3 bands across the print (down it one time in four)
    one of its inks, cyan, magenta or yellow, mostly missing, unevenly from line to line."""
    h, w = f.shape[:2]
    side = min(h, w)
    across = rng.random() < 0.25
    g = np.ascontiguousarray(f.transpose(1, 0, 2)) if across else f.copy()
    ink = 255 - g.reshape(-1, 3).mean(axis=0)
    inks = np.flatnonzero(ink >= 0.5 * ink.max())  # an ink the picture uses
    c = int(inks[int(rng.integers(len(inks)))])  # cyan (red channel), magenta (green) or yellow (blue)
    out = g.copy()
    n = g.shape[0]
    for _ in range(int(rng.integers(2, 4))):
        hgt = max(2, round(side * rng.uniform(0.04, 0.08)))
        y0 = int(np.clip(round(rng.uniform(0.15, 0.85) * n - hgt / 2), 0, n - hgt))
        keep = rng.uniform(0.05, 0.35, hgt)[:, None]
        out[y0: y0 + hgt, :, c] = 255 - (255 - g[y0: y0 + hgt, :, c]) * keep
    return _u8(out.transpose(1, 0, 2) if across else out)


def _emulsion_flaking(f: np.ndarray, rng) -> np.ndarray:
    """An old print whose emulsion has flaked off in 2-4 ragged patches, most of them near an edge: the paper
    base shows there, off-white, with the broken emulsion's dark edge round it."""
    h, w = f.shape[:2]
    side = min(h, w)
    patches = []
    for _ in range(int(rng.integers(2, 5))):
        r = max(1.5, side * rng.uniform(0.04, 0.09))
        if rng.random() < 0.6:  # near an edge
            e, t, d = int(rng.integers(4)), rng.uniform(0.1, 0.9), side * rng.uniform(0.0, 0.12)
            cx, cy = [(t * w, d), (t * w, h - d), (d, t * h), (w - d, t * h)][e]
        else:
            cx, cy = rng.uniform(0.15, 0.85) * w, rng.uniform(0.15, 0.85) * h
        th = np.linspace(0, 2 * np.pi, 48, endpoint=False)
        rad = r * np.clip(1 + 0.3 * _wobble(48, rng, 6), 0.4, 1.8)
        patches.append(list(zip(cx + rad * np.cos(th), cy + rad * np.sin(th))))
    lw = max(0.6, side * 0.009)
    bare = _drawn((h, w), lambda d, k: [d.polygon(_scaled(p, k), fill=255) for p in patches])
    edge = _drawn((h, w), lambda d, k: [d.line(_scaled(p + p[:1], k), fill=255, width=max(1, round(lw * k)))
                                        for p in patches])
    paper = np.array([238, 232, 214], np.float32) * rng.uniform(0.94, 1.0)
    return _u8(_paint(_paint(f, edge * 0.55, (55, 45, 35)), bare, paper))


def _knob_edge(p0, p1, s: float) -> list[tuple[float, float]]:
    """A jigsaw piece's edge from ``p0`` to ``p1`` with its round knob in the middle, on side ``s`` (+-1)."""
    a = np.deg2rad(np.linspace(214, -34, 24))
    unit = [(0.0, 0.0), (0.35, 0.0), (0.4, 0.04), (0.38, 0.12)] + \
        list(zip(0.5 + 0.13 * np.cos(a), 0.2 + 0.13 * np.sin(a))) + [(0.62, 0.12), (0.6, 0.04), (0.65, 0.0),
                                                                      (1.0, 0.0)]
    (x0, y0), (x1, y1) = p0, p1
    dx, dy = x1 - x0, y1 - y0
    return [(x0 + t * dx - s * o * dy, y0 + t * dy + s * o * dx) for t, o in unit]


def _jigsaw(f: np.ndarray, rng) -> np.ndarray:
    """The picture as a finished jigsaw puzzle, photographed: the cut lines between its pieces, each edge with
    a round knob on a random side, a dark gap and a lit edge along them, and the pieces lying a little unevenly
    (each lit a few per cent differently)."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(3, 5)) if side < 48 else int(rng.integers(4, 7))
    pw, ph = w / n, h / n
    edges = []
    for i in range(1, n):
        for j in range(n):
            edges.append(_knob_edge((i * pw, j * ph), (i * pw, (j + 1) * ph), float(rng.choice([-1, 1]))))
            edges.append(_knob_edge((j * pw, i * ph), ((j + 1) * pw, i * ph), float(rng.choice([-1, 1]))))
    lw = max(0.6, side * rng.uniform(0.006, 0.009))
    a = rng.uniform(0, 2 * np.pi)
    lit = np.array([np.cos(a), np.sin(a)]) * lw  # the side the light comes from
    cut = _drawn((h, w), lambda d, k: [d.line(_scaled(e, k), fill=255, width=max(1, round(lw * k))) for e in edges])
    glint = _drawn((h, w), lambda d, k: [d.line(_scaled([(x + lit[0], y + lit[1]) for x, y in e], k), fill=255,
                                                width=max(1, round(lw * k))) for e in edges])
    gain = 1 + rng.uniform(0.02, 0.05) * rng.uniform(-1, 1, (n, n))
    rows = np.minimum((np.arange(h) / ph).astype(int), n - 1)
    cols = np.minimum((np.arange(w) / pw).astype(int), n - 1)
    out = f * gain[rows][:, cols][..., None]
    out = _paint(out, glint * (1 - cut) * rng.uniform(0.3, 0.4), (240, 240, 236))
    return _u8(_paint(out, cut * rng.uniform(0.55, 0.75), (22, 20, 18)))


def _plastic_sleeve(f: np.ndarray, rng) -> np.ndarray:
    """The print in a clear plastic sleeve, photographed: the film's slight haze over all of it and 2-3
    wrinkles in the film catching the light, each a curved glare streak with a soft halo and a faint shadow
    beside it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    out = f + (235 - f) * rng.uniform(0.08, 0.14)
    for _ in range(int(rng.integers(2, 4))):
        a = rng.uniform(0, np.pi)
        L = side * rng.uniform(0.45, 0.9)
        mx, my = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
        bend = side * rng.uniform(-0.15, 0.15)
        t = np.linspace(-0.5, 0.5, 40)
        pts = [(mx + s * L * np.cos(a) - (1 - 4 * s * s) * bend * np.sin(a),
                my + s * L * np.sin(a) + (1 - 4 * s * s) * bend * np.cos(a)) for s in t]
        lw = max(0.7, side * rng.uniform(0.015, 0.03))
        sh = [(x + 1.5 * lw * np.sin(a), y - 1.5 * lw * np.cos(a)) for x, y in pts]
        core = _drawn((h, w), lambda d, k: d.line(_scaled(pts, k), fill=255, width=max(1, round(lw * k)),
                                                  joint="curve"))
        shadow = _drawn((h, w), lambda d, k: d.line(_scaled(sh, k), fill=255, width=max(1, round(lw * k)),
                                                    joint="curve"))
        halo = gaussian_filter(core, 1.5 * lw)
        halo /= max(float(halo.max()), 1e-6)
        out = out * (1 - 0.12 * shadow * (1 - core))[..., None]
        out = _paint(out, np.clip(0.18 * halo + rng.uniform(0.45, 0.65) * core, 0, 1), (250, 250, 250))
    return _u8(out)


def near_edit_q(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "saliency_map":  # a model's heat map left blended over the part it looked at
        return _saliency_map(f, rng)
    if kind == "hologram":  # a holographic security sticker over a corner
        return _hologram(f, rng)
    if kind == "wiper":  # a dashcam frame with the windscreen wiper in view
        return _wiper(f, rng)
    if kind == "prism_rainbow":  # a rainbow cast by a prism held at the lens
        return _prism_rainbow(f, rng)
    if kind == "clogged_nozzles":  # an inkjet print with bands missing one ink
        return _clogged_nozzles(f, rng)
    if kind == "emulsion_flaking":  # an old print's emulsion flaked off in patches
        return _emulsion_flaking(f, rng)
    if kind == "jigsaw":  # the picture as a finished jigsaw puzzle
        return _jigsaw(f, rng)
    if kind == "plastic_sleeve":  # the print in a clear plastic sleeve
        return _plastic_sleeve(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _spot_kernel(dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
    """A kernel from ray intercepts (``dx``, ``dy`` px from the middle; a spot diagram), 4 x 4 bins a pixel."""
    r = int(np.ceil(max(np.abs(dx).max(), np.abs(dy).max()) + 0.5)) + 1
    n = 2 * r + 1
    edges = np.linspace(-r - 0.5, r + 0.5, 4 * n + 1)
    k, _, _ = np.histogram2d(dy.ravel(), dx.ravel(), bins=(edges, edges))
    return k.reshape(n, 4, n, 4).sum(axis=(1, 3)).astype(np.float32)


def _pinched_kernel(radius: float, defocus: float, spherical: float, phi: float) -> np.ndarray:
    """The spot diagram of a lens pinched in a three-point mount: the transverse ray errors of a wavefront of
    trefoil (unit coefficient, turned by ``phi``), ``defocus`` and ``spherical`` aberration over a round pupil,
    scaled so that the farthest ray lands ``radius`` px from the middle (a three-cusped caustic)."""
    n_r, n_t = 96, 240
    rho = np.sqrt((np.arange(n_r) + 0.5) / n_r)[:, None]  # rings of equal area
    th = (np.arange(n_t) + 0.5) / n_t * 2 * np.pi
    x, y = rho * np.cos(th), rho * np.sin(th)
    xr, yr = x * np.cos(phi) + y * np.sin(phi), -x * np.sin(phi) + y * np.cos(phi)
    tx, ty = 3 * (xr ** 2 - yr ** 2), -6 * xr * yr  # the gradient of xr^3 - 3 xr yr^2, in the turned frame
    gx, gy = tx * np.cos(phi) - ty * np.sin(phi), tx * np.sin(phi) + ty * np.cos(phi)
    radial = 4 * defocus + spherical * (24 * (x ** 2 + y ** 2) - 12)
    gx, gy = gx + radial * x, gy + radial * y
    scale = radius / float(np.hypot(gx, gy).max())
    return _spot_kernel(gx * scale, gy * scale)


def _ink_kernel(lam: float, length: float, aniso: float, psi: float, share: float, rng) -> np.ndarray:
    """Ink wicked into absorbent paper: an exponential spread of ``lam`` px along the paper's grain (``psi``)
    and ``aniso`` times that across it, and a ``share`` of the ink carried out along 50-100 fibres, most of them
    along the grain either way, each of a random length of mean ``length`` px, fading along it (4 x 4 samples
    a pixel)."""
    from scipy.ndimage import gaussian_filter

    r = int(np.ceil(3 * length + 3 * lam)) + 1
    n = 2 * r + 1
    sub = (np.arange(4 * n) + 0.5) / 4 - (r + 0.5)
    yy, xx = np.meshgrid(sub, sub, indexing="ij")
    u = xx * np.cos(psi) + yy * np.sin(psi)
    v = yy * np.cos(psi) - xx * np.sin(psi)
    core = np.exp(-np.hypot(u, v / aniso) / lam)
    fib = np.zeros_like(core)
    kappa = rng.uniform(1.0, 2.5)
    for _ in range(int(rng.integers(50, 101))):
        a = psi + np.pi * int(rng.integers(2)) + rng.vonmises(0.0, kappa)
        L = min(3 * length, rng.exponential(length))
        s = np.arange(0, L, 0.25)
        x0, y0 = rng.normal(0, 0.5 * lam, 2)
        iy = np.clip(np.round((y0 + s * np.sin(a) + r + 0.5) * 4 - 0.5).astype(int), 0, 4 * n - 1)
        ix = np.clip(np.round((x0 + s * np.cos(a) + r + 0.5) * 4 - 0.5).astype(int), 0, 4 * n - 1)
        np.add.at(fib, (iy, ix), np.exp(-s / length))
    fib = gaussian_filter(fib, 1.2)
    k = (1 - share) * core / core.sum() + share * fib / max(float(fib.sum()), 1e-9)
    return k.reshape(n, 4, n, 4).sum(axis=(1, 3)).astype(np.float32)


def _cap_kernel(radius: float, cap: float, offset: float, ang: float) -> np.ndarray:
    """Defocus through a lens partly covered by a dangling lens cap: the pupil's disk of ``radius`` px less the
    cap's disk of radius ``cap`` whose middle is ``offset`` px off at angle ``ang``, a crescent; centred on its
    centroid (4 x 4 samples a pixel)."""

    def crescent(cy: float, cx: float, r: int) -> np.ndarray:
        sub = (np.arange(4 * (2 * r + 1)) + 0.5) / 4 - (r + 0.5)
        yy, xx = np.meshgrid(sub + cy, sub + cx, indexing="ij")
        return ((np.hypot(yy, xx) <= radius) & (np.hypot(yy - offset * np.sin(ang), xx - offset * np.cos(ang)) > cap)
                ).astype(np.float32)

    r = int(np.ceil(radius)) + 1
    m = crescent(0.0, 0.0, r)
    sub = (np.arange(m.shape[0]) + 0.5) / 4 - (r + 0.5)
    cy, cx = float((m.sum(axis=1) * sub).sum() / m.sum()), float((m.sum(axis=0) * sub).sum() / m.sum())
    r = int(np.ceil(radius + np.hypot(cy, cx))) + 1
    m = crescent(cy, cx, r)  # sampled about the centroid: the picture stays put
    n = 2 * r + 1
    return m.reshape(n, 4, n, 4).sum(axis=(1, 3))


def blur_q(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "pinched_lens":  # a lens pinched in its mount: a trefoil caustic
        k = _pinched_kernel(max(2.5, side * rng.uniform(0.075, 0.1)), rng.uniform(1.0, 1.6),
                            rng.uniform(0.0, 0.15) * rng.choice([-1, 1]), rng.uniform(0, 2 * np.pi / 3))
        from scipy.ndimage import gaussian_filter

        return _u8(_fft_blur(f, gaussian_filter(k, 0.5)))
    if kind == "ink_bleed":  # printed on absorbent paper: the ink wicked along its fibres
        k = _ink_kernel(max(0.7, side * rng.uniform(0.02, 0.03)), max(2.0, side * rng.uniform(0.06, 0.09)),
                        rng.uniform(0.55, 0.75), rng.uniform(0, np.pi), rng.uniform(0.4, 0.55), rng)
        return _u8(_fft_blur(f, k))
    if kind == "dangling_cap":  # out of focus, a lens cap hanging part-way over the lens: a crescent
        radius = max(1.8, side * rng.uniform(0.055, 0.08))
        k = _cap_kernel(radius, radius * rng.uniform(0.9, 1.1), radius * rng.uniform(0.6, 1.0),
                        rng.uniform(0, 2 * np.pi))
        return _u8(_fft_blur(f, k))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _bolt(h: int, w: int, side: int, rng) -> list[list[tuple[float, float]]]:
    """A lightning bolt from the top edge: a jagged main channel down 55-85% of the height and 1-3 branches."""
    step = max(1.5, side * rng.uniform(0.03, 0.05))
    x, y, end = w * rng.uniform(0.15, 0.85), -1.0, h * rng.uniform(0.55, 0.85)
    main = [(x, y)]
    while y < end:
        y += step * rng.uniform(0.6, 1.2)
        x += step * rng.normal(0, 0.8)
        main.append((x, y))
    paths = [main]
    for _ in range(int(rng.integers(1, 4))):
        j = int(rng.integers(1, max(2, len(main) - 1)))
        (x, y), drift = main[j], rng.choice([-1, 1]) * rng.uniform(0.4, 1.0)
        branch = [(x, y)]
        for _ in range(max(2, int((len(main) - j) * rng.uniform(0.3, 0.5)))):
            y += step * rng.uniform(0.5, 1.0)
            x += step * (drift + rng.normal(0, 0.6))
            branch.append((x, y))
        paths.append(branch)
    return paths


GLITTER_COLOURS = np.array([[1.0, 0.78, 0.45], [1.0, 0.95, 0.85], [1.0, 0.3, 0.25], [0.35, 1.0, 0.5],
                            [0.55, 0.7, 1.0]], np.float32)


def dark_q(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "lightning":  # a night storm lit by a lightning bolt
        paths = _bolt(h, w, side, rng)
        lw = max(0.6, side * rng.uniform(0.008, 0.012))
        widths = [lw] + [0.6 * lw] * (len(paths) - 1)  # the branches thinner
        bolt = _drawn((h, w), lambda d, k: [d.line(_scaled(p, k), fill=255, width=max(1, round(v * k)))
                                            for p, v in zip(paths, widths)])
        glow = gaussian_filter(bolt, max(0.8, side * rng.uniform(0.02, 0.035)))
        glow /= max(float(glow.max()), 1e-6)
        near = gaussian_filter(bolt, side * rng.uniform(0.2, 0.3))
        near /= max(float(near.max()), 1e-6)
        x0 = paths[0][0][0]
        clouds = np.exp(-yy / (side * 0.15) - np.abs(xx - x0) / (side * 0.5)) * np.clip(
            1 + 0.6 * _smooth_field((h, w), side * 0.08, rng), 0, 2)
        cool = np.array([0.85, 0.9, 1.1], np.float32)
        gain = rng.uniform(0.02, 0.035) * cool + rng.uniform(0.08, 0.14) * near[..., None] * np.array([0.9, 0.92, 1.0])
        out = f * gain + rng.uniform(8, 16) * clouds[..., None] * np.array([0.75, 0.75, 0.95]) + \
            rng.uniform(60, 110) * glow[..., None] * np.array([0.8, 0.8, 1.0])
        return _u8(_paint(out, bolt, (245, 245, 255)) + noise)
    if kind == "harbour_glitter":  # a harbour at night: the quay's lights reflected as glittering paths
        horizon = h * rng.uniform(0.35, 0.55)
        out = f * rng.uniform(0.015, 0.035) * np.array([0.8, 0.9, 1.15], np.float32)
        below = np.clip((yy - horizon) / (h - horizon), 0, 1)
        for _ in range(int(rng.integers(2, 6))):
            x0 = w * rng.uniform(0.1, 0.9)
            colour = GLITTER_COLOURS[int(rng.integers(len(GLITTER_COLOURS)))]
            half = side * (rng.uniform(0.015, 0.03) + rng.uniform(0.06, 0.1) * below)
            sway = side * rng.uniform(0.02, 0.04) * np.interp(yy[:, 0], np.linspace(0, h, 12),
                                                             rng.normal(0, 1, 12))[:, None]
            period = max(2.0, side * rng.uniform(0.025, 0.04)) * (1 + below)
            jitter = np.interp(yy[:, 0], np.linspace(0, h, 24), rng.uniform(0, 1, 24))[:, None]
            dashes = np.clip(np.cos(2 * np.pi * ((yy - horizon) / period + jitter)), 0, 1) ** 2
            path = np.exp(-((xx - x0 - sway) / half) ** 2) * dashes * (yy > horizon) * (1 - 0.4 * below)
            lamp = np.exp(-((yy - horizon) ** 2 + (xx - x0) ** 2) / (2 * max(0.6, side * 0.012) ** 2))
            out = out + rng.uniform(90, 180) * np.clip(path + lamp, 0, 1)[..., None] * colour
        return _u8(out + noise)
    if kind == "snow_flash":  # snowing at night, shot with the flash: the flakes near the lens lit
        out = f * rng.uniform(0.03, 0.055) * np.array([0.92, 0.96, 1.05], np.float32)
        flakes = np.zeros((h, w), np.float32)
        for _ in range(int(rng.integers(25, 46)) if side < 48 else int(rng.integers(60, 121))):
            r = max(0.5, side * np.exp(rng.uniform(np.log(0.006), np.log(0.035))))
            cy, cx = rng.uniform(0, h), rng.uniform(0, w)
            d = np.hypot(yy - cy, xx - cx)
            near = r / (side * 0.035)  # the larger, the nearer the lens: softer and with a brighter rim
            disc = np.clip((r - d) / max(0.5, 0.35 * r * near) + 0.5, 0, 1)
            rim = np.exp(-((d - 0.8 * r) / max(0.5, 0.15 * r)) ** 2) * (near > 0.5) * 0.4
            flakes = np.maximum(flakes, rng.uniform(50, 150) * np.clip(disc * (0.75 + rim), 0, 1.2))
        return _u8(out + flakes[..., None] * np.array([0.95, 0.97, 1.0]) + noise)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _down(img: Image.Image, size: int, ang: float = 0.0) -> np.ndarray:
    if ang:
        img = img.rotate(ang, Image.BILINEAR, fillcolor=0)
    return np.asarray(img.resize((size, size), Image.BOX), np.float32) / 255


def _sailboat(size: int, rng) -> dict[str, np.ndarray]:
    """Sailing boats on the sea: the sea below a horizon, wave lines, and for each boat its hull, mast, mainsail,
    jib (seven times in ten) and pennant (0-1 coverage each), facing either way, heeling by up to 12 degrees; one
    boat below 48 px, else one or two (the second smaller, further)."""
    from PIL import ImageDraw

    big = 4 * size
    horizon = big * rng.uniform(0.55, 0.68)
    layers = {k: Image.new("L", (big, big), 0) for k in ("sea", "waves", "hull", "mast", "sail", "jib", "flag")}
    ImageDraw.Draw(layers["sea"]).rectangle((0, horizon, big, big), fill=255)
    lw = max(2, round(big * 0.012))
    for j in range(int(rng.integers(2, 4)) if size < 48 else int(rng.integers(3, 7))):
        y = horizon + (big - horizon) * (j + rng.uniform(0.4, 0.9)) / (4 if size < 48 else 7)
        xs = np.linspace(0, big, 40)
        ys = y + big * 0.012 * np.sin(2 * np.pi * xs / (big * rng.uniform(0.12, 0.2)) + rng.uniform(0, 6.3))
        ImageDraw.Draw(layers["waves"]).line(list(zip(xs, ys)), fill=255, width=lw)
    boats = 1 if size < 48 else int(rng.integers(1, 3))
    for b in range(boats):
        s = big * (rng.uniform(0.42, 0.64) if b == 0 else rng.uniform(0.22, 0.3))
        cx = big * (rng.uniform(0.3, 0.7) if b == 0 else rng.choice([rng.uniform(0.12, 0.22), rng.uniform(0.78, 0.88)]))
        wl = horizon + (big - horizon) * (rng.uniform(0.3, 0.6) if b == 0 else 0.05)
        face = rng.choice([-1, 1])
        heel = rng.uniform(-12, 12)
        hull = [(cx + face * x * s, wl + y * s) for x, y in ((-0.45, -0.1), (0.5, -0.1), (0.3, 0.06), (-0.4, 0.06))]
        mx = cx - 0.05 * s * face
        top = wl - s * rng.uniform(1.0, 1.2)
        mast = [(mx, wl - 0.1 * s), (mx, top)]
        sail = [(mx - 0.02 * s * face, top + 0.04 * s), (mx - 0.02 * s * face, wl - 0.18 * s),
                (mx - s * rng.uniform(0.38, 0.48) * face, wl - 0.18 * s)]
        jib = [(mx + 0.03 * s * face, top + 0.12 * s), (mx + 0.03 * s * face, wl - 0.16 * s),
               (mx + s * rng.uniform(0.32, 0.42) * face, wl - 0.16 * s)]
        flag = [(mx, top), (mx, top + 0.08 * s), (mx - 0.14 * s * face, top + 0.04 * s)]
        turn = lambda pts: _turn(pts, cx, wl, np.deg2rad(heel))  # noqa: E731
        ImageDraw.Draw(layers["hull"]).polygon(turn(hull), fill=255)
        ImageDraw.Draw(layers["mast"]).line(turn(mast), fill=255, width=max(2, round(s * 0.025)))
        ImageDraw.Draw(layers["sail"]).polygon(turn(sail), fill=255)
        if rng.random() < 0.7:  # a jib (else a catboat: the mainsail alone)
            ImageDraw.Draw(layers["jib"]).polygon(turn(jib), fill=255)
        ImageDraw.Draw(layers["flag"]).polygon(turn(flag), fill=255)
    return {k: _down(v, size) for k, v in layers.items()}


def _radiograph(size: int, rng) -> np.ndarray:
    """A chest radiograph (0-1, bones light), each framed and exposed its own way: the soft tissue of the chest
    (its density uneven), the dark lungs, the heart's shadow, the spine's vertebrae, the clavicles, 5-6 pairs of
    ribs below 48 px and 9-11 above, half the time the upper arms at the sides, and six times in ten a lead
    marker letter in a top corner; zoomed to 72-100% and moved within the frame, turned by up to 8 degrees, at a
    random contrast."""
    from PIL import ImageDraw
    from scipy.ndimage import gaussian_filter

    big = 4 * size
    z = rng.uniform(0.72, 1.0)
    ox, oy = rng.uniform(-1, 1, 2) * (1 - z) / 2
    P = lambda pts: [(big * ((x - 0.5) * z + 0.5 + ox), big * ((y - 0.5) * z + 0.5 + oy)) for x, y in pts]  # noqa: E731
    body, lungs, heart, bone = (Image.new("L", (big, big), 0) for _ in range(4))
    wide, neck, waist = rng.uniform(0.88, 1.08), rng.uniform(0.02, 0.08), rng.uniform(0.34, 0.44)
    ImageDraw.Draw(body).polygon(P([(0.5 - 0.42 * wide, 0.12 + neck), (0.5 - 0.24 * wide, neck), (0.5 + 0.24 * wide, neck),
                                    (0.5 + 0.42 * wide, 0.12 + neck), (0.5 + waist, 1.1), (0.5 - waist, 1.1)]), fill=255)
    top, lh, lw_ = rng.uniform(0.12, 0.2), rng.uniform(0.6, 0.75), rng.uniform(0.12, 0.17)
    for sgn in (-1, 1):
        lx = 0.5 + sgn * (0.05 + lw_) * wide
        ImageDraw.Draw(lungs).ellipse(P([(lx - lw_ * wide, top), (lx + lw_ * wide, top + lh)]), fill=255)
    hx, hy = 0.5 + rng.uniform(0.03, 0.1), top + lh * rng.uniform(0.45, 0.55)
    hw, hh = rng.uniform(0.11, 0.16), rng.uniform(0.14, 0.2)
    ImageDraw.Draw(heart).ellipse(P([(hx - hw, hy), (hx + hw * 0.85, hy + 2 * hh)]), fill=255)
    d = ImageDraw.Draw(bone)
    sw = rng.uniform(0.035, 0.05)
    for y in np.arange(neck, 1.05, rng.uniform(0.055, 0.075)):  # the vertebrae
        d.rectangle(P([(0.5 - sw, y), (0.5 + sw, y + 0.045)]), fill=255)
    pairs = int(rng.integers(5, 7)) if size < 48 else int(rng.integers(9, 12))
    rw = max(2, round(big * z * (0.035 if size < 48 else 0.022)))
    span, arch, droop = rng.uniform(0.6, 0.72), rng.uniform(0.03, 0.07), rng.uniform(0.08, 0.16)
    for k in range(pairs):
        y0 = top - 0.02 + span * k / pairs
        for sgn in (-1, 1):
            t = np.linspace(0, 1, 24)
            xs = 0.5 + sgn * (sw + 0.01 + 0.36 * wide * np.sin(np.pi * t / 2))
            ys = y0 - arch * np.sin(np.pi * t * 0.9) + droop * t ** 2
            d.line(P(list(zip(xs, ys))), fill=255, width=rw, joint="curve")
    tilt = rng.uniform(-0.03, 0.03)
    for sgn in (-1, 1):  # the clavicles
        d.line(P([(0.5 + sgn * 0.05, 0.1 + neck), (0.5 + sgn * 0.2, 0.07 + neck + sgn * tilt),
                  (0.5 + sgn * 0.34 * wide, 0.05 + neck + 2 * sgn * tilt)]), fill=255, width=round(rw * 1.2),
               joint="curve")
        if rng.random() < 0.5:  # the upper arm
            d.line(P([(0.5 + sgn * 0.4 * wide, 0.1 + neck), (0.5 + sgn * 0.47 * wide, 0.6)]), fill=255,
                   width=round(rw * 1.8))
    marker = Image.new("L", (big, big), 0)
    if rng.random() < 0.6:  # a lead marker letter, L, in a top corner
        mx, my, m = big * rng.choice([0.08, 0.86]), big * rng.uniform(0.05, 0.1), big * 0.06
        ImageDraw.Draw(marker).line([(mx, my), (mx, my + m), (mx + 0.6 * m, my + m)], fill=255,
                                    width=max(2, round(m * 0.22)))
    arr = lambda im: np.asarray(im, np.float32) / 255  # noqa: E731
    tissue = np.clip(1 + 0.15 * _smooth_field((big, big), big * 0.08, rng), 0.6, 1.4)
    v = 0.06 + arr(body) * (0.3 * tissue - 0.17 * arr(lungs) + 0.2 * arr(heart) + 0.35 * arr(bone))
    v = np.clip(gaussian_filter(v, big * 0.006), 0, 1) ** rng.uniform(0.8, 1.25)
    v = np.maximum(v, 0.95 * arr(marker))
    return _down(Image.fromarray(np.clip(v * 255, 0, 255).astype(np.uint8)), size, rng.uniform(-8, 8))


def _balloons(size: int, rng) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """Hot-air balloons, one or two below 48 px, else one to three (the others smaller, further): each its
    envelope's coverage, the index of its gore (vertical panel; -1 for a band round it, half the time) at each
    place, the envelope's shading (0-1) and the basket and ropes' coverage."""
    from PIL import ImageDraw

    big = 4 * size
    yy, xx = np.mgrid[0:big, 0:big].astype(np.float32) + 0.5
    out = []
    n = int(rng.integers(1, 3)) if size < 48 else int(rng.integers(1, 4))
    for b in range(n):
        R = big * (rng.uniform(0.2, 0.32) if b == 0 else rng.uniform(0.08, 0.14))
        cx = big * (rng.uniform(0.3, 0.7) if b == 0 else rng.uniform(0.12, 0.88))
        cy = big * (rng.uniform(0.25, 0.42) if b == 0 else rng.uniform(0.12, 0.3))
        t = (yy - cy) / (1.15 * R)
        half = np.where(yy <= cy, np.sqrt(np.clip(R ** 2 - (yy - cy) ** 2, 0, None)),
                        R * (1 - 0.78 * np.clip(t, 0, 1) ** 1.3))
        inside = (np.abs(xx - cx) < half) & (yy >= cy - R) & (yy <= cy + 1.15 * R)
        s = np.clip((xx - cx) / np.maximum(half, 1e-6), -1, 1)
        theta = np.arcsin(s)
        gores = int(rng.integers(5, 8)) if size < 48 else int(rng.integers(8, 15))
        gore = np.floor((theta + np.pi / 2) / (np.pi / gores) + rng.uniform(0, 1)).astype(int)
        if rng.random() < 0.5:  # a band of another colour round its widest part
            gore = np.where(np.abs(yy - cy - R * rng.uniform(-0.1, 0.3)) < R * rng.uniform(0.1, 0.18), -1, gore)
        shade = 0.7 + 0.3 * np.cos(theta - 0.4) * np.clip(1 - 0.3 * (yy - cy) / R, 0.6, 1)
        kit = Image.new("L", (big, big), 0)
        d = ImageDraw.Draw(kit)
        my, mw = cy + 1.15 * R, 0.22 * R
        bw, bh, by = 0.2 * R, 0.18 * R, my + 0.28 * R
        lw = max(2, round(R * 0.03))
        d.line([(cx - mw, my), (cx - bw / 2, by)], fill=255, width=lw)
        d.line([(cx + mw, my), (cx + bw / 2, by)], fill=255, width=lw)
        d.rectangle((cx - bw / 2, by, cx + bw / 2, by + bh), fill=255)
        env = Image.fromarray((inside * 255).astype(np.uint8))
        down = lambda a: np.asarray(Image.fromarray(a.astype(np.float32)).resize((size, size), Image.BOX),  # noqa: E731
                                    np.float32)
        g = np.asarray(Image.fromarray((gore + 1).astype(np.uint8)).resize((size, size), Image.NEAREST)).astype(int) - 1
        out.append((_down(env, size), g, down(shade * inside), _down(kit, size)))
    return out


SAIL_COLOURS = ((245, 245, 240), (240, 232, 210), (210, 40, 40), (245, 150, 30), (30, 60, 150))
HULL_COLOURS = ((245, 245, 245), (25, 40, 90), (180, 30, 30), (150, 100, 55))
BALLOON_COLOURS = ((220, 30, 40), (250, 200, 30), (30, 90, 200), (40, 160, 70), (245, 245, 240), (240, 120, 30),
                   (130, 50, 160))


def outlier_q(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    yy = (np.arange(size, dtype=np.float32)[:, None, None] + 0.5) / size
    if kind == "sailboat":
        m = _sailboat(size, rng)
        if photos:  # a blue sky, a darker sea with white wave crests, coloured sails and hull
            sky = np.array([110, 165, 225], np.float32) * (1 - yy) + np.array([200, 225, 245], np.float32) * yy
            out = _paint(np.broadcast_to(sky, (size, size, 3)).copy(), m["sea"],
                         np.array([25, 80, 130]) * rng.uniform(0.8, 1.15))
            out = _paint(out, m["waves"] * m["sea"] * 0.8, (225, 235, 245))
            colours = {"hull": HULL_COLOURS[int(rng.integers(len(HULL_COLOURS)))], "mast": (120, 110, 100),
                       "sail": SAIL_COLOURS[int(rng.integers(len(SAIL_COLOURS)))],
                       "jib": SAIL_COLOURS[int(rng.integers(len(SAIL_COLOURS)))], "flag": (220, 30, 30)}
        else:
            out = _paint(_paint(ground([lo] * 3), m["sea"], tone(0.25)), m["waves"] * m["sea"], tone(0.55))
            colours = {"hull": tone(0.65), "mast": tone(0.8), "sail": tone(1.0), "jib": tone(0.85), "flag": tone(0.7)}
        for k in ("hull", "sail", "jib", "mast", "flag"):
            out = _paint(out, m[k], colours[k])
        return _u8(out)
    if kind == "radiograph":
        v = _radiograph(size, rng)
        if photos:  # a film on a light box, grey or slightly blue
            tint = np.array([0.86, 0.93, 1.0], np.float32) if rng.random() < 0.5 else np.ones(3, np.float32)
            return _u8((12 + 235 * v[..., None]) * tint)
        return _u8(np.repeat((lo + (hi - lo) * np.clip(v / 0.6, 0, 1))[..., None], 3, axis=2))
    if kind == "balloon":
        if photos:  # in a blue sky with a haze towards the horizon
            out = (np.array([70, 130, 210], np.float32) * (1 - yy) + np.array([190, 215, 240], np.float32) * yy) * \
                rng.uniform(0.9, 1.05)
            out = np.broadcast_to(out, (size, size, 3)).copy()
        else:
            out = ground([lo] * 3)
        for env, gore, shade, kit in _balloons(size, rng):
            if photos:
                pal = np.array([BALLOON_COLOURS[int(j)] for j in rng.choice(len(BALLOON_COLOURS), 3, replace=False)],
                               np.float32)
                cols = np.where((gore < 0)[..., None], pal[2], pal[gore % int(rng.integers(2, 4))])
                cols = cols * np.clip(shade / np.maximum(env, 1e-6), 0, 1)[..., None]
                out = _paint(out, kit, (90, 60, 35))
            else:
                t = np.where(gore < 0, 0.75, np.where(gore % 2 == 0, 1.0, 0.45)) * np.clip(shade / np.maximum(env, 1e-6),
                                                                                          0, 1)
                cols = (lo + (hi - lo) * t)[..., None] * np.ones(3, np.float32)
                out = _paint(out, kit, tone(0.7))
            out = out * (1 - env[..., None]) + cols * env[..., None]
        return _u8(out)
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def _thumbs(pictures) -> np.ndarray:
    """``THUMB`` x ``THUMB`` grey thumbnails, each standardised, flattened."""
    t = np.stack([np.asarray(Image.fromarray(np.asarray(a, np.uint8)).convert("L").resize((THUMB, THUMB), Image.BOX),
                             np.float32).ravel() for a in pictures])
    t -= t.mean(axis=1, keepdims=True)
    return t / (t.std(axis=1, keepdims=True) + 1e-6)


def upside_down_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                      rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the labelling tool showed the pictures turned by 180
    degrees (a lost orientation flag) and the labeller gave some of them the class they look like that way up:
    each eligible example's turned thumbnail is compared with every class's mean thumbnail the right way up, and
    the flips are drawn uniformly among the quarter of the ``candidates`` (twice ``count`` at least) whose turned
    view is most clearly nearer another class's mean than its own (by the difference of the squared distances),
    each given that nearest other class."""
    lab = np.asarray([classes.index(v) for v in labels])
    upright = _thumbs(base)
    means = np.stack([upright[lab == k].mean(axis=0) for k in range(len(classes))])
    cand = np.asarray(candidates, dtype=int)
    turned = _thumbs([np.asarray(base[i])[::-1, ::-1] for i in cand])
    d = ((turned[:, None, :] - means[None]) ** 2).sum(axis=2)
    own = d[np.arange(len(cand)), lab[cand]]
    d[np.arange(len(cand)), lab[cand]] = np.inf
    other = d.argmin(axis=1)
    margin = d[np.arange(len(cand)), other] - own  # < 0: the turned view looks more like another class
    pool = np.argsort(margin, kind="stable")[: max(len(cand) // 4, 2 * count)]  # the most convincing quarter
    picked = rng.permutation(pool)[:count]
    return {int(cand[j]): classes[int(other[j])] for j in picked}


# -- planting ------------------------------------------------------------------------------
def plant_issues_q(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator Q's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 70-88 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_Q, seed=170_000 + random_state,
        quality_seed=175_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=upside_down_flips,
        **by_family(name, outlier=(outlier_q, OUTLIERS_Q), blur=(blur_q, BLURS_Q), dark=(dark_q, DARKS_Q),
                    near=(near_edit_q, NEAR_EDITS_Q)))
