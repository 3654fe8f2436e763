"""Salvage: every whole entry that can still be had from a damaged file, its backups and the catalog.

A repair must never lose what can be had. A file cut short or damaged in the middle still holds
whole entries: reader writes its files with orjson, two spaces of indent and sorted keys, so each
table starts on a line indented by two spaces and each entry on a line indented by four, and no
string holds a raw newline. Every entry is parsed on its own from there, so only the damaged ones
are lost. Files laid out otherwise are read with ijson up to the damage. The article store adds
two more sources, the catalog in the cache and the backups: ``reader.recovery`` weighs them all.

Everything here works on one file, so it applies to each file of a library alike.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
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


def _text(raw: bytes) -> str:
    try:
        return str(orjson.loads(b'"' + raw + b'"'))
    except orjson.JSONDecodeError:
        return raw.decode("utf-8", "replace")


def _value(segment: bytes) -> tuple[Any, bytes]:
    """The JSON value an entry's segment starts with, and what follows it up to the next entry or
    table line; ValueError when it is not whole."""
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
        return value, segment[len(candidate) :] if segment.startswith(candidate) else b""
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
            table = _text(match.group(1))
            found.tables.setdefault(table, {})
            gap = data[match.end() : marks[n + 1][0] if n + 1 < len(marks) else len(data)]
            sure = not gap.strip(b" \n")  # up to its first entry, damage hides where the table ends
            if gap.startswith(b"}"):  # '"name": {}': empty, and closed at once
                table = None
            continue
        key = _text(match.group(1))
        end = marks[n + 1][0] if n + 1 < len(marks) else len(data)
        segment = data[match.end() : end]
        try:
            value, rest = _value(segment)
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
        if _TABLE_END.search(rest):
            table = None  # entries before the next table line belong to one whose line was lost
        sure = sure and not rest.strip(b" \n,}")  # anything else there is damage


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
