"""HTML documents: blocks from block-level elements, with exact offsets.

The standard library's :class:`html.parser.HTMLParser` (iterative, forgiving, with
``convert_charrefs=False`` so entities arrive as their own events) reports each
event's line and column; they are turned into offsets into the original text. Text
inside ``script``, ``style``, ``noscript``, ``template`` and ``head`` (except
``<title>``) is skipped. Block-level elements end the current block; ``h1``-``h6``
give ``heading`` blocks, ``li`` ``list_item``, ``td``/``th`` ``table_cell`` (a data cell
with its row label and column header before it, :mod:`checker.ingest.tables`) and a
``blockquote`` (or a paragraph that is one ``<q>``) a ``quote``. Entities are
decoded, each decoded character mapped to the offset where its entity starts.

``<meta name="date">``, ``<meta property="article:published_time">`` and similar,
or a ``<time datetime>`` in the page's header (inside ``<header>``, ``pubdate``,
``itemprop="datePublished"``, or before the first paragraph), give the date; ``<title>`` or the first ``<h1>`` the title.
Broken or unclosed HTML never raises, and the element stack is a plain list, so
deeply nested input cannot hit the recursion limit.

:class:`html.parser.HTMLParser` has two weaknesses on hostile input, both handled by
:func:`_defuse` before parsing: a construct that is never closed (``<!--`` with no
``-->`` after it, ``<a`` with no ``>`` after it, ...) makes it rescan the rest of the
document once per such opener, which is quadratic (a 200 kB line of ``<a`` took 30 s);
and ``<![`` not followed by a known marked-section keyword makes it raise, which lost
the rest of the document. Each ``<`` that opens a construct that can never be closed
is replaced, in the copy fed to the parser, by a character that is plain data; text
is always read back from the original, so nothing else changes.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .tables import apply_to_rows
from .markup_text import collapse, is_boilerplate, is_pull_quote
from ..model import Block

#: Elements whose text is never shown.
SKIP = frozenset(
    "script style noscript template head nav svg math iframe object select textarea button".split()
)

#: Elements that start or end a block.
BLOCK = frozenset(
    """p div li h1 h2 h3 h4 h5 h6 blockquote td th section article br tr figcaption dt dd pre
    ul ol dl table thead tbody tfoot caption header footer nav aside main figure hr form fieldset
    legend address details summary center body html title option hgroup""".split()
)

VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())

#: Elements whose kind a block takes (innermost wins).
_KIND_OF = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "blockquote": "quote",
}

_DATE_META = (
    "article:published_time", "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "datepublished", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "og:published_time",
    "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date",
)

# What html.parser (via _markupbase) looks for to close ``<!--`` and ``<![name[``.
_COMMENT_CLOSE_RE = re.compile(r"--\s*>")
_MS_CLOSE_RE = re.compile(r"]\s*>")
_MS_CLOSE2_RE = re.compile(r"]\s*]\s*>")
_MS_NAME_RE = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*")
_MS_KEYWORDS2 = frozenset(("temp", "cdata", "ignore", "include", "rcdata"))
_MS_KEYWORDS1 = frozenset(("if", "else", "endif"))
#: Stands in, in the copy fed to the parser, for a ``<`` that can never open anything.
_DEFUSED = "\x00"


def _last_start(pattern: re.Pattern, text: str) -> int:
    last = -1
    for m in pattern.finditer(text):
        last = m.start()
    return last


def _defuse(text: str) -> str:
    """``text`` with each ``<`` that opens a construct that is never closed made plain data.

    Same length and same line breaks as ``text``, so positions do not move. Linear time.
    """
    if "<" not in text:
        return text
    last_gt = text.rfind(">")
    last_comment = _last_start(_COMMENT_CLOSE_RE, text) if "<!--" in text else -1
    has_ms = "<![" in text
    last_ms1 = _last_start(_MS_CLOSE_RE, text) if has_ms else -1
    last_ms2 = _last_start(_MS_CLOSE2_RE, text) if has_ms else -1
    bad: list[int] = []
    for m in re.finditer("<", text):
        p = m.start()
        if p > last_gt:
            bad.append(p)
        elif text.startswith("<!--", p):
            if last_comment < p + 4:
                bad.append(p)
        elif text.startswith("<![", p):
            name = _MS_NAME_RE.match(text, p + 3)
            word = name.group(0).lower() if name else ""
            if word in _MS_KEYWORDS2:
                ok = last_ms2 >= p + 3
            elif word in _MS_KEYWORDS1:
                ok = last_ms1 >= p + 3
            else:
                ok = False  # html.parser would raise on it
            if not ok:
                bad.append(p)
    if not bad:
        return text
    chars = list(text)
    for p in bad:
        chars[p] = _DEFUSED
    return "".join(chars)


#: What may come before a ``<time>`` at the top of a page for it to date the page: nothing, or a
#: byline or a "Published" label ("The plant opened on <time>" dates an event).
_BYLINE_START = re.compile(r"-$|(?:by|published|posted|updated|last updated|date|dated)\b", re.I)


class _Parser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.src = text
        # HTMLParser counts lines by "\n" only.
        self.nl_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.stack: list[str] = []  # open elements, innermost last
        self.open_count: dict[str, int] = {}
        self.kind_stack: list[tuple[str, int]] = []  # (kind, index in stack)
        self.skip = 0  # open elements in SKIP
        self.in_title = False
        self.quote_depth = 0  # open <q> / pull-quote elements
        self.chars: list[str] = []
        self.offs: list[int] = []
        self.ends: list[int] = []
        self.block_kind = "paragraph"
        self.block_all_quoted = True
        self.block_h1 = False
        self.blocks: list[tuple[Block, bool]] = []  # (block, from h1)
        self.title_chars: list[str] = []
        self.title_offs: list[int] = []
        self.title_ends: list[int] = []
        self.title_block: Block | None = None
        self.meta_date: str | None = None
        self.time_date: str | None = None
        self.meta_title: str | None = None
        self.tables: list[tuple[list[list[int | None]], list[bool]]] = []  # open tables (see _table_start)

    # -- positions -------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        if line - 1 < len(self.nl_starts):
            return min(self.nl_starts[line - 1] + col, len(self.src))
        return len(self.src)

    # -- blocks ----------------------------------------------------------
    def _flush(self) -> None:
        if not self.chars:
            return
        text, offsets = collapse(self.chars, self.offs, self.ends)
        kind = self.block_kind
        if kind == "paragraph" and (self.block_all_quoted or is_pull_quote(text)):
            kind = "quote"
        if text and not is_boilerplate(text):
            self.blocks.append((Block(kind=kind, section="body", text=text, offsets=offsets), self.block_h1))
            if kind == "table_cell" and self.tables and self.tables[-1][0] and self.tables[-1][0][-1]:
                row = self.tables[-1][0][-1]
                if row[-1] is None:
                    row[-1] = len(self.blocks) - 1
        self.chars, self.offs, self.ends = [], [], []

    def _add(self, s: str, start: int, ends: list[int] | None = None) -> None:
        if self.in_title:
            self.title_chars.extend(s)
            self.title_offs.extend(range(start, start + len(s)) if ends is None else [start] * len(s))
            self.title_ends.extend(range(start + 1, start + len(s) + 1) if ends is None else ends)
            return
        if self.skip:
            return
        if not self.chars:
            if not s.strip():
                return
            self.block_kind = self.kind_stack[-1][0] if self.kind_stack else "paragraph"
            self.block_h1 = bool(self.kind_stack) and self.stack[self.kind_stack[-1][1]] == "h1"
            self.block_all_quoted = True
        if self.quote_depth == 0 and s.strip():
            self.block_all_quoted = False
        self.chars.extend(s)
        if ends is None:
            self.offs.extend(range(start, start + len(s)))
            self.ends.extend(range(start + 1, start + len(s) + 1))
        else:
            self.offs.extend([start] * len(s))
            self.ends.extend(ends)

    # -- element stack ---------------------------------------------------
    def _push(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        kind = _KIND_OF.get(tag)
        if kind is None and tag in ("aside", "div", "figure", "section", "p"):
            cls = " ".join((v or "") for k, v in attrs if k == "class").lower()
            if "pullquote" in cls or "pull-quote" in cls:
                kind = "quote"
        if kind is not None:
            self.kind_stack.append((kind, len(self.stack) - 1))
        if tag in SKIP:
            self.skip += 1
        if tag == "q":
            self.quote_depth += 1

    def _pop_to(self, tag: str) -> None:
        if not self.open_count.get(tag):
            return
        while self.stack:
            top = self.stack.pop()
            self.open_count[top] -= 1
            if self.kind_stack and self.kind_stack[-1][1] >= len(self.stack):
                self.kind_stack.pop()
            if top in SKIP:
                self.skip -= 1
            if top == "q":
                self.quote_depth -= 1
            if top == tag:
                return

    # -- events ----------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, void=tag in VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, void=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], void: bool) -> None:
        if tag == "meta":
            self._meta(attrs)
        elif tag == "time" and self.time_date is None:
            a = {k: (v or "") for k, v in attrs}
            # the page's own date: a <time> in its header, marked as the publication date, or
            # before any paragraph; one further down dates an event (checker.ingest.docdate)
            header = (self.open_count.get("header") or "pubdate" in a or a.get("itemprop", "").lower() == "datepublished"
                      or (not any(b.kind == "paragraph" for b, _ in self.blocks)
                          and _BYLINE_START.match("".join(self.chars).strip() or "-")))
            if a.get("datetime", "").strip() and header:
                self.time_date = a["datetime"].strip()
        if self.open_count.get("head") and (tag == "body" or (tag in BLOCK and tag not in ("title", "html"))):
            self._pop_to("head")  # a body element in an unclosed <head>
        if tag == "title" and not self.skip_outside_head():
            self._flush()
            self.in_title = True
            return
        if tag in BLOCK:
            self._flush()
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th") and self.open_count.get(tag):
            self._implicit_close(tag)
        if tag in ("table", "tr", "td", "th") and not self.skip:
            self._table_start(tag)
        if not void:
            self._push(tag, attrs)

    def skip_outside_head(self) -> bool:
        """True when text is skipped for a reason other than being in ``<head>``."""
        return self.skip > self.open_count.get("head", 0)

    def _implicit_close(self, tag: str) -> None:
        """``<p>`` closes an open ``<p>`` (``<li>`` an ``<li>``...) in the same container."""
        containers = {
            "li": ("ul", "ol"),
            "td": ("tr", "table"),
            "th": ("tr", "table"),
            "tr": ("table", "tbody", "thead"),
        }
        stop = containers.get(tag, ("div", "section", "article", "blockquote", "td", "li", "body"))
        for i in range(len(self.stack) - 1, max(-1, len(self.stack) - 50), -1):
            t = self.stack[i]
            if t == tag:
                self._pop_to(tag)
                return
            if t in stop:
                return

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title = False
            self._end_title()
            return
        if tag in BLOCK:
            self._flush()
        self._pop_to(tag)
        if tag in BLOCK:
            self._flush()
        if tag == "table" and self.tables:
            self._table_end()

    # -- tables ----------------------------------------------------------
    def _table_start(self, tag: str) -> None:
        """Note a table's rows and cells (``self.tables``: per open table, its rows of block
        indices and whether its first row is a header), for :meth:`_table_end`."""
        if tag == "table":
            self.tables.append(([], [False]))
        elif not self.tables:
            return
        elif tag == "tr":
            self.tables[-1][0].append([])
        elif self.tables[-1][0]:  # td, th
            rows, head = self.tables[-1]
            rows[-1].append(None)
            if tag == "th" and len(rows) == 1:
                head[0] = True

    def _table_end(self) -> None:
        """Give the closed table's data cells their row label and column header."""
        rows, head = self.tables.pop()
        apply_to_rows(_Blocks(self.blocks), rows, 1 if head[0] else 0)

    def _end_title(self) -> None:
        text, offsets = collapse(self.title_chars, self.title_offs, self.title_ends)
        if text and self.title_block is None:
            self.meta_title = text
            self.title_block = Block(kind="title", section="body", text=text, offsets=offsets)
        self.title_chars, self.title_offs, self.title_ends = [], [], []

    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs if k}
        key = (a.get("name") or a.get("property") or a.get("itemprop") or "").strip().lower()
        content = a.get("content", "").strip()
        if key in _DATE_META and content and self.meta_date is None:
            self.meta_date = content

    def handle_data(self, data: str) -> None:
        start = self._offset()
        if _DEFUSED in data:
            data = self.src[start : start + len(data)]  # the original, "<" and all
        self._add(data, start)

    def handle_entityref(self, name: str) -> None:
        start = self._offset()
        # what the parser consumed: "&", the name it reports (at the end of the input it can
        # report less than a name pattern would match: "&a.a" gives "a", then data ".a"), ";"
        raw = "&" + name + (";" if self.src.startswith(";", start + 1 + len(name)) else "")
        decoded = html.unescape(raw)
        # "&patents" (no such entity) or "&ampfoo" (a legacy entity and text): whatever
        # unescape left as written maps character by character to the source.
        keep = 0
        while keep < min(len(raw) - 1, len(decoded)) and raw[-1 - keep] == decoded[-1 - keep]:
            keep += 1
        head = decoded[: len(decoded) - keep]
        end = start + len(raw) - keep
        if head:
            self._add(head, start, [end] * len(head))
        if keep:
            self._add(raw[len(raw) - keep :], end)

    def handle_charref(self, name: str) -> None:
        start = self._offset()
        end = start + 2 + len(name)
        if self.src.startswith(";", end):
            end += 1
        decoded = html.unescape("&#" + name + ";")
        self._add(decoded, start, [end] * len(decoded))

    def unknown_decl(self, data: str) -> None:  # <![CDATA[...]]>: text
        if data.startswith("CDATA["):
            start = self._offset() + 9
            body = data[6:]
            if _DEFUSED in body:
                body = self.src[start : start + len(body)]
            self._add(body, start)

    def close(self) -> None:
        super().close()
        if self.in_title:
            self.in_title = False
            self._end_title()
        self._flush()
        while self.tables:  # tables never closed
            self._table_end()


class _Blocks:
    """The parser's ``(block, from h1)`` list seen as a list of blocks (for :func:`apply_to_rows`)."""

    def __init__(self, items: list) -> None:
        self.items = items

    def __getitem__(self, i: int) -> Block:
        return self.items[i][0]

    def __setitem__(self, i: int, block: Block) -> None:
        self.items[i] = (block, self.items[i][1])


def _run(text: str) -> _Parser:
    p = _Parser(text)
    try:
        p.feed(_defuse(text))
        p.close()
    except Exception:  # pragma: no cover - HTMLParser is forgiving; keep what we have
        try:
            p._flush()
        except Exception:
            pass
    return p


def parse_fragment(text: str) -> list[Block]:
    """Blocks of an HTML fragment (no title handling: ``<h1>`` stays a heading)."""
    return [b for b, _ in _run(text).blocks]


def parse_with_meta(text: str) -> tuple[list[Block], dict]:
    """Blocks of an HTML document and ``{"title": ..., "date": ...}`` (raw date text)."""
    p = _run(text)
    blocks = [b for b, _ in p.blocks]
    first_h1 = next((i for i, (_, h1) in enumerate(p.blocks) if h1), None)
    title = p.meta_title
    if first_h1 is not None:
        b = blocks[first_h1]
        blocks[first_h1] = Block(kind="title", section=b.section, text=b.text, offsets=b.offsets)
        if title is None or b.text.lower() in title.lower():
            title = b.text  # "<title>Headline – Site</title>": the headline itself
    elif p.title_block is not None:
        blocks.insert(0, p.title_block)
    return blocks, {"title": title, "date": p.meta_date or p.time_date}


def parse(text: str) -> list[Block]:
    """Blocks of an HTML document (see the module docstring)."""
    return parse_with_meta(text)[0]


__all__ = ["parse", "parse_with_meta", "parse_fragment"]
