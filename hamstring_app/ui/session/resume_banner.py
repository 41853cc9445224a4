"""The notice shown when a session was left unfinished: resume it, finish it as it is, or
discard it (Ctrl+Z brings it back): there is always a way out, whatever state it is in."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class ResumeBanner(QWidget):
    """An unfinished session: resume it, finish it as it is, or discard it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeBanner")
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#resumeBanner { background: palette(alternate-base);"
            " border: 1px solid palette(mid); border-radius: 6px; }"
        )
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.resume_button = QPushButton(self.tr("&Resume"))
        self.resume_button.setAccessibleName(self.tr("Resume the unfinished session"))
        self.finish_button = QPushButton(self.tr("&Finish it as it is"))
        self.finish_button.setAccessibleName(
            self.tr("Finish the unfinished session with the sets already saved")
        )
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.discard_button.setAccessibleName(
            self.tr("Delete the unfinished session and its sets (Ctrl+Z brings it back)")
        )
        self.discard_button.setToolTip(self.discard_button.accessibleName())
        layout.addWidget(self.resume_button)
        layout.addWidget(self.finish_button)
        layout.addWidget(self.discard_button)
