"""What ``reader doctor --repair`` does to a file it cannot use as it is: rebuild it from everything
that can still be had (``reader.salvage``), say what each source gives and what would be lost, and
ask before losing anything. The file as it was is always kept aside first, never deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import orjson

from reader import recovery, salvage
from reader.storage import atomic_write_bytes, keep_copy
from reader.store import ARTICLES, META, SCHEMA_VERSION, article_from_doc
from reader.userstate import STATE_SCHEMA_VERSION

if TYPE_CHECKING:
    from reader.doctor import Inspection, Report

# Asked before a repair that loses something: (file label, what would be lost) -> go ahead?
Confirm = Callable[[str, list[str]], bool]


def timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def dump(raw: dict[str, Any]) -> bytes:
    return orjson.dumps(raw, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)


def _agreed(
    label: str, lost: list[str], count: int, what: Callable[[int], str], report: Report, confirm: Confirm | None
) -> bool:
    """Whether a repair that loses ``lost`` may go on; a refusal is reported as what it is."""
    if not lost:
        return True
    if confirm is not None and confirm(label, lost):
        return True
    report.add(
        "problem",
        f"{label}: not repaired, as it would lose {what(count)}; the file was left as it is. "
        "Run 'reader doctor --repair --yes' to repair it anyway (the file as it is would be kept aside)",
    )
    return False


def _taken(taken: dict[str, int], what: Callable[[int], str]) -> str:
    return ", ".join(f"{what(n)} from {label}" for label, n in taken.items()) or "nothing"


def _lost_line(label: str, lost: list[str], what: Callable[[int], str], count: int) -> str:
    if not lost:
        return f"{label}: nothing is lost"
    listed = "; ".join(lost[:5]) + (f"; and {len(lost) - 5} more" if len(lost) > 5 else "")
    return f"{label}: {what(count)} cannot be recovered from any source: {listed}"


def salvage_store(found: Inspection, problem: str, report: Report, repair: bool, confirm: Confirm | None) -> bool:
    """Rebuild an unusable store from its whole articles, the catalog and the backups. Returns
    whether the file was rewritten."""
    plan = recovery.plan_store(found.path)
    meta = {"schema": SCHEMA_VERSION, "app": "reader", "articles": len(plan.table)}
    if plan.lost_count:
        meta["removed"] = plan.lost_count  # the user agreed: later saves may go below the backups
    orphans = _orphaned_bookmarks(found.path, plan.ids) if plan.table else None
    return _rebuild(
        found,
        problem,
        report,
        Rebuild(
            what=recovery.articles_word,
            nothing="no usable backup, no whole article in it and none in the catalog",
            sources=[recovery.describe(source, damaged=n == 0) for n, source in enumerate(plan.sources)],
            count=len(plan.table),
            taken=plan.taken,
            lost=plan.lost,
            lost_count=plan.lost_count,
            notes=[orphans] if orphans else [],
            content={META: {"1": meta}, ARTICLES: plan.table},
        ),
        repair,
        confirm,
    )


def _orphaned_bookmarks(store: Any, ids: set[str]) -> str | None:
    """Bookmarks whose article no source holds: kept, and shown as orphaned."""
    from reader import locations

    table = salvage.salvage_file(locations.state_path(store)).tables.get("bookmarks") or {}
    marks = [doc for doc in table.values() if isinstance(doc, dict)]
    orphans = sum(1 for doc in marks if doc.get("article_id") not in ids)
    if not orphans:
        return None
    return f"{orphans} of {len(marks)} bookmarks point at articles no source holds (kept, shown as orphaned)"


def salvage_state(found: Inspection, problem: str, report: Report, repair: bool, confirm: Confirm | None) -> bool:
    """Rebuild an unusable user-state file from its whole entries and those of its backups."""
    plan = recovery.plan_state(found.path)
    return _rebuild(
        found,
        problem,
        report,
        Rebuild(
            what=recovery.entries_word,
            nothing="no usable backup and no whole entry in it",
            sources=[recovery.describe_state(label, salvaged) for label, salvaged in plan.sources],
            count=sum(len(table) for table in plan.tables.values()),
            taken=plan.taken,
            lost=plan.lost,
            lost_count=plan.lost_count,
            content={**plan.tables, META: {"1": {"schema": STATE_SCHEMA_VERSION}}},
        ),
        repair,
        confirm,
    )


@dataclass
class Rebuild:
    """What a rebuild of one file would keep and lose, and the content it would write."""

    what: Callable[[int], str]  # "3 articles", "1 entry"
    nothing: str  # why there is nothing to rebuild from
    sources: list[str]  # one line per source
    count: int
    taken: dict[str, int]
    lost: list[str]
    lost_count: int
    content: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def _rebuild(
    found: Inspection, problem: str, report: Report, plan: Rebuild, repair: bool, confirm: Confirm | None
) -> bool:
    """Say what each source gives and what would be lost; with ``repair`` (and agreement to a loss)
    keep the file aside and write the rebuilt one. Returns whether it was written."""
    if not plan.count:
        advice = plan.nothing
        if found.exists:
            advice += ": move the file aside to start afresh, or restore it from your own backups"
        report.add("problem", f"{found.label}: {problem}; {advice}")
        return False
    report.add("note" if repair else "problem", f"{found.label}: {problem}")
    for line in plan.sources:
        report.add("note", f"{found.label} source, {line}")
    kept = f"{plan.what(plan.count)} ({_taken(plan.taken, plan.what)})"
    report.add("note", _lost_line(found.label, plan.lost, plan.what, plan.lost_count))
    for note in plan.notes:
        report.add("note", f"{found.label}: {note}")
    if not repair:
        report.add("note", f"{found.label}: 'reader doctor --repair' rebuilds it with {kept}")
        return False
    if not _agreed(found.label, plan.lost, plan.lost_count, plan.what, report, confirm):
        return False
    if found.path.exists() and not found.path.is_file():
        report.add("problem", f"{found.label}: {found.path.name} is not a file; move it aside, then repair again")
        return False
    try:
        aside = keep_copy(found.path, f".corrupt-{timestamp()}") if found.exists else None
        atomic_write_bytes(found.path, dump(plan.content))
    except OSError as exc:  # a read-only folder, a full disk: the file stays as it was
        report.add("problem", f"{found.label}: not repaired: {exc.strerror or exc}")
        return False
    kept_aside = f"; the file as it was is kept as {aside.name}" if aside else ""
    report.add("fixed", f"{found.label}: rebuilt with {kept}{kept_aside}")
    return True


def mend_articles(found: Inspection, fallback: Inspection, report: Report, confirm: Confirm | None) -> None:
    """Rewrite the store without its malformed articles (taken from the backup when it has them whole);
    dropping one that is nowhere else is a loss, so it is asked for."""
    from reader.library import analyse_article

    table = dict(found.raw.get(ARTICLES) or {})
    backup_table = fallback.raw.get(ARTICLES) or {} if fallback.clean else {}
    replaced = [key for key in found.bad if key in backup_table]
    dropped_keys = [key for key in found.bad if key not in backup_table]
    dropped = [str(table[key].get("id") or key) if isinstance(table[key], dict) else key for key in dropped_keys]
    lost = [f"the malformed article {name}" for name in dropped]
    if not _agreed(found.label, lost, len(lost), recovery.articles_word, report, confirm):
        return
    for key in replaced:
        table[key] = backup_table[key]
    for key in dropped_keys:
        table.pop(key)
    for key in found.duplicates:
        table.pop(key, None)
    for key in found.offsets:
        article = article_from_doc(table[key])
        article.analysis = None
        table[key] = analyse_article(article).to_dict()
    aside = keep_copy(found.path, f".corrupt-{timestamp()}")
    meta = {"schema": SCHEMA_VERSION, "app": "reader", "articles": len(table)}
    if dropped or found.duplicates:
        meta["removed"] = len(dropped) + len(found.duplicates)
    atomic_write_bytes(found.path, dump({**found.raw, META: {"1": meta}, ARTICLES: table}))
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
