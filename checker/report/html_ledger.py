"""The HTML report's parts for a ``check``: the draft as written, claim by claim, and what to act on.

* **The ledger view** (``<section id="ledger">``): each draft's original text, as the
  editor wrote it, with every claim highlighted in its status's colour (``confirmed``,
  ``conflicting``, ``review``, ``unverified``: :mod:`checker.ledger`) and its figures marked.
  A claim is a link to its evidence panel: the draft sentence and each archive sentence
  side by side, figures marked, with the archive's title, date and ``path:line:column``,
  what matched and what differed in plain words and a suggested action. The panel shows
  with the page's script (which keeps the page where it is) or, with scripts off, as the
  link's ``:target``. A status filter (a ``div``, not a form: nothing to submit) un-highlights claims and hides ledger rows.
* **What to act on** (``<section id="findings">``): findings grouped by draft sentence
  (:mod:`checker.report.editorial`), each an ``article.finding`` so the page's finding
  filters apply to them too.

No claim id, score or rule message is shown as text (ids appear only in attributes). The
script is a constant, allowed by its hash in the page's Content-Security-Policy.
"""

from __future__ import annotations

import base64
import hashlib

from checker.ledger import STATUSES, ledger_line, status_counts
from checker.model import Claim, Document, Report

from ._common import ReportView, figure_spans
from ._html_text import e, highlight
from .editorial import Group, Item, claim_items, review

#: Shown for each status.
STATUS_WORDS = {"confirmed": "confirmed", "conflicting": "conflicting", "review": "to review", "unverified": "unverified"}

SCRIPT = """(function () {
  var view = document.getElementById("ledger");
  if (!view) { return; }
  var form = document.getElementById("ledger-filters");
  var claims = view.querySelectorAll("a.claim");
  var panels = view.querySelectorAll("section.evidence");
  var rows = view.querySelectorAll("tr[data-status]");
  var hint = document.getElementById("evidence-hint");
  function show(id) {
    for (var i = 0; i < panels.length; i++) { panels[i].classList.toggle("shown", panels[i].id === id); }
    for (var j = 0; j < claims.length; j++) { claims[j].classList.toggle("selected", claims[j].getAttribute("href") === "#" + id); }
    if (hint) { hint.hidden = true; }
  }
  view.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a.claim, a.to-claim") : null;
    if (!a) { return; }
    ev.preventDefault();
    var id = a.getAttribute("href").slice(1);
    show(id);
    var panel = document.getElementById(id);
    if (a.classList.contains("to-claim") && panel) { panel.scrollIntoView({block: "nearest"}); }
  });
  function apply() {
    var on = {};
    var boxes = form.querySelectorAll("input[name='status']");
    for (var i = 0; i < boxes.length; i++) { on[boxes[i].value] = boxes[i].checked; }
    for (var j = 0; j < claims.length; j++) { claims[j].classList.toggle("off", on[claims[j].getAttribute("data-status")] === false); }
    for (var k = 0; k < rows.length; k++) { rows[k].hidden = on[rows[k].getAttribute("data-status")] === false; }
  }
  if (form) {
    form.hidden = false;
    form.addEventListener("change", apply);
    apply();
  }
})();"""

SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")

CSS = """
:root { --st-confirmed: #1a7f37; --st-conflicting: #cf222e; --st-review: #bc4c00; --st-unverified: #6e7781;
  --bg-confirmed: #dafbe1; --bg-conflicting: #ffebe9; --bg-review: #fff1e5; --bg-unverified: #eaeef2; }
.ledger-line { font-weight: 600; }
div.filters { background: var(--panel); border: 1px solid var(--border); border-radius: 8px; padding: 8px 14px; margin: 8px 0 16px; }
div.filters fieldset { border: 0; display: inline-block; margin: 0; padding: 4px 0; }
div.filters legend { font-weight: 600; padding: 0; margin-right: 6px; float: left; }
div.filters label { margin-right: 10px; white-space: nowrap; }
div.filters[hidden] { display: none; }
.st-confirmed { color: var(--st-confirmed); } .st-conflicting { color: var(--st-conflicting); }
.st-review { color: var(--st-review); } .st-unverified { color: var(--st-unverified); }
.draft-doc { border: 1px solid var(--border); border-radius: 8px; margin: 12px 0; }
.draft-doc > h3 { padding: 8px 14px; background: var(--panel); border-bottom: 1px solid var(--border); border-radius: 8px 8px 0 0; }
pre.draft-text { margin: 0; padding: 12px 14px; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 30rem; overflow-y: auto;
  font: 14px/1.7 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
a.claim { color: inherit; text-decoration: none; border-radius: 3px; padding: 1px 0; border-bottom: 2px solid; cursor: pointer; }
a.claim.st-confirmed { background: var(--bg-confirmed); border-color: var(--st-confirmed); }
a.claim.st-conflicting { background: var(--bg-conflicting); border-color: var(--st-conflicting); }
a.claim.st-review { background: var(--bg-review); border-color: var(--st-review); }
a.claim.st-unverified { background: var(--bg-unverified); border-color: var(--st-unverified); border-bottom-style: dashed; }
a.claim.off { background: none; border-color: transparent; }
a.claim.selected { outline: 2px solid #0969da; outline-offset: 1px; }
a.claim mark { background: rgba(255, 214, 10, 0.55); }
.evidence-panel { margin: 8px 0 20px; }
section.evidence { display: none; border: 1px solid var(--border); border-left: 4px solid var(--muted); border-radius: 6px; padding: 10px 14px; }
section.evidence.shown, section.evidence:target { display: block; }
section.evidence[data-status="confirmed"] { border-left-color: var(--st-confirmed); }
section.evidence[data-status="conflicting"] { border-left-color: var(--st-conflicting); }
section.evidence[data-status="review"] { border-left-color: var(--st-review); }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; margin: 6px 0 4px; }
.pair figure { margin: 0; }
.pair figcaption { font-size: 0.85rem; color: var(--muted); }
.pair figcaption b { color: var(--fg); }
.action { margin: 4px 0 12px; }
.explain { margin: 8px 0 2px; }
.sentence-group { border: 1px solid var(--border); border-radius: 8px; padding: 10px 14px; margin: 14px 0; }
.sentence-group > header { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.sentence-group article.finding { margin: 10px 0 0; }
article.finding[data-severity="review"] { border-left-color: var(--st-review); }
a.to-claim { color: inherit; text-decoration: none; }
a.to-claim:hover { text-decoration: underline; }
table.ledger td:first-child { text-align: right; }
""".strip()


def _places(view: ReportView, claims: list[Claim]) -> str:
    return ", ".join(f'<span class="loc">{e(view.location(c).label)}</span>' for c in claims)


def _status_badge(status: str) -> str:
    return f'<span class="badge status st-{e(status)}">{e(STATUS_WORDS.get(status, status))}</span>'


def _source(view: ReportView, item: Item) -> str:
    """The other side's caption: archive (or draft), title, date and every place."""
    claim = item.other.claim
    doc: Document | None = view.documents.get(claim.doc)
    parts = ["<b>" + ("Another draft sentence" if item.other_is_draft else "Archive") + "</b>"]
    if doc is not None and doc.title:
        parts.append(e(doc.title))
    if doc is not None and doc.date:
        parts.append(e(doc.date))
    parts.append(_places(view, item.other.claims))
    return " · ".join(parts)


def _pair(view: ReportView, draft_claims: list[Claim], item: Item) -> list[str]:
    out = [f'<p class="explain">{e(item.explanation)}</p>']
    if item.other is not None:
        out += [
            '<div class="pair">',
            f'<figure class="side draft"><figcaption><b>Draft</b> · {_places(view, draft_claims)}</figcaption>'
            f"<blockquote>{highlight(draft_claims[0])}</blockquote></figure>",
            f'<figure class="side archive"><figcaption>{_source(view, item)}</figcaption>'
            f"<blockquote>{highlight(item.other.claim)}</blockquote></figure>",
            "</div>",
        ]
    out.append(f'<p class="action"><b>Suggested action:</b> {e(item.action)}</p>')
    return out


def _marked_original(doc: Document, claim: Claim) -> str:
    """The claim's span of the ORIGINAL text, escaped, each figure found there marked."""
    original = doc.text[claim.start : claim.end]
    out: list[str] = []
    pos = 0
    for start, end, kind, _ in figure_spans(claim):
        figure = claim.text[start:end]
        at = original.find(figure, pos)
        if at < 0:
            continue
        out.append(e(original[pos:at]))
        out.append(f'<mark class="{kind}">{e(figure)}</mark>')
        pos = at + len(figure)
    out.append(e(original[pos:]))
    return "".join(out)


def _draft_text(doc: Document, entries: list, claims: dict) -> str:
    spans = sorted(((claims[x.claim], x.status) for x in entries), key=lambda s: (s[0].start, s[0].end))
    out: list[str] = []
    pos = 0
    for claim, status in spans:
        if claim.start < pos or claim.end > len(doc.text) or claim.end <= claim.start:
            continue
        out.append(e(doc.text[pos : claim.start]))
        out.append(
            f'<a class="claim st-{e(status)}" href="#ev-{e(claim.id)}" data-status="{e(status)}" '
            f'title="{e(STATUS_WORDS.get(status, status))}">{_marked_original(doc, claim)}</a>'
        )
        pos = claim.end
    out.append(e(doc.text[pos:]))
    return "".join(out)


def ledger_section(report: Report, view: ReportView) -> list[str]:
    """The drafts as written, claim by claim, with the evidence panels and the ledger table."""
    groups, ledger = review(report)
    items = claim_items(report, groups, ledger)
    counts = status_counts(ledger)
    claims = view.claims
    out = ['<section id="ledger">', "<h2>The draft, claim by claim</h2>", f'<p class="ledger-line">{e(ledger_line(ledger))}</p>']
    out.append('<div id="ledger-filters" class="filters" hidden><fieldset><legend>Status</legend>')
    for status in STATUSES:
        out.append(
            f'<label class="st-{status}"><input type="checkbox" name="status" value="{status}" checked> '
            f"{e(STATUS_WORDS[status])} ({counts[status]})</label>"
        )
    out.append("</fieldset></div>")
    out.append('<p class="muted" id="evidence-hint">Click a highlighted claim to see its evidence: the draft and the archive side by side.</p>')
    by_doc: dict[str, list] = {}
    for entry in ledger:
        by_doc.setdefault(claims[entry.claim].doc, []).append(entry)
    for doc in report.documents:
        entries = by_doc.get(doc.id)
        if not entries:
            continue
        title = f" — {e(doc.title)}" if doc.title else ""
        out.append(f'<article class="draft-doc" data-doc="{e(doc.id)}"><h3><code>{e(doc.path)}</code>{title}</h3>')
        out.append(f'<pre class="draft-text">{_draft_text(doc, entries, claims)}</pre></article>')
        out.append('<div class="evidence-panel">')
        for entry in entries:
            claim = claims[entry.claim]
            out.append(f'<section class="evidence" id="ev-{e(claim.id)}" data-status="{e(entry.status)}">')
            out.append(f"<h3>{_status_badge(entry.status)} {_places(view, [claim])}</h3>")
            if entry.backing:
                out.append(f'<p class="backing"><b>In the archive:</b> {e(entry.backing_line())}</p>')
            shown = items.get(claim.id, [])
            if not shown:
                figures = [q.text for q in claim.quantities] + [d.text for d in claim.dates]
                out.append('<p class="explain">Nothing in the archive speaks to this claim.</p>')
                out.append(f"<blockquote>{highlight(claim)}</blockquote>")
                what = ", ".join(figures) if figures else "it"
                out.append(f'<p class="action"><b>Suggested action:</b> {e(f"Find a source for {what}, or say in the draft that it is new.")}</p>')
            for item in shown:
                out += _pair(view, [claim], item)
            out.append("</section>")
        out.append("</div>")
    out.append('<table class="ledger"><caption class="muted">Every draft claim</caption><thead><tr><th>#</th><th>Draft claim</th>'
               "<th>Where</th><th>Status</th><th>Evidence</th></tr></thead><tbody>")
    for n, entry in enumerate(ledger, 1):
        claim = claims[entry.claim]
        evidence = [claims[c] for c in entry.evidence if c in claims]
        out.append(
            f'<tr data-status="{e(entry.status)}"><td>{n}</td>'
            f'<td><a class="to-claim" href="#ev-{e(claim.id)}">{highlight(claim)}</a></td>'
            f"<td>{_places(view, [claim])}</td><td>{_status_badge(entry.status)}</td>"
            f'<td>{_places(view, evidence) or "—"}</td></tr>'
        )
    out += ["</tbody></table>", "</section>"]
    return out


def findings_section(report: Report, view: ReportView, filters: list[str]) -> list[str]:
    """Findings and statements to review, grouped by draft sentence (``filters``: the page's finding filters)."""
    groups, _ = review(report)
    acted: list[Group] = [g for g in groups if g.items]
    out = ['<section id="findings">', f"<h2>To act on, by draft sentence ({len(acted)})</h2>"]
    if not acted:
        out += ['<p class="muted">Nothing to act on.</p>', "</section>"]
        return out
    out += filters
    n = 0
    for g in acted:
        out.append('<section class="sentence-group">')
        out.append(f"<header>{_status_badge(g.status)} {_places(view, g.draft.claims)}</header>")
        out.append(f"<blockquote>{highlight(g.draft.claim)}</blockquote>")
        for item in g.items:
            n += 1
            docs = " ".join(dict.fromkeys([c.doc for c in g.draft.claims] + ([c.doc for c in item.other.claims] if item.other else [])))
            if item.finding is not None:
                f = item.finding
                kind, severity = f.kind, f.severity
                head = (
                    f'<span class="badge sev-{e(severity)}">{e(severity)}</span> <span class="badge kind">{e(kind)}</span> '
                    f"<h3><code>{e(f.rule)}</code> {e(f.name)}</h3>"
                )
            else:
                kind, severity = "review", "review"
                head = f'{_status_badge("review")} <h3>an archive statement no rule could decide</h3>'
            out.append(
                f'<article class="finding" id="item-{n}" data-kind="{e(kind)}" data-severity="{e(severity)}" data-docs="{e(docs)}">'
            )
            out.append(f"<header>{head}</header>")
            out += _pair(view, g.draft.claims, item)
            out.append("</article>")
        out.append("</section>")
    out.append("</section>")
    return out
