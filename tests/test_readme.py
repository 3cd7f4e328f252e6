"""The README's "In a script" snippet runs as written."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def snippet() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## In a script"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_snippet_calls_compare_with_the_labels_and_the_report():
    code = snippet()
    compare = code[code.index("dq.compare("):]
    compare = compare[: compare.index(")\n") + 1]
    assert "labels=" in compare and "test_labels=" in compare and "report=report" in compare
    compile(code, "README.md", "exec")


@pytest.mark.slow
def test_snippet_runs_as_written(tmp_path):
    proc = subprocess.run([sys.executable, "-c", snippet()], cwd=tmp_path, capture_output=True, text=True,
                          timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "dataquality audit:" in proc.stdout and "error_rate" in proc.stdout
    assert (tmp_path / "report.html").is_file()
