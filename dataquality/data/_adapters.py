"""``as_dataset``: every supported input form becomes a :class:`Dataset` (docs/inputs.md).

The rule throughout: read the input as the user meant it or say why it cannot be, never guess
silently. How the input was read (modality, which column holds the paths and the labels, files
skipped and why, rows that matched no file) goes into ``Dataset.findings`` and from there into
``report.findings["dataset"]`` and the first lines of the printed report.
"""

from __future__ import annotations

import logging
import os
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from .._errors import DataFormatError
from ..modalities import EXCLUDED_KINDS, column_kinds, describe_kinds, get_modality, list_modalities
from ..modalities._columns import id_named, readable_text, readable_texts
from ._dataset import Dataset
from ._images import IMAGE_EXTENSIONS
from ._labels import continuous_values, refuse_continuous
from ._paths import is_missing_cell as _is_missing_cell
from ._paths import resolve_inside as _resolve_inside
from ._sources import (
    ColumnImageSource,
    EmbeddingSource,
    FileSource,
    ImageListSource,
    MapStyleSource,
    TabularSource,
    TextSource,
    array_ranges,
    array_token,
    is_uri,
)
from ._tables import (
    LABEL_NAMES,
    PARQUET_SUFFIXES,
    PATH_NAMES,
    TableReading,
    read_decimal_commas,
    read_table,
    with_header_as_data,
)

logger = logging.getLogger("dataquality")

# column names taken as the file paths / the texts of a manifest or DataFrame: each modality's own list
# (a Ray dataset or a manifest names its objects in a `uri` or `url` column as often as in a `path` one; in a table
# built in code such a column is taken only when its values look like image paths: a web page's url is a feature)
URI_COLUMNS = ("uri", "url", "image_uri", "image_url", "img_url", "s3_uri", "gcs_uri")
PATH_COLUMNS = (*get_modality("image").column_names, *URI_COLUMNS)
TEXT_COLUMNS = get_modality("text").column_names
LABEL_COLUMNS = ("label", "labels", "class", "target", "y", "category")
MANIFEST_SUFFIXES = (".csv", ".tsv", ".txt", *PARQUET_SUFFIXES)
SPLIT_NAMES = frozenset({"train", "training", "test", "testing", "val", "valid", "validation", "dev"})
# item keys of map-style datasets yielding dicts (torch, Hugging Face)
IMAGE_KEYS = ("image", "img", "pixel_values", "images", "picture", "photo", "input", "inputs", "x", "data")
LABEL_KEYS = ("label", "labels", "target", "targets", "y", "class", "category", "fine_label", "coarse_label")
_SHOW = 5
_NOT_FOUND = "file not found"


def as_dataset(data, labels=None, *, root=None, modality: str | None = None, kind: str | None = None) -> Dataset:
    """Turn any supported input into a :class:`Dataset`.

    Parameters
    ----------
    data : folder path, CSV/Parquet manifest path, DataFrame, torch (or Hugging Face) map-style
        dataset, numpy array, list of PIL images, list of image paths, list of strings, or a
        Dataset (returned as is).
    labels : a labels file (CSV/TSV/Parquet: a path column and a label column) for a folder, a
        column name, or array-like (one label per example). An empty label means missing.
    root : folder that relative paths in a manifest, DataFrame or list of paths resolve against
        (default: the manifest's folder, else the working directory).
    modality, kind : force how the data is read where it could be read more than one way:
        ``"image"``, ``"text"``, ``"tabular"``, or ``"embeddings"`` (an ``N x D`` array or
        ``np.memmap`` of precomputed vectors, used as they are). ``kind`` is ``audit``'s name for it.

    How each form is read, and what is reported when it is ambiguous: docs/inputs.md.

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
    if modality is not None and modality not in list_modalities():
        raise DataFormatError(f"Expected kind in {tuple(list_modalities())} (or None to decide from the data) but got "
                              f"{modality!r}.")
    if isinstance(data, Dataset):
        if labels is not None:
            return data.with_labels(_labels_array(labels, len(data)))
        return data
    if isinstance(data, str) and is_uri(data):
        from ._remote import from_uri

        return from_uri(data, labels)
    if modality is not None and get_modality(modality).vectors_given:
        return _from_embeddings(data, labels)
    if type(data).__module__.startswith("ray.data"):
        from ._ray_input import from_ray_dataset

        return from_ray_dataset(data, labels)
    if isinstance(data, (str, os.PathLike)):
        p = Path(data)
        if not _input_exists(p):
            where = "" if p.is_absolute() else f" (relative to the working directory {Path.cwd()})"
            raise DataFormatError(f"{p} does not exist{where}. Expected a folder of images or a CSV/Parquet manifest.")
        if p.is_dir():
            return _from_folder(p, labels, modality)
        if p.suffix.lower() in MANIFEST_SUFFIXES:
            return _from_manifest(p, labels, root, modality)
        if p.suffix.lower() in IMAGE_EXTENSIONS:
            raise DataFormatError(f"{p} is a single image. Expected a folder of images, a manifest, or a list of "
                                  "image paths: dq.audit([path, ...]).")
        raise DataFormatError(
            f"Expected a folder or a manifest ({', '.join(MANIFEST_SUFFIXES)}) but got the file {p}."
        )
    if isinstance(data, pd.DataFrame):
        return _from_dataframe(data, labels, Path(root) if root else Path.cwd(), modality, source_name="DataFrame",
                               root_given=root is not None, in_memory=True)
    if isinstance(data, pd.Series):
        return as_dataset(data.tolist(), labels, root=root, modality=modality)
    if _is_tensor(data):  # a bare tensor is an array: read as the same numpy array is, on one scale for all
        data = _tensor_array(data)
    if isinstance(data, np.ndarray):
        return _from_array(data, labels, modality)
    if isinstance(data, (list, tuple)):
        return _from_list([_tensor_array(x) if _is_tensor(x) else x for x in data], labels, root, modality)
    if _is_map_style(data):
        return _from_map_style(data, labels)
    if _is_iterable_style(data):
        raise DataFormatError(
            f"{type(data).__name__} is an iterable-style torch dataset: it has no length and no item by position, "
            "which an audit needs (each example is read again, by its place, and reported by it). Pass a map-style "
            "dataset (torch.utils.data.Dataset with __len__ and __getitem__), or list(data) if it fits in memory.")
    raise DataFormatError(
        f"Cannot read a dataset from {type(data).__name__}. Expected a folder, a CSV/Parquet manifest, "
        "a pandas DataFrame, a torch Dataset, a numpy array, a list of PIL images or a list of strings."
    )


def _present(p: Path) -> bool:
    """Whether a listed file is there (a name the system cannot even look up counts as there, so
    that the reader reports the real reason, e.g. "name too long")."""
    try:
        os.lstat(p)
        return True
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError):
        return True


def _input_exists(p: Path) -> bool:
    try:
        return p.exists()
    except (OSError, ValueError) as exc:  # a name longer than the system allows, a NUL byte
        reason = getattr(exc, "strerror", None) or str(exc)
        raise DataFormatError(f"Cannot use {str(p)[:200]!r}{' ...' if len(str(p)) > 200 else ''} as a dataset "
                              f"path: {reason}. Expected an existing folder or manifest.") from None


# -- labels ---------------------------------------------------------------------------
def _labels_array(labels, n: int) -> list:
    if isinstance(labels, (str, os.PathLike)) and (Path(labels).suffix.lower() in MANIFEST_SUFFIXES
                                                   or Path(labels).is_file()):
        if not Path(labels).is_file():
            raise DataFormatError(f"The labels file {labels} does not exist. Expected a CSV with path,label columns.")
        raise DataFormatError("A labels file goes with a folder of images: as_dataset(folder, labels='labels.csv').")
    if isinstance(labels, str):
        raise DataFormatError(f"labels={labels!r} is neither a file nor a column of the data. Expected a labels file, "
                              "a column name, or one label per example.")
    if isinstance(labels, (pd.DataFrame, dict)):
        raise DataFormatError("A table of labels (path and label columns) goes with a folder of images: "
                              "as_dataset(folder, labels=table). For other inputs give one label per example.")
    if isinstance(labels, pd.Series):
        arr = labels.tolist()
    elif isinstance(labels, np.ndarray):
        if labels.ndim > 1 and not (labels.ndim == 2 and labels.shape[1] == 1):
            raise DataFormatError(f"Expected one label per example (a 1-D array) but got an array of shape "
                                  f"{labels.shape}. {_label_matrix_hint(labels)}Multi-label data is not supported: "
                                  "give one label per example.")
        arr = list(labels[:, 0]) if labels.ndim == 2 else list(labels)
    elif hasattr(labels, "__len__") and not isinstance(labels, (bytes, bytearray)):
        arr = list(labels.tolist() if hasattr(labels, "tolist") else labels)
    else:
        raise DataFormatError(f"Expected labels as a file, a column name or a sequence but got {type(labels).__name__}.")
    if len(arr) != n:
        raise DataFormatError(f"Expected {n} labels (one per example) but got {len(arr)}.")
    refuse_continuous(arr, "labels=")
    return arr


def _label_matrix_hint(labels: np.ndarray) -> str:
    """What an N x K label matrix probably is: one-hot rows, or predicted probabilities (rows summing to 1)."""
    if labels.ndim != 2 or labels.dtype.kind not in "biuf" or not labels.size:
        return ""
    a = labels.astype(float)
    if np.isin(a, (0.0, 1.0)).all() and (a.sum(axis=1) == 1).all():
        return "Its rows are one-hot: pass the class indices (labels.argmax(1)). "
    if (a >= 0).all() and np.allclose(a.sum(axis=1), 1, atol=1e-3):
        return ("Its rows sum to 1, like predicted probabilities: labels= takes the given labels, and the audit "
                "computes its own out-of-fold probabilities. ")
    return ""


def _pick_column(columns, candidates, what: str, given=None, required=True):
    if given is not None:
        if given not in columns:
            raise DataFormatError(f"Column {given!r} not found. Available columns: {list(columns)}.")
        return given
    lower = {str(c).lower().strip().replace(" ", "_"): c for c in columns}
    for c in candidates:
        if c in lower:
            return lower[c]
    if required:
        raise DataFormatError(
            f"Could not find the {what} column. Expected one of {list(candidates)}; got columns {list(columns)}."
        )
    return None



def _show(values, k: int = _SHOW) -> str:
    vals = [str(v) for v in list(values)[:k]]
    more = f" (+{len(values) - k} more)" if len(values) > k else ""
    return ", ".join(repr(v) for v in vals) + more


# -- images on disk -------------------------------------------------------------------
def _file_source(abs_paths: list[Path], absent: dict[int, str] | None = None) -> FileSource:
    return FileSource(abs_paths, absent)


def _walk_folder(root: Path) -> tuple[list[Path], list[str]]:
    images, skipped = [], []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=lambda e: skipped.append(
            f"{e.filename}: {e.strerror}")):
        dirnames.sort()
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if name.startswith("."):
                skipped.append(str(p.relative_to(root)) + " (hidden file)")
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
        for d in [d for d in dirnames if d.startswith(".")]:
            skipped.append(str((Path(dirpath) / d).relative_to(root)) + " (hidden folder, not read)")
            dirnames.remove(d)
    # sorted by the relative path as a whole, as labels given one per image are matched ("sorted by path"): the walk
    # lists a folder's own files before its subfolders' (b.png before a/1.png)
    # (the full path strings share the root's prefix, so they sort as the relative paths do, without pathlib per file)
    images.sort(key=str if os.sep == "/" else (lambda p: p.relative_to(root).as_posix()))
    return images, skipped


def _skip_reasons(skipped: list[str]) -> dict:
    reasons: Counter = Counter()
    for s in skipped:
        if s.endswith(")") and " (" in s:
            reasons[s[s.rindex(" (") + 2:-1]] += 1
        elif ": " in s:
            reasons["could not be listed"] += 1
        else:
            reasons["not an image file"] += 1
    return dict(reasons)


def _rel_id(p: Path, root: Path) -> str:
    """Path relative to the root; bytes that are not UTF-8 show as U+FFFD (the file path keeps them)."""
    return _rel_text(p.relative_to(root).as_posix())


def _rel_text(rel: str) -> str:
    """A relative path as text: bytes that are not UTF-8 show as U+FFFD."""
    return rel if rel.isascii() else rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _readable_name(part: str) -> str:
    """A folder name as text without losing identity: bytes that are not UTF-8 are read as cp1252
    (Latin-1 where cp1252 has no character), so ``café`` written in Latin-1 stays ``café`` and two
    such names never collapse into one ``caf\N{REPLACEMENT CHARACTER}``."""
    raw = os.fsencode(part)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    out = []
    for b in raw:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
            out.append(chr(b))
    return "".join(out)


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


def _walk_or_fail(root: Path) -> tuple[list[Path], list[str]]:
    images, skipped = _walk_folder(root)
    if not images:
        raise DataFormatError(
            f"No image files found under {root} (looked for {', '.join(sorted(IMAGE_EXTENSIONS))}). "
            + _what_the_folder_holds(skipped)
            + "For images, point to a folder laid out as root/<class>/<image> or root/<image> with a labels file."
        )
    return images, skipped


TEXT_FILE_SUFFIXES = (".txt", ".text", ".md")


def _what_the_folder_holds(skipped: list[str]) -> str:
    """What a folder without images holds, by extension, and for a folder of text files (root/<class>/<n>.txt, as
    IMDB and 20 Newsgroups ship) how to audit it: a folder is read as images only."""
    suffixes = Counter(Path(s).suffix.lower() or "(no extension)" for s in skipped if not s.endswith(")"))
    if not suffixes:
        return ""
    held = ", ".join(f"{n} {ext}" for ext, n in suffixes.most_common(4))
    text = sum(n for ext, n in suffixes.items() if ext in TEXT_FILE_SUFFIXES)
    if text < 0.5 * sum(suffixes.values()):
        return f"It holds {held} files. "
    return (f"It holds {held} files: a folder of text files is not read as a dataset (a folder is read as images). "
            "Pass the texts and their labels: paths = sorted(Path(root).rglob('*.txt')); "
            "dq.audit([p.read_text() for p in paths], labels=[p.parent.name for p in paths]), or a DataFrame with a "
            "'text' and a 'label' column. ")



SKIPPED_SHOWN = 200  # skipped paths kept in the findings: a sidecar file beside each of a million images is not


def _record_skipped(findings: dict, skipped: list[str], root: Path) -> None:
    # the first paths, the count and the reasons: the full list went into the report's JSON and HTML (20,000
    # sidecar .txt files beside 200 images made a 1.2 MB page)
    findings["skipped_files"] = skipped[:SKIPPED_SHOWN]
    if len(skipped) > SKIPPED_SHOWN:
        findings["skipped_count"] = len(skipped)
    if skipped:
        findings["skipped_reasons"] = _skip_reasons(skipped)
        logger.info("Skipped %d files under %s: %s", len(skipped), root, findings["skipped_reasons"])


def _from_folder(root: Path, labels, modality=None) -> Dataset:
    root = root.resolve()
    if not _reads(modality, "reads_paths"):
        raise DataFormatError(f"A folder is read as images; modality={modality!r} does not apply to {root}.")
    if isinstance(labels, (str, os.PathLike)):
        lp = Path(labels)
        if lp.is_dir():
            raise DataFormatError(f"The labels file {labels} is a folder. Expected a CSV or Parquet file with path and "
                                  "label columns (class folders under the image folder need no labels file).")
        if lp.is_file() and lp.suffix.lower() in IMAGE_EXTENSIONS:
            raise DataFormatError(f"The labels file {labels} is an image file, not a table. Expected a CSV or Parquet "
                                  "file with path and label columns.")
        if lp.is_file():
            table, reading = read_table(lp)
            return _folder_with_table(root, table, reading.as_finding(), lp.resolve().parent, lp.name, reading)
        if lp.suffix.lower() in MANIFEST_SUFFIXES or isinstance(labels, os.PathLike) or os.sep in str(labels):
            raise DataFormatError(f"The labels file {labels} does not exist. Expected a CSV with path,label columns.")
        raise DataFormatError(f"labels={labels!r} for the folder {root} is not a file. Expected a labels file "
                              "(path and label columns), a table, or one label per image in sorted path order.")
    if isinstance(labels, pd.DataFrame):
        return _folder_with_table(root, labels, {"file": "DataFrame", "rows": len(labels)}, root, "the labels table")
    if isinstance(labels, dict):
        table = pd.DataFrame({"path": [str(k) for k in labels], "label": list(labels.values())}, dtype=object)
        return _folder_with_table(root, table, {"file": "dict", "rows": len(table)}, root, "the labels dict")
    images, skipped = _walk_or_fail(root)
    ids = _unique([_rel_id(p, root) for p in images])
    notes: list[str] = []
    if labels is None:
        lab, layout, class_depth = _labels_from_folders(images, root, notes)
    else:
        lab = _labels_array(labels, len(ids))
        layout = "image folder with labels given in order (one per image, sorted by path)"
        class_depth = None
    ds = Dataset("image", ids, lab, _file_source(images), np.arange(len(ids)), root=root)
    ds.findings.update({"read_as": layout, "layout": layout, "source": str(root), "n_files_found": len(images)})
    if class_depth is not None:
        ds.findings["class_folder_level"] = class_depth
    if labels is None and class_depth is None:
        tables = sorted(f for f in skipped if "/" not in f and Path(f).suffix.lower() in (".csv", ".tsv", *PARQUET_SUFFIXES))
        if tables:  # a labels file beside the images is not used unless named: say it is there
            notes.append(f"{', '.join(tables)} {'is' if len(tables) == 1 else 'are'} in the folder but not used: "
                         f"to take the labels from it, pass labels={str(root / tables[0])!r} "
                         f"(on the command line: --labels)")
    if notes:
        ds.findings["notes"] = notes
    _record_skipped(ds.findings, skipped, root)
    return ds


def _labels_from_folders(images: list[Path], root: Path, notes: list[str]):
    """ImageFolder labels: the first folder level below the common one that has more than one name."""
    parts = [p.relative_to(root).parts[:-1] for p in images]
    depth = 0
    # past a folder that every image below this level sits in (e.g. images/, or PetImages/ beside a stray
    # preview.jpg): not a class. An image lying above the level is outside the class folders
    while len({pt[depth] for pt in parts if len(pt) > depth}) == 1:
        depth += 1
    inside = next((pt for pt in parts if len(pt) >= depth), ())
    if all(len(pt) <= depth for pt in parts):
        prefix = "/".join(inside[:depth]) if depth else ""
        where = f" (all in {prefix}/)" if prefix else ""
        empty = [f"{'/'.join(inside[:d] + (e,))}/" for d in range(depth)
                 for e in _empty_class_folders(root / Path(*inside[:d]), {_readable_name(inside[d])})]
        held = (f"; {_show(empty)} beside it hold{'s' if len(empty) == 1 else ''} no images (an empty class folder: "
                "a single class folder with images is not read as classes)") if empty else ""
        notes.append(f"no labels: the images are not in class folders{where} and no labels file was given{held}")
        return [None] * len(images), "image folder without labels", None
    names = {_readable_name(pt[depth]) for pt in parts if len(pt) > depth}
    splits = sorted(n for n in names if n.lower() in SPLIT_NAMES)
    # two split names or more, and at most one other folder: train/ and test/ (and extra/); one such name among
    # classes is a class (valid/ and invalid/, bus/ and train/)
    if len(splits) >= 2 and len(splits) >= len(names) - 1:
        train, held = _split_pair(splits)
        raise DataFormatError(
            f"The folders under {root / Path(*inside[:depth]) if depth else root} are named like data splits "
            f"({', '.join(sorted(names))}), not classes. Audit one split at a time, e.g. dq.audit('{root}/{splits[0]}'), "
            "or pass a labels file. To check leakage between the splits, audit one with the other as reference: "
            f"dq.audit('{root}/{train}', reference='{root}/{held}').")
    lab = [_readable_name(pt[depth]) if len(pt) > depth else None for pt in parts]
    loose = sum(v is None for v in lab)
    if loose:
        notes.append(f"{loose} image(s) lie outside the class folders and have no label")
    if depth:
        notes.append(f"classes are the folder names under {'/'.join(inside[:depth])}/")
    below = {_readable_name(pt[depth + 1]) for pt in parts if len(pt) > depth + 1}
    nested = sorted(n for n in below if n.lower() in SPLIT_NAMES)
    if len(nested) >= 2 and len(nested) == len(below):
        notes.append(f"the class folders hold split folders ({', '.join(n + '/' for n in nested)}): the splits were audited as one "
                     "dataset, so a copy in two splits is an exact_duplicate, not leakage. To check leakage, audit one "
                     "split with the other as reference=, each as a list of paths with labels: paths = "
                     f"sorted(Path(root).glob('*/{_split_pair(nested)[0]}/*')); "
                     "dq.audit([str(p) for p in paths], labels=[p.parent.parent.name for p in paths], reference=...)")
    empty = _empty_class_folders(root / Path(*inside[:depth]), names)
    if empty:
        notes.append(f"{len(empty)} class folder(s) hold no images and are not classes: {_show([e + '/' for e in empty])} "
                     "(torchvision's ImageFolder refuses such a folder; add its images, or remove it)")
    return lab, "image folder, classes from sub-folder names", depth


def _split_pair(splits: list[str]) -> tuple[str, str]:
    """The training split and the one to hold against it as reference (test, else validation)."""
    train = next((n for n in splits if n.lower().startswith("train")), splits[0])
    rest = [n for n in splits if n != train]
    return train, next((n for n in rest if n.lower().startswith("test")), rest[0])


def _empty_class_folders(level: Path, names: set[str]) -> list[str]:
    """Folders beside the class folders that hold no image (``bird/`` left empty): no example names them, so
    without a note the class vanished silently."""
    try:
        subdirs = [d for d in level.iterdir() if d.is_dir() and not d.is_symlink() and not d.name.startswith(".")]
    except OSError:
        return []
    return sorted(n for n in (_readable_name(d.name) for d in subdirs)
                  if n not in names and n.lower() not in SPLIT_NAMES and n != "__MACOSX")


class _FileIndex:
    """The ways a labels file's row may name one of ``files`` (found under ``root``), built once per folder:
    relative paths (also as a cp1252 labels file spells names not in UTF-8 on disk), the same ignoring letter
    case, file names and stems. Built from the relative path strings, not with pathlib per file (at 60,000
    files pathlib made reading a labels file 5x slower than walking the folder)."""

    def __init__(self, root: Path, files: list[Path]):
        base = len(str(root).rstrip(os.sep)) + 1
        rels = [str(p)[base:].replace(os.sep, "/") if str(p).startswith(str(root)) else p.relative_to(root).as_posix()
                for p in files]
        self.rels = rels
        self.rel = {r: k for k, r in enumerate(rels)}
        for k, r in enumerate(rels):  # names not in UTF-8 on disk, as a cp1252 labels file spells them
            if r.isascii():
                continue
            readable = "/".join(_readable_name(part) for part in r.split("/"))
            if readable != r:
                self.rel.setdefault(readable, k)
            # the same accented letters composed or not (macOS stores names decomposed, NFD; most files spell them
            # composed): looked up composed (_match_rows)
            self.rel.setdefault(unicodedata.normalize("NFC", readable), k)
        self.rel_fold: dict[str, list[int]] = {}
        for r, k in self.rel.items():
            self.rel_fold.setdefault(r.casefold(), []).append(k)
        self.names: dict[str, list[int]] = {}
        self.stems: dict[str, list[int]] = {}
        for k, r in enumerate(rels):
            name = r.rsplit("/", 1)[-1]
            names = {name} if name.isascii() else {name, unicodedata.normalize("NFC", _readable_name(name))}
            for nm in names:
                self.names.setdefault(nm, []).append(k)
                self.stems.setdefault(Path(nm).stem, []).append(k)


def _match_rows(values: list, root: Path, files: list[Path], labels_dir: Path, index: _FileIndex | None = None):
    """For each row value: (index into files or None, how it matched, the value cleaned, or None for an empty
    cell); :func:`_row_target` gives the absolute path a value names."""
    index = index or _FileIndex(root, files)
    rel, rel_fold, names, stems = index.rel, index.rel_fold, index.names, index.stems
    prefix = None
    try:
        prefix = root.relative_to(labels_dir).as_posix()  # labels file above the image folder
    except ValueError:
        pass
    out = []
    for v in values:
        if _is_missing_cell(v):
            out.append((None, None, None))
            continue
        s = str(v).strip().replace("\\", "/")
        while s.startswith("./"):
            s = s[2:]
        hit = None
        if os.path.isabs(s):
            p = Path(os.path.normpath(s))
            try:
                hit = (rel.get(p.relative_to(root).as_posix()), "absolute path")
            except ValueError:
                hit = None
        if hit is None or hit[0] is None:
            r = os.path.normpath(s if s.isascii() else unicodedata.normalize("NFC", s)).replace("\\", "/")
            if r in rel:
                hit = (rel[r], "path relative to the image folder")
            elif prefix and prefix != "." and r.startswith(prefix + "/") and r[len(prefix) + 1:] in rel:
                hit = (rel[r[len(prefix) + 1:]], "path relative to the labels file's folder")
            elif len(rel_fold.get(r.casefold(), [])) == 1:
                hit = (rel_fold[r.casefold()][0], "path relative to the image folder (letter case differs)")
            elif "/" not in r and len(names.get(r, [])) == 1:
                hit = (names[r][0], "file name")
            elif "/" not in r and os.path.splitext(r)[1].lower() not in IMAGE_EXTENSIONS and len(stems.get(r, [])) == 1:
                hit = (stems[r][0], "file name without extension")
            elif "/" not in r and len(many := names.get(r, stems.get(r, []))) > 1:  # cat/07.png and dog/07.png
                hit = (None, f"names {len(many)} files")
            else:
                hit = None
        out.append((hit[0], hit[1], s) if hit else (None, None, s))
    return out


def _row_target(root: Path, s: str) -> Path:
    """The absolute path a labels file's row value (as ``_match_rows`` cleaned it) names."""
    return Path(os.path.normpath(root / s)) if not os.path.isabs(s) else Path(os.path.normpath(s))


def _row_namer(read: TableReading | None, source: str, header_as_data: bool = False) -> Callable[[int], str]:
    """Row ``k`` (0-based) of a table as the user finds it: its line in the file (``"line 7 of labels.csv"``,
    :meth:`TableReading.where`), else its number (``"row 3 of the labels table"``). ``header_as_data``: the file's
    first line, read as a header, was taken back as row 0."""
    if read is None:
        return lambda k: f"row {k + 1} of {source}"
    if header_as_data:
        return lambda k: read.where(k - 1) if k else f"the first line of {Path(read.path).name}"
    return read.where


def _folder_with_table(root: Path, table: pd.DataFrame, reading: dict, labels_dir: Path, source: str,
                       table_reading: TableReading | None = None) -> Dataset:
    """A folder plus a labels table: every image under the folder, labelled where a row names it. ``table_reading``:
    how a labels file was read, so that a row is named by its line in the file."""
    images, skipped = _walk_or_fail(root)
    header_as_data = False
    if len(table) == 0:
        raise DataFormatError(f"The labels file {source} has no rows. Expected one row per image (path,label).")
    table = _dedupe_columns(table, [])
    index = _FileIndex(root, images)
    best = _best_path_column(table, root, images, labels_dir, index)
    if best is not None and best[0] == table.columns[0] and reading.get("header_row") and best[2] \
            and _match_rows([table.columns[0]], root, images, labels_dir, index)[0][0] is not None:
        table = with_header_as_data(table)  # the "header" was a data row (a file without a header line)
        reading = {**reading, "header_row": False}
        header_as_data = True
        best = _best_path_column(table, root, images, labels_dir, index)
    if best is None or best[1] == 0:
        _raise_unmatched(table, root, images, source, best[0] if best else None, matches=best[2] if best else None)
    path_col, n_matched, matches = best
    n_rows = int(sum(m[2] is not None for m in matches))
    if n_matched < 0.5 * n_rows:
        _raise_unmatched(table, root, images, source, path_col, n_matched, n_rows, matches)
    label_col = _label_column(table, path_col, source)
    where = _row_namer(table_reading, source, header_as_data)
    labels = table[label_col].tolist()
    ids, paths, lab, absent = [], [], [], {}
    used = set()
    how = Counter(m[1] for m in matches if m[0] is not None)
    unmatched_rows, escaped, pathless = [], [], []
    for row, (k, _, value) in enumerate(matches):
        if value is None:  # an empty path cell: nothing to look for; said where the row holds something else
            if not all(map(_is_missing_cell, table.iloc[row].tolist())):
                pathless.append(row)
            continue
        if k is not None:
            ids.append(_rel_text(index.rels[k]))
            paths.append(images[k])
            used.add(k)
        else:
            target = _row_target(root, value)
            try:
                rel = target.relative_to(root).as_posix()
            except ValueError:
                escaped.append((row, table[path_col].iat[row]))
                continue
            how_ = matches[row][1]
            absent[len(paths)] = (
                f"{_NOT_FOUND}: listed in {source} as a bare file name that {how_} under the folder (in several "
                "folders); give its path relative to the folder" if how_ else
                f"{_NOT_FOUND}: listed in {source} but not under the folder")
            ids.append(rel)
            paths.append(target)
            unmatched_rows.append(str(table[path_col].iat[row]))
        lab.append(labels[row])
    if escaped:
        raise DataFormatError(
            f"{len(escaped)} row(s) of {source} name files outside the image folder {root} "
            f"({'; '.join(f'{where(r)}: {v!r}' for r, v in escaped[:_SHOW])}). "
            "Make the paths relative to the folder (or to the labels file's folder).")
    unlisted = [k for k in range(len(images)) if k not in used]
    for k in unlisted:
        ids.append(_rel_text(index.rels[k]))
        paths.append(images[k])
        lab.append(None)
    ids = _unique(ids)
    ds = Dataset("image", ids, lab, _file_source(paths, absent), np.arange(len(ids)), root=root)
    f = ds.findings
    f.update({"read_as": "image folder with a labels file", "layout": "image folder with a labels file",
              "source": str(root), "n_files_found": len(images),
              "labels_file": {**reading, "path_column": str(path_col), "label_column": str(label_col),
                              "rows_matched": int(n_matched), "matched_by": dict(how)},
              "path_column": str(path_col), "label_column": str(label_col)})
    if unlisted:
        f["files_without_label"] = len(unlisted)
        f["files_without_label_examples"] = [ids[len(ids) - len(unlisted) + j] for j in range(min(_SHOW, len(unlisted)))]
    if unmatched_rows:
        f["rows_without_file"] = len(unmatched_rows)
        f["rows_without_file_examples"] = unmatched_rows[:_SHOW]
    dup = len(ids) - len(set(i.split("#")[0] for i in ids))
    if dup:
        f["duplicate_manifest_rows"] = dup
    split = _split_column_note(table, {path_col, label_col}, source, True) or _split_paths_note(ids)
    if split:
        f.setdefault("notes", []).append(split)
    if pathless:
        f.setdefault("notes", []).append(_pathless_note(table, pathless, path_col, where))
    _record_skipped(f, skipped, root)
    return ds


def _pathless_note(table: pd.DataFrame, rows: list[int], path_col, where: Callable[[int], str]) -> str:
    """A note on a labels file's rows with an empty path cell but values in others (``,dog``): no image is labelled
    by them, so the image they were meant for shows as having no label."""
    shown = "; ".join(f"{where(r)}: {_show([v for v in table.iloc[r].tolist() if not _is_missing_cell(v)])}"
                      for r in rows[:_SHOW])
    one = len(rows) == 1
    return (f"{_n_rows(len(rows))} of the labels file {'has' if one else 'have'} an empty {str(path_col)!r} and so "
            f"label{'s' if one else ''} no image: skipped ({shown}). Fill in the path of the image each row labels")


def _best_path_column(table: pd.DataFrame, root: Path, images: list[Path], labels_dir: Path,
                      index: _FileIndex | None = None):
    """(column, rows matched, matches) of the column whose values name the most files; None if no column."""
    index = index or _FileIndex(root, images)
    best = None
    for c in table.columns:
        vals = table[c].tolist()
        if not any(isinstance(v, str) or isinstance(v, (int, np.integer)) for v in vals[:50]):
            continue
        matches = _match_rows(vals, root, images, labels_dir, index)
        n = sum(m[0] is not None for m in matches)
        named = str(c).lower().strip().replace(" ", "_") in PATH_NAMES
        key = (n, named)
        if best is None or key > best[3]:
            best = (c, n, matches, key)
    return None if best is None else best[:3]


def _raise_unmatched(table, root, images, source, path_col, n_matched=0, n_rows=None, matches=None):
    cols = [str(c) for c in table.columns]
    shown_col = path_col if path_col is not None else table.columns[0]
    values = [v for k, v in enumerate(table[shown_col].tolist()) if not _is_missing_cell(v)
              and (matches is None or matches[k][0] is None)]  # the rows that named no file
    files = [_rel_id(p, root) for p in images[:_SHOW]]
    what = (f"only {n_matched} of its {n_rows} rows name a file" if n_matched
            else "none of its rows names a file")
    several = [str(v) for k, v in enumerate(table[shown_col].tolist()) if matches is not None
               and matches[k][0] is None and str(matches[k][1]).startswith("names ")]
    what += " there"
    if several:  # a bare name in two class folders (cat/a.png, dog/a.png) names neither
        what += (f"; {len(several)} of its rows are bare file names found in more than one folder, e.g. "
                 f"{several[0]!r}: give such files by their path relative to the folder (e.g. '<folder>/{several[0]}')")
    name = "The labels dict" if source == "the labels dict" else f"The labels file {source}"
    raise DataFormatError(
        f"{name} does not match the images under {root}: {what}. "
        f"Columns found: {cols}; first unmatched values of {str(shown_col)!r}: {_show(values)}; "
        f"first image files: {_show(files)} ({len(images)} in all). Expected a column of paths relative to the "
        "folder (or to the labels file's folder), or file names, and a label column."
        + _parent_hint(values, root, source))


def _link_farm_hint(root: Path, values: list[str], source_name: str) -> str:
    """Where refused paths lie inside the root by their text but are symbolic links out of it (a folder of links to
    files kept elsewhere): making them relative cannot help; say so, and that reading the folder itself works."""
    linked = [v for v in values if not Path(v).is_absolute() and ".." not in Path(v).parts
              and any((root / Path(*Path(v).parts[:k])).is_symlink() for k in range(1, len(Path(v).parts) + 1))]
    if not linked:
        return ""
    return (f" {len(linked)} of them ({_show(linked)}) are inside {root} but are symbolic links pointing outside it: "
            "a manifest does not follow links out of its root, on purpose. Reading the folder itself reads linked "
            f"files (not linked folders): dq.audit({str(root)!r}"
            + (f", labels={str(root / source_name)!r}" if (root / source_name).is_file() else "")
            + "); or give root= a folder that holds the links' targets, with the paths relative to it.")


def _parent_hint(values: list, root: Path, source: str) -> str:
    """Where the unmatched paths name files relative to a folder above the image folder (``images/000.jpg`` with the
    folder ``ds/images``): which folder to audit instead."""
    sample = [str(v).replace("\\", "/").removeprefix("./") for v in values[:20] if isinstance(v, str)]
    if not sample:
        return ""
    for up in list(root.parents)[:3]:
        if sum((up / v).is_file() for v in sample) >= 0.5 * len(sample):
            return (f" The paths name files relative to {up} (the folder above the images): audit that folder "
                    f"instead, dq.audit({str(up)!r}, labels={source!r}).")
    return ""


def _label_column(table: pd.DataFrame, path_col, source: str):
    others = [c for c in table.columns if c != path_col]
    named = _pick_column(others, LABEL_NAMES, "label", required=False)
    if named is not None:
        return named
    if len(others) == 1:
        return others[0]
    raise DataFormatError(
        f"Could not tell which column of {source} holds the labels: columns found {[str(c) for c in table.columns]} "
        f"(paths in {str(path_col)!r}). Name the label column one of {list(LABEL_NAMES[:6])}.")


def _from_manifest(path: Path, labels, root, modality) -> Dataset:
    table, reading = read_table(path)
    base = Path(root).resolve() if root else path.parent.resolve()
    label_col = labels if isinstance(labels, str) and labels in table.columns else None
    other_labels = None if label_col is not None else labels
    ds = _from_dataframe(table, other_labels, base, modality, label_col=label_col, source_name=path.name,
                         reading=reading.as_finding(), root_given=root is not None, table_reading=reading)
    return ds


def _dedupe_columns(df: pd.DataFrame, notes: list[str]) -> pd.DataFrame:
    cols = [str(c) for c in df.columns]
    if len(set(cols)) == len(cols) and all(isinstance(c, str) for c in df.columns):
        return df
    seen: dict[str, int] = {}
    new = []
    for c in cols:
        seen[c] = seen.get(c, 0) + 1
        new.append(c if seen[c] == 1 else f"{c}.{seen[c] - 1}")
    if new != cols:
        notes.append("duplicate column names renamed: " + ", ".join(n for n, c in zip(new, cols) if n != c))
    df = df.copy()
    df.columns = new
    return df


_ROW_ID_NAMES = ("id", "idx", "uuid", "guid", "key", "index", "row_id", "rowid", "example_id", "sample_id")


def _n_rows(n: int) -> str:
    return f"{n} row{'' if n == 1 else 's'}"


def _id_text(v) -> str:
    return str(int(v)) if isinstance(v, (float, np.floating)) and float(v).is_integer() else str(v).strip()


def _own_ids(df: pd.DataFrame, cols: pd.DataFrame, notes: list[str], from_file: bool = False) -> list[str] | None:
    """The examples' ids from the table's own identifier column (the first column named like an id: ``id``,
    ``review_id``, ``textId``) where its values are distinct, so that issues and the clean manifest name the rows
    as the user does (``r0``), not by their position; None where the table's index names them already or no column
    qualifies. A row empty in every cell keeps its row number as its id. A file's rows are numbered by the index
    (:func:`read_table`: their numbers in the file), which the id column replaces; a DataFrame's own index wins."""
    if not from_file and not isinstance(df.index, pd.RangeIndex):
        return None
    why_not = None
    for c in cols.columns:
        if not id_named(c):
            continue
        vals = cols[c].tolist()
        missing = [_is_missing_cell(v) for v in vals]
        if sum(missing) > len(vals) // 2:
            continue
        no_id = [k for k in np.flatnonzero(missing) if not all(map(_is_missing_cell, df.iloc[k].tolist()))]
        ids = [str(k) if m else _id_text(v) for k, v, m in zip(df.index, vals, missing)]
        repeats = [i for i, n in Counter(ids).items() if n > 1]
        if no_id or repeats:  # the column does not name every example once: not used; said where it names rows
            if why_not is None and str(c).strip().lower() in _ROW_ID_NAMES:  # (a user_id repeats by nature)
                why = (f"{_n_rows(len(no_id))} with values have no id there (e.g. row {df.index[no_id[0]]})" if no_id
                       else f"{len(repeats)} of its ids repeat (e.g. {repeats[0]!r})")
                why_not = f"column {str(c)!r} is not used as the examples' ids: {why}; examples are named by row number"
            continue
        if ids == [str(k) for k in df.index]:
            continue
        notes.append(f"examples named by column {str(c)!r} (the table's own ids, e.g. {ids[0]!r}), not by row number")
        return ids
    if why_not:
        notes.append(why_not)
    return None


def _readable_cells(df: pd.DataFrame, notes: list[str]) -> pd.DataFrame:
    """The table with texts holding lone surrogates (``"caf\udce9"``, from a file read with surrogateescape) made
    readable (:func:`readable_text`), with a note naming the columns: pandas' Arrow strings, hashing and the report
    writers refuse such a text with a UnicodeEncodeError."""
    fixed = {}
    for j in range(df.shape[1]):
        col = df.iloc[:, j]
        new = readable_texts(col)
        if new is not col:
            fixed[j] = new
    if not fixed:
        return df
    df = df.copy()
    for j, new in fixed.items():
        df.isetitem(j, new)
    notes.append(f"texts with undecodable bytes (lone surrogates, as errors='surrogateescape' leaves them) in "
                 f"{', '.join(repr(str(df.columns[j])) for j in fixed)}: read as cp1252 where they were bytes, "
                 "else as U+FFFD")
    return df


def _is_image_object(v) -> bool:
    from PIL import Image

    if isinstance(v, (bytes, bytearray, memoryview, Image.Image)):
        return True
    if isinstance(v, dict) and ("bytes" in v or "path" in v) and set(v) <= {"bytes", "path"}:
        return True
    return isinstance(v, np.ndarray) and v.ndim in (2, 3) and min(v.shape[:2]) > 1


def _text_like_columns(df: pd.DataFrame) -> list:
    """Columns that can hold strings, bytes or objects (number, bool and datetime columns cannot)."""
    return [c for c, t in zip(df.columns, df.dtypes) if not (pd.api.types.is_numeric_dtype(t)
                                                             or pd.api.types.is_datetime64_any_dtype(t))]


def _image_object_column(df: pd.DataFrame):
    for c in _text_like_columns(df):
        vals = [v for v in df[c].iloc[:50].tolist() if not _is_missing_cell(v)]
        # all of them, or all but a stray few (a text cell in a column of image bytes is that row's problem,
        # reported as unreadable, not a reason to read the images as text)
        if vals and sum(map(_is_image_object, vals)) >= max(1, len(vals) - max(1, len(vals) // 10)):
            _refuse_text_bytes(c, vals)
            return c
    return None


def _is_text_bytes(v) -> bool:
    """Bytes that are UTF-8 text (printable), as h5py stores strings: no image file starts so (PNG and JPEG start
    with bytes that are not UTF-8; GIF, BMP and TIFF headers hold binary fields)."""
    if not isinstance(v, (bytes, bytearray)):
        return False
    try:
        text = bytes(v).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(text) and all(ch.isprintable() or ch.isspace() for ch in text)


def _refuse_text_bytes(column, vals: list) -> None:
    """A column of byte strings that read as text was taken for encoded images: every row unreadable, and the texts
    never audited."""
    raw = [v for v in vals if isinstance(v, (bytes, bytearray))]
    if raw and all(map(_is_text_bytes, raw)):
        shown = ", ".join(repr(bytes(v[:40])) for v in raw[:2])
        raise DataFormatError(
            f"Column {str(column)!r} holds byte strings that read as UTF-8 text ({shown} ...), not image files "
            "(h5py and numpy 'S' arrays hold strings as bytes). Decode it first: "
            f"df[{str(column)!r}] = df[{str(column)!r}].str.decode('utf-8').")


def _looks_like_paths(values: list, root: Path) -> tuple[float, float]:
    """(share with an image extension, share that exists under root) of the first values."""
    vals = [str(v).strip() for v in values[:200] if not _is_missing_cell(v)]
    if not vals:
        return 0.0, 0.0
    ext = sum(Path(v).suffix.lower() in IMAGE_EXTENSIONS for v in vals) / len(vals)
    exists = 0
    for v in vals[:50]:
        p = _resolve_inside(root, v)
        try:
            exists += bool(p is not None and p.is_file())
        except (OSError, ValueError):  # a name too long to look up
            pass
    return ext, exists / min(len(vals), 50)


def _aligned_series(labels: pd.Series, df: pd.DataFrame, source_name: str, notes: list) -> pd.Series:
    """A labels Series for the rows of ``df``: paired by index, as pandas pairs them, where the two indexes hold the
    same values in another order (a shuffled or sorted copy); by position where the Series has the default index
    (a list made into a Series); an error where the indexes differ otherwise, rather than a guess."""
    if labels.index.equals(df.index) or len(labels) != len(df):
        return labels  # the same rows; or a count mismatch, which _labels_array reports
    same = (not labels.index.has_duplicates and not df.index.has_duplicates
            and set(labels.index) == set(df.index))
    if same:
        notes.append("labels paired with the table's rows by index (the Series was in another order)")
        return labels.reindex(df.index)
    if isinstance(labels.index, pd.RangeIndex) and labels.index.start == 0 and labels.index.step == 1:
        return labels
    if labels.index.has_duplicates or df.index.has_duplicates:
        which = "the labels Series's" if labels.index.has_duplicates else f"{source_name}'s"
        raise DataFormatError(
            f"The labels Series is in another order than the rows of {source_name}, and {which} index repeats "
            "values, so they cannot be paired by index. Pass labels in the table's row order (labels.to_numpy() "
            "pairs them by position), or give the table a unique index (reset_index()).")
    raise DataFormatError(
        f"The labels Series's index does not match the rows of {source_name}: "
        f"{len(set(labels.index) - set(df.index))} of its index values are not in the table's index. Pass labels "
        "with the table's index (e.g. a column of the table, labels='label'), or labels.to_numpy() to pair them by "
        "position.")


def _from_dataframe(df: pd.DataFrame, labels, root: Path, modality, label_col=None, source_name="DataFrame",
                    reading: dict | None = None, root_given: bool = False, in_memory: bool = False,
                    table_reading: TableReading | None = None):
    """``in_memory``: the table was built by the user in this process (not read from a file), so
    absolute paths in it name the user's files, and with no ``root`` their common folder is the root
    (as for a list of paths); paths in a manifest file stay confined to its folder or ``root``.
    ``table_reading``: how a file was read, so that messages name a row by its line in the file."""
    if len(df) == 0:
        raise DataFormatError(f"The table {source_name} has no rows. Expected one row per example.")
    notes: list[str] = []
    df = _dedupe_columns(df, notes)
    df = _readable_cells(df, notes)
    cols = list(df.columns)
    if isinstance(labels, str) and labels in cols:
        label_col, labels = labels, None
        refuse_continuous(df[label_col].tolist(), f"The label column {label_col!r} of {source_name}")
    elif isinstance(labels, str) and not Path(labels).suffix:
        raise DataFormatError(f"labels={labels!r} is not a column of {source_name}. Columns found: {cols}.")
    if label_col is None and labels is None:
        label_col = _pick_column(cols, LABEL_COLUMNS, "label", required=False)
        if label_col is not None and continuous_values(df[label_col].tolist()):
            notes.append(f"column {str(label_col)!r} is named like labels but holds continuous numbers (a regression "
                         "target?): kept as a feature, the data audited without labels (labels= takes class labels)")
            label_col = None
    if isinstance(labels, pd.Series):
        labels = _aligned_series(labels, df, source_name, notes)
    lab = df[label_col].tolist() if label_col is not None else (
        _labels_array(labels, len(df)) if labels is not None else [None] * len(df))
    rest = df.drop(columns=[label_col]) if label_col is not None else df
    info = {"source": source_name}
    if reading:
        info["table"] = reading
    if label_col is not None:
        info["label_column"] = str(label_col)

    def finish(ds: Dataset, read_as: str) -> Dataset:
        ds.findings.update({"read_as": read_as, "layout": read_as, **info})
        read = {info.get(k) for k in ("label_column", "path_column", "image_column", "text_column")}
        split = _split_column_note(df, read, source_name, "path_column" in info or "image_column" in info)
        split = split or ("path_column" in info and _split_paths_note(ds.ids))
        if split:
            notes.append(split)
        if notes:
            ds.findings.setdefault("notes", []).extend(notes)
        return ds

    if _reads(modality, "reads_paths"):
        obj_col = _image_object_column(rest)
        if obj_col is not None:
            info["image_column"] = str(obj_col)
            cells = rest[obj_col].tolist()
            base = root
            if in_memory and not root_given:  # a table built in this process: its absolute paths name the user's
                # files, as a path column's do (the root their common folder), wherever the process runs from
                common = _common_folder_of_absolute(c.get("path") for c in cells
                                                    if isinstance(c, dict) and c.get("bytes") is None)
                base = common if common is not None else root
            if label_col is None and labels is None:
                _label_like_hint(rest.drop(columns=[obj_col]), notes)
            own = _own_ids(df, rest.drop(columns=[obj_col]), notes, from_file=reading is not None)
            ds = _from_image_objects(cells, lab, base, own or _table_ids(df))
            return finish(ds, f"images stored in column {str(obj_col)!r} of {source_name}")
        path_col = _path_column(rest, root, modality, source_name, root_given, notes)
        if path_col is not None:
            info["path_column"] = str(path_col)
            if label_col is None and labels is None:
                _label_like_hint(rest.drop(columns=[path_col]), notes)
            values = rest[path_col].tolist()
            full = list(range(len(values)))
            if reading:  # a manifest file's rows empty in every cell (blank lines) name no file: no examples
                full = [k for k, row in enumerate(df.itertuples(index=False)) if not all(map(_is_missing_cell, row))]
                if len(full) < len(values):
                    notes.append(f"{_n_rows(len(values) - len(full))} of {source_name} empty in every cell: skipped")
                    values, lab = [values[k] for k in full], [lab[k] for k in full]
            base = Path(root).resolve()
            if in_memory and not root_given:
                base = _common_folder_of_absolute(values) or base
            named = _row_namer(table_reading, source_name)
            ds = _from_path_values(values, lab, base, source_name, path_col, lambda j: named(full[j]))
            return finish(ds, f"image paths in column {str(path_col)!r} of {source_name}")
        if modality is not None:  # forced: the table must hold the images
            raise DataFormatError(f"modality={modality!r} but {source_name} has no column of image paths or image bytes. "
                                  f"Columns found: {cols}; expected one named like {list(PATH_COLUMNS[:5])}.")
    if _reads(modality, "reads_strings"):
        text_col = _pick_column(rest.columns, TEXT_COLUMNS, "text", required=False)
        if text_col is None:
            text_col = _lone_text_column(rest, notes, label_col is not None or labels is not None, modality is not None)
        if text_col is None and modality is not None:
            _pick_column(rest.columns, TEXT_COLUMNS, "text")  # the error listing the names looked for
        if text_col is not None:
            info["text_column"] = str(text_col)
            if label_col is None and labels is None:
                _label_like_hint(rest.drop(columns=[text_col]), notes)
            texts = rest[text_col].tolist()
            ds = _from_texts(texts, lab)
            ds.ids = [str(x) for x in df.index] if not isinstance(df.index, pd.RangeIndex) else ds.ids
            ds.ids = _own_ids(df, rest.drop(columns=[text_col]), notes, from_file=reading is not None) or ds.ids
            return finish(ds, f"texts in column {str(text_col)!r} of {source_name}")
    feats = rest.reset_index(drop=True)
    id_like = [c for c in feats.columns if str(c).lower().strip().replace(" ", "_") in PATH_NAMES]
    if modality is None and id_like and len(id_like) == feats.shape[1]:
        vals = [v for v in feats[id_like[0]].tolist() if not _is_missing_cell(v)]
        raise DataFormatError(
            f"{source_name} holds only {'an identifier column' if len(id_like) == 1 else 'identifier columns'} "
            f"({', '.join(map(repr, map(str, id_like)))}: {_show(vals)})"
            + (f" and labels ({str(label_col)!r})" if label_col is not None else "")
            + ": it looks like a labels file, not data. Pass the folder of images as the data and this file as "
              "labels: dq.audit(folder, labels=file). To audit it as a table anyway, read it with "
              "dq.as_dataset(..., modality='tabular') and audit that.")
    feats = read_decimal_commas(feats, reading)
    # the table's own id column names the rows, as a text table's does (the column stays: an identifier, no feature)
    own = _own_ids(df, rest, notes, from_file=reading is not None)
    ds = _from_features(feats, lab, own or [str(x) for x in df.index], source_name)
    return finish(ds, f"table of {feats.shape[1]} feature columns ({source_name})")


def _split_column_note(df: pd.DataFrame, read: set, source_name: str, images: bool) -> str | None:
    """A note where a column of the table names data splits (``split``: train/test): the rows were audited as one
    dataset, so a copy in train and test is an ``exact_duplicate``, not ``leakage``. Not split silently: the
    note says how to audit one split against another."""
    for c in df.columns:
        if str(c) in {str(r) for r in read if r is not None}:
            continue
        if not _is_split_column(df[c]):
            continue
        counts = df[c].astype(str).str.strip().value_counts()
        held = ", ".join(f"{v}: {n}" for v, n in counts.items())
        a, b = (list(counts.index) + [""])[:2]
        root = ", root=folder" if images else ""
        read = f"df = pd.read_csv({source_name!r}); " if Path(source_name).suffix.lower() in (".csv", ".tsv", ".txt") else ""
        return (f"column {str(c)!r} names data splits ({held}): the rows were audited as one dataset, so a copy in two "
                "splits is an exact_duplicate, not leakage. To check leakage between splits, audit one with the other "
                f"as reference=: {read}dq.audit(dq.as_dataset(df[df[{str(c)!r}] == {a!r}]"
                f"{root}), reference=dq.as_dataset(df[df[{str(c)!r}] == {b!r}]{root}))")
    return None


def _split_paths_note(ids: list[str]) -> str | None:
    """A note where the listed paths lie in split folders (``train/...``, ``test/...``): read together, a copy in
    two splits is an exact_duplicate, not leakage."""
    tops = Counter(i.split("/", 1)[0] for i in ids if "/" in i)
    splits = sorted(t for t in tops if t.lower() in SPLIT_NAMES)
    if len(splits) < 2 or sum(tops[t] for t in splits) < 0.9 * len(ids):
        return None
    a, b = _split_pair(splits)
    held = ", ".join(f"{t}/: {tops[t]}" for t in splits)
    return (f"the paths lie in split folders ({held}): the splits were audited as one dataset, so a copy in two "
            "splits is an exact_duplicate, not leakage. To check leakage, audit one split with the other as "
            f"reference=: keep the rows whose path starts with {a + '/'!r} as the data and those starting with "
            f"{b + '/'!r} as reference=")


def _is_split_column(col: pd.Series) -> bool:
    values = {str(v).strip().lower() for v in col.dropna().unique()[:20]}
    return 2 <= len(values) <= 4 and values <= SPLIT_NAMES


def _label_like_hint(others: pd.DataFrame, notes: list[str]) -> None:
    """A hint where a text table has no label column by name but a column of a few categories (``sentiment``):
    it was read unlabelled and nothing said which column might hold the labels."""
    if others.shape[1] == 0:
        return
    small = [c for c, k in column_kinds(others).items() if k in ("categorical", "boolean")
             and not _is_split_column(others[c])]
    if small:
        notes.append(f"no label column found: if {str(small[0])!r} holds the labels, pass labels={str(small[0])!r}")


_BESIDE_TEXT = frozenset({"identifier", "constant", "nested"})  # columns that leave nothing to audit as a table


def _lone_text_column(rest: pd.DataFrame, notes: list[str], labelled: bool, forced: bool = False):
    """The column of free text of a table that holds nothing else to audit as features: besides it only ids, constant
    or nested columns and at most two columns of a few categories (a user, a product), no number or date column. Such a
    table (comment, user, label) was read as a table of the small columns with the text left out. Where several
    columns hold free text (a title and a description), the one with the longest texts is read; a note names the
    others."""
    kinds = column_kinds(rest)
    free = [c for c, k in kinds.items() if k == "free_text"]
    small = [c for c, k in kinds.items() if k in ("categorical", "boolean")]
    if not free or len(small) > 2 or any(k not in _BESIDE_TEXT | {"free_text", "categorical", "boolean"}
                                         for k in kinds.values()):
        return None
    if not forced and len(free) == 1 and not small and rest.shape[1] > 1:
        return None  # one text beside ids only: an error saying to pass modality='text' (tests/test_tables_messy.py)
    text_col = max(free, key=lambda c: rest[c].astype(str).str.len().mean())
    if rest.shape[1] == 1:
        notes.append(f"the only column besides the labels, {str(text_col)!r}, holds free text: read as text")
        return text_col
    others = [str(c) for c in rest.columns if c != text_col]
    notes.append(f"column {str(text_col)!r} holds free text and the other columns ({', '.join(map(repr, others))}) "
                 "only ids or a few categories: read as texts in that column, the other columns not audited (to audit "
                 "them as a table, pass modality='tabular')")
    if not labelled and small:
        notes.append(f"no label column found: if {str(small[0])!r} holds the labels, pass labels={str(small[0])!r}")
    return text_col


def _forces(modality: str | None, reads: str) -> bool:
    """Whether the user forced a modality that reads this form (``reads``: a ``Modality.reads_*`` flag)."""
    return modality is not None and getattr(get_modality(modality), reads)


def _reads(modality: str | None, reads: str) -> bool:
    """Whether this form may be read: the modality is to be decided from the data, or the forced one reads it."""
    return modality is None or _forces(modality, reads)


def _table_ids(df: pd.DataFrame) -> list[str]:
    return [str(x) for x in df.index] if not isinstance(df.index, pd.RangeIndex) else [str(i) for i in range(len(df))]


def _path_column(df: pd.DataFrame, root: Path, modality, source_name: str, root_given: bool, notes: list[str]):
    """The column of image paths: named like one (and holding path-like values), or holding image file names."""
    named = _pick_column(df.columns, PATH_COLUMNS, "path", required=False)
    candidates = ([named] if named is not None else []) + [c for c in _text_like_columns(df) if c != named]
    for c in candidates:
        vals = df[c].tolist()
        if not any(isinstance(v, str) for v in vals[:50]):
            continue
        ext, exists = _looks_like_paths(vals, Path(root).resolve())
        if ext >= 0.5 or exists >= 0.5 or (c == named and modality is not None):
            if c != named:
                notes.append(f"column {str(c)!r} holds image file names: read as the image paths")
            return c
    if named is not None and modality is None and str(named).lower().strip().replace(" ", "_") not in URI_COLUMNS:
        vals = [v for v in df[named].tolist() if not _is_missing_cell(v)]
        raise DataFormatError(
            f"Column {str(named)!r} of {source_name} looks like a column of file paths, but its values name no image "
            f"files under {root} (first values: {_show(vals)}). If this is a labels file for a folder of images, "
            "pass the folder as the data and this file as labels: dq.audit(folder, labels=file). To audit it as a "
            "table of features, read it with dq.as_dataset(..., modality='tabular') and audit that.")
    return None


def _from_path_values(values: list, lab: list, root: Path, source_name: str, path_col,
                      where: Callable[[int], str] | None = None) -> Dataset:
    """``where``: value ``j`` as the user finds it in the table (``"line 7 of manifest.csv"``)."""
    where = where or (lambda j: f"row {j + 1} of {source_name}")
    abs_paths, ids, escaped, absent = [], [], [], {}
    seen: dict[str, int] = {}
    for row, value in enumerate(values):
        if _is_missing_cell(value):
            at = where(row)
            raise DataFormatError(f"{at[:1].upper() + at[1:]} has an empty {str(path_col)!r}. "
                                  "Every row needs a file path.")
        raw = str(value).strip()
        if raw.lower().startswith("file://"):  # a local file as a URI: its path, confined like any other
            from urllib.parse import unquote, urlparse

            raw = unquote(urlparse(raw).path)
        p = _resolve_inside(root, raw)
        if "\\" in raw and (p is None or not _present(p)):  # a Windows path, unless a name with \xNN escapes
            alt = _resolve_inside(root, raw.replace("\\", "/"))
            # the / form leaving the root is refused, not taken back to the literal name (..\secret.png)
            p = None if alt is None and ".." in raw.replace("\\", "/").split("/") else (
                alt if (alt is not None and _present(alt)) or p is None else p)
        if p is None:
            escaped.append((row, str(value)))
            continue
        rel = _rel_id(p, root)
        seen[rel] = seen.get(rel, 0) + 1
        ids.append(rel)
        abs_paths.append(p)
    if escaped:
        shown = "; ".join(f"{where(r)}: {v!r}" for r, v in escaped[:_SHOW])
        raise DataFormatError(
            f"{len(escaped)} path(s) in {source_name} resolve outside the dataset root {root}, directly or through "
            f"a symbolic link, and were refused ({shown}). Make the paths relative to the root, or read them with "
            "dq.as_dataset(..., root=folder) (--root on the command line) for a folder that contains them."
            + _link_farm_hint(root, [v for _, v in escaped], source_name)
        )
    ids = _unique(ids)
    exists = [_present(p) for p in abs_paths]
    if not any(exists):
        raise DataFormatError(
            f"None of the {len(abs_paths)} paths in {source_name} exists under {root} (first values: "
            f"{_show([str(v) for v in values])}). Read them with dq.as_dataset(..., root=folder), the folder the "
            "paths are relative to, or run from that folder.")
    for j, ok in enumerate(exists):
        if not ok:
            absent[j] = f"{_NOT_FOUND}: listed in {source_name} but not on disk"
    ds = Dataset("image", ids, lab, _file_source(abs_paths, absent), np.arange(len(ids)), root=root)
    if absent:
        ds.findings["rows_without_file"] = len(absent)
        ds.findings["rows_without_file_examples"] = [ids[j] for j in sorted(absent)[:_SHOW]]
    dup = sum(v - 1 for v in seen.values())
    if dup:
        ds.findings["duplicate_manifest_rows"] = dup
    return ds


def _from_image_objects(values: list, lab: list, root: Path, ids: list[str]) -> Dataset:
    """Images held in a column: encoded bytes, Hugging Face ``{"bytes", "path"}`` dicts, PIL images, arrays."""
    ids = ids if len(set(ids)) == len(ids) else [str(i) for i in range(len(values))]
    return Dataset("image", ids, lab, ColumnImageSource(values, Path(root).resolve()), np.arange(len(values)))


# -- in-memory forms ------------------------------------------------------------------
_array_token = array_token


def _from_image_list(items: list, labels, kind: str) -> Dataset:
    n = len(items)
    lab = _labels_array(labels, n) if labels is not None else [None] * n
    ds = Dataset("image", [str(i) for i in range(n)], lab, ImageListSource(items, kind), np.arange(n))
    what = {"pil": "list of PIL images", "array": "numpy array of images", "list": "list of image arrays"}[kind]
    ds.findings.update({"read_as": what, "layout": what})
    return ds


def _common_folder_of_absolute(values) -> Path | None:
    """The deepest folder holding every path when all (non-empty) values are absolute paths: the
    user named the files, so that is the root; None otherwise."""
    vals = [str(v).strip() for v in values if not _is_missing_cell(v) and str(v).strip()]
    if not vals or not all(os.path.isabs(v) for v in vals):
        return None
    try:
        return Path(os.path.commonpath([os.path.dirname(os.path.normpath(v)) for v in vals]))
    except ValueError:  # paths on different drives (Windows)
        return None


def _from_list(items: list, labels, root, modality) -> Dataset:
    if len(items) == 0:
        raise DataFormatError("The dataset is empty. Expected at least one example.")
    from PIL import Image

    if all(isinstance(x, Image.Image) for x in items):
        return _from_image_list(items, labels, "pil")
    if all(isinstance(x, np.ndarray) for x in items):
        return _from_image_list(items, labels, "list")
    if all(isinstance(x, (str, os.PathLike)) or _is_missing_cell(x) for x in items) \
            and any(isinstance(x, (str, os.PathLike)) for x in items):
        # None / NaN among strings: a missing text (a missing_value issue), or an empty path (an error)
        strings = [os.fspath(x) if isinstance(x, (str, os.PathLike)) else "" for x in items]
        filled = [s for s in strings if s.strip()]
        pathlike = [s for s in filled if "\n" not in s and Path(s.strip()).suffix.lower() in IMAGE_EXTENSIONS]
        as_paths = _forces(modality, "reads_paths") or (modality is None and filled and len(pathlike) == len(filled))
        if modality is None and filled and 0 < len(pathlike) < len(filled) and len(pathlike) >= 0.5 * len(filled):
            odd = [s for s in filled if s not in set(pathlike)]
            raise DataFormatError(
                f"The list mixes image paths ({len(pathlike)}, e.g. {pathlike[0]!r}) and other strings ({len(odd)}, "
                f"e.g. {odd[0][:60]!r}). Read them with dq.as_dataset(..., modality='image') to take them all as "
                "paths (the others become unreadable) or modality='text' to take them as texts.")
        if as_paths:
            base = Path(root) if root else (_common_folder_of_absolute(filled) or Path.cwd())
            df = pd.DataFrame({"path": strings})
            ds = _from_path_values(df["path"].tolist(), _labels_array(labels, len(strings)) if labels is not None
                                   else [None] * len(strings), base.resolve(), "the list of paths", "path")
            ds.findings.update({"read_as": "list of image paths", "layout": "list of image paths",
                                "source": f"paths relative to {base.resolve()}"})
            return ds
        if not _reads(modality, "reads_strings"):
            raise DataFormatError(f"A list of strings is read as texts or image paths; modality={modality!r} does "
                                  "not apply.")
        ds = _from_texts(strings, labels)
        ds.findings.update({"read_as": "list of texts", "layout": "list of texts"})
        return ds
    if all(isinstance(x, Mapping) for x in items):  # records, as list(hugging_face_dataset) gives them
        try:
            df = pd.DataFrame.from_records(items)
        except (TypeError, ValueError) as exc:
            raise DataFormatError(f"Could not read the list of records as a table: {exc}. Expected dicts with the "
                                  "same keys, such as {'image': ..., 'label': ...}.") from exc
        return _from_dataframe(df, labels, Path(root) if root else Path.cwd(), modality,
                               source_name="the list of records", root_given=root is not None, in_memory=True)
    kinds = sorted({type(x).__name__ for x in items})
    raise DataFormatError(
        "Expected a list of PIL images, image arrays, image paths, strings or records (dicts), but the list "
        + (f"mixes types ({kinds})." if len(kinds) > 1 else f"holds {kinds[0]} objects.") + _bytes_hint(items)
    )


def _bytes_hint(items: list) -> str:
    """How to pass a list of byte strings: texts as h5py and old numpy arrays hold them, or encoded images."""
    if not all(isinstance(x, (bytes, bytearray, np.bytes_)) for x in items):
        return ""
    try:
        for x in items[:200]:
            bytes(x).decode("utf-8")
    except UnicodeDecodeError:
        return (" Encoded image files (PNG, JPEG bytes) are read from a table column: "
                "dq.audit(pd.DataFrame({'image': items, 'label': labels})).")
    return (" They read as UTF-8 text (h5py and numpy 'S' arrays hold strings as bytes): pass them decoded, "
            "[b.decode('utf-8') for b in items].")


def _is_tensor(x) -> bool:
    return type(x).__module__.startswith("torch") and hasattr(x, "detach") and hasattr(x, "shape")


def _tensor_array(t) -> np.ndarray:
    """A torch tensor as the numpy array it holds (bfloat16, which numpy lacks, as float32)."""
    t = t.detach().cpu()
    if str(t.dtype) == "torch.bfloat16":
        t = t.float()
    return t.numpy()


def _from_array(arr: np.ndarray, labels, modality) -> Dataset:
    if arr.ndim == 0 or len(arr) == 0:
        raise DataFormatError("The dataset is empty. Expected an array with at least one example.")
    if arr.dtype == object or arr.dtype.kind in "USO":
        return _from_list(arr.tolist(), labels, None, modality)
    if _forces(modality, "reads_rows") or (modality is None and arr.ndim == 2):
        if arr.ndim != 2:
            raise DataFormatError(f"modality={modality!r} needs a 2-D array (rows, features) but got shape {arr.shape}.")
        ds = _from_features(pd.DataFrame(arr, columns=[f"x{i}" for i in range(arr.shape[1])]),
                            _labels_array(labels, len(arr)) if labels is not None else [None] * len(arr),
                            [str(i) for i in range(len(arr))], "numpy array")
        ds.findings.update({"read_as": f"numpy array of {arr.shape[1]} features per row",
                            "layout": f"numpy array of {arr.shape[1]} features per row"})
        return ds
    if _forces(modality, "reads_strings"):
        raise DataFormatError(f"modality={modality!r} needs strings but got a numeric array of shape {arr.shape}.")
    if arr.ndim not in (3, 4):
        raise DataFormatError(
            f"Expected images as N,H,W or N,H,W,C (or features as N,D) but got an array of shape {arr.shape}."
        )
    if arr.ndim == 4 and arr.shape[-1] not in (1, 3, 4) and arr.shape[1] not in (1, 3, 4):
        raise DataFormatError(f"Expected 1, 3 or 4 channels but got an array of shape {arr.shape}.")
    _refuse_standardised(arr, "The images of this array", "Pass the images before normalising them (values 0-1 or "
                         "0-255).")
    return _from_image_list(list(arr), labels, "array")


def _from_embeddings(data, labels) -> Dataset:
    """Precomputed vectors used as they are: no scaling, no encoding (``kind="embeddings"``)."""
    if hasattr(data, "detach"):
        data = _tensor_array(data)
    ids, notes = None, []
    if isinstance(data, pd.DataFrame):  # rows named by its index (image ids), a label column, labels paired by index
        data, labels, ids, notes = _embedding_frame(data, labels)
    if not isinstance(data, np.ndarray):
        raise DataFormatError(
            f"kind='embeddings' expects an (N, D) numpy array or np.memmap of vectors but got {type(data).__name__}.")
    if data.ndim != 2 or data.shape[0] == 0 or data.shape[1] == 0:
        raise DataFormatError(f"kind='embeddings' expects an (N, D) array with N, D >= 1 but got shape {data.shape}.")
    if data.dtype.kind not in "fiu":
        raise DataFormatError(f"kind='embeddings' expects numeric vectors but got dtype {data.dtype}.")
    if data.shape[1] == 1:  # every neighbour check compares directions, and one number has only its sign
        raise DataFormatError("kind='embeddings' got vectors of one dimension: the checks compare vectors by "
                              "cosine distance, which for one number keeps only its sign. Pass vectors of two "
                              "dimensions or more, or audit the values as a table (a DataFrame column).")
    n = len(data)
    lab = _labels_array(labels, n) if labels is not None else [None] * n
    ds = Dataset("embeddings", ids or [str(i) for i in range(n)], lab, EmbeddingSource(data), np.arange(n))
    what = f"precomputed embeddings ({n:,} x {data.shape[1]}, {data.dtype}), used as they are"
    ds.findings.update({"read_as": what, "layout": what})
    if notes:
        ds.findings["notes"] = notes
    return ds


def _embedding_frame(df: pd.DataFrame, labels):
    """A DataFrame of vectors: ``(array, labels, ids, notes)``. Its rows keep the names its index gives them (as a
    table's do); ``labels`` naming a column takes that column out of the vectors, and a labels Series is paired by
    index as for a table (:func:`_aligned_series`), never silently by position when the orders differ."""
    notes: list[str] = []
    if isinstance(labels, str) and labels in df.columns:
        notes.append(f"labels from the column {labels!r}, left out of the vectors")
        labels, df = df[labels].tolist(), df.drop(columns=[labels])
    elif isinstance(labels, str) and not Path(labels).suffix:
        raise DataFormatError(f"labels={labels!r} is not a column of the DataFrame of embeddings. Columns found: "
                              f"{_show([str(c) for c in df.columns])}.")
    elif isinstance(labels, pd.Series):
        labels = _aligned_series(labels, df, "the DataFrame of embeddings", notes)
    ids = _table_ids(df) if len(set(map(str, df.index))) == len(df) else None
    return df.to_numpy(), labels, ids, notes


def _from_texts(texts: list, labels) -> Dataset:
    n = len(texts)
    if n == 0:
        raise DataFormatError("The dataset is empty. Expected at least one text.")
    vals = ["" if _is_missing_cell(t) else readable_text(str(t)) for t in texts]
    lab = _labels_array(labels, n) if labels is not None and not isinstance(labels, list) else (
        labels if labels is not None else [None] * n)
    if len(lab) != n:
        raise DataFormatError(f"Expected {n} labels (one per text) but got {len(lab)}.")
    return Dataset("text", [str(i) for i in range(n)], lab, TextSource(vals), np.arange(n))


def _from_features(df: pd.DataFrame, labels, ids, source_name: str = "the table") -> Dataset:
    n = len(df)
    if n == 0 or df.shape[1] == 0:
        raise DataFormatError(f"Expected a table with rows and feature columns but got shape {df.shape}.")
    kinds = column_kinds(df)
    usable = [c for c, k in kinds.items() if k not in EXCLUDED_KINDS]
    described = describe_kinds(kinds)
    if not usable and any(k not in ("constant",) for k in kinds.values()):
        why = described.get("excluded_columns", {})
        raise DataFormatError(
            f"{source_name} has no column that can be used as a feature: {why}. If it is a labels file for a folder "
            "of images, pass the folder as the data and this file as labels: dq.audit(folder, labels=file); if it "
            "holds texts, pass modality='text' (or name the text column 'text').")
    if len(set(ids)) != len(ids):
        ids = [str(i) for i in range(n)]
    ds = Dataset("tabular", list(ids), labels, TabularSource(df, _row_hashes(df)), np.arange(n), features=df)
    ds.findings.update(described)
    return ds


def _row_hashes(df: pd.DataFrame) -> np.ndarray:
    """A 64-bit hash of each row's content: number columns hashed as numbers in one block (a table of
    10,000 columns in linear time), other columns as text."""
    dtypes = list(df.dtypes)
    num = [j for j, t in enumerate(dtypes) if pd.api.types.is_numeric_dtype(t)]
    num_set = set(num)
    rest = [j for j in range(len(dtypes)) if j not in num_set]
    h = np.zeros(len(df), dtype=np.uint64)
    if num:
        block = pd.DataFrame(df.iloc[:, num].to_numpy(dtype=float, na_value=np.nan))
        h ^= pd.util.hash_pandas_object(block, index=False).to_numpy()
    if rest:
        h ^= pd.util.hash_pandas_object(df.iloc[:, rest].astype(str), index=False).to_numpy() * np.uint64(3)
    return h


# -- map-style datasets (torch, Hugging Face) -------------------------------------------
def _is_iterable_style(data) -> bool:
    try:
        import torch.utils.data as tud
    except ImportError:  # pragma: no cover
        return False
    return isinstance(data, tud.IterableDataset)


def _is_map_style(data) -> bool:
    try:
        import torch.utils.data as tud

        if isinstance(data, tud.IterableDataset):
            return False
        if isinstance(data, tud.Dataset):
            return True
    except ImportError:  # pragma: no cover
        pass
    return hasattr(data, "__len__") and hasattr(data, "__getitem__") and not isinstance(
        data, (str, bytes, dict, set, pd.DataFrame, pd.Series, np.ndarray))


def _dict_key(item: dict, keys, test) -> str | None:
    lower = {str(k).lower(): k for k in item}
    for k in keys:
        if k in lower and test(item[lower[k]]):
            return lower[k]
    for k, v in item.items():
        if test(v):
            return k
    return None


def _is_image_like(v) -> bool:
    from PIL import Image

    if isinstance(v, Image.Image) or _is_image_object(v):
        return True
    shape = getattr(v, "shape", None)
    return shape is not None and len(shape) in (2, 3) and min(shape[-2:]) > 1


def _is_label_like(v) -> bool:
    if hasattr(v, "item") and getattr(v, "ndim", 0) == 0:
        return True
    return isinstance(v, (str, int, np.integer, bool)) and not isinstance(v, bytes)


def _refuse_standardised(x, what: str, fix: str) -> None:
    """A float image below zero is standardised (a Normalize transform: mean 0, unit spread per channel), not
    pixels: no scale reads its brightness or colour, and read as pixels every image would be black (all dark)."""
    if hasattr(x, "detach"):
        x = x.detach().cpu().numpy()
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f" or not x.size:
        return
    from ._images import finite_extreme

    low = finite_extreme(x, "min")
    if low < -0.05:  # not rounding below 0, a spread around 0
        raise DataFormatError(
            f"{what} are standardised tensors, not pixels (values from {low:.2f} to {finite_extreme(x):.2f}): "
            f"their brightness, blur and colour cannot be read. {fix}")


def _tensor_ranges(data) -> dict:
    """The one pixel scale (:func:`array_ranges`) of a dataset whose images are all in memory: a ``TensorDataset``,
    or a ``Subset`` / ``ConcatDataset`` of them (the whole tensors underneath). Empty for any other dataset, whose
    items are each scaled on their own (reading them all first would decode the dataset twice)."""
    try:
        import torch.utils.data as tud
    except ImportError:  # pragma: no cover
        return {}
    tensors, todo = [], [data]
    while todo:
        d = todo.pop()
        if isinstance(d, tud.Subset):
            todo.append(d.dataset)
        elif isinstance(d, tud.ConcatDataset):
            todo.extend(d.datasets)
        elif isinstance(d, tud.TensorDataset) and d.tensors:
            tensors.append(d.tensors[0])
        else:
            return {}
    return array_ranges([_tensor_array(t) for t in tensors])


def _sample_names(data) -> list[str] | None:
    """The files a torchvision ``ImageFolder`` / ``DatasetFolder`` (or a ``Subset`` / ``ConcatDataset`` of them) reads,
    relative to its root, as the examples' ids, so that issues name the files; None for any other dataset (ids are
    then positions) or where two items would share a name."""
    try:
        import torch.utils.data as tud
    except ImportError:  # pragma: no cover
        return None

    def names(d):
        if isinstance(d, tud.Subset):
            inner = names(d.dataset)
            return None if inner is None else [inner[int(i)] for i in d.indices]
        if isinstance(d, tud.ConcatDataset):
            parts = [names(x) for x in d.datasets]
            return None if any(p is None for p in parts) else [v for p in parts for v in p]
        samples, root = getattr(d, "samples", None), getattr(d, "root", None)
        if not isinstance(samples, list) or root is None or len(samples) != len(d):
            return None
        try:
            return [Path(os.path.relpath(str(s[0]), str(root))).as_posix() for s in samples]
        except (TypeError, ValueError, IndexError):
            return None

    out = names(data)
    return out if out is not None and len(set(out)) == len(out) else None


def _item_label(y):
    """A label as its value: a one-element tensor or numpy value as its number; a tensor of several values (one-hot,
    multi-label) as a list, which the labels' reader refuses naming the example, rather than a torch error."""
    shape = getattr(y, "shape", None)
    if shape is None or not hasattr(y, "tolist"):
        return y
    if int(np.prod(shape)) != 1:
        return y.tolist()
    return y.reshape(-1)[0].item() if hasattr(y, "reshape") else y.tolist()


def _targets_agree(data, targets, pick, loaded: dict) -> bool:
    """Whether ``data.targets`` are the labels its items carry: not when a ``target_transform`` maps them (an
    ImageFolder's class indices regrouped or renamed), nor when the label of the first, middle or last item differs
    from its target (targets left stale by an edit). Items carrying no label leave the targets as the labels."""
    if getattr(data, "target_transform", None) is not None:
        return False
    n = len(targets)
    for j in {0, n // 2, n - 1} - set(loaded):
        try:
            loaded[j] = data[j]
        except Exception:
            continue
    for j, item in loaded.items():
        if j is None:
            continue
        y = _item_label(pick(item)[1]) if isinstance(item, (tuple, list, dict)) else None
        if y is not None and str(y) != str(_item_label(targets[j])):
            return False
    return True


_ID_KEYS = ("id", "idx", "index", "key", "uid", "uuid", "name", "path", "file", "filename", "file_name", "image_id")


def _item_label_key(item: dict, image_key, name: str):
    """The key of a dict item holding its label: one named like a label (``label``, ``target``...); else the one
    value that could be a label and is not named like an id or a path (a note would not undo a guess between two:
    ``{"id": 7, "digit": 3}`` took the id); several such values are an error asking for ``labels=<key>``."""
    named = next((item[k] for k in item if str(k).lower() in LABEL_KEYS and _is_label_like(item[k])), None)
    if named is not None:
        return _dict_key(item, LABEL_KEYS, _is_label_like)
    cands = [k for k, v in item.items() if k != image_key and _is_label_like(v)
             and not (str(k).lower() in _ID_KEYS or str(k).lower().endswith(("_id", "_idx", "_path")))]
    if len(cands) > 1:
        raise DataFormatError(
            f"The items of {name} are dicts with several keys that could hold the label ({_show(cands)}) and none "
            f"named like a label ({', '.join(LABEL_KEYS[:4])}, ...). Pass labels='<key>' to say which.")
    return cands[0] if cands else None


def _refuse_image_elsewhere(first, name: str) -> None:
    """Items read as ``(image, label, ...)``: a tuple whose image is at another place (``(label, image)``) is an
    error saying so, not a dataset of unreadable images."""
    if not isinstance(first, (tuple, list)) or not first or _is_image_like(first[0]):
        return
    at = next((k for k, v in enumerate(first) if _is_image_like(v)), None)
    if at is not None:
        raise DataFormatError(
            f"The items of {name} are {type(first).__name__}s with the image at position {at}, not 0 (first element: "
            f"{type(first[0]).__name__!r}). Expected (image, label, ...): wrap the dataset so that __getitem__ returns "
            "the image first, or return a dict {'image': ..., 'label': ...}.")


def _from_hf_table(data, labels) -> Dataset:
    """A Hugging Face ``datasets.Dataset`` without images (texts, or a table): read as its DataFrame is, by the rules
    of a table (a ``text``/``sentence`` column, a lone free-text column, else features), with its ``ClassLabel``
    names. Its dict items were refused as holding no image."""
    df = data.to_pandas()
    ds = _from_dataframe(df, labels, Path.cwd(), None, source_name=f"the Hugging Face {type(data).__name__}",
                         in_memory=True)
    label_col = ds.findings.get("label_column")
    try:
        names = list(data.features[label_col].names) if label_col is not None else None
    except (AttributeError, KeyError, TypeError):
        names = None
    if names and all(isinstance(v, (int, np.integer)) for v in ds.labels if v is not None):
        ds.findings["class_names"] = names
    return ds


def _from_map_style(data, labels) -> Dataset:
    try:
        n = len(data)
    except TypeError:
        raise DataFormatError("Expected a map-style dataset with __len__; iterable datasets are not supported.") from None
    if n == 0:
        raise DataFormatError(f"The {type(data).__name__} is empty.")
    first, j_first = None, None
    for j in range(min(n, 5)):
        try:
            first, j_first = data[j], j
            break
        except Exception:
            continue
    _refuse_image_elsewhere(first, type(data).__name__)
    image_key = label_key = None
    if isinstance(first, dict):
        image_key = _dict_key(first, IMAGE_KEYS, _is_image_like)
        if image_key is None and hasattr(data, "to_pandas") and hasattr(data, "column_names"):
            return _from_hf_table(data, labels)
        if isinstance(labels, str) and labels in first:  # labels= names the items' key (a column of an HF dataset)
            label_key, labels = labels, None
        else:
            label_key = _item_label_key(first, image_key, type(data).__name__) if labels is None else None
        if image_key is None:
            raise DataFormatError(
                f"The items of {type(data).__name__} are dicts with keys {list(first)}, none of which holds an image "
                f"(a PIL image, a tensor or array, or encoded bytes). Expected a key like {list(IMAGE_KEYS[:3])}. If "
                "they hold texts, pass the texts and labels: dq.audit([item['text'] for item in data], "
                "labels=[item['label'] for item in data]).")

    source = MapStyleSource(data, image_key, label_key, full=_tensor_ranges(data) if image_key is None else None)
    pick = source.pick
    if first is not None:
        _refuse_standardised(pick(first)[0], f"The items of {type(data).__name__}",
                             "Pass the dataset without its Normalize transform (e.g. transform=ToTensor(), values "
                             "0-1), or with no transform (PIL images).")
    if labels is None:
        targets = getattr(data, "targets", None) if image_key is None else None
        if targets is not None and len(targets) == n and _targets_agree(data, targets, pick, {j_first: first}):
            lab = [_item_label(t) for t in targets]
        elif label_key is not None and hasattr(data, "column_names") and hasattr(data, "__getitem__") \
                and label_key in getattr(data, "column_names", []):
            lab = list(data[label_key])  # a Hugging Face dataset: the column, without decoding images
        else:
            lab = []
            for j in range(n):
                try:
                    y = pick(data[j])[1]
                except Exception:
                    y = None
                lab.append(_item_label(y))
    else:
        lab = _labels_array(labels, n)
    # a target_transform maps the class indices that .classes names to other labels
    classes = getattr(data, "classes", None) if getattr(data, "target_transform", None) is None else None
    features = getattr(data, "features", None)
    if classes is None and label_key is not None and features is not None:
        try:
            classes = list(features[label_key].names)
        except Exception:
            classes = None
    names = _sample_names(data)
    ds = Dataset("image", names or [str(i) for i in range(n)], lab, source, np.arange(n))
    what = f"map-style {type(data).__name__}"
    what += f" yielding dicts (image {image_key!r}, label {label_key!r})" if image_key is not None else \
        " yielding (image, label)"
    ds.findings.update({"read_as": what, "layout": what})
    if image_key is not None:
        ds.findings["image_key"], ds.findings["label_key"] = str(image_key), None if label_key is None else str(label_key)
    if classes and all(isinstance(v, (int, np.integer)) for v in ds.labels if v is not None):
        ds.findings["class_names"] = list(classes)
    return ds
