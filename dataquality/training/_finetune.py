"""Transfer learning on a (cleaned) dataset: a linear probe on cached embeddings, or full fine-tuning.

The recipe follows the source document: a pretrained network, its output layer replaced by
one sized to the classes, cross-entropy loss, Adam, a number of epochs.
"""

from __future__ import annotations

import logging

import numpy as np

from .._device import resolve_device
from .._errors import DataQualityError, check_range
from ..data import as_dataset
from . import _features as F
from ._loops import network_probs, train_full, train_probe
from ._models import build_network, has_pixels, has_text, head_probs, model_name, probe_features, readable_mask
from ._result import FinetuneResult
from ._temperature import fit_temperature

logger = logging.getLogger("dataquality")

MODES = ("linear_probe", "full")
_DEFAULTS = {"linear_probe": {"epochs": 30, "lr": 1e-3, "batch_size": 64},
             # 3e-4: on 1,000 Fashion-MNIST images at 64 px, 5 epochs of EfficientNet-Lite0 reached test error
             # 0.224 at 1e-4 (under-fitted: confident on 23% of inputs), 0.194 at 3e-4, 0.192 at 1e-3 (ECE 0.055
             # vs 0.102); docs/clean_vs_dirty.md
             "full": {"epochs": 5, "lr": 3e-4, "batch_size": 32}}


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
    name = model_name(model, ds.modality, mode) if mode in MODES else None
    if image_size is None and mode == "linear_probe" and has_pixels(ds.modality) and len(ds):
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
    if len(ds.classes) < 2:  # it would answer that class every time, at no error: a perfect score that says nothing
        raise DataQualityError(f"The dataset has one class ({ds.classes[0]!r}); a classifier needs at least two. "
                               "Check the labels (a labels file read wrongly, one class folder).")
    device = resolve_device(device)
    seed = int(random_state)
    user_module = model if name == "module" else None
    codes = ds.label_codes
    k = len(ds.classes)

    # which examples can be trained on
    X = None
    if mode == "linear_probe":
        if has_pixels(ds.modality):
            features = {"kind": "image", "embedder": name, "image_size": int(image_size), "weights":
                        None if weights is None else str(weights)}
            if _features is not None:  # embeddings handed over by compare(): (X, usable) for these rows
                X, usable = _features
            else:
                X, usable = probe_features(ds, features, user_module, device=device, cache_dir=cache_dir,
                                            progress=progress, random_state=seed)
        elif name not in ("tfidf", "tabular"):  # a registered text or tabular embedder
            features = {"kind": "embedder", "embedder": name}
            X, usable = probe_features(ds, features, None, device=device, cache_dir=cache_dir,
                                        progress=progress, random_state=seed)
        elif has_text(ds.modality):
            texts = ds.texts
            usable = F.usable_text_mask(texts)
        else:
            usable = np.ones(len(ds), dtype=bool)
        if augment:
            logger.info("augment=True has no effect in linear_probe mode (the embeddings are fixed).")
    else:
        usable = readable_mask(ds, cache_dir, progress)
    skipped = {"unreadable" if has_pixels(ds.modality) else "empty": int((~usable).sum()),
               "unlabeled": int((usable & (codes < 0)).sum())}
    rows = np.flatnonzero(usable & (codes >= 0))
    if sum(skipped.values()):
        logger.info("finetune skips %s of %d examples.", ", ".join(f"{v} {k}" for k, v in skipped.items() if v),
                    len(ds))
    if len(rows) == 0:
        raise DataQualityError(f"No example can be trained on ({len(ds)} given; skipped: {skipped}). "
                               "Expected readable, labelled examples.")
    taught = np.unique(codes[rows])
    if len(taught) < 2:  # a view keeps its parent's classes: one class among its examples answers it every time
        raise DataQualityError(
            f"The {len(rows)} example(s) that can be trained on all have one class ({ds.classes[taught[0]]!r}); a "
            "classifier needs examples of at least two classes. Check the subset (a clean subset of one example or "
            "one class) or the labels.")
    rng = np.random.default_rng(seed)
    n_val = int(round(val_split * len(rows)))
    if val_split > 0:
        n_val = max(1, n_val)
        if len(rows) - n_val < 1:
            raise DataQualityError(f"val_split={val_split} leaves no training examples out of {len(rows)}.")
    perm = rng.permutation(len(rows))
    val_rows, tr_rows = np.sort(rows[perm[:n_val]]), np.sort(rows[perm[n_val:]])
    # a class whose examples all fell in the held-out split would never be trained: one of them goes back
    lost = sorted(set(codes[val_rows].tolist()) - set(codes[tr_rows].tolist()))
    if lost:
        back = np.array([val_rows[codes[val_rows] == c][0] for c in lost])
        val_rows, tr_rows = np.setdiff1d(val_rows, back), np.union1d(tr_rows, back)
    absent = [ds.classes[c] for c in range(k) if not np.any(codes[tr_rows] == c)]
    if absent:
        logger.warning("finetune: %d class(es) have no training example (%s); the model has outputs for them it "
                       "never learnt.", len(absent), ", ".join(map(str, absent[:10])))

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
            network, history = train_probe(Z[tr_rows], codes[tr_rows], Z[val_rows], codes[val_rows], k,
                                            epochs=epochs, lr=lr, batch_size=batch_size, weight_decay=weight_decay,
                                            patience=patience, seed=seed, device=device, progress=progress)
        else:
            network, norm = build_network(model if name == "module" else name, k, int(image_size),
                                           pretrained=pretrained, weights=weights)
            features = {"kind": "network", "n_classes": k, "image_size": int(image_size), "mean": list(norm[0]),
                        "std": list(norm[1]), "interpolation": norm[2]}
            history = train_full(network, ds, tr_rows, val_rows, codes, features, augment=augment, epochs=epochs,
                                  lr=lr, batch_size=batch_size, weight_decay=weight_decay, patience=patience,
                                  seed=seed, device=device, progress=progress)
    config = {"epochs": int(epochs), "lr": float(lr), "batch_size": int(batch_size),
              "weight_decay": float(weight_decay), "image_size": int(image_size), "augment": bool(augment),
              "val_split": float(val_split), "patience": int(patience), "pretrained": bool(pretrained),
              "random_state": seed, "device": device,
              "cache_dir": cache_dir if cache_dir in (None, False) else str(cache_dir), "n_val": int(len(val_rows)),
              "temperature": 1.0, "untrained_classes": list(absent)}
    if calibrate:
        if mode == "linear_probe":
            p_val = head_probs(network, X[val_rows], features, device)
        else:
            p_val = network_probs(network, ds, val_rows, features, device, batch_size, progress)
        t, why = fit_temperature(p_val, codes[val_rows], explain=True)
        config["temperature"] = t
        if why:
            config["temperature_note"] = why
            logger.warning("calibrate: %s", why)
        logger.info("calibrate: temperature %.3f fitted on %d held-out examples", config["temperature"], len(val_rows))
    return FinetuneResult(mode=mode, model_name=name, classes=list(ds.classes), modality=ds.modality,
                          network=network, features=features, history=history, config=config,
                          n_train=int(len(tr_rows)), n_skipped=skipped, user_module=user_module)
