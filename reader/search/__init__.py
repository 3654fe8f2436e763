"""Library search: a query language parsed here, run on a tantivy index kept in the cache directory.

    from reader.search import SearchIndex, QueryError
    results = index.search('ukraine "peace talks" -opinion', limit=20)

The engine is imported only when a search runs, so opening the app does not pay for it.
"""

from __future__ import annotations

from reader.search.index import INDEX_VERSION, SearchError, SearchIndex, store_fingerprint
from reader.search.people import Count, Overview, QuoteHit, overview, quotes_by
from reader.search.query import Query, QueryError, describe, parse
from reader.search.results import Hit, SearchResults

__all__ = [
    "INDEX_VERSION",
    "Count",
    "Hit",
    "Overview",
    "Query",
    "QueryError",
    "QuoteHit",
    "SearchError",
    "SearchIndex",
    "SearchResults",
    "describe",
    "overview",
    "parse",
    "quotes_by",
    "store_fingerprint",
]
