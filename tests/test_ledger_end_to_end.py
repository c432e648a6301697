"""``claimgraph check draft.md --against seeds/`` with the real model: the claim ledger's
statuses for a draft that changes figures and dates of the seeds, the same report whether
the archive is the folder or a saved index, and ``--review-severity``."""

from __future__ import annotations

import json

import pytest

from checker.cli import main
from tests.conftest import SEEDS

pytestmark = pytest.mark.model

DRAFT = """---
title: "China's technology surge (draft)"
date: 2026-05-02
---

# China's technology surge

In 2023, China authorized 798,000 invention patents, a 15.3% year-on-year increase.

China now accounts for 24 of the world's top 100 technology clusters.

In 2022, China unveiled a domestic supercomputer capable of two exaflops.

Beijing's AI sector now counts over 2,400 registered enterprises.

The International Federation of Robotics counted 600,000 robot installations in 2025.

Collaborative robots now make up 31% of sales, driven by SME demand in electronics assembly.

The city's bakeries sold 3,000 croissants a day in 2021.

> "China now accounts for 24 of the world's top 100 technology clusters."
"""

EXPECTED = [  # (a piece of the draft sentence, status, the archive lines of its evidence)
    ("798,000 invention patents", "conflicting", ["china-ai-robotics-2026.txt:4"]),
    ("24 of the world's top 100", "confirmed", ["china-ai-robotics-2026.txt:5", "china-ai-robotics-2026.txt:7"]),
    ("In 2022, China unveiled", "conflicting", ["china-ai-robotics-2026.txt:3"]),
    ("over 2,400 registered", "confirmed", ["global-ai-robotics-report-2025-04-12.txt:14", "global-ai-robotics-report-2025-04-12.txt:16"]),
    ("600,000 robot installations", "review", ["global-ai-robotics-report-2025-04-12.txt:79"]),
    # "make up" and "represent" one share, "now" on pages a year apart (2026 / 2025): two times, for review
    ("31% of sales", "review", ["global-ai-robotics-report-2025-04-12.txt:79"]),
    ("croissants", "unverified", []),
    ("24 of the world's top 100", "confirmed", ["china-ai-robotics-2026.txt:5", "china-ai-robotics-2026.txt:7"]),
]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ledger")
    draft = folder / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    index = folder / "index"
    assert main(["index", str(SEEDS), "--index", str(index), "-q"]) == 0
    codes = {}
    for name, against in (("folder", str(SEEDS)), ("index", str(index))):
        outputs = [str(folder / f"{name}.{ext}") for ext in ("json", "md", "txt", "html")]
        codes[name] = main(["check", str(draft), "--against", against, "-q", *sum((["-o", o] for o in outputs), [])])
    return folder, codes


def _ledger(folder, name):
    report = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    claims = {c["id"]: c for c in report["claims"]}
    paths = {d["id"]: d["path"] for d in report["documents"]}
    rows = []
    for entry in report["ledger"]:
        evidence = [f"{paths[claims[c]['doc']].rsplit('/', 1)[-1]}:{claims[c]['line']}" for c in entry["evidence"]]
        rows.append((claims[entry["claim"]]["text"], entry["status"], evidence, entry["finding"]))
    return report, rows


def test_ledger_end_to_end_statuses_of_a_draft_against_the_seeds(runs):
    folder, codes = runs
    assert codes == {"folder": 1, "index": 1}  # two conflicts at error
    report, rows = _ledger(folder, "folder")
    assert len(rows) == len(EXPECTED) == sum(c["doc"] == "d1" for c in report["claims"])
    for (text, status, evidence, finding), (piece, want, lines) in zip(rows, EXPECTED):
        assert piece in text
        assert (status, evidence) == (want, lines), text
        assert (finding is not None) == (status == "conflicting"), text
    assert report["summary"]["ledger"] == {"confirmed": 3, "conflicting": 2, "review": 2, "unverified": 1}
    txt = (folder / "folder.txt").read_text(encoding="utf-8")
    assert "8 draft claims: 3 confirmed, 2 conflicting, 2 to review, 1 unverified" in txt
    assert "the draft says 798,000 invention patents, the archive says 921,000 invention patents" in txt
    assert "the draft dates it 2022, the archive 2024" in txt
    md = (folder / "folder.md").read_text(encoding="utf-8")
    assert "similarity" not in md and "context words" not in md
    html = (folder / "folder.html").read_text(encoding="utf-8")
    assert html.count('<a class="claim st-') == 8


def test_ledger_end_to_end_same_report_from_a_folder_or_an_index(runs):
    folder, _ = runs
    assert [r[1:3] for r in _ledger(folder, "index")[1]] == [r[1:3] for r in _ledger(folder, "folder")[1]]
    for ext in ("md", "txt"):
        assert (folder / f"index.{ext}").read_text(encoding="utf-8") == (folder / f"folder.{ext}").read_text(encoding="utf-8")


def test_ledger_end_to_end_review_severity_decides_the_exit_code(tmp_path):
    draft = tmp_path / "review.md"
    draft.write_text(
        "The International Federation of Robotics counted 600,000 robot installations in 2025.\n\n"
        "The city's bakeries sold 3,000 croissants a day in 2021.\n",
        encoding="utf-8",
    )
    base = ["check", str(draft), "--against", str(SEEDS), "-q", "-o", str(tmp_path / "r.json")]
    assert main(base) == 0  # a review alone never fails a run by default
    ledger = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["ledger"]
    assert [e["status"] for e in ledger] == ["review", "unverified"]
    assert main([*base, "--review-severity", "error"]) == 1
    assert main([*base, "--review-severity", "warning"]) == 0  # below --fail-on error
    assert main([*base, "--review-severity", "warning", "--fail-on", "warning"]) == 1
    (tmp_path / "claimgraph.toml").write_text('review_severity = "error"\n', encoding="utf-8")
    assert main([*base, "--config", str(tmp_path / "claimgraph.toml")]) == 1
