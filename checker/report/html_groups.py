"""The HTML report's "Discrepancies" section: fact groups rendered by a script from inline JSON.

The groups travel as ``<script type="application/json">`` data (each sentence once, in a table
the values name by claim id) (never run; ``<`` written as
``\\u003c`` so no text can close the element) and a small script renders one page of them at a
time (``PAGE`` groups), sorted and filtered by status, document and text, so an archive with tens
of thousands of groups does not freeze the tab. Every text is put into the page with
``textContent``; each value links to its sentences (``#s-<group id>-<claim id>``; a claim with several figures may sit in several groups), shown under the group.
"""

from __future__ import annotations

import base64
import hashlib
import json

from ..model import Report

PAGE = 200

SCRIPT = """(function () {
  var data = JSON.parse(document.getElementById('groups-data').textContent);
  var list = document.getElementById('groups-list');
  var st = document.getElementById('g-status'), dc = document.getElementById('g-doc');
  var q = document.getElementById('g-q'), so = document.getElementById('g-sort');
  var more = document.getElementById('g-more'), count = document.getElementById('g-count');
  var shown = 0, rows = [];
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text != null) n.textContent = text; return n; }
  function ndocs(g) { var n = 0; g.values.forEach(function (v) { n += v.documents.length; }); return n; }
  function hay(g) { var s = g.label; g.values.forEach(function (v) { s += ' ' + v.text; v.sentences.forEach(function (x) { s += ' ' + x.where + ' ' + x.text; }); }); return s.toLowerCase(); }
  data.groups.forEach(function (g) {
    g.values.forEach(function (v) { v.sentences = v.claims.map(function (id) { var c = data.claims[id]; return {claim: id, where: c[0], text: c[1]}; }); });
    g.hay = hay(g); g.ndocs = ndocs(g);
  });
  var rank = {disagree: 0, revised: 1, agree: 2};
  function apply() {
    var s = st.value, d = dc.value, t = q.value.trim().toLowerCase(), k = so.value;
    rows = data.groups.filter(function (g) {
      if (s && g.status !== s) return false;
      if (d && g.docs.indexOf(d) < 0) return false;
      if (t && g.hay.indexOf(t) < 0) return false;
      return true;
    });
    rows.sort(function (a, b) {
      if (k === 'label') return a.label.localeCompare(b.label);
      if (k === 'documents') return b.ndocs - a.ndocs || a.order - b.order;
      if (k === 'values') return b.values.length - a.values.length || a.order - b.order;
      return rank[a.status] - rank[b.status] || a.order - b.order;
    });
    list.textContent = ''; shown = 0; page();
  }
  function render(g) {
    var box = el(g.status === 'agree' ? 'details' : 'div', 'group ' + g.status);
    box.id = 'group-' + g.id; box.setAttribute('data-status', g.status);
    var head = el(g.status === 'agree' ? 'summary' : 'h3', 'group-label');
    head.appendChild(el('span', 'glabel', g.label)); head.appendChild(el('span', 'badge ' + g.status, g.status));
    box.appendChild(head);
    var table = el('table', 'group-values'), tb = el('tbody');
    var hr = el('tr'); ['Value', 'Documents', 'Where'].forEach(function (h) { hr.appendChild(el('th', null, h)); });
    table.appendChild(el('thead')).appendChild(hr);
    g.values.forEach(function (v) {
      var tr = el('tr'), td = el('td', 'value', v.text);
      if (g.majority === v.value && g.values.length > 1) td.appendChild(el('span', 'majority', ' majority'));
      tr.appendChild(td); tr.appendChild(el('td', 'num', String(v.documents.length)));
      var w = el('td', 'loc');
      v.sentences.forEach(function (x, i) { if (i) w.appendChild(document.createTextNode(', ')); var a = el('a', 'sentence-link', x.where); a.href = '#s-' + g.id + '-' + x.claim; w.appendChild(a); });
      tr.appendChild(w); tb.appendChild(tr);
    });
    table.appendChild(tb); box.appendChild(table);
    var ul = el('ul', 'group-sentences');
    g.values.forEach(function (v) { v.sentences.forEach(function (x) { var li = el('li'); li.id = 's-' + g.id + '-' + x.claim; li.appendChild(el('span', 'loc', x.where + ' ')); li.appendChild(el('span', 'value', v.text + ': ')); li.appendChild(el('q', null, x.text)); ul.appendChild(li); }); });
    box.appendChild(ul);
    return box;
  }
  function page() {
    var end = Math.min(rows.length, shown + data.page), frag = document.createDocumentFragment();
    for (var i = shown; i < end; i++) frag.appendChild(render(rows[i]));
    list.appendChild(frag); shown = end;
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' groups';
    more.hidden = shown >= rows.length;
  }
  [st, dc, so].forEach(function (n) { n.addEventListener('change', apply); });
  q.addEventListener('input', apply);
  more.addEventListener('click', page);
  apply();
})();"""
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")

CSS = """
#discrepancies .group { border: 1px solid var(--border); border-radius: 6px; padding: .4em .8em; margin: .6em 0; }
#discrepancies .group.disagree { border-left: 4px solid var(--error); }
#discrepancies .group.revised { border-left: 4px solid var(--warning); }
#discrepancies .group-label { font-size: 1em; margin: .2em 0; }
#discrepancies .badge { margin-left: .6em; }
#discrepancies .majority { color: var(--muted); font-size: .85em; }
#discrepancies .group-sentences { font-size: .9em; color: var(--muted); }
#discrepancies .group-sentences li:target { background: #fff8c5; }
#discrepancies .controls { display: flex; gap: .6em; flex-wrap: wrap; align-items: center; }
"""


def _payload(report: Report) -> dict:
    """The groups as data: each sentence once (``claims``: id -> [place, text]), values naming claim ids."""
    claims, docs = report.claim_by_id(), report.document_by_id()
    table: dict[str, list[str]] = {}
    groups = []
    for i, g in enumerate(report.groups):
        values, gdocs = [], []
        for v in g.values:
            ids = []
            for cid in v.claims:
                c = claims.get(cid)
                if c is not None:
                    table.setdefault(cid, [f"{c.path}:{c.line}", c.text])
                    ids.append(cid)
            paths = [docs[d].path if d in docs else d for d in v.documents]
            gdocs += paths
            values.append({"text": v.text, "value": v.value, "documents": paths, "claims": ids})
        groups.append({"id": g.id, "order": i, "label": g.label, "status": g.status, "majority": g.majority,
                       "docs": sorted(set(gdocs)), "values": values})
    return {"page": PAGE, "claims": table, "groups": groups}


def section(report: Report, e) -> list[str]:
    """The section's markup (empty when the report has no groups); ``e`` escapes HTML text."""
    if not report.groups:
        return []
    from .html_paged import json_data

    data = json_data(_payload(report))
    n_dis = sum(1 for g in report.groups if g.status == "disagree")
    n_rev = sum(1 for g in report.groups if g.status == "revised")
    n_agr = len(report.groups) - n_dis - n_rev
    used = {d for g in report.groups for v in g.values for d in v.documents}
    paths = sorted({d.path for d in report.documents if d.id in used})
    opts = "".join(f'<option value="{e(p)}">{e(p)}</option>' for p in paths)
    return [
        '<section id="discrepancies">',
        f"<h2>Discrepancies ({n_dis} disagreeing, {n_rev} revised, {n_agr} agreeing)</h2>",
        '<div class="controls">',
        '<label>Status <select id="g-status"><option value="">all</option><option value="disagree">disagree</option>'
        '<option value="revised">revised</option><option value="agree">agree</option></select></label>',
        f'<label>Document <select id="g-doc"><option value="">all</option>{opts}</select></label>',
        '<label>Search <input id="g-q" type="search" placeholder="label, value, sentence"></label>',
        '<label>Sort <select id="g-sort"><option value="status">status</option><option value="documents">documents</option>'
        '<option value="values">values</option><option value="label">label</option></select></label>',
        '<span id="g-count" class="meta"></span>',
        "</div>",
        "<noscript><p>The discrepancy groups need JavaScript; they are also in the JSON and Markdown reports.</p></noscript>",
        '<div id="groups-list"></div>',
        '<button id="g-more" type="button" hidden>Show more</button>',
        f'<script type="application/json" id="groups-data">{data}</script>',
        "</section>",
    ]
