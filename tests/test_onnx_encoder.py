"""The ONNX Runtime encoder (``--backend onnx|onnx-int8``): torch's vectors, exported offline into the cache folder."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from checker.cli import main
from tests.conftest import SEEDS

SENTENCES = [
    "China filed # invention patents in DATE, up # from a year earlier.",
    "The Stargate cluster will draw # of power when complete.",
    "Revenue at the Bavarian plant rose # to #.",
    "Officials said the programme had trained # engineers by DATE.",
]


def test_onnx_backend_without_the_extra_is_a_one_line_error(monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # as if not installed
    code = main(["scan", str(SEEDS), "--backend", "onnx", "--no-cache", "-o", str(tmp_path / "r.json")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err == ["claimgraph: error: --backend onnx needs ONNX Runtime (onnxruntime is not installed): pip install 'claimgraph[onnx]'"]


@pytest.mark.model  # exports the packaged model with torch, then runs it with ONNX Runtime
def test_onnx_backend_matches_torch_and_caches_its_export(tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime", reason="the onnx extra is part of the test extra")
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    from checker.embed.embeddings import SentenceTransformerEmbedder
    from checker.embed.onnx_encoder import OnnxEmbedder, export_folder

    torch_vectors = SentenceTransformerEmbedder(None).encode(SENTENCES)
    fp32 = OnnxEmbedder(None)
    int8 = OnnxEmbedder(None, quantised=True)
    assert fp32.name != int8.name != SentenceTransformerEmbedder(None).name  # never share cached vectors
    a, b = fp32.encode(SENTENCES), int8.encode(SENTENCES)
    assert a.shape == b.shape == torch_vectors.shape
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    assert (a * torch_vectors).sum(1).min() > 0.9999
    assert (b * torch_vectors).sum(1).min() > 0.85
    folder = export_folder(SentenceTransformerEmbedder(None).name)
    assert folder.is_relative_to(tmp_path / "cache")
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["model-int8.onnx", "model.onnx"]  # no temporary files left
    stamp = (folder / "model.onnx").stat().st_mtime_ns
    again = OnnxEmbedder(None).encode(SENTENCES[:2])
    assert np.allclose(again, a[:2], atol=1e-5)  # batch composition does not change a vector
    assert (folder / "model.onnx").stat().st_mtime_ns == stamp  # reused, not exported again


@pytest.mark.model
def test_onnx_backend_scans_end_to_end(tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime", reason="the onnx extra is part of the test extra")
    import json

    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    out_torch, out_onnx = tmp_path / "torch.json", tmp_path / "onnx.json"
    assert main(["scan", str(SEEDS), "-f", "json", "-o", str(out_torch), "--fail-on", "never"]) == 0
    assert main(["scan", str(SEEDS), "--backend", "onnx", "-f", "json", "-o", str(out_onnx), "--fail-on", "never"]) == 0
    torch_report, onnx_report = json.loads(out_torch.read_text()), json.loads(out_onnx.read_text())
    fingerprints = lambda r: sorted(f["fingerprint"] for f in r["findings"])  # noqa: E731
    assert fingerprints(onnx_report) == fingerprints(torch_report)
