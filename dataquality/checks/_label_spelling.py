"""label_spelling: one label written several ways (``cat`` / ``Cat`` / ``cat `` / ``big-cat`` / ``big_cat``, or in
another Unicode form: a combining accent, full-width letters, a zero-width space)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check


def spelling_key(label) -> str:
    """What two spellings of one label share: the text in NFKC form without spaces, ``_``, ``-`` or invisible
    format characters (a zero-width space, a byte-order mark), case-folded. Without NFKC, ``café`` typed with a
    combining accent and ``café`` were two classes printed alike, and nothing was flagged."""
    text = unicodedata.normalize("NFKC", str(label))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return re.sub(r"[\s_\-]+", "", text).casefold()


def what_differs(label, other) -> str:
    """In words, how ``label`` is written differently from ``other`` (same :func:`spelling_key`): a decomposed
    accent, an invisible character or full-width letters print alike, and ``'café' is spelled 'café'`` said nothing."""
    a, b = str(label), str(other)
    out = []
    invisible = sorted({ch for ch in a + b if unicodedata.category(ch) == "Cf"})
    if invisible:
        out.append(", ".join(f"an invisible {unicodedata.name(ch, 'format character').lower()} (U+{ord(ch):04X})"
                             for ch in invisible[:3]))
        a = "".join(ch for ch in a if ch not in invisible)
        b = "".join(ch for ch in b if ch not in invisible)
    if a != b and unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b):
        out.append("the same accents written decomposed (NFD, a letter plus a combining mark) in one and composed "
                   "(NFC) in the other")
        a = b = unicodedata.normalize("NFC", a)
    if unicodedata.normalize("NFC", a) != unicodedata.normalize("NFKC", a) or \
            unicodedata.normalize("NFC", b) != unicodedata.normalize("NFKC", b):
        wide = any(0xFF01 <= ord(ch) <= 0xFF5E or ch == "\u3000" for ch in a + b)
        out.append("full-width letters" if wide else "compatibility characters (ligatures, superscripts, "
                   "full-width or other forms NFKC folds)")
        a, b = unicodedata.normalize("NFKC", a), unicodedata.normalize("NFKC", b)
    strip = re.compile(r"[\s_\-]+")
    if strip.sub("", a) != strip.sub("", b):
        out.append("letter case")
    if a.casefold() != b.casefold():
        out.append("spaces, '_' or '-'")
    return "; ".join(out) or "the same characters"


def spelling_groups(classes, counts) -> list[list[int]]:
    """Groups (of two or more) of class positions whose labels share a :func:`spelling_key`, the most
    used spelling first (ties: the first in sort order)."""
    groups: dict[str, list[int]] = {}
    for k, c in enumerate(classes):
        groups.setdefault(spelling_key(c), []).append(k)
    return [sorted(g, key=lambda k: (-int(counts[k]), str(classes[k]))) for g in groups.values() if len(g) > 1]


@register_check
@dataclass
class LabelSpellingCheck(Check):
    """Examples whose label is a variant spelling of another label in the data (case, spaces, ``_`` or
    ``-``): the classes are one class written several ways, and a model would learn them apart.

    Each example with a less used spelling is flagged, with the most used spelling as the suggestion.
    Labels keep their identity everywhere else (the label check sees the spellings as classes); the
    fix is relabelling, so cleaning keeps these examples unless told ``exclude=["label_spelling"]``.
    """

    name = "label_spelling"
    axis = "consistency"
    requires = frozenset({"labels"})
    description = "the label is another spelling (case, spaces, '_' or '-') of a label used more often"

    def run(self, ctx) -> CheckResult:
        codes = ctx.label_codes
        classes = ctx.classes
        labelled = codes >= 0
        if not labelled.any():
            return CheckResult.not_measured("no labelled examples")
        counts = np.bincount(codes[labelled], minlength=len(classes))
        idx, details = [], []
        variants = {}
        for group in spelling_groups(classes, counts):
            main = group[0]
            variants[str(classes[main])] = {str(classes[k]): int(counts[k]) for k in group[1:]}
            for k in group[1:]:
                rows = np.flatnonzero(codes == k)
                idx.extend(rows.tolist())
                details += [f"label {str(classes[k])!r} is spelled {str(classes[main])!r} by "
                            f"{int(counts[main])} other examples ({what_differs(classes[k], classes[main])})"] * len(rows)
        findings = {"variants": variants} if variants else {}
        return CheckResult.from_lists(idx, np.ones(len(idx)), details, findings,
                                      assessed=int(labelled.sum()))

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        return [f"Label {main!r} is also written as "
                + ", ".join(f"{v!r} ({n} examples; {what_differs(v, main)})" for v, n in other.items())
                + "." for main, other in findings.get("variants", {}).items()]
