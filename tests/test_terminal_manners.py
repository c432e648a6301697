"""The command line on a terminal and in a pipe: --format md, colour, the summary once on
stderr, and a reader that goes away (| head) ending the run quietly with its usual exit code."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from checker import cli
from tests.conftest import ROOT, SEEDS
from tests.fake_cli import invoke

ANSI = re.compile(r"\x1b\[[0-9;]*m")
SUMMARY = re.compile(r"\d+ documents?, \d+ claims?, \d+ findings? \(")


def test_terminal_format_md_is_markdown():
    md = invoke("scan", SEEDS, "--no-cache", "--format", "md")
    markdown = invoke("scan", SEEDS, "--no-cache", "--format", "markdown")
    assert md.exit_code == markdown.exit_code == 0
    assert md.stdout == markdown.stdout and md.stdout.startswith("## claimgraph report")


def test_terminal_summary_is_printed_once_on_stderr(tmp_path):
    result = invoke("scan", SEEDS, "--no-cache", "-o", "-", "-o", tmp_path / "r.txt")
    assert result.exit_code == 0
    assert not SUMMARY.search(result.stdout)  # the report on stdout ...
    assert len(SUMMARY.findall(result.stderr)) == 1  # ... the summary once, on stderr
    assert result.stdout.startswith("warning  CITE001") and result.stdout.endswith('"\n')
    assert SUMMARY.search((tmp_path / "r.txt").read_text().splitlines()[-1])  # a report file keeps its summary
    quiet = invoke("scan", SEEDS, "--no-cache", "--quiet")
    assert quiet.stderr == "" and quiet.stdout == result.stdout


def test_terminal_colour_flag_and_piped_default():
    piped = invoke("scan", SEEDS, "--no-cache")  # CliRunner's stdout is no terminal
    always = invoke("scan", SEEDS, "--no-cache", "--color", "always")
    never = invoke("scan", SEEDS, "--no-cache", "--color", "never")
    assert not ANSI.search(piped.stdout) and not ANSI.search(never.stdout)
    assert "\x1b[1;33mwarning\x1b[0m" in always.stdout
    assert ANSI.sub("", always.stdout) == piped.stdout == never.stdout
    to_file = invoke("scan", SEEDS, "--no-cache", "--color", "always", "--format", "json")
    assert not ANSI.search(to_file.stdout)  # only the terminal report is coloured


class _Tty:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    "choice, tty, env, expected",
    [
        ("auto", True, {}, True),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),  # NO_COLOR counts when set and not empty
        ("auto", True, {"TERM": "dumb"}, False),
        ("auto", False, {}, False),
        ("always", False, {"NO_COLOR": "1"}, True),  # the flag wins over the environment
        ("never", True, {}, False),
    ],
)
def test_terminal_use_color(monkeypatch, choice, tty, env, expected):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(cli.sys, "stdout", _Tty(tty))
    assert cli._use_color(choice) is expected


def _run_closed(args: list[str], read_lines: int) -> tuple[int, list[str], str]:
    """Run ``python -m tests.fake_cli ARGS`` with its stdout a pipe that is closed after
    ``read_lines`` lines (0: at once), as ``| head -N`` does."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fake_cli", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    lines = [proc.stdout.readline() for _ in range(read_lines)]
    proc.stdout.close()
    stderr = proc.stderr.read()
    return proc.wait(timeout=120), lines, stderr


@pytest.mark.slow
def test_terminal_closed_pipe_ends_compare_quietly(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        "".join(
            f'{{"id": "{n}", "text_a": "Acme sold {n} drones in 2024.", "text_b": "Acme sold 4,400 drones in 2024."}}\n'
            for n in range(1, 2001)
        )
    )
    code, lines, stderr = _run_closed(["compare", "--pairs", str(pairs), "--no-cache"], 1)
    assert lines[0].startswith("1: conflict [NUM001]")
    assert code == 0 and stderr == "", stderr


@pytest.mark.slow
@pytest.mark.parametrize("fail_on, expected", [("warning", 1), ("never", 0)])
def test_terminal_closed_pipe_ends_scan_quietly_with_its_exit_code(fail_on, expected):
    code, _, stderr = _run_closed(["scan", str(SEEDS), "--no-cache", "--fail-on", fail_on], 0)
    assert code == expected
    assert "Broken pipe" not in stderr and "Traceback" not in stderr and "Exception ignored" not in stderr
    assert [line for line in stderr.splitlines() if SUMMARY.search(line)] == [stderr.splitlines()[-1]]


@pytest.mark.slow
def test_terminal_closed_pipe_ends_rules_quietly():
    code, _, stderr = _run_closed(["rules"], 0)  # closed before the buffered output is flushed at the end
    assert code == 0 and stderr == "", stderr
