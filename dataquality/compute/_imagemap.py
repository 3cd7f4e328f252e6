"""The per-example map of image datasets: read, decode, statistics, hashes, embed.

One definition of the work, run by every backend: :class:`ImageMapper` is picklable (a dataset,
an embedder whose model is built lazily where it runs, a device), ``decode`` is the CPU half
(run in DataLoader workers or Ray actors), ``forward`` the model half, and ``map_rows`` both in
sequence. Its output for a range of rows is an Arrow table (:func:`to_table`) of the statistics
and float16 embeddings, so a local run, a Ray actor and the cache all hold the same thing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from ..data import STAT_COLUMNS, batch_image_stats, image_stats
from ..data._stats import small_images

logger = logging.getLogger("dataquality")

_INT_COLUMNS = ("width", "height", "n_frames")
_BOOL_COLUMNS = ("readable",)
_BINARY_COLUMNS = ("grey16", "chroma16", "grey32")
_FLOAT_COLUMNS = ("brightness_mean", "brightness_p01", "brightness_p95", "brightness_p99", "brightness_lit", "blur",
                  "blur_hf", "blur_n", "blur_hf_n", "blur_peak", "blur_c", "blur_typ", "entropy", "color_std",
                  "brightness_apart_p99", "brightness_apart_mean")


def stat_schema():
    import pyarrow as pa

    fields = [pa.field("row", pa.int64())]
    for c in STAT_COLUMNS:
        t = (pa.bool_() if c in _BOOL_COLUMNS else pa.int64() if c in _INT_COLUMNS
             else pa.float64() if c in _FLOAT_COLUMNS else pa.binary() if c in _BINARY_COLUMNS else pa.string())
        fields.append(pa.field(c, t))
    return pa.schema(fields)


# decoded images smaller than this (the first readable one decides) are read on the calling thread: the threads' work on
# them is mostly Python holding the GIL. Measured on 2 cores (docs/benchmarks.md, round 14): the calibration's copies
# of 28 px digits and clothing 5-10% slower on threads, 142-200 px tiles level to 3% faster, 1200x900 pictures 1.5x
THREAD_MIN_PIXELS = 128 * 128


class DecodeThreads:
    """Threads that read and decode images beside this process's main thread (for in-process runs,
    where no loader workers start, and Ray actors with several CPUs). :meth:`map_in_runs` gives each
    thread a run of consecutive rows, so that the copies of one source (the calibration's, side by side)
    are made by one thread, which decodes their source once."""

    def __init__(self, threads: int):
        from concurrent.futures import ThreadPoolExecutor

        self.threads = threads
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="dataquality-decode")
        # whether the images are large enough for threads to pay (None: not yet known; ImageMapper.decode_batch
        # decides it on the first readable image, read on the calling thread)
        self.worth = None

    @classmethod
    def for_mapper(cls, mapper, threads: int) -> "DecodeThreads | None":
        """A pool of ``threads`` for ``mapper``'s in-process decoding, or None where it cannot use one: one
        thread, the device's own decoder (``pipeline="tensor"``), or a source not safe to read from several
        threads (``Dataset.thread_safe``)."""
        if threads > 1 and mapper.pipeline != "tensor" and mapper.dataset.thread_safe:
            return cls(threads)
        return None

    def map_in_runs(self, fn, items) -> list:
        return self.start_runs(fn, items)()

    def start_runs(self, fn, items):
        """Start :meth:`map_in_runs` on the threads and return at once: a function that waits for the
        results and returns them in order (so that the calling thread can work meanwhile)."""
        items = list(items)
        step = -(-len(items) // self.threads) if items else 1
        futures = [self._pool.submit(lambda run: [fn(x) for x in run], items[s: s + step])
                   for s in range(0, len(items), step)]
        return lambda: [out for f in futures for out in f.result()]

    def close(self):
        self._pool.shutdown()


@dataclass
class ImageMapper:
    """What to do to each image; the same object runs in-process, in loader workers and on Ray actors."""

    dataset: object
    embedder: object | None
    device: str = "cpu"
    batch_size: int = 32
    pipeline: str = "loader"  # "loader" (PIL) or "tensor" (batched decode on the device: nvjpeg on CUDA)
    # (short, long): the smallest image the statistics and the embedder need, so that JPEGs are
    # decoded at 1/2, 1/4 or 1/8 scale when that still covers it; None: full size
    decode_size: tuple | None = None

    def __post_init__(self):
        from .._errors import DataQualityError
        from ._tensor_pass import supports_tensor_pipeline

        if self.pipeline not in ("loader", "tensor"):
            raise DataQualityError(f"Expected pipeline 'loader' or 'tensor' but got {self.pipeline!r}.")
        if self.pipeline == "tensor" and not supports_tensor_pipeline(self.dataset, self.embedder):
            raise DataQualityError("pipeline='tensor' needs image files and an embedder with preprocess_tensor "
                                   "(the torch backbones and 'pixels').")

    def decode(self, i: int):
        """(statistics dict, model input or None) of row ``i``; never raises for bad data."""
        li = self.dataset.load_image(i, min_size=self.decode_size)
        st = image_stats(li)
        x = None
        if li.ok and self.embedder is not None:
            try:
                x = self.embedder.preprocess(li.image)
            except Exception as exc:  # a transform failing on odd data makes the image unreadable
                _preprocessing_failed(st, exc)
        return st, x

    def _load_small(self, i: int):
        """Row ``i`` read and decoded, with the small versions its statistics are measured on (None
        where it is unreadable): the per-image part of :meth:`decode_batch`, which a thread can run."""
        li = self.dataset.load_image(i, min_size=self.decode_size)
        return li, (small_images(li.image) if li.ok else None)

    def decode_batch(self, rows, pool=None):
        """``(rows, ok_positions, model batch, statistics)`` of a batch of rows, in this process: each
        image read, decoded and measured, then the decodable ones preprocessed together
        (``Embedder.preprocess_batch``); never raises for bad data. With ``pool`` (:class:`DecodeThreads`)
        the images are read, decoded and shrunk on its threads (PIL and zlib release the GIL) once the
        first readable image has shown them large enough (``THREAD_MIN_PIXELS``); the values are the same."""
        rows = list(rows)
        return self._finish_batch(rows, self._load_batch(rows, pool))

    def _load_batch(self, rows, pool=None) -> list:
        """Each row's :meth:`_load_small`, on ``pool``'s threads where they pay (see :meth:`decode_batch`)."""
        pairs = []
        while pool is not None and pool.worth is None and len(pairs) < len(rows):  # the first readable image decides
            li, small = self._load_small(rows[len(pairs)])
            pairs.append((li, small))
            if li.ok:
                pool.worth = li.image.width * li.image.height >= THREAD_MIN_PIXELS
        rest = rows[len(pairs):]
        if pool is not None and pool.worth:
            return pairs + pool.map_in_runs(self._load_small, rest)
        return pairs + [self._load_small(i) for i in rest]

    def _finish_batch(self, rows, pairs):
        """:meth:`decode_batch`'s second half: the statistics and the model batch of loaded rows."""
        loaded = [li for li, _ in pairs]
        stats = batch_image_stats(loaded, small=[sm for _, sm in pairs])
        ok = [k for k, li in enumerate(loaded) if li.ok] if self.embedder is not None else []
        if not ok:
            return rows, [], None, stats
        try:
            return rows, ok, self.embedder.preprocess_batch([loaded[k].image for k in ok]), stats
        except Exception:  # one image the transform cannot take: find it, the others go on
            pass
        from ..embeddings._base import collate_inputs

        inputs = {}
        for k in ok:
            try:
                inputs[k] = self.embedder.preprocess(loaded[k].image)
            except Exception as exc:
                _preprocessing_failed(stats[k], exc)
        ok = [k for k in ok if k in inputs]
        return rows, ok, (collate_inputs([inputs[k] for k in ok]) if ok else None), stats

    def forward(self, batch) -> np.ndarray:
        return np.asarray(self.embedder.forward(batch, self.device), dtype=np.float32)

    def batches(self, rows, pool=None):
        """``(rows, ok_positions, model_batch, stats)`` in batches, decoding in this process (on the
        threads of ``pool`` where given, see :meth:`decode_batch`)."""
        rows = list(rows)
        if self.pipeline == "tensor":
            from ._tensor_pass import tensor_batches

            yield from tensor_batches(self.dataset, self.embedder, rows, self.batch_size, self.device)
            return
        chunks = [rows[s: s + self.batch_size] for s in range(0, len(rows), self.batch_size)]
        ahead = None  # the next batch's reading and decoding, started on the pool's threads
        for n, chunk in enumerate(chunks):
            pairs = ahead() if ahead is not None else self._load_batch(chunk, pool)
            ahead = None
            # where the threads pay, they read and decode the next batch while this thread measures and embeds
            # this one (the same values: each row is loaded on its own)
            if pool is not None and pool.worth and n + 1 < len(chunks):
                ahead = pool.start_runs(self._load_small, chunks[n + 1])
            yield self._finish_batch(chunk, pairs)

    def embed_ok(self, idx, ok, batch) -> dict:
        """``{row: vector}`` for the decodable rows of a batch (empty without an embedder)."""
        if self.embedder is None or not ok:
            return {}
        return {idx[pos]: vec for pos, vec in zip(ok, self.forward(batch))}

    def map_batch(self, rows):
        """Every step for one batch of rows, decoding in this process: ``(rows, statistics, {row: vector})``."""
        idx, ok, batch, stats = self.decode_batch(rows)
        return idx, stats, self.embed_ok(idx, ok, batch)

    def map_rows(self, rows, pool=None) -> "object":
        """Every step for ``rows``, in sequence (reading and decoding on ``pool``'s threads where given): the
        Arrow table of their statistics and embeddings."""
        out_rows, stats, vecs = [], [], {}
        for idx, ok, batch, st in self.batches(rows, pool):
            out_rows.extend(idx)
            stats.extend(st)
            vecs.update(self.embed_ok(idx, ok, batch))
        return to_table(out_rows, stats, vecs if self.embedder is not None else None)


def _preprocessing_failed(st: dict, exc: Exception) -> None:
    """A transform failing on odd data makes the image unreadable, with the reason."""
    st.update(readable=False, error=f"preprocessing failed ({type(exc).__name__}: {exc})")


def collate(items):
    """``[(row, x, stats), ...]`` -> ``(rows, ok_positions, stacked inputs, stats)``."""
    from ..embeddings._base import collate_inputs

    idx = [i for i, _, _ in items]
    xs = [x for _, x, _ in items]
    stats = [s for _, _, s in items]
    ok = [k for k, x in enumerate(xs) if x is not None]
    return idx, ok, (collate_inputs([xs[k] for k in ok]) if ok else None), stats


def to_table(rows: list[int], stats: list[dict], vectors: dict | None):
    """Rows' statistics and (when embedding) float16 vectors as one Arrow table.

    ``embedding`` is a list column, null where the image could not be read; its width is the
    model's, learned from the first vector, so no backend needs to know it in advance.
    """
    import pyarrow as pa

    schema = stat_schema()
    cols = {"row": pa.array(np.asarray(rows, dtype=np.int64))}
    for f in schema:
        if f.name != "row":
            cols[f.name] = pa.array([s.get(f.name) for s in stats], type=f.type)
    table = pa.table(cols, schema=schema)
    if vectors is not None:
        present = [r in vectors for r in rows]
        dim = len(next(iter(vectors.values()))) if vectors else 0
        flat = (np.stack([vectors[r] for r in rows if r in vectors]).astype(np.float16).ravel()
                if vectors else np.zeros(0, dtype=np.float16))
        lengths = np.array([dim if p else 0 for p in present], dtype=np.int32)
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
        mask = pa.array([not p for p in present])
        emb = pa.ListArray.from_arrays(pa.array(offsets), pa.array(flat, type=pa.float16()), mask=mask)
        table = table.append_column("embedding", emb)
    return table


def from_tables(tables: list, n: int, with_embeddings: bool):
    """(statistics DataFrame in row order, N x D float16 embeddings with zero rows where unreadable, or None)."""
    import pyarrow as pa

    table = pa.concat_tables(tables) if tables else stat_schema().empty_table()
    order = np.argsort(table["row"].to_numpy(), kind="stable")
    if len(order) != n:
        raise RuntimeError(f"the image pass returned {len(order)} rows for {n} examples")
    stats = table.drop_columns([c for c in ("row", "embedding") if c in table.column_names]).to_pandas()
    stats = stats.iloc[order].reset_index(drop=True)
    for c in STAT_COLUMNS:  # python objects, as the statistics were computed (None where absent)
        if c not in _BOOL_COLUMNS + _FLOAT_COLUMNS:
            stats[c] = stats[c].astype(object).where(stats[c].notna(), None)
    stats = stats[list(STAT_COLUMNS)]
    if not with_embeddings:
        return stats, None
    col = table["embedding"].combine_chunks()
    present = col.is_valid().to_numpy(zero_copy_only=False)
    n_present = int(present.sum())
    if n_present == 0:
        return stats, None
    values = col.flatten().to_numpy(zero_copy_only=False).astype(np.float16, copy=False)
    dim = len(values) // n_present
    emb = np.zeros((n, dim), dtype=np.float16)
    emb[table["row"].to_numpy()[present]] = values.reshape(n_present, dim)
    return stats, emb

