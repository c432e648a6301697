"""The Python API (checker.scan / check / index / compare / Session): the command line's
operations as functions, with the same option names, resolution and gating."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import checker
from checker.model import Report
from checker.report import render
from tests.conftest import SEEDS
from tests.fake_cli import FakeModel, invoke

DRAFT = "# Draft\n\nIn 2023, China authorized 798,000 invention patents [1], representing a 15.3% year-on-year increase [2].\n"


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_api_scan_is_the_cli_scan(tmp_path, draft):
    report = checker.scan([SEEDS, draft], encoder=FakeModel, no_cache=True)
    assert isinstance(report, Report) and report.findings
    out = tmp_path / "cli.json"
    result = invoke("scan", str(SEEDS), str(draft), "--no-cache", "--fail-on", "never", "-o", str(out))
    assert result.exit_code == 0
    assert render(report, "json") == out.read_text(encoding="utf-8")


def test_api_check_reports_the_draft_conflict_with_its_places(draft):
    report = checker.check([draft], against=[SEEDS], encoder=FakeModel, no_cache=True)
    frame = report.findings_frame()
    conflicts = frame[frame["kind"] == "conflict"]
    assert not conflicts.empty
    assert set(conflicts["path"]) >= {str(draft)}
    row = conflicts[conflicts["path"] == str(draft)].iloc[0]
    assert row["line"] == 3 and "798,000" in row["text"]
    with pytest.raises(checker.api.ClaimgraphError, match="needs an archive"):
        checker.check([draft], against=[], encoder=FakeModel, no_cache=True)


def test_api_gates_as_the_cli_with_configuration_and_baseline(tmp_path, draft, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    (project / "claimgraph.toml").write_text('fail_on = "warning"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    with checker.Session(encoder=FakeModel, no_cache=True) as session:
        assert session.resolved.gate.fail_on == "warning"  # from the file found from the current folder
        full = session.scan([SEEDS, draft])
        assert session.exit_code(full) == 1
    baseline = tmp_path / "baseline.json"
    checker.scan([SEEDS, draft], encoder=FakeModel, no_cache=True, write_baseline=str(baseline))
    again = checker.scan([SEEDS, draft], encoder=FakeModel, no_cache=True, baseline=str(baseline))
    assert full.findings and not again.findings
    result = invoke("scan", str(SEEDS), str(draft), "--no-cache", "--baseline", str(baseline), "--format", "json")
    assert json.loads(result.stdout)["findings"] == []


def test_api_suppression_in_a_draft_applies_as_in_the_cli(tmp_path):
    doc = tmp_path / "quiet.md"
    doc.write_text(DRAFT.replace("In 2023", "<!-- claimgraph: disable=all -->\nIn 2023"), encoding="utf-8")
    with checker.Session(encoder=FakeModel, no_cache=True) as session:
        report = session.check([doc], against=[SEEDS])
        assert session.stats.suppressed >= 1 and not report.findings
    result = invoke("check", str(doc), "--against", str(SEEDS), "--no-cache", "--format", "json")
    assert json.loads(result.stdout)["findings"] == [] and "suppressed" in result.stderr


def test_api_session_closes_its_pipeline_once(draft, monkeypatch):
    from checker.pipeline import Pipeline

    closed = []
    real = Pipeline.close
    monkeypatch.setattr(Pipeline, "close", lambda self: closed.append(self) or real(self))
    with checker.Session(encoder=FakeModel, no_cache=True) as session:
        session.scan([draft])
        session.check([draft], against=[SEEDS])
        assert closed == []  # one pipeline for both calls
    assert len(closed) == 1


def test_api_options_are_the_cli_flags():
    with pytest.raises(TypeError, match="unknown option"):
        checker.scan([SEEDS], encoder=FakeModel, fail_level="warning")
    with pytest.raises(checker.api.ClaimgraphError):
        checker.scan([SEEDS], encoder=FakeModel, no_cache=True, fail_on="sometimes")


def test_api_index_then_check_against_it_equals_the_folder(tmp_path, draft):
    folder = tmp_path / "idx"
    stats = checker.index([SEEDS], folder, encoder=FakeModel, cache_dir=str(tmp_path / "cache"))
    assert stats.documents == 2
    by_index = checker.check([draft], against=[folder], encoder=FakeModel, cache_dir=str(tmp_path / "cache"))
    by_folder = checker.check([draft], against=[SEEDS], encoder=FakeModel, cache_dir=str(tmp_path / "cache"))
    assert [(f.rule, f.message) for f in by_index.findings] == [(f.rule, f.message) for f in by_folder.findings]


def test_api_compare_gives_a_verdict():
    result = checker.compare(
        "In 2023, China authorized 921,000 invention patents.",
        "In 2023, China authorized 798,000 invention patents.",
        encoder=FakeModel, no_cache=True,
    )
    assert result.verdict == "conflict" and result.rule


def test_api_import_checker_loads_no_pipeline():
    import subprocess
    import sys

    code = "import sys, checker; print(sorted(m for m in sys.modules if m.startswith('checker')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['checker']"
