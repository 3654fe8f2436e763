"""``reader doctor`` for a sharded library: each shard checked on its own, a damaged one mended from
what can still be had of it (its whole articles, the catalog's copies, its own backup), so a damage
costs at most that shard, and nothing is dropped without asking.

The shard's summary says which articles it held, so the repair knows exactly what it recovers and
what it would lose. The repaired shard is written as any write writes one (new files, then the
manifest); the damaged file is kept aside as ``<file>.corrupt-<timestamp>``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader import recovery, shards
from reader.shards import Manifest, Shard
from reader.storage import StoreError, keep_copy

if TYPE_CHECKING:
    from reader.doctor import Report
    from reader.repair import Confirm


def _expected(manifest: Manifest, shard: Shard) -> set[str] | None:
    """The ids the shard held, from its summary; None when the summary cannot be read either."""
    try:
        return shards.ids_in(shards.read_rows(manifest, shard))
    except (OSError, StoreError):
        return None


def shard_problem(manifest: Manifest, shard: Shard) -> str | None:
    """What is wrong with one shard (its file, its articles, its summary), or None."""
    from reader.doctor import inspect_store

    path = manifest.folder / shard.file
    if not path.exists():
        return f"{shard.file} is missing"
    try:
        shards.read_verified(manifest.folder, shard.file, shard.digest, "the shard")
    except (OSError, StoreError) as exc:
        return str(exc).removeprefix(f"{path}: ").split("; the file was left", 1)[0]
    found = inspect_store(path, f"shard {shard.name}")
    if not found.clean:
        details = [found.error or ""] if found.error else []
        details += [f"article {key}: {why}" for key, why in list(found.bad.items())[:3]]
        details += [f"article {key}: {why}" for key, why in list(found.offsets.items())[:3]]
        details += [f"article {key} repeats an earlier id" for key in found.duplicates[:3]]
        return "; ".join(details) or "damaged"
    expected = _expected(manifest, shard)
    held = {doc["id"] for doc in (found.raw.get(shards.ARTICLES) or {}).values()}
    if expected is None or expected != held:
        return f"its summary {shard.rows} does not match it"
    return None


def check(store: Path, repair: bool, confirm: Confirm | None, report: Report) -> bool:
    """Report (and with ``repair`` mend) every shard of the library at ``store``; whether it is usable."""
    try:
        manifest = shards.read_manifest(store)
        if manifest is None:
            raise StoreError(f"{store}: missing or not readable as a manifest")
    except StoreError as exc:
        problem = str(exc).removeprefix(f"{store}: ").split("; the file was left", 1)[0]
        if not repair:
            report.add(
                "problem",
                f"library: {store.name}, the manifest of a library in shards: {problem}; "
                f"'reader doctor --repair' rebuilds it from the shards in {shards.shard_dir(store).name}/",
            )
            return False
        manifest = _rebuild_manifest(store, problem, report, confirm)
        if manifest is None:
            return False
    assert manifest is not None
    damaged = {shard.name: why for shard in manifest.shards.values() if (why := shard_problem(manifest, shard))}
    count = recovery.articles_word(manifest.count)
    report.add(
        "ok" if not damaged else "note",
        f"library: {store.name}, {count} in {len(manifest.shards)} shards in {manifest.folder.name}/",
    )
    mended = True
    for name, problem in damaged.items():
        if not repair:
            report.add("problem", f"library shard {name}: {problem}; run 'reader doctor --repair' to mend it")
            mended = False
            continue
        mended = _mend(manifest, manifest.shards[name], problem, report, confirm) and mended
        manifest = shards.read_manifest(store) or manifest
    leftovers = shards.orphans(manifest) + sorted(manifest.folder.glob(".*.tmp"))
    if leftovers and repair:
        shards.remove_orphans(manifest)
        report.add("fixed", f"library: removed {len(leftovers)} file(s) left by interrupted saves")
    elif leftovers:
        report.add("note", f"library: {len(leftovers)} file(s) left by interrupted saves ('--repair' removes them)")
    single = store.with_name(f"{store.name}.single.bak")
    if single.exists():
        report.add(
            "note", f"library: {single.name} is the library before it was split into shards; remove it when done"
        )
    return mended


def _rebuild_manifest(store: Path, problem: str, report: Report, confirm: Confirm | None) -> Manifest | None:
    """A manifest that cannot be read, rebuilt from the newest file of each shard in the folder (each
    one a whole store of its slice; a damaged one gives its whole articles). The manifest as it was
    is kept aside; the shards are written again as a commit does, their old files kept aside too."""
    from reader.repair import _agreed, timestamp

    folder = shards.shard_dir(store)
    newest: dict[str, tuple[int, Path]] = {}
    for path in sorted(folder.glob("s*.g*.json")) if folder.is_dir() else []:
        match = shards.SHARD_FILE.match(path.name)
        if match and not match.group(3) and int(match.group(2)) >= newest.get(match.group(1), (-1, path))[0]:
            newest[match.group(1)] = (int(match.group(2)), path)
    report.add("note", f"library: {store.name}, the manifest of a library in shards: {problem}")
    if not newest:
        report.add("problem", f"library: no shard in {folder.name}/ to rebuild the manifest from")
        return None
    tables: dict[str, dict[str, dict[str, object]]] = {}
    lost: list[str] = []
    for name, (_, path) in sorted(newest.items()):
        source = recovery.store_source(path, path.name, shards.ARTICLES, recovery.is_article)
        tables[name] = {source.keys[i]: doc for i, doc in source.articles.items()}
        lost += [f"article {doc_id or '?'} of {path.name} (cut off by the damage)" for _, doc_id in source.cut]
        lost += [f"the article under key {key} of {path.name} (malformed)" for key in source.unreadable]
    if not _agreed("library", lost, len(lost), recovery.articles_word, report, confirm):
        return None
    stamp = timestamp()
    keep_copy(store, f".corrupt-{stamp}")
    for _, path in newest.values():
        keep_copy(path, f".corrupt-{stamp}")
    keys = [int(key) for table in tables.values() for key in table if key.isdigit()]
    manifest = Manifest(store, max(g for g, _ in newest.values()), shards.shard_size(), max(keys, default=0) + 1)
    writer = shards.Writer(manifest, keep_backups=False)
    for name, table in tables.items():
        writer.put(name, table)
    rebuilt = writer.commit()
    count = recovery.articles_word(rebuilt.count)
    report.add("fixed", f"library: manifest rebuilt from {len(tables)} shards, {count}; the old one kept aside")
    return rebuilt


def _mend(manifest: Manifest, shard: Shard, problem: str, report: Report, confirm: Confirm | None) -> bool:
    """Rebuild one shard from every whole article any source gives; ask before losing one."""
    from reader import locations
    from reader.catalog import Catalog
    from reader.repair import _agreed, timestamp

    label = f"library shard {shard.name}"
    path = manifest.folder / shard.file
    expected = _expected(manifest, shard)

    def belongs(source: recovery.Source) -> recovery.Source:
        if expected is not None:  # an article deleted since the backup was made stays deleted
            source.articles = {k: v for k, v in source.articles.items() if k in expected}
        return source

    sources = [recovery.store_source(path, shard.file, shards.ARTICLES, recovery.is_article)]
    catalog = recovery.Source("the catalog in the cache")
    if expected is not None:
        for doc in Catalog(locations.cache_dir(manifest.path), manifest.path).saved_documents():
            if recovery.is_article(doc) and doc["id"] in expected:
                catalog.articles.setdefault(doc["id"], doc)
    catalog.missing = not catalog.articles
    sources.append(catalog)
    backup = shards.shard_backup(manifest.folder, shard.name)
    sources.append(belongs(recovery.store_source(backup, backup.name, shards.ARTICLES, recovery.is_article)))
    plan = recovery.merge(sources)
    if expected is not None:  # the summary names every article the shard held: what is lost, exactly
        missing = sorted(expected - plan.ids)
        plan.lost, plan.lost_count = [f"article {i}" for i in missing], len(missing)
    report.add("note", f"{label}: {problem}")
    for n, source in enumerate(sources):
        report.add("note", f"{label} source, {recovery.describe(source, damaged=n == 0)}")
    if plan.lost:
        listed = "; ".join(plan.lost[:5]) + (f"; and {len(plan.lost) - 5} more" if len(plan.lost) > 5 else "")
        report.add("note", f"{label}: {recovery.articles_word(plan.lost_count)} cannot be recovered: {listed}")
    if not _agreed(label, plan.lost, plan.lost_count, recovery.articles_word, report, confirm):
        return False
    try:
        aside = keep_copy(path, f".corrupt-{timestamp()}") if path.exists() else None
        writer = shards.Writer(manifest, keep_backups=False)
        writer.put(shard.name, plan.table)
        writer.commit()
    except OSError as exc:
        report.add("problem", f"{label}: not repaired: {exc.strerror or exc}")
        return False
    taken = ", ".join(f"{recovery.articles_word(n)} from {where}" for where, n in plan.taken.items()) or "nothing"
    kept = f"; the file as it was is kept as {aside.name}" if aside else ""
    report.add("fixed", f"{label}: rebuilt with {recovery.articles_word(len(plan.table))} ({taken}){kept}")
    return True
