"""The article screen's keys, as data: the footer, the help and the palette read them from here, in
the order the footer needs them, and ``config.toml`` remaps them by id."""

from __future__ import annotations

from textual.binding import Binding

PANES_GROUP = Binding.Group("Panes")
ARTICLE_GROUP = Binding.Group("Article")
PASSAGE_GROUP = Binding.Group("Passage")

# In the order the footer needs them: what does not fit at the end is dropped first.
ARTICLE_BINDINGS = [
    Binding(
        "escape,q", "back", "Back", tooltip="Back to the library (the reading position is kept)", id="article.back"
    ),
    Binding(
        "m",
        "bookmark",
        "Bookmark",
        tooltip="Bookmark the passage under the cursor (or the selected text), with a note and tags",
        id="article.bookmark",
    ),
    Binding(
        "w",
        "quotes_by",
        "Who said",
        tooltip="Who said what: every quote in the library by the selected person or speaker",
        id="article.quotes-by",
    ),
    Binding(
        "slash",
        "find",
        "Find",
        key_display="/",
        tooltip="Find in the article; n / N step to the next / previous match",
        id="article.find",
    ),
    Binding(
        "u",
        "undo_correction",
        "Undo correction",
        show=False,
        tooltip="Undo correction (the newest one made in this article)",
        id="article.undo-correction",
    ),
    Binding(
        "exclamation_mark",
        "next_uncertain",
        "Next uncertain quote",
        key_display="!",
        show=False,
        tooltip="Next uncertain quote (one whose speaker the analysis is unsure of, marked ?)",
        id="article.next-uncertain",
    ),
    Binding(
        "1",
        "focus_pane('quotes')",
        "Quotes",
        tooltip="Focus the Quotes pane",
        group=PANES_GROUP,
        id="article.focus-quotes",
    ),
    Binding(
        "2",
        "focus_pane('people')",
        "People",
        tooltip="Focus the People pane",
        group=PANES_GROUP,
        id="article.focus-people",
    ),
    Binding(
        "3",
        "focus_pane('sources')",
        "Sources",
        tooltip="Focus the Sources & Links pane",
        group=PANES_GROUP,
        id="article.focus-sources",
    ),
    Binding(
        "c",
        "correct",
        "Correct",
        tooltip="Correct the selected quote, person or source (or add the selected text as a source)",
        id="article.correct",
    ),
    Binding(
        "D",
        "edit_details",
        "Details",
        tooltip="Edit details: the title, source, author, date and URL (kept as your data)",
        id="article.edit-details",
    ),
    Binding("0", "focus_pane('body')", "Body", show=False, tooltip="Focus the body", id="article.focus-body"),
    Binding(
        "left_square_bracket",
        "previous_article",
        "Prev article",
        key_display="[",
        tooltip="The previous article of the library",
        group=ARTICLE_GROUP,
        id="article.previous",
    ),
    Binding(
        "right_square_bracket",
        "next_article",
        "Next article",
        key_display="]",
        tooltip="The next article of the library",
        group=ARTICLE_GROUP,
        id="article.next",
    ),
    Binding(
        "left_curly_bracket",
        "previous_paragraph",
        "Prev passage",
        key_display="{",
        tooltip="Move the passage cursor to the previous paragraph",
        group=PASSAGE_GROUP,
        id="article.previous-paragraph",
    ),
    Binding(
        "right_curly_bracket",
        "next_paragraph",
        "Next passage",
        key_display="}",
        tooltip="Move the passage cursor to the next paragraph",
        group=PASSAGE_GROUP,
        id="article.next-paragraph",
    ),
    Binding("n", "find_next(1)", "Next match", show=False, id="article.find-next"),
    Binding("N", "find_next(-1)", "Previous match", show=False, id="article.find-previous"),
    Binding("question_mark", "app.help", "Help", key_display="?", id="article.help"),
]
