"""The Today tab shows an open urgent warning sign every day until "assessed" is recorded."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from hamstring_app.core.episodes import AssessmentOutcome, Episode
from hamstring_app.core.models import RED_FLAG_FIELDS, CheckIn
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.episode_dialogs import AssessedDialog, NewEpisodeDialog

NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)


def clean(day: date, **kw: object) -> CheckIn:
    values = {"pain_rest": 0, "pain_next_morning": 0, "settled_within_24h": True, **NO_FLAGS}
    return CheckIn(day=day, **{**values, **kw})  # type: ignore[arg-type]


def _move_to(env, day: date) -> None:
    now = env.clock.now()
    env.clock.set_wall(now.replace(year=day.year, month=day.month, day=day.day))


def _answer(dialog_type, fill):
    """Fill and accept the next dialog of ``dialog_type`` when it opens."""

    def act() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, dialog_type) and w.isVisible():
                fill(w)
                w.accept()
                return
        QTimer.singleShot(20, act)

    QTimer.singleShot(20, act)



@pytest.fixture(autouse=True)
def no_modal_warnings(monkeypatch):
    """A failed save would open a modal warning: record it instead, so a test fails fast."""
    from hamstring_app.ui import episode_dialogs

    seen: list[str] = []
    monkeypatch.setattr(
        episode_dialogs.QMessageBox, "warning", lambda _p, _t, text: seen.append(text)
    )
    return seen


def test_an_urgent_sign_stays_on_the_today_tab_until_assessed(env, qtbot, no_modal_warnings):
    flag_day = env.today
    env.repo.save_checkin(clean(flag_day, nerve_signs=True))
    env.reload()
    env.tab.refresh_now()
    bar = env.tab.safety
    assert bar.sign_open and "urgent" in bar.sign_title.text().lower()
    assert f"Reported on {day_text(flag_day)}. It stays here, every day" in bar.sign_text.text()
    # every following day, with clean check-ins or none at all, it is still there
    for k in (1, 2, 13, 14, 15, 40):
        day = flag_day + timedelta(days=k)
        _move_to(env, day)
        if k % 2:
            env.repo.save_checkin(clean(day))
        env.reload()
        env.tab.refresh_now()
        assert bar.sign_open, f"day {k}"
        assert env.tab.verdict.assessment.verdict.value == "stop"
    shot = os.environ.get("OPEN_SIGN_SCREENSHOT")
    if shot:
        qtbot.waitUntil(lambda: bar.assessed_button.height() > 0)
        env.session.window.grab().save(shot)
    # recording the assessment through the button clears it
    _answer(AssessedDialog, lambda d: d.outcome.setCurrentIndex(
        d.outcome.findData(AssessmentOutcome.REHAB_ONLY)))
    qtbot.waitUntil(lambda: bar.assessed_button.height() > 0)  # laid out
    qtbot.mouseClick(bar.assessed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(env.repo.list_assessments()) == 1 or bool(no_modal_warnings),
                    timeout=3000)
    assert no_modal_warnings == []
    (saved,) = env.repo.list_assessments()
    assert saved.day == env.today and saved.outcome is AssessmentOutcome.REHAB_ONLY
    qtbot.waitUntil(lambda: not bar.sign_open, timeout=3000)
    assert "rehab only" in bar.last_label.text()


def test_a_routine_sign_shows_until_its_14_days_pass(env):
    start = env.today
    env.repo.save_checkin(clean(start, sharp_pain=True))
    env.reload()
    env.tab.refresh_now()
    assert env.tab.safety.sign_open and "urgent" not in env.tab.safety.sign_title.text()
    # it says how long it stays: its 14 days (the report day counting as day 1), not forever
    text = env.tab.safety.sign_text.text()
    assert f"Reported on {day_text(start)}" in text
    assert f"until {day_text(start + timedelta(days=13))}" in text
    assert "every day" not in text
    _move_to(env, start + timedelta(days=13))
    env.repo.save_checkin(clean(start + timedelta(days=13)))
    env.reload()
    env.tab.refresh_now()
    assert env.tab.safety.sign_open  # day 14 of 14: still open
    _move_to(env, start + timedelta(days=14))
    env.repo.save_checkin(clean(start + timedelta(days=14)))
    env.reload()
    env.tab.refresh_now()
    assert not env.tab.safety.sign_open


def test_my_hamstring_hurts_again_starts_a_new_episode(env, qtbot):
    env.repo.save_checkin(clean(env.today))
    env.reload()
    env.tab.refresh_now()
    _answer(NewEpisodeDialog, lambda d: None)
    qtbot.waitUntil(lambda: env.tab.safety.new_episode_button.height() > 0)
    qtbot.mouseClick(env.tab.safety.new_episode_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(env.repo.list_episodes()) == 2, timeout=3000)
    first, second = env.repo.list_episodes()
    assert second.onset == env.today and second.is_open and not first.is_open
    assert env.repo.get_profile().injury_start == env.today
    assert isinstance(second, Episode)



def test_the_profile_dialog_can_start_a_new_episode(env, qtbot):
    from hamstring_app.ui.profile_dialog import ProfileDialog

    def ask_again():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ProfileDialog) and w.isVisible():
                w.findChild(type(env.tab.safety.new_episode_button), "newEpisodeButton").click()
                return
        QTimer.singleShot(20, ask_again)

    QTimer.singleShot(20, ask_again)
    _answer(NewEpisodeDialog, lambda d: None)
    env.session.window.edit_profile()
    assert len(env.repo.list_episodes()) == 2
    assert env.repo.get_profile().injury_start == env.today


def test_a_milder_sign_today_shows_the_open_urgent_signs_day(env):
    """Nerve signs five days ago, not assessed, then sharp pain today: the box gives the
    urgent sign's day, which is what stays until assessed, not today's."""
    urgent_day = env.today - timedelta(days=5)
    env.repo.save_checkin(clean(urgent_day, nerve_signs=True))
    env.repo.save_checkin(clean(env.today, sharp_pain=True))
    env.reload()
    env.tab.refresh_now()
    bar = env.tab.safety
    assert bar.sign_open and "urgent" in bar.sign_title.text().lower()
    assert f"Reported on {day_text(urgent_day)}. It stays here, every day" in bar.sign_text.text()
