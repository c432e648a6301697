"""Report formats: every format is rendered from the same :class:`~checker.model.Report`.

``render(report, fmt)`` renders one format by name (see :data:`FORMATS`);
``format_for_path(path)`` picks a format from an output file name; ``summary_line``
gives the one-line count every format shows. Findings appear in one deterministic
order in every format: severity rank, kind, first claim's path/line/column, rule id.
"""

from __future__ import annotations

import os
from typing import Callable

from checker.errors import ConfigError
from checker.model import Report

from . import csv_format, github, html, json_format, markdown, sarif, terminal
from ._common import sort_findings, summary_line

__all__ = ["FORMATS", "EXTENSIONS", "render", "format_for_path", "summary_line", "sort_findings"]

#: Format name -> function rendering a report as text.
FORMATS: dict[str, Callable[[Report], str]] = {
    "terminal": terminal.render,
    "json": json_format.render,
    "markdown": markdown.render,
    "html": html.render,
    "sarif": sarif.render,
    "github": github.render,
    "csv": csv_format.render,
}

#: File name endings -> format, longest first so ``.sarif.json`` wins over ``.json``.
EXTENSIONS: tuple[tuple[str, str], ...] = (
    (".sarif.json", "sarif"),
    (".markdown", "markdown"),
    (".sarif", "sarif"),
    (".json", "json"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "terminal"),
    (".md", "markdown"),
    (".csv", "csv"),
)


def render(report: Report, fmt: str) -> str:
    """Render ``report`` in format ``fmt`` (a key of :data:`FORMATS`)."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ConfigError(f"unknown report format {fmt!r} (choose from {', '.join(sorted(FORMATS))})") from None
    return renderer(report)


def format_for_path(path: str) -> str | None:
    """The format an output path's extension implies, or None when it implies none."""
    name = os.path.basename(str(path)).lower()
    for ending, fmt in EXTENSIONS:
        if name.endswith(ending):
            return fmt
    return None
