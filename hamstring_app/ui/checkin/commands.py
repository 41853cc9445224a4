"""Deletes that can be undone (Ctrl+Z). The store hands back what it deleted, whole, and
puts it back with the same id, so undo restores the row exactly."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from hamstring_app.core.models import CheckIn, Run
from hamstring_app.store.errors import Conflict, StoreError
from hamstring_app.ui.checkin.fields import day_words
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import Kind

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("checkin", text)


class _StoreCommand(QUndoCommand):
    """Runs a store write; on failure it says so and drops itself from the stack."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.error: str = ""

    def _fail(self, what: str, exc: StoreError) -> None:
        log.error("%s failed: %s", what, exc)
        self.error = str(exc)
        self.setObsolete(True)
        self.ctx.events.status_message.emit(_tr("That did not work: %s") % exc)


class DeleteCheckInCommand(_StoreCommand):
    def __init__(self, ctx: AppContext, day: date) -> None:
        super().__init__(ctx, _tr("delete the check-in for %s") % day_words(day))
        self.day = day
        self.deleted: CheckIn | None = None

    def redo(self) -> None:
        try:
            self.deleted = self.ctx.repo.delete_checkin(self.day)
        except StoreError as exc:
            self._fail("Deleting a check-in", exc)
            return
        self.ctx.events.changed(Kind.CHECKIN, days=(self.day,))
        self.ctx.events.status_message.emit(
            _tr("Check-in for %s deleted. Ctrl+Z brings it back.") % day_words(self.day)
        )

    def undo(self) -> None:
        if self.deleted is None:
            return
        try:
            self.ctx.repo.restore_checkin(self.deleted)
        except Conflict as exc:
            # a check-in saved for that date after the delete wins; say so, change nothing
            log.info("Not restoring a check-in: %s", exc)
            self.setObsolete(True)
            self.ctx.events.status_message.emit(str(exc))
            return
        except StoreError as exc:
            self._fail("Restoring a check-in", exc)
            return
        self.ctx.events.changed(Kind.CHECKIN, days=(self.day,))
        self.ctx.events.status_message.emit(
            _tr("Check-in for %s is back.") % day_words(self.day)
        )


class DeleteRunCommand(_StoreCommand):
    def __init__(self, ctx: AppContext, run: Run) -> None:
        super().__init__(ctx, _tr("delete a run on %s") % day_words(run.day))
        if run.id is None:
            raise ValueError("only a stored run (with an id) can be deleted")
        self.run_id = run.id
        self.day = run.day
        self.deleted: Run | None = None

    def redo(self) -> None:
        try:
            self.deleted = self.ctx.repo.delete_run(self.run_id)
        except StoreError as exc:
            self._fail("Deleting a run", exc)
            return
        self.ctx.events.changed(Kind.RUN, days=(self.day,))
        self.ctx.events.status_message.emit(
            _tr("Run on %s deleted. Ctrl+Z brings it back.") % day_words(self.day)
        )

    def undo(self) -> None:
        if self.deleted is None:
            return
        try:
            self.ctx.repo.add_run(self.deleted)
        except StoreError as exc:
            self._fail("Restoring a run", exc)
            return
        self.ctx.events.changed(Kind.RUN, days=(self.day,))
        self.ctx.events.status_message.emit(_tr("Run on %s is back.") % day_words(self.day))
