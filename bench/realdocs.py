"""Real-text benchmark (issue 16): claimgraph's verdicts on the judged statement pairs of real web pages.

Reads the topic folders of ``../shared/eval/realdocs/`` (or ``--realdocs DIR``). For each topic it
copies the body of every page (line 4 onward: lines 1-3 are the address, the title line and a blank,
metadata a user would know but not text of the page) into a scratch folder under the same file
names, runs ``claimgraph scan SCRATCH --format json`` (the CLI, with ``--cache-dir`` in the user cache
folder or ``--cache-dir DIR``), and matches each judged pair of the topic's ``GOLD.md`` to the report:

* a gold quote is located in the page body by normalised substring (NFKC, curly quotes and dashes
  folded, whitespace collapsed, case folded); the claims of that file whose character span overlaps
  an occurrence of the quote are the quote's claims (a claim whose normalised text contains the quote,
  or is contained in it, counts too). A quote with no such claim is an extraction failure, counted
  apart ("quotes not found as claims");
* for each pair the relations claimgraph gave between a claim of quote A and a claim of quote B are
  collected: a conflict finding (or ``conflicts`` edge), a scope finding, a ``supports`` edge, a
  ``related`` edge; the strongest (in that order) is the pair's relation, else ``none``.

Printed per topic and overall (pandas tallies; uncertain verdicts are left out of the scores):
recall of certain CONFLICT pairs; conflicts called on CONSISTENT and on DIFFERENT-SCOPE pairs;
``supports`` found for CONSISTENT pairs; quotes not found as claims. Written, with the commit, to
``bench/results/realdocs-<YYYYMMDD-HHMM>-<shortcommit>/`` as ``results.json`` (figures and one row
per pair: ids, verdicts, relations, rules; no page text) and ``table.txt``.

    .venv/bin/python bench/realdocs.py [--realdocs DIR] [--topics a,b] [--cache-dir DIR] [--no-write]
                                       [--candidates]

``--candidates`` also runs the pipeline in-process (its internal stages, not the CLI) to say, for each
pair that got no relation, whether its claims were a candidate pair at all (the masked-sentence cosine
similarity, the threshold and each claim's rank among the other's nearest neighbours): the figures for
the "not a candidate pair" cause of the diagnosis. The eval texts never enter the repository: only pair
ids, verdicts, relation names, rule ids and counts are written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REALDOCS = ROOT.parent / "shared" / "eval" / "realdocs"

#: Header lines of each page file that are metadata, not text of the page (address, title line, blank).
HEADER_LINES = 3

VERDICTS = ("CONFLICT", "CONSISTENT", "DIFFERENT-SCOPE")
#: Relations, strongest first.
RELATIONS = ("conflict", "scope", "supports", "related", "none")

TARGETS = {
    "conflict_recall": ">= 0.60",
    "false_conflict_consistent": "<= 0.01",
    "false_conflict_scope": "<= 0.03",
    "supports_consistent": ">= 0.50",
}


# --------------------------------------------------------------------------- GOLD.md

@dataclass
class GoldPair:
    topic: str
    id: str  # "P07"
    label: str  # the heading's "what is compared"
    file_a: str
    quote_a: str
    file_b: str
    quote_b: str
    verdict: str  # one of VERDICTS
    uncertain: bool


_HEAD = re.compile(r"^###\s+(P\d+)\.\s*(.*)$")
_SIDE = re.compile(r"^-\s+([AB]):\s+`([^`]+)`\s+[—-]+\s+«(.*)»\s*$")
_VERDICT = re.compile(r"^-\s+Verdict:\s+\*\*([A-Z-]+)(\s*\(uncertain\))?\*\*(\s*\(uncertain\))?")


def parse_gold(text: str, topic: str = "") -> list[GoldPair]:
    """The judged pairs of a GOLD.md. A pair lacking a side or a verdict is an error (ValueError)."""
    pairs: list[GoldPair] = []
    current: dict | None = None

    def close() -> None:
        if current is None:
            return
        missing = [k for k in ("A", "B", "verdict") if k not in current]
        if missing:
            raise ValueError(f"{topic} {current['id']}: no {', '.join(missing)}")
        pairs.append(
            GoldPair(
                topic=topic, id=current["id"], label=current["label"],
                file_a=current["A"][0], quote_a=current["A"][1], file_b=current["B"][0], quote_b=current["B"][1],
                verdict=current["verdict"], uncertain=current["uncertain"],
            )
        )

    for line in text.splitlines():
        line = line.rstrip()
        m = _HEAD.match(line)
        if m:
            close()
            current = {"id": m.group(1), "label": m.group(2).strip()}
            continue
        if current is None:
            continue
        m = _SIDE.match(line)
        if m:
            current[m.group(1)] = (m.group(2), m.group(3))
            continue
        m = _VERDICT.match(line)
        if m:
            verdict = m.group(1)
            if verdict not in VERDICTS:
                raise ValueError(f"{topic} {current['id']}: unknown verdict {verdict!r}")
            current["verdict"] = verdict
            current["uncertain"] = bool(m.group(2) or m.group(3))
    close()
    return pairs


# --------------------------------------------------------------------------- page bodies

def page_body(text: str) -> str:
    """A page file without its metadata header (line 4 onward)."""
    lines = text.splitlines(keepends=True)
    return "".join(lines[HEADER_LINES:])


def write_bodies(topic_dir: Path, scratch: Path) -> dict[str, str]:
    """Copy each page's body into ``scratch`` under its own name; returns name -> body."""
    scratch.mkdir(parents=True, exist_ok=True)
    bodies = {}
    for path in sorted(topic_dir.glob("*.txt")):
        body = page_body(path.read_text(encoding="utf-8"))
        (scratch / path.name).write_text(body, encoding="utf-8")
        bodies[path.name] = body
    return bodies


# --------------------------------------------------------------------------- normalised matching

_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


def normalise_map(text: str) -> tuple[str, list[int]]:
    """``text`` normalised (NFKC per character, quotes and dashes folded, whitespace runs to one space,
    case folded), with, for each character of the result, the offset in ``text`` it came from."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        piece = unicodedata.normalize("NFKC", ch).translate(_FOLD).casefold()
        for p in piece:
            if p.isspace():
                if out and not space:
                    out.append(" ")
                    where.append(i)
                space = True
            else:
                out.append(p)
                where.append(i)
                space = False
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def normalise(text: str) -> str:
    return normalise_map(text)[0]


def quote_spans(quote: str, body: str) -> list[tuple[int, int]]:
    """Every ``[start, end)`` span of ``body`` (original offsets) where ``quote`` occurs, normalised."""
    q = normalise(quote)
    if not q:
        return []
    norm, where = normalise_map(body)
    spans = []
    i = norm.find(q)
    while i >= 0:
        spans.append((where[i], where[i + len(q) - 1] + 1))
        i = norm.find(q, i + 1)
    return spans


def locate(quote: str, body: str, claims: list[dict]) -> list[str]:
    """Ids of the claims (of this file) that hold ``quote``: their span overlaps an occurrence of the
    quote in ``body`` (at least half of the shorter of the two, or 20 characters), or their normalised
    text contains the quote or is contained in it."""
    spans = quote_spans(quote, body)
    q = normalise(quote)
    found = []
    for c in claims:
        hit = False
        for s, e in spans:
            overlap = min(e, c["end"]) - max(s, c["start"])
            if overlap > 0 and overlap >= min(20, (min(e - s, c["end"] - c["start"]) + 1) // 2):
                hit = True
                break
        if not hit and q:
            t = normalise(c.get("text", ""))
            hit = bool(t) and (q in t or (len(t) >= 20 and t in q))
        if hit:
            found.append(c["id"])
    return found


# --------------------------------------------------------------------------- relations

@dataclass
class Relations:
    """The relations a report gives between two claims, keyed by the unordered pair of ids."""

    by_pair: dict[frozenset, dict[str, list[str]]] = field(default_factory=dict)

    def add(self, a: str, b: str, relation: str, rule: str) -> None:
        if a == b:
            return
        slot = self.by_pair.setdefault(frozenset((a, b)), {})
        slot.setdefault(relation, [])
        if rule not in slot[relation]:
            slot[relation].append(rule)

    def between(self, side_a: list[str], side_b: list[str]) -> dict[str, list[str]]:
        """Each relation found between some claim of ``side_a`` and some other claim of ``side_b``,
        with the rules that gave it."""
        out: dict[str, list[str]] = {}
        for a in side_a:
            for b in side_b:
                for rel, rules in self.by_pair.get(frozenset((a, b)), {}).items():
                    for r in rules:
                        out.setdefault(rel, [])
                        if r not in out[rel]:
                            out[rel].append(r)
        return out


def relations_of(report: dict) -> Relations:
    """Conflict and scope findings and supports/related/conflicts edges of a claimgraph JSON report.
    A finding with more than two claims relates each pair of them."""
    rel = Relations()
    for f in report.get("findings", []):
        kind = f.get("kind")
        if kind not in ("conflict", "scope"):
            continue
        ids = list(f.get("claims", []))
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                rel.add(a, b, kind, f.get("rule") or "")
    for e in report.get("edges", []):
        relation = {"conflicts": "conflict", "supports": "supports", "related": "related"}.get(e.get("relation"))
        if relation:
            rel.add(e["source"], e["target"], relation, e.get("rule") or "")
    return rel


def strongest(found: dict[str, list[str]]) -> str:
    for r in RELATIONS:
        if r in found:
            return r
    return "none"


def group_placement(report: dict, a_claims: list[str], b_claims: list[str]) -> tuple[bool, bool]:
    """(one disagreeing group holds a claim of each quote, one group holds them under different values)
    from the report's fact groups (issue 18)."""
    together = split = False
    for g in report.get("groups", []):
        value_of = {c: i for i, v in enumerate(g["values"]) for c in v["claims"]}
        va = {value_of[c] for c in a_claims if c in value_of}
        vb = {value_of[c] for c in b_claims if c in value_of}
        if va and vb:
            if g["status"] != "agree":
                together = True
            if not (va & vb):
                split = True
    return together, split


def match_pairs(pairs: list[GoldPair], bodies: dict[str, str], report: dict) -> list[dict]:
    """One row per gold pair: where its quotes were found as claims and what relation claimgraph gave."""
    docs = {d["id"]: Path(d["path"]).name for d in report.get("documents", [])}
    claims_of: dict[str, list[dict]] = {}
    for c in report.get("claims", []):
        claims_of.setdefault(docs.get(c["doc"], ""), []).append(c)
    rel = relations_of(report)
    rows = []
    for p in pairs:
        side = {}
        for name, file, quote in (("a", p.file_a, p.quote_a), ("b", p.file_b, p.quote_b)):
            body = bodies.get(file)
            side[name] = {
                "in_text": bool(body is not None and quote_spans(quote, body)),
                "claims": locate(quote, body, claims_of.get(file, [])) if body is not None else [],
            }
        found = rel.between(side["a"]["claims"], side["b"]["claims"])
        grouped, split = group_placement(report, side["a"]["claims"], side["b"]["claims"])
        rows.append({
            "topic": p.topic, "pair": p.id, "verdict": p.verdict, "uncertain": p.uncertain,
            "within": p.file_a == p.file_b,
            "a_in_text": side["a"]["in_text"], "b_in_text": side["b"]["in_text"],
            "a_claims": side["a"]["claims"], "b_claims": side["b"]["claims"],
            "a_found": bool(side["a"]["claims"]), "b_found": bool(side["b"]["claims"]),
            "relation": strongest(found),
            "conflict": "conflict" in found, "scope": "scope" in found,
            "supports": "supports" in found, "related": "related" in found,
            "rules": {k: v for k, v in sorted(found.items())},
            "grouped": grouped, "split": split,
        })
    return rows


# --------------------------------------------------------------------------- tallies

def _rate(num: int, den: int) -> float | None:
    return num / den if den else None


def tally(frame: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per topic and overall (index ``all``): the issue's figures, certain verdicts only.

    ``quotes``: one row per distinct (topic, file, quote) with a boolean ``found`` (as a claim) and
    ``in_text``; when None it is derived from ``frame``'s sides (then a quote used by two pairs counts
    twice)."""
    certain = frame[~frame["uncertain"]]
    out = {}
    topics = sorted(frame["topic"].unique())
    for topic in topics + ["all"]:
        sub = certain if topic == "all" else certain[certain["topic"] == topic]
        conf = sub[sub["verdict"] == "CONFLICT"]
        cons = sub[sub["verdict"] == "CONSISTENT"]
        scop = sub[sub["verdict"] == "DIFFERENT-SCOPE"]
        both = sub["a_found"] & sub["b_found"]
        if quotes is not None:
            q = quotes if topic == "all" else quotes[quotes["topic"] == topic]
            q_total, q_missing, q_not_text = len(q), int((~q["found"]).sum()), int((~q["in_text"]).sum())
        else:
            q_total = 2 * len(sub)
            q_missing = int((~sub["a_found"]).sum() + (~sub["b_found"]).sum())
            q_not_text = int((~sub["a_in_text"]).sum() + (~sub["b_in_text"]).sum())
        out[topic] = {
            "pairs": int(len(frame) if topic == "all" else (frame["topic"] == topic).sum()),
            "uncertain": int(frame["uncertain"].sum() if topic == "all" else frame[frame["topic"] == topic]["uncertain"].sum()),
            "conflict_n": len(conf),
            "conflict_found": int(conf["conflict"].sum()),
            "conflict_recall": _rate(int(conf["conflict"].sum()), len(conf)),
            "consistent_n": len(cons),
            "false_conflict_consistent": int(cons["conflict"].sum()),
            "false_conflict_consistent_rate": _rate(int(cons["conflict"].sum()), len(cons)),
            "supports_consistent": int(cons["supports"].sum()),
            "supports_consistent_rate": _rate(int(cons["supports"].sum()), len(cons)),
            "scope_n": len(scop),
            "false_conflict_scope": int(scop["conflict"].sum()),
            "false_conflict_scope_rate": _rate(int(scop["conflict"].sum()), len(scop)),
            "scope_finding_scope": int(scop["scope"].sum()),
            "pairs_both_quotes_found": int(both.sum()),
            "quotes": q_total,
            "quotes_not_claims": q_missing,
            "quotes_not_in_text": q_not_text,
            # issue 18: certain conflicts found whose two quotes' claims sit in one disagreeing group,
            # and consistent pairs whose quotes sit in one group under different values
            "conflict_grouped": int((conf["conflict"] & conf["grouped"]).sum()) if "grouped" in conf else 0,
            "consistent_split": int(cons["split"].sum()) if "split" in cons else 0,
        }
    table = pd.DataFrame.from_dict(out, orient="index")
    counts = [c for c in table.columns if not c.endswith(("_rate", "_recall"))]
    return table.astype({c: "int64" for c in counts})


def relation_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts of the strongest relation per verdict (certain verdicts), with the pairs whose quotes
    were not both found as claims in a column of their own."""
    certain = frame[~frame["uncertain"]].copy()
    certain["relation"] = certain["relation"].where(certain["a_found"] & certain["b_found"], "quote not a claim")
    table = pd.crosstab(certain["verdict"], certain["relation"])
    cols = [c for c in (*RELATIONS, "quote not a claim") if c in table.columns]
    return table.reindex(columns=cols, fill_value=0)


def quote_frame(pairs: list[GoldPair], rows: list[dict]) -> pd.DataFrame:
    """One row per distinct quote (topic, file, normalised quote): found in the text, found as a claim."""
    seen: dict[tuple, dict] = {}
    for p, r in zip(pairs, rows):
        for file, quote, s in ((p.file_a, p.quote_a, "a"), (p.file_b, p.quote_b, "b")):
            key = (p.topic, file, normalise(quote))
            seen.setdefault(key, {"topic": p.topic, "file": file, "in_text": r[f"{s}_in_text"], "found": r[f"{s}_found"]})
    return pd.DataFrame(list(seen.values()), columns=["topic", "file", "in_text", "found"])


_COUNT_COLUMNS = frozenset({
    "pairs", "uncertain", "conflict_n", "conflict_found", "consistent_n", "false_conflict_consistent",
    "supports_consistent", "scope_n", "false_conflict_scope", "scope_finding_scope", "pairs_both_quotes_found",
    "quotes", "quotes_not_claims", "quotes_not_in_text", "conflict_grouped", "consistent_split",
})


def _pct(x) -> str:
    return "   –  " if x is None or (isinstance(x, float) and pd.isna(x)) else f"{100 * x:5.1f}%"


def text_table(summary: pd.DataFrame, relations: pd.DataFrame, meta: dict) -> str:
    lines = [
        f"claimgraph on real pages (issue 16): commit {meta['commit']}, model {meta['model']}, {meta['date']}",
        f"{meta['pairs']} judged pairs, {meta['uncertain']} uncertain left out of the scores; {meta['seconds']:.0f} s",
        "",
        f"{'topic':<20} {'conflicts found':>17} {'false conf. consistent':>23} {'false conf. scope':>19} "
        f"{'supports consistent':>21} {'quotes not claims':>18} {'conf. in one group':>19} {'consistent split':>17}",
    ]
    for topic, r in summary.iterrows():
        r = {k: (int(v) if k in _COUNT_COLUMNS else v) for k, v in r.items()}
        r = argparse.Namespace(**r)
        lines.append(
            f"{topic:<20} {r.conflict_found:>3}/{r.conflict_n:<3} {_pct(r.conflict_recall)} "
            f"{r.false_conflict_consistent:>8}/{r.consistent_n:<3} {_pct(r.false_conflict_consistent_rate)} "
            f"{r.false_conflict_scope:>5}/{r.scope_n:<3} {_pct(r.false_conflict_scope_rate)} "
            f"{r.supports_consistent:>7}/{r.consistent_n:<3} {_pct(r.supports_consistent_rate)} "
            f"{r.quotes_not_claims:>10}/{r.quotes:<3}"
            f" {r.conflict_grouped:>12}/{r.conflict_found:<3} {r.consistent_split:>12}/{r.consistent_n:<3}"
        )
    lines += ["", "targets: " + ", ".join(f"{k} {v}" for k, v in TARGETS.items()), "",
              "quotes not claims: distinct gold quotes (of all pairs, uncertain ones too) that no claim holds",
              "conf. in one group: certain conflicts found whose quotes' claims sit in one disagreeing fact group",
              "consistent split: certain consistent pairs whose quotes sit in one fact group under different values",
              "", "strongest relation per verdict (certain pairs):", relations.to_string(), ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- running claimgraph

def claimgraph_command() -> list[str]:
    script = Path(sys.executable).with_name("claimgraph")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from checker.cli import main; sys.exit(main())"]


def scan(folder: Path, cache_dir: str, extra: list[str]) -> dict:
    """``claimgraph scan FOLDER --format json`` as a dict (exit 0 or 1 both mean a report)."""
    out = folder.parent / (folder.name + ".report.json")
    cmd = claimgraph_command() + ["scan", str(folder), "--format", "json", "--output", str(out),
                                  "--cache-dir", cache_dir, "--quiet", "--exit-zero", *extra]
    done = subprocess.run(cmd, cwd=folder.parent, capture_output=True, text=True)
    if done.returncode not in (0, 1) or not out.exists():
        raise RuntimeError(f"claimgraph scan failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def candidate_info(folder: Path, cache_dir: str, rows: list[dict], report: dict) -> None:
    """For each row with no relation and both quotes found: were some claim of A and some claim of B
    a candidate pair of the pipeline? Adds ``candidate`` (bool), ``similarity`` (the best masked-sentence
    cosine between the two sides) and ``rank`` (best rank of one side among the other's neighbours).
    Uses the pipeline's internal stages in-process (same settings as the CLI's defaults)."""
    import numpy as np

    from checker.pipeline import Pipeline, Settings
    from checker.pair.value_join import fact_pairs, merge_pairs, same_value_pairs

    settings = Settings(cache_dir=cache_dir)
    pipe = Pipeline(settings, warn=lambda m: None)
    docs = pipe.load([str(folder)])
    claims = pipe.claims(docs)
    vectors = pipe.embed(claims)
    # the scan's candidates: nearest neighbours, the same-figure join and the fact join
    pairs = merge_pairs(pipe.candidate_pairs(vectors), same_value_pairs(claims, vectors), fact_pairs(claims, vectors))
    cand = {(i, j) for i, j, _ in pairs} | {(j, i) for i, j, _ in pairs}
    # map report claim ids to in-process rows by (file name, start, end)
    names = {d.id: Path(d.path).name for d in docs}
    index = {(names[c.doc], c.start, c.end): k for k, c in enumerate(claims)}
    rdocs = {d["id"]: Path(d["path"]).name for d in report["documents"]}
    rid = {c["id"]: index.get((rdocs[c["doc"]], c["start"], c["end"])) for c in report["claims"]}
    v = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    v = v / np.where(norms == 0, 1, norms)
    sims = v @ v.T
    np.fill_diagonal(sims, -np.inf)
    order = np.argsort(-sims, axis=1)
    rank_of = np.empty_like(order)
    rank_of[np.arange(len(order))[:, None], order] = np.arange(order.shape[1])[None, :]
    for r in rows:
        a = [rid[c] for c in r["a_claims"] if rid.get(c) is not None]
        b = [rid[c] for c in r["b_claims"] if rid.get(c) is not None]
        ab = [(i, j) for i in a for j in b if i != j]
        if not ab:
            continue
        r["candidate"] = any(p in cand for p in ab)
        r["similarity"] = round(float(max(sims[i, j] for i, j in ab)), 3)
        r["rank"] = int(min(min(rank_of[i, j], rank_of[j, i]) for i, j in ab)) + 1
    r_thr = {"pair_threshold": settings.pair_threshold, "neighbours": settings.neighbours}
    for r in rows:
        r.setdefault("candidate_settings", r_thr)


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()


def default_cache() -> str:
    try:
        from checker.store.embedding_cache import default_cache_dir

        return str(default_cache_dir())
    except Exception:  # noqa: BLE001 - the bench only needs some folder outside the documents
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return str(Path(base) / "claimgraph")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realdocs", default=str(DEFAULT_REALDOCS), help="the realdocs folder (topic folders with GOLD.md)")
    parser.add_argument("--topics", default="", help="comma-separated topic folders (default: all)")
    parser.add_argument("--cache-dir", default=None, help="claimgraph's --cache-dir (default: the user cache folder)")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--candidates", action="store_true", help="say which unrelated pairs were candidate pairs (in-process)")
    parser.add_argument("--keep-scratch", metavar="DIR", help="keep the bodies and reports in DIR (outside the repo!)")
    parser.add_argument("--scan-arg", action="append", default=[], help="extra argument for claimgraph scan (repeatable)")
    args = parser.parse_args(argv)

    realdocs = Path(args.realdocs)
    if not realdocs.is_dir():
        parser.error(f"no realdocs folder at {realdocs}; pass --realdocs PATH")
    topics = sorted(p.name for p in realdocs.iterdir() if (p / "GOLD.md").is_file())
    if args.topics:
        wanted = [t.strip() for t in args.topics.split(",") if t.strip()]
        unknown = sorted(set(wanted) - set(topics))
        if unknown:
            parser.error(f"unknown topics: {', '.join(unknown)}")
        topics = wanted
    cache_dir = args.cache_dir or default_cache()

    start = time.perf_counter()
    scratch_root = Path(args.keep_scratch) if args.keep_scratch else Path(tempfile.mkdtemp(prefix="realdocs-"))
    if args.keep_scratch and scratch_root.resolve().is_relative_to(ROOT.resolve()):
        parser.error("--keep-scratch must be outside the repository (the page texts are not to be copied into it)")
    all_pairs: list[GoldPair] = []
    all_rows: list[dict] = []
    model = ""
    try:
        for topic in topics:
            pairs = parse_gold((realdocs / topic / "GOLD.md").read_text(encoding="utf-8"), topic)
            folder = scratch_root / topic
            bodies = write_bodies(realdocs / topic, folder)
            report = scan(folder, cache_dir, args.scan_arg)
            model = report.get("tool", {}).get("model", model)
            rows = match_pairs(pairs, bodies, report)
            if args.candidates:
                candidate_info(folder, cache_dir, rows, report)
            all_pairs += pairs
            all_rows += rows
            print(f"{topic}: {len(pairs)} pairs, {len(report['claims'])} claims, {len(report['findings'])} findings, "
                  f"{len(report['edges'])} edges", file=sys.stderr)
    finally:
        if not args.keep_scratch:
            shutil.rmtree(scratch_root, ignore_errors=True)
    seconds = time.perf_counter() - start

    frame = pd.DataFrame(all_rows)
    quotes = quote_frame(all_pairs, all_rows)
    summary = tally(frame, quotes)
    relations = relation_table(frame)
    commit = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "checker", "rules")
    now = dt.datetime.now(dt.timezone.utc)
    meta = {
        "date": now.strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit + ("+uncommitted" if dirty else ""),
        "model": model,
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
        "source": "../shared/eval/realdocs",
        "pairs": len(frame),
        "uncertain": int(frame["uncertain"].sum()),
        "seconds": seconds,
        "targets": TARGETS,
    }
    text = text_table(summary, relations, meta)
    print(text)
    if not args.no_write:
        out = Path(args.out) / f"realdocs-{now.strftime('%Y%m%d-%H%M')}-{commit}"
        out.mkdir(parents=True, exist_ok=True)
        keep = ["topic", "pair", "verdict", "uncertain", "within", "a_found", "b_found", "a_claims", "b_claims",
                "relation", "rules", "candidate", "similarity", "rank"]
        result = {
            **meta,
            "summary": json.loads(summary.to_json(orient="index")),
            "relations": json.loads(relations.to_json(orient="index")),
            "rows": json.loads(frame[[k for k in keep if k in frame.columns]].to_json(orient="records")),
        }
        (out / "results.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (out / "table.txt").write_text(text, encoding="utf-8")
        print(f"wrote {out}/results.json and table.txt", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
