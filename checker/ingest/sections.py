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


def assign_sections(blocks: list[Block]) -> list[Block]:
    """New blocks (via :func:`dataclasses.replace`) with ``section`` set."""
    out: list[Block] = []
    in_summary = False
    labelled = listed = False  # a summary opened by a label paragraph; list items seen under it
    for block in blocks:
        if labelled and listed and block.kind == "paragraph" and not _is_summary_label(block):
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
            listed = listed or block.kind == "list_item"
        else:
            section = "body"
        out.append(block if block.section == section else dataclasses.replace(block, section=section))
    return out
