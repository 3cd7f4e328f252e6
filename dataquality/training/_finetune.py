"""Transfer learning on a (cleaned) dataset: a linear probe on cached embeddings, or full fine-tuning.

The recipe follows the source document: a pretrained network, its output layer replaced by
one sized to the classes, cross-entropy loss, Adam, a number of epochs.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .._device import resolve_device
from .._errors import DataQualityError, check_range
from ..data import Dataset, as_dataset
from . import _features as F

logger = logging.getLogger("dataquality")

MODES = ("linear_probe", "full")
FORMAT = "dataquality-finetune"
_DEFAULTS = {"linear_probe": {"epochs": 30, "lr": 1e-3, "batch_size": 64},
             # 3e-4: on 1,000 Fashion-MNIST images at 64 px, 5 epochs of EfficientNet-Lite0 reached test error
             # 0.224 at 1e-4 (under-fitted: confident on 23% of inputs), 0.194 at 3e-4, 0.192 at 1e-3 (ECE 0.055
             # vs 0.102); docs/clean_vs_dirty.md
             "full": {"epochs": 5, "lr": 3e-4, "batch_size": 32}}


# -- temperature scaling -------------------------------------------------------------------------
def apply_temperature(probs: np.ndarray, temperature: float) -> np.ndarray:
    """softmax(logits / T) from softmax(logits): p ** (1 / T), renormalised (exact, since log p = logits - c)."""
    if temperature == 1.0 or len(probs) == 0:
        return probs
    logp = np.log(np.clip(probs, 1e-12, 1.0)) / temperature
    logp -= logp.max(axis=1, keepdims=True)
    p = np.exp(logp)
    return p / p.sum(axis=1, keepdims=True)


def fit_temperature(probs: np.ndarray, y: np.ndarray) -> float:
    """The temperature in [0.05, 20] that minimises the negative log-likelihood of ``y`` (grid, then refine)."""
    y = np.asarray(y, dtype=np.int64)

    def nll(t):
        p = apply_temperature(probs, t)
        return -np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1.0)).mean()

    grid = np.exp(np.linspace(np.log(0.05), np.log(20.0), 121))
    best = grid[int(np.argmin([nll(t) for t in grid]))]
    fine = best * np.exp(np.linspace(-0.05, 0.05, 41))
    return float(fine[int(np.argmin([nll(t) for t in fine]))])


# -- the result ---------------------------------------------------------------------------------
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
            X, usable = _probe_features(ds, self.features, self.user_module, device=device, cache_dir=cache_dir,
                                        progress=progress, random_state=self.config.get("random_state", 0))
            return apply_temperature(_head_probs(self.network, X[usable], self.features, device), T), usable
        usable = _readable(ds, cache_dir, progress)
        rows = np.flatnonzero(usable)
        return apply_temperature(_network_probs(self.network, ds, rows, self.features, device,
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
            network = _build_network(model if name == "module" else name, k, features["image_size"],
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


# -- arguments --------------------------------------------------------------------------------
def _check_args(mode, epochs, lr, batch_size, weight_decay, val_split, patience, image_size):
    if mode not in MODES:
        raise DataQualityError(f"Expected argument `mode` to be one of {MODES} but got {mode!r}.")
    for name, v in (("epochs", epochs), ("batch_size", batch_size), ("patience", patience),
                    ("image_size", image_size)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
            raise DataQualityError(f"Expected argument `{name}` to be a positive integer but got {v!r}.")
    check_range("lr", lr, 0.0, 10.0, low_open=True)
    check_range("weight_decay", weight_decay, 0.0, 10.0)
    check_range("val_split", val_split, 0.0, 0.5)
    if image_size < 8:
        raise DataQualityError(f"Expected argument `image_size` >= 8 but got {image_size}.")


def _model_name(model, modality: str, mode: str) -> str:
    """The registry name of the embedder to train on (``"module"`` for a user ``nn.Module``): any
    registered embedder of the data's modality for a linear probe; a fine-tunable one for ``full``."""
    import torch

    from ..embeddings import default_embedder, embedder_class, fine_tunable, list_embedders

    if isinstance(model, torch.nn.Module):
        if modality != "image":
            raise DataQualityError(f"A user nn.Module needs image data but the dataset is {modality}.")
        return "module"
    if not isinstance(model, str):
        raise DataQualityError(
            f"Expected argument `model` to be a name or a torch.nn.Module but got {type(model).__name__}.")
    if mode == "full" and modality != "image":
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
def _readable(ds: Dataset, cache_dir, progress) -> np.ndarray:
    from ..compute import image_stats

    stats = image_stats(ds, cache_dir=cache_dir, progress=progress)
    return stats["readable"].to_numpy(bool)


def _probe_features(ds, features, user_module, *, device, cache_dir, progress, random_state):
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
        usable = F.usable_text_mask(ds.texts) if ds.modality == "text" else np.ones(len(ds), dtype=bool)
        return np.asarray(X, dtype=np.float32), usable
    X = F.transform_tabular(features, ds.features)
    return X, np.ones(len(ds), dtype=bool)


def _head_probs(head, X, features, device) -> np.ndarray:
    import torch

    Z = (X - features["mean"]) / features["std"]
    head = head.to(device).eval()
    with torch.no_grad():
        out = torch.softmax(head(torch.as_tensor(Z, dtype=torch.float32, device=device)).float(), 1)
    head.to("cpu")
    return out.cpu().double().numpy()


# -- networks for full fine-tuning ---------------------------------------------------------------------
def _build_network(model, k: int, image_size: int, *, pretrained: bool, weights):
    """(network with a k-way head, normalisation (mean, std, interpolation)), from the embedder's own
    ``network`` (``Embedder.network``): a registered name or a user ``nn.Module``."""
    from ..embeddings import get_embedder

    if isinstance(model, str):
        emb = get_embedder(model, "image", **F.embedder_settings(model, image_size, weights))
    else:
        emb = get_embedder(model, "image", image_size=image_size)
    net, norm = emb.network(k, pretrained=pretrained)
    return net, (tuple(norm.mean), tuple(norm.std), norm.interpolation)


class _ImageItems:
    def __init__(self, ds, rows, targets, transform):
        self.ds, self.rows, self.targets, self.transform = ds, rows, targets, transform

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, k):
        li = self.ds.load_image(int(self.rows[k]))
        if not li.ok:  # changed on disk since it was checked
            raise DataQualityError(f"Image {self.ds.ids[int(self.rows[k])]} became unreadable: {li.error}")
        return self.transform(li.image), int(self.targets[k])


def _transforms(features, train: bool, augment: bool):
    from torchvision import transforms as T

    from ..embeddings import eval_transform

    size, mean, std, interp = features["image_size"], features["mean"], features["std"], features["interpolation"]
    if not (train and augment):
        return eval_transform(size, mean, std, interp)
    mode = T.InterpolationMode.BICUBIC if interp == "bicubic" else T.InterpolationMode.BILINEAR
    return T.Compose([T.RandomResizedCrop(size, scale=(0.6, 1.0), interpolation=mode), T.RandomHorizontalFlip(),
                      T.ToTensor(), T.Normalize(mean, std)])


def _loader(ds, rows, targets, transform, batch_size, shuffle, seed, device):
    import torch
    from torch.utils.data import DataLoader

    workers = 0 if len(rows) < 512 else min(4, os.cpu_count() or 1)
    return DataLoader(_ImageItems(ds, rows, targets, transform), batch_size=batch_size, shuffle=shuffle,
                      num_workers=workers, pin_memory=device.startswith("cuda"),
                      generator=torch.Generator().manual_seed(seed) if shuffle else None)


def _forward(net, x, device):
    import torch

    x = x.to(device, non_blocking=True)
    if device.startswith("cuda"):
        x = x.contiguous(memory_format=torch.channels_last)
        with torch.autocast("cuda", dtype=torch.bfloat16):
            return net(x).float()
    return net(x)


def _network_probs(net, ds, rows, features, device, batch_size, progress) -> np.ndarray:
    import torch
    from tqdm.auto import tqdm

    if not len(rows):
        return np.zeros((0, features["n_classes"]))
    net = net.to(device).eval()
    if device.startswith("cuda"):
        net = net.to(memory_format=torch.channels_last)
    loader = _loader(ds, rows, np.zeros(len(rows), dtype=np.int64), _transforms(features, False, False),
                     batch_size, False, 0, device)
    out = []
    with torch.no_grad():
        for x, _ in tqdm(loader, desc="predicting", disable=not progress, leave=False):
            out.append(torch.softmax(_forward(net, x, device), 1).cpu().double().numpy())
    net.to("cpu")
    return np.concatenate(out)


# -- training loops ---------------------------------------------------------------------------------
class _EarlyStopping:
    def __init__(self, net, patience: int):
        self.net, self.patience, self.best, self.best_state, self.bad = net, patience, np.inf, None, 0
        self.best_epoch = None

    def step(self, val_loss: float, epoch: int) -> bool:
        """True when training should stop."""
        if val_loss < self.best - 1e-6:
            self.best, self.bad, self.best_epoch = val_loss, 0, epoch
            self.best_state = {k: v.detach().clone() for k, v in self.net.state_dict().items()}
            return False
        self.bad += 1
        return self.bad >= self.patience

    def restore(self):
        if self.best_state is not None:
            self.net.load_state_dict(self.best_state)


def _train(net, batches, val_eval, *, epochs, lr, weight_decay, patience, device, progress, desc):
    """Adam on cross-entropy. ``batches(epoch)`` yields (x, y) on device; ``val_eval()`` -> (loss, acc) or None."""
    import torch
    from tqdm.auto import tqdm

    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=lr, weight_decay=weight_decay)
    stopper = _EarlyStopping(net, patience)
    history = []
    bar = tqdm(range(epochs), desc=desc, unit="epoch", disable=not progress, leave=False)
    for epoch in bar:
        net.train()
        tot_loss, tot_ok, tot_n = 0.0, 0, 0
        for x, y in batches(epoch):
            logits = _forward(net, x, device) if x.dim() == 4 else net(x)
            loss = torch.nn.functional.cross_entropy(logits.float(), y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            tot_loss += float(loss.detach()) * len(y)
            tot_ok += int((logits.argmax(1) == y).sum())
            tot_n += len(y)
        row = {"epoch": epoch + 1, "train_loss": tot_loss / max(tot_n, 1), "train_accuracy": tot_ok / max(tot_n, 1)}
        val = val_eval()
        if val is not None:
            row["val_loss"], row["val_accuracy"] = val
        history.append(row)
        bar.set_postfix({k: round(v, 4) for k, v in row.items() if k != "epoch"})
        if val is not None and stopper.step(row["val_loss"], epoch + 1):
            logger.info("Early stopping after epoch %d (best validation loss at epoch %d).",
                        epoch + 1, stopper.best_epoch)
            break
    bar.close()
    stopper.restore()
    net.eval()
    return history


def _train_probe(X, y, Xv, yv, k, *, epochs, lr, batch_size, weight_decay, patience, seed, device, progress):
    import torch

    head = torch.nn.Linear(X.shape[1], k).to(device)
    xt = torch.as_tensor(X, dtype=torch.float32, device=device)
    yt = torch.as_tensor(y, dtype=torch.long, device=device)
    gen = torch.Generator().manual_seed(seed)

    def batches(epoch):
        perm = torch.randperm(len(yt), generator=gen).to(device)
        for s in range(0, len(perm), batch_size):
            b = perm[s: s + batch_size]
            yield xt[b], yt[b]

    xv = torch.as_tensor(Xv, dtype=torch.float32, device=device) if len(yv) else None
    yvt = torch.as_tensor(yv, dtype=torch.long, device=device) if len(yv) else None

    def val_eval():
        if xv is None:
            return None
        with torch.no_grad():
            logits = head(xv)
            loss = float(torch.nn.functional.cross_entropy(logits, yvt))
            return loss, float((logits.argmax(1) == yvt).float().mean())

    # a linear head is tiny: on CPU, more threads only add synchronisation (much slower on a busy machine)
    threads = torch.get_num_threads()
    if device == "cpu":
        torch.set_num_threads(1)
    try:
        history = _train(head, batches, val_eval, epochs=epochs, lr=lr, weight_decay=weight_decay,
                         patience=patience, device=device, progress=progress, desc="linear probe")
    finally:
        torch.set_num_threads(threads)
    return head.to("cpu"), history


# -- the public function ------------------------------------------------------------------------------
def finetune(dataset, model="auto", mode: str = "linear_probe", *, epochs: int | None = None, lr: float | None = None,
             batch_size: int | None = None, weight_decay: float = 1e-4, image_size: int | None = None,
             augment: bool = False, val_split: float = 0.0, patience: int = 5, pretrained: bool = True,
             weights=None, random_state: int = 0, device="auto", progress: bool = True, cache_dir=None,
             labels=None, calibrate: bool = False, _features=None) -> FinetuneResult:
    """Train a classifier on ``dataset`` by transfer learning and return a :class:`FinetuneResult`.

    A pretrained network has its output layer replaced by one sized to the classes and is
    trained with cross-entropy and Adam, as in the source document.

    Parameters
    ----------
    dataset : anything :func:`dataquality.as_dataset` accepts, e.g. ``report.clean_subset()``.
        Unreadable or unlabeled examples are skipped and counted (``result.n_skipped``).
    model : ``"auto"`` (EfficientNet-Lite0 for images, TF-IDF for text, the tabular encoder for
        tables), any embedder in the registry (:func:`dataquality.list_embedders`, your own
        ``register_embedder`` ones included) for the data's modality: ``"efficientnet_lite0"``
        (weights ship offline), ``"resnet18"`` / ``"resnet50"`` (weights from the torch cache or
        ``weights=``; ``pretrained=False`` for random ones), ``"pixels"`` (linear probe on raw
        pixels), or a ``torch.nn.Module`` backbone (a new linear head is put on its flattened
        output). ``mode="full"`` needs a fine-tunable embedder (``Embedder.network``: the torch
        image embedders); a linear probe needs one that is not fitted to the data it embeds
        (``Embedder.for_probe``).
    mode : ``"linear_probe"`` trains a linear head on cached embeddings (seconds on CPU);
        ``"full"`` trains the whole network on images (bf16 autocast and channels_last on CUDA).
    epochs, lr, batch_size : default 30 / 1e-3 / 64 for ``linear_probe``, 5 / 3e-4 / 32 for ``full``.
    weight_decay : Adam's L2 penalty.
    image_size : input size of the network. Default for ``linear_probe``: the size at which an audit in
        this process embedded these images (so its embeddings are reused, nothing is embedded again),
        else the backbone's default for the device (EfficientNet-Lite0: 160 on a CPU, 224 on a GPU);
        224 for ``full``; 16 for ``"pixels"``.
    augment : random resized crops and flips (``full`` mode only).
    val_split : fraction (0-0.5) held out for early stopping with ``patience`` epochs; the weights of
        the best validation loss are kept.
    calibrate : fit a temperature on the held-out ``val_split`` examples after training (temperature
        scaling: the softmax of logits / T with T minimising the validation NLL) and apply it in every
        prediction. Needs ``val_split > 0``. Changes confidence, never the predicted class.
    random_state : seeds the head's initialisation, the shuffling and the split. Same seed, same result.
    device : ``"auto"``, ``"cpu"`` or ``"cuda"``.
    cache_dir : embedding cache (default ``~/.cache/dataquality``; ``False`` disables it).

    Examples
    --------
    >>> import dataquality as dq
    >>> ds = dq.datasets.load_digits(image_size=16, n=200)
    >>> res = dq.finetune(ds, model="pixels", epochs=20, progress=False, cache_dir=False)
    >>> res.mode, len(res.classes), res.predict_proba(ds).shape
    ('linear_probe', 10, (200, 10))
    """
    import torch

    ds = as_dataset(dataset, labels)
    d = _DEFAULTS.get(mode, _DEFAULTS["linear_probe"])
    epochs = d["epochs"] if epochs is None else epochs
    lr = d["lr"] if lr is None else lr
    batch_size = d["batch_size"] if batch_size is None else batch_size
    name = _model_name(model, ds.modality, mode) if mode in MODES else None
    if image_size is None and mode == "linear_probe" and ds.modality == "image" and len(ds):
        # the size the audit embedded this data at, when its vectors are at hand: nothing is embedded again
        image_size = F.settle_image_size(model if name == "module" else name, ds, resolve_device(device), weights)
    elif image_size is None:
        image_size = F.DEFAULT_IMAGE_SIZE
    _check_args(mode, epochs, lr, batch_size, weight_decay, val_split, patience, image_size)
    if calibrate and not val_split > 0:
        raise DataQualityError("calibrate=True fits a temperature on held-out examples: pass val_split > 0 "
                               "(e.g. val_split=0.2).")
    if len(ds) == 0:
        raise DataQualityError("The dataset is empty. Expected at least one labelled example.")
    if not ds.classes:
        raise DataQualityError("The dataset has no labels. finetune needs labelled examples: pass labels=.")
    device = resolve_device(device)
    seed = int(random_state)
    user_module = model if name == "module" else None
    codes = ds.label_codes
    k = len(ds.classes)

    # which examples can be trained on
    X = None
    if mode == "linear_probe":
        if ds.modality == "image":
            features = {"kind": "image", "embedder": name, "image_size": int(image_size), "weights":
                        None if weights is None else str(weights)}
            if _features is not None:  # embeddings handed over by compare(): (X, usable) for these rows
                X, usable = _features
            else:
                X, usable = _probe_features(ds, features, user_module, device=device, cache_dir=cache_dir,
                                            progress=progress, random_state=seed)
        elif name not in ("tfidf", "tabular"):  # a registered text or tabular embedder
            features = {"kind": "embedder", "embedder": name}
            X, usable = _probe_features(ds, features, None, device=device, cache_dir=cache_dir,
                                        progress=progress, random_state=seed)
        elif ds.modality == "text":
            texts = ds.texts
            usable = F.usable_text_mask(texts)
        else:
            usable = np.ones(len(ds), dtype=bool)
        if augment:
            logger.info("augment=True has no effect in linear_probe mode (the embeddings are fixed).")
    else:
        usable = _readable(ds, cache_dir, progress)
    skipped = {"unreadable" if ds.modality == "image" else "empty": int((~usable).sum()),
               "unlabeled": int((usable & (codes < 0)).sum())}
    rows = np.flatnonzero(usable & (codes >= 0))
    if sum(skipped.values()):
        logger.info("finetune skips %s of %d examples.", ", ".join(f"{v} {k}" for k, v in skipped.items() if v),
                    len(ds))
    if len(rows) == 0:
        raise DataQualityError(f"No example can be trained on ({len(ds)} given; skipped: {skipped}). "
                               "Expected readable, labelled examples.")
    rng = np.random.default_rng(seed)
    n_val = int(round(val_split * len(rows)))
    if val_split > 0:
        n_val = max(1, n_val)
        if len(rows) - n_val < 1:
            raise DataQualityError(f"val_split={val_split} leaves no training examples out of {len(rows)}.")
    perm = rng.permutation(len(rows))
    val_rows, tr_rows = np.sort(rows[perm[:n_val]]), np.sort(rows[perm[n_val:]])

    fork = [torch.cuda.current_device()] if device.startswith("cuda") else []
    with torch.random.fork_rng(devices=fork):
        torch.manual_seed(seed)
        if mode == "linear_probe":
            if name == "tfidf":
                features = F.fit_text([texts[i] for i in tr_rows])
                X = F.transform_text(features, texts)
            elif name == "tabular":
                features = F.fit_tabular(ds.features.iloc[tr_rows])
                X = F.transform_tabular(features, ds.features)
            mean = X[tr_rows].mean(0).astype(np.float32)
            std = X[tr_rows].std(0).astype(np.float32)
            std[std < 1e-6] = 1.0
            features = {**features, "mean": mean, "std": std}
            Z = (X - mean) / std
            network, history = _train_probe(Z[tr_rows], codes[tr_rows], Z[val_rows], codes[val_rows], k,
                                            epochs=epochs, lr=lr, batch_size=batch_size, weight_decay=weight_decay,
                                            patience=patience, seed=seed, device=device, progress=progress)
        else:
            network, norm = _build_network(model if name == "module" else name, k, int(image_size),
                                           pretrained=pretrained, weights=weights)
            features = {"kind": "network", "n_classes": k, "image_size": int(image_size), "mean": list(norm[0]),
                        "std": list(norm[1]), "interpolation": norm[2]}
            history = _train_full(network, ds, tr_rows, val_rows, codes, features, augment=augment, epochs=epochs,
                                  lr=lr, batch_size=batch_size, weight_decay=weight_decay, patience=patience,
                                  seed=seed, device=device, progress=progress)
    config = {"epochs": int(epochs), "lr": float(lr), "batch_size": int(batch_size),
              "weight_decay": float(weight_decay), "image_size": int(image_size), "augment": bool(augment),
              "val_split": float(val_split), "patience": int(patience), "pretrained": bool(pretrained),
              "random_state": seed, "device": device,
              "cache_dir": cache_dir if cache_dir in (None, False) else str(cache_dir), "n_val": int(len(val_rows)),
              "temperature": 1.0}
    if calibrate:
        if mode == "linear_probe":
            p_val = _head_probs(network, X[val_rows], features, device)
        else:
            p_val = _network_probs(network, ds, val_rows, features, device, batch_size, progress)
        config["temperature"] = fit_temperature(p_val, codes[val_rows])
        logger.info("calibrate: temperature %.3f fitted on %d held-out examples", config["temperature"], len(val_rows))
    return FinetuneResult(mode=mode, model_name=name, classes=list(ds.classes), modality=ds.modality,
                          network=network, features=features, history=history, config=config,
                          n_train=int(len(tr_rows)), n_skipped=skipped, user_module=user_module)


def _train_full(net, ds, tr_rows, val_rows, codes, features, *, augment, epochs, lr, batch_size, weight_decay,
                patience, seed, device, progress):
    import torch

    net = net.to(device)
    if device.startswith("cuda"):
        net = net.to(memory_format=torch.channels_last)
    train_loader = _loader(ds, tr_rows, codes[tr_rows], _transforms(features, True, augment), batch_size, True,
                           seed, device)
    val_loader = (_loader(ds, val_rows, codes[val_rows], _transforms(features, False, False), batch_size, False,
                          seed, device) if len(val_rows) else None)

    def batches(epoch):
        for x, y in train_loader:
            yield x, y.to(device)

    def val_eval():
        if val_loader is None:
            return None
        net.eval()
        loss, ok, n = 0.0, 0, 0
        with torch.no_grad():
            for x, y in val_loader:
                y = y.to(device)
                logits = _forward(net, x, device)
                loss += float(torch.nn.functional.cross_entropy(logits, y, reduction="sum"))
                ok += int((logits.argmax(1) == y).sum())
                n += len(y)
        net.train()
        return loss / n, ok / n

    history = _train(net, batches, val_eval, epochs=epochs, lr=lr, weight_decay=weight_decay, patience=patience,
                     device=device, progress=progress, desc="fine-tuning")
    net.to("cpu")
    return history
