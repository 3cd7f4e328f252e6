"""odd_length where most texts have one length (an export truncated to a fixed width): a text a character shorter
than the rest is not odd; a one-word text or a page among them is."""

import numpy as np

import dataquality as dq
from dataquality.checks._base import robust_z


def texts_of(lengths, seed=0):
    rng = np.random.default_rng(seed)
    words = ["alpha", "beta", "gamma", "delta", "omega", "kappa", "sigma", "theta"]
    out = []
    for n in lengths:
        t = ""
        while len(t) < n:
            t += rng.choice(words) + " "
        out.append(t[:n].strip().ljust(n, "x"))
    return out


def odd(texts):
    r = dq.audit(texts, checks=["odd_length"], progress=False, cache_dir=False)
    return set(r.issues.loc[r.issues["issue"] == "odd_length", "index"].tolist()), r


def test_truncated_export_is_not_flooded():
    # the sweep: 75 of 100 texts exactly 40 characters, the rest 20-39: 39 were flagged, 39-character ones among them
    rng = np.random.default_rng(3)
    lengths = [40] * 75 + rng.integers(20, 40, 25).tolist()
    texts = texts_of(lengths)
    assert [len(" ".join(t.split())) for t in texts] == lengths
    found, r = odd(texts)
    # a text half the width at most may be odd (min_ratio 2); none nearly as long as the rest
    assert all(lengths[i] <= 20 for i in found), sorted(lengths[i] for i in found)
    assert len(found) <= lengths.count(20) and r.scores["consistency"] >= 95


def test_nearly_constant_lengths():
    # 95 at 40 characters and 5 at 39: one character is not an unusual length, whatever the spread
    found, _ = odd(texts_of([40] * 95 + [39] * 5))
    assert found == set()


def test_truncated_export_still_finds_wild_lengths():
    lengths = [40] * 80 + list(range(30, 40)) * 1 + [35] * 7 + [4, 400, 1200]
    found, _ = odd(texts_of(lengths))
    assert found == {len(lengths) - 3, len(lengths) - 2, len(lengths) - 1}


def test_robust_z_without_spread_in_the_middle():
    # MAD 0 (most values equal): the scale falls back to the mean absolute deviation, not 1e-3 of the median
    v = np.array([40.0] * 75 + [39.0] * 25)
    assert np.abs(robust_z(v)).max() < 4
    v = np.array([40.0] * 95 + [4000.0] * 5)
    assert robust_z(v)[-1] > 4
    assert np.all(robust_z(np.full(10, 3.0)) == 0)
    w = np.random.default_rng(0).normal(size=500)  # with a spread, unchanged: (x - median) / (1.4826 MAD)
    assert np.allclose(robust_z(w), (w - np.median(w)) / (1.4826 * np.median(np.abs(w - np.median(w)))))
