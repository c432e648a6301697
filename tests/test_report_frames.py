"""pandas tables of a report and the CSV format: the same rows, order and places as the JSON report."""

from __future__ import annotations

import io
import json

import pandas

from checker.model import Report
from checker.report import format_for_path, render
from checker.tables import CLAIM_COLUMNS, EDGE_COLUMNS, FINDING_COLUMNS
from tests.report_fixtures import expected_locations, make_report


def test_report_frames_findings_one_row_per_finding_and_claim_in_json_order():
    report = make_report()
    frame = report.findings_frame()
    assert tuple(frame.columns) == FINDING_COLUMNS
    data = json.loads(render(report, "json"))
    expected = [(f["id"], loc["claim"], loc["path"], loc["line"], loc["column"]) for f in data["findings"] for loc in f["locations"]]
    got = list(frame[["finding", "claim", "path", "line", "column"]].itertuples(index=False, name=None))
    assert got == expected and len(got) > len(data["findings"])
    places = expected_locations()
    for row in frame.itertuples(index=False):
        assert (row.path, row.line, row.column) == places[row.claim]
    by_id = {f["id"]: f for f in data["findings"]}
    for row in frame.itertuples(index=False):
        assert (row.rule, row.kind, row.severity, row.message) == tuple(by_id[row.finding][k] for k in ("rule", "kind", "severity", "message"))


def test_report_frames_claims_and_edges_match_the_report():
    report = make_report()
    claims = report.claims_frame()
    assert tuple(claims.columns) == CLAIM_COLUMNS
    assert claims["claim"].tolist() == [c.id for c in report.claims]
    first = report.claims[0]
    row = claims.iloc[0]
    assert (row["text"], row["line"], row["section"]) == (first.text, first.line, first.section)
    assert row["quantities"] == "; ".join(q.text for q in first.quantities)
    edges = report.edges_frame()
    assert tuple(edges.columns) == EDGE_COLUMNS
    data = json.loads(render(report, "json"))
    assert sorted(map(tuple, edges[["source", "target", "relation"]].values.tolist())) == sorted(
        (e["source"], e["target"], e["relation"]) for e in data["edges"]
    )
    assert set(edges["relation"]) == {"supports", "conflicts", "related"}


def test_report_frames_csv_reads_back_as_the_findings_frame():
    report = make_report()
    text = render(report, "csv")
    assert format_for_path("out/findings.csv") == "csv"
    back = pandas.read_csv(io.StringIO(text), keep_default_na=False)
    frame = report.findings_frame()
    assert back["finding"].tolist() == frame["finding"].tolist()
    assert back["text"].tolist() == frame["text"].tolist()  # commas, quotes, markup survive
    assert back["line"].tolist() == frame["line"].tolist()
    assert text.count("\r") == 0 and text.endswith("\n")


def test_report_frames_empty_report_has_the_columns():
    empty = Report(documents=[], claims=[], findings=[], edges=[])
    assert empty.findings_frame().empty and tuple(empty.findings_frame().columns) == FINDING_COLUMNS
    assert render(empty, "csv") == ",".join(FINDING_COLUMNS) + "\n"
