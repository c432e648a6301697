"""Unit tests for checker.extract.citations: numeric reference markers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.citations import extract_citations


def refs(text: str) -> list[tuple[int, ...]]:
    return [c.refs for c in extract_citations(text)]


def test_citations_single_marker_after_space():
    text = "In 2024, China unveiled a domestic supercomputer capable of two exaflops [4], reclaiming a lead."
    [cit] = extract_citations(text)
    assert cit.refs == (4,)
    assert cit.text == "[4]"
    assert text[cit.start:cit.end] == "[4]"


def test_citations_list_of_refs():
    text = "particularly regarding the marketing of AI toys [1, 4]."
    [cit] = extract_citations(text)
    assert cit.refs == (1, 4)
    assert cit.text == "[1, 4]"


def test_citations_range_expands():
    assert refs("as several studies show [2-5].") == [(2, 3, 4, 5)]


def test_citations_en_dash_range_and_semicolons():
    assert refs("reported widely [2–4; 7].") == [(2, 3, 4, 7)]


def test_citations_two_digit_ref():
    assert refs("China now accounts for 24 of the world's top 100 clusters [12].") == [(12,)]


def test_citations_adjacent_markers_are_separate():
    text = "invention patents [1][4], a record."
    cits = extract_citations(text)
    assert [c.refs for c in cits] == [(1,), (4,)]
    assert [c.text for c in cits] == ["[1]", "[4]"]


def test_citations_marker_glued_to_word():
    text = "rivals other leading systems in 2026 benchmarks[5]."
    [cit] = extract_citations(text)
    assert cit.refs == (5,)
    assert text[cit.start - 1] == "s"


def test_citations_marker_after_punctuation():
    assert refs("It was reported.[3] Later, more.") == [(3,)]


@pytest.mark.parametrize(
    "text",
    [
        "The memo said the plan was 'flawless' [sic].",
        "The law was passed in that year [2023].",
        "Index from zero [0] is code.",
        "A reversed range [5-2] is not a marker.",
        "Huge range [1-900] is not a marker.",
        "Empty brackets [] and letters [a] are not markers.",
        "A thousand [1000] is too long for a reference.",
        "Parentheses (4) are not square brackets.",
    ],
)
def test_citations_non_markers_ignored(text):
    assert extract_citations(text) == []


def test_citations_sorted_and_spans_exact():
    text = "First [2], then [1, 3], and [4-6]."
    cits = extract_citations(text)
    assert [c.start for c in cits] == sorted(c.start for c in cits)
    for c in cits:
        assert text[c.start:c.end] == c.text


def test_citations_empty_string():
    assert extract_citations("") == []


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text())
def test_citations_never_raise_and_spans_are_exact(text):
    for c in extract_citations(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        assert c.refs and all(r > 0 for r in c.refs)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]0123456789,;- –x", max_size=40))
def test_citations_bracket_soup_never_raises(text):
    for c in extract_citations(text):
        assert text[c.start:c.end] == c.text
