"""The week ahead as a strip of 7 days: the run (or rest) with its cap, and strength.

Each day is a button; its menu moves that day's run or strength session to another day.
The strip only asks (``move_requested``); the plan panel checks and saves the move.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
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


# the card's frame (stylesheet below): side borders and padding, the coloured top edge, and
# room at the bottom for the menu arrow so it never sits on the text
BORDER, TOP_EDGE, PADDING, ARROW_ROOM = 1, 4, 4, 9


def card_style(edges: dict[str, str]) -> str:
    """One style sheet for the seven cards (set on the strip: Qt reads it once, instead of
    once per card on every redraw); each card's ``edge`` property picks the colour of its
    top edge from ``edges``."""
    rules = [
        f"#planDay {{ border: {BORDER}px solid palette(mid); "
        f"border-top: {TOP_EDGE}px solid palette(mid); border-radius: 4px; "
        f"padding: {PADDING}px; padding-bottom: {ARROW_ROOM}px; }}",
        "#planDay::menu-indicator { subcontrol-origin: padding; "
        "subcontrol-position: bottom right; right: 2px; bottom: 1px; }",
    ]
    rules += [f'#planDay[edge="{key}"] {{ border-top-color: {colour}; }}'
              for key, colour in edges.items()]
    return " ".join(rules)


def edge_colours() -> dict[str, str]:
    """The top edge's colour of a running day, by the kind of run's verdict."""
    return {verdict.name: verdict_colour(verdict).name() for verdict in Verdict}


class DayButton(QToolButton):
    """One day's card: its size is worked out from its own lines of text, so nothing clips
    at any font size; the strip makes every card as wide as the widest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDay")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.day: PlanDay | None = None
        # (text, font) -> card size: layouts ask for the size hints many times a redraw
        self._card: tuple[tuple[str, str], QSize] | None = None

    def text_size(self) -> QSize:
        """What the lines of text need, without the frame."""
        fm = self.fontMetrics()
        lines = self.text().split("\n")
        width = max(fm.horizontalAdvance(line) for line in lines)
        return QSize(width, fm.lineSpacing() * len(lines))

    def card_size(self) -> QSize:
        key = (self.text(), self.font().key())
        if self._card is None or self._card[0] != key:
            text = self.text_size()
            self._card = (key, QSize(
                text.width() + 2 * (BORDER + PADDING) + 2,
                text.height() + TOP_EDGE + BORDER + PADDING + ARROW_ROOM + 2,
            ))
        return QSize(self._card[1])

    def sizeHint(self) -> QSize:
        return self.card_size()

    def minimumSizeHint(self) -> QSize:
        return self.card_size()


class WeekStrip(QWidget):
    """Seven day cards; ``show_week(days, units)`` fills them. One row when they fit, else
    rows of 4 (or fewer, in a very narrow space), every card as wide as the widest."""

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
        # one menu per day, kept: filled as it opens (building seven menus of moves on
        # every redraw cost milliseconds, and the old ones were never freed)
        self.menus: list[QMenu] = []
        for n in range(7):
            self.buttons.append(DayButton())
            menu = QMenu(self)
            menu.aboutToShow.connect(lambda n=n: self._fill_menu(n))
            self.menus.append(menu)
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
        for c in range(7):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        self.updateGeometry()

    def card_width(self) -> int:
        shown = [b for b in self.buttons if not b.isHidden()] or self.buttons
        return max(b.card_size().width() for b in shown)

    def cell_width(self) -> int:
        return self.card_width() + self.grid.spacing()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.cell_width() * 2, hint.height())

    def _fits(self, width: int) -> int:
        return max(1, (width + self.grid.spacing()) // max(1, self.cell_width()))

    def _relayout(self, width: int) -> None:
        wide = self.card_width()
        tall = max(b.card_size().height() for b in self.buttons)
        for b in self.buttons:
            b.setMinimumSize(wide, tall)
        fits = self._fits(width)
        self._place(7 if fits >= 7 else max(2, min(4, fits)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout(event.size().width())

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
        sheet = card_style(edge_colours())  # the colours follow the light or dark theme
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)
        for n, b in enumerate(self.buttons):
            if n >= len(days):
                b.hide()
                continue
            d = days[n]
            b.day = d
            # weekday and day: the month is in the tooltip, so the card stays narrow
            head = self.tr("Today") if n == 0 else axis_text(d.day, "day")
            run = self.run_words(d).split("\n")
            # the same four lines on every card (day, run, cap, strength), so they line up
            lines = [head, *run, *[" "] * (2 - len(run))]
            lines.append(self.tr("Strength") if d.strength else " ")
            if d.moved:
                lines[0] += " ↔"
            b.setText("\n".join(lines))
            edge = KIND_VERDICT.get(d.run_kind, Verdict.CONTINUE).name if d.running else ""
            if b.property("edge") != edge:  # a new colour only: restyling costs
                b.setProperty("edge", edge)
                b.style().unpolish(b)
                b.style().polish(b)
            tip = [day_text(d.day), self.run_words(d).replace("\n", " ")]
            if d.strength:
                tip.append(self.tr("Strength session"))
            if d.note:
                tip.append(d.note)
            b.setToolTip("\n".join(tip))
            b.setAccessibleName(", ".join(t for t in tip if t.strip()))
            b.setMenu(self.menus[n] if d.running or d.strength else None)  # type: ignore[arg-type]
            b.show()
        for b in self.buttons:
            b.updateGeometry()
        self._relayout(self.width())
        self.updateGeometry()

    def _fill_menu(self, n: int) -> None:
        menu = self.menus[n]
        for sub in menu.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
            sub.deleteLater()  # the last opening's lists of days
        menu.clear()
        if n >= len(self.days):
            return
        d = self.days[n]
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
