"""Building and updating a saved index: orchestration over the stages.

:func:`build_index` hashes the files under the given paths, and for those that are new or
changed runs the pipeline's stages (read, extract, embed: :class:`~checker.pipeline.Pipeline`)
and hands the records to the saved index's storage (:mod:`checker.store.index`), which
writes a new version folder atomically. Unchanged documents keep their stored claims and
vectors. :func:`index_status` tells what an update would process (``index --status``, and the
warning of a check against an index whose archive moved on).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ClaimgraphError, InputError
from .gate.suppressions import parse_directives
from .ingest.documents import discover, display_path_of, max_bytes_of, read_bytes
from .model import Claim
from .store.index import Index, IndexStats, _prepare_folder, _write_version, index_lock, is_index, open_index


def build_index(pipeline, paths: list[str], folder: str | Path, rebuild: bool = False) -> IndexStats:
    """Create or update the index in ``folder`` from the documents under ``paths``.

    ``pipeline`` (a :class:`~checker.pipeline.Pipeline`) runs the stages: it reads
    (:class:`~checker.store.cached_stages.Loaded` records), extracts and encodes;
    only documents that are new or whose bytes changed are processed. One run at a
    time writes a given folder (:func:`index_lock`); a second one waits for it.
    """
    folder = Path(folder)
    _prepare_folder(folder, rebuild)  # refuse a file or a foreign folder before creating anything
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ClaimgraphError(f"cannot create the index folder {folder}: {exc.strerror or exc}") from None
    with index_lock(folder, pipeline.warn):
        _prepare_folder(folder, rebuild)  # again, now that no other run can be writing it
        return _build_locked(pipeline, paths, folder, rebuild)


def _build_locked(pipeline, paths: list[str], folder: Path, rebuild: bool) -> IndexStats:
    model = pipeline.embedder.name
    old: Index | None = None
    if is_index(folder) and not rebuild:
        old = open_index(folder, model)
    try:
        manifest = old.manifest if old else {}
        if not paths:
            paths = list(manifest.get("roots", []))
            if not paths:
                raise ClaimgraphError("give the files or folders to index")
        roots = [os.path.abspath(p) for p in paths]
        files, warnings = discover(list(paths))
        for w in warnings:
            pipeline.warn(w)
        given = pipeline.settings.date
        # another --date than the index was built with: every document is read again (those
        # that state no date took the old one)
        same_date = manifest.get("date") == given
        previous = {d["abspath"]: d for d in old.document_rows()} if old and same_date else {}
        next_doc = manifest.get("next_doc", 1)
        stats = IndexStats()
        plan: list[tuple[str, Any]] = []  # ("old", record) or ("new", Document)
        fresh: list[Path] = []
        seen: set[str] = set()
        skipped: dict[str, str] = {}  # unreadable or too large: dropped from the index; abspath -> sha256 ("" unread)
        limit = max_bytes_of(pipeline.settings.max_size_mb)
        for path in pipeline.progress.iterate("hashing", files, len(files), "file"):
            abspath = str(path.resolve())
            if abspath in seen:
                continue
            seen.add(abspath)
            shown = display_path_of(path)
            try:  # the scan's reader: the size limit applies before a byte is read
                digest = hashlib.sha256(read_bytes(path, shown, limit)).hexdigest()
            except InputError as exc:
                pipeline.warn(f"{exc.message}; skipped")
                skipped[abspath] = ""
                continue
            before = previous.get(abspath)
            if before is not None and before["sha256"] == digest:
                plan.append(("old", {**before, "shown": shown}))
                stats.unchanged += 1
            else:
                plan.append(("new", (path, shown, digest, before is not None)))
                fresh.append(path)
        stats.removed = len(set(previous) - (seen - set(skipped)))
        new_docs = pipeline.read([str(p) for p in fresh], preload_encoder=True) if fresh else []
        by_path = {item.document.path: item for item in new_docs}
        known_rules = {r.id for r in pipeline.rules}
        documents: list[tuple[str, Any]] = []
        fresh_loaded = []  # the Loaded records of the new documents, in order
        for kind, item in plan:
            if kind == "old":
                documents.append((kind, item))
                continue
            path, shown, digest, changed = item
            loaded = by_path.get(shown)
            if loaded is None:  # unreadable: read() warned
                skipped[str(path.resolve())] = digest
                continue
            doc = loaded.document
            if changed:
                stats.changed += 1
            else:
                stats.new += 1
            doc.id = f"a{next_doc}"
            next_doc += 1
            parse_directives(doc, known_rules)  # a malformed suppression is an error now, not at check time
            documents.append(("new", (doc, str(path.resolve()), digest)))
            fresh_loaded.append(loaded)
        if not documents:
            raise ClaimgraphError("no readable documents (.txt, .md, .html, .docx, .pdf) in the given paths")
        fresh_docs = [item[0] for kind, item in documents if kind == "new"]
        claims = pipeline.extract(fresh_loaded).claims
        per_doc: dict[str, list[Claim]] = {}
        for c in claims:
            group = per_doc.setdefault(c.doc, [])
            group.append(dataclasses.replace(c, id=f"{c.doc}c{len(group) + 1}"))
        ordered_new = [c for d in fresh_docs for c in per_doc.get(d.id, [])]
        before = pipeline.encoded
        new_vectors = pipeline.embed(ordered_new)
        stats.encoded = pipeline.encoded - before
        nothing_changed = (
            old is not None and not fresh and stats.removed == 0 and sorted(roots) == sorted(manifest.get("roots", []))
            and all(item["shown"] == item["path"] for kind, item in documents if kind == "old")
            and skipped == manifest.get("skipped", {}) and same_date
        )
        stats.documents = len(documents)
        stats.claims = sum(item["claims"] for kind, item in documents if kind == "old") + len(ordered_new)
        if nothing_changed:
            return stats
        _write_version(folder, old, documents, per_doc, new_vectors, model, roots, next_doc, skipped, date=given)
        stats.written = True
        return stats
    finally:
        if old is not None:
            old.close()


@dataclass
class IndexStatus:
    """How an index's archive has moved since the index was last built or updated: the
    files (as shown, relative to the current folder when under it) whose bytes changed, that
    appeared under its folders, and that vanished (or can no longer be read)."""

    folder: str
    documents: int
    changed: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        return bool(self.changed or self.new or self.gone)

    def counts(self) -> str:
        return f"{len(self.changed)} changed, {len(self.new)} new, {len(self.gone)} gone"

    def warning(self, limit: int = 10) -> str:
        """One line naming the files (the first ``limit`` of each kind)."""
        parts = []
        for what, names in (("changed", self.changed), ("new", self.new), ("gone", self.gone)):
            if names:
                shown = ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")
                parts.append(f"{what}: {shown}")
        return (
            f"index {self.folder} is out of date ({self.counts()} since it was built; {'; '.join(parts)}): "
            f"the check used the archive as indexed; update it with claimgraph index --index {self.folder}"
        )


def index_status(folder: str | Path, paths: list[str] | None = None, max_size_mb: float | None = None) -> IndexStatus:
    """What changed under the index's folders (or ``paths``) since it was built, by content
    hash: what ``claimgraph index`` would process. Files the index skipped (unreadable, too
    large) are not new while their bytes stay the same. Reads the manifest and the document
    table only; any model will do."""
    from .store.index import index_documents

    manifest, rows = index_documents(folder)
    roots = list(paths) if paths else list(manifest.get("roots", []))
    skipped = manifest.get("skipped", {}) if isinstance(manifest.get("skipped"), dict) else {}
    stored = {row["abspath"]: row for row in rows}
    status = IndexStatus(str(folder), len(rows))
    files, _ = discover([r for r in roots if os.path.exists(r)])
    limit = max_bytes_of(max_size_mb)
    seen: set[str] = set()
    for path in files:
        abspath = str(path.resolve())
        if abspath in seen:
            continue
        seen.add(abspath)
        shown = display_path_of(path)
        try:
            digest = hashlib.sha256(read_bytes(path, shown, limit)).hexdigest()
        except InputError:
            digest = ""  # unreadable or too large: what index would skip
        row = stored.get(abspath)
        if row is not None:
            if row["sha256"] != digest:
                status.changed.append(shown)
        elif abspath in skipped:
            if skipped[abspath] != digest:
                status.changed.append(shown)
        elif digest:
            status.new.append(shown)
    status.gone = [display_path_of(Path(a)) for a in sorted(set(stored) - seen)]
    return status
