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


def test_a_page_of_no_date_is_of_some_time_in_a_scan_and_a_draft_is_of_now_in_a_check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("---\ndate: 2031-06-03\n---\n\n# Kestrel\n\n"
                                   "Kestrel also has an energy efficiency rating of 52.6 gigaflops per watt.\n")
    (tmp_path / "b.md").write_text("# Ranking notes\n\nKestrel kept its top spot with a rating of 52.9 gigaflops per watt.\n")
    scanned = invoke("scan", "a.md", "b.md", "--no-cache", "-o", "s.json", app=fake_app(HashEmbedder))
    assert scanned.exit_code == 0, scanned.stderr  # an archive page of no date: maybe another time
    edges = json.loads((tmp_path / "s.json").read_text())["edges"]
    assert [e["relation"] for e in edges] == ["related"]
    checked = invoke("check", "b.md", "--against", "a.md", "--no-cache", "-o", "c.json", app=fake_app(HashEmbedder))
    assert checked.exit_code == 1  # a draft is written now: its figure conflicts with the archive's
    findings = json.loads((tmp_path / "c.json").read_text())["findings"]
    assert [f["rule"] for f in findings if f["kind"] == "conflict"] == ["NUM001"]
