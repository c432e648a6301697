"""Tests for reading files into documents: discovery, decoding, the three markup
readers (plain text, Markdown, HTML), titles, dates and sections."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.ingest import markup_html, markup_markdown, markup_text
from checker.extract.dates import find_dateline, parse_date
from checker.ingest.documents import (
    SUFFIXES,
    discover,
    load_document,
    load_documents,
)
from checker.errors import InputError
from checker.model import Block, Document
from checker.ingest.sections import assign_sections, is_summary_heading

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_2025 = SEEDS / "global-ai-robotics-report-2025-04-12.txt"
SEED_2026 = SEEDS / "china-ai-robotics-2026.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "docs"


# --------------------------------------------------------------------------- helpers


def assert_block_offsets(block: Block, text: str) -> None:
    """Every non-space char of ``block.text`` is the char at its offset in ``text``.

    A char decoded from an HTML/Markdown entity (``&amp;``) maps to the entity's
    ``&``; one from a Markdown backslash escape maps to the escaped char itself.
    """
    assert len(block.offsets) == len(block.text) + 1, block
    assert block.text == block.text.strip() and block.text, block
    virtual = _context_length(block)
    for i, ch in enumerate(block.text):
        off = block.offsets[i]
        if i < virtual:  # a table cell's row label and column header, placed at the cell
            assert off == block.offsets[virtual], block
            continue
        assert 0 <= off < len(text), (block.text, i, off)
        if ch == " ":
            continue
        assert text[off] == ch or text[off] == "&", (block.text, i, ch, text[off : off + 10])
    assert block.offsets[-1] <= len(text)
    assert block.offsets[-1] > block.offsets[len(block.text) - 1]
    assert list(block.offsets) == sorted(block.offsets), block


def _context_length(block: Block) -> int:
    """How many characters of a table cell's block are its context ("Row — Header: "), which
    map to the cell's first character (checker.ingest.tables)."""
    if block.kind != "table_cell":
        return 0
    same = 0
    while same < len(block.text) and block.offsets[same] == block.offsets[0]:
        same += 1
    head = block.text[: same - 1]
    return same - 1 if head.endswith(": ") else 0


def assert_document_offsets(doc: Document) -> None:
    assert doc.blocks, doc.path
    for block in doc.blocks:
        assert_block_offsets(block, doc.text)
        assert block.section in ("body", "summary", "headline", "quote")


def load(path: Path, doc_id: str = "d1") -> Document:
    return load_document(path, doc_id, path.name)


def by_text(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


@pytest.fixture(scope="module")
def seed_2025() -> Document:
    return load(SEED_2025)


@pytest.fixture(scope="module")
def seed_2026() -> Document:
    return load(SEED_2026)


# --------------------------------------------------------------------------- discovery


def test_documents_discover_folder_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.md").write_text("# Two\n", encoding="utf-8")
    (tmp_path / "a" / "deep" / "three.HTML").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "a" / "one.txt").write_text("one\n", encoding="utf-8")
    (tmp_path / "a" / "skip.odt").write_bytes(b"PK")
    (tmp_path / ".git" / "hidden.txt").write_text("no\n", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("no\n", encoding="utf-8")
    files, warnings = discover([str(tmp_path)])
    names = [f.relative_to(tmp_path).as_posix() for f in files]
    assert names == ["a/deep/three.HTML", "a/one.txt", "b/two.md"]
    assert warnings == []
    assert discover([str(tmp_path)]) == (files, warnings)


def test_documents_discover_missing_path_raises(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as info:
        discover([missing])
    assert str(info.value) == f"no such file or directory: {missing}"


def test_documents_discover_unknown_suffix_named_explicitly_warns(tmp_path: Path) -> None:
    pdf = tmp_path / "report.odt"
    pdf.write_bytes(b"PK\x03\x04")
    txt = tmp_path / "report.txt"
    txt.write_text("Hello\n", encoding="utf-8")
    files, warnings = discover([str(pdf), str(txt), str(txt)])
    assert files == [txt]
    assert len(warnings) == 1 and warnings[0].startswith(f"{pdf}:")


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_documents_discover_survives_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("a\n", encoding="utf-8")
    os.symlink(tmp_path / "docs", tmp_path / "docs" / "loop")
    files, _ = discover([str(tmp_path)])
    assert [f.name for f in files] == ["a.txt"]


def test_documents_suffixes_cover_the_five_formats() -> None:
    assert set(SUFFIXES.values()) == {"text", "markdown", "html", "docx", "pdf"}


# --------------------------------------------------------------------------- decoding


def test_documents_utf8_bom_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffRevenue rose 5% in 2024.\n".encode("utf-8"))
    doc = load(path)
    assert doc.text.startswith("Revenue")
    assert doc.blocks[0].offsets[0] == 0
    assert_document_offsets(doc)


def test_documents_non_utf8_decoded_with_charset_detection(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    body = "Le chiffre d’affaires a progressé de 5 % en 2024, selon le ministère de l’Économie."
    path.write_bytes(((body + "\n") * 3).encode("cp1252"))
    doc = load(path)
    assert "progressé" in doc.text and "’" in doc.text
    assert_document_offsets(doc)


def test_documents_binary_file_raises_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(InputError) as info:
        load_document(path, "d1", "image.txt")
    message = str(info.value)
    assert "image.txt" in message and "\n" not in message


def test_documents_load_documents_warns_and_skips_unreadable(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Revenue rose 5%.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.md").write_text("# C\n\nText 3.\n", encoding="utf-8")
    docs, warnings = load_documents(["."])
    assert [(d.id, d.path) for d in docs] == [("d1", "a.txt"), ("d2", "c.md")]
    assert len(warnings) == 1 and warnings[0].startswith("b.txt: ")


def test_documents_display_path_absolute_outside_cwd(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "x.txt").write_text("Hello there.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "in")
    docs, _ = load_documents([str(tmp_path / "out")])
    assert docs[0].path == (tmp_path / "out" / "x.txt").as_posix()


def test_documents_crlf_and_cr_newlines_keep_offsets(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title Line Of The Report Here\r\nOne line has 5 items.\r\n\r\nSecond line.\rThird line 7%.\r\n")
    doc = load(path)
    assert "\r\n" in doc.text
    assert [b.text for b in doc.blocks] == [
        "Title Line Of The Report Here",
        "One line has 5 items.",
        "Second line.",
        "Third line 7%.",
    ]
    assert_document_offsets(doc)
    third = doc.blocks[3]
    assert doc.line_column(third.offsets[0]) == (5, 1)


# --------------------------------------------------------------------------- seeds


def test_documents_seed_offsets_exact(seed_2025: Document, seed_2026: Document) -> None:
    assert_document_offsets(seed_2025)
    assert_document_offsets(seed_2026)


def test_documents_seed_2025_title_and_date(seed_2025: Document) -> None:
    assert seed_2025.format == "text"
    assert seed_2025.title == (
        "Global AI & Robotics Report: China’s Domestic Surge vs. International Regulatory Crossroads"
    )
    assert seed_2025.date == "2025-04-12"
    assert by_text(seed_2025, "Global AI & Robotics").kind == "title"
    assert by_text(seed_2025, "A robot grabs an apple").kind == "heading"


def test_documents_seed_2025_numbered_headline_stripped(seed_2025: Document) -> None:
    block = by_text(seed_2025, "Beijing Surpasses")
    assert block.text == "Beijing Surpasses 2,400 AI Firms as Core Industry Revenue Tops ¥300 Billion"
    assert block.kind == "heading" and block.section == "headline"
    assert seed_2025.text[block.offsets[0] - 3 : block.offsets[0]] == "2. "


def test_documents_seed_2025_summary_sections(seed_2025: Document) -> None:
    summary = [b.text for b in seed_2025.blocks if b.section == "summary"]
    assert len(summary) == 15
    assert summary[0] == "China’s regional AI clusters now contribute 68% of national AI GDP"
    assert "Huawei (China): Ascend chips power 42% of new AI projects" in summary
    assert summary[-1] == "UN Autonomous Weapons Convention Draft"
    assert all(b.kind == "list_item" for b in seed_2025.blocks if b.section == "summary")
    body = by_text(seed_2025, "Beijing’s AI sector has achieved")
    assert body.section == "body" and body.kind == "paragraph"


def test_documents_seed_2025_bullets_stripped_with_offsets(seed_2025: Document) -> None:
    block = by_text(seed_2025, "Global robot installations up 35%")
    line_start = seed_2025.text.rfind("\n", 0, block.offsets[0]) + 1
    assert seed_2025.text[line_start : block.offsets[0]] == "  • "


def test_documents_seed_2025_boilerplate_dropped(seed_2025: Document) -> None:
    texts = [b.text for b in seed_2025.blocks]
    assert not any(t.startswith(("Sharetotal", "Leave a Comment", "RSS", "Wordpress")) for t in texts)


def test_documents_seed_2026_quote_and_body(seed_2026: Document) -> None:
    quote = by_text(seed_2026, "“China now accounts")
    assert quote.kind == "quote" and quote.section == "quote"
    assert all(b.section in ("body", "quote") for b in seed_2026.blocks)
    assert seed_2026.date is None
    assert len(seed_2026.blocks) == 8


# --------------------------------------------------------------------------- plain text


def test_markup_text_pull_quote_variants() -> None:
    assert markup_text.is_pull_quote("“China now accounts for 24 of 100.”")
    assert markup_text.is_pull_quote('"Compliance is not optional".')
    assert markup_text.is_pull_quote("“We will lead.” — Li Qiang")
    assert not markup_text.is_pull_quote("“A” and “B” both said so.")
    assert not markup_text.is_pull_quote('He said "yes".')


def test_markup_text_kinds() -> None:
    text = "Weekly Update\n\n1. Short Numbered Headline\n2. A numbered item that is a full sentence.\n- dash item\nBody sentence here.\n"
    blocks = markup_text.parse(text)
    assert [(b.kind, b.text) for b in blocks] == [
        ("title", "Weekly Update"),
        ("heading", "Short Numbered Headline"),
        ("list_item", "A numbered item that is a full sentence."),
        ("list_item", "dash item"),
        ("paragraph", "Body sentence here."),
    ]
    for b in blocks:
        assert_block_offsets(b, text)


def test_markup_text_fixture_notes() -> None:
    doc = load(FIXTURES / "notes.txt")
    assert_document_offsets(doc)
    assert doc.title == "Weekly AI Robotics Bulletin: Shenzhen and Beijing Updates"
    assert doc.date == "2025-03-03"
    assert by_text(doc, "Published").section == "body"
    assert by_text(doc, "Shenzhen Leads").section == "headline"
    assert by_text(doc, "1,200 fintech firms in Shenzhen").section == "summary"
    assert by_text(doc, "Beijing revenue").section == "summary"
    assert by_text(doc, "“Shenzhen hosts").section == "quote"
    assert not any(b.text.startswith(("Leave", "Sharetotal")) for b in doc.blocks)


# --------------------------------------------------------------------------- markdown


@pytest.fixture(scope="module")
def md_doc() -> Document:
    return load(FIXTURES / "report.md")


def test_markup_markdown_offsets_exact(md_doc: Document) -> None:
    assert md_doc.format == "markdown"
    assert_document_offsets(md_doc)


def test_markup_markdown_front_matter_title_and_date(md_doc: Document) -> None:
    assert md_doc.title == "Beijing AI Brief"
    assert md_doc.date == "2025-04-12"
    assert not any("tags" in b.text for b in md_doc.blocks)


def test_markup_markdown_inline_markup_removed(md_doc: Document) -> None:
    para = by_text(md_doc, "Beijing’s AI sector")
    assert "**" not in para.text and "https://" not in para.text and "`" not in para.text
    assert "over 2,400 registered enterprises and core industry revenues" in para.text
    assert "($41.5 billion) [1]. The capital" in para.text
    assert "e.g. the *Zhongguancun* lab — see lab-1." in para.text  # escapes and &mdash;
    heading = md_doc.blocks[0]
    assert heading.kind == "title" and heading.text == "Beijing Surpasses 2,400 AI Firms & Counting"


def test_markup_markdown_kinds_and_sections(md_doc: Document) -> None:
    kinds = {b.text: (b.kind, b.section) for b in md_doc.blocks}
    assert kinds["Key Takeaways"] == ("heading", "headline")
    assert kinds["Core revenue tops ¥300 billion"] == ("list_item", "summary")
    assert kinds["Over 2,400 firms, per the city report"] == ("list_item", "summary")
    assert kinds["Firms & labs"] == ("table_cell", "summary")
    assert kinds["Revenue | CNY"] == ("table_cell", "summary")
    assert kinds["Firms & labs — Value: 2,400"] == ("table_cell", "summary")  # with its row label and header
    assert kinds["Revenue | CNY — Value: ¥300 billion"] == ("table_cell", "summary")
    assert kinds["Analysts caution that over 80% of startups rely on two cloud platforms."] == ("quote", "quote")
    assert kinds["“Beijing now hosts 14 national AI labs.”"] == ("quote", "quote")
    assert kinds["HTML block: 12 labs & 3 parks."] == ("paragraph", "body")
    assert not any("revenue =" in t for t in kinds)  # fenced code skipped
    assert not any("robot grabs" in t for t in kinds)  # image alt text skipped


def test_markup_markdown_crlf_same_blocks() -> None:
    text = (FIXTURES / "report.md").read_text(encoding="utf-8")
    crlf = text.replace("\n", "\r\n")
    a, b = markup_markdown.parse(text), markup_markdown.parse(crlf)
    assert [x.text for x in a] == [x.text for x in b]
    for block in b:
        assert_block_offsets(block, crlf)


# --------------------------------------------------------------------------- html


@pytest.fixture(scope="module")
def html_doc() -> Document:
    return load(FIXTURES / "report.html")


def test_markup_html_offsets_exact(html_doc: Document) -> None:
    assert html_doc.format == "html"
    assert_document_offsets(html_doc)


def test_markup_html_title_and_meta_date(html_doc: Document) -> None:
    assert html_doc.title == "Shenzhen Mandates AI Ethics Reviews for All Fintech Startups"
    assert html_doc.date == "2025-07-01"
    assert html_doc.blocks[0].kind == "title"


def test_markup_html_entities_map_to_entity_start(html_doc: Document) -> None:
    para = by_text(html_doc, "Early tests")
    assert "could reach ¥2 million ($276,000)—a barrier" in para.text
    yen = para.text.index("¥")
    assert html_doc.text.startswith("&yen;", para.offsets[yen])
    dash = para.text.index("—")
    assert html_doc.text.startswith("&mdash;", para.offsets[dash])


def test_markup_html_skips_script_style_nav_noscript(html_doc: Document) -> None:
    texts = " ".join(b.text for b in html_doc.blocks)
    assert "not text" not in texts and "color" not in texts
    assert "Home" not in texts and "JavaScript" not in texts


def test_markup_html_kinds_and_sections(html_doc: Document) -> None:
    kinds = {b.text: (b.kind, b.section) for b in html_doc.blocks}
    assert kinds["Key Points"] == ("heading", "headline")
    assert kinds["Effective July 2025"] == ("list_item", "summary")
    assert kinds["Applies to all fintech firms"] == ("list_item", "summary")
    assert kinds["“This is a first for China,” an official said."] == ("quote", "quote")
    assert kinds["Compliance is not optional."] == ("quote", "quote")
    assert kinds["Shenzhen — Firms: 1,200"] == ("table_cell", "summary")  # the cell with its row and column
    assert kinds["Unclosed paragraph with emphasis"] == ("paragraph", "body")
    assert kinds["deeper text © 2025"] == ("paragraph", "body")


def test_markup_html_deep_nesting_no_recursion_error() -> None:
    depth = 50_000
    text = "<div>" * depth + "<p>Deep 5%</p>" + "</div>" * depth + "</span>" * 1000
    blocks = markup_html.parse(text)
    assert [b.text for b in blocks] == ["Deep 5%"]
    assert_block_offsets(blocks[0], text)


@pytest.mark.parametrize(
    "text",
    ["<", "&", "&#", "&#xZZZ;", "<!--", "<![CDATA[x", "<a href='x", "</>", "<p>&#0;&#x110000;</p>",
     "<html><head><title>T</title><p>No body tag", "<table><td>a<td>b", "<p>a<p>b</li></ul>",
     "<script>unclosed", "<title>Only a title</title>", "<p>&notanentity; &amp</p>"],
)
def test_markup_html_broken_input_does_not_crash(text: str) -> None:
    blocks, meta = markup_html.parse_with_meta(text)
    for block in blocks:
        assert_block_offsets(block, text)


# --------------------------------------------------------------------------- dates


def test_documents_dateline_formats() -> None:
    assert find_dateline(["April 12, 2025 — This comprehensive analysis tracks..."]) == "2025-04-12"
    assert find_dateline(["12 April 2025"]) == "2025-04-12"
    assert find_dateline(["2025-04-12"]) == "2025-04-12"
    assert find_dateline(["Published: Apr. 3, 2024"]) == "2024-04-03"
    assert find_dateline(["BEIJING, April 12, 2025 — Officials said"]) == "2025-04-12"
    assert find_dateline(["By Jane Doe | 3 March 2025"]) == "2025-03-03"
    assert find_dateline(["March 3, 2025 was a turning point for the sector."]) is None
    assert find_dateline(["In 2023, China authorized 921,000 invention patents on April 1, 2023."]) is None
    assert find_dateline(["x"] * 15 + ["April 12, 2025 — too far down"]) is None


def test_documents_a_date_under_a_profile_label_is_not_the_pages() -> None:
    # a forum post's author box: "Joined" on one line, the member's date on the next
    assert find_dateline(["Ann Vale", "Joined", "Aug 19, 2017", "Messages"]) is None
    assert find_dateline(["Member since:", "3 March 2019", "Posted", "April 12, 2025"]) == "2025-04-12"
    assert find_dateline(["Ann Vale", "Aug 19, 2017", "Messages"]) == "2017-08-19"  # no label: the page's date
    assert find_dateline(["By Ann Vale", "Aug 19, 2017"]) == "2017-08-19"


def test_documents_parse_date_metadata_values() -> None:
    assert parse_date("2025-07-01T08:00:00Z") == "2025-07-01"
    assert parse_date("Sat, 12 Apr 2025 10:00:00 GMT") == "2025-04-12"
    assert parse_date("2025-02-30") is None
    assert parse_date("") is None


# --------------------------------------------------------------------------- sections


def _b(kind: str, text: str) -> Block:
    return Block(kind=kind, section="body", text=text, offsets=tuple(range(len(text) + 1)))


def test_sections_summary_until_next_plain_heading() -> None:
    blocks = [
        _b("title", "Report"),
        _b("paragraph", "Body 1."),
        _b("heading", "Key Takeaways"),
        _b("list_item", "Point 1"),
        _b("heading", "Policy Tracker:"),
        _b("list_item", "Point 2"),
        _b("quote", "“Quoted.”"),
        _b("heading", "Analysis"),
        _b("paragraph", "Body 2."),
    ]
    out = assign_sections(blocks)
    assert [b.section for b in out] == [
        "headline", "body", "headline", "summary", "headline", "summary", "quote", "headline", "body",
    ]
    assert blocks[1].section == "body" and out[3] is not blocks[3]


def test_sections_summary_heading_names() -> None:
    for name in ["Key Takeaways", "TL;DR", "At a Glance", "By the Numbers", "Company Watchlist",
                 "Highlights:", "Executive Summary", "Summary"]:
        assert is_summary_heading(name), name
    for name in ["Beijing Surpasses 2,400 AI Firms", "Analysis", "Top 10 China AI/Robotics Developments"]:
        assert not is_summary_heading(name), name


def test_sections_summary_label_paragraph() -> None:
    out = assign_sections([_b("paragraph", "Key Takeaways:"), _b("list_item", "Revenue up 5%")])
    assert [b.section for b in out] == ["summary", "summary"]


# --------------------------------------------------------------------------- properties

_MARKUP_ALPHABET = st.sampled_from(
    list("ab Z1.,\n\r\t") + ["**", "_", "`", "[", "](", ")", "#", "- ", "> ", "|", "&amp;", "&#8217;", "&",
                             "\\", "<p>", "</p>", "<b>", "<br>", "<h1>", "</div>", "“", "”", "---\n", "1. ", "•"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_MARKUP_ALPHABET, max_size=60).map("".join))
def test_documents_readers_never_crash_and_offsets_in_range(text: str) -> None:
    for module in (markup_text, markup_markdown, markup_html):
        blocks, _meta = module.parse_with_meta(text)
        for block in assign_sections(blocks):
            assert_block_offsets(block, text)


def test_markup_markdown_link_destinations_are_not_text() -> None:
    text = "See [u](http://u.example/u) u and ![u](u.png) [ref][r] done.\n\n[r]: http://r.example\n"
    blocks = markup_markdown.parse(text)
    assert [b.text for b in blocks] == ["See u u and ref done."]
    assert_block_offsets(blocks[0], text)
    u2 = blocks[0].text.index("u u") + 2
    assert text[blocks[0].offsets[u2] - 1 : blocks[0].offsets[u2] + 4] == " u an"


def test_documents_unknown_entity_keeps_offsets() -> None:
    from checker.ingest.markup_html import parse

    src = "<p>$41.5 billion&patents and &ampfoo</p>"
    (block,) = parse(src)
    assert block.text == "$41.5 billion&patents and &foo"
    s, e = block.original_span(0, len(block.text))
    assert src[s:e] == "$41.5 billion&patents and &ampfoo"
    i = block.text.index("patents")
    assert src[block.offsets[i]] == "p"


def test_documents_a_block_that_is_only_the_dateline_states_no_claim() -> None:
    from checker.extract.claims import document_claims
    from checker.extract.dates import locate_dateline
    from checker.ingest.documents import parse_document

    assert locate_dateline(["Title", "Published July 18, 2024"]) == (1, "2024-07-18", True)
    assert locate_dateline(["By Jane Doe | 3 March 2025"]) == (0, "2025-03-03", True)
    assert locate_dateline(["April 12, 2025 — Officials said exports rose 5%."])[2] is False

    text = "Robotics at a turning point\n\nPublished July 18, 2024\n\nKelda Motors shipped 20,700 robots in 2023.\n"
    doc = parse_document(text, "text", "d1", "a.txt")
    assert doc.date == "2024-07-18"
    assert [c.text for c in document_claims(doc)] == ["Kelda Motors shipped 20,700 robots in 2023."]

    html = (
        '<html><head><meta name="date" content="2026-01-27"></head><body><h1>T</h1>'
        '<p class="dateline">January 27, 2026</p>'
        "<p>March 3, 2025 — Exports were worth $5 billion in 2023.</p></body></html>"
    )
    doc = parse_document(html, "html", "d1", "a.html")
    assert doc.date == "2026-01-27"  # the metadata wins; the dateline paragraph is still no claim
    assert [c.text for c in document_claims(doc)] == ["March 3, 2025 — Exports were worth $5 billion in 2023."]


def test_sections_a_summary_label_ends_with_the_first_paragraph_after_its_list() -> None:
    out = assign_sections(
        [
            _b("paragraph", "Key Takeaways:"),
            _b("list_item", "Revenue up 5%"),
            _b("list_item", "Margins at 12%"),
            _b("paragraph", "The company said revenue rose 5% in 2024."),
            _b("paragraph", "Margins reached 12% in the same year."),
        ]
    )
    assert [b.section for b in out] == ["summary", "summary", "summary", "body", "body"]
    # a summary written as paragraphs, with no list, stays a summary up to the next heading
    out = assign_sections([_b("paragraph", "Key Takeaways:"), _b("paragraph", "Revenue up 5%"), _b("heading", "Details"),
                           _b("paragraph", "Revenue rose 5%.")])
    assert [b.section for b in out] == ["summary", "summary", "headline", "body"]


_COLLAPSE_CHARS = st.sampled_from(list(" \t\n\r\u00a0\u2003\u3000ab.é€\u200b\ufeff\u00ad") + ["&amp;", ""])


@settings(max_examples=400, deadline=None)
@given(st.lists(_COLLAPSE_CHARS, max_size=30), st.booleans(), st.integers(0, 5))
def test_collapse_matches_the_one_item_at_a_time_reference(chars, with_ends, empty_at):
    offsets = [3 * i + 1 for i in range(len(chars))]
    ends = [o + 2 for o in offsets] if with_ends else None
    assert markup_text.collapse(chars, offsets, ends, empty_at) == markup_text._collapse_each(chars, offsets, ends, empty_at)


def test_collapse_keeps_the_offset_of_each_run_and_of_the_end():
    text, offsets = markup_text.collapse(list("  a \t b\u00a0\u00a0c  "), list(range(10, 22)), list(range(12, 24)))
    assert text == "a b c"
    assert offsets == (12, 13, 16, 17, 19, 21)  # a space maps to its run's first character


def test_line_starts_of_every_line_break():
    from checker.model import line_starts

    assert line_starts("") == [0]
    assert line_starts("a\nb\r\nc\rd\n\n") == [0, 2, 5, 7, 9, 10]
    assert line_starts("x\u2028y\x0cz") == [0]  # only \n, \r\n and \r break lines


@settings(max_examples=200, deadline=None)
@given(st.lists(_COLLAPSE_CHARS.filter(lambda c: len(c) == 1), max_size=30), st.integers(0, 40))
def test_collapse_of_a_string_span_equals_the_list_form(chars, start):
    text = "".join(chars)
    span = range(start, start + len(text))
    assert markup_text.collapse(text, span, empty_at=start) == markup_text.collapse(list(text), list(span), empty_at=start)


def test_display_path_is_relative_below_the_current_folder_else_absolute(tmp_path, monkeypatch):
    from checker.ingest.documents import display_path_of

    (tmp_path / "sub").mkdir()
    for cwd in (tmp_path, tmp_path / "sub", Path("/")):
        monkeypatch.chdir(cwd)
        for p in (".", "a.txt", "x/y.md", "../b.md", "./c//d.html", str(tmp_path), str(tmp_path / "sub" / "e.txt"), "/"):
            absolute = Path(os.path.abspath(p))
            try:
                expected = absolute.relative_to(Path.cwd()).as_posix()
            except ValueError:
                expected = absolute.as_posix()
            assert display_path_of(Path(p)) == expected, (cwd, p)


@pytest.mark.parametrize(
    "fmt, text",
    [
        ("markdown", "# Patents\n\n| Metric | 2023 | 2024 |\n|---|---|---|\n| Invention patents | 921,000 | |\n"),
        (
            "html",
            "<h1>Patents</h1>\n<table><tr><th>Metric</th><th>2023</th><th>2024</th></tr>\n"
            "<tr><td>Invention patents</td><td>921,000</td><td></td></tr></table>\n",
        ),
    ],
)
def test_markup_tables_give_a_cell_its_row_label_and_column_header(fmt: str, text: str) -> None:
    from checker.extract.claims import document_claims
    from checker.ingest.documents import parse_document

    doc = parse_document(text, fmt, "d1", "t")
    assert_document_offsets(doc)
    claim = next(c for c in document_claims(doc) if c.quantities)
    assert claim.text == "Invention patents — 2023: 921,000"
    assert [q.value for q in claim.quantities] == [921000] and [d.value for d in claim.dates] == ["2023"]
    line = text.split("\n")[claim.line - 1]
    assert line[claim.column - 1 :].startswith("921,000")  # the claim points at the cell itself


def test_markup_html_entity_at_the_end_is_read_once() -> None:
    """At the end of the input html.parser reports "&a.a" as the entity "a" and the data ".a";
    the entity is what the parser consumed, so its tail is not read twice (found by the
    property test above)."""
    for text in ("&a.a", "x &b.c", "&amp; x", "&ampfoo"):
        blocks = markup_html.parse(text)
        assert len(blocks) == 1
        assert_block_offsets(blocks[0], text)
    assert markup_html.parse("&a.a")[0].text == "&a.a"
