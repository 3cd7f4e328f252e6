"""The Dataset every part of the library works on: ids, labels, a lazy loader."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._errors import DataQualityError
from ..modalities import get_modality, list_modalities
from ._images import LoadedImage
from ._labels import encode, is_placeholder, normalise_labels, sort_classes, unify_label_types
from ._sources import ConcatSource, Source


@dataclass(eq=False)
class Dataset:
    """A dataset seen by dataquality: stable string ids, labels (missing allowed) and a lazy loader.

    Build one with :func:`dataquality.as_dataset`. A Dataset is a view: ``subset`` and
    ``clean_subset`` share the source and never copy or touch user files.

    Examples
    --------
    >>> import dataquality as dq
    >>> ds = dq.as_dataset(["a cat", "a dog", "a cow"], labels=["x", "y", "x"])
    >>> len(ds), ds.modality, ds.classes
    (3, 'text', ['x', 'y'])
    """

    modality: str
    ids: list[str]
    labels: np.ndarray
    _source: Source = field(repr=False)
    _index: np.ndarray = field(repr=False)
    root: Path | None = None
    classes: list = field(default_factory=list)
    findings: dict = field(default_factory=dict)
    features: pd.DataFrame | None = field(default=None, repr=False)
    _fingerprint: str | None = field(default=None, repr=False)

    def __post_init__(self):
        if self.modality not in list_modalities():
            raise DataQualityError(f"Expected modality in {tuple(list_modalities())} but got {self.modality!r}.")
        placeholders = _placeholder_note(self.labels)
        self.labels, mixed = unify_label_types(normalise_labels(self.labels))
        if mixed is not None:
            self.findings["label_types"] = mixed
        if placeholders:
            self.findings.setdefault("notes", []).append(placeholders)
        if len(self.labels) != len(self.ids):
            raise DataQualityError(
                f"Expected one label per example ({len(self.ids)}) but got {len(self.labels)} labels."
            )
        if not self.classes:
            self.classes = sort_classes(self.labels)

    # -- basic protocol ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.ids)

    def __repr__(self) -> str:
        where = f", root={str(self.root)!r}" if self.root else ""
        return (
            f"Dataset(modality={self.modality!r}, n={len(self)}, classes={len(self.classes)}, "
            f"missing_labels={int(self.missing_label_mask.sum())}{where})"
        )

    @property
    def label_codes(self) -> np.ndarray:
        """Integer class codes into ``classes``; -1 where the label is missing."""
        return encode(self.labels, self.classes)

    @property
    def missing_label_mask(self) -> np.ndarray:
        return np.array([v is None for v in self.labels], dtype=bool)

    @property
    def has_labels(self) -> bool:
        return bool(len(self)) and not bool(self.missing_label_mask.all())

    @property
    def paths(self) -> list | None:
        """Absolute file paths or URIs (file-backed image datasets only)."""
        if self._source.paths is None:
            return None
        return [self._source.paths[j] for j in self._index]

    @property
    def thread_safe(self) -> bool:
        """Whether items may be loaded from several threads at once (see ``Source.thread_safe``)."""
        return bool(getattr(self._source, "thread_safe", False))

    # -- loading ----------------------------------------------------------------------
    def load(self, i: int) -> Any:
        """Item ``i``: a :class:`LoadedImage` for images, a str for text, a Series for tabular."""
        return self._source.load(int(self._index[i]))

    def load_image(self, i: int, min_size=None) -> LoadedImage:
        """Image ``i``; ``min_size=(short, long)`` lets a JPEG file be decoded at reduced scale
        (1/2, 1/4, 1/8) as long as its sides stay at least that large."""
        if not get_modality(self.modality).has_pixels:
            raise DataQualityError(f"load_image needs an image dataset but this one is {self.modality}.")
        if min_size is not None and hasattr(self._source, "load_image"):
            return self._source.load_image(int(self._index[i]), min_size=min_size)
        return self.load(i)

    @property
    def vectors(self) -> np.ndarray:
        """The ``N x D`` vectors of a precomputed-embeddings dataset (no copy for the full set)."""
        if not get_modality(self.modality).vectors_given:
            raise DataQualityError(f"vectors needs an embeddings dataset but this one is {self.modality}.")
        return self._source.rows(self._index)

    @property
    def texts(self) -> list[str]:
        if not get_modality(self.modality).reads_strings:
            raise DataQualityError(f"texts needs a text dataset but this one is {self.modality}.")
        return [self.load(i) for i in range(len(self))]

    # -- identity ---------------------------------------------------------------------
    @property
    def fingerprint(self) -> str:
        """Hash of the content (file path, size and mtime for files; the values otherwise).

        Labels are not part of it: embeddings do not depend on them.
        """
        if self._fingerprint is None:
            h = hashlib.sha256(self.modality.encode())
            for i in self.ids:
                h.update(i.encode("utf-8", "surrogateescape"))
            bulk = getattr(self._source, "bulk_token", None)
            if bulk is not None:
                h.update(bulk(self._index))
            else:
                for j in self._index:
                    h.update(self._source.token(int(j)))
            self._fingerprint = h.hexdigest()[:32]
        return self._fingerprint

    def forget_fingerprint(self) -> None:
        """Compute :attr:`fingerprint` afresh when next asked: each audit does, so that files edited since the
        dataset object was made (re-auditing it in a notebook) are not taken for the ones audited before."""
        self._fingerprint = None

    # -- views ------------------------------------------------------------------------
    def subset(self, indices) -> "Dataset":
        """A view on the examples at ``indices`` (positions or a boolean mask)."""
        idx = np.asarray(indices)
        if idx.dtype == bool:
            if len(idx) != len(self):
                raise DataQualityError(f"Expected a mask of length {len(self)} but got {len(idx)}.")
            idx = np.flatnonzero(idx)
        idx = idx.astype(np.int64)
        if len(idx) and (idx.min() < 0 or idx.max() >= len(self)):
            raise DataQualityError(f"Indices must lie in [0, {len(self)}); got {idx.min()}..{idx.max()}.")
        return Dataset(
            modality=self.modality,
            ids=[self.ids[i] for i in idx],
            labels=self.labels[idx],
            _source=self._source,
            _index=self._index[idx],
            root=self.root,
            classes=list(self.classes),
            findings=dict(self.findings),
            features=None if self.features is None else self.features.iloc[idx].reset_index(drop=True),
        )

    def with_labels(self, labels) -> "Dataset":
        """The same examples with other labels (e.g. noisy ones planted for a benchmark)."""
        new = self.subset(np.arange(len(self)))
        placeholders = _placeholder_note(list(labels))
        new.labels, mixed = unify_label_types(normalise_labels(list(labels)))
        if placeholders:
            new.findings["notes"] = [*new.findings.get("notes", []), placeholders]
        new.findings.pop("label_types", None)
        if mixed is not None:
            new.findings["label_types"] = mixed
        if len(new.labels) != len(self):
            raise DataQualityError(f"Expected {len(self)} labels but got {len(new.labels)}.")
        given = [v for v in new.labels if v is not None]
        # a relabelling within these classes (planted flips) keeps every class, even one left without examples; new
        # names (0-9 written as text, digits as words) are classes of their own, not added to the old ones, which
        # no example would carry (a model trained on it had 10 classes it never saw, and scored 1.0 error against
        # test labels spelled the old way)
        old = set(self.classes)
        new.classes = sort_classes(list(self.classes) + given) if all(v in old for v in given) else sort_classes(given)
        return new

    @staticmethod
    def concat(first: "Dataset", second: "Dataset") -> "Dataset":
        """Both datasets one after the other (ids prefixed to stay unique); for joint embedding."""
        if first.modality != second.modality:
            raise DataQualityError(f"Cannot join {first.modality} and {second.modality} data.")
        features = None
        if first.features is not None and second.features is not None:
            features = pd.concat([first.features, second.features], ignore_index=True)
        return Dataset(first.modality, [f"a:{i}" for i in first.ids] + [f"b:{i}" for i in second.ids],
                       np.concatenate([first.labels, second.labels]),
                       ConcatSource(first, second), np.arange(len(first) + len(second)), features=features)

    def to_manifest(self, path, *, overwrite: bool = False) -> Path:
        r"""Write ``id,label`` (and ``path`` for files) as UTF-8 CSV; never overwrites without ``overwrite=True``.

        A file name that is not valid UTF-8 is written with each undecodable byte as ``\xNN``
        (``caf\xe9.png``); :func:`dataquality.as_dataset` finds such a file again.
        """
        import os

        from .._io import safe_write_text, utf8_text

        def cell(v):  # pandas' Arrow strings reject lone surrogates
            return utf8_text(v) if isinstance(v, str) else v

        df = pd.DataFrame({"id": [cell(i) for i in self.ids],
                           "label": ["" if v is None else cell(v) for v in self.labels]})
        if self.paths is not None:
            df.insert(1, "path", [os.fsencode(p).decode("utf-8", "backslashreplace") for p in self.paths])
        return safe_write_text(path, df.to_csv(index=False), overwrite=overwrite)


def _placeholder_note(labels) -> str | None:
    """A note naming the labels written as text for no label (``"nan"``, ``"None"``, ``"N/A"``), read as missing."""
    words = sorted({str(v).strip() for v in labels if is_placeholder(v)})
    if not words:
        return None
    n = sum(1 for v in labels if is_placeholder(v))
    return (f"{n} label{'s' if n != 1 else ''} written {', '.join(map(repr, words))} read as missing (missing_label), "
            "not as a class")
