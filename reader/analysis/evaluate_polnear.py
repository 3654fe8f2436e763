"""Measure quotes, speakers and sources on PolNeAR, a corpus of hand-annotated US political news.

``python -m reader.analysis.evaluate --polnear DIR --split dev [--errors N]``. ``DIR`` is a checkout
of PolNeAR (``data/<split>/text/*.txt`` and ``data/<split>/attributions/<article>_<annotator>.ann``,
brat standoff files). The corpus states no licence: it is read at run time to measure, and nothing
from it is kept.

How the figures are defined:

- **Text.** Each text file is the title, a blank line and the paragraphs. It is read as reader's
  plain-text importer reads it (title line, then the normalised body) and every annotation offset is
  carried from the raw file to the body by aligning the two texts character by character
  (normalisation only drops or collapses whitespace and control characters).
- **Annotator.** An article annotated several times is scored on the first ``.ann`` file in sorted
  order, so runs are repeatable.
- **Gold direct quotes.** Each pair of double quotation marks (straight, curly, or doubled
  apostrophes ``''``) inside an attribution's Content span is one gold quote; its text is what lies
  inside the marks (a quote left open at a paragraph's end runs to the paragraph's end). The
  attribution's Source span is its speaker.
- **Quote match.** A predicted quote that is not flagged scare matches a gold quote when it covers at
  least 80% of the gold quote's characters, one to one, in text order. Quotes nested inside another
  predicted quote are not scored.
- **Name-sourced.** The Source span names someone when one of its words starts with a capital letter
  and is neither a pronoun or determiner nor a word that also occurs in lowercase in the article,
  its last word is capitalised and it does not open with an indefinite article or a number
  ("Officials said", "the Florida senator", "a New Hampshire Republican" are not names; "Trump",
  "The New York Post", "Trump lawyer Marc Kasowitz" are).
- **Speaker accuracy.** Over gold quotes that are matched and name-sourced: right when the predicted
  speaker's last word (its surname, possessive dropped) equals a word of the Source span, or the
  Source's last word equals a word of the predicted name ("Mr. Lou" for Lou Jiwei, "Ms. Acosta" for
  Melba Acosta Febo), ignoring case. End-to-end accuracy divides the same count by all name-sourced gold quotes.
- **Sources.** Every attribution of the body (direct, indirect, "according to") whose Source span is
  a name (as above) cites a source; the distinct named sources of an article are those Source spans
  told apart by their last word ("Trump", "Donald Trump" and "Mr. Trump" are one). Left out: groups
  (every capitalised word a nationality or party word or its plural: "Democrats", "the Republicans")
  and one word capitalised only because it opens a sentence and never inside one ("Critics",
  "Polls"). Recall is the share of them that some source the analyser lists matches: a person as
  speakers are matched, an organisation or outlet by its whole name or by a capitalised word of its
  name or an alias that is not generic ("the FBI director" for the Federal Bureau of Investigation
  (FBI), not "the Justice Department" for the State Department). Precision is the share of the
  sources listed that match any Source span of the article, named or not ("officials at the State
  Department"), or, for an outlet, a Cue span with the words after it up to VENUE_REACH characters
  within its sentence ("told CNN on Tuesday"): a lower bound, as annotators skip some attributions.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reader.analysis.evaluate import COVERAGE, Counts, _rates
from reader.analysis.polnear_read import (
    _WORD,
    Error,
    align,
    names_someone,
    quoted_parts,
    read_attributions,
    speaker_matches,
)
from reader.analysis.polnear_sources import SourceCounts, gold_sources, score_sources


@dataclass
class GoldQuote:
    start: int  # offsets into the body
    end: int
    source: str  # the annotated Source text, "" when the attribution has none
    named: bool


@dataclass
class PolnearResult:
    quotes: Counts = field(default_factory=Counts)
    named_total: int = 0  # name-sourced gold quotes
    named_matched: int = 0  # ... of them matched by a predicted quote
    speakers_right: int = 0
    articles: int = 0
    scare_flagged: int = 0  # predicted quotes flagged scare (a term, not speech)
    errors: list[Error] = field(default_factory=list)
    sources: SourceCounts = field(default_factory=SourceCounts)
    source_errors: list[Error] = field(default_factory=list)
    by_reason: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_confidence: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.named_matched if self.named_matched else 1.0

    @property
    def end_to_end(self) -> float:
        return self.speakers_right / self.named_total if self.named_total else 1.0


def gold_quotes(raw: str, ann: str, mapping: list[int], article_words: set[str], body_start: int) -> list[GoldQuote]:
    """The gold direct quotes of the body (attributions in the title line are left out)."""
    found: dict[tuple[int, int], GoldQuote] = {}
    for content, source in read_attributions(ann):
        if content[0][0] < body_start:
            continue
        source_text = " ".join(raw[a:b] for a, b in source)
        named = bool(source_text) and names_someone(source_text, article_words)
        for a, b in quoted_parts(raw, content):
            start, end = mapping[a], mapping[b]
            if end > start:
                found.setdefault((start, end), GoldQuote(start, end, source_text, named))
    return sorted(found.values(), key=lambda g: g.start)


def _snippet(body: str, start: int, end: int, width: int = 90) -> str:
    text = " ".join(body[start:end].split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _context(body: str, start: int, end: int, width: int = 120) -> str:
    """The quote's surroundings, where the attribution usually is: ``before [quote] after``."""
    before = " ".join(body[max(0, start - width) : start].split())
    after = " ".join(body[end : end + width].split())
    return f"…{before} [{_snippet(body, start, end, 60)}] {after}…"


def evaluate_article(name: str, raw: str, ann: str, result: PolnearResult) -> None:
    from reader.analysis import analyze
    from reader.importers.plaintext import parse_text

    article = parse_text(raw, source=name)
    body = article.body
    title_end = raw.index("\n") + 1 if "\n" in raw else len(raw)
    mapping = align(raw, body, title_end)
    article_words = {w for w in _WORD.findall(raw) if w.islower()}
    gold = gold_quotes(raw, ann, mapping, article_words, title_end)
    analysis = analyze(body, article.title)
    quotes = list(analysis.quotes)
    outer = [
        q
        for q in quotes
        if not any(
            o is not q and o.start <= q.start and q.end <= o.end and (o.end - o.start) > (q.end - q.start)
            for o in quotes
        )
    ]
    predicted = [q for q in outer if not q.scare]
    scare = [q for q in outer if q.scare]
    used: set[int] = set()
    result.articles += 1
    for g in gold:
        length = max(1, g.end - g.start)
        best, best_cover = None, 0.0
        for index, quote in enumerate(predicted):
            if index in used or quote.end <= g.start or quote.start >= g.end:
                continue
            cover = (min(g.end, quote.end) - max(g.start, quote.start)) / length
            if cover > best_cover:
                best, best_cover = index, cover
        if g.named:
            result.named_total += 1
        text = _context(body, g.start, g.end)
        if best is None or best_cover < COVERAGE:
            flagged = any((min(g.end, q.end) - max(g.start, q.start)) / length >= COVERAGE for q in scare)
            partial = best is not None
            cause = "flagged scare" if flagged else ("wrong span" if partial else "missed quote")
            result.errors.append(Error(cause, name, text, f"source: {g.source!r}"))
            continue
        used.add(best)
        result.quotes.tp += 1
        if not g.named:
            continue
        result.named_matched += 1
        quote = predicted[best]
        right = speaker_matches(quote.speaker, g.source)
        result.speakers_right += right
        for table, key in ((result.by_reason, quote.speaker_reason), (result.by_confidence, quote.confidence)):
            table[key or "-"][0] += right
            table[key or "-"][1] += 1
        if not right:
            cause = "no speaker" if quote.speaker is None else "wrong speaker"
            result.errors.append(
                Error(cause, name, text, f"said {quote.speaker!r} ({quote.speaker_reason}), source {g.source!r}")
            )
    for index, quote in enumerate(predicted):
        if index not in used:
            result.errors.append(Error("false quote", name, _context(body, quote.start, quote.end, 60)))
    result.scare_flagged += len(scare)
    result.quotes.predicted += len(predicted)
    result.quotes.gold += len(gold)
    score_sources(name, list(analysis.sources), gold_sources(raw, ann, article_words, title_end), result)


def articles(root: Path, split: str) -> list[tuple[str, Path, Path]]:
    """(name, text file, chosen annotation file) for every annotated article of a split."""
    data = root / "data" / split if (root / "data").is_dir() else root / split
    texts, annotations = data / "text", data / "attributions"
    if not texts.is_dir() or not annotations.is_dir():
        raise FileNotFoundError(f"{data}: no text/ and attributions/ folders (is this a PolNeAR checkout?)")
    anns = sorted(annotations.glob("*.ann"))
    found = []
    for text in sorted(texts.glob("*.txt")):
        prefix = text.stem + "_"
        chosen = next((a for a in anns if a.name.startswith(prefix)), None)
        if chosen is not None:
            found.append((text.stem, text, chosen))
    if not found:
        raise FileNotFoundError(f"{data}: no annotated articles")
    return found


def evaluate_split(root: Path, split: str) -> PolnearResult:
    result = PolnearResult()
    for name, text, ann in articles(root, split):
        evaluate_article(name, text.read_text(encoding="utf-8"), ann.read_text(encoding="utf-8"), result)
    return result


def report(result: PolnearResult, split: str, errors: int = 0) -> str:
    q = result.quotes
    lines = [
        f"PolNeAR {split}: {result.articles} articles",
        f"quotes   P {q.precision:.3f}  R {q.recall:.3f}  F1 {q.f1:.3f}  "
        f"({q.tp} of {q.gold} gold, {q.predicted} found)",
        f"speakers accuracy {result.speaker_accuracy:.3f}  ({result.speakers_right} of {result.named_matched} matched "
        f"name-sourced quotes; end to end {result.end_to_end:.3f} of {result.named_total})",
    ]
    lines.append("  by confidence: " + _rates(result.by_confidence))
    lines.append("  by reason:     " + _rates(result.by_reason))
    s = result.sources
    lines.append(
        f"sources  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  ({s.gold_found} of {s.gold} named sources "
        f"found; {s.predicted_matched} of {s.predicted} listed match a Source span)"
    )
    causes = Counter(e.cause for e in result.errors)
    lines.append(
        f"  flagged scare: {result.scare_flagged} quotes, {causes['flagged scare']} of them gold direct quotes"
    )
    lines.append("errors: " + ", ".join(f"{cause} {count}" for cause, count in causes.most_common()))
    source_causes = Counter(e.cause for e in result.source_errors)
    lines.append("source errors: " + ", ".join(f"{cause} {count}" for cause, count in source_causes.most_common()))
    if errors:
        grouped: dict[str, list[Error]] = defaultdict(list)
        for error in result.errors:
            grouped[error.cause].append(error)
        for cause, _count in causes.most_common():
            lines.append(f"\n## {cause}")
            for error in grouped[cause][:errors]:
                lines.append(f"  {error.article}: {error.text!r}" + (f"\n      {error.detail}" if error.detail else ""))
        for cause, _count in source_causes.most_common():
            lines.append(f"\n## {cause}")
            for error in [e for e in result.source_errors if e.cause == cause][:errors]:
                lines.append(f"  {error.article}: {error.text!r}" + (f" ({error.detail})" if error.detail else ""))
    return "\n".join(lines)


def main(root: Path, split: str, errors: int = 0) -> int:
    try:
        result = evaluate_split(root, split)
    except (OSError, ValueError) as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 1
    print(report(result, split, errors))
    return 0
