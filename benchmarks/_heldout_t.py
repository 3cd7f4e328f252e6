"""Generator T: fresh EVALUATION sets after generator S (never used to choose anything).

Why an eighteenth evaluation generator: generator S's sets were run once and their results have been seen
(docs/benchmarks.md); T is a held-out measurement of the library's code after S's run. Generator T was written on
2026-12-04, after generator S's results were seen and before any tool was run on it (only its files, their counts and
contact sheets of its edits, blurs, darkenings and foreign pictures were looked at, to check that every edit is
visible, every blur blurred, every darkened image dark and every outlier foreign at 28, 126 and 180 px, and the
planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings,
foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian,
soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no
earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S) and none of
the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast,
gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left out because an earlier
generator made them or one close to them: a postmark on a picture postcard (L's rubber stamp, P's seal), a gallery's
selection tick or a QR sticker (D's logo, G's matrix codes), a story's progress bars and avatar (K's player, J's
caption bar), a right-click menu or a dragged picture's ghost (K's sticky note, O's navigator), a map pin (N's push
pin), grass blades in front of the lens (Q's wiper, I's finger), a bird dropping (N's ink splash), tea drips (M's
coffee ring), a soap bubble in front of the lens (Q's holographic foil, S's bubble wrap), a windscreen's ceramic frit
(I's halftone), a rear window's heater wires (O's fence, G's scan lines), a half-loaded progressive JPEG (G's
mosaic), a VHS tracking band (H's tear), another camera's flash caught in a band (O's flicker banding); of the whole
picture a lossy GIF encoder's streaks (tried: on the digit sets they could not be seen; E's palette), a drone's
rolling-shutter jello (F's elastic deformation), a pencil-sketch filter (R's cartoon), a beauty filter's bilateral
smoothing (S's oil paint), lateral colour (G's misregistration, K's chromatic defocus), a cylindrical panorama (F's
barrel, M's open book), paper cockled by ink (O's flicker banding), a video wall's bezels (Q's jigsaw), a low-poly
filter (G's mosaic); among blurs a turbulence snapshot's speckle (H's heat haze), a coded aperture (K's dirty lens),
an anamorphic lens's oval bokeh (the astigmatic Gaussian), a vibrating table's bright-ended line (P's pendulum), a
Scheiner or Hartmann mask (G's double exposure, N's light field), a focal sweep (M's autofocus hunt), an under-display
camera (O's stocking), an AVIF file (a second codec's blur); among darkenings a 12-bit frame's high byte, a dark
theme's scrim or a fade to black (B's stops), a thermal camera's cold palette (J's sodium lamp, S's night vision), a
forest's green dusk (K's deep water), moonlight through a window's glazing bars or a pierced lantern (L's stained
glass, O's mirror ball), a car's dipped beams (L's flash curtain), birthday candles or glow sticks (I's lamp), a
welder's sparks (F's starbursts), an infrared-pass filter or a painting's darkened varnish (J's smoked glass); among
foreign pictures traffic lights (an 8 on the digit sets), lighthouses (S's turbine towers), game boards of falling
blocks (K's crosswords), blood smears (0s on the digit sets), electrocardiograms (D's line charts), Ferris wheels
(O's bicycle wheels), atom symbols (E's Lissajous figures); among label noise a sound-alike class from voice labelling
(a fixed class -> class map, as B's and P's), a spammer's one class (G's attractor classes) and a labeller shown the
pictures mirrored (Q's turned view).

* ``near_duplicate`` (3%), six edits in a part of the picture and two of the whole: a screenshot of a photo editor's
  before / after comparison (on one side of a vertical divider 30-70% of the way across, the picture with the app's
  "vintage" preset: blacks lifted by 24-36 levels, whites pulled down to 220-236, red up by 5-10% and blue down by
  12-20%; the divider a white line 0.9% of the side wide, at least 1 px, with a round white handle of radius 5-7% of
  the side, at least 2.5 px, 40-60% of the way down, holding two dark arrowheads, and a soft shadow taking up to 35%
  of the light), a screenshot taken while the volume was changed (the phone's volume slider, a rounded vertical
  pill 8-11% of the side wide, at least 4 px, and 38-52% of it high, 3-6% of the side in from the left or right
  edge, centred 38-62% of the way down, dark grey at 55-70% or light grey at 75-85%, filled from its foot to 20-90%
  in white or dark grey, with a speaker mark), a phone's charging cable lying across the print (2.5-3.5% of the
  side thick, at least 1.2 px, coming in over a random edge 20-80% of the way along it and bowed by 15-35% of its
  length to its plug 30-70% of the way across and down, a moulded head 6.5-9% of the side long, at least 3 px, twice
  as thick, and a metal tip; white where the picture's border is darker than 110, else black; shaded as a tube
  with a highlight along it, its soft shadow taking 40% of the light), a dog's muddy paw prints (1-2 below 48 px,
  2-3 above, each 18-24% of the side long, at least 7 px, a three-lobed main pad and four toe pads, 1.3-1.6 lengths
  apart along a walk in a random direction, left and right feet a sixth of a length either side of it, centred
  35-65% of the way across and down; wet brown mud where the border is lighter than 110, dried pale mud where it is
  darker, at 70-90%, a third of it uneven, with a darker rim), a photo editor's dodge brush stroke (a soft brush of
  radius 8-12% of the side, at least 2 px, dragged 35-55% of the side along a gently bent path through a point
  30-70% of the way across and down, lightening what is under it 35-50% of the way to white) and a child's
  wax-crayon scribble (7-12 strokes back and forth across a patch 25-38% of the side wide and 18-30% high, turned by
  up to 30 degrees, centred 30-70% of the way across and down, the crayon 2-3% of the side wide, at least 1 px, red,
  blue, green, purple or orange at 85-95%, a third of it broken up by the paper's tooth); of the whole picture: a
  photo transfer onto wood, photographed (the picture's ink multiplied onto a pine, birch or oak tone whose grain
  shows through, latewood lines of period 5-9% of the side, at least 2.5 px, within 10 degrees of the horizontal or
  the vertical, wandering with a smooth field of 25% of the side, darkening the wood by up to 15-22%; 45-75% of the
  ink rubbed off unevenly along the board's edges, over 4-7% of the side, at least 1 px, and in 1-3 worn patches of
  6-10% of the side) and a picture taken through a car's tempered side window with a polarising filter (the glass's
  quench pattern: soft dark spots on a square lattice of period 16-26% of the side, at least 5 px, turned by up to 8
  degrees, each a Gaussian of 22-30% of the period taking 35-55% of the light at its middle, half as strong ones in
  the middle of each cell, and the stress's interference colours, up to 8-14% of the light a channel, cycling round
  each spot);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): a phone's night mode merging a hand-held burst without aligning it (7-11 frames where the hand's
  tremor had moved the camera, drawn uniformly in an ellipse of semi-axes 5.5-8% of the side, at least 2 px, and
  55-100% of that, at any turn, equally weighted, each a disk of 0.6-1% of the side, at least 0.5 px, centred on
  their mean), a picture stored as JPEG 2000 (the irreversible wavelet, with a fixed-quality target: the highest, in
  whole decibels of PSNR from 34 down, that leaves at most 30-45% of the picture's edge energy, the mean squared
  difference of grey pixels 2% of the side apart, at least 1 px; a soft picture with the wavelet's ringing and
  blotches) and a frame grabbed from a video while the camera refocused, with its burned-in subtitle (the picture
  defocused by a uniform disk of radius 6-9% of the side, at least 2 px, and over it, sharp, a line of made-up
  glyphs 7-9% of the side high, at least 4 px, over 45-75% of the width, centred, its foot 6-10% of the side above
  the bottom, white with a black outline);
* ``dark`` (2%): a print from a house fire under a film of soot (6-10% of the light let through, uneven by a smooth
  field of 15-25% of the side, a factor ``exp(0.35 z)``, down to 55% of that towards the top, where the smoke rose,
  and 1-2 curved wipes of a cloth, 12-20% of the side wide and 50-80% long, letting three to four times as much
  through, streaked along them, at most 28% anywhere, in a brownish black, with a soot grain of 8%; noise sigma 1.2
  levels), an instant photo photographed while it develops (its dark blue-green ground, about 20 / 31 / 35 levels
  give or take 15%, and the picture emerging, its highlights first: 12-20% of full scale times its lightness to the
  power 1.6-2.2, 40% less at the edge away from the one the reagent spread from, streaked by 8% along the spread;
  noise sigma 1.2 levels) and animals' eyes shining back in a night scene under a distant flash (the picture at a
  gain of 0.025-0.05, slightly cool, and 1-2 pairs of eyes below 48 px, 1-4 above, each eye a disc of radius 1.2-2%
  of the side, at least 0.6 px, the two 4-7 radii apart, within 15 degrees of level, 15-85% of the way across and
  25-75% down, green-yellow, blue-white or amber, in a glow of 25-40% falling off as a Gaussian of 2.5 radii; noise
  sigma 1.2 levels);
* ``outlier`` (1.5%): road junctions seen from above (two roads 16-24% of the side wide crossing 35-65% of the way
  across and down, one time in four a T-junction, turned by up to 20 degrees, with dashed centre lines, stop lines
  and a zebra crossing of 5-8 stripes on each arm, and from 48 px 3-6 cars in the lanes and trees and roofs on the
  blocks), pieces of a world map (an equirectangular window 150-200 degrees wide and as high, centred on a random
  longitude and on a latitude of -20 to 30 degrees kept so that the window stays within the poles, or on the equator
  where it is 180 degrees or more, with the continents' rough coastlines and a graticule every 15 or 30 degrees)
  and medical ultrasound scans (a fan from a transducer at the top middle, half-angle 38-48 degrees, out to 85-95%
  of the side, of speckle smeared across the beam and fading with depth, 1-2 dark fluid pockets, ellipses of
  semi-axes 8-18% and 6-12% of the side, with brighter tissue below them, a bright curved tissue boundary, and from
  48 px depth marks down the fan's right edge and a line of made-up glyphs at the top left); the digit and clothing
  sets get them in their own tones on their dark ground, the photographs as grey roads with white markings between
  green, dry or grey blocks with red or grey roofs and red, white, blue or black cars, a light or dark blue ocean
  with land in three map colours, dark coastlines and a light graticule, and grey speckle on black, plain or
  faintly warm or cool;
* ``label`` (5%): *late-class* flips: a class was added to the labelling guideline late, and its examples labelled
  before then got the class each looked most like: classes are taken in a random order until the eligible
  examples of those taken are at least twice the flips needed (one or two classes on these sets), and the flips
  are drawn uniformly among those examples, each given the other class whose mean 8 x 8 grey thumbnail
  (standardised) is nearest its own thumbnail: noise concentrated in a few random classes (not the largest, as
  K's), each example sent to its own look-alike class (not one fixed class, as P's). Every flip changes the label,
  so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
T's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 181), MNIST (2,000, seed 182), and the evaluation photographs tiled at 126 px (35 tiles a photograph at most,
seed 183: 403) and at 180 px (every tile, seed 184: 202), sizes no other set uses. ``photos126_t_jpeg`` is written
as JPEG files, each at a quality drawn from 74-92 (a stream of its own, seed ``205_000 + random_state``), every edit,
blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``200_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J, K, L, M, N, O, P, Q,
R and S).
"""

from __future__ import annotations

import io

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import by_family, plant_generator
from _heldout_j import _glyph_line
from _heldout_k import _paint, _scaled, _turn
from _heldout_l import _smooth_field
from _heldout_o import _ground, _path_kernel
from _heldout_p import _centred, _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _disk_kernel, _pixels
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_T = ("fashion_test_t", "mnist_t", "photos126_t_jpeg", "photos180_t")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_T = {
    "fashion_test_t": ("fashion_test", 181),
    "mnist_t": ("mnist", 182),
    "photos126_t_jpeg": ("photos", 183, 126, 12, 35),
    "photos180_t": ("photos", 184, 180, 8, 1000),
}
JPEG_QUALITY = (74, 93)  # the JPEG set's qualities: integers in [low, high)
RATES_T = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_T = ("compare_slider", "volume_hud", "charging_cable", "paw_prints", "dodge_stroke", "crayon_scribble",
                "wood_transfer", "quench_pattern")
BLURS_T = ("burst_merge", "jpeg2000", "subtitled_refocus")
DARKS_T = ("soot", "developing_instant", "eyeshine")
OUTLIERS_T = ("crossroads", "world_map", "ultrasound")


def load_base_t(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_T, "T")


def _quad(p0, p1, p2, n: int = 48) -> list[tuple[float, float]]:
    """A quadratic Bezier curve from ``p0`` to ``p2`` pulled towards ``p1``, as ``n`` points (x, y)."""
    t = np.linspace(0, 1, n)[:, None]
    p0, p1, p2 = (np.asarray(p, float) for p in (p0, p1, p2))
    pts = (1 - t) ** 2 * p0 + 2 * t * (1 - t) * p1 + t ** 2 * p2
    return [(float(x), float(y)) for x, y in pts]


def _stroke(size: tuple[int, int], pts, width: float) -> np.ndarray:
    """The coverage (0-1) of a polyline ``pts`` (x, y px) ``width`` px wide with round joints and ends."""
    def draw(d, k):
        lw = max(1, round(width * k))
        d.line(_scaled(pts, k), fill=255, width=lw, joint="curve")
        for x, y in (pts[0], pts[-1]):
            d.ellipse((x * k - lw / 2, y * k - lw / 2, x * k + lw / 2, y * k + lw / 2), fill=255)
    return _drawn(size, draw)


def _poly(size: tuple[int, int], pts) -> np.ndarray:
    return _drawn(size, lambda d, k: d.polygon(_scaled(pts, k), fill=255))


# -- near copies -----------------------------------------------------------------------------
def _compare_slider(f: np.ndarray, rng) -> np.ndarray:
    """A screenshot of a photo editor's before / after comparison: on one side of a vertical divider 30-70% of the
    way across the picture shown with the app's "vintage" preset (blacks lifted by 24-36 levels, whites pulled
    down to 220-236, red up by 5-10% and blue down by 12-20%), the divider a white line 0.9% of the side wide, at
    least 1 px, with a round white handle of radius 5-7% of the side, at least 2.5 px, 40-60% of the way down,
    holding two dark arrowheads, with a soft shadow."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    x0 = w * rng.uniform(0.3, 0.7)
    lift, top = rng.uniform(24, 36), rng.uniform(220, 236)
    warm = np.array([rng.uniform(1.05, 1.1), 1.0, rng.uniform(0.8, 0.88)], np.float32)
    vintage = (lift + f * (top - lift) / 255) * warm
    left = rng.random() < 0.5
    m = np.clip((x0 - xx if left else xx - x0) + 0.5, 0, 1)[..., None]
    out = f * (1 - m) + vintage * m
    lw = max(1.0, side * 0.009)
    R = max(2.5, side * rng.uniform(0.05, 0.07))
    cy = h * rng.uniform(0.4, 0.6)
    line = np.clip(lw / 2 - np.abs(xx - x0) + 0.5, 0, 1)
    disc = np.clip(R - np.hypot(xx - x0, yy - cy) + 0.5, 0, 1)
    shadow = gaussian_filter(np.maximum(line, disc), max(0.6, 0.25 * R))
    out = out * (1 - 0.35 * shadow[..., None])
    out = _paint(_paint(out, line * 0.92, (250, 250, 250)), disc, (250, 250, 250))
    a, b = 0.32 * R, 0.3 * R
    arrows = _drawn((h, w), lambda d, k: [d.polygon(_scaled([(x0 + s * (0.2 * R), cy - a), (x0 + s * (0.2 * R + b), cy),
                                                                (x0 + s * (0.2 * R), cy + a)], k), fill=255)
                                            for s in (-1, 1)])
    return _u8(_paint(out, arrows, (70, 70, 74)))


def _rounded(size: tuple[int, int], x0: float, y0: float, x1: float, y1: float, r: float) -> np.ndarray:
    return _drawn(size, lambda d, k: d.rounded_rectangle((x0 * k, y0 * k, x1 * k, y1 * k), radius=r * k, fill=255))


def _volume_hud(f: np.ndarray, rng) -> np.ndarray:
    """A screenshot taken while the volume was changed: the phone's volume slider, a rounded vertical pill
    8-11% of the side wide, at least 4 px, and 38-52% of it high, 3-6% of the side in from the left or right edge,
    centred 38-62% of the way down, dark grey at 55-70% or light grey at 75-85%, filled from the bottom to a level
    of 20-90% in white or dark grey, with a speaker mark at its foot."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(4.0, side * rng.uniform(0.08, 0.11))
    H = side * rng.uniform(0.38, 0.52)
    inset = side * rng.uniform(0.03, 0.06)
    x0 = inset if rng.random() < 0.5 else w - inset - W
    y0 = h * rng.uniform(0.38, 0.62) - H / 2
    dark = rng.random() < 0.5
    pill = _rounded((h, w), x0, y0, x0 + W, y0 + H, W / 2)
    level = rng.uniform(0.2, 0.9)
    yl = y0 + H * (1 - level)
    yy, xx = _pixels(h, w)
    fill = pill * np.clip(yy - yl + 0.5, 0, 1)
    out = _paint(f, pill * (rng.uniform(0.55, 0.7) if dark else rng.uniform(0.75, 0.85)),
                 (38, 38, 42) if dark else (232, 232, 236))
    out = _paint(out, fill * 0.95, (250, 250, 250) if dark else (60, 60, 64))
    s = 0.42 * W
    cx, cy = x0 + W / 2, y0 + H - 0.75 * W
    speaker = [(cx - 0.5 * s, cy - 0.2 * s), (cx - 0.15 * s, cy - 0.2 * s), (cx + 0.35 * s, cy - 0.5 * s),
               (cx + 0.35 * s, cy + 0.5 * s), (cx - 0.15 * s, cy + 0.2 * s), (cx - 0.5 * s, cy + 0.2 * s)]
    icon = _poly((h, w), speaker) * pill
    return _u8(_paint(out, icon, (60, 60, 64) if dark else (250, 250, 250)))


def _charging_cable(f: np.ndarray, ground: float, rng) -> np.ndarray:
    """A phone's charging cable lying across the print: a cable 2.5-3.5% of the side thick, at least 1.2 px,
    coming in over a random edge 20-80% of the way along it and curving, bowed by up to 15-35% of its length, to
    a plug 30-70% of the way across and down (a moulded head 6.5-9% of the side long, at least 3 px, twice the
    cable's thickness, and a metal tip), white where the picture's border is darker than 110 and black where it
    is lighter, shaded as a tube with a highlight along it, and a soft shadow at 40%."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    cw = max(1.2, side * rng.uniform(0.025, 0.035))
    edge, t = int(rng.integers(4)), rng.uniform(0.2, 0.8)
    start = ((t * w, -0.05 * h), (1.05 * w, t * h), (t * w, 1.05 * h), (-0.05 * w, t * h))[edge]
    end = (w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7))
    L = float(np.hypot(end[0] - start[0], end[1] - start[1]))
    nx, ny = -(end[1] - start[1]) / L, (end[0] - start[0]) / L
    bow = L * rng.uniform(0.15, 0.35) * rng.choice([-1, 1])
    mid = ((start[0] + end[0]) / 2 + nx * bow, (start[1] + end[1]) / 2 + ny * bow)
    pts = _quad(start, mid, end)
    (xa, ya), (xb, yb) = pts[-2], pts[-1]
    ang = np.arctan2(yb - ya, xb - xa)
    lp = max(3.0, side * rng.uniform(0.065, 0.09))
    head = _turn([(xb - 0.1 * lp, yb - cw), (xb + lp, yb - cw), (xb + lp, yb + cw), (xb - 0.1 * lp, yb + cw)],
                 xb, yb, ang)
    tip = _turn([(xb + lp, yb - 0.6 * cw), (xb + 1.4 * lp, yb - 0.6 * cw), (xb + 1.4 * lp, yb + 0.6 * cw),
                 (xb + lp, yb + 0.6 * cw)], xb, yb, ang)
    body = np.maximum(_stroke((h, w), pts, cw), _poly((h, w), head))
    metal = _poly((h, w), tip)
    sh = np.maximum(body, metal)
    o = max(0.6, side * 0.015)
    shadow = gaussian_filter(np.roll(np.roll(sh, round(o), axis=0), round(o), axis=1), max(0.6, cw * 0.5))
    white = ground < 110
    colour = (236, 236, 232) if white else (34, 34, 36)
    hi = [(x - 0.2 * cw, y - 0.2 * cw) for x, y in pts]  # lit from the top left
    highlight = _stroke((h, w), hi, max(0.5, 0.3 * cw)) * body
    out = f * (1 - 0.4 * shadow[..., None])
    out = _paint(_paint(out, metal, (185, 186, 192)), body, colour)
    shade = gaussian_filter(body, max(0.5, 0.3 * cw))  # darker towards the tube's sides
    out = out * (1 - 0.25 * (body - shade).clip(0, 1)[..., None])
    return _u8(_paint(out, highlight * (0.6 if white else 0.35), (255, 255, 255)))


def _paw(cx: float, cy: float, L: float, ang: float) -> list[list[tuple[float, float]]]:
    """A dog's paw print ``L`` px long centred at (``cx``, ``cy``) pointing along ``ang`` radians: a main pad
    (three lobes at its heel) and four toe pads in an arc in front, as polygons."""
    c, s = np.cos(ang), np.sin(ang)
    at = lambda u, v: (cx + u * c - v * s, cy + u * s + v * c)  # noqa: E731  (u along, v across)
    shapes = [_ellipse(*at(-0.16 * L, 0.0), 0.2 * L, 0.28 * L, ang)]
    shapes += [_ellipse(*at(-0.3 * L, v * L), 0.11 * L, 0.12 * L, ang) for v in (-0.15, 0.0, 0.15)]
    for deg, r in ((-50, 0.36), (-17, 0.4), (17, 0.4), (50, 0.36)):
        a = np.deg2rad(deg)
        shapes.append(_ellipse(*at(0.02 * L + r * L * np.cos(a), r * L * np.sin(a)), 0.13 * L, 0.095 * L, ang + a))
    return shapes


def _paw_prints(f: np.ndarray, ground: float, rng) -> np.ndarray:
    """Muddy paw prints where a dog walked over the print: 1-2 prints below 48 px, 2-3 above, each 18-24% of the
    side long, at least 7 px (a three-lobed main pad and four toe pads), 1.3-1.6 lengths apart along a walk in
    a random direction, left and right feet a sixth of a length either side of it, centred 35-65% of the way across
    and down; wet brown mud where the border is lighter than 110, dried pale mud where it is darker, at 70-90%,
    uneven by a third, with a darker rim."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    L = max(7.0, side * rng.uniform(0.18, 0.24))
    n = int(rng.integers(1, 3)) if side < 48 else int(rng.integers(2, 4))
    ang = rng.uniform(0, 2 * np.pi)
    stride = L * rng.uniform(1.3, 1.6)
    cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.35, 0.65)
    side0 = rng.choice([-1, 1])
    m = np.zeros((h, w), np.float32)
    for j in range(n):
        u = (j - (n - 1) / 2) * stride
        v = L / 6 * side0 * (1 if j % 2 else -1)  # left and right feet
        px, py = cx + u * np.cos(ang) - v * np.sin(ang), cy + u * np.sin(ang) + v * np.cos(ang)
        pads = _paw(px, py, L, ang)
        m = np.maximum(m, _drawn((h, w), lambda d, k, pads=pads: [d.polygon(_scaled(p, k), fill=255) for p in pads]))
    uneven = np.clip(1 - 0.33 * (0.5 + 0.5 * np.tanh(_smooth_field((h, w), max(1.0, 0.08 * L), rng))), 0, 1)
    rim = np.clip(m - gaussian_filter(m, max(0.5, 0.06 * L)), 0, 1)
    wet = ground >= 110
    colour = np.array((92, 66, 44) if wet else (176, 146, 108), np.float32)
    alpha = m * rng.uniform(0.7, 0.9) * uneven
    out = _paint(f, alpha, colour)
    return _u8(out * (1 - 0.5 * rim[..., None]))


def _dodge_stroke(f: np.ndarray, rng) -> np.ndarray:
    """A photo editor's dodge brush swept over part of the picture and left there: a soft brush of radius 8-12% of
    the side, at least 2 px, dragged 35-55% of the side along a gently curved path through a point 30-70% of the
    way across and down, lightening what is under it 35-50% of the way to white."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    r = max(2.0, side * rng.uniform(0.08, 0.12))
    L = side * rng.uniform(0.35, 0.55)
    a = rng.uniform(0, np.pi)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    bend = L * rng.uniform(-0.25, 0.25)
    p0 = (cx - L / 2 * np.cos(a), cy - L / 2 * np.sin(a))
    p2 = (cx + L / 2 * np.cos(a), cy + L / 2 * np.sin(a))
    p1 = (cx - bend * np.sin(a), cy + bend * np.cos(a))
    m = gaussian_filter(_stroke((h, w), _quad(p0, p1, p2), 1.4 * r), 0.35 * r)
    m = np.clip(m / max(float(m.max()), 1e-6), 0, 1)
    k = rng.uniform(0.35, 0.5)
    return _u8(255 - (255 - f) * (1 - k * m[..., None]))


CRAYON_COLOURS = ((222, 38, 44), (40, 80, 212), (38, 160, 70), (132, 58, 170), (246, 128, 28))


def _crayon_scribble(f: np.ndarray, rng) -> np.ndarray:
    """A child's wax-crayon scribble on the print: 7-12 strokes back and forth across a patch 25-38% of the side
    wide and 18-30% high, turned by up to 30 degrees, centred 30-70% of the way across and down, the crayon 2-3%
    of the side wide, at least 1 px, in red, blue, green, purple or orange at 85-95%, its wax broken up by the
    paper's tooth (a third of the coverage uneven pixel to pixel)."""
    h, w = f.shape[:2]
    side = min(h, w)
    W, H = side * rng.uniform(0.25, 0.38), side * rng.uniform(0.18, 0.3)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    n = int(rng.integers(7, 13))
    pts = []
    for j in range(n + 1):
        x = cx + (W / 2 if j % 2 else -W / 2) + rng.uniform(-0.08, 0.08) * W
        y = cy - H / 2 + H * j / n + rng.uniform(-0.3, 0.3) * H / n
        pts.append((x, y))
    pts = _turn(pts, cx, cy, np.deg2rad(rng.uniform(-30, 30)))
    lw = max(1.0, side * rng.uniform(0.02, 0.03))
    cov = _stroke((h, w), pts, lw)
    tooth = rng.random((h, w)).astype(np.float32)
    alpha = cov * rng.uniform(0.85, 0.95) * (0.67 + 0.33 * tooth)
    return _u8(_paint(f, alpha, CRAYON_COLOURS[int(rng.integers(len(CRAYON_COLOURS)))]))


WOODS = ((224, 186, 138), (234, 208, 164), (200, 150, 100))


def _wood_transfer(f: np.ndarray, rng) -> np.ndarray:
    """The picture transferred onto a wooden board, as a photo-transfer craft print, and photographed: its ink
    multiplied onto a pale pine, birch or oak tone, the wood's grain showing through (latewood lines of period
    5-9% of the side, at least 2.5 px, within 10 degrees of the horizontal or the vertical, wandering by a smooth
    field of 25% of the side, darkening the wood by up to 15-22%), and the ink rubbed off unevenly along the
    board's edges, over 4-7% of the side, and in 1-3 worn patches of 6-10% of the side (45-75% of it lost)."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    t = np.deg2rad(rng.uniform(-10, 10) + (90 if rng.random() < 0.5 else 0))
    across = -xx * np.sin(t) + yy * np.cos(t)
    period = max(2.5, side * rng.uniform(0.05, 0.09))
    warp = 0.8 * period * _smooth_field((h, w), side * 0.25, rng)
    g = 0.5 + 0.5 * np.sin(2 * np.pi * (across + warp) / period)
    wood = np.asarray(WOODS[int(rng.integers(len(WOODS)))], np.float32) * rng.uniform(0.92, 1.03)
    wood = wood * (1 - rng.uniform(0.15, 0.22) * g ** 3)[..., None]
    e = max(1.0, side * rng.uniform(0.04, 0.07))
    border = np.minimum(np.minimum(xx, w - xx), np.minimum(yy, h - yy))
    rough = 0.5 * e * _smooth_field((h, w), max(1.0, side * 0.04), rng)
    lost = np.clip((e + rough - border) / max(1.0, 0.3 * e), 0, 1)
    for _ in range(int(rng.integers(1, 4))):
        r = max(1.5, side * rng.uniform(0.06, 0.1))
        cx, cy = w * rng.uniform(0.1, 0.9), h * rng.uniform(0.1, 0.9)
        lost = np.maximum(lost, gaussian_filter(np.clip(r - np.hypot(xx - cx, yy - cy), 0, 1), 0.3 * r) * 1.6)
    ink = 1 - np.clip(lost, 0, 1) * rng.uniform(0.45, 0.75)
    return _u8(wood * (1 - ink[..., None] * (1 - f / 255)))


def _quench_pattern(f: np.ndarray, rng) -> np.ndarray:
    """Shot through a car's tempered side window with a polarising filter: the glass's quench pattern, soft dark
    spots on a square lattice of period 16-26% of the side, at least 5 px, turned by up to 8 degrees, each a
    Gaussian of 22-30% of the period taking 35-55% of the light at its middle, half as strong spots in the middle
    of each cell, and the stress's interference colours, up to 8-14% of the light a channel, cycling round each
    spot."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    p = max(5.0, side * rng.uniform(0.16, 0.26))
    t = np.deg2rad(rng.uniform(-8, 8))
    u = (xx * np.cos(t) + yy * np.sin(t)) / p + rng.uniform(0, 1)
    v = (-xx * np.sin(t) + yy * np.cos(t)) / p + rng.uniform(0, 1)
    sig = rng.uniform(0.22, 0.3)
    du, dv = u - np.round(u), v - np.round(v)
    s = np.exp(-(du ** 2 + dv ** 2) / (2 * sig ** 2))
    du2, dv2 = u - np.floor(u) - 0.5, v - np.floor(v) - 0.5
    s = np.maximum(s, 0.5 * np.exp(-(du2 ** 2 + dv2 ** 2) / (2 * sig ** 2)))
    ring = 4 * s * (1 - s)  # the interference colours cycle with the stress, strongest on the spots' flanks
    phase = 2 * np.pi * 1.5 * s + rng.uniform(0, 2 * np.pi)
    hue = np.cos(phase[..., None] - 2 * np.pi * np.arange(3) / 3)
    tint = 1 + rng.uniform(0.08, 0.14) * ring[..., None] * hue
    return _u8(f * (1 - rng.uniform(0.35, 0.55) * s)[..., None] * tint)


def near_edit_t(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "compare_slider":  # a photo editor's before / after view
        return _compare_slider(f, rng)
    if kind == "volume_hud":  # a phone's volume slider over a screenshot
        return _volume_hud(f, rng)
    if kind == "charging_cable":  # a charging cable lying on the print
        return _charging_cable(f, _ground(a), rng)
    if kind == "paw_prints":  # a dog's muddy paw prints
        return _paw_prints(f, _ground(a), rng)
    if kind == "dodge_stroke":  # a photo editor's dodge brush stroke
        return _dodge_stroke(f, rng)
    if kind == "crayon_scribble":  # a child's crayon scribble
        return _crayon_scribble(f, rng)
    if kind == "wood_transfer":  # a photo transfer onto wood
        return _wood_transfer(f, rng)
    if kind == "quench_pattern":  # tempered glass's quench pattern through a polariser
        return _quench_pattern(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _burst_kernel(side: int, rng) -> np.ndarray:
    """A phone's night mode merging a hand-held burst without aligning it: 7-11 frames, each where the hand's
    tremor had moved the camera, drawn uniformly in an ellipse of semi-axes 5.5-8% of the side, at least 2 px,
    and 55-100% of that, at any turn; the frames equally weighted, each a disk of 0.6-1% of the side, at least
    0.5 px, centred on their mean."""
    n = int(rng.integers(7, 12))
    A = max(2.0, side * rng.uniform(0.055, 0.08))
    B = A * rng.uniform(0.55, 1.0)
    r, phi = np.sqrt(rng.random(n)), rng.uniform(0, 2 * np.pi, n)
    pts = _turn([(A * q * np.cos(p), B * q * np.sin(p)) for q, p in zip(r, phi)], 0.0, 0.0, rng.uniform(0, np.pi))
    return _path_kernel(_centred(pts), np.ones(n), max(0.5, side * rng.uniform(0.006, 0.01)))


def _edge_energy(a: np.ndarray) -> float:
    """The mean squared difference of grey pixels 2% of the side apart (at least 1 px), down and across."""
    g = np.asarray(a, np.float32).mean(axis=2)
    d = max(1, round(min(g.shape) / 50))
    return float(((g[d:] - g[:-d]) ** 2).mean() + ((g[:, d:] - g[:, :-d]) ** 2).mean())


def _jpeg2000(a: np.ndarray, rng) -> np.ndarray:
    """Stored as JPEG 2000 (the irreversible wavelet, as a lossy DICOM archive or a digital-cinema frame keeps a
    picture) with a fixed-quality target, the highest in whole decibels of PSNR from 34 down that leaves at most
    30-45% of the picture's edge energy (the mean squared difference of grey pixels 2% of the side apart, at
    least 1 px), decoded: a soft
    picture with the wavelet's ringing and blotches."""
    side = min(a.shape[:2])
    keep = rng.uniform(0.3, 0.45) * _edge_energy(a)
    nres = int(min(6, np.floor(np.log2(side)) - 1))
    out = a
    for db in range(34, 9, -1):
        buf = io.BytesIO()
        Image.fromarray(a).save(buf, format="JPEG2000", quality_mode="dB", quality_layers=[float(db)],
                                irreversible=True, num_resolutions=nres)
        buf.seek(0)
        with Image.open(buf) as im:
            out = np.asarray(im.convert("RGB"))
        if _edge_energy(out) <= keep:
            break
    return out


def _subtitled_refocus(a: np.ndarray, rng) -> np.ndarray:
    """A frame grabbed from a video while the camera refocused, with its burned-in subtitle: the picture
    defocused by a uniform disk of radius 6-9% of the side, at least 2 px, and over it, sharp, a line of made-up
    glyphs 7-9% of the side high, at least 4 px, over 45-75% of the width, centred, its foot 6-10% of the side
    above the bottom, white with a black outline."""
    from scipy.ndimage import maximum_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    out = _fft_blur(f, _disk_kernel(max(2.0, side * rng.uniform(0.06, 0.09))))
    gh = max(4.0, side * rng.uniform(0.07, 0.09))
    span = w * rng.uniform(0.45, 0.75)
    top = h - side * rng.uniform(0.06, 0.1) - gh
    lw = max(0.8, gh * 0.14)
    sub = np.random.default_rng(int(rng.integers(2 ** 31)))
    glyphs = _drawn((h, w), lambda d, k: _glyph_line(d, k, (w - span) / 2, (w + span) / 2, top, gh, lw, sub))
    outline = maximum_filter(glyphs, size=3 if side < 64 else 5)
    return _u8(_paint(_paint(out, outline * 0.85, (10, 10, 10)), glyphs, (250, 250, 250)))


def blur_t(a: np.ndarray, kind: str, rng) -> np.ndarray:
    side = min(a.shape[:2])
    if kind == "burst_merge":  # a night mode's burst merged without alignment
        return _u8(_fft_blur(a.astype(np.float32), _burst_kernel(side, rng)))
    if kind == "jpeg2000":  # a JPEG 2000 file at a high compression ratio
        return _jpeg2000(a, rng)
    if kind == "subtitled_refocus":  # a video frame during a refocus, its subtitle sharp
        return _subtitled_refocus(a, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def dark_t(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "soot":  # a print from a house fire under a film of soot, wiped in places
        T = rng.uniform(0.06, 0.1) * np.exp(0.35 * _smooth_field((h, w), side * rng.uniform(0.15, 0.25), rng))
        T = T * (0.55 + 0.45 * (yy / h) ** 0.8)  # thicker towards the top, where the smoke rose
        for _ in range(int(rng.integers(1, 3))):  # a cloth's wipe: a curved band, streaked along it
            a0 = rng.uniform(0, np.pi)
            c = (w * rng.uniform(0.25, 0.75), h * rng.uniform(0.25, 0.75))
            L = side * rng.uniform(0.5, 0.8)
            bend = L * rng.uniform(-0.3, 0.3)
            p0 = (c[0] - L / 2 * np.cos(a0), c[1] - L / 2 * np.sin(a0))
            p2 = (c[0] + L / 2 * np.cos(a0), c[1] + L / 2 * np.sin(a0))
            p1 = (c[0] - bend * np.sin(a0), c[1] + bend * np.cos(a0))
            band = gaussian_filter(_stroke((h, w), _quad(p0, p1, p2), side * rng.uniform(0.12, 0.2)),
                                   max(0.6, side * 0.02))
            across = (-(xx - c[0]) * np.sin(a0) + (yy - c[1]) * np.cos(a0))
            n = 4 * max(h, w)
            profile = _smooth_field((1, n), max(0.6, side * 0.008), rng)[0]
            streaks = 0.7 + 0.3 * np.tanh(profile[np.clip((across + n / 2).astype(int), 0, n - 1)])
            T = T * (1 + rng.uniform(2.0, 3.0) * band * streaks)
        T = np.minimum(T, 0.28)  # where wiped, at most 28% of the light comes through
        soot = np.array([1.0, 0.93, 0.84], np.float32)
        grain = 1 + 0.08 * rng.normal(0, 1, (h, w))
        return _u8(f * (T * grain)[..., None] * soot + noise)
    if kind == "developing_instant":  # an instant photo photographed while it develops
        g = np.array([20, 31, 35], np.float32) * rng.uniform(0.85, 1.15)
        edge = int(rng.integers(4))  # the edge the reagent spread from
        d = (yy / h, 1 - xx / w, 1 - yy / h, xx / w)[edge]
        k = rng.uniform(0.12, 0.2) * (1 - 0.4 * d)
        across = (xx / w, yy / h, xx / w, yy / h)[edge]
        streak = 1 + 0.08 * _smooth_field((1, max(w, h)), max(1.0, side * 0.02), rng)[0][
            np.clip((across * max(w, h)).astype(int), 0, max(w, h) - 1)]
        lum = f / 255
        emerged = 255 * k[..., None] * lum ** rng.uniform(1.6, 2.2) * streak[..., None]
        return _u8(g + emerged * np.array([0.95, 1.0, 0.97], np.float32) + noise)
    if kind == "eyeshine":  # a night scene under a distant flash, animals' eyes shining back
        out = f * rng.uniform(0.025, 0.05) * np.array([0.85, 0.95, 1.1], np.float32)
        n = int(rng.integers(1, 3)) if side < 48 else int(rng.integers(1, 5))
        glow = np.zeros((h, w, 3), np.float32)
        for _ in range(n):
            r = max(0.6, side * rng.uniform(0.012, 0.02))
            gap = r * rng.uniform(4, 7)
            cx, cy = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.25, 0.75)
            tilt = np.deg2rad(rng.uniform(-15, 15))
            colour = np.array(((190, 255, 120), (225, 240, 255), (255, 150, 60))[int(rng.integers(3))], np.float32)
            for s in (-0.5, 0.5):
                ex, ey = cx + s * gap * np.cos(tilt), cy + s * gap * np.sin(tilt)
                dd = np.hypot(xx - ex, yy - ey)
                core = np.clip(r - dd + 0.5, 0, 1)
                halo = rng.uniform(0.25, 0.4) * np.exp(-0.5 * (dd / (2.5 * r)) ** 2)
                glow = np.maximum(glow, np.maximum(core, halo)[..., None] * colour)
        return _u8(255 - (255 - out) * (1 - glow / 255) + noise)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _crossroads(size: int, rng) -> dict:
    """A road junction seen from above: two roads 16-24% of the side wide crossing 35-65% of the way across and
    down (one time in four a T-junction), turned by up to 20 degrees, with dashed centre lines, stop lines and a
    zebra crossing of 5-8 stripes on each arm, and from 48 px 3-6 cars on the lanes and trees on the blocks
    (0-1 coverage each)."""
    big = 4 * size
    ang = rng.uniform(-20, 20)
    cx, cy = big * rng.uniform(0.35, 0.65), big * rng.uniform(0.35, 0.65)
    rw = big * rng.uniform(0.16, 0.24)
    layers = {k: Image.new("L", (big, big), 0) for k in ("road", "marks", "cars", "trees", "roofs")}
    d = ImageDraw.Draw(layers["road"])
    dirs = ((1, 0), (0, 1), (-1, 0), (0, -1))  # right, down, left, up
    arms = [int(k) for k in (rng.permutation(4)[:3] if rng.random() < 0.25 else range(4))]
    far = 2 * big
    for k in arms:
        dx, dy = dirs[k]
        if dx:
            d.rectangle((min(cx, cx + dx * far), cy - rw / 2, max(cx, cx + dx * far), cy + rw / 2), fill=255)
        else:
            d.rectangle((cx - rw / 2, min(cy, cy + dy * far), cx + rw / 2, max(cy, cy + dy * far)), fill=255)
    m = ImageDraw.Draw(layers["marks"])
    lw = max(2, round(big * 0.008))
    dash, gap = big * 0.05, big * 0.04
    nz = int(rng.integers(5, 9))
    for k in arms:
        dx, dy = dirs[k]
        nx, ny = -dy, dx  # across the arm
        s = rw / 2 + big * 0.1
        while s < far:  # the dashed centre line
            x0, y0 = cx + dx * s, cy + dy * s
            m.line((x0, y0, x0 + dx * dash, y0 + dy * dash), fill=255, width=lw)
            s += dash + gap
        zs, sl = rw / 2 + big * 0.015, big * 0.035  # the zebra crossing's stripes, along the arm
        sw = rw / nz * 0.28
        for j in range(nz):
            off = -rw / 2 + (j + 0.5) * rw / nz
            px, py = cx + dx * zs + nx * off, cy + dy * zs + ny * off
            m.polygon([(px - nx * sw, py - ny * sw), (px + nx * sw, py + ny * sw),
                       (px + nx * sw + dx * sl, py + ny * sw + dy * sl),
                       (px - nx * sw + dx * sl, py - ny * sw + dy * sl)], fill=255)
        st = zs + sl + big * 0.02  # the stop line across the incoming half
        m.line((cx + dx * st, cy + dy * st, cx + dx * st + nx * rw / 2, cy + dy * st + ny * rw / 2), fill=255,
               width=2 * lw)
    if size >= 48:
        c = ImageDraw.Draw(layers["cars"])
        for _ in range(int(rng.integers(3, 7))):
            dx, dy = dirs[arms[int(rng.integers(len(arms)))]]
            s = rw / 2 + big * rng.uniform(0.12, 0.5)
            lane = rw * 0.25 * rng.choice([-1, 1])
            px, py = cx + dx * s - dy * lane, cy + dy * s + dx * lane
            ln, wd = big * 0.06, big * 0.03
            hx, hy = (ln / 2, wd / 2) if dx else (wd / 2, ln / 2)
            c.rounded_rectangle((px - hx, py - hy, px + hx, py + hy), radius=big * 0.008, fill=255)
        t = ImageDraw.Draw(layers["trees"])
        r = ImageDraw.Draw(layers["roofs"])
        for _ in range(int(rng.integers(4, 9))):
            x, y = big * rng.uniform(0.05, 0.95), big * rng.uniform(0.05, 0.95)
            if abs(x - cx) < rw * 0.8 or abs(y - cy) < rw * 0.8:
                continue
            if rng.random() < 0.5:
                rr = big * rng.uniform(0.025, 0.045)
                t.ellipse((x - rr, y - rr, x + rr, y + rr), fill=255)
            else:
                a2, b2 = big * rng.uniform(0.05, 0.09), big * rng.uniform(0.04, 0.07)
                r.rectangle((x - a2, y - b2, x + a2, y + b2), fill=255)
    return {k: _down(v, size, ang) for k, v in layers.items()}


# rough coastlines (longitude, latitude), degrees
CONTINENTS = (
    ((-168, 66), (-140, 70), (-95, 72), (-80, 63), (-62, 58), (-55, 48), (-70, 42), (-76, 35), (-81, 26), (-90, 29),
     (-97, 26), (-97, 19), (-88, 15), (-83, 9), (-79, 8), (-92, 15), (-105, 20), (-117, 32), (-124, 40), (-125, 49),
     (-137, 58), (-152, 59), (-165, 60)),
    ((-80, 9), (-62, 11), (-50, 1), (-35, -6), (-40, -22), (-48, -28), (-58, -38), (-65, -55), (-73, -50),
     (-73, -37), (-70, -18), (-81, -5)),
    ((-10, 36), (-9, 43), (-2, 48), (5, 53), (8, 58), (15, 69), (30, 71), (60, 70), (80, 73), (110, 77), (140, 72),
     (180, 68), (180, 62), (160, 60), (142, 52), (135, 43), (122, 31), (120, 22), (108, 18), (105, 9), (100, 14),
     (98, 8), (92, 22), (80, 9), (72, 20), (57, 25), (50, 30), (35, 31), (27, 37), (24, 41), (15, 44), (12, 38),
     (5, 43), (-5, 36)),
    ((-17, 21), (-10, 35), (10, 37), (32, 31), (43, 12), (51, 12), (40, -15), (35, -25), (20, -35), (15, -28),
     (12, -5), (9, 4), (-8, 5), (-15, 11)),
    ((114, -22), (130, -12), (142, -11), (153, -28), (147, -38), (135, -35), (115, -34)),
    ((-52, 60), (-44, 60), (-20, 70), (-20, 82), (-60, 82), (-72, 78), (-55, 70)),
    ((-180, -90), (180, -90), (180, -72), (90, -66), (0, -70), (-60, -65), (-100, -73), (-180, -78)),
    ((44, -12), (50, -15), (47, -25), (43, -23)),
    ((-6, 50), (2, 51), (-3, 58), (-6, 56)),
    ((130, 31), (141, 36), (145, 44), (140, 40)),
    ((95, 5), (106, -6), (120, -9), (118, 2), (110, 2)),
    ((166, -46), (178, -38), (172, -41)),
)


def _world_map(size: int, rng) -> tuple[dict, int]:
    """A piece of a world map: an equirectangular window 150-200 degrees wide and as high, centred on a random
    longitude and on a latitude of -20 to 30 degrees kept so that the window stays within the poles (on the equator
    where it is 180 degrees or more), the continents' rough coastlines (in three layers), their outlines, and a
    graticule every 15 or 30 degrees (0-1 coverage each)."""
    big = 4 * size
    span = rng.uniform(150, 200)
    lon0, lat0 = rng.uniform(-180, 180), rng.uniform(-20, 30)
    lat0 = float(np.clip(lat0, -90 + span / 2, 90 - span / 2)) if span < 180 else 0.0
    px = lambda lon, lat: (((lon - lon0 + 180) % 360 - 180) / span + 0.5) * big  # noqa: E731
    py = lambda lat: (0.5 - (lat - lat0) / span) * big  # noqa: E731
    land = [Image.new("L", (big, big), 0) for _ in range(3)]
    coast = Image.new("L", (big, big), 0)
    lw = max(1, round(big * 0.004))
    for j, poly in enumerate(CONTINENTS):
        pts = np.asarray(poly, float)
        lon = np.unwrap(np.deg2rad(((pts[:, 0] - lon0 + 180) % 360 - 180)))
        lon = np.rad2deg(lon)
        for shift in (-360, 0, 360):
            xy = [((x + shift) / span * big + big / 2, py(y)) for x, y in zip(lon, pts[:, 1])]
            ImageDraw.Draw(land[j % 3]).polygon(xy, fill=255)
            ImageDraw.Draw(coast).line(xy + [xy[0]], fill=255, width=lw)
    grid = Image.new("L", (big, big), 0)
    step = 15 if rng.random() < 0.5 else 30
    g = ImageDraw.Draw(grid)
    for lon in range(-180, 181, step):
        x = px(lon, 0)
        g.line((x, 0, x, big), fill=255, width=lw)
    for lat in range(-90, 91, step):
        g.line((0, py(lat), big, py(lat)), fill=255, width=lw)
    return {"land0": _down(land[0], size), "land1": _down(land[1], size), "land2": _down(land[2], size),
            "coast": _down(coast, size), "grid": _down(grid, size)}, step


def _ultrasound(size: int, rng) -> dict:
    """A medical ultrasound scan: a fan from a transducer at the top middle, half-angle 38-48 degrees, out to
    85-95% of the side, filled with speckle (Rayleigh noise smeared across the beam) fading with depth, 1-2 dark
    fluid pockets (ellipses of semi-axes 8-18% and 6-12% of the side) with brighter tissue under them, a bright
    curved tissue boundary across, and from 48 px depth marks down its right edge and a line of made-up glyphs at
    the top left (the fan's brightness 0-1, and 0-1 coverages)."""
    from scipy.ndimage import gaussian_filter

    yy, xx = _pixels(size, size)
    ax, ay = size / 2, size * rng.uniform(0.02, 0.06)
    half = np.deg2rad(rng.uniform(38, 48))
    R, r0 = size * rng.uniform(0.85, 0.95), size * rng.uniform(0.04, 0.08)
    rad = np.hypot(xx - ax, yy - ay)
    th = np.arctan2(xx - ax, yy - ay)
    fan = np.clip((half - np.abs(th)) * rad + 0.5, 0, 1) * np.clip(R - rad + 0.5, 0, 1) * np.clip(rad - r0 + 0.5, 0, 1)
    sp = np.hypot(rng.normal(0, 1, (size, size)), rng.normal(0, 1, (size, size))) / 1.25
    sp = gaussian_filter(sp, (max(0.3, size * 0.004), max(0.5, size * 0.012)))
    depth = np.clip((rad - r0) / (R - r0), 0, 1)
    b = sp * (0.75 - 0.45 * depth) * (1 + 0.3 * np.exp(-((depth - rng.uniform(0.3, 0.6)) / 0.15) ** 2))
    for _ in range(int(rng.integers(1, 3))):
        ex, ey = ax + size * rng.uniform(-0.18, 0.18), size * rng.uniform(0.4, 0.7)
        ea, eb = size * rng.uniform(0.08, 0.18), size * rng.uniform(0.06, 0.12)
        e = ((xx - ex) / ea) ** 2 + ((yy - ey) / eb) ** 2
        cyst = np.clip((1 - e) * 4, 0, 1)
        below = np.clip(1 - np.abs(xx - ex) / ea, 0, 1) * (yy > ey) * np.exp(-(yy - ey - eb) / (size * 0.15)) * (e > 1)
        b = b * (1 - 0.9 * cyst) * (1 + 0.6 * below)
    c0, c1 = size * rng.uniform(0.25, 0.4), rng.uniform(-0.4, 0.4)
    curve = c0 + c1 * (xx - ax) + size * rng.uniform(0.2, 0.6) * ((xx - ax) / size) ** 2
    b = b + 0.9 * np.exp(-0.5 * ((yy - curve) / max(0.5, size * 0.008)) ** 2)
    b = np.clip(gaussian_filter(b, max(0.3, size * 0.003)), 0, 1) * fan
    marks = np.zeros((size, size), np.float32)
    text = np.zeros((size, size), np.float32)
    if size >= 48:
        def draw_marks(d, k):
            for j in range(1, 10):
                rr = r0 + (R - r0) * j / 10
                x, y = ax + rr * np.sin(half) + size * 0.03, ay + rr * np.cos(half)
                d.ellipse(((x - size * 0.006) * k, (y - size * 0.006) * k, (x + size * 0.006) * k,
                           (y + size * 0.006) * k), fill=255)
        marks = _drawn((size, size), draw_marks)
        sub = np.random.default_rng(int(rng.integers(2 ** 31)))
        text = _drawn((size, size), lambda d, k: _glyph_line(d, k, size * 0.03, size * 0.3, size * 0.03,
                                                             size * 0.045, max(0.5, size * 0.006), sub))
    return {"scan": b, "marks": marks, "text": text}


def outlier_t(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "crossroads":
        m = _crossroads(size, rng)
        if photos:  # grey asphalt, white markings, green or dry blocks, grey or red roofs, coloured cars
            block = ((95, 130, 75), (170, 160, 120), (120, 125, 110))[int(rng.integers(3))]
            out = _paint(ground(block), m["road"], (88, 90, 94))
            out = _paint(_paint(out, m["marks"], (240, 240, 236)), m["trees"], (45, 85, 45))
            out = _paint(out, m["roofs"], ((150, 70, 55), (120, 122, 128))[int(rng.integers(2))])
            car = ((200, 40, 40), (235, 235, 235), (30, 60, 150), (30, 30, 32))[int(rng.integers(4))]
            return _u8(_paint(out, m["cars"], car))
        out = _paint(ground([lo] * 3), m["road"], tone(0.4))
        out = _paint(_paint(out, m["marks"], tone(1.0)), m["trees"], tone(0.2))
        return _u8(_paint(_paint(out, m["roofs"], tone(0.6)), m["cars"], tone(0.8)))
    if kind == "world_map":
        m, _ = _world_map(size, rng)
        if photos:  # a blue ocean, land in three map colours, dark coastlines, a light graticule
            ocean = ((120, 170, 215), (170, 205, 230), (40, 80, 140))[int(rng.integers(3))]
            out = _paint(ground(ocean), m["grid"], (225, 235, 245))
            for j, col in enumerate(((205, 190, 140), (150, 190, 120), (225, 170, 150))):
                out = _paint(out, m[f"land{j}"], col)
            return _u8(_paint(out, m["coast"], (60, 60, 70)))
        out = _paint(ground([lo] * 3), m["grid"], tone(0.35))
        for j in range(3):
            out = _paint(out, m[f"land{j}"], tone(0.6 + 0.12 * j))
        return _u8(_paint(out, m["coast"], tone(1.0)))
    if kind == "ultrasound":
        m = _ultrasound(size, rng)
        if photos:  # grey speckle on black, a faint warm or cool tint some of the time
            tint = np.array(((1.0, 1.0, 1.0), (1.0, 0.95, 0.85), (0.9, 0.97, 1.05))[int(rng.integers(3))], np.float32)
            out = ground((4, 4, 4)) + 250 * m["scan"][..., None] * tint
            return _u8(_paint(_paint(out, m["marks"], (235, 235, 235)), m["text"], (235, 235, 235)))
        out = ground([lo] * 3) + (hi - lo) * m["scan"][..., None]
        return _u8(_paint(_paint(out, m["marks"], tone(1.0)), m["text"], tone(1.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def late_class_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                     rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a class added to the labelling guideline late, whose
    examples labelled before it was added got the class each looked most like: classes are taken in a random
    order until the eligible examples of those taken are at least twice ``count``, and the flips are drawn
    uniformly among those examples, each given the other class whose mean thumbnail (8 x 8 grey, standardised)
    is nearest its own thumbnail."""
    lab = np.asarray([classes.index(v) for v in labels])
    t = _thumbs(base)
    means = np.stack([t[lab == k].mean(axis=0) for k in range(len(classes))])
    cand = np.asarray(candidates, dtype=int)
    late, pool = [], np.zeros(0, dtype=int)
    for k in rng.permutation(len(classes)):
        late.append(int(k))
        pool = cand[np.isin(lab[cand], late)]
        if len(pool) >= 2 * count:
            break
    d = ((t[pool][:, None, :] - means[None]) ** 2).sum(axis=2)
    d[np.arange(len(pool)), lab[pool]] = np.inf
    nearest = d.argmin(axis=1)
    picked = rng.permutation(len(pool))[:count]
    return {int(pool[j]): classes[int(nearest[j])] for j in picked}


# -- planting ------------------------------------------------------------------------------
def plant_issues_t(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator T's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 74-92 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_T, seed=200_000 + random_state,
        quality_seed=205_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=late_class_flips,
        **by_family(name, outlier=(outlier_t, OUTLIERS_T), blur=(blur_t, BLURS_T), dark=(dark_t, DARKS_T),
                    near=(near_edit_t, NEAR_EDITS_T)))
