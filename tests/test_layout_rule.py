"""The near-duplicate check's layout rule: images each other's nearest neighbour by their 16 x 16 grey pictures less
their mean (checks/_groups.py: layout_pairs), far nearer than to anything else. A picture printed on a textured ground
(its contrast lowered, tinted, a grain over every pixel) moves far in an embedding that sees the grain."""

import numpy as np
import torch

import dataquality as dq
from dataquality.audit import AuditContext
from dataquality.checks import _groups as groups
from dataquality.checks._calibration import calibrate_near, neighbour_dimension
from dataquality.data import layout_vectors

from .conftest import DEVICE


def grain_embedder():
    """A fixed network that sees every pixel's detail (a Laplacian), as a pretrained one sees a texture."""
    conv = torch.nn.Conv2d(3, 3, 3, padding=1, bias=False, groups=3)
    with torch.no_grad():
        conv.weight[:] = torch.tensor([[0.0, -1, 0], [-1, 4, -1], [0, -1, 0]])
    return torch.nn.Sequential(conv, torch.nn.Flatten())


def printed_on_grain(f: np.ndarray, rng, grain: float = 0.3) -> np.ndarray:
    """The picture printed on a tan, grainy ground: half the way to the ink multiplied onto the tone, each pixel
    times 1 + ``grain`` x a normal draw."""
    tone = np.array([200, 168, 118.0])
    out = 0.5 * f + 0.5 * f * tone / 255 + 0.5 * 0.18 * tone
    return np.clip(out * (1 + grain * rng.normal(0, 1, f.shape[:2] + (1,))), 0, 255)


def look_alikes_with_prints(seed=0):
    """30 families of 6 look-alikes (a 16 px object of 4 x 4 blocks on a plain 32 px canvas, each member its own
    change of the family's shades) and 8 of them printed on a grainy ground."""
    rng = np.random.default_rng(seed)
    X = []
    for lay in rng.integers(60, 230, (30, 4, 4)):
        for _ in range(6):
            img = np.full((32, 32), 30.0)
            img[8:24, 8:24] = np.kron(lay + rng.normal(0, 50, (4, 4)), np.ones((4, 4)))
            X.append(np.repeat(np.clip(img, 0, 255)[:, :, None], 3, axis=2))
    X = np.stack(X)
    sources = rng.choice(len(X), 8, replace=False)
    prints = np.stack([printed_on_grain(X[s], rng) for s in sources])
    return np.concatenate([X, prints]).astype(np.uint8), sources


def test_layout_vectors_ignore_brightness_and_contrast_and_mark_missing_pictures():
    rng = np.random.default_rng(1)
    g = rng.integers(20, 200, (16, 16)).astype(np.uint8)
    relit = np.clip(g.astype(float) * 0.6 + 40, 0, 255).round().astype(np.uint8)
    v = layout_vectors([g.tobytes(), relit.tobytes(), None, b"short"])
    assert v.shape == (4, 256) and np.isnan(v[2:]).all()
    assert abs(v[0].mean()) < 1e-4  # less its mean
    cos = v[0] @ v[1] / np.linalg.norm(v[0]) / np.linalg.norm(v[1])
    assert cos > 0.999


def test_layout_pairs_put_pictures_printed_on_a_grain_with_their_sources_the_embedding_does_not():
    X, sources = look_alikes_with_prints()
    ctx = AuditContext(dq.as_dataset(list(X)), embedder=grain_embedder(), device=DEVICE, cache_dir=False,
                       progress=False, embedder_settings={"image_size": 32})
    pairs, ratio = groups.layout_pairs(ctx)
    prints = {int(s): 180 + k for k, s in enumerate(sources)}
    found = {(int(a), int(b)): r for (a, b), r in zip(pairs, ratio)}
    mine = [found.get((s, c)) for s, c in prints.items()]
    assert all(r is not None for r in mine)  # each print and its source: each other's nearest by layout
    others = [r for p, r in found.items() if p not in set(prints.items())]
    assert max(mine) < np.quantile(others, 0.1)  # and nearer, against the next one, than most distinct pairs
    # the embedding, which sees the grain, has no print within the distance of distinct look-alikes
    idx, dist = ctx.get("knn")
    copy_d = np.array([dist[c][list(idx[c]).index(s)] if s in idx[c] else np.inf for s, c in prints.items()])
    assert (copy_d > np.median(dist[:180, 0])).all()
    # near_sets joins them at a threshold above their ratios, and nothing at none
    sets = groups.near_sets(ctx, 0.0, None, learnt={"layout_threshold": float(max(mine))})
    joined = {frozenset(map(int, g)) for g in sets}
    assert {frozenset(p) for p in prints.items()} <= joined
    assert not groups.near_sets(ctx, 0.0, None)


def test_calibrate_near_learns_the_layout_rule_on_what_the_other_rules_leave():
    rng = np.random.default_rng(3)
    n = 2000
    inf = np.full(n + 40, np.inf)
    # distinct images: first / second neighbour ratios of 6 dimensions; 40 printed copies at 0.02-0.25
    real_layout = np.concatenate([rng.uniform(size=n) ** (1 / 6), rng.uniform(0.02, 0.25, 40)])
    copies = np.concatenate([rng.uniform(0.02, 0.4, 30), np.full(60, np.inf)])  # the other copies: not by layout
    copy_dist = np.concatenate([np.full(30, 0.5), rng.uniform(0.0, 0.01, 60)])  # those the embedding catches
    real_dist = np.concatenate([rng.uniform(0.05, 0.5, n), np.full(40, 0.5)])
    cal = calibrate_near(real_dist, inf, copy_dist, np.full(90, np.inf), 0.9, real_layout=real_layout,
                         copy_layout=copies, layout_dimension=neighbour_dimension(real_layout[:n]))
    t = cal.extra["layout_threshold"]
    assert t is not None and 0.15 <= t < 0.5
    assert (real_layout[n:] <= t).mean() >= 0.75 and (real_layout[:n] <= t).sum() <= 4
    assert cal.extra["layout_only"]["estimated_recall"] > 0.5
    # without the layout statistics the rule is not learnt
    assert calibrate_near(real_dist, inf, copy_dist, np.full(90, np.inf), 0.9).extra.get("layout_threshold") is None
