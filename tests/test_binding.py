"""The spaCy fact binder (checker.frame.binding) and the discourse context (checker.frame.context).

Every sentence here is written for these tests (fictional companies, places and figures)."""

from __future__ import annotations

import pytest

from checker.extract.claims import sentence_claim
from checker.frame.binding import bind
from checker.frame.facts import document_facts
from checker.frame.nlp import load_nlp
from checker.ingest.documents import parse_document
from checker.extract.claims import document_claims


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _bound(nlp, sentence: str, figure: str):
    """The binding of the first quantity or date of ``sentence`` whose text is ``figure``."""
    claim = sentence_claim(sentence, set()) or {}
    parsed = nlp(sentence)
    for q in claim.get("quantities", ()):
        if q.text == figure:
            return bind(parsed, q.start, q.end, "quantity", q.noun, q.kind)
    for d in claim.get("dates", ()):
        if d.text == figure:
            return bind(parsed, d.start, d.end, "date")
    raise AssertionError(f"no figure {figure!r} in {[q.text for q in claim.get('quantities', ())]}")


def test_possessive_holder_and_subject_measure(nlp):
    b = _bound(nlp, "Acme's quarterly revenue rose 12% to $4.2 billion in 2024.", "$4.2 billion")
    assert (b.holder, b.measure, b.holder_ref) == ("Acme", "revenue", False)


def test_worldwide_on_the_figures_verb_is_its_place_never_its_holder(nlp):
    assert _bound(nlp, "Orrin has 500 stores worldwide.", "500").place == "World"
    assert _bound(nlp, "Orrin employs 12,000 people around the world.", "12,000").place == "World"
    b = _bound(nlp, "Total power: 34 MW, among the highest-power facilities worldwide.", "34 MW")
    assert b.place is None  # the facility is ranked worldwide, the figure is not counted so


def test_a_place_in_the_figures_own_phrase(nlp):
    assert _bound(nlp, "The film grossed $120 million in North America.", "$120 million").place == "North America"
    assert _bound(nlp, "Orrin employs 3,000 people in Germany.", "3,000").place == "Germany"


def test_the_agent_of_a_passive_with_a_subject_is_not_the_holder(nlp):
    assert _bound(nlp, "Orrin was founded in 1998 by Jane Smith.", "1998").holder == "Orrin"
    b = _bound(nlp, "It was first released on October 27, 2031 by Halden Records.", "October 27, 2031")
    assert (b.holder, b.holder_ref) == (None, True)  # "it": the sentence before says what
    assert _bound(nlp, "The US led with 41 labs, followed by Germany with 12.", "12").holder == "Germany"


def test_a_headlines_verbless_change_measures_its_noun(nlp):
    assert _bound(nlp, "Revenue up 12% to $4 billion", "12%").measure == "revenue"
    assert _bound(nlp, "Robot installations up 35% in Korea", "35%").measure == "installation"  # tagged a verb
    assert _bound(nlp, "Orrin shipped up to 5,000 units", "5,000").measure == "unit"


def test_a_proper_noun_the_recogniser_left_unlabelled_names_its_thing(nlp):
    b = _bound(nlp, "The Porto site will cost $300 million.", "$300 million")
    assert (b.holder, b.holder_ref) == ("Porto site", False)
    b = _bound(nlp, "The site will cost $300 million.", "$300 million")
    assert b.holder_ref  # "the site": the sentences before say which


def test_a_name_in_apposition_to_a_describing_subject_is_the_holder(nlp):
    assert _bound(nlp, "The Chinese carmaker BYD sold 3 million cars in 2023.", "3 million").holder == "BYD"
    assert _bound(nlp, "In 2024, chipmaker Halvard reported revenue of $6 billion.", "$6 billion").holder == "Halvard"
    assert _bound(nlp, "The carmaker, Orrin, sold 40,000 cars in 2023.", "40,000").holder == "Orrin"
    # a described subject with no name stays a reference to one
    b = _bound(nlp, "The carmaker sold 40,000 cars in 2023.", "40,000")
    assert (b.holder, b.holder_ref) == ("carmaker", True)


def test_each_figure_of_a_ranking_gets_its_own_holder(nlp):
    sentence = "The US led with 41 labs, followed by Germany with 12."
    assert _bound(nlp, sentence, "41").holder == "US"
    assert _bound(nlp, sentence, "12").holder == "Germany"
    assert _bound(nlp, sentence, "12").measure is None  # a bare number: its noun is not guessed


def test_figure_in_an_of_phrase_measures_its_noun_and_the_clause_names_the_holder(nlp):
    b = _bound(nlp, "Borealis Tech, with a benchmark score of 1.19 exaflops, has led the list since May 2022.", "1.19 exaflops")
    assert (b.holder, b.measure) == ("Borealis Tech", "benchmark score")


def test_an_acronym_beside_the_measure_is_not_preferred_to_the_clause_subject(nlp):
    b = _bound(nlp, "Borealis topped the ranking with an HPL score of 1.31 exaflops.", "1.31 exaflops")
    assert b.holder == "Borealis"


def test_measure_after_the_figure_in_an_in_phrase(nlp):
    b = _bound(nlp, "The collapse wiped out $59 billion in the firm's market capitalization.", "$59 billion")
    assert b.measure == "market capitalization"
    assert b.holder_ref  # "the firm's": the context says whose


def test_change_amount_measures_the_subject(nlp):
    b = _bound(nlp, "Its market value fell by $12 billion on Monday.", "$12 billion")
    assert b.measure == "market value" and b.holder_ref


def test_amount_a_verb_reaches_is_measured_by_the_verb(nlp):
    b = _bound(nlp, "Velmar Corp plans to invest $40 million in new kilns.", "$40 million")
    assert b.holder == "Velmar Corp"
    assert b.measure == "invest"


def test_indefinite_in_phrase_is_no_measure(nlp):
    b = _bound(nlp, "The company raised $40 million in a Series B round.", "$40 million")
    assert b.measure == "raise"
    assert b.holder == "company" and b.holder_ref


def test_relative_clause_figure_belongs_to_the_noun_it_describes(nlp):
    b = _bound(nlp, "Kestrel Motors is building a US$12 billion plant in Nevada which will produce 30,000 cars a year.", "30,000")
    assert b.holder == "Kestrel Motors" and b.measure == "car production"  # what the plant will produce: its production of cars
    b = _bound(nlp, "Kestrel Motors is building a US$12 billion plant in Nevada which will produce 30,000 cars a year.", "US$12 billion")
    assert (b.measure, b.place) == ("plant", "Nevada")


def test_pronoun_subject_is_a_reference(nlp):
    b = _bound(nlp, "Priced at $900, it ships in March.", "$900")
    assert b.holder is None and b.holder_ref


def test_date_events(nlp):
    assert _bound(nlp, "The regulation entered into force on 1 August 2024.", "1 August 2024").event == "enter into force"
    assert _bound(nlp, "Production is slated to begin in 2028 at the second fab.", "2028").event == "begin production"
    b = _bound(nlp, "The Halden plant is expected to be ready for commercial production in 2026.", "2026")
    assert (b.holder, b.event) == ("Halden plant", "ready for production")
    assert _bound(nlp, "The council adopted the ordinance on March 3, 2024.", "March 3, 2024").event == "adopt"


def test_an_event_noun_described_by_a_participle_and_its_owner(nlp):
    # the light verb's subject is the noun the participle clause describes
    b = _bound(nlp, "The new Kessler mill will use electric furnaces, with production slated to begin in 2028.", "2028")
    assert (b.holder, b.event) == ("Kessler mill", "begin production")
    # the event noun's "of/at" phrase names whose event it is
    assert _bound(nlp, "Construction of the Brisa bridge began in 2019.", "2019").holder == "Brisa bridge"
    assert _bound(nlp, "Production at Valdor Steel began in 2019.", "2019").holder == "Valdor Steel"
    # a place the event happens at is no holder; an unnamed "of" noun names none
    assert _bound(nlp, "Production at Phoenix began in 2019.", "2019").holder != "Phoenix"
    assert _bound(nlp, "Construction of the bridge began in 2019.", "2019").holder is None


def _facts_of(nlp, text: str, fmt: str = "markdown"):
    doc = parse_document(text, fmt, "d1", "page.md", None)
    return doc, document_facts(doc, document_claims(doc, 1), nlp)


def test_pronoun_takes_the_previous_sentence_name(nlp):
    _, claims = _facts_of(nlp, "Tessaro unveiled its Lumen drone on Tuesday. It costs $900 and weighs 2 kg.\n")
    fact = next(f for c in claims for f in c.facts if f.value == "$900")
    assert fact.holder.value == "Tessaro" and fact.holder.source == "previous sentence"


def test_no_holder_takes_the_heading_then_the_title(nlp):
    text = "# Orrin supercomputer\n\n## Specifications\n\nCompute: 9,408 nodes.\n"
    _, claims = _facts_of(nlp, text)
    fact = next(f for c in claims for f in c.facts if f.value == "9,408")
    assert fact.holder.value == "Orrin" and fact.holder.source in ("heading", "title")


def test_a_heading_in_lower_case_letters_only_names_no_one(nlp):
    # a forum post: the member's handle over the quoted story is no name; the title's is
    text = "# Kessler approves a second mill\n\n## bluefox\n\nCompute: 9,408 nodes.\n"
    _, claims = _facts_of(nlp, text)
    fact = next(f for c in claims for f in c.facts if f.value == "9,408")
    assert fact.holder is not None and fact.holder.value != "bluefox"


def test_a_sentence_naming_someone_else_takes_no_holder_from_the_title(nlp):
    text = "# Kessler Steel annual review\n\nVarna lithium output 1.01 million tonnes (2025)\n\nRevenue rose 5% in 2024.\n"
    _, claims = _facts_of(nlp, text)
    facts = {f.value: f for c in claims for f in c.facts if f.kind == "quantity"}
    # "Varna" is no holder the parse binds, but the sentence is not about the title's company
    assert facts["1.01 million tonnes"].holder is None or facts["1.01 million tonnes"].holder.value != "Kessler Steel"
    assert facts["5%"].holder.value == "Kessler Steel" and facts["5%"].holder.source == "title"
    # nor where the tagger read the place's name as an adjective
    text = "# Labour outlook for Guangdong\n\nFujian lithium output 8.75 million tonnes (the third quarter of 2019)\n\nThe labour market in Guangdong tightened.\n"
    _, claims = _facts_of(nlp, text)
    fact = next(f for c in claims for f in c.facts if f.value == "8.75 million tonnes")
    assert fact.holder is None or fact.holder.value != "Guangdong", fact.holder
    # names of a list beside the figure are not whose the figure is
    text = "# Orrin supercomputer\n\nNode Architecture: Varda CPU (64 cores) + 4x Brant GPU, total 8,730 nodes\n"
    _, claims = _facts_of(nlp, text)
    fact = next(f for c in claims for f in c.facts if f.value == "8,730")
    assert fact.holder.value == "Orrin" and fact.holder.source == "title"


def test_a_name_is_its_whole_run_of_proper_nouns(nlp):
    # the small model's entity may hold the last word only
    assert _bound(nlp, "Lumen Solar ships 62,394 robots (2022)", "62,394").holder == "Lumen Solar"


def test_named_holder_in_the_sentence_wins_over_context(nlp):
    text = "# Orrin supercomputer\n\nThe rival Vasca machine has 7,200 nodes.\n"
    _, claims = _facts_of(nlp, text)
    fact = next(f for c in claims for f in c.facts if f.value == "7,200")
    assert fact.holder.source == "sentence" and "Vasca" in fact.holder.value


def test_foreign_sentences_keep_the_cheap_path(nlp):
    _, claims = _facts_of(nlp, "# 概况\n\n该基金成立于2014年9月24日,总规模为1387亿元。\n")
    for c in claims:
        for f in c.facts:
            assert f.measure is None or f.measure.source == "sentence"
            assert f.holder is None or f.holder.source == "sentence"


def test_relative_time_is_read_against_the_document_date(nlp):
    text = "---\ndate: 2024-05-02\n---\n\nTessaro shipped 4,000 drones last year.\n"
    _, claims = _facts_of(nlp, text)
    fact = next(f for c in claims for f in c.facts if f.value == "4,000")
    assert fact.time.value == "2023" and fact.time.source == "relative"


def test_currency_restatement_shares_the_measure_and_holder(nlp):
    _, claims = _facts_of(nlp, "The Orla Fund has a registered capital of 344 billion yuan ($47.5 billion).\n")
    facts = {f.value: f for c in claims for f in c.facts}
    assert facts["$47.5 billion"].measure == facts["344 billion yuan"].measure
    assert facts["$47.5 billion"].measure.value == "registered capital"
    assert facts["$47.5 billion"].holder.value == "Orla Fund"


def test_an_empty_verb_is_no_measure(nlp):
    b = _bound(nlp, "Tessaro achieved this with just $5 million.", "$5 million")
    assert b.measure is None


def test_a_currency_code_is_no_holder(nlp):
    _, claims = _facts_of(nlp, "Fines reach EUR 15 million or 3% of turnover.\n")
    for f in claims[0].facts:
        assert f.holder is None or "EUR" not in f.holder.value


def test_measure_synonyms_fold():
    from checker.frame.keys import folded_measure

    assert folded_measure("market capitalization") == "market value"
    assert folded_measure("single-day market value") == "market value"
    assert folded_measure("revenue") == "revenue"


def test_negated_clause_binds_no_event_and_no_measure(nlp):
    assert _bound(nlp, "The Orla wagon was not introduced in 1993.", "1993").event is None
    assert _bound(nlp, "The population of Velm was not up to 5,000 in 2010.", "5,000").measure is None
    assert _bound(nlp, "The Orla wagon was introduced in 1993.", "1993").event == "introduce"


def test_a_date_of_a_counted_object_is_no_event(nlp):
    _, claims = _facts_of(nlp, "In 2019, buyers in Velm registered 55,386 electric vehicles.\n")
    (date,) = [f for f in claims[0].facts if f.kind == "date"]
    assert date.measure is None
    _, claims = _facts_of(nlp, "Tessaro launched its Lumen drone in March 2024.\n")
    (date,) = [f for f in claims[0].facts if f.kind == "date"]
    assert date.measure is not None and date.measure.value == "launch"


def test_a_place_of_a_clause_describing_the_measure(nlp):
    b = _bound(nlp, "Onshore wind capacity connected in Velmoria came to 3.1 GW in 2022.", "3.1 GW")
    assert b.place == "Velmoria"


def test_a_place_of_the_subject(nlp):
    b = _bound(nlp, "In 2020, wind farms in Portugal added 7.9 GW of capacity.", "7.9 GW")
    assert b.place == "Portugal"


def test_nlp_model_none_binds_by_the_cheap_path():
    from checker.frame.facts import document_claims_with_facts

    assert load_nlp("none") is None
    doc = parse_document("Tessaro's revenue rose 12% to $4.2 billion in 2024.\n", "text", "d1", "a.txt", None)
    claims = document_claims_with_facts(doc, 1, "none")
    assert claims and all(f.measure is None or f.measure.source == "sentence" for c in claims for f in c.facts)
    parsed = document_claims_with_facts(doc, 1)
    assert [f.measure for f in claims[0].facts] != [f.measure for f in parsed[0].facts]


def test_revenue_at_a_company_is_its_revenue_and_a_place_holds_a_figure_with_no_holder(nlp):
    b = _bound(nlp, "In 2019, revenue at Oakvale Analytics came to $15.8 billion.", "$15.8 billion")
    assert b.holder == "Oakvale Analytics"
    text = "# Velmoria energy review\n\nIn 2024, lithium output in Portugal reached 6.98 million tonnes.\n"
    _, claims = _facts_of(nlp, text)
    fact = next(f for c in claims for f in c.facts if f.value == "6.98 million tonnes")
    assert fact.holder.value == "Portugal" and fact.holder.source == "sentence"


def test_agent_of_a_nominal_and_a_place_in_the_figures_phrase(nlp):
    b = _bound(nlp, "Deliveries of industrial robots by Norvale Foods totalled 1,266 units in 2021.", "1,266")
    assert b.holder == "Norvale Foods"
    b = _bound(nlp, "Fibre broadband reached 21.2% of households in Portugal by the end of 2018.", "21.2%")
    assert b.place == "Portugal"


def test_an_estimate_of_the_past_is_a_reported_outcome_and_a_forecast_looks_ahead(nlp):
    from checker.frame.facts import modality

    past = "Researchers estimated that Velm produced 3.04 million tonnes of copper in 2023."
    ahead = "Velm is expected to produce 4 million tonnes of copper in 2027."
    assert modality(past, nlp(past)) == "reported"
    assert modality(ahead, nlp(ahead)) == "forecast"
    assert modality(past) == "forecast"  # without the parse, the word alone


def test_a_place_in_the_measures_own_phrase(nlp):
    b = _bound(nlp, "Registrations of electric vehicles in Estonia rose to 95,116 in August 2018.", "95,116")
    assert b.place == "Estonia"


@pytest.mark.parametrize(
    "sentence, figure, holder",
    [
        ("The patent office granted Valdor Solar 2,995 invention patents in 2021.", "2,995", "Valdor Solar"),
        ("The startup register of Portugal listed 169 firms by the end of 2025.", "169", "Portugal"),
        ("Output of microcontroller chips at Denholm Semiconductor totalled 289.2 million in 2023.", "289.2 million", "Denholm Semiconductor"),
        ("In 2024, Portugal exported machinery worth €24.0 billion.", "€24.0 billion", "Portugal"),
    ],
)
def test_holders_of_datives_of_phrases_and_nested_figures(nlp, sentence, figure, holder):
    assert _bound(nlp, sentence, figure).holder == holder


def test_a_units_of_phrase_is_its_measure_and_a_fixed_expression_is_none(nlp):
    assert _bound(nlp, "In 2020, Portugal commissioned 711 megawatts of electrolyser capacity.", "711 megawatts").measure == "electrolyser capacity"
    b = _bound(nlp, "In 2025, unemployment in Portugal averaged 9.2% of the labour force, in line with targets.", "9.2%")
    assert b.measure != "line"


def test_a_place_compounded_in_the_figures_phrase(nlp):
    b = _bound(nlp, "Fibre reaches 95.2% of Portugal homes (2020)", "95.2%")
    assert "Portugal" in (b.place, b.holder)


def test_a_places_name_or_adjective_before_the_measure_is_its_place(nlp):
    # a country's short name before the measure, and adjectives of place, one or two words
    assert _bound(nlp, "Orrin's US sales reached $3 billion in 2023.", "$3 billion").place == "US"
    assert _bound(nlp, "Orrin's European revenue was $5 billion in 2023.", "$5 billion").place == "Europe"
    assert _bound(nlp, "Orrin's South Korean revenue was $2 billion in 2023.", "$2 billion").place == "South Korea"
    assert _bound(nlp, "Chinese exports rose 5% in 2023.", "5%").place == "China"
    # a word of place describing the holder is not where the figure is counted
    b = _bound(nlp, "The Chinese carmaker BYD sold 3 million cars in 2023.", "3 million")
    assert (b.holder, b.place) == ("BYD", None)
    b = _bound(nlp, "US chipmaker Nvidia reported revenue of $60 billion in 2024.", "$60 billion")
    assert (b.holder, b.place) == ("Nvidia", None)
    # a place the sentence names in a phrase comes first; a measure with no such word has none
    assert _bound(nlp, "There are 8,000 Indian restaurants in London.", "8,000").place == "London"
    assert _bound(nlp, "Orrin's quarterly revenue was $5 billion in 2023.", "$5 billion").place is None


def test_a_collection_frames_the_counted_noun(nlp):
    assert _bound(nlp, "Velmar has a fleet of 50,000 GPUs.", "50,000").measure == "fleet gpu"
    assert _bound(nlp, "Velmar trained the model on 2,048 GPUs.", "2,048").measure == "gpu"


def test_the_agent_of_a_clause_describing_the_subject_and_several_misread_subjects(nlp):
    b = _bound(nlp, "In 2023, fabs operated by Brightwater Materials made 48.2 million microcontroller chips.", "48.2 million")
    assert b.holder == "Brightwater Materials"
    b = _bound(nlp, "A filing revealed that the AI startup register of Portugal listed 5,578 firms by the end of 2021.", "5,578")
    assert b.holder == "Portugal"
    b = _bound(nlp, "Velmoria counts 3,791 AI startups (2019)", "3,791")
    assert b.place != "AI" and b.holder != "AI"


@pytest.mark.parametrize(
    "sentence, figure, measure",
    [
        # the people who voted, by the side they voted
        ("The Orsel council approved the plan; 12 councillors voted against.", "12", "votes against"),
        ("In the Orsel council, 31 members voted in favour of the plan.", "31", "votes for"),
        ("Of the 40 deputies, 22 voted for the Brenna reform.", "22", "votes for"),
        ("Nine councillors voted no.", "Nine", "votes against"),
        ("Six senators abstained.", "Six", "abstentions"),
        # votes with their side, and a bare figure's side in a list after a vote
        ("The Orsel charter was adopted with 523 votes in favour, 461 against and 49 abstentions.", "523", "votes for"),
        ("The Orsel charter was adopted with 523 votes in favour, 461 against and 49 abstentions.", "461", "votes against"),
        ("The Orsel charter was adopted with 523 votes in favour, 461 against and 49 abstentions.", "49", "abstentions"),
        ("The motion received 461 votes against.", "461", "votes against"),
        ("Votes against: 461.", "461", "votes against"),
        ("The vote was 12 for and 3 against.", "3", "votes against"),
        # a tally after a verb that decides a vote
        ("The Orsel council approved the plan by 31 votes to 12.", "31", "votes for"),
        ("The Orsel council approved the plan by 31 votes to 12.", "12", "votes against"),
        ("The Brenna bill passed 61-39 in the senate.", "61", "votes for"),
        ("The Brenna bill passed 61-39 in the senate.", "39", "votes against"),
        ("The Brenna senate voted 61 to 39 to approve the bill.", "39", "votes against"),
        # a vote lost: the larger side is against, whichever comes first
        ("The motion was rejected by 40 votes to 12.", "40", "votes against"),
        ("The amendment was rejected 45-55.", "45", "votes for"),
        # no side: a count of votes stays one, a range stays a range of what it counts
        ("The plan received 31 votes.", "31", "vote"),
        ("The Orsel board approved 20-30 new homes.", "20", "new home"),
        ("31 members attended the vote.", "31", "member"),
    ],
)
def test_a_count_of_one_side_of_a_vote_measures_that_side(nlp, sentence, figure, measure):
    assert _bound(nlp, sentence, figure).measure == measure


def test_a_side_of_a_vote_with_no_holder_is_the_body_that_voted(nlp):
    b = _bound(nlp, "The Orsel council approved the plan; 12 councillors voted against.", "12")
    assert b.holder == "Orsel council"
    b = _bound(nlp, "The council approved the plan; 12 councillors voted against.", "12")
    assert (b.holder, b.holder_ref) == ("council", True)  # a definite description: the context says which
    b = _bound(nlp, "The plan was approved by Orsel Town Council; 12 councillors voted against.", "12")
    assert b.holder == "Orsel Town Council"


def test_votes_for_and_against_are_two_measures_however_worded():
    from checker.frame.facts import document_claims_with_facts
    from checker.frame.keys import measure_key, quantity_fact

    def keys(text):
        (claim,) = document_claims_with_facts(parse_document(text, "text", "d", "d.txt"), 1)
        return [measure_key(quantity_fact(claim, i), q) for i, q in enumerate(claim.quantities)]

    tally = keys("The Orsel council approved the plan by 31 votes to 12.")
    assert tally == keys("The Orsel council approved the plan; 31 councillors voted in favour, 12 against.")
    assert tally[0] != tally[1]
    assert keys("Twelve councillors voted against the plan.") == [tally[1]]
    assert keys("The plan received 31 votes.") != [tally[0]]  # a count of votes with no side


# ---------------------------------------------------------------- ordinal things

def _date_fact(claims, value):
    return next(f for c in claims for f in c.facts if f.kind == "date" and f.value == value)


def test_an_ordinal_thing_in_a_relative_clause_is_the_holder_and_its_place_is_the_place(nlp):
    # the parse hangs "which ..." on Toledo: the mill, not the city, is to be ready
    b = _bound(nlp, "Kessler said it has begun construction of the second mill in Toledo, which is expected "
                    "to be ready for commercial production in 2026.", "2026")
    assert (b.thing, b.holder, b.place) == ("second mill", "Kessler", "Toledo")


def test_an_ordinal_subject_is_the_holder_not_its_owner(nlp):
    first = _bound(nlp, "Kessler's first mill started production in 2024.", "2024")
    second = _bound(nlp, "Kessler's second mill will start production in 2028.", "2028")
    assert (first.thing, first.holder) == ("first mill", "Kessler")
    assert (second.thing, second.holder) == ("second mill", "Kessler")
    b = _bound(nlp, "The third plant opened in 2025 with 2,000 workers.", "2,000")
    assert (b.thing, b.holder, b.measure) == ("third plant", None, "worker")


def test_an_ordinal_thing_of_the_event_with_its_place_and_the_clause_owner(nlp):
    b = _bound(nlp, "Production at the second fab in Phoenix is slated to begin in 2028.", "2028")
    assert (b.thing, b.place, b.holder, b.holder_ref) == ("second fab", "Phoenix", None, True)
    b = _bound(nlp, "Kessler plans to begin installing furnaces at its second Ohio mill around the third quarter of 2026.",
               "third quarter of 2026")
    assert (b.thing, b.holder, b.place) == ("second mill", "Kessler", "Ohio")
    b = _bound(nlp, "Arizona's first fab began volume production in late 2024.", "2024")
    assert (b.thing, b.holder, b.place) == ("first fab", None, "Arizona")  # a place's possessive is where


def test_periods_occasions_and_ranks_are_no_ordinal_things(nlp):
    assert _bound(nlp, "Revenue rose 12% in the second quarter of 2024.", "12%").thing is None
    assert _bound(nlp, "Kessler cut prices for the second time in 2024.", "2024").thing is None
    assert _bound(nlp, "Kessler became the first company to produce green steel in 2024.", "2024").thing is None


def test_an_ordinal_thing_takes_its_owner_from_context(nlp):
    _, claims = _facts_of(nlp, "Kessler said it has begun construction of the second mill in Toledo. The second mill "
                               "will use electric arc furnaces, with production slated to begin in 2028.\n")
    fact = _date_fact(claims, "2028")
    assert (fact.holder.value, fact.holder.source) == ("Kessler second mill", "previous sentence")
    _, claims = _facts_of(nlp, "The second mill will start production in 2028.\n")
    assert _date_fact(claims, "2028").holder.value == "second mill"  # no owner anywhere: the thing alone


def test_ordinal_things_join_by_ordinal_and_site_noun_never_their_owner(nlp):
    from checker.frame.keys import holder_key, things_join

    def fact(text, value):
        _, claims = _facts_of(nlp, text + "\n")
        return _date_fact(claims, value), claims[0]

    mill, c1 = fact("Kessler's second mill will start production in 2028.", "2028")
    fab, c2 = fact("Kessler's second fab will start production in 2026.", "2026")
    bare, _ = fact("The second factory will start production in 2026.", "2026")
    first, _ = fact("Kessler's first mill started production in 2024.", "2024")
    owner, _ = fact("Kessler will start production in 2027.", "2027")
    other, _ = fact("Brant's second mill will start production in 2027.", "2027")
    assert holder_key(mill, c1) == holder_key(fab, c2) == "kessler second plant"
    assert things_join(mill, fab) and things_join(mill, bare)  # an owner on one side only joins
    assert things_join(mill, first) is False and things_join(mill, owner) is False
    assert things_join(mill, other) is False
    assert things_join(owner, owner) is None  # no ordinal thing: the usual rules


@pytest.mark.parametrize(
    "sentence, figure, holder",
    [
        # a copula's named complement says who the role is: the ministry's stake, not "its" owner's
        ("Its largest investor is the Varnish Ministry of Trade, with a 21 percent stake.", "21 percent",
         "Varnish Ministry of Trade"),
        # a ranking: "followed by X, with N" gives N to X
        ("Its largest investor is the Varnish Ministry of Trade, with a 21 percent stake, followed by Orvia "
         "Capital, with a 10.5 percent stake.", "10.5 percent", "Orvia Capital"),
        # a name as the subject keeps the subject
        ("Acme's revenue is $5 billion, with 20% from cloud.", "20%", "Acme"),
        # "in Lyon, France" places the team (the parse may make "France" a subject): no holder
        ("In March 2025, a research team in Lyon, France trained a large language model for $7.3 million.",
         "$7.3 million", None),
    ],
)
def test_holders_of_copulas_rankings_and_places_after_places(nlp, sentence, figure, holder):
    assert _bound(nlp, sentence, figure).holder == holder


def test_a_one_word_name_is_the_pages_longer_name_that_holds_it(nlp):
    # (not its first word: "Apple" is not "Apple Vision Pro")
    text = ("The Harlan Vega Space Telescope was launched in 2031. Vega's primary mirror is 4.2 metres across.\n\n"
            "# Orvia Lending\n\nThe Bank of Orvia lent $3.1 billion in 2031. Orvia itself borrowed $2.2 billion.\n")
    _, claims = _facts_of(nlp, text)
    facts = {f.value: f for c in claims for f in c.facts}
    assert facts["4.2 metres"].holder.value == "Harlan Vega Space Telescope"
    assert facts["4.2 metres"].holder.text == "Vega"  # the words the sentence wrote
    assert facts["$2.2 billion"].holder.value == "Orvia"  # "Bank of Orvia" is another name


def test_a_unit_figure_before_a_compound_measures_what_the_holder_is_said_to_have(nlp):
    # "Vega is a ... telescope": the telescope is Vega; 4.2 m is its diameter
    assert _bound(nlp, "Vega is a 4.2 meter diameter telescope.", "4.2 meter").measure == "diameter"
    # "an 8-hour battery life": the life of the battery, the whole phrase
    assert _bound(nlp, "The Lumen X2 has an 8-hour battery life.", "8-hour").measure == "battery life"


def test_a_with_phrase_tells_of_the_site_of_its_clause(nlp):
    b = _bound(nlp, "Kessler plans to begin installing furnaces at its second Ohio mill in 2026, with steel "
                    "production targeted for 2027.", "2027")
    assert (b.holder, b.thing, b.event) == ("Kessler", "second mill", "target production")


def test_a_reporting_verbs_subject_is_not_what_the_next_sentence_inherits(nlp):
    text = ("Kessler plans to open a third mill in Ohio in 2027, Ledger News reported. It will cost $2.2 billion.\n")
    _, claims = _facts_of(nlp, text)
    fact = next(f for c in claims for f in c.facts if f.value == "$2.2 billion")
    assert fact.holder.value == "Kessler"


def test_a_unit_after_the_figure_is_never_its_holder(nlp):
    _, claims = _facts_of(nlp, "Total: debuted at 1.21 EFLOPS LINPACK sustained in June 2031.\n", "text")
    fact = next(f for c in claims for f in c.facts if f.value == "1.21 EFLOPS")
    assert fact.holder is None or "EFLOPS" not in fact.holder.value


def test_names_after_a_semicolon_are_another_clauses(nlp):
    text = (
        "Orrin (2031): the first exaflop machine\n\n"
        "Total: debuted at 1.21 EFLOPS LINPACK sustained in June 2031; later Vexa results are about 1.4 EFLOPS.\n"
    )
    _, claims = _facts_of(nlp, text, "text")
    fact = next(f for c in claims for f in c.facts if f.value == "1.21 EFLOPS")
    assert fact.holder.value == "Orrin" and fact.holder.source in ("heading", "title")


def test_a_title_opening_with_a_name_and_a_colon_is_about_that_name(nlp):
    text = "Orrin V2: Training a Frontier Model for Just $4M\n\nKey figures:\n\nTraining time: 190K GPU hours\n"
    _, claims = _facts_of(nlp, text, "text")
    fact = next(f for c in claims for f in c.facts if f.value == "190K")
    assert (fact.holder.value, fact.holder.source) == ("Orrin V2", "title")


def test_a_fact_line_with_an_aside_in_brackets_is_no_heading_and_its_possessor_holds_the_other_figure(nlp):
    text = (
        "Orrin V2: Training a Frontier Model for Just $4M\n\n"
        "Training time: 190K GPU hours (vs. Vexa 3's 21.5M GPU hours)\n"
        "Total cost: $4.1M\n"
    )
    doc, claims = _facts_of(nlp, text, "text")
    assert [b.kind for b in doc.blocks][1:] == ["paragraph", "paragraph"]
    facts = {f.value: f for c in claims for f in c.facts}
    assert facts["21.5M"].holder.value == "Vexa 3"
    assert facts["$4.1M"].holder.value == "Orrin V2"  # the line above is no heading of it


def test_a_participle_naming_no_event_dates_the_event_it_describes(nlp):
    _, claims = _facts_of(
        nlp, "Kessler's first mill is on track to start production using 4nm tooling in the first half of 2031.\n", "text"
    )
    fact = next(f for c in claims for f in c.facts if f.kind == "date")
    assert fact.measure.value == "production start"
    assert fact.holder.value == "Kessler first mill" and fact.modality == "forecast"


def test_a_lower_case_word_tagged_a_proper_noun_is_no_name(nlp):
    _, claims = _facts_of(nlp, "Arizona’s first fab is on track to start production in the first half of 2031.\n", "text")
    fact = next(f for c in claims for f in c.facts if f.kind == "date")
    assert fact.holder.value == "first fab" and fact.place.value == "Arizona"


def test_take_effect_is_an_event(nlp):
    b = _bound(nlp, "Halden's ethics rules take effect in July 2031.", "July 2031")
    assert b.event_words == "take effect"


def test_a_definite_description_after_a_sentence_creating_a_name_is_the_thing_created(nlp):
    text = (
        "Orrin Oil, Vexa Mobile and Brightwater have launched the Kestrel Data Consortium.\n"
        "The joint venture, capitalised at ¥2.3 billion, will build two data centres.\n"
    )
    _, claims = _facts_of(nlp, text, "text")
    fact = next(f for c in claims for f in c.facts if f.value == "¥2.3 billion")
    assert (fact.holder.value, fact.holder.source) == ("Kestrel Data Consortium", "previous sentence")


def test_the_company_after_a_creating_sentence_is_still_its_subject(nlp):
    text = "Orrin Oil has launched the Kestrel Data Consortium.\nThe company raised ¥2.3 billion last year.\n"
    _, claims = _facts_of(nlp, text, "text")
    fact = next(f for c in claims for f in c.facts if f.value == "¥2.3 billion")
    assert fact.holder.value == "Orrin Oil"


def test_the_robot_after_a_sentence_starting_to_make_it_is_that_robot(nlp):
    text = (
        "Tessaro has begun mass-producing its Lumen X humanoid, targeting 5,000 units monthly.\n"
        "Priced at $30,000, the robot features an 8-hour battery life.\n"
    )
    _, claims = _facts_of(nlp, text, "text")
    fact = next(f for c in claims for f in c.facts if f.value == "8-hour")
    assert "Lumen" in fact.holder.value and fact.holder.source == "previous sentence"


def _holder_of(nlp, text: str, value: str):
    """The holder slot of the fact whose figure is ``value``, in the Markdown document ``text``."""
    _, claims = _facts_of(nlp, text)
    holder = next(f for c in claims for f in c.facts if f.value == value).holder
    return holder.value, holder.source


def test_a_title_case_heading_of_common_words_names_no_one(nlp):
    under = "\n\n## Complete Capacity Overview\n\nCompute: 9,408 nodes.\n"
    text = "# Kessler Steel annual review\n\nThe year at Kessler Steel." + under
    assert _holder_of(nlp, text, "9,408") == ("Kessler Steel", "title")
    # a page whose running text names nothing keeps its heading's name
    text = "# Annual review\n\n## Kestrel Supercomputer\n\nCompute: 9,408 nodes.\n"
    assert _holder_of(nlp, text, "9,408") == ("Kestrel Supercomputer", "heading")
    # a heading's name the running text writes as a name is one
    text = "# Annual review\n\n## Orrin System Specifications\n\nThe Orrin machine was built in Porto.\n\nCompute: 9,408 nodes.\n"
    assert _holder_of(nlp, text, "9,408") == ("Orrin", "heading")


def test_a_name_before_an_open_parenthesis_ends_there(nlp):
    b = _bound(nlp, "The Orsel Act (Regulation (OR) 2030/77) entered into force on 11 January 2031.", "11 January 2031")
    assert b.holder == "Orsel Act"


def test_a_title_naming_a_law_names_all_of_it(nlp):
    from checker.frame.context import about

    assert about(nlp("EU Data Act Deadline — April 1, 2031"))[0] == "EU Data Act"
    assert about(nlp("Kessler gets a grant under the Steel Act"))[0] == "Kessler"  # the subject, not the law


def _holders(nlp, text: str) -> dict[str, set[str]]:
    doc = parse_document(text, "markdown", "d1", "d1.md")
    return {c.text: {f.holder.value for f in c.facts if f.holder} for c in document_facts(doc, document_claims(doc, 1), nlp)}


def test_a_title_case_heading_is_parsed_as_the_running_text_writes_its_words(nlp):
    # capitalised verbs and common words made one long "name" of the heading ("Orrin Opens Plant")
    holders = _holders(
        nlp,
        "# Coastal projects in 2026\n\nSeveral firms opened a new plant or museum this year.\n\n"
        "## 6. Veltra Launches AI Curator: Museum Archives Digitised\n\n"
        "The project digitised 160,000 museum items in 2025.\n\n"
        "## Orrin Opens Plant in Texas\n\nThe plant employs 1,200 people.\n",
    )
    assert holders["The project digitised 160,000 museum items in 2025."] == {"Veltra"}
    assert holders["The plant employs 1,200 people."] == {"Orrin"}


def test_sentence_casing_keeps_names_acronyms_and_other_texts(nlp):
    from checker.frame.context import DocumentContext

    doc = parse_document(
        "# Harbour works\n\nThe New Harbour Bridge carries 40,000 cars a day, the port said in its annual report.\n",
        "markdown", "d1", "d1.md",
    )
    context = DocumentContext(doc, nlp)
    # "Harbour" and "Bridge" are written capitalised within a sentence: a name; "Annual" and
    # "Report" in lower case; "Opens" a verb's form; "NHB" an acronym; "Kestrel" a word the page never writes
    assert context.sentence_cased("New Harbour Bridge Opens With NHB Annual Report") == "New Harbour Bridge opens with NHB annual report"
    assert context.sentence_cased("Kestrel Unveiled in Harbour") == "Kestrel unveiled in Harbour"
    assert context.sentence_cased("Harbour works in 2026") == "Harbour works in 2026"  # not title case


def test_a_model_code_before_a_noun_names_the_thing(nlp):
    # "the Orrin-X2 model" was a definite description ("X2 model", resolved from the sentence
    # before: another company's name); a code of capitals and digits is no acronym like "AI"
    holders = _holders(
        nlp,
        "Shares of Veltra fell 17% on Monday.\n\nResearchers from Boston-based Orrin wrote last month that the "
        "Orrin-X2 model, launched in March 2025, used Veltra's older chips for training at a cost of $6 million.\n\n"
        "The Orrin X2 model cost $9 million to train. The H800 chips cost $10,000 each.\n",
    )
    assert "Orrin-X2 model" in next(h for text, h in holders.items() if text.startswith("Researchers"))
    assert "Veltra" not in next(h for text, h in holders.items() if text.startswith("Researchers"))
    assert holders["The Orrin X2 model cost $9 million to train."] == {"Orrin X2 model"}
    assert holders["The H800 chips cost $10,000 each."] == {"H800 chips"}
    # an acronym beside a noun still says what kind, not whose
    assert _bound(nlp, "Its HPL score reached 1.2 exaflops in 2024.", "1.2 exaflops").holder is None


def test_a_numbered_headline_with_a_subtitle_is_about_its_subject(nlp):
    # the list's number and the subtitle after the colon made the parse miss the headline's subject
    # (it named "AI Archaeologist"); "Showcases", a verb, is no part of a name
    holders = _holders(
        nlp,
        "# Technology in 2026\n\nNew tools came from Tencent and from humanoid robotics firms in Shanghai this year.\n\n"
        "## 6. Tencent Launches AI Archaeologist: Oracle Bone Scripts Digitised\n\n"
        "The project digitised 160,000 oracle bone fragments in 2025.\n\n"
        "## Shanghai Showcases Humanoid Robotics Breakthroughs\n\nThe fair drew 41,000 visitors in 2025.\n",
    )
    assert holders["The project digitised 160,000 oracle bone fragments in 2025."] == {"Tencent"}
    assert holders["The fair drew 41,000 visitors in 2025."] == {"Shanghai"}


# -- a date an event was moved to -------------------------------------------------------------------


def _date_facts(nlp, text: str):
    _, claims = _facts_of(nlp, "---\ndate: 2025-03-01\n---\n\n" + text + "\n")
    return [f for c in claims for f in c.facts if f.kind == "date"]


@pytest.mark.parametrize("sentence, event, when", [
    ("The opening of the Brisa bridge was pushed back to March 2029.", "open", "2029-03"),
    ("Velda delayed the launch of its Kestrel satellite to 2027.", "launch", "2027"),
    ("Production at the Valdor mill slipped into 2026.", "production start", "2026"),
    ("The vote, postponed until June 2026, will decide the budget.", "adopt", "2026-06"),
])
def test_the_date_an_event_is_moved_to_is_its_planned_date(nlp, sentence, event, when):
    (fact,) = _date_facts(nlp, sentence)
    assert (fact.measure.value if fact.measure else None, fact.time.value, fact.modality) == (event, when, "plan")


def test_the_moved_event_is_of_the_thing_its_noun_names(nlp):
    (fact,) = _date_facts(nlp, "Orrin makes cement.\n\nThe opening of the Brisa bridge was pushed back to March 2029.")
    assert fact.holder.value == "Brisa bridge"


def test_the_date_an_event_was_moved_from_dates_no_event(nlp):
    old, new = _date_facts(nlp, "The opening of Orrin's second plant in Ohio has been postponed from 2026 to 2028.")
    assert (old.time.value, old.measure) == ("2026", None)
    assert (new.time.value, new.measure.value, new.modality) == ("2028", "open", "plan")


@pytest.mark.parametrize("sentence", [
    "Marlow moved its headquarters to Austin in 2019.",  # a move in a year, no date moved
    "The Tessel plant was delayed to 2028.",  # its opening, or its production?
    "The launch was not delayed to 2027.",
])
def test_no_moved_event_where_none_is_named_or_it_is_denied(nlp, sentence):
    (fact,) = _date_facts(nlp, sentence)
    assert fact.measure is None and fact.modality != "plan"


def test_a_moved_date_supports_the_same_plan_and_conflicts_with_another(nlp):
    from checker.judge.rulekinds import PairContext
    from checker.judge.rulekinds.dates import DateMismatch

    rule = DateMismatch({})

    def claim(text):
        _, claims = _facts_of(nlp, text + "\n")
        return claims[0]

    moved = claim("The opening of the Brisa bridge was pushed back to March 2029.")
    same = claim("The Brisa bridge will open in March 2029.")
    other = claim("The Brisa bridge will open in June 2028.")
    assert [v.relation for v in rule.compare(moved, same, PairContext(similarity=0.8))] == ["supports"]
    assert [v.relation for v in rule.compare(moved, other, PairContext(similarity=0.8))] == ["conflicts"]


# -- whose event: the thing an event verb's object names, and where ---------------------------------


def test_an_event_verbs_named_object_is_whose_event_it_is(nlp):
    (launch,) = _date_facts(nlp, "Orrin launched the X2 drone in 2031.")
    assert (launch.holder.value, launch.measure.value) == ("X2 drone", "launch")
    (adopted,) = _date_facts(nlp, "Valdria adopted the Harbour Safety Act in 2031.")
    assert adopted.holder.value != "Valdria"
    # a common noun names no thing of its own: the subject's event, where it happened
    (store,) = _date_facts(nlp, "Orrin opened a store in Lyon in 2031.")
    assert (store.holder.value, store.place.value) == ("Orrin", "Lyon")
    (plant,) = _date_facts(nlp, "Orrin opened its Austin plant in 2031.")
    assert (plant.holder.value, plant.place.value) == ("Orrin", "Austin")


def test_events_of_two_things_or_two_places_are_two_events_one_things_conflict(nlp):
    from checker.judge.rulekinds import PairContext
    from checker.judge.rulekinds.dates import DateMismatch

    rule = DateMismatch({})

    def relations(a, b):
        ca, cb = _facts_of(nlp, a + "\n")[1][0], _facts_of(nlp, b + "\n")[1][0]
        return [v.relation for v in rule.compare(ca, cb, PairContext(similarity=0.9))]

    assert "conflicts" not in relations("Orrin launched the X2 drone in 2030.", "Orrin launched the X3 drone in 2031.")
    assert "conflicts" not in relations("Orrin opened its Austin plant in 2029.", "Orrin opened its Reno plant in 2031.")
    assert relations("Orrin launched the X2 drone in 2030.", "The X2 drone was launched in 2029.") == ["conflicts"]
    assert relations("Orrin's Austin plant opened in 2030.", "Orrin opened its Austin plant in 2029.") == ["conflicts"]
    # one country by two of its names is one place: one event
    assert relations("Orrin opened its first store in the US in 2029.", "Orrin opened its first store in the United States in 2031.") == ["conflicts"]
    assert "conflicts" not in relations("Orrin opened its first store in the US in 2029.", "Orrin opened its first store in Canada in 2031.")
    # a state and another country, a country and a continent it is not on: two events
    assert "conflicts" not in relations("Orrin opened a plant in Arizona in 2029.", "Orrin opened a plant in Japan in 2030.")
    assert "conflicts" not in relations("Orrin launched the X2 drone in Europe in 2029.", "Orrin launched the X2 drone in Japan in 2031.")
    assert relations("Orrin opened a plant in Austin in 2029.", "Orrin opened a plant in Texas in 2030.") == ["conflicts"]
    # an ordinal object is whose event it is: the first store's opening is not the 100th's
    assert "conflicts" not in relations("Orrin opened its first store in 2010.", "Orrin opened its 100th store in 2018.")
    assert relations("Orrin opened its first store in 2010.", "Orrin's first store opened in 2012.") == ["conflicts"]
    # a passive's agent is not whose event it is, and two holders' foundings stay two, however alike
    assert "conflicts" not in relations("Orrin was founded in 1998 by Jane Smith.", "Valdor was founded in 2001 by Jane Smith.")
    assert relations("Orrin was founded in 1998 by Jane Smith.", "Orrin was founded in 2001.") == ["conflicts"]


def test_a_share_is_narrowed_by_the_whole_it_is_of(nlp):
    def measure(sentence, figure):
        return _bound(nlp, sentence, figure).measure

    assert measure("Orrin's share of the EV market rose to 12% in 2031.", "12%") == measure(
        "Orrin's EV market share was 12% in 2031.", "12%")
    assert measure("Orrin's share of the car market was 3% in 2031.", "3%") != measure(
        "Orrin's share of the EV market rose to 12% in 2031.", "12%")
    assert measure("Orrin's market share was 12% in 2031.", "12%") == measure("Orrin's share of the market was 10% in 2031.", "10%")


def test_an_office_holds_the_figure_its_holder_is_the_subject_of(nlp):
    # the office and its owner, as an ordinal thing is held: the office holder's pay is not the company's
    for sentence, figure, holder in [
        ("Valdor's chief financial officer earned $6 million in 2031.", "$6 million", "Valdor chief financial officer"),
        ("The chief executive of Valdor received $14 million in 2031.", "$14 million", "Valdor chief executive"),
        ("Valdor's CEO sold shares worth $3 million in 2031.", "$3 million", "Valdor chief executive"),
    ]:
        b = _bound(nlp, sentence, figure)
        assert (b.holder, b.thing) == ("Valdor", holder.split(" ", 1)[1]), (sentence, b)
    # a person named beside the office is the holder
    b = _bound(nlp, "Valdor's new chief executive, Mira Olsen, earned $5 million in 2031.", "$5 million")
    assert (b.holder, b.thing) == ("Mira Olsen", None), b
    # the company itself, and a measure its possessive owns, are no office
    assert _bound(nlp, "Valdor's revenue rose 7% to $2.2 billion in 2031.", "$2.2 billion").thing is None


def test_an_office_of_no_name_takes_its_owner_from_the_sentence_before(nlp):
    _, claims = _facts_of(nlp, "Valdor reported results on Tuesday. The chief executive earned $14 million in 2031.\n")
    fact = next(f for c in claims for f in c.facts if f.value == "$14 million")
    assert (fact.holder.value, fact.holder.source) == ("Valdor chief executive", "previous sentence")


def test_a_place_after_a_partitive_figure_is_the_parts(nlp):
    _, claims = _facts_of(nlp, "Valdor employs 9,000 people, 2,500 of them in Norway.\n")
    places = {f.value: f.place.value if f.place else None for c in claims for f in c.facts}
    assert places == {"9,000": None, "2,500": "Norway"}, places


def test_a_thing_its_owner_has_holds_the_figure_the_thing_is_the_subject_of(nlp):
    # "the stadium's east stand": the stand's capacity, not the stadium's
    for sentence, figure, thing in [
        ("The stadium's east stand holds 12,000 spectators.", "12,000", "east stand"),
        ("The canal's lower section is 14 km long.", "14 km", "lower section"),
        ("The hospital's new annex cost $48 million.", "$48 million", "new annex"),
    ]:
        b = _bound(nlp, sentence, figure)
        assert (b.thing, b.holder_ref, b.possessed) == (thing, True, True), (sentence, b)
    b = _bound(nlp, "Valdor's Bergen plant employs 1,400 people.", "1,400")
    assert (b.holder, b.thing, b.possessed) == ("Valdor", "plant", True), b
    # a measure its owner has is no thing ("the stadium's capacity"); nor a subject that acts for its
    # owner ("the board approved"), whose figure stays the owner's
    for sentence, figure in [("The stadium's capacity is 52,000 seats.", "52,000"),
                             ("Valdor's board approved a $2 billion buyback.", "$2 billion")]:
        assert _bound(nlp, sentence, figure).thing is None, sentence


def test_a_thing_its_owner_has_is_never_its_owner_taken_from_the_sentence_before(nlp):
    _, claims = _facts_of(nlp, "The Harlow Stadium opened in 1994. Its east stand holds 12,000 spectators.\n")
    fact = next(f for c in claims for f in c.facts if f.value == "12,000")
    # the stand is the sentence's own, whoever's it is: a holder that sets it apart from the stadium
    assert (fact.holder.value, fact.holder.source) == ("Harlow Stadium east stand", "sentence")


def test_a_change_verb_of_a_level_makes_its_subject_or_object_the_measure(nlp):
    for sentence, figure, measure in [
        ("Inflation in Tarnia eased to 3.1% in 2031.", "3.1%", "inflation"),
        ("Wage growth slowed to 2.4% in 2031.", "2.4%", "wage growth"),
        ("The budget gap widened by $3 billion to $19 billion in 2031.", "$19 billion", "budget gap"),
        # the level a change verb took its object to
        ("The council cut the parking fee to $2 an hour in 2031.", "$2", "parking fee"),
        ("Tarnia raised the tobacco duty to 45% in 2031.", "45%", "tobacco duty"),
    ]:
        assert _bound(nlp, sentence, figure).measure == measure, sentence


def test_a_title_that_opens_with_a_label_of_the_page_is_about_what_follows_the_colon(nlp):
    for title, holder in [("Draft: Valdor Mining's results", "Valdor Mining"),
                          ("Draft explainer: Brisa Telecom's network", "Brisa Telecom"),
                          ("Analysis: Tessaro's new drone", "Tessaro")]:
        _, claims = _facts_of(nlp, f"# {title}\n\nThe figures were published on Monday. It spent $3 million in 2031.\n")
        fact = next(f for c in claims for f in c.facts if f.value == "$3 million")
        assert fact.holder is not None and fact.holder.value == holder and fact.holder.source == "title", (title, fact.holder)


def test_an_event_done_to_its_object_is_the_objects_event(nlp):
    # "the council proposed the levy": the levy's proposal, as "the levy was proposed" says; the
    # sentences before say which levy
    active = _bound(nlp, "The council proposed the levy in March 2031.", "March 2031")
    passive = _bound(nlp, "The levy was first proposed by the council in May 2031.", "May 2031")
    assert (active.event, active.holder, active.holder_ref) == ("propose", "levy", True), active
    assert (passive.holder, passive.holder_ref) == ("levy", True), passive
    _, claims = _facts_of(nlp, "The Harbour Levy Act sets a fee on cargo ships. The council proposed the act in March 2031.\n")
    fact = next(f for c in claims for f in c.facts if f.kind == "date")
    assert (fact.holder.value, fact.holder.source) == ("Harbour Levy Act", "previous sentence"), fact.holder
    # an event not done to its object keeps its subject
    assert _bound(nlp, "The council opened a new office in March 2031.", "March 2031").holder == "council"


def test_its_in_a_clause_whose_subject_is_named_is_that_names(nlp):
    # "Orrin cut its workforce": Orrin's workforce (it had no holder, and context gave the
    # sentence before's subject when there was one)
    for sentence, figure, holder in [
        ("Orrin cut its workforce by 8% in 2031.", "8%", "Orrin"),
        ("Brisa Telecom raised its prices by 5% in 2031.", "5%", "Brisa Telecom"),
        # through "said it": the company speaks of itself
        ("Kessler Steel said it cut its costs by 12% in 2031.", "12%", "Kessler Steel"),
        ("Kessler Steel said it would close 3 mills by 2032.", "3", "Kessler Steel"),
        ("Kessler Steel said sales rose and that it would close 3 mills.", "3", "Kessler Steel"),
    ]:
        b = _bound(nlp, sentence, figure)
        assert (b.holder, b.holder_ref) == (holder, False), (sentence, b)
    # a person is never "it", and a common noun names no one
    for sentence, figure in [
        ("Ms Lind said it would cost $5 billion.", "$5 billion"),
        ("Analysts said it would cost $5 billion.", "$5 billion"),
    ]:
        b = _bound(nlp, sentence, figure)
        assert b.holder is None and b.holder_ref, (sentence, b)


def test_an_amount_of_change_measures_what_the_verb_changed_before_an_in_phrase(nlp):
    for sentence, figure, measure in [
        ("The vaccine cut the risk of stroke by 40% in the study.", "40%", "stroke risk"),
        ("The pill reduced the risk of death by 25% in the trial.", "25%", "death risk"),
        ("Tessaro raised prices by 5% in the quarter.", "5%", "price"),
    ]:
        assert _bound(nlp, sentence, figure).measure == measure, sentence


def test_a_hyphened_number_before_a_measure_says_which_kind_it_is(nlp):
    for sentence, figure, measure in [
        ("Average rent for a two-bedroom flat in Leeds rose to GBP 1,150 a month in 2031.", "GBP 1,150", "2-bedroom flat average rent"),
        ("Average rent for a 2-bedroom flat in Leeds rose to GBP 1,150 a month in 2031.", "GBP 1,150", "2-bedroom flat average rent"),
        ("The 30-year mortgage rate averaged 6.8% in 2031.", "6.8%", "30-year mortgage rate"),
        # the figure's own number is no kind of its measure
        ("The Brisa K2 drone has a 12-hour battery life.", "12-hour", "battery life"),
    ]:
        assert _bound(nlp, sentence, figure).measure == measure, (sentence, _bound(nlp, sentence, figure))


def test_a_common_noun_that_gets_an_amount_holds_what_it_receives(nlp):
    for sentence, figure, holder in [
        ("Parks get $180 million in 2031.", "$180 million", "Parks"),
        ("Public safety receives $1.3 billion in 2031.", "$1.3 billion", "Public safety"),
        ("Schools were allocated $2 billion in 2031.", "$2 billion", "Schools"),
    ]:
        b = _bound(nlp, sentence, figure)
        assert (b.holder, b.holder_ref) == (holder, False), (sentence, b)
    assert _bound(nlp, "Parks get $180 million in 2031.", "$180 million").measure == "receive"
    assert _bound(nlp, "Parks receive $180 million in 2031.", "$180 million").measure == "receive"
    # a definite description is still a reference, and a subject of another verb holds nothing so
    b = _bound(nlp, "The agency receives $40 million a year.", "$40 million")
    assert b.holder_ref
    assert _bound(nlp, "Prices rose 5% in 2031.", "5%").holder is None


def test_a_chain_of_references_leads_back_to_the_name(nlp):
    # "The company" and then "It": both Kessler Steel's, two sentences after the name
    _, claims = _facts_of(nlp, (
        "Kessler Steel reported its results on Thursday. The company will pay a dividend of EUR 1.20 per share. "
        "It employs 21,500 people.\n"))
    fact = next(f for c in claims for f in c.facts if f.value == "21,500")
    assert (fact.holder.value, fact.holder.source) == ("Kessler Steel", "previous sentence"), fact.holder
    # a currency's code the recogniser took for an organisation is no one "it" refers to
    _, claims = _facts_of(nlp, "The dividend is EUR 1.20 per share, up from EUR 1.05. It employs 21,500 people.\n")
    fact = next(f for c in claims for f in c.facts if f.value == "21,500")
    assert fact.holder is None or "EUR" not in fact.holder.value, fact.holder
    # no further back than two sentences
    _, claims = _facts_of(nlp, (
        "Kessler Steel reported its results on Thursday. The company raised prices. The firm cut costs. "
        "The group opened a mill. It employs 21,500 people.\n"))
    fact = next(f for c in claims for f in c.facts if f.value == "21,500")
    assert fact.holder is None or fact.holder.value != "Kessler Steel", fact.holder


def test_a_title_labelled_with_a_dash_is_about_what_follows_it(nlp):
    for title, holder in [("Draft - Valdor Mining's results", "Valdor Mining"), ("Update — Brisa Telecom's network", "Brisa Telecom")]:
        _, claims = _facts_of(nlp, f"# {title}\n\nThe figures were published on Monday. It spent $3 million in 2031.\n")
        fact = next(f for c in claims for f in c.facts if f.value == "$3 million")
        assert fact.holder is not None and (fact.holder.value, fact.holder.source) == (holder, "title"), (title, fact.holder)
    # a dash inside a name labels nothing
    _, claims = _facts_of(nlp, "# Coca-Cola's plant\n\nThe plant cost $3 million in 2031.\n")
    assert all("Cola" in (f.holder.value if f.holder else "Cola") for c in claims for f in c.facts if f.value == "$3 million")


def test_who_gets_an_amount_a_noun_measures_holds_nothing_of_it(nlp):
    # the dividend is its payer's, whoever gets it
    b = _bound(nlp, "Shareholders will get a dividend of EUR 1.25 per share.", "EUR 1.25")
    assert b.measure == "dividend" and b.holder != "Shareholders", b


def test_a_companys_accounts_it_reports_are_its_own(nlp):
    for sentence, figure, holder in [
        ("Kessler Steel said on Thursday that revenue rose 6% to EUR 8.4 billion in 2031.", "EUR 8.4 billion", "Kessler Steel"),
        ("Kessler Steel reported that net profit fell to $40 million.", "$40 million", "Kessler Steel"),
    ]:
        b = _bound(nlp, sentence, figure)
        assert (b.holder, b.holder_ref) == (holder, False), (sentence, b)
    # what is no account of the speaker's, or a person's report, holds nothing of the speaker
    assert _bound(nlp, "The IMF said global growth slowed to 2.9% in 2031.", "2.9%").holder is None
    assert _bound(nlp, "Ms Lind said revenue rose 4% in 2031.", "4%").holder is None


def test_a_two_digit_number_set_off_after_a_name_is_that_persons_age(nlp):
    b = _bound(nlp, "Ilan Brisk, 26, played 120 matches for the club.", "26")
    assert (b.measure, b.holder, b.holder_ref) == ("age", "Ilan Brisk", False)
    assert _bound(nlp, "Ilan Brisk, 26, played 120 matches for the club.", "120").measure == "match"
    # not set off by commas on both sides, or not after a name: no age
    assert _bound(nlp, "The squad has 26 players, 12 of them new.", "26").measure != "age"


def test_what_a_subject_expects_to_arrive_is_its_own(nlp):
    # the counted noun is the subject of the expected clause: whose it is, the expecting subject says
    b = _bound(nlp, "Orrin expects 16 new jets to arrive in 2033.", "16")
    assert (b.holder, b.holder_ref, b.measure) == ("Orrin", False, "new jet")
    assert _bound(nlp, "It expects 16 new jets to arrive in 2033.", "16").holder_ref
    # a reporting verb is no expecting one
    assert _bound(nlp, "Orrin said 16 new jets would arrive in 2033.", "16").holder is None


def test_a_price_phrase_of_no_deal_is_the_cost_of_its_thing(nlp):
    b = _bound(nlp, "The runway is due to open in 2038 at a cost of 1.9 billion euros.", "1.9 billion euros")
    assert b.measure == "cost"
    b = _bound(nlp, "Ravel FC sold Morrow to Tarnvale City for a fee of EUR 24 million.", "EUR 24 million")
    assert b.measure == "sell"
