"""A per-document claims cache, so that rescanning an unchanged corpus neither parses nor re-extracts it.

One SQLite file, ``claims.sqlite3``, beside the embedding cache (same folder, same
failure handling: see :mod:`checker.store.embedding_cache`; a corrupt file is moved aside
and rebuilt, writes are SQLite transactions, so a killed run leaves the cache as it
was). Each row holds what reading and extracting one document produced: its title,
its date and its claims, without the ids and path a run gives them.

The key of a document is the sha256 of

* the extractor digest: claimgraph's version and the code of the modules that read
  documents and extract claims (:data:`EXTRACTOR_MODULES`), each by its dotted name and
  the file it was imported from (:func:`code_digest`), so a changed, moved or renamed
  reader or extractor never meets claims an older one made; a module whose file cannot
  be read is an error, never a placeholder in the key;
* the document's format (txt, Markdown, HTML: from the file name);
* its decoded text.

Extraction takes no settings, so none are in the key. The same file also keeps the
nearest-neighbour pairs of the last few corpora (:data:`ClaimsCache.KEEP_PAIRS`), keyed by
the vectors, the search settings and the search code (:func:`pairs_key`): a rescan of an
unchanged corpus gets the same vectors, so it skips the search. And it keeps the judgement
of the last few runs (findings, graph edges, clusters), keyed by everything the judgement
reads (:func:`judgement_key`: the claims with their ids and places, the documents' ids,
paths, dates and texts, the candidate pairs, the rules with their settings, the thresholds
and the source of every ``checker`` module), so a rescan of an unchanged corpus with unchanged
rules does not run the rules again; any difference in any of those is another key. The
claims and texts enter that key through a :class:`ClaimsDigest` built while the claims are
read from the cache or extracted (each document's cache key and its stored claims string),
so a warm rescan neither encodes the claims again nor hashes the texts twice. A document
whose decoding left a note (a lossy decode) is read the ordinary way each time, so the note
is repeated. The text extracted from a Word or PDF file is kept too (``texts``, by the file's
bytes: :func:`text_key`), so an unchanged PDF is not parsed again.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import pkgutil
import sqlite3
import zlib
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Sequence

import numpy as np

from .embedding_cache import SqliteCache
from ..errors import ClaimgraphError
from ..model import Citation, Claim, DateExpr, Document, Fact, Quantity, Slot

#: Modules (or packages: every module in them) whose code decides what a document reads as
#: and which claims it holds, by dotted name: their code is hashed as imported.
EXTRACTOR_MODULES = ("checker.ingest", "checker.extract", "checker.frame", "checker.model", "checker.store.claims_cache")
#: The nearest-neighbour search, for :func:`pairs_key`: the whole pair stage, so a module
#: added to it is covered without a word here.
SEARCH_MODULES = ("checker.pair",)

_CHUNK = 500  # SQLite host parameters per query
_Q = tuple(f.name for f in fields(Quantity))
_D = tuple(f.name for f in fields(DateExpr))
_C = tuple(f.name for f in fields(Citation))
_LOCAL = ("start", "end", "line", "column", "text", "section", "terms", "subjects", "past_tense")


def _modules(names: Sequence[str]) -> list[ModuleType]:
    """The modules ``names`` import as, a package standing for itself and every module in it."""
    found: dict[str, ModuleType] = {}
    for name in names:
        module = importlib.import_module(name)
        found[module.__name__] = module
        if hasattr(module, "__path__"):
            for info in pkgutil.walk_packages(module.__path__, prefix=module.__name__ + "."):
                found[info.name] = importlib.import_module(info.name)
    return [found[n] for n in sorted(found)]


def code_digest(names: Sequence[str]) -> str:
    """sha256 of the code of the modules ``names`` as imported: each one's dotted name and the
    bytes of the file it was loaded from, so moving a module (another name) or editing it
    (other bytes) gives another digest.

    Raises :class:`~checker.errors.ClaimgraphError` when a module's file is unknown or
    cannot be read: a key that does not cover the code would serve stale claims.
    """
    h = hashlib.sha256(b"code\0")
    for module in _modules(names):
        path = getattr(module, "__file__", None)
        if not path:
            raise ClaimgraphError(f"cannot key the cache: module {module.__name__} has no source file")
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ClaimgraphError(f"cannot key the cache: cannot read {path} ({exc.strerror or exc})") from None
        h.update(module.__name__.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def extractor_digest() -> str:
    """sha256 of claimgraph's version and the code of :data:`EXTRACTOR_MODULES` as imported."""
    from .. import __version__

    h = hashlib.sha256(f"claimgraph {__version__}\0".encode())
    h.update(code_digest(EXTRACTOR_MODULES).encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _search_digest() -> str:
    return code_digest(SEARCH_MODULES)


def document_key(fmt: str, text: str, given_date: str | None = None, nlp_model: str | None = None) -> bytes:
    """The cache key of a document's reading and claims (see the module docstring). A document
    that states no date of its own and takes the one given with ``--date`` is keyed with that
    date too (``given_date``), since its facts' times depend on it; so is the spaCy pipeline
    that bound its facts (``nlp_model``, by name, when it is not the default one)."""
    from ..frame.nlp import default_nlp_model

    h = hashlib.sha256(extractor_digest().encode())
    if nlp_model and nlp_model != default_nlp_model():
        h.update(b"\0nlp\0" + nlp_model.encode())
    h.update(b"\0" + fmt.encode() + b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    if given_date:
        h.update(b"\0given date\0" + given_date.encode())
    return h.digest()


def text_key(fmt: str, data: bytes) -> bytes:
    """The key of the text extracted from a Word or PDF file: the extractor digest, the format
    and the file's bytes (extracting a PDF is the slow part of reading it: some 30 pages a second)."""
    h = hashlib.sha256(b"text\0" + extractor_digest().encode() + b"\0" + fmt.encode() + b"\0")
    h.update(data)
    return h.digest()


def pairs_key(vectors: np.ndarray, **settings) -> bytes:
    """The key of a nearest-neighbour search: the vectors' bytes, the search settings and the
    code of the pair stage as imported (:data:`SEARCH_MODULES`)."""
    h = hashlib.sha256(b"pairs\0" + _search_digest().encode())
    h.update(repr(sorted(settings.items())).encode() + repr(vectors.shape).encode() + str(vectors.dtype).encode())
    h.update(np.ascontiguousarray(vectors).tobytes())
    return h.digest()


@lru_cache(maxsize=1)
def package_digest() -> str:
    """sha256 of claimgraph's version and the source of every module of the package."""
    from .. import __version__

    h = hashlib.sha256(f"claimgraph {__version__}\0".encode())
    folder = Path(__file__).resolve().parent.parent  # checker/, not checker/store/
    for path in sorted(folder.rglob("*.py")):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


class ClaimsDigest:
    """A running digest of a run's documents and the claims extracted from them, fed one
    document at a time as :meth:`checker.pipeline.Pipeline.claims` goes (the judgement's
    cheap key; see :func:`judgement_key`).

    Each document adds its id, path, format, title and date, the number of its first claim
    and its claim count, then either its claims-cache key (:func:`document_key`, which covers
    the text, the format and the extractor code) or, for a document read without the cache,
    a digest of its text, and the claims themselves as :func:`encode_claims` writes them
    (the string the claims cache stores or just returned). So the digest pins every field of
    every claim, ids and paths included, without encoding the claims again.
    """

    def __init__(self) -> None:
        self._h = hashlib.sha256(b"claims\0")
        self.claims = 0

    def add(self, doc: Document, first_number: int, count: int, encoded: str, key: bytes | None) -> None:
        meta = [doc.id, doc.path, doc.format, doc.title, doc.date, first_number, count]
        self._h.update(json.dumps(meta, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\0")
        if key is None:
            key = b"text:" + hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).digest()
        self._h.update(len(key).to_bytes(4, "big") + key)
        data = encoded.encode("utf-8", "surrogatepass")
        self._h.update(len(data).to_bytes(8, "big") + data)
        self.claims += count

    def digest(self) -> bytes:
        return self._h.digest()


def judgement_key(documents, claims, pairs, rules, claims_digest: bytes | None = None, **settings) -> bytes:
    """The key of a run's judgement (see the module docstring).

    ``claims_digest`` is a :class:`ClaimsDigest` of exactly these documents and claims (the
    pipeline passes it when it extracted them itself): then the claims are not encoded
    again. Without it the documents' texts and the claims are hashed in full.
    """
    h = hashlib.sha256(b"judgement\0" + package_digest().encode())
    h.update(json.dumps(sorted(settings.items()), default=repr).encode())
    for r in rules:
        h.update(json.dumps([r.id, r.name, r.kind, r.finding, r.severity, r.message, r.params, r.enabled],
                            sort_keys=True, default=repr).encode())
    h.update(json.dumps([[d.id, d.path, d.date, d.format, d.title] for d in documents], ensure_ascii=False).encode(
        "utf-8", "surrogatepass"))
    if claims_digest is not None:
        h.update(b"\0digest\0" + claims_digest)
    else:
        h.update(b"\0full\0")
        for d in documents:
            h.update(hashlib.sha256(d.text.encode("utf-8", "surrogatepass")).digest())
        h.update("\0".join(f"{c.id}|{c.doc}|{c.path}" for c in claims).encode("utf-8", "surrogatepass"))
        h.update(encode_claims(claims).encode("utf-8", "surrogatepass"))
    # one float64 array: pair ends are exact in it (far below 2**53) and so are similarities
    table = np.array(pairs, dtype=np.float64).reshape(-1, 3) if pairs else np.zeros((0, 3))
    h.update(repr(table.shape).encode() + table.tobytes())
    return h.digest()


def _row(c: Claim) -> list:
    return [getattr(c, f) for f in _LOCAL] + [
        [[getattr(q, f) for f in _Q] for q in c.quantities],
        [[getattr(d, f) for f in _D] for d in c.dates],
        [[getattr(x, f) for f in _C] for x in c.citations],
        [_fact_row(f) for f in c.facts],
    ]


_SLOTS = ("measure", "holder", "time", "place", "part")


def _fact_row(f: Fact) -> list:
    slots = [None if getattr(f, s) is None else [getattr(f, s).value, getattr(f, s).text, getattr(f, s).source] for s in _SLOTS]
    return [f.kind, f.figure, f.value, *slots, f.modality, f.direction, f.qualifier]


def _fact(row: list, claim_id: str, n: int) -> Fact:
    """A fact of a stored row; its id is rebuilt from the claim's (claims are renumbered on load)."""
    ident = f"{claim_id}.f{n}"
    kind, figure, value = row[:3]
    end = 3 + len(_SLOTS)
    slots = {s: None if v is None else Slot(*v) for s, v in zip(_SLOTS, row[3:end])}
    modality, direction, qualifier = row[end:]
    return Fact(ident, kind, figure, value, **slots, modality=modality, direction=direction, qualifier=qualifier)


def _claim(row: list, claim_id: str, doc: str, path: str) -> Claim:
    local = dict(zip(_LOCAL, row))
    quantities, dates, citations, facts = row[len(_LOCAL) :]
    return Claim(
        id=claim_id,
        doc=doc,
        path=path,
        quantities=tuple(Quantity(*q) for q in quantities),
        dates=tuple(DateExpr(*d) for d in dates),
        citations=tuple(Citation(*x[:-1], tuple(x[-1])) for x in citations),
        facts=tuple(_fact(f, claim_id, n) for n, f in enumerate(facts, 1)),
        **{**local, "terms": tuple(local["terms"]), "subjects": tuple(local["subjects"])},
    )


def encode_claims(claims: Sequence[Claim]) -> str:
    """Claims as compact JSON, without their id, document id and path: one row a claim, the
    one claim serialiser (the claims cache, the extraction pool and, with the ids, the saved
    index: :func:`claim_json`)."""
    return json.dumps([_row(c) for c in claims], ensure_ascii=False, separators=(",", ":"))


def decode_claims(data: str, doc: Document, first_number: int) -> list[Claim]:
    """The claims of :func:`encode_claims` for ``doc``, numbered from ``c<first_number>``."""
    return [_claim(row, f"c{first_number + n}", doc.id, doc.path) for n, row in enumerate(json.loads(data))]


def claim_json(claim: Claim) -> str:
    """One claim with its id, document id and path (a row of the saved index)."""
    return json.dumps([claim.id, claim.doc, claim.path, *_row(claim)], ensure_ascii=False, separators=(",", ":"))


def claim_from_json(text: str) -> Claim:
    """The claim of :func:`claim_json`; ValueError for anything else."""
    row = json.loads(text)
    if not isinstance(row, list) or len(row) != 3 + len(_LOCAL) + 4 or not all(isinstance(v, str) for v in row[:3]):
        raise ValueError("not a claim record")
    return _claim(row[3:], *row[:3])


class ClaimsCache(SqliteCache):
    """Title, date and claims of documents, by :func:`document_key`."""

    FILE = "claims.sqlite3"
    SCHEMA = 1
    LABEL = "claims cache"

    #: Candidate-pair lists kept (the most recent ones): one per corpus rescanned.
    KEEP_PAIRS = 8

    def _create(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS documents (key BLOB PRIMARY KEY, title TEXT, date TEXT, "
            "claims TEXT NOT NULL) WITHOUT ROWID"
        )
        conn.execute(
            "CREATE TABLE IF NOT EXISTS pairs (key BLOB PRIMARY KEY, used INTEGER NOT NULL, "
            "count INTEGER NOT NULL, data BLOB NOT NULL)"
        )
        conn.execute(
            "CREATE TABLE IF NOT EXISTS judgements (key BLOB PRIMARY KEY, used INTEGER NOT NULL, data BLOB NOT NULL)"
        )
        conn.execute("CREATE TABLE IF NOT EXISTS texts (key BLOB PRIMARY KEY, used INTEGER NOT NULL, data BLOB NOT NULL)")

    #: Extracted texts of Word and PDF files kept (the most recently used).
    KEEP_TEXTS = 20000

    def get_text(self, key: bytes) -> str | None:
        """The text extracted from a Word or PDF file with this :func:`text_key`, or None."""
        data = self.get_blob("texts", key)
        if data is None:
            return None
        try:
            return zlib.decompress(data).decode("utf-8", "surrogatepass")
        except (zlib.error, UnicodeDecodeError):
            return None

    def put_text(self, key: bytes, text: str) -> None:
        """Keep the text extracted from a Word or PDF file under its :func:`text_key`."""
        self.put_blob("texts", key, zlib.compress(text.encode("utf-8", "surrogatepass"), 6), self.KEEP_TEXTS)

    def get_blob(self, table: str, key: bytes) -> bytes | None:
        """A value of the ``pairs``, ``judgements`` or ``texts`` table (marked as just used), or None."""
        conn = self._connect()
        if conn is None:
            return None
        try:
            row = conn.execute(f"SELECT data FROM {table} WHERE key=?", (key,)).fetchone()
            if row is not None:
                with conn:
                    conn.execute(f"UPDATE {table} SET used=(SELECT coalesce(max(used), 0) + 1 FROM {table}) WHERE key=?", (key,))
        except sqlite3.Error as exc:
            self._read_failed(exc)
            return None
        return None if row is None else bytes(row[0])

    def put_blob(self, table: str, key: bytes, data: bytes, keep: int) -> None:
        """Store a value in ``pairs`` or ``judgements``, keeping the ``keep`` most recently used."""
        conn = self._connect()
        if conn is None:
            return
        try:
            with conn:
                used = conn.execute(f"SELECT coalesce(max(used), 0) + 1 FROM {table}").fetchone()[0]
                conn.execute(f"INSERT OR REPLACE INTO {table} (key, used, data) VALUES (?, ?, ?)", (key, used, data))
                conn.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM {table} ORDER BY used DESC LIMIT ?)", (keep,))
        except sqlite3.Error as exc:
            self._unusable(f"could not be written: {exc}")

    def get_pairs(self, key: bytes) -> list[tuple[int, int, float]] | None:
        """The nearest-neighbour pairs stored under ``key`` (see :func:`pairs_key`), or None."""
        conn = self._connect()
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT count, data FROM pairs WHERE key=?", (key,)).fetchone()
            if row is not None:
                with conn:
                    conn.execute("UPDATE pairs SET used=(SELECT coalesce(max(used), 0) + 1 FROM pairs) WHERE key=?", (key,))
        except sqlite3.Error as exc:
            self._read_failed(exc)
            return None
        if row is None:
            return None
        count, data = row
        if len(data) != count * 16:
            return None
        ij = np.frombuffer(data, dtype=np.int32, count=2 * count).reshape(count, 2)
        sims = np.frombuffer(data, dtype=np.float64, count=count, offset=8 * count)
        return list(zip(ij[:, 0].tolist(), ij[:, 1].tolist(), sims.tolist()))

    def put_pairs(self, key: bytes, pairs: Sequence[tuple[int, int, float]]) -> None:
        conn = self._connect()
        if conn is None:
            return
        ij = np.asarray([(i, j) for i, j, _ in pairs], dtype=np.int32).reshape(-1, 2)
        sims = np.asarray([s for _, _, s in pairs], dtype=np.float64)
        try:
            with conn:
                used = conn.execute("SELECT coalesce(max(used), 0) + 1 FROM pairs").fetchone()[0]
                conn.execute(
                    "INSERT OR REPLACE INTO pairs VALUES (?, ?, ?, ?)",
                    (key, used, len(pairs), ij.tobytes() + sims.tobytes()),
                )
                conn.execute(
                    "DELETE FROM pairs WHERE key NOT IN (SELECT key FROM pairs ORDER BY used DESC LIMIT ?)",
                    (self.KEEP_PAIRS,),
                )
        except sqlite3.Error as exc:
            self._unusable(f"could not be written: {exc}")

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, tuple[str | None, str | None, str]]:
        """``{key: (title, date, encoded claims)}`` of the keys found."""
        conn = self._connect()
        found: dict[bytes, tuple[str | None, str | None, str]] = {}
        if conn is None:
            return found
        wanted = list(dict.fromkeys(keys))
        try:
            for i in range(0, len(wanted), _CHUNK):
                chunk = wanted[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, title, date, claims in conn.execute(
                    f"SELECT key, title, date, claims FROM documents WHERE key IN ({marks})", chunk
                ):
                    found[bytes(key)] = (title, date, claims)
        except sqlite3.Error as exc:
            self._read_failed(exc)
            return {}
        return found

    def put_many(self, items: Sequence[tuple[bytes, str | None, str | None, str]]) -> None:
        """Store ``(key, title, date, encoded claims)`` rows in one transaction."""
        conn = self._connect()
        if conn is None or not items:
            return
        try:
            with conn:
                conn.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?)", list(items))
        except sqlite3.Error as exc:
            self._unusable(f"could not be written: {exc}")
