"""A synthetic news corpus for benchmarks and tests: 650-900-word articles with quotes, named
people, cited sources and dates, the same for the same seed.

    python -m bench.corpus --count 1000 --out bench/corpora/1k.json            # a JSON array to import
    python -m bench.corpus --count 1000 --store bench/corpora/1k/articles.json  # a reader store

Article ``i`` depends only on (seed, i), so a 1k corpus is the first tenth of a 10k one. Each
article carries the analysis its generator knows to be true (quotes with speakers, people, sources).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from reader.analysis import ANALYZER_VERSION
from reader.importers.common import content_hash
from reader.models import Analysis, Article, Person, Quote, Source, make_article_id


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(sep))


FIRST = _words(
    "Anna Pavel Maria James Olena Ahmed Li Sofia Daniel Fatima Carlos Yuki Elena Omar Grace Ivan Chen Amara "
    "Lucas Hannah Mateo Aisha Thomas Ingrid Rahul Zofia Kwame Laura Dmitri Nadia Samuel Clara Tariq Mei "
    "Jonas Leila Marco Ruth Viktor Noor Pedro Alice Hugo Yasmin Felix Irina Kofi Beatriz Stefan Priya"
)
LAST = _words(
    "Kowalski Novak Okafor Haddad Moreau Lindqvist Tanaka Petrenko Alvarez Brennan Castillo Dubois Fischer "
    "Gallagher Horvat Ibrahim Jensen Kaplan Larsen Mendes Nakamura Oliveira Popescu Quinn Rossi Schneider "
    "Takahashi Usman Varga Walsh Xu Yilmaz Zimmermann Abbott Bianchi Costa Delgado Eriksen Farouk Grant "
    "Hoffmann Iqbal Jovanovic Kuznetsov Lopez Marsh Nilsen Osei Park Reyes Sato Tkachenko Ueda Vasquez Weber"
)
ROLES = (
    "a spokesperson for the ministry",
    "the regional governor",
    "an economist at the central bank",
    "a senior analyst",
    "the mayor",
    "a union leader",
    "a professor of political science",
    "the company's chief executive",
    "a local resident",
    "an opposition lawmaker",
    "the health minister",
    "a researcher who studies the region",
    "a volunteer coordinator",
    "the police chief",
    "a former diplomat",
)
OUTLETS = (
    "Reuters",
    "The Associated Press",
    "The Washington Post",
    "The Guardian",
    "BBC News",
    "Le Monde",
    "Der Spiegel",
    "Al Jazeera",
    "The New York Times",
    "Financial Times",
    "NPR",
    "El País",
)
ORGS = (
    "the World Health Organization",
    "the United Nations",
    "the International Monetary Fund",
    "the European Commission",
    "Amnesty International",
    "the Red Cross",
    "the World Bank",
    "Human Rights Watch",
    "the Ministry of Finance",
    "the national statistics office",
)
PLACES = _words(
    "Kyiv|Warsaw|Lagos|Lima|Jakarta|Nairobi|Lisbon|Manila|Bogotá|Tbilisi|Ankara|Hanoi|Accra|Quito|Riga|"
    "Dhaka|Tunis|Porto|Kraków|Montréal|Zürich|Malmö|São Paulo|Córdoba|Chișinău|Vilnius|Bergen|Cusco|Gdańsk",
    "|",
)
TOPICS = {
    "economy": _words("inflation wages prices budget taxes exports tariffs markets investors currency debt growth"),
    "health": _words("hospitals vaccines doctors nurses clinics patients outbreak treatment insurance medicine"),
    "climate": _words("floods drought emissions heatwave wildfires rainfall glaciers coastline crops energy"),
    "politics": _words("election parliament coalition ballots campaign reform referendum cabinet protest minister"),
    "security": _words("ceasefire troops border drones shelling refugees sanctions negotiations frontline convoy"),
    "technology": _words("software chips startups regulators privacy data networks satellites batteries robots"),
}
ADJ = _words(
    "new sharp gradual unexpected modest severe rapid cautious fragile significant uneven steady "
    "widespread limited renewed"
)
VERBS = _words("rose fell stalled recovered doubled slowed spread eased worsened shifted")
HEADLINES = (
    "{Place} Braces for {Adj} {Noun} as Officials Weigh Response",
    "In {Place}, {Noun} Test a Fragile Recovery",
    "{Person} Warns of {Adj} {Noun} Ahead of Talks",
    "Why {Noun} in {Place} Matter More Than Ever",
    "{Place} Residents Question Plan on {Noun}",
    "Pressure Builds Over {Noun} After {Adj} Week in {Place}",
)
SENTENCES = (
    "Officials in {place} said the {adj} rise in {noun} had caught many by surprise.",
    "The {noun} {verb} over the past month, according to figures published by {org}.",
    "Residents described long queues and {adj} uncertainty as {noun} {verb} again.",
    "Analysts said the debate over {noun} and {noun2} was likely to dominate the coming weeks.",
    "{outlet} reported that talks on {noun} had {verb} after a {adj} round of meetings.",
    "In {place}, local groups organised meetings to discuss {noun} and what it means for families.",
    "The government has promised a {adj} package to address {noun}, though details remain scarce.",
    "Critics argue that earlier decisions on {noun2} made the current situation worse.",
    "Data from {org} show that {noun} {verb} most sharply in rural districts.",
    "Several businesses in {place} said they had postponed plans because of {noun}.",
    "The issue of {noun} has divided the coalition for months, {outlet} noted.",
    "Experts cautioned that the figures on {noun2} could be revised in the spring.",
    "For many households the change in {noun} is measured in small, daily choices.",
    "A report by {org} described the response to {noun} as {adj} but incomplete.",
    "Neighbouring regions have watched the {adj} shift in {noun} with concern.",
    "The latest numbers, first published by {outlet}, suggest the {noun} {verb} in March.",
    "At a market in {place}, traders said {noun} had {verb} faster than anyone had planned for.",
    "Lawmakers are expected to vote on a bill covering {noun} and {noun2} before the summer recess.",
    "The opposition called for an inquiry into how {noun} had been handled since the autumn.",
    "Aid workers in {place} said the {adj} situation left little room for long-term planning.",
    "Independent monitors from {org} are due to publish a fuller assessment later this year.",
    "Much of the uncertainty stems from {noun2}, which has {verb} in ways few forecasts captured.",
    "Schools and clinics in {place} have adjusted their hours as a result.",
    "The ministry declined to comment on the figures when contacted by {outlet}.",
)
QUOTES = (
    "We cannot pretend that {noun} will fix itself",
    "This is the most {adj} change in {noun} I have seen in twenty years",
    "People here are tired, and they want answers about {noun}",
    "Nobody expected {noun} to move this quickly",
    "We are asking for patience, but patience has limits",
    "The decisions we take on {noun} this year will shape the next decade",
    "It is a {adj} moment, and we have to be honest about it",
    "Our priority is to protect the families most exposed to {noun}",
    "There is no simple answer, and anyone who says otherwise is wrong",
    "If the {noun} keep rising, the pressure on {noun2} will only grow",
)
SCARE = ("so-called “reform”", "the “temporary” measures", "a “technical” pause", "the “experts”")
ATTRIBUTIONS = (
    "“{quote},” said {name}, {role}.",
    "“{quote},” {name} told {outlet}.",
    "{name}, {role}, said: “{quote}.”",
    "“{quote},” {surname} added.",
)
_SYLLABLES = _words("ka lo mi ra ven dor sal ti bru nes ok tal pim zor ast ul fen gar ris mo")


def _rare_words(rng: random.Random, count: int = 4000) -> list[str]:
    """Invented place and company names: the long tail of rare terms that real news has."""
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
    return sorted(words)


_RARE = _rare_words(random.Random(12345))


def _fill(template: str, rng: random.Random, topic: list[str], ctx: dict[str, str]) -> str:
    nouns = rng.sample(topic, 2)
    return template.format(
        place=rng.choice(PLACES) if rng.random() < 0.7 else rng.choice(_RARE),
        Place=ctx["place"],
        noun=nouns[0],
        noun2=nouns[1],
        Noun=nouns[0].capitalize(),
        adj=rng.choice(ADJ),
        Adj=rng.choice(ADJ).capitalize(),
        verb=rng.choice(VERBS),
        org=rng.choice(ORGS),
        outlet=rng.choice(OUTLETS),
        Person=ctx["person"],
    )


def make_article(index: int, seed: int = 0) -> Article:
    """Article ``index`` of the corpus for ``seed``."""
    rng = random.Random(seed * 1_000_003 + index)
    topic_name = rng.choice(sorted(TOPICS))
    topic = TOPICS[topic_name]
    people = []
    for _ in range(rng.randint(2, 4)):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if all(p[1] != last for p in people):
            people.append((f"{first} {last}", last, rng.choice(ROLES)))
    place = rng.choice(PLACES)
    ctx = {"place": place, "person": people[0][0]}
    title = _fill(rng.choice(HEADLINES), rng, topic, ctx)
    outlet = rng.choice(OUTLETS)
    target = rng.randint(650, 870)
    paragraphs: list[str] = []
    words = 0
    introduced: set[str] = set()
    speakers: list[str] = []
    while words < target:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            if words >= target:
                break
            if rng.random() < 0.22:
                name, surname, role = rng.choice(people)
                template = rng.choice(ATTRIBUTIONS[:3] if name not in introduced else ATTRIBUTIONS)
                quote = _fill(rng.choice(QUOTES), rng, topic, ctx)
                sentence = template.format(quote=quote, name=name, surname=surname, role=role, outlet=outlet)
                introduced.add(name)
                speakers.append(name)
            elif rng.random() < 0.04:
                sentence = f"Opponents dismissed the {rng.choice(SCARE)} as an attempt to buy time."
            else:
                sentence = _fill(rng.choice(SENTENCES), rng, topic, ctx)
            sentences.append(sentence)
            words += sentence.count(" ") + 1
        paragraphs.append(" ".join(sentences))
    body = "\n\n".join(paragraphs)
    published = (date(2015, 1, 1) + timedelta(days=rng.randrange(3650))).isoformat()
    return Article(
        id=make_article_id(None, f"{title} #{seed}-{index}", outlet),
        title=title,
        body=body,
        source=outlet,
        published=published,
        imported_at="2025-01-01T00:00:00Z",
        # as ``reader import`` stores it: the fingerprint that finds the same text imported twice
        meta={"origin": f"corpus-{seed}-{index}", "topic": topic_name, "content_hash": content_hash(body)},
        analysis=_analysis(body, people, iter(speakers), outlet),
    )


_QUOTED = re.compile(r"“([^”]+)”")
_SCARE_WORDS = {_QUOTED.search(s).group(1) for s in SCARE}  # type: ignore[union-attr]


def _analysis(body: str, people: list[tuple[str, str, str]], speakers: Iterator[str], outlet: str) -> Analysis:
    """What the generator knows to be true: who said each quote, who is mentioned, who is cited."""
    quotes = []
    for match in _QUOTED.finditer(body):
        start = match.start(1)
        if match.group(1) in _SCARE_WORDS:
            quotes.append(Quote(match.group(1), start, match.end(1), None, True))
        else:
            quotes.append(Quote(match.group(1), start, match.end(1), next(speakers, None), False, "person"))
    persons = []
    for name, surname, role in people:
        spans = tuple(
            (m.start(), m.end()) for m in re.finditer(rf"\b(?:{re.escape(name)}|{re.escape(surname)})\b", body)
        )
        if spans:
            persons.append(Person(name, (surname,), role, spans))
    cited = [Source(outlet, "outlet")] if outlet in body else []
    cited += [Source(org.removeprefix("the "), "organization") for org in ORGS if org in body]
    return Analysis(ANALYZER_VERSION, tuple(quotes), tuple(persons), tuple(cited))


def generate(count: int, seed: int = 0, start: int = 0) -> Iterator[Article]:
    for index in range(start, start + count):
        yield make_article(index, seed)


def write_json(articles: list[Article], path: Path) -> None:
    """A JSON array that ``reader import`` reads (title, body, source, published)."""
    import orjson

    from reader.storage import atomic_write_bytes

    rows = [{"title": a.title, "body": a.body, "source": a.source, "published": a.published} for a in articles]
    atomic_write_bytes(path, orjson.dumps(rows))


def write_store(articles: list[Article], path: Path) -> None:
    """A reader store holding the articles with their generated analyses: one file whatever its size
    (as a library written by a reader before shards); ``bench.bench_tui --shards`` splits a copy."""
    import os

    from reader.store import ArticleStore

    os.environ.setdefault("READER_SHARD_THRESHOLD", str(10**9))

    store = ArticleStore(path)
    store.upsert(articles)
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", type=Path, help="write a JSON array of articles")
    out.add_argument("--store", type=Path, help="write a reader store (TinyDB)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    articles = list(generate(args.count, args.seed))
    if args.out:
        write_json(articles, args.out)
    else:
        write_store(articles, args.store)
    words = sum(a.words for a in articles)
    print(
        f"{len(articles)} articles, {words / max(1, len(articles)):.0f} words on average, "
        f"in {time.perf_counter() - started:.1f} s -> {args.out or args.store}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
