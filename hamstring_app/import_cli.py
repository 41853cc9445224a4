"""``hamstring-app import PATH... [--dry-run] [--json]``: runs from watch files and exports.

Reads every PATH (FIT, GPX, TCX, their .gz, Strava and Garmin zips, folders), checks each
activity against the saved runs and adds the new ones and merges into hand-typed ones in
one transaction, exactly as the app's review dialog would with every row left ticked.
``--dry-run`` writes nothing and prints what would be imported. Exit 0, or 2 with a
sentence saying what was wrong (a PATH that does not exist, data that cannot be opened
or written, the app having the data folder open).

An import that writes holds the data folder's lock (``folder_lock``, the same one the app
takes) from reading the files to the commit, so it never writes behind the back of an
open app, and the app cannot open the folder halfway through. A dry run only reads.

Files ending in ``.json`` are the app's own export, not watch files (except Garmin's
``*_summarizedActivities.json``, read as watch data): they are handed to
:data:`JSON_IMPORT` when the data-export feature has registered its reader there.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from hamstring_app import __version__
from hamstring_app.importer.plan import PlanRow, Status, runs_to_write

EXIT_OK = 0
EXIT_INVALID = 2

#: Reader for the app's own JSON export: called as ``JSON_IMPORT(path, repo, dry_run)``,
#: returns a dict that is printed under "json" (with --json) and a one-line summary.
JSON_IMPORT: Callable[[Path, Any, bool], tuple[dict[str, Any], str]] | None = None
#: Its check, registered with it: ``JSON_CHECK(path)`` reads the file and raises StoreError
#: with the reason when it cannot be imported. Every file is checked before the data
#: folder is opened, so a bad file leaves no trace (not even a new empty database) and
#: nothing from the files before it is imported.
JSON_CHECK: Callable[[Path], None] | None = None


def _fail(message: str, err: TextIO) -> int:
    print(f"hamstring-app import: {message}", file=err)
    return EXIT_INVALID


def _minutes(value: float | None) -> str:
    if value is None:
        return "-"
    total = round(value * 60)
    hours, rest = divmod(total, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def row_json(row: PlanRow) -> dict[str, Any]:
    a = row.activity
    out: dict[str, Any] = {
        "status": str(row.status),
        "reason": row.reason,
        "source": row.source,
        "date": row.day.isoformat() if row.day else None,
    }
    if a is not None:
        out.update(
            start=a.start.isoformat() if a.start else None,
            distance_km=a.distance_km,
            duration_min=a.duration_min,
            type=str(row.run_type),
            rpe=row.rpe,
            cadence_spm=a.cadence_spm,
            descent_m=a.descent_m,
            avg_hr_bpm=a.avg_hr_bpm,
            treadmill=a.treadmill,
            details=list(a.details),
        )
    return out


def row_line(row: PlanRow) -> str:
    a = row.activity
    day = row.day.isoformat() if row.day else "----------"
    if a is None:
        return f"{row.status:<9}  {day}  {row.source}: {row.reason}"
    cadence = f"{a.cadence_spm} spm" if a.cadence_spm else "- spm"
    descent = f"{a.descent_m:.0f} m down" if a.descent_m is not None else "- m down"
    why = f"  ({row.reason})" if row.reason else ""
    return (
        f"{row.status:<9}  {day}  {a.distance_km:6.2f} km  {_minutes(a.duration_min):>7}  "
        f"{row.run_type:<9}  {cadence:>7}  {descent:>10}  {row.source}{why}"
    )


def run_import(
    paths: Sequence[str],
    *,
    data_dir: str | None,
    dry_run: bool,
    as_json: bool,
    out: TextIO | None = None,
    err: TextIO | None = None,
    today: date | None = None,
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if not paths:
        return _fail("give at least one file, folder or zip to import", err)
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        return _fail(f"no such file or folder: {missing[0]}", err)
    from hamstring_app.folder_lock import FolderInUse, hold_folder
    from hamstring_app.paths import DataPaths, resolve_data_dir
    from hamstring_app.store.errors import StoreError
    from hamstring_app.store.importing import import_runs, preview_import
    from hamstring_app.store.repository import open_repository

    day = today or date.today()
    from hamstring_app.importer.garmin_summary import is_summary_file

    def app_export(path: str) -> bool:  # Garmin's activity summaries are watch data
        return path.lower().endswith(".json") and not is_summary_file(path)

    watch_files = [p for p in paths if not app_export(p)]
    app_exports = [Path(p) for p in paths if app_export(p)]
    if app_exports and JSON_IMPORT is None:
        return _fail(
            f"{app_exports[0]} is not a watch file (FIT, GPX, TCX or zip); this version "
            "cannot import the app's own JSON export",
            err,
        )
    try:
        for path in app_exports:
            if JSON_CHECK is not None:
                JSON_CHECK(path)
    except StoreError as exc:
        return _fail(str(exc), err)
    folder = resolve_data_dir(data_dir)
    try:
        repo = open_repository(folder, today=lambda: day, app_version=__version__)
    except (StoreError, OSError) as exc:
        return _fail(str(exc), err)
    try:
        extra: list[tuple[dict[str, Any], str]] = []
        for path in app_exports:
            assert JSON_IMPORT is not None
            extra.append(JSON_IMPORT(path, repo, dry_run))
        rows: tuple[PlanRow, ...] = ()
        added = merged = 0
        if watch_files:
            lock = (contextlib.nullcontext() if dry_run
                    else hold_folder(DataPaths(folder).lock_file))
            with lock:
                preview = preview_import(repo, watch_files, today=day)
                rows = preview.rows
                plan = runs_to_write(rows)
                added, merged = len(plan.new), len(plan.merged)
                if not dry_run and (plan.new or plan.merged):
                    import_runs(repo, plan)
    except FolderInUse as exc:
        return _fail(str(exc), err)
    except OSError as exc:  # the lock file could not be written
        return _fail(f"{exc.strerror or exc}: {exc.filename or folder}. Nothing was changed.",
                     err)
    except StoreError as exc:
        return _fail(f"{exc} Nothing was imported.", err)
    finally:
        repo.close()
    counts = {s: sum(1 for r in rows if r.status is s) for s in Status}
    if as_json:
        report = {
            "dry_run": dry_run,
            "added": added,
            "merged": merged,
            "duplicates": counts[Status.DUPLICATE],
            "skipped": counts[Status.SKIPPED],
            "rows": [row_json(r) for r in rows],
        }
        if extra:
            report["json"] = [data for data, _ in extra]
        json.dump(report, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    for row in rows:
        print(row_line(row), file=out)
    dry = " Nothing was written (--dry-run)." if dry_run else ""
    if watch_files:  # the watch files' summary, only when some were given
        verb = ("Would add", "would merge") if dry_run else ("Added", "merged")
        print(
            f"{verb[0]} {added} run{'s' * (added != 1)}, {verb[1]} {merged} into runs you "
            f"typed in; {counts[Status.DUPLICATE]} already saved, "
            f"{counts[Status.SKIPPED]} skipped." + dry,
            file=out,
        )
    for k, (_, line) in enumerate(extra):
        print(line + (dry if not watch_files and k == len(extra) - 1 else ""), file=out)
    return EXIT_OK
