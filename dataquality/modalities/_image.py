"""Images: decoded pixels, with per-image statistics from the same pass."""

from __future__ import annotations

import numpy as np

from ._base import Modality, register_modality


@register_modality
class ImageModality(Modality):
    name = "image"
    description = "image files, arrays or tensors, decoded to RGB"
    default_embedder = "efficientnet_lite0"
    probe = "standardised_linear"
    near_duplicate_distance = None  # learnt from near copies of the data's own images (checks/_groups.py)
    outlier_global = True
    has_pixels = True
    preview = "image"
    reads_paths = True
    # column names taken as the file path in a manifest or DataFrame (when the values look like paths)
    column_names = ("path", "filepath", "file_path", "file", "filename", "file_name", "fname", "image", "image_path",
                    "imagepath", "image_name", "image_file", "img", "img_path", "img_name")

    def valid(self, ctx) -> np.ndarray:
        return ctx.get("image_stats")["readable"].to_numpy(bool)

    def content_keys(self, ctx, valid: np.ndarray) -> np.ndarray:
        return ctx.get("image_stats")["pixel_hash"].to_numpy(object)
