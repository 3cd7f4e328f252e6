"""Datasets: adapters from every input form, safe image loading."""

from ._adapters import as_dataset
from ._dataset import Dataset
from ._images import IMAGE_EXTENSIONS, LoadedImage

__all__ = ["as_dataset", "Dataset", "LoadedImage", "IMAGE_EXTENSIONS"]
