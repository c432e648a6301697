"""The claim graph: claims as nodes; supports, conflicts and related edges.

Built with networkx and exported as GraphML (``.graphml``) or node-link JSON
(``.json``), chosen by the file's suffix.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable, Iterable

import networkx as nx

from ..errors import ConfigError
from ..model import Edge, Finding, Report
from .json_text import json_text


def edges_without(
    edges: Iterable[Edge], dropped: Iterable[Finding], silenced: Callable[[str | None, tuple[str, str]], bool] | None = None
) -> list[Edge]:
    """The edges left once findings are dropped (by a path override, an in-place suppression
    or the baseline), so the graph, its export and every report agree with the findings.

    An edge goes with a dropped finding of its rule whose claims include both of its
    ends; ``silenced(rule, (source, target))`` drops any other edge of a rule that is
    switched off for one of its claims (a ``supports`` edge under ``disable=NUM001``).
    ``related`` edges (no rule) always stay.
    """
    gone: dict[str, list[frozenset[str]]] = {}
    for f in dropped:
        gone.setdefault(f.rule, []).append(frozenset(f.claims))
    out = []
    for e in edges:
        ends = {e.source, e.target}
        if e.rule is not None and any(ends <= claims for claims in gone.get(e.rule, ())):
            continue
        if e.rule is not None and silenced is not None and silenced(e.rule, (e.source, e.target)):
            continue
        out.append(e)
    return out


def build_graph(report: Report) -> nx.Graph:
    graph = nx.Graph()
    for c in report.claims:
        graph.add_node(
            c.id, doc=c.doc, path=c.path, line=c.line, column=c.column, section=c.section, text=c.text
        )
    for e in report.edges:
        graph.add_edge(
            e.source, e.target, relation=e.relation, rule=e.rule or "", score=e.score, explanation=e.explanation
        )
    return graph


def graph_text(report: Report, path: str) -> str:
    """The graph serialised in the format the file name asks for."""
    graph = build_graph(report)
    suffix = Path(path).suffix.lower()
    if suffix == ".graphml":
        buffer = io.BytesIO()
        # the standard library's writer, whether or not lxml is installed (python-docx brings it, and
        # nx.write_graphml would then switch to lxml's writer, whose bytes differ)
        nx.write_graphml_xml(graph, buffer, encoding="utf-8")
        return buffer.getvalue().decode("utf-8")
    if suffix == ".json":
        data = nx.node_link_data(graph, edges="edges")
        return json_text(data)
    raise ConfigError(f"--graph wants a .graphml or .json file, not {path!r}")
