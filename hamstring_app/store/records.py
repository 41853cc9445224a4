"""Core dataclasses as the values written to the tables, and the checks done before
writing. (Reading rows back into dataclasses is store/reader.py's job.)"""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime
from typing import Any

from hamstring_app.core.models import (
    CheckIn,
    PainSite,
    Profile,
    Run,
    RunSource,
    RunType,
    SetLog,
    Side,
    StrengthSession,
    Units,
    ValidationError,
    check_id,
    check_not_future,
    check_time_order,
)

CHECKIN_FIELDS = tuple(f.name for f in fields(CheckIn))
RUN_FIELDS = tuple(f.name for f in fields(Run))
SET_FIELDS = tuple(f.name for f in fields(SetLog))
SESSION_COLUMNS = tuple(f.name for f in fields(StrengthSession) if f.name != "sets")


# ----------------------------------------------------------------------- records -> rows


_ENUMS = (RunType, RunSource, Side, PainSite, Units)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, _ENUMS) else value


def checkin_values(checkin: CheckIn) -> dict[str, Any]:
    return {name: getattr(checkin, name) for name in CHECKIN_FIELDS}


def run_values(run: Run, *, with_id: bool) -> dict[str, Any]:
    names = RUN_FIELDS if with_id else RUN_FIELDS[:-1]
    return {name: _plain(getattr(run, name)) for name in names}


def set_values(session_id: int, set_log: SetLog) -> dict[str, Any]:
    values = {name: getattr(set_log, name) for name in SET_FIELDS}
    values["session_id"] = session_id
    return values


def session_values(session: StrengthSession, *, with_id: bool) -> dict[str, Any]:
    values = {name: getattr(session, name) for name in SESSION_COLUMNS}
    if not with_id:
        del values["id"]
    return values


def profile_values(profile: Profile) -> dict[str, Any]:
    values = {f.name: _plain(getattr(profile, f.name)) for f in fields(Profile)}
    values["id"] = 1
    return values


# ----------------------------------------------------------------------- checks


def revalidate(record: object, kind: type) -> None:
    """Re-run a record's own checks: nothing invalid reaches SQL, however it was built."""
    if not isinstance(record, kind):
        raise ValidationError(
            kind.__name__.lower(), f"must be a {kind.__name__}, not {type(record).__name__}"
        )
    record.__post_init__()  # type: ignore[attr-defined]


def check_day(name: str, day: date, today: date) -> None:
    check_not_future(name, day, today)


def check_record_id(name: str, value: object) -> int:
    """An id given to a repository method: a whole number from 1 (``True`` is refused)."""
    if value is None:
        raise ValidationError(name, "is needed")
    check_id(name, value)
    return value  # type: ignore[return-value]


def check_moment(name: str, moment: datetime | None, today: date) -> None:
    if moment is not None:
        if isinstance(moment, bool) or not isinstance(moment, datetime):
            raise ValidationError(name, f"must be a date and time, not {moment!r}")
        check_not_future(name, moment.date(), today)


def check_order(started: datetime | None, finished: datetime | None) -> None:
    """A finish before the start is refused, and so is a start and a finish of which only
    one has a time zone (they cannot be put in order)."""
    check_time_order(started, finished, what="the session")


def check_set(set_log: SetLog, today: date) -> None:
    revalidate(set_log, SetLog)
    check_moment("started_at", set_log.started_at, today)
    check_moment("finished_at", set_log.finished_at, today)


def check_session(session: StrengthSession, today: date) -> None:
    revalidate(session, StrengthSession)
    check_day("date", session.day, today)
    check_moment("started_at", session.started_at, today)
    check_moment("finished_at", session.finished_at, today)
    check_order(session.started_at, session.finished_at)
    seen: set[tuple[str, int]] = set()
    for set_log in session.sets:
        check_set(set_log, today)
        key = (set_log.exercise_id, set_log.set_number)
        if key in seen:
            raise ValidationError(
                "sets", f"set {set_log.set_number} of {set_log.exercise_id} is listed twice"
            )
        seen.add(key)
