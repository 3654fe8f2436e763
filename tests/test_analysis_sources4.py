"""Cited sources, a fourth set of classes on invented sentences: restated positions, outlets' names."""

from __future__ import annotations

from reader.analysis import analyze


def _sources(body: str) -> dict[str, str]:
    return {s.name: s.kind for s in analyze(body, "Title").sources}


def test_a_restated_position_credits_its_subject() -> None:
    assert "Ilse Marn" in _sources("Minister Ilse Marn reaffirmed the ferry would keep running in winter.")
    assert "Ilse Marn" in _sources("Ilse Marn reiterated that the line would reopen.")
    assert "Transport Ministry" in _sources("On Monday the Transport Ministry reiterated its support for the plan.")
    assert "Ilse Marn" not in _sources("The reiterated claims of Ilse Marn's critics were dismissed.")
