"""Rule files: the built-in rules load; malformed files are errors naming file and line."""

import pytest

from checker.errors import ConfigError
from checker.judge.ruleset import load_rules, parse_rule

GOOD = """\
id: XNUM901
name: numeric.custom
kind: numeric_mismatch
finding: conflict
severity: warning
description: A custom numeric rule.
message: "custom: {reason}"
params:
  conflict_similarity: 0.9
examples:
  - fail: {a: "In 2023 China authorized 921,000 patents.", b: "In 2023 China authorized 798,000 patents."}
  - pass: {a: "In 2023 China authorized 921,000 patents.", b: "In 2023 China authorized 921,000 patents."}
"""


def test_ruleset_builtin_rules_load_with_examples():
    rules = load_rules()
    ids = [r.id for r in rules]
    assert "NUM001" in ids and "DATE001" in ids
    for rule in rules:
        assert {e.expect for e in rule.examples} == {"fail", "pass"}
        assert rule.description


def test_ruleset_parses_a_user_rule():
    rule = parse_rule(GOOD, "custom.yml")
    assert rule.severity == "warning" and rule.params == {"conflict_similarity": 0.9}
    assert rule.format_message({}, "why") == "custom: why"


@pytest.mark.parametrize(
    "change, where, words",
    [
        (("severity: warning", "severity: fatal"), "custom.yml:5", "severity"),
        (("finding: conflict", "finding: conflict\nseverty: error"), "custom.yml:5", "unknown key 'severty'"),
        (("  conflict_similarity: 0.9", "  conflict_simlarity: 0.9"), "custom.yml:9", "unknown parameter"),
        (("  conflict_similarity: 0.9", "  conflict_similarity: high"), "custom.yml:9", "must be a float"),
        (("kind: numeric_mismatch", "kind: numeric_mismatches"), "custom.yml:3", "unknown rule kind"),
        (("{reason}", "{reasons}"), "custom.yml:7", "unknown field"),
        (("id: XNUM901", "id: num-1"), "custom.yml:1", "rule id"),
        (("message: \"custom: {reason}\"", "message: [unclosed"), "custom.yml:", "malformed YAML"),
    ],
)
def test_ruleset_malformed_rule_names_file_and_line(change, where, words):
    text = GOOD.replace(*change)
    with pytest.raises(ConfigError) as err:
        parse_rule(text, "custom.yml")
    assert str(err.value).startswith(where)
    assert words in str(err.value)
    assert "\n" not in str(err.value)


def test_ruleset_rule_without_a_passing_example_is_refused():
    text = GOOD.split("  - pass")[0]
    with pytest.raises(ConfigError, match="failing and one passing"):
        parse_rule(text, "custom.yml")


def test_ruleset_duplicate_ids_are_refused(tmp_path):
    (tmp_path / "a.yml").write_text(GOOD.replace("XNUM901", "NUM001"))
    with pytest.raises(ConfigError, match="already defined"):
        load_rules([str(tmp_path)])
