"""Small helpers for the sentences checks write about their findings (``Check.describe``)."""

from __future__ import annotations


def pct(x) -> str:
    """``0.125`` as ``12.5%``; anything that is not a number as it is."""
    try:
        return f"{float(x):.1%}"
    except (TypeError, ValueError):
        return str(x)


def short_list(xs, k: int = 8) -> str:
    """The first ``k`` items, comma-separated, and how many more there are."""
    xs = list(xs)
    s = ", ".join(str(x) for x in xs[:k])
    return s + (f" and {len(xs) - k} more" if len(xs) > k else "")


def calibration_sentence(what: str, calibration: dict, value: str) -> str:
    """How a threshold was set: learnt from the data, given by the user, or a fixed default."""
    c = calibration
    if c.get("source") == "calibrated":
        return (f"{what} learnt from {c.get('n_copies', '?')} synthetic copies of this data's own images: "
                f"{value}; estimated precision {pct(c.get('estimated_precision'))}, estimated recall on "
                f"the copies {pct(c.get('estimated_recall'))} (target precision {pct(c.get('target_precision'))}).")
    if c.get("source") == "user":
        return f"{what} set by the user: {value}."
    return f"{what}: fixed defaults ({value}), not learnt from the data: {c.get('reason', '?')}."
