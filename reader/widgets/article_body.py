"""The article body: paragraphs at a reading width, with layers of marks (quotes, mentions, the
passage cursor, find matches) drawn from character offsets into the canonical body."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from reader.text import paragraph_spans


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    style: Style


class Paragraph(Static):
    """One paragraph of the body; knows its offsets so marks can be sliced into it."""

    def __init__(self, index: int, start: int, end: int) -> None:
        super().__init__(classes="paragraph")
        self.index = index
        self.start = start
        self.end = end


class ArticleBody(VerticalScroll, can_focus=True):
    HELP_SECTION = "Article"
    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="body.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="body.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="body.page-down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="body.page-up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="body.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="body.bottom"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.body = ""
        self.spans: list[tuple[int, int]] = []
        self.mark_layers: dict[str, list[Mark]] = {}
        self.cursor_paragraph = 0
        self._starts: list[int] = []

    # -- content -------------------------------------------------------------------------
    async def load(self, body: str, footer: Text | None = None) -> None:
        self.body = body
        self.spans = paragraph_spans(body)
        self._starts = [start for start, _ in self.spans]
        self.cursor_paragraph = 0
        await self.remove_children()
        widgets: list[Static] = [Paragraph(i, s, e) for i, (s, e) in enumerate(self.spans)]
        if footer is not None:
            widgets.append(Static(footer, classes="body-footer"))
        await self.mount_all(widgets)
        self.redraw()

    def set_layer(self, name: str, marks: list[Mark]) -> None:
        """Replace one layer of marks (later layers in insertion order draw on top)."""
        self.mark_layers[name] = marks
        self.redraw()

    def clear_layer(self, name: str) -> None:
        if self.mark_layers.pop(name, None) is not None:
            self.redraw()

    def redraw(self) -> None:
        for paragraph in self.query(Paragraph):
            text = Text(self.body[paragraph.start : paragraph.end])
            for marks in self.mark_layers.values():
                for mark in marks:
                    if mark.end <= paragraph.start or mark.start >= paragraph.end:
                        continue
                    text.stylize(
                        mark.style,
                        max(mark.start, paragraph.start) - paragraph.start,
                        min(mark.end, paragraph.end) - paragraph.start,
                    )
            paragraph.update(text)
            paragraph.set_class(paragraph.index == self.cursor_paragraph, "-cursor")

    # -- positions -----------------------------------------------------------------------
    def paragraph_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def _paragraph_widget(self, index: int) -> Paragraph | None:
        for paragraph in self.query(Paragraph):
            if paragraph.index == index:
                return paragraph
        return None

    def line_of(self, paragraph: Paragraph, offset: int) -> int:
        """The wrapped line (within the paragraph) that holds ``offset``."""
        width = paragraph.content_region.width or paragraph.size.width
        if width <= 0:
            return 0
        lines = Text(self.body[paragraph.start : paragraph.end]).wrap(self.app.console, width)
        position = paragraph.start
        for number, line in enumerate(lines):
            position += len(line.plain)
            if offset < position:
                return number
            # wrapping drops the space at each break
            if position < paragraph.end and self.body[position] == " ":
                position += 1
        return max(len(lines) - 1, 0)

    def scroll_to_offset(self, offset: int, *, center: bool = True, animate: bool = False) -> None:
        if not self.spans:
            return
        paragraph = self._paragraph_widget(self.paragraph_at(offset))
        if paragraph is None:
            return
        y = paragraph.virtual_region.y + self.line_of(paragraph, offset)
        if center:
            y -= self.scrollable_content_region.height // 3
        self.scroll_to(y=max(y, 0), animate=animate)

    def top_offset(self) -> int:
        """Offset of the first visible text, for remembering the reading position."""
        top = self.scroll_offset.y
        for paragraph in self.query(Paragraph):
            region = paragraph.virtual_region
            if region.y + region.height > top:
                return paragraph.start
        return 0

    # -- passage cursor ------------------------------------------------------------------
    def move_cursor(self, delta: int) -> tuple[int, int] | None:
        if not self.spans:
            return None
        self.cursor_paragraph = max(0, min(self.cursor_paragraph + delta, len(self.spans) - 1))
        for paragraph in self.query(Paragraph):
            paragraph.set_class(paragraph.index == self.cursor_paragraph, "-cursor")
        widget = self._paragraph_widget(self.cursor_paragraph)
        if widget is not None:
            self.scroll_to_widget(widget, animate=False)
        return self.spans[self.cursor_paragraph]

    def set_cursor_to(self, offset: int) -> None:
        self.cursor_paragraph = self.paragraph_at(offset)
        for paragraph in self.query(Paragraph):
            paragraph.set_class(paragraph.index == self.cursor_paragraph, "-cursor")

    @property
    def cursor_span(self) -> tuple[int, int] | None:
        return self.spans[self.cursor_paragraph] if self.spans else None
