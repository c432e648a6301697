"""Deterministic work counts for the tests that guard against super-linear time.

No test asserts a wall-clock time (a loaded machine makes such a test flake, and a fast
one hides a regression): timing figures live in ``bench/``. A test that guards an
algorithm's growth instead runs it on 1x and kx input inside one test and compares the
*work* each did, counted by :func:`counting`:

* every line of Python executed (``sys.settrace`` line events), anywhere: the extractors,
  the span sets, html.parser, markdown-it;
* every character handed to a regular expression by the modules counted (``checker.*``,
  ``html.parser``, ``_markupbase`` and any named): the compiled patterns in their module
  globals, and what they compile or search through their ``re``; a search that fails
  counts the whole rest of the string, so a rescan from each of n positions to the end
  counts n**2/2 however fast the regex engine is;
* every character scanned or sliced out of a :class:`CountingStr` (a ``str`` that a test
  passes in as the document text) by its ``find``, ``count``, ``in``, ``[a:b]``, ...

What is not counted: C code scanning a plain ``str`` (``str.find`` on a slice, say) or
regexes held elsewhere (markdown-it's). Each test checks, in its docstring, that the
regression it guards shows up in these counts.

The counts depend only on the code and the input, never on the machine or its load. A
linear step gives a ratio near k between the two runs; a quadratic one near k**2.
"""

from __future__ import annotations

import contextlib
import re
import sys
from dataclasses import dataclass

_DEFAULT_MODULES = ("html.parser", "_markupbase")


@dataclass
class Work:
    lines: int = 0  # Python line events
    scanned: int = 0  # characters offered to regexes and CountingStr.find

    @property
    def units(self) -> int:
        return self.lines + self.scanned


class _CountingPattern:
    """A compiled pattern that adds the characters each call looks at to ``work``."""

    def __init__(self, pattern: re.Pattern, work: Work) -> None:
        self._pattern = pattern
        self._work = work

    def __getattr__(self, name):
        return getattr(self._pattern, name)

    @staticmethod
    def _end(string, endpos) -> int:
        return len(string) if endpos is None else min(endpos, len(string))

    def search(self, string, pos=0, endpos=None):
        end = self._end(string, endpos)
        m = self._pattern.search(string, pos, end)
        self._work.scanned += max((m.end() if m else end) - pos, 1)
        return m

    def match(self, string, pos=0, endpos=None):
        m = self._pattern.match(string, pos, self._end(string, endpos))
        self._work.scanned += max(m.end() - pos, 1) if m else 1
        return m

    def fullmatch(self, string, pos=0, endpos=None):
        end = self._end(string, endpos)
        m = self._pattern.fullmatch(string, pos, end)
        self._work.scanned += max(end - pos, 1)
        return m

    def _whole(self, string, pos=0, endpos=None) -> int:
        end = self._end(string, endpos)
        self._work.scanned += max(end - pos, 1)
        return end

    def finditer(self, string, pos=0, endpos=None):
        return self._pattern.finditer(string, pos, self._whole(string, pos, endpos))

    def findall(self, string, pos=0, endpos=None):
        return self._pattern.findall(string, pos, self._whole(string, pos, endpos))

    def sub(self, repl, string, count=0):
        self._whole(string)
        return self._pattern.sub(repl, string, count)

    def subn(self, repl, string, count=0):
        self._whole(string)
        return self._pattern.subn(repl, string, count)

    def split(self, string, maxsplit=0):
        self._whole(string)
        return self._pattern.split(string, maxsplit)


class CountingStr(str):
    """A document text that adds to ``work`` the characters its scans and slices cover
    (``find``, ``rfind``, ``index``, ``rindex``, ``count``, ``in`` and ``text[a:b]``), so
    that a rescan of the text in C, not in Python, counts too."""

    work: Work | None = None

    def _range(self, start, end) -> tuple[int, int]:
        lo, hi, _ = slice(start, end).indices(len(self))
        return lo, max(hi, lo)

    def _scan(self, method, sub, start=None, end=None, hit_end=True):
        lo, hi = self._range(start, end)
        result = method(self, sub, lo, hi)
        if self.work is not None:
            stop = result + len(sub) if hit_end and isinstance(result, int) and result >= 0 else hi
            self.work.scanned += max(stop - lo, 1)
        return result

    def find(self, sub, start=None, end=None):  # type: ignore[override]
        return self._scan(str.find, sub, start, end)

    def index(self, sub, start=None, end=None):  # type: ignore[override]
        return self._scan(str.index, sub, start, end)

    def rfind(self, sub, start=None, end=None):  # type: ignore[override]
        return self._scan(str.rfind, sub, start, end, hit_end=False)

    def rindex(self, sub, start=None, end=None):  # type: ignore[override]
        return self._scan(str.rindex, sub, start, end, hit_end=False)

    def count(self, sub, start=None, end=None):  # type: ignore[override]
        return self._scan(str.count, sub, start, end, hit_end=False)

    def __contains__(self, sub) -> bool:
        if self.work is not None:
            self.work.scanned += max(len(self), 1)
        return str.__contains__(self, sub)

    def __getitem__(self, key):
        if self.work is not None and isinstance(key, slice):
            self.work.scanned += max(len(range(*key.indices(len(self)))), 1)
        return str.__getitem__(self, key)


class _CountingRe:
    """Stands in for the ``re`` module inside a counted module: patterns it compiles, and
    the module-level ``re.search(...)`` and the like, count what they scan."""

    def __init__(self, work: Work) -> None:
        self._work = work

    def __getattr__(self, name):
        return getattr(re, name)

    def compile(self, pattern, flags=0):
        return _CountingPattern(re.compile(pattern, flags), self._work)

    def search(self, pattern, string, flags=0):
        return self.compile(pattern, flags).search(string)

    def match(self, pattern, string, flags=0):
        return self.compile(pattern, flags).match(string)

    def fullmatch(self, pattern, string, flags=0):
        return self.compile(pattern, flags).fullmatch(string)

    def finditer(self, pattern, string, flags=0):
        return self.compile(pattern, flags).finditer(string)

    def findall(self, pattern, string, flags=0):
        return self.compile(pattern, flags).findall(string)

    def sub(self, pattern, repl, string, count=0, flags=0):
        return self.compile(pattern, flags).sub(repl, string, count)

    def subn(self, pattern, repl, string, count=0, flags=0):
        return self.compile(pattern, flags).subn(repl, string, count)

    def split(self, pattern, string, maxsplit=0, flags=0):
        return self.compile(pattern, flags).split(string, maxsplit)


def _modules(extra: tuple[str, ...]):
    names = [n for n in list(sys.modules) if n == "checker" or n.startswith("checker.")]
    return [sys.modules[n] for n in (*names, *_DEFAULT_MODULES, *extra) if n in sys.modules]


@contextlib.contextmanager
def counting(monkeypatch, *extra_modules: str, text: CountingStr | None = None):
    """Count the work done inside the ``with`` block; yields the :class:`Work`.

    Import the code under test before entering, so its module-level patterns are wrapped
    and its import is not counted; run it once before measuring, so one-off work (the
    ``re`` module compiling a pattern, a memo filling) is not counted either.
    """
    work = Work()
    with monkeypatch.context() as patch:
        for module in _modules(extra_modules):
            for name, value in list(vars(module).items()):
                if isinstance(value, re.Pattern):
                    patch.setattr(module, name, _CountingPattern(value, work))
                elif value is re:
                    patch.setattr(module, name, _CountingRe(work))
        if text is not None:
            text.work = work

        def local(frame, event, arg):
            if event == "line":
                work.lines += 1
            return local

        def global_(frame, event, arg):
            return local

        previous = sys.gettrace()
        sys.settrace(global_)
        try:
            yield work
        finally:
            sys.settrace(previous)
            if text is not None:
                text.work = None


def growth(monkeypatch, run, small, large, *extra_modules: str, text: bool = False) -> tuple[float, Work, Work]:
    """``run(small)`` and ``run(large)`` counted (after one warm-up run of ``small``):
    (ratio of work units, small's work, large's work). With ``text=True`` the two inputs
    (strings) are passed as :class:`CountingStr`."""

    def measure(value):
        wrapped = CountingStr(value) if text else None
        with counting(monkeypatch, *extra_modules, text=wrapped) as work:
            run(value if wrapped is None else wrapped)
        return work

    run(small)
    w_small = measure(small)
    w_large = measure(large)
    return w_large.units / w_small.units, w_small, w_large
