"""Reading labels files and manifests in the forms people have them.

A CSV written by Excel, pandas, a shell script or a Windows tool: UTF-8 with or without a byte
order mark, UTF-16, or a legacy single-byte encoding; ``,`` ``;`` tab or ``|`` between fields; an
Excel ``sep=;`` first line; quoted fields; a header row or none. :func:`read_table` returns the
table with every cell as text (missing cells as None) and a record of how it was read, which
ends up in ``report.findings["dataset"]``.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .._errors import DataFormatError
from ._images import IMAGE_EXTENSIONS

PARQUET_SUFFIXES = (".parquet", ".pq")
DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}

# column names that, in a header row, mark the row as a header and not as data
PATH_NAMES = ("path", "filepath", "file_path", "file", "filename", "file_name", "fname", "image", "image_path",
              "imagepath", "image_name", "imagename", "image_file", "img", "img_path", "img_name", "image_id",
              "imageid", "img_id", "id", "name", "location", "uri", "url")
LABEL_NAMES = ("label", "labels", "class", "class_name", "classname", "class_label", "target", "y", "category",
               "species", "breed", "annotation", "tag", "ground_truth", "gt")
TEXT_NAMES = ("text", "sentence", "content", "document", "review", "body")


@dataclass
class TableReading:
    """How a table file was read (reported in the findings)."""

    path: str
    encoding: str = ""
    delimiter: str = ""
    header: bool = True
    excel_sep_line: bool = False
    rows: int = 0
    notes: list[str] = field(default_factory=list)

    def as_finding(self) -> dict:
        out = {"file": self.path, "rows": self.rows}
        if self.encoding:
            out["encoding"] = self.encoding
        if self.delimiter:
            out["delimiter"] = _DELIMITER_NAMES.get(self.delimiter, self.delimiter)
            out["header_row"] = self.header
        if self.excel_sep_line:
            out["excel_sep_line"] = True
        if self.notes:
            out["notes"] = list(self.notes)
        return out


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text of a file and the name of the encoding it was decoded with.

    Byte order marks decide first (UTF-8, UTF-16, UTF-32); UTF-16 without one is recognised by its
    zero bytes; then strict UTF-8; then cp1252 (Excel's "CSV" on Western Windows, a superset of the
    printable Latin-1), so that ``café`` and ``cafè`` stay two different names instead of both
    becoming ``caf\N{REPLACEMENT CHARACTER}``.
    """
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), {"utf-8-sig": "utf-8 (with BOM)"}.get(enc, enc)
            except UnicodeDecodeError as exc:
                raise DataFormatError(f"The file starts with a {enc} byte order mark but is not valid {enc}: {exc}.") \
                    from None
    if len(data) >= 4 and data.count(0) >= len(data) // 4:
        enc = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252 (not valid UTF-8)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1 (not valid UTF-8)"


def _split(lines: list[str], delimiter: str) -> list[list[str]]:
    return list(csv.reader(lines, delimiter=delimiter, quotechar='"', skipinitialspace=True))


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the most consistent number (> 1) of fields."""
    sample = [ln for ln in lines[:200] if ln.strip()]
    best, best_key = ",", (0.0, 0)
    for d in DELIMITERS:
        try:
            counts = [len(r) for r in _split(sample, d)]
        except csv.Error:
            continue
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        if mode < 2:
            continue
        key = (counts.count(mode) / len(counts), mode)
        if key > best_key:
            best, best_key = d, key
    return best


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def looks_like_header(rows: list[list[str]]) -> bool:
    """Whether the first row names the columns (True) or is already data (False)."""
    first = [c.strip() for c in rows[0]]
    known = set(PATH_NAMES) | set(LABEL_NAMES) | set(TEXT_NAMES)
    if any(c.lower().replace(" ", "_") in known for c in first):
        return True
    if any(Path(c).suffix.lower() in IMAGE_EXTENSIONS for c in first):
        return False
    rest = rows[1:51]
    for j, c in enumerate(first):
        col = [r[j].strip() for r in rest if j < len(r) and r[j].strip()]
        if col and all(_is_number(v) for v in col) and c and not _is_number(c):
            return True
    if len(rows) > 1 and len(set(first)) == len(first) and not any(_is_number(c) for c in first):
        return True
    return False


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, n in enumerate(names):
        n = n.strip() or f"column {i + 1}"
        seen[n] = seen.get(n, 0) + 1
        out.append(n if seen[n] == 1 else f"{n}.{seen[n] - 1}")
    return out


def read_table(path, *, header: bool | None = None) -> tuple[pd.DataFrame, TableReading]:
    """A CSV/TSV/Parquet file as a DataFrame (text cells, None where empty) and how it was read.

    ``header=None`` decides from the first row (:func:`looks_like_header`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "labels.csv"
    >>> _ = p.write_bytes("sep=;\\nfile;label\\n\\"a.png\\";café\\n".encode("cp1252"))
    >>> df, how = read_table(p)
    >>> df.to_dict("records"), how.delimiter, how.encoding
    ([{'file': 'a.png', 'label': 'café'}], ';', 'cp1252 (not valid UTF-8)')
    """
    path = Path(path)
    reading = TableReading(str(path))
    if path.suffix.lower() in PARQUET_SUFFIXES:
        try:
            df = pd.read_parquet(path)
        except Exception as exc:
            raise DataFormatError(f"Could not read the Parquet file {path}: {type(exc).__name__}: {exc}.") from exc
        reading.rows = len(df)
        df.columns = _unique_names([str(c) for c in df.columns])
        return df, reading
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataFormatError(f"Could not read {path}: {exc.strerror or exc}.") from exc
    if not data.strip():
        raise DataFormatError(f"Could not read the table {path}: the file is empty. Expected a CSV such as "
                              "'path,label' with one row per example.")
    text, reading.encoding = decode_bytes(data)
    # lines as csv expects them (split at \n, \r\n or \r only, ends kept), so that a quoted field keeps
    # the line breaks inside it (str.splitlines drops them, and splits at other characters too)
    lines = list(io.StringIO(text, newline=""))
    while lines and not lines[0].strip():
        lines.pop(0)
    m = re.fullmatch(r'\s*"?sep=(.)"?\s*', lines[0]) if lines else None
    if m:
        reading.delimiter, reading.excel_sep_line = m.group(1), True
        lines = lines[1:]
    elif path.suffix.lower() == ".tsv":
        reading.delimiter = "\t"
    else:
        reading.delimiter = sniff_delimiter(lines)
    try:
        rows = [r for r in _split(lines, reading.delimiter) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise DataFormatError(f"Could not parse {path} as a table: {exc}. Expected a CSV such as 'path,label'.") from exc
    if not rows:
        raise DataFormatError(f"The table {path} has no rows. Expected one row per example.")
    reading.header = looks_like_header(rows) if header is None else bool(header)
    names = _unique_names(rows[0]) if reading.header else [f"column {j + 1}" for j in range(len(rows[0]))]
    body = rows[1:] if reading.header else rows
    width = len(names)
    for k, r in enumerate(body):
        if len(r) > width and any(c.strip() for c in r[width:]):
            line = k + 2 if reading.header else k + 1
            raise DataFormatError(
                f"Row {line} of {path} has {len(r)} fields but the {'header' if reading.header else 'first row'} "
                f"has {width} ({names}). Quote fields that contain the delimiter "
                f"{_DELIMITER_NAMES.get(reading.delimiter, reading.delimiter)!s}.")
    cells = [[(r[j].strip() if j < len(r) else "") or None for j in range(width)] for r in body]
    df = pd.DataFrame(cells, columns=names, dtype=object)
    reading.rows = len(df)
    return df, reading


_DECIMAL_COMMA = re.compile(r"[+-]?\d+(,\d+)?([eE][+-]?\d+)?")


def read_decimal_commas(features: pd.DataFrame, reading: dict | None) -> pd.DataFrame:
    """Feature columns of a table file with numbers written with a decimal comma (``13,2``: a
    ``;``-separated CSV from a European Excel) as ``13.2``, where every value of the column is such a
    number and at least one has a comma; read as text they would be a distinct value per row, left
    out as identifiers. Only for files whose delimiter is not a comma (there ``"1,5"`` may be a
    thousands separator) and only for features: a label or a path is what the file says. The
    reading's notes (``reading["notes"]``) say which columns."""
    if not reading or reading.get("delimiter") in (None, _DELIMITER_NAMES[","]):
        return features
    changed = []
    for c in features.columns:
        vals = [v for v in features[c].tolist() if isinstance(v, str)]
        if vals and len(vals) == features[c].notna().sum() and any("," in v for v in vals) \
                and all(_DECIMAL_COMMA.fullmatch(v) for v in vals):
            if not changed:
                features = features.copy()
            features[c] = [v.replace(",", ".") if isinstance(v, str) else v for v in features[c].tolist()]
            changed.append(str(c))
    if changed:
        reading.setdefault("notes", []).append("decimal commas read as numbers in " + ", ".join(map(repr, changed)))
    return features


def with_header_as_data(df: pd.DataFrame) -> pd.DataFrame:
    """The table re-read as if it had no header row: the column names become the first row."""
    first = pd.DataFrame([list(df.columns)], columns=df.columns, dtype=object)
    out = pd.concat([first, df], ignore_index=True)
    out.columns = [f"column {j + 1}" for j in range(out.shape[1])]
    return out


__all__ = ["read_table", "read_decimal_commas", "decode_bytes", "TableReading", "looks_like_header", "with_header_as_data",
           "PATH_NAMES", "LABEL_NAMES", "TEXT_NAMES"]
