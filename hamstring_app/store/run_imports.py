"""The repository's methods for runs read from watch files (see hamstring_app.importer).

Kept apart from repository.py so each file stays readable; :class:`Repository` inherits
them and supplies ``_write``, ``_read`` and ``_day``. Reads take the lean path
(store/reader.py); writes SQLAlchemy Core, imported on the first write.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from hamstring_app.core.models import Run, ValidationError
from hamstring_app.store import reader
from hamstring_app.store import records as r
from hamstring_app.store.errors import Conflict, NotFound
from hamstring_app.store.repository_base import _raw

log = logging.getLogger(__name__)

#: the setting row that remembers the watched folder's files (not a user setting: the
#: Settings dataclass does not know this key, so it is never shown or exported)
WATCHED_KEY = "watched_folder.seen"

#: ids asked about in one statement (well under SQLite's limit on bound values)
ID_CHUNK = 500

#: a file in the watched folder as last seen: (size in bytes, modification time in ns)
FileKey = tuple[int, int]


class RunImports:
    _write: Any
    _read: Any
    _day: Any

    def import_runs(
        self,
        new: Sequence[Run],
        merged: Sequence[Run],
        replaced: list[Run] | None = None,
    ) -> tuple[Run, ...]:
        """Add ``new`` runs and replace ``merged`` ones (saved runs given their measured
        fields), all in ONE transaction: any failure writes nothing. Returns every run
        written, with its id. A run whose file (content hash) is already saved is refused.
        ``replaced``, when given, receives the merged runs as they were before (for undo)."""
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
        from hamstring_app.store import sql

        with self._write() as conn:
            raw = _raw(conn)
            for run in merged:
                if replaced is not None:
                    before = reader.run(raw, run.id)
                    if before is not None:
                        replaced.append(before)
                write_over_saved_run(conn, run, "to merge into")
                written.append(run)
            saved = _hashes_saved(raw, [run.content_hash for run in new if run.content_hash])
            for run in new:
                if run.content_hash in saved:
                    raise Conflict(f"{run.source_file or 'This file'} was already imported.")
            if new:  # one statement for them all (an export brings thousands)
                rows = [r.run_values(run, with_id=False) for run in new]
                ids = conn.execute(
                    sql.insert(sql.run).returning(sql.run.c.id, sort_by_parameter_order=True),
                    rows,
                ).scalars().all()
                written.extend(replace(run, id=new_id) for run, new_id in zip(new, ids,
                                                                               strict=True))
        return tuple(written)

    def undo_import(self, added_ids: Sequence[int], restore: Sequence[Run]) -> tuple[Run, ...]:
        """Take an import back in ONE transaction: delete the runs it added (``added_ids``;
        one deleted since is passed over) and put the runs it merged into back as they
        were (``restore``, with their ids). Returns the runs deleted, as they were."""
        for run in restore:
            r.revalidate(run, Run)
            if run.id is None:
                raise ValidationError("id", "is needed to put a merged run back")
        from hamstring_app.store import sql

        wanted = list(dict.fromkeys(added_ids))  # each once, in the order given
        with self._write() as conn:
            raw = _raw(conn)
            saved: dict[int, Run] = {}
            # read and delete a few hundred at a time: an export adds thousands
            for start in range(0, len(wanted), ID_CHUNK):
                part = wanted[start:start + ID_CHUNK]
                marks = ",".join("?" * len(part))
                found = reader.runs_where(raw, f"id IN ({marks})", part)
                saved.update((run.id, run) for run in found if run.id is not None)
                if found:
                    conn.execute(sql.delete(sql.run).where(sql.run.c.id.in_(part)))
            for run in restore:
                write_over_saved_run(conn, run, "to put back")
        return tuple(saved[run_id] for run_id in wanted if run_id in saved)

    def redo_import(self, added: Sequence[Run], merged: Sequence[Run]) -> None:
        """Do an import again after :meth:`undo_import`: the runs it added go back with
        the ids they had, the merged runs take the measured fields again; ONE transaction."""
        for run in (*added, *merged):
            r.revalidate(run, Run)
            if run.id is None:
                raise ValidationError("id", "is needed to import a run again")
        from hamstring_app.store import sql

        with self._write() as conn:
            raw = _raw(conn)
            for run in added:
                if reader.run(raw, run.id) is not None:
                    raise Conflict(f"A run with id {run.id} is already saved.")
                if run.content_hash and _hash_saved(raw, run.content_hash):
                    raise Conflict(f"{run.source_file or 'This file'} was already imported.")
                conn.execute(sql.insert(sql.run).values(r.run_values(run, with_id=True)))
            for run in merged:
                write_over_saved_run(conn, run, "to merge into")

    def runs_to_match(self, start: date, end: date) -> tuple[Run, ...]:
        """Saved runs an import must be checked against: those from ``start`` to ``end``
        plus any run, whatever its date, whose file hash is known (for re-imports)."""
        with self._read() as conn, reader.snapshot(conn):
            near = reader.runs(conn, start, end)
            hashed = reader.runs_where(
                conn,
                "content_hash IS NOT NULL AND (day < ? OR day > ?)",
                (start.isoformat(), end.isoformat()),
            )
        return near + hashed

    def runs_needing_review(self) -> tuple[Run, ...]:
        """Runs imported from the watched folder that still wait for pain and RPE."""
        with self._read() as conn:
            return reader.runs_where(conn, "needs_review = 1")


    def watched_files(self, folder: str) -> dict[str, FileKey]:
        """The files of ``folder`` already offered for import, by path relative to it,
        with their size and time when seen. Empty for another folder, or when what was
        stored cannot be read (then every file is looked at again; duplicates are still
        dropped by the import)."""
        with self._read() as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (WATCHED_KEY,))
            found = row.fetchone()
        if found is None:
            return {}
        try:
            stored = json.loads(found[0])
            if stored.get("folder") != folder:
                return {}
            return {
                str(name): (int(key[0]), int(key[1]))
                for name, key in stored["files"].items()
            }
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            log.warning("The watched folder's list of files seen could not be read; "
                        "every file there is looked at again")
            return {}

    def remember_watched_files(self, folder: str, files: Mapping[str, FileKey]) -> None:
        """Replace the list of ``folder``'s files already offered (see watched_files)."""
        value = json.dumps(
            {"folder": folder, "files": {name: list(key) for name, key in files.items()}},
            separators=(",", ":"), ensure_ascii=False,
        )
        with self._write() as conn:
            _raw(conn).execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (WATCHED_KEY, value),
            )


def write_over_saved_run(conn: Any, run: Run, purpose: str) -> None:
    """Write ``run``'s fields over the saved run with its id, inside the write transaction
    ``conn``; NotFound, naming the id and ``purpose`` ("to merge into"), when there is none."""
    from hamstring_app.store import sql

    done = conn.execute(
        sql.update(sql.run).where(sql.run.c.id == run.id).values(r.run_values(run, with_id=False))
    )
    if done.rowcount == 0:
        raise NotFound(f"There is no saved run with id {run.id} {purpose}.")


def _hashes_saved(conn: Any, digests: Sequence[str]) -> set[str]:
    """Which of ``digests`` a saved run already has (asked a few hundred at a time)."""
    found: set[str] = set()
    for start in range(0, len(digests), ID_CHUNK):
        part = digests[start:start + ID_CHUNK]
        marks = ",".join("?" * len(part))
        rows = conn.execute(f"SELECT content_hash FROM run WHERE content_hash IN ({marks})",
                            part)
        found.update(row[0] for row in rows)
    return found


def _hash_saved(conn: Any, digest: str) -> bool:
    found = conn.execute("SELECT 1 FROM run WHERE content_hash = ?", (digest,))
    return found.fetchone() is not None

