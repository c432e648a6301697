"""Import :mod:`inflect` without its run-time type checking, which costs seconds.

inflect decorates its engine's methods with typeguard's ``@typechecked``, which
re-parses and recompiles inflect's source once per method at import time: about
2-4 s on every start of claimgraph (measured with ``python -X importtime``), more
than the rest of claimgraph's import together. claimgraph calls inflect with plain
strings only, so the checks buy nothing; the decorator is made a pass-through while
inflect is imported, and restored right after.
"""

from __future__ import annotations

import sys


def load_inflect():
    """The :mod:`inflect` module, imported without typeguard instrumentation."""
    if "inflect" in sys.modules:
        return sys.modules["inflect"]
    try:
        import typeguard
    except ImportError:  # pragma: no cover - inflect without typeguard
        import inflect

        return inflect
    real = typeguard.typechecked

    def passthrough(target=None, **_options):
        return target if target is not None else (lambda t: t)

    typeguard.typechecked = passthrough
    try:
        import inflect
    finally:
        typeguard.typechecked = real
    return inflect
