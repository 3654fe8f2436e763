"""Who said what across the library: every quote by one person, and the library overview."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reader.search import Count, Overview, QuoteHit
from reader.userdata import CORRECTED_MARK

BAR_WIDTH = 30


class QuotesByScreen(Screen[None]):
    """Every quote in the library spoken by one person, newest first; Enter opens it."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="quotes-by.back"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="quotes-by.help"),
    ]
    AUTO_FOCUS = "#quotes-by-list"

    def __init__(self, person: str) -> None:
        super().__init__()
        self.person = person
        self.hits: list[QuoteHit] = []

    def compose(self) -> ComposeResult:
        yield Static(
            Text.assemble((self.person, "bold"), " · looking for quotes…"), classes="title-bar", id="quotes-by-title"
        )
        yield OptionList(id="quotes-by-list")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        hits = self.app.library.quotes_by(self.person)
        self.app.call_from_thread(self.show, hits)

    def show(self, hits: list[QuoteHit]) -> None:
        self.hits = hits
        articles = len({hit.article_id for hit in hits})
        title = Text.assemble(
            (self.person, "bold"),
            f" · {len(hits)} quote{'s' if len(hits) != 1 else ''} in {articles} article{'s' if articles != 1 else ''}",
        )
        self.query_one("#quotes-by-title", Static).update(title)
        listing = self.query_one(OptionList)
        listing.clear_options()
        for hit in hits:
            meta = " · ".join(x for x in (hit.title, hit.source, (hit.published or "")[:10]) if x)
            excerpt = hit.text if len(hit.text) <= 300 else hit.text[:299] + "…"
            mark = (f" {CORRECTED_MARK} corrected", "cyan") if hit.corrected else ""
            listing.add_option(Option(Text.assemble((f"“{excerpt}”", "italic"), mark, "\n", (meta, "dim"))))
        if not hits:
            listing.add_option(Option(Text("No quotes by this person in the library", style="dim"), disabled=True))

    @on(OptionList.OptionSelected)
    def open_quote(self, event: OptionList.OptionSelected) -> None:
        if not 0 <= event.option_index < len(self.hits):
            return
        from reader.screens.article import ArticleScreen

        hit = self.hits[event.option_index]
        order = list(dict.fromkeys(h.article_id for h in self.hits))
        self.app.push_screen(ArticleScreen(hit.article_id, order, jump_to=(hit.start, hit.end)))

    def action_back(self) -> None:
        self.app.pop_screen()


def bars(title: str, counts: list[Count], unit: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=None, show_header=False, min_width=60)
    table.add_column(no_wrap=True, max_width=36)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", style="dim", no_wrap=True)
    top = max((c.count for c in counts), default=1) or 1
    for count in counts:
        length = max(1, round(BAR_WIDTH * count.count / top))
        label = Text(count.name)
        if count.kind:
            label.append(f" ({count.kind})", style="dim")
        articles = f"{count.articles} article{'s' if count.articles != 1 else ''}"
        table.add_row(label, Text("█" * length, style="cyan"), f"{count.count} {unit} · {articles}")
    if not counts:
        table.add_row(Text("none yet", style="dim"), "", "")
    return table


class OverviewScreen(Screen[None]):
    """The most quoted people and the most cited sources of the whole library, as bars."""

    BINDINGS = [Binding("escape,q", "back", "Back", id="overview.back")]

    def compose(self) -> ComposeResult:
        yield Static(Text("Library overview · counting…", style="bold"), classes="title-bar", id="overview-title")
        with VerticalScroll(id="overview-body"):
            yield Static(id="overview-people")
            yield Static(id="overview-sources")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        overview = self.app.library.overview(limit=15)
        self.app.call_from_thread(self.show, overview)

    def show(self, overview: Overview) -> None:
        self.query_one("#overview-title", Static).update(
            Text.assemble(("Library overview", "bold"), f" · {overview.articles} articles")
        )
        self.query_one("#overview-people", Static).update(bars("Most quoted people", overview.people, "quotes"))
        self.query_one("#overview-sources", Static).update(bars("Most cited sources", overview.sources, "cited"))

    def action_back(self) -> None:
        self.app.pop_screen()
