"""The only door to stored data. Takes and returns core dataclasses, never table rows.

Every public method is one transaction: it commits as a whole or, on any error, rolls
back and leaves nothing half-written. Values are checked before any SQL runs (the
dataclasses' own checks again, plus "not in the future" against the injected
``today``); the schema's CHECK constraints are the second line of defence.

Reads take the lean path (store/reader.py, plain sqlite3); writes use SQLAlchemy Core
over the tables in tables.py, imported on the first write, so opening the app and
reading its history never wait for SQLAlchemy's imports (store/repository_base.py).

:class:`Repository` is put together from parts, one file each: the plumbing
(repository_base.py), strength sessions (repository_strength.py), runs from watch files
(run_imports.py) and injury episodes (episode_records.py); the profile, check-ins, runs,
history and settings are here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from hamstring_app.core.models import (
    AppMeta,
    CheckIn,
    History,
    Profile,
    Run,
    SetLog,
    ValidationError,
)
from hamstring_app.core.settings import Settings
from hamstring_app.paths import DB_NAME, ensure_private_dir
from hamstring_app.store import reader, unreadable
from hamstring_app.store import records as r
from hamstring_app.store.db import (
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
from hamstring_app.store.repository_base import _raw, _sql, prepare_writes
from hamstring_app.store.repository_strength import StrengthRecords
from hamstring_app.store.run_imports import RunImports, write_over_saved_run

__all__ = ["Repository", "open_repository", "prepare_writes"]

if TYPE_CHECKING:
    from hamstring_app.exchange.merge import ImportPlan


class Repository(RunImports, EpisodeRecords, StrengthRecords):
    """Stored data in and out; open one with :func:`open_repository`."""

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
        with self._write() as conn:
            write_over_saved_run(conn, run, "to change")
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
