"""The entry point answers ``claimgraph --help`` from stored text that must equal click's."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from checker import launch


@pytest.mark.parametrize("width", launch.STORED_WIDTHS)
def test_launch_stored_help_is_clicks_rendering(width):
    stored = launch.stored_help(width)
    assert stored is not None
    assert stored == launch.render_help(width), (
        "the top-level help changed: run `python -m checker.launch --write-help` and commit checker/toplevel_help-*.txt"
    )


def _run(module, columns):
    env = {**os.environ, "COLUMNS": str(columns)}
    out = subprocess.run(
        [sys.executable, "-m", module, "--help"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.mark.parametrize("columns", [80, 130, 60])
def test_launch_help_equals_click_help_at_any_width(columns):
    # 80 and 130 columns are answered from the stored text, 60 by click itself
    assert _run("checker.launch", columns) == _run("checker.cli", columns)


def test_launch_help_imports_no_click():
    probe = (
        "import contextlib, io, sys; from checker import launch\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    code = launch.main(['--help'])\n"
        "print(code, 'click' in sys.modules, out.getvalue().startswith('Usage: claimgraph'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env={**os.environ, "COLUMNS": "80"}, capture_output=True, text=True, timeout=120
    )
    assert out.stdout.split() == ["0", "False", "True"], out.stderr


def test_launch_other_arguments_go_to_click(capsys):
    assert launch.main(["--version"]) == 0
    assert "claimgraph" in capsys.readouterr().out
    assert launch.main(["no-such-command"]) == 2
    assert capsys.readouterr().err.startswith("claimgraph: error:")
