"""Embedder interface and registry (timm-style ``register`` / ``list``)."""

from __future__ import annotations

import inspect
import logging
import warnings
from dataclasses import dataclass
from typing import Callable, ClassVar

import numpy as np

from .._errors import DataQualityError, unknown_name

logger = logging.getLogger("dataquality")

_REGISTRY: dict[str, Callable[..., "Embedder"]] = {}


@dataclass(frozen=True)
class Normalization:
    """How an image network wants its input: per-channel mean and std after scaling to [0, 1], and
    the resampling used to resize (``"bilinear"`` or ``"bicubic"``)."""

    mean: tuple
    std: tuple
    interpolation: str = "bilinear"


# the one definition of each set of constants (torchvision's ImageNet statistics; the [-1, 1]
# scaling of Inception-style and TF EfficientNet-Lite weights)
IMAGENET = Normalization((0.485, 0.456, 0.406), (0.229, 0.224, 0.225), "bilinear")
INCEPTION = Normalization((0.5, 0.5, 0.5), (0.5, 0.5, 0.5), "bicubic")


class Embedder:
    """Turns examples into vectors. Constructors store settings only.

    Image embedders implement ``preprocess`` (PIL -> tensor, run in loader workers) and
    ``forward`` (batched tensor -> vectors); the shared image pass in ``embed`` does the
    rest. Text and tabular embedders implement ``embed_dataset``.
    """

    name: ClassVar[str] = "embedder"
    modality: ClassVar[str] = "image"
    # True when the vectors depend on the whole dataset (PCA, a fitted vocabulary): a reference
    # set must then be embedded jointly with the data to share one space.
    data_dependent: ClassVar[bool] = False
    # False when the settings cannot identify the vectors (an arbitrary user callable): never cached
    cacheable: ClassVar[bool] = True
    # bump when the vectors change for the same settings
    version: ClassVar[int] = 1
    # True when the model may be built and run in the loader's worker processes (each on one
    # torch thread): on a CPU that keeps every core on useful work without oversubscription
    runs_in_workers: ClassVar[bool] = False

    # -- training (dataquality.finetune / compare) ---------------------------------------------
    # True when ``network`` gives a trainable network: ``finetune(mode="full")`` accepts the embedder
    fine_tunable: ClassVar[bool] = False

    def for_probe(self) -> "Embedder":
        """This embedder as a fixed map for a linear probe: train and test are embedded apart and must
        land in one space, so an embedder fitted on the data it embeds (``data_dependent``) returns a
        variant without that fit, or raises. Itself by default."""
        if self.data_dependent:
            raise DataQualityError(
                f"The {self.name} embedder fits itself to the data it embeds, so a linear probe trained on one "
                "set could not score another. Use a pretrained embedder (e.g. model='efficientnet_lite0').")
        return self

    def network(self, n_classes: int, *, pretrained: bool = True):
        """``(torch network from a normalised image batch to n_classes logits, its Normalization)`` for
        ``finetune(mode="full")``. Embedders that are not networks cannot be fine-tuned."""
        raise DataQualityError(
            f"The {self.name} embedder cannot be fine-tuned (mode='full'): it is not a torch network. "
            f"Use mode='linear_probe', or one of the fine-tunable embedders: {', '.join(fine_tunable())}.")

    def for_device(self, device: str) -> "Embedder":
        """This embedder with every setting left to a device-dependent default settled (see
        ``TorchImageEmbedder``); most embedders have none and return themselves."""
        return self

    def for_runtime(self, device: str, store=None) -> "Embedder":
        """This embedder ready to run on ``device`` (e.g. with its model exported for a faster runtime,
        kept in the cache ``store``); most embedders have nothing to prepare and return themselves."""
        return self

    def build_shared(self) -> None:
        """Build, in this process, what forked loader workers should share (a model); nothing by default."""

    def decode_size(self):
        """``(short, long)``: the smallest image (in pixels) that ``preprocess`` needs, so that a
        JPEG may be decoded at reduced scale; None to always decode at full size."""
        return None

    def cache_key(self) -> str:
        """The settings that change the vectors, as text."""
        return self.name

    def identity(self) -> dict:
        """What identifies the vectors in a cache key: the class (so a subclass never shares the
        parent's entries), its version and its settings."""
        cls = type(self)
        return {"class": f"{cls.__module__}.{cls.__qualname__}", "version": self.version,
                "settings": self.cache_key()}

    def __getstate__(self):
        """Picklable for loader workers and Ray actors: a built model is rebuilt where it runs."""
        state = dict(self.__dict__)
        for name in ("_model", "_device"):
            if name in state:
                state[name] = None
        return state

    # image embedders
    def preprocess(self, image):  # pragma: no cover - interface
        raise NotImplementedError

    def preprocess_batch(self, images: list):
        """The model batch of several decoded images, in order: :meth:`preprocess` of each, stacked
        when they are tensors. An embedder may override it to do the per-batch part of the work once
        (the image pass calls it on each batch of decodable images)."""
        return collate_inputs([self.preprocess(im) for im in images])

    def forward(self, batch, device: str) -> np.ndarray:  # pragma: no cover - interface
        raise NotImplementedError

    def postprocess(self, X: np.ndarray, random_state: int = 0) -> np.ndarray:
        """Dataset-level transform after every example is embedded (e.g. PCA)."""
        return X

    # text / tabular embedders
    def embed_dataset(self, ds, *, device: str = "cpu", progress: bool = True) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError


def register_embedder(name: str):
    """Decorator registering an embedder factory under ``name``; warns on overwrite."""

    def deco(factory):
        if name in _REGISTRY:
            warnings.warn(f"Overwriting embedder {name!r} in the registry.", stacklevel=2)
        _REGISTRY[name] = factory
        return factory

    return deco


def list_embedders() -> list[str]:
    """Names of every registered embedder.

    Examples
    --------
    >>> import dataquality as dq
    >>> "efficientnet_lite0" in dq.list_embedders()
    True
    """
    return sorted(_REGISTRY)


def default_embedder(modality: str) -> str:
    """The registry name ``"auto"`` stands for on ``modality`` data (``Modality.default_embedder``)."""
    from ..modalities import get_modality

    return get_modality(modality).default_embedder


def embedder_class(name: str):
    """The registered factory of ``name`` (usually the Embedder class); unknown names raise, listing
    the valid ones."""
    if name not in _REGISTRY:
        raise unknown_name("embedder", name, list(_REGISTRY))
    return _REGISTRY[name]


def fine_tunable() -> list[str]:
    """Names of the registered embedders that ``finetune(mode="full")`` can train."""
    return sorted(n for n, f in _REGISTRY.items() if getattr(f, "fine_tunable", False))


def accepted_settings(name: str) -> set[str] | None:
    """The settings the embedder ``name`` takes (``None``: any, its factory takes ``**kwargs``)."""
    try:
        params = inspect.signature(embedder_class(name)).parameters
    except (TypeError, ValueError):  # pragma: no cover - builtins without a signature
        return None
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return None
    return {k for k, p in params.items() if k != "self" and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}


def _construct(name: str, factory, settings: dict) -> Embedder:
    """``factory(**settings)``, with a misspelt setting as a DataQualityError listing the valid ones."""
    try:
        params = inspect.signature(factory).parameters
    except (TypeError, ValueError):  # pragma: no cover - builtins without a signature
        return factory(**settings)
    if not any(p.kind is p.VAR_KEYWORD for p in params.values()):
        valid = [k for k, p in params.items() if k != "self" and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
        unknown = sorted(set(settings) - set(valid))
        if unknown:
            raise DataQualityError(f"Unknown setting(s) {unknown} for embedder {name!r}. "
                                   f"Expected any of: {', '.join(valid) or 'none'}.")
    return factory(**settings)


def _shown(embedder) -> str:
    return repr(embedder) if isinstance(embedder, str) else f"<{type(embedder).__name__}>"


def get_embedder(embedder="auto", modality: str = "image", **settings) -> Embedder:
    """Resolve a name, an :class:`Embedder`, a ``torch.nn.Module`` or a callable to an Embedder."""
    if isinstance(embedder, Embedder):
        if embedder.modality != modality:  # as for a name: its embed step does not exist for this data
            raise DataQualityError(
                f"The embedder {type(embedder).__name__} is for {embedder.modality} data but the dataset is "
                f"{modality}. Use embedder='auto' or one of: {', '.join(list_embedders())}.")
        return embedder
    if modality == "embeddings" and embedder is not None and not isinstance(embedder, str):
        # a module or function never runs on vectors
        raise DataQualityError(
            f"The data are vectors you computed (kind='embeddings'): they are audited as they are, so "
            f"embedder={_shown(embedder)} would not run. Leave embedder= out, or pass the images or texts "
            "themselves to embed them with it.")
    if embedder is None or (isinstance(embedder, str) and embedder == "auto"):
        embedder = default_embedder(modality)
    if isinstance(embedder, str):
        if embedder not in _REGISTRY:
            raise unknown_name("embedder", embedder, list(_REGISTRY))
        emb = _construct(embedder, _REGISTRY[embedder], settings)
        if emb.modality != modality:
            raise DataQualityError(
                f"Embedder {embedder!r} is for {emb.modality} data but the dataset is {modality}. "
                f"Use embedder='auto' or one of: {', '.join(n for n in list_embedders())}."
            )
        return emb
    try:
        import torch

        if isinstance(embedder, torch.nn.Module):
            if modality != "image":
                fits = [n for n in list_embedders() if getattr(embedder_class(n), "modality", None) == modality]
                raise DataQualityError(
                    f"An nn.Module embedder embeds image batches (N x 3 x H x W tensors) but the dataset is "
                    f"{modality}. Pass a function taking a list of the examples and returning one vector each, "
                    f"or one of: {', '.join(fits)}.")
            from ._image import ModuleEmbedder

            return ModuleEmbedder(embedder, **settings)
    except ImportError:  # pragma: no cover
        pass
    if callable(embedder):
        from ._image import CallableEmbedder

        return CallableEmbedder(embedder, modality=modality)
    raise DataQualityError(
        f"Expected an embedder name, an nn.Module or a callable but got {type(embedder).__name__}."
    )


def collate_inputs(xs: list):
    """Model inputs of one batch: stacked when they are tensors, else the list as it is."""
    import torch

    return torch.stack(xs) if xs and isinstance(xs[0], torch.Tensor) else xs
