"""The library list's counts with the user's corrections over them, as ``reader list`` counts them.

The list's rows come from the catalog, which holds what the analyzer found; a quote the user marked
as a quoted term (or the other way round) changes its article's Quotes count. Only articles with
such a correction are looked at again, so a library without any costs one read of the state table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from reader.catalog import Row
from reader.models import Article
from reader.userdata import CORRECTIONS

if TYPE_CHECKING:
    from reader.library import Library

# Corrections that change what is counted as a quote: corrections.SPEECH, named here so that drawing
# the list does not import the corrections code.
COUNTED_KINDS = ("speech",)


def quote_count(article: Article) -> int:
    """Reported quotes of an article, quoted terms left out: what ``reader list --json`` says."""
    return int(article.summary()["quotes"])


def recounted_ids(table: dict[str, dict[str, object]]) -> set[str]:
    """The articles a correction of the raw corrections table may change the count of."""
    return {
        str(doc.get("article_id"))
        for doc in table.values()
        if isinstance(doc, dict) and doc.get("kind") in COUNTED_KINDS
    }


def corrected_rows(library: Library, rows: Iterable[Row] | None) -> list[Row] | None:
    """``rows`` (None stays None: no list yet) with each article's Quotes count as corrected."""
    if rows is None:
        return None
    rows = list(rows)
    wanted = recounted_ids(library.state.read_table(CORRECTIONS)) if library.state.path.exists() else set()
    if not wanted:
        return rows
    from reader.analysis.stored import with_some_analysis

    # The stored analysis, as ``reader list`` counts it (of an older analyzer too, until reindex).
    snapshot = library.corrections.snapshot()
    counts: dict[str, int] = {}
    for row in rows:
        if row.id in wanted and row.id not in counts:
            article = library._stored(row.id)
            if article is not None:
                counts[row.id] = quote_count(snapshot.apply(with_some_analysis(article)))
    return [
        replace(row, quotes=counts[row.id]) if counts.get(row.id, row.quotes) != row.quotes else row for row in rows
    ]
