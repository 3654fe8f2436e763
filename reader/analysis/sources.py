"""Sources: who the article attributes its information to.

Outlets and organisations that report, say or supply data (according to Reuters, told the Post,
Chatham House data, The Washington Post explains), outlets that are the venue of a statement (said on
Fox News, in an interview with the BBC), people and organisations credited with a paraphrase (the FDA
said, Basya also believes), people and groups that information is shared or reported by, and every
named speaker of a reported quote (scare quotes aside), as source-counting studies of news count them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.analysis import lexicon as lx
from reader.analysis.cues import STATEMENT_VERBS
from reader.analysis.quotes import MASK
from reader.analysis.source_subjects import SubjectReader
from reader.analysis.source_venues import _BARE_BY, _PER, _credited_by, _findings_by, _quoted_as, venue_cues
from reader.analysis.source_words import (
    _ABOUT_AFTER,
    _ADD_FORMS,
    _APPEAL_AFTER,
    _AUXILIARIES,
    _BARE_OBJECT,
    _BARE_SUBJECT,
    _BODY_FINDING,
    _BODY_IN,
    _CLAUSE_AFTER,
    _DATA,
    _NAME_THEN_APPOSITIVE,
    _NOUN_AFTER,
    _NOUN_BEFORE,
    _NOUN_FORMS,
    _OBJECT_AFTER,
    _OUTLET_CITES,
    _OUTLET_IN,
    _PHRASAL,
    _THAT_AFTER,
    ABOUT_VERBS,
    APPEAL_VERBS,
    CLAUSE_VERBS,
    CREDIT_VERBS,
    DECLINED,
    FINDING_VERBS,
    INVERTED,
    PARAPHRASE_VERBS,
    PERSON_FINDINGS,
    STANCE_VERBS,
    THAT_STANCE_VERBS,
    THAT_VERBS,
    _passive_before,
    _progressive_before,
    _stance_verbs,
    joins_names,
    lower_runs,
)
from reader.analysis.speakers import REACH, Speaker
from reader.models import Source

_BYLINE = re.compile(r" from [A-Z][\w.]*(?:,? [A-Z][\w.]*){0,3}(?:\.?\s*$|;)")  # "reported from Washington, D.C."
_LOWER_WORD = re.compile(r"[a-z]+\b")
# "Ada Quist's spokesman said": the possessor is the one spoken for, so a source (not "Warhol's friend said").
_SPOKESPERSON_OF = re.compile(r"['’]s\s+(?:chief\s+|press\s+)?spokes(?:man|woman|person)\s+(?:also\s+)?$")
# "Harsh comments are earning": a verb's form right before an auxiliary is a noun, the subject of that auxiliary.
_AUX_AFTER = re.compile(r"\s+(?:is|are|was|were|have|has|had|will|would|can|could|may|might)\b")
_ROLE_OF_BODY = re.compile(r"['’]s(?:\s+[a-z-]+){1,5},\s+")  # "the CDC's interim deputy director, "
# "asked (the minister) whether", "asked the Vermont senator if": a question put
_WHETHER = re.compile(r"(?:\s+[\w’'-]+){0,6}?\s+(?:whether|if)\b")


# A study, poll or survey named by its body, right before a finding verb: "a Greenpeace study has found".
_STUDY_OF = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Nn]ew)\s+(?:new\s+|recent\s+|latest\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+"
    r"(?:study|poll|survey|analysis|audit|review)\s+(?:has\s+|had\s+|have\s+)?$"
)
# Bare forms of source verbs that, right after a capitalised word, are nouns: "Queensland state".
_NOUN_AFTER_A_NAME = frozenset({"state", "report", "note", "post", "call"})


class SourceCollector(SubjectReader):
    def collect(self, speakers: list[Speaker | None], quoted: Iterable[Speaker] = ()) -> list[Source]:
        """The sources; ``speakers`` of all quotes give organisations, ``quoted`` (of reported quotes) everyone."""
        masked = self.att.masked
        for s_start, s_end in self.att.sentences:
            for kind, c_start, c_end in self.att.cues(s_start, s_end):
                word = masked[c_start:c_end].lower()
                if kind == "lead":
                    found = self.att.object_after(c_end, s_end)
                    if found is None:
                        bare = _BARE_OBJECT.match(masked, c_end, s_end) or _BODY_FINDING.match(masked, c_end, s_end)
                        if bare is not None:
                            self._bare_body(bare.start(1), bare.end(1))  # "according to Israel", "to a Brandell poll"
                    elif self._past_the_object(found.entity, c_end, s_end):
                        pass  # "According to the letter, the Canadian government began": the letter says it
                    elif self._name_only(found.entity):
                        self._bare_body(*self._mention_in(found.entity, c_end, s_end))  # "according to Gallup"
                    elif not self._possessive_before(found.entity, c_end, s_end):
                        self.add_entity(found.entity)  # according to the CDC, according to Wilkins
                        self._and_next(self._mention_in(found.entity, c_end, s_end)[1])  # "according to X and Y"
                    continue
                verb = word.split()[0]
                if verb in STATEMENT_VERBS or word in _PHRASAL:
                    verb = "stated"  # "X issued a statement", "X released the following statement:", "X pointed out"
                if verb in CLAUSE_VERBS and _CLAUSE_AFTER.match(masked, c_end):
                    verb = "stated"  # "Rice complained that", "the city reasoned:"
                if verb in THAT_VERBS and _THAT_AFTER.match(masked, c_end):
                    verb = "stated"  # "Lee vowed that", "the ministry agreed that"
                if word in ("called", "calls") and masked.startswith((" for ", " on "), c_end):
                    verb = "stated"  # "Ada Quist called for an inquiry", "the union called on the city to"
                if word == "asked" and _WHETHER.match(masked, c_end):
                    verb = "stated"  # "Ada Quist asked whether the line would reopen": a question put
                if verb not in lx.SOURCE_VERBS and verb not in PARAPHRASE_VERBS and verb not in ("saying", "telling"):
                    continue
                progressive = verb.endswith("ing") and _progressive_before(masked, c_start)
                if progressive:
                    verb = "stated"  # "Lee is arguing that", "the ministry has been saying"
                if verb in _NOUN_FORMS and _NOUN_BEFORE.search(masked, max(s_start, c_start - 40), c_start):
                    continue  # "Bayern had a penalty claim": a noun
                if verb in _ADD_FORMS and _OBJECT_AFTER.match(masked, c_end):
                    continue  # "Sevilla has added three titles": added something, said nothing
                if not progressive and _passive_before(masked, c_start):
                    continue  # "the archbishop was reported by local media to have visited", "he was told"
                if word == "reported" and _BYLINE.match(masked, c_end, s_end + 1):
                    continue  # "Lerer reported from Los Angeles.": the article's own reporter, not a source
                if DECLINED.search(masked, max(s_start, c_start - 30), c_start) or (
                    word == "comment" and masked.endswith(" for ", 0, c_start)
                ):
                    continue  # "Velocar declined to comment", "did not respond to a request for comment"
                if word.endswith("ing") and not progressive:
                    owner = self.att.participle_subject(s_start, c_end)  # the speakers' reading of "with X saying"
                    if owner is not None:
                        self.add_entity(owner.entity)  # "The mayor resigned, with Ada Quist saying she was ill"
                        continue
                self._subjects(s_start, c_start, verb)
                if word in ("told", "tells", "tell"):
                    self._told(c_end, s_end)
        runs = lower_runs(masked)
        for at, verb in _stance_verbs(masked, runs):
            if verb in THAT_STANCE_VERBS:
                if not _THAT_AFTER.match(masked, at + len(verb)) or _NOUN_AFTER.search(masked, max(0, at - 12), at):
                    continue
                verb = "stated"  # "Ada Quist estimated that": credited as with "said that"
            elif verb in ABOUT_VERBS:
                if not _ABOUT_AFTER.match(masked, at + len(verb)):
                    continue
                verb = "stated"  # "Ada Quist talked about the risks"
            elif verb in APPEAL_VERBS:
                if not _APPEAL_AFTER.match(masked, at + len(verb)) or _NOUN_AFTER.search(masked, max(0, at - 12), at):
                    continue
                verb = "stated"  # "Ada Quist appealed for calm", not "his appeals to voters to"
            if not _passive_before(masked, at):
                s_start = self.att.sentences[self.att.sentence_index(at)][0]
                self._subjects(s_start, at, verb)
        for match in venue_cues(masked, runs):
            self._told(match.end(), min(len(masked), match.end() + 60))
        for match in (m for pattern in INVERTED for m in pattern.finditer(masked)):
            mention = next(self.att.mentions_within(match.end(), match.end() + 80), None)
            after_quote = masked[match.start()] != ","  # '"...," said the CDC's director, Anne Schuchat'
            if mention is not None and mention[2] == 1 and not masked[match.end() : mention[0]].strip(" the"):
                role = _ROLE_OF_BODY.match(masked, mention[1])
                named = next(self.att.mentions_within(role.end(), role.end() + 40), None) if role else None
                if role is not None and named is not None and named[2] == 0 and named[0] == role.end():
                    self.add_entity(named[3])  # "said the CDC's deputy director, Anne Schuchat": who speaks for it
                if not after_quote:
                    self.add_entity(mention[3])  # "said Kristen Day, ..., reports USA Today", "reported the Globe"
                continue
            if after_quote:
                continue  # the speaker of the quote before is the speakers' reading
            if (
                mention is not None
                and mention[2] == 0
                and joins_names(" and " + masked[match.end() : mention[0]])
                and (
                    masked[mention[1] : mention[1] + 1] in (".", ",", ";", "") or masked.startswith(" and ", mention[1])
                )
            ):
                # "The line will reopen, said Mayor Ada Quist." (no quote marks), not "..., said Hill is well-known"
                self.add_entity(mention[3])
                self._and_next(mention[1])  # "..., said Ada Quist and Piet Vorn."
            elif mention is None or mention[0] > match.end() + 4:
                bare = _BARE_OBJECT.match(masked, match.end())
                if bare is not None and masked[bare.end(1) : bare.end(1) + 1] in (".", ",", ";", ""):
                    self._bare_body(bare.start(1), bare.end(1))  # "..., said Velocar.": a name no finder knows
        if " per " in masked:
            for match in _PER.finditer(masked):
                self._per(match.end())
        for match in _credited_by(self.att.body):
            self._by(match.end(), bare=match.group().startswith(_BARE_BY))
        for end in _findings_by(masked):
            self._by(end, bare=True)
        for at in _quoted_as(masked):
            self._quoted(at)
        for org in {m[3] for m in self.att.mentions if m[2] == 1}:
            for s, e in org.mentions:
                if masked[s] != MASK and (
                    _DATA.match(masked, e) or (org.kind == "outlet" and _OUTLET_CITES.match(masked, e))
                ):
                    self.add_entity(org)  # "Chatham House data", "The Guardian cited"
        for speaker in speakers:
            if speaker is not None and speaker.kind == "organization" and not self._described(speaker.entity):
                self.add_entity(speaker.entity)
        for speaker in quoted:
            if not self._described(speaker.entity):
                self.add_entity(speaker.entity)
        return sorted(self.found.values(), key=lambda src: src.mentions[0][0] if src.mentions else 0)

    def _body_of(self, subject: Speaker, s_start: int, verb: int) -> None:
        """The body a subject named by one word is of ("Vorn of Harbour Magazine"), a source beside them."""
        words = subject.name.split()
        if len(words) != 1:
            return
        for m_start, _m_end, kind, entity in self.att.mentions_within(s_start, verb):
            if kind == 1 and self.att.masked[s_start:m_start].endswith((f"{words[0]} of ", f"{words[0]} of the ")):
                self.add_entity(entity)
                return

    def _stance_of_body(self, name: str, verb: int, word: str) -> bool:
        """Whether "NATO has insisted", "Velocar argued" credit a body no finder knows with a paraphrase: not
        "Indonesia has maintained a policy" (an object, no saying) nor "Critics of China contend" (a plural noun
        before "of" opens the subject, not a name)."""
        after = verb + len(word)
        return (
            " of " not in name
            and not _OBJECT_AFTER.match(self.att.masked, after)
            and not _AUX_AFTER.match(self.att.masked, after)
        )

    def _described(self, entity: object) -> bool:
        """Whether a speaker's name is the start of a description that names no one: "The Florida" of "The
        Florida senator said", "The Vermont" of "The Vermont senator told": a determiner and places or
        nationalities only, with a role noun after it in the text (not "The Netherlands said")."""
        words = getattr(entity, "name", "").split()
        if len(words) < 2 or words[0] not in ("The", "A", "An"):
            return False
        if not all(w in lx.PLACES or w in lx.NATIONALITIES for w in words[1:]):
            return False
        body = self.att.body
        for _s, e in getattr(entity, "mentions", []):
            noun = _LOWER_WORD.match(body, e + 1, e + 30) if body[e : e + 1] == " " else None
            if noun is not None and noun.group() in lx.ROLE_NOUNS:
                return True
        return False

    def _subjects(self, s_start: int, verb: int, word: str) -> None:
        if (
            word in _NOUN_AFTER_A_NAME
            and self.att.masked[verb - 2 : verb - 1].isalpha()
            and not self.att.masked.startswith(" that ", verb + len(word))
        ):
            word_start = self.att.masked.rfind(" ", 0, verb - 1) + 1
            if self.att.masked[word_start : word_start + 1].isupper():
                return  # "Queensland state", not "officials of Kovel Holdings state that": a noun after a name
        subject = self.att.subject_before(s_start, verb)
        if (
            subject is not None
            and (word in PARAPHRASE_VERBS or word in CREDIT_VERBS)
            and self._unknown_subject(subject, s_start, verb)
        ):
            return  # "Trump said in August after Nabisco announced": Nabisco, named once, is the subject
        if subject is None:
            subject = self._antecedent(s_start, verb, right_before=True)  # "challenged by Ada Quist, who said"
        if subject is None:
            if word in FINDING_VERBS and not self.att.masked.startswith(" that ", verb + len(word)):
                study = _STUDY_OF.search(self.att.masked, max(s_start, verb - 80), verb)
                if study is not None and study.group(1) not in lx.PLACES and study.group(1) not in lx.NATIONALITIES:
                    self._bare_body(study.start(1), study.end(1))  # "a Greenpeace study has found radioactivity"
                return  # a body no finder knows, credited with a finding only before "that": "Pew found that"
            if word in PARAPHRASE_VERBS or word in CREDIT_VERBS or word in FINDING_VERBS:
                floor = max(s_start, verb - 160)
                before = self.att.masked[floor:verb].split()
                while before and before[-1] in _AUXILIARIES:
                    before.pop()
                if before and (self._agent_of_body(floor, verb, word) or self._body_by_noun(floor, verb)):
                    return
                named = _NAME_THEN_APPOSITIVE.match(self.att.masked, s_start, verb)
                outlet = named is not None and _OUTLET_IN.search(self.att.masked, named.end(1), verb) is not None
                if named is not None and (outlet or _BODY_IN.search(self.att.masked, named.end(1), verb)):
                    # "Kompas, a national daily, reported", "Velocar, the carmaker, said": the name, not its description
                    self._bare_body(named.start(1), named.end(1), outlet=outlet)
                    return
                if not before or not before[-1][:1].isupper():
                    return  # most subjects that no finder knows are lowercase ("officials said")
                bare = _BARE_SUBJECT.search(self.att.masked[floor:verb])  # "^" is the sentence's start
                if (
                    bare is not None
                    and (floor == s_start or bare.start() > 0)
                    and self._may_credit(bare.group(1), word)
                    and (
                        word in lx.SOURCE_VERBS
                        or word in CREDIT_VERBS
                        or self._stance_of_body(bare.group(1), verb, word)
                    )
                ):
                    self._bare_body(floor + bare.start(1), floor + bare.end(1))  # "Israel said", "Gallup reported"
            return
        if subject.kind == "person":
            subject = self._body_closing_the_clause(s_start, verb, subject.entity) or subject  # "X resigned, Y said"
        if subject.kind == "person":
            self._body_of(subject, s_start, verb)  # "Vorn of Harbour Magazine points out": the magazine too
        if subject.kind == "organization":
            if self._agent_of_body(max(s_start, verb - 160), verb, word):
                return  # "A spokesperson for NISA, the Japanese government nuclear authority, said"
            if self._possessive_before(subject.entity, max(s_start, verb - REACH), verb):
                return  # "a test of the Iraqi government's ability to assert its control": the possessor
            named = _NAME_THEN_APPOSITIVE.match(self.att.masked, s_start, verb)
            if named is not None and not self.orgs_in(named.start(1), named.end(1)):
                count = len(self.found)
                self._bare_body(named.start(1), named.end(1))
                if len(self.found) > count:
                    return  # "Eurostat, the EU's statistics office, said": the name, not the body describing it
            person = self._person_before_apposition(s_start, verb, subject.entity)
            if person is not None and self._body_closing_the_clause(s_start, verb, person.entity) is None:
                subject = person  # "K.C. Maurer, treasurer at the Andy Warhol Foundation, said"
        if subject.kind == "person":
            subject = self._antecedent(s_start, verb) or subject  # "X, who backed Y and said"
            if word in FINDING_VERBS:
                if not self.att.masked.startswith(" that ", verb + len(word)):
                    return  # "Ada Quist found it difficult", "showed up": no finding
                if self._name_only(subject.entity):
                    self._bare_body(*self._mention_in(subject.entity, s_start, verb))  # "Pew found that"
                    return
                if word not in PERSON_FINDINGS or _NOUN_AFTER.search(self.att.masked, max(0, verb - 12), verb):
                    return
                word = "stated"  # "Judge Ada Quist ruled that", "a team led by Ada Quist found that"
            if (
                (not word.endswith("ing") or self._opens_its_clause(subject.entity, s_start, verb))
                and (
                    not self._possessive_before(subject.entity, max(s_start, verb - REACH), verb)
                    or _SPOKESPERSON_OF.search(self.att.masked, max(s_start, verb - 40), verb) is not None
                )
                and not self._not_the_article_s(subject.entity, s_start, verb)
            ):
                self.add_entity(subject.entity)  # "Jafari said she felt ...", not "after confirming", "Warhol's"
                self._joined_subject(subject.entity, s_start, verb)
            return
        if (
            word not in lx.SOURCE_VERBS
            and word not in CREDIT_VERBS
            and word not in FINDING_VERBS
            and (
                (word not in PARAPHRASE_VERBS and word not in STANCE_VERBS and word not in ("saying", "telling"))
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
