"""The review list: every activity found, what will happen to it, before anything is saved.

The runner can untick rows and change a run's type and RPE; duplicates and skipped files
are listed (greyed, with why) but cannot be ticked. Nothing here writes: the dialog hands
back the rows, and the controller imports them in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import RunType, Units
from hamstring_app.importer.plan import PlanRow, Status
from hamstring_app.ui.checkin.fields import format_number
from hamstring_app.ui.checkin.runs import run_type_words, to_display, unit_word

COLUMNS = ("", "Date", "Distance", "Time", "Type", "RPE", "Cadence", "Descent", "Status",
           "Why / file")  # fmt: skip
INCLUDE, DATE, DISTANCE, TIME, TYPE, RPE, CADENCE, DESCENT, STATUS, WHY = range(len(COLUMNS))


def _duration(minutes: float | None) -> str:
    if minutes is None:
        return ""
    total = round(minutes * 60)
    hours, rest = divmod(total, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class ReviewDialog(QDialog):
    def __init__(
        self, rows: Sequence[PlanRow], units: Units = Units.KM, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import runs"))
        self.rows = list(rows)
        self._units = units
        self._status_words = {
            Status.NEW: self.tr("new"),
            Status.DUPLICATE: self.tr("duplicate"),
            Status.MERGE: self.tr("merge"),
            Status.SKIPPED: self.tr("skipped"),
        }
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(self.rows), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Activities found"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.type_boxes: dict[int, QComboBox] = {}
        self.rpe_boxes: dict[int, QSpinBox] = {}
        for index, row in enumerate(self.rows):
            self._fill(index, row)
        self.table.itemChanged.connect(self._ticked)

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_summary()
        self.resize(1100, 560)

    # ------------------------------------------------------------------ rows

    def _fill(self, index: int, row: PlanRow) -> None:
        a = row.activity
        tick = QTableWidgetItem()
        if row.can_include:
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                          | Qt.ItemFlag.ItemIsSelectable)
            tick.setCheckState(Qt.CheckState.Checked if row.include else Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Import this run"))
        else:
            tick.setFlags(Qt.ItemFlag.ItemIsSelectable)
        self.table.setItem(index, INCLUDE, tick)
        texts = {
            DATE: row.day.isoformat() if row.day else "",
            STATUS: self._status_words[row.status],
            WHY: "; ".join(part for part in (row.reason, row.source) if part),
        }
        if a is not None:
            texts[DISTANCE] = (
                f"{format_number(to_display(a.distance_km, self._units))} {unit_word(self._units)}"
            )
            texts[TIME] = _duration(a.duration_min)
            texts[CADENCE] = f"{a.cadence_spm} spm" if a.cadence_spm else ""
            texts[DESCENT] = f"{a.descent_m:.0f} m" if a.descent_m is not None else ""
            if a.details:
                texts[WHY] = "; ".join(part for part in (texts[WHY], *a.details) if part)
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if not row.can_include:
                item.setForeground(QBrush(self.palette().color(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)))
            self.table.setItem(index, column, item)
        if a is None or not row.can_include:
            return
        kinds = QComboBox()
        kinds.setAccessibleName(self.tr("Type of run"))
        for kind, word in run_type_words().items():
            kinds.addItem(word, str(kind))
        kinds.setCurrentIndex(kinds.findData(str(row.run_type)))
        kinds.currentIndexChanged.connect(
            lambda _i, r=row, box=kinds: setattr(r, "run_type", RunType(box.currentData()))
        )
        if row.status is Status.MERGE:
            kinds.setEnabled(False)  # the runner's own run keeps its type
        self.table.setCellWidget(index, TYPE, kinds)
        self.type_boxes[index] = kinds
        rpe = QSpinBox()
        rpe.setRange(-1, 10)
        rpe.setSpecialValueText(self.tr("–"))
        rpe.setAccessibleName(self.tr("Effort (RPE 0-10)"))
        rpe.setValue(-1 if row.rpe is None else row.rpe)
        rpe.valueChanged.connect(
            lambda value, r=row: setattr(r, "rpe", None if value < 0 else value)
        )
        self.table.setCellWidget(index, RPE, rpe)
        self.rpe_boxes[index] = rpe

    def _ticked(self, item: QTableWidgetItem) -> None:
        if item.column() != INCLUDE:
            return
        row = self.rows[item.row()]
        if row.can_include:
            row.include = item.checkState() == Qt.CheckState.Checked
            self._update_summary()

    def set_included(self, index: int, included: bool) -> None:
        item = self.table.item(index, INCLUDE)
        item.setCheckState(Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)

    def _update_summary(self) -> None:
        ticked = [r for r in self.rows if r.include and r.can_include]
        new = sum(1 for r in ticked if r.status is Status.NEW)
        merge = sum(1 for r in ticked if r.status is Status.MERGE)
        dup = sum(1 for r in self.rows if r.status is Status.DUPLICATE)
        skipped = sum(1 for r in self.rows if r.status is Status.SKIPPED)
        self.summary.setText(
            self.tr("%1 new runs to add and %2 to merge into runs you typed in. "
                    "%3 already saved and %4 skipped (see why in the list). "
                    "Untick what you do not want; nothing is saved until you press Import.")
            .replace("%1", str(new)).replace("%2", str(merge))
            .replace("%3", str(dup)).replace("%4", str(skipped))
        )
        self.import_button.setEnabled(bool(ticked))
        self.import_button.setText(self.tr("Import %1").replace("%1", str(len(ticked))))
