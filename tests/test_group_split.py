"""Fact groups split where a chain of verdicts joins different holders or measures (issue 18)."""

from __future__ import annotations

from checker.group import build_groups
from checker.model import Document, Edge, Fact, Report, Slot

from report_fixtures import _claim, _q

TEXTS = {
    "a": "Frontier scored 1.1 exaflops on the list.",
    "b": "Frontier reached 1.1 exaflops in June.",
    "c": "The list names Frontier and Aurora, at 1.0 exaflops.",
    "d": "Aurora scored 1.0 exaflops on the list.",
    "e": "Aurora's score is 1.0 exaflops.",
}


def _fact(cid, holder=None, source="sentence", measure="score", kind="quantity"):
    return Fact(
        id=f"{cid}.f1", kind=kind, figure=0, value="x",
        measure=Slot(measure, measure, "sentence") if measure else None,
        holder=Slot(holder, holder, source) if holder else None,
    )


def _report(holders, relations, unit="exaflop", kind="measure", measures=None, slots=None):
    """One claim a document; ``holders``: cid -> (holder, source) or None; ``measures``: cid -> the
    figure's unit; ``slots``: cid -> its fact's measure slot (default "score")."""
    docs, claims = [], []
    measures = measures or {}
    slots = slots or {}
    for cid, text in TEXTS.items():
        doc = Document(id=f"d{cid}", path=f"docs/{cid}.md", text=text + "\n", format="markdown")
        figure = "1.1 exaflops" if "1.1" in text else "1.0 exaflops"
        q = _q(text, figure, float(figure.split()[0]), measures.get(cid, unit), kind=kind)
        holder, source = holders.get(cid) or (None, "sentence")
        fact = _fact(cid, holder, source, measure=slots.get(cid, "score"))
        docs.append(doc)
        claims.append(_claim(cid, doc, text, quantities=(q,), facts=(fact,)))
    edges = [Edge(a, b, r, "NUM001", 1.0, figures=((r, "q0", "q0"),)) for a, b, r in relations]
    report = Report(documents=docs, claims=claims, findings=[], edges=edges, model="m")
    report.groups = build_groups(report)
    return report


CHAIN = [("a", "b", "supports"), ("b", "c", "conflicts"), ("c", "d", "supports"), ("c", "e", "supports"), ("d", "e", "supports")]


def _shape(report):
    return sorted((g.status, tuple(sorted(c for v in g.values for c in v.claims))) for g in report.groups)


def test_group_split_chain_of_two_holders_splits_by_holder():
    report = _report({"a": ("Frontier", "sentence"), "b": ("Frontier", "sentence"),
                      "d": ("Aurora", "sentence"), "e": ("Aurora", "sentence")}, CHAIN)
    # "c" names no holder of its own: it joins the part its edges reach most (d and e)
    assert _shape(report) == [("agree", ("a", "b")), ("agree", ("c", "d", "e"))]
    assert {g.holder for g in report.groups} == {"Frontier", "Aurora"}


def test_group_split_one_name_within_the_other_is_one_holder():
    report = _report({"a": ("Oak Ridge Frontier", "sentence"), "b": ("Frontier", "sentence"),
                      "d": ("Frontier", "sentence"), "e": ("the Frontier", "sentence")}, CHAIN)
    assert _shape(report) == [("disagree", ("a", "b", "c", "d", "e"))]


def test_group_split_inherited_holder_sets_nothing_apart():
    report = _report({"a": ("Frontier", "sentence"), "b": ("Frontier", "sentence"),
                      "d": ("Aurora", "heading"), "e": ("Aurora", "title")}, CHAIN)
    assert _shape(report) == [("disagree", ("a", "b", "c", "d", "e"))]


def test_group_split_unconnected_holderless_fact_stays_with_the_largest():
    from checker.group.split import partition

    nodes = ["x1", "x2", "x3", "y1", "lone"]
    labels = {"x1": 0, "x2": 0, "x3": 0, "y1": 1}
    adjacency = {"x1": ["x2"], "x2": ["x1", "x3"], "x3": ["x2", "y1"], "y1": ["x3"], "lone": []}
    parts = partition(nodes, labels, adjacency)
    assert sorted(map(sorted, parts)) == [["lone", "x1", "x2", "x3"], ["y1"]]
    # a node two steps from a class joins it through the node between
    adjacency = {"x1": ["x2"], "x2": ["x1"], "y1": ["m"], "m": ["y1", "lone"], "lone": ["m"]}
    parts = partition(["x1", "x2", "y1", "m", "lone"], {"x1": 0, "x2": 0, "y1": 1}, adjacency)
    assert sorted(map(sorted, parts)) == [["lone", "m", "y1"], ["x1", "x2"]]


def test_group_split_measures_that_differ_in_head_noun():
    measures = {"a": "drone", "b": "drone", "c": None, "d": "robot", "e": "robot"}
    holders = {k: ("Acme", "sentence") for k in TEXTS}
    report = _report(holders, CHAIN, kind="count", measures=measures, slots={"c": None})
    # a, b count drones; d, e robots; c says nothing of what it counts: it joins d and e, its two verdicts
    assert _shape(report) == [("agree", ("a", "b")), ("agree", ("c", "d", "e"))]


def test_group_split_measures_joined_directly_by_a_verdict_stay_together():
    """A rule that compared "EVs" with "electric vehicles" read one measure worded two ways."""
    measures = {"a": "ev", "b": "ev", "c": "electric vehicle", "d": "electric vehicle", "e": "electric vehicle"}
    holders = {k: ("Acme", "sentence") for k in TEXTS}
    report = _report(holders, CHAIN, kind="count", measures=measures)
    assert _shape(report) == [("disagree", ("a", "b", "c", "d", "e"))]


def test_group_split_holder_read_with_its_measure_and_a_name_within_two():
    # "Frontier score hits 1.1 exaflops": the name bound with the measure's word is still Frontier's
    report = _report({"a": ("Oak Ridge Frontier", "sentence"), "b": ("Frontier score", "sentence"),
                      "d": ("Oak Ridge Frontier", "sentence"), "e": ("Oak Ridge Frontier", "sentence")}, CHAIN)
    assert _shape(report) == [("disagree", ("a", "b", "c", "d", "e"))]
    # "Ridge" is within "Oak Ridge Frontier" and "Blue Ridge Aurora": no holder of its own, it joins by its verdicts
    report = _report({"a": ("Oak Ridge Frontier", "sentence"), "b": ("Oak Ridge Frontier", "sentence"),
                      "c": ("Ridge", "sentence"), "d": ("Blue Ridge Aurora", "sentence"),
                      "e": ("Blue Ridge Aurora", "sentence")}, CHAIN)
    assert _shape(report) == [("agree", ("a", "b")), ("agree", ("c", "d", "e"))]


def test_group_split_one_holder_one_measure_unchanged():
    holders = {k: ("Frontier", "sentence") for k in TEXTS}
    report = _report(holders, CHAIN)
    assert _shape(report) == [("disagree", ("a", "b", "c", "d", "e"))]
