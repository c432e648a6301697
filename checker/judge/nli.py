"""The optional NLI stage: a cross-encoder's verdict on candidate pairs no rule decided.

Off by default (no NLI model ships offline). With ``--nli MODEL`` or ``nli = "MODEL"``
in ``[tool.claimgraph]``, any sentence-transformers ``CrossEncoder`` folder or name is
loaded with the model hub switched off (``HF_HUB_OFFLINE``, ``local_files_only``). The
rules of kind ``nli_contradiction`` (``rules/NLI001.yml``) then read, for each candidate
pair that no other rule supported or contradicted, the probability that one sentence
contradicts the other: above the rule's ``threshold`` it is a finding of the rule's own
kind; an entailment probability above ``support_threshold`` links the pair with a
``supports`` edge.

The order of the model's outputs is read from its configuration's ``id2label``
(``contradiction``, ``entailment``, ``neutral``, in any case); a model without those
three labels is a configuration error.
"""

from __future__ import annotations

import os
from typing import Sequence

import numpy as np

from ..embed.embeddings import _quiet_hub
from ..errors import ConfigError

LABELS = ("contradiction", "entailment", "neutral")
_LOADED: dict[tuple[str, str], tuple[object, tuple[int, int, int]]] = {}


class NliJudge:
    """A cross-encoder that gives, for sentence pairs, (contradiction, entailment, neutral) probabilities."""

    def __init__(self, model: str, device: str = "cpu", batch_size: int = 32) -> None:
        if not model or not str(model).strip():
            raise ConfigError("--nli needs a model folder or name")
        self.name = str(model)
        self._device = device
        self._batch_size = batch_size
        self._model = None
        self._order: tuple[int, int, int] = (0, 1, 2)

    def _load(self):
        if self._model is not None:
            return self._model
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        try:
            import torch
            from sentence_transformers import CrossEncoder
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError(f"the NLI stage needs sentence-transformers ({exc.name} is missing)") from None
        # (no "Loading weights" bar on stderr: _quiet_hub turns the bars off)
        device = self._device
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        key = (self.name, device)
        if key not in _LOADED:
            try:
                with _quiet_hub():
                    model = CrossEncoder(self.name, device=device, local_files_only=True)
            except Exception as exc:  # noqa: BLE001 - any load failure is a configuration error
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                raise ConfigError(f"cannot load NLI model {self.name!r} (offline): {first}") from None
            _LOADED[key] = (model, label_order(getattr(model, "config", None), self.name))
        self._model, self._order = _LOADED[key]
        return self._model

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """One row per pair: the probabilities of contradiction, entailment and neutral."""
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        model = self._load()
        with _quiet_hub():
            scores = model.predict(
                [list(p) for p in pairs], batch_size=self._batch_size, apply_softmax=True,
                show_progress_bar=False, convert_to_numpy=True,
            )
        scores = np.asarray(scores, dtype=np.float32).reshape(len(pairs), -1)
        return scores[:, list(self._order)]


def label_order(config, name: str = "the NLI model") -> tuple[int, int, int]:
    """The output index of contradiction, entailment and neutral, from ``config.id2label``."""
    id2label = getattr(config, "id2label", None) or {}
    index = {str(label).strip().lower(): int(i) for i, label in id2label.items()}
    missing = [label for label in LABELS if label not in index]
    if missing:
        have = ", ".join(str(v) for v in id2label.values()) or "none"
        raise ConfigError(
            f"NLI model {name!r} does not name its outputs: its config's id2label must hold "
            f"contradiction, entailment and neutral (it has: {have})"
        )
    return tuple(index[label] for label in LABELS)  # type: ignore[return-value]


def nli_verdicts(claims, pairs, rules, judge: NliJudge):
    """``(rule, verdict)`` for each pair the NLI ``rules`` decide; ``pairs`` are ``(i, j, similarity)``.

    Each pair is read both ways (premise and hypothesis swapped): the larger contradiction
    probability and the larger entailment probability count.
    """
    from .rulekinds import Verdict

    wanted = {(i, j): sim for rule in rules for i, j, sim in pairs if sim >= rule.impl.p["min_similarity"]}
    if not wanted:
        return
    keys = sorted(wanted)
    texts = [(claims[i].text, claims[j].text) for i, j in keys] + [(claims[j].text, claims[i].text) for i, j in keys]
    probs = judge.probabilities(texts)
    n = len(keys)
    both = np.maximum(probs[:n], probs[n:])
    for rule in rules:
        p = rule.impl.p
        for row, (i, j) in enumerate(keys):
            if wanted[(i, j)] < p["min_similarity"]:
                continue
            contradiction, entailment = float(both[row, 0]), float(both[row, 1])
            a, b = claims[i], claims[j]
            if contradiction > p["threshold"]:
                reason = (
                    f"the NLI model {judge.name} reads the two statements as contradicting each other "
                    f"(contradiction probability {contradiction:.2f})"
                )
                yield rule, Verdict(claims=(a.id, b.id), relation="conflicts", finding=True, reason=reason,
                                    score=round(contradiction, 4), fields={"a": a.text, "b": b.text})
            elif entailment > p["support_threshold"]:
                reason = f"the NLI model {judge.name} reads one statement as implying the other ({entailment:.2f})"
                yield rule, Verdict(claims=(a.id, b.id), relation="supports", finding=False, reason=reason,
                                    score=round(entailment, 4), fields={"a": a.text, "b": b.text})
