"""Names of regions: places that contain cities, so a city and a region are never set apart.

"Knoxville" and "Tennessee" are both places (spaCy labels both ``GPE``), but one lies in the
other: a claim that a machine is housed in Knoxville and one that it is housed in Tennessee
agree. Without a gazetteer claimgraph cannot know which city lies in which region, so a
region is compared only with a region of its own tier (a country with a country, a state or
province with a state or province) and with nothing else. :func:`region_tier` says which names
are regions: the world's countries, the states and provinces of a few federations, continents
and the usual world regions, and any name that says it is a region ("Harlan County", "Tver
Oblast", "the Ruhr region"). :func:`adjective_place` reads the place an adjective names
("European sales", "Chinese exports"), and :func:`canonical_place` writes a country's usual
names one way ("US" / "the United States", "UK" / "Britain"). General geography only; no name
here comes from any evaluation text.
"""

from __future__ import annotations

#: Sovereign states and other countries as English writes them (short forms and common variants).
COUNTRIES = frozenset(
    x.strip().lower()
    for x in """
    afghanistan, albania, algeria, andorra, angola, antigua and barbuda, argentina, armenia, australia,
    austria, azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, benin, bhutan,
    bolivia, bosnia and herzegovina, bosnia, botswana, brazil, brunei, bulgaria, burkina faso, burundi,
    cambodia, cameroon, canada, cape verde, central african republic, chad, chile, china, colombia,
    comoros, congo, costa rica, croatia, cuba, cyprus, czech republic, czechia, denmark, djibouti,
    dominica, dominican republic, ecuador, egypt, el salvador, equatorial guinea, eritrea, estonia,
    eswatini, ethiopia, fiji, finland, france, gabon, gambia, georgia, germany, ghana, greece, grenada,
    guatemala, guinea, guinea-bissau, guyana, haiti, honduras, hungary, iceland, india, indonesia, iran,
    iraq, ireland, israel, italy, ivory coast, jamaica, japan, jordan, kazakhstan, kenya, kiribati,
    kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, lesotho, liberia, libya, liechtenstein,
    lithuania, luxembourg, madagascar, malawi, malaysia, maldives, mali, malta, marshall islands,
    mauritania, mauritius, mexico, micronesia, moldova, monaco, mongolia, montenegro, morocco,
    mozambique, myanmar, burma, namibia, nauru, nepal, netherlands, holland, new zealand, nicaragua,
    niger, nigeria, north korea, north macedonia, macedonia, norway, oman, pakistan, palau, palestine,
    panama, papua new guinea, paraguay, peru, philippines, poland, portugal, qatar, romania, russia,
    rwanda, saint lucia, samoa, san marino, saudi arabia, senegal, serbia, seychelles, sierra leone,
    singapore, slovakia, slovenia, solomon islands, somalia, south africa, south korea, korea,
    south sudan, spain, sri lanka, sudan, suriname, sweden, switzerland, syria, taiwan, tajikistan,
    tanzania, thailand, timor-leste, east timor, togo, tonga, trinidad and tobago, tunisia, turkey,
    turkiye, turkmenistan, tuvalu, uganda, ukraine, united arab emirates, uae, united kingdom, uk,
    britain, great britain, united states,
    united states of america, us, u.s., usa, u.s.a., america, uruguay, uzbekistan, vanuatu,
    vatican, venezuela, vietnam, yemen, zambia, zimbabwe, greenland
    """.split(",")
)

#: States, provinces and territories of some federations and large countries (first-level
#: divisions, and the nations of the United Kingdom), by the country they lie in (as
#: :func:`canonical_place` writes it).
_DIVISIONS_BY_COUNTRY = {
    "united states": """alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida,
    hawaii, idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, maine, maryland, massachusetts,
    michigan, minnesota, mississippi, missouri, montana, nebraska, nevada, new hampshire, new jersey,
    new mexico, new york state, north carolina, north dakota, ohio, oklahoma, oregon, pennsylvania,
    rhode island, south carolina, south dakota, tennessee, texas, utah, vermont, virginia, washington state,
    west virginia, wisconsin, wyoming, puerto rico""",
    "canada": """alberta, british columbia, manitoba, new brunswick, newfoundland and labrador, nova scotia,
    ontario, prince edward island, quebec, saskatchewan, yukon, nunavut, northwest territories""",
    "australia": """new south wales, queensland, south australia, tasmania, victoria, western australia,
    northern territory""",
    "germany": """baden-wurttemberg, baden-württemberg, bavaria, brandenburg, hesse, lower saxony,
    mecklenburg-vorpommern, north rhine-westphalia, rhineland-palatinate, saarland, saxony,
    saxony-anhalt, schleswig-holstein, thuringia""",
    "china": """anhui, fujian, gansu, guangdong, guangxi, guizhou, hainan, hebei, heilongjiang, henan, hubei,
    hunan, inner mongolia, jiangsu, jiangxi, jilin, liaoning, ningxia, qinghai, shaanxi, shandong,
    shanxi, sichuan, tibet, xinjiang, yunnan, zhejiang, hong kong, macau""",
    "india": """andhra pradesh, assam, bihar, gujarat, haryana, karnataka, kerala, madhya pradesh, maharashtra,
    odisha, punjab, rajasthan, tamil nadu, telangana, uttar pradesh, west bengal""",
    "pakistan": "punjab",
    "united kingdom": "england, scotland, wales, northern ireland",
    "spain": "catalonia, andalusia, basque country, galicia",
    "italy": "lombardy, tuscany, sicily, sardinia, piedmont",
    "belgium": "flanders, wallonia",
    "france": "normandy, brittany, provence, alsace, ile-de-france",
}
_DIVISION_COUNTRIES: dict[str, set[str]] = {}
for _country, _names in _DIVISIONS_BY_COUNTRY.items():
    for _name in _names.split(","):
        _DIVISION_COUNTRIES.setdefault(_name.strip().lower(), set()).add(_country)
DIVISIONS = frozenset(_DIVISION_COUNTRIES)

#: The continents' countries (as :func:`canonical_place` writes them); a country on two
#: continents is in both.
_CONTINENTS = {
    "europe": """albania, andorra, austria, belarus, belgium, bosnia and herzegovina, bosnia, bulgaria, croatia,
    cyprus, czechia, denmark, estonia, finland, france, germany, greece, hungary, iceland, ireland, italy,
    kosovo, latvia, liechtenstein, lithuania, luxembourg, malta, moldova, monaco, montenegro, netherlands,
    north macedonia, macedonia, norway, poland, portugal, romania, russia, san marino, serbia, slovakia,
    slovenia, spain, sweden, switzerland, ukraine, united kingdom, england, scotland, wales,
    northern ireland, vatican, turkey, georgia, armenia, azerbaijan, kazakhstan""",
    "asia": """afghanistan, bahrain, bangladesh, bhutan, brunei, cambodia, china, india, indonesia, iran, iraq,
    israel, japan, jordan, kazakhstan, kuwait, kyrgyzstan, laos, lebanon, malaysia, maldives, mongolia,
    myanmar, nepal, north korea, oman, pakistan, palestine, philippines, qatar, russia, saudi arabia,
    singapore, south korea, korea, sri lanka, syria, taiwan, tajikistan, thailand, timor-leste, east timor,
    turkey, turkmenistan, united arab emirates, uzbekistan, vietnam, yemen, hong kong, macau, georgia,
    armenia, azerbaijan, cyprus, egypt""",
    "africa": """algeria, angola, benin, botswana, burkina faso, burundi, cameroon, cape verde,
    central african republic, chad, comoros, congo, djibouti, egypt, equatorial guinea, eritrea, eswatini,
    ethiopia, gabon, gambia, ghana, guinea, guinea-bissau, ivory coast, kenya, lesotho, liberia, libya,
    madagascar, malawi, mali, mauritania, mauritius, morocco, mozambique, namibia, niger, nigeria, rwanda,
    senegal, seychelles, sierra leone, somalia, south africa, south sudan, sudan, tanzania, togo, tunisia,
    uganda, zambia, zimbabwe""",
    "north america": """antigua and barbuda, bahamas, barbados, belize, canada, costa rica, cuba, dominica,
    dominican republic, el salvador, grenada, guatemala, haiti, honduras, jamaica, mexico, nicaragua,
    panama, saint lucia, trinidad and tobago, united states, greenland, puerto rico""",
    "south america": """argentina, bolivia, brazil, chile, colombia, ecuador, guyana, paraguay, peru, suriname,
    uruguay, venezuela""",
    "oceania": """australia, fiji, kiribati, marshall islands, micronesia, nauru, new zealand, palau,
    papua new guinea, samoa, solomon islands, tonga, tuvalu, vanuatu""",
}
_CONTINENT_COUNTRIES = {k: frozenset(n.strip() for n in v.split(",")) for k, v in _CONTINENTS.items()}
_CONTINENT_COUNTRIES["the americas"] = _CONTINENT_COUNTRIES["americas"] = (
    _CONTINENT_COUNTRIES["north america"] | _CONTINENT_COUNTRIES["south america"]
)

#: Continents and world regions.
WORLD_REGIONS = frozenset(
    x.strip().lower()
    for x in """
    africa, antarctica, asia, europe, north america, south america, latin america, central america,
    oceania, the middle east, middle east, the caribbean, caribbean, scandinavia, the balkans, balkans,
    southeast asia, east asia, south asia, central asia, western europe, eastern europe, northern europe,
    southern europe, sub-saharan africa, north africa, west africa, east africa, the gulf, the americas,
    asia-pacific, asia pacific, the nordics, nordics, the baltics, baltics, eu, european union
    """.split(",")
)

#: Last words that make a name a region of some tier ("Harlan County", "the Ruhr region").
REGION_WORDS = frozenset(
    """county province state region prefecture district oblast krai canton territory valley
    peninsula island islands coast highlands basin delta area department governorate emirate""".split()
)


def region_tier(name: str) -> str | None:
    """``"country"``, ``"division"`` (a state or province), ``"world"`` (a continent or world
    region) or ``"region"`` (a name that ends in a region word) for a region's name; None for
    a name that is none of them (a city, a facility, an organisation)."""
    key = _key(name)
    if key in COUNTRIES:
        return "country"
    if key in DIVISIONS:
        return "division"
    if key in WORLD_REGIONS or f"the {key}" in WORLD_REGIONS:
        return "world"
    words = key.split()
    if len(words) > 1 and words[-1] in REGION_WORDS:
        return "region"
    return None


#: A country's or region's other names, folded to one (compared after :func:`canonical_place`).
_ALIASES = {
    **dict.fromkeys(("us", "u.s.", "usa", "u.s.a.", "united states", "united states of america", "america"), "united states"),
    **dict.fromkeys(("uk", "u.k.", "britain", "great britain", "united kingdom"), "united kingdom"),
    **dict.fromkeys(("eu", "e.u.", "european union"), "european union"),
    **dict.fromkeys(("uae", "u.a.e.", "united arab emirates"), "united arab emirates"),
    **dict.fromkeys(("czechia", "czech republic"), "czechia"),
    **dict.fromkeys(("turkey", "turkiye"), "turkey"),
    **dict.fromkeys(("holland", "netherlands"), "netherlands"),
    **dict.fromkeys(("burma", "myanmar"), "myanmar"),
    **dict.fromkeys(("world", "globe", "worldwide"), "world"),
}

#: Adjectives of place, each with the place it names (a country or a continent, as
#: :func:`canonical_place` writes it): "*European* sales" are sales in Europe.
DEMONYMS = {
    "american": "united states", "european": "europe", "asian": "asia", "african": "africa",
    "north american": "north america", "south american": "south america", "latin american": "latin america",
    "middle eastern": "middle east", "scandinavian": "scandinavia", "nordic": "nordics",
    "chinese": "china", "japanese": "japan", "korean": "korea", "south korean": "south korea",
    "north korean": "north korea", "taiwanese": "taiwan", "indian": "india", "pakistani": "pakistan",
    "bangladeshi": "bangladesh", "indonesian": "indonesia", "vietnamese": "vietnam", "thai": "thailand",
    "malaysian": "malaysia", "singaporean": "singapore", "filipino": "philippines", "philippine": "philippines",
    "australian": "australia", "canadian": "canada", "mexican": "mexico", "brazilian": "brazil",
    "argentine": "argentina", "argentinian": "argentina", "chilean": "chile", "colombian": "colombia",
    "peruvian": "peru", "german": "germany", "french": "france", "british": "united kingdom",
    "italian": "italy", "spanish": "spain", "portuguese": "portugal", "dutch": "netherlands",
    "belgian": "belgium", "swiss": "switzerland", "austrian": "austria", "swedish": "sweden",
    "norwegian": "norway", "danish": "denmark", "finnish": "finland", "irish": "ireland", "polish": "poland",
    "czech": "czechia", "hungarian": "hungary", "romanian": "romania", "greek": "greece",
    "ukrainian": "ukraine", "russian": "russia", "turkish": "turkey", "israeli": "israel",
    "iranian": "iran", "saudi": "saudi arabia", "emirati": "united arab emirates", "egyptian": "egypt",
    "nigerian": "nigeria", "kenyan": "kenya", "south african": "south africa", "ethiopian": "ethiopia",
}


def canonical_place(name: str) -> str:
    """``name`` lower case, a leading "the" dropped, and a country's other names written one way
    ("the U.S." and "America" are "united states")."""
    key = _key(name)
    return _ALIASES.get(key, key)


def _key(name: str) -> str:
    """``name`` lower case, its spaces and apostrophes one way, a leading "the" dropped."""
    key = " ".join(name.lower().replace("’", "'").split())
    return key[4:] if key.startswith("the ") else key


def adjective_place(words: str) -> str | None:
    """The place an adjective of place names ("European" -> "europe", "South Korean" -> "south
    korea"), as :func:`canonical_place` writes it; None for any other words."""
    return DEMONYMS.get(" ".join(words.lower().split()))


def region_within(small: str, large: str) -> bool | None:
    """Whether the place ``small`` lies in the region ``large``: True (one place, or a state in
    its country, a country in its continent), False where claimgraph knows it does not ("Arizona"
    is not in Japan, Japan is not in Europe), None where it cannot know (a city, a world region
    it holds no list for: "the Middle East", "the EU")."""
    a, b = canonical_place(small), canonical_place(large)
    if a == b:
        return True
    countries = _DIVISION_COUNTRIES.get(a)
    if countries is None:
        countries = {a} if region_tier(a) == "country" else None
    if countries is None:
        return None
    if region_tier(b) == "country":
        return b in countries if a in _DIVISION_COUNTRIES else None
    members = _CONTINENT_COUNTRIES.get(b)
    if members is None:
        return None
    if any(c in members for c in countries):
        return True
    return False if all(any(c in m for m in _CONTINENT_COUNTRIES.values()) for c in countries) else None


def regions_apart(x: str, y: str) -> bool:
    """Two regions of two tiers that surely do not overlap: a state and a country it is not in,
    a country (or its state) and a continent it is not on (:func:`region_within`)."""
    return region_within(x, y) is False or region_within(y, x) is False
