"""The five less common warning signs: folded under one button in the warning-sign group,
answers kept while folded, counted by "None of these", opened by a yes, and a yes saved
gives stop with an urgent referral and the open-sign box."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hamstring_app.core.models import (
    DAILY_RED_FLAG_FIELDS,
    LESS_COMMON_RED_FLAG_FIELDS,
    CheckIn,
    Referral,
    Verdict,
)

NEW = LESS_COMMON_RED_FLAG_FIELDS


def _answer_everyday(form) -> None:
    form.pain_rest.setValue(0)
    form.pain_morning.setValue(0)
    form.ran.setValue(False)
    for name in DAILY_RED_FLAG_FIELDS:
        form.red_flags[name].setValue(False)


def test_folded_at_first_one_click_away(env, qtbot):
    form = env.tab.form
    part = form.less_common
    assert part.toggle.isVisibleTo(env.tab)
    assert not any(w.isVisibleTo(env.tab) for w in part.widgets.values())
    assert not any(label.isVisibleTo(env.tab) for label in part.rows)
    assert set(part.widgets) == set(NEW)
    assert all(form.red_flags[name] is part.widgets[name] for name in NEW)
    assert "Not answered" in part.summary.text() and part.summary.isVisibleTo(env.tab)
    qtbot.mouseClick(part.toggle, Qt.MouseButton.LeftButton)
    assert all(w.isVisibleTo(env.tab) for w in part.widgets.values())
    assert all(label.isVisibleTo(env.tab) for label in part.rows)
    assert not part.summary.isVisibleTo(env.tab)


def test_answers_kept_while_folded_and_unopened_ones_saved_as_unanswered(env, qtbot):
    form = env.tab.form
    part = form.less_common
    _answer_everyday(form)
    part.set_open(True)
    part.widgets["foot_weakness"].setValue(False)
    part.widgets["feeling_unwell"].setValue(False)
    part.set_open(False)
    assert part.summary.text() == "2 of 5 answered No."
    assert form.save()
    saved = env.repo.get_checkin(env.today)
    assert saved is not None
    assert saved.foot_weakness is False and saved.feeling_unwell is False
    assert saved.bruising_after_sudden_pain is None  # never answered: never a "no"
    assert saved.difficulty_walking is None and saved.night_or_rest_pain is None
    assert env.tab.verdict.assessment.verdict is Verdict.CONTINUE


def test_none_of_these_answers_the_folded_ones_too(env):
    form = env.tab.form
    form.no_flags_button.click()
    assert all(form.red_flags[name].value() is False for name in (*DAILY_RED_FLAG_FIELDS, *NEW))
    assert form.less_common.summary.text() == "All answered No."
    assert not form.less_common.is_open()


def test_a_yes_opens_the_part_and_saving_it_stops_with_an_urgent_referral(
    env, qtbot, urgent_calls
):
    form = env.tab.form
    part = form.less_common
    _answer_everyday(form)
    part.widgets["difficulty_walking"].setValue(True)
    assert part.is_open() and part.widgets["difficulty_walking"].isVisibleTo(env.tab)
    part.set_open(False)  # folded by hand: the summary still says it
    assert part.summary.text() == "Yes: Difficulty walking or sitting."
    assert form.save()
    saved = env.repo.get_checkin(env.today)
    assert saved is not None and saved.red_flags == ("difficulty_walking",)
    assessment = env.tab.verdict.assessment
    assert assessment.verdict is Verdict.STOP and assessment.referral is Referral.URGENT
    assert urgent_calls and "difficulty walking or sitting" in urgent_calls[0]
    assert env.tab.safety.sign_open
    assert "urgent" in env.tab.safety.sign_title.text().lower()


def test_a_saved_yes_is_shown_open_when_the_day_is_loaded(env):
    yesterday = env.today - timedelta(days=1)
    env.repo.save_checkin(CheckIn(day=yesterday, pain_rest=0, night_or_rest_pain=True))
    env.reload()
    form = env.tab.form
    assert not form.less_common.is_open()
    form.set_day(yesterday, ask=False)
    assert form.less_common.is_open()
    assert form.red_flags["night_or_rest_pain"].value() is True
    env.tab.refresh_now()
    assert env.tab.safety.sign_open  # still open today: urgent until assessed


def test_the_keyboard_reaches_the_part_and_its_answers(env, qtbot):
    form = env.tab.form
    part = form.less_common
    last_everyday = form.red_flags[DAILY_RED_FLAG_FIELDS[-1]]
    last_everyday.setFocus()
    qtbot.keyClick(last_everyday, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is part.toggle  # folded: the five are skipped
    assert "hidden" in part.toggle.accessibleName()
    qtbot.keyClick(part.toggle, Qt.Key.Key_Space)
    assert part.is_open() and "shown" in part.toggle.accessibleName()
    qtbot.keyClick(part.toggle, Qt.Key.Key_Tab)
    first = part.widgets[NEW[0]]
    assert QApplication.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_N)
    assert first.value() is False


def test_every_sign_has_its_words_in_the_history_and_the_graphs(qapp):
    from hamstring_app.core.models import RED_FLAG_FIELDS
    from hamstring_app.ui.checkin.history_columns import RED_FLAG_SHORT, warning_signs_text
    from hamstring_app.ui.checkin.questions import red_flag_phrases
    from hamstring_app.ui.progress.hover import _FLAG_WORDS

    assert set(RED_FLAG_SHORT) == set(red_flag_phrases()) == set(_FLAG_WORDS)
    assert set(RED_FLAG_SHORT) == set(RED_FLAG_FIELDS)
    text = warning_signs_text(["foot_weakness", "feeling_unwell"], lines=True)
    assert text.splitlines() == [
        "Warning signs reported:",
        "• Weakness in the foot",
        "• Feeling unwell or feverish with the pain",
    ]


def test_moving_to_a_day_with_no_yes_folds_the_part_again(env, qtbot):
    """Opened by hand on one day, the part folds again on a day with no yes among the five,
    and opens on a day with one; answers of the day shown are never changed by folding."""
    yesterday = env.today - timedelta(days=1)
    before = env.today - timedelta(days=2)
    env.repo.save_checkin(CheckIn(day=yesterday, pain_rest=0, foot_weakness=False))
    env.repo.save_checkin(CheckIn(day=before, pain_rest=0, feeling_unwell=True))
    env.reload()
    form = env.tab.form
    part = form.less_common
    qtbot.mouseClick(part.toggle, Qt.MouseButton.LeftButton)
    assert part.is_open()
    form.set_day(yesterday, ask=False)
    assert not part.is_open()
    assert not part.widgets["foot_weakness"].isVisibleTo(env.tab)
    assert form.red_flags["foot_weakness"].value() is False
    assert part.summary.isVisibleTo(env.tab)
    form.set_day(before, ask=False)
    assert part.is_open() and part.widgets["feeling_unwell"].isVisibleTo(env.tab)
    form.set_day(yesterday, ask=False)
    assert not part.is_open()


def test_the_same_day_loaded_again_keeps_the_part_as_the_runner_left_it(env, qtbot):
    form = env.tab.form
    part = form.less_common
    qtbot.mouseClick(part.toggle, Qt.MouseButton.LeftButton)
    form.set_day(env.today, ask=False)
    assert part.is_open()
