"""JSON text of report data, indented two spaces, fast.

The standard library's encoder writes indented JSON in pure Python (its C encoder only
writes without indentation): on the 10,000-document benchmark's report (173 MB) that is
about 5.5 s of a scan's end. orjson writes the same text, two-space indented, UTF-8
characters as they are, keys in their order, in under half a second. It differs from
``json.dumps`` only where neither is wrong: a float below 1e-4 keeps its exponent without a
leading zero (``1e-7`` where the standard library writes ``1e-07``: the same number), NaN is
``null`` (the standard library writes ``NaN``, which is not JSON). Data orjson does not take
(an integer beyond 64 bits) is written by the standard library instead.
"""

from __future__ import annotations

import json
from numbers import Integral, Real
from typing import Any

import orjson

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS | orjson.OPT_APPEND_NEWLINE


def json_text(data: Any) -> str:
    """``data`` as JSON text, two-space indented, ending with a newline."""
    try:
        return orjson.dumps(data, default=_plain, option=_OPTIONS).decode("utf-8")
    except orjson.JSONEncodeError:
        return json.dumps(data, ensure_ascii=False, indent=2, default=_plain) + "\n"


def _plain(value: Any) -> Any:
    """A number type orjson does not know (numpy's) as Python's, else TypeError as json raises."""
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
