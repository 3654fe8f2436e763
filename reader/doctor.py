"""``reader doctor``: check a library's files and repair what can be repaired without losing anything.

A damaged file is never deleted or rewritten in place: it is kept aside as
``<name>.corrupt-<timestamp>``, then rebuilt from every whole entry of it, of its backups and (for
the store) of the catalog's copies (``reader.repair``, ``reader.salvage``); a repair that would
still lose something is asked for. The search index is derived data: a repair removes it.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import locations, shard_doctor, shards
from reader import repair as repair_module
from reader.backups import file_has_entries, generations, has_entries
from reader.models import Article
from reader.recovery import articles_word, entries_word
from reader.storage import (
    StoreError,
    atomic_write_bytes,
    keep_before_migration,
    read_json_file,
    schema_version,
    write_lock,
)
from reader.store import (
    ARTICLES,
    KIND,
    META,
    SCHEMA_VERSION,
    article_from_doc,
    backup_count,
    check_library,
    recorded_count,
)
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
    unreadable_bookmarks: dict[str, str] = field(default_factory=dict)  # key -> why; kept as they are
    count: int = 0
    usable_shards: bool = False  # a sharded library: every shard whole (``reader.shard_doctor``)

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
    if label == "library":
        found.error = _poorer_than_backup(found, locations.backup_path(path))
    return found


def _poorer_than_backup(found: Inspection, backup: Path) -> str | None:
    """Why a readable store must not be trusted over its backups: it holds nothing that reader
    wrote, or fewer articles than its backup without reader having removed them."""
    if META not in found.raw and not has_entries(found.raw):
        full = next((p for p in generations(found.path, backup) if file_has_entries(p)), None)
        return f"holds nothing, while its backup {full.name} holds a library" if full else None
    kept = backup_count(backup)
    held = len(found.raw.get(ARTICLES) or {})
    recorded, removed = recorded_count(found.raw)
    if kept is not None and held < kept and not (removed and recorded == held):
        return f"holds {articles_word(held)} while its backup {backup.name} holds {kept} that reader did not remove"
    return None


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
    backup = path.with_name(f"{path.name}.bak")
    if label == "user state" and META not in found.raw and not found.count:
        full = next((p for p in generations(path, backup) if file_has_entries(p)), None)
        if full is not None:
            found.error = f"holds nothing, while its backup {full.name} holds entries"
    from reader.bookmarks import BOOKMARKS, read_bookmarks

    found.unreadable_bookmarks = read_bookmarks(found.raw.get(BOOKMARKS) or {})[1]
    return found


def _report_unreadable_bookmarks(found: Inspection, report: Report) -> None:
    """Entries of the bookmarks table that are not bookmarks: never dropped, so never repaired, only said."""
    bad = found.unreadable_bookmarks
    if not bad:
        return
    entries = "entry cannot" if len(bad) == 1 else "entries cannot"
    details = "; ".join(f"{key}: {why}" for key, why in list(bad.items())[:3])
    report.add(
        "problem",
        f"{found.label}: {len(bad)} bookmark {entries} be read ({details}); kept as they are in "
        f"{found.path.name}: fix or remove them there",
    )


def _describe(
    found: Inspection,
    backup: Inspection,
    what: Callable[[int], str],
    current: int,
    report: Report,
    repair: bool,
    confirm: repair_module.Confirm | None,
    rebuild: Callable[..., bool],
) -> None:
    """Report one file (store or state) and, with ``repair``, mend it without losing what can be had."""
    name = found.path.name
    if found.clean:
        status = f"{found.label}: {name}, {what(found.count)}"
        if found.version is None:
            status += " (empty)"
        elif found.version < current and repair:
            kept = keep_before_migration(found.path, found.version)
            atomic_write_bytes(found.path, repair_module.dump(found.raw))
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
        problem = (found.error or "missing") if found.exists else f"{name} is missing"
        rebuild(found, problem, report, repair, confirm)
        return
    details = [f"article {key}: {why}" for key, why in list(found.bad.items())[:3]]
    details += [f"article {key}: {why}" for key, why in list(found.offsets.items())[:3]]
    details += [f"article {key} repeats an earlier id" for key in found.duplicates[:3]]
    if repair:
        repair_module.mend_articles(found, backup, report, confirm)
    else:
        report.add("problem", f"{found.label}: {'; '.join(details)}; run 'reader doctor --repair' to mend it")


def _backups(store: Path, report: Report) -> None:
    """Which backup generations exist and what each holds (``reader.backups``)."""
    found = generations(store, locations.backup_path(store))
    if found:
        held = [
            f"{p.name} {'(count not recorded)' if (n := backup_count(p)) is None else articles_word(n)}" for p in found
        ]
        report.add("ok", f"library backups: {', '.join(held)}")


def _leftovers(folder: Path, names: list[str]) -> list[Path]:
    """Temp files of saves that were interrupted (a crash or a kill between write and rename)."""
    found: list[Path] = []
    for name in names:
        found += folder.glob(f".{name}.*.tmp")
    return sorted(set(found))


def _can_stat(path: Path) -> bool:
    try:
        path.stat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _remove_cache(index: Path, report: Report) -> None:
    """Remove the derived index and catalog, and say what really happened when they cannot be."""
    failures: list[BaseException] = []
    try:
        with write_lock(index / "search" / ".lock"):  # held by the search index's own writers
            shutil.rmtree(index, onerror=lambda _f, _p, info: failures.append(info[1]))
    except StoreError as exc:
        report.add("problem", f"search index: {exc}")
        return
    if not failures and _can_stat(index) and not index.exists():
        report.add("fixed", f"search index: removed {index}; it is rebuilt on the next search")
        return
    reason = next((getattr(exc, "strerror", None) or str(exc) for exc in failures), "it is still there")
    report.add(
        "problem",
        f"search index: cannot remove {index} ({reason}); nothing in the library is affected, but searches "
        "cannot rebuild it there: make the folder writable or set READER_CACHE_DIR to another one",
    )


def _under_locks(store: Path, state: Path, work: Callable[[], None]) -> None:
    with write_lock(locations.lock_path(store)), write_lock(state.with_name(f".{state.name}.lock")):
        work()


def run(
    store: Path, repair: bool = False, confirm: repair_module.Confirm | None = None, report: Report | None = None
) -> Report:
    """Check (and with ``repair`` mend) the library at ``store``, its backups, the user state and the
    index. ``confirm(label, lost)`` is asked before a repair that would lose something; without it,
    such a repair is not made and says so. Findings go to ``report`` (a new one by default), so that
    a caller asking a question can show those made so far."""
    store = Path(store)
    state = locations.state_path(store)
    report = Report() if report is None else report

    def check_all() -> tuple[Inspection, Inspection, Inspection, Inspection]:
        return (
            inspect_store(store),
            inspect_store(locations.backup_path(store), "library backup"),
            inspect_state(state),
            inspect_state(state.with_name(f"{state.name}.bak"), "user state backup"),
        )

    def work() -> None:
        sharded = shards.looks_sharded(store)
        lib, lib_bak, st, st_bak = check_all()
        if sharded:
            lib.usable_shards = shard_doctor.check(store, repair, confirm, report)
        elif not lib.exists and not lib_bak.exists:
            report.add("problem", f"library: no library at {store} (check the path; 'reader import' creates one)")
        else:
            _describe(lib, lib_bak, articles_word, SCHEMA_VERSION, report, repair, confirm, repair_module.salvage_store)
            _backups(store, report)
        if lib_bak.exists and not lib_bak.clean:
            report.add("note", f"library backup: {lib_bak.path.name} is not usable ({lib_bak.error or 'damaged'})")
        if st.exists or st_bak.exists:
            _describe(
                st, st_bak, entries_word, STATE_SCHEMA_VERSION, report, repair, confirm, repair_module.salvage_state
            )
            _report_unreadable_bookmarks(st, report)
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
        if repair and (index.exists() if _can_stat(index) else True):
            if lib.usable_shards if sharded else (lib.usable or inspect_store(store).usable):
                _remove_cache(index, report)
            else:  # its catalog holds copies of articles a later repair may still need
                report.add("note", f"search index and catalog: kept in {index} while the library is not repaired")

    if repair:
        _under_locks(store, state, work)
    else:
        work()
    from reader.userdata.actions import doctor_summary

    corrections = doctor_summary(store) if report.healthy else None
    if corrections:
        report.add("ok", corrections)
    return report
