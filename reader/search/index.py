"""The search index: a tantivy index in the cache directory, derived from the store and disposable.

Layout of ``<cache>/search/``: ``meta.json`` (index version, engine version, the store's
fingerprint, the folder in use) and one ``idx-*`` folder holding the tantivy index. A rebuild
writes a new folder and then swaps ``meta.json`` atomically, so a reader never sees half an index.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import orjson

from reader.models import Article
from reader.search.highlight import match_spans, merge
from reader.search.query import Clause, DateRange, Query, QueryError, Term, analyzer, parse
from reader.search.results import Hit, SearchResults, snippet, within
from reader.storage import BusyError, atomic_write_bytes, write_lock
from reader.storage import file_fingerprint as store_fingerprint
from reader.text import drop_invisible

INDEX_VERSION = 3  # bump whenever the schema or what goes into a field changes
TOKENIZER = "reader_fold"
TITLE_BOOST = 2.0
# Query field -> index fields it searches.
FIELD_MAP: dict[str | None, tuple[str, ...]] = {
    None: ("title", "body"),
    "title": ("title",),
    "source": ("source",),
    "person": ("people",),
    "speaker": ("speakers",),
    "quote": ("quotes",),
    "feed": ("feed",),
}
Fingerprint = list[int] | None


class SearchError(Exception):
    """The index cannot be used or built; the message says why."""


def timestamp(value: str | None) -> int | None:
    """Unix seconds of an ISO 8601 or RFC 2822 date; None when it cannot be read."""
    if not value:
        return None
    text = value.strip()
    moment: datetime | None = None
    with contextlib.suppress(ValueError):
        moment = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    if moment is None:
        with contextlib.suppress(TypeError, ValueError, IndexError):
            moment = parsedate_to_datetime(text)
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def _schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name=TOKENIZER)
    builder.add_text_field("body", stored=True, tokenizer_name=TOKENIZER)
    for name in ("source", "people", "speakers", "quotes", "feed"):
        builder.add_text_field(name, stored=False, tokenizer_name=TOKENIZER)
    builder.add_integer_field("date", stored=False, indexed=True, fast=True)
    builder.add_bytes_field("meta", stored=True, indexed=False)
    return builder.build()


def document(article: Article) -> Any:
    """The index document of an article: searchable fields plus what a hit shows."""
    import tantivy

    analysis = article.analysis
    quotes = [q for q in analysis.quotes if not q.scare] if analysis else []
    doc = tantivy.Document()
    doc.add_text("id", article.id)
    # Stores written before soft hyphens and other invisible word breaks were dropped still hold
    # them: fold them here too, or "réac\u00adtion" would be indexed as two words.
    doc.add_text("title", drop_invisible(article.title))
    doc.add_text("body", drop_invisible(article.body))
    sources = [article.source] if article.source else []
    people: list[str] = []
    if analysis:
        for cited in analysis.sources:
            sources += [cited.name, *cited.aliases]
        for person in analysis.people:
            people += [person.name, *person.aliases]
    for name, values in (
        ("source", sources),
        ("people", people),
        ("speakers", [q.speaker for q in quotes if q.speaker]),
        ("quotes", [q.text for q in quotes]),
        ("feed", [str(article.meta["feed"])] if article.meta.get("feed") else []),
    ):
        for value in values:
            doc.add_text(name, value)
    when = timestamp(article.published) or timestamp(article.imported_at)
    if when is not None:
        doc.add_integer("date", when)
    meta = {"source": article.source, "published": article.published, "quotes": [[q.start, q.end] for q in quotes]}
    doc.add_bytes("meta", orjson.dumps(meta))
    return doc


class SearchIndex:
    """Search over one store. Opened lazily on the first search; rebuilt whenever it is missing,
    unreadable, of another version, or older than the store."""

    def __init__(
        self,
        store_path: Path,
        cache_dir: Path,
        load: Callable[[], Iterable[Article]],
        overlay: Callable[[], str] | None = None,
    ):
        """``overlay`` names the state of what ``load`` lays over the store (the user's corrections):
        the index is stale when it changes, as when the store does."""
        self.store_path = Path(store_path)
        self._overlay = overlay or (lambda: "")
        self.dir = Path(cache_dir) / "search"
        self.meta_path = self.dir / "meta.json"
        self._load = load
        self._lock = threading.RLock()
        self._index: Any = None
        self._meta: dict[str, Any] | None = None
        self._meta_stamp: Fingerprint = None  # meta.json as last read or written: another process may replace it

    # -- state on disk -------------------------------------------------------------------
    def _read_meta(self) -> dict[str, Any] | None:
        try:
            meta = orjson.loads(self.meta_path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        if not isinstance(meta, dict) or meta.get("version") != INDEX_VERSION or meta.get("engine") != _engine():
            return None
        if not isinstance(meta.get("dir"), str) or "/" in meta["dir"] or not meta["dir"].startswith("idx-"):
            return None
        return meta

    def _open(self, meta: dict[str, Any]) -> Any:
        """The tantivy index named by ``meta``, or None when it is missing or damaged."""
        import tantivy

        path = self.dir / meta["dir"]
        try:
            if not tantivy.Index.exists(str(path)):
                return None
            index = tantivy.Index.open(str(path))
            index.register_tokenizer(TOKENIZER, analyzer())
            index.reload()
            if index.searcher().num_docs != meta.get("articles"):
                return None
        except BaseException as exc:
            if not _engine_failure(exc):
                raise
            return None
        return index

    def status(self) -> str:
        """``ok``, ``missing``, ``stale`` (the store changed since) or ``unusable`` (corrupt or old)."""
        if not self.meta_path.exists():
            return "missing"
        meta = self._read_meta()
        if meta is None or self._open(meta) is None:
            return "unusable"
        return "ok" if self._holds_now(meta) else "stale"

    def _holds_now(self, meta: dict[str, Any] | None) -> bool:
        """Whether an index's meta is of the store, and the overlay, as they are now."""
        if not meta or meta.get("fingerprint") != store_fingerprint(self.store_path):
            return False
        return bool(meta.get("overlay", "") == self._overlay())

    def _ensure(self) -> Any:
        """An index matching the store as it is now, opening or rebuilding it as needed."""
        with self._lock:
            current = self._index is not None and self._holds_now(self._meta)
            if current and store_fingerprint(self.meta_path) == self._meta_stamp:
                return self._index
            meta = self._read_meta()
            if meta is not None and self._holds_now(meta):
                index = self._open(meta)
                if index is not None:
                    self._index, self._meta = index, meta
                    self._meta_stamp = store_fingerprint(self.meta_path)
                    return index
            self.rebuild()
            return self._index

    def rebuild(self, articles: Iterable[Article] | None = None) -> int:
        """Index every article afresh into a new folder, then switch to it. Returns the count.

        SearchError when the cache folder cannot be written (read-only, not a folder, full disk).
        """
        try:
            return self._rebuild(articles)
        except BusyError:
            raise
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise SearchError(f"cannot write the search index in {self.dir} ({reason})") from exc

    def _rebuild(self, articles: Iterable[Article] | None) -> int:
        import tantivy

        with self._lock, write_lock(self.dir / ".lock", timeout=120):
            fingerprint = store_fingerprint(self.store_path)
            overlay = self._overlay()
            name = f"idx-{uuid.uuid4().hex[:12]}"
            path = self.dir / name
            path.mkdir(parents=True)
            try:
                index = tantivy.Index(_schema(), path=str(path), reuse=False)
                index.register_tokenizer(TOKENIZER, analyzer())
                writer = index.writer(heap_size=128_000_000)
                count = 0
                for article in self._load() if articles is None else articles:
                    writer.add_document(document(article))
                    count += 1
                writer.commit()
                writer.wait_merging_threads()
                index.reload()
            except BaseException:
                shutil.rmtree(path, ignore_errors=True)
                raise
            meta = {
                "version": INDEX_VERSION,
                "engine": _engine(),
                "dir": name,
                "fingerprint": fingerprint,
                "overlay": overlay,
                "articles": count,
            }
            atomic_write_bytes(self.meta_path, orjson.dumps(meta, option=orjson.OPT_INDENT_2))
            self._index, self._meta = index, meta
            self._meta_stamp = store_fingerprint(self.meta_path)
            self._remove_old(keep=name)
            return count

    def _remove_old(self, keep: str) -> None:
        for child in self.dir.iterdir():
            if child.is_dir() and child.name.startswith("idx-") and child.name != keep:
                shutil.rmtree(child, ignore_errors=True)

    def store_changed(
        self,
        before: Fingerprint,
        changed: Iterable[Article],
        removed: Iterable[str],
        overlay_before: str | None = None,
    ) -> None:
        """Apply a write this process just made to the store (``before`` is the store's fingerprint
        before it), or with ``overlay_before`` to the overlay (its name before the change). An index
        that was not current then is left alone: the next search rebuilds it."""
        changed, removed = list(changed), list(removed)
        with self._lock:
            if not self.meta_path.exists():
                return  # never built: the first search will build it
            try:
                with write_lock(self.dir / ".lock", timeout=30):
                    meta = self._read_meta()
                    if meta is None or meta.get("fingerprint") != before:
                        return
                    if overlay_before is not None and meta.get("overlay", "") != overlay_before:
                        return
                    index = self._index if self._meta == meta and self._index is not None else self._open(meta)
                    if index is None:
                        return
                    writer = index.writer(heap_size=32_000_000, num_threads=1)
                    for article_id in {a.id for a in changed} | set(removed):
                        writer.delete_documents_by_term("id", article_id)
                    for article in changed:
                        writer.add_document(document(article))
                    writer.commit()
                    writer.wait_merging_threads()
                    index.reload()
                    meta = {**meta, "fingerprint": store_fingerprint(self.store_path)}
                    if overlay_before is not None:
                        meta["overlay"] = self._overlay()
                    meta["articles"] = index.searcher().num_docs
                    atomic_write_bytes(self.meta_path, orjson.dumps(meta, option=orjson.OPT_INDENT_2))
                    self._index, self._meta = index, meta
                    self._meta_stamp = store_fingerprint(self.meta_path)
            except BusyError:
                self._index = self._meta = None  # another process holds the index: rebuilt when next searched
            except BaseException as exc:
                if not _engine_failure(exc):
                    raise
                self._index = self._meta = None  # the next search rebuilds from the store

    # -- searching -----------------------------------------------------------------------
    def search(self, query: str | Query, limit: int = 20) -> SearchResults:
        parsed = parse(query) if isinstance(query, str) else query
        limit = max(0, int(limit))
        try:
            return self._run(self._ensure(), parsed, limit)
        except BaseException as exc:
            if not _engine_failure(exc):
                raise
        # The index failed under us (damaged files): rebuild it from the store once and retry.
        with self._lock:
            self._index = self._meta = None
            try:
                self.rebuild()
            except OSError as exc:
                raise SearchError(f"cannot write the search index in {self.dir} ({exc.strerror or exc})") from None
            except BusyError:
                raise SearchError("another reader is rebuilding the search index; try again in a moment") from None
            try:
                return self._run(self._index, parsed, limit)
            except BaseException as exc:
                if not _engine_failure(exc):
                    raise
                raise SearchError(f"the search index at {self.dir} cannot be used ({exc})") from None

    def _run(self, index: Any, parsed: Query, limit: int) -> SearchResults:
        searcher = index.searcher()
        compiled = compile_query(parsed, index.schema)
        # The engine panics on a limit of 0 and aborts the process on one past 2**32: ask for at least
        # one hit and never more than the index holds, then keep the ``limit`` asked for.
        wanted = max(1, min(limit, searcher.num_docs))
        if parsed.ranked:
            found = searcher.search(compiled, wanted, count=True)
        else:
            found = searcher.search(compiled, wanted, count=True, order_by_field="date")
        hits = [make_hit(searcher.doc(address), float(score), parsed) for score, address in found.hits]
        total = found.count if found.count is not None else len(hits)
        return SearchResults(
            query=parsed.text, total=int(total), hits=hits[:limit], notes=parsed.notes, ranked=parsed.ranked
        )


def _engine_failure(exc: BaseException) -> bool:
    """Errors the engine raises on damaged files, including the panics its bindings turn into
    exceptions deriving from BaseException; never interrupts or exits."""
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, QueryError)):
        return False
    return isinstance(exc, (ValueError, OSError, RuntimeError)) or type(exc).__name__ == "PanicException"


def _engine() -> str:
    import tantivy

    return str(getattr(tantivy, "__version__", "tantivy"))


def _term_query(schema: Any, term: Term, field: str) -> Any:
    import tantivy

    words: list[str | tuple[int, str]] = list(term.words)
    if term.prefix:
        return tantivy.Query.phrase_prefix_query(schema, field, words)
    if len(words) == 1:
        return tantivy.Query.term_query(schema, field, words[0])
    return tantivy.Query.phrase_query(schema, field, words)


def _clause_query(schema: Any, clause: Clause) -> Any:
    import tantivy

    if isinstance(clause, DateRange):
        lower, upper = clause.bounds()
        return tantivy.Query.range_query(
            schema, "date", tantivy.FieldType.Integer, lower, upper, include_lower=True, include_upper=upper is None
        )
    fields = FIELD_MAP[clause.field]
    if len(fields) == 1:
        return _term_query(schema, clause, fields[0])
    parts = []
    for field in fields:
        query = _term_query(schema, clause, field)
        if field == "title":
            query = tantivy.Query.boost_query(query, TITLE_BOOST)
        parts.append((tantivy.Occur.Should, query))
    return tantivy.Query.boolean_query(parts)


def compile_query(query: Query, schema: Any) -> Any:
    """The tantivy query for a parsed query: built from query objects, never from raw user text."""
    import tantivy

    must = tantivy.Occur.Must
    parts: list[tuple[Any, Any]] = []
    for group in query.groups:
        if len(group) == 1:
            parts.append((must, _clause_query(schema, group[0])))
        else:
            alternatives = [(tantivy.Occur.Should, _clause_query(schema, c)) for c in group]
            parts.append((must, tantivy.Query.boolean_query(alternatives)))
    if not parts:
        parts.append((must, tantivy.Query.all_query()))
    parts += [(tantivy.Occur.MustNot, _clause_query(schema, c)) for c in query.excluded]
    return tantivy.Query.boolean_query(parts)


def make_hit(doc: Any, score: float, query: Query) -> Hit:
    """A hit with a snippet around the densest matches and the offsets of every match in the body."""
    meta = orjson.loads(doc.get_first("meta") or b"{}")
    title = doc.get_first("title") or ""
    body = doc.get_first("body") or ""
    terms = query.terms
    anywhere = [t for t in terms if t.field not in ("title", "quote")]
    offsets = match_spans(body, anywhere)
    quoted = [t for t in terms if t.field == "quote"]
    if quoted:
        offsets = merge(offsets + within(match_spans(body, quoted), meta.get("quotes") or []))
    text, marks = snippet(body, offsets)
    title_marks = match_spans(title, [t for t in terms if t.field in (None, "title")])
    return Hit(
        id=doc.get_first("id") or "",
        title=title,
        source=meta.get("source") or "",
        published=meta.get("published"),
        snippet=text,
        highlights=marks,
        score=score,
        offsets=tuple(offsets),
        title_highlights=tuple(title_marks),
    )
