"""Checks: one small stateless class per issue type, registered by name.

Adding a check means adding one module here that defines a ``@register_check`` dataclass
and importing it below (explicit imports, no directory scanning).
"""

from . import (  # noqa: F401  (each import registers one check)
    _blurry,
    _conflicting_labels,
    _dark,
    _exact_duplicate,
    _label,
    _label_spelling,
    _leakage,
    _light,
    _low_information,
    _missing_label,
    _missing_value,
    _mode_mismatch,
    _near_duplicate,
    _odd_aspect_ratio,
    _odd_size,
    _outlier,
    _schema,
    _text_encoding,
    _text_length,
    _unreadable,
)
from ._base import (
    AXES,
    Check,
    CheckResult,
    explained_by,
    get_check_class,
    issue_types,
    list_checks,
    make_check,
    register_check,
)
from ._label_spelling import spelling_key

__all__ = ["AXES", "Check", "CheckResult", "list_checks", "register_check", "get_check_class", "make_check",
           "explained_by", "issue_types", "spelling_key"]
