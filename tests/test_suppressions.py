"""In-place suppression: parsing directives, which claims they cover, errors, unused ones."""

from __future__ import annotations

import pytest

from checker.cli import main
from checker.errors import ConfigError
from checker.model import Claim, Document, Finding
from checker.pipeline import Pipeline, Settings
from checker.gate.suppressions import Suppressor, parse_directives
from tests.fakes import HashEmbedder

RULES = {"NUM001", "DATE001"}


def _doc(text, fmt="markdown", path="doc.md"):
    return Document(id="d1", path=path, text=text, format=fmt)


def _claims(doc, *sentences):
    out = []
    for n, s in enumerate(sentences, 1):
        start = doc.text.index(s)
        line, col = doc.line_column(start)
        out.append(Claim(f"c{n}", doc.id, doc.path, start, start + len(s), line, col, s, "body"))
    return out


def _finding(rule, *claims):
    return Finding("f", rule, "x.y", "conflict", "error", "m", tuple(claims), f"{rule}{claims}")


def test_suppressions_parse_every_form():
    doc = _doc(
        "a\n<!-- claimgraph: disable=NUM001 -->\nb\n<!--claimgraph:disable=NUM001, DATE001-->\n"
        "<!-- claimgraph: disable=all -->\n<!-- claimgraph: disable DATE001 -->\n<!-- claimgraph: enable DATE001 -->\n"
        "<!-- claimgraph: disable -->\n<!-- claimgraph: enable all -->\n"
    )
    found = [(d.line, d.action, d.rules) for d in parse_directives(doc, RULES)]
    assert found == [
        (2, "next", ("NUM001",)), (4, "next", ("NUM001", "DATE001")), (5, "next", ("all",)),
        (6, "disable", ("DATE001",)), (7, "enable", ("DATE001",)), (8, "disable", ("all",)), (9, "enable", ("all",)),
    ]


def test_suppressions_plain_text_lines():
    doc = _doc("x\n# claimgraph: disable=NUM001\ny\n  claimgraph: disable DATE001\n", fmt="text", path="a.txt")
    assert [(d.line, d.action) for d in parse_directives(doc, RULES)] == [(2, "next"), (4, "disable")]
    # in Markdown a bare line is prose, not a directive
    assert parse_directives(_doc("claimgraph: disable=NUM001\n"), RULES) == []


@pytest.mark.parametrize(
    "directive, message",
    [
        ("<!-- claimgraph: disable=NUM00 -->", "unknown rule id 'NUM00'"),
        ("<!-- claimgraph: disabel=NUM001 -->", "malformed claimgraph directive"),
        ("<!-- claimgraph: enable=NUM001 -->", "'enable=' is not a directive"),
        ("<!-- claimgraph: disable= -->", "needs rule ids"),
        ("<!-- claimgraph: disable=all,NUM001 -->", "'all' cannot be combined"),
        ("<!-- claimgraph: disable NUM001 DATE001 -->", "malformed claimgraph directive"),
    ],
)
def test_suppressions_malformed_directive_is_an_error_with_path_and_line(directive, message):
    doc = _doc(f"# Title\n\nSome text.\n{directive}\n")
    with pytest.raises(ConfigError) as info:
        parse_directives(doc, RULES)
    assert str(info.value).startswith("doc.md:4: ") and message in str(info.value)


def test_suppressions_next_claim_only():
    doc = _doc("A 1.\n<!-- claimgraph: disable=NUM001 -->\nB 2.\nC 3.\n")
    a, b, c = _claims(doc, "A 1.", "B 2.", "C 3.")
    s = Suppressor([doc], [a, b, c], RULES)
    assert s.suppresses(_finding("NUM001", "c2", "x9"))  # either claim of the finding
    assert not s.suppresses(_finding("DATE001", "c2"))  # another rule
    assert not s.suppresses(_finding("NUM001", "c3"))  # not the next claim
    assert not s.suppresses(_finding("NUM001", "c1"))


def test_suppressions_comment_inside_a_sentence_covers_that_sentence():
    doc = _doc("- item <!-- claimgraph: disable=all --> with 5 dogs\n- next with 6 cats\n")
    first, second = _claims(doc, "item <!-- claimgraph: disable=all --> with 5 dogs", "next with 6 cats")
    s = Suppressor([doc], [first, second], RULES)
    assert s.suppresses(_finding("DATE001", "c1")) and not s.suppresses(_finding("NUM001", "c2"))


def test_suppressions_ranges_and_enable_inside_disable_all():
    doc = _doc(
        "A 1.\n<!-- claimgraph: disable NUM001 -->\nB 2.\nC 3.\n<!-- claimgraph: enable NUM001 -->\nD 4.\n"
        "<!-- claimgraph: disable all -->\nE 5.\n<!-- claimgraph: enable DATE001 -->\nF 6.\n"
    )
    claims = _claims(doc, "A 1.", "B 2.", "C 3.", "D 4.", "E 5.", "F 6.")
    s = Suppressor([doc], claims, RULES)
    num = [s.suppresses(_finding("NUM001", c.id)) for c in claims]
    date = [s.suppresses(_finding("DATE001", c.id)) for c in claims]
    assert num == [False, True, True, False, True, True]
    assert date == [False, False, False, False, True, False]


def test_suppressions_next_claim_found_among_all_claims_of_the_document():
    doc = _doc("A 1.\n<!-- claimgraph: disable=NUM001 -->\nB 2.\nC 3.\n")
    a, b, c = _claims(doc, "A 1.", "B 2.", "C 3.")
    # the report kept only A and C, but B is the claim the directive is about
    spans = {"d1": [(x.start, x.end, x.id) for x in (a, b, c)]}
    s = Suppressor([doc], [a, c], RULES, spans=spans)
    assert not s.suppresses(_finding("NUM001", "c3"))


def test_suppressions_unused_directives_are_listed():
    doc = _doc("<!-- claimgraph: disable=NUM001 -->\nA 1.\n<!-- claimgraph: disable=DATE001 -->\nB 2.\n")
    claims = _claims(doc, "A 1.", "B 2.")
    s = Suppressor([doc], claims, RULES)
    assert s.suppresses(_finding("NUM001", "c1"))
    assert [d.line for d in s.unused()] == [3]


def _corpus(tmp_path, draft_text):
    (tmp_path / "a.txt").write_text("Archive.\n\nIn 2023, China authorized 921,000 invention patents.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(draft_text, encoding="utf-8")
    return tmp_path


def test_suppressions_applied_by_the_pipeline_gate(tmp_path):
    folder = _corpus(
        tmp_path, "# Draft\n\n<!-- claimgraph: disable=NUM001 -->\nIn 2023, China authorized 798,000 invention patents.\n"
    )
    pipeline = Pipeline(Settings(use_cache=False), embedder=HashEmbedder())
    report = pipeline.scan([str(folder)])
    assert [f.rule for f in report.findings] == ["NUM001"]
    gated, stats = pipeline.gate(report)
    assert gated.findings == [] and stats.suppressed == 1 and stats.unused == []


def test_suppressions_malformed_directive_in_a_scan_is_exit_2(tmp_path, capsys, monkeypatch):
    folder = _corpus(tmp_path, "# Draft\n\n<!-- claimgraph: disable=NUM01 -->\nIn 2023, 5 things.\n")
    monkeypatch.chdir(folder)
    import checker.pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "SentenceTransformerEmbedder", lambda *a, **k: HashEmbedder())
    assert main(["scan", ".", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "b.md:3: unknown rule id 'NUM01'" in err


def test_suppressions_unused_warning_on_stderr(tmp_path, capsys, monkeypatch):
    folder = _corpus(tmp_path, "# Draft\n\n<!-- claimgraph: disable=DATE001 -->\nIn 2023, China authorized 798,000 invention patents.\n")
    monkeypatch.chdir(folder)
    import checker.pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "SentenceTransformerEmbedder", lambda *a, **k: HashEmbedder())
    assert main(["scan", ".", "--no-cache", "--warn-unused-suppressions", "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert "b.md:3: unused suppression 'disable=DATE001'" in err
