"""Faults: a missing or unloadable model, an unusable or corrupt cache, a full disk, Ctrl-C.

Each ends with one clear line on stderr and exit code 2 (a corrupt cache: a warning,
and the cache is rebuilt), with no traceback, no partial output file and the previous
report left as it was. Most run in-process with the fake encoder; Ctrl-C runs the
real command line in a subprocess (:mod:`tests.fake_cli`) and sends it SIGINT.
"""

from __future__ import annotations

import errno
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import checker.pipeline
from checker.store import atomic
from checker.cli import main
from checker.store.embedding_cache import CachedEmbedder, EmbeddingCache
from checker.errors import ClaimgraphError
from tests.conftest import ROOT, SEEDS
from tests.fake_cli import fake_app
from tests.fakes import HashEmbedder


@pytest.fixture
def fake_model():
    """The command line with the fake encoder injected: ``fake_model(argv)`` is ``main(argv)``."""
    return lambda argv: main(argv, app=fake_app())


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("claimgraph: error: ") and "Traceback" not in err
    return lines[0]


def _previous_report(tmp_path: Path) -> tuple[Path, bytes]:
    out = tmp_path / "out" / "report.md"
    out.parent.mkdir()
    out.write_bytes(b"previous report\n")
    return out, out.read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ----------------------------------------------------------------------------- model


def test_faults_model_path_missing_is_exit_2(tmp_path, capsys):
    out, before = _previous_report(tmp_path)
    code = main(["scan", str(SEEDS), "--model", str(tmp_path / "nonexistent"), "-o", str(out)])
    line = _one_error_line(capsys.readouterr().err)
    assert code == 2
    assert line == f"claimgraph: error: embedding model folder not found: {tmp_path / 'nonexistent'}"
    assert out.read_bytes() == before


@pytest.mark.model  # imports torch and sentence-transformers to try the folder
def test_faults_model_folder_empty_is_exit_2(tmp_path, capsys):
    out, before = _previous_report(tmp_path)
    empty = tmp_path / "model"
    empty.mkdir()
    code = main(["scan", str(SEEDS), "--model", str(empty), "-o", str(out), "--no-cache"])
    line = _one_error_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"claimgraph: error: cannot load embedding model '{empty}'")
    assert out.read_bytes() == before and _leftovers(out.parent) == []


@pytest.mark.model  # imports torch and sentence-transformers to try the name
def test_faults_model_name_not_installed_fails_fast_without_the_network(tmp_path, capsys, monkeypatch):
    """A hub name that is not in the local cache: one line, exit 2, and no connection
    tried (offline, the hub's retries used to take over a minute)."""
    import socket

    tried = []
    real_connect = socket.socket.connect

    def connect(self, address):
        tried.append(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    out, before = _previous_report(tmp_path)
    code = main(["scan", str(SEEDS), "--model", "someorg/not-installed-model", "-o", str(out), "--no-cache"])
    line = _one_error_line(capsys.readouterr().err)
    assert code == 2 and tried == []
    assert line.startswith("claimgraph: error: embedding model 'someorg/not-installed-model' is not a local folder")
    assert "does not download models" in line
    assert out.read_bytes() == before and _leftovers(out.parent) == []


# ----------------------------------------------------------------------------- cache


def test_faults_cache_dir_unusable_is_exit_2(tmp_path, fake_model, capsys):
    """An explicitly chosen cache folder that cannot be made (here a regular file:
    as root, chmod cannot make a folder read-only) is an error, not silently ignored."""
    out, before = _previous_report(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    code = fake_model(["scan", str(SEEDS), "--cache-dir", str(blocker), "-o", str(out)])
    line = _one_error_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith(f"claimgraph: error: embedding cache {blocker} cannot be used: ")
    assert line.endswith("(choose another --cache-dir, or --no-cache)")
    assert out.read_bytes() == before and _leftovers(out.parent) == []


def test_faults_cache_read_only_is_exit_2(tmp_path, fake_model, capsys, monkeypatch):
    """A read-only cache folder (simulated: root can write through chmod)."""
    folder = tmp_path / "cache"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        "checker.store.embedding_cache.os.access",
        lambda p, mode: False if Path(p) == folder else real_access(p, mode),
    )
    code = fake_model(["scan", str(SEEDS), "--cache-dir", str(folder), "--format", "json"])
    line = _one_error_line(capsys.readouterr().err)
    assert code == 2 and "folder is not writable" in line


def test_faults_default_cache_unusable_is_a_warning(tmp_path, fake_model, capsys, monkeypatch):
    """The default user cache folder (nothing chosen) that cannot be used: a warning."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.delenv("CLAIMGRAPH_CACHE_DIR")
    monkeypatch.setattr(checker.pipeline, "default_cache_dir", lambda: blocker)
    code = fake_model(["scan", str(SEEDS), "--format", "json", "--fail-on", "never"])
    err = capsys.readouterr().err
    assert code == 0
    assert f"claimgraph: warning: embedding cache {blocker / 'embeddings.sqlite3'} is unusable" in err
    assert "running without it" in err and "Traceback" not in err


def test_faults_corrupt_cache_is_moved_aside_and_rebuilt(tmp_path):
    db = tmp_path / "embeddings.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    (tmp_path / "embeddings.sqlite3-wal").write_bytes(b"stale journal")
    warnings: list[str] = []
    cache = EmbeddingCache(tmp_path, warn=warnings.append, required=True)
    cached = CachedEmbedder(HashEmbedder(), cache)
    first = cached.encode(["one", "two"])
    cache.close()
    assert len(warnings) == 1 and "moved it to embeddings.sqlite3.corrupt" in warnings[0]
    assert (tmp_path / "embeddings.sqlite3.corrupt").read_bytes() == b"this is not a database" * 100
    wal = tmp_path / "embeddings.sqlite3-wal"
    assert not wal.exists() or wal.read_bytes() != b"stale journal"  # never replayed into the new cache
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == 2
    # the rebuilt cache is used: nothing to encode, no warning
    again: list[str] = []
    cached = CachedEmbedder(HashEmbedder(), EmbeddingCache(tmp_path, warn=again.append, required=True))
    assert (cached.encode(["one", "two"]) == first).all()
    assert cached.encoded == 0 and again == []


def test_faults_truncated_cache_is_rebuilt(tmp_path):
    cache = EmbeddingCache(tmp_path)
    CachedEmbedder(HashEmbedder(), cache).encode([f"sentence {i}" for i in range(2000)])
    cache.close()
    db = tmp_path / "embeddings.sqlite3"
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2] + b"\x00" * 512 + data[len(data) // 2 + 512 :])  # a damaged page
    warnings: list[str] = []
    cached = CachedEmbedder(HashEmbedder(), EmbeddingCache(tmp_path, warn=warnings.append))
    vectors = cached.encode(["sentence 1", "sentence 2"])
    assert vectors.shape == (2, 256)
    assert warnings and "unusable" in warnings[0]


# ----------------------------------------------------------------------------- disk full


def test_faults_disk_full_while_writing_a_report(tmp_path, fake_model, capsys, monkeypatch):
    out, before = _previous_report(tmp_path)
    second = out.parent / "report.json"
    second.write_bytes(b"{}\n")
    real_fsync = os.fsync

    def full(fd):
        if ".report.json." in os.readlink(f"/proc/self/fd/{fd}"):  # the temporary file of the second report
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", full)
    code = fake_model(["scan", str(SEEDS), "-o", str(out), "-o", str(second), "--fail-on", "never"])
    err = capsys.readouterr().err
    line = _one_error_line(err)
    assert code == 2
    assert line == f"claimgraph: error: cannot write {second}: No space left on device; it was left as it was"
    assert second.read_bytes() == b"{}\n"
    assert _leftovers(out.parent) == []


def test_faults_atomic_write_keeps_permissions(tmp_path):
    target = tmp_path / "r.html"
    atomic.write_text_atomic(target, "new")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    target.chmod(0o640)
    atomic.write_text_atomic(target, "newer")
    assert target.stat().st_mode & 0o777 == 0o640 and target.read_text() == "newer"


def test_faults_atomic_write_into_a_file_path_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ClaimgraphError) as info:
        atomic.write_text_atomic(blocker / "r.md", "text")
    assert str(info.value).startswith(f"cannot write {blocker / 'r.md'}: ")


# ----------------------------------------------------------------------------- Ctrl-C


def _spawn(args, tmp_path, **env):
    environment = {**os.environ, "PYTHONHASHSEED": "0", **env}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.fake_cli", *args],
        cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_interruptible,
    )


def _interruptible() -> None:
    """Ctrl-C at its default in the run, as in a terminal: a test runner started in the background
    (``pytest &`` in a script) ignores SIGINT, its children inherit that, and Python then never
    raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _signal(proc, signum) -> str:
    """Send ``signum`` and return the run's stderr once it has ended (the fake encoder's window
    is 10 s, the hang guard 30 s)."""
    proc.send_signal(signum)
    return proc.communicate(timeout=30)[1]


def _wait_for(path: Path, proc, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"hang guard: the run never reached {path.name} in {timeout:.0f} s (not a timing check)"
        time.sleep(0.01)


@pytest.mark.slow
@pytest.mark.parametrize(
    "signum, message",
    [
        (signal.SIGINT, "claimgraph: error: interrupted; no report written"),
        (signal.SIGTERM, "claimgraph: error: terminated (SIGTERM); no report written"),
    ],
    ids=["ctrl-c", "sigterm"],
)
def test_faults_signal_mid_scan_is_exit_2_and_writes_nothing(tmp_path, signum, message):
    """Ctrl-C or SIGTERM while embedding: one error line, exit 2, the previous report and the cache intact."""
    out, before = _previous_report(tmp_path)
    mark = tmp_path / "embedding-started"
    # a 10 s window to signal the run in (see _signal)
    proc = _spawn(
        ["scan", str(SEEDS), "-o", str(out), "--cache-dir", str(tmp_path / "cache")], tmp_path,
        CLAIMGRAPH_FAKE_MARK=str(mark), CLAIMGRAPH_FAKE_DELAY="10",
    )
    _wait_for(mark, proc)
    err = _signal(proc, signum)
    assert proc.returncode == 2
    assert _one_error_line(err) == message
    assert out.read_bytes() == before and _leftovers(out.parent) == []
    with sqlite3.connect(tmp_path / "cache" / "embeddings.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# ----------------------------------------------------------------------------- SIGTERM




def test_faults_sigterm_between_temporary_file_and_rename_leaves_no_partial_file(tmp_path):
    out, before = _previous_report(tmp_path)
    graph = out.parent / "g.graphml"
    graph.write_bytes(b"previous graph\n")
    proc = _spawn(
        ["scan", str(SEEDS), "-o", str(out), "--graph", str(graph), "--no-cache"], tmp_path,
        CLAIMGRAPH_FAKE_REPLACE_DELAY="10",  # the window to signal it in (see _signal)
    )
    _wait_for(Path(str(out) + ".renaming"), proc)
    assert [p for p in out.parent.iterdir() if p.name.endswith(".tmp")], "the temporary file was written"
    err = _signal(proc, signal.SIGTERM)
    assert proc.returncode == 2
    assert _one_error_line(err) == "claimgraph: error: terminated (SIGTERM); no report written"
    assert out.read_bytes() == before and graph.read_bytes() == b"previous graph\n"
    assert _leftovers(out.parent) == []


@pytest.mark.slow
def test_faults_sigterm_mid_index_update_leaves_the_index_whole(tmp_path):
    index = tmp_path / "idx"
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.md").write_text("In 2023, China authorized 921,000 invention patents.\n", encoding="utf-8")
    first = subprocess.run(
        [sys.executable, "-m", "tests.fake_cli", "index", str(archive), "--index", str(index), "--no-cache", "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert first.returncode == 0, first.stderr
    manifest = (index / "claimgraph-index.json").read_bytes()
    (archive / "b.md").write_text("Exports rose 12% in 2024 to $3.2 trillion.\n", encoding="utf-8")
    mark = tmp_path / "embedding-started"
    proc = _spawn(
        ["index", str(archive), "--index", str(index), "--no-cache"], tmp_path,
        CLAIMGRAPH_FAKE_MARK=str(mark), CLAIMGRAPH_FAKE_DELAY="10",  # the window to signal it in (see _signal)
    )
    _wait_for(mark, proc)
    err = _signal(proc, signal.SIGTERM)
    assert proc.returncode == 2
    assert _one_error_line(err) == "claimgraph: error: terminated (SIGTERM); the index was left as it was"
    assert (index / "claimgraph-index.json").read_bytes() == manifest
    assert sorted(p.name for p in index.iterdir()) == [".claimgraph-index.lock", "claimgraph-index.json", "v000001"]
