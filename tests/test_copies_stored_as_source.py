"""The calibration's blurred copies of a JPEG are stored as their source was (its quantisation tables), so that they
carry the encoder's blocks as the data's own blurred pictures do."""

import numpy as np
from PIL import Image

import dataquality as dq
from dataquality.compute._synthetic import CopySource, blur_copy, near_copy


def _folder(tmp_path, fmt: str, n: int = 4, side: int = 48):
    rng = np.random.default_rng(0)
    for k in range(n):
        a = np.kron(rng.integers(0, 256, (side // 4, side // 4, 3)), np.ones((4, 4, 1))).astype(np.uint8)
        img = Image.fromarray(a)
        if fmt == "JPEG":
            img.save(tmp_path / f"{k}.jpg", quality=63)
        else:
            img.save(tmp_path / f"{k}.png")
    return dq.as_dataset(tmp_path)


def test_a_blurred_copy_of_a_jpeg_is_stored_with_its_sources_tables(tmp_path):
    ds = _folder(tmp_path, "JPEG")
    source = ds.load_image(0)
    assert source.jpeg is not None
    copies = CopySource(ds, [0, 1], ["gaussian", "mild_box"], blur_copy, 0, None)
    for j in range(2):
        li = copies.load(j)
        assert li.ok and li.format == "JPEG"
        assert li.jpeg["qtables"] == ds.load_image(j).jpeg["qtables"]  # quality 63's tables, not Pillow's default 75
    # near copies are left as the edit made them (the "jpeg" kind re-encodes at its own quality)
    assert copies.load(0).image.size == source.image.size
    assert CopySource(ds, [0], ["shift"], near_copy, 0, None).load(0).jpeg is None


def test_a_blurred_copy_of_a_png_is_not_encoded(tmp_path):
    ds = _folder(tmp_path, "PNG")
    li = CopySource(ds, [0], ["gaussian"], blur_copy, 0, None).load(0)
    assert li.ok and li.jpeg is None and li.format != "JPEG"
