"""Configuration: ``[tool.claimgraph]`` in ``pyproject.toml``, or a ``claimgraph.toml``.

The file is found in the current folder or the nearest parent that has one (a
``claimgraph.toml`` wins over a ``pyproject.toml`` in the same folder; a
``pyproject.toml`` without a ``[tool.claimgraph]`` table is passed over), or named
with ``--config FILE``. Flags and the environment override it: the layers are resolved
in one place, :func:`checker.settings.resolve_settings`.

Every key is checked: an unknown key, an unknown rule id, a parameter the rule's kind
does not declare or a value of the wrong type is a :class:`~checker.errors.ConfigError`
naming the file and line. ``tomllib`` reports no line for a value, so
:func:`key_line` finds the line of a key (and of a value inside a list) by scanning
the file's text.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tomllib
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .errors import ConfigError
from .model import SEVERITIES
from .choices import BACKENDS, DEVICES, FAIL_LEVELS, REVIEW_SEVERITIES, iso_date

#: ``disable = ["all"]`` turns every rule off (top level or in an override).
ALL = "all"

_KEYS = (
    "rules", "disable", "severity", "params", "model", "device", "backend", "fail_on", "cache_dir", "max_size", "overrides", "nli",
    "review_severity", "nlp_model", "date",
)
_OVERRIDE_KEYS = ("paths", "disable", "severity")


@dataclass(frozen=True)
class Override:
    """Rule settings for findings whose first claim's path matches one of ``paths``."""

    paths: tuple[str, ...]
    disable: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    index: int = 0  # position in the file, for error messages


@dataclass
class Config:
    """The configuration file's settings (every field empty or None when there is no file)."""

    source: str | None = None  # the file, as shown in messages
    text: str = ""
    prefix: tuple[str, ...] = ()  # ("tool", "claimgraph") in a pyproject.toml
    rules: list[str] = field(default_factory=list)  # resolved against the file's folder
    disable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    model: str | None = None
    device: str | None = None
    backend: str | None = None
    fail_on: str | None = None
    cache_dir: str | None = None  # resolved against the file's folder
    max_size: float | None = None  # document size limit in MiB (0: no limit), as --max-size
    nlp_model: str | None = None  # the spaCy pipeline of the fact binder (checker.frame.nlp); None: the default
    nli: str | None = None  # an NLI cross-encoder (checker.nli); None: the NLI stage is off
    review_severity: str | None = None  # what a claim-ledger "review" counts as for fail_on (checker.ledger)
    date: str | None = None  # ISO date of the documents that state none, as --date
    overrides: list[Override] = field(default_factory=list)

    @property
    def root(self) -> Path:
        """The folder override globs are relative to: the file's, else the current one."""
        return Path(self.source).resolve().parent if self.source else Path.cwd()

    def where(self, path: Sequence[str | int] = (), value: str | None = None) -> str | None:
        """``file:line`` of a key (relative to the claimgraph table) or of a value in it."""
        if self.source is None:
            return None
        return f"{self.source}:{key_line(self.text, (*self.prefix, *path), value)}"

    # ------------------------------------------------------------------ rules

    def check_rules(self, rules) -> None:
        """Raise :class:`ConfigError` for a rule id, parameter or value that does not fit ``rules``."""
        from .judge.rulekinds import KINDS

        by_id = {r.id: r for r in rules}
        known = ", ".join(sorted(by_id))

        def need(rule_id: str, path: Sequence[str | int], as_value: bool, allow_all: bool = False) -> None:
            if rule_id in by_id or (allow_all and rule_id == ALL):
                return
            where = self.where(path, rule_id) if as_value else self.where((*path, rule_id))
            raise ConfigError(f"unknown rule id {rule_id!r} (known: {known})", where)

        for rule_id in self.disable:
            need(rule_id, ("disable",), True, allow_all=True)
        for rule_id in self.severity:
            need(rule_id, ("severity",), False)
        for rule_id, params in self.params.items():
            need(rule_id, ("params",), False)
            kind = KINDS[by_id[rule_id].kind]
            for name, value in params.items():
                spec = kind.params.get(name)
                where = self.where(("params", rule_id, name))
                if spec is None:
                    names = ", ".join(sorted(kind.params)) or "none"
                    raise ConfigError(f"unknown parameter {name!r} for rule {rule_id} (kind {kind.name}; known: {names})", where)
                if not _fits(value, spec.type):
                    raise ConfigError(f"parameter {name!r} of {rule_id} must be a {spec.type.__name__}, not {value!r}", where)
        for o in self.overrides:
            for rule_id in o.disable:
                need(rule_id, ("overrides", o.index, "disable"), True, allow_all=True)
            for rule_id in o.severity:
                need(rule_id, ("overrides", o.index, "severity"), False)

    def apply_to_rules(self, rules) -> list:
        """The rules with this file's ``disable``, ``severity`` and ``params`` applied."""
        out = []
        for rule in rules:
            changes: dict[str, Any] = {}
            if rule.id in self.disable or ALL in self.disable:
                changes["enabled"] = False
            if rule.id in self.severity:
                changes["severity"] = self.severity[rule.id]
            if rule.id in self.params:
                params = dict(rule.params)
                for name, value in self.params[rule.id].items():
                    params[name] = float(value) if isinstance(value, int) and not isinstance(value, bool) and _param_type(rule, name) is float else value
                changes["params"] = params
            out.append(dataclasses.replace(rule, **changes) if changes else rule)
        return out

    # ------------------------------------------------------------------ findings

    def override_for(self, path: str) -> list[Override]:
        """The overrides whose globs match ``path`` (a claim's path), in file order."""
        if not self.overrides:
            return []
        names = _path_forms(path, self.root)
        return [o for o in self.overrides if any(glob_match(p, n) for p in o.paths for n in names)]

    def apply_overrides(self, findings, claims: dict) -> list:
        """Drop or re-grade findings by the overrides matching their first claim's path."""
        if not self.overrides:
            return list(findings)
        out = []
        for f in findings:
            first = claims.get(f.claims[0]) if f.claims else None
            if first is None:
                out.append(f)
                continue
            severity, dropped = f.severity, False
            for o in self.override_for(first.path):
                if f.rule in o.disable or ALL in o.disable:
                    dropped = True
                if f.rule in o.severity:
                    severity = o.severity[f.rule]
            if dropped:
                continue
            out.append(f if severity == f.severity else dataclasses.replace(f, severity=severity))
        return out

    def disables(self, rule: str, claims: dict, claim_ids) -> bool:
        """Whether an override switches ``rule`` off for the first of these claims' path
        (as :meth:`apply_overrides` does for a finding's first claim)."""
        first = claims.get(next(iter(claim_ids), None))
        if not self.overrides or first is None:
            return False
        return any(rule in o.disable or ALL in o.disable for o in self.override_for(first.path))

    # ------------------------------------------------------------------ printing

    def effective(self, **resolved: Any) -> dict[str, Any]:
        """The settings in force, file values overlaid with ``resolved`` (flags, defaults)."""
        data: dict[str, Any] = {
            "config": self.source,
            "rules": list(self.rules),
            "disable": list(self.disable),
            "severity": dict(sorted(self.severity.items())),
            "params": {k: dict(sorted(v.items())) for k, v in sorted(self.params.items())},
            "model": self.model,
            "device": self.device,
            "backend": self.backend,
            "fail_on": self.fail_on,
            "cache_dir": self.cache_dir,
            "max_size": self.max_size,
            "nli": self.nli,
            "nlp_model": self.nlp_model,
            "review_severity": self.review_severity,
            "date": self.date,
        }
        data.update(resolved)
        data["overrides"] = [
            {"paths": list(o.paths), "disable": list(o.disable), "severity": dict(sorted(o.severity.items()))}
            for o in self.overrides
        ]
        return data


def _param_type(rule, name: str):
    from .judge.rulekinds import KINDS

    spec = KINDS[rule.kind].params.get(name)
    return spec.type if spec else None


def _fits(value: Any, typ: type) -> bool:
    if typ is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if typ is bool:
        return isinstance(value, bool)
    return isinstance(value, typ) and not isinstance(value, bool)


# ---------------------------------------------------------------------- finding and reading


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file for a run started in ``start`` (default: the current folder)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        mine = candidate / "claimgraph.toml"
        if mine.is_file():
            return mine
        project = candidate / "pyproject.toml"
        if project.is_file() and _has_tool_table(project):
            return project
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that mentions us is reported when read; otherwise skip it.
        try:
            return "[tool.claimgraph" in path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    return isinstance(data.get("tool"), dict) and "claimgraph" in data["tool"]


def load_config(path: str | os.PathLike | None = None, start: Path | None = None) -> Config:
    """Read and check the configuration file named, else the one found from ``start``.

    No file gives an empty :class:`Config`. Rule ids are checked later, against the
    loaded rules, by :meth:`Config.check_rules`.
    """
    if path is None:
        found = find_config(start)
        if found is None:
            return Config()
        shown = _shown(found)
        file = found
    else:
        file = Path(path)
        shown = str(path)
        if not file.is_file():
            raise ConfigError(f"no such configuration file: {path}")
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration file: {exc}", shown) from None
    return parse_config(text, shown, pyproject=file.name == "pyproject.toml")


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def parse_config(text: str, shown: str, pyproject: bool = False) -> Config:
    """Parse and check the text of a configuration file shown as ``shown`` in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = re.search(r"\(at line (\d+), column \d+\)", message)
        where = f"{shown}:{m.group(1)}" if m else shown
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message)
        raise ConfigError(f"malformed TOML: {message}", where) from None
    prefix: tuple[str, ...] = ()
    if pyproject:
        prefix = ("tool", "claimgraph")
        table = data.get("tool", {}).get("claimgraph", {}) if isinstance(data.get("tool"), dict) else {}
    else:
        table = data
    config = Config(source=shown, text=text, prefix=prefix)
    if not isinstance(table, dict):
        raise ConfigError("[tool.claimgraph] must be a table", config.where())
    base = Path(shown).resolve().parent

    def fail(message: str, path: Sequence[str | int], value: str | None = None):
        raise ConfigError(message, config.where(path, value))

    for key in table:
        if key not in _KEYS:
            fail(f"unknown key {key!r} (expected one of {', '.join(_KEYS)})", (key,))
    config.rules = [str(_relative_to(base, p)) for p in _strings(table, "rules", fail)]
    config.disable = _strings(table, "disable", fail)
    config.severity = _severities(table.get("severity", {}), ("severity",), fail)
    params = table.get("params", {})
    if not isinstance(params, dict):
        fail("'params' must be a table of rule id -> table of parameter = value", ("params",))
    for rule_id, values in params.items():
        if not isinstance(values, dict):
            fail(f"params.{rule_id} must be a table of parameter = value", ("params", rule_id))
    config.params = {k: dict(v) for k, v in params.items()}
    for key, choices in (
        ("model", None), ("device", DEVICES), ("backend", BACKENDS), ("fail_on", FAIL_LEVELS), ("cache_dir", None), ("nli", None),
        ("review_severity", REVIEW_SEVERITIES), ("nlp_model", None),
    ):
        if key not in table:
            continue
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            fail(f"{key!r} must be a non-empty string", (key,))
        if choices and value not in choices:
            fail(f"{key!r} must be one of {', '.join(choices)}, not {value!r}", (key,))
        setattr(config, key, value)
    if "max_size" in table:
        config.max_size = _size_mb(table["max_size"], fail)
    if "date" in table:
        config.date = iso_date(table["date"])
        if config.date is None:
            fail(f"'date' must be a date, YYYY-MM-DD, not {table['date']!r}", ("date",))
    if config.cache_dir is not None:
        config.cache_dir = str(_relative_to(base, config.cache_dir))
    if config.model is not None and config.model.startswith(("./", "../", "~")):
        config.model = str(_relative_to(base, config.model))  # a model folder; names stay as written
    if config.nli is not None and config.nli.startswith(("./", "../", "~")):
        config.nli = str(_relative_to(base, config.nli))
    overrides = table.get("overrides", [])
    if not isinstance(overrides, list) or not all(isinstance(o, dict) for o in overrides):
        fail("'overrides' must be an array of tables ([[tool.claimgraph.overrides]])", ("overrides",))
    for n, item in enumerate(overrides):
        here = ("overrides", n)
        for key in item:
            if key not in _OVERRIDE_KEYS:
                fail(f"unknown key {key!r} in an override (expected one of {', '.join(_OVERRIDE_KEYS)})", (*here, key))
        paths = _strings(item, "paths", fail, here)
        if not paths:
            fail("an override needs 'paths', a non-empty list of glob patterns", here)
        config.overrides.append(
            Override(
                paths=tuple(paths),
                disable=tuple(_strings(item, "disable", fail, here)),
                severity=_severities(item.get("severity", {}), (*here, "severity"), fail),
                index=n,
            )
        )
    return config


def _size_mb(value: Any, fail) -> float:
    """``max_size``: a number of MiB, 0 for no limit (the same values as ``--max-size``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (0 <= value < float("inf")):
        fail(f"'max_size' must be 0 (no limit) or a positive number of MB, not {value!r}", ("max_size",))
    return float(value)


def _relative_to(base: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


def _strings(table: dict, key: str, fail, here: tuple = ()) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        fail(f"{key!r} must be a list of strings", (*here, key))
    for item in value:
        if not isinstance(item, str) or not item.strip():
            fail(f"{key!r} must be a list of non-empty strings, not {item!r}", (*here, key), str(item))
    return list(value)


def _severities(value: Any, path: tuple, fail) -> dict[str, str]:
    if not isinstance(value, dict):
        fail(f"{path[-1]!r} must be a table of rule id = severity", path)
    for rule_id, severity in value.items():
        if severity not in SEVERITIES:
            fail(f"severity of {rule_id} must be one of {', '.join(SEVERITIES)}, not {severity!r}", (*path, rule_id))
    return dict(value)


# ---------------------------------------------------------------------- lines of keys

_BARE = r"[A-Za-z0-9_-]+"
_QUOTED = r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\''
_KEY = rf"(?:{_BARE}|{_QUOTED})"
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_HEADER = re.compile(rf"^[ \t]*(\[\[?)[ \t]*({_DOTTED})[ \t]*\]")
_ASSIGN = re.compile(rf"^[ \t]*({_DOTTED})[ \t]*=")
_PART = re.compile(_KEY)


def _split_key(dotted: str) -> tuple[str, ...]:
    parts = []
    for m in _PART.finditer(dotted):
        token = m.group(0)
        if token[0] in "\"'":
            token = json.loads(token) if token[0] == '"' else token[1:-1]
        parts.append(token)
    return tuple(parts)


def key_line(text: str, path: Sequence[str | int], value: str | None = None) -> int:
    """The 1-based line of TOML ``text`` that sets the key ``path``, else 1.

    ``path`` is a tuple of keys from the top of the document, with integers for the
    position in an array of tables: ``("tool", "claimgraph", "overrides", 0, "disable")``.
    The line is that of the longest prefix of ``path`` that the text sets (as a
    ``[table]`` header, a ``key =`` or a dotted ``a.b =``); the rest of the path is then
    looked for as an inline-table key on that line or the next ones. With ``value``,
    the line of that string value (in a list spread over lines) is returned.
    """
    path = tuple(path)
    table: tuple = ()
    arrays: dict[tuple, int] = {}
    lines = text.splitlines()
    best, best_len = 0, -1
    in_string: str | None = None
    for n, line in enumerate(lines):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        m = _HEADER.match(line)
        if m:
            parts = _split_key(m.group(2))
            if m.group(1) == "[[":
                arrays[parts] = arrays.get(parts, -1) + 1
                table = (*parts, arrays[parts])
            else:
                table = parts
            full = table
        else:
            m = _ASSIGN.match(line)
            if not m:
                continue
            full = (*table, *_split_key(m.group(1)))
            rest = line[m.end():]
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    in_string = quote
        if path[: len(full)] == full and len(full) > best_len:
            best, best_len = n, len(full)
            if len(full) == len(path):
                break
    line = best
    if best_len < 0:
        return 1
    # The rest of the path inside an inline table: look for `key =` on this line and below.
    for part in path[best_len:]:
        if not isinstance(part, str):
            continue
        pattern = re.compile(rf"(?:^|[{{,\s]){re.escape(part) if re.fullmatch(_BARE, part) else re.escape(json.dumps(part))}[ \t]*=")
        for k in range(line, min(len(lines), line + 200)):
            if k > line and _HEADER.match(lines[k]):
                break
            if pattern.search(lines[k]):
                line = k
                break
    if value is not None:
        literal = re.compile(r"[\"']" + re.escape(value) + r"[\"']")
        for k in range(line, min(len(lines), line + 200)):
            if k > line and (_HEADER.match(lines[k]) or _ASSIGN.match(lines[k])):
                break
            if literal.search(lines[k]):
                return k + 1
    return line + 1


# ---------------------------------------------------------------------- globs


def _path_forms(path: str, root: Path) -> list[str]:
    """``path`` as given, and relative to ``root`` (POSIX), for glob matching."""
    forms = [Path(path).as_posix()]
    try:
        rel = Path(os.path.abspath(path)).relative_to(root)
        forms.append(rel.as_posix())
    except ValueError:
        pass
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=None)
def _glob_flags() -> int:
    from wcmatch import glob

    # ``**`` across folders, ``*`` also matching names that start with a dot, a pattern with
    # no ``/`` matching the file name, ``/`` the only separator on every platform
    return glob.GLOBSTAR | glob.DOTGLOB | glob.MATCHBASE | glob.FORCEUNIX


def glob_match(pattern: str, path: str) -> bool:
    """Whether POSIX ``path`` matches the glob ``pattern`` (wcmatch): ``*`` within a folder
    name, ``**`` across folders, ``?``, ``[abc]``, ``[!abc]``; a pattern with no ``/`` also
    matches the file name; a pattern ending in ``/`` matches everything under that folder."""
    from wcmatch import glob

    p = pattern[2:] if pattern.startswith("./") else pattern
    if p.endswith("/"):
        p += "**"
    return glob.globmatch(path, p, flags=_glob_flags())


# ---------------------------------------------------------------------- printing


def to_toml(data: dict[str, Any], table: str = "tool.claimgraph") -> str:
    """TOML text (tomli-w) for the effective configuration, as the ``table`` table; a
    setting that is None is not written, and a comment above the table says so."""
    import tomli_w

    nested: dict[str, Any] = {k: v for k, v in data.items() if v is not None}
    for part in reversed(table.split(".")):
        nested = {part: nested}
    unset = "".join(f"# {key} is not set\n" for key, value in data.items() if value is None)
    return unset + tomli_w.dumps(nested)
