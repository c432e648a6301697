"""Accuracy benchmark: the ``conflict`` verdict of ``claimgraph compare`` on labelled pairs.

Runs every pair of ``../shared/eval/pairs-numeric-date.jsonl`` (or ``--pairs FILE``)
through the same code as ``claimgraph compare --pairs`` and prints precision, recall
and F1 of the ``conflict`` verdict against ``subset_role`` (``contradiction`` is the
positive class), overall, per ``type``, per ``type_evidence`` and per both, with the
confusion counts. Writes the figures to ``bench/results/accuracy-<date>.json`` and
``.md`` with the commit they measured.

    .venv/bin/python bench/accuracy.py [--pairs FILE] [--limit N] [--dump FILE] [--no-write] [--nli MODEL]

``--dump FILE`` writes one JSON object a line per pair (id, type, type_evidence,
subset_role, verdict, rule, message) for error analysis; keep such files out of the
repository (``bench/dumps/`` is ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.comparison import compare_many  # noqa: E402
from checker.store.embedding_cache import CachedEmbedder, EmbeddingCache, default_cache_dir  # noqa: E402
from checker.embed.embeddings import SentenceTransformerEmbedder  # noqa: E402
from checker.judge.ruleset import load_rules  # noqa: E402

DEFAULT_PAIRS = ROOT.parent / "shared" / "eval" / "pairs-numeric-date.jsonl"


def scores(tp: int, fp: int, fn: int, tn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else None
    )
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn, "tn": tn, "n": tp + fp + fn + tn}


def tally(rows: list[dict], verdicts: dict[str, str]) -> dict:
    """Confusion counts and scores of the conflict verdict, overall and per type, evidence and both (pandas)."""
    import pandas

    frame = pandas.DataFrame(
        {
            "type": [r["type"] for r in rows],
            "evidence": [r["type_evidence"] for r in rows],
            "predicted": [verdicts[r["id"]] == "conflict" for r in rows],
            "actual": [r["subset_role"] == "contradiction" for r in rows],
        }
    )
    frame["cell"] = (
        (frame["predicted"] & frame["actual"]).map({True: "tp"})
        .fillna((frame["predicted"] & ~frame["actual"]).map({True: "fp"}))
        .fillna((~frame["predicted"] & frame["actual"]).map({True: "fn"}))
        .fillna("tn")
    )
    frame["all"] = "all"
    frame["by_type"] = "type=" + frame["type"]
    frame["by_evidence"] = "evidence=" + frame["evidence"]
    frame["by_both"] = frame["by_type"] + "/" + frame["by_evidence"]
    long = frame.melt(id_vars=["cell"], value_vars=["all", "by_type", "by_evidence", "by_both"], value_name="group")
    counts = long.pivot_table(index="group", columns="cell", aggfunc="size", fill_value=0)
    counts = counts.reindex(columns=["tp", "fp", "fn", "tn"], fill_value=0)
    order = sorted(counts.index, key=lambda k: (k != "all", k))
    return {name: scores(*(int(counts.at[name, c]) for c in ("tp", "fp", "fn", "tn"))) for name in order}


def pandas_counts(values: list[str]):
    """How often each value occurs, by value."""
    import pandas

    return pandas.Series(values, dtype=object).value_counts().sort_index()


def _fmt(x) -> str:
    return "–" if x is None else f"{x:.3f}"


def markdown(result: dict) -> str:
    lines = [
        f"# Accuracy of the conflict verdict ({result['date']})",
        "",
        f"Commit `{result['commit']}`, model `{result['model']}`, NLI stage {result.get('nli', 'off')}, "
        f"{result['pairs']} pairs from "
        f"`{result['source']}`, {result['seconds']:.0f} s on {result['machine']}.",
        "",
        "| group | n | precision | recall | F1 | TP | FP | FN | TN |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, s in result["groups"].items():
        lines.append(
            f"| {name} | {s['n']} | {_fmt(s['precision'])} | {_fmt(s['recall'])} | {_fmt(s['f1'])} | "
            f"{s['tp']} | {s['fp']} | {s['fn']} | {s['tn']} |"
        )
    lines += ["", "Verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(result["verdicts"].items())), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", default=str(DEFAULT_PAIRS))
    parser.add_argument("--limit", type=int, default=0, help="only the first N pairs (0: all)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--dump", metavar="FILE", help="write each pair's verdict, rule and message as JSONL")
    parser.add_argument("--nli", metavar="MODEL", help="add the NLI stage with this cross-encoder (off by default)")
    args = parser.parse_args(argv)

    if not Path(args.pairs).is_file():
        parser.error(f"no pairs file at {args.pairs}; pass --pairs PATH/TO/pairs-numeric-date.jsonl")
    rows = [json.loads(line) for line in open(args.pairs, encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    rules = load_rules()
    embedder = CachedEmbedder(SentenceTransformerEmbedder(args.model), EmbeddingCache(default_cache_dir()))
    start = time.perf_counter()
    verdicts: dict[str, str] = {}
    nli = None
    if args.nli:
        from checker.judge.nli import NliJudge

        nli = NliJudge(args.nli)
    results = list(compare_many(((r["id"], r["text_a"], r["text_b"]) for r in rows), rules, embedder, nli=nli))
    for result in results:
        verdicts[result.id] = result.verdict
    rule_counts = {k: int(v) for k, v in pandas_counts([result.rule or "-" for result in results]).items()}
    seconds = time.perf_counter() - start
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for row, result in zip(rows, results):
                keep = {k: row[k] for k in ("id", "type", "type_evidence", "subset_role", "label")}
                out.write(json.dumps({**keep, "verdict": result.verdict, "rule": result.rule,
                                      "message": result.message}, ensure_ascii=False) + "\n")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "checker", "rules"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    verdict_counts = {k: int(v) for k, v in pandas_counts(list(verdicts.values())).items()}
    result = {
        "date": dt.date.today().isoformat(),
        "commit": commit + ("+uncommitted" if dirty else ""),
        "model": embedder.name,
        "nli": args.nli or "off",
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}",
        "source": Path(args.pairs).name,
        "pairs": len(rows),
        "seconds": seconds,
        "verdicts": dict(verdict_counts),
        "rules": dict(rule_counts),
        "groups": tally(rows, verdicts),
    }
    text = markdown(result)
    print(text)
    if not args.no_write:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        stem = out / f"accuracy-{result['date']}"
        stem.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        stem.with_suffix(".md").write_text(text, encoding="utf-8")
        print(f"wrote {stem}.json and {stem}.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
