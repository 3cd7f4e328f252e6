"""How examples become vectors for a linear probe: a frozen image network, or fitted text/tabular encoders.

Image embeddings go through the shared cached pass (``compute.embed_with_stats``). The registry's
text (TF-IDF + SVD) and tabular embedders fit on whatever set they see, so a model trained on
one set could not score another; here their transforms are fitted on the training set and
stored with the result, as plain arrays, so ``predict_proba`` applies the very same map.
"""

from __future__ import annotations

import logging

import numpy as np

from .._errors import DataQualityError
from ..embeddings import accepted_settings, get_embedder

logger = logging.getLogger("dataquality")

# the input size of an image network when neither the user nor the embedder settles one
DEFAULT_IMAGE_SIZE = 224


def settle_image_size(model, ds, device: str, weights=None) -> int:
    """The probe's input size when none is given: the size at which this process already holds the
    same backbone's vectors of ``ds`` (an audit's: reusing them embeds nothing again), else the
    embedder's default for ``device`` (see ``TorchImageEmbedder.cpu_image_size``)."""
    from ..compute import remembered_embedders

    for held in reversed(remembered_embedders(ds)):
        size = getattr(held, "image_size", None)
        if size is not None and image_embedder(model, size, weights).identity() == held.identity():
            return int(size)
    emb = image_embedder(model, None, weights).for_device(device)
    return int(getattr(emb, "image_size", None) or DEFAULT_IMAGE_SIZE)


def embedder_settings(name: str, image_size: int | None = None, weights=None) -> dict:
    """The settings training passes to the registered embedder ``name``: the input size and the
    weights file, where it takes them and they are given."""
    takes = accepted_settings(name)
    given = {"image_size": image_size, "weights": None if weights is None else weights}
    return {k: v for k, v in given.items() if v is not None and (takes is None or k in takes)}


def image_embedder(model, image_size: int | None, weights=None):
    """An Embedder for a linear probe on images (``Embedder.for_probe``): a registered name or a user
    ``nn.Module``."""
    if isinstance(model, str):
        return get_embedder(model, "image", **embedder_settings(model, image_size, weights)).for_probe()
    return get_embedder(model, "image", image_size=image_size or DEFAULT_IMAGE_SIZE)


def probe_embedder(name: str, modality: str):
    """A registered text or tabular embedder as a fixed map for a linear probe."""
    return get_embedder(name, modality).for_probe()


# -- text -------------------------------------------------------------------------------------
def fit_text(texts: list[str], n_components: int = 256, max_features: int = 50_000) -> dict:
    """The registry's TF-IDF map (``TfidfEmbedder.fit_texts``) fitted on the training texts."""
    from ..embeddings import get_embedder

    try:
        return get_embedder("tfidf", "text", n_components=n_components, max_features=max_features).fit_texts(texts)
    except DataQualityError as exc:
        raise DataQualityError(
            "The training texts have no usable words (every text is empty or stop words); "
            "nothing to train on.") from exc


def transform_text(state: dict, texts: list[str]) -> np.ndarray:
    """``TfidfEmbedder.transform_texts``: the same map for any texts."""
    from ..embeddings import get_embedder

    return get_embedder("tfidf", "text").transform_texts(state, texts)


# -- tabular ----------------------------------------------------------------------------------
def fit_tabular(df, max_levels: int = 50) -> dict:
    """The registry's table encoding (``TabularEmbedder.fit_table``) fitted on the training rows."""
    from ..embeddings import get_embedder

    return get_embedder("tabular", "tabular", max_levels=max_levels).fit_table(df)


def transform_tabular(state: dict, df) -> np.ndarray:
    """``TabularEmbedder.transform_table``: the same encoding for any rows (and, for models saved
    before training shared the audit's encoding, their own)."""
    from ..embeddings import get_embedder

    if state.get("kind") == "tabular":
        return _schema1_transform_tabular(state, df)
    return get_embedder("tabular", "tabular").transform_table(state, df)


def _schema1_transform_tabular(state: dict, df) -> np.ndarray:
    """Models saved by earlier versions: their columns standardised by mean and std, categoricals
    one-hot. Read-only: new models use the audit's encoding."""
    import pandas as pd

    from ..data import numeric_view

    names = {str(c): c for c in df.columns}
    missing = [col["name"] for col in state["columns"] if col["name"] not in names]
    if missing:
        raise DataQualityError(
            f"The data lacks columns the model was trained on: {missing}. Expected columns "
            f"{[c['name'] for c in state['columns']]} but got {list(names)}.")
    df = numeric_view(df[[names[col["name"]] for col in state["columns"]]])
    parts = []
    for col in state["columns"]:
        s = df[names[col["name"]]]
        if col["kind"] == "numeric":
            v = pd.to_numeric(s, errors="coerce").to_numpy(float)
            v = np.where(np.isfinite(v), v, col["median"])
            parts.append(((v - col["mean"]) / col["std"])[:, None])
        else:
            s = s.astype(str)
            parts.append(np.stack([(s == t).to_numpy(float) for t in col["levels"]], axis=1)
                         if col["levels"] else np.zeros((len(s), 1)))
    X = np.concatenate(parts, axis=1) if parts else np.zeros((len(df), 1))
    return X.astype(np.float32)


def usable_text_mask(texts: list[str]) -> np.ndarray:
    return np.array([isinstance(t, str) and bool(t.strip()) for t in texts], dtype=bool)
