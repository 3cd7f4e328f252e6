"""FinetuneResult: a trained classifier, its predictions and its file format."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .._device import resolve_device
from .._errors import DataQualityError
from ..data import Dataset, as_dataset
from ._loops import network_probs
from ._models import build_network, head_probs, probe_features, readable_mask
from ._temperature import apply_temperature

FORMAT = "dataquality-finetune"


@dataclass(eq=False)
class FinetuneResult:
    """A trained classifier and how it was trained; made by :func:`dataquality.finetune`.

    Attributes
    ----------
    mode : ``"linear_probe"`` (a linear head on frozen embeddings) or ``"full"`` (the whole network).
    model_name : the backbone (``"efficientnet_lite0"``, ``"resnet18"``, ``"tfidf"``, ``"module"`` ...).
    classes : class names, in the order of the probability columns.
    network : the trained ``torch.nn.Module`` (the linear head, or the whole network).
    features : how inputs become the network's input (embedder settings, fitted encoders, scaling).
    history : one dict per epoch: train_loss, train_accuracy, val_loss, val_accuracy.
    config : the training settings.
    n_train : examples trained on; ``n_skipped`` counts those left out and why.
    """

    mode: str
    model_name: str
    classes: list
    modality: str
    network: object = field(repr=False)
    features: dict = field(repr=False)
    history: list = field(default_factory=list, repr=False)
    config: dict = field(default_factory=dict)
    n_train: int = 0
    n_skipped: dict = field(default_factory=dict)
    user_module: object = field(default=None, repr=False)

    # -- prediction ---------------------------------------------------------------------------
    def predict_proba(self, data, *, device="auto", batch_size=None, cache_dir=None, progress=False) -> np.ndarray:
        """Class probabilities, ``N x len(classes)``; rows of NaN for unreadable or empty inputs.

        Examples
        --------
        >>> probs = result.predict_proba(test_images)     # doctest: +SKIP
        """
        ds = as_dataset(data)
        probs, usable = self._predict(ds, device=device, batch_size=batch_size, cache_dir=cache_dir,
                                      progress=progress)
        out = np.full((len(ds), len(self.classes)), np.nan)
        out[usable] = probs
        return out

    def predict(self, data, **kw) -> list:
        """The most probable class name per input (None where the input is unusable)."""
        p = self.predict_proba(data, **kw)
        return [None if np.isnan(row).any() else self.classes[int(row.argmax())] for row in p]

    def _predict(self, ds: Dataset, *, device="auto", batch_size=None, cache_dir=None, progress=False):
        """(probs of the usable rows, usable mask)."""
        if ds.modality != self.modality:
            raise DataQualityError(
                f"This model was trained on {self.modality} data but the data given is {ds.modality}.")
        device = resolve_device(device)
        cache_dir = self.config.get("cache_dir") if cache_dir is None else cache_dir
        T = float(self.config.get("temperature", 1.0))
        if self.mode == "linear_probe":
            X, usable = probe_features(ds, self.features, self.user_module, device=device, cache_dir=cache_dir,
                                        progress=progress, random_state=self.config.get("random_state", 0))
            return apply_temperature(head_probs(self.network, X[usable], self.features, device), T), usable
        usable = readable_mask(ds, cache_dir, progress)
        rows = np.flatnonzero(usable)
        return apply_temperature(network_probs(self.network, ds, rows, self.features, device,
                                                batch_size or self.config.get("batch_size", 32), progress), T), usable

    # -- persistence ------------------------------------------------------------------------
    def save(self, path, *, overwrite: bool = False) -> Path:
        """Write the model and everything needed to use it to one file (``torch.save``; tensors only).

        A user ``nn.Module`` is saved as weights; pass the same architecture to :meth:`load`.
        """
        import torch

        path = Path(path)
        if path.exists() and not overwrite:
            raise DataQualityError(f"{path} exists. Pass overwrite=True to replace it.")
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"format": FORMAT, "version": 1, "mode": self.mode, "model_name": self.model_name,
                   "classes": list(self.classes), "modality": self.modality,
                   "state_dict": {k: v.detach().cpu() for k, v in self.network.state_dict().items()},
                   "features": _storable(self.features), "history": _storable(self.history),
                   "config": _storable(self.config), "n_train": int(self.n_train),
                   "n_skipped": _storable(self.n_skipped)}
        import io

        from .._io import safe_write_bytes

        buf = io.BytesIO()
        torch.save(payload, buf)
        return safe_write_bytes(path, buf.getvalue(), overwrite=overwrite)

    @classmethod
    def load(cls, path, *, model=None) -> "FinetuneResult":
        """Read a file written by :meth:`save`. ``model`` is the user ``nn.Module`` when one was trained.

        Examples
        --------
        >>> result.save("model.pt")                           # doctest: +SKIP
        >>> again = dq.FinetuneResult.load("model.pt")         # doctest: +SKIP
        """
        import torch

        path = Path(path)
        if not path.is_file():
            raise DataQualityError(f"{path} does not exist. Expected a file written by FinetuneResult.save.")
        try:
            payload = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as exc:
            raise DataQualityError(f"Could not read {path} as a saved FinetuneResult: {exc}") from exc
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise DataQualityError(f"{path} is not a file written by FinetuneResult.save.")
        features = _unstorable(payload["features"])
        mode, name, k = payload["mode"], payload["model_name"], len(payload["classes"])
        sd = payload["state_dict"]
        if name == "module" and model is None:
            raise DataQualityError(
                f"{path} holds a model trained on a user nn.Module. Pass the same architecture: "
                "FinetuneResult.load(path, model=my_module).")
        if mode == "linear_probe":
            w = sd["weight"]
            network = torch.nn.Linear(w.shape[1], w.shape[0])
        else:
            network = build_network(model if name == "module" else name, k, features["image_size"],
                                     pretrained=False, weights=None)[0]
        network.load_state_dict(sd)
        network.eval()
        return cls(mode=mode, model_name=name, classes=list(payload["classes"]), modality=payload["modality"],
                   network=network, features=features, history=_unstorable(payload["history"]),
                   config=_unstorable(payload["config"]), n_train=payload["n_train"],
                   n_skipped=_unstorable(payload["n_skipped"]),
                   user_module=model if name == "module" else None)


def load_model(path, *, model=None) -> FinetuneResult:
    """Read a :class:`FinetuneResult` written by ``result.save(path)``."""
    return FinetuneResult.load(path, model=model)


def _storable(obj):
    import torch

    if isinstance(obj, np.ndarray):
        return torch.from_numpy(np.ascontiguousarray(obj))
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, dict):
        return {k: _storable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_storable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj


def _unstorable(obj):
    import torch

    if isinstance(obj, torch.Tensor):
        return obj.numpy()
    if isinstance(obj, dict):
        return {k: _unstorable(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_unstorable(v) for v in obj]
    return obj
