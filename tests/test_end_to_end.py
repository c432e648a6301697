"""End to end with the real packaged model on the seed documents and planted conflicts."""

from __future__ import annotations

import json
import shutil

import pytest

from checker.cli import main
from checker.pipeline import Pipeline, Settings
from tests.conftest import SEEDS

pytestmark = pytest.mark.model

ARTICLE = "china-ai-robotics-2026.txt"
REPORT = "global-ai-robotics-report-2025-04-12.txt"


def _scan_json(capsys, *args) -> dict:
    code = main(["scan", *args, "--format", "json", "--fail-on", "never"])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


@pytest.fixture(scope="module")
def seeds_report():
    pipeline = Pipeline(Settings(use_cache=False))
    report = pipeline.scan([str(SEEDS)])
    return report


def _claim(report, path_end, fragment):
    found = [c for c in report.claims if c.path.endswith(path_end) and fragment in c.text]
    assert found, f"no claim with {fragment!r} in {path_end}"
    return found[0]


def _edge(report, a, b):
    for e in report.edges:
        if {e.source, e.target} == {a.id, b.id}:
            return e
    return None


def test_end_to_end_claims_point_at_the_original_file(seeds_report):
    for claim in seeds_report.claims:
        doc = next(d for d in seeds_report.documents if d.id == claim.doc)
        original = doc.text[claim.start : claim.end]
        # the sentence as written, markup aside; line and column agree with the offset
        assert " ".join(original.split()) == " ".join(claim.text.split())
        line_start = doc.text.rfind("\n", 0, claim.start) + 1
        assert claim.line == doc.text.count("\n", 0, claim.start) + 1
        assert claim.column == claim.start - line_start + 1


def test_end_to_end_patent_claim_values(seeds_report):
    claim = _claim(seeds_report, ARTICLE, "921,000 invention patents")
    text = (SEEDS / ARTICLE).read_text(encoding="utf-8")
    offset = text.index("In 2023, China authorized")
    assert claim.line == text.count("\n", 0, offset) + 1
    assert claim.column == offset - text.rfind("\n", 0, offset)
    values = {q.text: q.value for q in claim.quantities}
    assert values["921,000"] == 921000
    assert any(q.unit == "percent" and q.value == 15.3 for q in claim.quantities)
    assert [d.value for d in claim.dates] == ["2023"]
    assert [c.refs for c in claim.citations] == [(1,), (2,)]


def test_end_to_end_pull_quote_supports_the_body(seeds_report):
    quote = next(c for c in seeds_report.claims if c.section == "quote" and "24 of the world" in c.text)
    body = next(c for c in seeds_report.claims if c.section == "body" and "24 of the world" in c.text)
    edge = _edge(seeds_report, quote, body)
    assert edge is not None and edge.relation == "supports"


def test_end_to_end_headline_supported_by_body(seeds_report):
    headline = _claim(seeds_report, REPORT, "Beijing Surpasses 2,400 AI Firms")
    assert headline.section == "headline"
    body = _claim(seeds_report, REPORT, "over 2,400 registered enterprises")
    edge = _edge(seeds_report, headline, body)
    assert edge is not None and edge.relation == "supports"


def test_end_to_end_seeds_have_no_false_conflicts(seeds_report):
    conflicts = [f for f in seeds_report.findings if f.kind == "conflict"]
    assert conflicts == []


def test_end_to_end_draft_conflicts_with_the_patent_figure(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "draft.md").write_text(
        "# Patent boom\n\nIn 2023, China authorized 798,000 invention patents, officials said.\n",
        encoding="utf-8",
    )
    report = _scan_json(capsys, str(corpus))
    assert report["schema"] == "claimgraph/report@1"
    claims = {c["id"]: c for c in report["claims"]}
    conflicts = [f for f in report["findings"] if f["kind"] == "conflict"]
    assert len(conflicts) == 1
    texts = sorted(claims[c]["text"] for c in conflicts[0]["claims"])
    assert "798,000" in texts[0] and "921,000" in texts[1]
    assert "798,000" in conflicts[0]["message"] and "921,000" in conflicts[0]["message"]
    draft = next(c for c in report["claims"] if "798,000" in c["text"])
    assert (draft["line"], draft["column"]) == (3, 1)
    assert any(e["relation"] == "conflicts" for e in report["edges"])


def test_end_to_end_check_draft_against_archive(tmp_path, capsys):
    draft = tmp_path / "draft.html"
    draft.write_text(
        "<html><head><title>Compute</title></head><body>"
        "<h1>Exascale</h1><p>In 2022, China unveiled a domestic supercomputer capable of two exaflops.</p>"
        "<p>China now accounts for 24 of the world's top 100 technology clusters.</p></body></html>",
        encoding="utf-8",
    )
    code = main(["check", str(draft), "--against", str(SEEDS), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    conflict = [f for f in report["findings"] if f["kind"] == "conflict"]
    assert [f["rule"] for f in conflict] == ["DATE001"]
    claims = {c["id"]: c for c in report["claims"]}
    paths = sorted(claims[c]["text"] for c in conflict[0]["claims"])
    assert any("In 2022" in t for t in paths) and any("In 2024" in t for t in paths)
    supports = [e for e in report["edges"] if e["relation"] == "supports"]
    assert any("24 of the world" in claims[e["source"]]["text"] for e in supports)


def test_end_to_end_agreeing_draft_passes(tmp_path, capsys):
    draft = tmp_path / "agree.txt"
    draft.write_text(
        "In 2023, China authorized about 920,000 invention patents.\n"
        "Beijing's AI sector now counts over 2,400 registered enterprises.\n",
        encoding="utf-8",
    )
    code = main(["check", str(draft), "--against", str(SEEDS), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [f for f in report["findings"] if f["kind"] == "conflict"] == []
    assert sum(e["relation"] == "supports" for e in report["edges"]) >= 2


def test_end_to_end_second_scan_uses_the_cache(tmp_path):
    settings = Settings(cache_dir=str(tmp_path / "cache"))
    first = Pipeline(settings)
    first.scan([str(SEEDS)])
    assert first.embedder.encoded > 0
    first.close()
    second = Pipeline(settings)
    report = second.scan([str(SEEDS)])
    assert second.embedder.encoded == 0
    assert report.claims
    second.close()


def test_end_to_end_related_statements_are_clustered_across_documents(seeds_report):
    label = {cid: n for n, group in enumerate(seeds_report.clusters) for cid in group}

    def group_of(path_end, fragment):
        return label.get(_claim(seeds_report, path_end, fragment).id)

    patents = {group_of(ARTICLE, "921,000 invention patents"), group_of(REPORT, "62% of national AI patents"),
               group_of(REPORT, "75% global AI patent share")}
    assert len(patents) == 1 and None not in patents
    compute = {group_of(ARTICLE, "two exaflops"), group_of(REPORT, "“Stargate” AI training cluster")}
    assert len(compute) == 1 and None not in compute
    clusters_ = {group_of(ARTICLE, "24 of the world's top 100"), group_of(REPORT, "consolidate regional innovation clusters")}
    assert len(clusters_) == 1 and None not in clusters_
    assert max(len(g) for g in seeds_report.clusters) < len(seeds_report.claims) / 3
