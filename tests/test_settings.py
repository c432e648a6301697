"""Settings resolved in one place: the flag, else the environment, else the file, else the default."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from checker import config as config_module
from checker import model, settings
from checker.config import parse_config
from checker.errors import ConfigError
from checker.settings import resolve_settings
from tests.conftest import ROOT


def _file(text: str, tmp_path):
    (tmp_path / "claimgraph.toml").write_text(text, encoding="utf-8")
    return parse_config(text, str(tmp_path / "claimgraph.toml"))


def test_settings_defaults_without_flags_environment_or_file(tmp_path):
    r = resolve_settings(config=parse_config("", "c.toml"), environ={})
    assert (r.model, r.device, r.backend, r.cache_dir, r.use_cache, r.max_size, r.nli) == (
        None, "cpu", "torch", None, True, None, None,
    )
    assert r.gate == settings.Gate(fail_on="error")
    assert r.sources == dict.fromkeys(
        ("model", "device", "backend", "cache_dir", "fail_on", "max_size", "nli", "review_severity", "nlp_model", "date"),
        "default",
    )


def test_settings_flag_then_environment_then_file_then_default(tmp_path):
    cfg = _file('cache_dir = "from-file"\nfail_on = "warning"\ndevice = "auto"\nmax_size = 2\n', tmp_path)
    env = {"CLAIMGRAPH_CACHE_DIR": "/from/env"}
    r = resolve_settings(config=cfg, environ={})
    assert r.cache_dir == str(tmp_path / "from-file") and r.sources["cache_dir"] == "file"
    r = resolve_settings(config=cfg, environ=env)
    assert r.cache_dir == "/from/env" and r.sources["cache_dir"] == "environment"
    r = resolve_settings(config=cfg, environ=env, cache_dir="/from/flag")
    assert r.cache_dir == "/from/flag" and r.sources["cache_dir"] == "flag"
    r = resolve_settings(config=cfg, environ=env, fail_on="info", device="cpu", max_size=0)
    assert (r.gate.fail_on, r.device, r.max_size) == ("info", "cpu", 0.0)
    r = resolve_settings(config=cfg, environ=env)
    assert (r.gate.fail_on, r.device, r.max_size, r.backend) == ("warning", "auto", 2.0, "torch")
    assert r.sources["backend"] == "default" and r.sources["fail_on"] == "file"


def test_settings_environment_cache_dir_expands_the_home_folder():
    r = resolve_settings(config=parse_config("", "c.toml"), environ={"CLAIMGRAPH_CACHE_DIR": "~/cg"})
    assert r.cache_dir == os.path.expanduser("~/cg")


def test_settings_build_the_pipeline_settings_and_the_gate(tmp_path):
    cfg = _file('rules = ["extra"]\nnli = "some-nli"\n', tmp_path)
    r = resolve_settings(
        config=cfg, environ={}, rules=["mine.yml", str(tmp_path / "extra")], no_cache=True, model="m",
        exit_zero=True, baseline="b.json", write_baseline="w.json", warn_unused_suppressions=True,
    )
    s = r.settings
    assert s is r.settings  # built once
    assert (s.model, s.use_cache, s.nli, s.config) == ("m", False, "some-nli", cfg)
    assert s.rule_paths == [str(tmp_path / "extra"), "mine.yml"]  # the file's, then the flags', each once
    assert r.gate == settings.Gate("error", True, "b.json", "w.json", True)
    assert s.max_size_mb == 10.0  # the pipeline's default when nothing sets it


def test_settings_bad_values_and_unknown_options():
    empty = parse_config("", "c.toml")
    with pytest.raises(ConfigError, match="device must be one of cpu, cuda, auto"):
        resolve_settings(config=empty, device="tpu")
    with pytest.raises(ConfigError, match="positive number of MB"):
        resolve_settings(config=empty, max_size=-1)
    with pytest.raises(TypeError, match="unknown option"):
        resolve_settings(config=empty, modle="x")


def test_settings_reads_the_configuration_file_named_or_found(tmp_path, monkeypatch):
    (tmp_path / "claimgraph.toml").write_text('model = "found"\n')
    (tmp_path / "other.toml").write_text('model = "named"\n')
    monkeypatch.chdir(tmp_path)
    assert resolve_settings().model == "found"
    assert resolve_settings("other.toml").model == "named"
    assert resolve_settings("other.toml", model="flag").model == "flag"


def test_settings_effective_is_what_claimgraph_config_prints(tmp_path):
    cfg = _file('max_size = 2.5\n', tmp_path)
    data = resolve_settings(config=cfg, environ={}, no_cache=True).effective()
    assert data["cache_dir"] == "off" and data["max_size"] == 2.5 and data["model"] == "all-MiniLM-L6-v2"
    assert resolve_settings(config=parse_config("", "c.toml"), environ={}).effective()["max_size"] == 10


def test_settings_constants_are_defined_once():
    assert settings.FAIL_LEVELS == (*model.SEVERITIES, "never")
    assert config_module.FAIL_LEVELS is settings.FAIL_LEVELS
    assert config_module.DEVICES is settings.DEVICES and config_module.BACKENDS is settings.BACKENDS
    assert not hasattr(config_module, "CONFIG_FILES")


def test_settings_resolving_does_not_import_the_pipeline():
    probe = (
        "import sys; from checker.settings import resolve_settings; r = resolve_settings(); "
        "print('checker.pipeline' in sys.modules, 'numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]
