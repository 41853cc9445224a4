"""Importing runs from watch files: read and plan (no writes), then ONE operation that
writes every ticked row in one transaction.

``preview_import`` reads the files (hamstring_app.importer), then checks each activity
against the saved runs (duplicates, runs to merge). ``import_runs`` is the operation:
a cancel before its transaction commits, or any failure inside it, writes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from hamstring_app.core.changes import Changes, Kind
from hamstring_app.core.models import Run
from hamstring_app.core.tasks import NoTask, TaskToken, check_cancelled
from hamstring_app.importer.activity import Activity
from hamstring_app.importer.limits import DEFAULT_LIMITS, Limits
from hamstring_app.importer.plan import PlanRow, Status, ToWrite, plan_import, runs_to_write
from hamstring_app.importer.reader import ImportReader
from hamstring_app.store.operations import Done
from hamstring_app.store.repository import Repository

READ_SHARE = 0.95  # of the progress bar: reading files; the rest is checking the store


@dataclass(frozen=True, slots=True)
class Preview:
    rows: tuple[PlanRow, ...]
    files_read: int
    workers: int = 0  # worker processes that parsed the files (0: parsed in place)

    def count(self, status: Status) -> int:
        return sum(1 for row in self.rows if row.status is status)


@dataclass(frozen=True, slots=True)
class Imported:
    added: int
    merged: int
    not_written: int  # skipped, duplicates and unticked rows
    days: tuple[date, ...]
    # for undo: the runs added (with their ids), the runs merged into as they were before,
    # and as the import left them
    added_runs: tuple[Run, ...] = ()
    merged_before: tuple[Run, ...] = ()
    merged_after: tuple[Run, ...] = ()


def preview_import(
    repo: Repository,
    paths: Sequence[str | os.PathLike[str]],
    *,
    today: date,
    zone: tzinfo | None = None,
    limits: Limits = DEFAULT_LIMITS,
    task: TaskToken | None = None,
    processes: int | None = None,
) -> Preview:
    """Read ``paths`` and say, row by row, what an import would do. Writes nothing.
    Raises core.tasks.Cancelled when the task is cancelled. ``processes``: see
    ``ImportReader`` (None: worker processes for a big import)."""
    token = task or NoTask()
    reader = ImportReader(
        zone=zone,
        limits=limits,
        progress=lambda fraction, text: token.progress(fraction * READ_SHARE, text),
        cancelled=token.cancelled,
        processes=processes,
    )
    found = reader.read(paths)
    check_cancelled(token)
    days = [f.day for f in found if isinstance(f, Activity)]
    existing = (
        repo.runs_to_match(min(days) - timedelta(days=1), max(days) + timedelta(days=1))
        if days
        else ()
    )
    rows = plan_import(found, existing, today)
    token.progress(1.0, "")
    return Preview(tuple(rows), reader.files_read, reader.workers)


def remember_watched_files(
    repo: Repository, folder: str, files: Mapping[str, tuple[int, int]]
) -> Done[None]:
    """Remember which files of the watched folder were offered, so a restart does not offer
    them again (a run deleted since stays deleted). Changes no record of the history."""
    repo.remember_watched_files(folder, files)
    return Done(None, Changes.none())


def import_runs(
    repo: Repository, to_write: ToWrite, *, task: TaskToken | None = None
) -> Done[Imported]:
    """Write the new and merged runs in one transaction."""
    token = task or NoTask()
    check_cancelled(token)
    before: list[Run] = []
    written = repo.import_runs(to_write.new, to_write.merged, before)
    days = tuple(sorted({run.day for run in written} | {run.day for run in before}))
    changes = Changes.of(Kind.RUN, days=days) if days else Changes.none()
    imported = Imported(
        len(to_write.new), len(to_write.merged), to_write.skipped, days,
        added_runs=written[len(to_write.merged):],
        merged_before=tuple(before),
        merged_after=written[: len(to_write.merged)],
    )
    return Done(imported, changes)


def import_rows(
    repo: Repository,
    rows: Sequence[PlanRow],
    *,
    needs_review: bool = False,
    task: TaskToken | None = None,
) -> Done[Imported]:
    """The ticked rows of a review list, turned into runs and written as ``import_runs``
    does (turning a thousand rows into checked runs takes a while: a worker does it)."""
    return import_runs(repo, runs_to_write(rows, needs_review=needs_review), task=task)


def undo_import(
    repo: Repository, imported: Imported, *, task: TaskToken | None = None
) -> Done[tuple[Run, ...]]:
    """Take ``imported`` back: the runs it added are deleted and the runs it merged into
    are as they were, in one transaction. Returns the runs deleted."""
    check_cancelled(task or NoTask())
    deleted = repo.undo_import([run.id for run in imported.added_runs if run.id is not None],
                               imported.merged_before)
    return Done(deleted, _run_days(imported))


def redo_import(
    repo: Repository, imported: Imported, *, task: TaskToken | None = None
) -> Done[None]:
    """Do ``imported`` again after :func:`undo_import` (same ids, one transaction)."""
    check_cancelled(task or NoTask())
    repo.redo_import(imported.added_runs, imported.merged_after)
    return Done(None, _run_days(imported))


def _run_days(imported: Imported) -> Changes:
    return Changes.of(Kind.RUN, days=imported.days) if imported.days else Changes.none()
