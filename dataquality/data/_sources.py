"""Where a dataset's items come from: small picklable classes, so that DataLoader workers (under any
start method) and distributed engines (Ray) can ship a dataset to other processes and machines.

``load(j)`` takes a *source* position and never raises for bad data (images come back as a
:class:`LoadedImage` carrying the reason); ``token(j)`` is the bytes that identify item ``j`` in
the dataset's fingerprint, so that a cache entry is never shared by two different datasets.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ._images import LoadedImage, decode_image_bytes, from_array, from_pil, read_image_file
from ._paths import is_missing_cell, resolve_inside


class Source:
    """Base class: ``kind`` names the source in findings; ``paths`` exist for file sources only.

    ``thread_safe``: items may be loaded from several threads of one process at once (an in-process run
    decodes on threads). False unless the source's own code does the loading: a user's dataset object may
    share a file handle or a cursor between its items, which loader worker processes never share."""

    kind: str = "source"
    paths: Sequence[Path | str] | None = None
    thread_safe: bool = False

    def load(self, j: int) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def token(self, j: int) -> bytes:  # pragma: no cover - interface
        raise NotImplementedError


def is_uri(path) -> bool:
    """``s3://``, ``gs://``, ``file://`` ... (anything with a scheme); plain paths are not URIs."""
    s = str(path)
    return "://" in s and not s.startswith("/")


class FileSource(Source):
    """Image files on disk or behind URIs (``s3://``, ``gs://``, read through pyarrow's filesystems).

    The token of a local file is its absolute path, size and modification time, so two folders
    holding files of the same names, sizes and times are still two datasets. Remote objects are
    identified by their URI alone (a HEAD request per object would cost more than the audit):
    keep remote data immutable, or use versioned paths.
    """

    kind = "files"
    cheap_tokens = True  # a stat per file
    thread_safe = True  # each item opens its own file (or object)

    def __init__(self, paths: Sequence[Path | str], absent: dict[int, str] | None = None):
        self.paths = list(paths)
        self.absent = dict(absent or {})  # rows a labels file names whose file is not there: the reason

    def load(self, j: int) -> LoadedImage:
        return self.load_image(j)

    def load_image(self, j: int, min_size=None) -> LoadedImage:
        """Item ``j``; a JPEG at reduced scale when ``min_size=(short, long)`` allows it."""
        if j in self.absent:
            return LoadedImage(None, self.absent[j])
        p = self.paths[j]
        if is_uri(p):
            from ._remote import read_uri_image

            return read_uri_image(str(p), min_size=min_size)
        return read_image_file(p, min_size=min_size)

    def token(self, j: int) -> bytes:
        p = self.paths[j]
        name = str(p).encode("utf-8", "surrogateescape")
        if j in self.absent:
            return name + b":absent"
        if is_uri(p):
            return name
        try:
            st = Path(p).stat()
            # size and mtime, and the inode and its change time: a file rewritten with its mtime set back (or an
            # archive's files, all of one mtime, renamed into each other's names) keeps size and mtime, never ctime
            return name + f":{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{st.st_ctime_ns}".encode()
        except OSError as exc:
            return name + f":missing:{exc.errno}".encode()


def array_token(a) -> bytes:
    a = np.ascontiguousarray(a)
    return hashlib.sha1(a.tobytes() + str(a.shape).encode() + str(a.dtype).encode()).digest()


def array_ranges(items) -> dict:
    """For each number type other than uint8 among the arrays in ``items``: the value that is white in all of them
    (:func:`~dataquality.data._images.array_range` of the type's largest finite value over the whole list), so that
    every array of a dataset is read on one scale: a dark frame keeps its darkness, where each scaled to its own
    largest value would be brightened (a 16-bit frame whose brightest pixel is 127, a 0-255 float frame under 1)."""
    from ._images import array_range, finite_extreme

    top: dict = {}
    for x in items:
        if isinstance(x, np.ndarray) and x.dtype != np.uint8 and x.size and x.dtype.kind in "biuf":
            top[x.dtype.str] = max(top.get(x.dtype.str, 0.0), finite_extreme(x))
    return {d: array_range(np.dtype(d), t) for d, t in top.items()}


class ImageListSource(Source):
    """In-memory images: numpy arrays (``kind="array"``/``"list"``) or PIL images (``"pil"``)."""

    def __init__(self, items: list, kind: str):
        self.items, self.kind = items, kind
        # arrays are only read; a PIL image may still be a lazily opened file, which one list can hold twice
        self.thread_safe = all(isinstance(x, np.ndarray) for x in items)
        self.full = array_ranges(items)

    def load(self, j: int) -> LoadedImage:
        x = self.items[j]
        return from_array(x, self.full.get(x.dtype.str)) if isinstance(x, np.ndarray) else from_pil(x.copy())

    def token(self, j: int) -> bytes:
        x = self.items[j]
        if isinstance(x, np.ndarray):
            return array_token(x)
        return hashlib.sha1(x.tobytes() + f"{x.size}{x.mode}".encode()).digest()


def to_loaded(x) -> LoadedImage:
    """A PIL image, encoded bytes, a tensor or an array as a :class:`LoadedImage` (or the reason it is not one)."""
    from PIL import Image

    if isinstance(x, Image.Image):
        return from_pil(x)
    if isinstance(x, dict) and ("bytes" in x or "path" in x):  # a Hugging Face Image cell: bytes, else a path
        if x.get("bytes") is not None:
            x = x["bytes"]
        elif x.get("path"):
            return read_image_file(str(x["path"]))
        else:
            return LoadedImage(None, "no image in this item (neither bytes nor path)")
    if isinstance(x, (bytes, bytearray)):
        return decode_image_bytes(bytes(x)) if x else LoadedImage(None, "empty image bytes (0 bytes)")
    if hasattr(x, "detach"):
        x = x.detach().cpu().numpy()
    if isinstance(x, np.ndarray):
        return from_array(x)
    return LoadedImage(None, f"item is a {type(x).__name__}, not an image")


class MapStyleSource(Source):
    """A map-style dataset (torch, Hugging Face) yielding an image, ``(image, label, ...)``, or dicts
    whose ``image_key`` holds the image."""

    kind = "torch"

    def __init__(self, data, image_key=None, label_key=None, full: dict | None = None):
        self.data, self.image_key, self.label_key = data, image_key, label_key
        # the white value per number type when every image is known up front (a TensorDataset): one scale for all
        self.full = full or {}

    def pick(self, item):
        """(image, label or None) of one item."""
        if isinstance(item, dict):
            return item.get(self.image_key), item.get(self.label_key) if self.label_key is not None else None
        if isinstance(item, (tuple, list)):
            return item[0], item[1] if len(item) > 1 else None
        return item, None

    def load(self, j: int) -> LoadedImage:
        try:
            item = self.data[j]
        except Exception as exc:
            return LoadedImage(None, f"dataset raised {type(exc).__name__}: {exc}")
        x = self.pick(item)[0]
        if self.full and hasattr(x, "detach"):
            x = x.detach().cpu()
            x = (x.float() if str(x.dtype) == "torch.bfloat16" else x).numpy()
            return from_array(x, self.full.get(x.dtype.str))
        return to_loaded(x)

    def token(self, j: int) -> bytes:
        li = self.load(j)
        return b"err" if li.image is None else hashlib.sha1(li.image.tobytes()).digest()


TorchSource = MapStyleSource


class ColumnImageSource(Source):
    """Images held in a table column: encoded bytes, Hugging Face ``{"bytes", "path"}`` dicts, PIL
    images or arrays; a path inside such a dict resolves under ``root`` (and is refused outside it)."""

    kind = "column"
    thread_safe = True  # cells are bytes, arrays or images of their own, paths opened per item

    def __init__(self, values: list, root: Path):
        self.values, self.root = values, root
        self.full = array_ranges(values)

    def load(self, j: int) -> LoadedImage:
        from PIL import Image

        v = self.values[j]
        if isinstance(v, dict):
            if v.get("bytes") is not None:
                v = v["bytes"]
            elif v.get("path"):
                p = resolve_inside(self.root, str(v["path"]))
                return LoadedImage(None, "path outside the dataset root, refused") if p is None else read_image_file(p)
            else:
                return LoadedImage(None, "no image in this row (neither bytes nor path)")
        elif is_missing_cell(v):
            return LoadedImage(None, "no image in this row (empty cell)")
        if isinstance(v, (bytes, bytearray, memoryview)):
            return decode_image_bytes(bytes(v)) if len(v) else LoadedImage(None, "empty image bytes (0 bytes)")
        if isinstance(v, Image.Image):
            return from_pil(v.copy())
        if isinstance(v, str):
            return LoadedImage(None, f"a text cell ({v[:40]!r}), not an image, in a column of images")
        v = np.asarray(v)
        return from_array(v, self.full.get(v.dtype.str))

    def token(self, j: int) -> bytes:
        from PIL import Image

        v = self.values[j]
        if isinstance(v, dict):
            v = v.get("bytes") if v.get("bytes") is not None else str(v.get("path")).encode()
        if isinstance(v, (bytes, bytearray, memoryview)):
            return hashlib.sha1(bytes(v)).digest()
        if isinstance(v, Image.Image):
            return hashlib.sha1(v.tobytes() + f"{v.size}{v.mode}".encode()).digest()
        if v is None:
            return b"none"
        return array_token(np.asarray(v))


class TextSource(Source):
    kind = "text"

    def __init__(self, texts: list[str]):
        self.texts = texts

    def load(self, j: int) -> str:
        return self.texts[j]

    def token(self, j: int) -> bytes:
        return self.texts[j].encode("utf-8", "surrogatepass")


class TabularSource(Source):
    kind = "tabular"

    def __init__(self, df, hashes: np.ndarray):
        self.df = df
        self.hashes = hashes  # one 64-bit content hash per row

    def load(self, j: int):
        return self.df.iloc[j]

    def token(self, j: int) -> bytes:
        return int(self.hashes[j]).to_bytes(8, "little")


class EmbeddingSource(Source):
    """Precomputed vectors (an ``N x D`` array or ``np.memmap``), used as they are."""

    kind = "embeddings"

    def __init__(self, array: np.ndarray):
        self.array = array

    def load(self, j: int) -> np.ndarray:
        return np.asarray(self.array[j])

    def token(self, j: int) -> bytes:
        return array_token(self.array[j])

    def rows(self, index: np.ndarray) -> np.ndarray:
        """The vectors at ``index``: the array itself (no copy) when ``index`` is every row in order."""
        index = np.asarray(index)
        if len(index) == len(self.array) and (len(index) == 0 or (index[0] == 0 and np.all(np.diff(index) == 1))):
            return self.array
        return self.array[index]

    def bulk_token(self, index: np.ndarray) -> bytes:
        h = hashlib.sha256(f"{self.array.shape[1:]}{self.array.dtype}".encode())
        for s in range(0, len(index), 65536):
            h.update(np.ascontiguousarray(self.array[index[s: s + 65536]]).tobytes())
        return h.digest()


class ConcatSource(Source):
    """Two datasets one after the other (for embedding a dataset jointly with its reference)."""

    kind = "concat"

    def __init__(self, first, second):
        self.first, self.second = first, second
        if first.paths is not None and second.paths is not None:
            self.paths = list(first.paths) + list(second.paths)
        self.thread_safe = first.thread_safe and second.thread_safe

    def _at(self, j: int):
        n1 = len(self.first)
        return (self.first, j) if j < n1 else (self.second, j - n1)

    def load(self, j: int):
        ds, k = self._at(j)
        return ds.load(k)

    def load_image(self, j: int, min_size=None):
        ds, k = self._at(j)
        return ds.load_image(k, min_size=min_size)

    def token(self, j: int) -> bytes:
        ds, k = self._at(j)
        return ds._source.token(int(ds._index[k]))
