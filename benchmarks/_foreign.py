"""TUNING data for the ``outlier`` check: real images of another domain planted in a tuning base set.

This is *tuning* data, not evaluation data. It is built from the tuning base sets only (sklearn digits,
Fashion-MNIST *train*) and from textures rendered here; it never uses the photographs of
``_heldout.py`` (generator B's outlier pool) or any evaluation base set. It exists because generator A
(``dq.datasets.plant_issues``) plants only one kind of outlier, a synthetic scene of bright coloured
shapes, while foreign images in real data are often grey, soft, dark or textured, and may repeat.

``plant_foreign_outliers`` plants every other issue type with generator A, then replaces each planted
outlier by an image drawn *with replacement* from a small pool of another domain (so, as in real
collections, a few foreign images appear twice):

- ``digits`` base: Fashion-MNIST train items (``kind="fashion"``) or rendered textures (``"textures"``);
- ``fashion`` base: sklearn digits upscaled from 8 px (``kind="digits"``) or rendered textures;
- ``kind="mixed"``: half from each.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

import dataquality as dq


def render_textures(n: int, size: int, random_state: int = 0) -> list[np.ndarray]:
    """``n`` natural-looking pictures of ``size`` px, in four families drawn in turn so that they are
    not all alike: 1/f^a noise (a in 1-2.5, the range of natural images' spectra), grey or tinted;
    a smooth two-colour gradient with soft blobs; oriented stripes with noise; a field of soft dots.
    Each at a random mean and contrast (some dim, some soft)."""
    rng = np.random.default_rng(random_state)
    fy = np.fft.fftfreq(size)[:, None]
    fx = np.fft.fftfreq(size)[None, :]
    f = np.sqrt(fx ** 2 + fy ** 2)
    f[0, 0] = 1.0
    yy, xx = np.mgrid[0:size, 0:size] / size
    out = []
    for j in range(n):
        family = j % 4
        if family == 0:  # 1/f noise
            a = rng.uniform(1.0, 2.5)
            spec = (rng.normal(size=(3, size, size)) + 1j * rng.normal(size=(3, size, size))) / f ** (a / 2 + 0.5)
            spec[:, 0, 0] = 0
            g = np.moveaxis(np.real(np.fft.ifft2(spec)), 0, 2)
        elif family == 1:  # gradient with soft blobs
            t = np.cos(rng.uniform(0, np.pi)) * xx + np.sin(rng.uniform(0, np.pi)) * yy
            g = t[..., None] * rng.normal(size=3)[None, None, :]
            for _ in range(int(rng.integers(1, 4))):
                cy, cx, r = rng.uniform(0.2, 0.8), rng.uniform(0.2, 0.8), rng.uniform(0.08, 0.3)
                g = g + np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * r * r))[..., None] * rng.normal(size=3)
        elif family == 2:  # stripes
            th, period = rng.uniform(0, np.pi), rng.uniform(0.08, 0.3)
            t = np.cos(th) * xx + np.sin(th) * yy
            g = (np.sin(2 * np.pi * t / period) + 0.3 * rng.normal(size=(size, size)))[..., None] * np.ones(3)
        else:  # soft dots
            g = np.zeros((size, size, 1))
            for _ in range(int(rng.integers(5, 20))):
                cy, cx, r = rng.uniform(0, 1, 2).tolist() + [rng.uniform(0.03, 0.08)]
                g = g + np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * r * r))[..., None]
            g = g * np.ones(3)
        if rng.random() < 0.5:  # grey
            g = np.repeat(g.mean(axis=2, keepdims=True), 3, axis=2)
        else:  # mostly one field, some colour
            g = 0.6 * g.mean(axis=2, keepdims=True) + 0.4 * g
        g = (g - g.mean()) / (g.std() + 1e-9)
        img = rng.uniform(50, 190) + rng.uniform(15, 60) * g
        out.append(np.clip(img, 0, 255).astype(np.uint8))
    return out


def foreign_pool(base: str, size: int, kind: str, n: int = 60, random_state: int = 0) -> list[np.ndarray]:
    """``n`` images of another domain than the tuning base set ``base`` ("digits" or "fashion")."""
    if kind == "mixed":
        return (foreign_pool(base, size, "textures" if base == "digits" else "digits", n // 2, random_state)
                + foreign_pool(base, size, "fashion" if base == "digits" else "textures", n - n // 2,
                               random_state + 1))
    if kind == "textures":
        return render_textures(n, size, random_state=100 + random_state)
    if kind == "digits" and base == "fashion":
        X, _ = dq.datasets.load_digits(image_size=size, as_arrays=True)
    elif kind == "fashion" and base == "digits":
        # the last train items: the tuning set uses a sample of 3,000, so most of these are not in it;
        # and the base set is digits anyway
        X, _ = dq.datasets.load_fashion_mnist(n=2000, random_state=99, image_size=size, as_arrays=True)
    else:
        raise ValueError(f"no foreign pool {kind!r} for base {base!r}")
    pick = np.random.default_rng(random_state).choice(len(X), n, replace=False)
    return [np.asarray(Image.fromarray(np.asarray(X[i], dtype=np.uint8)).convert("RGB").resize(
        (size, size), Image.BILINEAR)) for i in pick]


def plant_foreign_outliers(base: str, X, y, root: Path, seed: int, kind: str = "mixed"):
    """Generator A for every issue type, then each planted outlier replaced by a foreign image (tuning data)."""
    planted = dq.datasets.plant_issues(X, y, root, random_state=seed)
    size = int(np.asarray(X[0]).shape[0])
    pool = foreign_pool(base, size, kind, random_state=seed)
    rng = np.random.default_rng(500 + seed)
    for name in sorted(planted.truth["outlier"]):
        a = pool[int(rng.integers(len(pool)))]
        Image.fromarray(a, "RGB").save(Path(root) / name, format="PNG")
    return planted
