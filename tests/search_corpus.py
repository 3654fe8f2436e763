"""A generated library with planted words whose right answers are known, shared by the search tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from bench.corpus import generate
from reader.library import Library
from reader.models import Analysis, Article, Person, Quote, Source
from reader.search.query import analyze

# Words the generator never writes; each test asserts that before relying on it.
PLANTED = {
    *["zephyrquill", "zephyrquills", "moonbrisk", "glimmerfen", "crimson", "lantern", "quillfeather"],
    *["ostrava", "ledger", "wiremu", "tanekaha", "marmalade", "cafe", "muller", "lodz"],
}


def _append(article: Article, text: str, quotes: Sequence[tuple[str, str | None, bool]] = ()) -> Article:
    """Add a paragraph at the end (existing offsets stay valid) and record the quotes in it."""
    start = len(article.body) + 2
    body = f"{article.body}\n\n{text}"
    analysis = article.analysis or Analysis(version="")
    found = []
    for quoted, speaker, scare in quotes:
        at = body.index(f"“{quoted}”", start) + 1
        found.append(Quote(quoted, at, at + len(quoted), speaker, scare, None if scare else "person"))
    return replace(article, body=body, analysis=replace(analysis, quotes=analysis.quotes + tuple(found)))


def _with_person(article: Article, name: str, alias: str) -> Article:
    assert article.analysis is not None
    spans = ((article.body.index(name), article.body.index(name) + len(name)),)
    person = Person(name, (alias,), "a fisherman", spans)
    return replace(article, analysis=replace(article.analysis, people=(*article.analysis.people, person)))


def planted_articles() -> dict[str, Article]:
    """Label -> article. Labels name what was planted, so a failing test reads clearly."""
    base = list(generate(30, seed=7))
    for article in base:
        words = set(analyze(article.title + " " + article.body))
        assert not words & PLANTED, "the generator wrote a planted word"
    a = dict(zip([f"plain{i}" for i in range(len(base))], base, strict=True))
    out: dict[str, Article] = {}
    out["word"] = replace(_append(a["plain0"], "A zephyrquill was seen."), published="2020-06-01")
    out["word+and"] = replace(_append(a["plain1"], "The zephyrquill met a moonbrisk."), published="2020-05-31")
    out["or"] = _append(a["plain2"], "Only a glimmerfen here.")
    out["phrase"] = _append(a["plain3"], "They lit a crimson lantern at dusk.")
    out["phrase-reversed"] = _append(a["plain4"], "The lantern was crimson and old.")
    out["prefix-plural"] = replace(
        _append(a["plain5"], "Two zephyrquills flew by."), published=None, imported_at="2021-01-01T10:00:00Z"
    )
    out["title"] = replace(a["plain6"], title="The Quillfeather Affair")
    out["title-in-body"] = _append(a["plain7"], "Someone said quillfeather once.")
    out["source"] = replace(a["plain8"], source="Ostrava Ledger")
    cited = _append(a["plain9"], "The figures were first reported in a regional paper.")
    assert cited.analysis is not None
    out["source-cited"] = replace(
        cited, analysis=replace(cited.analysis, sources=(*cited.analysis.sources, Source("Ostrava Ledger", "outlet")))
    )
    out["person"] = _with_person(
        _append(a["plain10"], "Wiremu Tanekaha watched the boats."), "Wiremu Tanekaha", "Tanekaha"
    )
    out["person-not-a-person"] = _append(a["plain11"], "The Tanekaha valley flooded.")
    speaker = _append(
        a["plain12"],
        "“The nets are empty,” Wiremu Tanekaha said.",
        [("The nets are empty,", "Wiremu Tanekaha", False)],
    )
    out["speaker"] = _with_person(speaker, "Wiremu Tanekaha", "Tanekaha")
    out["quote"] = _append(
        a["plain13"], "“We ran out of marmalade,” said the cook.", [("We ran out of marmalade,", "Cook Person", False)]
    )
    out["quote-outside"] = _append(a["plain14"], "There was marmalade on the table.")
    out["quote-scare"] = _append(a["plain15"], "The so-called “marmalade” plan failed.", [("marmalade", None, True)])
    out["accents"] = _append(a["plain16"], "They met at Café Müller in Łódź.")
    out["ascii"] = _append(a["plain17"], "A plain cafe in Muller street.")
    for label in list(a)[18:]:
        out[label] = a[label]
    return out


def build_library(path: Path) -> tuple[Library, dict[str, str]]:
    """A library holding the planted corpus; returns it and article id -> label."""
    articles = planted_articles()
    library = Library.open(path)
    library.add(articles.values())
    return library, {article.id: label for label, article in articles.items()}
