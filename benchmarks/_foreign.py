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
- ``kind="mixed"``: half from each;
- either base: ``"soft_photos"``, crops of the *tuning* photographs of ``benchmarks/blur_tuning.py`` (matplotlib's
  grace_hopper and sample pack, skimage's hubble, text, page; LFW faces), softened and mostly grey, or ``"icons"``,
  simple shapes and letters drawn with PIL, soft-edged: foreign pictures with little detail, which the embedder
  places close to the data (the regime where kNN distance finds fewer than half).
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


def soft_photos(n: int, size: int, random_state: int = 0) -> list[np.ndarray]:
    """``n`` soft crops of the tuning photographs (``blur_tuning.tuning_photographs`` and LFW faces) at ``size``
    px: a random square of 25-100% of the picture's short side, resized down, a Gaussian blur of 0.3-1.2 px on
    most, grey on two thirds (the tuning bases are grey), some dimmed to the bases' dark background."""
    import blur_tuning
    from PIL import ImageFilter

    rng = np.random.default_rng(random_state)
    pictures = [a for _, a in blur_tuning.tuning_photographs()] + blur_tuning._lfw_faces(64, 20, rng)
    out = []
    for _ in range(n):
        a = pictures[int(rng.integers(len(pictures)))]
        h, w = a.shape[:2]
        side = int(min(h, w) * rng.uniform(0.25, 1.0))
        r, c = int(rng.integers(h - side + 1)), int(rng.integers(w - side + 1))
        img = Image.fromarray(a[r: r + side, c: c + side]).resize((size, size), Image.BICUBIC)
        if rng.random() < 0.8:
            img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2)))
        if rng.random() < 2 / 3:
            img = img.convert("L").convert("RGB")
        b = np.asarray(img, dtype=float)
        if rng.random() < 0.3:
            b = b * rng.uniform(0.4, 0.8)
        out.append(np.clip(b, 0, 255).astype(np.uint8))
    return out


def draw_icons(n: int, size: int, random_state: int = 0) -> list[np.ndarray]:
    """``n`` simple pictures drawn with PIL at 4x ``size`` and reduced (soft edges): one or two of a disc, a
    ring, a box, a triangle, a star, an arrow or a letter, light on dark or dark on light, grey or tinted."""
    from PIL import ImageDraw, ImageFilter, ImageFont

    rng = np.random.default_rng(random_state)
    big = 4 * size
    font = ImageFont.load_default()
    out = []
    for j in range(n):
        bg, fg = (int(rng.uniform(0, 60)), int(rng.uniform(150, 255)))
        if rng.random() < 0.4:
            bg, fg = 255 - bg, 255 - fg
        tint = rng.uniform(0.7, 1.0, 3) if rng.random() < 0.4 else np.ones(3)
        img = Image.new("L", (big, big), bg)
        dr = ImageDraw.Draw(img)
        for m in range(int(rng.integers(1, 3))):
            cx, cy = rng.uniform(0.3, 0.7, 2) * big
            r = rng.uniform(0.15, 0.35) * big
            box = [cx - r, cy - r, cx + r, cy + r]
            shape = (j + m) % 7
            if shape == 0:
                dr.ellipse(box, fill=fg)
            elif shape == 1:
                dr.ellipse(box, outline=fg, width=int(r * rng.uniform(0.15, 0.4)) + 1)
            elif shape == 2:
                dr.rectangle(box, fill=fg)
            elif shape == 3:
                dr.polygon([(cx, cy - r), (cx - r, cy + r), (cx + r, cy + r)], fill=fg)
            elif shape == 4:
                t = np.linspace(0, 2 * np.pi, 11)[:-1] + rng.uniform(0, np.pi)
                rr = np.where(np.arange(10) % 2 == 0, r, 0.45 * r)
                dr.polygon(list(zip(cx + rr * np.cos(t), cy + rr * np.sin(t))), fill=fg)
            elif shape == 5:
                wdt = int(r * 0.3) + 1
                dr.line([(cx - r, cy), (cx + r, cy)], fill=fg, width=wdt)
                dr.polygon([(cx + r, cy), (cx + 0.4 * r, cy - 0.5 * r), (cx + 0.4 * r, cy + 0.5 * r)], fill=fg)
            else:
                letter = Image.new("L", (8, 12), 0)
                ImageDraw.Draw(letter).text((1, 0), chr(int(rng.integers(65, 91))), fill=255, font=font)
                m = letter.resize((int(2 * r), int(3 * r)), Image.NEAREST)
                img.paste(fg, (int(cx - r), int(cy - 1.5 * r)), m)
        img = img.filter(ImageFilter.GaussianBlur(big / size * rng.uniform(0.2, 0.8)))
        img = img.resize((size, size), Image.BILINEAR)
        a = np.asarray(img.convert("RGB"), dtype=float) * tint
        out.append(np.clip(a, 0, 255).astype(np.uint8))
    return out


def foreign_pool(base: str, size: int, kind: str, n: int = 60, random_state: int = 0) -> list[np.ndarray]:
    """``n`` images of another domain than the tuning base set ``base`` ("digits" or "fashion")."""
    if kind == "mixed":
        return (foreign_pool(base, size, "textures" if base == "digits" else "digits", n // 2, random_state)
                + foreign_pool(base, size, "fashion" if base == "digits" else "textures", n - n // 2,
                               random_state + 1))
    if kind == "textures":
        return render_textures(n, size, random_state=100 + random_state)
    if kind == "soft_photos":
        return soft_photos(n, size, random_state=200 + random_state)
    if kind == "icons":
        return draw_icons(n, size, random_state=300 + random_state)
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
