"""The claim graph: claims as nodes; supports, conflicts and related edges.

Built with networkx and exported as GraphML (``.graphml``) or node-link JSON
(``.json``), chosen by the file's suffix.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx

from .errors import ConfigError
from .model import Report


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
        nx.write_graphml(graph, buffer, encoding="utf-8")
        return buffer.getvalue().decode("utf-8")
    if suffix == ".json":
        data = nx.node_link_data(graph, edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    raise ConfigError(f"--graph wants a .graphml or .json file, not {path!r}")
