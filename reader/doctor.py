"""``reader doctor``: check a library's files and repair what can be repaired without losing anything.

A damaged file is never deleted or rewritten in place: it is kept aside as
``<name>.corrupt-<timestamp>`` before its last good backup (``<name>.bak``) takes its place.
The search index is derived data, so a repair simply removes it and it is rebuilt.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from reader import locations
from reader.models import Article
from reader.storage import (
    StoreError,
    atomic_write_bytes,
    keep_before_migration,
    keep_copy,
    read_json_file,
    schema_version,
    write_lock,
)
from reader.store import ARTICLES, KIND, META, SCHEMA_VERSION, article_from_doc, check_library
from reader.userstate import KIND as STATE_KIND
from reader.userstate import STATE_SCHEMA_VERSION, check_state


@dataclass
class Inspection:
    """What one JSON file holds and what is wrong with it."""

    path: Path
    label: str
    exists: bool = False
    error: str | None = None  # the file cannot be used at all
    future: bool = False  # written by a newer reader: left alone
    version: int | None = None
    raw: dict[str, Any] = field(default_factory=dict)  # tables in the current format, when usable
    bad: dict[str, str] = field(default_factory=dict)  # article key -> what is wrong
    offsets: dict[str, str] = field(default_factory=dict)  # article key -> analysis outside the body
    duplicates: list[str] = field(default_factory=list)  # article keys repeating an earlier id
    count: int = 0

    @property
    def usable(self) -> bool:
        return self.exists and self.error is None and not self.future

    @property
    def clean(self) -> bool:
        return self.usable and not (self.bad or self.offsets or self.duplicates)


@dataclass
class Report:
    lines: list[tuple[str, str]] = field(default_factory=list)  # (status, text): ok, note, fixed, problem

    def add(self, status: str, text: str) -> None:
        self.lines.append((status, text))

    @property
    def healthy(self) -> bool:
        return all(status != "problem" for status, _ in self.lines)

    def to_dict(self) -> dict[str, Any]:
        return {"healthy": self.healthy, "findings": [{"status": s, "text": t} for s, t in self.lines]}


def analysis_problem(article: Article) -> str | None:
    """Why the stored analysis cannot be laid over the body (an offset outside it), or None."""
    analysis, size = article.analysis, len(article.body)
    if analysis is None:
        return None
    spans: list[tuple[str, int | None, int | None]] = [("quote", q.start, q.end) for q in analysis.quotes]
    spans += [("mention", a, b) for p in analysis.people for a, b in p.mentions]
    spans += [("source mention", a, b) for s in analysis.sources for a, b in s.mentions]
    spans += [("link", link.start, link.end) for link in analysis.links if link.start is not None]
    for what, start, end in spans:
        if start is None or end is None or not 0 <= start <= end <= size:
            return f"a {what} at {start}-{end} lies outside the body ({size} characters)"
    return None


def _reason(exc: StoreError, path: Path) -> str:
    """The what-is-wrong part of a StoreError, without the file name and the advice around it."""
    text = str(exc).removeprefix(f"{path}: ")
    for tail in ("; the file was left", ". The file was left", ". Run '", "; upgrade reader"):
        text = text.split(tail, 1)[0]
    return text


def _read(path: Path, label: str, kind: str, current: int) -> tuple[Inspection, dict[str, Any] | None]:
    found = Inspection(path, label, exists=path.exists())
    if not found.exists:
        return found, None
    try:
        raw = read_json_file(path)
        if raw is None:
            backup = path.with_name(f"{path.name}.bak")
            if not path.name.endswith(".bak") and backup.exists() and backup.stat().st_size > 0:
                found.error = f"empty, while its backup {backup.name} is not"
                return found, None
            return found, {}
        if not isinstance(raw, dict):
            raise StoreError(f"{path}: not a {kind} (expected a JSON object of tables)")
        found.version = schema_version(raw, path, kind)
    except StoreError as exc:
        found.error = _reason(exc, path)
        return found, None
    if found.version > current:
        found.future = True
        found.error = f"written by a newer reader (format {found.version}); upgrade reader to open it"
        return found, None
    return found, raw


def inspect_store(path: Path, label: str = "library") -> Inspection:
    found, raw = _read(path, label, KIND, SCHEMA_VERSION)
    if raw is None:
        return found
    try:
        found.raw = check_library(raw, path)
    except StoreError as exc:
        found.error = _reason(exc, path)
        return found
    latest: dict[str, str] = {}  # id -> key; the store reads the last copy of an id, so earlier ones go
    for key, doc in (found.raw.get(ARTICLES) or {}).items():
        try:
            article = article_from_doc(doc)
        except ValueError as exc:
            found.bad[key] = str(exc)
            continue
        found.count += 1
        if article.id in latest:
            found.duplicates.append(latest[article.id])
            found.count -= 1
        latest[article.id] = key
        problem = analysis_problem(article)
        if problem:
            found.offsets[key] = problem
    return found


def inspect_state(path: Path, label: str = "user state") -> Inspection:
    found, raw = _read(path, label, STATE_KIND, STATE_SCHEMA_VERSION)
    if raw is None:
        return found
    try:
        found.raw = check_state(raw, path)
    except StoreError as exc:
        found.error = _reason(exc, path)
        return found
    found.count = sum(len(table) for name, table in found.raw.items() if name != META)
    return found


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _dump(raw: dict[str, Any]) -> bytes:
    return orjson.dumps(raw, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)


def _restore_from_backup(found: Inspection, backup: Path, report: Report) -> bool:
    """Put the backup's bytes in place, the damaged file kept aside first."""
    if found.exists:
        aside = keep_copy(found.path, f".corrupt-{_timestamp()}")
        atomic_write_bytes(found.path, backup.read_bytes())
        report.add("fixed", f"{found.label}: restored from {backup.name}; the damaged file is kept as {aside.name}")
    else:
        atomic_write_bytes(found.path, backup.read_bytes())
        report.add("fixed", f"{found.label}: restored from {backup.name}")
    return True


def _mend_articles(found: Inspection, fallback: Inspection, report: Report) -> None:
    """Rewrite the store without its malformed articles (taken from the backup when it has them whole)."""
    from reader.library import analyse_article

    table = dict(found.raw.get(ARTICLES) or {})
    backup_table = fallback.raw.get(ARTICLES) or {} if fallback.clean else {}
    replaced, dropped = [], []
    for key in found.bad:
        if key in backup_table:
            table[key] = backup_table[key]
            replaced.append(key)
        else:
            doc = table.pop(key)
            dropped.append(str(doc.get("id") or key) if isinstance(doc, dict) else key)
    for key in found.duplicates:
        table.pop(key, None)
    for key in found.offsets:
        article = article_from_doc(table[key])
        article.analysis = None
        table[key] = analyse_article(article).to_dict()
    aside = keep_copy(found.path, f".corrupt-{_timestamp()}")
    atomic_write_bytes(found.path, _dump({**found.raw, ARTICLES: table}))
    parts = []
    if replaced:
        parts.append(f"{len(replaced)} malformed article(s) taken from {fallback.path.name}")
    if dropped:
        parts.append(f"{len(dropped)} malformed article(s) set aside ({', '.join(dropped[:5])})")
    if found.duplicates:
        parts.append(f"{len(found.duplicates)} duplicate(s) removed")
    if found.offsets:
        parts.append(f"{len(found.offsets)} analysis(es) recomputed")
    report.add("fixed", f"{found.label}: {'; '.join(parts)}; the file as it was is kept as {aside.name}")


def _describe(found: Inspection, backup: Inspection, what: str, current: int, report: Report, repair: bool) -> None:
    """Report one file (store or state) and, with ``repair``, fix it from its backup."""
    name = found.path.name
    if found.clean:
        status = f"{found.label}: {name}, {found.count} {what}"
        if found.version is None:
            status += " (empty)"
        elif found.version < current and repair:
            kept = keep_before_migration(found.path, found.version)
            atomic_write_bytes(found.path, _dump(found.raw))
            status += f", upgraded from format {found.version} to {current} (the old file kept as {kept and kept.name})"
        elif found.version < current:
            status += f", format {found.version} (upgraded to {current} on the next save)"
        else:
            status += f", format {found.version}"
        report.add("ok", status)
        return
    if found.future:
        report.add("problem", f"{found.label}: {name} was {found.error}; it was left as it is")
        return
    if not found.usable:
        problem = found.error or "missing"
        if not found.exists:
            problem = f"{name} is missing"
        if not backup.clean:
            advice = (
                "no usable backup: move the file aside to start afresh, or restore it from your own backups"
                if found.exists
                else "nothing to restore it from"
            )
            report.add("problem", f"{found.label}: {problem}; {advice}")
        elif repair:
            _restore_from_backup(found, backup.path, report)
        else:
            report.add(
                "problem", f"{found.label}: {problem}; run 'reader doctor --repair' to restore {backup.path.name}"
            )
        return
    details = [f"article {key}: {why}" for key, why in list(found.bad.items())[:3]]
    details += [f"article {key}: {why}" for key, why in list(found.offsets.items())[:3]]
    details += [f"article {key} repeats an earlier id" for key in found.duplicates[:3]]
    if repair:
        _mend_articles(found, backup, report)
    else:
        report.add("problem", f"{found.label}: {'; '.join(details)}; run 'reader doctor --repair' to mend it")


def _leftovers(folder: Path, names: list[str]) -> list[Path]:
    """Temp files of saves that were interrupted (a crash or a kill between write and rename)."""
    found: list[Path] = []
    for name in names:
        found += folder.glob(f".{name}.*.tmp")
    return sorted(set(found))


def _under_locks(store: Path, state: Path, work: Callable[[], None]) -> None:
    with write_lock(locations.lock_path(store)), write_lock(state.with_name(f".{state.name}.lock")):
        work()


def run(store: Path, repair: bool = False) -> Report:
    """Check (and with ``repair`` mend) the library at ``store``, its backup, the user state and the index."""
    store = Path(store)
    state = locations.state_path(store)
    report = Report()

    def check_all() -> tuple[Inspection, Inspection, Inspection, Inspection]:
        return (
            inspect_store(store),
            inspect_store(locations.backup_path(store), "library backup"),
            inspect_state(state),
            inspect_state(state.with_name(f"{state.name}.bak"), "user state backup"),
        )

    def work() -> None:
        lib, lib_bak, st, st_bak = check_all()
        if not lib.exists and not lib_bak.exists:
            report.add("problem", f"library: no library at {store} (check the path; 'reader import' creates one)")
        else:
            _describe(lib, lib_bak, "articles", SCHEMA_VERSION, report, repair)
        if lib_bak.exists and not lib_bak.clean:
            report.add("note", f"library backup: {lib_bak.path.name} is not usable ({lib_bak.error or 'damaged'})")
        if st.exists or st_bak.exists:
            _describe(st, st_bak, "entries", STATE_SCHEMA_VERSION, report, repair)
        else:
            report.add("ok", f"user state: {state.name} not created yet (nothing saved)")
        leftovers = _leftovers(store.parent, [store.name, f"{store.name}.bak", state.name, f"{state.name}.bak"])
        if leftovers and repair:
            for path in leftovers:
                with contextlib.suppress(OSError):
                    path.unlink()
            report.add("fixed", f"removed {len(leftovers)} temp file(s) left by interrupted saves")
        elif leftovers:
            report.add("note", f"{len(leftovers)} temp file(s) left by interrupted saves ('--repair' removes them)")
        index = locations.cache_dir(store)
        if repair and index.exists():
            try:
                with write_lock(index / "search" / ".lock"):  # held by the search index's own writers
                    shutil.rmtree(index, ignore_errors=True)
                report.add("fixed", f"search index: removed {index}; it is rebuilt on the next search")
            except StoreError as exc:
                report.add("problem", f"search index: {exc}")

    if repair:
        _under_locks(store, state, work)
    else:
        work()
    from reader.userdata.actions import doctor_summary

    corrections = doctor_summary(store) if report.healthy else None
    if corrections:
        report.add("ok", corrections)
    return report
