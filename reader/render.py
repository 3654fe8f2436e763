"""Rich output for the CLI. Article text is always wrapped in ``Text`` objects, never parsed as markup."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Column, Table
from rich.text import Text

from reader.models import Analysis, Article
from reader.text import clean_line

QUOTE_STYLE = "bold yellow"
SCARE_STYLE = "dim italic"


def print_article_table(console: Console, rows: list[dict[str, Any]], read: dict[str, bool], path: Path) -> None:
    if not rows:
        console.print(Text(f"The library {path} is empty. Add articles with: reader import FILE|DIR|URL"))
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, kwargs in (
        ("ID", {"style": "dim", "no_wrap": True}),
        ("Title", {"ratio": 3}),
        ("Source", {"ratio": 1}),
        ("Date", {"no_wrap": True}),
        ("Words", {"justify": "right"}),
        ("Quotes", {"justify": "right"}),
    ):
        table.add_column(name, **kwargs)
    for row in rows:
        title = Text(row["title"], style="" if read.get(row["id"]) else "bold")
        table.add_row(
            Text(row["id"]),
            title,
            Text(row["source"] or ""),
            Text((row["published"] or "")[:10]),
            str(row["words"]),
            str(row["quotes"]),
        )
    console.print(table)


def _body_text(article: Article) -> Text:
    text = Text(article.body)
    for quote in article.analysis.quotes if article.analysis else ():
        text.stylize(SCARE_STYLE if quote.scare else QUOTE_STYLE, quote.start, quote.end)
    return text


def analysis_renderables(analysis: Analysis) -> list[Any]:
    parts: list[Any] = []
    quotes = Table(title="Quotes", title_justify="left", box=None, show_header=False, pad_edge=False)
    quotes.add_column(style="bold", no_wrap=True)
    quotes.add_column()
    for quote in analysis.quotes:
        speaker = Text(quote.speaker or "unattributed", style=SCARE_STYLE if quote.scare else "")
        excerpt = Text(f"“{quote.text}”", style=SCARE_STYLE if quote.scare else "")
        quotes.add_row(speaker, excerpt)
    parts.append(quotes if analysis.quotes else Text("Quotes: none found", style="dim"))
    people = Table(title="People", title_justify="left", box=None, show_header=False, pad_edge=False)
    people.add_column(style="bold", no_wrap=True)
    people.add_column()
    people.add_column(justify="right", style="dim")
    for person in analysis.people:
        people.add_row(Text(person.name), Text(person.role or ""), f"{len(person.mentions)}×")
    parts.append(people if analysis.people else Text("People: none found", style="dim"))
    sources = Table(title="Sources & Links", title_justify="left", box=None, show_header=False, pad_edge=False)
    sources.add_column(no_wrap=True)
    sources.add_column()
    for source in analysis.sources:
        sources.add_row(Text(source.name, style="bold"), Text(source.kind, style="dim"))
    for number, link in enumerate(analysis.links, 1):
        sources.add_row(Text(f"[{number}]"), Text(f"{link.text or link.url}  {link.url}"))
    has_sources = analysis.sources or analysis.links
    parts.append(sources if has_sources else Text("Sources & Links: none found", style="dim"))
    return parts


def print_article(console: Console, article: Article) -> None:
    header = Text(article.title, style="bold")
    meta = " · ".join(x for x in (article.source, (article.published or "")[:10], f"{article.words} words") if x)
    parts: list[Any] = [header, Text(meta, style="dim")]
    if article.url:
        parts.append(Text(article.url, style="dim underline"))
    parts += [Text(""), _body_text(article)]
    if article.truncated:
        parts.append(Text("[The text ends mid-sentence: the article is truncated.]", style="italic red"))
    if article.meta.get("summary_only"):
        reason = str(article.meta.get("page_error") or "")
        parts.append(Text(f"[Only the feed's summary: the page could not be had. {reason}]", style="italic yellow"))
    parts.append(Text(""))
    if article.analysis:
        for part in analysis_renderables(article.analysis):
            parts += [part, Text("")]
    console.print(Group(*parts))


def print_analysis(console: Console, article: Article, analysis: Analysis) -> None:
    console.print(Text(article.title, style="bold"))
    console.print()
    for part in analysis_renderables(analysis):
        console.print(part)
        console.print()


def _short_label(label: str) -> str:
    """The end of a path or URL (where its name is), the start of a title."""
    return f"…{label[-39:]}" if "/" in label and len(label) > 40 else label


@contextlib.contextmanager
def import_progress(enabled: bool) -> Iterator[Callable[[str, int, int | None, str], None] | None]:
    """A progress bar on a terminal (stage, count, rate, ETA); nothing when output is not a terminal.

    Yields ``progress(stage, done, total, label)``; the label is article text, so never markup.
    """
    if not enabled:
        yield None
        return
    columns = (
        TextColumn("{task.description}", markup=False),
        BarColumn(bar_width=24),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(elapsed_when_finished=True),
        # The label (a file name or an article title) gets what is left of the line, never the counts.
        TextColumn(
            "{task.fields[label]}",
            style="dim",
            markup=False,
            table_column=Column(ratio=1, no_wrap=True, overflow="ellipsis"),
        ),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True, expand=True) as progress:
        task = progress.add_task("Importing", total=None, rate="", label="")

        def update(stage: str, done: int, total: int | None, label: str) -> None:
            current = progress.tasks[0]
            if current.description != stage:  # a new stage starts its own count and rate
                progress.reset(task, description=stage, total=total, completed=0)
            progress.update(task, completed=done, total=total, label=_short_label(clean_line(label)))
            speed = progress.tasks[0].speed
            progress.update(task, rate=f"{speed:.0f}/s" if speed else "")

        yield update


def print_import_summary(console: Console, report: Any, path: Path) -> None:
    partial = len(getattr(report, "partial", ()))
    # articles kept from a feed's own summary because their page could not be fetched
    only_summary = f" ({partial} only as the feed's summary)" if partial else ""
    summary = (
        f"{len(report.added)} imported{only_summary}, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed"
    )
    console.print(Text(f"{summary} → {path}", style="red" if report.failed else "green"))
