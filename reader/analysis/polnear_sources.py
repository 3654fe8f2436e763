"""PolNeAR's sources: the named Source spans of an article's attributions, and how the sources the analyser
lists are matched to them (definitions in ``evaluate_polnear``'s docstring)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.lexicon import NATIONALITIES, OUTLET_WORDS
from reader.analysis.lexicon import _words as _words_of
from reader.analysis.orgs import ORG_HEADS
from reader.analysis.polnear_read import _WORD, NOT_NAMES, Error, _words, names_someone, read_roles, speaker_matches
from reader.models import Source

if TYPE_CHECKING:
    from reader.analysis.evaluate_polnear import PolnearResult

# Words of organisations' names too common to match two names by: "Department" in two departments.
GENERIC_WORDS = frozenset(w.casefold() for w in ORG_HEADS | OUTLET_WORDS) | _words_of(
    "of and for on in at to new national american united states us u.s international world"
)


@dataclass
class SourceCounts:
    """Recall over the distinct named Source spans, precision over the sources listed (see the docstring)."""

    gold: int = 0
    gold_found: int = 0
    predicted: int = 0
    predicted_matched: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _significant(name: str) -> set[str]:
    """The capitalised words of an organisation's name that can tell it apart ("FBI", "Quinnipiac")."""
    return {w.casefold() for w in _words(name) if w[0].isupper() and w.casefold() not in GENERIC_WORDS} - NOT_NAMES


def source_matches(names: list[str], kind: str, source: str) -> bool:
    """Whether a listed source (its name and aliases) is the one a Source span names: a person as
    speakers are matched, an organisation by a word of its name that is not generic ("Department") or by
    its whole name."""
    if kind == "person":
        return any(speaker_matches(name, source) for name in names)
    wanted, key = _significant(source), f" {_key(source)} "
    return any(wanted & _significant(name) or f" {_key(name)} " in key for name in names)


def _key(name: str) -> str:
    return " ".join(w.casefold() for w in _words(name) if w.casefold() != "the")


@dataclass
class GoldSources:
    spans: list[str]  # every Source span of the body's attributions
    venues: list[str]  # every Cue span and the words after it ("told The Washington Post", "said on CNN")
    named: dict[str, list[str]]  # the Source spans that name someone, by their last word


def _opens_sentence(raw: str, start: int) -> bool:
    before = raw[:start].rstrip(" \t\"'“‘")
    return not before or before[-1] in ".!?\n”"


def _capitalised_inside(raw: str) -> set[str]:
    """The words the article writes capitalised inside a sentence, where only names are."""
    found = set()
    for match in _WORD.finditer(raw):
        word = match.group()
        if word[0].isupper() and not _opens_sentence(raw, match.start()):
            found.add(word)
    return found


def _group_or_opener(raw: str, source: list[tuple[int, int]], inside: set[str]) -> bool:
    """A Source span that names a group ("Democrats", "Republicans") or is one word that is capitalised only
    because it opens a sentence ("Critics", "Polls", "Others"): not a named source."""
    words = [w for w in _words(" ".join(raw[a:b] for a, b in source)) if w.casefold() != "the"]
    if all(w in NATIONALITIES or w[:-1] in NATIONALITIES for w in words if w[0].isupper()):
        return True
    start = source[0][0] + len(raw[source[0][0] :]) - len(raw[source[0][0] :].lstrip())
    if raw[start : start + 4].casefold() == "the ":
        start += 4
    return len(words) == 1 and _opens_sentence(raw, start) and words[0] not in inside


VENUE_REACH = 50  # characters after a cue where the venue is named ("told CNN on Tuesday")


def _venue(raw: str, cue: list[tuple[int, int]]) -> str:
    """The text of a Cue span and what follows it up to the sentence's end or VENUE_REACH characters."""
    end = cue[-1][1]
    after = raw[end : end + VENUE_REACH]
    stop = re.search(r"[.!?;:\n“”\"]", after)
    return " ".join(raw[a:b] for a, b in cue) + " " + (after[: stop.start()] if stop else after)


def gold_sources(raw: str, ann: str, article_words: set[str], body_start: int) -> GoldSources:
    """The Source and Cue spans of the body's attributions, and the named sources by their last word."""
    gold = GoldSources([], [], {})
    inside: set[str] | None = None
    for roles in read_roles(ann):
        if roles["Content"][0][0] < body_start:
            continue
        if "Cue" in roles:
            gold.venues.append(_venue(raw, roles["Cue"]))
        source = roles.get("Source")
        if not source:
            continue
        text = " ".join(raw[a:b] for a, b in source)
        gold.spans.append(text)
        if names_someone(text, article_words):
            inside = _capitalised_inside(raw) if inside is None else inside
            if not _group_or_opener(raw, source, inside):
                gold.named.setdefault(_words(text)[-1].casefold(), []).append(text)
    return gold


def score_sources(name: str, found: list[Source], gold: GoldSources, result: PolnearResult) -> None:
    counts = result.sources
    listed = [([src.name, *src.aliases], src.kind) for src in found]
    counts.gold += len(gold.named)
    for texts in gold.named.values():
        if any(source_matches(names, kind, text) for names, kind in listed for text in texts):
            counts.gold_found += 1
        else:
            result.source_errors.append(Error("missed source", name, texts[0]))
    counts.predicted += len(listed)
    for names, kind in listed:
        venues = gold.venues if kind == "outlet" else []
        if any(source_matches(names, kind, text) for text in gold.spans + venues):
            counts.predicted_matched += 1
        else:
            result.source_errors.append(Error("source not annotated", name, names[0], kind))
