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

import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from reader.analysis.evaluate import COVERAGE, Counts, _rates
from reader.analysis.lexicon import NATIONALITIES, OUTLET_WORDS
from reader.analysis.lexicon import _words as _words_of
from reader.analysis.orgs import ORG_HEADS
from reader.models import Source

_TEXT_BOUND = re.compile(r"^T(\d+)\t([\w-]+) ([\d ;]+)\t", re.MULTILINE)
_EVENT = re.compile(r"^E\d+\t(.*)$", re.MULTILINE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_OPENERS = "“"
_CLOSERS = "”"
NOT_NAMES = _words_of(
    "i he she they we it you me him her them us his its their our my your the a an this that these those "
    "one some many most several all both another other each"
)


DESCRIPTIONS = frozenset({"a", "an", "one", "another", "some", "two", "three", "several", "many"})
# Words of organisations' names too common to match two names by: "Department" in two departments.
GENERIC_WORDS = frozenset(w.casefold() for w in ORG_HEADS | OUTLET_WORDS) | _words_of(
    "of and for on in at to new national american united states us u.s international world"
)


@dataclass
class GoldQuote:
    start: int  # offsets into the body
    end: int
    source: str  # the annotated Source text, "" when the attribution has none
    named: bool


@dataclass
class Error:
    cause: str
    article: str
    text: str
    detail: str = ""


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


def align(raw: str, body: str, start: int) -> list[int]:
    """For each offset of ``raw`` (from ``start`` on, plus its end) the offset of ``body`` it became.

    ``body`` is ``raw[start:]`` normalised: characters are only dropped (controls, extra whitespace)
    or turned into a space, so a greedy walk aligns them.
    """
    mapping = [0] * (len(raw) + 1)
    j = 0
    for i in range(start, len(raw)):
        mapping[i] = j
        ch = raw[i]
        if j < len(body) and (
            body[j] == ch or (body[j].isspace() and ch.isspace()) or unicodedata.normalize("NFC", ch) == body[j]
        ):
            j += 1
    mapping[len(raw)] = j
    return mapping


def _spans(offsets: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))]


def read_roles(ann: str) -> list[dict[str, list[tuple[int, int]]]]:
    """The fragments (raw offsets) of each attribution of a brat file by role: Content, Source, Cue.

    An attribution may have a second content span (``Content2``): its fragments join the first's,
    in text order, rather than replacing them.
    """
    bounds = {m.group(1): (m.group(2), _spans(m.group(3))) for m in _TEXT_BOUND.finditer(ann)}
    found = []
    for event in _EVENT.finditer(ann):
        refs: dict[str, list[str]] = {}
        for part in event.group(1).split():
            role, _, ref = part.partition(":")
            refs.setdefault(role.rstrip("0123456789"), []).append(ref.lstrip("T"))
        contents = [bounds[ref] for ref in refs.get("Content", []) if ref in bounds]
        fragments = sorted(span for kind, spans in contents if kind == "Content" for span in spans)
        if not fragments:
            continue
        roles = {role: bounds[ids[0]][1] for role, ids in refs.items() if role != "Content" and ids[0] in bounds}
        roles["Content"] = fragments
        found.append(roles)
    return found


def read_attributions(ann: str) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """(content fragments, source fragments) of each attribution of a brat file, raw offsets."""
    return [(roles["Content"], roles.get("Source", [])) for roles in read_roles(ann)]


def quoted_parts(text: str, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Offsets inside the quotation marks of the text covered by ``fragments``."""
    marks: list[tuple[int, int, str]] = []  # (offset, width, kind)
    for a, b in fragments:
        i = a
        while i < b:
            ch = text[i]
            if ch == "'" and text.startswith("''", i) and i + 1 < b:
                marks.append((i, 2, "either"))
                i += 2
                continue
            if ch in _OPENERS:
                marks.append((i, 1, "open"))
            elif ch in _CLOSERS:
                marks.append((i, 1, "close"))
            elif ch == '"':
                marks.append((i, 1, "either"))
            elif text.startswith("\n\n", i) and marks and marks[-1][2] != "para":
                marks.append((i, 0, "para"))
            i += 1
    parts = []
    open_at: int | None = None
    first = fragments[0][0]
    for pos, width, kind in marks:
        if kind == "para":
            if open_at is not None:
                parts.append((open_at, pos))
                open_at = None
            continue
        if open_at is None:
            if kind == "close":
                parts.append((first, pos))  # the opening mark lies before the span
            else:
                open_at = pos + width
        elif kind == "open" and text[pos] != '"':
            open_at = pos + width
        else:
            parts.append((open_at, pos))
            open_at = None
    if open_at is not None:
        parts.append((open_at, fragments[-1][1]))
    trimmed = []
    for a, b in parts:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if any(ch.isalnum() for ch in text[a:b]):
            trimmed.append((a, b))
    return trimmed


def _words(text: str) -> list[str]:
    return [re.sub(r"['’]s$", "", w) for w in _WORD.findall(text)]


def names_someone(source: str, article_words: set[str]) -> bool:
    """Whether an annotated Source is a proper name (see the module docstring)."""
    words = _words(source)
    if not words or words[0].lower() in DESCRIPTIONS or not words[-1][0].isupper():
        return False  # "a New Hampshire Republican", "the Florida senator"
    for word in words:
        if word[0].isupper() and word.lower() not in NOT_NAMES and word.lower() not in article_words:
            return True
    return False


def speaker_matches(speaker: str | None, source: str) -> bool:
    if not speaker:
        return False
    words = [w.casefold() for w in _words(speaker)]
    named = [w.casefold() for w in _words(source)]
    if not words or not named:
        return False
    return words[-1] in named or named[-1] in words


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
