"""The ``dataquality`` command line, run as a real subprocess (``python -m dataquality.cli``)."""

import json
import subprocess
import sys

import pandas as pd
import pytest
from PIL import Image

import dataquality as dq


def run_cli(*args, timeout=300):
    proc = subprocess.run([sys.executable, "-m", "dataquality.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def assert_one_line_error(stderr: str):
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert "Traceback" not in stderr
    errors = [ln for ln in lines if ln.startswith("dataquality: error:")]
    assert len(errors) == 1, stderr
    return errors[0]


@pytest.fixture(scope="module")
def planted(tmp_path_factory, digits):
    X, y = digits
    rates = {"label": 0.1, "unreadable": 0.05, "exact_duplicate": 0.05, "dark": 0.05}
    return dq.datasets.plant_issues(X[:60], y[:60], tmp_path_factory.mktemp("cli_planted"), rates=rates)


@pytest.fixture(scope="module")
def audited(planted, tmp_path_factory):
    """One full audit run through the CLI: its outputs and streams."""
    out = tmp_path_factory.mktemp("cli_out") / "out"
    rc, stdout, stderr = run_cli("audit", planted.root, "--labels", planted.labels_csv, "--embedder", "pixels",
                                 "--image-size", 32, "--out", out, "--fail-under", 0, "--allow-unmeasured",
                                 "--no-progress",
                                 "--cache-dir", out.parent / "cache")
    return out, rc, stdout, stderr


def test_audit_writes_every_output_and_prints_the_report(audited, planted):
    out, rc, stdout, stderr = audited
    assert rc == 0, stderr
    for name in ("report.html", "report.json", "issues.csv", "clean_manifest.csv"):
        assert (out / name).is_file(), name
    assert stdout.startswith("dataquality audit: 63 examples")
    assert "scores: accuracy" in stdout
    report = dq.load_report(out / "report.json")
    issues = pd.read_csv(out / "issues.csv", keep_default_na=False)
    assert set(issues["id"][issues["issue"] == "unreadable"]) == planted.truth["unreadable"]
    assert set(report.flagged("unreadable")) == planted.truth["unreadable"]
    clean = pd.read_csv(out / "clean_manifest.csv")
    assert not set(clean["id"]) & planted.truth["unreadable"]
    # one member of each exact-duplicate set is kept
    dup_ids = planted.truth["exact_duplicate"]
    assert 0 < len(set(clean["id"]) & dup_ids) < len(dup_ids)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="issue-unreadable"' in html and "https://" not in html


def test_audit_refuses_to_overwrite_outputs(audited, planted):
    out, _, _, _ = audited
    before = (out / "report.json").read_text()
    rc, stdout, stderr = run_cli("audit", planted.root, "--labels", planted.labels_csv, "--out", out)
    assert rc == 1
    assert "--overwrite" in assert_one_line_error(stderr)
    assert (out / "report.json").read_text() == before


def test_fail_under_gates_with_exit_code_2(planted, tmp_path):
    out = tmp_path / "gate"
    rc, stdout, stderr = run_cli("audit", planted.root, "--labels", planted.labels_csv, "--checks",
                                 "unreadable,dark", "--out", out, "--fail-under", 99.5, "--no-progress",
                                 "--allow-unmeasured")
    assert rc == 2, stderr
    assert "below --fail-under 99.5" in stderr
    assert (out / "report.json").is_file()  # outputs are written before the gate
    overall = json.loads((out / "report.json").read_text())["scores"]["overall"]
    assert overall < 99.5  # 3 of 63 unreadable, 3 dark


def test_bad_path_is_a_one_line_error(tmp_path):
    rc, stdout, stderr = run_cli("audit", tmp_path / "does_not_exist", "--out", tmp_path / "o")
    assert rc == 1
    assert "does_not_exist" in assert_one_line_error(stderr)
    assert not (tmp_path / "o").exists()


def test_bad_labels_file_is_a_one_line_error(planted, tmp_path):
    bad = tmp_path / "labels.csv"
    bad.write_text("path,label\nimages/99999.png,3\n")  # lists a file that is not there
    rc, _, stderr = run_cli("audit", planted.root, "--labels", bad, "--out", tmp_path / "o")
    assert rc == 1
    assert_one_line_error(stderr)
    assert not (tmp_path / "o").exists()


def test_bad_arguments_exit_1(planted, tmp_path, capsys):
    from dataquality.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["audit", str(planted.root), "--fail-under", "150"])
    assert exc.value.code == 1 and "[0, 100]" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["compare", str(planted.root), "--test", str(tmp_path), "--seeds", "a,b"])
    assert exc.value.code == 1 and "comma-separated integers" in capsys.readouterr().err
    rc = main(["audit", str(planted.root), "--labels", str(planted.labels_csv), "--checks", "no_such_check",
               "--out", str(tmp_path / "o")])
    assert rc == 1
    assert "no_such_check" in assert_one_line_error(capsys.readouterr().err)
    assert main([]) == 1  # no command: help on stderr


def test_version_and_help(capsys):
    from dataquality.cli import main

    rc, stdout, _ = run_cli("--version")
    assert rc == 0 and stdout.strip() == f"dataquality {dq.__version__}"
    for argv, expected in ((["--help"], ("audit", "compare", "Exit codes")),
                           (["audit", "--help"], ("--fail-under", "--labels", "--checks", "--overwrite")),
                           (["compare", "--help"], ("--test", "--seeds", "--mode", "--test-labels"))):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 0
        out = capsys.readouterr().out
        assert all(e in out for e in expected), (argv, out)


def test_console_script_is_installed():
    import shutil

    exe = shutil.which("dataquality")
    if exe is None:
        pytest.skip("the dataquality console script is not on PATH (run `pip install -e .`)")
    proc = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and dq.__version__ in proc.stdout


needs_compare = pytest.mark.skipif(not hasattr(dq, "compare"), reason="dq.compare is not built yet")


@pytest.fixture(scope="module")
def test_folder(tmp_path_factory, digits):
    X, y = digits
    root = tmp_path_factory.mktemp("cli_test_set")
    for i in range(200, 240):
        (root / str(y[i])).mkdir(exist_ok=True)
        Image.fromarray(X[i]).save(root / str(y[i]) / f"{i}.png")
    return root


@needs_compare
def test_compare_bad_test_path_is_a_one_line_error(planted, tmp_path):
    rc, _, stderr = run_cli("compare", planted.root, "--labels", planted.labels_csv, "--test",
                            tmp_path / "missing", "--out", tmp_path / "c")
    assert rc == 1
    assert "missing" in assert_one_line_error(stderr)
    assert not (tmp_path / "c").exists()


@needs_compare
@pytest.mark.slow
def test_compare_writes_table(planted, test_folder, tmp_path):
    out = tmp_path / "cmp"
    rc, stdout, stderr = run_cli("compare", planted.root, "--labels", planted.labels_csv, "--test", test_folder,
                                 "--ood", test_folder, "--seeds", "0", "--model", "pixels", "--out", out,
                                 "--no-progress", timeout=900)
    assert rc == 0, stderr
    table = pd.read_csv(out / "comparison.csv")
    assert {"dirty", "clean", "random_control"} <= set(table["subset"])
    assert any(str(m).startswith("ood_") for m in table["metric"])
    assert "error_rate" in stdout and (out / "comparison.txt").is_file()
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="comparison"' in html and "random_control" in html
