"""Baselines: written sorted and atomically, read back, and a run fails only on new findings."""

from __future__ import annotations

import json

import pytest

import checker.pipeline as pipeline_module
from checker.gate.baseline import apply_baseline, baseline_text, read_baseline, write_baseline
from checker.cli import main
from checker.errors import ConfigError
from checker.model import Claim, Finding
from checker.pipeline import Pipeline, Settings
from tests.fakes import HashEmbedder

ARCHIVE = "Archive.\n\nIn 2023, China authorized 921,000 invention patents.\n"
DRAFT = "# Draft\n\nIn 2023, China authorized 798,000 invention patents.\n"


@pytest.fixture
def fake_model(monkeypatch):
    monkeypatch.setattr(pipeline_module, "SentenceTransformerEmbedder", lambda *a, **k: HashEmbedder())


def _finding(fp, claim="c1"):
    return Finding("f1", "NUM001", "numeric.mismatch", "conflict", "error", "m", (claim,), fp)


def test_baseline_round_trip_sorted_and_atomic(tmp_path):
    claims = {"c1": Claim("c1", "d1", "b.md", 0, 1, 1, 1, "x", "body")}
    path = tmp_path / "base" / "baseline.json"
    write_baseline(path, [_finding("ffff"), _finding("0000"), _finding("aaaa")], claims)
    data = json.loads(path.read_text())
    assert data["schema"] == "claimgraph/baseline@1"
    assert [e["fingerprint"] for e in data["findings"]] == ["0000", "aaaa", "ffff"]
    assert data["findings"][0]["paths"] == ["b.md"]
    assert [p.name for p in path.parent.iterdir()] == ["baseline.json"]  # no temporary file left
    assert read_baseline(path) == {"0000", "aaaa", "ffff"}
    kept, dropped = apply_baseline([_finding("aaaa"), _finding("bbbb")], read_baseline(path))
    assert [f.fingerprint for f in kept] == ["bbbb"] and dropped == 1
    assert baseline_text([_finding("b"), _finding("a")], claims) == baseline_text([_finding("a"), _finding("b")], claims)


def test_baseline_missing_or_malformed_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="no such baseline file"):
        read_baseline(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{\n  oops\n}")
    with pytest.raises(ConfigError) as info:
        read_baseline(bad)
    assert str(info.value).startswith(f"{bad}:2:")
    bad.write_text('{"schema": "something/else", "findings": []}')
    with pytest.raises(ConfigError, match="not a claimgraph baseline"):
        read_baseline(bad)


def test_baseline_fingerprint_survives_moving_the_sentence(tmp_path):
    (tmp_path / "a.txt").write_text(ARCHIVE)
    (tmp_path / "b.md").write_text(DRAFT)
    first = Pipeline(Settings(use_cache=False), embedder=HashEmbedder()).scan([str(tmp_path)])
    (tmp_path / "b.md").write_text("# Draft\n\nA new opening paragraph.\n\nAnother one.\n\n" + DRAFT.split("\n\n", 1)[1])
    second = Pipeline(Settings(use_cache=False), embedder=HashEmbedder()).scan([str(tmp_path)])
    assert len(first.findings) == len(second.findings) == 1
    moved = [c for c in second.claims if "798,000" in c.text][0]
    assert moved.line == 7
    assert first.findings[0].fingerprint == second.findings[0].fingerprint


def test_baseline_cli_fails_only_on_new_findings(tmp_path, monkeypatch, capsys, fake_model):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARCHIVE)
    (tmp_path / "b.md").write_text(DRAFT)
    common = ["scan", ".", "--no-cache", "--format", "json"]
    assert main([*common, "--write-baseline", "baseline.json"]) == 1
    capsys.readouterr()
    assert main([*common, "--baseline", "baseline.json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["findings"] == [] and "baselined: 1" in err
    # the sentence moves down: still baselined
    (tmp_path / "b.md").write_text("# Draft\n\nAn opening.\n\n" + DRAFT.split("\n\n", 1)[1])
    assert main([*common, "--baseline", "baseline.json"]) == 0
    capsys.readouterr()
    # a new conflict fails, and only it is reported
    (tmp_path / "b.md").write_text(
        "# Draft\n\nAn opening.\n\n" + DRAFT.split("\n\n", 1)[1] + "\nIn 2023, China authorized 650,000 invention patents.\n"
    )
    assert main([*common, "--baseline", "baseline.json"]) == 1
    report = json.loads(capsys.readouterr().out)
    texts = {c["id"]: c["text"] for c in report["claims"]}
    # 650,000 conflicts with 921,000 and with 798,000; the baselined 798,000/921,000 stays out
    assert len(report["findings"]) == 2
    assert all(any("650,000" in texts[c] for c in f["claims"]) for f in report["findings"])
    assert [f["id"] for f in report["findings"]] == ["f1", "f2"]  # renumbered after the baseline


def test_baseline_write_refuses_an_input_document(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.md").write_text(DRAFT)
    assert main(["scan", "b.md", "--write-baseline", "b.md"]) == 2
    assert (tmp_path / "b.md").read_text() == DRAFT
    assert "refusing to overwrite" in capsys.readouterr().err


def test_baseline_exit_code_over_the_whole_run(tmp_path, monkeypatch, capsys, fake_model):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARCHIVE)
    (tmp_path / "b.md").write_text(DRAFT)
    (tmp_path / "claimgraph.toml").write_text('[severity]\nNUM001 = "warning"\n')
    assert main(["scan", ".", "--no-cache"]) == 0  # a warning, and fail_on is error
    assert main(["scan", ".", "--no-cache", "--fail-on", "warning"]) == 1
    (tmp_path / "claimgraph.toml").write_text('fail_on = "warning"\n[severity]\nNUM001 = "warning"\n')
    assert main(["scan", ".", "--no-cache"]) == 1
    assert main(["scan", ".", "--no-cache", "--exit-zero"]) == 0
    (tmp_path / "claimgraph.toml").write_text('fail_on = "warning"\n[[overrides]]\npaths = ["b.md", "a.txt"]\ndisable = ["NUM001"]\n')
    assert main(["scan", ".", "--no-cache"]) == 0
    assert "disabled by overrides: 1" in capsys.readouterr().err
