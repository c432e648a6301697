"""Markdown documents: blocks from markdown-it-py's token stream, with exact offsets.

The document is parsed with ``MarkdownIt("commonmark").enable("table")``. Each
``inline`` token becomes a block whose kind comes from its container: a heading
(``heading``; the first ``#`` heading is the ``title``), a paragraph (``paragraph``,
or ``list_item`` / ``quote`` inside a list item / block quote), a table cell
(``table_cell``, given its row label and column header: :mod:`checker.ingest.tables`). A paragraph that is all bold (``**Key Takeaways**``) is a
``heading``; one wrapped in quotation marks is a ``quote``. Code blocks are skipped;
HTML blocks are read with :mod:`checker.ingest.markup_html`.

markdown-it gives line ranges, not character offsets, so each text child of an
inline token is aligned to the source: searched forward from a cursor inside the
block's lines (which skips ``**``, ``[``, ``](url)`` and backticks), falling back to
a character-by-character walk that maps entities (``&amp;``) and backslash escapes to
their source. YAML front matter is not text; its ``title:`` and ``date:`` are read.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

from . import markup_html
from .tables import apply_to_rows
from .markup_text import collapse, is_boilerplate, is_pull_quote, word_count
from ..model import Block, line_starts

_MD = MarkdownIt("commonmark").enable("table")

_FENCE_RE = re.compile(r"[ \t]*(---|\.\.\.)[ \t]*$")
_META_RE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

#: How far past the cursor (beyond the text's own length) a text run is searched for.
_SEARCH_SLACK = 4096

_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "date_published", "published_at", "created")


def _front_matter(text: str) -> tuple[int, dict]:
    """``(number of lines it takes, {"title", "date"})``; ``(0, {})`` without one."""
    starts = line_starts(text)
    if not text.startswith("---"):
        return 0, {}

    def line(i: int) -> str:
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        return text[starts[i] : end].rstrip("\r\n")

    if line(0).strip() != "---":
        return 0, {}
    meta: dict = {}
    for i in range(1, min(len(starts), 500)):
        ln = line(i)
        if _FENCE_RE.fullmatch(ln):
            return i + 1, meta
        m = _META_RE.match(ln)
        if m:
            key = m.group(1).lower()
            value = m.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            if key == "title" and value and "title" not in meta:
                meta["title"] = value
            elif key in _DATE_KEYS and value and "date" not in meta:
                meta["date"] = value
    return 0, {}


class _Aligner:
    """Maps inline text to source offsets, moving forward through the document."""

    def __init__(self, text: str) -> None:
        self.src = text
        self.cursor = 0

    def align(self, content: str, lo: int, hi: int, chars: list, offs: list, ends: list, code: bool = False) -> None:
        src = self.src
        cur = max(self.cursor, lo)
        if not content:
            return
        # A bounded search: the markup between two text runs is short, and an unbounded
        # search that fails would rescan the rest of the block for every run (quadratic).
        window = min(hi, cur + len(content) + _SEARCH_SLACK)
        if code and content.strip() and any(c.isspace() for c in content):
            # A code span's line breaks read as spaces ("`\na`" is " a"): find it with any
            # whitespace for its whitespace, then map it character by character from there.
            pattern = r"\s+".join(re.escape(part) for part in re.split(r"\s+", content))
            m = re.compile(pattern).search(src, cur, window)
            if m:
                cur = m.start()
            j = -1
        else:
            j = src.find(content, cur, window) if content.strip() else -1
        if j > cur:
            skipped = src[cur:j]
            if "\\" in skipped or "&" in skipped or content[0] in skipped:
                j = -1  # an escape, entity or earlier match was skipped: go char by char
        if j >= 0:
            chars.extend(content)
            offs.extend(range(j, j + len(content)))
            ends.extend(range(j + 1, j + len(content) + 1))
            self.cursor = j + len(content)
            return
        i = 0
        n = len(content)
        while i < n:
            ch = content[i]
            if ch.isspace():
                # Whitespace (a code span's line break reads as a space): never search
                # for it; its offset only needs to sit between its neighbours.
                chars.append(" ")
                offs.append(min(cur, max(len(src) - 1, 0)))
                ends.append(min(cur, max(len(src) - 1, 0)) + 1)
                if cur < hi and src[cur].isspace():
                    cur += 1
                i += 1
                continue
            k, width, decoded = self._find_char(ch, cur, hi)
            if k < 0:
                # Not found (should not happen): map to the cursor, never fail.
                k = min(cur, max(lo, hi - 1), len(src) - 1) if src else 0
                chars.append(ch)
                offs.append(max(k, 0))
                ends.append(max(k, 0) + 1)
                i += 1
                continue
            # An entity may decode to several characters: map them all to it.
            take = decoded if decoded and content.startswith(decoded, i) else ch
            for c in take:
                chars.append(c)
                offs.append(k)
                ends.append(k + width)
            i += len(take)
            cur = k + width
        self.cursor = cur

    def _find_char(self, ch: str, cur: int, hi: int) -> tuple[int, int, str]:
        """Nearest source position at or after ``cur`` that renders as ``ch``."""
        src = self.src
        k = cur
        while k < hi:
            c = src[k]
            if c == ch:
                return k, 1, ch
            if c == "\\" and k + 1 < hi and src[k + 1] == ch:
                return k + 1, 1, ch
            if c == "&":
                m = _ENTITY_RE.match(src, k)
                if m:
                    decoded = html.unescape(m.group(0))
                    if decoded.startswith(ch):
                        return k, m.end() - k, decoded
            k += 1
        return -1, 0, ""

    def skip_destination(self, hi: int) -> None:
        """After a link's text: move past ``](destination "title")`` or ``][label]``."""
        src = self.src
        k = self.cursor
        while k < hi and src[k] in " \t":
            k += 1
        if k >= hi or src[k] != "]":
            return
        k += 1
        if k < hi and src[k] == "(":
            depth = 0
            while k < hi:
                c = src[k]
                if c == "\\":
                    k += 2
                    continue
                if c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                    if depth == 0:
                        k += 1
                        break
                k += 1
        elif k < hi and src[k] == "[":
            end = src.find("]", k, hi)
            k = end + 1 if end >= 0 else k
        self.cursor = min(k, hi)

    def skip_image(self, image, lo: int, hi: int) -> None:
        """Move past an image ``![alt](source)`` (its alt text is not prose)."""
        j = self.src.find("![", max(self.cursor, lo), hi)
        if j < 0:
            return
        self.cursor = j + 2
        scratch: list = []
        for child in image.children or ():
            if child.type in ("text", "code_inline", "text_special"):
                self.align(child.content, lo, hi, scratch, [], [])
        self.skip_destination(hi)

    def newline(self, lo: int, hi: int) -> int:
        """Offset of the next line break (a soft or hard break) and move past it."""
        src = self.src
        cur = max(self.cursor, lo)
        k = cur
        while k < hi and src[k] not in "\r\n":
            k += 1
        self.cursor = min(k + 1, hi)
        return k if k < len(src) else max(cur, 0)


def _inline_block(token, aligner: _Aligner, lo: int, hi: int, kind: str) -> Block | None:
    chars: list[str] = []
    offs: list[int] = []
    ends: list[int] = []
    for child in token.children or ():
        t = child.type
        if t == "image":
            aligner.skip_image(child, lo, hi)
            continue
        if t == "link_close" and child.markup != "autolink":
            aligner.skip_destination(hi)
            continue
        if t in ("text", "code_inline", "text_special"):
            aligner.align(child.content, lo, hi, chars, offs, ends, code=t == "code_inline")
        elif t in ("softbreak", "hardbreak"):
            k = aligner.newline(lo, hi)
            chars.append(" ")
            offs.append(k)
            ends.append(k + 1)
    text, offsets = collapse(chars, offs, ends, empty_at=lo)
    if not text or is_boilerplate(text):
        return None
    return Block(kind=kind, section="body", text=text, offsets=offsets)


def _all_strong(token) -> bool:
    """The inline content is one bold or italic run (used as a heading)."""
    kids = [c for c in (token.children or ()) if not (c.type == "text" and not c.content.strip())]
    if len(kids) < 3 or kids[0].type not in ("strong_open", "em_open"):
        return False
    close = kids[0].type.replace("_open", "_close")
    return kids[-1].type == close and all(c.type not in ("softbreak", "hardbreak") for c in kids)


def parse_with_meta(text: str) -> tuple[list[Block], dict]:
    """Blocks of a Markdown document and ``{"title": ..., "date": ...}`` (raw date)."""
    fm_lines, meta = _front_matter(text)
    starts = line_starts(text)
    n_lines = len(starts)
    src = text
    if fm_lines:
        cut = starts[fm_lines] if fm_lines < n_lines else len(text)
        # Blank the front matter (spaces) but keep its line breaks so line numbers hold.
        head = re.sub(r"[^\r\n]", " ", text[:cut])
        src = head + text[cut:]
    try:
        tokens = _MD.parse(src)
    except Exception:  # pragma: no cover - markdown-it does not raise on text
        tokens = []

    def offset(line: int) -> int:
        return starts[line] if line < n_lines else len(text)

    aligner = _Aligner(text)
    blocks: list[Block] = []
    containers: list[str] = []  # "quote", "list_item", "table_cell"
    heading_tag: str | None = None
    first_h1: int | None = None
    last_map = (0, 0)
    rows: list[list[int | None]] = []  # the open table's rows: each cell's index in blocks
    header_rows = 0
    for tok in tokens:
        t = tok.type
        if tok.map:
            last_map = (tok.map[0], tok.map[1])
        if t == "blockquote_open":
            containers.append("quote")
        elif t == "list_item_open":
            containers.append("list_item")
        elif t in ("th_open", "td_open"):
            containers.append("table_cell")
            if rows:
                rows[-1].append(None)
        elif t == "table_open":
            rows, header_rows = [], 0
        elif t == "thead_open":
            header_rows = 1
        elif t == "tr_open":
            rows.append([])
        elif t == "table_close":
            apply_to_rows(blocks, rows, header_rows)  # each data cell with its row label and column header
            rows = []
        elif t in ("blockquote_close", "list_item_close", "th_close", "td_close"):
            if containers:
                containers.pop()
        elif t == "heading_open":
            heading_tag = tok.tag
        elif t == "heading_close":
            heading_tag = None
        elif t == "html_block" and tok.map:
            lo, hi = offset(tok.map[0]), offset(tok.map[1])
            for b in markup_html.parse_fragment(text[lo:hi]):
                blocks.append(Block(b.kind, b.section, b.text, tuple(o + lo for o in b.offsets)))
            aligner.cursor = max(aligner.cursor, hi)
        elif t == "inline":
            a, b = tok.map if tok.map else last_map
            lo, hi = offset(a), offset(b)
            if heading_tag:
                kind = "heading"
            elif containers:
                kind = containers[-1]
            else:
                kind = "paragraph"
            if kind == "paragraph" and _all_strong(tok) and word_count(tok.content) <= 12:
                kind = "heading"
            block = _inline_block(tok, aligner, lo, hi, kind)
            if block is None:
                continue
            if kind == "paragraph" and is_pull_quote(block.text):
                block = Block("quote", block.section, block.text, block.offsets)
            if heading_tag == "h1" and first_h1 is None:
                first_h1 = len(blocks)
                block = Block("title", block.section, block.text, block.offsets)
            blocks.append(block)
            if kind == "table_cell" and rows and rows[-1]:
                rows[-1][-1] = len(blocks) - 1
    title = meta.get("title")
    if title is None and first_h1 is not None:
        title = blocks[first_h1].text
    return blocks, {"title": title, "date": meta.get("date")}


def parse(text: str) -> list[Block]:
    """Blocks of a Markdown document (see the module docstring)."""
    return parse_with_meta(text)[0]
