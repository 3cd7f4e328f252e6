from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ._base import Check, CheckResult, register_check


@register_check
@dataclass
class UnreadableCheck(Check):
    """Files that are missing, empty, truncated, refused or not decodable; ``detail`` is the reason."""

    name = "unreadable"
    axis = "completeness"
    excluded_by_default = True
    requires = frozenset({"image_stats"})
    modalities = frozenset({"image"})

    def run(self, ctx) -> CheckResult:
        st = ctx.get("image_stats")
        bad = np.flatnonzero(~st["readable"].to_numpy(bool))
        return CheckResult.from_lists(bad, np.ones(len(bad)), [readable_reason(st["error"].iat[i]) for i in bad])


def readable_reason(error) -> str:
    """The reason as a reader needs it: PIL's ``<_io.BytesIO object at 0x7f...>`` is dropped and any
    other object shows as ``<TypeName>``, without the memory address (it differs on every run and
    means nothing to the reader).

    >>> readable_reason("not decodable (UnidentifiedImageError: cannot identify image file <_io.BytesIO object at 0x7f1>)")
    'not decodable (UnidentifiedImageError: cannot identify image file)'
    """
    text = str(error) if error is not None else "unreadable"
    text = re.sub(r" ?<_io\.BytesIO object at 0x[0-9a-fA-F]+>", "", text)
    text = re.sub(r"<([\w.]+) object at 0x[0-9a-fA-F]+>", r"<\1>", text)
    return re.sub(r" at 0x[0-9a-fA-F]+", "", text)
