"""Stored analyses and the analyzer version: when an article's analysis is current, reused or redone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reader.analysis import ANALYZER_VERSION, analyze
from reader.models import Analysis, Article, Link


def analyse_article(article: Article) -> Article:
    """The article with a current analysis (recomputed when missing or of another version)."""
    if is_current(article):
        return article
    return replace(article, analysis=analyze(article.body, article.title, list(article.links)))


def is_current(article: Article) -> bool:
    return article.analysis is not None and article.analysis.version == ANALYZER_VERSION


def analysis_of(parts: tuple[str, str, Sequence[Link]]) -> Analysis:
    """The analysis of (body, title, links): what a worker process is sent and sends back, rather
    than whole articles."""
    body, title, links = parts
    return analyze(body, title, list(links))


def with_some_analysis(article: Article) -> Article:
    """The article with its stored analysis even when an older analyzer made it.

    Library-wide views (the search index, who said what, the overview) read every article:
    re-analysing a whole library after an analyzer upgrade would stall them for minutes, so they
    take what is stored and analyse only articles that have nothing. ``Library.refresh_analyses`` (run by
    ``reader reindex``) brings the stored analyses up to date.
    """
    return article if article.analysis is not None else analyse_article(article)


def _keep_current_analysis(article: Article, stored: Article | None) -> Article:
    """Re-importing unchanged text reuses the stored analysis instead of computing it again."""
    if (
        stored is not None
        and stored.analysis is not None
        and stored.analysis.version == ANALYZER_VERSION
        and article.analysis is None
        and (stored.body, stored.title, stored.links) == (article.body, article.title, article.links)
    ):
        return replace(article, analysis=stored.analysis)
    return article
