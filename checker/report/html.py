"""One self-contained HTML page: no external CSS, scripts, fonts or images.

The page carries a Content-Security-Policy that allows nothing but inline styles, the
one inline script (allowed by its sha256 hash, not by ``'unsafe-inline'``) and
``data:`` images. Every piece of text that comes from a document, a path or a rule is
escaped with :func:`html.escape`. Figures are highlighted with ``<mark>`` from the
quantity and date spans, which are relative to ``claim.text``. The filters are
progressive: with scripts off they stay hidden and every finding is shown (past 200 findings a
scan's findings are data a script renders a page at a time: :mod:`checker.report.html_findings`). The output
is deterministic (no timestamps, stable order, fixed number formatting).
"""

from __future__ import annotations

import base64
import hashlib
import math

import checker
from checker.ledger import ledger_line
from checker.model import SEVERITIES, Claim, Report

from ._common import ReportView, kind_counts, score, severity_counts, summary_line
from ._html_text import e, highlight  # noqa: F401 - the escaping and figure marks every HTML part shares

#: The one inline script; it reads only data- attributes and form values.
SCRIPT = """(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var findings = document.querySelectorAll("article.finding");
  var counter = document.getElementById("shown-count");
  function checked(name) {
    var on = {};
    var boxes = form.querySelectorAll("input[name='" + name + "']");
    for (var i = 0; i < boxes.length; i++) { on[boxes[i].value] = boxes[i].checked; }
    return on;
  }
  function apply() {
    var kinds = checked("kind");
    var severities = checked("severity");
    var doc = form.querySelector("select[name='doc']").value;
    var shown = 0;
    for (var i = 0; i < findings.length; i++) {
      var f = findings[i];
      var docs = f.getAttribute("data-docs").split(" ");
      var ok = kinds[f.getAttribute("data-kind")] !== false &&
        severities[f.getAttribute("data-severity")] !== false &&
        (doc === "" || docs.indexOf(doc) !== -1);
      f.hidden = !ok;
      if (ok) { shown++; }
    }
    if (counter) { counter.textContent = shown + " of " + findings.length + " findings shown"; }
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
})();"""

SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")

#: Nothing may load or run but the inline style, the one script (by hash) and data:
#: images; no <base> may redirect relative URLs and no form may submit anywhere.
CSP = (
    f"default-src 'none'; style-src 'unsafe-inline'; script-src '{SCRIPT_HASH}'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def csp(*hashes: str) -> str:
    """The policy allowing exactly the scripts of these hashes (``CSP``: the page's one script)."""
    return CSP.replace(f"'{SCRIPT_HASH}'", " ".join(f"'{h}'" for h in hashes))

CSS = """
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa;
  --border: #d1d9e0; --error: #b42318; --warning: #8a5300; --info: #0b5cad;
  --supports: #1a7f37; --conflicts: #cf222e; --related: #6e7781; --mark: #fff1a8; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.container { max-width: 1100px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--border); }
h3 { font-size: 1rem; margin: 0; }
/* a page of thousands of findings and rows: the browser lays out only what is on screen */
article.finding { content-visibility: auto; contain-intrinsic-size: auto 10em; }
#summary, #documents, #edges { content-visibility: auto; contain-intrinsic-size: auto 60em; }
.muted, .meta { color: var(--muted); }
.summary-line { font-size: 1.05rem; margin: 4px 0; }
code, .loc, .cid { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.card { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 10px 16px; min-width: 130px; }
.card .n { font-size: 1.6rem; font-weight: 600; display: block; }
.tables { display: flex; flex-wrap: wrap; gap: 24px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--border); padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; border-radius: 999px; padding: 0 9px; font-size: 0.8rem; font-weight: 600;
  border: 1px solid currentColor; line-height: 1.6; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.kind { color: var(--muted); }
.rel-supports { color: var(--supports); } .rel-conflicts { color: var(--conflicts); } .rel-related { color: var(--related); }
form.filters { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 8px 14px; margin: 8px 0 16px; }
form.filters fieldset { border: 0; display: inline-block; margin: 0 18px 0 0; padding: 4px 0; }
form.filters legend { font-weight: 600; padding: 0; margin-right: 6px; float: left; }
form.filters label { margin-right: 10px; white-space: nowrap; }
article.finding { border: 1px solid var(--border); border-left: 4px solid var(--muted); border-radius: 6px;
  padding: 12px 16px; margin: 12px 0; }
article.finding[data-severity="error"] { border-left-color: var(--error); }
article.finding[data-severity="warning"] { border-left-color: var(--warning); }
article.finding[data-severity="info"] { border-left-color: var(--info); }
.finding header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 6px; }
.finding .message { margin: 4px 0 8px; }
ul.claims { list-style: none; padding: 0; margin: 0; }
ul.claims li { margin: 8px 0; }
blockquote { margin: 4px 0 0; padding: 6px 12px; border-left: 3px solid var(--border); background: var(--panel);
  white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 2px; border-radius: 3px; }
mark.date { background: #dbeafe; }
.graph { overflow-x: auto; border: 1px solid var(--border); border-radius: 8px; background: #fff; }
.graph svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
.legend span { margin-right: 16px; }
.swatch { display: inline-block; width: 22px; height: 0; border-top: 3px solid; vertical-align: middle; margin-right: 4px; }
.swatch.related { border-top-style: dashed; }
svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1f2328; }
svg .edge.supports { stroke: #1a7f37; stroke-width: 2.5; }
svg .edge.conflicts { stroke: #cf222e; stroke-width: 3.5; }
svg .edge.related { stroke: #8c959f; stroke-width: 1.2; stroke-dasharray: 5 4; opacity: 0.7; }
svg .node circle { stroke: #1f2328; stroke-width: 1; }
svg .node.flagged circle { stroke: #cf222e; stroke-width: 3; }
svg .node.flagged text { font-weight: 700; }
#show-related:not(:checked) ~ .graph .edge.related { display: none; }
.graph-options { margin: 0 0 0.5em; }
@media print { form.filters { display: none; } article.finding { break-inside: avoid; } }
""".strip()

#: Fill colours given to documents, in order, in the graph.
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#edc948", "#76b7b2", "#ff9da7", "#9c755f")


def _fmt(x: float) -> str:
    """Fixed, deterministic coordinate formatting."""
    s = f"{x:.1f}"
    return "0.0" if s == "-0.0" else s


def _badge(cls: str, text: str) -> str:
    return f'<span class="badge {cls}">{e(text)}</span>'


def _summary(report: Report, view: ReportView) -> list[str]:
    sev = severity_counts(report)
    kinds = kind_counts(report)
    out = [
        '<section id="summary">',
        "<h2>Summary</h2>",
        '<div class="cards">',
        f'<div class="card"><span class="n">{len(report.documents)}</span>documents</div>',
        f'<div class="card"><span class="n">{len(report.claims)}</span>claims</div>',
        f'<div class="card"><span class="n">{len(report.findings)}</span>findings</div>',
        f'<div class="card"><span class="n">{len(report.edges)}</span>edges</div>',
        "</div>",
        '<div class="tables">',
        "<table><caption class=\"muted\">By severity</caption><thead><tr><th>Severity</th><th>Findings</th></tr></thead><tbody>",
    ]
    for s, n in sev.items():
        out.append(f'<tr><td>{_badge("sev-" + e(s), s)}</td><td class="num">{n}</td></tr>')
    out.append("</tbody></table>")
    out.append("<table><caption class=\"muted\">By kind</caption><thead><tr><th>Kind</th><th>Findings</th></tr></thead><tbody>")
    if not kinds:
        out.append('<tr><td colspan="2" class="muted">none</td></tr>')
    for k, n in kinds.items():
        out.append(f'<tr><td>{e(k)}</td><td class="num">{n}</td></tr>')
    out.append("</tbody></table>")
    rel: dict[str, int] = {}
    for edge in report.edges:
        rel[edge.relation] = rel.get(edge.relation, 0) + 1
    out.append("<table><caption class=\"muted\">Edges by relation</caption><thead><tr><th>Relation</th><th>Edges</th></tr></thead><tbody>")
    if not rel:
        out.append('<tr><td colspan="2" class="muted">none</td></tr>')
    for r, n in sorted(rel.items()):
        out.append(f'<tr><td>{_badge("rel-" + e(r), r)}</td><td class="num">{n}</td></tr>')
    out.append("</tbody></table>")
    out.append(
        '<table class="by-doc"><caption class="muted">By document</caption><thead><tr><th>Document</th>'
        "<th>Claims</th><th>Findings</th></tr></thead><tbody>"
    )
    claims_of: dict[str, int] = {}
    for c in report.claims:
        claims_of[c.doc] = claims_of.get(c.doc, 0) + 1
    by_id = report.claim_by_id()
    findings_of: dict[str, int] = {}
    for f in report.findings:
        for doc in {by_id[c].doc for c in f.claims if c in by_id}:
            findings_of[doc] = findings_of.get(doc, 0) + 1
    for d in report.documents:
        out.append(
            f'<tr><td><code>{e(d.path)}</code></td><td class="num">{claims_of.get(d.id, 0)}</td>'
            f'<td class="num">{findings_of.get(d.id, 0)}</td></tr>'
        )
    out.append("</tbody></table>")
    out += ["</div>", "</section>"]
    return out


def _filters(report: Report, view: ReportView, extra_kinds: tuple[str, ...] = ()) -> list[str]:
    kinds = sorted({f.kind for f in report.findings} | set(extra_kinds))
    sevs = [s for s in SEVERITIES] + sorted({f.severity for f in report.findings} - set(SEVERITIES))
    out = ['<form id="filters" class="filters" hidden>']
    out.append("<fieldset><legend>Severity</legend>")
    for s in sevs:
        out.append(f'<label><input type="checkbox" name="severity" value="{e(s)}" checked> {e(s)}</label>')
    out.append("</fieldset>")
    out.append("<fieldset><legend>Kind</legend>")
    for k in kinds:
        out.append(f'<label><input type="checkbox" name="kind" value="{e(k)}" checked> {e(k)}</label>')
    out.append("</fieldset>")
    out.append('<fieldset><legend>Document</legend><select name="doc"><option value="">all documents</option>')
    for d in report.documents:
        out.append(f'<option value="{e(d.id)}">{e(d.id)}: {e(d.path)}</option>')
    out.append("</select></fieldset>")
    out.append('<button type="reset">Reset</button> <span id="shown-count" class="muted"></span>')
    out.append("</form>")
    return out


def _findings(report: Report, view: ReportView) -> list[str]:
    if paged_findings(report):
        return findings_section(view, _filters(report, view))
    out = ['<section id="findings">', f"<h2>Findings ({len(view.findings)})</h2>"]
    if not view.findings:
        out += ['<p class="muted">No findings.</p>', "</section>"]
        return out
    out += _filters(report, view)
    for f in view.findings:
        docs = " ".join(view.doc_ids(f))
        out.append(
            f'<article class="finding" id="finding-{e(f.id)}" data-kind="{e(f.kind)}" '
            f'data-severity="{e(f.severity)}" data-docs="{e(docs)}">'
        )
        out.append(
            "<header>"
            + _badge("sev-" + e(f.severity), f.severity)
            + " "
            + _badge("kind", f.kind)
            + f' <h3><code>{e(f.rule)}</code> {e(f.name)}</h3>'
            + f' <span class="muted cid">{e(f.id)}</span>'
            + "</header>"
        )
        out.append(f'<p class="message">{e(f.message)}</p>')
        out.append('<ul class="claims">')
        for claim in view.claims_of(f):
            loc = view.location(claim)
            out.append(
                f'<li><span class="loc">{e(loc.label)}</span> '
                f'<span class="muted">(<span class="cid">{e(claim.id)}</span>, {e(claim.section)})</span>'
                f"<blockquote>{highlight(claim)}</blockquote></li>"
            )
        for cid in f.claims:
            if cid not in view.claims:
                out.append(f'<li class="muted">claim <span class="cid">{e(cid)}</span> is not in the report</li>')
        out.append("</ul>")
        out.append("</article>")
    out.append("</section>")
    return out


def _documents(report: Report) -> list[str]:
    claims: dict[str, int] = {}
    for c in report.claims:
        claims[c.doc] = claims.get(c.doc, 0) + 1
    out = [
        '<section id="documents">',
        "<h2>Documents</h2>",
        "<table><thead><tr><th>Id</th><th>Path</th><th>Title</th><th>Date</th><th>Format</th><th>Claims</th></tr></thead><tbody>",
    ]
    for d in report.documents:
        out.append(
            f'<tr><td class="cid">{e(d.id)}</td><td class="loc">{e(d.path)}</td><td>{e(d.title or "")}</td>'
            f'<td>{e(d.date or "")}</td><td>{e(d.format)}</td><td class="num">{claims.get(d.id, 0)}</td></tr>'
        )
    out += ["</tbody></table>", "</section>"]
    return out


def _edges(report: Report, view: ReportView) -> list[str]:
    if paged_edges(report):
        return edges_section(report, view, e)
    out = ['<section id="edges">', f"<h2>Edges ({len(report.edges)})</h2>"]
    if not report.edges:
        out += ['<p class="muted">No edges.</p>', "</section>"]
        return out
    out.append(
        "<table><thead><tr><th>Source</th><th>Relation</th><th>Target</th><th>Rule</th>"
        "<th>Score</th><th>Explanation</th></tr></thead><tbody>"
    )

    def where(cid: str) -> str:
        c = view.claims.get(cid)
        label = f'<span class="cid">{e(cid)}</span>'
        if c is not None:
            label += f' <span class="loc muted">{e(view.location(c).label)}</span>'
        return label

    for edge in view.sorted_edges():
        sc = score(edge.score)
        rule = f"<code>{e(edge.rule)}</code>" if edge.rule else '<span class="muted">—</span>'
        out.append(
            f"<tr><td>{where(edge.source)}</td><td>{_badge('rel-' + e(edge.relation), edge.relation)}</td>"
            f"<td>{where(edge.target)}</td><td>{rule}</td>"
            f'<td class="num">{e(sc if sc is not None else "")}</td><td>{e(edge.explanation)}</td></tr>'
        )
    out += ["</tbody></table>", "</section>"]
    return out


def _graph(report: Report, view: ReportView, by_place: bool = False) -> list[str]:
    """An inline SVG of the claim graph: claims on a circle grouped by document. ``by_place``
    (a check's report): claims are named by file and line, edges by their ends, not by ids."""
    out = ['<section id="graph">', "<h2>Claim graph</h2>"]
    involved = {e_.source for e_ in report.edges} | {e_.target for e_ in report.edges}
    for f in report.findings:
        involved.update(f.claims)
    nodes = [c for c in report.claims if c.id in involved]
    if len(nodes) > GRAPH_INLINE:
        return graph_note(len(nodes), len(report.edges))
    if not nodes:
        out += ['<p class="muted">No claims are linked by an edge or a finding.</p>', "</section>"]
        return out
    doc_order = {d.id: i for i, d in enumerate(report.documents)}
    nodes.sort(key=lambda c: (doc_order.get(c.doc, len(doc_order)), c.doc, c.start, c.id))
    colour = {}
    for d in report.documents:
        colour[d.id] = PALETTE[doc_order[d.id] % len(PALETTE)]

    n = len(nodes)
    radius = max(150.0, n * 34.0 / (2 * math.pi))
    margin = 70.0
    size = 2 * (radius + margin)
    cx = cy = radius + margin
    pos = {}
    for i, c in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        pos[c.id] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)

    title = e("Claims grouped by document; green: supports, red: conflicts, grey dashed: related")
    # Related edges first and conflicts last, so that conflicts are drawn on top.
    draw_order = {"related": 0, "supports": 1, "conflicts": 2}
    related = sum(1 for e_ in report.edges if e_.relation not in ("supports", "conflicts"))
    out.append(
        '<input type="checkbox" id="show-related" checked> '
        f'<label for="show-related" class="graph-options">show the {related} related edges (similar statements no rule judged)</label>'
    )
    out.append('<div class="graph">')
    out.append(
        f'<svg viewBox="0 0 {_fmt(size)} {_fmt(size)}" width="{_fmt(size)}" height="{_fmt(size)}" '
        f'role="img" aria-labelledby="graph-title">'
    )
    out.append(f'<title id="graph-title">{title}</title>')
    out.append('<g class="edges" fill="none">')
    edges = sorted(view.sorted_edges(), key=lambda e_: draw_order.get(e_.relation, 0))
    for edge in edges:
        if edge.source not in pos or edge.target not in pos:
            continue
        x1, y1, _ = pos[edge.source]
        x2, y2, _ = pos[edge.target]
        rel = edge.relation if edge.relation in ("supports", "conflicts") else "related"
        tip = f"{edge.source} {edge.relation} {edge.target}"
        if by_place:
            tip = f"{_short_place(view, edge.source)} {edge.relation} {_short_place(view, edge.target)}"
        if edge.rule:
            tip += f" ({edge.rule})"
        if edge.explanation and not by_place:
            tip += f": {edge.explanation}"
        out.append(
            f'<line class="edge {rel}" x1="{_fmt(x1)}" y1="{_fmt(y1)}" x2="{_fmt(x2)}" y2="{_fmt(y2)}">'
            f"<title>{e(tip)}</title></line>"
        )
    out.append("</g>")
    out.append('<g class="nodes">')
    flagged = {cid for f in report.findings for cid in f.claims}
    for c in nodes:
        x, y, angle = pos[c.id]
        lx = cx + (radius + 14) * math.cos(angle)
        ly = cy + (radius + 14) * math.sin(angle)
        cos = math.cos(angle)
        anchor = "start" if cos > 0.2 else ("end" if cos < -0.2 else "middle")
        loc = view.location(c).label
        name = _short_place(view, c.id) if by_place else c.id
        out.append(
            f'<g class="node{" flagged" if c.id in flagged else ""}"><title>{e(name)} · {e(loc)}\n{e(c.text)}</title>'
            f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="7" fill="{colour.get(c.doc, "#cccccc")}"></circle>'
            f'<text x="{_fmt(lx)}" y="{_fmt(ly)}" dy="0.35em" text-anchor="{anchor}">{e(name)}</text></g>'
        )
    out.append("</g>")
    out.append("</svg>")
    out.append("</div>")
    legend = ['<p class="legend">']
    legend.append('<span><span class="swatch rel-supports"></span>supports</span>')
    legend.append('<span><span class="swatch rel-conflicts"></span>conflicts</span>')
    legend.append('<span><span class="swatch related rel-related"></span>related</span>')
    legend.append(
        '<span><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" fill="#ffffff" '
        'stroke="#cf222e" stroke-width="3"></circle></svg> claim in a finding</span>'
    )
    for d in report.documents:
        legend.append(
            f'<span><svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="5" '
            f'fill="{colour[d.id]}"></circle></svg> {e(d.id)}: {e(d.path)}</span>'
        )
    legend.append("</p>")
    out.append("".join(legend))
    out.append("</section>")
    return out


def _short_place(view: ReportView, claim_id: str) -> str:
    """``file:line`` of a claim (its file's name only), for the graph of a check."""
    c = view.claims.get(claim_id)
    return f"{c.path.replace(chr(92), '/').rsplit('/', 1)[-1]}:{c.line}" if c is not None else "?"


from .html_groups import CSS as GROUPS_CSS, SCRIPT as GROUPS_SCRIPT, SCRIPT_HASH as GROUPS_HASH  # noqa: E402
from .html_groups import section as groups_section  # noqa: E402
from .html_paged import GRAPH_INLINE, SCRIPT as EDGES_SCRIPT, SCRIPT_HASH as EDGES_HASH  # noqa: E402
from .html_paged import edges_section, graph_note, paged_edges  # noqa: E402
from .html_findings import SCRIPT as FINDINGS_SCRIPT, SCRIPT_HASH as FINDINGS_HASH  # noqa: E402
from .html_findings import paged_findings, section as findings_section  # noqa: E402


def render(report: Report) -> str:
    """The page; a check's (a report with drafts) opens with the ledger view of
    :mod:`checker.report.html_ledger` and groups its findings by draft sentence."""
    view = ReportView(report)
    check = report.draft_paths is not None
    extra = (GROUPS_HASH,) if report.groups else ()  # the discrepancy section's script
    if paged_edges(report) and not check:
        extra += (EDGES_HASH,)  # the paged edge table's
    # a scan's findings past a few hundred are rendered by their own script, a page at a time
    paged = paged_findings(report) and not check
    main_script, main_hash = (FINDINGS_SCRIPT, FINDINGS_HASH) if paged else (SCRIPT, SCRIPT_HASH)
    if check:
        from .html_ledger import CSS as LEDGER_CSS, SCRIPT as LEDGER_SCRIPT, SCRIPT_HASH as LEDGER_HASH
        from .html_ledger import findings_section as ledger_findings, ledger_section
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # CSP is a constant without '"', so it goes in verbatim (quotes unescaped).
        f'<meta http-equiv="Content-Security-Policy" content="{csp(SCRIPT_HASH, LEDGER_HASH, *extra) if check else (csp(main_hash, *extra) if extra or paged else CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>claimgraph report</title>",
        f"<style>\n{CSS}\n{LEDGER_CSS}\n{GROUPS_CSS}\n</style>" if check else f"<style>\n{CSS}\n{GROUPS_CSS}\n</style>",
        "</head>",
        "<body>",
        '<div class="container">',
        "<header>",
        "<h1>claimgraph report</h1>",
        f'<p class="summary-line">{e(summary_line(report))}</p>',
        *([f'<p class="summary-line ledger-line">{e(ledger_line(report.ledger()))}</p>'] if check else []),
        f'<p class="meta">claimgraph {e(checker.__version__)}'
        + (f" · model <code>{e(report.model)}</code>" if report.model else "")
        + "</p>",
        "</header>",
    ]
    if check:
        # a check's: no claim ids, scores or rule messages as text; the edges are in JSON and --graph
        filters = _filters(report, view, extra_kinds=("review",) if any(e_.status == "review" for e_ in report.ledger()) else ())
        body = (
            groups_section(report, e) + _summary(report, view) + ledger_section(report, view) + ledger_findings(report, view, filters)
            + _graph(report, view, by_place=True) + _documents(report)
        )
        scripts = [f"<script>{SCRIPT}</script>", f"<script>{LEDGER_SCRIPT}</script>"]
    else:
        body = groups_section(report, e) + _summary(report, view) + _findings(report, view) + _graph(report, view) + _edges(report, view) + _documents(report)
        scripts = [f"<script>{main_script}</script>"]
    if report.groups:
        scripts.append(f"<script>{GROUPS_SCRIPT}</script>")
    if paged_edges(report) and not check:
        scripts.append(f"<script>{EDGES_SCRIPT}</script>")
    tail = ["</div>", *scripts, "</body>", "</html>"]
    return "\n".join(head + body + tail) + "\n"
