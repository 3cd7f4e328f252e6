"""Datasets: adapters from every input form, safe image loading, how table columns and images are read."""

from ..modalities import (
    MISSING_WORDS,
    as_number,
    column_kind,
    column_kinds,
    missing_word_mask,
    numeric_view,
    present_cells,
)
from ._adapters import as_dataset
from ._dataset import Dataset
from ._images import IMAGE_EXTENSIONS, LoadedImage, decode_image_bytes, header_refusal, read_file_bytes
from ._remote import read_uri_bytes
from ._sources import is_uri
from ._stats import (
    STAT_COLUMNS,
    STATS_MIN_SIZE,
    batch_image_stats,
    content_hash,
    decode_grey16,
    decode_grey32,
    decode_spectra,
    decode_thumbs,
    finish_stats,
    finish_stats_torch,
    grey16_detail,
    image_stats,
    layout_vectors,
    small_images,
)
from ._tables import TableReading, read_table

__all__ = ["as_dataset", "Dataset", "LoadedImage", "IMAGE_EXTENSIONS",
           "MISSING_WORDS", "missing_word_mask", "numeric_view", "present_cells", "column_kind", "column_kinds", "as_number",
           "decode_image_bytes", "header_refusal", "read_file_bytes", "read_uri_bytes", "is_uri",
           "STAT_COLUMNS", "STATS_MIN_SIZE", "batch_image_stats", "image_stats", "decode_thumbs", "decode_spectra",
           "decode_grey16", "decode_grey32", "layout_vectors", "grey16_detail",
           "content_hash", "finish_stats",
           "finish_stats_torch", "small_images", "read_table", "TableReading"]
