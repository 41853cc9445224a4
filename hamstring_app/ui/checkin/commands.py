"""Deletes that can be undone (Ctrl+Z). The store hands back what it deleted, whole, and
puts it back with the same id, so undo restores the row exactly. Each step is an
operation run through the app's runner (``ui.undo.OpCommand``)."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QObject

from hamstring_app.core.episodes import ProfessionalAssessment
from hamstring_app.core.models import CheckIn, Run
from hamstring_app.store import operations as op
from hamstring_app.store.errors import Conflict
from hamstring_app.ui.checkin.fields import day_words
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.undo import OpCommand


class CheckInCommands(QObject):
    """The translation context of these commands' texts."""


log = logging.getLogger(__name__)


class DeleteCheckInCommand(OpCommand):
    def __init__(self, ctx: AppContext, day: date) -> None:
        super().__init__(ctx, CheckInCommands.tr("delete the check-in for %s") % day_words(day))
        self.day = day
        self.deleted: CheckIn | None = None

    def redo(self) -> None:
        outcome = self.run(op.delete_checkin, self.day)
        if outcome.ok:
            self.deleted = outcome.value
            self.say(CheckInCommands.tr("Check-in for %s deleted. Ctrl+Z brings it back.")
                     % day_words(self.day))

    def undo(self) -> None:
        if self.deleted is None:
            return
        outcome = self.ctx.ops.run(op.restore_checkin, self.deleted)
        if isinstance(outcome.error, Conflict):
            # a check-in saved for that date after the delete wins; say so, change nothing
            log.info("Not restoring a check-in: %s", outcome.message)
            self.fail(outcome.message, outcome.message)
        elif not outcome.ok:
            self.fail(CheckInCommands.tr("That did not work: %s") % outcome.message,
                      outcome.message)
        else:
            self.say(CheckInCommands.tr("Check-in for %s is back.") % day_words(self.day))


class DeleteRunCommand(OpCommand):
    def __init__(self, ctx: AppContext, run: Run) -> None:
        super().__init__(ctx, CheckInCommands.tr("delete a run on %s") % day_words(run.day))
        if run.id is None:
            raise ValueError("only a stored run (with an id) can be deleted")
        self.run_id = run.id
        self.day = run.day
        self.deleted: Run | None = None

    def redo(self) -> None:
        outcome = self.run(op.delete_run, self.run_id)
        if outcome.ok:
            self.deleted = outcome.value
            self.say(CheckInCommands.tr("Run on %s deleted. Ctrl+Z brings it back.")
                     % day_words(self.day))

    def undo(self) -> None:
        if self.deleted is not None and self.run(op.restore_run, self.deleted).ok:
            self.say(CheckInCommands.tr("Run on %s is back.") % day_words(self.day))


class DeleteAssessmentCommand(OpCommand):
    """Delete an "assessed by a professional" record; undo records it again, same id."""

    def __init__(self, ctx: AppContext, assessment: ProfessionalAssessment) -> None:
        super().__init__(
            ctx, CheckInCommands.tr("delete the assessment of %s") % day_words(assessment.day)
        )
        if assessment.id is None:
            raise ValueError("only a stored assessment (with an id) can be deleted")
        self.assessment_id = assessment.id
        self.day = assessment.day
        self.deleted: ProfessionalAssessment | None = None

    def redo(self) -> None:
        outcome = self.run(op.delete_assessment, self.assessment_id)
        if outcome.ok:
            self.deleted = outcome.value
            self.say(
                CheckInCommands.tr("Assessment of %s deleted. Ctrl+Z brings it back.")
                % day_words(self.day)
            )

    def undo(self) -> None:
        if self.deleted is not None and self.run(op.record_assessment, self.deleted).ok:
            self.say(CheckInCommands.tr("Assessment of %s is back.") % day_words(self.day))
