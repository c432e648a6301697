"""The optional NLI stage, wired through the command line with tiny cross-encoders built here.

Each model is a one-layer BERT (hidden size 8, a few hundred parameters), saved with
``save_pretrained`` into a temporary folder; its classifier weights are zero and its
bias picks the label, so its output is known whatever the sentences.
"""

from __future__ import annotations

import json

import pytest

from checker.cli import main
from checker.comparison import judge_texts
from checker.embed.embeddings import SentenceTransformerEmbedder
from checker.errors import ConfigError
from checker.judge.nli import label_order
from checker.judge.ruleset import load_rules

pytestmark = pytest.mark.model

UNDECIDED = ("The Harbin plant employs 300 people.", "The Harbin plant has been closed since 2019.")
DECIDED = ("In 2023, Norway opened 412 charging stations.", "In 2023, Norway opened 398 charging stations.")
LABELS = {0: "CONTRADICTION", 1: "Entailment", 2: "neutral"}


def tiny_model(folder, id2label=LABELS, favour="contradiction"):
    torch = pytest.importorskip("torch")
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *"the plant has been closed since in employs people".split()]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    config = BertConfig(
        vocab_size=len(vocab), hidden_size=8, num_hidden_layers=1, num_attention_heads=2, intermediate_size=16,
        max_position_embeddings=128, num_labels=len(id2label), id2label=dict(id2label),
        label2id={v: k for k, v in id2label.items()},
    )
    model = BertForSequenceClassification(config)
    index = next((k for k, v in id2label.items() if v.lower() == favour), 0)
    bias = torch.zeros(len(id2label))
    bias[index] = 6.0
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(bias)
    model.save_pretrained(folder)
    BertTokenizer(str(folder / "vocab.txt")).save_pretrained(folder)
    return folder


def _compare(capsys, a, b, *flags):
    capsys.readouterr()  # what building the model printed
    code = main(["compare", a, b, "--format", "json", *flags])
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out.strip() else None), captured.err


def test_nli_contradiction_on_a_pair_no_rule_decides(tmp_path, capsys):
    model = tiny_model(tmp_path / "contra")
    code, out, _ = _compare(capsys, *UNDECIDED, "--nli", str(model))
    assert code == 0 and out["verdict"] == "conflict" and out["rule"] == "NLI001"
    assert "contradiction probability 1.00" in out["message"] or "contradiction probability 0.99" in out["message"]


def test_nli_is_off_by_default(capsys):
    code, out, _ = _compare(capsys, *UNDECIDED)
    assert code == 0 and out["verdict"] == "neutral" and out["rule"] is None


def test_nli_never_overrides_a_rule(tmp_path, capsys):
    model = tiny_model(tmp_path / "contra")
    code, out, _ = _compare(capsys, *DECIDED, "--nli", str(model))
    assert out["rule"] == "NUM001"
    support = tiny_model(tmp_path / "entail", favour="entailment")
    code, out, _ = _compare(capsys, *DECIDED, "--nli", str(support))
    assert out["verdict"] == "conflict" and out["rule"] == "NUM001"


def test_nli_entailment_gives_a_support(tmp_path, capsys):
    model = tiny_model(tmp_path / "entail", favour="entailment")
    code, out, _ = _compare(capsys, *UNDECIDED, "--nli", str(model))
    assert out["verdict"] == "support" and out["rule"] == "NLI001"


def test_nli_label_order_comes_from_id2label(tmp_path, capsys):
    shuffled = {0: "Neutral", 1: "ENTAILMENT", 2: "contradiction"}
    model = tiny_model(tmp_path / "shuffled", id2label=shuffled, favour="contradiction")
    code, out, _ = _compare(capsys, *UNDECIDED, "--nli", str(model))
    assert out["verdict"] == "conflict" and out["rule"] == "NLI001"
    model = tiny_model(tmp_path / "shuffled-n", id2label=shuffled, favour="neutral")
    code, out, _ = _compare(capsys, *UNDECIDED, "--nli", str(model))
    assert out["verdict"] == "neutral"


def test_nli_model_without_labels_is_exit_2(tmp_path, capsys):
    model = tiny_model(tmp_path / "plain", id2label={0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"})
    code, out, err = _compare(capsys, *UNDECIDED, "--nli", str(model))
    assert code == 2 and out is None
    assert err.count("\n") == 1 and "id2label" in err and "Traceback" not in err, err


def test_nli_missing_model_folder_is_exit_2(tmp_path, capsys):
    code, out, err = _compare(capsys, *UNDECIDED, "--nli", str(tmp_path / "nothing-here"))
    assert code == 2 and "cannot load NLI model" in err and err.count("\n") == 1


def test_nli_label_order_reads_any_case():
    class Config:
        id2label = {0: "Entailment", 1: "NEUTRAL", 2: "Contradiction"}

    assert label_order(Config()) == (2, 0, 1)
    with pytest.raises(ConfigError):
        label_order(None)


def test_nli_from_the_configuration_and_in_a_scan(tmp_path, capsys):
    model = tiny_model(tmp_path / "contra")
    (tmp_path / "claimgraph.toml").write_text(f'nli = "{model}"\n', encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(UNDECIDED[0] + "\n", encoding="utf-8")
    (docs / "b.txt").write_text(UNDECIDED[1] + "\n", encoding="utf-8")
    code = main(["scan", str(docs), "--config", str(tmp_path / "claimgraph.toml"), "--format", "json", "--fail-on", "warning"])
    report = json.loads(capsys.readouterr().out)
    found = [f for f in report["findings"] if f["rule"] == "NLI001"]
    assert code == 1 and len(found) == 1
    assert found[0]["kind"] == "contradiction" and found[0]["severity"] == "warning"
    # the default --fail-on error does not fail a build on an NLI warning
    assert main(["scan", str(docs), "--config", str(tmp_path / "claimgraph.toml"), "--format", "json"]) == 0
    capsys.readouterr()


def test_nli_rule_examples_behave_as_documented(tmp_path):
    model = tiny_model(tmp_path / "contra")
    from checker.judge.nli import NliJudge

    rules = load_rules()
    rule = next(r for r in rules if r.id == "NLI001")
    judge, embedder = NliJudge(str(model)), SentenceTransformerEmbedder()
    for example in rule.examples:
        judged = judge_texts(example.a, example.b, rules, embedder, nli=judge)
        fired = [f for f in judged.findings if f.rule == "NLI001"]
        assert bool(fired) == (example.expect == "fail"), (example, judged.findings)
