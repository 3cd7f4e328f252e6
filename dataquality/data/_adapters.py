"""``as_dataset``: every input form in DESIGN.md becomes a :class:`Dataset`."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import DataFormatError
from ._dataset import Dataset
from ._images import IMAGE_EXTENSIONS
from ._sources import EmbeddingSource, FileSource, ImageListSource, TabularSource, TextSource, TorchSource, array_token, is_uri

logger = logging.getLogger("dataquality")

PATH_COLUMNS = ("path", "filepath", "file_path", "file", "filename", "image", "image_path", "img")
TEXT_COLUMNS = ("text", "sentence", "content", "document", "review", "body")
LABEL_COLUMNS = ("label", "labels", "class", "target", "y", "category")
MANIFEST_SUFFIXES = (".csv", ".tsv", ".parquet", ".pq")


def as_dataset(data, labels=None, *, root=None, modality: str | None = None, kind: str | None = None) -> Dataset:
    """Turn any supported input into a :class:`Dataset`.

    Parameters
    ----------
    data : folder path, CSV/Parquet manifest path, DataFrame, torch Dataset, numpy array,
        list of PIL images, list of strings, or a Dataset (returned as is).
    labels : column name, array-like, or path to a ``path,label`` CSV, optional
        An empty label means missing.
    root : folder that relative paths in a manifest or DataFrame resolve against.
    modality, kind : force how the data is read: ``"image"``, ``"text"``, ``"tabular"``, or
        ``"embeddings"`` (an ``N x D`` array or memmap of precomputed vectors, used as they are).

    Examples
    --------
    >>> import numpy as np, dataquality as dq
    >>> ds = dq.as_dataset(np.zeros((4, 8, 8), dtype=np.uint8), labels=[0, 1, 0, None])
    >>> ds.modality, ds.ids[:2], int(ds.missing_label_mask.sum())
    ('image', ['0', '1'], 1)
    """
    if kind is not None:
        if modality is not None and modality != kind:
            raise DataFormatError(f"kind={kind!r} and modality={modality!r} disagree; pass one of them.")
        modality = kind
    if modality is not None and modality not in ("image", "text", "tabular", "embeddings"):
        raise DataFormatError(
            f"Expected kind 'image', 'text', 'tabular' or 'embeddings' (or None to infer it) but got {modality!r}.")
    if isinstance(data, Dataset):
        if labels is not None:
            return data.with_labels(_labels_array(labels, len(data)))
        return data
    if isinstance(data, str) and is_uri(data):
        from ._remote import from_uri

        return from_uri(data, labels)
    if modality == "embeddings":
        return _from_embeddings(data, labels)
    if type(data).__module__.startswith("ray.data"):
        from ._ray_input import from_ray_dataset

        return from_ray_dataset(data, labels)
    if isinstance(data, (str, os.PathLike)):
        p = Path(data)
        if not _input_exists(p):
            raise DataFormatError(f"{p} does not exist. Expected a folder of images or a CSV/Parquet manifest.")
        if p.is_dir():
            return _from_folder(p, labels)
        if p.suffix.lower() in MANIFEST_SUFFIXES:
            return _from_manifest(p, labels, root)
        raise DataFormatError(
            f"Expected a folder or a manifest ({', '.join(MANIFEST_SUFFIXES)}) but got the file {p}."
        )
    if isinstance(data, pd.DataFrame):
        return _from_dataframe(data, labels, Path(root) if root else Path.cwd(), modality)
    if isinstance(data, np.ndarray):
        return _from_array(data, labels, modality)
    try:
        import torch.utils.data as tud

        if isinstance(data, tud.Dataset):
            return _from_torch(data, labels)
    except ImportError:  # pragma: no cover
        pass
    if isinstance(data, (list, tuple)):
        if len(data) == 0:
            raise DataFormatError("The dataset is empty. Expected at least one example.")
        from PIL import Image

        if all(isinstance(x, Image.Image) for x in data):
            return _from_pil_list(list(data), labels)
        if all(isinstance(x, str) for x in data):
            if all(Path(x).suffix.lower() in IMAGE_EXTENSIONS for x in data) and any(Path(x).exists() for x in data):
                df = pd.DataFrame({"path": list(data)})
                return _from_dataframe(df, labels, Path(root) if root else Path.cwd(), "image")
            return _from_texts(list(data), labels)
        if all(isinstance(x, np.ndarray) for x in data):
            return _from_image_list(list(data), labels, "list")
        raise DataFormatError(
            "Expected a list of PIL images or a list of strings, but the list mixes types "
            f"({sorted({type(x).__name__ for x in data})})."
        )
    raise DataFormatError(
        f"Cannot read a dataset from {type(data).__name__}. Expected a folder, a CSV/Parquet manifest, "
        "a pandas DataFrame, a torch Dataset, a numpy array, a list of PIL images or a list of strings."
    )


def _input_exists(p: Path) -> bool:
    try:
        return p.exists()
    except (OSError, ValueError) as exc:  # a name longer than the system allows, a NUL byte
        reason = getattr(exc, "strerror", None) or str(exc)
        raise DataFormatError(f"Cannot use {str(p)[:200]!r}{' ...' if len(str(p)) > 200 else ''} as a dataset "
                              f"path: {reason}. Expected an existing folder or manifest.") from None


# -- labels ---------------------------------------------------------------------------
def _labels_array(labels, n: int) -> list:
    if isinstance(labels, (str, os.PathLike)) and Path(labels).suffix.lower() in MANIFEST_SUFFIXES:
        if not Path(labels).is_file():
            raise DataFormatError(f"The labels file {labels} does not exist. Expected a CSV with path,label columns.")
        raise DataFormatError("A labels file goes with a folder of images: as_dataset(folder, labels='labels.csv').")
    arr = list(np.asarray(labels, dtype=object).ravel()) if not isinstance(labels, (list, tuple)) else list(labels)
    if len(arr) != n:
        raise DataFormatError(f"Expected {n} labels (one per example) but got {len(arr)}.")
    return arr


def _pick_column(columns, candidates, what: str, given=None, required=True):
    if given is not None:
        if given not in columns:
            raise DataFormatError(f"Column {given!r} not found. Available columns: {list(columns)}.")
        return given
    lower = {str(c).lower(): c for c in columns}
    for c in candidates:
        if c in lower:
            return lower[c]
    if required:
        raise DataFormatError(
            f"Could not find the {what} column. Expected one of {list(candidates)}; got columns {list(columns)}."
        )
    return None


def _read_table(path: Path) -> pd.DataFrame:
    try:
        if path.suffix.lower() in (".parquet", ".pq"):
            return pd.read_parquet(path)
        sep = "\t" if path.suffix.lower() == ".tsv" else ","
        return pd.read_csv(path, sep=sep, dtype=object, keep_default_na=False, na_values=[""],
                           encoding_errors="replace")
    except Exception as exc:
        raise DataFormatError(
            f"Could not read the table {path}: {type(exc).__name__}: {exc}. "
            "Expected a CSV with a header row (e.g. path,label) or a Parquet file."
        ) from exc


# -- images on disk -------------------------------------------------------------------
def _file_source(abs_paths: list[Path]) -> FileSource:
    return FileSource(abs_paths)


def _walk_folder(root: Path) -> tuple[list[Path], list[str]]:
    images, skipped = [], []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=lambda e: skipped.append(
            f"{e.filename}: {e.strerror}")):
        dirnames.sort()
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if name.startswith("."):
                skipped.append(str(p.relative_to(root)) + " (hidden)")
                continue
            if p.suffix.lower() in IMAGE_EXTENSIONS:
                images.append(p)
            else:
                skipped.append(str(p.relative_to(root)))
        # symlinked directories are not followed (loops); record them
        for d in list(dirnames):
            if (Path(dirpath) / d).is_symlink():
                skipped.append(str((Path(dirpath) / d).relative_to(root)) + " (symlinked folder, not followed)")
                dirnames.remove(d)
    return images, skipped


def _rel_id(p: Path, root: Path) -> str:
    """Path relative to the root; bytes that are not UTF-8 show as U+FFFD (the file path keeps them)."""
    rel = p.relative_to(root).as_posix()
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _unique(ids: list[str]) -> list[str]:
    """The ids, a repeat suffixed ``#2``, ``#3`` ... skipping any suffix that is itself an id in the list."""
    taken = set(ids)
    count: dict[str, int] = {}
    out = []
    for i in ids:
        if i not in count:
            count[i] = 1
            out.append(i)
            continue
        k = count[i]
        while True:
            k += 1
            candidate = f"{i}#{k}"
            if candidate not in taken:
                break
        count[i] = k
        taken.add(candidate)
        out.append(candidate)
    return out


def _from_folder(root: Path, labels) -> Dataset:
    root = root.resolve()
    if labels is not None and isinstance(labels, (str, os.PathLike)) and Path(labels).is_file():
        table = _read_table(Path(labels))
        return _from_dataframe(table, None, root, "image", label_col=None, source_name=str(labels))
    images, skipped = _walk_folder(root)
    if not images:
        raise DataFormatError(
            f"No image files found under {root} (looked for {', '.join(sorted(IMAGE_EXTENSIONS))}). "
            "Point to a folder laid out as root/<class>/<image> or root/<image> with a labels file."
        )
    ids = _unique([_rel_id(p, root) for p in images])
    if labels is None:
        nested = all(len(Path(i).parts) >= 2 for i in ids)
        lab = [Path(i).parts[0] if nested else None for i in ids]
        layout = "imagefolder" if nested else "flat (no labels)"
    else:
        lab = _labels_array(labels, len(ids))
        layout = "folder with labels array"
    ds = Dataset("image", ids, lab, _file_source(images), np.arange(len(ids)), root=root)
    ds.findings["skipped_files"] = skipped
    ds.findings["layout"] = layout
    if skipped:
        logger.info("Skipped %d non-image files under %s", len(skipped), root)
    return ds


def _inside(p: Path, root: Path) -> bool:
    return p == root or root in p.parents


def _with_escaped_bytes(value: str) -> str | None:
    r"""``caf\xe9.png`` -> the name with the byte 0xE9, as ``Dataset.to_manifest`` writes names that are not UTF-8."""
    raw = value.encode("utf-8", "surrogateescape")
    decoded = re.sub(rb"\\x([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
    return os.fsdecode(decoded) if decoded != raw else None


def _resolve_inside(root: Path, value: str) -> Path | None:
    """The file a manifest row names, or None when it lies outside ``root`` (the root is resolved).

    Outside means lexically (``../``, an absolute path elsewhere) or once symbolic links are
    followed (a symlinked folder or file inside the root that points out of it).
    """
    p = Path(value)
    full = p if p.is_absolute() else root / p
    try:
        if not os.path.lexists(full) and "\\x" in value:
            unescaped = _with_escaped_bytes(value)
            if unescaped is not None:
                alt = Path(unescaped)
                alt = alt if alt.is_absolute() else root / alt
                full = alt if os.path.lexists(alt) else full
        lexical = Path(os.path.normpath(full))
        real = [Path(os.path.realpath(full)), Path(os.path.realpath(lexical))]
    except (OSError, ValueError):  # a name too long or with a NUL byte: the reader reports it
        return Path(os.path.normpath(full)) if _inside(Path(os.path.normpath(full)), root) else None
    if not all(_inside(r, root) for r in real):
        return None
    return lexical if _inside(lexical, root) else real[0]


def _from_manifest(path: Path, labels, root) -> Dataset:
    table = _read_table(path)
    base = Path(root).resolve() if root else path.parent.resolve()
    label_col = labels if isinstance(labels, str) and labels in table.columns else None
    other_labels = None if label_col is not None else labels
    ds = _from_dataframe(table, other_labels, base, None, label_col=label_col, source_name=str(path))
    return ds


def _from_dataframe(df: pd.DataFrame, labels, root: Path, modality, label_col=None, source_name="DataFrame"):
    if len(df) == 0:
        raise DataFormatError(f"The table {source_name} has no rows. Expected one row per example.")
    cols = list(df.columns)
    if isinstance(labels, str) and labels in cols:
        label_col, labels = labels, None
    path_col = _pick_column(cols, PATH_COLUMNS, "path", required=False) if modality in (None, "image") else None
    text_col = None
    if path_col is None and modality in (None, "text"):
        text_col = _pick_column(cols, TEXT_COLUMNS, "text", required=modality == "text")
    if label_col is None and labels is None:
        label_col = _pick_column(cols, LABEL_COLUMNS, "label", required=False)
    lab = df[label_col].tolist() if label_col is not None else (
        _labels_array(labels, len(df)) if labels is not None else [None] * len(df))

    if path_col is not None:
        root = Path(root).resolve()
        abs_paths, ids, escaped = [], [], []
        seen: dict[str, int] = {}
        for row, value in enumerate(df[path_col].tolist()):
            if value is None or (isinstance(value, float) and np.isnan(value)) or not str(value).strip():
                raise DataFormatError(f"Row {row} of {source_name} has an empty {path_col!r}. Every row needs a file path.")
            p = _resolve_inside(root, str(value))
            if p is None:
                escaped.append((row, str(value)))
                continue
            rel = _rel_id(p, root)
            seen[rel] = seen.get(rel, 0) + 1
            ids.append(rel)
            abs_paths.append(p)
        if escaped:
            shown = "; ".join(f"row {r}: {v!r}" for r, v in escaped[:5])
            raise DataFormatError(
                f"{len(escaped)} path(s) in {source_name} resolve outside the dataset root {root}, directly or "
                f"through a symbolic link, and were refused ({shown}). Make the paths relative to the root, or pass "
                "root= (--root on the command line) a folder that contains them."
            )
        ids = _unique(ids)
        ds = Dataset("image", ids, lab, _file_source(abs_paths), np.arange(len(ids)), root=root)
        ds.findings["layout"] = f"manifest ({source_name})"
        dup = sum(v - 1 for v in seen.values())
        if dup:
            ds.findings["duplicate_manifest_rows"] = dup
        return ds
    if text_col is not None:
        texts = df[text_col].tolist()
        ds = _from_texts(texts, lab)
        ds.ids = [str(x) for x in df.index] if not isinstance(df.index, pd.RangeIndex) else ds.ids
        return ds
    feats = df.drop(columns=[c for c in (label_col,) if c is not None])
    return _from_features(feats.reset_index(drop=True), lab, [str(x) for x in df.index])


# -- in-memory forms ------------------------------------------------------------------
_array_token = array_token


def _from_image_list(items: list, labels, kind: str) -> Dataset:
    n = len(items)
    lab = _labels_array(labels, n) if labels is not None else [None] * n
    return Dataset("image", [str(i) for i in range(n)], lab, ImageListSource(items, kind), np.arange(n))


def _from_pil_list(images, labels) -> Dataset:
    return _from_image_list(images, labels, "pil")


def _from_array(arr: np.ndarray, labels, modality) -> Dataset:
    if arr.ndim == 0 or len(arr) == 0:
        raise DataFormatError("The dataset is empty. Expected an array with at least one example.")
    if modality == "tabular" or (modality is None and arr.ndim == 2):
        return _from_features(pd.DataFrame(arr, columns=[f"x{i}" for i in range(arr.shape[1])]),
                              _labels_array(labels, len(arr)) if labels is not None else [None] * len(arr),
                              [str(i) for i in range(len(arr))])
    if arr.ndim not in (3, 4):
        raise DataFormatError(
            f"Expected images as N,H,W or N,H,W,C (or features as N,D) but got an array of shape {arr.shape}."
        )
    if arr.ndim == 4 and arr.shape[-1] not in (1, 3, 4) and arr.shape[1] not in (1, 3, 4):
        raise DataFormatError(f"Expected 1, 3 or 4 channels but got an array of shape {arr.shape}.")
    return _from_image_list(list(arr), labels, "array")


def _from_embeddings(data, labels) -> Dataset:
    """Precomputed vectors used as they are: no scaling, no encoding (``kind="embeddings"``)."""
    if hasattr(data, "detach"):
        data = data.detach().cpu().numpy()
    if isinstance(data, pd.DataFrame):
        data = data.to_numpy()
    if not isinstance(data, np.ndarray):
        raise DataFormatError(
            f"kind='embeddings' expects an (N, D) numpy array or np.memmap of vectors but got {type(data).__name__}.")
    if data.ndim != 2 or data.shape[0] == 0 or data.shape[1] == 0:
        raise DataFormatError(f"kind='embeddings' expects an (N, D) array with N, D >= 1 but got shape {data.shape}.")
    if data.dtype.kind not in "fiu":
        raise DataFormatError(f"kind='embeddings' expects numeric vectors but got dtype {data.dtype}.")
    n = len(data)
    lab = _labels_array(labels, n) if labels is not None else [None] * n
    ds = Dataset("embeddings", [str(i) for i in range(n)], lab, EmbeddingSource(data), np.arange(n))
    ds.findings["layout"] = f"precomputed embeddings ({n:,} x {data.shape[1]}, {data.dtype})"
    return ds


def _from_texts(texts: list, labels) -> Dataset:
    n = len(texts)
    if n == 0:
        raise DataFormatError("The dataset is empty. Expected at least one text.")
    vals = ["" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t) for t in texts]
    lab = _labels_array(labels, n) if labels is not None and not isinstance(labels, list) else (
        labels if labels is not None else [None] * n)
    if len(lab) != n:
        raise DataFormatError(f"Expected {n} labels (one per text) but got {len(lab)}.")
    return Dataset("text", [str(i) for i in range(n)], lab, TextSource(vals), np.arange(n))


def _from_features(df: pd.DataFrame, labels, ids) -> Dataset:
    n = len(df)
    if n == 0 or df.shape[1] == 0:
        raise DataFormatError(f"Expected a table with rows and feature columns but got shape {df.shape}.")
    if len(set(ids)) != len(ids):
        ids = [str(i) for i in range(n)]
    return Dataset("tabular", list(ids), labels, TabularSource(df), np.arange(n), features=df)


def _from_torch(data, labels) -> Dataset:
    try:
        n = len(data)
    except TypeError:
        raise DataFormatError("Expected a map-style torch Dataset with __len__; iterable datasets are not supported.") from None
    if n == 0:
        raise DataFormatError("The torch Dataset is empty.")

    if labels is None:
        targets = getattr(data, "targets", None)
        if targets is not None and len(targets) == n:
            lab = [t.item() if hasattr(t, "item") else t for t in targets]
        else:
            lab = []
            for j in range(n):
                try:
                    item = data[j]
                    y = item[1] if isinstance(item, (tuple, list)) and len(item) > 1 else None
                except Exception:
                    y = None
                lab.append(y.item() if hasattr(y, "item") else y)
    else:
        lab = _labels_array(labels, n)
    classes = getattr(data, "classes", None)
    ds = Dataset("image", [str(i) for i in range(n)], lab, TorchSource(data), np.arange(n))
    if classes and all(isinstance(v, (int, np.integer)) for v in ds.labels if v is not None):
        ds.findings["class_names"] = list(classes)
    return ds

