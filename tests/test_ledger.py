"""The claim ledger of a check (checker/ledger.py) and the editor's view of its findings
(checker/report/editorial.py) in JSON, Markdown and the terminal, on a hand-made report."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from checker.api import exit_code
from checker.config import parse_config
from checker.errors import ConfigError
from checker.ledger import compute_ledger, ledger_line, status_counts
from checker.model import Citation, Document, Edge, Finding, Report
from checker.report import render
from checker.report.editorial import compare_figures, review, statement_key, word_differences
from checker.settings import resolve_settings
from tests.report_fixtures import _claim, _d, _q

DRAFT_TEXT = (
    "# Draft\n"
    "In 2023, China filed 798,000 patents.\n"
    "Robot sales reached 120,000 units in 2024.\n"
    "The firm had 45 warehouses in 2024.\n"
    "Bakeries sold 3,000 croissants in 2021.\n"
    "> “In 2023, China filed 798,000 patents.”\n"
)
ARCHIVE_TEXT = (
    "In 2023, China filed 921,000 patents [1].\n"
    "Robot sales reached 120,000 units in 2024.\n"
    "The firm had 40 warehouses in 2024.\n"
    "Revenue was $5 million.\n"
    "“In 2023, China filed 921,000 patents.”\n"
)


def _patents(cid, doc, sentence, value, section="body"):
    text = f"{value:,}"
    cites = ()
    if "[1]" in sentence:
        i = sentence.index("[1]")
        cites = (Citation("[1]", i, i + 3, (1,)),)
    return _claim(
        cid, doc, sentence, section=section,
        quantities=(_q(sentence, text, float(value), "patent", noun="patents"),),
        dates=(_d(sentence, "In 2023", "2023", "year", "2023-01-01", "2023-12-31", "in"),), citations=cites,
    )


def _y2024(s):
    return (_d(s, "2024", "2024", "year", "2024-01-01", "2024-12-31", "in"),)


def make_check_report() -> Report:
    draft = Document(id="d1", path="draft.md", text=DRAFT_TEXT, format="markdown", title="Draft")
    arch = Document(id="d2", path="archive/a.txt", text=ARCHIVE_TEXT, format="text", title="Archive A", date="2025-04-12")
    c1 = _patents("c1", draft, "In 2023, China filed 798,000 patents.", 798000)
    s2 = "Robot sales reached 120,000 units in 2024."
    c2 = _claim("c2", draft, s2, quantities=(_q(s2, "120,000", 120000.0, "unit"),), dates=_y2024(s2))
    s3 = "The firm had 45 warehouses in 2024."
    c3 = _claim("c3", draft, s3, quantities=(_q(s3, "45", 45.0, "warehouse", noun="warehouses"),), dates=_y2024(s3))
    s4 = "Bakeries sold 3,000 croissants in 2021."
    c4 = _claim("c4", draft, s4, quantities=(_q(s4, "3,000", 3000.0, "croissant"),),
                dates=(_d(s4, "2021", "2021", "year", "2021-01-01", "2021-12-31", "in"),))
    c5 = _patents("c5", draft, "“In 2023, China filed 798,000 patents.”", 798000, section="quote")
    c10 = _patents("c10", arch, "In 2023, China filed 921,000 patents [1].", 921000)
    s11 = "Robot sales reached 120,000 units in 2024."
    c11 = dataclasses.replace(_claim("c11", arch, s11, quantities=(_q(s11, "120,000", 120000.0, "unit"),), dates=_y2024(s11)))
    s12 = "The firm had 40 warehouses in 2024."
    c12 = _claim("c12", arch, s12, quantities=(_q(s12, "40", 40.0, "warehouse", noun="warehouses"),), dates=_y2024(s12))
    s13 = "Revenue was $5 million."
    c13 = _claim("c13", arch, s13, quantities=(_q(s13, "$5 million", 5e6, "USD", "money"),))
    c14 = _patents("c14", arch, "“In 2023, China filed 921,000 patents.”", 921000, section="quote")

    def conflict(fid, a, b):
        return Finding(fid, "NUM001", "numeric.mismatch", "conflict", "error",
                       f"{a} vs {b}: sentence similarity 0.86; same context words (100%)", (a, b), f"fp-{fid}")

    findings = [conflict("f1", "c1", "c10"), conflict("f2", "c1", "c14"), conflict("f3", "c5", "c10"), conflict("f4", "c5", "c14")]
    edges = [
        Edge("c1", "c10", "conflicts", "NUM001", 0.99, "x"),
        Edge("c1", "c14", "conflicts", "NUM001", 0.98, "x"),
        Edge("c5", "c10", "conflicts", "NUM001", 0.97, "x"),
        Edge("c5", "c14", "conflicts", "NUM001", 0.99, "x"),
        Edge("c2", "c11", "supports", "NUM001", 0.95, "x"),
        Edge("c3", "c12", "related", None, 0.81, "similar statements"),
        Edge("c4", "c13", "related", None, 0.62, "similar statements"),
    ]
    return Report(
        documents=[draft, arch], claims=[c1, c2, c3, c4, c5, c10, c11, c12, c13, c14], findings=findings, edges=edges,
        model="test-model", draft_paths={"draft.md"},
    )


@pytest.fixture
def report():
    return make_check_report()


def test_ledger_gives_every_draft_claim_one_status(report):
    entries = {e.claim: e for e in compute_ledger(report)}
    assert list(entries) == ["c1", "c2", "c3", "c4", "c5"]
    assert (entries["c1"].status, entries["c1"].evidence, entries["c1"].finding) == ("conflicting", ("c10", "c14"), "f1")
    assert (entries["c2"].status, entries["c2"].evidence, entries["c2"].finding) == ("confirmed", ("c11",), None)
    assert (entries["c3"].status, entries["c3"].evidence) == ("review", ("c12",))
    # a related statement with no comparable figure or date says nothing about the draft claim
    assert (entries["c4"].status, entries["c4"].evidence) == ("unverified", ())
    assert entries["c5"].status == "conflicting"
    assert ledger_line(entries.values()) == "5 draft claims: 1 confirmed, 2 conflicting, 1 to review, 1 unverified"
    assert report.ledger() == list(entries.values())


def test_ledger_conflict_wins_over_support_and_a_scan_has_none(report):
    both = dataclasses.replace(report, edges=report.edges + [Edge("c1", "c11", "supports", "NUM001", 0.9, "x")])
    assert compute_ledger(both)[0].status == "conflicting"
    assert dataclasses.replace(report, draft_paths=None).ledger() == []
    # a scope finding with an archive claim is for a person to review, with the finding
    scope = Finding("f9", "SCOPE001", "scope.difference", "scope", "info", "m", ("c4", "c13"), "fp9")
    entry = compute_ledger(dataclasses.replace(report, findings=report.findings + [scope]))[3]
    assert (entry.status, entry.evidence, entry.finding) == ("review", ("c13",), "f9")


def test_ledger_evidence_order_follows_places_not_ids(report):
    # the index form names archive claims otherwise: the order must not change
    renamed = {"c10": "z1", "c14": "a9"}
    claims = [dataclasses.replace(c, id=renamed.get(c.id, c.id)) for c in report.claims]
    edges = [dataclasses.replace(e, target=renamed.get(e.target, e.target)) for e in report.edges]
    findings = [dataclasses.replace(f, claims=tuple(renamed.get(c, c) for c in f.claims)) for f in report.findings]
    other = dataclasses.replace(report, claims=claims, edges=edges, findings=findings)
    assert compute_ledger(other)[0].evidence == ("z1", "a9")  # line 1, then line 5
    assert render(other, "markdown") == render(report, "markdown")
    assert render(other, "terminal") == render(report, "terminal")


def test_ledger_json_is_written_only_for_a_check(report):
    data = json.loads(render(report, "json"))
    assert list(data)[:7] == ["schema", "tool", "documents", "claims", "findings", "edges", "ledger"]
    assert data["ledger"][0] == {"claim": "c1", "status": "conflicting", "evidence": ["c10", "c14"], "finding": "f1"}
    assert {e["claim"] for e in data["ledger"]} == {c["id"] for c in data["claims"] if c["doc"] == "d1"}
    assert data["summary"]["ledger"] == {"confirmed": 1, "conflicting": 2, "review": 1, "unverified": 1}
    assert [f["message"] for f in data["findings"]] == [f.message for f in sorted(report.findings, key=lambda f: f.id)]
    scan = json.loads(render(dataclasses.replace(report, draft_paths=None), "json"))
    assert "ledger" not in scan and "ledger" not in scan["summary"]


def test_editorial_groups_a_repeated_draft_sentence_and_archive_statement_once(report):
    groups, _ = review(report)
    assert [[c.id for c in g.draft.claims] for g in groups] == [["c1", "c5"], ["c2"], ["c3"], ["c4"]]
    first = groups[0]
    assert len(first.items) == 1  # four findings: one sentence written twice on each side
    item = first.items[0]
    assert [c.id for c in item.other.claims] == ["c10", "c14"]
    assert sorted(f.id for f in item.findings) == ["f1", "f2", "f3", "f4"]
    assert item.explanation == (
        "The figures disagree: the draft says 798,000 patents, the archive says 921,000 patents. Both state 2023."
    )
    assert item.action == (
        "Check the figure against the source; the archive says 921,000 patents (Archive A, 2025-04-12, archive/a.txt:1)."
    )
    assert [i.status for i in groups[2].items] == ["review"]
    assert "45 warehouses" in groups[2].items[0].explanation and "40 warehouses" in groups[2].items[0].explanation
    assert groups[2].items[0].action.startswith("Decide whether both speak of the same thing; if they do, check the figure")


def test_editorial_statement_key_ignores_quotes_citations_and_case(report):
    by_id = report.claim_by_id()
    assert statement_key(by_id["c10"]) == statement_key(by_id["c14"])
    assert statement_key(by_id["c1"]) != statement_key(by_id["c10"])


def test_editorial_compares_figures_and_words(report):
    by_id = report.claim_by_id()
    shared, quantities, dates = compare_figures(by_id["c3"], by_id["c12"])
    assert (shared, quantities, dates) == (["2024"], [("45 warehouses", "40 warehouses")], [])
    assert word_differences("its first album came out", "its second album came out") == [("first", "second")]


def test_editorial_markdown_is_in_plain_words(report):
    md = render(report, "markdown")
    assert "**5 draft claims: 1 confirmed, 2 conflicting, 1 to review, 1 unverified**" in md
    assert md.count("#### ") == 2  # the conflicting sentence (written twice) and the one to review
    assert "draft.md:2:1, draft.md:6:3" in md and "archive/a.txt:1:1, archive/a.txt:5:1" in md
    assert "> **In 2023**, China filed **798,000** patents." in md
    assert "suggested action: Check the figure against the source; the archive says 921,000 patents" in md
    for leaked in ("similarity", "context words", "c10", "c14", "f1", "0.99"):
        assert leaked not in md
    assert not re.search(r"\bc\d+\b", md)
    ledger = md[md.index("### Claim ledger"):]
    assert ledger.count("\n| ") == 6 + 1  # header, rule and five claims (the rule line starts with "| -")
    assert "| 4 | Bakeries sold 3,000 croissants in 2021. | draft.md:5:1 | unverified | — |" in ledger


def test_editorial_terminal_groups_by_draft_sentence(report):
    text = render(report, "terminal")
    assert text.splitlines()[0] == "draft.md:2:1, draft.md:6:3  [conflicting]"
    assert "archive  archive/a.txt:1:1, archive/a.txt:5:1" in text
    assert "action   Check the figure against the source; the archive says 921,000 patents (Archive A, 2025-04-12, archive/a.txt:1)." in text
    assert "review  an archive statement no rule could decide" in text
    assert text.rstrip().splitlines()[-2] == "5 draft claims: 1 confirmed, 2 conflicting, 1 to review, 1 unverified"
    assert "similarity" not in text


def test_ledger_review_severity_gates_only_when_configured(report):
    quiet = dataclasses.replace(report, findings=[], edges=[e for e in report.edges if e.relation != "conflicts"])
    assert status_counts(quiet.ledger())["review"] == 1
    assert exit_code(quiet, "info") == 0  # default: a review never fails a run
    assert exit_code(quiet, "warning", review_severity="warning") == 1
    assert exit_code(quiet, "warning", review_severity="error") == 1
    assert exit_code(quiet, "warning", review_severity="info") == 0
    assert exit_code(quiet, "never", review_severity="error") == 0
    assert exit_code(quiet, "error", exit_zero=True, review_severity="error") == 0
    no_review = dataclasses.replace(quiet, edges=[e for e in quiet.edges if e.relation != "related"])
    assert exit_code(no_review, "info", review_severity="error") == 0


def test_ledger_review_severity_setting_layers_flag_file_default(tmp_path):
    assert resolve_settings(config=parse_config("", "c.toml"), environ={}).gate.review_severity == "none"
    cfg = parse_config('review_severity = "warning"\n', "c.toml")
    resolved = resolve_settings(config=cfg, environ={})
    assert (resolved.gate.review_severity, resolved.sources["review_severity"]) == ("warning", "file")
    assert resolve_settings(config=cfg, environ={}, review_severity="error").gate.review_severity == "error"
    assert resolved.effective()["review_severity"] == "warning"
    with pytest.raises(ConfigError, match="review_severity"):
        parse_config('review_severity = "loud"\n', "c.toml")
    with pytest.raises(ConfigError, match="review_severity"):
        resolve_settings(config=parse_config("", "c.toml"), environ={}, review_severity="loud")


def _page_text(html: str) -> str:
    """The text a reader sees: everything outside tags, scripts and styles."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.out, self.skip = [], 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("script", "style")

        def handle_endtag(self, tag):
            self.skip -= tag in ("script", "style")

        def handle_data(self, data):
            if not self.skip:
                self.out.append(data)

    parser = Text()
    parser.feed(html)
    return "".join(parser.out)


def test_ledger_html_shows_the_draft_with_every_claim_in_its_status_colour(report):
    import base64
    import hashlib

    from checker.report import html_ledger

    html = render(report, "html")
    assert '<section id="ledger">' in html
    for cid, status in [("c1", "conflicting"), ("c2", "confirmed"), ("c3", "review"), ("c4", "unverified"), ("c5", "conflicting")]:
        assert f'<a class="claim st-{status}" href="#ev-{cid}" data-status="{status}"' in html
        assert f'<section class="evidence" id="ev-{cid}" data-status="{status}">' in html
    # the draft as written: its heading and the pull quote's marker are there, escaped
    assert "# Draft\n" in html and "&gt; <a class=\"claim st-conflicting\" href=\"#ev-c5\"" in html
    assert '<mark class="quantity">798,000</mark>' in html
    text = _page_text(html)
    assert "5 draft claims: 1 confirmed, 2 conflicting, 1 to review, 1 unverified" in text
    assert "Archive A" in text and "archive/a.txt:1:1, archive/a.txt:5:1" in text
    for leaked in ("similarity", "context words", "0.99"):
        assert leaked not in text
    assert not re.search(r"\b[cf]\d+\b", text), re.findall(r"\b[cf]\d+\b", text)
    # both scripts, each allowed by its hash, and nothing else
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in csp
    assert html_ledger.SCRIPT in scripts
    assert "unsafe-inline" not in csp.split("script-src", 1)[1].split(";")[0]


def test_ledger_html_escapes_document_text_in_the_draft_view(report):
    hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)>"
    draft = report.documents[0]
    text = draft.text.replace("# Draft", "# " + hostile)
    docs = [dataclasses.replace(draft, text=text, line_starts=[]), report.documents[1]]
    shift = len(hostile) - len("Draft")
    claims = [dataclasses.replace(c, start=c.start + shift, end=c.end + shift) if c.doc == "d1" else c for c in report.claims]
    html = render(dataclasses.replace(report, documents=docs, claims=claims), "html")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<a class="claim st-conflicting" href="#ev-c1"' in html  # the spans still land on the claims


def test_ledger_html_of_a_scan_is_unchanged_by_the_ledger(report):
    from checker.report import html

    scan = render(dataclasses.replace(report, draft_paths=None), "html")
    assert 'id="ledger"' not in scan and scan.count("<script>") == 1
    assert f'content="{html.CSP}"' in scan


def _text_claim(text: str, doc: str, facts: bool = False):
    """The one claim of a one-sentence text document (with its facts bound, ``facts``)."""
    from checker.extract.claims import document_claims
    from checker.frame.facts import document_claims_with_facts
    from checker.ingest.documents import parse_document

    read = document_claims_with_facts if facts else document_claims
    (c,) = read(parse_document(text, "text", doc, f"{doc}.txt"), 1)
    return c


def test_editorial_names_the_figures_the_rules_found_disagreeing():
    claim = _text_claim
    draft = claim("Public safety gets $1.3 billion and parks get $210 million.", "d1")
    other = claim("Parks get $180 million, up from $150 million in 2030.", "d2")
    # by kind alone the first amounts pair; the rules' edge says which figures disagree
    assert compare_figures(draft, other)[1][0] == ("$1.3 billion", "$180 million")
    assert compare_figures(draft, other, (("q1", "q0"),))[1] == [("$210 million", "$180 million")]
    # names of no figure of the claims fall back to the kinds
    assert compare_figures(draft, other, (("q7", "q0"),))[1][0] == ("$1.3 billion", "$180 million")


def test_editorial_writes_a_reading_on_a_scale_with_the_scales_name():
    claim = _text_claim
    draft = claim("A magnitude 6.9 earthquake hit Taluga province on Monday.", "d1")
    other = claim("A 7.1-magnitude quake struck Taluga province on Monday.", "d2")
    ((said, other_said),) = compare_figures(draft, other)[1]
    assert said == "magnitude 6.9" and other_said.startswith("7.1-magnitude quake")  # (not "6.9 earthquake hit")


def test_a_draft_date_the_archive_states_too_dating_no_event_is_nothing_to_review():
    from checker.ledger import comparable

    def claim(text, doc):
        return _text_claim(text, doc, facts=True)

    title = claim("Tarvos transport review 2035", "d1")
    other = claim("Tarvos Airport handled 24.6 million passengers in 2035, up from 22.8 million in 2034.", "d2")
    assert not comparable(title, other)
    # another date, or a date of an event, is worth a look
    assert comparable(claim("Tarvos transport review 2036", "d3"), other)
    assert comparable(claim("Tarvos Airport opened in 2035.", "d4"), other)
