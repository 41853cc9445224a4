"""The day's runs and the history table: add, edit, delete, and undo that restores exactly."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from hamstring_app.core.models import KM_PER_MILE, CheckIn, Profile, Run, RunType, Units
from hamstring_app.ui.checkin.history import ROW_ROLE
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.events import Changes, Kind


def _open_new_run(qtbot, env):
    runs = env.tab.runs
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    assert runs.editing
    return runs


def test_add_a_run_by_keyboard(qtbot, env):
    runs = _open_new_run(qtbot, env)
    qtbot.keyClicks(runs.distance, "8.5")
    qtbot.keyClicks(runs.duration, "50")
    runs.type.setCurrentIndex(runs.type.findData(RunType.TEMPO))
    qtbot.keyClick(runs.pain, Qt.Key.Key_2)
    qtbot.keyClick(runs.duration, Qt.Key.Key_Return)
    stored = env.repo.runs_on(env.today)
    assert len(stored) == 1
    run = stored[0]
    assert (run.distance_km, run.duration_min, run.type, run.pain) == (
        8.5, 50.0, RunType.TEMPO, 2
    )
    assert not runs.editing
    assert runs.list.count() == 1
    assert env.tab.history.model.rowCount() == 1


def test_a_run_of_minus_3_km_is_refused_next_to_the_field(qtbot, env):
    runs = _open_new_run(qtbot, env)
    qtbot.keyClicks(runs.distance, "-3")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert env.repo.list_runs() == ()
    assert runs.editing
    message = runs.errors.message("distance_km")
    assert "more than 0" in message and "-3" in message
    assert runs.errors.labels["distance_km"].isVisible()


def test_a_run_with_a_bad_cadence_names_the_field(qtbot, env):
    runs = _open_new_run(qtbot, env)
    qtbot.keyClicks(runs.distance, "5")
    qtbot.keyClicks(runs.cadence, "900")
    qtbot.keyClick(runs.cadence, Qt.Key.Key_Return)
    assert env.repo.list_runs() == ()
    assert "900" in runs.errors.message("cadence_spm")


def test_miles_are_shown_and_stored_in_km(qtbot, env):
    env.repo.save_profile(Profile(injury_start=env.today - timedelta(days=9), units=Units.MILES))
    env.session.ctx.ops.announce(Changes.of(Kind.PROFILE))
    runs = _open_new_run(qtbot, env)
    assert "mi" in runs.distance_label.text()
    qtbot.keyClicks(runs.distance, "5")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    (run,) = env.repo.list_runs()
    assert abs(run.distance_km - 5 * KM_PER_MILE) < 1e-9
    # editing something else keeps the stored distance exactly
    assert runs.edit_run(run.id)
    assert runs.distance.text() == "5"
    qtbot.keyClicks(runs.note, "windy")
    qtbot.keyClick(runs.note, Qt.Key.Key_Return)
    (edited,) = env.repo.list_runs()
    assert edited.distance_km == run.distance_km
    assert edited.note == "windy"
    assert edited.id == run.id


def test_edit_a_run_from_the_history(qtbot, env):
    day = env.today - timedelta(days=3)
    run = env.repo.add_run(Run(day=day, distance_km=10.0, type=RunType.LONG))
    env.repo.add_run(Run(day=env.today, distance_km=4.0))
    env.reload()
    history = env.tab.history
    assert history.select(day, run_id=run.id)
    qtbot.keyClick(history.table, Qt.Key.Key_Return)
    assert env.tab.form.day() == day
    runs = env.tab.runs
    assert runs.editing
    runs.distance.clear()
    qtbot.keyClicks(runs.distance, "12")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert env.repo.runs_on(day) == (Run(day=day, distance_km=12.0, type=RunType.LONG, id=run.id),)
    assert [r.distance_km for r in env.repo.runs_on(env.today)] == [4.0]


def test_history_is_newest_first_and_sortable(qtbot, env):
    for days_ago, pain in ((1, 5), (3, 1), (2, 8)):
        env.repo.save_checkin(CheckIn(day=env.today - timedelta(days=days_ago), pain_rest=pain))
    env.reload()
    proxy = env.tab.history.model
    dates = [proxy.index(r, 0).data(ROW_ROLE).day for r in range(proxy.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert proxy.index(0, 0).data() == day_text(dates[0])
    env.tab.history.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    pains = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    assert pains == ["1/10", "5/10", "8/10"]


def test_delete_checkin_then_undo_restores_it_exactly(qtbot, env):
    day = env.today - timedelta(days=2)
    original = CheckIn(
        day=day, pain_rest=3, pain_run=4, pain_next_morning=2, ran=True,
        eased_during_run=True, settled_within_24h=False, sharp_pain=False,
        pain_increases_with_speed=None, gait_changed=False, pain_in_daily_activities=False,
        sudden_onset_with_weakness=False, nerve_signs=False, overstride_long_stride=True,
        overstride_loud_landing=None, overstride_heel_ahead=False, fatigue=7,
        sleep_hours=6.25, note="hilly route, felt tight",
    )
    env.repo.save_checkin(original)
    other = CheckIn(day=env.today, pain_rest=1)
    env.repo.save_checkin(other)
    env.reload()
    history = env.tab.history
    assert history.select(day)
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)  # no question asked
    assert env.repo.get_checkin(day) is None
    assert env.tab.history.model.rowCount() == 1
    qtbot.keyClick(history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert env.repo.get_checkin(day) == original
    assert env.repo.get_checkin(env.today) == other
    assert env.tab.history.model.rowCount() == 2
    # and redo deletes it again
    qtbot.keyClick(
        history.table, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert env.repo.get_checkin(day) is None


def test_delete_run_then_undo_restores_it_with_its_id(qtbot, env):
    original = env.repo.add_run(
        Run(day=env.today, distance_km=7.3, duration_min=41.5, type=RunType.HILLS, rpe=6,
            cadence_spm=172, descent_m=120.0, pain=2, note="two hill repeats")
    )
    env.reload()
    runs = env.tab.runs
    assert runs.select_run(original.id)
    qtbot.mouseClick(runs.delete_button, Qt.MouseButton.LeftButton)
    assert env.repo.list_runs() == ()
    assert runs.list.count() == 0
    qtbot.mouseClick(env.tab.history.undo_button, Qt.MouseButton.LeftButton)
    assert env.repo.list_runs() == (original,)
    assert runs.list.count() == 1


def test_the_tabs_copy_of_the_history_stays_equal_to_the_store(qtbot, env):
    from hamstring_app.core.models import SetLog, StrengthSession

    env.repo.add_run(Run(day=env.today - timedelta(days=1), distance_km=5.0))
    env.repo.start_strength_session(
        StrengthSession(day=env.today - timedelta(days=1), sets=(SetLog("bridge_hold", 1),))
    )
    env.reload()
    snapshot = env.tab.snapshot
    loads = snapshot.full_loads
    form = env.tab.form
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_3)
    qtbot.keyClick(form.strength_pain, Qt.Key.Key_1)
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_Return)
    runs = _open_new_run(qtbot, env)
    qtbot.keyClicks(runs.distance, "6")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    assert env.tab.history.select(env.today - timedelta(days=1), run_id=1)
    env.tab.history.delete_selected()
    assert snapshot.get() == env.repo.load_history()
    env.tab.undo_stack.undo()
    assert snapshot.get() == env.repo.load_history()
    assert snapshot.full_loads == loads  # only the changed days were read again


def test_numbers_are_shown_without_losing_digits():
    from hamstring_app.ui.checkin.fields import format_number

    assert [format_number(v, d) for v, d in ((30.0, 0), (7.50, 1), (100, 2), (0.0, 1))] == [
        "30", "7.5", "100", "0"
    ]


def test_undo_of_a_delete_keeps_a_checkin_saved_since_and_says_so(qtbot, env):
    day = env.today - timedelta(days=1)
    env.repo.save_checkin(CheckIn(day=day, pain_rest=5, note="the deleted one"))
    env.reload()
    history = env.tab.history
    assert history.select(day)
    history.delete_selected()
    assert env.repo.get_checkin(day) is None
    newer = CheckIn(day=day, pain_rest=2, note="saved after the delete")
    env.repo.save_checkin(newer)
    env.reload()
    messages: list[str] = []
    env.session.ctx.events.status_message.connect(messages.append)
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert env.repo.get_checkin(day) == newer
    assert messages and "was saved since" in messages[-1] and "kept" in messages[-1]
