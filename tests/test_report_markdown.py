"""checker.report.markdown"""

from __future__ import annotations

from checker.report import markdown, render, summary_line

try:
    from report_fixtures import make_report
except ImportError:
    from tests.report_fixtures import make_report


def test_markdown_structure():
    report = make_report()
    out = render(report, "markdown")
    assert out.startswith("## claimgraph report\n")
    assert summary_line(report) in out
    assert "| # | Severity | Rule | Kind | Location | Message |" in out
    assert "| 1 | error | NUM001 | conflict | seeds/a.txt:4:1 \\(\\+1\\) |" in out
    assert "### Details" in out
    assert "  > In 2023, China filed 921,000 patents on AI, according to the survey \\[1\\]." in out
    assert "- **notes/b.md:3:21**" in out


def test_markdown_hostile_text_inert():
    out = render(make_report(), "markdown")
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "](javascript:" not in out.replace("\\]", "")
    assert "\\[x\\](javascript:alert(1))" in out
    assert "\\*bold\\* \\_it\\_ \\`code\\` &amp; more" in out


def test_markdown_table_rows_cannot_break():
    out = render(make_report(), "markdown")
    table = [line for line in out.splitlines() if line.startswith("| ")]
    for row in table:
        assert row.replace("\\|", "").count("|") == 7
    assert "5% \\| \\*bold" in out  # the pipe in the claim is escaped


def test_markdown_escape_rules():
    assert markdown.escape("# Title") == "\\# Title"
    assert markdown.escape("- item") == "\\- item"
    assert markdown.escape("2023. Then") == "2023\\. Then"
    assert markdown.escape("a\nb") == "a b"
    assert markdown.escape("$5 and $6") == "\\$5 and \\$6"
    assert markdown.escape("![i](x)") == "!\\[i\\](x)"
