"""Measure an ONNX Runtime encoder (fp32 and int8) against the default torch encoder.

    .venv/bin/pip install onnxruntime onnx
    .venv/bin/python bench/onnx_experiment.py [--texts FILE.json] [--sentences 1500] [--pairs N]

Exports the packaged all-MiniLM-L6-v2 (offline, from its package folder) to ONNX with
``torch.onnx.export``, quantises it to int8 with ONNX Runtime's dynamic quantisation,
and for each backend prints: sentences per second on the same masked sentences
(same batch size, sorted by length as sentence-transformers does), the cosine between
its vectors and torch's, and the agreement of ``claimgraph compare`` verdicts on the
accuracy pairs (``../shared/eval/pairs-numeric-date.jsonl``). Writes
``bench/results/onnx-<date>.json`` and ``.md``.

optimum (what ``SentenceTransformer(..., backend="onnx")`` needs) is not used: its
current release pins transformers 4.x, while claimgraph runs on transformers 5.
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

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class OnnxEmbedder:
    """Tokenizer + ONNX transformer + mean pooling + L2 normalisation (the model's three modules)."""

    def __init__(self, onnx_path: Path, model_dir: Path, name: str, batch_size: int = 64) -> None:
        import onnxruntime as ort
        from transformers import AutoTokenizer

        self.name = name
        self.batch_size = batch_size
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = os.cpu_count() or 1
        self.session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, texts):
        texts = list(texts)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for s in range(0, len(texts), self.batch_size):
            idx = order[s : s + self.batch_size]
            enc = self.tokenizer([texts[i] for i in idx], padding=True, truncation=True, max_length=256, return_tensors="np")
            feeds = {k: v.astype(np.int64) for k, v in enc.items() if k in self.inputs}
            hidden = self.session.run(None, feeds)[0]
            mask = enc["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(1) / np.clip(mask.sum(1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            out[idx] = pooled
        return out


def export(model_dir: Path, work: Path) -> tuple[Path, Path]:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel, AutoTokenizer

    fp32 = work / "model.onnx"
    int8 = work / "model-int8.onnx"
    bert = AutoModel.from_pretrained(str(model_dir)).eval()

    class Wrapper(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    model = Wrapper(bert).eval()
    tok = AutoTokenizer.from_pretrained(str(model_dir))
    enc = tok(["an example sentence for tracing", "another"], padding=True, return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "seq"} for n in names}
    axes["last_hidden_state"] = {0: "batch", 1: "seq"}
    with torch.no_grad():
        torch.onnx.export(model, (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]), str(fp32),
                          input_names=names, output_names=["last_hidden_state"], dynamic_axes=axes,
                          opset_version=17, dynamo=False)
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return fp32, int8


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--texts", default="/tmp/claimgraph-bench/texts-1000.json")
    ap.add_argument("--sentences", type=int, default=1500)
    ap.add_argument("--pairs", type=int, default=400, help="accuracy pairs to compare verdicts on (0: none)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results"))
    args = ap.parse_args(argv)

    from checker.embeddings import SentenceTransformerEmbedder, default_model_path

    model_dir = default_model_path()
    texts = json.loads(Path(args.texts).read_text())[: args.sentences]
    work = Path(tempfile.mkdtemp(prefix="cg-onnx-"))
    t = time.perf_counter()
    fp32, int8 = export(model_dir, work)
    export_s = time.perf_counter() - t
    backends = {
        "torch": SentenceTransformerEmbedder(None, batch_size=args.batch_size),
        "onnx": OnnxEmbedder(fp32, model_dir, "onnx", args.batch_size),
        "onnx-int8": OnnxEmbedder(int8, model_dir, "onnx-int8", args.batch_size),
    }
    result = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "sentences": len(texts),
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
        from checker.compare import compare_texts
        from checker.ruleset import load_rules

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
             f"verdicts on the first {result.get('pairs', 0)} accuracy pairs.", "",
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
