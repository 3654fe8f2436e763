"""Classes of cited sources read on news the earlier rules were not written on, on invented sentences."""

from __future__ import annotations

from reader.analysis import analyze


def _sources(body: str) -> set[str]:
    return {s.name for s in analyze(body, "Title").sources}


def test_an_irish_head_of_government_s_title_is_not_part_of_the_name() -> None:
    sources = _sources("Taoiseach Ada Quist said the ferry line would reopen in May.")
    assert "Ada Quist" in sources and "Taoiseach Ada Quist" not in sources
    sources = _sources("Tánaiste Piet Vorn told reporters the budget was balanced.")
    assert "Piet Vorn" in sources and "Tánaiste Piet Vorn" not in sources
