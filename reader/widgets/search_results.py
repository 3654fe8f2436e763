"""Search hits: title, source and date, and a snippet with the matched words marked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # the search package is imported when a search runs, not when the app starts
    from reader.search import Hit

HIT_STYLE = Style(bold=True, color="#d7af00")


def hit_prompt(hit: Hit) -> Text:
    title = Text(hit.title, style="bold")
    for start, end in hit.title_highlights:
        title.stylize(HIT_STYLE, start, end)
    meta = " · ".join(x for x in (hit.source, (hit.published or "")[:10]) if x)
    snippet = Text(hit.snippet, style="dim")
    for start, end in hit.highlights:
        snippet.stylize(HIT_STYLE, start, end)
    prompt = Text.assemble(title, "\n")
    if meta:
        prompt.append(meta + "\n", style="italic dim")
    prompt.append_text(snippet)
    return prompt


class SearchResults(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[Hit] = []

    def show_hits(self, hits: list[Hit]) -> None:
        self.clear_options()
        self.hits = list(hits)
        for hit in self.hits:
            self.add_option(Option(hit_prompt(hit)))
        if self.hits:
            self.highlighted = 0

    @property
    def current(self) -> Hit | None:
        index = self.highlighted
        return self.hits[index] if index is not None and 0 <= index < len(self.hits) else None
