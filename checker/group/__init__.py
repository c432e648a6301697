"""Fact groups: the facts of several claims that state the same thing, side by side (issue 18).

After judging, the claims joined by ``supports`` and ``conflicts`` edges (the rules decide;
embeddings only proposed the pairs) form a graph; each connected component of two or more
claims is a group. Each claim contributes its fact (from :attr:`Claim.facts` when the frame
stage filled them, else one derived from its figures). Values are folded: a qualifier ("over",
"about") and rounding ("2.4 million" for "2,412,000") do not make a new reading unless a rule
called the two a conflict. A group is ``agree`` with one reading, ``revised`` when dated
documents show the readings following one another in time (or the facts are plans), else
``disagree``. A fact stated once forms no group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from math import floor, log10

from ..model import Claim, Document, FactGroup, GroupValue, Report

JOINING = ("supports", "conflicts")
STATUSES = ("disagree", "revised", "agree")


def _figure(claim: Claim, unit_hint: str | None = None):
    """(text, key, unit, qualifier, fact) of the figure a claim contributes to its group."""
    facts = [f for f in claim.facts if f.kind == "quantity" and f.figure is not None and f.figure < len(claim.quantities)]
    quantities = [(claim.quantities[f.figure], f) for f in facts] or [(q, None) for q in claim.quantities]
    quantities = [(q, f) for q, f in quantities if q.equivalent_of is None] or quantities
    if quantities:
        chosen = next(((q, f) for q, f in quantities if unit_hint is not None and q.unit == unit_hint), quantities[0])
        q, f = chosen
        return q.text, _num_key(q.value), q.unit, q.qualifier, f
    if claim.dates:
        d = claim.dates[0]
        fact = next((f for f in claim.facts if f.kind == "date" and f.figure == 0), None)
        return d.text, d.value, "date", d.qualifier, fact
    fact = next((f for f in claim.facts if f.kind == "entity"), None)
    if fact is not None:
        return fact.value, fact.value.lower(), "entity", None, fact
    return None


def _category(unit) -> str:
    return unit if unit in ("date", "entity") else "number"


def _num_key(v: float) -> str:
    return f"{v:.6g}"


def _sig(key: str) -> int:
    """Significant digits of a number key ("921000" -> 3)."""
    try:
        digits = key.lstrip("-").replace(".", "").lstrip("0").rstrip("0") if "e" not in key else key.split("e")[0]
    except Exception:
        return 6
    return max(1, len(digits.replace(".", "").replace("-", "")))


def _rounds_to(fine: float, coarse: float, sig: int) -> bool:
    if coarse == 0 or fine == 0:
        return fine == coarse
    mag = floor(log10(abs(coarse)))
    step = 10 ** (mag - sig + 1)
    return abs(round(fine / step) * step - coarse) < step * 1e-6 + 1e-12


def _label(holder, measure, time, place) -> str:
    words = " ".join(p for p in (holder, measure) if p) or "figure"
    if place:
        words += f" in {place}"
    if time:
        words += f" ({time})"
    return words


def _common(values) -> str | None:
    c = Counter(v for v in values if v)
    return c.most_common(1)[0][0] if c else None


def build_groups(report: Report) -> list[FactGroup]:
    """The fact groups of a judged report, disagreeing first, then revised, then agreeing."""
    import networkx as nx

    claims = report.claim_by_id()
    docs: dict[str, Document] = report.document_by_id()
    g = nx.Graph()
    conflicts: set[frozenset] = set()
    for e in report.edges:
        if e.relation in JOINING and e.source in claims and e.target in claims and e.source != e.target:
            g.add_edge(e.source, e.target)
            if e.relation == "conflicts":
                conflicts.add(frozenset((e.source, e.target)))
    groups: list[FactGroup] = []
    order = {c.id: i for i, c in enumerate(report.claims)}
    for component in nx.connected_components(g):
        members = sorted(component, key=lambda cid: order.get(cid, 0))
        units = Counter(q.unit for cid in members for q in claims[cid].quantities[:1])
        hint = units.most_common(1)[0][0] if units else None
        readings = []
        for cid in members:
            fig = _figure(claims[cid], hint)
            if fig is not None:
                readings.append((cid, fig))
        # one group, one kind of figure: readings in another unit than most of the group's are left out
        kinds = Counter(_category(fig[2]) for _, fig in readings)
        if kinds:
            main_kind = kinds.most_common(1)[0][0]
            readings = [(cid, fig) for cid, fig in readings if _category(fig[2]) == main_kind]
        if len({cid for cid, _ in readings}) < 2:
            continue
        groups.append(_group(readings, claims, docs, conflicts, order))
    rank = {s: i for i, s in enumerate(STATUSES)}
    groups.sort(key=lambda grp: (rank[grp.status], -sum(len(v.documents) for v in grp.values), grp.label))
    return [FactGroup(**{**grp.__dict__, "id": f"g{i}"}) for i, grp in enumerate(groups, 1)]


def _group(readings, claims, docs, conflicts, order) -> FactGroup:
    # readings: [(claim id, (text, key, unit, qualifier, fact))]
    by_key: dict[str, list] = defaultdict(list)
    for cid, fig in readings:  # a value is its number (or date, or name); units as written may differ
        by_key[(fig[1], _category(fig[2]))].append((cid, fig))
    keys = list(by_key)
    # fold rounding: a finer value joins a coarser one it rounds to, unless a rule called them a conflict
    numeric = [k for k in keys if k[1] not in ("date", "entity")]
    numeric.sort(key=lambda k: _sig(k[0]))
    merged: dict = {}
    for i, coarse in enumerate(numeric):
        if coarse in merged:
            continue
        for fine in numeric[i + 1:]:
            if fine in merged or _sig(fine[0]) <= _sig(coarse[0]):
                continue
            if not _rounds_to(float(fine[0]), float(coarse[0]), _sig(coarse[0])):
                continue
            a = {cid for cid, _ in by_key[coarse]}
            b = {cid for cid, _ in by_key[fine]}
            if any(frozenset((x, y)) in conflicts for x in a for y in b):
                continue
            merged[fine] = coarse
    for fine, coarse in merged.items():
        by_key[coarse].extend(by_key.pop(fine))
    values = []
    for (key, unit), items in by_key.items():
        cids = tuple(sorted((cid for cid, _ in items), key=lambda c: order.get(c, 0)))
        doc_ids = tuple(dict.fromkeys(claims[c].doc for c in cids))
        dates = sorted(d for d in (docs[x].date if x in docs else None for x in doc_ids) if d)
        plain = [fig[0] for _, fig in items if not fig[3]]
        text = plain[0] if plain else items[0][1][0]
        unit = _common(fig[2] for _, fig in items)
        values.append(GroupValue(text, key, unit, cids, doc_ids,
                                 dates[0] if dates else None, dates[-1] if dates else None))
    values.sort(key=lambda v: (-len(v.documents), v.first_date or "", v.value))
    facts = [fig[4] for _, fig in readings if fig[4] is not None]
    members = [claims[cid] for cid, _ in readings]

    def slot(name):
        return _common(getattr(f, name).text for f in facts if getattr(f, name) is not None)

    holder = slot("holder") or _common(s for c in members for s in c.subjects[:1])
    measure = slot("measure") or _common(fig[4].measure.text if fig[4] and fig[4].measure else (claims[cid].quantities[0].noun if claims[cid].quantities else None) for cid, fig in readings) or _common(fig[2] for _, fig in readings if fig[2] not in (None, "date", "entity"))
    time = slot("time") or _common(d.text for c in members for d in c.dates[:1] if c.quantities)
    place = slot("place")
    counts = [len(v.documents) for v in values]
    majority = values[0].value if len(values) == 1 or counts[0] > counts[1] else None
    all_dates = sorted(d for v in values for d in (v.first_date, v.last_date) if d)
    if len(values) == 1:
        status = "agree"
    elif any(f.modality in ("plan", "forecast") for f in facts) or _successive(values):
        status = "revised"
    else:
        status = "disagree"
    return FactGroup("", _label(holder, measure, time, place), holder, measure, time, place, status, tuple(values),
                     majority, all_dates[0] if all_dates else None, all_dates[-1] if all_dates else None)


def _successive(values) -> bool:
    """Every value dated, and their date ranges follow one another without overlap."""
    if any(v.first_date is None for v in values):
        return False
    spans = sorted((v.first_date, v.last_date) for v in values)
    return all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


def group_of_claims(groups: list[FactGroup]) -> dict[str, str]:
    """claim id -> id of the group it sits in."""
    return {cid: grp.id for grp in groups for v in grp.values for cid in v.claims}
