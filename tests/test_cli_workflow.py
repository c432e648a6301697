"""The command line in a CI workflow: annotations on stdout and SARIF in a file in one run."""

from __future__ import annotations

import json

import checker.pipeline as pipeline_module
from checker.cli import main
from tests.fakes import HashEmbedder


def test_cli_stdout_and_file_outputs_in_one_run(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pipeline_module, "SentenceTransformerEmbedder", lambda *a, **k: HashEmbedder())
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Archive.\n\nIn 2023, China authorized 921,000 invention patents.\n")
    (tmp_path / "b.md").write_text("# Draft\n\nIn 2023, China authorized 798,000 invention patents.\n")
    code = main(["check", "b.md", "--against", "a.txt", "--no-cache", "--format", "github", "-o", "-", "-o", "r.sarif"])
    assert code == 1
    out = capsys.readouterr().out
    assert out.startswith("::error") and "file=b.md,line=3" in out
    sarif = json.loads((tmp_path / "r.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
