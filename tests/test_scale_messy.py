"""The scale path with a stranger's inputs: Ray Datasets whose blocks come back out of order, empty
ones, a multi-node cluster with a work folder the user names; faiss against the exact index on awkward
vectors."""

import time

import numpy as np
import pytest
from PIL import Image

import dataquality as dq

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def two_cpus():
    ray.init(num_cpus=2, object_store_memory=100 * 2 ** 20, include_dashboard=False, log_to_driver=False,
             ignore_reinit_error=True)
    yield
    ray.shutdown()


def _images(root, n=12):
    rng = np.random.default_rng(0)
    paths = []
    for i in range(n):
        folder = root / ("a" if i % 2 else "b")  # the same file names in both folders
        folder.mkdir(exist_ok=True)
        p = folder / f"img{i // 2:02d}.png"
        Image.fromarray(rng.integers(0, 255, (8, 8, 3), dtype=np.uint8)).save(p)
        paths.append(str(p))
    return paths


def _late_first_block(batch):
    """The first block finishes last: Ray Data hands the others back before it unless told to keep order."""
    if 0 in batch["n"]:
        time.sleep(1.0)
    return batch


@pytest.mark.slow
def test_labels_given_as_a_list_pair_with_a_ray_datasets_rows_in_order(two_cpus, tmp_path):
    paths = _images(tmp_path)
    labels = [f"class{i}" for i in range(len(paths))]
    rds = ray.data.from_items([{"path": p, "n": i} for i, p in enumerate(paths)], override_num_blocks=3)
    rds = rds.map_batches(_late_first_block, batch_size=None)
    ds = dq.as_dataset(rds, labels=labels)
    assert [str(p) for p in ds.paths] == paths
    assert list(ds.labels) == labels
    assert rds.context.execution_options.preserve_order is False  # the caller's setting is left as it was


def test_an_empty_ray_dataset_is_refused_clearly(two_cpus):
    with pytest.raises(dq.DataQualityError, match="empty"):
        dq.as_dataset(ray.data.from_items([]))
    with pytest.raises(dq.DataQualityError, match="no rows"):
        dq.as_dataset(ray.data.from_items([{"path": "/x.png"}]).filter(lambda r: False))


@pytest.mark.slow
def test_a_work_folder_the_user_names_is_used_on_a_multi_node_cluster(two_cpus, tmp_path, monkeypatch):
    """Several nodes: a temporary folder of the driver's is refused (the other nodes cannot reach it), a
    folder the user names (a shared file system mounted under /tmp included) is used."""
    (tmp_path / "img").mkdir()
    paths = _images(tmp_path / "img", 6)
    alive = [{"Alive": True}, {"Alive": True}]
    monkeypatch.setattr(ray, "nodes", lambda: alive)
    kw = dict(embedder="pixels", cache_dir=False, progress=False, device="cpu")
    with pytest.raises(dq.DataQualityError, match="several nodes"):
        dq.embed(paths, backend=dq.RayBackend(num_actors=1), **kw)
    X = dq.embed(paths, backend=dq.RayBackend(workdir=str(tmp_path / "shared"), num_actors=1), **kw)
    assert X.shape[0] == len(paths)
    # progress=False hid the audit's own bars, not the caller's: their Ray Data setting is as it was
    assert ray.data.DataContext.get_current().enable_progress_bars is True


def test_rows_with_an_empty_path_or_id_are_refused_with_their_rows(two_cpus, tmp_path):
    paths = _images(tmp_path, 2)
    with pytest.raises(dq.DataQualityError, match=r"empty 'path' \(rows \[1\]"):
        dq.as_dataset(ray.data.from_items([{"path": paths[0]}, {"path": None}]))
    with pytest.raises(dq.DataQualityError, match=r"empty 'id' \(rows \[0, 1\]"):
        dq.as_dataset(ray.data.from_items([{"path": p, "id": None} for p in paths]))


def test_a_manifest_at_a_uri_reads_files_named_with_spaces_hashes_and_percents(tmp_path):
    """Paths in a manifest are names as written; joined raw into the URI, these fine images read as unreadable
    ('my cat.png' unparsable, 'x#1.png' cut at the '#', 'p%20q.png' decoded to another name)."""
    names = ["a.png", "my cat.png", "sub dir/b.png", "café.png", "x#1.png", "p%20q.png"]
    rng = np.random.default_rng(0)
    for name in names:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        Image.fromarray(rng.integers(0, 255, (8, 8, 3), dtype=np.uint8)).save(tmp_path / name)
    (tmp_path / "manifest.csv").write_text("path,label\n" + "".join(f"{n},c{i % 2}\n" for i, n in enumerate(names)))
    uri = (tmp_path / "manifest.csv").as_uri()
    ds = dq.as_dataset(uri)
    assert list(ds.ids) == names
    report = dq.audit(uri, embedder="pixels", cache_dir=False, progress=False, checks=["unreadable"])
    assert report.issues.empty, report.issues[["id", "detail"]]


def test_a_column_of_pixels_named_image_is_not_read_as_paths(two_cpus, tmp_path):
    """ray.data.read_images without include_paths: its 'image' column (a path column name) holds pixels."""
    _images(tmp_path, 2)
    with pytest.raises(dq.DataQualityError, match="include_paths=True"):
        dq.as_dataset(ray.data.read_images(str(tmp_path / "a"), mode="RGB"))
    ds = dq.as_dataset(ray.data.read_images(str(tmp_path / "a"), mode="RGB", include_paths=True))
    assert [p.name for p in ds.paths] == ["img00.png"]
