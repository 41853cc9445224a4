"""The command line's data commands: ``export``, and the JSON part of ``import``
(see docs/data-formats.md).

An edge of the app like ``assess``: the one place these commands read the system date.
Every failure prints one plain sentence to standard error, never a traceback.

Exit codes: 0 done; 1 the data or a file could not be read or written (nothing changed);
2 invalid input or usage.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2


def _folder(data_dir: str | None) -> Path:
    from hamstring_app import paths

    return Path(data_dir).expanduser().resolve() if data_dir else paths.resolve_data_dir()


def _read_only(data_dir: str | None, today: date) -> Any:
    """The data folder's repository, opened read only (export and report change nothing);
    raises StoreError saying why it cannot be."""
    from hamstring_app import __version__
    from hamstring_app.store.repository import open_repository

    return open_repository(
        _folder(data_dir), today=lambda: today, app_version=__version__, read_only=True
    )


def _fail(command: str, code: int, message: str, err: TextIO) -> int:
    print(f"hamstring-app {command}: {message}", file=err)
    return code


def _special_target(command: str, target: str, err: TextIO) -> int | None:
    """A target that exists but is a pipe, device or socket is refused: writing beside it
    and moving the file into place would replace it (exit 1, nothing written)."""
    path = Path(target).expanduser()
    try:
        special = path.exists() and not path.is_dir() and not path.is_file()
    except OSError:
        return None  # the write itself says what is wrong with it
    if not special:
        return None
    said = (f"Could not write {target}: it is not a regular file (a pipe, device or socket); "
            "give a file name. Nothing was written.")
    return _fail(command, EXIT_FAILURE, said, err)


def run_export(
    *,
    json_file: str | None,
    csv_dir: str | None,
    data_dir: str | None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Write the saved data as one JSON file or three CSV files; reads the data only."""
    from hamstring_app.exchange import service
    from hamstring_app.store.errors import StoreError

    out, err = stdout or sys.stdout, stderr or sys.stderr
    today = date.today()
    if json_file is not None and (refused := _special_target("export", json_file, err)):
        return refused
    try:
        repo = _read_only(data_dir, today)
    except StoreError as exc:
        return _fail("export", EXIT_FAILURE, str(exc), err)
    try:
        if json_file is not None:
            done = service.export_json(repo, Path(json_file).expanduser(), today)
        else:
            assert csv_dir is not None
            done = service.export_csv(repo, Path(csv_dir).expanduser())
    except (service.ExchangeError, StoreError) as exc:
        return _fail("export", EXIT_FAILURE, str(exc), err)
    finally:
        repo.close()
    print(done.describe(), file=out)
    return EXIT_OK


def json_import(file: Path, repo: Any, dry_run: bool) -> tuple[dict[str, Any], str]:
    """Import the app's own JSON export into the open ``repo`` (one transaction).

    The reader ``hamstring-app import`` calls for ``.json`` files (see import_cli). Raises
    StoreError with the reason when the file cannot be read or saved, or while the app has
    the data folder open; nothing is written then.
    """
    from hamstring_app.exchange import service
    from hamstring_app.folder_lock import FolderInUse, hold_folder
    from hamstring_app.paths import DataPaths
    from hamstring_app.store.errors import StoreError

    today = date.today()
    try:
        incoming = service.read_export(file, today)
        if dry_run:
            plan = service.preview_import(repo, incoming)
        else:
            with hold_folder(DataPaths(repo.database.path.parent).lock_file):
                plan = service.import_history(repo, incoming)
    except (service.ExchangeError, FolderInUse) as exc:
        raise StoreError(str(exc).removesuffix(" Nothing was imported.").rstrip()) from exc
    summary = " ".join(plan.summary())
    heading = "Would import" if dry_run else "Imported"
    report: dict[str, Any] = {
        "file": str(file),
        "dry_run": dry_run,
        "added": {
            "profile": plan.profile is not None,
            "checkins": len(plan.checkins),
            "runs": len(plan.runs),
            "strength_sessions": len(plan.sessions),
            "episodes": len(plan.episodes),
            "assessments": len(plan.assessments),
        },
        "already_saved": {
            "checkins": plan.duplicate_checkins,
            "runs": plan.duplicate_runs,
            "strength_sessions": plan.duplicate_sessions,
            "assessments": plan.duplicate_assessments,
        },
        "checkins_kept_where_the_file_differs": [d.isoformat() for d in plan.conflicts],
        "profile_kept": plan.profile_kept,
        "episodes_kept": plan.episodes_kept,
    }
    return report, f"{heading} from {file.name}: {summary}"


def json_check(file: Path) -> None:
    """Read ``file`` as the app's JSON export; StoreError with the reason if it is not one.
    Writes nothing and needs no data folder (see import_cli.JSON_CHECK)."""
    from hamstring_app.exchange import service
    from hamstring_app.store.errors import StoreError

    try:
        service.read_export(file, date.today())
    except service.ExchangeError as exc:
        raise StoreError(str(exc)) from exc


def register_json_import() -> None:
    """Hand the JSON export reader to ``hamstring-app import`` (import_cli.JSON_IMPORT)."""
    from hamstring_app import import_cli

    if import_cli.JSON_IMPORT is None:
        import_cli.JSON_IMPORT = json_import
    if import_cli.JSON_CHECK is None:
        import_cli.JSON_CHECK = json_check


def run_backup(
    *,
    out_file: str | None,
    data_dir: str | None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Back up the data (works while the app is open: SQLite's online backup)."""
    from datetime import datetime

    from hamstring_app.paths import DataPaths
    from hamstring_app.store.backups import make_backup
    from hamstring_app.store.errors import StoreError

    out, err = stdout or sys.stdout, stderr or sys.stderr
    paths = DataPaths(_folder(data_dir))
    target = Path(out_file).expanduser() if out_file else None
    try:
        info = make_backup(paths.database, now=datetime.now(), target=target)
    except StoreError as exc:
        return _fail("backup", EXIT_FAILURE, str(exc), err)
    print(f"Backed up to {info.path}: {info.contents()}.", file=out)
    return EXIT_OK


def run_restore(
    *,
    file: str,
    data_dir: str | None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Restore a backup, after backing up the current data; refused while the app is open."""
    from datetime import datetime

    from hamstring_app import __version__
    from hamstring_app.folder_lock import FolderInUse, hold_folder
    from hamstring_app.paths import DataPaths, ensure_private_dir
    from hamstring_app.store.errors import StoreError
    from hamstring_app.store.restore import check_backup, restore_backup

    out, err = stdout or sys.stdout, stderr or sys.stderr
    paths = DataPaths(_folder(data_dir))
    backup = Path(file).expanduser()
    if backup.is_dir():
        said = f"{backup} is a folder, not a backup file. Nothing was changed."
        return _fail("restore", EXIT_FAILURE, said, err)
    try:
        check_backup(backup)  # a bad backup is refused before anything else
        ensure_private_dir(paths.root)
        with hold_folder(paths.lock_file):
            done = restore_backup(paths.root, backup, now=datetime.now(), app_version=__version__)
    except (StoreError, FolderInUse) as exc:
        return _fail("restore", EXIT_FAILURE, str(exc), err)
    except OSError as exc:
        return _fail("restore", EXIT_FAILURE, f"{exc.strerror or exc}. Nothing was changed.", err)
    print(f"Restored {backup.name}: {done.restored.contents()}.", file=out)
    if done.previous is not None:
        print(f"Your data as it was before is kept in {done.previous.path}.", file=out)
    return EXIT_OK


def run_report(
    *,
    out_file: str,
    start: str | None,
    end: str | None,
    data_dir: str | None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Write the report for a health professional as a PDF (reads the data only)."""
    from datetime import timedelta

    from hamstring_app.core.models import ValidationError
    from hamstring_app.core.rules.jsonio import parse_date
    from hamstring_app.store.errors import StoreError

    out, err = stdout or sys.stdout, stderr or sys.stderr
    today = date.today()
    try:
        last = parse_date("--to", end) if end else today
        first = parse_date("--from", start) if start else None
    except ValidationError as exc:
        return _fail("report", EXIT_INVALID, f"{exc.field}: {exc.message}", err)
    if refused := _special_target("report", out_file, err):
        return refused
    for option, day in (("--to", last), ("--from", first)):
        if day is not None and day > today:  # the verdict of a day to come is a guess
            said = f"{option} {day} is after today ({today}): a report covers days already lived"
            return _fail("report", EXIT_INVALID, said, err)
    try:
        repo = _read_only(data_dir, today)
        try:
            history = repo.load_history()
            settings = repo.get_settings()
        finally:
            repo.close()
    except StoreError as exc:
        return _fail("report", EXIT_FAILURE, str(exc), err)
    if first is None:  # the current episode, from two weeks before its onset
        onset = history.profile.injury_start if history.profile else last
        first = min(last, onset - timedelta(days=14))
    if first > last:
        return _fail("report", EXIT_INVALID, "--from is after --to", err)
    from hamstring_app.core.library import exercise_names
    from hamstring_app.core.report import SECTIONS, build_report, recorded_between

    if not recorded_between(history, first, last):
        said = (f"nothing is recorded from {first} to {last} (no check-ins, runs or "
                "strength sessions): choose other dates with --from and --to, or record a "
                "check-in first")
        return _fail("report", EXIT_INVALID, said, err)
    from hamstring_app.ui.data_out.report_ui import write_pdf_atomic
    from hamstring_app.ui.report_pdf import headless_app

    app = headless_app()
    report = build_report(
        history,
        start=first,
        end=last,
        names=exercise_names(),
        sessions_per_week=settings.sessions_per_week,
        made_on=today,
    )
    try:
        # beside the target under a temporary name, then moved into place: a folder that
        # is missing or read-only is an error, never a report said to be written
        pages = write_pdf_atomic(Path(out_file).expanduser(), report, SECTIONS)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        said = f"Could not write {out_file}: {reason}. Nothing was written."
        return _fail("report", EXIT_FAILURE, said, err)
    del app
    noun = "page" if pages == 1 else "pages"
    print(f"Wrote the report ({pages} {noun}, {first} to {last}) to {out_file}.", file=out)
    return EXIT_OK
