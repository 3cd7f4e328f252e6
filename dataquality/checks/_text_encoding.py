from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ._base import Check, CheckResult, register_check

# runs of non-ASCII characters that cp1252/latin-1 can encode: where UTF-8 bytes were decoded
# with the wrong code page, such a run re-encodes to valid UTF-8 ('Ã©' -> 'é', 'â€™' -> '’')
_NON_ASCII_RUN = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                            r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}")
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}
# UTF-8 Cyrillic read as cp1251 (Windows Cyrillic): every letter becomes 'Р' or 'С' (the lead bytes D0, D1) and a
# character of cp1251's 80-BF ('РџСЂРёРІРµС‚' for 'Привет'). Two such pairs in a row, decoding to Cyrillic letters,
# do not occur in real Russian or Ukrainian words
_CP1251_TAIL = "".join(ch for ch in bytes(range(0x80, 0xC0)).decode("cp1251", errors="ignore"))
_CP1251_RUN = re.compile("(?:[\u0420\u0421][" + re.escape(_CP1251_TAIL) + "]){2,}")


def _cyrillic_mojibake(run: str) -> bool:
    try:
        fixed = run.encode("cp1251").decode("utf-8")
    except UnicodeError:
        return False
    return all("\u0400" <= ch <= "\u04ff" for ch in fixed)


def _repairable(run: str) -> bool:
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = run.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != run:
            return True
    return False


def encoding_problems(text: str) -> list[str]:
    """What looks broken in ``text``: mojibake runs, U+FFFD replacement characters, control characters."""
    found = []
    moji = [m.group() for m in _NON_ASCII_RUN.finditer(text) if _repairable(m.group())]
    moji += [m.group() for m in _CP1251_RUN.finditer(text) if _cyrillic_mojibake(m.group())]
    if moji:
        found.append(f"mojibake {moji[0]!r}" + (f" (+{len(moji) - 1} more)" if len(moji) > 1 else ""))
    if "\ufffd" in text:
        found.append(f"{text.count(chr(0xFFFD))} replacement character(s) U+FFFD")
    controls = [ch for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"]
    if controls:
        found.append(f"{len(controls)} control character(s), first {controls[0]!r}")
    return found


@register_check
@dataclass
class EncodingErrorCheck(Check):
    """Texts with encoding damage: mojibake (UTF-8 read as cp1252/latin-1, e.g. ``'cafÃ©'``,
    ``'donâ€™t'``, or as cp1251, ``'РџСЂРёРІРµС‚'`` for ``'Привет'``), U+FFFD replacement characters, or control
    characters other than tab and newline.

    ``score`` grows with the number of problems found; ``detail`` quotes the first one.
    """

    name = "encoding_error"
    axis = "consistency"
    modalities = frozenset({"text"})

    def run(self, ctx) -> CheckResult:
        idx, sc, det = [], [], []
        for i, (text, ok) in enumerate(zip(ctx.texts, ctx.valid)):
            if not ok:
                continue
            problems = encoding_problems(str(text))
            if problems:
                idx.append(i)
                sc.append(0.6 + 0.1 * len(problems))
                det.append("; ".join(problems))
        return CheckResult.from_lists(idx, sc, det, {"texts_with_encoding_errors": len(idx)})
