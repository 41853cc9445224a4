"""Checking and inserting a whole history at once (demo data, imports).

Used by :meth:`Repository.import_history`, inside its one transaction. Everything is
checked before the first row is written; rows go in with executemany-style inserts.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hamstring_app.core.episodes import Episode, ProfessionalAssessment, check_episodes
from hamstring_app.core.models import (
    CheckIn,
    History,
    Profile,
    Run,
    StrengthSession,
    ValidationError,
)
from hamstring_app.store import records as r
from hamstring_app.store import tables as t
from hamstring_app.store.episode_records import (
    insert_assessments,
    insert_episodes,
    sync_profile_episode,
)

if TYPE_CHECKING:
    from hamstring_app.exchange.merge import ImportPlan


def check_history(history: History, today: date) -> None:
    """Every record's own checks, no future dates, and one check-in per date."""
    if not isinstance(history, History):
        raise ValidationError("history", f"must be a History, not {type(history).__name__}")
    if history.profile is not None:
        r.revalidate(history.profile, Profile)
        r.check_day("injury_start", history.profile.injury_start, today)
    days: set[date] = set()
    for checkin in history.checkins:
        r.revalidate(checkin, CheckIn)
        r.check_day("date", checkin.day, today)
        if checkin.day in days:
            raise ValidationError("date", f"has two check-ins for {checkin.day.isoformat()}")
        days.add(checkin.day)
    for run in history.runs:
        r.revalidate(run, Run)
        r.check_day("date", run.day, today)
    for session in history.strength_sessions:
        r.check_session(session, today)
    for episode in history.episodes:
        r.revalidate(episode, Episode)
        r.check_day("onset", episode.onset, today)
        if episode.ended is not None:
            r.check_day("ended", episode.ended, today)
    check_episodes(history.episodes)
    for assessment in history.assessments:
        r.revalidate(assessment, ProfessionalAssessment)
        r.check_day("date", assessment.day, today)


def insert_history(conn: Connection, history: History) -> None:
    """Write a checked history: the profile and same-date check-ins are replaced,
    runs and sessions added with new ids."""
    if history.profile is not None:
        values = r.profile_values(history.profile)
        conn.execute(
            sqlite_insert(t.profile)
            .values(values)
            .on_conflict_do_update(index_elements=["id"], set_=values)
        )
    if history.episodes:
        insert_episodes(conn, history.episodes)
    elif history.profile is not None:
        sync_profile_episode(conn, history.profile)
    if history.assessments:
        insert_assessments(conn, history.assessments)
    if history.checkins:
        days = sorted({c.day for c in history.checkins})
        conn.execute(delete(t.checkin).where(t.checkin.c.day.in_(days)))
        conn.execute(insert(t.checkin), [r.checkin_values(c) for c in history.checkins])
    if history.runs:
        conn.execute(insert(t.run), [r.run_values(run, with_id=False) for run in history.runs])
    if history.strength_sessions:
        insert_sessions(conn, history.strength_sessions)


def add_new(conn: Connection, saved: History, incoming: History) -> ImportPlan:
    """Write the records of a checked ``incoming`` history that ``saved`` (read in this same
    transaction) does not hold yet; duplicates are skipped, saved check-ins kept."""
    from hamstring_app.exchange.merge import plan_import

    plan = plan_import(saved, incoming)
    if plan.adds_anything:
        insert_history(conn, plan.additions())
    return plan


def insert_sessions(conn: Connection, sessions: tuple[StrengthSession, ...]) -> None:
    """Sessions and all their sets in two bulk inserts.

    Ids are handed out here, after the highest ever used (AUTOINCREMENT's record
    included), so a deleted session's id is never reused and undo stays safe.
    """
    highest = conn.execute(select(func.max(t.strength_session.c.id))).scalar() or 0
    sequence = conn.exec_driver_sql(
        "SELECT seq FROM sqlite_sequence WHERE name = 'strength_session'"
    ).scalar()
    first = max(highest, sequence or 0) + 1
    session_rows: list[dict[str, Any]] = []
    set_rows: list[dict[str, Any]] = []
    for offset, session in enumerate(sessions):
        session_id = first + offset
        values = r.session_values(session, with_id=False)
        values["id"] = session_id
        session_rows.append(values)
        set_rows.extend(r.set_values(session_id, s) for s in session.sets)
    conn.execute(insert(t.strength_session), session_rows)
    if set_rows:
        conn.execute(insert(t.set_log), set_rows)
