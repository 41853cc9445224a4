"""Export and import over a repository: what the command line and the app both call.

No Qt here: the app runs these off the UI thread through its background-task helper.
Every failure is an :class:`ExchangeError` whose text says, in plain words, what went
wrong and that nothing was changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from hamstring_app.core.models import History
from hamstring_app.core.words import count_of
from hamstring_app.exchange import csvfiles
from hamstring_app.exchange.document import DocumentError, dumps, loads, to_document
from hamstring_app.exchange.files import write_files_atomic, write_text_atomic
from hamstring_app.exchange.merge import ImportPlan, plan_import

if TYPE_CHECKING:
    from hamstring_app.store.repository import Repository

#: files larger than this are refused before reading (five years of data is about 3 MB)
MAX_IMPORT_BYTES = 200 * 1024 * 1024


class ExchangeError(Exception):
    """An export or import that could not be done; ``str()`` is the human message."""


@dataclass(frozen=True)
class Exported:
    paths: tuple[Path, ...]
    checkins: int
    runs: int
    sessions: int

    def describe(self) -> str:
        where = ", ".join(str(p) for p in self.paths)
        return (
            f"Wrote {count_of(self.checkins, 'check-in')}, {count_of(self.runs, 'run')} and "
            f"{count_of(self.sessions, 'strength session')} to {where}."
        )


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _exported(history: History, paths: list[Path]) -> Exported:
    return Exported(
        tuple(paths), len(history.checkins), len(history.runs), len(history.strength_sessions)
    )


def export_json(repo: Repository, path: Path, today: date) -> Exported:
    """Everything as one JSON file in the format ``assess`` reads."""
    return export_history_json(repo.load_history(), path, today)


def export_history_json(history: History, path: Path, today: date) -> Exported:
    """``history`` (say the app's copy in memory) as one JSON file, like :func:`export_json`."""
    text = dumps(to_document(history, today))
    try:
        write_text_atomic(Path(path), text)
    except OSError as exc:
        raise ExchangeError(
            f"Could not write {path}: {_reason(exc)}. Nothing was written."
        ) from exc
    return _exported(history, [Path(path)])


def export_csv(repo: Repository, folder: Path) -> Exported:
    """Check-ins, runs and strength sets as three CSV files in ``folder``."""
    from hamstring_app.core.library import exercise_names

    history = repo.load_history()
    files = csvfiles.csv_files(history, exercise_names())
    if Path(folder).exists() and not Path(folder).is_dir():
        raise ExchangeError(
            f"Could not write the CSV files: {folder} is a file, not a folder. "
            "Nothing was written."
        )
    try:
        paths = write_files_atomic(Path(folder), files, encoding="utf-8-sig")
    except OSError as exc:
        where = f" ({Path(exc.filename).name})" if exc.filename else ""
        raise ExchangeError(
            f"Could not write the CSV files in {folder}{where}: {_reason(exc)}. "
            "Nothing was written."
        ) from exc
    return _exported(history, paths)


def read_export(path: Path, today: date) -> History:
    """The history in an exported JSON file; ExchangeError naming the problem if not one."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ExchangeError(
                f"{path} is {size // (1024 * 1024)} MB, too large to be an export from this "
                "app. Nothing was imported."
            )
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ExchangeError(f"Could not read {path}: {_reason(exc)}.") from exc
    except UnicodeDecodeError as exc:
        raise ExchangeError(f"{path} is not a text (UTF-8) file. Nothing was imported.") from exc
    try:
        history, _day = loads(text, source=path.name, system_today=today)
    except DocumentError as exc:
        newer = ""
        if "is not a known field" in str(exc) or "must be one of" in str(exc):
            newer = (" (the file may come from a newer version of Hamstring Coach: update "
                     "this app, then import it again)")
        raise ExchangeError(f"{exc}{newer}. Nothing was imported.") from exc
    return history


def preview_import(repo: Repository, incoming: History) -> ImportPlan:
    """What importing ``incoming`` would add and skip, without writing anything."""
    return plan_import(repo.load_history(), incoming)


def import_history(repo: Repository, incoming: History) -> ImportPlan:
    """Add what is new in ``incoming``, in one transaction (all of it or nothing)."""
    from hamstring_app.core.models import ValidationError
    from hamstring_app.store.errors import StoreError

    try:
        return repo.import_new(incoming)
    except ValidationError as exc:
        raise ExchangeError(
            f"The file holds a record the app cannot save ({exc.field}: {exc.message}). "
            "Nothing was imported."
        ) from exc
    except StoreError as exc:
        raise ExchangeError(f"{exc} Nothing was imported.") from exc
