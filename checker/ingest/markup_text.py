"""Plain-text documents: one block per non-empty line.

Writers of plain-text reports put one paragraph per line, so each non-empty line
becomes a :class:`~checker.model.Block`:

* a line starting with a bullet (``•``, ``-``, ``*``, ``·``, ``–``) is a ``list_item``
  with the bullet stripped;
* ``1. Some Headline`` (a short numbered line with no final full stop) is a
  ``heading`` with the number stripped;
* a line entirely wrapped in quotation marks is a ``quote`` (a pull quote);
* a short line (fewer than 20 words) with no final sentence punctuation is a
  ``heading``; the first heading-like line near the top that looks like a title
  becomes the ``title`` block;
* everything else is a ``paragraph``.

Share-button and comment-form boilerplate lines ("RSS", "Leave a Comment",
"Sharetotal 32") are dropped. The helpers here (whitespace collapsing, pull-quote
and heading tests, boilerplate) are shared by the Markdown and HTML readers.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..extract.dates import DATELINE_BLOCKS, find_dateline
from ..model import Block
from .sections import is_fact_line
from .tables import apply_to_rows

#: Characters that close a sentence-final quotation or bracket.
CLOSERS = "”’\"')]»」』"

_BULLET_RE = re.compile(r"[ \t\u00a0]*[•\-*·–—▪●◦‣○■□►➢✓✔][ \t\u00a0]+")
_NUMBER_RE = re.compile(r"[ \t\u00a0]*\(?\d{1,3}[.)][ \t\u00a0]+(?=\S)")
_WORD_RE = re.compile(r"\S+")
#: Characters dropped from block text (zero-width space, joiners, soft hyphen, BOM).
_INVISIBLE = frozenset("\u200b\u200c\u200d\u00ad\ufeff\u2060")

_BOILERPLATE_RE = re.compile(
    r"(?:leave a (?:comment|reply)|post a comment|comments?|"
    r"your email address will not be published\b.*|required fields are marked.*|"
    r"(?:wordpress )?social share plugin powered by.*|"
    r"rss|rss feed|follow by email|follow us|linkedin|facebook|twitter|x \(twitter\)|pinterest|"
    r"whatsapp|reddit|telegram|tumblr|instagram|youtube|tweet|print|email|copy link|"
    r"share(?: ?total)?[ :]*\d*|shares?[ :]*\d*|share this(?: article| post)?:?|"
    r"related posts?|read more|advertisement|subscribe)",
    re.IGNORECASE,
)

_SMALL_WORDS = frozenset(
    "a an and as at but by de for from in into of on or over per the to via vs vs. with & — – -".split()
)


_WORD_RUN_RE = re.compile(r"\S+")  # \s is exactly str.isspace for str patterns
_INVISIBLE_RE = re.compile("[" + "".join(sorted(_INVISIBLE)) + "]")


def collapse(
    chars: Sequence[str], offsets: Sequence[int], ends: Sequence[int] | None = None, empty_at: int = 0
) -> tuple[str, tuple[int, ...]]:
    """Strip and collapse whitespace of ``chars``; returns ``(text, offsets)``.

    ``offsets[i]`` is the original offset of ``chars[i]`` and ``ends[i]`` the offset
    just past its source (``offsets[i] + 1`` when ``ends`` is None; more for an
    entity such as ``&amp;``). A whitespace run becomes one space mapped to the
    offset of the run's first character. The returned offsets have one extra
    entry: just past the last kept character (``empty_at`` when nothing is kept).
    Invisible characters (:data:`_INVISIBLE`) are dropped first. ``chars`` may be a
    string and ``offsets`` a ``range`` (a plain span of a text).
    """
    joined = chars if isinstance(chars, str) else "".join(chars)
    # one character per item: as many characters as items, and no empty item
    if len(joined) != len(chars) or (not isinstance(chars, str) and "" in chars) or _INVISIBLE_RE.search(joined):
        return _collapse_each(chars, offsets, ends, empty_at)
    stripped = joined.strip()  # str.strip drops exactly the str.isspace characters
    if not stripped:
        return "", (empty_at,)
    text = " ".join(stripped.split())
    if len(text) == len(stripped):
        # every whitespace run is one character, so each kept character keeps its own offset
        first = len(joined) - len(joined.lstrip())
        last = first + len(stripped) - 1
        return text, (*offsets[first : last + 1], ends[last] if ends is not None else offsets[last] + 1)
    # runs of non-space characters, found in C; the space between two runs maps to the
    # offset of the first whitespace character after the earlier run
    out: list[str] = []
    outo: list[int] = []
    last = -1
    for m in _WORD_RUN_RE.finditer(joined):
        a, b = m.span()
        if last >= 0:
            out.append(" ")
            outo.append(offsets[last])
        out.append(m.group())
        outo.extend(offsets[a:b])
        last = b
    if last < 0:
        return "", (empty_at,)
    outo.append(ends[last - 1] if ends is not None else offsets[last - 1] + 1)
    return "".join(out), tuple(outo)


def _collapse_each(
    chars: Sequence[str], offsets: Sequence[int], ends: Sequence[int] | None, empty_at: int
) -> tuple[str, tuple[int, ...]]:
    """:func:`collapse` one item at a time: for items of several characters, or invisible ones."""
    out: list[str] = []
    outo: list[int] = []
    pending = -1
    last_end = empty_at
    for i, ch in enumerate(chars):
        off = offsets[i]
        if ch in _INVISIBLE:
            continue
        if ch.isspace():
            if out and pending < 0:
                pending = off
            continue
        if pending >= 0:
            out.append(" ")
            outo.append(pending)
            pending = -1
        out.append(ch)
        outo.append(off)
        last_end = ends[i] if ends is not None else off + 1
    outo.append(last_end)
    return "".join(out), tuple(outo)


def span_block(kind: str, text: str, start: int, end: int) -> Block | None:
    """A block for ``text[start:end]`` with whitespace collapsed, or None if blank."""
    plain, offsets = collapse(text[start:end], range(start, end), empty_at=start)
    if not plain:
        return None
    return Block(kind=kind, section="body", text=plain, offsets=offsets)


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (closing quotes allowed)."""
    t = text.rstrip().rstrip(CLOSERS).rstrip()
    return bool(t) and t[-1] in ".!?:;…。！？"


def is_heading_like(text: str, max_words: int = 20) -> bool:
    """A short line with letters and no final sentence punctuation."""
    t = text.strip()
    if not t or not any(c.isalpha() for c in t):
        return False
    if word_count(t) >= max_words or ends_sentence(t):
        return False
    return not t.endswith(",")


def is_pull_quote(text: str) -> bool:
    """True when the whole of ``text`` is one quotation (a pull quote).

    ``“…”``, ``"…"``, optionally followed by a full stop and a short attribution
    (``— Name``). Two quotations side by side do not count.
    """
    t = text.strip()
    if len(t) < 3 or t[0] not in "“\"«„":
        return False
    opener = t[0]
    closer = {"“": "”", '"': '"', "«": "»", "„": "“"}[opener]
    if opener == '"':
        close_at = t.find('"', 1)
    else:
        close_at = t.find(closer, 1)
        if t.find(opener, 1) != -1 and (opener != "„"):
            return False
    if close_at < 2:
        return False
    rest = t[close_at + 1 :].strip()
    if not rest or rest in (".", ",", "!", "?"):
        return True
    rest = rest.lstrip(".,").strip()
    if rest[:1] in "—–-~" and word_count(rest) <= 8 and not any(q in rest for q in "“”\""):
        return True
    return False


def is_boilerplate(text: str) -> bool:
    """Share buttons, comment forms and similar page furniture."""
    return bool(_BOILERPLATE_RE.fullmatch(text.strip()))


def is_titleish(text: str) -> bool:
    """Most content words capitalised (Title Case), as headlines are."""
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    caps = 0
    for w in content:
        first = next((c for c in w if c.isalnum()), "")
        if first.isupper() or first.isdigit() or not first.isalpha() or not first.islower():
            caps += 1
    return caps / len(content) >= 0.6


def choose_title(
    blocks: list[Block], numbered: set[int] | frozenset = frozenset(), window: int = 10
) -> int | None:
    """Index of the block that is the document's title, or None.

    The first heading-like block near the top with at least five words in Title
    Case wins (an image caption such as "A robot grabs an apple" does not); else a
    first heading of at least six words; else a heading that opens the document.
    """
    cands = [
        i for i, b in enumerate(blocks[:window]) if b.kind in ("heading", "title") and i not in numbered
    ]
    for i in cands:
        if word_count(blocks[i].text) >= 5 and is_titleish(blocks[i].text):
            return i
    for i in cands:
        if word_count(blocks[i].text) >= 6:
            return i
    if cands and cands[0] == 0 and word_count(blocks[0].text) >= 2:
        return 0
    return None


def _lines(text: str):
    """Yield ``(start, end)`` of each line without its line break."""
    n = len(text)
    i = 0
    start = 0
    while i < n:
        ch = text[i]
        if ch == "\n" or ch == "\r":
            yield start, i
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            start = i + 1
        i += 1
    if start < n:
        yield start, n


#: A line of a pipe table ("| GPU hours | 2.79M | 30.8M |"): two cells or more between bars.
_PIPE_ROW_RE = re.compile(r"[ \t]*\|(?:[^|\n]*\|){2,}[ \t]*")
#: A pipe table's rule under its head ("|---|:--:|").
_PIPE_RULE_RE = re.compile(r"[ \t]*\|(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*")
#: A cell that is a figure alone ("$5.6M", "~30M+", "11x", "2,048"): a head row holds none.
_FIGURE_CELL_RE = re.compile(r"[~≈<>]?[$€£¥]?\d[\d,.]*\s*[%xX×kKmMbBtT+]*")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each cell of the pipe-table row ``text[start:end]``."""
    line = text[start:end]
    first, last = line.index("|"), line.rindex("|")
    out, at = [], start + first + 1
    for part in line[first + 1 : last].split("|"):
        out.append((at, at + len(part)))
        at += len(part) + 1
    return out


def _pipe_table(text: str, rows: list[tuple[int, int]], blocks: list[Block]) -> None:
    """Append the cells of a pipe table written in plain text, one ``table_cell`` block each,
    with their row label and column header (:mod:`checker.ingest.tables`). The first row is the
    head where a rule follows it, or where none of its cells is a figure alone."""
    ruled = len(rows) > 1 and _PIPE_RULE_RE.fullmatch(text[rows[1][0] : rows[1][1]]) is not None
    body = [r for r in rows if not _PIPE_RULE_RE.fullmatch(text[r[0] : r[1]])]
    cells = [_cells(text, s, e) for s, e in body]
    head = ruled or not any(_FIGURE_CELL_RE.fullmatch(text[a:b].strip()) for a, b in cells[0][1:])
    table: list[list[int | None]] = []
    for row in cells:
        indices: list[int | None] = []
        for a, b in row:
            block = span_block("table_cell", text, a, b)
            indices.append(len(blocks) if block is not None else None)
            if block is not None:
                blocks.append(block)
        table.append(indices)
    apply_to_rows(blocks, table, 1 if head else 0)


def parse_with_meta(text: str) -> tuple[list[Block], dict]:
    """Blocks of a plain-text document and ``{"title": ...}``."""
    blocks: list[Block] = []
    numbered: set[int] = set()
    pipe_rows: list[tuple[int, int]] = []
    for start, end in [*_lines(text), (len(text), len(text))]:
        line = text[start:end]
        if _PIPE_ROW_RE.fullmatch(line):
            pipe_rows.append((start, end))  # a pipe table's rows, read together when it ends
            continue
        if len(pipe_rows) > 1:
            _pipe_table(text, pipe_rows, blocks)
        elif pipe_rows:
            block = span_block("paragraph", text, *pipe_rows[0])
            if block is not None:
                blocks.append(block)
        pipe_rows = []
        if not line.strip():
            continue
        if is_boilerplate(line):
            continue
        kind = "paragraph"
        s = start
        m = _BULLET_RE.match(line)
        n = _NUMBER_RE.match(line) if not m else None
        if m and m.end() < len(line):
            kind = "list_item"
            s = start + m.end()
        elif n:
            s = start + n.end()
            rest = text[s:end]
            kind = "heading" if is_heading_like(rest, 30) else "list_item"
            if kind == "heading":
                numbered.add(len(blocks))
        else:
            if is_pull_quote(line):
                kind = "quote"
            elif (
                is_heading_like(line)
                and not (len(blocks) < DATELINE_BLOCKS and find_dateline([line]))
                and not (is_fact_line(line) and any(c.isdigit() for c in line))
            ):
                # (a dateline such as "Published: 3 March 2025" is not, nor a fact box line
                # such as "Employees: 1,200")
                kind = "heading"
        block = span_block(kind, text, s, end)
        if block is not None:
            blocks.append(block)
    meta: dict = {"title": None}
    t = choose_title(blocks, numbered)
    if t is not None:
        b = blocks[t]
        blocks[t] = Block(kind="title", section=b.section, text=b.text, offsets=b.offsets)
        meta["title"] = b.text
    return blocks, meta


def parse(text: str) -> list[Block]:
    """Blocks of a plain-text document (see the module docstring)."""
    return parse_with_meta(text)[0]
