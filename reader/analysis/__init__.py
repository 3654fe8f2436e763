"""Offline analysis of an article body: quotes with speakers, people, cited sources, links.

Rule-based and deterministic: word lists and patterns of news writing, nothing downloaded and no
model to load, so an article takes milliseconds. ``ANALYZER_VERSION`` changes whenever the output
may change, so stored analyses are recomputed.
"""

from __future__ import annotations

import gc

from reader.models import Analysis, Link, Person, Quote

ANALYZER_VERSION = "1.11"


def analyze(body: str, title: str = "", links: list[Link] | None = None) -> Analysis:
    """Quotes (with speaker and scare flag), people, sources and links of ``body``.

    Offsets are character offsets into ``body``; ``body[q.start:q.end] == q.text`` for every quote.
    """
    # The analysis makes many small objects and almost no reference cycles: the cyclic collector,
    # run every few hundred of them, would walk the caller's whole heap (an import's parsed pages)
    # again and again to find nothing. What the analysis leaves is freed by reference counting.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _analyze(body, title, links)
    finally:
        if paused:
            gc.enable()


def _analyze(body: str, title: str, links: list[Link] | None) -> Analysis:
    from reader.analysis.attribution import CONFIDENCE, attribute
    from reader.analysis.links import find_links
    from reader.analysis.orgs import find_orgs
    from reader.analysis.people import find_people
    from reader.analysis.quotes import find_quotes, mask_quotes
    from reader.analysis.sources import SourceCollector
    from reader.analysis.speakers import Attributor
    from reader.analysis.tokens import sentence_spans, tokenize
    from reader.text import paragraph_spans

    raw = find_quotes(body)
    masked = mask_quotes(body, raw)
    tokens = tokenize(body)
    people = find_people(body, tokens, [(q.start, q.end) for q in raw])
    person_starts = {s for p in people for s, _ in p.mentions}
    orgs = find_orgs(body, tokens, person_starts)
    attributor = Attributor(body, masked, tokens, sentence_spans(masked), people, orgs)
    verdicts = attribute(body, raw, attributor, paragraph_spans(body))
    quotes = tuple(
        Quote(
            text=body[q.start : q.end],
            start=q.start,
            end=q.end,
            speaker=speaker.name if speaker else None,
            scare=scare,
            speaker_type=speaker.kind if speaker else None,
            speaker_reason=reason,
            confidence=CONFIDENCE[reason],
        )
        for q, (speaker, scare, reason) in zip(raw, verdicts, strict=True)
    )
    sources = SourceCollector(attributor).collect(
        [v[0] for v in verdicts if v[0] is not None], quoted=[v[0] for v in verdicts if v[0] is not None and not v[1]]
    )
    persons = tuple(
        Person(name=p.name, aliases=tuple(sorted(p.aliases)), role=p.role, mentions=tuple(p.mentions)) for p in people
    )
    return Analysis(
        version=ANALYZER_VERSION,
        quotes=quotes,
        people=persons,
        sources=tuple(sources),
        links=tuple(find_links(body, links)),
    )
