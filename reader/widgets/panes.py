"""The three analysis panes beside the body: Quotes, People, Sources & Links."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.models import Analysis, Link, Person, Quote, Source
from reader.userdata import CORRECTED_MARK, UNCERTAIN_MARK

# One colour per speaker, in order of first quote; readable on dark and light themes.
SPEAKER_COLOURS = ["#e5c07b", "#61afef", "#98c379", "#c678dd", "#56b6c2", "#e06c75", "#d19a66", "#8abeb7"]
UNKNOWN_COLOUR = "#9da5b4"
EXCERPT_CHARS = 110


def speaker_colours(quotes: tuple[Quote, ...], background: str | None = None) -> dict[str | None, str]:
    """A colour per speaker, in order of first quote; each made readable on ``background`` (the
    theme's) when it is given, so tan stays legible on cream as well as on black."""
    from reader.widgets.contrast import readable

    def fit(colour: str) -> str:
        return readable(colour, background) if background else colour

    colours: dict[str | None, str] = {None: fit(UNKNOWN_COLOUR)}
    for quote in quotes:
        if quote.speaker not in colours and not quote.scare:
            colours[quote.speaker] = fit(SPEAKER_COLOURS[(len(colours) - 1) % len(SPEAKER_COLOURS)])
    return colours


def corrected_mark() -> Text:
    """The small mark after what the user corrected."""
    return Text(f" {CORRECTED_MARK}", style="cyan")


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Pane(OptionList):
    """An OptionList that says so when it has nothing to list."""

    empty_text = "Nothing found"

    def on_focus(self) -> None:
        """Focusing a pane selects its first item, so the body shows where it is at once."""
        if self.highlighted is None and self.option_count and not self.get_option_at_index(0).disabled:
            self.highlighted = 0

    def show_empty(self) -> None:
        self.add_option(Option(Text(self.empty_text, style="dim italic"), disabled=True))


class QuotesPane(Pane):
    HELP_SECTION = "Quotes pane"
    HELP_ORDER = 21
    HELP_KEYS = (
        ("arrows, enter", "Scroll the body to the quote and highlight it"),
        ("w", "Who said what: every quote by the quote's speaker across the library"),
    )
    empty_text = "No quotes in this article"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.quotes: list[Quote] = []

    def load(self, analysis: Analysis, colours: dict[str | None, str]) -> None:
        self.clear_options()
        # Reported speech first in body order; scare quotes (terms, titles) after, dimmed.
        self.quotes = [q for q in analysis.quotes if not q.scare] + [q for q in analysis.quotes if q.scare]
        for index, quote in enumerate(self.quotes):
            if quote.scare:
                prompt = Text.assemble(
                    ("term  ", "dim"),
                    (f"“{excerpt(quote.text)}”", Style(dim=True, italic=True)),
                    corrected_mark() if quote.corrected else "",
                )
            else:
                colour = colours.get(quote.speaker) or colours.get(None, UNKNOWN_COLOUR)
                uncertain = quote.confidence == "low" and not quote.corrected
                prompt = Text.assemble(
                    ("▍", colour),
                    (quote.speaker or "Unattributed", Style(bold=True, color=colour, dim=uncertain)),
                    (f" {UNCERTAIN_MARK}", Style(bold=True, color="yellow")) if uncertain else "",
                    corrected_mark() if quote.corrected else "",
                    "\n",
                    ("▍", colour),
                    f"“{excerpt(quote.text)}”",
                )
            self.add_option(Option(prompt, id=f"q{index}"))
        if not self.quotes:
            self.show_empty()

    def quote_at(self, index: int | None) -> Quote | None:
        return self.quotes[index] if index is not None and 0 <= index < len(self.quotes) else None


def _with_detail(head: Text, detail: Text | None) -> RenderableType:
    """An item's first line, and a detail below it indented by two columns, wrapped lines too."""
    return head if detail is None else Group(head, Padding(detail, (0, 0, 0, 2)))


class PeoplePane(Pane):
    HELP_SECTION = "People pane"
    HELP_ORDER = 22
    HELP_KEYS = (
        ("arrows", "Mark the person's mentions in the body"),
        ("enter", "Step to the person's next mention"),
        ("w", "Who said what: every quote by the person across the library"),
    )
    empty_text = "No people found"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.people: list[Person] = []

    def load(self, analysis: Analysis, colours: dict[str | None, str]) -> None:
        self.clear_options()
        self.people = list(analysis.people)
        for index, person in enumerate(self.people):
            count = len(person.mentions)
            colour = colours.get(person.name)
            prompt = Text.assemble(
                (person.name, Style(bold=True, color=colour) if colour else Style(bold=True)),
                corrected_mark() if person.corrected else "",
                (f"  {count} mention{'s' if count != 1 else ''}", "dim"),
            )
            role = Text(excerpt(person.role, 80), style="italic") if person.role else None
            self.add_option(Option(_with_detail(prompt, role), id=f"p{index}"))
        if not self.people:
            self.show_empty()

    def person_at(self, index: int | None) -> Person | None:
        return self.people[index] if index is not None and 0 <= index < len(self.people) else None


class OpenLink(Message):
    """Open or copy a link from the Sources & Links pane (None: the item is not a link)."""

    def __init__(self, link: Link | None, copy: bool) -> None:
        self.link = link
        self.copy = copy
        super().__init__()


class SourcesPane(Pane):
    HELP_SECTION = "Sources & Links pane"
    HELP_ORDER = 23
    HELP_KEYS = (("arrows, enter", "Mark where a source is cited; enter on a link opens it"),)
    BINDINGS = [
        Binding("o", "open_link", "Open", tooltip="Open the selected link (only http and https)", id="sources.open"),
        Binding("y", "copy_link", "Copy", tooltip="Copy the selected link", id="sources.copy"),
    ]
    empty_text = "No sources or links found"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[Source | Link] = []

    def load(self, analysis: Analysis) -> None:
        self.clear_options()
        self.items = [*analysis.sources, *analysis.links]
        for source in analysis.sources:
            prompt = Text.assemble(
                (source.name, "bold"), corrected_mark() if source.corrected else "", (f"  {source.kind}", "dim")
            )
            aliases = Text(f"also: {', '.join(source.aliases)}", style="dim italic") if source.aliases else None
            self.add_option(Option(_with_detail(prompt, aliases)))
        for number, link in enumerate(analysis.links, 1):
            label = link.text if link.text and link.text != link.url else ""
            prompt = Text.assemble((f"[{number}] ", "bold"), (excerpt(label, 60) + "\n    " if label else ""))
            prompt.append(excerpt(link.url, 100), style="underline")
            self.add_option(Option(prompt))
        if not self.items:
            self.show_empty()

    @property
    def current_link(self) -> Link | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.items):
            return None
        item = self.items[index]
        return item if isinstance(item, Link) else None

    def action_open_link(self) -> None:
        self.post_message(OpenLink(self.current_link, copy=False))

    def action_copy_link(self) -> None:
        self.post_message(OpenLink(self.current_link, copy=True))
