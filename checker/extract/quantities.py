"""Find the figures a sentence states: counts, money, percentages, measures and ratios.

A figure is a number (digits such as ``921,000``, ``4.5bn``, ``.5``, or number
words such as ``Five``, ``twenty-five``, ``a dozen``) together with what is read
around it:

* a currency before or after it (``¥300 billion``, ``US$5m``, ``300 billion yuan``);
* a scale (``thousand``/``k``, ``million``/``m``/``mn``, ``billion``/``bn``/``B``,
  ``trillion``/``tn``), applied to ``value``;
* a percent sign or word, a ratio (``30x``, ``3 times``, ``5-fold``), a unit symbol
  (``500MW``, ``2nm``, ``300 TOPS/watt``), a unit word (``9 hours``, ``2.1 million
  tonnes``) or a hyphenated unit (``8-hour``, ``1,121-qubit``, ``1,000-GPU``);
* the noun phrase it counts (``921,000 invention patents``): ``noun`` as written,
  ``unit`` its lower-case singular (acronyms keep their case);
* a qualifier just before it (``over``, ``about``, ``up to``, ``below``, ``at least``,
  ``at most``, ``exactly``), a trailing ``+`` (``at least``);
* a change (``up 35%``, ``declined 4%``, ``cut costs by 60%``, ``a 15.3% increase``,
  ``85% faster``, ``70% below``);
* a total (``24 of the world's top 100``: ``of_total``, the total is no separate figure);
* a restatement in another currency (``¥300 billion ($41.5 billion)``: ``equivalent_of``).

Not figures: dates and citations (found with :mod:`checker.extract.dates` and
:mod:`checker.extract.citations`, plus any ``exclude`` spans), ordinals (``3rd``), list
numbers at the start of a line (``1.``), numbers in names and identifiers (``A100``,
``GPT-4``, ``GLM-5.2``, ``5G``, ``Web3``, ``5+10+N``, ``Genie 2``, ``Unreal Engine 6``,
``601 Research Institute``), numbers after a label (``No. 10``, ``Top 10``, ``Phase 2``,
``Generation 2``, ``version 3``), times (``10:30``), fractions and slash pairs
without a unit (``24/7``), phone numbers, URLs and e-mail addresses.
"""

from __future__ import annotations

import math
import dataclasses
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Iterator

from checker.extract.inflect_loader import load_inflect

from checker.extract.citations import extract_citations
from checker.extract.dates import MONTHS, extract_dates
from checker.extract.numberwords import NUMBER_WORDS
from checker.model import Quantity
from checker.extract.spans import SpanSet

__all__ = ["extract_quantities", "qualifier_start"]

# =========================================================================== tables

SCALES: dict[str, float] = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

#: Scale abbreviations; single letters only count glued to the number.
SCALE_ABBREVIATIONS: dict[str, str] = {
    "k": "thousand", "K": "thousand", "m": "million", "M": "million", "mn": "million",
    "mln": "million", "b": "billion", "B": "billion", "bn": "billion", "bln": "billion",
    "T": "trillion", "tn": "trillion", "trn": "trillion",
}

#: ISO codes of the currencies read before or after a number ("SEK 4.2 billion", "4.2 billion
#: SEK"); not PHP, COP or TRY, a programming language's, a climate conference's and a word.
CURRENCY_CODES = (
    "USD", "CNY", "EUR", "GBP", "JPY", "INR", "HKD", "KRW", "CHF", "AUD", "CAD", "SGD", "NZD", "TWD", "SEK", "NOK",
    "DKK", "CZK", "PLN", "HUF", "MXN", "BRL", "ZAR", "RUB", "THB", "MYR", "IDR", "VND", "KES", "NGN", "EGP", "AED",
    "SAR", "QAR", "PKR", "UAH", "ARS", "CLP", "ILS",
)

#: Currency signs and codes written before the number.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "US $": "USD", "CN¥": "CNY", "CN￥": "CNY", "RMB¥": "CNY", "HK$": "HKD", "NT$": "TWD", "A$": "AUD", "C$": "CAD",
    "S$": "SGD", "R$": "BRL", "$": "USD", "¥": "CNY", "￥": "CNY", "€": "EUR", "£": "GBP",
    "₹": "INR", "₩": "KRW",
    "RMB": "CNY", **{code: code for code in CURRENCY_CODES},
}

#: Currency codes and words written after the number (lower case).
CURRENCY_SUFFIXES: dict[str, str] = {
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "us dollars": "USD", "us dollar": "USD", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
    "sterling": "GBP", "yen": "JPY", "rupees": "INR", "rupee": "INR",
    # the codes ("40 billion SEK"), but "rub", a word
    **{code.lower(): code for code in CURRENCY_CODES if code != "RUB"},
    # dollars, francs, crowns, pesos and rupees of a named country ("5 billion Canadian dollars");
    # a bare "dollars" is the US dollar, a bare "crowns" or "pesos" no currency known
    **{f"{country} {unit}": code for country, code in (
        ("australian", "AUD"), ("canadian", "CAD"), ("hong kong", "HKD"), ("singapore", "SGD"),
        ("new zealand", "NZD"), ("taiwan", "TWD"), ("new taiwan", "TWD"), ("u.s.", "USD"),
    ) for unit in ("dollars", "dollar")},
    **{f"{country} {unit}": code for country, code, units in (
        ("swiss", "CHF", ("francs", "franc")), ("swedish", "SEK", ("crowns", "crown", "kronor", "krona")),
        ("norwegian", "NOK", ("crowns", "crown", "kroner", "krone")), ("danish", "DKK", ("crowns", "crown", "kroner", "krone")),
        ("czech", "CZK", ("crowns", "crown", "korunas", "koruna", "korun")), ("mexican", "MXN", ("pesos", "peso")),
        ("argentine", "ARS", ("pesos", "peso")), ("argentinian", "ARS", ("pesos", "peso")), ("chilean", "CLP", ("pesos", "peso")),
        ("colombian", "COP", ("pesos", "peso")), ("philippine", "PHP", ("pesos", "peso")), ("brazilian", "BRL", ("reais", "real")),
        ("south african", "ZAR", ("rand",)), ("turkish", "TRY", ("lira", "liras")), ("russian", "RUB", ("roubles", "rubles")),
        ("indian", "INR", ("rupees", "rupee")), ("pakistani", "PKR", ("rupees", "rupee")), ("sri lankan", "LKR", ("rupees", "rupee")),
        ("japanese", "JPY", ("yen",)), ("chinese", "CNY", ("yuan",)), ("south korean", "KRW", ("won",)), ("korean", "KRW", ("won",)),
        ("british", "GBP", ("pounds",)), ("egyptian", "EGP", ("pounds",)), ("saudi", "SAR", ("riyals", "riyal")),
        ("qatari", "QAR", ("riyals", "riyal")), ("emirati", "AED", ("dirhams", "dirham")), ("uae", "AED", ("dirhams", "dirham")),
        ("moroccan", "MAD", ("dirhams", "dirham")), ("kenyan", "KES", ("shillings", "shilling")), ("israeli", "ILS", ("shekels", "shekel")),
        ("new israeli", "ILS", ("shekels", "shekel")), ("nigerian", "NGN", ("naira",)), ("thai", "THB", ("baht",)),
        ("malaysian", "MYR", ("ringgit",)), ("indonesian", "IDR", ("rupiah",)), ("vietnamese", "VND", ("dong",)),
        ("polish", "PLN", ("zlotys", "zloty")), ("hungarian", "HUF", ("forints", "forint")), ("ukrainian", "UAH", ("hryvnias", "hryvnia")),
    ) for unit in units},
    # currencies whose word is their country's alone
    **dict.fromkeys(("kronor", "krona"), "SEK"), **dict.fromkeys(("zlotys", "zloty", "zlotych"), "PLN"),
    **dict.fromkeys(("forints", "forint"), "HUF"), **dict.fromkeys(("reais",), "BRL"), **dict.fromkeys(("roubles", "rubles"), "RUB"),
    **dict.fromkeys(("baht",), "THB"), **dict.fromkeys(("ringgit",), "MYR"), **dict.fromkeys(("rupiah",), "IDR"),
    **dict.fromkeys(("naira",), "NGN"), **dict.fromkeys(("hryvnias", "hryvnia"), "UAH"), **dict.fromkeys(("shekels",), "ILS"),
    **dict.fromkeys(("korunas", "koruna"), "CZK"), **dict.fromkeys(("rand",), "ZAR"),
}

#: Unit symbols (case-sensitive) and their canonical unit. Kind is "measure".
UNIT_SYMBOLS: dict[str, str] = {
    "TOPS/watt": "TOPS/watt", "TOPS/W": "TOPS/watt", "TOPS": "TOPS",
    "EFLOPS": "exaflop", "PFLOPS": "petaflop", "TFLOPS": "teraflop", "GFLOPS": "gigaflop",
    "TWh": "TWh", "GWh": "GWh", "MWh": "MWh", "kWh": "kWh",
    "TW": "TW", "GW": "GW", "MW": "MW", "kW": "kW", "W": "W",
    "nm": "nm", "mm": "mm", "cm": "cm", "km": "km", "m": "m", "kg": "kg",
    "PB": "PB", "TB": "TB", "GB": "GB", "MB": "MB", "Gbps": "Gbps", "Mbps": "Mbps",
    "GHz": "GHz", "MHz": "MHz", "km/h": "km/h", "mph": "mph", "°C": "°C", "°F": "°F",
    "hrs": "hour", "hr": "hour", "h": "hour", "mins": "minute", "min": "minute",
    "secs": "second", "sec": "second", "ms": "millisecond",
    "mg": "mg", "µg": "µg", "mcg": "µg", "mL": "ml", "ml": "ml",
    "lbs": "lb", "lb": "lb", "ft": "foot", "mi": "mile", "C": "°C", "F": "°F",
}
#: Symbols that are units only when glued to the number ("5h", not "5 h"; "1.5C" of warming).
GLUED_ONLY_SYMBOLS = frozenset({"W", "m", "h", "ms", "C", "F"})

#: Unit words (singular, lower case) and their canonical unit. Kind is "measure".
UNIT_WORDS: dict[str, str] = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "decade", "century": "century",
    "millisecond": "millisecond",
    "tonne": "tonne", "ton": "tonne", "metric ton": "tonne", "kilogram": "kg", "kilo": "kg",
    "gram": "g", "pound": "lb", "kilometre": "km", "kilometer": "km", "metre": "m",
    "meter": "m", "mile": "mile", "nanometre": "nm", "nanometer": "nm", "foot": "foot",
    "acre": "acre", "hectare": "hectare", "barrel": "barrel", "litre": "litre", "liter": "litre",
    "exaflop": "exaflop", "petaflop": "petaflop", "teraflop": "teraflop", "qubit": "qubit",
    "watt": "W", "kilowatt": "kW", "megawatt": "MW", "gigawatt": "GW", "terawatt": "TW",
    "kilowatt-hour": "kWh", "megawatt-hour": "MWh", "gigawatt-hour": "GWh",
    "terawatt-hour": "TWh", "gigabyte": "GB", "terabyte": "TB", "petabyte": "PB",
    "milligram": "mg", "microgram": "µg", "millilitre": "ml", "milliliter": "ml",
    "gallon": "gallon", "ounce": "ounce", "inch": "inch", "yard": "yard",
}

#: Words before a figure, normalised to a qualifier.
QUALIFIERS: dict[str, str] = {
    **dict.fromkeys(
        ["over", "more than", "above", "exceeding", "exceeds", "exceeded", "exceed",
         "surpassing", "surpasses", "surpassed", "surpass", "tops", "topped", "topping",
         "in excess of", "upwards of", "greater than", "higher than", "just over",
         "well over", "well above", "north of", "beyond"], "over"),
    **dict.fromkeys(
        ["about", "around", "approximately", "approx.", "approx", "roughly", "nearly",
         "almost", "some", "circa", "ca.", "c.", "~", "≈", "close to", "an estimated",
         "estimated", "an approximate"], "about"),
    **dict.fromkeys(["up to", "as many as", "as much as", "as high as"], "up to"),
    **dict.fromkeys(
        ["below", "under", "less than", "fewer than", "lower than", "just under",
         "beneath"], "below"),
    **dict.fromkeys(
        ["at least", "no less than", "no fewer than", "a minimum of", "minimum of", "minimum"], "at least"),
    **dict.fromkeys(
        ["at most", "no more than", "not more than", "a maximum of", "maximum of", "maximum"], "at most"),
    **dict.fromkeys(["exactly", "precisely"], "exactly"),
}

#: Verbs right before a figure that make it a change ("up 35%", "declined 4%").
INCREASE_VERBS = (
    r"up|ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|gr[eo]w|grows|grown|growing|"
    r"jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|climb(?:s|ed|ing)?|gain(?:s|ed|ing)?|"
    r"soar(?:s|ed|ing)?|add(?:s|ed|ing)?|expand(?:s|ed|ing)?"
)
DECREASE_VERBS = (
    r"down|fell|fall(?:s|en|ing)?|declin(?:e|es|ed|ing)|drop(?:s|ped|ping)?|"
    r"decreas(?:e|es|ed|ing)|plung(?:e|es|ed|ing)|slump(?:s|ed|ing)?|shr[aiu]nk(?:s|ing)?|"
    r"dip(?:s|ped|ping)?|slid(?:e|es|ing)?|tumbl(?:e|es|ed|ing)|cut(?:s|ting)?|"
    r"los(?:e|es|ing)|lost|eas(?:e|es|ed|ing)|contract(?:s|ed|ing)?"
)
#: Verbs that make a figure a change only through "by" ("cut costs by 60%").
INCREASE_BY_VERBS = (
    rf"{INCREASE_VERBS}|boost(?:s|ed|ing)?|rais(?:e|es|ed|ing)|improv(?:e|es|ed|ing)|"
    r"lift(?:s|ed|ing)?|accelerat(?:e|es|ed|ing)|widen(?:s|ed|ing)?"
)
DECREASE_BY_VERBS = (
    rf"{DECREASE_VERBS}|reduc(?:e|es|ed|ing)|slash(?:es|ed|ing)?|lower(?:s|ed|ing)|"
    r"trim(?:s|med|ming)?|narrow(?:s|ed|ing)?"
)

#: Nouns after a figure that make it a change ("a 15.3% increase", "30x Efficiency Leap").
CHANGE_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        ["increase", "rise", "growth", "gain", "jump", "surge", "leap", "hike", "boost",
         "improvement", "uplift", "increment", "expansion", "upturn", "spike"], "increase"),
    **dict.fromkeys(
        ["decrease", "decline", "drop", "fall", "reduction", "cut", "slump", "dip",
         "contraction", "plunge", "downturn", "loss", "slowdown"], "decrease"),
}

#: Comparatives right after a figure ("85% faster", "70% below").
COMPARATIVES: dict[str, str] = {
    "faster": "faster", "quicker": "faster", "slower": "slower",
    **dict.fromkeys(["higher", "more", "greater", "larger", "bigger", "above", "better",
                     "stronger", "longer", "warmer", "hotter", "heavier", "taller", "wider", "deeper"], "above"),
    **dict.fromkeys(["lower", "less", "fewer", "smaller", "cheaper", "below", "worse",
                     "weaker", "shorter", "colder", "cooler", "lighter", "narrower", "shallower"], "below"),
}

#: Words after which a number is a label, rank or name part ("No. 10", "Phase 2").
LABELS = (
    "no nos number num phase generation gen version ver v chapter ch section sec article "
    "art figure fig table tab level stage tier round step part item rank ranked ranking "
    "season episode ep grade class type model series page pages p pp line route room gate "
    "flight top mark mk release edition vol volume block floor ward district zone platform "
    "channel lane exit highway interstate title rule paragraph para clause appendix annex "
    "lot batch id ref code ext slot revision rev build patch sprint act bill resolution"
).split()

#: Singular head nouns that make "601 Research Institute" a name.
ORGANISATION_WORDS = frozenset(
    """institute university college academy laboratory lab group division squadron
    regiment brigade battalion corps street avenue road square building tower center
    centre hospital school foundation bureau agency station plaza office factory""".split()
)

#: Words that end a noun phrase (prepositions, conjunctions, determiners, verbs...).
STOPWORDS = frozenset(
    """
    of in on at to for from with by about as into onto upon over under than per via
    across through throughout during within without between among amongst against
    toward towards after before since until till around near behind beyond along amid
    despite except including like unlike versus vs and or but nor so yet while whereas
    because although though if unless whether that which who whom whose what when where
    why how the a an this these those its their his her our your my it they them he she
    we you i each every all both either neither some any no such other another is are
    was were be been being am has have had having do does did will would shall should
    can could may might must also only just even still already now then there here very
    too more most less least much many few ago last next previous past coming
    worldwide nationwide apiece alone
    respectively altogether overall total totalling totaling combined per cent percent
    """.split()
) | frozenset(COMPARATIVES)

#: Period words skipped after a figure ("a 15.3% year-on-year increase").
PERIOD_MODIFIERS = frozenset(
    "year-on-year year-over-year yoy month-on-month month-over-month quarter-on-quarter "
    "quarter-over-quarter sequential".split()
)

#: Words after a hyphen that make "one-third", "twenty-first" no figure.
FRACTIONS_AND_ORDINALS = frozenset(
    """half halves third thirds quarter quarters fifth fifths sixth sixths seventh
    sevenths eighth eighths ninth ninths tenth tenths hundredth hundredths thousandth
    thousandths first second fourth eleventh twelfth twentieth thirtieth fortieth
    fiftieth sixtieth seventieth eightieth ninetieth""".split()
)
IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "staff": "staff", "personnel": "personnel",
}

# =========================================================================== patterns


def _alternation(words: Iterable[str], escape: bool = True) -> str:
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") if escape else w for w in items)


_WS = r"[^\S\r\n]"  # whitespace within a line
_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
_SYMBOL_PREFIXES = [k for k in CURRENCY_PREFIXES if not k.isalpha()]
_CODE_PREFIXES = [k for k in CURRENCY_PREFIXES if k.isalpha()]

_FIGURE_RE = re.compile(
    rf"(?P<sign>[-−+])?"
    rf"(?P<cur>(?:{_alternation(_SYMBOL_PREFIXES)})|\b(?:{_alternation(_CODE_PREFIXES)}))?"
    rf"(?(cur){_WS}?)"
    rf"(?P<num>{_DIGITS})"
)
_NUMBER_WORD = _alternation(NUMBER_WORDS)
_SCALE_WORD = _alternation(SCALES)
_WORDS_RE = re.compile(
    rf"(?i)\b(?=[aefnost])(?:(?:{_NUMBER_WORD})|a(?={_WS}+(?:dozen|{_SCALE_WORD})\b))"
    rf"(?:(?:{_WS}+and{_WS}+|{_WS}+|-)(?:{_NUMBER_WORD}|{_SCALE_WORD}|dozen)\b)*\b"
)
_WORD_TOKEN_RE = re.compile(r"[a-z]+")
_DIGITS_RE = re.compile(_DIGITS)
_DIGIT_RE = re.compile(r"[0-9]")

_SCALE_RE = re.compile(
    rf"{_WS}?(?P<word>(?i:{_alternation(SCALES)}))\b"
    rf"|{_WS}?(?P<abbr>(?i:bn|mn|tn|mln|bln|trn))\b"
    r"|(?P<letter>[kKmMbBT])(?![\w])"
)
_CURRENCY_SUFFIX_RE = re.compile(rf"{_WS}?(?P<cur>(?i:{_alternation(CURRENCY_SUFFIXES)}))\b")
_PERCENT_RE = re.compile(
    rf"{_WS}?(?:(?P<pct>%|(?i:percent|per{_WS}?cent|pct)\b)"
    rf"|(?P<pp>(?i:percentage{_WS}+points?|pp|ppts?)\b)|(?P<bp>(?i:basis{_WS}+points?|bps)\b))"
)
_RATIO_RE = re.compile(rf"[xX×](?![\w])|{_WS}?×|{_WS}+(?i:times)\b|-?(?i:fold)\b")
_SYMBOL_RE = re.compile(rf"(?P<sp>{_WS}?)(?P<sym>{_alternation(UNIT_SYMBOLS)})(?![\w/])")
#: Floating-point rates with an SI prefix, written out or abbreviated, any case, with or without
#: "/s" and per watt: "1.2 exaflops", "615 Pflop/s", "61.3 Gflops/watt", "GigaFLOPS/W".
_FLOP_PREFIXES = {"exa": "exa", "e": "exa", "peta": "peta", "p": "peta", "tera": "tera", "t": "tera",
                  "giga": "giga", "g": "giga", "mega": "mega", "m": "mega"}
_FLOP_RE = re.compile(
    rf"{_WS}?(?P<prefix>(?i:exa|peta|tera|giga|mega|[EPTGM]))(?i:flop(?:s|/s)?)(?![\w])"
    rf"(?P<per>(?:/|{_WS}+per{_WS}+)(?i:watt|w)(?![\w]))?"
)
#: Areas: "270 square feet", "25 sq m", "6.5 km²", "1,000 square miles".
_AREA_UNITS = {"foot": "sq ft", "feet": "sq ft", "ft": "sq ft", "metre": "m²", "meter": "m²", "m": "m²",
               "kilometre": "km²", "kilometer": "km²", "km": "km²", "mile": "sq mi", "mi": "sq mi"}
_AREA_RE = re.compile(
    rf"{_WS}?(?i:square|sq\.?){_WS}+(?P<u>(?i:feet|foot|ft|metres?|meters?|m|kilometres?|kilometers?|km|miles?|mi))(?![\w])"
    rf"|{_WS}?(?P<sym>m²|km²|m2|km2|ft²)(?![\w])"
)
_COMPOUND_RE = re.compile(r"-(?P<word>[^\W\d_][\w]*)(?P<old>-(?i:old)\b)?")
_PLUS_RE = re.compile(r"\+(?![\w])")
#: Chinese and Japanese characters (and full-width forms): text around a figure is written
#: without spaces there, so a figure glued to them is no part of a longer token.
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_RE = re.compile(f"[{_CJK}]")
_GLUED_AFTER_RE = re.compile(rf"(?![{_CJK}])[\w+]|[.:,][0-9]")
#: Chinese scale characters and the yuan after a figure: 2875亿元, 1.2兆元, 19万, 500元.
_CJK_SCALES = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_CJK_TAIL_RE = re.compile(
    r"(?P<scale>[万萬亿億兆])?"
    r"(?:(?P<yuan>元)|(?P<cur>美元|欧元|歐元|日元|日圆|港元|英镑|英鎊|韩元|韓元)"
    r"|(?P<dur>个月|個月|小时|小時|分钟|分鐘|年|天|周|週|秒)"
    r"|(?P<counter>[名人位台个個家座架辆輛项項款颗顆枚艘所条條]))?"
)
#: Currencies written after a figure in Chinese ("430亿美元"), and durations ("10年", "18个月").
_CJK_CURRENCIES = {"美元": "USD", "欧元": "EUR", "歐元": "EUR", "日元": "JPY", "日圆": "JPY", "港元": "HKD",
                   "英镑": "GBP", "英鎊": "GBP", "韩元": "KRW", "韓元": "KRW"}
_CJK_DURATIONS = {"个月": "month", "個月": "month", "小时": "hour", "小時": "hour", "分钟": "minute",
                  "分鐘": "minute", "年": "year", "天": "day", "周": "week", "週": "week", "秒": "second"}
#: Counting words for people: "19名员工" counts what "19 people" do.
_CJK_PERSON_COUNTERS = frozenset("名人位")
_TRILLION_AFTER_RE = re.compile(rf"{_WS}+(?:[a-z][\w-]*{_WS}+)?[a-z]+s\b|{_WS}*(?:\||$)")
#: A duration written as a compound without a number: "a month-long journey", "year-long".
_LONG_RE = re.compile(r"(?i)(?<![\w-])(?P<u>second|minute|hour|day|week|month|year|decade)-long\b")
#: A table row: cells between "|" on one line.
_CELL_SPLIT_RE = re.compile(r"\|")
#: A unit with a dimension word: "foot-wide", "metre-long", "mile-high".
_MEASURE_COMPOUND_RE = re.compile(r"(?i)(?P<u>[a-z]+)-(?:wide|long|tall|high|deep|thick|across|diameter)")
_WORDS_RANGE_RE = re.compile(rf"{_WS}*(?:[-–]|{_WS}to{_WS}+)[0-9]")
_CJK_DAY_MONTH_RE = re.compile(r"月|[日号號](?![元])")
_CJK_NOUN_RE = re.compile(r"[\u4e00-\u9fff]{1,4}")
#: Currency written before a figure in Chinese: 人民币 (yuan), 新台币 (Taiwan dollars), 港币, 美元.
_CJK_CURRENCY_BEFORE_RE = re.compile(r"(?:(?P<cny>人民[币幣])|(?P<twd>新[台臺][币幣])|(?P<hkd>港[币幣元]))[約约]?$")
_WORD_AFTER_RE = re.compile(rf"{_WS}+([^\W\d_][\w]*(?:['’-][\w]+)*)")
_COMPARATIVE_RE = re.compile(rf"{_WS}+(?P<w>(?i:{_alternation(COMPARATIVES)}))\b")

_QUALIFIER_RE = re.compile(rf"(?i)(?<![\w.])(?P<q>{_alternation(QUALIFIERS)}){_WS}*$")
_LABEL_RE = re.compile(rf"(?i)(?<![\w.])(?:{_alternation(LABELS)})\.?{_WS}*#?{_WS}*$|#{_WS}*$")
#: A label word used as a verb, after "to" or a modal: "aims to build 10,000 robots", "will top $1
#: billion", "plans to release 5 models" state a figure; "build 10" alone is a label.
_VERB_LABEL_RE = re.compile(
    rf"(?i)(?<![\w.])(?:to|will|would|could|can|may|might|must|shall|should|"
    rf"do|does|did|not|they|we|you|who|also|and|jointly|together){_WS}+"
    rf"(?:build|top|release|mark|patch|rank){_WS}*$"
)
_MONTH_ALT = _alternation(name.capitalize() for name in MONTHS)
MONTH_BEFORE_RE = re.compile(rf"\b(?:{_MONTH_ALT})\.?{_WS}+$")
MONTH_AFTER_RE = re.compile(rf"{_WS}+(?:of{_WS}+)?(?:{_MONTH_ALT})\b")
_TIME_AFTER_RE = re.compile(rf"{_WS}?(?i:a\.m\.|p\.m\.|am|pm|o['’]clock|gmt|utc|bst|cet)(?![\w])")
_LIST_NUMBER_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·][ \t]*)?$")
_LIST_MARK_AFTER_RE = re.compile(r"[.)](?:\s|$)")
_NAME_BEFORE_RE = re.compile(rf"(?<![\w'’.-])(?P<w>[^\W\d_]*[A-Z][\w]*){_WS}+$")
_QUALIFIER_ALT = _alternation(QUALIFIERS)
_CHANGE_BEFORE_RE = re.compile(
    rf"(?i)\b(?:(?P<inc>{INCREASE_VERBS})|(?P<dec>{DECREASE_VERBS}))"
    rf"(?:{_WS}+by)?{_WS}+(?:(?:{_QUALIFIER_ALT}){_WS}*)?$"
    rf"|\b(?:(?P<incby>{INCREASE_BY_VERBS})|(?P<decby>{DECREASE_BY_VERBS}))\b"
    rf"[^.;:!?\n]{{0,40}}?{_WS}by{_WS}+(?:(?:{_QUALIFIER_ALT}){_WS}*)?$"
)
#: Verbs that make "up" part of a phrasal verb of a level ("make up 28%", "takes up 40%").
_PHRASAL_UP_RE = re.compile(rf"(?i)\b(?:mak(?:e|es|ing)|made|tak(?:e|es|en|ing)|took){_WS}+$")
#: "a decline of nearly 17 percent", "an increase of $5 million": a change named before its figure.
_CHANGE_OF_RE = re.compile(
    rf"(?i)\b(?:a|an|the|its|their){_WS}+(?:[\w-]+{_WS}+)?(?P<noun>{_alternation(CHANGE_NOUNS)}){_WS}+of{_WS}+"
    rf"(?:(?:{_alternation(QUALIFIERS)}){_WS}*)?(?:[$€£¥]{_WS}?)?$"
)
_ADDITION_BEFORE_RE = re.compile(
    rf"(?i)\b(?:another|an{_WS}+additional|additional|a{_WS}+further|further|an{_WS}+extra|extra){_WS}+(?:[$€£¥]{_WS}?)?$"
)
_OF_TOTAL_RE = re.compile(
    rf"{_WS}+(?:out{_WS}+)?of{_WS}+"
    rf"(?:(?:the|its|their|our|all|these|those|top|largest|biggest|leading|best|"
    rf"[^\W\d_]+['’]s){_WS}+){{0,4}}"
)
_EQUIVALENT_GAP_RE = re.compile(
    rf"{_WS}*(?:\(|/|,?{_WS}*or|,?{_WS}*(?i:equivalent{_WS}+to|i\.e\.,?))"
    rf"{_WS}*(?:(?i:{_QUALIFIER_ALT}){_WS}*)?"
)
#: A Chinese restatement naming its currency: "(約人民幣", "（折合美元".
_CJK_EQUIVALENT_GAP_RE = re.compile(
    r"\s*[（(]\s*(?:约|約|合|折合|即|相当于|相當於)?\s*(?:人民[币幣]|新[台臺][币幣]|港[币幣]|美元)\s*(?:约|約)?\s*"
)
_CJK_PAREN_GAP_RE = re.compile(r"\s*（\s*(?:约|約|合|折合|即|相当于|相當於)?\s*|\s*\(\s*(?:约|約|合|折合|即|相当于|相當於)\s*")
_RANGE_GAP_RE = re.compile(rf"{_WS}?[-–]{_WS}?|{_WS}+to{_WS}+|{_WS}+and{_WS}+|/")
#: "shares fell from Friday's close of $142.62 to $118.51": a change from one level to another,
#: not a range of values (the two figures are levels, not bounds).
_CHANGE_FROM_RE = re.compile(
    rf"(?i)\b(?:{INCREASE_VERBS}|{DECREASE_VERBS}|went|moved|changed|cut|raised|lowered)"
    rf"{_WS}+from\b[^;:!?()\n]*$"
)
#: A verb of a vote before two bare counts ("the bill passed 61-39", "voted 61 to 39"): the two
#: figures are a tally, the votes for and against, not the bounds of a range.
_TALLY_BEFORE_RE = re.compile(
    r"(?i)\b(?:vot(?:e|es|ed|ing)|pass(?:es|ed)?|adopt(?:s|ed)?|approv(?:e|es|ed)|reject(?:s|ed)?"
    r"|carri(?:es|ed)|defeat(?:s|ed)?|ratif(?:y|ies|ied)|confirm(?:s|ed)?|endors(?:e|es|ed))\b[^;:.!?()\n]*$"
)
_BY_BEFORE_RE = re.compile(rf"(?i)\bby{_WS}+(?:(?:{_alternation(QUALIFIERS)}){_WS}+)?(?:[$€£¥]{_WS}?)?$")
_RANGE_OPENER_RE = re.compile(rf"(?i)\b(?P<w>from|between){_WS}+$")
_JPY_RE = re.compile(r"\bJPY\b|(?i:\byen\b)")
_PHONE = (
    r"(?<![\w.])(?:\+[0-9]{1,3}[ .-]?(?:\([0-9]{1,4}\)[ .-]?)?[0-9]{2,4}(?:[ .-][0-9]{2,4}){1,3}"
    r"|\([0-9]{2,4}\)[ ]?[0-9]{3,4}[ .-][0-9]{3,4}|[0-9]{3}[.-][0-9]{3}[.-][0-9]{4})(?![\w])"
)
_SKIP_RE = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|" + _PHONE)
_PHONE_RE = re.compile(_PHONE)
#: A phone number has a "+", a "(" or this run of digits; without them only _SKIP_RE's web
#: and mail addresses could match, and those need "http", "www." or "@".
_PLAIN_PHONE_RE = re.compile(r"[0-9]{3}[.-][0-9]{3}[.-][0-9]{4}")

_INFLECT = load_inflect().engine()  # without typeguard's import-time cost

# =========================================================================== records


@dataclass
class _Figure:
    """A figure while it is being read; turned into a :class:`Quantity` at the end."""

    start: int
    end: int
    value: float
    unit: str | None = None
    kind: str = "count"
    qualifier: str | None = None
    scale: str | None = None
    of_total: float | None = None
    noun: str | None = None
    change: str | None = None
    span_end: int = 0  # end of everything the figure accounts for (e.g. "of the top 100")

    @property
    def bare(self) -> bool:
        """No unit, currency, scale or noun: it may borrow them from a range partner."""
        return self.unit is None and self.scale is None and self.kind == "count"


# =========================================================================== word helpers


@lru_cache(maxsize=16384)
def _singular(word: str) -> str | None:
    """The singular of a lower-case plural noun, or None when ``word`` is not plural."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    result = _INFLECT.singular_noun(word)
    return result if isinstance(result, str) and result and result != word else None


def _is_acronym(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9]+s?", word))


def _plural(word: str) -> bool:
    if word.endswith(("'s", "’s", "'", "’")):
        return False  # a possessive: "rocket’s", "firms'"
    if _is_acronym(word):
        return word.endswith("s") and len(word) > 2
    return _singular(word.lower()) is not None


def _lemma(word: str, last: bool) -> str:
    """Normalise one word of a unit: lower case (acronyms and CamelCase kept), singular if last."""
    if _is_acronym(word):
        return word[:-1] if last and word.endswith("s") and len(word) > 2 else word
    keep_case = any(ch.isupper() for ch in word[1:])
    base = word if keep_case else word.lower()
    if last and not keep_case:
        return _singular(base) or base
    return base


def _unit_of(words: list[str]) -> str:
    return " ".join(_lemma(w, i == len(words) - 1) for i, w in enumerate(words))


#: Counted people that a verb of employing ("employs 41,000 people", "a workforce of 900 workers")
#: makes employees.
_EMPLOYABLE = frozenset({"person", "worker", "staff", "staffer", "employee"})
_EMPLOYING_RE = re.compile(
    r"\b(?:employ(?:s|ed|ing)?|(?:workforce|staff|headcount|payroll) of)"
    r"(?:\s+(?:about|around|some|nearly|almost|over|more than|roughly|approximately|at least|just over|just under|fewer than|under))?\s*$",
    re.I,
)


def _words_after(text: str, pos: int, limit: int = 4) -> list[re.Match[str]]:
    """Up to ``limit`` words following ``pos``, stopping at punctuation and stopwords."""
    words: list[re.Match[str]] = []
    while len(words) < limit:
        m = _WORD_AFTER_RE.match(text, pos)
        if not m or m.group(1).lower() in STOPWORDS:
            break
        if m.group(1).lower() not in PERIOD_MODIFIERS:
            words.append(m)
        pos = m.end()
    return words


def _noun_phrase(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The noun phrase among ``words``: through the first plural, else up to a verb form."""
    for i, m in enumerate(words):
        if _plural(m.group(1)):
            return words[: i + 1]
    phrase: list[re.Match[str]] = []
    for m in words:
        if m.group(1).lower().endswith(("ing", "ed", "ly")):
            break
        phrase.append(m)
    return phrase


def _unit_word(word: str) -> str | None:
    """The canonical unit a word names ("hours" -> "hour", "megawatts" -> "MW")."""
    lower = word.lower()
    if lower in UNIT_WORDS:
        return UNIT_WORDS[lower]
    singular = _singular(lower)
    if singular in UNIT_WORDS:
        return UNIT_WORDS[singular]
    if word in UNIT_SYMBOLS:
        return UNIT_SYMBOLS[word]
    return None


def _words_value(phrase: str) -> tuple[float, str | None] | None:
    """Value and scale of a number-word phrase ("two hundred and five", "a dozen")."""
    total = 0.0
    current = 0.0
    scale: str | None = None
    seen = False
    for token in _WORD_TOKEN_RE.findall(phrase.lower()):
        if token == "and":
            continue
        if token == "a":
            current = max(current, 1.0)
        elif token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
        elif token == "dozen":
            current = (current or 1.0) * 12
        elif token == "hundred":
            current = (current or 1.0) * 100
        elif token in SCALES:
            total += (current or 1.0) * SCALES[token]
            current = 0.0
            scale = token
        else:
            return None
        seen = True
    return (total + current, scale) if seen else None


# =========================================================================== reading one figure


def _clean_start(text: str, start: int) -> bool:
    """Whether a figure may start at ``start``: not glued to a name, label or larger token."""
    if start == 0:
        return True
    prev = text[start - 1]
    if _CJK_RE.match(prev):
        return True  # Chinese writes figures glued to the words around them: 成立于2014年
    if prev.isalnum() or prev in "_#@+:'’^.\\&":
        return False
    if prev in "-/":
        before = text[start - 2] if start >= 2 else ""
        return before.isdigit() or before == "%"  # range partner "20-30%", "14/7nm"
    if prev == ",":
        return not (start >= 2 and text[start - 2].isdigit())
    return True


def _read_tail(text: str, fig: _Figure, pos: int, currency: str | None, is_words: bool = False) -> int | None:
    """Read scale, currency, percent, ratio and unit after a number; the new end or None."""
    if not is_words and _CJK_DAY_MONTH_RE.match(text, pos) and fig.value.is_integer() and 1 <= fig.value <= 31:
        return None  # a month or a day of a date without its year: 5月24日
    cjk = _CJK_TAIL_RE.match(text, pos) if not is_words else None
    if cjk and cjk.end() > pos:
        if cjk.group("dur"):
            if cjk.group("dur") == "年" and not cjk.group("scale") and 1000 <= fig.value < 3000 and fig.value.is_integer():
                return None  # a year the date reader did not take
            fig.unit, fig.kind = _CJK_DURATIONS[cjk.group("dur")], "measure"
        if cjk.group("scale"):
            fig.value *= _CJK_SCALES[cjk.group("scale")]  # applied here; no English scale word to record
        if cjk.group("cur"):
            currency = _CJK_CURRENCIES[cjk.group("cur")]
        if cjk.group("counter"):
            counter = cjk.group("counter")
            fig.unit = "person" if counter in _CJK_PERSON_COUNTERS else counter
            noun = _CJK_NOUN_RE.match(text, cjk.end())
            fig.noun = noun.group(0) if noun else None
        before = _CJK_CURRENCY_BEFORE_RE.search(text, max(0, fig.start - 4), fig.start)
        if before and not (cjk.group("counter") or cjk.group("dur")):
            currency = "CNY" if before.group("cny") else "TWD" if before.group("twd") else "HKD"
        elif cjk.group("yuan") and currency is None:
            currency = "CNY"
        if currency is not None:
            fig.unit, fig.kind = currency, "money"
        return cjk.end()
    sm = _SCALE_RE.match(text, pos)
    if sm:
        name = sm.group("word") or sm.group("abbr") or sm.group("letter")
        letter = sm.group("letter") if currency is None else None
        # Without a currency, "100m" is metres (unless people follow), "4K" a resolution.
        metre = letter == "m" and not any(_plural(w.group(1)) for w in _words_after(text, sm.end(), 2))
        resolution = letter == "K" and pos - fig.start == 1
        # "14.8T tokens", "| 14.8T |": a trillion before a counted noun or alone in a table cell
        trillion = letter == "T" and bool(_TRILLION_AFTER_RE.match(text, sm.end()))
        if not (metre or resolution or letter == "T" and not trillion):
            fig.scale = SCALE_ABBREVIATIONS.get(name) or SCALE_ABBREVIATIONS.get(name.lower()) or name.lower()
            fig.value *= SCALES[fig.scale]
            pos = sm.end()
    cm = _CURRENCY_SUFFIX_RE.match(text, pos)
    if cm:
        currency = CURRENCY_SUFFIXES[" ".join(cm.group("cur").lower().split())]
        pos = cm.end()
    if currency is not None:
        fig.unit, fig.kind = currency, "money"
        return pos
    pm = _PERCENT_RE.match(text, pos)
    if pm:
        fig.kind = "percent"
        fig.unit = "percent" if pm.group("pct") else "percentage point" if pm.group("pp") else "basis point"
        return pm.end()
    rm = _RATIO_RE.match(text, pos)
    if rm:
        fig.unit, fig.kind = "times", "ratio"
        return rm.end()
    fm = _FLOP_RE.match(text, pos)
    if fm:
        prefix = _FLOP_PREFIXES[fm.group("prefix").lower()]
        fig.unit, fig.kind = f"{prefix}flop" + ("/watt" if fm.group("per") else ""), "measure"
        return fm.end()
    am = _AREA_RE.match(text, pos)
    if am:
        if am.group("u"):
            word = am.group("u").lower()
            fig.unit = _AREA_UNITS.get(word) or _AREA_UNITS[word.rstrip("s")]
        else:
            fig.unit = {"m2": "m²", "km2": "km²", "ft²": "sq ft"}.get(am.group("sym"), am.group("sym"))
        fig.kind = "measure"
        return am.end()
    um = _SYMBOL_RE.match(text, pos)
    if um and not (um.group("sp") and um.group("sym") in GLUED_ONLY_SYMBOLS):
        fig.unit, fig.kind = UNIT_SYMBOLS[um.group("sym")], "measure"
        return um.end()
    hm = _COMPOUND_RE.match(text, pos)
    if hm:
        word = hm.group("word")
        if word.lower() in FRACTIONS_AND_ORDINALS:
            return None
        canonical = _unit_word(word)
        if canonical:
            fig.unit, fig.kind = canonical, "measure"
        elif is_words:
            return None  # "two-way", "one-off"
        else:
            fig.unit = _unit_of([word])
        return hm.end()
    return pos


def _read_total(text: str, fig: _Figure, pos: int) -> int:
    """Read "of the world's top 100" after a count; the position after the total."""
    om = _OF_TOTAL_RE.match(text, pos)
    if not om:
        return pos
    p = om.end()
    total: float | None = None
    dm = _DIGITS_RE.match(text, p)
    if dm and (p == 0 or not text[p - 1].isalnum()):
        total, end = _number(dm.group(0)), dm.end()
    else:
        wm = _WORDS_RE.match(text, p)
        parsed = _words_value(wm.group(0)) if wm else None
        total, end = (parsed[0], wm.end()) if parsed and wm else (None, p)
    if total is None or not math.isfinite(total) or total < fig.value:
        return pos
    if end < len(text) and (text[end].isalnum() or _PERCENT_RE.match(text, end) or _SCALE_RE.match(text, end)):
        return pos
    fig.of_total = total
    return end


def _number(digits: str) -> float | None:
    try:
        value = float(digits.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


#: "degrees Celsius", "degrees F" after a number.
_DEGREES_RE = re.compile(r"\s*degrees?\s+(celsius|centigrade|fahrenheit|c|f)\b", re.I)


def _finish(text: str, fig: _Figure, pos: int, is_words: bool) -> _Figure | None:
    """Read what follows the figure's own text: plus, total, noun, change. None to drop it."""
    if fig.kind == "count" and fig.unit is None and fig.scale is None:
        pm = _PLUS_RE.match(text, pos)
        if pm:
            fig.end = pos = pm.end()
            fig.qualifier = fig.qualifier or "at least"
        total_end = _read_total(text, fig, pos)
        if total_end != pos:
            fig.span_end = total_end
            pos = total_end
    if _GLUED_AFTER_RE.match(text, pos):
        return None  # glued to a name or a longer token: "5G", "1.2.3", "10:30"
    if MONTH_AFTER_RE.match(text, pos) or _TIME_AFTER_RE.match(text, fig.end):
        return None
    degrees = _DEGREES_RE.match(text, pos) if fig.kind == "count" and fig.unit is None else None
    if degrees:  # "1.5 degrees Celsius": the unit "1.5 °C" and "1.5C" write
        fig.unit, fig.kind = "°F" if degrees.group(1).lower().startswith("f") else "°C", "measure"
        fig.end = pos = degrees.end()
    comparative = _COMPARATIVE_RE.match(text, pos)
    if comparative:
        fig.change = fig.change or COMPARATIVES[comparative.group("w").lower()]
        if fig.kind != "count":
            return fig
        pos = comparative.end()
    base = _PERIOD_ON_PERIOD_AFTER.match(text, pos)  # "rose 0.6% quarter on quarter", "a 15.3% year-on-year increase"
    words = _words_after(text, base.end() if base else pos)
    phrase = _noun_phrase(words)
    unit_from_phrase = False
    if fig.kind == "count" and fig.unit is None and fig.of_total is None:
        scale = _SCALE_BEFORE_RE.search(text, max(0, fig.start - 12), fig.start)
        if scale:
            # "a magnitude 6.9 earthquake", "a category 4 storm": a reading on a scale, as
            # "a 6.9-magnitude earthquake" writes it; the phrase after is the thing measured
            fig.unit = scale.group(1).lower()
    if phrase and fig.kind == "count" and fig.unit is None:
        unit_from_phrase = True
        head = phrase[-1].group(1)
        canonical = _unit_word(head)
        lead = _MEASURE_COMPOUND_RE.fullmatch(phrase[0].group(1))
        lead_unit = _unit_word(lead.group("u")) if lead else _unit_word(phrase[0].group(1))
        if not canonical and len(phrase) > 1 and lead_unit and not _plural(phrase[0].group(1)) and (
            lead or not _plural(head)  # "5 foot soldiers", "3 day passes" count soldiers and passes
        ):
            # "a 6.5 meter diameter mirror", "a 21 foot-wide mirror": a unit used as a modifier,
            # then what it measures
            fig.unit, fig.kind = lead_unit, "measure"
            fig.end = phrase[0].end() if not lead else phrase[0].start(1) + len(lead.group("u"))
            phrase = phrase[1:] if not lead else phrase
            unit_from_phrase = False
        elif canonical and len(phrase) == 1 and fig.of_total is None:
            fig.unit, fig.kind = canonical, "measure"
            fig.end = phrase[0].end()
            phrase = _noun_phrase(_words_after(text, fig.end))
        elif canonical:
            fig.unit, fig.kind = canonical, "measure"
        else:
            fig.unit = _unit_of([m.group(1) for m in phrase])
    if phrase:
        change = CHANGE_NOUNS.get(_lemma(phrase[-1].group(1), True).lower())
        if change:
            fig.change = fig.change or change
            if unit_from_phrase and fig.kind == "count":
                fig.unit = _unit_of([m.group(1) for m in phrase[:-1]]) or None
            phrase = phrase[:-1]
    if phrase:
        fig.noun = text[phrase[0].start(1):phrase[-1].end()]
        if unit_from_phrase and _is_organisation(phrase):
            return None
    if fig.kind == "count" and fig.unit in _EMPLOYABLE and _EMPLOYING_RE.search(text, max(0, fig.start - 60), fig.start):
        fig.unit = "employee"  # "employs 41,000 people" counts what "has 41,000 employees" counts
    if is_words and fig.unit is None and fig.of_total is None and fig.scale is None and fig.kind == "count":
        if not _WORDS_RANGE_RE.match(text, fig.end):
            return None  # "five to 10 years" keeps its first bound, which shares the second's unit
    return fig


#: "quarter on quarter", "year-over-year" after a change: its base, no noun it counts ("rose 0.6% quarter on quarter").
_PERIOD_ON_PERIOD_AFTER = re.compile(r"(?i)\s*(year|quarter|month|week|day)[- ](?:on|over)[- ]\1\b")
#: Scales whose name is written before a reading ("magnitude 6.9", "category 4") as well as after
#: it ("a 6.9-magnitude quake"): the reading's unit.
SCALE_UNITS = ("magnitude", "category")
_SCALE_BEFORE_RE = re.compile(rf"(?i)(?<![\w-])({'|'.join(SCALE_UNITS)})\s+$")


def _is_organisation(phrase: list[re.Match[str]]) -> bool:
    """"Research Institute" after "601": a capitalised phrase ending in a singular organisation word."""
    words = [m.group(1) for m in phrase]
    return all(w[0].isupper() for w in words) and words[-1].lower() in ORGANISATION_WORDS


def _looks_like_name(text: str, fig: _Figure, digits: str) -> bool:
    """"Genie 2", "Unreal Engine 6", "ISO 9001": a capitalised word, then a bare integer."""
    if fig.kind != "count" or fig.scale or "," in digits or fig.qualifier:
        return False
    if fig.unit is not None and any(_plural(w) for w in (fig.noun or "").split()):
        return False
    m = _NAME_BEFORE_RE.search(text, max(0, fig.start - 40), fig.start)
    if not m:
        return False
    word = m.group("w").lower()
    return word not in STOPWORDS and word not in QUALIFIERS and not re.fullmatch(
        rf"{INCREASE_BY_VERBS}|{DECREASE_BY_VERBS}", word
    )


def _context(text: str, fig: _Figure) -> None:
    """Qualifier and change from the words just before the figure."""
    lo = max(0, fig.start - 80)
    qm = _QUALIFIER_RE.search(text, max(0, fig.start - 30), fig.start)
    if qm and fig.qualifier is None:
        fig.qualifier = QUALIFIERS[" ".join(qm.group("q").lower().split())]
    cm = _CHANGE_BEFORE_RE.search(text, lo, fig.start)
    if cm and (cm.group("inc") or "").lower() == "up" and _PHRASAL_UP_RE.search(text, max(0, cm.start() - 12), cm.start()):
        cm = None  # "make up 28% of sales", "took up 40% of the floor": a share, not a rise
    if cm and fig.change is None:
        fig.change = "increase" if cm.group("inc") or cm.group("incby") else "decrease"
    if fig.change is None:
        of = _CHANGE_OF_RE.search(text, max(0, fig.start - 60), fig.start)
        if of:
            fig.change = CHANGE_NOUNS[of.group("noun").lower()]
    if fig.change is None and _ADDITION_BEFORE_RE.search(text, max(0, fig.start - 20), fig.start):
        fig.change = "increase"  # "another $215 billion", "a further 5,000 jobs": an addition, not a level


def qualifier_start(text: str, start: int) -> int:
    """Where the qualifier words before a figure at ``start`` begin ("more than" in "more than 12"); ``start`` if none."""
    qm = _QUALIFIER_RE.search(text, max(0, start - 30), start)
    return qm.start("q") if qm else start


def _labelled(text: str, start: int) -> bool:
    """A label or a month name just before: "No. 10", "Phase 2", "July 12"; or a year and a slash,
    the number of a law or a document ("Regulation (EU) 2016/679")."""
    return bool(
        _label_before(text, start)
        or MONTH_BEFORE_RE.search(text, max(0, start - 12), start)
        or _YEAR_SLASH_RE.search(text, max(0, start - 6), start)
    )


#: A year and a slash right before a number: "2016/679" numbers a law; a fiscal year ("2023/24")
#: is read as a date before figures are.
_YEAR_SLASH_RE = re.compile(r"(?<![\w/])(?:19|20)[0-9]{2}/$")


def _label_before(text: str, start: int) -> bool:
    """A label word just before ("Phase 2", "build 7"), unless it is a verb ("to build 7 robots")."""
    return bool(_LABEL_RE.search(text, max(0, start - 16), start)) and not _VERB_LABEL_RE.search(
        text, max(0, start - 24), start
    )


def _enumeration(text: str, start: int, end: int, digits: str) -> bool:
    """A list number: "1." or "2)" at the start of a line, or "(1)" in running text."""
    if not digits.isdigit():
        return False
    if _LIST_MARK_AFTER_RE.match(text, end) and _LIST_NUMBER_BEFORE_RE.search(text, max(0, start - 40), start):
        return True
    return 0 < start and text[start - 1] == "(" and text[end:end + 1] == ")" and len(digits) <= 2


def _read_digits(text: str, m: re.Match[str], yen: bool) -> _Figure | None:
    start = m.start()
    sign = m.group("sign")
    if sign:
        prev = text[start - 1] if start else ""
        if prev.isalpha() or sign == "+" and prev.isalnum():
            return None  # "GPT-4", "5+10"
        if prev.isalnum() or prev in "%)":
            start += 1  # range connector: "20-30%"
            sign = None if sign in "-−" else sign
    if not _clean_start(text, start if not sign else m.start()):
        return None
    digits = m.group("num")
    value = _number(digits)
    if value is None or len(digits.replace(",", "").replace(".", "")) > 20:
        return None
    if sign in ("-", "−"):
        value = -value
    code = m.group("cur")
    currency = CURRENCY_PREFIXES[" ".join(code.split())] if code else None
    if code in ("¥", "￥") and yen:
        currency = "JPY"  # "¥" is CNY unless the text writes JPY or yen
    if _labelled(text, start) or code is None and _enumeration(text, start, m.end(), digits):
        return None
    if code is None and _YEAR_SLASH_RE.fullmatch(text, start, m.end() + 1) and text[m.end() + 1 : m.end() + 2].isdigit():
        return None  # "2016/679": the year of a law's number
    fig = _Figure(start=start, end=m.end(), value=value)
    end = _read_tail(text, fig, m.end(), currency)
    if end is None:
        return None
    fig.end = end
    _context(text, fig)
    fig = _finish(text, fig, end, is_words=False)
    if fig is None or _looks_like_name(text, fig, digits):
        return None
    _table_label(text, fig)
    return fig


def _table_label(text: str, fig: _Figure) -> None:
    """A count at the start of a table cell ("GPU Hours | 2.788M H800") counts what its row label
    names, not the name written after it in the cell (a chip, a model) or nothing."""
    if fig.kind != "count" or "|" not in text:
        return
    if fig.unit is not None and not any(ch.isdigit() for ch in fig.noun or ""):
        return
    line_start = text.rfind("\n", 0, fig.start) + 1
    line_end = text.find("\n", fig.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    at = fig.start - line_start
    before = line[:at]
    if "|" not in before or before[before.rfind("|") + 1 :].strip():
        return  # not at the start of its cell
    cells = [c.strip() for c in _CELL_SPLIT_RE.split(before)[:-1]]
    label = next((c for c in cells if c), "")  # the row's label: its first cell
    words = re.findall(r"[^\W\d_][\w-]*", label)
    if not words or any(ch.isdigit() for ch in label) or len(words) > 4:
        return
    canonical = _unit_word(words[-1])
    if canonical:
        fig.unit, fig.kind = canonical, "measure"
    else:
        fig.unit = _unit_of(words)
    fig.noun = label


#: "one" and a person a casualty count tells of: "one child has died", "one worker was killed" (a
#: count the other page may give as two); any other "one" is an article more often than a figure.
_ONE_CASUALTY_RE = re.compile(
    r"\s+(?:person|child|man|woman|worker|patient|passenger|resident|student|soldier|civilian|officer|firefighter|"
    r"miner|climber|pilot|driver|tourist)\s+(?:has\s+|had\s+|was\s+)?(?:been\s+)?"
    r"(?:died|killed|injured|hurt|wounded|hospitali[sz]ed|missing|dead)\b",
    re.I,
)


def _read_words(text: str, m: re.Match[str]) -> _Figure | None:
    parsed = _words_value(m.group(0))
    if parsed is None or not _clean_start(text, m.start()):
        return None
    if _label_before(text, m.start()):
        return None
    value, scale = parsed
    fig = _Figure(start=m.start(), end=m.end(), value=value, scale=scale)
    end = _read_tail(text, fig, m.end(), None, is_words=True)
    if end is None:
        return None
    fig.end = end
    if m.group(0).lower() == "one" and fig.kind == "count" and fig.scale is None:
        words = _words_after(text, end, 1)
        if not (words and _unit_word(words[0].group(1))) and not _ONE_CASUALTY_RE.match(text, end):
            return None  # "one of the largest", "one key factor" (not "one child has died")
    _context(text, fig)
    return _finish(text, fig, end, is_words=True)


# =========================================================================== whole sentence


def _share_ranges(text: str, figs: list[_Figure]) -> list[_Figure]:
    """"20-30%", "$20-30 billion", "14/7nm": partners share unit, currency and scale. Two bare
    counts after a verb of a vote ("passed 61-39") are a tally, not a range's bounds."""
    drop: set[int] = set()
    for i in range(len(figs) - 1):
        a, b = figs[i], figs[i + 1]
        gap = _RANGE_GAP_RE.fullmatch(text, a.end, b.start)
        if not gap:
            continue
        joiner = gap.group(0).strip()
        opener = _RANGE_OPENER_RE.search(text, max(0, a.start - 12), a.start)
        if joiner == "and" and not (opener and opener.group("w").lower() == "between"):
            continue
        if joiner == "/" and (b.kind == "count" or a.kind not in ("count", b.kind)):
            drop.update((i, i + 1))  # "24/7", "9/11": slash pairs share a measure only
            continue
        tally = (
            joiner in ("-", "–", "to") and opener is None
            and all(f.bare or (f.kind == "count" and f.unit == "vote") for f in (a, b))
            and _TALLY_BEFORE_RE.search(text, max(0, a.start - 80), a.start)
        )
        if a.bare and not b.bare:
            a.unit, a.kind, a.noun = b.unit, b.kind, a.noun or b.noun
            if b.scale and a.scale is None:
                a.scale = b.scale
                a.value *= SCALES[b.scale]
        elif a.kind == "money" and b.kind == "count" and b.unit is None:
            b.unit, b.kind = a.unit, "money"
            if b.scale and a.scale is None:
                a.scale = b.scale
                a.value *= SCALES[b.scale]
        elif a.kind == "money" and b.kind == "money" and b.scale and a.scale is None:
            a.scale = b.scale
            a.value *= SCALES[b.scale]
        if joiner == "to" and a.change and (a.unit != b.unit or _BY_BEFORE_RE.search(text, max(0, a.start - 24), a.start)):
            # "rose by $25 billion to $65 billion", "grew 4% to $3.1 billion": the change, then
            # the level it reached (not a range of changes, as "rose 3% to 5%" may be)
            b.change = None
            continue
        b.change = b.change or a.change
        moved = joiner == "to" and _CHANGE_FROM_RE.search(text, max(0, a.start - 80), a.start)
        if joiner != "/" and a.unit == b.unit and not (opener and opener.group("w").lower() == "from") and not (moved or tally):
            a.qualifier = a.qualifier or "at least"
            b.qualifier = b.qualifier or "at most"
    return [f for i, f in enumerate(figs) if i not in drop]


def _equivalents(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Mark "($41.5 billion)" after "¥300 billion" as restating it."""
    out = list(quantities)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        named = _CJK_EQUIVALENT_GAP_RE.fullmatch(text, a.end, b.start)
        if named and a.kind == b.kind == "money" and a.unit == b.unit and a.text.endswith("元") and not (
            _CJK_CURRENCY_BEFORE_RE.search(text, max(0, a.start - 4), a.start)
        ):
            # "4383.16億元(約人民幣987.2億元)": the parenthesis names its currency, so the first
            # amount's bare 元 is another one (a yuan-named currency the text does not name)
            a = out[i - 1] = replace(a, unit="元")
        if (
            a.kind == b.kind == "money"
            and a.unit != b.unit
            and a.equivalent_of is None
            and (_EQUIVALENT_GAP_RE.fullmatch(text, a.end, b.start) or named
                 or _CJK_PAREN_GAP_RE.fullmatch(text, a.end, b.start))
        ):
            out[i] = replace(b, equivalent_of=i - 1)
    return out


def _skipped_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_SKIP_RE`` (web and mail addresses, phone numbers) in ``text``; the
    regular expression, whose mail-address branch is tried at every position, runs only where
    a cheap test finds what one of its branches needs."""
    if "@" in text or "http" in text or "www." in text:
        return [m.span() for m in _SKIP_RE.finditer(text)]
    if "+" in text or "(" in text or _PLAIN_PHONE_RE.search(text):
        return [m.span() for m in _PHONE_RE.finditer(text)]
    return []


#: Where a figure's number may begin, and the most characters a figure's sign and currency
#: prefix take before it ("-US$", "+HK$ "; "US $" with more spaces is handled apart).
_NUMBER_START_RE = re.compile(r"[0-9.]")
_FIGURE_PREFIX_REACH = 6
_SPACED_PREFIX_RE = re.compile(r"US\s")


def _figure_matches(text: str) -> Iterator[re.Match[str]]:
    """``_FIGURE_RE.finditer(text)``, sooner: every figure has its number at a digit or a
    point, so the search for the next match starts a prefix's reach before the next one
    rather than trying every position in between."""
    if _SPACED_PREFIX_RE.search(text):
        yield from _FIGURE_RE.finditer(text)  # "US  $5": a prefix of any length
        return
    pos = 0
    while True:
        start = _NUMBER_START_RE.search(text, pos)
        if start is None:
            return
        m = _FIGURE_RE.search(text, max(pos, start.start() - _FIGURE_PREFIX_REACH))
        if m is None:
            return
        yield m
        pos = m.end()


_FULLWIDTH_DIGITS = {0xFF10 + i: ord("0") + i for i in range(10)}
_FULLWIDTH_DIGIT_RE = re.compile("[\uff10-\uff19]")


def extract_quantities(text: str, exclude: Iterable[tuple[int, int]] = (), dated: bool = False) -> list[Quantity]:
    """Every figure in ``text`` outside dates, citations and ``exclude``, by position.

    ``dated``: ``exclude`` already holds every citation of ``text`` and every date
    :func:`~checker.extract.dates.extract_dates` finds outside them (as
    :func:`checker.extract.claims.sentence_claim` passes), so they are not looked for again; a
    second search would find none, since every date candidate overlaps a date taken.
    """
    if not isinstance(text, str) or not text:
        return []
    if _FULLWIDTH_DIGIT_RE.search(text):
        # Full-width digits ("５０万台") read as ASCII ones: one character each, so offsets hold.
        found = extract_quantities(text.translate(_FULLWIDTH_DIGITS), exclude, dated)
        return [dataclasses.replace(q, text=text[q.start : q.end]) for q in found]
    spans = [(int(s), int(e)) for s, e in exclude]
    has_digit = _DIGIT_RE.search(text) is not None
    if has_digit and not dated:
        spans += [(c.start, c.end) for c in extract_citations(text)]
        spans += [(d.start, d.end) for d in extract_dates(text, spans)]
    if has_digit:
        spans += _skipped_spans(text)
    skipped = SpanSet(spans)
    yen = ("JPY" in text or "yen" in text.lower()) and bool(_JPY_RE.search(text))  # the test first: cheaper
    figs: list[_Figure] = []
    if has_digit:
        for m in _figure_matches(text):
            if skipped and skipped.overlaps(m.start("num"), m.end("num")):
                continue
            fig = _read_digits(text, m, yen)
            if fig is not None:
                figs.append(fig)
    for m in _WORDS_RE.finditer(text):
        if skipped and skipped.overlaps(m.start(), m.end()):
            continue
        fig = _read_words(text, m)
        if fig is not None:
            figs.append(fig)
    if "-long" in text or "-Long" in text:
        for m in _LONG_RE.finditer(text):
            if not (skipped and skipped.overlaps(m.start(), m.end())):
                # "a month-long journey": one month, loosely
                figs.append(_Figure(start=m.start(), end=m.end(), value=1.0, unit=UNIT_WORDS[m.group("u").lower()],
                                    kind="measure", qualifier="about"))
    figs.sort(key=lambda f: f.start)
    kept: list[_Figure] = []
    taken_end = -1  # figures are taken in order of start, so only the furthest end can overlap
    for fig in figs:
        end = max(fig.end, fig.span_end)
        if fig.end <= fig.start or skipped.overlaps(fig.start, end) or fig.start < taken_end:
            continue
        if not math.isfinite(fig.value):
            continue
        kept.append(fig)
        taken_end = max(taken_end, end)
    kept = _share_ranges(text, kept)
    quantities = [
        Quantity(
            text=text[f.start:max(f.end, f.span_end)],
            start=f.start,
            end=max(f.end, f.span_end),
            value=f.value,
            unit=f.unit,
            kind=f.kind,
            qualifier=f.qualifier,
            scale=f.scale,
            of_total=f.of_total,
            noun=f.noun,
            change=f.change,
        )
        for f in kept
        if math.isfinite(f.value)
    ]
    return _equivalents(text, _restated_changes(text, _bases_of_changes(text, quantities)))


#: The words between a change and the same change restated in other terms ("cut its workforce by
#: 10%*, or about* 1,200 jobs", "cut 1,200 jobs*, or nearly* 10% of its staff").
_RESTATED_GAP_RE = re.compile(
    r"(?i)(?:\s*[a-z][\w-]*){0,3}\s*,\s*or\s+(?:(?:about|around|roughly|nearly|almost|some|approximately|"
    r"close to|more than|over|just over|just under|less than|under)\s+)?"
)


def _restated_changes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """A figure restating a change after ", or" is that change too: "cut its workforce by 10%, or
    about 1,200 jobs" cuts 1,200 jobs, which "plans to cut 1,500 jobs" contradicts; read alone, the
    1,200 was a level of jobs, no change."""
    out = list(quantities)
    for n in range(1, len(out)):
        a, b = out[n - 1], out[n]
        if a.change and b.change is None and a.equivalent_of is None and _RESTATED_GAP_RE.fullmatch(text, a.end, b.start):
            out[n] = dataclasses.replace(b, change=a.change)
    return out


#: The words between a figure and the figure it changed from or is compared with ("42 million
#: passengers in 2023, *up from* 35 million", "*compared with* 2,800 a year earlier").
_BASE_GAP_RE = re.compile(
    rf"(?i)[^.;:!?()\n]{{0,40}}?\b(?:(?:up|down|rising|falling|increasing|decreasing|higher|lower|a rise|a fall|"
    rf"an increase|a decrease|a drop|a decline)(?:{_WS}+[\d.,]+%)?{_WS}+from|compared{_WS}+(?:with|to)|versus|vs\.?|against)"
    rf"{_WS}+(?:(?:{_QUALIFIER_ALT}){_WS}*)?$"
)


def _bases_of_changes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """A bare count a change started from or a figure is compared with takes the unit and noun of
    the figure it is the base of ("42 million passengers in 2023, up from 35 million in 2022": 35
    million passengers), where it states none of its own."""
    out = list(quantities)
    for i in range(1, len(out)):
        b = out[i]
        if b.kind != "count" or b.unit is not None or b.noun is not None:
            continue
        # the figure before, or the one before a change's size ("1.2 million cars, up 5% from 1.1 million")
        for a in (out[j] for j in range(i - 1, max(-1, i - 3), -1)):
            if a.kind in ("count", "measure") and a.unit is not None and _BASE_GAP_RE.fullmatch(text, a.end, b.start):
                out[i] = replace(b, unit=a.unit, kind=a.kind, noun=a.noun)
                break
            if a.kind != "percent":
                break
    return out


#: A figure as written: digits with thousands separators and decimals ("1,234.5").
WRITTEN_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def significant_digits(text: str) -> int:
    """Significant digits of the first figure written in ``text`` ("2,191" 4, "2,000" 1, "9.0" 2, "0.25" 2; none: 0)."""
    m = WRITTEN_FIGURE.search(text)
    if not m:
        return 0
    literal = m.group(0).replace(",", "")
    if "." in literal:
        return len(literal.replace(".", "").lstrip("0"))
    return len(literal.strip("0"))


def rounds_to(fine: float, coarse: float, digits: int, cut: bool = False) -> bool:
    """``fine`` written with ``digits`` significant digits is ``coarse``: rounded ("593.7 billion"
    as "594 billion"), or with ``cut`` also cut off ("593 billion"; "~52" for 52.6)."""
    if coarse == 0 or fine == 0:
        return fine == coarse
    step = 10 ** (math.floor(math.log10(abs(coarse))) - digits + 1)
    if cut:
        return abs(fine - coarse) < step * (1 - 1e-9)
    return abs(round(fine / step) * step - coarse) < step * 1e-6 + 1e-12
