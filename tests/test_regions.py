"""Places: a country's names, adjectives of place, and which region lies in which
(checker/frame/regions.py). General geography; names of our own choosing."""

from __future__ import annotations

from checker.frame.regions import adjective_place, canonical_place, region_within, regions_apart


def test_a_countrys_names_are_written_one_way():
    assert canonical_place("the U.S.") == canonical_place("America") == canonical_place("United States") == "united states"
    assert canonical_place("Britain") == canonical_place("the UK") == "united kingdom"
    assert canonical_place("the Netherlands") == canonical_place("Holland")
    assert canonical_place("Lisbon") == "lisbon"


def test_adjectives_of_place():
    assert adjective_place("European") == "europe" and adjective_place("Chinese") == "china"
    assert adjective_place("South Korean") == "south korea" and adjective_place("american") == "united states"
    assert adjective_place("quarterly") is None and adjective_place("global") is None


def test_which_region_lies_in_which():
    assert region_within("Arizona", "the United States") is True
    assert region_within("Arizona", "Japan") is False
    assert region_within("Germany", "Europe") is True and region_within("Japan", "Europe") is False
    assert region_within("Texas", "North America") is True and region_within("Texas", "Asia") is False
    assert region_within("Russia", "Asia") is True and region_within("Russia", "Europe") is True  # on two continents
    assert region_within("Punjab", "Pakistan") is True and region_within("Punjab", "India") is True  # two countries' state
    # what claimgraph holds no list for: a city, a world region of no continent
    assert region_within("Lisbon", "Portugal") is None and region_within("Japan", "the Middle East") is None
    assert region_within("Europe", "Japan") is None


def test_regions_apart_only_where_known():
    assert regions_apart("Arizona", "Japan") and regions_apart("Europe", "Japan") and regions_apart("Texas", "Europe")
    assert not regions_apart("Arizona", "US") and not regions_apart("Germany", "Europe")
    assert not regions_apart("Lisbon", "Spain") and not regions_apart("Japan", "Southeast Asia")


def test_the_nations_of_the_united_kingdom_lie_in_it():
    assert region_within("England", "the UK") is True and region_within("Scotland", "Britain") is True
    assert not regions_apart("England", "United Kingdom") and regions_apart("England", "France")
    assert region_within("Hong Kong", "China") is True and region_within("Wales", "Europe") is True
