"""``embed()``: the embeddings of any dataset, through the same context, backend and cache as the audit."""

from __future__ import annotations

import numpy as np


def embed(data, embedder="auto", *, device="auto", cache_dir=None, batch_size=None, num_workers=None,
          progress=True, random_state=0, backend="local", kind=None, **embedder_settings) -> np.ndarray:
    """Embed a dataset: an ``N x D`` float16 array (zero rows for unreadable images).

    Parameters
    ----------
    data : anything :func:`dataquality.as_dataset` accepts.
    embedder : registry name (see :func:`list_embedders`), ``"auto"``, an ``nn.Module`` or a callable.
    cache_dir : folder for the on-disk cache (default ``~/.cache/dataquality`` or ``$DQ_CACHE_DIR``);
        ``False`` disables it.
    backend : ``"local"``, ``"ray"`` or a Backend: where the per-example map runs.
    **embedder_settings : e.g. ``image_size=64``, ``runtime="torch"`` (see ``audit``).

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> X = dq.embed(np.random.default_rng(0).integers(0, 255, (8, 16, 16), dtype=np.uint8),
    ...              embedder="pixels", n_components=4, cache_dir=False, progress=False)
    >>> X.shape, X.dtype
    ((8, 4), dtype('float16'))
    """
    return embed_with_stats(data, embedder, device=device, cache_dir=cache_dir, batch_size=batch_size,
                            num_workers=num_workers, progress=progress, random_state=random_state,
                            backend=backend, kind=kind, embedder_settings=embedder_settings)[0]


def embed_with_stats(data, embedder="auto", *, device="auto", cache_dir=None, batch_size=None, num_workers=None,
                     progress=True, random_state=0, backend="local", kind=None, embedder_settings=None):
    """(embeddings, per-image statistics or None) of a dataset."""
    from ..data import as_dataset
    from ._context import Context

    ds = as_dataset(data, kind=kind)
    ctx = Context(ds, embedder=embedder, device=device, cache_dir=cache_dir, progress=progress,
                  random_state=random_state, batch_size=batch_size, num_workers=num_workers, backend=backend,
                  embedder_settings=embedder_settings)
    ctx.prepare({"embeddings"})
    X = ctx.get("embeddings")
    from ..modalities import get_modality

    stats = ctx.get("image_stats") if get_modality(ds.modality).has_pixels else None
    return X, stats


def image_stats(data, *, cache_dir=None, progress=True, backend="local"):
    """Per-image statistics (readable, size, mode, hashes, brightness, blur...) without embedding."""
    from ..data import as_dataset
    from ._context import Context

    ds = as_dataset(data)
    ctx = Context(ds, device="cpu", cache_dir=cache_dir, progress=progress, backend=backend)
    return ctx.get("image_stats")
