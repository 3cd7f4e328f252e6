#!/usr/bin/env bash
# The prepared GPU check, one command for the device tool (nvidia-h200), after benchmarks/gpu_wheels.sh:
#   run(command="bash benchmarks/gpu_check.sh", carry=[".whl"], timeout_s=590)
# 1. the CUDA path of the test suite (DQ_DEVICE=cuda), 2. the end-to-end throughput benchmark on
# synthetic 500x375 JPEGs at 224 px (decode on the GPU with nvjpeg, bf16 embedding, probe and kNN on
# the GPU) at two sizes, with per-stage times and peak host / device memory, 3. the 1M-row scale audit of
# precomputed embeddings (neighbors="auto" is exact search on the GPU up to 2M rows), 4. one full
# profile of the image pass's stages, 5. where the calibration's copies spend their time. About 9.5 minutes at most
# (the run of 2026-12-06 took 381 s of it). Output under $OUT; record it in docs/benchmarks.md.
set -uo pipefail
export PYTHONUNBUFFERED=1 OUT="${OUT:-/tmp/out}"
mkdir -p "$OUT"
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl || exit 1
export PYTHONPATH="$PWD:/tmp/site"
nvidia-smi --query-gpu=name,memory.total --format=csv | tee "$OUT/gpu.txt"
python3 -c "import torch, dataquality as dq; print(torch.__version__, torch.cuda.is_available(), dq.list_embedders())"
DQ_DEVICE=cuda timeout 90 python3 -m pytest -q -x -p no:cacheprovider tests/test_embeddings.py tests/test_checks.py \
  tests/test_audit.py tests/test_image_stats_parity.py 2>&1 | tail -15 | tee "$OUT/tests.txt"
timeout 220 python3 benchmarks/throughput_memory.py --device cuda --n 20000 50000 --size 500x375 --image-size 224 \
  --batch-size 512 --num-workers 16 --json "$OUT/throughput.json" 2>&1 | tail -40 | tee "$OUT/throughput.txt"
# 3. the scale benchmark's 1M audit on this machine (16 cores and the GPU)
timeout 180 python3 benchmarks/scale.py --n 1000000 --workdir /tmp/dq-scale 2>&1 | tail -30 | tee "$OUT/scale_1m.txt"
# 4. each stage of the device image pass alone (the full fine-tuning run was measured on 2026-12-04: 50.7 s,
# docs/benchmarks.md "GPU")
timeout 80 python3 benchmarks/pipeline_profile.py --device cuda --n 4096 --batch-size 512 --no-audit 2>&1 \
  | tail -25 | tee "$OUT/profile.txt"
# 5. the calibration's copies split by step (8.4-9.1 s of the 50,000-image audit on 2026-12-06's H100)
timeout 100 python3 benchmarks/calibration_profile.py --device cuda --n 3200 2>&1 | tail -12 | tee "$OUT/calibration.txt"
