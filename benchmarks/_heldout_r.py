"""Generator R: fresh EVALUATION sets after generator Q (never used to choose anything).

Why a sixteenth evaluation generator: generator Q's sets were run once and their results have been seen
(docs/benchmarks.md); R is a held-out measurement of the library's code after Q's run. Generator R was written on
2026-12-04, after generator Q's results were seen and before any tool was run on it (only its files, their counts and
contact sheets of its edits, blurs, darkenings and foreign pictures were looked at, to check that every edit is
visible, every blur blurred, every darkened image dark and every outlier foreign at 28, 118 and 168 px, and the
planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings,
foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian,
soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no
earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q) and none of the
library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast,
gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left out because an earlier
generator made them or one close to them: an aircraft's contrail (G's scratches, the glare along Q's sleeve's
wrinkles), a photographer's or a phone's shadow over the subject (I's cast shadow), a laser pointer's dot (N's flash
hot spot), a screenshot's on-screen keyboard or notification banner (J's caption bar), a video call's
picture-in-picture self view (O's navigator), a microscope's scale bar or a figure's colour bar (N's ruler), a crop
tool's dimmed surround and corner handles (K's focus brackets, L's labelling box), a cigarette burn (M's binder
holes, Q's flaked emulsion), a clothes hanger's hook (N's paper clip), a fiducial marker beside the subject (N's
colour chart), a segmentation tool's click points (M's polygon vertices), a scribbled-over redaction (the overlay
box, K's marker); of the whole picture a cartoon filter (D's posterisation; and its ink lines would not show on the
dark grounds), a Landsat 7 scene's no-data stripes (N's GridMask), an ID-photo sheet of four copies (P's photo-booth
frame), a television's vertical roll (the calibration's shift, H's tear), craquelure (Q's jigsaw), a seam-carved copy
(E's stretch, on the digit and clothing sets), a transposed copy (K's mirror, L's turn), solarisation (M's
inversion); among blurs a soap-bubble bokeh (the ring and the soft disk), a tetrafoil caustic (Q's trefoil), a
three-blade or keyhole-shaped aperture (G's hexagon), a Bahtinov mask left on a telescope (O's scuffed cover's
streaks), a sieve soft-focus lens (N's light-field copies, F's soft focus), a zone plate (F's soft focus, P's
pinhole), an unbalanced motor's circular shake (the ring), a panning wide-angle lens's curved streaks (O's
parallax); among darkenings a bedside clock's digits or an exit sign (I's lamp, as for Q's neon sign), a building's
lit windows (O's mirror ball), oncoming headlamps (I's lamp), a rim-lit subject (F's relief), wildfire smoke's
orange daylight or a dimmed tungsten bulb (J's sodium lamp, P's tarnished brown), glow-in-the-dark paint after the
lights went out (M's blacklight), a pool's caustics at night (K's deep water), a foggy night's veil (H's dim
screen); among foreign pictures bookshelves (D's bar charts), pie charts and Venn diagrams (D's charts), cars and
trains from the side (a sneaker on the clothing sets), guitars and tennis rackets (an 8 or a 9 on the digit sets),
mugs (a bag on the clothing sets), sunflowers (F's spirals), constellation charts (I's transit maps), Mondrian grids
(G's Voronoi cells), flowcharts (K's schematics); among label noise a catch-all class for the odd pictures (G's
attractor classes), a labeller shown the pictures cropped (Q's turned view), a crowd's majority vote (K's per-class
error profiles) and class names completed as typed (nothing to complete on the digit sets).

* ``near_duplicate`` (3%), six edits in a part of the picture and two of the whole: a wisp of steam or smoke rising
  across the picture, as over a hot drink (a plume from a point 25-75% of the way across and 65-92% down, rising
  50-75% of the side at up to 20 degrees from the vertical, 3-4.5% of the side to either side at its source, at
  least 1.2 px, widening to 10-15%, at least 3 px, swaying by up to 6-12% of the side, curled by a smooth random displacement of
  1.5-3% of the side and broken up by turbulence, fading in over its first 8% and out over its last 45%, at 55-75%:
  white against a dark ground, grey, 140, against a light one), a CCD camera's smear (the picture's brightest spot,
  by its level, by how much brighter it is than its surroundings and by how dark its column is, at least 10% of the
  width from the side edges:
  its light added down its whole column at 45-70% in a stripe 1.2-2% of the side to either side, at least 0.6 px,
  and blooming up and down the column over 5-9% of the side, at least 1.5 px, in the spot's own colour half-way to white), a
  passer-by walking through a long exposure (a person's silhouette, head, shoulders, hanging arms and legs, 75-110%
  of the side tall, its head 5-30% of the way down, 25-75% of the way across, 0.9-1.15 times as broad as usual,
  smeared sideways over 10-22% of the side, at least 3 px, within 8 degrees of the horizontal, at 50-75%: near black
  where the scene under it is lighter than 90 levels, lit grey, 125, where it is darker), a picture taken through a
  manual-focus camera's viewfinder, out of focus (within 3% of the side of the middle the focusing screen's
  split-image circle of radius 10-14% of the side, at least 2.5 px, split across or, four times in ten, at 45
  degrees, its halves showing the picture moved apart by 4-7% of the side, at least 1.2 px, either way along the
  split; a microprism collar out to 1.6-1.9 radii, in cells of 2.5-4% of the side, at least 1 px, each showing the
  picture moved by 1.5-3% of the side, at least 0.8 px, one of four ways; the rims of both and the split dark at
  40-60%, 0.7% of the side wide, at least 0.5 px), a copy saved with the data after a Patch Gaussian augmentation (a
  square of 28-45% of the side, at least 6 px, centred 25-75% of the way across and down, with Gaussian noise of
  sigma 40-70 levels added, per channel or, half the time, the same in all three) and sunlight through a glass of
  water standing on the print (the glass's shadow, an ellipse 30-45% of the side long and 16-24% wide along the
  light at any angle, centred 35-65% of the way across and down, softened by 3% of the side, at least 0.7 px, taking
  30-45% of the light; inside it the caustic, the two branches of a semicubical cusp 0.8-1.2% of the side wide, at
  least 0.9 px, each 36-44% of the shadow's width off its axis at their open end, meeting 10-25% of its length past its middle,
  brightest near the cusp, with a glow of sigma 2.5-4% of the side, at least 1 px, screened in warm white at 70-90%,
  and a faint red fringe outside them); of the whole picture: a protective filter's ghost (the picture turned by 180
  degrees about a point 3-8% of the side from the middle, enlarged 1.0-1.06 times, softened by 0.8-1.6% of the side,
  at least 0.5 px, and added in linear light at 20-35%, green, magenta or white as the filter's coating reflects)
  and a screenshot of an annotation tool's superpixel view (the picture's SLIC superpixels, 9-16 of them below
  48 px, else 35-80 for every 100 px of the side, compactness 8-20, outlined by 1 px lines in a bright tool colour at 75-95%);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the shutter button pressed too hard (the camera jabbed 10-16% of the side, at least 3 px, in any
  direction and bounced 55-85% of the way back along a line 12-30 degrees off it, the jab taking 30-45% of the
  exposure, easing in and out of each stroke: a V-shaped kernel, brightest at its three ends, centred on its
  centroid), a picture out of focus through a wire mesh pressed against the lens, as through a zoo's cage (the
  defocus disk, radius 6-9% of the side, at least 2 px, crossed by the shadows of the mesh's two sets of wires,
  0.45-0.75 radii apart and 25-40% of that thick, at a random turn and offset) and an over-exposed negative's
  irradiation (the light spread in the emulsion the further the more exposure it had: each of five brightness
  levels of the picture spread by an exponential, exp(-r / length), its length from 0.45-0.55 of the longest for
  the darkest to 3.5-5% of the side, at least 1.2 px, for the brightest, and the spreads summed);
* ``dark`` (2%): a night shot at a sensor's highest gain, photon-starved (each channel a Poisson count of 4-10
  photons a pixel at full white, in linear light, the night sky adding 0.05-0.2, read noise of 0.5 photons, shown
  with full white at 2.5-5% of full scale in linear light, slightly cool: a dim, grainy picture), the lights behind
  a night scene out of focus (the picture at a gain of 0.025-0.05, slightly cool; 4-7 discs below 48 px, 6-12
  above, of radius 6-12% of the side, at least 1.5 px, anywhere, some partly outside, flat with a brighter rim, of
  30-90 levels of warm white, amber, red, green or blue light; noise sigma 1.2 levels) and a car park at night
  lit by a few fluorescent tubes in the picture (2-4 parallel tubes 28-56% of the side long, centred 25-75% of the
  way across and 8-50% down, all turned by up to 25 degrees about the middle, one time in four from the vertical;
  each a near white bar 1.6-2.8% of the side wide, at least 1.2 px, with a glow of 30-60 levels falling off over 2%
  of the side, at least 0.7 px, lighting the picture at a gain of 0.1-0.2 falling off as ``1 / (1 + (d / d0) ** 2)``
  with the distance d from it, d0 12-20% of the side, in a slightly green white; elsewhere a gain of 0.02-0.04;
  noise sigma 1.2 levels);
* ``outlier`` (1.5%): aquariums (sand along the bottom from 84-90% of the way down, 1-2 water plants below 48 px,
  2-4 above, each of 2-3 swaying blades 30-60% of the side tall; one or two fish below 48 px, two to four above, the
  first 45-62% of the side long below 48 px, 34-48% above, the others 16-28%, each a body, a forked tail, a dorsal
  and a ventral fin, an eye and half the time two or three bands across the body, facing either way, turned by up
  to 15 degrees; a column of 2-4 bubbles below 48 px, 4-8 above), football pitches seen from above (the whole pitch,
  its long side 86-96% of the picture, across or down, turned by up to 5 degrees, the grass in 12-16 mowing stripes,
  the touch and goal lines, the halfway line, the centre circle and spot, both penalty and goal areas, the penalty
  spots and arcs and the goals; from 48 px half the time two teams of 6-11 players as dots) and mountain landscapes
  (a sun, a far range of 2-4 peaks with snow on them, a nearer, lower range and half the time a lake from 68-80% of
  the way down mirroring both, with ripple lines; from 48 px a row of pines along the near range's foot); the digit
  and clothing sets get them in their own tones on their dark ground, the photographs as orange, yellow, blue, red or
  silver fish in blue-green water over pale sand among green plants, a pitch of green stripes with white lines and
  two teams in two of red, blue, yellow and white, and a blue or dawn sky over blue-grey snow-capped peaks, green
  hills, dark pines and a dark blue lake;
* ``label`` (5%): *first-yes* flips: the labelling tool asks of each picture "is it a ...?" for one class after
  another, in one fixed random order, and the labeller, working fast, accepts the first class the picture looks
  enough like: an example's gap to a class is the squared distance of its 8 x 8 grey thumbnail (standardised) to
  that class's mean thumbnail less the squared distance to its own class's mean; the labeller's threshold is the
  smallest gap at which a quarter of the eligible examples (twice the flips needed at least) have a class asked
  before their own within it, and the flips are drawn uniformly among those, each given the first class asked that
  is within the threshold: a look-alike, but the one asked first rather than the nearest, so that the classes asked
  early draw most of the flips. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
R's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 161), MNIST (2,000, seed 162), and the evaluation photographs tiled at 118 px (35 tiles a photograph at most,
seed 163: 430) and at 168 px (every tile, seed 164: 274), sizes no other set uses. ``photos118_r_jpeg`` is written
as JPEG files, each at a quality drawn from 80-95 (a stream of its own, seed ``185_000 + random_state``), every edit,
blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``180_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J, K, L, M, N, O, P and
Q).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint, _scaled, _turn
from _heldout_l import TOOL_COLOURS, _smooth_field
from _heldout_o import _path_kernel
from _heldout_p import _centred, _ellipse
from _heldout_q import _down, _thumbs
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_R = ("fashion_test_r", "mnist_r", "photos118_r_jpeg", "photos168_r")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_R = {
    "fashion_test_r": ("fashion_test", 161),
    "mnist_r": ("mnist", 162),
    "photos118_r_jpeg": ("photos", 163, 118, 12, 35),
    "photos168_r": ("photos", 164, 168, 8, 1000),
}
JPEG_QUALITY = (80, 96)  # the JPEG set's qualities: integers in [low, high)
RATES_R = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_R = ("steam", "ccd_smear", "passer_by", "split_focus", "patch_gaussian", "glass_caustic",
                "filter_ghost", "superpixels")
BLURS_R = ("shutter_jab", "mesh_bokeh", "irradiation")
DARKS_R = ("photon_starved", "night_bokeh", "strip_lights")
OUTLIERS_R = ("aquarium", "football_pitch", "mountains")


def load_base_r(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_R, "R")


def _pixels(h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-centre coordinates (y, x) in px from the top left corner."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return yy + 0.5, xx + 0.5


def _segment_distance(yy, xx, p0, p1) -> np.ndarray:
    """Each pixel's distance (px) to the segment from ``p0`` to ``p1`` (x, y)."""
    (x0, y0), (x1, y1) = p0, p1
    dx, dy = x1 - x0, y1 - y0
    t = np.clip(((xx - x0) * dx + (yy - y0) * dy) / max(dx * dx + dy * dy, 1e-9), 0, 1)
    return np.hypot(xx - x0 - t * dx, yy - y0 - t * dy)


# -- near copies -----------------------------------------------------------------------------
def _steam(f: np.ndarray, rng) -> np.ndarray:
    """A wisp of steam (or smoke) rising across part of the picture, as over a hot drink in a food photograph: a
    translucent plume widening as it rises from a point low in the picture, swaying and curling, broken up by
    turbulence, fading at its source and towards its top; lit white against a dark ground, grey against a light
    one."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    x0, y0 = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.65, 0.92)
    L = side * rng.uniform(0.5, 0.75)
    tilt = np.tan(np.deg2rad(rng.uniform(-20, 20)))
    w0, w1 = max(1.2, side * rng.uniform(0.03, 0.045)), max(3.0, side * rng.uniform(0.1, 0.15))
    warp = side * rng.uniform(0.015, 0.03) * _smooth_field((h, w), side * 0.05, rng)  # the curls
    s = y0 - yy  # height above the source
    u = np.clip(s / L, 0, 1)
    sway = side * rng.uniform(0.06, 0.12) * u ** 1.3 * np.sin(2 * np.pi * (u * rng.uniform(0.8, 1.6)
                                                                        + rng.uniform(0, 1)))
    width = w0 + (w1 - w0) * u
    d = (xx + warp - x0 - tilt * s - sway) / width
    along = np.clip(s / (0.08 * L), 0, 1) * np.clip((L - s) / (0.45 * L), 0, 1)
    turbulence = np.clip(0.75 + 0.4 * _smooth_field((h, w), max(1.0, side * 0.035), rng), 0.25, 1.3)
    alpha = rng.uniform(0.55, 0.75) * np.clip(np.exp(-d * d) * along * turbulence, 0, 1)
    under = float((f.mean(axis=2) * alpha).sum() / max(float(alpha.sum()), 1e-6))
    # lit white against a dark ground; against a light one grey, as smoke seen against the light
    return _u8(_paint(f, alpha, (236, 238, 242) if under < 150 else (140, 142, 148)))


def _ccd_smear(f: np.ndarray, rng) -> np.ndarray:
    """Shot with a CCD camera (a frame-transfer sensor read out without a shutter): the brightest spot of the
    picture (by its level, by how much brighter it is than its surroundings and by how dark its column is, away
    from the side edges) smeared along its whole column, a stripe of its light from the top edge to the bottom, and the saturated
    spot itself blooming up and down the column."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    lum = gaussian_filter(f.mean(axis=2), max(0.7, side * 0.03))
    # bright, brighter than round it, and in a column with darker parts (where a smear shows)
    spot = lum + 0.5 * (lum - gaussian_filter(lum, side * 0.15)) - 0.3 * lum.mean(axis=0)[None, :]
    spot[:, : round(w * 0.1)] = spot[:, w - round(w * 0.1):] = -np.inf  # not at the side edges
    spots = np.flatnonzero(spot.ravel() >= spot.max() - 0.02 * max(float(spot.max()), 1.0))
    cy, cx = divmod(int(spots[int(rng.integers(len(spots)))]), w)
    col = np.array([gaussian_filter(f[..., c], max(0.7, side * 0.03))[cy, cx] for c in range(3)], np.float32)
    tint = 0.5 * 255 + 0.5 * 255 * col / max(float(col.max()), 1.0)  # the spot's own colour, towards white
    hw = max(0.6, side * rng.uniform(0.012, 0.02))
    across = np.exp(-((xx - cx - 0.5) / hw) ** 2)
    bloom = across * np.exp(-((yy - cy - 0.5) / max(1.5, side * rng.uniform(0.05, 0.09))) ** 2)
    light = np.clip(rng.uniform(0.45, 0.7) * across + bloom, 0, 1)
    return _u8(f + light[..., None] * tint)


def _passer_by(f: np.ndarray, rng) -> np.ndarray:
    """A passer-by walking through a long exposure: a person's silhouette (head, shoulders, arms, legs) standing
    up from the bottom edge, smeared sideways as they walked and translucent as they were there for part of the
    exposure only; dark clothes against a light scene, lit grey against a dark one."""
    from scipy.signal import fftconvolve

    h, w = f.shape[:2]
    side = min(h, w)
    H = side * rng.uniform(0.75, 1.1)  # the person's height
    top = h * rng.uniform(0.05, 0.3)
    cx = w * rng.uniform(0.25, 0.75)
    k = rng.uniform(0.9, 1.15)  # build
    body = [(-0.04, 0.11), (0.04, 0.11), (0.125, 0.15), (0.155, 0.2), (0.165, 0.47), (0.12, 0.48), (0.11, 0.3),
            (0.1, 0.52), (0.09, 1.4), (0.01, 1.4), (0.0, 0.58), (-0.01, 1.4), (-0.09, 1.4), (-0.1, 0.52),
            (-0.11, 0.3), (-0.12, 0.48), (-0.165, 0.47), (-0.155, 0.2), (-0.125, 0.15)]
    body = [(cx + x * H * k, top + y * H) for x, y in body]
    head = _ellipse(cx, top + 0.065 * H, 0.05 * H * k, 0.065 * H, 0.0, 32)
    m = _drawn((h, w), lambda d, s: [d.polygon(_scaled(p, s), fill=255) for p in (body, head)])
    length = max(3.0, side * rng.uniform(0.1, 0.22))
    a = np.deg2rad(rng.uniform(-8, 8))
    pts = [(t * np.cos(a), t * np.sin(a)) for t in np.linspace(-length / 2, length / 2, 48)]
    kern = _path_kernel(pts, np.ones(len(pts)), 0.5)
    smear = np.clip(fftconvolve(m, kern / kern.sum(), mode="same"), 0, 1)
    under = float((f.mean(axis=2) * smear).sum() / max(float(smear.sum()), 1e-6))
    dark = np.array([30, 28, 27] if under >= 90 else [125, 122, 120], np.float32) * rng.uniform(0.85, 1.15)
    return _u8(_paint(f, smear * rng.uniform(0.5, 0.75), dark))


def _split_focus(f: np.ndarray, rng) -> np.ndarray:
    """Photographed through a manual-focus camera's viewfinder ("through the viewfinder"), slightly out of
    focus: in the middle the focusing screen's split-image circle, its two halves showing the picture moved
    apart along the split, a microprism collar round it breaking the picture into a shimmer of small displaced
    cells, and the thin dark rims of both and of the split."""
    from scipy.ndimage import shift

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cy, cx = h / 2 + side * rng.uniform(-0.03, 0.03), w / 2 + side * rng.uniform(-0.03, 0.03)
    R = max(2.5, side * rng.uniform(0.1, 0.14))
    R2 = R * rng.uniform(1.6, 1.9)
    ang = 0.0 if rng.random() < 0.6 else float(rng.choice([-1, 1])) * np.pi / 4
    d = max(1.2, side * rng.uniform(0.04, 0.07))
    moved = lambda dy, dx: shift(f, (dy, dx, 0), order=1, mode="nearest")  # noqa: E731
    r = np.hypot(yy - cy, xx - cx)
    v = (yy - cy) * np.cos(ang) - (xx - cx) * np.sin(ang)  # across the split
    t = np.clip(v + 0.5, 0, 1)[..., None]
    split = moved(d * np.sin(ang), d * np.cos(ang)) * (1 - t) + moved(-d * np.sin(ang), -d * np.cos(ang)) * t
    inner = np.clip(R - r + 0.5, 0, 1)
    out = f * (1 - inner[..., None]) + split * inner[..., None]
    p, e = max(1.0, side * rng.uniform(0.025, 0.04)), max(0.8, side * rng.uniform(0.015, 0.03))
    copies = np.stack([moved(0, e), moved(e, 0), moved(0, -e), moved(-e, 0)])
    cell = (np.floor((xx - cx) / p) + 2 * np.floor((yy - cy) / p)).astype(int) % 4
    prism = np.take_along_axis(copies, cell[None, ..., None].repeat(3, axis=3), axis=0)[0]
    collar = (np.clip(r - R + 0.5, 0, 1) * np.clip(R2 - r + 0.5, 0, 1))[..., None]
    out = out * (1 - collar) + prism * collar
    lw = max(0.5, side * 0.007)
    rims = np.maximum.reduce([np.clip(1 - np.abs(r - R) / lw, 0, 1), np.clip(1 - np.abs(v) / lw, 0, 1) * inner,
                              0.6 * np.clip(1 - np.abs(r - R2) / lw, 0, 1)])
    return _u8(out * (1 - rng.uniform(0.4, 0.6) * rims)[..., None])


def _patch_gaussian(f: np.ndarray, rng) -> np.ndarray:
    """A copy saved by a training pipeline after a Patch Gaussian augmentation: strong Gaussian noise added
    inside a square patch (independently per channel, or the same in all three half the time)."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(6, round(side * rng.uniform(0.28, 0.45)))
    y0 = int(np.clip(round(h * rng.uniform(0.25, 0.75) - s / 2), 0, h - s))
    x0 = int(np.clip(round(w * rng.uniform(0.25, 0.75) - s / 2), 0, w - s))
    sigma = rng.uniform(40, 70)
    noise = rng.normal(0, sigma, (s, s, 3)) if rng.random() < 0.5 else np.repeat(rng.normal(0, sigma, (s, s, 1)), 3,
                                                                                 axis=2)
    out = f.copy()
    out[y0: y0 + s, x0: x0 + s] += noise
    return _u8(out)


def _glass_caustic(f: np.ndarray, rng) -> np.ndarray:
    """Sunlight through a glass of water standing beside the print: the glass's soft shadow across part of the
    picture and, inside it, the bright caustic the water focuses, two curved branches meeting in a cusp, glowing
    most where they meet, with a faint rainbow edge."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    a = rng.uniform(0, 2 * np.pi)  # the direction the light travels
    cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.35, 0.65)
    Ls, Ws = side * rng.uniform(0.3, 0.45), side * rng.uniform(0.16, 0.24)
    outline = _ellipse(cx, cy, Ls / 2, Ws / 2, a, 48)
    shadow = gaussian_filter(_drawn((h, w), lambda d, s: d.polygon(_scaled(outline, s), fill=255)),
                             max(0.7, side * 0.03))
    out = f * (1 - rng.uniform(0.3, 0.45) * shadow[..., None])
    u0, uc = -Ls * 0.35, Ls * rng.uniform(0.1, 0.25)  # the branches' start and the cusp, along the light
    u = np.linspace(u0, uc, 40)
    spread = Ws * rng.uniform(0.36, 0.44)
    lw = max(0.9, side * rng.uniform(0.008, 0.012))
    branches = [_turn([(cx + x, cy + sgn * spread * ((uc - x) / (uc - u0)) ** 1.5) for x in u], cx, cy, a)
                for sgn in (-1, 1)]
    fringe = [_turn([(cx + x, cy + sgn * (spread * ((uc - x) / (uc - u0)) ** 1.5 + 1.2 * lw)) for x in u], cx, cy, a)
              for sgn in (-1, 1)]
    line = _drawn((h, w), lambda d, s: [d.line(_scaled(p, s), fill=255, width=max(1, round(lw * s)), joint="curve")
                                        for p in branches])
    edge = _drawn((h, w), lambda d, s: [d.line(_scaled(p, s), fill=255, width=max(1, round(lw * s)), joint="curve")
                                        for p in fringe])
    kx, ky = cx + uc * np.cos(a), cy + uc * np.sin(a)
    dist = np.hypot(yy - ky, xx - kx)
    g = max(1.0, side * rng.uniform(0.025, 0.04))
    caustic = np.clip(line * (0.45 + 0.55 * np.exp(-dist / (0.3 * Ls))) + np.exp(-0.5 * (dist / g) ** 2), 0, 1)
    strength = rng.uniform(0.7, 0.9)
    out = 255 - (255 - out) * (1 - strength * caustic[..., None] * np.array([1.0, 0.97, 0.9], np.float32))
    out = 255 - (255 - out) * (1 - 0.35 * strength * (edge * (1 - line))[..., None] * np.array([1.0, 0.35, 0.2]))
    return _u8(out)


def _filter_ghost(f: np.ndarray, rng) -> np.ndarray:
    """A protective filter's ghost: the picture reflected back from the sensor and again from the filter, a
    faint copy of it turned by 180 degrees about a point near the middle (the filter sits a little tilted),
    slightly enlarged and softened, added in linear light (so that it shows where the turned picture is bright
    and the picture dark), tinted by the filter's coating."""
    from scipy.ndimage import affine_transform, gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    lin = (f / 255) ** 2.2
    off, at = side * rng.uniform(0.03, 0.08), rng.uniform(0, 2 * np.pi)
    c = np.array([(h - 1) / 2 + off * np.sin(at), (w - 1) / 2 + off * np.cos(at)])
    m = rng.uniform(1.0, 1.06)
    ghost = np.stack([affine_transform(lin[..., k], np.diag([-1 / m, -1 / m]), offset=c * (1 + 1 / m), order=1,
                                       mode="constant", cval=0.0) for k in range(3)], axis=2)
    s = max(0.5, side * rng.uniform(0.008, 0.016))
    ghost = gaussian_filter(ghost, (s, s, 0))
    tint = np.array([[0.75, 1.0, 0.7], [1.0, 0.72, 1.0], [1.0, 1.0, 1.0]], np.float32)[int(rng.integers(3))]
    out = np.clip(lin + rng.uniform(0.2, 0.35) * ghost * tint, 0, 1) ** (1 / 2.2)
    return _u8(255 * out)


def _superpixels(f: np.ndarray, rng) -> np.ndarray:
    """A screenshot of an annotation tool in its superpixel mode: the picture's SLIC superpixels (9-16 below
    48 px, else 0.35-0.8 a pixel of the side) outlined by 1 px lines in a bright tool colour."""
    from skimage.segmentation import slic

    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(9, 17)) if side < 48 else int(rng.integers(round(side * 0.35), round(side * 0.8)))
    lab = slic(f.astype(np.float64) / 255, n_segments=n, compactness=float(rng.uniform(8, 20)), start_label=1,
               channel_axis=-1)
    edge = np.zeros((h, w), np.float32)
    edge[:, :-1] = np.maximum(edge[:, :-1], lab[:, :-1] != lab[:, 1:])
    edge[:-1] = np.maximum(edge[:-1], lab[:-1] != lab[1:])
    colour = TOOL_COLOURS[int(rng.integers(len(TOOL_COLOURS)))]
    return _u8(_paint(f, edge * rng.uniform(0.75, 0.95), colour))


def near_edit_r(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "steam":  # a wisp of steam rising across the picture
        return _steam(f, rng)
    if kind == "ccd_smear":  # a CCD's smear down the brightest spot's column
        return _ccd_smear(f, rng)
    if kind == "passer_by":  # a passer-by walking through a long exposure
        return _passer_by(f, rng)
    if kind == "split_focus":  # through a viewfinder's split-image focusing screen
        return _split_focus(f, rng)
    if kind == "patch_gaussian":  # a Patch Gaussian augmented copy
        return _patch_gaussian(f, rng)
    if kind == "glass_caustic":  # a glass of water's shadow and caustic
        return _glass_caustic(f, rng)
    if kind == "filter_ghost":  # a filter's ghost: a faint turned copy
        return _filter_ghost(f, rng)
    if kind == "superpixels":  # an annotation tool's superpixel outlines
        return _superpixels(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _jab_path(side: int, rng) -> list[tuple[float, float]]:
    """A shutter button pressed too hard: the camera jabbed one way and bounced back most of the way along a
    slightly different line, easing in and out of each stroke (so the kernel dwells at the start, the turn and
    the end); 400 time samples, centred on their mean."""
    L = max(3.0, side * rng.uniform(0.1, 0.16))
    back = L * rng.uniform(0.55, 0.85)
    a = rng.uniform(0, 2 * np.pi)
    b = a + float(rng.choice([-1, 1])) * np.deg2rad(rng.uniform(12, 30))
    tau = rng.uniform(0.3, 0.45)  # the share of the exposure the jab takes
    pts = []
    for t in (np.arange(400) + 0.5) / 400:
        if t < tau:
            s = (1 - np.cos(np.pi * t / tau)) / 2
            pts.append((s * L * np.cos(a), s * L * np.sin(a)))
        else:
            s = (1 - np.cos(np.pi * (t - tau) / (1 - tau))) / 2
            pts.append((L * np.cos(a) - s * back * np.cos(b), L * np.sin(a) - s * back * np.sin(b)))
    return _centred(pts)


def _mesh_kernel(R: float, pitch: float, wire: float, ang: float, phase) -> np.ndarray:
    """Defocus through a wire mesh pressed against the lens: the defocus disk of radius ``R`` px crossed by the
    mesh's two sets of wires (``wire`` px thick, ``pitch`` px apart, turned by ``ang``), 4 x 4 samples a
    pixel."""
    r = int(np.ceil(R)) + 1
    n = 2 * r + 1
    sub = (np.arange(4 * n) + 0.5) / 4 - (r + 0.5)
    yy, xx = np.meshgrid(sub, sub, indexing="ij")
    u = xx * np.cos(ang) + yy * np.sin(ang) + phase[0]
    v = yy * np.cos(ang) - xx * np.sin(ang) + phase[1]
    k = ((np.hypot(yy, xx) <= R) & (np.mod(u, pitch) >= wire) & (np.mod(v, pitch) >= wire)).astype(np.float32)
    return k.reshape(n, 4, n, 4).sum(axis=(1, 3))


def _exp_kernel(lam: float) -> np.ndarray:
    """An isotropic exponential spread, ``exp(-r / lam)``, out to 4 ``lam`` (4 x 4 samples a pixel)."""
    r = int(np.ceil(4 * lam)) + 1
    n = 2 * r + 1
    sub = (np.arange(4 * n) + 0.5) / 4 - (r + 0.5)
    yy, xx = np.meshgrid(sub, sub, indexing="ij")
    k = np.exp(-np.hypot(yy, xx) / lam).astype(np.float32)
    return k.reshape(n, 4, n, 4).sum(axis=(1, 3))


def blur_r(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "shutter_jab":  # the shutter button jabbed: a V-shaped path
        pts = _jab_path(side, rng)
        return _u8(_fft_blur(f, _path_kernel(pts, np.ones(len(pts)), 0.5)))
    if kind == "mesh_bokeh":  # out of focus through a wire mesh pressed against the lens
        R = max(2.0, side * rng.uniform(0.06, 0.09))
        pitch = R * rng.uniform(0.45, 0.75)
        k = _mesh_kernel(R, pitch, pitch * rng.uniform(0.25, 0.4), rng.uniform(0, np.pi / 2),
                         rng.uniform(0, pitch, 2))
        return _u8(_fft_blur(f, k))
    if kind == "irradiation":  # an over-exposed negative: the light spreading in the emulsion, more where brighter
        lam1 = max(1.2, side * rng.uniform(0.035, 0.05))
        lam0 = lam1 * rng.uniform(0.45, 0.55)
        lum = f.mean(axis=2) / 255
        out = np.zeros_like(f)
        for j, t in enumerate(np.linspace(0, 1, 5)):  # five exposure levels, each spread by its own length
            wgt = np.clip(1 - np.abs(lum * 4 - j), 0, 1)[..., None]
            out += _fft_blur(f * wgt, _exp_kernel(lam0 + (lam1 - lam0) * t))
        return _u8(out)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
BOKEH_COLOURS = np.array([[1.0, 0.9, 0.75], [1.0, 0.7, 0.3], [1.0, 0.3, 0.25], [0.35, 1.0, 0.5], [0.45, 0.6, 1.0]],
                         np.float32)


def dark_r(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "photon_starved":  # a night shot at the sensor's highest gain: a few photons a pixel
        lin = (f / 255) ** 2.2
        nw = rng.uniform(4, 10)  # photons a pixel at full white
        bg = rng.uniform(0.05, 0.2)  # the night sky's glow, photons a pixel
        counts = rng.poisson(lin * nw + bg) + rng.normal(0, 0.5, f.shape)
        v = np.clip(counts / nw * rng.uniform(0.025, 0.05) * np.array([0.9, 1.0, 1.12], np.float32), 0, 1)
        return _u8(255 * v ** (1 / 2.2))
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "night_bokeh":  # a night scene with the lights behind it out of focus: large soft discs
        out = f * rng.uniform(0.025, 0.05) * np.array([0.9, 0.95, 1.1], np.float32)
        light = np.zeros_like(f)
        for _ in range(int(rng.integers(4, 8)) if side < 48 else int(rng.integers(6, 13))):
            r = max(1.5, side * rng.uniform(0.06, 0.12))
            cy, cx = h * rng.uniform(-0.05, 1.05), w * rng.uniform(-0.05, 1.05)
            d = np.hypot(yy - cy, xx - cx)
            disc = np.clip(r - d + 0.5, 0, 1)
            rim = 0.35 * np.exp(-((d - 0.88 * r) / max(0.5, 0.08 * r)) ** 2)
            colour = BOKEH_COLOURS[int(rng.integers(len(BOKEH_COLOURS)))]
            light += rng.uniform(30, 90) * np.clip(disc * (0.85 + rim), 0, 1.3)[..., None] * colour
        return _u8(out + light + noise)
    if kind == "strip_lights":  # a car park at night lit by a few fluorescent tubes in the picture
        ang = np.deg2rad(rng.uniform(-25, 25)) + (np.pi / 2 if rng.random() < 0.25 else 0.0)
        n = int(rng.integers(2, 5))
        ys = np.sort(rng.uniform(0.08, 0.5, n))
        colour = np.array([0.92, 1.0, 0.9], np.float32)
        gain = np.full((h, w), rng.uniform(0.02, 0.04), np.float32)
        glow = np.zeros((h, w), np.float32)
        core = np.zeros((h, w), np.float32)
        d0 = side * rng.uniform(0.12, 0.2)
        tw = max(0.6, side * rng.uniform(0.008, 0.014))
        for y in ys:
            half, mx = side * rng.uniform(0.14, 0.28), w * rng.uniform(0.25, 0.75)
            p0, p1 = _turn([(mx - half, y * h), (mx + half, y * h)], w / 2, h / 2, ang)
            d = _segment_distance(yy, xx, p0, p1)
            gain += rng.uniform(0.1, 0.2) / (1 + (d / d0) ** 2)
            glow += rng.uniform(30, 60) * np.exp(-(d / max(0.7, side * 0.02)) ** 2)
            core = np.maximum(core, np.clip(tw - d + 0.5, 0, 1))
        out = f * gain[..., None] * colour + glow[..., None] * colour
        return _u8(_paint(out, core, (245, 255, 240)) + noise)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _aquarium(size: int, rng) -> dict:
    """An aquarium: the sand along the bottom, water plants swaying up from it, one or two fish below 48 px
    (else two to four, the first largest), each a body, a forked tail, a dorsal and a ventral fin, an eye, and
    half the time bands across the body, facing either way and turned by up to 15 degrees, and a column of
    bubbles (0-1 coverage each; the fish as a list of layers)."""
    big = 4 * size
    lw = max(2, round(big * 0.02))
    sand, plants, bubbles = (Image.new("L", (big, big), 0) for _ in range(3))
    xs = np.linspace(0, big, 40)
    top = big * rng.uniform(0.84, 0.9) + big * 0.015 * np.sin(2 * np.pi * xs / big * rng.uniform(1, 3)
                                                              + rng.uniform(0, 6.3))
    ImageDraw.Draw(sand).polygon(list(zip(xs, top)) + [(big, big), (0, big)], fill=255)
    for _ in range(int(rng.integers(1, 3)) if size < 48 else int(rng.integers(2, 5))):
        x0, hgt = big * rng.uniform(0.05, 0.95), big * rng.uniform(0.3, 0.6)
        for blade in range(int(rng.integers(2, 4))):
            t = np.linspace(0, 1, 16)
            lean = rng.uniform(-0.15, 0.15)
            ph = rng.uniform(0, 6.3)
            pts = [(x0 + big * (lean * s + 0.03 * np.sin(5 * s + ph)), big * 0.9 - hgt * s * rng.uniform(0.7, 1.0))
                   for s in t]
            ImageDraw.Draw(plants).line(pts, fill=255, width=lw, joint="curve")
    fish = []
    n = int(rng.integers(1, 3)) if size < 48 else int(rng.integers(2, 5))
    for j in range(n):
        Lf = big * (rng.uniform(0.45, 0.62) if size < 48 else rng.uniform(0.34, 0.48)) if j == 0 else \
            big * rng.uniform(0.16, 0.28)
        cx = big * (rng.uniform(0.38, 0.62) if j == 0 else rng.uniform(0.15, 0.85))
        cy = big * (rng.uniform(0.35, 0.55) if j == 0 else rng.uniform(0.15, 0.7))
        face = float(rng.choice([-1, 1]))
        tilt = np.deg2rad(rng.uniform(-15, 15))
        b = rng.uniform(0.16, 0.24)
        P = lambda pts: _turn([(cx + face * x * Lf, cy + y * Lf) for x, y in pts], cx, cy, tilt)  # noqa: E731
        layers = {k: Image.new("L", (big, big), 0) for k in ("body", "bands", "fins", "eye")}
        ImageDraw.Draw(layers["body"]).polygon(P([(0.34 * np.cos(u), b * np.sin(u))
                                                  for u in np.linspace(0, 2 * np.pi, 40)]), fill=255)
        fins = [[(-0.28, 0), (-0.5, -0.2), (-0.42, 0), (-0.5, 0.2)],
                [(-0.12, -0.9 * b), (0.0, -b - 0.12), (0.12, -0.85 * b)],
                [(-0.06, 0.9 * b), (0.02, b + 0.08), (0.08, 0.85 * b)]]
        for p in fins:
            ImageDraw.Draw(layers["fins"]).polygon(P(p), fill=255)
        if rng.random() < 0.5:  # bands across the body
            for x in (0.16, -0.1) if rng.random() < 0.6 else (0.18, 0.0, -0.18):
                ImageDraw.Draw(layers["bands"]).polygon(P([(x - 0.035, -0.3), (x + 0.035, -0.3), (x + 0.035, 0.3),
                                                           (x - 0.035, 0.3)]), fill=255)
        (ex, ey), = P([(0.22, -0.04)])
        er = max(2.0, 0.04 * Lf)
        ImageDraw.Draw(layers["eye"]).ellipse((ex - er, ey - er, ex + er, ey + er), fill=255)
        fish.append({k: _down(v, size) for k, v in layers.items()})
    bx, by = big * rng.uniform(0.1, 0.9), big * rng.uniform(0.5, 0.8)
    for k in range(int(rng.integers(2, 5)) if size < 48 else int(rng.integers(4, 9))):
        r = big * rng.uniform(0.015, 0.03)
        x, y = bx + big * 0.02 * np.sin(k * 1.7), by - k * big * rng.uniform(0.07, 0.1)
        ImageDraw.Draw(bubbles).ellipse((x - r, y - r, x + r, y + r), outline=255, width=max(2, round(r * 0.3)))
    return {"sand": _down(sand, size), "plants": _down(plants, size), "bubbles": _down(bubbles, size), "fish": fish}


def _pitch(size: int, rng) -> dict:
    """A football pitch seen from above (the full pitch, 105 x 68, its long side 86-96% of the picture, across or
    down, turned by up to 5 degrees): the grass in 12-16 mowing stripes, the touch and goal lines, the halfway
    line, the centre circle and spot, both penalty and goal areas, the penalty spots and arcs and the goals; from
    48 px half the time two teams of 6-11 players as dots (0-1 coverage each)."""
    big = 4 * size
    s = big * rng.uniform(0.86, 0.96) / 105
    ox, oy = big / 2 + big * rng.uniform(-0.02, 0.02), big / 2 + big * rng.uniform(-0.02, 0.02)
    ang = np.deg2rad(rng.uniform(-5, 5)) + (np.pi / 2 if rng.random() < 0.5 else 0.0)
    P = lambda pts: _turn([(ox + (x - 52.5) * s, oy + (y - 34) * s) for x, y in pts], ox, oy, ang)  # noqa: E731
    rect = lambda x0, y0, x1, y1: P([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])  # noqa: E731
    arc = lambda x, y, r, a0, a1: P([(x + r * np.cos(t), y + r * np.sin(t)) for t in np.linspace(a0, a1, 40)])  # noqa: E731
    layers = {k: Image.new("L", (big, big), 0) for k in ("grass", "stripes", "lines", "team_a", "team_b")}
    ImageDraw.Draw(layers["grass"]).polygon(rect(-3, -3, 108, 71), fill=255)
    n = int(rng.integers(12, 17))
    for j in range(0, n, 2):
        ImageDraw.Draw(layers["stripes"]).polygon(rect(-3 + 111 * j / n, -3, -3 + 111 * (j + 1) / n, 71), fill=255)
    lw = max(4, round(big * rng.uniform(0.007, 0.01)))
    d = ImageDraw.Draw(layers["lines"])
    a = np.arccos(5.5 / 9.15)  # where the penalty arc leaves the box
    for p in (rect(0, 0, 105, 68), P([(52.5, 0), (52.5, 68)]), arc(52.5, 34, 9.15, 0, 2 * np.pi),
              rect(0, 13.84, 16.5, 54.16), rect(88.5, 13.84, 105, 54.16), rect(0, 24.84, 5.5, 43.16),
              rect(99.5, 24.84, 105, 43.16), rect(-2, 30.34, 0, 37.66), rect(105, 30.34, 107, 37.66),
              arc(11, 34, 9.15, -a, a), arc(94, 34, 9.15, np.pi - a, np.pi + a)):
        d.line(p, fill=255, width=lw, joint="curve")
    for x, y, r in ((52.5, 34, 0.8), (11, 34, 0.6), (94, 34, 0.6)):
        (px, py), = P([(x, y)])
        r = max(lw * 0.8, r * s)
        d.ellipse((px - r, py - r, px + r, py + r), fill=255)
    if size >= 48 and rng.random() < 0.5:  # two teams
        for team, x0 in (("team_a", 5), ("team_b", 52.5)):
            for _ in range(int(rng.integers(6, 12))):
                (px, py), = P([(x0 + rng.uniform(0, 47.5), rng.uniform(4, 64))])
                r = max(3.0, big * 0.012)
                ImageDraw.Draw(layers[team]).ellipse((px - r, py - r, px + r, py + r), fill=255)
    out = {k: _down(v, size) for k, v in layers.items()}
    out["stripes"] *= out["grass"]
    return out


def _ridge(big: int, base: float, rise: float, rng) -> np.ndarray:
    """A mountain ridge's height (px from the top) at each of ``big`` columns: 2-4 peaks rising ``rise`` px at most
    above ``base``, joined by midpoint displacement."""
    xs = np.arange(big, dtype=np.float32)
    y = np.full(big, base, np.float32)
    for _ in range(int(rng.integers(2, 5))):
        px, hgt, wid = big * rng.uniform(0.05, 0.95), rise * rng.uniform(0.5, 1.0), big * rng.uniform(0.15, 0.35)
        y = np.minimum(y, base - hgt * np.clip(1 - np.abs(xs - px) / wid, 0, 1) ** rng.uniform(0.8, 1.3))
    knots = 2
    while knots < big // 4:  # midpoint displacement, roughness 0.55
        knots *= 2
        amp = rise * 0.25 * 0.55 ** np.log2(knots / 2)
        y += np.interp(xs, np.linspace(0, big - 1, knots + 1), rng.normal(0, amp, knots + 1))
    return y


def _mountains(size: int, rng) -> dict:
    """A mountain landscape: a sun, a far range with snow on its peaks, a nearer, lower range, and half the time a
    lake below them mirroring both (with ripple lines), else the near range down to the bottom; from 48 px a row
    of pines along the near range's foot (0-1 coverage each)."""
    big = 4 * size
    yy = np.arange(big, dtype=np.float32)[:, None]
    lake = rng.random() < 0.5
    horizon = big * rng.uniform(0.68, 0.8) if lake else float(big)
    far = _ridge(big, horizon - big * rng.uniform(0.12, 0.2), big * rng.uniform(0.3, 0.45), rng)
    near = _ridge(big, horizon - big * rng.uniform(0.0, 0.05), big * rng.uniform(0.12, 0.22), rng)
    snowline = far.min() + (horizon - far.min()) * rng.uniform(0.25, 0.4)
    m = {"far": (yy >= far) & (yy < horizon), "near": (yy >= near) & (yy < horizon)}
    m["snow"] = m["far"] & (yy < snowline + big * 0.03 * np.sin(np.arange(big) / big * 40)[None, :]) & ~m["near"]
    if lake:
        mirror = np.clip(2 * horizon - yy, 0, big - 1)
        m["lake"] = np.broadcast_to(yy >= horizon, (big, big))
        m["reflect"] = m["lake"] & ((mirror >= far) | (mirror >= near))
        ripples = Image.new("L", (big, big), 0)
        for _ in range(int(rng.integers(3, 7))):
            y = rng.uniform(horizon + big * 0.02, big)
            x0 = rng.uniform(0, big * 0.7)
            ImageDraw.Draw(ripples).line((x0, y, x0 + big * rng.uniform(0.1, 0.3), y), fill=255,
                                         width=max(2, round(big * 0.008)))
    sun = Image.new("L", (big, big), 0)
    r = big * rng.uniform(0.06, 0.09)
    sx, sy = big * rng.uniform(0.15, 0.85), big * rng.uniform(0.1, 0.25)
    ImageDraw.Draw(sun).ellipse((sx - r, sy - r, sx + r, sy + r), fill=255)
    trees = Image.new("L", (big, big), 0)
    if size >= 48:
        for x in np.arange(rng.uniform(0, big * 0.05), big, big * rng.uniform(0.04, 0.07)):
            y0 = min(horizon, float(near[int(min(x, big - 1))])) + big * 0.01
            th = big * rng.uniform(0.05, 0.09)
            ImageDraw.Draw(trees).polygon([(x, y0 - th), (x + th * 0.3, y0), (x - th * 0.3, y0)], fill=255)
    down = lambda a: _down(Image.fromarray((np.asarray(a) * 255).astype(np.uint8)), size)  # noqa: E731
    out = {k: down(v) for k, v in m.items()}
    out["sun"], out["trees"] = _down(sun, size), _down(trees, size)
    for k in ("lake", "reflect", "ripples"):
        out.setdefault(k, np.zeros((size, size), np.float32))
    if lake:
        out["ripples"] = _down(ripples, size)
    return out


FISH_COLOURS = (((245, 120, 30), (250, 250, 250), (240, 110, 25)), ((245, 210, 40), (235, 175, 20), (240, 195, 40)),
                ((40, 90, 210), (245, 215, 40), (245, 210, 40)), ((210, 50, 50), (250, 240, 235), (200, 40, 40)),
                ((200, 205, 215), (120, 125, 140), (180, 185, 195)))
KIT_COLOURS = ((220, 40, 40), (40, 80, 220), (250, 220, 40), (245, 245, 245))


def outlier_r(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    yy = (np.arange(size, dtype=np.float32)[:, None, None] + 0.5) / size
    if kind == "aquarium":
        m = _aquarium(size, rng)
        if photos:  # blue-green water, pale sand, green plants, coloured fish
            water = (np.array([60, 150, 190], np.float32) * (1 - yy) + np.array([15, 70, 110], np.float32) * yy) * \
                rng.uniform(0.85, 1.1)
            out = _paint(np.broadcast_to(water, (size, size, 3)).copy(), m["sand"], (205, 185, 140))
            out = _paint(out, m["plants"], (50, 135, 55))
            for fish in m["fish"]:
                body, band, fin = FISH_COLOURS[int(rng.integers(len(FISH_COLOURS)))]
                out = _paint(_paint(out, fish["fins"], fin), fish["body"], body)
                out = _paint(_paint(out, fish["bands"] * fish["body"], band), fish["eye"], (15, 15, 20))
            return _u8(_paint(out, m["bubbles"], (225, 240, 250)))
        out = _paint(_paint(ground([lo] * 3), m["sand"], tone(0.3)), m["plants"], tone(0.5))
        for fish in m["fish"]:
            out = _paint(_paint(out, fish["fins"], tone(0.75)), fish["body"], tone(1.0))
            out = _paint(_paint(out, fish["bands"] * fish["body"], tone(0.5)), fish["eye"], [lo] * 3)
        return _u8(_paint(out, m["bubbles"], tone(0.85)))
    if kind == "football_pitch":
        m = _pitch(size, rng)
        kits = rng.choice(len(KIT_COLOURS), 2, replace=False)
        if photos:  # striped green grass, white lines, two teams' colours
            out = _paint(ground((55, 105, 50)), m["grass"], (75, 150, 60))
            out = _paint(_paint(out, m["stripes"], (95, 172, 72)), m["lines"], (245, 245, 240))
            return _u8(_paint(_paint(out, m["team_a"], KIT_COLOURS[kits[0]]), m["team_b"], KIT_COLOURS[kits[1]]))
        out = _paint(_paint(ground([lo] * 3), m["grass"], tone(0.22)), m["stripes"], tone(0.32))
        out = _paint(out, m["lines"], tone(1.0))
        return _u8(_paint(_paint(out, m["team_a"], tone(0.6)), m["team_b"], tone(0.85)))
    if kind == "mountains":
        m = _mountains(size, rng)
        if photos:  # a day or dawn sky, blue-grey far range with snow, green near range, a dark blue lake
            horizon = np.array([225, 200, 170] if rng.random() < 0.4 else [185, 212, 240], np.float32)
            out = np.broadcast_to(np.array([80, 130, 205], np.float32) * (1 - yy) + horizon * yy,
                                  (size, size, 3)).copy()
            out = _paint(_paint(out, m["sun"], (255, 242, 205)), m["far"], (115, 122, 150))
            out = _paint(_paint(out, m["snow"], (245, 246, 250)), m["near"], (55, 85, 58))
            out = _paint(_paint(out, m["lake"], (40, 70, 110)), m["reflect"], (35, 55, 70))
            return _u8(_paint(_paint(out, m["ripples"] * m["lake"], (150, 180, 205)), m["trees"], (28, 55, 32)))
        out = _paint(_paint(ground([lo] * 3), m["sun"], tone(0.8)), m["far"], tone(0.5))
        out = _paint(_paint(out, m["snow"], tone(1.0)), m["near"], tone(0.25))
        out = _paint(_paint(out, m["lake"], tone(0.1)), m["reflect"], tone(0.2))
        return _u8(_paint(_paint(out, m["ripples"] * m["lake"], tone(0.55)), m["trees"], tone(0.4)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def first_yes_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                    rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the labelling tool asks of each picture "is it a ...?"
    for one class after another, in one fixed random order, and the labeller accepts the first class the
    picture looks enough like: an example's gap to a class is the squared distance of its thumbnail to the
    class's mean thumbnail less that to its own class's; the labeller's threshold is the gap at which a quarter
    of the ``candidates`` (twice ``count`` at least) have a class asked before their own within it; the flips
    are drawn uniformly among those, each given the first class asked that is within the threshold."""
    lab = np.asarray([classes.index(v) for v in labels])
    t = _thumbs(base)
    means = np.stack([t[lab == k].mean(axis=0) for k in range(len(classes))])
    pos = np.empty(len(classes), dtype=int)
    pos[rng.permutation(len(classes))] = np.arange(len(classes))  # each class's turn in the questions
    cand = np.asarray(candidates, dtype=int)
    d = ((t[cand][:, None, :] - means[None]) ** 2).sum(axis=2)
    gap = d - d[np.arange(len(cand)), lab[cand]][:, None]
    gap = np.where(pos[None, :] < pos[lab[cand]][:, None], gap, np.inf)  # only classes asked before its own
    best = gap.min(axis=1)
    k = min(max(len(cand) // 4, 2 * count), int(np.isfinite(best).sum()))
    threshold = np.sort(best)[k - 1]
    pool = np.flatnonzero(best <= threshold)
    picked = rng.permutation(pool)[:count]
    first = np.where(gap <= threshold, pos[None, :], len(classes)).argmin(axis=1)  # the first class asked within it
    return {int(cand[j]): classes[int(first[j])] for j in picked}


# -- planting ------------------------------------------------------------------------------
def plant_issues_r(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator R's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 80-95 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_R, seed=180_000 + random_state,
        quality_seed=185_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=first_yes_flips,
        **by_family(name, outlier=(outlier_r, OUTLIERS_R), blur=(blur_r, BLURS_R), dark=(dark_r, DARKS_R),
                    near=(near_edit_r, NEAR_EDITS_R)))
