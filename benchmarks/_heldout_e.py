"""Generator E: fresh EVALUATION sets for round 5 (never used to choose anything).

Why a third evaluation generator: after four rounds, generator B's and D's sets have each been run
several times and the gaps seen there chose which regimes the next round's helpers were pointed at
(docs/benchmarks.md records the order of events). Generator E was written (2026-12-03) before any of
round 5's changes were merged and before any tool was run on it, and is not to be changed after its
results are seen. Its edits, blurs, foreign pictures and noise are of families that no tuning tool,
no earlier generator and none of the library's calibration copies make:

* ``near_duplicate`` (3%): a vignette (corners darkened 20-35%), a letterbox (the picture shrunk to
  88-94% and framed by its own edge colour), salt-and-pepper specks (0.5-1.5% of the pixels), a linear
  illumination ramp (+-12-20% across the picture), a 48-colour palette with dithering, a horizontal
  stretch of 4-8% cropped back to the size;
* ``exact_duplicate`` (1%): byte-for-byte copies under another name;
* ``blurry`` (3%): camera shake (a random-walk kernel of 10-16% of the side), a radial zoom blur (the
  mean of eight versions scaled up to 1.10-1.18 about the centre), a median filter (a window of
  about a fourteenth of the side);
* ``outlier`` (1.5%): Julia-set fractals, mazes and Lissajous figures (the digit and clothing sets get
  them light on dark in their own tones);
* ``label`` (4%): a label replaced by a uniformly drawn other class.

Each planted defect has its own source image; nothing else is planted, so only these five issue types
are scored on E's sets. Base data are the evaluation domains drawn with other seeds: Fashion-MNIST
*test* (2,000), MNIST (2,000) and the evaluation photographs tiled at 96 px, a size no other set uses.
"""

from __future__ import annotations

import numpy as np
from _heldout_d import add_copies_and_write, start_planting, write_base_images
from PIL import Image, ImageDraw, ImageFilter

from dataquality.datasets import PlantedDataset

EVALUATION_E = ("fashion_test_e", "mnist_e", "photos96_e")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_E = {
    "fashion_test_e": ("fashion_test", 21),
    "mnist_e": ("mnist", 22),
    "photos96_e": ("photos", 23, 96, 12, 45),
}
RATES_E = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "outlier": 0.015, "label": 0.04}
NEAR_EDITS_E = ("vignette", "letterbox", "specks", "ramp", "palette", "stretch")
BLURS_E = ("shake", "zoom_blur", "median")
OUTLIERS_E = ("julia", "maze", "lissajous")


def load_base_e(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_E, "E")


# -- near copies -----------------------------------------------------------------------------
def near_edit_e(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    f = a.astype(np.float32)
    if kind == "vignette":
        yy, xx = np.mgrid[0:h, 0:w]
        r = np.hypot((yy - (h - 1) / 2) / (h / 2), (xx - (w - 1) / 2) / (w / 2)) / np.sqrt(2)
        gain = 1.0 - rng.uniform(0.20, 0.35) * r ** 2
        return np.clip(f * gain[..., None] + 0.5, 0, 255).astype(np.uint8)
    if kind == "letterbox":
        s = rng.uniform(0.88, 0.94)
        iw, ih = max(1, round(w * s)), max(1, round(h * s))
        edge = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]]).mean(axis=0)
        out = Image.new("RGB", (w, h), tuple(int(v) for v in edge))
        out.paste(Image.fromarray(a).resize((iw, ih), Image.BICUBIC), ((w - iw) // 2, (h - ih) // 2))
        return np.asarray(out)
    if kind == "specks":
        out = a.copy()
        m = rng.random((h, w)) < rng.uniform(0.005, 0.015)
        out[m] = np.where(rng.random(int(m.sum())) < 0.5, 0, 255)[:, None].astype(np.uint8)
        return out
    if kind == "ramp":
        g = rng.uniform(0.12, 0.20)
        t = np.linspace(-1, 1, w) if rng.integers(2) else np.linspace(-1, 1, h)[:, None]
        ramp = np.broadcast_to(1.0 + g * t, (h, w))
        return np.clip(f * ramp[..., None] + 0.5, 0, 255).astype(np.uint8)
    if kind == "palette":
        q = Image.fromarray(a).quantize(colors=48, dither=Image.Dither.FLOYDSTEINBERG)
        return np.asarray(q.convert("RGB"))
    if kind == "stretch":
        s = rng.uniform(1.04, 1.08)
        sw = round(w * s)
        big = Image.fromarray(a).resize((sw, h), Image.BICUBIC)
        x0 = (sw - w) // 2
        return np.asarray(big.crop((x0, 0, x0 + w, h)))
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _convolve(f: np.ndarray, k: np.ndarray) -> np.ndarray:
    from scipy.ndimage import convolve

    k = k / k.sum()
    return np.stack([convolve(f[..., c], k, mode="reflect") for c in range(f.shape[2])], axis=2)


def blur_e(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "shake":  # a random walk of 10-16% of the side, drawn into a kernel
        n = max(3, round(side * rng.uniform(0.10, 0.16)))
        size = 2 * n + 1
        k = np.zeros((size, size), np.float32)
        p = np.array([n, n], dtype=np.float64)
        v = rng.normal(size=2)
        for _ in range(3 * n):
            v = 0.8 * v + 0.6 * rng.normal(size=2)
            p = np.clip(p + v / max(np.linalg.norm(v), 1e-9) * 0.5, 0, size - 1)
            k[int(round(p[0])), int(round(p[1]))] += 1.0
        out = _convolve(f, k)
    elif kind == "zoom_blur":  # the mean of eight versions scaled about the centre
        top = rng.uniform(1.10, 1.18)
        img = Image.fromarray(a)
        acc = np.zeros_like(f)
        for z in np.linspace(1.0, top, 8):
            cw, ch = w / z, h / z
            box = ((w - cw) / 2, (h - ch) / 2, (w + cw) / 2, (h + ch) / 2)
            acc += np.asarray(img.resize((w, h), Image.BILINEAR, box=box), dtype=np.float32)
        out = acc / 8
    elif kind == "median":
        size = max(3, 2 * round(side / 28) + 1)
        return np.asarray(Image.fromarray(a).filter(ImageFilter.MedianFilter(size)))
    else:
        raise ValueError(kind)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


# -- outliers --------------------------------------------------------------------------------
def _julia(size: int, rng) -> np.ndarray:
    c = complex(*rng.uniform([-0.8, -0.6], [0.4, 0.6]))
    span = rng.uniform(1.2, 1.8)
    ys, xs = np.mgrid[-span:span:size * 1j, -span:span:size * 1j]
    z = xs + 1j * ys
    escaped = np.zeros(z.shape, np.float32)  # the step at which each point escapes; 0 inside the set
    for i in range(1, 41):
        m = (np.abs(z) <= 2) & (escaped == 0)
        z[m] = z[m] ** 2 + c
        escaped[m & (np.abs(z) > 2)] = i
    return np.sqrt(escaped / max(escaped.max(), 1))


def _maze(size: int, rng) -> np.ndarray:
    cells = int(rng.integers(5, 9))
    img = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(img)
    step = size / cells
    width = max(1, round(step / 4))
    for i in range(cells + 1):
        for j in range(cells + 1):
            x, y = i * step, j * step
            if rng.random() < 0.5:
                d.line((x, y, x + step, y), fill=255, width=width)
            else:
                d.line((x, y, x, y + step), fill=255, width=width)
    return np.asarray(img, dtype=np.float32) / 255


def _lissajous(size: int, rng) -> np.ndarray:
    a, b = rng.integers(1, 6, 2)
    t = np.linspace(0, 2 * np.pi, 800)
    x = (np.sin(a * t + rng.uniform(0, np.pi)) * 0.42 + 0.5) * (size - 1)
    y = (np.sin(b * t) * 0.42 + 0.5) * (size - 1)
    img = Image.new("L", (size, size), 0)
    ImageDraw.Draw(img).line(list(zip(x.tolist(), y.tolist())), fill=255, width=max(1, size // 20))
    return np.asarray(img, dtype=np.float32) / 255


def outlier_e(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    v = {"julia": _julia, "maze": _maze, "lissajous": _lissajous}[kind](size, rng)
    if name.startswith("photos"):  # in colour: two random colours blended by the pattern
        c0, c1 = rng.integers(0, 256, 3).astype(np.float32), rng.integers(0, 256, 3).astype(np.float32)
        out = c0 * (1 - v[..., None]) + c1 * v[..., None]
    else:  # light on dark, in the data's own tones
        out = np.repeat((lo + (hi - lo) * v)[..., None], 3, axis=2)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


# -- planting ------------------------------------------------------------------------------
def plant_issues_e(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    out, base, labels, classes = start_planting(images, labels, out_dir)
    rng = np.random.default_rng(50_000 + random_state)
    n = len(base)
    g = np.stack(base).astype(np.float32)
    lo, hi = (int(v) for v in np.percentile(g, [5, 95]))
    counts = {k: int(round(v * n)) for k, v in RATES_E.items()}
    order = rng.permutation(n).tolist()
    picks, at = {}, 0
    for k in ("outlier", "blurry", "label"):
        picks[k] = set(order[at: at + counts[k]])
        at += counts[k]
    sources = iter(order[at:])
    truth = {k: set() for k in RATES_E}

    def flip(a, lab):  # to any other class
        others = [c for c in classes if c != lab]
        return a, others[int(rng.integers(len(others)))]

    edits = {
        "outlier": lambda a, lab: (  # carries a label of the data set, as a stray file in a class folder would
            outlier_e(name, OUTLIERS_E[len(truth["outlier"]) % len(OUTLIERS_E)], a.shape[0], lo, hi, rng),
            classes[int(rng.integers(len(classes)))]),
        "blurry": lambda a, lab: (blur_e(a, BLURS_E[len(truth["blurry"]) % len(BLURS_E)], rng), lab),
        "label": flip,
    }
    rows, true_labels, origin, written = write_base_images(out, base, labels, picks, edits, truth)
    edit = lambda a, j: near_edit_e(a, NEAR_EDITS_E[j % len(NEAR_EDITS_E)], rng)  # noqa: E731
    return add_copies_and_write(out, rows, true_labels, origin, written, labels, sources, truth, counts, edit)
