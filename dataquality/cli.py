"""The ``dataquality`` command line: ``audit`` a dataset, ``compare`` training on dirty and cleaned data.

Exit codes: 0 success; 1 bad input or arguments (a one-line message on stderr, no traceback);
2 ``audit --fail-under`` and the overall score is below the bar, or an axis it needs was not
measured (``--allow-unmeasured`` says which may be missing). stdout carries only the report;
progress, logs and the list of written files go to stderr. See docs/report.md.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_FAIL_UNDER = 0, 1, 2

AUDIT_OUTPUTS = ("report.html", "report.json", "issues.csv", "clean_manifest.csv")
COMPARE_OUTPUTS = ("comparison.csv", "comparison.txt", "comparison.png", "report.html")


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors as exit code 1 (bad arguments), as every other bad input."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def _csv_list(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def _int_list(text: str) -> list[int]:
    try:
        return [int(t) for t in _csv_list(text)]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers like 0,1,2 but got {text!r}") from None


def _score(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 100] but got {text!r}") from None
    if not 0 <= v <= 100:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 100] but got {text!r}")
    return v


def _axes(text: str) -> tuple[str, ...]:
    from .checks import AXES

    names = _csv_list(text)
    if names == ["all"]:
        return tuple(AXES)
    bad = [n for n in names if n not in AXES]
    if bad or not names:
        raise argparse.ArgumentTypeError(f"expected 'all' or axis names from {', '.join(AXES)} but got {text!r}")
    return tuple(names)


def _positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        v = 0
    if v <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive integer but got {text!r}")
    return v


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(
        prog="dataquality",
        description="Find what is wrong with ML training data before you train, and prove what fixing it is worth.",
        epilog="Exit codes: 0 success, 1 bad input or arguments, 2 audit score below --fail-under.",
    )
    parser.add_argument("--version", action="version", version=f"dataquality {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    a = sub.add_parser(
        "audit", help="audit a dataset and write report.html, report.json, issues.csv and a cleaned manifest",
        description="Audit a dataset on the four quality axes (accuracy, completeness, consistency, "
                    "representativeness). Writes report.html, report.json, issues.csv and clean_manifest.csv "
                    "into --out and prints the text report.",
        epilog="Exit codes: 0 success, 1 bad input, 2 overall score below --fail-under (or an axis not measured).")
    a.add_argument("path", metavar="PATH", help="image folder, CSV/Parquet manifest, ...")
    a.add_argument("--labels", metavar="FILE", help="a path,label CSV (or the label column of a manifest)")
    a.add_argument("--embedder", default="auto", metavar="NAME",
                   help="embedder name (see dataquality.list_embedders()); default: auto")
    a.add_argument("--image-size", type=_positive_int, metavar="N", help="image side fed to the embedder")
    a.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    a.add_argument("--checks", type=_csv_list, metavar="A,B", help="comma-separated check names (default: all)")
    a.add_argument("--out", default="dq_out", metavar="DIR", help="output folder (default: dq_out)")
    a.add_argument("--fail-under", type=_score, metavar="SCORE",
                   help="exit with code 2 when the overall score is below SCORE (0-100), or when an axis "
                        "was not measured (see --allow-unmeasured)")
    a.add_argument("--allow-unmeasured", nargs="?", const="all", type=_axes, metavar="AXIS,...",
                   help="with --fail-under: do not fail because these axes (default: any) were not measured; "
                        "the overall score is then the mean of the measured axes")
    a.add_argument("--cache-dir", metavar="DIR", help="embedding cache folder (default ~/.cache/dataquality)")
    a.add_argument("--max-gallery", type=_positive_int, default=24, metavar="N",
                   help="examples shown per issue type in report.html (default 24)")
    a.add_argument("--no-progress", action="store_true", help="no progress bars")
    a.add_argument("--overwrite", action="store_true", help="replace existing outputs in --out")
    a.set_defaults(func=_audit)

    c = sub.add_parser(
        "compare", help="train on the dirty and the cleaned data and compare error and hallucination rates",
        description="Run dataquality.compare: the same model, recipe and seeds on the full training set, "
                    "its cleaned subset and a random control; writes comparison.csv, comparison.txt, "
                    "comparison.png and report.html (the audit of TRAIN with the comparison) into --out "
                    "and prints the table.")
    c.add_argument("train", metavar="TRAIN", help="training data (folder, manifest, ...)")
    c.add_argument("--test", required=True, metavar="TEST", help="test data")
    c.add_argument("--labels", metavar="FILE", help="labels of TRAIN")
    c.add_argument("--test-labels", metavar="FILE", help="labels of TEST")
    c.add_argument("--seeds", type=_int_list, default=[0, 1, 2], metavar="0,1,2")
    c.add_argument("--mode", default="linear_probe", choices=("linear_probe", "full"))
    c.add_argument("--model", default="auto", metavar="NAME", help="model name (default: auto)")
    c.add_argument("--image-size", type=_positive_int, metavar="N")
    c.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    c.add_argument("--out", default="dq_compare", metavar="DIR", help="output folder (default: dq_compare)")
    c.add_argument("--no-progress", action="store_true")
    c.add_argument("--overwrite", action="store_true", help="replace existing outputs in --out")
    c.set_defaults(func=_compare)
    return parser


def _refuse_existing(out: Path, names, overwrite: bool) -> None:
    from ._errors import DataQualityError

    if out.exists() and not out.is_dir():
        raise DataQualityError(f"--out {out} is a file; expected a folder (it is created if missing).")
    present = [n for n in names if (out / n).exists()]
    if present and not overwrite:
        raise DataQualityError(f"{out} already holds {', '.join(present)}. Pass --overwrite to replace them, "
                               "or choose another --out.")


def _audit(args) -> int:
    import dataquality as dq

    out = Path(args.out)
    _refuse_existing(out, AUDIT_OUTPUTS, args.overwrite)
    settings = {"image_size": args.image_size} if args.image_size else None
    report = dq.audit(args.path, labels=args.labels, embedder=args.embedder, checks=args.checks,
                      device=args.device, cache_dir=args.cache_dir, progress=not args.no_progress,
                      embedder_settings=settings)
    out.mkdir(parents=True, exist_ok=True)
    report.to_html(out / "report.html", overwrite=True, max_gallery=args.max_gallery)
    report.to_json(out / "report.json", overwrite=True)
    report.issues.to_csv(out / "issues.csv", index=False)
    try:
        report.clean_subset(manifest=out / "clean_manifest.csv", overwrite=True)
    except dq.DataQualityError as exc:  # e.g. cleaning would drop everything: the audit itself still stands
        logging.getLogger("dataquality").warning("No cleaned manifest written: %s", exc)
    print(str(report))  # stdout carries the report and nothing else
    print(f"dataquality: wrote {', '.join(str(out / n) for n in AUDIT_OUTPUTS if (out / n).exists())}",
          file=sys.stderr)
    if args.fail_under is not None:
        return _gate(report, args.fail_under, args.allow_unmeasured or ())
    return EXIT_OK


def _gate(report, bar: float, allowed: tuple[str, ...]) -> int:
    """--fail-under: every axis measured (unless allowed not to be) and the overall score at the bar."""
    missing = (report.findings.get("scores") or {}).get("not_measured") or {}
    blocking = {a: why for a, why in missing.items() if a not in allowed}
    if blocking:
        why = "; ".join(f"{a} ({w})" for a, w in blocking.items())
        print(f"dataquality: --fail-under {bar:g} cannot pass: not measured: {why}. Pass --allow-unmeasured "
              f"{','.join(blocking)} to gate on the measured axes only.", file=sys.stderr)
        return EXIT_FAIL_UNDER
    overall = report.scores.get("overall")
    if overall is None:
        print(f"dataquality: --fail-under {bar:g} cannot pass: no axis was measured.", file=sys.stderr)
        return EXIT_FAIL_UNDER
    if float(overall) < bar:
        print(f"dataquality: overall score {float(overall):.1f} is below --fail-under {bar:g}", file=sys.stderr)
        return EXIT_FAIL_UNDER
    return EXIT_OK


def _compare(args) -> int:
    import dataquality as dq

    from ._errors import DataQualityError

    compare = getattr(dq, "compare", None)
    if compare is None:
        raise DataQualityError("This installation of dataquality has no compare(); update the package.")
    out = Path(args.out)
    _refuse_existing(out, COMPARE_OUTPUTS, args.overwrite)
    kwargs = {"mode": args.mode, "model": args.model, "device": args.device}
    if args.image_size:
        kwargs["image_size"] = args.image_size
    result = compare(train=args.train, test=args.test, labels=args.labels, test_labels=args.test_labels,
                     seeds=tuple(args.seeds), progress=not args.no_progress, **kwargs)
    out.mkdir(parents=True, exist_ok=True)
    table = getattr(result, "table", None)
    if table is not None:
        table.to_csv(out / "comparison.csv", index=False)
    text = result.to_text() if hasattr(result, "to_text") else str(result)
    (out / "comparison.txt").write_text(text + "\n", encoding="utf-8")
    if hasattr(result, "plot"):
        try:
            result.plot(out / "comparison.png", overwrite=True)
        except Exception as exc:  # the numbers are written; a failed figure is not worth failing the run
            logging.getLogger("dataquality").warning("No comparison plot written: %s", exc)
    report = getattr(result, "report", None)  # the audit of TRAIN that defined "clean", with the comparison
    if report is not None and hasattr(report, "to_html"):
        report.to_html(out / "report.html", overwrite=True)
    print(text)
    return EXIT_OK


def main(argv=None) -> int:
    """Entry point of the ``dataquality`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("dataquality: %(levelname)s: %(message)s"))
    log = logging.getLogger("dataquality")
    log.addHandler(handler)
    if log.level == logging.NOTSET:
        log.setLevel(logging.WARNING)
    from ._errors import DataQualityError

    try:
        return args.func(args)
    except DataQualityError as exc:
        message = " ".join(str(exc).split())  # one line, whatever the message's layout
        print(f"dataquality: error: {message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("dataquality: interrupted", file=sys.stderr)
        return 130
    finally:
        log.removeHandler(handler)


if __name__ == "__main__":
    sys.exit(main())
