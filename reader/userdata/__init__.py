"""The user's own data, kept in the state file beside the store and never rewritten by imports:
corrections of the analysis and feed subscriptions.

What is here is imported by the TUI at start, so it stays small: the table's name and the marks.
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

CORRECTIONS = "corrections"  # the table of the user-state file
CORRECTED_MARK = "✎"  # shown after what the user corrected
UNCERTAIN_MARK = "?"  # shown after an attribution the analyzer is unsure of
SOURCE_KINDS = ("outlet", "organization", "person", "group", "document")  # as in reader.models.Source


def corrections_stamp(table: dict[str, Any]) -> str:
    """A short name of the corrections as they are: the search index, which applies them, records it
    and is rebuilt when it changes (say, a correction made by a process that could not update it)."""
    if not table:
        return ""
    return hashlib.blake2b(orjson.dumps(table, option=orjson.OPT_SORT_KEYS), digest_size=12).hexdigest()
