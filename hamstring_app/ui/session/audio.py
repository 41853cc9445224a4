"""Sound cues and optional spoken announcements for the guided session.

Short WAVs from resources/sounds/ play through QSoundEffect. When QtMultimedia cannot be
imported, a sound file is missing, or the effect reports an error (no audio device), the
cue falls back to the system beep. Nothing here ever raises into the session screen.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

from hamstring_app.assets import resource_path

log = logging.getLogger(__name__)

#: the cue names the session plays; each is resources/sounds/<name>.wav
SOUND_NAMES = ("tick", "get_ready", "go", "half_way", "last_three", "done", "rest_over")


def _load_multimedia() -> Any | None:
    try:
        from PySide6 import QtMultimedia
    except Exception as exc:  # missing add-on, missing system libraries
        log.info("Sound effects unavailable, using the system beep: %s", exc)
        return None
    return QtMultimedia


def _load_speech() -> Any | None:
    try:
        from PySide6 import QtTextToSpeech
    except Exception as exc:
        log.info("Speech unavailable: %s", exc)
        return None
    return QtTextToSpeech


class Cues(QObject):
    """Plays a named cue, and speaks a sentence when speech is on and available."""

    def __init__(
        self,
        *,
        sound_enabled: bool = True,
        speech_enabled: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sound_enabled = sound_enabled
        self.speech_enabled = speech_enabled
        self._effects: dict[str, Any] | None = None  # built on first use
        self._speech: Any | None = None
        self._speech_tried = False
        #: how each cue was last delivered: "effect", "beep" or "off" (for tests and logs)
        self.last_delivery = ""
        self.beeps = 0

    # -- sounds --------------------------------------------------------------------------

    def _build_effects(self) -> dict[str, Any]:
        effects: dict[str, Any] = {}
        multimedia = _load_multimedia()
        if multimedia is None:
            return effects
        for name in SOUND_NAMES:
            try:
                path = resource_path("sounds", f"{name}.wav")
                if not path.exists():
                    log.info("Sound %s is missing; its cue will beep", path)
                    continue
                effect = multimedia.QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(0.8)
                effects[name] = effect
            except Exception as exc:
                log.info("Could not prepare sound %s: %s", name, exc)
        return effects

    def play(self, name: str) -> str:
        """Play a cue; returns how it was delivered ("effect", "beep" or "off")."""
        if not self.sound_enabled:
            self.last_delivery = "off"
            return self.last_delivery
        try:
            if self._effects is None:
                self._effects = self._build_effects()
            effect = self._effects.get(name)
            if effect is not None and self._effect_usable(effect):
                effect.play()
                self.last_delivery = "effect"
                return self.last_delivery
        except Exception as exc:  # never let a sound stop a session
            log.info("Sound cue %s failed, beeping instead: %s", name, exc)
        self._beep()
        return self.last_delivery

    @staticmethod
    def _effect_usable(effect: Any) -> bool:
        from PySide6.QtMultimedia import QSoundEffect

        return effect.status() != QSoundEffect.Status.Error

    def _beep(self) -> None:
        self.beeps += 1
        self.last_delivery = "beep"
        try:
            QApplication.beep()
        except Exception as exc:
            log.info("Even the system beep failed: %s", exc)

    # -- speech --------------------------------------------------------------------------

    def say(self, text: str) -> bool:
        """Speak ``text`` when speech is on and an engine exists. True if it was spoken."""
        if not self.speech_enabled or not text:
            return False
        try:
            if not self._speech_tried:
                self._speech_tried = True
                module = _load_speech()
                if module is not None and module.QTextToSpeech.availableEngines():
                    self._speech = module.QTextToSpeech(self)
            if self._speech is None:
                return False
            self._speech.stop()
            self._speech.say(text)
            return True
        except Exception as exc:
            log.info("Speech failed: %s", exc)
            self._speech = None
            return False
