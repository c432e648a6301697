"""Entity facts (checker.frame.entities) and the entity_mismatch rule kind (ENT001).

Every sentence here is written for these tests (fictional machines, companies, bodies and
places; real cities and states only where a place's kind matters)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.comparison import judge_texts
from checker.extract.claims import document_claims
from checker.frame.entities import entity_bindings
from checker.frame.facts import document_facts
from checker.frame.nlp import load_nlp
from checker.frame.regions import region_tier
from checker.ingest.documents import parse_document
from checker.judge.rulekinds import KINDS, PairContext
from checker.judge.rulekinds.entities import EntityMismatch
from checker.judge.ruleset import load_rule_file
from checker.model import Claim, Fact, Report, Slot
from checker.report.json_format import to_dict
from checker.store.claims_cache import decode_claims, encode_claims
from tests.fakes import HashEmbedder

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _bindings(nlp, sentence: str):
    return [(b.relation, b.value, b.holder, b.holder_ref) for b in entity_bindings(nlp(sentence))]


def _facts_of(nlp, text: str):
    doc = parse_document(text, "markdown", "d1", "page.md", None)
    return doc, document_facts(doc, document_claims(doc, 1), nlp)


# --------------------------------------------------------------------------- frame/entities

def test_entities_location_of_a_passive_verb(nlp):
    assert _bindings(nlp, "The Orrin supercomputer, installed in 2024, is housed in Lisbon.") == [
        ("location", "Lisbon", "Orrin supercomputer", False)
    ]


def test_entities_location_of_a_participle_clause_and_a_based_compound(nlp):
    assert _bindings(nlp, "Housed in Porto since 2026, the Orrin machine draws 21 MW.") == [
        ("location", "Porto", "Orrin machine", False)
    ]
    assert _bindings(nlp, "The Lisbon-based firm Orvane raised $5 million in 2030.") == [
        ("location", "Lisbon", "Orvane", False)
    ]


def test_entities_headquarters_by_verb_and_by_noun(nlp):
    assert _bindings(nlp, "Velmar Bank, which is headquartered in Porto, hired 300 staff in 2029.") == [
        ("headquarters", "Porto", "Velmar Bank", False)
    ]
    assert _bindings(nlp, "Velmar has its headquarters in Porto and employs 4,000 people.") == [
        ("headquarters", "Porto", "Velmar", False)
    ]


def test_entities_winner_of_a_contract(nlp):
    assert _bindings(nlp, "In 2031 the Velmar contract was awarded to Kestrel Systems.") == [
        ("winner", "Kestrel Systems", "Velmar contract", False)
    ]
    assert _bindings(nlp, "Corvane Industries won the Velmar rail contract in 2032.") == [
        ("winner", "Corvane Industries", "Velmar rail contract", False)
    ]
    # "the contract": a definite description, its words kept, resolved from the context by the caller
    assert _bindings(nlp, "Halvard Systems was awarded the contract in 2029.") == [
        ("winner", "Halvard Systems", "contract", True)
    ]


def test_entities_builder_operator_and_adopter(nlp):
    assert _bindings(nlp, "Built by Korvell in 2028, the Tessaly cluster is operated by the Norden Institute.") == [
        ("builder", "Korvell", "Tessaly cluster", False),
        ("operator", "Norden Institute", "Tessaly cluster", False),
    ]
    assert _bindings(nlp, "Korvell built the Tessaly cluster in 2028.") == [("builder", "Korvell", "Tessaly cluster", False)]
    assert _bindings(nlp, "The Harbour Levy Act was approved by the Coastal Council in 2030.") == [
        ("adopter", "Coastal Council", "Harbour Levy Act", False)
    ]


def test_entities_a_value_keeps_the_place_it_lies_in(nlp):
    found = entity_bindings(nlp("Since 2027 the Orrin machine has been located at the Halden Computing Centre in Knoxville."))
    assert [(b.value, b.label, b.place) for b in found] == [("Halden Computing Centre", "FAC", "Knoxville")]


def test_entities_ordinary_objects_and_figures_give_no_fact(nlp):
    assert _bindings(nlp, "Kestrel won 30% of the market in 2030.") == []
    assert _bindings(nlp, "Kestrel made a profit of $4 million in 2030.") == []
    assert _bindings(nlp, "A supercomputer was installed in Lisbon in 2030.") == []  # no thing named


def test_region_tiers():
    assert region_tier("Tennessee") == "division" and region_tier("Portugal") == "country"
    assert region_tier("the Balkans") == "world" and region_tier("Harlan County") == "region"
    assert region_tier("Lisbon") is None and region_tier("Knoxville") is None


# --------------------------------------------------------------------------- frame/facts

def test_entity_facts_follow_the_figures_and_dates(nlp):
    _, claims = _facts_of(nlp, "The Orrin supercomputer, with 9,400 nodes, has been housed in Lisbon since 2031.\n")
    (claim,) = claims
    assert [f.kind for f in claim.facts] == ["quantity", "date", "entity"]
    assert [f.id for f in claim.facts] == [f"{claim.id}.f1", f"{claim.id}.f2", f"{claim.id}.f3"]
    fact = claim.facts[-1]
    assert (fact.figure, fact.value, fact.measure.value, fact.holder.value, fact.qualifier) == (
        None, "Lisbon", "location", "Orrin supercomputer", "GPE"
    )
    assert fact.time.value == "2031" and fact.modality == "actual"


def test_entity_fact_of_a_reference_takes_the_previous_sentence_name(nlp):
    text = "Norden opened a tender for its Orrin machine. The contract was awarded to Halvard Systems in 2031.\n"
    _, claims = _facts_of(nlp, text)
    fact = next(f for c in claims for f in c.facts if f.kind == "entity")
    assert fact.value == "Halvard Systems" and fact.holder.value == "Norden" and fact.holder.source == "previous sentence"


def test_entity_fact_of_an_unresolved_reference_is_dropped(nlp):
    _, claims = _facts_of(nlp, "The contract was awarded to Halvard Systems in 2031.\n")
    assert not [f for c in claims for f in c.facts if f.kind == "entity"]


def test_cheap_path_sets_no_entity_facts():
    doc = parse_document("The Orrin supercomputer has been housed in Lisbon since 2031.\n", "markdown", "d1", "p.md", None)
    claims = document_facts(doc, document_claims(doc, 1), None)
    assert claims and not [f for c in claims for f in c.facts if f.kind == "entity"]


def test_a_sentence_with_no_figure_or_date_is_a_claim_where_it_has_the_words_of_a_relation(nlp):
    _, claims = _facts_of(nlp, "The Orrin supercomputer is housed in Lisbon.\n")
    assert [(f.kind, f.value, f.measure.value) for c in claims for f in c.facts] == [("entity", "Lisbon", "location")]
    for text in ("The Tessaly cluster was built by Korvell.", "Halvard won the Velmar rail contract.",
                 "Orrin Energy is headquartered in Oslo.", "The Lisbon-based firm Orvane makes chips."):
        assert _facts_of(nlp, text + "\n")[1], text
    # a sentence with none of them is no claim
    for text in ("The Orrin supercomputer is the fastest machine in Europe.", "It was built for research in Lisbon."):
        assert _facts_of(nlp, text + "\n")[1] == [], text


def test_entity_facts_round_trip_the_claims_cache_and_the_json_report(nlp):
    doc, claims = _facts_of(nlp, "Built by Korvell in 2028, the Tessaly cluster is operated by the Norden Institute.\n")
    assert any(f.kind == "entity" for c in claims for f in c.facts)
    assert decode_claims(encode_claims(claims), doc, int(claims[0].id[1:])) == claims
    data = to_dict(Report(documents=[doc], claims=claims, findings=[], edges=[]))
    facts = [f for c in data["claims"] for f in c["facts"] if f["kind"] == "entity"]
    assert [(f["figure"], f["value"], f["measure"]["value"]) for f in facts] == [
        (None, "Korvell", "builder"), (None, "Norden Institute", "operator")
    ]
    json.dumps(data)  # serialisable
    frame = Report(documents=[doc], claims=claims, findings=[], edges=[]).facts_frame()
    assert list(frame[frame["kind"] == "entity"]["value"]) == ["Korvell", "Norden Institute"]


# --------------------------------------------------------------------------- rule kind

def _claim(cid: str, *facts: Fact, text: str = "x") -> Claim:
    return Claim(id=cid, doc="d" + cid, path="p", start=0, end=len(text), line=1, column=1, text=text,
                 section="body", facts=facts)


def _entity(value: str, label: str | None = "GPE", holder: str = "Orrin supercomputer", relation: str = "location",
            time: str | None = "2031", modality: str = "actual", place: str | None = None) -> Fact:
    return Fact("c.f1", "entity", None, value, measure=Slot(relation, relation, "sentence"),
                holder=Slot(holder, holder, "sentence"), time=Slot(time, time, "sentence") if time else None,
                place=Slot(place, place, "sentence") if place else None, modality=modality, qualifier=label)


def _judge(x: Fact, y: Fact):
    return EntityMismatch({}).compare(_claim("a", x), _claim("b", y), PairContext(similarity=0.5))


def test_entity_mismatch_is_registered():
    assert KINDS["entity_mismatch"] is EntityMismatch


def test_entity_mismatch_two_cities_conflict_and_one_city_supports():
    (v,) = _judge(_entity("Lisbon"), _entity("Porto"))
    assert v.relation == "conflicts" and v.finding
    assert v.reason == "same holder (Orrin supercomputer), same relation (location): Lisbon vs Porto"
    (v,) = _judge(_entity("Lisbon"), _entity("lisbon"))
    assert v.relation == "supports" and not v.finding


def test_entity_mismatch_one_name_within_the_other_agrees():
    (v,) = _judge(_entity("Oak Ridge", "FAC"), _entity("Oak Ridge National Laboratory", "FAC"))
    assert v.relation == "supports"
    (v,) = _judge(_entity("Halden Computing Centre", "FAC", place="Knoxville"), _entity("Knoxville"))
    assert v.relation == "supports"


def test_entity_mismatch_is_conservative():
    assert _judge(_entity("Knoxville"), _entity("Tennessee")) == []  # a city may lie in the state
    assert _judge(_entity("Portugal"), _entity("Europe")) == []  # a country in a world region
    assert _judge(_entity("Lisbon", "GPE"), _entity("Norden Institute", "ORG")) == []  # other labels
    assert _judge(_entity("Lisbon", None), _entity("Porto", None)) == []  # no label
    assert _judge(_entity("Lisbon"), _entity("Porto", holder="Vasca machine")) == []  # other holders
    assert _judge(_entity("Lisbon"), _entity("Porto", relation="headquarters")) == []  # other relations
    assert _judge(_entity("Lisbon", time="2026"), _entity("Porto", time="2031")) == []  # moved since
    assert _judge(_entity("Lisbon"), _entity("Porto", modality="plan")) == []  # a plan, not an outcome
    (v,) = _judge(_entity("Portugal"), _entity("Spain"))  # two countries
    assert v.relation == "conflicts"
    # a state and a country it is not in, a country and a continent it is not on
    (v,) = _judge(_entity("Arizona"), _entity("Japan"))
    assert v.relation == "conflicts"
    (v,) = _judge(_entity("Japan"), _entity("Europe"))
    assert v.relation == "conflicts"
    assert not any(v.relation == "conflicts" for v in _judge(_entity("Arizona"), _entity("the United States")))
    assert _judge(_entity("Japan"), _entity("the Middle East")) == []  # a world region with no list


def test_entity_mismatch_several_values_conflict_only_when_none_agrees():
    a = _claim("a", _entity("Lisbon"), _entity("Porto"))
    ctx = PairContext(similarity=0.5)
    (v,) = EntityMismatch({}).compare(a, _claim("b", _entity("Porto")), ctx)
    assert v.relation == "supports"
    (v,) = EntityMismatch({}).compare(a, _claim("b", _entity("Faro")), ctx)
    assert v.relation == "conflicts"


def test_a_relation_of_several_values_conflicts_with_nothing():
    # a law passed by both chambers, a machine built by two contractors; one such value still supports
    for relation in ("adopter", "builder"):
        assert _judge(_entity("Senate", "ORG", holder="Tarn Act", relation=relation),
                      _entity("Assembly", "ORG", holder="Tarn Act", relation=relation)) == [], relation
        (v,) = _judge(_entity("Senate", "ORG", holder="Tarn Act", relation=relation),
                      _entity("Senate", "ORG", holder="Tarn Act", relation=relation))
        assert v.relation == "supports"
    (v,) = _judge(_entity("Halvard", "ORG", holder="Velmar contract", relation="winner"),
                  _entity("Korvell", "ORG", holder="Velmar contract", relation="winner"))
    assert v.relation == "conflicts"


def test_entity_mismatch_ignores_claims_without_entity_facts():
    quantity = Fact("a.f1", "quantity", 0, "9,400", holder=Slot("Orrin", "Orrin", "sentence"))
    assert EntityMismatch({}).compare(_claim("a", quantity), _claim("b", _entity("Porto")), PairContext(0.9)) == []


def test_ent001_examples_on_the_parsed_path(nlp):
    """ENT001's documented examples, judged on parsed facts (from this checkout's rules/)."""
    rule = load_rule_file(ROOT / "rules" / "ENT001.yml", "rules/ENT001.yml")
    assert sum(e.expect == "fail" for e in rule.examples) >= 2 and sum(e.expect == "pass" for e in rule.examples) >= 2
    for example in rule.examples:
        judged = judge_texts(example.a, example.b, [rule], HashEmbedder())
        fired = [f.message for f in judged.findings if f.rule == "ENT001"]
        assert bool(fired) == (example.expect == "fail"), (example, fired)


def test_entity_verdicts_name_entity_facts_not_figures(nlp):
    """An ENT001 edge names the entity facts (``e<n>``), so the fact groups join the entity facts on
    it, never the claims' first figures (the dates)."""
    judged = judge_texts("The Orrin supercomputer, commissioned in 2031, is housed in Lisbon.",
                         "The Orrin supercomputer, commissioned in 2031, is housed in Porto.",
                         [load_rule_file(ROOT / "rules" / "ENT001.yml")], HashEmbedder())
    (edge,) = [e for e in judged.edges if e.rule == "ENT001"]
    assert edge.relation == "conflicts" and edge.figures == (("conflicts", "e0", "e0"),)
    report = Report(documents=[], claims=judged.claims, findings=judged.findings, edges=judged.edges)
    from checker.group import build_groups

    (group,) = build_groups(report)
    assert group.label == "Orrin supercomputer: location (2031)" and group.status == "disagree"
    assert sorted((v.value, v.unit) for v in group.values) == [("Lisbon", "entity"), ("Porto", "entity")]


def test_entities_an_active_adopter_passes_a_law(nlp):
    assert _bindings(nlp, "In 2030 the Senate passed the Tarn Act by 61 votes to 40.") == [
        ("adopter", "Senate", "Tarn Act", False)
    ]
    assert _bindings(nlp, "The Tarn Act passed the Senate in 2030 by 61 votes to 40.") == []
    assert _bindings(nlp, "Kestrel passed the Orrin milestone in 2030.") == []
    assert _bindings(nlp, "The Tarn Act, which the Senate passed in 2030, cut tariffs by 5%.") == [
        ("adopter", "Senate", "Tarn Act", False)
    ]


def test_entities_a_form_the_tagger_lemmatises_apart_still_places(nlp):
    assert _bindings(nlp, "The Halden plant, sited at Varna, produced 30,000 cars in 2030.") == [
        ("location", "Varna", "Halden plant", False)
    ]


def test_entities_a_plural_class_of_things_is_no_holder(nlp):
    assert _bindings(nlp, "Some 1,200 Orvane robotics firms located in Lisbon raised $3 billion in 2031.") == []


def test_fact_join_pairs_entity_facts_of_one_holder_and_relation(nlp):
    import numpy as np

    from checker.pair.value_join import fact_pairs

    texts = [
        ("a", "The Orrin supercomputer, commissioned in 2031, is housed in Lisbon."),
        ("b", "Engineers say that since 2031 the Orrin supercomputer has been located in Porto, near the river."),
        ("c", "The Vasca supercomputer, commissioned in 2031, is housed in Faro."),
    ]
    claims = []
    for doc_id, text in texts:
        doc = parse_document(text + "\n", "markdown", doc_id, f"{doc_id}.md", None)
        claims += document_facts(doc, document_claims(doc, len(claims) + 1), nlp)
    vectors = np.eye(len(claims), dtype=np.float32)  # no two sentences alike
    assert [(i, j) for i, j, _ in fact_pairs(claims, vectors)] == [(0, 1)]


def test_scan_reports_a_thing_placed_in_two_cities(tmp_path):
    """A scan binds entity facts on the parse, joins the claims on them and ENT001 conflicts; the
    discrepancy report shows the thing's location, each city with its documents."""
    from checker.pipeline import Pipeline, Settings

    (tmp_path / "a.md").write_text(
        "# Orrin\n\nThe Orrin supercomputer, commissioned in 2031, is housed in Lisbon.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "# Notes\n\nEngineers say that since 2031 the Orrin supercomputer has been located in Porto.\n",
        encoding="utf-8")
    (tmp_path / "c.md").write_text(
        "# Visit\n\nIn 2031 the Orrin supercomputer was installed in Lisbon, Portugal.\n", encoding="utf-8")
    rule = load_rule_file(ROOT / "rules" / "ENT001.yml", "rules/ENT001.yml")
    report = Pipeline(Settings(use_cache=False), embedder=HashEmbedder(), warn=lambda m: None, rules=[rule]).scan(
        [str(tmp_path)])
    found = [f for f in report.findings if f.rule == "ENT001"]
    assert len(found) == 2 and all(f.kind == "conflict" and f.severity == "error" for f in found)
    assert {f.message for f in found} == {"same holder (Orrin supercomputer), same relation (location): Lisbon vs Porto",
                                          "same holder (Orrin supercomputer), same relation (location): Porto vs Lisbon"}
    (group,) = report.groups  # the entity facts; no group joins the claims' dates on an ENT001 verdict
    assert group.status == "disagree" and group.label.startswith("Orrin supercomputer: location")
    assert [(v.value, v.unit, len(v.documents)) for v in group.values] == [("Lisbon", "entity", 2), ("Porto", "entity", 1)]
    from checker.report import render

    for fmt in ("terminal", "json", "markdown", "html", "sarif", "github", "csv"):
        out = render(report, fmt)  # every format renders a report with entity facts and an ENT001 finding
        assert fmt == "csv" or "Lisbon vs Porto" in out
        assert fmt in ("sarif", "github", "csv") or "Porto" in out  # every format that shows groups shows its values
    from checker.report.csv_format import render_groups

    assert "Porto" in render_groups(report) and list(report.groups_frame()["value"]) == ["Lisbon", "Porto"]
    data = json.loads(render(report, "json"))
    assert [g["values"][1]["value"] for g in data["groups"]] == ["Porto"]
    assert {f["group"] for f in data["findings"] if f["rule"] == "ENT001"} == {data["groups"][0]["id"]}
    (claim,) = [c for c in data["claims"] if "housed in Lisbon" in c["text"]]
    assert [f["value"] for f in claim["facts"] if f["kind"] == "entity"] == ["Lisbon"]


def test_entity_fact_whose_context_holder_is_the_value_is_dropped(nlp):
    text = "Halvard filed a bid in 2030. The contract was awarded to Halvard Systems in 2031.\n"
    _, claims = _facts_of(nlp, text)
    assert not [f for c in claims for f in c.facts if f.kind == "entity"]


def test_a_description_repeating_the_previous_sentences_subject_is_that_thing(nlp):
    # "the depot" after "The depot, designed by Marlow Partners, opened ..." is the depot, not the
    # name the sentence before mentions in passing
    _, claims = _facts_of(nlp, "The depot, designed by Marlow Partners, opened in 2030.\n\n"
                               "The depot was built by Tarrow Works and cost $40 million.\n")
    holders = {(f.kind, f.value): (f.holder.value, f.holder.source) for c in claims for f in c.facts if f.holder}
    assert holders[("quantity", "$40 million")] == ("depot", "previous sentence"), holders
    assert holders[("entity", "Tarrow Works")] == ("depot", "previous sentence"), holders
    # a description of another noun still takes the previous sentence's name
    _, claims = _facts_of(nlp, "Marlow Partners opened an office in Brisa in 2030.\n\nThe office was built by Tarrow Works in 2030.\n")
    entity = next(f for c in claims for f in c.facts if f.kind == "entity")
    assert (entity.holder.value, entity.holder.source) == ("Marlow Partners", "previous sentence"), entity
