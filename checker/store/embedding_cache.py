"""An on-disk embedding cache keyed by model and text, in one SQLite file.

SQLite gives atomic, crash-safe writes: each batch of new vectors is one transaction
(WAL journal), so a run killed at any point, SIGKILL included, leaves the cache as it
was before the last transaction, and the next run uses it.

What happens when the cache cannot be used:

* the file is corrupt (not a database, a malformed page, a failed integrity check):
  it is moved aside to ``embeddings.sqlite3.corrupt`` (``.corrupt.2``, ...; with its
  ``-wal`` and ``-shm`` files), a fresh cache is created in its place and a warning
  says so: it is never trusted, and the run goes on;
* the file has another schema version: it is left alone and the run goes on without
  a cache, with a warning (a newer claimgraph may own it);
* the folder cannot be created, opened or written (a read-only folder, a path that is
  a file, a full disk): when the folder was chosen explicitly (``--cache-dir``, the
  configuration file or ``$CLAIMGRAPH_CACHE_DIR``; ``required=True``) this is an error
  naming the folder (exit code 2); for the default user cache folder, a warning, and
  the run goes on without a cache.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Callable, Container, Sequence

import numpy as np

from ..embed.embeddings import Embedder, encoding_order, prepare_encoder
from ..errors import ConfigError

_SCHEMA_VERSION = 1
_CHUNK = 500  # SQLite host parameters per query


class _Corrupt(Exception):
    """The cache file is damaged."""


def _is_corruption(exc: BaseException) -> bool:
    if isinstance(exc, _Corrupt):
        return True
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return True  # "file is not a database", "database disk image is malformed"
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def cache_dir_is_explicit(cache_dir: str | None) -> bool:
    """True when the cache folder was chosen (a flag, the configuration or the environment)."""
    return bool(cache_dir or os.environ.get("CLAIMGRAPH_CACHE_DIR"))


def default_cache_dir() -> Path:
    """``$CLAIMGRAPH_CACHE_DIR``, else the user cache folder (``$XDG_CACHE_HOME/claimgraph``)."""
    env = os.environ.get("CLAIMGRAPH_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimgraph", appauthor=False))


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def cached_first(keys: Sequence[bytes], cached: Container[bytes], order_missing: Callable[[list[int]], list[int]]) -> list[int]:
    """Positions of ``keys``: those in ``cached`` first, in order, then the others in the order
    ``order_missing`` gives them (it gets their positions, and answers with indices into that
    list). A single process and a Dask scan order the texts to encode by this one rule."""
    have = [n for n, k in enumerate(keys) if k in cached]
    missing = [n for n, k in enumerate(keys) if k not in cached]
    if not missing:
        return have
    return have + [missing[n] for n in order_missing(missing)]


class SqliteCache:
    """One SQLite cache file in a folder, opened on first use; see the module docstring for failures.

    Subclasses name the file (``FILE``), their schema version (``SCHEMA``), what the
    cache is called in messages (``LABEL``) and create their tables (:meth:`_create`).
    """

    FILE = "cache.sqlite3"
    SCHEMA = 1
    LABEL = "cache"

    def __init__(self, folder: Path, warn: Callable[[str], None] = lambda m: None, required: bool = False) -> None:
        self.path = Path(folder) / self.FILE
        self._warn = warn
        self._required = required
        self._conn: sqlite3.Connection | None = None
        self._disabled = False
        self.moved_aside: Path | None = None  # where a corrupt cache file was moved

    def _create(self, conn: sqlite3.Connection) -> None:
        raise NotImplementedError

    def _unusable(self, reason: str) -> None:
        """The cache cannot be used: an error when it was asked for, else a warning."""
        self._disabled = True
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
        if self._required:
            raise ConfigError(
                f"{self.LABEL} {self.path.parent} cannot be used: {reason} (choose another --cache-dir, or --no-cache)"
            )
        self._warn(f"{self.LABEL} {self.path} is unusable ({reason}); running without it")

    def _open(self) -> sqlite3.Connection | None:
        conn = sqlite3.connect(self.path, timeout=30)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self._create(conn)
            row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None:
                with conn:
                    conn.execute("INSERT INTO meta VALUES ('schema', ?)", (str(self.SCHEMA),))
            elif row[0] != str(self.SCHEMA):
                conn.close()
                self._warn(f"{self.LABEL} {self.path} has another format; not using it")
                self._disabled = True
                return None
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _Corrupt("integrity check failed")
        except BaseException:
            conn.close()
            raise
        return conn

    def _move_aside(self) -> Path:
        """Rename the corrupt file (and its journal files) out of the way."""
        n = 1
        while True:
            aside = self.path.with_name(self.path.name + (".corrupt" if n == 1 else f".corrupt.{n}"))
            if not aside.exists():
                break
            n += 1
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm"):
            journal = self.path.with_name(self.path.name + suffix)
            if journal.exists():
                os.replace(journal, aside.with_name(aside.name + suffix))
        return aside

    def _connect(self) -> sqlite3.Connection | None:
        if self._disabled:
            return None
        if self._conn is not None:
            return self._conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not os.access(self.path.parent, os.W_OK | os.X_OK):
                raise PermissionError(13, "folder is not writable")
            conn = self._open()
        except (sqlite3.Error, _Corrupt) as exc:
            if not _is_corruption(exc):
                self._unusable(str(exc))
                return None
            try:
                aside = self._move_aside()
                conn = self._open()
            except (sqlite3.Error, _Corrupt, OSError) as again:
                self._unusable(f"corrupt ({exc}), and could not be replaced: {getattr(again, 'strerror', None) or again}")
                return None
            self.moved_aside = aside
            self._warn(f"{self.LABEL} {self.path} was unusable ({exc}); moved it to {aside.name} and started a new one")
        except OSError as exc:
            self._unusable(exc.strerror or str(exc))
            return None
        self._conn = conn
        return conn

    def _read_failed(self, exc: sqlite3.Error) -> None:
        """A read failed mid-run: a damaged file is bypassed now (the next run rebuilds it)."""
        if _is_corruption(exc):
            self._warn(f"{self.LABEL} {self.path} is unusable ({exc}); running without it")
            self._disabled = True
        else:
            self._unusable(f"could not be read: {exc}")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class EmbeddingCache(SqliteCache):
    """Vectors stored per (model, sha256(text))."""

    FILE = "embeddings.sqlite3"
    SCHEMA = _SCHEMA_VERSION
    LABEL = "embedding cache"

    def _create(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, key BLOB NOT NULL, "
            "dim INTEGER NOT NULL, vec BLOB NOT NULL, PRIMARY KEY (model, key)) WITHOUT ROWID"
        )

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
            self._read_failed(exc)
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
            self._unusable(f"could not be written: {exc}")


class CachedEmbedder:
    """Wraps an embedder: texts already in the cache are not encoded again."""

    def __init__(self, embedder: Embedder, cache: EmbeddingCache) -> None:
        self.embedder = embedder
        self.cache = cache
        self.name = embedder.name
        self.encoded = 0  # how many texts the last call had to encode
        self._held: dict[bytes, np.ndarray] = {}  # vectors looked up by encoding_order, until release()
        self._absent: set[bytes] = set()  # keys it found missing and not yet encoded, until release()

    def prepare(self) -> None:
        """Load the wrapped encoder's model now (see :func:`checker.embed.embeddings.prepare_encoder`)."""
        prepare_encoder(self.embedder)

    def encoding_order(self, texts: Sequence[str]) -> list[int]:
        """The texts in the cache first (in order), then the others in the wrapped encoder's
        order (:func:`checker.embed.embeddings.encoding_order`); the vectors found are held for the
        ``encode`` calls that follow, until :meth:`release`. Only texts missing from the cache
        are counted in tokens, so a run with every vector cached loads no model."""
        keys = [text_key(t) for t in texts]
        self._held = self.cache.get_many(self.name, list(dict.fromkeys(keys)))
        self._absent = set(keys).difference(self._held)
        return cached_first(keys, self._held, lambda rows: encoding_order(self.embedder, [texts[n] for n in rows]))

    def release(self) -> None:
        self._held, self._absent = {}, set()

    def encode_chunks(self, chunks: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """:meth:`encode` of each chunk, with what the chunks miss encoded side by side by the
        wrapped encoder's ``encode_chunks`` (a Dask cluster's): each chunk's missing texts, a
        text missing from several only in the first, as one chunk after the other would."""
        keys = [[text_key(t) for t in chunk] for chunk in chunks]
        cached = dict(self._held)
        rest = [k for ks in keys for k in ks if k not in cached and k not in self._absent]  # not looked up yet
        if rest:
            cached.update(self.cache.get_many(self.name, list(dict.fromkeys(rest))))
        scheduled: set[bytes] = set()
        jobs: list[dict[bytes, str]] = []
        for chunk_keys, chunk in zip(keys, chunks):
            missing: dict[bytes, str] = {}
            for key, text in zip(chunk_keys, chunk):
                if key not in cached and key not in scheduled and key not in missing:
                    missing[key] = text
            if missing:
                scheduled.update(missing)
                jobs.append(missing)
        for job, fresh in zip(jobs, self.embedder.encode_chunks([list(job.values()) for job in jobs]) if jobs else []):
            new = list(zip(job, fresh))
            self.cache.put_many(self.name, new)
            cached.update(new)
        self._absent.difference_update(scheduled)
        self.encoded = len(scheduled)
        return [
            np.stack([cached[k] for k in chunk_keys]).astype(np.float32, copy=False) if chunk_keys else np.zeros((0, 0), np.float32)
            for chunk_keys in keys
        ]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        cached = {k: self._held[k] for k in keys if k in self._held}
        rest = [k for k in dict.fromkeys(keys) if k not in cached and k not in self._absent]  # not looked up yet
        if rest:
            cached.update(self.cache.get_many(self.name, rest))
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
            self._absent.difference_update(missing)  # stored now: a later chunk looks them up again
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([cached[k] for k in keys]).astype(np.float32, copy=False)
