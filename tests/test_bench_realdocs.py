"""bench/realdocs.py: GOLD.md parsing, quote matching and tallies, on made-up data (no model, no eval text)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

_PATH = Path(__file__).resolve().parent.parent / "bench" / "realdocs.py"
_spec = importlib.util.spec_from_file_location("bench_realdocs", _PATH)
realdocs = importlib.util.module_from_spec(_spec)
sys.modules["bench_realdocs"] = realdocs
_spec.loader.exec_module(realdocs)

GOLD = """# GOLD — made-up topic

Some paragraph.

## Pairs

### P01. Widget output
- A: `alpha.txt` — «Acme made 1,200 widgets in 2023.»
- B: `beta.txt` — «In 2023 Acme produced 1,500 widgets.»
- Verdict: **CONFLICT** — 1,200 vs 1,500

### P02. Widget output restated
- A: `alpha.txt` — «Acme made 1,200 widgets in 2023.»
- B: `gamma.txt` — «Acme’s 2023 output — about 1.2 thousand widgets — was a record.»
- Verdict: **CONSISTENT** — rounded

### P03. Another year (within)
- A: `beta.txt` — «In 2023 Acme produced 1,500 widgets.»
- B: `beta.txt` — «In 2022 it produced 900 widgets.»
- Verdict: **DIFFERENT-SCOPE (uncertain)** — another year

### P04. Plant count
- A: `alpha.txt` — «Acme runs three plants.»
- B: `gamma.txt` — «The firm has 3 factories.»
- Verdict: **CONSISTENT** (uncertain) — same count

### P05. A quote nothing extracted
- A: `alpha.txt` — «Acme is based in Springfield.»
- B: `gamma.txt` — «Acme’s 2023 output — about 1.2 thousand widgets — was a record.»
- Verdict: **DIFFERENT-SCOPE** — place vs output
"""

BODIES = {
    "alpha.txt": "Acme made 1,200 widgets\nin 2023. Acme runs three plants. Acme is based in Springfield.\n",
    "beta.txt": "In 2023 Acme produced 1,500 widgets. In 2022 it produced 900 widgets.\n",
    "gamma.txt": "Acme's 2023 output -- about 1.2 thousand widgets -- was a record. The firm has 3 factories.\n",
}


def _claim(cid: str, doc: str, file: str, text: str) -> dict:
    body = BODIES[file]
    start = body.index(text)
    return {"id": cid, "doc": doc, "start": start, "end": start + len(text), "text": text}


def _report(findings=(), edges=()) -> dict:
    return {
        "documents": [
            {"id": "d1", "path": "/tmp/x/alpha.txt"},
            {"id": "d2", "path": "/tmp/x/beta.txt"},
            {"id": "d3", "path": "/tmp/x/gamma.txt"},
        ],
        "claims": [
            _claim("c1", "d1", "alpha.txt", "Acme made 1,200 widgets\nin 2023."),
            _claim("c2", "d1", "alpha.txt", "Acme runs three plants."),
            _claim("c3", "d2", "beta.txt", "In 2023 Acme produced 1,500 widgets."),
            _claim("c4", "d2", "beta.txt", "In 2022 it produced 900 widgets."),
            _claim("c5", "d3", "gamma.txt", "Acme's 2023 output -- about 1.2 thousand widgets -- was a record."),
            _claim("c6", "d3", "gamma.txt", "The firm has 3 factories."),
        ],
        "findings": list(findings),
        "edges": list(edges),
    }


def test_bench_realdocs_parse_gold_reads_pairs_verdicts_and_uncertainty():
    pairs = realdocs.parse_gold(GOLD, "toy")
    assert [p.id for p in pairs] == ["P01", "P02", "P03", "P04", "P05"]
    assert [p.verdict for p in pairs] == ["CONFLICT", "CONSISTENT", "DIFFERENT-SCOPE", "CONSISTENT", "DIFFERENT-SCOPE"]
    assert [p.uncertain for p in pairs] == [False, False, True, True, False]
    assert pairs[0].file_a == "alpha.txt" and pairs[0].quote_b == "In 2023 Acme produced 1,500 widgets."
    assert pairs[2].file_a == pairs[2].file_b == "beta.txt"


def test_bench_realdocs_parse_gold_refuses_a_pair_without_verdict():
    with pytest.raises(ValueError, match="P01"):
        realdocs.parse_gold("### P01. x\n- A: `a.txt` — «x»\n- B: `b.txt` — «y»\n", "toy")


def test_bench_realdocs_page_body_drops_the_three_header_lines():
    text = "https://example.org/page\nTitle — Site — 2024-01-01\n\nFirst line of the page.\nSecond.\n"
    assert realdocs.page_body(text) == "First line of the page.\nSecond.\n"


def test_bench_realdocs_write_bodies_keeps_names(tmp_path):
    src = tmp_path / "topic"
    src.mkdir()
    (src / "GOLD.md").write_text("not a page")
    (src / "one.txt").write_text("url\ntitle\n\nBody text 12.\n", encoding="utf-8")
    bodies = realdocs.write_bodies(src, tmp_path / "scratch")
    assert bodies == {"one.txt": "Body text 12.\n"}
    assert (tmp_path / "scratch" / "one.txt").read_text(encoding="utf-8") == "Body text 12.\n"
    assert not (tmp_path / "scratch" / "GOLD.md").exists()


def test_bench_realdocs_normalise_folds_quotes_dashes_space_and_case():
    assert realdocs.normalise("Acme\u2019s  \u201cBIG\u201d\n fund \u2014 ok") == "acme's \"big\" fund - ok"
    assert realdocs.normalise("\uff11\uff12\u00a0GW") == "12 gw"  # NFKC full-width digits, no-break space


def test_bench_realdocs_quote_spans_map_back_to_original_offsets():
    body = BODIES["alpha.txt"]
    spans = realdocs.quote_spans("Acme made 1,200 widgets in 2023.", body)  # the body breaks the line
    assert spans == [(0, body.index("2023.") + 5)]
    assert realdocs.quote_spans("not there", body) == []


def test_bench_realdocs_locate_by_span_and_by_text():
    report = _report()
    claims = [c for c in report["claims"] if c["doc"] == "d3"]
    # curly apostrophe, an em dash and a line break in the quote; ASCII and one space in the page
    body = "Intro.  Acme's 2023 output - about 1.2 thousand widgets - was a record.\n"
    text = body[8:].strip()
    claim = {"id": "k1", "start": 8, "end": 8 + len(text), "text": text}
    quote = "Acme\u2019s 2023 output \u2014 about 1.2\nthousand widgets \u2014 was a record."
    assert realdocs.locate(quote, body, [claim]) == ["k1"]
    assert realdocs.locate("about 1.2 thousand", body, [claim]) == ["k1"]  # part of the sentence
    # a quote that is part of a claim's sentence
    assert realdocs.locate("has 3 factories", BODIES["gamma.txt"], claims) == ["c6"]
    # a quote in the text that no claim holds
    alpha = [c for c in report["claims"] if c["doc"] == "d1"]
    assert realdocs.locate("Acme is based in Springfield.", BODIES["alpha.txt"], alpha) == []


def test_bench_realdocs_match_pairs_strongest_relation_and_missing_quotes():
    report = _report(
        findings=[
            {"id": "f1", "rule": "NUM001", "kind": "conflict", "claims": ["c1", "c3"]},
            {"id": "f2", "rule": "SCOPE001", "kind": "scope", "claims": ["c3", "c4"]},
            {"id": "f3", "rule": "SUM001", "kind": "unsupported", "claims": ["c5"]},
        ],
        edges=[
            {"source": "c1", "target": "c3", "relation": "conflicts", "rule": "NUM001"},
            {"source": "c1", "target": "c5", "relation": "related", "rule": None},
            {"source": "c2", "target": "c6", "relation": "supports", "rule": "NUM001"},
            {"source": "c2", "target": "c6", "relation": "related", "rule": None},
        ],
    )
    bodies = dict(BODIES)
    bodies["gamma.txt"] = bodies["gamma.txt"].replace("Acme's", "Acme\u2019s").replace("--", "\u2014")
    for c in report["claims"]:  # keep offsets consistent with the edited body
        if c["doc"] == "d3":
            c["text"] = c["text"].replace("Acme's", "Acme\u2019s").replace("--", "\u2014")
            c["start"] = bodies["gamma.txt"].index(c["text"])
            c["end"] = c["start"] + len(c["text"])
    pairs = realdocs.parse_gold(GOLD, "toy")
    rows = realdocs.match_pairs(pairs, bodies, report)
    by = {r["pair"]: r for r in rows}
    assert by["P01"]["relation"] == "conflict" and by["P01"]["rules"]["conflict"] == ["NUM001"]
    assert by["P02"]["relation"] == "related" and not by["P02"]["supports"]
    assert by["P03"]["relation"] == "scope" and by["P03"]["within"]
    assert by["P04"]["relation"] == "supports" and by["P04"]["related"]
    assert by["P05"]["relation"] == "none" and not by["P05"]["a_found"] and by["P05"]["a_in_text"]
    assert by["P05"]["b_claims"] == ["c5"]


def _row(topic, pair, verdict, uncertain=False, conflict=False, supports=False, scope=False, a=True, b=True):
    return {
        "topic": topic, "pair": pair, "verdict": verdict, "uncertain": uncertain, "conflict": conflict,
        "supports": supports, "scope": scope, "related": False, "a_found": a, "b_found": b, "a_in_text": True,
        "b_in_text": True, "relation": "conflict" if conflict else "supports" if supports else "scope" if scope else "none",
    }


def test_bench_realdocs_tally_rates_per_topic_and_overall_leaving_out_uncertain():
    frame = pd.DataFrame([
        _row("t1", "P01", "CONFLICT", conflict=True),
        _row("t1", "P02", "CONFLICT"),
        _row("t1", "P03", "CONSISTENT", supports=True),
        _row("t1", "P04", "CONSISTENT", conflict=True),
        _row("t1", "P05", "CONFLICT", uncertain=True, conflict=True),  # not scored
        _row("t2", "P01", "CONFLICT", a=False),
        _row("t2", "P02", "DIFFERENT-SCOPE", conflict=True),
        _row("t2", "P03", "DIFFERENT-SCOPE", scope=True),
        _row("t2", "P04", "CONSISTENT", supports=True, b=False),
    ])
    summary = realdocs.tally(frame)
    assert list(summary.index) == ["t1", "t2", "all"]
    t1, t2, total = summary.loc["t1"], summary.loc["t2"], summary.loc["all"]
    assert (t1.conflict_n, t1.conflict_found, t1.conflict_recall) == (2, 1, 0.5)
    assert (t1.consistent_n, t1.false_conflict_consistent, t1.supports_consistent) == (2, 1, 1)
    assert t1.pairs == 5 and t1.uncertain == 1
    assert pd.isna(t1.false_conflict_scope_rate) and t1.scope_n == 0
    assert (t2.scope_n, t2.false_conflict_scope, t2.false_conflict_scope_rate, t2.scope_finding_scope) == (2, 1, 0.5, 1)
    assert t2.quotes_not_claims == 2 and t2.pairs_both_quotes_found == 2
    assert (total.conflict_n, total.conflict_found) == (3, 1)
    assert total.conflict_recall == pytest.approx(1 / 3)
    assert (total.consistent_n, total.supports_consistent, total.false_conflict_consistent) == (3, 2, 1)
    assert total.quotes == 16 and total.quotes_not_claims == 2


def test_bench_realdocs_tally_counts_distinct_quotes_when_given():
    frame = pd.DataFrame([_row("t1", "P01", "CONFLICT"), _row("t1", "P02", "CONSISTENT", a=False)])
    quotes = pd.DataFrame([
        {"topic": "t1", "file": "a.txt", "in_text": True, "found": True},
        {"topic": "t1", "file": "b.txt", "in_text": True, "found": False},
        {"topic": "t1", "file": "c.txt", "in_text": False, "found": False},
    ])
    summary = realdocs.tally(frame, quotes)
    assert (summary.loc["all"].quotes, summary.loc["all"].quotes_not_claims, summary.loc["all"].quotes_not_in_text) == (3, 2, 1)


def test_bench_realdocs_relation_table_puts_unlocated_pairs_apart():
    frame = pd.DataFrame([
        _row("t1", "P01", "CONFLICT", conflict=True),
        _row("t1", "P02", "CONSISTENT", supports=True, a=False),
        _row("t1", "P03", "CONSISTENT"),
        _row("t1", "P04", "CONSISTENT", uncertain=True, supports=True),
    ])
    table = realdocs.relation_table(frame)
    assert table.loc["CONFLICT", "conflict"] == 1
    assert table.loc["CONSISTENT", "quote not a claim"] == 1
    assert table.loc["CONSISTENT", "none"] == 1
    assert "supports" not in table.columns  # the only supports pair is unlocated or uncertain


def test_bench_realdocs_text_table_has_every_topic_and_the_targets():
    frame = pd.DataFrame([_row("t1", "P01", "CONFLICT", conflict=True), _row("t2", "P01", "CONSISTENT")])
    meta = {"commit": "abc1234", "model": "m", "date": "d", "pairs": 2, "uncertain": 0, "seconds": 1.0}
    text = realdocs.text_table(realdocs.tally(frame), realdocs.relation_table(frame), meta)
    assert "t1" in text and "t2" in text and "all" in text and "conflict_recall >= 0.60" in text
    assert "100.0%" in text
