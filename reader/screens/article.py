"""The article screen: the body at a reading width with Quotes, People and Sources & Links beside it
(or as tabs under it on narrow terminals)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static, Tab, Tabs

from reader.models import Article
from reader.screens.article_keys import ARTICLE_BINDINGS
from reader.screens.correcting import CorrectingArticle
from reader.screens.find import FindInArticle
from reader.screens.links import OpenLinks
from reader.widgets.article_body import ArticleBody, Mark
from reader.widgets.key_footer import KeyFooter
from reader.widgets.pane_sizes import pane_heights
from reader.widgets.panes import OpenLink, PeoplePane, QuotesPane, SourcesPane, speaker_colours

NARROW_WIDTH = 100
PANES = ("quotes", "people", "sources")
PANE_TITLES = {"quotes": "Quotes", "people": "People", "sources": "Sources & Links"}
FOCUS_STYLE = Style(reverse=True, bold=True)
MENTION_STYLE = Style(underline=True, bold=True)
CURRENT_MENTION_STYLE = Style(reverse=True, bold=True)
SCARE_STYLE = Style(italic=True, dim=True)
BOOKMARK_STYLE = Style(underline=True)
FLASH_STYLE = Style(reverse=True)


class ArticleScreen(CorrectingArticle, FindInArticle, OpenLinks, Screen[None]):
    HELP_SECTION = "Article"
    HELP_ORDER = 20
    HELP_KEYS = (("tab, shift+tab", "Next / previous pane"),)
    BINDINGS = ARTICLE_BINDINGS

    def __init__(
        self,
        article_id: str,
        order: list[str] | None = None,
        jump_to: tuple[int, int] | None = None,
        hits: list[tuple[int, int]] | None = None,
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.jump_to = jump_to
        self.hits = hits
        self.order = order or [article_id]
        self.article: Article | None = None
        self.colours: dict[str | None, str] = {}
        self.mention_step: dict[str, int] = {}
        self.bookmark_count = 0
        self.matches: list[tuple[int, int]] = []
        self.match_index = -1

    def compose(self) -> ComposeResult:
        yield Static(id="article-title", classes="title-bar")
        with Horizontal(id="article-main"):
            yield ArticleBody(id="body")
            with Vertical(id="panes"):
                yield Tabs(*(Tab(PANE_TITLES[name], id=f"tab-{name}") for name in PANES), id="pane-tabs")
                yield QuotesPane(id="quotes")
                yield PeoplePane(id="people")
                yield SourcesPane(id="sources")
        with Horizontal(id="find-bar"):
            yield Input(
                placeholder="Find in this article (Enter: keep matches, Esc: clear)", id="find", select_on_focus=False
            )
            yield Static(id="find-status")
        yield KeyFooter()

    async def on_mount(self) -> None:
        for name in PANES:
            self.query_one(f"#{name}").border_title = PANE_TITLES[name]
        self.apply_width(self.app.size.width)
        self.query_one("#find-bar").display = False
        self.app.theme_changed_signal.subscribe(self, self.recolour)
        if dismiss := getattr(self.app, "dismiss_welcome", None):
            dismiss()
        await self.show_article(self.article_id)

    # -- loading -------------------------------------------------------------------------
    async def show_article(self, article_id: str) -> None:
        library = self.app.library
        article = library.get(article_id)
        if article is None:
            self.notify(f"Article {article_id} is no longer in the library", severity="error")
            return
        if self.article is not None:
            self.remember_position()
        self.article_id, self.article = article.id, article
        analysis = article.analysis
        assert analysis is not None
        self.colours = speaker_colours(analysis.quotes, self.background_colour())
        self.mention_step.clear()
        self.matches, self.match_index = [], -1
        self.query_one("#article-title", Static).update(self.title_text(article))
        footer = None
        if article.truncated:
            footer = Text("✂ The text ends mid-sentence: this article is truncated.", style="italic")
        body = self.query_one(ArticleBody)
        await body.load(article.body, footer)
        body.set_layer("quotes", self.quote_marks(article))
        self.query_one(QuotesPane).load(analysis, self.colours)
        self.query_one(PeoplePane).load(analysis, self.colours)
        self.query_one(SourcesPane).load(analysis)
        self.call_after_refresh(self.size_panes)
        self.show_bookmarks()
        position = library.position(article.id)
        library.mark_read(article.id)
        self.set_focus(body)  # at once: a deferred focus would take keys typed ahead into find
        if self.hits:
            # Opened from a library search: its hits are the matches that n/N step through.
            self.matches, self.match_index, self.hits = list(self.hits), 0, None
            self.query_one("#find-bar").display = True
            self.query_one("#find", Input).placeholder = "Search hits: n/N next and previous, / to find, Esc clears"
            self.call_after_refresh(self.show_match, True)
        elif self.jump_to is not None:
            start, end = self.jump_to
            self.jump_to = None
            body.set_cursor_to(start)
            body.set_layer("flash", [Mark(start, end, FLASH_STYLE)])
            self.call_after_refresh(body.scroll_to_offset, start)
            self.set_timer(1.5, lambda: body.clear_layer("flash"))
        elif position:
            body.set_cursor_to(position)
            self.call_after_refresh(body.scroll_to_offset, position, center=False)

    def background_colour(self) -> str:
        """The theme's background, which speaker colours must read on (an ANSI theme's is the
        terminal's own: taken as black or white)."""
        from reader.widgets.contrast import DARK_FALLBACK, LIGHT_FALLBACK

        background = self.app.theme_variables.get("background", "")
        if background.startswith("#"):
            return background
        return DARK_FALLBACK if self.app.current_theme.dark else LIGHT_FALLBACK

    def recolour(self, _theme: object = None) -> None:
        """Another theme: speaker colours chosen again for its background."""
        if self.article is None or self.article.analysis is None:
            return
        self.colours = speaker_colours(self.article.analysis.quotes, self.background_colour())
        self.query_one(ArticleBody).set_layer("quotes", self.quote_marks(self.article))
        self.query_one(QuotesPane).load(self.article.analysis, self.colours)
        self.query_one(PeoplePane).load(self.article.analysis, self.colours)

    def show_bookmarks(self) -> None:
        """Mark bookmarked passages in the body and count them in the title."""
        assert self.article is not None
        placed = [b for b in self.app.library.article_bookmarks(self.article.id) if b.start is not None]
        self.bookmark_count = len(placed)
        body = self.query_one(ArticleBody)
        body.set_layer("bookmarks", [Mark(b.start, b.end, BOOKMARK_STYLE) for b in placed])  # type: ignore[arg-type]
        self.query_one("#article-title", Static).update(self.title_text(self.article))

    def action_quotes_by(self) -> None:
        """Every quote in the library by the person selected in People (or the quote's speaker)."""
        from reader.screens.people import QuotesByScreen

        name = None
        if self.focused is self.query_one(PeoplePane):
            person = self.query_one(PeoplePane).person_at(self.query_one(PeoplePane).highlighted)
            name = person.name if person else None
        elif self.focused is self.query_one(QuotesPane):
            quote = self.query_one(QuotesPane).quote_at(self.query_one(QuotesPane).highlighted)
            name = quote.speaker if quote and not quote.scare else None
        if not name:
            self.notify("Select a person in People (2) or a quote in Quotes (1), then press w", timeout=4)
            return
        self.app.push_screen(QuotesByScreen(name))

    def action_edit_details(self) -> None:
        """The title, source, author, date and URL as the user knows them."""
        from reader.screens.details_dialog import DetailsDialog, save_details

        if self.article is None:
            return
        article_id = self.article.id

        async def save(changed: dict[str, str] | None) -> None:
            if changed and save_details(self, article_id, changed):
                await self.show_article(article_id)

        self.app.push_screen(DetailsDialog(self.article), save)

    def action_bookmark(self) -> None:
        """Bookmark the selected text, else the paragraph under the passage cursor."""
        from reader.anchoring import find_passage
        from reader.screens.dialogs import BookmarkDialog

        if self.article is None:
            return
        body = self.query_one(ArticleBody)
        span = body.cursor_span
        selected = (self.get_selected_text() or "").strip()
        if selected:
            found = find_passage(self.article.body, selected)
            if found:
                anchor = span[0] if span else 0
                span = min(found, key=lambda s: abs(s[0] - anchor))
        if span is None:
            return
        start, end = span
        article_id = self.article.id

        def save(answer: tuple[str, list[str]] | None) -> None:
            if answer is None:
                return
            note, tags = answer
            try:
                self.app.library.add_bookmark(article_id, start, end, note=note, tags=tags)
            except (ValueError, OSError) as exc:
                self.notify(f"Could not save the bookmark: {exc}", severity="error")
                return
            self.notify("Bookmarked. B lists your bookmarks.", timeout=3)
            self.show_bookmarks()

        self.app.push_screen(BookmarkDialog(self.article.body[start:end]), save)

    def title_text(self, article: Article) -> Text:
        analysis = article.analysis
        quotes = sum(1 for q in analysis.quotes if not q.scare) if analysis else 0
        meta = [x for x in (article.source, (article.published or "")[:10]) if x]
        meta += [f"{article.words} words", f"{quotes} quote{'s' if quotes != 1 else ''}"]
        if len(self.order) > 1 and article.id in self.order:
            meta.append(f"article {self.order.index(article.id) + 1} of {len(self.order)}")
        text = Text.assemble((article.title, "bold"), "\n", (" · ".join(meta), "dim"))
        if self.bookmark_count:
            text.append(f"  ★ {self.bookmark_count} bookmark{'s' if self.bookmark_count != 1 else ''}", style="bold")
        if article.truncated:
            text.append("  ✂ truncated", style="bold")
        if article.meta.get("summary_only"):
            text.append("  ◌ only the feed's summary (its page could not be had)", style="bold")
        return text

    def quote_marks(self, article: Article) -> list[Mark]:
        marks = []
        for quote in article.analysis.quotes if article.analysis else ():
            if quote.scare:
                marks.append(Mark(quote.start, quote.end, SCARE_STYLE))
            else:
                marks.append(Mark(quote.start, quote.end, Style(color=self.colours.get(quote.speaker))))
        return marks

    def remember_position(self) -> None:
        if self.article is not None:
            self.app.library.save_position(self.article.id, self.query_one(ArticleBody).top_offset())

    # -- layout --------------------------------------------------------------------------
    def on_resize(self, event: Resize) -> None:
        self.apply_width(event.size.width)
        self.call_after_refresh(self.size_panes)

    def size_panes(self) -> None:
        """Side by side, the panes get heights by what they hold (an empty one its title and one
        line); as tabs, the one shown takes the whole height."""
        panes = [self.query_one(QuotesPane), self.query_one(PeoplePane), self.query_one(SourcesPane)]
        if self.has_class("-narrow"):
            for pane in panes:
                pane.styles.height = "1fr"
            return
        holding = (panes[0].quotes, panes[1].people, panes[2].items)
        needs = [pane.virtual_size.height if items else None for pane, items in zip(panes, holding, strict=True)]
        available = self.query_one("#panes").content_region.height
        if available <= 0:
            return
        for pane, height in zip(panes, pane_heights(needs, available), strict=True):
            pane.styles.height = height

    def apply_width(self, width: int) -> None:
        narrow = width < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        active = self.query_one(Tabs).active or "tab-quotes"
        for name in PANES:
            self.query_one(f"#{name}").display = not narrow or active == f"tab-{name}"

    @on(Tabs.TabActivated, "#pane-tabs")
    def tab_changed(self, event: Tabs.TabActivated) -> None:
        self.apply_width(self.size.width or self.app.size.width)

    def action_focus_pane(self, name: str) -> None:
        if name == "body":
            self.set_focus(self.query_one(ArticleBody))
            return
        if self.has_class("-narrow"):
            self.query_one(Tabs).active = f"tab-{name}"
            self.apply_width(self.size.width)
        self.set_focus(self.query_one(f"#{name}", OptionList))

    # -- panes ---------------------------------------------------------------------------
    def focus_marks(self, marks: list[Mark], at: int | None = None) -> None:
        """Mark what the selected pane item points at and scroll to it (``at``, else the first mark)."""
        body = self.query_one(ArticleBody)
        if not marks:
            body.clear_layer("focus")
            return
        body.set_layer("focus", marks)
        body.scroll_to_offset(marks[0].start if at is None else at)

    @on(OptionList.OptionHighlighted, "#quotes")
    def quote_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        quote = self.query_one(QuotesPane).quote_at(event.option_index)
        self.focus_marks([Mark(quote.start, quote.end, FOCUS_STYLE)] if quote else [])

    @on(OptionList.OptionSelected, "#quotes")
    def quote_selected(self, event: OptionList.OptionSelected) -> None:
        self.quote_highlighted(event)  # type: ignore[arg-type]

    @on(OptionList.OptionHighlighted, "#people")
    def person_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        person = self.query_one(PeoplePane).person_at(event.option_index)
        self.focus_marks([Mark(a, b, MENTION_STYLE) for a, b in person.mentions] if person else [])

    @on(OptionList.OptionSelected, "#people")
    def person_selected(self, event: OptionList.OptionSelected) -> None:
        """Each Enter steps to the person's next mention in the body."""
        person = self.query_one(PeoplePane).person_at(event.option_index)
        if person is None or not person.mentions:
            return
        step = self.mention_step.get(person.name, -1) + 1
        step %= len(person.mentions)
        self.mention_step[person.name] = step
        start, end = person.mentions[step]
        marks = [Mark(a, b, MENTION_STYLE) for a, b in person.mentions]
        self.focus_marks([*marks, Mark(start, end, CURRENT_MENTION_STYLE)], at=start)
        self.notify(f"{person.name}: mention {step + 1} of {len(person.mentions)}", timeout=2)

    @on(OptionList.OptionSelected, "#sources")
    def source_selected(self, event: OptionList.OptionSelected) -> None:
        pane = self.query_one(SourcesPane)
        if pane.current_link is not None:
            self.on_open_link(OpenLink(pane.current_link, copy=False))
            return
        index = event.option_index
        item = pane.items[index] if 0 <= index < len(pane.items) else None
        mentions = getattr(item, "mentions", ())
        if mentions:
            self.focus_marks([Mark(a, b, MENTION_STYLE) for a, b in mentions])

    # -- keys ----------------------------------------------------------------------------
    def action_back(self) -> None:
        self.remember_position()
        self.app.pop_screen()

    async def _step_article(self, delta: int) -> None:
        if self.article_id not in self.order:
            return
        index = self.order.index(self.article_id) + delta
        if not 0 <= index < len(self.order):
            self.notify("No more articles in that direction", timeout=2)
            return
        await self.show_article(self.order[index])

    async def action_previous_article(self) -> None:
        await self._step_article(-1)

    async def action_next_article(self) -> None:
        await self._step_article(1)

    def action_previous_paragraph(self) -> None:
        self.query_one(ArticleBody).move_cursor(-1)

    def action_next_paragraph(self) -> None:
        self.query_one(ArticleBody).move_cursor(1)
