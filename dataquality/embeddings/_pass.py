"""One pass over the images: decode once, compute statistics, embed; cached and resumable."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .._device import resolve_device
from .._errors import DataQualityError
from ..data._stats import STAT_COLUMNS, image_stats
from ._base import Embedder, get_embedder

logger = logging.getLogger("dataquality")

CACHE_VERSION = "1"
_CHECKPOINT_EVERY = 20  # batches


@dataclass
class PassResult:
    embeddings: np.ndarray | None  # N x D float16; zero rows where the example is unreadable
    stats: pd.DataFrame | None  # one row per example (images only)
    from_cache: bool = False


def default_cache_dir() -> Path:
    return Path(os.environ.get("DQ_CACHE_DIR", Path.home() / ".cache" / "dataquality"))


def _resolve_cache(cache_dir) -> Path | None:
    if cache_dir is False:
        return None
    return Path(cache_dir) if cache_dir is not None else default_cache_dir()


class _ImageItems:
    """Map-style dataset for DataLoader workers: decode, stats, preprocess."""

    def __init__(self, ds, embedder: Embedder | None, start: int):
        self.ds, self.embedder, self.start = ds, embedder, start

    def __len__(self):
        return len(self.ds) - self.start

    def __getitem__(self, k):
        i = self.start + k
        li = self.ds.load_image(i)
        st = image_stats(li)
        x = None
        if li.ok and self.embedder is not None:
            try:
                x = self.embedder.preprocess(li.image)
            except Exception as exc:  # a transform failing on odd data makes the image unreadable
                st.update(readable=False, error=f"preprocessing failed ({type(exc).__name__}: {exc})")
        return i, x, st


def _collate(items):
    import torch

    idx = [i for i, _, _ in items]
    xs = [x for _, x, _ in items]
    stats = [s for _, _, s in items]
    ok = [k for k, x in enumerate(xs) if x is not None]
    batch = None
    if ok:
        first = xs[ok[0]]
        batch = torch.stack([xs[k] for k in ok]) if isinstance(first, torch.Tensor) else [xs[k] for k in ok]
    return idx, ok, batch, stats


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 24), b""):
            h.update(chunk)
    return h.hexdigest()


class _Cache:
    """Files for one (dataset fingerprint, embedder settings) pair; verified on read."""

    def __init__(self, root: Path | None, fingerprint: str, key: str):
        self.root = None
        if root is not None:
            safe = hashlib.sha1(key.encode()).hexdigest()[:16]
            self.root = Path(root) / f"{fingerprint}-{safe}-v{CACHE_VERSION}"

    def path(self, name: str) -> Path:
        return self.root / name

    def load(self, n: int):
        if self.root is None or not self.path("meta.json").is_file():
            return None
        try:
            meta = json.loads(self.path("meta.json").read_text())
            out = {}
            if meta.get("embeddings"):
                f = self.path("embeddings.npy")
                if _sha256_file(f) != meta["embeddings"]:
                    raise ValueError("embeddings checksum mismatch")
                out["embeddings"] = np.load(f)
                if out["embeddings"].shape[0] != n:
                    raise ValueError("row count mismatch")
            if meta.get("stats"):
                f = self.path("stats.pkl")
                if _sha256_file(f) != meta["stats"]:
                    raise ValueError("stats checksum mismatch")
                with open(f, "rb") as fh:
                    out["stats"] = pickle.load(fh)
                if len(out["stats"]) != n:
                    raise ValueError("row count mismatch")
            return out
        except Exception as exc:
            logger.warning("Cache entry %s is corrupted (%s); recomputing.", self.root, exc)
            return None

    def save(self, embeddings, stats):
        if self.root is None:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        meta = {"version": CACHE_VERSION}
        if embeddings is not None:
            np.save(self.path("embeddings.npy.tmp.npy"), embeddings)
            os.replace(self.path("embeddings.npy.tmp.npy"), self.path("embeddings.npy"))
            meta["embeddings"] = _sha256_file(self.path("embeddings.npy"))
        if stats is not None:
            with open(self.path("stats.pkl.tmp"), "wb") as fh:
                pickle.dump(stats, fh)
            os.replace(self.path("stats.pkl.tmp"), self.path("stats.pkl"))
            meta["stats"] = _sha256_file(self.path("stats.pkl"))
        tmp = self.path("meta.json.tmp")
        tmp.write_text(json.dumps(meta))
        os.replace(tmp, self.path("meta.json"))
        for name in ("partial.npy", "partial_stats.pkl", "progress.json"):
            if self.path(name).exists():
                self.path(name).unlink()


def run_image_pass(ds, embedder: Embedder | None, *, device="auto", cache_dir=None, batch_size=None,
                   num_workers=None, progress=True, random_state=0, pipeline: str = "auto") -> PassResult:
    """Decode every image once; return per-image stats and (if ``embedder``) float16 embeddings.

    Embeddings are written to a memmap as they are made, so an interrupted pass resumes
    from the last checkpoint on the next call with the same data and settings.

    ``pipeline``: ``"loader"`` decodes with PIL in DataLoader worker processes; ``"tensor"``
    decodes JPEGs in batches on the device (nvjpeg on CUDA) and computes statistics and the
    model's preprocessing on device tensors; ``"auto"`` picks ``"tensor"`` on CUDA for files.
    """
    from ._tensor_pass import supports_tensor_pipeline, tensor_batches

    if pipeline not in ("auto", "loader", "tensor"):
        raise DataQualityError(f"Expected pipeline 'auto', 'loader' or 'tensor' but got {pipeline!r}.")
    from torch.utils.data import DataLoader
    from tqdm.auto import tqdm

    n = len(ds)
    device = resolve_device(device)
    key = "stats" if embedder is None else embedder.cache_key()
    cacheable = embedder is None or embedder.cacheable
    cache = _Cache(_resolve_cache(cache_dir) if cacheable else None, ds.fingerprint, key + "|stats2")
    hit = cache.load(n)
    if hit is not None and (embedder is None or "embeddings" in hit):
        logger.info("Image pass loaded from cache %s", cache.root)
        return PassResult(hit.get("embeddings"), pd.DataFrame(hit["stats"], columns=list(STAT_COLUMNS)), True)

    start, stats, memmap, dim = 0, [], None, None
    if cache.root is not None and cache.path("progress.json").is_file():
        try:
            prog = json.loads(cache.path("progress.json").read_text())
            with open(cache.path("partial_stats.pkl"), "rb") as fh:
                stats = pickle.load(fh)[: prog["done"]]
            if embedder is not None:
                dim = prog["dim"]
                memmap = np.lib.format.open_memmap(cache.path("partial.npy"), mode="r+")
                if memmap.shape != (n, dim):
                    raise ValueError("shape mismatch")
            start = prog["done"]
            if len(stats) != start:
                raise ValueError("stats shorter than progress")
            logger.info("Resuming the image pass at %d/%d from %s", start, n, cache.root)
        except Exception as exc:
            logger.warning("Could not resume from %s (%s); starting over.", cache.root, exc)
            start, stats, memmap, dim = 0, [], None, None

    if batch_size is None:
        batch_size = 256 if device.startswith("cuda") else 64
    if num_workers is None:
        num_workers = 0 if n - start < 256 else min(8, os.cpu_count() or 1)
    use_tensor = pipeline == "tensor" or (pipeline == "auto" and device.startswith("cuda"))
    if use_tensor and not supports_tensor_pipeline(ds, embedder):
        if pipeline == "tensor":
            raise DataQualityError("pipeline='tensor' needs image files on disk and an embedder with "
                                   "preprocess_tensor (the torch backbones and 'pixels').")
        use_tensor = False
    if use_tensor:
        loader = tensor_batches(ds, embedder, start, batch_size, device, num_threads=max(4, num_workers or 0))
    else:
        loader = DataLoader(
            _ImageItems(ds, embedder, start), batch_size=batch_size, shuffle=False, num_workers=num_workers,
            collate_fn=_collate, pin_memory=device.startswith("cuda"),
            persistent_workers=False, prefetch_factor=4 if num_workers else None,
        )
    dense = None
    bar = tqdm(total=n, initial=start, desc="embedding" if embedder else "scanning", unit="img",
               disable=not progress, leave=False)
    try:
        for b, (idx, ok, batch, st) in enumerate(loader):
            stats.extend(st)
            if embedder is not None and ok:
                vecs = embedder.forward(batch, device)
                if dim is None:
                    dim = vecs.shape[1]
                if memmap is None:
                    if cache.root is not None:
                        cache.root.mkdir(parents=True, exist_ok=True)
                        memmap = np.lib.format.open_memmap(cache.path("partial.npy"), mode="w+",
                                                           dtype=np.float16, shape=(n, dim))
                    else:
                        dense = memmap = np.zeros((n, dim), dtype=np.float16)
                rows = np.asarray(idx)[ok]
                memmap[rows] = vecs.astype(np.float16)
            bar.update(len(idx))
            if cache.root is not None and (b + 1) % _CHECKPOINT_EVERY == 0:
                _checkpoint(cache, memmap, stats, dim)
    finally:
        bar.close()
    stat_df = pd.DataFrame(stats, columns=list(STAT_COLUMNS))
    emb = None
    if embedder is not None:
        if memmap is None:  # nothing readable
            raise DataQualityError("No example could be read, so nothing could be embedded. "
                                   "See the 'unreadable' issues for the reasons.")
        ok_rows = stat_df["readable"].to_numpy(bool)
        if embedder.data_dependent:  # a dataset-level transform (PCA) needs every vector at once
            post = embedder.postprocess(np.asarray(memmap[ok_rows], dtype=np.float32), random_state=random_state)
            emb = np.zeros((n, post.shape[1]), dtype=np.float16)
            emb[ok_rows] = post.astype(np.float16)
        else:  # copy the float16 rows as they are: no N x D float32 intermediate
            emb = np.array(memmap, dtype=np.float16)
            emb[~ok_rows] = 0
        del memmap, dense
    cache.save(emb, stats)
    return PassResult(emb, stat_df, False)


def _checkpoint(cache: _Cache, memmap, stats, dim):
    if isinstance(memmap, np.memmap):
        memmap.flush()
    with open(cache.path("partial_stats.pkl.tmp"), "wb") as fh:
        pickle.dump(stats, fh)
    os.replace(cache.path("partial_stats.pkl.tmp"), cache.path("partial_stats.pkl"))
    tmp = cache.path("progress.json.tmp")
    tmp.write_text(json.dumps({"done": len(stats), "dim": dim}))
    os.replace(tmp, cache.path("progress.json"))


def embed(data, embedder="auto", *, device="auto", cache_dir=None, batch_size=None, num_workers=None,
          progress=True, random_state=0, **embedder_settings) -> np.ndarray:
    """Embed a dataset: an ``N x D`` float16 array (zero rows for unreadable images).

    Parameters
    ----------
    data : anything :func:`dataquality.as_dataset` accepts.
    embedder : registry name (see :func:`list_embedders`), ``"auto"``, an ``nn.Module`` or a callable.
    cache_dir : folder for the on-disk cache (default ``~/.cache/dataquality`` or ``$DQ_CACHE_DIR``);
        ``False`` disables it.
    **embedder_settings : e.g. ``image_size=64``.

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> X = dq.embed(np.random.default_rng(0).integers(0, 255, (8, 16, 16), dtype=np.uint8),
    ...              embedder="pixels", n_components=4, cache_dir=False, progress=False)
    >>> X.shape, X.dtype
    ((8, 4), dtype('float16'))
    """
    from ..data import as_dataset

    ds = as_dataset(data)
    emb = get_embedder(embedder, ds.modality, **embedder_settings)
    return compute_embeddings(ds, emb, device=device, cache_dir=cache_dir, batch_size=batch_size,
                              num_workers=num_workers, progress=progress, random_state=random_state)[0]


def compute_embeddings(ds, emb: Embedder, **kw):
    """(embeddings, stats or None) for any modality, through the cache."""
    if ds.modality == "image":
        res = run_image_pass(ds, emb, **kw)
        return res.embeddings, res.stats
    cache = _Cache(_resolve_cache(kw.get("cache_dir")) if emb.cacheable else None, ds.fingerprint, emb.cache_key())
    hit = cache.load(len(ds))
    if hit is not None and "embeddings" in hit:
        return hit["embeddings"], None
    X = emb.embed_dataset(ds, device=resolve_device(kw.get("device", "auto")), progress=kw.get("progress", True))
    X = np.asarray(X, dtype=np.float16)
    cache.save(X, None)
    return X, None
