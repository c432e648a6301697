"""Pipe tables written in plain text, and what a table cell's labels say of its figure.

Sentences and tables of our own. A plain-text page may hold a pipe table ("| GPU Hours | 2.1M |
...") with or without the rule under its head; each data cell becomes a block with its row label
and column header (:mod:`checker.ingest.tables`), and :mod:`checker.frame.cells` reads the
holder (the label that is a name) and the measure (the other label) from them.
"""

from __future__ import annotations

import pytest

from checker.frame.cells import cell_reading
from checker.frame.facts import document_claims_with_facts, document_facts
from checker.frame.nlp import load_nlp
from checker.extract.claims import document_claims
from checker.ingest.documents import parse_document
from checker.judge.rulekinds.base import PairContext
from checker.judge.rulekinds.numeric import NumericMismatch

TABLE = """Orrin-V2: The $4.1M Training Run

Orrin-V2's training, in figures:
| Metric | Orrin-V2 | Vexa-4 (est.) | Ratio |
| Training Cost | $4.1M | $90M+ | 22x |
| GPU Hours | 2.35M A100 | ~25M+ A100 | 11x |
| Parameters (Total) | 540B | ~1.6T | - |
| Parameters (Active) | 31B | ~1.6T | 50x |
The model was trained on 1,536 GPUs.
"""


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _blocks(text: str):
    return parse_document(text, "text", "d1", "page.txt", None).blocks


def test_a_pipe_table_in_plain_text_becomes_cells_with_their_labels():
    cells = [b.text for b in _blocks(TABLE) if b.kind == "table_cell"]
    assert "GPU Hours — Orrin-V2: 2.35M A100" in cells
    assert "Parameters (Active) — Vexa-4 (est.): ~1.6T" in cells
    assert "Metric" in cells and not any(c.startswith("Metric —") for c in cells)  # the head row is no data
    kinds = [b.kind for b in _blocks(TABLE)]
    assert kinds[-1] == "paragraph" and "heading" not in kinds[2:]  # the rows are no headings


def test_a_cell_points_at_its_own_text():
    text = "Intro line.\n| Item | Orrin |\n| Power | 21 MW |\n"
    doc = parse_document(text, "text", "d1", "page.txt", None)
    cell = next(b for b in doc.blocks if b.text == "Power — Orrin: 21 MW")
    assert cell.offsets[cell.text.index("21 MW")] == text.index("21 MW")
    assert cell.offsets[0] == text.index("21 MW")  # the labels point at the cell's first character


def test_the_head_row_is_the_one_a_rule_follows_or_one_with_no_figure_alone():
    ruled = "| Plant | 2024 |\n|---|---|\n| Orrin | 455 |\n"
    assert [b.text for b in _blocks(ruled) if b.kind == "table_cell"] == ["Plant", "2024", "Orrin", "Orrin — 2024: 455"]
    bare = "| Orrin | 410 | 455 |\n| Vexa | 380 | 395 |\n"  # no head: each row's label only
    assert "Orrin: 410" in [b.text for b in _blocks(bare)]


def test_one_line_between_bars_is_no_table():
    (block,) = _blocks("| a note between bars | nothing more |\n")
    assert block.kind == "paragraph"


@pytest.mark.parametrize(
    "text, holder, measure",
    [
        ("Parameters (Total) — Orrin-V2: 540B", "Orrin-V2", "total parameters"),
        ("GPU Hours — Vexa-4 (est.): ~25M+ A100", "Vexa-4", "gpu hours"),
        ("Acme Corp — Employees: 1,200", "Acme Corp", "employees"),
        ("Germany — Revenue: $4.1 billion", "Germany", "revenue"),
        # neither label a name: the row is the thing, the column what is measured of it
        ("Upper basin — Share of households: 71%", "Upper basin", "share of households"),
        ("Night shift — Staff: 140", "Night shift", "staff"),
    ],
)
def test_the_label_that_is_a_name_holds_the_cell_and_the_other_measures_it(nlp, text, holder, measure):
    reading = cell_reading(text, nlp(text))
    assert (reading.holder, reading.measure) == (holder, measure)


@pytest.mark.parametrize(
    "text",
    [
        "Invention patents granted — 2023: 921,000",  # a year, no name: the parse reads it
        "Bookings — Q3 2031: 4,100",  # a quarter
        "Bookings — FY2031: 4,100",  # a fiscal year
        "Orrin-V2 — Vexa-4: 12",  # two names
        "The plant, which opened in 2021, employs 1,200 people.",  # no cell
    ],
)
def test_no_reading_where_the_labels_do_not_say(nlp, text):
    assert cell_reading(text, nlp(text)) is None


def _facts(nlp, text: str):
    doc = parse_document(text, "text", "d1", "page.txt", None)
    return document_facts(doc, document_claims(doc, 1), nlp)


def test_cell_facts_take_their_labels(nlp):
    facts = {f.value: f for c in _facts(nlp, TABLE) for f in c.facts}
    assert facts["540B"].holder.value == "Orrin-V2" and facts["540B"].measure.value == "total parameters"
    assert facts["540B"].holder.source == facts["540B"].measure.source == "table header"
    assert facts["31B"].measure.value == "active parameters"


def _claim(nlp, text: str, figure: str, doc: str = "d1"):
    parsed = parse_document(text, "text", doc, f"{doc}.txt", None)
    for c in document_facts(parsed, document_claims(parsed, 1), nlp):
        if any(q.text == figure for q in c.quantities):
            return c
    raise AssertionError(figure)


def _relations(a, b, similarity=0.55):
    return sorted({v.relation for v in NumericMismatch({}).compare(a, b, PairContext(similarity))})


def test_a_cell_and_a_sentence_state_one_measure(nlp):
    cell = _claim(nlp, TABLE, "2.35M")
    off = _claim(nlp, "Orrin-V2: Training on a Budget\n\nTraining time: 235K GPU hours (vs. Vexa 3's 28.1M GPU hours)\n",
                 "235K", "d2")
    same = _claim(nlp, "Orrin-V2 Costs\n\nThe whole model took 2.35 million GPU hours at a cost of $4.1 million.\n",
                  "2.35 million", "d3")
    assert _relations(cell, off) == ["conflicts"]  # 2.35M vs 235K GPU hours of one model
    assert _relations(cell, same) == ["supports"]


def test_total_and_active_parameters_of_one_table_are_two_measures(nlp):
    claims = _facts(nlp, TABLE)
    total = next(c for c in claims if c.text.startswith("Parameters (Total) — Orrin-V2"))
    active = next(c for c in claims if c.text.startswith("Parameters (Active) — Orrin-V2"))
    assert "conflicts" not in _relations(total, active, 0.9)


def test_two_rows_of_labels_that_are_no_names_are_two_things_figures():
    text = ("# Tarnia water survey\n\n| Area | Share of households |\n| --- | --- |\n"
            "| Upper basin | 71% |\n| Lower basin | 54% |\n")
    cells = [c for c in document_claims_with_facts(parse_document(text, "markdown", "d1", "d1.md"), 1) if c.quantities]
    assert [c.facts[0].holder.value for c in cells] == ["Upper basin", "Lower basin"]
    assert not any(v.relation == "conflicts" for v in NumericMismatch({}).compare(cells[0], cells[1], PairContext(0.95)))
