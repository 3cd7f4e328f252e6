"""Tuning measurement: near duplicates of 64 px (``--size``: 128 px) photograph tiles (tuning photographs only).

Base: ``blur_tuning.load_many_class_tiles(size)`` (the tuning photographs, never the held-out ones; 1,147
tiles at 64 px, 445 at 128 px). Near copies of 3% of the tiles, each by one edit of this script's own family
(cycled): a small perspective warp, a 3-6% zoom-crop, sharpening, a small opaque sticker in a corner, a
colour / saturation shift, strong JPEG (quality 15-25). ``--plant`` uses ``dq.datasets.plant_issues``'s
near copies instead; ``--clean`` audits the clean tiles alone (flags there are false).
``--spectrum-max-side`` overrides ``compute._providers.SPECTRUM_MAX_SIDE`` for the run (the side above
which the spectrum rule needs its hash gate: 64 runs it ungated on 64 px tiles); ``--spectrum-g64``
measures the same 60 frequencies on the Hann-windowed 64 x 64 grey image (an experiment, patched in here).
Columns: ``spec_t`` / ``spec_b`` the spectrum rule's ratio and hash gate, ``est_p`` / ``est_r`` the
calibration's estimated precision / recall (on its own copies) of the four rules together.

Round 4 code (spectrum rule off above 32 px), F1 (recall; false flags): 64 px own edits seeds 0 / 1 / 2 / 3
0.553 / 0.553 / 0.680 / 0.583 (0.38 / 0.38 / 0.51 / 0.41; 0 each), plant_issues 0.944 (1.0; 8), clean tiles
0 flags; 128 px own edits seeds 0 / 1 / 2 0.571 / 0.600 / 0.421 (0.46 / 0.46 / 0.31; 4 / 2 / 4), plant_issues
0.963 (1.0; 2), clean 0. The spectrum rule ungated at 64 px (SPECTRUM_MAX_SIDE 64): own edits 0.944 / 0.919
(1.0 / 1.0; 8 / 12), plant_issues 0.907 (1.0; 14), clean tiles 8 flags (one region at two zooms, one galaxy
at two places on dark sky); --spectrum-g64 the same (8 clean flags): the low six frequencies are the same on
either grey image.

With the hash gate (``checks/_groups.py: spectrum_gated``; learnt gate 12 bits on every 64 px run, 8-12 at
128 px): 64 px own edits seeds 0 / 1 / 2 / 3 0.985 / 0.885 / 0.954 / 0.938 (recall 0.97 / 0.79 / 0.91 / 0.88,
precision 1.0 each; estimated precision 0.98 / 0.91 / 0.88 / 0.94, estimated recall 0.73-0.76), plant_issues
0.944 (1.0; 8: the hash rule's, as before), clean tiles 0 flags; 128 px own edits 0.889 / 0.923 / 0.846
(0.92 / 0.92 / 0.85; 4 / 2 / 4 false, the same as before: two pairs of page tiles a few px apart, by the
embedding distance), plant_issues 0.963 (as before), clean 0. Missed: stickers and warps moving the hash by
13-16 bits. Gate candidates up to the hash rule's own 12 bits: uncapped, the same calibration took 16 / 20 /
22 bits on seeds 0 / 1 / clean (its clean model, ratio ** D x the hash share of distinct spectrum neighbours,
promised 0.93-0.99 precision) and flagged 10 / 10 / 4 distinct tiles (F1 0.932 / 0.932).

``--image-size 64`` embeds at the size ``benchmarks/detection.py`` uses (default: the embedder's own, 160 on
CPU). Round 7 (the embedding threshold's precision also bounded by the clean neighbour model,
``_calibration.clean_first_neighbour``, on the images the hash rule leaves), F1 (false flags) before -> after:
128 px seeds 0 / 1 0.889 / 0.923 (4 / 2) -> 0.96 / 0.96 (0 / 0); with --image-size 64 0.842 / 0.842 (7 / 7)
-> 0.96 / 0.889 (0 / 4: two text-page pairs by the embedding, seed 1's hash threshold 0), --clean 2 -> 0
flags; 96 px --image-size 64 seed 0 0.927 (6) -> 0.95 (4), clean 0 -> 0; 160 px --image-size 64 seed 0
0.875 (0) and clean 2 flags (a spectrum pair of text tiles) unchanged; 64 px seed 0 / --plant / --clean
unchanged (0.985, 0.944, 0 flags).

    PYTHONPATH=. python benchmarks/near_photos.py [--plant | --clean] [--seed S] [--size 128] [--image-size 64]
        [--spectrum-max-side 64]
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image, ImageEnhance, ImageFilter

import dataquality as dq
from dataquality.compute import _providers

sys.path.insert(0, str(Path(__file__).resolve().parent))
import blur_tuning  # noqa: E402

KINDS = ("warp", "zoom", "sharpen", "sticker", "colour", "jpeg")


def edit(a: np.ndarray, kind: str, rng: np.random.Generator) -> np.ndarray:
    im = Image.fromarray(a)
    w, h = im.size
    if kind == "warp":  # corners moved by up to 4% of the side
        d = rng.uniform(-0.04, 0.04, 8) * w
        src = np.array([[0, 0], [w, 0], [w, h], [0, h]], float) + d.reshape(4, 2)
        dst = np.array([[0, 0], [w, 0], [w, h], [0, h]], float)
        A = []
        for (x, y), (u, v) in zip(dst, src):
            A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
            A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        coef = np.linalg.solve(np.array(A), src.reshape(-1))
        out = im.transform((w, h), Image.PERSPECTIVE, tuple(coef), Image.BICUBIC)
    elif kind == "zoom":
        f = rng.uniform(0.03, 0.06)
        cw, ch = w * (1 - f), h * (1 - f)
        x0, y0 = rng.uniform(0, w - cw), rng.uniform(0, h - ch)
        out = im.resize((w, h), Image.BICUBIC, box=(x0, y0, x0 + cw, y0 + ch))
    elif kind == "sharpen":
        out = im.filter(ImageFilter.UnsharpMask(radius=float(rng.uniform(1, 2)), percent=int(rng.integers(120, 200)),
                                                threshold=0))
    elif kind == "sticker":
        s = int(rng.integers(8, 12))
        o = np.array(a)
        r0 = 2 if rng.random() < 0.5 else h - s - 2
        c0 = 2 if rng.random() < 0.5 else w - s - 2
        o[r0:r0 + s, c0:c0 + s] = rng.integers(0, 256, 3)
        out = Image.fromarray(o)
    elif kind == "colour":
        out = ImageEnhance.Color(im).enhance(float(rng.choice([rng.uniform(0.5, 0.7), rng.uniform(1.4, 1.7)])))
        o = np.asarray(out, np.float32) * rng.uniform(0.9, 1.1, 3)
        out = Image.fromarray(np.clip(o + 0.5, 0, 255).astype(np.uint8))
    else:
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=int(rng.integers(15, 26)))
        out = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return np.asarray(out.convert("RGB"), dtype=np.uint8)


def make(X, y, root: Path, seed: int, rate: float, plant: bool, clean: bool):
    if plant:
        p = dq.datasets.plant_issues(X, y, root, rates={"near_duplicate": rate}, random_state=seed)
        truth = set(p.truth["near_duplicate"])
        return truth, {i: "plant" for i in truth}, dict(getattr(p, "origin", {}) or {})
    rng = np.random.default_rng(2000 + seed)
    (root / "images").mkdir(parents=True, exist_ok=True)
    ids, labs = [], []
    for i, a in enumerate(X):
        ids.append(f"images/{i:05d}.png")
        labs.append(y[i])
        Image.fromarray(a).save(root / ids[-1])
    truth, kinds, origin = set(), {}, {}
    if not clean:
        for k, s in enumerate(rng.choice(len(X), int(round(rate * len(X))), replace=False)):
            kind = KINDS[k % len(KINDS)]
            p = f"images/{len(X) + k:05d}.png"
            Image.fromarray(edit(X[s], kind, rng)).save(root / p)
            ids.append(p)
            labs.append(y[s])
            truth |= {p, ids[s]}
            kinds[p] = kind
            kinds.setdefault(ids[s], kind)
            origin[p] = ids[s]
    pd.DataFrame({"path": ids, "label": labs}).to_csv(root / "labels.csv", index=False)
    return truth, kinds, origin


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plant", action="store_true")
    ap.add_argument("--clean", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rate", type=float, default=0.03)
    ap.add_argument("--size", type=int, default=64, help="tile side (the same tuning photographs)")
    ap.add_argument("--spectrum-max-side", type=int, default=None)
    ap.add_argument("--image-size", type=int, default=None,
                    help="embedder input size (default: the embedder's own; benchmarks/detection.py uses 64)")
    ap.add_argument("--spectrum-g64", action="store_true", help="measure the descriptor on the 64 px grey image")
    args = ap.parse_args(argv)
    if args.spectrum_g64:  # experiment: the same 60 frequencies of the Hann-windowed 64 x 64 grey image
        from dataquality.compute import _tensor_pass
        from dataquality.data import _stats
        orig, win32 = _stats.finish_stats, _stats._SPECTRUM_WINDOW
        win64 = np.outer(np.hanning(66)[1:-1], np.hanning(66)[1:-1])

        def finish64(thumbs, g64s, g32s):
            rows = orig(thumbs, g64s, g32s)
            _stats._SPECTRUM_WINDOW = win64
            try:
                sp = _stats.spectrum_values(g64s)
            finally:
                _stats._SPECTRUM_WINDOW = win32
            for r, v in zip(rows, sp):
                r["spectrum"] = v.tobytes().hex()
            return rows
        _tensor_pass.finish_stats = _stats.finish_stats = finish64
    if args.spectrum_max_side is not None:
        _providers.SPECTRUM_MAX_SIDE = args.spectrum_max_side
    X, y = blur_tuning.load_many_class_tiles(args.size)
    X = [np.asarray(a, dtype=np.uint8) for a in X]
    out = Path(tempfile.mkdtemp(prefix="dq-near-photos-"))
    try:
        truth, kinds, origin = make(X, list(y), out, args.seed, args.rate, args.plant, args.clean)
        report = dq.audit(out, labels=out / "labels.csv", checks=["exact_duplicate", "near_duplicate"],
                          progress=False, random_state=args.seed, cache_dir=False,
                          **({"embedder": "efficientnet_lite0", "embedder_settings": {"image_size": args.image_size}}
                             if args.image_size else {}))
        flagged = set(report.issues.loc[report.issues.issue == "near_duplicate", "id"])
        tp = len(flagged & truth)
        p, r = tp / max(len(flagged), 1), tp / max(len(truth), 1)
        c = report.findings["near_duplicate"].get("calibration", {})
        row = {"n": len(X), "flagged": len(flagged), "false": len(flagged - truth), "precision": p, "recall": r,
               "f1": 2 * p * r / max(p + r, 1e-12), "emb_t": c.get("threshold"), "hash_b": c.get("hash_threshold"),
               "ratio_t": c.get("ratio_threshold"), "spec_t": c.get("spectrum_threshold"),
               "spec_b": c.get("spectrum_hash_threshold"), "est_p": c.get("estimated_precision"),
               "est_r": c.get("estimated_recall")}
        print(pd.DataFrame([row]).round(4).to_string(index=False))
        copies = [q for q in origin]
        if copies:
            print(pd.Series({k: np.mean([q in flagged for q in copies if kinds[q] == k])
                             for k in sorted(set(kinds[q] for q in copies))}, name="copy recall").round(3).to_string())
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
