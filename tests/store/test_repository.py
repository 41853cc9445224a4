"""Round trips for every record type, ordering, undo helpers and atomic writes."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text
from store_samples import TODAY, TZ, full_checkin, full_profile, full_run, full_session, full_set

from hamstring_app.core.models import CheckIn, History, Run, SetLog, StrengthSession
from hamstring_app.core.settings import Settings
from hamstring_app.store.db import HEAD_REVISION
from hamstring_app.store.errors import NotFound, StoreError
from hamstring_app.store.repository import Repository


def test_meta_records_revision_and_version(repo: Repository) -> None:
    meta = repo.meta()
    assert meta.schema_revision == HEAD_REVISION
    assert meta.app_version == "1.2.3"


def test_profile_round_trip_and_replace(repo: Repository) -> None:
    assert repo.get_profile() is None
    profile = full_profile()
    repo.save_profile(profile)
    assert repo.get_profile() == profile
    changed = dataclasses.replace(profile, usual_weekly_km=None, long_standing=False)
    repo.save_profile(changed)
    assert repo.get_profile() == changed


def test_checkin_round_trip_every_field(repo: Repository) -> None:
    checkin = full_checkin()
    repo.save_checkin(checkin)
    loaded = repo.get_checkin(TODAY)
    assert loaded == checkin
    assert loaded is not None and type(loaded.ran) is bool and type(loaded.pain_rest) is int


def test_checkin_all_unanswered_round_trip(repo: Repository) -> None:
    empty = CheckIn(day=TODAY)
    repo.save_checkin(empty)
    assert repo.get_checkin(TODAY) == empty


def test_save_checkin_replaces_same_date(repo: Repository) -> None:
    repo.save_checkin(full_checkin())
    replacement = CheckIn(day=TODAY, pain_rest=7, ran=False)
    repo.save_checkin(replacement)
    assert repo.get_checkin(TODAY) == replacement
    assert len(repo.list_checkins()) == 1


def test_list_checkins_sorted_and_bounded(repo: Repository) -> None:
    days = [TODAY - timedelta(days=n) for n in (3, 0, 10, 5)]
    for day in days:
        repo.save_checkin(CheckIn(day=day, pain_rest=1))
    assert [c.day for c in repo.list_checkins()] == sorted(days)
    window = repo.list_checkins(TODAY - timedelta(days=5), TODAY - timedelta(days=3))
    assert [c.day for c in window] == [TODAY - timedelta(days=5), TODAY - timedelta(days=3)]
    assert repo.last_checkin_before(TODAY).day == TODAY - timedelta(days=3)  # type: ignore[union-attr]
    assert repo.last_checkin_before(TODAY - timedelta(days=10)) is None


def test_delete_checkin_returns_it_for_undo(repo: Repository) -> None:
    checkin = full_checkin()
    repo.save_checkin(checkin)
    assert repo.delete_checkin(TODAY) == checkin
    assert repo.get_checkin(TODAY) is None
    with pytest.raises(NotFound, match="no check-in"):
        repo.delete_checkin(TODAY)
    repo.save_checkin(checkin)
    assert repo.get_checkin(TODAY) == checkin


def test_run_round_trip_update_delete_and_undo(repo: Repository) -> None:
    saved = repo.add_run(full_run())
    assert saved.id is not None
    assert saved == dataclasses.replace(full_run(), id=saved.id)
    assert repo.runs_on(TODAY) == (saved,)

    changed = dataclasses.replace(saved, distance_km=8.0, note="cut short", pain=None)
    assert repo.update_run(changed) == changed
    assert repo.runs_on(TODAY) == (changed,)

    deleted = repo.delete_run(saved.id)
    assert deleted == changed
    assert repo.runs_on(TODAY) == ()
    with pytest.raises(NotFound):
        repo.delete_run(saved.id)
    # Undo keeps the id, even after another run took the next number.
    other = repo.add_run(full_run(day=TODAY - timedelta(days=1)))
    assert other.id != saved.id
    assert repo.add_run(deleted) == deleted
    with pytest.raises(StoreError, match="already saved"):
        repo.add_run(deleted)


def test_update_missing_run_is_not_found(repo: Repository) -> None:
    with pytest.raises(NotFound):
        repo.update_run(full_run(id=999))


def test_runs_sorted_by_day_then_id(repo: Repository) -> None:
    late = repo.add_run(full_run(day=TODAY))
    early = repo.add_run(full_run(day=TODAY - timedelta(days=2)))
    same_day = repo.add_run(full_run(day=TODAY, distance_km=3.0))
    assert [r.id for r in repo.list_runs()] == [early.id, late.id, same_day.id]
    assert repo.list_runs(start=TODAY) == (late, same_day)
    assert repo.list_runs(end=TODAY - timedelta(days=1)) == (early,)


def test_strength_session_round_trip(repo: Repository) -> None:
    session = full_session()
    saved = repo.start_strength_session(session)
    assert saved.id is not None
    assert saved == dataclasses.replace(session, id=saved.id)
    assert repo.get_strength_session(saved.id) == saved
    assert repo.get_strength_session(saved.id + 100) is None
    # time zones survive the trip
    assert saved.sets[0].started_at is not None and saved.sets[0].started_at.tzinfo is not None


def test_guided_session_flow(repo: Repository) -> None:
    start = datetime(2026, 3, 15, 9, 0, tzinfo=TZ)
    session = repo.start_strength_session(StrengthSession(day=TODAY, started_at=start, phase=1))
    assert session.id is not None
    assert repo.unfinished_strength_session() == session
    repo.log_set(session.id, SetLog("bridge_hold", 1, hold_s=45.0, pain=1))
    repo.log_set(session.id, SetLog("bridge_hold", 2, hold_s=45.0, pain=4))
    # logging the same set again replaces it, keeping its place
    repo.log_set(session.id, SetLog("bridge_hold", 1, hold_s=40.0, pain=2))
    repo.log_set(session.id, SetLog("calf_raise", 1, reps=15))
    with pytest.raises(NotFound):
        repo.log_set(session.id + 1, SetLog("calf_raise", 1, reps=15))
    finished = repo.finish_strength_session(session.id, start + timedelta(minutes=30))
    assert finished.finished
    assert [(s.exercise_id, s.set_number, s.pain) for s in finished.sets] == [
        ("bridge_hold", 1, 2),
        ("bridge_hold", 2, 4),
        ("calf_raise", 1, None),
    ]
    assert finished.max_pain == 4
    assert repo.unfinished_strength_session() is None
    repo.set_session_next_morning_pain(session.id, 3)
    assert repo.get_strength_session(session.id).pain_next_morning == 3  # type: ignore[union-attr]
    repo.set_session_next_morning_pain(session.id, None)
    assert repo.get_strength_session(session.id).pain_next_morning is None  # type: ignore[union-attr]
    with pytest.raises(NotFound):
        repo.set_session_next_morning_pain(session.id + 1, 2)
    with pytest.raises(NotFound):
        repo.finish_strength_session(session.id + 1, start)


def test_unfinished_session_is_the_latest_one(repo: Repository) -> None:
    repo.start_strength_session(StrengthSession(day=TODAY - timedelta(days=3)))
    newer = repo.start_strength_session(StrengthSession(day=TODAY))
    assert repo.unfinished_strength_session() == newer


def test_delete_session_cascades_sets_and_restore_brings_them_back(repo: Repository) -> None:
    saved = repo.start_strength_session(full_session())
    assert saved.id is not None
    deleted = repo.delete_strength_session(saved.id)
    assert deleted == saved
    assert repo.get_strength_session(saved.id) is None
    with repo.database.engine.connect() as conn:
        left = conn.execute(text("SELECT count(*) FROM set_log")).scalar()
    assert left == 0  # ON DELETE CASCADE with foreign keys on
    with pytest.raises(NotFound):
        repo.delete_strength_session(saved.id)
    assert repo.restore_strength_session(deleted) == saved
    assert repo.list_strength_sessions() == (saved,)
    with pytest.raises(StoreError, match="already saved"):
        repo.restore_strength_session(deleted)


def test_list_sessions_sorted_with_their_own_sets(repo: Repository) -> None:
    b = repo.start_strength_session(full_session(day=TODAY - timedelta(days=1), n_sets=2))
    a = repo.start_strength_session(full_session(day=TODAY - timedelta(days=4), n_sets=1))
    listed = repo.list_strength_sessions()
    assert listed == (a, b)
    assert [len(s.sets) for s in listed] == [2, 3]
    assert repo.list_strength_sessions(start=TODAY - timedelta(days=2)) == (b,)
    assert repo.list_strength_sessions(end=TODAY - timedelta(days=2)) == (a,)


def _history(days: int) -> History:
    checkins = tuple(
        CheckIn(day=TODAY - timedelta(days=n), pain_rest=n % 11, ran=n % 2 == 0)
        for n in range(days, -1, -1)
    )
    runs = tuple(full_run(day=TODAY - timedelta(days=n)) for n in range(days, -1, -3))
    sessions = tuple(
        dataclasses.replace(full_session(), day=TODAY - timedelta(days=n))
        for n in range(days, 0, -5)
    )
    return History(profile=full_profile(), checkins=checkins, runs=runs, strength_sessions=sessions)


def test_import_then_load_history(repo: Repository) -> None:
    history = _history(60)
    repo.import_history(history)
    loaded = repo.load_history()
    assert loaded.profile == history.profile
    assert loaded.checkins == history.checkins
    assert [dataclasses.replace(r, id=None) for r in loaded.runs] == list(history.runs)
    assert [dataclasses.replace(s, id=None) for s in loaded.strength_sessions] == list(
        history.strength_sessions
    )
    assert len({s.id for s in loaded.strength_sessions}) == len(history.strength_sessions)
    since = TODAY - timedelta(days=10)
    recent = repo.load_history(since)
    assert all(c.day >= since for c in recent.checkins) and len(recent.checkins) == 11
    assert all(r.day >= since for r in recent.runs)
    assert recent.strength_sessions == tuple(s for s in loaded.strength_sessions if s.day >= since)


def test_import_after_existing_data_keeps_ids_unique(repo: Repository) -> None:
    kept = repo.start_strength_session(full_session())
    repo.delete_strength_session(repo.start_strength_session(full_session()).id)  # type: ignore[arg-type]
    repo.import_history(_history(10))
    ids = [s.id for s in repo.list_strength_sessions()]
    assert kept.id in ids and len(ids) == len(set(ids)) == 3
    assert max(ids) > kept.id + 1  # never reuses the deleted session's id  # type: ignore[operator]


def test_import_is_all_or_nothing(repo: Repository) -> None:
    repo.save_checkin(CheckIn(day=TODAY, pain_rest=1))
    good = _history(5)
    duplicate = dataclasses.replace(good, checkins=(*good.checkins, good.checkins[0]))
    with pytest.raises(Exception, match="two check-ins"):
        repo.import_history(duplicate)
    session = dataclasses.replace(full_session(), sets=(full_set(), full_set()))
    with pytest.raises(Exception, match="listed twice"):
        repo.import_history(dataclasses.replace(good, strength_sessions=(session,)))
    assert repo.list_runs() == ()
    assert repo.get_profile() is None
    assert repo.list_checkins() == (CheckIn(day=TODAY, pain_rest=1),)


def test_sql_failure_mid_call_rolls_back(repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    """If SQL fails after some rows went in, the whole call is undone."""
    from hamstring_app.store import bulk

    def explode(conn: object, sessions: object) -> None:
        # profile, check-ins and runs are already in when this fails
        assert conn.exec_driver_sql("SELECT count(*) FROM run").scalar() > 0  # type: ignore[attr-defined]
        raise RuntimeError("disk full")

    monkeypatch.setattr(bulk, "insert_sessions", explode)
    with pytest.raises(RuntimeError):
        repo.import_history(_history(5))
    assert repo.load_history() == History()


def test_settings_defaults_round_trip_and_bad_stored_value(repo: Repository) -> None:
    assert repo.get_settings() == Settings()
    chosen = Settings(
        reminder_enabled=False,
        reminder_time="07:45",
        sound_enabled=False,
        speech_enabled=True,
        sessions_per_week=4,
        set_pain_threshold=3,
    )
    repo.save_settings(chosen)
    assert repo.get_settings() == chosen
    with repo.database.engine.begin() as conn:
        conn.execute(text("UPDATE setting SET value = '25:99' WHERE key = 'reminder_time'"))
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('from_the_future', 'x')"))
    assert repo.get_settings() == dataclasses.replace(chosen, reminder_time="20:00")


def test_history_round_trip_is_equal_to_separate_reads(repo: Repository) -> None:
    repo.import_history(_history(20))
    history = repo.load_history()
    assert history.checkins == repo.list_checkins()
    assert history.runs == repo.list_runs()
    assert history.strength_sessions == repo.list_strength_sessions()
    assert isinstance(history.runs[0], Run)
    assert history.runs[0].day == date(2026, 2, 23)


def test_usable_from_a_worker_thread(repo: Repository) -> None:
    """Long imports run off the UI thread; the same repository must work there."""
    import threading

    errors: list[BaseException] = []

    def work() -> None:
        try:
            repo.import_history(_history(5))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == []
    assert len(repo.list_checkins()) == 6


def test_restore_checkin_puts_back_but_never_replaces(repo: Repository) -> None:
    from hamstring_app.store.errors import Conflict

    deleted = full_checkin()
    repo.save_checkin(deleted)
    repo.delete_checkin(deleted.day)
    repo.restore_checkin(deleted)
    assert repo.get_checkin(deleted.day) == deleted
    newer = CheckIn(day=deleted.day, pain_rest=1, note="newer")
    repo.save_checkin(newer)
    with pytest.raises(Conflict, match=f"{deleted.day.isoformat()} was saved since; it was kept"):
        repo.restore_checkin(deleted)
    assert repo.get_checkin(deleted.day) == newer
