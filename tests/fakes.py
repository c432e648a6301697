"""A small deterministic embedder for fast unit tests: hashed bags of words."""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"[a-z]+")


class HashEmbedder:
    """Sentences sharing words get close vectors; identical sentences identical ones."""

    name = "fake-hash-256"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.calls = 0
        self.encoded = 0

    def encode(self, texts):
        self.calls += 1
        self.encoded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                h = int.from_bytes(hashlib.md5(word.encode()).digest()[:4], "little")
                out[row, h % self.dim] += 1.0
            norm = np.linalg.norm(out[row])
            if norm:
                out[row] /= norm
        return out
