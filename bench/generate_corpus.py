"""Generate a deterministic corpus of report-like documents for the benchmark.

    python bench/generate_corpus.py OUT_DIR --docs 1000 [--seed 0] [--claims-per-doc 3.5]

Documents are plain text, Markdown and HTML (about a third each): a title, a
dateline, sometimes a "Key takeaways" list repeating figures of the body, and
paragraphs that mix sentences stating figures (counts, money in several currencies,
percentages, measures with units, dates of several granularities) with sentences
that state none. Subjects are places and generated company names; each stated fact
is (metric, subject, period, value). Some facts are restated by other documents,
mostly with an agreeing value (the same, or rounded with "about"), and some with a
planted conflicting value. ``OUT_DIR/manifest.json`` lists the planted conflicts
with the files and sentences involved, and every sentence that states a fact (its
fact, and whether it carries a planted value), so that the benchmark can tell a
conflict claimgraph reports between two statements of different facts, or between two
agreeing statements of one fact, from a true one.

Everything comes from one ``random.Random(seed)``: the same arguments give the same
bytes. Sentences are built from many independent parts (lead-in, subject, metric
phrasing, tail), so masked sentences are nearly all distinct and the encoder does
real work on each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

REGIONS = """Bavaria Saxony Catalonia Andalusia Lombardy Piedmont Brittany Normandy Flanders Wallonia Silesia
Moravia Bohemia Ontario Quebec Alberta Manitoba Saskatchewan Queensland Tasmania Victoria Gujarat Maharashtra
Karnataka Kerala Punjab Guangdong Zhejiang Jiangsu Sichuan Hubei Shandong Fujian Yunnan Hokkaido Kyushu Okinawa
Gyeonggi Jeolla Java Sumatra Sulawesi Mindanao Luzon Sabah Sarawak Bavaria Texas Ohio Nevada Oregon Arizona
Georgia Michigan Minnesota Colorado Utah Iowa Kansas Nebraska Vermont Maine Idaho Montana Wyoming Alaska Hawaii
Kentucky Tennessee Alabama Louisiana Virginia Carolina Scotland Wales Cornwall Yorkshire Lancashire Kent
Devon Ulster Leinster Munster Connacht Jutland Zealand Scania Lapland Karelia Estonia Latvia Lithuania Slovenia
Croatia Dalmatia Istria Transylvania Moldova Thrace Macedonia Crete Cyprus Malta Sicily Sardinia Corsica Tyrol
Styria Carinthia Valais Ticino Grisons Bern Zurich Geneva Basel Lorraine Alsace Burgundy Provence Gascony
Aragon Galicia Asturias Navarre Murcia Valencia Algarve Alentejo Minho Madeira Azores Patagonia Mendoza Cordoba
Santiago Antioquia Bogota Quito Lima Cusco Arequipa Sonora Jalisco Yucatan Oaxaca Chiapas Veracruz Durango""".split()
REGIONS = list(dict.fromkeys(REGIONS))

_PREFIXES = """Norvale Kestrel Amberline Brightwater Corvina Dunmore Elbridge Falken Glenholt Harrowgate Islay
Juniper Kairos Lumen Meridian Northwind Orrin Pelham Quillon Redfern Saltire Tamsin Umbra Valdor Westmark
Xyla Yarrow Zephyr Alder Birchwood Cobalt Driftwood Emberly Foxhollow Granite Halcyon Ironvale Jasper Kingsley
Larkspur Marlow Nettle Oakridge Pinecrest Quarry Rowan Sterling Thornbury Upland Verity Willow Ashcombe
Blackmoor Calder Denholm Everly Fenwick""".split()
_SUFFIXES = """Energy Robotics Semiconductor Motors Logistics Telecom Pharma Biotech Materials Mining Grid Solar
Aerospace Systems Networks Foods Textiles Shipping Chemicals Batteries Analytics Capital Microdevices Photonics
Hydrogen""".split()
COMPANIES = [f"{p} {s}" for p in _PREFIXES for s in _SUFFIXES]

MONTHS = "January February March April May June July August September October November December".split()
QUARTERS = ["first", "second", "third", "fourth"]

LEADS = [
    "", "", "", "", "According to official figures, ", "Official data show that ", "Figures released this spring show that ",
    "The latest survey found that ", "Industry estimates suggest that ", "Company filings indicate that ",
    "Ministry statistics confirm that ", "Analysts noted that ", "A regulatory filing revealed that ",
    "Trade association data show that ", "Provisional estimates indicate that ", "Customs records show that ",
    "An independent audit found that ", "Quarterly results showed that ", "The annual review reported that ",
    "Preliminary numbers suggest that ", "Researchers estimated that ", "Local officials said that ",
    "The statistics office reported that ", "Market trackers found that ", "Investor briefings stated that ",
]
TAILS = [
    "", "", "", "", ", according to the company", ", officials said", ", driven by strong export demand",
    ", despite higher input costs", ", the highest level on record", ", well ahead of earlier forecasts",
    ", helped by new state incentives", ", as supply chains recovered", ", according to the regional government",
    ", in line with its published targets", ", amid rising competition from abroad", ", after two weaker years",
    ", supported by public procurement", ", according to preliminary data", ", boosted by domestic demand",
    ", the filing showed", ", as new capacity came online", ", according to trade figures",
]


@dataclass(frozen=True)
class Metric:
    name: str
    sector: str
    low: float
    high: float
    fmt: str  # how a value is written: count, decimal1, percent, money, tonnes
    templates: tuple[str, ...]  # {lead} {subj} {v} {period} {tail}
    headline: str  # for a title or takeaway
    subjects: str = "any"  # "region", "company" or "any"


METRICS = [
    Metric("solar", "energy", 800, 40000, "count", (
        "{lead}{period_in}, {subj} installed {v} megawatts of new solar capacity{tail}.",
        "{lead}{subj} added {v} megawatts of solar generating capacity {period_in_l}{tail}.",
        "{lead}new solar installations in {subj} reached {v} megawatts {period_in_l}{tail}.",
    ), "{subj} installs {v} MW of solar"),
    Metric("wind", "energy", 0.4, 30, "decimal1", (
        "{lead}{subj} connected {v} GW of onshore wind capacity to the grid {period_in_l}{tail}.",
        "{lead}{period_in}, wind farms in {subj} added {v} GW of capacity{tail}.",
        "{lead}onshore wind capacity connected in {subj} came to {v} GW {period_in_l}{tail}.",
    ), "{subj} adds {v} GW of wind", "region"),
    Metric("robots", "robotics", 1200, 90000, "count", (
        "{lead}{subj} shipped {v} industrial robots {period_in_l}{tail}.",
        "{lead}{period_in}, {subj} delivered {v} industrial robots to factory customers{tail}.",
        "{lead}deliveries of industrial robots by {subj} totalled {v} units {period_in_l}{tail}.",
    ), "{subj} ships {v} robots", "company"),
    Metric("patents", "innovation", 500, 120000, "count", (
        "{lead}{period_in}, {subj} was granted {v} invention patents{tail}.",
        "{lead}{subj} received {v} invention patents {period_in_l}{tail}.",
        "{lead}the patent office granted {subj} {v} invention patents {period_in_l}{tail}.",
    ), "{subj} wins {v} patents"),
    Metric("revenue", "finance", 0.2, 95, "money_bn", (
        "{lead}{subj} reported revenue of {v} {period_in_l}{tail}.",
        "{lead}{period_in}, revenue at {subj} came to {v}{tail}.",
        "{lead}{subj} booked sales of {v} {period_in_l}{tail}.",
    ), "{subj} revenue hits {v}", "company"),
    Metric("investment", "finance", 20, 9000, "money_mn", (
        "{lead}{subj} committed {v} to new production lines {period_in_l}{tail}.",
        "{lead}{period_in}, {subj} approved {v} in capital spending on new plants{tail}.",
        "{lead}capital spending by {subj} on new plants reached {v} {period_in_l}{tail}.",
    ), "{subj} invests {v}", "company"),
    Metric("broadband", "telecom", 12, 97, "percent", (
        "{lead}{v} of households in {subj} had fibre broadband {period_by}{tail}.",
        "{lead}fibre broadband reached {v} of households in {subj} {period_by}{tail}.",
        "{lead}{period_by_c}, {v} of homes in {subj} were connected to fibre broadband{tail}.",
    ), "Fibre reaches {v} of {subj} homes", "region"),
    Metric("unemployment", "labour", 2.1, 18, "percent", (
        "{lead}the unemployment rate in {subj} stood at {v} {period_in_l}{tail}.",
        "{lead}{period_in}, unemployment in {subj} averaged {v} of the labour force{tail}.",
        "{lead}{subj} recorded an unemployment rate of {v} {period_in_l}{tail}.",
    ), "{subj} jobless rate at {v}", "region"),
    Metric("lithium", "mining", 0.02, 9, "tonnes", (
        "{lead}{subj} produced {v} of lithium carbonate {period_in_l}{tail}.",
        "{lead}{period_in}, lithium carbonate output in {subj} reached {v}{tail}.",
        "{lead}mines in {subj} extracted {v} of lithium carbonate {period_in_l}{tail}.",
    ), "{subj} lithium output {v}", "region"),
    Metric("evs", "transport", 2000, 900000, "count", (
        "{lead}{subj} sold {v} electric vehicles {period_in_l}{tail}.",
        "{lead}{period_in}, buyers in {subj} registered {v} electric vehicles{tail}.",
        "{lead}registrations of electric vehicles in {subj} rose to {v} {period_in_l}{tail}.",
    ), "{subj} sells {v} EVs", "region"),
    Metric("startups", "innovation", 40, 6000, "count", (
        "{lead}{subj} counted {v} registered AI startups {period_by}{tail}.",
        "{lead}{period_by_c}, the number of registered AI startups in {subj} reached {v}{tail}.",
        "{lead}the AI startup register of {subj} listed {v} firms {period_by}{tail}.",
    ), "{subj} counts {v} AI startups", "region"),
    Metric("exports", "trade", 0.1, 60, "money_bn_eur", (
        "{lead}machinery exports from {subj} were worth {v} {period_in_l}{tail}.",
        "{lead}{period_in}, {subj} exported machinery worth {v}{tail}.",
        "{lead}the value of machinery exports from {subj} reached {v} {period_in_l}{tail}.",
    ), "{subj} machinery exports at {v}", "region"),
    Metric("chips", "semiconductors", 5, 900, "count_million", (
        "{lead}{subj} produced {v} microcontroller chips {period_in_l}{tail}.",
        "{lead}{period_in}, fabs operated by {subj} made {v} microcontroller chips{tail}.",
        "{lead}output of microcontroller chips at {subj} totalled {v} {period_in_l}{tail}.",
    ), "{subj} makes {v} chips", "company"),
    Metric("hydrogen", "energy", 5, 4000, "count", (
        "{lead}{subj} commissioned {v} megawatts of electrolyser capacity {period_in_l}{tail}.",
        "{lead}{period_in}, electrolyser capacity commissioned in {subj} reached {v} megawatts{tail}.",
        "{lead}{subj} brought {v} megawatts of electrolysers into service {period_in_l}{tail}.",
    ), "{subj} adds {v} MW of electrolysers"),
    Metric("share", "markets", 3, 70, "percent", (
        "{lead}{subj} held {v} of the regional market for industrial batteries {period_in_l}{tail}.",
        "{lead}{period_in}, the share of {subj} in the regional battery market reached {v}{tail}.",
        "{lead}the regional market share of {subj} in industrial batteries was {v} {period_in_l}{tail}.",
    ), "{subj} battery share at {v}", "company"),
]

SECTORS = sorted({m.sector for m in METRICS})

# Sentences with no figure: topic, actor, verb phrase, object.
FILLER_ACTORS = ["Analysts", "Officials", "Industry groups", "Economists", "Investors", "Local planners",
                 "Trade unions", "Regulators", "Consultants", "Executives", "Suppliers", "Researchers",
                 "Procurement teams", "Lenders", "Grid operators", "Customers"]
FILLER_VERBS = ["expect", "warn", "note", "argue", "point out", "believe", "caution", "stress", "suggest",
                "acknowledge", "predict", "emphasise"]
FILLER_CLAUSES = [
    "demand will stay firm while financing conditions remain loose",
    "permitting delays could slow the next wave of projects",
    "the supply of skilled technicians is the main constraint",
    "price competition from imports is squeezing margins",
    "new subsidy rules will favour smaller producers",
    "consolidation among mid-sized suppliers is likely",
    "grid connections remain the bottleneck for new capacity",
    "export controls add uncertainty to long-term planning",
    "the pipeline of announced projects looks healthy",
    "labour costs are rising faster than productivity",
    "standards for recycling are still being negotiated",
    "public funding has crowded in private capital",
    "the regional cluster benefits from its universities",
    "tariff disputes have delayed several contracts",
    "component shortages have largely eased",
    "insurance costs for new plants keep climbing",
    "the market is shifting toward integrated service contracts",
    "automation is spreading from large plants to smaller workshops",
    "local content rules are reshaping supplier networks",
    "energy prices remain the largest source of risk",
]
FILLER_ASIDES = ["", "", "", " in the coming months", " over the medium term", " for now", " this decade",
                 " across the sector", " in most markets", " despite recent volatility"]
CONNECTORS = ["However, ", "Meanwhile, ", "At the same time, ", "In contrast, ", "Even so, ", "Still, ", "", "", ""]

TITLE_FORMS = ["{sector} outlook for {region}", "How {region} is reshaping its {sector} industry",
               "{region} {sector} report", "The state of {sector} in {region}", "{sector} market review: {region}",
               "Inside the {sector} boom in {region}", "{region}: {sector} at a turning point"]


def _commas(x: float) -> str:
    return f"{int(round(x)):,}"


def format_value(metric: Metric, value: float, about: bool = False) -> tuple[str, float]:
    """The written figure and the value it states (rounded as written)."""
    f = metric.fmt
    if f == "count":
        # "about" keeps two significant digits, as a writer rounds (39,754 -> about 40,000;
        # 330 -> about 330), which is how claimgraph reads an approximate figure
        v = round(value, 2 - len(str(int(abs(round(value)))))) if about else round(value)
        text = _commas(v)
    elif f == "decimal1":
        v = round(value, 1)
        text = f"{v:.1f}"
    elif f == "percent":
        v = round(value) if about else round(value, 1)
        text = f"{v:g}%"
    elif f in ("money_bn", "money_bn_eur"):
        v = round(value, 1)
        text = f"{'€' if f.endswith('eur') else '$'}{v:.1f} billion"
    elif f == "money_mn":
        v = round(value)
        text = f"${_commas(v)} million"
    elif f == "tonnes":
        v = round(value, 2)
        text = f"{v:.2f} million tonnes"
    elif f == "count_million":
        v = round(value, 1)
        text = f"{v:.1f} million"
    else:  # pragma: no cover
        raise ValueError(f)
    return ("about " + text if about else text), float(v)


def _period(rng: random.Random, year_hi: int) -> dict:
    year = rng.randint(2018, year_hi)
    kind = rng.random()
    if kind < 0.6:
        inn = f"in {year}"
        by = f"by the end of {year}"
        key = str(year)
    elif kind < 0.8:
        q = rng.randrange(4)
        inn = f"in the {QUARTERS[q]} quarter of {year}"
        by = f"by the end of the {QUARTERS[q]} quarter of {year}"
        key = f"{year}-Q{q + 1}"
    else:
        m = rng.randrange(12)
        inn = f"in {MONTHS[m]} {year}"
        by = f"by {MONTHS[m]} {year}"
        key = f"{year}-{m + 1:02d}"
    return {"key": key, "in": inn, "by": by}


@dataclass
class Fact:
    id: int
    metric: Metric
    subject: str
    period: dict
    value: float
    template: int


def _sentence(rng: random.Random, fact: Fact, value_text: str, template: int | None = None,
              lead: str | None = None, tail: str | None = None) -> str:
    t = fact.metric.templates[fact.template if template is None else template]
    p = fact.period
    lead = rng.choice(LEADS) if lead is None else lead
    tail = rng.choice(TAILS) if tail is None else tail
    text = t.format(
        lead=lead, subj=fact.subject, v=value_text, tail=tail,
        period_in=p["in"].capitalize() if not lead else p["in"], period_in_l=p["in"],
        period_by=p["by"], period_by_c=p["by"].capitalize() if not lead else p["by"],
    )
    return text[0].upper() + text[1:]


def _filler(rng: random.Random, region: str, sector: str) -> str:
    form = rng.random()
    actor = rng.choice(FILLER_ACTORS)
    clause = rng.choice(FILLER_CLAUSES)
    aside = rng.choice(FILLER_ASIDES)
    conn = rng.choice(CONNECTORS)
    if form < 0.5:
        s = f"{conn}{actor.lower() if conn else actor} in {region} {rng.choice(FILLER_VERBS)} that {clause}{aside}."
    elif form < 0.8:
        s = f"{conn}{actor.lower() if conn else actor} following the {sector} sector {rng.choice(FILLER_VERBS)} that {clause}{aside}."
    else:
        s = f"{conn}the {sector} industry of {region} faces a familiar question: whether {clause}{aside}."
    return s[0].upper() + s[1:]


class CorpusGenerator:
    def __init__(self, seed: int = 0, claims_per_doc: float = 3.5, repeat_rate: float = 0.15,
                 conflict_rate: float = 0.35) -> None:
        self.rng = random.Random(seed)
        self.claims_per_doc = claims_per_doc
        self.repeat_rate = repeat_rate
        self.conflict_rate = conflict_rate
        self.facts: list[Fact] = []
        self.stated: dict[int, list[dict]] = {}
        self.conflicts: list[dict] = []
        self.supports: list[dict] = []
        self.statements: list[dict] = []  # every sentence that states a fact, for the benchmark's precision

    def _new_fact(self, sector: str, region: str, year_hi: int) -> Fact:
        rng = self.rng
        metrics = [m for m in METRICS if m.sector == sector] if rng.random() < 0.6 else METRICS
        metric = rng.choice(metrics)
        kind = metric.subjects if metric.subjects != "any" else ("company" if rng.random() < 0.5 else "region")
        if kind == "region":
            subject = region if rng.random() < 0.4 else rng.choice(REGIONS)
        else:
            subject = rng.choice(COMPANIES)
        value = rng.uniform(metric.low, metric.high)
        fact = Fact(len(self.facts), metric, subject, _period(rng, year_hi), value, rng.randrange(len(metric.templates)))
        self.facts.append(fact)
        return fact

    def _claim_sentence(self, doc: str, sector: str, region: str, year_hi: int) -> tuple[str, Fact, str]:
        rng = self.rng
        if self.facts and rng.random() < self.repeat_rate:
            fact = self.facts[rng.randrange(len(self.facts))]
            first = self.stated[fact.id][0]
            if first["doc"] != doc and rng.random() < self.conflict_rate:
                # A planted conflict: the same sentence frame, a value 15-40% off.
                factor = rng.choice([-1, 1]) * rng.uniform(0.15, 0.4)
                vt, v = format_value(fact.metric, fact.value * (1 + factor))
                text = _sentence(rng, fact, vt, template=fact.template, lead="", tail=first["tail"])
                self.conflicts.append({"fact": fact.id, "metric": fact.metric.name, "subject": fact.subject,
                                       "period": fact.period["key"], "a": first, "b": {"doc": doc, "text": text, "value": v}})
                self._state(doc, text, fact, v)
                return text, fact, first["tail"]
            about = rng.random() < 0.3
            vt, v = format_value(fact.metric, fact.value, about=about)
            tail = rng.choice(TAILS)
            text = _sentence(rng, fact, vt, template=fact.template, tail=tail)
            self.supports.append({"fact": fact.id, "a": first, "b": {"doc": doc, "text": text, "value": v}})
            self._state(doc, text, fact, fact.value)
            return text, fact, tail
        fact = self._new_fact(sector, region, year_hi)
        vt, v = format_value(fact.metric, fact.value)
        tail = rng.choice(TAILS)
        text = _sentence(rng, fact, vt, tail=tail)
        self.stated.setdefault(fact.id, []).append({"doc": doc, "text": text, "value": v, "tail": tail})
        self._state(doc, text, fact, fact.value)
        return text, fact, tail

    def _state(self, doc: str, text: str, fact: Fact, value: float) -> None:
        """Record that ``text`` in ``doc`` states ``fact`` with ``value`` (the fact's own value
        but for a planted conflict)."""
        self.statements.append({"doc": doc, "text": text, "fact": fact.id,
                                "key": [fact.metric.name, fact.subject, fact.period["key"]],
                                "planted": value != fact.value})

    def document(self, n: int) -> tuple[str, str]:
        """``(relative path, file text)`` of document number ``n``."""
        rng = self.rng
        fmt = ("txt", "md", "html")[n % 3] if rng.random() < 0.85 else rng.choice(("txt", "md", "html"))
        sector = rng.choice(SECTORS)
        region = rng.choice(REGIONS)
        date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(900))
        path = f"part{n // 1000:03d}/{sector}-{region.lower()}-{n:05d}.{fmt}"
        title = rng.choice(TITLE_FORMS).format(sector=sector.capitalize() if rng.random() < 0.5 else sector, region=region)
        title = title[0].upper() + title[1:]
        n_claims = max(1, int(rng.gauss(self.claims_per_doc, 1.2) + 0.5))
        paragraphs: list[list[str]] = []
        claims: list[tuple[str, Fact]] = []
        while len(claims) < n_claims or not paragraphs:
            para = []
            for _ in range(rng.randint(2, 5)):
                if len(claims) < n_claims and rng.random() < 0.45:
                    text, fact, _ = self._claim_sentence(path, sector, region, date.year)
                    claims.append((text, fact))
                    para.append(text)
                else:
                    para.append(_filler(rng, region, sector))
            paragraphs.append(para)
        takeaways = []
        if claims and rng.random() < 0.4:
            for text, fact in rng.sample(claims, min(len(claims), rng.randint(1, 2))):
                vt, _ = format_value(fact.metric, fact.value)
                if not any(c["b"]["text"] == text for c in self.conflicts[-3:]):
                    takeaways.append(fact.metric.headline.format(subj=fact.subject, v=vt) + f" ({fact.period['in'][3:]})")
                    self._state(path, takeaways[-1], fact, fact.value)
        return path, self._render(fmt, title, date, takeaways, paragraphs)

    @staticmethod
    def _render(fmt: str, title: str, date: dt.date, takeaways: list[str], paragraphs: list[list[str]]) -> str:
        dateline = f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
        if fmt == "txt":
            out = [title, "", f"Published {dateline}", ""]
            if takeaways:
                out += ["Key Takeaways:", *[f"- {t}" for t in takeaways], ""]
            for p in paragraphs:
                out += [" ".join(p), ""]
            return "\n".join(out)
        if fmt == "md":
            out = ["---", f"title: {title}", f"date: {date.isoformat()}", "---", "", f"# {title}", ""]
            if takeaways:
                out += ["## Key takeaways", "", *[f"* {t}" for t in takeaways], ""]
            out += ["## Details", ""]
            for p in paragraphs:
                out += [" ".join(p), ""]
            return "\n".join(out)
        e = html.escape
        out = ["<!DOCTYPE html>", "<html><head>", f"<title>{e(title)}</title>",
               f'<meta name="date" content="{date.isoformat()}">', "</head><body>", f"<h1>{e(title)}</h1>",
               f'<p class="dateline">{dateline}</p>']
        if takeaways:
            out += ["<h2>Key takeaways</h2>", "<ul>", *[f"<li>{e(t)}</li>" for t in takeaways], "</ul>", "<h2>Report</h2>"]
        for p in paragraphs:
            out.append("<p>" + " ".join(e(s) for s in p) + "</p>")
        out.append("</body></html>")
        return "\n".join(out) + "\n"


def generate(out: Path, docs: int, seed: int = 0, claims_per_doc: float = 3.5) -> dict:
    """Write ``docs`` documents and ``manifest.json`` under ``out`` (emptied first); return the manifest."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    gen = CorpusGenerator(seed=seed, claims_per_doc=claims_per_doc)
    files = []
    for n in range(docs):
        rel, text = gen.document(n)
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        files.append(rel)
    manifest = {
        "generator": "bench/generate_corpus.py",
        "seed": seed,
        "documents": docs,
        "claims_per_doc": claims_per_doc,
        "facts": len(gen.facts),
        "planted_conflicts": [_strip(c) for c in gen.conflicts],
        "planted_supports": len(gen.supports),
        "statements": gen.statements,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def _strip(conflict: dict) -> dict:
    c = dict(conflict)
    c["a"] = {k: v for k, v in c["a"].items() if k != "tail"}
    return c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="output folder (emptied first)")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--claims-per-doc", type=float, default=3.5)
    args = ap.parse_args(argv)
    m = generate(Path(args.out), args.docs, args.seed, args.claims_per_doc)
    print(f"{args.docs} documents, {m['facts']} facts, {len(m['planted_conflicts'])} planted conflicts, "
          f"{m['planted_supports']} restatements -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
