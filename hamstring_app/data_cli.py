"""The command line's data commands: ``export`` and ``import`` (see docs/data-formats.md).

An edge of the app like ``assess``: the one place these commands read the system date.
Every failure prints one plain sentence to standard error, never a traceback.

Exit codes: 0 done; 1 the data or a file could not be read or written (nothing changed);
2 invalid input or usage.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2


def _folder(data_dir: str | None) -> Path:
    from hamstring_app import paths

    return Path(data_dir).expanduser().resolve() if data_dir else paths.resolve_data_dir()


def _fail(command: str, code: int, message: str, err: TextIO) -> int:
    print(f"hamstring-app {command}: {message}", file=err)
    return code


def run_export(
    *,
    json_file: str | None,
    csv_dir: str | None,
    data_dir: str | None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Write the saved data as one JSON file or three CSV files; reads the data only."""
    from hamstring_app import __version__
    from hamstring_app.exchange import service
    from hamstring_app.store.errors import StoreError
    from hamstring_app.store.repository import open_repository

    out, err = stdout or sys.stdout, stderr or sys.stderr
    today = date.today()
    try:
        repo = open_repository(
            _folder(data_dir), today=lambda: today, app_version=__version__, read_only=True
        )
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


# One importer per kind of file, chosen by the file name's ending. A command that imports
# other kinds of file (watch files) adds its entry here.
Importer = Callable[[Path, Path, bool, TextIO], int]


def _import_json(file: Path, folder: Path, dry_run: bool, out: TextIO) -> int:
    from hamstring_app import __version__
    from hamstring_app.core.models import History
    from hamstring_app.exchange import service
    from hamstring_app.exchange.merge import plan_import
    from hamstring_app.folder_lock import hold_folder
    from hamstring_app.paths import DataPaths, ensure_private_dir
    from hamstring_app.store.errors import NoDataYet
    from hamstring_app.store.repository import open_repository

    today = date.today()
    incoming = service.read_export(file, today)
    if dry_run:  # reads only; no data yet compares with nothing
        try:
            repo = open_repository(
                folder, today=lambda: today, app_version=__version__, read_only=True
            )
        except NoDataYet:
            plan = plan_import(History(), incoming)
        else:
            try:
                plan = service.preview_import(repo, incoming)
            finally:
                repo.close()
    else:
        ensure_private_dir(folder)
        with hold_folder(DataPaths(folder).lock_file):
            repo = open_repository(folder, today=lambda: today, app_version=__version__)
            try:
                plan = service.import_history(repo, incoming)
            finally:
                repo.close()
    heading = "Would import" if dry_run else "Imported"
    print(f"{heading} from {file.name}:", file=out)
    for line in plan.summary():
        print(f"  {line}", file=out)
    return EXIT_OK


IMPORTERS: dict[str, Importer] = {".json": _import_json}


def run_import(
    *,
    files: Sequence[str],
    data_dir: str | None,
    dry_run: bool = False,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Import each file into the saved data (each file is one transaction)."""
    from hamstring_app.exchange.service import ExchangeError
    from hamstring_app.folder_lock import FolderInUse
    from hamstring_app.store.errors import StoreError

    out, err = stdout or sys.stdout, stderr or sys.stderr
    folder = _folder(data_dir)
    code = EXIT_OK
    for name in files:
        path = Path(name).expanduser()
        importer = IMPORTERS.get(path.suffix.lower())
        if importer is None:
            known = ", ".join(sorted(IMPORTERS))
            message = f"{path.name}: this kind of file cannot be imported (known: {known})."
            code = max(code, _fail("import", EXIT_INVALID, message, err))
            continue
        try:
            importer(path, folder, dry_run, out)
        except (ExchangeError, FolderInUse, StoreError, OSError) as exc:
            code = max(code, _fail("import", EXIT_FAILURE, str(exc), err))
    return code
