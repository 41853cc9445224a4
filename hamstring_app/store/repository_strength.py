"""The repository's methods for strength sessions and their sets.

Kept apart from repository.py so each file stays readable; :class:`Repository` inherits
them. A session and its sets are written in one transaction and read back whole
(store/reader.py).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from hamstring_app.core.models import (
    SetLog,
    StrengthSession,
    ValidationError,
    check_pain,
    check_time_order,
)
from hamstring_app.store import reader
from hamstring_app.store import records as r
from hamstring_app.store.errors import NotFound, StoreError
from hamstring_app.store.repository_base import RepositoryBase, _raw, _sql

if TYPE_CHECKING:
    from datetime import date

    from sqlalchemy import Connection

# the repository's one log, whichever of its modules writes to it
log = logging.getLogger("hamstring_app.store.repository")


class StrengthRecords(RepositoryBase):
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

