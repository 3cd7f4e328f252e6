"""Modalities: what each kind of data (image, text, tabular, embeddings) is to the audit."""

from . import (  # noqa: F401  (each import registers one modality)
    _embeddings,
    _image,
    _tabular,
    _text,
)
from ._base import Modality, get_modality, list_modalities, register_modality
from ._columns import (
    EXCLUDED_KINDS,
    MISSING_WORDS,
    as_number,
    column_kind,
    column_kinds,
    describe_kinds,
    missing_word_mask,
    numeric_view,
    present_cells,
)

__all__ = ["Modality", "get_modality", "list_modalities", "register_modality",
           # how a table's columns are read (the tabular modality's knowledge; dataquality.data re-exports it)
           "EXCLUDED_KINDS", "MISSING_WORDS", "as_number", "column_kind", "column_kinds", "describe_kinds",
           "missing_word_mask", "numeric_view", "present_cells"]
