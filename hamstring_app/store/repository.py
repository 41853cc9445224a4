"""The only door to stored data. Takes and returns core dataclasses, never ORM objects.

Every public method is one transaction: it commits as a whole or, on any error, rolls
back and leaves nothing half-written. Values are checked before any SQL runs (the
dataclasses' own checks again, plus "not in the future" against the injected
``today``); the schema's CHECK constraints are the second line of defence.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError

from hamstring_app.core.models import (
    AppMeta,
    CheckIn,
    History,
    Profile,
    Run,
    SetLog,
    StrengthSession,
    ValidationError,
    check_pain,
)
from hamstring_app.core.settings import Settings
from hamstring_app.paths import DB_NAME, ensure_private_dir
from hamstring_app.store import bulk
from hamstring_app.store import records as r
from hamstring_app.store import tables as t
from hamstring_app.store.db import (
    Database,
    open_database,
    open_database_read_only,
    protect_files,
)
from hamstring_app.store.episode_records import (
    EpisodeRecords,
    read_assessments,
    read_episodes,
    sync_profile_episode,
)
from hamstring_app.store.errors import (
    Conflict,
    NotFound,
    StorageUnavailable,
    StoreError,
    storage_problem,
)
from hamstring_app.store.run_imports import RunImports


class Repository(RunImports, EpisodeRecords):
    def __init__(self, database: Database, today: Callable[[], date]) -> None:
        self._db = database
        self._engine = database.engine
        self._today = today
        self._local = threading.local()  # .conn: the transaction atomic() holds open

    @property
    def database(self) -> Database:
        return self._db

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Make every write (and read) inside the block one transaction: all of it is kept,
        or on any error none of it. Nested blocks join the outer one. Per thread."""
        if getattr(self._local, "conn", None) is not None:
            yield
            return
        with self._write() as conn:
            self._local.conn = conn
            try:
                yield
            finally:
                self._local.conn = None

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction. A full or read-only disk becomes StorageUnavailable (rolled back)."""
        held = getattr(self._local, "conn", None)
        if held is not None:  # inside atomic(): its transaction commits or rolls back
            yield held
            return
        if self._db.read_only:
            raise StoreError("This data was opened for reading only; nothing was saved.")
        try:
            with self._engine.begin() as conn:
                yield conn
        except (OSError, DBAPIError) as exc:
            reason = storage_problem(exc)
            if reason is None:
                raise
            raise StorageUnavailable(self._db.path.parent, reason) from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        held = getattr(self._local, "conn", None)
        if held is not None:  # inside atomic(): see its own writes
            yield held
            return
        with self._engine.connect() as conn:
            yield conn

    def _day(self, name: str, day: date) -> None:
        r.check_day(name, day, self._today())

    # ------------------------------------------------------------------ meta, profile

    def meta(self) -> AppMeta:
        with self._read() as conn:
            row = conn.execute(select(t.app_meta.c.schema_revision, t.app_meta.c.app_version)).one()
        return AppMeta(schema_revision=row[0], app_version=row[1])

    def get_profile(self) -> Profile | None:
        with self._read() as conn:
            return self._profile(conn)

    @staticmethod
    def _profile(conn: Connection) -> Profile | None:
        row = conn.execute(r.PROFILE_SELECT).first()
        return None if row is None else r.profile_from_row(row)

    def save_profile(self, profile: Profile) -> None:
        r.revalidate(profile, Profile)
        self._day("injury_start", profile.injury_start)
        values = r.profile_values(profile)
        stmt = sqlite_insert(t.profile).values(values)
        with self._write() as conn:
            conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=values))
            sync_profile_episode(conn, profile)  # the current episode follows the profile

    # ------------------------------------------------------------------ check-ins

    def get_checkin(self, day: date) -> CheckIn | None:
        with self._read() as conn:
            row = conn.execute(r.CHECKIN_SELECT.where(t.checkin.c.day == day)).first()
        return None if row is None else r.checkin_from_row(row)

    def save_checkin(self, checkin: CheckIn) -> None:
        """Insert the check-in, or replace the one already saved for that date."""
        r.revalidate(checkin, CheckIn)
        self._day("date", checkin.day)
        values = r.checkin_values(checkin)
        stmt = sqlite_insert(t.checkin).values(values)
        with self._write() as conn:
            conn.execute(stmt.on_conflict_do_update(index_elements=["day"], set_=values))

    def restore_checkin(self, checkin: CheckIn) -> None:
        """Put back a deleted check-in (for undo). Never replaces one: if a check-in was
        saved for that date since, it is kept and Conflict is raised."""
        r.revalidate(checkin, CheckIn)
        self._day("date", checkin.day)
        with self._write() as conn:
            found = conn.execute(select(t.checkin.c.day).where(t.checkin.c.day == checkin.day))
            if found.first() is not None:
                raise Conflict(
                    f"A check-in for {checkin.day.isoformat()} was saved since; it was kept."
                )
            conn.execute(insert(t.checkin).values(r.checkin_values(checkin)))

    def delete_checkin(self, day: date) -> CheckIn:
        with self._write() as conn:
            row = conn.execute(r.CHECKIN_SELECT.where(t.checkin.c.day == day)).first()
            if row is None:
                raise NotFound(f"There is no check-in for {day.isoformat()} to delete.")
            conn.execute(delete(t.checkin).where(t.checkin.c.day == day))
        return r.checkin_from_row(row)

    def list_checkins(
        self, start: date | None = None, end: date | None = None
    ) -> tuple[CheckIn, ...]:
        with self._read() as conn:
            return self._checkins(conn, start, end)

    @staticmethod
    def _checkins(conn: Connection, start: date | None, end: date | None) -> tuple[CheckIn, ...]:
        stmt = _between(r.CHECKIN_SELECT, t.checkin.c.day, start, end).order_by(t.checkin.c.day)
        return tuple(map(r.checkin_from_row, conn.execute(stmt).all()))

    def last_checkin_before(self, day: date) -> CheckIn | None:
        stmt = (
            r.CHECKIN_SELECT.where(t.checkin.c.day < day).order_by(t.checkin.c.day.desc()).limit(1)
        )
        with self._read() as conn:
            row = conn.execute(stmt).first()
        return None if row is None else r.checkin_from_row(row)

    # ------------------------------------------------------------------ runs

    def add_run(self, run: Run) -> Run:
        """Save a new run and return it with its id. A given id is kept (for undo)."""
        r.revalidate(run, Run)
        self._day("date", run.day)
        with self._write() as conn:
            if run.id is not None and self._run_exists(conn, run.id):
                raise StoreError(f"A run with id {run.id} is already saved.")
            values = r.run_values(run, with_id=run.id is not None)
            new_id = conn.execute(insert(t.run).values(values).returning(t.run.c.id)).scalar_one()
        return _with_id(run, new_id)

    def update_run(self, run: Run) -> Run:
        r.revalidate(run, Run)
        if run.id is None:
            raise ValidationError("id", "is needed to change a saved run")
        self._day("date", run.day)
        with self._write() as conn:
            done = conn.execute(
                update(t.run).where(t.run.c.id == run.id).values(r.run_values(run, with_id=False))
            )
            if done.rowcount == 0:
                raise NotFound(f"There is no saved run with id {run.id} to change.")
        return run

    def delete_run(self, run_id: int) -> Run:
        with self._write() as conn:
            row = conn.execute(r.RUN_SELECT.where(t.run.c.id == run_id)).first()
            if row is None:
                raise NotFound(f"There is no saved run with id {run_id} to delete.")
            conn.execute(delete(t.run).where(t.run.c.id == run_id))
        return r.run_from_row(row)

    def get_run(self, run_id: int) -> Run | None:
        with self._read() as conn:
            row = conn.execute(r.RUN_SELECT.where(t.run.c.id == run_id)).first()
        return None if row is None else r.run_from_row(row)

    def runs_on(self, day: date) -> tuple[Run, ...]:
        return self.list_runs(day, day)

    def list_runs(self, start: date | None = None, end: date | None = None) -> tuple[Run, ...]:
        with self._read() as conn:
            return self._runs(conn, start, end)

    @staticmethod
    def _runs(conn: Connection, start: date | None, end: date | None) -> tuple[Run, ...]:
        stmt = _between(r.RUN_SELECT, t.run.c.day, start, end).order_by(t.run.c.day, t.run.c.id)
        return tuple(map(r.run_from_row, conn.execute(stmt).all()))

    @staticmethod
    def _run_exists(conn: Connection, run_id: int) -> bool:
        return conn.execute(select(t.run.c.id).where(t.run.c.id == run_id)).first() is not None

    # ------------------------------------------------------------------ strength sessions

    def start_strength_session(self, session: StrengthSession) -> StrengthSession:
        """Save a new session (with any sets it already has) and return it with its id."""
        r.check_session(session, self._today())
        with self._write() as conn:
            session_id = self._insert_session(conn, session, keep_id=False)
            return self._session(conn, session_id)

    def log_set(self, session_id: int, set_log: SetLog) -> None:
        """Save one set at once. Logging the same exercise and set number again replaces it."""
        r.check_set(set_log, self._today())
        values = r.set_values(session_id, set_log)
        stmt = sqlite_insert(t.set_log).values(values)
        changed = {
            k: v for k, v in values.items() if k not in ("session_id", "exercise_id", "set_number")
        }
        with self._write() as conn:
            self._require_session(conn, session_id)
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=["session_id", "exercise_id", "set_number"], set_=changed
                )
            )

    def finish_strength_session(self, session_id: int, finished_at: datetime) -> StrengthSession:
        if not isinstance(finished_at, datetime):
            raise ValidationError("finished_at", f"must be a date and time, not {finished_at!r}")
        r.check_moment("finished_at", finished_at, self._today())
        with self._write() as conn:
            current = self._session(conn, session_id)
            r.check_order(current.started_at, finished_at)
            conn.execute(
                update(t.strength_session)
                .where(t.strength_session.c.id == session_id)
                .values(finished_at=finished_at)
            )
            return self._session(conn, session_id)

    def set_session_next_morning_pain(self, session_id: int, pain: int | None) -> None:
        check_pain("pain_next_morning", pain)
        with self._write() as conn:
            done = conn.execute(
                update(t.strength_session)
                .where(t.strength_session.c.id == session_id)
                .values(pain_next_morning=pain)
            )
            if done.rowcount == 0:
                raise NotFound(f"There is no strength session with id {session_id}.")

    def unfinished_strength_session(self) -> StrengthSession | None:
        """The most recently started session that was never finished, if any."""
        with self._read() as conn:
            found = conn.execute(
                select(t.strength_session.c.id)
                .where(t.strength_session.c.finished_at.is_(None))
                .order_by(t.strength_session.c.id.desc())
                .limit(1)
            ).scalar()
            return None if found is None else self._session(conn, found)

    def get_strength_session(self, session_id: int) -> StrengthSession | None:
        with self._read() as conn:
            try:
                return self._session(conn, session_id)
            except NotFound:
                return None

    def list_strength_sessions(
        self, start: date | None = None, end: date | None = None
    ) -> tuple[StrengthSession, ...]:
        with self._read() as conn:
            return self._sessions(conn, start, end)

    def delete_strength_session(self, session_id: int) -> StrengthSession:
        """Delete a session and (by cascade) its sets; returns it whole, for undo."""
        with self._write() as conn:
            session = self._session(conn, session_id)
            conn.execute(delete(t.strength_session).where(t.strength_session.c.id == session_id))
        return session

    def restore_strength_session(self, session: StrengthSession) -> StrengthSession:
        """Put back a deleted session with its sets, keeping its id when it has one."""
        r.check_session(session, self._today())
        with self._write() as conn:
            if session.id is not None and self._session_exists(conn, session.id):
                raise StoreError(f"A strength session with id {session.id} is already saved.")
            session_id = self._insert_session(conn, session, keep_id=session.id is not None)
            return self._session(conn, session_id)

    def _insert_session(self, conn: Connection, session: StrengthSession, *, keep_id: bool) -> int:
        values = r.session_values(session, with_id=keep_id)
        session_id: int = conn.execute(
            insert(t.strength_session).values(values).returning(t.strength_session.c.id)
        ).scalar_one()
        if session.sets:
            conn.execute(insert(t.set_log), [r.set_values(session_id, s) for s in session.sets])
        return session_id

    @staticmethod
    def _session_exists(conn: Connection, session_id: int) -> bool:
        stmt = select(t.strength_session.c.id).where(t.strength_session.c.id == session_id)
        return conn.execute(stmt).first() is not None

    def _require_session(self, conn: Connection, session_id: int) -> None:
        if not self._session_exists(conn, session_id):
            raise NotFound(f"There is no strength session with id {session_id}.")

    def _session(self, conn: Connection, session_id: int) -> StrengthSession:
        row = conn.execute(r.SESSION_SELECT.where(t.strength_session.c.id == session_id)).first()
        if row is None:
            raise NotFound(f"There is no strength session with id {session_id}.")
        sets = conn.execute(
            r.SET_SELECT.where(t.set_log.c.session_id == session_id).order_by(t.set_log.c.id)
        )
        return r.session_from_row(row, tuple(map(r.set_from_row, sets)))

    def _sessions(
        self, conn: Connection, start: date | None, end: date | None
    ) -> tuple[StrengthSession, ...]:
        session_day = t.strength_session.c.day
        rows = conn.execute(
            _between(r.SESSION_SELECT, session_day, start, end).order_by(
                session_day, t.strength_session.c.id
            )
        ).all()
        set_stmt = _between(
            r.SET_SELECT.join(t.strength_session), session_day, start, end
        ).order_by(t.set_log.c.id)
        by_session: dict[int, list[SetLog]] = defaultdict(list)
        for row in conn.execute(set_stmt).all():
            by_session[row[0]].append(r.set_from_row(row))
        return tuple(r.session_from_row(row, tuple(by_session.get(row[0], ()))) for row in rows)

    # ------------------------------------------------------------------ history

    def load_history(self, start: date | None = None) -> History:
        """Profile and every record from ``start`` on (everything without it), oldest first."""
        with self._read() as conn:  # one read transaction: a consistent snapshot
            return History(
                profile=self._profile(conn),
                checkins=self._checkins(conn, start, None),
                runs=self._runs(conn, start, None),
                strength_sessions=self._sessions(conn, start, None),
                episodes=read_episodes(conn),
                assessments=read_assessments(conn),
            )

    def import_history(self, history: History) -> None:
        """Add a whole history in one transaction with bulk inserts.

        The profile, if given, replaces the saved one (and the episodes follow it, or are
        replaced by the history's own when it has any); a check-in replaces any saved for
        the same date; runs, sessions and assessments are added as new records (their ids
        are not kept).
        """
        bulk.check_history(history, self._today())
        with self._write() as conn:
            bulk.insert_history(conn, history)

    # ------------------------------------------------------------------ settings

    def get_settings(self) -> Settings:
        with self._read() as conn:
            rows = conn.execute(select(t.setting.c.key, t.setting.c.value)).all()
        stored = {key: value for key, value in rows}
        return Settings.from_strings(stored)

    def save_settings(self, settings: Settings) -> None:
        if not isinstance(settings, Settings):
            raise ValidationError("settings", f"must be Settings, not {type(settings).__name__}")
        settings.__post_init__()
        rows = [{"key": k, "value": v} for k, v in settings.to_strings().items()]
        stmt = sqlite_insert(t.setting)
        stmt = stmt.on_conflict_do_update(
            index_elements=["key"], set_={"value": stmt.excluded.value}
        )
        with self._write() as conn:
            conn.execute(stmt, rows)


# ---------------------------------------------------------------------- helpers


def _between(stmt: Any, column: Any, start: date | None, end: date | None) -> Any:
    if start is not None:
        stmt = stmt.where(column >= start)
    if end is not None:
        stmt = stmt.where(column <= end)
    return stmt


def _with_id(run: Run, run_id: int) -> Run:
    return run if run.id == run_id else replace(run, id=run_id)


def open_repository(
    data_dir: Path,
    *,
    today: Callable[[], date],
    app_version: str,
    now: Callable[[], datetime] | None = None,
    read_only: bool = False,
) -> Repository:
    """Open (creating, migrating or refusing) the database in ``data_dir``.

    The folder is made private (0700) and the database with its side files 0600.
    With ``read_only`` nothing is created, migrated, written or chmod-ed (see
    :func:`open_database_read_only`): a file behind the current format raises NeedsUpdate,
    a missing one NoDataYet, and every write method raises StoreError.
    """
    folder = Path(data_dir)
    if read_only:
        return Repository(open_database_read_only(folder / DB_NAME), today)
    try:
        ensure_private_dir(folder)
    except OSError as exc:
        raise StorageUnavailable(folder, storage_problem(exc) or str(exc)) from exc
    database = open_database(folder / DB_NAME, app_version=app_version, now=now)
    protect_files(database.path)
    return Repository(database, today)
