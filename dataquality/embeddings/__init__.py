"""Embedders (registry) and the cached, resumable embedding pass."""

from . import _image  # noqa: F401  (registers image embedders)
from ._base import Embedder, get_embedder, list_embedders, register_embedder
from ._pass import PassResult, compute_embeddings, embed, run_image_pass

try:  # text and tabular embedders register themselves when their module exists
    from . import _text  # noqa: F401
except ImportError:  # pragma: no cover
    pass
try:
    from . import _tabular  # noqa: F401
except ImportError:  # pragma: no cover
    pass

__all__ = ["Embedder", "get_embedder", "list_embedders", "register_embedder", "embed",
           "compute_embeddings", "run_image_pass", "PassResult"]
