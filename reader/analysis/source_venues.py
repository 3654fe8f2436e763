"""Sources named as venues, documents and sharers (told The Guardian, said on Fox News, a report by Human
Rights Watch, documents seen by Reuters, per the Census Bureau), and the collector's state: the sources found
and how a body no finder knows is added."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress
from operator import itemgetter

from reader.analysis import lexicon as lx
from reader.analysis.names import is_given
from reader.analysis.orgs import DOMAIN, OrgEntity
from reader.analysis.people import PersonEntity
from reader.analysis.quotes import MASK
from reader.analysis.source_words import _BARE_OBJECT, _NOT_BODY_WORDS, _OPENING_WORDS, _OUTLET_NOUN
from reader.analysis.speakers import REACH, Attributor
from reader.analysis.tokens import ABBREVIATIONS, is_word_char, matches_from, token_texts, word_offsets
from reader.models import Source

# Word alternations are grouped by first letter, each letter then checked for a word boundary before it
# (``(?<!\w.)``): the regex engine skips to those letters instead of trying ``\b`` at every position.
# Same matches as ``\b(?:shared|reported|published|posted|provided|released|compiled|gathered|quoted|cited|obtained|
# seen|reviewed|revealed|announced|asked|confirmed|claimed|disclosed) by\s+`` ("a letter obtained by The Canadian
# Press", "documents seen by Reuters", "the discovery was announced by the Supreme Council of Antiquities").
_BY = re.compile(
    r"(?:s(?<!\w.)hared|r(?<!\w.)(?:eported|eleased)|p(?<!\w.)(?:ublished|osted|rovided)|c(?<!\w.)(?:ompiled|ited)"
    r"|g(?<!\w.)athered|q(?<!\w.)uoted|o(?<!\w.)btained|s(?<!\w.)een|r(?<!\w.)(?:eviewed|evealed)"
    r"|a(?<!\w.)(?:nnounced|sked)|c(?<!\w.)(?:onfirmed|laimed)|d(?<!\w.)isclosed) by\s+"
)  # and "asked by": "when asked by host Ada Quist whether", the one who puts the question
# A document or finding and the body it is by: "a report by Human Rights Watch", "figures from the Office
# for National Statistics", "a statement from Amtrak". Found from each " by " and " from " (str.find),
# as a regex of the nouns would be tried at every "a", "e", "r" or "s" of the text.
FINDING_NOUNS = lx._words(
    "report reports study studies survey surveys statement statements statistics poll polls analysis estimate "
    "estimates figures research"
)
_CONDUCTED = ("conducted", "commissioned", "compiled")


_AS_SAYING = (" as saying", " as telling", " as stating")
# "The Times quoted Ada Quist as saying", "Ada Quist was quoted by the Times as saying": who is quoted.
_QUOTED_NAME = re.compile(r"\bquot(?:ed|es|ing)\s+(?:the\s+)?$")
_NAME_QUOTED = re.compile(  # after an appositive or "who" too: "Ada Quist, manager of the Harbour Inn, is quoted"
    r"(?:,[^,]{1,80},|,\s+who)?\s+(?:was|is|were|are|has been|had been|is being)\s+(?:widely\s+)?quoted\b"
)


def _quoted_as(text: str) -> Iterator[int]:
    """The offset of each " as saying" (" as telling", " as stating"), found by str.find."""
    for link in _AS_SAYING:
        at = text.find(link)
        while at >= 0:
            yield at
            at = text.find(link, at + 1)


def _findings_by(text: str) -> Iterator[int]:
    """The offset after each "<finding noun> by " or "<finding noun> from "."""
    for link in (" by ", " from "):
        at = text.find(link)
        while at >= 0:
            word = text[text.rfind(" ", 0, at) + 1 : at]
            if word in _CONDUCTED:  # "a poll conducted by Edison Research", "research commissioned by the Fund"
                word = text[text.rfind(" ", 0, at - len(word) - 1) + 1 : at - len(word) - 1]
            if word.lower() in FINDING_NOUNS:
                yield at + len(link)
            at = text.find(link, at + 1)


# The letters before a " by": the word that _BY is tried at, when a verb of it (none is this long) ends there.
_LETTERS_BEFORE = re.compile(r"[a-z]{1,24}$")


def _credited_by(text: str) -> Iterator[re.Match[str]]:
    """The matches of _BY, tried only at the word before each " by" (str.find): scanning the whole text
    for the verbs' first letters costs more."""
    at = text.find(" by")
    while at >= 0:
        word = _LETTERS_BEFORE.search(text, max(0, at - 24), at)
        match = _BY.match(text, word.start()) if word is not None else None
        if match is not None:
            yield match
        at = text.find(" by", at + 3)


_BARE_BY = ("reported", "published", "announced", "confirmed", "revealed", "disclosed")
_BY_REACH = 4  # words between "by" and the name it credits ("shared by the former senator Ann Lee")
_GROUP = re.compile(
    r"(the (?:community|group|network|coalition|union|association|collective|team|committee|council|alliance|"
    r"society|federation) of [a-z][a-z -]{2,60}?)(?=\s+(?:who|which|that|and|in|on|at|for)\b|[,.;:]|$)"
)
# An outlet's kind before its name: "said to the news agency Reuters", "told the newspaper Le Monde".
_TO = re.compile(  # \b(?:told|tells|telling|tell|remarks to|remarked to|said to|explained to|statements? to|
    # interviews? (a few words)? with|aired on|broadcast on|speaking to|spoke to|talking to|talked to|
    # (?:said|says|speaking|spoke|appeared|appearing|
    # writing|wrote|writes) (?:on|in)|(?:reported|published)(?: online)? in|Speaking to|Talking to|Writing in)\s+,
    # emails? to|e-mails? to|op-?ed (?:for|in)|column for|essay in|article for ..., grouped by first letter
    r"(?:t(?<!\w.)(?:old|ells|elling|ell|alking to|alked to)|r(?<!\w.)(?:emarks to|emarked to|eported(?: online)? in)"
    r"|p(?<!\w.)ublished(?: online)? in"
    r"|s(?<!\w.)(?:aid to|tatements? to|peaking to|poke to|(?:aid|ays|peaking|poke) (?:on|in))|e(?<!\w.)xplained to"
    r"|i(?<!\w.)nterviews? (?:[a-z]{1,12} ){0,3}?with|e(?<!\w.)-?mails? to|a(?<!\w.)(?:ppeared|ppearing) (?:on|in)"
    r"|a(?<!\w.)ired (?:[a-z]{1,12} )?on|b(?<!\w.)roadcast (?:[a-z]{1,12} )?on"
    r"|w(?<!\w.)(?:riting|rote|rites) (?:on|in)"
    r"|a(?<!\w.)dd(?:ed|ing|s)? to|S(?<!\w.)peaking to|T(?<!\w.)alking to|W(?<!\w.)riting in"
    r"|o(?<!\w.)p-?ed (?:for|in)|c(?<!\w.)(?:olumn|ommentary) (?:for|in)|e(?<!\w.)(?:ssay|ditorial) (?:for|in)"
    r"|a(?<!\w.)rticle for)\s+"
    rf"(?=(?:the\s+)?(?:{_OUTLET_NOUN}\s+)?(?:[a-z]{{1,3}}-)?[A-Z])"  # only before a name: "said in March" is no venue
)
# Every alternative of _TO opens with one of these: the pattern opens with a dozen letters, each tried at
# most letters of a text, so it is matched only where one of these words is found (str.find).
_TO_STEMS = (
    *("told", "tell", "talk", "remark", "reported", "published", "said", "says", "statement", "speaking"),
    *("spoke", "explained", "email", "e-mail", "interview", "appear", "aired", "add", "broadcast", "writ"),
    *("wrote", "Speaking", "Talking", "Writing", "op-ed", "oped", "column", "commentary", "essay", "editorial"),
    "article for",
)


# The lowercase words of _TO's alternatives, each with the stem that finds it. A match opens a word (no
# word character before it) that ends where its alternative's does, at a space (or the "-" of "e-mail"),
# so it is a whole run of lowercase letters: a stem can find a match only where one of its words is among
# the text's ``lower_runs``. The stems of other words ("add" of three letters, the "e" of "e-mail", the
# capitalised "Speaking") are always looked for.
_TO_WORDS_OF = {
    **{"told": "told", "tell": "tell tells telling", "talk": "talking talked", "remark": "remarks remarked"},
    **{"reported": "reported", "published": "published", "said": "said", "says": "says"},
    **{"statement": "statement statements", "speaking": "speaking", "spoke": "spoke", "explained": "explained"},
    **{"email": "email emails", "interview": "interview interviews", "appear": "appeared appearing"},
    **{"aired": "aired", "broadcast": "broadcast", "writ": "writing writes", "wrote": "wrote"},
    **{"column": "column", "commentary": "commentary", "essay": "essay", "editorial": "editorial"},
    **{"oped": "oped", "article for": "article"},
}
_TO_WORDS = {word: stem for stem, words in _TO_WORDS_OF.items() for word in words.split()}
_TO_ALWAYS = frozenset(stem for stem in _TO_STEMS if stem not in _TO_WORDS_OF)  # "add", "e-mail", "Speaking"...


def venue_cues(masked: str, runs: set[str]) -> Iterator[re.Match[str]]:
    """The matches of ``_TO.finditer(masked)``; ``runs`` are the text's ``lower_runs``."""
    present = {_TO_WORDS[word] for word in runs.intersection(_TO_WORDS)} | _TO_ALWAYS
    return matches_from(_TO, masked, [stem for stem in _TO_STEMS if stem in present])


_VENUE = re.compile(
    rf"(?:the\s+)?(?:{_OUTLET_NOUN}\s+)?((?:[a-z]{{1,3}}-)?[A-Z][\w.&'’-]*(?:\s+(?:of|and|the|[A-Z][\w.&'’-]*))*)"
)
# "told Newshour in a telephone interview", "told local television station KVTV": the name told, when no finder
# knows it, is an outlet.
_OUTLET_BEFORE = re.compile(rf"{_OUTLET_NOUN}\s+$")
_IN_INTERVIEW = re.compile(r"\s+in (?:an|a \w+) interview\b")
_SITE = re.compile(r"\s*([a-z][\w-]{1,40}(?:\.[\w-]{1,40}){0,2}\.(?:com|org|net|co\.uk|com\.au|ca))\b(?!\.\w)")
_AIRED = re.compile(r"\b(?:aired|broadcast)(?: [a-z]+)? on\s+$")  # what is aired on a name is aired by an outlet
_POSSESSIVE_WORD = re.compile(r"['’]s(?: |\Z)")  # a possessive inside a name: "New York's AM 970"
# "by his publicist, Ada Quist", "by a spokesman, Piet Vorn": a lowercase role, a comma and a name.
_ROLE_THEN_NAME = re.compile(r"((?:his|her|their|its|the|a|an)(?:\s+[a-z-]+){1,3}),\s+(?=[A-Z])")
_PER = re.compile(r"(?<=[\s(,])per\s+(?=(?:the\s+)?[A-Z])")
# A lowercase noun after a name ("the New York attorney general"), not a preposition or clause word.
_LOWER_NEXT = re.compile(
    r" (?!(?:on|in|at|for|that|and|after|before|last|this|to|as|with|from|of|who|which|when|since|during) )[a-z]"
)


_FIRST_LETTER = itemgetter(slice(None, 1))  # a text's [:1]


class SourceFinder:
    """The sources found so far, and the finders of venues, documents and sharers."""

    def __init__(self, att: Attributor) -> None:
        self.att = att
        self.found: dict[str, Source] = {}
        self._lower: set[str] | None = None
        self._listed: set[int] | None = None  # ids of the people the people finder listed
        self._agents: bool | None = None  # whether the article has a spokesperson, officials or a statement

    def add_entity(self, entity: object) -> None:
        if getattr(entity, "name", "").casefold() in self.found:
            return  # already a source: most speakers and subjects are named more than once
        if isinstance(entity, OrgEntity):
            self._add(entity.name, entity.kind, tuple(sorted(entity.aliases)), tuple(entity.mentions))
        elif isinstance(entity, PersonEntity):
            self._add(entity.name, "person", tuple(sorted(entity.aliases)), tuple(entity.mentions))

    def _add(self, name: str, kind: str, aliases: tuple[str, ...], mentions: tuple) -> None:
        if name.casefold() not in self.found:
            self.found[name.casefold()] = Source(name=name, kind=kind, aliases=aliases, mentions=mentions)

    def orgs_in(self, start: int, end: int) -> list[OrgEntity]:
        hits = [m for m in self.att.mentions_within(start, end) if m[2] == 1]
        return [m[3] for m in hits if self.att.masked[m[0]] != MASK]

    def _name_only(self, entity: object) -> bool:
        """A single word the cue reading took for a name though the people finder did not list it, with no
        title and not a given name ("according to Gallup", "Pew found"): more often a body than a person. So are
        several such words when one of them is an ordinary word of the article ("Human Rights Watch")."""
        if not isinstance(entity, PersonEntity) or entity.gender is not None:
            return False
        if self._listed is None:
            self._listed = {id(p) for p in self.att.people}
        if id(entity) in self._listed or any(is_given(word) for word in entity.tokens):
            return False
        # "Human Rights Watch": several words, one of them an ordinary word of the article
        return len(entity.tokens) == 1 or any(w.lower() in self._lowercase_words() for w in entity.tokens)

    @staticmethod
    def _mention_in(entity: object, start: int, end: int) -> tuple[int, int]:
        mentions: list[tuple[int, int]] = getattr(entity, "mentions", [])
        return next(((s, e) for s, e in mentions if start <= s and e <= end), mentions[-1])

    def _lowercase_words(self) -> set[str]:
        """The words the article writes in lowercase, gathered once and only when asked."""
        if self._lower is None:  # picked at C speed, as in people._context
            texts = token_texts(self.att.tokens)
            self._lower = set(compress(texts, map(str.islower, map(_FIRST_LETTER, texts))))
        return self._lower

    def _bare_body(self, start: int, end: int, outlet: bool = False) -> None:
        """A country or body that neither finder listed, credited by name: a source of its own (an outlet
        when ``outlet`` says so or its name does)."""
        name = self.att.body[start:end]
        start, end = start + len(name) - len(name.lstrip()), start + len(name.rstrip())
        words = name.split()
        while len(words) > 1 and (words[0] in _OPENING_WORDS):
            start = self.att.body.index(words[1], start + len(words[0]))  # "As POLITICO revealed"
            words.pop(0)
        if (
            words[-1].endswith(".")
            and words[-1] not in ABBREVIATIONS
            and ("." not in words[-1][:-1] or DOMAIN.match(words[-1][:-1]))
        ):
            end -= 1  # "according to Gallup.", "said Tchadinfos.com.": the sentence's full stop is not the name's
            words[-1] = words[-1][:-1]
        name = self.att.body[start:end]
        if len(name) < 2:
            return  # "statements from U.S. representatives" cut at "U.": no body is one letter
        if re.search(r"['’]s$", words[-1]):
            return  # "Israel's army said": the possessor is not the one who speaks
        if len(words) > 1 and words[-1] == "Today" and words[-2] not in _NOT_BODY_WORDS:
            outlet = True  # "Indonesia Today suggested", "Psychology Today reported": a paper's or a show's name
        elif len(words) > 1 and words[0] in lx.NATIONALITIES and words[-1] not in _NOT_BODY_WORDS:
            pass  # "Western Journalism reported", "American Crossroads said": a nationality opens many names
        elif (
            len(words) > 1
            and words[-1] == "State"
            and words[-2][:1].isupper()
            and (words[-2] in lx.NATIONALITIES or words[-2] not in _NOT_BODY_WORDS)
        ):
            pass  # "Islamic State claimed", "Penn State said": "State" ends the name of a body or a state
        elif words[0] in _NOT_BODY_WORDS or words[-1] in _NOT_BODY_WORDS or words[-1].rstrip(".") in _NOT_BODY_WORDS:
            return  # "He said", "On Monday said", "Democrat said"
        if any(m[2] == 0 for m in self.att.mentions_within(start, end)):
            return  # a person's name the people finder knows
        if words[-1].endswith("s") and (words[-1][:-1] in lx.NATIONALITIES or words[-1].endswith("ians")):
            return  # "Republicans said", "Democrats said": people as a group, not a body
        if MASK in name or any(not any(ch.isalpha() for ch in word) for word in words):
            return  # "2016 said", not "TVN24 reported"
        if len(words) == 1 and name.lower() in self._lowercase_words():
            return  # "Recent polls", "Water": an ordinary word the article also writes in lowercase
        if len(words) == 1 and not outlet and self._plural_opener(name, start):
            return  # "Prosecutors said", "Investigators found that": a plural capitalised as it opens a sentence
        outlet = outlet or name in lx.KNOWN_OUTLETS or words[-1] in lx.OUTLET_WORDS
        self._add(name, "outlet" if outlet else "organization", (), ((start, end),))

    def _plural_opener(self, word: str, start: int) -> bool:
        """Whether a word that looks like a plural ("Prosecutors") opens its sentence and the article never
        writes it capitalised inside one, where a body's name would be."""
        if not word.endswith("s") or word.isupper() or word in lx.KNOWN_OUTLETS:
            return False
        before = self.att.masked[max(0, start - 3) : start].rstrip(" \"“‘'(")
        if before and before[-1] not in ".!?:\n":
            return False
        masked = self.att.masked
        # no "[\w,;] word\b" (a capitalised word within a sentence), with no pattern compiled per word
        return not any(
            at >= 2 and masked[at - 1] == " " and (is_word_char(masked[at - 2]) or masked[at - 2] in ",;")
            for at in word_offsets(masked, word)
        )

    def _possessive_before(self, entity: object, start: int, end: int) -> bool:
        """Whether the first mention of ``entity`` between offsets is a possessive ("the Church's website")."""
        mention = next((m for m in self.att.mentions_within(start, min(end, start + REACH)) if m[3] is entity), None)
        return mention is not None and self.att.body[mention[1] : mention[1] + 2] in ("'s", "’s")

    def _per(self, start: int) -> None:
        """ "per CTV News", "per the Census Bureau": "per" as "according to"."""
        end = self.att.sentences[self.att.sentence_index(start)][1]
        found = self.att.object_after(start, end)
        if found is not None and found.kind == "organization":
            self.add_entity(found.entity)

    def _told(self, start: int, end: int) -> None:
        text = self.att.masked[start : min(end, start + REACH)]
        match = _VENUE.match(text)
        if not match:
            site = _SITE.match(text)
            if site is not None:  # "he told whitecapsfc.com": a website in lowercase, which no finder knows
                self._add(site.group(1), "outlet", (), ((start + site.start(1), start + site.end(1)),))
            return
        told_end = -1  # every outlet told ("told the Courier and the Tribune"), but not "BBC" inside "BBC Sport"
        for m_start, m_end, kind, org in self.att.mentions_within(start, start + match.end()):
            if kind == 1 and org.kind == "outlet" and m_start >= told_end and self.att.masked[m_start] != MASK:
                self.add_entity(org)
                told_end = max(told_end, m_end)
        if told_end >= 0:
            return
        name = _BARE_OBJECT.match(text, match.start(1))
        named_as_outlet = (match.start(1) > 0 and _OUTLET_BEFORE.search(text, 0, match.start(1)) is not None) or (
            _AIRED.search(self.att.masked, max(0, start - 24), start) is not None  # "aired today on Al-Arabiya"
            and name is not None
            and _POSSESSIVE_WORD.search(name.group(1)) is None  # not "broadcast on New York's AM 970"
        )
        if (
            name is not None
            and (named_as_outlet or _IN_INTERVIEW.match(text, name.end(1)))
            and not self.orgs_in(start, start + name.end(1))
        ):
            self._bare_body(start + name.start(1), start + name.end(1), outlet=True)  # "told Newshour in an interview"

    def _quoted(self, at: int) -> None:
        """The one quoted "as saying" at ``at``: named right after "quoted" or right before "was quoted"."""
        floor = self.att.sentences[self.att.sentence_index(at)][0]
        start = max(floor, at - 160)
        if "quot" not in self.att.masked[start:at]:
            return
        mentions = [m for m in self.att.mentions_within(start, at) if self.att.masked[m[0]] != MASK]
        if not mentions:
            return
        last = mentions[-1]
        if last[1] == at and _QUOTED_NAME.search(self.att.masked, max(floor, last[0] - 12), last[0]):
            self.add_entity(last[3])  # "New York One quotes Hurley as saying"
            return
        for mention in reversed(mentions):
            if _NAME_QUOTED.match(self.att.masked, mention[1], at):
                self.add_entity(mention[3])  # "Johnny Donovan is quoted by the New York Daily Times as saying"
                return

    def _by(self, start: int, bare: bool = False) -> None:
        """Who something was shared, reported or written by; with ``bare``, also a body no finder knows
        ("as reported by Western Journalism")."""
        masked = self.att.masked
        group = _GROUP.match(self.att.body, start)
        if group:
            self._add(group.group(1), "group", (), ((group.start(1), group.end(1)),))
            return
        window_end = start + 80
        stop = re.search(rf"[,.;:]|{MASK}", masked[start:window_end])
        end = start + stop.start() if stop else window_end
        role = _ROLE_THEN_NAME.match(masked, start, window_end)
        if role is not None and self.att.entity_in(start, role.end(1)) is None:
            # "confirmed by his publicist, Ada Quist": the name in apposition after the role
            stop = re.search(rf"[,.;:]|{MASK}", masked[role.end() : window_end])
            end = role.end() + stop.start() if stop else window_end
        found = self.att.entity_in(start, end)
        if found is not None:
            at = self._mention_in(found.entity, start, end)[0]
            if len(masked[start:at].split()) <= _BY_REACH:
                self.add_entity(found.entity)  # not "reported by local media to have visited ... while Adamowicz"
                more = masked.find(" and by ", at, end)
                if more >= 0:
                    self._by(more + len(" and by "), bare)  # "reported by The Guardian as ... and by the AP as"
        elif bare:
            name = _BARE_OBJECT.match(masked, start, end)
            if (
                name is not None
                and not _LOWER_NEXT.match(masked, name.end(1))
                and not all(w in lx.PLACES for w in name.group(1).split())
            ):
                self._bare_body(name.start(1), name.end(1))  # not "from Iowa", "by the New York attorney"
