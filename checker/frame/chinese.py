"""Bind the figures and dates of a Chinese sentence: whose they are, what they measure, which event.

The English pipeline cannot parse Chinese, and Chinese marks these roles in plain sight: an
organisation's name ends in what it is (公司, 集团, 基金, 银行, 大学 ...), an event verb sits
next to its date ("成立于2014年9月24日", "在2019年10月22日成立", "于2024年5月24日正式注册成立"),
and a measure is the noun just before its figure, joined by a linking word ("注册资本为3440亿元",
"总规模达1387亿元"). A sentence's clauses (split at commas and semicolons, Chinese or not) share
its topic: a clause that names no organisation speaks of the first clause's ("X成立于...，注册
资本计..."). A date alone in its clause ("2024年5月24日，X正式成立") dates the next clause.

Names are folded for comparison with OpenCC (:func:`fold_chinese`): Taiwan's traditional
characters and phrases become the mainland's simplified ones ("國家積體電路產業投資基金" and
"国家集成电路产业投资基金" are one name), so two pages of one fact written on either side of the
strait meet. Event verbs map to the general events of :mod:`checker.frame.events`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

#: Event verbs, traditional and simplified forms, -> the general event key (checker.frame.events).
EVENT_VERBS: dict[str, str] = {
    **dict.fromkeys("成立 注册成立 註冊成立 设立 設立 创立 創立 创办 創辦 组建 組建".split(), "found"),
    **dict.fromkeys("发布 發布 推出 问世 問世 首发 首發 亮相".split(), "launch"),
    **dict.fromkeys("开业 開業 开通 開通 启用 啟用 投运 投運 投入运营 投入營運".split(), "open"),
    **dict.fromkeys("投产 投產 量产 量產".split(), "production start"),
    **dict.fromkeys("开工 開工 动工 動工".split(), "construction start"),
    **dict.fromkeys("生效".split(), "effect"),
    **dict.fromkeys("施行 实施 實施".split(), "apply"),
    **dict.fromkeys("签署 簽署 签订 簽訂".split(), "sign"),
    **dict.fromkeys("宣布".split(), "announce"),
}
_VERB_RE = "|".join(sorted(EVENT_VERBS, key=len, reverse=True))
#: An event verb just before its date: "成立于", "成立於", "开业在".
_VERB_BEFORE = re.compile(rf"(?P<verb>{_VERB_RE})\s*(?:于|於|在|时|時)?\s*$")
#: An event verb just after its date: "正式注册成立", "正式成立".
_VERB_AFTER = re.compile(rf"^\s*(?:正式|宣布|已|已经|已經)?\s*(?P<verb>{_VERB_RE})")

#: What an organisation's name ends in.
_ORG_SUFFIXES = (
    "股份有限公司 有限责任公司 有限責任公司 有限公司 公司 集团 集團 基金 银行 銀行 大学 大學 研究院 研究所 "
    "委员会 委員會 协会 協會 交易所 实验室 實驗室"
).split()
#: Where a clause ends.
_CLAUSE = re.compile(r"[，,；;。！？!?：:]")
#: Words that join a measure to its figure ("注册资本为", "规模达", "计", "约").
_LINK = re.compile(r"(?:为|為|达|達|计|計|约|約|共|总计|總計|合计|合計|高达|高達|超过|超過|逾|近|是|有)+$")
#: A currency written before its figure ("人民币1387亿元", "約人民幣987.2億元"): no measure.
_CURRENCY = re.compile(r"(?:人民[币幣]|新[台臺][币幣]|港[币幣元]|美元)$")
#: Words a measure never is: a preposition or a particle before the figure.
_NOT_MEASURE = re.compile(rf"[以的在于於到至从從和与與及对對向]$")


_HAN_RE = re.compile(rf"[{_HAN}]")


def is_chinese(text: str) -> bool:
    """Mostly Chinese characters: a third of the letters or more are ideographs."""
    letters = sum(1 for ch in text if ch.isalpha())
    return bool(letters) and len(_HAN_RE.findall(text)) * 3 >= letters


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("tw2sp")


@lru_cache(maxsize=1 << 14)
def fold_chinese(text: str) -> str:
    """``text`` with Taiwan's traditional characters and phrases turned to the mainland's
    simplified ones (OpenCC ``tw2sp``); text with no ideograph is returned as it is."""
    if not _HAN_RE.search(text):
        return text
    return _converter().convert(text)


@dataclass(frozen=True)
class ChineseBinding:
    holder: str | None = None
    measure: str | None = None
    event: str | None = None  # an event key of checker.frame.events
    event_words: str | None = None


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _CLAUSE.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _clause_at(clauses: list[tuple[int, int]], offset: int) -> int:
    for n, (a, b) in enumerate(clauses):
        if a <= offset <= b:
            return n
    return len(clauses) - 1


#: A bracketed aside: an alias ("(大基金一期)", "（简称“大基金”）") restates the name before it.
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


def _organisation(text: str) -> str | None:
    """The last organisation named in ``text`` (the longest name ending there), not counting an
    alias in brackets."""
    found = None
    for m in re.finditer(rf"[{_HAN}A-Za-z0-9·]+", _ASIDE.sub(" ", text)):
        run = m.group(0)
        end = max((run.rfind(s) + len(s) for s in _ORG_SUFFIXES if s in run), default=0)
        if end:
            found = _trim(run[:end])
    return found


#: Words before a name that are not part of it ("资料显示国家...", "据悉...").
_LEAD = re.compile(r"^.*?(?:显示|顯示|表示|指出|据悉|據悉|报道|報道|获悉|獲悉)")


def _trim(name: str) -> str:
    return _LEAD.sub("", name) or name


def bind_chinese(text: str, start: int, end: int, kind: str) -> ChineseBinding:
    """The holder, measure (a figure's) and event (a date's) of the figure or date at
    ``start:end`` of the Chinese sentence ``text``; ``kind``: "quantity" or "date"."""
    clauses = _clauses(text)
    n = _clause_at(clauses, start)
    a, b = clauses[n]
    before, after = text[a:start], text[end:b]
    event = words = measure = None
    own = n
    if kind == "date":
        m = None
        if not before.strip() and not after.strip() and n + 1 < len(clauses):
            own = n + 1  # "2024年5月24日，X正式成立": a date alone dates the next clause
            a, b = clauses[own]
            m = re.search(_VERB_RE, text[a:b])
            before, after = text[a : a + m.start()] if m else text[a:b], ""
            words = m.group(0) if m else None
        elif m := _VERB_BEFORE.search(before):
            words = m.group("verb")
            before = before[: m.start()]
        elif m := _VERB_AFTER.search(after):
            words = m.group("verb")
        event = EVENT_VERBS.get(words) if words else None
    else:
        lead = _LINK.sub("", before.rstrip())
        # a currency before the figure ("获得人民币50亿元") follows a verb, not the measure
        m = None if _CURRENCY.search(lead) else re.search(rf"[{_HAN}]+$", lead)
        run = m.group(0) if m else ""
        named = _organisation(run)
        if named and run.find(named) >= 0:
            run = run[run.find(named) + len(named) :]  # "星河公司注册资本": what follows the name
        run = run.rsplit("的", 1)[-1]  # "星河公司的注册资本"
        if run and not _NOT_MEASURE.search(run) and 2 <= len(run) <= 6:
            measure = run
            before = lead[: len(lead) - len(run)]
    holder = _organisation(before)
    for k in range(own - 1, -1, -1):  # a clause naming no one speaks of the one before's
        if holder is not None:
            break
        holder = _organisation(text[clauses[k][0] : clauses[k][1]])
    return ChineseBinding(holder=holder, measure=measure, event=event, event_words=words)
