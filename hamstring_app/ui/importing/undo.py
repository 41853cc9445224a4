"""Edit > Undo after an import: one step that deletes exactly the runs the import added
and puts the runs it merged into back as they were (Redo does the import again, with the
same ids). It goes on the Today tab's undo stack, where the runs are listed; the Edit menu
offers it from every tab without an undo stack of its own.

Both directions run off the UI thread, as the import itself does
(``ctx.ops.run_in_background`` with ``reload``): taking back hundreds of runs writes and
re-reads hundreds of days. Steps asked for while one is being written wait their turn, in
order, and each looks at what the last step that worked left in the store, so a failed
step is never taken for done.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from hamstring_app.store.importing import Imported, redo_import, undo_import
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.ops import Outcome
from hamstring_app.ui.texts import counted
from hamstring_app.ui.undo import OpCommand


class ImportUndo(QObject):
    """The translation context of this module's texts."""


TODAY_TAB = "checkin"  # the tab whose undo stack holds data changes


def runs_words(count: int) -> str:
    return counted(count, ImportUndo.tr("1 run"), ImportUndo.tr("%n runs", "", count))


class ImportCommand(OpCommand):
    """Pushed once the import is saved: the first ``redo`` (QUndoStack.push calls it)
    does nothing, since the import already ran."""

    def __init__(self, ctx: AppContext, done: Imported) -> None:
        count = len(done.added_runs) + len(done.merged_after)
        super().__init__(ctx, ImportUndo.tr("import of %1").replace("%1", runs_words(count)))
        self.done = done
        self.count = count
        self._pushed = False
        self.imported = True  # what the store holds after the last step that worked
        self._asked: deque[bool] = deque()  # steps waiting their turn: True = import again
        self._running = False

    @property
    def busy(self) -> bool:
        """True while a step is being written or waits to be."""
        return self._running or bool(self._asked)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._ask(True)

    def undo(self) -> None:
        self._ask(False)

    def _ask(self, imported: bool) -> None:
        self._asked.append(imported)
        if not self._running:
            self._next()

    def _next(self) -> None:
        while self._asked and self._asked[0] == self.imported:
            self._asked.popleft()  # already so (the step before it did not work)
        if not self._asked:
            return
        again = self._asked.popleft()
        self._running = True
        self.ctx.ops.run_in_background(
            redo_import if again else undo_import, self.done,
            on_done=lambda outcome: self._ended(outcome, again), reload=True,
        )

    def _ended(self, outcome: Outcome[Any], again: bool) -> None:
        self._running = False
        if outcome.ok:
            self.imported = again
            if again:
                self.say(ImportUndo.tr("The import is back: %1.")
                         .replace("%1", runs_words(self.count)))
            else:
                self.say(ImportUndo.tr("Import undone: the %1 it brought are gone; runs it merged "
                             "into are as they were.").replace("%1", runs_words(self.count)))
        else:
            self.error = outcome.message
            self.say(ImportUndo.tr("That did not work: %1").replace("%1", outcome.message))
        self._next()


def data_undo_stack(window: QWidget) -> QUndoStack | None:
    """The Today tab's undo stack in ``window``'s tabs, if there is one."""
    tabs = getattr(window, "tabs", None)
    if tabs is None:
        return None
    for index in range(tabs.count()):
        tab = tabs.widget(index)
        stack = getattr(tab, "undo_stack", None)
        if tab.objectName() == TODAY_TAB and isinstance(stack, QUndoStack):
            return stack
    return None


def offer_undo(ctx: AppContext, window: QWidget, done: Imported) -> bool:
    """Put ``done`` on the undo stack; False when there is nothing to undo or no stack."""
    if not (done.added_runs or done.merged_after):
        return False
    stack = data_undo_stack(window)
    if stack is None:
        return False
    stack.push(ImportCommand(ctx, done))
    return True
