"""checker.report: the shared API and what every format must agree on."""

from __future__ import annotations

import json
import re

import pytest

from checker.errors import ConfigError
from checker.model import Report
from checker.report import FORMATS, format_for_path, render, sort_findings, summary_line

try:
    from report_fixtures import expected_locations, make_report
except ImportError:  # tests/ imported as a package
    from tests.report_fixtures import expected_locations, make_report


def test_report_formats_registered():
    assert set(FORMATS) == {"terminal", "json", "markdown", "html", "sarif", "github", "csv"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_report_render_every_format(fmt):
    out = render(make_report(), fmt)
    assert isinstance(out, str) and out.strip()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_report_render_deterministic(fmt):
    assert render(make_report(), fmt) == render(make_report(), fmt)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_report_render_empty_report(fmt):
    out = render(Report(documents=[], claims=[], findings=[], edges=[]), fmt)
    assert isinstance(out, str)


def test_report_render_unknown_format():
    with pytest.raises(ConfigError, match="unknown report format"):
        render(make_report(), "yaml")


@pytest.mark.parametrize(
    "path, fmt",
    [
        ("out.json", "json"),
        ("out.sarif", "sarif"),
        ("dir.x/out.sarif.json", "sarif"),
        ("OUT.SARIF.JSON", "sarif"),
        ("out.md", "markdown"),
        ("out.markdown", "markdown"),
        ("out.html", "html"),
        ("out.htm", "html"),
        ("out.txt", "terminal"),
        ("out.csv", "csv"),
        ("out.docx", None),
        ("out", None),
        ("json", None),
    ],
)
def test_report_format_for_path(path, fmt):
    assert format_for_path(path) == fmt


def test_report_summary_line():
    assert summary_line(make_report()) == "2 documents, 5 claims, 3 findings (1 error, 1 warning, 1 info)"
    empty = Report(documents=[], claims=[], findings=[], edges=[])
    assert summary_line(empty) == "0 documents, 0 claims, 0 findings (0 errors, 0 warnings, 0 info)"


def test_report_sort_findings_order():
    report = make_report()
    ordered = sort_findings(report.findings, report.claim_by_id())
    assert [f.id for f in ordered] == ["f1", "f2", "f3"]  # error, warning, info


def _labels(text: str) -> set[tuple[str, int, int]]:
    return {(p, int(l), int(c)) for p, l, c in re.findall(r"((?:seeds|notes)/[\w.]+):(\d+):(\d+)", text)}


def test_report_line_column_identical_in_every_format():
    report = make_report()
    expected = expected_locations()
    in_findings = {cid for f in report.findings for cid in f.claims}
    want = {expected[c] for c in in_findings}

    # Text formats show path:line:col labels.
    for fmt in ("terminal", "markdown", "html"):
        found = _labels(render(report, fmt).replace("\\", ""))
        assert want <= found, fmt
        assert found <= set(expected.values()), fmt

    # The github annotation's own file/line/col properties.
    gh = set()
    for line in render(report, "github").splitlines():
        m = re.match(r"::\w+ file=([^,]+),line=(\d+),col=(\d+),", line)
        gh.add((m.group(1), int(m.group(2)), int(m.group(3))))
    assert gh == {expected[f.claims[0]] for f in report.findings}
    # ... and the other claims named in the message.
    assert gh | _labels(render(report, "github")) == want

    data = json.loads(render(report, "json"))
    assert {c["id"]: (next(d["path"] for d in data["documents"] if d["id"] == c["doc"]), c["line"], c["column"])
            for c in data["claims"]} == expected
    for f in data["findings"]:
        for loc in f["locations"]:
            assert (loc["path"], loc["line"], loc["column"]) == expected[loc["claim"]]

    sarif = json.loads(render(report, "sarif"))
    got = set()
    for result in sarif["runs"][0]["results"]:
        for loc in result["locations"] + result.get("relatedLocations", []):
            phys = loc["physicalLocation"]
            got.add((phys["artifactLocation"]["uri"], phys["region"]["startLine"], phys["region"]["startColumn"]))
    assert got == want
