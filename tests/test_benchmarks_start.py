"""Every benchmark script starts (its imports resolve against the library as it is now): a moved or
renamed module breaks a benchmark silently otherwise, since CI runs none of them in full."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = sorted(p for p in (Path(__file__).resolve().parents[1] / "benchmarks").glob("*.py")
                    if not p.name.startswith("_"))


def test_the_benchmarks_folder_is_found():
    assert len(BENCHMARKS) >= 5


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.name)
def test_benchmark_script_starts(script):
    out = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120,
                         cwd=script.parents[1])
    assert out.returncode == 0, out.stderr[-2000:]
    assert "usage:" in out.stdout
