"""Measure claimgraph's ONNX Runtime encoders (``--backend onnx`` and ``onnx-int8``) against torch.

    .venv/bin/pip install -e '.[onnx]'
    .venv/bin/python bench/onnx_experiment.py [--texts FILE.json] [--sentences 1500] [--pairs N]

Uses the shipped backend, :class:`checker.embed.onnx_encoder.OnnxEmbedder` (the packaged
all-MiniLM-L6-v2 exported offline with ``torch.onnx.export``, int8 by ONNX Runtime's
dynamic quantisation; the export goes to a throwaway cache folder here, so its time is
measured), and for each backend prints: sentences per second on the same masked
sentences (same batch size), the cosine between its vectors and torch's, and the
agreement of ``claimgraph compare`` verdicts on the accuracy pairs
(``../shared/eval/pairs-numeric-date.jsonl``). Writes ``bench/results/onnx-<date>.json``
and ``.md``, with the machine's CPU and the commit.

sentence-transformers' own ONNX backend is not used: it needs optimum-onnx, which pins
transformers 4.x, while claimgraph runs on transformers 5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", default="/tmp/claimgraph-bench/texts-1000.json")
    ap.add_argument("--sentences", type=int, default=1500)
    ap.add_argument("--pairs", type=int, default=400, help="accuracy pairs to compare verdicts on (0: none)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = ap.parse_args(argv)

    from checker.embed.embeddings import SentenceTransformerEmbedder

    from checker.embed.onnx_encoder import OnnxEmbedder

    texts = json.loads(Path(args.texts).read_text())[: args.sentences]
    os.environ["CLAIMGRAPH_CACHE_DIR"] = tempfile.mkdtemp(prefix="cg-onnx-")  # a fresh export, timed
    backends = {
        "torch": SentenceTransformerEmbedder(None, batch_size=args.batch_size),
        "onnx": OnnxEmbedder(None, batch_size=args.batch_size),
        "onnx-int8": OnnxEmbedder(None, quantised=True, batch_size=args.batch_size),
    }
    t = time.perf_counter()
    backends["onnx-int8"].encode(texts[:1])  # exports fp32, then quantises
    export_s = time.perf_counter() - t
    sys.path.insert(0, str(ROOT / "bench"))
    from run_bench import machine

    result = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "machine": machine(), "sentences": len(texts),
              "export_s": export_s, "batch_size": args.batch_size, "backends": {}}
    vectors = {}
    for name, emb in backends.items():
        emb.encode(texts[:64])  # warm up
        t = time.perf_counter()
        vectors[name] = emb.encode(texts)
        secs = time.perf_counter() - t
        result["backends"][name] = {"sentences_per_s": len(texts) / secs}
        print(f"{name}: {len(texts) / secs:.1f} sentences/s", file=sys.stderr, flush=True)
    for name in ("onnx", "onnx-int8"):
        cos = (vectors[name] * vectors["torch"]).sum(1)
        result["backends"][name].update({"cosine_mean": float(cos.mean()), "cosine_min": float(cos.min()),
                                         "speedup": result["backends"][name]["sentences_per_s"] / result["backends"]["torch"]["sentences_per_s"]})
    pairs_file = ROOT.parent / "shared" / "eval" / "pairs-numeric-date.jsonl"
    if args.pairs and pairs_file.is_file():
        from checker.comparison import compare_texts
        from checker.judge.ruleset import load_rules

        rules = load_rules()
        rows = [json.loads(x) for x in pairs_file.read_text().splitlines() if x.strip()][: args.pairs]
        verdicts = {}
        for name, emb in backends.items():
            verdicts[name] = [compare_texts(r["id"], r["text_a"], r["text_b"], rules, emb).verdict for r in rows]
        for name in ("onnx", "onnx-int8"):
            agree = sum(a == b for a, b in zip(verdicts[name], verdicts["torch"])) / len(rows)
            result["backends"][name]["verdict_agreement"] = agree
        result["pairs"] = len(rows)
    lines = [f"# ONNX Runtime encoder vs torch, {result['date']}", "",
             f"{len(texts)} masked sentences of the 1,000-document benchmark corpus, batch size {args.batch_size}; "
             f"verdicts on the first {result.get('pairs', 0)} accuracy pairs. Machine: {result['machine']['cpu']}, "
             f"{result['machine']['cores']} cores, GPU: {result['machine'].get('gpu') or 'none'}; commit `{result['machine']['commit']}`; "
             f"export and int8 quantisation {export_s:.1f} s (once; then cached).", "",
             "| backend | sentences/s | speed-up | cosine to torch (mean / min) | verdicts equal to torch |",
             "| --- | ---: | ---: | --- | ---: |"]
    for name, b in result["backends"].items():
        cos = f"{b['cosine_mean']:.5f} / {b['cosine_min']:.5f}" if "cosine_mean" in b else "-"
        agree = f"{b['verdict_agreement']:.1%}" if "verdict_agreement" in b else "-"
        lines.append(f"| {name} | {b['sentences_per_s']:.1f} | {b.get('speedup', 1.0):.2f} | {cos} | {agree} |")
    md = "\n".join(lines) + "\n"
    print(md)
    out = Path(args.out)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d-%H%M")
    (out / f"onnx-{stamp}.json").write_text(json.dumps(result, indent=1) + "\n")
    (out / f"onnx-{stamp}.md").write_text(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
