"""Rule UNIT001 (unit_slip): one number written with two units of one dimension. Sentences of our own;
the rule kind is called on extracted claims with a given similarity (no embedder)."""

from __future__ import annotations

import pytest

from checker.frame.facts import document_claims_with_facts
from checker.ingest.documents import parse_document
from checker.judge.rulekinds.base import PairContext
from checker.judge.rulekinds.unitslip import UnitSlip


def _claim(text: str, doc: str):
    (claim,) = document_claims_with_facts(parse_document(text, "text", doc, f"{doc}.txt"), 1)
    return claim


def slips(a: str, b: str, similarity: float = 0.5) -> list[str]:
    return [v.reason for v in UnitSlip({}).compare(_claim(a, "a"), _claim(b, "b"), PairContext(similarity))]


def test_one_number_in_kilometres_and_in_miles_is_a_slip():
    (reason,) = slips("L4 lies 870,000 kilometers from Earth.", "The Halden probe will orbit 870,000 miles from Earth.")
    assert reason.startswith("870,000 kilometers vs 870,000 miles") and "1.61" in reason
    # even where each sentence names its own holder: a number this large does not recur by chance
    assert slips("Halden orbits 870,000 kilometers from Earth.", "Orrin orbits 870,000 miles from Earth.")


@pytest.mark.parametrize(
    "a, b",
    [
        ("The Halden trail is 100 kilometers long.", "The Halden trail is 100 miles long."),  # a round number
        ("Halden's bridge spans 1.45 kilometers.", "Orrin's ferry route spans 1.45 miles."),  # two holders, small
        ("The station orbits 870,000 kilometers from Earth.", "The station orbits 540,000 miles from Earth."),
        ("The review took 12 months.", "The review took 12 weeks."),  # units of time
        ("The probe is 870,000 miles (1.4 million km) away.", "The probe is 1.4 million km away."),
    ],
)
def test_no_slip(a, b):
    assert slips(a, b) == []


def test_below_the_similarity_nothing_is_judged():
    assert slips("L4 lies 870,000 kilometers from Earth.", "The probe will orbit 870,000 miles from Earth.", 0.1) == []
