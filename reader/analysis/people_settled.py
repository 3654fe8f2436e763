"""What is settled about the people of an article once all its name runs are read: a gender from the title
of any mention ("Mr. Ahern"), a word glued to a person's name ("Iron Mike Tyson"), a nickname inside it
('Grant "Twiggy" Baker'). Kept apart from people.py, which finds the people."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.analysis.names import is_given
from reader.analysis.person_mentions import PersonEntity

_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+$")


def _gender_from_titles(text: str, people: Iterable[PersonEntity]) -> None:
    """A person's gender from the title any of their mentions has ("Mr. Ahern" for Bertie Ahern, whose
    given name the census gives no gender): it outweighs the given name's usual one."""
    for person in people:
        said = set()
        for start, _end in person.mentions:
            title = _TITLE_BEFORE.search(text, max(0, start - 6), start)
            if title is not None:
                said.add("m" if title.group(1) in ("Mr", "Sir", "Lord") else "f")
        if len(said) == 1:
            person.gender = said.pop()


def _drop_glued_firsts(people: dict[tuple[str, ...], PersonEntity]) -> None:
    """ "Fault Ted Cruz", "Iron Mike Tyson": three words whose first is no given name and whose last two
    name a person of the article are that person, with a word glued on (a headline's, a nickname)."""
    for key in [k for k in people if len(k) == 3 and k[1:] in people and is_given(k[1]) and not is_given(k[0])]:
        glued, person = people.pop(key), people[key[1:]]
        person.mentions.extend((start + len(key[0]) + 1, end) for start, end in glued.mentions)
        person.first = min(person.first, glued.first + len(key[0]) + 1)
        person.role = person.role or glued.role


def _add_nicknames(people: dict[tuple[str, ...], PersonEntity], nicknames: dict[int, tuple[str, int]]) -> None:
    """'Grant "Twiggy" Baker': the name with its nickname is an alias of the person named without it."""
    for person in people.values():
        for _, end in person.mentions:
            found = nicknames.get(end)
            if found is not None and len(person.tokens) > found[1]:
                nick, after = found
                words = person.tokens
                person.aliases.add(" ".join([*words[:-after], f'"{nick}"', *words[-after:]]))
