"""The claimgraph command line with a fast fake encoder, in-process and for subprocess tests.

The command line runs with an :class:`checker.cli.App` whose encoder is :class:`FakeModel`
(hashed bags of words, :class:`tests.fakes.HashEmbedder`) in place of the
sentence-transformers model; everything else is the real program.

* :func:`invoke` runs it in-process through click's ``CliRunner``: ``invoke("scan", path)``
  gives a ``click.testing.Result`` (``exit_code``, ``stdout``, ``stderr``).
* ``python -m tests.fake_cli scan seeds/ -o r.json`` runs it as a process, so a test can run
  whole processes (to kill them, to interrupt them, to compare two runs under different
  hash seeds) in a fraction of a second each.

Environment:

``CLAIMGRAPH_FAKE_MARK``
    a file created when the encoder is first called (embedding has started);
``CLAIMGRAPH_FAKE_DELAY``
    seconds to sleep in each encode call (a window to kill the run in);
``CLAIMGRAPH_FAKE_REPLACE_DELAY``
    seconds to sleep before each atomic rename of an output (a window to kill it mid-write).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.fakes import HashEmbedder  # noqa: E402


class FakeModel(HashEmbedder):
    """Takes SentenceTransformerEmbedder's arguments; encodes with hashed bags of words."""

    def __init__(self, model=None, device="cpu", batch_size=64) -> None:
        super().__init__()

    def encode(self, texts):
        mark = os.environ.get("CLAIMGRAPH_FAKE_MARK")
        if mark:
            Path(mark).touch()
        delay = float(os.environ.get("CLAIMGRAPH_FAKE_DELAY") or 0)
        if delay:
            time.sleep(delay)
        return super().encode(texts)


def fake_app(encoder=FakeModel):
    """The command line's application object with a fake encoder (any zero-argument callable)."""
    from checker.cli import App

    return App(encoder=encoder)


def invoke(*args, app=None, env=None):
    """Run ``claimgraph ARGS...`` in-process with the fake encoder (click's ``CliRunner``)."""
    from click.testing import CliRunner

    from checker.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args], obj=app or fake_app(), env=env, prog_name="claimgraph")


def main(argv: list[str] | None = None) -> int:
    from checker import cli
    from checker.store import atomic

    delay = float(os.environ.get("CLAIMGRAPH_FAKE_REPLACE_DELAY") or 0)
    if delay:
        real_replace = os.replace

        def slow_replace(src, dst):
            Path(str(dst) + ".renaming").touch()
            time.sleep(delay)
            return real_replace(src, dst)

        atomic.os = type(sys)("os_with_slow_replace")
        atomic.os.__dict__.update(os.__dict__)
        atomic.os.replace = slow_replace
    return cli.main(argv, app=fake_app())


if __name__ == "__main__":
    sys.exit(main())
