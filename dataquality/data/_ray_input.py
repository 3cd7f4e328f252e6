"""A ``ray.data.Dataset`` as input: its rows name image files or objects (a path column), and
the small columns (id, label, path) come to the driver while the images stay where they are."""

from __future__ import annotations

import numpy as np

from .._errors import DataFormatError


def from_ray_dataset(data, labels):
    from ._adapters import LABEL_COLUMNS, PATH_COLUMNS, _pick_column
    from ._dataset import Dataset
    from ._paths import resolve_inside
    from ._sources import FileSource, is_uri

    cols = list(data.columns() or [])
    if not cols:
        raise DataFormatError(
            "The ray.data.Dataset is empty (no rows, so no columns). Expected at least one row naming an image "
            "file or object in a path column.")
    path_col = _pick_column(cols, PATH_COLUMNS, "path", required=False)
    if path_col is None:
        raise DataFormatError(
            f"A ray.data.Dataset is read as images named by a path or URI column (one of {list(PATH_COLUMNS)}); "
            f"got columns {cols}. Image bytes held inside a Ray Dataset are not supported yet: write them to "
            "files or object storage and pass a manifest with a path column.")
    _refuse_images_held_inside(data, path_col)
    label_col = labels if isinstance(labels, str) and labels in cols else (
        _pick_column(cols, LABEL_COLUMNS, "label", required=False) if labels is None else None)
    id_col = "id" if "id" in cols and path_col != "id" else None
    small = _in_order(data.select_columns([c for c in (path_col, label_col, id_col) if c]))
    if len(small) == 0:
        raise DataFormatError("The ray.data.Dataset has no rows. Expected at least one row naming an image.")
    _refuse_empty_cells(small, path_col, "a path or URI naming its image")
    if id_col:
        _refuse_empty_cells(small, id_col, "an id (leave the column out to use the paths as ids)")
    values = small[path_col].astype(str).tolist()
    from pathlib import Path

    located = []
    for v in values:
        if is_uri(v):
            located.append(v)
        else:
            p = resolve_inside(Path("/"), v) if Path(v).is_absolute() else None
            if p is None:
                raise DataFormatError(
                    f"Paths in a ray.data.Dataset must be absolute paths or URIs; got {v!r}.")
            located.append(p)
    ids = small[id_col].astype(str).tolist() if id_col else values
    if len(set(ids)) != len(ids):
        raise DataFormatError("The ray.data.Dataset names the same image more than once; expected unique paths/ids.")
    if label_col is not None:
        lab = small[label_col].tolist()
    elif labels is not None:
        from ._adapters import _labels_array

        lab = _labels_array(labels, len(small))
    else:
        lab = [None] * len(small)
    ds = Dataset("image", ids, lab, FileSource(located), np.arange(len(ids)))
    ds.findings["layout"] = f"ray.data.Dataset (path column {path_col!r}, {len(ids):,} rows)"
    return ds


def _refuse_images_held_inside(data, path_col: str) -> None:
    """A path column that holds no text (``read_images`` names its pixel column ``image``, one of the path
    names) is refused before its values come to the driver: pixels or bytes are not paths."""
    import pyarrow as pa

    schema = data.schema()
    kind = dict(zip(schema.names, schema.types)).get(path_col) if schema is not None else None
    if not isinstance(kind, pa.DataType):
        return
    text = pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind) or \
        getattr(pa.types, "is_string_view", lambda _: False)(kind)
    if not text:
        raise DataFormatError(
            f"The ray.data.Dataset's column {path_col!r} holds {kind}, not paths or URIs. Images held inside a Ray "
            "Dataset are not supported yet: read them with their paths (ray.data.read_images(..., "
            "include_paths=True) gives a 'path' column, which is used) or pass a manifest with a path column.")


def _refuse_empty_cells(small, col: str, what: str) -> None:
    """Empty cells of ``col`` refused with the rows that hold them (str() would read them as 'nan' or 'None')."""
    empty = small[col].isna().to_numpy() | (small[col].astype(str).str.strip() == "").to_numpy()
    if empty.any():
        rows = np.flatnonzero(empty)
        raise DataFormatError(
            f"{len(rows)} row(s) of the ray.data.Dataset have an empty {col!r} (rows {rows[:5].tolist()}, counted from "
            f"0 in the dataset's order). Every row needs {what}: fill them in or filter those rows out.")


def _in_order(projected):
    """The rows as a DataFrame in the dataset's order. Ray Data hands blocks back as they finish unless
    told to keep their order (``preserve_order``), and labels given as a list, or any row number the user
    holds, are paired by position. The context is the caller's dataset's too, so it is restored."""
    options = projected.context.execution_options
    before = options.preserve_order
    options.preserve_order = True
    try:
        return projected.to_pandas()
    finally:
        options.preserve_order = before
