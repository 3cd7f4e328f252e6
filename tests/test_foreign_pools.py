"""The foreign-image pools of the outlier tuning tool (benchmarks/_foreign.py) give what the tool plants:
``n`` RGB pictures of the base set's size, reproducible from the seed and not all alike."""

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


@pytest.mark.parametrize("kind", ["soft_photos", "icons", "textures"])
def test_foreign_pool_size_seed_and_variety(kind):
    import _foreign

    pool = _foreign.foreign_pool("fashion", 28, kind, n=12, random_state=3)
    assert len(pool) == 12
    assert all(a.shape == (28, 28, 3) and a.dtype == np.uint8 for a in pool)
    again = _foreign.foreign_pool("fashion", 28, kind, n=12, random_state=3)
    assert all(np.array_equal(a, b) for a, b in zip(pool, again))
    other = _foreign.foreign_pool("fashion", 28, kind, n=12, random_state=4)
    assert not all(np.array_equal(a, b) for a, b in zip(pool, other))
    # twelve different pictures, not one repeated
    assert len({a.tobytes() for a in pool}) == 12
