"""Who said what across the library: every quote by one person, and the library overview."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.screens.latest import deliver
from reader.search import Count, Overview, QuoteHit
from reader.userdata import CORRECTED_MARK
from reader.widgets.key_footer import KeyFooter

BAR_WIDTH = 30


class QuotesByScreen(Screen[None]):
    """Every quote in the library spoken by one person, newest first; Enter opens it."""

    HELP_SECTION = "Who said what"
    HELP_ORDER = 30
    HELP_KEYS = (("arrows, enter", "Open the article at the quote"),)
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="quotes-by.back"),
        Binding("enter", "open", "Open", tooltip="Open the article at the quote", id="quotes-by.open"),
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
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        hits = self.app.library.quotes_by(self.person)
        deliver(self.app, self.show, hits)

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
        if hits:
            listing.highlighted = 0  # Enter opens the first quote at once
        else:
            listing.add_option(Option(Text("No quotes by this person in the library", style="dim"), disabled=True))

    @on(OptionList.OptionSelected)
    def open_quote(self, event: OptionList.OptionSelected) -> None:
        if not 0 <= event.option_index < len(self.hits):
            return
        from reader.screens.article import ArticleScreen

        hit = self.hits[event.option_index]
        order = list(dict.fromkeys(h.article_id for h in self.hits))
        self.app.push_screen(ArticleScreen(hit.article_id, order, jump_to=(hit.start, hit.end)))

    def action_open(self) -> None:
        self.query_one(OptionList).action_select()

    def action_back(self) -> None:
        self.app.pop_screen()


NAME_WIDTH = 36


def counts_text(count: Count, unit: str) -> str:
    units = "quote" if unit == "quotes" and count.count == 1 else unit
    return f"{count.count} {units} · {count.articles} article{'s' if count.articles != 1 else ''}"


def bar_row(count: Count, top: int, unit: str, width: int, counts_width: int) -> Text:
    """One row of the overview in ``width`` cells: the name (and a source's kind), a bar, the counts."""
    label = Text(count.name)
    if count.kind:
        label.append(f" ({count.kind})", style="dim")
    name_width = min(NAME_WIDTH, max(12, width // 3))
    label.truncate(name_width, overflow="ellipsis", pad=True)
    bar_width = max(4, min(BAR_WIDTH, width - name_width - counts_width - 3))
    length = max(1, round(bar_width * count.count / (top or 1)))
    return Text.assemble(
        label, " ", ("█" * length, "cyan"), " " * (bar_width - length + 1), (counts_text(count, unit), "dim")
    )


class OverviewScreen(Screen[None]):
    """The most quoted people and the most cited sources of the whole library, as bars; each row
    opens what is behind it: a speaker's quotes, a person's mentions, the articles citing a source."""

    HELP_SECTION = "Library overview"
    HELP_ORDER = 35
    HELP_KEYS = (
        (
            "arrows, enter",
            "Open the row: a speaker's quotes (who said what), a person's mentions or the articles "
            "citing a source (a library search)",
        ),
    )
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="overview.back"),
        Binding("enter", "open", "Open", tooltip="Open what the row counts", id="overview.open"),
    ]
    AUTO_FOCUS = "#overview-list"

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, Count] | None] = []  # None for headings and blank lines

    def compose(self) -> ComposeResult:
        yield Static(Text("Library overview · counting…", style="bold"), classes="title-bar", id="overview-title")
        yield OptionList(id="overview-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        overview = self.app.library.overview(limit=15)
        deliver(self.app, self.show, overview)

    def show(self, overview: Overview) -> None:
        self.query_one("#overview-title", Static).update(
            Text.assemble(("Library overview", "bold"), f" · {overview.articles} articles")
        )
        listing = self.query_one("#overview-list", OptionList)
        listing.clear_options()
        self.rows = []
        for heading, kind, counts, unit in (
            ("Most quoted people", "speaker", overview.people, "quotes"),
            ("Most cited sources", "source", overview.sources, "cited"),
        ):
            if self.rows:
                listing.add_option(Option("", disabled=True))
                self.rows.append(None)
            listing.add_option(Option(Text(heading, style="bold"), disabled=True))
            self.rows.append(None)
            top = max((c.count for c in counts), default=1)
            width = (listing.scrollable_content_region.width or self.app.size.width) - 2
            counts_width = max((len(counts_text(c, unit)) for c in counts), default=0)
            for count in counts:
                listing.add_option(Option(bar_row(count, top, unit, width, counts_width)))
                self.rows.append((kind, count))
            if not counts:
                listing.add_option(Option(Text("none yet", style="dim"), disabled=True))
                self.rows.append(None)
        first = next((i for i, row in enumerate(self.rows) if row), None)
        if first is not None:
            listing.highlighted = first

    @on(OptionList.OptionSelected, "#overview-list")
    def open_row(self, event: OptionList.OptionSelected) -> None:
        row = self.rows[event.option_index] if 0 <= event.option_index < len(self.rows) else None
        if row is None:
            return
        kind, count = row
        if kind == "speaker":
            self.app.push_screen(QuotesByScreen(count.name))
            return
        name = count.name.replace('"', "")
        # A person cited as a source: where they are mentioned; anything else: the articles naming it.
        query = f'person:"{name}"' if count.kind == "person" else f'"{name}"'
        from reader.screens.library import LibraryScreen

        while len(self.app.screen_stack) > 1 and not isinstance(self.app.screen, LibraryScreen):
            self.app.pop_screen()
        if isinstance(self.app.screen, LibraryScreen):
            self.app.call_later(self.app.screen.search_for, query)

    def action_open(self) -> None:
        self.query_one("#overview-list", OptionList).action_select()

    def action_back(self) -> None:
        self.app.pop_screen()
