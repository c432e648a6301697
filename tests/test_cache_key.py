"""The claims cache is keyed on the extraction code as imported: moving or editing an extractor,
or a module whose code cannot be read, never lets stale claims through."""

from __future__ import annotations

import importlib
import shutil
import sys

import pytest

import checker.store.claims_cache as claims_cache
from checker.errors import ClaimgraphError
from checker.pipeline import Pipeline, Settings
from tests.conftest import SEEDS
from tests.fakes import HashEmbedder


@pytest.fixture
def extractor_pkg(tmp_path, monkeypatch):
    """A throwaway package ``cg_fake_extract`` on sys.path, with one extractor module."""
    root = tmp_path / "site"
    pkg = root / "cg_fake_extract"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "figures.py").write_text("SCALE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(root))

    def reload():
        for name in [n for n in sys.modules if n == "cg_fake_extract" or n.startswith("cg_fake_extract.")]:
            del sys.modules[name]
        importlib.invalidate_caches()
        claims_cache.extractor_digest.cache_clear()

    reload()
    yield pkg
    reload()


def test_cache_key_changes_when_an_extractor_is_edited(extractor_pkg):
    before = claims_cache.code_digest(["cg_fake_extract"])
    (extractor_pkg / "figures.py").write_text("SCALE = 2\n", encoding="utf-8")
    importlib.invalidate_caches()
    assert claims_cache.code_digest(["cg_fake_extract"]) != before


def test_cache_key_changes_when_an_extractor_is_moved(extractor_pkg):
    before = claims_cache.code_digest(["cg_fake_extract"])
    sub = extractor_pkg / "numbers"
    sub.mkdir()
    (sub / "__init__.py").write_text("", encoding="utf-8")
    shutil.move(extractor_pkg / "figures.py", sub / "figures.py")  # the same bytes under another name
    del sys.modules["cg_fake_extract"]
    sys.modules.pop("cg_fake_extract.figures", None)
    importlib.invalidate_caches()
    assert claims_cache.code_digest(["cg_fake_extract"]) != before


def test_cache_key_of_unreadable_code_is_an_error(extractor_pkg, monkeypatch):
    module = importlib.import_module("cg_fake_extract.figures")
    monkeypatch.setattr(module, "__file__", str(extractor_pkg / "gone.py"))
    with pytest.raises(ClaimgraphError, match="cannot key the cache"):
        claims_cache.code_digest(["cg_fake_extract"])
    monkeypatch.setattr(module, "__file__", None)
    with pytest.raises(ClaimgraphError, match="no source file"):
        claims_cache.code_digest(["cg_fake_extract"])


def test_cache_key_covers_every_extraction_module_as_imported():
    names = {m.__name__ for m in claims_cache._modules(claims_cache.EXTRACTOR_MODULES)}
    for module in ("quantities", "dates", "claims", "documents", "markup_html", "segment", "terms"):
        assert any(n.split(".")[-1] == module for n in names), module


def _scan(corpus, cache):
    pipeline = Pipeline(Settings(cache_dir=str(cache)), embedder=HashEmbedder(), warn=lambda m: None)
    try:
        return pipeline.scan([str(corpus)])
    finally:
        pipeline.close()


def test_cache_edited_extractor_invalidates_cached_claims(tmp_path, extractor_pkg, monkeypatch):
    monkeypatch.setattr(claims_cache, "EXTRACTOR_MODULES", claims_cache.EXTRACTOR_MODULES + ("cg_fake_extract",))
    claims_cache.extractor_digest.cache_clear()
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cold = _scan(corpus, tmp_path / "cache")

    from checker.store.claims_cache import ClaimsCache

    stored = []
    real = ClaimsCache.put_many
    monkeypatch.setattr(ClaimsCache, "put_many", lambda self, items: stored.extend(items) or real(self, items))
    _scan(corpus, tmp_path / "cache")
    assert stored == []  # unchanged code: every document came from the cache

    (extractor_pkg / "figures.py").write_text("SCALE = 3\n", encoding="utf-8")
    importlib.invalidate_caches()
    claims_cache.extractor_digest.cache_clear()
    warm = _scan(corpus, tmp_path / "cache")
    assert len(stored) == len(cold.documents)  # every document extracted again and stored anew
    assert warm.claims == cold.claims
