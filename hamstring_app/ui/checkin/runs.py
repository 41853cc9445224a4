"""The day's runs: a list with add, edit and delete, and an editor in the same tab.

Distances are typed and shown in the profile's units (km or miles) and stored in km.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import (
    MAX_NOTE_CHARS,
    Run,
    RunType,
    Units,
    ValidationError,
    check_not_future,
)
from hamstring_app.store import operations as op
from hamstring_app.ui.checkin.commands import DeleteRunCommand
from hamstring_app.ui.checkin.fields import (
    FieldErrors,
    day_phrase,
    error_label,
    format_number,
)
from hamstring_app.ui.checkin.run_reading import (
    RunTexts,
    read_run,
    to_display,
    unit_word,
)
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.widgets.pain import PainScale

log = logging.getLogger(__name__)


class RunTypes(QObject):
    """The translation context of the run types' names."""


def run_type_words() -> dict[RunType, str]:
    return {
        RunType.EASY: RunTypes.tr("Easy"),
        RunType.LONG: RunTypes.tr("Long"),
        RunType.TEMPO: RunTypes.tr("Tempo"),
        RunType.INTERVALS: RunTypes.tr("Intervals"),
        RunType.HILLS: RunTypes.tr("Hills"),
        RunType.RACE: RunTypes.tr("Race"),
        RunType.OTHER: RunTypes.tr("Other"),
    }


def run_summary(run: Run, units: Units) -> str:
    """One line about a run, e.g. 'Easy 8 km, 48 min, effort 4/10, pain 2/10'."""
    words = run_type_words()
    parts = [f"{words[run.type]} {format_number(to_display(run.distance_km, units))} "
             f"{unit_word(units)}"]
    if run.duration_min is not None:
        parts.append(f"{format_number(run.duration_min, 0)} min")
    if run.rpe is not None:
        parts.append(f"effort {run.rpe}/10")
    if run.pain is not None:
        parts.append(f"pain {run.pain}/10")
    if run.note:
        parts.append(f"“{run.note}”")
    return ", ".join(parts)


class RunsPanel(QGroupBox):
    """Runs for one date. Every write goes through the repository and is announced."""

    saved = Signal(object)  # Run
    editor_opened = Signal()

    def __init__(
        self, ctx: AppContext, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("runsPanel")
        self.ctx = ctx
        self.undo_stack = undo_stack
        self._day = ctx.clock.today()
        self._units = Units.KM
        self._editing: Run | None = None
        self._runs: tuple[Run, ...] = ()
        self.errors = FieldErrors()
        self._build()
        self.load()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        # flush with the check-in's boxes above: side margins would widen the form
        layout.setContentsMargins(0, 6, 0, 6)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Runs on this day"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 6)
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("No runs logged for this day."))
        self.empty_label.setEnabled(False)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add ru&n"))
        self.add_button.setAccessibleName(self.tr("Add a run"))
        self.edit_button = QPushButton(self.tr("Ed&it run"))
        self.edit_button.setAccessibleName(self.tr("Edit the selected run"))
        self.delete_button = QPushButton(self.tr("Delete run"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected run"))
        self.delete_button.setToolTip(self.tr("Ctrl+Z brings it back"))
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.start_new)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        self.editor = QGroupBox()
        self.editor.setObjectName("runEditor")
        form = QFormLayout(self.editor)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.distance = QLineEdit()
        self.distance.setAccessibleName(self.tr("Distance"))
        self.distance_label = self.errors.add_row(form, "", self.distance, "distance_km")
        self.duration = QLineEdit()
        self.duration.setPlaceholderText(self.tr("minutes"))
        self.duration.setAccessibleName(self.tr("Duration in minutes"))
        self.errors.add_row(form, self.tr("D&uration (min)"), self.duration, "duration_min")
        self.type = QComboBox()
        for run_type, words in run_type_words().items():
            self.type.addItem(words, run_type)
        self.type.setAccessibleName(self.tr("Type of run"))
        self.errors.add_row(form, self.tr("Ty&pe"), self.type, "type")
        self.rpe = QSpinBox()
        self.rpe.setRange(-1, 10)
        self.rpe.setSpecialValueText(self.tr("not answered"))
        self.rpe.setSuffix(" / 10")
        self.rpe.setAccessibleName(self.tr("Effort, 0 rest to 10 maximal"))
        self.errors.add_row(form, self.tr("Effort (0-10)"), self.rpe, "rpe")
        self.pain = PainScale(self.tr("Pain during this run, 0 to 10"))
        self.errors.add_row(form, self.tr("Pain during"), self.pain, "pain")
        self.pain.setToolTip(
            self.tr("The same question as “During the run” in the check-in: answer it in "
                    "either place and the other is filled in.")
        )
        self.cadence = QLineEdit()
        self.cadence.setPlaceholderText(self.tr("steps per minute (optional)"))
        self.cadence.setAccessibleName(self.tr("Cadence in steps per minute"))
        self.errors.add_row(form, self.tr("Cadence"), self.cadence, "cadence_spm")
        self.descent = QLineEdit()
        self.descent.setPlaceholderText(self.tr("metres downhill (optional)"))
        self.descent.setAccessibleName(self.tr("Descent in metres"))
        self.errors.add_row(form, self.tr("Descent (m)"), self.descent, "descent_m")
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE_CHARS)
        self.note.setAccessibleName(self.tr("Run note"))
        self.errors.add_row(form, self.tr("Note"), self.note, "note")
        self.editor_error = error_label()
        self.errors.register("date", self.editor_error, self.distance)
        form.addRow(self.editor_error)
        editor_buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save run"))
        self.save_button.setAccessibleName(self.tr("Save run"))
        self.save_button.setToolTip(self.tr("Enter or Ctrl+S"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel editing the run"))
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
            editor_buttons.addWidget(button)
        editor_buttons.addStretch(1)
        form.addRow(editor_buttons)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.editor.hide()
        layout.addWidget(self.editor)

        for first, second in (
            (self.distance, self.duration),
            (self.duration, self.type),
            (self.type, self.rpe),
            (self.rpe, self.pain),
            (self.pain, self.cadence),
            (self.cadence, self.descent),
            (self.descent, self.note),
            (self.note, self.save_button),
            (self.save_button, self.cancel_button),
        ):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ state

    @property
    def editing(self) -> bool:
        return not self.editor.isHidden()

    @property
    def editing_new(self) -> bool:
        """The editor is open for a run not saved yet."""
        return self.editing and self._editing is None

    def runs(self) -> tuple[Run, ...]:
        return self._runs

    def set_day(self, day: date) -> None:
        if day != self._day:
            self._day = day
            self.cancel()
        self.load()

    def load(self) -> None:
        profile = self.ctx.repo.get_profile()
        self._units = profile.units if profile is not None else Units.KM
        self.distance_label.setText(self.tr("Distan&ce (%s)") % unit_word(self._units))
        self.distance.setPlaceholderText(self.tr("e.g. 8.5 %s") % unit_word(self._units))
        today = self.ctx.clock.today()
        self._runs = self.ctx.repo.runs_on(self._day) if self._day <= today else ()
        self.setTitle(self.tr("Runs %s") % day_phrase(self._day, today))
        self.list.clear()
        for run in self._runs:
            item = QListWidgetItem(run_summary(run, self._units))
            item.setData(Qt.ItemDataRole.UserRole, run.id)
            self.list.addItem(item)
        self.list.setVisible(bool(self._runs))
        self.empty_label.setVisible(not self._runs)
        self.add_button.setEnabled(self._day <= today)
        self._update_buttons()

    def _selected(self) -> Run | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        run_id = item.data(Qt.ItemDataRole.UserRole)
        return next((r for r in self._runs if r.id == run_id), None)

    def select_run(self, run_id: int) -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == run_id:
                self.list.setCurrentItem(item)
                item.setSelected(True)
                return True
        return False

    def _update_buttons(self) -> None:
        has = self._selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # ------------------------------------------------------------------ editor

    def start_new(self) -> None:
        self._open_editor(None)

    def edit_selected(self) -> None:
        run = self._selected()
        if run is not None:
            self._open_editor(run)

    def edit_run(self, run_id: int) -> bool:
        if self.select_run(run_id):
            self.edit_selected()
            return True
        return False

    def _open_editor(self, run: Run | None) -> None:
        self._editing = run
        self.errors.clear()
        self.editor.setTitle(self.tr("Edit run") if run else self.tr("New run"))
        self.distance.setText(
            format_number(to_display(run.distance_km, self._units)) if run else ""
        )
        self.duration.setText(format_number(run.duration_min, 1) if run else "")
        self.type.setCurrentIndex(self.type.findData(str(run.type if run else RunType.EASY)))
        self.rpe.setValue(-1 if run is None or run.rpe is None else run.rpe)
        self.pain.setValue(run.pain if run else None)
        self.cadence.setText(str(run.cadence_spm) if run and run.cadence_spm else "")
        self.descent.setText(format_number(run.descent_m, 0) if run else "")
        self.note.setText(run.note if run else "")
        self.editor.show()
        self.distance.setFocus()
        self.editor_opened.emit()

    def cancel(self) -> None:
        had_focus = self.editor.isAncestorOf(QApplication.focusWidget())
        self._editing = None
        self.errors.clear()
        self.editor.hide()
        if had_focus:  # the keyboard stays on the day's runs, not wherever Qt puts it
            self.keep_focus()

    def keep_focus(self) -> None:
        target = self.list if self.list.count() else self.add_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def collect(self) -> Run:
        """The run the editor describes, in km. Raises FieldProblems naming every bad
        field (ValidationError for the date)."""
        check_not_future("date", self._day, self.ctx.clock.today())
        rpe = self.rpe.value()
        texts = RunTexts(
            distance=self.distance.text(),
            duration=self.duration.text(),
            cadence=self.cadence.text(),
            descent=self.descent.text(),
            note=self.note.text(),
            type=RunType(self.type.currentData()),
            rpe=None if rpe < 0 else rpe,
            pain=self.pain.value(),
        )
        return read_run(texts, self._day, self._units, self._editing)

    def save(self) -> bool:
        self.errors.clear()
        try:
            run = self.collect()
        except ValidationError as exc:
            self.errors.show(exc, self.editor_error)
            return False
        outcome = self.ctx.ops.run(op.save_run, run)
        if not outcome.ok:
            if isinstance(outcome.error, ValidationError):
                self.errors.show(outcome.error, self.editor_error)
            else:
                self.editor_error.setText(
                    self.tr("The run could not be saved: %s Your entries are still here.")
                    % outcome.message
                )
                self.editor_error.show()
            return False
        stored = outcome.value
        assert stored is not None
        self.cancel()
        self.ctx.events.status_message.emit(
            self.tr("Run saved: %s.") % run_summary(stored, self._units)
        )
        self.load()
        if stored.id is not None:
            self.select_run(stored.id)
        self.keep_focus()
        self.saved.emit(stored)
        return True

    def delete_selected(self) -> None:
        run = self._selected()
        if run is None:
            return
        if self._editing is not None and self._editing.id == run.id:
            self.cancel()
        self.undo_stack.push(DeleteRunCommand(self.ctx, run))

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.editing and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            event.accept()
            return
        if self.editing and key == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
            return
        if key == Qt.Key.Key_Delete and self.list.hasFocus():
            self.delete_selected()
            event.accept()
            return
        super().keyPressEvent(event)
