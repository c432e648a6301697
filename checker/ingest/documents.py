"""Finding input files and reading them into :class:`~checker.model.Document` records.

:func:`discover` expands the paths given on the command line (files and folders,
recursively, sorted); :func:`load_document` reads one file, decodes it (or extracts the
text of a Word document or a PDF, one paragraph a line: :func:`document_text`), splits it into
blocks with the reader for its format (:mod:`checker.ingest.markup_text`,
:mod:`checker.ingest.markup_markdown`, :mod:`checker.ingest.markup_html`), marks the sections of the
blocks (:mod:`checker.ingest.sections`) and finds its title and publication date;
:func:`load_documents` does both for a whole run, turning unreadable files into
warnings.

Bad input never ends a run with a traceback. A path named on the command line that
does not exist (or is a broken symbolic link) raises :class:`~checker.errors.InputError`
(exit code 2); every other problem with one file (not a regular file, larger than the
size limit, empty, unreadable, binary, undecodable) skips that file with a one-line
warning ``"path: reason; skipped"``. Files are only ever opened for reading.

The publication date comes from front matter or HTML metadata first, else from a
dateline at the start of one of the first blocks ("April 12, 2025 — ...",
"12 April 2025", "2025-04-12", "Published: ..."). Dates further down are never taken.
A block that is nothing but that dateline becomes a ``"dateline"`` block, which states no
claim: "Published March 3, 2025" in one document and "Published May 1, 2024" in another
date two documents, not one event.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from . import markup_html, markup_markdown, markup_text
from ..errors import InputError
from ..model import Document
from .docdate import document_date, with_given_date
from .sections import assign_sections

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

#: Formats whose files are not text: their text is extracted (:func:`document_text`).
EXTRACTED = ("docx", "pdf")

_READERS = {
    "text": markup_text.parse_with_meta,
    "markdown": markup_markdown.parse_with_meta,
    "html": markup_html.parse_with_meta,
    # Word and PDF text is extracted one paragraph a line (office_docx, office_pdf): read as plain text
    "docx": markup_text.parse_with_meta,
    "pdf": markup_text.parse_with_meta,
}

#: Default size limit of one document, in MiB (``--max-size``). A document costs about
#: 60 times its size in memory while it is read, and 2-4 s of extraction per MiB.
DEFAULT_MAX_SIZE_MB = 10.0

_MIB = 1024 * 1024


def max_bytes_of(max_size_mb: float | None) -> int | None:
    """The byte limit for a size in MiB; None (no limit) for None or 0."""
    if max_size_mb is None or max_size_mb == 0:
        return None
    if max_size_mb < 0 or max_size_mb != max_size_mb:
        raise InputError(f"the document size limit must be a positive number of MB, not {max_size_mb}")
    return int(max_size_mb * _MIB)


def _mb(n: int) -> str:
    return f"{n / _MIB:.1f} MB"


# --------------------------------------------------------------------------- discovery


def _format_of(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def _walk(root: Path, warnings: list[str]) -> list[Path]:
    """Files with a known suffix under ``root``; hidden entries and loops skipped."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
        except OSError:
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            continue  # a symlink loop or a folder reached twice
        seen.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            warnings.append(f"{folder}: cannot read folder ({exc.strerror or exc})")
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            try:
                if entry.is_dir():
                    subfolders.append(path)
                elif entry.is_file() and _format_of(path):
                    found.append(path)
                elif _format_of(path):
                    if entry.is_symlink() and not path.exists():
                        warnings.append(f"{path}: broken symbolic link or link loop; skipped")
                    else:
                        warnings.append(f"{path}: not a regular file (a FIFO, socket or device); skipped")
            except OSError as exc:
                if _format_of(path):
                    if exc.errno == errno.ELOOP:
                        warnings.append(f"{path}: broken symbolic link or link loop; skipped")
                    else:
                        warnings.append(f"{path}: cannot read ({exc.strerror or exc}); skipped")
                continue
        stack.extend(reversed(subfolders))
    return found


def discover(paths: list[str]) -> tuple[list[Path], list[str]]:
    """The files to read for ``paths`` (files and folders) and warnings.

    Folders are searched recursively; files in them with other suffixes, hidden
    files and folders are skipped silently. A file named explicitly with an unknown
    suffix is skipped with a warning. A path that does not exist raises
    :class:`~checker.errors.InputError`. The result is sorted and has no duplicates.
    """
    warnings: list[str] = []
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            if path.is_symlink():
                raise InputError(f"broken symbolic link or link loop: {raw}")
            raise InputError(f"no such file or directory: {raw}")
        if path.is_dir():
            files.extend(_walk(path, warnings))
        elif _format_of(path):
            if path.is_file():
                files.append(path)
            else:  # a FIFO could block every reader, a device never end
                warnings.append(f"{raw}: not a regular file (a FIFO, socket or device); skipped")
        else:
            known = ", ".join(sorted(SUFFIXES))
            warnings.append(f"{raw}: unknown file type (expected {known}); skipped")
    unique: dict[str, Path] = {}
    for f in files:
        try:
            key = str(f.resolve())
        except (OSError, RuntimeError):
            key = str(f.absolute())
        unique.setdefault(key, f)
    ordered = sorted(unique.values(), key=lambda p: (p.as_posix(), str(p)))
    return ordered, warnings


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, name: str, notes: list[str] | None = None) -> str:
    """Text of a file's bytes: UTF-8 (BOM stripped), UTF-16/32 with a BOM or plainly
    UTF-16 without one, UTF-8 with a few bad bytes (replaced, with a note), else the
    encoding charset-normalizer detects.

    Raises :class:`~checker.errors.InputError` for binary or undecodable content.
    ``notes`` receives a line for a lossy decode.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _decode_bom(data, "utf-32", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_bom(data, "utf-16", name)
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError(f"{name}: binary file, not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data)
    if text is not None:
        bad = text.count("\ufffd")
        if notes is not None:
            notes.append(f"{name}: {bad} byte sequence{'s' if bad != 1 else ''} not valid UTF-8, replaced with \ufffd")
        return text
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot decode as text (not UTF-8, and no other encoding fits)")
    text = str(best)
    if _too_many_controls(text):
        raise InputError(f"{name}: binary file, not text")
    return text


def _too_many_controls(text: str) -> bool:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    return bool(text) and controls > len(text) // 10


def _utf16_without_bom(data: bytes) -> str | None:
    """Text of UTF-16 data without a byte-order mark, told by where its zero bytes sit."""
    sample = data[: 1 << 16]
    if len(data) % 2 or len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < odd * 0.05:
        codec = "utf-16-le"
    elif even > half * 0.3 and odd < even * 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text or _too_many_controls(text) else text


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few corrupt bytes: the text with them replaced, else None.

    Taken as UTF-8 when the valid multi-byte characters outnumber the bad sequences
    ten to one (a Latin-1 or cp1252 file has almost no valid multi-byte sequence).
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    multibyte = sum(1 for c in text if ord(c) > 0x7F) - text.count("\ufffd")
    if bad <= 0 or multibyte < 10 * bad:
        return None
    return text


def _decode_bom(data: bytes, codec: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise InputError(f"{name}: cannot decode as {codec.upper()}") from None
    return text[1:] if text.startswith("\ufeff") else text


def document_text(data: bytes, fmt: str, name: str, notes: list[str] | None = None) -> str:
    """The text of a file's bytes in format ``fmt``: extracted from a Word document or a PDF
    (:mod:`checker.ingest.office_docx`, :mod:`checker.ingest.office_pdf`), else decoded
    (:func:`decode`). Raises :class:`~checker.errors.InputError` when it has none to give."""
    if fmt == "docx":
        from .office_docx import docx_text

        return docx_text(data, name)
    if fmt == "pdf":
        from .office_pdf import pdf_text

        return pdf_text(data, name)
    return decode(data, name, notes)


# --------------------------------------------------------------------------- loading


def read_bytes(path: Path, name: str, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` of them.

    Raises :class:`~checker.errors.InputError` (one line) for something that is not a
    regular file (a folder, a FIFO, a device: reading those could block or never
    end), a file over the limit (before reading it), or a read error. The file is
    opened read-only and never written.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: not a regular file (a FIFO, socket or device)")
    if max_bytes is not None and st.st_size > max_bytes:
        raise InputError(f"{name}: {_mb(st.st_size)}, over the {_mb(max_bytes)} size limit (--max-size)")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as handle:
            if max_bytes is None:
                return handle.read()
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # it grew since stat
        raise InputError(f"{name}: over the {_mb(max_bytes)} size limit (--max-size)")
    return data


def load_document(
    path: Path,
    doc_id: str,
    display_path: str | None = None,
    max_bytes: int | None = None,
    notes: list[str] | None = None,
    given_date: str | None = None,
) -> Document:
    """Read, decode and parse one file into a :class:`~checker.model.Document`.

    Raises :class:`~checker.errors.InputError` when the file cannot be used (see
    :func:`read_bytes` and :func:`decode`, and an empty file); ``notes`` receives a
    line for a lossy decode or a markup reader's remark.
    """
    name = display_path or str(path)
    data = read_bytes(Path(path), name, max_bytes)
    fmt = _format_of(Path(path)) or "text"
    if not data.strip():
        raise InputError(f"{name}: empty file")
    text = document_text(data, fmt, name, notes)
    if not text.strip():
        raise InputError(f"{name}: empty file")
    return parse_document(text, fmt, doc_id, name, given_date)


def parse_document(text: str, fmt: str, doc_id: str, name: str, given_date: str | None = None) -> Document:
    """Parse decoded, non-empty ``text`` of format ``fmt`` into a :class:`~checker.model.Document`,
    dated ``given_date`` (``--date``) when it states no date (:mod:`checker.ingest.docdate`)."""
    blocks, meta = _READERS[fmt](text)
    blocks = assign_sections(blocks)
    title = meta.get("title")
    if title is None:
        title = next((b.text for b in blocks if b.kind == "title"), None)
    date, blocks = document_date(meta.get("date"), blocks)
    return with_given_date(Document(
        id=doc_id,
        path=name,
        text=text,
        format=fmt,
        title=title,
        date=date,
        blocks=blocks,
    ), given_date)


def display_path_of(path: Path) -> str:
    """``path`` relative to the current folder (POSIX style) when possible, else absolute."""
    if os.sep == "/":  # the common case without pathlib (a corpus has thousands of files)
        absolute = os.path.abspath(path)
        cwd = os.getcwd()
        if absolute == cwd:
            return "."
        prefix = cwd if cwd.endswith("/") else cwd + "/"
        if absolute.startswith(prefix) and not absolute.startswith("//"):
            return absolute[len(prefix) :]
    try:
        absolute = Path(os.path.abspath(path))
        rel = absolute.relative_to(Path.cwd())
        return rel.as_posix()
    except (ValueError, OSError):
        return Path(os.path.abspath(path)).as_posix()


def load_documents(
    paths: list[str], max_bytes: int | None = int(DEFAULT_MAX_SIZE_MB * _MIB), given_date: str | None = None
) -> tuple[list[Document], list[str]]:
    """Discover and read every input file; ids ``d1``, ``d2``, ... in path order.

    A file that cannot be used becomes a warning ``"path: reason; skipped"`` and is
    skipped; ``max_bytes`` (None: no limit) is the size limit of one file. A path that
    does not exist raises :class:`~checker.errors.InputError`. ``given_date`` (ISO,
    ``--date``) dates the documents that state no date of their own.
    """
    files, warnings = discover(paths)
    docs: list[Document] = []
    for path in files:
        doc, _ = load_or_warn(path, f"d{len(docs) + 1}", display_path_of(path), max_bytes, warnings, given_date)
        if doc is not None:
            docs.append(doc)
    return docs, warnings


def load_or_warn(
    path: Path, doc_id: str, shown: str, max_bytes: int | None, warnings: list[str], given_date: str | None = None
) -> tuple[Document | None, list[str]]:
    """:func:`load_document`, with a file that cannot be used turned into a warning
    ``"path: reason; skipped"`` (and None); the decoding notes are added to ``warnings``
    and returned too."""
    notes: list[str] = []
    try:
        doc = load_document(path, doc_id, shown, max_bytes=max_bytes, notes=notes, given_date=given_date)
    except InputError as exc:
        message = exc.message if exc.message.startswith(shown + ":") else f"{shown}: {exc.message}"
        warnings.append(f"{message}; skipped")
        return None, notes
    except RecursionError:  # pragma: no cover - the readers are iterative
        warnings.append(f"{shown}: too deeply nested to read; skipped")
        return None, notes
    warnings.extend(notes)
    return doc, notes
