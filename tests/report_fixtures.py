"""A small hand-made Report shared by the report-format tests.

Two documents; claims carry quantities, dates and a citation; one conflict, one scope
and one unsupported finding; supports, conflicts and related edges. Document b has
non-ASCII text (an emoji, an em dash) before a claim on the same line, so columns in
code points differ from byte or UTF-16 columns, and a claim full of hostile markup.
"""

from __future__ import annotations

from checker.model import Citation, Claim, DateExpr, Document, Edge, Finding, Quantity, Report

DOC_A_TEXT = (
    "Global AI report\n"
    "Published 2025-04-12.\n"
    "\n"
    "In 2023, China filed 921,000 patents on AI, according to the survey [1].\n"
    "Robot installations rose 12% to 276,000 units in 2024.\n"
)

HOSTILE = (
    "Hostile: <script>alert(1)</script> <img src=x onerror=alert(1)> "
    "[x](javascript:alert(1)) said 5% | *bold* _it_ `code` & more in 2024."
)

DOC_B_TEXT = (
    "# Notes\n"
    "\n"
    "Zusammenfassung \U0001F600 \u2014 In 2023, China filed 850,000 patents on AI.\n"
    "Robot installations reached 276,000 units in 2024.\n"
    "# " + HOSTILE + "\n"
)


def _q(sentence: str, text: str, value: float, unit: str | None, kind: str = "count", **kw) -> Quantity:
    start = sentence.index(text)
    return Quantity(text=text, start=start, end=start + len(text), value=value, unit=unit, kind=kind, **kw)


def _d(sentence: str, text: str, value: str, granularity: str, first: str, last: str, qualifier=None) -> DateExpr:
    start = sentence.index(text)
    return DateExpr(text, start, start + len(text), value, granularity, first, last, qualifier)


def _claim(cid: str, doc: Document, sentence: str, section: str = "body", **kw) -> Claim:
    start = doc.text.index(sentence)
    line, column = doc.line_column(start)
    return Claim(
        id=cid,
        doc=doc.id,
        path=doc.path,
        start=start,
        end=start + len(sentence),
        line=line,
        column=column,
        text=sentence,
        section=section,
        **kw,
    )


def make_report() -> Report:
    doc_a = Document(id="d1", path="seeds/a.txt", text=DOC_A_TEXT, format="text", title="Global AI report", date="2025-04-12")
    doc_b = Document(id="d2", path="notes/b.md", text=DOC_B_TEXT, format="markdown", title="Notes")

    s1 = "In 2023, China filed 921,000 patents on AI, according to the survey [1]."
    i = s1.index("[1]")
    c1 = _claim(
        "c1",
        doc_a,
        s1,
        quantities=(_q(s1, "921,000", 921000.0, "patent"),),
        dates=(_d(s1, "In 2023", "2023", "year", "2023-01-01", "2023-12-31", "in"),),
        citations=(Citation("[1]", i, i + 3, (1,)),),
    )
    s2 = "Robot installations rose 12% to 276,000 units in 2024."
    c2 = _claim(
        "c2",
        doc_a,
        s2,
        quantities=(
            _q(s2, "12%", 12.0, "percent", "percent", change="increase"),
            _q(s2, "276,000", 276000.0, "unit"),
        ),
        dates=(_d(s2, "2024", "2024", "year", "2024-01-01", "2024-12-31", "in"),),
    )
    s3 = "In 2023, China filed 850,000 patents on AI."
    c3 = _claim(
        "c3",
        doc_b,
        s3,
        section="summary",
        quantities=(_q(s3, "850,000", 850000.0, "patent"),),
        dates=(_d(s3, "In 2023", "2023", "year", "2023-01-01", "2023-12-31", "in"),),
    )
    s4 = "Robot installations reached 276,000 units in 2024."
    c4 = _claim(
        "c4",
        doc_b,
        s4,
        quantities=(_q(s4, "276,000", 276000.0, "unit", qualifier="about"),),
        dates=(_d(s4, "2024", "2024", "year", "2024-01-01", "2024-12-31", "in"),),
    )
    c5 = _claim(
        "c5",
        doc_b,
        HOSTILE,
        section="headline",
        quantities=(_q(HOSTILE, "5%", 5.0, "percent", "percent"),),
        dates=(_d(HOSTILE, "2024", "2024", "year", "2024-01-01", "2024-12-31", "in"),),
    )

    findings = [
        # Listed out of canonical order on purpose: formats must sort.
        Finding(
            id="f3",
            rule="SUP001",
            name="support.missing",
            kind="unsupported",
            severity="info",
            message="No other document backs this figure.",
            claims=("c2",),
            fingerprint="fp-sup-c2",
            score=0.5,
        ),
        Finding(
            id="f2",
            rule="SCOPE001",
            name="scope.mismatch",
            kind="scope",
            severity="warning",
            message="Scope differs: 5% vs 12%,\nsee <b>notes</b>: [y](javascript:alert(2))",
            claims=("c5", "c2"),
            fingerprint="fp-scope-c5-c2",
        ),
        Finding(
            id="f1",
            rule="NUM001",
            name="numeric.mismatch",
            kind="conflict",
            severity="error",
            message="921,000 patents vs 850,000 patents in 2023.",
            claims=("c1", "c3"),
            fingerprint="fp-num-c1-c3",
            score=0.93,
        ),
    ]
    edges = [
        Edge("c2", "c4", "supports", "NUM002", 0.87654321, "same figure, same year"),
        Edge("c1", "c3", "conflicts", "NUM001", 0.93, "921,000 != 850,000"),
        Edge("c5", "c2", "related", None, 1.0, "<i>both</i> about robots"),
    ]
    return Report(documents=[doc_a, doc_b], claims=[c1, c2, c3, c4, c5], findings=findings, edges=edges, model="test-model")


def expected_locations() -> dict[str, tuple[str, int, int]]:
    """Claim id -> (path, line, column), worked out by hand from the texts above."""
    return {
        "c1": ("seeds/a.txt", 4, 1),
        "c2": ("seeds/a.txt", 5, 1),
        # "Zusammenfassung " (16) + emoji (1 code point) + " " + em dash + " " = 20 code points.
        "c3": ("notes/b.md", 3, 21),
        "c4": ("notes/b.md", 4, 1),
        "c5": ("notes/b.md", 5, 3),
    }
