"""Tests for sentence splitting (checker.ingest.segment)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.ingest.segment import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


def test_segment_seed_sentences_with_citations_are_whole() -> None:
    line = next(ln for ln in seed_lines() if ln.startswith("Robotics development is centered"))
    got = sentences(line)
    assert got[-1] == (
        "In 2023, China authorized 921,000 invention patents [1], "
        "representing a 15.3% year-on-year increase [2]."
    )
    assert len(got) == 3


def test_segment_seed_money_and_decimals_not_split() -> None:
    line = next(ln for ln in seed_lines() if ln.startswith("Beijing’s AI sector has achieved"))
    got = sentences(line)
    assert got[0] == (
        "Beijing’s AI sector has achieved a milestone with over 2,400 registered enterprises and core "
        "industry revenues exceeding ¥300 billion ($41.5 billion), driven by state-backed compute "
        "infrastructure and regulatory sandboxes."
    )
    assert len(got) == 6


def test_segment_seed_em_dash_sentence_whole() -> None:
    line = next(ln for ln in seed_lines() if ln.startswith("The PLA’s 601 Research"))
    assert (
        "Derived from military reconnaissance tech, the 200-drone systems can map disaster zones in "
        "12 minutes—85% faster than manual teams."
    ) in sentences(line)


def test_segment_seed_no_10_and_quotes() -> None:
    line = next(ln for ln in seed_lines() if ln.startswith("A declassified GCHQ"))
    got = sentences(line)
    assert "While No. 10 promotes “tech pluralism”, backbench MPs demand Huawei-style bans." in got
    assert got[-1].endswith("given China’s 75% global AI patent share.")
    assert len(got) == 6


def test_segment_seed_citation_list_at_end() -> None:
    line = next(ln for ln in seed_lines() if ln.startswith("However, this rapid pace"))
    got = sentences(line)
    assert len(got) == 2 and got[1].endswith("marketing of AI toys [1, 4].")


def test_segment_headline_without_full_stop_is_one_sentence() -> None:
    text = "Beijing Surpasses 2,400 AI Firms as Core Industry Revenue Tops ¥300 Billion"
    assert split_sentences(text) == [(0, len(text))]
    text = "Global AI & Robotics Report: China’s Domestic Surge vs. International Regulatory Crossroads"
    assert sentences(text) == [text]


def test_segment_abbreviations() -> None:
    text = (
        "The U.S. economy grew 2.5% in 2024. Dr. Smith compared China vs. India. "
        "Firms, e.g. Huawei, i.e. the leaders, grew. J. Smith agreed. See Fig. 3 and No. 10 here."
    )
    assert sentences(text) == [
        "The U.S. economy grew 2.5% in 2024.",
        "Dr. Smith compared China vs. India.",
        "Firms, e.g. Huawei, i.e. the leaders, grew.",
        "J. Smith agreed.",
        "See Fig. 3 and No. 10 here.",
    ]


def test_segment_dotted_abbreviation_before_sentence_opener() -> None:
    assert sentences("Talks stalled with the U.S. The deal fell through.") == [
        "Talks stalled with the U.S.",
        "The deal fell through.",
    ]
    assert sentences("Officials in the U.S. Congress agreed.") == ["Officials in the U.S. Congress agreed."]


def test_segment_citations_before_or_after_full_stop() -> None:
    assert sentences("It grew 5% [1, 4]. Then it fell 3% [2].") == ["It grew 5% [1, 4].", "Then it fell 3% [2]."]
    assert sentences("It grew 5%. [3] Then it fell.") == ["It grew 5%. [3]", "Then it fell."]
    assert sentences("It grew 5%.[3][4] Then it fell.") == ["It grew 5%.[3][4]", "Then it fell."]


def test_segment_closing_quotes() -> None:
    assert sentences("He said “revenue is up 5%.” Then he left.") == [
        "He said “revenue is up 5%.”",
        "Then he left.",
    ]
    assert sentences("She called it “a record”. Profits rose.") == ["She called it “a record”.", "Profits rose."]
    assert sentences("“Why now?” he asked. Nobody knew.") == ["“Why now?” he asked.", "Nobody knew."]


def test_segment_exclamation_question_ellipsis_and_cjk() -> None:
    assert sentences("Is it 5%? Yes! It is... Maybe.") == ["Is it 5%?", "Yes!", "It is...", "Maybe."]
    assert sentences("中国很大。美国也大。") == ["中国很大。", "美国也大。"]


def test_segment_numbered_prefix_not_a_sentence() -> None:
    assert sentences("1. Nanjing Emerges as AI Innovation Hub") == ["1. Nanjing Emerges as AI Innovation Hub"]


def test_segment_spans_stripped_and_cover_text() -> None:
    text = "  First one.   Second one.  "
    spans = split_sentences(text)
    assert sentences(text) == ["First one.", "Second one."]
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())
    assert split_sentences("") == [] and split_sentences("   ") == []


def test_segment_repeated_sentences_get_distinct_spans() -> None:
    text = "Repeat 5%. Repeat 5%. Repeat 5%."
    assert split_sentences(text) == [(0, 10), (11, 21), (22, 32)]


def test_segment_agrees_with_pysbd_on_seeds() -> None:
    pysbd = __import__("pysbd")
    seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
    for line in seed_lines():
        expected = [s.strip() for s in seg.segment(line) if s.strip()]
        assert sentences(line) == expected, line


def test_segment_is_linear(monkeypatch) -> None:
    """Guards: splitting is linear in the text's length. The seeds' text joined into one
    string, 1x and 10x, and the work counted (Python lines run plus characters handed to
    the regexes, characters scanned or sliced out of the text, :mod:`tests.workcount`;
    no clock): linear is 10.0x; a scan of the rest of the text per sentence
    (``text[end:].count(".")``) measured 94x, a Python pass over the sentences found so
    far, per sentence, 18x. Under 15x passes. The speed in sentences a second is printed
    by ``bench/input_timings.py``, not tested."""
    from tests.workcount import growth

    text = " ".join(seed_lines())
    ratio, small, large = growth(monkeypatch, split_sentences, text, " ".join([text] * 10), text=True)
    assert len(split_sentences(text)) > 50
    assert ratio < 15, (ratio, small, large)


_ALPHABET = st.sampled_from(
    list("aZ1 .!?,;:%”“\"'()[]\n\t…。—") + ["U.S.", "e.g.", "No. ", "[1, 4]", "Dr. ", "41.5", " The", "vs."]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ALPHABET, max_size=50).map("".join) | st.text(max_size=80))
def test_segment_never_raises_and_spans_are_ordered(text: str) -> None:
    spans = split_sentences(text)
    pos = 0
    for s, e in spans:
        assert pos <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        pos = e
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


def test_segment_cjk_semicolon_ends_a_clause() -> None:
    assert sentences("公司去年营收为120亿元；今年预计增长到150亿元。") == [
        "公司去年营收为120亿元；",
        "今年预计增长到150亿元。",
    ]
