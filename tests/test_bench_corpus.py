"""The benchmark's corpus generator: deterministic, varied, and its planted conflicts are real claims."""

import hashlib
import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate_corpus import generate  # noqa: E402

from checker.extract.claims import corpus_claims  # noqa: E402
from checker.ingest.documents import load_documents  # noqa: E402


def _digest(folder):
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode() + p.read_bytes())
    return h.hexdigest()


def test_bench_corpus_is_deterministic(tmp_path):
    generate(tmp_path / "a", docs=40, seed=7)
    generate(tmp_path / "b", docs=40, seed=7)
    generate(tmp_path / "c", docs=40, seed=8)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b") != _digest(tmp_path / "c")


def test_bench_corpus_mixes_formats_and_distinct_sentences(tmp_path):
    manifest = generate(tmp_path, docs=90, seed=1, claims_per_doc=3)
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "manifest.json"]
    assert len(files) == 90 and {p.suffix for p in files} == {".txt", ".md", ".html"}
    docs, warnings = load_documents([str(tmp_path)])
    assert not warnings and len(docs) == 90
    claims = list(corpus_claims(docs))
    assert len(claims) >= 2.5 * 90
    masked = [c.masked_text for c in claims]
    assert len(set(masked)) > 0.75 * len(masked)
    assert any(q.kind == "money" for c in claims for q in c.quantities)
    assert any(q.kind == "percent" for c in claims for q in c.quantities)
    assert {d.granularity for c in claims for d in c.dates} >= {"year", "quarter", "month"}
    # every planted conflict names two sentences that are claims of the named files
    texts = {(str((tmp_path / c.path).resolve()) if not c.path.startswith("/") else c.path, c.text) for c in claims}
    texts = {(str(__import__("pathlib").Path(p).resolve()), t) for p, t in texts}
    assert manifest["planted_conflicts"]
    for conflict in manifest["planted_conflicts"]:
        for side in ("a", "b"):
            path = str((tmp_path / conflict[side]["doc"]).resolve())
            assert (path, conflict[side]["text"]) in texts
        assert conflict["a"]["value"] != conflict["b"]["value"]
    assert json.loads((tmp_path / "manifest.json").read_text())["documents"] == 90


def test_bench_corpus_lists_statements_and_the_benchmark_tells_true_from_spurious(tmp_path):
    from pathlib import Path

    from run_bench import _planted_found

    from checker.model import Finding, Report

    manifest = generate(tmp_path, docs=60, seed=2, claims_per_doc=3)
    docs, _ = load_documents([str(tmp_path)])
    claims = list(corpus_claims(docs))
    by_text = {(str(Path(c.path).resolve()), c.text): c for c in claims}
    statements = manifest["statements"]
    # every statement is a claim of its file (takeaways and body sentences alike)
    listed = [by_text.get((str((tmp_path / s["doc"]).resolve()), s["text"])) for s in statements]
    assert statements and all(listed)
    planted = manifest["planted_conflicts"][0]
    a = by_text[(str((tmp_path / planted["a"]["doc"]).resolve()), planted["a"]["text"])]
    b = by_text[(str((tmp_path / planted["b"]["doc"]).resolve()), planted["b"]["text"])]
    other = next(c for c, s in zip(listed, statements) if s["key"] != next(
        t["key"] for t in statements if t["text"] == planted["a"]["text"]))

    def finding(x, y):
        return Finding(id="f", rule="NUM001", name="n", kind="conflict", severity="error", message="m",
                       claims=(x.id, y.id), fingerprint="x")

    report = Report(documents=docs, claims=claims, findings=[finding(a, b), finding(a, other)], edges=[], model="m")
    result = _planted_found(report, tmp_path)
    assert result["found"] == 1 and result["true"] == 1 and result["spurious"] == 1 and result["unlisted"] == 0
