"""Baselines: the fingerprints of findings a team has accepted, so a run fails only on new ones.

``--write-baseline FILE`` writes the fingerprints of a run's findings (JSON, sorted,
written atomically); ``--baseline FILE`` drops the findings whose fingerprint is in it.
A fingerprint (:mod:`checker.judge.findings`) hashes the rule, each claim's path and sentence
and the figures at stake, never a line number, so edits elsewhere in a file keep it.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..store.atomic import write_text_atomic
from ..errors import ConfigError
from ..model import Claim, Finding

SCHEMA = "claimgraph/baseline@1"


def baseline_text(findings: list[Finding], claims: dict[str, Claim]) -> str:
    """The baseline file for ``findings``: one entry a fingerprint, sorted, with the rule and
    paths beside it for people reading a diff of the file."""
    entries: dict[str, dict] = {}
    for f in findings:
        paths = sorted({claims[c].path for c in f.claims if c in claims})
        entries[f.fingerprint] = {"fingerprint": f.fingerprint, "rule": f.rule, "paths": paths}
    data = {"schema": SCHEMA, "findings": [entries[k] for k in sorted(entries)]}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def write_baseline(path: str | Path, findings: list[Finding], claims: dict[str, Claim]) -> None:
    write_text_atomic(path, baseline_text(findings, claims))


def read_baseline(path: str | Path) -> set[str]:
    """The fingerprints in a baseline file; a missing or malformed file is a ConfigError."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"no such baseline file: {path} (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read baseline file: {exc}", str(path)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"malformed baseline (not JSON: {exc.msg})", f"{path}:{exc.lineno}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise ConfigError(f"not a claimgraph baseline (expected {{\"schema\": \"{SCHEMA}\", \"findings\": [...]}})", str(path))
    out = set()
    for entry in data["findings"]:
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not fp:
            raise ConfigError("malformed baseline: every finding needs a 'fingerprint' string", str(path))
        out.add(fp)
    return out


def apply_baseline(findings: list[Finding], fingerprints: set[str]) -> tuple[list[Finding], int]:
    """The findings not in the baseline, and how many were dropped."""
    kept = [f for f in findings if f.fingerprint not in fingerprints]
    return kept, len(findings) - len(kept)
