"""Fact groups (issue 18): built from supports and conflicts, and rendered by every format."""

from __future__ import annotations

import json

from checker.group import build_groups, group_of_claims
from checker.model import Document, Edge, Finding, Report
from checker.report import csv_format, html, json_format, markdown, terminal

from report_fixtures import _claim, _q

TEXTS = {
    "d1": "Acme sold 2,400 drones in 2024.\n",
    "d2": "Acme sold over 2,400 drones in 2024.\n",
    "d3": "Acme sold 2,412 drones in 2024.\n",
    "d4": "Acme sold 3,100 drones in 2024.\n",
    "d5": "Acme sold 2,400 drones in 2024. <script>alert(1)</script>\n",
    "d6": "Beta hired 40 people.\n",
    "d7": "Acme raised $47b in 2024.\n",
    "d8": "Acme raised $47.5 billion in 2024.\n",
}


def _doc(did, date=None):
    return Document(id=did, path=f"docs/{did}.md", text=TEXTS[did], format="markdown", date=date)


def _c(cid, doc, figure, value, qualifier=None, unit="drone"):
    sentence = doc.text.strip()
    return _claim(cid, doc, sentence, quantities=(_q(sentence, figure, value, unit, qualifier=qualifier),), subjects=("Acme",))


def _report(dates=None, relations=None):
    dates = dates or {}
    docs = [_doc(d, dates.get(d)) for d in ("d1", "d2", "d3", "d4", "d5", "d6")]
    by = {d.id: d for d in docs}
    claims = [
        _c("c1", by["d1"], "2,400", 2400.0),
        _c("c2", by["d2"], "2,400", 2400.0, qualifier="over"),
        _c("c3", by["d3"], "2,412", 2412.0),
        _c("c4", by["d4"], "3,100", 3100.0),
        _c("c5", by["d5"], "2,400", 2400.0),
        _c("c6", by["d6"], "40", 40.0, unit="person"),
    ]
    relations = relations or [("c1", "c2", "supports"), ("c1", "c3", "supports"), ("c1", "c4", "conflicts"), ("c4", "c5", "conflicts")]
    edges = [Edge(a, b, r, "NUM001", 1.0) for a, b, r in relations]
    findings = [Finding("f1", "NUM001", "numeric.mismatch", "conflict", "error", "2,400 vs 3,100", ("c1", "c4"), "fp1")]
    report = Report(documents=docs, claims=claims, findings=findings, edges=edges, model="m")
    report.groups = build_groups(report)
    return report


def test_disagreeing_group_folds_qualifiers_and_rounding_and_drops_singletons():
    report = _report()
    assert len(report.groups) == 1  # c6 is stated once: no group
    g = report.groups[0]
    assert g.status == "disagree"
    assert [v.text for v in g.values] == ["2,400", "3,100"]
    assert set(g.values[0].claims) == {"c1", "c2", "c3", "c5"}
    assert g.values[0].documents == ("d1", "d2", "d3", "d5")
    assert g.majority == "2400"
    assert "Acme" in g.label and "drone" in g.label


def test_rounding_not_folded_when_a_rule_called_a_conflict():
    report = _report(relations=[("c1", "c3", "conflicts")])
    assert [v.text for v in report.groups[0].values] == ["2,400", "2,412"]


def test_agreeing_group():
    report = _report(relations=[("c1", "c2", "supports"), ("c2", "c5", "supports")])
    (g,) = report.groups
    assert g.status == "agree" and len(g.values) == 1 and len(g.values[0].documents) == 3


def test_revised_when_dated_documents_follow_one_another():
    report = _report(dates={"d1": "2024-01-10", "d4": "2025-02-01"}, relations=[("c1", "c4", "conflicts")])
    (g,) = report.groups
    assert g.status == "revised"
    assert g.first_date == "2024-01-10" and g.last_date == "2025-02-01"


def test_conflict_finding_names_its_group_in_json():
    report = _report()
    data = json.loads(json_format.render(report))
    (g,) = data["groups"]
    assert list(g)[:8] == ["id", "label", "holder", "measure", "time", "place", "status", "majority"]
    assert list(g["values"][0])[:5] == ["text", "value", "unit", "claims", "documents"]
    assert data["findings"][0]["group"] == g["id"] == group_of_claims(report.groups)["c1"]


def test_markdown_terminal_frame_and_csv():
    report = _report()
    md = markdown.render(report)
    assert md.index("### Discrepancies") < md.index("| # | Severity")
    assert "| 2,400 \\(majority\\) | 4 | docs/d1.md:1, docs/d2.md:1, docs/d3.md:1" in md
    text = terminal.render(report)
    assert text.splitlines()[0].startswith("Acme")
    assert "2,400 (majority): 4 documents" in text
    frame = report.groups_frame()
    assert list(frame["value"]) == ["2400", "3100"] and list(frame["documents"]) == [4, 1]
    assert "group,label,status" in csv_format.render_groups(report)


def test_html_discrepancies_escaped_and_first():
    report = _report()
    page = html.render(report)
    assert page.index('id="discrepancies"') < page.index('id="summary"')
    data = page[page.index('id="groups-data">'):]
    data = data[: data.index("</script>")]
    assert "<script>alert" not in data and "\\u003cscript\\u003e" in data


def test_pipeline_report_keeps_groups_of_a_check():
    report = _report()
    assert report.groups and all(len(v.claims) for g in report.groups for v in g.values)


def test_check_ledger_says_how_many_archive_documents_back_each_value():
    report = _report()
    report.draft_paths = {"docs/d4.md"}
    entry = next(x for x in report.ledger() if x.claim == "c4")
    assert entry.group == "g1"
    assert entry.backing[0] == ("2,400", 4, False) and entry.backing[1] == ("3,100", 0, True)
    assert "2,400 in 4 archive documents" in entry.backing_line()
    assert "2,400 in 4 archive documents" in terminal.render(report)
    assert "2,400 in 4 archive documents" in markdown.render(report)
    assert "2,400 in 4 archive documents" in html.render(report)


def test_one_value_whatever_the_unit_as_written():
    report = _report(relations=[("c1", "c2", "supports")])
    object.__setattr__(report.claims[1].quantities[0], "unit", "unit")
    report.groups = build_groups(report)
    (g,) = report.groups
    assert len(g.values) == 1 and len(g.values[0].claims) == 2


def _two_figure_report(figures):
    """"The US led with 41 labs, Germany with 12": one claim, two facts, each agreed with elsewhere."""
    texts = {"m": "The US led with 41 labs, followed by Germany with 12 labs.\n",
             "u": "The US had 41 labs.\n", "g": "Germany had 12 labs.\n"}
    docs = [Document(id=k, path=f"docs/{k}.md", text=t, format="markdown") for k, t in texts.items()]
    by = {d.id: d for d in docs}
    claims = [
        _claim("cm", by["m"], texts["m"].strip(), quantities=(_q(texts["m"], "41", 41.0, "lab"), _q(texts["m"], "12", 12.0, "lab")), subjects=("US", "Germany")),
        _claim("cu", by["u"], texts["u"].strip(), quantities=(_q(texts["u"], "41", 41.0, "lab"),), subjects=("US",)),
        _claim("cg", by["g"], texts["g"].strip(), quantities=(_q(texts["g"], "12", 12.0, "lab"),), subjects=("Germany",)),
    ]
    edges = [Edge("cm", "cu", "supports", "NUM001", 1.0, figures=figures[0]),
             Edge("cm", "cg", "supports", "NUM001", 1.0, figures=figures[1])]
    report = Report(documents=docs, claims=claims, findings=[], edges=edges, model="m")
    report.groups = build_groups(report)
    return report


def test_groups_join_figures_not_sentences():
    report = _two_figure_report(((("supports", "q0", "q0"),), (("supports", "q1", "q0"),)))
    assert len(report.groups) == 2  # 41 with 41, 12 with 12: chaining through "cm" merges nothing
    assert sorted(tuple(v.text for v in g.values) for g in report.groups) == [("12",), ("41",)]
    assert all(g.status == "agree" for g in report.groups)
    from checker.group import group_of_finding, groups_by_claim
    by_claim = groups_by_claim(report.groups)
    assert len(by_claim["cm"]) == 2
    g12 = next(g.id for g in report.groups if g.values[0].text == "12")
    assert group_of_finding(("cm", "cg"), by_claim) == g12


def test_edge_without_figures_stands_for_the_first_figure():
    report = _two_figure_report(((), ()))
    (g,) = report.groups  # an old edge (no figures) joins the sentences' first figures, as before
    assert {v.text for v in g.values} == {"41", "12"}


def test_evaluate_carries_each_verdicts_figures_and_the_cache_keeps_them():
    from checker.judge.evaluate import figures_of
    from checker.judge.rulekinds import Verdict
    from checker.judge.evaluate import Judgement
    from checker.store.cached_stages import pack_judgement, unpack_judgement

    report = _two_figure_report(((), ()))
    by_id = report.claim_by_id()
    m, g = by_id["cm"], by_id["cg"]
    v = Verdict(("cm", "cg"), "supports", False, "12 agrees with 12", 1.0, key=f"{m.quantities[1].start}:{g.quantities[0].start}")
    assert figures_of(v, by_id) == ("supports", "q1", "q0")
    dated = Verdict(("cm", "cg"), "conflicts", True, "x", 1.0, fields={"a": "12", "b": "12"})
    assert figures_of(dated, by_id) == ("conflicts", "q1", "q0")
    e = Edge("cm", "cg", "supports", "NUM001", 1.0, "x", (("supports", "q1", "q0"),))
    back = unpack_judgement(pack_judgement(Judgement([0], [], [e])))
    assert back.edges[0] == e


def test_html_big_lists_as_data_each_sentence_once():
    from checker.report import html_paged

    report = _report()
    page = html.render(report)
    data = page[page.index('id="groups-data">'):]
    data = data[: data.index("</script>")]
    assert data.count("Acme sold 3,100 drones") == 1
    assert 'id="edges-data"' not in page and "<svg" in page  # a small report: rows and a drawing
    old = html_paged.EDGES_INLINE, html_paged.GRAPH_INLINE
    try:
        html_paged.EDGES_INLINE = html_paged.GRAPH_INLINE = 1
        import checker.report.html as h
        h.GRAPH_INLINE = 1
        page = html.render(report)
    finally:
        html_paged.EDGES_INLINE, html_paged.GRAPH_INLINE = old
        h.GRAPH_INLINE = old[1]
    assert 'id="edges-data"' in page and "too many to draw" in page and "<svg" not in page.split('id="graph"')[1].split("</section>")[0]
    assert html_paged.SCRIPT_HASH in page


def test_one_reading_across_units_rounding_and_cut_figures():
    from checker.group import _converted_alike, _rounds_to

    assert _rounds_to(593.7e9, 593e9, 3) and _rounds_to(593.7e9, 594e9, 3) and not _rounds_to(595e9, 593e9, 3)
    assert _rounds_to(1.4e18, 1e18, 1) and not _rounds_to(1.9e18, 1e18, 1)
    assert _converted_alike(25.0, 270 * 0.09290304, {"m²"}, {"sq ft"})  # "25 square meters (270 square feet)"
    assert not _converted_alike(25.0, 30 * 0.09290304 * 10, {"m²"}, {"sq ft"})
    assert not _converted_alike(6500.0, 6486.0, {"kg"}, {"kg"})  # one system: the rules decide


def test_a_measure_is_read_in_its_base_unit():
    doc = Document(id="x", path="x.md", text="Fugaku scored 442 Pflop/s and 0.442 Eflop/s.\n", format="markdown")
    s = doc.text.strip()
    from dataclasses import replace
    c = _claim("cx", doc, s, quantities=(replace(_q(s, "442 Pflop/s", 442.0, "petaflop", kind="measure")), _q(s, "0.442 Eflop/s", 0.442, "exaflop", kind="measure")))
    from checker.group import _figure
    assert _figure(c, "q0")[1] == _figure(c, "q1")[1]


def _converted_report(sq_ft: float, tolerance=None):
    """"25 square meters" against a figure in square feet, joined by a supports verdict."""
    texts = {"m": "The flat has 25 square meters.\n", "f": f"The flat has {sq_ft:g} square feet.\n"}
    docs = [Document(id=k, path=f"docs/{k}.md", text=t, format="markdown") for k, t in texts.items()]
    sm, sf = texts["m"].strip(), texts["f"].strip()
    claims = [
        _claim("cm", docs[0], sm, quantities=(_q(sm, "25 square meters", 25.0, "m²", kind="measure"),)),
        _claim("cf", docs[1], sf, quantities=(_q(sf, f"{sq_ft:g} square feet", sq_ft, "sq ft", kind="measure"),)),
    ]
    report = Report(documents=docs, claims=claims, findings=[], edges=[Edge("cm", "cf", "supports", "NUM001", 1.0)], model="m")
    report.groups = build_groups(report, conversion_tolerance=tolerance)
    return report


def test_groups_fold_conversions_with_num001s_tolerance():
    from checker.group import CONVERSION_TOLERANCE
    from checker.judge.rulekinds.numeric import NumericMismatch
    from checker.judge.ruleset import load_rules

    num001 = next(r for r in load_rules() if r.id == "NUM001")
    assert CONVERSION_TOLERANCE == NumericMismatch.params["conversion_tolerance"].default == num001.impl.p["conversion_tolerance"]
    # 276 sq ft = 25.64 m², 2.5% off 25 m²: the rule agrees within 3%, so the group shows one value
    assert len(_converted_report(276.0).groups[0].values) == 1
    assert len(_converted_report(280.0).groups[0].values) == 2  # 26.01 m², 3.9% off
    # a rule file or configuration that sets another tolerance is followed
    assert len(_converted_report(276.0, tolerance=0.01).groups[0].values) == 2
    assert len(_converted_report(280.0, tolerance=0.05).groups[0].values) == 1


def test_pipeline_passes_the_loaded_rules_conversion_tolerance():
    from dataclasses import replace

    from tests.fakes import HashEmbedder
    from checker.judge.ruleset import load_rules
    from checker.pipeline import Pipeline, Settings

    rules = load_rules()
    pipeline = Pipeline(Settings(use_cache=False), embedder=HashEmbedder(), warn=lambda m: None, rules=rules)
    assert pipeline._conversion_tolerance() == 0.03
    num001 = next(r for r in rules if r.id == "NUM001")
    tuned = replace(num001, params={**num001.params, "conversion_tolerance": 0.05})
    pipeline = Pipeline(Settings(use_cache=False), embedder=HashEmbedder(), warn=lambda m: None,
                        rules=[tuned if r is num001 else r for r in rules])
    assert pipeline._conversion_tolerance() == 0.05


def test_json_group_values_in_a_base_unit():
    """"1.2 exaflops" and "1,150 petaflops" both in flop/s; money in its currency; a date has none."""
    texts = {
        "e": "El Capitan reached 1.2 exaflops and cost $600 million in 2024.\n",
        "p": "El Capitan reached 1,150 petaflops and cost $600 million in 2024.\n",
        "x": "El Capitan reached 1.2 exaflops and cost $600 million in 2025.\n",
    }
    docs = [Document(id=k, path=f"docs/{k}.md", text=t, format="markdown") for k, t in texts.items()]
    from report_fixtures import _d

    claims = []
    for doc in docs:
        s = doc.text.strip()
        flops = "1.2 exaflops" if "exa" in s else "1,150 petaflops"
        year = "2024" if "2024" in s else "2025"
        claims.append(_claim(f"c{doc.id}", doc, s, quantities=(
            _q(s, flops, 1.2 if "exa" in s else 1150.0, "exaflop" if "exa" in s else "petaflop", kind="measure"),
            _q(s, "$600 million", 6e8, "USD", kind="money")),
            dates=(_d(s, year, year, "year", f"{year}-01-01", f"{year}-12-31"),)))
    both = (("conflicts", "q0", "q0"), ("supports", "q1", "q1"), ("conflicts", "d0", "d0"))
    edges = [Edge("ce", "cp", "conflicts", "NUM001", 1.0, figures=both[:2]),
             Edge("ce", "cx", "supports", "NUM001", 1.0, figures=(("supports", "q0", "q0"), both[2]))]
    report = Report(documents=docs, claims=claims, findings=[], edges=edges, model="m")
    report.groups = build_groups(report)
    data = json.loads(json_format.render(report))
    by_unit = {}
    for g in data["groups"]:
        for v in g["values"]:
            assert list(v)[-2:] == ["base_value", "base_unit"]
            by_unit.setdefault(v["base_unit"], []).append((v["text"], v["base_value"]))
    assert sorted(by_unit["flop/s"]) == [("1,150 petaflops", 1150000000000000000), ("1.2 exaflops", 1200000000000000000)]
    assert by_unit["USD"] == [("$600 million", 600000000)]
    assert by_unit[None] == [("2024", None), ("2025", None)]  # a date: its value is already normalised
    frame = report.groups_frame()
    assert set(frame["base_unit"].dropna()) == {"flop/s", "USD"}


def test_base_value_keeps_every_digit_of_a_count():
    report = _report(relations=[("c1", "c3", "conflicts")])
    object.__setattr__(report.claims[2].quantities[0], "value", 3215776.0)
    report.groups = build_groups(report)
    (v,) = [v for v in report.groups[0].values if v.claims == ("c3",)]
    assert v.base_value == 3215776.0 and v.base_unit == "drone"


def test_rounding_folds_in_the_unit_as_written():
    """"2.788M GPU hours" and "2.79 million GPU hours": one reading, though in seconds (the base
    unit, by 3,600) the digits differ beyond any writer's rounding."""
    texts = {"a": "Training took 2.788M GPU hours.\n", "b": "Training took 2.79 million GPU hours.\n"}
    docs = [Document(id=k, path=f"docs/{k}.md", text=t, format="markdown") for k, t in texts.items()]
    claims = []
    for doc, figure, value in ((docs[0], "2.788M", 2.788e6), (docs[1], "2.79 million", 2.79e6)):
        s = doc.text.strip()
        claims.append(_claim(f"c{doc.id}", doc, s, quantities=(_q(s, figure, value, "hour", kind="measure"),)))
    report = Report(documents=docs, claims=claims, findings=[], edges=[Edge("ca", "cb", "supports", "NUM001", 1.0)], model="m")
    (g,) = build_groups(report)
    assert len(g.values) == 1 and g.status == "agree"
    assert g.values[0].text == "2.79 million" and g.values[0].base_unit == "s"
    report.edges = [Edge("ca", "cb", "conflicts", "NUM001", 1.0)]
    (g,) = build_groups(report)  # a rule's conflict keeps them apart
    assert len(g.values) == 2


def test_values_a_rule_found_agreeing_are_one_reading():
    docs = [_doc("d7"), _doc("d8")]
    claims = [
        _claim("c1", docs[0], docs[0].text.strip(), quantities=(_q(docs[0].text.strip(), "$47b", 47e9, "USD"),), subjects=("Acme",)),
        _claim("c2", docs[1], docs[1].text.strip(), quantities=(_q(docs[1].text.strip(), "$47.5 billion", 47.5e9, "USD"),), subjects=("Acme",)),
    ]
    joined = Report(documents=docs, claims=claims, findings=[], edges=[Edge("c1", "c2", "supports", "NUM001", 1.0, figures=(("supports", "q0", "q0"),))], model="m")
    (group,) = build_groups(joined)
    assert group.status == "agree" and len(group.values) == 1
    # the same two figures that a rule set against each other stay two values
    apart = Report(documents=docs, claims=claims, findings=[], edges=[Edge("c1", "c2", "conflicts", "NUM001", 1.0)], model="m")
    (group,) = build_groups(apart)
    assert len(group.values) == 2


# --------------------------------------------------------------------------- entity facts (ENT001)

ENTITY_TEXTS = {
    "ea": "The Kestrow array, switched on in 2029, is housed in Valletta.\n",
    "eb": "Since 2029 the Kestrow array has been located in Valletta.\n",
    "ec": "The Kestrow array, switched on in 2029, is located in Mdina.\n",
    "ed": "In 2029 the Kestrow array was sited at the Grenfell Observatory.\n",
    "ee": "The Kestrow array was sited at Grenfell in 2029.\n",
    "ef": "By 2029 the Kestrow array stood at the grenfell, a hill site.\n",
}


def _entity_claim(cid, doc, name, relation="location", year="2029"):
    from checker.model import Fact, Slot

    s = doc.text.strip()
    fact = Fact(f"{cid}.f2", "entity", None, name, measure=Slot(relation, "housed in", "sentence"),
                holder=Slot("Kestrow array", "Kestrow array", "sentence"), time=Slot(year, year, "sentence"),
                qualifier="GPE")
    date = Fact(f"{cid}.f1", "date", 0, year, time=Slot(year, year, "sentence"))
    from report_fixtures import _d

    return _claim(cid, doc, s, dates=(_d(s, year, year, "year", f"{year}-01-01", f"{year}-12-31"),),
                  subjects=("Kestrow",), facts=(date, fact))


def _entity_report(names, relations, findings=()):
    docs = [Document(id=k, path=f"docs/{k}.md", text=ENTITY_TEXTS[k], format="markdown") for k in names]
    claims = [_entity_claim(f"c{d.id}", d, names[d.id]) for d in docs]
    edges = [Edge(a, b, r, "ENT001", 1.0, figures=((r, "e0", "e0"),)) for a, b, r in relations]
    report = Report(documents=docs, claims=claims, findings=list(findings), edges=edges, model="m")
    report.groups = build_groups(report)
    return report


def test_entity_conflict_is_a_disagreeing_group_in_every_format():
    finding = Finding("f1", "ENT001", "entity.mismatch", "conflict", "error", "Valletta vs Mdina", ("cea", "cec"), "fp1")
    report = _entity_report({"ea": "Valletta", "eb": "Valletta", "ec": "Mdina"},
                            [("cea", "ceb", "supports"), ("cea", "cec", "conflicts"), ("ceb", "cec", "conflicts")],
                            [finding])
    (g,) = report.groups  # the entity facts, never the claims' dates, which no verdict joined
    assert g.status == "disagree" and g.label == "Kestrow array: location (2029)"
    assert (g.holder, g.measure, g.place, g.majority) == ("Kestrow array", "location", None, "Valletta")
    assert [(v.text, v.value, v.unit, v.documents) for v in g.values] == [
        ("Valletta", "Valletta", "entity", ("ea", "eb")), ("Mdina", "Mdina", "entity", ("ec",))]
    data = json.loads(json_format.render(report))
    (jg,) = data["groups"]
    assert [(v["value"], v["unit"], v["base_value"], v["base_unit"]) for v in jg["values"]] == [
        ("Valletta", "entity", None, None), ("Mdina", "entity", None, None)]
    assert data["findings"][0]["group"] == jg["id"]
    md = markdown.render(report)
    assert "Kestrow array: location (2029)" in md and "| Valletta \\(majority\\) | 2 | docs/ea.md:1, docs/eb.md:1" in md
    assert "Valletta (majority): 2 documents" in terminal.render(report)
    assert "Kestrow array: location (2029)" in html.render(report)
    assert list(report.groups_frame()["value"]) == ["Valletta", "Mdina"]
    assert "Mdina" in csv_format.render_groups(report)


def test_entity_names_a_rule_found_agreeing_are_one_reading():
    # "Grenfell" within "Grenfell Observatory": ENT001 supports, so one reading, by its shorter name
    # "the grenfell" folds with "Grenfell" (case, "the") as the rules fold names
    report = _entity_report({"ed": "Grenfell Observatory", "ee": "Grenfell", "ef": "the grenfell"},
                            [("ced", "cee", "supports"), ("cee", "cef", "supports")])
    (g,) = report.groups
    assert g.status == "agree" and len(g.values) == 1
    assert g.values[0].value == "Grenfell" and set(g.values[0].claims) == {"ced", "cee", "cef"}
    # the same names that a rule set apart stay two readings
    report = _entity_report({"ed": "Grenfell Observatory", "ee": "Grenfell"}, [("ced", "cee", "conflicts")])
    (g,) = report.groups
    assert [v.value for v in g.values] == ["Grenfell", "Grenfell Observatory"] and g.status == "disagree"


def test_entity_group_stays_apart_from_the_claims_dates():
    report = _entity_report({"ea": "Valletta", "ec": "Mdina"}, [("cea", "cec", "conflicts")])
    report.edges.append(Edge("cea", "cec", "supports", "DAT001", 1.0, figures=(("supports", "d0", "d0"),)))
    report.groups = build_groups(report)
    assert sorted((g.status, tuple(v.value for v in g.values)) for g in report.groups) == [
        ("agree", ("2029",)), ("disagree", ("Mdina", "Valletta"))]
