"""A past day's check-in speaks of that day, not "today"; pain during a run is asked once
(the check-in and the run editor fill each other in)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from hamstring_app.core.models import Run


def _row_texts(form) -> list[str]:
    return [form.pain_rest_label.text(), form.ran_label.text(), form.no_run_hint.text(),
            form.pain_rest.accessibleName(), form.ran.accessibleName()]


def test_a_past_day_does_not_say_today(env):
    form = env.tab.form
    assert all("today" in t.lower() for t in _row_texts(form))
    form.set_day(env.today - timedelta(days=3), ask=False)
    for text in _row_texts(form):
        assert "today" not in text.lower(), text
    form.set_day(env.today, ask=False)
    assert "today" in form.pain_rest_label.text().lower()


def test_yesterday_says_yesterday(env):
    form = env.tab.form
    form.set_day(env.today - timedelta(days=1), ask=False)
    assert "yesterday" in form.ran_label.text().lower()


def test_a_run_with_pain_fills_in_the_check_in_run_pain(qtbot, env):
    runs, form = env.tab.runs, env.tab.form
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(runs.distance, "5")
    runs.pain.setValue(3)
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert env.repo.runs_on(env.today)[0].pain == 3
    assert form.ran.value() is True
    assert form.pain_run.value() == 3
    assert form.run_pain_hint.isVisible()
    assert "from your run" in form.run_pain_hint.text().lower()


def test_run_pain_answered_in_the_check_in_fills_in_the_new_run(qtbot, env):
    runs, form = env.tab.runs, env.tab.form
    form.ran.setValue(True)
    form.pain_run.setValue(4)
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    assert runs.pain.value() == 4


def test_a_second_run_is_not_given_the_first_ones_pain(qtbot, env):
    env.repo.add_run(Run(day=env.today, distance_km=3.0, pain=2))
    env.reload()
    runs, form = env.tab.runs, env.tab.form
    form.pain_run.setValue(5)
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    assert runs.pain.value() is None
