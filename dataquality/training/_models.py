"""Which model a training run uses and how examples become its input.

Models are embedders from the registry (``dataquality.embeddings``): a linear probe reads an
embedder's vectors (``Embedder.for_probe``), full fine-tuning trains its network
(``Embedder.network``). Text and tabular probes fit their encoders on the training rows
(``_features.py``).
"""

from __future__ import annotations

import numpy as np

from .._errors import DataQualityError
from ..data import Dataset
from ..modalities import get_modality
from . import _features as F


def has_pixels(modality: str) -> bool:
    """True when ``modality``'s examples are images (``Modality.has_pixels``): image networks apply."""
    return get_modality(modality).has_pixels


def has_text(modality: str) -> bool:
    """True when ``modality``'s examples are strings (``Modality.reads_strings``): ``Dataset.texts``."""
    return get_modality(modality).reads_strings


def model_name(model, modality: str, mode: str) -> str:
    """The registry name of the embedder to train on (``"module"`` for a user ``nn.Module``): any
    registered embedder of the data's modality for a linear probe; a fine-tunable one for ``full``."""
    import torch

    from ..embeddings import default_embedder, embedder_class, fine_tunable, list_embedders

    if isinstance(model, torch.nn.Module):
        if not has_pixels(modality):
            raise DataQualityError(f"A user nn.Module needs image data but the dataset is {modality}.")
        return "module"
    if not isinstance(model, str):
        raise DataQualityError(
            f"Expected argument `model` to be a name or a torch.nn.Module but got {type(model).__name__}.")
    if mode == "full" and not has_pixels(modality):
        raise DataQualityError(
            f"mode='full' trains an image network but the dataset is {modality}. Use mode='linear_probe'.")
    if model == "auto":
        return default_embedder(modality)
    factory = embedder_class(model)  # unknown names raise, listing the registered ones
    made_for = getattr(factory, "modality", modality)
    if made_for != modality:
        same = [n for n in list_embedders() if getattr(embedder_class(n), "modality", None) == modality]
        raise DataQualityError(f"Embedder {model!r} is for {made_for} data but the dataset is {modality}. "
                               f"Expected one of: {', '.join(same)} (or 'auto').")
    if mode == "full" and not getattr(factory, "fine_tunable", False):
        raise DataQualityError(
            f"The {model} embedder cannot be fine-tuned (mode='full'): it is not a trainable network. "
            f"Use mode='linear_probe', or one of the fine-tunable embedders: {', '.join(fine_tunable())}.")
    return model


# -- features for the linear probe ------------------------------------------------------------------
def readable_mask(ds: Dataset, cache_dir, progress) -> np.ndarray:
    from ..compute import image_stats

    stats = image_stats(ds, cache_dir=cache_dir, progress=progress)
    return stats["readable"].to_numpy(bool)


def probe_features(ds, features, user_module, *, device, cache_dir, progress, random_state):
    """(X float32 N x D, usable mask) through the feature map ``features`` describes."""
    kind = features["kind"]
    if kind == "image":
        emb = F.image_embedder(user_module if features["embedder"] == "module" else features["embedder"],
                               features["image_size"], features.get("weights"))
        from ..compute import embed_with_stats

        X, stats = embed_with_stats(ds, emb, device=device, cache_dir=cache_dir, progress=progress,
                                      random_state=random_state)
        return np.asarray(X, dtype=np.float32), stats["readable"].to_numpy(bool)
    if kind == "tfidf":
        texts = ds.texts
        return F.transform_text(features, texts), F.usable_text_mask(texts)
    if kind == "embedder":  # a registered text or tabular embedder that needs no fitting
        from ..compute import embed_with_stats

        emb = F.probe_embedder(features["embedder"], ds.modality)
        X, _ = embed_with_stats(ds, emb, device=device, cache_dir=cache_dir, progress=progress,
                                random_state=random_state)
        usable = F.usable_text_mask(ds.texts) if has_text(ds.modality) else np.ones(len(ds), dtype=bool)
        return np.asarray(X, dtype=np.float32), usable
    X = F.transform_tabular(features, ds.features)
    return X, np.ones(len(ds), dtype=bool)


def head_probs(head, X, features, device) -> np.ndarray:
    import torch

    Z = (X - features["mean"]) / features["std"]
    head = head.to(device).eval()
    with torch.no_grad():
        out = torch.softmax(head(torch.as_tensor(Z, dtype=torch.float32, device=device)).float(), 1)
    head.to("cpu")
    return out.cpu().double().numpy()


def build_network(model, k: int, image_size: int, *, pretrained: bool, weights):
    """(network with a k-way head, normalisation (mean, std, interpolation)), from the embedder's own
    ``network`` (``Embedder.network``): a registered name or a user ``nn.Module``."""
    from ..embeddings import get_embedder

    if isinstance(model, str):
        emb = get_embedder(model, "image", **F.embedder_settings(model, image_size, weights))
    else:
        emb = get_embedder(model, "image", image_size=image_size)
    net, norm = emb.network(k, pretrained=pretrained)
    return net, (tuple(norm.mean), tuple(norm.std), norm.interpolation)
