"""Modalities: what each kind of data (image, text, tabular, embeddings) is to the audit."""

from . import (  # noqa: F401  (each import registers one modality)
    _embeddings,
    _image,
    _tabular,
    _text,
)
from ._base import Modality, get_modality, list_modalities, register_modality

__all__ = ["Modality", "get_modality", "list_modalities", "register_modality"]
