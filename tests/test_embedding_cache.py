"""The on-disk embedding cache: hits, misses per model, and unusable cache files."""

import numpy as np
import pytest

from checker.store.embedding_cache import CachedEmbedder, EmbeddingCache, default_cache_dir
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


class _TokenCounting(HashEmbedder):
    """Counts tokens as words, and records which texts it was asked to count."""

    def __init__(self):
        super().__init__()
        self.counted = []

    def token_lengths(self, texts):
        self.counted.append(list(texts))
        return [len(t.split()) for t in texts]


def test_encoding_order_cached_first_then_missing_by_tokens(tmp_path):
    from checker.embed.embeddings import encoding_order

    texts = ["one two three four", "a bb ccc", "x", "cached sentence here", "p q"]
    # by tokens, then characters: "x" (1), "p q" (2), "a bb ccc" (3), then the two of 4
    assert encoding_order(_TokenCounting(), texts) == [2, 4, 1, 3, 0]
    assert encoding_order(HashEmbedder(), texts) == [2, 4, 1, 0, 3]  # no token counts: characters
    CachedEmbedder(HashEmbedder(), EmbeddingCache(tmp_path)).encode(["cached sentence here"])
    counting = _TokenCounting()
    cached = CachedEmbedder(counting, EmbeddingCache(tmp_path))
    assert cached.encoding_order(texts) == [3, 2, 4, 1, 0]
    assert counting.counted == [["one two three four", "a bb ccc", "x", "p q"]]  # the cached one is not counted
    vectors = cached.encode([texts[n] for n in [3, 2, 4, 1, 0]])
    assert cached.encoded == 4 and counting.encoded == 4
    np.testing.assert_allclose(vectors[0], HashEmbedder().encode(["cached sentence here"])[0])
    cached.release()
    # everything cached: nothing counted, nothing encoded (a warm run loads no model)
    warm_counter = _TokenCounting()
    warm = CachedEmbedder(warm_counter, EmbeddingCache(tmp_path))
    assert warm.encoding_order(texts) == [0, 1, 2, 3, 4] and warm_counter.counted == []
    warm.encode(texts)
    assert warm.encoded == 0 and warm_counter.calls == 0


def test_chunks_after_encoding_order_look_up_only_what_was_stored_since(tmp_path):
    cache = EmbeddingCache(tmp_path)
    cached = CachedEmbedder(HashEmbedder(), cache)
    looked_up: list[list[bytes]] = []
    get_many = cache.get_many
    cache.get_many = lambda name, keys: looked_up.append(list(keys)) or get_many(name, keys)
    texts = ["alpha", "beta", "alpha", "gamma"]
    order = cached.encoding_order(texts)
    assert len(looked_up) == 1  # every text, once
    cached.encode([texts[n] for n in order[:2]])
    assert cached.encoded == 2 and len(looked_up) == 1  # known missing: not looked up again
    cached.encode([texts[n] for n in order[2:]])
    assert cached.encoded == 1  # "alpha" was stored by the first chunk: found, not encoded again
    assert len(looked_up) == 2 and len(looked_up[1]) == 1
    cached.release()


@pytest.mark.model
def test_token_lengths_of_the_real_model():
    from checker.embed.embeddings import SentenceTransformerEmbedder

    lengths = SentenceTransformerEmbedder().token_lengths(["Revenue rose.", "Xylophonically unprecedented quantities #"])
    assert lengths[0] == 5  # [CLS] revenue rose . [SEP]
    assert lengths[1] > 6  # rare words are several word pieces
