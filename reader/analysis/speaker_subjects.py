"""Subjects that open a sentence without a cue: the person a sentence is about ('Clinton celebrated,
declaring it "..."'), a name no list knows ("Naoto Kan, the prime minister, expressed"), a person the
sentence does not name ("The programme manager stated"), and the subject of "with X -ing" before a
quote; the speaker named after an inverted cue ('" said X, the minister'); and the subject before the
comma of a role left open or a relative "who".

A base of ``speakers.Attributor`` (moved out of it unchanged).
"""

from __future__ import annotations

import re
from itertools import pairwise

from reader.analysis import lexicon as lx
from reader.analysis.people import PersonEntity
from reader.analysis.speaker_lookup import REACH, Speaker, mention_speaker
from reader.analysis.speaker_marks import QuoteMarks
from reader.analysis.speaker_shapes import (
    APPOSITION,
    APPOSITIVE,
    FOR_ORG,
    HEAD_WORDS,
    LEAD_NAME,
    OPENING_PHRASE,
    PARTICIPLE,
    PREPOSITION_LEAD,
    PRONOUN_AT,
    RELATIVE_SUBJECT,
    THEIR_CLAIM,
    TITLE_GOES_ON,
    TITLED_NAME,
    UNCLOSED_ROLE,
    UNNAMED_SUBJECT,
    VERB_AFTER,
    WITH_BEFORE,
    object_end,
    subject_prefix,
)

# A description by age alone is of someone named just before: "The 62-year-old retired nurse has lived".
_AGED_THE = re.compile(r"The \d{1,3}-year-old\b")
# A name, "of" and a body's name, up to the verb: "Dodds of Time Magazine", "Kovel of the Harbour Institute".
_NAME_OF_BODY = re.compile(r"\s*((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)\s+of\s+(?:the\s+)?[A-Z][^,;:]*")


class SubjectFinder(QuoteMarks):
    """Sentence subjects the pronoun and participle rules fall back on."""

    def _person_ends(self, at: int) -> bool:
        """Whether a listed person's mention ends at ``at``."""
        return any(m[1] == at and m[2] == 0 for m in self.mentions_within(max(0, at - 60), at))

    def before_comma(self, cuts: list[int], head_start: int, end: int) -> Speaker | None:
        """The subject named before the comma that opens the words right before a verb, when those
        words are a role left open or a relative "who"; ``cuts`` are the clause's cuts."""
        if UNCLOSED_ROLE.match(self.masked, head_start, end):
            return self._name_alone(cuts[-2] + 1, cuts[-1])  # the appositive's closing comma left out
        if RELATIVE_SUBJECT.fullmatch(self.masked, head_start, end):
            return self._relative_antecedent(cuts)
        return None

    def name_of_body(self, start: int, end: int) -> Speaker | None:
        """A name no list knows before "of" and the body it is of, as the subject of a speech verb
        ("Dodds of Time Magazine points out"): the person speaks, not the body."""
        match = _NAME_OF_BODY.match(self.masked, start, end)
        if match is None or self.name_begins(match.start(1), match.end(1)):
            return None
        named = self.unlisted.entity(match.start(1), match.end(1), speaking=True)
        if named is None or named[0] != "person":
            return None
        return Speaker(named[1].name, "person", named[1])

    def _relative_antecedent(self, cuts: list[int]) -> Speaker | None:
        """Who the "who" after the last of ``cuts`` stands for ("AFP spoke to Terence Fan, an expert
        at SMU, who said"): the person named last before its comma, past one lowercase appositive."""
        segments = [(a + 1, b) for a, b in pairwise(cuts[-4:])][::-1]
        if len(segments) > 1 and APPOSITIVE.match(self.masked, *segments[0]):
            segments = segments[1:]  # ", an air industry expert from Singapore Management University,"
        if not segments:
            return None
        start, end = segments[0]
        end = start + len(self.masked[start:end].rstrip())
        mention = next((m for m in self.mentions_within(start, end) if m[1] == end and m[2] == 0), None)
        if mention is None or not self._outside_quotes(mention[0]):
            return None
        return mention_speaker(0, mention[3])

    def sentence_subject(self, start: int, before: int) -> Speaker | None:
        """The person a sentence is about, when it opens with them and a verb follows.

        For quoted words inside reported speech without a cue ('Clinton celebrated, declaring it
        "another super Tuesday"'): the sentence's subject is the one quoted. An opening phrase
        before a comma ("On Monday, ...") and an appositive after the name are skipped.
        """
        start = max(start, before - REACH)
        lead = OPENING_PHRASE.match(self.masked, start, before)
        if lead and (
            not self._person_ends(self.masked.rfind(",", start, lead.end()))
            or PREPOSITION_LEAD.match(self.masked, start, before)  # "Like Doe, Roe rejected"
        ):
            start = lead.end()  # not "Senate Leader Mitch McConnell, R-Ky., delivered": that is the subject
        match = PRONOUN_AT.match(self.masked, start, before)
        if match:
            follows = VERB_AFTER.match(self.masked, match.end(), before)
            return self.pronoun(match.group(1), match.start(1)) if follows else None
        # A name no list knows opening the sentence, after any opening phrase ("At the debate, Sanders
        # compared himself to Clinton, saying"), when a lowercase verb follows it.
        role = self.by_role(start, before)  # "The Iranian president attacked": the one of that role
        if role is not None and VERB_AFTER.match(self.masked, role[1], before):
            return role[0]
        name = LEAD_NAME.match(self.masked, start, before)
        if name and not self.name_begins(start, name.end()):
            named = self.unlisted.entity(start, name.end())
            if named is not None and VERB_AFTER.match(self.masked, name.end(), before):
                return Speaker(named[1].name, named[0], named[1])
        # The subject opens the sentence or a clause after a comma ("In his speech, a tribute to
        # Kerry, Mr. Obama decried the ..."); "said that Trump ..." has no subject there.
        for tried, (m_start, m_end, kind, entity) in enumerate(self.mentions_within(start, before)):
            if tried == 6:
                break
            before_name = self.masked[start:m_start]
            clause = max(before_name.rfind(c) for c in ",;—–(")  # also after a dateline's dash
            if not subject_prefix(before_name[clause + 1 :]) or not self._outside_quotes(m_start):
                if clause < 0:
                    return None
                continue
            if kind != 0 and self.masked[m_start:m_end] != entity.name:
                continue
            end = m_end
            appositive = APPOSITION.match(self.masked, end, before)
            if appositive:
                end = appositive.end()
            elif lead and self.masked[end : end + 1] == ",":
                end += 1  # "Director of the Harbour Institute, Steve Ellis, offered": the role's closing comma
            if VERB_AFTER.match(self.masked, end, before) or (
                kind == 0 and THEIR_CLAIM.match(self.masked, m_end, before)  # "X's catch phrase was that"
            ):
                return mention_speaker(kind, entity)
            if clause < 0 and not (kind == 1 and TITLE_GOES_ON.match(self.masked, m_end, before)):
                return None  # but "Senate Majority Leader Mitch McConnell, R-Ky., delivered": the name is next
        return None

    def unlisted_subject(self, start: int, before: int) -> PersonEntity | None:
        """A name no list knows opening the sentence, with its title and an appositive, before a verb
        ("Secretary of State Jane Roe felt", "Naoto Kan, the prime minister, expressed"): what a he or
        she in the sentences after it stands for when the sentence names no listed person."""
        start = max(start, before - REACH)
        lead = OPENING_PHRASE.match(self.masked, start, before)
        if lead:
            start = lead.end()
        name = TITLED_NAME.match(self.masked, start, before)
        if name is None:
            return None
        end = name.end()
        appositive = APPOSITION.match(self.masked, end, before)
        if not VERB_AFTER.match(self.masked, appositive.end() if appositive else end, before):
            return None
        named = self.unlisted.entity(start, end, antecedent=True)
        return named[1] if named is not None and isinstance(named[1], PersonEntity) else None

    def unnamed_subject(self, start: int, before: int, pronoun: str) -> tuple[Speaker | None] | None:
        """A person the sentence does not name opening it ("The programme manager stated", "A spokesman
        for the agency, the X, said"): the ``pronoun`` (he or she) after it is that person, who speaks
        for the organisation after "for" or "of" if one is named there (else no one). Not one of the
        other sex ("The Prince was head of ... she")."""
        start = max(start, before - REACH)
        lead = OPENING_PHRASE.match(self.masked, start, before)
        if lead:
            start = lead.end()
        phrase = UNNAMED_SUBJECT.match(self.masked, start, before)
        if phrase is None:
            return None
        words = phrase.group(1).split()
        if not lx.FEMALE_WORDS.isdisjoint(words) if pronoun == "he" else not lx.MALE_WORDS.isdisjoint(words):
            return None
        head = next(
            (w for w in HEAD_WORDS.finditer(self.masked, phrase.start(1), phrase.end()) if w[0] in lx.ROLE_NOUNS), None
        )
        if head is None:
            return None
        person = self.one_named_before(start) if _AGED_THE.match(self.masked, start, before) else None
        if person is not None and person.gender in (None, "", "f" if pronoun == "she" else "m"):
            return (Speaker(person.name, "person", person, "pronoun"),)  # "Ann Roe was first. The 62-year-old nurse"
        for m_start, _m_end, kind, entity in self.mentions_within(head.end(), min(before, head.end() + 60)):
            if kind == 1 and FOR_ORG.fullmatch(self.masked, head.end(), m_start):
                return (Speaker(entity.name, "organization", entity, "pronoun"),)
            break
        return (None,)

    def participle_subject(self, floor: int, mark: int) -> Speaker | None:
        """The subject of "with X -ing" leading to the quote ('with Sen. John McCain calling it a "..."').

        Only after "with": in "attacked Rubio, saying ..." the participle is the sentence subject's.
        """
        with_at = self.masked.rfind("with", max(floor, mark - 160), mark)
        if with_at < 0:
            return None  # most sentences: no "with" to look behind
        start = with_at  # the last "with" before the quote opens the construction
        for match in reversed(list(PARTICIPLE.finditer(self.masked, start, mark))):
            name_end = match.start()
            for m_start, m_end, kind, entity in self.mentions_within(max(start, name_end - 80), name_end):
                with_before = WITH_BEFORE.search(self.masked, max(start, m_start - 40), m_start)
                if m_end == name_end and self._outside_quotes(m_start) and with_before:
                    return mention_speaker(kind, entity)
        return None

    def object_after(self, start: int, limit: int) -> Speaker | None:
        limit = min(limit, start + REACH)
        text = self.masked[start:limit]
        stop = object_end(text)
        end = start + (stop if stop is not None else len(text))
        comma = text.find(",", 0, end - start)
        if comma > 0:
            words = text[:comma].split()
            if words and words[-1] in lx.ROLE_NOUNS:
                # '" said the CDC's deputy director, Anne Roe': the role is hers, the name after it speaks
                for m_start, _m_end, kind, entity in self.mentions_within(start + comma, end):
                    if kind == 0 and not self.masked[start + comma + 1 : m_start].strip():
                        return Speaker(entity.name, "person", entity)
                    break
            found = self.resolve(start, start + comma)  # "according to ABC News, Basya believes"
            if found is not None:
                return found
        body = self.unlisted.described_body(start, end)  # '"...," said Norway's transport ministry'
        if body is not None and self.entity_in(body[1], body[2], persons_only=True) is None:
            return Speaker(body[0].name, "organization", body[0])  # not 'the office of Senator Jane Roe'
        return self.resolve(start, end)
