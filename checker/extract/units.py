"""The units a figure may be restated in, with their base unit and the factor to it.

Read where two figures are compared in one unit (:func:`checker.judge.sameness.in_common_unit`)
and where figures are joined by value (:mod:`checker.pair.value_join`); the unit names are
those :mod:`checker.extract.quantities` gives a measure.
"""

from __future__ import annotations

#: Units one figure may be restated in: unit -> (base unit, factor to it, system). Within a
#: system the factor is a power of ten (615 petaflops are 0.615 exaflops); between the metric
#: and the imperial system it is a conversion that writers round loosely.
_PREFIXES = {"exa": 1e18, "peta": 1e15, "tera": 1e12, "giga": 1e9, "mega": 1e6}
UNIT_BASES: dict[str, tuple[str, float, str]] = {
    **{f"{p}flop": ("flop/s", f, "si") for p, f in _PREFIXES.items()},
    **{f"{p}flop/watt": ("flop/s per W", f, "si") for p, f in _PREFIXES.items()},
    "TW": ("W", 1e12, "si"), "GW": ("W", 1e9, "si"), "MW": ("W", 1e6, "si"), "kW": ("W", 1e3, "si"),
    "W": ("W", 1.0, "si"),
    "TWh": ("Wh", 1e12, "si"), "GWh": ("Wh", 1e9, "si"), "MWh": ("Wh", 1e6, "si"), "kWh": ("Wh", 1e3, "si"),
    "PB": ("B", 1e15, "si"), "TB": ("B", 1e12, "si"), "GB": ("B", 1e9, "si"), "MB": ("B", 1e6, "si"),
    "nm": ("m", 1e-9, "si"), "mm": ("m", 1e-3, "si"), "cm": ("m", 1e-2, "si"), "m": ("m", 1.0, "si"),
    "km": ("m", 1e3, "si"),
    "mile": ("m", 1609.344, "imperial"), "yard": ("m", 0.9144, "imperial"), "foot": ("m", 0.3048, "imperial"),
    "inch": ("m", 0.0254, "imperial"),
    "mg": ("kg", 1e-6, "si"), "g": ("kg", 1e-3, "si"), "kg": ("kg", 1.0, "si"), "tonne": ("kg", 1e3, "si"),
    "lb": ("kg", 0.45359237, "imperial"), "ounce": ("kg", 0.028349523125, "imperial"),
    "m²": ("m²", 1.0, "si"), "km²": ("m²", 1e6, "si"), "hectare": ("m²", 1e4, "si"),
    "sq ft": ("m²", 0.09290304, "imperial"), "sq mi": ("m²", 2589988.110336, "imperial"),
    "acre": ("m²", 4046.8564224, "imperial"),
    # Durations: seconds to weeks convert exactly; a month, a year or a decade is a calendar
    # span of varying length, so between the two systems a conversion is loose.
    "second": ("s", 1.0, "clock"), "minute": ("s", 60.0, "clock"), "hour": ("s", 3600.0, "clock"),
    "day": ("s", 86400.0, "clock"), "week": ("s", 604800.0, "clock"),
    "month": ("s", 2629746.0, "calendar"), "year": ("s", 31556952.0, "calendar"),
    "decade": ("s", 315569520.0, "calendar"),
}

#: Units of time (durations of anything, so they name no measure), from the table above, and
#: the ones it does not convert.
TIME_UNITS = frozenset(u for u, (base, _, _) in UNIT_BASES.items() if base == "s") | {"century", "millisecond"}
