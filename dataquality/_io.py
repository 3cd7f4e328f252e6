from __future__ import annotations

from pathlib import Path

from ._errors import DataQualityError


def safe_target(path, *, overwrite: bool) -> Path:
    p = Path(path)
    if p.exists() and not overwrite:
        raise DataQualityError(f"{p} already exists. Pass overwrite=True to replace it, or choose another path.")
    if p.exists() and p.is_dir():
        raise DataQualityError(f"{p} is a directory; expected a file path.")
    p.parent.mkdir(parents=True, exist_ok=True)
    return p


def safe_write_text(path, text: str, *, overwrite: bool = False) -> Path:
    p = safe_target(path, overwrite=overwrite)
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(p)
    return p
