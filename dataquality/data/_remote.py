"""Manifests and images behind URIs (``s3://``, ``gs://``, ``hdfs://``, ``file://``), read through
pyarrow's filesystems, which ship with pyarrow and find credentials the usual way (environment,
instance profile, ``~/.aws``). Nothing is listed: a manifest names every object, so a bucket of
a hundred million images costs no listing calls.
"""

from __future__ import annotations

import io
import posixpath
from urllib.parse import quote, unquote

import numpy as np

from .._errors import DataFormatError, MissingDependencyError
from ._images import LoadedImage, decode_image_bytes

# the largest object read as one image (the same bound as for local files would be, 256 MiB)
MAX_OBJECT_BYTES = 256 * 2 ** 20


def _filesystem(uri: str):
    try:
        from pyarrow import fs
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise MissingDependencyError("Reading URIs needs pyarrow: pip install pyarrow") from exc
    try:
        return fs.FileSystem.from_uri(uri)
    except Exception as exc:
        raise DataFormatError(
            f"Cannot open {uri!r}: {type(exc).__name__}: {exc}. Expected a URI pyarrow can read "
            "(s3://bucket/key, gs://bucket/key, hdfs://..., file:///abs/path)."
        ) from exc


def read_uri_bytes(uri: str, max_bytes: int = MAX_OBJECT_BYTES) -> tuple[bytes | None, str | None]:
    """``(bytes, None)`` or ``(None, reason)``; never raises."""
    try:
        fsys, path = _filesystem(uri)
        with fsys.open_input_stream(path) as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        return None, "file missing"
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "not found" in reason.lower() or "does not exist" in reason.lower():
            return None, "file missing"
        return None, f"cannot read object: {reason}"
    if not data:
        return None, "empty file (0 bytes)"
    if len(data) > max_bytes:
        return None, f"refused: larger than {max_bytes:,} bytes"
    return bytes(data), None


def read_uri_image(uri: str, min_size=None) -> LoadedImage:
    data, error = read_uri_bytes(uri)
    if data is None:
        return LoadedImage(None, error)
    return decode_image_bytes(data, min_size=min_size)


def _read_uri_table(uri: str):
    import pandas as pd

    fsys, path = _filesystem(uri)
    try:
        with fsys.open_input_file(path) as fh:
            raw = fh.read()
    except Exception as exc:
        raise DataFormatError(f"Could not read the manifest {uri}: {type(exc).__name__}: {exc}") from exc
    if uri.lower().endswith((".parquet", ".pq")):
        return pd.read_parquet(io.BytesIO(raw))
    sep = "\t" if uri.lower().endswith(".tsv") else ","
    return pd.read_csv(io.BytesIO(raw), sep=sep, dtype=object, keep_default_na=False, na_values=[""])


def resolve_uri(base: str, value: str) -> str | None:
    """``value`` (relative to ``base``, or an absolute URI) if it stays under ``base``, else None.

    A relative value is a path as it is written (``my cat.png``, ``x#1.png``, ``100%.png``): it is
    percent-encoded as it joins the URI, which pyarrow decodes back to the object's name. Joined raw,
    a space made the URI unparsable and a ``#`` or ``%`` named another object: fine images read as
    unreadable."""
    value = str(value)
    if "://" in value:
        scheme, rest = value.split("://", 1)
        full = f"{scheme}://{posixpath.normpath(rest)}"
    else:
        scheme, rest = base.split("://", 1)
        full = f"{scheme}://{posixpath.normpath(posixpath.join(rest, quote(value, safe='/')))}"
    prefix = base.rstrip("/") + "/"
    return full if full.startswith(prefix) else None


def from_uri(uri: str, labels):
    """A CSV/Parquet manifest at a URI: one row per image, paths relative to the manifest's folder."""
    from ._adapters import LABEL_COLUMNS, PATH_COLUMNS, _labels_array, _pick_column
    from ._dataset import Dataset
    from ._sources import FileSource

    if not uri.lower().endswith((".csv", ".tsv", ".parquet", ".pq")):
        raise DataFormatError(
            f"Expected a CSV or Parquet manifest at {uri!r} (a remote folder is not listed: write a manifest "
            "with a path column, one row per image).")
    table = _read_uri_table(uri)
    cols = list(table.columns)
    path_col = _pick_column(cols, PATH_COLUMNS, "path")
    if isinstance(labels, str) and labels in cols:
        lab = table[labels].tolist()
    elif labels is None:
        label_col = _pick_column(cols, LABEL_COLUMNS, "label", required=False)
        lab = table[label_col].tolist() if label_col else [None] * len(table)
    else:
        lab = _labels_array(labels, len(table))
    base = uri.rsplit("/", 1)[0]
    uris, ids, refused = [], [], []
    for row, value in enumerate(table[path_col].tolist()):
        full = resolve_uri(base, value) if isinstance(value, str) and value.strip() else None
        if full is None:
            refused.append((row, value))
            continue
        uris.append(full)
        ids.append(unquote(full[len(base) + 1:]))  # the name as the manifest writes it
    if refused:
        shown = "; ".join(f"row {r}: {v!r}" for r, v in refused[:5])
        raise DataFormatError(
            f"{len(refused)} path(s) in {uri} are empty or resolve outside the manifest's folder {base}/ "
            f"({shown}). Make the paths relative to the manifest's folder.")
    if len(set(ids)) != len(ids):
        raise DataFormatError(f"The manifest {uri} lists the same object more than once; expected unique paths.")
    ds = Dataset("image", ids, lab, FileSource(uris), np.arange(len(ids)))
    ds.findings["layout"] = f"manifest ({uri})"
    return ds
