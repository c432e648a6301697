"""claimgraph: find the figures and dates that documents state, and which of them conflict.

The Python API (:mod:`checker.api`) is importable from here: ``checker.scan(paths, **options)``,
``checker.check(drafts, against=..., **options)``, ``checker.index(paths, folder, **options)``,
``checker.compare(text_a, text_b, **options)`` and ``checker.Session``. They are loaded on first
use, so that ``import checker`` (and ``claimgraph --help``) stays light.
"""

__version__ = "0.1.0"

_API = ("scan", "check", "index", "compare", "Session", "exit_code")
__all__ = ["__version__", *_API, "Report"]


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    if name == "Report":
        from .model import Report

        return Report
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
