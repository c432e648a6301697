"""Sentences that may state a fact with no figure: where a thing is, who built, won, runs or passed it.

"The Vega system is housed in Calder" states no figure or date, yet another page that houses Vega
in Brisa contradicts it. :func:`states_relation` is the cheap test that makes such a sentence a
claim (:mod:`checker.extract.claims`), so that the parser reads its entity facts
(:mod:`checker.frame.entities`): a word of placing before "in"/"at" and a capitalised word ("housed
in Calder", "headquartered at the Tarn Centre", "the Lisbon-based firm"), a verb of building,
running or passing before "by" and a capitalised word ("built by Korvell", "passed by the Senate"),
a contract, tender or licence won ("won the Velmar contract"), or something awarded to a name.
The test is words alone, no parse: a sentence it passes whose parse binds no relation has no fact.
"""

from __future__ import annotations

import re

_NAME = r"(?:the\s+)?[A-Z][\w'’.&-]*"

_RELATION = re.compile(
    rf"\b(?:located|based|housed|sited|situated|installed|stationed|headquartered)\s+(?:in|at)\s+{_NAME}"
    rf"|\bheadquarters\s+(?:(?:is|are|was|were|remains?)\s+)?(?:in|at)\s+{_NAME}"
    rf"|\b[A-Z][\w'’.&]*-based\b"
    rf"|\b(?:built|manufactured|constructed|assembled|made|operated|managed|run|passed|adopted|approved|ratified|enacted)"
    rf"\s+by\s+{_NAME}"
    r"|\b(?:won|wins|secured|secures|landed|lands|clinched|clinches)\s+(?:\S+\s+){0,5}?"
    r"(?:contract|tender|bid|concession|licen[cs]e|order|deal|franchise)s?\b"
    rf"|\b(?:awarded|granted)\s+(?:to\s+)?{_NAME}"
)


def states_relation(sentence: str) -> bool:
    """Whether ``sentence`` has the words of a fact with no figure (see the module docstring)."""
    return _RELATION.search(sentence) is not None
