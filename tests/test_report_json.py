"""checker.report.json_format"""

from __future__ import annotations

import json

import checker
from checker.report import render

try:
    from report_fixtures import make_report
except ImportError:
    from tests.report_fixtures import make_report


def _data():
    return json.loads(render(make_report(), "json"))


def test_json_round_trips():
    out = render(make_report(), "json")
    assert out.endswith("}\n")
    assert json.dumps(json.loads(out), ensure_ascii=False, indent=2) + "\n" == out


def test_json_contract_keys_in_order():
    data = _data()
    assert list(data) == ["schema", "tool", "documents", "claims", "findings", "edges", "clusters", "groups", "summary"]
    assert data["schema"] == "claimgraph/report@1"
    assert data["tool"] == {"name": "claimgraph", "version": checker.__version__, "model": "test-model"}
    assert list(data["documents"][0]) == ["id", "path", "title", "date"]
    assert list(data["claims"][0]) == [
        "id", "doc", "line", "column", "start", "end", "text", "section", "quantities", "dates", "citations", "facts",
    ]
    assert list(data["claims"][0]["quantities"][0]) == [
        "text", "start", "end", "value", "unit", "qualifier", "kind", "of_total", "equivalent_of", "change",
    ]
    assert list(data["claims"][0]["dates"][0]) == ["text", "start", "end", "value", "granularity", "qualifier"]
    assert list(data["findings"][0]) == [
        "id", "rule", "name", "kind", "severity", "message", "claims", "fingerprint", "locations",
    ] + (["group"] if data["findings"][0]["kind"] == "conflict" else [])
    assert list(data["findings"][0]["locations"][0]) == ["claim", "path", "line", "column"]
    assert list(data["edges"][0]) == ["source", "target", "relation", "rule", "score", "explanation"]
    assert list(data["summary"]) == ["documents", "claims", "findings", "by_severity", "by_kind"]


def test_json_values():
    data = _data()
    c1 = data["claims"][0]
    assert c1["quantities"][0]["value"] == 921000 and isinstance(c1["quantities"][0]["value"], int)
    assert c1["dates"][0] == {"text": "In 2023", "start": 0, "end": 7, "value": "2023", "granularity": "year", "qualifier": "in"}
    assert c1["citations"] == ["[1]"]
    for claim in data["claims"]:
        for q in claim["quantities"] + claim["dates"]:
            assert claim["text"][q["start"]:q["end"]] == q["text"]  # relative to the claim text
    scores = {(e["source"], e["target"]): e["score"] for e in data["edges"]}
    assert scores[("c2", "c4")] == 0.8765
    assert scores[("c5", "c2")] == 1 and isinstance(scores[("c5", "c2")], int)
    assert data["summary"] == {
        "documents": 2,
        "claims": 5,
        "findings": 3,
        "by_severity": {"error": 1, "warning": 1, "info": 1},
        "by_kind": {"conflict": 1, "scope": 1, "unsupported": 1},
    }


def test_json_findings_sorted():
    assert [f["id"] for f in _data()["findings"]] == ["f1", "f2", "f3"]


def test_json_keeps_unicode_unescaped():
    report = make_report()
    out = render(report, "json")
    assert "<script>alert(1)</script>" in out  # JSON carries the text as written
    assert "\\u" not in out
