"""Shared test set-up: the repository root on sys.path and a private embedding cache."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# No test depends on how fast this machine is: Hypothesis's per-example deadline and its
# too_slow health check (data generation timed against the clock) are off for every test,
# including those that pass their own @settings (they inherit from this profile).
settings.register_profile("claimgraph", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("claimgraph")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never touch the user's cache folder."""
    folder = tmp_path_factory.mktemp("cache")
    old = os.environ.get("CLAIMGRAPH_CACHE_DIR")
    os.environ["CLAIMGRAPH_CACHE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("CLAIMGRAPH_CACHE_DIR", None)
    else:
        os.environ["CLAIMGRAPH_CACHE_DIR"] = old
