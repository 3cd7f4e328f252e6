"""One exception hierarchy for everything the library raises on bad input."""

from __future__ import annotations

__all__ = [
    "DataQualityError",
    "DataFormatError",
    "MissingDependencyError",
    "WeightsNotFoundError",
    "UnknownNameError",
]


class DataQualityError(Exception):
    """Base class of every error raised on bad input or arguments.

    Messages say what was expected, what was received and how to fix it.
    """


class DataFormatError(DataQualityError, ValueError):
    """The data given cannot be read as a dataset (wrong shape, type or layout)."""


class MissingDependencyError(DataQualityError, ImportError):
    """An optional dependency is not installed; the message names the extra."""


class WeightsNotFoundError(DataQualityError, FileNotFoundError):
    """Pretrained weights are not available offline; the message says how to get them."""


class UnknownNameError(DataQualityError, KeyError):
    """A registry was asked for a name it does not hold; the message lists valid names."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


def unknown_name(kind: str, name: object, valid: list[str]) -> UnknownNameError:
    return UnknownNameError(
        f"Unknown {kind} {name!r}. Expected one of: {', '.join(sorted(valid))}."
    )


def check_range(name: str, value: float, low: float, high: float, *, low_open=False) -> float:
    """Raise a DataQualityError unless ``low (<|<=) value <= high``."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise DataQualityError(f"Expected argument `{name}` to be a number but got {value!r}.") from None
    ok = (v > low if low_open else v >= low) and v <= high
    if not ok:
        bracket = "(" if low_open else "["
        raise DataQualityError(
            f"Expected argument `{name}` to be in {bracket}{low}, {high}] but got {value}."
        )
    return v
