"""One run on the real clock and a real QTimer, and the audio fallbacks."""

from __future__ import annotations

import time

from hamstring_app.core.clock import SystemClock
from hamstring_app.core.session import GuidedSession, State
from hamstring_app.ui.session import audio
from hamstring_app.ui.session.audio import Cues
from hamstring_app.ui.session.runner_view import TICK_MS, RunnerView


def test_a_short_session_runs_on_a_real_qtimer(qtbot, make_planned):
    plan = (make_planned("bridge_hold", sets=2, hold_s=1, rest_s=1),)
    cues = Cues(sound_enabled=False)
    played = []
    cues.play = lambda name: played.append(name) or "off"  # record the cues in order
    view = RunnerView(cues)
    qtbot.addWidget(view)
    view.show()
    logged = []
    view.set_logged.connect(logged.append)
    started = time.monotonic()
    view.begin(GuidedSession(plan, SystemClock(), get_ready_s=0.2))
    assert view.timer.isActive()
    assert view.timer.timerType().name == "PreciseTimer"
    qtbot.waitUntil(lambda: view.session.state is State.WORK, timeout=2000)
    qtbot.waitUntil(lambda: view.session.state is State.SET_DONE, timeout=3000)
    elapsed = time.monotonic() - started
    assert 1.15 <= elapsed < 3.0  # 0.2 s get ready + 1 s hold, read from the clock
    assert view.pages.currentWidget() is view.log_panel
    view.log_panel.pain.setValue(1)
    view.save_set()
    assert view.session.state is State.REST
    qtbot.waitUntil(lambda: view.session.state is State.WORK, timeout=3000)  # rest over
    qtbot.waitUntil(lambda: view.session.state is State.SET_DONE, timeout=3000)
    view.log_panel.pain.setValue(1)
    view.save_set()
    assert view.session.state is State.SUMMARY
    assert not view.timer.isActive()  # nothing ticks on the summary
    assert [s.set_number for s in logged] == [1, 2]
    assert played == ["get_ready", "go", "done", "go", "done"]  # rest over and go coincide
    assert view.ticks < 2 * 4 * 1000 / TICK_MS  # modest: ticks are spaced, not spinning
    view.stop()


def test_cue_falls_back_to_a_beep_without_multimedia(qapp, monkeypatch):
    monkeypatch.setattr(audio, "_load_multimedia", lambda: None)
    cues = Cues(sound_enabled=True)
    assert cues.play("go") == "beep"
    assert cues.beeps == 1


def test_cue_never_raises_with_a_broken_effect(qapp, monkeypatch):
    class Broken:
        def status(self):
            raise RuntimeError("no audio device")

    cues = Cues(sound_enabled=True)
    monkeypatch.setattr(cues, "_build_effects", lambda: {"go": Broken()})
    assert cues.play("go") == "beep"


def test_cue_with_real_multimedia_plays_or_beeps(qapp):
    cues = Cues(sound_enabled=True)
    assert cues.play("last_three") in ("effect", "beep")
    assert cues.play("no_such_sound") == "beep"


def test_sound_off_is_silent(qapp):
    cues = Cues(sound_enabled=False)
    assert cues.play("go") == "off" and cues.beeps == 0


def test_speech_is_optional(qapp):
    assert Cues(speech_enabled=False).say("Rest.") is False
    Cues(speech_enabled=True).say("Rest.")  # spoken or not, it never raises
