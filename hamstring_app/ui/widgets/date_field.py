"""A date typed the way people write it, read when it is complete.

A text box (in the locale's numeric order, e.g. 09/03/2026) with a calendar button.
The date is read on Enter or when the box loses focus, never per keystroke, so typing
and correcting a date loads nothing on the way. Up and Down move a day at once; the
calendar picks a day with the mouse or the arrow keys.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from hamstring_app.ui.dates import edit_format, from_qdate, to_qdate


def parse_typed_date(text: str, fmt: str, today: date | None = None) -> date | None:
    """``text`` as a date in the order of ``fmt`` (e.g. dd/MM/yyyy); None if it is not one.

    Any non-digits separate the parts; a year first (2026-03-09) is always read as
    year-month-day; a two-digit year is in this century; a missing year is this year."""
    parts = [int(p) for p in re.findall(r"\d+", text)]
    order = sorted("dMy", key=lambda letter: fmt.find(letter))
    digits = re.findall(r"\d+", text)
    if len(parts) == 3 and len(digits[0]) == 4:
        order = ["y", "M", "d"]
    elif len(parts) == 2:
        order = [letter for letter in order if letter != "y"]
        parts.append((today or date.today()).year)
        order.append("y")
    elif len(parts) != 3:
        return None
    values = dict(zip(order, parts, strict=True))
    year = values["y"]
    if year < 100:
        year += 2000
    try:
        return date(year, values["M"], values["d"])
    except ValueError:
        return None


class DateField(QWidget):
    """A date box with a calendar button. ``dateChanged`` fires once per date chosen."""

    dateChanged = Signal(QDate)
    invalidEntered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._format = edit_format()
        self._date = QDate.currentDate()
        self._maximum: QDate | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self._hint())
        self.line.setMaxLength(24)
        width = self.line.fontMetrics().horizontalAdvance(self._hint() + "00")
        self.line.setMinimumWidth(width)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setAccessibleName(self.tr("Choose a date from a calendar"))
        self.calendar_button.setToolTip(self.tr("Choose a date from a calendar"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.line)
        self.line.returnPressed.connect(self.commit)
        self.line.editingFinished.connect(self.commit)
        self.line.installEventFilter(self)
        self.calendar_button.clicked.connect(self.show_calendar)
        self._show()

    def _hint(self) -> str:
        return (
            self._format.replace("yyyy", self.tr("yyyy"))
            .replace("MM", self.tr("mm"))
            .replace("dd", self.tr("dd"))
        )

    # -- the QDateEdit-like API ---------------------------------------------------------

    def displayFormat(self) -> str:
        return self._format

    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, value: QDate) -> None:
        """Show ``value`` (clamped to the maximum); ``dateChanged`` fires if it changed."""
        if self._maximum is not None and value > self._maximum:
            value = QDate(self._maximum)
        changed = value != self._date
        self._date = QDate(value)
        self._show()
        if changed and not self.signalsBlocked():
            self.dateChanged.emit(QDate(value))

    def setMaximumDate(self, value: QDate) -> None:
        self._maximum = QDate(value)
        if self._date > value:
            self.setDate(value)

    def maximumDate(self) -> QDate | None:
        return self._maximum

    def text(self) -> str:
        return self.line.text()

    def selectAll(self) -> None:
        self.line.selectAll()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        self.line.setToolTip(text)

    def setFocusPolicy(self, policy: Qt.FocusPolicy) -> None:
        super().setFocusPolicy(policy)
        self.line.setFocusPolicy(policy)

    def hasFocus(self) -> bool:
        return self.line.hasFocus()

    # -- reading what was typed ---------------------------------------------------------

    def _show(self) -> None:
        self.line.setText(self._date.toString(self._format))

    def commit(self) -> bool:
        """Read the typed text. A date that is not one keeps the last date and says so."""
        text = self.line.text().strip()
        if text == self._date.toString(self._format):
            return True
        day = self.typed_date()
        if day is None or (self._maximum is not None and to_qdate(day) > self._maximum):
            self.invalidEntered.emit(text)
            return False
        self.setDate(to_qdate(day))
        return True

    def typed_date(self) -> date | None:
        """The date in the box as typed (maybe not committed yet); None if it is not one."""
        return parse_typed_date(self.line.text(), self._format, from_qdate(QDate.currentDate()))

    def step(self, days: int) -> None:
        self.setDate(to_qdate(from_qdate(self._date) + timedelta(days=days)))
        self.line.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys sent to the field itself (not its text box) act the same way."""
        if self._key(event):
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        super().keyPressEvent(event)  # ignored: Enter goes on to the form

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self.commit()
            self.step(1 if key == Qt.Key.Key_Up else -1)
            return True
        if key == Qt.Key.Key_F4 or (
            key == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.show_calendar()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._key(event):
                return True
        return super().eventFilter(watched, event)

    # -- the calendar -------------------------------------------------------------------

    def show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget()
        calendar.setAccessibleName(self.tr("Calendar"))
        calendar.setGridVisible(True)
        if self._maximum is not None:
            calendar.setMaximumDate(self._maximum)
        calendar.setSelectedDate(self._date)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            menu.close()
            self.setDate(day)
            self.line.setFocus(Qt.FocusReason.PopupFocusReason)

        calendar.activated.connect(chosen)
        calendar.clicked.connect(chosen)
        calendar.setFocus()
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar_menu = menu  # kept for tests
