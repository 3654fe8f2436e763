"""reader: read news articles in the terminal and see who said what.

The public Python API is the ``Library`` facade::

    from reader import Library
    library = Library.open("data/articles.json")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Library", "__version__"]

if TYPE_CHECKING:
    from reader.library import Library


def __getattr__(name: str) -> Any:
    # Deferred so that `reader --help` and small scripts do not pay for the whole core.
    if name == "Library":
        from reader.library import Library

        return Library
    raise AttributeError(name)
