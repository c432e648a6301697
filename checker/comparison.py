"""Compare two texts: a verdict (conflict, support, neutral) with the rule and reason.

Each text is read as a small plain-text document; every claim of the first is paired
with every claim of the second, and the rules judge the pairs exactly as in a scan.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Iterator

from .extract.claims import corpus_claims
from .embed.embeddings import Embedder
from .errors import InputError
from .judge.evaluate import evaluate
from .extract.dates import find_dateline
from .ingest.markup_text import parse
from .model import Claim, Document, Edge, Finding
from .judge.ruleset import Rule
from .ingest.sections import assign_sections
from .pair.similarity import pair_scores


@dataclass(frozen=True)
class PairVerdict:
    id: str
    verdict: str  # "conflict", "support", "neutral"
    rule: str | None
    message: str

    def as_json(self) -> str:
        return json.dumps(
            {"id": self.id, "verdict": self.verdict, "rule": self.rule, "message": self.message},
            ensure_ascii=False,
        )


def _document(doc_id: str, text: str) -> Document:
    blocks = assign_sections(parse(text))
    date = find_dateline([b.text for b in blocks])
    return Document(id=doc_id, path=doc_id, text=text, format="text", date=date, blocks=blocks)


@dataclass
class Judgement:
    """Everything the rules said about two texts."""

    claims: list[Claim]
    findings: list[Finding]
    edges: list[Edge]
    best_similarity: float


@dataclass
class _Prepared:
    """Two texts read into claims, before their sentences are encoded."""

    docs: list[Document]
    claims: list[Claim]


def _prepare(text_a: str, text_b: str, nlp_model: str | None = None) -> _Prepared:
    """Both texts read into claims with their facts, bound on each claim's parse by the spaCy
    pipeline ``nlp_model`` (the default one; ``none``: the cheap path) as a scan binds them."""
    from .frame.facts import document_facts
    from .frame.nlp import load_nlp

    docs = [_document("a", text_a), _document("b", text_b)]
    claims = list(corpus_claims(docs))
    # the facts of each side's claims, bound on the parse as a scan binds them (checker.frame.facts)
    nlp = load_nlp(nlp_model)
    claims = [c for doc in docs for c in document_facts(doc, [c for c in claims if c.doc == doc.id], nlp)]
    return _Prepared(docs, claims)


def _judge(prepared: _Prepared, vectors, rules: list[Rule], nli=None) -> Judgement:
    """Every claim of A paired with every claim of B (``vectors``: one row per claim); all rules run."""
    claims, docs = prepared.claims, prepared.docs
    if not claims:
        return Judgement(claims, [], [], 0.0)
    a_claims = [i for i, c in enumerate(claims) if c.doc == "a"]
    b_claims = [i for i, c in enumerate(claims) if c.doc == "b"]
    ends = [(i, j) for i in a_claims for j in b_claims]
    scores = pair_scores(vectors, [i for i, _ in ends], vectors, [j for _, j in ends]) if ends else []
    pairs = sorted((i, j, float(s)) for (i, j), s in zip(ends, scores))
    findings, edges = evaluate(
        claims, pairs, rules, {d.id: d.date for d in docs}, related_threshold=2.0, documents=docs, nli=nli
    )
    best = max((p[2] for p in pairs), default=0.0)
    return Judgement(claims, findings, edges, best)


def judge_texts(
    text_a: str, text_b: str, rules: list[Rule], embedder: Embedder, nli=None, nlp_model: str | None = None
) -> Judgement:
    """Claims of both texts; every claim of A paired with every claim of B; all rules run.
    ``nlp_model``: the spaCy pipeline that binds the claims' facts (None: the default one)."""
    prepared = _prepare(text_a, text_b, nlp_model)
    if not prepared.claims:
        return Judgement([], [], [], 0.0)
    vectors = embedder.encode([c.masked_text for c in prepared.claims])
    return _judge(prepared, vectors, rules, nli)


def compare_texts(pair_id: str, text_a: str, text_b: str, rules: list[Rule], embedder: Embedder) -> PairVerdict:
    """The verdict on a pair: ``conflict`` when a conflict rule fires between the texts."""
    return _verdict(pair_id, judge_texts(text_a, text_b, rules, embedder))


def _verdict(pair_id: str, judged: Judgement) -> PairVerdict:
    docs_of = {c.id: c.doc for c in judged.claims}
    if {"a", "b"} - set(docs_of.values()):
        return PairVerdict(pair_id, "neutral", None, "no figure or date to compare in both texts")
    findings = [f for f in judged.findings if {docs_of[c] for c in f.claims} == {"a", "b"}]
    edges = judged.edges
    conflicts = [f for f in findings if f.kind == "conflict"] or [f for f in findings if f.kind == "contradiction"]
    if conflicts:  # a rule's conflict, else the NLI stage's contradiction
        return PairVerdict(pair_id, "conflict", conflicts[0].rule, conflicts[0].message)
    supports = sorted((e for e in edges if e.relation == "supports"), key=lambda e: -e.score)
    if supports:
        return PairVerdict(pair_id, "support", supports[0].rule, supports[0].explanation)
    return PairVerdict(
        pair_id, "neutral", None, f"no rule relates the figures (closest sentences {judged.best_similarity:.2f})"
    )


def read_pairs(path: str) -> Iterator[tuple[str, str, str]]:
    """``(id, text_a, text_b)`` for each line of a JSONL file; a bad line is an input error."""
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read pairs file: {exc.strerror}", path) from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                pair_id, a, b = str(row["id"]), row["text_a"], row["text_b"]
                if not isinstance(a, str) or not isinstance(b, str):
                    raise TypeError("text_a and text_b must be strings")
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"line is not an object with id, text_a, text_b ({exc})", f"{path}:{number}") from None
            yield pair_id, a, b


def compare_many(
    items: Iterable[tuple[str, str, str]], rules: list[Rule], embedder: Embedder, batch: int = 4096, nli=None
) -> Iterator[PairVerdict]:
    """Verdicts for many pairs, in order. The claims of up to ``batch`` pairs are read first
    and their distinct sentences encoded in one call, so the encoder (and its cache) sees
    large batches instead of one small batch a pair."""
    chunk: list[tuple[str, _Prepared]] = []
    for pair_id, a, b in items:
        chunk.append((pair_id, _prepare(a, b)))
        if len(chunk) >= batch:
            yield from _judge_chunk(chunk, rules, embedder, nli)
            chunk = []
    if chunk:
        yield from _judge_chunk(chunk, rules, embedder, nli)


def _judge_chunk(
    chunk: list[tuple[str, _Prepared]], rules: list[Rule], embedder: Embedder, nli=None
) -> Iterator[PairVerdict]:
    row: dict[str, int] = {}
    for _, prepared in chunk:
        for claim in prepared.claims:
            row.setdefault(claim.masked_text, len(row))
    vectors = embedder.encode(list(row)) if row else None
    for pair_id, prepared in chunk:
        if not prepared.claims:
            yield _verdict(pair_id, Judgement([], [], [], 0.0))
            continue
        own = vectors[[row[c.masked_text] for c in prepared.claims]]
        yield _verdict(pair_id, _judge(prepared, own, rules, nli))
