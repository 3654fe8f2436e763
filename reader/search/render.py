"""Rich output of search results for the CLI. Article text goes into ``Text`` and is styled by
offsets, never parsed as markup."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from reader.search.results import Hit, SearchResults

HIGHLIGHT_STYLE = "bold reverse"


def styled(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], style: str = HIGHLIGHT_STYLE) -> Text:
    """``text`` with the given spans styled: the safe way to show matched words in untrusted text."""
    result = Text(text)
    for start, end in spans:
        result.stylize(style, start, end)
    return result


def print_results(console: Console, results: SearchResults) -> None:
    for note in results.notes:
        console.print(Text(f"Note: {note}", style="dim italic"))
    if not results.hits:
        console.print(Text(f"No articles match {results.query!r}.", style="yellow"))
        return
    shown = len(results.hits)
    more = f" (showing {shown})" if shown < results.total else ""
    console.print(Text(f"{results.total} article{'s match' if results.total != 1 else ' matches'}{more}", style="dim"))
    if not console.is_terminal:
        _print_records(console, results)
        return
    for hit in results.hits:
        console.print()
        title = styled(hit.title, hit.title_highlights, "bold underline")
        title.stylize("bold", 0, len(hit.title))
        console.print(title)
        meta = " · ".join(x for x in (hit.id, hit.source, (hit.published or "")[:10], _score(results, hit)) if x)
        console.print(Text(meta, style="dim"))
        console.print(styled(hit.snippet, hit.highlights))


def _score(results: SearchResults, hit: Hit) -> str:
    """A relevance score, only when hits are ranked by one (a date-only query lists them by date)."""
    return f"score {hit.score:.2f}" if results.ranked else ""


def _print_records(console: Console, results: SearchResults) -> None:
    """Into a pipe: one hit per line (id, title, source, date, score when ranked, snippet)."""
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_header=False, show_edge=False)
    for _ in range(5 + results.ranked):
        table.add_column(no_wrap=True)
    for hit in results.hits:
        cells = [
            Text(hit.id),
            styled(hit.title, hit.title_highlights),
            Text(hit.source or ""),
            Text((hit.published or "")[:10]),
        ]
        if results.ranked:
            cells.append(Text(f"{hit.score:.2f}"))
        cells.append(styled(hit.snippet, hit.highlights))
        table.add_row(*cells)
    console.print(table)
