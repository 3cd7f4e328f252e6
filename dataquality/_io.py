"""Writing outputs: only where asked, never through a symbolic link, never over a file by accident.

A file is written to a new temporary name beside its target (created exclusively, so it never
replaces anything) and then renamed onto the target in one step. The rename replaces a symbolic
link itself, never the file it points to, and a reader never sees half a file.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from ._errors import DataQualityError

_LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def utf8_text(text: str) -> str:
    """``text`` with lone surrogates as U+FFFD, so that it encodes as UTF-8.

    Python represents the bytes of a file name that are not UTF-8 (and some broken input text)
    as lone surrogates; no UTF-8 file can hold them.
    """
    return _LONE_SURROGATES.sub("\ufffd", text)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def safe_target(path, *, overwrite: bool) -> Path:
    """Check that ``path`` may be written (creating its folder); raise DataQualityError if not."""
    p = Path(path)
    if os.path.lexists(p):
        link = os.path.islink(p)
        if not overwrite:
            what = " (a symbolic link; it is replaced, not followed)" if link else ""
            raise DataQualityError(f"{p} already exists{what}. Pass overwrite=True to replace it, "
                                   "or choose another path.")
        if not link and p.is_dir():
            raise DataQualityError(f"{p} is a directory; expected a file path.")
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataQualityError(f"Cannot create the folder {p.parent}: {_reason(exc)}. "
                               "Expected a writable folder.") from None
    return p


def _exclusive_temp(p: Path) -> tuple[Path, int]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    stem = p.name[:80]
    for _ in range(100):
        tmp = p.with_name(f".{stem}.{secrets.token_hex(4)}.tmp")
        try:
            return tmp, os.open(tmp, flags, 0o666)
        except FileExistsError:
            continue
    raise DataQualityError(f"Could not create a temporary file beside {p}.")


def safe_write_bytes(path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; an existing file (or link) is replaced only if ``overwrite``."""
    p = safe_target(path, overwrite=overwrite)
    try:
        tmp, fd = _exclusive_temp(p)
    except OSError as exc:
        raise DataQualityError(f"Cannot write {p}: {_reason(exc)}. Expected a writable folder.") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, p)
        else:
            _place_new(tmp, p)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise DataQualityError(f"Cannot write {p}: {_reason(exc)}.") from None
        raise
    return p


def _place_new(tmp: Path, p: Path) -> None:
    """Rename ``tmp`` to ``p`` unless ``p`` appeared meanwhile (a hard link fails if it exists)."""
    try:
        os.link(tmp, p, follow_symlinks=False)
    except FileExistsError:
        raise DataQualityError(f"{p} appeared while it was being written; it was left as it is. "
                               "Pass overwrite=True to replace it.") from None
    except OSError:  # file systems without hard links
        if os.path.lexists(p):
            raise DataQualityError(f"{p} appeared while it was being written; it was left as it is.") from None
        os.replace(tmp, p)
        return
    os.unlink(tmp)


def safe_write_text(path, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` as UTF-8 (lone surrogates as U+FFFD) the way :func:`safe_write_bytes` does."""
    return safe_write_bytes(path, utf8_text(text).encode("utf-8"), overwrite=overwrite)
