"""The check report's ledger view in a real headless browser (Chromium, driven by Playwright).

The draft is shown as written with each claim highlighted in its status's colour; clicking
a claim shows its evidence, draft and archive sentence side by side; the status filter
un-highlights claims and hides ledger rows; with scripts off a claim's link still opens its
evidence (``:target``); the page's own scripts run under its CSP and nothing else does.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.report import render
from tests.test_browser_report import browser  # noqa: F401 - the shared Chromium fixture
from tests.test_ledger import make_check_report

pytestmark = pytest.mark.browser


@pytest.fixture
def ledger_page(browser, tmp_path):  # noqa: F811 - the fixture imported above
    path = tmp_path / "check.html"
    path.write_text(render(make_check_report(), "html"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    yield page, errors, path
    page.close()


def _background(page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")


def test_browser_ledger_highlights_every_claim_in_its_status_colour(ledger_page):
    page, errors, _ = ledger_page
    statuses = page.eval_on_selector_all("pre.draft-text a.claim", "els => els.map(e => e.getAttribute('data-status'))")
    assert statuses == ["conflicting", "confirmed", "review", "unverified", "conflicting"]
    colours = {s: _background(page, f'pre.draft-text a.claim[data-status="{s}"]') for s in set(statuses)}
    assert len(set(colours.values())) == 4, colours  # four different colours
    assert all(c not in ("rgba(0, 0, 0, 0)", "transparent") for c in colours.values())
    # the draft as written: the heading line and the pull quote's ">" are there
    text = page.inner_text("pre.draft-text")
    assert text.startswith("# Draft\nIn 2023, China filed 798,000 patents.")
    assert "> “In 2023, China filed 798,000 patents.”" in text
    assert page.locator("pre.draft-text a.claim mark").count() >= 5  # the figures are marked inside the claims
    assert errors == []


def test_browser_ledger_click_shows_the_evidence_side_by_side(ledger_page):
    page, errors, path = ledger_page
    assert page.locator("section.evidence:visible").count() == 0
    page.click('pre.draft-text a.claim[href="#ev-c1"]')
    panel = page.locator("#ev-c1")
    assert panel.is_visible()
    assert page.locator("section.evidence:visible").count() == 1
    draft = panel.locator(".pair figure.draft").first.bounding_box()
    archive = panel.locator(".pair figure.archive").first.bounding_box()
    assert abs(draft["y"] - archive["y"]) < 2 and draft["x"] + draft["width"] <= archive["x"]  # side by side
    assert "798,000" in panel.locator(".pair figure.draft mark").all_inner_texts()
    assert "921,000" in panel.locator(".pair figure.archive mark").all_inner_texts()
    caption = panel.locator(".pair figure.archive figcaption").inner_text()
    assert "Archive A" in caption and "2025-04-12" in caption and "archive/a.txt:1:1, archive/a.txt:5:1" in caption
    assert "Suggested action:" in panel.inner_text()
    assert page.evaluate("location.hash") == ""  # the script kept the page where it was
    # another claim replaces it
    page.click('pre.draft-text a.claim[href="#ev-c4"]')
    assert not panel.is_visible() and page.locator("#ev-c4").is_visible()
    assert "Nothing in the archive speaks to this claim." in page.inner_text("#ev-c4")
    shot = path.with_suffix(".png")
    page.locator("#ledger").screenshot(path=str(shot))
    if os.environ.get("CLAIMGRAPH_SCREENSHOT_LEDGER"):  # keep a copy to look at
        Path(os.environ["CLAIMGRAPH_SCREENSHOT_LEDGER"]).write_bytes(shot.read_bytes())
    assert errors == []


def test_browser_ledger_status_filter_unhighlights_claims_and_hides_rows(ledger_page):
    page, errors, _ = ledger_page
    assert page.is_visible("#ledger-filters")
    rows = lambda: page.eval_on_selector_all("table.ledger tbody tr", "els => els.filter(e => !e.hidden).length")  # noqa: E731
    assert rows() == 5
    page.uncheck('#ledger-filters input[value="conflicting"]')
    assert rows() == 3
    assert _background(page, 'a.claim[href="#ev-c1"]') == "rgba(0, 0, 0, 0)"
    assert _background(page, 'a.claim[href="#ev-c2"]') != "rgba(0, 0, 0, 0)"
    page.uncheck('#ledger-filters input[value="confirmed"]')
    assert rows() == 2
    page.check('#ledger-filters input[value="conflicting"]')
    assert rows() == 4 and _background(page, 'a.claim[href="#ev-c1"]') != "rgba(0, 0, 0, 0)"
    # a ledger row opens the same evidence
    page.click('table.ledger a.to-claim[href="#ev-c3"]')
    assert page.locator("#ev-c3").is_visible()
    assert "45 warehouses" in page.inner_text("#ev-c3") and "40 warehouses" in page.inner_text("#ev-c3")
    assert errors == []


def test_browser_ledger_evidence_opens_without_scripts(browser, tmp_path):  # noqa: F811
    path = tmp_path / "check.html"
    path.write_text(render(make_check_report(), "html"), encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        assert not page.is_visible("#ledger-filters")  # progressive: no filter without the script
        page.click('pre.draft-text a.claim[href="#ev-c3"]')
        assert page.locator("#ev-c3").is_visible()
        assert page.locator("section.evidence:visible").count() == 1
    finally:
        context.close()


def test_browser_ledger_hostile_draft_stays_inert(browser, tmp_path):  # noqa: F811
    """A draft full of markup and script: the ledger view shows it as text, and only the page's two scripts run."""
    from checker.pipeline import Pipeline, Settings
    from tests.fakes import HashEmbedder
    from tests.test_browser_report import _assert_inert, _hostile_docs, _open

    folder = tmp_path / "docs"
    _hostile_docs(folder)
    pipeline = Pipeline(Settings(use_cache=False), embedder=HashEmbedder(), warn=lambda m: None)
    drafts = [str(folder / "hostile.md"), str(folder / "hostile.html")]
    report = pipeline.check(drafts, [str(folder / "hostile.txt")])
    assert report.ledger() and {e.status for e in report.ledger()} & {"conflicting", "review", "confirmed"}
    page, dialogs, _ = _open(browser, render(report, "html"), tmp_path, "hostile-check.html")
    try:
        _assert_inert(page, dialogs, scripts_allowed=2)
        assert page.is_visible("#ledger-filters")  # the ledger's own script ran
        text = page.inner_text("pre.draft-text >> nth=0")
        assert "<script>" in text or "&lt;script&gt;" in text  # the draft as written, markup shown as text
        page.click("pre.draft-text a.claim >> nth=0")
        assert page.locator("section.evidence:visible").count() == 1
        _assert_inert(page, dialogs, scripts_allowed=2)
    finally:
        page.close()
