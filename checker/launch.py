"""The ``claimgraph`` command's entry point.

``claimgraph --help`` is what a new user types first, and importing click alone costs about
as much as starting Python. So the top-level help is answered from the text click renders for
it, stored beside this module (``toplevel_help-<width>.txt``, one file for each help width a
terminal commonly gives: 78 columns for a pipe or an 80-column terminal, 98 for a wide one)
and checked against click's own rendering by ``tests/test_launch.py``, so the two cannot drift.
Any other arguments, or another width, go to :func:`checker.cli.main`, unchanged.

Regenerate the stored texts after changing the command group's help or its commands:
``python -m checker.launch --write-help``.
"""

from __future__ import annotations

import os
import shutil
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
#: The help widths stored: click's width is ``max(min(columns, 100) - 2, 50)`` (the group's
#: ``max_content_width`` is 100).
STORED_WIDTHS = (78, 98)
_HELP_ARGS = (["--help"], ["-h"])


def help_width() -> int:
    """The width click formats help to in this terminal (or pipe)."""
    return max(min(shutil.get_terminal_size().columns, 100) - 2, 50)


def help_path(width: int) -> str:
    return os.path.join(_HERE, f"toplevel_help-{width}.txt")


def stored_help(width: int) -> str | None:
    """The stored top-level help for ``width``, or None when there is none."""
    try:
        with open(help_path(width), encoding="utf-8") as f:
            return f.read()
    except OSError:
        return None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the top-level help without importing click where it can."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args in _HELP_ARGS:
        text = stored_help(help_width())
        if text is not None:
            try:
                sys.stdout.write(text)
                sys.stdout.flush()
            except BrokenPipeError:  # | head: the output ends there, quietly
                try:
                    sys.stdout = open(os.devnull, "w")
                except OSError:
                    pass
            return 0
    from .cli import main as cli_main

    return cli_main(args)


def render_help(width: int) -> str:
    """Click's rendering of the top-level help at ``width`` (what the stored files hold)."""
    import click

    from .cli import cli

    settings = {**cli.context_settings, "terminal_width": width + 2}
    with click.Context(cli, info_name="claimgraph", **settings) as ctx:
        return cli.get_help(ctx) + "\n"


def write_help() -> list[str]:
    """Write the stored help texts from click's rendering; the paths written."""
    from .store.atomic import write_text_atomic

    paths = []
    for width in STORED_WIDTHS:
        write_text_atomic(help_path(width), render_help(width))
        paths.append(help_path(width))
    return paths


if __name__ == "__main__":
    if sys.argv[1:] == ["--write-help"]:
        for path in write_help():
            print(path)
        sys.exit(0)
    sys.exit(main())
