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
from collections.abc import Iterable

from reader.analysis import lexicon as lx
from reader.analysis.cues import STATEMENT_VERBS
from reader.analysis.orgs import OrgEntity
from reader.analysis.quotes import MASK
from reader.analysis.source_venues import _BARE_BY, _BY, _PER, _TO, SourceFinder, _findings_by
from reader.analysis.source_words import (
    _ABOUT_AFTER,
    _ADD_FORMS,
    _AFTER_CLAUSE,
    _AGENT_AFTER,
    _AGENT_FOR,
    _AGENT_STEMS,
    _AUXILIARIES,
    _BARE_OBJECT,
    _BARE_SUBJECT,
    _BODY_IN,
    _BOTH,
    _CLAUSE_AFTER,
    _COMMON_SUBJECT,
    _DATA,
    _INVERTED,
    _NAME_AFTER_CLAUSE_WORD,
    _NAME_THEN_APPOSITIVE,
    _NOUN_AFTER,
    _NOUN_BEFORE,
    _NOUN_FORMS,
    _OBJECT_AFTER,
    _OPEN_RELATIVE,
    _OUTLET_CITES,
    _OUTLET_IN,
    _PHRASAL,
    _REPORTED_THAT,
    _THAT_AFTER,
    ABOUT_VERBS,
    BODY_LOOKBACK,
    BODY_NOUNS,
    CLAUSE_VERBS,
    CREDIT_VERBS,
    FINDING_VERBS,
    OUTLET_NOUNS,
    PARAPHRASE_VERBS,
    PERSON_FINDINGS,
    STANCE_VERBS,
    THAT_STANCE_VERBS,
    THAT_VERBS,
    _lead_word,
    _passive_before,
    _progressive_before,
    _stance_verbs,
    joins_names,
)
from reader.analysis.speakers import REACH, Speaker
from reader.models import Source

_WHETHER = re.compile(r"(?:\s+[a-z]+){0,3}\s+(?:whether|if)\b")  # "asked (the minister) whether"


class SourceCollector(SourceFinder):
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
                self._subjects(s_start, c_start, verb)
                if word in ("told", "tells", "tell"):
                    self._told(c_end, s_end)
        for at, verb in _stance_verbs(masked):
            if verb in THAT_STANCE_VERBS:
                if not _THAT_AFTER.match(masked, at + len(verb)) or _NOUN_AFTER.search(masked, max(0, at - 12), at):
                    continue
                verb = "stated"  # "Ada Quist estimated that": credited as with "said that"
            elif verb in ABOUT_VERBS:
                if not _ABOUT_AFTER.match(masked, at + len(verb)):
                    continue
                verb = "stated"  # "Ada Quist talked about the risks"
            if not _passive_before(masked, at):
                s_start = self.att.sentences[self.att.sentence_index(at)][0]
                self._subjects(s_start, at, verb)
        for match in _TO.finditer(masked):
            self._told(match.end(), min(len(masked), match.end() + 60))
        for match in _INVERTED.finditer(masked):
            mention = next(self.att.mentions_within(match.end(), match.end() + 80), None)
            if mention is not None and mention[2] == 1 and not masked[match.end() : mention[0]].strip(" the"):
                self.add_entity(mention[3])  # "said Kristen Day, ..., reports USA Today", "reported the Globe"
            elif mention is None or mention[0] > match.end() + 4:
                bare = _BARE_OBJECT.match(masked, match.end())
                if bare is not None and masked[bare.end(1) : bare.end(1) + 1] in (".", ",", ";", ""):
                    self._bare_body(bare.start(1), bare.end(1))  # "..., said Velocar.": a name no finder knows
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
                and not self._possessive_before(subject.entity, max(s_start, verb - REACH), verb)
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
            self._joined_people(s_start, end)
            return True
        text = " ".join(words)
        bare = _NAME_AFTER_CLAUSE_WORD.search(text)
        if bare is None or next(self.att.mentions_within(end - len(bare.group(1)) - 2, end), None) is not None:
            return False  # a person or body the finders know: the subject reading handles it
        before = len(self.found)
        self._bare_body(end - len(bare.group(1)), end)
        return len(self.found) > before

    def _joined_subject(self, entity: object, s_start: int, verb: int) -> None:
        """The other people of a subject that is a list ending with ``entity`` right before the verb
        ("police chief Ada Quist and Mayor Lena Varga said"): each is credited."""
        words = self.att.masked[max(s_start, verb - 120) : verb].split()
        while words and (words[-1] in _AUXILIARIES or words[-1] in _BOTH):
            words.pop()
        if not words:
            return
        end = self.att.masked.rfind(words[-1], max(s_start, verb - 120), verb) + len(words[-1])
        last = [m for m in self.att.mentions_within(max(s_start, end - 80), end) if m[1] == end]
        if last and last[-1][2] == 0:
            self._joined_people(s_start, end, member=entity)

    def _joined_people(self, s_start: int, end: int, member: object = None) -> None:
        """Every person of the list of names that ends at ``end`` ("Ada Quist, Lena Varga and Omar Haddad
        said"); with ``member``, only when that person is one of them. Not "Ada Quist met Lena Varga, and Omar
        Haddad said" nor "..., Lena Varga said": after one name, a comma joins two clauses, not two names."""
        people = [m for m in self.att.mentions_within(max(s_start, end - 200), end) if m[2] == 0]
        joined = [people[-1]]
        for mention in reversed(people[:-1]):
            gap = self.att.masked[mention[1] : joined[-1][0]]
            if not joins_names(gap) or (len(joined) == 1 and ("," in gap or "and" not in gap.split())):
                break  # the last two names are joined by "and" alone: "Ada Quist, Lena Varga said" is no list
            joined.append(mention)
        if member is None or any(m[3] is member for m in joined):
            for mention in joined:
                self.add_entity(mention[3])

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

    @staticmethod
    def _may_credit(name: str, verb: str) -> bool:
        """ "NASA reports", "Gallup notes", but not "Recent reports": a verb that is mostly a noun needs a body."""
        return verb not in lx.REPORTING_NOUN_LIKE or " " in name or (name.isupper() and len(name) > 1)

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
