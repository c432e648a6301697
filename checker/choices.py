"""The values the command line's flags and the configuration file's keys accept, defined once.

Read by :mod:`checker.settings` (which resolves a run's settings), :mod:`checker.config`
(which validates the configuration file), the command line (for ``--help``) and the ONNX
encoder; this module imports nothing heavy.
"""

from __future__ import annotations

from .ordering import SEVERITIES

#: ``--fail-on`` and ``fail_on``: exit 1 when a finding is at or above this severity; ``never``: exit 0.
FAIL_LEVELS = (*SEVERITIES, "never")
#: ``--device`` and ``device``: where the encoder runs.
DEVICES = ("cpu", "cuda", "auto")
#: ``--backend`` and ``backend``: the encoder runtime (:mod:`checker.embed.onnx_encoder` for the ONNX ones).
BACKENDS = ("torch", "onnx", "onnx-int8")
#: ``--review-severity`` and ``review_severity``: the severity a claim-ledger ``review`` entry counts as
#: for ``--fail-on`` (:mod:`checker.ledger`); ``none``: it never fails a run.
REVIEW_SEVERITIES = ("none", *SEVERITIES)


def iso_date(value: object) -> str | None:
    """``--date`` and ``date``: the ``YYYY-MM-DD`` date ``value`` names (a string, or a TOML
    date), or None when it names none (a malformed or impossible date)."""
    import datetime
    import re

    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None
