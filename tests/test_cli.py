"""The command line: exit codes, one-line errors, outputs by suffix, graph export."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from checker.cli import exit_code, main
from checker.model import Finding, Report
from tests.conftest import ROOT, SEEDS


def _finding(severity):
    return Finding("f1", "NUM001", "numeric.mismatch", "conflict", severity, "m", ("c1",), "x")


@pytest.mark.parametrize(
    "severity, fail_on, expected",
    [("error", "error", 1), ("warning", "error", 0), ("warning", "warning", 1), ("info", "warning", 0),
     ("info", "info", 1), ("error", "never", 0)],
)
def test_cli_exit_code_follows_fail_on(severity, fail_on, expected):
    report = Report(documents=[], claims=[], findings=[_finding(severity)], edges=[])
    assert exit_code(report, fail_on) == expected
    assert exit_code(report, fail_on, exit_zero=True) == 0


def _run(*args, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=600
    )


def test_cli_missing_path_is_one_line_and_exit_2():
    result = _run("scan", "no/such/folder")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no such file or directory" in result.stderr and "Traceback" not in result.stderr


def test_cli_bad_option_is_one_line_and_exit_2():
    result = _run("scan", str(SEEDS), "--fail-on", "sometimes")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr


def test_cli_malformed_rule_file_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("id: BAD001\nname: bad.rule\nkind: nope\n")
    result = _run("scan", str(SEEDS), "--rules", str(bad))
    assert result.returncode == 2
    assert f"{bad}:" in result.stderr and "Traceback" not in result.stderr


def test_cli_refuses_to_overwrite_an_input(tmp_path, capsys):
    doc = tmp_path / "a.md"
    doc.write_text("In 2023, China authorized 921,000 invention patents.\n")
    before = doc.read_bytes()
    code = main(["scan", str(doc), "--output", str(doc), "--format", "markdown"])
    assert code == 2
    assert doc.read_bytes() == before
    assert "refusing to overwrite" in capsys.readouterr().err


def test_cli_lists_rules(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "NUM001  numeric.mismatch" in out and "DATE001  date.mismatch" in out


@pytest.mark.model
def test_cli_writes_every_report_by_suffix_and_the_graph(tmp_path, capsys):
    outputs = [tmp_path / n for n in ("r.html", "r.md", "r.json", "r.sarif")]
    args = ["scan", str(SEEDS), "--fail-on", "never"]
    for o in outputs:
        args += ["-o", str(o)]
    args += ["--graph", str(tmp_path / "g.graphml")]
    assert main(args) == 0
    assert outputs[0].read_text().lstrip().lower().startswith("<!doctype html")
    assert json.loads(outputs[2].read_text())["schema"] == "claimgraph/report@1"
    assert json.loads(outputs[3].read_text())["version"] == "2.1.0"
    markdown = outputs[1].read_text()
    assert "claimgraph report" in markdown and "| # | Severity | Rule" in markdown
    root = ET.parse(tmp_path / "g.graphml").getroot()
    assert root.tag.endswith("graphml")
    assert main(["scan", str(SEEDS), "--fail-on", "never", "--format", "json", "--graph", str(tmp_path / "g.json")]) == 0
    data = json.loads((tmp_path / "g.json").read_text())
    assert data["nodes"] and any(e["relation"] == "supports" for e in data["edges"])
    err = capsys.readouterr().err
    assert "documents" in err and "claims" in err
