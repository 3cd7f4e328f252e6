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

    def save(self, key: str, arrays: dict, info: dict | None = None) -> None:
        def write(tmp: Path) -> dict:
            files = {}
            for name, arr in arrays.items():
                f = tmp / f"{name}.npy"
                np.save(f, np.asarray(arr), allow_pickle=False)
                files[name] = sha256_file(f)
            return {"files": files, "info": info or {}}

        self._write_entry(key, write)

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
        except Exception as exc:
            logger.warning("Cache entry %s failed verification (%s); recomputing it.", entry, exc)
            _remove_tree(entry)
            return None

    def _write_entry(self, key: str, write) -> None:
        """Store an entry atomically: ``write(tmp)`` fills a fresh temporary folder and returns the
        meta.json contents; the folder is then renamed into place. A failed write is a warning."""
        if self.root is None:
            return
        entry = self.path(key)
        tmp = self.root / f".tmp-{key}-{uuid.uuid4().hex[:12]}"
        try:
            tmp.mkdir(parents=True)
            (tmp / "meta.json").write_text(json.dumps(write(tmp)))
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

    @property
    def n_shards(self) -> int:
        return (self.n + self.shard_rows - 1) // self.shard_rows

    def rows(self, k: int) -> range:
        return range(k * self.shard_rows, min(self.n, (k + 1) * self.shard_rows))

    def name(self, k: int) -> str:
        r = self.rows(k)
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

        if self._memory:
            return set(self._memory) | self._complete_on_disk(pq, fs)
        return self._complete_on_disk(pq, fs)

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
                        if pq.ParquetFile(fh).metadata.num_rows == len(self.rows(k)):
                            done.add(k)
                except Exception:
                    pass
        return done

    def write(self, k: int, table) -> None:
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
        if self.location is None or k in self._memory:
            return self._memory.get(k)
        import pyarrow.parquet as pq

        filesystem, base = self._fs()
        path = f"{base}/{self.name(k)}"
        try:
            table = pq.read_table(path, filesystem=filesystem, page_checksum_verification=True)
            if table.num_rows != len(self.rows(k)):
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
