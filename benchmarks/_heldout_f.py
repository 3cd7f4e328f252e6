"""Generator F: fresh EVALUATION sets for round 6 (never used to choose anything).

Why a fourth evaluation generator: generator E's sets were run at the start and at the end of round 5, and
what they showed chose the regimes round 6's helpers were pointed at (docs/benchmarks.md records the order
of events). Generator F was written (2026-12-03) after round 6's helpers had their tasks and before any of
their changes was merged or any tool was run on it, and is not to be changed after its results are seen.
Its edits, blurs, foreign pictures and noise are of families that no tuning tool, no earlier generator,
none of the library's calibration copies and none of the families suggested to round 6's helpers make:

* ``near_duplicate`` (3%): a mild swirl (a rotation that grows towards the centre), barrel distortion
  (a lens bulge, cropped back), a small elastic deformation (a smooth random displacement field), a frame
  of 2-4% of the side painted over the edges, an emboss relief blended in at 12-18%, a horizontal shear
  of 3-6 degrees cropped back;
* ``exact_duplicate`` (1%): byte-for-byte copies under another name;
* ``blurry`` (3%): a Butterworth low-pass in the Fourier domain (cut-off 0.09-0.15 cycles per pixel, order
  2-4, with its slight ringing), a spin blur (the mean of versions rotated up to 8-14 degrees about the
  centre: sharp in the middle, smeared at the edges), a soft-focus glow (a quarter of the picture over
  three quarters of a Gaussian blur of a twentieth of the side);
* ``outlier`` (1.5%): branching trees (recursive forks), starbursts (rays from a point) and spirals (the
  digit and clothing sets get them light on dark in their own tones; the photographs in two colours);
* ``label`` (5%): *confusable* flips: the new label is one of the two classes whose mean image is most
  like the true class's (mistakes between similar classes, not uniform ones).

Each planted defect has its own source image; nothing else is planted, so only these five issue types are
scored on F's sets. Base data are the evaluation domains drawn with other seeds and sizes: Fashion-MNIST
*test* (2,000), MNIST (2,000), and the evaluation photographs tiled at 80 px and at 112 px, sizes no other
set uses.
"""

from __future__ import annotations

import numpy as np
from _heldout_d import add_copies_and_write, start_planting, write_base_images
from PIL import Image, ImageDraw, ImageFilter

from dataquality.datasets import PlantedDataset

EVALUATION_F = ("fashion_test_f", "mnist_f", "photos80_f", "photos112_f")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_F = {
    "fashion_test_f": ("fashion_test", 31),
    "mnist_f": ("mnist", 32),
    "photos80_f": ("photos", 33, 80, 12, 40),
    "photos112_f": ("photos", 34, 112, 10, 30),
}
RATES_F = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "outlier": 0.015, "label": 0.05}
NEAR_EDITS_F = ("swirl", "barrel", "elastic", "frame", "relief", "shear")
BLURS_F = ("butterworth", "spin", "soft_focus")
OUTLIERS_F = ("tree", "starburst", "spiral")


def load_base_f(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_F, "F")


# -- warps -----------------------------------------------------------------------------------
def _remap(a: np.ndarray, ys: np.ndarray, xs: np.ndarray) -> np.ndarray:
    """``a`` sampled at (ys, xs) with bilinear interpolation, edges reflected."""
    from scipy.ndimage import map_coordinates

    f = a.astype(np.float32)
    out = np.stack([map_coordinates(f[..., c], [ys, xs], order=1, mode="reflect") for c in range(f.shape[2])], axis=2)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def near_edit_f(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cy, cx = (h - 1) / 2, (w - 1) / 2
    dy, dx = yy - cy, xx - cx
    r = np.hypot(dy, dx) / (min(h, w) / 2)
    if kind == "swirl":  # a rotation of up to 6-10 degrees at the centre, fading to 0 at the rim
        th = np.deg2rad(rng.uniform(6, 10)) * rng.choice([-1, 1]) * np.clip(1 - r, 0, 1) ** 2
        return _remap(a, cy + dy * np.cos(th) + dx * np.sin(th), cx - dy * np.sin(th) + dx * np.cos(th))
    if kind == "barrel":  # sample at r * (1 - k r^2) / (1 - k): a bulge, the corners kept in the frame
        k = rng.uniform(0.06, 0.10)
        s = (1 - k * r ** 2) / (1 - k / 2)
        return _remap(a, cy + dy * s, cx + dx * s)
    if kind == "elastic":  # a smooth random field of up to 1.5-2.5% of the side
        from scipy.ndimage import gaussian_filter

        amp, sig = rng.uniform(0.015, 0.025) * min(h, w), min(h, w) / 6
        fy = gaussian_filter(rng.normal(size=(h, w)), sig)
        fx = gaussian_filter(rng.normal(size=(h, w)), sig)
        fy, fx = fy / (np.abs(fy).max() + 1e-9) * amp, fx / (np.abs(fx).max() + 1e-9) * amp
        return _remap(a, yy + fy, xx + fx)
    if kind == "frame":  # a painted frame over the edges, in a light or dark tone
        out = a.copy()
        t = max(1, round(min(h, w) * rng.uniform(0.02, 0.04)))
        tone = int(rng.choice([rng.integers(0, 40), rng.integers(215, 256)]))
        out[:t], out[-t:], out[:, :t], out[:, -t:] = tone, tone, tone, tone
        return out
    if kind == "relief":
        emb = np.asarray(Image.fromarray(a).filter(ImageFilter.EMBOSS), dtype=np.float32)
        g = rng.uniform(0.12, 0.18)
        return np.clip((1 - g) * a.astype(np.float32) + g * emb + 0.5, 0, 255).astype(np.uint8)
    if kind == "shear":
        t = np.tan(np.deg2rad(rng.uniform(3, 6))) * rng.choice([-1, 1])
        return _remap(a, yy, xx + t * dy)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def blur_f(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    f = a.astype(np.float32)
    if kind == "butterworth":
        cut, order = rng.uniform(0.09, 0.15), int(rng.integers(2, 5))
        fy, fx = np.fft.fftfreq(h)[:, None], np.fft.fftfreq(w)[None, :]
        gain = 1.0 / (1.0 + (np.hypot(fy, fx) / cut) ** (2 * order))
        out = np.stack([np.real(np.fft.ifft2(np.fft.fft2(f[..., c]) * gain)) for c in range(3)], axis=2)
    elif kind == "spin":
        top = rng.uniform(8, 14)
        img = Image.fromarray(a)
        out = np.mean([np.asarray(img.rotate(t, Image.BILINEAR, fillcolor=None), dtype=np.float32)
                       for t in np.linspace(-top, top, 9)], axis=0)
        # rotate leaves the corners black: keep the picture's own corners there
        mask = np.mean([np.asarray(Image.new("L", (w, h), 255).rotate(t, Image.BILINEAR), dtype=np.float32)
                        for t in np.linspace(-top, top, 9)], axis=0)[..., None] / 255
        out = np.where(mask > 0.05, out / np.maximum(mask, 0.05), f)
    elif kind == "soft_focus":
        from scipy.ndimage import gaussian_filter

        sig = min(h, w) / 20 * rng.uniform(0.8, 1.2)
        out = 0.25 * f + 0.75 * np.stack([gaussian_filter(f[..., c], sig, mode="reflect") for c in range(3)], axis=2)
    else:
        raise ValueError(kind)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


# -- outliers --------------------------------------------------------------------------------
def _tree(size: int, rng) -> np.ndarray:
    big = 4 * size
    img = Image.new("L", (big, big), 0)
    d = ImageDraw.Draw(img)

    def branch(x, y, ang, length, width, depth):
        if depth == 0 or length < 2:
            return
        x2, y2 = x + length * np.cos(ang), y - length * np.sin(ang)
        d.line((x, y, x2, y2), fill=255, width=max(1, int(width)))
        for turn in (rng.uniform(0.3, 0.6), -rng.uniform(0.3, 0.6)):
            branch(x2, y2, ang + turn, length * rng.uniform(0.6, 0.78), width * 0.7, depth - 1)

    branch(big / 2, big * 0.95, np.pi / 2 + rng.uniform(-0.2, 0.2), big * 0.3, big / 24, int(rng.integers(5, 8)))
    return np.asarray(img.resize((size, size), Image.LANCZOS), dtype=np.float32) / 255


def _starburst(size: int, rng) -> np.ndarray:
    big = 4 * size
    img = Image.new("L", (big, big), 0)
    d = ImageDraw.Draw(img)
    cx, cy = rng.uniform(0.3, 0.7, 2) * big
    for t in np.sort(rng.uniform(0, 2 * np.pi, int(rng.integers(10, 24)))):
        ln = rng.uniform(0.3, 0.7) * big
        d.line((cx, cy, cx + ln * np.cos(t), cy + ln * np.sin(t)), fill=255, width=max(1, big // 40))
    return np.asarray(img.resize((size, size), Image.LANCZOS), dtype=np.float32) / 255


def _spiral(size: int, rng) -> np.ndarray:
    big = 4 * size
    img = Image.new("L", (big, big), 0)
    turns = rng.uniform(2.5, 4.5)
    t = np.linspace(0, 2 * np.pi * turns, 1200)
    rad = (t / t[-1]) * 0.45 * big
    ph = rng.uniform(0, 2 * np.pi)
    pts = list(zip((big / 2 + rad * np.cos(t + ph)).tolist(), (big / 2 + rad * np.sin(t + ph)).tolist()))
    ImageDraw.Draw(img).line(pts, fill=255, width=max(1, big // 30))
    return np.asarray(img.resize((size, size), Image.LANCZOS), dtype=np.float32) / 255


def outlier_f(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    v = {"tree": _tree, "starburst": _starburst, "spiral": _spiral}[kind](size, rng)
    if name.startswith("photos"):  # in colour: two random colours blended by the pattern
        c0, c1 = rng.integers(0, 256, 3).astype(np.float32), rng.integers(0, 256, 3).astype(np.float32)
        out = c0 * (1 - v[..., None]) + c1 * v[..., None]
    else:  # light on dark, in the data's own tones
        out = np.repeat((lo + (hi - lo) * v)[..., None], 3, axis=2)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


# -- label noise -----------------------------------------------------------------------------
def confusable_classes(base: list[np.ndarray], labels: list, classes: list) -> dict:
    """For each class, the two other classes whose mean grey image is most correlated with its own."""
    g = np.stack([b.mean(axis=2) if b.ndim == 3 else b for b in base]).astype(np.float32)
    lab = np.asarray(labels, dtype=object)
    means = np.stack([g[lab == c].mean(axis=0).ravel() for c in classes])
    means = means - means.mean(axis=1, keepdims=True)
    means /= np.linalg.norm(means, axis=1, keepdims=True) + 1e-9
    sim = means @ means.T
    np.fill_diagonal(sim, -np.inf)
    return {c: [classes[j] for j in np.argsort(-sim[i])[:2]] for i, c in enumerate(classes)}


# -- planting ------------------------------------------------------------------------------
def plant_issues_f(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    out, base, labels, classes = start_planting(images, labels, out_dir)
    rng = np.random.default_rng(60_000 + random_state)
    n = len(base)
    g = np.stack(base).astype(np.float32)
    lo, hi = (int(v) for v in np.percentile(g, [5, 95]))
    near = confusable_classes(base, labels, classes)
    counts = {k: int(round(v * n)) for k, v in RATES_F.items()}
    order = rng.permutation(n).tolist()
    picks, at = {}, 0
    for k in ("outlier", "blurry", "label"):
        picks[k] = set(order[at: at + counts[k]])
        at += counts[k]
    sources = iter(order[at:])
    truth = {k: set() for k in RATES_F}

    def flip(a, lab):  # to one of the two classes most like the true one
        return a, near[lab][int(rng.integers(2))]

    edits = {
        "outlier": lambda a, lab: (  # carries a label of the data set, as a stray file in a class folder would
            outlier_f(name, OUTLIERS_F[len(truth["outlier"]) % len(OUTLIERS_F)], a.shape[0], lo, hi, rng),
            classes[int(rng.integers(len(classes)))]),
        "blurry": lambda a, lab: (blur_f(a, BLURS_F[len(truth["blurry"]) % len(BLURS_F)], rng), lab),
        "label": flip,
    }
    rows, true_labels, origin, written = write_base_images(out, base, labels, picks, edits, truth)
    edit = lambda a, j: near_edit_f(a, NEAR_EDITS_F[j % len(NEAR_EDITS_F)], rng)  # noqa: E731
    return add_copies_and_write(out, rows, true_labels, origin, written, labels, sources, truth, counts, edit)
