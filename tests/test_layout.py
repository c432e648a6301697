"""The package layout: one sub-package a stage, every package installed, no import cycle."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "checker"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The checker modules ``name`` imports, anywhere in it (a late import inside a function counts too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [module] + [f"{module}.{a.name}" for a in node.names]
        else:
            continue
        for target in targets:
            # a module, or the deepest checker module above a name
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and target != "checker":
                found.add(target)
    return found


def test_layout_every_package_is_installed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {_module_name(p) for p in PACKAGE.rglob("__init__.py")}
    assert on_disk <= listed, sorted(on_disk - listed)
    assert listed - on_disk == {"checker.builtin_rules"}


def test_layout_every_module_says_what_it_does():
    for name, path in _modules().items():
        assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), f"{name} has no module docstring"


def test_layout_no_import_cycle():
    modules = _modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


def test_layout_stages_do_not_reach_into_the_top():
    """The stage packages never import the pipeline, the CLI, the configuration or the public API."""
    modules = _modules()
    top = {"checker.pipeline", "checker.indexing", "checker.cli", "checker.config", "checker.comparison"}
    for name, path in modules.items():
        if name.count(".") >= 1 and name not in top and name.split(".")[1] in {
            "ingest", "extract", "embed", "pair", "judge", "gate", "store", "report"
        }:
            assert not (_imports(name, path, set(modules)) & top), name


def test_layout_one_date_parser():
    """Month names are spelled in one place, the date parser (checker/extract/dates.py): the
    document reader and the rule kinds use its table."""
    spelled = [p for p in PACKAGE.rglob("*.py") if '"september"' in p.read_text(encoding="utf-8").lower()
               or "september october" in p.read_text(encoding="utf-8").lower()]
    assert [p.relative_to(ROOT).as_posix() for p in spelled] == ["checker/extract/dates.py"]
