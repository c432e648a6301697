"""Suppression in place: directives in a document that silence findings of some rules.

In any document (Markdown, HTML, plain text)::

    <!-- claimgraph: disable=NUM001 -->            the next claim only
    <!-- claimgraph: disable=NUM001,DATE001 -->    several rules
    <!-- claimgraph: disable=all -->               every rule
    <!-- claimgraph: disable NUM001 -->            from here ...
    <!-- claimgraph: enable NUM001 -->             ... to here (or to the end of the file)
    <!-- claimgraph: disable all -->   /   <!-- claimgraph: enable all -->

In plain-text files a line of its own ``claimgraph: disable=NUM001`` or
``# claimgraph: disable=NUM001`` works the same way.

A finding is suppressed when one of its claims is covered by a directive for its rule:
"the next claim" is the first claim that ends after the directive (so a comment inside
a sentence covers that sentence); a range covers every claim that overlaps it. A
directive that starts with ``claimgraph:`` but does not parse, or that names a rule
id that is not loaded, is a :class:`~checker.errors.ConfigError` with ``path:line``,
never silently ignored. Directives are read from the document's original text
(the readers drop comments from the text they extract).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..errors import ConfigError
from ..model import Claim, Document, Finding

ALL = "all"

_COMMENT = re.compile(r"<!--[ \t\r\n]*claimgraph[ \t]*:(?P<body>.*?)-->", re.DOTALL)
_TEXT_LINE = re.compile(r"^[ \t]*(?:#[ \t]*)?claimgraph[ \t]*:(?P<body>[^\r\n]*)$", re.MULTILINE)
_BODY = re.compile(
    r"^\s*(?P<action>disable|enable)(?:(?P<eq>\s*=\s*)|\s+|$)(?P<rules>[A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*)?\s*$"
)


@dataclass(frozen=True)
class Directive:
    """One ``claimgraph:`` directive: where it is and what it does."""

    path: str
    line: int
    start: int  # offsets of the directive in the original text
    end: int
    action: str  # "next" (disable=...), "disable" or "enable" (a range)
    rules: tuple[str, ...]  # rule ids, or ("all",)
    text: str = ""

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def parse_directives(doc: Document, known_rules: set[str] | frozenset[str]) -> list[Directive]:
    """The directives of a document in text order; a malformed one raises ConfigError."""
    found: list[tuple[int, int, str]] = [(m.start(), m.end(), m.group("body")) for m in _COMMENT.finditer(doc.text)]
    if doc.format in ("text", "docx", "pdf"):  # a line of its own; in Word and PDF, a paragraph
        inside = [(s, e) for s, e, _ in found]
        for m in _TEXT_LINE.finditer(doc.text):
            if not any(s <= m.start() < e for s, e in inside):
                found.append((m.start(), m.end(), m.group("body")))
    found.sort()
    out = []
    for start, end, body in found:
        line, _ = doc.line_column(start)
        where = f"{doc.path}:{line}"
        shown = " ".join(body.split())
        m = _BODY.match(body)
        if not m:
            raise ConfigError(
                f"malformed claimgraph directive {shown!r} (expected 'disable=RULE[,RULE]', "
                "'disable RULE[,RULE]', 'enable RULE[,RULE]' or 'all' in place of the rules)",
                where,
            )
        action = m.group("action")
        rules = tuple(r.strip() for r in (m.group("rules") or ALL).split(","))
        if m.group("eq") is not None:
            if action == "enable":
                raise ConfigError(f"'enable=' is not a directive ({shown!r}); write 'enable RULE' to end a range", where)
            if m.group("rules") is None:
                raise ConfigError(f"'disable=' needs rule ids or 'all' ({shown!r})", where)
            action = "next"
        for rule in rules:
            if rule != ALL and rule not in known_rules:
                known = ", ".join(sorted(known_rules))
                raise ConfigError(f"unknown rule id {rule!r} in claimgraph directive (known: {known})", where)
        if ALL in rules and len(rules) > 1:
            raise ConfigError(f"'all' cannot be combined with rule ids ({shown!r})", where)
        out.append(Directive(doc.path, line, start, end, action, rules, shown))
    return out


class Suppressor:
    """Decides, for the findings of one report, which are suppressed, and remembers which
    directives were used (for ``--warn-unused-suppressions``)."""

    def __init__(
        self,
        documents: list[Document],
        claims: list[Claim],
        known_rules: set[str],
        spans: dict[str, list[tuple[int, int, str]]] | None = None,
    ) -> None:
        """``spans`` (doc id -> ``(start, end, claim id)`` of ALL its claims) matters when
        ``claims`` holds only some of a document's claims: "the next claim" must be
        found among all of them."""
        self.directives: list[Directive] = []
        self._used: set[Directive] = set()
        # claim id -> [(rule id or "all", rules excepted from "all", the directive)]
        self._covers: dict[str, list[tuple[str, frozenset[str], Directive]]] = {}
        by_doc: dict[str, list[tuple[int, int, str]]] = {}
        for c in claims:
            by_doc.setdefault(c.doc, []).append((c.start, c.end, c.id))
        for doc in documents:
            if "claimgraph" not in doc.text:
                continue
            directives = parse_directives(doc, known_rules)
            if directives:
                self.directives += directives
                own = (spans or {}).get(doc.id) or by_doc.get(doc.id, [])
                self._cover(directives, sorted(own), len(doc.text))

    def _cover(self, directives: list[Directive], claims: list[tuple[int, int, str]], length: int) -> None:
        ends = [end for _, end, _ in claims]
        # ranges: (from, to, rule or "all", excepted rules, opening directive)
        ranges: list[tuple[int, int, str, frozenset[str], Directive]] = []
        per_rule: dict[str, Directive] = {}  # rule -> directive that disabled it
        every: tuple[Directive, int, frozenset[str]] | None = None  # "disable all": opener, from, excepted

        def close_every(at: int) -> None:
            if every is not None:
                ranges.append((every[1], at, ALL, every[2], every[0]))

        for d in directives:
            if d.action == "next":
                i = bisect.bisect_right(ends, d.end)  # the first claim that ends after the directive
                if i < len(claims):
                    for rule in d.rules:
                        self._covers.setdefault(claims[i][2], []).append((rule, frozenset(), d))
            elif d.action == "disable":
                if ALL in d.rules:
                    if every is None:
                        every = (d, d.end, frozenset())
                    elif every[2]:  # rules enabled again inside "disable all" are off again
                        close_every(d.start)
                        every = (every[0], d.end, frozenset())
                    continue
                for rule in d.rules:
                    per_rule.setdefault(rule, d)
            else:  # enable
                rules = list(per_rule) if ALL in d.rules else [r for r in d.rules if r in per_rule]
                for rule in rules:
                    opener = per_rule.pop(rule)
                    ranges.append((opener.end, d.start, rule, frozenset(), opener))
                if every is not None:
                    close_every(d.start)
                    every = None if ALL in d.rules else (every[0], d.end, every[2] | set(d.rules))
        for rule, opener in per_rule.items():
            ranges.append((opener.end, length + 1, rule, frozenset(), opener))
        close_every(length + 1)
        for lo, hi, rule, excepted, opener in ranges:
            first = bisect.bisect_right(ends, lo)
            for start, _, claim_id in claims[first:]:
                if start >= hi:
                    break
                self._covers.setdefault(claim_id, []).append((rule, excepted, opener))

    def suppresses(self, finding: Finding) -> bool:
        """True when a directive covers one of the finding's claims for its rule."""
        hit = False
        for claim_id in finding.claims:
            for rule, excepted, directive in self._covers.get(claim_id, ()):
                if rule == finding.rule or (rule == ALL and finding.rule not in excepted):
                    self._used.add(directive)
                    hit = True
        return hit

    def covers(self, rule: str | None, claim_ids) -> bool:
        """Whether a directive silences ``rule`` for one of these claims (a graph edge's,
        say); unlike :meth:`suppresses` it does not count the directive as used."""
        if rule is None:
            return False
        return any(
            r == rule or (r == ALL and rule not in excepted)
            for claim_id in claim_ids
            for r, excepted, _ in self._covers.get(claim_id, ())
        )

    def unused(self, paths: set[str] | None = None) -> list[Directive]:
        """Directives that disable something but suppressed no finding (``enable`` ones aside)."""
        return [
            d for d in self.directives
            if d.action != "enable" and d not in self._used and (paths is None or d.path in paths)
        ]
