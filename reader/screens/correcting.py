"""Correcting the analysis from the article screen, mixed into ArticleScreen: one key (c) opens a
small dialog for the selected quote, person or source; u takes the newest correction back; ! steps
through the attributions the analyzer is unsure of.

The corrections are made through the Library facade in a worker (a write of the state file and an
update of the search index), then the panes and the body's speaker colours are drawn again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work

from reader.models import Article, Link, Person, Quote, Source
from reader.screens.choice import Choice, ChoiceDialog
from reader.userdata import SOURCE_KINDS
from reader.widgets.article_body import ArticleBody
from reader.widgets.panes import PeoplePane, QuotesPane, SourcesPane, speaker_colours

HINT = "Select a quote (1), a person (2) or a source (3), or select text in the body to add it as a source; then c"


class CorrectingArticle:
    """Needs the article screen: ``article``, ``colours``, the three panes and the ArticleBody."""

    article: Article | None
    colours: dict[str | None, str]

    # -- the key -------------------------------------------------------------------------------
    def action_correct(self) -> None:
        if self.focused in self._panes():  # type: ignore[attr-defined]
            self._correct_focused()  # at once, so that keys typed next go to the dialog
        else:
            # A pane focused by the key typed just before (1 c) has its focus after the next refresh.
            self.call_after_refresh(self._correct_focused)  # type: ignore[attr-defined]

    def _correct_focused(self) -> None:
        if self.article is None or self.app.screen is not self:  # type: ignore[attr-defined]
            return
        focused = self.focused  # type: ignore[attr-defined]
        quotes, people, sources = self._panes()
        if focused is quotes and quotes.quote_at(quotes.highlighted):
            self.correct_quote(quotes.quote_at(quotes.highlighted))  # type: ignore[arg-type]
        elif focused is people and people.person_at(people.highlighted):
            self.correct_person(people.person_at(people.highlighted))  # type: ignore[arg-type]
        elif focused is sources:
            index = sources.highlighted
            item = sources.items[index] if index is not None and 0 <= index < len(sources.items) else None
            self.correct_source(item)
        elif (self.get_selected_text() or "").strip():  # type: ignore[attr-defined]
            self.add_source()
        else:
            self.notify(HINT, timeout=5)  # type: ignore[attr-defined]

    def _panes(self) -> tuple[QuotesPane, PeoplePane, SourcesPane]:
        query = self.query_one  # type: ignore[attr-defined]
        return query(QuotesPane), query(PeoplePane), query(SourcesPane)

    # -- the dialogs ---------------------------------------------------------------------------
    def correct_quote(self, quote: Quote) -> None:
        assert self.article is not None and self.article.analysis is not None
        people = [p for p in self.article.analysis.people if p.name != quote.speaker]
        choices = [(f"p{i}", f"Said by {p.name}" + (f" ({p.role})" if p.role else "")) for i, p in enumerate(people)]
        choices.append(("unknown", "Speaker unknown"))
        if quote.scare:
            choices.append(("speech", "Reported speech, not a quoted term"))
        else:
            choices.append(("scare", "Not reported speech: a quoted term"))
        now = "a quoted term" if quote.scare else f"said by {quote.speaker or 'nobody found'}"
        span, fixes = (quote.start, quote.end), self.app.library.corrections  # type: ignore[attr-defined]
        article_id = self.article.id

        def chosen(choice: Choice | None) -> None:
            if choice is None:
                return
            if choice.key == "typed":
                self.save(lambda: fixes.set_speaker(article_id, span, choice.text))
            elif choice.key == "unknown":
                self.save(lambda: fixes.set_speaker(article_id, span, None))
            elif choice.key in ("speech", "scare"):
                self.save(lambda: fixes.set_speech(article_id, span, choice.key == "speech"))
            else:
                self.save(lambda: fixes.set_speaker(article_id, span, people[int(choice.key[1:])].name))

        dialog = ChoiceDialog(
            f"Correct this quote (now {now})", choices, passage=quote.text, typed="Or type who said it, then Enter"
        )
        self.app.push_screen(dialog, chosen)  # type: ignore[attr-defined]

    def correct_person(self, person: Person) -> None:
        assert self.article is not None and self.article.analysis is not None
        article_id, name = self.article.id, person.name
        fixes = self.app.library.corrections  # type: ignore[attr-defined]
        others = [p.name for p in self.article.analysis.people if p.name != name]
        choices = [
            ("not", "Not a person"),
            ("organization", "Not a person: an organisation"),
            ("place", "Not a person: a place"),
            ("rename", "Rename…"),
            ("role", "Set the role…"),
        ]
        if others:
            choices.append(("merge", "Same person as another of this article…"))

        def merge_into(choice: Choice | None) -> None:
            if choice is not None:
                self.save(lambda: fixes.merge(article_id, name, others[int(choice.key[1:])]))

        def typed(ask: str, value: str, make: Callable[[str], Any]) -> None:
            def answered(choice: Choice | None) -> None:
                if choice is not None:
                    self.save(lambda: make(choice.text))

            self.app.push_screen(ChoiceDialog(ask, [], typed=ask, value=value), answered)  # type: ignore[attr-defined]

        def chosen(choice: Choice | None) -> None:
            if choice is None:
                return
            if choice.key in ("not", "organization", "place"):
                kind = None if choice.key == "not" else choice.key
                self.save(lambda: fixes.not_a_person(article_id, name, kind, everywhere=choice.checked))
            elif choice.key == "rename":
                typed(f"New name for {name}", name, lambda new: fixes.rename(article_id, name, new))
            elif choice.key == "role":
                typed(f"Role of {name}", person.role or "", lambda role: fixes.set_role(article_id, name, role))
            elif choice.key == "merge":
                options = [(f"p{i}", other) for i, other in enumerate(others)]
                dialog = ChoiceDialog(f"{name} is the same person as…", options, hint="The one chosen is kept.")
                self.app.push_screen(dialog, merge_into)  # type: ignore[attr-defined]

        dialog = ChoiceDialog(
            f"Correct {name}", choices, checkbox="Not a person in every article, new ones too", passage=""
        )
        self.app.push_screen(dialog, chosen)  # type: ignore[attr-defined]

    def correct_source(self, item: Source | Link | None) -> None:
        if not isinstance(item, Source):
            self.add_source()
            return
        assert self.article is not None
        article_id, name = self.article.id, item.name
        fixes = self.app.library.corrections  # type: ignore[attr-defined]
        choices = [(f"kind:{kind}", f"Kind: {kind}") for kind in SOURCE_KINDS if kind != item.kind]
        choices += [("remove", "Not a source: remove it"), ("add", "Add another source…")]

        def chosen(choice: Choice | None) -> None:
            if choice is None:
                return
            if choice.key == "remove":
                self.save(lambda: fixes.remove_source(article_id, name))
            elif choice.key == "add":
                self.add_source()
            else:
                self.save(lambda: fixes.source_kind(article_id, name, choice.key.split(":", 1)[1]))

        self.app.push_screen(ChoiceDialog(f"Correct the source {name} ({item.kind})", choices), chosen)  # type: ignore[attr-defined]

    def add_source(self) -> None:
        """Add a source: its name (the selected text, if any, which is also where it is cited), then its kind."""
        from reader.anchoring import find_passage

        assert self.article is not None
        article_id = self.article.id
        fixes = self.app.library.corrections  # type: ignore[attr-defined]
        selected = " ".join((self.get_selected_text() or "").split())  # type: ignore[attr-defined]
        span: tuple[int, int] | None = None
        if selected:
            found = find_passage(self.article.body, selected)
            cursor = self.query_one(ArticleBody).cursor_span  # type: ignore[attr-defined]
            near = cursor[0] if cursor else 0
            span = min(found, key=lambda s: abs(s[0] - near)) if found else None

        def kind_chosen(name: str) -> Callable[[Choice | None], None]:
            def chosen(choice: Choice | None) -> None:
                if choice is not None:
                    self.save(lambda: fixes.add_source(article_id, name, choice.key, span))

            return chosen

        def named(choice: Choice | None) -> None:
            if choice is None:
                return
            kinds = [(kind, kind) for kind in SOURCE_KINDS]
            dialog = ChoiceDialog(f"What kind of source is {choice.text}?", kinds)
            self.app.push_screen(dialog, kind_chosen(choice.text))  # type: ignore[attr-defined]

        value = selected if len(selected) <= 60 else ""
        dialog = ChoiceDialog(
            "Add a source", [], passage=selected, typed="Its name (an outlet, an agency, a report…)", value=value
        )
        self.app.push_screen(dialog, named)  # type: ignore[attr-defined]

    # -- saving and showing --------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="correct", exit_on_error=False)
    def save(self, make: Callable[[], Any], verb: str = "Corrected") -> None:
        from reader.storage import StoreError
        from reader.userdata.actions import CorrectionError

        try:
            correction = make()
        except (CorrectionError, StoreError, OSError) as exc:
            self.app.call_from_thread(self.notify, f"Not corrected: {exc}", severity="error", timeout=6)  # type: ignore[attr-defined]
            return
        if correction is None:
            self.app.call_from_thread(self.notify, "Nothing to undo in this article", timeout=3)  # type: ignore[attr-defined]
            return
        message = f"{verb}: {correction.describe()}" + (". u undoes it." if verb == "Corrected" else "")
        self.app.call_from_thread(self.corrections_changed, message)  # type: ignore[attr-defined]

    def corrections_changed(self, message: str) -> None:
        self.reload_analysis()
        self.notify(message, timeout=4)  # type: ignore[attr-defined]

    def reload_analysis(self) -> None:
        """Draw the panes, speaker colours and title again from the corrected analysis; the body text
        and each pane's selection stay."""
        if self.article is None:
            return
        article = self.app.library.get(self.article.id)  # type: ignore[attr-defined]
        if article is None or article.analysis is None:
            return
        self.article = article
        self.colours = speaker_colours(article.analysis.quotes)
        self.query_one(ArticleBody).set_layer("quotes", self.quote_marks(article))  # type: ignore[attr-defined]
        quotes, people, sources = self._panes()
        for pane, load in (
            (quotes, lambda: quotes.load(article.analysis, self.colours)),
            (people, lambda: people.load(article.analysis, self.colours)),
            (sources, lambda: sources.load(article.analysis)),
        ):
            highlighted = pane.highlighted
            load()
            if highlighted is not None and pane.option_count:
                pane.highlighted = min(highlighted, pane.option_count - 1)
        self.query_one("#article-title").update(self.title_text(article))  # type: ignore[attr-defined]

    def action_undo_correction(self) -> None:
        if self.article is not None:
            article_id, fixes = self.article.id, self.app.library.corrections  # type: ignore[attr-defined]
            self.save(lambda: fixes.undo(article_id), verb="Undone")

    def action_next_uncertain(self) -> None:
        """Select the next quote whose speaker the analyzer is unsure of (and nobody corrected)."""
        quotes = self._panes()[0]
        uncertain = [
            i for i, q in enumerate(quotes.quotes) if q.confidence == "low" and not q.corrected and not q.scare
        ]
        if not uncertain:
            self.notify("No uncertain attributions in this article", timeout=3)  # type: ignore[attr-defined]
            return
        current = quotes.highlighted if self.focused is quotes else -1  # type: ignore[attr-defined]
        following = [i for i in uncertain if i > (current if current is not None else -1)]
        index = following[0] if following else uncertain[0]
        self.action_focus_pane("quotes")  # type: ignore[attr-defined]
        quotes.highlighted = index
        position = uncertain.index(index) + 1
        self.notify(f"Uncertain attribution {position} of {len(uncertain)}: c corrects it", timeout=3)  # type: ignore[attr-defined]
