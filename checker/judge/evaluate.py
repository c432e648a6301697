"""Run the rules over candidate pairs and the corpus: findings and claim-graph edges.

Each candidate pair is judged by every enabled pair rule; corpus rules see all claims.
Between two claims the graph keeps the strongest relation: ``conflicts`` over
``supports`` over ``related`` (a candidate pair no rule judged). A pair of repeated
sentences already judged in this run is not judged again: its verdicts are reused.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..runtime import forkpool
from .findings import make_finding, order_findings
from ..model import Claim, Document, Edge, Finding
from ..extract.references import reference_numbers
from .rulekinds import PairContext, Verdict
from .ruleset import Rule


@dataclass(frozen=True)
class Judgement:
    """What judging a run's candidate pairs gives: each claim's cluster label, the findings
    and the graph's edges."""

    labels: list[int]
    findings: list[Finding]
    edges: list[Edge]


_STRENGTH = {"conflicts": 3, "supports": 2, "related": 1}


@dataclass
class CorpusContext:
    """What corpus rules may look at besides the claims."""

    pairs: list[tuple[int, int, float]]
    doc_dates: dict[str, str | None] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    references: dict[str, set[int] | None] = field(default_factory=dict)  # per document; None: no list


def evaluate(
    claims: list[Claim],
    pairs: list[tuple[int, int, float]],
    rules: list[Rule],
    doc_dates: dict[str, str | None] | None = None,
    related_threshold: float = 0.6,
    documents: list[Document] | None = None,
    nli=None,
    drafts: frozenset[str] = frozenset(),
) -> tuple[list[Finding], list[Edge]]:
    """Findings and edges; ``nli`` (a :class:`checker.judge.nli.NliJudge`) lets the ``nli`` rules judge
    the candidate pairs that no pair rule supported or contradicted; ``drafts``: the ids of the
    documents checked as drafts (:attr:`~checker.judge.rulekinds.base.PairContext.drafts`)."""
    doc_dates = doc_dates or {}
    references = {d.id: reference_numbers(d.text) for d in documents or []}
    by_id = {c.id: c for c in claims}
    active = [r for r in rules if r.enabled]
    findings: list[Finding] = []
    best: dict[tuple[str, str], Edge] = {}

    def offer(edge: Edge, verdict: Verdict | None = None) -> None:
        key = (edge.source, edge.target)
        current = best.get(key)
        figures = current.figures if current is not None else ()
        if verdict is not None and verdict.relation in ("supports", "conflicts") and len(verdict.claims) == 2:
            mine = figures_of(verdict, by_id)
            figures = figures if mine in figures else figures + (mine,)
        if current is not None and current.relation == edge.relation and edge.explanation not in current.explanation:
            merged = f"{current.explanation}; {edge.explanation}" if current.score >= edge.score else f"{edge.explanation}; {current.explanation}"
            best[key] = Edge(edge.source, edge.target, edge.relation, current.rule, max(current.score, edge.score), merged)
        elif current is None or (_STRENGTH[edge.relation], edge.score) > (_STRENGTH[current.relation], current.score):
            best[key] = edge
        if figures:  # every verdict's figures stay, whichever relation the edge keeps
            best[key] = replace(best[key], figures=figures)

    pair_rules = [r for r in active if r.impl.scope == "pair" and not r.impl.fallback]
    pair_rules += [r for r in active if r.impl.scope == "pair" and r.impl.fallback]
    common = common_terms(claims)
    undecided: list[tuple[int, int, float]] = []
    for (i, j, sim), outcome in zip(pairs, _judged(claims, pairs, pair_rules, doc_dates, common, frozenset(drafts))):
        a, b = claims[i], claims[j]
        related = False
        for n, verdicts in outcome:
            for verdict in verdicts:
                related = related or verdict.relation in ("supports", "conflicts")
                if verdict.relation:
                    offer(Edge(a.id, b.id, verdict.relation, pair_rules[n].id, verdict.score, verdict.reason), verdict)
                if verdict.finding:
                    findings.append(make_finding(pair_rules[n], verdict, by_id))
        if not outcome and sim >= related_threshold:
            offer(Edge(a.id, b.id, "related", None, round(sim, 4), "similar statements"))
        if not related:
            undecided.append((i, j, sim))

    nli_rules = [r for r in active if r.impl.scope == "nli"]
    if nli is not None and nli_rules and undecided:
        from .nli import nli_verdicts

        for rule, verdict in nli_verdicts(claims, undecided, nli_rules, nli):
            offer(Edge(*verdict.claims, verdict.relation, rule.id, verdict.score, verdict.reason), verdict)
            if verdict.finding:
                findings.append(make_finding(rule, verdict, by_id))

    corpus = CorpusContext(pairs=pairs, doc_dates=doc_dates, edges=list(best.values()), references=references)
    for rule in active:
        if rule.impl.scope != "corpus":
            continue
        for verdict in rule.impl.check(claims, corpus):
            if verdict.relation and len(verdict.claims) == 2:
                offer(Edge(*verdict.claims, verdict.relation, rule.id, verdict.score, verdict.reason), verdict)
            if verdict.finding:
                findings.append(make_finding(rule, verdict, by_id))

    order = {c.id: n for n, c in enumerate(claims)}
    edges = sorted(best.values(), key=lambda e: (order[e.source], order[e.target]))
    return order_findings(findings, by_id), edges


def figures_of(verdict: Verdict, by_id: dict[str, Claim]) -> tuple[str, str, str]:
    """``(relation, figure in a, figure in b)`` of a two-claim verdict: from its ``key`` (the
    figures' start offsets, ``"<start in a>:<start in b>"``), else from the texts its message
    fields quote (``a``, ``b``) among the claims' figures and dates; "" where neither says. A
    verdict on two entity facts (key ``"e:<fact id in a>:<fact id in b>"``, ENT001) names them
    ``e<n>``: the claim's n-th entity fact, never a figure or a date."""
    a, b = (by_id.get(c) for c in verdict.claims[:2])
    if verdict.key.startswith("e:") and verdict.key.count(":") == 2:
        ids = verdict.key.split(":")[1:]

        def entity(claim: Claim | None, fact_id: str) -> str:
            own = [f.id for f in claim.facts if f.kind == "entity"] if claim is not None else []
            return f"e{own.index(fact_id)}" if fact_id in own else ""

        return (verdict.relation or "", entity(a, ids[0]), entity(b, ids[1]))
    starts = verdict.key.split(":") if verdict.key else []

    def find(claim: Claim | None, n: int) -> str:
        if claim is None:
            return ""
        if len(starts) == 2 and starts[n].lstrip("-").isdigit():
            at = int(starts[n])
            for i, q in enumerate(claim.quantities):
                if q.start == at:
                    return f"q{i}"
            for i, d in enumerate(claim.dates):
                if d.start == at:
                    return f"d{i}"
        text = verdict.fields.get("ab"[n], "").strip()
        if text:
            for i, d in enumerate(claim.dates):
                if d.text.strip() == text:
                    return f"d{i}"
            for i, q in enumerate(claim.quantities):
                if q.text.strip() == text:
                    return f"q{i}"
        return ""

    return (verdict.relation or "", find(a, 0), find(b, 1))


#: Fewer candidate pairs than this are judged in the calling process (a pool costs a
#: fraction of a second to start and to send verdicts back).
MIN_POOLED_PAIRS = 20_000

Outcome = tuple[tuple[int, tuple[Verdict, ...]], ...]  # (pair rule's index, its verdicts), rules with verdicts only


@dataclass(frozen=True)
class _Judging:
    """What judging a range of candidate pairs reads, computed once a run (and handed to
    pool workers whole, by the fork)."""

    claims: list[Claim]
    pairs: list[tuple[int, int, float]]
    pair_rules: list[Rule]
    doc_dates: dict
    common: frozenset[str]
    content: list[int]  # per claim, a number equal for claims of the same content
    repeated: frozenset[int]  # contents that more than one claim has
    drafts: frozenset[str] = frozenset()  # documents checked as drafts


def _judged(
    claims: list[Claim], pairs: list[tuple[int, int, float]], pair_rules: list[Rule], doc_dates: dict, common: frozenset[str],
    drafts: frozenset[str] = frozenset(),
) -> list[Outcome]:
    """Every pair rule's verdicts on each candidate pair, in order: on a
    :mod:`checker.runtime.forkpool` pool of processes when there are many pairs, each judging a
    range of them (the claims, pairs and rules reach the workers by forking)."""
    content = _content_ids(claims)
    run = _Judging(claims, pairs, pair_rules, doc_dates, common, content, frozenset(_repeated(content)), drafts)
    if len(pairs) < MIN_POOLED_PAIRS or not forkpool.can_fork():
        return _judge_range(run, 0, len(pairs))
    parts = forkpool.workers_for(len(pairs)) * 4
    step = -(-len(pairs) // parts)
    ranges = [(lo, min(lo + step, len(pairs))) for lo in range(0, len(pairs), step)]
    done = forkpool.fork_map(_judge_shared_range, ranges, what="judging candidate pairs", share={"judge": run})
    return [outcome for part in done for outcome in part]


def _judge_shared_range(bounds: tuple[int, int]) -> list[Outcome]:
    return _judge_range(forkpool.shared("judge"), *bounds)


def _judge_range(run: _Judging, lo: int, hi: int) -> list[Outcome]:
    """The outcomes of ``run.pairs[lo:hi]``. A pair of repeated sentences already judged (the
    same texts, sections and document dates, in the same or different documents, at the
    same similarity) gets the same verdicts, naming its own claims: repeated boilerplate
    is judged once."""
    claims, content, repeated, doc_dates = run.claims, run.content, run.repeated, run.doc_dates
    memo: dict[tuple, tuple[str, str, Outcome]] = {}
    outcomes: list[Outcome] = []
    for i, j, sim in run.pairs[lo:hi]:
        a, b = claims[i], claims[j]
        key = None
        if content[i] in repeated or content[j] in repeated:
            key = (content[i], content[j], a.doc == b.doc, sim, doc_dates.get(a.doc), doc_dates.get(b.doc),
                   a.doc in run.drafts, b.doc in run.drafts)
        if key is not None and key in memo:
            first_a, first_b, outcome = memo[key]
            ids = {first_a: a.id, first_b: b.id}  # the verdicts name the first pair's claims
            outcomes.append(tuple((n, tuple(replace(v, claims=tuple(ids.get(c, c) for c in v.claims)) for v in verdicts)) for n, verdicts in outcome))
            continue
        ctx = PairContext(similarity=sim, doc_dates=doc_dates, common_terms=run.common, drafts=run.drafts)
        judged: list[tuple[int, tuple[Verdict, ...]]] = []
        related = False
        for n, rule in enumerate(run.pair_rules):
            if rule.impl.fallback and related:
                continue
            verdicts = tuple(rule.impl.compare(a, b, ctx))
            if verdicts:
                related = related or any(v.relation in ("supports", "conflicts") for v in verdicts)
                judged.append((n, verdicts))
        outcome = tuple(judged)
        if key is not None:
            memo[key] = (a.id, b.id, outcome)
        outcomes.append(outcome)
    return outcomes


def common_terms(claims: list[Claim], share: float = 0.1, least_claims: int = 30) -> frozenset[str]:
    """Words in more than ``share`` of the claims: in an AI report, "ai" tells no metric apart.

    Small sets of claims (fewer than ``least_claims``) have no common words.
    """
    if len(claims) < least_claims:
        return frozenset()
    counts: dict[str, int] = {}
    for claim in claims:
        for term in set(claim.terms):
            counts[term] = counts.get(term, 0) + 1
    limit = share * len(claims)
    return frozenset(t for t, n in counts.items() if n > limit)


def _content_ids(claims: list[Claim]) -> list[int]:
    """A number per claim, equal for claims of the same content (all but where they sit; the
    facts count, since one sentence takes another holder or time from another context)."""
    ids: dict[tuple, int] = {}
    return [
        ids.setdefault(
            (c.text, c.section, c.quantities, c.dates, c.citations, c.terms, c.subjects, c.past_tense,
             tuple((f.kind, f.figure, f.measure, f.holder, f.time, f.place, f.modality, f.direction) for f in c.facts)),
            len(ids),
        )
        for c in claims
    ]


def _repeated(content: list[int]) -> set[int]:
    seen: set[int] = set()
    again: set[int] = set()
    for n in content:
        (again if n in seen else seen).add(n)
    return again
