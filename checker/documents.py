"""Finding input files and reading them into :class:`~checker.model.Document` records.

:func:`discover` expands the paths given on the command line (files and folders,
recursively, sorted); :func:`load_document` reads one file, decodes it, splits it into
blocks with the reader for its format (:mod:`checker.markup_text`,
:mod:`checker.markup_markdown`, :mod:`checker.markup_html`), marks the sections of the
blocks (:mod:`checker.sections`) and finds its title and publication date;
:func:`load_documents` does both for a whole run, turning unreadable files into
warnings.

The publication date comes from front matter or HTML metadata first, else from a
dateline at the start of one of the first blocks ("April 12, 2025 — ...",
"12 April 2025", "2025-04-12", "Published: ..."). Dates further down are never taken.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path

from . import markup_html, markup_markdown, markup_text
from .errors import InputError
from .model import Document
from .sections import assign_sections

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

_READERS = {
    "text": markup_text.parse_with_meta,
    "markdown": markup_markdown.parse_with_meta,
    "html": markup_html.parse_with_meta,
}

#: How many blocks from the top a dateline may sit in.
DATELINE_BLOCKS = 15


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
            except OSError:
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
            raise InputError(f"no such file or directory: {raw}")
        if path.is_dir():
            files.extend(_walk(path, warnings))
        elif _format_of(path):
            files.append(path)
        else:
            known = ", ".join(sorted(SUFFIXES))
            warnings.append(f"{raw}: skipped, unknown file type (expected {known})")
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


def decode(data: bytes, name: str) -> str:
    """Text of a file's bytes: UTF-8 (BOM stripped), UTF-16/32 with a BOM, else guessed.

    Raises :class:`~checker.errors.InputError` for binary or undecodable content.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _decode_bom(data, "utf-32", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_bom(data, "utf-16", name)
    if b"\x00" in data:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: cannot decode as text")
    text = str(best)
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f\v")
    if text and controls > len(text) // 10:
        raise InputError(f"{name}: binary file, not text")
    return text


def _decode_bom(data: bytes, codec: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise InputError(f"{name}: cannot decode as {codec.upper()}") from None
    return text[1:] if text.startswith("\ufeff") else text


# --------------------------------------------------------------------------- dates

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE_PATTERNS = [
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(_YEAR + r"[-/.](?P<mnum>\d{1,2})[-/.]" + r"(?P<day>\d{1,2})(?![\d])"),
]
_PREFIX_RE = re.compile(
    r"\s*(?:(?:published|posted|updated|last updated|date|dated|released|issued)(?:\s+on)?\s*[:\-–—]?\s*"
    r"|by\s+[^|•·—–\n]{1,60}?\s*(?:[|•·—–,]|\bon\b)\s*"
    r"|[A-Z][A-Z .'’-]{2,30}(?:\s*\([^)]{1,30}\))?\s*[,—–-]\s*)?",
    re.IGNORECASE,
)


def _date_at(text: str, pos: int) -> tuple[str, int] | None:
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text, pos)
        if not m:
            continue
        g = m.groupdict()
        month = _MONTHS[g["month"].lower()] if g.get("month") else int(g["mnum"])
        try:
            d = _dt.date(int(g["year"]), month, int(g["day"]))
        except ValueError:
            continue
        return d.isoformat(), m.end()
    return None


def parse_date(value: str | None) -> str | None:
    """ISO date (``YYYY-MM-DD``) of a metadata value such as ``2025-04-12T08:00:00Z``."""
    if not value:
        return None
    s = value.strip().strip("\"'")
    for i in range(min(len(s), 40)):
        if i and s[i - 1].isalnum():
            continue
        found = _date_at(s, i)
        if found:
            return found[0]
    return None


def find_dateline(texts: list[str]) -> str | None:
    """The date of a dateline at the start of one of ``texts`` (the first blocks)."""
    for text in texts[:DATELINE_BLOCKS]:
        m = _PREFIX_RE.match(text)
        pos = m.end() if m else 0
        found = _date_at(text, pos)
        if found is None and pos:
            found = _date_at(text, len(text) - len(text.lstrip()))
        if found is None:
            continue
        date, end = found
        rest = text[end:].lstrip()
        # A dateline: the date alone, or followed by a dash, a bar or a comma.
        if not rest or rest[0] in "—–-|:,•·(" or rest[:2].lower() in ("at", "by") or pos:
            return date
    return None


# --------------------------------------------------------------------------- loading


def load_document(path: Path, doc_id: str, display_path: str | None = None) -> Document:
    """Read, decode and parse one file into a :class:`~checker.model.Document`."""
    name = display_path or str(path)
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    text = decode(data, name)
    fmt = _format_of(Path(path)) or "text"
    blocks, meta = _READERS[fmt](text)
    blocks = assign_sections(blocks)
    title = meta.get("title")
    if title is None:
        title = next((b.text for b in blocks if b.kind == "title"), None)
    date = parse_date(meta.get("date")) or find_dateline([b.text for b in blocks])
    return Document(
        id=doc_id,
        path=name,
        text=text,
        format=fmt,
        title=title,
        date=date,
        blocks=blocks,
    )


def display_path_of(path: Path) -> str:
    """``path`` relative to the current folder (POSIX style) when possible, else absolute."""
    try:
        absolute = Path(os.path.abspath(path))
        rel = absolute.relative_to(Path.cwd())
        return rel.as_posix()
    except (ValueError, OSError):
        return Path(os.path.abspath(path)).as_posix()


def load_documents(paths: list[str]) -> tuple[list[Document], list[str]]:
    """Discover and read every input file; ids ``d1``, ``d2``, ... in path order.

    A file that cannot be read or decoded becomes a warning ``"path: reason"`` and is
    skipped. A path that does not exist raises :class:`~checker.errors.InputError`.
    """
    files, warnings = discover(paths)
    docs: list[Document] = []
    for path in files:
        shown = display_path_of(path)
        try:
            doc = load_document(path, f"d{len(docs) + 1}", shown)
        except InputError as exc:
            message = exc.message
            if not message.startswith(shown + ":"):
                message = f"{shown}: {message}"
            warnings.append(message)
            continue
        docs.append(doc)
    return docs, warnings
