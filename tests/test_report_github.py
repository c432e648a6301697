"""checker.report.github"""

from __future__ import annotations

from checker.model import Claim, Document, Finding, Report
from checker.report import github, render

try:
    from report_fixtures import make_report
except ImportError:
    from tests.report_fixtures import make_report


def test_github_one_line_per_finding():
    lines = render(make_report(), "github").splitlines()
    assert lines == [
        "::error file=seeds/a.txt,line=4,col=1,title=NUM001 numeric.mismatch::"
        "921,000 patents vs 850,000 patents in 2023. (also at notes/b.md:3:21)",
        "::warning file=notes/b.md,line=5,col=3,title=SCOPE001 scope.mismatch::"
        "Scope differs: 5%25 vs 12%25,%0Asee <b>notes</b>: [y](javascript:alert(2)) (also at seeds/a.txt:5:1)",
        "::notice file=seeds/a.txt,line=5,col=1,title=SUP001 support.missing::No other document backs this figure.",
    ]


def test_github_escapes():
    assert github.escape_data("50%\r\nx: a,b") == "50%25%0D%0Ax: a,b"
    assert github.escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_github_escapes_properties_in_output():
    text = "Sales were 5 units."
    doc = Document("d1", "dir,x/a:b.txt", text, "text")
    claim = Claim("c1", "d1", "dir,x/a:b.txt", 0, len(text), 1, 1, text, "body")
    f = Finding("f1", "R:1", "r,one", "conflict", "warning", "m%\nn", ("c1",), "fp")
    out = render(Report([doc], [claim], [f], []), "github")
    assert out == "::warning file=dir%2Cx/a%3Ab.txt,line=1,col=1,title=R%3A1 r%2Cone::m%25%0An\n"


def test_github_no_findings_empty():
    assert render(Report([], [], [], []), "github") == ""


def test_github_word_and_pdf_annotations_say_page_and_paragraph():
    """A Word document's or a PDF's line is a paragraph of its extracted text: the annotation
    says where a person finds the claim, as every other format does."""
    from checker.model import PAGE_BREAK

    pdf_text = "Title page\n" + PAGE_BREAK + "Intro\nSales were 40 units in 2024.\n"
    docx_text = "Heading\nSales were 45 units in 2024.\n"
    pdf = Document(id="d1", path="r.pdf", text=pdf_text, format="pdf")
    docx = Document(id="d2", path="d.docx", text=docx_text, format="docx")

    def claim(cid, doc, sentence):
        start = doc.text.index(sentence)
        line, column = doc.line_column(start)
        return Claim(id=cid, doc=doc.id, path=doc.path, start=start, end=start + len(sentence), line=line,
                     column=column, text=sentence, section="body")

    c1, c2 = claim("c1", pdf, "Sales were 40 units in 2024."), claim("c2", docx, "Sales were 45 units in 2024.")
    finding = Finding(id="f1", rule="NUM001", name="numeric.mismatch", kind="conflict", severity="error",
                      message="40 units vs 45 units in 2024.", claims=("c1", "c2"), fingerprint="x")
    line = render(Report(documents=[pdf, docx], claims=[c1, c2], findings=[finding], edges=[]), "github").strip()
    assert line.startswith("::error file=r.pdf,line=")
    assert "(page 2, paragraph 2)" in line and "d.docx:2:1 (paragraph 2)" in line
