"""Base forms a word may have once an English inflection is stripped, for word tables.

The event table (:mod:`checker.frame.events`) and the direction table
(:mod:`checker.frame.direction`) read words without a parse ("launched", "slipped",
"setting", "layoffs"); :func:`stem_candidates` lists the forms to look up, most likely first,
and each table keeps the first it knows.
"""

from __future__ import annotations


def stem_candidates(word: str) -> list[str]:
    """Forms of lower-case ``word`` with an inflection stripped: "applied" -> "apply",
    "launched" -> "launch", "launche", "slipped" -> "slip", "setting" -> "set", "layoffs" ->
    "layoff" (the caller keeps the first its table knows)."""
    w = word
    candidates: list[str] = []
    if w.endswith(("ied", "ies")):
        candidates.append(w[:-3] + "y")
    if w.endswith("ed"):
        candidates += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            candidates.append(w[:-3])  # "slipped" -> "slip"
    if w.endswith("ing"):
        candidates += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            candidates.append(w[:-4])  # "setting" -> "set"
    if w.endswith("es"):
        candidates.append(w[:-2])
    if w.endswith("s"):
        candidates.append(w[:-1])
    return candidates
