"""Subjects read from capitalisation: a sentence opener is not a confirmed name."""

from __future__ import annotations

from checker.extract.terms import confirmed_names, subjects, subjects_disjoint


def test_confirmed_names_leave_out_an_opener_written_nowhere_else():
    text = "Sales in Germany rose 12% in 2022."
    assert subjects(text) == ("sales", "germany")
    assert confirmed_names(subjects(text), text) == ("germany",)


def test_a_shared_opener_does_not_make_two_regions_the_same_subject():
    a, b = "Sales in Germany rose 12% in 2022.", "Sales in France rose 9% in 2022."
    assert subjects_disjoint(subjects(a), a, subjects(b), b)


def test_a_shared_name_inside_both_sentences_still_counts():
    a, b = "Exports of Huawei phones to Germany rose 12%.", "Exports of Huawei phones to Germany rose 9%."
    assert not subjects_disjoint(subjects(a), a, subjects(b), b)


def test_openers_alone_still_tell_two_companies_apart():
    a, b = "Huawei sold 10 million phones.", "Xiaomi sold 12 million phones."
    assert subjects_disjoint(subjects(a), a, subjects(b), b)


def test_an_opener_shared_when_neither_sentence_names_anyone_inside():
    a, b = "Huawei sold 10 million phones.", "Huawei sold 12 million phones."
    assert not subjects_disjoint(subjects(a), a, subjects(b), b)


def test_terms_currency_codes_and_prefixes_name_no_one():
    assert subjects("Orsolan Capital raised US$18.2 billion in its second round.") == ("orsolan", "capital")
    assert subjects("Orsolan Capital raised USD 18.2 billion in its second round.") == ("orsolan", "capital")
    assert subjects("Fines reach EUR 12 million for a breach.") == ("fines",)
    a = "The round brought in US$18.2 billion for the venture."
    b = "The venture's round closed at USD 18.2 billion."
    assert not subjects_disjoint(subjects(a), a, subjects(b), b)
    # "US" that is not glued to a currency sign is still a place
    assert "us" in subjects("Exports to the US fell 4% in March.")


def test_terms_an_acronym_opening_the_sentence_is_a_confirmed_name():
    a = "KVX's spending in the United Kingdom should total $212 billion."
    b = "KVX's Leeds campus alone accounts for $212 billion, analysts say."
    assert confirmed_names(subjects(a), a) == ("kvx", "united", "kingdom")
    assert not subjects_disjoint(subjects(a), a, subjects(b), b)
    # an ordinary capitalised opener still is not
    a, b = "Sales in Germany rose 12% in 2022.", "Sales in France rose 9% in 2022."
    assert subjects_disjoint(subjects(a), a, subjects(b), b)


def test_terms_ideograph_runs_give_their_character_pairs():
    from checker.extract.terms import content_terms

    assert content_terms("这座大桥的总投资为2875.4亿元") == ("这座", "座大", "大桥", "桥的", "的总", "总投", "投资", "资为", "亿元")
    assert content_terms("Sales in Germany rose 12% in 2022.") == ("sale", "germany", "rose")


def test_terms_an_acronym_and_its_spelled_out_name_are_one_subject():
    from checker.extract.terms import subjects, subjects_disjoint

    short = "The KMT plant reached an output of 41,200 vans in 2031."
    long = "The Kestrel Motor Trust plant built 41,200 vans in 2031."
    other = "The Kestrel Motors plant built 41,200 vans in 2031."
    small_words = "The Bank of the North Isles lent 3.1 billion in 2031."
    assert not subjects_disjoint(subjects(short), short, subjects(long), long)
    assert not subjects_disjoint(subjects(long), long, subjects(short), short)
    assert subjects_disjoint(subjects(short), short, subjects(other), other)  # KM is not KMT
    bni = "BNI lent 3.4 billion in 2031."
    assert not subjects_disjoint(subjects(bni), bni, subjects(small_words), small_words)
    # a currency code is no acronym: "USD" does not abbreviate "United States Dollar Fund"
    usd = "Lenders put USD 40 billion into the Orsk port."
    fund = "The United Steel Dominion put 40 billion into the Tavda port."
    assert subjects_disjoint(subjects(usd), usd, subjects(fund), fund)


def test_an_ordinary_word_opening_a_sentence_is_no_name_when_the_other_writes_it_in_lower_case():
    from checker.extract.terms import subjects, subjects_disjoint

    a = "Kettle shipments reached 41,000 units last quarter."
    b = "A trade survey from the Brightwater Guild shows kettle shipments hit 44,000 units last quarter."
    assert not subjects_disjoint(subjects(a), a, subjects(b), b)
    # real names at the opening stay names: two countries, two holders
    c, d = "Germany's kettle exports reached 41,000 units.", "France's kettle exports reached 41,000 units."
    assert subjects_disjoint(subjects(c), c, subjects(d), d)
    # and a name written mid-sentence is a name wherever the other sentence puts it
    e = "Kettle shipments from Brightwater reached 41,000 units."
    f = "A survey from the Ashford Guild shows kettle shipments hit 44,000 units."
    assert subjects_disjoint(subjects(e), e, subjects(f), f)
