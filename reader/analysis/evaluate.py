"""Measure the analyzer against hand-annotated articles.

``python -m reader.analysis.evaluate GOLD_DIR [--part dev|measure|fresh|sealed|sealed2] [--verbose] [--json]``: each
``NAME.txt`` (plain-text layout) beside ``NAME.expected.json`` is analysed and compared. A predicted quote
matches a gold quote when it covers at least 80% of the gold quote's characters (one-to-one); speaker
accuracy is over matched quotes; people and sources match by name or any annotated alias.

A ``parts.json`` beside the articles names the measure-only parts (``{"measure": [NAME, ...], "fresh":
[NAME, ...]}``); every other article is in the development part. Rules are developed on the one and only
measured on the others, so the figures are printed for each part as well as for the whole set. ``fresh``
is a second measure-only part, annotated during the work on analyzer 1.7 without the analyser being run on
it and never developed on; ``sealed`` a third, annotated the same way during the work on analyzer 1.8 and
measured only with analyzers as released; ``sealed2`` a fourth, annotated the same way during the work on
analyzer 1.9. (A former ``holdout`` part became development data with 1.9.)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

COVERAGE = 0.8


def normalize_name(name: str | None) -> str:
    if not name:
        return ""
    text = re.sub(r"[’']s$", "", name.strip()).casefold()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[^\w\s.&-]", "", text)
    return " ".join(text.split())


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    quotes: Counts = field(default_factory=Counts)
    speakers_right: int = 0
    speakers_total: int = 0
    people: Counts = field(default_factory=Counts)
    sources: Counts = field(default_factory=Counts)
    roles_exact: int = 0  # found people whose role is the gold one
    roles_close: int = 0  # ... or shares a word with it ("captain" for "English captain")
    roles_total: int = 0  # found people that have a gold role
    notes: list[str] = field(default_factory=list)
    # [right, total] speakers of matched quotes per confidence level and per speaker_reason
    by_confidence: dict[str, list[int]] = field(default_factory=dict)
    by_reason: dict[str, list[int]] = field(default_factory=dict)
    articles: int = 1

    def add(self, other: Result) -> None:
        self.articles += other.articles
        for mine, theirs in ((self.by_confidence, other.by_confidence), (self.by_reason, other.by_reason)):
            for key, (right, total) in theirs.items():
                counts = mine.setdefault(key, [0, 0])
                counts[0] += right
                counts[1] += total
        self.roles_exact += other.roles_exact
        self.roles_close += other.roles_close
        self.roles_total += other.roles_total
        self.quotes.add(other.quotes)
        self.people.add(other.people)
        self.sources.add(other.sources)
        self.speakers_right += other.speakers_right
        self.speakers_total += other.speakers_total

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_total if self.speakers_total else 1.0

    def summary(self) -> dict[str, float]:
        return {
            "quote_precision": self.quotes.precision,
            "quote_recall": self.quotes.recall,
            "quote_f1": self.quotes.f1,
            "speaker_accuracy": self.speaker_accuracy,
            "people_precision": self.people.precision,
            "people_recall": self.people.recall,
            "people_f1": self.people.f1,
            "sources_precision": self.sources.precision,
            "sources_recall": self.sources.recall,
            "sources_f1": self.sources.f1,
            "roles_exact": self.roles_exact / self.roles_total if self.roles_total else 1.0,
            "roles_close": self.roles_close / self.roles_total if self.roles_total else 1.0,
        }


def _gold_spans(body: str, quotes: list[dict[str, Any]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for quote in quotes:
        start, end = quote.get("start"), quote.get("end")
        if start is None or end is None or body[start:end] != quote["text"]:
            start = body.find(quote["text"], pos)
            if start < 0:
                raise ValueError(f"gold quote not in the text: {quote['text'][:60]!r}")
            end = start + len(quote["text"])
        spans.append((start, end))
        pos = start + 1
    return spans


def _names(entry: dict[str, Any]) -> set[str]:
    return {normalize_name(n) for n in [entry["name"], *entry.get("aliases", [])] if n}


def _match_entities(predicted: list[Any], gold: list[dict[str, Any]], notes: list[str], label: str) -> Counts:
    counts = Counts()
    required = [g for g in gold if not g.get("optional")]
    optional_names = set().union(*[_names(g) for g in gold if g.get("optional")]) if gold else set()
    used: set[int] = set()
    for item in predicted:
        names = {normalize_name(item.name)} | {normalize_name(a) for a in item.aliases}
        hit = next((i for i, g in enumerate(required) if i not in used and names & _names(g)), None)
        if hit is not None:
            used.add(hit)
            counts.tp += 1
            counts.predicted += 1
        elif normalize_name(item.name) in optional_names or any(names & _names(g) for g in required):
            continue  # an optional name, or a second entry for an already matched one
        else:
            counts.predicted += 1
            notes.append(f"  extra {label}: {item.name}")
    counts.gold = len(required)
    notes.extend(f"  missed {label}: {g['name']}" for i, g in enumerate(required) if i not in used)
    return counts


def _speaker_names(expected: dict[str, Any], speaker: str | None) -> set[str]:
    names = {normalize_name(speaker)}
    for entry in [*expected.get("people", []), *expected.get("sources", [])]:
        if normalize_name(entry["name"]) == normalize_name(speaker):
            names |= _names(entry)
    return names


def evaluate_article(text_path: Path, expected: dict[str, Any]) -> Result:
    from reader.analysis import analyze
    from reader.importers.common import decode
    from reader.importers.plaintext import parse_text

    article = parse_text(decode(text_path.read_bytes()), source=text_path.name)
    analysis = analyze(article.body, article.title)
    result = Result()
    gold_quotes = expected.get("quotes", [])
    spans = _gold_spans(article.body, gold_quotes)
    predicted = list(analysis.quotes)
    used: set[int] = set()
    for (g_start, g_end), gold in zip(spans, gold_quotes, strict=True):
        best, best_cover = None, 0.0
        for index, quote in enumerate(predicted):
            if index in used:
                continue
            overlap = min(g_end, quote.end) - max(g_start, quote.start)
            cover = overlap / max(1, g_end - g_start)
            if cover > best_cover:
                best, best_cover = index, cover
        if best is None or best_cover < COVERAGE:
            result.notes.append(f"  missed quote: {gold['text'][:70]!r}")
            continue
        used.add(best)
        result.quotes.tp += 1
        result.speakers_total += 1
        said = predicted[best].speaker
        right = (said is None and gold.get("speaker") is None) or (
            said is not None and normalize_name(said) in _speaker_names(expected, gold.get("speaker"))
        )
        for table, key in (
            (result.by_confidence, predicted[best].confidence),
            (result.by_reason, predicted[best].speaker_reason),
        ):
            counts = table.setdefault(key or "-", [0, 0])
            counts[0] += right
            counts[1] += 1
        if right:
            result.speakers_right += 1
        else:
            result.notes.append(f"  speaker {said!r} != {gold.get('speaker')!r}: {gold['text'][:50]!r}")
    result.notes.extend(f"  extra quote: {predicted[i].text[:70]!r}" for i in range(len(predicted)) if i not in used)
    result.quotes.predicted = len(predicted)
    result.quotes.gold = len(gold_quotes)
    result.people = _match_entities(list(analysis.people), expected.get("people", []), result.notes, "person")
    result.sources = _match_entities(list(analysis.sources), expected.get("sources", []), result.notes, "source")
    _compare_roles(list(analysis.people), expected.get("people", []), result)
    return result


ROLE_FILLER = frozenset({"a", "an", "the", "of", "for", "at", "to", "in", "and", "on"})


def _role_words(role: str) -> set[str]:
    return {normalize_name(word) for word in role.replace(",", " ").split()} - ROLE_FILLER - {""}


def _compare_roles(predicted: list[Any], gold: list[dict[str, Any]], result: Result) -> None:
    """Roles of the people found, against the gold ones: exactly (ignoring case), or sharing a word."""
    for entry in gold:
        if not entry.get("role"):
            continue
        found = next(
            (p for p in predicted if _names(entry) & ({normalize_name(p.name)} | set(map(normalize_name, p.aliases)))),
            None,
        )
        if found is None:
            continue
        result.roles_total += 1
        role = found.role or ""
        if role.casefold() == entry["role"].casefold():
            result.roles_exact += 1
        if _role_words(role) & _role_words(entry["role"]):
            result.roles_close += 1
        else:
            result.notes.append(f"  role of {entry['name']}: {found.role!r} != {entry['role']!r}")


PARTS = ("dev", "measure", "fresh", "sealed", "sealed2")
MEASURED = PARTS[1:]  # the parts that are only measured, named in parts.json


def article_parts(gold_dir: Path) -> dict[str, str]:
    """Each gold article's part ("dev" or one of MEASURED) by its name, from the folder's parts.json."""
    pairs = sorted(gold_dir.glob("*.expected.json"))
    if not pairs:
        raise FileNotFoundError(f"{gold_dir}: no *.expected.json files")
    manifest = gold_dir / "parts.json"
    listed = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
    names = [path.name.removesuffix(".expected.json") for path in pairs]
    part_of: dict[str, str] = {}
    for part in MEASURED:
        for name in listed.get(part, []):
            if name in part_of:
                raise ValueError(f"{manifest}: {name} is in both {part_of[name]} and {part}")
            part_of[name] = part
    unknown = set(part_of) - set(names)
    if unknown:
        raise ValueError(f"{manifest}: no such article: {', '.join(sorted(unknown))}")
    return {name: part_of.get(name, "dev") for name in names}


def evaluate_dir(gold_dir: Path, verbose: bool = False, part: str | None = None) -> Result:
    """The figures over the gold articles of ``part`` (one of PARTS), or over all of them."""
    total = Result(articles=0)
    parts = article_parts(gold_dir)
    for name, article_part in parts.items():
        if part is not None and article_part != part:
            continue
        expected_path = gold_dir / f"{name}.expected.json"
        text_path = expected_path.with_name(expected_path.name.replace(".expected.json", ".txt"))
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        result = evaluate_article(text_path, expected)
        if verbose:
            q, p, s = result.quotes, result.people, result.sources
            print(
                f"{text_path.name}: quotes {q.tp}/{q.gold} (+{q.predicted - q.tp}), "
                f"speakers {result.speakers_right}/{result.speakers_total}, people {p.tp}/{p.gold} "
                f"(+{p.predicted - p.tp}), sources {s.tp}/{s.gold} (+{s.predicted - s.tp})"
            )
            for note in result.notes:
                print(note)
        total.add(result)
    return total


def _rates(table: dict[str, list[int]]) -> str:
    """``level right-share (right/total)`` for each key, the way both evaluation modes print them."""
    return ", ".join(f"{key} {right / total:.3f} ({right}/{total})" for key, (right, total) in sorted(table.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.analysis.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("gold_dir", type=Path, nargs="?", help="folder of NAME.txt + NAME.expected.json pairs")
    parser.add_argument("--part", choices=PARTS, help="only the development part or one measure-only part")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-article counts and every miss")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--polnear", type=Path, metavar="DIR", help="measure quotes and speakers on a PolNeAR checkout")
    parser.add_argument("--split", default="dev", help="PolNeAR split: train, dev or test (default dev)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="PolNeAR: print N examples of each error")
    args = parser.parse_args(argv)
    if args.polnear is not None:
        from reader.analysis import evaluate_polnear

        return evaluate_polnear.main(args.polnear, args.split, args.errors)
    if args.gold_dir is None:
        parser.error("give a gold folder or --polnear DIR")
    try:
        parts = set(article_parts(args.gold_dir).values())
        shown = [args.part] if args.part else [p for p in PARTS if p in parts]
        results = {part: evaluate_dir(args.gold_dir, verbose=args.verbose, part=part) for part in shown}
    except (OSError, ValueError) as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 1
    total = Result(articles=0)
    for result in results.values():
        total.add(result)
    if args.json:
        figures: dict[str, Any] = total.summary()
        figures["parts"] = {part: result.summary() for part, result in results.items()}
        print(json.dumps(figures, indent=2))
        return 0
    for part, result in results.items():
        print(f"{part} part ({result.articles} articles)")
        _print_figures(result)
    if len(results) > 1:
        print(f"all ({total.articles} articles)")
        _print_figures(total)
    return 0


def _print_figures(result: Result) -> None:
    figures = result.summary()
    q, p, s = result.quotes, result.people, result.sources
    print(
        f"quotes   P {q.precision:.3f}  R {q.recall:.3f}  F1 {q.f1:.3f}  ({q.tp} of {q.gold} gold, {q.predicted} found)"
    )
    print(
        f"speakers accuracy {result.speaker_accuracy:.3f}  ({result.speakers_right} of {result.speakers_total} matched)"
    )
    print("  by confidence: " + _rates(result.by_confidence))
    print("  by reason:     " + _rates(result.by_reason))
    print(
        f"people   P {p.precision:.3f}  R {p.recall:.3f}  F1 {p.f1:.3f}  ({p.tp} of {p.gold} gold, {p.predicted} found)"
    )
    print(
        f"sources  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  ({s.tp} of {s.gold} gold, {s.predicted} found)"
    )
    print(
        f"roles    exact {figures['roles_exact']:.3f}  sharing a word {figures['roles_close']:.3f}  "
        f"(of {result.roles_total} people found with a gold role)"
    )


if __name__ == "__main__":
    sys.exit(main())
