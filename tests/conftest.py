import os

import pytest
from PIL import Image

import dataquality as dq

DEVICE = os.environ.get("DQ_DEVICE", "cpu")


@pytest.fixture
def copies_embedded_on_small_sets(monkeypatch):
    """The calibration's copies embedded as a larger set's: tests of the thresholds learnt in the embedding space
    use folders of fewer than ``_synthetic.EMBED_MIN_IMAGES`` images, which make no near copies by default
    (tests/test_small_sets_calibration.py)."""
    from dataquality.compute import _synthetic

    monkeypatch.setattr(_synthetic, "EMBED_MIN_IMAGES", _synthetic.MIN_IMAGES)


@pytest.fixture(scope="session")
def digits():
    """300 real digits as 32 px RGB arrays with their labels."""
    return dq.datasets.load_digits(image_size=32, n=300, random_state=0, as_arrays=True)


def write_png(path, arr, mode="RGB"):
    path.parent.mkdir(parents=True, exist_ok=True)
    img = Image.fromarray(arr, "RGB" if arr.ndim == 3 else "L")
    if mode != img.mode:
        img = img.convert(mode)
    img.save(path)
    return path


@pytest.fixture
def image_folder(tmp_path, digits):
    """An ImageFolder layout root/<class>/<file> with 40 good digit images."""
    X, y = digits
    root = tmp_path / "imgs"
    for i in range(40):
        write_png(root / f"c{y[i]}" / f"{i:03d}.png", X[i])
    return root


def lenient_label_checks(modality: str = "image") -> dict:
    """Every check of ``modality``, with the label check's trust limits off.

    The label check refuses to flag when its out-of-fold probe is too weak (docs/label-check.md),
    which it is on the few hundred tiny digits the fast tests use. Tests about how label flags are
    rendered, stored or cleaned use this to get flags anyway; tests of the limits themselves do not.
    """
    return {**{name: {} for name in dq.list_checks(modality)},
            "label": {"min_probe_skill": float("-inf"), "min_class_size": 2}}


@pytest.fixture
def device():
    return DEVICE


def pytest_collection_modifyitems(config, items):
    """``slow`` tests are excluded from the default run (pyproject.toml); ``-m slow`` selects them."""
    if "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="module")
def one_torch_thread():
    """Tiny networks: on a shared 2-core machine a second intra-op thread makes them ~10x slower."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)
