"""Self-contained HTML rendering of an AuditReport (one file: inline CSS, JS, images; no network).

Layout and size bounds are described in docs/report.md.
"""

from __future__ import annotations

import html
import json
import logging
from collections import defaultdict

import numpy as np

from .._axes import AXES, AXIS_QUESTIONS
from ._issue_types import issue_type_sentences, trust_lines
from ._text import partly_measured_lines

logger = logging.getLogger("dataquality")

_CSS = """
:root{--fg:#1d2330;--muted:#5d6677;--line:#e2e5eb;--bg:#f6f7f9;--card:#fff;--good:#1a7f37;--warn:#b26b00;
--bad:#c62828;--accent:#3156a3}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
color:var(--fg);background:var(--bg)}
header{background:#1d2330;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:22px;font-weight:600}
header p{margin:0;color:#c5cbd6}
nav{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);padding:8px 28px;
display:flex;gap:14px;flex-wrap:wrap;align-items:center}
nav a{color:var(--accent);text-decoration:none;font-size:13px}
nav input{margin-left:auto;padding:4px 8px;border:1px solid var(--line);border-radius:4px;min-width:220px}
main{padding:8px 28px 40px;max-width:1400px}
section{margin:22px 0}
h2{font-size:18px;margin:0 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}
.scores{display:grid;grid-template-columns:repeat(5,minmax(150px,1fr));gap:12px}
.score{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.score .name{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.score .value{font-size:32px;font-weight:700;margin:2px 0}
.score .q{font-size:12px;color:var(--muted)}
.score.overall{border-width:2px}
.score.unmeasured .value{font-size:18px;color:var(--muted)}
ul.unmeasured li,ul.label-trust li{margin:2px 0}
.bar{height:6px;background:var(--line);border-radius:3px;overflow:hidden;margin:4px 0 6px}
.bar span{display:block;height:100%}
.good .value{color:var(--good)}.good .bar span{background:var(--good)}
.warn .value{color:var(--warn)}.warn .bar span{background:var(--warn)}
.bad .value{color:var(--bad)}.bad .bar span{background:var(--bad)}
table{border-collapse:collapse;background:var(--card);font-size:13px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef0f4;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
ul.findings{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 10px 10px 30px;
margin:0}
ul.findings li{margin:3px 0}
.plots{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.plots figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px}
.plots img{max-width:100%;height:auto;display:block}
figcaption{font-size:12px;color:var(--muted);max-width:640px;margin-top:4px}
.issue{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:4px 14px 12px;margin:12px 0}
.issue h3 .axis{font-weight:400;color:var(--muted);font-size:13px}
.issue p.more{color:var(--muted);font-size:12px;margin:6px 0 0}
.issue p.what{color:var(--muted);margin:0 0 8px}
.gallery{display:flex;flex-wrap:wrap;gap:10px}
.card{width:150px;border:1px solid var(--line);border-radius:6px;padding:6px;background:#fff;font-size:12px}
.card .thumb{width:136px;height:136px;display:flex;align-items:center;justify-content:center;background:#f0f1f4;
border-radius:4px;overflow:hidden;cursor:zoom-in}
.card .thumb img{max-width:136px;max-height:136px;width:136px;height:136px;object-fit:contain}
.card .thumb img.px{image-rendering:pixelated}
.card .thumb.big{position:fixed;inset:5vh 5vw;width:auto;height:auto;z-index:20;cursor:zoom-out;
background:rgba(20,24,32,.92)}
.card .thumb.big img{width:auto;height:90vh;max-width:90vw;max-height:90vh}
.card .noimg{color:var(--bad);padding:6px;text-align:center;font-size:11px;word-break:break-word}
.card .id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11px;word-break:break-all;
margin-top:4px}
.card .label{color:var(--muted)}
.card .detail{margin-top:2px;word-break:break-word}
.card .sc{float:right;font-weight:600}
.sets{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-start}
.set{display:flex;flex-direction:column;gap:4px;background:var(--card);border:1px solid var(--line);
border-radius:8px;padding:8px}
.set .gallery{gap:6px}
.set .card{width:112px;padding:4px}
.set .card .thumb,.set .card .thumb img{width:102px;height:102px;max-width:102px;max-height:102px}
.set .setname{font-size:12px;color:var(--muted)}
.set .card .id{font-size:10px;word-break:normal;overflow-wrap:anywhere}
.two{display:grid;grid-template-columns:minmax(0,auto) minmax(0,1fr);gap:24px;align-items:start}
.two>section{margin:22px 0 0}
.set .setname b{color:var(--fg)}
td.id,span.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
td.snippet{max-width:520px;white-space:pre-wrap;word-break:break-word}
.muted{color:var(--muted)}
pre{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:8px;overflow:auto;font-size:12px}
.hidden{display:none!important}
footer{color:var(--muted);font-size:12px;padding:0 28px 24px}
@media (max-width:900px){.scores{grid-template-columns:repeat(2,1fr)}.two{grid-template-columns:1fr}}
"""

_JS = """
(function(){
  function ready(fn){if(document.readyState!=='loading'){fn();}else{document.addEventListener('DOMContentLoaded',fn);}}
  ready(function(){
    var box=document.getElementById('dq-filter');
    var items=document.querySelectorAll('[data-id]');
    if(box){box.addEventListener('input',function(){
      var q=box.value.trim().toLowerCase();
      for(var i=0;i<items.length;i++){
        var hit=!q||items[i].getAttribute('data-id').toLowerCase().indexOf(q)>=0;
        items[i].classList.toggle('hidden',!hit);
      }
    });}
    var thumbs=document.querySelectorAll('.thumb');
    for(var j=0;j<thumbs.length;j++){thumbs[j].addEventListener('click',function(){this.classList.toggle('big');});}
    document.documentElement.setAttribute('data-dq-ready','1');
  });
  window.addEventListener('load',function(){
    var imgs=document.images,ok=0;
    for(var k=0;k<imgs.length;k++){if(imgs[k].complete&&imgs[k].naturalWidth>0){ok++;}}
    document.documentElement.setAttribute('data-dq-images',ok+'/'+imgs.length);
  });
})();
"""


def _e(x) -> str:
    return html.escape("" if x is None else str(x), quote=True)


def _overall_text(v) -> str:
    return "not measured" if v is None else f"{float(v):.1f}"


def _grade(v: float) -> str:
    v = round(float(v), 1)  # the colour of the number shown (89.96 reads 90.0, and is green)
    return "good" if v >= 90 else ("warn" if v >= 70 else "bad")


def _label_text(label) -> str:
    return "(no label)" if label is None or (isinstance(label, float) and np.isnan(label)) else str(label)


_SCHEMA1_PREVIEWS = {"image": "image", "text": "text", "tabular": "row"}


class _Items:
    """Loads and renders examples (thumbnails, snippets, rows) once each, on demand."""

    def __init__(self, report, thumb_size: int):
        ds = report.dataset
        if ds is not None and (len(ds) != report.n or list(ds.ids) != list(report.ids)):
            logger.warning("The report's dataset does not match its ids; rendering without thumbnails.")
            ds = None
        self.ds = ds
        self.report = report
        d = report.findings.get("dataset", {})
        self.modality = ds.modality if ds is not None else d.get("modality", "")
        # how an example is shown, as the audit recorded it from the modality (older reports: by its name)
        self.preview = d.get("preview", _SCHEMA1_PREVIEWS.get(self.modality, ""))
        self.thumb_size = thumb_size
        self._cache: dict[int, str] = {}

    def _load(self, i: int):
        try:
            return self.ds.load(i), None
        except Exception as exc:  # files may have moved since the audit; the report still renders
            logger.debug("Could not load example %d for the report: %s", i, exc)
            return None, f"could not load ({type(exc).__name__})"

    def thumb(self, i: int) -> str:
        """HTML for the picture of image example ``i`` (an <img>, or a note why there is none)."""
        if i in self._cache:
            return self._cache[i]
        out = '<div class="noimg">no preview</div>'
        if self.ds is not None and self.preview == "image":
            item, err = self._load(i)
            img = getattr(item, "image", None)
            if img is not None:
                from ._plots import image_to_uri

                try:
                    uri = image_to_uri(img, self.thumb_size)
                    small = max(img.width, img.height) < 100
                    out = (f'<img src="{uri}" alt="{_e(self.report.ids[i])}"'
                           f'{" class=px" if small else ""}>')
                except Exception as exc:
                    out = f'<div class="noimg">no preview ({_e(type(exc).__name__)})</div>'
            else:
                reason = err or getattr(item, "error", None) or "not readable"
                out = f'<div class="noimg">{_e(str(reason)[:120])}</div>'
        self._cache[i] = out
        return out

    def snippet(self, i: int, limit: int = 240) -> str:
        if self.ds is None:
            return ""
        item, err = self._load(i)
        if err:
            return err
        if self.preview == "text":
            s = "" if item is None else str(item)
            return s if len(s) <= limit else s[:limit] + " …"
        if self.preview == "row":
            try:
                pairs = [f"{k}={v}" for k, v in list(item.items())[:8]]
                more = " …" if len(item) > 8 else ""
                return ", ".join(pairs) + more
            except Exception:
                return str(item)[:limit]
        return ""


def _scores_html(report) -> str:
    cards = []
    for name in (*AXES, "overall"):
        v = report.scores.get(name)
        extra = " overall" if name == "overall" else ""
        if v is None:
            cards.append(
                f'<div class="score unmeasured{extra}" id="score-{name}">'
                f'<div class="name">{name}</div><div class="value">not measured</div>'
                f'<div class="bar"><span style="width:0%"></span></div>'
                f'<div class="q">{_e(AXIS_QUESTIONS[name])}</div></div>')
            continue
        v = float(v)
        cards.append(
            f'<div class="score {_grade(v)}{extra}" id="score-{name}">'
            f'<div class="name">{name}</div><div class="value">{v:.1f}</div>'
            f'<div class="bar"><span style="width:{max(0.0, min(v, 100.0)):.1f}%"></span></div>'
            f'<div class="q">{_e(AXIS_QUESTIONS[name])}</div></div>')
    missing = (report.findings.get("scores") or {}).get("not_measured") or {}
    notes = "".join(f'<li id="unmeasured-{_e(a)}"><b>{_e(a)}</b> was not measured: {_e(why)}</li>'
                    for a, why in missing.items())
    notes += "".join(f"<li>{_e(line)}</li>" for line in partly_measured_lines(report))
    trust = "".join(f"<li>{_e(line)}</li>" for line in trust_lines(report))
    return ('<section id="scores"><h2>Scores</h2><div class="scores">' + "".join(cards) + "</div>"
            + (f'<ul class="unmeasured">{notes}</ul>' if notes else "")
            + (f'<ul class="label-trust">{trust}</ul>' if trust else "")
            + '<p class="muted">0-100, higher is better: 100 × (1 − share of the judged examples with at least one '
            "issue of that axis); overall is the mean of the measured axes. An axis none of whose checks ran, "
            "or could judge the data, is not measured (never 100).</p></section>")


def _summary_html(report) -> str:
    summ = report.summary
    if not len(summ):
        return '<section id="summary"><h2>Issues found</h2><p>No checks ran.</p></section>'
    rows = []
    idle = (report.findings.get("scores") or {}).get("checks_not_measuring") or {}
    for name, r in summ.iterrows():
        link = f'<a href="#issue-{_e(name)}">{_e(name)}</a>' if r["count"] else _e(name)
        if name in (report.errors or {}):  # it failed: not "0 found" (its error is under "About this run")
            rows.append(f'<tr><td>{link}</td><td>{_e(r["axis"])}</td><td class="num" colspan="2" '
                        f'style="color:var(--bad)">failed</td></tr>')
            continue
        if name in idle:
            rows.append(f'<tr><td>{link}</td><td>{_e(r["axis"])}</td><td class="num" colspan="2">not measured</td></tr>')
            continue
        rows.append(f'<tr><td>{link}</td><td>{_e(r["axis"])}</td><td class="num">{int(r["count"])}</td>'
                    f'<td class="num">{r["rate"]:.1%}</td></tr>')
    return ('<section id="summary"><h2>Issues found</h2><table><thead><tr><th>issue type</th><th>axis</th>'
            '<th class="num">examples</th><th class="num">share</th></tr></thead><tbody>' + "".join(rows)
            + "</tbody></table></section>")


def finding_sentences(report) -> list[str]:
    """Dataset-level findings in plain words (HTML-escaped sentences)."""
    f = report.findings or {}
    out: list[str] = []
    d = f.get("dataset", {})
    if d:
        from ._text import reading_lines

        out.append(f"{d.get('n_examples', report.n)} {d.get('modality', '')} examples in "
                   f"{d.get('n_classes', 0)} classes.")
        out += [line[0].upper() + line[1:] + "." for line in reading_lines(d)]
        if d.get("duplicate_manifest_rows"):
            out.append(f"The manifest lists the same file more than once ({d['duplicate_manifest_rows']}).")
    lab = f.get("labels", {})
    # the balance is over the examples that could be read, as imbalance_ratio is, where some could not
    readable = lab.get("readable_class_counts")
    counts = readable or lab.get("class_counts") or {}
    if counts:
        big = max(counts, key=counts.get)
        small = min(counts, key=counts.get)
        ratio = lab.get("imbalance_ratio")
        if ratio is not None:
            what = " readable examples" if readable else ""
            rtxt = (f"infinite (a class has no{what or ' examples'})" if ratio in ("inf", float("inf"))
                    else f"{float(ratio):.1f}")
            out.append(f"Class balance: the largest class ({big!r}, {counts[big]}{what}) over the smallest "
                       f"({small!r}, {counts[small]}{what}) is {rtxt}.")
    if lab.get("class_counts_note"):  # a class none (or few) of whose files could be read
        note = str(lab["class_counts_note"])
        out.append(note[0].upper() + note[1:] + ("" if note.endswith(".") else "."))
    below = lab.get("classes_below_min_count")
    if below:
        out.append(f"Classes with fewer than {lab.get('min_count', '?')} examples: "
                   + ", ".join(f"{k!r} ({v})" for k, v in below.items()) + ".")
    if lab.get("declared_classes_without_examples"):
        out.append("Declared classes with no examples: " + _short_list(lab["declared_classes_without_examples"]) + ".")
    if lab.get("classes_not_declared"):
        out.append("Labels that are not among the declared classes: " + _short_list(lab["classes_not_declared"]) + ".")
    if lab.get("label_vocabulary_clashes"):
        out.append("Label spellings that probably mean the same class: "
                   + "; ".join(" / ".join(map(str, g)) for g in lab["label_vocabulary_clashes"]) + ".")
    if lab.get("label_types"):
        out.append(f"Labels mix types: {lab['label_types']}.")
    out += issue_type_sentences(report)
    shift = f.get("distribution_shift")
    if isinstance(shift, dict):
        if "p_value" in shift:
            verdict = "differs from" if shift.get("shifted") else "shows no significant difference from"
            out.append(f"Distribution shift: the data {verdict} the reference set "
                       f"(MMD {float(shift['statistic']):.4f}, p = {float(shift['p_value']):.3f}, "
                       f"{shift.get('n', '?')} vs {shift.get('n_reference', '?')} examples).")
        elif shift.get("note"):
            out.append(f"Distribution shift: {shift['note']}.")
    return [_e(s) for s in out]


def _short_list(xs, k: int = 8) -> str:
    xs = list(xs)
    s = ", ".join(str(x) for x in xs[:k])
    return s + (f" and {len(xs) - k} more" if len(xs) > k else "")


def _findings_html(report) -> str:
    items = "".join(f"<li>{s}</li>" for s in finding_sentences(report)) or "<li>No dataset-level findings.</li>"
    from ._json import _clean

    raw = _e(json.dumps(_clean(report.findings), indent=1, ensure_ascii=False))
    return ('<section id="findings"><h2>Dataset-level findings</h2><ul class="findings">' + items + "</ul>"
            f"<details><summary>all findings (JSON)</summary><pre>{raw}</pre></details></section>")


def _plots_html(report) -> str:
    from . import _plots

    figs = []
    counts = report.findings.get("labels", {}).get("class_counts")
    if counts:
        try:
            figs.append(f'<figure id="class-distribution"><img src="{_plots.class_distribution(counts)}" '
                        'alt="examples per class"><figcaption>Examples per class (missing labels not '
                        "counted).</figcaption></figure>")
        except Exception as exc:
            logger.warning("Class distribution plot failed: %s", exc)
    nm = report.findings.get("label", {}).get("noise_matrix")
    if nm and nm.get("classes"):
        try:
            uri = _plots.noise_matrix(nm["classes"], nm["given_by_suggested"])
            figs.append(f'<figure id="noise-matrix"><img src="{uri}" alt="label-noise matrix">'
                        '<figcaption>Among examples flagged as likely mislabelled: '
                        "rows are the label given, columns the label the model suggests.</figcaption></figure>")
        except Exception as exc:
            logger.warning("Noise matrix plot failed: %s", exc)
    if not figs:
        body = '<p class="muted">No labels, so no class distribution or label-noise matrix.</p>'
    else:
        body = '<div class="plots">' + "".join(figs) + "</div>"
    return f'<section id="labels-plots"><h2>Labels</h2>{body}</section>'


def _map_html(report, method: str, max_points: int, random_state: int) -> str:
    emb = report.embeddings
    head = '<section id="embedding-map"><h2>Map of the data</h2>'
    if emb is None or len(emb) != report.n or report.n < 3:
        return head + '<p class="muted">No embeddings in this report (e.g. loaded from JSON), so no map.</p></section>'
    from . import _plots

    flagged_idx = np.unique(report.issues["index"].to_numpy(int)) if len(report.issues) else np.zeros(0, int)
    rng = np.random.default_rng(random_state)
    rest = np.setdiff1d(np.arange(report.n), flagged_idx)
    all_flagged = len(flagged_idx)
    if all_flagged > 0.8 * max_points:  # large data: a sample of the flagged too, so the map stays cheap
        flagged_idx = np.sort(rng.choice(flagged_idx, int(0.8 * max_points), replace=False))
    room = max(max_points - len(flagged_idx), 0)
    if len(rest) > room:
        rest = np.sort(rng.choice(rest, room, replace=False))
    rows = np.union1d(flagged_idx, rest)
    X = np.asarray(emb[rows], dtype=np.float32)
    ok = np.isfinite(X).all(axis=1) & (np.abs(X).sum(axis=1) > 0)  # unreadable examples embed as zeros
    unplaced = int(np.isin(rows[~ok], flagged_idx).sum())  # flagged, but with no embedding to place them by
    rows, X = rows[ok], X[ok]
    if len(rows) < 3:
        return head + '<p class="muted">Too few embedded examples for a map.</p></section>'
    try:
        Y, used = _plots.project_2d(X, method=method, random_state=random_state)
        pos = {int(r): k for k, r in enumerate(rows)}
        groups = defaultdict(list)
        for idx, name in zip(report.issues["index"].to_numpy(int), report.issues["issue"]):
            if int(idx) in pos:
                groups[name].append(pos[int(idx)])
        uri = _plots.embedding_map(Y, dict(groups), used)
    except Exception as exc:
        logger.warning("Embedding map failed: %s", exc)
        return head + f'<p class="muted">The map could not be drawn ({_e(type(exc).__name__)}).</p></section>'
    note = (f"All {report.n} examples." if len(rows) == report.n else
            f"{len(rows)} of {report.n} examples shown (every flagged one that has an embedding)."
            if len(flagged_idx) == all_flagged else
            f"{len(rows)} of {report.n} examples shown ({len(flagged_idx)} of the {all_flagged} flagged, at random; "
            "the counts in the legend are of those shown).")
    if unplaced:
        note += f" {unplaced} flagged example(s) with no embedding (unreadable, empty) are not drawn."
    return (head + f'<div class="plots"><figure><img src="{uri}" alt="2-D map of the embeddings">'
            f"<figcaption>Each point is an example, placed by its embedding ({_e(used)}). Flagged examples "
            f"are circled by issue type; isolated ones are candidates for outliers, tight clusters for duplicates. "
            f"{_e(note)}</figcaption></figure></div></section>")


def _card(items: _Items, report, row) -> str:
    i = int(row["index"])
    return (f'<div class="card" data-id="{_e(row["id"])}"><div class="thumb" title="click to enlarge">'
            f'{items.thumb(i)}</div><div class="id">{_e(row["id"])}</div>'
            f'<div><span class="label">label: {_e(_label_text(report.labels[i]))}</span>'
            f'<span class="sc" title="score: how surely this is a problem">{float(row["score"]):.2f}</span></div>'
            f'<div class="detail">{_e(row["detail"])}</div></div>')


def _issue_table(items: _Items, report, sub) -> str:
    with_content = items.ds is not None and items.preview in ("text", "row")
    col = items.preview if with_content else ""
    head = ("<tr><th>id</th><th>label</th>" + (f"<th>{col}</th>" if with_content else "")
            + '<th>detail</th><th class="num">score</th></tr>')
    rows = []
    for _, r in sub.iterrows():
        i = int(r["index"])
        content = f'<td class="snippet">{_e(items.snippet(i))}</td>' if with_content else ""
        rows.append(f'<tr data-id="{_e(r["id"])}"><td class="id">{_e(r["id"])}</td>'
                    f"<td>{_e(_label_text(report.labels[i]))}</td>{content}<td>{_e(r['detail'])}</td>"
                    f'<td class="num">{float(r["score"]):.2f}</td></tr>')
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _issues_html(report, items: _Items, max_gallery: int) -> str:
    parts = ['<section id="issues"><h2>Examples by issue type</h2>'
             f'<p class="muted">Per issue type, the {max_gallery} most severe examples (highest score first). '
             "The full list is in <span class=mono>report.issues</span> / issues.csv.</p>"]
    summ = report.summary
    any_shown = False
    for name, s in summ.iterrows():
        if not s["count"]:
            continue
        any_shown = True
        sub = report.issues[report.issues["issue"] == name].sort_values(
            ["score", "index"], ascending=[False, True], kind="stable").head(max_gallery)
        if items.preview == "image" and items.ds is not None:
            body = '<div class="gallery">' + "".join(_card(items, report, r) for _, r in sub.iterrows()) + "</div>"
        else:
            body = _issue_table(items, report, sub)
        more = (f'<p class="more">Showing {len(sub)} of {int(s["count"])}.</p>' if s["count"] > len(sub) else "")
        what = report.describe(name)
        what = f'<p class="what">{_e(what)}</p>' if what else ""
        parts.append(f'<div class="issue" id="issue-{_e(name)}"><h3>{_e(name)} <span class="axis">· {_e(s["axis"])}'
                     f' · {int(s["count"])} example(s), {s["rate"]:.1%}</span></h3>{what}{body}{more}</div>')
    if not any_shown:
        parts.append("<p>No example was flagged.</p>")
    parts.append("</section>")
    return "".join(parts)


def _duplicates_html(report, items: _Items, max_sets: int) -> str:
    set_issues = report.set_issues
    dup = report.issues[report.issues["issue"].isin(set_issues) & (report.issues["group"].astype(str) != "")]
    head = '<section id="duplicates"><h2>Duplicate sets</h2>'
    if not len(dup):
        return head + '<p class="muted">No duplicate sets found.</p></section>'
    sets = []
    for (issue, group), grp in dup.groupby(["issue", "group"], sort=False):
        members = sorted(set(grp["index"].to_numpy(int)))
        sets.append((issue, group, members, float(grp["score"].max())))
    # exact sets first (by name: the duplicate checks' order of strictness), then by size and severity
    rank = {name: k for k, name in enumerate(sorted(set_issues))}
    sets.sort(key=lambda t: (rank.get(t[0], len(rank)), -len(t[2]), -t[3], t[2][0]))
    shown = sets[:max_sets]
    show_images = items.preview == "image" and items.ds is not None
    rows = []
    for issue, group, members, score in shown:
        kind = issue.removesuffix("_duplicate")
        labels = [_label_text(report.labels[m]) for m in members]
        # as conflicting_labels judges: among the members that have a label (one without is missing_label's)
        clash = len(set(labels) - {_label_text(None)}) > 1
        name = (f'<div class="setname"><b>{_e(kind)} set</b> {_e(group)} · {len(members)} members'
                + (' · <span style="color:var(--bad)">labels differ</span>' if clash else "") + "</div>")
        cards = []
        for m in members[:8]:
            rid = report.ids[m]
            if show_images:
                pic = f'<div class="thumb" title="click to enlarge">{items.thumb(m)}</div>'
            elif items.ds is not None and items.preview in ("text", "row"):
                pic = f'<div class="detail">{_e(items.snippet(m, 160))}</div>'
            else:
                pic = ""
            cards.append(f'<div class="card" data-id="{_e(rid)}">{pic}<div class="id">{_e(rid)}</div>'
                         f'<div class="label">label: {_e(_label_text(report.labels[m]))}</div></div>')
        extra = f'<div class="muted">+{len(members) - 8} more</div>' if len(members) > 8 else ""
        rows.append(f'<div class="set">{name}<div class="gallery">{"".join(cards)}{extra}</div></div>')
    more = (f'<p class="more muted">Showing {len(shown)} of {len(sets)} sets.</p>' if len(sets) > len(shown) else "")
    return head + '<div class="sets">' + "".join(rows) + "</div>" + more + "</section>"


def _comparison_html(report) -> str:
    comp = getattr(report, "comparison", None)
    if comp is None:
        return ""
    parts = ['<section id="comparison"><h2>What cleaning is worth</h2>']
    curves = getattr(comp, "risk_coverage", None)
    if curves is not None and len(curves):
        try:
            from ._plots import risk_coverage

            parts.append('<figure id="risk-coverage"><img alt="risk-coverage curves" src="' + risk_coverage(curves)
                         + '"><figcaption>Risk-coverage: each model answers only its most confident test inputs; '
                         "the curve is the error among those answered, per share answered (mean over seeds, "
                         "95% band). Lower is better at every coverage.</figcaption></figure>")
        except Exception as exc:
            logger.warning("Risk-coverage plot could not be rendered: %s", exc)
    to_text = getattr(comp, "to_text", None)
    if callable(to_text):
        try:
            parts.append(f"<pre>{_e(to_text())}</pre>")
        except Exception as exc:
            logger.warning("Comparison text could not be rendered: %s", exc)
    table = getattr(comp, "table", None)
    if table is not None and hasattr(table, "to_html"):
        try:
            parts.append("<details><summary>Every number (one row per subset and metric)</summary>"
                         + table.to_html(border=0, float_format=lambda v: f"{v:.4g}", na_rep="") + "</details>")
        except Exception as exc:
            logger.warning("Comparison table could not be rendered: %s", exc)
    parts.append("</section>")
    return "".join(parts)


def _run_html(report) -> str:
    rows = []
    cfg = report.config or {}
    if cfg.get("embedder"):
        rows.append(f"<li>embedder: <span class=mono>{_e(cfg['embedder'])}</span>, "
                    f"device {_e(cfg.get('device', '?'))}</li>")
    rows.append(f"<li>checks run: {_e(', '.join(report.checks_run)) or 'none'}</li>")
    for k, v in (cfg.get("skipped_checks") or {}).items():
        rows.append(f"<li>skipped <b>{_e(k)}</b>: {_e(v)}</li>")
    for k, v in (report.errors or {}).items():
        rows.append(f'<li style="color:var(--bad)">check <b>{_e(k)}</b> failed: {_e(v)}</li>')
    total = (report.timings or {}).get("total")
    if total is not None:
        rows.append(f"<li>audit time: {float(total):.1f} s</li>")
    return f'<section id="run"><h2>About this run</h2><ul class="findings">{"".join(rows)}</ul></section>'


def render_html(report, *, max_gallery: int = 24, thumb_size: int = 96, map_method: str = "auto",
                max_map_points: int = 5000, title: str = "dataquality report", random_state: int = 0) -> str:
    """The report as one self-contained HTML page (inline CSS, JS and images; no network access).

    Parameters
    ----------
    max_gallery : most severe examples shown per issue type (and duplicate sets shown).
    thumb_size : longest side of the inlined thumbnails, in pixels.
    map_method : ``"auto"`` (t-SNE up to 300 mapped examples, PCA above), ``"pca"`` or ``"tsne"``.
    max_map_points : the map shows every flagged example and a random sample of the rest up to this many.
    """
    from .._errors import DataQualityError

    for name, value, low in (("max_gallery", max_gallery, 0), ("thumb_size", thumb_size, 1),
                             ("max_map_points", max_map_points, 0)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise DataQualityError(f"Expected argument `{name}` to be an integer >= {low} but got {value!r}.")
    if map_method not in ("auto", "pca", "tsne"):
        raise DataQualityError(f"Expected `map_method` in ('auto', 'pca', 'tsne') but got {map_method!r}.")
    max_gallery = int(max_gallery)
    items = _Items(report, int(thumb_size))
    modality = items.modality or "unknown"
    from .._version import __version__

    subtitle = (f"{report.n} {modality} examples · {len(report.classes)} classes · "
                f"overall score {_overall_text(report.scores.get('overall'))}"
                + ("" if report.dataset is not None else " · loaded from JSON (no previews)"))
    sections = [("scores", "Scores"), ("summary", "Issues"), ("findings", "Findings")]
    if getattr(report, "comparison", None) is not None:
        sections.append(("comparison", "Comparison"))
    sections += [("labels-plots", "Labels"), ("issues", "Examples"), ("duplicates", "Duplicates"),
                 ("embedding-map", "Map"), ("run", "Run")]
    nav = "".join(f'<a href="#{a}">{t}</a>' for a, t in sections)
    body = [
        _scores_html(report),
        f'<div class="two">{_summary_html(report)}{_findings_html(report)}</div>',
        _comparison_html(report), _plots_html(report),
        _issues_html(report, items, max_gallery), _duplicates_html(report, items, max_gallery),
        _map_html(report, map_method, int(max_map_points), random_state), _run_html(report),
    ]
    from .._io import utf8_text

    return utf8_text(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><p>{_e(subtitle)}</p></header>"
        f'<nav>{nav}<input id="dq-filter" type="search" placeholder="filter examples by id" '
        'aria-label="filter examples by id"></nav>'
        f"<main>{''.join(body)}</main>"
        f"<footer>Generated by dataquality {_e(__version__)}. A single file: no network access needed.</footer>"
        f"<script>{_JS}</script></body></html>\n"
    )
