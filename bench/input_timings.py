"""Wall-clock figures for the input paths whose tests count work instead of timing it.

    .venv/bin/python bench/input_timings.py

The tests (tests/test_segment.py, tests/test_hostile_input.py) guard linear growth with
deterministic work counts (tests/workcount.py), never a clock, so a loaded machine cannot
fail them. The times they used to assert are printed here, for a person to read on a
quiet machine; nothing here passes or fails.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def main() -> None:
    from checker.ingest import markup_html, markup_markdown
    from checker.extract.claims import document_claims
    from checker.ingest.documents import load_document
    from checker.ingest.segment import split_sentences

    lines = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines *= 100
    count, seconds = timed(lambda: sum(len(split_sentences(line)) for line in lines))
    print(f"segment: {count:,} sentences in {seconds:.2f} s ({count / seconds:,.0f} a second)")

    with tempfile.TemporaryDirectory() as tmp:
        for pattern in (
            "In 2023, China authorized 921,000 invention patents, up 15.3% from $41.5 billion. ",
            "$1 ",
            "[1]",
        ):
            row = []
            for size in (20_000, 80_000, 1_000_000):
                path = Path(tmp) / f"line{size}.txt"
                path.write_text((pattern * (size // len(pattern) + 1))[:size], encoding="utf-8")
                _, seconds = timed(lambda: document_claims(load_document(path, "d1")))
                row.append(f"{size / 1000:,.0f} kB {seconds:.2f} s")
            print(f"long line {pattern[:12]!r}: " + ", ".join(row))

    for unit, repeat in (("<!--", 50_000), ("<a", 50_000), ('<a href="x', 20_000), ("</", 50_000),
                         ("<?", 50_000), ("<![CDATA[", 20_000), ("<![ 1", 20_000), ("<div>", 40_000)):
        _, seconds = timed(markup_html.parse_with_meta, unit * repeat)
        print(f"html {unit!r} x {repeat:,}: {seconds:.2f} s")
    for repeat in (10_000, 40_000):
        _, seconds = timed(markup_markdown.parse_with_meta, "a`\n" * repeat)
        print(f"markdown code spans x {repeat:,}: {seconds:.2f} s")

    import checker.pipeline
    from checker.cli import main as cli
    from tests.fake_cli import FakeModel

    checker.pipeline.SentenceTransformerEmbedder = FakeModel
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "many"
        for i in range(3000):
            sub = folder / f"{i % 30:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            text = f"In 2023, unit {i} sold {i + 1} robots.\n" if i % 100 == 0 else "A note with no figure.\n"
            (sub / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):
            _, seconds = timed(cli, ["scan", str(folder), "--format", "json", "--fail-on", "never", "-q", "--no-cache"])
        print(f"scan of 3,000 small files (fake encoder): {seconds:.2f} s")


if __name__ == "__main__":
    main()
