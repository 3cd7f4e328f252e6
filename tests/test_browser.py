"""Open the HTML report in headless Chromium: no console errors, no network, every image decodes.

The screenshot is kept in ``test-artifacts/report.png`` (git-ignored) for a look by eye.
"""

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import dataquality as dq

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"),
                             shutil.which("google-chrome")) if p and Path(p).exists()), None)

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (/usr/bin/chromium)")]


def chromium(user_dir: Path, *args, timeout=120):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={user_dir}", "--enable-logging=stderr", "--v=0",
             "--host-resolver-rules=MAP * ~NOTFOUND"]  # any network fetch fails loudly in the log
    return subprocess.run([CHROMIUM, *flags, *map(str, args)], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def html_file(tmp_path_factory, digits):
    X, y = digits
    p = dq.datasets.plant_issues(X[:100], y[:100], tmp_path_factory.mktemp("browser_planted"))
    report = dq.audit(p.root, labels=p.labels_csv, embedder="pixels", cache_dir=False, progress=False)
    return report.to_html(tmp_path_factory.mktemp("browser") / "report.html")


def _page_console(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if "CONSOLE" in ln or "Uncaught" in ln or "net::ERR" in ln]


def test_page_runs_without_errors_and_every_image_decodes(html_file, tmp_path):
    proc = chromium(tmp_path / "profile", "--dump-dom", html_file.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _page_console(proc.stderr) == []
    m = re.search(r'<html[^>]*data-dq-ready="1"', proc.stdout)
    assert m, "the page's script did not run to the end"
    loaded = re.search(r'data-dq-images="(\d+)/(\d+)"', proc.stdout)
    assert loaded, "the window load handler did not run"
    ok, total = int(loaded.group(1)), int(loaded.group(2))
    assert total > 20 and ok == total


def test_screenshot(html_file, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    proc = chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000",
                    "--hide-scrollbars", html_file.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert _page_console(proc.stderr) == []
    img = np.asarray(Image.open(shot).convert("L"), dtype=np.float32)
    assert img.shape == (2000, 1280)
    assert img.std() > 20  # not a blank page
    header = img[:60]
    assert header.mean() < 80  # the dark title bar rendered, so the inline CSS applied
