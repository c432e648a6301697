"""Errors that end a run with exit code 2 and a one-line message.

Anything the user can fix (a bad path, a malformed rule file, a bad option) is raised
as a :class:`ClaimgraphError`; the command line prints ``claimgraph: error: <message>``
and exits 2. ``location`` names the file (and line) at fault when there is one.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """A usage, configuration or input error: exit code 2, one line, no traceback."""

    def __init__(self, message: str, location: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location:
            return f"{self.location}: {self.message}"
        return self.message


class InputError(ClaimgraphError):
    """A document that cannot be read or decoded."""


class ConfigError(ClaimgraphError):
    """A malformed rule file, configuration file or option value."""
