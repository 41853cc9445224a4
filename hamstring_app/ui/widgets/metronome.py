"""A cadence metronome: clicks at the target steps a minute, for treadmill runs or practice.

Start/Stop, a volume slider and a 5% ramp (from 5% below the target up to it over 5
minutes), plus "Save a click track..." that writes a small WAV to put on a phone. Clicks go
to a sink: QSoundEffect when Qt Multimedia and an audio device work, else the system beep;
tests give a fake one. The beats are timed from a monotonic clock, so they do not drift.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.assets import resource_path
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.runplan.clicktrack import ramp_start, write_click_track

log = logging.getLogger(__name__)


class ClickSink(Protocol):
    def click(self, volume: float) -> None: ...


class SoundSink:
    """Plays resources/sounds/tick.wav; beeps when sound effects cannot play."""

    def __init__(self) -> None:
        self._effect: Any | None = None
        self._tried = False
        self.beeps = 0

    def _build(self) -> Any | None:
        try:
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(resource_path("sounds", "tick.wav"))))
            return effect
        except Exception as exc:  # no add-on, no system libraries
            log.info("Metronome sound unavailable, beeping instead: %s", exc)
            return None

    def click(self, volume: float) -> None:
        if not self._tried:
            self._effect, self._tried = self._build(), True
        try:
            from PySide6.QtMultimedia import QSoundEffect

            if self._effect is not None and self._effect.status() != QSoundEffect.Status.Error:
                self._effect.setVolume(volume)
                self._effect.play()
                return
        except Exception as exc:
            log.info("Metronome click failed, beeping: %s", exc)
        self.beeps += 1
        QApplication.beep()


def tempo_at(target: int, elapsed_s: float, ramp: bool) -> float:
    """Steps a minute after ``elapsed_s`` seconds: the target, or on the ramp towards it."""
    if not ramp:
        return float(target)
    start = ramp_start(target)
    span = T.CADENCE_RAMP_MINUTES * 60.0
    if elapsed_s >= span:
        return float(target)
    return start + (target - start) * elapsed_s / span


class Metronome(QFrame):
    """The metronome box. ``set_target(spm)`` sets the tempo (the plan's cadence target)."""

    started = Signal()
    stopped = Signal()

    def __init__(self, sink: ClickSink | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metronome")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.sink: ClickSink = sink if sink is not None else SoundSink()
        self.clicks = 0
        self._clock = QElapsedTimer()
        self._next_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        title = QLabel(self.tr("Cadence metronome"))
        title.setStyleSheet("font-weight: 600;")
        layout.addWidget(title)
        row = QHBoxLayout()
        self.spm = QSpinBox()
        self.spm.setRange(120, 220)
        self.spm.setSuffix(self.tr(" steps/min"))
        self.spm.setAccessibleName(self.tr("Metronome tempo in steps a minute"))
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setCheckable(True)
        self.start_button.setAccessibleName(self.tr("Start or stop the metronome"))
        self.start_button.toggled.connect(self._toggled)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(70)
        self.volume.setMaximumWidth(110)
        self.volume.setAccessibleName(self.tr("Metronome volume"))
        # three short rows rather than two long ones: the box stays narrow enough for the
        # Today tab's right-hand side at large font sizes
        row.addWidget(self.spm)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.ramp = QCheckBox(self.tr("Ramp up 5% over %n minutes", "", T.CADENCE_RAMP_MINUTES))
        self.ramp.setToolTip(self.tr("Start 5% below the target and rise to it gradually."))
        layout.addWidget(self.ramp)
        row2 = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save a click track..."))
        self.save_button.clicked.connect(self.save_click_track)
        row2.addWidget(QLabel(self.tr("Volume")))
        row2.addWidget(self.volume)
        row2.addStretch(1)
        row2.addWidget(self.save_button)
        layout.addLayout(row2)
        self.note = QLabel(
            self.tr(
                "A quicker step helps against overstriding and braking. Whether it eases the "
                "hamstring itself is less clear: studies are mixed. Use it on a treadmill or "
                "for short practice stretches, and build up over a few weeks."
            )
        )
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        layout.addWidget(self.note)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)

    # ------------------------------------------------------------------ tempo

    def set_target(self, spm: int) -> None:
        self.spm.setValue(spm)

    @property
    def running(self) -> bool:
        return self.start_button.isChecked()

    def current_tempo(self) -> float:
        elapsed = self._clock.elapsed() / 1000.0 if self._clock.isValid() else 0.0
        return tempo_at(self.spm.value(), elapsed, self.ramp.isChecked())

    def start(self) -> None:
        self.start_button.setChecked(True)

    def stop(self) -> None:
        self.start_button.setChecked(False)

    def _toggled(self, on: bool) -> None:
        self.start_button.setText(self.tr("Stop") if on else self.tr("Start"))
        if on:
            self.clicks = 0
            self._clock.start()
            self._next_ms = 0.0
            self._tick()
            self.started.emit()
        else:
            self._timer.stop()
            self._clock.invalidate()
            self.stopped.emit()

    def _tick(self) -> None:
        if not self.running:
            return
        self.sink.click(self.volume.value() / 100.0)
        self.clicks += 1
        self._next_ms += 60_000.0 / self.current_tempo()
        wait = max(0, round(self._next_ms - self._clock.elapsed()))
        self._timer.start(wait)

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop()  # never clicking on from a tab nobody sees
        super().hideEvent(event)

    # ------------------------------------------------------------------ file

    def ask_path(self) -> str:
        """The file to write (a native save dialog; tests replace this)."""
        name = f"cadence-{self.spm.value()}spm.wav"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a click track"), str(Path.home() / name),
            self.tr("WAV audio (*.wav)"),
        )
        return path

    def save_click_track(self) -> Path | None:
        path = self.ask_path()
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".wav":
            target = target.with_suffix(".wav")
        spm = self.spm.value()
        ramp = self.ramp.isChecked()
        try:
            seconds = write_click_track(
                target, spm,
                start_spm=ramp_start(spm) if ramp else None,
                ramp_minutes=T.CADENCE_RAMP_MINUTES if ramp else 0,
                volume=self.volume.value() / 100.0,
            )
        except OSError as exc:
            log.warning("Could not write the click track %s: %s", target, exc)
            self._say(self.tr("The click track could not be saved to %s: %s. Nothing was "
                              "written; try another folder.") % (target, exc.strerror or exc))
            return None
        minutes = seconds / 60.0
        if ramp:
            text = self.tr(
                "Saved %s (%.0f minutes): it rises from %d to %d steps a minute over the first "
                "%d minutes, then keeps %d. For longer runs, save the plain one-minute track "
                "and set your player to repeat it."
            ) % (target.name, minutes, ramp_start(spm), spm, T.CADENCE_RAMP_MINUTES, spm)
        else:
            text = self.tr(
                "Saved %s: one minute at %d steps a minute. Set your player to repeat it: it "
                "loops without a gap."
            ) % (target.name, spm)
        self._say(text)
        return target

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
