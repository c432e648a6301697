"""The settings of a run, resolved in one place: the flag, else the environment, else the
configuration file (:mod:`checker.config`), else the default.

:func:`resolve_settings` is what the command line, ``claimgraph config`` and the Python
API call. Its keyword options are named as the command line's flags (``--cache-dir`` is
``cache_dir``, ``--config`` is ``config_path``); ``None`` (or ``False``, ``()``) means
"not given", so the next source decides::

    resolved = resolve_settings(model="my-model", fail_on="warning")
    resolved.settings   # checker.pipeline.Settings, for a Pipeline (built when first read)
    resolved.gate       # fail_on, exit_zero, baseline, ...: what decides the exit code

The environment variables are :data:`ENVIRONMENT`'s (``$CLAIMGRAPH_CACHE_DIR``,
``$CLAIMGRAPH_NLP_MODEL``, ``$CLAIMGRAPH_DATE``). ``date`` (``--date YYYY-MM-DD``) dates every
input document that states no date of its own (:mod:`checker.ingest.docdate`). The constants
below are the only definition of the values the flags and the configuration keys accept (report formats are :data:`checker.report.FORMATS`).

This module imports nothing heavy (the rest lazily): the command line reads its
constants to build ``--help``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Mapping

from .choices import BACKENDS, DEVICES, FAIL_LEVELS, REVIEW_SEVERITIES, iso_date
from .errors import ConfigError

if TYPE_CHECKING:
    from .config import Config
    from .pipeline import Settings

#: The defaults of the settings that have one (``model``, ``cache_dir`` and ``max_size``
#: default to the packaged model, the user cache folder and 10 MB further down).
DEFAULTS: dict[str, Any] = {"device": "cpu", "backend": "torch", "fail_on": "error", "review_severity": "none"}

#: Settings that an environment variable can set, between the flag and the file.
ENVIRONMENT: dict[str, str] = {"cache_dir": "CLAIMGRAPH_CACHE_DIR", "nlp_model": "CLAIMGRAPH_NLP_MODEL", "date": "CLAIMGRAPH_DATE"}

_CHOICES: dict[str, tuple[str, ...]] = {
    "device": DEVICES, "backend": BACKENDS, "fail_on": FAIL_LEVELS, "review_severity": REVIEW_SEVERITIES
}
#: Settings layered flag > environment > file > default.
_LAYERED = (
    "model", "device", "backend", "cache_dir", "fail_on", "max_size", "nli", "review_severity", "nlp_model", "date",
)


@dataclass(frozen=True)
class Gate:
    """What decides which findings are kept and the exit code (``--fail-on`` and the gate flags)."""

    fail_on: str = "error"
    exit_zero: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    warn_unused_suppressions: bool = False
    review_severity: str = "none"  # what a check's claim-ledger "review" entry counts as for fail_on (checker.ledger)


@dataclass
class Resolved:
    """The outcome of :func:`resolve_settings`: each setting's value, and :attr:`settings`
    for a :class:`~checker.pipeline.Pipeline` (built on first use, so that commands that
    run no pipeline do not import it)."""

    config: "Config"
    gate: Gate
    rule_paths: list[str]
    model: str | None = None  # None: the packaged model
    device: str = "cpu"
    backend: str = "torch"
    cache_dir: str | None = None  # None: the user cache folder
    use_cache: bool = True
    max_size: float | None = None  # MiB, 0: no limit; None: the default (10)
    nli: str | None = None
    nlp_model: str | None = None  # None: checker.frame.nlp.default_nlp_model()
    date: str | None = None  # ISO date of every document that states none (--date)
    #: where each layered setting came from: "flag", "environment", "file" or "default"
    sources: dict[str, str] = field(default_factory=dict)

    @cached_property
    def settings(self) -> "Settings":
        from .pipeline import Settings

        return Settings(
            **({} if self.max_size is None else {"max_size_mb": self.max_size}),
            model=self.model,
            device=self.device,
            backend=self.backend,
            cache_dir=self.cache_dir,
            use_cache=self.use_cache,
            rule_paths=list(self.rule_paths),
            config=self.config,
            nli=self.nli,
            date=self.date,
            nlp_model=self.nlp_model,
        )

    def effective(self) -> dict[str, Any]:
        """The settings in force, as ``claimgraph config`` prints them."""
        from .ingest.documents import DEFAULT_MAX_SIZE_MB
        from .store.embedding_cache import default_cache_dir
        from .embed.embeddings import DEFAULT_MODEL
        from .frame.nlp import default_nlp_model

        cache = "off" if not self.use_cache else (self.cache_dir or str(default_cache_dir()))
        size = DEFAULT_MAX_SIZE_MB if self.max_size is None else self.max_size
        return self.config.effective(
            rules=list(self.rule_paths),
            model=self.model or DEFAULT_MODEL,
            device=self.device,
            backend=self.backend,
            fail_on=self.gate.fail_on,
            review_severity=self.gate.review_severity,
            cache_dir=cache,
            max_size=int(size) if float(size).is_integer() else size,
            nlp_model=self.nlp_model or default_nlp_model(),
            date=self.date,
        )


_OPTIONS = (
    "model", "device", "backend", "cache_dir", "no_cache", "rules", "max_size", "nli", "fail_on", "review_severity", "nlp_model",
    "exit_zero", "baseline", "write_baseline", "warn_unused_suppressions", "date",
)


def resolve_settings(
    config_path: str | os.PathLike | None = None,
    *,
    config: "Config | None" = None,
    environ: Mapping[str, str] | None = None,
    **options: Any,
) -> Resolved:
    """Resolve a run's settings: each from the flag (``options``), else the environment,
    else the configuration file, else the default.

    ``config_path`` names the configuration file (``--config``); without it the file is
    found from the current folder up (:func:`checker.config.load_config`); ``config``
    passes one already loaded. ``environ`` defaults to ``os.environ``. ``rules`` (extra
    rule files or folders) add to the file's. Raises :class:`~checker.errors.ConfigError`
    for a bad file or value, :class:`TypeError` for an option that is not a setting.
    """
    unknown = sorted(set(options) - set(_OPTIONS))
    if unknown:
        raise TypeError(f"unknown option(s) {', '.join(unknown)} (known: config_path, {', '.join(_OPTIONS)})")
    from .config import load_config

    if config is None:
        config = load_config(config_path)
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for name in _LAYERED:
        value, source = options.get(name), "flag"
        if value is None and name in ENVIRONMENT and env.get(ENVIRONMENT[name]):
            value, source = os.path.expanduser(env[ENVIRONMENT[name]]), "environment"
        if value is None and getattr(config, name) is not None:
            value, source = getattr(config, name), "file"
        if value is None:
            value, source = DEFAULTS.get(name), "default"
        if value is not None and name in _CHOICES and value not in _CHOICES[name]:
            raise ConfigError(f"{name} must be one of {', '.join(_CHOICES[name])}, not {value!r}")
        if value is not None and name == "date":
            value = given_date(value)
        values[name], sources[name] = value, source
    max_size = values["max_size"]
    gate = Gate(
        fail_on=values["fail_on"],
        review_severity=values["review_severity"],
        exit_zero=bool(options.get("exit_zero")),
        baseline=options.get("baseline"),
        write_baseline=options.get("write_baseline"),
        warn_unused_suppressions=bool(options.get("warn_unused_suppressions")),
    )
    return Resolved(
        config=config,
        gate=gate,
        rule_paths=_rule_paths(config.rules, options.get("rules") or ()),
        model=values["model"],
        device=values["device"],
        backend=values["backend"],
        cache_dir=None if values["cache_dir"] is None else str(values["cache_dir"]),
        use_cache=not options.get("no_cache"),
        max_size=None if max_size is None else size_mb(max_size),
        nli=values["nli"],
        nlp_model=values["nlp_model"],
        date=values["date"],
        sources=sources,
    )


def _rule_paths(from_file, from_flags) -> list[str]:
    """The configuration's rule paths, then the flags', each once."""
    if isinstance(from_flags, (str, os.PathLike)):
        from_flags = [from_flags]
    out: dict[str, str] = {}
    for p in [*from_file, *map(str, from_flags)]:
        out.setdefault(os.path.abspath(p), p)
    return list(out.values())


def given_date(value: Any) -> str:
    """The date of documents that state none (``--date``, ``$CLAIMGRAPH_DATE``, ``date``): ``YYYY-MM-DD``."""
    iso = iso_date(value)
    if iso is None:
        raise ConfigError(f"not a date (YYYY-MM-DD): {value!r}")
    return iso


def size_mb(value: Any) -> float:
    """A document size limit in MiB (``--max-size``, ``max_size``): 0 (no limit) or a positive number."""
    if isinstance(value, bool):
        raise ConfigError(f"max_size must be 0 (no limit) or a positive number of MB, not {value!r}")
    try:
        size = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"not a number of MB: {value!r}") from None
    if not size >= 0 or size == float("inf"):
        raise ConfigError(f"must be 0 (no limit) or a positive number of MB, not {value!r}")
    return size
