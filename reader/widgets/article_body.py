"""The article body: paragraphs at a reading width, with layers of marks (quotes, mentions, the
passage cursor, find matches) drawn from character offsets into the canonical body.

A line-API widget: only the rows on screen are drawn, so an article of 100,000 paragraphs or 10 MB
opens as fast as a short one. Where each wrapped line falls is worked out once per width
(``BodyLayout``), and marks are found per row by bisection (``MarkIndex``).
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.content import Content, Span
from textual.geometry import Offset, Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style as VisualStyle

from reader.text import paragraph_spans
from reader.widgets.body_layout import BodyLayout, Mark, MarkIndex, Row, SpanMarks

__all__ = ["ArticleBody", "Mark", "SpanMarks"]

READING_WIDTH = 80  # columns of a paragraph, its cursor bar and gutter included
GUTTER = 2  # the cursor bar and a space before the text
CURSOR_BAR = "▌"
STRIP_CACHE = 256  # rows kept drawn: a few screens, so scrolling back and forth draws nothing new


class ArticleBody(ScrollView, can_focus=True):
    HELP_SECTION = "Article"
    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="body.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="body.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="body.page-down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="body.page-up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="body.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="body.bottom"),
    ]
    COMPONENT_CLASSES = {"article-body--cursor", "article-body--footer"}
    DEFAULT_CSS = """
    ArticleBody {
        overflow-x: hidden;
    }
    ArticleBody > .article-body--cursor {
        color: $accent;
    }
    ArticleBody > .article-body--footer {
        color: $warning;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.body = ""
        self.spans: list[tuple[int, int]] = []
        self.mark_layers: dict[str, Sequence[Mark]] = {}
        self.cursor_paragraph = 0
        self._starts: list[int] = []
        self.footer: Text | None = None
        self._indexes: dict[str, MarkIndex] = {}
        self._layout: BodyLayout | None = None
        self._strips: OrderedDict[int, Strip] = OrderedDict()
        self._styles: dict[Style, VisualStyle] = {}
        self._pending_scroll: tuple[int, bool] | None = None

    # -- content -------------------------------------------------------------------------
    async def load(self, body: str, footer: Text | None = None) -> None:
        self.body = body
        self.spans = paragraph_spans(body)
        self._starts = [start for start, _ in self.spans]
        self.footer = footer
        self.cursor_paragraph = 0
        self.mark_layers.clear()  # their offsets were into the text before
        self._indexes.clear()
        self._layout = None
        self._pending_scroll = None
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._relayout()

    def set_layer(self, name: str, marks: Sequence[Mark]) -> None:
        """Replace one layer of marks (later layers in insertion order draw on top); many marks of one
        style are best given as ``SpanMarks``."""
        self.mark_layers[name] = marks
        self._indexes[name] = MarkIndex(marks)
        self.redraw()

    def clear_layer(self, name: str) -> None:
        if self.mark_layers.pop(name, None) is not None:
            self._indexes.pop(name, None)
            self.redraw()

    def redraw(self) -> None:
        self._strips.clear()
        self.refresh()

    # -- layout --------------------------------------------------------------------------
    @property
    def block_width(self) -> int:
        """Columns of a paragraph: the reading width, or less on a narrow terminal."""
        layout = self._layout
        return layout.width + GUTTER if layout is not None else self._block_width(scrollbar=False)

    def _block_width(self, scrollbar: bool) -> int:
        width = self.size.width - (self.styles.scrollbar_size_vertical if scrollbar else 0)
        return max(min(width, READING_WIDTH), GUTTER + 1)

    def _relayout(self) -> None:
        """Wrap the body at the current width (once per width) and size the scrollable area to it.

        Whether the scrollbar will show is settled here, before anything is drawn: wrapped beside a
        scrollbar the body either needs one (keep that) or fits without one (wrap it wider)."""
        if self.size.width <= 0:
            return
        layout = self._layout
        same_body = layout is not None and layout.body is self.body
        footer = self.footer.plain if self.footer is not None else ""
        widths = [self._block_width(scrollbar=True) - GUTTER, self._block_width(scrollbar=False) - GUTTER]
        if not same_body or layout is None or not self._fits(layout, widths):
            top = self.top_offset() if same_body else None
            new = BodyLayout(self.body, self.spans, widths[0], footer)
            if new.rows <= self.size.height and widths[1] != widths[0]:
                new = BodyLayout(self.body, self.spans, widths[1], footer)
            self._layout = new
            self._strips.clear()
            self.virtual_size = Size(new.width + GUTTER, new.rows)
            if top is not None and self._pending_scroll is None:
                self._pending_scroll = (top, False)
        if self._pending_scroll is not None and self._layout is not None:
            offset, center = self._pending_scroll
            self._pending_scroll = None
            self._scroll_to_row(self._layout.row_of(offset), center)
        self.refresh()

    def _fits(self, layout: BodyLayout, widths: list[int]) -> bool:
        """Whether ``layout`` is the one to have now: beside a scrollbar if it needs one, else wider."""
        if layout.rows > self.size.height:
            return layout.width == widths[0]
        return layout.width == widths[1]

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    # -- drawing -------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = y + self.scroll_offset.y
        strip = self._strips.get(row)
        if strip is None or strip.cell_length != width:
            strip = self._render_row(row, width)
            self._strips[row] = strip
            if len(self._strips) > STRIP_CACHE:
                self._strips.popitem(last=False)
        return strip

    def _render_row(self, y: int, width: int) -> Strip:
        base = self.visual_style
        blank = base.background_style.rich_style  # spaces take the background only, as padding does
        layout = self._layout
        row = layout.row(y) if layout is not None else None
        if row is None or row.kind == "gap":
            return Strip.blank(width, blank)
        block = self.block_width
        left = max((width - block) // 2, 0)
        if row.kind == "footer":
            assert self.footer is not None
            text = self.footer[row.start : row.end]
            text.rstrip()
            content = Content.from_rich_text(text)
            colour = self.get_component_styles("article-body--footer").color
            content = content.stylize_before(VisualStyle(foreground=colour))
            gutter = [Segment(" " * (left + 1), blank)]
            segments = self._segments(content, base, y, 0)
            return Strip.join([Strip(gutter), Strip(segments)]).adjust_cell_length(width, blank)
        content = self._line_content(row)
        if row.paragraph == self.cursor_paragraph:
            bar = Segment(CURSOR_BAR, self.get_component_rich_style("article-body--cursor"))
        else:
            bar = Segment(" ", blank)
        gutter = [Segment(" " * left, blank), bar, Segment(" ", blank)]
        segments = self._segments(content, base, y, row.start - self.spans[row.paragraph][0])
        return Strip.join([Strip(gutter), Strip(segments)]).adjust_cell_length(width, blank)

    def _line_content(self, row: Row) -> Content:
        """One wrapped line with the marks of every layer (and the selection) as spans on it."""
        start = row.start
        text = self.body[start : row.end]
        if row.end != self.spans[row.paragraph][1]:
            text = text.rstrip()  # the space a line breaks at is not drawn
        end = start + len(text)
        spans = []
        for index in self._indexes.values():
            for mark in index.overlapping(start, end):
                spans.append(Span(max(mark.start, start) - start, min(mark.end, end) - start, self._style(mark.style)))
        selection = self.text_selection
        if selection is not None:
            picked = self._selected_span(selection)
            if picked is not None and picked[0] < end and picked[1] > start:
                style = VisualStyle.from_styles(self.screen.get_component_styles("screen--selection"))
                spans.append(Span(max(picked[0], start) - start, min(picked[1], end) - start, style))
        return Content(text, spans)

    def _style(self, style: Style) -> VisualStyle:
        converted = self._styles.get(style)
        if converted is None:
            converted = self._styles[style] = VisualStyle.from_rich_style(style, self.app.ansi_theme)
        return converted

    def _segments(self, content: Content, base: VisualStyle, y: int, x: int) -> list[Segment]:
        """Segments of a line as Textual's text widgets draw them; ``x`` (characters into the
        paragraph) and ``y`` (the row) go with them for mouse selection."""
        segments = []
        for text, style in content.render(base, end="", parse_style=self._get_style):
            segments.append(Segment(text, (base + style).rich_style_with_offset(x, y)))
            x += len(text)
        return segments

    # -- selection -----------------------------------------------------------------------
    def _selection_offset(self, offset: Offset | None, end: bool) -> int:
        """A selection end (characters into a paragraph, row) as an offset into the body."""
        layout = self._layout
        if offset is None or layout is None or not self.spans:
            return len(self.body) if end else 0
        x, y = offset
        row = layout.row(min(max(y, 0), layout.rows - 1))
        if row is None or row.kind == "footer":
            return len(self.body)
        start, stop = self.spans[row.paragraph]
        if row.kind == "gap":
            return stop
        return min(max(start + x, row.start), row.end)

    def _selected_span(self, selection: Selection) -> tuple[int, int] | None:
        start = self._selection_offset(selection.start, False)
        end = self._selection_offset(selection.end, True)
        return (start, end) if start < end else None

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        picked = self._selected_span(selection)
        return (self.body[picked[0] : picked[1]], "\n") if picked else None

    def selection_updated(self, selection: Selection | None) -> None:
        self.redraw()

    # -- positions -----------------------------------------------------------------------
    def paragraph_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def paragraph_rows(self, index: int) -> tuple[int, int]:
        """First row (in the scrollable area) of paragraph ``index`` and how many rows its text takes."""
        return self._layout.paragraph_rows(index) if self._layout is not None else (0, 0)

    def row_of(self, offset: int) -> int:
        """The row (in the scrollable area) of the wrapped line that holds ``offset``."""
        return self._layout.row_of(offset) if self._layout is not None else 0

    def visible_lines(self) -> list[str]:
        """The text of the rows on screen, as drawn (for tests and tools)."""
        height = self.scrollable_content_region.height
        return [self.render_line(y).text for y in range(height)]

    def scroll_to_offset(self, offset: int, *, center: bool = True, animate: bool = False) -> None:
        if not self.spans:
            return
        if self._layout is None:  # not laid out yet: done when the width is known
            self._pending_scroll = (offset, center)
            return
        self._scroll_to_row(self._layout.row_of(offset), center, animate)

    def _scroll_to_row(self, y: int, center: bool, animate: bool = False) -> None:
        if center:
            y -= self.scrollable_content_region.height // 3
        self.scroll_to(y=max(y, 0), animate=animate, immediate=True)

    def top_offset(self) -> int:
        """Offset of the first visible text, for remembering the reading position."""
        layout = self._layout
        if layout is None or not self.spans:
            return 0
        top = round(self.scroll_offset.y)
        row = layout.row(top)
        if row is None or row.kind == "footer":
            return self.spans[-1][0]
        if row.kind == "gap":
            following = min(row.paragraph + 1, len(self.spans) - 1)
            return self.spans[following][0]
        return row.start

    # -- passage cursor ------------------------------------------------------------------
    def move_cursor(self, delta: int) -> tuple[int, int] | None:
        """Step the passage cursor by ``delta`` paragraphs; when it is off screen (the view scrolled
        away, say with G in a long article), the step lands on the first paragraph in view instead."""
        if not self.spans:
            return None
        if self._layout is not None and not self._cursor_in_view():
            self.cursor_paragraph = self.paragraph_at(self.top_offset())
        else:
            self.cursor_paragraph = max(0, min(self.cursor_paragraph + delta, len(self.spans) - 1))
        self.redraw()
        if self._layout is not None:
            first, height = self._layout.paragraph_rows(self.cursor_paragraph)
            region = Region(0, first, self.scrollable_content_region.width, height + 1)
            self.scroll_to_region(region, animate=False, immediate=True)
        return self.spans[self.cursor_paragraph]

    def _cursor_in_view(self) -> bool:
        assert self._layout is not None
        first, height = self._layout.paragraph_rows(self.cursor_paragraph)
        top = round(self.scroll_offset.y)
        return first < top + self.scrollable_content_region.height and first + height > top

    def set_cursor_to(self, offset: int) -> None:
        self.cursor_paragraph = self.paragraph_at(offset)
        self.redraw()

    @property
    def cursor_span(self) -> tuple[int, int] | None:
        return self.spans[self.cursor_paragraph] if self.spans else None
