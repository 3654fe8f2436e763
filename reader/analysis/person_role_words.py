"""The words around a role's noun or title that belong to the role: the office before a title ("Senate
Majority Leader", "FBI Director") and the lowercase words that narrow a role noun ("campaign manager").
Kept apart from person_roles.py, which reads the roles with them."""

from __future__ import annotations

from reader.analysis import lexicon as lx
from reader.analysis.tokens import Token

# Words of an office before its title, kept in the role: "Senate Majority Leader", "White House Press Secretary".
_OFFICE_QUALIFIERS = lx._words("Majority Minority Press House Senate Assembly Floor Ranking White Communications")


# Lowercase words before a role noun that are no part of the role: "said manager", "the", "of".
_NOT_MODIFIERS = (
    lx.DETERMINERS
    | lx.REPORTING_VERBS
    | lx._words(
        "and or but as with by for from to of in on at about against like than that which who whom whose is was "
        "are were be been being has have had will would could should may might also not when while after before "
        "since because if then so into over under between among including such other another both all some many "
        "most two three four five says said told tells added wrote i you he she we they it what toward towards down "
        "up out off cast took used him them me us now met"
    )
)
# Words in "-ing" that narrow a role ("acting director"); the others are verbs ("naming businesswoman").
_ING_MODIFIERS = lx._words("leading acting outgoing incoming founding managing visiting sitting reigning ruling")


def _role_modifier(word: str) -> bool:
    """A lowercase word that narrows the role noun after it ("campaign" of "campaign manager")."""
    return (
        len(word) > 2
        and word.replace("-", "").isalpha()
        and word not in _NOT_MODIFIERS
        and not word.endswith(("ly", "-old"))
        and (not word.endswith("ing") or word in _ING_MODIFIERS)
    )


def _acronym(token: Token) -> bool:
    """ "CDC" of "CDC Director", "DNC" of "DNC Chair": a body's initials before a title."""
    return 1 < len(token.text) < 6 and token.text.isupper() and token.text.isalpha()
