"""A faster CPU encoder: the sentence-transformers model run by ONNX Runtime (``--backend onnx|onnx-int8``).

sentence-transformers' own ONNX backend needs ``optimum-onnx``, whose releases pin
transformers 4.x while sentence-transformers 6 needs transformers 5, so the two cannot
be installed together. This module does what that backend does for a mean-pooling
model such as the packaged all-MiniLM-L6-v2: the model's transformer is exported once
from its local folder with ``torch.onnx.export`` (offline; no hub), for ``onnx-int8``
quantised with ONNX Runtime's dynamic int8 quantisation, and run by ONNX Runtime;
tokenisation, mean pooling and L2 normalisation are the model's own.

The exported files live in the claimgraph cache folder (``onnx/<model digest>/``; the
user cache folder unless ``$CLAIMGRAPH_CACHE_DIR`` says otherwise), never beside the
installed package; each is written to a temporary name and renamed into place, so a
run killed mid-export leaves no half file. Measured on the benchmark corpus
(bench/results/onnx-*.md): int8 is about 2x the sentences per second of torch with
99.7% of rule verdicts unchanged; fp32 gives torch's vectors (cosine 1.0) a little faster.

Needs the ``onnx`` extra (``pip install 'claimgraph[onnx]'``); without it ``--backend
onnx`` is a one-line error (exit code 2).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import ConfigError

from ..choices import BACKENDS  # noqa: E402,F401 - the runtimes --backend names
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def _require_onnx() -> None:
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError as exc:
        raise ConfigError(
            f"--backend onnx needs ONNX Runtime ({exc.name} is not installed): pip install 'claimgraph[onnx]'"
        ) from None


def _pooling_is_mean(folder: Path) -> bool:
    modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
    for module in modules:
        if module.get("type", "").endswith("Pooling"):
            config = json.loads((folder / module["path"] / "config.json").read_text(encoding="utf-8"))
            return bool(config.get("pooling_mode_mean_tokens")) and not any(
                v for k, v in config.items() if k.startswith("pooling_mode") and k != "pooling_mode_mean_tokens"
            )
    return False


def _max_length(folder: Path) -> int:
    try:
        return int(json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))["max_seq_length"])
    except (OSError, ValueError, KeyError, TypeError):
        return 256


def export_folder(identity: str) -> Path:
    from ..store.embedding_cache import default_cache_dir

    return default_cache_dir() / "onnx" / hashlib.sha256(identity.encode()).hexdigest()[:16]


def exported_model(location: str, identity: str, quantised: bool) -> Path:
    """The ONNX file of the model at ``location`` (exported, and quantised, on first use)."""
    folder = export_folder(identity)
    fp32 = folder / "model.onnx"
    target = folder / "model-int8.onnx" if quantised else fp32
    if target.is_file():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not fp32.is_file():
            _atomic(fp32, lambda tmp: _export(Path(location), tmp))
        if quantised:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            _atomic(target, lambda tmp: quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8))
    except OSError as exc:
        raise ConfigError(f"cannot write the ONNX model to {folder}: {exc.strerror or exc}") from None
    return target


def _atomic(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _export(folder: Path, out: Path) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    bert = AutoModel.from_pretrained(str(folder)).eval()

    class Hidden(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    tok = AutoTokenizer.from_pretrained(str(folder))
    enc = tok(["an example sentence for tracing", "another"], padding=True, return_tensors="pt")
    if "token_type_ids" not in enc:
        enc["token_type_ids"] = torch.zeros_like(enc["input_ids"])
    axes = {n: {0: "batch", 1: "seq"} for n in (*_INPUTS, "last_hidden_state")}
    from .embeddings import _quiet_hub

    with torch.no_grad(), _quiet_hub():  # the tracer's warnings are not the user's business
        torch.onnx.export(
            Hidden(bert).eval(), tuple(enc[n] for n in _INPUTS), str(out),
            input_names=list(_INPUTS), output_names=["last_hidden_state"], dynamic_axes=axes,
            opset_version=17, dynamo=False,
        )


class OnnxEmbedder:
    """A mean-pooling sentence-transformers model run by ONNX Runtime, loaded on first use."""

    def __init__(self, model: str | None = None, quantised: bool = False, batch_size: int = 64) -> None:
        from .embeddings import resolve_model

        identity, self._location = resolve_model(model)
        self._identity = identity
        self.name = f"{identity}+{'onnx-int8' if quantised else 'onnx'}"
        self._quantised = quantised
        self._batch_size = batch_size
        self._session = None

    def _load(self):
        if self._session is not None:
            return self._session
        _require_onnx()
        folder = Path(self._location)
        if not folder.is_dir() or not (folder / "modules.json").is_file():
            raise ConfigError(f"--backend onnx needs a local sentence-transformers model folder, not {self._location!r}")
        if not _pooling_is_mean(folder):
            raise ConfigError(f"--backend onnx supports mean-pooling models only; {self._location} pools otherwise")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import onnxruntime as ort
        from transformers import AutoTokenizer

        path = exported_model(self._location, self._identity, self._quantised)
        self._tokenizer = AutoTokenizer.from_pretrained(str(folder))
        self._max_length = _max_length(folder)
        options = ort.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        return self._session

    def prepare(self) -> None:
        """Load the session now (see :func:`checker.embed.embeddings.prepare_encoder`)."""
        self._load()

    def token_lengths(self, texts: Sequence[str]) -> list[int]:
        """How many tokens the model reads of each text (see :func:`checker.embed.embeddings.encoding_order`)."""
        self._load()
        return [len(ids) for ids in self._tokenizer(list(texts), truncation=True, max_length=self._max_length)["input_ids"]]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        session = self._load()
        texts = list(texts)
        order = np.argsort([-len(t) for t in texts], kind="stable")  # similar lengths share a batch
        out: np.ndarray | None = None
        for s in range(0, len(texts), self._batch_size):
            rows = order[s : s + self._batch_size]
            enc = self._tokenizer([texts[i] for i in rows], padding=True, truncation=True, max_length=self._max_length, return_tensors="np")
            feeds = {k: np.asarray(v, dtype=np.int64) for k, v in enc.items() if k in self._inputs}
            if "token_type_ids" in self._inputs and "token_type_ids" not in feeds:
                feeds["token_type_ids"] = np.zeros_like(feeds["input_ids"])
            hidden = session.run(None, feeds)[0]
            mask = feeds["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(1) / np.clip(mask.sum(1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            if out is None:
                out = np.zeros((len(texts), pooled.shape[1]), dtype=np.float32)
            out[rows] = pooled
        return out
