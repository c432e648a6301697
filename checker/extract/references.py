"""Reference lists: which citation numbers a document defines.

A document defines references when it has a heading such as "References", "Sources",
"Notes" or "Bibliography", or lines that open with a marker like ``[3]`` or ``3.``
after such a heading, or footnote definitions (``[^3]:``, ``[3]:`` at a line start).
"""

from __future__ import annotations

import re

_HEADING = re.compile(
    r"^[ \t#>*]*(?:<h[1-6][^>]*>\s*)?(references|sources|notes|bibliography|footnotes|works cited|citations|endnotes)\b[ \t:]*"
    r"(?:</h[1-6]>)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_ENTRY = re.compile(r"^[ \t]*(?:<li[^>]*>)?[ \t]*\[?\^?(\d{1,4})[\].):]", re.MULTILINE)
_FOOTNOTE_DEF = re.compile(r"^[ \t]*\[\^?(\d{1,4})\]:", re.MULTILINE)


def reference_numbers(text: str) -> set[int] | None:
    """The numbers the document's reference list defines; None when it has no list."""
    numbers = {int(m.group(1)) for m in _FOOTNOTE_DEF.finditer(text)}
    heading = None
    for heading in _HEADING.finditer(text):
        pass  # the last such heading: reference lists close a document
    if heading is not None:
        numbers |= {int(m.group(1)) for m in _ENTRY.finditer(text, heading.end())}
        return numbers or set()
    return numbers or None
