"""The rule kinds: Python code that rules in ``rules/*.yml`` instantiate by name."""

from .base import PairContext, Param, RuleKind, Verdict
from .dates import DateMismatch
from .numeric import NumericMismatch

KINDS: dict[str, type[RuleKind]] = {k.name: k for k in (NumericMismatch, DateMismatch)}

__all__ = ["KINDS", "PairContext", "Param", "RuleKind", "Verdict"]
