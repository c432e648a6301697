"""A check report as an editor reads it: what to act on, grouped by draft sentence, in plain words.

:func:`review` turns a check's findings and claim ledger (:mod:`checker.ledger`) into
:class:`Group` s, one per draft sentence (a sentence the drafts repeat, a body sentence and
its pull quote, is one group with all its places), each with its :class:`Item` s: the
findings, then the archive statements to review. A statement the archive repeats is one
item with all its places. Each item says in plain words what matched and what differed,
built from the claims' figures and dates (never from a rule's message, scores, keyword
lists or claim ids), and suggests one action naming the archive's figure, title, date and
``path:line``. The order depends on places (path, line, column), never on claim ids, so
it is the same whether the archive was a folder or a saved index. Markdown, HTML and the
terminal render these records; JSON keeps the findings' messages.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from checker.extract.quantities import SCALE_UNITS
from checker.ledger import CONFLICT_KINDS, comparable, compute_ledger, draft_doc_ids
from checker.model import Claim, Document, Finding, Report

from ._common import ReportView, figure_spans, one_line, severity_rank

#: Quote marks and apostrophes folded together when statements are compared.
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})
_EDGE_PUNCT = "\"' \t\n.,;:!?"
_WORD = re.compile(r"\S+")

#: Status ranks within a group: findings that conflict first, then other findings, then reviews.
_ITEM_RANK = {"conflicting": 0, "finding": 1, "review": 2}


def statement_key(claim: Claim) -> str:
    """What makes two claims the same statement: the sentence without its citation markers,
    surrounding quotes and final stop, quotes folded, spaces collapsed, case ignored."""
    text = claim.text
    for c in sorted(claim.citations, key=lambda c: -c.start):
        if 0 <= c.start <= c.end <= len(text):
            text = text[: c.start] + text[c.end :]
    text = one_line(text.translate(_QUOTES)).strip(_EDGE_PUNCT)
    return " ".join(text.split()).casefold()


@dataclass
class Statement:
    """One sentence, in every place it is written (first place first)."""

    claims: list[Claim]

    @property
    def claim(self) -> Claim:
        return self.claims[0]


@dataclass
class Item:
    """One thing to act on about a draft sentence: a finding, or an archive statement to review."""

    status: str  # "conflicting", "finding" (another kind), "review"
    finding: Finding | None
    other: Statement | None  # the archive side (or another draft sentence); None for a finding on the draft alone
    other_is_draft: bool
    explanation: str
    action: str
    findings: list[Finding] = field(default_factory=list)  # every finding merged into this item

    @property
    def severity(self) -> str | None:
        return self.finding.severity if self.finding else None


@dataclass
class Group:
    """A draft sentence (all its places), its ledger status and what to act on."""

    draft: Statement
    status: str
    items: list[Item]


# ----------------------------------------------------------------------------- figures in words


def _figure(q) -> str:
    text = q.text
    if q.unit in SCALE_UNITS and q.unit not in text.lower():
        return f"{q.unit} {text}"  # "magnitude 6.9", as the sentence writes it (not "6.9 earthquake hit")
    noun = (q.noun or "").strip()
    if noun and noun.lower() not in text.lower():
        text = f"{text} {noun}"
    return text


_PREPOSITION = re.compile(r"^(?:in|on|by|since|until|from|during|as of|at)\s+", re.IGNORECASE)


def _date(d) -> str:
    """A date as a sentence can quote it: "In 2023" becomes "2023"."""
    return _PREPOSITION.sub("", d.text) or d.text


def _quantity_match(a, b) -> bool:
    return a.value == b.value and (a.kind == b.kind)


def compare_figures(
    draft: Claim, other: Claim, disagreeing: tuple[tuple[str, str], ...] = ()
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """``(shared, quantity differences, date differences)`` between two claims: the figures
    and dates both state, and pairs (draft's, other's) of those that differ: the pairs the rules
    found disagreeing (``disagreeing``: figure names of the claims' edges, ``q<n>``/``d<n>``, the
    draft's first) where they say, else matched by kind ("parks get $210 million" against "parks
    get $180 million, up from $150 million": the $180 million, not the first amount left)."""
    named = _named_differences(draft, other, disagreeing)
    if named is not None:
        shared = [q.text for q in draft.quantities if any(_quantity_match(q, o) for o in other.quantities)]
        return shared, named[0], named[1]
    shared: list[str] = []
    left = list(other.quantities)
    unmatched = []
    for q in draft.quantities:
        hit = next((o for o in left if _quantity_match(q, o)), None)
        if hit is not None:
            left.remove(hit)
            shared.append(q.text)
        else:
            unmatched.append(q)
    quantity_diffs: list[tuple[str, str]] = []
    for q in unmatched:
        hit = next((o for o in left if o.kind == q.kind and (o.unit == q.unit or q.kind in ("money", "percent"))), None)
        hit = hit or next((o for o in left if o.kind == q.kind), None)
        if hit is not None:
            left.remove(hit)
            quantity_diffs.append((_figure(q), _figure(hit)))
    left_dates = list(other.dates)
    date_unmatched = []
    for d in draft.dates:
        hit = next((o for o in left_dates if o.value == d.value), None)
        if hit is not None:
            left_dates.remove(hit)
            shared.append(_date(d))
        else:
            date_unmatched.append(d)
    date_diffs = [(_date(d), _date(o)) for d, o in zip(date_unmatched, left_dates)]
    return shared, quantity_diffs, date_diffs


def _named_differences(draft: Claim, other: Claim, names: tuple[tuple[str, str], ...]):
    """The quantity and date differences the figure names ``names`` point to, or None when they
    name none of the claims' figures."""
    quantities, dates = [], []
    for mine, theirs in names:
        if mine[:1] != theirs[:1] or not mine[1:].isdigit() or not theirs[1:].isdigit():
            continue
        i, j = int(mine[1:]), int(theirs[1:])
        if mine[0] == "q" and i < len(draft.quantities) and j < len(other.quantities):
            pair = (_figure(draft.quantities[i]), _figure(other.quantities[j]))
            quantities += [pair] if pair not in quantities else []
        elif mine[0] == "d" and i < len(draft.dates) and j < len(other.dates):
            pair = (_date(draft.dates[i]), _date(other.dates[j]))
            dates += [pair] if pair not in dates else []
    return (quantities, dates) if quantities or dates else None


def conflicting_figures(report: Report) -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """``(claim, other claim) -> ((figure of claim, figure of other), ...)`` of the report's
    conflicts edges, both ways round."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for e in getattr(report, "edges", ()) or ():
        if e.relation != "conflicts":
            continue
        for relation, fs, ft in e.figures:
            if relation == "conflicts" and fs and ft:
                out.setdefault((e.source, e.target), []).append((fs, ft))
                out.setdefault((e.target, e.source), []).append((ft, fs))
    return {k: tuple(v) for k, v in out.items()}


def word_differences(a: str, b: str, limit: int = 3) -> list[tuple[str, str]]:
    """Up to ``limit`` short runs of words that differ between two sentences (``(a's, b's)``)."""
    wa, wb = _WORD.findall(one_line(a).translate(_QUOTES)), _WORD.findall(one_line(b).translate(_QUOTES))
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).get_opcodes():
        if tag != "replace" or i2 - i1 > 6 or j2 - j1 > 6:
            continue
        out.append((" ".join(wa[i1:i2]).strip(_EDGE_PUNCT), " ".join(wb[j1:j2]).strip(_EDGE_PUNCT)))
        if len(out) == limit:
            break
    return [(x, y) for x, y in out if x and y]


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def source_of(claim: Claim, doc: Document | None) -> str:
    """``"<title>, <date>, path:line"`` of a claim, leaving out what its document does not state."""
    parts = []
    if doc is not None and doc.title:
        parts.append(one_line(doc.title))
    if doc is not None and doc.date:
        parts.append(doc.date)
    parts.append(f"{claim.path}:{claim.line}")
    return ", ".join(parts)


def explain(
    kind: str | None, status: str, draft: Claim, other: Claim | None, other_is_draft: bool, docs: dict,
    disagreeing: tuple[tuple[str, str], ...] = (),
) -> tuple[str, str]:
    """``(explanation, action)`` in plain words for a draft claim and the claim it is weighed
    against; ``disagreeing``: the figures the rules found disagreeing (:func:`compare_figures`)."""
    them = "another draft sentence" if other_is_draft else "the archive"
    if other is None:
        return _single(kind, draft, docs)
    src = source_of(other, docs.get(other.doc))
    shared, qdiffs, ddiffs = compare_figures(draft, other, disagreeing if status == "conflicting" else ())
    said = [f"the draft says {d}, {them} says {o}" for d, o in qdiffs] + [f"the draft dates it {d}, {them} {o}" for d, o in ddiffs]
    agree = f"Both state {_join(shared)}." if shared else ""
    archive_values = _join([o for _, o in qdiffs] + [o for _, o in ddiffs])
    what = "figure" if qdiffs and not ddiffs else ("date" if ddiffs and not qdiffs else "figures and dates")
    if status == "conflicting":
        if said:
            text = f"The {what}s disagree: {'; '.join(said)}." if what != "figures and dates" else f"The {what} disagree: {'; '.join(said)}."
            action = f"Check the {what} against the source; {them} says {archive_values} ({src})."
        else:
            words = word_differences(draft.text, other.text)
            if words:
                text = "The statements disagree: " + "; ".join(f"the draft says “{d}”, {them} says “{o}”" for d, o in words) + "."
                action = f"Check the wording against the source; {them} says “{words[0][1]}” ({src})."
            else:
                text = f"The draft and {them} state this differently, and both cannot hold."
                action = f"Read the two statements side by side and correct the draft ({src})."
        if kind == "contradiction":
            text = f"A language model reads {them} as contradicting the draft. " + (text if said else "")
        return " ".join(t for t in (text.strip(), agree) if t), action
    if status == "review":
        if said:
            text = f"{them[0].upper() + them[1:]} has a similar statement with another {what}: {'; '.join(said)}. {agree + ' ' if agree else ''}No rule could tell whether they are the same thing."
            action = f"Decide whether both speak of the same thing; if they do, check the {what}: {them} says {archive_values} ({src})."
        elif shared:
            text = f"{them[0].upper() + them[1:]} has a similar statement that states {_join(shared)} too, but no rule could match the two."
            action = f"Decide whether both speak of the same thing; if they do, the draft agrees with {them} ({src})."
        else:
            text = f"{them[0].upper() + them[1:]} has a similar statement that no rule could decide on."
            action = f"Read the two statements side by side ({src})."
        return text, action
    # a finding of another kind between the two (scope, conversion, user rules)
    if kind == "scope":
        figures = _join(shared) or _join([o for _, o in qdiffs])
        if shared:
            text = f"Both give {_join(shared)}, but they seem to measure different things (another measure, base, region or period)."
        elif qdiffs:
            text = f"The draft's {qdiffs[0][0]} and {them}'s {qdiffs[0][1]} look alike but seem to measure different things."
        else:
            text = "The two statements look alike but seem to measure different things."
        action = f"Make clear what the draft's figure measures, so that it is not read as {them}'s {figures or 'figure'} ({src})."
        return text, action
    if kind == "conversion":
        return (
            "The amounts in two currencies imply an exchange rate unlike the other rates in the documents.",
            f"Check the conversion against {them}'s ({src}).",
        )
    if said:
        return f"{'; '.join(said)[0].upper() + '; '.join(said)[1:]}.", f"Read the two statements side by side; {them} says {archive_values} ({src})."
    return f"The draft and {them} differ here.", f"Read the two statements side by side ({src})."


def _single(kind: str | None, draft: Claim, docs: dict) -> tuple[str, str]:
    """A finding on a draft sentence alone."""
    figures = _join([q.text for q in draft.quantities] + [d.text for d in draft.dates])
    doc = docs.get(draft.doc)
    if kind == "unsupported":
        return (
            f"The summary states {figures or 'a figure'}, and no sentence in the body backs it.",
            f"Back {figures or 'the figure'} in the body, or correct the summary.",
        )
    if kind == "citation":
        markers = _join([c.text for c in draft.citations]) or "a reference marker"
        return (
            f"The sentence cites {markers}, and the document has no reference it points to.",
            f"Add the reference for {markers} to the reference list, or remove the marker.",
        )
    if kind == "timeline":
        dates = _join([d.text for d in draft.dates]) or "a date"
        when = f" ({doc.date})" if doc is not None and doc.date else ""
        return (
            f"The sentence tells of {dates} in the past tense, but that is after the document's own date{when}.",
            f"Check the date {dates}, or put the sentence in the future tense.",
        )
    return (
        f"A rule flags this sentence{' about ' + figures if figures else ''}.",
        "Read the sentence again against its sources.",
    )


# ----------------------------------------------------------------------------- grouping


def review(report: Report, drafts: set[str] | None = None) -> tuple[list[Group], list]:
    """The groups of a check report (with its drafts) and its ledger entries."""
    if drafts is None:
        drafts = draft_doc_ids(report) or set()
    view = ReportView(report)
    claims, docs = view.claims, view.documents
    disagreeing = conflicting_figures(report)
    ledger = compute_ledger(report, drafts)
    status_of = {e.claim: e.status for e in ledger}

    def place(c: Claim):
        return (c.path, c.line, c.column)

    draft_order = {e.claim: n for n, e in enumerate(ledger)}
    groups: dict[str, Group] = {}
    order: list[str] = []

    def group_of(c: Claim) -> Group:
        key = statement_key(c)
        if key not in groups:
            groups[key] = Group(Statement([c]), status_of.get(c.id, "unverified"), [])
            order.append(key)
        elif c not in groups[key].draft.claims:
            groups[key].draft.claims.append(c)
            groups[key].status = _worse(groups[key].status, status_of.get(c.id, "unverified"))
        return groups[key]

    for entry in ledger:  # every draft sentence, in draft order
        group_of(claims[entry.claim])

    merged: dict[tuple, Item] = {}

    def add(group: Group, key: tuple, make, other: Claim | None, finding: Finding | None) -> None:
        if key in merged:
            item = merged[key]
            if other is not None and item.other is not None and other not in item.other.claims:
                item.other.claims.append(other)
                item.other.claims.sort(key=place)
            if finding is not None and finding not in item.findings:
                item.findings.append(finding)
            return
        item = make()
        merged[key] = item
        group.items.append(item)

    for f in view.findings:
        mine = [claims[c] for c in f.claims if c in claims and claims[c].doc in drafts]
        if not mine:
            continue
        mine.sort(key=lambda c: draft_order.get(c.id, 0))
        draft_claim = mine[0]
        group = group_of(draft_claim)
        others = [claims[c] for c in f.claims if c in claims and claims[c].doc not in drafts]
        other_is_draft = False
        if not others and len(mine) > 1:
            others, other_is_draft = [c for c in mine[1:] if statement_key(c) != statement_key(draft_claim)], True
        other = min(others, key=place) if others else None
        status = "conflicting" if f.kind in CONFLICT_KINDS and other is not None else "finding"
        key = (id(group), "f", f.rule, f.kind, f.severity, statement_key(other) if other is not None else None)

        def make(f=f, draft_claim=draft_claim, other=other, other_is_draft=other_is_draft, status=status):
            pairs = disagreeing.get((draft_claim.id, other.id), ()) if other is not None else ()
            text, action = explain(f.kind, status, draft_claim, other, other_is_draft, docs, pairs)
            return Item(status, f, Statement([other]) if other is not None else None, other_is_draft, text, action, [f])

        add(group, key, make, other, f)
        for extra in others:
            add(group, key, make, extra, f)

    for entry in ledger:
        if entry.status != "review" or entry.finding is not None:
            continue
        draft_claim = claims[entry.claim]
        group = group_of(draft_claim)
        for cid in entry.evidence:
            other = claims[cid]
            if not comparable(draft_claim, other):
                continue
            key = (id(group), "r", statement_key(other))

            def make(draft_claim=draft_claim, other=other):
                text, action = explain(None, "review", draft_claim, other, False, docs)
                return Item("review", None, Statement([other]), False, text, action)

            add(group, key, make, other, None)

    out = [groups[k] for k in order]
    for g in out:
        g.draft.claims.sort(key=lambda c: draft_order.get(c.id, 0))
        g.items.sort(key=lambda i: (
            _ITEM_RANK[i.status],
            severity_rank(i.severity) if i.severity else 9,
            place(i.other.claim) if i.other is not None else ("", 0, 0),
            i.finding.rule if i.finding else "",
        ))
    return out, ledger


_STATUS_RANK = {"conflicting": 0, "review": 1, "confirmed": 2, "unverified": 3}


def _worse(a: str, b: str) -> str:
    return a if _STATUS_RANK.get(a, 9) <= _STATUS_RANK.get(b, 9) else b


def marked_segments(claim: Claim) -> list[tuple[str, bool]]:
    """The claim's text as ``(piece, is_figure)`` runs, for formats that mark figures their own way."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for start, end, _, _ in figure_spans(claim):
        if start > pos:
            out.append((claim.text[pos:start], False))
        out.append((claim.text[start:end], True))
        pos = end
    if pos < len(claim.text):
        out.append((claim.text[pos:], False))
    return out


def claim_items(report: Report, groups: list[Group], ledger) -> dict[str, list[Item]]:
    """What the evidence of each draft claim shows: the items of its sentence's group, and
    for a ``confirmed`` claim the archive statements that support it (a statement written in
    several places once)."""
    claims, docs = report.claim_by_id(), report.document_by_id()
    by_claim: dict[str, list[Item]] = {}
    for g in groups:
        for c in g.draft.claims:
            by_claim[c.id] = list(g.items)
    for entry in ledger:
        if entry.status != "confirmed":
            continue
        draft = claims[entry.claim]
        statements: dict[str, Statement] = {}
        for cid in entry.evidence:
            other = claims[cid]
            statements.setdefault(statement_key(other), Statement([])).claims.append(other)
        items = []
        for st in statements.values():
            shared, qdiffs, ddiffs = compare_figures(draft, st.claim)
            text = f"The archive says the same{': both state ' + _join(shared) if shared else ''}."
            items.append(Item("confirmed", None, st, False, text, f"Nothing to do; the source is {source_of(st.claim, docs.get(st.claim.doc))}."))
        by_claim[entry.claim] = items + [i for i in by_claim.get(entry.claim, []) if i.status != "confirmed"]
    return by_claim
