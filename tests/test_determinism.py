"""Nothing lost, and the same bytes every time.

* Determinism: the same input and configuration give byte-identical JSON, Markdown,
  HTML and SARIF reports and graph files in two separate processes with different
  ``PYTHONHASHSEED`` values (fast, with the fake encoder of :mod:`tests.fake_cli`; and
  with the real model, marked slow).
* A run killed with SIGKILL at any point (while reading, while embedding, between
  writing a report's temporary file and renaming it) leaves the previous reports
  byte-identical and the embedding cache usable; the rerun's output is identical to
  that of an uninterrupted run.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

DRAFT = "In 2023, China authorized 798,000 invention patents.\n"
OUTPUTS = ("r.json", "r.md", "r.html", "r.sarif")


def _corpus(tmp_path: Path) -> list[str]:
    draft = tmp_path / "draft.md"
    draft.write_text("# Draft\n\n" + DRAFT, encoding="utf-8")
    return [str(SEEDS), str(draft)]


def _args(inputs, out: Path, cache: Path) -> list[str]:
    args = ["scan", *inputs, "--fail-on", "never", "--cache-dir", str(cache), "--graph", str(out / "g.graphml")]
    for name in OUTPUTS:
        args += ["-o", str(out / name)]
    return args


def _env(seed: str, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMGRAPH_FAKE_")}
    return {**env, "PYTHONHASHSEED": seed, **extra}


def _run(module: str, args, seed: str, timeout=300, **extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, env=_env(seed, **extra),
        capture_output=True, text=True, timeout=timeout,
    )


def _spawn(args, seed: str, **extra) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.fake_cli", *args], cwd=ROOT, env=_env(seed, **extra),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


def _reports(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in _files(folder).items() if k in OUTPUTS or k == "g.graphml"}


@pytest.mark.slow
def test_determinism_two_processes_give_the_same_bytes(tmp_path):
    inputs = _corpus(tmp_path)
    results = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        out.mkdir()
        run = _run("tests.fake_cli", _args(inputs, out, tmp_path / f"cache{seed}"), seed)
        assert run.returncode == 0, run.stderr
        results.append(_reports(out))
    assert set(results[0]) == {*OUTPUTS, "g.graphml"}
    for name in results[0]:
        assert results[0][name] == results[1][name], f"{name} differs between runs"
    assert b"798,000" in results[0]["r.html"]  # the draft's conflict is in the report


def _wait_for(path: Path, proc: subprocess.Popen, timeout=60.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"hang guard: the run never reached {path.name} in {timeout:.0f} s (not a timing check)"
        time.sleep(0.005)


def _cache_ok(cache: Path) -> None:
    with sqlite3.connect(cache / "embeddings.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_determinism_killed_run_leaves_previous_reports_and_rerun_matches(tmp_path):
    inputs = _corpus(tmp_path)
    # The reference: one uninterrupted run.
    reference = tmp_path / "reference"
    reference.mkdir()
    run = _run("tests.fake_cli", _args(inputs, reference, tmp_path / "ref-cache"), "3")
    assert run.returncode == 0, run.stderr
    expected = _reports(reference)

    out = tmp_path / "out"
    out.mkdir()
    previous = {name: f"previous {name}\n".encode() for name in [*OUTPUTS, "g.graphml"]}
    for name, data in previous.items():
        (out / name).write_bytes(data)
    cache = tmp_path / "cache"
    args = _args(inputs, out, cache)

    # 1. killed while reading (right after start)
    proc = _spawn(args, "4")
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _reports(out) == previous

    # 2. killed while embedding: some vectors may be in the cache, a transaction at most lost
    mark = tmp_path / "embedding"
    proc = _spawn(args, "5", CLAIMGRAPH_FAKE_MARK=str(mark), CLAIMGRAPH_FAKE_DELAY="30")
    _wait_for(mark, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _reports(out) == previous
    _cache_ok(cache)

    # 3. killed with a report's temporary file written, before its rename
    proc = _spawn(args, "6", CLAIMGRAPH_FAKE_REPLACE_DELAY="30")
    _wait_for(out / "r.json.renaming", proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _reports(out) == previous
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")], "the killed write left its temporary file"
    _cache_ok(cache)

    # The rerun: identical to the uninterrupted run, and the killed run's temporary file is gone.
    run = _run("tests.fake_cli", args, "7")
    assert run.returncode == 0, run.stderr
    assert _reports(out) == expected
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    _cache_ok(cache)


@pytest.mark.model
def test_determinism_real_model_two_processes_give_the_same_bytes(tmp_path):
    """The real model: this process (its model may be loaded already) and a subprocess
    with another hash seed, each with its own fresh cache."""
    from checker.cli import main

    inputs = _corpus(tmp_path)
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    assert main(_args(inputs, here, tmp_path / "c1") + ["-q"]) == 0
    seed = "12345" if os.environ.get("PYTHONHASHSEED") != "12345" else "54321"
    run = _run("checker.cli", _args(inputs, there, tmp_path / "c2"), seed, timeout=600)
    assert run.returncode == 0, run.stderr
    first, second = _reports(here), _reports(there)
    assert set(first) == {*OUTPUTS, "g.graphml"}
    for name in first:
        assert first[name] == second[name], f"{name} differs between runs"
    assert b"798,000" in first["r.json"]


@pytest.mark.model
def test_determinism_real_model_same_bytes_across_jobs(tmp_path):
    """``scan --jobs 1`` and ``scan --jobs 2`` (each under another hash seed) write the
    very bytes of a single-process scan: JSON, Markdown, HTML, SARIF and the graph. Each
    run has a fresh cache, so the sentences are encoded on the Dask workers."""
    pytest.importorskip("dask.distributed")
    from checker.cli import main

    inputs = _corpus(tmp_path)
    (tmp_path / "extra.html").write_text(
        "<html><head><title>Extra</title></head><body><p>In 2023, China authorized 920,000 invention patents.</p>"
        "<p>Shenzhen hosted 1,100 robotics firms in 2024.</p></body></html>",
        encoding="utf-8",
    )
    inputs.append(str(tmp_path / "extra.html"))
    single = tmp_path / "single"
    single.mkdir()
    assert main(_args(inputs, single, tmp_path / "c-single") + ["-q"]) == 0
    expected = _reports(single)
    assert set(expected) == {*OUTPUTS, "g.graphml"} and b"798,000" in expected["r.json"]
    for jobs, seed in (("1", "11"), ("2", "22")):
        out = tmp_path / f"jobs{jobs}-{seed}"
        out.mkdir()
        run = _run("checker.cli", _args(inputs, out, tmp_path / f"c-{seed}") + ["--jobs", jobs], seed, timeout=600)
        assert run.returncode == 0, run.stderr
        got = _reports(out)
        for name in expected:
            assert got[name] == expected[name], f"{name} differs with --jobs {jobs} (seed {seed})"
