"""Check interface and registry: one small stateless class per issue type."""

from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from .._axes import AXES
from .._errors import DataQualityError, unknown_name

_CHECKS: dict[str, type["Check"]] = {}


@dataclass(frozen=True)
class CheckResult:
    """What one check found: flagged positions, a 0-1 severity and a detail string for each."""

    indices: np.ndarray
    scores: np.ndarray
    details: list[str]
    findings: dict = field(default_factory=dict)
    groups: list[str] | None = None  # duplicate-set name per flagged example, for set-aware cleaning
    # False when the check ran but could not judge the data (e.g. the label check with one class):
    # its axis then counts as "not measured" unless another of its checks measured it
    measured: bool = True
    # how many examples the check could judge (None: every example); the axis score's denominator
    assessed: int | None = None

    def __post_init__(self):
        if not (len(self.indices) == len(self.scores) == len(self.details)):
            raise ValueError("indices, scores and details must have the same length")

    @classmethod
    def empty(cls, findings: dict | None = None) -> "CheckResult":
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0), [], findings or {})

    @classmethod
    def not_measured(cls, reason: str, findings: dict | None = None) -> "CheckResult":
        """Nothing flagged because nothing could be judged; ``reason`` says why, in plain words."""
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0), [], {**(findings or {}), "not_measured": reason},
                   measured=False, assessed=0)

    @classmethod
    def from_lists(cls, indices, scores, details, findings=None, groups=None, assessed=None) -> "CheckResult":
        idx = np.asarray(indices, dtype=np.int64).reshape(-1)
        sc = np.clip(np.asarray(scores, dtype=np.float64).reshape(-1), 0.0, 1.0)
        if len(sc) == 1 and len(idx) > 1:
            sc = np.repeat(sc, len(idx))
        order = np.argsort(idx, kind="stable")
        # each made a list once: a fresh copy per row took 12 s for 100,000 flags
        details, groups = list(details), (None if groups is None else list(groups))
        grp = None if groups is None else [groups[k] for k in order]
        return cls(idx[order], sc[order], [details[k] for k in order], findings or {}, grp,
                   assessed=None if assessed is None else int(assessed))


@dataclass
class Check:
    """Base of every check.

    Subclasses are dataclasses whose fields are their settings; ``run(ctx)`` reads the shared
    intermediates the check declares in ``requires`` from the audit context and returns a
    :class:`CheckResult`. Nothing is stored on ``self`` during ``run``.
    """

    name: ClassVar[str] = ""
    axis: ClassVar[str] = ""
    requires: ClassVar[frozenset] = frozenset()
    # intermediates the check reads, beyond ``requires``, from the start of its run (where it has them):
    # with ``requires``, what the orchestrator lets it wait for while they are computed in the background
    # (the checks that need none of them run first)
    waits_for: ClassVar[frozenset] = frozenset()
    modalities: ClassVar[frozenset] = frozenset({"image", "text", "tabular", "embeddings"})
    # what the issue type means, in one plain sentence (shown beside its examples in the report);
    # the first line of the class docstring when left empty
    description: ClassVar[str] = ""
    # True when flags come in sets (``CheckResult.groups``): cleaning keeps one member of each set
    forms_sets: ClassVar[bool] = False
    # True when ``report.clean_subset()`` drops this issue type unless told otherwise
    excluded_by_default: ClassVar[bool] = False
    # issue types this check explains better, where both flag an example: the orchestrator drops
    # their flag there (a dark image is reported as dark, not also as an outlier)
    explains: ClassVar[frozenset] = frozenset()
    # the same relation declared from the other side: issue types that explain this one better.
    # Checks stay independent; only ``audit()`` combines them.
    explained_by: ClassVar[frozenset] = frozenset()

    def run(self, ctx) -> CheckResult:  # pragma: no cover - interface
        raise NotImplementedError

    def settings(self) -> dict:
        return dataclasses.asdict(self)

    def needs(self, ctx) -> frozenset:
        """The intermediates this run of the check reads from ``ctx``: ``requires``, less what its settings and the
        audit's inputs make unnecessary (what the audit prepares up front)."""
        return self.requires

    @classmethod
    def describe(cls, findings: dict) -> list[str]:
        """This check's dataset-level ``findings`` in plain words, one sentence an item.

        Called by ``audit()``; the sentences are saved in the report, so the report renders them
        without this class (in a process that never imported the plug-in). Nothing by default.
        """
        return []

    @classmethod
    def describe_trust(cls, findings: dict) -> list[str]:
        """How far this check's own flags can be trusted, from its ``findings``, one line an item.

        Saved in the report like ``describe``'s sentences; the renderers show these lines beside
        the scores, before any flag (the label check: its probe's skill, the estimated noise rate,
        low trust). Nothing by default.
        """
        return []

    @classmethod
    def issue_type(cls) -> dict:
        """What the report needs to know about this issue type, as plain JSON-ready data."""
        first_paragraph = (cls.__doc__ or "").strip().split("\n\n")[0]
        description = cls.description or " ".join(first_paragraph.replace("``", "").split())
        return {"axis": cls.axis, "description": description,
                "forms_sets": bool(cls.forms_sets), "excluded_by_default": bool(cls.excluded_by_default),
                "explained_by": sorted(explained_by(cls.name))}


def register_check(cls: type[Check]) -> type[Check]:
    """Class decorator adding a check to the registry under ``cls.name``; warns on overwrite."""
    if not cls.name or cls.axis not in AXES:
        raise DataQualityError(f"A check needs a name and an axis in {AXES}; got {cls.name!r}, {cls.axis!r}.")
    if cls.name in _CHECKS and _CHECKS[cls.name] is not cls:
        warnings.warn(f"Overwriting check {cls.name!r} in the registry.", stacklevel=2)
    _CHECKS[cls.name] = cls
    return cls


def explained_by(name: str) -> set[str]:
    """Issue types that explain ``name`` better: its own ``explained_by`` and every registered check
    that declares it ``explains`` ``name``."""
    own = set(_CHECKS[name].explained_by) if name in _CHECKS else set()
    return own | {other for other, c in _CHECKS.items() if name in c.explains}


def issue_types() -> dict[str, dict]:
    """``{name: Check.issue_type()}`` for every registered check: what a report saves about them."""
    return {name: _CHECKS[name].issue_type() for name in sorted(_CHECKS)}


def list_checks(modality: str | None = None) -> list[str]:
    """Names of the registered checks (those that apply to ``modality`` if given).

    Examples
    --------
    >>> import dataquality as dq
    >>> "label" in dq.list_checks() and "blurry" in dq.list_checks("image")
    True
    """
    return sorted(n for n, c in _CHECKS.items() if modality is None or modality in c.modalities)


def get_check_class(name: str) -> type[Check]:
    if name not in _CHECKS:
        raise unknown_name("check", name, list(_CHECKS))
    return _CHECKS[name]


def make_check(name: str, settings: dict | None = None) -> Check:
    cls = get_check_class(name)
    try:
        return cls(**(settings or {}))
    except TypeError as exc:
        valid = [f.name for f in dataclasses.fields(cls)]
        raise DataQualityError(
            f"Bad settings for check {name!r}: {settings}. Valid settings: {valid or 'none'}."
        ) from exc


def robust_z(values: np.ndarray) -> np.ndarray:
    """(x - median) / (1.4826 * MAD); where more than half of the values are the median (MAD 0), the scale is
    the mean absolute deviation (x 1.2533, the same for a normal), which is 0 only for constant data; then a floor
    of 1e-3 of the median keeps z finite.

    With the floor alone, 75 of 100 texts 40 characters long (an export cut to a fixed width) put a 39-character
    text at z 25 on log length: 39 of 100 were odd_length. The mean absolute deviation there is 0.06 (log), z <= 3.6.
    """
    v = np.asarray(values, dtype=np.float64)
    med = np.median(v)
    dev = np.abs(v - med)
    mad = 1.4826 * np.median(dev)
    if not mad > 0:
        mad = 1.2533 * float(np.mean(dev))
    scale = max(mad, 1e-3 * (abs(med) + 1e-12), 1e-12)
    return (v - med) / scale
