"""The review list: every activity found, what will happen to it, before anything is saved.

The runner can untick rows and change a run's type and RPE (double-click, or F2);
duplicates and skipped files are listed greyed, with why, and cannot be ticked. Nothing
here writes: the dialog hands back the rows, and the controller imports them in one
transaction. A model, not a widget per cell, so a 1,000-activity export opens at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import RunType, Units
from hamstring_app.importer.plan import PlanRow, Status
from hamstring_app.ui.checkin.fields import format_number
from hamstring_app.ui.checkin.runs import run_type_words, to_display, unit_word
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.widgets.first_paint import AfterFirstPaint
from hamstring_app.ui.window_size import FRAME_GUESS, fitted_size, free_area

COLUMNS = (
    "",
    QT_TRANSLATE_NOOP("ReviewModel", "Date"),
    QT_TRANSLATE_NOOP("ReviewModel", "Distance"),
    QT_TRANSLATE_NOOP("ReviewModel", "Time"),
    QT_TRANSLATE_NOOP("ReviewModel", "Type"),
    QT_TRANSLATE_NOOP("ReviewModel", "RPE"),
    QT_TRANSLATE_NOOP("ReviewModel", "Cadence"),
    QT_TRANSLATE_NOOP("ReviewModel", "Descent"),
    QT_TRANSLATE_NOOP("ReviewModel", "Status"),
    QT_TRANSLATE_NOOP("ReviewModel", "Why / file"),
)
INCLUDE, DATE, DISTANCE, TIME, TYPE, RPE, CADENCE, DESCENT, STATUS, WHY = range(len(COLUMNS))
#: the widest text each column usually holds, measured in the dialog's font (a width for
#: each from the data itself would ask for every row); the date is worked out per month
SAMPLES = ("", "", "888.8 km", "8:88:88", "", "10", "888 spm", "8888 m", "", "")
WHY_CHARS = 30  # the last column stretches: this is its least width, in average characters

Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TEXT = frozenset({_DISPLAY, Qt.ItemDataRole.ToolTipRole.value})
_CHECK = Qt.ItemDataRole.CheckStateRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_PLAIN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_GREYED = Qt.ItemFlag.ItemIsSelectable
_TICKABLE = _PLAIN | Qt.ItemFlag.ItemIsUserCheckable
_EDITABLE = _PLAIN | Qt.ItemFlag.ItemIsEditable
_ROLES = _TEXT | {_CHECK, _FOREGROUND, _EDIT, Qt.ItemDataRole.AccessibleTextRole.value}


def _duration(minutes: float | None) -> str:
    if minutes is None:
        return ""
    total = round(minutes * 60)
    hours, rest = divmod(total, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class ReviewModel(QAbstractTableModel):
    ticks_changed = Signal()

    def __init__(self, rows: Sequence[PlanRow], units: Units, parent: QWidget) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        self._units = units
        self._types = run_type_words()
        self._days: dict[date, str] = {}  # dates as shown, once each
        self._texts: list[list[str] | None] = [None] * len(self.rows)  # a row's, once shown
        self._grey = parent.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self._headers = [self.tr(c) for c in COLUMNS]
        self._status = {
            Status.NEW: self.tr("new"),
            Status.DUPLICATE: self.tr("duplicate"),
            Status.MERGE: self.tr("merge"),
            Status.SKIPPED: self.tr("skipped"),
        }

    def headings(self) -> list[str]:
        return list(self._headers)

    def status_words(self) -> list[str]:
        return list(self._status.values())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def text(self, row: PlanRow, column: int) -> str:
        a = row.activity
        if column == DATE:
            if not row.day:
                return ""
            if row.day not in self._days:  # the locale's pattern is worked out each time
                self._days[row.day] = day_text(row.day)
            return self._days[row.day]
        if column == STATUS:
            return self._status[row.status]
        if column == WHY:
            parts = [row.reason, row.source, *(a.details if a else ())]
            return "; ".join(p for p in parts if p)
        if a is None:
            return ""
        if column == DISTANCE:
            shown = format_number(to_display(a.distance_km, self._units))
            return f"{shown} {unit_word(self._units)}"
        if column == TIME:
            return _duration(a.duration_min)
        if column == TYPE:
            return self._types[row.run_type] if row.can_include else ""
        if column == RPE:
            return "" if row.rpe is None or not row.can_include else str(row.rpe)
        if column == CADENCE:
            return f"{a.cadence_spm} spm" if a.cadence_spm else ""
        if column == DESCENT:
            return f"{a.descent_m:.0f} m" if a.descent_m is not None else ""
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # asked for each visible cell in many roles on every paint: the common answers
        # first, with no more calls into Qt than needed
        if role not in _ROLES:
            return None
        r = index.row()
        column = index.column()
        if not 0 <= r < len(self.rows):
            return None
        if role in _TEXT:
            texts = self._texts[r]
            if texts is None:
                row = self.rows[r]
                texts = self._texts[r] = [self.text(row, c) for c in range(len(COLUMNS))]
            return texts[column]
        row = self.rows[r]
        if role == _CHECK:
            if column == INCLUDE and row.can_include:
                return Qt.CheckState.Checked if row.include else Qt.CheckState.Unchecked
            return None
        if role == _FOREGROUND:
            return None if row.can_include else self._grey
        if role == _EDIT:
            return str(row.run_type) if column == TYPE else (-1 if row.rpe is None else row.rpe)
        if column == INCLUDE:  # the accessible text
            return self.tr("Import this run") if row.can_include else self.tr("Not imported")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.rows[index.row()]
        if not row.can_include:
            return _GREYED
        column = index.column()
        if column == INCLUDE:
            return _TICKABLE
        if column == RPE or (column == TYPE and row.status is Status.NEW):
            return _EDITABLE  # a merge keeps the runner's type
        return _PLAIN

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.rows[index.row()]
        if not row.can_include:
            return False
        column = index.column()
        if column == INCLUDE and role == Qt.ItemDataRole.CheckStateRole:
            row.include = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index)
            self.ticks_changed.emit()
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == TYPE:
            row.run_type = RunType(value)
        elif column == RPE:
            row.rpe = None if value is None or int(value) < 0 else int(value)
        else:
            return False
        self._texts[index.row()] = None
        self.dataChanged.emit(index, index)
        return True


class _Editors(QStyledItemDelegate):
    """A list of run types for Type, a 0-10 box for RPE."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == TYPE:
            box = QComboBox(parent)
            box.setAccessibleName(self.tr("Type of run"))
            for kind, word in run_type_words().items():
                box.addItem(word, str(kind))
            return box
        spin = QSpinBox(parent)
        spin.setRange(-1, 10)
        spin.setSpecialValueText("–")
        spin.setAccessibleName(self.tr("Effort (RPE 0-10)"))
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value())


class ReviewDialog(QDialog):
    listed = Signal()  # the rows have been painted for the first time

    def __init__(
        self, rows: Sequence[PlanRow], units: Units = Units.KM, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import runs"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = ReviewModel(rows, units, self)
        self.rows = self.model.rows
        self.table = QTableView()
        # the headings first, the rows a turn after the dialog's first paint (see _fill)
        self.table.setModel(ReviewModel((), units, self))
        self.table.setItemDelegate(_Editors(self.table))
        self.table.setAccessibleName(self.tr("Activities found"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._column_widths: list[int] = []
        self._size_columns()
        self.waiting = QLabel(self.tr("Reading the list..."))
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self.table.viewport()).addWidget(self.waiting)
        layout.addWidget(self.table, 1)
        self.hint = QLabel(self.tr("Double-click a run's type or RPE to change it."))
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.model.ticks_changed.connect(self._update_summary)
        self._update_summary()
        # its usual size, made smaller on a small screen (a 1024x640 laptop)
        self.resize(fitted_size(QSize(1140, 560), free_area(self), FRAME_GUESS))
        # the frame, headings and buttons are painted first, on their own: the rows come
        # a turn later, and their first paint another turn after that (each would hold
        # the event loop up for about a frame; all three together, for several)
        self.filler = AfterFirstPaint(self.waiting, self._fill)
        self.ready = False  # True once the rows have been painted

    @property
    def filled(self) -> bool:
        return self.table.model() is self.model

    def fill_now(self) -> None:
        """Put the rows in the list now (a dialog used before it was painted)."""
        self.filler.run_now()

    def _fill(self) -> None:
        if self.filled:
            return
        headings = self.table.model()
        self.table.setModel(self.model)
        headings.deleteLater()
        self._size_columns()
        self.waiting.hide()
        AfterFirstPaint(self.table.viewport(), self._shown)

    def _shown(self) -> None:
        self.ready = True
        self.listed.emit()

    def _size_columns(self) -> None:
        if not self._column_widths:
            self._column_widths = self._widths()
        header = self.table.horizontalHeader()
        for column, width in enumerate(self._column_widths):
            header.resizeSection(column, width)

    def _widths(self) -> list[int]:
        """Each column's width from the font: its heading or its widest usual text."""
        metrics = self.table.fontMetrics()
        pad = 2 * metrics.averageCharWidth() + 8
        heading = self.table.horizontalHeader().fontMetrics()
        samples = list(SAMPLES)
        samples[DATE] = max((day_text(date(2026, month, 28)) for month in range(1, 13)),
                            key=metrics.horizontalAdvance)
        samples[TYPE] = max(run_type_words().values(), key=metrics.horizontalAdvance)
        samples[STATUS] = max(self.model.status_words(), key=metrics.horizontalAdvance)
        widths = [max(metrics.horizontalAdvance(text), heading.horizontalAdvance(name) + 8)
                  + pad for text, name in zip(samples, self.model.headings(), strict=True)]
        widths[INCLUDE] = metrics.height() + pad  # the tick box
        widths[WHY] = metrics.averageCharWidth() * WHY_CHARS
        return widths

    def set_included(self, index: int, included: bool) -> None:
        state = Qt.CheckState.Checked if included else Qt.CheckState.Unchecked
        self.model.setData(self.model.index(index, INCLUDE), state.value,
                           Qt.ItemDataRole.CheckStateRole)

    def _update_summary(self) -> None:
        rows = self.model.rows
        ticked = [r for r in rows if r.include and r.can_include]
        new = sum(1 for r in ticked if r.status is Status.NEW)
        merge = sum(1 for r in ticked if r.status is Status.MERGE)
        dup = sum(1 for r in rows if r.status is Status.DUPLICATE)
        skipped = sum(1 for r in rows if r.status is Status.SKIPPED)
        self.summary.setText(
            self.tr("%1 new runs to add and %2 to merge into runs you typed in. "
                    "%3 already saved and %4 skipped (see why in the list). "
                    "Untick what you do not want; nothing is saved until you press Import.")
            .replace("%1", str(new)).replace("%2", str(merge))
            .replace("%3", str(dup)).replace("%4", str(skipped))
        )
        self.import_button.setEnabled(bool(ticked))
        self.import_button.setText(self.tr("Import %1").replace("%1", str(len(ticked))))
