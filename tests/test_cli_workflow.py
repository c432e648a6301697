"""The command line in a CI workflow: annotations on stdout and SARIF in a file in one run."""

from __future__ import annotations

import json

from tests.fake_cli import fake_app, invoke
from tests.fakes import HashEmbedder


def test_cli_stdout_and_file_outputs_in_one_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Archive.\n\nIn 2023, China authorized 921,000 invention patents.\n")
    (tmp_path / "b.md").write_text("# Draft\n\nIn 2023, China authorized 798,000 invention patents.\n")
    args = ["check", "b.md", "--against", "a.txt", "--no-cache", "--format", "github", "-o", "-", "-o", "r.sarif"]
    result = invoke(*args, app=fake_app(HashEmbedder))
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("::error") and "file=b.md,line=3" in out
    sarif = json.loads((tmp_path / "r.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
