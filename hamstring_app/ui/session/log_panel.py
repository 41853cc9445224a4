"""Logging one set: reps or seconds done, load, and pain, from the keyboard.

Pain starts unanswered for every set: a missing answer is never "no pain". Saving asks for
it once; pressing Enter again saves the set without a pain score, on purpose."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import MAX_HOLD_S, MAX_LOAD_KG, MAX_REPS
from hamstring_app.ui.session.plan_view import scaled_font
from hamstring_app.ui.theme import error_colour
from hamstring_app.ui.widgets.mnemonic import keep_mnemonic_whole
from hamstring_app.ui.widgets.pain import PainScale


class LogPanel(QWidget):
    """Reps (or seconds held), load and pain for the set just done. Enter saves."""

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("How did that set go?"))
        self.heading.setFont(scaled_font(self, 1.6, bold=True))
        layout.addWidget(self.heading)
        hint = QLabel(
            self.tr("Type the numbers, Tab to move on, Enter to save. Pain is the most useful one.")
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        big = scaled_font(self, 1.4)
        self.reps_spin = QSpinBox()
        self.reps_spin.setRange(0, MAX_REPS)
        self.reps_spin.setAccessibleName(self.tr("Reps done"))
        self.hold_spin = QSpinBox()
        self.hold_spin.setRange(0, int(MAX_HOLD_S))
        self.hold_spin.setSuffix(self.tr(" s"))
        self.hold_spin.setAccessibleName(self.tr("Seconds held"))
        self.load_spin = QDoubleSpinBox()
        self.load_spin.setRange(0, MAX_LOAD_KG)
        self.load_spin.setDecimals(1)
        self.load_spin.setSingleStep(2.5)
        self.load_spin.setSuffix(self.tr(" kg"))
        self.load_spin.setSpecialValueText(self.tr("body weight"))
        self.load_spin.setAccessibleName(self.tr("Extra load in kilograms, 0 for body weight"))
        self.pain = PainScale(self.tr("Pain during the set, 0 to 10"))
        for spin in (self.reps_spin, self.hold_spin, self.load_spin):
            spin.setFont(big)
            spin.setMinimumWidth(spin.sizeHint().width() + 40)
        self.pain.setFont(scaled_font(self, 1.2))
        self.pain.valueChanged.connect(self._pain_changed)
        self.reps_label = QLabel(self.tr("&Reps done"))
        self.reps_label.setBuddy(self.reps_spin)
        self.hold_label = QLabel(self.tr("&Seconds held"))
        self.hold_label.setBuddy(self.hold_spin)
        load_label = QLabel(self.tr("&Load"))
        load_label.setBuddy(self.load_spin)
        pain_label = QLabel(self.tr("&Pain (0-10)"))
        pain_label.setBuddy(self.pain)
        for label in (self.reps_label, self.hold_label, load_label, pain_label):
            label.setFont(big)
            keep_mnemonic_whole(label)
        form.addRow(self.reps_label, self.reps_spin)
        form.addRow(self.hold_label, self.hold_spin)
        form.addRow(load_label, self.load_spin)
        self.pain_error = QLabel()
        self.pain_error.setWordWrap(True)
        self.pain_error.setObjectName("painError")
        self.pain_error.setAccessibleName(self.tr("Pain not answered"))
        self.pain_error.setStyleSheet(f"color: {error_colour().name()}; font-weight: 600;")
        self.pain_error.setVisible(False)
        form.addRow(pain_label, self.pain)
        form.addRow("", self.pain_error)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem with the set"))
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        self.save_button = QPushButton(self.tr("Save set (Enter)"))
        self.save_button.setFont(big)
        self.save_button.setAccessibleName(self.tr("Save this set"))
        self.save_button.clicked.connect(self.save_requested)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setTabOrder(self.reps_spin, self.hold_spin)
        self.setTabOrder(self.hold_spin, self.load_spin)
        self.setTabOrder(self.load_spin, self.pain)
        self.setTabOrder(self.pain, self.save_button)
        self._is_hold = False
        self._skip_pain_armed = False  # the runner was told; Enter again saves without pain

    def prepare(
        self,
        *,
        is_hold: bool,
        target: int,
        load_kg: float | None,
        title: str,
    ) -> None:
        """Fill the form with sensible defaults: the target and the last load. Pain starts
        unanswered: each set is scored afresh."""
        self._is_hold = is_hold
        self.heading.setText(title)
        for widget in (self.reps_label, self.reps_spin):
            widget.setVisible(not is_hold)
        for widget in (self.hold_label, self.hold_spin):
            widget.setVisible(is_hold)
        spin = self.hold_spin if is_hold else self.reps_spin
        spin.setValue(target)
        self.load_spin.setValue(load_kg or 0.0)
        self.pain.clear()
        self._pain_changed(None)
        self.error_label.setVisible(False)
        spin.setFocus(Qt.FocusReason.OtherFocusReason)
        spin.selectAll()

    def _pain_changed(self, _value: object) -> None:
        self._skip_pain_armed = False
        self.pain_error.setVisible(False)

    def pain_ready(self) -> bool:
        """True when the set may be saved: pain answered, or left out on purpose.

        The first save without a pain score asks for it next to the field and focuses it;
        a second save straight after keeps the set without one."""
        if self.pain.value() is not None or self._skip_pain_armed:
            return True
        self._skip_pain_armed = True
        self.pain_error.setText(
            self.tr("How much did that set hurt? Type 0 to 10. To save the set without a "
                    "pain score, press Enter again.")
        )
        self.pain_error.setVisible(True)
        self.pain.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    @property
    def is_hold(self) -> bool:
        return self._is_hold

    def values(self) -> dict[str, float | int | None]:
        """What was entered, ready for GuidedSession.log_set."""
        for spin in (self.reps_spin, self.hold_spin, self.load_spin):
            spin.interpretText()
        load = self.load_spin.value()
        return {
            "reps": None if self._is_hold else self.reps_spin.value(),
            "hold_s": float(self.hold_spin.value()) if self._is_hold else None,
            "load_kg": load if load > 0 else None,
            "pain": self.pain.value(),  # type: ignore[dict-item]
        }
