"""How the sources collector reads the subject of a cue beyond the speakers' subject reading: a name right
before the verb that the reading passed over, every name of a joined subject, the body an unnamed
spokesperson or "the club" stands for, and the tests of whether a subject is the article's source."""

from __future__ import annotations

import bisect
import re

from reader.analysis import lexicon as lx
from reader.analysis.orgs import OrgEntity
from reader.analysis.quotes import MASK
from reader.analysis.source_venues import SourceFinder
from reader.analysis.source_words import (
    _AFTER_CLAUSE,
    _AGENT_AFTER,
    _AGENT_FOR,
    _AGENT_STEMS,
    _AUXILIARIES,
    _BOTH,
    _COMMON_SUBJECT,
    _NAME_AFTER_CLAUSE_WORD,
    _OPEN_RELATIVE,
    _REPORTED_THAT,
    BODY_LOOKBACK,
    BODY_NOUNS,
    OUTLET_NOUNS,
    _lead_word,
    joins_names,
)
from reader.analysis.speakers import REACH, Speaker

# What may stand between a body and its verb when the body closes the sentence's clause: an appositive
# between commas ("the Supreme Council, now in control of the country, announced") or an adverb.
_BODY_TO_VERB = re.compile(r"\s*(?:,[^,]{1,80},)?\s*(?:(?:also|later|then|today|yesterday)\s+)?")
_AFTER_A_COMMA = re.compile(r",\s*(?:the\s+)?$")


class SubjectReader(SourceFinder):
    """The subject tests of the collector (see ``sources.SourceCollector``)."""

    def _antecedent(self, s_start: int, verb: int, right_before: bool = False) -> Speaker | None:
        """The person a relative clause left open up to the verb is about: "Ada Quist, who backed the plan and
        said"; with ``right_before``, only when "who" is right before the verb ("challenged by Ada Quist, who
        said", not "to meet Ada Quist, who had told him")."""
        relative = _OPEN_RELATIVE.search(self.att.masked, max(s_start, verb - 200), verb)
        if relative is None or (right_before and self.att.masked[relative.start() : verb].split() != [",", "who"]):
            return None
        antecedent = list(self.att.mentions_within(max(s_start, relative.start() - 80), relative.start()))
        if antecedent and antecedent[-1][1] == relative.start() and antecedent[-1][2] == 0:
            return Speaker(antecedent[-1][3].name, "person", antecedent[-1][3])
        return None

    def _and_next(self, end: int) -> None:
        """The person or body named right after " and " at ``end``, credited as the one before it was
        ("according to Ada Quist and Piet Vorn", "..., said the Courier and the Tribune")."""
        masked = self.att.masked
        if not masked.startswith(" and ", end):
            return
        start = end + len(" and ")
        if masked.startswith("the ", start):
            start += len("the ")
        mention = next(self.att.mentions_within(start, start + 120), None)
        if mention is not None and mention[0] == start and masked[mention[1] : mention[1] + 2] not in ("'s", "’s"):
            self.add_entity(mention[3])

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
        if last and last[-1][2] == 1:
            return False  # a body the finders know ends the subject's appositive: "an analyst at the Center for
            # Strategic and International Studies told", not "International Studies" after a clause's "and"
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
            elif self.att.masked[stop - 2 : stop] in ("s'", "s’"):
                stop -= 1  # "Velocar Motors' spokeswoman said": a plural name's possessive
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

    def _body_closing_the_clause(self, s_start: int, verb: int, person: object) -> Speaker | None:
        """The body named after a comma right before the verb when the person the subject reading took opens
        a clause of their own: "Ada Quist, the acting mayor, has resigned, the council announced" (not "Ada
        Quist, head of the Harbour Authority said", where the body is inside her appositive)."""
        masked = self.att.masked
        if masked.find(",", max(s_start, verb - 200), verb) < 0:
            return None  # most subjects: no comma before the verb ("Ada Quist said")
        mentions = list(self.att.mentions_within(max(s_start, verb - REACH), verb))
        if not mentions or mentions[-1][2] != 1 or masked[mentions[-1][0]] == MASK:
            return None
        start, end, _kind, body = mentions[-1]
        if _BODY_TO_VERB.fullmatch(masked, end, verb) is None or not _AFTER_A_COMMA.search(masked, s_start, start):
            return None
        own = [m for m in mentions if m[3] is person]
        if not own:
            return None
        between = masked[own[-1][1] : start]
        if between.count(",") < 2 and between.lstrip().startswith(","):
            return None  # one comma right after the person: the body is in their appositive
        return Speaker(body.name, "organization", body)

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
