"""Facts of Chinese sentences (checker.frame.chinese): whose a figure or date is, what it measures,
which event a date dates, and names folded across traditional and simplified writing. Companies
of our own invention."""

from __future__ import annotations

import pytest

from checker.extract.claims import sentence_claim
from checker.frame.chinese import bind_chinese, fold_chinese, is_chinese
from checker.frame.facts import document_claims_with_facts
from checker.frame.keys import fold
from checker.ingest.documents import parse_document
from checker.judge.rulekinds.base import PairContext
from checker.judge.rulekinds.dates import DateMismatch
from checker.judge.rulekinds.numeric import NumericMismatch


def _bound(text: str, figure: str, kind: str):
    claim = sentence_claim(text)
    items = claim["quantities"] if kind == "quantity" else claim["dates"]
    (item,) = [x for x in items if x.text == figure]
    return bind_chinese(text, item.start, item.end, kind)


def _claim(text: str, doc: str):
    (claim,) = document_claims_with_facts(parse_document(text, "text", doc, f"{doc}.txt"), 1)
    return claim


def test_an_organisation_an_event_beside_its_date_and_a_measure_before_its_figure():
    text = "星河半导体股份有限公司成立于2019年3月5日，注册资本为120亿元。"
    date = _bound(text, "2019年3月5日", "date")
    assert (date.holder, date.event, date.event_words) == ("星河半导体股份有限公司", "found", "成立")
    money = _bound(text, "120亿元", "quantity")  # a clause naming no one speaks of the one before's
    assert (money.holder, money.measure) == ("星河半导体股份有限公司", "注册资本")


@pytest.mark.parametrize("text, date, event", [
    ("星河半导体股份有限公司于2019年3月5日正式注册成立。", "2019年3月5日", "found"),  # the verb after the date
    ("星河半導體股份有限公司在2019年3月5日成立。", "2019年3月5日", "found"),  # traditional characters
    ("2021年6月1日，云岭晶圆有限公司正式投产。", "2021年6月1日", "production start"),  # a date alone dates the next clause
    ("云岭晶圆有限公司2021年6月1日的销售额为8亿元。", "2021年6月1日", None),  # no event verb: no event
])
def test_event_verbs_before_or_after_the_date(text, date, event):
    bound = _bound(text, date, "date")
    assert bound.event == event
    assert bound.holder in ("星河半导体股份有限公司", "星河半導體股份有限公司", "云岭晶圆有限公司")


def test_an_alias_in_brackets_and_a_currency_before_the_figure_are_no_holder_or_measure():
    text = "星河半导体基金股份有限公司(简称星河基金)成立于2019年3月5日，规模达300亿元(约合45亿美元)。"
    assert _bound(text, "2019年3月5日", "date").holder == "星河半导体基金股份有限公司"
    assert _bound(text, "300亿元", "quantity").measure == "规模"
    text = "星河半导体股份有限公司获得人民币50亿元的贷款。"
    assert _bound(text, "50亿元", "quantity").measure is None


def test_names_fold_across_traditional_and_simplified_writing():
    assert is_chinese("星河半導體股份有限公司成立於2019年") and not is_chinese("Xinghe was founded in 2019.")
    assert fold("星河半導體股份有限公司") == fold("星河半导体股份有限公司")
    assert fold_chinese("積體電路") == "集成电路"  # Taiwan's word for the mainland's
    assert fold_chinese("Frontier") == "Frontier"


def test_one_companys_founding_on_two_days_conflicts_across_scripts():
    a = _claim("星河半導體股份有限公司最早成立於2019年3月5日，註冊資本計120億元。", "a")
    b = _claim("资料显示，星河半导体股份有限公司成立于2019年3月7日，注册资本为120亿元。", "b")
    (verdict,) = DateMismatch({}).compare(a, b, PairContext(0.5))
    assert verdict.relation == "conflicts" and "same event (found)" in verdict.reason
    a = _claim("星河半導體股份有限公司註冊資本計120億元。", "a")
    b = _claim("星河半导体股份有限公司的注册资本为120亿元。", "b")
    (support,) = NumericMismatch({}).compare(a, b, PairContext(0.5))
    assert support.relation == "supports"  # one registered capital, written in two scripts
    other = _claim("云岭晶圆有限公司成立于2019年3月7日。", "c")  # another company's founding
    assert all(v.relation != "conflicts" for v in DateMismatch({}).compare(a, other, PairContext(0.5)))
