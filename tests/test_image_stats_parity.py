"""Per-image statistics have one definition (``data._stats.finish_stats``): the PIL pass and the
tensor pass give the same values, to the bit, on images of every odd kind."""

import numpy as np
import pytest
from PIL import Image

import dataquality as dq
from dataquality.data._stats import STAT_COLUMNS

from .conftest import DEVICE


def _odd_images(folder):
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 256, (37, 53, 3), dtype=np.uint8)
    Image.fromarray(noise).save(folder / "rgb.png")
    Image.fromarray(noise[..., 0]).save(folder / "grey.png")
    rgba = np.dstack([noise, rng.integers(0, 256, (37, 53), dtype=np.uint8)])
    Image.fromarray(rgba, "RGBA").save(folder / "rgba.png")
    Image.fromarray(noise).convert("P", palette=Image.ADAPTIVE, colors=16).save(folder / "palette.png")
    Image.fromarray(noise).convert("LA").save(folder / "grey_alpha.png")
    Image.fromarray(noise[..., 1] > 128).save(folder / "one_bit.png")
    Image.fromarray(np.array([[[200, 10, 30]]], dtype=np.uint8)).save(folder / "one_pixel.png")
    Image.fromarray(np.array([[7, 250], [128, 0]], dtype=np.uint8)).save(folder / "two_by_two.png")
    sixteen = (rng.integers(0, 65536, (40, 30))).astype(np.uint16)
    Image.fromarray(sixteen).save(folder / "sixteen_bit.png")
    # very wide and very tall, within the aspect-ratio guard (beyond it both passes refuse them)
    Image.fromarray(rng.integers(0, 256, (4, 360, 3), dtype=np.uint8)).save(folder / "very_wide.png")
    Image.fromarray(rng.integers(0, 256, (300, 5, 3), dtype=np.uint8)).save(folder / "very_tall.png")
    Image.fromarray(rng.integers(0, 256, (3, 2000, 3), dtype=np.uint8)).save(folder / "beyond_the_guard.png")
    Image.fromarray(np.full((64, 48, 3), (90, 160, 40), dtype=np.uint8)).save(folder / "constant.png")
    Image.fromarray(np.zeros((20, 20, 3), dtype=np.uint8)).save(folder / "black.bmp")
    big = np.kron(noise, np.ones((8, 8, 1), dtype=np.uint8))  # 296 x 424: reduced to the thumbnails
    Image.fromarray(big).save(folder / "large.tif")
    frames = [Image.fromarray(np.full((10, 12, 3), v, dtype=np.uint8)) for v in (10, 200)]
    frames[0].save(folder / "animated.gif", save_all=True, append_images=frames[1:])
    Image.fromarray(big).save(folder / "photo.jpg", quality=90)
    Image.fromarray(noise[..., 0]).save(folder / "grey.jpg", quality=90)
    rotated = Image.fromarray(big[:200, :120])
    exif = rotated.getexif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise to display
    rotated.save(folder / "exif_rotated.jpg", quality=90, exif=exif)
    Image.fromarray(noise).convert("CMYK").save(folder / "cmyk.jpg")
    (folder / "empty.png").write_bytes(b"")


def test_pil_and_tensor_passes_agree_exactly_on_odd_images(tmp_path):
    pytest.importorskip("torchvision")
    from dataquality.compute._imagemap import ImageMapper, from_tables

    _odd_images(tmp_path)
    ds = dq.as_dataset(tmp_path)
    out = {}
    for pipeline in ("loader", "tensor"):
        mapper = ImageMapper(ds, None, pipeline=pipeline, device="cpu")
        out[pipeline] = from_tables([mapper.map_rows(range(len(ds)))], len(ds), False)[0]
    a, b = out["loader"], out["tensor"]
    unread = {ds.ids[i] for i in range(len(ds)) if not a["readable"].iloc[i]}
    assert unread == {"empty.png", "beyond_the_guard.png"}  # every odd image read
    for col in STAT_COLUMNS:
        if col == "error":
            continue
        for i, name in enumerate(ds.ids):
            va, vb = a[col].iloc[i], b[col].iloc[i]
            same = (va == vb) or (va is None and vb is None) or (
                isinstance(va, float) and isinstance(vb, float) and np.isnan(va) and np.isnan(vb))
            assert same, f"{name}: {col} {va!r} (PIL pass) != {vb!r} (tensor pass)"


def test_statistics_do_not_depend_on_the_batch():
    from dataquality.data._stats import finish_stats, small_images

    rng = np.random.default_rng(1)
    images = [Image.fromarray(rng.integers(0, 256, (30, 40, 3), dtype=np.uint8)) for _ in range(5)]
    small = [small_images(img) for img in images]
    together = finish_stats(*(np.stack(parts) for parts in zip(*small)))
    alone = [finish_stats(*(p[None] for p in parts))[0] for parts in small]
    assert together == alone


def test_a_batch_of_odd_images_is_measured_as_each_alone(tmp_path):
    """The loader pass measures a batch together (images of one thumbnail shape share the numpy calls):
    every image, readable or not, gets exactly the statistics it gets alone."""
    from dataquality.data import batch_image_stats, image_stats

    _odd_images(tmp_path)
    ds = dq.as_dataset(tmp_path)
    loaded = [ds.load_image(i) for i in range(len(ds))] * 2  # shapes repeat: groups of two and more
    together = batch_image_stats(loaded)
    assert [st["readable"] for st in together].count(False) == 4
    nan_free = lambda rows: [{k: ("nan" if isinstance(v, float) and v != v else v) for k, v in r.items()}  # noqa: E731
                             for r in rows]  # brightness_lit is NaN where too few pixels are lit; NaN != NaN
    assert nan_free(together) == nan_free([image_stats(li) for li in loaded])


def test_the_device_resampling_stays_close_to_pil():
    """On a GPU the small images are resampled on the device (run here on CPU tensors): the statistics
    are then the same up to resampling noise, and the content hash still finds equal images."""
    torch = pytest.importorskip("torch")
    from dataquality.compute._tensor_pass import _device_content_hashes, _device_small_images
    from dataquality.data._stats import finish_stats_torch, pixel_stats

    rng = np.random.default_rng(2)
    base = np.kron(rng.integers(0, 256, (12, 16, 3), dtype=np.uint8), np.ones((20, 20, 1), dtype=np.uint8))
    stack = np.stack([base, base, 255 - base])
    x = torch.from_numpy(stack).permute(0, 3, 1, 2).contiguous()
    device = finish_stats_torch(*_device_small_images(x))
    pil = [pixel_stats(Image.fromarray(a)) for a in stack]
    for d, p in zip(device, pil):
        for col in ("brightness_mean", "brightness_p01", "brightness_p99", "color_std"):
            assert abs(d[col] - p[col]) < 0.02, col
        ta, tb = (np.frombuffer(bytes.fromhex(s["thumb"]), np.uint8).astype(int) for s in (d, p))
        assert np.abs(ta - tb).max() <= 3
        ca, cb = (np.frombuffer(s["chroma16"], np.uint8).astype(int) for s in (d, p))
        assert np.abs(ca - cb).max() <= 3
        sa, sb = (np.frombuffer(bytes.fromhex(s["spectrum"]), np.uint8).astype(float) for s in (d, p))
        # far below the spectrum distances the near-duplicate rule meets (generator C: copies 7e-4 - 3e-3)
        assert 1 - sa @ sb / np.linalg.norm(sa) / np.linalg.norm(sb) < 1e-4
    hashes = _device_content_hashes(x)
    assert hashes[0] == hashes[1] != hashes[2]



@pytest.mark.parametrize("size", [(500, 375), (90, 60), (40, 40), (7, 5), (2, 2), (1, 1), (300, 4)])
def test_the_torch_statistics_equal_the_numpy_ones(size):
    """The GPU pass computes the statistics with torch on the device (``finish_stats_torch``; run here
    on CPU tensors, and on the GPU with ``DQ_DEVICE=cuda``): on the same small images they equal ``finish_stats``
    up to float rounding, the hex columns to the bit, on photographs, flat, tiny and very wide images alike."""
    torch = pytest.importorskip("torch")
    from sklearn.datasets import load_sample_images

    from dataquality.data._stats import finish_stats, finish_stats_torch, small_images

    rng = np.random.default_rng(3)
    photos = load_sample_images().images
    images = []
    for k in range(12):
        y, x = rng.integers(0, 150, 2)
        images.append(Image.fromarray(photos[k % 2][y: y + 240, x: x + 320]).resize(size))
    images.append(Image.new("RGB", size, (90, 160, 40)))  # flat
    images.append(Image.new("RGB", size, (0, 0, 0)))  # black
    small = [small_images(img) for img in images]
    want = finish_stats(*(np.stack(p) for p in zip(*small)))
    got = finish_stats_torch(*(torch.from_numpy(np.stack(p)).to(DEVICE) for p in zip(*small)))
    rel = 1e-4 if DEVICE == "cpu" else 1e-3  # cuFFT and the GPU's reductions round differently
    assert len(got) == len(want)
    for k, (w, g) in enumerate(zip(want, got)):
        assert set(g) == set(w)
        for col, wv in w.items():
            if isinstance(wv, str):
                assert g[col] == wv, f"image {k} at {size}: {col} {g[col]} != {wv}"
            else:
                # NaN: brightness_lit of a picture with too few pixels above its black floor (flat, black, tiny)
                assert g[col] == pytest.approx(wv, rel=rel, abs=1e-6, nan_ok=True), f"image {k} at {size}: {col}"
