"""How many examples a property test runs: its own quick count, or 10,000 for the long run
(``READER_FUZZ=long``, reported in docs/reliability.md)."""

from __future__ import annotations

import os

LONG_RUN = 10_000


def examples(quick: int) -> int:
    return LONG_RUN if os.environ.get("READER_FUZZ") == "long" else quick
