"""One run on the real clock and a real QTimer, and the audio fallbacks."""

from __future__ import annotations

from datetime import datetime

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.session import GuidedSession, State
from hamstring_app.ui.session import audio
from hamstring_app.ui.session.audio import Cues
from hamstring_app.ui.session.runner_view import TICK_MS, RunnerView

#: how long the real timer may take to tick once, on a machine under heavy load
WAIT_MS = 100 * TICK_MS


def test_a_short_session_runs_on_a_real_qtimer(qtbot, make_planned):
    """The view's own (real) QTimer moves the session on; the session reads a fake clock
    the test moves, so what happens does not depend on how busy the machine is. Only
    "the timer ticks by itself" is left to real time, with a generous wait."""
    plan = (make_planned("bridge_hold", sets=2, hold_s=1, rest_s=1),)
    cues = Cues(sound_enabled=False)
    played = []
    cues.play = lambda name: played.append(name) or "off"  # record the cues in order
    view = RunnerView(cues)
    qtbot.addWidget(view)
    view.show()
    logged = []
    view.set_logged.connect(logged.append)
    clock = FakeClock(datetime(2026, 3, 18, 19, 0))
    view.begin(GuidedSession(plan, clock, get_ready_s=0.2))
    assert view.timer.isActive()
    assert view.timer.timerType().name == "PreciseTimer"
    assert view.session.state is State.GET_READY

    def after(seconds: float, state: State) -> None:
        ticks = view.ticks
        clock.advance(seconds)
        # no tick needed before the clock moved: the state is still the old one
        assert view.session.state is not state
        qtbot.waitUntil(lambda: view.session.state is state, timeout=WAIT_MS)
        assert view.ticks > ticks  # moved by the timer, not by the test

    after(0.2, State.WORK)  # get ready over
    after(1.0, State.SET_DONE)  # the 1 s hold
    assert view.pages.currentWidget() is view.log_panel
    view.log_panel.pain.setValue(1)
    view.save_set()
    assert view.session.state is State.REST
    after(1.0, State.WORK)  # rest over
    after(1.0, State.SET_DONE)
    view.log_panel.pain.setValue(1)
    view.save_set()
    assert view.session.state is State.SUMMARY
    assert not view.timer.isActive()  # nothing ticks on the summary
    assert [s.set_number for s in logged] == [1, 2]
    assert played == ["get_ready", "go", "done", "go", "done"]  # rest over and go coincide
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
