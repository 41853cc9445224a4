"""Fixtures for the Strength tab: the library, small plans, and an app with a profile."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hamstring_app.core.clock import FakeClock
from hamstring_app.core.library import load_library
from hamstring_app.core.library_model import PlannedExercise
from hamstring_app.core.models import Profile
from hamstring_app.core.session import GuidedSession
from hamstring_app.ui.session.audio import Cues
from hamstring_app.ui.session.runner_view import RunnerView


@pytest.fixture(scope="session")
def library():
    return load_library()


def planned(library, exercise_id: str, **dose) -> PlannedExercise:
    """A planned exercise with a dose given in full (short, for tests)."""
    values = {"sets": 2, "reps": None, "hold_s": None, "tempo_down_s": None, "rest_s": 0}
    values.update(dose)
    return PlannedExercise(exercise=library.exercise(exercise_id), **values)


@pytest.fixture
def make_planned(library):
    return lambda exercise_id, **dose: planned(library, exercise_id, **dose)


@pytest.fixture
def hold_then_reps(library):
    """Single-leg bridge hold 2 x 10 s (rest 20 s), then Romanian deadlift 2 x 8 (3 s down)."""
    return (
        planned(library, "single_leg_bridge_hold", sets=2, hold_s=10, rest_s=20),
        planned(library, "romanian_deadlift", sets=2, reps=8, tempo_down_s=3, rest_s=30),
    )


@pytest.fixture
def strength_app(session_factory, qtbot):
    """A launched app with a profile and only the Strength tab, shown, sound off."""
    from hamstring_app.ui.session.tab import SessionTab

    created = []

    def make(data_dir=None, **kwargs):
        app_session = session_factory(data_dir, tab_factories=[SessionTab], **kwargs)
        repo = app_session.ctx.repo
        if repo.get_profile() is None:
            repo.save_profile(Profile(injury_start=date(2026, 2, 20)))
        settings = repo.get_settings()
        from dataclasses import replace

        repo.save_settings(replace(settings, sound_enabled=False))
        window = app_session.window
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitActive(window)
        tab = window.tabs.widget(0)
        tab.refresh_now()
        created.append(tab)
        return app_session, tab

    yield make
    for tab in created:  # never leave a session running: closing would ask first
        tab.runner.stop()
        tab.record = None
        tab.stack.setCurrentWidget(tab.overview)


@pytest.fixture
def fake():
    """The clock the guided screen tests move by hand."""
    return FakeClock(datetime(2026, 3, 18, 19, 30))


@pytest.fixture
def open_runner(qtbot, fake):
    """A shown guided screen that has begun ``plan`` on the fake clock, not live (the test
    moves the clock and ticks by hand); stopped after the test."""
    views = []

    def open_(plan, cues=None, *, easier_for=None):
        view = RunnerView(cues or Cues(sound_enabled=False))
        if easier_for is not None:
            view.easier_for = easier_for
        qtbot.addWidget(view)
        view.resize(1280, 740)
        view.show()
        qtbot.waitExposed(view)
        view.begin(GuidedSession(plan, fake, get_ready_s=5), live=False)
        views.append(view)
        return view

    yield open_
    for view in views:
        view.stop()

