"""Sections: which blocks are headlines, summaries, pull quotes or body text.

Claims in a summary ("Key Takeaways", "Company Watchlist", "Policy Tracker"...), a
headline or a pull quote repeat what the body says, so the rules treat them
differently. :func:`assign_sections` decides the section of each block from its kind
and from the heading it sits under:

* ``heading`` and ``title`` blocks are ``headline``;
* blocks under a summary-like heading are ``summary`` until the next heading that is
  not summary-like; under a summary label paragraph ("Key Takeaways:", as plain text
  writes it) they are ``summary`` until the next heading, or the first paragraph after
  its list;
* ``quote`` blocks are ``quote``;
* everything else is ``body``.

A fact box ("Key facts", "At a glance": a short run of ``Label: value`` lines or a
two-column table such as "Founded: 2019", "Employees: 1,200", "Revenue: $40 million")
is a summary only when it repeats the body. When most of its figures are not restated
in the body of the same document, it is the document's record of those facts, not a
summary of it: its blocks are ``body``, so its facts are claims of the document (compared
with other documents as any body claim is) and not "summary not backed" warnings. A
summary box of sentences ("Key takeaways" bullets) is a summary whatever the body says.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Block

#: Headings whose following blocks summarise the document (lower case, letters only).
SUMMARY_HEADINGS = (
    "key takeaways",
    "takeaways",
    "key takeaway",
    "highlights",
    "key highlights",
    "key points",
    "key facts",
    "key findings",
    "key figures",
    "key numbers",
    "summary",
    "executive summary",
    "at a glance",
    "by the numbers",
    "in numbers",
    "tldr",
    "company watchlist",
    "watchlist",
    "watch list",
    "policy tracker",
    "tracker",
    "in brief",
    "quick facts",
    "fast facts",
)

_SUMMARY_RE = re.compile(
    r"(?:^|\s)(?:"
    + "|".join(re.escape(h) for h in sorted(SUMMARY_HEADINGS, key=len, reverse=True))
    + r")(?:\s|$)"
)


def _normalise(text: str) -> str:
    t = text.lower().replace("tl;dr", "tldr").replace("tl,dr", "tldr")
    t = re.sub(r"[^\w\s]", " ", t)
    return " ".join(t.split())


def is_summary_heading(text: str) -> bool:
    """True for headings such as "Key Takeaways", "TL;DR" or "Policy Tracker:"."""
    t = _normalise(text)
    if not t or len(t.split()) > 6:
        return False
    if t in SUMMARY_HEADINGS:
        return True
    return bool(_SUMMARY_RE.search(t))


def _is_summary_label(block: Block) -> bool:
    """A paragraph such as "Key Takeaways:" standing in for a heading."""
    text = block.text.rstrip()
    return block.kind != "quote" and len(text) <= 40 and text.endswith(":") and is_summary_heading(text)


_LABEL_RE = re.compile(r"[^\W\d_][^\d:.!?;]{0,40}?:(?=\s|$)")
_NUMBER_RE = re.compile(r"\d+(?:[,\u202f\u00a0]\d{3})*(?:\.\d+)?")


def is_fact_line(text: str) -> bool:
    """A ``Label: value`` line of a fact box ("Employees: 1,200", "Founded: 2019").

    The label is one to five words with no digits, the value a short phrase (six words at
    most), not a statement; several such pairs run together in one paragraph (a Markdown fact box
    written without list markers) count too.
    """
    t = " ".join(text.split())
    m = _LABEL_RE.match(t)
    if not m or len(m.group(0).split()) > 5:
        return False
    value = t[m.end() :].strip()
    if not value:
        return False
    pairs = 1 + len(re.findall(r"(?<=\S):(?=\s)", value))
    # a value is a datum ("$40 million", "Columbus, Ohio"), not a statement: a watchlist's
    # "Huawei (China): Ascend chips power 42% of new AI projects" is no fact line
    bare = re.sub(r"\([^()]*\)", " ", value)  # an aside in brackets ("(vs. Orrin's 30.8M)") is no statement
    if len(bare.split()) > 6 * pairs or re.search(r"[.!?]\s+[A-Z]", bare) and pairs == 1:
        return False
    return True


def _numbers(text: str) -> set[str]:
    """The numbers written in ``text``, normalised ("1,200" and "1200" are one)."""
    out = set()
    for m in _NUMBER_RE.finditer(text):
        n = re.sub(r"[,\u202f\u00a0]", "", m.group(0))
        if "." in n:
            n = n.rstrip("0").rstrip(".")
        out.add(n)
    return out


def _is_fact_item(block: Block) -> bool:
    return block.kind == "table_cell" or (block.kind in ("list_item", "paragraph") and is_fact_line(block.text))


def _unsummarise_fact_boxes(blocks: list[Block], sections: list[str]) -> None:
    """Set to ``body`` the summary runs that are fact boxes the body does not restate."""
    body_numbers: set[str] = set()
    for block, section in zip(blocks, sections):
        if section == "body":
            body_numbers |= _numbers(block.text)
    i = 0
    while i < len(blocks):
        if sections[i] != "summary":
            i += 1
            continue
        j = i
        while j < len(blocks) and sections[j] in ("summary", "quote"):
            j += 1
        # the box i..j: its label paragraph ("Key facts:") and the items under it, up to the
        # next heading or body paragraph (a pull quote inside it does not end it)
        items = [
            b for b, sec in zip(blocks[i:j], sections[i:j])
            if sec == "summary" and _numbers(b.text) and not _is_summary_label(b)
        ]
        facts = [b for b in items if _is_fact_item(b)]
        if items and 2 * len(facts) > len(items):
            restated = sum(1 for b in facts if _numbers(b.text) & body_numbers)
            if 2 * restated < len(facts):  # mostly not restated: the box is body content
                for k in range(i, j):
                    if sections[k] == "summary" and not _is_summary_label(blocks[k]):
                        sections[k] = "body"
        i = j


def assign_sections(blocks: list[Block]) -> list[Block]:
    """New blocks (via :func:`dataclasses.replace`) with ``section`` set."""
    sections = _sections(blocks)
    _unsummarise_fact_boxes(blocks, sections)
    return [
        block if block.section == section else dataclasses.replace(block, section=section)
        for block, section in zip(blocks, sections)
    ]


def _sections(blocks: list[Block]) -> list[str]:
    """The section of each block, from its kind and the heading it sits under."""
    out: list[str] = []
    in_summary = False
    labelled = listed = False  # a summary opened by a label paragraph; list items seen under it
    for block in blocks:
        if (
            labelled
            and listed
            and block.kind == "paragraph"
            and not _is_summary_label(block)
            and not is_fact_line(block.text)
        ):
            # "Key Takeaways:", its list, then the article: plain text has no heading to end it
            in_summary = labelled = False
        if block.kind in ("heading", "title"):
            in_summary = is_summary_heading(block.text)
            labelled = False
            section = "headline"
        elif _is_summary_label(block):
            # "Key Takeaways:" written as a paragraph of its own.
            in_summary = labelled = True
            listed = False
            section = "summary"
        elif block.kind == "quote":
            section = "quote"
        elif in_summary:
            section = "summary"
            # a list, or the "Label: value" lines of a fact box written as plain lines
            listed = listed or block.kind == "list_item" or is_fact_line(block.text)
        else:
            section = "body"
        out.append(section)
    return out
