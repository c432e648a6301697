"""Rules: YAML files that instantiate a rule kind with an id, a severity and parameters.

The built-in rules live in the repository's ``rules/`` folder, shipped inside the
package as ``checker.builtin_rules``; users add their own files with ``--rules``.
Every key is checked: an unknown key, kind, parameter or severity, or a value of
the wrong type, is an error that names the file and line.
"""

from __future__ import annotations

import importlib.resources
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from ..model import SEVERITIES
from .rulekinds import KINDS, RuleKind

_ID = re.compile(r"^[A-Z]{2,8}[0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
_KEYS = {"id", "name", "kind", "finding", "severity", "description", "message", "params", "examples", "enabled", "source"}
_REQUIRED = ("id", "name", "kind", "finding", "severity", "description", "message", "examples")
_MESSAGE_FIELDS = {"reason", "a", "b", "thing", "rule", "name"}


@dataclass(frozen=True)
class Example:
    """A documented case: two texts and whether the rule must fire on them."""

    expect: str  # "fail" (the rule reports) or "pass" (it does not)
    a: str
    b: str


@dataclass
class Rule:
    id: str
    name: str
    kind: str
    finding: str
    severity: str
    description: str
    message: str
    params: dict[str, Any]
    examples: list[Example]
    path: str
    enabled: bool = True
    source: str = ""
    impl: RuleKind = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.impl = KINDS[self.kind](self.params)

    def format_message(self, fields: dict[str, str], reason: str) -> str:
        values = {"reason": reason, "rule": self.id, "name": self.name, "a": "", "b": "", "thing": ""}
        values.update(fields)
        return self.message.format(**values).strip()


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping key."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = _LineDict()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _LineDict(dict):
    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Any, int] = {}
        self.line = 1


def _at(path: str, data: Any, key: Any = None) -> str:
    line = getattr(data, "lines", {}).get(key) if key is not None else None
    line = line or getattr(data, "line", 1)
    return f"{path}:{line}"


def load_rule_file(path: Path, display: str | None = None) -> Rule:
    """Read and validate one rule file."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read rule file: {exc}", shown) from None
    return parse_rule(text, shown)


def parse_rule(text: str, shown: str) -> Rule:
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{shown}:{mark.line + 1}" if mark else shown
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"malformed YAML: {problem}", where) from None
    if not isinstance(data, dict):
        raise ConfigError("a rule file must hold a mapping", f"{shown}:1")
    for key in data:
        if key not in _KEYS:
            raise ConfigError(f"unknown key {key!r} (expected one of {', '.join(sorted(_KEYS))})", _at(shown, data, key))
    for key in _REQUIRED:
        if key not in data:
            raise ConfigError(f"missing key {key!r}", _at(shown, data))
    for key in ("id", "name", "kind", "finding", "severity", "description", "message"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise ConfigError(f"{key!r} must be a non-empty string", _at(shown, data, key))
    if not _ID.match(data["id"]):
        raise ConfigError(f"rule id {data['id']!r} must look like NUM001", _at(shown, data, "id"))
    if not _NAME.match(data["name"]):
        raise ConfigError(f"rule name {data['name']!r} must be dotted lower case, like numeric.mismatch", _at(shown, data, "name"))
    if data["kind"] not in KINDS:
        raise ConfigError(f"unknown rule kind {data['kind']!r} (known: {', '.join(sorted(KINDS))})", _at(shown, data, "kind"))
    if data["severity"] not in SEVERITIES:
        raise ConfigError(f"severity must be one of {', '.join(SEVERITIES)}, not {data['severity']!r}", _at(shown, data, "severity"))
    _check_message(data["message"], _at(shown, data, "message"))
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError("'enabled' must be true or false", _at(shown, data, "enabled"))
    kind = KINDS[data["kind"]]
    params = _check_params(data.get("params") or {}, kind, shown, data)
    examples = _check_examples(data["examples"], shown, data)
    return Rule(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        finding=data["finding"],
        severity=data["severity"],
        description=" ".join(data["description"].split()),
        message=data["message"],
        params=params,
        examples=examples,
        path=shown,
        enabled=enabled,
        source=str(data.get("source", "")),
    )


def _check_message(message: str, where: str) -> None:
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(message) if f is not None}
    except ValueError as exc:
        raise ConfigError(f"malformed message template: {exc}", where) from None
    unknown = names - _MESSAGE_FIELDS
    if unknown:
        raise ConfigError(
            f"message uses unknown field(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(_MESSAGE_FIELDS))})",
            where,
        )


def _check_params(params: Any, kind: type[RuleKind], shown: str, data: dict) -> dict[str, Any]:
    if not isinstance(params, dict):
        raise ConfigError("'params' must be a mapping", _at(shown, data, "params"))
    checked = {}
    for name, value in params.items():
        spec = kind.params.get(name)
        if spec is None:
            known = ", ".join(sorted(kind.params)) or "none"
            raise ConfigError(f"unknown parameter {name!r} for kind {kind.name} (known: {known})", _at(shown, params, name))
        if spec.type is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, spec.type) or isinstance(value, bool) != (spec.type is bool):
            raise ConfigError(f"parameter {name!r} must be a {spec.type.__name__}, not {value!r}", _at(shown, params, name))
        checked[name] = value
    return checked


def _check_examples(examples: Any, shown: str, data: dict) -> list[Example]:
    if not isinstance(examples, list) or not examples:
        raise ConfigError("'examples' must be a non-empty list of fail/pass cases", _at(shown, data, "examples"))
    out = []
    for item in examples:
        if not isinstance(item, dict) or len(item) != 1 or next(iter(item)) not in ("fail", "pass"):
            raise ConfigError("each example is a mapping with one key, 'fail' or 'pass'", _at(shown, data, "examples"))
        expect, case = next(iter(item.items()))
        if not isinstance(case, dict) or set(case) != {"a", "b"} or not all(isinstance(v, str) for v in case.values()):
            raise ConfigError(f"a {expect!r} example needs exactly the texts 'a' and 'b'", _at(shown, item, expect))
        out.append(Example(expect, case["a"], case["b"]))
    kinds = {e.expect for e in out}
    if kinds != {"fail", "pass"}:
        raise ConfigError("a rule must document at least one failing and one passing example", _at(shown, data, "examples"))
    return out


def builtin_rule_files() -> list[tuple[Path, str]]:
    folder = importlib.resources.files("checker.builtin_rules")
    files = sorted((p for p in folder.iterdir() if p.name.endswith((".yml", ".yaml"))), key=lambda p: p.name)
    return [(Path(str(p)), f"rules/{p.name}") for p in files]


def load_rules(extra: list[str] | None = None) -> list[Rule]:
    """The built-in rules plus every rule file under the given files or folders."""
    sources = builtin_rule_files()
    for item in extra or []:
        path = Path(item)
        if path.is_dir():
            sources += [(p, str(p)) for p in sorted(path.glob("*.y*ml"))]
        elif path.is_file():
            sources.append((path, str(path)))
        else:
            raise ConfigError(f"no such rule file or folder: {item}")
    rules: dict[str, Rule] = {}
    for path, shown in sources:
        rule = load_rule_file(path, shown)
        if rule.id in rules:
            raise ConfigError(f"rule id {rule.id} is already defined in {rules[rule.id].path}", shown)
        rules[rule.id] = rule
    return [rules[k] for k in sorted(rules)]
