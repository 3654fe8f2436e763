"""Shapes of attribution found on new development news (second round), each in invented sentences.

Each test is one class of error; it fails without the rule it names.
"""

from __future__ import annotations

import pytest

from reader.analysis import analyze

CAST = (
    "Donald Trump, Hillary Clinton, Barack Obama, Jane Doe and Ted Cruz met on Monday. "
    "Howard Stern, Peter Ash and Bernie Sanders came too. "
)


def _last(text: str):
    """The last quote of ``CAST + text``."""
    return analyze(CAST + text).quotes[-1]


@pytest.mark.parametrize(
    "text",
    [
        'Peter Ash left the hall early. "The vote was never going to pass," said a relative of the mayor.',
        'Ted Cruz was not invited. "They wanted a deal before the winter," an aide to the council told reporters.',
        'Jane Doe spoke first. "We did not expect this," one official said after the meeting.',
    ],
)
def test_a_quote_of_someone_unnamed_takes_no_earlier_speaker(text: str) -> None:
    quote = _last(text)
    assert (quote.speaker, quote.speaker_reason) == (None, "none")
