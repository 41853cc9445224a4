"""Undo commands are operations too: ``redo`` runs one through the app's runner, ``undo``
runs the operation that puts things back. A failure is said in the status bar and the
command drops itself from the stack, so Ctrl+Z never pretends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from hamstring_app.ui.context import AppContext
from hamstring_app.ui.ops import Outcome


class UndoTexts(QObject):
    """The translation context of this module's texts."""


class OpCommand(QUndoCommand):
    """Base for undoable operations; ``error`` holds the last failure's message."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.error = ""

    def run(self, operation: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Outcome[Any]:
        outcome = self.ctx.ops.run(operation, *args, **kwargs)
        if not outcome.ok:
            self.fail(UndoTexts.tr("That did not work: %s") % outcome.message, outcome.message)
        return outcome

    def fail(self, said: str, error: str) -> None:
        """Drop this command from the stack and say why in the status bar."""
        self.error = error
        self.setObsolete(True)
        self.ctx.events.status_message.emit(said)

    def say(self, text: str) -> None:
        self.ctx.events.status_message.emit(text)
