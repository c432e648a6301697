"""Fact boxes (issue 17 part 4): a box of "Label: value" lines is a summary only when it repeats the body.

A five-line fact box the body does not restate is the document's own record of those facts:
its lines are body claims, not five "summary not backed" warnings. A fact box that restates
the body, and a "Key takeaways" box of sentences, keep their summary checks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.ingest.documents import load_document
from checker.ingest.sections import is_fact_line
from tests.fake_cli import invoke

FACT_BOX_MD = """# Harbourline Ferries orders electric vessels

Harbourline Ferries said on Monday it had ordered electric vessels for its river routes.
The first boat is due to enter service in 2028, the operator said.

## Key facts

- Founded: 1987
- Employees: 640
- Fleet: 23 vessels
- Revenue: $85 million
- Routes: 11
"""

FACT_BOX_TXT = """Harbourline Ferries orders electric vessels

Harbourline Ferries said on Monday it had ordered electric vessels for its river routes.

Fast facts:
Founded: 1987
Employees: 640
Fleet: 23 vessels
Revenue: $85 million
Routes: 11

The first boat is due to enter service in 2028, the operator said.
"""

# the same box, every figure restated in the body: a summary of it
RESTATED_MD = """# Harbourline Ferries orders electric vessels

Harbourline Ferries, founded in 1987, employs 640 people and runs 23 vessels on 11 routes.
Its revenue reached $85 million last year.

## Key facts

- Founded: 1987
- Employees: 640
- Fleet: 23 vessels
- Revenue: $85 million
- Routes: 11
"""

TAKEAWAYS_MD = """# Harbourline Ferries orders electric vessels

Harbourline Ferries said on Monday it had ordered electric vessels for its river routes.

## Key takeaways

- Harbourline will spend $120 million on the new boats by 2029.
- The operator expects to cut fuel costs by 40% on its busiest route.
"""


def _sections(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text)
    return [(b.text, b.section) for b in load_document(path, "d1").blocks]


def _findings(tmp_path: Path, *names: str) -> list[dict]:
    result = invoke("scan", *(tmp_path / n for n in names), "--no-cache", "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["findings"]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Founded: 2019", True),
        ("Employees: 1,200", True),
        ("Revenue: $40 million", True),
        ("Headquarters: Columbus, Ohio", True),
        ("Founded: 2019 Employees: 1,200 Revenue: $40 million", True),
        ("Key facts:", False),
        ("Huawei (China): Ascend chips power 42% of new AI projects", False),
        ("Chapter 3: 2019", False),
        ("The company said: revenue rose to $40 million. Analysts were surprised by the jump in sales.", False),
        ("Revenue rose to $40 million in 2024.", False),
    ],
)
def test_sections_fact_line(line, expected):
    assert is_fact_line(line) is expected


def test_sections_unrestated_fact_box_is_body(tmp_path):
    sections = dict(_sections(tmp_path, "a.md", FACT_BOX_MD))
    for line in ("Founded: 1987", "Employees: 640", "Fleet: 23 vessels", "Revenue: $85 million", "Routes: 11"):
        assert sections[line] == "body"
    assert sections["Key facts"] == "headline"


def test_sections_plain_text_fact_box_lines_are_not_headings(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(FACT_BOX_TXT)
    blocks = {b.text: b for b in load_document(path, "d1").blocks}
    assert blocks["Employees: 640"].kind == "paragraph"
    assert blocks["Employees: 640"].section == "body"
    # the paragraph after the box is the article again
    assert blocks["The first boat is due to enter service in 2028, the operator said."].section == "body"


def test_sections_restated_fact_box_stays_summary(tmp_path):
    sections = dict(_sections(tmp_path, "a.md", RESTATED_MD))
    assert sections["Employees: 640"] == "summary"
    assert sections["Revenue: $85 million"] == "summary"


def test_sections_takeaways_stay_summary_whatever_the_body(tmp_path):
    sections = dict(_sections(tmp_path, "a.md", TAKEAWAYS_MD))
    assert sections["Harbourline will spend $120 million on the new boats by 2029."] == "summary"


@pytest.mark.parametrize("name, text", [("a.md", FACT_BOX_MD), ("a.txt", FACT_BOX_TXT)])
def test_scan_fact_box_raises_no_summary_warnings(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    assert [f for f in _findings(tmp_path, name) if f["rule"] == "SUM001"] == []


def test_scan_takeaways_keep_summary_warnings(tmp_path):
    (tmp_path / "a.md").write_text(TAKEAWAYS_MD)
    assert [f["rule"] for f in _findings(tmp_path, "a.md")].count("SUM001") == 2


def test_scan_fact_box_lines_are_body_claims_next_to_another_document(tmp_path):
    """The box's facts are body claims of the document in a scan with another document."""
    (tmp_path / "a.md").write_text(FACT_BOX_MD)
    (tmp_path / "b.md").write_text(
        "# Ferry operator profile\n\nHarbourline Ferries has 910 employees, the operator said in its annual report.\n"
    )
    result = invoke("scan", tmp_path / "a.md", tmp_path / "b.md", "--no-cache", "--format", "json", "--fail-on", "never")
    report = json.loads(result.stdout)
    claims = {c["id"]: c for c in report["claims"]}
    assert {c["section"] for c in claims.values() if c["text"] == "Employees: 640"} == {"body"}
    assert not [f for f in report["findings"] if f["rule"] == "SUM001"]
