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
from tests.fake_cli import invoke


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


def test_cli_refuses_to_overwrite_an_input(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("In 2023, China authorized 921,000 invention patents.\n")
    before = doc.read_bytes()
    result = invoke("scan", doc, "--output", doc, "--format", "markdown")
    assert result.exit_code == 2
    assert doc.read_bytes() == before
    assert "refusing to overwrite" in result.stderr


def test_cli_lists_rules():
    result = invoke("rules")
    assert result.exit_code == 0
    assert "NUM001  numeric.mismatch" in result.stdout and "DATE001  date.mismatch" in result.stdout


@pytest.mark.parametrize(
    "args, says",
    [
        (["scan", "x", "--fail-on", "sometimes"], "'sometimes' is not one of 'error', 'warning', 'info', 'never'"),
        (["scan", "x", "--format", "pdf"], "'pdf' is not one of 'terminal', 'json'"),
        (["scan", "x", "--device", "tpu"], "--device"),
        (["scan", "x", "--max-size", "lots"], "not a number of MB: 'lots'"),
        (["scan", "x", "--max-size", "-1"], "must be 0 (no limit) or a positive number of MB"),
        (["scan", "x", "--jobs", "many"], "--jobs"),
        (["scan"], "Missing argument"),
        (["scan", "x", "--fial-on", "error"], "Did you mean '--fail-on'?"),
        (["check", "draft.md"], "Missing option '--against'"),
        (["index", "docs"], "Missing option '--index'"),
        (["compare", "a", "--format", "html"], "--format"),
        (["config", "--format", "yaml"], "--format"),
        (["scna", "x"], "No such command 'scna'"),
    ],
)
def test_cli_usage_errors_are_one_line_and_exit_2(args, says):
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("claimgraph: error: "), result.stderr
    assert says in result.stderr and "Usage:" not in result.stderr


def test_cli_help_version_and_no_command():
    result = invoke("--help")
    assert result.exit_code == 0 and "scan" in result.stdout and "check" in result.stdout
    assert invoke("scan", "-h").exit_code == 0
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout == "claimgraph 0.1.0\n"
    result = invoke()  # no command: the help, exit 2 (as before click)
    assert result.exit_code == 2 and "Commands:" in result.stdout


def test_cli_main_returns_the_exit_code(capsys):
    assert main(["--version"]) == 0
    assert main(["rules", "--rules", "no/such/rules.yml"]) == 2
    assert main(["scan", "x", "--bogus"]) == 2
    err = capsys.readouterr().err
    assert err.count("claimgraph: error: ") == 2 and "Traceback" not in err


def test_cli_against_takes_several_paths_and_drafts_and_repeated_outputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("In 2023, China authorized 921,000 invention patents.\n")
    (tmp_path / "b.txt").write_text("In 2022, Japan authorized 201,000 invention patents.\n")
    (tmp_path / "d.md").write_text("# Draft\n\nIn 2023, China authorized 798,000 invention patents.\n")
    result = invoke("check", "d.md", "--against", "a.txt", "b.txt", "--no-cache", "-o", "r.json", "-o", "r.md")
    assert result.exit_code == 1, result.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert sorted(d["path"] for d in report["documents"]) == ["a.txt", "b.txt", "d.md"]
    assert (tmp_path / "r.md").read_text().startswith("#")
    assert "wrote r.json" in result.stderr and "wrote r.md" in result.stderr
    # the values of --against end at the next option, as with argparse's nargs="+"
    result = invoke("check", "--against", "a.txt", "b.txt", "--fail-on", "never", "d.md", "--no-cache", "-f", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)["documents"]) == 3


def test_cli_shell_completion():
    result = invoke(env={"_CLAIMGRAPH_COMPLETE": "bash_source"})
    assert result.exit_code == 0 and "_claimgraph_completion()" in result.stdout
    env = {"_CLAIMGRAPH_COMPLETE": "bash_complete", "COMP_WORDS": "claimgraph scan --fail", "COMP_CWORD": "2"}
    result = invoke(env=env)
    assert result.exit_code == 0 and "--fail-on" in result.stdout
    env = {"_CLAIMGRAPH_COMPLETE": "bash_complete", "COMP_WORDS": "claimgraph scan x --fail-on w", "COMP_CWORD": "4"}
    assert "warning" in invoke(env=env).stdout


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
