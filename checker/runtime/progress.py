"""A progress bar on stderr for long runs, shown only when stderr is a terminal.

Stages: reading (files), extracting (documents), embedding (sentences, by batch) and
rules (candidate pairs). ``--quiet`` or a stderr that is not a terminal (CI logs,
pipes) turns it off; tqdm is imported only when a bar is shown.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass


class Progress:
    """Stage bars; a disabled one does nothing."""

    def __init__(self, enabled: bool = False, stream=None) -> None:
        self.enabled = enabled
        self.stream = stream

    @contextmanager
    def stage(self, name: str, total: int | None, unit: str = "it") -> Iterator:
        if not self.enabled:
            yield _NoBar()
            return
        from tqdm import tqdm

        bar = tqdm(
            total=total, desc=f"claimgraph: {name}", unit=unit, file=self.stream or sys.stderr,
            leave=False, dynamic_ncols=True, mininterval=0.2,
        )
        try:
            yield bar
        finally:
            bar.close()

    def iterate(self, name: str, items: Iterable[T], total: int | None, unit: str = "it") -> Iterator[T]:
        with self.stage(name, total, unit) as bar:
            for item in items:
                yield item
                bar.update(1)


NO_PROGRESS = Progress(False)


def for_stderr(quiet: bool = False) -> Progress:
    """Bars on stderr when it is a terminal and the run is not quiet."""
    try:
        tty = sys.stderr.isatty()
    except (AttributeError, ValueError):
        tty = False
    return Progress(enabled=tty and not quiet)
