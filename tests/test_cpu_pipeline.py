"""The CPU image pass: JPEGs decoded at reduced scale with the same statistics, workers that embed,
threads chosen from the machine, and nothing decoded or embedded twice after an audit."""

import numpy as np
import pytest
from PIL import Image

import dataquality as dq
from dataquality.compute import plan_cpu
from dataquality.data._images import jpeg_scale, read_image_file
from dataquality.data._stats import STATS_MIN_SIZE, image_stats
from dataquality.embeddings import get_embedder
from dataquality.embeddings._image import EfficientNetLite0


def photo(size=(512, 384)):
    """A real photo (scikit-image's astronaut) at ``size``: texture, edges and colour."""
    skimage_data = pytest.importorskip("skimage.data")
    return Image.fromarray(skimage_data.astronaut()).resize(size, Image.BICUBIC)


def test_jpeg_scale_keeps_what_is_needed():
    assert jpeg_scale(500, 375, (183, 0)) == 2  # 160 px input: short side 183 <= 187
    assert jpeg_scale(500, 375, (256, 0)) == 1  # 224 px input needs the full 375
    assert jpeg_scale(4000, 3000, (183, 128)) == 8
    assert jpeg_scale(100, 80, STATS_MIN_SIZE) == 1
    assert jpeg_scale(500, 375, None) == 1


def test_reduced_decode_reports_the_file_size_and_keeps_the_statistics(tmp_path):
    path = tmp_path / "a.jpg"
    photo().save(path, quality=90)
    full = read_image_file(path)
    small = read_image_file(path, min_size=STATS_MIN_SIZE)
    assert small.image.size == (128, 96) and full.image.size == (512, 384)  # decoded at 1/4
    assert (small.width, small.height) == (full.width, full.height) == (512, 384)
    a, b = image_stats(full), image_stats(small)
    for col in ("brightness_mean", "brightness_p01", "brightness_p99", "color_std"):
        assert abs(a[col] - b[col]) < 0.02, col
    assert abs(a["entropy"] - b["entropy"]) < 0.1
    assert abs(np.log(a["blur"] / b["blur"])) < 0.25
    ta = np.frombuffer(bytes.fromhex(a["thumb"]), np.uint8).astype(int)
    tb = np.frombuffer(bytes.fromhex(b["thumb"]), np.uint8).astype(int)
    assert np.abs(ta - tb).max() <= 3
    assert bin(int(a["phash"], 16) ^ int(b["phash"], 16)).count("1") <= 6


def test_phash_has_the_bits_of_imagehash(digits):
    imagehash = pytest.importorskip("imagehash")
    from dataquality.data._stats import phash

    for arr in digits[0][:50]:
        img = Image.fromarray(arr)
        assert phash(img.convert("L")) == str(imagehash.phash(img))


def test_loader_and_tensor_paths_agree_on_large_jpegs(tmp_path):
    """The PIL path decodes these at 1/2 scale, the tensor path in full: same statistics and vectors."""
    from dataquality.compute._context import image_decode_size
    from dataquality.compute._imagemap import ImageMapper, from_tables

    base = photo((600, 450))
    for i in range(6):
        base.rotate(15 * i).save(tmp_path / f"{i}.jpg", quality=90)
    ds = dq.as_dataset(tmp_path)
    emb = get_embedder("efficientnet_lite0", image_size=96)
    out = {}
    for pipeline in ("loader", "tensor"):
        mapper = ImageMapper(ds, emb, pipeline=pipeline, decode_size=image_decode_size(emb))
        out[pipeline] = from_tables([mapper.map_rows(range(len(ds)))], len(ds), True)
    (sa, ea), (sb, eb) = out["loader"], out["tensor"]
    assert sa["width"].tolist() == sb["width"].tolist() == [600] * 6
    assert np.allclose(sa["brightness_mean"], sb["brightness_mean"], atol=0.02)
    assert np.allclose(sa["brightness_p99"], sb["brightness_p99"], atol=0.03)
    A, B = ea.astype(np.float32), eb.astype(np.float32)
    assert ((A * B).sum(1) / np.linalg.norm(A, axis=1) / np.linalg.norm(B, axis=1)).min() > 0.95


def test_plan_uses_every_core_once():
    lite0 = get_embedder("efficientnet_lite0")
    plan = plan_cpu(2000, lite0, "cpu", cores=2)
    assert plan.workers == 2 and plan.embed_in_workers and plan.torch_threads is None
    small = plan_cpu(100, lite0, "cpu", cores=2)
    assert small.workers == 0 and small.decode_threads == 2  # small jobs stay in this process, on its threads
    assert plan.decode_threads == 1  # the workers decode
    import torch

    user = get_embedder(torch.nn.Conv2d(3, 4, 3), "image")  # a user's module stays here: decode beside it
    plan = plan_cpu(2000, user, "cpu", cores=8)
    assert not plan.embed_in_workers and plan.workers + plan.torch_threads == 8
    assert not plan_cpu(2000, lite0, "cuda", cores=8).embed_in_workers


def test_decode_threads_give_the_same_statistics_and_vectors(tmp_path):
    """An in-process run reads and decodes on threads: every statistic and vector is the one read on a
    single thread, in row order, an unreadable file kept as one."""
    from dataquality.compute._imagemap import DecodeThreads, ImageMapper

    base = photo((300, 220))
    for i in range(9):
        base.rotate(11 * i).resize((300 - 13 * i, 220)).save(tmp_path / f"{i}.{'png' if i % 2 else 'jpg'}")
    (tmp_path / "9.jpg").write_bytes(b"not an image")
    ds = dq.as_dataset(tmp_path)
    mapper = ImageMapper(ds, get_embedder("efficientnet_lite0", image_size=64), batch_size=4)
    one = list(mapper.batches(range(len(ds))))
    pool = DecodeThreads(3)
    try:
        threaded = list(mapper.batches(range(len(ds)), pool))
    finally:
        pool.close()
    assert [b[0] for b in threaded] == [b[0] for b in one] and [b[1] for b in threaded] == [b[1] for b in one]
    assert [s for b in threaded for s in b[3]] == [s for b in one for s in b[3]]
    assert sum(not s["readable"] for b in one for s in b[3]) == 1
    for a, b in zip(one, threaded):
        assert (a[2] is None and b[2] is None) or (a[2] == b[2]).all()


def test_decode_threads_read_the_next_batch_while_this_one_is_measured(tmp_path):
    """With a pool, the threads read and decode batch n + 1 while the calling thread measures and embeds
    batch n: once batch 0 is handed over, batch 1's rows are read without being asked for, batch 2's not."""
    import time

    from dataquality.compute._imagemap import DecodeThreads, ImageMapper

    base = photo((300, 220))
    for i in range(10):
        base.rotate(7 * i).save(tmp_path / f"{i}.png")
    ds = dq.as_dataset(tmp_path)
    read, load = [], ds.load_image
    ds.load_image = lambda i, **kw: (read.append(int(i)), load(i, **kw))[1]
    pool = DecodeThreads(2)
    try:
        batches = ImageMapper(ds, None, batch_size=4).batches(range(10), pool)
        assert next(batches)[0] == [0, 1, 2, 3]
        deadline = time.monotonic() + 10
        while not set(range(4, 8)) <= set(read) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert set(range(4, 8)) <= set(read) and not set(range(8, 10)) & set(read)
        assert [b[0] for b in batches] == [[4, 5, 6, 7], [8, 9]]
    finally:
        pool.close()


def test_decode_threads_only_read_sources_that_allow_it(tmp_path):
    """Files are read on the decode threads; a user's dataset object, which may share a file handle
    between its items, is read on the calling thread only."""
    import threading

    seen = []

    class Recorded:
        def __init__(self, items):
            self.items = items

        def __len__(self):
            return len(self.items)

        def __getitem__(self, i):
            seen.append(threading.current_thread().name)
            return self.items[i]

    images = [np.asarray(photo((64 + 8 * i, 64))) for i in range(8)]
    for i, a in enumerate(images):
        Image.fromarray(a).save(tmp_path / f"{i}.png")
    kw = dict(embedder="pixels", cache_dir=False, progress=False, checks=["blurry"])
    dq.audit(Recorded([(a, i % 2) for i, a in enumerate(images)]), **kw)
    assert seen and set(seen) == {threading.main_thread().name}
    assert dq.as_dataset(tmp_path).thread_safe and dq.as_dataset(images).thread_safe
    assert not dq.as_dataset([Image.fromarray(a) for a in images]).thread_safe  # PIL images may be lazy files
    from dataquality.compute._imagemap import DecodeThreads, ImageMapper

    # the first picture, read on the calling thread, shows whether they are large enough for threads to pay
    for size, threaded in (((160, 120), True), ((28, 28), False)):
        folder = tmp_path / f"{size[0]}"
        folder.mkdir()
        for i, a in enumerate(images):
            Image.fromarray(a).resize(size).save(folder / f"{i}.png")
        names = []
        mapper = ImageMapper(dq.as_dataset(folder), None, batch_size=2)
        load = mapper._load_small
        mapper._load_small = lambda i, load=load, names=names: names.append(threading.current_thread().name) or load(i)
        pool = DecodeThreads(2)
        try:
            list(mapper.batches(range(8), pool))
        finally:
            pool.close()
        assert names[0] == threading.main_thread().name and pool.worth is threaded
        assert all(n.startswith("dataquality-decode") == threaded for n in names[1:])


def test_batched_preprocessing_is_each_images_preprocessing_to_the_bit():
    emb = get_embedder("efficientnet_lite0", image_size=96).for_device("cpu")
    images = [photo((300, 200)), photo((97, 131)), photo((96, 96)), photo((500, 375)).convert("L").convert("RGB")]
    one_by_one = torch_stack([emb.preprocess(im) for im in images])
    batched = emb.preprocess_batch(images)
    assert batched.shape == (4, 3, 96, 96) and batched.is_contiguous()
    assert (batched == one_by_one).all()


def test_an_image_the_transform_cannot_take_is_unreadable_and_the_rest_embedded(tmp_path):
    """A failing batch preprocessing falls back to one image at a time, so one odd image costs only itself."""
    from dataquality.compute._imagemap import ImageMapper

    for i in range(5):
        photo((40 + i, 40)).save(tmp_path / f"{i}.png")

    class Picky(EfficientNetLite0):
        def preprocess(self, image):  # refuses one width, like a transform failing on odd data
            if image.size[0] == 42:
                raise ValueError("odd width")
            return super().preprocess(image)

    mapper = ImageMapper(dq.as_dataset(tmp_path), Picky(image_size=32).for_device("cpu"))
    rows, ok, batch, stats = mapper.decode_batch(range(5))
    names = [dq.as_dataset(tmp_path).ids[r] for r in rows]
    assert [names[k] for k in ok] == ["0.png", "1.png", "3.png", "4.png"] and batch.shape[0] == 4
    bad = stats[names.index("2.png")]
    assert bad["readable"] is False and "odd width" in bad["error"]


def torch_stack(xs):
    import torch

    return torch.stack(xs)


def test_workers_that_embed_give_this_process_vectors(tmp_path, digits):
    X, y = digits
    for i in range(260):  # over the 256 rows from which workers start
        Image.fromarray(X[i]).save(tmp_path / f"{i:03d}.jpg", quality=95)
    kw = dict(embedder="efficientnet_lite0", image_size=32, cache_dir=False, progress=False)
    here = dq.embed(tmp_path, backend=dq.LocalBackend(num_workers=0), **kw)
    there = dq.embed(tmp_path, **kw)  # default plan: one worker per core, each with the model
    diff = np.abs(here.astype(np.float32) - there.astype(np.float32))
    assert diff.max() <= 2 ** -9 * np.abs(here).max()


def test_cpu_default_input_size_is_lite0s_and_settled_per_device():
    emb = get_embedder("efficientnet_lite0")
    assert emb.image_size is None
    assert emb.for_device("cpu").image_size == EfficientNetLite0.cpu_image_size
    assert emb.for_device("cuda").image_size == 224
    assert get_embedder("efficientnet_lite0", image_size=64).for_device("cpu").image_size == 64


# -- no work twice ----------------------------------------------------------------------------------
@pytest.fixture
def forward_calls(monkeypatch):
    """Images through EfficientNet-Lite0's forward pass in this process, counted."""
    calls = []
    original = EfficientNetLite0.forward

    def counting(self, batch, device):
        calls.append(len(batch))
        return original(self, batch, device)

    monkeypatch.setattr(EfficientNetLite0, "forward", counting)
    return calls


@pytest.fixture
def train_test(tmp_path, digits):
    X, y = digits
    for name, rows in (("train", range(0, 90)), ("test", range(90, 130))):
        for i in rows:
            folder = tmp_path / name / f"c{y[i]}"
            folder.mkdir(parents=True, exist_ok=True)
            Image.fromarray(X[i]).save(folder / f"{i:03d}.png")
    return tmp_path / "train", tmp_path / "test"


def test_compare_after_an_audit_embeds_nothing_again(train_test, forward_calls, tmp_path, monkeypatch):
    monkeypatch.setattr("dataquality.compute._context._TRIED", set())  # no embedder tried in this process yet
    train, test = train_test
    kw = dict(embedder_settings={"image_size": 32}, progress=False, cache_dir=tmp_path / "cache")
    report = dq.audit(train, **kw)
    test_report = dq.audit(test, **kw)
    # each image once: 130 images, fewer than the calibration embeds copies for (_synthetic.EMBED_MIN_IMAGES; the
    # copies of a larger set are counted in tests/test_small_sets_calibration.py); and one image more: the embedder's
    # trial before the first pass in this process (Context._try_embedder)
    assert report.findings["near_duplicate"]["calibration"]["source"] == "default"
    assert sum(forward_calls) == 130 + 1
    forward_calls.clear()
    res = dq.finetune(report.clean_subset(), epochs=3, progress=False)
    assert res.features["image_size"] == 32 and sum(forward_calls) == 0
    dq.evaluate(res, test, groups=test_report)
    # train given as the path again (not the audited object): found by its fingerprint
    dq.compare(str(train), test, report=report, groups=test_report, seeds=(0,), epochs=3, progress=False)
    assert sum(forward_calls) == 0
    dq.compute.forget_remembered()
    dq.compare(str(train), test, report=report, seeds=(0,), epochs=3, progress=False, cache_dir=False)
    # nothing held: both sets embedded once more, and only once (no audit); plus the trial image of the embedder at
    # its default size, the first pass at that size in this process
    assert sum(forward_calls) == 130 + 1


def test_a_subset_used_first_does_not_hide_the_whole_set(train_test, forward_calls, tmp_path):
    """Training on a view of the audited data (a clean subset with some examples flagged) first, then
    comparing on the whole folder: the audited vectors still serve every row."""
    train, test = train_test
    kw = dict(embedder_settings={"image_size": 32}, progress=False, cache_dir=tmp_path / "audit")
    report = dq.audit(train, **kw)
    test_report = dq.audit(test, **kw)
    forward_calls.clear()
    dq.finetune(report.dataset.subset(np.arange(0, 90, 2)), epochs=2, progress=False,
                cache_dir=tmp_path / "other")
    assert sum(forward_calls) == 0
    # an empty on-disk cache: only the vectors held in memory can serve the whole folder
    dq.compare(str(train), test, report=report, groups=test_report, seeds=(0,), epochs=2, progress=False,
               cache_dir=tmp_path / "other")
    assert sum(forward_calls) == 0


def test_reused_rows_are_the_rows_asked_for(train_test, tmp_path):
    train, _ = train_test
    report = dq.audit(train, embedder_settings={"image_size": 32}, progress=False, cache_dir=tmp_path / "cache")
    ds = report.dataset.subset([5, 1, 70, 3])
    reused = dq.embed(ds, embedder="efficientnet_lite0", image_size=32, progress=False, cache_dir=tmp_path / "c2")
    fresh = dq.embed(ds, embedder="efficientnet_lite0", image_size=32, progress=False, cache_dir=False)
    assert np.array_equal(reused, report.embeddings[[5, 1, 70, 3]])
    assert np.abs(reused.astype(np.float32) - fresh.astype(np.float32)).max() < 1e-2


def test_no_cache_means_computed_again(train_test, forward_calls):
    train, _ = train_test
    dq.audit(train, embedder_settings={"image_size": 32}, progress=False, cache_dir=False)
    forward_calls.clear()
    dq.embed(train, embedder="efficientnet_lite0", image_size=32, progress=False, cache_dir=False)
    assert sum(forward_calls) == 90
