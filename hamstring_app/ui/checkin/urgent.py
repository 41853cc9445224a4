"""The warning for an urgent sign on the Today tab: it closes only with its button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QMessageBox, QWidget


class UrgentBox(QMessageBox):
    """A warning that closes only with its button: Esc and the window's close do nothing
    but put the focus back on "I understand"."""

    def __init__(self, parent: QWidget, reason: str) -> None:
        super().__init__(parent)
        self.setObjectName("urgentDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        # the title says how soon, in the same words as the text and the Today tab
        self.setWindowTitle(self.tr("See a professional today, or within 24-48 hours"))
        self.setText(self.tr("<b>Stop running until a health professional has checked "
                               "your hamstring.</b>"))
        parts = [reason]
        if "emergency" not in reason.lower():  # said once: the reason may already say it
            parts.append(
                self.tr(
                    "If you have numbness around the groin or buttocks, or changes in "
                    "bladder or bowel control, go to an emergency department now."
                )
            )
        parts.append(self.tr("This app cannot examine you."))
        self.setInformativeText("\n\n".join(parts))
        self.ok_button = self.addButton(
            self.tr("I understand"), QMessageBox.ButtonRole.AcceptRole
        )
        self.setDefaultButton(self.ok_button)
        self.setEscapeButton(None)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.ok_button.setFocus(Qt.FocusReason.OtherFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.clickedButton() is self.ok_button:
            super().reject()
        else:
            self.ok_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.clickedButton() is self.ok_button:
            super().closeEvent(event)
        else:
            event.ignore()
            self.ok_button.setFocus(Qt.FocusReason.OtherFocusReason)


def confirm_urgent(parent: QWidget, reason: str) -> None:
    """A warning the runner must acknowledge with its button. Tests replace or close it."""
    UrgentBox(parent, reason).exec()
