"""Slot alignment and the pair rules that use it, on hand-written sentences (fake embedder)."""

from __future__ import annotations

from checker.extract.claims import sentence_claim
from checker.comparison import compare_texts
from checker.model import Claim
from checker.judge.ruleset import load_rules
from checker.judge.slots import aligned_slots

from fakes import HashEmbedder

RULES = load_rules()


def claim(text: str, doc: str = "a") -> Claim:
    return Claim(id=doc, doc=doc, path=doc, start=0, end=len(text), line=1, column=1, text=text, section="body",
                 **sentence_claim(text))


def verdict(a: str, b: str) -> str:
    return compare_texts("t", a, b, RULES, HashEmbedder()).verdict


def test_slots_bare_figures_in_the_same_place_align():
    a = claim("Priya ran 14 , 9 and 11 laps on the track")
    b = claim("Priya ran 19 , 9 and 11 laps on the track")
    assert aligned_slots(a, b) == {0: 0, 1: 1, 2: 2}


def test_slots_qualifier_belongs_to_the_slot():
    a = claim("The depot keeps 37 spare buses")
    b = claim("The depot keeps more than 37 spare buses")
    assert aligned_slots(a, b) == {0: 0}


def test_slots_other_words_around_do_not_align():
    a = claim("Tom has 31 stamps and Ann gave him 12 of her stamps")
    b = claim("Tom has 43 stamps now")
    assert aligned_slots(a, b) == {}


def test_slots_dates_align_separately_from_figures():
    a = claim("The poet lived from 3 May 1802 to 9 June 1861 in Lyon")
    b = claim("The poet lived from 3 March 1802 to 9 June 1861 in Lyon")
    assert aligned_slots(a, b, "d") == {0: 0} or aligned_slots(a, b, "d") == {0: 0, 1: 1}
    assert aligned_slots(a, b, "q") == {}


def test_slots_bare_numbers_changed_in_place_conflict():
    assert verdict("The average score of the class was 71", "The average score of the class was 54") == "conflict"
    assert verdict("Kiran bought the bike for 640 and sold it for 700",
                   "Kiran bought the bike for 640 and sold it for 700") != "conflict"


def test_slots_figure_against_a_strict_bound_on_it_conflicts():
    assert verdict("The depot keeps 37 spare buses", "The depot keeps more than 37 spare buses") == "conflict"
    assert verdict("The depot keeps 37 spare buses", "The depot keeps fewer than 37 spare buses") == "conflict"
    # a figure with two trailing zeros reads as rounded: "over 4,500" may describe it
    assert verdict("The depot keeps 4,500 spare tyres", "The depot keeps over 4,500 spare tyres") != "conflict"
    assert verdict("The depot keeps 37 spare buses", "The depot keeps more than 30 spare buses") != "conflict"


def test_slots_changed_figure_conflicts_even_when_another_figure_agrees():
    a = "Nadia walked 6 km in the morning and 4 km in the evening"
    b = "Nadia walked 9 km in the morning and 4 km in the evening"
    assert verdict(a, b) == "conflict"


def test_numeric_a_result_of_the_other_figures_is_no_conflict():
    assert verdict("Leo had 52 marbles and he found 17 more marbles in the garden",
                   "Leo has 69 marbles now") != "conflict"
    assert verdict("A crate holds 24 jars and the shop ordered 6 crates of jars",
                   "The shop ordered 144 jars") != "conflict"


def test_numeric_currency_restatement_is_left_to_the_conversion_rules():
    a = "The fund was launched with ¥4.6 billion ($640 million) of capital."
    b = "The fund was launched with ¥4.6 billion ($580 million) of capital."
    judged = compare_texts("t", a, b, RULES, HashEmbedder())
    assert judged.rule != "NUM001" or judged.verdict != "conflict"


def test_dates_changed_date_in_place_conflicts_even_when_another_date_agrees():
    a = "Ada Brun -LRB- 4 April 1881 -- 2 March 1950 -RRB- was a Swiss painter ."
    b = "Ada Brun -LRB- 4 August 1881 -- 2 March 1950 -RRB- was a Swiss painter ."
    assert verdict(a, b) == "conflict"


def test_dates_ranges_in_place_must_agree_on_both_ends():
    a = "The bridge was built from March 1931 to May 1933 ."
    b = "The bridge was built from June 1931 to May 1933 ."
    assert verdict(a, b) == "conflict"
    assert verdict(a, "The bridge was built from 1931 to 1933 .") != "conflict"


def test_dates_naming_years_tell_instances_apart():
    a = "The 2019 Lakeside Marathon was held on 14 April 2019 ."
    b = "The 2018 Lakeside Marathon was held on 15 April 2018 in heavy rain ."
    assert verdict(a, b) != "conflict"


def test_dates_different_verbs_are_different_events():
    a = "The band released its second album on 3 May 2011 through a small label ."
    b = "The band recorded its second album in 2010 ."
    assert verdict(a, b) != "conflict"


def test_dates_a_describing_year_changed_in_place_conflicts():
    assert verdict("Blue Harbour is a 2009 Danish crime film .", "Blue Harbour is a 2006 Danish crime film .") == "conflict"


def test_slots_repeated_windows_in_a_list_are_told_apart_by_longer_context():
    a = claim("She starred in Red Field -LRB- 2003 -RRB- , Iron Sky -LRB- 2003 -RRB- and Blue Gate -LRB- 2007 -RRB- .")
    b = claim("She starred in Red Field -LRB- 2003 -RRB- , Iron Sky -LRB- 2003 -RRB- and Blue Gate -LRB- 2003 -RRB- .", "b")
    assert aligned_slots(a, b, "d") == {0: 0, 1: 1, 2: 2}
    assert verdict(a.text, b.text) == "conflict"


def test_dates_month_names_are_not_subjects():
    assert verdict("The final episode aired October 9 , 2015 .", "The final episode aired November 9 , 2015 .") == "conflict"


def test_numeric_another_amount_is_an_addition_not_a_level():
    assert verdict("The city may need $40 million for the tunnel", "The city may need another $25 million for the tunnel") != "conflict"


def test_numeric_a_figure_backed_elsewhere_in_the_other_text_is_no_conflict():
    a = "Patients took 500 milligram tablets of drug A and 20 mg of drug B daily."
    b = "Patients in the trial took 500 mg of drug A daily."
    assert verdict(a, b) != "conflict"


def test_numeric_derivation_needs_few_operands_and_matching_kinds():
    from checker.judge.sameness import derived

    rich = claim("The film holds 64 % approval from 47 reviews , rated 6.1/10 .")
    target = claim("It has 54 reviews", "b").quantities[0]
    assert not derived(target, rich)  # 64 - 10 = 54 mixes a share with counts
    few = claim("Ann had 23 shells and found 19 more shells")
    assert derived(claim("Ann has 42 shells", "b").quantities[0], few)


def test_dates_other_counted_things_do_not_block_a_date_conflict():
    a = "The club won 3 league titles -LRB- 2001 , 2004 , 2009 -RRB- and 5 cup titles -LRB- 2002 , 2012 -RRB- ."
    b = "The club won 3 league titles -LRB- 2001 , 2004 , 2009 -RRB- and 5 cup titles -LRB- 2002 , 2013 -RRB- ."
    assert verdict(a, b) == "conflict"


def test_dates_same_life_event_of_the_same_person():
    from checker.judge.rulekinds import PairContext
    from checker.judge.rulekinds.dates import DateMismatch

    rule = DateMismatch({})
    a = claim("Olga Brandt , born 3 March 1931 in Riga , was a Latvian chess composer .")
    b = claim("Olga Brandt was born on 13 March 1931 .", "b")
    c = claim("Olga Brandt was born on 3 March 1931 .", "b")
    d = claim("Olga Brandt was married on 13 March 1951 .", "b")
    assert [v.relation for v in rule.compare(a, b, PairContext(similarity=0.65))] == ["conflicts"]
    assert rule.compare(a, c, PairContext(similarity=0.65)) == [] or rule.compare(a, c, PairContext(similarity=0.65))[0].relation != "conflicts"
    assert rule.compare(a, d, PairContext(similarity=0.65)) == []
    assert rule.compare(a, b, PairContext(similarity=0.5)) == []


def test_slots_same_template_with_other_names_is_no_in_slot_conflict():
    a = "In 2022, Lancashire installed 9,371 megawatts of new solar capacity, the highest level on record."
    b = "In 2022, Zurich installed 26,983 megawatts of new solar capacity, the highest level on record."
    assert verdict(a, b) != "conflict"


def test_dates_a_bare_date_is_no_event():
    assert verdict("August 5, 2025", "March 19, 2025") != "conflict"


def test_dates_other_figures_for_another_period_are_no_date_conflict():
    a = "Kelda Motors shipped 20,700 industrial robots in the first quarter of 2025."
    b = "Kelda Motors ships 89,000 robots (the second quarter of 2018)"
    assert verdict(a, b) != "conflict"


def test_dates_a_dateline_sentence_is_no_event():
    # two documents' own publication lines date two documents, not one event
    assert verdict("Published October 23, 2025", "Published February 21, 2024") != "conflict"
    assert verdict("Last updated on 3 May 2024", "Last updated on 9 June 2025") != "conflict"
    # a named event still is one
    assert verdict("The Kestrel plant opened in March 2021.", "The Kestrel plant opened in March 2023.") == "conflict"


def _relations(rule, a: str, b: str, similarity: float = 0.9) -> list[str]:
    from checker.judge.rulekinds import PairContext

    return [v.relation for v in rule.compare(claim(a, "a"), claim(b, "b"), PairContext(similarity=similarity))]


def test_numeric_a_shared_word_of_two_company_names_is_no_shared_subject():
    from checker.judge.rulekinds.numeric import NumericMismatch

    rule = NumericMismatch({})
    a = "The latest survey found that Kingsley Networks produced 325.6 million chips in 2023."
    assert _relations(rule, a, "Analysts said that Kingsley Capital produced 146.1 million chips in 2023.") == []
    assert _relations(rule, a, "Analysts said that Kingsley Networks produced 146.1 million chips in 2023.") == ["conflicts"]
    # the shorter name is the same company
    assert _relations(rule, a, "Analysts said that Kingsley produced 146.1 million chips in 2023.") == ["conflicts"]


def test_numeric_a_capitalised_opener_is_not_the_other_sentences_common_word():
    from checker.judge.rulekinds.numeric import NumericMismatch

    rule = NumericMismatch({})
    a = "Azores sold 137,630 electric vehicles in 2024, officials said."
    assert _relations(rule, a, "Official data show that Madeira sold 588,053 electric vehicles in 2024.") == []
    assert _relations(rule, a, "Official data show that Azores sold 588,053 electric vehicles in 2024.") == ["conflicts"]


def test_numeric_about_allows_the_rounding_of_its_last_digit():
    from checker.judge.rulekinds.numeric import NumericMismatch

    rule = NumericMismatch({})
    a = "In the second quarter of 2021, unemployment in Kent averaged about 6% of the labour force."
    assert _relations(rule, a, "In the second quarter of 2021, unemployment in Kent averaged 5.6% of the labour force.") == ["supports"]
    assert _relations(rule, a, "In the second quarter of 2021, unemployment in Kent averaged 7.1% of the labour force.") == ["conflicts"]


def test_numeric_a_years_figure_and_a_quarters_figure_are_two_quantities():
    from checker.judge.rulekinds.numeric import NumericMismatch

    rule = NumericMismatch({})
    a = "Birchwood Systems held 45.9% of the regional battery market in the third quarter of 2021."
    assert _relations(rule, a, "Birchwood Systems held 31.2% of the regional battery market in 2021.") == []
    assert _relations(rule, a, "Birchwood Systems held 31.2% of the regional battery market in the third quarter of 2021.") == ["conflicts"]
    # a lower-case month before its year is a month, not the year alone
    b = "By july 2022, 63.8% of homes in Cornwall were connected to fibre broadband."
    assert _relations(rule, "By the end of 2022, 21.4% of homes in Cornwall were connected to fibre broadband.", b) == []


def test_dates_two_statements_of_other_quantities_are_no_event():
    from checker.judge.rulekinds.dates import DateMismatch

    rule = DateMismatch({})
    a = "Driftwood Motors invests $4,284 million (2020)"
    assert _relations(rule, a, "Driftwood Motors battery share at 24.1% (the first quarter of 2024)") == []
    # another amount in the same unit: another statement, not the event dated twice
    assert _relations(rule, "Tyrol adds 387 MW of electrolysers (2018)",
                      "Tyrol commissioned 2,999 megawatts of electrolyser capacity in the second quarter of 2023.") == []
    assert _relations(rule, "Driftwood Motors opened its Tyrol plant in March 2019.",
                      "Driftwood Motors opened its Tyrol plant in March 2021.") == ["conflicts"]


def _in(text: str, cid: str, doc: str, section: str) -> Claim:
    return Claim(id=cid, doc=doc, path=doc, start=0, end=len(text), line=1, column=1, text=text, section=section,
                 **sentence_claim(text))


def test_numeric_a_takeaway_repeating_its_bodys_figure_in_other_words_is_backed():
    from checker.judge.rulekinds import PairContext
    from checker.judge.rulekinds.numeric import NumericMismatch

    rule = NumericMismatch({})
    ctx = PairContext(similarity=0.5)
    take = _in("Zurich sells 503,481 EVs (April 2024)", "c1", "d1", "summary")
    body = _in("In April 2024, buyers in Zurich registered 503,481 electric vehicles.", "c2", "d1", "body")
    assert [v.relation for v in rule.compare(take, body, ctx)] == ["supports"]
    other = _in("In April 2024, buyers in Zurich registered 503,418 electric vehicles.", "c3", "d1", "body")
    assert "supports" not in [v.relation for v in rule.compare(take, other, ctx)]
    wind = _in("Crete adds 9.0 GW of wind (2021)", "c1", "d1", "summary")
    assert [v.relation for v in rule.compare(wind, _in("Onshore wind capacity connected in Crete came to 9.0 GW in 2021.", "c2", "d1", "body"), ctx)] == ["supports"]
    # two significant digits in another period is no repetition
    assert rule.compare(wind, _in("Onshore wind capacity connected in Crete came to 9.0 GW in 2019.", "c2", "d1", "body"), ctx) == []


def test_value_join_pairs_a_takeaway_with_its_own_documents_figure_beyond_the_limit():
    import numpy as np

    from checker.pair.value_join import same_value_pairs

    others = [_in(f"Region {n} sold 385,703 cars in 2019.", f"c{n}", f"d{n}", "body") for n in range(5)]
    take = _in("Valencia sells 385,703 EVs (2018)", "t", "dv", "summary")
    body = _in("Registrations of electric vehicles in Valencia rose to 385,703 in 2018.", "b", "dv", "body")
    claims = others + [take, body]
    pairs = same_value_pairs(claims, np.eye(len(claims), dtype=np.float32), limit=2)
    assert (5, 6, 0.0) in pairs  # the same document, though the noun differs and the limit is reached
    assert {(i, j) for i, j, _ in pairs} == {(0, 5), (1, 5), (5, 6)}


def test_value_join_pairs_two_body_claims_of_other_documents_with_one_specific_figure():
    import numpy as np

    from checker.pair.value_join import same_value_pairs

    a = _in("Auditors tallied $9.74 billion in outlays on the canal project.", "a", "d1", "body")
    b = _in("The $9.74 billion canal opened to barges last spring.", "b", "d2", "body")
    c = _in("The same $9.74 billion figure appears in the audit.", "c", "d1", "body")
    d = _in("Tickets cost $12 each.", "d", "d3", "body")
    e = _in("Parking costs $12 a day.", "e", "d4", "body")
    vectors = np.full((5, 4), 0.5, dtype=np.float32)  # every pair at similarity 1.0
    pairs = {(i, j) for i, j, _ in same_value_pairs([a, b, c, d, e], vectors)}
    assert (0, 1) in pairs and (1, 2) in pairs
    assert (0, 2) not in pairs  # the same document: no join between two body claims
    assert (3, 4) not in pairs  # "$12" is not specific enough
    # below the similarity floor nothing is joined
    assert same_value_pairs([a, b], np.eye(2, dtype=np.float32)) == []


def test_value_join_pairs_one_figure_in_two_prefixed_units_and_one_calendar_day():
    import numpy as np

    from checker.pair.value_join import same_value_pairs

    a = _in("The machine holds 2,315 Pflop/s on the list.", "a", "d1", "body")
    b = _in("It is rated at 2.315 Eflop/s.", "b", "d2", "body")
    c = _in("The bridge opened to traffic on 3 March 2031.", "c", "d3", "body")
    d = _in("Since March 3, 2031 the bridge has carried traffic.", "d", "d4", "body")
    vectors = np.full((4, 4), 0.5, dtype=np.float32)
    pairs = {(i, j) for i, j, _ in same_value_pairs([a, b, c, d], vectors)}
    assert pairs == {(0, 1), (2, 3)}


def test_value_join_pairs_a_count_of_four_digits_whose_noun_is_missing():
    import numpy as np

    from checker.pair.value_join import same_value_pairs

    a = _in("Kestrel grew from 4,512,768 cores on the last list to 4,700,112 cores.", "a", "d1", "body")
    b = _in("The system has a total of 4,512,768 combined GPU and CPU cores.", "b", "d2", "body")
    c = _in("The hall seats 120 in all.", "c", "d3", "body")
    d = _in("About 120 attended the opening.", "d", "d4", "body")
    vectors = np.full((4, 4), 0.5, dtype=np.float32)
    pairs = {(i, j) for i, j, _ in same_value_pairs([a, b, c, d], vectors)}
    assert pairs == {(0, 1)}  # "120" of nothing named is no specific figure


def _numeric(a: str, b: str, similarity: float, docs=("d1", "d2")):
    from checker.judge.rulekinds import PairContext
    from checker.judge.rulekinds.numeric import NumericMismatch

    rule = NumericMismatch({})
    return [v.relation for v in rule.compare(_in(a, "c1", docs[0], "body"), _in(b, "c2", docs[1], "body"),
                                             PairContext(similarity=similarity))]


def test_numeric_an_equal_specific_figure_supports_without_shared_words():
    a = "Auditors tallied $9.74 billion in outlays on the canal project."
    b = "The $9.74 billion canal opened to barges last spring."
    assert _numeric(a, b, 0.35) == ["supports"]
    # a round, unspecific figure needs the ordinary support similarity and shared words
    assert _numeric("Auditors tallied $10 billion in outlays on the canal.", "The $10 billion canal opened to barges.", 0.35) == []
    # below the floor nothing is said
    assert _numeric(a, b, 0.2) == []


def test_numeric_a_figure_with_an_agreeing_counterpart_is_not_set_against_a_neighbour():
    # "23 percent" is the rounded "23.4%"; the bank's "11.5 percent" is another holder's stake
    a = "The pension board holds a stake of 23.4% in the venture."
    b = ("The pension board holds a stake of 23 percent, worth 40 billion yuan, and a provincial bank "
         "holds a stake of 11.5 percent.")
    assert "conflicts" not in _numeric(a, b, 0.75)


def test_numeric_metric_against_imperial_backs_within_rounding_and_contradicts_only_beyond_it():
    a = "The lander weighs 9,800 pounds fully fuelled."
    assert _numeric(a, "The lander weighs 4,450 kg fully fuelled.", 0.95) == ["supports"]
    # 4,445 kg converted: 4,100 kg is neither a rounding of it nor clearly another weight
    assert _numeric(a, "The lander weighs 4,100 kg fully fuelled.", 0.95) == []
    # a gap no loose conversion explains is a disagreement
    assert _numeric(a, "The lander weighs 3,100 kg fully fuelled.", 0.95) == ["conflicts"]
    # prefixed units of one system do contradict
    assert _numeric("The cluster sustained 1,412 Pflop/s on the benchmark.",
                    "The cluster sustained 1.9 Eflop/s on the benchmark.", 0.95) == ["conflicts"]


def test_numeric_a_shared_specific_figure_anchors_the_other_figures_of_the_pair():
    a = "Built by Korvell, the Tessaly cluster links 3,215,776 processor cores and returns 38.6 gigaflops/watt on the efficiency list."
    other = "Tessaly's 3,215,776 cores deliver {} Gflops/watt, its operators say."
    assert "conflicts" in _numeric(a, other.format("44.9"), 0.55)
    assert "conflicts" not in _numeric(a, other.format("38.6"), 0.55)
    # without the shared core count the wording is too far apart to call it one quantity
    assert "conflicts" not in _numeric(
        "Built by Korvell, the Tessaly cluster returns 38.6 gigaflops/watt on the efficiency list.",
        "Tessaly delivers 44.9 Gflops/watt, its operators say.", 0.55)
    # one fine and one share on each side: the equal fine anchors the shares
    fine = "Penalties for late filings reach up to £4.2 million or {} of revenue under the new code."
    short = "Penalties for late filing — up to £4,200,000 or 1.1%"
    assert "conflicts" in _numeric(fine.format("0.8%"), short, 0.6)
    assert _numeric(fine.format("1.1%"), short, 0.6).count("supports") == 2


def test_numeric_agreeing_measures_in_one_physical_unit_support_without_shared_words():
    a = "The collecting area of the dish is about 410 square feet, the largest of its class."
    b = "Engineers gave the dish a 412 square feet surface to gather faint signals."
    assert _numeric(a, b, 0.55) == ["supports"]
    # a duration is no measure of anything in particular
    assert _numeric("The review took 14 days after the filing.", "Staff had 14 days of leave in the spring.", 0.55) == []


def test_value_join_half_the_floor_for_two_shared_specific_figures_and_bounds_are_joined():
    import numpy as np

    from checker.pair.value_join import same_value_pairs

    a = _in("Filings give the Pension Board 23.4% and the State Bank 11.6% of the venture.", "a", "d1", "body")
    b = _in("The register shows the Pension Board at 23.4%, the State Bank at 11.6% and others at 65%.", "b", "d2", "body")
    c = _in("The venture's largest holder keeps 23.4% of it.", "c", "d3", "body")
    angle = np.array([[1.0, 0.0], [0.2, 0.98], [0.2, 0.98]], dtype=np.float32)  # a is 0.2 from b and c
    pairs = {(i, j) for i, j, _ in same_value_pairs([a, b, c], angle)}
    assert (0, 1) in pairs and (0, 2) not in pairs  # two shared figures pass at 0.2, one does not
    fine = _in("Dumping waste — up to £6,400,000 or 3% of turnover", "f", "d4", "body")
    plain = _in("£6.4 million or 3% for dumping waste", "g", "d5", "body")
    assert {(i, j) for i, j, _ in same_value_pairs([fine, plain], np.ones((2, 2), dtype=np.float32))} == {(0, 1)}


def test_numeric_two_shared_specific_figures_support_at_half_the_specific_similarity():
    a = "Filings give the Pension Board 23.4% and the State Bank 11.6% of the venture."
    b = "The register shows the Pension Board at 23.4%, the State Bank at 11.6% and others at 65%."
    assert "supports" in _numeric(a, b, 0.2)
    assert _numeric("The largest holder keeps 23.4% of it.", b, 0.2) == []


def test_numeric_the_rest_of_two_bags_of_figures_pairs_up_once_a_rounded_specific_figure_matches():
    a = ("Budgets for the Orsk and Tavda bridges stand at 61.35 billion yuan and 118.42 billion yuan "
         "respectively, according to the ministry.")
    b = "The ministry puts the Orsk bridge at {} billion yuan and the Tavda bridge at 118 billion yuan."
    # below the conflict similarity: only the matched 118 / 118.42 lets the rest face each other
    assert "conflicts" in _numeric(a, b.format("87.6"), 0.6)
    assert "conflicts" not in _numeric(a, b.format("61.4"), 0.6)
    # with two unmatched figures left on one side, nothing says which faces which
    c = ("The ministry puts the Orsk bridge at 87.6 billion yuan plus 12.3 billion yuan of loans and the "
         "Tavda bridge at 118 billion yuan.")
    assert "conflicts" not in _numeric(a, c, 0.6)


def test_numeric_an_equal_figure_of_four_significant_digits_supports_at_half_the_specific_similarity():
    a = "The array now counts 7,318,452 cores after the upgrade."
    b = "Engineers wired 7,318,452 cores into the machine's cabinets."
    assert _numeric(a, b, 0.2) == ["supports"]
    assert _numeric("The array now counts 731 cores after the upgrade.", "Engineers wired 731 cores into the cabinets.", 0.2) == []


def test_numeric_a_million_amount_rounded_to_two_digits_is_a_specific_match():
    a = "Dredging the harbour cost the port authority $7.34 million."
    b = "The port authority's dredging bill came to $7.3 million, its filing shows."
    assert _numeric(a, b, 0.35) == ["supports"]
    assert _numeric(a, "The port authority's dredging bill came to $7.9 million, its filing shows.", 0.35) == []


def test_numeric_a_physical_measure_named_alike_of_one_subject_conflicts_from_the_support_similarity():
    a = "Korvel returned to the top of the table a year later with a peak rate of 3.14 Pflop/s."
    b = "The ninth edition of the table showed Korvel to be the first true machine of its class with a peak rate of 2.86 Pflop/s."
    assert _numeric(a, b, 0.6) == ["conflicts"]
    assert _numeric(a, b, 0.45) == []  # below the support similarity
    # another measure in the same unit ("sustained rate"), another subject, or a duration: no conflict
    assert _numeric(a, b.replace("peak rate", "sustained rate"), 0.6) == []
    assert _numeric(a, b.replace("Korvel", "Tamsin"), 0.6) == []
    assert _numeric("Korvel finished the upgrade in a build time of 14 days.",
                    "Crews gave the Korvel array a build time of 19 days after the delay.", 0.6) == []


def test_numeric_the_same_round_figure_beside_a_shared_word_supports_from_the_support_similarity():
    a = "The utility is raising its Kestrel investment to €50 billion with a second storage plant near Lorne."
    b = "The utility's total investment in the region is expected to reach EUR 50 billion."
    assert _numeric(a, b, 0.55) == ["supports"]
    assert _numeric(a, b, 0.45) == []  # below the support similarity
    assert _numeric(a, b.replace("EUR 50", "about EUR 50"), 0.55) == []  # another qualifier
    assert _numeric(a, b.replace("investment", "debt"), 0.55) == []  # no word beside both figures in common


def _numeric(a_text: str, b_text: str, similarity: float) -> list[str]:
    from checker.judge.rulekinds import PairContext
    from checker.judge.rulekinds.numeric import NumericMismatch

    return [v.relation for v in NumericMismatch({}).compare(claim(a_text, "a"), claim(b_text, "b"),
                                                              PairContext(similarity=similarity))]


def test_numeric_equal_figures_of_swapped_holders_do_not_support():
    # each figure sits beside a name the other sentence never mentions: two holders' figures
    assert "supports" not in _numeric(
        "Ostrava and Brno together hold 58% of the region's rail freight.",
        "Analysts note that Ostrava and Plzen together hold 58% of the region's rail freight.", 0.85)
    assert "supports" not in _numeric(
        "Over 70% of Lisbon's bakeries buy flour from Moagem and Cerealis.",
        "Over 70% of Porto's bakeries buy flour from Moagem and Cerealis, a survey found.", 0.85)


def test_numeric_a_holder_named_on_one_side_only_still_supports():
    # one sentence naming the holder, the other leaving it implicit, is no swap
    assert "supports" in _numeric(
        "Over 70% of Porto's bakeries buy flour from Moagem and Cerealis.",
        "Over 70% of bakeries buy flour from Moagem and Cerealis, a survey found.", 0.85)
    assert "supports" in _numeric(
        "Ostrava and Brno together hold 58% of the region's rail freight.",
        "Analysts note that Ostrava and Brno together hold 58% of the region's rail freight.", 0.85)


def test_numeric_a_specific_count_of_units_repeats_the_same_count_of_a_named_thing():
    # "units" says nothing about what is counted: an equal specific count supports
    assert "supports" in _numeric(
        "The guild says 318,400 kettles were sold abroad.",
        "Export sales hit 318,400 units last year, the Brightwater Guild's survey shows.", 0.6)
    # a round count of units is no such repetition, and two named things stay apart
    assert "supports" not in _numeric(
        "The guild says 300 kettles were sold abroad.",
        "Export sales hit 300 units last year, the Brightwater Guild's survey shows.", 0.6)
    assert "supports" not in _numeric(
        "The guild says 318,400 kettles were sold abroad.",
        "Export sales hit 318,400 toasters last year, the Brightwater Guild's survey shows.", 0.6)
