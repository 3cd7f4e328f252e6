"""Generator S: fresh EVALUATION sets after generator R (never used to choose anything).

Why a seventeenth evaluation generator: generator R's sets were run once and their results have been seen
(docs/benchmarks.md); S is a held-out measurement of the library's code after R's run. Generator S was written on
2026-12-04, after generator R's results were seen and before any tool was run on it (only its files, their counts and
contact sheets of its edits, blurs, darkenings and foreign pictures were looked at, to check that every edit is
visible, every blur blurred, every darkened image dark and every outlier foreign at 28, 114 and 176 px, and the
planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings,
foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian,
soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no
earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R) and none of the
library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast,
gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left out because an earlier
generator made them or one close to them: a film strip's sprocket holes (M's binder holes), a lens hood's dark
corners (E's vignette, I's rounded corners), a camera's live histogram panel (O's navigator), a lasso's marching
ants (M's polygon), dappled shade under a tree (I's cast shadow, M's leaves), a liquify bloat (L's magnifying glass,
F's swirl), a face-tracking square (K's focus brackets), a phone's AR measuring line (K's arrow, N's ruler); of the
whole picture a red-cyan anaglyph (G's channel misregistration), a false-colour map (J's duotone), CLAHE (D's
equalisation), a 1-bit dithered copy (E's palette), an LCD's subpixel stripes (G's scan lines, I's moire); among
blurs a star-shaped bokeh cut-out (G's hexagon), onion-ring bokeh (P's pinhole rings), a hair on the rear element
(R's mesh), an equatorial mount's periodic error (a beaded motion line: the calibration's motion, M's dashes),
field curvature's blurred corners (J's lens-baby circle, H's tilt-shift), a textured-glass diffuser (I's frosted
glass), spherical aberration's halo (H's Moffat), a thick window's train of ghosts (G's double exposure, O's
trail); among darkenings blue hour (G's night shot), a fireplace's embers (Q's campfire), a laptop's glow in a dark
room (I's lamp, as P's phone screen), a moon with its halo (I's lamp), dust-storm daylight (J's sodium lamp, R's
smoke); among foreign pictures houses (a bag on the clothing sets), snowmen (an 8 on the digit sets), pool tables
and tennis courts (R's pitch), solar-panel arrays (K's crosswords), DNA helices (F's spirals), cacti (a 4 on the
digit sets); among label noise a drop-down list's neighbour in alphabetical order (B's class -> next class, O's
hotkeys) and a labeller tiring towards the end of the set (I's careless annotator's share).

* ``near_duplicate`` (3%), six edits in a part of the picture and two of the whole: ripples from a drop fallen into
  a film of water over the print (round a point 30-70% of the way across and down, out to 20-30% of the side, at
  least 5 px, a radial displacement of 2-3.5% of the side, at least 1 px, of wavelength 6-9% of the side, at least
  2 px, fading outwards, the slopes facing the light lit by up to 28-42 levels and the others darkened as much), a
  frame of a screen recording taken as the viewer double-tapped the picture (a social app's white "like" heart
  34-46% of the side wide, at least 9 px, centred 40-60% of the way across and down, at 85-95%, with a soft shadow
  of 1.5% of the side taking 35% of the light), a glitch-art pixel-sorting edit (in a band 22-35% of the side wide,
  at least 5 px, down or across the picture, 15-85% of the way across it, every line's pixels along the band sorted
  by their brightness, either way), a graffiti tag sprayed over the print (a stroke 45-70% of the side long, bowed by
  up to 35% of its length, centred 35-65% of the way across and down at any angle, of aerosol paint in red, pink,
  green, blue, yellow or white, dense along its middle, a Gaussian of 2.5-4% of the side, at least 1 px, at 80-95%,
  speckled by 40%, with overspray dots out to three times that), bubble wrap over part of the print (a rectangle of
  45-65% of the side each way anywhere in the picture, the film's milky haze at 12-20%, a hexagonal lattice of
  bubbles of radius 3.5-5% of the side, at least 1.6 px, 2.2-2.5 radii apart, each with a darker rim taking 30% of
  the light and a highlight towards a random side at 60-80%) and an over-under shot half in the water (below a
  waterline 45-65% of the way down, wavy by 1.5-3% of the side, at least 0.7 px, the picture enlarged 1.15-1.3
  times about the waterline and tinted blue-green, a bright meniscus 1.5% of the side wide, at least 0.8 px, at
  65-80% and a dark band under it taking 45% of the light); of the whole picture: a cinema film stock shot without
  its anti-halation layer (a red-orange glow, a Gaussian of 3-5% of the side, at least 1.2 px, round everything
  lighter than the picture's 80th-90th percentile, at least 60 levels, screened in at up to 75-90%) and a phone
  app's oil-painting filter (a Kuwahara filter: each pixel the mean colour of the least varied, in grey, of the four
  square windows of 3-4.5% of the side plus one, at least 3 px, that have it at a corner);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): a picture taken from a car on a rough road (the camera carried 10-16% of the side, at least 3 px,
  within 20 degrees of the horizontal while bouncing across it by 25-40% of that over 1.5-2.5 bounces at a random
  phase: a sine-wave path, centred on its centroid), the penumbra of a bimodal focal spot, as a projection
  radiograph's or an enlarger's line-focus lamp's (two parallel bands 9-13% of the side long, at least 3 px,
  fading towards their ends as a Gaussian of 40% of that, 4-6% of the side apart, at least 2 px, at any turn) and a
  negative bowed out of a film scanner's focal plane (held flat at its edges, bulging in the middle: defocus by a
  uniform disk whose radius grows from 30-45% of the middle's at the corners to 7-10% of the side, at least 2 px,
  near the middle, within 5% of the side of it; four radii blended per pixel);
* ``dark`` (2%): a darkroom print exposed far too long (the scene's log luminance through a paper's characteristic
  curve, density from 0.08 to a maximum of 1.9-2.2, slope 1.6-2.2, shifted 0.28-0.45 log units past white, on a
  slightly warm paper: the whole print dim, its whites at about 40-55 levels, its blacks lifted to the paper's
  maximum density; noise sigma 1 level), a dark corridor lit by recessed downlights scalloping the wall (2-3 lamps
  below 48 px, 2-4 above, spread across the top, 5-15% of the way down, each a bright warm dot of 2.2% of the side,
  at least 0.8 px, over a hyperbola-topped wash of light 6-10% of the side wide at its top, brightest along its
  edges, fading downwards over 60-90% of the side, at a gain of 0.2-0.3; elsewhere 0.015-0.035; noise sigma 1.2
  levels) and a night-vision monocular's picture held to the camera (the picture's lightness at a gain of 0.16-0.26
  in the phosphor's green over a floor of 1.5% of full scale, inside the tube's round field of radius 44-50% of the
  side, darkening by 35% towards its edge, with the tube's scintillation: grain of sigma 1.5% of full scale and
  0.8% of the pixels sparkling by 7.5-15% of full scale; noise sigma 0.6 levels);
* ``outlier`` (1.5%): wind farms (rolling hills from 72-82% of the way down, 1-2 turbines below 48 px, 2-4 above,
  the nearest 60-80% of the side tall, each a tapering tower, a nacelle and three blades at a random turn),
  suspension bridges seen from the side (two towers with cross beams 50-62% of the side apart, the main cable
  hanging between them and down to the banks, from 48 px 7-13 hangers, the deck 55-65% of the way down and the water
  below) and railway tracks running to the horizon (a vanishing point 30-42% of the way down and 35-65% across, the
  ballast bed, two rails and sleepers closing up with the distance, from 48 px telegraph poles beside it); the digit
  and clothing sets get them in their own tones on their dark ground, the photographs as white turbines on green
  hills under a blue sky, a red, grey or white bridge over dark blue water under a sky and a track of grey ballast,
  brown sleepers and steel rails through green or dry fields;
* ``label`` (5%): *shortcut* flips: a labeller working fast goes by one shortcut cue, how light the picture is
  overall (its mean grey level: how much ink a digit or garment has, how bright a photograph's part is): each
  class's typical level is the median of its examples', an example's pull to another class is how much nearer its
  level is to the nearest other class's typical level than to its own class's, and the flips are drawn uniformly
  among the quarter of the eligible examples (twice the flips needed at least) most pulled, each given that
  nearest other class. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
S's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 171), MNIST (2,000, seed 172), and the evaluation photographs tiled at 114 px (35 tiles a photograph at most,
seed 173: 433) and at 176 px (every tile, seed 174: 240), sizes no other set uses. ``photos114_s_jpeg`` is written
as JPEG files, each at a quality drawn from 72-90 (a stream of its own, seed ``195_000 + random_state``), every edit,
blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``190_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J, K, L, M, N, O, P, Q
and R).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint, _scaled, _turn
from _heldout_o import _path_kernel
from _heldout_p import _centred
from _heldout_q import _down
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_S = ("fashion_test_s", "mnist_s", "photos114_s_jpeg", "photos176_s")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_S = {
    "fashion_test_s": ("fashion_test", 171),
    "mnist_s": ("mnist", 172),
    "photos114_s_jpeg": ("photos", 173, 114, 12, 35),
    "photos176_s": ("photos", 174, 176, 8, 1000),
}
JPEG_QUALITY = (72, 91)  # the JPEG set's qualities: integers in [low, high)
RATES_S = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_S = ("water_ripple", "like_heart", "pixel_sort", "spray_paint", "bubble_wrap", "half_underwater",
                "halation", "oil_paint")
BLURS_S = ("car_bump", "focal_spot", "bowed_negative")
DARKS_S = ("overprinted", "wall_scallops", "night_vision")
OUTLIERS_S = ("wind_farm", "suspension_bridge", "railway")


def load_base_s(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_S, "S")


def _pixels(h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-centre coordinates (y, x) in px from the top left corner."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return yy + 0.5, xx + 0.5


def _resample(f: np.ndarray, yy: np.ndarray, xx: np.ndarray) -> np.ndarray:
    """``f`` read at pixel-centre coordinates (``yy``, ``xx``), bilinear, the edge repeated."""
    from scipy.ndimage import map_coordinates

    return np.stack([map_coordinates(f[..., c], [yy - 0.5, xx - 0.5], order=1, mode="nearest")
                     for c in range(f.shape[2])], axis=2)


# -- near copies -----------------------------------------------------------------------------
def _water_ripple(f: np.ndarray, rng) -> np.ndarray:
    """A print lying under a shallow film of water into which a drop has just fallen: concentric ripples round
    the drop's point refracting the picture under them (a radial displacement, decaying outwards) and catching
    the light on their slopes."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cy, cx = h * rng.uniform(0.3, 0.7), w * rng.uniform(0.3, 0.7)
    R = max(5.0, side * rng.uniform(0.2, 0.3))
    lam = max(2.0, side * rng.uniform(0.06, 0.09))
    amp = max(1.0, side * rng.uniform(0.02, 0.035))
    r = np.hypot(yy - cy, xx - cx) + 1e-6
    env = np.clip(1 - r / R, 0, 1) ** 0.7
    ph = rng.uniform(0, 2 * np.pi)
    d = amp * np.sin(2 * np.pi * r / lam + ph) * env
    out = _resample(f, yy + d * (yy - cy) / r, xx + d * (xx - cx) / r)
    light = rng.uniform(28, 42) * np.cos(2 * np.pi * r / lam + ph) * env  # the slopes facing the light
    return _u8(out + light[..., None])


def _heart(cx: float, cy: float, s: float) -> list[tuple[float, float]]:
    t = np.linspace(0, 2 * np.pi, 72, endpoint=False)
    x, y = 16 * np.sin(t) ** 3, -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t))
    return [(cx + s * a / 32, cy + s * (b + 2) / 32) for a, b in zip(x, y)]


def _like_heart(f: np.ndarray, rng) -> np.ndarray:
    """A frame of a screen recording taken while the viewer double-tapped the picture: the social app's big white
    "like" heart over the middle of it, with a soft shadow."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(9.0, side * rng.uniform(0.34, 0.46))
    cx, cy = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.4, 0.6)
    o = max(0.6, side * 0.015)
    shadow = gaussian_filter(_drawn((h, w), lambda d, k: d.polygon(_scaled(_heart(cx + o, cy + o, s), k), fill=255)),
                             max(0.6, side * 0.02))
    heart = _drawn((h, w), lambda d, k: d.polygon(_scaled(_heart(cx, cy, s), k), fill=255))
    out = f * (1 - 0.35 * shadow[..., None])
    return _u8(_paint(out, heart * rng.uniform(0.85, 0.95), (250, 250, 252)))


def _pixel_sort(f: np.ndarray, rng) -> np.ndarray:
    """A glitch-art pixel-sorting edit applied to a band of the picture: in a band 22-35% of the side wide, down
    or across the picture, the pixels of every line along the band sorted by their brightness."""
    h, w = f.shape[:2]
    side = min(h, w)
    bw = max(5, round(side * rng.uniform(0.22, 0.35)))
    across = rng.random() < 0.5
    g = f if not across else f.transpose(1, 0, 2)
    n = g.shape[1]
    x0 = int(np.clip(round(n * rng.uniform(0.15, 0.85) - bw / 2), 0, n - bw))
    band = g[:, x0: x0 + bw]
    order = np.argsort(band.mean(axis=2), axis=0, kind="stable")
    if rng.random() < 0.5:
        order = order[::-1]
    out = g.copy()
    out[:, x0: x0 + bw] = np.take_along_axis(band, order[..., None].repeat(3, axis=2), axis=0)
    return _u8(out if not across else out.transpose(1, 0, 2))


SPRAY_COLOURS = ((235, 30, 45), (250, 80, 190), (40, 210, 70), (40, 110, 245), (255, 215, 0), (250, 250, 250))


def _spray_paint(f: np.ndarray, rng) -> np.ndarray:
    """A graffiti tag sprayed across the print: a curved stroke 45-70% of the side long of aerosol paint, dense
    along its middle and speckled, with overspray dots round it."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    L = side * rng.uniform(0.45, 0.7)
    a = rng.uniform(0, np.pi)
    cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.35, 0.65)
    bend = L * rng.uniform(-0.35, 0.35)
    t = np.linspace(0, 1, 48)
    pts = _turn([(cx + L * (u - 0.5), cy + bend * 4 * u * (1 - u) - bend / 2) for u in t], cx, cy, a)
    sig = max(1.0, side * rng.uniform(0.025, 0.04))
    d = np.full((h, w), np.inf, np.float32)
    for (x0, y0), (x1, y1) in zip(pts[:-1], pts[1:]):
        dx, dy = x1 - x0, y1 - y0
        q = np.clip(((xx - x0) * dx + (yy - y0) * dy) / max(dx * dx + dy * dy, 1e-9), 0, 1)
        d = np.minimum(d, np.hypot(xx - x0 - q * dx, yy - y0 - q * dy))
    core = np.exp(-0.5 * (d / sig) ** 2)
    speckle = rng.random((h, w)).astype(np.float32)
    alpha = np.clip(rng.uniform(0.8, 0.95) * core * (0.6 + 0.4 * speckle), 0, 1)
    alpha = np.maximum(alpha, (speckle > 0.985 - 0.06 * core) * np.exp(-0.5 * (d / (3 * sig)) ** 2) * 0.8)
    colour = SPRAY_COLOURS[int(rng.integers(len(SPRAY_COLOURS)))]
    return _u8(_paint(f, alpha, colour))


def _bubble_wrap(f: np.ndarray, rng) -> np.ndarray:
    """A print photographed half wrapped in bubble wrap: over a rectangle of 45-65% of the side the film's milky
    haze and a hexagonal lattice of air bubbles, each with a bright highlight towards the light and a darker rim."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    rw, rh = side * rng.uniform(0.45, 0.65), side * rng.uniform(0.45, 0.65)
    x0, y0 = w * rng.uniform(0.0, 1.0) * (1 - rw / w), h * rng.uniform(0.0, 1.0) * (1 - rh / h)
    film = np.clip(xx - x0 + 0.5, 0, 1) * np.clip(x0 + rw - xx + 0.5, 0, 1) * np.clip(yy - y0 + 0.5, 0, 1) * \
        np.clip(y0 + rh - yy + 0.5, 0, 1)
    rb = max(1.6, side * rng.uniform(0.035, 0.05))
    p = rb * rng.uniform(2.2, 2.5)
    row = np.floor((yy - y0) / (p * 0.866))
    u = (xx - x0) / p - 0.5 * (row % 2)
    cxb = x0 + (np.round(u) + 0.5 * (row % 2)) * p
    cyb = y0 + (row + 0.5) * p * 0.866
    dx, dy = xx - cxb, yy - cyb
    r = np.hypot(dx, dy)
    inside = np.clip(rb - r + 0.5, 0, 1) * film
    rim = np.clip(1 - np.abs(r - rb * 0.9) / max(0.5, rb * 0.18), 0, 1) * film
    la = rng.uniform(0, 2 * np.pi)
    hl = np.exp(-((dx - 0.4 * rb * np.cos(la)) ** 2 + (dy - 0.4 * rb * np.sin(la)) ** 2) / (0.3 * rb) ** 2) * inside
    out = _paint(f, film * rng.uniform(0.12, 0.2), (235, 238, 240))
    out = out * (1 - 0.3 * rim[..., None])
    return _u8(_paint(out, np.clip(hl * rng.uniform(0.6, 0.8), 0, 1), (252, 252, 255)))


def _half_underwater(f: np.ndarray, rng) -> np.ndarray:
    """An over-under shot, half in the water, as through a dome port or an aquarium's side: below a wavy
    waterline 45-65% of the way down the picture refracted (enlarged 1.15-1.3 times about the waterline) and
    tinted blue-green, a bright meniscus along the line with a dark band under it."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    y0 = h * rng.uniform(0.45, 0.65)
    wl = y0 + max(0.7, side * rng.uniform(0.015, 0.03)) * np.sin(2 * np.pi * xx / (side * rng.uniform(0.4, 0.7))
                                                                 + rng.uniform(0, 2 * np.pi))
    m = rng.uniform(1.15, 1.3)
    below = _resample(f, y0 + (yy - y0) / m, w / 2 + (xx - w / 2) / m)
    below = below * np.array([0.55, 0.85, 0.95], np.float32) + np.array([0, 22, 38], np.float32)
    t = np.clip(yy - wl + 0.5, 0, 1)[..., None]
    out = f * (1 - t) + below * t
    lw = max(0.8, side * 0.015)
    line = np.clip(1 - np.abs(yy - wl) / lw, 0, 1)
    dark = np.clip(1 - np.abs(yy - wl - 2 * lw) / (1.5 * lw), 0, 1)
    out = out * (1 - 0.45 * dark[..., None])
    return _u8(_paint(out, line * rng.uniform(0.65, 0.8), (235, 245, 250)))


def _halation(f: np.ndarray, rng) -> np.ndarray:
    """Shot on a cinema film stock without its anti-halation layer (as CineStill film): every highlight wrapped in
    a red-orange glow, the light reflected back from the film base into the red layer."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    lum = f.mean(axis=2)
    t = max(float(np.percentile(lum, rng.uniform(80, 90))), 60.0)
    hi = np.clip((lum - t) / max(255 - t, 1.0), 0, 1)
    halo = gaussian_filter(hi, max(1.2, side * rng.uniform(0.03, 0.05)))
    halo = np.clip(2.5 * halo / max(float(halo.max()), 1e-6), 0, 1) * rng.uniform(0.75, 0.9)
    colour = np.array([255, 75, 30], np.float32)
    return _u8(255 - (255 - f) * (1 - halo[..., None] * colour / 255))


def _oil_paint(f: np.ndarray, rng) -> np.ndarray:
    """A phone app's oil-painting filter (a Kuwahara filter): each pixel the mean colour of the least varied of
    the four square windows of side ``r + 1`` that have it at a corner, ``r`` 3-4.5% of the side, at least 2 px:
    flat brushed patches with their edges kept."""
    from scipy.ndimage import uniform_filter

    h, w = f.shape[:2]
    side = min(h, w)
    r = max(2, round(side * rng.uniform(0.03, 0.045)))
    k = r + 1
    lum = f.mean(axis=2)
    means, vars_ = [], []
    for oy in (0, 1):
        for ox in (0, 1):
            # a k x k window with the pixel at one of its corners (scipy's extreme origins)
            org = (-(k // 2) if oy == 0 else (k - 1) // 2, -(k // 2) if ox == 0 else (k - 1) // 2)
            mu = np.stack([uniform_filter(f[..., c], k, origin=org, mode="reflect") for c in range(3)], axis=2)
            m1 = uniform_filter(lum, k, origin=org, mode="reflect")
            m2 = uniform_filter(lum * lum, k, origin=org, mode="reflect")
            means.append(mu)
            vars_.append(m2 - m1 * m1)
    pick = np.argmin(np.stack(vars_), axis=0)
    out = np.take_along_axis(np.stack(means), pick[None, ..., None].repeat(3, axis=3), axis=0)[0]
    return _u8(out)


def near_edit_s(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "water_ripple":  # ripples from a drop in a film of water over the print
        return _water_ripple(f, rng)
    if kind == "like_heart":  # a social app's double-tap heart
        return _like_heart(f, rng)
    if kind == "pixel_sort":  # a glitch-art pixel-sorted band
        return _pixel_sort(f, rng)
    if kind == "spray_paint":  # a sprayed graffiti stroke
        return _spray_paint(f, rng)
    if kind == "bubble_wrap":  # bubble wrap over part of the print
        return _bubble_wrap(f, rng)
    if kind == "half_underwater":  # an over-under shot: the lower part under water
        return _half_underwater(f, rng)
    if kind == "halation":  # red halation round the highlights
        return _halation(f, rng)
    if kind == "oil_paint":  # an oil-painting (Kuwahara) filter
        return _oil_paint(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _bump_path(side: int, rng) -> list[tuple[float, float]]:
    """Shot from a car on a rough road: the camera carried 10-16% of the side, at least 3 px, along a line within
    20 degrees of the horizontal while bouncing across it by 25-40% of that, over 1.5-2.5 bounces at a random
    phase: a sine-wave path of 400 time samples, centred on their mean."""
    T = max(3.0, side * rng.uniform(0.1, 0.16))
    B = T * rng.uniform(0.25, 0.4)
    n, ph = rng.uniform(1.5, 2.5), rng.uniform(0, 2 * np.pi)
    a = np.deg2rad(rng.uniform(-20, 20))
    t = (np.arange(400) + 0.5) / 400
    u, v = T * (t - 0.5), B * np.sin(2 * np.pi * n * t + ph)
    return _centred([(float(x * np.cos(a) - y * np.sin(a)), float(x * np.sin(a) + y * np.cos(a)))
                     for x, y in zip(u, v)])


def _focal_spot_kernel(side: int, rng) -> np.ndarray:
    """A projection radiograph's (or a contact print's) penumbra from a bimodal focal spot: the two parallel
    bands of an X-ray tube's line focus, each 9-13% of the side long, at least 3 px, fading at its ends, 4-6% of
    the side apart, at least 2 px, at a random turn."""
    L = max(3.0, side * rng.uniform(0.09, 0.13))
    d = max(2.0, side * rng.uniform(0.04, 0.06))
    a = rng.uniform(0, np.pi)
    s = np.linspace(-L / 2, L / 2, 40)
    pts = [(x, y) for y in (-d / 2, d / 2) for x in s]
    wts = np.tile(np.exp(-0.5 * (s / (0.4 * L)) ** 2), 2)
    return _path_kernel(_turn(pts, 0.0, 0.0, a), wts, max(0.5, side * 0.006))


def _disk_kernel(R: float) -> np.ndarray:
    """A uniform disk of radius ``R`` px (4 x 4 samples a pixel)."""
    r = int(np.ceil(R)) + 1
    n = 2 * r + 1
    sub = (np.arange(4 * n) + 0.5) / 4 - (r + 0.5)
    yy, xx = np.meshgrid(sub, sub, indexing="ij")
    return (np.hypot(yy, xx) <= R).astype(np.float32).reshape(n, 4, n, 4).sum(axis=(1, 3))


def blur_s(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "car_bump":  # shot from a car bouncing on a rough road: a sine-wave path
        pts = _bump_path(side, rng)
        return _u8(_fft_blur(f, _path_kernel(pts, np.ones(len(pts)), 0.5)))
    if kind == "focal_spot":  # a bimodal focal spot's penumbra: two parallel soft bands
        return _u8(_fft_blur(f, _focal_spot_kernel(side, rng)))
    if kind == "bowed_negative":  # a negative bowed out of the scanner's focal plane, most in the middle
        R = max(2.0, side * rng.uniform(0.07, 0.1))
        edge = rng.uniform(0.3, 0.45)  # the defocus at the held edges, as a share of the middle's
        yy, xx = _pixels(h, w)
        cy, cx = h / 2 + side * rng.uniform(-0.05, 0.05), w / 2 + side * rng.uniform(-0.05, 0.05)
        bow = np.clip(1 - (((yy - cy) / (h / 2)) ** 2 + ((xx - cx) / (w / 2)) ** 2) / 2, 0, 1)  # 1 mid, 0 corners
        level = (edge + (1 - edge) * bow) * 3  # four radii, blended per pixel
        out = np.zeros_like(f)
        for j in range(4):
            wgt = np.clip(1 - np.abs(level - j), 0, 1)[..., None]
            out += wgt * _fft_blur(f, _disk_kernel(max(0.8, R * (j + 1) / 4)))
        return _u8(out)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _srgb(lin: np.ndarray) -> np.ndarray:
    lin = np.clip(lin, 0, 1)
    return 255 * np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * lin ** (1 / 2.4) - 0.055)


def dark_s(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "overprinted":  # a darkroom print exposed far too long: the paper's characteristic curve
        lin = (f / 255) ** 2.2
        dmax, k, c = rng.uniform(1.9, 2.2), rng.uniform(1.6, 2.2), rng.uniform(0.28, 0.45)
        dens = dmax - (dmax - 0.08) / (1 + np.exp(-k * (np.log10(lin + 1e-3) - c)))
        paper = np.array([1.0, 0.96, 0.88], np.float32) * rng.uniform(0.9, 1.0)
        return _u8(_srgb(10 ** -dens * paper) + rng.normal(0, 1.0, f.shape))
    if kind == "wall_scallops":  # a dark corridor lit by a few recessed downlights scalloping the wall
        n = int(rng.integers(2, 4)) if side < 48 else int(rng.integers(2, 5))
        gain = np.full((h, w), rng.uniform(0.015, 0.035), np.float32)
        core = np.zeros((h, w), np.float32)
        colour = np.array([1.0, 0.9, 0.72], np.float32)
        xs = (np.arange(n) + 0.5 + rng.uniform(-0.15, 0.15, n)) / n * w
        y0 = h * rng.uniform(0.05, 0.15)
        g = rng.uniform(0.2, 0.3)
        soft = max(0.7, side * 0.02)
        for x0 in xs:
            sp = side * rng.uniform(0.06, 0.1)  # the scallop's half-width at its top
            dy = yy - y0
            # inside the hyperbola-topped wash below the lamp, brightest along its edge, fading downwards
            edge = np.sqrt(sp ** 2 + (0.55 * np.clip(dy, 0, None)) ** 2)
            inside = np.clip((edge - np.abs(xx - x0)) / soft + 0.5, 0, 1) * (dy > 0)
            rim = np.exp(-(((edge - np.abs(xx - x0)) / max(1.0, side * 0.05)) ** 2))
            gain += g * inside * (0.55 + 0.45 * rim) * np.exp(-np.clip(dy, 0, None) / (side * rng.uniform(0.6, 0.9)))
            r = max(0.8, side * 0.022)
            core = np.maximum(core, np.clip(r - np.hypot((xx - x0) / 1.8, yy - y0 + r * 0.4) + 0.5, 0, 1))
        out = f * gain[..., None] * colour
        return _u8(_paint(out, core, (255, 248, 225)) + noise)
    if kind == "night_vision":  # a night-vision monocular's dim green picture held to the camera
        lum = f.mean(axis=2) / 255
        g = rng.uniform(0.16, 0.26)
        r = np.hypot(yy - h / 2, xx - w / 2)
        R = side * rng.uniform(0.44, 0.5)
        tube = np.clip((R - r) / max(0.8, side * 0.03) + 0.5, 0, 1) * (1 - 0.35 * (r / R) ** 2)
        sc = rng.normal(0, 1, (h, w)) * 0.06 + (rng.random((h, w)) > 0.992) * rng.uniform(0.3, 0.6)
        v = np.clip((lum * g + 0.015 + sc * 0.25) * tube, 0, 1)
        phosphor = np.array([0.35, 1.0, 0.45], np.float32)
        return _u8(255 * v[..., None] * phosphor + 0.5 * noise)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _wind_farm(size: int, rng) -> dict:
    """A wind farm on rolling hills: 1-2 turbines below 48 px, 2-4 above, the nearest 60-80% of the side tall,
    each a tapering tower, a nacelle and three blades at a random turn (0-1 coverage each)."""
    big = 4 * size
    xs = np.linspace(0, big, 60)
    hills = Image.new("L", (big, big), 0)
    top = big * rng.uniform(0.72, 0.82) + big * 0.04 * np.sin(2 * np.pi * xs / big * rng.uniform(0.7, 1.5)
                                                             + rng.uniform(0, 6.3))
    ImageDraw.Draw(hills).polygon(list(zip(xs, top)) + [(big, big), (0, big)], fill=255)
    towers, blades = Image.new("L", (big, big), 0), Image.new("L", (big, big), 0)
    n = int(rng.integers(1, 3)) if size < 48 else int(rng.integers(2, 5))
    for j in range(n):
        H = big * (rng.uniform(0.6, 0.8) if j == 0 else rng.uniform(0.25, 0.45))
        x = big * (rng.uniform(0.35, 0.65) if j == 0 else rng.uniform(0.08, 0.92))
        base = float(np.interp(x, xs, top)) + big * 0.02
        hy = base - H
        tw = max(3.0, H * 0.035)
        ImageDraw.Draw(towers).polygon([(x - tw, base), (x + tw, base), (x + tw * 0.5, hy), (x - tw * 0.5, hy)],
                                       fill=255)
        ImageDraw.Draw(towers).ellipse((x - tw * 1.3, hy - tw * 1.3, x + tw * 1.3, hy + tw * 1.3), fill=255)
        bl = H * rng.uniform(0.42, 0.5)
        a0 = rng.uniform(0, 2 * np.pi / 3)
        for k in range(3):
            a = a0 + k * 2 * np.pi / 3
            pts = [(0, -tw * 0.9), (bl * 0.25, -tw * 1.1), (bl, -tw * 0.25), (bl, tw * 0.1), (0, tw * 0.6)]
            ImageDraw.Draw(blades).polygon(_turn([(x + px, hy + py) for px, py in pts], x, hy, a), fill=255)
    return {k: _down(v, size) for k, v in (("hills", hills), ("towers", towers), ("blades", blades))}


def _bridge(size: int, rng) -> dict:
    """A suspension bridge seen from the side across water: two towers with cross beams, the main cables hanging
    between them in a parabola and down to the banks, vertical hangers (from 48 px), the deck, and the water
    below (0-1 coverage each)."""
    big = 4 * size
    deck = big * rng.uniform(0.55, 0.65)
    span = big * rng.uniform(0.5, 0.62)
    cx = big / 2 + big * rng.uniform(-0.05, 0.05)
    xl, xr = cx - span / 2, cx + span / 2
    top = deck - big * rng.uniform(0.35, 0.45)
    sag = deck - big * rng.uniform(0.03, 0.08)
    lw = max(2, round(big * 0.012))
    layers = {k: Image.new("L", (big, big), 0) for k in ("water", "structure", "cables")}
    ImageDraw.Draw(layers["water"]).rectangle((0, deck + big * 0.04, big, big), fill=255)
    d = ImageDraw.Draw(layers["structure"])
    d.rectangle((0, deck - big * 0.015, big, deck + big * 0.015), fill=255)
    tw = big * 0.025
    for x in (xl, xr):
        for sgn in (-1, 1):
            d.rectangle((x + sgn * tw - tw * 0.4, top, x + sgn * tw + tw * 0.4, big), fill=255)
        for yb in (top + big * 0.02, top + (deck - top) * 0.5):
            d.rectangle((x - tw * 1.4, yb, x + tw * 1.4, yb + big * 0.015), fill=255)
    c = ImageDraw.Draw(layers["cables"])
    u = np.linspace(xl, xr, 60)
    cab = top + (sag - top) * (1 - ((u - cx) / (span / 2)) ** 2)
    c.line(list(zip(u, cab)), fill=255, width=lw, joint="curve")
    c.line([(xl, top), (0, deck - big * 0.02)], fill=255, width=lw)
    c.line([(xr, top), (big, deck - big * 0.02)], fill=255, width=lw)
    if size >= 48:
        for x in np.linspace(xl, xr, int(rng.integers(9, 15)))[1:-1]:
            y = top + (sag - top) * (1 - ((x - cx) / (span / 2)) ** 2)
            c.line([(x, y), (x, deck)], fill=255, width=max(1, lw // 2))
    return {k: _down(v, size) for k, v in layers.items()}


def _railway(size: int, rng) -> dict:
    """A railway track running away to the horizon: the ballast bed and two rails converging to a vanishing point
    30-42% of the way down, 35-65% of the way across, sleepers closing up with the distance, and from 48 px a row
    of telegraph poles beside it shrinking the same way (0-1 coverage each)."""
    big = 4 * size
    hy = big * rng.uniform(0.3, 0.42)
    vx = big * rng.uniform(0.35, 0.65)
    bx = big / 2 + big * rng.uniform(-0.08, 0.08)
    gauge = big * rng.uniform(0.4, 0.55)
    at = lambda x, t: vx + (x - vx) * t  # noqa: E731  (t: 0 at the horizon, 1 at the bottom)
    ys = lambda t: hy + (big - hy) * t  # noqa: E731
    layers = {k: Image.new("L", (big, big), 0) for k in ("ground", "ballast", "rails", "sleepers", "poles")}
    ImageDraw.Draw(layers["ground"]).rectangle((0, hy, big, big), fill=255)
    ImageDraw.Draw(layers["ballast"]).polygon([(vx, hy), (at(bx + gauge * 0.95, 1), big),
                                               (at(bx - gauge * 0.95, 1), big)], fill=255)
    d = ImageDraw.Draw(layers["sleepers"])
    t = 1.0
    while t > 0.04:
        t2 = t * 0.86
        d.polygon([(at(bx - gauge * 0.75, t), ys(t)), (at(bx + gauge * 0.75, t), ys(t)),
                   (at(bx + gauge * 0.75, t * 0.93), ys(t * 0.93)), (at(bx - gauge * 0.75, t * 0.93), ys(t * 0.93))],
                  fill=255)
        t = t2
    for x in (bx - gauge / 2, bx + gauge / 2):
        rw = big * 0.03
        ImageDraw.Draw(layers["rails"]).polygon([(vx, hy), (at(x + rw / 2, 1), big), (at(x - rw / 2, 1), big)],
                                                fill=255)
    if size >= 48:
        px = bx + gauge * rng.choice([-1.6, 1.6])
        t = 1.0
        while t > 0.08:
            x, y = at(px, t), ys(t)
            ph = big * 0.5 * t
            pw = max(2.0, big * 0.012 * t)
            ImageDraw.Draw(layers["poles"]).rectangle((x - pw, y - ph, x + pw, y), fill=255)
            ImageDraw.Draw(layers["poles"]).rectangle((x - 6 * pw, y - ph, x + 6 * pw, y - ph + 1.5 * pw), fill=255)
            t *= 0.7
    return {k: _down(v, size) for k, v in layers.items()}


def outlier_s(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    yy = (np.arange(size, dtype=np.float32)[:, None, None] + 0.5) / size
    sky = lambda: np.broadcast_to(np.array([70, 130, 210], np.float32) * (1 - yy)  # noqa: E731
                                  + np.array([190, 215, 240], np.float32) * yy, (size, size, 3)).copy()
    if kind == "wind_farm":
        m = _wind_farm(size, rng)
        if photos:  # white turbines on green hills under a blue sky
            out = _paint(sky(), m["hills"], (85, 140, 60))
            return _u8(_paint(_paint(out, m["towers"], (238, 240, 242)), m["blades"], (250, 250, 252)))
        out = _paint(ground([lo] * 3), m["hills"], tone(0.3))
        return _u8(_paint(_paint(out, m["towers"], tone(0.85)), m["blades"], tone(1.0)))
    if kind == "suspension_bridge":
        m = _bridge(size, rng)
        if photos:  # a red or grey bridge over dark blue water under a sky
            colour = ((190, 55, 40), (150, 155, 165), (235, 235, 230))[int(rng.integers(3))]
            out = _paint(sky(), m["water"], (35, 70, 115))
            return _u8(_paint(_paint(out, m["cables"], colour), m["structure"], colour))
        out = _paint(ground([lo] * 3), m["water"], tone(0.2))
        return _u8(_paint(_paint(out, m["cables"], tone(0.8)), m["structure"], tone(1.0)))
    if kind == "railway":
        m = _railway(size, rng)
        if photos:  # a track through green or dry fields under a sky
            field = ((95, 140, 65), (185, 165, 95))[int(rng.integers(2))]
            out = _paint(_paint(sky(), m["ground"], field), m["ballast"], (135, 125, 115))
            out = _paint(_paint(out, m["sleepers"], (95, 70, 50)), m["rails"], (200, 200, 205))
            return _u8(_paint(out, m["poles"], (70, 55, 40)))
        out = _paint(_paint(ground([lo] * 3), m["ground"], tone(0.15)), m["ballast"], tone(0.35))
        out = _paint(_paint(out, m["sleepers"], tone(0.6)), m["rails"], tone(1.0))
        return _u8(_paint(out, m["poles"], tone(0.75)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def shortcut_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                   rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a labeller who, working fast, goes by one shortcut cue,
    how light the picture is overall (its mean grey level, as the amount of ink of a digit or garment or the
    brightness of a photograph's part): each class's typical level is its examples' median, and an example's pull
    to another class is how much nearer its level is to that class's than to its own class's; the flips are drawn
    uniformly among the quarter of the eligible examples (twice the flips needed at least) most pulled, each given
    the class whose typical level is nearest its own, its own class left out."""
    lab = np.asarray([classes.index(v) for v in labels])
    level = np.asarray([float(np.asarray(a, np.float32).mean()) for a in base])
    typical = np.array([np.median(level[lab == k]) for k in range(len(classes))])
    cand = np.asarray(candidates, dtype=int)
    d = np.abs(level[cand][:, None] - typical[None, :])
    own = d[np.arange(len(cand)), lab[cand]]
    d[np.arange(len(cand)), lab[cand]] = np.inf
    nearest = d.argmin(axis=1)
    pull = own - d.min(axis=1)
    k = min(max(len(cand) // 4, 2 * count), len(cand))
    pool = np.argsort(-pull, kind="stable")[:k]
    picked = rng.permutation(pool)[:count]
    return {int(cand[j]): classes[int(nearest[j])] for j in picked}


# -- planting ------------------------------------------------------------------------------
def plant_issues_s(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator S's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 72-90 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_S, seed=190_000 + random_state,
        quality_seed=195_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=shortcut_flips,
        **by_family(name, outlier=(outlier_s, OUTLIERS_S), blur=(blur_s, BLURS_S), dark=(dark_s, DARKS_S),
                    near=(near_edit_s, NEAR_EDITS_S)))
