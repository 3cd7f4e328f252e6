"""A small name -> factory registry (timm's ``register_model`` / ``list_models`` habit), shared by
backends, neighbour indexes and intermediate providers."""

from __future__ import annotations

import warnings
from typing import Generic, TypeVar

from .._errors import unknown_name

T = TypeVar("T")


class Registry(Generic[T]):
    """Names to registered objects; an unknown name raises an error listing the valid ones."""

    def __init__(self, kind: str):
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str, item: T) -> T:
        if name in self._items and self._items[name] is not item:
            warnings.warn(f"Overwriting {self.kind} {name!r} in the registry.", stacklevel=3)
        self._items[name] = item
        return item

    def get(self, name: str) -> T:
        if name not in self._items:
            raise unknown_name(self.kind, name, list(self._items))
        return self._items[name]

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: str) -> bool:
        return name in self._items
