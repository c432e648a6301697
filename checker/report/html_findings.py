"""The HTML report's findings rendered a page at a time from inline JSON, past a few hundred (issue 18).

A scan of an archive can give thousands of findings; as articles they made the page slow to open.
Past :data:`FINDINGS_INLINE` findings they travel as ``<script type="application/json">`` data the
way the paged edges and groups do (:mod:`checker.report.html_paged`): each claim once (place,
section and its sentence in pieces, figures marked), each finding as its fields and claim ids. A
small script renders :data:`PAGE` findings at a time with a "Show more" button, under the same
filter form as a small report (severity, kind, document, reset) plus a text search, so the
filters work across every page. A link to ``#finding-<id>`` renders the pages up to that finding.
Every text goes into the page with ``textContent``; the same article markup as a small report's.
A report of :data:`FINDINGS_INLINE` findings or fewer is rendered as before, in full.
"""

from __future__ import annotations

import base64
import hashlib

from ..model import Report
from ._html_text import segments
from .html_paged import PAGE, json_data

#: More findings than this are rendered by the script, a page at a time.
FINDINGS_INLINE = 200

SCRIPT = """(function () {
  var node = document.getElementById('findings-data');
  var form = document.getElementById('filters');
  if (!node || !form) { return; }
  form.hidden = false;
  var data = JSON.parse(node.textContent);
  var list = document.getElementById('findings-list'), more = document.getElementById('f-more');
  var count = document.getElementById('shown-count'), q = document.getElementById('f-q');
  var rows = [], shown = 0;
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text != null) n.textContent = text; return n; }
  function checked(name) {
    var on = {}, boxes = form.querySelectorAll("input[name='" + name + "']");
    for (var i = 0; i < boxes.length; i++) { on[boxes[i].value] = boxes[i].checked; }
    return on;
  }
  function hay(f) {
    if (f.hay == null) {
      var s = [f.id, f.rule, f.name, f.kind, f.severity, f.message].join(' ');
      f.claims.forEach(function (id) { var c = data.claims[id]; s += ' ' + id; if (c) { s += ' ' + c[0] + ' ' + c[2].map(function (p) { return p[0]; }).join(''); } });
      f.hay = s.toLowerCase();
    }
    return f.hay;
  }
  function apply() {
    var kinds = checked('kind'), sev = checked('severity'), doc = form.querySelector("select[name='doc']").value;
    var t = q.value.trim().toLowerCase();
    rows = data.findings.filter(function (f) {
      if (kinds[f.kind] === false || sev[f.severity] === false) return false;
      if (doc && f.docs.indexOf(doc) < 0) return false;
      if (t && hay(f).indexOf(t) < 0) return false;
      return true;
    });
    list.textContent = ''; shown = 0; page(); reveal();
  }
  function badge(cls, text) { return el('span', 'badge ' + cls, text); }
  function render(f) {
    var a = el('article', 'finding');
    a.id = 'finding-' + f.id;
    a.setAttribute('data-kind', f.kind); a.setAttribute('data-severity', f.severity); a.setAttribute('data-docs', f.docs.join(' '));
    var h = el('header'), h3 = el('h3');
    h.appendChild(badge('sev-' + f.severity, f.severity)); h.appendChild(document.createTextNode(' '));
    h.appendChild(badge('kind', f.kind)); h.appendChild(document.createTextNode(' '));
    h3.appendChild(el('code', null, f.rule)); h3.appendChild(document.createTextNode(' ' + f.name)); h.appendChild(h3);
    h.appendChild(document.createTextNode(' ')); h.appendChild(el('span', 'muted cid', f.id));
    a.appendChild(h); a.appendChild(el('p', 'message', f.message));
    var ul = el('ul', 'claims');
    f.claims.forEach(function (id) {
      var c = data.claims[id], li = el('li');
      if (!c) { li.className = 'muted'; li.appendChild(document.createTextNode('claim ')); li.appendChild(el('span', 'cid', id)); li.appendChild(document.createTextNode(' is not in the report')); ul.appendChild(li); return; }
      li.appendChild(el('span', 'loc', c[0])); li.appendChild(document.createTextNode(' '));
      var m = el('span', 'muted'); m.appendChild(document.createTextNode('(')); m.appendChild(el('span', 'cid', id)); m.appendChild(document.createTextNode(', ' + c[1] + ')'));
      li.appendChild(m);
      var bq = el('blockquote');
      c[2].forEach(function (p) { if (p[1]) { var mk = el('mark', p[1], p[0]); mk.title = p[2]; bq.appendChild(mk); } else { bq.appendChild(document.createTextNode(p[0])); } });
      li.appendChild(bq); ul.appendChild(li);
    });
    a.appendChild(ul);
    return a;
  }
  function page() {
    var end = Math.min(rows.length, shown + data.page), frag = document.createDocumentFragment();
    for (var i = shown; i < end; i++) frag.appendChild(render(rows[i]));
    list.appendChild(frag); shown = end;
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' findings' + (rows.length < data.findings.length ? ' (' + data.findings.length + ' in all)' : '');
    more.hidden = shown >= rows.length;
  }
  function reveal() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h.indexOf('finding-') !== 0) return;
    var id = h.slice(8), at = -1;
    for (var i = 0; i < rows.length; i++) { if (rows[i].id === id) { at = i; break; } }
    if (at < 0) return;
    while (shown <= at) page();
    var target = document.getElementById(h);
    if (target) target.scrollIntoView();
  }
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  q.addEventListener('input', apply);
  more.addEventListener('click', page);
  window.addEventListener('hashchange', reveal);
  apply();
})();"""
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")


def paged_findings(report: Report) -> bool:
    return len(report.findings) > FINDINGS_INLINE


def _payload(view) -> dict:
    """The findings as data: each claim once (``claims``: id -> [place, section, pieces])."""
    claims: dict[str, list] = {}
    rows = []
    for f in view.findings:
        for c in view.claims_of(f):
            if c.id not in claims:
                claims[c.id] = [view.location(c).label, c.section, [[t, k, tip] if k else [t] for t, k, tip in segments(c)]]
        rows.append({"id": f.id, "rule": f.rule, "name": f.name, "kind": f.kind, "severity": f.severity,
                     "message": f.message, "docs": view.doc_ids(f), "claims": list(f.claims)})
    return {"page": PAGE, "claims": claims, "findings": rows}


def section(view, filters: list[str]) -> list[str]:
    """The findings section of a :func:`paged_findings` report: the filter form (``filters``, the
    small report's, with a text search added), an empty list the script fills, and the data."""
    search = (
        '<fieldset><legend>Search</legend><input id="f-q" name="q" type="search" '
        'placeholder="rule, message, file, sentence"></fieldset>'
    )
    form = list(filters)
    form.insert(len(form) - 2, search)  # before the reset button and the count
    return [
        '<section id="findings">',
        f"<h2>Findings ({len(view.findings)})</h2>",
        *form,
        "<noscript><p>This many findings are listed by a script; they are also in the JSON and Markdown reports.</p></noscript>",
        '<div id="findings-list"></div>',
        '<button id="f-more" type="button" hidden>Show more</button>',
        f'<script type="application/json" id="findings-data">{json_data(_payload(view))}</script>',
        "</section>",
    ]
