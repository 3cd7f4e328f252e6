"""Embedders: the registry of models that turn examples into vectors."""

from . import (
    _image,  # noqa: F401  (registers image embedders)
    _precomputed,  # noqa: F401
)
from ._base import (
    IMAGENET,
    INCEPTION,
    Embedder,
    Normalization,
    accepted_settings,
    default_embedder,
    embedder_class,
    fine_tunable,
    get_embedder,
    list_embedders,
    register_embedder,
)
from ._image import PixelEmbedder, TorchImageEmbedder, eval_transform, load_efficientnet_lite0

try:  # text and tabular embedders register themselves when their module exists
    from . import _text  # noqa: F401
except ImportError:  # pragma: no cover
    pass
from ._tabular import encode_table

__all__ = ["Embedder", "TorchImageEmbedder", "PixelEmbedder", "Normalization", "IMAGENET", "INCEPTION", "get_embedder",
           "list_embedders", "register_embedder", "default_embedder", "embedder_class", "fine_tunable",
           "accepted_settings", "eval_transform", "load_efficientnet_lite0", "encode_table"]
