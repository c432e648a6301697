"""The claimgraph command line with a fast fake encoder, for subprocess tests.

``python -m tests.fake_cli scan seeds/ -o r.json`` runs :func:`checker.cli.main` with
:class:`tests.fakes.HashEmbedder` in place of the sentence-transformers model, so a
test can run whole processes (to kill them, to interrupt them, to compare two runs
under different hash seeds) in a fraction of a second each. Everything else is the
real program.

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


def main(argv: list[str] | None = None) -> int:
    import checker.pipeline
    from checker.store import atomic
    from checker import cli

    checker.pipeline.SentenceTransformerEmbedder = FakeModel
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
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main())
