"""Big lists of the HTML report rendered a page at a time from inline JSON (issue 18, scale).

A scan of thousands of documents has tens of thousands of edges: as HTML rows they made a
20 MB page that took 13 s to open. Past :data:`EDGES_INLINE` edges the edge table travels as
``<script type="application/json">`` data instead: each claim once (id and place), each
explanation once, each edge as indexes into them; a small script renders :data:`PAGE` rows at a
time, filtered by relation and text, with a "Show more" button. Every text goes into the page
with ``textContent``; ``<``, ``>`` and ``&`` are written as JSON escapes, so no text can close
the element.
"""

from __future__ import annotations

import base64
import hashlib
import json

from ..model import Report
from ._common import score

#: More edges than this are rendered by the script, a page at a time.
EDGES_INLINE = 1000
#: More claims in the graph than this are not drawn in the page (the graph export draws them).
GRAPH_INLINE = 600
PAGE = 200

SCRIPT = """(function () {
  var node = document.getElementById('edges-data');
  if (!node) { return; }
  var data = JSON.parse(node.textContent);
  var body = document.getElementById('edges-body'), rel = document.getElementById('e-rel');
  var q = document.getElementById('e-q'), more = document.getElementById('e-more'), count = document.getElementById('e-count');
  var rows = [], shown = 0;
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text != null) n.textContent = text; return n; }
  function who(i) { var c = data.claims[i], td = el('td'); td.appendChild(el('span', 'cid', c[0])); td.appendChild(document.createTextNode(' ')); td.appendChild(el('span', 'loc muted', c[1])); return td; }
  function apply() {
    var r = rel.value, t = q.value.trim().toLowerCase();
    rows = data.edges.filter(function (x) {
      if (r && data.relations[x[1]] !== r) return false;
      if (t) { var s = (data.claims[x[0]].join(' ') + ' ' + data.claims[x[2]].join(' ') + ' ' + data.texts[x[5]] + ' ' + (x[3] || '')).toLowerCase(); if (s.indexOf(t) < 0) return false; }
      return true;
    });
    body.textContent = ''; shown = 0; page();
  }
  function page() {
    var end = Math.min(rows.length, shown + data.page), frag = document.createDocumentFragment();
    for (var i = shown; i < end; i++) {
      var x = rows[i], tr = el('tr'), name = data.relations[x[1]];
      tr.appendChild(who(x[0]));
      var td = el('td'); td.appendChild(el('span', 'badge rel-' + name, name)); tr.appendChild(td);
      tr.appendChild(who(x[2]));
      td = el('td'); if (x[3]) { td.appendChild(el('code', null, x[3])); } else { td.appendChild(el('span', 'muted', '\\u2014')); } tr.appendChild(td);
      tr.appendChild(el('td', 'num', x[4])); tr.appendChild(el('td', null, data.texts[x[5]]));
      frag.appendChild(tr);
    }
    body.appendChild(frag); shown = end;
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' edges';
    more.hidden = shown >= rows.length;
  }
  rel.addEventListener('change', apply); q.addEventListener('input', apply); more.addEventListener('click', page);
  apply();
})();"""
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")


def json_data(data) -> str:
    """``data`` as JSON text safe inside a ``<script type="application/json">`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def paged_edges(report: Report) -> bool:
    return len(report.edges) > EDGES_INLINE


def edges_section(report: Report, view, e) -> list[str]:
    """The edge table as data and a paging script (for :func:`paged_edges` reports)."""
    claims: dict[str, int] = {}
    table: list[list[str]] = []
    texts: dict[str, int] = {}
    relations: dict[str, int] = {}

    def claim(cid: str) -> int:
        if cid not in claims:
            c = view.claims.get(cid)
            claims[cid] = len(table)
            table.append([cid, view.location(c).label if c is not None else ""])
        return claims[cid]

    rows = []
    for edge in view.sorted_edges():
        sc = score(edge.score)
        rows.append([claim(edge.source), relations.setdefault(edge.relation, len(relations)), claim(edge.target),
                     edge.rule or "", "" if sc is None else str(sc), texts.setdefault(edge.explanation, len(texts))])
    data = {"page": PAGE, "claims": table, "relations": list(relations), "texts": list(texts), "edges": rows}
    opts = "".join(f'<option value="{e(r)}">{e(r)}</option>' for r in relations)
    return [
        '<section id="edges">',
        f"<h2>Edges ({len(report.edges)})</h2>",
        '<div class="controls">',
        f'<label>Relation <select id="e-rel"><option value="">all</option>{opts}</select></label>',
        '<label>Search <input id="e-q" type="search" placeholder="claim, file, rule, explanation"></label>',
        '<span id="e-count" class="meta"></span>',
        "</div>",
        "<noscript><p>This many edges are listed by a script; they are also in the JSON report.</p></noscript>",
        "<table><thead><tr><th>Source</th><th>Relation</th><th>Target</th><th>Rule</th>"
        '<th>Score</th><th>Explanation</th></tr></thead><tbody id="edges-body"></tbody></table>',
        '<button id="e-more" type="button" hidden>Show more</button>',
        f'<script type="application/json" id="edges-data">{json_data(data)}</script>',
        "</section>",
    ]


def graph_note(n_claims: int, n_edges: int) -> list[str]:
    """What the page says instead of drawing a graph too big to read."""
    return [
        '<section id="graph">',
        "<h2>Claim graph</h2>",
        f'<p class="muted">{n_claims} claims linked by {n_edges} edges: too many to draw in the page. '
        "<code>claimgraph scan --graph FILE.graphml</code> exports the graph for a graph viewer; the edges are "
        "listed below and in the JSON report.</p>",
        "</section>",
    ]
