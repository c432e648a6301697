"""The progress bar: only on a terminal, never changes what a run computes."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from checker.pipeline import Pipeline, Settings
from checker.runtime.progress import Progress, for_stderr
from tests.conftest import ROOT
from tests.fakes import HashEmbedder

FIXTURES = ROOT / "tests" / "fixtures" / "docs"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_not_quiet(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert for_stderr().enabled is False
    monkeypatch.setattr(sys, "stderr", _Tty())
    assert for_stderr().enabled is True
    assert for_stderr(quiet=True).enabled is False


def test_progress_bars_show_stages_and_results_do_not_change():
    stream = _Tty()
    shown = Pipeline(Settings(use_cache=False), embedder=HashEmbedder(), progress=Progress(True, stream), warn=lambda m: None)
    plain = Pipeline(Settings(use_cache=False), embedder=HashEmbedder(), warn=lambda m: None)
    a, b = shown.scan([str(FIXTURES)]), plain.scan([str(FIXTURES)])
    assert [(d.id, d.path) for d in a.documents] == [(d.id, d.path) for d in b.documents]
    assert a.claims == b.claims and a.findings == b.findings and a.edges == b.edges
    text = stream.getvalue()
    for stage in ("reading", "extracting", "embedding", "rules"):
        assert f"claimgraph: {stage}" in text


@pytest.mark.slow
def test_progress_no_bar_when_stderr_is_a_pipe(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("# T\n\nNothing to see here.\n")
    result = subprocess.run(
        [sys.executable, "-m", "checker.cli", "scan", str(doc), "--no-cache", "--format", "json"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert result.returncode == 0
    assert "\r" not in result.stderr and "it/s" not in result.stderr
