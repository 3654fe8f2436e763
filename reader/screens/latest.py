"""Results of exclusive thread workers, shown only while they are the latest.

Starting an exclusive worker cancels the one running before it, but a thread cannot be stopped:
the older run goes on and, finishing last, would show what it read before the change that started
the newer one (a feed just removed, a filter typed over). ``deliver`` hands a result to the UI
thread and drops it there if its worker was cancelled meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.worker import Worker, get_current_worker


def deliver(app: App[Any], show: Callable[..., object], *args: object) -> None:
    """Call ``show(*args)`` on the UI thread unless this worker has been superseded by then."""
    worker = get_current_worker()
    app.call_from_thread(_unless_cancelled, worker, show, *args)


def _unless_cancelled(worker: Worker[Any], show: Callable[..., object], *args: object) -> None:
    if not worker.is_cancelled:
        show(*args)
