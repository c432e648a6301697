"""Issue 18's scale check: the fact-grouping stage's share of a cold scan, the HTML report's size,
its load time in headless Chromium, and screenshots of its Discrepancies section.

    python bench/group_scale.py --docs 1000 [--out bench/results] [--html REPORT.json-free scan]

Generates the benchmark corpus (bench/generate_corpus.py) in a scratch folder, scans it cold (an
empty cache folder) with the real encoder, and reads ``Pipeline.timings['groups']``. Also renders
any extra folders given with ``--folder NAME=PATH`` (a realdocs topic's bodies) for screenshots.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from checker.pipeline import Pipeline, Settings  # noqa: E402
from checker.report import render  # noqa: E402


def shoot(html_path: Path, png: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = b.new_page(viewport={"width": 1280, "height": 1000})
        t = time.perf_counter()
        page.goto(html_path.as_uri())
        page.wait_for_selector("#groups-list .group", timeout=60000)
        load = time.perf_counter() - t
        page.locator("#discrepancies").screenshot(path=str(png)) if page.locator("#discrepancies").bounding_box()["height"] < 4000 else page.screenshot(path=str(png))
        b.close()
    return load


def run(name: str, folder: Path, out: Path, scratch: Path) -> dict:
    p = Pipeline(Settings(cache_dir=str(scratch / f"cache-{name}")), warn=lambda m: None)
    t = time.perf_counter()
    report = p.scan([str(folder)])
    wall = time.perf_counter() - t
    p.close()
    page = render(report, "html")
    html_path = scratch / f"{name}.html"
    html_path.write_text(page, encoding="utf-8")
    png = out / f"groups-{name}.png"
    load = shoot(html_path, png)
    row = {
        "name": name, "documents": len(report.documents), "claims": len(report.claims),
        "groups": len(report.groups), "disagreeing": sum(g.status == "disagree" for g in report.groups),
        "scan_s": round(wall, 2), "groups_s": round(p.timings.get("groups", 0.0), 3),
        "groups_share": round(p.timings.get("groups", 0.0) / wall, 4),
        "html_bytes": len(page.encode("utf-8")), "chromium_load_s": round(load, 2), "screenshot": str(png.relative_to(ROOT)),
    }
    print(json.dumps(row), flush=True)
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--folder", action="append", default=[], help="NAME=PATH, scanned and shot too")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = ap.parse_args()
    from generate_corpus import generate

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for spec in args.folder:
            name, path = spec.split("=", 1)
            rows.append(run(name, Path(path), out, scratch))
        if args.docs:
            corpus = scratch / "corpus"
            generate(corpus, args.docs)
            rows.append(run(f"corpus-{args.docs}", corpus, out, scratch))
    (out / "groups-scale.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
