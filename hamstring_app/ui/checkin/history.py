"""Past check-ins, runs and professional assessments: a sortable table (newest first) with
edit and delete (an assessment is deleted and recorded again, not edited).

Deleting asks nothing: it goes on the undo stack, and Ctrl+Z brings the row back exactly.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.episodes import ProfessionalAssessment
from hamstring_app.core.models import CheckIn, History, Run, Units
from hamstring_app.core.rules.days import checkin_pain
from hamstring_app.ui.checkin.commands import (
    DeleteAssessmentCommand,
    DeleteCheckInCommand,
    DeleteRunCommand,
)
from hamstring_app.ui.checkin.history_columns import (
    PAIN,
    WARNINGS,
    fit_columns,
    red_flag_short,
    warning_signs_text,
)
from hamstring_app.ui.checkin.history_rows import (
    HistoryRow,
    assessment_summary,
    checkin_summary,
)
from hamstring_app.ui.checkin.runs import run_summary
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.dates import day_text

ROW_ROLE = Qt.ItemDataRole.UserRole + 2


class HistoryModel(QAbstractTableModel):
    """One row per check-in, per run and per professional assessment. Sorts itself (fast
    for years of rows)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("HistoryModel", "Date"),
        QT_TRANSLATE_NOOP("HistoryModel", "Entry"),
        QT_TRANSLATE_NOOP("HistoryModel", "Pain"),
        QT_TRANSLATE_NOOP("HistoryModel", "Warnings"),
        QT_TRANSLATE_NOOP("HistoryModel", "Details"),
    )
    DETAILS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self.units = Units.KM
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.DescendingOrder
        self.pain_marks = False  # the Warnings column is hidden: the pain cell names the signs

    def set_data(
        self,
        checkins: tuple[CheckIn, ...],
        runs: tuple[Run, ...],
        units: Units,
        assessments: tuple[ProfessionalAssessment, ...] = (),
    ) -> None:
        self.beginResetModel()
        self.units = units
        rows = [HistoryRow(c.day, c, None, (c.day.toordinal(), 1, 0)) for c in checkins]
        rows += [HistoryRow(r.day, None, r, (r.day.toordinal(), 0, r.id or 0)) for r in runs]
        rows += [
            HistoryRow(a.day, None, None, (a.day.toordinal(), 2, a.id or 0), a)
            for a in assessments
        ]
        self._rows = self._sorted(rows)
        self.endResetModel()

    def rows(self) -> list[HistoryRow]:
        return list(self._rows)

    def find(self, day: date, run_id: int | None = None) -> int:
        """The row showing that check-in (run_id None) or run, or -1."""
        for index, row in enumerate(self._rows):
            if row.day != day:
                continue
            is_run = row.run is not None and row.run.id == run_id
            if (run_id is None and row.is_checkin) or is_run:
                return index
        return -1

    # -- sorting ---------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self._rows = self._sorted(self._rows)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[HistoryRow]) -> list[HistoryRow]:
        column = self._sort_column
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        # ties always fall back to the date, newest first within the chosen order
        by_date = sorted(rows, key=_date_key, reverse=True)  # C-speed: the key is stored
        if column == 0:
            return by_date if descending else by_date[::-1]
        return sorted(by_date, key=lambda r: self._sort_key(r, column), reverse=descending)

    def _sort_key(self, row: HistoryRow, column: int) -> object:
        if column == 2:
            text = self._text(row, 2)
            return int(text.split("/")[0]) if text else -1
        return self._text(row, column).lower()

    # -- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        flags = row.checkin.red_flags if row.checkin is not None else ()
        marked = flags and (column == WARNINGS or (column == PAIN and self.pain_marks))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._text(row, column)
            if marked and column == PAIN:
                return f"{text}. {warning_signs_text(flags, lines=False)}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return day_text(row.day)
            if column == self.DETAILS:
                return self._text(row, column)
            if marked:
                return warning_signs_text(flags, lines=True)
        return None

    def set_pain_marks(self, on: bool) -> None:
        """The pain cells name a check-in's warning signs (while the Warnings column is
        hidden and a ⚠ stands beside the pain) or not."""
        if on != self.pain_marks:
            self.pain_marks = on
            if self._rows:
                self.dataChanged.emit(self.index(0, PAIN), self.index(len(self._rows) - 1, PAIN),
                                      [Qt.ItemDataRole.AccessibleTextRole,
                                       Qt.ItemDataRole.ToolTipRole])

    def _text(self, row: HistoryRow, column: int) -> str:
        c, r = row.checkin, row.run
        if column == 0:
            return day_text(row.day)
        if row.assessment is not None:
            if column == 1:
                return self.tr("Assessment")
            if column == self.DETAILS:
                return assessment_summary(row.assessment)
            return ""
        if column == 1:
            return self.tr("Check-in") if c else self.tr("Run")
        if column == 2:
            pain = checkin_pain(c) if c else (r.pain if r else None)
            return "" if pain is None else f"{pain}/10"
        if column == 3:
            if not c:
                return ""
            flags = c.red_flags
            if flags:
                return "⚠ " + ", ".join(red_flag_short(f) for f in flags)
            return self.tr("none")
        if c:
            text = checkin_summary(c)
            return f"{text}; “{c.note}”" if c.note else text
        assert r is not None
        return run_summary(r, self.units)


_date_key = attrgetter("date_key")


class HistoryTable(QTableView):
    """Delete removes the selected entry, Enter opens it for editing. ``resized``: the
    room for the columns changed (the viewport's size, or the font)."""

    delete_pressed = Signal()
    edit_pressed = Signal()
    resized = Signal()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.resized.emit()
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.resized.emit()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class HistoryPanel(QWidget):
    """The table with its buttons. ``edit_requested(day, run_id | None)`` opens an entry."""

    edit_requested = Signal(object, object)

    def __init__(
        self, ctx: AppContext, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.ctx = ctx
        self.undo_stack = undo_stack
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        title = QLabel(self.tr("History"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        heading.addWidget(title)
        heading.addStretch(1)
        self.edit_button = QPushButton(self.tr("Open"))
        self.edit_button.setAccessibleName(self.tr("Open the selected entry for editing"))
        self.edit_button.setToolTip(self.tr("Enter or double-click"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected entry"))
        self.delete_button.setToolTip(self.tr("Delete key; Ctrl+Z brings it back"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo the last delete or change"))
        self.undo_button.setToolTip(self.tr("Ctrl+Z"))
        for button in (self.edit_button, self.delete_button, self.undo_button):
            button.setAutoDefault(False)
            heading.addWidget(button)
        layout.addLayout(heading)

        self.model = HistoryModel(self)
        self.table = HistoryTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(
            self.tr("History of check-ins, runs and assessments by a professional")
        )
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # the columns fit the table's width, measured from the texts they can hold, not
        # from the rows (years of history cost nothing to lay out); long text is elided
        self.columns = fit_columns(self.table, ROW_ROLE)
        self.columns.marks_changed.connect(self.model.set_pain_marks)
        self.model.set_pain_marks(self.columns.pains.marks)
        self.table.resized.connect(self.columns.fit_later)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(
            self.tr("Your past check-ins, runs and assessments will be listed here, newest "
                    "first.")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty_label, 1)

        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.edit_pressed.connect(self.open_selected)
        self.table.delete_pressed.connect(self.delete_selected)
        self.edit_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def load(self, history: History) -> None:
        """Show every check-in and run of ``history``."""
        profile = history.profile
        units = profile.units if profile is not None else Units.KM
        self.model.set_data(history.checkins, history.runs, units, history.assessments)
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)
        self._update_buttons()

    def selected_row(self) -> HistoryRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(ROW_ROLE)

    def select(self, day: date, *, run_id: int | None = None) -> bool:
        row = self.model.find(day, run_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected_row()
        has = row is not None
        # an assessment is not edited: delete it (Ctrl+Z brings it back) and record it again
        self.edit_button.setEnabled(has and row.assessment is None)
        self.delete_button.setEnabled(has)

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.assessment is not None:
            return
        self.edit_requested.emit(row.day, row.run.id if row.run else None)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        at = self.table.selectionModel().selectedRows()[0].row()
        if row.checkin is not None:
            self.undo_stack.push(DeleteCheckInCommand(self.ctx, row.day))
        elif row.run is not None:
            self.undo_stack.push(DeleteRunCommand(self.ctx, row.run))
        elif row.assessment is not None and row.assessment.id is not None:
            self.undo_stack.push(DeleteAssessmentCommand(self.ctx, row.assessment))
        # keep the keyboard where it was, on the row that moved into this place, but
        # select nothing: a second Delete must not remove another entry by itself
        self.table.clearSelection()
        if self.model.rowCount():
            index = self.model.index(min(at, self.model.rowCount() - 1), 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._update_buttons()
