"""The Strength tab with a real store: plan, start, per-set saving, finish, resume, blocks."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hamstring_app.core.models import CheckIn, SetLog, StrengthSession
from hamstring_app.core.session import State
from hamstring_app.ui.events import Changes, Kind

CLICK = Qt.MouseButton.LeftButton


def drive_to_log(tab, clock) -> None:
    """Advance the fake clock until the current set waits to be logged."""
    runner = tab.runner
    for _ in range(50):
        session = runner.session
        if session.state is State.SET_DONE:
            return
        if session.remaining_s is None:
            runner.enter()  # reps: the runner says the set is done
        else:
            clock.advance(session.remaining_s + 0.01)
            runner.tick()
    raise AssertionError("never reached a set to log")


def test_plan_shows_todays_exercises_and_start(strength_app):
    _app, tab = strength_app()
    assert tab.title == "Strength"
    assert tab.objectName() == "session"
    assert tab.today_plan is not None and tab.today_plan.plan
    assert len(tab.plan_view.rows) == len(tab.today_plan.plan)
    first = tab.today_plan.plan[0]
    assert first.exercise.name in tab.plan_view.rows[0].name_label.text()
    assert tab.plan_view.start_button.isEnabled()
    assert not tab.plan_view.blocked_label.isVisible()


def test_each_set_is_in_the_store_as_soon_as_it_is_logged(strength_app, clock, qtbot):
    app, tab = strength_app()
    repo = app.ctx.repo
    qtbot.mouseClick(tab.plan_view.start_button, CLICK)
    assert tab.running
    record = repo.unfinished_strength_session()
    assert record is not None and record.day == date(2026, 3, 18) and record.sets == ()
    assert record.phase == tab.today_plan.phase
    for expected in (1, 2):
        drive_to_log(tab, clock)
        panel = tab.runner.log_panel
        panel.pain.setValue(expected + 1)
        qtbot.keyClick(panel.pain, Qt.Key.Key_Return)
        stored = repo.get_strength_session(record.id)
        assert len(stored.sets) == expected
        assert stored.sets[-1].pain == expected + 1
        assert stored.finished_at is None
    changes = []
    app.ctx.events.data_changed.connect(changes.append)
    tab.runner.end_early()
    qtbot.keyClick(tab.runner, Qt.Key.Key_Return)  # Finish on the summary
    assert not tab.running
    done = repo.get_strength_session(record.id)
    assert done.finished and len(done.sets) == 2
    assert repo.unfinished_strength_session() is None
    assert any(Kind.STRENGTH in c.kinds for c in changes)
    assert tab.history_view.table.rowCount() == 1


def test_leaving_keeps_the_sets_and_offers_to_resume(strength_app, clock, qtbot, monkeypatch):
    app, tab = strength_app()
    repo = app.ctx.repo
    tab.start_session()
    drive_to_log(tab, clock)
    tab.runner.log_panel.pain.setValue(1)
    tab.runner.save_set()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tab.runner, Qt.Key.Key_Escape)
    assert not tab.running
    assert tab.resume_banner.isVisible()
    assert "1 set" in tab.resume_banner.label.text()
    qtbot.mouseClick(tab.resume_banner.resume_button, CLICK)
    assert tab.running
    session = tab.runner.session
    assert len(session.completed_sets) == 1
    assert session.set_index == 2  # carries on with the next set
    drive_to_log(tab, clock)
    tab.runner.log_panel.pain.setValue(1)
    tab.runner.save_set()
    record = repo.unfinished_strength_session()
    assert [s.set_number for s in record.sets] == [1, 2]


def test_finish_as_it_is(strength_app, clock, qtbot):
    app, tab = strength_app()
    repo = app.ctx.repo
    record = repo.start_strength_session(
        StrengthSession(day=date(2026, 3, 18), phase=1, started_at=clock.now())
    )
    clock.advance(60)
    repo.log_set(
        record.id,
        SetLog(
            "bridge_hold", 1, hold_s=30.0, pain=1, started_at=clock.now(), finished_at=clock.now()
        ),
    )
    tab.refresh_now()
    assert tab.resume_banner.isVisible()
    qtbot.mouseClick(tab.resume_banner.finish_button, CLICK)
    assert repo.unfinished_strength_session() is None
    assert repo.get_strength_session(record.id).finished_at == clock.now()
    assert not tab.resume_banner.isVisible()


def test_an_old_unfinished_session_can_only_be_finished(strength_app, clock):
    app, tab = strength_app()
    repo = app.ctx.repo
    old = repo.start_strength_session(StrengthSession(day=date(2026, 3, 16), phase=1))
    repo.log_set(old.id, SetLog("bridge_hold", 1, hold_s=30.0, pain=1))
    tab.refresh_now()
    assert tab.resume_banner.isVisible()
    assert "1 set saved" in tab.resume_banner.label.text()
    assert tab.resume_banner.resume_button.isHidden()
    tab.start_session()  # starting today's closes the old one as it is
    assert len([s for s in repo.list_strength_sessions() if not s.finished]) == 1
    assert repo.unfinished_strength_session().day == date(2026, 3, 18)


def test_urgent_referral_says_strength_work_waits(strength_app, clock):
    app, tab = strength_app()
    app.ctx.repo.save_checkin(
        CheckIn(day=date(2026, 3, 18), pain_rest=6, sudden_onset_with_weakness=True)
    )
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(date(2026, 3, 18),)))
    assert tab.plan_view.blocked_label.isVisible()
    assert "waits until you have been assessed" in tab.plan_view.blocked_label.text()
    assert not tab.plan_view.start_button.isEnabled()
    tab.start_session()
    assert not tab.running


@pytest.mark.parametrize("sign", ["bruising_after_sudden_pain", "difficulty_walking"])
def test_a_possible_tear_named_by_another_sign_is_not_called_sudden_pain(strength_app, sign):
    """Strength work waits for every sign of a possible tear, and the words never name
    sudden pain with weakness when that is not what was reported."""
    app, tab = strength_app()
    app.ctx.repo.save_checkin(CheckIn(day=date(2026, 3, 18), pain_rest=1, **{sign: True}))
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(date(2026, 3, 18),)))
    text = tab.plan_view.blocked_label.text()
    assert tab.plan_view.blocked_label.isVisible()
    assert "waits until you have been assessed" in text and "tear" in text
    assert "sudden pain with weakness" not in text.lower()
    assert "24-48 hours" in text
    assert not tab.plan_view.start_button.isEnabled()


def test_a_paused_programme_is_not_described_as_a_session_to_do(strength_app):
    """While strength work waits for an assessment (nothing offered), the summary does not
    describe today's programme, its minutes or its exercises: it would contradict the
    "do no strength exercises" beside it."""
    app, tab = strength_app()
    before = tab.plan_view.summary_label.text()
    assert "minutes" in before  # a normal day describes the session
    app.ctx.repo.save_checkin(
        CheckIn(day=date(2026, 3, 18), pain_rest=1, sudden_onset_with_weakness=True)
    )
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(date(2026, 3, 18),)))
    text = tab.plan_view.summary_label.text()
    assert tab.plan_view.blocked_label.isVisible()
    assert "Stop and get assessed" in text
    assert "minutes" not in text and "exercise" not in text
    assert tab.today_plan.programme.summary not in text


def test_a_paused_programme_is_not_titled_as_today_s_phase(strength_app):
    """Nothing is offered while strength work waits for an assessment: the title says the
    work is paused instead of naming today's phase and programme as if it were on."""
    app, tab = strength_app()
    programme = tab.today_plan.programme.name
    assert programme in tab.plan_view.title_label.text()  # a normal day names it
    app.ctx.repo.save_checkin(
        CheckIn(day=date(2026, 3, 18), pain_rest=1, difficulty_walking=True)
    )
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(date(2026, 3, 18),)))
    title = tab.plan_view.title_label.text()
    assert "paused" in title
    assert programme not in title and "phase" not in title


def test_a_paused_programme_s_reason_is_not_stretched_over_the_empty_list(strength_app, qtbot):
    """With no exercises listed, the room the list had goes below the reason, not into it:
    the reason's box is as tall as its text, right under the heading."""
    app, tab = strength_app()
    app.ctx.repo.save_checkin(
        CheckIn(day=date(2026, 3, 18), pain_rest=1, difficulty_walking=True)
    )
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(date(2026, 3, 18),)))
    view = tab.plan_view
    qtbot.waitUntil(lambda: view.blocked_label.isVisible())
    qtbot.wait(100)
    label = view.blocked_label
    needed = label.heightForWidth(label.width())
    assert label.height() <= needed + 8
    below_heading = label.y() - (view.summary_label.y() + view.summary_label.height())
    assert below_heading <= 3 * view.fontMetrics().height()


def test_the_reason_beside_a_pause_writes_its_dates_as_the_today_tab_does(strength_app):
    from hamstring_app.ui.dates import day_text

    app, tab = strength_app()
    earlier = date(2026, 3, 13)
    app.ctx.repo.save_checkin(CheckIn(day=earlier, pain_rest=1, nerve_signs=True))
    app.ctx.repo.save_checkin(CheckIn(day=date(2026, 3, 18), pain_rest=1, foot_weakness=True))
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(earlier, date(2026, 3, 18))))
    text = tab.plan_view.blocked_label.text()
    assert "only the gentle holds of phase 1" in text
    assert "2026-03-13" not in text and day_text(earlier) in text


def test_swapping_for_the_harder_variant_and_back(strength_app, qtbot):
    _app, tab = strength_app()
    row = next(r for r in tab.plan_view.rows if r.harder_button.isEnabled())
    base = row.item.base_id or row.item.exercise_id
    before = row.item.exercise
    qtbot.mouseClick(row.harder_button, CLICK)
    swapped = next(p for p in tab.today_plan.plan if (p.base_id or p.exercise_id) == base)
    assert swapped.exercise.id == before.harder
    assert tab.plan_view.reset_button.isVisible()
    row = next(r for r in tab.plan_view.rows if r.item.exercise_id == swapped.exercise_id)
    qtbot.mouseClick(row.easier_button, CLICK)  # back to where it was: no swap left
    assert tab.swaps == {}
    again = next(p for p in tab.today_plan.plan if (p.base_id or p.exercise_id) == base)
    assert again.exercise.id == before.id


def test_history_counts_sessions_against_the_weekly_plan(strength_app, clock):
    app, tab = strength_app()
    repo = app.ctx.repo
    for day in (date(2026, 3, 9), date(2026, 3, 11), date(2026, 3, 16)):
        record = repo.start_strength_session(StrengthSession(day=day, phase=1))
        repo.log_set(record.id, SetLog("bridge_hold", 1, hold_s=30.0, pain=1))
        repo.finish_strength_session(record.id, clock.now())
    app.ctx.ops.announce(Changes.of(Kind.STRENGTH))
    weeks = tab.history_view.weeks
    assert (weeks[0].monday, weeks[0].done, weeks[0].planned) == (date(2026, 3, 16), 1, 3)
    assert weeks[0].current
    assert (weeks[1].monday, weeks[1].done) == (date(2026, 3, 9), 2)
    assert not weeks[1].met
    assert tab.history_view.table.rowCount() == 3


def test_closing_mid_session_asks_first(strength_app, monkeypatch):
    _app, tab = strength_app()
    tab.start_session()
    asked = []

    def answer(*args, **kwargs):
        asked.append(True)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert tab.can_close() is False and asked


def test_a_warning_sign_reported_yesterday_is_not_called_today(strength_app, clock):
    app, tab = strength_app()
    yesterday = date(2026, 3, 17)
    app.ctx.repo.save_checkin(CheckIn(day=yesterday, pain_rest=6, sudden_onset_with_weakness=True))
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(yesterday,)))
    text = tab.plan_view.blocked_label.text()
    assert "waits until you have been assessed" in text
    assert "today" not in text.split(".")[1].lower()  # the sentence after the first
    assert "told us today" not in text
    assert "24-48 hours" in text


def test_nerve_signs_pause_strength_to_the_phase_1_holds_and_say_why(strength_app):
    from hamstring_app.core.library_model import Group

    app, tab = strength_app()
    app.ctx.repo.save_checkin(CheckIn(day=date(2026, 3, 18), pain_rest=2, nerve_signs=True))
    app.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(date(2026, 3, 18),)))
    label = tab.plan_view.blocked_label
    assert label.isVisible() and "only the gentle holds of phase 1" in label.text()
    assert "professional" in label.text()
    assert tab.plan_view.rows
    assert all(r.isEnabled() for r in tab.plan_view.rows)
    assert all(p.exercise.group is Group.ISOMETRIC for p in tab.today_plan.plan)
    assert tab.plan_view.start_button.isEnabled()
