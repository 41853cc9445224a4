"""Small dialogs: "I have been assessed by a professional", "My hamstring hurts again" and
"I have recovered".

Each only builds its record; the caller saves it through ``ctx.ops.run`` (see
:func:`record_assessment` and :func:`start_new_episode`; "I have recovered" is an undoable
command, :class:`EndEpisodeCommand`), so a failure is shown and nothing is half-saved.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.episodes import (
    AssessmentOutcome,
    Episode,
    EpisodeEnd,
    ProfessionalAssessment,
)
from hamstring_app.core.models import PainSite, Referral, Side
from hamstring_app.ui.dates import day_text, from_qdate, to_qdate
from hamstring_app.ui.undo import OpCommand
from hamstring_app.ui.widgets.date_field import DateField
from hamstring_app.ui.widgets.wrap_fit import grow_for_wrapped_text


class EpisodeTexts(QObject):
    """The translation context of this module's texts outside its dialogs."""


def outcome_words(outcome: AssessmentOutcome) -> str:
    """What the professional said, in a few plain words."""
    return {
        AssessmentOutcome.CLEARED_TO_RUN: EpisodeTexts.tr("cleared to run"),
        AssessmentOutcome.REHAB_ONLY: EpisodeTexts.tr("rehab only, no running yet"),
        AssessmentOutcome.NO_RUNNING: EpisodeTexts.tr("no running"),
    }[outcome]


def _day_up_to(today: date) -> DateField:
    """The app's past-date field, starting on ``today`` and not going past it."""
    edit = DateField()
    edit.setMaximumDate(to_qdate(today))
    edit.setDate(to_qdate(today))
    return edit


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.hide()
    return label


def _day_problem(field: DateField, today: date, earliest: date | None, before: str) -> str:
    """Why the typed day cannot be used ("" when it can): not a date, after ``today``, or
    before ``earliest`` (``before`` says so, with ``{day}`` for that day)."""
    day = field.typed_date()
    if day is None:
        return EpisodeTexts.tr("\u201c{text}\u201d is not a date. Type it like {example}.").format(
            text=field.text(), example=to_qdate(today).toString(field.displayFormat())
        )
    if day > today:
        return EpisodeTexts.tr("That day is in the future: give a day up to today.")
    if earliest is not None and day < earliest:
        return before.format(day=day_text(earliest))
    return ""


def _typed_day(field: DateField) -> date:
    day = field.typed_date()
    return day if day is not None else from_qdate(field.date())


def _refused(error: QLabel, problem: str) -> bool:
    """Say ``problem`` under the form, when there is one: the dialog then stays open."""
    if problem:
        error.setText(problem)
        error.show()
    return bool(problem)


def _saved(parent: QWidget, ok: bool, message: str) -> bool:
    """``ok``; when the write failed, after saying why (``message``)."""
    if not ok:
        QMessageBox.warning(parent, EpisodeTexts.tr("Not saved"), message)
    return ok


class _IntroDialog(QDialog):
    """A dialog with a wrapped intro, which keeps all its lines however narrow it opens."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_for_wrapped_text(self)


class AssessedDialog(_IntroDialog):
    """When a qualified professional checked the hamstring, and what they said."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessedDialog")
        self.setWindowTitle(self.tr("I have been assessed"))
        intro = QLabel(
            self.tr(
                "Record that a qualified health professional (a doctor or physiotherapist) has "
                "checked your hamstring. Warning signs you reported up to that day are then "
                "treated as checked."
            )
        )
        intro.setWordWrap(True)
        self.date_edit = _day_up_to(today)
        self.date_edit.setAccessibleName(self.tr("Date of the assessment"))
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("What you were told"))
        self.outcome.addItem(self.tr("Not saying"), None)
        self.outcome.addItem(self.tr("Cleared to run"), AssessmentOutcome.CLEARED_TO_RUN)
        self.outcome.addItem(self.tr("Rehab exercises only, no running yet"),
                             AssessmentOutcome.REHAB_ONLY)
        self.outcome.addItem(self.tr("No running"), AssessmentOutcome.NO_RUNNING)
        self.note = QLineEdit()
        self.note.setMaxLength(2000)
        self.note.setPlaceholderText(self.tr("Optional: who you saw, what they advised"))
        form = QFormLayout()
        form.addRow(self.tr("Assessed on"), self.date_edit)
        form.addRow(self.tr("What you were told"), self.outcome)
        form.addRow(self.tr("Note"), self.note)
        self._today = today
        self.error = _error_label("assessedError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Only a real day up to today is saved; otherwise say why and stay open."""
        if not _refused(self.error, _day_problem(self.date_edit, self._today, None, "")):
            super().accept()

    def assessment(self) -> ProfessionalAssessment:
        said = self.outcome.currentData()  # Qt hands enum data back as plain text
        return ProfessionalAssessment(
            _typed_day(self.date_edit),
            None if said is None else AssessmentOutcome(said),
            self.note.text(),
        )


class NewEpisodeDialog(_IntroDialog):
    """"My hamstring hurts again": a new injury episode, ending the current one."""

    def __init__(
        self, today: date, current: Episode | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newEpisodeDialog")
        self.setWindowTitle(self.tr("My hamstring hurts again"))
        intro = QLabel(
            self.tr(
                "Start a new episode when the pain has come back after it settled. Your "
                "timeline, rehab phase and cadence target start again from its first day; "
                "everything you recorded before is kept."
            )
        )
        intro.setWordWrap(True)
        self.onset = _day_up_to(today)
        self._today = today
        self._earliest = None if current is None else current.onset + timedelta(days=1)
        self.onset.setAccessibleName(self.tr("When the pain started again"))
        self.side = QComboBox()
        for label, value in (
            (self.tr("Left"), Side.LEFT),
            (self.tr("Right"), Side.RIGHT),
            (self.tr("Both"), Side.BOTH),
        ):
            self.side.addItem(label, value)
        self.site = QComboBox()
        self.site.addItem(self.tr("Middle of the back of the thigh"), PainSite.MID_THIGH)
        self.site.addItem(self.tr("High up, near the sit bone"), PainSite.HIGH_NEAR_SIT_BONE)
        if current is not None:
            self.side.setCurrentIndex(max(self.side.findData(current.side), 0))
            self.site.setCurrentIndex(max(self.site.findData(current.pain_site), 0))
        self.long_standing = QCheckBox(self.tr("It has already lasted more than 6 weeks"))
        self.previous = QComboBox()
        self.previous.addItem(self.tr("It had recovered"), EpisodeEnd.RECOVERED)
        self.previous.addItem(self.tr("It had not fully recovered"), EpisodeEnd.CLOSED)
        form = QFormLayout()
        form.addRow(self.tr("Pain started again on"), self.onset)
        form.addRow(self.tr("Which leg"), self.side)
        form.addRow(self.tr("Where it hurts"), self.site)
        form.addRow("", self.long_standing)
        if current is not None:
            form.addRow(self.tr("The last episode"), self.previous)
        self.error = _error_label("newEpisodeError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Only a day after the current episode's start, up to today; else say why."""
        problem = _day_problem(
            self.onset, self._today, self._earliest,
            self.tr("A new episode starts after the current one did: from {day}."),
        )
        if not _refused(self.error, problem):
            super().accept()

    def episode(self) -> Episode:
        return Episode(
            _typed_day(self.onset),
            Side(self.side.currentData()),
            PainSite(self.site.currentData()),
            self.long_standing.isChecked(),
        )

    def previous_end(self) -> EpisodeEnd:
        return EpisodeEnd(self.previous.currentData())


def record_assessment(ctx, parent: QWidget) -> bool:  # type: ignore[no-untyped-def]
    """Ask for the assessment and save it; False when cancelled or not saved."""
    from hamstring_app.store import operations as op

    dialog = AssessedDialog(ctx.clock.today(), parent)
    if not dialog.exec():
        return False
    outcome = ctx.ops.run(op.record_assessment, dialog.assessment())
    return _saved(parent, outcome.ok, outcome.message)


def start_new_episode(ctx, parent: QWidget) -> bool:  # type: ignore[no-untyped-def]
    """Ask for the new episode and start it; False when cancelled or not saved."""
    from hamstring_app.store import operations as op

    episodes = ctx.history.get().episodes
    current = episodes[-1] if episodes and episodes[-1].is_open else None
    dialog = NewEpisodeDialog(ctx.clock.today(), current, parent)
    if not dialog.exec():
        return False
    outcome = ctx.ops.run(
        op.start_episode, dialog.episode(), previous_end=dialog.previous_end()
    )
    return _saved(parent, outcome.ok, outcome.message)


class RecoveredDialog(_IntroDialog):
    """"I have recovered": end the current injury episode, on a day from its onset to
    today. ``caution`` is said above the buttons (something that closing does not change)."""

    def __init__(
        self, today: date, episode: Episode, caution: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveredDialog")
        self.setWindowTitle(self.tr("I have recovered"))
        self._today, self._onset = today, episode.onset
        intro = QLabel(
            self.tr(
                "Close your current injury episode (the pain started on {onset}). The "
                "recovery timeline stops counting; everything you recorded is kept. Keep one "
                "or two strength sessions a week: about a third of hamstring problems come "
                "back within a year. If the pain comes back, use \u201cMy hamstring hurts "
                "again\u201d."
            ).format(onset=day_text(episode.onset))
        )
        intro.setWordWrap(True)
        self.date_edit = _day_up_to(today)
        self.date_edit.setAccessibleName(self.tr("The day it ended"))
        self.reason = QComboBox()
        self.reason.setAccessibleName(self.tr("How it ended"))
        self.reason.addItem(self.tr("It has recovered"), EpisodeEnd.RECOVERED)
        self.reason.addItem(self.tr("Close it, though it has not fully recovered"),
                            EpisodeEnd.CLOSED)
        form = QFormLayout()
        form.addRow(self.tr("Ended on"), self.date_edit)
        form.addRow(self.tr("How it ended"), self.reason)
        self.caution = QLabel(caution)
        self.caution.setObjectName("recoveredCaution")
        self.caution.setWordWrap(True)
        self.caution.setVisible(bool(caution))
        self.error = _error_label("recoveredError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = buttons.addButton(
            self.tr("Close the episode"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.caution)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Only a real day from the onset to today closes it; otherwise say why, stay open."""
        problem = _day_problem(
            self.date_edit, self._today, self._onset,
            self.tr("The day it ended cannot be before the pain started ({day})."),
        )
        if not _refused(self.error, problem):
            super().accept()

    def ended(self) -> date:
        return _typed_day(self.date_edit)

    def end_reason(self) -> EpisodeEnd:
        return EpisodeEnd(self.reason.currentData())


class EndEpisodeCommand(OpCommand):
    """End the current episode; Ctrl+Z makes it current again."""

    def __init__(self, ctx, episode: Episode, ended: date, reason: EpisodeEnd) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, EpisodeTexts.tr("close the injury episode"))
        if episode.id is None:
            raise ValueError("only a stored episode (with an id) can be ended")
        self.episode_id, self.ended, self.reason = episode.id, ended, reason

    def redo(self) -> None:
        from hamstring_app.store import operations as op

        if self.run(op.end_episode, self.episode_id, self.ended, self.reason).ok:
            self.say(EpisodeTexts.tr("Injury episode closed. Ctrl+Z opens it again."))

    def undo(self) -> None:
        from hamstring_app.store import operations as op

        if self.run(op.reopen_episode, self.episode_id).ok:
            self.say(EpisodeTexts.tr("The injury episode is current again."))


def recovered_caution(assessment) -> str:  # type: ignore[no-untyped-def]
    """What closing an episode does not change: an open urgent sign, or a professional's
    "not yet" to running (``assessment``: today's, or None)."""
    if assessment is None:
        return ""
    if assessment.referral is Referral.URGENT:
        return EpisodeTexts.tr(
            "An urgent warning sign is still open. Closing the episode does not close it: "
            "see a professional, then record that you have been assessed."
        )
    if any(x.rule == "pain.professional_no_running" for x in assessment.advice):
        return EpisodeTexts.tr(
            "Your last assessment by a professional said not to run yet. Closing the "
            "episode does not change that: record a new assessment when they clear you "
            "to run."
        )
    return ""


def close_episode(ctx, parent: QWidget, assessment, undo_stack) -> bool:  # type: ignore[no-untyped-def]
    """Ask to close the current episode and push the undoable step; False when there is
    none or it was cancelled."""
    episodes = ctx.history.get().episodes
    if not episodes or not episodes[-1].is_open:
        return False
    current = episodes[-1]
    dialog = RecoveredDialog(ctx.clock.today(), current, recovered_caution(assessment), parent)
    if not dialog.exec():
        return False
    command = EndEpisodeCommand(ctx, current, dialog.ended(), dialog.end_reason())
    undo_stack.push(command)
    return _saved(parent, not command.error, command.error)
