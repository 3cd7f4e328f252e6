"""TUNING data for the ``blurry`` check on photographs (never an evaluation set).

The held-out protocol (``benchmarks/_heldout.py``) tunes on sklearn digits and Fashion-MNIST train only;
neither has photographs, so nothing there shows how a blur statistic behaves on textured or naturally
soft pictures. This script builds a *tuning-only* photograph set from real photographs that are NOT
among the evaluation set's (``_heldout.PHOTOS`` + sklearn's china / flower):

* matplotlib's ``grace_hopper.jpg`` and ``Minduka_Present_Blue_Pack.png``,
* scikit-image's ``hubble_deep_field`` (its brighter tiles: soft galaxies and stars), ``text`` (a
  photographed sign) and ``page`` (a scanned page); ``microaneurysms`` is left out (contrast 0.04:
  its tiles would be low-information images),
* scikit-image's ``lfw_subset`` (200 real 25 x 25 faces / non-faces, shown at the tile size: soft,
  unblurred pictures, one class),

tiled at scales and strides of its own (overlapping tiles), with blurs planted by this script's
*lens-blur generator* (``lens_blur``): Gaussian blur at radii other than the library's copies, and
lens-like blurs written here (a Gaussian-softened defocus disk, an astigmatic elongated Gaussian, a
ring-shaped mirror-lens kernel). Neither the families' parameters nor the pictures are generator B's.

It also audits the tuning sets of the held-out protocol (digits, Fashion-MNIST train, generator A)
and the same base data with the lens blurs (``digits_lens``, ``fashion_lens``: 4% blurred, nothing
else planted), with the ``blurry`` check alone (embedder ``pixels``: the check does not use the
embeddings, and the calibration's blurred copies are not embedded). It reports, per set and seed,
precision / recall / F1 of the planted blurs, the calibration's estimated precision and recall, and how
many images of the unplanted base set are flagged.

``tune_photos64_many`` cuts the same photographs into 21 classes of 30-60 tiles (picture x tiling scale, the
largest scales of the Hubble field by quadrant, plus the LFW faces) with 3% lens blurs: a labelled collection
with many small classes, where a few blurs in one class move its own tail (``_calibration.BULK_TRIM_*``).

``tune_photos128_small`` / ``tune_photos64_small`` cut them into classes of 10-29 tiles (20 and 35 classes) and
``tune_photos64_tiny`` into classes of 4-12 (:func:`load_small_class_tiles`): labelled collections whose classes
are all under ``_calibration.BULK_MIN_GROUP``, 4% lens blurs.

Every set can also be audited without labels (``--sets tune_photos64_nolabels digits_lens_nolabels``, also
generator A's ``digits_nolabels``), the case of an unlabelled collection; those audits use the library's default
embedder (the check then also tries embedding look-alikes, which needs the copies embedded like the data).
``--blurry-settings '{"embedding_lookalikes": false}'`` passes settings to the check (ablations).

    PYTHONPATH=. python benchmarks/blur_tuning.py --seeds 0 1 2

Round 5, the high-frequency share (``blurry``'s ``spectral``; ``--blurry-settings '{"spectral": "off"}'`` for
edge energy alone). F1 per seed, edge energy alone -> ``spectral="auto"`` (seeds 0-4; the photograph sets
4.5-11 s each):

==========================  ======================================  ======================================
set                         edge energy alone                       auto
==========================  ======================================  ======================================
tune_photos128              0.833 0.737 0.818 0.700 0.870 (R 0.72)  0.880 0.818 0.917 0.818 0.889 (R 0.87)
tune_photos64               0.909 0.889 0.765 0.788 0.889           the same (edge energy chosen each time)
tune_photos64_many          0.871 0.892 0.925 0.833 0.892           0.985 0.885 0.938 0.954 0.921
tune_photos128_small        0.867 0.839 0.867 0.750 0.875           0.889 0.889 0.929 0.929 0.929
tune_photos64_small         0.885 0.885 0.943 0.809 0.885           0.943 0.902 0.982 0.963 0.880
tune_photos64_tiny          0.857 0.857 0.848 0.857 0.947           0.914 0.889 0.882 0.914 0.944
tune_photos64_nolabels      0.706 0.625 0.471 0.727 0.686           (0.759 0.625 0.471 0.727 0.686)
tune_photos128_nolabels     0.700 0.526 0.632 0.636 0.485           (0.593 0.526 0.667 0.636 0.485)
digits_lens, fashion_lens   0.763-0.832, 0.992-0.996                the same
==========================  ======================================  ======================================

In brackets: "auto" also without labels, as first measured; seed 0 at 128 px flagged 7 upscaled faces (1 with
edge energy alone), so "auto" now leaves unlabelled data to edge energy (the first column, the same flags).

Generator A (digits, fashion, with and without labels) and the lens blurs without labels, seeds 0-2: the same
flags. Unblurred sets flagged (``clean``): tune_photos128 1 -> 2, tune_photos64 2 -> 0, tune_photos128_small
3 -> 0, the unlabelled photographs 8 / 10 unchanged, every other set 0 (digits without labels 10) unchanged.
Tried and not kept: each ratio scaled by its look-alikes' spread (log interquartile range) on the unlabelled
128 px photographs, seeds 0-2: 0.593 / 0.526 / 0.667 -> 0.615 / 0.444 / 0.556 (clean flags 10 -> 6).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

import dataquality as dq

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _heldout  # noqa: E402

LENS_BLURS = ("gaussian", "soft_disk", "astigmatic", "ring")


def tuning_photographs() -> list[tuple[str, np.ndarray]]:
    """Real photographs shipped with installed packages that the evaluation set does not use."""
    import os

    import matplotlib
    import skimage.data as sk

    mpl = Path(matplotlib.get_data_path()) / "sample_data"
    skdir = Path(os.path.dirname(sk.__file__))
    out = []
    for name, path in (("grace_hopper", mpl / "grace_hopper.jpg"), ("present", mpl / "Minduka_Present_Blue_Pack.png"),
                       ("hubble", skdir / "hubble_deep_field.jpg"),
                       ("text", skdir / "text.png"), ("page", skdir / "page.png")):
        img = Image.open(path)
        if img.mode in ("RGBA", "LA", "P"):
            bg = Image.new("RGB", img.size, (255, 255, 255))
            bg.paste(img.convert("RGBA"), mask=img.convert("RGBA").split()[3])
            img = bg
        out.append((name, np.asarray(img.convert("RGB"))))
    assert not {n for n, _ in out} & set(_heldout.PHOTOS)
    return out


def _keep(t: np.ndarray) -> bool:
    g = t.mean(axis=2) / 255.0
    p01, p99 = np.percentile(g, [1, 99])
    return bool(g.std() >= 0.05 and p99 >= 0.35 and p01 <= 0.75)  # the evaluation set's rule for clean tiles


SCALES = (1.0, 0.75, 0.55, 0.4)


def _scaled_tiles(a: np.ndarray, size: int):
    """``(scale, (row, col, height, width), tile)`` for every kept ``size`` px tile of picture ``a`` at
    each of ``SCALES`` it covers, with stride ``size // 2`` (or smaller where the picture is small)."""
    for s in SCALES:
        w, h = round(a.shape[1] * s), round(a.shape[0] * s)
        if min(w, h) < size:
            continue
        b = np.asarray(Image.fromarray(a).resize((w, h), Image.BICUBIC)) if s != 1.0 else a
        stride = max(8, min(size // 2, (min(w, h) - size) // 3 or size))
        for r in range(0, h - size + 1, stride):
            for c in range(0, w - size + 1, stride):
                t = b[r: r + size, c: c + size]
                if _keep(t):
                    yield s, (r, c, h, w), t


def _lfw_faces(size: int, n: int, rng) -> list[np.ndarray]:
    """``n`` of scikit-image's LFW faces (drawn with ``rng``) at ``size`` px, those ``_keep`` keeps."""
    import os

    import skimage.data as sk

    faces = np.load(Path(os.path.dirname(sk.__file__)) / "lfw_subset.npy")
    faces = [np.asarray(Image.fromarray((255 * f).astype(np.uint8)).resize((size, size), Image.BICUBIC).convert("RGB"))
             for f in faces[rng.permutation(len(faces))[:n]]]
    return [f for f in faces if _keep(f)]


def load_tuning_tiles(size: int, per_photo: int, random_state: int = 0):
    """Tiles of ``size`` px at scales 1, 0.75, 0.55 and 0.4 (:func:`_scaled_tiles`), at most
    ``per_photo`` per picture, plus ``per_photo`` of the LFW faces resized to ``size``; labelled with
    the picture's name."""
    rng = np.random.default_rng(random_state)
    X, y = [], []
    for name, a in tuning_photographs():
        tiles = [t for _, _, t in _scaled_tiles(a, size)]
        if not tiles:  # smaller than a tile (the 128 px present at 128 px): the picture as it is
            tiles = [np.asarray(Image.fromarray(a).resize((size, size), Image.BICUBIC))]
        pick = rng.permutation(len(tiles))[:per_photo]
        X += [tiles[k] for k in sorted(pick)]
        y += [name] * len(pick)
    faces = _lfw_faces(size, per_photo, rng)
    return np.stack(X + faces), np.array(y + ["lfw"] * len(faces), dtype=object)


def load_many_class_tiles(size: int = 64, per_class: int = 60, split_at: int = 300, random_state: int = 0):
    """Many small classes from the tuning photographs (``tune_photos64_many``): one class per picture and
    tiling scale (as in :func:`load_tuning_tiles`), a scale with at least ``split_at`` tiles split into its
    four quadrants, classes of fewer than 30 tiles dropped and the rest cut to ``per_class`` at random, plus
    ``per_class`` LFW faces. At 64 px: 21 classes of 30-60 tiles, the case of a labelled collection with
    many small classes (a few planted blurs each)."""
    rng = np.random.default_rng(random_state)
    X, y = [], []
    for name, a in tuning_photographs():
        by_scale: dict = {}
        for s, (r, c, h, w), t in _scaled_tiles(a, size):
            quadrant = (2 * r > h - size, 2 * c > w - size)
            by_scale.setdefault(s, {}).setdefault(quadrant, []).append(t)
        for s, tiles in by_scale.items():
            n = sum(len(v) for v in tiles.values())
            groups = ({f"{name}@{s}/{q[0]:d}{q[1]:d}": v for q, v in sorted(tiles.items())} if n >= split_at
                      else {f"{name}@{s}": [t for v in tiles.values() for t in v]})
            for g, v in groups.items():
                if len(v) < 30:
                    continue
                pick = np.sort(rng.permutation(len(v))[:per_class])
                X += [v[k] for k in pick]
                y += [g] * len(pick)
    faces = _lfw_faces(size, per_class, rng)
    return np.stack(X + faces), np.array(y + ["lfw"] * len(faces), dtype=object)


def load_small_class_tiles(size: int = 128, sizes: tuple[int, int] = (10, 29), per_group: int = 2,
                           random_state: int = 0):
    """Classes of fewer than 30 tiles (``tune_photos128_small``, ``tune_photos64_small``): each picture and
    tiling scale (as in :func:`load_tuning_tiles`) gives up to ``per_group`` classes of a random
    ``sizes[0]``-``sizes[1]`` of its tiles (a scale with fewer than ``sizes[0]`` tiles none), and 40 LFW
    faces two classes of 20. At 128 px: 350 tiles in 20 classes of 10-29; at 64 px: 671 in 35. Every class is below
    ``_calibration.BULK_MIN_GROUP``, the case of a labelled collection whose classes are all small."""
    rng = np.random.default_rng(random_state)
    X, y = [], []
    for name, a in tuning_photographs():
        by_scale: dict = {}
        for s, _, t in _scaled_tiles(a, size):
            by_scale.setdefault(s, []).append(t)
        for s, tiles in by_scale.items():
            order = rng.permutation(len(tiles))
            for j in range(per_group):
                m = int(rng.integers(sizes[0], sizes[1] + 1))
                if len(order) < sizes[0]:
                    break
                take, order = order[:m], order[m:]
                X += [tiles[k] for k in np.sort(take)]
                y += [f"{name}@{s}/{j}"] * len(take)
    faces = _lfw_faces(size, 40, rng)
    return np.stack(X + faces), np.array(y + [f"lfw/{k // 20}" for k in range(len(faces))], dtype=object)


def _kernel_blur(a: np.ndarray, k: np.ndarray) -> np.ndarray:
    from scipy.ndimage import convolve

    f = a.astype(np.float32)
    k = (k / k.sum()).astype(np.float32)
    return np.clip(np.stack([convolve(f[..., c], k, mode="mirror") for c in range(3)], axis=2) + 0.5,
                   0, 255).astype(np.uint8)


def lens_blur(a: np.ndarray, kind: str, rng) -> np.ndarray:
    """The lens-blur generator: a visibly blurred copy of ``a`` (h x w x 3 uint8)."""
    s = min(a.shape[:2])
    if kind == "gaussian":  # sigma 3-7% of the size (the library's copies: radius 4-10%)
        sig = max(1.0, s * rng.uniform(0.03, 0.07))
        r = int(np.ceil(3 * sig))
        yy, xx = np.mgrid[-r: r + 1, -r: r + 1]
        return _kernel_blur(a, np.exp(-(xx ** 2 + yy ** 2) / (2 * sig ** 2)))
    if kind == "soft_disk":  # an out-of-focus lens: a disk of radius 4-8% with a soft rim
        rad = max(1.5, s * rng.uniform(0.04, 0.08))
        r = int(np.ceil(rad + 2))
        yy, xx = np.mgrid[-r: r + 1, -r: r + 1]
        return _kernel_blur(a, 1.0 / (1.0 + np.exp((np.hypot(xx, yy) - rad) / 0.6)))
    if kind == "astigmatic":  # an elongated Gaussian (sigma 2-4% across, 5-9% along) at any angle
        s1, s2 = max(0.7, s * rng.uniform(0.02, 0.04)), max(1.5, s * rng.uniform(0.05, 0.09))
        th = rng.uniform(0, np.pi)
        r = int(np.ceil(3 * s2))
        yy, xx = np.mgrid[-r: r + 1, -r: r + 1]
        u, v = xx * np.cos(th) + yy * np.sin(th), -xx * np.sin(th) + yy * np.cos(th)
        return _kernel_blur(a, np.exp(-u ** 2 / (2 * s2 ** 2) - v ** 2 / (2 * s1 ** 2)))
    if kind == "ring":  # a mirror (catadioptric) lens out of focus: an annulus, outer radius 5-9%
        rad = max(2.0, s * rng.uniform(0.05, 0.09))
        r = int(np.ceil(rad + 1))
        yy, xx = np.mgrid[-r: r + 1, -r: r + 1]
        d = np.hypot(xx, yy)
        return _kernel_blur(a, ((d <= rad) & (d >= 0.5 * rad)).astype(np.float64) + 1e-3 * (d <= rad))
    raise ValueError(kind)


def plant_lens_blurs(X, rate: float, random_state: int):
    """A copy of ``X`` with a ``rate`` share blurred by the lens-blur generator; (images, blurred positions)."""
    rng = np.random.default_rng(20_000 + random_state)
    n = len(X)
    pick = np.sort(rng.choice(n, max(1, int(round(rate * n))), replace=False))
    out = [np.asarray(x) for x in X]
    for j, i in enumerate(pick):
        out[i] = lens_blur(out[i], LENS_BLURS[j % len(LENS_BLURS)], rng)
    return out, set(pick.tolist())


# the check's settings (``--blurry-settings``, for ablations)
BLURRY_SETTINGS: dict = {}


def _embedder(labels) -> str:
    """``pixels`` where there are labels (the check does not use the embeddings, and the calibration's
    blurred copies are not embedded); the library's default where there are none (the check then also
    compares each image with its embedding look-alikes, which needs copies embedded like the data)."""
    return "pixels" if labels is not None else "auto"


def _audit_blurry(images, labels, seed: int, checks=None):
    checks = checks or {"blurry": BLURRY_SETTINGS}
    report = dq.audit([Image.fromarray(a) for a in images], labels=None if labels is None else list(labels),
                      embedder=_embedder(labels), checks=checks, cache_dir=False, progress=False, random_state=seed)
    iss = report.issues
    flagged = set(iss.loc[iss["issue"] == "blurry", "id"].astype(int).tolist())
    cal = (report.findings.get("blurry") or {}).get("calibration") or {}
    return flagged, cal


def _prf(flagged: set, truth: set) -> dict:
    tp = len(flagged & truth)
    p = tp / len(flagged) if flagged else 0.0
    r = tp / len(truth) if truth else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def run(seeds, sets, out_dir: Path) -> list[dict]:
    rows = []
    for name in sets:
        t0 = time.perf_counter()
        unlabelled = name.endswith("_nolabels")
        base = name.removesuffix("_nolabels")
        if base in ("digits", "fashion"):  # generator A; "_nolabels": audited without its labels
            X, y = _heldout.load_base(base)
            for seed in seeds:
                planted = dq.datasets.plant_issues(X, y, out_dir / f"{name}_{seed}", random_state=seed, overwrite=True)
                labels = None if unlabelled else planted.labels_csv
                report = dq.audit(planted.root, labels=labels, embedder=_embedder(labels),
                                  checks={"blurry": BLURRY_SETTINGS}, cache_dir=False, progress=False,
                                  random_state=seed)
                iss = report.issues
                flagged = set(iss.loc[iss["issue"] == "blurry", "id"])
                cal = (report.findings.get("blurry") or {}).get("calibration") or {}
                rows.append({"set": name, "seed": seed, **_prf(flagged, set(planted.truth["blurry"])),
                             "threshold": cal.get("threshold"), "est_precision": cal.get("estimated_precision"),
                             "est_recall": cal.get("estimated_recall")})
            clean, cal = _audit_blurry(X, None if unlabelled else y, 0)
        else:
            if base.endswith("_lens"):  # tuning base data, blurs of the lens-blur generator only
                X, y = _heldout.load_base(base.removesuffix("_lens"))
            elif base == "tune_photos64_many":  # 21 classes of 30-60 tiles, 3% blurred
                X, y = load_many_class_tiles(64)
            elif base.endswith("_small"):  # every class under 30 tiles, 4% blurred
                X, y = load_small_class_tiles(int(base.removeprefix("tune_photos").removesuffix("_small")))
            elif base.endswith("_tiny"):  # classes of 4-12 tiles, 4% blurred
                X, y = load_small_class_tiles(int(base.removeprefix("tune_photos").removesuffix("_tiny")), (4, 12), 3)
            else:  # tune_photos64, tune_photos128; "_nolabels": audited without labels
                size = int(base.removeprefix("tune_photos"))
                X, y = load_tuning_tiles(size, 90 if size == 64 else 60)
            given = None if unlabelled else y
            for seed in seeds:
                imgs, truth = plant_lens_blurs(X, 0.03 if base.endswith("_many") else 0.04, seed)
                flagged, cal = _audit_blurry(imgs, given, seed)
                rows.append({"set": name, "seed": seed, **_prf(flagged, truth), "threshold": cal.get("threshold"),
                             "est_precision": cal.get("estimated_precision"),
                             "est_recall": cal.get("estimated_recall")})
            clean, cal = _audit_blurry(X, given, 0)
        by_class = {str(c): int(sum(1 for i in clean if y[i] == c)) for c in sorted(set(y)) if
                    any(y[i] == c for i in clean)}
        rows.append({"set": name, "seed": "clean", "n": len(X), "flagged": len(clean), "by_class": by_class,
                     "threshold": cal.get("threshold"), "s": round(time.perf_counter() - t0, 1)})
        for r in rows[-len(seeds) - 1:]:
            print(json.dumps(r), flush=True)
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2])
    ap.add_argument("--sets", nargs="+", default=["tune_photos64", "tune_photos128", "tune_photos64_many", "digits", "fashion"])
    ap.add_argument("--json", default=None)
    ap.add_argument("--blurry-settings", default="{}", help="the blurry check's settings, as JSON (ablations)")
    args = ap.parse_args(argv)
    BLURRY_SETTINGS.update(json.loads(args.blurry_settings))
    with tempfile.TemporaryDirectory() as tmp:
        rows = run(args.seeds, args.sets, Path(tmp))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
