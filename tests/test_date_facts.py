"""Dates judged on facts: event keys (checker.frame.events) and the date rule's fact path
(checker.judge.eventmatch, DateMismatch). Claims carry hand-made date facts, as the parser stage
will bind them; companies, places and laws of our own invention."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.extract.claims import sentence_claim
from checker.frame.events import EVENT_KEYS, event_key, is_change, lemma
from checker.frame.facts import claim_facts
from checker.judge.evaluate import evaluate, figures_of
from checker.judge.eventmatch import shared_events
from checker.judge.rulekinds import PairContext
from checker.judge.rulekinds.dates import DateMismatch
from checker.judge.ruleset import load_rules
from checker.model import Claim, Fact, Slot

RULE = DateMismatch({})


def _claim(text: str, cid: str, holder: str | None, *events: str, modality: str = "actual",
           place: str | None = None, doc: str | None = None) -> Claim:
    """A claim of ``text`` whose n-th date fact dates the n-th of ``events`` (words as written;
    "" for none) of ``holder``."""
    doc = doc or "d" + cid
    claim = Claim(id=cid, doc=doc, path=f"{doc}.txt", start=0, end=len(text), line=1, column=1, text=text,
                  section="body", **sentence_claim(text))
    assert len(claim.dates) == len(events), claim.dates
    facts = []
    for n, (d, words) in enumerate(zip(claim.dates, events)):
        measure = Slot(event_key(words) or words, words, "sentence") if words else None
        facts.append(Fact(f"{cid}.f{n + 1}", "date", n, d.text, measure=measure,
                          holder=Slot(holder, holder, "sentence") if holder else None,
                          time=Slot(d.value, d.text, "sentence"),
                          place=Slot(place, place, "sentence") if place else None,
                          modality=modality, qualifier=d.qualifier))
    return replace(claim, facts=tuple(facts))


def _relations(verdicts):
    return [v.relation for v in verdicts]


# -- event keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize("words, key", [
    ("launched", "launch"), ("released", "launch"), ("debuted", "launch"), ("unveiled", "launch"),
    ("rolled out", "launch"), ("lifted off", "launch"), ("lift-off", "launch"), ("blasted off", "launch"),
    ("opened", "open"), ("opening", "open"), ("went live", "open"), ("goes live", "open"),
    ("began operations", "open"),
    ("was founded", "found"), ("established", "found"), ("was set up", "found"), ("incorporated", "found"),
    ("entered into force", "effect"), ("came into force", "effect"), ("took effect", "effect"),
    ("become effective", "effect"), ("entry into force", "effect"),
    ("applies", "apply"), ("application", "apply"),
    ("start production", "production start"), ("began production", "production start"),
    ("begin volume production", "production start"), ("ready for commercial production", "production start"),
    ("mass production", "production start"), ("high-volume manufacturing", "production start"),
    ("production targeted", "production start"), ("planned volume production", "production start"),
    ("production is scheduled", "production start"),
    ("published in the Official Journal", "publish"), ("publication", "publish"),
    ("adopted", "adopt"), ("voted", "adopt"), ("passed", "adopt"), ("approval", "adopt"),
    ("signed", "sign"), ("completed", "complete"), ("finished", "complete"), ("announced", "announce"),
    ("was first proposed", "propose"), ("proposal", "propose"), ("merged", "merge"), ("merger", "merge"),
    ("was discovered", "discover"), ("discovery", "discover"),
])
def test_event_words_fold_to_one_key(words, key):
    assert event_key(words) == key


def test_irregular_forms_and_inflections_find_their_lemma():
    assert [lemma(w) for w in ("went", "began", "begun", "came", "became", "took", "set", "setting")] == [
        "go", "begin", "begin", "come", "become", "take", "set", "set"]
    assert [lemma(w) for w in ("applied", "releasing", "launches", "stopped")] == [
        "apply", "release", "launch", "stop"]


def test_unknown_words_and_changes_of_a_date_give_no_key():
    for words in ("rained", "began", "production", "", "was delayed", "postponed", "pushed back"):
        assert event_key(words) is None, words
    assert is_change("postponed the opening") and event_key("postponed the opening") is None


def test_milestones_that_sound_alike_stay_apart():
    assert event_key("entered into force") != event_key("applies")
    assert event_key("start construction") == "construction start" != event_key("start production")
    assert event_key("trial production") == "trial production" != event_key("volume production")


def test_every_key_folds_to_itself():
    for key in set(EVENT_KEYS.values()):
        assert event_key(key) == key


# -- the date rule on facts ---------------------------------------------------------------------


def test_one_holders_one_event_dated_apart_conflicts_however_worded():
    a = _claim("Korvath Semiconductor started production at its Ostrava fab in 2026.", "a",
               "Korvath Semiconductor", "started production")
    b = _claim("Mass production at the Ostrava plant of Korvath Semiconductor only began in 2028.", "b",
               "Korvath Semiconductor", "mass production")
    found = RULE.compare(a, b, PairContext(similarity=0.3))
    assert _relations(found) == ["conflicts"] and found[0].finding
    assert found[0].reason == "same holder (Korvath Semiconductor), same event (production start): 2026 vs 2028"
    assert "similarity" not in found[0].reason
    assert figures_of(found[0], {"a": a, "b": b}) == ("conflicts", "d0", "d0")
    # without the facts the sentences are too far apart to be judged
    assert RULE.compare(replace(a, facts=()), replace(b, facts=()), PairContext(similarity=0.3)) == []


def test_a_year_and_a_month_of_it_support():
    a = _claim("Brightwater Labs released its Corvo model in 2024.", "a", "Corvo", "released")
    b = _claim("The Corvo model debuted in December 2024, its makers said.", "b", "Corvo", "debuted")
    found = RULE.compare(a, b, PairContext(similarity=0.4))
    assert _relations(found) == ["supports"] and not found[0].finding
    assert "same event (launch)" in found[0].reason


def test_another_event_of_the_same_holder_is_left_to_the_sentence_rules():
    a = _claim("Korvath Semiconductor started production at its Ostrava fab in 2026.", "a",
               "Korvath Semiconductor", "started production")
    b = _claim("Korvath Semiconductor started construction of its Ostrava fab in 2023.", "b",
               "Korvath Semiconductor", "started construction")
    assert shared_events(a, b) == []
    assert RULE._event_verdicts(a, b, PairContext(similarity=0.3)) is None
    assert RULE.compare(a, b, PairContext(similarity=0.3)) == []


def test_other_holders_or_places_share_no_event():
    a = _claim("Pellwick Foods opened its first store in 2019.", "a", "Pellwick Foods", "opened")
    b = _claim("Tarsen Retail opened its first store in 2021.", "b", "Tarsen Retail", "opened")
    assert shared_events(a, b) == []
    c = _claim("Pellwick Foods opened a store in Lisvik in 2019.", "c", "Pellwick Foods", "opened", place="Lisvik")
    d = _claim("Pellwick Foods opened a store in Dornholm in 2021.", "d", "Pellwick Foods", "opened",
               place="Dornholm")
    assert shared_events(c, d) == []


def test_a_plan_against_an_outcome_is_no_conflict():
    a = _claim("Velmora Rail plans to open the Sandvik line in 2025.", "a", "Sandvik line", "open",
               modality="plan")
    b = _claim("The Sandvik line finally went live in 2026.", "b", "Sandvik line", "went live")
    found = RULE.compare(a, b, PairContext(similarity=0.9))
    assert _relations(found) == ["related"] and not found[0].finding
    assert "a plan (2025) against an outcome (2026)" in found[0].reason


def test_a_plan_revised_between_dated_documents_is_no_conflict():
    a = _claim("The Harbour Safety Act is scheduled to enter into force in 2025.", "a", "the Harbour Safety Act",
               "enter into force", modality="plan", doc="old")
    b = _claim("The Harbour Safety Act will now enter into force in 2027.", "b", "Harbour Safety Act",
               "enter into force", modality="plan", doc="new")
    dates = {"old": "2023-05-02", "new": "2024-11-20"}
    for x, y in ((a, b), (b, a)):
        found = RULE.compare(x, y, PairContext(similarity=0.9, doc_dates=dates))
        assert _relations(found) == ["related"] and not found[0].finding
        assert found[0].reason.endswith(
            "plan revised: 2025 in the document of 2023-05-02, 2027 in the document of 2024-11-20")
    # two plans with no document dates to order them disagree
    found = RULE.compare(a, b, PairContext(similarity=0.9))
    assert _relations(found) == ["conflicts"]


def test_a_revised_plan_is_a_related_edge_and_no_finding_when_judged():
    a = _claim("Tolvani Air expects to launch its Kestrel route in 2025.", "a", "Tolvani Air", "launch",
               modality="forecast", doc="old")
    b = _claim("Tolvani Air now expects the Kestrel route to debut in 2027.", "b", "Tolvani Air", "debut",
               modality="forecast", doc="new")
    rules = [r for r in load_rules() if r.id == "DATE001"]
    findings, edges = evaluate([a, b], [(0, 1, 0.85)], rules, {"old": "2024-02-01", "new": "2025-03-01"})
    assert findings == []
    assert [(e.relation, e.rule) for e in edges] == [("related", "DATE001")]
    assert "forecast revised: 2025 in the document of 2024-02-01, 2027 in the document of 2025-03-01" in (
        edges[0].explanation)
    findings, edges = evaluate([a, b], [(0, 1, 0.85)], rules, {"old": "2024-02-01", "new": "2024-02-01"})
    assert [f.rule for f in findings] == ["DATE001"] and edges[0].relation == "conflicts"
    assert "same holder (Tolvani Air), same event (launch): 2025 vs 2027" in findings[0].message


def test_an_event_dated_twice_in_one_claim_conflicts_with_neither_date():
    a = _claim("The opening of the Brenna bridge was postponed from 2025 to 2027.", "a", "Brenna bridge",
               "opening", "opening")
    b = _claim("The Brenna bridge opens to traffic in 2025.", "b", "Brenna bridge", "opens")
    assert "conflicts" not in _relations(RULE.compare(a, b, PairContext(similarity=0.9)))
    assert "conflicts" not in _relations(RULE.compare(b, a, PairContext(similarity=0.9)))


def test_a_bound_and_a_date_are_not_compared():
    a = _claim("Orsina Bank will complete the merger by 2028.", "a", "Orsina Bank", "complete", modality="plan")
    b = _claim("Orsina Bank expects to complete the merger in 2026.", "b", "Orsina Bank", "complete",
               modality="forecast")
    assert RULE._event_verdicts(a, b, PairContext(similarity=0.9)) == []
    assert RULE.compare(a, b, PairContext(similarity=0.9)) == []


def test_cheap_path_facts_leave_the_sentence_rules_as_they_were():
    def cheap(text, cid):
        claim = Claim(id=cid, doc=cid, path=cid, start=0, end=len(text), line=1, column=1, text=text,
                      section="body", **sentence_claim(text))
        return replace(claim, facts=claim_facts(claim, None))

    a = cheap("In 2024, Norland unveiled a domestic supercomputer capable of two exaflops.", "a")
    b = cheap("In 2022, Norland unveiled a domestic supercomputer capable of two exaflops.", "b")
    assert shared_events(a, b) == []
    found = RULE.compare(a, b, PairContext(similarity=0.95))
    assert _relations(found) == ["conflicts"] and "sentence similarity" in found[0].reason


def test_a_date_an_event_takes_effect_from_dates_the_event_itself():
    a = _claim("The Halden rule, effective March 2031, bans the practice.", "a", "Halden", "effective")
    b = _claim("Halden's rule takes effect in March 2032.", "b", "Halden", "take effect")
    assert a.dates[0].qualifier == "since"
    (verdict,) = RULE.compare(a, b, PairContext(0.5))
    assert verdict.relation == "conflicts" and "March 2031 vs March 2032" in verdict.reason
    same = _claim("Halden's rule takes effect in March 2031.", "c", "Halden", "take effect")
    assert [v.relation for v in RULE.compare(a, same, PairContext(0.5))] == ["supports"]
    by = _claim("Halden's rule takes effect by March 2032.", "d", "Halden", "take effect")
    assert RULE.compare(a, by, PairContext(0.5)) == []  # "by" bounds, it does not date


def _parsed(text: str, doc: str):
    from checker.frame.facts import document_claims_with_facts
    from checker.ingest.documents import parse_document

    (claim,) = [c for c in document_claims_with_facts(parse_document(text, "text", doc, f"{doc}.txt"), 1) if c.dates]
    return claim


def test_a_laws_provisions_apply_on_their_own_dates_the_same_provision_on_one():
    assert event_key("is implemented") == "apply"
    begins = _parsed("Phased application of the Orsel Data Act begins in August 2030 with the prohibited practices.", "a")
    banned = _parsed("The Orsel Data Act is now law. The prohibition of the listed scoring systems is already implemented on 2 February 2031.", "b")
    (verdict,) = RULE.compare(begins, banned, PairContext(0.5))  # one provision, two dates
    assert verdict.relation == "conflicts" and "August 2030 vs 2 February 2031" in verdict.reason
    providers = _parsed("The Orsel Data Act is now law. The obligations for model providers apply from 2 August 2031.", "c")
    assert {f.holder.value for f in providers.facts} == {"Orsel Data Act"}  # one law: its parts tell them apart
    assert all(v.relation != "conflicts" for v in RULE.compare(begins, providers, PairContext(0.5)))  # another provision
    whole = _parsed("The Orsel Data Act applies from 2 August 2032.", "d")
    assert all(v.relation != "conflicts" for v in RULE.compare(begins, whole, PairContext(0.5)))  # a part, the whole
    assert all(v.relation != "conflicts" for v in RULE.compare(providers, whole, PairContext(0.5)))


@pytest.mark.parametrize("one, same, other", [
    # a name with an acronym for some of its words ("DS" is not three words)
    ("The DS Act", "The Data Safety Act", "The Data Storage Rules Act"),
    # a law's name with its place before it
    ("The EU Data Act", "The Data Act", "The Data Storage Act"),
])
def test_one_law_however_its_name_is_shortened_is_one_holder(one, same, other):
    a = _parsed(f"{one} entered into force on 1 August 2031.", "a")
    b = _parsed(f"{same} entered into force on 1 September 2031.", "b")
    (verdict,) = RULE.compare(a, b, PairContext(0.5))
    assert verdict.relation == "conflicts"
    c = _parsed(f"{other} entered into force on 1 September 2031.", "c")
    assert RULE.compare(a, c, PairContext(0.5)) == []  # another law


# ---------------------------------------------------------------- timeline entries

_TIMELINE = (
    "Orsel Data Act: Key Dates\n\n"
    "The Orsel Data Act entered into force on 3 March 2030, with its duties phased in over three years.\n\n"
    "Phased Rollout Schedule\n\n"
    "April 1, 2031 — Scoring Bans and Staff Training\n\n"
    "The bans on scoring systems and the staff-training duties began to apply.\n\n"
    "April 1, 2032 — Device Registration\n\n"
    "Registration duties for connected devices take effect.\n\n"
    "April 1, 2033 — Entry into Service of the Registry\n"
)


def _timeline_claims():
    from checker.frame.facts import document_claims_with_facts
    from checker.ingest.documents import parse_document

    claims = document_claims_with_facts(parse_document(_TIMELINE, "text", "t", "t.txt"), 1)
    return {c.text.split(" —")[0]: c for c in claims if c.text.startswith("April")}


def test_a_timeline_entry_dates_the_event_the_text_under_it_tells_of():
    entries = _timeline_claims()
    (bans,) = entries["April 1, 2031"].facts
    assert (bans.measure.value, bans.measure.source) == ("apply", "text below")
    assert "Scoring Bans" in bans.measure.text  # the label says which part of the law
    (devices,) = entries["April 1, 2032"].facts
    assert devices.measure.value == "effect"
    # the title-case heading over the entries names nothing; the title names the law
    assert bans.holder.value == devices.holder.value == "Orsel Data Act" and bans.holder.source == "title"


def test_a_timeline_entry_is_compared_with_another_pages_date_for_the_same_part_only():
    entries = _timeline_claims()
    bans = entries["April 1, 2031"]
    other = _parsed("The Orsel Data Act's bans on scoring systems apply from September 2030.", "o")
    (verdict,) = RULE.compare(bans, other, PairContext(0.5))
    assert verdict.relation == "conflicts" and "April 1, 2031 vs September 2030" in verdict.reason
    same = _parsed("Under the Orsel Data Act, the scoring bans apply from April 1, 2031.", "s")
    assert [v.relation for v in RULE.compare(bans, same, PairContext(0.5))] == ["supports"]
    devices = _parsed("The Orsel Data Act's rules on device registration apply from September 2030.", "d")
    assert all(v.relation != "conflicts" for v in RULE.compare(bans, devices, PairContext(0.5)))  # another part


def test_a_timeline_entry_needs_a_date_first_and_a_short_label():
    from checker.frame.facts import entry_label

    assert entry_label("April 1, 2031 — Scoring Bans", 0, 13) == "Scoring Bans"
    assert entry_label("**2031**: Phase two", 2, 6) == "Phase two"
    assert entry_label("On April 1, 2031 — the bans applied", 3, 16) is None  # the date is not first
    assert entry_label("April 1, 2031 — the bans applied. They were strict", 0, 13) is None  # a sentence goes on
    # an entry whose paragraph has a date of its own: that date is its event's
    text = "Rollout\n\nApril 1, 2031 — Scoring Bans\n\nThe bans were adopted in May 2030.\n\nApril 1, 2032 — Registration\n"
    from checker.frame.facts import document_claims_with_facts
    from checker.ingest.documents import parse_document

    entry = next(c for c in document_claims_with_facts(parse_document(text, "text", "r", "r.txt"), 1) if c.text.startswith("April 1, 2031"))
    assert entry.facts[0].measure is None



def test_one_dated_line_alone_is_a_dateline_not_a_timeline_entry():
    from checker.frame.facts import document_claims_with_facts
    from checker.ingest.documents import parse_document

    for line in ("June 5, 2031 — Reuters", "March 3, 2031 — By Jane Doe"):
        text = f"Acme news\n\n{line}\n\nAcme launched its X2 drone in Europe.\n"
        (dated,) = [c for c in document_claims_with_facts(parse_document(text, "text", "n", "n.txt"), 1) if c.dates]
        assert dated.facts[0].measure is None  # the day the story was filed, not the launch's


# ---------------------------------------------------------------- events that begin, end or begin again


@pytest.mark.parametrize("one, other", [
    ("Jane Smith joined Orrin in 2015.", "Jane Smith left Orrin in 2019."),
    ("Orrin opened its Lyon plant in 2015.", "Orrin closed its Lyon plant in 2019."),
    ("Orrin launched the X2 in 2020.", "Orrin discontinued the X2 in 2023."),
    ("The company was listed on the Nasdaq in 2010.", "The company was delisted from the Nasdaq in 2016."),
    ("The museum closed in March 2020.", "The museum reopened in June 2021."),
    ("The museum opened in 1990.", "The museum reopened in 2021."),
])
def test_an_event_that_ends_or_begins_again_what_another_began_is_another_event(one, other):
    a, b = _parsed(one, "a"), _parsed(other, "b")
    assert all(v.relation != "conflicts" for v in RULE.compare(a, b, PairContext(0.95))), (one, other)
    # the same event of one side, worded alike, dated apart, still conflicts
    again = _parsed(one.replace("20", "19", 1) if "20" in one else one.replace("19", "18", 1), "c")
    assert [v.relation for v in RULE.compare(a, again, PairContext(0.95))] == ["conflicts"], one


@pytest.mark.parametrize("one, other", [
    ("The bridge opened to traffic in 1937.", "The bridge opened to pedestrians in 1936."),
    ("The plant began production of batteries in 2023.", "The plant began production of cars in 2020."),
])
def test_an_event_of_or_to_two_things_is_two_events(one, other):
    a, b = _parsed(one, "a"), _parsed(other, "b")
    for similarity in (0.6, 0.95):
        assert all(v.relation != "conflicts" for v in RULE.compare(a, b, PairContext(similarity))), (one, other)
    # of or to one thing, dated apart, still conflicts
    again = _parsed(one.replace("20", "19", 1) if "20" in one else one.replace("19", "18", 1), "c")
    assert [v.relation for v in RULE.compare(a, again, PairContext(0.95))] == ["conflicts"], one


def test_the_side_of_an_event_is_read_from_its_verb():
    from checker.frame.direction import event_side

    # the binding's event is a lemma ("leave"); an inflected form is read too
    assert [event_side(w) for w in ("joined", "leave", "reopened", "closes", "registered", None)] == [
        "begin", "end", "again", "end", None, None]
    facts = _parsed("Jane Smith left Orrin in 2019.", "a").facts
    assert [f.direction for f in facts if f.kind == "date"] == ["end"]


def test_names_references_were_read_as_set_alike_dated_sentences_apart():
    from checker.frame.facts import document_claims_with_facts
    from checker.ingest.documents import parse_document

    def last(text: str, doc: str):
        return [c for c in document_claims_with_facts(parse_document(text, "text", doc, f"{doc}.txt"), 1) if c.dates][-1]

    for one, other in [
        ("Orrin is a chipmaker. It was founded in 1998.", "Valdor is a chipmaker. It was founded in 2001."),
        # an event the table does not know
        ("Orrin unveiled the X2 drone. The drone went on sale in March 2024.",
         "Valdor unveiled the K9 drone. The drone went on sale in June 2024."),
        # an ordinal thing whose owner a reference gave
        ("Orrin reported results on Tuesday. The company opened its first store in 2010.",
         "Valdor reported results on Tuesday. The company opened its first store in 2012."),
    ]:
        a, b = last(one, "a"), last(other, "b")
        assert all(v.relation != "conflicts" for v in RULE.compare(a, b, PairContext(0.95))), (one, other)
    # the same name on both sides: one event dated twice
    a = last("Orrin is a chipmaker. It was founded in 1998.", "a")
    b = last("Orrin is a chipmaker. It was founded in 2001.", "b")
    assert [v.relation for v in RULE.compare(a, b, PairContext(0.95))] == ["conflicts"]


def test_a_phrasal_verb_is_read_with_its_particle():
    from checker.frame.direction import event_side

    assert [event_side("step", " down as chief executive"), event_side("shut down"), event_side("step", " forward")] == [
        "end", "end", None]
    a = _parsed("Jane Smith became chief executive in 2015.", "a")
    b = _parsed("Jane Smith stepped down as chief executive in 2019.", "b")
    assert all(v.relation != "conflicts" for v in RULE.compare(a, b, PairContext(0.95)))
    c = _parsed("Jane Smith stepped down as chief executive in 2020.", "c")
    assert [v.relation for v in RULE.compare(b, c, PairContext(0.95))] == ["conflicts"]


def _parsed(text: str, doc: str) -> Claim:
    """The claim of a one-sentence document, with the facts the parser stage binds."""
    from checker.frame.facts import document_claims_with_facts
    from checker.ingest.documents import parse_document

    (claim,) = document_claims_with_facts(parse_document(text + "\n", "markdown", doc, f"{doc}.md"), 1)
    return claim


@pytest.mark.parametrize("many, one, dated", [
    # the sentence with several dates: its date of the other's event is the one held against it
    ("The tunnel opened to traffic in 1994, six years after digging began in 1988.", "Digging of the tunnel began in 1989.",
     ("1988", "1989")),
    ("Ms Varga, who joined the board in 2009, stepped down in 2019.", "Ms Varga stepped down in 2018.", ("2019", "2018")),
    ("Kestrel showed the T4 in May 2031 and started selling it in August 2031.", "Kestrel started selling the T4 in October 2031.",
     ("August 2031", "October 2031")),
])
def test_a_sentence_of_several_dates_is_held_against_the_other_by_its_event(many, one, dated):
    a, b = _parsed(many, "a"), _parsed(one, "b")
    conflicts = [v for v in RULE.compare(a, b, PairContext(0.95)) if v.relation == "conflicts"]
    assert [(v.fields["a"].strip(), v.fields["b"].strip()) for v in conflicts] == [dated]
    # and the same date of that event is no conflict
    agreeing = _parsed(one.replace(dated[1], dated[0]), "c")
    assert not any(v.relation == "conflicts" for v in RULE.compare(a, agreeing, PairContext(0.95)))


def test_taking_an_office_is_one_event_however_written():
    # "became chief executive" and "took over" by the chief executive the subject names date one event
    a = _parsed("Tomas Berg became chief executive in 2028.", "a")
    b = _parsed("The group's chief executive, Tomas Berg, took over in 2029.", "b")
    assert _relations(RULE.compare(a, b, PairContext(0.8))) == ["conflicts"]
    c = _parsed("Tomas Berg took over as chief executive in 2028.", "c")
    assert _relations(RULE.compare(a, c, PairContext(0.8))) == ["supports"]
    # an office held since a date, and "who took over" said of the office holder, date it too
    d = _parsed("Tomas Berg, chief executive since 2028, expects sales to rise.", "d")
    e = _parsed("Chief executive Tomas Berg, who took over in 2029, said sales would rise.", "e")
    assert _relations(RULE.compare(a, d, PairContext(0.8))) == ["supports"]
    assert _relations(RULE.compare(d, e, PairContext(0.8))) == ["conflicts"]
    f = _parsed("Tomas Berg, who took over in 2029, said sales would rise.", "f")  # no office said
    assert "conflicts" not in _relations(RULE.compare(a, f, PairContext(0.8)))
    # two offices, two organisations' offices and a takeover of companies are other events
    for x, y in [
        ("Tomas Berg became mayor in 2021.", "Tomas Berg became governor in 2027."),
        ("Tomas Berg became chief executive of Orrin in 2020.", "Tomas Berg became chief executive of Valdor in 2024."),
        ("Orrin took over Valdor in 2027.", "Orrin took over Pellam in 2029."),
    ]:
        assert "conflicts" not in _relations(RULE.compare(_parsed(x, "x"), _parsed(y, "y"), PairContext(0.9))), (x, y)


def test_building_work_starting_is_the_start_of_construction():
    a = _parsed("Building work on the Halden lab started in March 2031.", "a")
    b = _parsed("Construction of the Halden lab began in March 2032.", "b")
    assert [f.measure.value for f in a.facts if f.kind == "date"] == ["construction start"]
    assert _relations(RULE.compare(a, b, PairContext(0.8))) == ["conflicts"]
    # work of no kind said is no event
    c = _parsed("Work on the Halden lab began in March 2032.", "c")
    assert [f.measure for f in c.facts if f.kind == "date"] == [None]
