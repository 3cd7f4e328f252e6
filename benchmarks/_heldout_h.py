"""Generator H: fresh EVALUATION sets after generator G (never used to choose anything).

Why a sixth evaluation generator: generator G's sets are to be run, and whatever they show may inform the next
changes, so they will not stay untouched. Generator H was written on 2026-12-04, before any tool was run on it (only
its files, their counts and contact sheets of its edits were looked at, to check that every edit is visible, every
blur blurred and every darkened image dark at 28, 88 and 120 px), to measure the code on data nobody has looked at;
it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise
are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated
Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s
edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay;
Gaussian, box, motion, down-and-up blurs) make:

* ``near_duplicate`` (3%): split toning (shadows tinted one hue and highlights the opposite one, by up to 12-20
  levels, mid-tones kept), a light leak (a warm glow screened in from just outside one edge, spread 25-40% of the
  side, strength 35-55%), a tearing glitch (a band of 6-12% of the height, at least 2 rows, moved sideways by 4-8%
  of the side, at least 2 px, wrapping round; of 12 random bands the one it changes most), an annotation ring (a
  red or yellow ellipse outline as drawn with a marker, semi-axes 18-30% of the side, line 2-3% of the side, at
  least 1 px), a clone-stamp retouch (a square of 10-14% of the side, at least 3 px, copied from one place to
  another; of 12 random pairs the most different) and rain (thin light streaks of 5-10% of the side, at least 2 px,
  slanted 60-80 degrees, a quarter to two fifths of the side in number, at 45-65% opacity);
* ``exact_duplicate`` (1%): byte-for-byte copies under another name;
* ``blurry`` (3%): atmospheric seeing (a Moffat point-spread function, beta 1.5-2.5, full width at half maximum
  8-12% of the side, at least 2.5 px: a sharp core with heavy tails), a tilt-shift look (a sharp band of 12-18% of
  the picture, horizontal or vertical, centred 10-30% or 70-90% of the way across, off the middle where the digits'
  and garments' strokes are; outside it a Gaussian blur growing linearly to sigma 6-9% of the side, at least 2 px,
  15% of the side away from the band, so that at least two thirds of the picture, its middle included, is blurred
  by at least half that) and heat-haze turbulence (the mean of 12 frames, each warped by its own
  smooth random displacement field: correlation length 8-12% of the side, RMS displacement 4-6% of the side, at
  least 2 px);
* ``dark`` (2%): an on-camera flash falling off with distance (gain ``g0 / (1 + (d / d0) ** 2)``, g0 0.35-0.50 at
  a point within 10% of the side of the centre, d0 22-28% of the side: about a fifth of g0 at the middle of an edge,
  a ninth in a corner) with shot noise (sigma 1-2 levels), and a dim screen photographed (``b + k * x``, black
  level b 10-22, gain k 0.10-0.16: a flat dark picture with lifted blacks) with noise (sigma 1 level per channel);
* ``outlier`` (1.5%): user-interface screenshots (a window with a title bar, a side menu on the left, right or
  none, a grid of 1-3 x 1-4 cards of random proportions holding text bars, a picture placeholder or toggles, and
  1-4 buttons; no text), elementary cellular automata (rules 30, 45, 73, 105, 110, 150 or 182 from a random first
  row, 12-40 cells wide; drawn again where the pattern dies out) and topographic contour maps (iso-lines at 7-12
  levels of a smooth random field, 4-7 below 48 px); the digit and clothing sets get them light on dark in their
  own tones, the photographs as a light interface in a random accent colour (screenshots), in two random colours
  (automata) or as ink on a light paper tone (contours);
* ``label`` (5%): *instance-dependent* flips: the flipped examples are drawn from the more ambiguous half of the
  set (by the distance to their nearest example of another class over that to their nearest example of their own
  class, on 16 x 16 grey thumbnails each standardised), and each gets the label of that nearest example of another
  class: a labeller misled by a look-alike, not by the classes' averages or frequencies.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
H's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 61), MNIST (2,000, seed 62), and the evaluation photographs tiled at 88 px (35 tiles a photograph at most,
seed 63: 503) and at 120 px (every tile, seed 64: 494), sizes no other set uses.
"""

from __future__ import annotations

import numpy as np
from _heldout_d import add_copies_and_write, start_planting, write_base_images
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_H = ("fashion_test_h", "mnist_h", "photos88_h", "photos120_h")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_H = {
    "fashion_test_h": ("fashion_test", 61),
    "mnist_h": ("mnist", 62),
    "photos88_h": ("photos", 63, 88, 12, 35),
    "photos120_h": ("photos", 64, 120, 8, 1000),
}
RATES_H = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_H = ("split_tone", "light_leak", "tear", "ring_mark", "clone_stamp", "rain")
BLURS_H = ("seeing", "tilt_shift", "turbulence")
DARKS_H = ("flash_falloff", "dim_screen")
OUTLIERS_H = ("ui_screen", "automaton", "contours")


def load_base_h(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_H, "H")


def _u8(f: np.ndarray) -> np.ndarray:
    return np.clip(f + 0.5, 0, 255).astype(np.uint8)


def _hue(theta: float) -> np.ndarray:
    """A zero-sum RGB direction of hue angle ``theta`` (unit amplitude per channel at most)."""
    return np.cos(theta - 2 * np.pi * np.arange(3) / 3).astype(np.float32)


def _drawn(size: tuple[int, int], draw, scale: int = 4) -> np.ndarray:
    """A coverage mask (h x w, 0-1) of what ``draw(ImageDraw, scale)`` paints white on a ``scale`` times larger
    black canvas, box-averaged back: antialiased lines at any size."""
    h, w = size
    img = Image.new("L", (w * scale, h * scale), 0)
    draw(ImageDraw.Draw(img), scale)
    return np.asarray(img.resize((w, h), Image.BOX), dtype=np.float32) / 255


# -- near copies -----------------------------------------------------------------------------
def near_edit_h(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "split_tone":  # shadows one hue, highlights the opposite one, mid-tones kept
        lum = f.mean(axis=2, keepdims=True) / 255
        return _u8(f + rng.uniform(12, 20) * (1 - 2 * lum) * _hue(rng.uniform(0, 2 * np.pi)))
    if kind == "light_leak":  # a warm glow from just outside one edge, screened in
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        t = rng.uniform(0, 1)
        cy, cx = [(-0.1 * h, t * w), (1.1 * h, t * w), (t * h, -0.1 * w), (t * h, 1.1 * w)][int(rng.integers(4))]
        sig = side * rng.uniform(0.25, 0.40)
        glow = rng.uniform(0.35, 0.55) * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * sig ** 2))
        colour = np.array([1.0, rng.uniform(0.45, 0.70), rng.uniform(0.15, 0.30)], dtype=np.float32)
        return _u8(f + (255 - f) * glow[..., None] * colour)
    if kind == "tear":  # a band of rows moved sideways, as a torn video frame
        bh = max(2, round(h * rng.uniform(0.06, 0.12)))
        d = max(2, round(side * rng.uniform(0.04, 0.08))) * int(rng.choice([-1, 1]))
        tries = rng.integers(0, h - bh + 1, 12)  # the band that changes most of 12 (not a flat background)
        y0 = int(max(tries, key=lambda y: float(np.abs(np.roll(f[y: y + bh], d, axis=1) - f[y: y + bh]).mean())))
        out = a.copy()
        out[y0: y0 + bh] = np.roll(a[y0: y0 + bh], d, axis=1)
        return out
    if kind == "ring_mark":  # someone circled something with a marker
        ry, rx = side * rng.uniform(0.18, 0.30, 2)
        cy, cx = h * rng.uniform(0.4, 0.6), w * rng.uniform(0.4, 0.6)
        lw = max(1.0, side * rng.uniform(0.02, 0.03))

        def ring(d, s):
            d.ellipse(((cx - rx) * s, (cy - ry) * s, (cx + rx) * s, (cy + ry) * s), outline=255, width=round(lw * s))

        m = _drawn((h, w), ring)[..., None]
        colour = np.array([240, 30, 30] if rng.integers(2) else [250, 220, 20], dtype=np.float32)
        return _u8(f * (1 - m) + colour * m)
    if kind == "clone_stamp":  # a square copied from one place to another (retouching)
        p = max(3, round(side * rng.uniform(0.10, 0.14)))
        best, where = -1.0, None
        for _ in range(12):
            sy, ty = (int(v) for v in rng.integers(0, h - p + 1, 2))
            sx, tx = (int(v) for v in rng.integers(0, w - p + 1, 2))
            if max(abs(sy - ty), abs(sx - tx)) < p:
                continue
            diff = float(np.abs(f[sy: sy + p, sx: sx + p] - f[ty: ty + p, tx: tx + p]).mean())
            if diff > best:
                best, where = diff, (sy, sx, ty, tx)
        sy, sx, ty, tx = where if where is not None else (0, 0, h - p, w - p)
        out = a.copy()
        out[ty: ty + p, tx: tx + p] = a[sy: sy + p, sx: sx + p]
        return out
    if kind == "rain":  # thin light streaks, all slanted about the same way
        n = max(5, round(side * rng.uniform(0.25, 0.40)))
        ang = np.deg2rad(rng.uniform(60, 80)) * rng.choice([-1, 1])
        ln = np.maximum(2.0, side * rng.uniform(0.05, 0.10, n))
        ys, xs = rng.uniform(0, h, n), rng.uniform(0, w, n)
        alpha = rng.uniform(0.45, 0.65)

        def streaks(d, s):
            for y, x, k in zip(ys, xs, ln):
                dy, dx = k * np.sin(ang) / 2, k * np.cos(ang) / 2
                d.line(((x - dx) * s, (y - dy) * s, (x + dx) * s, (y + dy) * s), fill=255, width=max(2, s // 2 + 1))

        m = alpha * _drawn((h, w), streaks)[..., None]
        return _u8(f * (1 - m) + rng.uniform(225, 255) * m)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _fft_blur(f: np.ndarray, k: np.ndarray) -> np.ndarray:
    from scipy.signal import fftconvolve

    r = k.shape[0] // 2
    k = k / k.sum()
    big = np.pad(f, ((r, r), (r, r), (0, 0)), mode="reflect")
    return np.stack([fftconvolve(big[..., c], k, mode="valid") for c in range(f.shape[2])], axis=2)


def blur_h(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "seeing":  # a Moffat point-spread function: a sharp core and heavy tails
        beta = rng.uniform(1.5, 2.5)
        fwhm = max(2.5, side * rng.uniform(0.08, 0.12))
        alpha = fwhm / (2 * np.sqrt(2 ** (1 / beta) - 1))
        r = min(int(np.ceil(3 * fwhm)), side - 1)
        yy, xx = np.mgrid[-r: r + 1, -r: r + 1]
        return _u8(_fft_blur(f, (1 + (xx ** 2 + yy ** 2) / alpha ** 2) ** -beta))
    if kind == "tilt_shift":  # a sharp band, the rest increasingly out of focus
        vertical = bool(rng.integers(2))
        g = f.transpose(1, 0, 2) if vertical else f
        n = g.shape[0]
        smax = max(2.0, side * rng.uniform(0.06, 0.09))
        # the band off the middle (where a digit's or a garment's strokes are), so that the subject is blurred
        centre = n * (rng.uniform(0.1, 0.3) if rng.integers(2) else rng.uniform(0.7, 0.9))
        half = n * rng.uniform(0.06, 0.09)
        dist = np.clip(np.abs(np.arange(n) + 0.5 - centre) - half, 0, None)
        sig = smax * np.clip(dist / (0.15 * n), 0, 1)
        levels = np.linspace(0, smax, 7)
        stack = np.stack([g] + [gaussian_filter(g, (s, s, 0), mode="reflect") for s in levels[1:]])
        pos = sig / smax * (len(levels) - 1)
        lo = np.minimum(pos.astype(int), len(levels) - 2)
        t = (pos - lo)[:, None, None]
        rows = np.arange(n)
        out = (1 - t) * stack[lo, rows] + t * stack[lo + 1, rows]
        return _u8(out.transpose(1, 0, 2) if vertical else out)
    if kind == "turbulence":  # heat haze: the mean of frames, each warped by its own smooth random field
        corr = side * rng.uniform(0.08, 0.12)
        amp = max(2.0, side * rng.uniform(0.04, 0.06))
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        out = np.zeros_like(f)
        for _ in range(12):
            d = [gaussian_filter(rng.normal(size=(h, w)), corr, mode="wrap") for _ in range(2)]
            rms = np.sqrt((d[0] ** 2 + d[1] ** 2).mean()) + 1e-12
            dy, dx = (amp * v / rms for v in d)
            for c in range(3):
                out[..., c] += map_coordinates(f[..., c], (yy + dy, xx + dx), order=1, mode="reflect")
        return _u8(out / 12)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def dark_h(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "flash_falloff":  # an on-camera flash in the dark: light falls off with distance
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        cy, cx = h / 2 + side * rng.uniform(-0.1, 0.1), w / 2 + side * rng.uniform(-0.1, 0.1)
        d0 = side * rng.uniform(0.22, 0.28)
        gain = rng.uniform(0.35, 0.50) / (1 + ((yy - cy) ** 2 + (xx - cx) ** 2) / d0 ** 2)
        out = f * gain[..., None] + rng.normal(0, rng.uniform(1.0, 2.0), (h, w))[..., None]
    elif kind == "dim_screen":  # a dim display photographed: little gain, lifted blacks
        out = rng.uniform(10, 22) + f * rng.uniform(0.10, 0.16) + rng.normal(0, 1.0, f.shape)
    else:
        raise ValueError(kind)
    return _u8(out)


# -- outliers --------------------------------------------------------------------------------
def _ui_screen(size: int, rng) -> np.ndarray:
    """A window: a title bar with its three buttons, a side menu (left, right or none), a grid of 1-3 x 1-4 cards of
    random proportions (each with text bars, a picture placeholder or a list of toggles) and 1-4 buttons."""
    big = 4 * size
    img = Image.new("L", (big, big), int(255 * rng.uniform(0, 0.08)))
    d = ImageDraw.Draw(img)
    u = lambda v: int(255 * v)  # noqa: E731
    line = max(2, big // 90)
    bar = round(big * rng.uniform(0.07, 0.14))
    d.rectangle((0, 0, big, bar), fill=u(rng.uniform(0.45, 0.65)))
    for j in range(3):  # the window's buttons
        r, cx = bar * 0.22, bar * (0.5 + 0.55 * j)
        d.ellipse((cx - r, bar / 2 - r, cx + r, bar / 2 + r), fill=255)
    x0, x1 = 0.0, float(big)
    menu = int(rng.integers(3))  # none, left, right
    if menu:
        mw = big * rng.uniform(0.16, 0.30)
        mx = 0 if menu == 1 else big - mw
        d.rectangle((mx, bar, mx + mw, big), fill=u(rng.uniform(0.22, 0.34)))
        step = big * rng.uniform(0.07, 0.11)
        for k in range(int(rng.integers(3, 8))):
            y = bar + big * 0.04 + k * step
            d.rectangle((mx + big * 0.03, y, mx + mw * rng.uniform(0.5, 0.85), y + step * 0.4), fill=u(0.75))
        x0, x1 = (mw, big) if menu == 1 else (0, big - mw)
    pad = big * rng.uniform(0.025, 0.05)
    bottom = big * rng.uniform(0.78, 0.86)
    cols, rws = int(rng.integers(1, 4)), int(rng.integers(1, 5))
    cw = rng.dirichlet(np.full(cols, 3.0)) * (x1 - x0 - pad * (cols + 1))
    ch = rng.dirichlet(np.full(rws, 3.0)) * (bottom - bar - pad * (rws + 1))
    y = bar + pad
    for r_ in range(rws):
        x = x0 + pad
        for c_ in range(cols):
            w_, h_ = cw[c_], ch[r_]
            d.rounded_rectangle((x, y, x + w_, y + h_), radius=min(w_, h_) * 0.08, fill=u(rng.uniform(0.12, 0.25)),
                                outline=u(0.9), width=line)
            kind = int(rng.integers(3))
            if kind == 0:  # lines of text, as bars
                for k in range(int(rng.integers(1, 5))):
                    ty = y + h_ * (0.15 + 0.2 * k)
                    if ty + h_ * 0.09 < y + h_ * 0.92:
                        d.rectangle((x + w_ * 0.08, ty, x + w_ * rng.uniform(0.35, 0.9), ty + h_ * 0.09), fill=u(0.65))
            elif kind == 1:  # a picture placeholder: a filled box crossed by its diagonals
                bx = (x + w_ * 0.12, y + h_ * 0.15, x + w_ * 0.88, y + h_ * 0.85)
                d.rectangle(bx, fill=u(rng.uniform(0.4, 0.6)))
                d.line((bx[0], bx[1], bx[2], bx[3]), fill=u(0.95), width=line)
                d.line((bx[0], bx[3], bx[2], bx[1]), fill=u(0.95), width=line)
            else:  # a list of toggles
                n = max(1, min(4, int(h_ // (big * 0.08))))
                for k in range(n):
                    ty = y + h_ * (k + 0.5) / n
                    tw, th = w_ * 0.22, min(h_ / n * 0.45, big * 0.05)
                    on = bool(rng.integers(2))
                    d.rounded_rectangle((x + w_ * 0.7, ty - th / 2, x + w_ * 0.7 + tw, ty + th / 2), radius=th / 2,
                                        fill=u(0.85 if on else 0.4))
                    d.rectangle((x + w_ * 0.08, ty - th * 0.3, x + w_ * 0.5, ty + th * 0.3), fill=u(0.6))
            x += w_ + pad
        y += ch[r_] + pad
    right = bool(rng.integers(2))  # buttons at the bottom, right or left
    x = big - pad if right else pad
    for _ in range(int(rng.integers(1, 5))):
        bw = big * rng.uniform(0.12, 0.22)
        box = (x - bw, bottom + pad * 0.5, x, big - pad * 0.5) if right else (x, bottom + pad * 0.5, x + bw, big - pad * 0.5)
        d.rounded_rectangle(box, radius=big * 0.02, fill=u(rng.uniform(0.8, 1.0)))
        x += -(bw + pad) if right else bw + pad
    return np.asarray(img.resize((size, size), Image.BOX), dtype=np.float32) / 255


def _automaton(size: int, rng) -> np.ndarray:
    m = int(np.clip(round(size * rng.uniform(0.45, 0.7)), 12, 40))
    for _ in range(20):  # drawn again while its lower half is nearly one colour (the pattern died out)
        rule = int(rng.choice([30, 45, 73, 105, 110, 150, 182]))
        table = np.array([(rule >> k) & 1 for k in range(8)], dtype=np.uint8)
        grid = np.zeros((m, m), np.uint8)
        grid[0] = rng.random(m) < 0.5
        for r in range(1, m):
            p = grid[r - 1]
            grid[r] = table[4 * np.roll(p, 1) + 2 * p + np.roll(p, -1)]
        if 0.2 <= grid[m // 2:].mean() <= 0.8:
            break
    img = Image.fromarray(grid * 255).resize((8 * size, 8 * size), Image.NEAREST)
    return np.asarray(img.resize((size, size), Image.BOX), dtype=np.float32) / 255


def _contours(size: int, rng) -> np.ndarray:
    big = 4 * size
    yy, xx = np.mgrid[0:big, 0:big].astype(np.float32) / big
    field = np.zeros((big, big), np.float32)
    for _ in range(int(rng.integers(5, 10))):
        cy, cx, s = rng.uniform(-0.1, 1.1), rng.uniform(-0.1, 1.1), rng.uniform(0.12, 0.32)
        field += rng.uniform(-1, 1) * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * s * s))
    levels = int(rng.integers(7, 13) if size >= 48 else rng.integers(4, 8))  # fewer at digit sizes: lines, not a smear
    field = (field - field.min()) / max(float(field.max() - field.min()), 1e-9) * levels
    gy, gx = np.gradient(field)
    line = np.abs(field - np.round(field)) < max(1.5, big * 0.008) * np.hypot(gy, gx)
    return np.asarray(Image.fromarray(line.astype(np.float32)).resize((size, size), Image.BOX), dtype=np.float32)


def outlier_h(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    v = {"ui_screen": _ui_screen, "automaton": _automaton, "contours": _contours}[kind](size, rng)
    if name.startswith("photos"):
        if kind == "ui_screen":  # a light interface (the pattern's dark ground) in an accent colour
            c0, c1 = rng.integers(215, 256, 3).astype(np.float32), rng.integers(0, 170, 3).astype(np.float32)
        elif kind == "automaton":  # two random colours
            c0, c1 = rng.integers(0, 256, 3).astype(np.float32), rng.integers(0, 256, 3).astype(np.float32)
        else:  # ink on a light paper tone
            c0, c1 = rng.integers(190, 256, 3).astype(np.float32), rng.integers(0, 90, 3).astype(np.float32)
        out = c0 * (1 - v[..., None]) + c1 * v[..., None]
    else:  # light on dark, in the data's own tones
        out = np.repeat((lo + (hi - lo) * v)[..., None], 3, axis=2)
    return _u8(out)


# -- label noise -----------------------------------------------------------------------------
def lookalikes(base: list[np.ndarray], labels: list) -> tuple[list, np.ndarray]:
    """For each example, the label of its nearest example of another class, and how ambiguous it is: the distance
    to that example over the distance to its nearest example of its own class (16 x 16 grey thumbnails, each
    standardised; infinite where its class has no other example or an identical one)."""
    t = np.stack([np.asarray(Image.fromarray(b).convert("L").resize((16, 16), Image.BOX), dtype=np.float64).ravel()
                  for b in base])
    t -= t.mean(axis=1, keepdims=True)
    t /= np.linalg.norm(t, axis=1, keepdims=True) + 1e-9
    d = np.maximum(2 - 2 * t @ t.T, 0)
    np.fill_diagonal(d, np.inf)
    lab = np.asarray(labels, dtype=object)
    same = lab[:, None] == lab[None, :]
    d_same = np.where(same, d, np.inf).min(axis=1)
    nearest_other = np.where(same, np.inf, d).argmin(axis=1)
    d_other = d[np.arange(len(base)), nearest_other]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where((d_same > 0) & np.isfinite(d_same), d_other / d_same, np.inf)
    return [labels[j] for j in nearest_other], ratio


# -- planting ------------------------------------------------------------------------------
def plant_issues_h(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    out, base, labels, classes = start_planting(images, labels, out_dir)
    rng = np.random.default_rng(80_000 + random_state)
    n = len(base)
    g = np.stack(base).astype(np.float32)
    lo, hi = (int(v) for v in np.percentile(g, [5, 95]))
    target, ratio = lookalikes(base, labels)
    ambiguous = ratio <= np.median(ratio)
    counts = {k: int(round(v * n)) for k, v in RATES_H.items()}
    order = rng.permutation(n).tolist()
    picks, at = {}, 0
    for k in ("outlier", "blurry", "dark"):
        picks[k] = set(order[at: at + counts[k]])
        at += counts[k]
    rest = order[at:]
    picks["label"] = set([i for i in rest if ambiguous[i]][: counts["label"]])  # the more ambiguous half only
    sources = iter([i for i in rest if i not in picks["label"]])
    truth = {k: set() for k in RATES_H}
    flipped = iter(sorted(picks["label"]))  # write_base_images edits the images in order

    def flip(a, lab):  # to the label of the nearest example of another class
        return a, target[next(flipped)]

    edits = {
        "outlier": lambda a, lab: (  # carries a label of the data set, as a stray file in a class folder would
            outlier_h(name, OUTLIERS_H[len(truth["outlier"]) % len(OUTLIERS_H)], a.shape[0], lo, hi, rng),
            classes[int(rng.integers(len(classes)))]),
        "blurry": lambda a, lab: (blur_h(a, BLURS_H[len(truth["blurry"]) % len(BLURS_H)], rng), lab),
        "dark": lambda a, lab: (dark_h(a, DARKS_H[len(truth["dark"]) % len(DARKS_H)], rng), lab),
        "label": flip,
    }
    rows, true_labels, origin, written = write_base_images(out, base, labels, picks, edits, truth)
    edit = lambda a, j: near_edit_h(a, NEAR_EDITS_H[j % len(NEAR_EDITS_H)], rng)  # noqa: E731
    return add_copies_and_write(out, rows, true_labels, origin, written, labels, sources, truth, counts, edit)
