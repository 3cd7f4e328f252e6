"""The ``dataquality`` command line: ``audit`` a dataset, ``compare`` training on dirty and cleaned data.

Exit codes: 0 success; 1 bad input or arguments (a one-line message on stderr, no traceback);
2 ``audit --fail-under`` and the overall score is below the bar, or an axis it needs was not
measured or had a check fail (``--allow-unmeasured`` says which may be missing). stdout carries only the report;
progress, logs and the list of written files go to stderr. See docs/report.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
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


def _check_names(text: str) -> list[str]:
    names = _csv_list(text)
    if not names:  # "--checks ," or an empty variable in a script: not "measure nothing"
        raise argparse.ArgumentTypeError(f"names no check ({text!r}); expected comma-separated check names, or leave "
                                         "--checks out for every check")
    return names


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
    a.add_argument("--root", metavar="DIR",
                   help="folder the paths of a manifest must lie in (default: the manifest's folder)")
    a.add_argument("--labels", metavar="FILE", help="a path,label CSV (or the label column of a manifest)")
    a.add_argument("--embedder", default="auto", metavar="NAME",
                   help="embedder name (see dataquality.list_embedders()); default: auto")
    a.add_argument("--image-size", type=_positive_int, metavar="N", help="image side fed to the embedder")
    a.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    a.add_argument("--checks", type=_check_names, metavar="A,B", help="comma-separated check names (default: all)")
    a.add_argument("--pred-probs", metavar="FILE",
                   help="your model's out-of-fold probabilities for the label check, instead of its own probe: an "
                        "N x K .npy (rows in the dataset's order, columns the classes sorted as report.json's "
                        "classes) or a .csv whose header names the classes")
    a.add_argument("--out", default="dq_out", metavar="DIR", help="output folder (default: dq_out)")
    a.add_argument("--fail-under", type=_score, metavar="SCORE",
                   help="exit with code 2 when the overall score is below SCORE (0-100), or when an axis "
                        "was not measured or a check failed (see --allow-unmeasured)")
    a.add_argument("--allow-unmeasured", nargs="?", const="all", type=_axes, metavar="AXIS,...",
                   help="with --fail-under: do not fail because these axes (default: any) were not measured or "
                        "had a check fail; the overall score is then the mean of the measured axes")
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
    c.add_argument("--ood", metavar="DATA", help="inputs from no training class (held-out classes, another data "
                                                 "set): how often each model answers them confidently")
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


class _OutputFolder:
    """``--out``: checked before the work, filled all at once after it, left clean when the run fails.

    Outputs are written into a fresh hidden folder inside ``--out`` and renamed into place at the
    end, so a failed run leaves no partial set of outputs (and no folder it created) behind.
    """

    def __init__(self, out: Path, names, overwrite: bool):
        self.out, self.names, self.overwrite = out, tuple(names), overwrite
        self.created: list[Path] = []
        self.removed: list[Path] = []
        self.stage: Path | None = None

    def prepare(self) -> None:
        """Refuse, with a one-line reason, an --out that cannot take the outputs; before the work starts."""
        from ._errors import DataQualityError

        out = self.out
        if os.path.lexists(out) and not out.is_dir():
            what = ("a symbolic link to nothing" if out.is_symlink() and not out.exists() else
                    "a file" if out.is_file() else "not a folder")
            raise DataQualityError(f"--out {out} is {what}; expected a folder (it is created if missing).")
        present = [n for n in self.names if os.path.lexists(out / n)]
        dirs = [n for n in present if (out / n).is_dir() and not (out / n).is_symlink()]
        if dirs:
            raise DataQualityError(f"{out} holds folders named {', '.join(dirs)}; remove them or choose "
                                   "another --out.")
        if present and not self.overwrite:
            raise DataQualityError(f"{out} already holds {', '.join(present)}. Pass --overwrite to replace them, "
                                   "or choose another --out.")
        missing, p = [], out
        while not os.path.lexists(p) and p != p.parent:
            missing.append(p)
            p = p.parent
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.created = [m for m in missing if m.is_dir()]
            self.discard()
            what = "a path inside a file" if isinstance(exc, (NotADirectoryError, FileExistsError)) else (
                exc.strerror or type(exc).__name__)
            raise DataQualityError(f"--out {out} cannot be created ({what}); expected a writable folder.") from None
        self.created = missing
        try:
            self.stage = Path(tempfile.mkdtemp(prefix=".dataquality-", dir=out))
        except OSError as exc:
            self.discard()
            raise DataQualityError(f"--out {out} is not writable ({exc.strerror or type(exc).__name__}); "
                                   "expected a writable folder.") from None

    def commit(self) -> list[Path]:
        """Move the staged outputs into --out; return their final paths."""
        from ._errors import DataQualityError

        staged = [n for n in self.names if (self.stage / n).is_file()]
        clash = [n for n in staged if os.path.lexists(self.out / n) and not self.overwrite]
        if clash:
            raise DataQualityError(f"{', '.join(clash)} appeared in {self.out} during the run; nothing was "
                                   "replaced. Pass --overwrite to replace them.")
        written = []
        for name in staged:
            os.replace(self.stage / name, self.out / name)  # replaces a symbolic link, never its target
            written.append(self.out / name)
        # with --overwrite, an output this run did not write (a clean manifest where cleaning was refused) is an
        # earlier run's, of other data perhaps: removed, so that --out never holds outputs of two runs together
        self.removed = [self.out / n for n in self.names
                        if n not in staged and self.overwrite and os.path.lexists(self.out / n)]
        for p in self.removed:
            os.remove(p)
        self._remove_stage()
        return written

    def _remove_stage(self) -> None:
        if self.stage is not None:
            shutil.rmtree(self.stage, ignore_errors=True)
            self.stage = None

    def discard(self) -> None:
        """After a failure: drop what was staged and the folders this run created (when still empty)."""
        self._remove_stage()
        for d in self.created:  # deepest first
            try:
                d.rmdir()
            except OSError:
                pass
        self.created = []


def _say(text: str) -> None:
    """Print to stdout; characters the terminal cannot show (or lone surrogates) become replacements."""
    from ._io import utf8_text

    text = utf8_text(text)
    try:
        try:
            print(text)
        except UnicodeEncodeError:
            enc = sys.stdout.encoding or "utf-8"
            print(text.encode(enc, "replace").decode(enc))
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (`dataquality audit data/ | head`): the outputs are written and the gate still
        # decides the exit code; not "error: Broken pipe" with exit 1, as if the input were bad
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _audit(args) -> int:
    import dataquality as dq

    from ._io import safe_write_text

    out = _OutputFolder(Path(args.out), AUDIT_OUTPUTS, args.overwrite)
    out.prepare()
    try:
        settings = {"image_size": args.image_size} if args.image_size else None
        data = dq.as_dataset(args.path, labels=args.labels, root=args.root)
        report = dq.audit(data, embedder=args.embedder, checks=args.checks, device=args.device,
                          cache_dir=args.cache_dir, progress=not args.no_progress, embedder_settings=settings,
                          pred_probs=_read_pred_probs(args.pred_probs))
        stage = out.stage
        report.to_html(stage / "report.html", max_gallery=args.max_gallery)
        report.to_json(stage / "report.json")
        safe_write_text(stage / "issues.csv", report.issues.to_csv(index=False))
        no_manifest = None
        try:
            report.clean_subset(manifest=stage / "clean_manifest.csv")
        except dq.DataQualityError as exc:  # e.g. cleaning would drop everything: the audit itself still stands
            no_manifest = str(exc)
            logging.getLogger("dataquality").warning("No cleaned manifest written: %s", exc)
        written = out.commit()
    except BaseException:
        out.discard()
        raise
    _say(str(report))  # stdout carries the report and nothing else
    print(f"dataquality: wrote {', '.join(str(p) for p in written)}", file=sys.stderr)
    if out.removed:
        print(f"dataquality: removed {', '.join(str(p) for p in out.removed)}, left by an earlier run"
              + (f" (no clean manifest this time: {no_manifest})" if no_manifest else ""), file=sys.stderr)
    manifest = out.out / "clean_manifest.csv"
    if manifest in written and report.dataset is not None:
        print(f"dataquality: {_manifest_note(report)}; re-audit it with: dataquality audit {manifest} "
              + _reaudit_args(report.dataset, manifest), file=sys.stderr)
    if args.fail_under is not None:
        return _gate(report, args.fail_under, args.allow_unmeasured or ())
    return EXIT_OK


def _read_pred_probs(path):
    """The ``--pred-probs`` file: an N x K array (.npy) or a table whose header names the classes (.csv); None
    without one."""
    if path is None:
        return None
    import numpy as np
    import pandas as pd

    from ._errors import DataQualityError

    p = Path(path)
    if not p.is_file():
        raise DataQualityError(f"--pred-probs {path}: no such file. Expected an N x K .npy array or a .csv whose "
                               "header names the classes.")
    try:
        if p.suffix.lower() == ".csv":  # an "id" column, where there is one, holds the example ids; so does pandas'
            df = pd.read_csv(p, dtype={"id": str, "Unnamed: 0": str})  # unnamed first column (to_csv's index)
            key = "id" if "id" in df.columns else "Unnamed: 0" if list(df.columns[:1]) == ["Unnamed: 0"] else None
            return df.set_index(df[key].astype(str)).drop(columns=key) if key else df
        return np.load(p, allow_pickle=False)
    except (ValueError, OSError, pd.errors.ParserError) as exc:
        raise DataQualityError(f"--pred-probs {path} could not be read ({exc}). Expected an N x K .npy array "
                               "(numpy.save) or a .csv whose header names the classes.") from None


def _manifest_note(report) -> str:
    """What clean_manifest.csv holds and what cleaning left out of it, in one line."""
    from .modalities import get_modality

    ds = report.dataset
    kept = len(report.clean_indices())
    what = ("id,path,label" if ds.paths is not None else "id,label,text" if get_modality(ds.modality).reads_strings
            else "id, the feature columns, label" if ds.features is not None else "id,label")
    dropped = [n for n in report.default_exclude if n in report.checks_run]
    if len(report.empty_examples()):
        dropped.append("empty examples (missing_value at score 1)")
    return (f"clean_manifest.csv holds {kept} of {report.n} examples ({what}); dropped by default: "
            + (", ".join(dropped) or "nothing, none of the checks that drop examples ran"))


def _reaudit_args(ds, manifest: Path) -> str:
    """The options with which ``dataquality audit <clean_manifest.csv>`` reads the cleaned set as the first audit
    read its data: the root of the files, or the label column of a text or table manifest."""
    import csv

    if ds.paths is not None and ds.root:
        return f"--root {ds.root}"
    try:
        with open(manifest, newline="", encoding="utf-8") as fh:
            header = next(csv.reader(fh), [])
    except OSError:
        header = []
    if ds.features is not None and header:
        return f"--labels {header[-1]}"
    return "--labels label"


def _gate(report, bar: float, allowed: tuple[str, ...]) -> int:
    """--fail-under: every axis measured and every check run (unless its axis is allowed not to be), and the
    overall score at the bar. A check that failed leaves its axis scored by the others only: not a pass."""
    from .checks import AXES

    missing = (report.findings.get("scores") or {}).get("not_measured") or {}
    blocking = {a: why for a, why in missing.items() if a not in allowed}
    failed = {name: (report.axis_of(name) or "representativeness", why) for name, why in (report.errors or {}).items()}
    failed = {name: (axis, why) for name, (axis, why) in failed.items()
              if axis not in allowed and axis not in blocking and set(allowed) != set(AXES)}
    if blocking or failed:
        why = "; ".join([f"not measured: {a} ({w})" for a, w in blocking.items()]
                        + [f"check failed: {name} ({axis}: {w})" for name, (axis, w) in failed.items()])
        axes = list(dict.fromkeys([*blocking, *(axis for axis, _ in failed.values())]))
        print(f"dataquality: --fail-under {bar:g} cannot pass: {why}. Pass --allow-unmeasured {','.join(axes)} to "
              "gate on what was measured only.", file=sys.stderr)
        return EXIT_FAIL_UNDER
    overall = report.scores.get("overall")
    if overall is None:
        print(f"dataquality: --fail-under {bar:g} cannot pass: no axis was measured.", file=sys.stderr)
        return EXIT_FAIL_UNDER
    if float(overall) < bar:
        shown = f"{float(overall):.1f}"
        if float(shown) >= bar:  # 89.69 against 89.7: as many digits as show it below the bar
            shown = f"{float(overall):.4g}" if float(f"{float(overall):.4g}") < bar else repr(float(overall))
        print(f"dataquality: overall score {shown} is below --fail-under {bar:g}", file=sys.stderr)
        return EXIT_FAIL_UNDER
    unmeasured = [a for a in AXES if report.scores.get(a) is None]
    ignored = list(report.errors or {})
    of = (f"the mean of {len(AXES) - len(unmeasured)} measured axes ({', '.join(unmeasured)} not measured)"
          if unmeasured else f"the mean of the {len(AXES)} axes")
    print(f"dataquality: --fail-under {bar:g} passed: overall score {float(overall):.1f}, {of}"
          + (f"; failed checks allowed by --allow-unmeasured: {', '.join(ignored)}" if ignored else ""),
          file=sys.stderr)
    return EXIT_OK


def _compare(args) -> int:
    import dataquality as dq

    from ._errors import DataQualityError
    from ._io import safe_write_text

    compare = getattr(dq, "compare", None)
    if compare is None:
        raise DataQualityError("This installation of dataquality has no compare(); update the package.")
    out = _OutputFolder(Path(args.out), COMPARE_OUTPUTS, args.overwrite)
    out.prepare()
    kwargs = {"mode": args.mode, "model": args.model, "device": args.device}
    if args.image_size:
        kwargs["image_size"] = args.image_size
    try:
        if args.ood:
            kwargs["ood"] = args.ood
        result = compare(train=args.train, test=args.test, labels=args.labels, test_labels=args.test_labels,
                         seeds=tuple(args.seeds), progress=not args.no_progress, **kwargs)
        stage = out.stage
        table = getattr(result, "table", None)
        if table is not None:
            safe_write_text(stage / "comparison.csv", table.to_csv(index=False))
        text = result.to_text() if hasattr(result, "to_text") else str(result)
        safe_write_text(stage / "comparison.txt", text + "\n")
        if hasattr(result, "plot"):
            try:
                result.plot(stage / "comparison.png")
            except Exception as exc:  # the numbers are written; a failed figure is not worth failing the run
                logging.getLogger("dataquality").warning("No comparison plot written: %s", exc)
        report = getattr(result, "report", None)  # the audit of TRAIN that defined "clean", with the comparison
        if report is not None and hasattr(report, "to_html"):
            report.to_html(stage / "report.html")
        out.commit()
    except BaseException:
        out.discard()
        raise
    _say(text)
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
    except OSError as exc:  # the file system refused something (disk full, permissions): no traceback
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"dataquality: error: {exc.strerror or type(exc).__name__}{where}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("dataquality: interrupted", file=sys.stderr)
        return 130
    finally:
        log.removeHandler(handler)


if __name__ == "__main__":
    sys.exit(main())
