"""The repository refuses bad values before any SQL runs, naming the field."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from store_samples import TODAY, TZ, full_checkin, full_profile, full_run, full_session, full_set

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import (
    CheckIn,
    History,
    SetLog,
    StrengthSession,
    ValidationError,
)
from hamstring_app.core.settings import Settings
from hamstring_app.store.repository import Repository

TOMORROW = TODAY + timedelta(days=1)
LATE = datetime(2026, 3, 16, 0, 0, 1, tzinfo=TZ)

FUTURE_CASES: list[tuple[str, str, Callable[[Repository], object]]] = [
    ("save_checkin", "date", lambda repo: repo.save_checkin(full_checkin(TOMORROW))),
    ("add_run", "date", lambda repo: repo.add_run(full_run(TOMORROW))),
    (
        "update_run",
        "date",
        lambda repo: repo.update_run(dataclasses.replace(repo.add_run(full_run()), day=TOMORROW)),
    ),
    (
        "start_strength_session",
        "date",
        lambda repo: repo.start_strength_session(StrengthSession(day=TOMORROW)),
    ),
    (
        "start_strength_session started_at",
        "started_at",
        lambda repo: repo.start_strength_session(StrengthSession(day=TODAY, started_at=LATE)),
    ),
    (
        "restore_strength_session",
        "date",
        lambda repo: repo.restore_strength_session(full_session(day=TOMORROW)),
    ),
    (
        "log_set",
        "finished_at",
        lambda repo: repo.log_set(
            repo.start_strength_session(StrengthSession(day=TODAY)).id,  # type: ignore[arg-type]
            SetLog("bridge", 1, finished_at=LATE),
        ),
    ),
    (
        "finish_strength_session",
        "finished_at",
        lambda repo: repo.finish_strength_session(
            repo.start_strength_session(StrengthSession(day=TODAY)).id,  # type: ignore[arg-type]
            LATE,
        ),
    ),
    (
        "save_profile",
        "injury_start",
        lambda repo: repo.save_profile(dataclasses.replace(full_profile(), injury_start=TOMORROW)),
    ),
    (
        "import_history checkin",
        "date",
        lambda repo: repo.import_history(History(checkins=(CheckIn(day=TOMORROW),))),
    ),
    (
        "import_history run",
        "date",
        lambda repo: repo.import_history(History(runs=(full_run(TOMORROW),))),
    ),
    (
        "import_history session",
        "date",
        lambda repo: repo.import_history(History(strength_sessions=(full_session(day=TOMORROW),))),
    ),
]


@pytest.mark.parametrize(
    ("case", "field", "call"), FUTURE_CASES, ids=[case for case, _, _ in FUTURE_CASES]
)
def test_future_dates_are_refused_naming_the_field(
    repo: Repository, case: str, field: str, call: Callable[[Repository], object]
) -> None:
    before = repo.load_history()
    with pytest.raises(ValidationError) as caught:
        call(repo)
    assert caught.value.field == field
    assert "in the future" in caught.value.message
    assert TODAY.isoformat() in caught.value.message
    after = repo.load_history()
    # Only records made by the case's own set-up may exist; nothing dated tomorrow.
    assert all(c.day <= TODAY for c in after.checkins)
    assert all(r.day <= TODAY for r in after.runs)
    assert all(s.day <= TODAY and s.finished_at is None for s in after.strength_sessions)
    assert after.profile == before.profile


def test_today_is_read_at_each_call(data_dir: object, tmp_path: object) -> None:
    """The repository asks its ``today`` each time: a session open across midnight works."""
    from hamstring_app.store.repository import open_repository

    day = [TODAY]
    repo = open_repository(tmp_path, today=lambda: day[0], app_version="1")  # type: ignore[arg-type]
    try:
        with pytest.raises(ValidationError):
            repo.save_checkin(CheckIn(day=TOMORROW))
        day[0] = TOMORROW
        repo.save_checkin(CheckIn(day=TOMORROW))
        assert repo.get_checkin(TOMORROW) == CheckIn(day=TOMORROW)
    finally:
        repo.close()


def _forged(record: object, **values: object) -> object:
    """A record whose fields were changed behind its checks (as buggy code could)."""
    copy = dataclasses.replace(record)  # type: ignore[type-var]
    for name, value in values.items():
        object.__setattr__(copy, name, value)
    return copy


FORGED_CASES: list[tuple[str, Callable[[Repository], object]]] = [
    ("pain_rest", lambda repo: repo.save_checkin(_forged(full_checkin(), pain_rest=11))),  # type: ignore[arg-type]
    ("note", lambda repo: repo.save_checkin(_forged(full_checkin(), note="x" * 2001))),  # type: ignore[arg-type]
    ("distance_km", lambda repo: repo.add_run(_forged(full_run(), distance_km=-1.0))),  # type: ignore[arg-type]
    ("type", lambda repo: repo.add_run(_forged(full_run(), type="jog"))),  # type: ignore[arg-type]
    (
        "usual_cadence_spm",
        lambda repo: repo.save_profile(_forged(full_profile(), usual_cadence_spm=5)),
    ),  # type: ignore[arg-type]
    (
        "pain",
        lambda repo: repo.log_set(
            repo.start_strength_session(StrengthSession(day=TODAY)).id,  # type: ignore[arg-type]
            _forged(full_set(), pain=12),  # type: ignore[arg-type]
        ),
    ),
    ("phase", lambda repo: repo.start_strength_session(_forged(full_session(), phase=9))),  # type: ignore[arg-type]
    (
        "reminder_time",
        lambda repo: repo.save_settings(_forged(Settings(), reminder_time="25:00")),  # type: ignore[arg-type]
    ),
    ("pain_next_morning", lambda repo: repo.set_session_next_morning_pain(1, 11)),
    ("checkin", lambda repo: repo.save_checkin("2026-03-01")),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("field", "call"), FORGED_CASES, ids=[f for f, _ in FORGED_CASES])
def test_forged_records_never_reach_sql(
    repo: Repository, field: str, call: Callable[[Repository], object]
) -> None:
    with pytest.raises(ValidationError) as caught:
        call(repo)
    assert caught.value.field == field
    assert repo.list_checkins() == ()
    assert repo.list_runs() == ()
    assert repo.get_profile() is None
    assert all(s.sets == () for s in repo.list_strength_sessions())


def test_finish_before_start_is_clamped_and_logged(repo: Repository, caplog) -> None:
    """A wall clock moved back mid-session puts the finish before the start: the session
    is still closed (a refusal would block every later start), at its start, and logged."""
    start = datetime(2026, 3, 15, 9, 0, tzinfo=TZ)
    session = repo.start_strength_session(StrengthSession(day=TODAY, started_at=start))
    with caplog.at_level("WARNING", logger="hamstring_app.store.repository"):
        done = repo.finish_strength_session(session.id, start - timedelta(hours=1))  # type: ignore[arg-type]
    assert done.finished_at == start
    assert repo.unfinished_strength_session() is None
    assert "the clock moved back" in caplog.text


def test_a_whole_session_finishing_before_it_started_is_refused(repo: Repository) -> None:
    """A record given whole (an import, a restore) is data, not a clock: it is checked."""
    start = datetime(2026, 3, 15, 9, 0, tzinfo=TZ)
    backwards = StrengthSession(
        day=TODAY, started_at=start, finished_at=start - timedelta(minutes=1)
    )
    with pytest.raises(ValidationError) as caught:
        repo.start_strength_session(backwards)
    assert caught.value.field == "finished_at"
    assert repo.list_strength_sessions() == ()


def test_session_listing_a_set_twice_is_refused(repo: Repository) -> None:
    twice = dataclasses.replace(full_session(), sets=(full_set(), full_set()))
    with pytest.raises(ValidationError) as caught:
        repo.start_strength_session(twice)
    assert caught.value.field == "sets"
    assert repo.list_strength_sessions() == ()


def test_update_run_needs_an_id(repo: Repository) -> None:
    with pytest.raises(ValidationError) as caught:
        repo.update_run(full_run())
    assert caught.value.field == "id"


def test_demo_history_round_trips(repo: Repository) -> None:
    """The app's own five-year demo imports in one go and reads back equal."""
    history = build_demo_history(TODAY, years=5)
    repo.import_history(history)
    loaded = repo.load_history()
    assert loaded.profile == history.profile
    assert loaded.checkins == history.checkins
    assert [dataclasses.replace(r, id=None) for r in loaded.runs] == [
        dataclasses.replace(r, id=None) for r in history.runs
    ]
    assert [dataclasses.replace(s, id=None) for s in loaded.strength_sessions] == [
        dataclasses.replace(s, id=None) for s in history.strength_sessions
    ]
    assert len(loaded.checkins) >= 1800 and date(2021, 3, 16) <= loaded.checkins[0].day
