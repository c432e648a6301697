"""checker.report.html"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

from checker.report import html as html_format
from checker.report import render, summary_line

try:
    from report_fixtures import make_report
except ImportError:
    from tests.report_fixtures import make_report

CSP = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "style-src 'unsafe-inline'; script-src 'sha256-"
)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _page():
    return render(make_report(), "html")


def _parse(page):
    p = _Tags()
    p.feed(page)
    p.close()
    return p


def test_html_is_a_page_with_summary():
    page = _page()
    assert page.startswith("<!DOCTYPE html>\n")
    assert page.rstrip().endswith("</html>")
    assert "<title>claimgraph report</title>" in page
    assert summary_line(make_report()) in page
    assert '<section id="documents">' in page and '<section id="edges">' in page


def test_html_csp_meta_with_script_hash():
    page = _page()
    assert CSP in page
    assert "script-src 'unsafe-inline'" not in page
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page


def test_html_escapes_hostile_text():
    page = _page()
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "<b>notes</b>" not in page and "<i>both</i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;b&gt;notes&lt;/b&gt;" in page
    tags = _parse(page).tags
    names = [t for t, _ in tags]
    assert names.count("script") == 1
    assert not {"img", "iframe", "object", "embed", "link", "a", "base", "meta"} & set(names[names.index("body"):])
    for tag, attrs in tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "href", "action", "srcset"), (tag, name)
            assert "javascript:" not in (value or ""), (tag, name)


def test_html_no_external_references():
    page = _page()
    assert "http://" not in page and "https://" not in page
    assert "url(" not in page and "@import" not in page


def test_html_highlights_figures():
    page = _page()
    assert '<mark class="quantity" title="921,000 patent">921,000</mark>' in page
    assert '<mark class="date" title="2023 (year)">In 2023</mark>, China filed' in page
    # Hostile claim: marks still land on the figures, around escaped text.
    assert "[x](javascript:alert(1)) said <mark class=\"quantity\" title=\"5 percent\">5%</mark> | *bold*" in page


def test_html_highlight_skips_bad_spans():
    from checker.model import Claim, Quantity

    text = "A <b> 12 and 13"
    qs = (Quantity("12", 6, 8, 12.0), Quantity("2", 7, 8, 2.0), Quantity("x", 10, 99, 1.0))
    claim = Claim("c1", "d1", "p", 0, len(text), 1, 1, text, "body", quantities=qs)
    assert html_format.highlight(claim) == 'A &lt;b&gt; <mark class="quantity" title="12">12</mark> and 13'


def test_html_findings_have_filter_attributes_and_locations():
    page = _page()
    assert '<article class="finding" id="finding-f1" data-kind="conflict" data-severity="error" data-docs="d1 d2">' in page
    assert '<span class="loc">seeds/a.txt:4:1</span>' in page
    assert '<span class="loc">notes/b.md:3:21</span>' in page
    assert page.index('id="finding-f1"') < page.index('id="finding-f2"') < page.index('id="finding-f3"')


def test_html_readable_without_js():
    page = _page()
    assert '<form id="filters" class="filters" hidden>' in page
    assert not re.search(r"<article[^>]*\shidden", page)


def test_html_graph_svg():
    page = _page()
    svg = page[page.index("<svg viewBox"): page.index("</svg>")]
    assert svg.count('<line class="edge conflicts"') == 1
    assert svg.count('<line class="edge supports"') == 1
    assert svg.count('<line class="edge related"') == 1
    assert svg.count('<g class="node">') + svg.count('<g class="node flagged">') == 5
    flagged = re.findall(r'<g class="node flagged"><title>(c\d+) ', svg)
    assert sorted(flagged) == sorted({c for f in make_report().findings for c in f.claims})
    assert "<title>c5 · notes/b.md:5:3\nHostile: &lt;script&gt;" in svg
    assert ">c1</text>" in svg


def test_html_edges_table():
    page = _page()
    edges = page[page.index('<section id="edges">'):]
    assert edges.index("rel-conflicts") < edges.index("rel-supports") < edges.index("rel-related")
    assert "&lt;i&gt;both&lt;/i&gt; about robots" in edges


def _many_findings(n):
    """The fixture report with its first finding repeated ``n`` times (ids f1..fn)."""
    from dataclasses import replace

    report = make_report()
    first = report.findings[0]
    report.findings = [replace(first, id=f"f{i}", fingerprint=f"fp{i}") for i in range(1, n + 1)]
    return report


def test_html_findings_paged_past_200_with_the_same_filters_and_a_search():
    from checker.report import html_findings

    small = render(_many_findings(html_findings.FINDINGS_INLINE), "html")
    assert small.count('<article class="finding"') == html_findings.FINDINGS_INLINE  # up to 200: in full, as before
    assert 'id="findings-data"' not in small and html_findings.SCRIPT_HASH not in small
    page = render(_many_findings(html_findings.FINDINGS_INLINE + 1), "html")
    assert '<article class="finding"' not in page and 'id="findings-data"' in page
    assert "<h2>Findings (201)</h2>" in page
    form = page[page.index('<form id="filters"'):page.index("</form>")]
    assert 'name="severity"' in form and 'name="kind"' in form and 'name="doc"' in form and 'id="f-q"' in form
    assert form.index('id="f-q"') < form.index('type="reset"')
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert html_format.SCRIPT not in scripts and html_findings.SCRIPT in scripts  # the filters' script replaced
    assert f"'{html_findings.SCRIPT_HASH}'" in page and f"'{html_format.SCRIPT_HASH}'" not in page
    data = page[page.index('id="findings-data">'):]
    data = data[len('id="findings-data">'): data.index("</script>")]
    import json

    payload = json.loads(data)
    assert len(payload["findings"]) == 201 and payload["page"] == 200
    first = payload["findings"][0]
    assert set(first) == {"id", "rule", "name", "kind", "severity", "message", "docs", "claims"}
    # each claim once, its sentence in pieces with the figures marked; no raw markup in the data
    assert len(payload["claims"]) == len(first["claims"])
    assert "<" not in data and ">" not in data
    pieces = next(iter(payload["claims"].values()))[2]
    assert any(len(p) == 3 and p[1] in ("quantity", "date") for p in pieces)
