"""What the exact, machine-independent pair scores cost in the candidate search.

    .venv/bin/python bench/similarity_cost.py                 # the 10,000-document corpus
    .venv/bin/python bench/similarity_cost.py --docs 1000

Generates the benchmark corpus (bench/generate_corpus.py, seeded), reads, extracts and
embeds it with the default model (embeddings cached in ``bench/corpus-cache/``, so a rerun
skips the encoder), then runs the candidate search as a scan does (``nearest_pairs`` with the
scan's settings) three times, timing the whole search and, inside it, the float32 proposal
(``similarity.propose``) and the exact per-pair scoring (``similarity.pair_scores``). Prints
the times and the share of the search, and of the scan's measured total, spent in exact
scoring. The figures are CPU time of this process on this machine: compare ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _timed(module, name: str, spent: list[float]):
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    setattr(module, name, wrapper)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from generate_corpus import generate

    from checker.pair import similarity
    from checker.pair.candidates import nearest_pairs, search_method
    from checker.pipeline import Pipeline, Settings

    corpus = ROOT / "bench" / "corpus" / f"similarity-{args.docs}"
    if not (corpus / "manifest.json").is_file():
        generate(corpus, docs=args.docs, seed=0)
    settings = Settings(cache_dir=str(ROOT / "bench" / "corpus-cache"), use_cache=True)
    pipeline = Pipeline(settings)
    try:
        started = time.perf_counter()
        documents = pipeline.load([str(corpus)])
        claims = pipeline.claims(documents)
        vectors = pipeline.embed(claims)
        prepared = time.perf_counter() - started
    finally:
        pipeline.close()
    n = vectors.shape[0]
    proposal: list[float] = []
    scoring: list[float] = []
    _timed(similarity, "propose", proposal)
    _timed(similarity, "pair_scores", scoring)
    totals, scored, proposed = [], [], []
    for _ in range(args.repeat):
        proposal.clear()
        scoring.clear()
        start = time.perf_counter()
        pairs = nearest_pairs(vectors, k=settings.neighbours, threshold=settings.pair_threshold)
        totals.append(time.perf_counter() - start)
        scored.append(sum(scoring))
        proposed.append(sum(proposal))
    total, score, prop = statistics.median(totals), statistics.median(scored), statistics.median(proposed)
    print(f"corpus: {args.docs} documents, {n} claims, {vectors.shape[1]} dimensions; search: {search_method(n)}")
    print(f"read + extract + embed (cached embeddings on a rerun): {prepared:.1f} s")
    print(f"candidate search, median of {args.repeat}: {total:.2f} s ({len(pairs)} pairs)")
    print(f"  float32 proposal (exact search only): {prop:.2f} s")
    print(f"  exact per-pair scoring: {score:.2f} s = {score / total:.0%} of the search")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
