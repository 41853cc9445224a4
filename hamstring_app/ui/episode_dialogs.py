"""Two small dialogs: "I have been assessed by a professional" and "My hamstring hurts again".

Each only builds its record; the caller saves it through ``ctx.ops.run`` (see
:func:`record_assessment` and :func:`start_new_episode`), so a failure is shown and nothing
is half-saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
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
from hamstring_app.core.models import PainSite, Side
from hamstring_app.ui.dates import edit_format
from hamstring_app.ui.profile_dialog import from_qdate, to_qdate


def _day_up_to(today: date) -> QDateEdit:
    """A date picker that starts on ``today`` and cannot go past it."""
    edit = QDateEdit(to_qdate(today))
    edit.setCalendarPopup(True)
    edit.setMaximumDate(to_qdate(today))
    edit.setDisplayFormat(edit_format())
    return edit


class AssessedDialog(QDialog):
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def assessment(self) -> ProfessionalAssessment:
        said = self.outcome.currentData()  # Qt hands enum data back as plain text
        return ProfessionalAssessment(
            from_qdate(self.date_edit.date()),
            None if said is None else AssessmentOutcome(said),
            self.note.text(),
        )


class NewEpisodeDialog(QDialog):
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
        if current is not None:
            self.onset.setMinimumDate(to_qdate(current.onset).addDays(1))
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def episode(self) -> Episode:
        return Episode(
            from_qdate(self.onset.date()),
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
    if not outcome.ok:
        QMessageBox.warning(parent, parent.tr("Not saved"), outcome.message)
        return False
    return True


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
    if not outcome.ok:
        QMessageBox.warning(parent, parent.tr("Not saved"), outcome.message)
        return False
    return True
