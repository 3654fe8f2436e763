"""Importing this module readies the analyser: its rule modules imported, its word lists read.

Worker processes are forked from a process that imported it (or from a fork server that did), so
each starts with them instead of loading them on its first article (see ``reader.importers.batch``).
"""

from __future__ import annotations

from reader.analysis import analyze
from reader.analysis.names import is_given

is_given("Warm")  # reads the census list of given names
analyze('Jane Smith, a teacher, told Reuters: "It works." Smith said.', "Warm-up")
