"""The repository's methods for runs read from watch files (see hamstring_app.importer).

Kept apart from repository.py so each file stays readable; :class:`Repository` inherits
them and supplies ``_write``, ``_read``, ``_day``, ``_runs``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select, update

from hamstring_app.core.models import Run, ValidationError
from hamstring_app.store import records as r
from hamstring_app.store import tables as t
from hamstring_app.store.errors import Conflict, NotFound


class RunImports:
    _write: Any
    _read: Any
    _day: Any
    _runs: Any

    def import_runs(self, new: Sequence[Run], merged: Sequence[Run]) -> tuple[Run, ...]:
        """Add ``new`` runs and replace ``merged`` ones (saved runs given their measured
        fields), all in ONE transaction: any failure writes nothing. Returns every run
        written, with its id. A run whose file (content hash) is already saved is refused."""
        for run in (*new, *merged):
            r.revalidate(run, Run)
            self._day("date", run.day)
        for run in merged:
            if run.id is None:
                raise ValidationError("id", "is needed to merge into a saved run")
        hashes = [run.content_hash for run in (*new, *merged) if run.content_hash]
        if len(hashes) != len(set(hashes)):
            raise ValidationError("content_hash", "the same file is listed twice")
        written: list[Run] = []
        with self._write() as conn:
            for run in merged:
                done = conn.execute(
                    update(t.run)
                    .where(t.run.c.id == run.id)
                    .values(r.run_values(run, with_id=False))
                )
                if done.rowcount == 0:
                    raise NotFound(f"There is no saved run with id {run.id} to merge into.")
                written.append(run)
            for run in new:
                if run.content_hash and self._hash_saved(conn, run.content_hash):
                    raise Conflict(f"{run.source_file or 'This file'} was already imported.")
                values = r.run_values(replace(run, id=None), with_id=False)
                new_id = conn.execute(
                    insert(t.run).values(values).returning(t.run.c.id)
                ).scalar_one()
                written.append(replace(run, id=new_id))
        return tuple(written)

    def runs_to_match(self, start: date, end: date) -> tuple[Run, ...]:
        """Saved runs an import must be checked against: those from ``start`` to ``end``
        plus any run, whatever its date, whose file hash is known (for re-imports)."""
        with self._read() as conn:
            near = self._runs(conn, start, end)
            hashed = conn.execute(
                r.RUN_SELECT.where(t.run.c.content_hash.is_not(None)).where(
                    (t.run.c.day < start) | (t.run.c.day > end)
                )
            ).all()
        return near + tuple(map(r.run_from_row, hashed))

    def runs_needing_review(self) -> tuple[Run, ...]:
        """Runs imported from the watched folder that still wait for pain and RPE."""
        with self._read() as conn:
            rows = conn.execute(
                r.RUN_SELECT.where(t.run.c.needs_review.is_(True)).order_by(
                    t.run.c.day, t.run.c.id
                )
            ).all()
        return tuple(map(r.run_from_row, rows))

    @staticmethod
    def _hash_saved(conn: Connection, digest: str) -> bool:
        stmt = select(t.run.c.id).where(t.run.c.content_hash == digest)
        return conn.execute(stmt).first() is not None

