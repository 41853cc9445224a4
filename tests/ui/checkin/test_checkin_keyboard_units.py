"""Keyboard start, unique mnemonics, and messages in the runner's own units."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from hamstring_app.core.models import Profile, Units
from hamstring_app.ui.events import Kind


def _miles(env) -> None:
    env.repo.save_profile(Profile(injury_start=env.today - timedelta(days=9), units=Units.MILES))
    env.session.ctx.events.changed(Kind.PROFILE)


def test_a_too_long_run_in_miles_is_refused_in_miles(qtbot, env):
    _miles(env)
    runs = env.tab.runs
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(runs.distance, "300")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert env.repo.list_runs() == ()
    message = runs.errors.message("distance_km")
    assert "at most 248.5 mi" in message and "300 mi" in message
    assert "km" not in message
    assert runs.errors.labels["distance_km"].isVisible()


def test_the_longest_run_allowed_in_miles_is_kept(qtbot, env):
    _miles(env)
    runs = env.tab.runs
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(runs.distance, "248.5")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert len(env.repo.list_runs()) == 1
