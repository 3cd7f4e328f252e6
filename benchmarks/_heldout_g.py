"""Generator G: fresh EVALUATION sets after round 7 (never used to choose anything).

Why a fifth evaluation generator: generator E's and F's sets have informed development (docs/benchmarks.md
records the order of events), so they are no longer untouched. Generator G was written on 2026-12-04, before any
tool was run on it, to measure the current code on data nobody has looked at; it is not to be changed after its
results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs, ``_foreign.py``'s textures, icons and soft photographs), no earlier generator
(A = ``dq.datasets.plant_issues``, B, D, E, F) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay;
Gaussian, box, motion, down-and-up blurs) make:

* ``near_duplicate`` (3%): a white-balance change (per-channel gains, warm or cool, 6-12%), a colour-channel
  misregistration (red moved 1-2% of the side one way, blue the other way, at least 1 px), a mosaic (pixelated)
  patch over 10-16% of the picture (blocks of a fifth to an eighth of the patch), scan lines (every other row
  darkened to 80-90%), scratches (2-4 straight 1 px lines, near white or near black, across the picture) and dust
  spots (2-4 soft dark blotches of sigma 2-4% of the side, darkening 25-40% at their centre);
* ``exact_duplicate`` (1%): byte-for-byte copies under another name;
* ``blurry`` (3%): defocus through a hexagonal aperture (circumradius 5-8% of the side, at least 1.5 px, at a random
  turn) with sensor noise (sigma 1.5-3 levels) added after it; a double exposure ("ghosting": 50-60% of the picture
  over the rest of it moved 4-7% of the side in a random direction); a soft picture re-sharpened the way a phone's
  processing does it (a cone kernel of radius 8-12% of the side, then an unsharp mask of radius 1.5-2.5% of the
  side, at least 1 px, at 100-180%);
* ``dark`` (2%): a low-light tone curve (``255 * gain * (x / 255) ** gamma``, gamma 1.8-2.6, gain 0.35-0.50) with
  shot noise (sigma 1-2 levels), and a night shot (gains of 0.15-0.28 times a cool cast of 0.80 / 0.95 / 1.15 on
  red / green / blue) with chroma noise (sigma 2 levels per channel);
* ``outlier`` (1.5%): text pages (lines of random words), two-dimensional matrix codes (a 21-module code with its
  three finder squares) and Voronoi tessellations (cells of random tone, light borders); the digit and clothing sets
  get them light on dark in their own tones, the photographs as ink on a light paper tone (text, codes) or in two
  random colours (Voronoi);
* ``label`` (5%): *attractor* flips: the new label is drawn from the three most frequent classes of the set (ties
  by class order), leaving out the true one: annotators falling back on a few common classes.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
G's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 41), MNIST (2,000, seed 42), and the evaluation photographs tiled at 72 px (40 tiles a photograph at most,
seed 43: about 600) and at 144 px (every tile, seed 44: about 350; the photographs hold no more at that size), sizes
no other set uses.
"""

from __future__ import annotations

import numpy as np
from _heldout_d import add_copies_and_write, start_planting, write_base_images
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from dataquality.datasets import PlantedDataset

EVALUATION_G = ("fashion_test_g", "mnist_g", "photos72_g", "photos144_g")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_G = {
    "fashion_test_g": ("fashion_test", 41),
    "mnist_g": ("mnist", 42),
    "photos72_g": ("photos", 43, 72, 12, 40),
    "photos144_g": ("photos", 44, 144, 8, 1000),
}
RATES_G = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_G = ("white_balance", "channel_shift", "mosaic", "scanlines", "scratches", "dust")
BLURS_G = ("hex_defocus", "ghost", "resharpened")
DARKS_G = ("low_light", "night")
OUTLIERS_G = ("text_page", "matrix_code", "voronoi")


def load_base_g(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_G, "G")


def _u8(f: np.ndarray) -> np.ndarray:
    return np.clip(f + 0.5, 0, 255).astype(np.uint8)


def _shifted(c: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """A 2-D channel moved by (dy, dx) whole pixels, the uncovered edge repeated."""
    h, w = c.shape
    p = max(abs(dy), abs(dx))
    big = np.pad(c, p, mode="edge")
    return big[p - dy: p - dy + h, p - dx: p - dx + w]


# -- near copies -----------------------------------------------------------------------------
def near_edit_g(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "white_balance":  # warm (red up, blue down) or cool, green nearly kept
        g = rng.uniform(0.06, 0.12) * rng.choice([-1, 1])
        gains = np.array([1 + g, 1 + rng.uniform(-0.03, 0.03), 1 - g], dtype=np.float32)
        return _u8(f * gains)
    if kind == "channel_shift":  # red one way, blue the other (a misregistered scan / lateral aberration)
        d = max(1, round(side * rng.uniform(0.01, 0.02)))
        dy, dx = (d, 0) if rng.integers(2) else (0, d)
        out = a.copy()
        out[..., 0] = _shifted(a[..., 0], dy, dx)
        out[..., 2] = _shifted(a[..., 2], -dy, -dx)
        return out
    if kind == "mosaic":  # a pixelated patch, as over a face or a number plate
        ps = max(4, round(side * np.sqrt(rng.uniform(0.10, 0.16))))
        y0, x0 = int(rng.integers(0, h - ps + 1)), int(rng.integers(0, w - ps + 1))
        nb = max(2, round(rng.uniform(5, 8)))
        patch = Image.fromarray(a[y0: y0 + ps, x0: x0 + ps])
        patch = patch.resize((nb, nb), Image.BOX).resize((ps, ps), Image.NEAREST)
        out = a.copy()
        out[y0: y0 + ps, x0: x0 + ps] = np.asarray(patch)
        return out
    if kind == "scanlines":
        out = f.copy()
        out[int(rng.integers(2))::2] *= rng.uniform(0.80, 0.90)
        return _u8(out)
    if kind == "scratches":
        img = Image.fromarray(a)
        d = ImageDraw.Draw(img)
        for _ in range(int(rng.integers(2, 5))):
            tone = int(rng.integers(230, 256)) if rng.integers(2) else int(rng.integers(0, 26))
            if rng.integers(2):  # from the top edge to the bottom edge
                pts = (rng.uniform(0, w), 0, rng.uniform(0, w), h - 1)
            else:
                pts = (0, rng.uniform(0, h), w - 1, rng.uniform(0, h))
            d.line(tuple(float(v) for v in pts), fill=(tone,) * 3, width=1)
        return np.asarray(img)
    if kind == "dust":
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        gain = np.ones((h, w), np.float32)
        for _ in range(int(rng.integers(2, 5))):
            cy, cx = rng.uniform(0, h), rng.uniform(0, w)
            sig = side * rng.uniform(0.02, 0.04)
            gain *= 1 - rng.uniform(0.25, 0.40) * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * sig ** 2))
        return _u8(f * gain[..., None])
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _convolve(f: np.ndarray, k: np.ndarray) -> np.ndarray:
    from scipy.ndimage import convolve

    k = k / k.sum()
    return np.stack([convolve(f[..., c], k, mode="reflect") for c in range(f.shape[2])], axis=2)


def _hexagon(radius: float, turn: float) -> np.ndarray:
    """A regular hexagon of circumradius ``radius`` px turned by ``turn``, antialiased (4 x 4 samples a pixel)."""
    r = int(np.ceil(radius)) + 1
    s = (np.arange(4) + 0.5) / 4 - 0.5
    yy, xx = np.mgrid[-r: r + 1, -r: r + 1].astype(np.float32)
    inside = np.zeros(yy.shape, np.float32)
    apothem = radius * np.cos(np.pi / 6)
    for oy in s:
        for ox in s:
            y, x = yy + oy, xx + ox
            ok = np.ones(yy.shape, bool)
            for j in range(3):  # the three pairs of parallel sides
                phi = turn + np.pi / 6 + j * np.pi / 3
                ok &= np.abs(x * np.cos(phi) + y * np.sin(phi)) <= apothem
            inside += ok
    return inside


def blur_g(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "hex_defocus":  # a six-bladed aperture out of focus, then the sensor's noise
        k = _hexagon(max(1.5, side * rng.uniform(0.05, 0.08)), rng.uniform(0, np.pi / 3))
        out = _convolve(f, k) + rng.normal(0, rng.uniform(1.5, 3.0), f.shape)
    elif kind == "ghost":  # two exposures of the same scene, the camera moved between them
        from scipy.ndimage import shift

        ln, th = side * rng.uniform(0.04, 0.07), rng.uniform(0, 2 * np.pi)
        moved = np.stack([shift(f[..., c], (ln * np.sin(th), ln * np.cos(th)), order=1, mode="nearest")
                          for c in range(3)], axis=2)
        wt = rng.uniform(0.5, 0.6)
        out = wt * f + (1 - wt) * moved
    elif kind == "resharpened":  # a soft capture, sharpened by the camera's processing
        r = max(1.5, side * rng.uniform(0.08, 0.12))
        n = int(np.ceil(r))
        yy, xx = np.mgrid[-n: n + 1, -n: n + 1]
        soft = _u8(_convolve(f, np.clip(1 - np.hypot(yy, xx) / r, 0, None)))
        sharp = Image.fromarray(soft).filter(ImageFilter.UnsharpMask(radius=max(1.0, side * rng.uniform(0.015, 0.025)),
                                                                     percent=int(rng.integers(100, 181)), threshold=0))
        return np.asarray(sharp)
    else:
        raise ValueError(kind)
    return _u8(out)


# -- darkening -------------------------------------------------------------------------------
def dark_g(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "low_light":  # shadows crushed by the tone curve, highlights dimmed
        g, gain = rng.uniform(1.8, 2.6), rng.uniform(0.35, 0.50)
        out = 255 * gain * (f / 255) ** g + rng.normal(0, rng.uniform(1.0, 2.0), f.shape[:2])[..., None]
    elif kind == "night":  # little light, a cool cast, noise in each channel
        cast = np.array([0.80, 0.95, 1.15], dtype=np.float32)
        out = f * rng.uniform(0.15, 0.28) * cast + rng.normal(0, 2.0, f.shape)
    else:
        raise ValueError(kind)
    return _u8(out)


# -- outliers --------------------------------------------------------------------------------
def _text_page(size: int, rng) -> np.ndarray:
    big = 4 * size
    img = Image.new("L", (big, big), 0)
    d = ImageDraw.Draw(img)
    fs = max(8, round(big * rng.uniform(0.08, 0.12)))
    font = ImageFont.load_default(size=fs)
    margin, y = big * 0.06, big * 0.05
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    while y < big - fs:
        words = [''.join(rng.choice(letters, int(rng.integers(2, 8)))) for _ in range(12)]
        d.text((margin, y), " ".join(words), fill=255, font=font)
        y += fs * rng.uniform(1.2, 1.5)
    return np.asarray(img.resize((size, size), Image.LANCZOS), dtype=np.float32) / 255


def _matrix_code(size: int, rng) -> np.ndarray:
    m = 21
    code = (rng.random((m, m)) < 0.5).astype(np.float32)
    finder = np.ones((7, 7), np.float32)
    finder[1:6, 1:6] = 0
    finder[2:5, 2:5] = 1
    for y0, x0 in ((0, 0), (0, m - 7), (m - 7, 0)):
        code[y0: y0 + 7, x0: x0 + 7] = finder
        code[max(0, y0 - 1): y0 + 8, x0 + 7 if x0 == 0 else x0 - 1] = 0  # the white separators
        code[y0 + 7 if y0 == 0 else y0 - 1, max(0, x0 - 1): x0 + 8] = 0
    code = np.pad(code, 2)  # the quiet zone
    img = Image.fromarray((code * 255).astype(np.uint8)).resize((8 * size, 8 * size), Image.NEAREST)
    return np.asarray(img.resize((size, size), Image.BOX), dtype=np.float32) / 255


def _voronoi(size: int, rng) -> np.ndarray:
    big = 4 * size
    k = int(rng.integers(12, 31))
    pts = rng.uniform(0, big, (k, 2))
    yy, xx = np.mgrid[0:big, 0:big]
    lab = np.argmin((yy[..., None] - pts[:, 0]) ** 2 + (xx[..., None] - pts[:, 1]) ** 2, axis=2)
    v = rng.uniform(0, 0.35, k)[lab].astype(np.float32)
    edge = np.zeros((big, big), bool)
    edge[1:] |= lab[1:] != lab[:-1]
    edge[:, 1:] |= lab[:, 1:] != lab[:, :-1]
    from scipy.ndimage import binary_dilation

    v[binary_dilation(edge, iterations=max(1, big // 80))] = 1.0
    return np.asarray(Image.fromarray(v).resize((size, size), Image.BOX), dtype=np.float32)


def outlier_g(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    v = {"text_page": _text_page, "matrix_code": _matrix_code, "voronoi": _voronoi}[kind](size, rng)
    if name.startswith("photos"):
        if kind == "voronoi":  # two random colours blended by the pattern
            c0, c1 = rng.integers(0, 256, 3).astype(np.float32), rng.integers(0, 256, 3).astype(np.float32)
        else:  # ink on paper: a light paper tone, a dark ink
            c0, c1 = rng.integers(190, 256, 3).astype(np.float32), rng.integers(0, 90, 3).astype(np.float32)
        out = c0 * (1 - v[..., None]) + c1 * v[..., None]
    else:  # light on dark, in the data's own tones
        out = np.repeat((lo + (hi - lo) * v)[..., None], 3, axis=2)
    return _u8(out)


# -- label noise -----------------------------------------------------------------------------
def attractor_classes(labels: list, classes: list) -> list:
    """The three most frequent classes (ties broken by the classes' sorted order)."""
    counts = {c: 0 for c in classes}
    for lab in labels:
        counts[lab] += 1
    return sorted(classes, key=lambda c: (-counts[c], classes.index(c)))[:3]


# -- planting ------------------------------------------------------------------------------
def plant_issues_g(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    out, base, labels, classes = start_planting(images, labels, out_dir)
    rng = np.random.default_rng(70_000 + random_state)
    n = len(base)
    g = np.stack(base).astype(np.float32)
    lo, hi = (int(v) for v in np.percentile(g, [5, 95]))
    attractors = attractor_classes(labels, classes)
    counts = {k: int(round(v * n)) for k, v in RATES_G.items()}
    order = rng.permutation(n).tolist()
    picks, at = {}, 0
    for k in ("outlier", "blurry", "dark", "label"):
        picks[k] = set(order[at: at + counts[k]])
        at += counts[k]
    sources = iter(order[at:])
    truth = {k: set() for k in RATES_G}

    def flip(a, lab):  # to one of the three most frequent classes, never the true one
        others = [c for c in attractors if c != lab]
        return a, others[int(rng.integers(len(others)))]

    edits = {
        "outlier": lambda a, lab: (  # carries a label of the data set, as a stray file in a class folder would
            outlier_g(name, OUTLIERS_G[len(truth["outlier"]) % len(OUTLIERS_G)], a.shape[0], lo, hi, rng),
            classes[int(rng.integers(len(classes)))]),
        "blurry": lambda a, lab: (blur_g(a, BLURS_G[len(truth["blurry"]) % len(BLURS_G)], rng), lab),
        "dark": lambda a, lab: (dark_g(a, DARKS_G[len(truth["dark"]) % len(DARKS_G)], rng), lab),
        "label": flip,
    }
    rows, true_labels, origin, written = write_base_images(out, base, labels, picks, edits, truth)
    edit = lambda a, j: near_edit_g(a, NEAR_EDITS_G[j % len(NEAR_EDITS_G)], rng)  # noqa: E731
    return add_copies_and_write(out, rows, true_labels, origin, written, labels, sources, truth, counts, edit)
