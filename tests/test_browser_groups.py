"""The HTML "Discrepancies" section in headless Chromium: paging, filters, sorting, links (issue 18)."""

from __future__ import annotations

import time

import pytest

from checker.model import Document, Edge, Report
from checker.report import html

from tests.report_fixtures import _claim, _q
from tests.test_browser_report import browser  # noqa: F401 - the shared Chromium fixture

pytestmark = pytest.mark.browser

N = 3000  # groups: past one page (200) by far


def _big_report() -> Report:
    from checker.group import build_groups

    docs, claims, edges = [], [], []
    for i in range(N):
        members = []
        for k, value in enumerate((100 + i, 100 + i, 100 + i if i % 3 else 999 + i)):
            did = f"d{i}-{k}"
            text = f"Firm{i} <b>sold</b> {value} widgets in 2024.\n"
            doc = Document(id=did, path=f"docs/{did}.md", text=text, format="markdown")
            sentence = text.strip()
            figure = str(value)
            claims.append(_claim(f"c{i}-{k}", doc, sentence, quantities=(_q(sentence, figure, float(value), "widget"),), subjects=(f"Firm{i}",)))
            docs.append(doc)
            members.append(f"c{i}-{k}")
        edges.append(Edge(members[0], members[1], "supports", "NUM001", 1.0))
        edges.append(Edge(members[0], members[2], "supports" if i % 3 else "conflicts", "NUM001", 1.0))
    report = Report(documents=docs, claims=claims, findings=[], edges=edges, model="m")
    report.groups = build_groups(report)
    return report


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):  # noqa: F811
    report = _big_report()
    path = tmp_path_factory.mktemp("groups") / "report.html"
    path.write_text(html.render(report), encoding="utf-8")
    p = browser.new_page()
    errors = []
    p.on("pageerror", lambda err: errors.append(str(err)))
    t = time.perf_counter()
    p.goto(path.as_uri())
    p.wait_for_selector("#groups-list .group")
    p.load_seconds = time.perf_counter() - t
    p.errors = errors
    yield p
    p.close()


def test_pages_instead_of_rendering_every_group(page):
    assert page.errors == []
    assert page.locator("#groups-list .group").count() == 200
    assert page.locator("#g-count").inner_text() == f"Showing 200 of {N} groups"
    page.click("#g-more")
    assert page.locator("#groups-list .group").count() == 400
    assert page.load_seconds < 10


def test_disagreeing_groups_first_and_text_is_text(page):
    first = page.locator("#groups-list .group").first
    assert first.get_attribute("data-status") == "disagree"
    assert page.locator("#groups-list b").count() == 0  # "<b>" in a sentence stays text
    assert "<b>sold</b>" in first.locator(".group-sentences").inner_text()


def test_filters_by_status_document_and_text(page):
    page.select_option("#g-status", "agree")
    assert page.locator("#groups-list .group.disagree").count() == 0
    assert page.locator("#g-count").inner_text() == f"Showing 200 of {N - N // 3} groups"
    page.select_option("#g-status", "")
    page.select_option("#g-doc", "docs/d7-2.md")
    assert page.locator("#g-count").inner_text() == "Showing 1 of 1 groups"
    page.select_option("#g-doc", "")
    page.fill("#g-q", "firm42 ")
    page.fill("#g-q", "firm42")
    labels = page.locator("#groups-list .glabel").all_inner_texts()
    assert labels and all("Firm42" in lab for lab in labels)
    page.fill("#g-q", "")


def test_sorting(page):
    page.select_option("#g-sort", "label")
    labels = page.locator("#groups-list .glabel").all_inner_texts()[:20]
    assert labels == sorted(labels, key=str.lower) or labels == sorted(labels)
    page.select_option("#g-sort", "values")
    first = page.locator("#groups-list .group").first
    assert first.locator("tbody tr").count() == 2
    page.select_option("#g-sort", "status")


def test_value_links_to_its_sentence(page):
    link = page.locator("#groups-list .group").first.locator("a.sentence-link").first
    href = link.get_attribute("href")
    link.click()
    target = page.locator(f"li{href.replace('#', '#')}" if False else "li:target")
    assert target.count() == 1
    assert target.get_attribute("id") == href[1:]


def test_many_edges_are_paged_and_the_graph_is_not_drawn(page):
    assert page.locator("#graph svg").count() == 0 and "too many to draw" in page.locator("#graph").text_content()
    assert page.locator("#edges-body tr").count() == 200
    assert page.locator("#e-count").text_content() == f"Showing 200 of {2 * N} edges"
    page.select_option("#e-rel", "conflicts")
    assert page.locator("#e-count").text_content() == f"Showing 200 of {N // 3} edges"
    page.click("#e-more")
    assert page.locator("#edges-body tr").count() == min(400, N // 3)
    page.select_option("#e-rel", "")
    page.fill("#e-q", "d7-2.md")
    assert page.locator("#e-count").text_content() == "Showing 1 of 1 edges"
    page.fill("#e-q", "")
    assert page.errors == []
