"""The per-document claims cache: a warm rescan neither parses nor re-extracts unchanged documents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import checker.pipeline
from checker.extract.claims import corpus_claims
from checker.store.claims_cache import ClaimsCache, decode_claims, document_key, encode_claims
from checker.ingest.documents import load_documents
from checker.pipeline import Pipeline, Settings
from tests.conftest import SEEDS
from tests.fakes import HashEmbedder


def _scan(paths, cache, warnings=None):
    pipeline = Pipeline(Settings(cache_dir=str(cache)), embedder=HashEmbedder(), warn=(warnings if warnings is not None else []).append)
    try:
        return pipeline.scan([str(p) for p in paths])
    finally:
        pipeline.close()


def _forbid_parsing(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("a cached document was parsed or extracted again")

    monkeypatch.setattr(checker.pipeline, "load_or_warn", fail)
    monkeypatch.setattr(checker.pipeline, "parse_document", fail)
    monkeypatch.setattr(checker.pipeline, "document_claims", fail)


def test_claims_cache_round_trips_every_claim_field():
    docs, _ = load_documents([str(SEEDS)])
    for doc in docs:
        claims = [c for c in corpus_claims([doc])]
        assert claims, doc.path
        assert decode_claims(encode_claims(claims), doc, int(claims[0].id[1:])) == claims


def test_claims_cache_warm_rescan_reads_from_the_cache(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cold = _scan([corpus], tmp_path / "cache")
    assert (tmp_path / "cache" / "claims.sqlite3").is_file()
    _forbid_parsing(monkeypatch)
    warm = _scan([corpus], tmp_path / "cache")
    assert warm.claims == cold.claims
    assert warm.findings == cold.findings and warm.edges == cold.edges and warm.clusters == cold.clusters
    assert [(d.id, d.path, d.title, d.date, d.text) for d in warm.documents] == [
        (d.id, d.path, d.title, d.date, d.text) for d in cold.documents
    ]


def test_claims_cache_changed_document_is_read_again(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    _scan([corpus], tmp_path / "cache")
    changed = sorted(corpus.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nRevenue reached $12 billion in 2031.\n", encoding="utf-8")
    parsed = []
    real = checker.pipeline.parse_document
    monkeypatch.setattr(
        checker.pipeline, "parse_document", lambda text, fmt, doc_id, name, *given: parsed.append(Path(name).name) or real(text, fmt, doc_id, name, *given)
    )
    report = _scan([corpus], tmp_path / "cache")
    assert parsed == [changed.name]
    assert any("$12 billion" in c.text for c in report.claims)


def test_claims_cache_is_keyed_by_text_and_format():
    assert document_key("text", "a 5% rise") == document_key("text", "a 5% rise")
    assert document_key("text", "a 5% rise") != document_key("text", "a 6% rise")
    assert document_key("text", "a 5% rise") != document_key("markdown", "a 5% rise")


def test_claims_cache_corrupt_file_is_moved_aside_and_rebuilt(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cold = _scan([SEEDS], cache)
    db = cache / "claims.sqlite3"
    for suffix in ("-wal", "-shm"):
        (cache / f"claims.sqlite3{suffix}").unlink(missing_ok=True)
    db.write_bytes(b"not a database at all " * 200)
    warnings: list[str] = []
    again = _scan([SEEDS], cache, warnings)
    assert again.claims == cold.claims
    assert any("claims cache" in w and "moved it to claims.sqlite3.corrupt" in w for w in warnings)
    assert (cache / "claims.sqlite3.corrupt").is_file()
    _forbid_parsing(monkeypatch)  # the rebuilt cache serves the next run
    assert _scan([SEEDS], cache).claims == cold.claims


def test_claims_cache_off_without_cache(tmp_path):
    pipeline = Pipeline(Settings(use_cache=False, cache_dir=str(tmp_path)), embedder=HashEmbedder())
    assert pipeline.claims_cache is None
    pipeline.scan([str(SEEDS)])
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("broken", [b"\xff\xfe\x00garbage", b""])
def test_claims_cache_unreadable_files_still_warn(tmp_path, broken):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / "bad.txt").write_bytes(broken)
    first: list[str] = []
    second: list[str] = []
    _scan([corpus], tmp_path / "cache", first)
    _scan([corpus], tmp_path / "cache", second)
    assert first == second
    if not broken:
        assert any("bad.txt: empty file; skipped" in w for w in first)


def test_claims_cache_keeps_the_pairs_of_unchanged_vectors(tmp_path, monkeypatch):
    import numpy as np

    from checker.store.claims_cache import pairs_key

    cold = Pipeline(Settings(cache_dir=str(tmp_path)), embedder=HashEmbedder())
    docs = cold.load([str(SEEDS)])
    vectors = cold.embed(cold.claims(docs))
    first = cold.candidate_pairs(vectors)
    assert first and all(isinstance(s, float) for _, _, s in first)
    cold.close()
    monkeypatch.setattr(checker.pipeline, "nearest_pairs", lambda *a, **k: pytest.fail("searched again"))
    warm = Pipeline(Settings(cache_dir=str(tmp_path)), embedder=HashEmbedder())
    assert warm.candidate_pairs(vectors) == first
    # other vectors or settings are another key
    assert pairs_key(vectors, k=10, threshold=0.45) != pairs_key(vectors[::-1].copy(), k=10, threshold=0.45)
    assert pairs_key(vectors, k=10, threshold=0.45) != pairs_key(vectors, k=5, threshold=0.45)
    other = vectors.copy()
    other[0] = np.roll(other[0], 1)
    with pytest.raises(pytest.fail.Exception):
        warm.candidate_pairs(other)
    warm.close()


def test_claims_cache_keeps_the_judgement_of_an_unchanged_run(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cold = _scan([corpus], tmp_path / "cache")
    assert cold.findings
    monkeypatch.setattr(checker.pipeline, "evaluate", lambda *a, **k: pytest.fail("the rules ran again"))
    monkeypatch.setattr(checker.pipeline, "clusters", lambda *a, **k: pytest.fail("clustered again"))
    warm = _scan([corpus], tmp_path / "cache")
    assert (warm.findings, warm.edges, warm.clusters) == (cold.findings, cold.edges, cold.clusters)
    monkeypatch.undo()
    # another rule setting, or another document, is another judgement
    ran = []
    real = checker.pipeline.evaluate
    monkeypatch.setattr(checker.pipeline, "evaluate", lambda *a, **k: ran.append(1) or real(*a, **k))
    pipeline = Pipeline(Settings(cache_dir=str(tmp_path / "cache"), related_threshold=0.7), embedder=HashEmbedder())
    pipeline.scan([str(corpus)])
    pipeline.close()
    assert ran == [1]
    (corpus / "extra.txt").write_text("Exports rose 4% to $2 billion in 2024.\n", encoding="utf-8")
    _scan([corpus], tmp_path / "cache")
    assert ran == [1, 1]


def _count_rule_runs(monkeypatch):
    ran = []
    real = checker.pipeline.evaluate
    monkeypatch.setattr(checker.pipeline, "evaluate", lambda *a, **k: ran.append(1) or real(*a, **k))
    return ran


def test_judgement_key_of_a_warm_rescan_encodes_no_claims(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cold = _scan([corpus], tmp_path / "cache")
    # the key comes from the documents' cache keys and stored claims, not a new encoding
    monkeypatch.setattr("checker.store.claims_cache.encode_claims", lambda *a, **k: pytest.fail("claims encoded again"))
    monkeypatch.setattr("checker.store.cached_stages.encode_claims", lambda *a, **k: pytest.fail("claims encoded again"))
    ran = _count_rule_runs(monkeypatch)
    warm = _scan([corpus], tmp_path / "cache")
    assert ran == []
    assert (warm.findings, warm.edges, warm.clusters) == (cold.findings, cold.edges, cold.clusters)


def test_judgement_is_not_reused_for_a_renamed_or_edited_document(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    _scan([corpus], tmp_path / "cache")
    ran = _count_rule_runs(monkeypatch)
    name = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")[0]
    # same text under another name: the claims' paths (and maybe their order) differ
    renamed = name.with_name("zz-" + name.name)
    name.rename(renamed)
    report = _scan([corpus], tmp_path / "cache")
    assert ran == [1]
    assert any(c.path.endswith(renamed.name) for c in report.claims)
    # one figure changed in place: same path, other claims
    text = renamed.read_text(encoding="utf-8")
    digit = next(ch for ch in text if ch.isdigit())
    renamed.write_text(text.replace(digit, str((int(digit) + 1) % 10), 1), encoding="utf-8")
    _scan([corpus], tmp_path / "cache")
    assert ran == [1, 1]
    # unchanged since: reused
    _scan([corpus], tmp_path / "cache")
    assert ran == [1, 1]


def test_judgement_of_other_claim_objects_is_keyed_by_their_content(tmp_path, monkeypatch):
    import dataclasses

    pipeline = Pipeline(Settings(cache_dir=str(tmp_path)), embedder=HashEmbedder(), warn=lambda m: None)
    loaded = pipeline.read([str(SEEDS)])
    documents = [item.document for item in loaded]
    extraction = pipeline.extract(loaded)
    claims, digest = extraction.claims, extraction.digest
    report = pipeline.judge(documents, claims, pipeline.embed(claims), claims_digest=digest)
    assert report.findings
    ran = _count_rule_runs(monkeypatch)
    pairs = pipeline.candidate_pairs(pipeline.embed(claims))
    # claims without the extraction's digest (one changed in place): the full key, a miss
    changed = list(claims)
    first = next(i for i, c in enumerate(changed) if c.quantities)
    changed[first] = dataclasses.replace(changed[first], text=changed[first].text + " Revised.")
    pipeline.judge_pairs(documents, changed, pairs)
    assert ran == [1]
    # equal copies of the claims: keyed in full, judged once, then reused, and judged as the originals are
    copies = pipeline.judge_pairs(documents, [dataclasses.replace(c) for c in claims], pairs)
    assert ran == [1, 1]
    assert pipeline.judge_pairs(documents, [dataclasses.replace(c) for c in claims], pairs).findings == copies.findings
    assert ran == [1, 1]
    # the extraction's own claims with its digest: keyed by the digest (not the copies' full key)
    originals = pipeline.judge_pairs(documents, claims, pairs, claims_digest=digest)
    assert ran == [1, 1, 1]
    assert (originals.findings, originals.edges) == (copies.findings, copies.edges)
    pipeline.close()


def test_package_digest_covers_the_judge_and_extract_code(monkeypatch):
    # the judgement cache is keyed by the package's code: a change in a rule kind must miss it
    from pathlib import Path

    import checker
    from checker.store import claims_cache

    root = Path(checker.__file__).resolve().parent
    seen: list[str] = []
    real = Path.read_bytes

    def spy(self):
        seen.append(self.resolve().relative_to(root).as_posix())
        return real(self)

    claims_cache.package_digest.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", spy)
    try:
        claims_cache.package_digest()
    finally:
        monkeypatch.undo()
        claims_cache.package_digest.cache_clear()
    assert "judge/rulekinds/numeric.py" in seen and "extract/quantities.py" in seen
