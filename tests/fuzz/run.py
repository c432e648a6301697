"""A long fuzz run of the readers, the segmenter and the extractors, outside pytest.

    python -m tests.fuzz.run --budget 200000          # inputs to try
    python -m tests.fuzz.run --seconds 300 --seed 7   # or a time budget

Inputs are mutations (bit flips, deletions, duplications, splices, and insertions of
tokens that have broken parsers before) of a corpus of real documents (``seeds/``,
the test fixtures) and of hostile snippets, at sizes from a few bytes to about
100 kB. Each input is checked as:

* bytes: :func:`checker.ingest.documents.decode` returns text or raises a one-line
  ``InputError``, nothing else;
* text, Markdown and HTML: each reader returns blocks whose every character maps
  to its spot in the original (as :func:`tests.test_documents.assert_block_offsets`);
* claims: every claim's span, line and column point into the original, its figures
  and dates are exact slices of its text with finite values;
* sentences: spans ordered, stripped, within the length and figure limits;
* time: an input that takes more than ``--slow`` seconds per 10 kB is reported.

A failing input is saved under ``--findings`` (default: ``$TMPDIR/claimgraph-fuzz-findings``; bytes, with the target and
the error) and the run goes on; the summary gives the number of inputs tried, per
target, and what was found. Exit code 1 when anything was found.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.ingest import markup_html, markup_markdown, markup_text  # noqa: E402
from checker.extract.claims import document_claims  # noqa: E402
from checker.ingest.documents import decode  # noqa: E402
from checker.errors import InputError  # noqa: E402
from checker.model import Document  # noqa: E402
from checker.ingest.sections import assign_sections  # noqa: E402
from checker.ingest.segment import MAX_NUMBERS, MAX_SENTENCE, split_sentences  # noqa: E402
from tests.test_documents import assert_block_offsets  # noqa: E402

#: Where failing inputs go (outside the repository by default; ``--findings DIR``).
FINDINGS = Path(tempfile.gettempdir()) / "claimgraph-fuzz-findings"

TOKENS = [
    b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<![", b"<?", b"</", b"<a href='", b"<script>", b"</script>", b"<p>",
    b"</p>", b"<div>", b"<li>", b"<td>", b"<table>", b"<title>", b"<h1>", b"&amp;", b"&#", b"&#x", b"&#8217;", b"&",
    b"**", b"`", b"```\n", b"[", b"](", b")", b"![", b"# ", b"> ", b"- ", b"1. ", b"|", b"\\", b"---\n",
    b"\n", b"\r\n", b"\r", b"\t", b" ", b"\x00", b"\xff", b"\xc3", b"\xe2\x80\x9c", b"\xef\xbb\xbf", b"\xff\xfe",
    b"$", b"\xc2\xa5", b"\xe2\x82\xac", b"%", b"1", b"23", b"2025", b"921,000", b"15.3", b" million", b" billion",
    b"bn", b"x", b"Q3 ", b"July 12, ", b"FY", b"[1]", b"[1, 4]", b" over ", b" about ", b" up to ", b"24 of the top 100",
    b". ", b"? ", b"U.S. ", b"Dr. ", b"No. 5", b"\xe2\x80\x94", b"-", b"/", b"9" * 40,
]

HOSTILE = [
    b"<!--" * 200, b"<a" * 300, b"<![ 1" * 100, b"a`\n" * 300, b"$1 " * 400, b"[1]" * 300, b"&#" * 200 + b";",
    b"<div>" * 500 + b"x", b"# a\n" * 200, b"* " * 300, b"[" * 500, b"\xe2\x80\x9c2\xe2\x80\x9d" * 200,
    "In 2023, China authorized 921,000 invention patents, up 15.3% from ¥300 billion ($41.5 billion).".encode(),
]


def _corpus() -> list[bytes]:
    out = list(HOSTILE)
    for folder in (ROOT / "seeds", ROOT / "tests" / "fixtures" / "docs"):
        for path in sorted(folder.glob("*")):
            if path.is_file():
                out.append(path.read_bytes())
    return out


def mutate(rng: random.Random, corpus: list[bytes]) -> bytes:
    data = bytearray(rng.choice(corpus))
    if len(data) > 4000 and rng.random() < 0.7:  # mostly a window of a big document
        start = rng.randrange(len(data) - 2000)
        data = data[start : start + rng.randrange(200, 4000)]
    for _ in range(rng.randrange(1, 12)):
        op = rng.random()
        pos = rng.randrange(len(data) + 1)
        if op < 0.35:
            data[pos:pos] = rng.choice(TOKENS) * rng.choice((1, 1, 1, 2, 5, 50))
        elif op < 0.5 and data:
            end = min(len(data), pos + rng.randrange(1, 64))
            del data[pos:end]
        elif op < 0.6 and data:
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        elif op < 0.7 and data:
            end = min(len(data), pos + rng.randrange(1, 400))
            data[pos:pos] = data[pos:end] * rng.randrange(1, 20)
        elif op < 0.8:
            other = rng.choice(corpus)
            s = rng.randrange(len(other) + 1)
            data[pos:pos] = other[s : s + rng.randrange(1, 2000)]
        elif op < 0.9 and len(data) < 50_000 and rng.random() < 0.2:
            data = data * rng.randrange(2, 20)  # grow: long lines, many blocks
    return bytes(data[:120_000])


class Slow(Exception):
    pass


def _alarm(signum, frame):
    raise Slow("timed out")


def check_text(text: str, fmt: str) -> None:
    reader = {"text": markup_text, "markdown": markup_markdown, "html": markup_html}[fmt]
    blocks, meta = reader.parse_with_meta(text)
    blocks = assign_sections(blocks)
    for block in blocks:
        assert_block_offsets(block, text)
        for s, e in split_sentences(block.text):
            assert 0 <= s < e <= len(block.text)
            assert e - s <= MAX_SENTENCE
            assert len(re.findall(r"\d+", block.text[s:e])) <= MAX_NUMBERS
    doc = Document(id="d1", path="p", text=text, format=fmt, blocks=blocks)
    for claim in document_claims(doc):
        assert 0 <= claim.start <= claim.end <= len(text)
        assert (claim.line, claim.column) == doc.line_column(claim.start)
        for q in claim.quantities:
            assert claim.text[q.start : q.end] == q.text and math.isfinite(q.value), q
        for d in claim.dates:
            assert claim.text[d.start : d.end] == d.text and d.first <= d.last, d


def run_one(data: bytes, stats: dict) -> list[tuple[str, str]]:
    """Problems found with one input: [(target, message)]."""
    problems = []
    try:
        text = decode(data, "x")
    except InputError as exc:
        stats["refused"] += 1
        if "\n" in str(exc) or not str(exc).startswith("x: "):
            problems.append(("decode", f"malformed error: {exc!r}"))
        text = data.decode("utf-8", errors="replace").replace("\x00", "")  # the readers still get text
    except Exception:  # noqa: BLE001
        problems.append(("decode", traceback.format_exc(limit=3)))
        return problems
    for fmt in ("text", "markdown", "html"):
        try:
            check_text(text, fmt)
            stats[fmt] += 1
        except Slow:
            raise
        except Exception:  # noqa: BLE001
            problems.append((fmt, traceback.format_exc(limit=4)))
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--budget", type=int, default=20_000, help="inputs to try (default 20000)")
    ap.add_argument("--seconds", type=float, default=None, help="stop after this many seconds")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--slow", type=float, default=2.0, help="seconds per 10 kB that count as too slow (default 2)")
    ap.add_argument("--findings", type=Path, default=FINDINGS, help=f"where failing inputs go (default {FINDINGS})")
    args = ap.parse_args(argv)
    findings_dir = args.findings
    rng = random.Random(args.seed)
    corpus = _corpus()
    stats = {"inputs": 0, "bytes": 0, "refused": 0, "text": 0, "markdown": 0, "html": 0}
    found: dict[str, tuple[str, str, int]] = {}  # signature -> (target, message, size)
    slowest = (0.0, 0)
    signal.signal(signal.SIGALRM, _alarm)
    start = time.monotonic()
    while stats["inputs"] < args.budget:
        if args.seconds is not None and time.monotonic() - start > args.seconds:
            break
        data = mutate(rng, corpus)
        stats["inputs"] += 1
        stats["bytes"] += len(data)
        limit = max(5.0, args.slow * len(data) / 10_000)
        signal.setitimer(signal.ITIMER_REAL, limit * 3)
        t = time.perf_counter()
        try:
            problems = run_one(data, stats)
        except Slow:
            problems = [("time", f"over {limit * 3:.0f} s for {len(data)} bytes")]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - t
        if took > slowest[0]:
            slowest = (took, len(data))
        if took > limit and not problems:
            problems = [("time", f"{took:.1f} s for {len(data)} bytes")]
        for target, message in problems:
            last = [ln for ln in message.strip().splitlines() if ln.strip()][-1][:200]
            where = re.findall(r'File "([^"]+)", line (\d+)', message)
            signature = f"{target}: {last} @ {where[-1] if where else ''}"
            if signature not in found or len(data) < found[signature][2]:
                findings_dir.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256(data).hexdigest()[:12]
                (findings_dir / f"{target}-{digest}.bin").write_bytes(data)
                (findings_dir / f"{target}-{digest}.txt").write_text(message, encoding="utf-8")
                found[signature] = (target, message, len(data))
        if stats["inputs"] % 1000 == 0:
            print(f"{stats['inputs']} inputs, {len(found)} findings, {time.monotonic() - start:.0f} s", flush=True)
    elapsed = time.monotonic() - start
    print(
        f"\n{stats['inputs']} inputs ({stats['bytes'] / 1e6:.1f} MB) in {elapsed:.0f} s, seed {args.seed}: "
        f"{stats['refused']} refused by decode (as binary or undecodable), each read as text, Markdown "
        f"and HTML ({stats['text']}/{stats['markdown']}/{stats['html']} checked); slowest input "
        f"{slowest[0]:.2f} s ({slowest[1]} bytes)"
    )
    if not found:
        print("nothing found")
        return 0
    print(f"{len(found)} distinct findings (inputs in {findings_dir}):")
    for signature in sorted(found):
        print(f"  {signature}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
