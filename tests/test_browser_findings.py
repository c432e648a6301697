"""The HTML report's findings past a few hundred in headless Chromium: paged, filtered across pages (issue 18)."""

from __future__ import annotations

import time

import pytest

from checker.model import Document, Finding, Report
from checker.report import html

from tests.report_fixtures import _claim, _q
from tests.test_browser_report import browser  # noqa: F401 - the shared Chromium fixture

pytestmark = pytest.mark.browser

N = 1000  # findings: five pages of 200


def _many_findings() -> Report:
    docs, claims, findings = [], [], []
    for i in range(N):
        ids = []
        for k, value in enumerate((100 + i, 200 + i)):
            did = f"d{i}-{k}"
            text = f"\U0001F600 Firm{i} <b>sold</b> {value} widgets.\n"
            doc = Document(id=did, path=f"docs/{did}.md", text=text, format="markdown")
            sentence = text.strip()
            claims.append(_claim(f"c{i}-{k}", doc, sentence, quantities=(_q(sentence, str(value), float(value), "widget"),)))
            docs.append(doc)
            ids.append(f"c{i}-{k}")
        kind, severity = ("conflict", "error") if i % 2 else ("scope", "warning")
        findings.append(Finding(f"f{i}", "NUM001", "numeric.mismatch", kind, severity, f"{100 + i} vs {200 + i} (Firm{i})", tuple(ids), f"fp{i}"))
    return Report(documents=docs, claims=claims, findings=findings, edges=[], model="m")


@pytest.fixture(scope="module")
def report_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("findings") / "report.html"
    path.write_text(html.render(_many_findings()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page(browser, report_file):  # noqa: F811
    p = browser.new_page()
    errors = []
    p.on("pageerror", lambda err: errors.append(str(err)))
    t = time.perf_counter()
    p.goto(report_file.as_uri())
    p.wait_for_selector("#findings-list article.finding")
    p.load_seconds = time.perf_counter() - t
    p.errors = errors
    yield p
    p.close()


def _count(page) -> str:
    return page.locator("#shown-count").inner_text()


def test_browser_findings_paged_with_show_more(page):
    assert page.errors == []
    assert page.locator("article.finding").count() == 200
    assert _count(page) == f"Showing 200 of {N} findings"
    assert page.locator("#filters").is_visible()
    page.click("#f-more")
    assert page.locator("article.finding").count() == 400
    assert page.load_seconds < 10


def test_browser_findings_rendered_like_a_small_reports(page):
    first = page.locator("article.finding").first
    assert first.get_attribute("id") == "finding-f1"  # errors first
    assert first.get_attribute("data-severity") == "error" and first.get_attribute("data-docs") == "d1-0 d1-1"
    # (text_content: a finding out of view is not laid out, content-visibility: auto)
    assert first.locator("header .badge").all_text_contents() == ["error", "conflict"]
    assert first.locator("h3").text_content() == "NUM001 numeric.mismatch"
    assert first.locator(".message").text_content() == "101 vs 201 (Firm1)"
    quote = first.locator("blockquote").first
    assert quote.text_content() == "\U0001F600 Firm1 <b>sold</b> 101 widgets."  # markup stays text
    assert quote.locator("mark.quantity").text_content() == "101"
    assert quote.locator("mark").get_attribute("title") == "101 widget"
    assert page.locator("#findings-list b").count() == 0


def test_browser_findings_filters_and_search_work_across_pages(page):
    page.uncheck('input[name="severity"][value="error"]')
    assert _count(page) == f"Showing 200 of {N // 2} findings ({N} in all)"
    assert set(page.eval_on_selector_all("article.finding", "els => els.map(e => e.dataset.severity)")) == {"warning"}
    page.click('button[type="reset"]')
    page.wait_for_timeout(50)
    assert _count(page) == f"Showing 200 of {N} findings"
    page.fill("#f-q", "firm742 ")  # on the fourth page unfiltered; the search reaches it
    assert _count(page) == "Showing 1 of 1 findings (1000 in all)"
    assert page.locator("article.finding").get_attribute("id") == "finding-f742"
    page.fill("#f-q", "docs/d901-1.md")
    assert page.locator("article.finding").get_attribute("id") == "finding-f901"
    page.fill("#f-q", "")
    page.select_option('select[name="doc"]', "d998-0")
    assert _count(page) == "Showing 1 of 1 findings (1000 in all)"
    page.uncheck('input[name="kind"][value="scope"]')
    assert _count(page) == "Showing 0 of 0 findings (1000 in all)" and page.locator("#f-more").is_hidden()
    page.click('button[type="reset"]')
    page.wait_for_timeout(50)
    assert _count(page) == f"Showing 200 of {N} findings" and page.locator("#f-q").input_value() == ""


def test_browser_findings_link_to_a_finding_past_the_first_page(browser, report_file):  # noqa: F811
    p = browser.new_page()
    try:
        p.goto(report_file.as_uri() + "#finding-f900")
        target = p.locator("#finding-f900")
        target.wait_for()
        assert p.locator("article.finding").count() >= 200 * 3
        assert target.is_visible()
    finally:
        p.close()


_SHAPE = """el => {
  function walk(n) {
    if (n.nodeType === 3) return /^\\s*$/.test(n.textContent) ? '' : n.textContent.replace(/\\s+/g, ' ');
    var attrs = Array.prototype.map.call(n.attributes, function (a) { return a.name + '=' + a.value; }).sort();
    return '<' + n.tagName + ' ' + attrs.join(' ') + '>' + Array.prototype.map.call(n.childNodes, walk).join('') + '</' + n.tagName + '>';
  }
  return walk(el);
}"""


def test_browser_findings_paged_markup_is_a_small_reports(browser, report_file, tmp_path):  # noqa: F811
    """The script builds each article as the page of a small report writes it."""
    from checker.report import html_findings

    old = html_findings.FINDINGS_INLINE
    html_findings.FINDINGS_INLINE = 10 * N
    try:
        static = tmp_path / "static.html"
        static.write_text(html.render(_many_findings()), encoding="utf-8")
    finally:
        html_findings.FINDINGS_INLINE = old
    shapes = []
    for path in (static, report_file):
        p = browser.new_page()
        try:
            p.goto(path.as_uri())
            shapes.append([p.eval_on_selector(f"#finding-{fid}", _SHAPE) for fid in ("f1", "f3")])
        finally:
            p.close()
    assert shapes[0] == shapes[1]
    assert "MARK" in shapes[0][0] and "title=101 widget" in shapes[0][0]
