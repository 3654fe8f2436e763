"""Companies, groups, places and outlets named like a person ("Goldman Sachs", "Al Qaeda", "Daily Beast"),
and the first and last words that make a run a thing's name ("Hurricane ...", "... Bulletin", "El ..."):
a run that ends in one of them names a thing. Kept apart from name_shapes.py, which asks them."""

from __future__ import annotations

from reader.analysis import lexicon as lx
from reader.analysis.tokens import Token

# Last words that name a thing whoever is named before them.
THING_TAILS = lx._words(
    "Business Paper Newspaper Bulletin Gazette Tribune Times Journal Magazine Newsletter Platform High Paralympics "
    "Olympics Games Experience Underground Festival Awards Prize Trophy Cup Bowl Tour Show Series Cathedral "
    "Stadium Arena Airport Highway Bridge Sport Sports "
    # companies, plans, treaties, movements and regions named like people ("Goldman Sachs" is not among them)
    "Chemical Chemicals Pictures Communications Stores Capital Markets Analytics Insider Politics Watch Matter "
    "Partnership Plan Agreement Accord Initiative Doctrine Dialogue Revolution Belt Classics Pharmaceuticals "
    "Airlines Energy Petroleum Motors Electric Foods Brands Entertainment Ventures Solutions Software Robotics "
    "Insights Cable Mobil Dynamics Aerospace Financial Securities Investments Insurance Realty Hotels Resorts "
    "Casino Casinos Enterprise Scientific Brewing Brewery Promotions Brothers "
    # polls, effects, laws, eras, medals and days named after someone or shaped like a name
    "Poll Polls Effect Amendment Depression Recession Eve Medal Transcript Circle Motorsports Motorsport Racing "
    "Album Performance War Ranch Shoal Forest Reef Canyon Creek Glacier Sound Factor Bowls "
    # producers, charities, resorts, contests, causes and shows named after someone ("Wetfly Productions")
    "Productions Production Ministries Resort Resorts Contest Music Rights Growth Progress Owners "
    "Patriot "
    # bills, laws, campaigns and flights named after someone ("Brady Bill", "Brady Campaign", "Adam Air Flight")
    "Bill Act Code Campaign Flight "
    # leagues named by their sport ("Major League Baseball", "Major League Soccer")
    "Baseball Football Soccer Basketball Hockey Rugby Cricket "
    # shows and bulletins named after their outlet or host ("Globepost Live", "Harbour Download")
    "Live Download Podcast Tonight "
    # schools named after a person or place ("Carmel Elementary", as "Roosevelt High")
    "Elementary Primary Secondary Middle "
    # legal forms of companies ("Harbour Logistics GmbH", "Kovel Holdings Pty")
    "GmbH AG SA NV BV Pty plc PLC LLP Tbk Bhd SpA"
)
# First words of bodies and places in other languages: "Colegio Preciosa Sangre", "Feria Nacional del Calzado".
FOREIGN_BODY_LEADS = lx._words(
    "Colegio Escuela Universidad Universidade Instituto Istituto Museo Banco Banca Partido Iglesia Teatro Feria "
    "Fonda Parque Avenida Calle Estadio Plaza Piazza Palazzo Chiesa Rue Université Musée École Lycée Collège "
    "Real Atlético Atletico Deportivo Sporting Stade Hotel Hospital Mercado "
    # the legal form of a company put first ("PT Hutama Karya", "OAO Gazprom Neft")
    "PT OAO PAO OOO JSC"
)
# First words of places in other languages before a particle: "Punta de Lobos", "Rio de Janeiro", "Casa de
# Piedra" (not "Rio Ferdinand": without the particle they may be names). Outlets ("Estado de Sao Paulo") are
# left to the organisation finder, which reads them after "newspaper" only when they are people.
PARTICLE_LEADS = lx._words(
    "Rio Punta Casa Isla Playa Costa Sierra Monte Cerro Bahia Villa Valle Cabo Praia Porto Ilha Lago Vila "
    "Ciudad Sao São Torre Castillo Castello"
)
# Outlet words that are also surnames (Emily Post, Ringo Starr's Star): a thing only without a given name.
OUTLET_TAILS = lx.OUTLET_WORDS - THING_TAILS
# First words of place names: "El Geneina", "San Pedro Sula", "Port Moresby" ("Al" is a given name too).
PLACE_LEADS = lx._words(
    "El La Las Los San Santa Santo Port Fort Mount Lake Cape Saint St St. Puerto Ciudad Tel Addis Grand"
)
# First words of storms, awards, ships and other things named like a person: "Hurricane Katrina", "Best Folk
# Album", "HMS Queen Elizabeth".
THING_LEADS = lx._words(
    "Hurricane Typhoon Cyclone Storm Tropical Tornado Best Outstanding HMS USS RMS HMAS HMCS USNS MV"
)
# Last words of outlets named in more than one word ("Der Spiegel", "Agence France-Presse").
_OUTLET_LASTS = frozenset(name.split()[-1] for name in lx.KNOWN_OUTLETS if " " in name)

# Well-known companies, groups and places shaped like a person's name ("Goldman Sachs", "Al Qaeda").
KNOWN_THINGS = frozenset(
    {
        "Goldman Sachs",
        "Morgan Stanley",
        "Wells Fargo",
        "Bear Stearns",
        "Merrill Lynch",
        "Charles Schwab",
        "Dow Jones",
        "Credit Suisse",
        "Coca Cola",
        "JPMorgan Chase",
        "Anheuser Busch",
        "Hewlett Packard",
        "Rolls Royce",
        "Harley Davidson",
        "Mercedes Benz",
        "Louis Vuitton",
        "Marks Spencer",
        "Lloyds Banking",
        "Al Qaeda",
        "Boko Haram",
        "Ku Klux Klan",
        "Black Lives Matter",
        "Ansar al-Sharia",
        "Charlie Hebdo",
        "Sports Illustrated",
        "Capitol Hill",
        "Tel Aviv",
        "Terre Haute",
        "Addis Ababa",
        "Sri Lanka",
        "Costa Rica",
        "Buenos Aires",
        "Kuala Lumpur",
        "Abu Dhabi",
        "Ho Chi Minh",
        "Grand Prix",
        "Grand Slam",
        "Cinco de Mayo",
        "Christmas Eve",
        # football clubs named like people
        "Aston Villa",
        "Sheffield Wednesday",
        "Hamilton Academical",
        # outlets named like people that the outlet list does not hold
        "Plain Dealer",
        "Roll Call",
        "Hot Air",
        "Daily Beast",
        "Daily Caller",
        "Free Beacon",
        "Drudge Report",
    }
)
_KNOWN_BY_FIRST: dict[str, list[list[str]]] = {}
for _thing in KNOWN_THINGS:
    _words_of = _thing.replace("-", " ").split()
    _KNOWN_BY_FIRST.setdefault(_words_of[0], []).append(_words_of)
# Tokens that may open a known thing, hyphened ones whole ("Coca-Cola", "Anheuser-Busch") as well.
_KNOWN_FIRSTS = (
    frozenset(_KNOWN_BY_FIRST)
    | frozenset(t for thing in KNOWN_THINGS for t in thing.split() if "-" in t and t.split("-")[0] in _KNOWN_BY_FIRST)
    | frozenset(f"{w[0]}-{w[1]}" for w in (t.split() for t in KNOWN_THINGS) if len(w) > 1)
)


def _known_thing(run: list[Token]) -> bool:
    """Whether the run ends in a known company, group or place named like a person ("Goldman Sachs").

    Before a title it is only the person's employer: "Hewlett-Packard CEO Dana Corwin".
    """
    for token in run:
        if token.text in _KNOWN_FIRSTS:
            break
    else:
        return False  # the usual case, decided without building the words
    words = " ".join(t.text for t in run if t.text != "&").replace("-", " ").split()
    for index, word in enumerate(words):
        for thing in _KNOWN_BY_FIRST.get(word, ()):
            if words[index : index + len(thing)] == thing and index + len(thing) >= len(words) - 1:
                return True
    return False
