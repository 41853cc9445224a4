"""Small helpers shared by the check-in and run forms: error labels next to fields,
number parsing with messages that name the field, and dates in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QObject, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from hamstring_app.core.models import ValidationError
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.theme import error_colour
from hamstring_app.ui.widgets.mnemonic import keep_mnemonic_whole


class CheckInFields(QObject):
    """The translation context of this module's texts."""


def reveal(widget: QWidget) -> None:
    """Scroll the nearest scroll area holding ``widget`` so that it is in view."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        area = parent  # once the layout has made room for new text in it
        QTimer.singleShot(0, lambda: area.ensureWidgetVisible(widget))


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())


def day_words(day: date, today: date | None = None) -> str:
    """'Today', 'Yesterday' or e.g. 'Mon 16 Mar 2026'."""
    if today is not None:
        if day == today:
            return CheckInFields.tr("Today")
        if day.toordinal() == today.toordinal() - 1:
            return CheckInFields.tr("Yesterday")
    return day_text(day)


def day_phrase(day: date, today: date) -> str:
    """For inside a sentence: 'today', 'yesterday' or 'on Mon 16 Mar 2026'."""
    if day == today:
        return CheckInFields.tr("today")
    if day.toordinal() == today.toordinal() - 1:
        return CheckInFields.tr("yesterday")
    return CheckInFields.tr("on %s") % day_words(day)


def sentence(message: str) -> str:
    """A validation message as a sentence: capital first letter, full stop at the end."""
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("fieldError")
    label.setStyleSheet(f"color: {error_colour().name()}; font-weight: 600;")
    label.hide()
    return label


class FieldErrors:
    """Error labels keyed by field name; shows one message next to its field."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

    def add_row(
        self,
        form: QFormLayout,
        text: str,
        widget: QWidget,
        name: str,
        *aliases: str,
    ) -> QLabel:
        """Add ``widget`` to ``form`` with an error label under it; returns the row label."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        label = error_label()
        column.addWidget(label)
        row_label = keep_mnemonic_whole(QLabel(text))
        row_label.setBuddy(widget)
        form.addRow(row_label, box)
        for key in (name, *aliases):
            self.labels[key] = label
            self.inputs[key] = widget
        return row_label

    def register(self, name: str, label: QLabel, widget: QWidget) -> None:
        self.labels[name] = label
        self.inputs[name] = widget

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(self, error: ValidationError, fallback: QLabel | None = None) -> QLabel | None:
        """Show the error next to its field (or in ``fallback``); focus the field.

        An error with ``problems`` (several fields wrong) shows each next to its field
        and focuses the first."""
        problems = getattr(error, "problems", None)
        if problems:
            shown = [self._show_one(p, fallback, focus=False) for p in problems]
            self._focus(problems[0])
            return shown[0]
        return self._show_one(error, fallback)

    def _focus(self, error: ValidationError) -> None:
        widget = self.inputs.get(error.field)
        if widget is not None:
            widget.setFocus()

    def _show_one(
        self, error: ValidationError, fallback: QLabel | None, *, focus: bool = True
    ) -> QLabel | None:
        label = self.labels.get(error.field, fallback)
        if label is None:
            return None
        label.setText(sentence(error.message))
        label.show()
        if focus:
            self._focus(error)
        return label

    def message(self, name: str) -> str:
        label = self.labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""


def parse_number(
    name: str, text: str, *, whole: bool = False, what: str = "a number"
) -> float | int | None:
    """Typed text to a number. Empty means not answered (None)."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValidationError(
            name, CheckInFields.tr("should be %s, not “%s”") % (what, text.strip())
        ) from None
    if whole:
        if not value.is_integer():
            raise ValidationError(
                name, CheckInFields.tr("should be a whole number, not %s") % cleaned
            )
        return int(value)
    return value


def format_number(value: float | None, decimals: int = 2) -> str:
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
