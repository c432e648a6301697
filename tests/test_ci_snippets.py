"""The README's CI snippets, as written (issue 17 part 5).

The GitHub Actions workflow and the pre-commit configuration are read out of the README's
"CI and pre-commit" section, so that the README is what is tested: the workflow's steps are
checked in order and its ``claimgraph`` commands run in a folder laid out as it expects
(``archive/``, ``drafts/``); pre-commit runs the README's hook configuration in a temporary git
repository, with the real ``claimgraph`` on PATH.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.fake_cli import invoke

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BIN = Path(sys.executable).parent  # the virtual environment's bin folder: claimgraph, pre-commit

ARCHIVE = "# Patent office annual report\n\nIn 2023, China authorized 921,000 invention patents.\n"
CONFLICTING = "# Draft\n\nIn 2023, China authorized 798,000 invention patents.\n"
CONSISTENT = "# Draft\n\nIn 2023, China authorized 921,000 invention patents, the office said.\n"


def _ci_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### CI and pre-commit")
    end = text.index("\n### ", start + 1)
    return text[start:end]


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", _ci_section(), flags=re.S)


def _workflow() -> dict:
    (block,) = [b for b in _yaml_blocks() if yaml.safe_load(b).get("jobs")]
    return yaml.safe_load(block)


def _precommit_config() -> str:
    (block,) = [b for b in _yaml_blocks() if "repos" in yaml.safe_load(b)]
    return block


def _steps() -> list[dict]:
    (job,) = _workflow()["jobs"].values()
    return job["steps"]


def _claimgraph_commands() -> list[list[str]]:
    """The workflow's ``run:`` commands that start with ``claimgraph``, split as a shell would."""
    return [shlex.split(s["run"]) for s in _steps() if s.get("run", "").startswith("claimgraph ")]


def _check_outputs(args: list[str]) -> list[str]:
    return [args[i + 1] for i, a in enumerate(args) if a in ("-o", "--output")]


# --- the workflow ---------------------------------------------------------------------------------


def test_ci_snippets_workflow_steps_in_order():
    steps = _steps()
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    runs = [s.get("run", "") for s in steps]

    def at(pred) -> int:
        found = [i for i, s in enumerate(steps) if pred(s)]
        assert found, "missing step"
        return found[0]

    own = at(lambda s: s.get("uses", "").startswith("actions/checkout") and not s.get("with"))
    tool = at(lambda s: s.get("uses", "").startswith("actions/checkout") and s.get("with", {}).get("repository"))
    python = uses.index("actions/setup-python")
    cache = uses.index("actions/cache")
    install = at(lambda s: "pip install" in s.get("run", ""))
    index = at(lambda s: s.get("run", "").startswith("claimgraph index"))
    check = at(lambda s: s.get("run", "").startswith("claimgraph check"))
    upload = uses.index("github/codeql-action/upload-sarif")
    assert own < tool < python < cache < install < index < check < upload

    # claimgraph is installed from the checkout of its repository, never from a package index
    folder = steps[tool]["with"]["path"]
    install_cmd = runs[install]
    assert f"pip install -e './{folder}[embed]'" in install_cmd
    assert re.search(r"pip install torch==[\d.]+ --index-url https://download.pytorch.org/whl/cpu", install_cmd)
    assert "pip install 'claimgraph" not in install_cmd and "pip install claimgraph" not in install_cmd

    # the cache holds the index and the embedding cache, keyed by claimgraph's version and the archive
    cached = steps[cache]["with"]["path"].split()
    assert set(cached) == {".claimgraph-index", "~/.cache/claimgraph"}
    key, restore = steps[cache]["with"]["key"], steps[cache]["with"]["restore-keys"]
    assert "archive/**" in key and f"{folder}/pyproject.toml" in key
    # an archive change restores the last index of the same claimgraph version (then updated)
    assert key.startswith(restore) and "archive" not in restore

    # the index the check reads is the one the index step writes, and the one cached
    index_args, check_args = shlex.split(runs[index]), shlex.split(runs[check])
    built = index_args[index_args.index("--index") + 1]
    assert check_args[check_args.index("--against") + 1] == built and built in cached

    # annotations on stdout, SARIF in the file the upload step reads, uploaded even when the check fails
    assert check_args[check_args.index("--format") + 1] == "github"
    assert "-" in _check_outputs(check_args)
    sarif = steps[upload]["with"]["sarif_file"]
    assert sarif in _check_outputs(check_args)
    assert steps[upload]["if"] == "always()"
    assert _workflow()["permissions"]["security-events"] == "write"


def _layout(folder: Path, draft: str) -> None:
    (folder / "archive").mkdir(exist_ok=True)
    (folder / "archive" / "report.md").write_text(ARCHIVE)
    (folder / "drafts").mkdir(exist_ok=True)
    (folder / "drafts" / "new.md").write_text(draft)


def _assert_workflow_outputs(folder: Path, check_args: list[str], code: int, stdout: str, draft: str) -> None:
    sarif_file = next(o for o in _check_outputs(check_args) if o != "-")
    sarif = json.loads((folder / sarif_file).read_text())
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    if draft is CONFLICTING:
        assert code == 1
        assert stdout.startswith("::error") and "file=drafts/new.md,line=3" in stdout
        assert results and "798,000" in stdout
    else:
        assert code == 0
        assert "::error" not in stdout and not [r for r in results if r.get("level") == "error"]


@pytest.mark.parametrize("draft", [CONFLICTING, CONSISTENT], ids=["conflict", "consistent"])
def test_ci_snippets_workflow_commands_run_with_fake_encoder(tmp_path, monkeypatch, draft):
    """The workflow's claimgraph commands, argument for argument, in-process with the fake encoder."""
    monkeypatch.chdir(tmp_path)
    _layout(tmp_path, draft)
    commands = _claimgraph_commands()
    assert [c[1] for c in commands] == ["index", "check"]
    index_args, check_args = commands
    built = invoke(*index_args[1:])
    assert built.exit_code == 0, built.output
    assert (tmp_path / ".claimgraph-index" / "claimgraph-index.json").is_file()
    checked = invoke(*check_args[1:])
    _assert_workflow_outputs(tmp_path, check_args, checked.exit_code, checked.stdout, draft)


@pytest.mark.model
@pytest.mark.slow
def test_ci_snippets_workflow_commands_run_as_written(tmp_path):
    """The workflow's claimgraph lines run by a shell, as written, with the installed claimgraph and its model."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    for draft in (CONFLICTING, CONSISTENT):
        _layout(tmp_path, draft)
        runs = [s["run"] for s in _steps() if s.get("run", "").startswith("claimgraph ")]
        index_run, check_run = runs
        built = subprocess.run(index_run, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert built.returncode == 0, built.stderr
        checked = subprocess.run(check_run, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True)
        assert checked.returncode in (0, 1), checked.stderr
        _assert_workflow_outputs(tmp_path, shlex.split(check_run), checked.returncode, checked.stdout, draft)


# --- pre-commit -----------------------------------------------------------------------------------


def test_ci_snippets_precommit_config_is_a_local_check_hook(tmp_path):
    config = yaml.safe_load(_precommit_config())
    (repo,) = config["repos"]
    assert repo["repo"] == "local" and "rev" not in repo
    (hook,) = repo["hooks"]
    assert hook["language"] == "system" and hook["pass_filenames"] is True and hook["require_serial"] is True
    entry = shlex.split(hook["entry"])
    # the staged files come after "--": drafts, not more archive paths for --against
    assert entry[:2] == ["claimgraph", "check"] and entry[-1] == "--"
    assert entry[entry.index("--against") + 1] == ".claimgraph-index"
    assert re.search(hook["files"], "drafts/new.md") and not re.search(hook["files"], "archive/report.md")
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(_precommit_config())
    done = subprocess.run(
        [str(BIN / "pre-commit"), "validate-config", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_snippets_precommit_hooks_manifest():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert {"claimgraph-check", "claimgraph", "claimgraph-check-system", "claimgraph-system"} <= set(hooks)
    for name in ("claimgraph-check", "claimgraph-check-system"):
        hook = hooks[name]
        assert hook["entry"] == "claimgraph check" and hook["args"] == ["--against", ".claimgraph-index", "--"]
        assert hook["pass_filenames"] and hook["require_serial"]
    assert hooks["claimgraph"]["entry"] == "claimgraph scan"
    done = subprocess.run(
        [str(BIN / "pre-commit"), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _git(repo: Path, *args: str, env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done


@pytest.mark.model
@pytest.mark.slow
def test_ci_snippets_precommit_hook_fails_a_conflicting_draft(tmp_path):
    """pre-commit, on the README's configuration, checks a staged draft against the archive's index."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "docs"
    repo.mkdir()
    env = dict(
        os.environ,
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
        GIT_CONFIG_GLOBAL=str(tmp_path / "gitconfig"), GIT_CONFIG_NOSYSTEM="1",
    )
    (tmp_path / "gitconfig").write_text("")  # no user or system git configuration
    _git(repo, "init", "-q", env=env)
    (repo / ".pre-commit-config.yaml").write_text(_precommit_config())
    (repo / "archive").mkdir()
    (repo / "archive" / "report.md").write_text(ARCHIVE)
    built = subprocess.run(
        ["claimgraph", "index", "archive/", "--index", ".claimgraph-index"],
        cwd=repo, env=env, capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr
    (repo / ".gitignore").write_text(".claimgraph-index/\n")
    _git(repo, "add", ".pre-commit-config.yaml", ".gitignore", "archive", env=env)
    _git(repo, "commit", "-q", "-m", "archive", env=env)
    subprocess.run(["pre-commit", "install"], cwd=repo, env=env, capture_output=True, text=True, check=True)

    (repo / "drafts").mkdir()
    draft = repo / "drafts" / "new.md"
    draft.write_text(CONFLICTING)
    _git(repo, "add", "drafts/new.md", env=env)
    run = subprocess.run(
        ["pre-commit", "run", "--files", "drafts/new.md"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Failed" in run.stdout and "NUM001" in run.stdout and "798,000" in run.stdout
    assert "drafts/new.md:3" in run.stdout
    # the commit itself is refused by the installed hook
    commit = subprocess.run(["git", "commit", "-q", "-m", "draft"], cwd=repo, env=env, capture_output=True, text=True)
    assert commit.returncode != 0 and "NUM001" in commit.stdout + commit.stderr

    draft.write_text(CONSISTENT)
    _git(repo, "add", "drafts/new.md", env=env)
    run = subprocess.run(
        ["pre-commit", "run", "--files", "drafts/new.md"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout
    commit = subprocess.run(["git", "commit", "-q", "-m", "draft"], cwd=repo, env=env, capture_output=True, text=True)
    assert commit.returncode == 0, commit.stdout + commit.stderr
