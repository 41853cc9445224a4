"""The only door to stored data. Takes and returns core dataclasses, never table rows.

Every public method is one transaction: it commits as a whole or, on any error, rolls
back and leaves nothing half-written. Values are checked before any SQL runs (the
dataclasses' own checks again, plus "not in the future" against the injected
``today``); the schema's CHECK constraints are the second line of defence.

Reads take the lean path (store/reader.py, plain sqlite3); writes use SQLAlchemy Core
over the tables in tables.py, imported on the first write (``_sql``), so opening the
app and reading its history never wait for SQLAlchemy's imports.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

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
    check_time_order,
)
from hamstring_app.core.settings import Settings
from hamstring_app.paths import DB_NAME, ensure_private_dir
from hamstring_app.store import reader, unreadable
from hamstring_app.store import records as r
from hamstring_app.store.db import (
    Database,
    open_database,
    open_database_read_only,
    protect_files,
)
from hamstring_app.store.deferred_sets import SetsLoader
from hamstring_app.store.episode_records import EpisodeRecords, sync_profile_episode
from hamstring_app.store.errors import (
    Conflict,
    NotFound,
    ProfileUnreadable,
    StorageUnavailable,
    StoreError,
    storage_problem,
)
from hamstring_app.store.run_imports import RunImports

log = logging.getLogger(__name__)


if TYPE_CHECKING:
    from sqlalchemy import Connection

    from hamstring_app.exchange.merge import ImportPlan


def _sql() -> ModuleType:
    """SQLAlchemy Core and the tables (store/sql.py), imported on the first write."""
    from hamstring_app.store import sql

    return sql


def prepare_writes() -> None:
    """Import what writing needs (SQLAlchemy Core and the tables) ahead of the first write,
    which would otherwise wait for it. Safe from any thread: the app calls it from a
    background thread while the runner reads or types."""
    _sql()


def _raw(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy one: reads inside a write use it."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


class Repository(RunImports, EpisodeRecords):
    def __init__(self, database: Database, today: Callable[[], date]) -> None:
        self._db = database
        self._today = today
        self._local = threading.local()  # .conn: the transaction atomic() holds open

    @property
    def database(self) -> Database:
        return self._db

    def close(self) -> None:
        self._db.close()

    def still_there(self) -> bool:
        """False when the data file was removed, moved away or replaced since it was opened
        (writes then raise DataFileGone)."""
        return self._db.still_there()

    def prepare_writes(self) -> None:
        """:func:`prepare_writes`, and make the engine the writes will use."""
        prepare_writes()
        if not self._db.read_only:
            with contextlib.suppress(RuntimeError):  # closed meanwhile: nothing to prepare
                self._db.engine  # noqa: B018 - made on first use

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
        self._db.check_still_there()  # never save into a file removed or replaced meanwhile
        sql = _sql()
        try:
            with self._db.engine.begin() as conn:
                yield conn
        except (OSError, sql.DBAPIError) as exc:
            reason = storage_problem(exc)
            if reason is None:
                raise
            raise StorageUnavailable(self._db.path.parent, reason) from exc

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        held = getattr(self._local, "conn", None)
        if held is not None:  # inside atomic(): see its own writes
            yield _raw(held)
            return
        try:
            with self._db.reading() as conn:
                yield conn
        except sqlite3.DatabaseError as exc:  # the disk, or damage found mid-read
            from hamstring_app.store.db import read_failure, storage_or_damage

            if not self._db.still_there():
                self._db.check_still_there()
            if not storage_or_damage(exc):
                raise
            raise read_failure(self._db.path, exc) from exc

    def _day(self, name: str, day: date) -> None:
        r.check_day(name, day, self._today())

    # ------------------------------------------------------------------ meta, profile

    def meta(self) -> AppMeta:
        with self._read() as conn:
            return reader.meta(conn)

    def get_profile(self) -> Profile | None:
        with self._read() as conn:
            return reader.profile(conn)

    def profile_unreadable(self) -> str | None:
        """Why the saved profile cannot be read; None when it reads or none is saved.
        (:meth:`get_profile` reads such a profile as None.)"""
        with self._read() as conn:
            return reader.profile_problem(conn)

    def refuse_unreadable_profile(self, conn: sqlite3.Connection | None = None) -> None:
        """Raise ProfileUnreadable when a profile is saved but cannot be read: nothing may
        replace it. ``conn``: the write transaction's connection, to check inside it."""
        if conn is None:
            with self._read() as own:
                problem = reader.profile_problem(own)
        else:
            problem = reader.profile_problem(conn)
        if problem is not None:
            from hamstring_app.store.backups import newest_backup

            raise ProfileUnreadable(self._db.path, problem, newest_backup(self._db.path.parent))

    def save_profile(self, profile: Profile) -> None:
        r.revalidate(profile, Profile)
        self._day("injury_start", profile.injury_start)
        values = r.profile_values(profile)
        sql = _sql()
        stmt = sql.upsert(sql.profile).values(values)
        with self._write() as conn:
            self.refuse_unreadable_profile(_raw(conn))
            conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=values))
            sync_profile_episode(conn, profile)  # the current episode follows the profile

    # ------------------------------------------------------------------ check-ins

    def get_checkin(self, day: date) -> CheckIn | None:
        with self._read() as conn:
            return reader.checkin(conn, day)

    def save_checkin(self, checkin: CheckIn) -> None:
        """Insert the check-in, or replace the one already saved for that date."""
        r.revalidate(checkin, CheckIn)
        self._day("date", checkin.day)
        values = r.checkin_values(checkin)
        sql = _sql()
        stmt = sql.upsert(sql.checkin).values(values)
        with self._write() as conn:
            conn.execute(stmt.on_conflict_do_update(index_elements=["day"], set_=values))

    def restore_checkin(self, checkin: CheckIn) -> None:
        """Put back a deleted check-in (for undo). Never replaces one: if a check-in was
        saved for that date since, it is kept and Conflict is raised."""
        r.revalidate(checkin, CheckIn)
        self._day("date", checkin.day)
        sql = _sql()
        with self._write() as conn:
            if reader.checkin(_raw(conn), checkin.day) is not None:
                raise Conflict(
                    f"A check-in for {checkin.day.isoformat()} was saved since; it was kept."
                )
            conn.execute(sql.insert(sql.checkin).values(r.checkin_values(checkin)))

    def delete_checkin(self, day: date) -> CheckIn:
        sql = _sql()
        with self._write() as conn:
            found = reader.checkin(_raw(conn), day)
            if found is None:
                raise NotFound(f"There is no check-in for {day.isoformat()} to delete.")
            conn.execute(sql.delete(sql.checkin).where(sql.checkin.c.day == day))
        return found

    def list_checkins(
        self, start: date | None = None, end: date | None = None
    ) -> tuple[CheckIn, ...]:
        with self._read() as conn:
            return reader.checkins(conn, start, end)

    def last_checkin_before(self, day: date) -> CheckIn | None:
        with self._read() as conn:
            return reader.last_checkin_before(conn, day)

    # ------------------------------------------------------------------ runs

    def add_run(self, run: Run) -> Run:
        """Save a new run and return it with its id. A given id is kept (for undo)."""
        r.revalidate(run, Run)
        self._day("date", run.day)
        sql = _sql()
        with self._write() as conn:
            if run.id is not None and reader.run(_raw(conn), run.id) is not None:
                raise StoreError(f"A run with id {run.id} is already saved.")
            values = r.run_values(run, with_id=run.id is not None)
            new_id = conn.execute(
                sql.insert(sql.run).values(values).returning(sql.run.c.id)
            ).scalar_one()
        return _with_id(run, new_id)

    def update_run(self, run: Run) -> Run:
        r.revalidate(run, Run)
        if run.id is None:
            raise ValidationError("id", "is needed to change a saved run")
        self._day("date", run.day)
        sql = _sql()
        with self._write() as conn:
            done = conn.execute(
                sql.update(sql.run)
                .where(sql.run.c.id == run.id)
                .values(r.run_values(run, with_id=False))
            )
            if done.rowcount == 0:
                raise NotFound(f"There is no saved run with id {run.id} to change.")
        return run

    def delete_run(self, run_id: int) -> Run:
        r.check_record_id("run_id", run_id)
        sql = _sql()
        with self._write() as conn:
            found = reader.run(_raw(conn), run_id)
            if found is None:
                raise NotFound(f"There is no saved run with id {run_id} to delete.")
            conn.execute(sql.delete(sql.run).where(sql.run.c.id == run_id))
        return found

    def get_run(self, run_id: int) -> Run | None:
        with self._read() as conn:
            return reader.run(conn, run_id)

    def runs_on(self, day: date) -> tuple[Run, ...]:
        return self.list_runs(day, day)

    def list_runs(self, start: date | None = None, end: date | None = None) -> tuple[Run, ...]:
        with self._read() as conn:
            return reader.runs(conn, start, end)

    # ------------------------------------------------------------------ strength sessions

    def start_strength_session(self, session: StrengthSession) -> StrengthSession:
        """Save a new session (with any sets it already has) and return it with its id."""
        r.check_session(session, self._today())
        with self._write() as conn:
            session_id = self._insert_session(conn, session, keep_id=False)
            return self._session(conn, session_id)

    def log_set(self, session_id: int, set_log: SetLog) -> None:
        """Save one set at once. Logging the same exercise and set number again replaces it."""
        r.check_record_id("session_id", session_id)
        r.check_set(set_log, self._today())
        values = r.set_values(session_id, set_log)
        sql = _sql()
        stmt = sql.upsert(sql.set_log).values(values)
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
        """Mark a session finished. A finish before its start (the wall clock was moved
        back mid-session) is recorded as its start and logged, never refused."""
        r.check_record_id("session_id", session_id)
        if not isinstance(finished_at, datetime):
            raise ValidationError("finished_at", f"must be a date and time, not {finished_at!r}")
        r.check_moment("finished_at", finished_at, self._today())
        sql = _sql()
        with self._write() as conn:
            current = self._session(conn, session_id)
            finished_at = _not_before_start(current, finished_at)
            conn.execute(
                sql.update(sql.strength_session)
                .where(sql.strength_session.c.id == session_id)
                .values(finished_at=finished_at)
            )
            return self._session(conn, session_id)

    def set_session_next_morning_pain(self, session_id: int, pain: int | None) -> None:
        r.check_record_id("session_id", session_id)
        check_pain("pain_next_morning", pain)
        sql = _sql()
        with self._write() as conn:
            done = conn.execute(
                sql.update(sql.strength_session)
                .where(sql.strength_session.c.id == session_id)
                .values(pain_next_morning=pain)
            )
            if done.rowcount == 0:
                raise NotFound(f"There is no strength session with id {session_id}.")

    def unfinished_strength_session(self) -> StrengthSession | None:
        """The most recently started session that was never finished, if any."""
        with self._read() as conn, reader.snapshot(conn):
            found = reader.unfinished_session_id(conn)
            return None if found is None else reader.session(conn, found)

    def get_strength_session(self, session_id: int) -> StrengthSession | None:
        r.check_record_id("session_id", session_id)
        with self._read() as conn, reader.snapshot(conn):
            return reader.session(conn, session_id)

    def list_strength_sessions(
        self, start: date | None = None, end: date | None = None
    ) -> tuple[StrengthSession, ...]:
        with self._read() as conn, reader.snapshot(conn):
            return reader.sessions(conn, start, end)

    def delete_strength_session(self, session_id: int) -> StrengthSession:
        """Delete a session and (by cascade) its sets; returns it whole, for undo."""
        r.check_record_id("session_id", session_id)
        sql = _sql()
        with self._write() as conn:
            session = self._session(conn, session_id)
            conn.execute(
                sql.delete(sql.strength_session).where(sql.strength_session.c.id == session_id)
            )
        return session

    def restore_strength_session(self, session: StrengthSession) -> StrengthSession:
        """Put back a deleted session with its sets, keeping its id when it has one."""
        r.check_session(session, self._today())
        with self._write() as conn:
            if session.id is not None and reader.session(_raw(conn), session.id) is not None:
                raise StoreError(f"A strength session with id {session.id} is already saved.")
            session_id = self._insert_session(conn, session, keep_id=session.id is not None)
            return self._session(conn, session_id)

    def _insert_session(self, conn: Connection, session: StrengthSession, *, keep_id: bool) -> int:
        sql = _sql()
        values = r.session_values(session, with_id=keep_id)
        session_id: int = conn.execute(
            sql.insert(sql.strength_session).values(values).returning(sql.strength_session.c.id)
        ).scalar_one()
        if session.sets:
            conn.execute(
                sql.insert(sql.set_log), [r.set_values(session_id, s) for s in session.sets]
            )
        return session_id

    def _require_session(self, conn: Connection, session_id: int) -> None:
        found = _raw(conn).execute("SELECT 1 FROM strength_session WHERE id = ?", (session_id,))
        if found.fetchone() is None:
            raise NotFound(f"There is no strength session with id {session_id}.")

    def _session(self, conn: Connection, session_id: int) -> StrengthSession:
        """The session, read inside the write transaction ``conn``."""
        found = reader.session(_raw(conn), session_id)
        if found is None:
            raise NotFound(f"There is no strength session with id {session_id}.")
        return found

    # ------------------------------------------------------------------ history

    def load_history(
        self, start: date | None = None, *, recent_sets_days: int | None = None
    ) -> History:
        """Profile and every record from ``start`` on (everything without it), oldest first.

        With ``recent_sets_days``, the sets of strength sessions older than that many days
        are read from the file only when first asked for (store.deferred_sets): the
        first screen needs only the recent ones.

        A row that cannot be read is left out (and untouched in the file): see
        :meth:`unreadable_sentence` (older sets' rows once they are read)."""
        sets_from = loader = None
        if recent_sets_days is not None:
            sets_from = self._today() - timedelta(days=recent_sets_days)
            loader = SetsLoader(partial(self._older_sets, sets_from))
        with (
            unreadable.collecting() as skipped,
            self._read() as conn,
            reader.snapshot(conn),  # one consistent snapshot
        ):
            history = reader.history(conn, start, sets_from=sets_from, loader=loader)
        if start is None:
            self._unreadable = list(skipped)
        else:
            self._unreadable += [row for row in skipped if row not in self._unreadable]
        return history

    def _older_sets(self, before: date) -> dict[int, tuple[SetLog, ...]]:
        """The sets of every strength session dated before ``before``, by session id."""
        with unreadable.collecting() as skipped, self._read() as conn:
            found = reader.sessions(conn, None, before - timedelta(days=1))
        known = getattr(self, "_unreadable", [])
        self._unreadable = known + [row for row in skipped if row not in known]
        return {s.id: s.sets for s in found if s.id is not None}

    @property
    def unreadable_rows(self) -> tuple[unreadable.UnreadableRow, ...]:
        """The rows the last full history read had to leave out."""
        return tuple(getattr(self, "_unreadable", ()))

    def unreadable_sentence(self) -> str:
        """One plain sentence naming the rows left out, or "" when every row was read."""
        return unreadable.sentence(self.unreadable_rows)

    def import_history(self, history: History) -> None:
        """Add a whole history in one transaction with bulk inserts.

        The profile, if given, replaces the saved one (and the episodes follow it, or are
        replaced by the history's own when it has any); a check-in replaces any saved for
        the same date; runs, sessions and assessments are added as new records (their ids
        are not kept).
        """
        from hamstring_app.store import bulk

        bulk.check_history(history, self._today())
        with self._write() as conn:
            if history.profile is not None:
                self.refuse_unreadable_profile(_raw(conn))
            bulk.insert_history(conn, history)

    def import_new(self, incoming: History) -> ImportPlan:
        """Add the records of ``incoming`` not saved yet, in one transaction; returns what
        was added and skipped (see hamstring_app.exchange.merge). Check-ins already saved
        for a date and a saved profile are kept."""
        from hamstring_app.store import bulk

        bulk.check_history(incoming, self._today())
        with self._write() as conn:
            if incoming.profile is not None:
                self.refuse_unreadable_profile(_raw(conn))
            saved = reader.history(_raw(conn))
            return bulk.add_new(conn, saved, incoming)

    # ------------------------------------------------------------------ settings

    def get_settings(self) -> Settings:
        with self._read() as conn:
            stored = reader.settings_strings(conn)
        return Settings.from_strings(stored)

    def save_settings(self, settings: Settings) -> None:
        if not isinstance(settings, Settings):
            raise ValidationError("settings", f"must be Settings, not {type(settings).__name__}")
        settings.__post_init__()
        rows = [{"key": k, "value": v} for k, v in settings.to_strings().items()]
        sql = _sql()
        stmt = sql.upsert(sql.setting)
        stmt = stmt.on_conflict_do_update(
            index_elements=["key"], set_={"value": stmt.excluded.value}
        )
        with self._write() as conn:
            conn.execute(stmt, rows)


# ---------------------------------------------------------------------- helpers


def _not_before_start(session: StrengthSession, finished_at: datetime) -> datetime:
    """A finish the wall clock puts before the start (it was moved back mid-session) is
    recorded as the start: logged, never refused, so the session can always be closed."""
    started = session.started_at
    if started is None:
        return finished_at
    if (started.tzinfo is None) != (finished_at.tzinfo is None):
        # cannot be put in order at all: a caller's mistake, refused naming the field
        check_time_order(started, finished_at, what="the session")
    if finished_at < started:
        log.warning(
            "Session %s finished at %s, before it started at %s (the clock moved back); "
            "recorded as finished when it started",
            session.id, finished_at.isoformat(), started.isoformat(),
        )
        return started
    return finished_at


def _with_id(run: Run, run_id: int) -> Run:
    return run if run.id == run_id else replace(run, id=run_id)


def _refuse_links(path: Path) -> None:
    """The database and its side files must be real files in the folder, not links."""
    from hamstring_app.paths import LinkRefused, refuse_link
    from hamstring_app.store.db import SIDE_FILES
    from hamstring_app.store.errors import LinkNotFollowed

    for candidate in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        try:
            refuse_link(candidate)
        except LinkRefused as exc:
            raise LinkNotFollowed(candidate, str(exc)) from exc


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
    _refuse_links(folder / DB_NAME)
    database = open_database(folder / DB_NAME, app_version=app_version, now=now)
    protect_files(database.path)
    return Repository(database, today)
