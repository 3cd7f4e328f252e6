"""Safe image reading: every failure becomes a reason string, never an exception."""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, ImageOps

IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm", ".pbm"}
)
# Larger images are refused without decoding them (decompression-bomb guard).
MAX_PIXELS = 89_478_485

ImageFile.LOAD_TRUNCATED_IMAGES = False


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

    @property
    def ok(self) -> bool:
        return self.image is not None


def to_rgb(img: Image.Image) -> Image.Image:
    """Convert any PIL mode to 8-bit RGB (16-bit and float are rescaled, alpha dropped on white)."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(img, dtype=np.float64)
        hi = 65535.0 if img.mode.startswith("I;16") else max(float(arr.max()), 1.0)
        arr = np.clip(arr / hi * 255.0, 0, 255).astype(np.uint8)
        return Image.fromarray(arr, "L").convert("RGB")
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(bg, rgba).convert("RGB")
    if img.mode != "RGB":
        return img.convert("RGB")
    return img


def read_file_bytes(path: str | os.PathLike) -> tuple[bytes | None, str | None]:
    """``(bytes, None)``, or ``(None, reason)`` for a missing, empty or unreadable file."""
    p = Path(path)
    try:
        if p.is_symlink() and not p.exists():
            return None, "file missing: dangling symbolic link"
        if not p.exists():
            return None, "file missing"
        if p.is_dir():
            return None, "not a file: is a directory"
        with open(p, "rb") as fh:
            data = fh.read()
    except PermissionError:
        return None, "permission denied"
    except OSError as exc:  # symlink loops, I/O errors, too-long names
        return None, f"cannot open file: {exc.strerror or exc}"
    if not data:
        return None, "empty file (0 bytes)"
    return data, None


def read_image_file(path: str | os.PathLike, max_pixels: int = MAX_PIXELS) -> LoadedImage:
    """Read an image file; return a LoadedImage whose ``error`` names what went wrong."""
    data, error = read_file_bytes(path)
    if data is None:
        return LoadedImage(None, error)
    return decode_image_bytes(data, max_pixels=max_pixels)


def decode_image_bytes(data: bytes, max_pixels: int = MAX_PIXELS) -> LoadedImage:
    try:
        img = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        return LoadedImage(None, f"refused: decompression bomb guard ({exc})")
    except Exception as exc:  # PIL raises many types for garbage input
        return LoadedImage(None, f"not decodable as an image ({type(exc).__name__}: {_plain_reason(exc)})")
    return from_pil(img, max_pixels=max_pixels)


def from_pil(img: Image.Image, max_pixels: int = MAX_PIXELS) -> LoadedImage:
    """Validate, fully decode, orient and convert an opened PIL image."""
    w, h = img.size
    fmt = img.format or ""
    mode = img.mode
    n_frames = int(getattr(img, "n_frames", 1) or 1)
    if w <= 0 or h <= 0:
        return LoadedImage(None, f"invalid size {w}x{h}", w, h, mode, fmt)
    if w * h > max_pixels:
        return LoadedImage(
            None,
            f"refused: {w}x{h} = {w * h:,} pixels exceeds the decompression-bomb guard "
            f"of {max_pixels:,} (raise max_pixels to accept it)",
            w, h, mode, fmt,
        )
    try:
        img.load()
        img = ImageOps.exif_transpose(img)
        rgb = to_rgb(img)
    except Image.DecompressionBombError as exc:
        return LoadedImage(None, f"refused: decompression bomb guard ({exc})", w, h, mode, fmt)
    except Exception as exc:
        msg = _plain_reason(exc)
        reason = "truncated file" if "truncated" in msg.lower() else "not decodable as an image"
        return LoadedImage(None, f"{reason} ({type(exc).__name__}: {msg})", w, h, mode, fmt)
    return LoadedImage(rgb, None, rgb.width, rgb.height, mode, fmt, n_frames)


def from_array(arr: np.ndarray) -> LoadedImage:
    """An HxW, HxWxC (C in 1, 3, 4) or CxHxW array, uint8 or float in [0, 1]."""
    a = np.asarray(arr)
    if a.ndim == 3 and a.shape[0] in (1, 3, 4) and a.shape[-1] not in (1, 3, 4):
        a = np.moveaxis(a, 0, -1)
    if a.ndim == 3 and a.shape[-1] == 1:
        a = a[..., 0]
    if a.dtype.kind == "f" and not np.isfinite(a).all():
        return LoadedImage(None, "array holds NaN or infinite values", mode="array")
    if a.dtype.kind == "f":
        scale = 255.0 if a.max(initial=0) <= 1.0 else 1.0
        a = np.clip(a * scale, 0, 255).astype(np.uint8)
    elif a.dtype != np.uint8:
        hi = 65535 if a.max(initial=0) > 255 else 255
        a = np.clip(a.astype(np.float64) / hi * 255, 0, 255).astype(np.uint8)
    if a.ndim == 2:
        mode = "L"
    elif a.ndim == 3 and a.shape[-1] in (3, 4):
        mode = "RGB" if a.shape[-1] == 3 else "RGBA"
    else:
        return LoadedImage(None, f"array of shape {arr.shape} is not an image")
    out = from_pil(Image.fromarray(a, mode))
    out.mode = mode
    return out
