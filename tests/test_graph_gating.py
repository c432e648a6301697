"""Findings dropped by a suppression, a path override or the baseline take their graph edges
with them: the graph export and every report's edges agree with the findings."""

from __future__ import annotations

import json

import pytest

import checker.pipeline as pipeline_module
from checker.cli import main
from checker.report.graph import edges_without
from checker.model import Edge, Finding
from tests.fakes import HashEmbedder

ARCHIVE = "Archive.\n\nIn 2023, China authorized 921,000 invention patents.\n\nIn 2024, Shenzhen hosted 1,100 robotics firms.\n"
DRAFT = "# Draft\n\n{mark}In 2023, China authorized 798,000 invention patents.\n\n{mark}In 2024, Shenzhen hosted 1,100 robotics firms.\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline_module, "SentenceTransformerEmbedder", lambda *a, **k: HashEmbedder())
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARCHIVE, encoding="utf-8")
    return tmp_path


def _scan(tmp_path, *extra) -> tuple[dict, dict]:
    args = ["scan", "a.txt", "b.md", "--no-cache", "--fail-on", "never", "-q", "-o", "r.json", "--graph", "g.json", *extra]
    assert main(args) == 0
    report = json.loads((tmp_path / "r.json").read_text())
    graph = json.loads((tmp_path / "g.json").read_text())
    return report, graph


def _relations(report, graph):
    texts = {c["id"]: c["text"] for c in report["claims"]}
    about = lambda e: "patents" if "patents" in texts[e["source"]] else "firms"  # noqa: E731
    in_report = sorted((e["relation"], e["rule"], about(e)) for e in report["edges"] if e["rule"])
    in_graph = sorted((e["relation"], e["rule"], about(e)) for e in graph["edges"] if e["rule"])
    assert in_report == in_graph  # the export and the report agree
    return in_report


def test_graph_gating_control_both_edges_present(corpus):
    (corpus / "b.md").write_text(DRAFT.format(mark=""), encoding="utf-8")
    report, graph = _scan(corpus)
    assert [f["rule"] for f in report["findings"]] == ["NUM001"]
    assert _relations(report, graph) == [("conflicts", "NUM001", "patents"), ("supports", "DATE001", "firms")]


def test_graph_gating_in_place_suppression_drops_the_rules_edges(corpus):
    (corpus / "b.md").write_text(DRAFT.format(mark="<!-- claimgraph: disable=NUM001 -->\n"), encoding="utf-8")
    report, graph = _scan(corpus)
    assert report["findings"] == []
    assert _relations(report, graph) == [("supports", "DATE001", "firms")]  # another rule's edge stays
    (corpus / "b.md").write_text(DRAFT.format(mark="<!-- claimgraph: disable=all -->\n"), encoding="utf-8")
    report, graph = _scan(corpus)
    assert report["findings"] == [] and _relations(report, graph) == []


def test_graph_gating_baseline_drops_the_edge_of_a_baselined_finding(corpus):
    (corpus / "b.md").write_text(DRAFT.format(mark=""), encoding="utf-8")
    assert main(["scan", "a.txt", "b.md", "--no-cache", "-q", "--exit-zero", "--write-baseline", "base.json"]) == 0
    report, graph = _scan(corpus, "--baseline", "base.json")
    assert report["findings"] == []
    assert _relations(report, graph) == [("supports", "DATE001", "firms")]  # no finding, so it stays


def test_graph_gating_path_override_drops_the_rules_edges(corpus):
    (corpus / "b.md").write_text(DRAFT.format(mark=""), encoding="utf-8")
    (corpus / "claimgraph.toml").write_text('[[overrides]]\npaths = ["a.txt"]\ndisable = ["NUM001"]\n', encoding="utf-8")
    report, graph = _scan(corpus)
    assert report["findings"] == [] and _relations(report, graph) == [("supports", "DATE001", "firms")]


def test_graph_gating_edges_without_keeps_related_and_other_rules():
    edges = [
        Edge("c1", "c2", "conflicts", "NUM001", 1.0), Edge("c1", "c3", "supports", "NUM001", 1.0),
        Edge("c2", "c3", "related", None, 0.7), Edge("c1", "c2", "conflicts", "DATE001", 1.0),
    ]
    dropped = [Finding("f1", "NUM001", "numeric.mismatch", "conflict", "error", "m", ("c1", "c2"), "fp")]
    kept = edges_without(edges, dropped)
    assert kept == edges[1:]
    assert edges_without(edges, [], lambda rule, ends: "c3" in ends) == [edges[0], edges[2], edges[3]]
