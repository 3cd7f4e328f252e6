"""Per-image statistics computed in the same pass as decoding (no second read)."""

from __future__ import annotations

import hashlib

import numpy as np
from PIL import Image

from ._images import LoadedImage

STAT_COLUMNS = (
    "readable", "error", "width", "height", "mode", "format", "n_frames", "pixel_hash", "phash",
    "brightness_mean", "brightness_p01", "brightness_p99", "blur", "entropy", "color_std",
    "thumb",
)
_THUMB = 128


def image_stats(li: LoadedImage) -> dict:
    """Size, mode, content hash, perceptual hash, brightness, blur and entropy of one image."""
    out = {c: None for c in STAT_COLUMNS}
    out.update(readable=li.ok, error=li.error, width=li.width, height=li.height, mode=li.mode,
               format=li.format, n_frames=li.n_frames)
    if not li.ok:
        return out
    img = li.image
    out["pixel_hash"] = hashlib.sha1(img.tobytes() + f"{img.size}".encode()).hexdigest()
    thumb = img if max(img.size) <= _THUMB else img.resize(_thumb_size(img.size), Image.BILINEAR)
    rgb = np.asarray(thumb, dtype=np.float32) / 255.0
    # perceived brightness (ITU-R BT.601)
    gray = rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114
    out["brightness_mean"] = float(gray.mean())
    p01, p99 = np.percentile(gray, [1, 99])
    out["brightness_p01"], out["brightness_p99"] = float(p01), float(p99)
    out["color_std"] = float(rgb.std(axis=2).mean())
    # blur: variance of the Laplacian, on a fixed-size grey image so sizes compare
    g = np.asarray(img.convert("L").resize((64, 64), Image.BILINEAR), dtype=np.float32) / 255.0
    lap = -4 * g[1:-1, 1:-1] + g[:-2, 1:-1] + g[2:, 1:-1] + g[1:-1, :-2] + g[1:-1, 2:]
    # divided by the grey-level variance so that dim or washed-out images are not called blurry
    out["blur"] = float(lap.var() / max(float(g.var()), 1e-4))
    # a 4x4 grey thumbnail (hex of 16 bytes): coarse content that blur does not change, so the
    # blurry check can compare an image's edge energy with that of images laid out like it
    out["thumb"] = np.asarray(g.reshape(4, 16, 4, 16).mean(axis=(1, 3)) * 255 + 0.5).astype(np.uint8).tobytes().hex()
    hist = np.bincount((gray * 255).astype(np.uint8).ravel(), minlength=256).astype(np.float64)
    p = hist[hist > 0] / hist.sum()
    out["entropy"] = float(-(p * np.log2(p)).sum())
    out["phash"] = _phash(img)
    return out


def decode_thumbs(values) -> np.ndarray:
    """The ``thumb`` column as an N x 16 float array (NaN rows where it is missing)."""
    out = np.full((len(values), 16), np.nan, dtype=np.float32)
    for i, v in enumerate(values):
        if isinstance(v, str) and len(v) == 32:
            out[i] = np.frombuffer(bytes.fromhex(v), dtype=np.uint8)
    return out


def _thumb_size(size):
    w, h = size
    s = _THUMB / max(w, h)
    return max(1, round(w * s)), max(1, round(h * s))


def _phash(img: Image.Image) -> str:
    import imagehash

    return str(imagehash.phash(img))
