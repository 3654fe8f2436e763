"""People: names against the marks and words around them in ordinary news text, on invented sentences."""

from __future__ import annotations

from reader.analysis import analyze


def _people(body: str) -> dict[str, str | None]:
    return {p.name: p.role for p in analyze(body).people}


def test_a_closing_quote_written_with_apostrophes_is_no_part_of_a_name() -> None:
    body = (
        "''The plan never depended on Mark Stevens.'' The crowd cheered. 'It was never about Dana Pryce.' "
        "Stevens and Pryce did not reply."
    )
    analysis = analyze(body)
    names = {p.name: p for p in analysis.people}
    assert set(names) == {"Mark Stevens", "Dana Pryce"}
    assert "Stevens" in names["Mark Stevens"].aliases
