"""The end of a session: what was done, the highest pain, and a Finish button."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import SetLog
from hamstring_app.ui.session.plan_view import scaled_font
from hamstring_app.ui.texts import counted
from hamstring_app.ui.widgets.pain import band_text, pain_band


class SummaryPanel(QWidget):
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setFont(scaled_font(self, 1.6, bold=True))
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Session summary"))
        layout.addWidget(self.headline)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setFont(scaled_font(self, 1.2))
        layout.addWidget(self.detail)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Exercise"), self.tr("Set"), self.tr("Done"), self.tr("Pain")]
        )
        self.table.setAccessibleName(self.tr("Sets done in this session"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.finish_button = QPushButton(self.tr("Finish and save (Enter)"))
        self.finish_button.setFont(scaled_font(self, 1.3, bold=True))
        self.finish_button.setAccessibleName(self.tr("Finish the session"))
        self.finish_button.clicked.connect(self.finish_requested)
        layout.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_sets(
        self,
        sets: Sequence[SetLog],
        names: Mapping[str, str],
        *,
        planned: int | None = None,
        ended_early: bool = False,
    ) -> None:
        """Show what was done. With ``planned`` (the sets in the plan), say what was
        skipped; ``ended_early`` says the runner stopped before the end."""
        done = [s for s in sets if s.completed]
        exercises = {s.exercise_id for s in done}
        pains = [s.pain for s in done if s.pain is not None]
        skipped = max(0, (planned or 0) - len(done)) if planned is not None else 0
        self.headline.setText(self.headline_text(len(done), len(exercises), planned,
                                                 ended_early))
        parts = []
        if skipped:
            parts.append(counted(skipped, self.tr("1 set skipped."),
                                 self.tr("%n sets skipped.", "", skipped)))
        if not done:
            parts.append(self.tr("That is fine. Try again when you feel ready."))
        elif pains:
            top = max(pains)
            parts.append(
                self.tr(
                    "Highest pain: {pain}/10 ({band}). Tomorrow morning's check-in asks "
                    "how the hamstring answered; that decides the next step."
                ).format(pain=top, band=band_text(pain_band(top)))
            )
        else:
            parts.append(self.tr("Tomorrow morning's check-in asks how it went."))
        self.detail.setText(" ".join(parts))
        self._fill_table(sets, names)

    def headline_text(
        self, done: int, exercises: int, planned: int | None, ended_early: bool
    ) -> str:
        if not done:
            return self.tr("No sets were logged this time.")
        if ended_early and planned:
            return self.tr("Ended early: {done} of {planned} sets done.").format(
                done=done, planned=planned
            )
        if planned and done < planned:
            return self.tr("{done} of {planned} sets done.").format(done=done, planned=planned)
        sets_words = counted(done, self.tr("1 set"), self.tr("%n sets", "", done))
        exercise_words = counted(exercises, self.tr("1 exercise"),
                                 self.tr("%n exercises", "", exercises))
        return self.tr("Session complete: {sets} of {exercises} done.").format(
            sets=sets_words, exercises=exercise_words
        )

    def _fill_table(self, sets: Sequence[SetLog], names: Mapping[str, str]) -> None:
        self.table.setRowCount(len(sets))
        for row, s in enumerate(sets):
            if s.hold_s is not None:
                amount = self.tr("{s:g} s").format(s=s.hold_s)
            elif s.reps is not None:
                amount = counted(s.reps, self.tr("1 rep"), self.tr("%n reps", "", s.reps))
            else:
                amount = "–"
            if s.load_kg:
                amount += self.tr(", {kg:g} kg").format(kg=s.load_kg)
            if not s.completed:
                amount += self.tr(" (stopped)")
            values = [
                names.get(s.exercise_id, s.exercise_id),
                str(s.set_number),
                amount,
                "–" if s.pain is None else f"{s.pain}/10",
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
