"""People named in an article: full names, aliases (surname, given name, possessives), roles, mentions.

A capitalised run is a person when some evidence says so: a known given name, a title (President,
Mr), a role noun before it (reporter, coach), an introduction (named Aleksandr), a reporting verb or
an age after it. Runs that end in an organisation or place word (Kastus Kalinouski Battalion) are
names of things, so the person inside them is not mentioned.
"""

from __future__ import annotations

import re
from itertools import compress

from reader.analysis import lexicon as lx
from reader.analysis.name_context import (
    _COMMA_PLACE,
    _NOUN_ENDS,
    _WORD_ENDS,
    INTRODUCERS,
    _adjacent,
    _kin_of,
    _named_as_thing,
    _team_name,
    _word_before,
    in_heading,
    tagged_place,
    word_shaped,
)
from reader.analysis.name_runs import _join_brackets, _join_nicknames, _single_name, _split_run, _without_suffix
from reader.analysis.name_shapes import (
    GIVEN_PLACES,
    NAME_SUFFIXES,
    NOT_NAME,
    PLACE_PREPOSITIONS,
    chinese_name,
    east_asian_name,
    introduces_a_person,
    opening_place,
    regnal_number,
    takes_a_plural_verb,
)
from reader.analysis.names import is_given
from reader.analysis.org_shapes import of_an_outlet, purpose_starts
from reader.analysis.people_settled import (
    _add_nicknames,
    _drop_glued_firsts,
    _gender_from_titles,
    _merge_particle_surnames,
    _merge_shortened,
)
from reader.analysis.person_mentions import (
    PersonEntity,
    Spans,
    _add_alias_mentions,
    _add_singles,
    _Context,
    _Owners,
)
from reader.analysis.person_role_words import FIRM_ROLES
from reader.analysis.person_roles import _INTRODUCED as _INTRODUCED  # read by the pattern tests
from reader.analysis.person_roles import _LOWER_LEAD_REVERSED as _LOWER_LEAD_REVERSED
from reader.analysis.person_roles import _gender, _office_before, _role, _role_apposition, lexical_surname
from reader.analysis.person_roles import _introduced_role as _introduced_role
from reader.analysis.tokens import ORG_CONNECTORS, PARTICLES, Token, capital_indices, capitalised_runs, token_texts

_AGE = re.compile(r"^,\s*\d{1,3}\s*,")
_NUMBERED = re.compile(r"\b\d+(?:st|nd|rd|th) $")
# Capitalised particles that open Arabic names of three words or more.
_ARABIC_LEADS = frozenset({"Al", "Abu", "Bin", "Ibn", "Abd", "Abdel", "Abdul"})
# Lowercase nouns after a capitalised run that make it a place: "the Kutai Kartanegara district".
_PLACE_NOUN_AFTER = re.compile(r"^ (?:district|province|county|prefecture|region|municipality|village|regency)\b")


_FOLLOWING_WORD = re.compile(r"\s*(?:,[^,]{1,80},\s*)?(?:also\s+|later\s+|then\s+)?(\w+)")
_ITS = re.compile(r",\s+its\b")
# A lowercase word after "Name, Place": the place qualifies a role ("Europe coordinator"), it is no address.
_ROLE_AFTER_PLACE = re.compile(r" [a-z]")
# ``([\w-]+),\s*$`` and ``((?:[a-z][\w-]*\s+){0,3})$`` searched in a window ("child, Gloria" and the
# lowercase words before a name), matched instead at the start of the reversed window (see _word_before).
_ROLE_COMMA_REVERSED = re.compile(r"\s*,([\w-]+)")


def _lower_elsewhere(words_lower: set[str], token: Token) -> bool:
    return token.text.lower() in words_lower


def _context(text: str, tokens: list[Token], quotes: list[tuple[int, int]]) -> _Context:
    # The words not capitalised (those opening with a digit too): all the words less the capitalised
    # tokens', as being capitalised depends on the text alone. Then the word before each reporting verb,
    # found among all the words at C speed; then one pass over the capitalised tokens, a fifth of them.
    texts = token_texts(tokens)
    capitals = capital_indices(tokens)
    words_lower = set(texts)
    words_lower.difference_update(map(texts.__getitem__, capitals))
    said: set[str] = set()
    for j in compress(range(len(texts)), map(lx.REPORTING_VERBS.__contains__, texts)):
        if j and (token := tokens[j - 1]).cap and text[token.end : tokens[j].start] == " ":
            said.add(token.text)  # not "buried at Tamosira Magnet, said Omar Tawfiq"
    mid: set[str] = set()
    if capitals and not capitals[0]:
        capitals = capitals[1:]  # the first word has none before it
    before = map(tokens.__getitem__, map(_BEFORE, capitals))
    for previous, token in zip(before, map(tokens.__getitem__, capitals), strict=True):
        end = previous.end
        gap = token.start - end
        if (gap == 1 and text[end] == " " and previous.text[:1].islower()) or (gap == 2 and text[end] == ","):
            word = token.text  # "In August, Kelly staged"
            if not word[:1].islower():  # "al-Amr" is written in lowercase
                mid.add(word)
    in_org: set[int] = set()
    for run in capitalised_runs(text, tokens, ORG_CONNECTORS):
        if len(run) < 2:
            continue  # most runs: one word is no organisation's name
        words = [t.text for t in run if t.text != "The"]
        if len(words) > 1 and (words[0] in lx.ORG_WORDS or words[-1] in lx.ORG_WORDS):
            cut = of_an_outlet([t.text for t in run]) if "of" in words else 0  # "Ann Bell of Human Rights Watch"
            in_org.update(t.start for t in run[cut:])
    return _Context(words_lower, said, in_org, Spans(quotes), mid)


_BEFORE = (-1).__add__  # an index's predecessor


def _withheld_surname(text: str, run: list[Token]) -> bool:
    """A known given name and one capital letter, the run's end: a suspect or a minor whose surname is
    withheld ("Stefan W."), not a middle initial ("George W. Bush" runs on) nor "Plan B"."""
    first, letter = run[0].text, run[1].text
    if len(letter.rstrip(".")) != 1 or not letter[0].isupper() or letter.startswith("I"):
        return False  # "Cyrus I am": the pronoun
    after = _WITHHELD_AFTER.match(text, run[1].end)
    return after is not None and is_given(first) and first not in NOT_NAME and not run[0].possessive


# After a withheld surname: the clause goes on or ends, not "Charles G. and David H. Koch", "Ann B. (Annie)".
_WITHHELD_AFTER = re.compile(r"(?:[,.;:'’\"”)]|$| (?!and\b|or\b|&)[a-z])")


def _role_noun_and_comma_before(text: str, start: int) -> bool:
    """ "their nine-month-old child, Gloria": a role noun and a comma right before the name at ``start``
    (asked after the set lookup of the given name, as the window's regex costs more)."""
    head = _ROLE_COMMA_REVERSED.match(text[max(0, start - 30) : start][::-1])
    return head is not None and head.group(1)[::-1] in lx.ROLE_NOUNS


def _single_evidence(text: str, token: Token, ctx: _Context) -> bool:
    """``_evidence`` for a run of one word, with no prefix: the tests of it that can apply, in its order."""
    start = token.start
    before = _word_before(text, start)
    if (
        before in lx.ROLE_NOUNS
        and before not in FIRM_ROLES
        and text[max(0, start - len(before) - 2) : start].endswith((f" {before} ", f"\n{before} ", f"{before}, "))
    ):
        return True
    if ctx.in_quote(start):
        return False
    if before.lower() in INTRODUCERS:
        return introduces_a_person(text, text.rfind(before, 0, start), token.end)
    if is_given(token.text) and _role_noun_and_comma_before(text, start):
        return True
    after = text[token.end + (2 if token.possessive else 0) : token.end + 40]
    return after[:1] == "," and bool(_AGE.match(after)) and not in_heading(text, start)


_NAMED = Token("named", 0, 0)  # the prefix of a one-word name with evidence, as a title is another's


def _evidence(text: str, run: list[Token], tail: list[Token], prefix: list[Token], ctx: _Context) -> bool:
    before = _word_before(text, run[0].start)
    after = text[tail[-1].end + (2 if tail[-1].possessive else 0) : tail[-1].end + 40]
    names = [t.text for t in tail]
    if prefix and (any(t.text in lx.TITLES for t in prefix) or _office_before(text, run, prefix)):
        return True
    if opening_place(prefix, tail) or _NUMBERED.search(text, max(0, run[0].start - 8), run[0].start):
        return False  # "In El Geneina,"; "21st Century Wolf", "the 82nd Airborne Division": a numbered thing
    if before in lx.ROLE_NOUNS and text[max(0, run[0].start - len(before) - 2) : run[0].start].endswith(
        (f" {before} ", f"\n{before} ", f"{before}, ")
    ):
        return True  # "critic Bill Kristol", "his wife, Callista", not "... a critic. Hundreds of ...", quoted too
    if len(tail) == 2 and chinese_name(tail, ctx.words_lower) and not in_heading(text, run[0].start):
        return True  # "Hu Jintao", quoted too
    if ctx.in_quote(tail[0].start):
        return is_given(names[0]) and len(tail) > 1
    if before.lower() in INTRODUCERS:
        return introduces_a_person(text, text.rfind(before, 0, run[0].start), tail[-1].end)
    if len(tail) > 2 and any(t.text in PARTICLES for t in tail[1:-1]) and tail[0].text not in NOT_NAME:
        return True  # "Ruud van Nistelrooy", "Mohammed bin Salman"
    if len(tail) > 2 and tail[0].text in _ARABIC_LEADS and not any(_lower_elsewhere(ctx.words_lower, t) for t in tail):
        return True  # "Al Amin Khalifah Fhimah", "Abu Bakr al-Baghdadi"
    if len(tail) == 2 and east_asian_name(tail, 0):
        return True  # "Park Joo-Ho"
    if tail[-1].text[-1:] == "s" and len(tail) > 1 and _team_name(text, run, tail, prefix, before, after):
        return False  # "the Carolina Hawks", "Houston Texans fans"
    if len(tail) == 1:
        # "their nine-month-old child, Gloria": a role noun, a comma, then the name.
        if is_given(names[0]) and _role_noun_and_comma_before(text, run[0].start):
            return True
        # "Syakrani, 24, says": an age after a word with no other reading.
        return after[:1] == "," and bool(_AGE.match(after)) and not prefix and not in_heading(text, run[0].start)
    if after[:1] == "," and tagged_place(after, before):
        return False  # "in Glen Ellyn, Ill.", "in Jackson Hole, Wyoming,"
    if is_given(names[0]):
        return True
    if _PLACE_NOUN_AFTER.match(after):
        return False  # "in East Kalimantan's Kutai Kartanegara district"
    if after[:1] == "," and _role_apposition(text, tail[-1].end, headed=True) is not None:
        return True  # "Taro Okubashi, the Japanese prime minister,"
    if _AGE.match(after):
        return True
    follow = _FOLLOWING_WORD.match(after)
    if follow and follow.group(1) in lx.REPORTING_VERBS:
        return True
    if tail[-1].text in ctx.said and not ctx.in_quote(tail[0].start):
        return True
    adjacent = _adjacent(text, run, prefix, before)
    thing_before = adjacent in lx.THING_NOUNS or adjacent.lower() in lx.DETERMINERS
    if (thing_before and adjacent.lower() != "that") or _ITS.match(after):
        return False  # "the Savage Love column", not "said that Ehud Baram": "that" opens a clause
    if ctx.in_quote(tail[0].start) or tail[0].start in ctx.in_org:
        return False
    if adjacent.lower() in PLACE_PREPOSITIONS and not (adjacent == "of" and _kin_of(text, run[0].start)):
        return False  # "in Cape Canaveral", not "the wife of Soichiro Kuroda"
    place = _COMMA_PLACE.match(after)
    if place and place.group(1) in lx.PLACES and not _ROLE_AFTER_PLACE.match(after, place.end()):
        return False  # "Cape Canaveral, Florida", not "Adriaan Vos, Europe coordinator at ..."
    if len(tail) > 3 or any(_lower_elsewhere(ctx.words_lower, t) for t in tail):
        return False
    if word_shaped(names[0], _WORD_ENDS) or word_shaped(names[-1], _NOUN_ENDS):
        return False  # "Racial Injustice", "Congressional Ball", "Direct Action": words, not names
    return not in_heading(text, run[0].start)  # "Minimum Wage Hike": every word of a heading is capitalised


def find_people(text: str, tokens: list[Token], quotes: list[tuple[int, int]] | None = None) -> list[PersonEntity]:
    ctx = _context(text, tokens, quotes or [])
    bracketed = "] " in text
    runs = _join_brackets(text, capitalised_runs(text, tokens)) if bracketed else capitalised_runs(text, tokens)
    runs, nicknames = _join_nicknames(text, runs)
    people: dict[tuple[str, ...], PersonEntity] = {}
    singles: list[tuple[str, int, int, list[Token]]] = []
    numbered: list[tuple[str, str]] = []  # a one-word name and its regnal number: "Benedict", "XVI"
    unproven: list[tuple[list[Token], list[Token], list[Token], int, str]] = []  # shaped as names, no evidence
    things: set[tuple[str, ...]] = set()  # names the article introduces as things ("a firm called X")
    purposes = purpose_starts(text)
    for whole in runs:
        if purposes and whole[0].start in purposes:
            continue  # "Protect Journalists" of "the Committee to Protect Journalists"
        if len(whole) == 1:  # most runs: decided by the few tests of one word, without building a split
            token = whole[0]
            word = token.text
            if token.cap and _single_name(word, text[max(0, token.start - 3) : token.start]):
                named = _single_evidence(text, token, ctx)
                singles.append((word, token.start, token.end, [_NAMED] if named else []))
            elif word in GIVEN_PLACES:
                singles.append((word, token.start, token.end, []))  # "Paris" of Valeska Paris, maybe
            continue
        if len(whole) == 2 and _withheld_surname(text, whole):
            initialled: tuple[str, ...] = (whole[0].text, whole[1].text.rstrip("."))  # "Stefan W.": withheld
            withheld = people.setdefault(initialled, PersonEntity(initialled, first=whole[0].start))
            withheld.aliases.add(f"{initialled[0]} {initialled[1]}.")
            withheld.mentions.append((whole[0].start, whole[1].end))
            continue
        last = whole[-1].text
        run, suffix = _without_suffix(whole) if last in NAME_SUFFIXES or last[:1] in _NUMERAL_LETTERS else (whole, "")
        split = _split_run(text, run, ctx.words_lower)
        if split is None and lexical_surname(text, run):
            split = ([], run)  # "Lena Day, executive director of ..."
        if split is None:
            if len(run) == 1 and run[0].text in GIVEN_PLACES:
                singles.append((run[0].text, run[0].start, run[0].end, []))  # "Paris" of Valeska Paris, maybe
            continue
        prefix, tail = split
        if len(tail) > 1 and takes_a_plural_verb(text, tail, whole[-1].end):
            continue  # "its owner Chariot Chauffeurs say they": a firm or a group, not one person
        if suffix and len(tail) == 1 and regnal_number(suffix) and (prefix or is_given(tail[0].text)):
            numbered.append((tail[0].text, suffix))  # "Henry VIII": the number says it is a monarch
            singles.append((tail[0].text, tail[0].start, tail[0].end, prefix or [Token("named", 0, 0)]))
            continue
        if not _evidence(text, run, tail, prefix, ctx):
            if len(tail) > 1 and _named_as_thing(text, run, prefix):
                things.add(tuple(t.text for t in tail))
            if len(tail) == 1:
                singles.append((tail[0].text, tail[0].start, tail[0].end, prefix))
            elif len(tail) < 4:
                unproven.append((run, prefix, tail, whole[-1].end, suffix))
            continue
        if len(tail) == 1:
            singles.append((tail[0].text, tail[0].start, tail[0].end, prefix or [Token("named", 0, 0)]))
            continue
        _add_person(text, people, run, prefix, tail, whole[-1].end, suffix, bracketed)
    if unproven:
        titled = [(start, end) for _, start, end, prefix in singles if any(t.text in lx.TITLES for t in prefix)]
        _add_coordinated(text, people, unproven, titled, bracketed, ctx)
    if nicknames:
        _add_nicknames(people, nicknames)
    for key in things & people.keys():
        if people[key].role is None and not is_given(key[0]):
            del people[key]  # "a firm called Oxford Metrica ... Oxford Metrica's services"
    _drop_glued_firsts(people)
    _merge_shortened(people)
    _merge_particle_surnames(people)
    owners = _Owners(people.values())
    _add_singles(text, people, singles, owners, ctx)
    for word, number in numbered:
        if (word,) in people:
            numbered_person = people[(word,)]
            if numbered_person.style:  # "Pope Gregory XIX": known by the name and number
                numbered_person.aliases.add(f"{numbered_person.style} {word}")
                numbered_person.style = ""
            numbered_person.aliases.add(f"{word} {number}")
    _add_alias_mentions(text, tokens, people, owners)
    _gender_from_titles(text, people.values())
    return sorted(people.values(), key=lambda p: p.first)


_NUMERAL_LETTERS = frozenset("IVX")


def _title_only(role: str) -> bool:
    """ "Prof.", "Dr", "Sen.": one title word, which says less than an appositive's role."""
    return " " not in role and (role in lx.TITLES or role in lx.HONORIFICS)


def _add_person(
    text: str,
    people: dict[tuple[str, ...], PersonEntity],
    run: list[Token],
    prefix: list[Token],
    tail: list[Token],
    end: int,
    suffix: str,
    bracketed: bool,
) -> None:
    """A mention of a person named in two words or more, the person made at the first one."""
    key = tuple(t.text for t in tail)
    person = people.get(key)
    if person is None:
        role = _role(text, run, prefix, tail, end)
        before = _word_before(text, run[0].start)
        person = people[key] = PersonEntity(key, role, _gender(key[0], role, prefix, before), first=tail[0].start)
    elif (person.role is None or _title_only(person.role)) and len(person.mentions) < 3:
        # named first with no role, or a title alone ("Prof."), which a later appositive outdoes
        person.role = _role(text, run, prefix, tail, end) or person.role
    if suffix:
        person.aliases.add(f"{person.name} {suffix}")  # "Martin Luther King Jr."
    if bracketed:
        outside = [i for i, t in enumerate(tail) if i and text[t.start - 2 : t.start] == "] "]
        if outside:  # "[George H. W.] Bush": what the speaker said is an alias
            person.aliases.add(" ".join(t.text for t in tail[outside[-1] :]))
    person.mentions.append((tail[0].start, tail[-1].end))


# What joins the names of a list: "Peter Mel, Chris Bertish and Rusty Long".
_LIST_JOINS = (", ", " and ", ", and ", " or ", ", or ")


def _add_coordinated(
    text: str,
    people: dict[tuple[str, ...], PersonEntity],
    unproven: list[tuple[list[Token], list[Token], list[Token], int, str]],
    titled: list[tuple[int, int]],
    bracketed: bool,
    ctx: _Context,
) -> None:
    """Names with no evidence of their own listed next to a person's ("President Kibaki and Raila Odinga"):
    items of one list are of one kind. A list grows from each person found, so each name is looked at once
    or twice more, and only at the few characters between it and the next name."""
    spans = [*titled, *(span for p in people.values() for span in p.mentions)]
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    pending = list(unproven)
    while pending:
        waiting = []
        for item in pending:
            run, prefix, tail, end, suffix = item
            start, stop = tail[0].start, tail[-1].end
            if prefix or tail[-1].possessive or stop != end or in_heading(text, start):
                continue
            if _word_before(text, start).lower() in lx.DETERMINERS:
                continue  # "for the Seventh Circuit and William Landes"
            after = next((j for j in _LIST_JOINS[::-1] if text.startswith(j, stop)), "")
            before = next((j for j in _LIST_JOINS[::-1] if text.endswith(j, 0, start)), "")
            # A comma alone is a list's only with another join on the other side: not "By embracing
            # Super Glass-Steagall, Donald Trump could".
            joined = (after and stop + len(after) in starts and (after != ", " or before)) or (
                before and start - len(before) in ends and (before != ", " or after)
            )
            if not joined:
                waiting.append(item)
                continue
            _add_person(text, people, run, prefix, tail, end, suffix, bracketed)
            starts.add(start)
            ends.add(stop)
        if len(waiting) == len(pending):
            return
        pending = waiting


def mention_index(people: list[PersonEntity]) -> list[tuple[int, int, PersonEntity]]:
    return sorted((s, e, p) for p in people for s, e in p.mentions)
