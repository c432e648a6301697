"""Startup: commands that do not embed never import torch or sentence-transformers."""

import subprocess
import sys

from conftest import ROOT

_PROBE = """
import contextlib, io, sys
from checker.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main({argv!r})
    except SystemExit:
        pass
heavy = sorted(m for m in ("torch", "sentence_transformers", "transformers", "hnswlib", "onnxruntime") if m in sys.modules)
print(",".join(heavy))
"""


def _heavy_modules(argv):
    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(argv=argv)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_startup_help_imports_no_encoder():
    assert _heavy_modules(["--help"]) == ""
    assert _heavy_modules(["scan", "--help"]) == ""


def test_startup_rules_command_imports_no_encoder():
    assert _heavy_modules(["rules"]) == ""


def test_startup_importtime_of_help_has_no_torch():
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "checker.cli", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    modules = {line.split("|")[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}
    assert "torch" not in modules and "sentence_transformers" not in modules
    assert "checker" in modules


def test_startup_inflect_loads_without_typeguard_instrumentation():
    probe = (
        "from checker.extract.inflect_loader import load_inflect; "
        "e = load_inflect().engine(); print(e.singular_noun('patents')); "
        "import typeguard; print(typeguard.typechecked.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["patent", "typechecked"]
