"""checker.report.terminal"""

from __future__ import annotations

from checker.model import Claim, Document, Quantity, Report
from checker.report import render, summary_line
from checker.report import terminal

try:
    from report_fixtures import make_report
except ImportError:
    from tests.report_fixtures import make_report


def test_terminal_groups_by_finding():
    out = render(make_report(), "terminal")
    lines = out.splitlines()
    assert lines[0] == "error  NUM001 numeric.mismatch  conflict"
    assert lines[1].strip() == "921,000 patents vs 850,000 patents in 2023."
    assert 'seeds/a.txt:4:1  "In 2023, China filed 921,000 patents on AI, according to the survey [1]."' in out
    assert 'notes/b.md:3:21  "In 2023, China filed 850,000 patents on AI."' in out
    assert out.index("error  NUM001") < out.index("warning  SCOPE001") < out.index("info  SUP001")


def test_terminal_ends_with_summary():
    report = make_report()
    assert render(report, "terminal").rstrip("\n").splitlines()[-1] == summary_line(report)


def test_terminal_uncoloured_by_default():
    report = make_report()
    assert "\033[" not in render(report, "terminal")
    assert render(report, "terminal") == terminal.render(report)


def test_terminal_no_findings():
    out = render(Report(documents=[], claims=[], findings=[], edges=[]), "terminal")
    assert "No findings." in out


def test_terminal_shortens_long_sentence_keeping_figures():
    filler = "word " * 60
    text = filler + "revenue reached 1,234,567 units " + filler
    start = text.index("1,234,567")
    q = Quantity("1,234,567", start, start + 9, 1234567.0, "unit")
    claim = Claim("c1", "d1", "x.txt", 0, len(text), 1, 1, text, "body", quantities=(q,))
    out = terminal._sentence(claim)
    assert "1,234,567" in out
    assert out.startswith("…") and out.endswith("…")
    assert len(out) <= terminal.WIDTH + 2


def test_terminal_neutralises_control_characters():
    text = "Sales hit 5 units\x1b[2J in 2024."
    doc = Document("d1", "x.txt", text, "text")
    claim = Claim("c1", "d1", "x.txt", 0, len(text), 1, 1, text, "body")
    from checker.model import Finding

    f = Finding("f1", "R1", "r.one", "conflict", "error", "bad\x1b]0;title\x07", ("c1",), "fp")
    out = render(Report([doc], [claim], [f], []), "terminal")
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out
