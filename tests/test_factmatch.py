"""Facts of two claims aligned slot by slot (issue 16), the rules gated on them, and candidate pairs
from a join on the facts' measure. Sentences of our own."""

from __future__ import annotations

import numpy as np

from checker.frame.facts import document_claims_with_facts
from checker.ingest.documents import parse_document
from checker.frame.keys import holder_key, quantity_fact
from checker.judge.factmatch import match
from checker.judge.rulekinds.base import PairContext
from checker.judge.rulekinds.numeric import NumericMismatch
from checker.pair.similarity import pair_scores
from checker.pair.value_join import fact_pairs


def _claim(text: str, doc: str = "d1"):
    parsed = parse_document(text, "text", doc, f"{doc}.txt")
    (claim,) = document_claims_with_facts(parsed, 1)
    return claim


def _match(text_a: str, text_b: str):
    a, b = _claim(text_a, "a"), _claim(text_b, "b")
    return match(a, quantity_fact(a, 0), a.quantities[0], b, quantity_fact(b, 0), b.quantities[0])


def _numeric(text_a: str, text_b: str, similarity: float):
    a, b = _claim(text_a, "a"), _claim(text_b, "b")
    return NumericMismatch({}).compare(a, b, PairContext(similarity))


def _never_conflict(pairs, similarity: float = 0.9) -> None:
    """Each ``(a, b)`` of ``pairs`` is judged at ``similarity`` with no conflict."""
    for a, b in pairs:
        assert not any(v.relation == "conflicts" for v in _numeric(a, b, similarity)), (a, b)


def _each_conflicts(pairs, similarity: float = 0.9) -> None:
    """Each ``(a, b)`` of ``pairs`` is judged at ``similarity`` as one conflict."""
    for a, b in pairs:
        assert [v.relation for v in _numeric(a, b, similarity)] == ["conflicts"], (a, b)


def _apart_on(entry, apart, alike, similarity: float = 0.95) -> None:
    """No pair of ``apart`` conflicts, and its first differs by the slot ``entry`` (a ``differ``
    entry, or the difference in words); each of ``alike`` is one conflict."""
    _never_conflict(apart, similarity)
    fm = _match(*apart[0])
    assert (fm.difference() == entry) if isinstance(entry, str) else (entry in fm.differ), fm
    _each_conflicts(alike, similarity)


def _two_times(pairs, similarity: float = 0.9) -> None:
    """Each ``(a, b)`` of ``pairs``: the facts' times differ, and no conflict at ``similarity``."""
    for a, b in pairs:
        assert "time" in {slot for slot, *_ in _match(a, b).differ}, (a, b)
        assert not any(v.relation == "conflicts" for v in _numeric(a, b, similarity)), (a, b)


def test_same_holder_and_physical_measure_align_across_wordings():
    fm = _match(
        "Kestrel, with a benchmark score of 2.41 exaflops, has led the ranking since May 2031.",
        "Kestrel took first place with a score of 2.38 exaflops.",
    )
    assert fm.aligned and fm.slots == {"holder", "measure"}
    assert fm.explain() == "same holder (Kestrel), same measure (benchmark score)"


def test_a_plan_and_an_outcome_of_one_measure_differ_in_modality():
    fm = _match("Marlow Bank employed 4,210 people in 2031.", "Marlow Bank plans to employ 3,900 people by 2031.")
    assert fm.one_thing and not fm.aligned
    assert fm.difference() == "another modality (outcome vs plan)"


def test_another_time_is_named():
    fm = _match("Marlow Bank employed 4,210 people in 2031.", "Marlow Bank employed 3,900 people in 2029.")
    assert fm.one_thing and fm.difference() == "another time (2031 vs 2029)"


def test_an_ordinary_opening_word_is_no_holder():
    fm = _match("Misinforming the regulator costs up to 9,500 euros.", "Misinforming the board costs 7,000 euros.")
    assert "holder" not in fm.slots


def test_numeric_conflict_gated_on_facts_far_apart_in_wording():
    # a low sentence similarity
    verdicts = _numeric(
        "Kestrel, with a benchmark score of 2.41 exaflops, has led the ranking since May 2031.",
        "Kestrel topped the ranking with a score of 2.38 exaflops.",
        similarity=0.4,
    )
    assert [v.relation for v in verdicts] == ["conflicts"]
    assert verdicts[0].reason == (
        "2.41 exaflops vs 2.38 exaflops: incompatible values for the same exaflop "
        "(same holder (Kestrel), same measure (benchmark score))"
    )
    assert "similarity" not in verdicts[0].reason


def test_numeric_agreeing_facts_support_and_plan_against_outcome_is_no_conflict():
    (support,) = _numeric(
        "Kestrel, with a benchmark score of 2.41 exaflops, has led the ranking since May 2031.",
        "Kestrel took first place with a score of 2.41 exaflops.",
        similarity=0.4,
    )
    assert support.relation == "supports"
    verdicts = _numeric(
        "Marlow Bank employed 4,210 people in 2031.", "Marlow Bank plans to employ 3,900 people by 2031.", 0.9
    )
    assert [v.relation for v in verdicts] == ["related"]
    assert not verdicts[0].finding and "another modality (outcome vs plan)" in verdicts[0].reason


def _unit_vectors(n: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, 16)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_fact_join_pairs_one_measure_across_documents_nearest_values_first():
    claims = [
        _claim("Kestrel, with a benchmark score of 2.41 exaflops, has led the ranking.", "a"),
        _claim("Engineers measured 2.38 exaflops on Kestrel last spring.", "b"),
        _claim("The Orvane array reached 0.9 exaflops.", "c"),
        _claim("Marlow Bank employed 4,210 people.", "d"),
    ]
    vectors = _unit_vectors(len(claims), seed=3)
    pairs = fact_pairs(claims, vectors, limit=1, held_limit=1)
    ends = [(i, j) for i, j, _ in pairs]
    assert (0, 1) in ends  # the same measure, nearest values
    assert all(3 not in p for p in ends)  # people are no exaflops
    for i, j, s in pairs:  # exact per-pair scores, whatever the split
        assert s == round(float(pair_scores(vectors, [i], vectors, [j])[0]), 6)


def test_fact_join_pairs_one_holders_one_event_however_dated():
    claims = [
        _claim("The second mill will use electric furnaces, with production slated to begin in 2028.", "a"),
        _claim("Kessler said it has begun construction of the second mill in Toledo, which is expected to be ready for commercial production in 2026.", "b"),
        _claim("Kessler's first mill started production in 2024.", "c"),
        _claim("The Orsel council adopted the budget on 4 May 2031.", "d"),
    ]
    ends = [(i, j) for i, j, _ in fact_pairs(claims, _unit_vectors(len(claims), seed=5))]
    assert (0, 1) in ends  # the second mill's production start, its owner stated on one side only
    assert all(2 not in p for p in ends) and all(3 not in p for p in ends)  # another mill, another event


def test_fact_join_is_bounded_per_figure():
    claims = [_claim(f"Site {n} counts {100 + n} turbines.", f"d{n}") for n in range(40)]
    pairs = fact_pairs(claims, _unit_vectors(len(claims), seed=4), limit=2, held_limit=0)
    partners: dict[int, int] = {}
    for i, j, _ in pairs:
        partners[i] = partners.get(i, 0) + 1
        partners[j] = partners.get(j, 0) + 1
    assert len(pairs) <= 2 * len(claims)
    assert max(partners.values()) <= 4


def test_a_currency_restatement_is_no_second_figure_of_the_measure():
    fm = _match("The Orsel joint venture was capitalised at ¥2.3 billion ($318 million) in 2031.",
                "The Orsel joint venture was capitalised at ¥3.2 billion in 2031.")
    assert "measure" in fm.slots


def test_several_figures_of_one_measure_in_a_sentence_leave_the_measure_unmatched():
    a = _claim("Orla patients took 500 mg of drug A and 20 mg of drug B daily.", "a")
    b = _claim("Orla patients took 480 mg of drug A daily.", "b")
    fm = match(a, quantity_fact(a, 1), a.quantities[1], b, quantity_fact(b, 0), b.quantities[0])
    assert "measure" not in fm.slots and not fm.one_thing


def test_a_name_opening_the_sentence_is_a_holder_however_it_ends():
    # "-ing" ends a gerund ("Misinforming the authority") as well as "Beijing" or "Boeing": the parse tells them apart
    for text, key in (("Boeing delivered 348 planes in 2031.", "boeing"), ("Beijing hosts 19 national AI labs.", "beijing")):
        claim = _claim(text)
        assert holder_key(quantity_fact(claim, 0), claim) == key


def test_a_plural_noun_opening_the_sentence_is_no_holder():
    fm = _match("Patients took 500 mg of the drug daily.", "Patients in the other arm took 20 mg daily.")
    assert "holder" not in fm.slots and not fm.one_thing


def test_a_plan_and_a_forecast_both_look_ahead():
    fm = _match("Marlow Bank plans to employ 4,200 people by 2031.", "Marlow Bank is expected to employ 4,200 people by 2031.")
    assert fm.aligned


def test_a_narrowed_measure_is_not_the_whole():
    fm = _match("Ravello won two photojournalism prizes.", "Ravello has won 20 different prizes.")
    assert "measure" not in fm.slots
    fm = _match("Ravello won 18 prizes.", "Ravello has won 20 different prizes.")
    assert fm.one_thing


def test_a_peak_and_a_sustained_rate_are_two_measures():
    fm = _match("Kestrel reached a peak rate of 3.1 Pflop/s.", "Kestrel held a sustained rate of 2.9 Pflop/s.")
    assert "measure" not in fm.slots


def _dated(text: str, doc: str, date: str):
    from dataclasses import replace

    parsed = replace(parse_document(text, "text", doc, f"{doc}.txt"), date=date)
    (claim,) = document_claims_with_facts(parsed, 1)
    return claim


def test_present_figures_of_pages_of_two_years_are_two_times_past_ones_are_not():
    a = _dated("Marlow Bank now employs 4,210 people.", "a", "2031-05-01")
    b = _dated("Marlow Bank employs 3,900 people.", "b", "2029-03-01")
    fm = match(a, quantity_fact(a, 0), a.quantities[0], b, quantity_fact(b, 0), b.quantities[0])
    assert fm.one_thing and [s for s, _, _ in fm.differ] == ["time"]
    a = _dated("Marlow Bank bought the site for 4.2 million euros.", "a", "2031-05-01")
    b = _dated("Marlow Bank bought the site for 3.9 million euros.", "b", "2029-03-01")
    fm = match(a, quantity_fact(a, 0), a.quantities[0], b, quantity_fact(b, 0), b.quantities[0])
    assert not fm.differ


def test_a_month_of_no_year_dates_a_past_figure_on_a_dated_page():
    # "In April" on a page of December 2031 is April 2031: not the year a sentence dates another figure to,
    # the same month as another page's figure of April 2031
    a = _dated("In April, Marlow Bank cut 1,200 jobs.", "a", "2031-12-02")
    b = _dated("Marlow Bank cut 1,500 jobs in 1998.", "b", "2031-04-20")
    c = _dated("Marlow Bank cut 1,400 jobs last month.", "c", "2031-05-10")
    assert quantity_fact(a, 0).time.value == "2031-04"
    fm = match(a, quantity_fact(a, 0), a.quantities[0], b, quantity_fact(b, 0), b.quantities[0])
    assert fm.differ == (("time", "In April", "1998"),)
    fm = match(a, quantity_fact(a, 0), a.quantities[0], c, quantity_fact(c, 0), c.quantities[0])
    assert fm.one_thing and not fm.differ
    # the month is read by the tense of the verb it hangs on, not by the sentence's other clause's plan
    d = _dated("Halden University's 38 million euro lab opened in May and will employ 120 researchers by 2036.", "d", "2034-10-01")
    e = _dated("Halden University will open a 38 million euro lab in May.", "e", "2034-10-01")
    assert quantity_fact(d, 0).time.value == "2034-05" and quantity_fact(e, 0).time.value == "2035-05"


def test_magnitudes_of_one_earthquake_are_one_measure_an_aftershocks_another():
    _each_conflicts([
        ("A magnitude 6.9 earthquake hit Taluga province on Monday.", "A 7.2-magnitude quake struck Taluga province on Monday."),
        ("A magnitude 6.9 earthquake hit Taluga province on Monday.", "Magnitude 7.1 earthquake strikes Taluga province"),
    ])
    fm = _match("A magnitude 6.9 earthquake hit Taluga province.", "In Taluga province the strongest aftershock was of magnitude 5.1.")
    assert "measure" not in fm.slots


def test_a_main_verb_in_the_past_tense_is_a_past_figure_whatever_the_verb():
    # "flew" (no verb of the past-tense word list) on a page of March 2031 tells of last year's flights,
    # not of a figure as of the page's date
    a = _dated("Vell Air flew 12.5 million passengers and now has 60 aircraft.", "a", "2031-03-01")
    b = _dated("Vell Air carried 12.5 million passengers last year.", "b", "2031-02-10")
    assert a.past_tense
    fm = match(a, quantity_fact(a, 0), a.quantities[0], b, quantity_fact(b, 0), b.quantities[0])
    assert fm.one_thing and not fm.differ
    assert not _dated("Vell Air will fly 14 million passengers.", "c", "2031-03-01").past_tense
    # a reporting verb's past is not its clause's
    assert not _dated("Officials said Vell Air flies 14 million passengers a year.", "d", "2031-03-01").past_tense
    assert _dated("Officials said Vell Air flew 14 million passengers.", "e", "2031-03-01").past_tense


def test_a_present_tense_figure_dated_after_its_page_is_a_plan_as_a_will_is():
    # "goes on sale on October 2" on a page of October 1 is what "will go on sale" says; the day of the
    # month is no operand from which 16 is 14 + 2
    a = _dated("The Aster 5 phone from Norvik goes on sale on October 2 in 16 countries.", "a", "2034-10-01")
    b = _dated("The Aster 5 phone from Norvik will go on sale on October 2 in 14 countries.", "b", "2034-09-10")
    assert [f.modality for f in a.facts if f.kind == "quantity"] == ["plan"]
    assert [v.relation for v in NumericMismatch({}).compare(a, b, PairContext(0.9))] == ["conflicts"]
    # a present-tense figure of no later time stays what it is
    c = _dated("The Aster 5 phone from Norvik sells in 16 countries.", "c", "2034-10-01")
    assert [f.modality for f in c.facts if f.kind == "quantity"] == ["actual"]
    # a figure told in the past, dated after its page, is an error of date or tense (DATE002), no plan;
    # nor is a present one beside a word the tense reading takes for the future ("in line with targets")
    for text in ("In the third quarter of 2035, Tarvos exported machinery worth 21.7 billion euros.",
                 "70.9% of households in Tarvos had fibre broadband by the end of 2035, in line with its targets."):
        d = _dated(text, "d", "2035-01-10")
        assert [f.modality for f in d.facts if f.kind == "quantity"] == ["actual"], text
    # a headline's present tells what happened
    text = "---\ndate: 2035-03-01\n---\n# Tarvos installs 1,640 MW of solar in May 2035\n\nTarvos added solar capacity.\n"
    (head,) = [c for c in document_claims_with_facts(parse_document(text, "markdown", "h", "h.md"), 1) if c.quantities]
    assert head.section == "headline" and [f.modality for f in head.facts if f.kind == "quantity"] == ["actual"]


def test_figures_of_one_sentence_each_of_a_measure_narrowed_its_own_way_are_read_apart():
    # "food prices" and "energy prices": which figure is whose is read, so each meets its own
    def titled(text, doc):
        (claim,) = document_claims_with_facts(parse_document(f"# Prices in Tarvos\n\n{text}\n", "markdown", doc, f"{doc}.md"), 1)
        return claim

    a = titled("Food prices were up 5.2% and energy prices dropped 2.8% in 2035.", "a")
    b = titled("Food prices climbed 5.2% in 2035, while energy prices fell 1.8%.", "b")
    verdicts = NumericMismatch({}).compare(a, b, PairContext(0.9))
    assert sorted((v.relation, v.fields["a"].strip(), v.fields["b"].strip()) for v in verdicts) == [
        ("conflicts", "2.8%", "1.8%"), ("supports", "5.2%", "5.2%")]


def test_a_figure_of_each_of_several_things_is_not_their_total():
    _never_conflict([("The Kelso wind farm has a capacity of 1.2 GW.", "The Kelso wind farm has 80 turbines of 15 MW each."),
                     ("Each Kelso ticket costs $40.", "Kelso sold tickets at $25 apiece.")])


def test_a_month_of_another_figure_s_base_dates_that_base_only():
    a = _dated("Tarvos consumer prices rose 3.1% in the year to October, down from 3.6% in September.", "a", "2035-11-14")
    assert [f.time.value for f in a.facts] == ["2035-10", "2035-09"]
    b = _dated("Tarvos inflation slowed to 3.3% in October from 3.6% in September.", "b", "2035-11-20")
    assert [f.time.value for f in b.facts] == ["2035-10", "2035-09"]
    fm = match(a, quantity_fact(a, 0), a.quantities[0], b, quantity_fact(b, 1), b.quantities[1])
    assert any(slot == "time" for slot, _, _ in fm.differ)


def test_one_physical_unit_beside_other_words_is_not_one_measure():
    fm = _match("New solar installations in Istria reached 240 MW in 2031.", "Istria's wind capacity came to 270 MW in 2031.")
    assert "measure" not in fm.slots


def test_units_of_two_things_are_two_measures():
    fm = _match("Tarvos connected 2.9 GW of onshore wind capacity in 2031.", "Tarvos commissioned 990 megawatts of electrolyser capacity in 2031.")
    assert "measure" not in fm.slots
    fm = _match("Tarvos connected 2.9 GW of onshore wind capacity in 2031.", "Tarvos added 2.7 GW of onshore wind capacity in 2031.")
    assert fm.one_thing


def test_acronyms_naming_the_measure_leave_one_holders_facts_to_compare():
    verdicts = _numeric(
        "Kestrel, with a TPX score of 2.41 exaflops, has led the ranking since May 2031.",
        "Kestrel topped the ranking with a QRB score of 2.38 exaflops.",
        similarity=0.4,
    )
    assert [v.relation for v in verdicts] == ["conflicts"]
    # another name, not an acronym: the gate holds
    assert _numeric(
        "Official data show that Kestrel reached a score of 2.41 exaflops.",
        "Official data show that Orvane reached a score of 2.38 exaflops.",
        similarity=0.4,
    ) == []


def test_two_sides_of_a_vote_are_never_one_quantity_one_side_is_however_worded():
    tally = _claim("On 9 June 2031 the Orsel council approved the levy by 27 votes to 15.", "a")
    voters = _claim("On 9 June 2031 the Orsel council approved the levy; 15 councillors voted against.", "b")
    fm = match(tally, quantity_fact(tally, 1), tally.quantities[1], voters, quantity_fact(voters, 0), voters.quantities[0])
    assert fm.aligned and not fm.apart and "measure" in fm.slots
    fm = match(tally, quantity_fact(tally, 0), tally.quantities[0], voters, quantity_fact(voters, 0), voters.quantities[0])
    assert fm.apart and "measure" not in fm.slots
    fm = _match(
        "On 9 June 2031 the Orsel council approved the levy with 27 votes in favour.",
        "On 9 June 2031 the Orsel council approved the levy with 15 votes against.",
    )
    assert fm.apart and not fm.one_thing


def test_numeric_two_sides_of_a_vote_neither_conflict_nor_support():
    for other in ("27", "15"):
        found = _numeric(
            "On 9 June 2031 the Orsel council approved the levy with 27 votes in favour.",
            f"On 9 June 2031 the Orsel council approved the levy with {other} votes against.",
            0.95,
        )
        assert found == []
    found = _numeric(
        "On 9 June 2031 the Orsel council approved the levy by 27 votes to 15.",
        "On 9 June 2031 the Orsel council approved the levy; 17 councillors voted against.",
        0.6,
    )
    assert [v.relation for v in found] == ["conflicts"] and found[0].reason.startswith("15 vs 17")


def test_a_long_name_with_a_word_before_it_is_one_holder():
    fm = _match(
        "The Varnish Ministry of Trade is the largest shareholder of the fund, with a 21.37% stake.",
        "The Ministry of Trade holds a 21.37% stake in the fund.",
    )
    assert "holder" in fm.slots
    # a short name is not one with a longer name that holds it
    fm = _match("Bank of Orvia lent $4.1 billion in 2024.", "Orvia lent $4.1 billion in 2024.")
    assert "holder" not in fm.slots


def test_an_acronym_is_the_name_of_its_initials():
    fm = _match("The Vega Space Telescope has a 4.2 meter diameter mirror.", "VST has a mirror 4.2 meters in diameter.")
    assert "holder" in fm.slots
    fm = _match("The Vega Space Telescope has a 4.2 meter diameter mirror.", "VSO has a mirror 4.2 meters in diameter.")
    assert "holder" not in fm.slots


def test_a_unit_figure_before_a_noun_compound_measures_the_compound():
    fm = _match("Vega is a 4.2 meter diameter telescope.", "The total diameter of Vega's primary mirror is 4.2 metres.")
    assert fm.aligned and fm.slots >= {"holder", "measure"}


def test_one_holders_equal_amount_on_one_day_supports_whatever_the_verbs():
    verdicts = _numeric(
        "Operational since March 3, 2031, the Orvia fund has set aside an initial €47 billion for toolmakers.",
        "On March 3, 2031 the Orvia fund began injecting €47 billion into a new vehicle.",
        0.4,
    )
    assert [v.relation for v in verdicts] == ["supports"]
    # another day: no such support
    verdicts = _numeric(
        "Operational since March 3, 2031, the Orvia fund has set aside an initial €47 billion for toolmakers.",
        "On May 9, 2031 the Orvia fund began injecting €47 billion into a new vehicle.",
        0.4,
    )
    assert "supports" not in [v.relation for v in verdicts]


def test_a_figure_rounded_for_one_measure_restates_the_precise_one():
    from checker.judge.rulekinds.numeric import _rounded_alike
    from checker.model import Quantity

    def q(v):
        return Quantity(text=str(v), start=0, end=1, value=v, unit="USD", kind="money")

    assert _rounded_alike(q(5.6e6), 2, q(5.57e6), 3)
    assert _rounded_alike(q(17.0), 2, q(17.44), 4)
    assert not _rounded_alike(q(5.58e6), 3, q(5.57e6), 3)  # one digit apart is not a rounding
    assert not _rounded_alike(q(6e6), 1, q(5.57e6), 3)  # one significant digit says too little
    assert not _rounded_alike(q(5.5e6), 2, q(5.57e6), 3)


def test_an_approximate_figure_may_cut_the_digits_off():
    from checker.judge.rulekinds.numeric import _rounded_alike
    from checker.model import Quantity

    def q(v, qualifier=None):
        return Quantity(text=str(v), start=0, end=1, value=v, unit="gigaflop/watt", kind="measure", qualifier=qualifier)

    assert _rounded_alike(q(41.0, "about"), 2, q(41.7), 3)  # "~41" of 41.7
    assert not _rounded_alike(q(41.0), 2, q(41.7), 3)  # a plain 41 is no rounding of 41.7
    assert not _rounded_alike(q(41.0, "about"), 2, q(42.1), 3)


def test_a_label_before_a_colon_says_what_the_figure_measures():
    # the heading names the measure the label names ("Power ..."), so it holds nothing; the other
    # page's figure in the same physical unit, marked approximate, restates it
    verdicts = _numeric(
        "# Kestrel\n\n## Power Consumption\n\nPower Efficiency: 41.7 GigaFLOPS/Watt (HPL), vs ~12 GigaFLOPS/Watt for CPU-only systems",
        "# Kestrel\n\n~41 GFLOPS/W on HPL, first of the Green500 at its debut.",
        0.42,
    )
    assert "supports" in [v.relation for v in verdicts]


def test_names_the_parse_binds_to_no_figure_set_nothing_apart():
    # "Lyon, France" only places the team: the rounded figure of one measure restates Orvia's
    lyon = "In March 2031, a research team in Lyon, France trained a large language model for $7.3 million."
    verdicts = _numeric("Orvia trained its frontier language model for approximately $7.31 million.", lyon, 0.5)
    assert [v.relation for v in verdicts] == ["supports"]
    # two holders the sentences name: no support, and never a conflict across the unbound names
    verdicts = _numeric("Orvia trained its frontier language model for approximately $7.31 million.",
                        "Kestrel trained its frontier language model for $7.3 million.", 0.5)
    assert "supports" not in [v.relation for v in verdicts]
    verdicts = _numeric("Orvia trained its frontier language model for approximately $9.45 million.", lyon, 0.9)
    assert "conflicts" not in [v.relation for v in verdicts]


def test_the_alternatives_of_one_amount_in_two_tiered_lists_are_one_quantity():
    fines = ("The penalties are tiered: EUR 40 million or 8% for banned systems, EUR 20 million or 4% for other "
             "breaches, and EUR 6.5 million or 1.5% for misleading the regulator.")
    verdicts = [v for v in _numeric(fines, "Misleading the regulator — up to EUR 6,500,000 or 1%.", 0.4)
                if v.relation == "conflicts"]
    assert [(v.fields["a"], v.fields["b"]) for v in verdicts] == [("1.5%", "1%")]
    assert "alternative to EUR 6.5 million" in verdicts[0].reason
    # the same alternative agrees; another amount's alternative is another tier
    assert not [v for v in _numeric(fines, "Misleading the regulator — up to EUR 6,500,000 or 1.5%.", 0.4)
                if v.relation == "conflicts"]
    assert not [v for v in _numeric(fines, "Misleading the regulator — up to EUR 7,500,000 or 1%.", 0.4)
                if v.relation == "conflicts"]


def test_gpu_hours_measure_what_they_are_spent_on():
    from checker.frame.keys import measure_key

    claim = _claim("The model required 2.79 million GPU hours.")
    assert measure_key(quantity_fact(claim, 0), claim.quantities[0]) == "noun:gpu hour"
    days = _claim("The review took 57 days.")
    assert measure_key(quantity_fact(days, 0), days.quantities[0]) is None  # a time alone measures anything


def test_a_figure_after_a_semicolon_does_not_hide_the_measure_of_one_before_it():
    fm = _match(
        "Kestrel debuted with a score of 2.41 exaflops in May 2031; later scores are about 2.6 exaflops.",
        "Kestrel took first place in May 2031 with a score of 2.38 exaflops.",
    )
    assert "measure" in fm.slots


def test_a_figure_the_sentence_gives_another_holder_does_not_hide_the_measure():
    text = "Orrin V2: Training on a Budget\n\nTraining time: 190K GPU hours (vs. Vexa 3's 21.5M GPU hours)\n"
    parsed = parse_document(text, "text", "a", "a.txt")
    a = next(c for c in document_claims_with_facts(parsed, 1) if c.quantities)
    b = _claim("Orrin V2 Costs\n\nThe model required 1.95 million GPU hours.\n", "b")
    fm = match(a, quantity_fact(a, 0), a.quantities[0], b, quantity_fact(b, 0), b.quantities[0])
    assert fm.slots == {"holder", "measure"}
    (verdict,) = NumericMismatch({}).compare(a, b, PairContext(0.5))
    assert verdict.relation == "conflicts" and "GPU hours" in verdict.reason



def test_a_rate_written_a_month_is_the_monthly_one():
    fm = _match("Tessaro is targeting 10,000 units monthly for its plants.", "Tessaro targets 15,000 units a month.")
    assert "measure" in fm.slots
    fm = _match("Tessaro is targeting 10,000 units monthly for its plants.", "Tessaro targets 15,000 units a year.")
    assert "measure" not in fm.slots


def test_a_rate_stated_plainly_is_the_sustained_one_not_the_peak():
    fm = _match("Kestrel debuted at 2.38 exaflops sustained in June 2031.", "Kestrel scored 2.41 exaflops in June 2031.")
    assert {"holder", "measure"} <= fm.slots
    fm = _match("Kestrel debuted at 2.38 exaflops sustained in June 2031.", "Kestrel reached a peak of 3.1 exaflops in June 2031.")
    assert "measure" not in fm.slots
    fm = _match("Kestrel scored 2.41 exaflops in June 2031.", "Kestrel reached a peak of 3.1 exaflops in June 2031.")
    assert "measure" not in fm.slots


def test_another_value_dated_on_one_side_only_is_no_conflict_one_dated_since_then_is():
    dated = "Kestrel debuted with a score of 2.38 exaflops in June 2031, the first machine of its kind."
    (verdict,) = _numeric(dated, "Kestrel topped the ranking with a score of 2.52 exaflops.", similarity=0.5)
    assert verdict.relation == "related" and not verdict.finding
    assert verdict.reason.endswith("but only one is dated (June 2031)")
    (verdict,) = _numeric(dated, "Kestrel topped the ranking with a score of 2.38 exaflops.", similarity=0.5)
    assert verdict.relation == "supports"  # an equal value agrees whenever the other was stated
    # the same sentence restated with another figure is a change, dated or not
    (verdict,) = _numeric(dated, "Kestrel debuted with a score of 2.52 exaflops, the first machine of its kind.", similarity=0.9)
    assert verdict.relation == "conflicts"
    # "since May 2031" runs to the present: the undated figure may be of any day of it
    (verdict,) = _numeric("Kestrel, with a score of 2.41 exaflops, has led the ranking since May 2031.",
                          "Kestrel topped the ranking with a score of 2.52 exaflops.", similarity=0.5)
    assert verdict.relation == "conflicts"


def test_fact_join_spreads_one_holders_partners_over_the_values_they_state():
    # Kestrel's score stated 2.38 on six pages and 2.41 on one: each page of 2.38 is paired with the
    # 2.41 page too, not only with its echoes
    claims = [_claim(f"Kestrel scored 2.38 exaflops in June 2031, report {n} says.", f"d{n}") for n in range(6)]
    claims.append(_claim("Kestrel scored 2.41 exaflops in June 2031.", "odd"))
    ends = {(i, j) for i, j, _ in fact_pairs(claims, _unit_vectors(len(claims), seed=6), limit=0, held_limit=4)}
    assert {(n, 6) for n in range(6)} <= ends
    assert len(ends) <= 4 * len(claims)  # still at most held_limit partners chosen per figure


def _claims(text: str, doc: str):
    return document_claims_with_facts(parse_document(text, "text", doc, f"{doc}.txt"), 1)


def test_fact_join_pairs_an_event_whose_holder_the_context_resolved_with_a_named_one_only():
    resolved = "Porto has become the first city to require audits of lending models. The regulation, effective July 2031, covers every lender."
    (a,) = [c for c in _claims(resolved, "a") if c.dates]
    (c,) = [c for c in _claims(resolved.replace("July 2031", "July 2030"), "c") if c.dates]
    b = _claim("Porto's audit rules for lenders take effect in July 2032.", "b")
    assert [f.holder.source for f in a.facts if f.kind == "date"] == ["previous sentence"]
    ends = {(i, j) for i, j, _ in fact_pairs([a, b, c], _unit_vectors(3, seed=7))}
    assert (0, 1) in ends and (1, 2) in ends  # each with the sentence that names Porto itself
    assert (0, 2) not in ends  # two resolved references propose no pair


def test_the_regulation_after_a_sentence_naming_a_law_is_the_law_not_the_subject():
    claims = _claims(
        "On 13 March 2031 the Orsel Parliament adopted the Data Safety Act by a large majority. "
        "The regulation was formally adopted on 13 June 2031.", "a")
    second = [f for c in claims for f in c.facts if f.kind == "date" and f.value == "13 June 2031"]
    assert [(f.holder.value, f.holder.source) for f in second] == [("Data Safety Act", "previous sentence")]
    claims = _claims(
        "After long talks between the Orsel Parliament and the Council, an agreement was reached on 8 May 2031. "
        "The regulation was formally adopted on 13 June 2031.", "b")
    second = [f for c in claims for f in c.facts if f.kind == "date" and f.value == "13 June 2031"]
    assert all(f.holder is None or f.holder.value != "Orsel Parliament" for f in second)  # a name in passing


def test_a_figure_of_a_dated_page_and_one_of_a_page_of_no_date_are_of_two_times_unless_one_is_a_draft():
    # Kestrel's rating on a page of 3 June 2031 and on a page that states no date, worded apart:
    # maybe another list, another time; the same figure agrees
    dated = _dated("Kestrel also has an energy efficiency rating of 52.6 gigaflops per watt.", "a", "2031-06-03")
    undated = _claim("Kestrel kept its top spot with a rating of 52.9 gigaflops per watt.", "b")
    (verdict,) = NumericMismatch({}).compare(dated, undated, PairContext(0.5))
    assert verdict.relation == "related" and not verdict.finding
    assert "only one is dated (its page's, 2031-06-03)" in verdict.reason
    same = _claim("Kestrel kept its top spot with a rating of 52.6 gigaflops per watt.", "c")
    assert [v.relation for v in NumericMismatch({}).compare(dated, same, PairContext(0.5))] == ["supports"]
    # a draft being checked is written now: its figure against the archive's is a conflict
    (verdict,) = NumericMismatch({}).compare(dated, undated, PairContext(0.5, drafts=frozenset({"b"})))
    assert verdict.relation == "conflicts"
    # and so is a sentence restated with another figure, dated by its page or not
    restated = _claim("Kestrel also has an energy efficiency rating of 52.9 gigaflops per watt.", "d")
    (verdict,) = NumericMismatch({}).compare(dated, restated, PairContext(0.9))
    assert verdict.relation == "conflicts"


def test_a_participle_narrowing_one_noun_is_the_verb_of_the_other_figure():
    fm = _match("Valdria has approved 150 large language models.", "Valdria hosts 123 state-approved large language models.")
    assert fm.aligned and "measure" in fm.slots
    fm = _match("Kessler installed 500 welding robots in 2031.", "Kessler had 430 installed welding robots in 2031.")
    assert "measure" in fm.slots
    # a narrowing word the other sentence does not write before its figure still sets the measures apart
    fm = _match("Valdria has approved 150 large language models.", "Valdria hosts 123 Chinese-made large language models.")
    assert "measure" not in fm.slots


def test_the_shares_of_two_parts_of_one_whole_are_two_facts():
    for a, b in (
        ("Cloud accounted for 60% of Orrin's revenue in 2031.", "Devices accounted for 25% of Orrin's revenue in 2031."),
        ("In 2031, 60% of Orrin's revenue came from cloud.", "In 2031, 25% of Orrin's revenue came from devices."),
        ("Women make up 35% of Marlow Bank's workforce.", "Engineers make up 50% of Marlow Bank's workforce."),
        ("Exports represented 40% of Valdria's output in 2031.", "Imports represented 25% of Valdria's output in 2031."),
    ):
        fm = _match(a, b)
        assert fm.one_thing and [slot for slot, _, _ in fm.differ] == ["part"]
        for similarity in (0.6, 0.9):
            verdicts = _numeric(a, b, similarity)
            assert [v.relation for v in verdicts] == ["related"] and "another part" in verdicts[0].reason


def test_one_parts_share_of_one_whole_is_one_fact():
    a, b = "Cloud accounted for 60% of Orrin's revenue in 2031.", "Cloud accounted for 52% of Orrin's revenue in 2031."
    assert _match(a, b).aligned and "part" in _match(a, b).slots
    assert [v.relation for v in _numeric(a, b, 0.6)] == ["conflicts"]
    # a name that holds the share is its holder, not a part ("Tesla's share of EV sales")
    claim = _claim("Tesla accounted for 20% of EV sales in 2031.")
    assert quantity_fact(claim, 0).holder.value == "Tesla" and quantity_fact(claim, 0).part is None


def test_changes_against_a_year_and_against_a_quarter_are_two_changes():
    a = "Orrin's revenue grew 12% year on year in the third quarter of 2031."
    assert _numeric(a, "Orrin's revenue grew 3% quarter on quarter in the third quarter of 2031.", 0.9) == []
    assert [v.relation for v in _numeric(a, "Orrin's revenue grew 9% year on year in the third quarter of 2031.", 0.9)] == [
        "conflicts"]


def test_a_figure_per_thing_is_a_rate_not_a_total():
    for a, b in (
        ("Valdria spent $500 per person on health care in 2031.", "Valdria spent $2.1 billion on health care in 2031."),
        ("Orrin earned $2.10 a share in 2031.", "Orrin earned $900 million in 2031."),
    ):
        assert "measure" not in _match(a, b).slots
        for similarity in (0.6, 0.9):
            assert _numeric(a, b, similarity) == []
    a, b = "Valdria spent $500 per person on health care in 2031.", "Valdria spent $620 per person on health care in 2031."
    assert [v.relation for v in _numeric(a, b, 0.6)] == ["conflicts"]
    # "per cent" is a percentage, and a rate unit says its own "per"
    assert [v.relation for v in _numeric("Orrin's revenue rose 12 per cent in 2031.", "Orrin's revenue rose 9 per cent in 2031.", 0.6)] == [
        "conflicts"]


def test_one_measure_narrowed_two_ways_is_two_measures_however_alike_the_sentences():
    for a, b in (
        ("Orrin's operating profit was $1.2 billion in 2031.", "Orrin's net profit was $900 million in 2031."),
        ("Valdria added 2.1 GW of wind capacity in 2031.", "Valdria added 3.4 GW of solar capacity in 2031."),
    ):
        fm = _match(a, b)
        assert fm.narrowed_apart and "measure" not in fm.slots
        for similarity in (0.6, 0.95):
            verdicts = _numeric(a, b, similarity)
            assert [v.relation for v in verdicts] == ["related"] and "another measure" in verdicts[0].reason
    # a word of time narrows nothing: the previous score is the score
    fm = _match("Kestrel kept its previous HPL score of 2.41 exaflops.", "Kestrel posted an HPL benchmark score of 2.41 exaflops.")
    assert not fm.narrowed_apart


def test_a_phrase_the_parse_cut_short_narrows_nothing_apart():
    fm = _match("Hokkaido lithium output 4.88 million tonnes (2031)",
                "Analysts noted that in 2031, lithium carbonate output in Hokkaido reached 4.88 million tonnes.")
    assert not fm.narrowed_apart


def test_lengths_of_two_dimensions_are_two_measures():
    a = "The Brisa bridge is 1.2 km long."
    for similarity in (0.6, 0.9):
        assert _numeric(a, "The Brisa bridge is 30 m wide.", similarity) == []
        assert [v.relation for v in _numeric(a, "The Brisa bridge is 1.4 km long.", similarity)] == ["conflicts"]
    # a round thing's width is its diameter, however worded
    assert [v.relation for v in _numeric("The Kestrel mirror is 6.5 metres across.", "The Kestrel mirror is 6.5 m in diameter.", 0.6)] == [
        "supports"]
    assert [v.relation for v in _numeric("Orrin's tower is 320 metres tall.", "Orrin's tower has a height of 350 m.", 0.6)] == [
        "conflicts"]


def test_two_funding_rounds_and_a_capacity_against_a_count_are_two_measures():
    a, b = "Orrin raised $40 million in Series B funding in 2031.", "Orrin raised $25 million in Series A funding in 2031."
    assert "measure" not in _match(a, b).slots
    for similarity in (0.6, 0.9):
        assert _numeric(a, b, similarity) == []
    assert [v.relation for v in _numeric(a, "Orrin raised $45 million in a Series B round in 2031.", 0.6)] == ["conflicts"]
    a, b = "The Valdor stadium holds 60,000 fans.", "The Valdor stadium drew 45,000 fans on Sunday."
    assert "measure" not in _match(a, b).slots and _numeric(a, b, 0.6) == []
    assert [v.relation for v in _numeric(a, "The Valdor stadium seats 62,000 fans.", 0.6)] == ["conflicts"]


def test_shares_of_two_markets_are_two_measures():
    a, b = "Orrin's share of the EV market rose to 12% in 2031.", "Orrin's share of the car market was 3% in 2031."
    for similarity in (0.6, 0.9):
        assert [v.relation for v in _numeric(a, b, similarity)] == ["related"]
    assert [v.relation for v in _numeric(a, "Orrin's EV market share was 10% in 2031.", 0.6)] == ["conflicts"]


def test_part_of_a_year_and_the_year_are_two_times():
    a = "In the first nine months of 2031, Orrin's revenue was $3 billion."
    assert _numeric(a, "Orrin's revenue was $4.1 billion in 2031.", 0.9) == []
    assert [v.relation for v in _numeric(a, "Orrin's revenue was $3.4 billion in the first nine months of 2031.", 0.6)] == [
        "conflicts"]


def test_the_price_of_two_named_things_is_two_facts_of_one_thing_one_fact():
    for a, b in (
        ("Orrin acquired Valdor for $2 billion in 2031.", "Orrin acquired Kestrel for $500 million in 2031."),
        ("Orrin paid $2 billion for Valdor in 2031.", "Orrin paid $500 million for Kestrel in 2031."),
    ):
        assert [slot for slot, _, _ in _match(a, b).differ] == ["holder"]
        for similarity in (0.6, 0.9):
            assert _numeric(a, b, similarity) == []
    a, b = "Orrin acquired Valdor for $2 billion in 2031.", "Orrin acquired Valdor for $2.4 billion in 2031."
    assert [v.relation for v in _numeric(a, b, 0.6)] == ["conflicts"]
    # an amount raised from no one named is its holder's
    assert quantity_fact(_claim("Orrin raised $40 million from investors in 2031."), 0).holder.value == "Orrin"


def test_a_products_price_is_the_products_whoever_sells_it_and_price_is_cost():
    a = "Orrin's X2 drone is priced at $900."
    assert [v.relation for v in _numeric(a, "The X2 drone costs $1,100.", 0.6)] == ["conflicts"]
    assert [v.relation for v in _numeric(a, "The X2 drone costs $900.", 0.6)] == ["supports"]
    assert _numeric(a, "Orrin's X3 drone is priced at $1,100.", 0.9) == []


def test_figures_of_two_places_named_by_adjectives_are_two_facts_one_place_conflicts():
    apart = [
        ("Orrin's US sales reached $3 billion in 2023.", "Orrin's European sales reached $1 billion in 2023."),
        ("Orrin's European revenue was $5 billion in 2023.", "Orrin's Japanese revenue was $2 billion in 2023."),
        ("Orrin's South Korean revenue was $2 billion in 2023.", "Orrin's North Korean revenue was $1 billion in 2023."),
    ]
    _never_conflict(apart)
    assert all("place" in {slot for slot, *_ in _match(a, b).differ} for a, b in apart)
    # one place written two ways: an adjective and a phrase, a short name and the country's name
    alike = [
        ("Orrin's European revenue was $5 billion in 2023.", "Orrin's revenue in Europe was $2 billion in 2023."),
        ("Orrin sold 4,000 cars in the US in 2023.", "Orrin sold 6,000 cars in the United States in 2023."),
        ("Orrin's US sales reached $3 billion in 2023.", "Orrin's American sales reached $1 billion in 2023."),
    ]
    for a, b in alike:
        assert [v.relation for v in _numeric(a, b, 0.9)] == ["conflicts"], (a, b)


def test_what_an_opening_or_a_hiring_changed_is_never_the_level():
    _never_conflict([
        ("Orrin has 500 stores.", "Orrin opened 40 stores in 2023."),
        ("Orrin had 1,200 employees at the end of 2023.", "Orrin laid off 300 employees in 2023."),
        ("Orrin had 1,200 employees at the end of 2023.", "Orrin recruited 300 employees in 2023."),
    ])
    # two openings of one year conflict
    assert [v.relation for v in _numeric("Orrin opened 40 stores in 2023.", "Orrin opened 35 stores in 2023.", 0.9)] == ["conflicts"]


def test_a_figure_counted_worldwide_and_one_counted_in_a_country_are_two_places():
    _never_conflict([
        ("Orrin has 500 stores worldwide.", "Orrin has 120 stores in the US."),
        ("Orrin employs 12,000 people around the world.", "Orrin employs 3,000 people in Germany."),
        ("Orrin sold 2 million phones globally in 2023.", "Orrin sold 400,000 phones in China in 2023."),
    ])
    assert [v.relation for v in _numeric("Orrin has 500 stores worldwide.", "Orrin has 520 stores around the world.", 0.9)] == [
        "conflicts"]
    assert [v.relation for v in _numeric("Orrin has 500 stores worldwide.", "Orrin has 520 stores.", 0.9)] == ["conflicts"]


def test_two_quarters_written_with_no_year_are_two_times():
    _two_times([
        ("Orrin's revenue rose to $4.2 billion in the first quarter.", "Orrin's revenue rose to $3.9 billion in the second quarter."),
        ("Orrin's Q1 revenue was $4.2 billion.", "Orrin's Q2 revenue was $3.9 billion."),
        ("Orrin's first-quarter revenue was $4.2 billion.", "Orrin's revenue in the second half was $3.9 billion."),
        # with no holder named (a generic "the company", a sentence that begins with its measure)
        ("Revenue in the first quarter was $3.1 billion.", "Revenue in the second quarter was $3.4 billion."),
        ("The company's first quarter revenue was $3.1 billion.", "The company's second quarter revenue was $3.4 billion."),
        ("The group's first-half profit was $900 million.", "The group's second-half profit was $700 million."),
        ("The index rose 2% on Monday.", "The index rose 5% on Tuesday."),
    ], 0.95)
    # one quarter on both sides with no holder is one time
    assert [v.relation for v in _numeric(
        "Revenue in the first quarter was $3.1 billion.", "Revenue in the first quarter was $3.4 billion.", 0.95)] == ["conflicts"]
    # one quarter, with its year or without, is one time
    assert [v.relation for v in _numeric("Orrin's Q1 revenue was $4.2 billion.", "Orrin's revenue was $3.9 billion in the first quarter.", 0.9)] == [
        "conflicts"]
    # a half and a quarter in it are two periods too
    assert not any(v.relation == "conflicts" for v in _numeric(
        "Orrin's revenue was $4.2 billion in the first half.", "Orrin's Q2 revenue was $3.9 billion.", 0.9))


def test_two_months_of_no_year_and_a_month_against_a_year_are_two_times():
    _two_times([
        ("Orrin's market value topped $1 trillion in June.", "Orrin's market value fell to $800 billion in October."),
        ("Unemployment fell to 3.9% in May, the lowest since 2019.", "Unemployment was 3.7% in 2019."),
    ], 0.95)
    # one month on both sides is one time
    assert [v.relation for v in _numeric("Unemployment fell to 3.9% in May.", "Unemployment fell to 3.6% in May.", 0.95)] == [
        "conflicts"]
    # months that date when something was said, not the figure's own date, set nothing apart
    assert [v.relation for v in _numeric(
        "In May, Orrin said its 2023 revenue was $5 billion.", "In June, Orrin said its 2023 revenue was $5.5 billion.", 0.95)] == [
        "conflicts"]


def test_people_employed_and_employees_are_one_count():
    a = "Orrin employs about 41,000 people."
    assert [v.relation for v in _numeric(a, "Orrin has around 41,000 employees.", 0.85)] == ["supports"]
    assert [v.relation for v in _numeric("Orrin employs 41,000 people.", "Orrin has 45,000 employees.", 0.85)] == ["conflicts"]


def test_two_rounds_of_a_series_and_two_frequencies_are_two_times():
    _two_times([
        ("Turnout was 67% in the first round.", "Turnout was 72% in the second round."),
        ("Around 30% of respondents said they used the app daily.", "Around 45% of respondents said they used the app weekly."),
    ], 0.95)
    _each_conflicts([
        ("Turnout was 67% in the first round.", "Turnout was 72% in the first round."),
        ("Around 30% of respondents said they used the app daily.", "Around 45% of respondents said they used the app every day."),
    ], 0.95)


def test_a_figure_of_one_phase_is_not_the_wholes():
    fm = _match("The trial enrolled 1,200 patients in 2022.", "The trial enrolled 800 patients in its second phase in 2022.")
    assert fm.difference() == "another phase (none said vs second phase)"
    _never_conflict([("The trial enrolled 1,200 patients in 2022.", "The trial enrolled 800 patients in its second phase in 2022."),
                     ("The plant will produce 2 GW in its first stage.", "The plant will produce 5 GW in its second stage.")], 0.95)
    assert [v.relation for v in _numeric(
        "The trial enrolled 1,200 patients in its first phase.", "The trial enrolled 800 patients in its first phase.", 0.95)] == [
        "conflicts"]


def test_what_a_figure_was_spent_on_invested_in_or_received_about_sets_it_apart():
    pairs = [
        ("The city spent $3 million on the festival in 2023.", "The city spent $2 million on the parade in 2023."),
        ("Orrin invested $2 billion in its Texas plant.", "Orrin invested $5 billion in its Arizona plant."),
        ("The agency received 12,000 complaints about airlines in 2023.", "The agency received 7,000 complaints about banks in 2023."),
        ("Tickets cost $50 for adults.", "Tickets cost $25 for children."),
        ("The vaccine was 95% effective against severe disease.", "The vaccine was 60% effective against infection."),
    ]
    _never_conflict(pairs, 0.95)
    assert _match(*pairs[0]).difference() == "another object (on the festival vs on the parade)"
    # one object on both sides, a level a change reached, a purpose: one quantity
    _each_conflicts([
        ("The city spent $3 million on the festival in 2023.", "The city spent $2 million on the festival in 2023."),
        ("Orrin invested $2 billion in its Texas plant.", "Orrin invested $5 billion in its Texas plant."),
        ("Orrin's revenue rose 12% to a record in 2023.", "Orrin's revenue rose 15% to a new high in 2023."),
        ("Orrin raised $40 million to expand its factory.", "Orrin raised $50 million to fund expansion."),
    ], 0.95)


def test_last_year_and_this_year_of_one_undated_document_are_two_times():
    a = _claim("Orrin's revenue was $4.2 billion last year.", "d1")
    b = _claim("Orrin's revenue was $3.9 billion this year.", "d1")
    verdicts = NumericMismatch({}).compare(a, b, PairContext(0.9))
    assert verdicts and not any(v.relation == "conflicts" for v in verdicts)
    assert "another time (last year vs this year)" in verdicts[0].reason
    # in two documents of no date the two may be one year
    b2 = _claim("Orrin's revenue was $3.9 billion this year.", "d2")
    assert [v.relation for v in NumericMismatch({}).compare(a, b2, PairContext(0.9))] == ["conflicts"]
    # one document's "this year" twice is one time
    b3 = _claim("Orrin's revenue was $3.9 billion this year.", "d1")
    a3 = _claim("Orrin's revenue reached $4.2 billion this year.", "d1")
    assert [v.relation for v in NumericMismatch({}).compare(a3, b3, PairContext(0.9))] == ["conflicts"]


def test_two_measures_neither_sentence_shares_never_conflict_however_alike():
    _never_conflict([
        ("Orrin's debt stood at $12 billion at the end of 2023.", "Orrin's cash stood at $3 billion at the end of 2023."),
        ("Orrin's EBITDA was $2.1 billion in 2023.", "Orrin's revenue was $9.4 billion in 2023."),
    ], 0.95)
    # a measure narrowed on one side shares a word: left to the words around the figures
    assert [v.relation for v in _numeric("Orrin's net profit was $1.1 billion in 2023.", "Orrin's profit was $1.6 billion in 2023.", 0.95)] == [
        "conflicts"]


def test_a_holders_own_forecast_and_analysts_are_two_forecasts():
    own = "Orrin expects revenue of $5 billion in 2025."
    _never_conflict([(own, "Analysts expect revenue of $5.4 billion in 2025."),
                     (own, "Analysts expect Orrin's revenue to reach $5.4 billion in 2025.")], 0.95)
    fm = _match(own, "Analysts expect Orrin's revenue to reach $5.4 billion in 2025.")
    assert ("forecaster", "the holder", "analysts") in fm.differ
    # the holder's two forecasts of one year conflict
    assert [v.relation for v in _numeric(own, "Orrin forecast revenue of $5.4 billion in 2025.", 0.9)] == ["conflicts"]


def test_a_measure_narrowed_by_a_word_the_other_sentence_never_writes_is_a_part_not_one_quantity():
    _never_conflict([
        ("Orrin sold 1.2 million cars in 2024.", "Orrin sold 400,000 electric cars in 2024."),
        ("Unemployment rose to 5.2% in March.", "Youth unemployment rose to 14.1% in March."),
        ("The median home price was $420,000 in 2024.", "The average home price was $510,000 in 2024."),
    ], 0.95)
    # words that say how a figure stands narrow nothing ("official", "final", "reported", "net")
    for a, b in [
        ("The official death toll rose to 120 on Monday.", "The death toll rose to 95 on Monday."),
        ("Orrin's reported revenue was $5 billion in 2024.", "Orrin's revenue was $4 billion in 2024."),
        ("Orrin's net profit was $1.1 billion in 2023.", "Orrin's profit was $1.6 billion in 2023."),
        # nor does a word the other sentence writes elsewhere, nor another head noun
        ("Orrin's Arizona investment is $65 billion.", "Orrin's investment in Arizona is $40 billion."),
        # a measure read with its verb and figure ("registered 241,068 electric vehicles") narrows by
        # the words after the figure only
        ("In 2018, buyers in Sumatra registered 241,068 electric vehicles, officials said.", "Sumatra sold 310,980 electric vehicles in 2018."),
    ]:
        assert [v.relation for v in _numeric(a, b, 0.95)] == ["conflicts"], (a, b)


def test_a_headline_or_summary_line_that_drops_the_narrowing_word_still_conflicts():
    text = "# Orrin sells 1.2 million robots\n\n## Key takeaways\n\n* Orrin ships 1.3 million robots (2024)\n"
    headline, summary = document_claims_with_facts(parse_document(text, "markdown", "s", "s.md"), 1)
    assert (headline.section, summary.section) == ("headline", "summary")
    body = _claim("Orrin sold 400,000 industrial robots in 2024.", "b")
    for short in (headline, summary):
        verdicts = NumericMismatch({}).compare(short, body, PairContext(0.9))
        assert [v.relation for v in verdicts] == ["conflicts"], short.text
    # the same sentence in the body is a whole against its part
    _never_conflict([("Orrin sold 1.2 million robots in 2024.", "Orrin sold 400,000 industrial robots in 2024.")])


def test_a_holder_written_as_a_part_of_the_others_is_another_holder():
    _never_conflict([
        ("The plant will cost $3 billion.", "The plant's first phase will cost $1.2 billion."),
        ("The plant will cost $3 billion.", "The first phase of the plant will cost $1.2 billion."),
    ], 0.95)
    assert [v.relation for v in _numeric("The plant will cost $3 billion.", "The plant will cost $3.4 billion.", 0.95)] == [
        "conflicts"]


def test_a_running_total_and_one_periods_figure_are_two_times():
    _two_times([
        ("Orrin raised $40 million in 2023.", "Orrin has raised $65 million in total."),
        ("Orrin sold 500,000 units in 2024.", "Orrin has sold 2 million units to date."),
        ("Orrin sold 500,000 units in 2024.", "Orrin's cumulative sales reached 2 million units."),
    ], 0.95)
    # a total of one year ("in total in 2023") is that year's figure
    assert "time" in {slot for slot, *_ in _match("Orrin raised $65 million in total in 2023.", "Orrin raised $60 million in 2023.").same}


def test_a_figure_placed_on_one_side_only_may_be_a_part_of_the_other():
    _never_conflict([
        ("The company employs 12,000 people.", "The company employs 3,000 people in Germany."),
        ("The ministry said 12,000 people were evacuated.", "The ministry said 3,000 people were evacuated in Hokkaido."),
    ], 0.9)
    # one place on both sides, or "worldwide" (the whole), is one quantity
    _each_conflicts([
        ("The company employs 12,000 people in Germany.", "The company employs 3,000 people in Germany."),
        ("The company has 500 stores worldwide.", "The company has 120 stores."),
    ], 0.9)


def test_now_on_a_page_of_no_date_and_days_of_the_week_are_times():
    for a, b, said in [
        ("In 2020, Orrin had 300 stores.", "Orrin now has 500 stores.", "another time (2020 vs now)"),
        ("Orrin's shares rose 5% on Monday.", "Orrin's shares rose 3% on Tuesday.", "another time (Monday vs Tuesday)"),
    ]:
        verdicts = _numeric(a, b, 0.95)
        assert verdicts and not any(v.relation == "conflicts" for v in verdicts), (a, b)
        assert said in verdicts[0].reason
    # one day of the week, or "now" on both sides, is one time
    _each_conflicts([
        ("Orrin's shares rose 5% on Monday.", "Orrin's shares rose 3% on Monday."),
        ("Orrin now has 500 stores.", "Orrin currently has 520 stores."),
    ], 0.95)


def test_shares_of_two_wholes_neither_sentence_shares_never_conflict():
    _never_conflict([
        ("The survey found that 40% of adults use the app.", "The survey found that 62% of teenagers use the app."),
    ], 0.95)
    assert [v.relation for v in _numeric(
        "The survey found that 40% of adults use the app.", "The survey found that 62% of adults use the app.", 0.95)] == ["conflicts"]


def test_a_figure_counted_on_another_basis_is_not_one_quantity():
    for a, b, said in [
        ("The tower is 330 meters tall, including its antenna.", "The tower is 300 meters tall.",
         "another basis (including its antenna vs none said)"),
        ("Orrin's revenue was $5 billion, excluding one-off items.", "Orrin's revenue was $5.6 billion.",
         "another basis (excluding one-off items vs none said)"),
        ("Excluding one-off items, Orrin's revenue was $5 billion.", "Orrin's revenue was $5.6 billion.",
         "another basis (Excluding one-off items vs none said)"),
        ("Orrin has 1,200 employees, excluding contractors.", "Orrin has 1,500 employees.",
         "another basis (excluding contractors vs none said)"),
    ]:
        verdicts = _numeric(a, b, 0.95)
        assert verdicts and not any(v.relation == "conflicts" for v in verdicts), (a, b)
        assert said in verdicts[0].reason, verdicts[0].reason
    # "including" that lists a part or members of a count is no basis
    for a, b in [
        ("Orrin sold 5 million phones, including 2 million in China.", "Orrin sold 4 million phones."),
        ("Orrin has approved 150 models, including Baidu's ERNIE.", "Orrin has approved 123 models."),
    ]:
        assert "conflicts" in [v.relation for v in _numeric(a, b, 0.95)], (a, b)


def test_a_figure_summed_over_a_span_and_one_of_a_time_are_two_periods():
    for a, b, said in [
        ("Orrin will invest $2 billion over five years.", "Orrin will invest $500 million this year.",
         "another time (over five years vs this year)"),
        ("Orrin will invest $2 billion over five years.", "Orrin will invest $2.5 billion over three years.",
         "another time (over five years vs over three years)"),
    ]:
        verdicts = _numeric(a, b, 0.95)
        assert not any(v.relation == "conflicts" for v in verdicts), (a, b)
        assert any(said in v.reason for v in verdicts), (a, b)
    # one span, or a span against a figure of no time, may be one quantity
    for b in ("Orrin will invest $2.5 billion over five years.", "Orrin will invest $2.5 billion."):
        assert "conflicts" in [v.relation for v in _numeric("Orrin will invest $2 billion over five years.", b, 0.95)], b


def test_a_days_change_and_a_longer_periods_are_two_times():
    verdicts = _numeric("Orrin's stock rose 40% this year.", "Orrin's stock rose 5% on Tuesday.", 0.95)
    assert verdicts and not any(v.relation == "conflicts" for v in verdicts)
    assert "another time (this year vs Tuesday)" in verdicts[0].reason


def test_a_rate_and_one_periods_figure_never_conflict_on_wording_alone():
    _never_conflict([("The fund returned 8% last year.", "The fund has returned 12% a year since 2010.")], 0.95)
    # a group's part held is no capacity ("holds 31 of the top 100"): one quantity
    assert [v.relation for v in _numeric(
        "China now holds 31 of the world's top 100 technology clusters.",
        "China now accounts for 24 of the world's top 100 technology clusters.", 0.95)] == ["conflicts"]


def test_two_names_a_reference_was_read_as_set_alike_sentences_apart():
    def last(text: str, doc: str):
        return _claims(text, doc)[-1]

    rule = NumericMismatch({})
    for one, other in [
        ("Orrin reported results on Tuesday. The company's revenue rose 12% to $4.5 billion.",
         "Valdor reported results on Tuesday. The company's revenue rose 9% to $3.1 billion."),
        ("The Brisa Bridge opened in 1932. It is 1,200 meters long.", "The Tarn Bridge opened in 1961. It is 800 meters long."),
    ]:
        a, b = last(one, "a"), last(other, "b")
        assert not any(v.relation == "conflicts" for v in rule.compare(a, b, PairContext(0.95))), (one, other)
    # one name on both sides is one holder's figure
    a = last("Orrin reported results on Tuesday. The company's revenue rose 12% to $4.5 billion.", "a")
    b = last("Orrin reported results on Tuesday. The company's revenue rose 9% to $4.1 billion.", "b")
    assert "conflicts" in [v.relation for v in rule.compare(a, b, PairContext(0.95))]
    # a sentence that names the other's holder may be about it, however its reference was read
    b2 = last("Valdor reported results on Tuesday. The company's revenue, like Orrin's, rose 9% to $4.1 billion.", "c")
    assert "conflicts" in [v.relation for v in rule.compare(a, b2, PairContext(0.95))]


def test_two_pages_tables_of_two_subjects_never_conflict_cell_by_cell():
    def cell(company: str, revenue: str, doc: str):
        text = f"# {company} results\n\n| Metric | 2023 |\n| --- | --- |\n| Revenue | {revenue} |\n"
        (claim,) = [c for c in document_claims_with_facts(parse_document(text, "markdown", doc, f"{doc}.md"), 1) if c.quantities]
        return claim

    rule = NumericMismatch({})
    orrin, valdor = cell("Orrin", "$4.1 billion", "a"), cell("Valdor", "$2.1 billion", "b")
    assert orrin.text == "Revenue — 2023: $4.1 billion"
    assert not any(v.relation == "conflicts" for v in rule.compare(orrin, valdor, PairContext(0.95)))
    # one subject's two tables conflict
    again = cell("Orrin", "$3.9 billion", "c")
    assert "conflicts" in [v.relation for v in rule.compare(orrin, again, PairContext(0.95))]


def test_a_figure_counted_in_a_division_is_not_the_wholes():
    _never_conflict([
        ("The company cut 1,000 jobs in its retail division.", "The company cut 4,000 jobs."),
        ("Revenue at Orrin's cloud unit rose 20% to $4 billion.", "Orrin's revenue rose 8% to $12 billion."),
    ], 0.95)
    fm = _match("Orrin cut 1,000 jobs in its retail division.", "Orrin cut 4,000 jobs in 2024.")
    assert fm.difference() == "another division (retail division vs none said)"
    # one division on both sides is one quantity
    assert [v.relation for v in _numeric(
        "Orrin cut 1,000 jobs in its retail division.", "Orrin cut 1,500 jobs in its retail division.", 0.95)] == ["conflicts"]


def test_an_amount_of_change_in_a_by_phrase_measures_what_the_verb_changed():
    # "lowers the risk of stroke by 25%": the risk of stroke, which a risk of dementia is not
    _apart_on(("measure", "risk of stroke", "risk of dementia"), [
        ("Regular exercise lowers the risk of stroke by 25%.", "Regular exercise lowers the risk of dementia by 30%."),
        ("The treatment cut the likelihood of a relapse by 40%.", "The treatment cut the likelihood of a hospital stay by 15%."),
    ], [
        ("Regular exercise lowers the risk of stroke by 25%.", "Regular exercise lowers the risk of stroke by 35%."),
        ("Kestrel raised its fares by 6% in 2031.", "Kestrel raised its fares by 9% in 2031."),
    ])
    assert ("measure", "fares") in _match("Kestrel raised its fares by 6% in 2031.", "Kestrel raised its fares by 9% in 2031.").same


def test_an_object_to_people_of_a_kind_or_to_buyers_in_a_place_is_read():
    # "to first-time buyers" (words before a plural noun) and "to customers in Chile" (a place in the
    # object) say what was lent or sold to whom; never a verb of purpose ("to expand its plants")
    _apart_on("another object (to customers in Chile vs to customers in Peru)", [
        ("Kestrel shipped 40 turbines to customers in Chile in 2030.", "Kestrel shipped 65 turbines to customers in Peru in 2030."),
        ("The fund lent $2 billion to first-time buyers in 2031.", "The fund lent $5 billion to large corporations in 2031."),
    ], [
        ("The fund lent $2 billion to first-time buyers in 2031.", "The fund lent $3 billion to first-time buyers in 2031."),
        ("Kestrel shipped 40 turbines to customers in Chile in 2030.", "Kestrel shipped 55 turbines to customers in Chile in 2030."),
        ("Kestrel spent $3 million to upgrade its depots in 2030.", "Kestrel spent $5 million to upgrade its depots in 2030."),
    ])


def test_a_margin_over_two_named_things_and_two_passive_agents_are_apart():
    _never_conflict([
        ("The budget cleared the Assembly by 61 votes to 19.", "The budget cleared the Senate by 28 votes to 11."),
        ("Senator Ruiz won Nevada by 4 points.", "Senator Ruiz won Arizona by 9 points."),
        ("The vaccine has been approved by 40 countries.", "The vaccine has been adopted by 25 countries."),
    ], 0.95)
    fm = _match("Senator Ruiz won Nevada by 4 points.", "Senator Ruiz won Arizona by 9 points.")
    assert ("object", "Nevada", "Arizona") in fm.differ
    fm = _match("The vaccine has been approved by 40 countries.", "The vaccine has been adopted by 25 countries.")
    assert ("measure", "approved by", "adopted by") in fm.differ
    _each_conflicts([
        ("Senator Ruiz won Nevada by 4 points.", "Senator Ruiz won Nevada by 7 points."),
        ("The vaccine has been approved by 40 countries.", "The vaccine has been approved by 25 countries."),
    ], 0.95)
    # the tally's second figure is of the same margin: 61 agrees, 19 and 23 conflict
    assert sorted(v.relation for v in _numeric(
        "The budget cleared the Assembly by 61 votes to 19.", "The budget cleared the Assembly by 61 votes to 23.", 0.95
    )) == ["conflicts", "supports"]


def test_a_tally_right_after_a_named_chamber_is_that_chambers():
    # "passed the Senate 52-48": no "by", the same margin over a named thing
    _never_conflict([("The levy cleared the Assembly 58-21.", "The levy cleared the Senate 30-9.")], 0.95)
    assert ("object", "Assembly", "Senate") in _match("The levy cleared the Assembly 58-21.", "The levy cleared the Senate 30-9.").differ
    assert "conflicts" in [v.relation for v in _numeric("The levy cleared the Assembly 58-21.",
                                                         "The levy cleared the Assembly 58-24.", 0.95)]


def test_findings_of_two_samples_are_two_polls():
    _never_conflict([
        ("A survey of 800 nurses found that 61% planned to leave the profession.",
         "A study of 3,000 nurses found that 44% planned to leave the profession."),
        ("Pollsters questioned 1,200 residents: 58% opposed the tower.", "Pollsters questioned 600 residents: 35% opposed the tower."),
    ], 0.95)
    fm = _match("A survey of 800 nurses found that 61% planned to leave the profession.",
                "A study of 3,000 nurses found that 44% planned to leave the profession.")
    assert ("source", "survey of 800", "study of 3,000") in fm.differ
    # one sample on both sides: one poll, whose findings conflict
    assert sorted(v.relation for v in _numeric(
        "A survey of 800 nurses found that 61% planned to leave the profession.",
        "A survey of 800 nurses found that 52% planned to leave the profession.", 0.95)) == ["conflicts", "supports"]
    # two sizes of sample are two polls' sizes, no conflict
    assert not any(v.relation == "conflicts" for v in _numeric(
        "A survey of 800 nurses found that 61% planned to leave.", "A survey of 900 nurses found that 61% planned to leave.", 0.95))


def test_a_first_periods_figure_is_not_the_total():
    _two_times([
        ("The game sold 2 million copies in its first week.", "The game has sold 9 million copies in total."),
        ("The game sold 2 million copies in its first week.", "The game sold 9 million copies."),
        ("The musical took $4 million in its opening month.", "The musical took $1 million on its opening night."),
    ], 0.95)
    _each_conflicts([
        ("The game sold 2 million copies in its first week.", "The game sold 3 million copies in its first week."),
    ], 0.95)


def test_a_figure_in_constant_currency_or_after_fees_is_on_another_basis():
    # (one basis, however worded, is one quantity)
    _apart_on(("basis", "after fees in 2031", "before fees in 2031"), [
        ("The pension scheme returned 6% after fees in 2031.", "The pension scheme returned 7.5% before fees in 2031."),
        ("Kestrel's sales grew 14% in constant currency in 2031.", "Kestrel's sales grew 6% in 2031."),
        ("Wages rose 2% in real terms last year.", "Wages rose 5% last year."),
    ], [
        ("Kestrel's sales grew 14% in constant currency in 2031.", "Kestrel's sales grew 11% at constant exchange rates in 2031."),
        ("The pension scheme returned 6% after fees in 2031.", "The pension scheme returned 4% after fees in 2031."),
    ])


def test_two_unnamed_owners_written_as_possessives_are_two_holders():
    # (one owner on both sides, and the names a page calls its subject by, are one holder's figure)
    _apart_on("another owner (the town vs the county)", [
        ("The town's population reached 84,000 in 2030.", "The county's population reached 310,000 in 2030."),
        ("The state's economy grew 2.2% in 2031.", "The province's economy grew 3.9% in 2031."),
    ], [
        ("The town's population reached 84,000 in 2030.", "The town's population reached 91,000 in 2030."),
        ("The firm's revenue rose 12% in 2031.", "The company's revenue rose 9% in 2031."),
    ])


def test_one_dimension_however_worded_is_one_measure():
    fm = _match("The Brisa bridge is 1,149 metres long.", "The Brisa bridge has a total length of 1,194 metres.")
    assert ("measure", "m") in fm.same and not fm.differ
    _each_conflicts([("The Brisa bridge is 1,149 metres long.", "The Brisa bridge has a total length of 1,194 metres.")], 0.95)
    _never_conflict([("The Brisa bridge is 1,149 metres long.", "The Brisa bridge is 27 metres wide.")], 0.95)


def test_a_workforce_and_the_people_employed_are_one_count():
    fm = _match("Kestrel's workforce totals 8,300.", "Kestrel employs about 8,300 people.")
    assert fm.aligned and {"holder", "measure"} <= fm.slots
    assert [v.relation for v in _numeric("Kestrel's workforce totals 8,300.", "Kestrel employs about 8,300 people.", 0.9)] == ["supports"]
    _each_conflicts([("Kestrel's headcount rose to 8,300 in 2031.", "Kestrel had 9,100 employees in 2031.")], 0.9)


def test_an_amount_of_money_of_two_things_is_two_amounts():
    _apart_on(("object", "of copper", "of timber"), [
        ("The port shipped $3.2 billion of copper in 2031.", "The port shipped $1.1 billion of timber in 2031."),
        ("The central bank bought $40 billion of bonds in May.", "The central bank bought $25 billion of mortgage securities in May."),
    ], [
        ("The port shipped $3.2 billion of copper in 2031.", "The port shipped $2.9 billion of copper in 2031."),
        ("Kestrel repaid $2 billion of its debt in 2031.", "Kestrel repaid $3 billion of its debt in 2031."),
    ])
    # a count's "of" is no object ("12 of the 20 members", "3 million tonnes of wheat" is the unit's)
    assert not any(slot == "object" for slot, *_ in _match(
        "Kestrel mined 3 million tonnes of copper in 2031.", "Kestrel mined 1 million tonnes of zinc in 2031.").differ)


def test_a_measure_narrowed_by_from_or_for_is_a_part():
    # "sales from its pharmacy arm", "the price for a season ticket": the measure of a part
    # (the same part however worded, and a time's "for", are one measure)
    _apart_on(("measure", "sales from online orders", "sales"), [
        ("Kestrel's sales from online orders rose 40% in 2031.", "Kestrel's sales rose 9% in 2031."),
        ("The price for a season ticket is $640.", "The price is $45."),
        ("Kestrel's sales from online orders rose 40% in 2031.", "Kestrel's sales from store visits rose 2% in 2031."),
    ], [
        ("Kestrel's sales from online orders rose 40% in 2031.", "Kestrel's online order sales rose 30% in 2031."),
        ("Demand for heating oil fell 6% in 2031.", "Heating oil demand fell 2% in 2031."),
        ("Kestrel's revenue for the quarter was $3.1 billion.", "Kestrel's revenue was $3.4 billion."),
    ])


def test_a_figure_a_year_earlier_is_of_another_period_than_one_of_the_sentence_itself():
    _two_times([
        ("Kestrel delivered 310 trains in the half, against 260 a year earlier.",
         "Kestrel delivered 260 trains in the same half a year before."),
        ("Kestrel's backlog reached $9 billion, compared with $7 billion in the previous quarter.",
         "Kestrel's backlog was $7 billion in the previous quarter."),
    ], 0.95)
    # two figures of the earlier period, and two of no shift, are compared
    _each_conflicts([
        ("Kestrel delivered 260 trains in the same half a year before.", "Kestrel delivered 240 trains in the same half a year before."),
        ("Kestrel delivered 310 trains in the half.", "Kestrel delivered 330 trains in the half."),
    ], 0.95)


def test_a_population_and_the_residents_counted_are_one_count():
    assert [v.relation for v in _numeric(
        "The population of Brisa reached 412,000 in 2030.", "In 2030 Brisa had 412,000 inhabitants.", 0.9)] == ["supports"]
    _each_conflicts([("The population of Brisa reached 412,000 in 2030.", "In 2030 Brisa had 398,000 residents.")], 0.9)
    # another place's residents are another population
    _never_conflict([("The population of Brisa reached 412,000 in 2030.", "In 2030 Tamsin had 398,000 residents.")], 0.9)


def test_a_figure_far_past_an_open_bound_is_no_support():
    # within the bound, but no writer rounds 200,000 to "at least 40"
    for a, b in [("The flood killed at least 30 people in 2031.", "The flood left 90,000 people homeless in 2031."),
                 ("Kestrel's new depot can hold up to 900 buses.", "Kestrel's new depot can hold 12 buses.")]:
        assert not any(v.relation == "supports" for v in _numeric(a, b, 0.95)), (a, b)
    # a figure near the bound is the bound's figure
    assert [v.relation for v in _numeric(
        "The flood killed at least 30 people in 2031.", "The flood killed 34 people in 2031.", 0.95)] == ["supports"]


def test_the_median_and_the_average_are_two_statistics_of_one_measure():
    _apart_on(("statistic", "median", "average"), [
        ("The median rent in Brisa was $1,450 a month in 2031.", "The average rent in Brisa was $1,720 a month in 2031."),
        ("The median salary of a nurse in Brisa was $61,000 in 2031.", "Nurses in Brisa earned $68,000 on average in 2031."),
    ], [
        # one statistic, however written, is compared
        ("The average rent in Brisa was $1,450 a month in 2031.", "The mean rent in Brisa was $1,720 a month in 2031."),
    ])
    # a synonym folded at the measure's end keeps the words that narrow it
    fm = _match("The median ticket price at the Brisa Opera was $85 in 2031.",
                "The average ticket price at the Brisa Opera was $112 in 2031.")
    assert not fm.aligned and any(slot in ("measure", "statistic") for slot, *_ in fm.differ), fm


def test_two_sides_of_a_flow_are_never_one_quantity():
    for a, b in [
        ("Exports to Peru rose 11% in 2031.", "Imports from Peru rose 4% in 2031."),
        ("Brisa registered 18,400 births in 2031.", "Brisa registered 21,900 deaths in 2031."),
        ("Tamsin Bank's assets reached $84 billion in 2031.", "Tamsin Bank's liabilities reached $79 billion in 2031."),
    ]:
        assert _match(a, b).apart, (a, b)
        _never_conflict([(a, b)], 0.97)
    # one side is compared with itself
    _each_conflicts([("Exports to Peru rose 11% in 2031.", "Exports to Peru rose 4% in 2031.")], 0.95)


def test_a_groups_figure_is_not_the_wholes_nor_another_groups():
    _apart_on(("group", "among young adults", "none said"), [
        ("Unemployment among young adults reached 17% in May 2031.", "Unemployment reached 6% in May 2031."),
        ("Support for the plan among nurses fell to 41% in 2031.", "Support for the plan among doctors fell to 55% in 2031."),
    ], [
        ("Support for the plan among nurses fell to 41% in 2031.", "Support for the plan among nurses fell to 55% in 2031."),
    ])
    # equal shares of two groups or two wholes back nothing
    for a, b in [("Support for the plan among nurses fell to 41% in 2031.", "Support for the plan among doctors fell to 41% in 2031."),
                 ("About 35% of pensioners in Brisa own a car.", "About 35% of students in Brisa own a car.")]:
        assert not any(v.relation == "supports" for v in _numeric(a, b, 0.97)), (a, b)


def test_an_office_holders_figure_is_neither_the_organisations_nor_another_offices():
    _never_conflict([
        ("Valdor's chief executive received $14 million in 2031.", "Valdor's chief financial officer received $6 million in 2031."),
        ("Valdor's largest shareholder holds 21% of the company.", "Valdor's founder holds 8% of the company."),
    ], 0.97)
    for a, b in [("The chief executive of Valdor received $14 million in 2031.", "Valdor received $14 million in 2031."),
                 ("Valdor's chief executive received $14 million in 2031.", "Valdor's chief operating officer received $14 million in 2031.")]:
        assert not any(v.relation == "supports" for v in _numeric(a, b, 0.97)), (a, b)
    # one office, however written, is compared
    _each_conflicts([("Valdor's chief executive received $14 million in 2031.", "Valdor's CEO received $11 million in 2031.")], 0.95)


def test_one_thing_described_two_ways_with_no_name_is_two_holders():
    _never_conflict([
        ("The upper reservoir holds 40 million cubic metres of water.", "The lower reservoir holds 25 million cubic metres of water."),
        ("The north tower rises 320 metres above the river.", "The south tower rises 290 metres above the river."),
    ], 0.97)
    _each_conflicts([
        # one description, one with a word that narrows nothing ("new"), or two nouns (which may be
        # one thing written two ways) are compared
        ("The upper reservoir holds 40 million cubic metres of water.", "The upper reservoir holds 25 million cubic metres of water."),
        ("The tunnel cost $3.2 billion to dig.", "The new tunnel cost $4.1 billion to dig."),
        ("The film holds an approval rating of 42% on the site.", "The movie holds an approval rating of 48% on the site."),
    ], 0.95)


def test_a_quarter_of_no_year_is_not_the_whole_year():
    _two_times([
        ("Valdor's bookings grew 14% in the third quarter.", "Valdor's bookings grew 6% in 2031."),
        ("Valdor's bookings grew 14% in the second half and 6% for the full year.", "Valdor's bookings grew 9% in 2031."),
        ("Valdor's annual bookings grew 6%.", "Valdor's bookings grew 14% in the first half."),
    ], 0.95)
    # two figures of one quarter are compared
    _each_conflicts([("Valdor's bookings grew 14% in the third quarter.", "Valdor's bookings grew 11% in the third quarter.")], 0.95)


def test_a_figure_before_or_after_tax_is_counted_on_a_basis():
    _never_conflict([
        ("Valdor's profit before tax was $640 million in 2031.", "Valdor's profit after tax was $510 million in 2031."),
        ("Valdor's pre-tax profit was $640 million in 2031.", "Valdor's profit was $510 million in 2031."),
    ], 0.97)
    _each_conflicts([("Valdor's pre-tax profit was $640 million in 2031.", "Valdor's pre-tax profit was $700 million in 2031.")], 0.95)


def test_sales_of_a_kind_of_thing_are_that_things_sales():
    _never_conflict([
        ("Sales of electric bikes rose 30% to 410,000 in 2031.", "Sales of bikes rose 2% to 3.9 million in 2031."),
        ("Valdor's sales of tablets rose 5% to $2 billion in 2031.", "Valdor's sales of phones rose 5% to $7 billion in 2031."),
    ], 0.97)
    # "sales of electric bikes" and "electric bike sales" are one measure: the change agrees, the level not
    assert [v.relation for v in _numeric("Sales of electric bikes rose 30% to 410,000 in 2031.",
                                         "Electric bike sales rose 30% to 450,000 in 2031.", 0.95)] == ["supports", "conflicts"]


def test_a_rate_per_person_written_before_the_figure_is_no_total():
    _never_conflict([("Income per capita in Brisa was $31,000 in 2031.", "Income in Brisa was $19 billion in 2031.")], 0.97)
    # per capita, per head, per person: one rate
    _each_conflicts([("Income per capita in Brisa was $31,000 in 2031.", "Brisa's income per head was $34,000 in 2031.")], 0.95)


def test_a_change_over_twelve_months_is_not_a_months_change():
    _two_times([
        ("Rents in Brisa rose 6.1% in the year to April.", "Rents in Brisa rose 0.7% in April."),
        ("Rents in Brisa rose 0.7% month on month in April.", "Rents in Brisa rose 6.1% year on year in April."),
    ], 0.95)
    _each_conflicts([("Rents in Brisa rose 6.1% in the year to April.", "Rents in Brisa rose 5.2% in the year to April.")], 0.95)


def test_one_holders_measure_placed_on_one_side_only_is_no_conflict():
    for a, b in [("Valdor's market share in Asia was 23% in 2031.", "Valdor's market share was 14% in 2031."),
                 ("Valdor employs 4,100 people in Chile.", "Valdor employs 15,000 people.")]:
        verdicts = _numeric(a, b, 0.97)
        assert not any(v.relation == "conflicts" for v in verdicts), (a, b, verdicts)
        assert any("only one is placed" in v.reason for v in verdicts), verdicts
    _each_conflicts([("Valdor's market share in Asia was 23% in 2031.", "Valdor's market share in Asia was 19% in 2031.")], 0.95)


def test_an_equal_figure_of_another_measure_the_sentence_states_elsewhere_is_no_support():
    a = "Valdor's net profit fell 9% to $410 million, while revenue rose 3% to $5.5 billion."
    assert not any(v.relation == "supports" for v in _numeric(a, "Valdor's revenue fell 9% to $5.1 billion.", 0.95))


def test_one_holders_equal_figure_at_another_time_is_no_support():
    # the 2032 figure does not back the other page's 2031 one, which conflicts with the 2031 figure
    a = "Valdor's bookings were $2.3 billion in 2031 and $2.8 billion in 2032."
    assert [v.relation for v in _numeric(a, "Valdor's bookings were $2.8 billion in 2031.", 0.95)] == ["conflicts"]
    # an equal figure of the period before is no support, and, where the other's period is not dated,
    # may be that period's figure: no conflict with the sentence's own figure either
    verdicts = _numeric("In the third quarter, Valdor's bookings were $640 million, up from $510 million a year earlier.",
                        "Valdor's bookings were $510 million in the third quarter.", 0.95)
    assert not any(v.relation in ("supports", "conflicts") for v in verdicts), verdicts


def test_counts_of_people_to_whom_two_things_happened_are_two_counts():
    for a, b in [("The fever has infected 2,100 people and killed 90.", "The fever has killed 2,100 people."),
                 ("The landslide injured 75 people.", "The landslide killed 75 people.")]:
        assert not any(v.relation in ("supports", "conflicts") for v in _numeric(a, b, 0.95)), (a, b)
    # one thing that befell them, however the verb is inflected, is one count
    _each_conflicts([("The landslide killed 75 people.", "The landslide has killed 82 people."),
                     ("Brisa Mills employs 2,400 people.", "Brisa Mills employed 2,900 people.")], 0.95)


def test_counts_of_things_to_which_two_things_happened_are_two_counts():
    for a, b in [("The flood left 41,000 homes without water.", "The flood damaged 6,500 homes."),
                 ("The flood damaged 6,500 homes.", "The flood destroyed 6,500 homes."),
                 ("The carrier cancelled 900 flights on Friday.", "The carrier diverted 900 flights on Friday."),
                 ("Valdor recalled 30,000 vans in 2031.", "Valdor sold 30,000 vans in 2031.")]:
        assert not any(v.relation in ("supports", "conflicts") for v in _numeric(a, b, 0.95)), (a, b)
    # one thing that befell them, however written, is one count
    _each_conflicts([("The flood damaged 6,500 homes.", "The flood damaged 7,100 homes."),
                     ("The carrier cancelled 900 flights on Friday.", "The carrier canceled 1,100 flights on Friday.")], 0.95)
    assert [v.relation for v in _numeric("The flood damaged 6,500 homes.", "About 6,500 homes were damaged by the flood.", 0.95)] == ["supports"]


def test_another_party_named_by_what_it_is_to_the_owner_is_another_holder():
    _never_conflict([("Valdor's main rival shipped 4 million tablets in 2031.", "Valdor shipped 7 million tablets in 2031.")], 0.97)
    _each_conflicts([("Valdor's main rival shipped 4 million tablets in 2031.", "Valdor's main rival shipped 5 million tablets in 2031.")], 0.95)


def test_a_thing_its_owner_has_is_not_its_owner():
    _never_conflict([
        ("The Harlow Stadium's east stand cost $48 million in 2031.", "The Harlow Stadium cost $310 million in 2031."),
        ("The canal's lower section is 14 km long.", "The canal is 61 km long."),
        ("Valdor's Bergen plant employs 1,400 people.", "Valdor employs 9,800 people."),
    ], 0.97)
    # the one thing is compared with itself
    _each_conflicts([("The Harlow Stadium's east stand cost $48 million in 2031.",
                      "The Harlow Stadium's east stand cost $61 million in 2031.")], 0.95)


def test_a_price_or_rate_for_a_group_is_not_the_price_for_all():
    _apart_on(("group", "for pensioners", "none said"), [
        ("Tarnia set the bus fare at $1.10 for pensioners in 2031.", "Tarnia set the bus fare at $2.40 in 2031."),
        ("The minimum wage rose to $11 an hour for apprentices in 2031.", "The minimum wage rose to $13 an hour for adults in 2031."),
    ], [
        ("Tarnia set the bus fare at $1.10 for pensioners in 2031.", "Tarnia set the bus fare at $1.40 for pensioners in 2031."),
    ])
    # a measure for a group, after the figure or before the verb ("life expectancy for men is ...")
    _never_conflict([("In Tarnia life expectancy is 83 years for women and 78 for men.", "In Tarnia life expectancy for men is 80 years."),
                     ("In Tarnia life expectancy for women is 83 years.", "In Tarnia life expectancy is 81 years.")], 0.97)
    _each_conflicts([("In Tarnia life expectancy for women is 83 years.", "In Tarnia life expectancy for women is 85 years.")], 0.95)
    # a span of time after "for" is no group
    assert not any(slot == "group" for slot, *_ in _match(
        "Tarnia set aside $3 billion for two years in 2031.", "Tarnia set aside $4 billion in 2031.").differ)


def test_a_figure_under_another_stated_condition_is_another_figure():
    _apart_on(("condition", "after two doses", "after one dose"), [
        ("The Corvax vaccine was 88% effective after two doses in 2031.", "The Corvax vaccine was 52% effective after one dose in 2031."),
        ("The Corvax vaccine was 88% effective after two doses in 2031.", "The Corvax vaccine was 52% effective in 2031."),
        ("The solver reached 900 iterations a second with 8 cores.", "The solver reached 1,500 iterations a second with 16 cores."),
    ], [])
    # one condition, however written, is compared (and the doses back each other)
    relations = [v.relation for v in _numeric("The Corvax vaccine was 88% effective after two doses in 2031.",
                                              "The Corvax vaccine was 79% effective after 2 doses in 2031.", 0.95)]
    assert sorted(relations) == ["conflicts", "supports"], relations
    # two conditions, each of its own figure, are no two values of one
    _never_conflict([("The solver reached 900 iterations a second with 8 cores.",
                      "The solver reached 1,500 iterations a second with 16 cores.")], 0.97)
    # equal figures under two conditions back nothing
    assert not any(v.relation == "supports" for v in _numeric(
        "The Corvax vaccine was 88% effective after two doses in 2031.",
        "The Corvax vaccine was 88% effective after one dose in 2031.", 0.97))
    # a span of time is the figure's period, no condition; a price is a figure of its own
    for a, b in [("Patients lost 6% of their weight over 12 weeks in 2031.", "Patients lost 9% of their weight over 30 weeks in 2031."),
                 ("Valdor sold 2 million shares at $41 in 2031.", "Valdor sold 2 million shares at $44 in 2031.")]:
        assert not any(slot == "condition" for slot, *_ in _match(a, b).differ), (a, b)


def test_the_base_of_a_change_is_compared_with_the_figure_of_its_own_time():
    a = "The port handled 9.2 million containers in 2032, up from 8.1 million in 2031."
    for b, relation in [("The port handled 8.6 million containers in 2031.", "conflicts"),
                        ("The port handled 8.1 million containers in 2031.", "supports")]:
        for x, y in [(a, b), (b, a)]:
            verdicts = _numeric(x, y, 0.95)
            assert [v.relation for v in verdicts] == [relation], (x, y, verdicts)
            assert "same period 2031" in verdicts[0].reason, verdicts[0].reason
    # the 2032 figure against another 2032 figure, as before
    assert [v.relation for v in _numeric(a, "The port handled 9.9 million containers in 2032.", 0.95)] == ["conflicts"]


def test_figures_of_two_places_are_two_facts_with_no_holder_named():
    # "the company" names no one, so no holder joins the figures; their places still set them apart
    _never_conflict([
        ("The company has 4,300 employees worldwide.", "The company has 1,100 employees in Germany."),
        ("The chain runs 800 stores worldwide.", "The chain runs 150 stores in Canada."),
        ("The museum sold 90,000 tickets in Lisbon in 2031.", "The museum sold 40,000 tickets in Porto in 2031."),
    ])
    # one place on both sides still conflicts
    _each_conflicts([
        ("The company has 4,300 employees worldwide.", "The company has 6,000 employees worldwide."),
        ("The chain runs 150 stores in Canada.", "The chain runs 190 stores in Canada."),
    ])


def test_a_rate_written_as_an_adverb_is_the_same_rate_as_a_year_or_a_month():
    _each_conflicts([
        ("The plant will make 250,000 batteries a year at full capacity.", "At full capacity, the plant will make 400,000 batteries annually."),
        ("The mine ships 30,000 tonnes a month.", "The mine ships 45,000 tonnes monthly."),
    ])
    # a yearly rate and a monthly one are two rates
    _never_conflict([("The mine ships 30,000 tonnes a month.", "The mine ships 300,000 tonnes yearly.")])


def test_a_change_restated_after_or_is_that_change_in_other_terms():
    # "by 10%, or about 1,200 jobs": 1,200 jobs cut, which another count of jobs cut contradicts
    _each_conflicts([
        ("Tessaro said it would cut its workforce by 10%, or about 1,200 jobs, by 2032.", "Tessaro plans to cut 1,500 jobs by 2032."),
        ("Brisa cut 900 jobs, or nearly 6% of its staff, in 2031.", "Brisa cut 1,400 jobs in 2031."),
    ])
    # the restatement agrees with the same count
    assert [v.relation for v in _numeric(
        "Tessaro said it would cut its workforce by 10%, or about 1,200 jobs, by 2032.",
        "Tessaro plans to cut 1,200 jobs by 2032.", 0.9)] == ["supports"]


def test_a_numbered_kind_of_a_measure_is_another_measure():
    # "two-bedroom" / "one-bedroom" flats: rents of two kinds of flat; "2-bedroom" is "two-bedroom"
    _never_conflict([
        ("Average rent for a two-bedroom flat in Leeds rose to GBP 1,150 a month in 2031.",
         "Average rent for a one-bedroom flat in Leeds was GBP 850 a month in 2031."),
        # the yield of another term, the rate of another mortgage: neither figure conflicts
        ("The 10-year Tarnian bond yield rose to 4.5% in May.", "The 2-year Tarnian bond yield rose to 4.9% in May."),
        ("The 30-year mortgage rate averaged 6.8% in 2031.", "The 15-year mortgage rate averaged 6.1% in 2031."),
    ])
    _each_conflicts([
        ("Average rent for a two-bedroom flat in Leeds rose to GBP 1,150 a month in 2031.",
         "Average rent for a 2-bedroom flat in Leeds was GBP 1,290 a month in 2031."),
        # the number is the figure itself: "a 12-hour battery life" is a battery life
        ("The Brisa K2 drone has an 8-hour battery life.", "The Brisa K2 drone has a 12-hour battery life."),
    ])
    # one deal whose worth agrees: its length conflicts
    relations = [v.relation for v in _numeric("Ortiz signed a three-year contract with Porto FC worth EUR 12 million.",
                                              "Ortiz joined Porto FC on a four-year deal worth EUR 12 million.", 0.9)]
    assert sorted(relations) == ["conflicts", "supports"], relations
    # one term's yield: the 10-year agrees, the yields conflict
    relations = [v.relation for v in _numeric(
        "The 10-year Tarnian bond yield rose to 4.5% in May.", "The 10-year Tarnian bond yield rose to 4.7% in May.", 0.9)]
    assert sorted(relations) == ["conflicts", "supports"], relations


def test_a_model_and_its_variant_are_two_holders():
    _never_conflict([
        ("The Kestrel X1 costs $799.", "The Kestrel X1 Pro costs $1,099."),
        ("The Vexa A7 costs $649.", "The Vexa A7 Ultra costs $949."),
    ])
    _each_conflicts([
        ("The Kestrel X1 costs $799.", "The Kestrel X1 costs $849."),
        # a company's suffix names the company still
        ("Orrin Group employs 4,000 people.", "Orrin employs 5,200 people."),
    ])


def test_those_who_did_two_things_are_two_counts_whatever_the_voice():
    # "signed by 45 countries" / "12 countries have ratified": the signatories and the parties
    _never_conflict([
        ("The Tarnia accord was signed by 45 countries.", "Only 12 countries have ratified the Tarnia accord."),
        ("40 firms joined the Tarnia pledge in 2031.", "Only 9 firms completed the Tarnia pledge in 2031."),
    ])
    # one verb, active or passive, is one count
    _each_conflicts([("The Tarnia accord was signed by 45 countries.", "52 countries have signed the Tarnia accord.")])


def test_a_countrys_economy_grows_as_its_gdp_does():
    _each_conflicts([
        ("Tarnia's GDP grew 2.1% in 2031.", "Tarnia's economy expanded 2.6% in 2031."),
        ("Tarnia's gross domestic product shrank 0.8% in 2031.", "Tarnia's economy contracted 1.5% in 2031."),
    ])
    assert [v.relation for v in _numeric("Tarnia's GDP grew 2.1% in 2031.", "Tarnia's economy expanded 2.1% in 2031.", 0.9)] == ["supports"]
    # a measure of the economy per person is another measure
    _never_conflict([("Tarnia's GDP grew 2.1% in 2031.", "Tarnia's GDP per capita grew 1.4% in 2031.")])


def test_amounts_received_by_two_recipients_are_two_amounts():
    a = "Parks get $180 million, up from $150 million in 2030."
    b = "Public safety gets $1.3 billion, about 31% of the budget, and parks get $210 million."
    conflicts = {(v.fields["a"], v.fields["b"]) for v in _numeric(a, b, 0.6) if v.relation == "conflicts"}
    # the parks' amounts conflict (their base too, here, where neither page is dated), never the
    # public safety's
    assert ("$180 million", "$210 million") in conflicts and not any("$1.3 billion" in pair for pair in conflicts), conflicts
    _never_conflict([("Parks get $180 million in 2031.", "Libraries get $95 million in 2031.")], 0.6)


def test_a_headline_dated_by_its_page_sums_up_the_body_of_its_page():
    text = (
        "---\ndate: 2032-02-22\n---\n# Valdor grows revenue to EUR 8.4 billion\n\n"
        "Valdor lifted revenue by 6% to EUR 8.4 billion last year.\n"
    )
    head, body = document_claims_with_facts(parse_document(text, "markdown", "d1", "d1.md"), 1)
    assert head.section == "headline" and body.section == "body"
    fm = match(head, quantity_fact(head, 0), head.quantities[0], body, quantity_fact(body, 1), body.quantities[1])
    assert not fm.differ and fm.aligned, fm
    # another page's figure of last year stays another time than a page's date
    other = document_claims_with_facts(parse_document(
        "---\ndate: 2032-02-22\n---\nValdor lifted revenue by 6% to EUR 8.4 billion last year.\n", "markdown", "d2", "d2.md"), 1)[0]
    fm = match(head, quantity_fact(head, 0), head.quantities[0], other, quantity_fact(other, 1), other.quantities[1])
    assert [slot for slot, *_ in fm.differ] == ["time"], fm


def test_the_day_something_was_said_on_is_no_figures_day():
    a = "Valdor said on Thursday that revenue rose 6% to EUR 8.4 billion in 2031."
    b = "Valdor's revenue rose 6% to EUR 8.4 billion in 2031."
    assert "time" not in {slot for slot, *_ in _match(a, b).differ}
    assert _match("Valdor's shares rose 6% on Thursday.", "Valdor's shares rose 4% on Friday.").differ


def test_one_death_against_two_conflicts():
    _each_conflicts([("One child has died in the Tarnia outbreak.", "Two children have died in the Tarnia outbreak.")])


def test_among_them_counts_a_part_of_the_figure_before_it_and_names_no_group():
    # "among them 2,400 pilots" is a part of the 9,000, as "including" writes it: no group of its own
    for a, b in [
        ("Pellam Air employs 9,000 people, among them 2,400 pilots.", "Pellam Air employs 9,000 people, including 2,600 pilots."),
        ("The survey reached 3,000 farms, among those 450 dairy farms.", "The survey reached 3,000 farms, including 520 dairy farms."),
    ]:
        assert sorted(v.relation for v in _numeric(a, b, 0.9)) == ["conflicts", "supports"], (a, b)  # the parts; the wholes agree
    fm = _match("Unemployment among young people rose to 14%.", "Unemployment rose to 4%.")
    assert ("group", "among young people", "none said") in fm.differ  # a group named is still one


def test_a_change_after_a_count_is_of_what_the_count_counts():
    # ", up 9% from 2029" after "carried 41 million passengers" is the passengers' change; riders
    # and passengers are one measure, a system's ridership
    _each_conflicts([
        (
            "The Tarn Valley Railway carried 41 million passengers in 2030, up 6% from 2029.",
            "In 2030, ridership on the Tarn Valley Railway rose 8%.",
        ),
        ("Pellam Air carried 38 million passengers in 2030, up 7% from 2029.", "In 2030 Pellam Air's ridership grew 5%."),
    ])


def test_a_count_or_span_written_before_a_noun_meets_the_same_count_written_after_a_verb():
    _each_conflicts([
        (
            "Kelso Royal Infirmary said the 640-bed infirmary would add a cancer unit.",
            "Kelso Royal Infirmary has 610 beds.",
        ),
        ("Dock workers at Kelso staged a 38-day lockout in 2030.", "The lockout at Kelso in 2030 lasted 41 days."),
    ])


def test_a_kind_a_hyphened_number_names_holds_the_sentences_other_figures():
    # "a 300-bed hospital" and "a 500-bed hospital" are two kinds of hospital, each with its cost;
    # one kind stated twice with two costs conflicts
    _never_conflict([
        ("A 300-bed hospital costs about $400 million to build.", "A 500-bed hospital costs about $650 million to build."),
        ("10-year bonds yield 4.5%.", "2-year bonds yield 4.9%."),
    ])
    a, b = "A 300-bed hospital costs about $400 million to build.", "A 300-bed hospital costs about $650 million to build."
    assert sorted(v.relation for v in _numeric(a, b, 0.9)) == ["conflicts", "supports"]  # the costs; the beds agree


def test_facts_aligned_is_the_full_match_s_aligned_holders_asked_first():
    """``aligned`` (the rules' question) answers as :func:`match` does, holders first: two holders,
    one holder at two times, one fact, a holder taken from the sentence before."""
    from checker.judge.factmatch import aligned, same_holder

    pairs = [
        ("Orrin sold 300 drones in 2024.", "Valdor sold 300 drones in 2024."),
        ("Orrin sold 300 drones in 2024.", "Orrin sold 320 drones in 2025."),
        ("Orrin sold 300 drones in 2024.", "In 2024 Orrin sold 320 drones."),
        ("Orrin opened a plant in Texas. It employs 900 people.", "The Orrin plant in Texas employs 950 people."),
        ("Kessler's second mill produced 40,000 tonnes.", "Kessler's first mill produced 40,000 tonnes."),
    ]
    seen = set()
    for text_a, text_b in pairs:
        a = document_claims_with_facts(parse_document(text_a, "text", "a", "a.txt"), 1)[-1]
        b = document_claims_with_facts(parse_document(text_b, "text", "b", "b.txt"), 1)[-1]
        fa, fb = quantity_fact(a, 0), quantity_fact(b, 0)
        full = match(a, fa, a.quantities[0], b, fb, b.quantities[0])
        assert aligned(a, fa, a.quantities[0], b, fb, b.quantities[0]) == full.aligned
        assert same_holder(a, fa, b, fb) == ("holder" in full.slots)
        seen.add((same_holder(a, fa, b, fb), full.aligned))
    assert seen == {(False, False), (True, False), (True, True)}


def test_a_price_named_as_a_fee_of_an_amount_is_the_amount_the_deal_cost():
    """"for a fee of EUR 38 million" / "for EUR 36 million", "at a price of $900 million" / "for
    $950 million": one deal's price, however written; two deals' prices stay apart."""
    _each_conflicts([
        ("Ostrava Nova FC signed Kress from Brno for a club-record fee of EUR 38 million in 2028.",
         "Ostrava Nova FC signed Kress from Brno for EUR 36 million in 2028."),
        ("Orrin sold the plant at a price of $900 million.", "Orrin sold the plant for $950 million."),
    ])
    _never_conflict([
        ("Orrin signed Kress for a fee of EUR 38 million in 2028.", "Valdor signed Lind for a fee of EUR 36 million in 2028."),
        ("Orrin paid a fee of $5 million to Valdor.", "Orrin paid $7 million for the Kessler plant."),
    ])
    a, b = _claim("Orrin paid a fee of $5 million."), _claim("The fee of $5 million was paid in 2024.")
    assert quantity_fact(a, 0).measure.value == quantity_fact(b, 0).measure.value == "fee"


def test_a_count_a_trade_verb_gives_is_the_count_its_noun_names():
    """"sold 2 million cars" / "car sales reached 2.3 million", "delivered" / "deliveries",
    "shipped" / "shipments", "2.3 million car sales" / "car sales reached 2.1 million": one count
    of cars; "exported" / "car exports", "produced" / "car production": one flow. Other goods, or
    another flow of the same goods, stay apart."""
    _each_conflicts([
        ("Orrin sold 2 million cars in 2030.", "Orrin's car sales reached 2.3 million in 2030."),
        ("Orrin delivered 1.8 million vehicles in 2030.", "Orrin's vehicle deliveries totalled 1.6 million in 2030."),
        ("Orrin shipped 5 million phones in 2030.", "Orrin's phone shipments reached 4.2 million in 2030."),
        ("Orrin recorded 2.3 million car sales in 2030.", "Orrin's car sales reached 2.1 million in 2030."),
        ("Orrin exported 2 million cars in 2030.", "Orrin's car exports reached 2.3 million in 2030."),
        ("Orrin produced 300,000 cars in 2030.", "Orrin's car production reached 280,000 in 2030."),
        ("Orrin produced 300,000 cars in 2030.", "Orrin makes 280,000 cars (2030)"),
        ("Orrin made 3 acquisitions in 2030.", "Orrin completed 4 acquisitions in 2030."),  # acts, not goods made
        # an amount's verb is no flow of a count
        ("In 2030 Tarnia exported machinery worth EUR 21.7 billion.", "Figures suggest that in 2030 Tarnia exported machinery worth EUR 31.0 billion."),
    ])
    _never_conflict([
        ("Orrin sold 2 million cars in 2030.", "Orrin's truck sales reached 2.3 million in 2030."),
        ("Orrin produced 300,000 cars in 2030.", "Orrin sold 280,000 cars in 2030."),
        ("Orrin exported 2 million cars in 2030.", "Orrin imported 1.5 million cars in 2030."),
        ("Valdor recalled 30,000 chargers in 2031.", "Valdor sold 32,000 chargers in 2031."),
    ])
