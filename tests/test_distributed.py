"""Scanning on a local Dask cluster gives the single-process findings."""

import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytest.importorskip("dask.distributed")

sys.path.insert(0, str(ROOT / "bench"))
from generate_corpus import generate  # noqa: E402

import fakes  # noqa: E402
from checker.pair import candidates  # noqa: E402
from checker.runtime.distributed import DistributedPipeline, EMBED_CHUNK, connect, scan  # noqa: E402
from checker.pipeline import Pipeline, Settings  # noqa: E402


def _summary(report):
    return (
        [(f.rule, f.claims, f.message, f.fingerprint) for f in report.findings],
        [(e.source, e.target, e.relation, e.rule, e.score) for e in report.edges],
        report.clusters,
        [c.id for c in report.claims],
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, docs=120, seed=3, claims_per_doc=3)
    return folder


@pytest.fixture(scope="module")
def client():
    import cloudpickle

    cloudpickle.register_pickle_by_value(fakes)  # workers do not have tests/ on their path
    c = connect(jobs=2)
    yield c
    cluster = c.cluster
    c.close()
    cluster.close()


def _single(corpus, tmp_path):
    p = Pipeline(Settings(cache_dir=str(tmp_path / "single")), embedder=fakes.HashEmbedder(), warn=lambda m: None)
    return p.scan([str(corpus)])


@pytest.mark.distributed
def test_distributed_scan_matches_single_process(corpus, client, tmp_path, monkeypatch):
    single = _single(corpus, tmp_path)
    assert len(single.claims) > EMBED_CHUNK // 4 and single.findings
    settings = Settings(cache_dir=str(tmp_path / "dist"))
    pipeline = DistributedPipeline(settings, client=client, embedder_factory=fakes.HashEmbedder, warn=lambda m: None)
    report = pipeline.scan([str(corpus)])
    assert pipeline.encoded == len({c.masked_text for c in single.claims})
    assert _summary(report) == _summary(single)
    # a warm rerun encodes nothing and still agrees
    again = DistributedPipeline(settings, client=client, embedder_factory=fakes.HashEmbedder, warn=lambda m: None)
    assert _summary(again.scan([str(corpus)])) == _summary(single)
    assert again.encoded == 0


@pytest.mark.distributed
def test_distributed_approximate_search_matches_single_process(corpus, client, tmp_path, monkeypatch):
    monkeypatch.setattr(candidates, "EXACT_LIMIT", 50)  # force the HNSW index on both sides
    monkeypatch.setattr("checker.runtime.distributed.SEARCH_BLOCK", 97)  # many uneven row blocks
    single = _single(corpus, tmp_path)
    report = DistributedPipeline(
        Settings(use_cache=False), client=client, embedder_factory=fakes.HashEmbedder, warn=lambda m: None
    ).scan([str(corpus)])
    assert _summary(report) == _summary(single)


def test_distributed_needs_workers_or_a_scheduler():
    from checker.errors import ConfigError

    with pytest.raises(ConfigError):
        connect(jobs=0)
    with pytest.raises(ConfigError):
        DistributedPipeline(Settings(), client=None)
    assert callable(scan)


def test_distributed_cli_flags_parse():
    import click

    from checker.cli import cli, scan as command

    # under the group's context, as the command line runs it: click keeps the help option a
    # command first makes, so a context of no parent would leave "scan -h" unknown to later tests
    parent = click.Context(cli, info_name="claimgraph", **cli.context_settings)
    args = command.make_context("scan", ["docs", "--jobs", "3"], parent=parent).params
    assert args["jobs"] == 3 and args["scheduler"] is None
    args = command.make_context("scan", ["docs", "--scheduler", "tcp://127.0.0.1:8786"], parent=parent).params
    assert args["scheduler"] == "tcp://127.0.0.1:8786" and args["jobs"] is None


def test_distributed_cli_bad_jobs_is_a_usage_error(capsys, tmp_path):
    from checker.cli import main

    (tmp_path / "a.txt").write_text("In 2023, Bavaria added 3.2 GW of wind capacity.\\n")
    assert main(["scan", str(tmp_path), "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


@pytest.mark.distributed
@pytest.mark.model  # the workers export the packaged model to ONNX (once) and run it
def test_distributed_workers_encode_with_the_configured_backend(client, tmp_path):
    pytest.importorskip("onnxruntime", reason="the onnx extra is part of the test extra")
    import numpy as np

    from checker.runtime.distributed import _encode_task
    from checker.embed.embeddings import SentenceTransformerEmbedder
    from checker.embed.onnx_encoder import OnnxEmbedder
    from tests.conftest import SEEDS

    settings = Settings(backend="onnx-int8", cache_dir=str(tmp_path / "dist"))
    pipeline = DistributedPipeline(settings, client=client, warn=lambda m: None)
    local = OnnxEmbedder(None, quantised=True)
    assert pipeline.embedder.name == local.name  # cached vectors never mix with torch's
    texts = ["Exports rose # to # in DATE.", "The plant employs # people."]
    remote = client.submit(_encode_task, pipeline._spec(), texts, pure=False).result()
    assert np.allclose(remote, local.encode(texts), atol=1e-4)
    assert not np.allclose(remote, SentenceTransformerEmbedder(None).encode(texts), atol=1e-4)
    # a whole scan: the same report as a single process on the same backend
    single = Pipeline(Settings(backend="onnx-int8", cache_dir=str(tmp_path / "single")), warn=lambda m: None)
    assert _summary(pipeline.scan([str(SEEDS)])) == _summary(single.scan([str(SEEDS)]))
    assert pipeline.encoded > 0
    pipeline.close()
    single.close()


@pytest.mark.slow
def test_distributed_unusable_cache_dir_is_an_error_as_in_a_single_process(client, tmp_path):
    """The Dask pipeline opens the embedding cache as a single process does: a chosen
    --cache-dir that cannot be used is an error in both, not a warning under Dask."""
    from checker.errors import ConfigError
    from checker.model import Claim

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    settings = Settings(cache_dir=str(blocker / "cache"))
    claims = [Claim(id="c1", doc="d1", path="a.txt", start=0, end=20, line=1, column=1, text="Exports rose 5% in 2024.", section="body")]
    warnings: list[str] = []
    local = Pipeline(settings, encoder=fakes.HashEmbedder, warn=warnings.append)
    with pytest.raises(ConfigError, match="cannot be used"):
        local.embed(claims)
    dask = DistributedPipeline(settings, client=client, embedder_factory=fakes.HashEmbedder, warn=warnings.append)
    with pytest.raises(ConfigError, match="cannot be used"):
        dask.embed(claims)
    assert warnings == []
