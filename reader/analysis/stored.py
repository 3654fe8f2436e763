"""Stored analyses and the analyzer version: when an article's analysis is current, reused or redone."""

from __future__ import annotations

from dataclasses import replace

from reader.analysis import ANALYZER_VERSION, analyze
from reader.models import Analysis, Article


def analyse_article(article: Article) -> Article:
    """The article with a current analysis (recomputed when missing or of another version)."""
    if article.analysis is not None and article.analysis.version == ANALYZER_VERSION:
        return article
    return replace(article, analysis=analyze(article.body, article.title, list(article.links)))


def _current_analysis(article: Article) -> Analysis | None:
    """Only the analysis travels back from a worker process, not the whole article again."""
    return analyse_article(article).analysis


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
