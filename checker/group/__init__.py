"""Fact groups: the facts of several claims that state the same thing, side by side (issue 18).

After judging, the facts (one per figure or date of a claim, and one per entity fact: a thing's
location, headquarters, winner, builder, adopter or operator, :mod:`checker.frame.entities`) joined
by ``supports`` and ``conflicts`` verdicts (the rules decide; embeddings only proposed the pairs)
form a graph; each connected component of facts from two or more claims is a group. A verdict
names the two figures it compared (:attr:`Edge.figures`; ENT001 names entity facts ``e<n>``), so
a sentence with several figures ("41 labs in the US, 12 in Germany") joins each figure's group,
never one to the other's. A chain of verdicts that joins
facts of different holders or measures (named in their own sentences) is split by holder, then by
measure (:mod:`checker.group.split`). The label comes from the facts'
slots (:attr:`Claim.facts`: holder, measure, time, place), else from the claims' words. Values are folded: a qualifier ("over",
"about") and rounding ("2.4 million" for "2,412,000") do not make a new reading unless a rule
called the two a conflict. An entity group ("Orrin supercomputer: location") has names for
values: one name folded (:func:`checker.frame.keys.fold`: case, a leading "the", a possessive or
plural ending) is one reading, and two names a rule found agreeing ("Oak Ridge" / "Oak Ridge
National Laboratory") are one unless a rule also set them apart; no other matching. A group is
``agree`` with one reading, ``revised`` when dated documents show the readings following one another in time (or the facts are plans), else
``disagree``. A fact stated once forms no group.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..extract.quantities import rounds_to, significant_digits
from ..extract.units import UNIT_BASES
from ..frame.keys import fold
from ..judge.rulekinds.numeric import NumericMismatch
from ..model import Claim, Document, FactGroup, GroupValue, Report
from .split import split_component

JOINING = ("supports", "conflicts")
#: How far apart a metric/imperial restatement may round: NUM001's default, so that a report built
#: without the rules folds values as the rule judges them (:func:`build_groups` takes the loaded
#: rule's value).
CONVERSION_TOLERANCE: float = NumericMismatch.params["conversion_tolerance"].default
STATUSES = ("disagree", "revised", "agree")


def _figure(claim: Claim, tag: str):
    """(text, key, unit, qualifier, fact, base unit, base value, factor to the base) of one figure
    of a claim: ``q<n>`` its n-th quantity, ``d<n>`` its n-th date, ``e<n>`` its n-th entity fact
    (unit ``entity``, key the name folded); None when the claim has no such figure. The key of a
    measure is its value in its base unit (:data:`UNIT_BASES`) to six digits, the base value the
    exact number, the base unit its name ("flop/s"); money keeps its currency, a percentage
    ``percent``, a count its noun; a date or a name has none of the three."""
    kind, n = tag[:1], int(tag[1:]) if tag[1:].isdigit() else -1
    if kind == "q" and 0 <= n < len(claim.quantities):
        q = claim.quantities[n]
        fact = next((f for f in claim.facts if f.kind == "quantity" and f.figure == n), None)
        base = UNIT_BASES.get(q.unit or "") if q.kind == "measure" else None
        # a measure's value in its base unit: "442 Pflop/s" and "0.442 Eflop/s" are one reading
        exact = q.value * base[1] if base else q.value
        return q.text, _num_key(exact), q.unit, q.qualifier, fact, base[0] if base else q.unit, exact, base[1] if base else 1.0
    if kind == "d" and 0 <= n < len(claim.dates):
        d = claim.dates[n]
        fact = next((f for f in claim.facts if f.kind == "date" and f.figure == n), None)
        return d.text, d.value, "date", d.qualifier, fact, None, None, None
    if kind == "e":
        fact = _fact(claim, tag)
        if fact is not None:  # the entity label (fact.qualifier: "GPE") is no hedge
            return fact.value, fold(fact.value) or fact.value, "entity", None, fact, None, None, None
    return None


def _fact(claim: Claim, tag: str):
    """The fact of a claim's figure ``tag`` (``q<n>``, ``d<n>``; ``e<n>`` its n-th entity fact,
    which has no figure), if its facts are filled."""
    kind = {"q": "quantity", "d": "date", "e": "entity"}.get(tag[:1])
    n = int(tag[1:]) if tag[1:].isdigit() else -1
    if kind == "entity":
        own = [f for f in claim.facts if f.kind == "entity"]
        return own[n] if 0 <= n < len(own) else None
    return next((f for f in claim.facts if f.kind == kind and f.figure == n), None)


def _first_figure(claim: Claim) -> str:
    """The figure a verdict that did not name one stands for: the first quantity (not a
    currency restatement), else the first date."""
    for i, q in enumerate(claim.quantities):
        if q.equivalent_of is None:
            return f"q{i}"
    return "q0" if claim.quantities else "d0"


def _category(unit) -> str:
    return unit if unit in ("date", "entity") else "number"


def _num_key(v: float) -> str:
    return f"{v:.6g}"


def _sig(key: str) -> int:
    """Significant digits of a number key ("921000" -> 3), at least one."""
    return max(1, significant_digits(key))


def _rounds_to(fine: float, coarse: float, sig: int) -> bool:
    """``fine`` written with ``sig`` significant digits is ``coarse``: rounded, or with three digits
    or more also cut ("593 billion" for 593.7; a one- or two-digit figure is read as rounded only)."""
    return rounds_to(fine, coarse, sig, cut=sig >= 3)


def _written(items, key: float) -> tuple[float, float, int]:
    """(value in the unit as written, factor from that unit to the base, significant digits as
    written) of a reading: a measure's key is in its base unit, where "2.788M hours" (seconds by
    3,600) has digits no writer wrote."""
    fig = items[0][1]
    factor = fig[7] or 1.0
    value = key / factor
    return value, factor, _sig(_num_key(value))


def _converted_alike(x: float, y: float, units_x: set, units_y: set, tolerance: float = CONVERSION_TOLERANCE) -> bool:
    """Two measures of one dimension, one in metric and one in imperial units, within ``tolerance``
    of the larger (NUM001's ``conversion_tolerance``): "25 square meters" and "270 square feet"
    restate one value, rounded."""
    bases_x = {UNIT_BASES[u][0] for u in units_x if u in UNIT_BASES}
    systems_x = {UNIT_BASES[u][2] for u in units_x if u in UNIT_BASES}
    bases_y = {UNIT_BASES[u][0] for u in units_y if u in UNIT_BASES}
    systems_y = {UNIT_BASES[u][2] for u in units_y if u in UNIT_BASES}
    if not (bases_x & bases_y) or systems_x == systems_y or not x or not y:
        return False
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def _label(holder, measure, time, place, entity: bool = False) -> str:
    if entity:  # "Orrin supercomputer: location (2031)"
        return f"{holder or 'thing'}: {measure or 'entity'}" + (f" ({time})" if time else "")
    words = " ".join(p for p in (holder, measure) if p) or "figure"
    if place:
        words += f" in {place}"
    if time:
        words += f" ({time})"
    return words


def _common(values) -> str | None:
    c = Counter(v for v in values if v)
    return c.most_common(1)[0][0] if c else None


def build_groups(report: Report, conversion_tolerance: float | None = None) -> list[FactGroup]:
    """The fact groups of a judged report, disagreeing first, then revised, then agreeing.
    ``conversion_tolerance``: how far a metric/imperial restatement may round, the
    ``numeric_mismatch`` rule's parameter as loaded (else its default), so a value is folded or
    kept apart as the rule judged it."""
    tolerance = CONVERSION_TOLERANCE if conversion_tolerance is None else conversion_tolerance
    import networkx as nx

    claims = report.claim_by_id()
    docs: dict[str, Document] = report.document_by_id()
    g = nx.Graph()  # nodes: (claim id, figure), one per fact; edges: the rules' verdicts on two figures
    conflicts: set[frozenset] = set()
    supports: set[frozenset] = set()  # figures a rule found agreeing, though written apart
    for e in report.edges:
        if e.relation not in JOINING or e.source not in claims or e.target not in claims or e.source == e.target:
            continue
        named = [f for f in e.figures if f[0] in JOINING]
        links = named or [(e.relation, "", "")]
        for relation, fa, fb in links:
            a = (e.source, fa or _first_figure(claims[e.source]))
            b = (e.target, fb or _first_figure(claims[e.target]))
            g.add_edge(a, b)
            if relation == "conflicts":
                conflicts.add(frozenset((a, b)))
            elif relation == "supports" and named:  # an old edge naming no figures says which agree only by guess
                supports.add(frozenset((a, b)))
    groups: list[FactGroup] = []
    order = {c.id: i for i, c in enumerate(report.claims)}
    parts = []
    for component in nx.connected_components(g):
        members = sorted(component, key=lambda node: (order.get(node[0], 0), node[1]))
        # a chain of verdicts through a sentence that names two holders joins two things: split it
        parts += split_component(members, lambda node: (claims[node[0]], _fact(claims[node[0]], node[1])), g.adj)
    for members in parts:
        readings = []
        for node in members:
            fig = _figure(claims[node[0]], node[1])
            if fig is not None:
                readings.append((node, fig))
        # one group, one kind of figure: readings of another kind than most of the group's are left out
        kinds = Counter(_category(fig[2]) for _, fig in readings)
        if kinds:
            main_kind = kinds.most_common(1)[0][0]
            readings = [(node, fig) for node, fig in readings if _category(fig[2]) == main_kind]
        if len({node[0] for node, _ in readings}) < 2:
            continue
        groups.append(_group(readings, claims, docs, conflicts, order, tolerance, supports))
    rank = {s: i for i, s in enumerate(STATUSES)}
    groups.sort(key=lambda grp: (rank[grp.status], -sum(len(v.documents) for v in grp.values), grp.label))
    return [FactGroup(**{**grp.__dict__, "id": f"g{i}"}) for i, grp in enumerate(groups, 1)]


def _group(readings, claims, docs, conflicts, order, tolerance=CONVERSION_TOLERANCE, supports=frozenset()) -> FactGroup:
    # readings: [((claim id, figure), _figure's tuple: text, key, unit, qualifier, fact, base unit, base value, factor)]
    by_key: dict[str, list] = defaultdict(list)
    for node, fig in readings:  # a value is its number (or date, or name); units as written may differ
        by_key[(fig[1], _category(fig[2]))].append((node, fig))
    keys = list(by_key)
    # fold rounding: a finer value joins a coarser one it rounds to, unless a rule called them a conflict
    # (in the unit as written: "2.788M" hours rounds to "2.79 million" hours, not in seconds)
    numeric = [k for k in keys if k[1] not in ("date", "entity")]
    written = {k: _written(by_key[k], float(k[0])) for k in numeric}
    numeric.sort(key=lambda k: written[k][2])
    merged: dict = {}
    for i, coarse in enumerate(numeric):
        if coarse in merged:
            continue
        value_c, factor_c, sig_c = written[coarse]
        for fine in numeric[i + 1:]:
            if fine in merged or written[fine][2] <= sig_c:
                continue
            if not _rounds_to(float(fine[0]) / factor_c, value_c, sig_c):
                continue
            a = {node for node, _ in by_key[coarse]}
            b = {node for node, _ in by_key[fine]}
            if any(frozenset((x, y)) in conflicts for x in a for y in b):
                continue
            merged[fine] = coarse
    for fine, coarse in merged.items():
        by_key[coarse].extend(by_key.pop(fine))
    # a measure restated in the other system of units (metric, imperial) folds within the tolerance
    def converted(x, y, ux, uy, pairs):
        return _converted_alike(float(x[0]), float(y[0]), ux, uy, tolerance)

    def agreed(x, y, ux, uy, pairs):
        # another unit as written is a conversion, folded (or not) within the tolerance above
        return ux == uy and any(pq in supports for pq in pairs)

    _fold_pairs(by_key, converted, conflicts)
    # values a rule found agreeing ("$47b" / "$47.5 billion": about, rounded as the rule reads it) are
    # one reading, unless a rule also set two of their figures against each other
    _fold_pairs(by_key, agreed, conflicts)
    # so are names ENT001 found agreeing ("Oak Ridge" / "Oak Ridge National Laboratory")
    _fold_pairs(by_key, lambda x, y, ux, uy, pairs: any(pq in supports for pq in pairs), conflicts, kinds=("entity",))
    values = []
    for (key, kind), items in by_key.items():
        cids = tuple(sorted({node[0] for node, _ in items}, key=lambda c: order.get(c, 0)))
        doc_ids = tuple(dict.fromkeys(claims[c].doc for c in cids))
        dates = sorted(d for d in (docs[x].date if x in docs else None for x in doc_ids) if d)
        plain = [fig[0] for _, fig in items if not fig[3]]
        text = plain[0] if plain else items[0][1][0]
        unit = _common(fig[2] for _, fig in items)
        is_number = kind not in ("date", "entity")
        if kind == "entity":  # a name is its own value: the commonest as written, the shorter on a tie
            names = Counter(fig[0] for _, fig in items)
            text = key = min(names, key=lambda n: (-names[n], len(n), n))
        # the exact number of a reading the value is named by (its key), a plain one first
        named = sorted((fig for _, fig in items if fig[1] == key), key=lambda fig: bool(fig[3]))
        base_value = (named[0][6] if named and named[0][6] is not None else float(key)) if is_number else None
        values.append(GroupValue(text, key, unit, cids, doc_ids,
                                 dates[0] if dates else None, dates[-1] if dates else None,
                                 base_value=base_value,
                                 base_unit=_common(fig[5] for _, fig in items) if is_number else None))
    values.sort(key=lambda v: (-len(v.documents), v.first_date or "", v.value))
    facts = [fig[4] for _, fig in readings if fig[4] is not None]
    members = [claims[node[0]] for node, _ in readings]

    def slot(name):
        return _common(getattr(f, name).text for f in facts if getattr(f, name) is not None)

    if readings and _category(readings[0][1][2]) == "entity":
        # the measure is the relation ("location", not "housed in"); the slot ``place`` is where the
        # value lies ("the Halden Centre in Knoxville"), no place of the fact
        holder = slot("holder")
        measure = _common(f.measure.value for f in facts if f.measure is not None)
        time = slot("time")
        return _finish(values, facts, _label(holder, measure, time, None, entity=True), holder, measure, time, None)
    holder = slot("holder") or _common(s for c in members for s in c.subjects[:1])
    measure = slot("measure") or _common(fig[4].measure.text if fig[4] and fig[4].measure else (claims[node[0]].quantities[int(node[1][1:])].noun if node[1].startswith("q") else None) for node, fig in readings) or _common(fig[2] for _, fig in readings if fig[2] not in (None, "date", "entity"))
    time = slot("time") or _common(d.text for c in members for d in c.dates[:1] if c.quantities)
    place = slot("place")
    return _finish(values, facts, _label(holder, measure, time, place), holder, measure, time, place)


def _finish(values, facts, label, holder, measure, time, place) -> FactGroup:
    """The group of ``values`` (sorted, most documents first): its majority, dates and status."""
    counts = [len(v.documents) for v in values]
    majority = values[0].value if len(values) == 1 or counts[0] > counts[1] else None
    all_dates = sorted(d for v in values for d in (v.first_date, v.last_date) if d)
    if len(values) == 1:
        status = "agree"
    elif any(f.modality in ("plan", "forecast") for f in facts) or _successive(values):
        status = "revised"
    else:
        status = "disagree"
    return FactGroup("", label, holder, measure, time, place, status, tuple(values),
                     majority, all_dates[0] if all_dates else None, all_dates[-1] if all_dates else None)


def _fold_pairs(by_key: dict, alike, conflicts: set, kinds: tuple | None = None) -> None:
    """Fold two values of ``by_key`` into the one with more readings where ``alike(x, y, units of
    x, units of y, figure pairs)`` holds and no rule set two of their figures apart; numeric values
    unless ``kinds`` names the categories ("entity")."""
    numeric = [k for k in by_key if (k[1] in kinds if kinds else k[1] not in ("date", "entity"))]
    for i, x in enumerate(numeric):
        for y in numeric[i + 1:]:
            if x not in by_key or y not in by_key:
                continue
            ux, uy = {fig[2] for _, fig in by_key[x]}, {fig[2] for _, fig in by_key[y]}
            pairs = [frozenset((p, q)) for p in {n for n, _ in by_key[x]} for q in {n for n, _ in by_key[y]}]
            if alike(x, y, ux, uy, pairs) and not any(pq in conflicts for pq in pairs):
                keep, drop = (x, y) if len(by_key[x]) >= len(by_key[y]) else (y, x)
                by_key[keep].extend(by_key.pop(drop))


def _successive(values) -> bool:
    """Every value dated, and their date ranges follow one another without overlap."""
    if any(v.first_date is None for v in values):
        return False
    spans = sorted((v.first_date, v.last_date) for v in values)
    return all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


def group_of_claims(groups: list[FactGroup]) -> dict[str, str]:
    """claim id -> id of the first group it sits in (a claim with several figures may sit in several)."""
    out: dict[str, str] = {}
    for grp in groups:
        for v in grp.values:
            for cid in v.claims:
                out.setdefault(cid, grp.id)
    return out


def groups_by_claim(groups: list[FactGroup]) -> dict[str, list[str]]:
    """claim id -> ids of every group it sits in, in group order."""
    out: dict[str, list[str]] = {}
    for grp in groups:
        for cid in dict.fromkeys(c for v in grp.values for c in v.claims):
            out.setdefault(cid, []).append(grp.id)
    return out


def group_of_finding(claim_ids, by_claim: dict[str, list[str]]) -> str | None:
    """The group that holds all of a finding's claims, else the first that holds one of them."""
    lists = [by_claim.get(c, []) for c in claim_ids]
    common = set(lists[0]).intersection(*lists[1:]) if lists else set()
    for gid in lists[0] if lists else []:
        if gid in common:
            return gid
    return next((gid for ids in lists for gid in ids), None)
