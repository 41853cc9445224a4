"""A compact Start/Stop for a :class:`Metronome` shown elsewhere on the screen.

It sits beside the cadence advice and drives the plan's metronome itself (the same clicks,
sink, tempo and volume): two controls, one metronome, so they can never click over each
other, and each shows whether it is running.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from hamstring_app.ui.widgets.metronome import Metronome


class MetronomeControl(QWidget):
    """``set_target(spm)`` shows it (None hides it); the button starts or stops ``metronome``."""

    def __init__(self, metronome: Metronome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metronomeControl")
        self.metronome = metronome
        self.target: int | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setCheckable(True)
        self.button.setAccessibleName(self.tr("Start or stop the cadence metronome"))
        self.button.clicked.connect(self._clicked)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        metronome.started.connect(self._sync)
        metronome.stopped.connect(self._sync)
        metronome.spm.valueChanged.connect(self._sync)
        self._sync()

    def set_target(self, spm: int | None) -> None:
        """The plan's cadence target; the control shows only when there is one."""
        self.target = spm
        self.setVisible(spm is not None)
        self._sync()

    def _clicked(self, on: bool) -> None:
        if on and not self.metronome.running:
            if self.target is not None:
                self.metronome.set_target(self.target)
            self.metronome.start()
        elif not on:
            self.metronome.stop()
        self._sync()

    def _sync(self, *_args: object) -> None:
        running = self.metronome.running
        self.button.setChecked(running)
        self.button.setText(self.tr("Stop") if running else self.tr("Start metronome"))
        spm = self.metronome.spm.value() if running or self.target is None else self.target
        self.label.setText(
            self.tr("Metronome at %d steps a minute (more options in Today's run above)") % spm
            if running
            else self.tr("Practise it with the metronome: %d steps a minute") % spm
        )
