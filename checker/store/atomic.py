"""Atomic file writes: a temporary file in the same folder, flushed, then renamed.

A run killed at any point (SIGKILL included) leaves either the previous file or the
complete new one, never a part of one: the new text goes to a hidden temporary file
beside the target (``.NAME.PID.XXXX.tmp``), which is flushed to disk and then renamed over
the target in one step. (A writer killed between the two steps leaves that file
behind; the next write of the same file removes it once that
process is gone.) A failed write (disk full, read-only folder) removes the
temporary file, leaves the target as it was and raises
:class:`~checker.errors.ClaimgraphError` naming the target, so the command line ends
with one line and exit code 2. The new file gets the permissions the target had, or
the usual ones for a new file (``0666`` less the umask), not ``mkstemp``'s ``0600``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import ClaimgraphError


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_text_atomic(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, newlines as given) atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see the module docstring)."""
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        mode = _new_file_mode()
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        tmp = None
        _sync_folder(target.parent)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ClaimgraphError(f"cannot write {path}: {reason}; it was left as it was") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _remove_stale(target: Path) -> None:
    """Remove temporary files a killed writer of ``target`` left (its process is gone)."""
    prefix = f".{target.name}."
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix) :].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid() or _alive(int(pid)):
            continue
        try:
            os.unlink(target.parent / name)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort; not every system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
