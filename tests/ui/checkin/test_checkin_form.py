"""The check-in form driven as a runner drives it: keys and clicks, then the store."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hamstring_app.core.models import (
    DAILY_RED_FLAG_FIELDS,
    RED_FLAG_FIELDS,
    CheckIn,
    Referral,
    SetLog,
    StrengthSession,
    Verdict,
)


def _answer_all_no(qtbot, form) -> None:
    """No to the six everyday warning signs; the less common ones stay folded, unanswered."""
    for name in DAILY_RED_FLAG_FIELDS:
        qtbot.keyClick(form.red_flags[name], Qt.Key.Key_N)


def test_first_time_user_sees_what_to_do_first(env):
    panel = env.tab.verdict
    assert panel.assessment is None
    assert "check-in" in panel.empty_label.text()
    assert panel.empty_label.isVisible()
    assert env.tab.history.empty_label.isVisible()


def test_new_checkin_by_keyboard_is_saved_and_the_verdict_appears(qtbot, env, urgent_calls):
    form = env.tab.form
    assert form.day() == env.today
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_2)
    qtbot.keyClick(form.pain_morning, Qt.Key.Key_1)
    qtbot.keyClick(form.ran, Qt.Key.Key_Y)
    qtbot.keyClick(form.pain_run, Qt.Key.Key_3)
    qtbot.keyClick(form.eased, Qt.Key.Key_Y)
    qtbot.keyClick(form.settled, Qt.Key.Key_Y)
    _answer_all_no(qtbot, form)
    qtbot.keyClicks(form.sleep, "7.5")
    qtbot.keyClicks(form.note, "felt fine")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)

    saved = env.repo.get_checkin(env.today)
    assert saved == CheckIn(
        day=env.today,
        pain_rest=2,
        pain_run=3,
        pain_next_morning=1,
        ran=True,
        eased_during_run=True,
        settled_within_24h=True,
        sharp_pain=False,
        pain_increases_with_speed=False,
        gait_changed=False,
        pain_in_daily_activities=False,
        sudden_onset_with_weakness=False,
        nerve_signs=False,
        sleep_hours=7.5,
        note="felt fine",
    )
    panel = env.tab.verdict
    assert panel.assessment is not None
    assert panel.assessment.verdict == Verdict.MODIFY
    assert panel.verdict_label.isVisible()
    assert panel.verdict_label.text() == "Modify"
    assert not panel.empty_label.isVisible()
    assert env.tab.history.model.rowCount() == 1
    assert urgent_calls == []
    assert not form.dirty


def test_tab_moves_through_the_form_in_order(qtbot, env):
    form = env.tab.form
    form.pain_rest.setFocus()
    order = [form.pain_morning, form.ran, form.pain_run, form.eased, form.settled]
    for expected in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected


def test_ctrl_s_saves(qtbot, env, urgent_calls):
    form = env.tab.form
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_4)
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert env.repo.get_checkin(env.today) == CheckIn(day=env.today, pain_rest=4)


def test_no_run_is_an_answer_not_a_zero(qtbot, env, urgent_calls):
    form = env.tab.form
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_1)
    qtbot.mouseClick(form.ran.buttons[1], Qt.MouseButton.LeftButton)  # "No"
    assert not form.pain_run.isEnabled()
    assert form.no_run_hint.isVisible()
    qtbot.keyClick(form.ran, Qt.Key.Key_Return)
    saved = env.repo.get_checkin(env.today)
    assert saved is not None
    assert saved.ran is False
    assert saved.pain_run is None
    assert saved.pain_next_morning is None  # unanswered stays unanswered


def test_ten_by_typing_one_then_zero(qtbot, env):
    scale = env.tab.form.pain_rest
    qtbot.keyClicks(scale, "10")
    assert scale.value() == 10
    qtbot.keyClick(scale, Qt.Key.Key_Delete)
    assert scale.value() is None
    qtbot.keyClick(scale, Qt.Key.Key_0)
    assert scale.value() == 0


def test_clicking_the_pressed_answer_clears_it(qtbot, env):
    flag = env.tab.form.red_flags["sharp_pain"]
    qtbot.mouseClick(flag.buttons[0], Qt.MouseButton.LeftButton)
    assert flag.value() is True
    qtbot.mouseClick(flag.buttons[0], Qt.MouseButton.LeftButton)
    assert flag.value() is None


def test_editing_a_past_date_changes_that_date_only(qtbot, env, urgent_calls):
    today = env.today
    before = {
        today - timedelta(days=2): CheckIn(day=today - timedelta(days=2), pain_rest=3, fatigue=5),
        today - timedelta(days=1): CheckIn(day=today - timedelta(days=1), pain_rest=2, fatigue=4),
        today: CheckIn(day=today, pain_rest=1),
    }
    for checkin in before.values():
        env.repo.save_checkin(checkin)
    env.reload()
    form = env.tab.form
    qtbot.mouseClick(form.prev_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.prev_button, Qt.MouseButton.LeftButton)
    assert form.day() == today - timedelta(days=2)
    assert form.pain_rest.value() == 3  # opening a date with a check-in edits it
    assert form.fatigue.value() == 5
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_6)
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_Enter)

    after = {c.day: c for c in env.repo.list_checkins()}
    assert after[today - timedelta(days=2)] == CheckIn(
        day=today - timedelta(days=2), pain_rest=6, fatigue=5
    )
    for day in (today - timedelta(days=1), today):
        assert after[day] == before[day]
    assert len(after) == 3


@pytest.mark.parametrize("flag", RED_FLAG_FIELDS)
def test_each_red_flag_means_stop_with_the_referral(qtbot, env, urgent_calls, flag):
    form = env.tab.form
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_1)
    qtbot.mouseClick(form.red_flags[flag].buttons[0], Qt.MouseButton.LeftButton)  # "Yes"
    qtbot.keyClick(form.red_flags[flag], Qt.Key.Key_Return)

    assert getattr(env.repo.get_checkin(env.today), flag) is True
    panel = env.tab.verdict
    assessment = panel.assessment
    assert assessment is not None
    assert assessment.verdict == Verdict.STOP
    assert panel.verdict_label.text().startswith("Stop")
    assert panel.referral.isVisible()
    assert assessment.referral != Referral.NONE
    assert panel.referral_text.text() == assessment.referral_reason
    assert "health professional" in panel.referral_text.text()
    urgent = assessment.referral == Referral.URGENT
    assert ("urgently" in panel.referral_title.text()) == urgent
    assert urgent_calls == ([assessment.referral_reason] if urgent else [])


def test_urgent_flag_opens_a_dialog_that_must_be_acknowledged(qtbot, env):
    form = env.tab.form
    seen: list[str] = []

    def acknowledge():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # not open yet (a busy machine): look again
            QTimer.singleShot(50, acknowledge)
            return
        seen.append(box.windowTitle() + "|" + box.informativeText())
        assert len(box.buttons()) == 1  # nothing to choose: only acknowledge
        box.buttons()[0].click()

    qtbot.mouseClick(
        form.red_flags["sudden_onset_with_weakness"].buttons[0], Qt.MouseButton.LeftButton
    )
    QTimer.singleShot(50, acknowledge)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert "within 24-48 hours" in seen[0]
    assert env.tab.verdict.assessment.referral == Referral.URGENT


def test_sleep_of_26_hours_is_refused_next_to_the_field(qtbot, env, urgent_calls):
    form = env.tab.form
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_2)
    qtbot.keyClicks(form.sleep, "26")
    qtbot.keyClick(form.sleep, Qt.Key.Key_Return)
    assert env.repo.get_checkin(env.today) is None
    message = form.errors.message("sleep_hours")
    assert "24" in message and "26" in message
    assert form.errors.labels["sleep_hours"].isVisible()
    assert form.dirty  # the answers are still there to fix


def test_sleep_that_is_not_a_number_is_refused(qtbot, env):
    form = env.tab.form
    qtbot.keyClicks(form.sleep, "lots")
    qtbot.keyClick(form.sleep, Qt.Key.Key_Return)
    assert env.repo.get_checkin(env.today) is None
    assert "lots" in form.errors.message("sleep_hours")


def test_a_future_date_is_refused_next_to_the_date(qtbot, env):
    form = env.tab.form
    assert not form.next_button.isEnabled()
    form.date_edit.setFocus()
    qtbot.keyClick(form.date_edit, Qt.Key.Key_Up)  # the day moves on by one
    assert form.day() == env.today + timedelta(days=1)
    assert form.date_error.isVisible()
    assert "future" in form.date_error.text()
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_2)
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_Return)
    assert env.repo.list_checkins() == ()
    assert "future" in form.errors.message("date")


def test_defaults_carry_fatigue_and_sleep_but_never_pain_or_flags(qtbot, env):
    yesterday = env.today - timedelta(days=1)
    env.repo.save_checkin(
        CheckIn(day=yesterday, pain_rest=4, sharp_pain=True, fatigue=6, sleep_hours=6.5)
    )
    env.reload()
    form = env.tab.form
    assert form.day() == env.today
    assert form.fatigue.value() == 6
    assert form.sleep.text() == "6.5"
    assert form.carried_hint.isVisible()
    assert form.pain_rest.value() is None
    assert form.red_flags["sharp_pain"].value() is None


def test_next_morning_question_after_yesterdays_strength_session(qtbot, env, urgent_calls):
    yesterday = env.today - timedelta(days=1)
    session = env.repo.start_strength_session(
        StrengthSession(day=yesterday, sets=(SetLog("bridge_hold", 1, hold_s=30.0, pain=2),))
    )
    changes = []
    env.session.ctx.events.data_changed.connect(changes.append)
    env.reload()
    form = env.tab.form
    assert form.strength_box.isVisible()
    assert "yesterday" in form.strength_question.text()
    qtbot.keyClick(form.strength_pain, Qt.Key.Key_2)
    qtbot.keyClick(form.strength_pain, Qt.Key.Key_Return)
    assert env.repo.get_strength_session(session.id).pain_next_morning == 2
    assert any("strength" in {k.value for k in c.kinds} for c in changes)


def test_no_next_morning_question_three_days_later(qtbot, env):
    env.repo.start_strength_session(
        StrengthSession(
            day=env.today - timedelta(days=3), sets=(SetLog("bridge_hold", 1, hold_s=30.0),)
        )
    )
    env.reload()
    assert not env.tab.form.strength_box.isVisible()


def test_open_day_event_shows_that_date(qtbot, env):
    day = env.today - timedelta(days=5)
    env.repo.save_checkin(CheckIn(day=day, pain_rest=5))
    env.session.ctx.events.open_day.emit(day)
    assert env.tab.form.day() == day
    assert env.tab.form.pain_rest.value() == 5


def test_unsaved_answers_are_not_lost_silently(qtbot, env, monkeypatch):
    form = env.tab.form
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_3)
    asked = []
    monkeypatch.setattr(
        "hamstring_app.ui.checkin.form.ask_unsaved",
        lambda parent, day: asked.append(day) or QMessageBox.StandardButton.Cancel,
    )
    qtbot.mouseClick(form.prev_button, Qt.MouseButton.LeftButton)
    assert asked == ["Today"]
    assert form.day() == env.today
    assert form.pain_rest.value() == 3
