"""The week ahead as a strip of 7 days: the run (or rest) with its cap, and strength.

Each day is a button; its menu moves that day's run or strength session to another day.
The strip only asks (``move_requested``); the plan panel checks and saves the move.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QMenu, QSizePolicy, QToolButton, QWidget

from hamstring_app.core.models import Units, Verdict
from hamstring_app.core.runplan import Move, PlanDay
from hamstring_app.core.runplan.caps import cap_text
from hamstring_app.ui.dates import axis_text, day_month_text, day_text
from hamstring_app.ui.theme import verdict_colour

KIND_VERDICT = {
    "run": Verdict.CONTINUE,
    "easy": Verdict.MODIFY,
    "ladder": Verdict.MODIFY,
    "short_easy": Verdict.HOLD,
    "no_run": Verdict.STOP,
}


class DayButton(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDay")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(self.toolButtonStyle())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.day: PlanDay | None = None

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("Strength") + 10, hint.height())


class WeekStrip(QWidget):
    """Seven day buttons; ``show_week(days, units)`` fills them."""

    move_requested = Signal(object)  # Move

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekStrip")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(4)
        self.buttons: list[DayButton] = []
        self.days: tuple[PlanDay, ...] = ()
        self.units = Units.KM
        self.columns = 0
        for _ in range(7):
            self.buttons.append(DayButton())
        self._place(7)

    def _place(self, columns: int) -> None:
        """Lay the days out in rows of ``columns`` (one row when there is room)."""
        if columns == self.columns:
            return
        self.columns = columns
        for b in self.buttons:
            self.grid.removeWidget(b)
        for n, b in enumerate(self.buttons):
            self.grid.addWidget(b, n // columns, n % columns)

    def cell_width(self) -> int:
        return max(b.minimumSizeHint().width() for b in self.buttons) + self.grid.spacing()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.cell_width() * 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fits = max(1, event.size().width() // max(1, self.cell_width()))
        self._place(7 if fits >= 7 else 4)

    def run_words(self, d: PlanDay) -> str:
        """The run line of a day, short enough for a narrow cell."""
        cap = ""
        if d.max_distance_km:
            cap = "≤" + cap_text(d.max_distance_km, self.units)
        elif d.max_minutes:
            cap = self.tr("%d min") % d.max_minutes
        if d.run_kind == "ladder":
            return self.tr("Step %d") % (d.ladder_step or 0) + (
                "\n" + self.tr("%d min") % d.max_minutes if d.max_minutes else ""
            )
        if d.run_kind in ("rest", "no_run"):
            return self.tr("No run") if d.run_kind == "no_run" else self.tr("Rest")
        words = {
            "run": self.tr("Key run") if d.key else self.tr("Run"),
            "easy": self.tr("Easy"),
            "short_easy": self.tr("Short easy"),
        }[d.run_kind]
        return words + ("\n" + cap if cap else "")

    def show_week(self, days: Sequence[PlanDay], units: Units) -> None:
        self.days, self.units = tuple(days), units
        for n, b in enumerate(self.buttons):
            if n >= len(days):
                b.hide()
                continue
            d = days[n]
            b.day = d
            head = self.tr("Today") if n == 0 else axis_text(d.day, "day")
            lines = [head, self.run_words(d)]
            lines.append(self.tr("Strength") if d.strength else " ")
            if d.moved:
                lines[0] += " ↔"
            b.setText("\n".join(lines))
            colour = verdict_colour(KIND_VERDICT.get(d.run_kind, Verdict.CONTINUE))
            edge = colour.name() if d.running else "palette(mid)"
            b.setStyleSheet(
                f"#planDay {{ border: 1px solid palette(mid); border-top: 4px solid {edge}; "
                "border-radius: 4px; padding: 3px; }"
            )
            tip = [day_text(d.day), self.run_words(d).replace("\n", " ")]
            if d.strength:
                tip.append(self.tr("Strength session"))
            if d.note:
                tip.append(d.note)
            b.setToolTip("\n".join(tip))
            b.setAccessibleName(", ".join(t for t in tip if t.strip()))
            b.setMenu(self._menu(n))
            b.show()

    def _menu(self, n: int) -> QMenu | None:
        d = self.days[n]
        if not d.running and not d.strength:
            return None
        menu = QMenu(self)
        others = [(k, o) for k, o in enumerate(self.days) if k != n]
        for kind, has, label in (
            ("run", d.running, self.tr("Move this run to")),
            ("strength", d.strength, self.tr("Move strength to")),
        ):
            if not has:
                continue
            sub = menu.addMenu(label)
            for k, o in others:
                name = self.tr("today") if k == 0 else day_month_text(o.day)
                action = sub.addAction(name)
                action.triggered.connect(
                    lambda _=False, kind=kind, a=d.day, b=o.day: self.move_requested.emit(
                        Move(kind, a, b)
                    )
                )
        return menu
