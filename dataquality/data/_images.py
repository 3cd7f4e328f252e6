"""Safe image reading: every failure becomes a reason string, never an exception.

Only regular files are opened (a named pipe would block, a device never ends), and only up to
a size limit. Before any pixel is decoded the header is checked against a pixel limit (the
decompression-bomb guard) and an aspect-ratio limit (an image 1 pixel high and 40,000 wide
would become gigabytes once an embedder scales its short side up). Large images are decoded
at reduced scale (JPEG) or reduced right after decoding, so every later step works on at most
``WORK_PIXELS`` pixels. The limits are read from environment variables at each call, so
DataLoader worker processes see the same values: see docs/reliability.md.
"""

from __future__ import annotations

import io
import math
import os
import re
import stat
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFile

from .._errors import DataQualityError

# .jfif / .jpe / .jif: JPEGs as Windows browsers save them; .avif / .heic / .heif: phone photos (HEIC needs a Pillow
# plugin: without one such a file is an unreadable example that says so, not a skipped "not an image" file)
IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jfif", ".jpe", ".jif", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm",
     ".pbm", ".avif", ".heic", ".heif"}
)
# Larger images are refused without decoding them (decompression-bomb guard, Pillow's default).
MAX_PIXELS = 89_478_485
# Larger files are refused unread (an uncompressed 24-bit image at MAX_PIXELS still fits).
MAX_FILE_BYTES = 256 * 2**20
# Images more elongated than this are refused unread.
MAX_ASPECT_RATIO = 100.0
# Images above this many pixels are decoded at (JPEG) or reduced to a fraction of their size
# right after decoding; the statistics and embeddings do not need more, and memory stays bounded.
WORK_PIXELS = 4096 * 4096

ImageFile.LOAD_TRUNCATED_IMAGES = False

_ENV = {"max_file_bytes": "DQ_MAX_FILE_BYTES", "max_pixels": "DQ_MAX_PIXELS",
        "max_aspect_ratio": "DQ_MAX_ASPECT_RATIO"}
_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}


@dataclass(frozen=True)
class ReadLimits:
    """Per-file limits of the image reader (defaults overridable by environment variables).

    ``DQ_MAX_FILE_BYTES`` (e.g. ``1G``), ``DQ_MAX_PIXELS`` and ``DQ_MAX_ASPECT_RATIO``.
    """

    max_file_bytes: int = MAX_FILE_BYTES
    max_pixels: int = MAX_PIXELS
    max_aspect_ratio: float = MAX_ASPECT_RATIO


def _parse_limit(name: str, text: str, *, integer: bool, units: bool) -> float:
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]*)?)\s*([kKmMgGtT]?)i?[bB]?\s*", text)
    value = None
    if m and (units or not m.group(2)):
        value = float(m.group(1)) * _UNITS[m.group(2).lower()]
    if value is None or value <= 0 or (integer and value != int(value)):
        what = "a positive number of bytes like 268435456 or 512M" if units else (
            "a positive integer" if integer else "a positive number")
        raise DataQualityError(f"Expected environment variable {name} to be {what} but got {text!r}.")
    return int(value) if integer else value


def read_limits() -> ReadLimits:
    """The limits in force: the defaults, or the values of the ``DQ_MAX_*`` environment variables."""
    kw = {}
    for field_name, env in _ENV.items():
        text = os.environ.get(env)
        if text is not None and text.strip():
            kw[field_name] = _parse_limit(env, text, integer=field_name != "max_aspect_ratio",
                                          units=field_name == "max_file_bytes")
    return ReadLimits(**kw)


def _size(n: int) -> str:
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= factor:
            return f"{n / factor:,.1f} {unit}"
    return f"{n:,} bytes"


_SPECIAL = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
            (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
            (stat.S_ISSOCK, "a socket"))


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    for test, what in _SPECIAL:
        if test(mode):
            return f"not a regular file: {what}"
    return "not a regular file"


def _open_nonblocking(path, flags):
    # O_NONBLOCK: if the path became a FIFO after the stat, opening it must not wait for a writer
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def _plain_reason(exc: BaseException) -> str:
    """The exception's message without object reprs such as ``<_io.BytesIO object at 0x7f...>``,
    which differ from run to run and mean nothing to a user."""
    return re.sub(r"\s*<[^<>]* at 0x[0-9a-fA-F]+>", "", str(exc)).strip()


@dataclass
class LoadedImage:
    """An image as read from its source, converted to RGB, or the reason it could not be."""

    image: Image.Image | None
    error: str | None = None
    width: int = 0
    height: int = 0
    mode: str = ""
    format: str = ""
    n_frames: int = 1
    # a JPEG file's quantisation tables and chroma subsampling (Pillow's ``qtables=`` / ``subsampling=``), so that a
    # copy of it can be stored as it was (compute/_synthetic.py: ``stored_as_source``); None for other formats
    jpeg: dict | None = None

    @property
    def ok(self) -> bool:
        return self.image is not None


_SIXTEEN_BIT = ("I;16", "I;16B", "I;16L", "I;16N")


def _rescale_to_l(img: Image.Image) -> Image.Image:
    """A 16-bit or 32-bit grey image as 8-bit L, a block of rows at a time (no full-size float copy). 16-bit: white
    is 65535; 32-bit integers and floats: the range their largest value falls in (:func:`array_range`: 0-1 floats,
    0-255, 0-65535 integers), not the image's own maximum, which would brighten a dark frame to full scale (floats
    over 255 alone, having no usual range, are scaled to their maximum)."""
    arr = np.asarray(img)
    if img.mode in _SIXTEEN_BIT:
        hi = 65535.0
    else:
        hi = array_range(arr.dtype, max(finite_extreme(arr), 0.0))
    out = np.empty(arr.shape, dtype=np.uint8)
    step = max(1, (1 << 20) // max(1, arr.shape[1]))
    for r in range(0, arr.shape[0], step):
        out[r: r + step] = np.clip(arr[r: r + step].astype(np.float64) / hi * 255.0, 0, 255).astype(np.uint8)
    return Image.fromarray(out, "L")


def to_rgb(img: Image.Image) -> Image.Image:
    """Convert any PIL mode to 8-bit RGB (16-bit and float are rescaled, alpha dropped on white)."""
    if img.mode in (*_SIXTEEN_BIT, "I", "F"):
        return _rescale_to_l(img).convert("RGB")
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(bg, rgba).convert("RGB")
    if img.mode != "RGB":
        return img.convert("RGB")
    return img


def read_file_bytes(path: str | os.PathLike, max_bytes: int | None = None) -> tuple[bytes | None, str | None]:
    """``(bytes, None)``, or ``(None, reason)`` for a missing, empty, special, oversized or unreadable file.

    Only regular files are read (symbolic links to them are followed); a named pipe, device,
    socket or directory is refused without opening it. ``max_bytes`` defaults to
    ``read_limits().max_file_bytes``.
    """
    limit = read_limits().max_file_bytes if max_bytes is None else int(max_bytes)
    try:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return None, "file missing: dangling symbolic link" if os.path.islink(path) else "file missing"
        special = _not_regular(st.st_mode)
        if special:
            return None, special
        if st.st_size > limit:
            return None, _too_big(st.st_size, limit)
        with open(path, "rb", opener=_open_nonblocking) as fh:
            special = _not_regular(os.fstat(fh.fileno()).st_mode)  # swapped since the stat?
            if special:
                return None, special
            data = _read_at_most(fh, min(st.st_size, limit), limit)
    except PermissionError:
        return None, "permission denied"
    except OSError as exc:  # symlink loops, I/O errors, names longer than the system allows
        return None, f"cannot open file: {exc.strerror or exc}"
    except ValueError as exc:  # e.g. an embedded NUL byte in the name
        return None, f"invalid file name ({exc})"
    if not data:
        return None, "empty file (0 bytes)"
    if len(data) > limit:  # it grew after the stat
        return None, _too_big(len(data), limit)
    return data, None


def _read_at_most(fh, expected: int, limit: int) -> bytes:
    """The file's bytes, or ``limit + 1`` of them when it holds more (grown since the stat, or a
    file whose size the system does not report); never allocates ``limit`` bytes up front."""
    data = fh.read(expected + 1)
    if len(data) <= expected:
        return data
    more = bytearray(data)
    while len(more) <= limit:
        chunk = fh.read(min(1 << 20, limit + 1 - len(more)))
        if not chunk:
            break
        more += chunk
    return bytes(more)


def _too_big(size: int, limit: int) -> str:
    return (f"refused: file is {_size(size)}, over the {_size(limit)} size limit "
            "(set DQ_MAX_FILE_BYTES to raise it)")


def header_refusal(width: int, height: int, limits: ReadLimits | None = None) -> str | None:
    """Why an image of this size is refused before decoding, or None when it may be decoded."""
    limits = limits or read_limits()
    w, h = int(width), int(height)
    if w <= 0 or h <= 0:
        return f"invalid size {w}x{h}"
    if w * h > limits.max_pixels:
        return (f"refused: {w}x{h} = {w * h:,} pixels exceeds the decompression-bomb guard "
                f"of {limits.max_pixels:,} (set DQ_MAX_PIXELS to accept it)")
    ratio = max(w, h) / min(w, h)
    if ratio > limits.max_aspect_ratio:
        return (f"refused: {w}x{h} has an aspect ratio of {ratio:,.0f}:1, over the guard of "
                f"{limits.max_aspect_ratio:g}:1 (set DQ_MAX_ASPECT_RATIO to accept it)")
    return None


def read_image_file(path: str | os.PathLike, max_pixels: int | None = None, min_size=None) -> LoadedImage:
    """Read an image file; return a LoadedImage whose ``error`` names what went wrong.

    ``min_size=(short, long)``: the smallest image the caller needs; a JPEG is then decoded at
    the smallest DCT scale (1/2, 1/4, 1/8) whose short and long sides still reach it
    (see :func:`jpeg_scale`). The size reported is always the file's own.
    """
    data, error = read_file_bytes(path)
    if data is None:
        return LoadedImage(None, error)
    return decode_image_bytes(data, max_pixels=max_pixels, min_size=min_size)


def _pillow_guard_at_least(max_pixels: int) -> None:
    """Raise Pillow's own decompression-bomb limit (it refuses images over twice ``Image.MAX_IMAGE_PIXELS`` when
    opening them, and warns over once) to the limit in force, never lower it: an image the user accepted with
    ``DQ_MAX_PIXELS`` is then decoded, where Pillow refused it with a message no setting of ours could change."""
    current = Image.MAX_IMAGE_PIXELS
    if current is not None and max_pixels > current:
        Image.MAX_IMAGE_PIXELS = int(max_pixels)


def _bomb_reason(exc: BaseException, max_pixels: int) -> str:
    """Pillow's refusal in the words of :func:`header_refusal`: the size, the limit and how to accept it."""
    m = re.search(r"\(([0-9]+) pixels\)", str(exc))
    size = f"{int(m.group(1)):,} pixels" if m else "the image"
    return (f"refused: {size} exceeds the decompression-bomb guard of {max_pixels:,} "
            "(set DQ_MAX_PIXELS to accept it)")


def decode_image_bytes(data: bytes, max_pixels: int | None = None, min_size=None) -> LoadedImage:
    limit = read_limits().max_pixels if max_pixels is None else int(max_pixels)
    _pillow_guard_at_least(limit)
    try:
        img = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        return LoadedImage(None, _bomb_reason(exc, limit))
    except Exception as exc:  # PIL raises many types for garbage input
        return LoadedImage(None, _undecodable(data, exc))
    return from_pil(img, max_pixels=max_pixels, min_size=min_size)


_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")


def _undecodable(data: bytes, exc: BaseException) -> str:
    """Why bytes Pillow could not open are not an image: a HEIC photo Pillow has no plugin for, a web page saved
    under an image name, or (otherwise) Pillow's own words."""
    head = data[:512].lstrip().lower()
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return ("not decodable: a HEIC/HEIF image, which Pillow reads only with the pillow-heif plugin "
                "(pip install pillow-heif, then pillow_heif.register_heif_opener()), or convert it to JPEG")
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<svg")):
        return "not decodable: an HTML or XML page saved under an image name (a failed download?), not an image"
    return f"not decodable as an image ({type(exc).__name__}: {_plain_reason(exc)})"


def jpeg_scale(width: int, height: int, min_size) -> int:
    """The largest JPEG DCT reduction (8, 4, 2 or 1) leaving at least ``min_size = (short, long)`` pixels.

    libjpeg decodes at 1/2, 1/4 or 1/8 scale by keeping the low DCT frequencies of each block, at
    a fraction of the cost of a full decode followed by a resize, and with the same anti-aliasing.
    """
    if not min_size:
        return 1
    short, long = min(width, height), max(width, height)
    need_short, need_long = (int(v) for v in min_size)
    for k in (8, 4, 2):
        if short // k >= need_short and long // k >= need_long:
            return k
    return 1


# EXIF orientation -> the transpose that undoes it (what ImageOps.exif_transpose applies)
_ORIENT = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
           5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
           8: Image.Transpose.ROTATE_90}


def _orientation(img: Image.Image) -> int:
    try:
        value = img.getexif().get(0x0112)
        return int(value) if value in _ORIENT else 1
    except Exception:  # a broken EXIF block does not make the pixels unreadable
        return 1


def _reduced(img: Image.Image) -> Image.Image:
    """The decoded image shrunk by an integer factor to at most WORK_PIXELS pixels."""
    w, h = img.size
    k = math.ceil(math.sqrt(w * h / WORK_PIXELS))
    if k <= 1:
        return img
    if img.mode in _SIXTEEN_BIT:
        img = _rescale_to_l(img)
    elif img.mode == "1":
        img = img.convert("L")
    elif img.mode == "P":
        img = img.convert("RGBA" if "transparency" in img.info else "RGB")
    return img.reduce((min(k, w), min(k, h)))


def from_pil(img: Image.Image, max_pixels: int | None = None, min_size=None) -> LoadedImage:
    """Validate from the header, then decode (bounded), orient and convert an opened PIL image.

    ``min_size=(short, long)`` lets a JPEG be decoded at reduced scale (:func:`jpeg_scale`).
    """
    limits = read_limits()
    if max_pixels is not None:
        limits = ReadLimits(limits.max_file_bytes, int(max_pixels), limits.max_aspect_ratio)
    try:
        w, h = img.size
        fmt = img.format or ""
        mode = img.mode
    except Exception as exc:
        return LoadedImage(None, f"not decodable as an image ({type(exc).__name__}: {_plain_reason(exc)})")
    refusal = header_refusal(w, h, limits)
    if refusal:
        return LoadedImage(None, refusal, w, h, mode, fmt)
    jpeg = _jpeg_settings(img) if fmt == "JPEG" else None
    try:
        n_frames = int(getattr(img, "n_frames", 1) or 1)
        if fmt == "JPEG":  # decode at 1/2, 1/4 or 1/8 scale: less memory and time
            k = jpeg_scale(w, h, min_size)
            if w * h > WORK_PIXELS:  # at least this much reduction, whatever the caller needs
                limit = math.ceil(math.sqrt(w * h / WORK_PIXELS))
                k = max(k, next(sc for sc in (8, 4, 2, 1) if sc <= limit))
            if k > 1:
                img.draft(img.mode, (w // k, h // k))
        img.load()
        orientation = _orientation(img)
        if img.mode == "F" and not np.isfinite(np.asarray(img)).all():
            return LoadedImage(None, "image holds NaN or infinite values (a floating-point image)",
                               w, h, mode, fmt, n_frames)
        img = _reduced(img)
        if orientation in _ORIENT:
            img = img.transpose(_ORIENT[orientation])
        rgb = to_rgb(img)
    except Image.DecompressionBombError as exc:
        return LoadedImage(None, _bomb_reason(exc, limits.max_pixels), w, h, mode, fmt)
    except Exception as exc:
        msg = _plain_reason(exc)
        reason = "truncated file" if "truncated" in msg.lower() else "not decodable as an image"
        return LoadedImage(None, f"{reason} ({type(exc).__name__}: {msg})", w, h, mode, fmt)
    if orientation in (5, 6, 7, 8):  # the size after orientation, at full resolution
        w, h = h, w
    return LoadedImage(rgb, None, w, h, mode, fmt, n_frames, jpeg)


def _jpeg_settings(img: Image.Image) -> dict | None:
    """A JPEG's quantisation tables and chroma subsampling as Pillow's encoder takes them; None where unreadable."""
    try:
        from PIL import JpegImagePlugin

        tables = getattr(img, "quantization", None)
        if not tables:
            return None
        sampling = JpegImagePlugin.get_sampling(img)
        return {"qtables": [list(tables[k]) for k in sorted(tables)], "subsampling": sampling if sampling >= 0 else 0}
    except Exception:
        return None


def finite_extreme(a: np.ndarray, which: str = "max") -> float:
    """The largest (``which="max"``) or smallest finite value of ``a`` (0 where it has none), NaN and infinities
    left out; reduced in place (``fmax`` / ``fmin`` skip NaN), a finite copy only where an infinity is the extreme."""
    a = np.asarray(a)
    if not a.size:
        return 0.0
    v = float((np.fmax if which == "max" else np.fmin).reduce(a, axis=None))
    if a.dtype.kind == "f" and not np.isfinite(v):  # an infinity, or every value NaN
        finite = a[np.isfinite(a)]
        return float(finite.max() if which == "max" else finite.min()) if finite.size else 0.0
    return v


def array_range(dtype, top: float) -> float:
    """The value that is full brightness in arrays of ``dtype`` whose largest value is ``top``: 1 for booleans,
    and for floats where ``top`` is at most 1; else 255 where it is at most 255 (8-bit values in a wider type);
    beyond, for integers 65535 where it is at most 65535 (16-bit values), and otherwise ``top`` itself (floats
    over 255 have no usual range: depths, counts, 12-bit intensities)."""
    kind = np.dtype(dtype).kind
    if kind == "b":
        return 1.0
    if kind == "f" and top <= 1.0:
        return 1.0
    if top <= 255:
        return 255.0
    return 65535.0 if kind in "iu" and top <= 65535 else float(top)


def from_array(arr: np.ndarray, full: float | None = None) -> LoadedImage:
    """An HxW, HxWxC (C in 1, 3, 4) or CxHxW array: uint8, or any other number type scaled so that ``full`` is
    white (default: :func:`array_range` of this array's own largest value; a dataset of arrays passes one value
    for all, so that a dark frame is not brightened to its own maximum)."""
    a = np.asarray(arr)
    if a.ndim == 3 and a.shape[0] in (1, 3, 4) and a.shape[-1] not in (1, 3, 4):
        a = np.moveaxis(a, 0, -1)
    if a.ndim == 3 and a.shape[-1] == 1:
        a = a[..., 0]
    if a.dtype.kind not in "biuf":  # text, objects: no pixels to scale
        return LoadedImage(None, f"a {a.dtype} value, not an image array", mode="array")
    if a.dtype.kind == "f" and not np.isfinite(a).all():
        return LoadedImage(None, "array holds NaN or infinite values", mode="array")
    if a.dtype != np.uint8:
        if full is None:
            full = array_range(a.dtype, float(a.max(initial=0)))
        a = np.clip(a.astype(np.float64) * (255.0 / full), 0, 255).astype(np.uint8)
    if a.ndim == 2:
        mode = "L"
    elif a.ndim == 3 and a.shape[-1] in (3, 4):
        mode = "RGB" if a.shape[-1] == 3 else "RGBA"
    else:
        return LoadedImage(None, f"array of shape {arr.shape} is not an image")
    out = from_pil(Image.fromarray(a, mode))
    out.mode = mode
    return out
