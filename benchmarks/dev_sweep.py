"""DEVELOPMENT sweep: one or a few checks over the planted sets of the generators already run (never a claim).

Every evaluation generator of ``benchmarks/detection.py`` is run once on the library as it then is and then becomes
development data (docs/benchmarks.md). This script is the loop for that development: it plants the chosen sets once
(seed 0, the same pictures as ``detection.py``) into a cache folder, audits each with the chosen checks and
settings, and prints per set the planted examples found and the other examples flagged, per planted family where
the generator records them (``families.json``: generators I and after), and the totals. Run it before and after a
change, with ``--settings`` to try a value without editing the code, and compare the two JSON files.

    python benchmarks/dev_sweep.py --checks blurry --sets tiles --embedder pixels
    python benchmarks/dev_sweep.py --checks blurry --sets tiles --embedder pixels --settings '{"blurry": {"min_class": 5}}'
    python benchmarks/dev_sweep.py --checks near_duplicate --sets small --json /tmp/near_after.json
    python benchmarks/dev_sweep.py --checks near_duplicate blurry outlier --sets bf bg --sample-divisor 35

``--sets``: ``all`` (every set of generators A-Y), ``tiles`` (the photograph tile sets), ``small`` (digits and
clothing), a generator's letters (``x``, ``aa``), or set names. A set whose generator has not yet been run once by
``detection.py`` is still held out: leave it out here (``--exclude``). Datalab and CleanVision are not run; what
is claimed comes from ``detection.py``. Only the named checks run, so a flag another check would take over is
kept (``dark``, ``blurry`` and others explain ``outlier``: sweep ``outlier`` with them to see what an audit reports).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _heldout  # noqa: E402
import detection as D  # noqa: E402  (the benchmark's sets, planters and scoring)

# the sets of a generator written but not yet run once by detection.py: still held out, so never in --sets all or a
# letter selection (naming one explicitly is refused too); empty this after the generator's one run
NOT_YET_RUN: tuple[str, ...] = ()


def all_sets() -> list[str]:
    return [n for n in list(_heldout.TUNING + _heldout.EVALUATION) + [n for g in D.FRESH for n in g[0]]
            if n not in NOT_YET_RUN]


def pick_sets(spec: list[str], exclude: list[str]) -> list[str]:
    names = all_sets()
    out = []
    for s in spec:
        if s == "all":
            out += names
        elif s == "tiles":
            out += [n for n in names if n.startswith("photos")]
        elif s == "small":
            out += [n for n in names if not n.startswith("photos")]
        elif s.isalpha() and len(s) <= 2:  # a generator's letters: x, aa
            out += [n for n in names if n.split("_jpeg")[0].endswith(f"_{s.lower()}")]
        elif s in names:
            out.append(s)
        else:
            raise SystemExit(f"unknown set {s!r}: all, tiles, small, a generator's letters, or one of {names}")
    seen = set(exclude)
    return [n for n in out if not (n in seen or seen.add(n))]


def planted(name: str, cache: Path):
    """The planted set ``name`` (seed 0) from ``cache``, planted there first if it is not."""
    root = cache / name
    if not (root / "origin.json").exists():
        X, y = D.make_datasets([name], False, 3000)[name]
        p = D.plant_set(name, X, y, root, 0)
        (root / "origin.json").write_text(json.dumps(p.origin))
    truth = {k: set(v) for k, v in json.loads((root / "truth.json").read_text()).items()}
    return SimpleNamespace(root=root, labels_csv=root / "labels.csv", truth=truth,
                           origin=json.loads((root / "origin.json").read_text()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checks", nargs="+", required=True, help="the checks to run (and score)")
    ap.add_argument("--sets", nargs="+", default=["all"])
    ap.add_argument("--exclude", nargs="+", default=[], help="sets to leave out (a generator not yet run once)")
    ap.add_argument("--settings", default="{}", help='JSON {check: {setting: value}} passed to dq.audit(checks=...)')
    ap.add_argument("--embedder", default="efficientnet_lite0", help="pixels is faster where the check allows")
    ap.add_argument("--image-size", type=int, default=64)
    ap.add_argument("--cache", default=str(Path.home() / ".cache" / "dataquality-dev-sets"),
                    help="where the planted sets are kept between runs")
    ap.add_argument("--sample-divisor", type=int, default=None,
                    help="the calibration samples this fraction of the readable images (compute/_synthetic.py: "
                         "SAMPLE_DIVISOR) instead of the library's; the cached copies of the sources in both samples "
                         "are read back")
    ap.add_argument("--json", default=None, help="write every set's result here")
    ap.add_argument("--flags", action="store_true", help="with --json: also every flagged example's path, per set")
    ap.add_argument("--audit-cache", default=None,
                    help="a folder for each set's audit cache (embeddings, image passes; one subfolder a set), so that "
                         "a second sweep of other check settings reads them back: a near_duplicate sweep of every set "
                         "took about 35 minutes uncached and 1.5 cached on 2 cores, with the same flags")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    settings = json.loads(args.settings)
    if args.sample_divisor:
        from dataquality.compute import _synthetic

        _synthetic.SAMPLE_DIVISOR = args.sample_divisor
    checks = {c: settings.get(c, {}) for c in args.checks}
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    results, families = [], []
    for name in pick_sets(args.sets, args.exclude):
        p = planted(name, cache)
        audit_cache = str(Path(args.audit_cache) / name) if args.audit_cache else False
        report, flagged, wall = D.run_dataquality(p, args.image_size, 0, audit_cache, args.embedder, checks)
        everything = set().union(*p.truth.values())
        line = [f"{name:20s} {wall:5.1f}s"]
        for issue in args.checks:
            truth, got = p.truth.get(issue, set()), flagged.get(issue, set())
            r = {"dataset": name, "issue": issue, **D.prf(got, truth), "others": len(got - truth),
                 "unplanted": len(got - everything), **({"flagged": sorted(got)} if args.flags else {})}
            results.append(r)
            line.append(f"{issue} {r['tp']}/{r['n_true']} others {r['others']} (unplanted {r['unplanted']}) "
                        f"F1 {r['f1']:.3f}")
        fam = [f for f in D.found_by_family(p, flagged) if f["issue"] in args.checks]
        families += [{**f, "dataset": name} for f in fam]
        print(" | ".join(line), flush=True)
    print("\n=== totals (development data: every set here has been seen) ===")
    for issue in args.checks:
        rows = [r for r in results if r["issue"] == issue]
        if rows:
            f1 = sum(r["f1"] for r in rows if r["n_true"]) / max(sum(1 for r in rows if r["n_true"]), 1)
            print(f"{issue}: found {sum(r['tp'] for r in rows)} of {sum(r['n_true'] for r in rows)}, others "
                  f"{sum(r['others'] for r in rows)} (unplanted {sum(r['unplanted'] for r in rows)}), mean F1 over "
                  f"the {sum(1 for r in rows if r['n_true'])} sets with it planted {f1:.3f}")
    D.print_families(families)
    if args.json:
        Path(args.json).write_text(json.dumps({"args": vars(args), "sets": results, "families": families}, indent=1))
    return 0


if __name__ == "__main__":
    t0 = time.perf_counter()
    rc = main()
    print(f"\n{time.perf_counter() - t0:.0f} s", file=sys.stderr)
    sys.exit(rc)
