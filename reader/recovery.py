"""What a repair of the store or of the user state can take from each source, and what it loses.

Sources, newest first: the damaged file (``reader.salvage``), the catalog's copies of the articles,
then every backup generation (``reader.backups``). Each article, each entry, is taken once, from the
first source that has it whole; what the damaged file held that no source gives is listed as lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.salvage import META, Salvaged, salvage_file


def articles_word(count: int) -> str:
    return f"{count} article{'' if count == 1 else 's'}"


@dataclass
class Source:
    """The articles one source gives, checked."""

    label: str
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> document
    keys: dict[str, str] = field(default_factory=dict)  # id -> key in the file
    unreadable: list[str] = field(default_factory=list)  # keys of entries that are not articles
    cut: list[tuple[str, str | None]] = field(default_factory=list)  # (key, id) of entries cut off
    error: str | None = None
    missing: bool = False
    recorded: int | None = None  # the count the file's _meta recorded


def store_source(path: Path, label: str, table: str, valid: Callable[[Any], bool]) -> Source:
    found = salvage_file(path, (table, valid))
    source = Source(label, error=found.error, missing=found.missing)
    meta = (found.tables.get(META) or {}).get("1")
    if isinstance(meta, dict) and isinstance(meta.get("articles"), int):
        source.recorded = meta["articles"]
    for key, doc in (found.tables.get(table) or {}).items():
        if valid(doc):
            source.articles[doc["id"]] = doc
            source.keys[doc["id"]] = key
        else:
            source.unreadable.append(key)
    source.cut = [(key, doc_id) for name, key, doc_id in found.cut if name == table]
    return source


@dataclass
class Plan:
    """A repair that takes every article any source gives: what it keeps, from where, and what is lost."""

    sources: list[Source]
    table: dict[str, dict[str, Any]] = field(default_factory=dict)  # key -> document, as it will be written
    taken: dict[str, int] = field(default_factory=dict)  # source label -> articles taken from it
    lost: list[str] = field(default_factory=list)
    lost_count: int = 0  # articles lost, in all

    @property
    def ids(self) -> set[str]:
        return {doc["id"] for doc in self.table.values()}


def merge(sources: list[Source]) -> Plan:
    """Every article once, from the first source that has it whole (the damaged file first, then the
    catalog, then the backups from the newest): nothing any of them holds is left out."""
    plan = Plan(sources)
    chosen: dict[str, tuple[str | None, dict[str, Any]]] = {}
    for source in sources:
        for article_id, doc in source.articles.items():
            if article_id not in chosen:
                chosen[article_id] = (source.keys.get(article_id), doc)
                plan.taken[source.label] = plan.taken.get(source.label, 0) + 1
    used: set[str] = set()
    waiting = []
    for key, doc in chosen.values():
        if key is not None and key not in used:
            plan.table[key] = doc
            used.add(key)
        else:
            waiting.append(doc)
    next_key = max((int(k) for k in used if k.isdigit()), default=0) + 1
    for doc in waiting:
        while str(next_key) in used:
            next_key += 1
        plan.table[str(next_key)] = doc
        used.add(str(next_key))
    plan.table = dict(
        sorted(
            plan.table.items(),
            key=lambda item: (not item[0].isdigit(), int(item[0]) if item[0].isdigit() else 0, item[0]),
        )
    )
    plan.lost, plan.lost_count = _lost(sources[0], sources[1:], plan)
    return plan


def _lost(damaged: Source, others: Iterable[Source], plan: Plan) -> tuple[list[str], int]:
    """What the damaged file held that no source gives whole.

    An entry cut off before its id is legible is matched by its key in the backups (keys never
    change); failing that, by the count the file recorded: when the sources give as many articles
    as it held, it is among them. (A backup may hold an article deleted since, so the count can
    hide a loss that the file's own record would not; the damaged file is kept aside.)
    """
    ids = plan.ids
    by_key = {key: doc_id for other in others for doc_id, key in other.keys.items()}
    definite, unknown = [], []
    entries = [(key, doc_id, "cut off by the damage") for key, doc_id in damaged.cut]
    entries += [(key, None, "malformed") for key in damaged.unreadable]
    for key, doc_id, why in entries:
        known = doc_id or by_key.get(key)
        if known is None:
            unknown.append(f"the article under key {key} ({why})")
        elif known not in ids:
            definite.append(f"article {known} ({why})")
    if damaged.recorded is None:
        return definite + unknown, len(definite) + len(unknown)
    shortfall = max(0, damaged.recorded - len(ids))
    lost = definite + unknown[: max(0, shortfall - len(definite))]
    count = len(lost)
    unexplained = shortfall - count
    if unexplained > 0:
        more = f"{unexplained} more article{'' if unexplained == 1 else 's'}"
        lost.append(f"{more} of the {damaged.recorded} the file recorded, in no source")
        count += unexplained
    return lost, count


def describe(source: Source, damaged: bool = False) -> str:
    """One line: what a source gives (``damaged``: the file being repaired, whose fault is said apart)."""
    if source.missing:
        return f"{source.label}: not there"
    text = f"{source.label}{' (the file being repaired)' if damaged else ''}: "
    count = articles_word(len(source.articles))
    text += count.replace(" article", " whole article") if source.error else count
    extra = []
    if source.error and not damaged:
        extra.append(source.error)
    if source.cut:
        extra.append(f"{len(source.cut)} cut off by the damage")
    if source.unreadable:
        extra.append(f"{len(source.unreadable)} malformed")
    if source.recorded is not None and source.recorded != len(source.articles):
        extra.append(f"it recorded {source.recorded}")
    return text + (f", {', '.join(extra)}" if extra else "")


def is_article(doc: Any) -> bool:
    from reader.store import article_from_doc

    try:
        article_from_doc(doc)
    except ValueError:
        return False
    return True


def plan_store(store: Path) -> Plan:
    """The repair of a damaged store: the damaged file, the catalog's copies, then every backup."""
    from reader import locations
    from reader.backups import generations
    from reader.catalog import Catalog
    from reader.store import ARTICLES

    sources = [store_source(store, store.name, ARTICLES, is_article)]
    catalog = Source("the catalog in the cache")
    for doc in Catalog(locations.cache_dir(store), store).saved_documents():
        if is_article(doc):
            catalog.articles.setdefault(doc["id"], doc)
    catalog.missing = not catalog.articles
    sources.append(catalog)
    seen = set()
    for backup in generations(store, locations.backup_path(store)):
        identity = (backup.stat().st_dev, backup.stat().st_ino)
        if identity not in seen:  # a daily version is often the same file as a rolling one
            seen.add(identity)
            sources.append(store_source(backup, backup.name, ARTICLES, is_article))
    return merge(sources)


@dataclass
class StatePlan:
    """The repair of a damaged user-state file: every entry of every table any version holds."""

    sources: list[tuple[str, Salvaged]]
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    taken: dict[str, int] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    lost_count: int = 0


def plan_state(state: Path) -> StatePlan:
    """Entries from the damaged file first, then from each backup, newest first (a deleted bookmark
    may come back from a backup: better than losing one that was not)."""
    from reader.backups import generations

    found = [(state.name, salvage_file(state))]
    found += [(p.name, salvage_file(p)) for p in generations(state, state.with_name(f"{state.name}.bak"))]
    plan = StatePlan(found)
    for label, salvaged in found:
        for name, table in salvaged.tables.items():
            if name == META:
                continue
            merged = plan.tables.setdefault(name, {})
            for key, value in table.items():
                if key not in merged:
                    merged[key] = value
                    plan.taken[label] = plan.taken.get(label, 0) + 1
    damaged = found[0][1]
    plan.lost = [
        f"{name or 'an'} entry {key} (cut off by the damage)"
        for name, key, _ in damaged.cut
        if name is None or key not in plan.tables.get(name, {})
    ]
    plan.lost_count = len(plan.lost)
    if damaged.unplaced:
        plan.lost.append(f"{entries_word(damaged.unplaced)} whole, but of a table the damage hid")
        plan.lost_count += damaged.unplaced
    return plan


def entries_word(count: int) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def describe_state(label: str, salvaged: Salvaged) -> str:
    if salvaged.missing:
        return f"{label}: not there"
    count = sum(len(t) for name, t in salvaged.tables.items() if name != META)
    text = f"{label}: {entries_word(count)}"
    if salvaged.error:
        text += f" whole ({salvaged.error})"
    if salvaged.cut:
        text += f", {len(salvaged.cut)} cut off"
    return text
