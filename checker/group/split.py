"""Split a chain of verdicts that joins different things (issue 18).

A component of the verdict graph is a chain: "Frontier scored 1.1 exaflops" supports a sentence
that names Frontier and Aurora, which a rule compared with "Aurora scored 1.0 exaflops"; the
chain must not make one group of two machines' scores. Where the facts of a component name
different holders in their own sentences (slot source ``"sentence"``, names folded with
:func:`checker.frame.keys.holder_key`, one name within the other counting as the same), the
component is split by holder; facts with no holder of their own (none, or one inherited from the
sentence before, the heading or the title) join the part their edges connect them to most, else
the largest part. Then each part is split the same way by measure: two measures of one kind whose
head nouns differ (:func:`checker.frame.keys.measure_key`, the key the fact rules compare), unless
a verdict joins a fact of each directly (the rule read them as one measure worded apart: "EVs" and
"electric vehicles", "sales" and "revenue"); a holder, a name, is read as written.
"""

from __future__ import annotations

from collections import Counter

from ..frame.keys import fold, holder_key, measure_key
from ..model import OWN_SOURCES, Claim, Fact


def holder_of(claim: Claim, fact: Fact | None) -> str | None:
    """The fact's holder as its own sentence names it, folded; None when there is none or it was
    inherited from context (which joins two facts but never sets them apart)."""
    if fact is None or fact.holder is None or fact.holder.source not in OWN_SOURCES:
        return None
    key = holder_key(fact, claim)
    if not key or fact.measure is None:
        return key
    # a headline's name read with its measure ("Falken Solar revenue hits $83 billion": "Solar
    # revenue"): the measure's words name no holder
    measure = set(fold(fact.measure.value).split()) | set(fold(fact.measure.text or "").split())
    return " ".join(w for w in key.split() if w not in measure) or None


def measure_of(claim: Claim, tag: str, fact: Fact | None) -> str | None:
    """What the figure ``tag`` measures, as ``kind:head`` (``unit:flop/s``, ``noun:drone``,
    ``money:revenue``, ``event:launch``, ``entity:location`` for an entity fact ``e<n>``: its
    relation); a measure inherited from context gives none."""
    own = fact if fact is not None and (fact.measure is None or fact.measure.source in OWN_SOURCES) else None
    if tag.startswith("q"):
        n = int(tag[1:])
        if n >= len(claim.quantities):
            return None
        key = measure_key(own, claim.quantities[n])
        return None if key in _GENERIC else key
    if own is not None and own.measure is not None and own.measure.value:
        return ("entity:" if tag.startswith("e") else "event:") + own.measure.value
    return None


#: Count nouns that say nothing about what is counted ("553,000 units"), as NUM001 reads them.
_GENERIC = frozenset({"noun:unit"})


def _name_within(a: str, b: str) -> bool:
    wa, wb = set(a.split()), set(b.split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _holder_classes(keys: list[str]) -> dict[str, int]:
    """Each distinct holder key -> its class: a name within no other is a class; a name within
    others ("Frontier", "Oak Ridge Frontier") joins theirs when they are all one class, and is
    left out (no holder) when it is within two ("Hydrogen": "Zephyr Hydrogen", "Blackmoor Hydrogen")."""
    widest = [k for k in keys if not any(k != o and _name_within(k, o) and len(o.split()) > len(k.split()) for o in keys)]
    # names of equal words in another order, or repeated, are one
    classes: dict[str, int] = {}
    for k in widest:
        same = next((classes[o] for o in classes if set(o.split()) == set(k.split())), None)
        classes[k] = same if same is not None else len(set(classes.values()))
    for k in keys:
        if k in classes:
            continue
        within = {classes[o] for o in widest if _name_within(k, o)}
        if len(within) == 1:
            classes[k] = within.pop()
    return classes


def _measure_classes(keys: list[str]) -> dict[str, int]:
    """Each distinct measure key of the commonest kind -> its class (its head noun); keys of
    another kind ("noun:drone" against "count:sales") are read as no measure."""
    kinds = Counter(k.split(":", 1)[0] for k in keys)
    main = kinds.most_common(1)[0][0]
    mine = sorted(k for k in keys if k.split(":", 1)[0] == main)
    return {k: i for i, k in enumerate(mine)}


def _joined_directly(labels: dict, adjacency: dict) -> dict:
    """``labels`` with two classes made one where a verdict joins a fact of each directly: the
    rule that compared the two figures read them as one measure, worded apart ("EVs" / "electric
    vehicles", "sales" / "revenue"); only a chain through a third fact is suspect."""
    parent = {c: c for c in set(labels.values())}

    def find(c):
        while parent[c] != c:
            c = parent[c]
        return c

    for node, c in labels.items():
        for other in adjacency.get(node, ()):
            if other in labels:
                a, b = find(c), find(labels[other])
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {node: find(c) for node, c in labels.items()}


def partition(nodes: list, labels: dict, adjacency: dict) -> list[list]:
    """``nodes`` in parts by class (``labels``: node -> class, for the nodes that have one): an
    unlabelled node joins the class its edges (``adjacency``: node -> neighbours) reach most,
    nearest first; one connected to none joins the largest class. One part when under two classes."""
    if len(set(labels.values())) < 2:
        return [nodes]
    cls = dict(labels)
    size = Counter(cls.values())
    while True:
        moves = {}
        for node in nodes:
            if node in cls:
                continue
            near = Counter(cls[m] for m in adjacency.get(node, ()) if m in cls)
            if near:
                best = max(near.values())
                # a tie goes to the larger class, then the first-seen one
                moves[node] = min((c for c, n in near.items() if n == best), key=lambda c: (-size[c], c))
        if not moves:
            break
        cls.update(moves)
    largest = min(size, key=lambda c: (-size[c], c))
    parts: dict = {}
    for node in nodes:
        parts.setdefault(cls.get(node, largest), []).append(node)
    return list(parts.values())


def split_component(nodes: list, figure_of, adjacency: dict) -> list[list]:
    """A component's nodes (``(claim id, figure)``, in claim order) in parts of one holder and one
    measure each; ``figure_of(node)`` gives ``(claim, fact)``."""
    holders = {}
    for node in nodes:
        claim, fact = figure_of(node)
        if claim is not None:
            key = holder_of(claim, fact)
            if key:
                holders[node] = key
    parts = [nodes]
    if len(set(holders.values())) > 1:
        classes = _holder_classes(sorted(set(holders.values())))
        parts = partition(nodes, {n: classes[k] for n, k in holders.items() if k in classes}, adjacency)
    out = []
    for part in parts:
        measures = {}
        for node in part:
            claim, fact = figure_of(node)
            if claim is not None:
                key = measure_of(claim, node[1], fact)
                if key:
                    measures[node] = key
        if len(set(measures.values())) > 1:
            classes = _measure_classes(sorted(set(measures.values())))
            labels = {n: classes[k] for n, k in measures.items() if k in classes}
            members = set(part)
            inner = {n: [m for m in adjacency.get(n, ()) if m in members] for n in part}
            out += partition(part, _joined_directly(labels, inner), inner)
        else:
            out.append(part)
    return out
