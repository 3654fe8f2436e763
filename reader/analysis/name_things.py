"""Companies, groups, places and outlets named like a person ("Goldman Sachs", "Al Qaeda", "Daily Beast"):
a run that ends in one of them names a thing. Kept apart from name_shapes.py, which asks them."""

from __future__ import annotations

from reader.analysis.tokens import Token

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
