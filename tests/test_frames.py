"""Fact frames (issue 16): facts filled per figure and date, serialised with the claims and
written to the JSON report. The cheap path only; the spaCy binder has its own tests."""

from __future__ import annotations

import json

import pytest

from checker.frame.facts import claim_facts, direction, document_claims_with_facts, modality
from checker.ingest.documents import parse_document
from checker.store.claims_cache import claim_from_json, claim_json, decode_claims, encode_claims


def _claims(text: str, date: str | None = None):
    doc = parse_document(text, "text", "d1", "a.txt")
    if date:
        from dataclasses import replace

        doc = replace(doc, date=date)
    return doc, document_claims_with_facts(doc, 1)


def test_one_fact_per_figure_and_date():
    _, claims = _claims("Acme sold 4,000 drones in 2024.")
    (c,) = claims
    kinds = [(f.id, f.kind, f.figure) for f in c.facts]
    assert kinds == [("c1.f1", "quantity", 0), ("c1.f2", "date", 0)]
    q = c.facts[0]
    assert q.time.value == "2024" and q.time.source == "sentence"
    assert q.holder is not None and q.holder.value == "Acme"


def test_modality_is_read_from_the_words_that_govern_each_figure():
    _, (c,) = _claims("The plant, expected to cost $3 billion, will open in 2027.")
    assert {f.value: f.modality for f in c.facts} == {"$3 billion": "forecast", "2027": "plan"}
    # a figure in the subject's phrase is stated, whatever the main verb plans
    _, (c,) = _claims("The Orsel joint venture, capitalised at 2.3 billion euros, will deploy new furnaces.")
    assert c.facts[0].modality == "actual"
    _, (c,) = _claims("Revenue rose 5% in 2024 and the firm will open 3 stores in 2025.")
    assert [f.modality for f in c.facts if f.kind == "quantity"] == ["actual", "plan"]
    assert modality("Analysts expect revenue to reach $5 billion.") == "forecast"


def test_due_to_before_a_verb_is_a_plan_and_before_a_cause_is_not():
    _, (c,) = _claims("Orrin's Lyon centre opened in March 2024; the Porto site is due to open in 2027.")
    assert [f.modality for f in c.facts if f.kind == "date"] == ["actual", "plan"]
    assert modality("The drop in 2023 was due to higher costs.") == "actual"


def test_a_project_is_a_thing_not_a_projection():
    _, (c,) = _claims("The project received $40 million in funding.")
    assert c.facts[0].modality == "actual"
    _, (c,) = _claims("Orrin projects revenue of $5 billion in 2026.")
    assert c.facts[0].modality == "forecast"
    # with no parse, the verb is told by what follows it
    assert modality("The projects cost $40 million.") == "actual"
    assert modality("Orrin projects to earn $5 billion.") == "forecast"
    # "plans" with its figure right after it, "is planning": a plan; the noun "the plans 2 and 3" is none
    assert modality("The city plans 40 new schools.") == "plan"
    assert modality("Orrin is planning 300 new stores.") == "plan"
    assert modality("The plans 2 and 3 were dropped.") == "actual"
    # "should", "is set to": what is to happen
    assert modality("The runway should open in 2039.") == "plan"
    assert modality("The plant is set to open in 2030.") == "plan"


def test_figure_without_date_holds_as_of_the_document_date():
    doc, claims = _claims("Zentra employs 300 engineers.", date="2024-05-01")
    f = claims[0].facts[0]
    assert f.time.value == "2024-05-01" and f.time.source == "document date"


def test_modality_and_direction_words():
    assert modality("The firm plans to build 5,000 homes.") == "plan"
    assert modality("The bridge is expected to cost $3 billion.") == "forecast"
    assert modality("The deal was reportedly worth $2 billion.") == "reported"
    assert modality("Acme sold 4,000 drones.") == "actual"
    assert direction("Revenue rose 12% to $5 million.") == "up"
    assert direction("Shipments fell to 900 units.") == "down"
    assert direction("Shipments were 900 units.") is None


def test_facts_round_trip_through_the_claim_serialiser():
    doc, claims = _claims("Acme sold 4,000 drones in 2024. Its revenue rose 12% in 2025.")
    assert all(c.facts for c in claims)
    assert decode_claims(encode_claims(claims), doc, 1) == claims
    for c in claims:
        assert claim_from_json(claim_json(c)) == c
    # renumbered on load: the fact ids follow the claim ids
    again = decode_claims(encode_claims(claims), doc, 7)
    assert [f.id for f in again[0].facts] == ["c7.f1", "c7.f2"]


def test_json_report_lists_facts(tmp_path):
    from checker.report.json_format import _claim

    _, claims = _claims("Acme sold 4,000 drones in 2024.")
    facts = json.loads(json.dumps(_claim(claims[0])))["facts"]
    assert facts[0]["kind"] == "quantity" and facts[0]["time"] == {"value": "2024", "text": "2024", "from": "sentence"}
    assert set(facts[0]) == {"id", "kind", "figure", "value", "measure", "holder", "time", "place", "modality",
                             "direction", "qualifier", "part"}


def test_bad_nlp_model_is_a_one_line_config_error():
    import pytest

    from checker.errors import ConfigError
    from checker.frame.nlp import load_nlp

    with pytest.raises(ConfigError, match="cannot load nlp_model 'no_such_pipeline'"):
        load_nlp("no_such_pipeline")


def test_default_nlp_model_is_an_installed_pipeline():
    import importlib.util

    from checker.frame.nlp import DEFAULT_NLP_MODELS, default_nlp_model

    assert default_nlp_model() in DEFAULT_NLP_MODELS
    assert importlib.util.find_spec(default_nlp_model()) is not None


def test_pipeline_multiplies_with_numpy_and_leaves_the_process_ops_alone():
    """The parser's, tagger's and recogniser's networks run on thinc's numpy operations without
    BLIS (numpy's BLAS: the same parses, faster here); other thinc models of the process keep
    whatever operations were current."""
    from thinc.api import get_current_ops

    from checker.frame.nlp import load_nlp

    nlp = load_nlp(None)
    for name in ("tok2vec", "parser", "ner"):
        ops = nlp.get_pipe(name).model.ops
        assert type(ops).__name__ == "NumpyOps" and ops.use_blis is False
    assert get_current_ops().use_blis is True
    doc = next(nlp.pipe(["Orrin opened a plant in Texas in 2024."]))
    assert {"GPE", "DATE"} <= {e.label_ for e in doc.ents} and doc[1].dep_ == "ROOT"


def test_nlp_model_setting_layers_flag_environment_file_default(tmp_path):
    from checker.settings import resolve_settings

    cfg = tmp_path / "claimgraph.toml"
    cfg.write_text('nlp_model = "from_file"\n')
    assert resolve_settings(cfg, environ={}, nlp_model="flag").nlp_model == "flag"
    assert resolve_settings(cfg, environ={"CLAIMGRAPH_NLP_MODEL": "env"}).nlp_model == "env"
    assert resolve_settings(cfg, environ={}).nlp_model == "from_file"


@pytest.mark.parametrize("arity", [1, 2, 3, 4])
def test_by_identity_remembers_per_object_not_per_equal_value(arity):
    from checker.frame.keys import by_identity

    calls = []

    def fn(*args):
        calls.append(args)
        return sum(len(a) for a in args)

    # functions of one, two and three named arguments have wrappers of their own; of four, the general one
    named = {1: lambda a: fn(a), 2: lambda a, b: fn(a, b), 3: lambda a, b, c: fn(a, b, c), 4: lambda a, b, c, d: fn(a, b, c, d)}[arity]
    remembered = by_identity(named)
    args = [[1] * (n + 1) for n in range(arity)]
    assert remembered(*args) == remembered(*args) == sum(range(1, arity + 1))
    assert len(calls) == 1
    equal = [list(a) for a in args]  # equal, but other objects: asked again
    assert remembered(*equal) == sum(range(1, arity + 1)) and len(calls) == 2
    remembered.cache_clear()
    remembered(*args)
    assert len(calls) == 3


def test_what_a_speaker_said_it_would_do_is_its_plan():
    _, (c,) = _claims("Tessaro said it would close 3 plants by 2031.")
    assert [f.modality for f in c.facts] == ["plan", "plan"]
    _, (c,) = _claims("Brisa Telecom announced that it would hire 400 engineers.")
    assert c.facts[0].modality == "plan"
    # a "would" no speaker reports is a condition or a hypothesis, no plan
    assert modality("The merger would have cost $2 billion.") == "actual"
    assert modality("Without the subsidy, the plant would lose $40 million a year.") == "actual"
    # what the speaker said happened is no plan; only the figure under "would" is
    _, (c,) = _claims("Valdor said sales rose 4% and that it would open 12 stores.")
    assert [f.modality for f in c.facts] == ["actual", "plan"]


def test_a_fronted_phrase_names_whose_the_clause_figures_are():
    _, (c,) = _claims("At Brisa Telecom, revenue rose 5% to $2 billion in 2030.")
    assert [f.holder.value for f in c.facts if f.kind == "quantity"] == ["Brisa Telecom", "Brisa Telecom"]
    _, (c,) = _claims("On the Tarn Valley Railway, riders took 41 million trips in 2030, and ridership rose 8%.")
    assert [f.holder.value for f in c.facts if f.kind == "quantity"] == ["Tarn Valley Railway", "Tarn Valley Railway"]
    # a day, a time or a phrase with no name before the comma holds nothing
    for text in ("On Monday, revenue rose 3%.", "At its peak, revenue reached $2 billion."):
        _, (c,) = _claims(text)
        assert c.facts[0].holder is None, text


def test_the_period_a_change_is_measured_from_is_not_its_time():
    # "rose 8% from 2029": 2029 is the base, the change's time is the sentence's other date
    _, (c,) = _claims("Brisa Telecom added 2 million customers in 2030, and its revenue rose 8% from 2029.")
    times = {f.figure: f.time.value for f in c.facts if f.kind == "quantity"}
    assert set(times.values()) == {"2030"}
    # with no other date, the document's; a span "from 2029 to 2031" stays the change's time
    _, (c,) = _claims("Brisa Telecom's revenue rose 8% from 2029.", date="2031-05-01")
    assert c.facts[0].time.value == "2031-05-01"
    _, (c,) = _claims("Brisa Telecom's revenue rose 8% from 2029 to 2031.")
    assert c.facts[0].time.value == "2029/2031"
    # a base written with its own figure ("up from 250 in 2029") is dated 2029 as before
    _, (c,) = _claims("Orrin hired 300 engineers in 2030, up from 250 in 2029.")
    assert [(f.measure.value, f.time.value) for f in c.facts if f.kind == "quantity"] == [("engineer", "2030"), ("engineer", "2029")]


def test_a_count_a_particular_thing_has_is_its_count_of_the_hyphened_noun():
    # "the 640-bed infirmary" has 640 beds, as "has 610 beds" says; its holder is the infirmary,
    # which the sentence before names
    _, claims = _claims("Kelso Royal Infirmary reopened in May. The 640-bed infirmary has 22 wards.")
    fact = next(f for c in claims for f in c.facts if f.kind == "quantity" and f.measure.value == "bed")
    assert fact.holder.value == "Kelso Royal Infirmary" and fact.holder.source == "previous sentence"
    _, (c,) = _claims("The 1,800-seat Usher Hall reopened in 2029.")
    assert (c.facts[0].measure.value, c.facts[0].holder.value) == ("seat", "Usher Hall")
    # no article or owner: a kind of thing, measured by the whole phrase as before
    _, (c,) = _claims("A 300-bed hospital costs about $400 million to build.")
    assert c.facts[0].measure.value == "bed hospital"


def test_what_lasted_a_span_of_time_is_what_the_span_measures():
    _, (c,) = _claims("The 2030 lockout at the Kelso docks lasted 38 days.")
    assert c.facts[0].measure.value == "lockout"


def test_a_date_set_aside_with_commas_dates_only_what_it_describes():
    # "founded in 1921" dates the founding; the club's seats and revenue are the document's time
    _, (c,) = _claims("The club, founded in 1921, plays at the 30,000-seat Ravel Park, and its revenue grew 9%.", date="2033-02-01")
    assert {f.time.value for f in c.facts if f.kind == "quantity"} == {"2033-02-01"}
    _, (c,) = _claims("Founded in 1998, Brisa Telecom employs 7,000 people.", date="2033-02-01")
    assert c.facts[0].time.value == "2033-02-01"
    # a figure inside the aside keeps its date; a date of the figure's own clause still dates it
    _, (c,) = _claims("Brisa Telecom, which sold 2 million phones in 2029, employs 7,000 people.", date="2033-02-01")
    assert [f.time.value for f in c.facts if f.kind == "quantity"] == ["2029", "2033-02-01"]
    _, (c,) = _claims("The club, founded in 1921, earned EUR 80 million in 2032.")
    assert c.facts[0].time.value == "2032"


def test_a_when_clause_after_a_date_is_dated_by_it():
    _, (c,) = _claims("It was the worst flood in the valley since 1998, when 74 people died.", date="2033-02-01")
    assert [f.time.value for f in c.facts if f.kind == "quantity"] == ["1998"]


def test_a_bare_count_joined_to_a_counted_clause_counts_the_same_noun():
    _, (c,) = _claims("About 9,000 buildings were damaged and 1,200 were destroyed.")
    assert [f.measure.value for f in c.facts if f.kind == "quantity"] == ["building", "building"]
    _, (c,) = _claims("The storm killed 38 people and injured more than 400.")
    assert [f.measure.value for f in c.facts if f.kind == "quantity"] == ["people", "people"]
    # a clause whose subject the parse hung elsewhere is left alone
    _, (c,) = _claims("Orrin sold 300 drones and Valdor sold 200.")
    assert c.facts[1].measure is None


def test_a_titles_first_word_the_page_writes_in_lower_case_is_no_name():
    from checker.frame.context import DocumentContext
    from checker.frame.nlp import load_nlp

    # "Magnitude 5.9": the title's capital, which the page writes "a magnitude 5.9 earthquake"
    text = "# Magnitude 5.9 earthquake shakes Tarnvale county\n\nA magnitude 5.9 earthquake closed 40 roads in the county.\n"
    doc = parse_document(text, "markdown", "d1", "a.md")
    assert DocumentContext(doc, load_nlp()).title_holder()[0].startswith("Tarnvale")


def test_a_title_read_once_for_all_the_claims_of_its_page(monkeypatch):
    """Every claim of a page with no name of its own asks the title whose it is: the title is read
    once it is parsed (not once a claim), with the same holders."""
    import checker.frame.context as context

    text = "# Halvard's annual review\n\n" + "\n\n".join(
        f"Revenue reached ${n} million in {y}." for n, y in ((40, 2021), (52, 2022), (61, 2023), (75, 2024))
    )
    doc = parse_document(text, "markdown", "d1", "d1.md")
    reads: list[str] = []
    real = context.about
    monkeypatch.setattr(context, "about", lambda parsed: reads.append(parsed.text) or real(parsed))
    claims = document_claims_with_facts(doc, 1)
    assert [(c.facts[0].holder.value, c.facts[0].holder.source) for c in claims] == [("Halvard", "title")] * 4
    assert reads.count("Halvard's annual review") == 1


@pytest.mark.parametrize(
    "title, body_name, holder",
    [
        ("Halvard annual review", "Halvard", "Halvard"),
        ("Tesla third-quarter results", "Tesla", "Tesla"),
        ("Brenntag annual report", "Brenntag", "Brenntag"),
        ("Kestrel results 2024", "Kestrel", "Kestrel"),
        ("Orrin Drones annual review", "Orrin Drones", "Orrin Drones"),
    ],
)
def test_a_title_names_a_company_the_tagger_does_not_know_where_the_page_writes_it_as_a_name(title, body_name, holder):
    """A name the tagger read as a common noun or an adjective, in a title with no other name, is
    what the page is about where its running text writes it capitalised within a sentence."""
    text = f"# {title}\n\nThe chief executive of {body_name} called it a strong year.\n\nRevenue reached $40 million in 2021.\n"
    claim = document_claims_with_facts(parse_document(text, "markdown", "d1", "d1.md"), 1)[-1]
    assert (claim.facts[0].holder.value, claim.facts[0].holder.source) == (holder, "title")


@pytest.mark.parametrize(
    "title",
    ["Annual review", "A Strong Year For Drones", "Results 2024"],
)
def test_a_title_of_common_words_names_no_one(title):
    """Capitalised words of a title that the running text writes in lower case are no name."""
    text = f"# {title}\n\nIt was a strong year for drones, the annual review found; results were good.\n\nRevenue reached $40 million in 2021.\n"
    claim = document_claims_with_facts(parse_document(text, "markdown", "d1", "d1.md"), 1)[-1]
    assert claim.facts[0].holder is None


def _holders(text: str) -> dict[str, tuple[str, str] | None]:
    claims = document_claims_with_facts(parse_document(text, "markdown", "d1", "d1.md"), 1)
    return {c.text: (c.facts[0].holder.value, c.facts[0].holder.source) if c.facts[0].holder else None for c in claims}


def test_an_organisation_s_description_is_never_the_person_the_sentence_before_is_about():
    """"The company", "the hospital" after a sentence about a person (two proper nouns the
    recogniser calls a person) is the organisation that sentence names, else no one the sentence
    before names; a one-word name called a person may be a company, and stays ("Orrin")."""
    text = (
        "# Staff numbers\n\nMaria Okonjo became chief executive of Northbridge General in 2026. The hospital employs 4,800 people.\n\n"
        "John Kessler was appointed chief executive in 2020. The company has 5,000 employees.\n\n"
        "Orrin opened a plant in Texas in 2024. The company employs 900 people.\n\n"
        "Halvard Foods said demand was strong. The company sold 2 million tonnes.\n"
    )
    holders = _holders(text)
    assert holders["The hospital employs 4,800 people."] == ("Northbridge General", "previous sentence")
    assert holders["The company has 5,000 employees."] == ("company", "sentence")
    assert holders["The company employs 900 people."] == ("Orrin", "previous sentence")
    assert holders["The company sold 2 million tonnes."] == ("Halvard Foods", "previous sentence")
    # an organisation's description as a possessive ("the hospital's budget") is read as the subject's is
    holders = _holders("# Staff\n\nMaria Okonjo became chief executive of Northbridge General in 2026. The hospital's budget is $900 million.\n")
    assert holders["The hospital's budget is $900 million."] == ("Northbridge General", "previous sentence")


def test_an_organisation_s_description_after_sentences_about_a_player_is_the_club_named_before():
    """A one-word name a "who" clause or an age follows is a person's; "the club" after it is the
    organisation a sentence before names, as is "the club" the sentence before mentions, and a
    pronoun in a sentence whose subject is such a description, or after one; past the paragraph
    only where the paragraph before speaks of "the club" too (else the Kessler case above)."""
    text = (
        "# Transfers\n\nDunmore Rovers FC signed Teodor Vasko from Kilbride for EUR 12 million. "
        "Vasko, who captained Kilbride, scored 19 goals last season. The club, founded in 1887, "
        "has 41,000 members, and its revenue rose 9% to EUR 64 million.\n\n"
        "Harcourt Athletic sold Ilan Brisk to Lemora for EUR 7 million, the club said.\n\nBrisk, 26, played "
        "120 matches. He joined the club in 2027 for EUR 2 million. The club, founded in 1902, plays at "
        "the Calder Park stadium. Its revenue fell 4% to EUR 51 million.\n"
    )
    holders = _holders(text)
    assert holders["The club, founded in 1887, has 41,000 members, and its revenue rose 9% to EUR 64 million."] == (
        "Dunmore Rovers FC", "previous sentence")
    assert holders["The club, founded in 1902, plays at the Calder Park stadium."] == ("Harcourt Athletic", "previous sentence")
    assert holders["Its revenue fell 4% to EUR 51 million."] == ("Harcourt Athletic", "previous sentence")
    claims = document_claims_with_facts(parse_document(text, "markdown", "d1", "d1.md"), 1)
    (members,) = [c for c in claims if "41,000" in c.text]
    assert {f.value: f.holder.value for f in members.facts} == {
        "41,000": "Dunmore Rovers FC", "9%": "Dunmore Rovers FC", "EUR 64 million": "Dunmore Rovers FC", "1887": "Dunmore Rovers FC"}


def test_a_figure_of_no_holder_on_a_page_of_no_named_title_is_the_previous_sentence_s_in_its_paragraph():
    text = (
        "# Technology roundup\n\nHalden University opened its quantum lab in May. Building work started in March 2031.\n\n"
        "Building work began in 2033.\n"
    )
    holders = _holders(text)
    assert holders["Building work started in March 2031."] == ("Halden University", "previous sentence")
    assert holders["Building work began in 2033."] is None  # another paragraph


def test_the_parse_multiplies_on_one_thread_in_the_calling_process_too(monkeypatch):
    """The parse's products are the same bit for bit in a pool's worker (one thread each) and in
    the calling process: there too numpy's BLAS runs on one thread while it parses."""
    from threadpoolctl import threadpool_info

    from checker.frame.nlp import load_nlp

    nlp = load_nlp(None)
    seen: list[set[int]] = []
    real = nlp.pipe

    def pipe(texts, **kw):
        seen.append({lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"})
        return real(texts, **kw)

    monkeypatch.setattr(nlp, "pipe", pipe)
    document_claims_with_facts(parse_document("Orrin sold 300 drones in 2024.", "text", "d1", "d1.txt"), 1)
    assert seen and all(s == {1} for s in seen)
