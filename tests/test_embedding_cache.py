"""The on-disk embedding cache: hits, misses per model, and unusable cache files."""

import numpy as np

from checker.embedding_cache import CachedEmbedder, EmbeddingCache, default_cache_dir
from tests.fakes import HashEmbedder


def test_embedding_cache_second_run_encodes_nothing(tmp_path):
    texts = ["China authorized # invention patents.", "Beijing counts # firms.", "China authorized # invention patents."]
    first = CachedEmbedder(HashEmbedder(), EmbeddingCache(tmp_path))
    vectors = first.encode(texts)
    assert first.encoded == 2  # the repeated sentence is encoded once
    second_fake = HashEmbedder()
    second = CachedEmbedder(second_fake, EmbeddingCache(tmp_path))
    again = second.encode(texts)
    assert second.encoded == 0 and second_fake.calls == 0
    np.testing.assert_allclose(vectors, again)


def test_embedding_cache_is_keyed_by_model(tmp_path):
    CachedEmbedder(HashEmbedder(), EmbeddingCache(tmp_path)).encode(["a sentence"])
    other = HashEmbedder()
    other.name = "another-model"
    cached = CachedEmbedder(other, EmbeddingCache(tmp_path))
    cached.encode(["a sentence"])
    assert cached.encoded == 1


def test_embedding_cache_corrupt_file_is_bypassed_with_a_warning(tmp_path):
    (tmp_path / "embeddings.sqlite3").write_bytes(b"this is not a database" * 100)
    warnings = []
    cached = CachedEmbedder(HashEmbedder(), EmbeddingCache(tmp_path, warn=warnings.append))
    vectors = cached.encode(["one", "two"])
    assert vectors.shape == (2, 256)
    assert warnings and "unusable" in warnings[0]


def test_embedding_cache_default_folder_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMGRAPH_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("CLAIMGRAPH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "claimgraph"
