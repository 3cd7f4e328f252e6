"""The on-disk cache of computed intermediates.

Promises (tested in tests/test_compute.py and tests/test_reliability.py):

- **Nothing executable.** Arrays are ``.npy`` files read with ``allow_pickle=False``, tables are
  Parquet, metadata is JSON, exported models are ONNX graphs (data for ONNX Runtime's own
  operators, no Python): loading a cache entry never runs code.
- **Verified.** Every file of an entry carries a SHA-256 in the entry's ``meta.json``; a shard of
  the image pass is a Parquet file written with page checksums. Anything that fails verification
  is recomputed, never used.
- **Atomic, so shared safely.** An entry is written into a private temporary folder and renamed
  into place in one step; a shard is written to a private temporary file and renamed. Two audits
  sharing a cache directory at once both finish: whoever renames second finds the entry there and
  keeps it (the contents are equal by construction: same key, same inputs, same code).
- **Optional.** An unwritable cache directory means running uncached, with a warning.
- **Per file, and bounded, for folders** (tested in tests/test_cache_incremental.py). The image pass of a folder
  audited again after files were added, changed or removed takes the unchanged files' rows from the folder's previous
  pass with the same settings (matched by the same per-file token the fingerprint hashes) and computes only the
  others, giving what a cold run gives; the previous pass's shards are then removed (:class:`Lineage`), and so are
  the global steps' entries of the folder's earlier state as this state's are stored (:meth:`Lineage.supersede`;
  tested in tests/test_cache_bounded.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import numpy as np

logger = logging.getLogger("dataquality")

FORMAT_VERSION = "2"
# a temporary file or folder older than this was left by a killed run (a write takes seconds), not one in progress
STALE_TMP_S = 24 * 3600


def default_cache_dir() -> Path:
    return Path(os.environ.get("DQ_CACHE_DIR", Path.home() / ".cache" / "dataquality"))


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 24), b""):
            h.update(chunk)
    return h.hexdigest()


def _remove_tree(path: Path) -> None:
    """Move ``path`` aside (one atomic rename) and delete it; readers never see half a folder."""
    trash = path.with_name(f".trash-{path.name}-{uuid.uuid4().hex[:8]}")
    try:
        os.rename(path, trash)
    except OSError:
        return
    shutil.rmtree(trash, ignore_errors=True)


class Store:
    """Entries keyed by a hex digest under ``root`` (``None``: a store that keeps nothing)."""

    def __init__(self, root: Path | None, memory: bool = True):
        self.root = root
        # whether results may also be kept in memory for reuse (compute/_reuse.py); False with
        # cache_dir=False, where every call computes
        self.memory = memory

    @classmethod
    def open(cls, cache_dir) -> "Store":
        """``cache_dir``: a folder, ``None`` for the default (``$DQ_CACHE_DIR`` or
        ``~/.cache/dataquality``), or ``False`` for no cache."""
        if cache_dir is False:
            return cls(None, memory=False)
        root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        try:
            root.mkdir(parents=True, exist_ok=True)
            fd, probe = tempfile.mkstemp(prefix=".probe-", dir=root)
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            logger.warning("The cache directory %s cannot be written (%s); running without a cache. "
                           "Pass cache_dir= a writable folder, or cache_dir=False to silence this.", root, exc)
            return cls(None)
        store = cls(root / f"v{FORMAT_VERSION}")
        store.sweep_leftovers()
        return store

    def sweep_leftovers(self, older_than_s: float = STALE_TMP_S) -> int:
        """Remove what killed runs left behind (a ``.tmp-*`` file or folder half written, a ``.trash-*`` folder half
        deleted) once it is older than ``older_than_s``: nothing else ever would. A younger one may be a concurrent
        audit's write in progress, so it stays. Returns how many were removed."""
        import time

        if self.root is None or not self.root.is_dir():
            return 0
        cutoff, removed = time.time() - older_than_s, 0
        for pattern in (".tmp-*", ".trash-*", "*/.tmp-*"):
            for p in self.root.glob(pattern):
                try:
                    if p.lstat().st_mtime >= cutoff:
                        continue
                    if p.is_dir() and not p.is_symlink():
                        shutil.rmtree(p, ignore_errors=True)
                    else:
                        p.unlink()
                    removed += 1
                except OSError:
                    pass
        return removed

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def path(self, key: str) -> Path:
        return self.root / key

    # -- whole entries: named arrays, or one file of bytes ------------------------------
    def load(self, key: str) -> dict | None:
        """``{"arrays": {name: ndarray}, "info": dict}``, or None when absent or not verified."""

        def read(entry: Path, meta: dict) -> dict:
            arrays = {}
            for name, digest in meta["files"].items():
                f = entry / f"{name}.npy"
                if sha256_file(f) != digest:
                    raise ValueError(f"{name}.npy does not match its checksum")
                arrays[name] = np.load(f, allow_pickle=False)
            return {"arrays": arrays, "info": meta.get("info", {})}

        return self._read_entry(key, read)

    def save(self, key: str, arrays: dict, info: dict | None = None, replace: bool = False) -> None:
        """Store named arrays under ``key``; ``replace``: an entry already there is replaced (a pointer that moves,
        such as a folder's latest image pass, ``Lineage``), not kept."""

        def write(tmp: Path) -> dict:
            files = {}
            for name, arr in arrays.items():
                f = tmp / f"{name}.npy"
                np.save(f, np.asarray(arr), allow_pickle=False)
                files[name] = sha256_file(f)
            return {"files": files, "info": info or {}}

        self._write_entry(key, write, replace)

    def save_file(self, key: str, filename: str, data: bytes, info: dict | None = None) -> None:
        """Store ``data`` as ``<key>/<filename>`` (checksummed, atomic like :meth:`save`): a file
        another program can open, such as an exported ``.onnx`` model."""

        def write(tmp: Path) -> dict:
            (tmp / filename).write_bytes(data)
            return {"blobs": {filename: hashlib.sha256(data).hexdigest()}, "info": info or {}}

        self._write_entry(key, write)

    def load_file(self, key: str, filename: str) -> bytes | None:
        """The bytes stored by :meth:`save_file`, or None when absent or not verified (then removed)."""

        def read(entry: Path, meta: dict) -> bytes:
            data = (entry / filename).read_bytes()
            if hashlib.sha256(data).hexdigest() != meta["blobs"][filename]:
                raise ValueError(f"{filename} does not match its checksum")
            return data

        return self._read_entry(key, read)

    def _read_entry(self, key: str, read):
        """``read(entry, meta)`` of a stored entry; None when absent, and when ``read`` fails (a file
        missing or not matching its checksum) the entry is removed so that it is recomputed."""
        if self.root is None:
            return None
        entry = self.path(key)
        meta_path = entry / "meta.json"
        if not meta_path.is_file():
            return None
        try:
            return read(entry, json.loads(meta_path.read_text()))
        except FileNotFoundError:
            if not meta_path.is_file():  # removed whole as it was read (another audit's, superseding it): absent
                return None
            logger.warning("Cache entry %s is missing a file; recomputing it.", entry)
            _remove_tree(entry)
            return None
        except Exception as exc:
            logger.warning("Cache entry %s failed verification (%s); recomputing it.", entry, exc)
            _remove_tree(entry)
            return None

    def info(self, key: str) -> dict | None:
        """What was stored with the entry ``key`` (``info=``), read from its meta.json alone (its files are neither
        read nor verified): a record's pointer. None when absent."""
        if self.root is None:
            return None
        try:
            return json.loads((self.path(key) / "meta.json").read_text()).get("info", {})
        except (OSError, ValueError):
            return None

    def latest(self, slot: str, name: str) -> str | None:
        """The entry recorded as the latest ``name`` in the pointer entry ``slot`` (:meth:`repoint`); None if none."""
        return (self.info(slot) or {}).get("keys", {}).get(name)

    def repoint(self, slot: str, name: str, key: str) -> str | None:
        """Record the entry ``key`` as the latest ``name`` in the pointer entry ``slot``, and remove the entry it
        replaces there, unless another name of the slot still points at it; returns the removed key (None where
        there was none). The one mechanism that keeps what is stored per folder bounded: a newer state's entry
        supersedes the earlier state's (:meth:`Lineage.supersede`, the calibration's copies)."""
        keys = dict((self.info(slot) or {}).get("keys", {}))
        old = keys.get(name)
        if old == key:
            return None
        keys[name] = key
        self.save(slot, {}, {"keys": keys}, replace=True)
        if old and old not in keys.values():
            self.remove(old)
            return old
        return None

    def remove(self, key: str) -> None:
        """Remove the entry ``key`` (nothing when absent): readers see all of it or none."""
        if self.root is not None:
            _remove_tree(self.path(key))

    def _write_entry(self, key: str, write, replace: bool = False) -> None:
        """Store an entry atomically: ``write(tmp)`` fills a fresh temporary folder and returns the
        meta.json contents; the folder is then renamed into place (``replace``: the entry there is set aside
        first). A failed write is a warning."""
        if self.root is None:
            return
        entry = self.path(key)
        tmp = self.root / f".tmp-{key}-{uuid.uuid4().hex[:12]}"
        try:
            tmp.mkdir(parents=True)
            (tmp / "meta.json").write_text(json.dumps(write(tmp)))
            if replace:
                _remove_tree(entry)
            try:
                os.rename(tmp, entry)
            except OSError:  # another process stored the same entry first: keep theirs
                if entry.is_dir() and not (entry / "meta.json").is_file():
                    # not theirs but a broken one (its meta.json lost): set aside, then ours takes its place; left,
                    # every later run would compute the value again and never store it
                    trash = self.root / f".trash-{key}-{uuid.uuid4().hex[:12]}"
                    try:
                        os.rename(entry, trash)
                        shutil.rmtree(trash, ignore_errors=True)
                        os.rename(tmp, entry)
                    except OSError:
                        pass
                shutil.rmtree(tmp, ignore_errors=True)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            logger.warning("Could not write the cache entry %s (%s); continuing without it.", entry, exc)
        except BaseException:  # Ctrl-C mid-write: leave no half-written folder behind, which nothing would remove
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    # -- shards of a per-example map ---------------------------------------------------
    def shards(self, key: str, n: int, shard_rows: int) -> "ShardSet":
        """The shards of the image pass ``key``; where the pass is over files, they reuse the results of the unchanged
        files from the same folder's previous pass with the same settings (see :class:`Lineage`)."""
        return ShardSet(None if self.root is None else str(self.path(key)), n, shard_rows)


class ShardSet:
    """The output of a per-example map, one Parquet file per fixed range of rows.

    ``location`` is a local folder or a URI any node of a cluster can write to (``s3://...``);
    ``None`` keeps the shards in memory. File names carry their row range, so a rerun knows
    which shards are complete and computes only the others (resume by shard).
    """

    def __init__(self, location: str | None, n: int, shard_rows: int):
        self.location = location
        self.n = int(n)
        self.shard_rows = max(1, int(shard_rows))
        self._memory: dict[int, object] = {}  # shards held here: no location, or one that could not be written
        self._warned = False
        # the previous pass over the same folder (set by attach_lineage, on the driver only): where its results
        # are taken from for the rows whose files are unchanged
        self.lineage: "Lineage | None" = None
        # shard -> (its rows already computed by the previous pass, their rows there), for the shards that have
        # rows left to compute; those rows are merged in when the shard is written (:meth:`write`)
        self._known: dict[int, tuple] = {}
        self._reused = None  # the previous pass's shards (a ShardSet) the known rows are read from
        self._reused_tables: dict = {}  # the last of them read (here, never pickled)
        self._taken: dict = {}  # shard -> its rows from the previous pass, where it also computes rows (see reuse)
        self._todo_rows: dict = {}
        self._seeded = False
        self._read_ok: set[int] = set()

    def __getstate__(self):  # what a Ray actor needs to write shards: no dataset, no tables read here
        state = dict(self.__dict__)
        state["lineage"], state["_reused_tables"] = None, {}
        if state["_reused"] is not None:
            state["_reused"] = ShardSet(self._reused.location, self._reused.n, self._reused.shard_rows)
        return state

    @property
    def n_shards(self) -> int:
        return (self.n + self.shard_rows - 1) // self.shard_rows

    def _range(self, k: int) -> range:
        return range(k * self.shard_rows, min(self.n, (k + 1) * self.shard_rows))

    def rows(self, k: int):
        """The rows of shard ``k`` a backend must compute: all of them, but for those a previous pass of the same
        files holds (:class:`Lineage`), which :meth:`write` adds to the shard."""
        if k in self._known:
            if k not in self._todo_rows:
                known = set(self._known[k][0].tolist())
                self._todo_rows[k] = [r for r in self._range(k) if r not in known]
            return self._todo_rows[k]
        return self._range(k)

    def name(self, k: int) -> str:
        r = self._range(k)
        return f"rows-{r.start:010d}-{r.stop:010d}.parquet"

    def _fs(self):
        from pyarrow import fs

        from ..data import is_uri

        if is_uri(self.location):
            return fs.FileSystem.from_uri(self.location)
        return fs.LocalFileSystem(), self.location

    def complete(self) -> set[int]:
        """Shards whose file exists with the right number of rows (content is verified on read)."""
        if self.location is None:
            return set(self._memory)
        import pyarrow.parquet as pq
        from pyarrow import fs

        done = set(self._memory) | self._complete_on_disk(pq, fs)
        if self.lineage is not None and not self._seeded and len(done) < self.n_shards:
            self._seeded = True  # once: a second look finds the shards it wrote
            done |= self.lineage.seed(self, done)
        return done

    def _complete_on_disk(self, pq, fs) -> set[int]:
        filesystem, base = self._fs()
        try:
            infos = filesystem.get_file_info(fs.FileSelector(base, allow_not_found=True))
        except Exception:
            return set()
        names = {Path(i.path).name for i in infos}
        done = set()
        for k in range(self.n_shards):
            if self.name(k) in names:
                try:
                    with filesystem.open_input_file(f"{base}/{self.name(k)}") as fh:
                        if pq.ParquetFile(fh).metadata.num_rows == len(self._range(k)):
                            done.add(k)
                except Exception:
                    pass
        return done

    def write(self, k: int, table) -> None:
        if k in self._known:  # the rows the previous pass holds, merged in: the shard is whole
            table = self._merge(k, table)
        if self.location is None:
            self._memory[k] = table
            return
        import pyarrow.parquet as pq
        from pyarrow import fs

        filesystem, base = self._fs()
        final = f"{base}/{self.name(k)}"
        if isinstance(filesystem, fs.LocalFileSystem):
            tmp = f"{base}/.tmp-{uuid.uuid4().hex[:12]}-{self.name(k)}"
            try:
                filesystem.create_dir(base, recursive=True)
                pq.write_table(table, tmp, filesystem=filesystem, write_page_checksum=True)
                filesystem.move(tmp, final)  # a rename: readers see the whole shard or none of it
            except OSError as exc:  # a full or failing cache disk: the shard is kept here, the audit goes on
                self._memory[k] = table
                try:
                    filesystem.delete_file(tmp)
                except Exception:
                    pass
                if not self._warned:
                    self._warned = True
                    logger.warning("Could not write the image pass's shards to the cache %s (%s); keeping them in "
                                   "memory for this audit.", base, exc.strerror or exc)
            except BaseException:  # Ctrl-C mid-write: no half-written file left in the cache for good
                try:
                    filesystem.delete_file(tmp)
                except Exception:
                    pass
                raise
        else:  # object stores publish a whole object at once
            filesystem.create_dir(base, recursive=True)
            pq.write_table(table, final, filesystem=filesystem, write_page_checksum=True)

    def read(self, k: int):
        """The shard's table, or None if it is missing or fails verification (then it is deleted)."""
        table = self._read(k)
        if table is not None and self.lineage is not None:
            self._read_ok.add(k)
            if len(self._read_ok) == self.n_shards:  # the whole pass is here: the folder's latest
                lineage, self.lineage = self.lineage, None
                try:
                    lineage.settle(self)
                except Exception as exc:  # the record is a saving for next time: never worth failing this audit
                    logger.warning("Could not record the folder's image pass in the cache (%s); the next audit "
                                   "after files change reads every image.", exc)
        return table

    def _read(self, k: int):
        if self.location is None or k in self._memory:
            return self._memory.get(k)
        import pyarrow.parquet as pq

        filesystem, base = self._fs()
        path = f"{base}/{self.name(k)}"
        try:
            table = pq.read_table(path, filesystem=filesystem, page_checksum_verification=True)
            if table.num_rows != len(self._range(k)):
                raise ValueError("row count mismatch")
            return table
        except FileNotFoundError:
            return None
        except Exception as exc:
            logger.warning("Shard %s failed verification (%s); recomputing it.", path, exc)
            try:
                filesystem.delete_file(path)
            except Exception:
                pass
            return None

    # -- rows reused from a previous pass ----------------------------------------------
    def reuse(self, previous: "ShardSet", new_rows: np.ndarray, old_rows: np.ndarray) -> set[int]:
        """Take rows ``new_rows`` of this pass from rows ``old_rows`` of ``previous`` (the same files, unchanged):
        the shards made of such rows alone are written now (returned), the others compute only their other rows.

        Each of ``previous``'s shards is read once, here: a shard made of reused rows alone is written as soon as
        they are all read; the rows of a shard that also computes rows are held till it is written, so that another
        audit settling its pass (removing this previous one) cannot take them away in between."""
        import pyarrow as pa

        order = np.argsort(new_rows, kind="stable")
        new_rows, old_rows = new_rows[order], old_rows[order]
        shard_of = new_rows // self.shard_rows
        need = {}
        for k in np.unique(shard_of).tolist():
            at = shard_of == k
            self._known[k] = (new_rows[at], old_rows[at])
            need[k] = int(at.sum())
        self._reused = previous
        held: dict[int, list] = {}
        written = set()
        for j in np.unique(old_rows // previous.shard_rows).tolist():
            t = previous.read(j)
            if t is None:
                raise RuntimeError(f"its shard {previous.name(j)} could not be read back from {previous.location}")
            at = np.flatnonzero(old_rows // previous.shard_rows == j)
            part = t.take(pa.array(old_rows[at] - j * previous.shard_rows))
            part = part.set_column(part.column_names.index("row"), "row", pa.array(new_rows[at]))
            for k in np.unique(shard_of[at]).tolist():
                held.setdefault(k, []).append(part.filter(pa.array(shard_of[at] == k)))
                if sum(p.num_rows for p in held[k]) < need[k]:
                    continue
                self._taken[k] = pa.concat_tables(held.pop(k))
                if need[k] == len(self._range(k)):  # whole: written now (its rows leave memory with it)
                    self.write(k, None)
                    written.add(k)
        return written

    def _merge(self, k: int, table):
        """Shard ``k``'s computed rows (``table``, None where none) and those the previous pass holds, in row order."""
        import pyarrow as pa

        new_rows, old_rows = self._known[k]
        prev = self._reused
        parts, starts = [], old_rows // prev.shard_rows
        if k in self._taken:  # taken when the pass began (see reuse); a shard written again (its file failed
            parts, starts = [self._taken.pop(k)], starts[:0]  # verification on reading) reads them back below
        for j in np.unique(starts).tolist():
            t = self._reused_tables.get(j)
            if t is None:
                t = prev.read(j)
                self._reused_tables = {j: t}
            if t is None:
                raise RuntimeError(f"the previous image pass's shard {prev.name(j)} could not be read back from "
                                   f"{prev.location}; run the audit again (those images are then read afresh)")
            at = starts == j
            part = t.take(pa.array(old_rows[at] - j * prev.shard_rows))
            parts.append(part.set_column(part.column_names.index("row"), "row", pa.array(new_rows[at])))
        if table is not None and table.num_rows:  # Parquet names a list's item "element": the same schema as read
            parts.append(table.select(parts[0].column_names).cast(parts[0].schema) if parts else table)
        merged = pa.concat_tables(parts)
        return merged.take(pa.array(np.argsort(merged["row"].to_numpy(), kind="stable")))


def _row_digests(ds) -> np.ndarray:
    """N x 16 bytes: a digest of each row's token (a file's path, size, modification and change times, inode)."""
    import hashlib

    src = ds._source
    out = np.empty((len(ds), 16), dtype=np.uint8)
    for i, j in enumerate(np.asarray(ds._index, dtype=np.int64).tolist()):
        out[i] = np.frombuffer(hashlib.blake2b(src.token(j), digest_size=16).digest(), dtype=np.uint8)
    return out


def _lineage_id(ds) -> str | None:
    """What makes two passes passes over the same folder: its root, else the folder its files share; None for
    other sources (arrays, a user's dataset object), whose tokens are not cheap to take."""
    if not getattr(ds._source, "cheap_tokens", False) or ds._source.paths is None:
        return None
    if ds.root is not None:
        return str(ds.root)
    paths = [str(p) for p in ds.paths]
    if not paths or any(is_uri_path(p) for p in paths):
        return None
    try:
        return os.path.commonpath(paths)
    except ValueError:
        return None


def is_uri_path(p: str) -> bool:
    from ..data import is_uri

    return is_uri(p)


class Lineage:
    """The latest image pass over a folder with given settings, so that the next one reads only what changed.

    A record in the store, under a key made of the pass's settings (embedder, decoding scale, version: all but
    the data) and the folder, names where that pass's shards are, with a digest of each row's file token (the same
    token the fingerprint hashes: path, size, modification and change times, inode) and each row's path. A new pass
    over the folder (files added, changed or removed) takes the rows whose digest it finds there from those shards
    (:meth:`seed`) and computes only the others; once it is whole it becomes the record (:meth:`settle`), and the
    previous pass's shards are removed, unless they hold files the new pass left out that are still there (the new
    pass was over a part of the folder: a clean subset).
    """

    def __init__(self, store: "Store", dataset, memo: str, folder: str, location: str | None = None):
        self.store, self.dataset = store, dataset
        self.key = hashlib.sha256(json.dumps(["lineage", memo, folder]).encode()).hexdigest()[:32]
        self.location = location  # where this pass's shards are
        self._digests = None

    def digests(self) -> np.ndarray:
        if self._digests is None:
            self._digests = _row_digests(self.dataset)
        return self._digests

    def _record(self):
        hit = self.store.load(self.key)
        if hit is None or "location" not in hit["info"]:
            return None
        return hit

    def seed(self, shards: ShardSet, done: set[int]) -> set[int]:
        """Give ``shards`` the rows the folder's previous pass holds (not those of shards ``done``); the shards
        written whole from them."""
        rec = self._record()
        if rec is None or rec["info"]["location"] == shards.location:
            return set()
        old = rec["arrays"]["digests"]
        info = rec["info"]
        prev = ShardSet(info["location"], info["n"], info["shard_rows"])
        if len(prev.complete()) < prev.n_shards:
            return set()
        pos = {bytes(d): r for r, d in enumerate(old)}
        new_rows, old_rows = [], []
        for r, d in enumerate(self.digests()):
            j = pos.get(bytes(d))
            if j is not None and r // shards.shard_rows not in done:
                new_rows.append(r)
                old_rows.append(j)
        if not new_rows:
            return set()
        logger.info("image pass: %d of %d images unchanged since the folder's last pass; reading the other %d",
                     len(new_rows), shards.n, shards.n - len(new_rows))
        try:
            return shards.reuse(prev, np.asarray(new_rows, dtype=np.int64), np.asarray(old_rows, dtype=np.int64))
        except Exception as exc:  # the previous shards unreadable: every image is read, as without them
            logger.warning("Could not reuse the folder's previous image pass (%s); reading every image.", exc)
            shards._known.clear()
            shards._reused, shards._taken = None, {}
            return set()

    def settle(self, shards: ShardSet) -> None:
        """``shards`` (whole) become the folder's latest pass; the previous one's are removed where it superseded."""
        rec = self._record()
        if rec is not None and rec["info"]["location"] == shards.location:
            return
        paths = [str(p) for p in self.dataset.paths]
        if rec is not None:
            old_paths = bytes(rec["arrays"]["paths"]).decode("utf-8", "surrogateescape").split("\0")
            ours = set(paths)
            left_out = [p for p in old_paths if p and p not in ours]
            if any(is_uri_path(p) or os.path.lexists(p) for p in left_out):
                return  # a part of the folder (a subset): the whole folder's pass stays the latest
        blob = "\0".join(paths).encode("utf-8", "surrogateescape")
        self.store.save(self.key, {"digests": self.digests(), "paths": np.frombuffer(blob, dtype=np.uint8)},
                        {"location": shards.location, "n": shards.n, "shard_rows": shards.shard_rows}, replace=True)
        old = None if rec is None else rec["info"]["location"]
        if old and not is_uri_path(old) and self.store.root is not None and \
                Path(old).parent == self.store.root and Path(old).is_dir():
            logger.info("image pass: removing the folder's previous pass from the cache (%s)", old)
            _remove_tree(Path(old))


    def supersede(self, ctx, name: str) -> None:
        """The entry of intermediate ``name`` just stored for this pass's data (``ctx.key(name)``: a global step's,
        keyed by the whole folder's fingerprint) becomes the folder's latest with its settings, and the one it
        supersedes (an earlier state of the folder) is removed, where this pass is the folder's latest (not a part
        of it, such as a clean subset, nor an older state another audit has already superseded). An audit still
        running on the earlier state that asks for the removed entry finds it absent and computes it again."""
        try:
            if self.location is None or (self.store.info(self.key) or {}).get("location") != self.location:
                return
            ident = json.dumps(["entry-slot", self.key, ctx.key_parts(name, settings_only=True)], sort_keys=True,
                               default=repr)
            slot = hashlib.sha256(ident.encode()).hexdigest()[:32]
            if self.store.repoint(slot, name, ctx.key(name)):
                logger.info("%s: removed the folder's previous entry from the cache", name)
        except Exception as exc:  # a saving for next time: never worth failing this audit
            logger.warning("Could not record the folder's %s in the cache (%s); its earlier entries stay.", name, exc)


def attach_lineage(store: Store, shards: "ShardSet", ds, memo: str) -> "Lineage | None":
    """Give ``shards``, the image pass of ``ds`` whose in-process identity is ``memo`` (``_reuse.memo_key``), the
    :class:`Lineage` of that folder's previous pass, where it is a pass over files of one folder with a cache to keep
    the record in; returns it (None where none)."""
    if store.root is None or shards.location is None:
        return None
    if len(ds) != shards.n:
        return None
    folder = _lineage_id(ds)
    if folder is None:
        return None
    shards.lineage = Lineage(store, ds, memo, folder, shards.location)
    return shards.lineage
