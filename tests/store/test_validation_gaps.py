"""Values that slipped past the repository's checks: each is now a ValidationError naming
its field, raised before any SQL runs (the file is left unchanged)."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from store_samples import TODAY, TZ, full_run

from hamstring_app.core.models import CheckIn, Run, SetLog, StrengthSession, ValidationError
from hamstring_app.core.settings import Settings
from hamstring_app.store.repository import Repository

NAIVE = datetime(2026, 3, 15, 9, 0)
AWARE = datetime(2026, 3, 15, 10, 0, tzinfo=TZ)


def _session(repo: Repository, **kw: object) -> int:
    made = repo.start_strength_session(StrengthSession(day=TODAY, **kw))  # type: ignore[arg-type]
    assert made.id is not None
    return made.id


CASES: list[tuple[str, str, Callable[[Repository], object]]] = [
    ("add_run id True", "id", lambda repo: repo.add_run(dataclasses.replace(full_run(), id=True))),
    ("add_run id 0", "id", lambda repo: repo.add_run(dataclasses.replace(full_run(), id=0))),
    ("add_run id text", "id", lambda repo: repo.add_run(dataclasses.replace(full_run(), id="1"))),
    (
        "update_run id True",
        "id",
        lambda repo: repo.update_run(dataclasses.replace(repo.add_run(full_run()), id=True)),
    ),
    ("delete_run True", "run_id", lambda repo: repo.delete_run(True)),  # type: ignore[arg-type]
    (
        "log_set session True",
        "session_id",
        lambda repo: (_session(repo), repo.log_set(True, SetLog("bridge", 1))),  # type: ignore[arg-type]
    ),
    (
        "finish session True",
        "session_id",
        lambda repo: (_session(repo), repo.finish_strength_session(True, AWARE)),  # type: ignore[arg-type]
    ),
    (
        "next morning session True",
        "session_id",
        lambda repo: (_session(repo), repo.set_session_next_morning_pain(True, 2)),  # type: ignore[arg-type]
    ),
    (
        "delete session True",
        "session_id",
        lambda repo: (_session(repo), repo.delete_strength_session(True)),  # type: ignore[arg-type]
    ),
    (
        "restore session id True",
        "id",
        lambda repo: repo.restore_strength_session(StrengthSession(day=TODAY, id=True)),  # type: ignore[arg-type]
    ),
    (
        "programme_id a number",
        "programme_id",
        lambda repo: repo.start_strength_session(StrengthSession(day=TODAY, programme_id=7)),  # type: ignore[arg-type]
    ),
    (
        "programme_id empty",
        "programme_id",
        lambda repo: repo.start_strength_session(StrengthSession(day=TODAY, programme_id=" ")),
    ),
    (
        "programme_id too long",
        "programme_id",
        lambda repo: repo.start_strength_session(
            StrengthSession(day=TODAY, programme_id="p" * 101)
        ),
    ),
    (
        "session naive start, aware finish",
        "finished_at",
        lambda repo: repo.start_strength_session(
            StrengthSession(day=TODAY, started_at=NAIVE, finished_at=AWARE)
        ),
    ),
    (
        "session aware finish before aware start",
        "finished_at",
        lambda repo: repo.start_strength_session(
            StrengthSession(day=TODAY, started_at=AWARE, finished_at=AWARE - timedelta(hours=1))
        ),
    ),
    (
        "finish: naive start, aware finish",
        "finished_at",
        lambda repo: repo.finish_strength_session(_session(repo, started_at=NAIVE), AWARE),
    ),
    (
        "set naive start, aware finish",
        "finished_at",
        lambda repo: repo.log_set(
            _session(repo), SetLog("bridge", 1, started_at=NAIVE, finished_at=AWARE)
        ),
    ),
    (
        "reminder time with a newline",
        "reminder_time",
        lambda repo: repo.save_settings(Settings(reminder_time="20:00\n")),
    ),
    (
        "note with a lone surrogate",
        "note",
        lambda repo: repo.save_checkin(CheckIn(day=TODAY, note="sore \ud800")),
    ),
    (
        "run note with a lone surrogate",
        "note",
        lambda repo: repo.add_run(Run(day=TODAY, distance_km=5, note="\udc80")),
    ),
    (
        "exercise with a lone surrogate",
        "exercise",
        lambda repo: repo.log_set(_session(repo), SetLog("bridge\udc80", 1)),
    ),
    (
        "programme with a lone surrogate",
        "programme_id",
        lambda repo: repo.start_strength_session(
            StrengthSession(day=TODAY, programme_id="phase\ud8001")
        ),
    ),
    ("huge distance", "distance_km", lambda repo: repo.add_run(Run(TODAY, 10**400))),
    (
        "huge next-morning pain",
        "pain_next_morning",
        lambda repo: repo.set_session_next_morning_pain(_session(repo), 10**400),
    ),
]


def _digest(repo: Repository) -> str:
    return hashlib.sha256(repo.database.path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("name", "field", "call"), CASES, ids=[c[0] for c in CASES])
def test_bad_value_is_a_validation_error_naming_the_field(repo, name, field, call):
    with pytest.raises(ValidationError) as caught:
        call(repo)
    assert caught.value.field == field, caught.value
    assert str(caught.value)  # a printable sentence, whatever the bad value


def test_good_ids_and_same_kind_times_still_work(repo):
    run = repo.add_run(full_run())
    assert repo.delete_run(run.id) == run  # type: ignore[arg-type]
    session_id = _session(repo, started_at=AWARE, programme_id="phase1")
    repo.log_set(session_id, SetLog("bridge", 1, started_at=AWARE, finished_at=AWARE))
    done = repo.finish_strength_session(session_id, AWARE + timedelta(minutes=20))
    assert done.programme_id == "phase1" and done.finished
    naive = _session(repo, started_at=NAIVE)
    assert repo.finish_strength_session(naive, NAIVE + timedelta(minutes=5)).finished
    repo.save_settings(Settings(reminder_time="07:30"))
    assert repo.get_settings().reminder_time == "07:30"
