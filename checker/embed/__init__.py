"""Embed: claims to vectors. The sentence-transformers encoder and the ONNX one; caching wraps
an encoder (:class:`checker.store.embedding_cache.CachedEmbedder`), it does not reach into it."""
