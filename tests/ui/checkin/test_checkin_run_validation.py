"""The run editor checks the pace as well as the distance, and shows every field that is
wrong at once instead of one per save."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _new_run(qtbot, env):
    runs = env.tab.runs
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    return runs


def test_300_km_in_48_minutes_is_refused_for_its_pace(qtbot, env):
    runs = _new_run(qtbot, env)
    qtbot.keyClicks(runs.distance, "300")
    qtbot.keyClicks(runs.duration, "48")
    qtbot.keyClick(runs.duration, Qt.Key.Key_Return)
    assert env.repo.list_runs() == ()
    message = runs.errors.message("duration_min")
    assert "pace" in message.lower() and "0:10 per km" in message
    assert runs.errors.labels["duration_min"].isVisible()


def test_a_very_slow_pace_is_refused_too(qtbot, env):
    runs = _new_run(qtbot, env)
    qtbot.keyClicks(runs.distance, "1")
    qtbot.keyClicks(runs.duration, "300")
    qtbot.keyClick(runs.duration, Qt.Key.Key_Return)
    assert env.repo.list_runs() == ()
    assert "pace" in runs.errors.message("duration_min").lower()


def test_a_fast_but_real_pace_is_kept(qtbot, env):
    runs = _new_run(qtbot, env)
    qtbot.keyClicks(runs.distance, "5")
    qtbot.keyClicks(runs.duration, "15")  # 3:00 per km
    qtbot.keyClick(runs.duration, Qt.Key.Key_Return)
    assert len(env.repo.list_runs()) == 1


def test_every_bad_field_is_shown_at_once(qtbot, env):
    runs = _new_run(qtbot, env)
    qtbot.keyClicks(runs.distance, "-3")
    qtbot.keyClicks(runs.duration, "lots")
    qtbot.keyClicks(runs.cadence, "900")
    qtbot.keyClicks(runs.descent, "-5")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert env.repo.list_runs() == ()
    for field in ("distance_km", "duration_min", "cadence_spm", "descent_m"):
        assert runs.errors.message(field), field
        assert runs.errors.labels[field].isVisible(), field
    assert runs.distance.hasFocus()  # the first one, to start correcting


def test_fixing_one_field_clears_only_its_message(qtbot, env):
    runs = _new_run(qtbot, env)
    qtbot.keyClicks(runs.distance, "-3")
    qtbot.keyClicks(runs.cadence, "900")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    runs.distance.setText("5")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert not runs.errors.message("distance_km")
    assert "900" in runs.errors.message("cadence_spm")
