"""Issue 18's scale check: the fact-grouping stage's share of a cold scan, the HTML report's size,
its load time in headless Chromium, and screenshots of its Discrepancies section.

    python bench/group_scale.py --docs 1000 [--out bench/results] [--replicate 10]

Generates the benchmark corpus (bench/generate_corpus.py) in a scratch folder, scans it cold (an
empty cache folder) with the real encoder, and reads ``Pipeline.timings['groups']``. Also renders
any extra folders given with ``--folder NAME=PATH`` (a realdocs topic's bodies) for screenshots.
``--replicate K`` also renders the corpus's report copied K times under new ids and paths (K times
the documents, claims, findings, edges and groups), to measure the HTML page at K times the scale
without scanning that many documents; its row says ``"replicated": K``.
"""

from __future__ import annotations

import argparse
import json
import os
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


def sections(page: str) -> dict[str, int]:
    """Bytes of each ``<section id=...>`` of the page."""
    import re

    marks = [(m.start(), m.group(1)) for m in re.finditer(r'<section id="([\w-]+)"', page)] + [(len(page), "")]
    return {name: len(page[a:b].encode("utf-8")) for (a, name), (b, _) in zip(marks, marks[1:])}


def replicate(report, k: int):
    """``report`` k times over, each copy's ids and paths prefixed ``r<i>-``."""
    from dataclasses import replace

    from checker.model import Report

    docs, claims, findings, edges, groups = [], [], [], [], []
    for i in range(k):
        p = f"r{i}-"
        docs += [replace(d, id=p + d.id, path=p + d.path) for d in report.documents]
        claims += [replace(c, id=p + c.id, doc=p + c.doc, path=p + c.path, facts=()) for c in report.claims]
        findings += [replace(f, id=p + f.id, claims=tuple(p + c for c in f.claims), fingerprint=p + f.fingerprint) for f in report.findings]
        edges += [replace(e, source=p + e.source, target=p + e.target) for e in report.edges]
        groups += [replace(g, id=p + g.id, values=tuple(replace(v, claims=tuple(p + c for c in v.claims), documents=tuple(p + d for d in v.documents)) for v in g.values)) for g in report.groups]
    return Report(documents=docs, claims=claims, findings=findings, edges=edges, model=report.model, groups=groups)


def page_row(name: str, report, out: Path, scratch: Path) -> dict:
    t = time.perf_counter()
    page = render(report, "html")
    render_s = time.perf_counter() - t
    html_path = scratch / f"{name}.html"
    html_path.write_text(page, encoding="utf-8")
    png = out / f"groups-{name}.png"
    load = shoot(html_path, png)
    return {"html_bytes": len(page.encode("utf-8")), "html_render_s": round(render_s, 2), "chromium_load_s": round(load, 2),
            "sections": sections(page), "screenshot": str(png.relative_to(ROOT) if png.resolve().is_relative_to(ROOT) else png)}


def run(name: str, folder: Path, out: Path, scratch: Path, replicas: int = 0) -> list[dict]:
    p = Pipeline(Settings(cache_dir=str(scratch / f"cache-{name}")), warn=lambda m: None)
    t = time.perf_counter()
    here = os.getcwd()
    os.chdir(folder.parent)  # paths in the report relative to the scratch folder, as a user's would be
    try:
        report = p.scan([folder.name])
    finally:
        os.chdir(here)
    wall = time.perf_counter() - t
    p.close()
    row = {
        "name": name, "documents": len(report.documents), "claims": len(report.claims),
        "edges": len(report.edges), "findings": len(report.findings),
        "groups": len(report.groups), "disagreeing": sum(g.status == "disagree" for g in report.groups),
        "scan_s": round(wall, 2), "groups_s": round(p.timings.get("groups", 0.0), 3),
        "groups_share": round(p.timings.get("groups", 0.0) / wall, 4),
        **page_row(name, report, out, scratch),
    }
    print(json.dumps(row), flush=True)
    rows = [row]
    if replicas > 1:
        big = replicate(report, replicas)
        name = f"{name}-x{replicas}"
        row = {"name": name, "replicated": replicas, "documents": len(big.documents), "claims": len(big.claims),
               "edges": len(big.edges), "findings": len(big.findings), "groups": len(big.groups),
               **page_row(name, big, out, scratch)}
        print(json.dumps(row), flush=True)
        rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--folder", action="append", default=[], help="NAME=PATH, scanned and shot too")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    ap.add_argument("--replicate", type=int, default=0, help="also render the corpus report K times over")
    ap.add_argument("--json", default="groups-scale.json", help="name of the figures file written in --out")
    args = ap.parse_args()
    from generate_corpus import generate

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        for spec in args.folder:
            name, path = spec.split("=", 1)
            rows += run(name, Path(path), out, scratch)
        if args.docs:
            corpus = scratch / "corpus"
            generate(corpus, args.docs)
            rows += run(f"corpus-{args.docs}", corpus, out, scratch, args.replicate)
    (out / args.json).write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
