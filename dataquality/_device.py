from __future__ import annotations

from ._errors import DataQualityError


def resolve_device(device: str | None = "auto") -> str:
    """Turn ``"auto"`` into ``"cuda"`` when a GPU is present, else ``"cpu"``."""
    import torch

    if device is None or device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    device = str(device)
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise DataQualityError(
            f"device={device!r} was asked for but no CUDA GPU is available. "
            "Use device='auto' or device='cpu'."
        )
    if not (device == "cpu" or device.startswith("cuda") or device == "mps"):
        raise DataQualityError(f"Expected device 'auto', 'cpu' or 'cuda[:N]' but got {device!r}.")
    return device
