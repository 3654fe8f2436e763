"""Sources: who the article attributes its information to.

Outlets and organisations that report, say or supply data (according to Reuters, told the Post,
Chatham House data, The Washington Post explains), outlets that are the venue of a statement (said on
Fox News, in an interview with the BBC), people and organisations credited with a paraphrase (the FDA
said, Basya also believes), people and groups that information is shared or reported by, and every
named speaker of a reported quote (scare quotes aside), as source-counting studies of news count them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from reader.analysis import lexicon as lx
from reader.analysis.cues import PHRASAL_CUES, STATEMENT_VERBS
from reader.analysis.lexicon import _inflect
from reader.analysis.name_shapes import STATE_ABBREVIATIONS
from reader.analysis.names import is_given
from reader.analysis.orgs import OrgEntity
from reader.analysis.people import PersonEntity
from reader.analysis.quotes import MASK
from reader.analysis.speakers import REACH, Attributor, Speaker
from reader.models import Source

# Word alternations are grouped by first letter, each letter then checked for a word boundary before it
# (``(?<!\w.)``): the regex engine skips to those letters instead of trying ``\b`` at every position.
# Same matches as ``\b(?:shared|reported|published|posted|provided|released|compiled|gathered|quoted|cited|obtained|
# seen|reviewed|revealed|announced|confirmed|claimed|disclosed) by\s+`` ("a letter obtained by The Canadian Press",
# "documents seen by Reuters", "the discovery was announced by the Supreme Council of Antiquities").
_BY = re.compile(
    r"(?:s(?<!\w.)hared|r(?<!\w.)(?:eported|eleased)|p(?<!\w.)(?:ublished|osted|rovided)|c(?<!\w.)(?:ompiled|ited)"
    r"|g(?<!\w.)athered|q(?<!\w.)uoted|o(?<!\w.)btained|s(?<!\w.)een|r(?<!\w.)(?:eviewed|evealed)"
    r"|a(?<!\w.)nnounced|c(?<!\w.)(?:onfirmed|laimed)|d(?<!\w.)isclosed) by\s+"
)
# A document or finding and the body it is by: "a report by Human Rights Watch", "figures from the Office
# for National Statistics", "a statement from Amtrak". Found from each " by " and " from " (str.find),
# as a regex of the nouns would be tried at every "a", "e", "r" or "s" of the text.
FINDING_NOUNS = lx._words(
    "report reports study studies survey surveys statement statements statistics poll polls analysis estimate "
    "estimates figures"
)


def _findings_by(text: str) -> Iterator[int]:
    """The offset after each "<finding noun> by " or "<finding noun> from "."""
    for link in (" by ", " from "):
        at = text.find(link)
        while at >= 0:
            word = text[text.rfind(" ", 0, at) + 1 : at]
            if word.lower() in FINDING_NOUNS:
                yield at + len(link)
            at = text.find(link, at + 1)


_BARE_BY = ("reported", "published", "announced", "confirmed", "revealed", "disclosed")
_BY_REACH = 4  # words between "by" and the name it credits ("shared by the former senator Ann Lee")
_GROUP = re.compile(
    r"(the (?:community|group|network|coalition|union|association|collective|team|committee|council|alliance|"
    r"society|federation) of [a-z][a-z -]{2,60}?)(?=\s+(?:who|which|that|and|in|on|at|for)\b|[,.;:]|$)"
)
# An outlet's kind before its name: "said to the news agency Reuters", "told the newspaper Le Monde".
_OUTLET_NOUN = (
    r"(?:(?:[a-z]+\s+){0,2}(?:news agency|news site|newspaper|broadcaster|magazine|daily|tabloid|channel|network"
    r"|website|station)|news agency|newspaper|broadcaster)"
)  # "the news agency Reuters", "local television station KVTV"
_TO = re.compile(  # \b(?:told|tells|tell|remarks to|remarked to|said to|explained to|statements? to|interviews? with|
    # speaking to|spoke to|talking to|talked to|(?:said|says|speaking|spoke|appeared|appearing|writing|wrote|writes)
    # (?:on|in)|(?:reported|published)(?: online)? in)\s+, grouped by first letter as _BY
    r"(?:t(?<!\w.)(?:old|ells|ell|alking to|alked to)|r(?<!\w.)(?:emarks to|emarked to|eported(?: online)? in)"
    r"|p(?<!\w.)ublished(?: online)? in"
    r"|s(?<!\w.)(?:aid to|tatements? to|peaking to|poke to|(?:aid|ays|peaking|poke) (?:on|in))|e(?<!\w.)xplained to"
    r"|i(?<!\w.)nterviews? with|a(?<!\w.)(?:ppeared|ppearing) (?:on|in)|w(?<!\w.)(?:riting|rote|rites) (?:on|in)"
    r"|a(?<!\w.)dd(?:ed|ing|s)? to)\s+"
    rf"(?=(?:the\s+)?(?:{_OUTLET_NOUN}\s+)?(?:[a-z]{{1,3}}-)?[A-Z])"  # only before a name: "said in March" is no venue
)
_VENUE = re.compile(
    rf"(?:the\s+)?(?:{_OUTLET_NOUN}\s+)?((?:[a-z]{{1,3}}-)?[A-Z][\w.&'’-]*(?:\s+(?:of|and|the|[A-Z][\w.&'’-]*))*)"
)
# "told Newshour in a telephone interview", "told local television station KVTV": the name told, when no finder
# knows it, is an outlet.
_OUTLET_BEFORE = re.compile(rf"{_OUTLET_NOUN}\s+$")
_IN_INTERVIEW = re.compile(r"\s+in (?:an|a \w+) interview\b")
# An inverted cue after a comma whose subject follows it: ", reports USA Today", ", wrote the Globe".
_INVERTED = re.compile(r",\s+(?:reports|reported|writes|wrote|notes|noted|says|said|adds|added)\s+(?=(?:the\s+)?[A-Z])")
# A name opening the sentence, then an appositive that describes it, then the verb.
_NAME_THEN_APPOSITIVE = re.compile(
    r"\s*((?:[A-Z][\w.&'’-]{0,40}\s+){0,3}[A-Z][\w.&'’-]{0,40}), (?:the|a|an) [^,]{1,80}, (?:\w+ly\s+)?$"
)
# A relative clause left open up to the verb: "Sanders, who endorsed Canova in May and said".
_OPEN_RELATIVE = re.compile(r", who [^,;:.]*$")
# "pointed out", "shot back"; not "went on" ("went on to hit a double")
_PHRASAL = frozenset(verb + rest for verb, rest in PHRASAL_CUES.items() if verb != "went")
_OUTLET_IN = re.compile(rf"\b{_OUTLET_NOUN}\b")
_PER = re.compile(r"(?<=[\s(,])per\s+(?=(?:the\s+)?[A-Z])")
_DATA = re.compile(r"\s+(?:data|figures|statistics|research|analysis|report|survey|poll|study)\b")


# Verbs that credit a person (not an organisation) with what follows: "Perkins admitted she ...".
PARAPHRASE_VERBS = (
    lx.SOURCE_VERBS
    | lx._words("admit admits admitted")
    | _inflect(
        "add admit insist argue suggest remark comment acknowledge stress contend maintain testify allege predict "
        "emphasize emphasise recall recount reply respond explain"
    )
)
# Cues of quotes that credit a paraphrase too, when a clause or the words follow ("Rice complained that",
# "the city reasoned:"), not an object ("conceded a penalty", "declared the day a holiday"); not the cues of
# a manner of speaking or of a promise ("shouted", "asked", "vowed").
CLAUSE_VERBS = _inflect("caution clarify complain concede counter declare elaborate lament mention opine proclaim") | (
    _inflect("reason retort quip joke theorize theorise boast")
)
_CLAUSE_AFTER = re.compile(rf"\s*(?:that\b|[,:“\"{MASK}])")
# A body the finders do not know, named right before its verb: "Israel said", "The United States warned",
# "Gallup reported", "MSNBC reported" (after a sentence start, a comma or a clause's "and"/"but").
_AUXILIARIES = lx._words(
    "also later then has have had previously recently again already once quickly first yesterday today tonight "
    "earlier now"
)
_BARE_SUBJECT = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|but|while|as)\s+)(?:[Tt]he\s+)?"
    r"((?:[A-Z][\w.&'’-]{0,40}\s+(?:of\s+)?){0,3}[A-Z][\w.&'’-]{0,40})\s+"
    rf"(?:(?:{'|'.join(sorted(_AUXILIARIES))})\s+)*$"
)
# Someone unnamed who speaks for a body, or its statement: the body is the source. "A spokesperson for
# Amtrak said", "officials at the Federal Railroad Administration said", "An Amtrak spokesman said", "A NASA
# statement said", "Pentagon officials said" (the words before the verb, auxiliaries dropped).
_AGENTS = r"(?:spokes(?:man|woman|person|men|women|people)|officials?|representatives?|statement|executives?)"
_BODY_NAME = r"((?:[A-Z][\w.&'’-]{0,40}\s+(?:of\s+(?:the\s+)?)?){0,4}[A-Z][\w.&'’-]{0,40})"
_AGENT_STEMS = ("spokes", "official", "statement", "represent", "executive")
_AGENT_FOR = re.compile(
    rf"\b{_AGENTS}\s+(?:for|of|from|at|with)\s+(?:the\s+)?{_BODY_NAME}\s*(?:,[^,]{{1,80}},\s*)?$"
)  # "A spokesperson for NISA, the nuclear authority, said"
_AGENT_AFTER = re.compile(rf"(?:^|[\s(])(?:(?:[Aa]n?|[Tt]he)\s+)?{_BODY_NAME}\s+{_AGENTS}\s*$")
# "according to Israel", "according to Gallup": the same after a leading cue.
_BARE_OBJECT = re.compile(
    r"\s*(?:the\s+)?((?:[A-Z][\w.&'’-]{0,40}\s+(?:of\s+)?){0,3}[A-Z][\w.&'’-]{0,40})(?=[\s,.;:)]|$)"
)
# Words that open a sentence or clause before a body's name ("As POLITICO revealed", "On Monday Gallup said").
_OPENING_WORDS = lx.STOP_CAPS - lx.TITLES - lx.ORG_WORDS | lx.MONTHS | lx.DAYS
_NOT_BODY_WORDS = lx.STOP_CAPS | lx.MONTHS | lx.DAYS | lx.TITLES | lx.NATIONALITIES | STATE_ABBREVIATIONS
# Verbs of a stance the reporting cues leave out, which credit their subject too ("Rob Siegel likened it
# to ...", "the Home Office rejects the claim", "Phillip Father thanked Arianespace", "the club thanked its
# fans"); those of CREDIT_VERBS also credit a body no finder knows ("Israel denied"). Not "promised"
# ("promised them treatment") nor "condemned" ("recently condemned anti-semitism"): they tell nothing
# the article cites.
# Only finite forms: "to believe", "the urge", "I dispute" (in quotes, masked) credit no one.
STANCE_VERBS = lx._words(
    "likened likens proposed proposes dismissed dismisses praised praises blamed blames believes believed felt feels "
    "thinks "
    "tweeted thanked thanks"
)
CREDIT_VERBS = lx._words(
    "rejected rejects disputed disputes accused accuses criticized criticizes criticised criticises "
    "recommended recommends urged urges denied denies suggested suggests cited cites predicted predicts forecast "
    "forecasts"
)
# Verbs of findings, which credit a body but not a person: "Pew found that", "a Gallup poll shows", "the
# court ruled", "the coroner's office identified the victim as" (a person who "found it difficult" or "showed
# up" is credited with nothing).
FINDING_VERBS = lx._words("found finds showed shows ruled rules identified identifies")
STANCE_WORDS = STANCE_VERBS | CREDIT_VERBS | FINDING_VERBS
_STANCE_STEMS: tuple[str, ...] = (
    *("liken", "believ", "propos", "dismiss", "prais", "blam", "reject", "felt", "feels", "thinks"),
    *("tweet", "thank"),
    *("disput", "accus", "critici", "recommend", "urge", "deni", "cite", "predict", "forecast"),
    *("found", "finds", "show", "rule", "identif"),
)
# Common nouns that stand for a body the article has just named: "the club said", "the agency added", "the
# ministry rejects". Outlet nouns stand for an outlet. Not "the government" nor "the city", which stand as
# often for a country's or a place's than for a body named before.
BODY_NOUNS = lx._words(
    "club company firm team agency ministry department council court committee commission party "
    "organisation organization association union university college school museum hospital airline federation "
    "league board authority regulator institute foundation church bank group municipality"
)
OUTLET_NOUNS = lx._words("network broadcaster newspaper paper magazine station channel website outlet")
_COMMON_SUBJECT = re.compile(r"(?:^|[\s,;:(])[Tt]he\s+([a-z]+)\s*$")
BODY_LOOKBACK = 4  # sentences, the current one included, where "the club" finds its club (as "it" does)
_LOWER_WORD = re.compile(r"[a-z]+")
# A name right after a clause word, at the end of the words before a verb ("... after Nabisco").
_NAME_AFTER_CLAUSE_WORD = re.compile(
    r"\b(?:after|before|when|while|because|since|until|as|and|but|that|where|though|although)\s+(?:the\s+)?"
    r"((?:[A-Z][\w.&'’-]{0,40}\s+){0,3}[A-Z][\w.&'’-]{0,40})$"
)
# A lowercase noun after a name ("the New York attorney general"), not a preposition or clause word.
_LOWER_NEXT = re.compile(
    r" (?!(?:on|in|at|for|that|and|after|before|last|this|to|as|with|from|of|who|which|when|since|during) )[a-z]"
)


def _stance_verbs(masked: str) -> Iterator[tuple[int, str]]:
    """(offset, verb) of each stance verb outside quotes, found by the stems' str.find: faster than a
    regex of all the forms or a look at every token, as most articles have few or none."""
    for stem in _STANCE_STEMS:
        at = masked.find(stem)
        while at >= 0:
            if at == 0 or not masked[at - 1].isalnum():
                word = _LOWER_WORD.match(masked, at)
                if word is not None and word.group() in STANCE_WORDS:
                    yield at, word.group()
            at = masked.find(stem, at + len(stem))


# Forms of cue verbs that are nouns after a determiner and a word ("a penalty claim", "the police report").
_NOUN_FORMS = lx._words(
    "claim claims report reports note notes state states estimate estimates warning comment comments"
)
_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their|our|this|that|whose)\s+[\w-]+\s+$")
# "added three titles", "adds a second goal", "added to the list": the verb that adds a thing.
_ADD_FORMS = lx._words("add adds added")
_OBJECT_AFTER = re.compile(r"\s+(?:a|an|the|another|two|three|four|five|six|seven|eight|nine|ten|\d+|to)\s")
# ", saying", "– adding": a participle after the clause of its subject, who is credited ("after confirming" is not).
_AFTER_CLAUSE = re.compile(r"[,–—]\s*$")
_NOT_LEAD_WORDS = (
    (lx.STOP_CAPS - lx._words("The A An"))
    | _AUXILIARIES
    | lx._words("was is were are be been will would can could did does do may might must should shall")
)


def _lead_word(word: str) -> bool:
    """A word that may stand before a subject's name: a description ("US citizen", "Former Mayor"), not a
    verb, pronoun or auxiliary ("She also compared", "has praised")."""
    return word not in _NOT_LEAD_WORDS and (word[:1].isupper() or not word.endswith("ed"))


# "had been denied visas", "was twice rejected": a passive credits no one.
_PASSIVE_AUX = lx._words("be been being was were is are get gets got getting")
_PASSIVE_ADVERBS = lx._words("twice not then also later")


def _passive_before(text: str, at: int) -> bool:
    """Whether an auxiliary of the passive, perhaps with one adverb, stands right before ``at``: the same
    test as a regex anchored at ``at``, which would be tried from every position before it."""
    words = text[max(0, at - 30) : at].split()
    if words and words[-1] in _PASSIVE_AUX:
        return True
    return len(words) > 1 and words[-2] in _PASSIVE_AUX and (words[-1].endswith("ly") or words[-1] in _PASSIVE_ADVERBS)


# A reporting verb and "that" before a subject: the subject is inside what someone else reports.
_REPORTED_THAT = re.compile(
    r"\b(?:told|tells|said|says|stated|states|wrote|writes|added|claimed|claims)\b[^.;:]{0,80}?\bthat\b"
)
# An outlet that quotes or cites: "The Guardian cited examples", "It quoted critics".
_OUTLET_CITES = re.compile(r"\s+(?:cited|quoted|published|carried|ran)\b")


class SourceCollector:
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

    def collect(self, speakers: list[Speaker | None], quoted: Iterable[Speaker] = ()) -> list[Source]:
        """The sources; ``speakers`` of all quotes give organisations, ``quoted`` (of reported quotes) everyone."""
        masked = self.att.masked
        for s_start, s_end in self.att.sentences:
            for kind, c_start, c_end in self.att.cues(s_start, s_end):
                word = masked[c_start:c_end].lower()
                if kind == "lead":
                    found = self.att.object_after(c_end, s_end)
                    if found is None:
                        bare = _BARE_OBJECT.match(masked, c_end, s_end)
                        if bare is not None:
                            self._bare_body(bare.start(1), bare.end(1))  # "according to Israel"
                    elif self._past_the_object(found.entity, c_end, s_end):
                        pass  # "According to the letter, the Canadian government began": the letter says it
                    elif self._name_only(found.entity):
                        self._bare_body(*self._mention_in(found.entity, c_end, s_end))  # "according to Gallup"
                    elif not self._possessive_before(found.entity, c_end, s_end):
                        self.add_entity(found.entity)  # according to the CDC, according to Wilkins
                    continue
                verb = word.split()[0]
                if verb in STATEMENT_VERBS or word in _PHRASAL:
                    verb = "stated"  # "X issued a statement", "X released the following statement:", "X pointed out"
                if verb in CLAUSE_VERBS and _CLAUSE_AFTER.match(masked, c_end):
                    verb = "stated"  # "Rice complained that", "the city reasoned:"
                if verb not in lx.SOURCE_VERBS and verb not in PARAPHRASE_VERBS and verb != "saying":
                    continue
                if verb in _NOUN_FORMS and _NOUN_BEFORE.search(masked, max(s_start, c_start - 40), c_start):
                    continue  # "Bayern had a penalty claim": a noun
                if verb in _ADD_FORMS and _OBJECT_AFTER.match(masked, c_end):
                    continue  # "Sevilla has added three titles": added something, said nothing
                if _passive_before(masked, c_start):
                    continue  # "the archbishop was reported by local media to have visited", "he was told"
                self._subjects(s_start, c_start, verb)
                if word in ("told", "tells", "tell"):
                    self._told(c_end, s_end)
        for at, verb in _stance_verbs(masked):
            if not _passive_before(masked, at):
                s_start = self.att.sentences[self.att.sentence_index(at)][0]
                self._subjects(s_start, at, verb)
        for match in _TO.finditer(masked):
            self._told(match.end(), min(len(masked), match.end() + 60))
        for match in _INVERTED.finditer(masked):
            mention = next(self.att.mentions_within(match.end(), match.end() + 80), None)
            if mention is not None and mention[2] == 1 and not masked[match.end() : mention[0]].strip(" the"):
                self.add_entity(mention[3])  # "said Kristen Day, ..., reports USA Today", "reported the Globe"
        if " per " in masked:
            for match in _PER.finditer(masked):
                self._per(match.end())
        for match in _BY.finditer(self.att.body):
            self._by(match.end(), bare=match.group().startswith(_BARE_BY))
        for end in _findings_by(masked):
            self._by(end, bare=True)
        for org in {m[3] for m in self.att.mentions if m[2] == 1}:
            for s, e in org.mentions:
                if masked[s] != MASK and (
                    _DATA.match(masked, e) or (org.kind == "outlet" and _OUTLET_CITES.match(masked, e))
                ):
                    self.add_entity(org)  # "Chatham House data", "The Guardian cited"
        for speaker in speakers:
            if speaker is not None and speaker.kind == "organization":
                self.add_entity(speaker.entity)
        for speaker in quoted:
            self.add_entity(speaker.entity)
        return sorted(self.found.values(), key=lambda src: src.mentions[0][0] if src.mentions else 0)

    def _subjects(self, s_start: int, verb: int, word: str) -> None:
        subject = self.att.subject_before(s_start, verb)
        if (
            subject is not None
            and (word in PARAPHRASE_VERBS or word in CREDIT_VERBS)
            and self._unknown_subject(subject, s_start, verb)
        ):
            return  # "Trump said in August after Nabisco announced": Nabisco, named once, is the subject
        if subject is None:
            if word in FINDING_VERBS and not self.att.masked.startswith(" that ", verb + len(word)):
                return  # a body no finder knows, credited with a finding only before "that": "Pew found that"
            if word in lx.SOURCE_VERBS or word in CREDIT_VERBS or word in FINDING_VERBS:
                floor = max(s_start, verb - 160)
                before = self.att.masked[floor:verb].split()
                while before and before[-1] in _AUXILIARIES:
                    before.pop()
                if before and (self._agent_of_body(floor, verb, word) or self._body_by_noun(floor, verb)):
                    return
                named = _NAME_THEN_APPOSITIVE.match(self.att.masked, s_start, verb)
                if named is not None and _OUTLET_IN.search(self.att.masked, named.end(1), verb):
                    self._bare_body(named.start(1), named.end(1), outlet=True)  # "Kompas, a national daily, reported"
                    return
                if not before or not before[-1][:1].isupper():
                    return  # most subjects that no finder knows are lowercase ("officials said")
                bare = _BARE_SUBJECT.search(self.att.masked[floor:verb])  # "^" is the sentence's start
                if (
                    bare is not None
                    and (floor == s_start or bare.start() > 0)
                    and self._may_credit(bare.group(1), word)
                ):
                    self._bare_body(floor + bare.start(1), floor + bare.end(1))  # "Israel said", "Gallup reported"
            return
        if subject.kind == "organization":
            if self._agent_of_body(max(s_start, verb - 160), verb, word):
                return  # "A spokesperson for NISA, the Japanese government nuclear authority, said"
            named = _NAME_THEN_APPOSITIVE.match(self.att.masked, s_start, verb)
            if named is not None and not self.orgs_in(named.start(1), named.end(1)):
                count = len(self.found)
                self._bare_body(named.start(1), named.end(1))
                if len(self.found) > count:
                    return  # "Eurostat, the EU's statistics office, said": the name, not the body describing it
            person = self._person_before_apposition(s_start, verb, subject.entity)
            if person is not None:
                subject = person  # "K.C. Maurer, treasurer at the Andy Warhol Foundation, said"
        if subject.kind == "person":
            relative = _OPEN_RELATIVE.search(self.att.masked, max(s_start, verb - 200), verb)
            if relative is not None:
                antecedent = [
                    m for m in self.att.mentions_within(max(s_start, relative.start() - 80), relative.start())
                ]
                if antecedent and antecedent[-1][1] == relative.start() and antecedent[-1][2] == 0:
                    subject = Speaker(antecedent[-1][3].name, "person", antecedent[-1][3])  # "X, who backed Y and said"
            if word in FINDING_VERBS:
                if self._name_only(subject.entity) and self.att.masked.startswith(" that ", verb + len(word)):
                    self._bare_body(*self._mention_in(subject.entity, s_start, verb))  # "Pew found that"
                return
            if (
                (not word.endswith("ing") or self._opens_its_clause(subject.entity, s_start, verb))
                and not self._possessive_before(subject.entity, max(s_start, verb - REACH), verb)
                and not self._not_the_article_s(subject.entity, s_start, verb)
            ):
                self.add_entity(subject.entity)  # "Jafari said she felt ...", not "after confirming", "Warhol's"
            return
        if (
            word not in lx.SOURCE_VERBS
            and word not in CREDIT_VERBS
            and word not in FINDING_VERBS
            and (
                (word not in PARAPHRASE_VERBS and word not in STANCE_VERBS and word != "saying")
                or (word.endswith("ing") and not self._opens_its_clause(subject.entity, s_start, verb))
            )
        ):
            return  # but "the ministry added that", "the club insisted": a body credited as a person is
        self.add_entity(subject.entity)  # "the FDA said ...", "the Home Office rejects ...", "Pew found"
        # "Both the Irving school district and the Irving police have asserted": every body joined by "and".
        s_start = max(s_start, verb - REACH)
        floor = max(s_start, self.att.masked.rfind(",", s_start, verb) + 1)
        clause = self.att.masked[floor:verb]
        if " and " in clause:
            for org in self.orgs_in(floor, verb):
                self.add_entity(org)

    def _unknown_subject(self, subject: Speaker, s_start: int, verb: int) -> bool:
        """Whether a name no finder knows stands right before the verb, after a clause word, where the subject
        found lies further back: that name is credited instead ("after Nabisco announced")."""
        floor = max(s_start, verb - 120)
        words = self.att.masked[floor:verb].split()
        while words and words[-1] in _AUXILIARIES:
            words.pop()
        if not words or not words[-1][:1].isupper():
            return False
        end = self.att.masked.rfind(words[-1], floor, verb) + len(words[-1])
        last = [m for m in self.att.mentions_within(max(s_start, end - 80), end) if m[1] == end]
        if last and last[-1][3] is subject.entity:
            return False  # the subject found is the name right before the verb
        if subject.kind == "person" and last and last[-1][2] == 1 and self._after_comma(last[-1][0], s_start):
            self.add_entity(last[-1][3])  # "..., the New York Post reported.": the outlet, not a name before it
            return True
        if last and last[-1][2] == 0 and last[-1][3] is not subject.entity and self.att.masked[last[-1][0]] != MASK:
            # "grew so heated ... that Gov. Chris Christie said": the name right there; "Ada Quist, Lena Varga and
            # Omar Haddad said": every name of the list that ends there
            people = [m for m in self.att.mentions_within(max(s_start, end - 200), end) if m[2] == 0]
            joined = [people[-1]]
            for mention in reversed(people[:-1]):
                if self.att.masked[mention[1] : joined[-1][0]].strip(" ,") not in ("and", ""):
                    break
                joined.append(mention)
            for mention in joined:
                self.add_entity(mention[3])
            return True
        text = " ".join(words)
        bare = _NAME_AFTER_CLAUSE_WORD.search(text)
        if bare is None or next(self.att.mentions_within(end - len(bare.group(1)) - 2, end), None) is not None:
            return False  # a person or body the finders know: the subject reading handles it
        before = len(self.found)
        self._bare_body(end - len(bare.group(1)), end)
        return len(self.found) > before

    def _after_comma(self, start: int, s_start: int) -> bool:
        """Whether only "the" stands between a comma and ``start``: an inverted cue after the reported words."""
        before = self.att.masked[max(s_start, start - 8) : start].rstrip()
        if before.endswith(("the", "The")):
            before = before[:-3].rstrip()
        return before.endswith(",")

    def _agent_of_body(self, floor: int, verb: int, word: str) -> bool:
        """The body an unnamed spokesperson, its officials or its statement speak for (see _AGENT_FOR)."""
        if self._agents is None:
            self._agents = any(w in self.att.masked for w in _AGENT_STEMS)  # once: many articles have none
        if not self._agents or word in lx.REPORTING_NOUN_LIKE:
            return False
        text = self.att.masked[floor:verb]
        if not any(w in text for w in _AGENT_STEMS):
            return False
        words = text.split()
        while words and words[-1] in _AUXILIARIES:
            words.pop()
        text = " ".join(words)
        for pattern in (_AGENT_FOR, _AGENT_AFTER):
            match = pattern.search(text)
            if match is None:
                continue
            start = floor + self.att.masked[floor:verb].index(match.group(1))
            stop = start + len(match.group(1))
            if self.att.masked[stop - 2 : stop] in ("'s", "’s"):
                stop -= 2  # "Amtrak's spokesman said": the possessor is the body spoken for
            orgs = self.orgs_in(start, stop)
            if orgs:
                self.add_entity(orgs[-1])
            else:
                self._bare_body(start, stop)
            return True
        return False

    def _body_by_noun(self, floor: int, verb: int) -> bool:
        """The body a subject such as "the club" or "the agency" stands for: the nearest one named before it
        in the last sentences whose name holds the noun ("the ministry": the Ministry of Culture), else the
        only body (or outlet, for "the newspaper") named there."""
        words = self.att.masked[floor:verb].split()
        while words and words[-1] in _AUXILIARIES:
            words.pop()
        match = _COMMON_SUBJECT.search(" " + " ".join(words[-2:]))
        if match is None:
            return False
        noun = match.group(1)
        outlet = noun in OUTLET_NOUNS
        if not outlet and noun not in BODY_NOUNS:
            return False
        index = self.att.sentence_index(verb)
        start = self.att.sentences[max(0, index - BODY_LOOKBACK + 1)][0]
        bodies: list[OrgEntity] = []
        for org in reversed(self.orgs_in(start, verb)):
            if noun in org.name.lower().split():
                self.add_entity(org)
                return True
            if (org.kind == "outlet") == outlet and org not in bodies:
                bodies.append(org)
        if len(bodies) == 1:
            self.add_entity(bodies[0])
            return True
        return False

    def _opens_its_clause(self, entity: object, s_start: int, verb: int) -> bool:
        """For a participle after a clause (", saying"): whether the person opens the sentence, after at
        most an opening phrase and a description ("Former Secretary of State Madeleine Albright urged
        ..., saying"), and is so the clause's subject, not its object ("has praised Putin, saying")."""
        if not _AFTER_CLAUSE.search(self.att.masked, max(s_start, verb - 3), verb):
            return False
        first = next((m for m in self.att.mentions_within(s_start, verb) if self.att.masked[m[0]] != MASK), None)
        if first is None or first[3] is not entity:
            return False
        lead = re.split(r"[,–—]", self.att.masked[s_start : first[0]])[-1].split()
        return len(lead) <= 4 and all(_lead_word(w) for w in lead)

    def _past_the_object(self, entity: object, start: int, end: int) -> bool:
        """Whether the entity found after "according to" lies past a comma that ends a phrase naming no one
        ("according to the letter, the government ...", "according to court documents, Smith ...")."""
        comma = self.att.masked.find(",", start, end)
        if comma < 0 or not self.att.masked[start:comma].strip():
            return False
        mention = self._mention_in(entity, start, end)
        if (
            self.att.masked[comma : mention[0]].strip(", ") == ""
            and self.att.masked[mention[1] : mention[1] + 1] == ","
        ):
            return False  # "according to the team's coach, Alireza Mehraban, ...": the name in apposition
        return mention[0] > comma and next(self.att.mentions_within(start, comma), None) is None

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
        if self._lower is None:
            self._lower = {t.text for t in self.att.tokens if t.text[:1].islower()}
        return self._lower

    @staticmethod
    def _may_credit(name: str, verb: str) -> bool:
        """ "NASA reports", "Gallup notes", but not "Recent reports": a verb that is mostly a noun needs a body."""
        return verb not in lx.REPORTING_NOUN_LIKE or " " in name or (name.isupper() and len(name) > 1)

    def _bare_body(self, start: int, end: int, outlet: bool = False) -> None:
        """A country or body that neither finder listed, credited by name: a source of its own (an outlet
        when ``outlet`` says so or its name does)."""
        name = self.att.body[start:end]
        start, end = start + len(name) - len(name.lstrip()), start + len(name.rstrip())
        words = name.split()
        while len(words) > 1 and (words[0] in _OPENING_WORDS):
            start = self.att.body.index(words[1], start + len(words[0]))  # "As POLITICO revealed"
            words.pop(0)
        name = self.att.body[start:end]
        if re.search(r"['’]s$", words[-1]):
            return  # "Israel's army said": the possessor is not the one who speaks
        if len(words) > 1 and words[0] in lx.NATIONALITIES and words[-1] not in _NOT_BODY_WORDS:
            pass  # "Western Journalism reported", "American Crossroads said": a nationality opens many names
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
        return re.search(rf"[\w,;] {re.escape(word)}\b", self.att.masked) is None

    def _person_before_apposition(self, s_start: int, verb: int, org: object) -> Speaker | None:
        """The person an appositive describes when the organisation named is only inside it."""
        if verb - s_start > REACH:
            return None  # the person must open the sentence, and the subject is looked for within REACH
        last = [m for m in self.att.mentions_within(max(s_start, verb - 80), verb) if m[3] is org]
        if last and not self.att.masked[last[-1][1] : verb].strip() and self._after_comma(last[-1][0], s_start):
            return None  # "Ada Quist, an aide, sent photos ..., the New York Post reported": an inverted cue
        # From a little before the sentence: initials ("K.C. Maurer") can end a sentence for the splitter.
        for start, end, kind, entity in self.att.mentions_within(max(0, s_start - 12), verb):
            if end <= s_start:
                continue
            if kind == 0 and self.att.masked[end : end + 1] == "," and entity is not org:
                inside = any(m[3] is org for m in self.att.mentions_within(end, verb))
                if inside and not self.att.masked[s_start:start].strip():
                    return Speaker(entity.name, "person", entity)
            break  # only a person that opens the sentence
        return None

    def _not_the_article_s(self, entity: object, s_start: int, verb: int) -> bool:
        """A person subject the article does not cite: one reported by another, or a body's seat.

        "Whitmore told LA Weekly that ... Montalvo told the police": Whitmore is the source, Montalvo
        what he reports. "astronomers at the Ohio State University, Columbus, revealed": the city
        between commas after a body's name, taken for a one-word name, is where the body is.
        """
        mentions = getattr(entity, "mentions", [])
        i = bisect.bisect_left(mentions, (verb,)) - 1
        if i < 0 or mentions[i][0] < s_start:
            return False
        at, end = mentions[i]
        if _REPORTED_THAT.search(self.att.masked, s_start, at):
            return True
        masked = self.att.masked
        if len(getattr(entity, "tokens", ())) != 1 or masked[end : end + 1] != ",":
            return False
        return any(
            m[2] == 1 and masked[m[1] : at].strip() == "," for m in self.att.mentions_within(max(0, at - REACH), at)
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
            return
        for org in self.orgs_in(start, start + match.end()):
            if org.kind == "outlet":
                self.add_entity(org)
                return
        name = _BARE_OBJECT.match(text, match.start(1))
        named_as_outlet = match.start(1) > 0 and _OUTLET_BEFORE.search(text, 0, match.start(1)) is not None
        if (
            name is not None
            and (named_as_outlet or _IN_INTERVIEW.match(text, name.end(1)))
            and not self.orgs_in(start, start + name.end(1))
        ):
            self._bare_body(start + name.start(1), start + name.end(1), outlet=True)  # "told Newshour in an interview"

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
        found = self.att.entity_in(start, end)
        if found is not None:
            at = self._mention_in(found.entity, start, end)[0]
            if len(masked[start:at].split()) <= _BY_REACH:
                self.add_entity(found.entity)  # not "reported by local media to have visited ... while Adamowicz"
        elif bare:
            name = _BARE_OBJECT.match(masked, start, end)
            if (
                name is not None
                and not _LOWER_NEXT.match(masked, name.end(1))
                and not all(w in lx.PLACES for w in name.group(1).split())
            ):
                self._bare_body(name.start(1), name.end(1))  # not "from Iowa", "by the New York attorney"
