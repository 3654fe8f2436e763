"""Sources: who the article attributes its information to.

Outlets and organisations that report, say or supply data (according to Reuters, told the Post,
Chatham House data, The Washington Post explains), people and groups that information is shared or
reported by, and organisations that speak in quotes.
"""

from __future__ import annotations

import re

from reader.analysis import lexicon as lx
from reader.analysis.orgs import OrgEntity
from reader.analysis.people import PersonEntity
from reader.analysis.quotes import MASK
from reader.analysis.speakers import REACH, Attributor, Speaker
from reader.models import Source

_BY = re.compile(r"\b(?:shared|reported|published|posted|provided|released|compiled|gathered) by\s+")
_GROUP = re.compile(
    r"(the (?:community|group|network|coalition|union|association|collective|team|committee|council|alliance|"
    r"society|federation) of [a-z][a-z -]{2,60}?)(?=\s+(?:who|which|that|and|in|on|at|for)\b|[,.;:]|$)"
)
_TO = re.compile(r"\b(?:told|tells|tell|remarks to|statement to|interview with|speaking to|spoke to)\s+")
_DATA = re.compile(r"\s+(?:data|figures|statistics|research|analysis|report|survey|poll|study)\b")


class SourceCollector:
    def __init__(self, att: Attributor) -> None:
        self.att = att
        self.found: dict[str, Source] = {}

    def add_entity(self, entity: object) -> None:
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

    def collect(self, speakers: list[Speaker | None]) -> list[Source]:
        masked = self.att.masked
        for s_start, s_end in self.att.sentences:
            for kind, c_start, c_end in self.att.cues(s_start, s_end):
                word = masked[c_start:c_end].lower()
                if kind == "lead":
                    found = self.att.object_after(c_end, s_end)
                    if found and found.kind == "organization":
                        self.add_entity(found.entity)
                    continue
                if word.split()[0] not in lx.SOURCE_VERBS:
                    continue
                self._subject_orgs(s_start, c_start)
                if word in ("told", "tells", "tell"):
                    self._told(c_end, s_end)
        for match in _TO.finditer(masked):
            self._told(match.end(), min(len(masked), match.end() + 60))
        for match in _BY.finditer(self.att.body):
            self._by(match.end())
        for org in {m[3] for m in self.att.mentions if m[2] == 1}:
            for s, e in org.mentions:
                if _DATA.match(masked, e) and masked[s] != MASK:
                    self.add_entity(org)
        for speaker in speakers:
            if speaker is not None and speaker.kind == "organization":
                self.add_entity(speaker.entity)
        return sorted(self.found.values(), key=lambda src: src.mentions[0][0] if src.mentions else 0)

    def _subject_orgs(self, s_start: int, verb: int) -> None:
        subject = self.att.subject_before(s_start, verb)
        if subject is None or subject.kind != "organization":
            return
        self.add_entity(subject.entity)
        # "Both the Irving school district and the Irving police have asserted": every body joined by "and".
        s_start = max(s_start, verb - REACH)
        floor = max(s_start, self.att.masked.rfind(",", s_start, verb) + 1)
        clause = self.att.masked[floor:verb]
        if " and " in clause:
            for org in self.orgs_in(floor, verb):
                self.add_entity(org)

    def _told(self, start: int, end: int) -> None:
        text = self.att.masked[start : min(end, start + REACH)]
        match = re.match(r"(?:the\s+)?((?:[a-z]{1,3}-)?[A-Z][\w.&'’-]*(?:\s+(?:of|and|the|[A-Z][\w.&'’-]*))*)", text)
        if not match:
            return
        for org in self.orgs_in(start, start + match.end()):
            if org.kind == "outlet":
                self.add_entity(org)
                return

    def _by(self, start: int) -> None:
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
            self.add_entity(found.entity)
