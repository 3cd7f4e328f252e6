"""Image folders as people really have them (unzipped archives, browser downloads, phone photos): every file that is
a picture is an example, every file that is not says why (docs/inputs.md)."""

import numpy as np
from PIL import Image

import dataquality as dq
from dataquality.data import decode_image_bytes

FAST = dict(embedder="pixels", cache_dir=False, progress=False)


def _picture(seed: int, size=(32, 24)) -> Image.Image:
    r = np.random.default_rng(seed)
    return Image.fromarray(r.integers(0, 255, (size[1] // 4, size[0] // 4, 3)).astype(np.uint8)).resize(size)


def _class_folders(root, n=4):
    for c in ("cat", "dog"):
        (root / c).mkdir(parents=True)
        for i in range(n):
            _picture(hash((c, i)) % 1000).save(root / c / f"{i}.png")


def test_jfif_and_jpe_are_jpeg_examples_not_skipped_files(tmp_path):
    _class_folders(tmp_path)
    _picture(7).save(tmp_path / "dog" / "download.jfif", format="JPEG")
    _picture(8).save(tmp_path / "cat" / "old.JPE", format="JPEG")
    ds = dq.as_dataset(tmp_path)
    assert "dog/download.jfif" in ds.ids and "cat/old.JPE" in ds.ids
    assert list(ds.labels[[ds.ids.index("dog/download.jfif"), ds.ids.index("cat/old.JPE")]]) == ["dog", "cat"]
    assert not ds.findings.get("skipped_files")
    assert ds.load(ds.ids.index("dog/download.jfif")).ok


def test_heic_photo_is_an_unreadable_example_that_names_the_plugin(tmp_path):
    _class_folders(tmp_path)
    # the first bytes of an iPhone photo: an ISO box 'ftyp' of brand 'heic'
    (tmp_path / "cat" / "IMG_0001.HEIC").write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64))
    report = dq.audit(tmp_path, **FAST)
    un = report.issues[report.issues["issue"] == "unreadable"]
    assert list(un["id"]) == ["cat/IMG_0001.HEIC"]
    assert "pillow-heif" in un["detail"].iat[0]


def test_html_page_saved_as_jpg_says_so():
    reason = decode_image_bytes(b"\n<!DOCTYPE html><html><body>403 Forbidden</body></html>").error
    assert "HTML" in reason and "not decodable" in reason


def _png_header_only(w: int, h: int) -> bytes:
    """A PNG that declares ``w`` x ``h`` pixels and holds almost none (the size is all a reader sees first)."""
    import struct
    import zlib

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b""))


def test_huge_image_accepted_with_dq_max_pixels_is_not_refused_by_pillow(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", Image.MAX_IMAGE_PIXELS)  # restored after the test
    big = _png_header_only(15000, 12000)  # 180 million pixels: over twice Pillow's own limit
    refused = decode_image_bytes(big).error
    assert refused.startswith("refused") and "180,000,000 pixels" in refused and "DQ_MAX_PIXELS" in refused
    monkeypatch.setenv("DQ_MAX_PIXELS", "400000000")  # what the message says to do
    accepted = decode_image_bytes(big).error
    assert "refused" not in accepted and accepted.startswith("truncated file")  # decoded: its pixels are missing


def test_unzipped_folder_artefacts_are_skipped_and_counted_never_examples(tmp_path):
    _class_folders(tmp_path)
    (tmp_path / "__MACOSX" / "cat").mkdir(parents=True)
    (tmp_path / "__MACOSX" / "cat" / "._0.png").write_bytes(b"\x00\x05\x16\x07Mac OS X")
    (tmp_path / "cat" / "._1.png").write_bytes(b"\x00\x05\x16\x07Mac OS X")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "cat" / ".ipynb_checkpoints").mkdir()
    _picture(1).save(tmp_path / "cat" / ".ipynb_checkpoints" / "0-checkpoint.png")
    for name in ("Thumbs.db", "desktop.ini", "0.png~", "0.json", "2.png:Zone.Identifier"):
        (tmp_path / "dog" / name).write_bytes(b"x")
    (tmp_path / "bird").mkdir()  # an empty class folder
    ds = dq.as_dataset(tmp_path)
    assert len(ds) == 8 and sorted(set(ds.labels)) == ["cat", "dog"]
    assert ds.findings["skipped_reasons"] == {"hidden file": 3, "hidden folder, not read": 1, "not an image file": 5}
