"""CPU inference of the torch image backbones with ONNX Runtime.

Measured on the build machine (docs/benchmarks.md, "CPU inference options"): EfficientNet-Lite0 on
one thread runs about 2x the images per CPU-second of torch channels_last under ONNX Runtime fp32,
with embeddings equal within float16 rounding (the precision the image pass stores). So on a CPU
the backbone is exported to ONNX once (kept in the cache directory, keyed by the embedder's
identity) and each loader worker runs its own ONNX Runtime session on one intra-op thread, as it
ran torch before. On a GPU the model stays in torch.

The runtime is not part of the embedder's cache identity: both give the same float16 vectors up to
one unit in the last place (tested), so a cache entry written by one serves the other.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import warnings
from dataclasses import dataclass, field

import numpy as np

from .._errors import DataQualityError, MissingDependencyError

logger = logging.getLogger("dataquality")

RUNTIMES = ("auto", "torch", "onnx")
# bump when the exported graph changes for the same model (export arguments, verification)
EXPORT_VERSION = 1
# the exported graph must reproduce the torch model on a test batch this closely, else it is not used
MIN_COSINE = 0.9999

# exports made in this process (key -> bytes): a second audit with the cache off exports nothing again
_EXPORTS: dict[str, bytes] = {}
# sessions by (process id, key, threads); never removed: a forked child must not destroy its
# parent's session (its thread pool does not exist in the child)
_SESSIONS: dict[tuple, object] = {}
_SAID: set[str] = set()


class OnnxUnavailable(DataQualityError):
    """ONNX Runtime cannot run this model here (not installed, or the export failed or disagreed)."""


def _missing(module: str) -> MissingDependencyError:
    return MissingDependencyError(
        f"CPU inference with ONNX Runtime needs {module!r}, a dependency of dataquality that is not "
        "installed here: pip install onnxruntime onnx (or reinstall dataquality); runtime='torch' runs "
        "the model in torch instead.")


@dataclass(frozen=True)
class OnnxModel:
    """An exported backbone: the ONNX bytes and the key they are stored under. Picklable, so loader
    workers and Ray actors receive it with the embedder and open their own session."""

    key: str
    data: bytes = field(repr=False)

    def session(self):
        """This process's ONNX Runtime session, on as many intra-op threads as torch has here (one in
        a loader worker)."""
        import torch

        threads = max(1, torch.get_num_threads())
        slot = (os.getpid(), self.key, threads)
        sess = _SESSIONS.get(slot)
        if sess is None:
            try:
                import onnxruntime as ort
            except ImportError as exc:
                raise _missing("onnxruntime") from exc
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            opts.log_severity_level = 3  # errors only: the graph optimiser's notes are not the user's business
            sess = ort.InferenceSession(self.data, opts, providers=["CPUExecutionProvider"])
            _SESSIONS[slot] = sess
        return sess

    def run(self, x: np.ndarray) -> np.ndarray:
        out = self.session().run(None, {"x": np.ascontiguousarray(x, dtype=np.float32)})[0]
        return out.reshape(len(out), -1)


def export_key(embedder) -> str:
    """The cache key of ``embedder``'s exported graph: its identity (class, version, settings with
    the input size) and the torch that exported it."""
    import torch

    parts = {"onnx_export": EXPORT_VERSION, "embedder": embedder.identity(), "torch": torch.__version__}
    return "onnx-" + hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode()).hexdigest()[:32]


def export(model, image_size: int) -> bytes:
    """``model`` (a torch module, images -> pooled features) as ONNX bytes for ``image_size`` px
    inputs, any batch size. The graph is traced at that size (a backbone with TF "same" padding
    computes its padding from the input size), so one export serves one size."""
    import torch

    try:
        import onnx  # noqa: F401 - torch's exporter writes the graph with it
    except ImportError as exc:
        raise _missing("onnx") from exc
    x = torch.randn(2, 3, image_size, image_size, generator=torch.Generator().manual_seed(0))
    buf = io.BytesIO()
    with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation and tracer notes
        kw = dict(input_names=["x"], output_names=["y"], dynamic_axes={"x": {0: "n"}, "y": {0: "n"}})
        try:  # the TorchScript exporter: no extra dependency (torch >= 2.9 defaults to torch.export's)
            torch.onnx.export(model, x, buf, dynamo=False, **kw)
        except TypeError:  # torch < 2.5 has only the TorchScript exporter, without the argument
            torch.onnx.export(model, x, buf, **kw)
    return buf.getvalue()


def agreement(model, onnx_model: OnnxModel, image_size: int) -> float:
    """Smallest cosine similarity between torch's and ONNX Runtime's outputs on a test batch."""
    import torch

    x = torch.randn(4, 3, image_size, image_size, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        ref = model(x).float().flatten(1).numpy()
    out = onnx_model.run(x.numpy())
    if out.shape != ref.shape:
        return -1.0
    num = (out * ref).sum(1)
    den = np.linalg.norm(out, axis=1) * np.linalg.norm(ref, axis=1)
    return float(np.min(num / np.maximum(den, 1e-12)))


def onnx_model_for(embedder, store=None) -> OnnxModel:
    """``embedder``'s backbone as ONNX, from this process, the cache ``store`` or a new export
    (checked against torch on a test batch, then stored). Raises :class:`OnnxUnavailable` or
    :class:`MissingDependencyError` when ONNX Runtime cannot run it here."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError as exc:
        raise _missing("onnxruntime") from exc
    key = export_key(embedder)
    data = _EXPORTS.get(key)
    if data is None and store is not None:
        data = store.load_file(key, "model.onnx")
    if data is not None:
        _EXPORTS[key] = data
        return OnnxModel(key, data)
    size = embedder._size()
    model = embedder._model if embedder._model is not None else embedder.build().eval()
    try:
        data = export(model, size)
        candidate = OnnxModel(key, data)
        cos = agreement(model, candidate, size)
    except MissingDependencyError:
        raise
    except Exception as exc:
        raise OnnxUnavailable(f"exporting {embedder.name} to ONNX failed ({type(exc).__name__}: {exc})") from exc
    if not cos > MIN_COSINE:
        raise OnnxUnavailable(f"the ONNX export of {embedder.name} does not reproduce torch's outputs "
                              f"(cosine {cos:.6f} <= {MIN_COSINE})")
    _EXPORTS[key] = data
    if store is not None:
        store.save_file(key, "model.onnx", data, {"embedder": embedder.identity()})
    logger.info("%s exported to ONNX (%.1f MB)%s", embedder.name, len(data) / 2 ** 20,
                f", cached as {store.path(key) / 'model.onnx'}" if store is not None and store.enabled else "")
    return OnnxModel(key, data)


def say_once(message: str, *args, level: int = logging.WARNING) -> None:
    """Log a fallback's reason once per process (every audit would otherwise repeat it)."""
    text = message % args if args else message
    if text not in _SAID:
        _SAID.add(text)
        logger.log(level, text)
