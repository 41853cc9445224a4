"""What long work sees of the task it runs in: a way to report progress and to notice a
cancel. Pure Python, so core and store code (parsers, imports, exports) can take one;
the app's background helper (``hamstring_app.ui.tasks.run_task``) hands a real one in.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised by long work that stops because it was asked to; nothing is reported as
    an error. Work that writes must do so in one transaction, so stopping keeps nothing."""


class TaskToken(Protocol):
    def progress(self, fraction: float, text: str = "") -> None:
        """How far the work is (0.0 to 1.0) and, optionally, what it is doing now."""

    def cancelled(self) -> bool:
        """Whether the person asked to stop. Check it between steps."""


class NoTask:
    """The token for work run directly (command line, tests): reports nowhere, never
    cancelled."""

    def progress(self, fraction: float, text: str = "") -> None:
        return None

    def cancelled(self) -> bool:
        return False


def check_cancelled(task: TaskToken) -> None:
    """Raise Cancelled when the task was asked to stop."""
    if task.cancelled():
        raise Cancelled()
