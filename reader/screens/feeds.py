"""The Feeds view: every followed feed with its unread and total articles, last refresh and error;
Enter lists its articles, R refreshes them all (r the selected one), a adds one, d removes one."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Label, Static

from reader.feeds import FeedStats
from reader.screens.latest import deliver
from reader.userdata.subscriptions import parse_time

STATUS_STYLE = {"ok": "green", "new": "cyan", "failing": "bold red", "gone": "bold red"}


def when(stamp: str | None) -> str:
    moment = parse_time(stamp)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "never"


def status_text(stats: FeedStats) -> Text:
    feed = stats.feed
    text = Text(feed.status, style=STATUS_STYLE.get(feed.status, ""))
    if feed.last_error:
        text.append(f"  {feed.last_error}", style="red")
    return text


class RemoveFeedDialog(ModalScreen[str | None]):
    """Unsubscribe: Enter keeps the feed's articles, D deletes them too, Esc cancels."""

    BINDINGS = [
        Binding("escape,n", "answer('')", "Cancel", id="remove-feed.cancel"),
        Binding("enter,y", "answer('keep')", "Remove, keep articles", id="remove-feed.keep"),
        Binding("D", "answer('delete')", "Remove and delete articles", id="remove-feed.delete"),
    ]

    def __init__(self, stats: FeedStats) -> None:
        super().__init__()
        self.stats = stats

    def compose(self) -> ComposeResult:
        count = self.stats.articles
        with Vertical(classes="dialog"):
            yield Label(Text(f"Unsubscribe from {self.stats.feed.name}?"), classes="dialog-title")
            yield Label(
                Text(f"Its {count} article{'s' if count != 1 else ''} stay in the library unless you press D."),
                classes="dialog-passage",
            )
            yield Label(
                "Enter: remove it, keep its articles\nD: remove it and delete its articles\nEsc: cancel",
                classes="dialog-hint",
            )

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer or None)


class FeedsScreen(Screen[None]):
    AUTO_FOCUS = "#feeds-table"
    BINDINGS = [
        Binding("escape,q", "back", "Back", show=False, id="feeds.back"),  # as everywhere: kept off the footer
        Binding("enter", "open", "Articles", priority=True, id="feeds.open"),
        Binding("R", "refresh_all", "Refresh all", id="feeds.refresh-all"),
        Binding("r", "refresh_one", "Refresh one", id="feeds.refresh-one"),
        Binding("a", "add", "Add", id="feeds.add"),
        Binding("d", "remove", "Remove", id="feeds.remove"),
        Binding("question_mark", "app.help", "Help", key_display="?", id="feeds.help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.stats: list[FeedStats] = []

    def compose(self) -> ComposeResult:
        yield Static(id="feeds-title", classes="title-bar")
        yield Static(id="feeds-status")
        table: DataTable[Text | str] = DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="feeds-detail")
        yield Static(id="feeds-empty", classes="empty-state")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Feed", key="name")
        table.add_column("Unread", key="unread")
        table.add_column("Articles", key="articles")
        table.add_column("Last refresh", key="refreshed")
        table.add_column("Status", key="status")
        self.query_one("#feeds-empty").display = False
        self.show_status(self.app.refresh_status)
        self.load()

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def load(self) -> None:
        stats = self.app.library.feeds.stats()
        deliver(self.app, self.show, stats)

    def show(self, stats: list[FeedStats]) -> None:
        table = self.query_one(DataTable)
        current = self.current
        self.stats = stats
        table.clear()
        for item in stats:
            table.add_row(
                Text(item.feed.name, style="bold" if item.unread else ""),
                Text(str(item.unread), justify="right", style="bold" if item.unread else "dim"),
                Text(str(item.articles), justify="right"),
                Text(when(item.feed.last_refresh)),
                status_text(item),
                key=item.feed.id,
            )
        if current is not None:
            index = next((i for i, s in enumerate(stats) if s.feed.id == current.feed.id), 0)
            table.move_cursor(row=index)
        empty = self.query_one("#feeds-empty", Static)
        empty.display = not stats
        table.display = bool(stats)
        self.query_one("#feeds-detail").display = bool(stats)
        empty.update(
            Text.assemble(
                ("No feeds yet.\n\n", "bold"),
                "Press a to follow a feed by its address (RSS or Atom), or from a shell:\n\n",
                ("  reader feeds add URL\n  reader feeds import subscriptions.opml\n\n", "bold"),
                "R refreshes every feed; new articles arrive unread, already analysed.",
            )
        )
        unread = sum(s.unread for s in stats)
        total = sum(s.articles for s in stats)
        failing = sum(1 for s in stats if s.feed.status in ("failing", "gone"))
        title = Text.assemble(("Feeds", "bold"), f" · {len(stats)} feed{'s' if len(stats) != 1 else ''}")
        title.append(f" · {unread} unread of {total}")
        if failing:
            title.append(f" · {failing} failing", style="bold red")
        self.query_one("#feeds-title", Static).update(title)
        self.show_detail()
        self.refresh_bindings()

    @property
    def current(self) -> FeedStats | None:
        table = self.query_one(DataTable)
        if not self.stats or table.cursor_row is None or not 0 <= table.cursor_row < len(self.stats):
            return None
        return self.stats[table.cursor_row]

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        current = self.current
        detail = self.query_one("#feeds-detail", Static)
        if current is None:
            detail.update("")
            return
        feed = current.feed
        text = Text.assemble((feed.url, "dim"), f"  · full text: {feed.full_text}")
        if feed.last_error:
            text.append(f"\n{feed.last_error}", style="red")
            if feed.retry_after and feed.status == "failing":
                text.append(f"  (left alone until {when(feed.retry_after)} unless refreshed with r)", style="dim")
        detail.update(text)

    def show_status(self, message: str) -> None:
        status = self.query_one("#feeds-status", Static)
        status.update(Text(message, style="italic"))
        status.display = bool(message)

    # -- actions ---------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With no feed yet, the keys that act on feeds are shown greyed: only a (add) leads on."""
        if action in ("open", "refresh_all", "refresh_one", "remove") and not self.stats:
            return None
        return True

    def action_back(self) -> None:
        self.app.pop_screen()

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        current = self.current
        if current is not None:
            self.app.show_feed_articles(current.feed.id, current.feed.name)

    def action_refresh_all(self) -> None:
        self.app.refresh_feeds()

    def action_refresh_one(self) -> None:
        current = self.current
        if current is not None:
            self.app.refresh_feeds([current.feed.id])

    def action_add(self) -> None:
        from reader.screens.dialogs import InputDialog

        def chosen(url: str | None) -> None:
            if url:
                self.add_feed(url)

        self.app.push_screen(
            InputDialog(
                "Follow a feed",
                placeholder="https://… the address of an RSS or Atom feed",
                hint="Enter subscribes and fetches it, Esc cancels.",
            ),
            chosen,
        )

    @work(thread=True, group="feeds-change", exit_on_error=False)
    def add_feed(self, url: str) -> None:
        from reader.feeds import SubscriptionError

        try:
            sub = self.app.library.feeds.add(url)
        except SubscriptionError as exc:
            self.app.call_from_thread(self.app.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        self.app.call_from_thread(self.load)
        self.app.call_from_thread(self.app.refresh_feeds, [sub.id])

    def action_remove(self) -> None:
        current = self.current
        if current is None:
            return

        def answered(answer: str | None) -> None:
            if answer:
                self.remove_feed(current.feed.id, answer == "delete")

        self.app.push_screen(RemoveFeedDialog(current), answered)

    @work(thread=True, group="feeds-change", exit_on_error=False)
    def remove_feed(self, feed_id: str, delete_articles: bool) -> None:
        sub, deleted = self.app.library.feeds.remove(feed_id, delete_articles=delete_articles)
        if delete_articles:
            message = f"Removed {sub.name} and its {len(deleted)} article{'s' if len(deleted) != 1 else ''}"
        else:
            message = f"Removed {sub.name}; its articles stay in the library"
        self.app.call_from_thread(self.app.notify, message, timeout=5, markup=False)
        self.app.call_from_thread(self.load)
        if deleted:
            self.app.call_from_thread(self.app.refresh_library)

    def on_screen_resume(self) -> None:
        self.load()
