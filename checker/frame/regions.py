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
    britain, great britain, england, scotland, wales, northern ireland, united states,
    united states of america, us, u.s., usa, u.s.a., america, uruguay, uzbekistan, vanuatu,
    vatican, venezuela, vietnam, yemen, zambia, zimbabwe, hong kong, macau, greenland, puerto rico
    """.split(",")
)

#: States, provinces and territories of some federations and large countries (first-level divisions).
DIVISIONS = frozenset(
    x.strip().lower()
    for x in """
    alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida, hawaii,
    idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, maine, maryland, massachusetts,
    michigan, minnesota, mississippi, missouri, montana, nebraska, nevada, new hampshire, new jersey,
    new mexico, new york state, north carolina, north dakota, ohio, oklahoma, oregon, pennsylvania,
    rhode island, south carolina, south dakota, tennessee, texas, utah, vermont, virginia, washington state,
    west virginia, wisconsin, wyoming,
    alberta, british columbia, manitoba, new brunswick, newfoundland and labrador, nova scotia, ontario,
    prince edward island, quebec, saskatchewan, yukon, nunavut, northwest territories,
    new south wales, queensland, south australia, tasmania, victoria, western australia,
    northern territory,
    baden-wurttemberg, baden-württemberg, bavaria, brandenburg, hesse, lower saxony,
    mecklenburg-vorpommern, north rhine-westphalia, rhineland-palatinate, saarland, saxony,
    saxony-anhalt, schleswig-holstein, thuringia,
    anhui, fujian, gansu, guangdong, guangxi, guizhou, hainan, hebei, heilongjiang, henan, hubei,
    hunan, inner mongolia, jiangsu, jiangxi, jilin, liaoning, ningxia, qinghai, shaanxi, shandong,
    shanxi, sichuan, tibet, xinjiang, yunnan, zhejiang,
    andhra pradesh, assam, bihar, gujarat, haryana, karnataka, kerala, madhya pradesh, maharashtra,
    odisha, punjab, rajasthan, tamil nadu, telangana, uttar pradesh, west bengal,
    catalonia, andalusia, basque country, galicia, lombardy, tuscany, sicily, sardinia, piedmont,
    bavaria, flanders, wallonia, normandy, brittany, provence, alsace, ile-de-france
    """.split(",")
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
    key = " ".join(name.lower().replace("’", "'").split())
    if key.startswith("the "):
        key = key[4:]
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
    key = " ".join(name.lower().replace("’", "'").split())
    if key.startswith("the "):
        key = key[4:]
    return _ALIASES.get(key, key)


def adjective_place(words: str) -> str | None:
    """The place an adjective of place names ("European" -> "europe", "South Korean" -> "south
    korea"), as :func:`canonical_place` writes it; None for any other words."""
    return DEMONYMS.get(" ".join(words.lower().split()))
