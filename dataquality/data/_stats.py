"""Per-image statistics computed in the same pass as decoding (no second read)."""

from __future__ import annotations

import functools
import hashlib

import numpy as np
from PIL import Image

from ._images import LoadedImage

STAT_COLUMNS = (
    "readable", "error", "width", "height", "mode", "format", "n_frames", "pixel_hash", "phash",
    "brightness_mean", "brightness_p01", "brightness_p95", "brightness_p99", "brightness_lit", "blur", "blur_hf",
    "blur_n", "blur_hf_n", "blur_peak", "blur_c", "blur_typ", "entropy", "color_std", "thumb", "spectrum", "grey16", "chroma16",
    "grey32", "brightness_apart_p99", "brightness_apart_mean", "thumb_apart",
)
_THUMB = 128
# pictures at most this many pixels a side keep their 32 x 32 grey picture (``grey32``, 1 KB): the near-duplicate
# check's silhouette rule compares small pictures on a blank ground at about their own size (checks/_groups.py:
# silhouette_pairs); on larger pictures the 32 x 32 grey keeps too little of them, and it is not stored
GREY32_MAX_SIDE = 32
CENTRE = slice(16, 48)  # the centre half of the 64 x 64 grey image, a side each way


def image_stats(li: LoadedImage) -> dict:
    """Size, mode, content hash, perceptual hash, brightness, blur and entropy of one image.

    Every statistic but the size is measured on small versions of the image (a 128 px thumbnail,
    a 64 x 64 and a 32 x 32 grey image), so the image may arrive already reduced (a JPEG decoded
    at 1/2 or 1/4 scale, see ``STATS_MIN_SIZE``) with the same values up to resampling noise.
    ``pixel_hash`` is the hash of the pixels as decoded: equal for equal images read the same way.
    """
    out = _header_stats(li)
    if li.ok:
        out.update(pixel_stats(li.image))
    return out


def _header_stats(li: LoadedImage) -> dict:
    """The statistics of the header (size, mode, format; readable or why not), the others None."""
    out = {c: None for c in STAT_COLUMNS}
    out.update(readable=li.ok, error=li.error, width=li.width, height=li.height, mode=li.mode,
               format=li.format, n_frames=li.n_frames)
    return out


def batch_image_stats(loaded: list[LoadedImage], small: list | None = None) -> list[dict]:
    """:func:`image_stats` of each image of a batch, the same values (:func:`finish_stats` does not depend
    on the batch), with the pixel statistics of images whose thumbnails have one shape computed
    together: about 0.3 ms an image less than one at a time (0.75 -> 0.45 ms on 28 px digits, 0.97 ->
    0.65 ms on 88 px photograph tiles), the numpy calls' fixed cost shared. ``small``: the images'
    :func:`small_images` where already made (aligned with ``loaded``)."""
    out = [_header_stats(li) for li in loaded]
    groups: dict[tuple, list[int]] = {}
    versions = {}
    for k, li in enumerate(loaded):
        if li.ok:
            versions[k] = small[k] if small is not None else small_images(li.image)
            groups.setdefault(versions[k][0].shape, []).append(k)
    for members in groups.values():
        values = finish_stats(*(np.stack([versions[k][part] for k in members]) for part in range(3)))
        for k, v in zip(members, values):
            out[k].update(v, pixel_hash=content_hash(loaded[k].image))
    return out


def pixel_stats(img: Image.Image) -> dict:
    """The pixel statistics of one decoded RGB image (what :func:`image_stats` adds to the header)."""
    thumb, g64, g32 = small_images(img)
    return {**finish_stats(thumb[None], g64[None], g32[None])[0], "pixel_hash": content_hash(img)}


def content_hash(img: Image.Image) -> str:
    """Hash of the decoded pixels and the size: equal for equal images read the same way."""
    return hashlib.sha1(img.tobytes() + f"{img.size}".encode()).hexdigest()


def small_images(img: Image.Image):
    """The three small versions the statistics are measured on, as uint8 arrays: the RGB thumbnail
    (longest side 128 px, h x w x 3), the 64 x 64 grey image (bilinear) and the 32 x 32 grey image
    (Lanczos, as ``imagehash.phash`` makes it)."""
    thumb = img if max(img.size) <= _THUMB else img.resize(_thumb_size(img.size), Image.BILINEAR)
    grey = img.convert("L")
    return (np.asarray(thumb, dtype=np.uint8), np.asarray(grey.resize((64, 64), Image.BILINEAR), dtype=np.uint8),
            np.asarray(grey.resize((32, 32), Image.LANCZOS), dtype=np.uint8))


def finish_stats(thumbs: np.ndarray, g64s: np.ndarray, g32s: np.ndarray) -> list[dict]:
    """Statistics of a batch of images from their small versions (:func:`small_images`, stacked):
    ``thumbs`` B x h x w x 3, ``g64s`` B x 64 x 64, ``g32s`` B x 32 x 32, all uint8.

    The one definition of the statistics: the PIL pass calls it with one image, the device pass
    (``compute/_tensor_pass.py``) with a batch of equal-size images; each image's values do not
    depend on the batch it came in (tests/test_image_stats_parity.py).
    """
    b = len(thumbs)
    rgb = np.asarray(thumbs, dtype=np.float32) * np.float32(1 / 255)
    # perceived brightness (ITU-R BT.601)
    gray = (rgb @ _BT601).reshape(b, -1)
    mean = gray.mean(axis=1)
    p01, p95, p99 = np.percentile(gray, [1, 95, 99], axis=1)
    lit = lit_brightness(gray)
    color_std = _mean_channel_std(rgb)
    # blur: variance of the Laplacian, on a fixed-size grey image so sizes compare
    g = np.asarray(g64s, dtype=np.float32) * np.float32(1 / 255)
    blur = laplacian_energy(g)
    blur_hf = high_frequency_share(g)
    grads = gradient_and_range(g)  # the peak gradient's and the typical sharpness's, made once
    blur_peak = peak_gradient(g, grads)
    # edge energy of the centre half alone (CENTRE): a picture blurred inside something sharp (a rim, a frame, a
    # caption) keeps the sharp part's edges in the whole picture's energy, not in its centre's
    blur_c = laplacian_energy(g[:, CENTRE, CENTRE])
    blur_typ = typical_sharpness(g, grads)
    grey_fine = _to_grid(gray.reshape(rgb.shape[:3]), _FINE)
    # the same two blur statistics on a finer grid, the thumbnail's grey brought to 128 x 128: a mild blur of
    # a picture larger than 64 px is partly averaged away on the 64 x 64 grey image. A fixed grid, not the
    # thumbnail's own size, so that a small image stored enlarged is measured like its peers
    blur_n = laplacian_energy(grey_fine)
    blur_hf_n = high_frequency_share(grey_fine)
    # a 4x4 grey thumbnail (hex of 16 bytes): coarse content that blur does not change, so the
    # blurry check can compare an image's edge energy with that of images laid out like it
    # from integer sums (each cell's mean rounded half up), so that the GPU's pass gives the same bytes
    thumb4 = ((np.asarray(g64s, dtype=np.int64).reshape(b, 4, 16, 4, 16).sum(axis=(2, 4)) + 128) >> 8).astype(np.uint8)
    spectra = spectrum_values(g32s)
    greys = grey16_values(g32s)
    spread = channel_spread(thumbs)  # each pixel's colour: for the 16 x 16 grid and for the lights in colour
    chromas = chroma16_values(thumbs, spread)
    levels = (gray * 255).astype(np.uint8)
    hashes = phash_hex(g32s)
    small = max(rgb.shape[1:3]) <= GREY32_MAX_SIDE
    apart = [apart_from_edge_lights(g, c) for g, c in zip(gray.reshape(rgb.shape[:3]), spread)]
    out = []
    for k in range(b):
        hist = np.bincount(levels[k], minlength=256).astype(np.float64)
        p = hist[hist > 0] / hist.sum()
        out.append({"brightness_mean": float(mean[k]), "brightness_p01": float(p01[k]),
                    "brightness_p95": float(p95[k]), "brightness_p99": float(p99[k]), "brightness_lit": float(lit[k]),
                    "color_std": float(color_std[k]), "blur": float(blur[k]),
                    "blur_hf": float(blur_hf[k]), "blur_n": float(blur_n[k]), "blur_hf_n": float(blur_hf_n[k]),
                    "blur_peak": float(blur_peak[k]), "blur_c": float(blur_c[k]), "blur_typ": float(blur_typ[k]),
                    "thumb": thumb4[k].tobytes().hex(), "spectrum": spectra[k].tobytes().hex(),
                    "grey16": greys[k].tobytes(), "chroma16": chromas[k].tobytes(),
                    "grey32": np.asarray(g32s[k], dtype=np.uint8).tobytes() if small else b"",
                    "entropy": float(-(p * np.log2(p)).sum()),
                    "phash": hashes[k], **apart[k]})
    return out


def finish_stats_torch(thumbs, g64s, g32s) -> list[dict]:
    """:func:`finish_stats` computed with torch where the tensors are (the GPU pass: B x h x w x 3,
    B x 64 x 64 and B x 32 x 32 uint8 tensors, all on one device), one copy of a few numbers per
    image back to the host.

    The same statistics by the same formulas, batched; equal to :func:`finish_stats` up to float
    rounding, except the 128 px grid for ``blur_n`` / ``blur_hf_n``, resampled by torch's
    antialiased bilinear in place of PIL's (tests/test_image_stats_parity.py bounds each). On one
    CPU core :func:`finish_stats` costs ~1.2 ms per image, which capped the GPU pass at ~800
    images/s (docs/benchmarks.md, "GPU"); here the CPU only formats the results.
    """
    import torch
    import torch.nn.functional as F

    b = len(thumbs)
    if b == 0:
        return []
    dev = thumbs.device
    rgb = thumbs.float() * (1 / 255)
    h, w = rgb.shape[1:3]
    gray = rgb @ torch.as_tensor(_BT601, device=dev)  # B x h x w
    flat = gray.reshape(b, -1)
    mean = flat.mean(1)
    q = torch.tensor([0.01, 0.95, 0.99], device=dev)
    pct = torch.cat([torch.quantile(flat[i: i + 256], q, dim=1) for i in range(0, b, 256)], dim=1)
    r, g_, bl = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    m3 = (r + g_ + bl) * (1 / 3)
    color_std = (((r - m3) ** 2 + (g_ - m3) ** 2 + (bl - m3) ** 2) * (1 / 3)).sqrt().reshape(b, -1).mean(1)
    g = g64s.float() * (1 / 255)
    fine = gray if (h, w) == (_FINE, _FINE) else F.interpolate(
        gray[:, None], size=(_FINE, _FINE), mode="bilinear", antialias=True, align_corners=False)[:, 0]
    grads = _gradient_and_range_torch(g)
    blur, blur_hf = _laplacian_energy_torch(g), _high_frequency_share_torch(g)
    blur_peak, blur_typ = _peak_gradient_torch(g, grads), _typical_sharpness_torch(g, grads)
    blur_c = _laplacian_energy_torch(g[:, CENTRE, CENTRE])
    blur_n, blur_hf_n = _laplacian_energy_torch(fine), _high_frequency_share_torch(fine)
    thumb4 = ((g64s.long().reshape(b, 4, 16, 4, 16).sum(dim=(2, 4)) + 128) >> 8).to(torch.uint8)
    # the spectrum descriptor and the perceptual hash, in float64 as their numpy definitions
    x32 = g32s.double()
    xs = (x32 - x32.mean(dim=(1, 2), keepdim=True)) * torch.as_tensor(_SPECTRUM_WINDOW, device=dev)
    mag = torch.fft.rfft2(xs).abs()[:, torch.as_tensor(_SPECTRUM_ROWS, device=dev), :SPECTRUM_K]
    v = mag[:, torch.as_tensor(_SPECTRUM_KEEP, device=dev)].sqrt()
    v = v * (255 / v.max(dim=1, keepdim=True).values.clamp_min(1e-9))
    spectra = (v + 0.5).to(torch.uint8)
    greys = ((g32s.to(torch.int32).reshape(b, 16, 2, 16, 2).sum(dim=(2, 4)) + 2) // 4).to(torch.uint8)
    spread = (thumbs.amax(dim=3).to(torch.float64) - thumbs.amin(dim=3).to(torch.float64))
    rows, cols = (torch.as_tensor(_cell_matrix(n), device=dev) for n in (h, w))
    sums, counts = (rows @ spread) @ cols.T, rows.sum(1)[:, None] * cols.sum(1)[None]
    chromas = ((sums + counts // 2) // counts).to(torch.uint8)  # chroma16_values' integers
    # the perceptual hash on the host, from the 32 x 32 images (1 KB each): the bits of a flat image are
    # its coefficients' rounding noise, which torch's matrix products would draw differently
    g32_host = g32s.cpu().numpy()
    hashes = phash_hex(g32_host)
    small = max(thumbs.shape[1:3]) <= GREY32_MAX_SIDE
    levels = (gray * 255).to(torch.uint8).reshape(b, -1).long()
    hist = torch.bincount((levels + 256 * torch.arange(b, device=dev)[:, None]).ravel(),
                          minlength=256 * b).reshape(b, 256).double()
    p = hist / hist.sum(1, keepdim=True)
    entropy = -torch.where(p > 0, p * torch.log2(p.clamp_min(1e-300)), torch.zeros_like(p)).sum(1)
    nums = torch.stack([mean, pct[0], pct[1], pct[2], _lit_brightness_torch(flat), color_std, blur, blur_hf, blur_n,
                        blur_hf_n, blur_peak, blur_c, blur_typ], dim=1).double().cpu().numpy()
    ent, t4, sp, gr = entropy.cpu().numpy(), thumb4.cpu().numpy(), spectra.cpu().numpy(), greys.cpu().numpy()
    ch = chromas.cpu().numpy()
    # lights at the frame's edge: connected regions, measured on the host, for the images that may have one (some
    # bright pixels, not too many; the bounds a little loose, so that float rounding leaves the decision to the host)
    share = (gray >= EDGE_LIGHT_LEVEL - 1e-4).float().mean(dim=(1, 2))
    maybe = np.flatnonzero(((share > 0) & (share <= EDGE_MAX_SHARE + 0.01)).cpu().numpy())
    apart = [dict(_NO_APART) for _ in range(b)]
    if len(maybe):
        at = torch.as_tensor(maybe, device=dev)
        for k, g, c in zip(maybe, gray[at].float().cpu().numpy(), spread[at].to(torch.uint8).cpu().numpy()):
            apart[k] = apart_from_edge_lights(g, c)
    keys = ("brightness_mean", "brightness_p01", "brightness_p95", "brightness_p99", "brightness_lit", "color_std",
            "blur", "blur_hf", "blur_n", "blur_hf_n", "blur_peak", "blur_c", "blur_typ")
    return [{**dict(zip(keys, map(float, nums[k]))), "thumb": t4[k].tobytes().hex(),
             "spectrum": sp[k].tobytes().hex(), "grey16": gr[k].tobytes(), "chroma16": ch[k].tobytes(),
             "grey32": np.asarray(g32_host[k], dtype=np.uint8).tobytes() if small else b"",
             "entropy": float(ent[k]),
             "phash": hashes[k], **apart[k]}
            for k in range(b)]


def _lit_brightness_torch(flat):
    """:func:`lit_brightness` of a B x N float tensor."""
    import torch

    b, n = flat.shape
    if n == 0:
        return torch.full((b,), float("nan"), device=flat.device)
    v = torch.sort(flat, dim=1).values
    hi = max(1, int(LIT_TOP * n))
    floor = v[:, int(LIT_FLOOR_QUANTILE * n)]
    lo = (v[:, :hi] <= (floor + LIT_ABOVE_FLOOR)[:, None]).sum(1)
    m = hi - lo
    last = (m - 1).clamp_min(0)
    at = last.double() * LIT_QUANTILE
    below = torch.floor(at).long()
    a = v.gather(1, (lo + below).clamp(0, n - 1)[:, None])[:, 0].double()
    c = v.gather(1, (lo + torch.minimum(below + 1, last)).clamp(0, n - 1)[:, None])[:, 0].double()
    out = a + (c - a) * (at - below.double())
    return torch.where(m >= max(4, LIT_MIN_SHARE * n), out, torch.full_like(out, float("nan"))).to(flat.dtype)


def _laplacian_energy_torch(g):
    """:func:`laplacian_energy` of a B x h x w float tensor."""
    import torch

    if g.shape[1] < 3 or g.shape[2] < 3:
        return torch.zeros(len(g), device=g.device)
    lap = -4 * g[:, 1:-1, 1:-1] + g[:, :-2, 1:-1] + g[:, 2:, 1:-1] + g[:, 1:-1, :-2] + g[:, 1:-1, 2:]
    b = len(g)
    return lap.reshape(b, -1).var(1, unbiased=False) / g.reshape(b, -1).var(1, unbiased=False).clamp_min(1e-4)


def _gradient_and_range_torch(g):
    """:func:`gradient_and_range` of a B x h x w float tensor (h, w >= 3)."""
    import torch

    b = len(g)
    gx = g[:, 1:-1, 2:] - g[:, 1:-1, :-2]
    gy = g[:, 2:, 1:-1] - g[:, :-2, 1:-1]
    flat = g.reshape(b, -1)
    q = torch.tensor([0.02, 0.98], device=g.device, dtype=g.dtype)
    lo, hi = torch.cat([torch.quantile(flat[i: i + 256], q, dim=1) for i in range(0, b, 256)], dim=1)
    return torch.sqrt(gx * gx + gy * gy), (hi - lo).clamp_min(PEAK_MIN_RANGE)


def _peak_gradient_torch(g, grads=None):
    """:func:`peak_gradient` of a B x h x w float tensor."""
    import torch

    b = len(g)
    if g.shape[1] < 3 or g.shape[2] < 3:
        return torch.zeros(b, device=g.device)
    mag, rng = _gradient_and_range_torch(g) if grads is None else grads
    mag = mag.reshape(b, -1)
    q = torch.tensor([PEAK_QUANTILE], device=g.device, dtype=g.dtype)
    peak = torch.cat([torch.quantile(mag[i: i + 256], q, dim=1) for i in range(0, b, 256)], dim=1)[0]
    return peak / rng


def _typical_sharpness_torch(g, grads=None):
    """:func:`typical_sharpness` of a B x h x w float tensor."""
    import torch

    b = len(g)
    if g.shape[1] < 3 or g.shape[2] < 3:
        return torch.zeros(b, device=g.device)
    lap = (-4 * g[:, 1:-1, 1:-1] + g[:, :-2, 1:-1] + g[:, 2:, 1:-1] + g[:, 1:-1, :-2] + g[:, 1:-1, 2:]).abs()
    mag, rng = _gradient_and_range_torch(g) if grads is None else grads
    detail = mag >= TYPICAL_DETAIL * rng[:, None, None]
    few = detail.reshape(b, -1).sum(1) < TYPICAL_MIN_PIXELS
    vals = torch.where(detail | few[:, None, None], lap, torch.full_like(lap, float("nan"))).reshape(b, -1)
    half = torch.tensor([0.5], device=g.device, dtype=g.dtype)
    med = torch.cat([torch.nanquantile(vals[i: i + 256], half, dim=1) for i in range(0, b, 256)], dim=1)[0]
    return med / rng


def _high_frequency_share_torch(g):
    """:func:`high_frequency_share` of a B x h x w float tensor."""
    import torch

    if min(g.shape[1:]) < 8:
        return torch.zeros(len(g), device=g.device)
    hann, masks = _band_means(*g.shape[1:])
    f = torch.fft.rfft2((g - g.mean(dim=(1, 2), keepdim=True)) * torch.as_tensor(hann, device=g.device))
    power = (f.real ** 2 + f.imag ** 2).reshape(len(g), -1)
    hm = power @ torch.as_tensor(masks, dtype=power.dtype, device=g.device)
    return hm[:, 0] / hm[:, 1].clamp_min(1e-12)


_BT601 = np.array([0.299, 0.587, 0.114], dtype=np.float32)


def _mean_channel_std(rgb: np.ndarray) -> np.ndarray:
    """Per image of a B x h x w x 3 stack, ``rgb.std(axis=-1).mean()`` (how far the channels are apart,
    per pixel), written out over the three channel planes: the same number, 8x faster than numpy's
    reduction over a length-3 axis (0.05 vs 0.4 ms per 128 px thumbnail)."""
    b = len(rgb)
    r, g, bl = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    mean = (r + g + bl) * np.float32(1 / 3)
    var = ((r - mean) ** 2 + (g - mean) ** 2 + (bl - mean) ** 2) * np.float32(1 / 3)
    return np.sqrt(var).reshape(b, -1).mean(axis=1)


# what the statistics need of an image (short side, long side): a JPEG may be decoded at reduced
# scale down to this size (the 64 x 64 blur grid and the 128 px thumbnail)
STATS_MIN_SIZE = (64, _THUMB)
_DCT8 = None


def phash(grey: Image.Image) -> str:
    """The 64-bit perceptual hash of ``imagehash.phash`` (same bits): the signs, against their median,
    of the 8 x 8 lowest DCT-II frequencies of the image as a 32 x 32 grey image (Lanczos)."""
    return phash_hex(np.asarray(grey.convert("L").resize((32, 32), Image.LANCZOS))[None])[0]


def _dct8() -> np.ndarray:
    """The 8 x 32 DCT-II matrix of the perceptual hash's lowest frequencies."""
    global _DCT8
    if _DCT8 is None:
        k = np.arange(8, dtype=np.float64)[:, None]
        n = np.arange(32, dtype=np.float64)[None, :]
        _DCT8 = 2 * np.cos(np.pi * k * (2 * n + 1) / 64)
    return _DCT8


def phash_hex(g32s: np.ndarray) -> list[str]:
    """:func:`phash` of each of B 32 x 32 grey images (uint8 or float 0-255), batched: each image's bits do
    not depend on its batch (numpy's stacked products and row medians), the bits ``imagehash.phash`` gives."""
    x = np.asarray(g32s, dtype=np.float64)
    if len(x) == 0:
        return []
    dct = _dct8()
    low = (dct @ x @ dct.T).reshape(len(x), -1)
    bits = np.packbits(low > np.median(low, axis=1, keepdims=True), axis=1)
    return [row.tobytes().hex() for row in bits]


# the bands of :func:`high_frequency_share`, in cycles per pixel
_HF_BANDS = ((0.25, 0.5), (0.0625, 0.125))


@functools.lru_cache(maxsize=32)
def _band_means(h: int = 64, w: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """(the h x w Hann window, h * (w // 2 + 1) x 2 weights): the mean power in each band of
    :data:`_HF_BANDS` over a half spectrum (rfft2) of an h x w image."""
    hann = np.outer(np.hanning(h + 2)[1:-1], np.hanning(w + 2)[1:-1]).astype(np.float32)
    fy = np.fft.fftfreq(h)[:, None]
    cols = np.arange(w // 2 + 1)
    fr = np.hypot(fy, np.fft.rfftfreq(w)[None, :])
    # the half spectrum counts the other columns twice
    once = (cols == 0) | ((w % 2 == 0) & (cols == w // 2))
    wt = np.where(once, 1.0, 2.0)[None, :]
    masks = [((fr >= lo) & (fr < hi)) * wt for lo, hi in _HF_BANDS]
    return hann, np.stack([(m / max(m.sum(), 1e-12)).ravel() for m in masks], axis=1)


def high_frequency_share(g: np.ndarray) -> np.ndarray:
    """Per image of a B x h x w grey stack (0-1; the 64 x 64 grey image or the thumbnail): the mean
    spectral power at 0.25-0.5 cycles per pixel over that at 1/16-1/8, of the mean-removed image under
    a Hann window; 0 for images under 8 px a side.

    A second blur statistic beside the Laplacian variance over the grey-level variance: that one divides
    the finest detail by the coarsest (the layout: a tile of sky beside a tile of branches), this one by
    detail a few times coarser, which blur weakens far less, so it depends less on the picture's layout.
    """
    g = np.asarray(g, dtype=np.float32)
    out = np.zeros(len(g))
    if g.ndim != 3 or min(g.shape[1:]) < 8:
        return out
    hann, masks = _band_means(*g.shape[1:])
    for k, gk in enumerate(g):  # one at a time: the same bits in any batch
        f = np.fft.rfft2((gk - gk.mean()) * hann)
        hi, mid = (f.real ** 2 + f.imag ** 2).ravel() @ masks
        out[k] = hi / max(mid, 1e-12)
    return out


_FINE = 128


def _to_grid(grey: np.ndarray, side: int) -> np.ndarray:
    """A B x h x w grey stack (0-1) resampled to B x side x side (PIL's bilinear, one image at a time).

    Not as matrix products with the same weights: faster on a batch of small images alone, but BLAS's
    threads inside the image pass's own worker threads made the 64 px photograph audits 2.3x slower (image
    pass 1.7 -> 3.8 s)."""
    grey = np.asarray(grey, dtype=np.float32)
    if grey.shape[1:] == (side, side):
        return grey
    return np.stack([np.asarray(Image.fromarray(g, "F").resize((side, side), Image.BILINEAR), dtype=np.float32)
                     for g in grey]) if len(grey) else np.zeros((0, side, side), np.float32)


LIT_TOP = 0.95  # the brightest 5% of the pixels are set aside: a picture's lamps, sparks, glints and reflections
LIT_FLOOR_QUANTILE = 0.05  # the picture's black floor
LIT_ABOVE_FLOOR = 2.5 / 255  # lit: above the floor by more than this (3 grey levels or more), past its noise
LIT_MIN_SHARE = 0.05  # fewer lit pixels than this share: NaN (a black picture with a few lights, or a flat one)
# the lit pixels' lower quartile, not their median (2026-12-06): a lamp standing in a darkened picture (a salt lamp, a
# traffic signal, a vending machine) lights a glow around it that is more than the brightest 5% set aside, and raised
# the median of the lit pixels over lit_below while most of the picture lay at 0.02-0.04. Development sets (the 106
# of generators A-AE with darkenings, seed 0, dark alone, the pixels embedder), median -> 0.35 / 0.25: darkened
# pictures found 2,415 -> 2,470 / 2,505 of 2,623, others flagged 145 -> 155 / 167 (unplanted 76 -> 83 / 91), mean F1
# 0.938 -> 0.951 / 0.956; 0.25 with lit_below 0.04: 2,481 found, 158 others, 0.949
LIT_QUANTILE = 0.25

# Lights at the frame's edge (the dark check's ``edge_lights``): a dark scene lit by a lamp, a window, a lightbox or a
# lit floor at the side of the frame keeps its brightest pixels there, more of them than the lit rule's brightest 5%.
# Chosen on the development sets (generators A-AQ, seed 0; docs/benchmarks.md, Round 27), not held out
EDGE_LIGHT_LEVEL = 0.4  # a light's pixels: this bright or brighter (a dance floor's coloured tiles lie at 0.4-0.7)
EDGE_BAND = 0.2  # the frame's edge: its outer fifth on each side
EDGE_IN_BAND = 0.7  # a light lies at the edge: this share of its pixels in the band (and of all bright pixels)
EDGE_FILL = 0.6  # a light is compact: this share of its bounding box (a garment's bright rim is not)
EDGE_MAX_SHARE = 0.25  # bright pixels over this share of the picture: what it shows, not a light in it
# a black ground: this share of the picture at its floor, the floor at most EDGE_GROUND_FLOOR. 0.2 since Round 29 (was
# 0.3): a garment that fills most of the frame, lit by a board or a lamp at its top, keeps a fifth to a third of it
# black. The 184 development sets of A-AV (seed 0, dark alone, 160 px): darkened pictures found 3,683 -> 3,709 of
# 4,147, others 327 -> 338, mean F1 0.904 -> 0.908; 0.15 found as many and flagged 342, 0.1 took photograph tiles
# (362 others, 13 photograph sets one or two more each)
EDGE_GROUND = 0.2
EDGE_GROUND_FLOOR = 0.02
EDGE_MIN_LIT = 0.1  # with the lights aside, this share of the picture still lit above the floor (something shown)
# a light inside the frame counts too where its pixels are coloured (a screen, a display's digits, a claw machine's
# panel): a colour channel this many grey levels over the lowest (0-255, the thumbnail's own integers)
EDGE_COLOUR_CHROMA = 64
_NO_APART = {"brightness_apart_p99": float("nan"), "brightness_apart_mean": float("nan"), "thumb_apart": ""}


def apart_from_edge_lights(gray: np.ndarray, chroma: np.ndarray | None = None) -> dict:
    """What an image of perceived brightness ``gray`` (h x w, 0-1) shows apart from the lights at its frame's edge:
    the 99th percentile and the mean brightness of the pixels left once they are set aside (with a pixel round
    them, their glow), and its 4 x 4 grey layout with them put at the black floor (``thumb``'s format). NaN and ``""``
    where there are none.

    A light here: a connected region of pixels at ``EDGE_LIGHT_LEVEL`` or brighter, compact (``EDGE_FILL`` of its
    bounding box), lying at the frame's edge (``EDGE_IN_BAND`` of it in the outer ``EDGE_BAND``) or, where ``chroma``
    (each pixel's largest minus smallest RGB value, 0-255, as the thumbnail's integers) is given, in colour there
    (``EDGE_IN_BAND`` of it at ``EDGE_COLOUR_CHROMA`` or more: a screen, a display's digits), in a picture of
    something on a black ground (``EDGE_GROUND``) that its bright pixels do not fill (``EDGE_MAX_SHARE``) and that
    still shows something lit apart from them (``EDGE_MIN_LIT``). A digit's strokes or a garment's bright rim fail
    one of these: the picture left is black, or the region is thin or lies inside the frame."""
    from scipy import ndimage

    gray = np.asarray(gray, dtype=np.float32)
    bright = gray >= EDGE_LIGHT_LEVEL
    n_bright = int(bright.sum())
    if gray.size == 0 or n_bright == 0 or n_bright > EDGE_MAX_SHARE * gray.size:
        return dict(_NO_APART)
    h, w = gray.shape
    bh, bw = max(1, int(round(EDGE_BAND * h))), max(1, int(round(EDGE_BAND * w)))
    band = np.zeros_like(bright)
    band[:bh], band[-bh:], band[:, :bw], band[:, -bw:] = True, True, True, True
    coloured = np.asarray(chroma) >= EDGE_COLOUR_CHROMA if chroma is not None and EDGE_COLOUR_CHROMA is not None \
        else None
    if coloured is not None:  # where a light may be: the edge, or in colour
        band |= coloured
    floor = float(np.percentile(gray, 5)) + LIT_ABOVE_FLOOR
    if ((bright & band).sum() < EDGE_IN_BAND * n_bright or floor > EDGE_GROUND_FLOOR + LIT_ABOVE_FLOOR
            or (gray <= floor).mean() < EDGE_GROUND):
        return dict(_NO_APART)
    regions, n = ndimage.label(bright, structure=np.ones((3, 3)))
    idx = np.arange(1, n + 1)
    size = ndimage.sum_labels(bright, regions, idx)
    in_band = ndimage.sum_labels(band, regions, idx)
    boxes = ndimage.find_objects(regions)
    fill = np.array([size[i] / ((sl[0].stop - sl[0].start) * (sl[1].stop - sl[1].start)) for i, sl in enumerate(boxes)])
    lights = np.isin(regions, idx[(fill >= EDGE_FILL) & (in_band >= EDGE_IN_BAND * size)])
    if not lights.any():
        return dict(_NO_APART)
    if coloured is not None:
        # a light's coloured body joined to its bright core, dimmer than it (a screen's edge round its lit text, a
        # panel round its digits), is the light too, where that leaves it a light (EDGE_MAX_SHARE)
        body, _ = ndimage.label(lights | coloured, structure=np.ones((3, 3)))
        grown = np.isin(body, np.unique(body[lights]))
        if grown.sum() <= EDGE_MAX_SHARE * gray.size:
            lights = grown
    aside = ndimage.binary_dilation(lights)
    rest = gray[~aside]
    if (rest > floor).sum() < EDGE_MIN_LIT * gray.size:
        return dict(_NO_APART)
    layout = gray.copy()
    layout[aside] = floor
    thumb = np.asarray(Image.fromarray((layout * 255).astype(np.uint8)).resize((4, 4), Image.BOX), dtype=np.uint8)
    return {"brightness_apart_p99": float(np.percentile(rest, 99)), "brightness_apart_mean": float(rest.mean()),
            "thumb_apart": thumb.tobytes().hex()}


def lit_brightness(gray: np.ndarray) -> np.ndarray:
    """Per image of a B x N stack of perceived brightness (0-1): the lower quartile (``LIT_QUANTILE``) of the
    brightness of its lit pixels, those above its black floor (the 5th percentile) by more than
    ``LIT_ABOVE_FLOOR``, once its brightest 5% are set aside; NaN where fewer than ``LIT_MIN_SHARE`` of its pixels
    are lit so.

    How bright what the picture shows is, apart from its light sources: a digit or a garment on a black ground
    is measured on its strokes or its cloth, not on the ground, and a night scene darkened to near black with a
    lamp, a flash of lightning or a string of lights in it is measured on the scene, not on the lights (the
    ``dark`` check's ``lit_below``). Sorting makes the lit pixels one run of each image's sorted values, so the
    quantile is read off (linear between the two values around it), not searched for; the floor's margin lies
    between grey levels, so that grey images are split alike in float32 and float64.
    """
    v = np.sort(np.asarray(gray, dtype=np.float32), axis=1)
    b, n = v.shape
    if n == 0:
        return np.full(b, np.nan)
    hi = max(1, int(LIT_TOP * n))
    floor = v[:, int(LIT_FLOOR_QUANTILE * n)]
    lo = (v[:, :hi] <= (floor + np.float32(LIT_ABOVE_FLOOR))[:, None]).sum(axis=1)
    m = hi - lo
    rows = np.arange(b)
    at = np.maximum(m - 1, 0) * LIT_QUANTILE
    below = np.floor(at).astype(np.int64)
    a = v[rows, np.clip(lo + below, 0, n - 1)].astype(np.float64)
    c = v[rows, np.clip(lo + np.minimum(below + 1, np.maximum(m - 1, 0)), 0, n - 1)].astype(np.float64)
    return np.where(m >= max(4, LIT_MIN_SHARE * n), a + (c - a) * (at - below), np.nan)


PEAK_QUANTILE = 0.99  # of the gradient magnitudes: the steepest 1 % of the picture, its sharpest edges
PEAK_MIN_RANGE = 0.02  # grey range (0-1) below which the picture is too flat to say (low_information's)


def gradient_and_range(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Of a B x h x w grey stack (0-1, float32, h and w at least 3): the central-difference gradient's magnitude
    (B x (h - 2) x (w - 2)) and each image's grey range (2nd to 98th percentile, at least ``PEAK_MIN_RANGE``), which
    :func:`peak_gradient` and :func:`typical_sharpness` both read."""
    gx = g[:, 1:-1, 2:] - g[:, 1:-1, :-2]
    gy = g[:, 2:, 1:-1] - g[:, :-2, 1:-1]
    lo, hi = np.percentile(g.reshape(len(g), -1), [2, 98], axis=1)
    return np.sqrt(gx * gx + gy * gy), np.maximum(hi - lo, PEAK_MIN_RANGE)


def peak_gradient(g: np.ndarray, grads: tuple | None = None) -> np.ndarray:
    """Per image of a B x h x w grey stack (0-1): the 99th percentile of the central-difference gradient's
    magnitude over the grey range (2nd to 98th percentile); 0 for images under 3 px a side.

    A third blur statistic: how steep the steepest edges are for the picture's contrast. A blur that repeats
    the picture a few times (a camera shaken in a swing, ringing on a tripod, a smear that stops and starts)
    leaves much of the edge energy (each copy's edges are still sharp, at a fraction of the contrast), but
    no edge of it rises by the full contrast in a pixel or two. ``grads``: :func:`gradient_and_range` of ``g``
    where already made.
    """
    g = np.asarray(g, dtype=np.float32)
    b = len(g)
    if g.ndim != 3 or g.shape[1] < 3 or g.shape[2] < 3:
        return np.zeros(b)
    mag, rng = gradient_and_range(g) if grads is None else grads
    return np.percentile(mag.reshape(b, -1), PEAK_QUANTILE * 100, axis=1) / rng


TYPICAL_DETAIL = 0.05  # a pixel with detail: its central-difference gradient at least this share of the grey range
TYPICAL_MIN_PIXELS = 16  # fewer pixels with detail than this: the median over all of them


def typical_sharpness(g: np.ndarray, grads: tuple | None = None) -> np.ndarray:
    """Per image of a B x h x w grey stack (0-1): the median absolute Laplacian over the pixels with detail (a
    central-difference gradient of at least ``TYPICAL_DETAIL`` of the grey range, 2nd to 98th percentile), over
    that range; 0 for images under 3 px a side.

    A fourth blur statistic: how sharp the picture's typical edge is, not its sharpest (``peak_gradient``) or its
    edges' total (``laplacian_energy``). A blurred picture under something sharp that covers a minority of its
    detail (a subtitle, the joints of a wall of glass bricks, a sharp rim or frame) keeps the sharp part's edges in
    those two, not in the median over all of its detail. ``grads``: :func:`gradient_and_range` of ``g`` where
    already made.
    """
    g = np.asarray(g, dtype=np.float32)
    b = len(g)
    if g.ndim != 3 or g.shape[1] < 3 or g.shape[2] < 3:
        return np.zeros(b)
    lap = np.abs(-4 * g[:, 1:-1, 1:-1] + g[:, :-2, 1:-1] + g[:, 2:, 1:-1] + g[:, 1:-1, :-2] + g[:, 1:-1, 2:])
    mag, rng = gradient_and_range(g) if grads is None else grads
    detail = (mag >= (TYPICAL_DETAIL * rng)[:, None, None].astype(np.float32)).reshape(b, -1)
    n = detail.sum(axis=1)
    few = n < TYPICAL_MIN_PIXELS
    detail[few], n[few] = True, detail.shape[1]
    # the median of each image's own pixels with detail: the others sorted past them (faster than nanmedian)
    v = np.sort(np.where(detail, lap.reshape(b, -1), np.float32(np.inf)), axis=1)
    at = np.arange(b)
    return 0.5 * (v[at, (n - 1) // 2].astype(np.float64) + v[at, n // 2]) / rng


def laplacian_energy(g: np.ndarray) -> np.ndarray:
    """Per image of a B x h x w grey stack (0-1): the variance of the Laplacian over the grey-level
    variance (so that dim or washed-out images are not called blurry); 0 for images under 3 px a side."""
    g = np.asarray(g, dtype=np.float32)
    b = len(g)
    if g.shape[1] < 3 or g.shape[2] < 3:
        return np.zeros(b)
    out = np.empty(b)
    for i in range(0, b, 32):  # in chunks: the same values, without temporaries of the whole batch's size
        c = g[i:i + 32]
        lap = -4 * c[:, 1:-1, 1:-1] + c[:, :-2, 1:-1] + c[:, 2:, 1:-1] + c[:, 1:-1, :-2] + c[:, 1:-1, 2:]
        out[i:i + 32] = lap.reshape(len(c), -1).var(axis=1) / np.maximum(c.reshape(len(c), -1).var(axis=1),
                                                                          np.float32(1e-4))
    return out


def decode_thumbs(values) -> np.ndarray:
    """The ``thumb`` column as an N x 16 float array (NaN rows where it is missing)."""
    out = np.full((len(values), 16), np.nan, dtype=np.float32)
    for i, v in enumerate(values):
        if isinstance(v, str) and len(v) == 32:
            out[i] = np.frombuffer(bytes.fromhex(v), dtype=np.uint8)
    return out


# the spectrum descriptor: magnitudes of the 2-D DFT frequencies below SPECTRUM_K cycles per image (either
# axis) of the mean-removed 32 x 32 grey image, one of each conjugate pair, the mean left out: 60 values
SPECTRUM_K = 6
_SPECTRUM_ROWS = np.r_[0:SPECTRUM_K, -SPECTRUM_K + 1:0]
_SPECTRUM_KEEP = np.ones((len(_SPECTRUM_ROWS), SPECTRUM_K), dtype=bool)
_SPECTRUM_KEEP[0, 0] = False  # the mean
_SPECTRUM_KEEP[SPECTRUM_K:, 0] = False  # column 0's negative rows repeat its positive ones
SPECTRUM_SIZE = int(_SPECTRUM_KEEP.sum())
_SPECTRUM_WINDOW = np.outer(np.hanning(34)[1:-1], np.hanning(34)[1:-1])  # a Hann window, > 0 everywhere


def spectrum_values(g32s: np.ndarray) -> np.ndarray:
    """A B x 60 uint8 descriptor of B 32 x 32 grey images that small shifts hardly change: the square
    roots of the magnitudes of the low 2-D DFT frequencies (:data:`SPECTRUM_K`) of the mean-removed
    image under a Hann window, scaled so that the largest is 255.

    A circular shift changes only the phases of the DFT, so a picture moved by a pixel or two keeps
    nearly the same magnitudes, while the embedding of an upsampled 28 px image moves as far as to a
    distinct look-alike (``checks/_groups.py: spectrum_pairs``). The window makes a shift on a plain
    background nearly circular where the picture reaches the border (sklearn's digits do), and
    weighs the border less, where crops and rotations change most. Removing the mean and scaling by
    the largest value make it blind to brightness and contrast. The square root keeps the weaker
    frequencies, which tell look-alikes apart, from being drowned by the lowest ones; frequencies of 6
    or more cycles per image are mostly resampling detail on 28-32 px images.

    Chosen on generator C's tuning sets (``benchmarks/near_small.py``, digits and Fashion-MNIST): seed 0,
    share of the copies whose source is their mutual nearest neighbour at a ratio below 0.4 of the next
    one, digits / Fashion-MNIST, with the number of clean images as far below: the magnitudes 0.66 /
    0.56 (6 / 12), their square roots 0.62 / 0.52 (4 / 8), 8 cycles 0.62 / 0.58 (8 / 6), the pixels
    themselves 0.38 / 0.18 (16 / 14), a window at the border only 0.53 / 0.52 (0 / 10); the Hann window
    led at a ratio of 0.3 on seeds 0-2 (0.64-0.68 / 0.57-0.59 for 2 / 0 clean images, 0.43-0.57 /
    0.40-0.50 for 0 / 2-4 without it). In the audit (F1 of near_duplicate, seeds 0 / 1 / 2) without the
    window 0.699 / 0.787 / 0.699 and 0.740 / 0.766 / 0.753, with it 0.744 / 0.773 / 0.787 and 0.785 /
    0.828 / 0.790.
    """
    x = np.asarray(g32s, dtype=np.float64)
    x = (x - x.mean(axis=(1, 2), keepdims=True)) * _SPECTRUM_WINDOW
    mag = np.abs(np.fft.rfft2(x))[:, _SPECTRUM_ROWS, :SPECTRUM_K][:, _SPECTRUM_KEEP]
    v = np.sqrt(mag)
    v *= 255 / np.maximum(v.max(axis=1, keepdims=True), 1e-9)
    return np.asarray(v + 0.5).astype(np.uint8)


def grey16_values(g32s: np.ndarray) -> np.ndarray:
    """B x 16 x 16 uint8: each 32 x 32 grey image (the perceptual hash's) averaged over 2 x 2 blocks, rounded
    half up in integers (so the device pass gives the same bytes). A small picture of the image kept for
    comparing two images pixel by pixel (``checks/_groups.py: partial_pairs``), stored as its 256 raw bytes."""
    g = np.asarray(g32s, dtype=np.int32)
    if len(g) == 0:
        return np.zeros((0, 16, 16), dtype=np.uint8)
    return ((g.reshape(len(g), 16, 2, 16, 2).sum(axis=(2, 4)) + 2) // 4).astype(np.uint8)


@functools.lru_cache(maxsize=64)
def _cell_matrix(n: int) -> np.ndarray:
    """16 x n, float64: which of ``n`` rows (or columns) each of 16 cells averages: rows ``[j n // 16, (j + 1) n // 16)``,
    at least one (a picture under 16 px repeats its rows)."""
    start = (np.arange(16) * n) // 16
    stop = np.maximum((np.arange(1, 17) * n) // 16, start + 1)
    i = np.arange(n)
    return ((i[None, :] >= start[:, None]) & (i[None, :] < stop[:, None])).astype(np.float64)


def channel_spread(thumbs: np.ndarray) -> np.ndarray:
    """B x h x w uint8: each pixel's largest minus smallest of R, G, B (0 for grey) of the RGB thumbnails (B x h x w x
    3 uint8)."""
    t = np.asarray(thumbs)
    r, g, b = t[..., 0], t[..., 1], t[..., 2]  # over the channel planes: numpy's reduction over an axis of 3 is slow
    return np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b)


def chroma16_values(thumbs: np.ndarray, spread: np.ndarray | None = None) -> np.ndarray:
    """B x 16 x 16 uint8: over a 16 x 16 grid of each RGB thumbnail (B x h x w x 3 uint8), the mean of its pixels'
    channel spread (largest minus smallest of R, G, B; 0 for grey), rounded half up in integers, so that the device
    pass gives the same bytes. Where a picture has colour, cell by cell: a grey picture with a coloured mark on it
    (a red pen's strokes, stickers, paint) is compared with its source on its grey cells only
    (``checks/_groups.py: partial_pairs``). Stored as its 256 raw bytes, like ``grey16``. ``spread``: the thumbnails'
    :func:`channel_spread` where already made."""
    t = np.asarray(thumbs)
    if len(t) == 0:
        return np.zeros((0, 16, 16), dtype=np.uint8)
    h, w = t.shape[1:3]
    spread = (channel_spread(t) if spread is None else spread).astype(np.float64)
    rows, cols = _cell_matrix(h), _cell_matrix(w)
    sums, counts = (rows @ spread) @ cols.T, np.outer(rows.sum(1), cols.sum(1))
    return ((sums + counts // 2) // counts).astype(np.uint8)  # exact: integer sums in float64


def _decode_squares(values, side: int) -> tuple[np.ndarray, np.ndarray]:
    """A column of ``side`` x ``side`` uint8 pictures stored as raw bytes as (N x side x side uint8, N bools:
    present); anything else (empty, missing, another length) is absent."""
    out = np.zeros((len(values), side, side), dtype=np.uint8)
    ok = np.zeros(len(values), dtype=bool)
    for i, v in enumerate(values):
        if isinstance(v, (bytes, bytearray)) and len(v) == side * side:
            out[i] = np.frombuffer(v, dtype=np.uint8).reshape(side, side)
            ok[i] = True
    return out, ok


def decode_grey16(values) -> tuple[np.ndarray, np.ndarray]:
    """The ``grey16`` column (256 bytes an image) as (N x 16 x 16 uint8, N bools: present); also ``chroma16``."""
    return _decode_squares(values, 16)


def decode_grey32(values) -> tuple[np.ndarray, np.ndarray]:
    """The ``grey32`` column (1,024 bytes a small picture, empty for the others) as (N x 32 x 32 uint8, N bools:
    present)."""
    return _decode_squares(values, 32)


def grey_steps(g: np.ndarray) -> np.ndarray:
    """Per pixel of a stack of grey images, the largest difference to its right and lower neighbours."""
    gx = np.abs(np.diff(g, axis=-1, append=g[..., -1:]))
    gy = np.abs(np.diff(g, axis=-2, append=g[..., -1:, :]))
    return np.maximum(gx, gy)


# a pixel of a 16 x 16 grey picture has detail where it steps to a neighbour by this share of the picture's grey range
# (the near-duplicate check's partial rule counts detail at this level: checks/_groups.py: PARTIAL_DETAIL)
GREY16_DETAIL = 0.08


def grey16_detail(values, chunk: int = 65536) -> tuple[np.ndarray, np.ndarray]:
    """Per image of the ``grey16`` column: how many of the 256 pixels of its 16 x 16 grey picture have detail (a step
    to the right or lower neighbour of at least ``GREY16_DETAIL`` of its own grey range, 2nd to 98th percentile), and
    the share of its 256 pixels on its ground (within a tenth of that range of its 2nd percentile: a blank ground round
    a stroke or a garment); -1 and NaN where the picture is missing."""
    count = np.full(len(values), -1, dtype=np.int64)
    ground = np.full(len(values), np.nan)
    for at in range(0, len(values), chunk):  # bounded memory on large data
        g, ok = decode_grey16(values[at:at + chunk])
        if not ok.any():
            continue
        g = g[ok].astype(np.int16)
        lo, hi = np.percentile(g.reshape(len(g), -1), [2, 98], axis=1)
        span = np.maximum(hi - lo, 1.0)
        rows = at + np.flatnonzero(ok)
        count[rows] = (grey_steps(g) >= (span * GREY16_DETAIL)[:, None, None]).sum(axis=(1, 2))
        ground[rows] = (g - lo[:, None, None] <= (span * 0.1)[:, None, None]).mean(axis=(1, 2))
    return count, ground


def layout_vectors(values) -> np.ndarray:
    """The ``grey16`` column as an N x 256 float32 array of each 16 x 16 grey picture less its mean grey (NaN rows where
    it is missing): the near-duplicate check's layout descriptor (``checks/_groups.py: layout_pairs``), compared by
    cosine, so that a copy lightened, darkened or with its contrast changed keeps its source's direction."""
    grey, ok = decode_grey16(values)
    out = grey.reshape(len(grey), -1).astype(np.float32)
    out -= out.mean(axis=1, keepdims=True)
    out[~ok] = np.nan
    return out


def decode_spectra(values) -> np.ndarray:
    """The ``spectrum`` column as an N x 60 float array (NaN rows where it is missing)."""
    out = np.full((len(values), SPECTRUM_SIZE), np.nan, dtype=np.float32)
    for i, v in enumerate(values):
        if isinstance(v, str) and len(v) == 2 * SPECTRUM_SIZE:
            out[i] = np.frombuffer(bytes.fromhex(v), dtype=np.uint8)
    return out


def _thumb_size(size):
    w, h = size
    s = _THUMB / max(w, h)
    return max(1, round(w * s)), max(1, round(h * s))
