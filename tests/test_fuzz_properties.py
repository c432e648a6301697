"""Property-based tests of the readers, the segmenter and the extractors.

What the other test files do not already cover: random BYTES through the whole
loader (decode, size and type checks, the three readers), HTML and Markdown soups
built from the constructs that have broken parsers before (unclosed comments, marked
sections, code spans over line breaks, raw HTML blocks), the claim stage's offsets on
random documents, the long-sentence limits of the segmenter, and values that must
round-trip (a figure or a date written out and read back). The long run of the same
checks is ``python -m tests.fuzz.run`` (see tests/fuzz/RESULTS.md).
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.ingest import markup_html, markup_markdown, markup_text
from checker.extract.claims import document_claims
from checker.extract.dates import extract_dates
from checker.ingest.documents import decode, load_document
from checker.errors import InputError
from checker.model import Document
from checker.extract.quantities import extract_quantities
from checker.ingest.sections import assign_sections
from checker.ingest.segment import MAX_NUMBERS, MAX_SENTENCE, split_sentences
from tests.test_documents import assert_block_offsets

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HTML_SOUP = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "<div>", "</div>", "<li>", "<td>", "<tr>", "<table>", "<h1>", "</h1>", "<title>",
         "</title>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<![if x]>", "<![",
         "<?php ", "?>", "<!DOCTYPE html>", "<a href='", "'>", '"', "<b", ">", "<", "&amp;", "&#8217;", "&#x",
         "&", ";", "&lt;script&gt;", "<br/>", "<q>", "</q>", "<blockquote>", "<meta name=date content=2024-01-02>",
         "In 2023, ", "China authorized ", "921,000 ", "patents", ". ", "$41.5 billion", " 15.3%", "\n", "\r\n",
         " ", "x", "é", "“", "”"]
    ),
    max_size=60,
).map("".join)

MARKDOWN_SOUP = st.lists(
    st.sampled_from(
        ["# ", "## ", "\n", "\n\n", "- ", "1. ", "> ", "**", "*", "_", "`", "``", "```\n", "    ", "[", "]", "(",
         ")", "![", "](http://x)", "[r]: http://r\n", "|", "| --- |", "<div>", "</div>", "<!--", "-->", "\\", "&amp;",
         "&#42;", "---\n", "title: T\n", "In 2023, ", "China authorized ", "921,000 ", "patents", ". ", "$41.5 billion",
         " 15.3%", " ", "x", "é", "“", "”", "\r\n", "\t"]
    ),
    max_size=60,
).map("".join)


def _check_blocks(blocks, text: str) -> None:
    for block in assign_sections(blocks):
        assert_block_offsets(block, text)


@FAST
@given(HTML_SOUP)
def test_fuzz_html_soup_offsets(text):
    blocks, meta = markup_html.parse_with_meta(text)
    _check_blocks(blocks, text)
    assert meta["title"] is None or isinstance(meta["title"], str)


@FAST
@given(MARKDOWN_SOUP)
def test_fuzz_markdown_soup_offsets(text):
    blocks, _ = markup_markdown.parse_with_meta(text)
    _check_blocks(blocks, text)


@FAST
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html"]))
def test_fuzz_load_random_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"doc{suffix}"
    path.write_bytes(data)
    try:
        doc = load_document(path, "d1", max_bytes=1 << 20)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path))
        return
    assert doc.text.strip()
    for block in doc.blocks:
        assert_block_offsets(block, doc.text)


@FAST
@given(st.binary(max_size=300))
def test_fuzz_decode_is_text_or_one_line_error(data):
    try:
        text = decode(data, "x")
    except InputError as exc:
        assert str(exc).startswith("x: ") and "\n" not in str(exc)
        return
    assert isinstance(text, str) and "\x00" not in text


@FAST
@given(st.text(max_size=300))
def test_fuzz_utf8_text_decodes_to_itself(text):
    assume("\x00" not in text)
    assert decode(text.encode("utf-8"), "x") == (text[1:] if text.startswith("\ufeff") else text)


@FAST
@given(st.one_of(HTML_SOUP, MARKDOWN_SOUP, st.text(max_size=200)), st.sampled_from(["text", "markdown", "html"]))
def test_fuzz_claims_point_into_the_original(text, fmt):
    reader = {"text": markup_text, "markdown": markup_markdown, "html": markup_html}[fmt]
    blocks, _ = reader.parse_with_meta(text)
    doc = Document(id="d1", path="p", text=text, format=fmt, blocks=assign_sections(blocks))
    for claim in document_claims(doc):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert (claim.line, claim.column) == doc.line_column(claim.start)
        # every visible character of the claim appears, in order, in its span of the original
        original = iter(text[claim.start : claim.end])
        for ch in claim.text:
            if ch.isspace():
                continue
            # (CommonMark has markdown-it write a NUL as U+FFFD; the CLI skips such files as binary)
            assert any(o == ch or o == "&" or (ch == "\ufffd" and o == "\x00") for o in original), (
                claim.text, text[claim.start : claim.end])
        for q in claim.quantities:
            assert claim.text[q.start : q.end] == q.text and math.isfinite(q.value)
        for d in claim.dates:
            assert claim.text[d.start : d.end] == d.text


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["$1 ", "word ", "12% ", "2023 ", "[3] ", "x" * 50, "\u00a0", ". ", "aaaa"]), min_size=50,
             max_size=800).map("".join)
)
def test_fuzz_segment_long_runs_are_cut(text):
    spans = split_sentences(text)
    pos = 0
    for s, e in spans:
        assert pos <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert e - s <= MAX_SENTENCE
        assert sum(1 for _ in __import__("re").finditer(r"\d+", text[s:e])) <= MAX_NUMBERS
        pos = e
    covered = sum(e - s for s, e in spans)
    assert covered == len("".join(text[s:e] for s, e in spans))
    assert "".join(text.split()) == "".join("".join(text[s:e].split()) for s, e in spans)


@pytest.mark.slow
@FAST
@given(st.lists(st.from_regex(r"[A-Z][a-z]{2,8}( [a-z]{2,8}){1,6} [0-9]{1,3}", fullmatch=True), min_size=1, max_size=8))
def test_fuzz_segment_round_trips_plain_sentences(sentences):
    text = " ".join(s + "." for s in sentences)
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [s + "." for s in sentences]


@FAST
@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["robots", "patents", "firms", "units"]))
def test_fuzz_quantity_count_round_trips(n, noun):
    text = f"The region counted {n:,} {noun} last year."
    qs = extract_quantities(text)
    assert len(qs) == 1
    assert qs[0].value == n and qs[0].text.startswith(f"{n:,}")
    assert text[qs[0].start : qs[0].end] == qs[0].text


@FAST
@given(
    st.decimals(min_value=1, max_value=999, places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from([("million", 1e6), ("billion", 1e9), ("trillion", 1e12)]),
    st.sampled_from([("$", "USD"), ("€", "EUR"), ("¥", "CNY")]),
)
def test_fuzz_quantity_money_round_trips(amount, scale, currency):
    word, factor = scale
    symbol, code = currency
    text = f"Investment reached {symbol}{amount} {word} this year."
    qs = extract_quantities(text)
    assert len(qs) == 1
    q = qs[0]
    assert q.unit == code and q.kind == "money"
    assert math.isclose(q.value, float(amount) * factor, rel_tol=1e-9)


@FAST
@given(st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False))
def test_fuzz_quantity_percent_round_trips(x):
    text = f"The share rose to {x}% in the survey."
    qs = [q for q in extract_quantities(text) if q.kind == "percent"]
    assert len(qs) == 1 and math.isclose(qs[0].value, float(x))


@FAST
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_fuzz_dates_round_trip(day):
    month = day.strftime("%B")
    forms = [
        (f"The law took effect on {month} {day.day}, {day.year}, after a vote.", day.isoformat(), "day"),
        (f"Sales fell in {month} {day.year} across the region.", f"{day.year}-{day.month:02d}", "month"),
        (f"Output doubled in {day.year} for the first time.", str(day.year), "year"),
        (f"Profit grew in Q{(day.month - 1) // 3 + 1} {day.year} again.", f"{day.year}-Q{(day.month - 1) // 3 + 1}",
         "quarter"),
    ]
    for text, value, granularity in forms:
        found = extract_dates(text)
        assert [(d.value, d.granularity) for d in found] == [(value, granularity)], text
        assert found[0].first <= found[0].last
