"""Paths named in manifests and cells: confinement to a root, and empty cells."""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np


def is_missing_cell(v) -> bool:
    return v is None or (isinstance(v, float) and np.isnan(v)) or (isinstance(v, str) and not v.strip())


def _inside(p: Path, root: Path) -> bool:
    return p == root or root in p.parents


def _with_escaped_bytes(value: str) -> str | None:
    r"""``caf\xe9.png`` -> the name with the byte 0xE9, as ``Dataset.to_manifest`` writes names that are not UTF-8."""
    raw = value.encode("utf-8", "surrogateescape")
    decoded = re.sub(rb"\\x([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
    return os.fsdecode(decoded) if decoded != raw else None


def resolve_inside(root: Path, value: str) -> Path | None:
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
