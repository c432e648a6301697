"""Unit tests for checker.extract.quantities: counts, money, percentages, measures and ratios."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.citations import extract_citations
from checker.extract.dates import extract_dates
from checker.extract.quantities import extract_quantities


def find(text: str, fragment: str):
    """The one quantity whose text is ``fragment``."""
    found = [q for q in extract_quantities(text) if q.text == fragment]
    assert len(found) == 1, (fragment, extract_quantities(text))
    return found[0]


def texts(text: str) -> list[str]:
    return [q.text for q in extract_quantities(text)]


def texts_excluding(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [q.text for q in extract_quantities(text, exclude=spans)]


# ----------------------------------------------------------------- counts


def test_quantities_count_with_counted_noun():
    text = "In 2023, China authorized 921,000 invention patents [1], representing a 15.3% year-on-year increase [2]."
    q = find(text, "921,000")
    assert q.value == 921000
    assert q.kind == "count"
    assert q.noun == "invention patents"
    assert q.unit == "invention patent"
    assert text[q.start:q.end] == "921,000"


def test_a_reading_after_its_scales_name_is_on_that_scale():
    # "a magnitude 6.9 earthquake" as "a 6.9-magnitude earthquake" writes it: the earthquake is what is measured
    q = find("A magnitude 6.9 earthquake hit Taluga on Monday.", "6.9")
    assert (q.kind, q.unit, q.noun) == ("count", "magnitude", "earthquake hit Taluga")
    q = find("A 6.9-magnitude earthquake hit Taluga on Monday.", "6.9-magnitude")
    assert (q.kind, q.unit) == ("count", "magnitude")
    assert find("Storm Ilse was a category 4 hurricane.", "4").unit == "category"
    assert find("The air force has 12 squadrons.", "12").unit == "squadron"  # a word ending in no scale


def test_a_change_s_base_after_it_is_no_noun_it_counts():
    assert find("The economy expanded 0.6% quarter on quarter.", "0.6%").noun is None
    assert find("Sales rose 4% year-on-year.", "4%").noun is None
    assert find("Orrin holds a 4% stake.", "4%").noun == "stake"


def test_quantities_count_without_noun_has_no_unit():
    q = find("The index rose to 1,250, a record.", "1,250")
    assert (q.value, q.kind, q.unit, q.noun) == (1250, "count", None, None)


def test_quantities_count_noun_stops_at_verbs_and_prepositions():
    text = "The capital now hosts 14 national AI labs and 123 government-approved large language models, including ERNIE."
    labs = find(text, "14")
    assert (labs.noun, labs.unit) == ("national AI labs", "national AI lab")
    models = find(text, "123")
    assert models.noun == "government-approved large language models"
    assert models.unit == "government-approved large language model"


def test_quantities_count_noun_trims_after_plural_head():
    q = find("Tesla is targeting 10,000 units monthly for automotive sectors.", "10,000")
    assert (q.noun, q.unit) == ("units", "unit")


def test_quantities_count_unit_keeps_acronyms():
    q = find("OpenAI’s cluster, powered by 50,000 NVIDIA Blackwell GPUs, faces protests.", "50,000")
    assert q.noun == "NVIDIA Blackwell GPUs"
    assert q.unit == "NVIDIA blackwell GPU"


def test_quantities_irregular_plural_unit():
    q = find("The firm trained 1,200 people across 30 countries.", "1,200")
    assert q.unit == "person"
    assert find("The firm trained 1,200 people across 30 countries.", "30").unit == "country"


def test_quantities_553000_units():
    q = find("Robot installations hit 553,000 units globally, with Mexico emerging.", "553,000")
    assert (q.value, q.unit, q.kind) == (553000, "unit", "count")


def test_quantities_10_million_daily_parcels():
    q = find("JD deploys 120,000 robots to handle 10 million daily parcels.", "10 million")
    assert q.value == 1e7
    assert q.scale == "million"
    assert q.noun == "daily parcels"
    assert q.unit == "daily parcel"


# ----------------------------------------------------------------- number words


def test_quantities_number_word_at_sentence_start():
    text = "Five Nanjing-based AI enterprises have secured positions in the 2025 rankings."
    q = find(text, "Five")
    assert q.value == 5
    assert q.noun == "Nanjing-based AI enterprises"
    assert q.kind == "count"


def test_quantities_two_exaflops_is_a_measure():
    q = find("China unveiled a domestic supercomputer capable of two exaflops [4], reclaiming a lead.", "two exaflops")
    assert (q.value, q.unit, q.kind) == (2, "exaflop", "measure")


@pytest.mark.parametrize(
    "text, fragment, value",
    [
        ("The city added a dozen firms this year.", "a dozen", 12),
        ("The lab bought two dozen robots.", "two dozen", 24),
        ("The team hired twenty-five engineers.", "twenty-five", 25),
        ("The plant employs two hundred and fifty thousand people.", "two hundred and fifty thousand", 250000),
        ("The app passed a million users.", "a million", 1e6),
        ("The ruling affects nineteen provinces.", "nineteen", 19),
        ("Eleven startups applied.", "Eleven", 11),
        ("The run lasted one hour.", "one hour", 1),
    ],
)
def test_quantities_number_words(text, fragment, value):
    assert find(text, fragment).value == value


@pytest.mark.parametrize(
    "text",
    [
        "Shenzhen is one of the largest hubs in China.",
        "A robot grabs an apple.",
        "One key factor is cost.",
        "Nobody but one could say.",
        "The twenty-first century belongs to robots.",
        "One-third of staff left.",
        "It is a two-way street.",
        "Shenzhen has become China’s first city to require reviews; the third was Beijing.",
    ],
)
def test_quantities_pronoun_one_ordinals_and_fractions_are_not_figures(text):
    assert extract_quantities(text) == []


# ----------------------------------------------------------------- money


def test_quantities_money_with_equivalent_in_parentheses():
    text = "Core industry revenues exceeding ¥300 billion ($41.5 billion), driven by compute."
    qs = extract_quantities(text)
    assert [q.text for q in qs] == ["¥300 billion", "$41.5 billion"]
    cny, usd = qs
    assert (cny.value, cny.unit, cny.kind, cny.scale, cny.qualifier) == (3e11, "CNY", "money", "billion", "over")
    assert (usd.value, usd.unit, usd.kind, usd.scale) == (4.15e10, "USD", "money", "billion")
    assert usd.equivalent_of == 0
    assert cny.equivalent_of is None


def test_quantities_equivalent_of_indexes_the_returned_list():
    text = "Over 2,400 firms earn ¥0.18 ($0.025) per parcel."
    qs = extract_quantities(text)
    assert [q.text for q in qs] == ["2,400", "¥0.18", "$0.025"]
    assert qs[2].equivalent_of == 1
    assert qs[1].value == 0.18 and qs[2].value == 0.025


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Labour costs per parcel have dropped to ¥0.18 ($0.025), unions say.", (0.18, "CNY"), (0.025, "USD")),
        ("Compliance costs could reach ¥2 million ($276,000)—a barrier.", (2e6, "CNY"), (276000, "USD")),
        ("Robots retail under ¥200,000 ($27,600), targeting elderly care.", (200000, "CNY"), (27600, "USD")),
        ("The venture, capitalised at ¥2.3 billion ($318 million), will deploy chips.", (2.3e9, "CNY"), (3.18e8, "USD")),
        ("The grant is €950 million (about $1B) over five years.", (9.5e8, "EUR"), (1e9, "USD")),
    ],
)
def test_quantities_currency_pairs(text, first, second):
    a, b = extract_quantities(text)[:2]
    assert a.value == pytest.approx(first[0]) and a.unit == first[1]
    assert b.value == pytest.approx(second[0]) and b.unit == second[1]
    assert b.equivalent_of == 0


@pytest.mark.parametrize(
    "text, fragment, value, unit",
    [
        ("OpenAI’s $100 billion “Stargate” cluster faces protests.", "$100 billion", 1e11, "USD"),
        ("Priced at $20,000—70% below initial projections.", "$20,000", 20000, "USD"),
        ("It is backed by €950 million from Brussels.", "€950 million", 9.5e8, "EUR"),
        ("The AU launches a strategy with $1B EU funding.", "$1B", 1e9, "USD"),
        ("US CHIPS Act Phase 2 ($52B allocated)", "$52B", 5.2e10, "USD"),
        ("Parcels cost $0.025 each.", "$0.025", 0.025, "USD"),
        ("Pharma giants committed US$2 billion for access.", "US$2 billion", 2e9, "USD"),
        ("Spending reached $1.5tn last year.", "$1.5tn", 1.5e12, "USD"),
        ("The fund raised £5m from investors.", "£5m", 5e6, "GBP"),
        ("The plan costs 300 billion yuan over a decade.", "300 billion yuan", 3e11, "CNY"),
        ("The plan costs RMB 5 billion over a decade.", "RMB 5 billion", 5e9, "CNY"),
        ("The fine was 5 million euros.", "5 million euros", 5e6, "EUR"),
        ("The startup raised ₹500 million.", "₹500 million", 5e8, "INR"),
        ("EU compliance costs are estimated at €40B annually.", "€40B", 4e10, "EUR"),
        ("Revenue reached USD 20 million.", "USD 20 million", 2e7, "USD"),
    ],
)
def test_quantities_money(text, fragment, value, unit):
    q = find(text, fragment)
    assert q.kind == "money"
    assert q.unit == unit
    assert q.value == pytest.approx(value)


def test_quantities_headline_capitalised_scale_and_tops_qualifier():
    q = find("Beijing Surpasses 2,400 AI Firms as Core Industry Revenue Tops ¥300 Billion", "¥300 Billion")
    assert (q.value, q.unit, q.scale, q.qualifier) == (3e11, "CNY", "billion", "over")


def test_quantities_yen_sign_is_cny_unless_yen_written():
    assert find("Revenue reached ¥300 billion.", "¥300 billion").unit == "CNY"
    assert find("Sony earned ¥300 billion, or about 2 trillion yen over time.", "¥300 billion").unit == "JPY"
    assert find("Toyota earned JPY 300 billion.", "JPY 300 billion").unit == "JPY"


# ----------------------------------------------------------------- percentages and changes


@pytest.mark.parametrize("fragment", ["15.3%", "15.3 percent", "15.3 per cent"])
def test_quantities_percent_forms(fragment):
    q = find(f"Patent grants rose {fragment} in the period.", fragment)
    assert (q.value, q.unit, q.kind) == (15.3, "percent", "percent")


@pytest.mark.parametrize(
    "text, fragment, change",
    [
        ("China authorized 921,000 patents, representing a 15.3% year-on-year increase [2].", "15.3%", "increase"),
        ("Global robot installations up 35% year-over-year.", "35%", "increase"),
        ("Japan’s robot density declined 4%—a first in decades.", "4%", "decrease"),
        ("The drones map zones in 12 minutes—85% faster than manual teams.", "85%", "faster"),
        ("Priced at $20,000—70% below initial projections, the robot sells well.", "70%", "below"),
        ("A pilot has already reduced drilling downtime by 17% through maintenance.", "17%", "decrease"),
        ("Startups are slashing production costs by 60% through modular designs.", "60%", "decrease"),
        ("Officials argue it boosts manufacturing GDP by 8% annually.", "8%", "increase"),
        ("IFR Reports 35% Global Robot Density Surge, Led by Reshoring", "35%", "increase"),
        ("Partnerships caused 300% drug price hikes.", "300%", "increase"),
        ("Sales fell 12% in the quarter.", "12%", "decrease"),
        ("Margins were 5% higher than expected.", "5%", "above"),
        ("Cross-border firms are adding 18% to R&D costs.", "18%", "increase"),
        ("Shipments rose by nearly 9% last year.", "9%", "increase"),
    ],
)
def test_quantities_changes(text, fragment, change):
    assert find(text, fragment).change == change


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("Labour costs per parcel have dropped to ¥0.18 ($0.025).", "¥0.18"),
        ("Beijing and Shenzhen account for 62% of national AI patents.", "62%"),
        ("Sales rose from 20% to 30% of revenue.", "20%"),
        ("In 2024 the company shipped 2 million cars, up from 1.5 million.", "1.5 million"),
    ],
)
def test_quantities_levels_are_not_changes(text, fragment):
    assert find(text, fragment).change is None


def test_quantities_ratio_30x():
    q = find("Built on TSMC’s 2nm node, Rubik delivers 300 TOPS/watt—30x improvements over A100.", "30x")
    assert (q.value, q.unit, q.kind, q.change) == (30, "times", "ratio", "increase")
    q = find("NVIDIA Unveils “Rubik” Chip: 30x Efficiency Leap for Edge AI", "30x")
    assert (q.value, q.unit, q.kind, q.change) == (30, "times", "ratio", "increase")


@pytest.mark.parametrize(
    "text, fragment, value",
    [
        ("Throughput rose three times over.", "three times", 3),
        ("Output grew 2.5× in a year.", "2.5×", 2.5),
        ("Demand saw a ten-fold increase.", "ten-fold", 10),
        ("Demand rose 5-fold.", "5-fold", 5),
    ],
)
def test_quantities_ratio_forms(text, fragment, value):
    q = find(text, fragment)
    assert (q.value, q.unit, q.kind) == (value, "times", "ratio")


def test_quantities_percent_range_gives_two_bounded_figures():
    qs = extract_quantities("Sales rose 20-30% last year.")
    assert [(q.text, q.value, q.unit, q.qualifier) for q in qs] == [
        ("20", 20, "percent", "at least"),
        ("30%", 30, "percent", "at most"),
    ]


def test_quantities_a_tally_after_a_verb_of_a_vote_is_no_range():
    for text in ("The Pellan assembly passed the levy 61-39.", "The Pellan senate voted 61 to 39 on the bill."):
        assert [(q.value, q.qualifier) for q in extract_quantities(text)] == [(61, None), (39, None)]
    # a range after such a verb still is one: what it counts, or "between"
    for text in ("The Pellan board approved 20-30 new homes.", "The board approved between 20 and 30 permits."):
        assert [q.qualifier for q in extract_quantities(text)] == ["at least", "at most"]


def test_quantities_money_range_shares_scale_and_currency():
    qs = extract_quantities("The deal is worth $20-30 billion.")
    assert [(q.value, q.unit, q.scale) for q in qs] == [(2e10, "USD", "billion"), (3e10, "USD", "billion")]


def test_quantities_negative_and_abbreviated_scales():
    text = "Returns were -4% while the fund hit 4.5bn and 1.2k users joined; spending reached $1.5tn."
    assert find(text, "-4%").value == -4
    assert find(text, "4.5bn").value == 4.5e9
    q = find(text, "1.2k")
    assert (q.value, q.scale, q.unit) == (1200, "thousand", "user")
    assert find(text, "$1.5tn").value == 1.5e12


def test_quantities_percentage_points():
    q = find("The rate rose 2 percentage points.", "2 percentage points")
    assert (q.unit, q.kind) == ("percentage point", "percent")


# ----------------------------------------------------------------- totals and qualifiers


def test_quantities_of_total():
    text = "China now accounts for 24 of the world's top 100 technology clusters [3]."
    qs = extract_quantities(text)
    assert len(qs) == 1  # the 100 is no separate figure
    q = qs[0]
    assert (q.value, q.of_total) == (24, 100)
    assert q.text == "24 of the world's top 100"
    assert (q.noun, q.unit) == ("technology clusters", "technology cluster")


def test_quantities_of_total_out_of():
    q = extract_quantities("Seven out of 10 firms use the cloud.")[0]
    assert (q.value, q.of_total, q.unit) == (7, 10, "firm")


@pytest.mark.parametrize(
    "text, fragment, qualifier",
    [
        ("Beijing’s AI sector has over 2,400 registered enterprises.", "2,400", "over"),
        ("Beijing Surpasses 2,400 AI Firms as Revenue Grows", "2,400", "over"),
        ("Core industry revenues exceeding ¥300 billion ($41.5 billion).", "¥300 billion", "over"),
        ("It has more than 5% of the market.", "5%", "over"),
        ("The site stores above 3 GW of capacity.", "3 GW", "over"),
        ("It employs about 500 workers.", "500", "about"),
        ("It employs around 500 workers.", "500", "about"),
        ("It employs approximately 500 workers.", "500", "about"),
        ("It employs roughly 500 workers.", "500", "about"),
        ("It employs nearly 500 workers.", "500", "about"),
        ("It employs almost 500 workers.", "500", "about"),
        ("It employs some 500 workers.", "500", "about"),
        ("It employs ~500 workers.", "500", "about"),
        ("It employs up to 500 workers.", "500", "up to"),
        ("It retails under ¥200,000 ($27,600).", "¥200,000", "below"),
        ("Error rates below 0.7% were reported.", "0.7%", "below"),
        ("It employs less than 500 workers.", "500", "below"),
        ("It employs fewer than 500 workers.", "500", "below"),
        ("It employs at least 500 workers.", "500", "at least"),
        ("It employs at most 500 workers.", "500", "at most"),
        ("It employs 2,400+ workers.", "2,400+", "at least"),
        ("Military AI spending exceeds $120B worldwide.", "$120B", "over"),
    ],
)
def test_quantities_qualifiers(text, fragment, qualifier):
    assert find(text, fragment).qualifier == qualifier


def test_quantities_qualifier_absent():
    assert find("It employs 500 workers.", "500").qualifier is None


# ----------------------------------------------------------------- measures


def test_quantities_em_dash_glued_figures():
    text = "The drones can map disaster zones in 12 minutes—85% faster than manual teams."
    qs = extract_quantities(text)
    assert [q.text for q in qs] == ["12 minutes", "85%"]
    minutes, pct = qs
    assert (minutes.value, minutes.unit, minutes.kind) == (12, "minute", "measure")
    assert (pct.value, pct.unit, pct.change) == (85, "percent", "faster")


@pytest.mark.parametrize(
    "text, fragment, value, unit",
    [
        ("Rubik delivers 300 TOPS/watt for edge AI.", "300 TOPS/watt", 300, "TOPS/watt"),
        ("The cluster faces protests over projected 500MW power draw.", "500MW", 500, "MW"),
        ("Built on TSMC’s 2nm node, Rubik is efficient.", "2nm", 2, "nm"),
        ("The robot features swappable arms and 8-hour battery life.", "8-hour", 8, "hour"),
        ("The platform combines IBM’s 1,121-qubit processor with neuromorphic chips.", "1,121-qubit", 1121, "qubit"),
        ("The cluster trains 3B-parameter models.", "3B-parameter", 3e9, "parameter"),
        ("They completed China’s first fully domestic 1,000-GPU cluster.", "1,000-GPU", 1000, "GPU"),
        ("Its annual carbon footprint is 2.1 million tonnes—equivalent to 450,000 cars.", "2.1 million tonnes", 2.1e6, "tonne"),
        ("It simulated folding for 28 cancer targets in 9 hours—a task that took months.", "9 hours", 9, "hour"),
        ("The platform reconstructs 3,500-year-old oracle bone inscriptions.", "3,500-year-old", 3500, "year"),
        ("The AU has adopted a 10-year AI masterplan.", "10-year", 10, "year"),
        ("The farm produces 3 GW at peak.", "3 GW", 3, "GW"),
        ("The network spans 1,200 km of track.", "1,200 km", 1200, "km"),
        ("The plant added 40 megawatts of capacity.", "40 megawatts", 40, "MW"),
        ("The battery lasts 5h on one charge.", "5h", 5, "hour"),
        ("Training took 3 days on the cluster.", "3 days", 3, "day"),
    ],
)
def test_quantities_measures(text, fragment, value, unit):
    q = find(text, fragment)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


def test_quantities_hyphen_unit_keeps_following_noun():
    q = find("The platform combines IBM’s 1,121-qubit processor with chips.", "1,121-qubit")
    assert (q.kind, q.noun) == ("measure", "processor")
    q = find("The robot features 8-hour battery life.", "8-hour")
    assert q.noun == "battery life"


def test_quantities_counted_hyphen_unit():
    q = find("The 200-drone systems can map zones.", "200-drone")
    assert (q.value, q.unit, q.kind, q.noun) == (200, "drone", "count", "systems")


def test_quantities_slash_pair_of_nodes_is_sane():
    text = "Biren achieves 85% of Rubik’s performance using hybrid 14/7nm processes."
    qs = extract_quantities(text)
    values = [(q.value, q.unit) for q in qs if q.unit == "nm"]
    assert values == [(14, "nm"), (7, "nm")]
    assert all(q.value < 1000 for q in qs)


def test_quantities_metres_versus_millions():
    text = "It reached 5m users and ran a 100m sprint."
    assert (find(text, "5m").value, find(text, "5m").unit) == (5e6, "user")
    assert (find(text, "100m").value, find(text, "100m").unit) == (100, "m")


# ----------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    "text",
    [
        "Top 10 China AI/Robotics Developments",
        "1. Nanjing Emerges as AI Innovation Hub",
        "While No. 10 promotes “tech pluralism”, MPs demand bans.",
        "Tesla has begun mass-producing its Generation 2 Optimus humanoid.",
        "Zhipu AI released its GLM-5.2 coding model.",
        "The cluster matched the A100 on the benchmark.",
        "Using Moore’s MTT S4000 GPUs, the cluster trained.",
        "Epic Games has integrated similar tech into Unreal Engine 6, slashing costs.",
        "Tools like Google’s Genie 2 enabling real-time world creation.",
        "G7 negotiators aim for harmonised standards.",
        "US CHIPS Act Phase 2 passed.",
        "Officials announced a “5+10+N” policy framework.",
        "The PLA’s 601 Research Institute has commercialised drone swarms.",
        "The cluster runs NVIDIA Blackwell GPUs.",
        "Web3 startups and COVID-19 research continue.",
        "OpenAI released GPT-4 and Huawei shipped H20 chips.",
        "Call +1 555-123-4567 or (555) 123-4567 today.",
        "See https://example.com/report/2024/12345 or mail ops42@example.com.",
        "The meeting is at 10:30 and the service runs 24/7.",
        "The firm ranked 3rd and the lab came 21st.",
        "This is version 3 of the tool; see #1 on the list.",
        "The 3D printer uses 5G networks.",
        "Type 2 diabetes is common.",
        "The summit opened on July 12 in Geneva.",
        "The ratio was 3:1 in favour.",
        "The build 1.2.3 shipped.",
    ],
)
def test_quantities_names_ranks_and_identifiers_are_not_figures(text):
    assert extract_quantities(text) == []


def test_quantities_list_number_only_at_line_start():
    text = "Intro line\n2. Beijing Surpasses 2,400 AI Firms"
    assert texts(text) == ["2,400"]


def test_quantities_dates_are_never_figures():
    text = "In 2024, China unveiled a supercomputer; by 2028 and in Q3 2025 (2025-2030), on April 12, 2025."
    assert extract_quantities(text) == []


def test_quantities_year_like_count_before_counted_noun():
    q = find("The plant built 2025 units last quarter.", "2025")
    assert (q.value, q.unit) == (2025, "unit")


def test_quantities_citations_are_never_figures():
    text = "China unveiled a supercomputer capable of two exaflops [4], per reports [1, 4]."
    assert texts(text) == ["two exaflops"]


def test_quantities_exclude_spans_are_respected():
    text = "Over 2,400 firms earned ¥300 billion."
    assert texts(text) == ["2,400", "¥300 billion"]
    start = text.index("2,400")
    assert texts_excluding(text, [(start, start + 5)]) == ["¥300 billion"]


def test_quantities_exclude_from_other_extractors():
    text = "In 2023, China authorized 921,000 invention patents [1], a 15.3% rise [2]."
    spans = [(c.start, c.end) for c in extract_citations(text)]
    spans += [(d.start, d.end) for d in extract_dates(text, spans)]
    qs = extract_quantities(text, exclude=spans)
    assert [q.text for q in qs] == ["921,000", "15.3%"]
    for q in qs:
        assert not any(q.start < e and s < q.end for s, e in spans)


# ----------------------------------------------------------------- whole sentences


def test_quantities_all_figures_in_order():
    text = (
        "Beijing’s AI sector has achieved a milestone with over 2,400 registered enterprises and core "
        "industry revenues exceeding ¥300 billion ($41.5 billion), while 14 national AI labs and 80% of "
        "startups rely on 2 cloud platforms."
    )
    assert texts(text) == ["2,400", "¥300 billion", "$41.5 billion", "14", "80%", "2"]


def test_quantities_seed_paragraph():
    text = (
        "JD Logistics has achieved near-total automation in its 40 major warehouses, deploying 120,000 "
        "domestically produced sorting robots to handle 10 million daily parcels. Labour costs per parcel "
        "have dropped to ¥0.18 ($0.025), but worker unions report 34% layoffs in regional hubs."
    )
    qs = extract_quantities(text)
    assert [q.text for q in qs] == ["40", "120,000", "10 million", "¥0.18", "$0.025", "34%"]
    assert qs[4].equivalent_of == 3
    assert [q.start for q in qs] == sorted(q.start for q in qs)


# ----------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    ["", " ", "$", "¥", "€ £ ₹", "1" * 400, "$" + "9" * 400 + " billion", "9" * 400 + "%", "1e999",
     "٣٤٥ units", "１２３ robots", "0" * 5000, "-", "+", ".", ",", "%", "x", "[", "one", "a dozen"],
)
def test_quantities_degenerate_inputs_do_not_raise(text):
    for q in extract_quantities(text):
        assert math.isfinite(q.value)
        assert text[q.start:q.end] == q.text


def assert_well_formed(text, quantities):
    previous = -1
    for i, q in enumerate(quantities):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= previous
        previous = q.start
        assert math.isfinite(q.value)
        assert q.kind in ("count", "money", "percent", "measure", "ratio")
        if q.equivalent_of is not None:
            assert 0 <= q.equivalent_of < i


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_quantities_never_raise_on_any_text(text):
    assert_well_formed(text, extract_quantities(text))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["1", "23", "2025", "9" * 30, ",", ".", "-", "–", "—", "/", "%", "$", "¥", "€", "US$", "x",
             "k", "m", "B", "bn", " million", " billion", " ", "(", ")", "[4]", "+", "over ", "one ",
             "two", "-year", " hours", " firms", " of the top ", "Q3 ", "July ", "No. ", "A", "٣",
             "\n", "nm", "TOPS/watt"]
        ),
        max_size=25,
    ).map("".join)
)
def test_quantities_figure_soup_is_well_formed(text):
    assert_well_formed(text, extract_quantities(text))


@settings(max_examples=100, deadline=None)
@given(st.text(), st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=3))
def test_quantities_exclude_is_honoured(text, spans):
    spans = [(min(a, b), max(a, b)) for a, b in spans]
    for q in extract_quantities(text, exclude=spans):
        assert not any(q.start < e and s < q.end for s, e in spans)


@pytest.mark.slow
def test_quantities_one_long_line_full_of_figures():
    # a single line of about 1 MB: every figure found, none lost to the overlap checks
    unit = "In 2021 the mill shipped {n},250 bales and {p}% more [2] on 9 May 2020; "
    line = "".join(unit.format(n=i % 900 + 100, p=i % 80 + 1) for i in range(14200))
    assert len(line) > 1_000_000
    found = extract_quantities(line)
    assert len(found) == 2 * 14200
    assert [q.value for q in found[:4]] == [100250, 1, 101250, 2]
    assert {q.unit for q in found} == {"bale", "percent"}


def test_quantities_span_set_overlaps():
    from checker.extract.spans import SpanSet

    spans = SpanSet([(10, 20), (15, 25), (40, 50)])
    assert spans.overlaps(24, 30) and spans.overlaps(0, 11) and spans.overlaps(49, 60)
    assert not spans.overlaps(25, 40) and not spans.overlaps(0, 10) and not spans.overlaps(50, 99)
    spans.add(30, 35)
    assert spans.overlaps(34, 36) and not spans.overlaps(35, 40)


def test_quantities_medical_units_and_additions():
    found = extract_quantities("Each patient received 250 milligrams of it, 5 mL of saline and another 40 mg later.")
    assert [(q.value, q.unit, q.kind) for q in found] == [(250, "mg", "measure"), (5, "ml", "measure"), (40, "mg", "measure")]
    assert [q.change for q in found] == [None, None, "increase"]


_FRAGMENTS = [
    "Revenue rose", "3.2%", "to $4.1 billion", "in Q3 2024", "from 2021 to 2023", "between 2019 and 2022",
    "July 12-14, 2025", "[3]", "[1, 4]", "2025", "more than 2000 jobs", "FY2024", "the 1990s", "H1 2025",
    "12/2023", "2024-05-01", "of", "and", "about", "€300 million", "1H25", "3Q25", "2,025 units", "by 2030",
]


def _dated_spans(sentence):
    from checker.extract.citations import extract_citations
    from checker.extract.dates import extract_dates

    taken = [(c.start, c.end) for c in extract_citations(sentence)]
    return taken + [(d.start, d.end) for d in extract_dates(sentence, exclude=taken)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=8), st.sampled_from([" ", "–", "-", " to ", ", "]))
def test_quantities_of_a_dated_sentence_skip_the_second_date_search(parts, glue):
    sentence = glue.join(parts) + "."
    taken = _dated_spans(sentence)
    assert extract_quantities(sentence, exclude=taken, dated=True) == extract_quantities(sentence, exclude=taken)


def test_quantities_dated_flag_on_the_seed_sentences():
    from checker.ingest.documents import load_documents
    from checker.ingest.segment import split_sentences
    from tests.conftest import SEEDS

    docs, _ = load_documents([str(SEEDS)])
    sentences = {b.text[s:e] for d in docs for b in d.blocks for s, e in split_sentences(b.text)}
    assert len(sentences) > 100
    for sentence in sentences:
        taken = _dated_spans(sentence)
        assert extract_quantities(sentence, exclude=taken, dated=True) == extract_quantities(sentence, exclude=taken)


# The fast paths in extract_quantities must find exactly what the full expressions find.
_FIGURE_ALPHABET = st.sampled_from(
    list("0123456789.,-−+ $€£¥₩₹%@()/:abcUSDHK\n\t") + ["US", "US $", "US  $", "HK$", "USD", "www.", "http://", "yen", "JPY", "a@b.c"]
)
_FIGURE_TEXTS = st.lists(_FIGURE_ALPHABET, max_size=40).map("".join)


@given(_FIGURE_TEXTS)
@settings(max_examples=400, deadline=None)
def test_figure_matches_equal_the_full_figure_expression(text):
    from checker.extract.quantities import _FIGURE_RE, _figure_matches

    assert [m.span() for m in _figure_matches(text)] == [m.span() for m in _FIGURE_RE.finditer(text)]


@given(_FIGURE_TEXTS)
@settings(max_examples=400, deadline=None)
def test_skipped_spans_equal_the_full_skip_expression(text):
    from checker.extract.quantities import _SKIP_RE, _skipped_spans

    assert _skipped_spans(text) == [m.span() for m in _SKIP_RE.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Revenue was -US$5.2 billion, then +HK$ 7 and US  $9 and USD 12 and .5 of it.",
        "Call +44 20 7946 0958 or (020) 7946 0958 or 555-123-4567; mail a.b@c.org; see https://x.org/5.",
        "It cost ¥300 billion (JPY) or 300 Yen, 5-10% more than in 2023.",
    ],
)
def test_fast_paths_equal_the_full_expressions_on_examples(text):
    from checker.extract.quantities import _FIGURE_RE, _SKIP_RE, _figure_matches, _skipped_spans

    assert [m.span() for m in _figure_matches(text)] == [m.span() for m in _FIGURE_RE.finditer(text)]
    assert _skipped_spans(text) == [m.span() for m in _SKIP_RE.finditer(text)]


@pytest.mark.parametrize(
    "text, fragment, unit",
    [
        ("The cluster sustained 1.412 Eflop/s on the benchmark.", "1.412 Eflop/s", "exaflop"),
        ("The cluster sustained 1,412 Pflop/s on the benchmark.", "1,412 Pflop/s", "petaflop"),
        ("The cluster sustained 1.412 exaflops on the benchmark.", "1.412 exaflops", "exaflop"),
        ("Its efficiency is 61.3 gigaflops/watt under load.", "61.3 gigaflops/watt", "gigaflop/watt"),
        ("Its efficiency is 61.3 Gflops/watt under load.", "61.3 Gflops/watt", "gigaflop/watt"),
        ("Its efficiency is 61.3 GFLOPS/W under load.", "61.3 GFLOPS/W", "gigaflop/watt"),
        ("Its efficiency is 61.3 GigaFLOPS per watt under load.", "61.3 GigaFLOPS per watt", "gigaflop/watt"),
        ("The probe weighs 9,800 lbs with fuel.", "9,800 lbs", "lb"),
        ("The panel covers 410 square feet of the deck.", "410 square feet", "sq ft"),
        ("The lot covers 38 sq m of land.", "38 sq m", "m²"),
        ("The park spans 12 km² of wetland.", "12 km²", "km²"),
    ],
)
def test_quantities_unit_variants_are_read_as_one_canonical_unit(text, fragment, unit):
    q = find(text, fragment)
    assert (q.unit, q.kind) == (unit, "measure")


def test_quantities_a_move_from_one_level_to_another_is_two_levels_not_a_range():
    text = "Orvane stock slid from its opening price of $88.14 to $71.90 during the session."
    assert [(q.text, q.qualifier) for q in extract_quantities(text)] == [("$88.14", None), ("$71.90", None)]
    text = "Revenue climbed from $4.1 billion to $5.2 billion."
    assert [q.qualifier for q in extract_quantities(text)] == [None, None]
    # without a verb of change, "A to B" is still a range of values
    assert [q.qualifier for q in extract_quantities("Tickets cost $5 to $9 each.")] == ["at least", "at most"]


def test_quantities_chinese_figures_glued_to_characters_are_read_with_their_scale_and_currency():
    text = "该市2032年10月新建的大桥总投资为人民币3150亿元,其中地方财政出资比例为22.61%。"
    assert [(q.text, q.value, q.unit, q.kind) for q in extract_quantities(text)] == [
        ("3150亿元", 3150e8, "CNY", "money"),
        ("22.61%", 22.61, "percent", "percent"),
    ]
    twd = find("這座港口的擴建預算為新台幣1.2兆元,政府出資15.3%。", "1.2兆元")
    assert (twd.value, twd.unit) == (1.2e12, "TWD")
    assert find("该项目投资约58万元。", "58万元").value == 58e4
    # a figure glued to Latin letters is still no figure
    assert extract_quantities("The H800 and the N4 process") == []


def test_quantities_a_change_by_x_to_y_gives_the_change_and_the_level_reached():
    text = "A second grant raised the museum's budget by $14 million to $52 million."
    assert [(q.text, q.qualifier, q.change) for q in extract_quantities(text)] == [
        ("$14 million", None, "increase"),
        ("$52 million", None, None),
    ]
    text = "Turnover grew 6% to $2.4 billion."
    assert [q.change for q in extract_quantities(text)] == ["increase", None]
    # "rose 3% to 5%" may be a range of changes: it stays one
    assert [q.change for q in extract_quantities("Fares rose 3% to 5% last year.")] == ["increase", "increase"]


def test_a_label_word_used_as_a_verb_leaves_the_figure_a_quantity():
    from checker.extract.quantities import extract_quantities

    def texts(t):
        return [q.text for q in extract_quantities(t)]

    assert texts("The yard aims to build 40 ferries each year.") == ["40"]
    assert texts("Orders are expected to top $3 billion.") == ["$3 billion"]
    assert texts("The studio will release 6 titles.") == ["6"]
    # the label words themselves still label a number
    assert texts("Testers installed build 40 on Monday.") == []
    assert texts("The studio will release version 6 soon.") == []


def test_up_in_a_phrasal_verb_of_a_level_is_no_rise():
    from checker.extract.quantities import extract_quantities

    def changes(t):
        return [q.change for q in extract_quantities(t)]

    assert changes("Heat pumps make up 31% of new installations.") == [None]
    assert changes("Parking took up 12% of the site.") == [None]
    assert changes("Installations were up 31% on the year.") == ["increase"]
    assert changes("Fares went up 4%.") == ["increase"]


def test_fullwidth_digits_read_with_original_text() -> None:
    from checker.extract.quantities import extract_quantities

    qs = extract_quantities("总计５０万台。")
    assert [(q.text, q.value, q.unit) for q in qs] == [("５０万台", 500000.0, "台")]


def _read(text: str) -> list[tuple]:
    from checker.extract.quantities import extract_quantities

    return [(q.value, q.unit, q.kind) for q in extract_quantities(text)]


def test_cjk_counting_words_currencies_and_durations_after_a_figure() -> None:
    # a counting word after the figure (and its scale) is what is counted; people counters fold
    assert _read("工厂去年售出8万台设备。") == [(80000.0, "台", "count")]
    assert _read("园区内有350家企业。") == [(350.0, "家", "count")]
    assert _read("项目组有42名工程师。") == [(42.0, "person", "count")]
    # a currency after the scale, and the yuan with 人民币 after it
    assert _read("总投资达120亿美元。") == [(1.2e10, "USD", "money")]
    assert _read("注册资本为800亿元人民币。") == [(8e10, "CNY", "money")]
    # a duration, and a four-digit year that is no duration
    assert _read("合同为期15年。") == [(15.0, "year", "measure")]
    assert _read("工期约18个月。") == [(18.0, "month", "measure")]
    assert _read("公司于2011年成立。") == []


def test_table_cell_counts_what_its_row_label_names() -> None:
    # the name after the figure in its cell (a chip, a model) is no unit; the row label is
    assert _read("| Compute hours | 3.1M X900 | 2.4M |") == [(3.1e6, "hour", "measure"), (2.4e6, "hour", "measure")]
    assert _read("| Training tokens | 9.6T |") == [(9.6e12, "training token", "count")]
    # a figure with its own unit keeps it, and running text is no table
    assert _read("| Power | 21 MW |") == [(21.0, "MW", "measure")]


def test_a_letter_t_is_a_trillion_only_before_a_counted_noun_or_a_cell_end() -> None:
    assert _read("The model saw 6.2T tokens.") == [(6.2e12, "token", "count")]
    assert _read("a 3T magnet") == []


def test_a_duration_written_as_a_long_compound() -> None:
    from checker.extract.quantities import extract_quantities

    (q,) = extract_quantities("The crew began a week-long voyage.")
    assert (q.value, q.unit, q.kind, q.qualifier) == (1.0, "week", "measure", "about")
    assert [(x.value, x.unit) for x in extract_quantities("a three-month-long survey")] == [(3.0, "month")]


def test_a_label_word_used_as_a_verb_reads_the_figure_after_it() -> None:
    assert _read("They build 1,200 flats a year.") == [(1200.0, "flat", "count")]
    assert _read("The council expects to build 800 houses.") == [(800.0, "house", "count")]
    assert _read("The city did not top 40 stations.") == [(40.0, "station", "count")]
    assert _read("Build 7 shipped today.") == []
    assert _read("It rose to the top 10 list.") == []


def test_a_chinese_restatement_naming_its_currency_leaves_the_first_amount_unnamed() -> None:
    from checker.extract.quantities import extract_quantities

    qs = extract_quantities("登記資本為1500億元(約人民幣340億元)。")
    assert [(q.value, q.unit, q.equivalent_of) for q in qs] == [(1.5e11, "元", None), (3.4e10, "CNY", 0)]
    qs = extract_quantities("总投资人民币900亿元（约125亿美元）。")
    assert [(q.value, q.unit, q.equivalent_of) for q in qs] == [(9e10, "CNY", None), (1.25e10, "USD", 0)]


def test_a_chinese_month_and_day_are_no_counts() -> None:
    assert _read("该公司于3月18日宣布融资50亿元。") == [(5e9, "CNY", "money")]


def test_a_yuan_amount_with_the_cn_prefix() -> None:
    assert _read("It reserved CN¥27 billion for tooling.") == [(2.7e10, "CNY", "money")]


def test_a_unit_used_as_a_modifier_is_the_unit() -> None:
    assert _read("The dish is a 4.2 meter diameter antenna.") == [(4.2, "m", "measure")]
    assert _read("It has a 13.8 foot-wide reflector.") == [(13.8, "foot", "measure")]
    assert _read("Buyers took 40 day passes.") == [(40.0, "day pass", "count")]
    # a possessive after a name's number is no plural noun: "Falcon 9 rocket’s" stays a name
    assert _read("It rode in the Falcon 9 rocket’s fairing.") == []


def test_a_range_opened_by_a_number_word() -> None:
    from checker.extract.quantities import extract_quantities

    qs = extract_quantities("The pump should last three to 8 years.")
    assert [(q.value, q.unit, q.qualifier) for q in qs] == [(3.0, "year", "at least"), (8.0, "year", "at most")]


def test_a_change_named_before_its_figure() -> None:
    from checker.extract.quantities import extract_quantities

    assert [q.change for q in extract_quantities("Sales slid, a decline of nearly 12 percent.")] == ["decrease"]
    assert [q.change for q in extract_quantities("It posted an increase of $4 million.")] == ["increase"]
    assert [q.change for q in extract_quantities("It has a share of 30%.")] == [None]


def test_the_number_of_a_law_is_no_figure_and_its_year_no_date():
    for text in ("The Orsel Act (Regulation (OR) 2030/1177) entered into force on 3 March 2031.",
                 "Directive 2029/64 was adopted on 2 May 2029."):
        assert [d.text for d in extract_dates(text)] == [text.split(" on ")[1].rstrip(".")]
        assert extract_quantities(text, exclude=[(d.start, d.end) for d in extract_dates(text)]) == []
    # a fiscal year written with a slash stays a period, and the figures beside it figures
    text = "Revenue in 2029/30 rose 5% to 3 billion dollars."
    assert [d.value for d in extract_dates(text)] == ["2029/2030"]
    assert [q.text for q in extract_quantities(text, exclude=[(d.start, d.end) for d in extract_dates(text)])] == ["5%", "3 billion dollars"]


def test_people_a_verb_of_employing_counts_are_employees():
    units = lambda text: [q.unit for q in extract_quantities(text)]
    assert units("Orrin employs about 41,000 people.") == units("Orrin has around 41,000 employees.") == ["employee"]
    assert units("The firm has a workforce of 900 workers.") == ["employee"]
    assert units("Some 500 people attended the launch.") == ["person"]  # people, not employed by anyone said


@pytest.mark.parametrize("text, base, unit", [
    ("The port handled 9.2 million containers in 2032, up from 8.1 million in 2031.", "8.1 million", "container"),
    ("Valdor had 4,100 employees, compared with 3,650 a year earlier.", "3,650", "employee"),
    ("Deliveries reached 1.3 million vans, up 8% from 1.2 million.", "1.2 million", "van"),
])
def test_quantities_the_base_of_a_change_takes_its_unit(text, base, unit):
    q = find(text, base)
    assert (q.unit, q.kind) == (unit, "count"), q


def test_quantities_a_bare_count_after_another_clause_keeps_no_unit():
    assert find("Valdor had 40 staff; its revenue was up from 35 million.", "35 million").unit is None


@pytest.mark.parametrize(
    "text, changes",
    [
        ("Tessaro will cut its workforce by 10%, or about 1,200 jobs.", ["decrease", "decrease"]),
        ("Brisa cut 900 jobs, or nearly 6% of its staff.", ["decrease", "decrease"]),
        ("Sales rose 5% to $3 billion, or 40% of revenue.", ["increase", None, None]),
        ("Sales reached $3 billion, or 40% of revenue.", [None, None]),
    ],
)
def test_quantities_a_change_restated_after_or_is_a_change(text, changes):
    assert [q.change for q in extract_quantities(text)] == changes


@pytest.mark.parametrize(
    "text, figure, unit",
    [
        ("Global temperatures in 2031 were 1.55C above pre-industrial levels.", "1.55C", "°C"),
        ("It was 1.5 degrees Celsius warmer than the average.", "1.5 degrees Celsius", "°C"),
        ("Phoenix hit 104F on Monday.", "104F", "°F"),
        ("It was 40 degrees Fahrenheit at noon.", "40 degrees Fahrenheit", "°F"),
    ],
)
def test_quantities_degrees_written_glued_or_in_words(text, figure, unit):
    (q,) = extract_quantities(text)
    assert (q.text, q.unit, q.kind) == (figure, unit, "measure")


def test_quantities_a_degree_of_angle_and_a_code_are_no_temperature():
    assert [(q.unit, q.kind) for q in extract_quantities("The road turns 90 degrees at the bridge.")] == [("degree", "count")]
    assert extract_quantities("Patients with type 2C diabetes were excluded.") == []


def test_quantities_warmer_and_colder_are_a_difference_from_a_base():
    assert [q.change for q in extract_quantities("2031 was 1.48C warmer than the pre-industrial average.")] == ["above"]
    assert [q.change for q in extract_quantities("The lake was 3 degrees Celsius colder than usual.")] == ["below"]


def test_quantities_an_economy_expands_and_contracts_by_its_figure():
    assert [q.change for q in extract_quantities("The economy expanded 2.6% in 2031.")] == ["increase"]
    assert [q.change for q in extract_quantities("The economy contracted 1.2% in the quarter.")] == ["decrease"]
    assert [q.change for q in extract_quantities("Orrin signed contracts worth $5 million.")] == [None]


def test_quantities_one_person_a_casualty_count_tells_of_is_a_count():
    assert [(q.text, q.unit) for q in extract_quantities("Twenty-three patients were hospitalised and one child has died.")] == [
        ("Twenty-three", "patient"), ("one", "child")]
    assert [(q.text, q.unit) for q in extract_quantities("One worker was killed at the mine.")] == [("One", "worker")]
    # any other "one" is no figure
    assert extract_quantities("It is one of the largest outbreaks.") == []
    assert not [q for q in extract_quantities("One child in five lives in poverty.") if q.text.lower() == "one"]


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Orrin Bank raised 5 billion Canadian dollars in 2030.", 5e9, "CAD"),
        ("The airport cost 2.4 billion Australian dollars.", 2.4e9, "AUD"),
        ("Valdor paid 300 million Swedish crowns for the plant.", 3e8, "SEK"),
        ("The deal was worth 2.1 billion kronor.", 2.1e9, "SEK"),
        ("The fund holds 40 billion Norwegian kroner.", 4e10, "NOK"),
        ("Tickets cost 450 Czech crowns.", 450, "CZK"),
        ("Sales reached 40 billion Mexican pesos.", 4e10, "MXN"),
        ("The budget is 12 billion zlotys.", 1.2e10, "PLN"),
        ("Exports rose to 900 billion South Korean won.", 9e11, "KRW"),
        ("The bank lent 3.5 billion rand.", 3.5e9, "ZAR"),
        ("Profit was SEK 4.2 billion.", 4.2e9, "SEK"),
        ("Profit was 4.2 billion SEK.", 4.2e9, "SEK"),
        ("It raised 20 million Swiss francs.", 2e7, "CHF"),
    ],
)
def test_currencies_named_by_their_country_or_their_own_word_are_money(text, value, unit):
    """A currency a country's adjective names ("Canadian dollars", "Swedish crowns"), a word of
    one country's currency ("kronor", "zlotys") or its code after the number is money in that
    currency, not a count of "canadian dollar"."""
    (q,) = [q for q in extract_quantities(text) if q.kind == "money"]
    assert q.value == pytest.approx(value) and q.unit == unit


@pytest.mark.parametrize(
    "text",
    ["Sales reached 40 billion pesos.", "The crown jewels drew 3 million visitors.", "PHP 8.2 was released in 2022.",
     "Delegates met at COP 28 in Dubai.", "Of 40 seats, 25 won by the party."],
)
def test_a_currency_word_no_country_pins_down_or_a_code_that_is_a_word_is_no_currency(text):
    assert not [q for q in extract_quantities(text) if q.kind == "money"]
