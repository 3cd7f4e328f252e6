"""Embedders: the registry of models that turn examples into vectors."""

from . import (
    _image,  # noqa: F401  (registers image embedders)
    _precomputed,  # noqa: F401
)
from ._base import Embedder, get_embedder, list_embedders, register_embedder

try:  # text and tabular embedders register themselves when their module exists
    from . import _text  # noqa: F401
except ImportError:  # pragma: no cover
    pass
try:
    from . import _tabular  # noqa: F401
except ImportError:  # pragma: no cover
    pass

__all__ = ["Embedder", "get_embedder", "list_embedders", "register_embedder"]
