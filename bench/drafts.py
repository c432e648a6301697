"""Drafts benchmark (issue 16): drafts written as a new user would, checked against ``seeds/``.

Each ``bench/drafts/NAME.md`` is a short Markdown draft restating facts of the two seed documents,
some exactly or rounded (expected ``confirmed``, never ``conflicting``) and some with a planted
change: a figure, a year or date, a region or a metric swapped (expected ``conflicting`` or
``review``, never ``confirmed``). ``NAME.json`` beside it lists the sentences with ``expect``
(``confirmed`` or ``changed``) and, for a change, what was changed.

For each draft the script runs ``claimgraph check DRAFT --against seeds/ --format json`` (the CLI)
and reads the ledger: a manifest sentence's status is the worst (conflicting > review > confirmed >
unverified) over the draft claims whose text contains it or is contained in it ("missing" when no
claim matches). Printed per draft and overall: planted changes found as conflicting, as review;
restatements confirmed; false conflicts on restatements; and changes passed as confirmed.

    .venv/bin/python bench/drafts.py [--cache-dir DIR] [--no-write] [--verbose]

Written to ``bench/results/drafts-<YYYYMMDD-HHMM>-<shortcommit>/`` as ``results.json`` and ``table.txt``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "bench" / "drafts"
SEEDS = ROOT / "seeds"
RANK = {"conflicting": 0, "review": 1, "confirmed": 2, "unverified": 3, "missing": 4}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(a, b)
    return " ".join(text.split()).casefold()


def run_check(draft: Path, cache_dir: str | None) -> dict:
    exe = Path(sys.executable).with_name("claimgraph")
    cmd = [str(exe), "check", str(draft), "--against", str(SEEDS), "--format", "json"]
    if cache_dir:
        cmd += ["--cache-dir", cache_dir]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if not proc.stdout.strip():
        raise SystemExit(f"claimgraph check {draft.name} gave no output (rc {proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout)


def statuses(report: dict, manifest: dict) -> list[dict]:
    claims = {c["id"]: c for c in report["claims"]}
    ledger = report.get("ledger", [])
    rows = []
    for s in manifest["sentences"]:
        want = norm(s["text"]).rstrip(".")
        found = []
        for entry in ledger:
            text = norm(claims[entry["claim"]]["text"]).rstrip(".")
            if want in text or (text and text in want):
                found.append(entry)
        status = min((e["status"] for e in found), key=RANK.__getitem__, default="missing")
        rules = sorted({f["rule"] for f in report["findings"]
                        for e in found if e["claim"] in f["claims"]})
        severities = sorted({f["severity"] for f in report["findings"]
                             for e in found if e["claim"] in f["claims"]})
        rows.append({"text": s["text"], "expect": s["expect"], "change": s.get("change"),
                     "status": status, "rules": rules, "severities": severities})
    return rows


def tally(rows: list[dict]) -> dict:
    changed = [r for r in rows if r["expect"] == "changed"]
    same = [r for r in rows if r["expect"] == "confirmed"]
    return {
        "changes": len(changed),
        "changes_conflicting": sum(r["status"] == "conflicting" for r in changed),
        "changes_review": sum(r["status"] == "review" for r in changed),
        "changes_confirmed": sum(r["status"] == "confirmed" for r in changed),
        "restatements": len(same),
        "restatements_confirmed": sum(r["status"] == "confirmed" for r in same),
        "false_conflicts": sum(r["status"] == "conflicting" for r in same),
    }


def line(name: str, t: dict) -> str:
    return (f"{name:<16} changes found: {t['changes_conflicting']}/{t['changes']} conflicting, "
            f"{t['changes_review']}/{t['changes']} review "
            f"(found {t['changes_conflicting'] + t['changes_review']}/{t['changes']}; "
            f"{t['changes_confirmed']} passed as confirmed) | restatements confirmed "
            f"{t['restatements_confirmed']}/{t['restatements']}, false conflicts "
            f"{t['false_conflicts']}/{t['restatements']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache-dir")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    per_draft, all_rows, out_lines = {}, [], []
    for manifest_path in sorted(DRAFTS.glob("*.json")):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        report = run_check(DRAFTS / manifest["draft"], args.cache_dir)
        rows = statuses(report, manifest)
        per_draft[manifest["draft"]] = {"tally": tally(rows), "rows": rows}
        all_rows += rows
        out_lines.append(line(manifest_path.stem, tally(rows)))
        if args.verbose:
            for r in rows:
                out_lines.append(f"    [{r['expect']:<9} -> {r['status']:<11}] {r['text']}"
                                 f"{'  (' + r['change'] + ')' if r['change'] else ''} {r['rules']}")
    total = tally(all_rows)
    out_lines.append(line("OVERALL", total))
    table = "\n".join(out_lines)
    print(table)
    if not args.no_write:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                cwd=ROOT).stdout.strip()
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d-%H%M")
        out = ROOT / "bench" / "results" / f"drafts-{stamp}-{commit}"
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.json").write_text(json.dumps({"commit": commit, "overall": total, "drafts": per_draft},
                                                     indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (out / "table.txt").write_text(table + "\n", encoding="utf-8")
        print(f"written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
