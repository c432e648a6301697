"""Configuration files: discovery, every key checked, errors with file and line, overrides."""

from __future__ import annotations

import json
import textwrap

import pytest

from checker.cli import main
from checker.config import glob_match, key_line, load_config, parse_config
from checker.errors import ConfigError
from checker.model import Claim, Finding
from checker.pipeline import Pipeline, Settings
from checker.judge.ruleset import load_rules
from tests.fakes import HashEmbedder


def _write(path, text):
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def _error(text, pyproject=False, rules=True) -> str:
    with pytest.raises(ConfigError) as info:
        config = parse_config(textwrap.dedent(text).lstrip("\n"), "cfg.toml", pyproject=pyproject)
        if rules:
            config.check_rules(load_rules())
    return str(info.value)


# ---------------------------------------------------------------------- key_line


def test_config_key_line_finds_plain_dotted_and_table_keys():
    text = textwrap.dedent(
        """
        [project]
        name = "x"

        [tool.claimgraph]
        model = "m"
        severity.NUM001 = "warning"

        [tool.claimgraph.params.NUM001]
        rounding_limit = 0.1

        [[tool.claimgraph.overrides]]
        paths = ["a/**"]

        [[tool.claimgraph.overrides]]
        paths = ["b/**"]
        disable = [
          "NUM001",
          "NOPE001",
        ]
        """
    ).lstrip("\n")
    t = ("tool", "claimgraph")
    assert key_line(text, (*t, "model")) == 5
    assert key_line(text, (*t, "severity", "NUM001")) == 6
    assert key_line(text, (*t, "params", "NUM001", "rounding_limit")) == 9
    assert key_line(text, (*t, "overrides", 0, "paths")) == 12
    assert key_line(text, (*t, "overrides", 1, "paths")) == 15
    assert key_line(text, (*t, "overrides", 1, "disable"), "NOPE001") == 18
    assert key_line(text, ("nothing", "here")) == 1


def test_config_key_line_inside_inline_tables():
    text = 'fail_on = "error"\nseverity = { NUM001 = "info",\n  DATE001 = "loud" }\n'
    assert key_line(text, ("severity", "DATE001")) == 3
    assert key_line(text, ("severity", "NUM001")) == 2


# ---------------------------------------------------------------------- errors name file and line


def test_config_unknown_key_names_file_and_line():
    message = _error('model = "x"\n\nfail_one = "error"\n', rules=False)
    assert message.startswith("cfg.toml:3:") and "unknown key 'fail_one'" in message


def test_config_unknown_rule_id_names_the_line_of_the_value():
    message = _error('disable = [\n  "NUM001",\n  "NUM00l",\n]\n')
    assert message.startswith("cfg.toml:3:") and "unknown rule id 'NUM00l'" in message


def test_config_unknown_rule_in_severity_and_bad_severity():
    assert _error('[severity]\nNUM001 = "error"\nXYZ123 = "info"\n').startswith("cfg.toml:3: unknown rule id 'XYZ123'")
    assert _error('[severity]\nNUM001 = "loud"\n', rules=False).startswith("cfg.toml:2: severity of NUM001 must be one of")


def test_config_params_checked_against_the_rule_kind():
    message = _error("[params.NUM001]\nrounding_limit = 0.1\nrounding_limt = 0.1\n")
    assert message.startswith("cfg.toml:3:") and "unknown parameter 'rounding_limt'" in message
    message = _error('[params.NUM001]\nrounding_limit = "lots"\n')
    assert message.startswith("cfg.toml:2:") and "must be a float" in message


def test_config_malformed_values_and_toml():
    assert _error('fail_on = "sometimes"\n', rules=False).startswith("cfg.toml:1: 'fail_on' must be one of")
    assert _error("device = 3\n", rules=False).startswith("cfg.toml:1:")
    assert _error('model = "a"\nrules = "x" "y"\n', rules=False).startswith("cfg.toml:2: malformed TOML")
    message = _error('[[overrides]]\ndisable = ["NUM001"]\n', rules=False)
    assert message.startswith("cfg.toml:1:") and "needs 'paths'" in message
    message = _error('[[overrides]]\npaths = ["a"]\nseverities = {}\n', rules=False)
    assert message.startswith("cfg.toml:3:") and "unknown key 'severities'" in message


def test_config_pyproject_errors_point_into_the_tool_table(tmp_path):
    _write(
        tmp_path / "pyproject.toml",
        """
        [project]
        name = "demo"
        disable = "ignored: not ours"

        [tool.claimgraph]
        disable = ["NUM001"]
        colour = "red"
        """,
    )
    code = main(["rules", "--config", str(tmp_path / "pyproject.toml")])
    assert code == 2
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "pyproject.toml")
    assert str(info.value).startswith(f"{tmp_path / 'pyproject.toml'}:7:")


# ---------------------------------------------------------------------- discovery and effect


def test_config_found_in_parent_folder_and_claimgraph_toml_wins(tmp_path, monkeypatch):
    _write(tmp_path / "pyproject.toml", '[tool.claimgraph]\nfail_on = "warning"\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert load_config().fail_on == "warning"
    _write(tmp_path / "a" / "claimgraph.toml", 'fail_on = "info"\nrules = ["my-rules"]\n')
    config = load_config()
    assert config.fail_on == "info"
    assert config.rules == [str(tmp_path / "a" / "my-rules")]  # relative to the file


def test_config_pyproject_without_our_table_is_passed_over(tmp_path, monkeypatch):
    _write(tmp_path / "claimgraph.toml", 'fail_on = "never"\n')
    inner = tmp_path / "proj"
    inner.mkdir()
    _write(inner / "pyproject.toml", '[project]\nname = "x"\n')
    monkeypatch.chdir(inner)
    assert load_config().fail_on == "never"


def test_config_missing_explicit_file_is_an_error():
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config("no/such/claimgraph.toml")


def test_config_rules_disabled_severity_and_params_applied():
    config = parse_config(
        'disable = ["DATE001"]\n[severity]\nNUM001 = "info"\n[params.NUM001]\nrounding_limit = 1\n', "c.toml"
    )
    pipeline = Pipeline(Settings(use_cache=False, config=config), embedder=HashEmbedder())
    rules = {r.id: r for r in pipeline.rules}
    assert rules["DATE001"].enabled is False
    assert rules["NUM001"].severity == "info"
    assert rules["NUM001"].params["rounding_limit"] == 1.0
    assert rules["NUM001"].impl.p["rounding_limit"] == 1.0


def _finding(rule, claim="c1"):
    return Finding("f1", rule, "x.y", "conflict", "error", "m", (claim,), f"fp-{rule}-{claim}")


def test_config_overrides_apply_to_the_first_claims_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = parse_config(
        '[[overrides]]\npaths = ["legacy/**"]\ndisable = ["NUM001"]\n'
        '[[overrides]]\npaths = ["*.md"]\nseverity = { DATE001 = "info" }\n',
        "claimgraph.toml",
    )
    config.check_rules(load_rules())
    claims = {
        "c1": Claim("c1", "d1", "legacy/2019/a.txt", 0, 1, 1, 1, "x", "body"),
        "c2": Claim("c2", "d2", "drafts/new.md", 0, 1, 1, 1, "x", "body"),
    }
    out = config.apply_overrides(
        [_finding("NUM001", "c1"), _finding("DATE001", "c1"), _finding("DATE001", "c2"), _finding("NUM001", "c2")], claims
    )
    assert [(f.rule, f.claims[0], f.severity) for f in out] == [
        ("DATE001", "c1", "error"), ("DATE001", "c2", "info"), ("NUM001", "c2", "error"),
    ]


def test_config_glob_match():
    assert glob_match("legacy/**", "legacy/a/b.md")
    assert glob_match("**/draft-*.md", "x/y/draft-1.md") and glob_match("**/draft-*.md", "draft-2.md")
    assert glob_match("*.md", "deep/folder/file.md")  # no slash: the file name
    assert not glob_match("docs/*.md", "docs/a/b.md")
    assert glob_match("docs/", "docs/a/b.md")
    assert glob_match("report-202[45].txt", "report-2024.txt") and not glob_match("report-202[45].txt", "report-2023.txt")


def test_config_command_prints_effective_settings_and_flags_win(tmp_path, monkeypatch, capsys):
    _write(tmp_path / "claimgraph.toml", 'fail_on = "warning"\ndisable = ["DATE001"]\n[severity]\nNUM001 = "warning"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["config", "--format", "json", "--fail-on", "info"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fail_on"] == "info" and data["disable"] == ["DATE001"] and data["severity"] == {"NUM001": "warning"}
    assert data["config"] == "claimgraph.toml" and data["device"] == "cpu"
    assert main(["config"]) == 0
    toml_text = capsys.readouterr().out
    assert 'fail_on = "warning"' in toml_text and "[tool.claimgraph.severity]" in toml_text
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "DATE001  date.mismatch" in out and "(disabled in claimgraph.toml)" in out
    assert "NUM001  numeric.mismatch  [numeric_mismatch -> conflict, warning]" in out


def test_config_bad_file_is_exit_2_with_one_line(tmp_path, monkeypatch, capsys):
    _write(tmp_path / "claimgraph.toml", 'disable = ["NUM001", "BOGUS999"]\n')
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("In 2023 there were 5 firms.\n")
    assert main(["scan", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "claimgraph.toml:1: unknown rule id 'BOGUS999'" in err


# ---------------------------------------------------------------------- max_size


def test_config_max_size_values_and_errors():
    assert parse_config("max_size = 2.5\n", "cfg.toml").max_size == 2.5
    assert parse_config("max_size = 0\n", "cfg.toml").max_size == 0.0
    assert parse_config('model = "x"\n', "cfg.toml").max_size is None
    for bad in ('"10MB"', "-1", "true", "inf", "nan", "[1]"):
        message = _error(f'model = "x"\nmax_size = {bad}\n', rules=False)
        assert message.startswith("cfg.toml:2: 'max_size' must be 0 (no limit) or a positive number of MB"), message
    message = _error('[tool.claimgraph]\nmodel = "x"\n\nmax_size = -3\n', pyproject=True, rules=False)
    assert message.startswith("cfg.toml:4: 'max_size'")


def test_config_max_size_applies_to_scan_and_the_flag_wins(tmp_path, monkeypatch):
    from tests.fake_cli import invoke

    _write(tmp_path / "claimgraph.toml", "max_size = 0.001\n")  # 1,048 bytes
    monkeypatch.chdir(tmp_path)
    (tmp_path / "small.txt").write_text("In 2023 there were 5 firms.\n")
    (tmp_path / "big.txt").write_text("In 2024 there were 7 firms. " * 60 + "\n")
    args = ["scan", "small.txt", "big.txt", "--no-cache", "--format", "json", "--fail-on", "never"]
    result = invoke(*args)
    assert result.exit_code == 0
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == ["small.txt"]
    assert "big.txt" in result.stderr and "skipped" in result.stderr
    result = invoke(*args, "--max-size", "0")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["documents"]) == 2
    result = invoke("config", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["max_size"] == 0.001
    result = invoke("config", "--format", "json", "--max-size", "3")
    assert result.exit_code == 0 and json.loads(result.stdout)["max_size"] == 3


# ---------------------------------------------------------------------- printing


def test_config_toml_output_reads_back_as_the_json_output(tmp_path, monkeypatch, capsys):
    import tomllib

    _write(
        tmp_path / "claimgraph.toml",
        """
        rules = ["my rules"]
        disable = ["DATE001"]
        model = "./models/mini"
        [severity]
        NUM001 = "warning"
        [params.NUM001]
        rounding_limit = 0.25
        [[overrides]]
        paths = ["legacy/**", "*.txt"]
        severity = { NUM001 = "info" }
        """,
    )
    (tmp_path / "my rules").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["config", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(["config"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# effective configuration; file: claimgraph.toml\n# nli is not set\n# date is not set\n[tool.claimgraph]\n")
    table = tomllib.loads(text)["tool"]["claimgraph"]
    del data["config"], data["nli"], data["date"]
    assert table == data
    assert table["overrides"] == [{"paths": ["legacy/**", "*.txt"], "disable": [], "severity": {"NUM001": "info"}}]


def test_config_toml_output_escapes_what_toml_needs_escaped():
    import tomllib

    from checker.config import to_toml

    odd = {"model": 'a "quoted" \\ path\x7f\x01', "rules": ["tab\there"], "nli": None, "params": {"X 1": {"a.b": 1.5}}}
    text = to_toml(odd)
    assert text.startswith("# nli is not set\n")
    back = tomllib.loads(text)["tool"]["claimgraph"]
    assert back == {k: v for k, v in odd.items() if v is not None}


def test_config_glob_match_edges():
    assert glob_match("*.md", ".hidden.md")  # * matches a leading dot
    assert glob_match("./docs/*.md", "docs/a.md")
    assert not glob_match("docs/", "x/docs/a.md")  # a pattern with a / is anchored
    assert glob_match("report-202[!3].txt", "report-2024.txt") and not glob_match("report-202[!3].txt", "report-2023.txt")
    assert not glob_match("a.md", "xa.md")
    assert glob_match("legacy/**/old.md", "legacy/old.md") and glob_match("legacy/**/old.md", "legacy/a/b/old.md")
