"""Salvage: every whole entry that can still be had from a damaged file, its backups and the catalog.

A repair must never lose what can be had. A file cut short or damaged in the middle still holds
whole entries: reader writes its files with orjson, two spaces of indent and sorted keys, so each
table starts on a line indented by two spaces and each entry on a line indented by four, and no
string holds a raw newline. Every entry is parsed on its own from there, so only the damaged ones
are lost. Files laid out otherwise are read with ijson up to the damage. The article store adds
two more sources: the catalog in the cache, which keeps a copy of each article, and the backups.

Everything here works on one file (and its own backups), so it applies to each file of a library.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

META = "_meta"
_KEY = rb'"((?:[^"\\\x00-\x1f]|\\.)*)"'  # no raw control character: JSON strings hold none
# Lines that open a table and an entry: a quote outside a string is structure (inside one it is
# escaped) and strings hold no raw line break, so these match nothing else.
_TABLE = re.compile(rb"^  " + _KEY + rb": \{", re.MULTILINE)
_ENTRY = re.compile(rb"^    " + _KEY + rb": ", re.MULTILINE)
_TABLE_END = re.compile(rb"^  \}", re.MULTILINE)
_ID = re.compile(rb'^      "id": ' + _KEY, re.MULTILINE)


@dataclass
class Salvaged:
    """What one file gives: its whole entries by table, and what could not be had."""

    path: Path
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)
    error: str | None = None  # why the file is not whole JSON; None when it parsed
    missing: bool = False
    cut: list[tuple[str | None, str, str | None]] = field(default_factory=list)  # (table, key, id if legible)
    unplaced: int = 0  # whole entries of no known table (the damage hid which)

    def count(self, table: str) -> int:
        return len(self.tables.get(table) or {})


def _text(raw: bytes) -> str:
    try:
        return str(orjson.loads(b'"' + raw + b'"'))
    except orjson.JSONDecodeError:
        return raw.decode("utf-8", "replace")


def _value(segment: bytes) -> tuple[Any, bool]:
    """The JSON value an entry's segment starts with, and whether nothing but the closing of tables
    follows it (else damage lies between it and the next entry); ValueError when it is not whole."""
    first = segment.split(b"\n", 1)[0].rstrip()
    candidates = [segment.rstrip().rstrip(b","), first.rstrip(b",")]
    close = segment.find(b"\n    }")
    if close >= 0:
        candidates.insert(1, segment[: close + 6])
    for candidate in candidates:
        try:
            value = orjson.loads(candidate)
        except orjson.JSONDecodeError:
            continue
        rest = segment[len(candidate) :] if segment.startswith(candidate) else b""
        return value, not rest.strip(b" \n,}")
    raise ValueError("not whole")


def _scan(data: bytes, found: Salvaged, adopt: tuple[str, Callable[[Any], bool]] | None = None) -> None:
    """Entries read one by one from the layout reader writes (see the module docstring).

    Damage may hide where a table ends and the next begins, or make a field line look like an
    entry, so an entry is placed in its table only when it looks like the table's entries before
    it (objects sharing most of their fields, or values of the same type); the first entry of a
    table is taken as it is while no damage came before it. ``adopt`` is (table,
    test): an entry passing the test goes to that table wherever it is found (an article is an
    article). The others count as unplaced: never put in a table they may not belong to.
    """
    marks = sorted(
        [(m.start(), "table", m) for m in _TABLE.finditer(data)]
        + [(m.start(), "entry", m) for m in _ENTRY.finditer(data)],
        key=lambda x: x[0],
    )
    table: str | None = None
    sure = False  # entries before the first table line belong to none
    fields: dict[str, set[str]] = {}  # table -> fields (or type names) of its entries read before damage
    kinds: dict[str, set[str]] = {}  # table -> type names of those entries
    for n, (_, kind, match) in enumerate(marks):
        if kind == "table":
            table, sure = _text(match.group(1)), True
            found.tables.setdefault(table, {})
            continue
        key = _text(match.group(1))
        end = marks[n + 1][0] if n + 1 < len(marks) else len(data)
        segment = data[match.end() : end]
        try:
            value, clean = _value(segment)
        except ValueError:
            legible = _ID.search(segment)
            found.cut.append((table if sure else None, key, _text(legible.group(1)) if legible else None))
            sure = False
            continue
        shape = set(value) if isinstance(value, dict) else {type(value).__name__}
        if adopt is not None and adopt[1](value):
            found.tables.setdefault(adopt[0], {}).setdefault(key, value)
        elif table is not None and _fits(value, shape, kinds.get(table), fields.get(table), sure):
            found.tables[table][key] = value
            if sure:
                fields.setdefault(table, set()).update(shape)
                kinds.setdefault(table, set()).add(type(value).__name__)
        else:
            found.unplaced += 1
        sure = sure and clean


def _fits(value: Any, shape: set[str], kinds: set[str] | None, known: set[str] | None, sure: bool) -> bool:
    """Whether an entry belongs with the entries its table held before it: of the same type while
    no damage came before it (a field line made to look like an entry is a string or a number
    among objects); after damage, also sharing fields with them."""
    if not kinds:
        return sure
    if type(value).__name__ not in kinds:
        return False
    if sure or not isinstance(value, dict):
        return True
    return bool(known and (shape & known or not shape))


def _stream(data: bytes, found: Salvaged) -> None:
    """Entries of any layout, read with ijson up to the first damage."""
    import ijson

    names: list[str] = []
    try:
        for prefix, event, value in ijson.parse(io.BytesIO(data)):
            if prefix == "" and event == "map_key":
                names.append(value)
    except ijson.JSONError:
        pass
    for name in names:
        table = found.tables.setdefault(name, {})
        try:
            for key, value in ijson.kvitems(io.BytesIO(data), name, use_float=True):
                table.setdefault(key, value)
        except ijson.JSONError:
            continue


def salvage_file(path: Path, adopt: tuple[str, Callable[[Any], bool]] | None = None) -> Salvaged:
    """Every whole entry of the file at ``path``, whatever state it is in; ``adopt`` is (table, test)
    for entries whose table's line was lost to the damage (see ``_scan``)."""
    found = Salvaged(Path(path))
    try:
        data = found.path.read_bytes()
    except FileNotFoundError:
        found.missing = True
        return found
    except OSError as exc:
        found.error = f"cannot be read ({exc.strerror or exc})"
        return found
    try:
        raw = orjson.loads(data) if data.strip() else {}
    except orjson.JSONDecodeError as exc:
        found.error = f"not valid JSON ({exc.msg} at byte {exc.pos})"
    else:
        if isinstance(raw, dict):
            found.tables = {name: table for name, table in raw.items() if isinstance(table, dict)}
        else:
            found.error = "not a JSON object of tables"
        return found
    _scan(data, found, adopt)
    if not any(table for name, table in found.tables.items() if name != META):
        _stream(data, found)
    return found


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
