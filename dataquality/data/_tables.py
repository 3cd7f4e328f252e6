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

import numpy as np
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
    # per row of the table read, the line of the file it starts on (1-based; empty for Parquet): a header, a blank
    # line, an Excel sep= line or a quoted field over two lines put row k elsewhere than on line k + 2
    lines: list[int] = field(default_factory=list, repr=False)

    def where(self, k: int) -> str:
        """Row ``k`` (0-based, in the table read) as the user finds it: ``"line 7 of labels.csv"`` (``"row 3 of
        labels.parquet"`` where the file has no lines)."""
        name = Path(self.path).name
        if 0 <= k < len(self.lines):
            return f"line {self.lines[k]} of {name}"
        return f"row {k + 1} of {name}"

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


def _split_lines(lines: list[str], delimiter: str, first_line: int) -> tuple[list[list[str]], list[int]]:
    """The rows of ``lines`` and the line of the file each starts on (``lines[0]`` being line ``first_line``): a
    quoted field holding a line break makes a row of two lines."""
    reader = csv.reader(lines, delimiter=delimiter, quotechar='"', skipinitialspace=True)
    rows, starts, done = [], [], 0
    for r in reader:
        rows.append(r)
        starts.append(first_line + done)
        done = reader.line_num
    return rows, starts


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


def _first_row_is_data(first: list[str], rest: list[list[str]]) -> bool:
    """Whether a cell of the first row reads as data of its column: a free text like the texts below it (three words
    or more, as long as half the usual text below; a column name is short beside them), or a value the column below
    repeats (``pos`` over ``pos``/``neg``: a column is not named by one of its values). A header-less CSV of reviews
    lost its first review to the header, and was then read without its label column's name."""
    if len(rest) < 4:
        return False
    for j, c in enumerate(first):
        col = [r[j].strip() for r in rest if j < len(r) and r[j].strip()]
        if not c or len(col) < 4:
            continue
        if col.count(c) >= 2:
            return True
        wordy = [v for v in col if len(v.split()) >= 3]
        if len(wordy) >= 0.8 * len(col) and len(set(col)) >= 0.9 * len(col) and len(c.split()) >= 3 \
                and len(c) >= 0.5 * float(np.median([len(v) for v in col])):
            return True
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
    if _first_row_is_data(first, rest):
        return False
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
    first_line = 1
    while lines and not lines[0].strip():
        lines.pop(0)
        first_line += 1
    m = re.fullmatch(r'\s*"?sep=(.)"?\s*', lines[0]) if lines else None
    if m:
        reading.delimiter, reading.excel_sep_line = m.group(1), True
        lines = lines[1:]
        first_line += 1
    elif path.suffix.lower() == ".tsv":
        reading.delimiter = "\t"
    else:
        reading.delimiter = sniff_delimiter(lines)
    try:
        rows, starts = _split_lines(lines, reading.delimiter, first_line)
    except csv.Error as exc:
        raise DataFormatError(f"Could not parse {path} as a table: {exc}. Expected a CSV such as 'path,label'.") from exc
    rows, starts = _trim_empty_ends(rows, starts)
    if not rows:
        raise DataFormatError(f"The table {path} has no rows. Expected one row per example.")
    reading.header = looks_like_header([r for r in rows if not _is_empty_row(r)]) if header is None else bool(header)
    names = _unique_names(rows[0]) if reading.header else [f"column {j + 1}" for j in range(len(rows[0]))]
    body = rows[1:] if reading.header else rows
    body_starts = starts[1:] if reading.header else starts
    width = len(names)
    for k, r in enumerate(body):
        if len(r) > width and any(c.strip() for c in r[width:]):
            raise DataFormatError(
                f"Line {body_starts[k]} of {path} has {len(r)} fields but the {'header' if reading.header else 'first row'} "
                f"has {width} ({names}). Quote fields that contain the delimiter "
                f"{_DELIMITER_NAMES.get(reading.delimiter, reading.delimiter)!s}.")
    kept = [k for k, r in enumerate(body) if not _is_blank_line(r)]
    cells = [[(body[k][j].strip() if j < len(body[k]) else "") or None for j in range(width)] for k in kept]
    df = pd.DataFrame(cells, columns=names, dtype=object)
    reading.lines = [body_starts[k] for k in kept]
    if len(kept) < len(body):  # rows keep their number in the file: ids do not shift past a blank line
        df.index = pd.Index(kept)
    if reading.header:
        # a delimiter at the end of every line (Excel exports) makes a column with no name and no values
        phantom = [names[j] for j in range(width) if not rows[0][j].strip() and df.iloc[:, j].isna().all()]
        if phantom and len(phantom) < width:
            df = df.drop(columns=phantom)
            reading.notes.append(f"dropped {', '.join(map(repr, phantom))}: no name in the header and empty in "
                                 "every row (a delimiter at the end of every line)")
    _note_empty_rows(body, body_starts, reading)
    reading.rows = len(df)
    return df, reading


def _is_empty_row(r: list[str]) -> bool:
    return not any(c.strip() for c in r)


def _trim_empty_ends(rows: list[list[str]], starts: list[int]) -> tuple[list[list[str]], list[int]]:
    """The rows without the empty ones before the first and after the last row holding a value (a file's trailing
    blank lines are no rows). Empty rows between them are read by :func:`read_table`: a ``,,`` row is a row of missing
    values, as pandas keeps it; a blank line is skipped, the rows after it keeping their numbers in the file (both
    used to be dropped, and every later example's id shifted off its row). ``starts``: each row's line, trimmed
    alike."""
    full = [k for k, r in enumerate(rows) if not _is_empty_row(r)]
    return (rows[full[0]:full[-1] + 1], starts[full[0]:full[-1] + 1]) if full else ([], [])


def _is_blank_line(r: list[str]) -> bool:
    """A line with no field and no delimiter: no row of the table (pandas skips it too), unlike ``,,``."""
    return len(r) <= 1 and _is_empty_row(r)


def _note_empty_rows(body: list[list[str]], starts: list[int], reading: TableReading) -> None:
    """Notes on blank lines and empty rows, each shown by its line in the file (it was its position below the
    header, counted from 0, which no editor shows)."""
    blank = [k for k, r in enumerate(body) if _is_blank_line(r)]
    empty = [k for k, r in enumerate(body) if _is_empty_row(r) and not _is_blank_line(r)]
    if blank:
        reading.notes.append(
            f"{len(blank)} blank line{'s' if len(blank) > 1 else ''} between rows skipped, e.g. line {starts[blank[0]]}"
            f" of {Path(reading.path).name}: the rows keep their numbers in the file (ids skip the blank lines' "
            "numbers)")
    if empty:
        reading.notes.append(
            f"{len(empty)} row{'s' if len(empty) > 1 else ''} with every cell empty, e.g. line {starts[empty[0]]} of "
            f"{Path(reading.path).name}: rows of the table with every value missing, as pandas reads them")


_CURRENCY = "$€£¥₹"
# a number as people write it: a sign, a currency sign before or after, a percent sign after; the digits
# (with grouping and a decimal mark, told apart per column by _plain_number) in the middle
_WRITTEN = re.compile(rf"(?P<s1>[+-]?)\s*(?P<c1>[{_CURRENCY}]?)\s*(?P<s2>[+-]?)"
                      r"(?P<num>(?:\d[\d.,'\u00a0\u202f]*)?\d(?:[eE][+-]?\d+)?|[.,]\d+)"
                      rf"\s*(?P<c2>[{_CURRENCY}]?)\s*(?P<pct>%?)")
_GROUPS = "'\u00a0\u202f"  # apostrophe (Swiss), no-break spaces (French): grouping whatever the decimal mark


def _plain_number(cell: str, decimal: str) -> tuple[str, set] | None:
    """A cell written as a number, as plain number text (``"$1,557.50"`` -> ``"1557.50"``), and what was
    read off it (``currency``, ``percent``, ``grouping``, ``decimal comma``); None if it is no number
    with ``decimal`` as its decimal mark. Grouping must be in threes (``1,557``, ``6.349,00``), so that
    ``1,5`` is no number when the decimal mark is a point."""
    m = _WRITTEN.fullmatch(cell)
    if not m or (m["s1"] and m["s2"]) or (m["c1"] and m["c2"]) or ((m["c1"] or m["c2"]) and m["pct"]):
        return None
    what = {w for w, g in (("currency", m["c1"] or m["c2"]), ("percent", m["pct"])) if g}
    num, d = m["num"], re.escape(decimal)
    grouping = re.escape("," if decimal == "." else ".") + _GROUPS
    if re.fullmatch(rf"\d{{1,3}}([{grouping}])\d{{3}}(\1\d{{3}})*({d}\d+)?", num):
        what.add("grouping")
        num = re.sub(f"[{grouping}]", "", num)
    elif not re.fullmatch(rf"(\d+({d}\d*)?|{d}\d+)([eE][+-]?\d+)?", num):
        return None
    if decimal == "," and "," in num:
        what.add("decimal comma")
    return (m["s1"] or m["s2"]) + num.replace(decimal, "."), what


def _numbers_as_written(vals: list[str], comma_file: bool) -> tuple[list[str], set] | None:
    """A column's values as plain number text and what was read off them, or None where one value is no
    number. The decimal mark is decided once per column: a point in a ``,``-separated file (where
    ``"1,5"`` may be a thousands separator and stays text); in other files a comma where any value has
    one (European Excel), else a point."""
    decimal = "." if comma_file or not any("," in v for v in vals) else ","
    out, what = [], set()
    for v in vals:
        got = _plain_number(v, decimal)
        if got is None:
            return None
        out.append(got[0])
        what |= got[1]
    return out, what


_READ_AS = {"decimal comma": ("decimal commas read as numbers", ""), "grouping": ("thousands separators read", ""),
            "currency": ("currency signs dropped", ""), "percent": ("percent signs dropped", " (51.9% read as 51.9)")}


def read_decimal_commas(features: pd.DataFrame, reading: dict | None) -> pd.DataFrame:
    """Feature columns of a table file read as what their cells are written as.

    * numbers as people write them, as plain numbers (text such as ``"1557.5"``): a decimal comma
      (``13,2`` from a European Excel, in a file not separated by ``,``), thousands grouping in threes
      (``"6,349.00"``, ``6.349,00``, ``1'557``), a currency sign (``$51``, ``12,50 €``), a percent sign
      (``51.9%`` read as 51.9); where every value of the column is such a number (placeholders such as
      ``n/a`` aside: they stay, and are missing) and one needs the reading. Read as text they would be
      a distinct value per row, left out as identifiers, and rows differing only there duplicates;
    * a column empty in every row is left out (once, in a note), not a missing cell in every row.

    Only features: a label or a path is what the file says. The reading's notes (``reading["notes"]``)
    say which columns and how.
    """
    from ..modalities._columns import missing_word_mask

    if not reading:
        return features
    comma_file = reading.get("delimiter") in (None, _DELIMITER_NAMES[","])
    read: dict[str, list[str]] = {}
    empty = []
    for c in list(features.columns):
        missing = missing_word_mask(features[c])
        if missing.all():
            empty.append(c)
            continue
        cells = features[c].tolist()
        vals = [cells[i] for i in np.flatnonzero(~missing)]
        if not all(isinstance(v, str) for v in vals):
            continue
        got = _numbers_as_written(vals, comma_file)
        if got is None or not got[1]:
            continue
        features = features.copy() if not read else features
        it = iter(got[0])
        features[c] = [cells[i] if missing[i] else next(it) for i in range(len(cells))]
        for w in got[1]:
            read.setdefault(w, []).append(str(c))
    notes = reading.setdefault("notes", []) if (read or empty) else []
    for w, (text, example) in _READ_AS.items():
        if w in read:
            notes.append(f"{text} in " + ", ".join(map(repr, read[w])) + example)
    if empty and len(empty) < features.shape[1]:
        features = features.drop(columns=empty)
        notes.append(f"{', '.join(map(repr, map(str, empty)))} empty in every row: left out of the features")
    return features


def with_header_as_data(df: pd.DataFrame) -> pd.DataFrame:
    """The table re-read as if it had no header row: the column names become the first row."""
    first = pd.DataFrame([list(df.columns)], columns=df.columns, dtype=object)
    out = pd.concat([first, df], ignore_index=True)
    out.columns = [f"column {j + 1}" for j in range(out.shape[1])]
    return out


__all__ = ["read_table", "read_decimal_commas", "decode_bytes", "TableReading", "looks_like_header", "with_header_as_data",
           "PATH_NAMES", "LABEL_NAMES", "TEXT_NAMES"]
