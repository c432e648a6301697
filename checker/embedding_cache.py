"""An on-disk embedding cache keyed by model and text, in one SQLite file.

SQLite gives atomic, crash-safe writes: a run killed mid-way leaves the cache as it
was before the last transaction. A cache that cannot be opened or read (corrupt,
read-only folder) is reported with a warning and bypassed, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .embeddings import Embedder

_SCHEMA_VERSION = 1
_CHUNK = 500  # SQLite host parameters per query


def default_cache_dir() -> Path:
    """``$CLAIMGRAPH_CACHE_DIR``, else the user cache folder (``$XDG_CACHE_HOME/claimgraph``)."""
    env = os.environ.get("CLAIMGRAPH_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimgraph", appauthor=False))


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


class EmbeddingCache:
    """Vectors stored per (model, sha256(text))."""

    def __init__(self, folder: Path, warn: Callable[[str], None] = lambda m: None) -> None:
        self.path = Path(folder) / "embeddings.sqlite3"
        self._warn = warn
        self._conn: sqlite3.Connection | None = None
        self._disabled = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._disabled:
            return None
        if self._conn is not None:
            return self._conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
            conn.execute(
                "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, key BLOB NOT NULL, "
                "dim INTEGER NOT NULL, vec BLOB NOT NULL, PRIMARY KEY (model, key)) WITHOUT ROWID"
            )
            row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                with conn:
                    conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(_SCHEMA_VERSION),))
            elif row[0] != str(_SCHEMA_VERSION):
                conn.close()
                self._warn(f"embedding cache {self.path} has another format; not using it")
                self._disabled = True
                return None
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
        except (sqlite3.Error, OSError) as exc:
            self._warn(f"embedding cache {self.path} is unusable ({exc}); running without it")
            self._disabled = True
            return None
        self._conn = conn
        return conn

    def get_many(self, model: str, keys: Sequence[bytes]) -> dict[bytes, np.ndarray]:
        conn = self._connect()
        found: dict[bytes, np.ndarray] = {}
        if conn is None:
            return found
        try:
            for i in range(0, len(keys), _CHUNK):
                chunk = list(keys[i : i + _CHUNK])
                marks = ",".join("?" * len(chunk))
                for key, dim, blob in conn.execute(
                    f"SELECT key, dim, vec FROM vectors WHERE model=? AND key IN ({marks})",
                    [model, *chunk],
                ):
                    vec = np.frombuffer(blob, dtype=np.float32)
                    if vec.shape[0] == dim:
                        found[bytes(key)] = vec
        except sqlite3.Error as exc:
            self._warn(f"embedding cache {self.path} could not be read ({exc}); running without it")
            self._disabled = True
            return {}
        return found

    def put_many(self, model: str, items: Sequence[tuple[bytes, np.ndarray]]) -> None:
        conn = self._connect()
        if conn is None or not items:
            return
        rows = [(model, key, int(v.shape[0]), np.ascontiguousarray(v, np.float32).tobytes()) for key, v in items]
        try:
            with conn:
                conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self._warn(f"embedding cache {self.path} could not be written ({exc}); running without it")
            self._disabled = True

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class CachedEmbedder:
    """Wraps an embedder: texts already in the cache are not encoded again."""

    def __init__(self, embedder: Embedder, cache: EmbeddingCache) -> None:
        self.embedder = embedder
        self.cache = cache
        self.name = embedder.name
        self.encoded = 0  # how many texts the last call had to encode

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        cached = self.cache.get_many(self.name, list(dict.fromkeys(keys)))
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, texts):
            if key not in cached and key not in missing:
                missing[key] = text
        self.encoded = len(missing)
        if missing:
            fresh = self.embedder.encode(list(missing.values()))
            new = list(zip(missing.keys(), fresh))
            self.cache.put_many(self.name, new)
            cached.update(new)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([cached[k] for k in keys]).astype(np.float32, copy=False)
