"""Bounded-time fuzzing of the manifest/CSV parser and the image loader (Hypothesis).

    python benchmarks/fuzz.py --seconds 60

Invariants: ``as_dataset(manifest)`` either returns a Dataset or raises DataQualityError;
``read_image_file`` never raises (every failure is a reason string). Crashes found become
regression tests in tests/test_reliability.py.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import dataquality as dq
from dataquality.data._images import read_image_file


def _seed_png() -> bytes:
    buf = io.BytesIO()
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (16, 16, 3), dtype=np.uint8)).save(buf, "PNG")
    return buf.getvalue()


SEED = _seed_png()
stats = {"manifest_cases": 0, "manifest_errors": 0, "image_cases": 0, "image_unreadable": 0}


def fuzz_manifest(tmp: Path, deadline: float):
    @settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: ("path,label\n" + t).encode("utf-8",
                                                                                                   "surrogatepass")))
    def case(data):
        if time.time() > deadline:
            return
        p = tmp / "m.csv"
        p.write_bytes(data)
        stats["manifest_cases"] += 1
        try:
            dq.as_dataset(p)
        except dq.DataQualityError:
            stats["manifest_errors"] += 1

    while time.time() < deadline:
        case()


def fuzz_images(tmp: Path, deadline: float):
    @settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), max_size=8),
           st.integers(0, len(SEED)))
    def case(flips, cut):
        if time.time() > deadline:
            return
        data = bytearray(SEED[:cut] if cut else SEED)
        for pos, val in flips:
            if pos < len(data):
                data[pos] = val
        p = tmp / "x.png"
        p.write_bytes(bytes(data))
        stats["image_cases"] += 1
        li = read_image_file(p)
        assert li.ok or isinstance(li.error, str)
        stats["image_unreadable"] += not li.ok

    while time.time() < deadline:
        case()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=60)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        t0 = time.time()
        fuzz_manifest(Path(d), t0 + args.seconds / 2)
        fuzz_images(Path(d), t0 + args.seconds)
    print(f"fuzzed for {time.time() - t0:.0f} s: {stats}")
    print("no crash: every manifest gave a Dataset or a DataQualityError; every image a picture or a reason")


if __name__ == "__main__":
    main()
