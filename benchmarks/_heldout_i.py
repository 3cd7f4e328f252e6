"""Generator I: fresh EVALUATION sets after generator H (never used to choose anything).

Why a seventh evaluation generator: generator H's sets are to be run, and whatever they show may inform the next
changes, so they will not stay untouched. And every earlier evaluation set is written as PNG files, while the
``blurry`` check once missed every blur in JPEG files (docs/benchmarks.md, "After H"), a fault those sets could not
show; one of I's photograph sets is therefore a camera roll of JPEG files. Generator I was written on 2026-12-04,
before any tool was run on it (only its files, their counts and contact sheets of its edits were looked at, to check
that every edit is visible, every blur blurred, every darkened image dark and every outlier foreign at 28, 104 and
136 px), to measure the code on data nobody has looked at; it is not to be changed after its results are seen. Its
edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s
lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft
photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H) and
none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness,
contrast, gamma, JPEG, resize, overlay; Gaussian, box, motion, down-and-up blurs) make:

* ``near_duplicate`` (3%): a halftone print scanned back (the levels put in 12-88% ink, as print has no solid black or
  white, through a dot screen of period 3.5-5% of the side, at least 2.5 px, at 15-75 degrees, blended in at 45-65%),
  a cast shadow (a half-plane over 25-45% of the picture at a random angle, its edge softened by 1-3% of the side, at
  least 0.7 px, taking 30-45% of the light away; of 12 random ones the one over the most light), a finger over the
  lens (an out-of-focus skin-toned ellipse, semi-axes 35-48% and 14-20% of the side, centred on a corner and pointing
  inwards), moire from re-photographing a screen (curved colour fringes of period 12-25% of the side, 12-20 levels),
  rounded corners as an app exports them (radius 10-18% of the side, at least 3 px, filled white or black, whichever
  the corners are not) and lens-flare ghosts (4-6 soft tinted discs of radius 4-10% of the side, at least 2 px,
  screened in at 25-45% along the line from a light source 55-75% of the side from the centre, just outside the
  frame, through the centre; of 12 random ones the one that changes the picture most);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): diffraction (an Airy pattern, ``(2 J1(x) / x) ** 2``, its first dark ring at 9-13% of the side, at
  least 3 px), a frosted-glass diffuser (each pixel the mean of 6 pixels drawn uniformly from a disk of radius 7-10%
  of the side, at least 2.5 px, then a Gaussian of a quarter of that radius) and coma (a comet-shaped kernel: discs of
  radius 35-50% of ``t L`` centred ``t L`` along a random direction, ``t`` from 0.15 to 1, ``L`` 10-14% of the side,
  at least 4 px, weighted ``1.2 - t``; centred on its centroid, so the picture does not move);
* ``dark`` (2%): under-exposure in the raw, linear domain (the sRGB curve undone, 4-5.5 stops less light, read noise
  of sigma 0.05-0.1% of full scale, a black point of 0.2-0.5% of full scale clipped away, the sRGB curve applied
  again: crushed shadows, highlights at 37-68 levels) and a night scene lit by one lamp (the picture at a gain of
  0.10-0.18, a warm lamp of radius 1.5-3% of the side, at least 1 px, with a glow of sigma 5-9% of the side at
  40-60%, at 10-90% of the way across and down; noise sigma 1.5 levels);
* ``outlier`` (1.5%): spectrograms (syllables of a harmonic stack on a gliding fundamental, or frequency sweeps, over a
  speckled noise floor, log-compressed), sheet music (1 staff at digit sizes, 2-3 above 48 px, with note heads, stems,
  ledger lines, beams and bar lines) and transit maps (3-5 lines turning by 45 degrees at a time, with stations); the
  digit and clothing sets get them light on dark in their own tones, the photographs in a light colour map, white
  through blue and purple to dark red (spectrograms), ink on a light paper tone (sheet music) or coloured lines with
  white stations in dark rings on a light ground (maps);
* ``label`` (5%): *annotator* flips: a random 40% of the set is one careless annotator's share, and in it classes are
  swapped in fixed random pairs (each class of a pair given as the other, both ways), pairs added in a random order
  until their examples in that share are at least twice the flips needed (two pairs on the 10-class sets); the flips
  are drawn uniformly among those examples: noise concentrated in a few classes and in one part of the set.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
I's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 71), MNIST (2,000, seed 72), and the evaluation photographs tiled at 104 px (50 tiles a photograph at most,
seed 73: 566) and at 136 px (every tile, seed 74: 386), sizes no other set uses. ``photos104_i_jpeg`` is written as
JPEG files, each at a quality drawn from 80-95 (a stream of its own, seed ``95_000 + random_state``), every edit,
blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files.
"""

from __future__ import annotations

import json
import shutil

import numpy as np
from _heldout_d import start_planting
from _heldout_h import _drawn, _fft_blur, _u8
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_I = ("fashion_test_i", "mnist_i", "photos104_i_jpeg", "photos136_i")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_I = {
    "fashion_test_i": ("fashion_test", 71),
    "mnist_i": ("mnist", 72),
    "photos104_i_jpeg": ("photos", 73, 104, 25, 50),
    "photos136_i": ("photos", 74, 136, 20, 1000),
}
JPEG_QUALITY = (80, 96)  # the JPEG set's qualities: integers in [low, high)
RATES_I = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_I = ("halftone", "cast_shadow", "finger", "moire", "rounded_corners", "lens_flare")
BLURS_I = ("airy", "frosted_glass", "coma")
DARKS_I = ("raw_underexposure", "lamp_night")
OUTLIERS_I = ("spectrogram", "sheet_music", "transit_map")
ANNOTATOR_SHARE = 0.4


def load_base_i(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_I, "I")


def _grid(h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-centre coordinates (y, x) relative to the picture's centre."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return yy + 0.5 - h / 2, xx + 0.5 - w / 2


# -- near copies -----------------------------------------------------------------------------
def near_edit_i(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "halftone":  # printed with a dot screen, scanned back, blended in
        p, ang, s = max(2.5, side * rng.uniform(0.035, 0.05)), np.deg2rad(rng.uniform(15, 75)), 4
        yy, xx = (np.mgrid[0: h * s, 0: w * s].astype(np.float32) + 0.5) / s
        u, v = xx * np.cos(ang) + yy * np.sin(ang), yy * np.cos(ang) - xx * np.sin(ang)
        screen = 0.5 + 0.25 * (np.cos(2 * np.pi * u / p) + np.cos(2 * np.pi * v / p))
        big = np.asarray(Image.fromarray(a).resize((w * s, h * s), Image.BILINEAR), dtype=np.float32) / 255
        dots = 255 * (0.12 + 0.76 * big > screen[..., None]).astype(np.float32)  # print: no solid black or white
        alpha = rng.uniform(0.45, 0.65)
        return _u8((1 - alpha) * f + alpha * dots.reshape(h, s, w, s, 3).mean(axis=(1, 3)))
    if kind == "cast_shadow":  # the shadow of a wall or a frame over part of the picture
        from scipy.special import erf

        yy, xx = _grid(h, w)
        lum = f.mean(axis=2)
        best, m = -1.0, None
        for _ in range(12):  # of 12 random shadows the one over the most light (not over a black background)
            ang = rng.uniform(0, 2 * np.pi)
            proj = xx * np.cos(ang) + yy * np.sin(ang)
            edge = np.quantile(proj, 1 - rng.uniform(0.25, 0.45))
            soft = max(0.7, side * rng.uniform(0.01, 0.03))
            cand = 0.5 * (1 + erf((proj - edge) / (soft * np.sqrt(2))))
            if float((lum * cand).mean()) > best:
                best, m = float((lum * cand).mean()), cand
        return _u8(f * (1 - rng.uniform(0.30, 0.45) * m)[..., None])
    if kind == "finger":  # a fingertip over a corner of the lens, out of focus
        yy, xx = _grid(h, w)
        cy, cx = h / 2 * rng.choice([-1, 1]), w / 2 * rng.choice([-1, 1])  # a corner
        ang = np.arctan2(-cy, -cx) + np.deg2rad(rng.uniform(-20, 20))  # pointing inwards
        la, lb = side * rng.uniform(0.35, 0.48), side * rng.uniform(0.14, 0.20)
        u = (xx - cx) * np.cos(ang) + (yy - cy) * np.sin(ang)
        v = (yy - cy) * np.cos(ang) - (xx - cx) * np.sin(ang)
        d = np.sqrt((u / la) ** 2 + (v / lb) ** 2)
        m = 1 / (1 + np.exp((d - 1) / 0.12))
        skin = np.array([205, 150, 125], dtype=np.float32) * rng.uniform(0.45, 0.8)
        shade = (0.8 + 0.2 * np.clip(1 - d, 0, 1))[..., None]  # lighter towards its middle
        return _u8(f * (1 - m[..., None]) + skin * shade * m[..., None])
    if kind == "moire":  # a screen photographed: curved colour fringes
        yy, xx = _grid(h, w)
        ang = rng.uniform(0, np.pi)
        u, v = xx * np.cos(ang) + yy * np.sin(ang), yy * np.cos(ang) - xx * np.sin(ang)
        phase = 2 * np.pi * (u + rng.uniform(-1.5, 1.5) * v ** 2 / side) / (side * rng.uniform(0.12, 0.25))
        spread = rng.uniform(0.4, 1.0) * 2 * np.pi / 3 * np.arange(3)
        return _u8(f + rng.uniform(12, 20) * np.cos(phase[..., None] + spread))
    if kind == "rounded_corners":  # exported by an app with rounded corners
        r = max(3.0, side * rng.uniform(0.10, 0.18))
        inside = _drawn((h, w), lambda d, s: d.rounded_rectangle((0, 0, w * s - 1, h * s - 1), radius=round(r * s), fill=255))
        m = 1 - inside
        fill = 255.0 if f[m > 0.5].mean() < 128 else 0.0
        return _u8(f * (1 - m[..., None]) + fill * m[..., None])
    if kind == "lens_flare":  # ghosts of a light just outside the frame, along the line through the centre
        yy, xx = _grid(h, w)
        tints = np.array([[0.4, 1.0, 0.5], [1.0, 0.4, 0.9], [1.0, 0.7, 0.3], [0.4, 0.6, 1.0]], dtype=np.float32)
        best, out = -1.0, f
        for _ in range(12):  # of 12 random flares the one that changes the picture most (not ghosts on white)
            t, dist = rng.uniform(0, 2 * np.pi), side * rng.uniform(0.55, 0.75)
            sy, sx = dist * np.sin(t), dist * np.cos(t)
            cand = f
            for k in np.sort(rng.uniform(0.5, 1.7, int(rng.integers(4, 7)))):
                gy, gx = sy * (1 - k), sx * (1 - k)  # from the source (k = 0) through the centre (k = 1)
                r = max(2.0, side * rng.uniform(0.04, 0.10))
                disc = np.clip((r - np.sqrt((yy - gy) ** 2 + (xx - gx) ** 2)) / max(1.0, 0.3 * r) + 0.5, 0, 1)
                glow = rng.uniform(0.25, 0.45) * disc[..., None] * tints[int(rng.integers(len(tints)))]
                cand = cand + (255 - cand) * glow
            if float((cand - f).mean()) > best:
                best, out = float((cand - f).mean()), cand
        return _u8(out)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def blur_i(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "airy":  # diffraction at a tiny aperture: the Airy pattern
        from scipy.special import j1

        r0 = max(3.0, side * rng.uniform(0.09, 0.13))  # the first dark ring
        rad = min(int(np.ceil(2.5 * r0)), side - 1)
        yy, xx = np.mgrid[-rad: rad + 1, -rad: rad + 1]
        x = 3.8317 * np.hypot(yy, xx) / r0
        with np.errstate(invalid="ignore", divide="ignore"):
            psf = np.where(x > 0, (2 * j1(x) / x) ** 2, 1.0)
        return _u8(_fft_blur(f, psf))
    if kind == "frosted_glass":  # seen through a diffuser: the mean of pixels scattered within a disk
        r = max(2.5, side * rng.uniform(0.07, 0.10))
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        out = np.zeros_like(f)
        for _ in range(6):
            rho, phi = r * np.sqrt(rng.random((h, w))), rng.uniform(0, 2 * np.pi, (h, w))
            for c in range(3):
                out[..., c] += map_coordinates(f[..., c], (yy + rho * np.sin(phi), xx + rho * np.cos(phi)), order=1,
                                               mode="reflect")
        return _u8(gaussian_filter(out / 6, (r / 4, r / 4, 0), mode="reflect"))
    if kind == "coma":  # a comet-shaped kernel, as at the edge of a fast lens
        length, rho, ang, s = max(4.0, side * rng.uniform(0.10, 0.14)), rng.uniform(0.35, 0.50), rng.uniform(0, 2 * np.pi), 4
        rad = int(np.ceil(length * (1 + rho))) + 1
        yy, xx = (np.mgrid[0: (2 * rad + 1) * s, 0: (2 * rad + 1) * s].astype(np.float32) + 0.5) / s - (rad + 0.5)
        k = np.zeros_like(yy)
        for t in np.linspace(0.15, 1.0, 16):
            disc = np.hypot(yy - t * length * np.sin(ang), xx - t * length * np.cos(ang)) <= max(0.5, rho * t * length)
            k += (1.2 - t) * disc / max(int(disc.sum()), 1)
        k = k.reshape(2 * rad + 1, s, 2 * rad + 1, s).sum(axis=(1, 3))
        cy, cx = (float((k * g).sum() / k.sum()) for g in np.mgrid[-rad: rad + 1, -rad: rad + 1])
        k = np.roll(k, (-round(cy), -round(cx)), axis=(0, 1))  # centred on its centroid: the picture stays put
        return _u8(_fft_blur(f, k))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _to_linear(v: np.ndarray) -> np.ndarray:
    return np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)


def _to_srgb(v: np.ndarray) -> np.ndarray:
    v = np.clip(v, 0, 1)
    return np.where(v <= 0.0031308, 12.92 * v, 1.055 * v ** (1 / 2.4) - 0.055)


def dark_i(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "raw_underexposure":  # too little light on the sensor, developed with a clipped black point
        lin = _to_linear(f / 255) * 2.0 ** -rng.uniform(4.0, 5.5)
        lin = lin + rng.normal(0, rng.uniform(0.0005, 0.001), f.shape)
        black = rng.uniform(0.002, 0.005)
        return _u8(255 * _to_srgb((lin - black) / (1 - black)))
    if kind == "lamp_night":  # a night scene: one lamp stays bright
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
        cy, cx = h * rng.uniform(0.1, 0.9), w * rng.uniform(0.1, 0.9)
        d = np.sqrt((yy - cy) ** 2 + (xx - cx) ** 2)
        r, sig = max(1.0, side * rng.uniform(0.015, 0.03)), side * rng.uniform(0.05, 0.09)
        light = np.maximum(np.clip(r + 0.5 - d, 0, 1), rng.uniform(0.4, 0.6) * np.exp(-d ** 2 / (2 * sig ** 2)))
        lamp = np.array([255, rng.uniform(225, 245), rng.uniform(170, 215)], dtype=np.float32)
        out = f * rng.uniform(0.10, 0.18)
        out = out + (lamp - out) * light[..., None]
        return _u8(out + rng.normal(0, 1.5, f.shape))
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
# a light colour map (paper white through blue and purple to dark red): a spectrogram as a report prints it, not a
# dark picture (which would be a true ``dark`` example too)
SPECTRUM = np.array([[250, 250, 252], [170, 200, 240], [60, 90, 200], [150, 30, 120], [80, 0, 30]], dtype=np.float32)


def _spectrogram(size: int, rng) -> np.ndarray:
    """Energy over time (x) and frequency (y, low at the bottom), log-compressed to 0-1: syllables of a harmonic
    stack on a gliding fundamental, or repeated frequency sweeps, over a speckled noise floor."""
    big = 4 * size
    t = (np.arange(big, dtype=np.float32) + 0.5) / big
    fq = 1 - (np.arange(big, dtype=np.float32)[:, None] + 0.5) / big
    e = rng.exponential(1.0, (big, big)).astype(np.float32) * 0.02
    width = 0.012 if size >= 48 else 0.03
    if rng.integers(3):  # voiced syllables: harmonics of a gliding fundamental, shaped by two or three formants
        f0 = (rng.uniform(0.04, 0.09) if size >= 48 else rng.uniform(0.10, 0.16)) * \
            (1 + 0.3 * np.sin(2 * np.pi * (rng.uniform(0.5, 2) * t + rng.uniform(0, 1))))
        on = np.zeros(big, np.float32)
        for t0 in np.sort(rng.uniform(0, 0.85, int(rng.integers(2, 6)))):
            on[(t >= t0) & (t < t0 + rng.uniform(0.08, 0.25))] = 1
        env = sum(np.exp(-(fq - rng.uniform(0.1, 0.8)) ** 2 / (2 * rng.uniform(0.05, 0.15) ** 2))
                  for _ in range(int(rng.integers(2, 4))))
        for k in range(1, int(1 / f0.min()) + 1):
            e += on * k ** -0.6 * env * np.exp(-(fq - k * f0) ** 2 / (2 * width ** 2))
    else:  # bird-like sweeps, repeated
        n = int(rng.integers(3, 8))
        lo, hi = np.sort(rng.uniform(0.15, 0.9, 2))
        for j in range(n):
            t0 = (j + rng.uniform(0, 0.3)) / n
            span = rng.uniform(0.5, 0.8) / n
            u = np.clip((t - t0) / span, 0, 1)
            cur = lo + (hi - lo) * (u if rng.integers(2) else 1 - u)
            e += ((t >= t0) & (t < t0 + span)) * np.exp(-(fq - cur) ** 2 / (2 * (1.5 * width) ** 2))
    v = np.log1p(50 * e) / np.log1p(50 * float(e.max()))
    return np.asarray(Image.fromarray(v.astype(np.float32)).resize((size, size), Image.BOX), dtype=np.float32)


def _sheet_music(size: int, rng) -> np.ndarray:
    """Ink coverage (0-1) of staves with note heads, stems, ledger lines, beams and bar lines."""
    big = 4 * size
    img = Image.new("L", (big, big), 0)
    d = ImageDraw.Draw(img)
    systems = 1 if size < 48 else int(rng.integers(2, 4))
    sp = big * (rng.uniform(0.10, 0.12) if systems == 1 else rng.uniform(0.045, 0.06))  # between staff lines
    lw = max(2, round(sp * 0.12))
    margin = big * rng.uniform(0.04, 0.08)
    for j in range(systems):
        top = big * (j + 0.5) / systems - 2 * sp + sp * rng.uniform(-0.3, 0.3)
        for k in range(5):
            d.line((margin, top + k * sp, big - margin, top + k * sp), fill=255, width=lw)
        for x in (margin, big - margin, *rng.uniform(margin + sp, big - margin - sp, int(rng.integers(1, 3)))):
            d.line((x, top, x, top + 4 * sp), fill=255, width=lw)
        x, prev = margin + sp * rng.uniform(0.8, 1.5), None
        while x < big - margin - 1.5 * sp:
            step = int(rng.integers(-2, 11))  # half-spaces below the top line
            y = top + step * sp / 2
            for ledger in range(-2, step - 1, -2):  # above the staff
                d.line((x - 0.9 * sp, top + ledger * sp / 2, x + 0.9 * sp, top + ledger * sp / 2), fill=255, width=lw)
            for ledger in range(10, step + 1, 2):  # below it
                d.line((x - 0.9 * sp, top + ledger * sp / 2, x + 0.9 * sp, top + ledger * sp / 2), fill=255, width=lw)
            head = (x - 0.65 * sp, y - 0.45 * sp, x + 0.65 * sp, y + 0.45 * sp)
            if rng.random() < 0.8:  # a filled head; else a hollow one
                d.ellipse(head, fill=255)
            else:
                d.ellipse(head, outline=255, width=lw)
            up = step >= 4
            sx = x + 0.6 * sp if up else x - 0.6 * sp
            ey = y - 3.5 * sp if up else y + 3.5 * sp
            d.line((sx, y, sx, ey), fill=255, width=lw)
            if prev is not None and prev[2] == up and rng.random() < 0.4:  # a beam to the previous note
                d.line((prev[0], prev[1], sx, ey), fill=255, width=max(lw, round(0.4 * sp)))
                prev = None
            else:
                prev = (sx, ey, up)
            x += sp * rng.uniform(1.8, 3.0)
    return np.asarray(img.resize((size, size), Image.BOX), dtype=np.float32) / 255


def _transit_map(size: int, rng) -> list[tuple[np.ndarray, str]]:
    """Layers (coverage 0-1, role) of a transit map: 3-5 lines turning by 45 degrees at a time, each with 2-4
    stations (a disk in a ring)."""
    big = 4 * size
    lw = big * (rng.uniform(0.025, 0.035) if size >= 48 else rng.uniform(0.05, 0.065))
    layers, stops = [], []
    for _ in range(int(rng.integers(3, 6))):
        img = Image.new("L", (big, big), 0)
        d = ImageDraw.Draw(img)
        edge, u = int(rng.integers(4)), rng.uniform(0.1, 0.9) * big  # start on an edge (x, y), head inwards
        p = np.array([(u, 0.0), (u, big), (0.0, u), (big, u)][edge])
        heading = [2, 6, 0, 4][edge] + int(rng.integers(-1, 2))  # in eighths of a turn: 0 = +x, 2 = +y
        pts = [p]
        for _ in range(int(rng.integers(3, 6))):
            step = np.array([np.cos(heading * np.pi / 4), np.sin(heading * np.pi / 4)])
            p = p + step * big * rng.uniform(0.15, 0.4)
            pts.append(p)
            if not (0 <= p[0] <= big and 0 <= p[1] <= big):  # it has left the map
                break
            heading += int(rng.choice([-1, 1]))
        d.line([tuple(q) for q in pts], fill=255, width=max(2, round(lw)), joint="curve")
        layers.append((np.asarray(img.resize((size, size), Image.BOX), dtype=np.float32) / 255, "line"))
        pts = np.array(pts)
        arc = np.concatenate([[0], np.cumsum(np.hypot(*np.diff(pts, axis=0).T))])
        for u in rng.uniform(0.1, 0.9, int(rng.integers(2, 5))) * arc[-1]:  # 2-4 stations along the line
            q = np.array([np.interp(u, arc, pts[:, 0]), np.interp(u, arc, pts[:, 1])])
            if 0 < q[0] < big and 0 < q[1] < big:
                stops.append(q)
    r = 1.3 * lw
    ring = Image.new("L", (big, big), 0)
    fill = Image.new("L", (big, big), 0)
    for x, y in stops:
        ImageDraw.Draw(ring).ellipse((x - r, y - r, x + r, y + r), fill=255)
        ImageDraw.Draw(fill).ellipse((x - 0.6 * r, y - 0.6 * r, x + 0.6 * r, y + 0.6 * r), fill=255)
    for img, role in ((ring, "ring"), (fill, "station")):
        layers.append((np.asarray(img.resize((size, size), Image.BOX), dtype=np.float32) / 255, role))
    return layers


def outlier_i(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    if kind == "transit_map":
        layers = _transit_map(size, rng)
        if photos:  # coloured lines, white stations in dark rings, on a light ground
            out = np.ones((size, size, 3), np.float32) * rng.integers(228, 256, 3).astype(np.float32)
            colours = {"ring": np.full(3, 30, np.float32), "station": np.full(3, 255, np.float32)}
        else:  # light on dark: lines and rings in light tones, the stations' middles dark
            out = np.full((size, size, 3), lo, np.float32)
            colours = {"ring": np.full(3, hi, np.float32), "station": np.full(3, lo, np.float32)}
        for m, role in layers:
            c = colours.get(role)
            if c is None:
                c = rng.integers(0, 220, 3).astype(np.float32) if photos else \
                    np.full(3, lo + (hi - lo) * rng.uniform(0.6, 1.0), np.float32)
            out = out * (1 - m[..., None]) + c * m[..., None]
        return _u8(out)
    v = {"spectrogram": _spectrogram, "sheet_music": _sheet_music}[kind](size, rng)
    if photos and kind == "spectrogram":  # in a light colour map
        x = v * (len(SPECTRUM) - 1)
        j = np.minimum(x.astype(int), len(SPECTRUM) - 2)
        out = SPECTRUM[j] * (1 - (x - j))[..., None] + SPECTRUM[j + 1] * (x - j)[..., None]
    elif photos:  # ink on a light paper tone
        c0, c1 = rng.integers(200, 256, 3).astype(np.float32), rng.integers(0, 70, 3).astype(np.float32)
        out = c0 * (1 - v[..., None]) + c1 * v[..., None]
    else:  # light on dark, in the data's own tones
        out = np.repeat((lo + (hi - lo) * v)[..., None], 3, axis=2)
    return _u8(out)


# -- label noise -----------------------------------------------------------------------------
def annotator_flips(labels: list, classes: list, candidates: list, count: int, rng) -> tuple[set, dict]:
    """``count`` examples of ``candidates`` to flip and each flipped class's partner: a random ``ANNOTATOR_SHARE``
    of the set is one annotator's share; classes are paired at random and pairs taken in turn (two at least)
    until the share holds at least twice ``count`` candidates of the paired classes; the flips are drawn
    uniformly among them."""
    share = rng.random(len(labels)) < ANNOTATOR_SHARE
    order = [classes[j] for j in rng.permutation(len(classes))]
    partner, pool = {}, []
    for c0, c1 in zip(order[0::2], order[1::2]):
        partner[c0], partner[c1] = c1, c0
        pool = [i for i in candidates if share[i] and labels[i] in partner]
        if len(partner) >= 4 and len(pool) >= 2 * count:
            break
    flips = rng.choice(np.array(pool, dtype=int), size=min(count, len(pool)), replace=False)
    return {int(i) for i in flips}, partner


# -- planting ------------------------------------------------------------------------------
def plant_issues_i(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator I's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 80-95 each; the others as PNG (:func:`plant_generator`)."""

    def flips(base, labels, classes, candidates, count, rng):
        picked, partner = annotator_flips(labels, classes, candidates, count, rng)
        return {i: partner[labels[i]] for i in picked}

    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_I, seed=90_000 + random_state,
        quality_seed=95_000 + random_state, jpeg_quality=JPEG_QUALITY, flips=flips,
        **by_family(name, outlier=(outlier_i, OUTLIERS_I), blur=(blur_i, BLURS_I), dark=(dark_i, DARKS_I),
                    near=(near_edit_i, NEAR_EDITS_I)))


def by_family(name: str, *, outlier, blur, dark, near) -> dict:
    """:func:`plant_generator`'s four picture makers from a generator's ``(maker, families)`` pairs: the ``k``-th
    planted picture of a kind is made by its maker with family ``k`` modulo the number of families (an outlier's
    maker also gets the set's ``name``)."""
    (f_out, outliers), (f_blur, blurs), (f_dark, darks), (f_near, nears) = outlier, blur, dark, near
    makers = dict(outlier=lambda k, size, lo, hi, rng: f_out(name, outliers[k % len(outliers)], size, lo, hi, rng),
                  blur=lambda a, k, rng: f_blur(a, blurs[k % len(blurs)], rng),
                  dark=lambda a, k, rng: f_dark(a, darks[k % len(darks)], rng),
                  near=lambda a, k, rng: f_near(a, nears[k % len(nears)], rng))
    for kind, names in (("outlier", outliers), ("blur", blurs), ("dark", darks), ("near", nears)):
        makers[kind].families = tuple(names)  # for families.json (plant_generator): which family made each file
    return makers


def plant_generator(images, labels, out_dir, *, name: str, rates: dict, seed: int, quality_seed: int,
                    jpeg_quality: tuple, flips, outlier, blur, dark, near) -> PlantedDataset:
    """The planting generators I and J share, with their own families: base images (edited where picked), exact
    copies, near copies; a set whose name ends in ``_jpeg`` written as JPEG files at a quality drawn from
    ``range(*jpeg_quality)`` each (stream ``quality_seed``), the others as PNG. (``_heldout_d``'s helpers write
    PNG only.)

    ``flips(base, labels, classes, candidates, count, rng)`` -> {example: its new label}; ``outlier(k, size, lo, hi,
    rng)``, ``blur(a, k, rng)``, ``dark(a, k, rng)``, ``near(a, k, rng)``: the ``k``-th planted picture of that kind.
    """
    out, base, labels, classes = start_planting(images, labels, out_dir)
    rng = np.random.default_rng(seed)
    quality = np.random.default_rng(quality_seed)
    jpeg = name.endswith("_jpeg")
    n = len(base)
    g = np.stack(base).astype(np.float32)
    lo, hi = (int(v) for v in np.percentile(g, [5, 95]))
    counts = {k: int(round(v * n)) for k, v in rates.items()}
    order = rng.permutation(n).tolist()
    picks, at = {}, 0
    for k in ("outlier", "blurry", "dark"):
        picks[k] = set(order[at: at + counts[k]])
        at += counts[k]
    rest = order[at:]
    flipped = flips(base, labels, classes, rest, counts["label"], rng)
    picks["label"] = set(flipped)
    sources = iter([i for i in rest if i not in picks["label"]])
    truth = {k: set() for k in rates}
    fid = lambda i: f"images/{i:05d}{'.jpg' if jpeg else '.png'}"  # noqa: E731

    def save(a: np.ndarray, i: int) -> np.ndarray:
        """Write image ``i``; return its pixels as a reader will see them."""
        if not jpeg:
            Image.fromarray(a, "RGB").save(out / fid(i), format="PNG")
            return a
        Image.fromarray(a, "RGB").save(out / fid(i), format="JPEG", quality=int(quality.integers(*jpeg_quality)))
        with Image.open(out / fid(i)) as im:
            return np.asarray(im.convert("RGB"))

    rows, true_labels, origin, written = [], [], {}, {}
    made = {}  # file -> the family that made it (makers from by_family carry their family names)
    families = {k: getattr(f, "families", None) for k, f in (("outlier", outlier), ("blurry", blur), ("dark", dark))}
    families = {k: v for k, v in families.items() if v}
    for i in range(n):
        a, lab = base[i], labels[i]
        kind = next((k for k in ("outlier", "blurry", "dark", "label") if i in picks[k]), None)
        if kind in families:
            made[fid(i)] = families[kind][len(truth[kind]) % len(families[kind])]
        if kind == "outlier":  # carries a label of the data set, as a stray file in a class folder would
            a = outlier(len(truth["outlier"]), a.shape[0], lo, hi, rng)
            lab = classes[int(rng.integers(len(classes)))]
        elif kind == "blurry":
            a = blur(a, len(truth["blurry"]), rng)
        elif kind == "dark":
            a = dark(a, len(truth["dark"]), rng)
        elif kind == "label":
            lab = flipped[i]
        if kind is not None:
            truth[kind].add(fid(i))
        written[i] = save(a, i)
        rows.append((fid(i), lab))
        true_labels.append(labels[i] if kind == "label" else lab)

    def add(src: int, edited: np.ndarray | None = None) -> str:
        k = len(rows)
        if edited is None:  # a byte copy of the file
            shutil.copyfile(out / fid(src), out / fid(k))
        else:
            save(edited, k)
        rows.append((fid(k), labels[src]))
        true_labels.append(labels[src])
        origin[fid(k)] = fid(src)
        return fid(k)

    for _ in range(counts["exact_duplicate"]):
        s = next(sources)
        truth["exact_duplicate"].update({add(s), fid(s)})
    for j in range(counts["near_duplicate"]):
        s = next(sources)
        edited = near(written[s], j, rng)
        if np.array_equal(edited, written[s]):  # an edit that changed nothing (a shadow on black): a byte copy
            truth["exact_duplicate"].update({add(s), fid(s)})
        else:
            copy = add(s, edited)
            truth["near_duplicate"].update({copy, fid(s)})
            if getattr(near, "families", None):
                made[copy] = near.families[j % len(near.families)]

    import pandas as pd

    df = pd.DataFrame(rows, columns=["path", "label"])
    df.to_csv(out / "labels.csv", index=False)
    (out / "truth.json").write_text(json.dumps({k: sorted(v) for k, v in truth.items()}, indent=1))
    if made:  # which family made each planted file (a near copy: the copy), for detection.py's --by-family
        (out / "families.json").write_text(json.dumps(made, indent=1, sort_keys=True))
    return PlantedDataset(out, out / "labels.csv", truth, df["path"].tolist(), df["label"].tolist(), true_labels,
                          origin)
