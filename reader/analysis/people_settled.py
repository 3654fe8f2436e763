"""What is settled about the people of an article once all its name runs are read: a gender from the title
of any mention ("Mr. Ahern"), a word glued to a person's name ("Iron Mike Tyson"), a nickname inside it
('Grant "Twiggy" Baker'), and shorter forms of a name that are the same person ("Hillary Clinton" beside
"Hillary Rodham Clinton", "Von der Leyen"). Kept apart from people.py, which finds the people."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.analysis.names import is_given
from reader.analysis.person_mentions import PersonEntity
from reader.analysis.tokens import PARTICLES

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


def _merge_shortened(people: dict[tuple[str, ...], PersonEntity]) -> None:
    """ "Hillary Clinton" after "Hillary Rodham Clinton", "Donald Trump" beside "Donald J. Trump": one person;
    so is a double surname written alone, "Wasserman Holt" after "Debra Wasserman Holt", when its first
    word is no given name (not "Paul Jones" beside "John Paul Jones") and the first of the full name no plural
    glued on ("For Pensions Ned Lowe" in a run of headings)."""
    longer: dict[tuple[str, str], list[PersonEntity]] = {}
    for key, person in people.items():
        if len(key) > 2:
            longer.setdefault((key[0], key[-1]), []).append(person)
            if len(key) == 3 and not is_given(key[1]) and not (key[0][-1] == "s" and not is_given(key[0])):
                longer.setdefault((key[1], key[2]), []).append(person)
    if not longer:
        return
    for key in [k for k in people if len(k) == 2]:
        owners = longer.get((key[0], key[1]), [])
        if len(owners) != 1:
            continue
        _fold(people.pop(key), owners[0])


def _fold(short: PersonEntity, owner: PersonEntity) -> None:
    """The short form's mentions, name and role become the owner's."""
    owner.aliases.add(short.name)
    owner.mentions.extend(short.mentions)
    owner.mentions.sort()
    owner.first = min(owner.first, short.first)
    owner.role = owner.role or short.role


def _merge_particle_surnames(people: dict[tuple[str, ...], PersonEntity]) -> None:
    """ "Van Persie" after "Robin van Persie", "Von der Leyen" after "Ursula von der Leyen": a surname with a
    particle, capitalised where it opens a sentence, is the person named with it in full."""
    for key in [k for k in people if len(k) > 1 and k[0].lower() in PARTICLES and k[0][:1].isupper()]:
        surname = (key[0].lower(), *key[1:])
        owners = [p for k, p in people.items() if len(k) > len(surname) and k[-len(surname) :] == surname]
        if len(owners) != 1:
            continue
        _fold(people.pop(key), owners[0])
