"""Known corruptions of a dataset's own images, for checks that learn their thresholds from the data.

From a seeded sample of readable images the ``synthetic_copies`` intermediate makes one *near copy*
(an edited version of the same picture: crop, shift, small rotation, brightness, contrast, gamma,
JPEG re-encoding, a new size, an overlay), one *blurred copy* (Gaussian, box, motion or
down-and-up sampling) and, where the pictures are larger than 64 px, one *mildly blurred copy* (the
same families at about a quarter of the strength; measured, not embedded, and without labels only when
a check asks for them) of each, and runs them
through the same per-example map as the real images (decode, statistics, embedding), so that the
copies are measured exactly like the data. The checks then see where known problems fall against the
distances and statistics of the real images
(:func:`dataquality.checks._calibration.calibrate`).

The families and strengths below are the library's calibration generator. They were fixed before any
tuning, except the mild blurs, added in round 6 after the evaluation sets had shown that mild blurs of
photographs were missed (docs/benchmarks.md gives the order of events); ``benchmarks/detection.py``
scores the result on sets made by a *different* generator.
"""

from __future__ import annotations

import hashlib
import io
import logging
import threading
from dataclasses import dataclass, field

import numpy as np

logger = logging.getLogger("dataquality")

NEAR_COPY_KINDS = ("crop", "shift", "rotate", "brightness", "contrast", "gamma", "jpeg", "resize", "overlay")
BLUR_KINDS = ("gaussian", "box", "motion", "down_up")
MILD_BLUR_KINDS = tuple(f"mild_{k}" for k in BLUR_KINDS)

# mildly blurred copies are made only where the median picture's short side is larger than this (see
# checks/_blurry.py: the statistics that can see a mild blur are measured at 128 px, and a picture of n px
# brought to 128 px has detail up to n / 256 cycles per pixel: at 64 px or less only the enlargement's)
MILD_MIN_SIDE = 64
# fewer readable images than this: no calibration, the checks use their fixed defaults
MIN_IMAGES = 60
# sources sampled: a SAMPLE_DIVISOR-th of the readable images, between these bounds: two embedded copies each (and
# one measured, mild, copy of pictures over 64 px). Measured in benchmarks/detection.py's held-out run (round 9,
# 2 cores): the calibration adds 11-12% to audits of 2,000-3,000 small images and 19-29% to those of 350-600
# photograph tiles, where the 40-source minimum holds and the copies run on one core. A twentieth until Round 28
# (docs/benchmarks.md): a twenty-fifth on the 48 development digit and clothing sets of generators X-AU (2,080
# images, 104 -> 83 sources; seed 0, 160 px) gave near_duplicate F1 0.847 -> 0.846, blurry 0.947 -> 0.945, outlier
# 0.464 -> 0.469, and the calibration's share of two of those audits +13.0% / +10.3% -> +6.6% / +8.2%. A thirty-fifth
# since Round 36, after held-out runs put the cost at +16-19% (83 -> 59 sources at 2,080 images): on the 24
# development digit and clothing sets of generators BF-BQ near_duplicate F1 0.884 -> 0.888, blurry 0.966 -> 0.969,
# outlier 0.358 -> 0.359; confirmed on the 20 of AV-BE: 0.899 -> 0.900, 0.943 -> 0.946, 0.393 -> 0.395 (a fortieth
# lost 56 near copies there, 0.889). Held out: the calibration's cost +7.6% over generator BR's run, +8.7% over BS's
SAMPLE_DIVISOR = 35
MIN_SOURCES, MAX_SOURCES = 40, 160
# fewer readable images than this: no near copies, and the blurred copies measured but not embedded (the checks'
# rules in the embedding space keep their fixed defaults or are off). See EMBED_MIN_IMAGES's measurement in
# docs/benchmarks.md
EMBED_MIN_IMAGES = 150


def sample_size(n_readable: int) -> int:
    """How many of the data's images to copy (0 when too few to calibrate on)."""
    if n_readable < MIN_IMAGES:
        return 0
    return int(min(n_readable, MAX_SOURCES, max(MIN_SOURCES, n_readable // SAMPLE_DIVISOR)))


@dataclass(frozen=True)
class SyntheticCopies:
    """Near copies and blurred copies of ``sources`` (dataset positions), measured like the data.

    ``near_*`` and ``blur_*`` are aligned with ``sources``; ``near_embeddings`` and ``blur_embeddings``
    are None when the embedder is fitted on the whole dataset (its space cannot take new points) or there are
    fewer than ``EMBED_MIN_IMAGES`` readable images, ``reason`` says which; then no near copies are made
    (``near_kinds`` empty, ``near_stats`` None).
    """

    sources: np.ndarray
    near_kinds: list[str]
    near_embeddings: np.ndarray | None
    near_stats: object  # DataFrame of the per-image statistics (phash used)
    blur_kinds: list[str]
    blur_stats: object  # DataFrame (blur, thumb, brightness percentiles used)
    reason: str | None = None
    blur_embeddings: np.ndarray | None = None  # None where near_embeddings is
    # mildly blurred copies of the same sources (statistics only, no embeddings): for the blur statistics that
    # can see a blur of 1-2% of the side; apart from blur_* so that what strong blur explains (outlier) and
    # the checks that use edge energy at 64 px alone are learnt on the strong copies only
    mild_kinds: list[str] | None = None
    mild_stats: object = None
    # where the mild copies were not measured when the rest were (see :func:`synthetic_copies`): what measures
    # them, run once by :meth:`mild`
    measure_mild: object = field(default=None, repr=False, compare=False)

    def mild(self):
        """The mildly blurred copies' statistics (aligned with ``sources`` and ``mild_kinds``), or None where
        none are made; measured here, once, where they were left until asked for."""
        if self.mild_stats is None and self.measure_mild is not None:
            with _MILD_LOCK:
                if self.mild_stats is None:
                    object.__setattr__(self, "mild_stats", self.measure_mild())
                    object.__setattr__(self, "measure_mild", None)
        return self.mild_stats


_MILD_LOCK = threading.Lock()


def _border_fill(img):
    a = np.asarray(img)
    edge = np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]])
    return tuple(int(v) for v in np.median(edge, axis=0))


def near_copy(img, kind: str, rng: np.random.Generator):
    """An edited copy of ``img`` (RGB PIL) that is still the same picture."""
    from PIL import Image, ImageDraw, ImageEnhance

    w, h = img.size
    if kind == "crop":  # cut 3-10% off each side, back to the original size
        f = rng.uniform(0.03, 0.10, 4)
        box = (round(w * f[0]), round(h * f[1]), w - round(w * f[2]), h - round(h * f[3]))
        return img.crop(box).resize((w, h), Image.BILINEAR)
    if kind == "shift":  # move by 2-6% of the size, the uncovered strip filled with the border colour
        dx = int(round(w * rng.uniform(0.02, 0.06) * rng.choice([-1, 1])))
        dy = int(round(h * rng.uniform(0.02, 0.06) * rng.choice([-1, 1])))
        return img.transform((w, h), Image.AFFINE, (1, 0, -dx, 0, 1, -dy), fillcolor=_border_fill(img))
    if kind == "rotate":
        return img.rotate(float(rng.uniform(2, 8) * rng.choice([-1, 1])), Image.BILINEAR,
                          fillcolor=_border_fill(img))
    if kind == "brightness":
        return ImageEnhance.Brightness(img).enhance(float(rng.choice([rng.uniform(0.75, 0.9), rng.uniform(1.1, 1.3)])))
    if kind == "contrast":
        return ImageEnhance.Contrast(img).enhance(float(rng.choice([rng.uniform(0.7, 0.85), rng.uniform(1.15, 1.4)])))
    if kind == "gamma":
        g = float(rng.choice([rng.uniform(0.7, 0.85), rng.uniform(1.2, 1.45)]))
        lut = [int(round(255 * (v / 255) ** g)) for v in range(256)]
        return img.point(lut * 3)
    if kind == "jpeg":
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=int(rng.choice([20, 35, 50, 70, 90])))
        return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    if kind == "resize":  # the same picture stored at another size
        s = float(rng.choice([rng.uniform(0.5, 0.8), rng.uniform(1.25, 2.0)]))
        return img.resize((max(8, round(w * s)), max(8, round(h * s))), Image.BILINEAR)
    if kind == "overlay":  # a caption or logo box over 3-8% of the picture, near a corner
        out = img.copy()
        area = rng.uniform(0.03, 0.08) * w * h
        bw = int(min(w, max(2, np.sqrt(area * rng.uniform(1.5, 4)))))
        bh = int(min(h, max(2, area / max(bw, 1))))
        x0 = int(rng.choice([0, w - bw])) + int(rng.integers(0, max(1, w // 20)))
        y0 = int(rng.choice([0, h - bh])) + int(rng.integers(0, max(1, h // 20)))
        x0, y0 = min(x0, w - bw), min(y0, h - bh)
        col = tuple(int(v) for v in rng.integers(0, 256, 3))
        ImageDraw.Draw(out).rectangle([x0, y0, x0 + bw - 1, y0 + bh - 1], fill=col)
        return out
    raise ValueError(f"unknown near-copy kind {kind!r}")


def _line_kernel(length: int, angle: float) -> np.ndarray:
    size = length if length % 2 else length + 1
    k = np.zeros((size, size), dtype=np.float32)
    c = size // 2
    t = np.linspace(-(length - 1) / 2, (length - 1) / 2, 4 * length)
    xs = np.clip(np.round(c + t * np.cos(angle)).astype(int), 0, size - 1)
    ys = np.clip(np.round(c + t * np.sin(angle)).astype(int), 0, size - 1)
    k[ys, xs] = 1.0
    return k / k.sum()


def _convolve_nearest(a: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Each channel of ``a`` (h x w x c) convolved with the odd square kernel ``k``, edges repeated:
    the pixels of ``scipy.ndimage.convolve(mode="nearest")`` by FFT, 16x faster on a 500x375 photo
    with an 83 px line (the direct sum costs kernel-area operations per pixel). scipy.fft, not
    scipy.signal, whose first import alone takes a second."""
    from scipy import fft

    r = k.shape[0] // 2
    p = np.pad(a, ((r, r), (r, r), (0, 0)), mode="edge")
    # a circular convolution as large as the padded picture: its wrapped-round part is the first 2r rows and
    # columns, which are not kept (1.7x faster than the full linear size on a 296 px picture, 65 px line)
    size = [fft.next_fast_len(p.shape[i], True) for i in (0, 1)]
    full = fft.irfft2(fft.rfft2(p, size, axes=(0, 1)) * fft.rfft2(k, size)[:, :, None], size, axes=(0, 1))
    return full[2 * r: 2 * r + a.shape[0], 2 * r: 2 * r + a.shape[1]]


# the blur families' strengths, as shares of the short side (down_up: the factor): "mild" is about a quarter of
# "strong", but at least about one pixel, so that a small image is blurred visibly too
_BLUR_STRENGTH = {
    "strong": {"radius": (0.04, 0.10), "min_gaussian": 1.0, "motion": (0.10, 0.22), "down_up": (3.0, 6.0)},
    "mild": {"radius": (0.01, 0.025), "min_gaussian": 0.8, "motion": (0.025, 0.055), "down_up": (1.6, 2.5)},
}


def blur_copy(img, kind: str, rng: np.random.Generator):
    """A visibly blurred copy of ``img`` (RGB PIL), same size; ``mild_<kind>`` at the mild strength."""
    from PIL import Image, ImageFilter

    w, h = img.size
    s = min(w, h)
    strength = _BLUR_STRENGTH["mild" if kind.startswith("mild_") else "strong"]
    family = kind.removeprefix("mild_")
    if family == "gaussian":
        return img.filter(ImageFilter.GaussianBlur(max(strength["min_gaussian"], s * rng.uniform(*strength["radius"]))))
    if family == "box":
        return img.filter(ImageFilter.BoxBlur(max(1.0, s * rng.uniform(*strength["radius"]))))
    if family == "motion":
        length = max(3, int(round(s * rng.uniform(*strength["motion"]))))
        k = _line_kernel(length, float(rng.uniform(0, np.pi)))
        out = _convolve_nearest(np.asarray(img, dtype=np.float32), k)
        return Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8), "RGB")
    if family == "down_up":
        f = rng.uniform(*strength["down_up"])
        small = img.resize((max(2, round(w / f)), max(2, round(h / f))), Image.BILINEAR)
        return small.resize((w, h), Image.BILINEAR)
    raise ValueError(f"unknown blur kind {kind!r}")


def stored_as_source(img, jpeg: dict):
    """``img`` saved and read back as its JPEG source was stored: the source's own quantisation tables and chroma
    subsampling (``LoadedImage.jpeg``).

    A picture blurred and then saved as JPEG keeps the encoder's 8 px blocks and ringing, which a blur made from the
    decoded picture, never saved again, does not have; on small JPEG tiles the blocks lift the blur statistics' high
    frequencies, and copies without them promised a recall the data's own blurs did not show (``_merit`` in
    checks/_blurry.py). Only where the source was decoded at full size: decoded at 1/2 or 1/4 (a large JPEG), the
    encoder's blocks are mostly averaged away in the source's pixels too."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    img.save(buf, format="JPEG", qtables=jpeg["qtables"], subsampling=jpeg["subsampling"])
    buf.seek(0)
    out = Image.open(buf)
    out.load()
    return out


def _ranks(texts, salt: int, tag: bytes) -> np.ndarray:
    """A 64-bit hash of each of ``texts`` (bytes) mixed with ``salt`` and ``tag``: a seeded order in which a member
    added or removed moves no other."""
    key = int(salt).to_bytes(8, "little")
    return np.fromiter((int.from_bytes(hashlib.blake2b(t, digest_size=8, key=key, person=tag).digest(), "little")
                        for t in texts), dtype=np.uint64, count=len(texts))


def source_texts(dataset, stats, rows) -> list[bytes]:
    """What names each of ``rows`` where it is: its id and the hash of its pixels as decoded (its copies depend on
    nothing else of it), not its position, which files added before it would change."""
    ids, hashes = dataset.ids, stats["pixel_hash"].to_numpy(object)
    return [f"{ids[r]}\0{hashes[r]}".encode("utf-8", "surrogateescape") for r in rows]


def stable_sample(texts, readable: np.ndarray, m: int, salt: int) -> np.ndarray:
    """The ``m`` readable rows whose ``texts`` (one per readable row) hash smallest with ``salt``, in row order: a
    file added to the folder or removed from it changes the sample by about one member, not all of it."""
    order = np.lexsort((readable, _ranks(texts, salt, b"sample")))  # ties (never, in practice) by position
    return np.sort(readable[order[:m]])


def balanced_kinds(digests, kinds, salt: int, tag: bytes) -> list[str]:
    """Kinds of ``len(digests)`` sources, as evenly as a seeded permutation gives them (kind ``i``: ``n // K``, one
    more for the first ``n % K``), in blocks along an order drawn from each source's digest: a source added or
    removed moves at most the sources at the blocks' edges to another kind, not every source after it."""
    n, k = len(digests), len(kinds)
    order = np.lexsort((np.arange(n), _ranks(digests, salt, tag)))
    block = np.repeat(np.arange(k), [n // k + (i < n % k) for i in range(k)])
    out = [""] * n
    for pos, j in enumerate(order.tolist()):
        out[j] = kinds[int(block[pos])]
    return out


# decoded sources kept for their copies, in bytes of pixels: all of them where they fit, so that the mildly blurred
# copies' pass does not decode them again (40 sources of 1200 x 900 px: 130 MB); the oldest go first beyond it
SOURCE_CACHE_BYTES = 256 * 2 ** 20


class SourceCache:
    """Decoded source images by row, shared by the copies' passes and the threads that make them, up to
    ``max_bytes`` of pixels (least recently used go first; one is always kept). Never pickled: a loader
    worker decodes for itself."""

    def __init__(self, max_bytes: int | None = None):
        self.max_bytes = SOURCE_CACHE_BYTES if max_bytes is None else max_bytes
        self._images: dict = {}  # row -> LoadedImage, oldest first
        self._bytes = 0
        self._lock = threading.Lock()

    @staticmethod
    def _size(li) -> int:
        return 0 if li.image is None else li.image.width * li.image.height * len(li.image.getbands())

    def get(self, row: int, load):
        """The decoded image of ``row``: kept, or ``load(row)`` (outside the lock: two threads may decode
        the same source at once, and both get the same pixels)."""
        with self._lock:
            li = self._images.pop(row, None)
            if li is not None:
                self._images[row] = li  # now the most recently used
                return li
        li = load(row)
        with self._lock:
            if row not in self._images:
                self._images[row] = li
                self._bytes += self._size(li)
                while self._bytes > self.max_bytes and len(self._images) > 1:
                    self._bytes -= self._size(self._images.pop(next(iter(self._images))))
        return li

    def __reduce__(self):
        return (SourceCache, (self.max_bytes,))


class CopySource:
    """Copies of a dataset's images, made where they are loaded (this process or a loader worker):
    item ``j`` is ``edit(source image, kinds[j], rng)`` of row ``sources[j]``, the source decoded at
    ``decode_size`` (the scale the image pass decoded it at) and ``rng`` seeded by ``(seed, j)``, so
    a copy is the same wherever and in whatever order it is made. Picklable like every source.

    :meth:`interleaved` puts several families of copies of the same sources in one source, each
    source's copies next to each other, each copy made as in its own family. The decoded sources are
    kept in ``cache`` (a :class:`SourceCache`, which several sources may share), so a source is decoded
    once for all its copies where they fit in it."""

    kind = "synthetic"
    paths = None

    def __init__(self, dataset, sources, kinds, edit, seed: int, decode_size, cache: SourceCache | None = None,
                 streams=None):
        n = len(sources)
        self.dataset, self.sources, self.kinds = dataset, np.asarray(sources, dtype=np.int64), list(kinds)
        self.edits, self.seeds = [edit] * n, [int(seed)] * n
        self.streams = list(range(n)) if streams is None else [int(s) for s in streams]
        self.decode_size = decode_size
        self.cache = SourceCache() if cache is None else cache
        self.thread_safe = dataset.thread_safe  # the cache is locked; the sources are read as the dataset allows

    @classmethod
    def interleaved(cls, *families: "CopySource") -> "CopySource":
        """One source of the rows of ``families`` (of the same sources, in the same order) taken in turn:
        row ``f + len(families) * j`` is row ``j`` of family ``f``."""
        first = families[0]
        if any(not np.array_equal(f.sources, first.sources) for f in families):
            raise ValueError("interleaved families must copy the same sources in the same order")
        out = cls(first.dataset, [], [], None, 0, first.decode_size, first.cache)
        out.sources = np.repeat(first.sources, len(families))
        for name in ("kinds", "edits", "seeds", "streams"):
            setattr(out, name, [v for row in zip(*(getattr(f, name) for f in families)) for v in row])
        return out

    def select(self, items) -> "CopySource":
        """The copies ``items`` (positions in this source) alone, each made as here."""
        items = [int(j) for j in items]
        out = CopySource(self.dataset, [], [], None, 0, self.decode_size, self.cache)
        out.sources = self.sources[np.asarray(items, dtype=np.int64)]
        for name in ("kinds", "edits", "seeds", "streams"):
            setattr(out, name, [getattr(self, name)[j] for j in items])
        return out

    def __len__(self) -> int:
        return len(self.sources)

    def _source(self, j: int):
        return self.cache.get(int(self.sources[j]), lambda row: self.dataset.load_image(row, min_size=self.decode_size))

    def load(self, j: int):
        from ..data._images import LoadedImage, from_pil

        li = self._source(j)
        if not li.ok:
            return li
        try:  # the edits make new images: the kept source is never changed
            rng = np.random.default_rng([self.seeds[j], self.streams[j]])
            out = self.edits[j](li.image, self.kinds[j], rng)
            if self.edits[j] is blur_copy and li.jpeg is not None and li.image.size == (li.width, li.height):
                out = stored_as_source(out, li.jpeg)
            return from_pil(out)
        except Exception as exc:  # an edit failing on an odd image: that copy is left out
            return LoadedImage(None, f"copy failed ({type(exc).__name__}: {exc})")

    def token(self, j: int) -> bytes:
        return (f"{self.dataset.fingerprint}:{self.sources[j]}:{self.edits[j].__name__}:{self.kinds[j]}:"
                f"{self.seeds[j]}:{self.streams[j]}:{self.decode_size}").encode()


def copies_dataset(ctx, sources, kinds, edit, seed: int, *more, cache: SourceCache | None = None, streams=None,
                   only=None):
    """A :class:`~dataquality.data.Dataset` of copies of ``sources`` (see :class:`CopySource`); with
    ``more`` (further ``(kinds, edit, seed)`` families of the same sources) the families interleaved;
    ``cache``: decoded sources shared with other passes; ``streams``: each source's random stream (default: its
    position); ``only``: the copies to make (positions among the interleaved ones; default all)."""
    from ..data._dataset import Dataset
    from ._context import image_decode_size

    size = image_decode_size(ctx.embedder)
    cache = SourceCache() if cache is None else cache
    src = CopySource(ctx.dataset, sources, kinds, edit, seed, size, cache, streams)
    if more:
        src = CopySource.interleaved(src, *(CopySource(ctx.dataset, sources, *f, size, cache, streams) for f in more))
    if only is not None:
        src = src.select(only)
    n = len(src)
    return Dataset("image", [f"copy-{j}" for j in range(n)], [None] * n, src, np.arange(n))


def synthetic_copies(ctx, in_process: bool = False) -> SyntheticCopies:
    """Sample, copy and measure (see the module docstring); an empty result when too few images.
    ``in_process``: make every copy in this process, on its decode threads, never in loader workers
    (for a background thread, which must not fork while the checks run)."""
    from ._backends import LocalBackend
    from ._context import Context

    stats = ctx.get("image_stats")
    readable = np.flatnonzero(stats["readable"].to_numpy(bool))
    m = sample_size(len(readable))
    if m == 0:
        return SyntheticCopies(np.zeros(0, dtype=np.int64), [], None, None, [], None,
                               reason=f"{len(readable)} readable images, fewer than the {MIN_IMAGES} calibration needs")
    # the sample and each copy drawn from the sources' own digests (their id and pixels), never their positions: the
    # copies of a source are the same in any sample, so a folder audited again after files were added makes copies
    # only for the sources new to its sample (the others' are in the cache, _previous_copies)
    salt = int(np.random.default_rng(ctx.random_state).integers(2 ** 63))
    sources = stable_sample(source_texts(ctx.dataset, stats, readable), readable, m, salt)
    digests = [hashlib.blake2b(t, digest_size=16).digest() for t in source_texts(ctx.dataset, stats, sources)]
    near_kinds = balanced_kinds(digests, NEAR_COPY_KINDS, salt, b"near")
    blur_kinds = balanced_kinds(digests, BLUR_KINDS, salt, b"blur")
    # one stream per family: near copy j and blurred copy j of the same source must not draw the same numbers
    near_seed, blur_seed, mild_seed = (int(v) for v in np.random.default_rng(salt).integers(2 ** 31, size=3))
    streams = [int.from_bytes(d[:8], "little") for d in digests]

    cache = SourceCache()  # each source decoded once for its near, blurred and mildly blurred copies

    def measure(families, embed: bool, cache=cache, in_process=in_process):
        # each copy is made from its source decoded at the scale the image pass decoded it (a JPEG at
        # 1/2, 1/4 ... of its size), so that it is measured like its source was: the same pixels
        # before the edit (an unedited copy has its source's perceptual hash)
        # at most 320 copies: the backend's plan keeps them in this process up to 255 (loader workers were
        # measured and cost what they saved, docs/benchmarks.md), and always when made on the audit's
        # background thread (in_process)
        n = len(sources) * len(families)
        keys = _copy_keys(ctx, digests, families, embed)
        key = None if keys is None else hashlib.sha256("".join(keys).encode()).hexdigest()[:32]
        hit = _load_copies(ctx.store, key, n, embed)
        if hit is not None:
            return hit
        previous, at = _previous_copies(ctx, key, embed)
        todo = [i for i in range(n) if keys is None or keys[i] not in at]
        made = None
        if todo:
            sub = Context(copies_dataset(ctx, sources, *families[0], *families[1:], cache=cache, streams=streams,
                                         only=todo if len(todo) < n else None),
                          embedder=ctx.embedder, device=ctx.device, cache_dir=False, random_state=ctx.random_state,
                          progress=False, backend=LocalBackend(num_workers=0) if in_process else "local",
                          model_store=ctx.model_store)
            made = sub.get("image_pass") if embed else (sub.get("image_stats"), None)
            if key is None:
                return made
        if len(todo) < n:
            logger.info("calibration copies: %d of %d taken from the folder's previous ones in the cache",
                        n - len(todo), n)
        return _save_copies(ctx, key, _copies_table(made, todo, previous, at, keys, embed), n, embed)

    def family(values, emb, f: int, of: int):  # family f of `of` interleaved ones
        return values.iloc[f::of].reset_index(drop=True), None if emb is None else emb[f::of]

    reason = None
    if ctx.embedder.data_dependent:  # a PCA fitted on the data cannot place new points the same way
        reason = (f"the embedder {ctx.embedder.name!r} is fitted on the whole dataset, so copies cannot be "
                  "embedded in the same space")
    elif len(readable) < EMBED_MIN_IMAGES:
        reason = (f"{len(readable)} readable images, fewer than the {EMBED_MIN_IMAGES} a threshold in the embedding "
                  "space is learnt from: near copies not made, blurred copies not embedded")
    if reason is None:  # near and strong blurred copies of each source in one pass, the source decoded once for both
        both, emb = measure([(near_kinds, near_copy, near_seed), (blur_kinds, blur_copy, blur_seed)], embed=True)
        (near_stats, near_emb), (blur_stats, blur_emb) = family(both, emb, 0, 2), family(both, emb, 1, 2)
    else:  # the near copies serve only the thresholds in the embedding space (checks/_groups.py: near_thresholds)
        near_kinds, near_stats, near_emb = [], None, None
        blur_stats, blur_emb = measure([(blur_kinds, blur_copy, blur_seed)], embed=False)
    mild, mild_stats, later = None, None, None
    side = np.minimum(stats["width"].to_numpy(float), stats["height"].to_numpy(float))[readable]
    if np.median(side) > MILD_MIN_SIDE:
        mild = balanced_kinds(digests, MILD_BLUR_KINDS, salt, b"mild")
        family = [(mild, blur_copy, mild_seed)]
        if ctx.dataset.has_labels:  # blurry's default reads them only with labels: made now, beside the checks
            mild_stats, _ = measure(family, embed=False)
        else:  # made where asked for (SyntheticCopies.mild), on the thread that asks, decoding its sources again
            def later():
                from ._context import in_background

                return measure(family, embed=False, cache=SourceCache(), in_process=in_background())[0]
    return SyntheticCopies(sources, near_kinds, near_emb, near_stats, blur_kinds, blur_stats, reason, blur_emb,
                           mild, mild_stats, later)


# -- the copies in the cache -------------------------------------------------------------------
# bump when the copies made or measured for the same inputs change (the edits above; the image pass's own changes
# are in IMAGE_PASS_VERSION, which the key holds too)
# 2: the sample and each copy's random numbers drawn from the source's id and pixels, not its position
# 3: the blurred copies of a JPEG decoded at full size stored as it was (stored_as_source)
COPIES_VERSION = 3


def _copy_keys(ctx, digests, families, embed: bool) -> list[str] | None:
    """The cache key of each copy of ``families`` (``(kinds, edit, seed)`` each) of the sources with ``digests``,
    interleaved as they are made: the source's digest (its id and pixels as decoded), the edit, its kind and seed,
    the decoding scale, the embedder's identity where they are embedded, the device. None where nothing is stored
    (no cache, an embedder whose settings cannot identify its vectors, or a ``random_state`` that is not a seed)."""
    import json

    from ._context import IMAGE_PASS_VERSION, image_decode_size

    if (not ctx.store.enabled or (embed and not getattr(ctx.embedder, "cacheable", True))
            or not isinstance(ctx.random_state, (int, np.integer))):  # random_state=None: other copies each time
        return None
    parts = {"copies": COPIES_VERSION, "image_pass": IMAGE_PASS_VERSION, "modality": ctx.modality,
             "decode_size": image_decode_size(ctx.embedder), "device": str(ctx.device),
             "embedder": ctx.embedder.identity() if embed else None}
    base = hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode()).digest()
    return [hashlib.blake2b(base + d + f"{edit.__name__}:{kinds[j]}:{int(seed)}".encode(), digest_size=16).hexdigest()
            for j, d in enumerate(digests) for kinds, edit, seed in families]


# the slots' own format (what they record), apart from COPIES_VERSION: a slot of older copies is taken over, and
# those copies removed, not left in the cache for good
SLOT_VERSION = 1


def _copies_slot(ctx, key: str) -> str | None:
    """Where the latest copies of this folder made with these settings are recorded (their sources' content left
    out), so that new ones replace them in the cache; None for data not read from a folder (kept, one per data)."""
    import json

    from ._store import _lineage_id

    folder = _lineage_id(ctx.dataset)
    if folder is None:
        return None
    ident = {"copies-slot": SLOT_VERSION, "folder": folder, "embedder": ctx.embedder.identity(),
             "random_state": repr(ctx.random_state), "device": str(ctx.device)}
    return hashlib.sha256(json.dumps(ident, sort_keys=True, default=repr).encode()).hexdigest()[:32]


def _family(embed: bool) -> str:
    return "embedded" if embed else "measured"


def _read_table(data: bytes):
    import pyarrow as pa
    import pyarrow.parquet as pq

    return pq.read_table(pa.BufferReader(data))


def _from_table(table, n: int, embed: bool):
    from ._imagemap import from_tables

    return from_tables([table.drop_columns([c for c in ("copy_key",) if c in table.column_names])], n, embed)


def _load_copies(store, key: str | None, n: int, embed: bool):
    """``(statistics, embeddings)`` of copies stored under ``key``, or None."""
    if key is None:
        return None
    data = store.load_file(key, "copies.parquet")
    if data is None:
        return None
    try:
        out = _from_table(_read_table(data), n, embed)
    except Exception as exc:  # not what was stored for these copies: made again
        logger.warning("The calibration copies in the cache could not be read (%s); making them again.", exc)
        store.remove(key)
        return None
    logger.info("calibration copies loaded from the cache")
    return out


def _previous_copies(ctx, key: str | None, embed: bool):
    """(the table of this folder's latest copies of this kind made with these settings, their row of each copy
    key), read whole now (another audit may remove them once it has made its own); (None, {}) where none."""
    slot = None if key is None else _copies_slot(ctx, key)
    old = None if slot is None else ctx.store.latest(slot, _family(embed))
    data = None if old is None else ctx.store.load_file(old, "copies.parquet")
    if data is None:
        return None, {}
    try:
        table = _read_table(data)
        keys = table["copy_key"].to_pylist() if "copy_key" in table.column_names else []
    except Exception:  # unreadable: every copy is made, as without them
        return None, {}
    return table, {k: i for i, k in enumerate(keys)}


def _copies_table(made, todo: list, previous, at: dict, keys: list, embed: bool):
    """One table of the copies, in order: those ``made`` (rows ``todo``) and the others taken from ``previous``
    (their rows ``at`` there, by copy key), each with its ``copy_key``."""
    import pyarrow as pa

    from ._imagemap import to_table

    parts, made_rows = [], set(todo)
    mine = [i for i in range(len(keys)) if i not in made_rows]
    if mine:
        part = previous.take(pa.array([at[keys[i]] for i in mine], type=pa.int64()))
        parts.append(part.set_column(part.column_names.index("row"), "row", pa.array(mine, type=pa.int64())))
    if made is not None:
        stats, emb = made
        readable = stats["readable"].to_numpy(bool)
        vectors = None if not embed else {} if emb is None else {
            r: emb[i] for i, r in enumerate(todo) if readable[i]}
        t = to_table(list(todo), stats.to_dict("records"), vectors)
        t = t.append_column("copy_key", pa.array([keys[i] for i in todo], type=pa.string()))
        # Parquet names a list's item "element": the same schema as read
        parts.append(t.select(parts[0].column_names).cast(parts[0].schema) if parts else t)
    table = pa.concat_tables(parts)
    return table.take(pa.array(np.argsort(table["row"].to_numpy(), kind="stable")))


def _save_copies(ctx, key: str, table, n: int, embed: bool):
    """Store the copies' ``table`` under ``key`` and return them as read back (``(statistics, embeddings or
    None)``, as a later audit loads them); the folder's earlier copies made with the same settings (other sources,
    or sources changed since) are removed."""
    import io

    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(table, buf, write_page_checksum=True)
    data = buf.getvalue()
    ctx.store.save_file(key, "copies.parquet", data, {"provider": "synthetic_copies"})
    out = _from_table(_read_table(data), n, embed)
    slot = _copies_slot(ctx, key)
    if slot is not None:  # the slot records the copies of each kind (near and blurred, mildly blurred) made last
        ctx.store.repoint(slot, _family(embed), key)
    return out
