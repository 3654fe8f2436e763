"""The library list: a line-API widget that renders only the rows on screen, so 100k rows cost
what 40 do."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.catalog import Row

__all__ = ["ArticleList", "Columns", "Row", "header_text"]


@dataclass(frozen=True, slots=True)
class Columns:
    marks: int
    title: int
    source: int
    date: int
    words: int
    quotes: int

    @classmethod
    def for_width(cls, width: int) -> Columns:
        marks, date, words, quotes = 3, 10, 6, 7
        rest = max(width - marks - date - words - quotes - 4, 10)
        source = min(22, rest // 4) if width >= 70 else 0
        return cls(marks, rest - source, source, date, words, quotes)


def _cell(text: str, width: int, justify: str = "left") -> str:
    """Fit ``text`` to exactly ``width`` cells, with an ellipsis when cut."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return _truncate(text, width)
    pad = " " * (width - cell_len(text))
    return pad + text if justify == "right" else text + pad


def _truncate(text: str, width: int) -> str:
    out = []
    used = 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - 1 - used)


def header_text(width: int) -> Text:
    cols = Columns.for_width(width)
    parts = [
        _cell("", cols.marks),
        _cell("Title", cols.title),
        " " + _cell("Source", cols.source - 1) if cols.source else "",
        " " + _cell("Date", cols.date),
        _cell("Words", cols.words, "right"),
        _cell("Quotes", cols.quotes, "right"),
    ]
    return Text("".join(parts), no_wrap=True)


class ArticleList(ScrollView, can_focus=True):
    """Rows of articles with a cursor. Posts ``Selected`` on Enter or click."""

    HELP_SECTION = "Library"
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="list.page-down"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Open", tooltip="Open the article", id="list.open"),
    ]

    COMPONENT_CLASSES = {"article-list--cursor", "article-list--unread", "article-list--dim"}

    DEFAULT_CSS = """
    ArticleList { height: 1fr; overflow-x: hidden; }
    ArticleList > .article-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    ArticleList:blur > .article-list--cursor { background: $block-cursor-blurred-background; }
    ArticleList > .article-list--unread { text-style: bold; }
    ArticleList > .article-list--dim { color: $text-muted; }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    class Selected(Message):
        def __init__(self, row: Row) -> None:
            self.row = row
            super().__init__()

    class Highlighted(Message):
        def __init__(self, row: Row | None) -> None:
            self.row = row
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self._cache: dict[tuple[int, int, bool], Strip] = {}

    # -- data ----------------------------------------------------------------------------
    def set_rows(self, rows: list[Row], keep_id: str | None = None) -> None:
        self.rows = rows
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(rows))
        index = 0
        if keep_id is not None:
            index = next((i for i, row in enumerate(rows) if row.id == keep_id), 0)
        self.cursor = min(index, max(len(rows) - 1, 0))
        self.refresh()

    def update_row(self, row: Row) -> None:
        for i, existing in enumerate(self.rows):
            if existing.id == row.id:
                self.rows[i] = row
                self._cache.clear()
                self.refresh()
                return

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # -- cursor --------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._cache.clear()
        self.refresh()
        if self.rows:
            self.scroll_to_region_for(new)
        self.post_message(self.Highlighted(self.current))

    def scroll_to_region_for(self, index: int) -> None:
        top = self.scroll_offset.y
        height = max(self.scrollable_content_region.height, 1)
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= max(self.scrollable_content_region.height - 1, 1)

    def action_page_down(self) -> None:
        self.cursor += max(self.scrollable_content_region.height - 1, 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self.current))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self.rows):
            if index == self.cursor and event.chain >= 2:
                self.action_select()
            self.cursor = index

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(event.size.width, len(self.rows))

    # -- rendering -----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if index >= len(self.rows) or width <= 0:
            return Strip.blank(width, self.rich_style)
        key = (index, width, index == self.cursor)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(self.rows[index], width, index == self.cursor)
            if len(self._cache) > 512:
                self._cache.clear()
            self._cache[key] = strip
        return strip

    def _render_row(self, row: Row, width: int, is_cursor: bool) -> Strip:
        cols = Columns.for_width(width)
        base = self.rich_style
        unread = self.get_component_rich_style("article-list--unread", partial=True)
        dim = self.get_component_rich_style("article-list--dim", partial=True)
        marks = ("●" if not row.read else " ") + ("✂" if row.truncated else " ")
        segments = [
            Segment(_cell(marks, cols.marks), base + dim),
            Segment(_cell(row.title, cols.title), base + (unread if not row.read else Style())),
        ]
        if cols.source:
            segments.append(Segment(" " + _cell(row.source, cols.source - 1), base + dim))
        segments += [
            Segment(" " + _cell(row.date, cols.date), base + dim),
            Segment(_cell(str(row.words), cols.words, "right"), base + dim),
            Segment(_cell(str(row.quotes), cols.quotes, "right"), base),
        ]
        strip = Strip(segments).adjust_cell_length(width, base)
        if is_cursor:
            strip = strip.apply_style(self.get_component_rich_style("article-list--cursor"))
        return strip
