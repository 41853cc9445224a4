"""Answer widgets shared by the check-in and the guided session: a 0-10 pain scale and a
yes/no choice, and the one table of pain bands both show.

Each takes keyboard focus as one control (one Tab stop, so forms stay fast), shows
"not answered" as no button pressed, and never turns a missing answer into a zero or a "no".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from hamstring_app.core.models import Verdict
from hamstring_app.ui.theme import verdict_colour, verdict_fill

PAIN_BANDS = ((0, 3, Verdict.CONTINUE), (4, 5, Verdict.HOLD), (6, 10, Verdict.STOP))
"""The pain bands used for load-related pain (low, high, verdict colour): mild is fine,
moderate is the most to accept, more than that is too much."""


def pain_band(value: int) -> int:
    """Index into PAIN_BANDS for a pain score."""
    for index, (low, high, _verdict) in enumerate(PAIN_BANDS):
        if low <= value <= high:
            return index
    raise ValueError(f"pain must be 0-10, not {value}")


def band_colour(index: int) -> QColor:
    return verdict_colour(PAIN_BANDS[index][2])


class PainBand(QObject):
    """The translation context of the pain bands' words."""


def band_word(index: int) -> str:
    """The band's one word: mild, moderate, too much."""
    return (PainBand.tr("mild"), PainBand.tr("moderate"), PainBand.tr("too much"))[index]


def band_text(index: int) -> str:
    """The band with its numbers, e.g. "0–3 mild"."""
    return (
        PainBand.tr("0–3 mild"),
        PainBand.tr("4–5 moderate, no more"),
        PainBand.tr("6+ too much"),
    )[index]


def button_style(checked_background: str, checked_text: str = "palette(highlighted-text)") -> str:
    """A pressed answer stands out clearly: filled and bold."""
    return (
        "QPushButton { padding: 3px 4px; border: 1px solid palette(mid); border-radius: 3px;"
        " background: palette(button); color: palette(button-text); }"
        "QPushButton:hover { border-color: palette(highlight); }"
        f"QPushButton:checked {{ background: {checked_background}; color: {checked_text};"
        f" border-color: {checked_background}; font-weight: bold; }}"
        "QPushButton:disabled { color: palette(mid); }"
    )


class ChoiceStrip(QWidget):
    """A row of toggle buttons where at most one is pressed; None means "not answered".

    One Tab stop. Left/Right move the answer, Delete or Backspace clears it, and clicking
    the pressed button clears it too. The value is always reported through
    ``valueChanged(object)``.
    """

    valueChanged = Signal(object)

    def __init__(
        self,
        choices: Sequence[tuple[object, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._values = [value for value, _ in choices]
        self._value: object = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setProperty("drawsFocusRing", True)  # its own, round the whole strip
        self.buttons: list[QPushButton] = []
        for value, label in choices:
            button = QPushButton(label)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
            button.setAccessibleName(label)
            button.clicked.connect(lambda _checked=False, v=value: self._clicked(v))
            button.setStyleSheet(button_style("palette(highlight)"))
            self.buttons.append(button)

    # -- value ---------------------------------------------------------------------------

    def value(self) -> object:
        return self._value

    def setValue(self, value: object) -> None:
        if value is not None and value not in self._values:
            raise ValueError(f"{value!r} is not one of the choices")
        changed = value != self._value or (value is None) != (self._value is None)
        self._value = value
        for v, button in zip(self._values, self.buttons, strict=True):
            button.setChecked(value is not None and v == value and type(v) is type(value))
        self._describe()
        self.update()
        if changed:
            self.valueChanged.emit(value)

    def clear(self) -> None:
        self.setValue(None)

    def _clicked(self, value: object) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.setValue(None if self._value == value and self._value is not None else value)

    def text_for(self, value: object) -> str:
        if value is None:
            return self.tr("not answered")
        index = self._values.index(value)
        return self.buttons[index].text()

    def _describe(self) -> None:
        self.setAccessibleDescription(self.text_for(self._value))

    # -- keyboard ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.setValue(None)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self._step(+1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self._step(-1)
        elif key == Qt.Key.Key_Home:
            self.setValue(self._values[0])
        elif key == Qt.Key.Key_End:
            self.setValue(self._values[-1])
        elif not self.handle_text(event.text()):
            super().keyPressEvent(event)
            return
        event.accept()

    def handle_text(self, text: str) -> bool:
        """Subclasses turn typed characters into answers. True when handled."""
        return False

    def _step(self, delta: int) -> None:
        if self._value is None:
            self.setValue(self._values[0] if delta > 0 else self._values[-1])
            return
        index = self._values.index(self._value) + delta
        self.setValue(self._values[max(0, min(len(self._values) - 1, index))])

    # -- focus frame ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
        pen.setWidth(2)
        painter.setPen(pen)
        painter.drawRoundedRect(QRect(1, 1, self.width() - 2, self.height() - 2), 4, 4)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()


class YesNo(ChoiceStrip):
    """A clear yes/no answer that may be left unanswered. Keys: Y, N, Delete."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(((True, self.tr("Yes")), (False, self.tr("No"))), parent)
        self.setAccessibleName(accessible_name)
        self.setToolTip(self.tr("Y for yes, N for no, Delete to leave it unanswered"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(4)
        for button in self.buttons:
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("Yes") * 3)
            layout.addWidget(button)
        layout.addStretch(1)
        self._describe()

    def handle_text(self, text: str) -> bool:
        lowered = text.lower()
        if lowered == self.tr("y").lower():
            self.setValue(True)
        elif lowered == self.tr("n").lower():
            self.setValue(False)
        else:
            return False
        return True


class PainScale(ChoiceStrip):
    """Pain on the 0-10 numeric rating scale, with its anchors and bands on show.

    Type a digit to answer (1 then 0 gives 10), use the arrow keys, or click a number.
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__([(n, str(n)) for n in range(11)], parent)
        self.setAccessibleName(accessible_name)
        self.setToolTip(
            self.tr("Type 0 to 10 (1 then 0 for 10) or use the arrow keys; Delete clears")
        )
        self._last_digit: str = ""
        grid = QGridLayout(self)
        grid.setContentsMargins(3, 3, 3, 3)
        grid.setHorizontalSpacing(2)
        grid.setVerticalSpacing(1)
        for n, button in enumerate(self.buttons):
            button.setToolTip(band_text(pain_band(n)))
            # a pressed number: white on the band's fill colour, on both palettes
            fill = verdict_fill(PAIN_BANDS[pain_band(n)][2])
            button.setStyleSheet(button_style(fill.name(), "white"))
            grid.addWidget(button, 0, n)
        self.band_labels: list[QLabel] = []
        for index, (low, high, _verdict) in enumerate(PAIN_BANDS):
            # the coloured rule spans the band's numbers; the word names it
            label = QLabel(band_word(index))
            label.setToolTip(band_text(index))
            label.setAccessibleName(band_text(index))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            colour = band_colour(index)
            label.setStyleSheet(
                f"border-top: 4px solid {colour.name()}; color: palette(window-text);"
                " padding-top: 1px;"
            )
            grid.addWidget(label, 1, low, 1, high - low + 1)
            self.band_labels.append(label)
        self.low_anchor = QLabel(self.tr("0 no pain"))
        self.high_anchor = QLabel(self.tr("10 worst imaginable"))
        for anchor in (self.low_anchor, self.high_anchor):
            anchor.setForegroundRole(QPalette.ColorRole.WindowText)  # readable, not greyed
            anchor.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grid.addWidget(self.low_anchor, 2, 0, 1, 5, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.high_anchor, 2, 5, 1, 6, Qt.AlignmentFlag.AlignRight)
        for column in range(12):  # the numbers grow to their roomy width, then the rest
            grid.setColumnStretch(column, 1)
        self._fit_buttons()
        self._describe()

    def _fit_buttons(self) -> None:
        """Every number the same width: never narrower than "10" with its padding, nor
        than half the "moderate" band word (its label spans two numbers), and roomier
        when the row has the space, so the scale fits a narrow window with a large font."""
        metrics = self.fontMetrics()
        spacing = self.layout().horizontalSpacing()
        word = metrics.horizontalAdvance(band_word(1))  # "moderate", over two numbers
        narrow = max(metrics.horizontalAdvance("10") + 12, -(-(word + 4 - spacing) // 2))
        roomy = max(narrow, metrics.horizontalAdvance("10") + 14, (word + 12) // 2)
        for button in self.buttons:
            button.setMinimumWidth(narrow)
            button.setMaximumWidth(roomy)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # styled children keep their own font: hand the new one down explicitly
            for child in (*self.buttons, *self.band_labels, self.low_anchor, self.high_anchor):
                child.setFont(self.font())
            self._fit_buttons()
            self.updateGeometry()

    def text_for(self, value: object) -> str:
        if value is None:
            return self.tr("not answered")
        assert isinstance(value, int)
        return self.tr("%1 out of 10, %2").replace("%1", str(value)).replace(
            "%2", band_text(pain_band(value))
        )

    def handle_text(self, text: str) -> bool:
        if not (len(text) == 1 and text.isdigit()):
            self._last_digit = ""
            return False
        if self._last_digit == "1" and text == "0" and self._value == 1:
            self.setValue(10)
            self._last_digit = ""
        else:
            self.setValue(int(text))
            self._last_digit = text
        return True

    def focusOutEvent(self, event) -> None:
        self._last_digit = ""
        super().focusOutEvent(event)
