"""Generator P: fresh EVALUATION sets after generator O (never used to choose anything).

Why a fourteenth evaluation generator: generator O's sets were run once and their results have been seen
(docs/benchmarks.md); P is a held-out measurement of the library's code after O's run. Generator P was written on
2026-12-04, after generator O's results were seen and before any tool was run on it (only its files, their counts,
the JPEG headers and contact sheets of its edits were looked at, to check that every edit is visible, every blur
blurred, every darkened image dark and every outlier foreign at 28, 106 and 164 px); it is not to be changed after
its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning
tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J,
K, L, M, N, O) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift,
rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left
out because an earlier generator made them or one close to them: a photo-booth or ID-card frame (F's frame, E's
letterbox), hole-punch confetti (M's binder holes, E's specks), a hand-drawn circle (H's annotation ring), a
window's title bar (J's caption bar, H's interface screenshots), a tilted scan with white wedges (the calibration's
rotate), moire from a re-photographed screen (I), a sepia or old-photo tone (J's duotone), a posterised copy (D), a
colour-blind simulation (no change on the grey sets), crop marks and registration targets (K's viewfinder brackets,
N's colour chart), a museum's accession label (K's price tag), a rubber band (O's pencil, N's paper clip); among
blurs heat haze (H's turbulence), a jittery hand-held shot (E's random-walk shake), a dirty aquarium's glass (K's
dirty lens); among darkenings a cave under a head torch and a tunnel with a light at its end (K's spotlight, H's
flash falloff), a night dive (K's deep water), a phone screen's glow in a power cut (I's lamp); among foreign
pictures honeycombs (G's Voronoi cells), snowflakes (F's trees and starbursts), contour maps (H) and playing cards
(L); among label noise a tired labeller repeating the label given before (M's bulk labelling; in its statistics a
guess by class frequency, as J's).

* ``near_duplicate`` (3%), six edits in a part of the picture and two of the whole: a housefly on the glass (a dark
  head, thorax and abdomen 22-30% of the side long, at least 8 px, six thin legs, two translucent wings folded back
  at 45-60%, at any turn, on the most detailed of 12 random places 25-75% of the way across and down), a dry
  embossing seal pressed into an ID photograph's corner (no ink: a rim, an inner ring, 16-28 short strokes for its
  lettering between them and a five-pointed star, radius 20-27% of the side, at least 6 px, centred 17-25% of the
  side in from a random corner; its relief lit from a random side, shading by up to 140-180 levels at its edges,
  the pressed paper lifted by 18-28 levels), a small cumulus cloud over an aerial picture (a puffy blob of sigma
  14-20% of the side within a quarter of the side of the middle, white at 80-95%, its shadow 8-14% of the side
  away in a random direction taking 35-50% of the light), a product shot's glossy-floor reflection (the lower
  28-40% of the picture replaced by a floor of the border's tone showing the mirror image of the part above the
  line, from 40-55% there to nothing at the bottom), a cross-screen (star) filter (4, 6 or 8 rays, 22-38% of the
  side long, 0.6-0.9% of the side wide, at least 0.7 px, fading to their tips, and a glowing core of 2.5% of the
  side, at 1-3 of the brightest peaks of the picture softened by 3% of the side, in a warm white) and frost on the
  window in a corner (3-5 fern-like ice branches 22-40% of the side long growing in from the edges near a random
  corner, side branches at 50-70 degrees, two levels deep, lines 0.7-1% of the side, at least 0.6 px, white at
  70-90%, over a white haze of 30-45% falling off over 15-22% of the side); of the whole picture: a print faded by
  sunlight in its frame (inside a mat's window 6-10% of the side in from every edge, at least 1 px, the picture
  faded towards a paper tone, 50-62% of it kept at the top rising by 8-16% to the bottom, with a warm cast of
  green 92-97% and blue 80-88%; the strip under the mat as it was) and a sheet-fed scanner's slipping feed (at 2-4
  places 15-85% of the way down, across the columns one time in four, one line read again for 5-9% of the side,
  at least 2 px, streaking it, the rest of the picture pushed on and cut off at the end);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): a camera swinging on its strap (a pendulum's arc, its chord 12-18% of the side, at least 3.5 px,
  the pendulum 0.8-1.6 chords long, exposed over 0.3-0.5 of a swing at a random phase, so that the kernel dwells at
  the swing's ends; at any turn, centred on its centroid), a light tripod ringing after the shutter was pressed (a
  damped elliptical swing of semi-axes 6-9% of the side, at least 2 px, and 40-100% of that, over 2-4 cycles,
  decaying by e over 0.6-1.2 cycles, at any turn, centred on its centroid) and a pinhole camera (the Fresnel
  diffraction pattern of a round hole whose shadow's radius is 5-7.5% of the side, at least 1.6 px, at a Fresnel
  number of 1.5-3.5: a disk with soft edges and bright and dark rings inside);
* ``dark`` (2%): a tarnished old print (the picture at a gain of 0.07-0.12 in a dark brown, and the blue-silver
  sheen of silver mirroring, 16-28 levels in its dark parts, falling off over 12-20% of the side from the edges,
  uneven by half over a tenth of the side; noise sigma 1.2 levels), light painting (a dark scene lit by a torch swept
  along a smooth path across or down the picture through 3-5 random points in a long exposure: a band 10-16% of the
  side either side of the path, its edges softened by 40% of that, lit at a gain of 0.22-0.35 in a warm, cool or
  white torch colour, elsewhere 0.01-0.025; noise sigma 1.2 levels) and an emergency vehicle's lights at night (red
  light from one side and blue from the other, across the picture three times in four, else down it, each at a
  gain of 0.10-0.18 falling off by e over 30-45% of the side, with a coloured glow of 6-12 levels near each side,
  elsewhere 0.01-0.02; noise sigma 1.2 levels);
* ``outlier`` (1.5%): butterflies (seen from above, wings spread, a wingspan of 60-90% of the side, fore and hind
  wings with a dark border, veins and two eyespots each, a body and clubbed antennae, turned by up to 20 degrees),
  knitted swatches (stocking stitch, 5-7 stitches across below 48 px, 8-14 above, each a V of two shaded legs, with
  a two-colour motif of diamonds, a checker or zigzag stripes, turned by up to 10 degrees) and electrophoresis gels
  (4-6 lanes below 48 px, 7-12 above, each under its well, one a ladder of 6-10 bands, the others 2-6 bands of
  random strength, blurred and curved into a slight smile); the digit and clothing sets get them in their own tones
  on their dark ground, the photographs as an orange, blue, yellow, white or red butterfly on leaf green, a flower's
  pink or the sky, a swatch of two yarns (cream and red, navy and white, green and cream, grey and mustard), and a
  gel glowing pink or white on a transilluminator's black or stained blue on a light box;
* ``label`` (5%): *legacy-taxonomy* flips: the set was first labelled in an older taxonomy in which pairs of
  look-alike classes were one class, and migrated by mapping each old class to one of its two new classes (a random
  one of them), re-checked only in part; pairs of classes, most alike first (by the distance between their mean 8 x
  8 grey thumbnails, each standardised), each class in one pair at most, are taken until the other classes of the
  pairs hold at least twice the flips needed among the eligible examples; the flips are drawn uniformly among
  those, each given its pair's mapped class: one-way noise within a few pairs. Every flip changes the label, so
  every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
P's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 141), MNIST (2,000, seed 142), and the evaluation photographs tiled at 106 px (35 tiles a photograph at most,
seed 143: 471) and at 164 px (every tile, seed 144: 283), sizes no other set uses. ``photos106_p_jpeg``
is written as JPEG files, each at a quality drawn from 75-92 (a stream of its own, seed ``165_000 + random_state``),
every edit, blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at
their own quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``160_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J, K, L, M, N and O).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import _grid, by_family, plant_generator
from _heldout_k import _most_detail, _paint, _scaled, _turn
from _heldout_l import _smooth_field
from _heldout_o import _path_kernel
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_P = ("fashion_test_p", "mnist_p", "photos106_p_jpeg", "photos164_p")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_P = {
    "fashion_test_p": ("fashion_test", 141),
    "mnist_p": ("mnist", 142),
    "photos106_p_jpeg": ("photos", 143, 106, 12, 35),
    "photos164_p": ("photos", 144, 164, 8, 1000),
}
JPEG_QUALITY = (75, 93)  # the JPEG set's qualities: integers in [low, high)
RATES_P = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_P = ("fly", "embossed_seal", "cloud", "floor_reflection", "star_filter", "frost", "sun_faded",
                "scanner_slip")
BLURS_P = ("strap_swing", "tripod_ringing", "pinhole")
DARKS_P = ("tarnished", "light_painting", "emergency_lights")
OUTLIERS_P = ("butterfly", "knitting", "gel")
THUMB = 8  # side of the grey thumbnails the legacy classes are paired on


def load_base_p(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_P, "P")


def _ellipse(cx: float, cy: float, a: float, b: float, ang: float, n: int = 32) -> list[tuple[float, float]]:
    """An ellipse's outline (semi-axes ``a`` along ``ang`` radians and ``b`` across it) as ``n`` points."""
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return _turn([(cx + a * np.cos(u), cy + b * np.sin(u)) for u in t], cx, cy, ang)


# -- near copies -----------------------------------------------------------------------------
def _fly(f: np.ndarray, rng) -> np.ndarray:
    """A housefly sitting on the glass of a framed print or a screen: a dark body (head, thorax, abdomen), six
    thin legs and two translucent wings folded back over the abdomen."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.22, 0.3))  # head to the end of the abdomen
    cy, cx = _most_detail(f.mean(axis=2), L / 2, 0.25, 0.75, rng)
    ang = rng.uniform(0, 2 * np.pi)
    fly = lambda pts: _turn([(cx + x, cy + y) for x, y in pts], cx, cy, ang)  # noqa: E731  the head at -x
    body = [_ellipse(-0.38 * L, 0, 0.12 * L, 0.14 * L, 0), _ellipse(-0.12 * L, 0, 0.17 * L, 0.14 * L, 0),
            _ellipse(0.22 * L, 0, 0.28 * L, 0.16 * L, 0)]
    wings = [_ellipse(0.2 * L, s * 0.17 * L, 0.32 * L, 0.12 * L, s * rng.uniform(0.3, 0.5)) for s in (-1, 1)]
    legs = []
    for s in (-1, 1):
        for x0, bend in ((-0.2, -0.35), (-0.1, 0.05), (0.0, 0.35)):
            knee = (x0 * L + bend * 0.2 * L, s * 0.3 * L)
            legs.append([(x0 * L, s * 0.08 * L), knee, (knee[0] + bend * 0.3 * L, s * 0.42 * L)])
    lw = max(0.6, side * 0.007)
    leg_m = _drawn((h, w), lambda d, k: [d.line(_scaled(fly(p), k), fill=255, width=max(1, round(lw * k)))
                                         for p in legs])
    body_m = _drawn((h, w), lambda d, k: [d.polygon(_scaled(fly(p), k), fill=255) for p in body])
    wing_m = _drawn((h, w), lambda d, k: [d.polygon(_scaled(fly(p), k), fill=255) for p in wings])
    vein_m = _drawn((h, w), lambda d, k: [d.line(_scaled(fly([(0.0, s * 0.06 * L), (0.45 * L, s * 0.3 * L)]), k),
                                                 fill=255, width=max(1, round(lw * k))) for s in (-1, 1)])
    dark = np.array([32, 30, 26], np.float32) * rng.uniform(0.8, 1.2)
    out = _paint(f, leg_m, dark)
    out = _paint(out, body_m, dark)
    out = _paint(out, wing_m * rng.uniform(0.45, 0.6), (215, 218, 222))
    return _u8(_paint(out, vein_m * wing_m * 0.5, (90, 80, 60)))


def _embossed_seal(f: np.ndarray, rng) -> np.ndarray:
    """A dry embossing seal pressed into a corner of an ID photograph: no ink, only relief lit from one side: a
    rim, an inner ring, a ring of short strokes (its lettering) between them and a star in the middle."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(6.0, side * rng.uniform(0.2, 0.27))
    corner = int(rng.integers(4))
    cx = side * rng.uniform(0.17, 0.25)
    cy = side * rng.uniform(0.17, 0.25)
    cx, cy = (w - cx if corner & 1 else cx), (h - cy if corner & 2 else cy)
    n = int(rng.integers(16, 29))
    ph = rng.uniform(0, 2 * np.pi)
    star = [(cx + (0.38 if j % 2 == 0 else 0.16) * R * np.cos(ph + np.pi * j / 5),
             cy + (0.38 if j % 2 == 0 else 0.16) * R * np.sin(ph + np.pi * j / 5)) for j in range(10)]

    def draw(d, k):
        box = lambda r: (k * (cx - r), k * (cy - r), k * (cx + r), k * (cy + r))  # noqa: E731
        d.ellipse(box(R), outline=255, width=max(1, round(0.08 * R * k)))
        d.ellipse(box(0.7 * R), outline=255, width=max(1, round(0.05 * R * k)))
        for j in range(n):
            a = ph + 2 * np.pi * j / n
            d.line([(k * (cx + 0.76 * R * np.cos(a)), k * (cy + 0.76 * R * np.sin(a))),
                    (k * (cx + 0.88 * R * np.cos(a)), k * (cy + 0.88 * R * np.sin(a)))], fill=255,
                   width=max(1, round(0.05 * R * k)))
        d.polygon(_scaled(star, k), fill=255)

    from scipy.ndimage import gaussian_filter

    pressed = _drawn((h, w), draw)
    height = gaussian_filter(pressed, max(0.5, side * 0.006))
    light = rng.uniform(0, 2 * np.pi)
    gy, gx = np.gradient(height)
    relief = -(gx * np.cos(light) + gy * np.sin(light)) / max(float(np.abs(gx).max() + np.abs(gy).max()), 1e-6)
    return _u8(f + (rng.uniform(140, 180) * relief + rng.uniform(18, 28) * height)[..., None])


def _cloud(f: np.ndarray, rng) -> np.ndarray:
    """A small cumulus cloud over an aerial or satellite picture, with its shadow on the ground beside it."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _grid(h, w)
    cy, cx = side * rng.uniform(-0.25, 0.25), side * rng.uniform(-0.25, 0.25)
    s = side * rng.uniform(0.14, 0.2)
    blob = np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * s * s))
    puff = 0.6 * _smooth_field((h, w), side * 0.08, rng) + 0.4 * _smooth_field((h, w), side * 0.03, rng)
    density = blob * (1 + 0.35 * puff)
    m = np.clip((density - 0.45) / 0.25, 0, 1)
    ang = rng.uniform(0, 2 * np.pi)
    d = side * rng.uniform(0.08, 0.14)
    from scipy.ndimage import shift

    shadow = np.clip(shift(m, (d * np.sin(ang), d * np.cos(ang)), order=1, mode="constant"), 0, 1)
    out = f * (1 - rng.uniform(0.35, 0.5) * shadow[..., None])
    return _u8(_paint(out, m * rng.uniform(0.8, 0.95), (246, 247, 250)))


def _floor_reflection(f: np.ndarray, rng) -> np.ndarray:
    """A product shot's glossy-floor reflection: the lower part of the picture replaced by a floor of the
    border's tone showing the mirror image of the part above it, fading out downwards."""
    h, w = f.shape[:2]
    cut = int(round(h * (1 - rng.uniform(0.28, 0.4))))
    ground = np.concatenate([f[0], f[-1], f[:, 0], f[:, -1]]).mean(axis=0)
    out = f.copy()
    rows = np.arange(cut, h)
    src = np.clip(2 * cut - 1 - rows, 0, h - 1)
    alpha = rng.uniform(0.4, 0.55) * (1 - (rows - cut) / max(1, h - cut))
    out[cut:] = ground * (1 - alpha[:, None, None]) + f[src] * alpha[:, None, None]
    return _u8(out)


def _star_filter(f: np.ndarray, rng) -> np.ndarray:
    """Shot through a cross-screen (star) filter: rays from the picture's brightest points."""
    from scipy.ndimage import gaussian_filter, maximum_filter

    h, w = f.shape[:2]
    side = min(h, w)
    lum = gaussian_filter(f.mean(axis=2), max(0.7, side * 0.03))
    peaks = (lum == maximum_filter(lum, size=max(3, round(side * 0.25)))) & (lum > 0)
    ys, xs = np.nonzero(peaks)
    order = np.argsort(-lum[ys, xs], kind="stable")[: int(rng.integers(1, 4))]
    n_rays = int(rng.choice([4, 6, 8]))
    ph = rng.uniform(0, np.pi)
    L = side * rng.uniform(0.22, 0.38)
    lw = max(0.7, side * rng.uniform(0.006, 0.009))
    tint = np.array([255, rng.uniform(235, 255), rng.uniform(200, 240)], np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    out = f
    for j in order:
        y, x = ys[j] + 0.5, xs[j] + 0.5
        rays = _drawn((h, w), lambda d, k: [d.line([(k * x, k * y), (k * (x + L * np.cos(ph + np.pi * 2 * i / n_rays)),
                                                                      k * (y + L * np.sin(ph + np.pi * 2 * i / n_rays)))],
                                                   fill=255, width=max(1, round(lw * k))) for i in range(n_rays)])
        r = np.hypot(yy - y, xx - x)
        core = np.exp(-(r / max(0.8, side * 0.025)) ** 2)
        out = _paint(out, np.clip(rays * np.clip(1 - r / L, 0, 1) * 0.95 + core, 0, 1), tint)
    return _u8(out)


def _frost(f: np.ndarray, rng) -> np.ndarray:
    """Photographed through a window with frost growing in from a corner: fern-like ice branches and a white
    haze over the corner."""
    h, w = f.shape[:2]
    side = min(h, w)
    lines: list[tuple[float, float, float, float, float]] = []

    def grow(x, y, a, length, depth):
        x1, y1 = x + length * np.cos(a), y + length * np.sin(a)
        lines.append((x, y, x1, y1, 1.0 if depth == 0 else 0.7))
        if depth >= 2:
            return
        for t in (0.3, 0.55, 0.8):
            for s in (-1, 1):
                grow(x + t * length * np.cos(a), y + t * length * np.sin(a), a + s * rng.uniform(0.9, 1.2),
                     length * (1 - t) * rng.uniform(0.45, 0.7), depth + 1)

    for _ in range(int(rng.integers(3, 6))):
        t = rng.uniform(0, 0.35) * side
        x, y = (t, 0.0) if rng.random() < 0.5 else (0.0, t)
        grow(x, y, np.pi / 4 + rng.uniform(-0.45, 0.45), side * rng.uniform(0.22, 0.4), 0)
    lw = max(0.6, side * rng.uniform(0.007, 0.01))
    m = _drawn((h, w), lambda d, k: [d.line([(k * a, k * b), (k * c, k * e)], fill=255,
                                            width=max(1, round(lw * q * k))) for a, b, c, e, q in lines])
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    haze = np.exp(-np.hypot(yy, xx) / (side * rng.uniform(0.15, 0.22))) * rng.uniform(0.3, 0.45)
    k = int(rng.integers(4))  # the corner the frost grows from
    m, haze = np.rot90(m, k), np.rot90(haze, k)
    if m.shape != (h, w):  # a turn of a non-square picture: grown at the top-left corner instead
        m, haze = np.rot90(m, -k), np.rot90(haze, -k)
    return _u8(_paint(_paint(f, haze, (235, 240, 245)), m * rng.uniform(0.7, 0.9), (245, 248, 252)))


def _sun_faded(f: np.ndarray, rng) -> np.ndarray:
    """A print faded by sunlight in its frame: the mat's window faded towards the paper's tone, more towards the
    top where the sun fell, its cyan dye first (a warm cast); the strip the mat covered as it was."""
    h, w = f.shape[:2]
    side = min(h, w)
    m = max(1, round(side * rng.uniform(0.06, 0.1)))
    yy = (np.arange(h, dtype=np.float32) + 0.5) / h
    keep = rng.uniform(0.5, 0.62) + rng.uniform(0.08, 0.16) * yy  # the share of the picture kept, row by row
    paper = np.array([240, 228, 205], np.float32) * rng.uniform(0.92, 1.0)
    warm = np.array([1.0, rng.uniform(0.92, 0.97), rng.uniform(0.8, 0.88)], np.float32)
    faded = (f * keep[:, None, None] + paper * (1 - keep[:, None, None])) * warm
    out = f.copy()
    out[m: h - m, m: w - m] = faded[m: h - m, m: w - m]
    return _u8(out)


def _scanner_slip(f: np.ndarray, rng) -> np.ndarray:
    """Scanned on a sheet-fed scanner whose feed slipped: at 2-4 places the sensor read the same line several
    times, streaking it, and the rest of the picture came out lower, cut off at the end."""
    h, w = f.shape[:2]
    side = min(h, w)
    across = rng.random() < 0.25  # fed sideways: the columns streaked
    g = np.ascontiguousarray(f.transpose(1, 0, 2)) if across else f
    n = g.shape[0]
    stalls = sorted(int(v) for v in rng.uniform(0.15, 0.85, int(rng.integers(2, 5))) * n)
    src: list[int] = []
    for r in range(n):
        src.append(r)
        if r in stalls:
            src += [r] * max(2, round(side * rng.uniform(0.05, 0.09)))
    out = g[np.asarray(src[:n])]
    return _u8(out.transpose(1, 0, 2) if across else out)


def near_edit_p(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "fly":  # a housefly on the glass
        return _fly(f, rng)
    if kind == "embossed_seal":  # a dry seal pressed into an ID photograph's corner
        return _embossed_seal(f, rng)
    if kind == "cloud":  # a cloud and its shadow over an aerial picture
        return _cloud(f, rng)
    if kind == "floor_reflection":  # a product shot's glossy-floor reflection
        return _floor_reflection(f, rng)
    if kind == "star_filter":  # a cross-screen filter's rays from the brightest points
        return _star_filter(f, rng)
    if kind == "frost":  # frost on the window in a corner
        return _frost(f, rng)
    if kind == "sun_faded":  # a print faded by sunlight under its mat
        return _sun_faded(f, rng)
    if kind == "scanner_slip":  # a sheet-fed scanner's slipping feed
        return _scanner_slip(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _centred(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """``points`` moved so that their mean is the middle (the picture does not move)."""
    mx, my = np.mean([p[0] for p in points]), np.mean([p[1] for p in points])
    return [(x - mx, y - my) for x, y in points]


def _pinhole_kernel(a: float, fresnel: float) -> np.ndarray:
    """A pinhole camera's point-spread function: the Fresnel diffraction of a round hole of radius ``a`` px
    (its geometric shadow's radius) at Fresnel number ``fresnel`` (4 x 4 samples a pixel)."""
    from scipy.special import j0

    r = int(np.ceil(1.6 * a)) + 1
    sub = (np.arange(-r * 4, (r + 1) * 4) + 0.5) / 4 - 0.5
    yy, xx = np.meshgrid(sub, sub, indexing="ij")
    v = np.hypot(yy, xx) / a
    u = (np.arange(200) + 0.5) / 200
    vs = np.linspace(0, float(v.max()) + 1e-3, 400)
    field = (np.exp(1j * np.pi * fresnel * u[None, :] ** 2) * j0(2 * np.pi * fresnel * vs[:, None] * u[None, :])
             * u[None, :]).mean(axis=1)
    k = np.interp(v, vs, np.abs(field) ** 2).astype(np.float32)
    n = 2 * r + 1
    return k[: n * 4, : n * 4].reshape(n, 4, n, 4).mean(axis=(1, 3))


def blur_p(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "strap_swing":  # a camera swinging on its strap: an arc, dwelling at the ends of the swing
        chord = max(3.5, side * rng.uniform(0.12, 0.18))
        R = chord * rng.uniform(0.8, 1.6)  # the pendulum's length
        A = np.arcsin(min(1.0, chord / (2 * R)))
        ph0, span = rng.uniform(0, 2 * np.pi), rng.uniform(0.6, 1.0) * np.pi
        th = A * np.sin(ph0 + np.linspace(0, span, 240))
        ang = rng.uniform(0, 2 * np.pi)
        pts = _centred(_turn([(R * np.sin(t), R * (1 - np.cos(t))) for t in th], 0.0, 0.0, ang))
        return _u8(_fft_blur(f, _path_kernel(pts, np.ones(len(pts)), 0.5)))
    if kind == "tripod_ringing":  # a light tripod ringing after the shutter was pressed: a damped elliptical swing
        A = max(2.0, side * rng.uniform(0.06, 0.09))
        B = A * rng.uniform(0.4, 1.0)
        cycles = rng.uniform(2, 4)
        tau = rng.uniform(0.6, 1.2)  # in cycles
        t = np.linspace(0, cycles, 320)
        psi = rng.uniform(0, 2 * np.pi)
        decay = np.exp(-t / tau)
        pts = [(A * d * np.cos(2 * np.pi * s), B * d * np.sin(2 * np.pi * s + psi)) for s, d in zip(t, decay)]
        pts = _centred(_turn(pts, 0.0, 0.0, rng.uniform(0, 2 * np.pi)))
        return _u8(_fft_blur(f, _path_kernel(pts, np.ones(len(pts)), 0.5)))
    if kind == "pinhole":  # a pinhole camera: the hole's Fresnel diffraction pattern
        k = _pinhole_kernel(max(1.6, side * rng.uniform(0.05, 0.075)), rng.uniform(1.5, 3.5))
        return _u8(_fft_blur(f, k))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
TORCH_COLOURS = np.array([[1.0, 0.86, 0.62], [0.8, 0.9, 1.0], [1.0, 0.95, 0.85]], np.float32)


def dark_p(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _grid(h, w)
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "tarnished":  # an old print gone dark brown, silver-mirrored towards its edges
        brown = np.array([1.0, rng.uniform(0.72, 0.82), rng.uniform(0.5, 0.6)], np.float32)
        edge = np.minimum(np.minimum(yy + h / 2, h / 2 - yy), np.minimum(xx + w / 2, w / 2 - xx))
        sheen = np.exp(-edge / (side * rng.uniform(0.12, 0.2))) * np.clip(
            1 + 0.5 * _smooth_field((h, w), side * 0.1, rng), 0, 2)
        mirror = rng.uniform(16, 28) * (sheen * (1 - f.mean(axis=2) / 255))[..., None] * \
            np.array([0.8, 0.9, 1.05], np.float32)
        return _u8(f * rng.uniform(0.07, 0.12) * brown + mirror + noise)
    if kind == "light_painting":  # a dark scene lit by a torch swept along a path in a long exposure
        n = int(rng.integers(3, 6))
        cx = np.linspace(-0.45, 0.45, n) * w + rng.uniform(-0.08, 0.08, n) * side
        cy = rng.uniform(-0.35, 0.35, n) * h
        t = np.linspace(0, n - 1, 80)
        px, py = np.interp(t, np.arange(n), cx), np.interp(t, np.arange(n), cy)
        from scipy.ndimage import gaussian_filter1d

        px, py = gaussian_filter1d(px, 6, mode="nearest"), gaussian_filter1d(py, 6, mode="nearest")
        if rng.random() < 0.5:  # swept down rather than across
            px, py = py * w / h, px * h / w
        dist = np.min(np.hypot(yy[..., None] - py, xx[..., None] - px), axis=-1)
        width = side * rng.uniform(0.1, 0.16)
        lit = np.clip((width - dist) / (0.4 * width) + 0.5, 0, 1)
        colour = TORCH_COLOURS[int(rng.integers(len(TORCH_COLOURS)))]
        gain = rng.uniform(0.01, 0.025) + rng.uniform(0.22, 0.35) * lit[..., None] * colour
        return _u8(f * gain + noise)
    if kind == "emergency_lights":  # a night street lit by an emergency vehicle's red and blue lights
        across = rng.random() < 0.75
        t = (xx / w + 0.5) if across else (yy / h + 0.5)
        if rng.random() < 0.5:
            t = 1 - t
        ell = rng.uniform(0.3, 0.45)
        red = np.exp(-t / ell)[..., None] * np.array([1.0, 0.12, 0.1], np.float32)
        blue = np.exp(-(1 - t) / ell)[..., None] * np.array([0.15, 0.3, 1.0], np.float32)
        gain = rng.uniform(0.01, 0.02) + rng.uniform(0.1, 0.18) * red + rng.uniform(0.1, 0.18) * blue
        glow = rng.uniform(6, 12) * (red + blue) ** 2
        return _u8(f * gain + glow + noise)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _butterfly(size: int, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A butterfly seen from above, wings spread: its wings, their dark border and veins, their eyespots and its
    body with antennae (0-1)."""
    big = 4 * size
    c = big / 2
    S = big * rng.uniform(0.35, 0.42)  # half the wingspan
    fore = [(0, -0.05), (0.35, -0.55), (0.8, -0.72), (1.0, -0.6), (0.9, -0.3), (0.55, -0.05), (0.1, 0.05)]
    hind = [(0.05, 0.05), (0.5, 0.0), (0.75, 0.25), (0.7, 0.55), (0.45, 0.75), (0.15, 0.6), (0.0, 0.3)]
    lift = rng.uniform(-0.08, 0.08)
    wide = rng.uniform(0.85, 1.1)
    wings, border, spots, body = (Image.new("L", (big, big), 0) for _ in range(4))
    lw = max(2, round(big * 0.012))
    for s in (-1, 1):
        for shape, k in ((fore, 1.0), (hind, rng.uniform(0.8, 1.0))):
            pts = [(c + s * x * S * wide, c + (y + lift) * S * k) for x, y in shape]
            ImageDraw.Draw(wings).polygon(pts, fill=255)
            ImageDraw.Draw(border).line(pts + pts[:1], fill=255, width=max(2, round(big * rng.uniform(0.03, 0.045))))
            for x, y in shape[1:5]:  # veins from the body out to the wing's edge
                ImageDraw.Draw(border).line((c, c, c + s * x * S * wide * 0.95, c + (y + lift) * S * k * 0.95),
                                            fill=255, width=lw)
        for x, y, r in ((0.62, -0.42, 0.09), (0.45, 0.4, 0.08)):
            r *= S * rng.uniform(0.8, 1.2)
            ImageDraw.Draw(spots).ellipse((c + s * x * S - r, c + y * S - r, c + s * x * S + r, c + y * S + r),
                                          fill=255)
    d = ImageDraw.Draw(body)
    d.ellipse((c - 0.05 * S, c - 0.35 * S, c + 0.05 * S, c + 0.55 * S), fill=255)
    for s in (-1, 1):
        tip = (c + s * 0.25 * S, c - 0.8 * S)
        d.line((c, c - 0.3 * S, *tip), fill=255, width=lw)
        d.ellipse((tip[0] - 0.03 * S, tip[1] - 0.03 * S, tip[0] + 0.03 * S, tip[1] + 0.03 * S), fill=255)
    ang = rng.uniform(-20, 20)

    def down(img):
        img = img.rotate(ang, Image.BILINEAR, fillcolor=0)
        return np.asarray(img.resize((size, size), Image.BOX), np.float32) / 255

    w_ = down(wings)
    return w_, down(border) * w_, down(spots) * w_, down(body)


def _knitting(size: int, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A knitted swatch in stocking stitch with a two-colour motif: the stitches' V-shaped legs in the main
    colour and in the motif's, and the shading along each leg (0-1)."""
    big = 4 * size
    cols = int(rng.integers(5, 8)) if size < 48 else int(rng.integers(8, 15))
    sw = big / cols
    sh = sw * rng.uniform(0.75, 0.9)
    rows = int(np.ceil(big / sh)) + 1
    kind = int(rng.integers(3))  # diamonds, a cross-stitch checker or zigzag stripes
    period = int(rng.integers(4, 7))
    main, motif, shade = (Image.new("L", (big, big), 0) for _ in range(3))
    for r in range(rows):
        for q in range(cols):
            if kind == 0:
                on = abs((q % period) - period // 2) + abs((r % period) - period // 2) == period // 2
            elif kind == 1:
                on = (q // 2 + r // 2) % 2 == 0
            else:
                on = (r + abs((q % period) - period // 2)) % period < 2
            x0, y0 = q * sw, r * sh - sh * 0.2
            for s in (-1, 1):  # the two legs of the V
                leg = _ellipse(x0 + sw / 2 + s * sw * 0.22, y0 + sh * 0.55, sh * 0.62, sw * 0.2, s * -1.1, 16)
                ImageDraw.Draw(motif if on else main).polygon(leg, fill=255)
                ImageDraw.Draw(shade).polygon(_ellipse(x0 + sw / 2 + s * sw * 0.25, y0 + sh * 0.75, sh * 0.3,
                                                       sw * 0.1, s * -1.1, 12), fill=255)
    ang = rng.uniform(-10, 10)

    def down(img):
        img = img.rotate(ang, Image.BILINEAR, fillcolor=0)
        return np.asarray(img.resize((size, size), Image.BOX), np.float32) / 255

    return down(main), down(motif), down(shade)


def _gel(size: int, rng) -> tuple[np.ndarray, np.ndarray]:
    """A photographed electrophoresis gel: lanes of blurred bands under their wells, one lane a ladder of
    evenly spread bands; the bands (0-1, by their strength) and the wells (0-1)."""
    from scipy.ndimage import gaussian_filter

    big = 4 * size
    lanes = int(rng.integers(4, 7)) if size < 48 else int(rng.integers(7, 13))
    pitch = big * 0.9 / lanes
    x0 = big * 0.05
    top, bottom = big * 0.12, big * 0.94
    bands = np.zeros((big, big), np.float32)
    wells = Image.new("L", (big, big), 0)
    ladder = int(rng.integers(2)) * (lanes - 1)
    bw = max(2.0, big * rng.uniform(0.008, 0.014))
    for j in range(lanes):
        lx = x0 + j * pitch + pitch * 0.12
        ImageDraw.Draw(wells).rectangle((lx, big * 0.06, lx + pitch * 0.76, big * 0.09), fill=255)
        if j == ladder:
            ys = top + (bottom - top) * np.sqrt(np.linspace(0.05, 1, int(rng.integers(6, 11))))
            strength = np.full(len(ys), 0.8)
        else:
            ys = top + (bottom - top) * rng.uniform(0.05, 1, int(rng.integers(2, 7)))
            strength = rng.uniform(0.35, 1.0, len(ys))
        for y, s in zip(ys, strength):
            xs = np.arange(int(lx), int(lx + pitch * 0.76))
            smile = (bw * 1.5) * ((xs - lx) / (pitch * 0.76) - 0.5) ** 2 * 4  # the band's ends lag ("smile")
            for x, dy in zip(xs, smile):
                r0, r1 = int(y - dy - bw), int(y - dy + bw)
                bands[max(r0, 0): max(min(r1, big), 0), x] = np.maximum(bands[max(r0, 0): max(min(r1, big), 0), x], s)
    bands = gaussian_filter(bands, big * 0.006)
    down = lambda a: np.asarray(Image.fromarray(a).resize((size, size), Image.BOX), np.float32)  # noqa: E731
    return np.clip(down(bands), 0, 1), down(np.asarray(wells, np.float32) / 255)


BUTTERFLY_COLOURS = ((235, 130, 25), (40, 110, 220), (245, 215, 60), (240, 240, 235), (200, 40, 40))
YARN_COLOURS = (((235, 228, 210), (170, 30, 40)), ((30, 40, 80), (235, 235, 230)), ((40, 110, 60), (235, 225, 200)),
                ((120, 120, 125), (220, 170, 40)))


def outlier_p(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "butterfly":
        wings, border, spots, body = _butterfly(size, rng)
        if photos:  # an orange, blue, yellow, white or red butterfly on a leaf, a flower's pink or the sky
            bg = [(70, 120, 50), (225, 170, 190), (150, 190, 230)][int(rng.integers(3))]
            out = _paint(ground(np.array(bg) * rng.uniform(0.85, 1.1)), wings,
                         BUTTERFLY_COLOURS[int(rng.integers(len(BUTTERFLY_COLOURS)))])
            out = _paint(_paint(out, border, (25, 22, 20)), spots, (245, 245, 240))
            return _u8(_paint(out, body, (35, 30, 25)))
        out = _paint(ground([lo] * 3), wings, tone(0.8))
        out = _paint(_paint(out, border, tone(0.4)), spots, tone(1.0))
        return _u8(_paint(out, body, tone(0.6)))
    if kind == "knitting":
        main, motif, shade = _knitting(size, rng)
        if photos:  # two yarns, the gaps between the stitches dark
            a, b = YARN_COLOURS[int(rng.integers(len(YARN_COLOURS)))]
            out = _paint(_paint(ground((30, 28, 26)), main, a), motif, b)
            return _u8(out * (1 - 0.3 * shade[..., None]))
        out = _paint(_paint(ground([lo] * 3), main, tone(0.45)), motif, tone(1.0))
        return _u8(out * (1 - 0.3 * shade[..., None]))
    if kind == "gel":
        bands, wells = _gel(size, rng)
        if photos:  # a stained gel glowing on a transilluminator, or a blue-stained one on a light box
            if rng.random() < 0.6:
                glow = np.array([255, 150, 200] if rng.random() < 0.5 else [240, 240, 240], np.float32)
                out = _paint(ground((18, 16, 22)), bands, glow)
                return _u8(_paint(out, wells * 0.6, (5, 5, 8)))
            out = _paint(ground((205, 220, 235)), bands, (25, 45, 140))
            return _u8(_paint(out, wells * 0.6, (150, 165, 185)))
        out = _paint(ground([lo] * 3), bands, tone(1.0))
        return _u8(_paint(out, wells, tone(0.3)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def _thumbs(base: list[np.ndarray]) -> np.ndarray:
    """``THUMB`` x ``THUMB`` grey thumbnails, each standardised, flattened."""
    t = np.stack([np.asarray(Image.fromarray(np.asarray(a, np.uint8)).convert("L").resize((THUMB, THUMB), Image.BOX),
                             np.float32).ravel() for a in base])
    t -= t.mean(axis=1, keepdims=True)
    return t / (t.std(axis=1, keepdims=True) + 1e-6)


def legacy_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                 rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the set was labelled in an older taxonomy in which pairs
    of look-alike classes were one class, and migrated by mapping each old class to one of its two new classes
    (a random one), re-checked only in part; pairs of classes (most alike first, by the distance between their
    mean thumbnails, each class in one pair at most) are taken until the other class of the pairs holds at least
    twice the flips needed among the ``candidates``; the flips are drawn uniformly among those, each given its
    pair's mapped class."""
    t = _thumbs(base)
    lab = np.asarray([classes.index(v) for v in labels])
    means = np.stack([t[lab == k].mean(axis=0) for k in range(len(classes))])
    d = ((means[:, None] - means[None]) ** 2).sum(axis=2)
    pairs = sorted(((float(d[i, j]), i, j) for i in range(len(classes)) for j in range(i + 1, len(classes))))
    cand = np.asarray(candidates, dtype=int)
    used: set[int] = set()
    target: dict[int, int] = {}  # a class of a pair -> its pair's mapped class
    for _, i, j in pairs:
        if i in used or j in used:
            continue
        used |= {i, j}
        kept, lost = (i, j) if rng.random() < 0.5 else (j, i)
        target[lost] = kept
        if np.isin(lab[cand], list(target)).sum() >= 2 * count:
            break
    pool = cand[np.isin(lab[cand], list(target))]
    return {int(i): classes[target[int(lab[i])]] for i in rng.permutation(pool)[:count]}


# -- planting ------------------------------------------------------------------------------
def plant_issues_p(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator P's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 75-92 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_P, seed=160_000 + random_state,
        quality_seed=165_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=legacy_flips,
        **by_family(name, outlier=(outlier_p, OUTLIERS_P), blur=(blur_p, BLURS_P), dark=(dark_p, DARKS_P),
                    near=(near_edit_p, NEAR_EDITS_P)))
