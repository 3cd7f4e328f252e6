#!/usr/bin/env bash
# One-time set-up on a fresh machine: system packages (Fashion-MNIST data, Chromium for the
# browser test) and the library with its dev extras. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  need=""
  [ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || need="$need dataset-fashion-mnist"
  command -v chromium >/dev/null 2>&1 || need="$need chromium"
  if [ -n "$need" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need) >/dev/null 2>&1 \
      || echo "setup: could not install$need (continuing; tests that need them skip with a reason)" >&2
  fi
fi
python -m pip install -q "torch==2.14.1" "torchvision==0.29.1" 2>/dev/null || python -m pip install -q "torch>=2.2" torchvision
python -m pip install -q -e ".[dev,bench,scale]"
# onnxruntime and onnx are core dependencies (CPU inference); fail here, not in the tests, if they did not install
python -c "import onnxruntime, onnx" || { echo "setup: onnxruntime / onnx missing after install" >&2; exit 1; }
