"""What a kind of data is to the audit: a Modality class per kind, registered by name.

A modality declares, in one place, everything that differs between kinds of data: the embedder
``"auto"`` stands for, how the labels are probed (a named strategy of the compute layer), the
per-check defaults that depend on the data (near-duplicate distance), and which examples are
usable and when two have equal content. Adding a kind of data means adding one module here
(and a reader for it in ``dataquality.data``).
"""

from __future__ import annotations

import warnings
from typing import ClassVar

import numpy as np

from .._errors import DataQualityError, unknown_name

_MODALITIES: dict[str, "Modality"] = {}


class Modality:
    """Base of every modality. Subclasses set the class attributes and implement ``valid`` and
    ``content_keys``; both take the audit context (``ctx.dataset``, ``ctx.get(...)``)."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    # the registry name of the embedder that embedder="auto" stands for
    default_embedder: ClassVar[str] = ""
    # the compute layer's out-of-fold probe for the label checks (compute.PROBES)
    probe: ClassVar[str] = "standardised_linear"
    # cosine distance under which two examples are near duplicates (near_duplicate,
    # conflicting_labels, leakage); None: learnt from the data (images)
    near_duplicate_distance: ClassVar[float | None] = None
    # whether the outlier check also measures each example's distance from the data's distribution: True, in the
    # embeddings (from its class's centre); "columns", in the table's own columns (checks._outlier.column_distance)
    outlier_global: ClassVar[bool | str] = True
    # where the outlier check's neighbour score measures distances: "embeddings" (cosine; robust z of the mean
    # distance) or "columns" (a table's own float64 columns; robust z of the log of the mean Euclidean distance)
    outlier_local: ClassVar[str] = "embeddings"
    # None, or the outlier check's least neighbour ratio: an example is flagged only where its mean distance to its
    # nearest neighbours is at least this many times theirs (the median over those neighbours), so that an ordinary
    # row in a sparse tail, whose neighbours are about as far apart as it is from them, is not an outlier
    outlier_local_ratio: ClassVar[float | None] = None
    # True when examples are decoded images: the per-image statistics and the image checks apply
    has_pixels: ClassVar[bool] = False
    # True when examples are vectors already: audited as they are, never embedded
    vectors_given: ClassVar[bool] = False
    # -- how the readers (dataquality.data) take this kind of data --------------------------------
    # True when examples can be named by image files: a folder, a column of paths or encoded images
    # in a table, a list of paths (read as decoded images)
    reads_paths: ClassVar[bool] = False
    # True when examples are strings: a list of strings, a text column of a table; Dataset.texts
    reads_strings: ClassVar[bool] = False
    # True when examples are rows of typed columns: a table's feature columns, a 2-D numeric array
    reads_rows: ClassVar[bool] = False
    # names (lower case) of a table column that holds this modality's examples
    column_names: ClassVar[tuple[str, ...]] = ()
    # how the HTML report shows an example: "image" (a thumbnail), "text" (a snippet), "row" (a
    # table row's cells) or "" (its id only); saved in the report, which renders without this class
    preview: ClassVar[str] = ""

    def valid(self, ctx) -> np.ndarray:  # pragma: no cover - interface
        """Boolean mask of the examples whose content can be used."""
        raise NotImplementedError

    def content_keys(self, ctx, valid: np.ndarray) -> np.ndarray:  # pragma: no cover - interface
        """A key per example such that equal content gives equal keys (None where not ``valid``)."""
        raise NotImplementedError


def register_modality(cls: type[Modality]) -> type[Modality]:
    """Class decorator adding a modality to the registry under ``cls.name``; warns on overwrite."""
    if not cls.name or not cls.default_embedder:
        raise DataQualityError(f"A modality needs a name and a default embedder; got {cls.name!r}, "
                               f"{cls.default_embedder!r}.")
    if cls.name in _MODALITIES and type(_MODALITIES[cls.name]) is not cls:
        warnings.warn(f"Overwriting modality {cls.name!r} in the registry.", stacklevel=2)
    _MODALITIES[cls.name] = cls()
    return cls


def get_modality(name: str) -> Modality:
    """The registered modality ``name``; an unknown name raises, listing the valid ones."""
    if name not in _MODALITIES:
        raise unknown_name("modality", name, list(_MODALITIES))
    return _MODALITIES[name]


def list_modalities() -> list[str]:
    """Names of the registered modalities.

    Examples
    --------
    >>> from dataquality.modalities import list_modalities
    >>> list_modalities()
    ['embeddings', 'image', 'tabular', 'text']
    """
    return sorted(_MODALITIES)
