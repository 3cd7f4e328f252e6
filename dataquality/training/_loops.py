"""Training loops: Adam on cross-entropy with early stopping, for a linear head on embeddings or
a whole image network fed by a DataLoader (bf16 autocast and channels_last on CUDA)."""

from __future__ import annotations

import logging
import os

import numpy as np

from .._errors import DataQualityError

logger = logging.getLogger("dataquality")


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


def network_probs(net, ds, rows, features, device, batch_size, progress) -> np.ndarray:
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


def train_probe(X, y, Xv, yv, k, *, epochs, lr, batch_size, weight_decay, patience, seed, device, progress):
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


def train_full(net, ds, tr_rows, val_rows, codes, features, *, augment, epochs, lr, batch_size, weight_decay,
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
