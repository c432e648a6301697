"""Compare two texts: a verdict (conflict, support, neutral) with the rule and reason.

Each text is read as a small plain-text document; every claim of the first is paired
with every claim of the second, and the rules judge the pairs exactly as in a scan.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy as np

from .claims import corpus_claims
from .embeddings import Embedder
from .errors import InputError
from .evaluate import evaluate
from .markup_text import parse
from .model import Document
from .ruleset import Rule
from .sections import assign_sections


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
    return Document(id=doc_id, path=doc_id, text=text, format="text", blocks=assign_sections(parse(text)))


def compare_texts(pair_id: str, text_a: str, text_b: str, rules: list[Rule], embedder: Embedder) -> PairVerdict:
    docs = [_document("a", text_a), _document("b", text_b)]
    claims = list(corpus_claims(docs))
    a_claims = [i for i, c in enumerate(claims) if c.doc == "a"]
    b_claims = [i for i, c in enumerate(claims) if c.doc == "b"]
    if not a_claims or not b_claims:
        return PairVerdict(pair_id, "neutral", None, "no figure or date to compare in both texts")
    vectors = embedder.encode([c.masked_text for c in claims])
    sims = vectors @ vectors.T
    pairs = sorted((i, j, float(sims[i, j])) for i in a_claims for j in b_claims)
    findings, edges = evaluate(claims, pairs, rules, related_threshold=2.0)
    conflicts = [f for f in findings if f.kind == "conflict"]
    if conflicts:
        return PairVerdict(pair_id, "conflict", conflicts[0].rule, conflicts[0].message)
    supports = sorted((e for e in edges if e.relation == "supports"), key=lambda e: -e.score)
    if supports:
        return PairVerdict(pair_id, "support", supports[0].rule, supports[0].explanation)
    best = float(np.max(sims[np.ix_(a_claims, b_claims)]))
    return PairVerdict(pair_id, "neutral", None, f"no rule relates the figures (closest sentences {best:.2f})")


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


def compare_many(items: Iterable[tuple[str, str, str]], rules: list[Rule], embedder: Embedder) -> Iterator[PairVerdict]:
    for pair_id, a, b in items:
        yield compare_texts(pair_id, a, b, rules, embedder)
