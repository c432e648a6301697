"""A persistent index of an archive, so that checking a draft neither re-reads nor re-encodes it.

``claimgraph index PATH... --index DIR`` writes, in DIR::

    claimgraph-index.json      the manifest: format, claimgraph version, model, files and their sha256
    v000003/index.sqlite3      documents (path, sha256, title, date, text) and claims (every structured value)
    v000003/vectors.npy        the masked-sentence embedding of each claim, row = claim row

Each update writes a new version folder and renames it into place, then replaces the
manifest (atomically, last): a run killed at any point leaves the previous index
whole. Running ``index`` again processes only new or changed documents (by content
hash) and drops those no longer found (:func:`checker.indexing.build_index` runs the
stages; this module stores what they give). An index written by another format, another
claimgraph version or another embedding model is refused, never mixed; a missing or
damaged file is an error (exit 2).

Index documents get stable ids ``a1``, ``a2``, ... and their claims ``a1c1``,
``a1c2``, ...; a changed document gets a new number. Draft documents and claims keep
the ``d``/``c`` ids of a scan, so the two never collide.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .. import __version__
from .atomic import write_text_atomic
from ..pair.candidates import merge_pair_lists
from ..errors import ClaimgraphError
from ..model import Claim, Document
from ..pair import similarity
from ..pair.similarity import pair_scores, slack, top_k
from .claims_cache import claim_from_json, claim_json

FORMAT = "claimgraph/index@5"  # @5: claims carry their facts; @2: neighbours.npy; @3: its similarities exact, float64; @4: claims as claims_cache.claim_json rows
MANIFEST = "claimgraph-index.json"
DATABASE = "index.sqlite3"
VECTORS = "vectors.npy"
NEIGHBOURS = "neighbours.npy"  # per claim row: the similarities of its k nearest index claims, best first
NEIGHBOURS_K = 10  # = Settings.neighbours
_VERSION_DIR = re.compile(r"^v\d{6}$")
LOCK = ".claimgraph-index.lock"  # held while a run writes the folder (see index_lock)
LOCK_WAIT_S = 600.0  # how long a second writer waits for the first
_BLOCK_FLOATS = 1 << 26  # similarities computed at once: 256 MB of float32


class BadIndexError(ClaimgraphError):
    """An index that cannot be used: corrupt, another format, another model."""


def is_index(path: str | Path) -> bool:
    """Whether ``path`` is a folder holding an index manifest."""
    return (Path(path) / MANIFEST).is_file()


def refuse_broken_index(path: str | Path) -> None:
    """An index folder that lost its manifest is an error, not an empty archive."""
    folder = Path(path)
    if folder.is_dir() and not is_index(folder):
        if any(_VERSION_DIR.match(p.name) and (p / DATABASE).exists() for p in folder.iterdir()):
            raise BadIndexError(f"index {folder} is corrupt: {MANIFEST} is missing; {_rebuild_hint()}")


# ---------------------------------------------------------------------- records


# ---------------------------------------------------------------------- reading


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _rebuild_hint() -> str:
    return "rebuild it with claimgraph index --rebuild"


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadIndexError(f"{folder} is not a claimgraph index (no {MANIFEST})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadIndexError(f"index {folder} is corrupt: cannot read {MANIFEST} ({exc}); {_rebuild_hint()}") from None
    if not isinstance(manifest, dict) or "format" not in manifest:
        raise BadIndexError(f"index {folder} is corrupt: {MANIFEST} is not an index manifest; {_rebuild_hint()}")
    return manifest


def check_manifest(folder: Path, manifest: dict, model: str) -> None:
    """Refuse an index of another format, claimgraph version or model (one line each)."""
    if manifest.get("format") != FORMAT:
        raise BadIndexError(
            f"index {folder} has format {manifest.get('format')!r}; this claimgraph reads {FORMAT!r}: {_rebuild_hint()}"
        )
    if manifest.get("claimgraph") != __version__:
        raise BadIndexError(
            f"index {folder} was built by claimgraph {manifest.get('claimgraph')}; this is claimgraph {__version__}: "
            f"{_rebuild_hint()}"
        )
    if manifest.get("model") != model:
        raise BadIndexError(
            f"index {folder} was built with model {manifest.get('model')}; this run uses {model}: {_rebuild_hint()}"
        )
    required = {"version": str, "files": dict, "documents": int, "claims": int, "dim": int, "next_doc": int, "roots": list}
    for key, typ in required.items():
        if not isinstance(manifest.get(key), typ):
            raise BadIndexError(f"index {folder} is corrupt: {MANIFEST} lacks {key!r}; {_rebuild_hint()}")


@dataclass
class Index:
    """An opened, verified index: its vectors in memory-mapped form, claims and documents on demand."""

    folder: Path
    manifest: dict
    conn: sqlite3.Connection
    vectors: np.ndarray
    neighbours: np.ndarray  # (rows, k): each row's k best similarities among the other index claims, descending

    @property
    def size(self) -> int:
        return int(self.vectors.shape[0])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise BadIndexError(f"index {self.folder} is corrupt: {exc}; {_rebuild_hint()}") from None

    def document_rows(self) -> list[dict]:
        """Every document's record (no text), in index order."""
        rows = self._query("SELECT id, path, abspath, sha256, first_row, claims FROM documents ORDER BY ord")
        return [dict(zip(("id", "path", "abspath", "sha256", "first_row", "claims"), r)) for r in rows]

    def rows_of(self, abspaths: set[str]) -> list[int]:
        """The claim rows of the documents at these absolute paths."""
        out: list[int] = []
        for doc in self.document_rows():
            if doc["abspath"] in abspaths:
                out.extend(range(doc["first_row"], doc["first_row"] + doc["claims"]))
        return out

    def spans(self, doc_ids: Sequence[str]) -> dict[str, list[tuple[int, int, str]]]:
        """``(start, end, claim id)`` of every claim of these documents."""
        out: dict[str, list[tuple[int, int, str]]] = {}
        wanted = sorted(set(doc_ids))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for doc, start, end, cid in self._query(
                f"SELECT doc, start, \"end\", id FROM claims WHERE doc IN ({marks}) ORDER BY row", chunk
            ):
                out.setdefault(doc, []).append((start, end, cid))
        return out

    def value_partners(self, claims: Sequence[Claim], excluded: set[int], limit: int = 200) -> set[int]:
        """Rows of index claims stating a figure of the same value as a draft claim, where one
        of the two sits in a summary, headline or quote (candidates for the same-figure join)."""
        rows: set[int] = set()
        for claim in claims:
            summary = claim.section != "body"
            for value in sorted({q.value for q in claim.quantities if q.value == q.value}):
                sql = "SELECT row FROM figures WHERE value = ?" + ("" if summary else " AND summary = 1")
                found = self._query(sql + " ORDER BY row LIMIT ?", (value, limit + len(excluded)))
                rows.update(r for (r,) in found if r not in excluded)
        return rows

    def claims_at(self, rows: Sequence[int]) -> list[Claim]:
        """The claims at these rows, in row order."""
        wanted = sorted(set(int(r) for r in rows))
        out: list[Claim] = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found = self._query(f"SELECT row, data FROM claims WHERE row IN ({marks}) ORDER BY row", chunk)
            if len(found) != len(chunk):
                raise BadIndexError(f"index {self.folder} is corrupt: claim rows missing; {_rebuild_hint()}")
            for _, data in found:
                try:
                    out.append(claim_from_json(data))
                except (ValueError, TypeError, KeyError) as exc:
                    raise BadIndexError(f"index {self.folder} is corrupt: a claim record does not parse ({exc}); {_rebuild_hint()}") from None
        return out

    def documents(self, ids: Sequence[str]) -> list[Document]:
        """The documents with these ids (with their text), in index order."""
        wanted = sorted(set(ids))
        out: list[tuple[int, Document]] = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for ord_, id_, path, title, date, fmt, text in self._query(
                f"SELECT ord, id, path, title, date, format, text FROM documents WHERE id IN ({marks})", chunk
            ):
                out.append((ord_, Document(id=id_, path=path, text=text, format=fmt, title=title, date=date)))
        if len(out) != len(wanted):
            raise BadIndexError(f"index {self.folder} is corrupt: documents missing; {_rebuild_hint()}")
        return [d for _, d in sorted(out, key=lambda x: x[0])]


def index_documents(folder: str | Path) -> tuple[dict, list[dict]]:
    """The manifest and the document records (path, abspath, sha256, ...) of the index in
    ``folder``, for a status report: the format is checked, not the model or version."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest.get("format") != FORMAT:
        raise BadIndexError(
            f"index {folder} has format {manifest.get('format')!r}; this claimgraph reads {FORMAT!r}: {_rebuild_hint()}"
        )
    version = folder / str(manifest.get("version", ""))
    database = version / DATABASE
    if not _VERSION_DIR.match(str(manifest.get("version", ""))) or not database.is_file():
        raise BadIndexError(f"index {folder} is corrupt: version folder {manifest.get('version')} is missing; {_rebuild_hint()}")
    try:
        conn = sqlite3.connect(f"file:{database.resolve().as_posix()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise BadIndexError(f"index {folder} is corrupt: {exc}; {_rebuild_hint()}") from None
    index = Index(folder, manifest, conn, np.zeros((0, 0), np.float32), np.zeros((0, 0)))
    try:
        return manifest, index.document_rows()
    finally:
        index.close()


def open_index(folder: str | Path, model: str, verify: bool = True) -> Index:
    """Open and verify the index in ``folder`` for a run with embedding model ``model``."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    check_manifest(folder, manifest, model)
    version = folder / manifest["version"]
    if not _VERSION_DIR.match(manifest["version"]) or not version.is_dir():
        raise BadIndexError(f"index {folder} is corrupt: version folder {manifest['version']} is missing; {_rebuild_hint()}")
    for name in (DATABASE, VECTORS, NEIGHBOURS):
        expected = manifest["files"].get(name)
        path = version / name
        if not isinstance(expected, dict) or not path.is_file():
            raise BadIndexError(f"index {folder} is corrupt: {manifest['version']}/{name} is missing; {_rebuild_hint()}")
        if path.stat().st_size != expected.get("bytes") or (verify and _sha256_file(path) != expected.get("sha256")):
            raise BadIndexError(
                f"index {folder} is corrupt: {manifest['version']}/{name} does not match its checksum; {_rebuild_hint()}"
            )
    try:
        vectors = np.load(version / VECTORS, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise BadIndexError(f"index {folder} is corrupt: cannot read {VECTORS} ({exc}); {_rebuild_hint()}") from None
    if vectors.ndim != 2 or vectors.shape[0] != manifest["claims"] or (vectors.shape[0] and vectors.shape[1] != manifest["dim"]):
        raise BadIndexError(f"index {folder} is corrupt: {VECTORS} has shape {vectors.shape}; {_rebuild_hint()}")
    try:
        radii = np.load(version / NEIGHBOURS, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise BadIndexError(f"index {folder} is corrupt: cannot read {NEIGHBOURS} ({exc}); {_rebuild_hint()}") from None
    if radii.ndim != 2 or radii.shape[0] != vectors.shape[0]:
        raise BadIndexError(f"index {folder} is corrupt: {NEIGHBOURS} has shape {radii.shape}; {_rebuild_hint()}")
    try:
        conn = sqlite3.connect(f"file:{(version / DATABASE).resolve().as_posix()}?mode=ro&immutable=1", uri=True)
        count = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    except sqlite3.Error as exc:
        raise BadIndexError(f"index {folder} is corrupt: {exc}; {_rebuild_hint()}") from None
    if count != manifest["claims"]:
        conn.close()
        raise BadIndexError(f"index {folder} is corrupt: {count} claims stored, {manifest['claims']} expected; {_rebuild_hint()}")
    return Index(folder, manifest, conn, vectors, radii)


# ---------------------------------------------------------------------- candidate pairs


def cross_pairs(
    queries: np.ndarray,
    base: np.ndarray,
    k: int = 10,
    threshold: float = 0.45,
    excluded: Sequence[int] = (),
) -> tuple[list[tuple[int, int, float]], list[tuple[int, int, float]]]:
    """Each query row's ``k`` nearest neighbours among the other queries and the base rows.

    Exact cosine similarity (rows are L2-normalised): a float32 product in blocks (so memory
    stays bounded) proposes, :func:`checker.pair.similarity.top_k` chooses and scores exactly.
    Returns ``(query_pairs, base_pairs)``: ``(i, j, sim)`` with ``i < j`` both
    queries, and ``(i, row, sim)`` a query and a base row; sorted, without duplicates,
    similarities at or above ``threshold``. ``excluded`` base rows are never neighbours.
    """
    nq = queries.shape[0]
    nb = base.shape[0] if base.ndim == 2 and base.shape[0] and base.shape[1] == queries.shape[1] else 0
    total = nq + nb - 1
    if nq == 0 or total < 1:
        return [], []
    k = max(1, min(k, total))
    mask = np.zeros(nb, dtype=bool)
    if len(excluded):
        mask[np.asarray(list(excluded), dtype=np.int64)] = True
    block = max(1, min(1024, _BLOCK_FLOATS // max(1, nq + nb)))
    among: dict[tuple[int, int], float] = {}
    against: dict[tuple[int, int], float] = {}
    q = np.ascontiguousarray(queries, dtype=np.float32)
    dim = q.shape[1]
    for start in range(0, nq, block):
        rows = q[start : start + block]
        sims = np.empty((rows.shape[0], nq + nb), dtype=np.float32)
        sims[:, :nq] = similarity.propose(rows, q)
        if nb:
            sims[:, nq:] = similarity.propose(rows, base) if nb * base.shape[1] <= _BLOCK_FLOATS else _blocked(rows, base)
            if mask.any():
                sims[:, nq:][:, mask] = -np.inf
        r = np.arange(rows.shape[0])
        sims[r, r + start] = -np.inf

        def score(rr, cc, start=start):
            out = np.empty(rr.shape[0], dtype=np.float64)
            own = cc < nq
            out[own] = pair_scores(q, rr[own] + start, q, cc[own])
            out[~own] = pair_scores(q, rr[~own] + start, base, cc[~own] - nq)
            return out

        top, exact = top_k(sims, k, score, dim)
        for n in range(rows.shape[0]):
            i = start + n
            for j, s in zip(top[n].tolist(), exact[n].tolist()):
                if j < 0 or not s >= threshold:
                    continue
                if j < nq:
                    key = (min(i, j), max(i, j))
                    if s > among.get(key, -1.0):
                        among[key] = s
                else:
                    against[(i, j - nq)] = s
    return (
        sorted((i, j, round(s, 6)) for (i, j), s in among.items()),
        sorted((i, j, round(s, 6)) for (i, j), s in against.items()),
    )


def neighbour_similarities(vectors: np.ndarray, k: int = NEIGHBOURS_K) -> np.ndarray:
    """Each row's ``k`` best similarities to the other rows, in descending order, padded
    with ``-inf`` (fewer than ``k`` other rows): what :func:`reverse_pairs` needs to tell
    whether a draft claim would be among an index claim's nearest neighbours. Exact
    similarities (float64, :mod:`checker.pair.similarity`) of the neighbours that the search of
    :mod:`checker.pair.candidates` chooses, exact or approximate for a large index."""
    from ..pair.candidates import neighbours

    n = int(vectors.shape[0]) if vectors.ndim == 2 else 0
    out = np.full((n, k), -np.inf, dtype=np.float64)
    if n < 2:
        return out
    kk = min(k, n - 1)
    idx, sims = neighbours(np.ascontiguousarray(vectors, dtype=np.float32), kk)
    sims = np.where(idx >= 0, sims, -np.inf)
    out[:, :kk] = -np.sort(-sims, axis=1)
    return out


def reverse_pairs(
    queries: np.ndarray,
    base: np.ndarray,
    radii: np.ndarray,
    k: int = 10,
    threshold: float = 0.45,
    excluded: Sequence[int] = (),
) -> list[tuple[int, int, float]]:
    """``(i, row, sim)`` for each draft claim ``i`` that would be among the ``k`` nearest
    neighbours of index claim ``row`` once the drafts join the archive.

    Nearest neighbours are not symmetric: a draft claim's own ``k`` best may all be other
    claims while it is among the ``k`` best of an archive claim, and a scan of drafts and
    archive together pairs those too. ``radii`` (:data:`NEIGHBOURS`) holds each index
    claim's ``k`` best similarities within the archive; the draft claims, which are few,
    are counted exactly: ``i`` is a neighbour of ``row`` when fewer than ``k`` archive and
    draft claims are more similar to ``row`` than ``i`` is. A float32 product proposes the
    hits (within :func:`checker.pair.similarity.slack` of the radius); every comparison is of
    exact similarities.
    """
    nq = queries.shape[0]
    nb = base.shape[0] if base.ndim == 2 and base.shape[0] and base.shape[1] == queries.shape[1] else 0
    if nq == 0 or nb == 0 or radii.ndim != 2 or radii.shape[0] != nb or radii.shape[1] == 0:
        return []
    k = max(1, min(k, radii.shape[1]))
    floor = np.maximum(np.asarray(radii[:, k - 1], dtype=np.float64), float(threshold))
    skip = np.zeros(nb, dtype=bool)
    if len(excluded):
        skip[np.asarray(list(excluded), dtype=np.int64)] = True
    q = np.ascontiguousarray(queries, dtype=np.float32)
    proposed_floor = (floor - slack(q.shape[1])).astype(np.float32)
    block = max(1, min(1024, _BLOCK_FLOATS // max(1, nb)))
    found_i: list[np.ndarray] = []
    found_row: list[np.ndarray] = []
    for start in range(0, nq, block):
        rows = q[start : start + block]
        sims = similarity.propose(rows, base) if nb * base.shape[1] <= _BLOCK_FLOATS else _blocked(rows, base)
        hit_i, hit_row = np.nonzero((sims >= proposed_floor[None, :]) & ~skip[None, :])
        found_i.append(hit_i + start)
        found_row.append(hit_row)
    hit_i, hit_row = np.concatenate(found_i), np.concatenate(found_row)
    exact = pair_scores(q, hit_i, base, hit_row)
    keep = exact >= floor[hit_row]
    hit_i, hit_row, exact = hit_i[keep], hit_row[keep], exact[keep]
    if not hit_i.size:
        return []
    cols = np.unique(hit_row)
    where = {int(row): n for n, row in enumerate(cols.tolist())}
    # every draft claim against the rows hit, exactly
    grid_i, grid_c = np.meshgrid(np.arange(nq), np.arange(cols.shape[0]), indexing="ij")
    sub = pair_scores(q, grid_i.reshape(-1), base, cols[grid_c.reshape(-1)]).reshape(nq, cols.shape[0])
    top = np.asarray(radii[cols], dtype=np.float64)
    out = []
    for i, row, s in zip(hit_i.tolist(), hit_row.tolist(), exact.tolist()):
        c = where[row]
        closer = int(np.count_nonzero(top[c, :k] > s)) + int(np.count_nonzero(sub[:, c] > s))
        if closer < k:
            out.append((i, row, round(s, 6)))
    return sorted(out)


def _use_ann(base_rows: int, query_rows: int) -> bool:
    """Whether :mod:`checker.pair.candidates`' approximate search pays for its index build.

    Exact search costs ``query_rows x base_rows`` similarities (a 64-sentence draft
    against 37,000 index claims: 2.4 million, some 50 ms), building an HNSW graph of the
    base costs seconds; so the approximate search is only for as much work as an exact
    self-search at ``candidates.EXACT_LIMIT`` rows, and a large enough index.
    """
    from ..pair.candidates import EXACT_LIMIT

    return base_rows >= EXACT_LIMIT and query_rows * base_rows >= EXACT_LIMIT * EXACT_LIMIT


def draft_pairs(
    queries: np.ndarray,
    base: np.ndarray,
    k: int = 10,
    threshold: float = 0.45,
    excluded: Sequence[int] = (),
    radii: np.ndarray | None = None,
) -> tuple[list[tuple[int, int, float]], list[tuple[int, int, float]]]:
    """Candidate pairs of draft claims (``queries``) among themselves and with index rows.

    Exact (:func:`cross_pairs`) unless the index has ``candidates.EXACT_LIMIT`` rows and the
    drafts enough claims that exact search costs more than building an approximate index
    (:func:`_use_ann`); then the approximate :func:`checker.pair.candidates.nearest_pairs_between` for the index part
    (each draft claim keeps its ``k`` best index rows) and exact search among the drafts.
    With ``radii`` (the index's :data:`NEIGHBOURS`), the pairs in the other direction are
    added (:func:`reverse_pairs`), so the pairs are those of a scan of drafts and archive.
    """
    among, against = _draft_pairs(queries, base, k, threshold, excluded)
    if radii is not None:
        against = merge_pair_lists(against, reverse_pairs(queries, base, radii, k, threshold, excluded))
    return among, against


def _draft_pairs(queries, base, k, threshold, excluded):
    if not _use_ann(base.shape[0] if base.ndim == 2 else 0, queries.shape[0]):
        return cross_pairs(queries, base, k, threshold, excluded)
    from ..pair.candidates import nearest_pairs, nearest_pairs_between

    skip = set(int(r) for r in excluded)
    among = nearest_pairs(queries, k=k, threshold=threshold) if queries.shape[0] > 1 else []
    best: dict[int, list[tuple[float, int]]] = {}
    for i, j, sim in nearest_pairs_between(queries, base, k + len(skip), threshold):
        if j not in skip:
            best.setdefault(i, []).append((sim, j))
    against = sorted((i, j, sim) for i, hits in best.items() for sim, j in sorted(hits, key=lambda h: (-h[0], h[1]))[:k])
    return among, against


def _blocked(rows: np.ndarray, base: np.ndarray) -> np.ndarray:
    """``rows @ base.T`` reading a large (memory-mapped) base in slices."""
    out = np.empty((rows.shape[0], base.shape[0]), dtype=np.float32)
    step = max(1, _BLOCK_FLOATS // max(1, base.shape[1]))
    for s in range(0, base.shape[0], step):
        out[:, s : s + step] = similarity.propose(rows, base[s : s + step])
    return out


# ---------------------------------------------------------------------- writing


@dataclass
class IndexStats:
    documents: int = 0
    claims: int = 0
    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    encoded: int = 0
    written: bool = False

    def line(self, folder: str) -> str:
        state = "" if self.written else " (up to date, nothing written)"
        return (
            f"index {folder}: {self.documents} documents, {self.claims} claims; {self.new} new, {self.changed} changed, "
            f"{self.removed} removed, {self.unchanged} unchanged; {self.encoded} sentences encoded{state}"
        )


@contextlib.contextmanager
def index_lock(folder: Path, notify: Callable[[str], None], wait: float | None = None):
    """Hold the index folder's lock (``.claimgraph-index.lock``, an OS file lock that dies
    with its process, so it is never left stale) while the body runs.

    A second ``index`` run on the same folder says so through ``notify`` and waits up
    to ``wait`` seconds (default :data:`LOCK_WAIT_S`), then fails with one line.
    """
    from filelock import FileLock, Timeout

    wait = LOCK_WAIT_S if wait is None else wait
    path = folder / LOCK
    lock = FileLock(str(path))
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            notify(f"index {folder} is being written by another claimgraph run; waiting up to {wait:g} s for it to finish")
            try:
                lock.acquire(timeout=wait)
            except Timeout:
                raise ClaimgraphError(
                    f"index {folder} is still being written by another claimgraph run after {wait:g} s "
                    f"(lock {path}); try again when it has finished"
                ) from None
    except OSError as exc:
        raise ClaimgraphError(f"cannot lock index {folder}: {exc.strerror or exc} ({path})") from None
    try:
        yield
    finally:
        lock.release()


def _prepare_folder(folder: Path, rebuild: bool) -> None:
    """Refuse to write an index over a folder that holds anything else."""
    if folder.exists() and not folder.is_dir():
        raise ClaimgraphError(f"--index must be a folder, not a file: {folder}")
    if not folder.exists():
        return
    entries = [e.name for e in folder.iterdir() if e.name != LOCK]
    foreign = [n for n in entries if n != MANIFEST and not _VERSION_DIR.match(n) and not n.startswith(".tmp-")]
    if foreign:
        raise ClaimgraphError(
            f"{folder} is not a claimgraph index and not empty (it holds {sorted(foreign)[0]!r}); "
            "give a new or empty folder to --index"
        )
    if entries and MANIFEST not in entries and not rebuild:
        raise BadIndexError(f"index {folder} is corrupt: {MANIFEST} is missing; {_rebuild_hint()}")


def _write_version(folder: Path, old: Index | None, documents, per_doc, new_vectors, model, roots, next_doc, skipped=None,
                   date: str | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(int(p.name[1:]) for p in folder.iterdir() if _VERSION_DIR.match(p.name))
    number = (existing[-1] if existing else 0) + 1
    name = f"v{number:06d}"
    tmp = folder / f".tmp-{name}-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        dim = int(new_vectors.shape[1]) if new_vectors.size else (old.manifest["dim"] if old else 0)
        pieces: list[np.ndarray] = []
        conn = sqlite3.connect(tmp / DATABASE)
        try:
            conn.execute(
                "CREATE TABLE documents (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL, "
                "abspath TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, title TEXT, date TEXT, format TEXT NOT NULL, "
                "text TEXT NOT NULL, first_row INTEGER NOT NULL, claims INTEGER NOT NULL)"
            )
            conn.execute(
                'CREATE TABLE claims (row INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, '
                'start INTEGER NOT NULL, "end" INTEGER NOT NULL, data TEXT NOT NULL)'
            )
            conn.execute("CREATE TABLE figures (value REAL NOT NULL, row INTEGER NOT NULL, summary INTEGER NOT NULL)")
            row = 0
            new_row = 0
            for ord_, (kind, item) in enumerate(documents):
                if kind == "old":
                    (id_, title, date, fmt, text) = old._query(
                        "SELECT id, title, date, format, text FROM documents WHERE id = ?", (item["id"],)
                    )[0]
                    first = item["first_row"]
                    stored = old._query(
                        'SELECT id, start, "end", data FROM claims WHERE row >= ? AND row < ? ORDER BY row',
                        (first, first + item["claims"]),
                    )
                    if len(stored) != item["claims"]:
                        raise BadIndexError(f"index {folder} is corrupt: claims of {item['path']} missing; {_rebuild_hint()}")
                    rows = []
                    for cid, start, end, data in stored:
                        if item["shown"] != item["path"]:  # the same file seen from another folder
                            data = claim_json(dataclasses.replace(claim_from_json(data), path=item["shown"]))
                        rows.append((cid, start, end, data))
                    figures = old._query(
                        "SELECT value, row, summary FROM figures WHERE row >= ? AND row < ?", (first, first + item["claims"])
                    )
                    conn.executemany("INSERT INTO figures VALUES (?,?,?)", [(v, r - first + row, m) for v, r, m in figures])
                    conn.execute(
                        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (ord_, id_, item["shown"], item["abspath"], item["sha256"], title, date, fmt, text, row, len(rows)),
                    )
                    conn.executemany(
                        "INSERT INTO claims VALUES (?,?,?,?,?,?)",
                        [(row + n, cid, id_, start, end, data) for n, (cid, start, end, data) in enumerate(rows)],
                    )
                    if rows:
                        pieces.append(np.asarray(old.vectors[item["first_row"] : item["first_row"] + len(rows)], dtype=np.float32))
                    row += len(rows)
                else:
                    doc, abspath, digest = item
                    claims = per_doc.get(doc.id, [])
                    conn.execute(
                        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (ord_, doc.id, doc.path, abspath, digest, doc.title, doc.date, doc.format, doc.text, row, len(claims)),
                    )
                    conn.executemany(
                        "INSERT INTO claims VALUES (?,?,?,?,?,?)",
                        [(row + n, c.id, c.doc, c.start, c.end, claim_json(c)) for n, c in enumerate(claims)],
                    )
                    conn.executemany(
                        "INSERT INTO figures VALUES (?,?,?)",
                        [
                            (v, row + n, int(c.section != "body"))
                            for n, c in enumerate(claims)
                            for v in sorted({q.value for q in c.quantities if q.value == q.value})
                        ],
                    )
                    if claims:
                        pieces.append(np.asarray(new_vectors[new_row : new_row + len(claims)], dtype=np.float32))
                    new_row += len(claims)
                    row += len(claims)
            conn.execute("CREATE INDEX figures_value ON figures (value)")
            conn.execute("CREATE INDEX claims_doc ON claims (doc)")
            conn.commit()
        finally:
            conn.close()
        vectors = np.concatenate(pieces) if pieces else np.zeros((0, dim), dtype=np.float32)
        with open(tmp / VECTORS, "wb") as handle:
            np.save(handle, np.ascontiguousarray(vectors, dtype=np.float32), allow_pickle=False)
            handle.flush()
            os.fsync(handle.fileno())
        with open(tmp / NEIGHBOURS, "wb") as handle:
            np.save(handle, neighbour_similarities(vectors, NEIGHBOURS_K), allow_pickle=False)
            handle.flush()
            os.fsync(handle.fileno())
        files = {n: {"sha256": _sha256_file(tmp / n), "bytes": (tmp / n).stat().st_size} for n in (DATABASE, VECTORS, NEIGHBOURS)}
        os.replace(tmp, folder / name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    manifest = {
        "format": FORMAT,
        "claimgraph": __version__,
        "model": model,
        "dim": int(vectors.shape[1]) if vectors.ndim == 2 and vectors.shape[0] else dim,
        "version": name,
        "documents": len(documents),
        "claims": int(vectors.shape[0]),
        "next_doc": next_doc,
        "roots": roots,
        "skipped": dict(sorted((skipped or {}).items())),  # files left out (abspath -> sha256, "" unread): not new
        "neighbours": NEIGHBOURS_K,
        "files": files,
    }
    if date:
        manifest["date"] = date  # --date: the date of the documents that state none
    write_text_atomic(folder / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    # Keep the version before this one for readers that opened it a moment ago.
    keep = {name, old.manifest["version"]} if old else {name}
    for entry in folder.iterdir():
        if (_VERSION_DIR.match(entry.name) and entry.name not in keep) or (entry.name.startswith(".tmp-") and entry != tmp):
            shutil.rmtree(entry, ignore_errors=True)
