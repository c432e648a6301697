"""NUM001: the same precise figure restated in another document supports, however the sentences
are worded and whichever holder each page's context lends it; never across two holders."""

from __future__ import annotations

import pytest

from checker.comparison import judge_texts
from checker.embed.embeddings import SentenceTransformerEmbedder
from checker.judge.ruleset import load_rules

pytestmark = pytest.mark.model

RULES = load_rules()


@pytest.fixture(scope="module")
def embedder():
    return SentenceTransformerEmbedder()


def relations(a: str, b: str, embedder) -> set[str]:
    judged = judge_texts(a, b, RULES, embedder)
    docs = {c.id: c.doc for c in judged.claims}
    return {e.relation for e in judged.edges if e.rule == "NUM001" and {docs[e.source], docs[e.target]} == {"a", "b"}} | {
        "conflicts" for f in judged.findings if f.rule == "NUM001"
    }


SUPPORTS = [
    # a label under a heading that names the measure, against a label under the machine's heading
    ("# Kestrel Supercomputer\n\n## Power Consumption\n\nTotal Power: 34 MW (megawatt) operational power budget, "
     "among the highest-power facilities worldwide", "# Systems\n\n## Kestrel\n\nPower: 34 MW."),
    # a count whose noun the other side words apart, of one holder (the previous sentence's)
    ("Kestrel has also increased its total core count, from 4,512,768 cores on the last list to 4,700,112 cores "
     "on this list.", "Kestrel is the fastest machine on the list. The system has a total of 4,512,768 combined "
     "GPU and CPU cores and uses a fast network for data transfer."),
    # a count with its noun on one side only
    ("Halcyon has released their V2 model - a 583B parameter MoE architecture that activates 41B parameters and "
     "was trained on 12.6T high-quality tokens.", "# Halcyon costs\n\nThe Halcyon V2 model, while larger than "
     "Orca 3, used significantly fewer training tokens at 12.6 trillion."),
    # a tier of a list against a ceiling stated alone, after an ordinary word that names no one
    ("The fines are tiered, EUR 45 million or 8% for prohibited applications, EUR 25 million or 4% for violations "
     "of the Act's obligations, and EUR 9.5 million or 2.5% for supplying incorrect information.",
     "Breaching obligations — up to EUR 25,000,000 or 4%."),
]


@pytest.mark.parametrize("a, b", SUPPORTS)
def test_a_restated_figure_supports(a, b, embedder):
    assert relations(a, b, embedder) == {"supports"}


NOT_SUPPORTS = [
    # two holders the sentences name themselves
    ("Kestrel has a total of 4,512,768 cores.", "Orrin has a total of 4,512,768 cores."),
    # two pages' subjects, inherited from their titles, for a figure of two significant digits
    ("# Kestrel Supercomputer\n\nTotal Power: 34 MW operational power budget, among the highest-power facilities "
     "worldwide", "# Orrin Systems\n\nPower: 34 MW."),
    # two pages' subjects, inherited from their titles, even for a figure of three significant digits
    ("# Kestrel Supercomputer\n\nTotal Power: 34.2 MW operational power budget, among the highest-power facilities "
     "worldwide", "# Orrin Systems\n\nPower: 34.2 MW."),
    # two counted nouns
    ("The Kestrel array holds 4,512,768 cores.", "The Kestrel array holds 4,512,768 files."),
    # a peak and a sustained rate
    ("Kestrel reached a peak rate of 2.41 exaflops on the benchmark in its first year of service.",
     "# Kestrel\n\nEngineers held the machine at a sustained rate of 2.41 exaflops."),
]


@pytest.mark.parametrize("a, b", NOT_SUPPORTS)
def test_no_support_across_holders_or_measures(a, b, embedder):
    assert "supports" not in relations(a, b, embedder)
