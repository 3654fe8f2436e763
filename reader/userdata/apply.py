"""Laying the user's corrections over an analysis: the one place every view gets the corrected one.

``apply_corrections`` takes an analysis as the analyzer made it (of any version), the body it was
made from and the article's corrections, oldest first, and returns the corrected analysis with
``corrected=True`` on every quote, person and source a correction changed, and where each
correction was placed: ``anchored`` (its quote or person is where it was), ``moved`` (found again
elsewhere, after an edit of the text), or ``orphaned`` (nothing to apply it to: kept, listed, and
applied again should its quote or person come back).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from reader.anchoring import ANCHORED, MOVED, ORPHANED, Anchor, reanchor
from reader.models import Analysis, Person, Quote, Source
from reader.userdata.corrections import (
    ADD_SOURCE,
    MERGE,
    NOT_PERSON,
    REMOVE_SOURCE,
    RENAME,
    ROLE,
    SOURCE_KIND,
    SPEAKER,
    SPEECH,
    Correction,
    find_person,
    folded,
)

EVERYWHERE = "everywhere"  # the status of a library-wide correction that found nothing in this article
USER_REASON = "user"  # speaker_reason of a speaker the user chose


@dataclass
class Applied:
    analysis: Analysis
    status: dict[str, str] = field(default_factory=dict)  # correction id -> anchored | moved | orphaned


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class _Work:
    """The analysis being corrected, as lists that the corrections change in place."""

    def __init__(self, analysis: Analysis, body: str):
        self.body = body
        self.quotes = list(analysis.quotes)
        self.people = list(analysis.people)
        self.sources = list(analysis.sources)

    # -- finding what a correction is about ----------------------------------------------------
    def quote(self, anchor: Anchor | None) -> tuple[int | None, str]:
        """The quote an anchor now points at (the one overlapping it most), and how it was placed."""
        if anchor is None:
            return None, ORPHANED
        placement = reanchor(anchor, self.body)
        if placement.start is None or placement.end is None:
            return None, ORPHANED
        span = (placement.start, placement.end)
        best = max(range(len(self.quotes)), key=lambda i: _overlap(span, self._span(i)), default=None)
        if best is None:
            return None, ORPHANED
        shared = _overlap(span, self._span(best))
        if shared * 2 < min(span[1] - span[0], self._span(best)[1] - self._span(best)[0]):
            return None, ORPHANED  # the text is there but is no longer read as a quote
        exact = self._span(best) == (anchor.start, anchor.end) and placement.status == ANCHORED
        return best, ANCHORED if exact else MOVED

    def _span(self, index: int) -> tuple[int, int]:
        return self.quotes[index].start, self.quotes[index].end

    def person(self, name: str | None, anchor: Anchor | None = None) -> tuple[int | None, str]:
        """A person by name or alias, else the one mentioned where the anchor (a mention) now lies."""
        index = find_person(self.people, name)
        if index is not None:
            return index, ANCHORED
        if anchor is not None:
            placement = reanchor(anchor, self.body)
            if placement.start is not None and placement.end is not None:
                span = (placement.start, placement.end)
                for index, person in enumerate(self.people):
                    if any(_overlap(span, mention) for mention in person.mentions):
                        return index, MOVED
        return None, ORPHANED

    def source(self, name: str) -> int | None:
        wanted = folded(name)
        for index, source in enumerate(self.sources):
            if wanted in {folded(source.name), *(folded(a) for a in source.aliases)}:
                return index
        return None

    def names_of(self, person: Person) -> set[str]:
        return {folded(person.name), *(folded(a) for a in person.aliases)}

    # -- changes shared by several kinds -----------------------------------------------------------
    def respeak(self, names: set[str], **changes: object) -> None:
        """Change every reported quote spoken under one of ``names``."""
        for index, quote in enumerate(self.quotes):
            if quote.speaker and folded(quote.speaker) in names:
                self.quotes[index] = replace(quote, corrected=True, **changes)  # type: ignore[arg-type]

    def resource(self, names: set[str], new_name: str | None, kind: str | None = None) -> None:
        """Rename (or with ``new_name`` None, drop) the sources of a person; the kind follows if given.
        A renamed source that meets one already of that name becomes one with it."""
        renamed: list[Source] = []
        for source in self.sources:
            if folded(source.name) in names and (kind is not None or source.kind == "person"):
                if new_name is None:
                    continue
                source = replace(source, name=new_name, kind=kind or source.kind, corrected=True)
            renamed.append(source)
        seen = False
        self.sources = []
        for source in renamed:
            if new_name is not None and folded(source.name) == folded(new_name):
                if seen:
                    continue
                seen = True
            self.sources.append(source)

    def speaker_known(self, name: str) -> tuple[str, str]:
        """(the name as the article has it, its type) for a speaker the user named, adding the person
        (and the source, as reported speakers are sources) when the article did not list them."""
        index, _ = self.person(name)
        if index is not None:
            name = self.people[index].name
        source = self.source(name)
        if index is None and source is not None and self.sources[source].kind != "person":
            return self.sources[source].name, "organization"
        if index is None:
            self.people.append(Person(name=name, corrected=True))
        if source is None:
            self.sources.append(Source(name=name, kind="person", corrected=True))
        return name, "person"

    # -- one correction ------------------------------------------------------------------------
    def apply(self, correction: Correction) -> str:
        kind = correction.kind
        if kind in (SPEAKER, SPEECH):
            index, status = self.quote(correction.anchor)
            if index is None:
                return status
            quote = self.quotes[index]
            if kind == SPEECH:
                self.quotes[index] = replace(quote, scare=correction.value == "scare", corrected=True)
            elif correction.value is None:
                self.quotes[index] = _spoken_by(quote, None, None)
            else:
                name, speaker_type = self.speaker_known(correction.value)
                self.quotes[index] = _spoken_by(quote, name, speaker_type)
            return status
        if kind == ADD_SOURCE:
            return self._add_source(correction)
        if kind in (REMOVE_SOURCE, SOURCE_KIND):
            found = self.source(correction.subject)
            if found is None:
                return ORPHANED
            if kind == REMOVE_SOURCE:
                del self.sources[found]
            else:
                self.sources[found] = replace(self.sources[found], kind=correction.value or "", corrected=True)
            return ANCHORED
        index, status = self.person(correction.subject, None if correction.everywhere else correction.anchor)
        if index is None:
            return EVERYWHERE if correction.everywhere else status
        person = self.people[index]
        names = self.names_of(person)
        if kind == NOT_PERSON:
            del self.people[index]
            self.respeak(names, speaker_type=correction.value or "other")
            self.resource(names, person.name if correction.value == "organization" else None, correction.value)
        elif kind == RENAME:
            new = correction.value or person.name
            aliases = tuple(sorted({*person.aliases, person.name} - {new}))
            self.people[index] = replace(person, name=new, aliases=aliases, corrected=True)
            self.respeak(names, speaker=new)
            self.resource(names, new)
        elif kind == ROLE:
            self.people[index] = replace(person, role=correction.value or None, corrected=True)
        elif kind == MERGE:
            return self._merge(index, correction)
        return status

    def _add_source(self, correction: Correction) -> str:
        mentions: tuple[tuple[int, int], ...] = ()
        status = ANCHORED
        if correction.anchor is not None:
            placement = reanchor(correction.anchor, self.body)
            if placement.start is not None and placement.end is not None:
                mentions = ((placement.start, placement.end),)
            status = placement.status  # an added source stays even when its passage is gone
        found = self.source(correction.subject)
        kind = correction.value or "organization"
        if found is not None:
            old = self.sources[found]
            self.sources[found] = replace(old, kind=kind, mentions=old.mentions or mentions, corrected=True)
        else:
            self.sources.append(Source(name=correction.subject, kind=kind, mentions=mentions, corrected=True))
        return status

    def _merge(self, index: int, correction: Correction) -> str:
        into, status = self.person(correction.value)
        if into is None or into == index:
            return ORPHANED if into is None else status
        gone, kept = self.people[index], self.people[into]
        names = self.names_of(gone)
        aliases = tuple(sorted({*kept.aliases, *gone.aliases, gone.name} - {kept.name}))
        mentions = tuple(sorted({*kept.mentions, *gone.mentions}))
        self.people[into] = replace(
            kept, aliases=aliases, mentions=mentions, role=kept.role or gone.role, corrected=True
        )
        del self.people[index]
        self.respeak(names, speaker=kept.name, speaker_type="person")
        self.resource(names, kept.name)
        return status

    def analysis(self, base: Analysis) -> Analysis:
        return replace(base, quotes=tuple(self.quotes), people=tuple(self.people), sources=tuple(self.sources))


def _spoken_by(quote: Quote, name: str | None, speaker_type: str | None) -> Quote:
    return replace(
        quote,
        speaker=name,
        speaker_type=speaker_type,
        speaker_reason=USER_REASON,
        confidence="high" if name else None,
        corrected=True,
    )


def apply_corrections(analysis: Analysis, body: str, corrections: Iterable[Correction]) -> Applied:
    """The analysis with ``corrections`` (oldest first) laid over it, and where each one was placed."""
    corrections = list(corrections)
    if not corrections:
        return Applied(analysis)
    work = _Work(analysis, body)
    status = {c.id: work.apply(c) for c in sorted(corrections, key=lambda c: (c.created, c.id))}
    return Applied(work.analysis(analysis), status)
