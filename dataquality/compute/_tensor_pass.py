"""The decode -> statistics -> preprocess pipeline on tensors, for CUDA (nvjpeg) and CPU alike.

Files are read by a thread pool; JPEGs are decoded in batches by ``torchvision.io.decode_jpeg``
on the target device (nvjpeg on CUDA); other formats, odd JPEGs (CMYK, progressive failures)
and anything the batch decoder rejects fall back per file to PIL, whose reason becomes the
``unreadable`` detail. Statistics (brightness, blur, entropy, perceptual and content hashes)
and the model's resize/crop/normalise run on the same device tensors, so every image is
decoded exactly once. Yields batches in the same form as the DataLoader path.

On a GPU every step but reading the files and parsing their headers runs on the device: measured
on an H200 (benchmarks/pipeline_profile.py, 500x375 JPEGs, batches of 512), decode 15,500, the
small images 24,600, the model's preprocessing 66,000 and EfficientNet-Lite0 22,600 images/s,
while the statistics on one CPU core (``finish_stats``) ran 814 images/s and capped the pass; they
now run on the device too (``finish_stats_torch``). Splitting ``finish_stats`` over 8 threads was
slower there (612 images/s: its per-image Python holds the GIL), so it is not done.
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from ..data import (
    STAT_COLUMNS,
    LoadedImage,
    content_hash,
    decode_image_bytes,
    finish_stats,
    finish_stats_torch,
    header_refusal,
    read_file_bytes,
    small_images,
)

_P = 2_147_483_647  # 2**31 - 1, modulus of the content hash
# values (images x channels x pixels) measured together: the statistics make float32 and int64 copies of a stack,
# 0.5 GB and 1 GB at this size (a batch of 256 photographs of 12 megapixels is 9.2 G values: 74 GB as int64)
GROUP_ELEMENTS = 2 ** 27
# decoded values (images x channels x pixels, from the files' headers) held on the device at once: a batch whose
# images hold more is decoded and measured in consecutive parts (256 photographs of 12 megapixels: 9.2 G values,
# in parts of ~29); a batch of 500x375 pictures (0.56 M values each) is far under it
BATCH_ELEMENTS = 2 ** 30
_weights: dict = {}


def _read(path):
    from ..data import is_uri, read_uri_bytes

    if is_uri(path):
        return read_uri_bytes(str(path))
    return read_file_bytes(path)


def supports_tensor_pipeline(ds, embedder) -> bool:
    from ..modalities import get_modality

    return get_modality(ds.modality).has_pixels and ds.paths is not None and (
        embedder is None or hasattr(embedder, "preprocess_tensor"))


def _header(data: bytes):
    """(width, height, mode, format, n_frames) without decoding pixels, or None."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            return im.size[0], im.size[1], im.mode, im.format or "", int(getattr(im, "n_frames", 1) or 1)
    except Exception:
        return None


def _hash_weights(shape, device):
    import torch

    key = (tuple(shape), str(device))
    if key not in _weights:
        g = torch.Generator().manual_seed(1234567)
        n = int(np.prod(shape))
        w = torch.randint(1, _P, (2, n), generator=g, dtype=torch.int64)
        _weights[key] = w.to(device)
    return _weights[key]


def _resize(x, size, mode="bilinear"):
    import torch.nn.functional as F

    return F.interpolate(x, size=size, mode=mode, antialias=True, align_corners=False)


def _to_uint8(x):
    import torch

    return (x * 255.0).round_().clamp_(0, 255).to(torch.uint8)


def _device_small_images(x_uint8):
    """The statistics' small images (``data._stats.small_images``) of a B x 3 x H x W uint8 stack,
    resampled on its device and left there: antialiased bilinear in place of PIL's bilinear, bicubic
    in place of its Lanczos. The same up to resampling noise, not to the bit."""
    _, _, h, w = x_uint8.shape
    x = x_uint8.float() / 255.0
    s = 128 / max(h, w)
    thumb = x if s >= 1 else _resize(x, (max(1, round(h * s)), max(1, round(w * s))))
    full_gray = (x[:, 0] * 0.299 + x[:, 1] * 0.587 + x[:, 2] * 0.114)[:, None]
    g64 = _resize(full_gray, (64, 64))[:, 0]
    g32 = _resize(full_gray, (32, 32), mode="bicubic")[:, 0]
    return _to_uint8(thumb).permute(0, 2, 3, 1), _to_uint8(g64), _to_uint8(g32)


def _device_content_hashes(x_uint8) -> list[str]:
    """A content hash of each image computed where the pixels are (no copy of the full images off
    the device): two weighted sums modulo 2**31 - 1 with seeded random weights."""
    import torch

    b, _, h, w = x_uint8.shape
    wts = _hash_weights(x_uint8.shape[1:], x_uint8.device)
    v = x_uint8.reshape(b, -1).to(torch.int64)
    h1 = (((v * wts[0]) % _P).sum(1) % _P).cpu().numpy()
    h2 = (((v * wts[1]) % _P).sum(1) % _P).cpu().numpy()
    return [f"t{int(a):08x}{int(c):08x}{h}x{w}" for a, c in zip(h1, h2)]


def group_stats(x_uint8):
    """Statistics for a stack of equal-size images, B x 3 x H x W uint8 on any device.

    The statistics themselves are ``data._stats.finish_stats``, the one definition both passes use.
    On the CPU the small images are made by PIL and the content hash is the PIL pass's, so the
    values are those of the PIL pass to the bit; on a GPU both are computed on the device.
    """
    if x_uint8.device.type == "cpu":
        from PIL import Image

        images = [Image.fromarray(np.ascontiguousarray(t.permute(1, 2, 0).numpy())) for t in x_uint8]
        small = [small_images(img) for img in images]
        stats = finish_stats(*(np.stack(parts) for parts in zip(*small)))
        hashes = [content_hash(img) for img in images]
    else:
        stats = finish_stats_torch(*_device_small_images(x_uint8))
        hashes = _device_content_hashes(x_uint8)
    return [{**st, "pixel_hash": hsh} for st, hsh in zip(stats, hashes)]


def _pixel_parts(raw) -> tuple[list[list[int]], list]:
    """(positions of a batch's files (``(bytes or None, error)``) in consecutive parts whose decoded images hold at
    most ``BATCH_ELEMENTS`` values by their headers, a file whose header cannot be read counting as none; the
    headers, ``_header`` of each file or None)."""
    parts, current, held = [], [], 0
    headers = [_header(data) if data is not None else None for data, _ in raw]
    for k, hdr in enumerate(headers):
        size = 3 * hdr[0] * hdr[1] if hdr is not None else 0
        if current and held + size > BATCH_ELEMENTS:
            parts.append(current)
            current, held = [], 0
        current.append(k)
        held += size
    return parts + ([current] if current else []), headers


def tensor_batches(ds, embedder, rows, batch_size: int, device: str, num_threads: int = 8):
    """Yield ``(indices, ok_positions, model_batch, stats)`` for ``rows`` in batches, like the DataLoader path; a
    batch of large images in consecutive parts (``BATCH_ELEMENTS``)."""
    import torch
    from torchvision.io import ImageReadMode, decode_jpeg

    def one(idx, raw, headers):
        """One batch (or part of one): decoding, statistics, preprocessing."""
        stats = [dict.fromkeys(STAT_COLUMNS) for _ in idx]
        images: list = [None] * len(idx)
        jpeg_pos = []
        for k, (data, err) in enumerate(raw):
            st = stats[k]
            st.update(readable=False, error=err, n_frames=1, width=0, height=0, mode="", format="")
            if data is None:
                continue
            hdr = headers[k]
            if hdr is not None:
                st.update(width=hdr[0], height=hdr[1], mode=hdr[2], format=hdr[3], n_frames=hdr[4])
            if hdr is not None and hdr[3] == "JPEG" and hdr[2] in ("RGB", "L") \
                    and header_refusal(hdr[0], hdr[1]) is None:
                jpeg_pos.append(k)
            else:
                images[k] = data  # decoded by PIL below
        if jpeg_pos:
            datas = [torch.frombuffer(bytearray(raw[k][0]), dtype=torch.uint8) for k in jpeg_pos]
            try:
                dec = decode_jpeg(datas, mode=ImageReadMode.RGB, device=device, apply_exif_orientation=True)
            except Exception:
                dec = []
                for d in datas:
                    try:
                        dec.append(decode_jpeg(d, mode=ImageReadMode.RGB, device=device,
                                               apply_exif_orientation=True))
                    except Exception:
                        dec.append(None)
            for k, t in zip(jpeg_pos, dec):
                images[k] = t if t is not None else raw[k][0]
        for k in range(len(idx)):  # PIL fallback: other formats and anything nvjpeg refused
            if isinstance(images[k], (bytes, bytearray)):
                li: LoadedImage = decode_image_bytes(images[k])
                if li.ok:
                    arr = torch.from_numpy(np.asarray(li.image, dtype=np.uint8).copy()).permute(2, 0, 1)
                    images[k] = arr.to(device)
                    stats[k].update(width=li.width, height=li.height, mode=li.mode or stats[k]["mode"],
                                    format=li.format or stats[k]["format"], n_frames=li.n_frames)
                else:
                    images[k] = None
                    stats[k]["error"] = li.error
        ok = [k for k in range(len(idx)) if images[k] is not None]
        for k in ok:
            stats[k].update(readable=True, error=None, height=int(images[k].shape[1]),
                            width=int(images[k].shape[2]))
        groups: dict = {}
        for k in ok:
            groups.setdefault(tuple(images[k].shape), []).append(k)
        model_in: dict = {}
        for shape, members in groups.items():
            # in parts of at most GROUP_ELEMENTS values: the statistics hold float and int64 copies of the
            # stack, which for a batch of 12-megapixel photographs would not fit on any GPU
            step = max(1, GROUP_ELEMENTS // max(1, int(np.prod(shape))))
            for s in range(0, len(members), step):
                part = members[s: s + step]
                stack = torch.stack([images[k] for k in part])
                for k, st in zip(part, group_stats(stack)):
                    stats[k].update(st)
                if embedder is not None:
                    prepped = embedder.preprocess_tensor(stack)
                    for j, k in enumerate(part):
                        model_in[k] = prepped[j]
                del stack
        batch = torch.stack([model_in[k] for k in ok]) if (embedder is not None and ok) else None
        images.clear()  # the full-size images leave the device before the model runs on this batch
        yield idx, ok, batch, stats

    paths = ds.paths
    rows = list(rows)
    pool = ThreadPoolExecutor(max_workers=max(1, num_threads))
    try:
        batches = [rows[s: s + batch_size] for s in range(0, len(rows), batch_size)]
        nxt = pool.map(_read, [paths[j] for j in batches[0]]) if batches else None
        for bi, idx in enumerate(batches):
            raw = list(nxt)
            if bi + 1 < len(batches):  # read the next batch while this one decodes
                nxt = pool.map(_read, [paths[j] for j in batches[bi + 1]])
            parts, headers = _pixel_parts(raw)
            for part in parts:
                yield from one([idx[k] for k in part], [raw[k] for k in part], [headers[k] for k in part])
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
