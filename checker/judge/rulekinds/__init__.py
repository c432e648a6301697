"""The rule kinds: Python code that rules in ``rules/*.yml`` instantiate by name."""

from .base import PairContext, Param, RuleKind, Verdict
from .citations import DanglingCitation
from .conversion import ConversionRate
from .dates import DateMismatch
from .direction import DirectionMismatch
from .entities import EntityMismatch
from .growth import GrowthArithmetic
from .nli import NliContradiction
from .numeric import NumericMismatch
from .ordinal import OrdinalMismatch
from .scope import ScopeDifference
from .summary import UnsupportedSummary
from .timeline import FutureEventPastTense
from .unitslip import UnitSlip

KINDS: dict[str, type[RuleKind]] = {
    k.name: k
    for k in (
        NumericMismatch,
        DateMismatch,
        EntityMismatch,
        ScopeDifference,
        ConversionRate,
        GrowthArithmetic,
        UnsupportedSummary,
        DanglingCitation,
        FutureEventPastTense,
        NliContradiction,
        OrdinalMismatch,
        DirectionMismatch,
        UnitSlip,
    )
}

__all__ = ["KINDS", "PairContext", "Param", "RuleKind", "Verdict"]
