"""Making, undoing, listing and exporting corrections for the Library facade (``Library.corrections``).

Each correction is checked against the article as the user sees it (its current analysis with the
corrections already made), so a name or quote that is not there is refused with a one-line reason;
once made, the search index is brought in step at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from reader.anchoring import ORPHANED, Anchor, find_passage, make_anchor
from reader.models import Article, Person, Quote
from reader.text import clean_line
from reader.userdata import CORRECTIONS, SOURCE_KINDS, corrections_stamp
from reader.userdata.apply import EVERYWHERE, Applied, apply_corrections
from reader.userdata.corrections import (
    ADD_SOURCE,
    MERGE,
    NOT_PERSON,
    NOT_PERSON_AS,
    REMOVE_SOURCE,
    RENAME,
    ROLE,
    SOURCE_KIND,
    SPEAKER,
    SPEECH,
    Correction,
    Corrections,
    by_article,
    clean_name,
    find_person,
    folded,
)

if TYPE_CHECKING:
    from reader.library import Library


class CorrectionError(ValueError):
    """A correction that cannot be made as asked; the message says why, in one line."""


class CorrectionSet:
    """Every correction of the library at one moment, to lay over many articles without re-reading."""

    def __init__(self, corrections: Iterable[Correction]):
        self.mine, self.everywhere = by_article(corrections)

    def __bool__(self) -> bool:
        return bool(self.mine or self.everywhere)

    def of(self, article_id: str) -> list[Correction]:
        own = self.mine.get(article_id, [])
        if not self.everywhere:
            return own
        return sorted([*own, *self.everywhere], key=lambda c: (c.created, c.id))

    def applied(self, article: Article) -> Applied | None:
        corrections = self.of(article.id)
        if article.analysis is None or not corrections:
            return None
        return apply_corrections(article.analysis, article.body, corrections)

    def apply(self, article: Article) -> Article:
        """The article with its corrected analysis (the same object when nothing applies)."""
        applied = self.applied(article)
        return article if applied is None else replace(article, analysis=applied.analysis)


@dataclass(frozen=True, slots=True)
class PlacedCorrection:
    correction: Correction
    status: str  # anchored | moved | orphaned | everywhere
    article_title: str

    def to_dict(self) -> dict[str, Any]:
        c = self.correction
        return {
            "id": c.id,
            "kind": c.kind,
            "article_id": c.article_id,
            "article_title": self.article_title,
            "description": c.describe(),
            "quote": c.anchor.exact if c.anchor is not None and c.kind in (SPEAKER, SPEECH) else None,
            "subject": c.subject or None,
            "value": c.value,
            "everywhere": c.everywhere,
            "created": c.created,
            "status": self.status,
        }


class LibraryCorrections:
    def __init__(self, library: Library):
        self.library = library
        self.table = Corrections(library.state)

    def snapshot(self) -> CorrectionSet:
        return CorrectionSet(self.table.all())

    def __len__(self) -> int:
        return len(self.table)

    # -- looking at them -------------------------------------------------------------------------
    def placed(self, article_id: str | None = None) -> list[PlacedCorrection]:
        """Every correction (or one article's), oldest first, with where it lies in its article now."""
        from reader.analysis.stored import analyse_article

        snapshot = self.snapshot()
        corrections = self.table.all()
        if article_id is not None:
            corrections = [c for c in corrections if c.article_id == article_id]
        outcomes: dict[str, tuple[dict[str, str], str]] = {}
        result = []
        for correction in corrections:
            if correction.article_id not in outcomes:
                stored = self.library._stored(correction.article_id)
                article = analyse_article(stored) if stored is not None else None
                applied = snapshot.applied(article) if article is not None else None
                title = article.title if article is not None else ""
                outcomes[correction.article_id] = (applied.status if applied else {}, title)
            status, title = outcomes[correction.article_id]
            result.append(
                PlacedCorrection(correction, status.get(correction.id, ORPHANED), title or correction.article_title)
            )
        return result

    def counts(self) -> tuple[int, int]:
        """(corrections, orphaned ones): for ``reader doctor``."""
        placed = self.placed()
        return len(placed), sum(1 for p in placed if p.status == ORPHANED)

    def export(self, fmt: str) -> bytes:
        """Every correction as Markdown (for a report: what was checked and changed) or JSON."""
        placed = self.placed()
        if fmt == "json":
            rows = [p.to_dict() for p in placed]
            today = datetime.now(UTC).date().isoformat()
            return orjson.dumps(
                {"exported": today, "count": len(rows), "corrections": rows}, option=orjson.OPT_INDENT_2
            )
        if fmt != "md":
            raise ValueError(f"unknown export format '{fmt}' (choose from md, json)")
        lines = ["# Corrections", "", f"{len(placed)} correction{'s' if len(placed) != 1 else ''}.", ""]
        groups: dict[str, list[PlacedCorrection]] = {}
        for item in placed:
            groups.setdefault(item.correction.article_id, []).append(item)
        for group in groups.values():
            lines += [f"## {clean_line(group[0].article_title) or 'Untitled'}", ""]
            for item in group:
                status = "" if item.status in ("anchored", "moved", EVERYWHERE) else f" ({item.status})"
                lines.append(f"- {clean_line(item.correction.describe())}{status}")
            lines.append("")
        return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")

    # -- making them -------------------------------------------------------------------------------
    def _article(self, article_id: str) -> Article:
        """The article as the user sees it: current analysis, corrections applied."""
        return self.library.require(article_id)

    def find_quote(self, article_id: str, text: str) -> Quote:
        """The one quote of an article holding ``text`` (case, spacing and curly quotes ignored)."""
        article = self._article(article_id)
        quotes = article.analysis.quotes if article.analysis else ()
        found: dict[int, Quote] = {}
        for start, end in find_passage(article.body, text):
            for quote in quotes:
                if (quote.start <= start and end <= quote.end) or start <= quote.start < quote.end <= end:
                    found[quote.start] = quote
        if not found:
            where = "is in the article but in no quote" if find_passage(article.body, text) else "is not in the article"
            raise CorrectionError(f"“{_short(text)}” {where} (see 'reader show {article.id}')")
        if len(found) > 1:
            raise CorrectionError(
                f"“{_short(text)}” is in {len(found)} quotes; give more of it so that it is found once"
            )
        return next(iter(found.values()))

    def _quote_anchor(self, article: Article, span: tuple[int, int]) -> Anchor:
        quotes = article.analysis.quotes if article.analysis else ()
        if not any((q.start, q.end) == tuple(span) for q in quotes):
            raise CorrectionError("that quote is no longer in the article")
        return make_anchor(article.body, *span)

    def _person(self, article: Article, name: str) -> Person:
        people = article.analysis.people if article.analysis else ()
        index = find_person(people, name)
        if index is not None:
            return people[index]
        known = ", ".join(p.name for p in article.analysis.people) if article.analysis else ""
        raise CorrectionError(
            f"no person '{clean_line(name)}' in this article" + (f" (people: {known})" if known else "")
        )

    def _mention_anchor(self, article: Article, person: Person) -> Anchor | None:
        return make_anchor(article.body, *person.mentions[0]) if person.mentions else None

    def _stamp(self) -> str:
        return corrections_stamp(self.library.state.read_table(CORRECTIONS))

    def _add(self, article: Article, kind: str, **fields: Any) -> Correction:
        before = self._stamp()
        correction = self.table.add(kind, article.id, article.title, **fields)
        self._reindex([article.id] if not correction.everywhere else None, correction, before)
        return correction

    def set_speaker(self, article_id: str, span: tuple[int, int], speaker: str | None) -> Correction:
        """The quote at ``span`` is by ``speaker`` (a person of the article, any name, or None: unknown)."""
        article = self._article(article_id)
        anchor = self._quote_anchor(article, span)
        name = clean_name(speaker) or None
        people = article.analysis.people if article.analysis else ()
        index = find_person(people, name)
        if index is not None:
            name = people[index].name
        return self._add(article, SPEAKER, anchor=anchor, value=name)

    def set_speech(self, article_id: str, span: tuple[int, int], speech: bool) -> Correction:
        """The quote at ``span`` is reported speech (True) or a quoted term (False)."""
        article = self._article(article_id)
        return self._add(
            article, SPEECH, anchor=self._quote_anchor(article, span), value="speech" if speech else "scare"
        )

    def not_a_person(
        self, article_id: str, name: str, as_kind: str | None = None, everywhere: bool = False
    ) -> Correction:
        if as_kind is not None and as_kind not in NOT_PERSON_AS:
            raise CorrectionError(f"--as must be one of {', '.join(NOT_PERSON_AS)} (got '{as_kind}')")
        article = self._article(article_id)
        person = self._person(article, name)
        return self._add(
            article,
            NOT_PERSON,
            subject=person.name,
            value=as_kind,
            everywhere=everywhere,
            anchor=None if everywhere else self._mention_anchor(article, person),
        )

    def rename(self, article_id: str, old: str, new: str) -> Correction:
        article = self._article(article_id)
        person = self._person(article, old)
        name = clean_name(new)
        if not name:
            raise CorrectionError("the new name is empty")
        return self._add(article, RENAME, subject=person.name, value=name, anchor=self._mention_anchor(article, person))

    def set_role(self, article_id: str, name: str, role: str) -> Correction:
        article = self._article(article_id)
        person = self._person(article, name)
        anchor = self._mention_anchor(article, person)
        return self._add(article, ROLE, subject=person.name, value=clean_name(role), anchor=anchor)

    def merge(self, article_id: str, merged: str, into: str) -> Correction:
        """``merged`` and ``into`` are one person: ``into`` is kept, with the other's names and mentions."""
        article = self._article(article_id)
        gone, kept = self._person(article, merged), self._person(article, into)
        if gone.name == kept.name:
            raise CorrectionError(f"'{clean_line(merged)}' and '{clean_line(into)}' are already one person")
        return self._add(article, MERGE, subject=gone.name, value=kept.name, anchor=self._mention_anchor(article, gone))

    def _kind(self, kind: str) -> str:
        if kind not in SOURCE_KINDS:
            raise CorrectionError(f"a source's kind is one of {', '.join(SOURCE_KINDS)} (got '{clean_line(kind)}')")
        return kind

    def _source_name(self, article: Article, name: str) -> str:
        wanted = folded(name)
        for source in article.analysis.sources if article.analysis else ():
            if wanted in {folded(source.name), *(folded(a) for a in source.aliases)}:
                return source.name
        raise CorrectionError(f"no source '{clean_line(name)}' in this article")

    def add_source(self, article_id: str, name: str, kind: str, span: tuple[int, int] | None = None) -> Correction:
        """A source the analysis missed, optionally where it is cited (a passage of the body)."""
        article = self._article(article_id)
        clean = clean_name(name)
        if not clean:
            raise CorrectionError("the source's name is empty")
        try:
            anchor = make_anchor(article.body, *span) if span is not None else None
        except ValueError as exc:
            raise CorrectionError(str(exc)) from exc
        return self._add(article, ADD_SOURCE, subject=clean, value=self._kind(kind), anchor=anchor)

    def remove_source(self, article_id: str, name: str) -> Correction:
        article = self._article(article_id)
        return self._add(article, REMOVE_SOURCE, subject=self._source_name(article, name))

    def source_kind(self, article_id: str, name: str, kind: str) -> Correction:
        article = self._article(article_id)
        return self._add(article, SOURCE_KIND, subject=self._source_name(article, name), value=self._kind(kind))

    def undo(self, article_id: str) -> Correction | None:
        """Take back the newest correction made in the article; None when there is none."""
        article = self.library.require(article_id)
        before = self._stamp()
        undone = self.table.undo(article.id)
        if undone is not None:
            self._reindex([article.id] if not undone.everywhere else None, undone, before)
        return undone

    # -- keeping the search index in step ----------------------------------------------------------
    def _reindex(self, article_ids: list[str] | None, correction: Correction, before: str) -> None:
        """Re-index the articles a correction touches (for a library-wide one, those naming it);
        ``before`` names the corrections as they were, which the index must have been built with."""
        from reader.analysis.stored import with_some_analysis

        library = self.library
        snapshot = self.snapshot()
        if article_ids is not None:
            stored = [library._stored(a) for a in article_ids]
            changed = [snapshot.apply(with_some_analysis(a)) for a in stored if a is not None]
        else:
            wanted = folded(correction.subject)
            changed = []
            for article in map(with_some_analysis, library._all_stored()):
                people = article.analysis.people if article.analysis else ()
                if any(wanted in {folded(p.name), *(folded(x) for x in p.aliases)} for p in people):
                    changed.append(snapshot.apply(article))
        library.search_index.store_changed(library._store_fingerprint(), changed, [], overlay_before=before)


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(clean_line(text).split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def doctor_summary(store: Path) -> str | None:
    """'N corrections, M orphaned' for ``reader doctor``, or None when there are none (or no readable state)."""
    from reader.library import Library
    from reader.storage import StoreError

    library = None
    try:
        library = Library(store)
        if not len(library.corrections):
            return None
        total, orphaned = library.corrections.counts()
    except (StoreError, OSError):
        return None  # doctor reports what is wrong with the files themselves
    finally:
        if library is not None:
            library.close()
    note = f", {orphaned} orphaned (their quote or person is no longer in the article)" if orphaned else ""
    return f"corrections: {total} kept{note}"
