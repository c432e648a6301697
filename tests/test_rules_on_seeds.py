"""The rule layer on the seed documents and on drafts with planted changes (real model)."""

from __future__ import annotations

import shutil

import pytest

from checker.pipeline import Pipeline, Settings
from tests.conftest import SEEDS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def report():
    return Pipeline(Settings(use_cache=False)).scan([str(SEEDS)])


def _texts(report, finding):
    claims = report.claim_by_id()
    return [claims[c].text for c in finding.claims]


def _with(report, kind, *fragments):
    out = []
    for f in report.findings:
        texts = " || ".join(_texts(report, f))
        if f.kind == kind and all(x in texts for x in fragments):
            out.append(f)
    return out


def test_rules_on_seeds_same_shape_pairs_are_not_conflicts_or_supports(report):
    assert [f for f in report.findings if f.kind == "conflict"] == []
    claims = report.claim_by_id()
    for e in report.edges:
        pair = claims[e.source].text + " || " + claims[e.target].text
        if "82% of A100" in pair and "85% of Rubik" in pair:
            assert e.relation not in ("supports", "conflicts")
        if "matching fragments" in pair and "against lab results" in pair:
            assert e.relation not in ("supports", "conflicts")


def test_rules_on_seeds_scope_pairs(report):
    assert _with(report, "scope", "Global robot installations up 35%", "35% Global Robot Density Surge")
    assert _with(report, "scope", "Ascend chips power 42%", "78% of core infrastructure")


def test_rules_on_seeds_unsupported_takeaways(report):
    unsupported = {_texts(report, f)[0] for f in report.findings if f.kind == "unsupported"}
    for takeaway in (
        "China’s regional AI clusters now contribute 68% of national AI GDP",
        "EU’s AI Act compliance costs estimated at €40B annually",
        "Global robot installations up 35% year-over-year",
        "Military AI spending exceeds $120B worldwide in 2025",
    ):
        assert takeaway in unsupported
    # headlines the body does back are not reported
    assert not any("Beijing Surpasses 2,400" in t for t in unsupported)
    assert not any("$20,000 Humanoid" in t for t in unsupported)
    assert not any("24 of the world" in t for t in unsupported)


def test_rules_on_seeds_dangling_citations(report):
    cited = [f for f in report.findings if f.kind == "citation"]
    claims = report.claim_by_id()
    assert cited and all(claims[f.claims[0]].path.endswith("china-ai-robotics-2026.txt") for f in cited)
    markers = " ".join(f.message for f in cited)
    for marker in ("[1]", "[2]", "[3]", "[4]", "[5]", "[1, 4]"):
        assert marker in markers


DRAFT = """\
# Draft: China's AI year

In 2023, China authorized 798,000 invention patents.

In 2022, China unveiled a domestic supercomputer capable of two exaflops.

Beijing's AI sector now has 2,100 registered enterprises.

JD Logistics has achieved near-total automation in its 40 major warehouses, deploying 150,000 domestically produced sorting robots.

The Shenzhen regulation, effective July 2026, forces companies to disclose training data sources and pass third-party bias audits.

The joint venture, capitalised at ¥2.3 billion ($290 million), will deploy Huawei's Ascend chips.
"""

PLANTED = [
    ("NUM001", "798,000", "921,000"),
    ("DATE001", "In 2022, China unveiled", "In 2024, China unveiled"),
    ("NUM001", "2,100 registered", "over 2,400 registered"),
    ("NUM001", "150,000 domestically", "120,000 domestically"),
    ("DATE001", "July 2026", "July 2025"),
]


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("planted")
    shutil.copytree(SEEDS, folder / "seeds")
    draft = folder / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    return Pipeline(Settings(use_cache=False)).check([str(draft)], [str(folder / "seeds")])


@pytest.mark.parametrize("rule, draft_text, partner_text", PLANTED, ids=[p[1] for p in PLANTED])
def test_rules_on_seeds_planted_change_found_with_partner(planted, rule, draft_text, partner_text):
    found = [f for f in planted.findings if f.rule == rule and f.kind == "conflict"]
    matches = []
    for f in found:
        texts = _texts(planted, f)
        if any(draft_text in t for t in texts) and any(partner_text in t for t in texts):
            matches.append(f)
    assert len(matches) == 1, [f.message for f in found]


def test_rules_on_seeds_planted_conversion_rate(planted):
    conversion = [f for f in planted.findings if f.rule == "CONV001"]
    assert len(conversion) == 1 and "$290 million" in conversion[0].message


def test_rules_on_seeds_no_unplanted_conflicts(planted):
    conflicts = [f for f in planted.findings if f.kind == "conflict"]
    assert len(conflicts) == len(PLANTED), [f.message for f in conflicts]
