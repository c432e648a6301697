"""Dates judged on facts: event keys (checker.frame.events). Words of our own."""

from __future__ import annotations

import pytest

from checker.frame.events import EVENT_KEYS, event_key, is_change, lemma


# -- event keys ---------------------------------------------------------------------------------


@pytest.mark.parametrize("words, key", [
    ("launched", "launch"), ("released", "launch"), ("debuted", "launch"), ("unveiled", "launch"),
    ("rolled out", "launch"),
    ("opened", "open"), ("opening", "open"), ("went live", "open"), ("goes live", "open"),
    ("began operations", "open"),
    ("was founded", "found"), ("established", "found"), ("was set up", "found"), ("incorporated", "found"),
    ("entered into force", "effect"), ("came into force", "effect"), ("took effect", "effect"),
    ("become effective", "effect"), ("entry into force", "effect"),
    ("applies", "apply"), ("application", "apply"),
    ("start production", "production start"), ("began production", "production start"),
    ("begin volume production", "production start"), ("ready for commercial production", "production start"),
    ("mass production", "production start"), ("high-volume manufacturing", "production start"),
    ("published in the Official Journal", "publish"), ("publication", "publish"),
    ("adopted", "adopt"), ("voted", "adopt"), ("passed", "adopt"), ("approval", "adopt"),
    ("signed", "sign"), ("completed", "complete"), ("finished", "complete"), ("announced", "announce"),
])
def test_event_words_fold_to_one_key(words, key):
    assert event_key(words) == key


def test_irregular_forms_and_inflections_find_their_lemma():
    assert [lemma(w) for w in ("went", "began", "begun", "came", "became", "took", "set", "setting")] == [
        "go", "begin", "begin", "come", "become", "take", "set", "set"]
    assert [lemma(w) for w in ("applied", "releasing", "launches", "stopped")] == [
        "apply", "release", "launch", "stop"]


def test_unknown_words_and_changes_of_a_date_give_no_key():
    for words in ("rained", "began", "production", "", "was delayed", "postponed", "pushed back"):
        assert event_key(words) is None, words
    assert is_change("postponed the opening") and event_key("postponed the opening") is None


def test_milestones_that_sound_alike_stay_apart():
    assert event_key("entered into force") != event_key("applies")
    assert event_key("start construction") == "construction start" != event_key("start production")
    assert event_key("trial production") == "trial production" != event_key("volume production")


def test_every_key_folds_to_itself():
    for key in set(EVENT_KEYS.values()):
        assert event_key(key) == key
