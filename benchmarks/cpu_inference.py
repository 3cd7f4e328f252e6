"""CPU inference options for EfficientNet-Lite0, measured in one run, interleaved, on one torch thread.

Compares images per CPU-second (``time.process_time``, so other jobs on a shared machine do not
count) of: torch in the default layout, torch channels_last (the library's choice), int8 dynamic
quantisation in torch, ONNX Runtime fp32 and ONNX Runtime int8 dynamic quantisation (when
``onnxruntime`` and ``onnx`` are installed), and how close each one's embeddings of real photo-like
images are to torch fp32 (cosine similarity, minimum over the images).

Run::

    python benchmarks/cpu_inference.py --image-size 160 --rounds 4
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--image-size", type=int, default=160)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=4)
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(1)
    sys.path.insert(0, str(Path(__file__).parent))
    from throughput import photo_images

    from dataquality.embeddings import get_embedder
    from dataquality.embeddings._image import load_efficientnet_lite0

    emb = get_embedder("efficientnet_lite0", image_size=args.image_size)
    images, _ = photo_images(args.batch, 500, 375, "tune", seed=0)
    from PIL import Image

    x = torch.stack([emb.preprocess(Image.fromarray(a)) for a in images])
    plain = load_efficientnet_lite0().eval()
    cl = load_efficientnet_lite0().eval().to(memory_format=torch.channels_last)
    runners = {"torch fp32": lambda: plain(x).numpy(),
               "torch fp32 channels_last": lambda: cl(x.contiguous(memory_format=torch.channels_last)).numpy()}
    q = torch.ao.quantization.quantize_dynamic(load_efficientnet_lite0().eval(), {torch.nn.Linear}, dtype=torch.qint8)
    n_linear = sum(isinstance(m, torch.nn.Linear) for m in plain.modules())
    runners[f"torch int8 dynamic ({n_linear} Linear layers to quantise)"] = lambda: q(x).numpy()
    try:
        import onnxruntime as ort

        tmp = Path(tempfile.mkdtemp())
        torch.onnx.export(plain, x[:1], tmp / "lite0.onnx", input_names=["x"], output_names=["y"],
                          dynamic_axes={"x": {0: "n"}, "y": {0: "n"}}, dynamo=False)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        sess = ort.InferenceSession(str(tmp / "lite0.onnx"), opts, providers=["CPUExecutionProvider"])
        runners["onnxruntime fp32"] = lambda: sess.run(None, {"x": x.numpy()})[0]
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(tmp / "lite0.onnx"), str(tmp / "lite0_int8.onnx"), weight_type=QuantType.QUInt8)
        sess8 = ort.InferenceSession(str(tmp / "lite0_int8.onnx"), opts, providers=["CPUExecutionProvider"])
        runners["onnxruntime int8 dynamic"] = lambda: sess8.run(None, {"x": x.numpy()})[0]
    except Exception as exc:  # not installed, or the export failed: say so
        print(f"ONNX Runtime not measured: {type(exc).__name__}: {exc}")
    best, ref = {}, None
    with torch.inference_mode():
        ref = plain(x).numpy()
        outs = {name: fn() for name, fn in runners.items()}  # warm-up, and the vectors compared
        for _ in range(args.rounds):
            for name, fn in runners.items():
                t0 = time.process_time()
                fn()
                best[name] = max(best.get(name, 0.0), len(x) / (time.process_time() - t0))
    print(f"EfficientNet-Lite0 at {args.image_size} px, batch {args.batch}, one thread; load average "
          f"{'/'.join(f'{v:.1f}' for v in os.getloadavg())}; best of {args.rounds} interleaved rounds")
    print(f"{'runtime':<52} {'images/CPU-s':>12} {'vs torch':>9} {'min cosine to fp32':>19}")
    for name in runners:
        o = outs[name].reshape(len(x), -1)
        r = ref.reshape(len(x), -1)
        cos = (o * r).sum(1) / np.linalg.norm(o, axis=1) / np.linalg.norm(r, axis=1)
        print(f"{name:<52} {best[name]:12.1f} {best[name] / best['torch fp32']:8.2f}x {cos.min():19.5f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
