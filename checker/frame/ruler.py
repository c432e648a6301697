"""spaCy's attribute ruler with its matches remembered: the same annotations, several times faster.

The pipeline's ``attribute_ruler`` (:mod:`checker.frame.nlp`) sets each token's coarse tag,
morphology and some lemmas from its fine tag, its word and its dependency, through a
:class:`spacy.matcher.Matcher` of some 180 patterns run on every sentence: about a sixth of the
whole parse. Which patterns match where is a function of a few tokens' attributes only, so
:class:`MemoAttributeRuler` keys each position of a sentence by what the patterns can see from
it (the attributes they test, of as many tokens as the longest pattern has; a word that no
pattern names is one "other word"), asks the ruler's matcher only about sentences with a key
not seen yet, and sets the attributes of each match as the ruler does, in the ruler's order.

Patterns it cannot key this way (an operator, a test of a word other than a value, a list of
values or a regular expression) leave the ruler as it is (:func:`memoise_attribute_ruler`).
"""

from __future__ import annotations

import re

#: Token attributes a pattern may test that the key reads as they are (fine tag, dependency...).
_RAW = ("TAG", "DEP", "POS", "MORPH", "LEMMA", "IS_SPACE", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA", "ENT_TYPE")
#: Token attributes of the word, which the key reads as the word itself only where a pattern names it.
_WORDS = ("LOWER", "ORTH", "NORM")

#: Keys remembered at most (a few hundred cover the benchmark corpus; past this many the ruler
#: runs on each sentence with a key not seen yet, as before).
MAX_KEYS = 1 << 18

#: The component's factory name in spaCy's registry.
FACTORY = "claimgraph_memo_attribute_ruler"


class MemoAttributeRuler:
    """The attribute ruler ``ruler`` with its matches remembered per key (see the module docstring)."""

    def __init__(self, ruler, plan: tuple[int, tuple[str, ...], dict]) -> None:
        from spacy.attrs import IDS
        from spacy.tokens._retokenize import set_token_attrs

        self.ruler = ruler
        self._set = set_token_attrs
        self.width, names, self._named = plan
        self._names = names
        self._ids = [IDS[n] for n in names]
        self._word_class: dict[tuple[str, int], tuple] = {}  # (attribute, a word's hash) -> (the word's class,)
        self._seen: dict[tuple, tuple[tuple[int, int], ...]] = {}  # key -> (attr id, target offset) of matches there

    def __call__(self, doc):
        if len(doc) == 0:
            return doc
        keys = self._keys(doc)
        if any(k not in self._seen for k in keys):
            return self._learn(doc, keys)
        found = [(attr_id, i + offset) for i, k in enumerate(keys) for attr_id, offset in self._seen[k]]
        found.sort()  # the ruler's order: by attribute id, later rules taking precedence
        attrs = self.ruler.attrs
        for attr_id, target in found:
            self._set(doc[target], attrs[attr_id])
        return doc

    def pipe(self, stream, batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    def _keys(self, doc) -> list[tuple]:
        rows = doc.to_array(self._ids).tolist() if len(self._ids) > 1 else [[v] for v in doc.to_array(self._ids).tolist()]
        strings = doc.vocab.strings
        named = self._named
        tokens = []
        for row in rows:
            token = []
            for name, value in zip(self._names, row):
                if name in named:
                    cls = self._word_class.get((name, value))
                    if cls is None:
                        word = strings[value] if value else ""
                        literal, patterns = named[name]
                        cls = self._word_class[(name, value)] = (
                            word if word in literal or any(p.search(word) for p in patterns) else None,
                        )
                    token.append(cls[0])
                else:
                    token.append(value)
            tokens.append(tuple(token))
        n, w = len(tokens), self.width
        return [tuple(tokens[i : i + w]) for i in range(n)]

    def _learn(self, doc, keys: list[tuple]):
        """The ruler itself on ``doc``, its matches remembered at each of the sentence's positions."""
        matches = self.ruler.match(doc)
        at: list[list[tuple[int, int]]] = [[] for _ in keys]
        for attr_id, _, start, end in matches:
            index = self.ruler.indices[attr_id]
            target = start + index if index >= 0 else end + index
            at[start].append((attr_id, target - start))
        if len(self._seen) < MAX_KEYS:
            for k, got in zip(keys, at):
                self._seen.setdefault(k, tuple(sorted(got)))
        self.ruler.set_annotations(doc, matches)
        return doc


def _plan(ruler) -> tuple[int, tuple[str, ...], dict] | None:
    """``(width, attributes, words)`` of the key for the ruler's patterns: the longest pattern's
    length, the attributes tested, and per word attribute the literal words and regular
    expressions named; None where a pattern tests something the key cannot stand for."""
    width, names = 1, set()
    named: dict[str, tuple[set[str], list]] = {}
    for entry in ruler.patterns:
        index = entry.get("index", 0)
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or not pattern or not -len(pattern) <= index < len(pattern):
                return None
            width = max(width, len(pattern))
            for spec in pattern:
                for name, test in spec.items():
                    name = "ORTH" if name.upper() == "TEXT" else name.upper()  # the matcher's alias
                    if name in _RAW:
                        pass  # any test of a value the key holds as it is
                    elif name in _WORDS:
                        literal, regexes = named.setdefault(name, (set(), []))
                        if isinstance(test, str):
                            literal.add(test)
                        elif isinstance(test, dict) and set(test) <= {"IN", "NOT_IN", "REGEX"}:
                            literal.update(test.get("IN", ()), test.get("NOT_IN", ()))
                            if "REGEX" in test:
                                regexes.append(re.compile(test["REGEX"]))
                        else:
                            return None
                    else:
                        return None  # an operator ("OP") or an attribute the key does not read
                    names.add(name)
    return width, tuple(sorted(names)), named


def memoise_attribute_ruler(nlp) -> None:
    """Put a :class:`MemoAttributeRuler` in ``nlp`` in place of its ``attribute_ruler`` (which
    stays, disabled, as the memo's matcher), where the ruler's patterns allow."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    plan = _plan(ruler)
    if plan is None:
        return
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=_make)
    nlp.add_pipe(FACTORY, name="attribute_ruler_memo", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")


def _make(nlp, name: str) -> MemoAttributeRuler:
    """The factory of :data:`FACTORY`: a memo of ``nlp``'s attribute ruler."""
    ruler = nlp.get_pipe("attribute_ruler")
    return MemoAttributeRuler(ruler, _plan(ruler))
